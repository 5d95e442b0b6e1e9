"""Lists inside a text dump's story: a recipe's ingredients between its paragraphs and a
product's fact box under them stay in the body; a menu or a share bar does not."""

from __future__ import annotations

from text_samples import STORY

from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.lists import keep_story_lists
from articlekit.text.units import Unit, UnitKind

MENU = ("Home", "Recipes", "Baking", "Cakes", "Contact")
HEADLINE = "Almond biscuits for the winter"
INGREDIENTS = (
    "300 g flour",
    "1 tsp baking powder",
    "100 g ground almonds",
    "200 g butter",
    "200 g sugar",
    "1 pinch of salt",
)


def _parse(*lines: str) -> tuple[str, ...]:
    """The texts of the body's blocks (paragraphs and headings)."""
    dump = "\n\n".join((HEADLINE + " | Kitchen Notes", *MENU, HEADLINE, *lines))
    return tuple(block.text for block in parse_text_dump(dump, None, Options(mode="text")).blocks)


def test_a_list_between_the_storys_paragraphs_is_kept() -> None:
    paragraphs = _parse(*STORY[:2], *INGREDIENTS, *STORY[2:], "Share", "Tweet", "Email")
    assert paragraphs == (*STORY[:2], *INGREDIENTS, *STORY[2:])


def test_a_list_with_a_template_line_among_its_items_is_not_the_storys() -> None:
    # a share bar and a date between the paragraphs: the template's lines, not a list
    menu = ("Pinterest", "Print", "Facebook", "12 March 2023", "Home")
    paragraphs = _parse(*STORY[:2], *menu, *STORY[2:])
    assert not set(menu) & set(paragraphs)


def test_a_fact_box_under_the_story_is_kept() -> None:
    facts = ("Alcohol: 12 % vol.", "Grape: Zinfandel", "Region: California", "Allergens: sulfites")
    paragraphs = _parse(*STORY, *facts, "Home", "Contact")
    assert paragraphs == (*STORY, *facts)


def _units(*texts: str) -> list[Unit]:
    return [Unit(text=t, indent=0, block=n) for n, t in enumerate(texts)]


def test_a_short_gap_and_a_list_before_the_story_are_left_alone() -> None:
    g, b = UnitKind.GOOD, UnitKind.BAD
    units = _units("Home", "News", "Sport", "Weather", STORY[0], "300 g flour", STORY[1])
    kinds = [b, b, b, b, g, b, g]
    # nothing kept before the menu; a one-line gap is the gap filler's to decide
    assert keep_story_lists(units, kinds, {}, [False] * 7) == kinds


def test_a_step_number_is_an_item_of_the_list() -> None:
    g, b = UnitKind.GOOD, UnitKind.BAD
    units = _units(STORY[0], "1.", "Mix the flour", "2.", "Add the butter", STORY[1])
    kinds = [g, b, b, b, b, g]
    template = [False, True, False, True, False, False]
    assert keep_story_lists(units, kinds, {}, template) == [g] * 6
