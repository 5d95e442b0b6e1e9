"""Structure metrics of the quality benchmark: links, code lines, table cells (issue 13 §2).

readability-testpages stores the expected output as plain text only (``body``:
one line per text block of Readability.js's ``expected.html``).  The expected
links, code and tables are therefore read from the *source* page, kept only
where the expected body shows them:

1. The article element: the page is decoded as the benchmark decodes it for
   peers (``adapters.decode_html``); among its container elements (article, main,
   section, div, td, body) that hold at least 90 % of the expected body that the
   best of them holds (body lines, weighted by length, found in the element's
   whitespace-collapsed text), the one with the shortest text.
2. Links: every ``<a href>`` in it with non-empty text that the expected body
   shows in its place: the link text with up to 15 characters of its block's
   text on either side (the nearest p, li, td, th, dd, dt, heading, blockquote,
   pre or figcaption) occurs in the expected body; as (text, href).  The corpus
   has no page URLs, so ``href`` is resolved against the address the page
   declares: ``<base href>``, made absolute with its canonical link or else its
   ``og:url`` (an extractor that resolves links against the page's own address
   gives the same); fragment-only (``#x``) and non-web (``javascript:``,
   ``mailto:``) targets are left out, as a reader cannot follow them from an
   extract.
3. Code lines: the non-blank lines (stripped) of each ``<pre>`` in it whose text
   occurs in the expected body.
4. Table cells: the text of each ``td``/``th`` of its tables (no table inside, not
   ``role=presentation``) that holds no block (p, div, list, heading, pre) and
   whose text occurs in the expected body.

Scores are corpus totals of multiset matches: link recall = matched (text, href)
pairs / expected links, link precision = matched / links articlekit gave; code
line recall over the code lines of code blocks; cell recall over the cells of
table blocks.  ``link_recall_in_text`` counts only the expected links whose text
(in its place) the extracted body holds, so that links lost with their text
(a body miss, already scored by body recall) are told from links lost as links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from benchmarks.quality_metrics import collapse_ws

__all__ = ["Structure", "extracted_structure", "score_structure", "structure_truth"]

_COVERAGE = 0.9
_MIN_SHARE = 0.3
_CONTAINERS = frozenset(["article", "main", "section", "div", "td", "body", "center", "font"])
_BLOCKS = frozenset(
    [
        "p",
        "li",
        "td",
        "th",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figcaption",
    ]
)
_CELL_BLOCKS = "boolean(.//p or .//div or .//ul or .//ol or .//pre or .//table or .//h1 or .//h2)"


@dataclass(frozen=True, slots=True)
class Structure:
    """Links as (text, href), code lines and table cells of a page."""

    links: tuple[tuple[str, str], ...] = ()
    code_lines: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    link_contexts: tuple[str, ...] = ()
    """Truth only: each link's text in its place (see the module docstring)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "links": [list(link) for link in self.links],
            "code_lines": list(self.code_lines),
            "cells": list(self.cells),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Structure:
        data = data or {}
        return cls(
            links=tuple((str(t), str(h)) for t, h in data.get("links") or ()),
            code_lines=tuple(data.get("code_lines") or ()),
            cells=tuple(data.get("cells") or ()),
        )


def _href(href: str | None, base: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    if base:
        try:
            href = urljoin(base, href)
        except ValueError:
            return None
    head = href.split("/", 1)[0]
    if ":" in head and head.split(":", 1)[0].lower() not in ("http", "https"):
        return None
    return href


def structure_truth(html: bytes, body: str | None) -> Structure:
    """The expected links, code lines and cells of a page (see the module docstring)."""
    if not body:
        return Structure()
    from lxml import html as lxml_html

    from benchmarks.adapters import decode_html

    try:
        doc = lxml_html.document_fromstring(decode_html(html))
    except (ValueError, SyntaxError):
        return Structure()
    expected = collapse_ws(body)
    article = _article_element(doc, body)
    if article is None:
        return Structure()
    base = _declared_base(doc)
    links, contexts = [], []
    for a in article.iter("a"):
        text = collapse_ws(a.text_content())
        href = _href(a.get("href"), base)
        context = _context(a) if text and href else ""
        if text and href and context in expected:
            links.append((text, href))
            contexts.append(context)
    code_lines: list[str] = []
    for pre in article.iter("pre"):
        if collapse_ws(pre.text_content()) in expected:
            code_lines.extend(line.strip() for line in pre.text_content().splitlines())
    cells = []
    for table in article.iter("table"):
        if table.find(".//table") is not None or table.get("role") == "presentation":
            continue
        for cell in table.iter("td", "th"):
            text = collapse_ws(cell.text_content())
            if text and text in expected and not cell.xpath(_CELL_BLOCKS):
                cells.append(text)
    code = tuple(line for line in code_lines if line)
    return Structure(tuple(links), code, tuple(cells), tuple(contexts))


def _context(link: Any) -> str:
    """The link's text with up to 15 characters of its block's text on either side."""
    block = next((a for a in link.iterancestors() if a.tag in _BLOCKS), None)
    if block is None:
        return collapse_ws(link.text_content())
    text, tail = link.text, link.tail
    link.text, link.tail = "\ue000" + (text or ""), "\ue001" + (tail or "")
    try:
        full = collapse_ws(block.text_content())
    finally:
        link.text, link.tail = text, tail
    before, rest = full.split("\ue000", 1)
    inside, after = rest.split("\ue001", 1)
    return collapse_ws(before[-15:] + inside + after[:15])


def _declared_base(doc: Any) -> str | None:
    """The address relative links resolve against: ``<base href>``, made absolute with
    the address the page declares for itself (canonical link, else ``og:url``)."""
    declared = None
    for link in doc.xpath("//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                declared = href
                break
    if declared is None:
        for meta in doc.xpath("//meta[@property='og:url'][@content]"):
            content = (meta.get("content") or "").strip()
            if content.startswith(("http://", "https://")):
                declared = content
                break
    base_element = doc.find(".//base[@href]")
    base = (base_element.get("href") or "").strip() if base_element is not None else ""
    if base.startswith(("http://", "https://")):
        return base
    if base and declared:
        try:
            return urljoin(declared, base)
        except ValueError:
            return declared
    return declared


def _article_element(doc: Any, body: str) -> Any:
    lines = [collapse_ws(line) for line in body.split("\n")]
    lines = [line for line in lines if line]
    total = sum(len(line) for line in lines)
    scored = []
    for element in doc.iter(*_CONTAINERS):
        text = collapse_ws(element.text_content())
        if len(text) >= _MIN_SHARE * total:
            scored.append((sum(len(line) for line in lines if line in text), len(text), element))
    if not scored:
        return None
    most = max(covered for covered, _, _ in scored)
    enough = [(length, e) for covered, length, e in scored if covered >= _COVERAGE * most]
    return min(enough, key=lambda pair: pair[0])[1]


def extracted_structure(article: Any) -> Structure:
    """The links, code lines and table cells of an articlekit Article's blocks."""
    from articlekit import BlockKind, SpanKind

    links: list[tuple[str, str]] = []
    code_lines: list[str] = []
    cells: list[str] = []

    def add_links(text: str, spans: Iterable[Any]) -> None:
        for span in spans:
            if span.kind is SpanKind.LINK and span.href:
                links.append((collapse_ws(text[span.start : span.end]), span.href))

    def add_list(block: Any) -> None:
        for item, spans in zip(block.items, block.item_inline or (), strict=False):
            add_links(item, spans)

    for block in article.blocks:
        if block.kind is BlockKind.CODE:
            code_lines.extend(line.strip() for line in block.text.splitlines() if line.strip())
            add_links(block.text, block.inline)
        elif block.kind is BlockKind.TABLE:
            cells.extend(collapse_ws(cell) for row in block.rows for cell in row if cell.strip())
            for row, row_spans in zip(block.rows, block.cell_inline or (), strict=False):
                for cell, spans in zip(row, row_spans, strict=False):
                    add_links(cell, spans)
        elif block.kind is BlockKind.LIST:
            add_list(block)
        else:
            add_links(block.text, block.inline)
    return Structure(tuple(links), tuple(code_lines), tuple(cells))


def _matched(truth: Iterable[Any], got: Iterable[Any]) -> int:
    return sum((Counter(truth) & Counter(got)).values())


def score_structure(pairs: Iterable[tuple[Structure, Structure, str]]) -> dict[str, Any]:
    """Corpus totals over (truth, extracted, extracted body) triples: link P/R, code-line
    and cell recall.

    ``link_recall_in_text`` is the recall over the expected links whose text, in its
    place, the extracted body has: it leaves out the links lost with their text (a
    body miss) and so measures the link spans alone."""
    counts = Counter[str]()
    for truth, got, body in pairs:
        counts["links"] += len(truth.links)
        counts["links_got"] += len(got.links)
        counts["links_matched"] += _matched(truth.links, got.links)
        text = collapse_ws(body)
        kept = [
            link for link, c in zip(truth.links, truth.link_contexts, strict=False) if c in text
        ]
        counts["links_in_text"] += len(kept)
        counts["links_in_text_matched"] += _matched(kept, got.links)
        counts["code_lines"] += len(truth.code_lines)
        counts["code_matched"] += _matched(truth.code_lines, got.code_lines)
        counts["cells"] += len(truth.cells)
        counts["cells_matched"] += _matched(truth.cells, got.cells)

    def ratio(a: str, b: str) -> float | None:
        return counts[a] / counts[b] if counts[b] else None

    return {
        "link_recall": ratio("links_matched", "links"),
        "link_precision": ratio("links_matched", "links_got"),
        "link_recall_in_text": ratio("links_in_text_matched", "links_in_text"),
        "code_line_recall": ratio("code_matched", "code_lines"),
        "cell_recall": ratio("cells_matched", "cells"),
        **{k: counts[k] for k in sorted(counts)},
    }
