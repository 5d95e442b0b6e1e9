"""Dates as markup writes them (metadata/datestrings.py)."""

from __future__ import annotations

import pytest

from articlekit.metadata.datestrings import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014-03-05T10:00:00+01:00", "2014-03-05"),
        ("/2019/11/03/story-slug", "2019-11-03"),
        ("05.03.2014", "2014-03-05"),
        ("Posted 5 March 2014", "2014-03-05"),
        ("March 5th, 2014", "2014-03-05"),
        ("2023. március 14.", "2023-03-14"),
        ("2021年3月16日", "2021-03-16"),
        ("1999-12-31", "1999-12-31"),
    ],
)
def test_each_written_form_gives_its_day(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_an_ambiguous_day_reads_the_american_way_when_asked() -> None:
    assert parse_date("03/10/2020") == "2020-10-03"
    assert parse_date("03/10/2020", month_first=True) == "2020-03-10"


@pytest.mark.parametrize(
    "text",
    ["", "Updated 5 March", "12:41 pm", "Comments (20)", "Page 19 of 40", "5 March 2119"],
)
def test_a_text_without_a_year_of_the_web_is_no_date(text: str) -> None:
    assert parse_date(text) is None
