"""The figure metrics of the hand-read set on small cases computed by hand."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.quality_captions import (
    FigurePage,
    GotFigure,
    GotPage,
    TruthFigure,
    credit_key,
    load_figure_truth,
    same_caption,
    score_figure_page,
    score_figures,
)

_PAGE = FigurePage(
    "c",
    "p",
    "de",
    "figcaption",
    (
        TruthFigure("Ein Hund schläft auf dem Sofa.", "dpa"),
        TruthFigure("Die Katze sieht zu.", "Jane Doe/AP"),
        TruthFigure(None, "Reuters", "lead.jpg"),
    ),
)


def test_a_caption_that_kept_its_credit_is_found_a_quoting_paragraph_is_not() -> None:
    caption = "Ein Hund schläft auf dem Sofa."
    assert same_caption(caption, f"{caption} Foto: dpa")
    assert same_caption("Die Katze sieht zu.", "die katze sieht zu")
    long = "Die Katze sieht zu, sagte der Nachbar, als er am Montag die Tür öffnete und ging."
    assert not same_caption("Die Katze sieht zu.", long)
    assert not same_caption("Die Katze sieht zu.", "")


def test_credits_compare_without_case_and_surrounding_punctuation() -> None:
    assert credit_key("(Jane  Doe/AP)") == credit_key("jane doe/ap")
    assert credit_key("“dpa”") == credit_key('"dpa"')
    assert credit_key("Foto: dpa") != credit_key("dpa")


def test_page_counts() -> None:
    got = GotPage(
        figures=(
            GotFigure("a.jpg", "Ein Hund schläft auf dem Sofa. Foto: dpa", None),
            GotFigure("https://x/lead.jpg", None, "Reuters"),
            GotFigure("b.jpg", "Ein ganz anderes Bild", None),
        ),
        blocks=("Die Katze sieht zu.", "Ein langer Absatz über etwas anderes."),
    )
    counts = score_figure_page(_PAGE, got)
    assert counts.captions == 2 and counts.found == 1
    assert counts.got_captions == 2 and counts.got_correct == 1
    assert counts.credits == 3 and counts.credit_exact == 1  # Reuters, by the image
    assert counts.duplicated == 1  # the cat's caption is a paragraph


def test_one_caption_under_two_images_is_duplicated_only_when_shown_once() -> None:
    twice = FigurePage("c", "q", "es", "gallery", (TruthFigure("Pleno."), TruthFigure("Pleno.")))
    got = GotPage((GotFigure("1", "Pleno."), GotFigure("2", "Pleno.")))
    assert score_figure_page(twice, got).duplicated == 0
    once = FigurePage("c", "r", "es", "gallery", (TruthFigure("Pleno."),))
    assert score_figure_page(once, got).duplicated == 1


def test_set_scores() -> None:
    got = GotPage(
        (
            GotFigure("a.jpg", "Ein Hund schläft auf dem Sofa.", "dpa"),
            GotFigure("c.jpg", "Die Katze sieht zu.", "Jane Doe / AP"),
        )
    )
    scores = score_figures([_PAGE], {"c/p": got})
    assert scores["caption_recall"] == 1.0
    assert scores["caption_precision"] == 1.0
    assert scores["credit_exact"] == 1 / 3
    assert scores["duplicated"] == 0.0
    assert scores["misses"][0]["credit_exact"] == 1


def test_the_annotated_set_is_well_formed() -> None:
    pages = load_figure_truth()
    assert len(pages) >= 30
    assert {"de", "fr", "es"} <= {p.lang for p in pages}
    for page in pages:
        assert page.figures, page.id
        for figure in page.figures:
            assert figure.caption or figure.credit, page.id
            assert figure.credit is None or not figure.credit.lower().startswith(
                ("foto:", "photo:", "credit:", "©")
            ), page.id
