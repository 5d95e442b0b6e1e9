"""Helpers on single elements that every stage after parsing uses."""

from __future__ import annotations

from lxml import etree

__all__ = ["class_and_id", "drop_element"]


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
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
