"""The reviews of a shop's review widget in a text dump.

A widget (Judge.me, Yotpo, Stamped and the like) shows a header ("Customer Reviews"),
a summary and a star histogram ("Based on 40 reviews", "98%", "(39)"), then each
review as a few short lines (the avatar's letter, the name, the title) over its text,
and a pager ("1 2 3") under the last one.  Unlike a blog's thread it stands between a
product's other boxes, so the page goes on after it.
"""

from __future__ import annotations

import re

from articlekit.comments.phrases import is_comment_chrome, is_review_header
from articlekit.metadata.textdates import iso_date
from articlekit.model import Comment
from articlekit.text.comment_lines import name_like, unbulleted
from articlekit.text.comment_zone import section_end
from articlekit.text.units import Unit, is_prose, sentence_like

__all__ = ["find_review_zone", "parse_reviews"]

TEXT_CHARS = 40
"""Characters of a line of a review's text; the lines over it (name, title) are shorter."""
MIN_PROSE_BEFORE = 150
"""Characters of the product's text that must precede the widget (a rating summary under
the product's name is no list of reviews)."""
HISTOGRAM_SPAN = 12
"""Lines under the header that hold the star histogram."""
RATING_LINES = 3
"""Lines without a letter (the histogram's shares and counts) that mark a review widget."""
FIRST_REVIEW_SPAN = 7
"""Lines with letters (summary, name, title) between the histogram and the first text."""

# "1 2 3", "1 2 … 14 »", and "123" where a converter joins the pager's links
_PAGER = re.compile(r"^1\s+2(?:\s+(?:\d{1,3}|…|\.\.\.))*(?:\s+\W)?$|^12(?:3(?:4(?:5)?)?)?$")
# "S.", "D.E.", "Jane D.": a reviewer the widget shows by initials
_INITIALS = re.compile(r"^(?:[^\W\d_][\w'-]*\s+)?(?:[^\W\d_]\.\s?){1,3}$")


def find_review_zone(units: list[Unit]) -> tuple[int, int] | None:
    """``(start, end)`` of a review widget: its header over a star histogram, a review's
    text a few lines later, up to the pager under the reviews (or the section's end)."""
    units = unbulleted(units)
    before = 0
    for index, unit in enumerate(units):
        if (
            before >= MIN_PROSE_BEFORE
            and is_review_header(unit.text)
            and _rated(units[index + 1 : index + 1 + HISTOGRAM_SPAN])
            and any(_is_text(u.text) for u in _worded(units, index + 1, FIRST_REVIEW_SPAN))
        ):
            end = section_end(units, index + 1)
            return index, next((i for i in range(index, end) if _PAGER.match(units[i].text)), end)
        before += len(unit.text) if _prose(unit.text) else 0
    return None


def _prose(line: str) -> bool:
    """A line of the product's text: prose, or a sentence on a line of its own."""
    return is_prose(line) or (len(line) >= TEXT_CHARS and sentence_like(line))


def _rated(units: list[Unit]) -> bool:
    return sum(1 for u in units if _letterless(u.text)) >= RATING_LINES


def _worded(units: list[Unit], start: int, count: int) -> list[Unit]:
    """The next ``count`` units that hold a letter."""
    found: list[Unit] = []
    for unit in units[start:]:
        if not _letterless(unit.text):
            found.append(unit)
            if len(found) == count:
                break
    return found


def parse_reviews(units: list[Unit]) -> tuple[Comment, ...]:
    """The reviews of a widget's lines (header, summary and histogram included)."""
    lines = [u.text for u in unbulleted(units)]
    texts = [i for i, line in enumerate(lines) if _is_text(line)]
    if not texts:
        return ()
    # the summary and histogram stand over the first review's own short lines
    start = max((i for i in range(texts[0]) if _letterless(lines[i])), default=0)
    kept = [
        line
        for line in lines[start:]
        if not (_letterless(line) or is_comment_chrome(line) or is_review_header(line))
    ]
    reviews: list[Comment] = []
    head: list[str] = []
    parts: list[str] = []
    index = 0
    while index < len(kept):
        end = next((i for i in range(index, len(kept)) if _is_text(kept[i])), len(kept))
        if end == len(kept):
            # under the last text only a sign-off ("Thanks, Robin") is the review's
            parts.extend(kept[index:] if len(kept) - index == 1 else ())
            break
        run = kept[index:end]
        cut = _head_start(run)
        if cut < len(run):
            if parts:
                reviews.append(_review(len(reviews), head, [*parts, *run[:cut]]))
            head, parts = run[cut:], []
        else:
            parts.extend(run)
        parts.append(kept[end])
        index = end + 1
    if parts:
        reviews.append(_review(len(reviews), head, parts))
    return tuple(reviews)


def _head_start(run: list[str]) -> int:
    """Where the next review's own lines start in a run of short lines: at the avatar's
    letter, else at the name over the title; a line alone is the text's."""
    avatars = [i for i, line in enumerate(run) if len(line) == 1]
    if avatars:
        return avatars[-1]
    return len(run) - 2 if len(run) >= 2 else len(run)


def _review(number: int, head: list[str], parts: list[str]) -> Comment:
    """A review: the name among its short lines as author, a date line as its date, the
    rest (the title) over its text, as HTML mode gives it."""
    named = next((i for i, line in enumerate(head) if _name(line)), None)
    date = next((d for line in head if (d := iso_date(line)) is not None), None)
    # the title comes under the name ("D.E." over "Bester Kaffee", which reads as one)
    title = [
        line
        for line in head[0 if named is None else named + 1 :]
        if len(line) > 1 and iso_date(line) is None
    ]
    return Comment(
        id=f"comment-{number + 1}",
        author=head[named] if named is not None else None,
        date=date,
        text="\n\n".join([*title[-1:], " ".join(parts)]),
    )


def _name(line: str) -> bool:
    return _INITIALS.match(line) is not None or (len(line) > 1 and name_like(line))


def _is_text(line: str) -> bool:
    return len(line) >= TEXT_CHARS


def _letterless(line: str) -> bool:
    return not any(ch.isalpha() for ch in line)
