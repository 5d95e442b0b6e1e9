"""Boxes under the story in a text dump: an author's bio, a newsletter pitch, a teaser.

After the story's last paragraph a page shows its tags, share buttons and a
"Related" or "About the author" label, then a box of text: the author's bio,
a newsletter pitch, a teaser's summary.  jusText's context step keeps short
lines between good ones, so the box and the labels before it join the story.
What parts the box from the story is a run of lines that were no prose when
first read (labels, buttons, link titles), its place (last on the page) and
its size: one or two paragraphs, far less text than the story above.  A page
of like sections (steps, features) has no one part that holds most of the
text, and keeps them all.
"""

from __future__ import annotations

from articlekit.text.units import Unit, UnitKind

__all__ = ["drop_tail_boxes"]

TAIL_GAP = 3
"""Lines in a row that were no prose when first read and part a box from the story."""
TAIL_SHARE = 0.3
"""A box holds less good text than this share of the story's part."""
BOX_PARAGRAPHS = 2
"""Paragraphs of a box at most: a bio, a pitch, a teaser's summary."""
MAIN_SHARE = 0.35
"""Share of the kept text the story's part holds at least for boxes to be told from it."""

_KEPT = (UnitKind.GOOD, UnitKind.HEADING)
_PROSE = (UnitKind.GOOD, UnitKind.NEAR_GOOD)
_PICTURE = (UnitKind.FIGURE, UnitKind.CREDIT, UnitKind.DUPLICATE)


def drop_tail_boxes(
    units: list[Unit], kinds: list[UnitKind], first: list[UnitKind]
) -> list[UnitKind]:
    """``kinds`` without the boxes under the story.

    ``first`` holds each unit's kind as first read (before neighbours decided
    the short lines).  Parts of kept units are parted by ``TAIL_GAP`` lines
    that were no prose then; the largest part is the story's.  From the
    page's end up, parts under it that are small (``TAIL_SHARE``, at most
    ``BOX_PARAGRAPHS`` paragraphs) go, up to the first that is not.
    """
    parts = _parts(kinds, first)
    if len(parts) < 2:
        return kinds
    mass = [sum(len(units[i].text) for i in part if kinds[i] is UnitKind.GOOD) for part in parts]
    main = max(range(len(parts)), key=mass.__getitem__)
    if mass[main] < MAIN_SHARE * sum(mass):
        return kinds
    result = list(kinds)
    for part, size in reversed(list(zip(parts[main + 1 :], mass[main + 1 :], strict=True))):
        paragraphs = sum(1 for i in part if first[i] in _PROSE)
        if size >= TAIL_SHARE * mass[main] or paragraphs > BOX_PARAGRAPHS:
            break
        for index in part:
            result[index] = UnitKind.BAD
    return result


def _parts(kinds: list[UnitKind], first: list[UnitKind]) -> list[list[int]]:
    """Kept units in parts, parted by ``TAIL_GAP`` units that were no prose when first
    read; the kept labels in such a gap (a box's heading) go with the part under them."""
    parts: list[list[int]] = []
    pending: list[int] = []
    gap = TAIL_GAP
    for index, kind in enumerate(kinds):
        if kind in _KEPT and first[index] in _PROSE:
            if gap >= TAIL_GAP or not parts:
                parts.append([])
            parts[-1].extend(pending)
            parts[-1].append(index)
            pending, gap = [], 0
        elif kind in _KEPT:
            pending.append(index)
            gap += 1
        elif first[index] not in _PICTURE:
            gap += 1
    if parts:
        parts[-1].extend(pending)
    return parts
