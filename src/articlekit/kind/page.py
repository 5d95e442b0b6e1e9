"""What the kind stage reads of a page's markup, gathered once for every reader.

The template names of a page sit in a few places: the ``<html>`` and ``<body>``
elements and the wrappers just below body, ``<meta name=generator>``, the scripts
and style sheets it loads, its address (:class:`PageMarkup`, cheap to read) and the
class attributes of all its elements (:class:`ClassNames`, a scan of the whole
page, read only when the cheap evidence leaves the kind open).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import cast
from urllib.parse import urlsplit

from lxml import etree, html

from articlekit.metadata.tags import MetaTags

__all__ = ["ClassNames", "PageMarkup", "address_markup", "read_class_names", "read_markup"]

# attributes of the root elements that say nothing about the template (and can be long)
_SKIPPED_ROOT_ATTRIBUTES = frozenset(("style", "onload", "xmlns", "lang", "dir", "xml:lang"))
_MAX_ROOT_VALUE = 80
_MAX_WRAPPERS = 60

_CLASSES = etree.XPath("//@class", smart_strings=False)
_ITEMTYPES = etree.XPath("//@itemtype", smart_strings=False)


def _strings(query: etree.XPath, tree: html.HtmlElement) -> list[str]:
    """The attribute values an attribute query finds (plain strings, as asked for)."""
    return cast("list[str]", query(tree))


@dataclass(frozen=True, slots=True)
class PageMarkup:
    """The markup facts of a page that name its template, all in lower case."""

    #: class tokens, the id and ``name=value`` of the other attributes of ``<html>``
    #: and ``<body>``
    root: frozenset[str]
    #: class tokens and ids of body's own element children (the page's wrappers)
    wrappers: frozenset[str]
    #: the contents of ``<meta name=generator>``
    generators: tuple[str, ...]
    #: every ``itemtype`` of the page, one string per element (a list of URLs)
    itemtypes: tuple[str, ...]
    #: the ``src`` of every script and the ``href`` of every link element
    assets: tuple[str, ...]
    #: every ``og:type`` the page declares (a plugin may add its own beside the theme's)
    og_types: tuple[str, ...]
    #: the path of the page's URL (the caller's, else its canonical one; "/" for a
    #: site's root), or "" when the page's address is not known
    path: str
    #: ``//host/path`` of the page's URL, or ""
    address: str
    #: the query of the page's URL ("id=123"), or ""
    query: str = ""


def address_markup(url: str | None) -> PageMarkup:
    """The :class:`PageMarkup` of a page known only by its address (a text dump)."""
    path, address, query = _split_address(url)
    empty: frozenset[str] = frozenset()
    return PageMarkup(empty, empty, (), (), (), (), path, address, query)


def read_markup(tree: html.HtmlElement, meta: MetaTags, url: str | None) -> PageMarkup:
    """The :class:`PageMarkup` of ``tree``, whose ``<meta>`` tags are ``meta``."""
    path, address, query = _address(tree, meta, url)
    return PageMarkup(
        root=frozenset(_root_tokens(tree)),
        wrappers=frozenset(_wrapper_tokens(tree)),
        generators=tuple(value.lower() for value in meta.all("generator")),
        itemtypes=tuple(value.lower() for value in _strings(_ITEMTYPES, tree)),
        assets=_assets(tree),
        og_types=tuple(dict.fromkeys(value.strip().lower() for value in meta.all("og:type"))),
        path=path,
        address=address,
        query=query,
    )


@dataclass(frozen=True, slots=True)
class ClassNames:
    """The class attributes of a page's elements, all in lower case."""

    #: every distinct class attribute, and on how many elements it stands
    values: Mapping[str, int]
    #: every class token
    tokens: frozenset[str]

    def count(self, fragment: str) -> int:
        """How often ``fragment`` (lower case) occurs in the page's class attributes."""
        return sum(count * value.count(fragment) for value, count in self.values.items())


def read_class_names(tree: html.HtmlElement) -> ClassNames:
    """The :class:`ClassNames` of ``tree``: one scan of the whole page."""
    # a page repeats its class attributes: count the distinct ones in C, fold case once each
    counts: dict[str, int] = {}
    for value, count in Counter(_strings(_CLASSES, tree)).items():
        value = value.lower()
        counts[value] = counts.get(value, 0) + count
    tokens = frozenset(token for value in counts for token in value.split())
    return ClassNames(MappingProxyType(counts), tokens)


def _root_tokens(tree: html.HtmlElement) -> set[str]:
    roots: list[etree._Element] = [tree]
    body = tree.find("body")
    if body is not None:
        roots.append(body)
    tokens: set[str] = set()
    for element in roots:
        for name, value in element.items():
            name = str(name).lower()
            if name == "class":
                tokens.update(str(value).lower().split())
            elif name == "id":
                tokens.add(str(value).strip().lower())
            elif name not in _SKIPPED_ROOT_ATTRIBUTES and len(value) <= _MAX_ROOT_VALUE:
                tokens.add(f"{name}={str(value).strip().lower()}")
    tokens.discard("")
    return tokens


def _wrapper_tokens(tree: html.HtmlElement) -> set[str]:
    body = tree.find("body")
    tokens: set[str] = set()
    for child in body[:_MAX_WRAPPERS] if body is not None else ():
        if isinstance(child.tag, str):
            tokens.update((child.get("class") or "").lower().split())
            tokens.add((child.get("id") or "").strip().lower())
    tokens.discard("")
    return tokens


def _assets(tree: html.HtmlElement) -> tuple[str, ...]:
    # a walk by tag in C: a union of two XPaths would merge the node sets quadratically
    found: list[str] = []
    for element in tree.iter("script", "link"):
        value = element.get("src" if element.tag == "script" else "href")
        if value:
            found.append(value.lower())
    return tuple(found)


def _address(tree: html.HtmlElement, meta: MetaTags, url: str | None) -> tuple[str, str, str]:
    """``path``, ``address`` and ``query`` of the page's URL: the caller's, else the one the page
    declares (``og:url``, ``<link rel=canonical>``)."""
    address = url or meta.first("og:url")
    if not address:
        canonical = tree.find("head/link[@rel='canonical']")
        address = canonical.get("href") if canonical is not None else None
    return _split_address(address)


def _split_address(address: str | None) -> tuple[str, str, str]:
    try:
        parts = urlsplit((address or "").strip().lower())
    except ValueError:  # a malformed address ("http://[::1") names no path
        return "", "", ""
    if not parts.netloc:
        return "", "", ""
    path = parts.path or "/"
    return path, f"//{parts.netloc}{path}", parts.query
