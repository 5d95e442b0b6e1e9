"""Reading sources: types, paths, files, gzip (bombs, truncation, layers), limits."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

import pytest

import articlekit
from articlekit.errors import InputError
from articlekit.input.source import load
from articlekit.options import Limits

PAGE = b"<html><body><article><h1>T</h1><p>Some text of the page.</p></article></body></html>"


def test_bytes_and_bytearray_and_memoryview() -> None:
    for source in (PAGE, bytearray(PAGE), memoryview(PAGE)):
        loaded = load(source)
        assert loaded.data == PAGE
        assert not loaded.truncated
        assert loaded.warnings == ()


def test_str_is_content_not_a_path(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    assert load(str(tmp_path / "page.html")).data == str(tmp_path / "page.html")


def test_path_and_gzip_path(tmp_path: Path) -> None:
    plain = tmp_path / "page.html"
    plain.write_bytes(PAGE)
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(PAGE))
    assert load(plain).data == PAGE
    assert load(plain).name == str(plain)
    assert load(packed).data == PAGE


def test_gzip_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(gzip.compress(PAGE))
    assert load(path).data == PAGE


def test_binary_file_object() -> None:
    assert load(io.BytesIO(PAGE)).data == PAGE


def test_text_file_object() -> None:
    assert load(io.StringIO(PAGE.decode())).data == PAGE.decode()


@pytest.mark.parametrize("name", ["missing.html", "dir"])
def test_unreadable_paths_raise_input_error(tmp_path: Path, name: str) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(InputError, match=name):
        load(tmp_path / name)


def test_path_with_nul_raises_input_error() -> None:
    with pytest.raises(InputError):
        articlekit.parse(Path("bad\x00name.html"))


@pytest.mark.parametrize("source", [None, 42, 1.5, object(), ["<p>"], {"a": 1}])
def test_wrong_types_raise_input_error(source: object) -> None:
    with pytest.raises(InputError, match="cannot parse a"):
        articlekit.parse(source)


def test_file_object_returning_garbage() -> None:
    class Weird:
        def read(self, size: int = -1) -> int:
            return 3

    with pytest.raises(InputError, match="did not return bytes"):
        load(Weird())


def test_closed_file_raises_input_error() -> None:
    handle = io.BytesIO(PAGE)
    handle.close()
    with pytest.raises(InputError):
        load(handle)


def test_input_cut_at_max_input_bytes() -> None:
    loaded = load(PAGE, limits=Limits(max_input_bytes=20))
    assert loaded.data == PAGE[:20]
    assert loaded.truncated
    assert loaded.warnings == ("input cut at 20 bytes (max_input_bytes)",)


def test_file_read_stops_at_the_limit() -> None:
    class Endless(io.RawIOBase):
        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

        def readable(self) -> bool:
            return True

    loaded = load(io.BufferedReader(Endless()), limits=Limits(max_input_bytes=1000))
    assert len(loaded.data) == 1000
    assert loaded.truncated


def test_str_cut_at_max_text_chars() -> None:
    loaded = load("x" * 100, limits=Limits(max_text_chars=10))
    assert loaded.data == "x" * 10
    assert loaded.truncated
    assert "max_text_chars" in loaded.warnings[0]


def test_gzip_bomb_is_cut_at_max_decompressed_bytes() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = b"".join(packer.compress(b"<p>lol</p>" * 100_000) for _ in range(50)) + packer.flush()
    loaded = load(bomb, limits=Limits(max_decompressed_bytes=1_000_000))
    assert len(loaded.data) == 1_000_000
    assert loaded.truncated
    assert loaded.warnings == (
        "gzip data cut at 1,000,000 inflated bytes (max_decompressed_bytes)",
    )


def test_gzip_exactly_at_the_limit_is_not_cut() -> None:
    loaded = load(gzip.compress(PAGE), limits=Limits(max_decompressed_bytes=len(PAGE)))
    assert loaded.data == PAGE
    assert not loaded.truncated


def test_truncated_gzip_keeps_what_inflated() -> None:
    data = PAGE * 2000
    packed = gzip.compress(data)
    loaded = load(packed[: len(packed) // 2])
    assert 0 < len(loaded.data) < len(data)
    assert data.startswith(loaded.data)
    assert loaded.truncated
    assert "truncated" in loaded.warnings[0]


def test_corrupt_gzip_keeps_what_inflated_before_the_damage() -> None:
    data = PAGE * 5000
    packed = bytearray(gzip.compress(data))
    packed[len(packed) // 2 : len(packed) // 2 + 64] = b"\xff" * 64
    loaded = load(bytes(packed))
    assert loaded.truncated
    # deflate cannot tell damage until it meets it: what comes before is intact
    assert loaded.data[:1000] == data[:1000]
    assert len(loaded.data) > 1000
    articlekit.parse(bytes(packed))


def test_gzip_header_only() -> None:
    loaded = load(b"\x1f\x8b")
    assert loaded.data == b""
    assert loaded.truncated


def test_concatenated_gzip_members() -> None:
    loaded = load(gzip.compress(PAGE[:30]) + gzip.compress(PAGE[30:]))
    assert loaded.data == PAGE


def test_double_gzip() -> None:
    assert load(gzip.compress(gzip.compress(PAGE))).data == PAGE


def test_triple_gzip_stops_at_two_layers() -> None:
    loaded = load(gzip.compress(gzip.compress(gzip.compress(PAGE))))
    assert loaded.data == gzip.compress(PAGE)


def test_soup_and_lxml_objects() -> None:
    from bs4 import BeautifulSoup
    from lxml import html

    soup = BeautifulSoup(PAGE, "html.parser")
    assert "Some text of the page." in load(soup).text
    assert "Some text of the page." in load(html.fromstring(PAGE)).text


def test_parse_never_opens_files_named_in_the_page(tmp_path: Path) -> None:
    import sys

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    page = (
        f'<html><head><link rel="stylesheet" href="{secret}">'
        f'<base href="file://{tmp_path}/"><script src="file://{secret}"></script></head>'
        f'<body><iframe src="{secret}"></iframe><img src="secret.txt">'
        f'<object data="file://{secret}"></object><p>Text.</p></body></html>'
    ).encode()
    opened: list[str] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and args and "secret" in str(args[0]):
            opened.append(str(args[0]))

    sys.addaudithook(hook)
    article = articlekit.parse(page)
    assert opened == []
    assert "SECRET-CONTENT" not in article.to_json()
