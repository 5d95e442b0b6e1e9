"""Boxes under the story in text dumps (an author's bio, a newsletter pitch) stay out of
the body; the story's own sections under labels or pictures stay in."""

from __future__ import annotations

from text_samples import STORY as SHARED_STORY

from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.tail import drop_tail_boxes
from articlekit.text.units import Unit, UnitKind

STORY = (
    *SHARED_STORY,
    "A first market day in the half-built hall is planned for the summer, when the stalls "
    "will stand under a tent roof and a band from the music school will play.",
    "The council will name a manager for the hall in the autumn; the post is open to anyone "
    "who has run a market of at least twenty stalls for three years or more.",
)
BIO = (
    "Anna Berger has reported on the city council and its budget for the Morning Ledger "
    "since 2015, and before that she wrote about schools, housing and transport in the "
    "northern districts for a weekly paper."
)


def _dump(*blocks: str) -> str:
    return "\n\n".join(("Market hall for the old tram depot", *blocks))


def test_an_authors_bio_under_labels_after_the_story_goes() -> None:
    # the labels between the story and the box are short lines that the context step
    # would keep between two good paragraphs
    dump = _dump(*STORY, "Market halls", "Tram depots", "Anna Berger", BIO)
    text = parse_text_dump(dump, None, Options(mode="text")).text
    assert STORY[0] in text and STORY[-1] in text
    assert BIO not in text
    assert "Anna Berger" not in text


def test_a_paragraph_right_under_the_story_stays() -> None:
    # no run of labels parts it from the story: it is the story's last paragraph
    dump = _dump(*STORY, BIO)
    text = parse_text_dump(dump, None, Options(mode="text")).text
    assert BIO in text


def test_like_sections_of_a_how_to_all_stay() -> None:
    # steps under pictures and labels: no one part holds most of the text
    steps = []
    for n, paragraph in enumerate(STORY, start=1):
        steps += [f"Step {n}", f"Picture of step {n}", f"Picture of step {n} (Jo Roe)", paragraph]
    text = parse_text_dump(_dump(*steps), None, Options(mode="text")).text
    assert all(paragraph in text for paragraph in STORY)


def _units(*texts: str) -> list[Unit]:
    return [Unit(text=t, indent=0, block=n) for n, t in enumerate(texts)]


def test_only_the_small_parts_last_on_the_page_go() -> None:
    g, s, h, b = UnitKind.GOOD, UnitKind.SHORT, UnitKind.HEADING, UnitKind.BAD
    units = _units("x" * 1000, "label", "label", "label", "y" * 150, "z" * 100, "w" * 120)
    first = [g, s, s, s, g, b, g]
    kinds = [g, h, g, g, g, b, g]
    # one box with its labels: the last unit is parted from the fifth by one bad line only
    assert drop_tail_boxes(units, kinds, first) == [g, b, b, b, b, b, b]
    # a part as large as the story's is the story's own
    units = _units("x" * 400, "label", "label", "label", "y" * 300)
    assert drop_tail_boxes(units, [g, h, g, g, g], [g, s, s, s, g]) == [g, h, g, g, g]


def test_small_parts_stay_where_the_story_holds_little_of_the_text() -> None:
    # a page of like sections (steps, features): each is small beside the largest,
    # but all together they are most of the text
    g, s, h = UnitKind.GOOD, UnitKind.SHORT, UnitKind.HEADING
    texts, first, kinds = ["x" * 400], [g], [g]
    for n in range(10):
        texts += ["label", "label", "label", f"{n}" * 100]
        first += [s, s, s, g]
        kinds += [h, h, h, g]
    assert drop_tail_boxes(_units(*texts), kinds, first) == kinds


def test_a_caption_with_its_credit_after_it_is_no_paragraph() -> None:
    captions = (
        "Traders set up their stalls in the half-built hall. (Photo: Jane Roe/ledger.example)",
        "The first market day, with a band from the music school. © Morning Ledger / Jo Roe",
    )
    dump = _dump(*STORY[:3], captions[0], *STORY[3:], captions[1])
    text = parse_text_dump(dump, None, Options(mode="text")).text
    assert all(paragraph in text for paragraph in STORY)
    assert not any(caption in text for caption in captions)
