"""Dates written for people ("March 5, 2014 at 10:12 am", "5. März 2014 um 10:12") as ISO 8601.

Used for comment dates, which rarely carry machine-readable markup.  Only
unambiguous forms are read: a value that could mean two dates gives None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from articlekit.languages import groups, month_numbers, phrase_pattern, words

__all__ = ["MONTH_NAMES", "iso_date"]

# The languages whose written dates are read here (comment dates, text dumps): a
# Portuguese or Russian date in a text dump is left to the other rules, as it always was.
_LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
# their month names (articlekit/languages, ``dates.months``)
_MONTHS: Mapping[str, int] = month_numbers(_LANGUAGES)
_MONTH = phrase_pattern(_MONTHS)
MONTH_NAMES = frozenset(_MONTHS)
"""Month names and abbreviations of the languages read here, lower case."""
# "5th", "1er"; "5 de marzo de 2014"
_ORDINAL = phrase_pattern(words("dates.ordinal_suffixes", _LANGUAGES))
_ENGLISH_ORDINAL = phrase_pattern(words("dates.ordinal_suffixes", ["en"]))
_JOINER = phrase_pattern(words("dates.joiners", _LANGUAGES))
# the shortest English weekday names, as prefixes: "mon", "Monday", "Thurs"
_ENGLISH_WEEKDAYS = phrase_pattern(
    min(names, key=len) for names in groups("dates.weekdays", ["en"])
)

_DIGIT = re.compile(r"\d")
# the characters of a text read for a date (whitespace collapsed): a date is near its start
_LONGEST = 200
_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
# seconds skipped and either case, so that "10:05:33 PM" keeps its PM in the
# numeric forms too (compiled without IGNORECASE)
_TIME = r"(?:\D{0,8}?(\d{1,2})[:h.](\d{2})(?::\d{2})?(?:\s*([apAP])\.?\s?[mM]\.?)?)?"
# "March 5, 2014", "Mar 5th 2014 at 10:12 pm"
_MDY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:{_ENGLISH_ORDINAL})?,?\s+(\d{{4}}){_TIME}", re.IGNORECASE
)
# "5 March 2014", "5. März 2014 um 10:12", "5 de marzo de 2014", "le 5 mars 2014 à 10h12"
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:{_ORDINAL})?\.?\s+(?:(?:{_JOINER})\s+)?({_MONTH})\.?,?\s+"
    rf"(?:(?:{_JOINER})\s+)?(\d{{4}}){_TIME}",
    re.IGNORECASE,
)
# "05.03.2014 10:12" (day first, as written in DE/FR/ES)
_NUMERIC_DMY = re.compile(rf"\b(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}){_TIME}")
# "28.09.19 14:33": forums and comment widgets shorten the year; not a version
# number ("1.2.19.4") or a decimal
_SHORT_DMY = re.compile(rf"(?<![\d.])(\d{{1,2}})\.(\d{{1,2}})\.(\d{{2}})(?![\d.]\d|\d){_TIME}")
# "22/09/2020" (day first) or "03/11/2020" (month first, as US templates write it)
_SLASHED = re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_TIME}")
# "03-14-2012, 09:41 AM" (vBulletin's default, month first) or "14-03-2012": read as the
# slashed form is; not a part of a longer run of numbers (an ISO date, a phone number)
_DASHED = re.compile(rf"(?<![\d-])(\d{{1,2}})-(\d{{1,2}})-(\d{{4}})(?![\d-]){_TIME}")
_ENGLISH_CONTEXT = re.compile(rf"\b(?:{_ENGLISH_WEEKDAYS})[a-z]*\b|\b[ap]\.?m\b", re.IGNORECASE)
# "2014/03/05"
_YMD_SLASH = re.compile(rf"\b(\d{{4}})/(\d{{1,2}})/(\d{{1,2}}){_TIME}")


def _day_or_month_first(match: re.Match[str], text: str) -> str | None:
    """A slashed or dashed date, day first or month first: the one a number above 12
    settles, or an English page's month first; None when nothing settles it."""
    first, second = int(match[1]), int(match[2])
    if first > 12 or (second <= 12 and not _ENGLISH_CONTEXT.search(text)):
        # day first; an ambiguous one only where nothing says the page is English
        day, month = first, second
        if second <= 12 and first <= 12:
            return None
    else:
        month, day = first, second
    return _format(int(match[3]), month, day, match[4], match[5], match[6])


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1990 <= year <= 2100


def _format(
    year: int, month: int, day: int, hour: str | None, minute: str | None, ampm: str | None
) -> str | None:
    if not _valid(year, month, day):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is not None and minute is not None:
        h, m = int(hour), int(minute)
        if ampm:
            if not 1 <= h <= 12:
                return out
            h = h % 12 + (12 if ampm.lower() == "p" else 0)
        if h < 24 and m < 60:
            out += f"T{h:02d}:{m:02d}"
    return out


def iso_date(text: str | None) -> str | None:
    """``text`` as an ISO 8601 date (``YYYY-MM-DD``, with ``THH:MM`` when a time is given).

    An ISO timestamp is returned as written (with its offset); None when no
    unambiguous date is found.
    """
    if not text or _DIGIT.search(text) is None:
        return None  # every form read here has a digit; most texts read for a date none
    if len(text) <= _LONGEST:
        # a short text is read whole, and collapsing its spaces neither joins digits nor
        # adds dots: its year is found before, and without one it could only be
        # "28.09.19", with two dots (a comment's name or a line with a number, read for
        # a date by several rules, is passed over here)
        has_year = _YEAR.search(text) is not None
        if not has_year and text.count(".") < 2:
            return None
        text = " ".join(text.split())
    else:
        text = " ".join(text.split())[:_LONGEST]
        has_year = _YEAR.search(text) is not None
    if not has_year:
        # every other form read here has a four-digit year; most text has none
        match = _SHORT_DMY.search(text)
        if match is None:
            return None
        year = int(match[3]) + (1900 if int(match[3]) >= 90 else 2000)
        return _format(year, int(match[2]), int(match[1]), match[4], match[5], match[6])
    match = _ISO.search(text)
    if match and _valid(int(match[1]), int(match[2]), int(match[3])):
        return match[0].replace(" ", "T")
    match = _MDY.search(text)
    if match:
        return _format(
            int(match[3]), _MONTHS[match[1].lower()], int(match[2]), match[4], match[5], match[6]
        )
    match = _DMY.search(text)
    if match:
        return _format(
            int(match[3]), _MONTHS[match[2].lower()], int(match[1]), match[4], match[5], match[6]
        )
    match = _NUMERIC_DMY.search(text)
    if match:
        return _format(int(match[3]), int(match[2]), int(match[1]), match[4], match[5], match[6])
    match = _SLASHED.search(text) or _DASHED.search(text)
    if match:
        return _day_or_month_first(match, text)
    match = _YMD_SLASH.search(text)
    if match:
        return _format(int(match[1]), int(match[2]), int(match[3]), match[4], match[5], match[6])
    return None
