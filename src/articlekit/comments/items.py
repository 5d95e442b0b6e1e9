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
    ITEM_TOKEN,
    TextLengths,
    elements,
    is_review_list,
    kebab,
    nearest_among,
    strong_item,
    text_length,
)
from articlekit.comments.phrases import is_comment_chrome
from articlekit.comments.replies import has_reply_container_between
from articlekit.input.elements import has_descendant, text_of
from articlekit.metadata.textdates import iso_date

__all__ = ["find_items", "find_items_in", "is_linkback", "is_site_widget", "is_teaser"]

_NUMBER = re.compile(r"\d{2,}")
# Text of a comment list that is not a comment: headings, forms, notices, pagers.
_NOT_OWN_TAGS = frozenset(("form", "h1", "h2", "h3", "h4", "h5", "h6"))
_NOT_OWN_ID = "respond"
_NOT_OWN_CLASS = ("respond", "promo", "navigation", "pagination", "login", "notice", "closed")
_NOT_THREAD = re.compile(
    r"(?<![a-z])(?:live[-_]?(?:ticker|blog|match|report|text)|ticker)(?![a-z])", re.IGNORECASE
)
_WIDGET = re.compile(r"recent|latest|newest|neueste")
_LINKS = etree.XPath(".//a[not(ancestor::a)]")
# A link to a comment on another page: a path before the "#comment-N" fragment.
_ELSEWHERE_COMMENT = re.compile(r"[^#\s]/[^#\s]*#comment-?\d+$")


def find_items(
    tree: html.HtmlElement,
    candidates: list[html.HtmlElement],
    lengths: TextLengths | None = None,
) -> list[html.HtmlElement]:
    """The elements among ``candidates`` that each hold one comment, in document order;
    ``lengths`` measures text (share one with the other readers of the same tree)."""
    if not candidates:
        return []
    # Inside a link or a button a "comment" is a counter or a teaser.
    lengths = lengths if lengths is not None else TextLengths()
    not_thread: dict[html.HtmlElement, bool] = {}
    candidates = _anchored(candidates, lengths)
    kept = [
        e
        for e in candidates
        if lengths(e) >= 2 and not lengths.has_h1(e) and not _under_not_thread(e, not_thread)
    ]
    kept_set = set(kept)
    # An inner candidate is a reply only when a list or replies container
    # separates it from the outer one.  One unseparated inner candidate is the
    # outer comment's body (WordPress' article.comment-body inside li.comment);
    # several make the outer one a list of comments, not a comment.
    outer_of: dict[html.HtmlElement, html.HtmlElement] = {}
    bodies: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    nearest_kept = nearest_among(kept, kept_set)
    for element in kept:
        outer = nearest_kept[element]
        if outer is None:
            continue
        outer_of[element] = outer
        if _same_comment(outer, element) or not (
            has_reply_container_between(outer, element) or _same_markup(outer, element)
        ):
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
    return _with_definition_bodies(_without_lists(items, lengths), lengths)


def _with_definition_bodies(
    items: list[html.HtmlElement], lengths: TextLengths
) -> list[html.HtmlElement]:
    """``items`` and the ``dd`` right after each ``dt`` item: classic Blogger and Thesis
    sign a comment in ``dt.comment-author`` and write it in the ``dd`` after it."""
    known = set(items)
    out: list[html.HtmlElement] = []
    for item in items:
        out.append(item)
        body = item.getnext() if item.tag == "dt" else None
        if body is not None and body.tag == "dd" and body not in known and lengths(body) >= 2:
            out.append(body)
    return out


def _anchored(candidates: list[html.HtmlElement], lengths: TextLengths) -> list[html.HtmlElement]:
    """``candidates`` with each empty anchor (``<p id="comment-58824406">`` in PIXNET's
    entries) replaced by the comment it marks: the nearest ancestor, at most three
    levels up, that repeats among its siblings (``ul.single-post`` after
    ``ul.single-post``).  An anchor that marks no such entry is left as it is."""
    out: list[html.HtmlElement] = []
    for element in candidates:
        if lengths(element) < 2 and strong_item(element):
            entry = _repeated_ancestor(element)
            if entry is not None:
                out.append(entry)
                continue
        out.append(element)
    return list(dict.fromkeys(out))


def _repeated_ancestor(element: html.HtmlElement) -> html.HtmlElement | None:
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= 3 or ancestor.tag in ("body", "html"):
            return None
        parent = ancestor.getparent()
        if parent is None:
            return None
        key = (ancestor.tag, ancestor.get("class"))
        if sum(1 for s in parent if (s.tag, s.get("class")) == key) >= 2:
            return ancestor
    return None


def _without_lists(items: list[html.HtmlElement], lengths: TextLengths) -> list[html.HtmlElement]:
    """A candidate whose only text is its children comments (besides headings and
    forms) is a list of comments, not a comment."""
    outer_of = nearest_among(items, set(items))
    children: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for element in items:
        outer = outer_of[element]
        if outer is not None:
            children.setdefault(outer, []).append(element)
    not_own: dict[html.HtmlElement, int] = {}
    return [
        e
        for e in items
        if not (
            children.get(e)
            and not strong_item(e)
            and _own_text_length(e, children[e], lengths, not_own) < 30
        )
    ]


def _same_comment(outer: html.HtmlElement, inner: html.HtmlElement) -> bool:
    a = _NUMBER.findall(outer.get("id") or "")
    b = _NUMBER.findall(inner.get("id") or "")
    return bool(a) and a == b


def _same_markup(outer: html.HtmlElement, inner: html.HtmlElement) -> bool:
    """A comment nested in one of the same tag and comment class is a reply, with no
    list between them (Isso's ``div.isso-comment`` in its parent's follow-up box); a
    comment's own body box is named otherwise ("comment-body" in "li.comment")."""
    if outer.tag != inner.tag:
        return False
    mine = _item_classes(inner)
    return bool(mine) and mine == _item_classes(outer)


def _item_classes(element: html.HtmlElement) -> frozenset[str]:
    """The class tokens naming a comment, else all of them (an entry found by its
    repeated markup, as Valine's ``div.vcard``, has no comment token)."""
    classes = frozenset(kebab(c) for c in (element.get("class") or "").split())
    return frozenset(t for t in classes if ITEM_TOKEN.match(t)) or classes


def _under_not_thread(element: html.HtmlElement, known: dict[html.HtmlElement, bool]) -> bool:
    """True when an ancestor of ``element`` is one :func:`_is_not_thread` names.

    ``known`` maps each ancestor already seen to the answer for itself and its
    ancestors, so that the items of one thread share the climb above them.
    """
    path: list[html.HtmlElement] = []
    node = element.getparent()
    under = False
    while node is not None:
        if node in known:
            under = known[node]
            break
        path.append(node)
        node = node.getparent()
    for node in reversed(path):
        under = under or _is_not_thread(node)
        known[node] = under
    return under


def _is_not_thread(element: html.HtmlElement) -> bool:
    """Ancestors under which "comments" are not a reader thread: links, live tickers."""
    if element.tag in ("a", "button", "select", "head", "label"):
        return True
    hint = element.get("class")
    return hint is not None and _NOT_THREAD.search(hint) is not None


def _own_text_length(
    element: html.HtmlElement,
    inner: list[html.HtmlElement],
    lengths: TextLengths,
    not_own: dict[html.HtmlElement, int],
) -> int:
    """Text of ``element`` besides its ``inner`` comments and the headings, forms and
    notices anywhere in it (inside those comments too)."""
    own = lengths(element) - sum(lengths(e) for e in inner)
    return own - _not_own_length(element, lengths, not_own)


def _is_not_own(element: html.HtmlElement) -> bool:
    if element.tag in _NOT_OWN_TAGS or _NOT_OWN_ID in (element.get("id") or ""):
        return True
    hint = element.get("class") or ""
    return any(word in hint for word in _NOT_OWN_CLASS)


def _not_own_length(
    element: html.HtmlElement, lengths: TextLengths, known: dict[html.HtmlElement, int]
) -> int:
    """Text length of the outermost headings, forms and notices inside ``element``.

    ``known`` keeps the figure of each element measured, so that the nested
    comments of a reply chain are walked once, not once per comment above them.
    """
    total = 0
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if _is_not_own(child):
            total += lengths(child)
        else:
            length = known.get(child)
            if length is None:
                length = known[child] = _not_own_length(child, lengths, known)
            total += length
    return total


def find_items_in(
    section: html.HtmlElement, lengths: TextLengths | None = None
) -> list[html.HtmlElement]:
    """The comment items of one cut section: marked items, else the section itself,
    the entries under a comment header, or repeated signed entries; ``lengths`` as
    in :func:`find_items`."""
    lengths = lengths if lengths is not None else TextLengths()
    items = find_items(section, scan(section, lengths)[0], lengths)
    if items:
        return items
    parent = section.getparent()
    if lengths.is_item_candidate(section) or (parent is not None and is_review_list(parent)):
        return [section]
    # entries of this section only: a header cut alone ("<h4>3 Comments</h4>") sees the
    # list after it, which is a section of its own and read there
    threads = heading_threads(section)
    inside = [
        e
        for _header, _container, entries in threads
        for e in entries
        if any(a is section for a in e.iterancestors())
    ]
    if inside:
        return inside
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
    """An entry that is one link to a comment elsewhere ("Letzte Kommentare" boxes), or
    a name and such a link ("Markus: <a href=…/other-post/#comment-460>Welche…</a>")."""
    if not has_descendant(item, ("a",)):
        return False  # no link at all: tested first, far cheaper than the queries below
    if any(e in item_set for e in item.iterdescendants()):
        return False
    links = elements(_LINKS, item)
    if not links:
        return False  # (inside a link, the item's links are no links of their own)
    length = text_length(item)
    if sum(text_length(a) for a in links) >= length:
        return True
    # a comment's own permalink shows its date or a label, never what it says
    return any(
        _ELSEWHERE_COMMENT.search(a.get("href") or "")
        and 2 * text_length(a) >= length
        and iso_date(text_of(a)) is None
        and not is_comment_chrome(text_of(a))
        for a in links
    )


def is_linkback(item: html.HtmlElement) -> bool:
    """A pingback or trackback that WordPress lists among the comments ("li.pingback"):
    another site's notice that it links here, which no reader wrote.  The class tokens
    are WordPress markup, the same in every language."""
    return any(t in ("pingback", "trackback") for t in (item.get("class") or "").split())
