"""The quality benchmark's metrics on small cases computed by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.adapters import Result
from benchmarks.quality import ExtractorRun, Page, PageRun, caption_truth, score_corpus
from benchmarks.quality_metrics import (
    PRF,
    body_scores,
    byline_exact,
    byline_token_f1,
    byline_tokens,
    date_exact,
    normalize_date,
    normalize_title,
    page_text,
    prf,
    shingle_counts,
    shingle_match,
    snippet_counts,
    title_exact,
    tokenize,
)


def test_tokens_are_unicode_words_with_case_kept() -> None:
    assert tokenize("Grüße, Welt! l'été 2024") == ["Grüße", "Welt", "l", "été", "2024"]


def test_short_text_is_one_shingle() -> None:
    assert shingle_counts("hello world") == {("hello", "world"): 1}
    assert shingle_counts("") == {}


def test_shingle_match_normalizes_by_sum() -> None:
    # truth shingles: (a b c d), (b c d e); predicted: (a b c d) -> tp 1, fp 0, fn 1
    assert shingle_match("a b c d e", "a b c d") == (0.5, 0.0, 0.5)


def test_shingle_match_counts_multisets() -> None:
    # truth "a b c d a b c d" has 5 shingles, (a b c d) twice; one is predicted
    assert shingle_match("a b c d a b c d", "a b c d") == (0.2, 0.0, 0.8)


def test_shingle_match_keeps_case_and_handles_empty() -> None:
    assert shingle_match("Hello world", "hello world") == (0.0, 0.5, 0.5)
    assert shingle_match("", "") == (0.0, 0.0, 0.0)
    assert shingle_match("a b", "") == (0.0, 0.0, 1.0)


def test_body_scores_average_over_pages_then_harmonic_mean() -> None:
    rows = [(0.5, 0.0, 0.5), (0.0, 0.0, 0.0), (0.0, 0.0, 1.0)]
    scores = body_scores(rows, n_bootstrap=0)
    # precision: only page 1 has tp+fp > 0 -> 1.0; recall: pages 1 and 3 -> (0.5 + 0) / 2
    assert scores.precision == 1.0
    assert scores.recall == 0.25
    assert scores.f1 == pytest.approx(0.4)
    assert scores.f1_std == 0.0
    assert scores.pages == 3


def test_bootstrap_std_is_zero_for_identical_pages_and_positive_otherwise() -> None:
    assert body_scores([(0.5, 0.25, 0.25)] * 10, n_bootstrap=50).f1_std == 0.0
    mixed = [(1.0, 0.0, 0.0), (0.0, 0.5, 0.5)] * 5
    first = body_scores(mixed, n_bootstrap=50)
    assert first.f1_std > 0.0
    assert body_scores(mixed, n_bootstrap=50).f1_std == first.f1_std  # seeded


def test_snippets_after_collapsing_whitespace() -> None:
    body = "The  quick\nbrown fox"
    assert snippet_counts(body, ["quick brown", "lazy dog"], ["fox"]) == (1, 1, 1)
    assert snippet_counts(body, ["Quick brown"], None) == (0, 1, 0)
    assert snippet_counts(None, ["x"], ["y"]) == (0, 1, 0)


def test_prf_from_totals() -> None:
    assert prf(1, 1, 1) == PRF(0.5, 0.5, 0.5)
    result = prf(3, 1, 0)
    assert result.precision == 0.75
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(6 / 7)
    assert prf(0, 0, 0).f1 == 0.0


def test_title_normalization() -> None:
    assert normalize_title("  “Hello—World”  ") == "hello-world"
    assert normalize_title("Oﬃce  Hours!") == "office hours"
    assert normalize_title("‘Quoted’ title") == "quoted' title"
    assert title_exact("The Title!", "the title")
    assert not title_exact("The Title", "The Title | Site")
    assert title_exact("", None)
    assert not title_exact("", "Something")


def test_byline_tokens_drop_joiners_and_case() -> None:
    assert byline_tokens("By Jane Doe and John Smith") == {
        "jane": 1,
        "doe": 1,
        "john": 1,
        "smith": 1,
    }
    assert byline_exact("Jane Doe; John Smith", "By John Smith and Jane Doe")
    assert byline_exact("Anna von Stein", "ANNA STEIN")
    assert not byline_exact("Jane Doe", "Jane Doe, staff writer")
    assert byline_exact("", None)


def test_byline_token_f1() -> None:
    assert byline_token_f1("Jane Doe", "Jane Roe") == 0.5
    assert byline_token_f1("Jane Doe", "") == 0.0
    assert byline_token_f1("", "") == 1.0
    # 2 of 3 predicted tokens right, 2 of 2 truth tokens found: P 2/3, R 1
    assert byline_token_f1("Jane Doe", "Jane Doe Reuters") == pytest.approx(0.8)


def test_dates() -> None:
    assert normalize_date("2021-03-04T10:00:00+02:00") == "2021-03-04"
    assert normalize_date("March 4, 2021") == ""
    assert date_exact("2021-03-04", "2021-03-04T23:59")
    assert not date_exact("2021-03-04", "2021-03-05")
    assert date_exact("", None)
    assert not date_exact("", "2021-03-04")


def test_caption_truth_keeps_figcaptions_of_the_expected_body() -> None:
    html = (
        b"<html><body><figure><img src=a.jpg><figcaption>The  harbour at dawn</figcaption>"
        b"</figure><figure><figcaption>Advert banner text</figcaption></figure>"
        b"<figure><figcaption>Solo</figcaption></figure></body></html>"
    )
    body = "Intro text.\nThe harbour at dawn\nSolo\nMore text."
    # "Advert banner text" is not in the body; "Solo" has fewer than 2 tokens
    assert caption_truth(html, body) == ("The harbour at dawn",)


def _page(pid: str, **truth: object) -> Page:
    base: dict[str, object] = {"id": pid, "url": None, "body": None, "with": None}
    base.update(truth)
    return Page("c", pid, Path(f"/nonexistent/{pid}.html.gz"), base)


def test_score_corpus_denominators_and_false_bylines() -> None:
    pages = [
        _page("1", title="A Title", byline="Jane Doe", date="2020-01-02"),
        _page("2", title="", byline="", date=""),
        _page("3", title=None, byline="", date=None),
        _page("4", title="Other", byline=None, date="2020-05-06"),
    ]
    run = ExtractorRun(
        pages={
            "1": PageRun(Result(title="a title", byline="By Jane Doe", date="2020-01-02"), 5.0),
            "2": PageRun(Result(title="", byline="Staff", date=""), 1.0),
            "3": PageRun(Result(byline=""), 3.0),
            "4": PageRun(Result(), None, "timeout"),
        },
        peak_rss_mb=40.0,
    )
    out = score_corpus(pages, run, {"title", "byline", "date"}, bootstrap=0)
    # headline figures count non-empty truths; *_all adds pages annotated ""
    assert out["title"] == {"exact": 0.5, "exact_all": 2 / 3, "pages": 2, "pages_all": 3}
    assert out["byline"]["exact"] == 1.0
    assert out["byline"]["exact_all"] == 2 / 3  # page 2 has a false byline, page 3 none
    assert (out["byline"]["false"], out["byline"]["false_of"]) == (1, 2)
    assert out["byline"]["token_f1"] == 1.0
    assert out["date"]["exact"] == 0.5
    assert out["date"]["exact_all"] == 2 / 3
    assert out["speed"]["median_ms"] == 3.0
    assert out["speed"]["pages_per_s"] == pytest.approx(3 / 0.009)
    assert out["failures"] == {"timeout": 1}
    assert "body" not in out  # no page has a body truth


def test_score_corpus_comments_and_captions() -> None:
    pages = [
        _page("1", body="Story text\nA caption here", comments_with=["great post", "I disagree"]),
    ]
    pages[0] = Page("c", "1", pages[0].path, pages[0].truth, ("A caption here",))
    run = ExtractorRun(
        pages={
            "1": PageRun(
                Result(
                    body="Story text A caption here A caption here I disagree",
                    comments="great  post",
                ),
                2.0,
            )
        }
    )
    out = score_corpus(pages, run, {"body", "comments"}, bootstrap=0)
    assert out["comments"]["recall"] == 0.5
    assert out["comments"]["leak"] == 0.5
    assert out["captions"] == {"recall": 1.0, "duplicated": 1.0, "captions": 1, "pages": 1}


def test_gate_check_names_each_breach() -> None:
    from benchmarks.quality_gate import check

    figures = {"html": {"body": {"f1": 0.9}, "comments": {"leak": 0.05}}}
    bounds = {
        "html.body.f1": {"min": 0.95},
        "html.comments.leak": {"max": 0.02},
        "html.title.exact": {"min": 0.5},
    }
    assert check(figures, bounds) == [
        "html.body.f1 = 0.900 is below its floor 0.950",
        "html.comments.leak = 0.050 is above its ceiling 0.020",
        "html.title.exact: no figure (expected one; was the field dropped?)",
    ]
    assert check(figures, {"html.body.f1": {"min": 0.9}, "html.comments.leak": {"max": 0.05}}) == []


def test_gate_skips_without_shared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.quality_gate import main

    assert main(["--shared", str(tmp_path)]) == 0
    assert "quality gate skipped" in capsys.readouterr().out


def test_speed_prefers_cpu_time_and_keeps_wall_time() -> None:
    pages = [_page("1"), _page("2"), _page("3")]
    run = ExtractorRun(
        pages={
            "1": PageRun(Result(), 10.0, None, 4.0),
            "2": PageRun(Result(), 30.0, None, 6.0),
            "3": PageRun(Result(), 50.0, None, 8.0),
        }
    )
    speed = score_corpus(pages, run, set(), bootstrap=0)["speed"]
    assert (speed["median_ms"], speed["median_wall_ms"], speed["clock"]) == (6.0, 30.0, "cpu")
    assert speed["p95_ms"] == 8.0
    assert speed["pages_per_s"] == pytest.approx(3 / 0.018)


def test_caption_matching_by_tokens() -> None:
    from benchmarks.quality_metrics import caption_found, count_token_run

    assert count_token_run("Harbour at dawn.", "Intro. The harbour at dawn — Harbour at dawn!") == 1
    assert count_token_run("at dawn", "at dawn; at  dawn") == 2
    assert count_token_run("", "anything") == 0
    caption = "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters"
    assert caption_found(caption, "Intro The Moulin Rouge cabaret in Paris Benoit Tessier Reuters")
    # credit split off into its own field: 9 of 9 tokens are in caption + credit joined
    assert caption_found(caption, "", ["The Moulin Rouge cabaret in Paris Benoit Tessier Reuters"])
    # 7 of 9 tokens (78 %) are not enough
    assert not caption_found(caption, "", ["The Moulin Rouge cabaret in Paris Benoit"])
    assert not caption_found(caption, "The Moulin Rouge cabaret", [])


def test_structure_truth_reads_links_code_and_cells_the_expected_body_shows() -> None:
    from benchmarks.quality_structure import Structure, score_structure, structure_truth

    page = (
        b'<html><head><link rel="canonical" href="https://n.example/a/page"></head><body>'
        b'<nav><a href="/home">Home</a></nav><article><p>Read <a href="../b">the notes</a> '
        b'and <a href="#x">this</a> or <a href="javascript:go()">that</a>.</p>'
        b"<pre>a = 1\n  b = 2\n</pre>"
        b"<table><tr><td>Key</td><td>Value</td></tr><tr><td><p>long</p></td><td>x</td></tr>"
        b"</table></article><footer><a href='/c'>Contact us</a></footer></body></html>"
    )
    body = "Read the notes and this or that.\na = 1 b = 2\nKey\nValue\nlong\nx"
    truth = structure_truth(page, body)
    assert truth.links == (("the notes", "https://n.example/b"),)
    assert truth.code_lines == ("a = 1", "b = 2")
    assert truth.cells == ("Key", "Value", "x")  # a cell holding a paragraph is layout
    got = Structure(
        links=(("the notes", "https://n.example/b"), ("Home", "https://n.example/home")),
        code_lines=("a = 1",),
        cells=("Key", "Value", "x"),
    )
    scores = score_structure([(truth, got, "Read the notes and this or that.")])
    assert scores["link_recall"] == 1.0 and scores["link_precision"] == 0.5
    assert scores["code_line_recall"] == 0.5 and scores["cell_recall"] == 1.0
    assert scores["link_recall_in_text"] == 1.0


def test_score_kinds_counts_empty_pages_and_confusion() -> None:
    from types import SimpleNamespace

    from benchmarks.quality_kinds import kind_table, score_kinds

    long_body = " ".join(f"word{i}" for i in range(60))
    meta = {"title": "T", "byline": "Ann Lee", "date": ""}
    pages = [
        SimpleNamespace(
            id="a", truth={"kind": "blog", "body": long_body, "byline": "", "title": "T"}
        ),
        SimpleNamespace(id="f", truth={"kind": "forum", "body": long_body}),
        SimpleNamespace(id="s", truth={"kind": "service", "body": "short"}),
    ]
    answers = {
        "a": SimpleNamespace(body=long_body, comments="", kind="article", **meta),
        "f": SimpleNamespace(body="", comments=long_body, kind="article", **meta),
        "s": SimpleNamespace(body="", comments="", kind="service", **meta),
    }
    scores = score_kinds(pages, answers)
    assert scores is not None
    # one page has a title (answered right) and one an annotated absent byline (answered)
    assert scores["all"]["title"] == 1.0
    assert (scores["all"]["false_bylines"], scores["all"]["false_bylines_of"]) == (1, 1)
    assert scores["all"]["byline"] is None
    assert scores is not None
    assert scores["kinds"]["blog"]["body_f1"] == 1.0
    assert scores["kinds"]["forum"]["body_f1"] == 0.0
    assert scores["kinds"]["forum"]["content_f1"] == 1.0
    assert scores["kinds"]["forum"]["thread_f1"] == 1.0
    assert scores["all"]["thread_f1"] > scores["all"]["body_f1"]
    # the service page's truth is too short for its empty answer to count
    assert (scores["all"]["empty"], scores["all"]["empty_of"]) == (1, 2)
    assert scores["all"]["empty_ids"] == ["f"]
    assert scores["kind_accuracy"] == 2 / 3
    assert scores["confusion"]["forum"] == {"article": 1}
    table = kind_table("c", {"articlekit": {"by_kind": scores}})
    assert "| forum | 1 | 0.000 | 1.000 | 1/1 |" in table
    assert "kind accuracy: 0.667" in table


def test_text_mode_scores_every_field_a_dump_holds() -> None:
    pages = [
        _page("1", title="A Title", byline="Jane Doe", body="Story text", comments_with=["hi"])
    ]
    run = ExtractorRun(
        pages={"1": PageRun(Result(body="Story text", title="A Title", comments="hi"), 1.0)}
    )
    fields = {"body", "title", "byline", "comments", "structure"}
    out = score_corpus(pages, run, fields, bootstrap=0, text_mode=True)
    assert out["title"]["exact"] == 1.0
    assert out["byline"]["exact"] == 0.0
    assert (out["comments"]["recall"], out["comments"]["leak"]) == (1.0, 0.0)
    assert "structure" not in out  # a dump keeps no links, code markup or cells


def test_dump_styles_lay_out_the_same_page_differently() -> None:
    # the two converters come with the benchmark extra, not with the test extra
    pytest.importorskip("html_text", reason="html-text is in the bench extra")
    pytest.importorskip("resiliparse", reason="Resiliparse is in the bench extra")
    from benchmarks.quality import DUMP_STYLES, make_dump, text_mode_key

    html = (
        b"<html><head><title>Story - Site</title></head><body><ul><li>Home</li></ul>"
        b"<h1>Story</h1><p>First paragraph.</p></body></html>"
    )
    dumps = {style: make_dump(html, style) for style in DUMP_STYLES}
    assert dumps["html-text"].splitlines()[0] == "Story - Site"
    assert "Story - Site" not in dumps["resiliparse"]  # the body only
    assert "• Home" in dumps["resiliparse"]
    assert [text_mode_key(s) for s in DUMP_STYLES] == ["text", "text-resiliparse"]
    with pytest.raises(ValueError, match="unknown dump style"):
        make_dump(html, "lynx")


def test_page_text_is_what_a_reader_sees() -> None:
    raw = (
        b"<html><head><style>p{}</style></head><body><p>Nice  post!</p>"
        b"<script>var c = 'a comment a script adds later';</script></body></html>"
    )
    assert page_text(raw) == "Nice post!"
