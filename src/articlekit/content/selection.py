"""Content: locate the main content of a page tree.

How, in order:

1. :func:`articlekit.content.furniture.prepare_tree` strips what is never text
   (scripts, forms, hidden elements, navigation landmarks) and cuts out,
   reversibly, subtrees whose class/id names page furniture.
2. Paragraphs (``p``, ``pre``, ``td``, text-only ``div``) are scored: one point,
   one per comma, one per 100 characters (at most three); the score flows to
   five levels of ancestors, thinning with distance.  Containers start from a
   tag prior and class/id hints (``<article>``, ``<main>``,
   ``itemprop="articleBody"`` count too).
3. The best container after scaling by ``1 - link density`` wins, unless it won
   by its class name alone and a candidate with far more prose scores near it, or
   it lies outside the page's one ``<main>`` landmark that holds most of the text; a
   common ancestor of several near-best candidates, or a parent that scores
   higher, replaces it.  Then the body is gathered where templates split it:
   siblings with prose of their own or of the same kind, repeated wrappers,
   containers named like the body nearby, the lead image beside the body, the
   standfirst before it and the lead picture under the standfirst; where it is
   one of a run of sibling sections with headings (a landing or product page),
   the run (:mod:`.sections`).
4. A page whose content is a run of teasers (repeated linked headings over
   short excerpts), or whose weak selection sits beside a grid of items, is read
   as a listing (:mod:`.listing_page`); a grid of priced cards in or beside an
   article-like text is kept as a list beside it.  Otherwise boilerplate is
   stripped from the result (:func:`articlekit.content.cleaning.clean_content`);
   when that leaves a weak selection nothing but links (a link aggregator's rows,
   a front page of teaser cards), its uncleaned copy is read as a listing or as a
   table of links.  A page with none of these has no article: ``Content.root`` is
   None and the Article gets ``Status.NO_ARTICLE``.

When the cut furniture took the article with it (a short result), the cuts are
put back and the selection runs again.  Every decision is kept for
``articlekit parse --explain``.

Modules, in the order of the steps: :mod:`.scoring` (paragraph scores),
:mod:`.candidates` (the winning container), :mod:`.gathering` (the split body),
:mod:`.sections` (a page built from sections), :mod:`.lead` (standfirst and lead
picture), :mod:`.listing` (teaser pages), :mod:`.listing_page` (listing regions and
shop grids).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html

from articlekit.content.candidates import climb, prose_rival
from articlekit.content.cleaning import clean_content, drop_link_blocks
from articlekit.content.furniture import Cuts, prepare_tree, strip_unlikely
from articlekit.content.gathering import add_cousin_paragraphs, add_same_class, gather
from articlekit.content.grids import find_link_tables
from articlekit.content.lead import captioned_picture_above, find_lead, picture_after_lead
from articlekit.content.listing import looks_like_listing
from articlekit.content.listing_page import (
    declares_listing,
    may_be_listing,
    may_show_shop,
    posts_around,
    read_listing,
    read_shop_grid,
    shop_lists_inside,
)
from articlekit.content.pruning import link_density
from articlekit.content.scoring import (
    MAX_PROSE_POINTS,
    STAGE,
    Scores,
    score_candidates,
    text_length,
)
from articlekit.content.sections import add_page_sections
from articlekit.explain import Decision, Verdict
from articlekit.input.elements import drop_element
from articlekit.input.xpath import element_query
from articlekit.metadata.extract import Metadata
from articlekit.model import PageKind
from articlekit.options import Options

__all__ = ["Content", "find_main_content"]

RETRY_BELOW_CHARS = 500
"""A result shorter than this is retried without class/id marks and conditional cleaning."""
MIN_ARTICLE_CHARS = 1
"""Below this much text after cleaning, a page has no article."""
NO_STORY_CHARS = 200
"""A selection shorter than this is a section's intro line, never a story: a grid
beside it may be the content even on a page whose kind reads as an article."""
TOP_CANDIDATES = 5
"""How many best candidates are compared when looking for a common ancestor."""


@dataclass(frozen=True, slots=True)
class Content:
    """The element holding the main content (None when the page has none), and why."""

    root: html.HtmlElement | None
    decisions: tuple[Decision, ...] = ()
    lead_figure: html.HtmlElement | None = None
    """The captioned lead picture above the body, outside ``root``: a figure of the
    article whose caption is not body text (see :func:`.lead.captioned_picture_above`)."""


def find_main_content(
    tree: html.HtmlElement,
    metadata: Metadata,
    options: Options,
    kind: PageKind = PageKind.ARTICLE,
) -> Content:
    """The main-content element of ``tree``, found by scoring; boilerplate is removed from it.

    ``kind`` is the page's kind (:mod:`articlekit.kind`): on an article a grid of items
    never outweighs a weak or link-heavy selection (a short story beside a "more from"
    grid); a run of teasers is a listing on any page.

    ``tree`` is changed in place (cleaned); the returned root is an element of it
    or a new ``<div>`` gathering several of its elements.
    """
    decisions: list[Decision] = []
    body = tree.find("body")
    if body is None:
        return Content(None, ())
    cuts = prepare_tree(tree, decisions, sheets=kind is PageKind.PRODUCT)
    restored, conditional = False, True
    choice = _select(tree)
    if cuts.pairs and _chosen_length(choice) < RETRY_BELOW_CHARS:
        # (each length measured only when needed: a hostile page's container holds
        # megabytes of text)
        core = _core_length(choice)  # measured now: restoring the cuts below changes it
        # the article wrapper itself may carry a furniture-like name: put the cut
        # subtrees back and try again
        cuts.restore()
        restored = True
        # no length points in the retry: the furniture put back would earn them for
        # every wrapper around it
        retry = _select(tree, prose_points=0)
        # the retry must find more prose in its best container, not just more neighbours
        if retry is not None and text_length(retry.top) > core * 1.5 + 50:
            decisions.append(Decision(STAGE, "page", Verdict.CANDIDATE, "retried without cuts"))
            choice, conditional = retry, False
    scored = choice is not None
    if choice is None:
        # no paragraph long enough to score (a short note, a page of fragments): the body
        # is the best guess, and the length checks below still apply
        reason = Decision(STAGE, body, Verdict.CANDIDATE, "no prose: whole body")
        choice = _Choice(body, 0.0, (body,), (reason,))
    listings = [e for e in choice.taken if looks_like_listing(e)]
    if listings and (choice.top in listings or len(listings) == len(choice.taken)):
        decisions.extend(choice.reasons)
        listing = read_listing(body, choice.taken, cuts, decisions, teasers=True)
        if listing is not None:
            return Content(listing, tuple(decisions))
        decisions.append(Decision(STAGE, choice.top, Verdict.BOILERPLATE, "no article: teasers"))
        return Content(None, tuple(decisions))
    backup: tuple[html.HtmlElement, ...] = ()
    if not listings and may_be_listing(choice.taken):
        # little text chosen, or mostly links: a grid of items may be the page's content
        # (on an article, never: a short story beside a "more from" grid)
        # (unless the page declares itself a list: a category page of a magazine's
        # site keeps its article og:type and author)
        if (
            kind is not PageKind.ARTICLE
            or declares_listing(metadata.page_types)
            or sum(text_length(e) for e in choice.taken) < NO_STORY_CHARS
        ):
            listing = read_listing(
                body, choice.taken, cuts, decisions, teasers=False, page_types=metadata.page_types
            )
            if listing is not None:
                decisions.extend(choice.reasons)
                return Content(listing, tuple(decisions))
        if scored:
            # kept in case cleaning finds nothing but links in it (see _rescue); a
            # page without a paragraph (an empty shell's menus and footer) has no list
            backup = tuple(copy.deepcopy(e) for e in choice.taken)
    posts = posts_around(choice.taken) if scored and kind is PageKind.LISTING else None
    headings: tuple[html.HtmlElement, ...] = ()
    if posts is not None and not listings:
        # a list view of whole posts: every post under its heading, not the longest one
        listed = Decision(STAGE, posts, Verdict.CANDIDATE, "listing: whole posts built alike")
        choice = _Choice(posts, choice.score, (posts,), (*choice.reasons, listed))
        headings = tuple(_POST_HEADINGS(posts))
    if listings:
        # a teaser grid gathered beside the article ("more from the lexicon") is not part of it
        kept = tuple(e for e in choice.taken if e not in listings)
        dropped = tuple(Decision(STAGE, e, Verdict.BOILERPLATE, "teasers beside") for e in listings)
        choice = _Choice(
            choice.top, choice.score, kept, choice.reasons + dropped, choice.lead_figure
        )
    strong = scored and not listings and may_show_shop(body, cuts, metadata.page_types)
    # a text chosen: a shop grid in it or beside it (a category page's cards around
    # its description or buying guide) is content too
    shop = shop_lists_inside(choice.taken, cuts, decisions, metadata.page_types) if strong else ()
    # a product's text in a sheet is not judged by its class names and statistics
    keep = (*shop, *headings, *cuts.sheets)
    root = _build(choice, decisions, restored=restored, conditional=conditional, keep=keep)
    if strong and not shop:
        region = read_shop_grid(body, root, cuts, decisions, metadata.page_types)
        if region is not None:
            root = _wrap(sorted((region, root), key=_page_position))
    content = _checked(root, backup, body, cuts, decisions)
    if content.root is None or choice.lead_figure is None:
        return content
    return Content(content.root, content.decisions, choice.lead_figure)


def _checked(
    root: html.HtmlElement,
    backup: tuple[html.HtmlElement, ...],
    body: html.HtmlElement,
    cuts: Cuts,
    decisions: list[Decision],
) -> Content:
    """The content, rescued when cleaning left its weak selection nothing but links, or
    no article when too little text or nothing but links is left."""
    length = text_length(root)
    if backup and length * (1 - link_density(root, length)) < MIN_ARTICLE_CHARS:
        rescued = _rescue(root, backup, body, cuts, decisions)
        if rescued is not None:
            return Content(rescued, tuple(decisions))
    if length < MIN_ARTICLE_CHARS:
        decisions.append(
            Decision(STAGE, "page", Verdict.BOILERPLATE, "no article: too little text")
        )
        return Content(None, tuple(decisions))
    if length * (1 - link_density(root, length)) < MIN_ARTICLE_CHARS:
        decisions.append(Decision(STAGE, root, Verdict.BOILERPLATE, "no article: links"))
        return Content(None, tuple(decisions))
    return Content(root, tuple(decisions))


def _rescue(
    root: html.HtmlElement,
    backup: tuple[html.HtmlElement, ...],
    body: html.HtmlElement,
    cuts: Cuts,
    decisions: list[Decision],
) -> html.HtmlElement | None:
    """The selection as it was before cleaning, when cleaning left no text but links.

    Cleaning drops every link-heavy container; on a page whose content is a list of
    links (a link aggregator's rows, a blog's front page of teaser cards) that is all
    of it.  The copies of the chosen pieces take the cleaned root's place: the
    listing around them is read as on a teaser page, or else they are the content,
    less the menus and link rows beside their tables of links (a link aggregator's
    rows).
    """
    pieces = _put_back(root, backup)
    listing = read_listing(body, pieces, cuts, decisions, teasers=True)
    if listing is not None:
        return listing
    tables = [t for piece in pieces for t in find_link_tables(piece)]
    if not tables:
        return None
    rescued = pieces[0] if len(pieces) == 1 else _wrap(pieces)
    drop_link_blocks(rescued, tuple(tables), decisions)
    decisions.append(Decision(STAGE, rescued, Verdict.CONTENT, "main content: table of links"))
    return rescued


def _wrap(pieces: Sequence[html.HtmlElement]) -> html.HtmlElement:
    """A new ``<div>`` in the first piece's place holding the pieces (moved, each with
    its tail), so that they stay in the page tree."""
    root = html.Element("div")
    pieces[0].addprevious(root)
    for piece in pieces:
        tail = piece.tail
        root.append(piece)  # moves the element; its tail goes with it
        piece.tail = tail
    return root


def _page_position(element: html.HtmlElement) -> list[int]:
    """The element's place in page order: its index under each ancestor, from the root."""
    path = []
    for node in (element, *element.iterancestors()):
        parent = node.getparent()
        if parent is not None:
            path.append(parent.index(node))
    return path[::-1]


def _put_back(
    root: html.HtmlElement, backup: tuple[html.HtmlElement, ...]
) -> tuple[html.HtmlElement, ...]:
    """Replace the cleaned ``root`` by the uncleaned copies of its pieces; the copies in
    the tree (the body keeps its element and takes its copy's children)."""
    parent = root.getparent()
    if parent is None or root.tag == "body":
        for child in list(root):
            root.remove(child)
        root.text = backup[0].text
        root.extend(list(backup[0]))
        return (root,)
    for piece in backup:
        root.addprevious(piece)
    drop_element(root)
    return backup


@dataclass(frozen=True, slots=True)
class _Choice:
    top: html.HtmlElement
    score: float
    taken: tuple[html.HtmlElement, ...]
    reasons: tuple[Decision, ...]
    lead_figure: html.HtmlElement | None = None


_POST_HEADINGS = element_query("./*//*[self::h1 or self::h2 or self::h3 or self::h4]")
_MAINS = element_query("//body//*[self::main or @role='main']")
MAIN_CHARS = 200
MAIN_SHARE = 0.5


def _apart(element: html.HtmlElement, other: html.HtmlElement) -> bool:
    """Neither element holds the other."""
    return (
        element is not other
        and other not in set(element.iterancestors())
        and element not in set(other.iterancestors())
    )


def _in_main(element: html.HtmlElement) -> bool:
    """``element`` is a main landmark or inside one (the cheap test before the search)."""
    ancestry = (element, *element.iterancestors())
    return any(a.tag == "main" or a.get("role") == "main" for a in ancestry)


def _main_landmark(tree: html.HtmlElement) -> html.HtmlElement | None:
    """The page's one ``<main>`` (or ``role="main"``) when it holds most of its text (a
    "featured" strip marked as main on a section front does not)."""
    mains = _MAINS(tree)
    if len(mains) != 1:
        return None
    length = text_length(mains[0])
    if length < MAIN_CHARS or length < MAIN_SHARE * text_length(tree.find("body")):
        return None
    return mains[0]


def _core_length(choice: _Choice | None) -> int:
    return text_length(choice.top) if choice is not None else 0


def _chosen_length(choice: _Choice | None) -> int:
    if choice is None:
        return 0
    return sum(text_length(e) for e in choice.taken)


def _select(tree: html.HtmlElement, prose_points: float = MAX_PROSE_POINTS) -> _Choice | None:
    scores = score_candidates(tree)
    if not scores:
        return None
    scored = Scores(scores, prose_points)
    ranked = scored.ranked(TOP_CANDIDATES)
    best, top_score = ranked[0]
    reasons: list[Decision] = []
    outside: html.HtmlElement | None = None
    main = None if _in_main(best) else _main_landmark(tree)
    if main is not None and _apart(best, main):
        inside = {e: s for e, s in scores.items() if e is main or main in set(e.iterancestors())}
        if inside:
            # the page declares where its content is: a box outside <main> (a newsletter
            # overlay, a footer's "about us") does not win over it
            reasons.append(Decision(STAGE, best, Verdict.CANDIDATE, "outside <main>", top_score))
            outside = best
            scored = Scores(inside, prose_points)
            ranked = scored.ranked(TOP_CANDIDATES)
            best, top_score = ranked[0]
    rival = prose_rival(ranked, scored)
    if rival is not None:
        reasons.append(Decision(STAGE, best, Verdict.CANDIDATE, "won by its name only", top_score))
        best, top_score = rival
    reasons.append(Decision(STAGE, best, Verdict.CANDIDATE, "best score", top_score))
    top = climb(best, top_score, scored, ranked)
    top_score = max(top_score, scored.final(top) or 0.0)
    taken = gather(top, top_score, scored, reasons)
    taken = add_same_class(tree, best, taken, top_score, scored, reasons)
    taken = add_cousin_paragraphs(tree, top, taken, reasons)
    taken = add_page_sections(top, taken, reasons)
    lead = find_lead(top, taken)
    if lead is not None and outside is not None and not _apart(lead, outside):
        lead = None  # the box that lost to <main> does not come back as its lead
    if lead is not None:
        reasons.append(Decision(STAGE, lead, Verdict.CONTENT, "lead before the body"))
        picture = picture_after_lead(lead, taken[0])
        if picture is not None:
            reasons.append(Decision(STAGE, picture, Verdict.CONTENT, "picture under the lead"))
            taken = (lead, picture, *taken)
        else:
            taken = (lead, *taken)
    figure = captioned_picture_above(taken)
    if figure is not None and outside is not None and not _apart(figure, outside):
        figure = None
    if figure is not None:
        rule = "captioned picture above the body (a figure, not body text)"
        reasons.append(Decision(STAGE, figure, Verdict.CONTENT, rule))
    return _Choice(top, top_score, taken, tuple(reasons), figure)


def _build(
    choice: _Choice,
    decisions: list[Decision],
    *,
    restored: bool,
    conditional: bool,
    keep: tuple[html.HtmlElement, ...] = (),
) -> html.HtmlElement:
    decisions.extend(choice.reasons)
    root = choice.taken[0] if len(choice.taken) == 1 else _wrap(choice.taken)
    if restored:
        # furniture names were ignored to find the article; strip furniture inside it
        # but keep the wrapper (which may carry such a name) itself
        strip_unlikely(root, decisions)
    clean_content(root, decisions, conditional=conditional, keep=keep)
    won = next((r.rule for r in reversed(choice.reasons) if r.verdict is Verdict.CANDIDATE), "")
    pieces = f", {len(choice.taken)} pieces gathered" if len(choice.taken) > 1 else ""
    rule = f"main content: {won}{pieces}" if won else "main content"
    decisions.append(Decision(STAGE, root, Verdict.CONTENT, rule, choice.score))
    return root
