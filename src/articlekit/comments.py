"""Stage 8 - comments: reader comments, cut out of the page before content is located."""

from __future__ import annotations

from lxml import html

from articlekit.model import Comment

__all__ = ["find_comment_sections", "extract_comments"]


def find_comment_sections(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements holding the page's comment threads (and their reply forms)."""
    return []


def extract_comments(sections: list[html.HtmlElement]) -> tuple[Comment, ...]:
    """One Comment per comment in ``sections``, in page order, replies with their parent."""
    return ()
