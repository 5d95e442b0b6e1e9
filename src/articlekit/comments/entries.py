"""Comment threads without comment markup: a comment header over repeated, signed entries.

Templates without any comment class ("Leserkommentare" over a plain ``<ul>``) are
found by their header; the entries must repeat one markup and carry a date or an
author mark, so a "Reactions" heading over a bullet list of the article is left alone.
"""

from __future__ import annotations

import re

from lxml import etree, html

from articlekit.comments.markup import text_length
from articlekit.comments.phrases import is_comment_header
from articlekit.input.elements import text_of
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.textdates import iso_date

__all__ = [
    "BESIDE_SLACK",
    "area_entries",
    "entry_markup",
    "heading_threads",
    "looks_signed",
    "repeated_entries",
]

# "No comments", "Keine Kommentare": a header over an empty thread
_ZERO_COUNT = re.compile(
    rf"^\s*(?:0|{phrase_pattern(words('comments.zero_counts'))})\b", re.IGNORECASE
)


def heading_threads(
    root: html.HtmlElement,
) -> list[tuple[html.HtmlElement, html.HtmlElement, list[html.HtmlElement]]]:
    """``(header, list, entries)`` for comment headers followed by a list of dated entries."""
    found = []
    for heading in root.iter("h2", "h3", "h4", "h5"):
        text = text_of(heading)
        if len(text) > 300 or not is_comment_header(text) or _ZERO_COUNT.match(text):
            continue
        beside = _entries_beside(heading) if heading is not root else None
        if beside is not None:
            found.append((heading, *beside))
            continue
        node = heading
        for _ in range(3):
            hit = _entries_after(node)
            if hit is not None:
                found.append((node, hit[0], hit[1]))
                break
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            if text_length(parent) > text_length(node) + 40:
                break
            node = parent
    return found


def _entries_beside(
    heading: html.HtmlElement,
) -> tuple[html.HtmlElement, list[html.HtmlElement]] | None:
    """The entries written straight after the header in its own box ("<h3>3 Responses</h3>
    <div class=entry>…</div><div class=entry>…</div>"), when the box holds little else."""
    box = heading.getparent()
    if box is None or box.tag in ("body", "html"):
        return None
    following = [
        s for s in heading.itersiblings() if isinstance(s.tag, str) and s.tag not in _UNSEEN
    ]
    entries = _repeated(following)
    if not entries or entries[0].tag not in _ENTRY_BOXES:
        return None
    if sum(1 for e in entries if _mostly_quoted(e)) * 2 >= len(entries):
        return None  # embedded posts (a tweet in each box) under "Reactions"
    rest = sum(text_length(s) for s in following) - sum(text_length(e) for e in entries)
    return (box, entries) if rest < BESIDE_SLACK else None


#: Text a comment header's box may hold after the header besides its entries (a pager,
#: a notice), or around them for the box to be the thread's section.
BESIDE_SLACK = 300
_UNSEEN = frozenset(("script", "style", "noscript", "template"))
# Boxes a template draws around each comment; dated paragraphs or quoted posts
# ("<h2>Reactions</h2>" over embedded tweets) after a header are the article's.
_ENTRY_BOXES = frozenset(("div", "li", "article", "section", "table", "dl"))


def _mostly_quoted(entry: html.HtmlElement) -> bool:
    """True when a quote holds half the text of ``entry`` or more: an embedded post."""
    quoted = sum(text_length(q) for q in entry.iter("blockquote", "q", "iframe"))
    return quoted * 2 >= text_length(entry)


def _entries_after(
    node: html.HtmlElement,
) -> tuple[html.HtmlElement, list[html.HtmlElement]] | None:
    checked = 0
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style"):
            continue
        entries = repeated_entries(sibling)
        if entries:
            return sibling, entries
        checked += 1
        if checked >= 2:
            break
    return None


def repeated_entries(
    container: html.HtmlElement, *, reviews: bool = False
) -> list[html.HtmlElement]:
    """Children of ``container`` that repeat one markup and each look like a comment;
    ``reviews`` when the container is named for reader reviews (see :func:`looks_signed`)."""
    return _repeated(list(container), reviews=reviews)


def _repeated(siblings: list[html.HtmlElement], *, reviews: bool = False) -> list[html.HtmlElement]:
    children = [c for c in siblings if isinstance(c.tag, str) and text_length(c) >= 15]
    terms = [c for c in children if c.tag == "dt"]
    if terms:
        # a definition list signs each entry in its ``dt`` and writes it in the ``dd``
        # after it (Dotclear): the terms are the entries, whatever class marks the
        # owner's ("dt.me"), and each body joins its term later (items.py)
        signed = sum(1 for t in terms if looks_signed(t, reviews=reviews))
        return terms if len(terms) >= 2 and signed * 2 >= len(terms) else []
    if len(children) < 2:
        return []
    markups = [entry_markup(child) for child in children]
    signatures: dict[tuple[str, str], int] = {}
    for key in markups:
        signatures[key] = signatures.get(key, 0) + 1
    common, count = max(signatures.items(), key=lambda kv: kv[1])
    if count < 2 or count * 5 < len(children) * 3:
        return []
    entries = [c for c, markup in zip(children, markups, strict=True) if markup == common]
    dated = sum(1 for e in entries if looks_signed(e, reviews=reviews))
    if dated * 2 < len(entries):
        return []
    # an entry that adds a class to the common markup, signed like the rest, is one of
    # them: the post author's own comment ("li.authorResponse" among K2's "li.even")
    return [
        c
        for c, markup in zip(children, markups, strict=True)
        if markup == common or (_extends(markup, common) and looks_signed(c, reviews=reviews))
    ]


def _extends(markup: tuple[str, str], common: tuple[str, str]) -> bool:
    return markup[0] == common[0] and set(common[1].split()) < set(markup[1].split())


# Class tokens that tell entries of one list apart: "even"/"odd" stripes, a depth or
# index ("b-tree-twig-2", "depth-1"), markup of list templates in every language.
_VARYING_TOKEN = re.compile(r"\d$|^(?:even|odd|alt|first|last)$")


def entry_markup(element: html.HtmlElement) -> tuple[str, str]:
    """What entries of one list share: the tag and the class tokens that do not vary."""
    classes = (element.get("class") or "").split()
    return str(element.tag), " ".join(t for t in classes if not _VARYING_TOKEN.search(t))


# A review signed by a name alone, without a date: "pipf-seo-reviews__review-name",
# "oke-w-reviewer-name", "review-customer-name" (class tokens of shop templates)
_NAMED = etree.XPath(
    ".//*[contains(@class,'reviewer') or contains(@class,'-name') or contains(@class,'_name')]"
)


def looks_signed(entry: html.HtmlElement, *, reviews: bool = False) -> bool:
    """True when ``entry`` carries a time, an author or user mark, or a date in its opening;
    an entry of a list named for reviews may be signed by a name mark alone."""
    if entry.find(".//time") is not None:
        return True
    if entry.xpath(".//*[contains(@class,'author') or contains(@class,'user')]"):
        return True
    if reviews and _NAMED(entry):
        return True
    return iso_date(text_of(entry)[:200]) is not None


def area_entries(area: html.HtmlElement) -> list[html.HtmlElement]:
    """The comments of a comment area whose entries carry no comment markup (Valine's
    ``div.vcard`` in ``#vcomments``, LiveJournal's ``div.b-tree-twig`` in ``#comments``):
    the first run of repeated signed entries at most three levels down, with the
    entries of the same markup nested in them (replies), in page order."""
    level = [area]
    for _ in range(4):
        for node in level:
            entries = repeated_entries(node)
            if entries:
                return _with_nested(entries)
        level = [c for n in level for c in n if isinstance(c.tag, str)]
        if len(level) > _MAX_AREA_WIDTH:
            break
    return []


# An area wider than this a few levels down is a page region, not a comment box.
_MAX_AREA_WIDTH = 60


def _with_nested(entries: list[html.HtmlElement]) -> list[html.HtmlElement]:
    key = entry_markup(entries[0])
    found: list[html.HtmlElement] = []
    for entry in entries:
        found.append(entry)
        found.extend(
            e
            for e in entry.iterdescendants(key[0])
            if entry_markup(e) == key and text_length(e) >= 15
        )
    return found
