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
from articlekit.metadata.extract import Metadata
from articlekit.model import Block, PageKind
from articlekit.options import Options

__all__ = ["build_blocks", "explain_blocks", "inline_text"]


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
    return blocks, f"content cut after {cap:,} blocks (max_blocks)" if cut else None


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
