"""Main-content selection: the standfirst kept apart from the body, and the lead
picture under it.

News templates put the standfirst (lead, dek, chapô) in the article header, a
sibling or cousin of the body container, and the lead picture right under it.
Both are article text; :func:`find_lead` and :func:`picture_after_lead` find them
so that :mod:`.selection` can put them before the body.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.content.class_hints import class_weight
from articlekit.content.pruning import link_density
from articlekit.content.scoring import text_length
from articlekit.input.caseless import CaselessPattern
from articlekit.input.elements import class_and_id, text_of
from articlekit.input.xpath import boolean_query, element_query

__all__ = ["captioned_picture_above", "find_lead", "is_one_picture", "picture_after_lead"]

_LEAD_HINT = CaselessPattern.of(
    r"lead(?!ing)|intro|teaser|standfirst|summary|(?:^|[\s_-])deck|(?:^|[\s_-])dek|subtitle|subline|"
    r"excerpt|abstract|chapo|chapeau|strapline|sapo|entradilla|bajada|vorspann|"
    r"description|article-header__text"
)
_PICTURE_HINT = CaselessPattern.of(r"image|img|photo|picture|caption|credit|media|video")
LEAD_LEVELS = 5
"""How far above the body container a standfirst/lead paragraph is looked for."""


def find_lead(
    top: html.HtmlElement, taken: tuple[html.HtmlElement, ...]
) -> html.HtmlElement | None:
    """The lead paragraph of a template that keeps it apart from the body container.

    News templates put the standfirst in the article header, a sibling or cousin
    of the body; it is article text.  Only an element named like a lead, before
    the body and near it, short and without many links, qualifies.
    """
    node = taken[0]
    for level in range(LEAD_LEVELS):
        nearest = True
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            found = _lead_in(sibling)
            if found is not None:
                return found
            if nearest and level < 2:
                if _is_unnamed_lead(sibling):
                    return sibling
                if sibling.tag in ("header", "hgroup"):
                    found = _header_lead(sibling)
                    if found is not None:
                        return found
            if len(text_of(sibling).strip()) >= SHORT_META_CHARS:
                # a dateline, byline or label line between the standfirst and the
                # body keeps them neighbours
                nearest = False
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def picture_after_lead(lead: html.HtmlElement, body: html.HtmlElement) -> html.HtmlElement | None:
    """The lead picture between a standfirst and the body: news headers put it right
    under the standfirst, before the byline line."""
    for sibling in lead.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling is body or any(a is sibling for a in body.iterancestors()):
            return None
        if is_one_picture(sibling) and text_length(sibling) < LEAD_PICTURE_CHARS:
            return sibling
        if len(text_of(sibling).strip()) >= SHORT_META_CHARS:
            return None
    return None


LEAD_PICTURE_CHARS = 400
"""Longest caption and credit of a lead picture under the standfirst."""
SHORT_META_CHARS = 80
"""Lines shorter than this (dates, bylines, labels) may sit between a standfirst and the body."""


def _header_lead(header: html.HtmlElement) -> html.HtmlElement | None:
    """The standfirst inside an article ``<header>``: a text block after its title."""
    titles = [e for e in header.iter("h1")]
    if len(titles) != 1:
        return None
    after = False
    for element in header.iter():
        if element is titles[0]:
            after = True
        elif after and _is_unnamed_lead(element):
            return element
    return None


def _is_unnamed_lead(element: html.HtmlElement) -> bool:
    """A standfirst without a telling name: the text block right before the body."""
    if element.tag not in ("p", "h2", "h3", "div", "strong", "b"):
        return False
    text = " ".join(text_of(element).split())
    if not 100 <= len(text) <= 800:
        return False
    if element.tag not in ("h2", "h3") and not re.search(r"[.!?:…»“\"]", text):
        return False  # a heading this long is a standfirst even without a full stop
    if _HAS_IMAGE(element) or class_weight(element) < 0:
        return False
    return link_density(element, len(text)) < 0.2


def _lead_in(element: html.HtmlElement) -> html.HtmlElement | None:
    candidates = [element] if _is_lead(element) else []
    if not candidates:
        candidates = [e for e in _HINTED(element) if _is_lead(e)]
    return candidates[0] if candidates else None


def _is_lead(element: html.HtmlElement) -> bool:
    hint = class_and_id(element)
    if (
        len(hint) < 3
        or not _LEAD_HINT.found_in(hint)
        or element.tag in ("a", "img", "figure", "h1")
    ):
        return False
    if _PICTURE_HINT.found_in(hint):
        return False  # "image-description", "media__caption--intro": a picture's caption
    text = " ".join(text_of(element).split())
    if not 40 <= len(text) <= 1000:
        return False
    return link_density(element, len(text)) < 0.3 and not _HAS_IMAGE(element)


def captioned_picture_above(
    taken: tuple[html.HtmlElement, ...],
) -> html.HtmlElement | None:
    """The captioned lead picture that news and blog templates put in the article header,
    above the body container and apart from it: the nearest ``<figure>`` before the body,
    within :data:`LEAD_FIGURE_LEVELS` levels, with one picture that links nowhere and a
    caption or credit; the search stops at a block of text (the header ends there)."""
    node = taken[0]
    for _ in range(LEAD_FIGURE_LEVELS):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            figures = [f for f in map(_with_caption, _FIGURES(sibling)) if _is_captioned_picture(f)]
            if figures:
                figure: html.HtmlElement = figures[-1]
                return (
                    None
                    if any(t is figure or figure in t.iterancestors() for t in taken)
                    else figure
                )
            if text_length(sibling) >= LEAD_PICTURE_CHARS:
                return None
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def _with_caption(figure: html.HtmlElement) -> html.HtmlElement:
    """The figure, or the wrapper a level or two up when the template put the figcaption
    beside the figure, not in it."""
    if _FIGURE_TEXT(figure):
        return figure
    wrapper = figure
    for _ in range(2):
        parent = wrapper.getparent()
        if parent is None or len(_FIGURES(parent)) != 1:
            return figure
        if _FIGURE_TEXT(parent):
            return parent
        wrapper = parent
    return figure


def _is_captioned_picture(figure: html.HtmlElement) -> bool:
    if not is_one_picture(figure) or _IN_LINK(figure):
        return False
    caption = " ".join(" ".join(text_of(c).split()) for c in _FIGURE_TEXT(figure))
    return 0 < len(caption) < LEAD_PICTURE_CHARS


LEAD_FIGURE_LEVELS = 6
"""How far above the body container a captioned lead picture is looked for."""
_FIGURES = element_query("self::figure | .//figure")
# a figcaption, or the caption and credit parts that templates name so ("com-text --caption")
_FIGURE_TEXT = element_query(
    ".//figcaption[not(ancestor::figcaption)]"
    " | .//*[contains(@class, 'caption') or contains(@class, 'credit')][not(ancestor::figcaption)]"
)
_IN_LINK = boolean_query("boolean(ancestor::a)")
_HINTED = element_query(".//*[@class or @id]")
_HAS_IMAGE = boolean_query("boolean(.//img)")


def is_one_picture(element: html.HtmlElement) -> bool:
    """True for an element showing one picture that is not a link to another page."""
    if element.tag not in ("figure", "div", "p", "picture", "img", "a", "span"):
        return False
    images = _IMAGES(element)
    # a linked thumbnail is a teaser for another page
    return len(images) == 1 and not _LINKED_IMAGE(element) and class_weight(element) >= 0


_IMAGES = element_query("self::img | .//img")
_LINKED_IMAGE = boolean_query("boolean(.//a//img or ancestor::a)")
