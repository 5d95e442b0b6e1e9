"""Source: whatever the caller passed, as bytes or text, within limits.

A ``str`` is page content (markup or plain text); a path is given as
:class:`pathlib.Path` (or any ``os.PathLike``).  That keeps ``parse("<p>hi</p>")``
and ``parse(Path("page.html"))`` unambiguous.

Nothing here reads more than ``Limits.max_input_bytes`` from a file or inflates
more than ``Limits.max_decompressed_bytes`` from a gzip stream, so a 50 GB file
or a gzip bomb costs no more than a page at the limit.  The only file ever opened
is the path the caller passed: nothing named inside a page is opened.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from articlekit.errors import InputError
from articlekit.options import DEFAULT_LIMITS, Limits

__all__ = ["Source", "load"]

GZIP_MAGIC = b"\x1f\x8b"

# A gzip stream is inflated in slices (of input and of output) so that damage
# part-way through keeps what was inflated before it.
_GZIP_SLICE = 64 * 1024

# Servers that compress twice exist; a third layer is not a page any more.
_MAX_GZIP_LAYERS = 2


@dataclass(frozen=True, slots=True)
class Source:
    """Raw page content and what is known about it before decoding.

    ``warnings`` says, in words a person can act on, what was cut or repaired on
    the way in; ``truncated`` is set when part of the input was dropped.
    """

    data: bytes | str
    name: str | None = None
    charset: str | None = None  # from a transport header (HTTP, WARC), if any
    truncated: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """``data`` as text (bytes are read as UTF-8 here; decode them first)."""
        if isinstance(self.data, str):
            return self.data
        return self.data.decode("utf-8", errors="replace")

    def cut(self, warning: str) -> Source:
        """This source, marked as cut at a limit for the reason ``warning``."""
        return replace(self, truncated=True, warnings=(*self.warnings, warning))

    def note(self, warning: str) -> Source:
        """This source with a repair noted in ``warnings`` (nothing was dropped)."""
        return replace(self, warnings=(*self.warnings, warning))


def load(source: Any, *, charset: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read ``source`` into a :class:`Source`.

    Accepts bytes-like objects, ``str`` (content), ``os.PathLike`` paths
    (gzip-compressed files are inflated, whatever their name), binary file
    objects, and BeautifulSoup or lxml objects.  Raises :class:`InputError`
    for anything else or a path that cannot be read.
    """
    if isinstance(source, str):
        return _from_text(source, None, limits)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = source[: limits.max_input_bytes + 1]
        return _from_bytes(bytes(data), None, charset, limits)
    if isinstance(source, os.PathLike):
        return _from_path(os.fspath(source), charset, limits)
    # Parsed objects first: a BeautifulSoup object answers any attribute (soup.read is
    # a search for a <read> tag), so hasattr(source, "read") would wrongly be true.
    markup = _markup_of_parsed_object(source)
    if markup is not None:
        return _from_text(markup, None, limits)
    if hasattr(source, "read"):
        return _from_file(source, getattr(source, "name", None), charset, limits)
    raise InputError(
        f"cannot parse a {type(source).__name__}: pass bytes, str, a pathlib.Path or a binary file"
    )


def _from_text(text: str, name: str | None, limits: Limits) -> Source:
    page = Source(text[: limits.max_text_chars], name=name)
    if len(text) > limits.max_text_chars:
        return page.cut(f"text cut at {limits.max_text_chars:,} characters (max_text_chars)")
    return page


def _from_path(path: str | bytes, charset: str | None, limits: Limits) -> Source:
    name = os.fsdecode(path)
    try:
        with open(path, "rb") as handle:
            return _from_file(handle, name, charset, limits)
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a page") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    except ValueError as error:  # e.g. a path with a NUL byte in it
        raise InputError(f"{name!r}: not a usable path ({error})") from None


def _from_file(handle: BinaryIO, name: Any, charset: str | None, limits: Limits) -> Source:
    label = str(name) if isinstance(name, (str, bytes, os.PathLike)) else None
    try:
        data = handle.read(limits.max_input_bytes + 1)
    except OSError as error:
        raise InputError(f"{label or 'file'}: cannot read ({error})") from None
    except (ValueError, TypeError) as error:  # a closed file, a text file in a weird state
        raise InputError(f"{label or 'file'}: cannot read ({error})") from None
    if isinstance(data, str):
        return _from_text(data, label, limits)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError("file object did not return bytes from read()")
    return _from_bytes(bytes(data), label, charset, limits)


def _from_bytes(data: bytes, name: str | None, charset: str | None, limits: Limits) -> Source:
    page = Source(data[: limits.max_input_bytes], name=name, charset=charset)
    if len(data) > limits.max_input_bytes:
        page = page.cut(f"input cut at {limits.max_input_bytes:,} bytes (max_input_bytes)")
    for _ in range(_MAX_GZIP_LAYERS):
        if not isinstance(page.data, bytes) or not page.data.startswith(GZIP_MAGIC):
            break
        page = _gunzip(page, limits.max_decompressed_bytes)
    return page


def _gunzip(page: Source, max_bytes: int) -> Source:
    """Inflate gzip data, stopping at ``max_bytes`` (a gzip bomb is cut, not expanded).

    A truncated or corrupt stream yields what could be inflated before the
    damage; concatenated gzip members are inflated one after the other.
    """
    assert isinstance(page.data, bytes)
    pending = page.data
    parts: list[bytes] = []
    budget = max_bytes + 1  # one byte more than allowed tells "cut" from "exactly full"
    problem: str | None = None
    while pending and budget > 0:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        offset = 0
        feed = pending[:_GZIP_SLICE]
        try:
            while feed and budget > 0:  # max_length=0 would mean "no limit": never pass it
                chunk = inflater.decompress(feed, min(budget, _GZIP_SLICE))
                parts.append(chunk)
                budget -= len(chunk)
                if inflater.eof:
                    break
                feed = inflater.unconsumed_tail  # input held back by the output limit
                if not feed:
                    offset += _GZIP_SLICE
                    feed = pending[offset : offset + _GZIP_SLICE]
        except zlib.error as error:
            problem = f"gzip data is corrupt ({error}); kept what inflated before the damage"
            break
        if budget <= 0:
            break
        if not inflater.eof:
            problem = "gzip data is truncated; kept what inflated before the end"
            break
        pending = inflater.unused_data + pending[offset + _GZIP_SLICE :]
        if not pending.startswith(GZIP_MAGIC):
            break  # trailing junk after the last member is ignored, as gzip(1) does
    inflated = b"".join(parts)
    result = replace(page, data=inflated[:max_bytes])
    if len(inflated) > max_bytes:
        return result.cut(f"gzip data cut at {max_bytes:,} inflated bytes (max_decompressed_bytes)")
    if problem:
        return result.cut(problem)
    return result


def _markup_of_parsed_object(source: Any) -> str | None:
    """Markup of a BeautifulSoup object or an lxml element, if ``source`` is one."""
    module = type(source).__module__
    if module.startswith("bs4"):
        try:
            return str(source)
        except RecursionError:  # bs4 serializes recursively: a very deep soup
            raise InputError("the soup object is nested too deeply to serialize") from None
    if module.startswith("lxml"):
        from lxml import etree

        try:
            return etree.tostring(source, encoding="unicode", method="html")
        except (TypeError, ValueError):
            return None
    return None
