"""The body of whole-page text dumps: which lines are the story, in both converters' layouts."""

from __future__ import annotations

import pytest
from text_samples import STORY

from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.lines import is_teaser_end


@pytest.mark.parametrize(
    "line",
    [
        "Die Stadt will die Halle im Frühjahr öffnen. Mehr…",
        "The hall will open next spring, the council said. Read more »",
        "Traders will be able to rent one of forty stalls from next… Read more",
        "Nachhaltigkeit in der Lieferkette nach der Definition 2021 Mehr...",
        "La feria abre sus puertas el próximo lunes. Leer más",
    ],
)
def test_a_summary_that_links_onwards_is_a_teasers(line: str) -> None:
    assert is_teaser_end(line)


@pytest.mark.parametrize(
    "line",
    [
        "We just need to wait a little more...",
        "Shoes, Bags, Hats and More",
        "The council wants more.",
        "Read more",
        "Sync your bookmarks with your account, or create a new one. Learn more",
    ],
)
def test_a_paragraph_that_ends_in_its_own_words_is_no_teaser(line: str) -> None:
    assert not is_teaser_end(line)


def test_sidebar_teasers_with_a_more_link_stay_out_of_the_body() -> None:
    # a news site's sidebar after the story: headline, summary ending in "Mehr…", its
    # summaries together longer than the story, so no region rule drops them
    teasers = "\n\n".join(
        f"Headline number {n} of the sidebar box\n\n"
        f"The {n}th teaser summary of another page says in two sentences what happened "
        "there, at about the length of a real news teaser of a portal. Mehr…"
        for n in range(1, 9)
    )
    dump = "Market hall for the old tram depot\n\n" + "\n\n".join(STORY) + "\n\n" + teasers
    article = parse_text_dump(dump, None, Options(mode="text"))
    assert article.paragraphs == STORY


def test_an_end_cue_as_a_list_item_ends_the_story() -> None:
    # Resiliparse prints a sidebar's header as a list item: "• Most read" cuts the tail
    # as "Most read" alone does
    tail = (
        "The city also plans a second market on the northern side of the river, where an old "
        "bus garage has stood empty since the new station was built in the nineteen-nineties."
    )
    for header in ("Most read", "  • Most read"):
        dump = (
            "Market hall for the old tram depot\n\n"
            + "\n\n".join(STORY)
            + f"\n\n{header}\n\n  • Ferry timetable changes for the summer\n\n{tail}\n"
        )
        article = parse_text_dump(dump, None, Options(mode="text"))
        assert article.paragraphs == STORY, header


SHORT_STORY = (
    "A fire in a block of flats in the old town killed two people early on Sunday.",
    "The fire broke out on the third floor shortly after four o'clock, the brigade said.",
    "Neighbours said they had heard a loud bang before the smoke filled the staircase.",
    "Investigators were still trying to find out on Monday how the fire had started.",
)


def _menu(words: str) -> str:
    return "\n".join(words.split())


def test_a_story_of_short_paragraphs_between_menus_is_kept() -> None:
    # no paragraph reaches LENGTH_HIGH: each one alone reads as near-good between bad
    # neighbours, the four in a row are the story
    about = (
        "The City Herald has reported on the old town and its harbour since 1921, and it is "
        "published by a foundation that keeps it independent of any party, church or company, "
        "as its founders wrote in the paper's first issue."
    )
    dump = (
        "Two dead in fire in the old town | City Herald\n\n"
        f"{_menu('Home News Sport Culture Weather Contact')}\n\n"
        "Two dead in fire in the old town\n\n"
        + "\n\n".join(SHORT_STORY)
        + "\n\nShare this article\n\n© 2023 City Herald. All rights reserved.\n\n"
        + f"{_menu('Imprint Privacy Cookies Advertise Jobs Archive')}\n\n{about}\n"
    )
    article = parse_text_dump(dump, None, Options(mode="text"))
    assert article.paragraphs[: len(SHORT_STORY)] == SHORT_STORY


def test_runs_of_short_paragraphs_after_a_comment_header_stay_out() -> None:
    story = "\n\n".join(STORY)
    comment = "\n\n".join(SHORT_STORY)
    dump = f"Market hall for the old tram depot\n\n{story}\n\n3 Responses to “Market hall”\n\n"
    dump += f"Jane says:\n\n{comment}\n\nReply\n"
    article = parse_text_dump(dump, None, Options(mode="text"))
    assert SHORT_STORY[0] not in article.text
    assert article.paragraphs[: len(STORY)] == STORY


def test_cut_teaser_headlines_in_a_row_are_no_story() -> None:
    teasers = "\n\n".join(
        f"Celebrity number {n} was seen in town with a new friend and she said…"
        for n in range(1, 6)
    )
    dump = (
        "Market hall for the old tram depot\n\n"
        + "\n\n".join(STORY)
        + f"\n\n{_menu('Imprint Privacy Cookies Advertise Jobs Archive')}\n\n{teasers}\n"
    )
    article = parse_text_dump(dump, None, Options(mode="text"))
    assert article.paragraphs == STORY
