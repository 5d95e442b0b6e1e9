"""Index pages in a text dump: teasers (headline, short summary, date or "Read more").

Index and section pages list other pages; when their teasers hold most of the
text the page has no article (``Status.NO_ARTICLE``), as in the HTML path's
listing test.
"""

from __future__ import annotations

import re

from articlekit.text.lines import is_boilerplate_line, is_byline_or_date, is_end_marker, words
from articlekit.text.title import title_like
from articlekit.text.units import Unit, UnitKind, sentence_like
from articlekit.text.vocabulary import one_of

__all__ = ["find_teasers", "is_listing"]

MIN_TEASERS = 4
"""Teasers (headline, short summary, date or "Read more") that make a page a listing."""
MAX_TEASER_SUMMARY = 400
"""A teaser's summary is one or two sentences; a longer unit is article prose."""
TEASER_SHARE = 2
"""A listing's teaser summaries hold this many times the prose found beside them."""

_READING_TIME = re.compile(
    "^(?:"
    + one_of("reading_time_labels")
    + r"\s*:?\s*)?\d{1,3}\s*"
    + one_of("minute_words")
    + r"\.?(?:\s+"
    + one_of("reading_time_suffixes")
    + ")?$",
    re.IGNORECASE,
)


def find_teasers(units: list[Unit]) -> list[tuple[int, int]]:
    """``(start, end)`` spans of teasers: a headline, a short summary and a date or link line.

    Index and section pages list other pages as headline, one or two sentences
    and "12 March 2023 · 2 min read" or "Read more"; an article's sections
    have no such line after each paragraph.  A date or byline may also stand
    between the headline and the summary.
    """
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(units):
        span = _teaser_at(units, index)
        if span is None:
            index += 1
        else:
            spans.append(span)
            index = span[1]
    return spans


def _teaser_at(units: list[Unit], index: int) -> tuple[int, int] | None:
    head = units[index].text
    if not 10 <= len(head) <= 160 or head[-1] in ".,;:":
        return None
    following = units[index + 1 : index + 3]
    if not any(_teaser_summary(u.text) for u in following):
        return None  # the cheap test first: most lines are no headline
    # four words at least: a commenter's name over a date is no headline
    if len(words(head)) < 4 or not title_like(head):
        return None
    position = index + 1
    marked = position < len(units) and _teaser_marker(units[position].text)
    if marked:
        position += 1
    if position >= len(units) or not _teaser_summary(units[position].text):
        return None
    position += 1
    stop = position + 2
    while position < min(stop, len(units)) and _teaser_marker(units[position].text):
        marked = True
        position += 1
    return (index, position) if marked else None


def _teaser_marker(line: str) -> bool:
    return (
        is_byline_or_date(line)
        or _READING_TIME.match(line) is not None
        or (is_boilerplate_line(line) and len(words(line)) <= 4)
        or is_end_marker(line)
    )


def _teaser_summary(line: str) -> bool:
    return 40 <= len(line) <= MAX_TEASER_SUMMARY and sentence_like(line)


def is_listing(units: list[Unit], kinds: list[UnitKind]) -> bool:
    """True when teasers hold most of the page's text, so no one article is its subject.

    An article with a "Related" list under it keeps more prose of its own than
    the teasers hold, as the HTML path's listing test asks of teaser items.
    """
    # Only summaries count for teasers, and a good unit that is neither a summary
    # nor short enough to be a headline or date line is prose beside them: these
    # bounds settle most pages before the teasers are looked for.
    summaries = 0
    prose = 0
    for unit, kind in zip(units, kinds, strict=True):
        if _teaser_summary(unit.text):
            summaries += len(unit.text)
        elif kind is UnitKind.GOOD and len(unit.text) > 160:
            prose += len(unit.text)
    if summaries <= TEASER_SHARE * prose:
        return False
    spans = find_teasers(units)
    if len(spans) < MIN_TEASERS:
        return False
    inside = {i for start, end in spans for i in range(start, end)}
    teaser_text = sum(len(units[i].text) for i in inside if _teaser_summary(units[i].text))
    other = sum(
        len(u.text)
        for i, (u, k) in enumerate(zip(units, kinds, strict=True))
        if k is UnitKind.GOOD and i not in inside
    )
    return teaser_text > TEASER_SHARE * other
