"""Plain-text dumps of pages: the same Article from lines instead of a tree."""

from __future__ import annotations

from articlekit.model import Article, Block, BlockKind
from articlekit.options import Options

__all__ = ["parse_text_dump"]


def parse_text_dump(text: str, url: str | None, options: Options) -> Article:
    """An Article from a whole-page text dump (title line, body, comments, fine print)."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return Article.create(url=url, blocks=tuple(Block(BlockKind.PARAGRAPH, text=p) for p in paragraphs))
