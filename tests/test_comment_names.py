"""Comment authors are names (issue 12 §2): what an author box says, cut to the name."""

from __future__ import annotations

import pytest

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
    ],
)
def test_the_name_without_what_surrounds_it(box: str, name: str) -> None:
    assert author_name(box) == name


@pytest.mark.parametrize("box", ["haut de page", "Reply", "Antworten", "12. März 2020", "  "])
def test_a_label_or_a_date_is_no_name(box: str) -> None:
    assert author_name(box) is None
