"""Lists inside the story of a text dump: ingredients, steps, specs and results.

A recipe's ingredients ("200 g Zucker"), a product's specs ("Alkoholgehalt:
10 % vol."), a results table or a list of links in a how-to fail every prose
test: they are short, end no sentence and hold few function words, so
jusText's context step drops them, and runs of the story's sentences
(``runs``) do not reach them.  A template's lists (menus, share bars, tag
lists, related links) fail the same tests; what tells the story's lists from
them is their place and their lines:

- a list closed in by the story's kept text on both sides, with no template
  line (button, date, cue, teaser) among its items, is the story's: a menu
  or a share bar stands before or after the story, or holds a template line;
- a run of "key: value" lines right under a kept paragraph or heading is the
  story's fact box (a product's specs, a quest's conditions); a template
  prints labels, not fields.
"""

from __future__ import annotations

import re

from articlekit.text.units import Unit, UnitKind

__all__ = ["keep_story_lists"]

MIN_LIST_ITEMS = 4
"""Lines of a closed-in list at least; shorter gaps are the gap filler's (``classify``)."""
MAX_LIST_ITEMS = 40
"""Lines of a closed-in list at most: a longer stretch is a page region, not a list."""
MIN_FIELDS = 3
""""Key: value" lines in a row that make a fact box."""

_KEPT = (UnitKind.GOOD, UnitKind.LEAD, UnitKind.HEADING)
_CROSSED = (UnitKind.FIGURE, UnitKind.CREDIT, UnitKind.DUPLICATE)
"""Lines a list crosses: a picture's caption and credit, a repeated line."""
_ITEM_NUMBER = re.compile(r"^[\d.]+$")
"""A step's or a rank's number on its own line ("3", "1."): read as a share counter, but an item
of the list here."""
_FIELD = re.compile(r"^[^:]{2,40}:\s*\S")


def keep_story_lists(
    units: list[Unit],
    kinds: list[UnitKind],
    fixed: dict[int, UnitKind],
    template: list[bool],
) -> list[UnitKind]:
    """``kinds`` with the story's lists kept (good).

    ``template[i]`` is true for a line that a template pattern names;
    ``fixed`` holds the kinds decided before classification (titles, figures,
    comments), which no list crosses.
    """
    result = list(kinds)
    for start, stop in _closed_lists(units, kinds, fixed, template):
        for index in range(start, stop):
            if kinds[index] is UnitKind.BAD:
                result[index] = UnitKind.GOOD
    for start, stop in _fact_boxes(units, kinds, fixed, template):
        for index in range(start, stop):
            result[index] = UnitKind.GOOD
    return result


def _closed_lists(
    units: list[Unit], kinds: list[UnitKind], fixed: dict[int, UnitKind], template: list[bool]
) -> list[tuple[int, int]]:
    """Stretches of dropped lines with kept text of the story right before and after them."""
    found = []
    index = 0
    size = len(kinds)
    while index < size:
        if kinds[index] in _KEPT or kinds[index] in _CROSSED:
            index += 1
            continue
        stop = index
        while stop < size and kinds[stop] not in _KEPT and kinds[stop] is not UnitKind.TITLE:
            stop += 1
        if (
            _kept_before(kinds, index)
            and stop < size
            and kinds[stop] in _KEPT
            and MIN_LIST_ITEMS <= stop - index <= MAX_LIST_ITEMS
            and all(
                _item(units[i].text, kinds[i], i in fixed, template[i]) for i in range(index, stop)
            )
        ):
            found.append((index, stop))
        index = max(stop, index + 1)
    return found


def _kept_before(kinds: list[UnitKind], index: int) -> bool:
    before = index - 1
    while before >= 0 and kinds[before] in _CROSSED:
        before -= 1
    return before >= 0 and kinds[before] in _KEPT


def _item(text: str, kind: UnitKind, fixed: bool, template: bool) -> bool:
    if kind is UnitKind.DUPLICATE:
        return True
    if fixed:
        return False
    return not template or _ITEM_NUMBER.match(text) is not None


def _fact_boxes(
    units: list[Unit], kinds: list[UnitKind], fixed: dict[int, UnitKind], template: list[bool]
) -> list[tuple[int, int]]:
    """Runs of ``MIN_FIELDS`` or more dropped "key: value" lines right under kept text."""
    found = []
    for index, kind in enumerate(kinds):
        if kind not in _KEPT:
            continue
        stop = index + 1
        while (
            stop < len(units)
            and kinds[stop] is UnitKind.BAD
            and stop not in fixed
            and not template[stop]
            and _FIELD.match(units[stop].text) is not None
        ):
            stop += 1
        if stop - index - 1 >= MIN_FIELDS:
            found.append((index + 1, stop))
    return found
