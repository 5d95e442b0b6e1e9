"""The page's structure as evidence of its kind, for pages that declare nothing.

What the elements of a page look like, before any stage cuts them:

- a main text: one element holding several paragraphs, the body of an article or
  of a documentation page (a landing page spreads a line or two over each section);
- code: ``<pre>`` blocks and inline ``<code>``, and headings that link to
  themselves (the permalinks documentation generators add);
- teasers: headings that link to another page, repeated down a listing, with a
  date or a byline each;
- shop markup: price elements and add-to-cart forms and buttons (one product) or a
  grid of prices (a shop's category page);
- bylines: the class names of a story's author line, once or twice on the page;
- sections: headings over short texts in ``<section>`` elements, undated and without
  a main text: the shape of a landing page; and a site's front page, never a story.

All of it is read in one walk over the page's paragraphs, headings, code, sections
and dates, and from the page's class names counted once (:mod:`articlekit.kind.page`);
class-name fragments ("price", "author", "add-to-cart") are markup, not words of a
language.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html

from articlekit.input.elements import text_of
from articlekit.kind.evidence import Evidence, Source, Strength
from articlekit.kind.page import ClassNames, PageMarkup
from articlekit.model import PageKind

__all__ = ["PageShape", "page_shape", "structure_evidence"]

#: a paragraph shorter than this (characters) is a label or a button, not text
MIN_PARAGRAPH = 30
#: paragraphs in one element, or characters of them, that make a main text
MAIN_TEXT_PARAGRAPHS = 5
MAIN_TEXT_CHARS = 1500
#: code blocks, or inline code elements, that make a page documentation
CODE_BLOCKS = 3
INLINE_CODE = 10
#: headings that link to themselves: the permalinks of a documentation generator
PERMALINK_HEADINGS = 3
#: teasers (headings that link to another page) that make a listing (medium, strong)
TEASERS = (5, 12)
#: ``<time>`` elements of a page without a main text that lean to a listing
DATED_TEASERS = 5
#: price elements: a few on a product page, a grid of them on a shop's category page
PRODUCT_PRICES = 3
GRID_PRICES = 60
#: class names of bylines on a story's page; a listing has one per teaser
BYLINES = 6
#: headings over short texts that make a landing page
SECTION_HEADINGS = 5
#: ``<section>`` elements that make the headings a landing page's sections
LANDING_SECTIONS = 3

_HEADINGS = frozenset(("h2", "h3", "h4"))
# class names of a shop's buy controls (WooCommerce, Shopify, Magento, Amazon...)
_CART_NAMES = ("add-to-cart", "addtocart", "add_to_cart", "add-to-bag", "addtobag", "add-to-basket")
# where a cart form posts ("/cart/add", "?add-to-cart=", "checkout/cart/add")
_CART_ACTION = "cart"
#: add-to-cart controls: one or two on a product page (the buy box, a sticky bar), one
#: per card on a category page with quick-add buttons
PRODUCT_CARTS = 3
# how far up from a heading a card's link may be
_LINK_DEPTH = 3


@dataclass(frozen=True, slots=True)
class PageShape:
    """Counts of what the page's elements look like (see the module docstring)."""

    #: paragraphs of text (at least :data:`MIN_PARAGRAPH` characters)
    paragraphs: int = 0
    #: the paragraphs of the element holding the most paragraph text, and their characters
    main_paragraphs: int = 0
    main_chars: int = 0
    headings: int = 0
    #: headings holding a link to another page, or held by one
    teasers: int = 0
    permalinks: int = 0
    code_blocks: int = 0
    inline_code: int = 0
    sections: int = 0
    #: ``<time>`` elements: a date per teaser on a listing, per post on a thread
    times: int = 0
    prices: int = 0
    cart_controls: int = 0
    #: class names of bylines ("author", "byline") on the page
    bylines: int = 0

    @property
    def main_text(self) -> bool:
        """Whether one element holds a main text (an article's or a manual's body)."""
        return self.main_paragraphs >= MAIN_TEXT_PARAGRAPHS or self.main_chars >= MAIN_TEXT_CHARS


def page_shape(tree: html.HtmlElement, classes: ClassNames) -> PageShape:
    """The :class:`PageShape` of ``tree``: one walk over its paragraphs, headings, code,
    sections and dates."""
    # the paragraphs of text of each element holding some, with their characters
    held: dict[html.HtmlElement, list[int]] = {}
    paragraphs = 0
    for paragraph in tree.iter("p"):
        length = len(text_of(paragraph).strip())
        if length >= MIN_PARAGRAPH:
            paragraphs += 1
            held.setdefault(paragraph.getparent(), []).append(length)
    # the element holding the most paragraph text
    main = max(held.values(), key=sum, default=[])
    counts = dict.fromkeys(
        ("headings", "teasers", "permalinks", "plain", "pre", "code", "section", "time"), 0
    )
    for element in tree.iter("h2", "h3", "h4", "pre", "code", "section", "time"):
        tag = element.tag
        if tag in _HEADINGS:
            counts["headings"] += 1
            counts[_heading_link(element)] += 1
        elif tag != "code" or element.getparent() is None or element.getparent().tag != "pre":
            counts[str(tag)] += 1
    return PageShape(
        paragraphs=paragraphs,
        main_paragraphs=len(main),
        main_chars=sum(main),
        headings=counts["headings"],
        teasers=counts["teasers"],
        permalinks=counts["permalinks"],
        code_blocks=counts["pre"],
        inline_code=counts["code"],
        sections=counts["section"],
        times=counts["time"],
        prices=classes.count("price"),
        cart_controls=_cart_controls(tree),
        bylines=classes.count("author") + classes.count("byline"),
    )


def _cart_controls(tree: html.HtmlElement) -> int:
    """Add-to-cart controls: forms posting to a cart, or else buttons named for one.

    An ``<input>`` buy button (Amazon's) stands in a form posting to the cart; the many
    inputs of a shop's filters are not looked at.
    """
    forms = buttons = 0
    for element in tree.iter("form", "button"):
        if element.tag == "form":
            forms += _CART_ACTION in (element.get("action") or "").lower()
            continue
        named = f"{element.get('name')} {element.get('id')} {element.get('class')}".lower()
        buttons += any(name in named for name in _CART_NAMES)
    return max(forms, buttons)


def _in_link(element: html.HtmlElement) -> bool:
    ancestor = element.getparent()
    for _ in range(_LINK_DEPTH):
        if ancestor is None:
            return False
        if ancestor.tag == "a":
            return True
        ancestor = ancestor.getparent()
    return False


def _heading_link(heading: html.HtmlElement) -> str:
    """ "teasers" for a heading linking to another page, "permalinks" for one linking
    to itself (a fragment), "plain" for a heading without a link."""
    for link in heading.iter("a"):
        href = (link.get("href") or "").strip()
        if href:
            return "permalinks" if href.startswith("#") else "teasers"
    return "teasers" if _in_link(heading) else "plain"


def structure_evidence(
    tree: html.HtmlElement, markup: PageMarkup, classes: ClassNames, *, dated: bool = False
) -> tuple[Evidence, ...]:
    """Evidence from what the page's elements look like (``classes`` are its class
    names); ``dated`` says the page declares a publication date (landing pages never do)."""
    return shape_evidence(page_shape(tree, classes), markup, dated=dated)


def _graded(count: int, bounds: tuple[int, int]) -> Strength | None:
    """Medium from the first bound, strong from the second, None below."""
    if count >= bounds[1]:
        return Strength.STRONG
    return Strength.MEDIUM if count >= bounds[0] else None


def _teasers(shape: PageShape) -> Strength | None:
    """How far the page's teasers make it a listing: most of its headings link to other
    pages, and no two of its paragraphs stand together (each excerpt in its own card);
    an intro of a few paragraphs above a long grid of teasers is a category page's."""
    if shape.teasers < TEASERS[0] or shape.teasers * 2 < shape.headings:
        return None
    if shape.main_paragraphs <= 1:
        return _graded(shape.teasers, TEASERS)
    return Strength.MEDIUM if shape.teasers >= TEASERS[1] else None


def shape_evidence(shape: PageShape, markup: PageMarkup, *, dated: bool) -> tuple[Evidence, ...]:
    """The evidence of a :class:`PageShape` (a pure function, tested on its own)."""
    found: list[Evidence] = []

    def add(kind: PageKind, strength: Strength | None, rule: str) -> None:
        if strength is not None:
            found.append(Evidence.of(kind, strength, Source.STRUCTURE, rule))

    if 0 < shape.bylines <= BYLINES:
        # a listing signs each teaser, a story once (in its header, perhaps its footer)
        add(PageKind.ARTICLE, Strength.WEAK, f"byline markup ({shape.bylines})")
    elif shape.bylines > BYLINES and not shape.main_text:
        add(PageKind.LISTING, Strength.WEAK, f"byline markup ({shape.bylines}): one per teaser")
    if shape.main_text:
        rule = f"a main text ({shape.main_paragraphs} paragraphs, {shape.main_chars} characters)"
        add(PageKind.ARTICLE, Strength.WEAK, rule)
    blocks, inline = shape.code_blocks >= CODE_BLOCKS, shape.inline_code >= INLINE_CODE
    if blocks or inline:
        rule = f"code: {shape.code_blocks} blocks, {shape.inline_code} inline"
        add(PageKind.DOCUMENTATION, Strength.STRONG if blocks and inline else Strength.MEDIUM, rule)
    if shape.permalinks >= PERMALINK_HEADINGS:
        add(PageKind.DOCUMENTATION, Strength.WEAK, f"{shape.permalinks} heading permalinks")
    carts = shape.cart_controls
    if 0 < carts <= PRODUCT_CARTS:
        add(PageKind.PRODUCT, Strength.MEDIUM, f"{carts} add-to-cart controls (a buy box)")
    elif carts > PRODUCT_CARTS:
        add(PageKind.LISTING, Strength.WEAK, f"{carts} add-to-cart controls (one per card)")
    if shape.prices >= GRID_PRICES:
        add(PageKind.LISTING, Strength.MEDIUM, f"a grid of {shape.prices} prices")
    elif shape.prices >= PRODUCT_PRICES:
        add(PageKind.PRODUCT, Strength.WEAK, f"{shape.prices} price elements")
    if shape.main_text:
        return tuple(found)
    teasers = _teasers(shape)
    if teasers is not None:
        add(PageKind.LISTING, teasers, f"{shape.teasers} teasers (headings linking to pages)")
    if shape.times >= DATED_TEASERS:
        add(PageKind.LISTING, Strength.WEAK, f"{shape.times} dates (one per teaser)")
    if markup.path == "/":
        # a site's front page is its index or its pitch, never one of its stories
        add(PageKind.LISTING, Strength.WEAK, "the site's front page")
        add(PageKind.SERVICE, Strength.WEAK, "the site's front page")
    if teasers is None and not dated and shape.headings >= SECTION_HEADINGS:
        # headings over short texts: sections of a landing page, or an article
        # whose paragraphs the walk did not see; <section>s say which
        landing = shape.sections >= LANDING_SECTIONS
        rule = f"{shape.headings} headings over short texts"
        if landing:
            rule += f" in {shape.sections} sections"
        add(PageKind.SERVICE, Strength.MEDIUM if landing else Strength.WEAK, rule)
    return tuple(found)
