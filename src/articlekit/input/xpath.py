"""Compiled XPath queries typed by what they return.

lxml's ``etree.XPath`` returns ``object``; these wrappers compile an expression
once (at module import, as module constants) and give callers a typed function:
elements, a boolean, a string, or text nodes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from lxml import etree, html

__all__ = ["boolean_query", "element_query", "string_query", "text_query"]


def element_query(expression: str) -> Callable[[etree._Element], list[html.HtmlElement]]:
    """A compiled XPath returning elements (typed for callers)."""
    path = etree.XPath(expression)

    def run(node: etree._Element) -> list[html.HtmlElement]:
        return cast("list[html.HtmlElement]", path(node))

    return run


def boolean_query(expression: str) -> Callable[[etree._Element], bool]:
    """A compiled XPath returning a boolean."""
    path = etree.XPath(expression)
    return lambda node: bool(path(node))


def string_query(expression: str) -> Callable[[etree._Element], str]:
    """A compiled XPath returning a string."""
    path = etree.XPath(expression)
    return lambda node: str(path(node))


def text_query(expression: str) -> Callable[[etree._Element], list[Any]]:
    """A compiled XPath returning text nodes (lxml "smart" strings) and/or elements."""
    path = etree.XPath(expression)
    return lambda node: cast("list[Any]", path(node))
