"""Options: one frozen, typed object passed down through every stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DEFAULT_LIMITS", "Limits", "Mode", "Options"]

Mode = Literal["auto", "html", "text"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep one hostile page from taking unbounded time or memory.

    Input beyond a limit is cut (and the Article gets ``Status.TRUNCATED`` and a
    warning) or refused with :class:`articlekit.LimitExceeded`; see ``docs/limits.md``.
    """

    max_input_bytes: int = 64 * 1024 * 1024
    """Raw bytes read from a source; larger input is cut to this size."""
    max_decompressed_bytes: int = 64 * 1024 * 1024
    """Bytes inflated from a ``.gz`` source; a bigger gzip stream is cut here."""
    max_text_chars: int = 32 * 1024 * 1024
    """Characters of decoded text handed to the HTML or text parser."""
    max_nodes: int = 100_000
    """Elements kept in the tree; the rest of a larger document is dropped.

    Of 879 real pages in the shared corpora the median has 700 elements and the
    largest 10,000; every stage walks the tree, so this bounds the time of a
    page.  The markup given to the parser is also cut after ten tags per
    allowed element, which bounds the parser's own memory."""
    max_depth: int = 128
    """Element nesting kept in the tree (the root is level 1); deeper elements
    are flattened into their ancestor, their text kept.  The same 879 pages nest
    17 deep (median) and 43 at most; stages that look at every ancestor of
    every element cost depth times size, and recursive walks stay far from
    Python's recursion limit."""
    max_blocks: int = 10_000
    """Blocks (paragraphs, headings, lists, ...) of the main content kept; the page is
    cut before the content stage after this many elements holding a block's text of
    their own, and the walk over the content element stops there.  The 1,389 dev
    corpus pages have at most 1,258 blocks (2,252 such elements); a page of
    ``max_nodes`` one-line paragraphs would otherwise spend most of its time scoring
    them and making, and writing out, blocks."""
    max_attributes: int = 1_000
    """Attributes of one tag; a start tag with more is dropped before parsing
    (libxml2 takes time quadratic in the attributes of a tag)."""
    max_dump_lines: int = 20_000
    """Lines of a plain-text dump kept (after hard-wrapped paragraphs are joined);
    the rest is cut.  The 1,389 corpus pages dumped as text have 30 to 3,000 lines;
    the lines read to find them are bounded too, at ten times this."""
    max_dump_line_chars: int = 100_000
    """Characters of one line (or joined paragraph) of a plain-text dump kept; the
    rest of the line is cut.  A real paragraph has a few thousand."""


DEFAULT_LIMITS = Limits()
"""The default limits (an immutable value, shared freely)."""


@dataclass(frozen=True, slots=True)
class Options:
    """How :func:`articlekit.parse` reads a page.

    Every field has a documented default; pass ``Options(mode="text")`` and the
    like.  Options are immutable and hashable, so they can be shared freely.
    """

    mode: Mode = "auto"
    """``"html"`` or ``"text"`` forces how the page is read; ``"auto"`` detects it."""
    comments: bool = True
    """Extract reader comments into ``Article.comments``."""
    figures: bool = True
    """Extract figures (image, caption, credit)."""
    links: bool = True
    """Keep the links of the text as ``link`` spans (``Block.inline`` and friends)."""
    formatting: bool = True
    """Keep emphasis, strong, inline code, superscripts and subscripts as spans."""
    limits: Limits = DEFAULT_LIMITS
    """Size and shape bounds; see :class:`Limits`."""
