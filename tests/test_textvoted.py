"""Voted threads in text dumps (Reddit's redesign, Lemmy): a score-and-age line opens
each reply, a "level N" label over it gives its depth, and html-text joins the thread's
header and each reply's last link to the lines beside them."""

from __future__ import annotations

from articlekit.options import Options
from articlekit.text.comment_lines import chrome_line, score_age, thread_level
from articlekit.text.comment_zone import find_comment_zone
from articlekit.text.dump import parse_text_dump
from articlekit.text.units import split_units

POST = (
    "I am moving from a gas hob to induction next month and wonder which of my old pans "
    "will still work. Most are stainless steel, two are aluminium and one is cast iron."
)
POST_2 = (
    "Is there a quick way to test them before the new hob arrives, and is it worth buying "
    "an adapter plate for the aluminium ones or should I just replace them?"
)
REPLY_1 = "Hold a fridge magnet to the bottom of each pan: if it sticks firmly, it will work."
REPLY_2 = "Mine stuck only weakly on one pan and that one heats unevenly, so test all of them."
REPLY_3 = "Skip the adapter plate, it is slow and wastes most of the speed you buy induction for."


def _thread(header: str = "24 comments share save hide report") -> str:
    return (
        f"Which pans work on induction?\n\nPosted by 2 years ago\n\n{POST}\n{POST_2}\n\n"
        f"{header}\n\nSort by best level 1\n\n31 points · 2 years ago\n\n{REPLY_1}\n\n"
        f"level 2\n\nOriginal Poster 6 points · 2 years ago\n\n{REPLY_2}\n\n"
        f"Continue this thread level 1\n\n12 points · 2 years ago · edited 2 years ago\n\n"
        f"{REPLY_3}\n\nView entire discussion (24 comments)\n\nMore posts from the community\n\n"
        "Created Jan 5, 2012\n\nhelp about careers press advertise Terms Content policy\n"
    )


def test_score_and_age_lines() -> None:
    assert score_age("31 points · 2 years ago")
    assert score_age("Original Poster 6 points · 2 years ago")
    assert score_age("12 points · 2 years ago · edited 2 years ago")
    assert score_age("5 Punkte · vor 3 Tagen")
    assert not score_age("31 points")
    assert not score_age("I scored 31 points · 2 years ago in the final")


def test_level_labels_alone_or_after_links() -> None:
    assert thread_level("level 1") == 0
    assert thread_level("level 3") == 2
    assert thread_level("Continue this thread level 2") == 1
    assert thread_level("I finally got to level 2") is None
    assert thread_level("Sort by best level 1") is None


def test_links_of_several_words_on_one_line_are_chrome() -> None:
    assert chrome_line("Continue this thread level 2")
    assert chrome_line("Reply Quote Like")
    assert not chrome_line("Continue reading this")


def test_voted_thread_is_read_as_comments_with_parents() -> None:
    article = parse_text_dump(_thread(), None, Options())
    assert [(c.text, c.parent) for c in article.comments] == [
        (REPLY_1, None),
        (REPLY_2, "comment-1"),
        (REPLY_3, None),
    ]
    assert POST in article.text
    for absent in (REPLY_1, REPLY_2, REPLY_3, "24 comments", "View entire discussion"):
        assert absent not in article.text


def test_header_joined_to_its_action_links_opens_the_section() -> None:
    units = split_units(_thread())
    zone = find_comment_zone(units)
    assert zone is not None
    assert units[zone[0]].text == "24 comments share save hide report"
    assert units[zone[1]].text == "View entire discussion (24 comments)"


def test_a_two_word_header_keeps_its_words() -> None:
    # "1 Reply" is a count and its noun, not "1" and a reply link
    units = split_units(_thread(header="1 Reply"))
    zone = find_comment_zone(units)
    assert zone is not None
    assert units[zone[0]].text == "1 Reply"
