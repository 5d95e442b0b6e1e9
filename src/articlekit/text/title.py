"""Title and metadata of a text dump: the head line, the story's heading, byline and date.

Whole-page dumps start with the ``<title>`` ("Story – Site"); the story's heading
repeats part of it further down.  The byline and date lines under the heading
give the article's metadata and leave the body.
"""

from __future__ import annotations

import re

from articlekit.comments.phrases import is_comment_header
from articlekit.metadata.textdates import iso_date
from articlekit.text.classify import LENGTH_HIGH
from articlekit.text.lines import (
    byline_of,
    is_boilerplate_line,
    is_button_line,
    is_byline_or_date,
    is_end_marker,
    words,
)
from articlekit.text.units import BULLET, SENTENCE_BREAK, Unit, UnitKind, is_prose

__all__ = ["byline_and_date", "find_title", "listing_title", "strip_site", "title_like"]

BYLINE_REACH = 6
"""Units under the title searched for the byline and date lines."""

_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,}|\*{3,})$")
_BREADCRUMB = re.compile(r"\s[>»/›]\s")
_SEPARATORS = re.compile(r"\s+(?:[|·•»:–—-]|::)\s+")


def find_title(units: list[Unit]) -> tuple[str | None, int | None, int | None]:
    """``(title, index of the head line, index of the story's heading)``.

    Whole-page dumps start with the ``<title>`` ("Story – Site"); the story's
    heading repeats part of it further down, and that part is the title.
    Without a head line, the title is the heading-like line nearest above the
    first paragraph (bylines, dates, buttons and captions may stand between).
    """
    head_index = next(
        (
            i
            for i, u in enumerate(units[:5])
            if not (is_button_line(u.text) or is_boilerplate_line(u.text) or len(u.text) > 250)
        ),
        None,
    )
    first_prose = next((i for i, u in enumerate(units) if is_prose(u.text)), None)
    if head_index is not None:
        head = units[head_index].text
        # the story's heading stands above its first paragraph, however long the header
        limit = max(10, len(units) * 2 // 3, (first_prose or 0) + 1)
        for later in range(head_index + 1, min(len(units), limit)):
            candidate = units[later].text
            if len(candidate) >= 10 and _repeats_title(head, candidate):
                return candidate, head_index, later
        if head_index + 1 < len(units) and _UNDERLINE.match(units[head_index + 1].text):
            return head, None, head_index
    if first_prose is not None:
        for index in range(first_prose - 1, max(-1, first_prose - 13), -1):
            line = units[index].text
            if title_like(line) and len(words(line)) >= 3:
                return line, None, index
    if head_index is not None and title_like(units[head_index].text):
        return strip_site(units[head_index].text), head_index, None
    return None, None, None


def title_like(line: str) -> bool:
    """True for a line that reads as a headline: a few words, no sentence, no template text."""
    return (
        1 <= len(words(line)) <= 25
        and len(line) <= 200
        and line[-1:] not in ".,;:"
        and not SENTENCE_BREAK.search(line)
        and not _BREADCRUMB.search(line)
        and not is_button_line(line)
        and not is_boilerplate_line(line)
        and not is_byline_or_date(line)
        and byline_of(line) is None
        and not is_end_marker(line)
        and not is_comment_header(line)
        and not BULLET.match(line)
    )


def _repeats_title(head: str, candidate: str) -> bool:
    if candidate == head:
        return True
    if len(candidate) < len(head) * 0.35:
        return False
    return any(part == candidate for part in _SEPARATORS.split(head)) or (
        (head.startswith(candidate) or head.endswith(candidate))
        and len(candidate) >= 0.5 * len(head)
    )


def strip_site(head: str) -> str:
    """The story's part of a head line "Story – Site" (its longest part, when long enough)."""
    parts = _SEPARATORS.split(head)
    if len(parts) > 1:
        longest = max(parts, key=len)
        if len(longest) >= 15:
            return longest
    return head


def listing_title(units: list[Unit]) -> str | None:
    """The page's head line (its ``<title>``), not the first teaser's headline."""
    for unit in units[:5]:
        line = unit.text
        if not (is_button_line(line) or is_boilerplate_line(line)) and title_like(line):
            return strip_site(line)
    return None


def byline_and_date(
    units: list[Unit], start: int, fixed: dict[int, UnitKind]
) -> tuple[str | None, str | None]:
    """A "By …" line and a date line just under the title; both leave the body."""
    byline = date = None
    for index in range(start, min(start + BYLINE_REACH, len(units))):
        line = units[index].text
        if len(line) >= LENGTH_HIGH:
            break
        found = byline_of(line)
        if byline is None and found:
            byline = found
            fixed.setdefault(index, UnitKind.BAD)
        if (
            date is None
            and (found or len(line) <= 40 or is_byline_or_date(line))
            and (when := iso_date(line))
        ):
            date = when[:10]
            fixed.setdefault(index, UnitKind.BAD)
    return byline, date
