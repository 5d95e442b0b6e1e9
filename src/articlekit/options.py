"""Options: one frozen, typed object passed down through every stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Limits", "Options", "Mode"]

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
    max_nodes: int = 1_000_000
    """Elements kept in the tree; the rest of a larger document is dropped."""
    max_depth: int = 256
    """Element nesting kept in the tree; deeper elements are flattened."""


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
    limits: Limits = Limits()
    """Size and shape bounds; see :class:`Limits`."""
