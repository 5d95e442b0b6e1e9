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
from articlekit.content.furniture import Cuts, strip_unlikely
from articlekit.content.grids import Grid, find_grids
from articlekit.content.listing_items import item_runs, runs_to_lists
from articlekit.content.offers import count_currency_marks, shows_price
from articlekit.content.pruning import STAGE, drop_all, link_density, norm
from articlekit.explain import Decision, Verdict
from articlekit.input.elements import text_of
from articlekit.input.xpath import boolean_query

__all__ = [
    "MIN_LISTING_CHARS",
    "declares_listing",
    "grid_wins",
    "may_be_listing",
    "may_show_shop",
    "posts_around",
    "read_listing",
    "read_shop_grid",
    "shop_lists_inside",
]

_HEADING = boolean_query(".//*[self::h1 or self::h2 or self::h3 or self::h4]")

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
MIN_SHOP_ITEMS = 10
"""Priced items of a grid beside an article-like text that make it a shop's listing (a
product page's rail of related products is shorter)."""
SHOP_SHARE = 0.3
"""...holding at least this share of the text beside them..."""
SHOP_PRICED = 0.6
"""...with at least this share of the items showing a price."""
MIN_LISTED_POSTS = 5
"""Whole posts built alike, each under its heading, that make a list view of posts."""
HEADED_SHARE = 0.8
"""...with at least this share of them holding a heading..."""
POSTS_SHARE = 0.6
"""...and their text at least this share of their parent's."""
MAX_POST_CLIMB = 6
"""Ancestors of the chosen text tried as one of the posts."""


def may_be_listing(taken: tuple[html.HtmlElement, ...]) -> bool:
    """Whether the selection is weak or link-heavy enough to look for a listing."""
    lengths = [len(norm(text_of(e))) for e in taken]
    chars = sum(lengths)
    if chars < WEAK_ARTICLE_CHARS:
        return True
    linked = sum(link_density(e, n) * n for e, n in zip(taken, lengths, strict=True))
    return linked >= LINKED_SELECTION * chars


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
    grids = _grids(body, pairs)
    main = _main_grid(grids, taken[-1])
    if main is None or not (teasers or grid_wins(main, taken, page_types)):
        for _, element in pairs:
            cuts.cut(element)
        return None
    return _read_region(main, grids, body, pairs, cuts, decisions)


def read_shop_grid(
    body: html.HtmlElement,
    root: html.HtmlElement,
    cuts: Cuts,
    decisions: list[Decision],
    page_types: tuple[str, ...] = (),
) -> html.HtmlElement | None:
    """The region of a shop grid beside the chosen content ``root``, its items as
    lists, or None.

    A category page's own text (its description, a buying guide under the grid) can
    outscore the product cards, which are mostly links: the cards are content too
    when they are many, each shows a price (:func:`articlekit.content.offers.shows_price`)
    and they hold a good share of the text beside ``root``.  A product page's rail of
    related products is shorter, and the page declares its one product.  The region
    grows around the grid without reaching ``root``.
    """
    if any(t in _PRODUCT_TYPES for t in page_types):
        return None
    pairs = list(cuts.pairs)
    cuts.restore()
    chars = len(norm(text_of(root)))
    # a name does not make furniture of many priced cards (a CSS module's
    # "filtering-and-pagination_product-column" around the grid)
    grids = find_grids(body)
    main = next((g for g in grids if not _related(g, root) and _is_shop_grid(g, chars)), None)
    if main is None:
        for _, element in pairs:
            cuts.cut(element)
        return None
    return _read_region(main, grids, body, pairs, cuts, decisions, avoid=root)


def posts_around(taken: tuple[html.HtmlElement, ...]) -> html.HtmlElement | None:
    """The list of whole posts that holds the chosen text, on a page whose kind is a
    listing, or None.

    A blog's or a newsroom's list view prints each post whole, too long for a grid of
    teasers (:data:`articlekit.content.grids.MAX_MEAN_ITEM_CHARS`), and the longest
    post wins the scoring alone.  The chosen text is then inside one of
    :data:`MIN_LISTED_POSTS` or more siblings of one build (tag and first class), each
    under its own heading, that fill their parent: the parent is the listing.
    """
    top = taken[0]
    for node in [top, *top.iterancestors()][:MAX_POST_CLIMB]:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        build = _build_of(node)
        alike = [s for s in parent if s.tag == node.tag and _build_of(s) == build]
        if len(alike) < MIN_LISTED_POSTS:
            continue
        headed = sum(1 for s in alike if _HEADING(s))
        chars = sum(len(norm(text_of(s))) for s in alike)
        if headed >= HEADED_SHARE * len(alike) and chars >= POSTS_SHARE * len(
            norm(text_of(parent))
        ):
            return parent
    return None


def _build_of(element: html.HtmlElement) -> str:
    classes = (element.get("class") or "").split()
    return classes[0] if classes else ""


def may_show_shop(body: html.HtmlElement, cuts: Cuts, page_types: tuple[str, ...] = ()) -> bool:
    """Whether the page's text (the cut furniture's too) shows as many currency amounts
    as a shop grid has priced items, on a page that does not declare one product: the
    cheap test before shop grids are looked for."""
    if any(t in _PRODUCT_TYPES for t in page_types):
        return False
    amounts = count_currency_marks(text_of(body))
    amounts += sum(count_currency_marks(text_of(element)) for _, element in cuts.pairs)
    return amounts >= SHOP_PRICED * MIN_SHOP_ITEMS


def shop_lists_inside(
    taken: tuple[html.HtmlElement, ...],
    cuts: Cuts,
    decisions: list[Decision],
    page_types: tuple[str, ...] = (),
) -> tuple[html.HtmlElement, ...]:
    """The shop grids inside the chosen pieces turned into lists, in place (see
    :func:`read_shop_grid`): the cleaning of the pieces is to keep them.  The cut
    furniture holding such a grid stays in the tree."""
    if any(t in _PRODUCT_TYPES for t in page_types):
        return ()
    pairs = list(cuts.pairs)
    cuts.restore()
    lists: list[html.HtmlElement] = []
    for piece in taken:
        text = text_of(piece)
        if count_currency_marks(text) < SHOP_PRICED * MIN_SHOP_ITEMS:
            continue
        grids = find_grids(piece)
        beside = len(norm(text)) - sum(g.chars for g in grids)
        shops = [g.items for g in grids if _is_shop_grid(g, beside)]
        if shops:
            lists.extend(runs_to_lists(item_runs(piece, shops)))
    holders = {a for ul in lists for a in ul.iterancestors()}
    for _, element in pairs:
        if element.getparent() is None:
            continue
        if element in holders:
            # the furniture named inside it (a sort control, a "viewed 12 of 40" line)
            strip_unlikely(element, decisions, keep=tuple(lists))
        else:
            cuts.cut(element)
    return tuple(lists)


def _is_shop_grid(grid: Grid, beside: int) -> bool:
    """Many items, most showing a price, with a good share of the text beside them."""
    return (
        len(grid.items) >= MIN_SHOP_ITEMS
        and grid.chars >= max(MIN_LISTING_CHARS, SHOP_SHARE * beside)
        and sum(1 for item in grid.items if shows_price(item)) >= SHOP_PRICED * len(grid.items)
    )


def _grids(
    body: html.HtmlElement, pairs: list[tuple[html.HtmlElement, html.HtmlElement]]
) -> list[Grid]:
    # a grid cut by its name, or inside a cut subtree (a menu flyout, a footer's
    # columns, a related-posts rail), is furniture
    cut = {e for _, e in pairs}
    return [g for g in find_grids(body) if not _in_cut(g, cut)]


def _read_region(
    main: Grid,
    grids: list[Grid],
    body: html.HtmlElement,
    pairs: list[tuple[html.HtmlElement, html.HtmlElement]],
    cuts: Cuts,
    decisions: list[Decision],
    avoid: html.HtmlElement | None = None,
) -> html.HtmlElement | None:
    """The region around the main grid with its items as lists, cleaned; the cut
    furniture outside the items cut again.  None (the tree as it was) without lists."""
    region = _region(main, body, avoid)
    inside = [g.items for g in grids if _within(g, region)]
    around = avoid is not None and region in set(avoid.iterancestors())
    lists = [] if around else runs_to_lists(item_runs(region, inside))
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
    chars = sum(len(norm(text_of(e))) for e in taken)
    inside = all(any(t in set(item.iterancestors()) for t in taken) for item in grid.items)
    if inside:
        return len(grid.items) >= MIN_FILLING_ITEMS and grid.chars >= FILLED_SELECTION * chars
    if chars >= WEAK_ARTICLE_CHARS or grid.chars < WEAK_ARTICLE_SHARE * chars:
        return False
    return not declares_article(page_types)


def declares_listing(page_types: tuple[str, ...]) -> bool:
    """A listing type (``CollectionPage``, ``ItemList``, ...) among the page's schema.org
    types and no article type (a story may declare the ``ItemList`` of a carousel)."""
    return any(t in _LISTING_TYPES for t in page_types) and not any(
        t in _ARTICLE_TYPES for t in page_types
    )


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
_PRODUCT_TYPES = frozenset(("product", "productgroup", "individualproduct", "productmodel"))


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


def _region(
    grid: Grid, body: html.HtmlElement, avoid: html.HtmlElement | None = None
) -> html.HtmlElement:
    """The items' common ancestor, grown to take the heading and intro around them
    (never as far as ``avoid``)."""
    region = _common_ancestor(grid.items)
    length = len(norm(text_of(region)))
    holders = set(avoid.iterancestors()) if avoid is not None else set()
    while True:
        parent = region.getparent()
        if parent is None or parent is body or parent.tag in ("body", "html"):
            return region
        if parent in holders:
            return region
        grown = len(norm(text_of(parent)))
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
