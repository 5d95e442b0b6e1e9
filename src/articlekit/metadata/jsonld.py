"""JSON-LD blocks of a page: tolerant parsing and the schema.org objects they describe.

Pages embed JSON-LD written by hand or by plugins, so a block may carry trailing
commas, raw control characters, HTML comments or CDATA wrappers; each of those
is repaired before giving up on a block.  ``@graph`` containers and top-level
lists are flattened into one sequence of objects, and ``@id`` references
(``"author": {"@id": "#person-1"}``) are resolved against that sequence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from lxml import html

__all__ = ["ARTICLE_TYPES", "JsonLd", "parse_jsonld"]

#: schema.org types whose object describes the article itself, best first.
ARTICLE_TYPES = (
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "liveblogposting",
    "blogposting",
    "socialmediaposting",
    "article",
    "scholarlyarticle",
    "techarticle",
    "report",
    "posting",
    "review",
    "recipe",
    "howto",
    "creativework",
)
_PAGE_TYPES = (
    "videoobject",
    "webpage",
    "itempage",
    "aboutpage",
    "collectionpage",
    "profilepage",
    "qapage",
)

_COMMENT = re.compile(r"<!--.*?-->|^\s*<!\[CDATA\[|\]\]>\s*$", re.DOTALL)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_BLOCK_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The schema.org objects of a page, flattened, with ``@id`` lookup."""

    objects: tuple[Mapping[str, Any], ...] = ()

    def resolve(self, value: Any) -> Any:
        """``value`` itself, or the object its ``@id`` reference points to."""
        if isinstance(value, Mapping) and set(value) <= {"@id", "@type"} and "@id" in value:
            target = value["@id"]
            for obj in self.objects:
                if obj.get("@id") == target and obj is not value and len(obj) > len(value):
                    return obj
        return value

    def of_types(self, types: tuple[str, ...]) -> list[Mapping[str, Any]]:
        """Objects whose ``@type`` is one of ``types`` (lower case), best type first."""
        ranked: list[tuple[int, int, Mapping[str, Any]]] = []
        for position, obj in enumerate(self.objects):
            rank = min((types.index(t) for t in type_names(obj) if t in types), default=None)
            if rank is not None:
                ranked.append((rank, position, obj))
        return [obj for _, _, obj in sorted(ranked, key=lambda item: (item[0], item[1]))]

    def article(self) -> Mapping[str, Any] | None:
        """The object describing the article: an Article type, else a WebPage."""
        articles = self.of_types(ARTICLE_TYPES)
        with_headline = [obj for obj in articles if obj.get("headline") or obj.get("name")]
        if with_headline:
            return with_headline[0]
        if articles:
            return articles[0]
        pages = self.of_types(_PAGE_TYPES)
        return pages[0] if pages else None


def type_names(obj: Mapping[str, Any]) -> list[str]:
    """The lower-case ``@type`` names of ``obj`` (a type may be a list or a URL)."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)]


# the letters the type test folds (as XPath's translate() did), read-only
_ASCII_LOWER = MappingProxyType(str.maketrans("LDJSON", "ldjson"))


def parse_jsonld(tree: html.HtmlElement) -> JsonLd:
    """All JSON-LD objects of ``tree``; blocks that cannot be repaired are skipped."""
    objects: list[Mapping[str, Any]] = []
    # a walk by tag in C and a test in Python: a third cheaper than the same as XPath
    for script in tree.getroottree().iter("script"):
        if "ld+json" not in (script.get("type") or "").translate(_ASCII_LOWER):
            continue
        text = script.text
        if not text or len(text) > _MAX_BLOCK_CHARS:
            continue
        data = _loads(text)
        if data is not None:
            objects.extend(_flatten(data, 0))
    return JsonLd(tuple(objects))


def _loads(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):  # hostile: nested 100,000 deep
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", _COMMENT.sub("", text)).strip().rstrip(";")
    repaired = _CONTROL.sub(" ", repaired)
    try:
        return json.loads(repaired, strict=False)
    except (ValueError, RecursionError):  # hostile: nested 100,000 deep
        pass
    # Several objects written one after another, or junk after the first one.
    decoder = json.JSONDecoder(strict=False)
    items: list[Any] = []
    position = 0
    while position < len(repaired):
        start = repaired.find("{", position)
        if start < 0:
            break
        try:
            item, position = decoder.raw_decode(repaired, start)
        except (ValueError, RecursionError):  # hostile: nested 100,000 deep
            break
        items.append(item)
    return items or None


def _flatten(data: Any, depth: int) -> Iterator[Mapping[str, Any]]:
    """Every object carrying an ``@type``, depth first, containers first."""
    if depth > 12:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, Mapping):
        if "@type" in data:
            yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph, depth + 1)
        for key in ("mainEntity", "mainEntityOfPage"):
            nested = data.get(key)
            if isinstance(nested, (Mapping, list)):
                yield from _flatten(nested, depth + 1)
