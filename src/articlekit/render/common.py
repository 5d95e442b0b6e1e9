"""What every renderer shares: making page strings safe and walking the Article.

:func:`clean` drops characters no HTML or XML document can carry and
:func:`safe_url` lets only ``http``, ``https`` and relative URLs through.
:func:`thread` puts comments in display order with their depth, without
recursion and with nesting capped at :data:`MAX_COMMENT_NESTING`.  The rest
are small facts about the Article that the formats agree on: the byline label
in the Article's language, the figures no block shows, heading levels below
the title, and the sublists nested in a list item.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from articlekit.languages import LANGUAGES
from articlekit.model import Article, Block, Comment, Figure, Sublist

__all__ = [
    "LANG_TAG",
    "MAX_COMMENT_NESTING",
    "byline_label",
    "byline_parts",
    "clean",
    "heading_level",
    "indent",
    "loose_figures",
    "safe_url",
    "sublists_of",
    "thread",
]

MAX_COMMENT_NESTING = 8
"""Replies deeper than this are shown at this depth (their order is kept)."""

# Characters that XML/HTML cannot carry (NUL, C0/C1 controls except tab/newline,
# lone surrogates, non-characters): dropped from every string before output.
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
# Browsers drop ASCII tab/newline anywhere in a URL and C0 controls/space at its
# edges before reading the scheme ("java\tscript:" is "javascript:").
_URL_IGNORED = re.compile("[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https"})
LANG_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")
"""A language tag that may be written into a ``lang`` or ``class`` attribute."""


def clean(value: str) -> str:
    """``value`` without characters that cannot appear in an HTML or XML document."""
    return _UNSAFE_CHARS.sub("", value)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is safe to put in ``href``/``src``, else None.

    Only ``http``, ``https`` and scheme-less (relative) URLs pass.  The scheme is
    read the way a browser reads it: after decoding character references
    (``&#106;avascript:``), dropping tabs, newlines and control characters
    (``java\\tscript:``) and ignoring case, so such tricks are refused too.
    """
    if not url:
        return None
    url = clean(url).strip()
    probe = url
    # Character references may be nested ("&amp;#58;"): decode until stable.
    for _ in range(4):
        decoded = html.unescape(probe)
        if decoded == probe:
            break
        probe = decoded
    probe = _URL_IGNORED.sub("", probe)
    if not probe:
        return None
    match = _SCHEME.match(probe)
    if match is not None and match.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url


def indent(text: str, prefix: str) -> str:
    """``text`` with ``prefix`` before every line that is not empty."""
    return "\n".join(prefix + line if line else line for line in text.split("\n"))


def byline_label(lang: str | None) -> str | None:
    """The word before the author names in the Article's language ("By", "Von",
    "Autor:"), from the language files; None where the language has none or is
    unknown, so that no label of another language is put before the names."""
    if not lang:
        return None
    language = LANGUAGES.get(lang.split("-")[0].split("_")[0].lower())
    labels = language.words.get("render.byline_label", ()) if language else ()
    return labels[0] if labels else None


def byline_parts(article: Article) -> list[str]:
    """The labelled byline and the date, those of them the Article has."""
    parts = []
    if article.byline:
        label = byline_label(article.lang)
        parts.append(f"{label} {article.byline}" if label else article.byline)
    if article.date:
        parts.append(article.date)
    return parts


def sublists_of(block: Block, parent: int | None, item: int) -> list[tuple[int, Sublist]]:
    """The sublists (with their indices) nested in item ``item`` of list ``parent``."""
    return [
        (number, sub)
        for number, sub in enumerate(block.sublists)
        if sub.parent == parent and sub.item == item and (parent is None or number > parent)
    ]


def thread(comments: tuple[Comment, ...]) -> Iterator[tuple[Comment, int]]:
    """Comments in display order with their nesting depth (0 for top level).

    A reply follows its parent (after the parent's earlier replies); page order
    is kept among siblings.  A comment whose parent is unknown, itself, or part
    of a cycle is shown at the top level.  Depth is capped at
    :data:`MAX_COMMENT_NESTING`.
    """
    first_index: dict[str, int] = {}
    for index, comment in enumerate(comments):
        first_index.setdefault(comment.id, index)
    children: dict[int, list[int]] = {}
    roots: list[int] = []
    for index, comment in enumerate(comments):
        parent = first_index.get(comment.parent) if comment.parent is not None else None
        if parent is None or parent == index:
            roots.append(index)
        else:
            children.setdefault(parent, []).append(index)
    seen = [False] * len(comments)
    for start in [*roots, *range(len(comments))]:
        if seen[start]:
            continue
        # (index, depth) pairs: a thread of 20,000 comments is walked for each format
        stack = [(start, 0)]
        while stack:
            index, depth = stack.pop()
            if seen[index]:
                continue
            seen[index] = True
            yield comments[index], depth
            below = min(depth + 1, MAX_COMMENT_NESTING)
            stack.extend((c, below) for c in reversed(children.get(index, ())))


def loose_figures(article: Article) -> list[Figure]:
    """Figures of the Article that no figure block shows (rendered after the header)."""
    in_blocks = {b.figure for b in article.blocks if b.figure is not None}
    return [f for f in article.figures if f not in in_blocks]


def heading_level(level: int | None) -> int:
    """A content heading's level: at least 2, as the title is the only level 1; at most 6."""
    return min(max(level or 2, 2), 6)
