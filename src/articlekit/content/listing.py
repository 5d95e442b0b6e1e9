"""Main-content selection: a page whose content is a run of teasers has no article.

An index page (a section front, a tag page, search results) repeats linked
headings over short excerpts; the best-scoring container of such a page is the
listing, not an article.  :func:`looks_like_listing` tells them apart, for the
whole choice or for a teaser grid gathered beside the article.
"""

from __future__ import annotations

from lxml import html

from articlekit.input.elements import text_of
from articlekit.input.xpath import boolean_query, element_query

__all__ = ["looks_like_listing"]

MIN_TEASERS = 4
"""Linked headings (h2-h4 holding a link) that, with only short paragraphs, make a listing."""
MAX_TEASER_PARAGRAPH = 600
"""A paragraph longer than this is article prose, not a teaser excerpt."""


def looks_like_listing(root: html.HtmlElement) -> bool:
    """True for an index page: repeated linked headings over short excerpts."""
    # one linked heading per item: a listicle's headings share the article's container
    headings = _linked_headings(root)
    parents = [h.getparent() for h in headings]  # held: proxies stay alive
    teasers = len(set(parents))
    # teaser titles repeat one heading level; a forum's or a page's mixed headings do not
    levels = [h.tag for h in headings]
    teasers = min(teasers, max((levels.count(t) for t in set(levels)), default=0))
    if teasers < MIN_TEASERS:
        return False
    paragraphs = [len(text_of(p).strip()) for p in root.iter("p")]
    if any(length > MAX_TEASER_PARAGRAPH for length in paragraphs):
        return False
    prose = len([p for p in paragraphs if p > 40])
    if prose == 0 or teasers * 2 < prose:
        return False
    # most prose must sit in teaser items (one linked heading each), not beside them
    return _teaser_prose(root) * 10 >= prose * 6


# The headings are found by lxml's tag filter and the XPath asks only of them: a
# ".//*[self::h2 or ...]" step runs its predicate on every element, four times slower.
_TEASER_LEVELS = ("h2", "h3", "h4")
# a heading that links to another page...
_LINKS_AWAY = boolean_query("boolean(a[@href and not(starts-with(@href, '#'))])")
# ...with the link's text as most of its own
_LINKED_TITLE = boolean_query(
    "boolean(a[@href and not(starts-with(@href, '#'))] and"
    " string-length(normalize-space(a)) * 2 > string-length(normalize-space()))"
)


def _linked_headings(root: html.HtmlElement) -> list[html.HtmlElement]:
    """The headings under ``root`` whose text is mostly a link to another page."""
    return [h for h in root.iterdescendants(*_TEASER_LEVELS) if _LINKED_TITLE(h)]


def _page_linked_headings(root: html.HtmlElement) -> list[html.HtmlElement]:
    """The headings of the whole page that link to another page: anywhere, as the boxes
    counted around a paragraph may reach above the root."""
    page = root.getroottree().getroot()
    return [h for h in page.iter(*_TEASER_LEVELS) if _LINKS_AWAY(h)]


_PROSE_PARAGRAPHS = element_query(".//p[string-length(normalize-space()) > 40]")


def _teaser_prose(root: html.HtmlElement) -> int:
    """How many paragraphs of prose (over 40 characters) under ``root`` sit in a box
    holding exactly one linked heading: a teaser item's excerpt.

    The boxes' heading counts are summed once over the page: an XPath counting each
    paragraph's ancestors' headings took up to 60 ms on a long page."""
    headings_in: dict[html.HtmlElement, int] = {}
    for heading in _page_linked_headings(root):
        for box in heading.iterancestors():
            headings_in[box] = headings_in.get(box, 0) + 1
    if not headings_in:
        return 0
    return sum(
        1
        for paragraph in _PROSE_PARAGRAPHS(root)
        if any(headings_in.get(box) == 1 for box in paragraph.iterancestors())
    )
