"""Collapsed panels: hidden text that a reader opens with one click, not hidden furniture.

Product, service and documentation pages fold their text into accordions and tabs: the
description, the specifications, the FAQ answers and the code samples of every language
but the first are in the saved page, hidden (``hidden``, ``aria-hidden``, ``display:none``)
until the reader opens them.  WAI-ARIA names the pattern: a tab panel has
``role="tabpanel"``; an accordion's or a disclosure's panel is the element that its
button's ``aria-controls`` points to, often ``role="region"`` labelled by that button.
These are markup roles, not words.  Hidden furniture (closed menus, dialogs, carousel
clones, duplicate mobile layouts) has none of them, or is judged later like any text.
"""

from __future__ import annotations

from lxml import html

from articlekit.input.xpath import boolean_query

__all__ = ["collapsed_panels"]

# a menu's flyout or a search box opened from the page header is furniture, whatever it holds
_IN_FURNITURE = boolean_query(
    "boolean(ancestor-or-self::*[self::header or self::nav or self::footer or self::aside"
    " or @role='banner' or @role='navigation' or @role='contentinfo'])"
)
_PANEL_ROLES = frozenset(("tabpanel",))
# roles of hidden furniture that a button also controls (a menu, a dialog, a listbox)
_FURNITURE_ROLES = frozenset(
    ("dialog", "alertdialog", "menu", "menubar", "listbox", "navigation", "tooltip")
)


def collapsed_panels(
    hidden: list[html.HtmlElement], controllers: list[html.HtmlElement]
) -> set[html.HtmlElement]:
    """The elements of ``hidden`` that are collapsed panels (or a hidden wrapper of one);
    ``controllers`` are the page's elements with an ``aria-controls``."""
    # most hidden elements are icons and duplicates without an id or a role: no panel
    hidden = [e for e in hidden if _may_be_panel(e)]
    if not hidden:
        return set()
    controlled: set[str] = set()
    for controller in controllers:
        if not _IN_FURNITURE(controller):
            controlled.update(str(controller.get("aria-controls")).split())
    return {e for e in hidden if _is_panel(e, controlled) and not _IN_FURNITURE(e)}


def _may_be_panel(element: html.HtmlElement) -> bool:
    if element.get("id") or element.get("role"):
        return True
    children = [c for c in element if isinstance(c.tag, str)]
    return len(children) == 1 and bool(children[0].get("id") or children[0].get("role"))


def _is_panel(element: html.HtmlElement, controlled: set[str]) -> bool:
    if _names_panel(element, controlled):
        return True
    # a collapsing wrapper ("chakra-collapse", "rah-static") around the panel itself
    children = [c for c in element if isinstance(c.tag, str)]
    return len(children) == 1 and _names_panel(children[0], controlled)


def _names_panel(element: html.HtmlElement, controlled: set[str]) -> bool:
    role = element.get("role")
    if role in _FURNITURE_ROLES or element.tag in ("nav", "dialog", "ul", "ol", "menu"):
        return False
    if role in _PANEL_ROLES:
        return True
    ident = element.get("id")
    if ident and ident in controlled:
        return True
    return role == "region" and element.get("aria-labelledby") is not None
