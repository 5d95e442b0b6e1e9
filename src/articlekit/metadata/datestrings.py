"""Dates as markup writes them ("2014-03-05", "05.03.2014", "5 March 2014") to ISO 8601.

The machine-readable and near-machine-readable forms of :mod:`.dates`' candidates
(``<time datetime>``, ``<meta>`` values, JSON-LD, URL paths); dates written for
people in running text are :mod:`.textdates`' job.  Month names come from every
language file (``dates.months``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articlekit.languages import month_numbers, phrase_pattern, words

__all__ = ["iso_day", "parse_date", "valid_day"]

_ISO = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-/.]?(0[1-9]|1[0-2]|[1-9](?=\D))[-/.]?(3[01]|[12]\d|0[1-9]|[1-9](?!\d))"
)
_DMY = re.compile(
    r"(?<!\d)(3[01]|[12]\d|0?[1-9])(?:\.\s?|/|\s\|\s)(1[0-2]|0?[1-9])(?:\.\s?|/|\s\|\s)"
    r"((?:19|20)\d\d)(?!\d)"
)
# month names of every language file (articlekit/languages, ``dates.months``)
_MONTHS: Mapping[str, int] = month_numbers()
_MONTH_NAMES = phrase_pattern(_MONTHS)
# "5th", "1er", "1º"; "5 de marzo de 2014"
_ORDINAL = phrase_pattern(words("dates.ordinal_suffixes"))
_ENGLISH_ORDINAL = phrase_pattern(words("dates.ordinal_suffixes", ["en"]))
_JOINER = phrase_pattern(words("dates.joiners"))
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(3[01]|[12]\d|0?[1-9])(?:{_ORDINAL}|º)?\.?\s*(?:(?:{_JOINER})\s+)?({_MONTH_NAMES})"
    rf"\.?,?\s*(?:(?:{_JOINER})\s+)?((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s+(3[01]|[12]\d|0?[1-9])(?:{_ENGLISH_ORDINAL})?,?\s+((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)

# "2023. március 14.", "2023 March 14": the year first, as Hungarian pages write a day;
# tried after the day- and month-first forms
_YEAR_MONTH_DAY = re.compile(
    rf"(?<![\d.])((?:19|20)\d\d)\.?,?\s+({_MONTH_NAMES})\.?\s+(3[01]|[12]\d|0?[1-9])(?!\d)",
    re.IGNORECASE,
)

# "2021年3月16日": the year and month numbers each followed by its mark (Chinese, Japanese)
_MARKED = re.compile(
    rf"(?<!\d)((?:19|20)\d\d)\s*(?:{phrase_pattern(words('dates.year_marks'))})\s*"
    rf"(1[0-2]|0?[1-9])\s*(?:{phrase_pattern(words('dates.month_marks'))})\s*(3[01]|[12]\d|0?[1-9])(?!\d)"
)


def valid_day(year: int, month: int, day: int) -> bool:
    """A real calendar day within the years pages are published in (1995-2035)."""
    if not (1995 <= year <= 2035 and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    return not (month == 2 and day > 29) and not (month in (4, 6, 9, 11) and day > 30)


def iso_day(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` of a plausible publication day, else None."""
    return f"{year:04d}-{month:02d}-{day:02d}" if valid_day(year, month, day) else None


def parse_date(text: str | None, *, month_first: bool = False) -> str | None:
    """The first calendar date in ``text`` as ``YYYY-MM-DD``, or None.

    ``month_first`` reads an ambiguous "03/10/2020" the American way (March 10),
    for pages in US English; a number above 12 settles the order either way.
    """
    if not text:
        return None
    text = text.strip()[:200]
    if "20" not in text and "19" not in text:
        return None  # every form below holds a year, 19xx or 20xx: most texts have none
    match = _ISO.search(text)
    if match:
        found = iso_day(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return found
    match = _DMY.search(text)
    if match:
        first, second = int(match[1]), int(match[2])
        american = "/" in match[0] and (second > 12 or (month_first and first <= 12))
        found = (
            iso_day(int(match[3]), first, second)
            if american
            else iso_day(int(match[3]), second, first)
        )
        if found:
            return found
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        found = iso_day(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
        if found:
            return found
    match = _MONTH_DAY_YEAR.search(text)
    if match:
        return iso_day(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
    match = _YEAR_MONTH_DAY.search(text)
    if match:
        return iso_day(int(match[1]), _MONTHS[match[2].lower()], int(match[3]))
    match = _MARKED.search(text)
    if match:
        return iso_day(int(match[1]), int(match[2]), int(match[3]))
    return None
