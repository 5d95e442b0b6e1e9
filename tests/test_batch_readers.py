"""Readers: folders, gzip, tar, zip, WARC, WET, ARC; provenance and bad input."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from test_batch_pages import story, write_warc

from articlekit.batch import ErrorReason, iter_records, record_id


def _tar(path: Path, members: dict[str, bytes], mode: str = "w") -> None:
    with tarfile.open(path, mode) as archive:
        directory = tarfile.TarInfo("pages")
        directory.type = tarfile.DIRTYPE
        archive.addfile(directory)
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.html").write_bytes(story(1))
    (tmp_path / "a.htm").write_bytes(story(2))
    (tmp_path / "sub" / "c.txt").write_text("A plain text page.\n\nSecond paragraph.")
    (tmp_path / "sub" / "d.html.gz").write_bytes(gzip.compress(story(3)))
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    reader = iter_records([tmp_path])
    records = list(reader)
    names = [Path(r.source.path).relative_to(tmp_path).as_posix() for r in records]
    assert names == ["a.htm", "b.html", "sub/c.txt", "sub/d.html.gz"]
    assert reader.skipped == 1  # the PNG is not a page
    assert records[3].data == story(3)  # inflated
    assert all(r.problem is None for r in records)
    assert len({r.id for r in records}) == 4


def test_glob_selects_files_in_folders(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.html").write_bytes(story(1))
    (tmp_path / "two.htm").write_bytes(story(2))
    (tmp_path / "three.txt").write_text("text")
    records = list(iter_records([tmp_path], glob="*.htm*"))
    assert sorted(Path(r.source.path).name for r in records) == ["one.html", "two.htm"]
    records = list(iter_records([tmp_path], glob="x/*"))
    assert [Path(r.source.path).name for r in records] == ["one.html"]


def test_ids_are_stable_and_follow_the_names(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(story(1))
    first = [r.id for r in iter_records([tmp_path])]
    second = [r.id for r in iter_records([tmp_path])]
    assert first == second == [record_id(str(tmp_path / "a.html"))]


@pytest.mark.parametrize("suffix,mode", [(".tar", "w"), (".tar.gz", "w:gz"), (".tgz", "w:gz")])
def test_tar_members_with_safe_names(tmp_path: Path, suffix: str, mode: str) -> None:
    path = tmp_path / f"pages{suffix}"
    _tar(
        path,
        {
            "pages/one.html": story(1),
            "../../etc/evil.html": story(2),
            "pages/two.html.gz": gzip.compress(story(3)),
            "pages/style.css": b"body{}",
        },
        mode,
    )
    reader = iter_records([path])
    records = list(reader)
    assert [r.source.member for r in records] == [
        "pages/one.html",
        "etc/evil.html",
        "pages/two.html.gz",
    ]
    assert [r.data for r in records] == [story(1), story(2), story(3)]
    assert all(r.source.path == str(path) for r in records)
    assert reader.skipped == 1
    assert not (tmp_path.parent / "etc").exists()


def test_truncated_tar_gz_keeps_earlier_members_and_reports_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "pages.tar.gz"
    _tar(path, {f"p{i}.html": story(i) * 20 for i in range(6)}, "w:gz")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    records = list(iter_records([path]))
    assert records[-1].problem is ErrorReason.BAD_ARCHIVE
    assert records[-1].detail
    good = [r for r in records if r.problem is None]
    assert 1 <= len(good) < 6
    assert all(r.data == story(int(r.source.member[1])) * 20 for r in good)


def test_zip_members_and_a_corrupt_member(tmp_path: Path) -> None:
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.html", story(1))
        archive.writestr("b.html", story(2) * 5)
        archive.writestr("c.html", story(3))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("b.html")
    raw = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for position in range(start + 20, start + 60):
        raw[position] ^= 0x55
    path.write_bytes(bytes(raw))
    records = list(iter_records([path]))
    assert [r.source.member for r in records] == ["a.html", "b.html", "c.html"]
    assert records[0].data == story(1) and records[2].data == story(3)
    assert records[1].problem is ErrorReason.BAD_MEMBER
    assert records[1].data == b""


def test_records_over_the_size_limit_become_too_large(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    (tmp_path / "big2.html.gz").write_bytes(gzip.compress(b"<p>" + b"y" * 5000 + b"</p>"))
    (tmp_path / "small.html").write_bytes(b"<p>ok</p>")
    records = list(iter_records([tmp_path], max_bytes=1000))
    assert [r.problem for r in records] == [ErrorReason.TOO_LARGE, ErrorReason.TOO_LARGE, None]


def test_missing_input_becomes_an_error_record(tmp_path: Path) -> None:
    records = list(iter_records([tmp_path / "nope.html"]))
    assert len(records) == 1
    assert records[0].problem is ErrorReason.INPUT_ERROR


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
def test_warc_keeps_html_responses_with_charset_uri_and_date(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(backend)
    path = tmp_path / "crawl.warc.gz"
    latin = "<html><body><article><p>Caf\u00e9 cr\u00e8me</p></article></body></html>"
    write_warc(
        path,
        [
            ("request", "http://example.org/a", b"", ""),
            ("response", "http://example.org/a", story(1), "text/html; charset=utf-8"),
            ("response", "http://example.org/logo.png", b"\x89PNG", "image/png"),
            (
                "response",
                "http://example.org/b",
                latin.encode("latin-1"),
                "text/html; charset=ISO-8859-1",
            ),
            ("metadata", "http://example.org/a", b"x: y", "application/warc-fields"),
        ],
    )
    records = list(iter_records([path], warc_backend=backend))
    assert [r.source.target_uri for r in records] == [
        "http://example.org/a",
        "http://example.org/b",
    ]
    first, second = records
    assert first.data == story(1)
    assert first.source.charset == "utf-8" and second.source.charset == "ISO-8859-1"
    assert first.source.content_type == "text/html"
    assert first.source.mode == "html"
    assert first.source.record_id and first.source.record_id.startswith("<urn:uuid:")
    assert first.source.date and first.source.date[:2] == "20"
    assert first.id == record_id(str(path), None, first.source.record_id)


def test_both_warc_backends_agree(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    path = tmp_path / "crawl.warc"
    write_warc(
        path, [("response", f"http://example.org/{i}", story(i), "text/html") for i in range(5)]
    )
    fast = list(iter_records([path], warc_backend="fastwarc"))
    slow = list(iter_records([path], warc_backend="warcio"))
    assert [(r.id, r.data, r.source) for r in fast] == [(r.id, r.data, r.source) for r in slow]


def test_wet_conversion_records_are_read_in_text_mode(tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="the test writes its WET file with warcio (extra: warc)")
    path = tmp_path / "crawl.warc.wet.gz"
    text = "A headline\n\nThe first paragraph of the plain text page.\n"
    write_warc(path, [("conversion", "http://example.org/t", text.encode(), "text/plain")])
    records = list(iter_records([path]))
    assert len(records) == 1
    assert records[0].source.mode == "text"
    assert records[0].data == text.encode()


def test_arc_file_is_read_with_offsets_as_ids(tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="ARC files are read with warcio (extra: warc)")
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + story(7)
    header = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = b"filedesc://test.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(header)
    entry = b"http://example.org/seven 1.2.3.4 20240102030405 text/html %d\n" % len(http)
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(filedesc + header + b"\n") + gzip.compress(entry + http + b"\n"))
    records = list(iter_records([path]))
    assert len(records) == 1
    record = records[0]
    assert record.source.target_uri == "http://example.org/seven"
    assert record.data == story(7)
    assert record.source.record_id is None and record.source.offset is not None
    assert record.id == next(iter(iter_records([path]))).id


def test_corrupt_warc_becomes_a_bad_archive_record(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC file at all\r\n\r\n"))
    records = list(iter_records([path], warc_backend="fastwarc"))
    assert [r.problem for r in records] == [ErrorReason.BAD_ARCHIVE]
    assert "Invalid WARC header" in (records[0].detail or "")


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
def test_warc_http_encodings_are_undone(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(backend)
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "encoded.warc.gz"
    chunked = b"6\r\n<html>\r\n9\r\n<p>hi</p>\r\n0\r\n\r\n"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        for uri, header, payload in (
            ("http://example.org/gz", ("Content-Encoding", "gzip"), gzip.compress(story(4))),
            ("http://example.org/chunked", ("Transfer-Encoding", "chunked"), chunked),
        ):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html"), header], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload), http_headers=http
                )
            )
    records = list(iter_records([path], warc_backend=backend))
    assert [r.data for r in records] == [story(4), b"<html><p>hi</p>"]


def test_safe_member_name() -> None:
    from articlekit.batch.records import safe_member_name

    assert safe_member_name("/abs/../../x.html") == "abs/x.html"
    assert safe_member_name("a\\b\x1b[31m.html") == "a/b\ufffd[31m.html"
    assert safe_member_name("../..") == "_"


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
def test_truncated_warc_reports_the_cut_record(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(backend)
    path = tmp_path / "cut.warc.gz"
    write_warc(
        path,
        [("response", f"http://example.org/{n}", story(n) * 40, "text/html") for n in range(4)],
    )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 7 // 8])
    records = list(iter_records([path], warc_backend=backend))
    assert [r.problem for r in records[:-1]] == [None] * (len(records) - 1)
    assert records[-1].problem is ErrorReason.BAD_ARCHIVE
    assert "cut short" in (records[-1].detail or "")
    assert records[-1].source.target_uri == f"http://example.org/{len(records) - 1}"


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
def test_responses_without_a_content_type_are_sniffed(tmp_path: Path, backend: str) -> None:
    pytest.importorskip(backend)
    path = tmp_path / "untyped.warc.gz"
    write_warc(
        path,
        [
            ("response", "http://example.org/page", b"\n  " + story(8), ""),
            ("response", "http://example.org/blob", b"\x00\x01binary", ""),
        ],
    )
    records = list(iter_records([path], warc_backend=backend))
    assert [r.source.target_uri for r in records] == ["http://example.org/page"]
    assert records[0].source.mode == "html" and records[0].source.content_type is None
