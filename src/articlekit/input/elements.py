"""Helpers on single elements that every stage after parsing uses."""

from __future__ import annotations

from lxml import etree

__all__ = [
    "class_and_id",
    "drop_element",
    "has_descendant",
    "is_screen_reader_only",
    "put_text_before",
    "text_of",
]


def class_and_id(element: etree._Element) -> str:
    """The element's ``class`` and ``id`` in one string, where template names are read."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def drop_element(element: etree._Element) -> None:
    """Remove ``element`` from its tree, keeping its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        put_text_before(element, tail)
    parent.remove(element)


def put_text_before(element: etree._Element, text: str) -> None:
    """Add ``text`` to what stands just before ``element``: its previous sibling's tail,
    or its parent's text when it comes first."""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
        return
    parent = element.getparent()
    if parent is not None:
        parent.text = (parent.text or "") + text


def has_descendant(element: etree._Element, tags: tuple[str, ...]) -> bool:
    """Whether ``element`` holds an element named one of ``tags``.

    lxml's tag filter walks the subtree once, in C, and stops at the first match; the
    XPath "boolean(.//p or .//div or ...)" walks it once per tag when none is there,
    which is the common answer.
    """
    return next(element.iterdescendants(*tags), None) is not None


def text_of(element: etree._Element) -> str:
    """All the text inside ``element`` (its tail left out): what lxml.html's
    ``text_content()`` gives, from libxml2's text serializer, twice as fast as that
    method's XPath ``string()`` (whose context costs most of a call, and the content
    stage asks for the text of most paragraphs two or three times)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


# The screen-reader-only utility classes of the common frameworks (Bootstrap, Tailwind,
# WordPress, Shopify themes, HTML5 Boilerplate, XenForo): markup tokens, not words.  Their text
# is read aloud to screen-reader users and never shown: a shop card's "Regular price",
# "Vendor:", a heading's "Collection: ", a "Skip to content" link.
_SCREEN_READER_ONLY = frozenset(
    (
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screenreader-only",
        "u-srOnly",
    )
)


def is_screen_reader_only(classes: str) -> bool:
    """Whether a class attribute names the screen-reader-only utility."""
    return not _SCREEN_READER_ONLY.isdisjoint(classes.split())
