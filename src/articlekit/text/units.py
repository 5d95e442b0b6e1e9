"""The units of a text dump: its lines, hard-wrapped paragraphs joined, with their indent.

A dump is what a browser's "save as text", ``html-text`` or a Common Crawl WET
record keeps of a page: one line per block, menus and footers included.
:func:`split_units` turns it into :class:`Unit` s; :class:`UnitKind` is what the
later stages decide each unit is.  The shape tests shared by those stages
(:func:`is_prose`, :func:`sentence_like`) live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from articlekit.text.lines import is_boilerplate_line, words

__all__ = [
    "BULLET",
    "MAX_UNITS",
    "MAX_UNIT_CHARS",
    "SENTENCE_BREAK",
    "TERMINAL",
    "Unit",
    "UnitKind",
    "is_prose",
    "sentence_like",
    "split_units",
]

MAX_UNITS = 20_000
"""Lines of a dump that are read; a page has far fewer, so more is not a page."""
MAX_UNIT_CHARS = 100_000
"""Characters of one line or joined paragraph that are read."""

TERMINAL = '.!?…:;"”’»)'
"""Characters that end a sentence (or a quoted or bracketed one)."""
BULLET = re.compile(r"^(?:[-*•·▪◦–]|\d{1,3}[.)]|[a-z][.)])\s+")
SENTENCE_BREAK = re.compile(r"\w[.!?] +[A-ZÄÖÜÀ-Ý]")


class UnitKind(StrEnum):
    """What a unit (a line or joined paragraph) of a dump is."""

    GOOD = "good"
    NEAR_GOOD = "near_good"
    SHORT = "short"
    BAD = "bad"
    HEADING = "heading"
    TITLE = "title"
    FIGURE = "figure"
    DUPLICATE = "duplicate"
    CREDIT = "credit"
    COMMENTS = "comments"


@dataclass(frozen=True, slots=True)
class Unit:
    """One line of a dump (or a hard-wrapped paragraph joined into one)."""

    text: str
    indent: int
    block: int
    """Index of the blank-line-separated block the unit belongs to."""


def split_units(text: str, limit: int = 10 * MAX_UNITS) -> list[Unit]:
    """The dump as units: one per line, hard-wrapped paragraphs joined.

    At most ``limit`` lines are read, and a joined paragraph stops growing at
    ``MAX_UNIT_CHARS``; both are far beyond any page.
    """
    units: list[Unit] = []
    block: list[tuple[str, int]] = []
    number = 0

    def flush() -> None:
        nonlocal number
        if not block:
            return
        texts = [t for t, _ in block]
        if _is_hard_wrapped(texts):
            units.append(Unit(" ".join(texts)[:MAX_UNIT_CHARS], block[0][1], number))
        else:
            joined: list[tuple[list[str], int]] = []
            for line, indent in block:
                if (
                    joined
                    and len(joined[-1][0]) * 80 < MAX_UNIT_CHARS
                    and _continues(joined[-1][0][-1], line)
                ):
                    joined[-1][0].append(line)
                else:
                    joined.append(([line], indent))
            units.extend(Unit(" ".join(parts), indent, number) for parts, indent in joined)
        block.clear()
        number += 1

    for count, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if count >= limit:
            break
        expanded = raw[:MAX_UNIT_CHARS].replace("\t", "    ").replace("\xa0", " ")
        line = _unmark(" ".join(expanded.split()))
        if not line or not any(ch.isalnum() for ch in line):
            if not line:
                flush()
            continue
        block.append((line, len(expanded) - len(expanded.lstrip(" "))))
    flush()
    return units


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _unmark(line: str) -> str:
    """Markdown-style dumps (html2text): links, headings and bold read as their text."""
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if line.startswith("#"):
        line = _MD_HEADING.sub("", line)
    if "**" in line or "__" in line:
        line = _MD_EMPHASIS.sub(r"\2", line)
    return line.strip()


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` goes on with the sentence of ``previous`` (a ``<br>`` break)."""
    return previous[-1] not in TERMINAL and line[0].islower() and not BULLET.match(line)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one paragraph wrapped at a fixed width."""
    if len(lines) < 2 or any(BULLET.match(line) for line in lines):
        return False
    body = lines[:-1]
    if not all(50 <= len(line) <= 100 for line in body):
        return False
    open_ended = sum(1 for line in body if line[-1] not in TERMINAL)
    return open_ended * 5 >= len(body) * 3 and max(map(len, body)) - min(map(len, body)) <= 30


def is_prose(line: str) -> bool:
    """True for a line of article prose: long, ending a sentence, many words, no template text."""
    return (
        len(line) >= 100
        and line[-1:] in TERMINAL
        and not is_boilerplate_line(line)
        and len(words(line)) >= 12
    )


def sentence_like(line: str) -> bool:
    """True for a line that ends like a sentence and has at least three words."""
    return line[-1:] in TERMINAL and len(words(line)) >= 3
