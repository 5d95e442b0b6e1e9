"""The annotated comment metrics (benchmarks/quality_annotated.py) on cases worked by hand."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.quality_annotated import (
    ANNOTATED,
    AnnotatedPage,
    GotComment,
    TruthComment,
    annotated_comments_table,
    load_annotated_comments,
    match_comments,
    score_comment_pages,
    score_page,
)

TRUTH = (
    TruthComment("Gabi", "2020-02-17", "Hallo Sabienes ganz interessant Deine Erfahrungen.", None),
    TruthComment("Sabienes", "2020-02-18", "Danke!", 0),
    TruthComment("Ines", None, "Danke!", None),
)


def test_a_page_extracted_as_annotated_scores_full_marks() -> None:
    got = [
        GotComment(
            "c-1",
            None,
            "Gabi",
            "2020-02-17T12:47:41+01:00",
            "Hallo Sabienes,\nganz interessant Deine Erfahrungen.",
        ),
        GotComment("c-2", "c-1", "Sabienes", "2020-02-18", "Danke!"),
        GotComment("c-3", None, "Ines", None, "Danke!"),
    ]
    score = score_page(TRUTH, got).to_dict()
    assert score["count_exact"] == 1.0
    assert (score["recall"], score["precision"]) == (1.0, 1.0)
    assert (score["author_exact"], score["date_exact"], score["parent_exact"]) == (1.0, 1.0, 1.0)


def test_authors_with_words_around_wrong_dates_and_lost_parents_count_against() -> None:
    got = [
        GotComment(
            "c-1",
            None,
            "Gabi sagt:",
            "2020-02-18",
            "Hallo Sabienes ganz interessant Deine Erfahrungen. Mehr",
        ),
        GotComment("c-2", None, "Sabienes", "2020-02-18", "Danke!"),
        GotComment("w-1", None, "PK", None, "Welche Adresse meinst du genau?"),  # a sidebar widget
    ]
    score = score_page(TRUTH, got)
    # the two "Danke!" pair in order: the second annotated one finds no third copy
    assert match_comments(TRUTH, got) == {0: 0, 1: 1}
    assert (score.truth, score.got, score.matched) == (3, 3, 2)
    assert score.count_exact == 1  # same number, though one is a widget's
    assert score.author_exact == 1  # "Gabi sagt:" is not "Gabi"
    assert score.date_exact == 1  # 2020-02-18 is not the 17th
    assert score.parent_exact == 1  # the reply lost its parent
    d = score.to_dict()
    assert (d["recall"], d["precision"], d["author_exact"]) == (0.6667, 0.6667, 0.5)


def test_no_author_shown_matches_only_none_and_pages_sum() -> None:
    truth = (TruthComment(None, None, "露營兼賞楓好棒的生活", None),)
    page = AnnotatedPage("c", "p", "pixnet", "zh", truth)
    named = [GotComment("x", None, "haut de page", None, "露營兼賞楓，好棒的生活")]
    unnamed = [GotComment("x", None, None, None, "露營兼賞楓，好棒的生活")]
    total = score_comment_pages([(page, named), (page, unnamed), (page, [])])
    assert (total.pages, total.count_exact, total.truth, total.matched) == (3, 2, 3, 2)
    assert total.author_exact == 1 and total.date_exact == 2
    table = annotated_comments_table({"c": total.to_dict()})
    assert "| c | 3 | 0.667 | 0.667 | 1.000 | 0.500 | 1.000 | 1.000 |" in table


def test_the_annotated_set_is_well_formed() -> None:
    pages = load_annotated_comments(ANNOTATED)
    assert len(pages) >= 30
    assert sum(1 for p in pages if p.comments) >= 30
    assert len({p.template for p in pages}) >= 10
    for page in pages:
        for index, comment in enumerate(page.comments):
            assert comment.first_words
            assert comment.parent is None or 0 <= comment.parent < len(page.comments)
            assert comment.parent != index
            assert comment.date is None or len(comment.date) == 10
