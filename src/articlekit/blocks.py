"""Stage 6 - blocks: the main-content element as typed blocks in reading order."""

from __future__ import annotations

from lxml import html

from articlekit.metadata import Metadata
from articlekit.model import Block, BlockKind
from articlekit.options import Options

__all__ = ["build_blocks"]


def build_blocks(root: html.HtmlElement | None, metadata: Metadata, options: Options) -> tuple[Block, ...]:
    """Typed blocks (paragraphs, headings, lists, ...) of the main-content element."""
    if root is None:
        return ()
    return tuple(
        Block(BlockKind.PARAGRAPH, text=" ".join(p.text_content().split()))
        for p in root.iter("p")
        if p.text_content().strip()
    )
