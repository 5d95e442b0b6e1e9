"""Listing pages: the main content of a page that lists items (teasers, products, results).

A section front, an archive, a tag page, search results or a shop's category page
has no article, but it has main content: its own heading and intro (a category
description, the text above and below the grid) and the listed items, each with
its title and teaser or short facts.  That content is read as the region around
the page's main item grid (:mod:`.grids`): the grid's items become list items
(:mod:`.listing_items`), the text around them stays paragraphs and headings, and
page furniture inside the region (filters, sort controls, pagination, boxes) goes
as in an article.

The listing is read when the selected container is a run of teasers
(:func:`articlekit.content.listing.looks_like_listing`) or when the selection
found little text beside a grid that holds far more
(:func:`outweighs_article`).
"""

from __future__ import annotations

from lxml import html

from articlekit.content.cleaning import clean_content
from articlekit.content.furniture import Cuts
from articlekit.content.grids import Grid, find_grids
from articlekit.content.listing_items import item_runs, runs_to_lists
from articlekit.content.pruning import STAGE, drop_all, link_density, norm
from articlekit.explain import Decision, Verdict

__all__ = ["MIN_LISTING_CHARS", "grid_wins", "may_be_listing", "read_listing"]

MIN_LISTING_CHARS = 300
"""Item text of the main grid below which a page is not read as a listing."""
WEAK_ARTICLE_SHARE = 3.0
"""A grid with this many times the text of the selected container outweighs it..."""
WEAK_ARTICLE_CHARS = 1500
"""...when that container holds less text than this (a longer one is an article)."""
MIN_FILLING_ITEMS = 5
"""Items of a grid inside the selection that make it a listing (fewer are a post's parts)."""
FILLED_SELECTION = 0.6
"""A grid inside the selection whose items hold this share of its text is the content."""
LINKED_SELECTION = 0.3
"""A selection whose text is this much links may be a listing (an article's is not)."""
REGION_GROWTH = 1.3
"""The region climbs to a parent holding at most this share of its text (plus
:data:`REGION_SLACK` characters): the heading and intro around the grid, not the page."""
REGION_SLACK = 400


def may_be_listing(taken: tuple[html.HtmlElement, ...]) -> bool:
    """Whether the selection is weak or link-heavy enough to look for a listing."""
    chars = sum(len(norm(e.text_content())) for e in taken)
    if chars < WEAK_ARTICLE_CHARS:
        return True
    return sum(link_density(e) * len(norm(e.text_content())) for e in taken) >= (
        LINKED_SELECTION * chars
    )


def read_listing(
    body: html.HtmlElement,
    taken: tuple[html.HtmlElement, ...],
    cuts: Cuts,
    decisions: list[Decision],
    *,
    teasers: bool,
    page_types: tuple[str, ...] = (),
) -> html.HtmlElement | None:
    """The listing region of the page, its items as lists, or None when it lists nothing.

    ``taken`` are the pieces the selection chose (the first holds the best
    container): the grid beside or around them is the listing's.  With ``teasers``
    (the selection was a run of teasers already), any grid found is read; otherwise
    the grid must outweigh the selection or fill it (:func:`grid_wins`); ``page_types``
    are the schema.org types the page declares.  The cut
    furniture is put back while grids are looked for (teaser cards are often named
    "promo" or "related"), and cut again where it is not part of an item; when no
    listing is read the tree is left as it was.
    """
    pairs = list(cuts.pairs)
    cuts.restore()
    # a grid cut by its name, or inside a cut subtree (a menu flyout, a footer's
    # columns, a related-posts rail), is furniture
    cut = {e for _, e in pairs}
    grids = [g for g in find_grids(body) if not _in_cut(g, cut)]
    main = _main_grid(grids, taken[-1])
    if main is None or not (teasers or grid_wins(main, taken, page_types)):
        for _, element in pairs:
            cuts.cut(element)
        return None
    region = _region(main, body)
    inside = [g.items for g in grids if _within(g, region)]
    lists = runs_to_lists(item_runs(region, inside))
    if not lists:
        # nothing was changed: the region's items gave no list
        for _, element in pairs:
            cuts.cut(element)
        return None
    holders = {a for ul in lists for a in ul.iterancestors()}
    again = [e for _, e in pairs if e not in holders and _in_tree(e, body)]
    drop_all(again, "unlikely class/id", decisions, True)
    clean_content(region, decisions, keep=tuple(lists))
    items = sum(len(ul) for ul in lists)
    rule = f"listing: {items} items in {len(lists)} lists"
    decisions.append(Decision(STAGE, region, Verdict.CONTENT, rule))
    return region


def grid_wins(
    grid: Grid, taken: tuple[html.HtmlElement, ...], page_types: tuple[str, ...] = ()
) -> bool:
    """Whether a grid, not the text the selection found, is the page's content: its
    items make most of the selection's text, or it outweighs a short selection on a
    page that does not declare itself an article (a short story's "more from" rail
    outweighs the story too)."""
    chars = sum(len(norm(e.text_content())) for e in taken)
    inside = all(any(t in set(item.iterancestors()) for t in taken) for item in grid.items)
    if inside:
        return len(grid.items) >= MIN_FILLING_ITEMS and grid.chars >= FILLED_SELECTION * chars
    if chars >= WEAK_ARTICLE_CHARS or grid.chars < WEAK_ARTICLE_SHARE * chars:
        return False
    return not declares_article(page_types)


def declares_article(page_types: tuple[str, ...]) -> bool:
    """An article type among the page's schema.org types, and no listing type."""
    if any(t in _LISTING_TYPES for t in page_types):
        return False
    return any(t in _ARTICLE_TYPES for t in page_types)


# schema.org types of one story and of a page of many (markup tokens, not words)
_ARTICLE_TYPES = frozenset(
    (
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "blogposting",
        "liveblogposting",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "scholarlyarticle",
    )
)
_LISTING_TYPES = frozenset(("collectionpage", "itemlist", "searchresultspage", "offercatalog"))


def _main_grid(grids: list[Grid], anchor: html.HtmlElement) -> Grid | None:
    """The largest grid around or inside the anchor, else the largest grid, if it is
    large enough to be a listing."""
    if not grids:
        return None
    near = [g for g in grids if _related(g, anchor) and g.chars * 3 >= grids[0].chars]
    main = near[0] if near else grids[0]
    return main if main.chars >= MIN_LISTING_CHARS else None


def _related(grid: Grid, anchor: html.HtmlElement) -> bool:
    item = grid.items[0]
    return anchor in set(item.iterancestors()) or item in set(anchor.iterancestors())


def _region(grid: Grid, body: html.HtmlElement) -> html.HtmlElement:
    """The items' common ancestor, grown to take the heading and intro around them."""
    region = _common_ancestor(grid.items)
    length = len(norm(region.text_content()))
    while True:
        parent = region.getparent()
        if parent is None or parent is body or parent.tag in ("body", "html"):
            return region
        grown = len(norm(parent.text_content()))
        if grown > length * REGION_GROWTH + REGION_SLACK:
            return region
        region, length = parent, grown


def _common_ancestor(elements: tuple[html.HtmlElement, ...]) -> html.HtmlElement:
    first = elements[0]
    parent = first.getparent()
    common = parent if parent is not None else first
    chain = [common, *common.iterancestors()]
    depth = 0
    for element in elements[1:]:
        ancestors = set(element.iterancestors())
        while depth < len(chain) - 1 and chain[depth] not in ancestors:
            depth += 1
    return chain[depth]


def _within(grid: Grid, region: html.HtmlElement) -> bool:
    return all(region in set(item.iterancestors()) for item in grid.items)


def _in_cut(grid: Grid, cut: set[html.HtmlElement]) -> bool:
    """Whether the grid, or its items themselves, were cut as furniture by name."""
    if sum(1 for item in grid.items if item in cut) * 2 > len(grid.items):
        return True
    container = _common_ancestor(grid.items)
    return container in cut or any(a in cut for a in container.iterancestors())


def _in_tree(element: html.HtmlElement, body: html.HtmlElement) -> bool:
    return any(a is body for a in element.iterancestors())
