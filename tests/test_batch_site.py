"""--site-boilerplate: template blocks repeated across a host's pages are stripped;
content that repeats on a few pages only is kept."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

from test_batch_pages import page, sentence

from articlekit.batch import run
from articlekit.batch.site import (
    SiteLearner,
    SiteThreshold,
    block_key,
    host_of,
    strip_site_boilerplate,
)
from articlekit.model import Article, Block, BlockKind, Status

# Template text written like content (an "about the paper" blurb, a bureau line), so
# that the parser alone keeps it and only the cross-page count can tell.
TEMPLATE = (
    "The harbour towns along the northern coast have shared one weekly paper since the "
    "winter of 1898, when the fishing cooperative founded it."
)
SIGNUP = "Every story in this edition was reported on foot by the staff of the northern bureau."
RARE = (
    "The council published its full minutes of the meeting on Tuesday, and "
    "residents can read them at the town library."
)


def _paragraph(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def test_threshold() -> None:
    threshold = SiteThreshold()
    assert threshold.pages_needed(4) == 3
    assert threshold.pages_needed(10) == 5
    assert threshold.pages_needed(11) == 6


def test_learner_counts_distinct_pages_per_host() -> None:
    learner = SiteLearner()
    footer = block_key(_paragraph("(c) 2023 Harbour Gazette"))
    for n in range(6):
        learner.add("gazette.example", f"https://gazette.example/{n}", [footer, n])
    # captures of one page on another host: no evidence of a template
    for _ in range(6):
        learner.add("other.example", "https://other.example/same", [footer])
    learner.add(None, "nowhere", [footer])
    profile = learner.profile()
    assert profile.hosts == {"gazette.example": frozenset({footer})}
    assert profile.pages == {"gazette.example": 6, "other.example": 1}


def test_keys_ignore_case_space_and_digits() -> None:
    assert block_key(_paragraph("(c) 2023  Harbour\nGazette")) == block_key(
        _paragraph("(C) 2024 harbour gazette")
    )
    assert block_key(_paragraph("Harbour Gazette")) != block_key(_paragraph("Harbor Gazette"))


def test_host_of() -> None:
    assert host_of("https://www.Gazette.example:8080/a?b") == "gazette.example"
    assert host_of(None) is None and host_of("not a url") is None
    replay = "https://web.archive.org/web/20190101000000/https://www.Gazette.example/a"
    assert host_of(replay) == "gazette.example"
    assert host_of("https://web.archive.org/web/2019id_/http://other.example/") == "other.example"
    assert host_of("https://web.archive.org/about/") == "web.archive.org"


def test_strip_rebuilds_derived_fields() -> None:
    blocks = (_paragraph("Real content."), _paragraph(TEMPLATE))
    article = Article.create(blocks=blocks, title="T")
    stripped = strip_site_boilerplate(article, frozenset({block_key(blocks[1])}))
    assert stripped.paragraphs == ("Real content.",)
    assert stripped.text == "Real content."
    assert stripped.title == "T" and stripped.status is Status.OK
    assert stripped.warnings[-1] == "site boilerplate: 1 block(s) removed"
    emptied = strip_site_boilerplate(article, frozenset(block_key(b) for b in blocks))
    assert emptied.status is Status.NO_ARTICLE and emptied.text == ""


def _archive(path: Path) -> None:
    """10 pages of one host with two template paragraphs, RARE on 2 of them, plus
    3 pages of a small host that carry the same blurb."""
    with tarfile.open(path, "w:gz") as archive:

        def add(name: str, data: bytes) -> None:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))

        for n in range(10):
            paragraphs = [sentence(100 + n * 4 + k) for k in range(3)]
            if n in (2, 7):
                paragraphs.insert(1, RARE)
            paragraphs += [TEMPLATE, SIGNUP]
            add(
                f"gazette/{n}.html",
                page(f"Gazette story {n}", paragraphs, f"https://www.gazette.example/{n}"),
            )
        for n in range(3):
            add(
                f"small/{n}.html",
                page(
                    f"Small story {n}", [sentence(300 + n), TEMPLATE], f"https://small.example/{n}"
                ),
            )


def test_site_boilerplate_removes_template_text_and_keeps_rare_repeats(tmp_path: Path) -> None:
    archive = tmp_path / "site.tar.gz"
    _archive(archive)
    plain, cleaned = tmp_path / "plain.jsonl", tmp_path / "clean.jsonl"
    run([archive], plain, workers=0)
    summary = run([archive], cleaned, workers=2, site_boilerplate=True)
    before = [json.loads(line) for line in plain.read_text().splitlines()]
    after = [json.loads(line) for line in cleaned.read_text().splitlines()]
    assert summary.site_hosts == 1
    gazette_before = [r for r in before if "gazette" in r["source"]["member"]]
    gazette_after = [r for r in after if "gazette" in r["source"]["member"]]
    # the parser alone keeps the template paragraphs: they look like content
    assert sum(TEMPLATE in r["text"] for r in gazette_before) >= 5
    assert not any(TEMPLATE in r["text"] or SIGNUP in r["text"] for r in gazette_after)
    # real content survives, including the paragraph that repeats on 2 of 10 pages
    assert (
        sum(RARE in r["text"] for r in gazette_after)
        == sum(RARE in r["text"] for r in gazette_before)
        >= 1
    )
    for old, new in zip(gazette_before, gazette_after, strict=True):
        for n in range(100, 140):
            if sentence(n) in old["text"]:
                assert sentence(n) in new["text"]
    # a host with too few pages is left alone
    small_before = [r["text"] for r in before if "small" in r["source"]["member"]]
    small_after = [r["text"] for r in after if "small" in r["source"]["member"]]
    assert small_before == small_after
    saved = json.loads(Path(f"{cleaned}.site.json").read_text())
    assert list(saved["hosts"]) == ["gazette.example"]
    assert saved["pages"]["gazette.example"] == 10


def test_site_boilerplate_parses_each_page_once_and_resumes_from_its_spool(
    tmp_path: Path,
) -> None:
    from articlekit.batch import iter_records
    from articlekit.batch.extract import ExtractConfig
    from articlekit.batch.runner import _site_profile

    archive = tmp_path / "site.tar.gz"
    _archive(archive)
    reference = tmp_path / "reference.jsonl"
    run([archive], reference, workers=0, site_boilerplate=True)
    assert not Path(f"{reference}.site-spool").exists()  # removed once the run is complete
    # an interrupted run: first pass finished (profile and spool saved), 5 records written
    output = tmp_path / "out.jsonl"
    _site_profile(
        iter_records([archive]), ExtractConfig(), 0, output, "jsonl", SiteThreshold(), False
    )
    assert Path(f"{output}.site-spool").exists()
    lines = reference.read_bytes().splitlines(keepends=True)
    output.write_bytes(b"".join(lines[:5]))
    # the archive is gone: the resumed run can only have used the spool
    archive.unlink()
    summary = run([archive], output, workers=0, site_boilerplate=True, resume=True)
    assert summary.already_done == 5 and summary.articles_written == len(lines) - 5
    assert output.read_bytes() == reference.read_bytes()
    assert not Path(f"{output}.site-spool").exists()
