"""Reply parents: which comment answers which.

A reply is a comment nested in another one with a list or a replies container
between them; Drupal-style templates put the replies in a container right after
the comment they answer (``div.indented``); a shop or author answer written inside
a review ("jdgm-rev__reply", PIXNET's "reply-text") is a comment of its own.  The
class tokens here are markup, not language words.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.comments.markup import is_area, kebab, nearest, nearest_among, text_length
from articlekit.input.elements import text_of
from articlekit.metadata.textdates import iso_date

__all__ = ["ReplyParents", "has_reply_container_between", "with_owner_replies"]

# A box inside a comment or review holding the answer to it ("jdgm-rev__reply",
# "review-response"): the shop's or author's reply, a comment of its own.
_REPLY_BOX = re.compile(r"(?:^|[-_])(?:reply|response|antwort|respuesta|réponse)$")
# PIXNET writes the blogger's answer in ``li.reply-text`` under the comment it answers.
_OWNER_REPLY_BOX = re.compile(r"(?:^|[-_])(?:reply|response|antwort|respuesta|réponse|reply-text)$")
# Between a comment and a reply to it there is a list or a replies container.
_REPLY_CONTAINER = re.compile(
    r"child|children|replies|reply|thread|indented|nested|answers|antworten|sub|depth|list|items"
)
_REPLIES_HINT = re.compile(r"indented|children|replies")
# A flat thread's depth in a class token: LiveJournal's "b-tree-twig-2", "depth-3".
_DEPTH_TOKEN = re.compile(r"(?:depth|level|twig)[-_]?(\d+)$")
_REPLY_LIST_HINT = re.compile(r"indented|children|replies|reply-list|sub-?comments")


def has_reply_container_between(ancestor: html.HtmlElement, element: html.HtmlElement) -> bool:
    """True when a list or a replies container stands between ``ancestor`` and ``element``."""
    if any(_REPLY_BOX.search(kebab(t)) for t in (element.get("class") or "").split()):
        return True  # wpDiscuz nests "div.wc-comment.wc-reply" straight in its parent
    node: html.HtmlElement | None = element
    while node is not None and node is not ancestor:
        if node.tag in ("ol", "ul", "dl") or (node is not element and node.tag == "li"):
            return True
        hint = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if node is not element and _REPLY_CONTAINER.search(hint):
            return True
        node = node.getparent()
    return False


def with_owner_replies(items: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """``items`` and the reply boxes written inside them, in document order.

    A reply box needs a paragraph of its own; WordPress' ``div.reply`` holds only
    the "Reply" link and stays chrome.
    """
    known = set(items)
    found: list[html.HtmlElement] = []
    for item in items:
        found.append(item)
        boxes: list[html.HtmlElement] = []
        for box in item.iterdescendants("div", "section", "blockquote", "li"):
            tokens = (kebab(t) for t in (box.get("class") or "").split())
            if (
                box not in known
                and any(_OWNER_REPLY_BOX.search(t) for t in tokens)
                and nearest(box, known) is item  # the item's own, not a reply's
                and not any(a in boxes for a in box.iterancestors())
                and box.find(".//p") is not None
                and box.find(".//form") is None
                and (text_length(box) >= 40 or _dated_line(box))
            ):
                boxes.append(box)
        found.extend(boxes)
    return found


def _dated_line(box: html.HtmlElement) -> bool:
    """A short answer is still one when it is signed with a date ("謝謝! NAME 於 2014/01/13
    23:05 回覆"): a paragraph of the box holds a date."""
    return any(iso_date(text_of(p)) for p in box.iter("p"))


class ReplyParents:
    """Which comment each item of one read answers: the nearest enclosing comment, or
    the comment before a Drupal-style replies container, or the one a level up in a
    flat thread that marks depths.

    Each item's enclosing comment is found in one climb over the items' ancestors
    (:func:`nearest_among`), and the climb for a Drupal-style replies container is made
    once per element holding items, not once per item: 20,000 flat comments under one
    list climbed the same two ancestors 20,000 times each.
    """

    __slots__ = ("_indented", "_item_set", "_nearest")

    def __init__(self, items: list[html.HtmlElement], item_set: set[html.HtmlElement]) -> None:
        self._item_set = item_set
        self._nearest = nearest_among(items, item_set)
        # what _indented_parent finds reads only the ancestors: the same for siblings
        self._indented: dict[html.HtmlElement | None, html.HtmlElement | None] = {}

    def of(
        self, item: html.HtmlElement, read: dict[html.HtmlElement, str]
    ) -> html.HtmlElement | None:
        """The comment ``item`` answers, among those already ``read`` (else the nearest
        enclosing comment read)."""
        parent = self._nearest[item]
        if parent is None:
            holder = item.getparent()
            if holder in self._indented:
                parent = self._indented[holder]
            else:
                parent = self._indented[holder] = _indented_parent(item, self._item_set)
        if parent is None:
            parent = _depth_parent(item, self._item_set)
        while parent is not None and parent not in read:
            parent = self._nearest[parent]
        return parent


def _indented_parent(
    item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> html.HtmlElement | None:
    """Drupal-style threads put replies in a container right after the comment."""
    for ancestor in item.iterancestors():
        hint = f"{ancestor.get('class') or ''}".lower()
        if ancestor.tag in ("body", "html") or (
            is_area(ancestor) and not _REPLIES_HINT.search(hint)
        ):
            return None
        if _REPLY_LIST_HINT.search(hint):
            for sibling in ancestor.itersiblings(preceding=True):
                if sibling in item_set:
                    return sibling
                inner = [e for e in sibling.iter() if e in item_set]
                if inner:
                    return inner[0] if sibling.tag not in ("ol", "ul") else inner[-1]
            return None
    return None


def _depth(element: html.HtmlElement) -> int | None:
    for token in (element.get("class") or "").split():
        match = _DEPTH_TOKEN.search(token.lower())
        if match:
            return int(match.group(1))
    return None


def _depth_parent(
    item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> html.HtmlElement | None:
    """In a flat thread that marks each comment's depth (LiveJournal's ``b-tree-twig-2``
    siblings, indented by style), a comment answers the nearest one before it a level up."""
    depth = _depth(item)
    if depth is None:
        return None
    for sibling in item.itersiblings(preceding=True):
        if sibling not in item_set:
            continue
        above = _depth(sibling)
        if above is None or above < depth:
            return sibling if above == depth - 1 else None
    return None
