"""A shop's grid of cards in a text dump (text/grids.py): the cards are the page's body."""

from __future__ import annotations

from articlekit.model import PageKind
from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.grids import GRID_PRICES, find_price_grid, grid_kinds
from articlekit.text.units import UnitKind, split_units

HEADER = "Trail Goods Co.\nSkip to main content\nCart\nSign in\nRunning Shoes\n"
FOOTER = "\nAbout us\nCareers\nStore locator\n© 2026 Trail Goods Co.\n"
INTRO = (
    "Our running shoes are tested on the trails around our warehouse by the staff who "
    "pick and pack your orders, and every pair can be returned within a year."
)


def _cards(count: int) -> str:
    # each card as html-text writes it: name, price, rating, a share button
    return "\n".join(
        f"Ridge Runner {n} Trail Shoes - Women's\n${90 + n}.95\n4.{n % 10} out of 5 stars\nShare"
        for n in range(1, count + 1)
    )


def test_a_grid_of_priced_cards_is_the_body_of_a_listing() -> None:
    dump = f"{HEADER}{INTRO}\n{_cards(24)}{FOOTER}"
    article = parse_text_dump(dump, None, Options())
    assert article.kind is PageKind.LISTING
    assert "Ridge Runner 1 Trail Shoes - Women's" in article.paragraphs
    assert "Ridge Runner 24 Trail Shoes - Women's" in article.paragraphs
    assert "$113.95" in article.paragraphs
    # the intro the classifier kept stays; buttons, menus and footer do not
    assert INTRO in article.paragraphs
    assert "Share" not in article.paragraphs
    assert not {"Careers", "Store locator", "Cart"} & set(article.paragraphs)
    assert (article.byline, article.date) == (None, None)


def test_a_few_prices_beside_prose_make_no_grid() -> None:
    prose = " ".join([INTRO] * 3)
    dump = f"{HEADER}" + "\n".join([prose] * 8) + f"\n{_cards(GRID_PRICES - 1)}{FOOTER}"
    units = split_units(dump)
    assert find_price_grid(units, [UnitKind.BAD] * len(units)) is None
    # as many price lines as a grid, but the story's prose outweighs them
    dump = f"{HEADER}" + "\n".join([prose] * 12) + f"\n{_cards(GRID_PRICES)}{FOOTER}"
    units = split_units(dump)
    kinds = [UnitKind.GOOD if len(u.text) > 200 else UnitKind.BAD for u in units]
    assert find_price_grid(units, kinds) is None
    assert parse_text_dump(dump, None, Options()).kind is PageKind.ARTICLE


def test_the_grid_spans_the_first_card_to_the_last_price() -> None:
    units = split_units(f"{HEADER}{_cards(GRID_PRICES)}{FOOTER}")
    grid = find_price_grid(units, [UnitKind.BAD] * len(units))
    assert grid is not None
    texts = [u.text for u in units[grid[0] : grid[1]]]
    assert texts[-2:] == [f"${90 + GRID_PRICES}.95", f"4.{GRID_PRICES % 10} out of 5 stars"]
    assert "Ridge Runner 1 Trail Shoes - Women's" in texts
    kept = grid_kinds(units, [UnitKind.BAD] * len(units), grid)
    assert kept[units.index(next(u for u in units if u.text == "Careers"))] is UnitKind.BAD
