"""Rendering an Article as Markdown, plain text or safe HTML."""

from __future__ import annotations

from articlekit.model import Article

__all__ = ["to_markdown", "to_text", "to_html"]


def to_text(article: Article) -> str:
    """Title, then the main text."""
    return "\n\n".join(t for t in (article.title, article.text) if t)


def to_markdown(article: Article) -> str:
    """Markdown of the Article."""
    return to_text(article)


def to_html(article: Article) -> str:
    """Safe HTML of the Article."""
    return ""
