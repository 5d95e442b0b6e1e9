"""Plain-text dumps of pages: the same Article from lines instead of a tree.

A dump is what a browser's "save as text", ``html-text`` or a Common Crawl WET
record keeps of a page: one line per block, menus and footers included.  The
stages, top to bottom, each in its own module:

1. :func:`~articlekit.text.units.read_units` - lines (hard-wrapped paragraphs
   joined) with their indent, within ``Options.limits`` (each cut a warning);
2. :func:`~articlekit.text.comment_zone.find_comment_zone` - a comment-section
   header ("One thought on “…”", "5 Comments") followed by comments, or two
   comment entries close together, up to the reply form's fine print, a "View
   all comments" link or the footer;
3. :func:`~articlekit.text.figures.find_figures` - a caption shown twice around
   a credit line, or followed by "Photo: …";
4. :func:`~articlekit.text.title.find_title` - the story's heading, weighed by
   its neighbourhood (:mod:`~articlekit.text.headline`: a dateline under it,
   the first paragraph below, the permalink's words, the head line it
   repeats);
   :func:`~articlekit.text.dateline.find_dateline` - the byline and date in the
   short lines around it ("Von" over a name, a name beside its date); when
   none stands there, a date line just over the story's first paragraph
   (:func:`~articlekit.text.dateline.date_before_text`, after step 5);
5. :func:`~articlekit.text.classify.classify_units` - jusText-style: length,
   function-word share and punctuation give good/near-good/short/bad, then
   neighbours decide the uncertain ones, terse sentence lines in one run
   with kept paragraphs are kept (:mod:`~articlekit.text.runs`), an
   end-of-article cue ("Related", "Share this") cuts the tail, and good
   text parted from the story by a long
   run of template lines (a bio or newsletter box under the tags) goes, as
   does a small box last on the page under a run of labels
   (:mod:`~articlekit.text.tail`); the first prose right under the story's
   heading, over its byline or picture, is its lead (:mod:`~articlekit.text.lead`),
   and lists closed in by the story's text or a fact box under it are kept
   (:mod:`~articlekit.text.lists`);
6. :func:`~articlekit.text.teasers.find_teasers` - an index page's teasers
   (headline, one or two sentences, "12 March 2023 · 2 min read" or "Read
   more"); when they hold most of the text the page has no article
   (``Status.NO_ARTICLE``), as in the HTML path's listing test; a shop's grid
   of priced cards that outweighs the prose kept
   (:func:`~articlekit.text.grids.find_price_grid`) is a listing whose cards
   are its body, as HTML mode keeps a shop's grid;
7. :func:`~articlekit.text.comments.parse_comments` - numbered items, "Jane
   says:" and "Name · date" lines (or, where no comment has a date, a name over
   each comment) split the zone into comments, indentation gives reply parents.

This module runs them and assembles the :class:`Article`.  Every decision is a
pure function of the lines; nothing is specific to a site.
"""

from __future__ import annotations

import re

from articlekit.explain import Decision, Verdict
from articlekit.model import Article, Block, BlockKind, Comment, Figure, PageKind, Status
from articlekit.options import Options
from articlekit.text.classify import LENGTH_HIGH, classify_units
from articlekit.text.comments import find_comment_zone, parse_comments
from articlekit.text.dateline import byline_before_text, date_before_text, find_dateline
from articlekit.text.figures import FigureAt, find_figures
from articlekit.text.grids import find_price_grid, grid_kinds
from articlekit.text.reviews import find_review_zone, parse_reviews
from articlekit.text.teasers import is_listing
from articlekit.text.title import Headline, find_title, listing_title
from articlekit.text.units import Unit, UnitKind, is_prose, read_units
from articlekit.text.vocabulary import one_of

__all__ = ["explain_text_dump", "parse_text_dump"]

_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|&|\b" + one_of("author_separators") + r"\b)\s*")

_VERDICTS = {
    UnitKind.GOOD: (Verdict.CONTENT, "paragraph: length, function words, neighbours"),
    UnitKind.LEAD: (Verdict.CONTENT, "lead: the first prose under the headline"),
    UnitKind.HEADING: (Verdict.CONTENT, "heading: short line over a paragraph"),
    UnitKind.TITLE: (Verdict.METADATA, "title: head line or the heading repeating it"),
    UnitKind.FIGURE: (Verdict.CAPTION, "caption: shown twice around a credit, or over one"),
    UnitKind.DUPLICATE: (Verdict.BOILERPLATE, "repeat of a caption or line shown before"),
    UnitKind.CREDIT: (Verdict.CREDIT, "credit line next to a caption"),
    UnitKind.BAD: (Verdict.BOILERPLATE, "template pattern, too few function words, or context"),
}


def parse_text_dump(text: str, url: str | None, options: Options) -> Article:
    """An Article from a whole-page text dump (title line, body, comments, fine print)."""
    return explain_text_dump(text, url, options)[0]


def explain_text_dump(
    text: str, url: str | None, options: Options
) -> tuple[Article, tuple[Decision, ...]]:
    """Like :func:`parse_text_dump`, and the verdict on each line (``--explain``)."""
    read = read_units(text, options.limits)
    units, warnings = read.units, read.warnings
    if not units:
        return Article.create(url=url, warnings=warnings), ()
    zone = find_comment_zone(units)
    reviews = False
    if zone is None:
        zone = find_review_zone(units)
        reviews = zone is not None
    comments: tuple[Comment, ...] = ()
    body_units = units
    if zone is not None:
        if options.comments:
            section = units[zone[0] : zone[1]]
            comments = parse_reviews(section) if reviews else parse_comments(section)
        # a shop's review widget stands between the product's boxes, which go on under it
        body_units = units[: zone[0]] + (units[zone[1] :] if reviews else [])
    fixed: dict[int, UnitKind] = {}
    figures = find_figures(body_units)
    # a caption shown twice right over the text looks like a headline: it is none
    captions = frozenset(i for found in figures for i in found.covered)
    headline = _fix_title(body_units, url, captions, fixed)
    title = headline.title
    anchor = headline.heading_index if headline.heading_index is not None else headline.head_index
    byline, date = None, None
    if anchor is not None:
        dateline = find_dateline(body_units, anchor, url)
        byline, date = dateline.byline, dateline.date
        for index in dateline.lines:
            fixed.setdefault(index, UnitKind.BAD)
    figure_at = _fix_figures(body_units, figures, fixed) if options.figures else {}
    _mark_repeats(body_units, fixed)
    kinds = classify_units(body_units, fixed, headline.heading_index)
    if date is None:
        date = _date_over_text(body_units, kinds, -1 if anchor is None else anchor)
    if byline is None:
        byline = _byline_over_text(body_units, kinds, url)
    listed: str | None = None  # why the page is a listing, when it is one
    if is_listing(body_units, kinds):
        # an index page: its headlines, dates and summaries belong to other pages
        kinds = [UnitKind.BAD] * len(kinds)
        byline, date, comments = None, None, ()
        title = listing_title(body_units)
        listed = "no article: teasers"
    else:
        grid = find_price_grid(body_units, kinds)
        if grid is not None:
            # a shop's category page: its cards are what it shows; no one signs or dates it
            kinds = grid_kinds(body_units, kinds, grid)
            byline, date = None, None
            listed = f"a shop's grid (units {grid[0] + 1}-{grid[1]}): its cards kept"
    listing = listed is not None
    blocks = _blocks(body_units, kinds, figure_at)
    article = Article.create(
        url=url,
        title=title,
        byline=byline,
        authors=tuple(a for a in _AUTHOR_SEPARATORS.split(byline or "") if a),
        date=date,
        blocks=blocks,
        comments=comments,
        warnings=warnings,
        kind=PageKind.LISTING if listing else PageKind.ARTICLE,
        # a cut is said in the status too, as in HTML mode (docs/limits.md); a page
        # without an article stays no_article there
        status=Status.TRUNCATED if warnings and blocks else Status.OK,
    )
    decisions = _decisions(body_units, kinds, listed)
    if zone is not None:
        decisions.append(
            Decision(
                "textdump",
                f"units {zone[0] + 1}-{zone[1]}: {units[zone[0]].text[:60]!r}",
                Verdict.COMMENT_SECTION,
                "comment header followed by comments, up to the reply form",
            )
        )
    return article, tuple(decisions)


def _fix_title(
    units: list[Unit], url: str | None, captions: frozenset[int], fixed: dict[int, UnitKind]
) -> Headline:
    """The title and where it stands, its lines fixed as such."""
    found = find_title(units, url, captions)
    if found.head_index is not None:
        fixed[found.head_index] = UnitKind.TITLE
    if found.heading_index is not None:
        fixed[found.heading_index] = UnitKind.TITLE
        if found.ends_header:
            # what precedes the story's own heading is the site's header and menus
            for index in range(found.heading_index):
                fixed.setdefault(index, UnitKind.BAD)
    return found


def _date_over_text(units: list[Unit], kinds: list[UnitKind], anchor: int) -> str | None:
    """The date over the story's first paragraph, when none stood by its heading."""
    first = next((i for i, k in enumerate(kinds) if k is UnitKind.GOOD and i > anchor), None)
    if first is None:
        return None
    found = date_before_text(units, first, anchor)
    return found[1] if found else None


def _byline_over_text(units: list[Unit], kinds: list[UnitKind], url: str | None) -> str | None:
    """The byline over the story's first paragraph, when none stood by its heading (a
    menu word the classifier kept is no paragraph)."""
    first = next(
        (i for i, k in enumerate(kinds) if k is UnitKind.GOOD and is_prose(units[i].text)), None
    )
    return None if first is None else byline_before_text(units, first, url)


def _fix_figures(
    units: list[Unit], figures: list[FigureAt], fixed: dict[int, UnitKind]
) -> dict[int, Figure]:
    """The figures by caption position, their caption, repeat and credit lines fixed."""
    figure_at: dict[int, Figure] = {}
    for found in figures:
        if any(fixed.get(i) not in (None,) for i in found.covered):
            continue
        figure_at[found.index] = found.figure
        for covered in found.covered:
            if covered == found.index:
                fixed[covered] = UnitKind.FIGURE
            elif units[covered].text == units[found.index].text:
                fixed[covered] = UnitKind.DUPLICATE
            else:
                fixed[covered] = UnitKind.CREDIT
    return figure_at


def _blocks(
    units: list[Unit], kinds: list[UnitKind], figure_at: dict[int, Figure]
) -> tuple[Block, ...]:
    """The article's paragraphs, headings and figures; a heading with nothing under it goes."""
    blocks: list[Block] = []
    for index, (unit, kind) in enumerate(zip(units, kinds, strict=True)):
        if kind in (UnitKind.GOOD, UnitKind.LEAD):
            blocks.append(Block(BlockKind.PARAGRAPH, text=unit.text))
        elif kind is UnitKind.HEADING:
            blocks.append(Block(BlockKind.HEADING, text=unit.text, level=2))
        elif kind is UnitKind.FIGURE and index in figure_at:
            figure = figure_at[index]
            blocks.append(Block(BlockKind.FIGURE, text=figure.caption or "", figure=figure))
    while blocks and blocks[-1].kind is BlockKind.HEADING:
        blocks.pop()
    return tuple(blocks)


def _decisions(units: list[Unit], kinds: list[UnitKind], listed: str | None) -> list[Decision]:
    """The verdict on each unit of the body, and on the page when it is a listing
    (``listed`` says why)."""
    decisions = [
        Decision("textdump", f"unit {i + 1}: {u.text[:60]!r}", *_VERDICTS[k])
        for i, (u, k) in enumerate(zip(units, kinds, strict=True))
        if k in _VERDICTS
    ]
    if listed is not None:
        decisions.append(Decision("textdump", "page", Verdict.BOILERPLATE, listed))
    return decisions


def _mark_repeats(units: list[Unit], fixed: dict[int, UnitKind]) -> None:
    """A line shown twice (caption as alt text, title as heading) is kept once."""
    seen: set[str] = set()
    for index, unit in enumerate(units):
        if not 20 <= len(unit.text) < LENGTH_HIGH:
            continue
        if unit.text in seen and index not in fixed:
            fixed[index] = UnitKind.DUPLICATE
        seen.add(unit.text)
