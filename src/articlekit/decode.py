"""Stage 2 - decode: page bytes to text.

The order follows what browsers do (WHATWG encoding sniffing): a byte order
mark wins, then a transport charset (HTTP or WARC header), then a ``<meta>``
declaration in the first bytes, then detection.  A declared charset is only
trusted when the bytes decode cleanly with it, because pages that declare the
wrong charset are common in archives.  Charset labels map to the WHATWG
encodings (``iso-8859-1`` is really windows-1252, ``shift_jis`` is cp932).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode", "normalize_charset"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)

# Labels whose WHATWG meaning differs from Python's codec of the same name.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "utf8": "utf-8",
    "unicode": "utf-16-le",
    "utf-16": "utf-16-le",
}

# A page that says utf-16 in a <meta> tag was read as ASCII-compatible bytes,
# so the declaration is false (WHATWG: treat as utf-8).
_ASCII_INCOMPATIBLE = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"}


def normalize_charset(label: str | None) -> str | None:
    """The Python codec for a charset label, or None for an unknown or bogus label."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    return _WHATWG_ALIASES.get(name, name)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding used)``.

    ``declared`` is a charset from outside the page (an HTTP header).  Never
    raises: undecodable bytes become U+FFFD in the worst case.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    for label in (declared, _meta_charset(data)):
        encoding = normalize_charset(label)
        if encoding in _ASCII_INCOMPATIBLE:
            encoding = "utf-8"
        if encoding and _decodes_cleanly(data, encoding):
            return data.decode(encoding), encoding
    if _decodes_cleanly(data, "utf-8"):
        return data.decode("utf-8"), "utf-8"
    return _detect(data)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, 4096) or _META_CHARSET.search(data, 0, 65536)
    return match.group(1).decode("ascii", "replace") if match else None


def _decodes_cleanly(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _detect(data: bytes) -> tuple[str, str]:
    """Guess the encoding of bytes that declare none, or declare one that fails."""
    from bs4.dammit import UnicodeDammit

    sample = data[: 256 * 1024]
    dammit = UnicodeDammit(
        sample, known_definite_encodings=[], user_encodings=["utf-8", "cp1252"], is_html=True
    )
    encoding = normalize_charset(dammit.original_encoding) or "cp1252"
    if encoding in _ASCII_INCOMPATIBLE and b"\x00" not in sample:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding
