"""The story's lead in a text dump: the sentence or two right under its headline.

News and blog templates print a standfirst (a summary sentence in larger type)
between the headline and the byline, date or lead picture, and a short post's
whole text may be a few lines there.  jusText's context step reads such a
line between two template lines (the menus over the headline, the dateline
or the picture's credit under it) and drops it, although its place says what
it is: the first prose under the story's own heading, with only a byline,
a date, a credit or a label between.
"""

from __future__ import annotations

import re

from articlekit.text.lines import opens_byline, stopword_ratio, words
from articlekit.text.units import Unit, UnitKind

__all__ = ["keep_lead"]

LEAD_REACH = 4
"""Lines between the headline and its lead: a byline, a date, a picture's credit, a label."""
LEAD_WORDS = 8
"""Words of a lead that ends no sentence (a standfirst printed without its full stop);
a label or a section's name is shorter."""
LEAD_STOPWORDS = 0.2
"""Share of function words of such a lead: a sentence, not a run of names."""
REPEAT_SHARE = 0.6
"""Share of a line's words that are the headline's when it repeats the headline (a kicker
and the headline printed again on one line), not a lead."""

_WORD = re.compile(r"\w+")


def keep_lead(
    units: list[Unit],
    kinds: list[UnitKind],
    first: list[UnitKind],
    template: list[bool],
    heading: int | None,
) -> list[UnitKind]:
    """``kinds`` with the lead under the story's ``heading`` kept (``UnitKind.LEAD``).

    Within ``LEAD_REACH`` lines under the heading, the first line that reads
    as prose (near-good when first read, or a sentence of ``LEAD_WORDS``
    words; ``template[i]`` lines never) starts the lead, and the prose lines
    right after it belong to it.  Nothing changes when the story's kept text
    starts before such a line.
    """
    if heading is None:
        return kinds
    heading_words = {w.casefold() for w in words(units[heading].text)}
    stop = min(len(units), heading + LEAD_REACH + 2)
    start = next(
        (
            i
            for i in range(heading + 1, stop)
            if kinds[i] is UnitKind.GOOD
            or _lead_line(units[i].text, first[i], template[i], heading_words)
        ),
        None,
    )
    if start is None or kinds[start] is UnitKind.GOOD or _bio(units, start):
        return kinds
    result = list(kinds)
    index = start
    result[index] = UnitKind.LEAD
    index += 1
    # a byline with the writer's bio under the standfirst ("By Jane Roe, a deputy editor
    # who…") is too long for a dateline, and ends the lead
    while (
        index < len(units)
        and kinds[index] is not UnitKind.GOOD
        and _lead_line(units[index].text, first[index], template[index], heading_words)
        and not opens_byline(units[index].text)
    ):
        result[index] = UnitKind.LEAD
        index += 1
    return result


def _lead_line(text: str, first: UnitKind, template: bool, heading_words: set[str]) -> bool:
    if template or first not in (UnitKind.NEAR_GOOD, UnitKind.GOOD, UnitKind.SHORT):
        return False
    tokens = words(text)
    if sum(1 for t in tokens if t.casefold() in heading_words) >= REPEAT_SHARE * len(tokens):
        return False  # the headline again, with its kicker
    if first is not UnitKind.SHORT:
        return True
    return len(tokens) >= LEAD_WORDS and stopword_ratio(text) >= LEAD_STOPWORDS


BIO_NAME_WORDS = 4
"""Words of a name line over an author's bio at most ("Ines Carvalho", "Dr. Jane Roe")."""


def _bio(units: list[Unit], index: int) -> bool:
    """True for a sentence about the person named on the line above ("Ines Carvalho" over
    "Ines is a platform engineer who…"): the author's box under the headline, not the
    story's lead."""
    if index == 0:
        return False
    name = words(units[index - 1].text)
    opening = _WORD.match(units[index].text)
    return (
        0 < len(name) <= BIO_NAME_WORDS
        and opening is not None
        and opening.group()[0].isupper()
        and opening.group() in name
    )
