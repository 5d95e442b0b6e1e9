"""A shop's grid in a text dump: many short lines that show a price.

A shop's category page lists products as cards, each a name, a price and perhaps a
rating or a count of colours; a dump writes each card as a few short lines.  The
classifier looks for prose and keeps little of them.  Where short price lines run
down the page by the dozen and the cards' lines hold more text than the prose kept
beside them, the page is a listing and its grid, from the first card's name to the
line after the last price, is what it shows, as HTML mode keeps a shop's grid
(:mod:`articlekit.content.offers`, whose currency amounts are read here too).
"""

from __future__ import annotations

from articlekit.content.offers import count_currency_marks, shows_amount
from articlekit.text.lines import is_boilerplate_line, is_button_line
from articlekit.text.units import Unit, UnitKind

__all__ = ["find_price_grid", "grid_kinds"]

GRID_PRICES = 20
"""Short price lines that make a grid of cards: a product page shows its price, its
variants' and a few related products'; a category page one per card."""
PRICE_LINE = 60
"""Characters of a card's price line ("$124.93 - $155.00", "compared to $120.00"); a
longer line naming an amount is a sentence or a promotion."""
CARD_LEAD = 4
"""Lines of the first card over its price (its name, brand, rating, badge)."""
GRID_SHARE = 2
"""How many times the text the classifier kept the grid's lines hold on a category page;
on a product or an article page, its prose holds more than half the grid's."""

_KEPT = frozenset((UnitKind.GOOD, UnitKind.HEADING))


def find_price_grid(units: list[Unit], kinds: list[UnitKind]) -> tuple[int, int] | None:
    """``(start, end)`` of a shop's grid of cards when it outweighs the prose kept
    (``kinds`` as the classifier left them); None on other pages."""
    short = [(i, u.text) for i, u in enumerate(units) if len(u.text) <= PRICE_LINE]
    # the cheap test first: a page with fewer currency marks than a grid has cards has none
    if count_currency_marks("\n".join([text for _, text in short])) < GRID_PRICES:
        return None
    prices = [i for i, text in short if shows_amount(text)]
    if len(prices) < GRID_PRICES:
        return None
    start, end = max(0, prices[0] - CARD_LEAD), min(len(units), prices[-1] + 2)
    grid = sum(len(units[i].text) for i in range(start, end) if _card_line(units[i].text))
    kept = sum(len(u.text) for u, k in zip(units, kinds, strict=True) if k in _KEPT)
    return (start, end) if grid > GRID_SHARE * kept else None


def grid_kinds(units: list[Unit], kinds: list[UnitKind], grid: tuple[int, int]) -> list[UnitKind]:
    """The units of a page whose content is its grid: the cards' lines kept besides the
    prose kept already (a category's intro), their buttons ("Add to cart", "Compare")
    and the rest of the page left out."""
    kept = list(kinds)
    for index in range(*grid):
        if kept[index] not in _KEPT and _card_line(units[index].text):
            kept[index] = UnitKind.GOOD
    return kept


def _card_line(line: str) -> bool:
    # a price is all digits, as a share bar's counts are: a card's line all the same
    return shows_amount(line) or not (is_boilerplate_line(line) or is_button_line(line))
