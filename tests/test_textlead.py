"""The lead of a text dump's story: the standfirst or short post right under the headline
stays in the body, before the byline and date; a label or the headline again does not."""

from __future__ import annotations

from text_samples import STORY

from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.lead import keep_lead
from articlekit.text.units import Unit, UnitKind

MENU = ("Home", "News", "Politics", "Business", "Sport", "Contact")
HEADLINE = "Market hall for the old tram depot"
STANDFIRST = "After six years of dispute the district wants to give the old depot a new use."


def _parse(*lines: str) -> tuple[str, ...]:
    dump = "\n\n".join(("Market hall for the old tram depot | Morning Ledger", *MENU, *lines))
    return parse_text_dump(dump, None, Options(mode="text")).paragraphs


def test_a_standfirst_between_headline_and_byline_is_the_storys() -> None:
    # the menu over the headline and the byline under the standfirst are template
    # lines: jusText's context step alone drops the line between them
    paragraphs = _parse(HEADLINE, STANDFIRST, "By Anna Berger", "12 March 2023", *STORY)
    assert paragraphs == (STANDFIRST, *STORY)


def test_a_standfirst_without_its_full_stop_is_kept() -> None:
    standfirst = "Traders and growers from the villages around the city are to share forty stalls"
    paragraphs = _parse(HEADLINE, "12 March 2023", standfirst, "By Anna Berger", *STORY)
    assert paragraphs[0] == standfirst


def test_the_byline_and_date_under_a_standfirst_are_still_found() -> None:
    dump = "\n\n".join(
        (HEADLINE + " | Morning Ledger", *MENU, HEADLINE, STANDFIRST, "12.03.2023", *STORY)
    )
    article = parse_text_dump(dump, None, Options(mode="text"))
    assert article.date == "2023-03-12"
    assert article.paragraphs[0] == STANDFIRST


def test_a_short_post_under_its_headline_is_kept_up_to_the_share_buttons() -> None:
    post = (
        "I would invest in smart charging posts for electric cars if I had the money to spare.",
        "Funny that nobody sells them yet at the price of a petrol pump.",
    )
    # the author's bio under the share buttons is the page's only long paragraph: without
    # the lead, the context step keeps the bio and drops the post
    bio = (
        "Anna Berger has reported on the city council and its budget for the Morning Ledger "
        "since 2015, and before that she wrote about schools, housing and transport."
    )
    paragraphs = _parse(
        HEADLINE, "17 November 2019", *post, "Share this:", "Twitter", "Facebook", bio
    )
    assert paragraphs[:2] == post


def _units(*texts: str) -> list[Unit]:
    return [Unit(text=t, indent=0, block=n) for n, t in enumerate(texts)]


def test_a_label_or_the_headline_again_is_no_lead() -> None:
    units = _units(
        HEADLINE,
        "Politics",
        "Market hall: the old tram depot of the city",
        "Read the story",
        STORY[0],
    )
    s, b, g = UnitKind.SHORT, UnitKind.BAD, UnitKind.GOOD
    kinds = [UnitKind.TITLE, b, b, b, g]
    first = [UnitKind.TITLE, s, s, s, g]
    assert keep_lead(units, kinds, first, [False] * 5, 0) == kinds


def test_nothing_changes_when_the_story_starts_under_its_headline() -> None:
    units = _units(HEADLINE, STORY[0], STANDFIRST)
    kinds = [UnitKind.TITLE, UnitKind.GOOD, UnitKind.BAD]
    first = [UnitKind.TITLE, UnitKind.GOOD, UnitKind.NEAR_GOOD]
    assert keep_lead(units, kinds, first, [False] * 3, 0) == kinds


def test_a_template_line_under_the_headline_is_no_lead() -> None:
    units = _units(HEADLINE, "Sign up for our newsletter and get the news every morning.")
    kinds = [UnitKind.TITLE, UnitKind.BAD]
    first = [UnitKind.TITLE, UnitKind.NEAR_GOOD]
    assert keep_lead(units, kinds, first, [False, True], 0) == kinds
    assert keep_lead(units, kinds, first, [False, False], 0) == [UnitKind.TITLE, UnitKind.LEAD]


def test_an_authors_bio_under_the_headline_is_no_lead() -> None:
    # the author's box: the name alone, then a sentence about the person it names
    units = _units(
        HEADLINE, "Ines Carvalho", "Ines is a platform engineer who has kept build tools going."
    )
    kinds = [UnitKind.TITLE, UnitKind.BAD, UnitKind.BAD]
    first = [UnitKind.TITLE, UnitKind.SHORT, UnitKind.NEAR_GOOD]
    assert keep_lead(units, kinds, first, [False] * 3, 0) == kinds
