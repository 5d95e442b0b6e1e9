"""The comment items of a page or of one section: which elements each hold one comment.

An inner candidate is a reply only when a list or replies container separates it
from the outer one; one unseparated inner candidate is the outer comment's body,
several make the outer one a list of comments.  Sidebar widgets of the latest
comments and teaser links to comments elsewhere are not read.
"""

from __future__ import annotations

import re

from lxml import etree, html

from articlekit.comments.entries import heading_threads, looks_signed, repeated_entries
from articlekit.comments.hints import scan
from articlekit.comments.markup import (
    AREA_TOKEN,
    elements,
    is_item_candidate,
    is_review_list,
    kebab,
    nearest,
    strong_item,
    text_length,
    top_level,
)
from articlekit.comments.replies import has_reply_container_between

__all__ = ["find_items", "find_items_in", "is_site_widget", "is_teaser"]

_NUMBER = re.compile(r"\d{2,}")
# Text of a comment list that is not a comment: headings, forms, notices, pagers.
_NOT_OWN_TEXT = etree.XPath(
    ".//form | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//*[contains(@id,'respond')"
    " or contains(@class,'respond') or contains(@class,'promo') or contains(@class,'navigation')"
    " or contains(@class,'pagination') or contains(@class,'login') or contains(@class,'notice')"
    " or contains(@class,'closed')]"
)
_NOT_THREAD = re.compile(
    r"(?<![a-z])(?:live[-_]?(?:ticker|blog|match|report|text)|ticker)(?![a-z])", re.IGNORECASE
)
_WIDGET = re.compile(r"recent|latest|newest|neueste")
_LINKS = etree.XPath(".//a[not(ancestor::a)]")


def find_items(
    tree: html.HtmlElement, candidates: list[html.HtmlElement]
) -> list[html.HtmlElement]:
    """The elements among ``candidates`` that each hold one comment, in document order."""
    if not candidates:
        return []
    # Inside a link or a button a "comment" is a counter or a teaser.
    kept = [
        e
        for e in candidates
        if text_length(e) >= 2
        and e.find(".//h1") is None
        and not any(_is_not_thread(a) for a in e.iterancestors())
    ]
    kept_set = set(kept)
    # An inner candidate is a reply only when a list or replies container
    # separates it from the outer one.  One unseparated inner candidate is the
    # outer comment's body (WordPress' article.comment-body inside li.comment);
    # several make the outer one a list of comments, not a comment.
    outer_of: dict[html.HtmlElement, html.HtmlElement] = {}
    bodies: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for element in kept:
        outer = nearest(element, kept_set)
        if outer is None:
            continue
        outer_of[element] = outer
        if _same_comment(outer, element) or not has_reply_container_between(outer, element):
            bodies.setdefault(outer, []).append(element)
    containers = {
        outer
        for outer, inner in bodies.items()
        if sum(1 for e in inner if not _same_comment(outer, e)) >= 2
    }
    items: list[html.HtmlElement] = []
    for element in kept:
        if element in containers:
            continue
        outer = outer_of.get(element)
        if outer is not None and outer not in containers and element in bodies.get(outer, ()):
            continue
        items.append(element)
    return _without_lists(items)


def _without_lists(items: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """A candidate whose only text is its children comments (besides headings and
    forms) is a list of comments, not a comment."""
    item_set = set(items)
    children: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for element in items:
        outer = nearest(element, item_set)
        if outer is not None:
            children.setdefault(outer, []).append(element)
    return [
        e
        for e in items
        if not (children.get(e) and not strong_item(e) and _own_text_length(e, children[e]) < 30)
    ]


def _same_comment(outer: html.HtmlElement, inner: html.HtmlElement) -> bool:
    a = _NUMBER.findall(outer.get("id") or "")
    b = _NUMBER.findall(inner.get("id") or "")
    return bool(a) and a == b


def _is_not_thread(element: html.HtmlElement) -> bool:
    """Ancestors under which "comments" are not a reader thread: links, live tickers."""
    if element.tag in ("a", "button", "select", "head", "label"):
        return True
    hint = element.get("class")
    return hint is not None and _NOT_THREAD.search(hint) is not None


def _own_text_length(element: html.HtmlElement, inner: list[html.HtmlElement]) -> int:
    extra = elements(_NOT_OWN_TEXT, element)
    return text_length(element) - sum(text_length(e) for e in inner + top_level(extra))


def find_items_in(section: html.HtmlElement) -> list[html.HtmlElement]:
    """The comment items of one cut section: marked items, else the section itself,
    the entries under a comment header, or repeated signed entries."""
    items = find_items(section, scan(section)[0])
    if items:
        return items
    parent = section.getparent()
    if is_item_candidate(section) or (parent is not None and is_review_list(parent)):
        return [section]
    threads = heading_threads(section)
    if threads:
        return [e for _header, _container, entries in threads for e in entries]
    entries = repeated_entries(section)
    if not entries and section.tag == "form" and section.find(".//textarea") is None:
        # a form without a text box is not a reply form but a moderation form
        # wrapped around the thread (webSPELL's comments.php?delete): each signed
        # block in it is a comment, even a thread of one
        entries = [
            child
            for child in section
            if isinstance(child.tag, str)
            and child.tag in ("table", "div", "li", "ul", "ol", "article")
            and text_length(child) >= 15
            and looks_signed(child)
        ]
    return entries


def is_site_widget(section: html.HtmlElement) -> bool:
    """A sidebar box of the site's latest comments ("widget_recent_comments"): cut, not read."""
    for element in (section, *section.iterancestors()):
        for token in (element.get("class") or "").split():
            token = kebab(token)
            if AREA_TOKEN.search(token) and _WIDGET.search(token):
                return True
    return False


def is_teaser(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> bool:
    """An entry that is one link to a comment elsewhere ("Letzte Kommentare" boxes)."""
    if any(e in item_set for e in item.iterdescendants()):
        return False
    links = elements(_LINKS, item)
    return bool(links) and sum(text_length(a) for a in links) >= text_length(item)
