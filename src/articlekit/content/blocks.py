"""Blocks: the main-content element as typed blocks in reading order.

One walk over the content tree.  Block-level elements end the current run of
inline text (so a ``div`` with direct text is a paragraph, and a ``<br><br>``
ends one); headings, lists, code, quotes, tables and figures become typed
blocks.  The heading that repeats the article title and the visible
byline/dateline lines are left out: they are metadata, not body text.

Modules: :mod:`.walker` makes the blocks, :mod:`.metadata_lines` leaves out the
lines that repeat the metadata, :mod:`.residue` the template residue at the end.
"""

from __future__ import annotations

from lxml import html

from articlekit.content.figures import page_base_url
from articlekit.content.inline import span_kinds
from articlekit.content.metadata_lines import drop_metadata_lines
from articlekit.content.residue import (
    drop_repeated_blocks,
    drop_repeated_headings,
    drop_residue_lines,
    drop_trailing_headings,
)
from articlekit.content.walker import Walker, inline_text
from articlekit.input.elements import text_of
from articlekit.input.treelimits import cut_from
from articlekit.metadata.extract import Metadata
from articlekit.model import Block, PageKind
from articlekit.options import Options

__all__ = ["build_blocks", "cut_after_blocks", "explain_blocks", "inline_text"]


def build_blocks(
    root: html.HtmlElement | None,
    metadata: Metadata,
    options: Options,
    kind: PageKind = PageKind.ARTICLE,
) -> tuple[Block, ...]:
    """Typed blocks (paragraphs, headings, lists, ...) of the main-content element;
    on a product page (``kind``) without the copies of a paragraph that its sliders and
    per-screen layouts repeat."""
    return explain_blocks(root, metadata, options, kind)[0]


def explain_blocks(
    root: html.HtmlElement | None,
    metadata: Metadata,
    options: Options,
    kind: PageKind = PageKind.ARTICLE,
) -> tuple[tuple[Block, ...], str | None]:
    """Like :func:`build_blocks`, and the warning when the walk stopped at
    ``Limits.max_blocks`` (None when it read the whole element)."""
    if root is None:
        return (), None
    if _has_invisible(root):
        _drop_invisible_marks(root)
    cap = options.limits.max_blocks
    base = page_base_url(root, metadata.url)
    walker = Walker(base, options.figures, span_kinds(options), max_blocks=cap)
    walker.container(root)
    walker.flush()
    cut = walker.cut or len(walker.blocks) > cap
    blocks = drop_metadata_lines(walker.blocks[:cap], metadata, walker.deks)
    blocks = drop_residue_lines(blocks)
    if kind is PageKind.PRODUCT:
        # elsewhere a text shown twice is meant twice as often as not (a service page's
        # summary and its section, a reference's parameters that share a description)
        blocks = drop_repeated_blocks(blocks)
    blocks = drop_trailing_headings(drop_repeated_headings(blocks))
    return blocks, _cut_warning(cap) if cut else None


def _cut_warning(max_blocks: int) -> str:
    """The warning of a content cut at ``max_blocks``, before or during the walk."""
    return f"content cut after {max_blocks:,} blocks (max_blocks)"


# The elements that each hold a block's text of their own (a paragraph, a heading, a
# list item, a definition, code, a quote).  The dev corpora's pages hold at most 2,252
# (modern-2026-dev 0203), the default max_blocks is 10,000; table cells and divs are
# left out: one page's data table has 6,000 cells.
_TEXT_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote")


def cut_after_blocks(tree: html.HtmlElement, max_blocks: int) -> str | None:
    """Cut ``tree`` before its element number ``max_blocks + 1`` that holds a block's
    text of its own (a paragraph, heading, list item, ...): the warning, the same as the
    walk's in :func:`explain_blocks`; None when it holds no more than ``max_blocks``.

    The walk that makes blocks stops at ``max_blocks`` anyway: cut before the content
    stage, a page of 100,000 paragraphs is no longer scored, gathered and cleaned whole
    for blocks nobody reads.  One walk over the tree that stops at the cut.
    """
    counted = 0
    for element in tree.iter(*_TEXT_BLOCK_TAGS):
        if _holds_text(element):
            counted += 1
            if counted > max_blocks:
                cut_from(tree, element)
                return _cut_warning(max_blocks)
    return None


def _holds_text(element: html.HtmlElement) -> bool:
    """Whether ``element`` holds text of its own (not only inside its children)."""
    if element.text and not element.text.isspace():
        return True
    return any(child.tail and not child.tail.isspace() for child in element)


# soft hyphens (hyphenation points), zero-width spaces (break points) and byte-order
# marks are invisible: kept, they split words ("Mit\u00adtel\u00adal\u00adter") for search
_INVISIBLE = "\u00ad\u200b\ufeff"
# A character reference such as "&#8;" puts a control character into the tree, and lxml
# refuses to store text holding one: those go too, so the text can be written back.
_NOT_XML = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
_INVISIBLE_MAP = dict.fromkeys([*map(ord, _INVISIBLE), *_NOT_XML])


def _has_invisible(root: html.HtmlElement) -> bool:
    """Whether a text under ``root`` holds an invisible mark.  One copy of the whole text
    and three C-level scans of it: an XPath testing each text node with ``contains()``
    copied every node three times, about five times slower."""
    text = text_of(root)
    return any(mark in text for mark in _INVISIBLE)


def _drop_invisible_marks(root: html.HtmlElement) -> None:
    """Remove the invisible marks from every text and tail under ``root``, in place."""
    for element in root.iter():
        if element.text:
            element.text = element.text.translate(_INVISIBLE_MAP)
        if element.tail:
            element.tail = element.tail.translate(_INVISIBLE_MAP)
