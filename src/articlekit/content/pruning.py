"""What the boilerplate rules share: dropping an element with the decision that
explains it, and measuring how much of an element's text is links.

Every removal leaves a :class:`~articlekit.explain.Decision` so that
``articlekit parse --explain`` can show why a node went.
"""

from __future__ import annotations

from typing import cast

from lxml import etree, html

from articlekit.explain import Decision, Verdict
from articlekit.input.elements import drop_element, text_of
from articlekit.input.xpath import boolean_query

__all__ = [
    "ALL_LINK_TEXT",
    "CODE_TABLE",
    "HIGHLIGHTER",
    "IN_FIGURE",
    "IN_HIGHLIGHTER",
    "STAGE",
    "drop_all",
    "link_density",
    "norm",
]

# WordPress SyntaxHighlighter shows code as div.line rows of <code> tokens in a table,
# outside any <pre>: a token classed "comments" or a blank line is still code; GitHub
# shows a file as a table of td.blob-num/td.blob-code rows, one short line each
HIGHLIGHTER = "*[contains(@class, 'syntaxhighlighter')]"
"""An XPath step to SyntaxHighlighter's box, whose descendants are code."""
CODE_TABLE = "table[.//td[contains(@class, 'blob-code')]]"
"""An XPath step to a table of code lines, itself code."""
IN_HIGHLIGHTER = f"ancestor::{HIGHLIGHTER} or ancestor-or-self::{CODE_TABLE}"
"""An XPath test (for ``boolean(...)``) of code shown by a syntax highlighter."""

STAGE = "boilerplate"

# a figure's credit ("autor-foto", "credit-author") belongs to the figure stage
IN_FIGURE = boolean_query("boolean(ancestor::figure or ancestor::figcaption)")

# plain strings: only their lengths are needed, and lxml's "smart" strings (which
# know their parent element) cost a quarter of the query
ALL_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)


def norm(text: str) -> str:
    """``text`` with white space collapsed and trimmed."""
    return " ".join(text.split())


def link_density(element: html.HtmlElement, text_length: int | None = None) -> float:
    """Share of an element's text that sits inside links."""
    length = text_length if text_length is not None else len(norm(text_of(element)))
    if not length:
        return 0.0
    if element.tag == "a":
        return 1.0
    # norm inlined: a page has tens of thousands of link texts
    links = sum([len(" ".join(t.split())) for t in cast("list[str]", ALL_LINK_TEXT(element))])
    return min(1.0, links / length)


def drop_all(
    elements: list[html.HtmlElement], rule: str, decisions: list[Decision], explain: bool
) -> None:
    """Drop each element still in its tree, recording ``rule`` when ``explain``."""
    for element in elements:
        if element.getparent() is None:
            continue
        if explain:
            decisions.append(Decision(STAGE, element, Verdict.BOILERPLATE, rule))
        drop_element(element)
