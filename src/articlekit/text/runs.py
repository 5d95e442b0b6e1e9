"""Runs of sentence lines in a text dump: the story's terse sentences around its paragraphs.

jusText's context step keeps a line of middling length only when good
paragraphs stand on both sides of it.  A how-to or price guide written as
runs of list items ("Session length: typically 30 to 60 minutes.") has few
long paragraphs and terse sentences with few function words, so whole
sections of it fall out between two such "bad" lines.  What marks them as the
story's is their shape and place: one sentence after another, under the
story's own headings, in one run with its kept paragraphs, with no template
line (button, date, cue) between.
"""

from __future__ import annotations

import re

from articlekit.text.units import Unit, UnitKind

__all__ = ["extend_prose_runs"]

MIN_SENTENCE_CHARS = 25
"""A line shorter than this is a label or a button, not a sentence of the story."""
MIN_SENTENCE_WORDS = 6
MAX_HEADING_WORDS = 15
"""A section heading inside a run is a short line over its first sentence."""
MAX_HEADINGS_IN_ROW = 1
"""Heading-like lines in a row that a run crosses: a section's heading, never a
commenter's name over a date line or a box's title over a teaser's."""

_CROSSED = (UnitKind.DUPLICATE, UnitKind.FIGURE, UnitKind.CREDIT)
"""Lines a run crosses: a repeat (the table of contents' heading again), a picture's
caption and credit."""
_SENTENCE_END = re.compile(r"""[.!?…:][)"”’»]?$""")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_WORD = re.compile(r"\w+")


def extend_prose_runs(
    units: list[Unit],
    kinds: list[UnitKind],
    fixed: dict[int, UnitKind],
    template: list[bool],
) -> list[UnitKind]:
    """Sentence lines in one run with kept paragraphs are kept too.

    A run is a stretch of sentence lines, kept paragraphs and repeated lines,
    crossing at most ``MAX_HEADINGS_IN_ROW`` heading-like lines; a template
    line (``template[i]``), a line of another shape or a line decided
    earlier ends it.  A run that holds a kept paragraph keeps its sentences,
    and its headings over them.
    """
    result = list(kinds)
    start = 0
    size = len(units)
    while start < size:
        stop = _run_end(units, kinds, fixed, template, start)
        if stop > start:
            if any(kinds[i] is UnitKind.GOOD for i in range(start, stop)):
                _keep_run(units, kinds, result, start, stop)
            start = stop
        else:
            start += 1
    return result


def _run_end(
    units: list[Unit],
    kinds: list[UnitKind],
    fixed: dict[int, UnitKind],
    template: list[bool],
    start: int,
) -> int:
    """The end of the run that starts at ``start`` (``start`` when none does)."""
    index = start
    headings = 0
    last_member = start
    while index < len(units):
        kind = kinds[index]
        if kind in _CROSSED:
            index += 1
            continue
        if template[index] or (index in fixed and kind is not UnitKind.GOOD):
            break
        text = units[index].text
        if kind is UnitKind.GOOD or _sentence_line(text):
            headings = 0
            index += 1
            last_member = index
            continue
        if headings < MAX_HEADINGS_IN_ROW and _heading_line(text):
            headings += 1
            index += 1
            continue
        break
    # trailing headings belong to what follows, not to this run
    return last_member


def _keep_run(
    units: list[Unit], kinds: list[UnitKind], result: list[UnitKind], start: int, stop: int
) -> None:
    for index in range(start, stop):
        if kinds[index] in (UnitKind.GOOD, UnitKind.HEADING, *_CROSSED):
            continue
        text = units[index].text
        if _sentence_line(text):
            result[index] = UnitKind.GOOD
        elif _heading_line(text):
            result[index] = UnitKind.HEADING


def _sentence_line(text: str) -> bool:
    return (
        len(text) >= MIN_SENTENCE_CHARS
        and _SENTENCE_END.search(text) is not None
        and len(_WORD.findall(text)) >= MIN_SENTENCE_WORDS
    )


def _heading_line(text: str) -> bool:
    # a clock time is a comment's or a live feed's stamp, never a section heading
    return (
        1 <= len(_WORD.findall(text)) <= MAX_HEADING_WORDS
        and text[-1] not in ".,;:!?"
        and _CLOCK.search(text) is None
    )
