"""Inline structure: links and formatting as spans over the unchanged plain text.

The blocks' text is made as it always was: the page's text runs joined, split
into lines at ``<br>``, whitespace collapsed.  While the runs are joined, the
walk notes where each link and formatting element starts and ends in the raw
run (a :class:`Mark`); :func:`collapse` makes the plain lines and maps those
raw offsets onto them, so the spans point into the very text the block keeps.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import html

from articlekit.input.elements import text_of
from articlekit.input.xpath import boolean_query, text_query
from articlekit.model import Span, SpanKind
from articlekit.options import Options

__all__ = [
    "BR",
    "Mark",
    "collapse",
    "inline_content",
    "inline_text",
    "join_lines",
    "mark_of",
    "raw_content",
    "span_kinds",
    "spans_of",
]

BR = "\x0b"
"""A ``<br>`` in a raw run (lxml never stores this control character as page text)."""

_FORMATTING = {
    "em": SpanKind.EMPHASIS,
    "i": SpanKind.EMPHASIS,
    "strong": SpanKind.STRONG,
    "b": SpanKind.STRONG,
    "code": SpanKind.CODE,
    "kbd": SpanKind.CODE,
    "samp": SpanKind.CODE,
    "tt": SpanKind.CODE,
    "sup": SpanKind.SUPERSCRIPT,
    "sub": SpanKind.SUBSCRIPT,
}
_FORMAT_KINDS = frozenset(_FORMATTING.values())
_NOT_SPACE = re.compile(r"\S+")
# Up to this many marks, a line's offsets are mapped by re-joining its prefix (C-level
# split and join) rather than by indexing all of its words in Python.
_FEW_MARKS = 4


def span_kinds(options: Options) -> frozenset[SpanKind]:
    """The span kinds ``options`` keeps (``links``, ``formatting``)."""
    kinds: set[SpanKind] = set()
    if options.links:
        kinds.add(SpanKind.LINK)
    if options.formatting:
        kinds.update(_FORMAT_KINDS)
    return frozenset(kinds)


@dataclass(frozen=True, slots=True)
class Mark:
    """A span in raw-run offsets; ``kind`` None marks a nested list (see ``Sublist``)."""

    start: int
    end: int
    kind: SpanKind | None
    href: str | None = None


def mark_of(
    element: html.HtmlElement, base_url: str | None, kinds: frozenset[SpanKind]
) -> tuple[SpanKind, str | None] | None:
    """The span an inline element makes (kind and link target), or None."""
    tag = element.tag
    if tag == "a":
        if SpanKind.LINK not in kinds:
            return None
        href = link_target(element.get("href"), base_url)
        return (SpanKind.LINK, href) if href else None
    kind = _FORMATTING.get(tag) if isinstance(tag, str) else None
    return (kind, None) if kind in kinds else None


def link_target(href: str | None, base_url: str | None) -> str | None:
    """``href`` resolved against ``base_url``; None for in-page anchors and non-web links.

    A fragment-only link (``#note-1``) points at an id the Article does not keep;
    ``javascript:``, ``mailto:`` and the like are not addresses a reader follows
    from an extract.
    """
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    if base_url:
        try:
            href = urljoin(base_url, href)
        except ValueError:  # a broken host ("http://[x") in the link or the base
            return None
    scheme = href.split(":", 1)[0].lower() if ":" in href.split("/", 1)[0] else ""
    if scheme and scheme not in ("http", "https"):
        return None
    return href


def collapse(raw: str, marks: Iterable[Mark]) -> list[tuple[str, list[Mark]]]:
    """The lines of ``raw`` (split at :data:`BR`, whitespace collapsed) with the marks
    that fall on each, in line offsets.  Empty lines are kept (as ``""``)."""
    parts = raw.split(BR)
    offsets = [0] * len(parts)
    for index in range(1, len(parts)):
        offsets[index] = offsets[index - 1] + len(parts[index - 1]) + 1
    # each mark goes to the lines it overlaps, found by bisection: a page of many
    # <br> lines and many links costs their sum, not their product
    local: list[list[Mark]] = [[] for _ in parts]
    for m in marks:
        first = max(0, bisect_right(offsets, m.start) - 1)
        for index in range(first, len(parts)):
            offset = offsets[index]
            if offset >= m.end:
                break
            end = offset + len(parts[index])
            if m.start < end and m.end > offset:
                local[index].append(
                    Mark(max(m.start, offset) - offset, min(m.end, end) - offset, m.kind, m.href)
                )
    return [_collapse_line(part, marks_of) for part, marks_of in zip(parts, local, strict=True)]


def _collapse_line(part: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    text = " ".join(part.split())
    if not marks or not text:
        return text, []
    if len(marks) <= _FEW_MARKS:
        return text, _spans(text, marks, lambda i: len(" ".join(part[:i].split())))
    words = [(m.start(), m.end()) for m in _NOT_SPACE.finditer(part)]
    starts = [start for start, _ in words]
    # made[k]: characters of text before word k (the words and one space between each)
    made = [0] * len(words)
    for k in range(1, len(words)):
        previous_start, previous_end = words[k - 1]
        made[k] = made[k - 1] + previous_end - previous_start + 1

    def bound(i: int) -> int:
        """Characters of text made from part[:i]: a space run counts once it ends."""
        k = bisect_left(starts, i) - 1  # the last word that starts before i
        if k < 0:
            return 0
        start, end = words[k]
        return made[k] + min(i, end) - start

    return text, _spans(text, marks, bound)


def _spans(text: str, marks: list[Mark], bound: Callable[[int], int]) -> list[Mark]:
    """The marks moved to ``text``, where ``bound`` maps an offset of the line as written
    to one of ``text``; a mark that covers only spaces is dropped."""
    spans: list[Mark] = []
    for mark in marks:
        start, end = bound(mark.start), bound(mark.end)
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            spans.append(Mark(start, end, mark.kind, mark.href))
    return spans


def join_lines(
    lines: list[tuple[str, list[Mark]]], separator: str = "\n"
) -> tuple[str, list[Mark]]:
    """Lines joined by ``separator``, their marks moved to the joined offsets."""
    texts: list[str] = []
    marks: list[Mark] = []
    offset = 0
    for text, line_marks in lines:
        for m in line_marks:
            mark = Mark(m.start + offset, m.end + offset, m.kind, m.href)
            # a link (or emphasis) across a <br> is one span over the line break
            joined = next(
                (
                    i
                    for i, p in enumerate(marks)
                    if m.start == 0
                    and separator == "\n"
                    and p.end == offset - 1
                    and (p.kind, p.href) == (m.kind, m.href)
                ),
                None,
            )
            if joined is None:
                marks.append(mark)
            else:
                marks[joined] = Mark(marks[joined].start, mark.end, m.kind, m.href)
        texts.append(text)
        offset += len(text) + len(separator)
    return separator.join(texts), marks


def spans_of(marks: Iterable[Mark]) -> tuple[Span, ...]:
    """The spans among ``marks`` (sublist marks left out), outer before inner."""
    ordered = sorted(
        (m for m in reversed(list(marks)) if m.kind is not None),
        key=lambda m: (m.start, -m.end),
    )
    return tuple(Span(m.start, m.end, m.kind, m.href) for m in ordered if m.kind is not None)


@dataclass(slots=True)
class _Run:
    pieces: list[str]
    marks: list[Mark]
    length: int = 0

    def add(self, value: str | None) -> None:
        if value:
            self.pieces.append(value)
            self.length += len(value)


_TEXT_OR_BR = text_query(".//text() | .//br")
# the elements that can make a mark: links, formatting tags, nested lists
_MAY_MARK = boolean_query(
    "boolean(.//a or .//em or .//i or .//strong or .//b or .//code or .//kbd or .//samp"
    " or .//tt or .//sup or .//sub or .//ul or .//ol)"
)


def inline_text(element: html.HtmlElement) -> str:
    """The element's text with whitespace collapsed; ``<br>`` gives a line break."""
    if element.find(".//br") is None:
        return " ".join(text_of(element).split())
    pieces = [p if isinstance(p, str) else BR for p in _TEXT_OR_BR(element)]
    return "\n".join(_lines("".join(pieces)))


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in text.split(BR)) if line]


def inline_content(
    element: html.HtmlElement,
    base_url: str | None,
    kinds: frozenset[SpanKind],
    *,
    lists: bool = False,
) -> tuple[str, list[Mark]]:
    """The element's text exactly as :func:`inline_text` gives it, and the marks of its
    links and formatting (and, with ``lists``, of the lists nested in it, as marks of
    kind None)."""
    if not _MAY_MARK(element):  # no link, formatting or list inside: the C-level walk
        return inline_text(element), []
    raw, run_marks = raw_content(element, base_url, kinds, lists=lists, breaks=True)
    if element.find(".//br") is None:
        text, marks = collapse(raw.replace(BR, " "), run_marks)[0]
        return text, marks
    return join_lines([line for line in collapse(raw, run_marks) if line[0]])


def raw_content(
    element: html.HtmlElement,
    base_url: str | None,
    kinds: frozenset[SpanKind],
    *,
    lists: bool = False,
    breaks: bool = False,
) -> tuple[str, list[Mark]]:
    """The element's text as ``text_content()`` gives it (with ``breaks``, a :data:`BR`
    for each ``<br>``) and the marks of its links and formatting in it."""
    run = _Run([], [])
    _walk(element, run, base_url, kinds, lists, breaks, top=True)
    return "".join(run.pieces), run.marks


def _walk(
    element: html.HtmlElement,
    run: _Run,
    base_url: str | None,
    kinds: frozenset[SpanKind],
    lists: bool,
    breaks: bool,
    *,
    top: bool = False,
) -> None:
    if breaks and element.tag == "br":
        run.add(BR)
    start = run.length
    run.add(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _walk(child, run, base_url, kinds, lists, breaks)
        run.add(child.tail)
    if top or run.length == start:
        return
    if lists and element.tag in ("ul", "ol"):
        run.marks.append(Mark(start, run.length, None))
        return
    mark = mark_of(element, base_url, kinds)
    if mark is not None:
        run.marks.append(Mark(start, run.length, mark[0], mark[1]))
