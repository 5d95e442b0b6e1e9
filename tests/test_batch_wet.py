"""WET files in batch: conversion records are text dumps, the crawl date is provenance."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articlekit.batch import iter_records, run

CRAWL_DATE = "2023-02-05T10:11:12Z"

DATED = (
    "Harbour council approves budget\n\n"
    "March 3, 2021 · 4 min read\n\n"
    "The harbour council approved the winter budget on Tuesday after a long debate "
    "about the railway bridge, the library and the new ferry landing.\n\n"
    "Residents may comment on the plan until the end of the month at the town hall, "
    "where the drawings are on show every weekday morning.\n"
)
UNDATED = (
    "Library opens on Sundays\n\n"
    "The town library will open on Sundays from next month, the council decided after "
    "a petition signed by more than two thousand readers of all ages.\n\n"
    "Volunteers from the reading club will help the staff at the desk, and the cafe on "
    "the ground floor will keep the same hours as the library itself.\n"
)


def _conversion(uri: str, text: str, number: int) -> bytes:
    """One WET conversion record, written by hand as Common Crawl writes them."""
    payload = text.encode("utf-8")
    header = (
        "WARC/1.0\r\n"
        "WARC-Type: conversion\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"WARC-Date: {CRAWL_DATE}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000{number}>\r\n"
        "WARC-Refers-To: <urn:uuid:11111111-1111-4111-8111-111111111111>\r\n"
        "Content-Type: text/plain\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode("ascii")
    return gzip.compress(header + payload + b"\r\n\r\n")


@pytest.fixture
def wet(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(
        _conversion("https://news.example/harbour-council-budget", DATED, 1)
        + _conversion("https://news.example/library-sundays", UNDATED, 2)
    )
    return path


@pytest.mark.parametrize("backend", ["fastwarc", "warcio"])
def test_conversion_records_are_dumps_with_their_url(wet: Path, backend: str) -> None:
    pytest.importorskip(backend, reason="reading WARC files needs the extra: warc")
    records = list(iter_records([wet], warc_backend=backend))
    assert [(r.source.mode, r.source.target_uri, r.source.date) for r in records] == [
        ("text", "https://news.example/harbour-council-budget", CRAWL_DATE),
        ("text", "https://news.example/library-sundays", CRAWL_DATE),
    ]
    assert records[1].data == UNDATED.encode()


def test_the_crawl_date_is_provenance_never_the_article_date(wet: Path, tmp_path: Path) -> None:
    pytest.importorskip("fastwarc", reason="reading WARC files needs the extra: warc")
    output = tmp_path / "out.jsonl"
    summary = run([wet], output, workers=0)
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert summary.articles_written == 2
    dated, undated = rows
    assert dated["url"] == "https://news.example/harbour-council-budget"
    assert dated["title"] == "Harbour council approves budget"
    assert dated["date"] == "2021-03-03"  # the dump's own dateline
    # nothing in the dump dates it: the date stays empty, the crawl date is provenance
    assert undated["date"] is None
    assert undated["title"] == "Library opens on Sundays"
    assert {row["source"]["date"] for row in rows} == {CRAWL_DATE}
    assert {row["source"]["mode"] for row in rows} == {"text"}
