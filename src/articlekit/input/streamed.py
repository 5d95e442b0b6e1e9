"""Streamed segments: content that a server rendered late, put where the browser shows it.

React's streaming server rendering (Next.js and others) sends a page in pieces: where a
part was not ready, the first piece holds a placeholder ``<template id="B:1">`` (a
Suspense boundary, with a loading skeleton after it) or ``<template id="P:1">`` (a
segment); the finished part comes later in the page as ``<div hidden id="S:1">``, and an
inline script (``$RC("B:1","S:1")``, ``$RS("S:1","P:1")``) moves it into the placeholder.
A saved page keeps it hidden at the end, so the later stages would drop it as hidden (a
product's whole description and specifications, an article's body).  These are markup
tokens of the framework, not words: they stay in code.
"""

from __future__ import annotations

from lxml import etree

from articlekit.input.elements import drop_element, put_text_before
from articlekit.input.xpath import element_query

__all__ = ["MARKER", "place_streamed_segments"]

MARKER = 'id="S:'
"""Text that every page with a streamed segment holds: the cheap gate before any query."""

_SEGMENTS = element_query("//div[@hidden][starts-with(@id, 'S:')]")
_PLACEHOLDERS = element_query("//template[starts-with(@id, 'B:') or starts-with(@id, 'P:')]")


def place_streamed_segments(root: etree._Element) -> int:
    """Move each hidden streamed segment into its placeholder; return how many moved.

    A segment without a placeholder (the script was cut, the ids differ) stays hidden.
    """
    placeholders = {str(t.get("id"))[2:]: t for t in _PLACEHOLDERS(root)}
    if not placeholders:
        return 0
    moved = 0
    for segment in _SEGMENTS(root):
        target = placeholders.get(str(segment.get("id"))[2:])
        if target is None or any(a is target for a in segment.iterancestors()):
            continue
        _replace_with_children(target, segment)
        moved += 1
    return moved


def _replace_with_children(target: etree._Element, segment: etree._Element) -> None:
    """Put ``segment``'s content (text and children) where ``target`` is; drop both."""
    parent = target.getparent()
    if parent is None:
        return
    lead = segment.text or ""
    tail = target.tail or ""
    index = parent.index(target)
    children = list(segment)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)  # moves the child with its tail
    if lead:
        put_text_before(children[0] if children else target, lead)
    # the placeholder's tail follows the moved content
    if children:
        last = children[-1]
        last.tail = (last.tail or "") + tail
    elif tail:
        put_text_before(target, tail)
    parent.remove(target)
    drop_element(segment)
