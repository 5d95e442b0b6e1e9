"""``<meta>`` tags of a page, indexed by name, in one pass.

Open Graph uses ``property``, Twitter cards and most others ``name``, microdata
``itemprop`` and some servers ``http-equiv``; all four are folded into one
lower-case key space so that extractors can ask for ``og:title`` or
``article:published_time`` without caring which attribute the page used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from lxml import html

__all__ = ["MetaTags", "collect_meta"]

_KEY_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")


@dataclass(frozen=True, slots=True)
class MetaTags:
    """Contents of the page's ``<meta>`` tags by lower-case key, in page order."""

    values: Mapping[str, tuple[str, ...]]

    def first(self, *keys: str) -> str | None:
        """The first non-empty content among ``keys``, tried in the order given."""
        for key in keys:
            for value in self.values.get(key, ()):
                if value:
                    return value
        return None

    def all(self, *keys: str) -> list[str]:
        """Every non-empty content of ``keys``, in the order of ``keys``."""
        return [value for key in keys for value in self.values.get(key, ()) if value]


def collect_meta(tree: html.HtmlElement) -> MetaTags:
    """Index the ``<meta>`` tags of ``tree`` that carry a ``content``."""
    found: dict[str, list[str]] = {}
    metas = tree.xpath("/html/head/meta[@content]")
    if len(metas) < 3:
        # A stray element in <head> makes the parser open <body> early, and the
        # rest of the head's tags land there: then look everywhere.
        metas = [m for m in tree.getroottree().iter("meta") if m.get("content") is not None]
    for meta in metas:
        content = meta.get("content")
        if content is None:
            continue
        content = " ".join(content.split())
        for attribute in _KEY_ATTRIBUTES:
            key = meta.get(attribute)
            if key:
                for part in key.lower().split():
                    found.setdefault(part, []).append(content)
    return MetaTags(MappingProxyType({key: tuple(values) for key, values in found.items()}))
