"""Declared authors that the page confirms, though its text does not print them.

A name only in ``<meta name=author>`` or JSON-LD is often the account that saved the
page, so it counts only with more evidence:

- the page links the person's own page, which the JSON-LD ``url`` of the author
  names: an avatar or a profile link whose text is a picture or "View profile"
  (:func:`linked_authors`);
- the page's three author declarations agree: ``<meta name=author>``, the schema.org
  author and the social card's "Written by" pair (``twitter:label1``/``twitter:data1``),
  which link previews print as the article's byline (:func:`agreed_authors`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from lxml import html

from articlekit.metadata.byline.names import clean_byline
from articlekit.metadata.byline.site import fold
from articlekit.metadata.byline.vocabulary import CARD_AUTHOR_LABEL
from articlekit.metadata.jsonld import JsonLd
from articlekit.metadata.tags import MetaTags

__all__ = ["agreed_authors", "linked_authors"]

_BODY_LINKS = "//body//a/@href"
_CARD_PAIRS = "1234"


def linked_authors(
    tree: html.HtmlElement, meta: MetaTags, article: Mapping[str, Any] | None, jsonld: JsonLd
) -> list[tuple[str, bool]]:
    """The declared persons whose own page (JSON-LD ``url``) the page links, each with
    whether that page is on another site than the article: a profile on a platform
    ("substack.com/@jdoe") names a person even when the publication bears her name."""
    page = meta.first("og:url") or ""
    home = _split(page)[0]
    return [
        (name, bool(home) and _split(url)[0] != home)
        for name, url in _linked(tree, list(_author_items(article, jsonld)), page)
    ]


def agreed_authors(meta: MetaTags, article: Mapping[str, Any] | None, jsonld: JsonLd) -> list[str]:
    """The declared authors when ``<meta name=author>``, the schema.org author and the
    social card's "Written by" pair all name them."""
    return _agreed(list(_author_items(article, jsonld)), meta)


def _author_items(article: Mapping[str, Any] | None, jsonld: JsonLd) -> Iterator[Mapping[str, Any]]:
    """The resolved schema.org objects of the article's ``author``."""
    value = article.get("author") if article is not None else None
    for item in value if isinstance(value, list) else [value]:
        item = jsonld.resolve(item)
        if isinstance(item, Mapping) and isinstance(item.get("name"), str):
            yield item


def _page_url(item: Mapping[str, Any]) -> str:
    # only ``url``: ``sameAs`` lists social profiles, which the site's footer may share
    url = item.get("url")
    return url if isinstance(url, str) and url.startswith("http") else ""


def _split(url: str) -> tuple[str, str]:
    """The host (without ``www.``) and path of a URL; empty for one that is malformed
    ("http://[::1"), as a hostile page may write."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "", ""
    return parts.netloc.lower().removeprefix("www."), parts.path


def _link_key(url: str) -> str:
    """A URL without scheme, ``www.`` and trailing slash; "" for a site's home page,
    which names the publisher, not a person."""
    host, path = _split(url)
    path = path.rstrip("/")
    return f"{host}{path}" if path else ""


def _linked(
    tree: html.HtmlElement, items: Sequence[Mapping[str, Any]], page: str
) -> list[tuple[str, str]]:
    """The names and page URLs of the ``items`` whose page the body links."""
    keyed = {_link_key(_page_url(item)): item for item in items}
    keyed.pop("", None)
    keyed.pop(_link_key(page), None)
    if not keyed:
        return []
    found = [
        keyed[key] for href in tree.xpath(_BODY_LINKS) if (key := _link_key(str(href))) in keyed
    ]
    unique = {id(item): item for item in found}.values()
    return [
        (author, _page_url(item))
        for item in unique
        for author in clean_byline(item["name"]).authors
    ]


def _folded(names: Sequence[str]) -> set[str]:
    return {" ".join(name.casefold().split()) for name in names}


def _slug_agrees(item: Mapping[str, Any]) -> bool:
    """False when the person's page is an account whose address names someone else:
    "/author/gerard/" displayed as the site's name is an account, not its author."""
    path = _split(_page_url(item))[1].strip("/")
    slug = path.rsplit("/", 1)[-1].casefold() if path else ""
    words = [word for word in re.split(r"[^\w]+|_", slug) if len(word) >= 3]
    if not words:
        return True
    name = fold(item["name"])
    return any(word in name for word in words)


def _agreed(items: Sequence[Mapping[str, Any]], meta: MetaTags) -> list[str]:
    if not all(_slug_agrees(item) for item in items):
        return []
    declared = [name for item in items for name in clean_byline(item["name"]).authors]
    card = [
        name
        for number in _CARD_PAIRS
        if CARD_AUTHOR_LABEL.match(meta.first(f"twitter:label{number}") or "")
        for value in meta.all(f"twitter:data{number}")
        for name in clean_byline(value).authors
    ]
    tagged = [name for value in meta.all("author") for name in clean_byline(value).authors]
    if declared and _folded(declared) == _folded(card) == _folded(tagged):
        return declared
    return []
