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
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.textdates import iso_date

__all__ = ["heading_threads", "looks_signed", "repeated_entries"]

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
        text = heading.text_content()
        if len(text) > 300 or not is_comment_header(text) or _ZERO_COUNT.match(text):
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
    children = [c for c in container if isinstance(c.tag, str) and text_length(c) >= 15]
    if len(children) < 2:
        return []
    signatures: dict[tuple[str, str], int] = {}
    for child in children:
        key = (str(child.tag), child.get("class") or "")
        signatures[key] = signatures.get(key, 0) + 1
    common, count = max(signatures.items(), key=lambda kv: kv[1])
    if count < 2 or count * 5 < len(children) * 3:
        return []
    entries = [c for c in children if (str(c.tag), c.get("class") or "") == common]
    dated = sum(1 for e in entries if looks_signed(e, reviews=reviews))
    return entries if dated * 2 >= len(entries) else []


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
    return iso_date(entry.text_content()[:200]) is not None
