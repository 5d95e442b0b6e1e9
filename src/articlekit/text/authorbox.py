"""The author box under a story: the author's name over a paragraph about them.

Templates that print no byline at the story's head often close it with a box
about its author: the name on a line of its own, then a short biography that
opens with the name again ("Jane Doe" over "Jane Doe is a senior writer at …",
"Jane Doe lehrt Geschichte an …").  That repeat is what tells the box from a
name mentioned anywhere else.
"""

from __future__ import annotations

from articlekit.text.personnames import person_like, strict_name
from articlekit.text.units import BULLET, Unit, is_prose

__all__ = ["author_box"]

BIO_GAP = 2
"""Units from the name line down to its biography (a role line may stand between)."""


def author_box(units: list[Unit], heading: int) -> tuple[str, int] | None:
    """The name of the one author box under ``units[heading]``, and its unit, or None.

    A listicle heads each entry the same way ("Art Deco" over "Art Deco is a style
    …"), so a page that shows the form for two different names has no author box.
    """
    found: list[tuple[str, int]] = []
    for index in range(heading + 1, len(units) - 1):
        # Resiliparse writes the name's link as a list item ("• Jane Doe")
        line = BULLET.sub("", units[index].text.strip())
        if strict_name(line) and not _has_acronym(line) and _opens_bio(units, index, line):
            found.append((line, index))
    if len({names for names, _ in found}) != 1:
        return None
    names, index = found[0]
    # a story speaks of its subjects, not of its author: a name its prose uses is a
    # section's heading ("Touch ID" over "Touch ID on the keyboard gives …")
    if any(names in unit.text for unit in units[heading:index] if is_prose(unit.text)):
        return None
    return (names, index) if person_like(names, units, index) else None


def _opens_bio(units: list[Unit], index: int, names: str) -> bool:
    """True when a paragraph just under ``units[index]`` opens with ``names``."""
    return any(
        units[below].text.startswith(f"{names} ") and is_prose(units[below].text)
        for below in range(index + 1, min(len(units), index + 1 + BIO_GAP))
    )


def _has_acronym(names: str) -> bool:
    """True for a word in capitals ("Touch ID", "Office 365 EU"): a product's or a
    feature's name heading its paragraph, which a person's name has not."""
    return any(len(token) >= 2 and token.isupper() for token in names.split())
