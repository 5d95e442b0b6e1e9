"""Decode: page bytes to clean text.

The order follows what browsers do (WHATWG encoding sniffing), adjusted for
archives where declarations are often wrong:

1. a byte order mark wins;
2. UTF-16/UTF-32 without a BOM is recognised from its zero bytes;
3. bytes that are not text at all (an image, a PDF, a zip named ``.html``)
   are refused with :class:`NotAPageError`;
4. bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever the page
   declares (a false "windows-1252" on a UTF-8 page is common; real cp1252 or
   Shift_JIS text is almost never valid UTF-8 by accident);
5. a transport charset (HTTP or WARC header), then a ``<meta charset>``,
   ``<meta http-equiv="Content-Type">`` or ``<?xml encoding?>`` declaration,
   each trusted only when the bytes decode cleanly with it;
6. detection (bs4's ``UnicodeDammit``) on a sample, then decoding with
   U+FFFD for bytes that do not fit.

Charset labels map to the WHATWG encodings (``iso-8859-1`` is really
windows-1252, ``shift_jis`` is cp932); a bogus label is ignored, never raised.
The text is then cleaned of characters no HTML or XML tree can hold (NUL, C0
controls, lone surrogates, U+FFFE/U+FFFF), so later stages never meet them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from articlekit.errors import NotAPageError
from articlekit.input.source import Source
from articlekit.options import DEFAULT_LIMITS, Limits

__all__ = ["binary_kind", "clean_text", "decode", "decode_page", "normalize_charset"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Linear-time patterns: a declaration is found from the word "charset" (or
# "encoding") backwards, so a page of a million "<meta " costs one scan.
_CHARSET_VALUE = re.compile(rb"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_:.\-]{1,40})"""
)
_META_LOOKBACK = 512
_DECLARATION_WINDOWS = (4096, 65536)

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
    "utf-32": "utf-32-le",
}

# Printable ASCII, which every page encoding must leave as it is.  This rules
# out codecs that are not text encodings at all ("base64", "rot13", "hex" are
# valid codecs.lookup() names), EBCDIC, UTF-7 and the like: a page declaring
# one of them is treated as declaring nothing.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))

# A page that says utf-16 in a <meta> tag was read as ASCII-compatible bytes,
# so the declaration is false (WHATWG: treat as utf-8).
_ASCII_INCOMPATIBLE = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"}

# Signatures of common non-text files met under page names in crawls.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\xfd7zXZ\x00", "an xz stream"),
    (b"\x28\xb5\x2f\xfd", "a zstd stream"),
    (b"BZh91AY&SY", "a bzip2 stream"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE (old Office) document"),
    (b"\x00asm", "a WebAssembly module"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
    (b"OggS", "an Ogg stream"),
    (b"fLaC", "a FLAC stream"),
    (b"ID3", "an MP3 file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
)

_SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed, escape) above
# which a sample is binary.  Text pages have none; a few stray NULs in a
# damaged page stay well below this.
_BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

# Characters an lxml tree (XML 1.0 character rules) cannot hold, and that no
# page means as text; vertical tab and form feed become line breaks.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_BREAK_CHARS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
_CONTROL_BYTES_TO_DROP = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])

# How much of an undeclared page the detector reads: enough for a verdict,
# little enough that a pure-Python detector stays fast.
_DETECT_SAMPLE = 32 * 1024
_WESTERN_LOOKALIKES = {"cp1254", "iso8859-9", "iso8859-1", "iso8859-15", "latin-1"}
_CENTRAL_EUROPEAN = {"cp1250", "iso8859-2", "iso8859-16"}
_CENTRAL_EUROPEAN_LANGS = {b"cs", b"pl", b"sk", b"sl", b"hu", b"hr", b"ro", b"bs", b"sr", b"sq"}
# UTF-8 text with a few stray single-byte characters (a widget or an include saved in
# windows-1252): at least this many well-formed multi-byte characters per stray byte
_MIXED_UTF8_RATIO = 4
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_HTML_LANG = re.compile(rb"""<html[^>]*?\blang\s*=\s*["']?([a-zA-Z]{2,3})""", re.IGNORECASE)


def normalize_charset(label: str | None) -> str | None:
    """The Python codec for a charset label, or None for an unknown or bogus label."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if not label or len(label) > 40:
        return None
    label = _WHATWG_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError, TypeError):
        return None
    name = _WHATWG_ALIASES.get(name, name)
    if name in _ASCII_INCOMPATIBLE:
        return name
    try:
        if _PRINTABLE_ASCII.decode(name) != _PRINTABLE_ASCII.decode("ascii"):
            return None
    except (UnicodeDecodeError, LookupError, TypeError, ValueError):
        return None
    return name


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding used)``.

    ``declared`` is a charset from outside the page (an HTTP header).  Never
    raises: undecodable bytes become U+FFFD in the worst case.  The text is not
    cleaned; see :func:`decode_page` for the pipeline's full stage.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    wide = _sniff_wide_encoding(data)
    if wide:
        return data.decode(wide, errors="replace"), wide
    # ESC marks 7-bit ISO-2022 text (Japanese mail-era pages), which needs its codec
    if data.isascii():
        if b"\x1b" not in data:
            return data.decode("ascii"), "ascii"
    else:
        as_utf8 = _decode_cleanly(data, "utf-8")
        if as_utf8 is not None:
            return as_utf8, "utf-8"
        mixed = _mostly_utf8(data)
        if mixed is not None:
            return mixed, "utf-8"
    for label in (declared, *_declared_charsets(data)):
        candidate = normalize_charset(label)
        if candidate in _ASCII_INCOMPATIBLE:
            candidate = "utf-8"
        if candidate:
            text = _decode_cleanly(data, candidate)
            if text is not None:
                return text, candidate
    return _detect(data)


def decode_page(page: Source, limits: Limits = DEFAULT_LIMITS) -> Source:
    """The pipeline's decode stage: ``page`` with clean text as ``data``.

    Bytes are decoded (see :func:`decode`), refused with :class:`NotAPageError`
    when they are not text, and cut at ``limits.max_text_chars``.  Text of any
    origin is cleaned with :func:`clean_text`.
    """
    if isinstance(page.data, bytes):
        kind = binary_kind(page.data)
        if kind:
            where = f"{page.name}: " if page.name else ""
            raise NotAPageError(f"{where}not a page: the data is {kind}")
        raw = page.data
        decoded, encoding = decode(raw, page.charset)
        page = replace(page, data=decoded, charset=encoding)
        if _is_utf8_of(decoded, raw, encoding) and _is_clean(decoded, raw):
            text = decoded  # clean, checked on the page's own bytes (no encoding again)
        else:
            text = clean_text(decoded)
    else:
        text = clean_text(page.text)
    if len(text) != len(page.text):
        page = page.note("removed control characters that are not text")
    if len(text) > limits.max_text_chars:
        page = page.cut(f"text cut at {limits.max_text_chars:,} characters (max_text_chars)")
        text = text[: limits.max_text_chars]
    return replace(page, data=text)


def clean_text(text: str) -> str:
    """``text`` without NUL, C0 controls, DEL, lone surrogates and U+FFFE/U+FFFF.

    Vertical tab and form feed become newlines.  Returns ``text`` itself when it
    is clean, which is the usual case and costs one scan.
    """
    if _is_clean(text):
        return text
    return _UNSAFE_CHARS.sub("", text.translate(_BREAK_CHARS))


def _is_clean(text: str, utf8: bytes | None = None) -> bool:
    """True when ``text`` holds none of the characters :func:`clean_text` removes.

    Checks the UTF-8 bytes (control characters are single bytes there, and lone
    surrogates do not encode), which is several times faster than a regex scan.
    ``utf8`` is ``text`` already encoded, when the caller has it.
    """
    if "\ufffe" in text or "\uffff" in text:
        return False
    if utf8 is None:
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return len(utf8.translate(None, _CONTROL_BYTES_TO_DROP)) == len(utf8)


def _is_utf8_of(text: str, data: bytes, encoding: str) -> bool:
    """True when ``data`` is exactly ``text`` in UTF-8: it was decoded as UTF-8 or ASCII
    without a byte order mark and nothing was replaced (no U+FFFD in the text)."""
    return (
        encoding in ("utf-8", "ascii")
        and not data.startswith(codecs.BOM_UTF8)
        and "\ufffd" not in text
    )


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is not text ("a PNG image"), or None for text.

    Looks at known file signatures, then at the share of control bytes in the
    first bytes; UTF-16 and UTF-32 text (with or without a BOM) is text.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime video"
    if any(data.startswith(bom) for bom, _ in _BOMS) or _sniff_wide_encoding(data):
        return None
    sample = data[:_SNIFF_BYTES]
    if not sample:
        return None
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls > _BINARY_CONTROL_SHARE * len(sample):
        return "binary data (control bytes, not text)"
    return None


def _sniff_wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told from where the zero bytes fall.

    Markup is mostly ASCII, which in UTF-16LE puts a zero after every byte and
    in UTF-32LE three; text in those encodings has zeros in one lane only.
    """
    sample = data[:_SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 8:
        return None
    quarter = len(sample) // 4
    lanes = [sample[i::4].count(0) for i in range(4)]
    if sum(lanes) < 0.3 * len(sample):
        return None
    full = [lane >= 0.9 * quarter for lane in lanes]
    empty = [lane <= 0.1 * quarter for lane in lanes]
    # in UTF-32 the two high bytes of every BMP character are zero
    if full[2] and full[3] and empty[0]:
        return "utf-32-le"
    if full[0] and full[1] and empty[3]:
        return "utf-32-be"
    even, odd = lanes[0] + lanes[2], lanes[1] + lanes[3]
    half = 2 * quarter
    if odd >= 0.6 * half and even <= 0.1 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.1 * half:
        return "utf-16-be"
    return None


def _declared_charsets(data: bytes) -> list[str]:
    """Charset labels the page declares: ``<?xml encoding?>``, then ``<meta>``.

    Searches the first 4 KiB and, failing that, the first 64 KiB (browsers stop
    at 1 KiB, but archived pages put long scripts before their ``<meta>``).
    """
    labels: list[str] = []
    xml = _XML_ENCODING.match(data, 0, 1024)
    if xml:
        labels.append(xml.group(1).decode("ascii"))
    for window in _DECLARATION_WINDOWS:
        meta = _meta_charset(data, window)
        if meta:
            labels.append(meta)
            break
    return labels


def _meta_charset(data: bytes, end: int) -> str | None:
    """The first ``charset=`` inside a ``<meta ...>`` tag in ``data[:end]``."""
    for match in _CHARSET_VALUE.finditer(data, 0, end):
        start = match.start()
        before = data[max(0, start - _META_LOOKBACK) : start].lower()
        tag = before.rfind(b"<meta")
        if tag >= 0 and b">" not in before[tag:]:
            return match.group(1).decode("ascii")
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text holding a few stray windows-1252 bytes, each read as that character.

    A page in UTF-8 that includes a piece saved in another encoding fails a strict
    decode; read whole as windows-1252, every one of its own multi-byte characters
    turns into mojibake ("März" as "MÃ¤rz"). When its well-formed multi-byte characters
    outnumber the stray bytes, it is read as UTF-8 and only the strays as windows-1252
    (a browser shows U+FFFD there; the character the author meant is the better guess).
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY_BYTE.findall(text))
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - stray
    if multibyte < _MIXED_UTF8_RATIO * stray:
        return None
    return _STRAY_BYTE.sub(_as_cp1252, text)


def _as_cp1252(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")


def _decode_cleanly(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> tuple[str, str]:
    """Guess the encoding of bytes that declare none, or declare one that fails.

    charset_normalizer proposes a statistical guess; it is called directly
    (not through bs4, which picks whichever detector happens to be installed)
    so that the same bytes decode the same way on every machine.  The guess
    wins when it decodes the sample cleanly; else windows-1252, the web's
    fallback for Western pages.
    """
    # The detector needs the non-ASCII text, which often starts after a long
    # ASCII head of scripts and styles.
    first = re.search(rb"[\x80-\xff]", data)
    start = max(0, (first.start() if first else 0) - 1024)
    sample = data[start : start + _DETECT_SAMPLE]
    chosen = "cp1252"
    guess = normalize_charset(_statistical_guess(sample))
    if guess and guess not in _ASCII_INCOMPATIBLE and _fits(sample, guess):
        chosen = guess
    # Statistical detectors mistake short Western text for its Latin siblings;
    # windows-1252 is by far the most common of them on the web, so a sibling
    # needs the page to say it is in a language written with it.
    if chosen in _WESTERN_LOOKALIKES and _fits(sample, "cp1252"):
        chosen = "cp1252"
    elif chosen in _CENTRAL_EUROPEAN and _fits(sample, "cp1252"):
        declared = _HTML_LANG.search(data, 0, _DETECT_SAMPLE)
        if not (declared and declared.group(1).lower() in _CENTRAL_EUROPEAN_LANGS):
            chosen = "cp1252"
    return data.decode(chosen, errors="replace"), chosen


def _statistical_guess(sample: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
    except Exception:  # a third-party detector must never take a page down
        return None
    return best.encoding if best is not None else None


def _fits(sample: bytes, encoding: str) -> bool:
    """True when ``sample`` decodes cleanly, allowing a character cut at its end."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except (UnicodeDecodeError, LookupError, ValueError, TypeError):
        return False
    return True
