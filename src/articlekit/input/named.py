"""The elements whose attribute values name them, found in one walk for several stages.

The comment stage looks for "omment", "isqus" ... in attribute values and the metadata
stage for "uthor", "yline" ...; each walked every element of the page, read its
attribute values and joined them, to find the few dozen elements that hold one of its
words.  :func:`named_elements` walks once for the words of both, and each stage then
reads only those elements (about 50 of the 850 with attributes on a median page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree, html

__all__ = ["NamedElements", "fragment_pattern", "is_attached", "named_elements"]


@dataclass(frozen=True, slots=True)
class NamedElements:
    """The elements of ``root`` (itself included) whose attribute values hold one of
    ``fragments`` (case as written), in page order, each with its values joined by
    newlines.  Read from the tree as it was when walked: a stage that reads it after a
    cut asks :func:`is_attached` of what it keeps, and no stage between the walk and
    its readers may add attributes or elements with attributes."""

    root: html.HtmlElement
    fragments: tuple[str, ...]
    found: tuple[tuple[html.HtmlElement, str], ...]

    def covers(self, root: html.HtmlElement, fragments: tuple[str, ...]) -> bool:
        """Whether a walk over ``root`` gated on ``fragments`` may read this instead."""
        return root is self.root and set(fragments) <= set(self.fragments)

    def __iter__(self) -> Iterator[tuple[html.HtmlElement, str]]:
        return iter(self.found)


def named_elements(root: html.HtmlElement, fragments: tuple[str, ...]) -> NamedElements:
    """The elements of ``root`` named by one of ``fragments``: see :class:`NamedElements`."""
    holds = fragment_pattern(fragments).search
    found: list[tuple[html.HtmlElement, str]] = []
    for element in root.iter(etree.Element):
        values = element.values()
        if not values:
            continue
        joined = "\n".join(values)
        if holds(joined) is not None:
            found.append((element, joined))
    return NamedElements(root, fragments, tuple(found))


def fragment_pattern(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the literal ``fragments`` (case as written): a text without any
    of them, as most attribute values are, fails in one search."""
    return re.compile("|".join(re.escape(f) for f in fragments))


def is_attached(element: etree._Element, root: etree._Element) -> bool:
    """Whether ``element`` is still in the tree of ``root`` (not cut out since)."""
    node = element
    parent = node.getparent()
    while parent is not None:
        node = parent
        parent = node.getparent()
    return node is root
