"""Decoding: BOMs, declarations, detection, lying and bogus charsets, cleaning."""

from __future__ import annotations

import codecs

import pytest

import articlekit
from articlekit.errors import NotAPageError
from articlekit.input.decode import binary_kind, clean_text, decode, decode_page, normalize_charset
from articlekit.input.source import Source
from articlekit.options import Limits

WESTERN = "Caf\u00e9 cr\u00e8me, \u201cquoted\u201d \u2014 na\u00efve Gr\u00fc\u00dfe \u20ac5"
JAPANESE = "日本語のテキストです。これは長い文章です。"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>T</title></head><body><p>{body}</p></body></html>"


def test_windows_1252_declared_only_in_meta_charset() -> None:
    data = page(WESTERN, '<meta charset="windows-1252">').encode("cp1252")
    text, encoding = decode(data)
    assert encoding == "cp1252"
    assert WESTERN in text


def test_http_equiv_content_type() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = page(WESTERN, head).encode("cp1252")
    text, encoding = decode(data)
    assert encoding == "cp1252"  # WHATWG: iso-8859-1 means windows-1252
    assert WESTERN in text


def test_meta_after_long_script_head_is_found() -> None:
    head = "<script>" + "var x = 1;\n" * 1000 + '</script><meta charset="windows-1252">'
    text, encoding = decode(page(WESTERN, head).encode("cp1252"))
    assert encoding == "cp1252"
    assert WESTERN in text


def test_shift_jis_declared() -> None:
    data = page(JAPANESE, '<meta charset="Shift_JIS">').encode("shift_jis")
    text, encoding = decode(data)
    assert encoding == "cp932"
    assert JAPANESE in text


def test_shift_jis_undeclared_is_detected() -> None:
    data = page(JAPANESE * 10).encode("shift_jis")
    text, encoding = decode(data)
    assert encoding == "cp932"
    assert JAPANESE in text


def test_xml_declaration_encoding() -> None:
    data = ("<?xml version='1.0' encoding='windows-1252'?>" + page(WESTERN)).encode("cp1252")
    text, encoding = decode(data)
    assert encoding == "cp1252"
    assert WESTERN in text


def test_transport_charset_is_used_when_the_page_says_nothing() -> None:
    cyrillic = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440"
    data = page(cyrillic).encode("koi8-r")
    text, encoding = decode(data, "KOI8-R")
    assert encoding == "koi8-r"
    assert cyrillic in text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_over_a_contradicting_declaration(bom: bytes, codec: str) -> None:
    markup = page(WESTERN, '<meta charset="windows-1252">')
    text, encoding = decode(bom + markup.encode(codec))
    assert encoding == codec
    assert WESTERN in text
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom(codec: str) -> None:
    text, encoding = decode(page(WESTERN + JAPANESE).encode(codec))
    assert encoding == codec
    assert WESTERN + JAPANESE in text


def test_utf16_without_bom_parses_to_an_article() -> None:
    body = "<article><h1>Title</h1>" + f"<p>{WESTERN} and more words here.</p>" * 5 + "</article>"
    article = articlekit.parse(f"<html><body>{body}</body></html>".encode("utf-16-le"))
    assert any(WESTERN in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "label", ["x-bogus", "base64", "rot13", "hex", "utf-7", "cp037", "", "\u00ff"]
)
def test_bogus_or_non_page_charset_is_ignored(label: str) -> None:
    data = page(WESTERN, f'<meta charset="{label}">').encode("utf-8")
    text, encoding = decode(data)
    assert encoding == "utf-8"
    assert WESTERN in text


def test_bogus_transport_charset_never_raises() -> None:
    text, encoding = decode(page(WESTERN).encode("utf-8"), "no-such-charset\x00")
    assert encoding == "utf-8"
    assert WESTERN in text


def test_lying_charset_declares_utf8_but_is_cp1252() -> None:
    data = page(WESTERN * 3, '<meta charset="utf-8">').encode("cp1252")
    text, encoding = decode(data)
    assert encoding == "cp1252"
    assert WESTERN in text


def test_lying_charset_declares_cp1252_but_is_utf8() -> None:
    data = page(WESTERN, '<meta charset="windows-1252">').encode("utf-8")
    text, encoding = decode(data)
    assert encoding == "utf-8"
    assert WESTERN in text


def test_meta_utf16_on_ascii_compatible_bytes_means_utf8() -> None:
    data = page(WESTERN, '<meta charset="utf-16">').encode("utf-8")
    assert decode(data) == (data.decode("utf-8"), "utf-8")


def test_invalid_utf8_is_replaced_not_raised() -> None:
    data = page("ok \xff\xfe then \xc3 end").encode("latin-1").replace(b"ok", b"ok \xe2\x82")
    text, _ = decode(b'<meta charset="utf-8">' + data)
    assert "end" in text
    assert "then" in text


def test_iso_2022_jp_seven_bit() -> None:
    data = page(JAPANESE, '<meta charset="iso-2022-jp">').encode("iso2022_jp")
    text, encoding = decode(data)
    assert encoding == "iso2022_jp"
    assert JAPANESE in text


def test_plain_ascii() -> None:
    assert decode(b"<p>plain</p>") == ("<p>plain</p>", "ascii")


def test_many_meta_tags_cost_one_scan() -> None:
    # each "charset=" is checked against the 512 bytes before it, never more
    data = b'<meta charset=x-bogus content="' * 5000 + page(WESTERN).encode("utf-8")
    _, encoding = decode(data)
    assert encoding == "utf-8"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        ("UTF8", "utf-8"),
        (" 'latin1' ", "cp1252"),
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("Shift_JIS", "cp932"),
        ("gb2312", "gb18030"),
        ("euc-kr", "cp949"),
        ("koi8-r", "koi8-r"),
        ("windows-1251", "cp1251"),
        ("no-such", None),
        ("base64", None),
        ("x" * 100, None),
        (None, None),
    ],
)
def test_normalize_charset(label: str | None, codec: str | None) -> None:
    assert normalize_charset(label) == codec


def test_clean_text_removes_what_a_tree_cannot_hold() -> None:
    assert clean_text("a\x00b\x01c\x7fd\ud800e\ufffff") == "abcdef"
    assert clean_text("a\x0bb\x0cc\td\ne\r") == "a\nb\nc\td\ne\r"
    clean = "already clean \u00e9 \U0001f600"
    assert clean_text(clean) is clean


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"%PDF-1.7\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "a zip archive"),
        (b"\x00" * 5000, "binary data (control bytes, not text)"),
    ],
)
def test_binary_kind(data: bytes, kind: str) -> None:
    assert binary_kind(data) == kind


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<p>hello</p>",
        "<p>hi</p>".encode("utf-16-le"),
        "<p>hi</p>".encode("utf-32-be"),
        b"<p>a\x00few\x00stray\x00nuls in a page of ordinary markup</p>" * 10,
        "plain text \u00e9".encode("cp1252"),
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert binary_kind(data) is None


def test_decode_page_refuses_binary_with_the_name() -> None:
    with pytest.raises(NotAPageError, match=r"logo\.html: not a page: the data is a PNG image"):
        decode_page(Source(b"\x89PNG\r\n\x1a\n" + bytes(100), name="logo.html"))


def test_decode_page_cuts_text_and_says_so() -> None:
    result = decode_page(Source(b"<p>" + b"a" * 100 + b"</p>"), Limits(max_text_chars=50))
    assert result.data == "<p>" + "a" * 47
    assert result.truncated
    assert result.warnings == ("text cut at 50 characters (max_text_chars)",)


def test_decode_page_cleans_str_input() -> None:
    result = decode_page(Source("<p>a\x00b</p>"))
    assert result.data == "<p>ab</p>"
    assert not result.truncated
    assert result.warnings == ("removed control characters that are not text",)


@pytest.mark.parametrize(
    "data",
    [
        b"<p>plain ascii</p>",
        "<p>caf\u00e9 \u2019quoted\u2019</p>".encode(),
        b"<p>bell\x07 and nul\x00 in ascii</p>",
        "<p>caf\u00e9 with a bell\x07</p>".encode(),
        "<p>a literal \ufffd and a bell\x07</p>".encode(),
        b"\xef\xbb\xbf<p>bom and a bell\x07</p>",
        "<p>\ufffe noncharacter</p>".encode(),
        b"<p>latin-1 caf\xe9 and a bell\x07</p>",
    ],
)
def test_bytes_cleaned_like_their_text(data: bytes) -> None:
    """The check on the page's own UTF-8 bytes gives what cleaning the decoded text gives."""
    page = decode_page(Source(data))
    text, _encoding = decode(data)
    assert page.text == clean_text(text)
    assert ("removed control characters that are not text" in page.warnings) == (
        clean_text(text) != text
    )


def test_utf8_page_with_a_stray_windows_1252_include_stays_utf8() -> None:
    # a theme's sidebar widget saved in windows-1252 inside a UTF-8 page: the page's own
    # characters are kept, the stray bytes read as the characters they were meant to be
    page = (
        '<html><head><meta charset="utf-8"><title>Leber mit Äpfeln</title></head><body>'
        "<p>Am 3. März gab es Leber mit Äpfeln und Zwiebeln, dazu Kartoffelpüree.</p>"
    ).encode() + b'<img alt="K\xfcchenblogs"></body></html>'
    text, encoding = decode(page)
    assert encoding == "utf-8"
    assert "3. März" in text and "Kartoffelpüree" in text and 'alt="Küchenblogs"' in text


def test_windows_1252_page_declared_as_utf8_is_read_as_windows_1252() -> None:
    page = b'<meta charset="utf-8"><p>Gr\xfc\xdfe aus M\xfcnchen, caf\xe9 und Kr\xe4uter</p>'
    assert decode(page) == (
        '<meta charset="utf-8"><p>Grüße aus München, café und Kräuter</p>',
        "cp1252",
    )
