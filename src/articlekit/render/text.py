"""Plain text of an Article: the title, the main text and, if asked, the comments."""

from __future__ import annotations

from articlekit.model import Article, Comment
from articlekit.render.common import indent, thread

__all__ = ["to_text"]


def to_text(article: Article, *, comments: bool = False) -> str:
    """The Article as plain text: the title, a blank line, then ``Article.text``.

    ``Article.text`` is the main content only (blocks separated by a blank
    line).  With ``comments``, a "Comments" line follows, then each comment in
    thread order: a line with its author and date, then its text, replies
    indented two spaces per level.
    """
    parts = [article.title, article.text]
    if comments and article.comments:
        parts.append("Comments")
        parts.extend(_text_comment(c, depth) for c, depth in thread(article.comments))
    return "\n\n".join(p for p in parts if p)


def _text_comment(comment: Comment, depth: int) -> str:
    head = " · ".join(p for p in (comment.author, comment.date) if p)
    lines = [head, *comment.text.splitlines()] if head else comment.text.splitlines()
    return indent("\n".join(lines) or "(no text)", "  " * depth)
