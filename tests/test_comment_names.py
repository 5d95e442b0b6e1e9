"""Comment authors are names (issue 12 §2): what an author box says, cut to the name."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.comments.names import author_name


@pytest.mark.parametrize(
    ("box", "name"),
    [
        ("Jane Doe on September 12, 2018 at 4:47 pm", "Jane Doe"),
        ("jdoe said", "jdoe"),
        ("Max schreibt:", "Max"),
        ("Marie dit :", "Marie"),
        ("Ramón dijo:", "Ramón"),
        ("Reply jdoe", "jdoe"),
        ("Name | blog-name.net", "Name"),
        ("Owen Marsh - www.benchnotes.example", "Owen Marsh"),
        ("Heidemarie Heim | Di, 21. April 2020 - 16:40", "Heidemarie Heim"),
        ("Par Yves Leclercq, le mercredi 15 mai 2019 à 09h23", "Yves Leclercq"),
        # names keep what is theirs: digits, brackets, a comma, an @handle
        ("Michaela 29 Diederichs", "Michaela 29 Diederichs"),
        ("Sallie Goetsch (rhymes with sketch)", "Sallie Goetsch (rhymes with sketch)"),
        ("Jess Kitching, The Good In Every Day", "Jess Kitching, The Good In Every Day"),
        ("Rob+Ann @TravelLatte(.net)", "Rob+Ann @TravelLatte(.net)"),
        # a link of the box after the name
        ("Jean Dupont haut de page", "Jean Dupont"),
        ("jdoe Reply", "jdoe"),
    ],
)
def test_the_name_without_what_surrounds_it(box: str, name: str) -> None:
    assert author_name(box) == name


@pytest.mark.parametrize("box", ["haut de page", "Reply", "Antworten", "12. März 2020", "  "])
def test_a_label_or_a_date_is_no_name(box: str) -> None:
    assert author_name(box) is None


_ARTICLE = "<p>" + "The river was calm that morning, and the riders came early. " * 8 + "</p>"
_SAID = [
    "I walked the same path last week and it was lovely.",
    "Did you see the herons near the old mill? They nest there every spring.",
    "Thanks for the photos, the bridge looks much better after the repairs.",
]


@pytest.mark.parametrize(
    "header",
    [
        '<p><a href="https://site{i}.example">{name}</a> said:</p>',
        "<p><strong>{name}</strong> says:</p>",
        '<div class="comment-head"><b>{name}</b> schreibt:</div>',
    ],
)
def test_first_line_saying_name_says_names_the_author(header: str) -> None:
    names = ["jdoe", "Anna Beispiel", "Tom Muster"]
    items = "".join(
        f'<li class="comment" id="comment-48{i}7">{header.format(i=i, name=names[i])}'
        f"<p>{_SAID[i]}</p><p><small>March {i + 3}, 2020 at 4:47 pm</small></p></li>"
        for i in range(3)
    )
    page = (
        f"<html><body><article><h1>River day</h1>{_ARTICLE}</article>"
        '<div id="comments"><h3>3 Responses to “River day”</h3>'
        f'<ol class="commentlist">{items}</ol></div></body></html>'
    )
    found = articlekit.parse(page).comments
    assert [(c.author, c.text) for c in found] == list(zip(names, _SAID, strict=True))


def test_a_paragraph_quoting_someone_who_says_is_no_author_line() -> None:
    items = "".join(
        f'<li class="comment" id="comment-48{i}7"><p>My mother says:</p><p>{_SAID[i]}</p></li>'
        for i in range(3)
    )
    page = (
        f"<html><body><article><h1>River day</h1>{_ARTICLE}</article>"
        f'<div id="comments"><h3>3 Responses</h3><ol class="commentlist">{items}</ol></div>'
        "</body></html>"
    )
    assert [c.author for c in articlekit.parse(page).comments] == [None, None, None]
