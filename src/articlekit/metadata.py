"""Stage 4 - metadata: title, byline, date, site name and the rest, from a page tree."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html

__all__ = ["Metadata", "extract_metadata"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself."""

    url: str | None = None
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site_name: str | None = None
    description: str | None = None
    lang: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()


def extract_metadata(tree: html.HtmlElement, url: str | None = None) -> Metadata:
    """Metadata of the page ``tree`` (whose comment sections are already cut out)."""
    title = tree.findtext(".//title")
    return Metadata(url=url, title=title.strip() if title else None, lang=tree.get("lang"))
