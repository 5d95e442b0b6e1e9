"""One pass over the page for the elements that metadata extractors look at.

Class and id hints ("byline", "author") are found in one Python walk over the
elements: a joined string of each element's attribute values is tested for the
few words every rule needs, so most elements cost one substring test.  That is
cheaper than an XPath union of ``contains()`` over attributes, which walks the
document once per branch and copies every value it tests.  One scan serves all
extractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from lxml import etree, html

from articlekit.input.named import NamedElements, fragment_pattern, is_attached

__all__ = ["HINT_FRAGMENTS", "Hints", "headline_area", "scan_hints", "text_near", "text_near_pair"]

# Fragments of a class or id naming a byline: author, Author, autor(in), byline, Byline.
_FRAGMENTS = ("uthor", "yline", "utor")
# what every rule of scan_hints needs in some attribute value (the gate of its walk)
HINT_FRAGMENTS = ("uthor", "utor", "yline", "headline", "creator")
_NAMES_HINT = fragment_pattern(HINT_FRAGMENTS)
_AUTHOR_PROPS = frozenset(("author", "creator"))
# links to an author's archive page: WordPress /author/, German /autor/, /autoren/
_ARCHIVE_LINKS = ("uthor/", "utor/", "utoren/")
# not "authorized-dealer", "authority", "autorisiert", "autoridad": other words on the
# same stem ("autorin", "authors" still count)
_AUTHOR = re.compile(r"author(?!i[sStTzZ])|byline|autor(?!i[sStTdD])", re.IGNORECASE)
_SKIP_TAGS = frozenset({"script", "style", "img", "svg", "noscript", "link", "input", "button"})
_MAX_PER_KIND = 80
_TEXT_XPATH = ".//text()[not(parent::script or parent::style or parent::noscript)]"
_SHOWN_TEXT = "text()[normalize-space()][not(parent::script or parent::style or parent::noscript)]"
_FIRST_TEXTS_XPATH = f"(descendant::{_SHOWN_TEXT})[position() <= $n]"
_LAST_TEXTS_XPATH = f"(descendant::{_SHOWN_TEXT})[position() > last() - $n]"
_TAIL_XPATH = "following-sibling::node()[1][self::text()][normalize-space()]"


@dataclass(frozen=True, slots=True)
class Hints:
    """Elements that may hold a byline or a headline, in document order."""

    authors: tuple[html.HtmlElement, ...] = ()
    headings: tuple[html.HtmlElement, ...] = ()


def scan_hints(tree: html.HtmlElement, named: NamedElements | None = None) -> Hints:
    """The byline and headline candidates of ``tree``.

    ``named`` is the page's walk for words in attribute values (:func:`named_elements`
    with at least :data:`HINT_FRAGMENTS`, over this tree before its comment sections
    were cut), read instead of walking the tree again when it covers it.
    """
    authors: list[html.HtmlElement] = []
    headings: list[html.HtmlElement] = []
    # Every <h1> counts, however many teaser titles come before it: a page
    # that lists eighty "teaser__title" headings still has its headline.
    sections = 0
    for heading in tree.iter("h1", "h2", "h3"):
        if heading.tag != "h1":
            if "itle" not in (heading.get("class") or ""):
                continue
            sections += 1
            if sections > _MAX_PER_KIND:
                continue
        headings.append(heading)
        if len(headings) >= 2 * _MAX_PER_KIND:
            break
    root = cast("html.HtmlElement", tree.getroottree().getroot())
    for element in _named(root, named):
        for name, value in element.items():
            kind = _hint_kind(str(element.tag), str(name), value)
            target = authors if kind == "author" else headings if kind == "headline" else None
            if target is not None and len(target) < _MAX_PER_KIND:
                target.append(cast("html.HtmlElement", element))
    return Hints(_unique(authors), _unique(headings))


def _named(root: html.HtmlElement, named: NamedElements | None) -> Iterator[html.HtmlElement]:
    """The elements of ``root`` with one of :data:`HINT_FRAGMENTS` in an attribute value
    (every rule needs one; most elements have none), in page order."""
    if named is not None and named.covers(root, HINT_FRAGMENTS):
        for element, joined in named:
            if not _NAMES_HINT.search(joined) or element.tag in _SKIP_TAGS:
                continue
            if is_attached(element, root):  # not cut with a comment section since the walk
                yield element
        return
    for element in root.iter(etree.Element):
        values = element.values()
        if values and _NAMES_HINT.search("\n".join(values)) and element.tag not in _SKIP_TAGS:
            yield element


def _hint_kind(tag: str, name: str, value: str) -> str | None:
    """What the attribute ``name="value"`` of a ``tag`` marks: an author, a headline or None."""
    if name in ("class", "id"):
        return "author" if any(f in value for f in _FRAGMENTS) and _AUTHOR.search(value) else None
    if name == "itemprop":
        return "headline" if value == "headline" else "author" if value in _AUTHOR_PROPS else None
    if name == "rel":
        return "author" if value == "author" else None
    if name == "href" and tag == "a" and any(link in value for link in _ARCHIVE_LINKS):
        return "author"
    return None


def _unique(elements: list[html.HtmlElement]) -> tuple[html.HtmlElement, ...]:
    seen: set[html.HtmlElement] = set()
    out: list[html.HtmlElement] = []
    for element in elements:
        if element not in seen:
            seen.add(element)
            out.append(element)
    return tuple(out)


def headline_area(headline: html.HtmlElement) -> html.HtmlElement:
    """The headline's container: up to the article, or a few levels up."""
    area = headline
    for _ in range(4):
        parent = area.getparent()
        if parent is None:
            break
        area = parent
        if area.tag in ("article", "main", "body"):
            break
    return area


def text_near(headline: html.HtmlElement | None, before: int = 15, after: int = 40) -> list[str]:
    """Non-blank text nodes around the headline, in page order.

    Bylines and dates sit next to the headline ("By Jane Doe | 3 May 2022");
    looking only there keeps a date in a related-article list from counting.
    The walk goes outwards through the headline's siblings and up to four
    levels of ancestors, so its cost does not grow with the page.  Each item
    is an lxml text result: ``getparent()`` and ``is_tail`` work.
    """
    preceding, following = _around(headline, before, after)
    return preceding[-before:] + following[:after]


def text_near_pair(
    headline: html.HtmlElement | None, wide: tuple[int, int], close: tuple[int, int]
) -> tuple[list[str], list[str]]:
    """``text_near(headline, *wide)`` and ``text_near(headline, *close)`` from one walk.

    ``close`` asks for no more texts on either side than ``wide``: a walk for
    fewer texts finds a prefix of the following texts and a suffix of the preceding
    ones, so the close list is cut from the wide walk.  The walk up to the last texts
    of a preceding sibling costs the same for 3 texts as for 15.
    """
    (before, after), (close_before, close_after) = wide, close
    if close_before > before or close_after > after:
        return text_near(headline, before, after), text_near(headline, close_before, close_after)
    preceding, following = _around(headline, before, after)
    return (
        preceding[-before:] + following[:after],
        (preceding[-close_before:] if close_before else []) + following[:close_after],
    )


def _around(
    headline: html.HtmlElement | None, before: int, after: int
) -> tuple[list[str], list[str]]:
    """The texts before and after ``headline``: at least the last ``before`` and
    the first ``after`` of them, when there are so many."""
    if headline is None:
        return [], []
    # compiled once per call: the expressions run for every sibling
    first_texts = etree.XPath(_FIRST_TEXTS_XPATH)
    last_texts = etree.XPath(_LAST_TEXTS_XPATH)
    tail = etree.XPath(_TAIL_XPATH)
    following: list[str] = _tail_text(headline, tail)
    preceding: list[str] = []
    node: html.HtmlElement | None = headline
    for _ in range(5):
        if node is None or node.tag == "html":
            break
        for sibling in node.itersiblings():
            if len(following) >= after:
                break
            following.extend(_strings(first_texts(sibling, n=after - len(following))))
            following.extend(_tail_text(sibling, tail))
        for sibling in node.itersiblings(preceding=True):
            if len(preceding) >= before:
                break
            texts = _strings(last_texts(sibling, n=before - len(preceding)))
            preceding[:0] = [*texts, *_tail_text(sibling, tail)]
        node = node.getparent()
    return preceding, following


def _tail_text(element: html.HtmlElement, tail: etree.XPath) -> list[str]:
    """The text right after ``element`` as an lxml text result, or nothing.  The XPath
    runs only where there is such a text: libxml2 collects every following sibling
    before it takes the first, which made the walk quadratic in a long run of siblings
    (100,000 paragraphs: 0.2 s)."""
    text = element.tail
    if not text or not text.strip(_XML_SPACE):
        return []  # what normalize-space() would find empty
    return _strings(tail(element))


# the white space that XPath's normalize-space() removes
_XML_SPACE = " \t\r\n"


def _strings(result: object) -> list[str]:
    """The text results of an XPath call (lxml types its results loosely)."""
    return [item for item in result if isinstance(item, str)] if isinstance(result, list) else []
