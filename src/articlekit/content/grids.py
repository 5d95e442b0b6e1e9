"""Item grids: elements built alike, each pointing to a page of its own.

A listing page (a section front, an archive, search results, a shop's category
page) shows its items in one template: an ``<li>``, an ``<article>`` or a card
``<div>`` each, holding a linked title and a few short lines (teaser, date,
author, price).  The items need not be siblings: a grid framework puts two or
three cards in each row.  :func:`find_grids` finds them by structure alone (the
same tag and class under the same kind of parent, a link in each, text long
enough to be a title rather than a menu entry), so the rule holds on any
template and language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree, html

from articlekit.content.pruning import norm
from articlekit.input.elements import text_of
from articlekit.input.xpath import element_query

__all__ = ["MIN_ITEMS", "Grid", "find_grids", "find_link_tables"]

MIN_ITEMS = 3
"""Items built alike that make a grid (two are a pair, not a listing)."""
MIN_ITEM_CHARS = 12
"""An item shorter than this is a menu entry or a label, not a listed thing."""
MIN_MEAN_ITEM_CHARS = 28
"""Mean item text of a grid: category chips and menus ("Sofas", "Deals") stay below."""
MAX_MEAN_ITEM_CHARS = 800
"""Mean item text above this is a run of sections or posts, not of teasers."""
MAX_SIZE_SPREAD = 6
"""The longest item holds at most this many times the middle item's text."""
LINKED_SHARE = 0.6
"""Share of the items that must hold a link to their own page."""

# a digit in a class name is a counter, a column width or a hash ("post-1234",
# "large-4", "css-1x2y3z"): not the template's name for the item
_NO_DIGITS = str.maketrans("", "", "0123456789")
_LINK = "a[@href and not(starts-with(@href, '#') or starts-with(@href, 'javascript'))]"
_LINKS = element_query(f".//{_LINK}")
# the elements that can be items: block-level containers (an inline <span> run is a line;
# a table row is a data table's, which stays a table)
_ITEM_TAGS = ("li", "article", "div", "section", "a", "dl", "figure")


@dataclass(frozen=True, slots=True)
class Grid:
    """Items of one build, in page order, none inside another."""

    items: tuple[html.HtmlElement, ...]
    chars: int
    """Characters of the items' text (white space collapsed)."""


def find_grids(root: html.HtmlElement) -> list[Grid]:
    """The item grids under ``root``, largest first, no item inside another grid's item.

    Elements are grouped by their build (tag and first class, and those of their
    parent); a group is a grid when it has :data:`MIN_ITEMS` or more items with a
    link each and titles' worth of text.  Several builds can name the same items (a
    column wrapper around a card): the group with more text wins, then the one with
    more items, and the elements inside or around items already taken are left out.
    """
    groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
    builds: dict[html.HtmlElement, str] = {}
    shared: dict[html.HtmlElement, Counter[str]] = {}
    for element in root.iterdescendants(*_ITEM_TAGS):
        parent = element.getparent()
        parent_build = builds.get(parent)
        if parent_build is None:
            parent_build = builds[parent] = _build(parent, shared)
        build = builds[element] = _build(element, shared)
        groups.setdefault((parent_build, build), []).append(element)
    linked = _link_holders(root)
    grids = [g for g in (_grid_of(m, linked) for m in groups.values() if len(m) >= MIN_ITEMS) if g]
    grids = _without_sections(grids)
    grids.sort(key=lambda g: (g.chars, len(g.items)), reverse=True)
    kept: list[Grid] = []
    taken: set[html.HtmlElement] = set()
    for grid in grids:
        if any(_overlaps(item, taken) for item in grid.items):
            continue
        kept.append(grid)
        taken.update(grid.items)
    return kept


def _build(element: html.HtmlElement, shared: dict[html.HtmlElement, Counter[str]]) -> str:
    """Tag and the class that names the element's template block.

    That is the first class ("card card--featured", "post-card is-sticky": the
    modifiers after it vary from item to item) unless it is the item's own (a shop
    theme's "product_slug_blue-mug product type-product"): then the first class that
    a sibling of the same tag wears too.
    """
    classes = element.get("class")
    if not classes:
        return str(element.tag)
    names = classes.split()
    if not names:
        return f"{element.tag}."
    first = names[0].translate(_NO_DIGITS)
    parent = element.getparent()
    if len(names) == 1 or parent is None:
        return f"{element.tag}.{first}"
    counts = shared.get(parent)
    if counts is None:
        counts = shared[parent] = _sibling_classes(parent)
    for name in names:
        name = name.translate(_NO_DIGITS)
        if counts[f"{element.tag}.{name}"] > 1:
            return f"{element.tag}.{name}"
    return f"{element.tag}.{first}"


def _sibling_classes(parent: html.HtmlElement) -> Counter[str]:
    """How many children of ``parent`` wear each (tag, class) pair, digits left out."""
    counts: Counter[str] = Counter()
    for child in parent.iterchildren(*_ITEM_TAGS):
        classes = child.get("class")
        if classes:
            tag = child.tag
            counts.update({f"{tag}.{name.translate(_NO_DIGITS)}" for name in classes.split()})
    return counts


def _link_holders(root: html.HtmlElement) -> set[html.HtmlElement]:
    """Every element under ``root`` that is or holds a link to another page."""
    holders: set[html.HtmlElement] = set()
    for link in _LINKS(root):
        holders.add(link)
        for ancestor in link.iterancestors():
            if ancestor in holders or ancestor is root:
                break
            holders.add(ancestor)
    return holders


def _grid_of(members: list[html.HtmlElement], holders: set[html.HtmlElement]) -> Grid | None:
    linked = [m for m in members if m in holders]
    if len(linked) < MIN_ITEMS or len(linked) < LINKED_SHARE * len(members):
        return None
    # an element of the build inside another (a nested list's items, a layout div in a
    # layout div) belongs to that one
    found = set(linked)
    outer = [m for m in linked if not any(a in found for a in m.iterancestors())]
    sized = [(m, len(norm(text_of(m)))) for m in outer]
    items = [m for m, length in sized if length >= MIN_ITEM_CHARS]
    lengths = sorted(length for _, length in sized if length >= MIN_ITEM_CHARS)
    if len(items) < MIN_ITEMS:
        return None
    chars = sum(lengths)
    if not MIN_MEAN_ITEM_CHARS <= chars / len(items) <= MAX_MEAN_ITEM_CHARS:
        return None
    # cards of one template are of a size; a page's layout blocks (a header, the text,
    # a footer) are not
    if lengths[-1] > MAX_SIZE_SPREAD * lengths[len(lengths) // 2]:
        return None
    return Grid(tuple(items), chars)


def _without_sections(grids: list[Grid]) -> list[Grid]:
    """The grids less those whose items each hold several items of another grid: a
    section front's sections (heading and cards) are built alike too."""
    owner: dict[html.HtmlElement, int] = {}
    for index, grid in enumerate(grids):
        for item in grid.items:
            owner.setdefault(item, index)
    kept = []
    for index, grid in enumerate(grids):
        holding = 0
        for item in grid.items:
            inner: dict[int, set[str]] = {}
            for e in item.iterdescendants(*_ITEM_TAGS):
                if e in owner and owner[e] != index:
                    inner.setdefault(owner[e], set()).add(_target(e))
            # a card can show its product twice (a title over the picture and one in the
            # details), both pointing to one page: a section's cards point to several
            if any(len(targets) >= 2 for targets in inner.values()):
                holding += 1
        if holding * 2 <= len(grid.items):
            kept.append(grid)
    return kept


def _target(item: html.HtmlElement) -> str:
    """The address an item's first link points to (the item itself when it is the link)."""
    links = [item] if item.tag == "a" else _LINKS(item)
    return links[0].get("href", "") if links else ""


def _overlaps(item: html.HtmlElement, taken: set[html.HtmlElement]) -> bool:
    if item in taken or any(a in taken for a in item.iterancestors()):
        return True
    return any(e in taken for e in item.iterdescendants(etree.Element))


def find_link_tables(root: html.HtmlElement) -> list[html.HtmlElement]:
    """The tables under ``root`` whose rows are items: :data:`MIN_ITEMS` or more rows
    each linking to a page of its own, at least half of the rows that hold text.

    A link aggregator's front page or a job board sets its items as table rows (rank,
    linked title, a line of facts under it).  A table holding tables is the page's
    layout, not a list: its inner tables are judged instead.
    """
    tables = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue
        rows = [r for r in table.iter("tr") if norm(text_of(r))]
        linked = sum(1 for r in rows if _LINKS(r))
        if linked >= MIN_ITEMS and linked * 2 >= len(rows):
            tables.append(table)
    return tables
