"""Content sheets: a product's own text shown in a side sheet or a modal, not furniture.

Shop templates put a product's description, its specifications and its measurements
behind a button: the text is in the saved page, in an element that the template marks as
a dialog (``role="dialog"``) or names after one ("sheet", "modal", "drawer"), and that
slides in over the page when the reader asks for it.  Elsewhere a dialog is furniture (a
cookie banner, a newsletter box, a cart, a login form), and so it stays on every page but
a product's, and on a product's where the sheet does not read as a section of text: it
lies inside the page's ``<main>``, holds no form (a cart, a sign-in, a stock alert, a
report form all take input), opens with a heading over prose or a list, and is not a
list of links.  These are markup roles and names, not words.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.content.pruning import link_density, norm
from articlekit.input.elements import text_of
from articlekit.input.xpath import boolean_query

__all__ = ["is_content_sheet", "names_overlay"]

MIN_SHEET_CHARS = 150
"""Less text than this is a label or a size picker, not a section of the product's text."""
MAX_SHEET_LINK_DENSITY = 0.25
"""A sheet with more of its text in links is a menu or a list of other products."""

# a template's names for a panel that slides over the page: markup tokens, not words
_OVERLAY_NAME = re.compile(r"modal|dialog|drawer|(?:^|[\s_-])sheet", re.IGNORECASE)
_IN_MAIN = boolean_query("boolean(ancestor::main or ancestor::*[@role='main'])")
_TAKES_INPUT = boolean_query(
    "boolean(.//form or .//input[not(@type='hidden')] or .//select or .//textarea)"
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_TAGS = frozenset(("p", "li", "td", "dd"))


def names_overlay(element: html.HtmlElement) -> bool:
    """Whether the element is a dialog (``role``), or its tag (a custom element such as
    ``<content-drawer>``), class or id names a sheet, a modal, a drawer or a dialog."""
    if element.get("role") == "dialog":
        return True
    hint = f"{element.tag} {element.get('class') or ''} {element.get('id') or ''}"
    return _OVERLAY_NAME.search(hint) is not None


def is_content_sheet(element: html.HtmlElement) -> bool:
    """Whether a dialog-like element inside ``<main>`` holds a section of the page's text:
    a heading over prose or a list, no form, few links."""
    if not _IN_MAIN(element) or _TAKES_INPUT(element):
        return False
    length = len(norm(text_of(element)))
    if length < MIN_SHEET_CHARS or link_density(element, length) > MAX_SHEET_LINK_DENSITY:
        return False
    return _heading_over_text(element)


def _heading_over_text(element: html.HtmlElement) -> bool:
    """A heading, then a paragraph, a list item or a cell, in page order."""
    seen = False
    for node in element.iter(*_HEADINGS, *_TEXT_TAGS):
        if node.tag in _TEXT_TAGS:
            if seen:
                return True
        else:
            seen = True
    return False
