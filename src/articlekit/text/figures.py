"""Figures of a text dump: a caption shown twice around its credit line, or over "Photo: …".

Alt text and caption of one picture often both survive in a dump, with the
credit between them; :func:`find_figures` turns such runs into figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articlekit.model import Figure
from articlekit.text.lines import credit_of
from articlekit.text.units import SENTENCE_BREAK, Unit
from articlekit.text.vocabulary import one_of

__all__ = ["FigureAt", "find_figures"]

MAX_INLINE_CAPTION = 200
"""A caption with its credit on the line, shown once, is no longer than this; a longer
line is a paragraph that happens to end with a credit."""
_INLINE_CREDIT = re.compile(
    r"^(.{15,}?[.!?\"”»)])\s*" + one_of("caption_credit_labels") + r"s?\s*:\s*([^.:]{2,60})$",
    re.IGNORECASE,
)
_CREDIT_LABEL = re.compile("^" + one_of("caption_credit_labels") + r"s?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FigureAt:
    """A caption found in a dump, and the units it covers (the caption, its repeat, the credit)."""

    index: int
    figure: Figure
    covered: tuple[int, ...]


def find_figures(units: list[Unit]) -> list[FigureAt]:
    """Captions: a line shown twice around a short credit line, or followed by "Photo: …"."""
    figures: list[FigureAt] = []
    used: set[int] = set()
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.text] = counts.get(unit.text, 0) + 1
    for index, unit in enumerate(units):
        if index in used or len(unit.text) < 15 or len(unit.text) > 600:
            continue
        inline = _inline_credit(unit.text)
        if inline is not None:
            # Resiliparse joins a figcaption and its credit: "… am Anleger. Bild: Jane Doe"
            repeats = [
                i
                for i in range(index + 1, min(len(units), index + 4))
                if units[i].text == unit.text
            ]
            if repeats or len(unit.text) <= MAX_INLINE_CAPTION:
                covered = (index, *repeats)
                figures.append(
                    FigureAt(index, Figure(caption=inline[0], credit=inline[1]), covered)
                )
                used.update(covered)
                continue
        for gap in (1, 2, 3) if counts[unit.text] > 1 else ():
            other = index + gap + 1
            if other >= len(units) or units[other].text != unit.text:
                continue
            between = units[index + 1 : other]
            credits = [credit_of(u.text) for u in between if len(u.text) <= 100]
            if len(credits) == len(between) and all(credits):
                credit = credits[0] if credits else None
                figure = Figure(caption=unit.text, credit=credit)
                covered = tuple(range(index, other + 1))
                figures.append(FigureAt(index, figure, covered))
                used.update(covered)
                break
        else:
            following = units[index + 1] if index + 1 < len(units) else None
            if (
                following is not None
                and len(unit.text) <= 120
                and not SENTENCE_BREAK.search(unit.text)
                and _explicit_credit(following.text)
                and index + 1 not in used
            ):
                figure = Figure(caption=unit.text, credit=_explicit_credit(following.text))
                figures.append(FigureAt(index, figure, (index, index + 1)))
                used.update((index, index + 1))
    return figures


def _inline_credit(line: str) -> tuple[str, str] | None:
    """ "The ferry at the pier. Photo: Jane Doe" as (caption, credit)."""
    match = _INLINE_CREDIT.match(line)
    if match is None:
        return None
    credit = credit_of(match[2].strip())
    return (match[1].strip(), credit) if credit else None


def _explicit_credit(line: str) -> str | None:
    if _CREDIT_LABEL.match(line):
        return credit_of(line)
    return None
