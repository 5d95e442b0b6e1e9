"""Stage 1 - source: whatever the caller passed, as bytes or text, within limits.

A ``str`` is page content (markup or plain text); a path is given as
:class:`pathlib.Path` (or any ``os.PathLike``).  That keeps ``parse("<p>hi</p>")``
and ``parse(Path("page.html"))`` unambiguous.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

from articlekit.errors import InputError
from articlekit.options import Limits

__all__ = ["Source", "load"]

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Source:
    """Raw page content and what is known about it before decoding."""

    data: bytes | str
    name: str | None = None
    charset: str | None = None  # from a transport header (HTTP, WARC), if any
    truncated: bool = False


def load(source: Any, *, charset: str | None = None, limits: Limits = Limits()) -> Source:
    """Read ``source`` into a :class:`Source`.

    Accepts bytes-like objects, ``str`` (content), ``os.PathLike`` paths
    (gzip-compressed files are inflated, whatever their name), binary file
    objects, and BeautifulSoup or lxml objects.  Raises :class:`InputError`
    for anything else or a path that cannot be read.
    """
    if isinstance(source, str):
        return Source(source[: limits.max_text_chars], truncated=len(source) > limits.max_text_chars)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _from_bytes(bytes(source), None, charset, limits)
    if isinstance(source, os.PathLike):
        return _from_path(os.fspath(source), charset, limits)
    if hasattr(source, "read"):
        return _from_file(source, getattr(source, "name", None), charset, limits)
    markup = _markup_of_parsed_object(source)
    if markup is not None:
        return Source(markup)
    raise InputError(
        f"cannot parse a {type(source).__name__}: pass bytes, str, a pathlib.Path or a binary file"
    )


def _from_path(path: str | bytes, charset: str | None, limits: Limits) -> Source:
    name = os.fsdecode(path)
    try:
        with open(path, "rb") as handle:
            return _from_file(handle, name, charset, limits)
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a page") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None


def _from_file(handle: BinaryIO, name: Any, charset: str | None, limits: Limits) -> Source:
    try:
        data = handle.read(limits.max_input_bytes + 1)
    except OSError as error:
        raise InputError(f"{name or 'file'}: cannot read ({error})") from None
    if isinstance(data, str):
        return load(data, limits=limits)
    if not isinstance(data, (bytes, bytearray)):
        raise InputError("file object did not return bytes from read()")
    return _from_bytes(bytes(data), str(name) if name is not None else None, charset, limits)


def _from_bytes(data: bytes, name: str | None, charset: str | None, limits: Limits) -> Source:
    truncated = len(data) > limits.max_input_bytes
    data = data[: limits.max_input_bytes]
    if data.startswith(GZIP_MAGIC):
        data, cut = _gunzip(data, limits.max_decompressed_bytes)
        truncated = truncated or cut
    return Source(data, name=name, charset=charset, truncated=truncated)


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, bool]:
    """Inflate gzip data, stopping at ``max_bytes`` (a gzip bomb is cut, not expanded).

    A truncated or corrupt stream yields what could be inflated before the damage.
    """
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = io.BytesIO()
    try:
        out.write(inflater.decompress(data, max_bytes + 1))
    except zlib.error:
        pass
    inflated = out.getvalue()
    if len(inflated) > max_bytes:
        return inflated[:max_bytes], True
    return inflated, False


def _markup_of_parsed_object(source: Any) -> str | None:
    """Markup of a BeautifulSoup object or an lxml element, if ``source`` is one."""
    module = type(source).__module__
    if module.startswith("bs4"):
        return str(source)
    if module.startswith("lxml"):
        from lxml import etree

        try:
            return etree.tostring(source, encoding="unicode", method="html")
        except (TypeError, ValueError):
            return None
    return None


