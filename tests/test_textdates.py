"""Dates written in running text: comment signatures, text dumps."""

from __future__ import annotations

import pytest

from articlekit.metadata.textdates import iso_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 5, 2014 at 10:12 pm", "2014-03-05T22:12"),
        ("3/14/2025 10:05:33\u00a0PM", "2025-03-14T22:05"),
        ("Sat Feb 24, 2024 9:41:07 am", "2024-02-24T09:41"),
        ("03/11/2020 7:02 PM", "2020-03-11T19:02"),
        ("5. März 2014 um 10:12", "2014-03-05T10:12"),
        ("2019-09-28T14:33:00+02:00", "2019-09-28T14:33:00+02:00"),
        # forums and comment widgets shorten the year
        ("28.09.19 14:33", "2019-09-28T14:33"),
        ("geschrieben am 12.5.22, 10:12 Uhr", "2022-05-12T10:12"),
        ("31.12.99", "1999-12-31"),
        # dashed like the slashed form: vBulletin writes month first, with AM/PM
        ("03-14-2012, 09:41 AM", "2012-03-14T09:41"),
        ("Data: 28-04-2021, 09:29", "2021-04-28T09:29"),
        ("05-06-2012", None),
        ("Tel. 555-12-2012", None),
        # version numbers and decimals are no dates
        ("Update auf 1.2.19.4", None),
        ("3.14.15", None),
        ("Preis 12.50.00", None),
        ("no date here", None),
    ],
)
def test_iso_date(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # short texts with a number but no year and one dot at most: no date, read cheaply
        ("User 12345", None),
        ("Comment number 12 on the story.", None),
        ("Reply #3 \n\t (2 likes)", None),
        # two dots and no four-digit year: still read for a shortened one
        ("Posted\n 28.09.19 \t 14:33", "2019-09-28T14:33"),
        # a long text is collapsed, then read from its start as before
        (" " * 300 + "March 5, 2014", "2014-03-05"),
        ("x" * 199 + " 2014-03-05", None),
    ],
)
def test_iso_date_short_and_long_texts(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected
