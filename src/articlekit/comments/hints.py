"""The one walk over the page that finds what may belong to a comment section.

:func:`scan` returns the comment item candidates (elements whose markup names a
comment, entries of a review list, Disqus posts) and the reply forms, including an
article's own links to its thread ("3 Comments", "Leave a comment").  The hint
fragments ("omment", "isqus", "eserbrief") are markup, not language words.
"""

from __future__ import annotations

import re

from lxml import etree, html

from articlekit.comments.entries import area_entries, repeated_entries
from articlekit.comments.markup import (
    COMMENT_WORD,
    TextLengths,
    is_area,
    is_item_candidate,
    is_review_list,
    text_length,
    top_level,
)
from articlekit.comments.phrases import is_comment_header
from articlekit.input.elements import text_of
from articlekit.input.named import NamedElements, fragment_pattern
from articlekit.languages import phrase_pattern, words

__all__ = ["COMMENT_FRAGMENTS", "scan"]

# One pass over the tree finds every element that may belong to a comment section
# (see _hinted): "omment" in any attribute, these in an id or a class (case as
# written), "#respond" in a link.  A Python walk with substring tests costs a third
# less than the same rules as one XPath predicate, which copies every attribute value;
# and a union of XPaths would be quadratic (libxml2 merges unions with a linear
# duplicate check per node), on a page of 10,000 comments.
_ANY_ATTRIBUTE_HINT = "omment"
# what every rule of _hinted needs in some attribute value (the gate of the walk)
COMMENT_FRAGMENTS = (
    "omment",
    "respond",
    "OMMENT",
    "isqus",
    "omentar",
    "eviews",
    "eactie",
    "eserbrief",
    "yorum",
    "hozzaszolas",
)
_NAMES_COMMENT = fragment_pattern(COMMENT_FRAGMENTS)
_ID_HINT = re.compile("isqus")
_ID_NAMES = frozenset(("respond",))
_CLASS_HINT = re.compile("eserbrief|OMMENT|omentar|eactie|eviews|yorum|hozzaszolas")
_LINK_HINT = "#respond"
_HINT_ATTRIBUTES = ("class", "id", "itemprop", "itemtype", "typeof")
_ITEM_HINT = re.compile(r"omment|omentar|eactie|eserbrief|yorum|hozzaszolas", re.IGNORECASE)
_AREA_WORD = re.compile(COMMENT_WORD, re.IGNORECASE)
# Boxes that hold a page, whatever their class says ("main.with-comments").
_PAGE_BOXES = frozenset(("html", "body", "main", "article"))
_FORM_HINT = re.compile(r"omment|respond|reply|kommentar", re.IGNORECASE)

# The text of an article's link to its thread: "3 Comments", "Keine Kommentare",
# "Leave a comment", "Comments (3)", a bare count.
_COUNT_LINK = re.compile(
    rf"^(?:\d+|{phrase_pattern(words('comments.link_counts'))})?\s*"
    rf"(?:{phrase_pattern(words('comments.link_nouns'))})(?:\s*\(\d+\))?$"
    rf"|^(?:{phrase_pattern(words('comments.link_phrases'), space=' ')})$|^\d+$",
    re.IGNORECASE,
)
_COUNT_LINK_HREF = re.compile(r"#(?:comments?|respond|disqus_thread|kommentare)\b|/comments?/?$")


def scan(
    root: html.HtmlElement,
    lengths: TextLengths | None = None,
    named: NamedElements | None = None,
) -> tuple[list[html.HtmlElement], list[html.HtmlElement]]:
    """Comment item candidates and reply forms under ``root`` (itself included);
    ``lengths`` remembers which elements' markup names a comment, for the scans of
    one unchanged tree (the page's, then each cut section's); ``named`` is the page's
    walk for words in attribute values (:func:`named_elements` with at least
    :data:`COMMENT_FRAGMENTS`), read instead of walking ``root`` when it covers it."""
    candidates: list[html.HtmlElement] = []
    reviews: list[html.HtmlElement] = []
    forms: list[html.HtmlElement] = []
    links: list[html.HtmlElement] = []
    labelled: list[html.HtmlElement] = []
    for element in _hinted(root, named):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "form":
            if any(_FORM_HINT.search(element.get(a) or "") for a in ("id", "class", "action")):
                forms.append(element)
            continue
        if tag == "a":
            if _is_count_link(element):
                links.append(element)
            continue
        if tag == "textarea":
            form = next(element.iterancestors("form"), None)
            if form is not None:
                forms.append(form)
            continue
        hint = element.get("id") or ""
        if hint == "respond" or "comment-respond" in (element.get("class") or "").split():
            forms.append(element)
            continue
        if "isqus" in hint:
            candidates.extend(
                li for li in element.iter("li") if "post" in (li.get("class") or "").split()
            )
            continue
        if is_review_list(element):
            reviews.extend(repeated_entries(element, reviews=True))
        elif any(_ITEM_HINT.search(element.get(a) or "") for a in _HINT_ATTRIBUTES):
            candidates.append(element)
        elif is_comment_header(element.get("aria-label") or ""):
            labelled.append(element)  # <section aria-label="Comments">: an area by ARIA
    # each candidate's markup read once: a reply chain 20,000 deep has as many
    is_item = lengths.is_item_candidate if lengths is not None else is_item_candidate
    item = {e: is_item(e) for e in candidates}
    areas = [e for e in candidates if not item[e] and _is_bare_area(e)] + labelled
    candidates = [e for e in item if item[e]]
    candidates += _unmarked_entries(areas, candidates)
    known = set(candidates)
    return candidates + [r for r in reviews if r not in known], list(
        dict.fromkeys(forms + [_count_link_box(link) for link in links])
    )


def _is_bare_area(element: html.HtmlElement) -> bool:
    """A comment area by its class or id ("comments", "vcomments", "dle-comments-list"),
    not one comment (scan asks only of elements that are no item candidate); "discussion"
    or "reactions" alone name forum and listing boxes too."""
    if element.tag in _PAGE_BOXES or not is_area(element):  # items are left out by scan
        return False
    return _AREA_WORD.search(f"{element.get('class') or ''} {element.get('id') or ''}") is not None


def _unmarked_entries(
    areas: list[html.HtmlElement], candidates: list[html.HtmlElement]
) -> list[html.HtmlElement]:
    """The entries of the comment areas that hold no marked comment: repeated, signed
    sibling boxes (see :func:`area_entries`)."""
    if not areas:
        return []
    holding: set[html.HtmlElement] = set()
    for candidate in candidates:
        for ancestor in candidate.iterancestors():
            if ancestor in holding:
                break  # and so are its ancestors: a reply chain is climbed once, not per reply
            holding.add(ancestor)
    found: list[html.HtmlElement] = []
    for area in top_level(areas):
        if (
            area not in holding
            and area.find(".//h1") is None  # the page's headline: a page region, not a thread
            and not any(a in found for a in area.iterancestors())
        ):
            found.extend(area_entries(area))
    return found


def _count_link_box(link: html.HtmlElement) -> html.HtmlElement:
    """The link, or the span around it that holds nothing else."""
    parent = link.getparent()
    if (
        parent is not None
        and parent.tag in ("span", "li", "p", "div")
        and text_length(parent) == text_length(link)
        and len(parent) == 1
    ):
        return parent
    return link


def _is_count_link(link: html.HtmlElement) -> bool:
    """A link to the comment section ("3 Comments", "Leave a comment") from the article."""
    href = link.get("href") or ""
    if not _COUNT_LINK_HREF.search(href):
        return False
    return _COUNT_LINK.match(" ".join(text_of(link).split())) is not None


def _hinted(root: html.HtmlElement, named: NamedElements | None = None) -> list[html.HtmlElement]:
    """``root`` and its descendants named like parts of a comment section, in page order."""
    if named is not None and named.covers(root, COMMENT_FRAGMENTS):
        return [e for e, joined in named if _NAMES_COMMENT.search(joined) and _is_hinted(e)]
    found: list[html.HtmlElement] = []
    for element in root.iter(etree.Element):
        values = element.values()
        # every rule needs an attribute, and one of the fragments in some value, which
        # most elements fail (a joined string and substring tests, cheaper than per-value
        # tests)
        if values and _NAMES_COMMENT.search("\n".join(values)) and _is_hinted(element):
            found.append(element)
    return found


def _is_hinted(element: etree._Element) -> bool:
    """The rules of :func:`_hinted` for an element that passed the fragment gate."""
    for value in element.values():
        if _ANY_ATTRIBUTE_HINT in value:
            hit = True
            break
    else:
        get = element.get
        ident = get("id")
        cls = get("class")
        hit = (
            (ident is not None and (ident in _ID_NAMES or _ID_HINT.search(ident) is not None))
            or (cls is not None and _CLASS_HINT.search(cls) is not None)
            or (element.tag == "a" and _LINK_HINT in (get("href") or ""))
        )
    return hit and isinstance(element, html.HtmlElement)
