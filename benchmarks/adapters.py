"""Extractor adapters of the quality benchmark: one normalized result per page.

Each adapter is built once per worker process (imports and setup are not timed)
and then called once per page with the page's raw bytes and its URL.  Peers get
their best documented settings, and bytes where they accept bytes; the others
get text decoded by :func:`decode_html`.  The peers come from the optional extra
``bench`` (``pip install -e .[bench]``); trafilatura is a core dependency.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ADAPTERS",
    "FIELDS",
    "TEXT_ADAPTERS",
    "Result",
    "decode_html",
    "make_adapter",
]

FIELDS = ("body", "title", "byline", "date", "comments", "captions", "structure")


@dataclass(frozen=True, slots=True)
class Result:
    """What an extractor returned for one page, normalized for scoring."""

    body: str = ""
    title: str = ""
    byline: str = ""
    date: str = ""
    comments: str = ""
    captions: tuple[str, ...] = field(default=())
    links: tuple[tuple[str, str], ...] = field(default=())
    """(text, href) of each link in the main text (extractors that give them)."""
    code_lines: tuple[str, ...] = field(default=())
    cells: tuple[str, ...] = field(default=())
    kind: str = ""
    """The page kind the extractor names ("" when it names none)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form (sent between processes and saved)."""
        return {
            "body": self.body,
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "comments": self.comments,
            "captions": list(self.captions),
            "links": [list(link) for link in self.links],
            "code_lines": list(self.code_lines),
            "cells": list(self.cells),
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Result:
        """Inverse of :meth:`to_dict`."""
        return cls(
            body=data.get("body") or "",
            title=data.get("title") or "",
            byline=data.get("byline") or "",
            date=data.get("date") or "",
            comments=data.get("comments") or "",
            captions=tuple(data.get("captions") or ()),
            links=tuple((str(t), str(h)) for t, h in data.get("links") or ()),
            code_lines=tuple(data.get("code_lines") or ()),
            cells=tuple(data.get("cells") or ()),
            kind=data.get("kind") or "",
        )


Extract = Callable[[bytes, str | None], Result]
"""An adapter: (page bytes or dump text as UTF-8, url) -> Result."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(rb"""<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2})""", re.I)


def decode_html(data: bytes) -> str:
    """Bytes to text for peers that want ``str``: BOM, then UTF-8 when the bytes are valid
    UTF-8 (saved pages often keep a stale ``<meta>`` charset after conversion), then the
    ``<meta>`` charset, then cp1252 (what browsers assume for undeclared Western pages)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _date_of(value: Any) -> str:
    if value is None or value == "":
        return ""
    if hasattr(value, "strftime"):
        return str(value.strftime("%Y-%m-%d"))
    match = re.search(r"\d{4}-\d{2}-\d{2}", str(value))
    return match.group(0) if match else ""


def _articlekit(text_mode: bool = False) -> Extract:
    import articlekit
    from benchmarks.quality_structure import extracted_structure

    options = articlekit.Options(mode="text") if text_mode else articlekit.Options()

    def extract(data: bytes, url: str | None) -> Result:
        source: bytes | str = data.decode("utf-8") if text_mode else data
        article = articlekit.parse(source, url=url, options=options)
        structure = extracted_structure(article)
        return Result(
            body=article.text,
            title=article.title or "",
            byline=article.byline or "; ".join(article.authors),
            date=article.date or "",
            comments="\n".join(c.text for c in article.comments),
            captions=tuple(
                " ".join(part for part in (f.caption, f.credit) if part)
                for f in article.figures
                if f.caption or f.credit
            ),
            links=structure.links,
            code_lines=structure.code_lines,
            cells=structure.cells,
            kind=getattr(article, "kind", ""),
        )

    return extract


def _trafilatura() -> Extract:
    import trafilatura

    def extract(data: bytes, url: str | None) -> Result:
        out = trafilatura.extract(
            data,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=True,
            include_tables=True,
        )
        if not out:
            return Result()
        doc = json.loads(out)
        return Result(
            body=doc.get("text") or "",
            title=doc.get("title") or "",
            byline=doc.get("author") or "",
            date=_date_of(doc.get("date")),
            comments=doc.get("comments") or "",
        )

    return extract


def _readability() -> Extract:
    import html_text
    from readability import Document  # type: ignore[import-untyped]

    def extract(data: bytes, url: str | None) -> Result:
        doc = Document(data, url=url)
        summary = doc.summary(html_partial=True)
        return Result(body=html_text.extract_text(summary), title=doc.short_title() or "")

    return extract


def _newspaper() -> Extract:
    import newspaper  # type: ignore[import-untyped]

    config = newspaper.Config()
    config.fetch_images = False
    config.memorize_articles = False

    def extract(data: bytes, url: str | None) -> Result:
        article = newspaper.Article(url or "http://example.com/", config=config)
        article.download(input_html=decode_html(data))
        article.parse()
        return Result(
            body=article.text or "",
            title=article.title or "",
            byline="; ".join(article.authors or ()),
            date=_date_of(article.publish_date),
        )

    return extract


def _goose() -> Extract:
    from goose3 import Goose  # type: ignore[import-untyped]

    goose = Goose({"enable_image_fetching": False, "http_timeout": 0.01})

    def extract(data: bytes, url: str | None) -> Result:
        article = goose.extract(url=url, raw_html=decode_html(data))
        date = _date_of(article.publish_datetime_utc) or _date_of(article.publish_date)
        return Result(
            body=article.cleaned_text or "",
            title=article.title or "",
            byline="; ".join(article.authors or ()),
            date=date,
        )

    return extract


def _resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(data: bytes, url: str | None) -> Result:
        tree = HTMLTree.parse(bytes_to_str(data, detect_encoding(data) or "utf-8"))
        body = extract_plain_text(tree, main_content=True)
        return Result(body=body or "", title=tree.title or "")

    return extract


# jusText needs a stoplist; <html lang> picks it, English when a page declares none.
_JUSTEXT_LANGS = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "cs": "Czech",
    "sv": "Swedish",
    "da": "Danish",
    "fi": "Finnish",
    "tr": "Turkish",
    "ja": "English",
    "zh": "English",
}


def _justext() -> Extract:
    import justext  # type: ignore[import-untyped]

    stoplists = {name: justext.get_stoplist(name) for name in set(_JUSTEXT_LANGS.values())}

    def extract(data: bytes, url: str | None) -> Result:
        match = _HTML_LANG.search(data[:8192])
        lang = match.group(1).decode("ascii").lower() if match else "en"
        stoplist = stoplists[_JUSTEXT_LANGS.get(lang, "English")]
        paragraphs = justext.justext(data, stoplist)
        return Result(body="\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return extract


def _boilerpy() -> Extract:
    from boilerpy3 import extractors  # type: ignore[import-untyped]

    extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def extract(data: bytes, url: str | None) -> Result:
        doc = extractor.get_doc(decode_html(data))
        return Result(body=doc.content or "", title=doc.title or "")

    return extract


def _html_text() -> Extract:
    import html_text

    def extract(data: bytes, url: str | None) -> Result:
        return Result(body=html_text.extract_text(decode_html(data), guess_layout=True))

    return extract


def _dump() -> Extract:
    def extract(data: bytes, url: str | None) -> Result:
        return Result(body=data.decode("utf-8"))

    return extract


ADAPTERS: dict[str, tuple[Callable[[], Extract], frozenset[str]]] = {
    "articlekit": (_articlekit, frozenset(FIELDS)),
    "trafilatura": (_trafilatura, frozenset({"body", "title", "byline", "date", "comments"})),
    "readability": (_readability, frozenset({"body", "title", "captions"})),
    "newspaper4k": (_newspaper, frozenset({"body", "title", "byline", "date"})),
    "goose3": (_goose, frozenset({"body", "title", "byline", "date"})),
    "resiliparse": (_resiliparse, frozenset({"body", "title"})),
    "justext": (_justext, frozenset({"body"})),
    "boilerpy3": (_boilerpy, frozenset({"body", "title"})),
    "html_text": (_html_text, frozenset({"body"})),
}
"""HTML-mode extractors: name -> (factory, fields the tool gives)."""

TEXT_ADAPTERS: dict[str, tuple[Callable[[], Extract], frozenset[str]]] = {
    "articlekit": (lambda: _articlekit(text_mode=True), frozenset(FIELDS)),
    "dump": (_dump, frozenset({"body"})),
}
"""Text-mode extractors, fed the whole-page dump as UTF-8 bytes."""


def make_adapter(name: str, text_mode: bool = False) -> Extract:
    """Build the adapter ``name`` (imports its library)."""
    table = TEXT_ADAPTERS if text_mode else ADAPTERS
    return table[name][0]()
