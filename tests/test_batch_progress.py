"""The batch progress bar knows its total: pages of folders, tar and zip; bytes of WARCs."""

from __future__ import annotations

import io
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from test_batch_pages import story, write_warc

from articlekit.batch import iter_records, run
from articlekit.batch.progress import Plan, plan


def _archives(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.html").write_bytes(story(1))
    (folder / "notes.txt").write_text("A plain text page.\n\nWith two paragraphs.")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with zipfile.ZipFile(folder / "pages.zip", "w") as archive:
        archive.writestr("x/one.html", story(2))
        archive.writestr("x/two.htm", story(3))
        archive.writestr("x/style.css", "body {}")
    with tarfile.open(folder / "pages.tar.gz", "w:gz") as archive:
        for index, name in enumerate(["p/three.html", "p/four.html", "p/script.js"]):
            data = story(4 + index)
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_folders_tar_and_zip_are_counted_in_pages(tmp_path: Path) -> None:
    _archives(tmp_path / "in")
    reader = iter_records([tmp_path / "in"])
    measured = plan(reader)
    assert measured == Plan("page", 6)  # a.html, notes.txt, 2 zip and 2 tar pages
    assert measured.total == len(list(reader))


def test_a_glob_counts_only_what_it_selects(tmp_path: Path) -> None:
    _archives(tmp_path / "in")
    reader = iter_records([tmp_path / "in"], glob="*.html")
    assert plan(reader) == Plan("page", len(list(reader)))


def test_warc_input_is_counted_in_bytes(tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="the test writes its WARC with warcio (extra: warc)")
    path = tmp_path / "crawl.warc.gz"
    records = [("response", f"https://example.org/{i}", story(i), "text/html") for i in range(5)]
    write_warc(path, records)
    (tmp_path / "extra.html").write_bytes(story(9))
    size = path.stat().st_size + (tmp_path / "extra.html").stat().st_size
    assert plan(iter_records([path, tmp_path / "extra.html"])) == Plan("byte", size)


def test_the_bar_shows_the_total_and_reaches_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _archives(tmp_path / "in")
    summary = run([tmp_path / "in"], tmp_path / "out.jsonl", workers=0, progress=True)
    assert summary.articles_written + sum(summary.errors.values()) == 6
    bar = capsys.readouterr().err
    # "6/6 [00:01<00:00, ...]": a total, and the time left (the ETA) after "<"
    assert re.search(r"\b6/6 \[\d\d:\d\d<\d\d:\d\d", bar), bar
