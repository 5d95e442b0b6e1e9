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
from itertools import pairwise

from articlekit.options import DEFAULT_LIMITS, Limits
from articlekit.text.lines import byline_of, credit_of, is_boilerplate_line, words

__all__ = [
    "BULLET",
    "SENTENCE_BREAK",
    "TERMINAL",
    "Unit",
    "UnitKind",
    "Units",
    "is_prose",
    "read_units",
    "sentence_like",
    "split_units",
]

RAW_LINES_PER_UNIT = 10
"""Raw lines read per unit kept: blank and symbol-only lines make no unit, but reading
them costs time, so the lines read are bounded too."""

TERMINAL = '.!?…:;"”’»)'
"""Characters that end a sentence (or a quoted or bracketed one)."""
BULLET = re.compile(r"^(?:[-*•·▪◦–]|\d{1,3}[.)]|[a-z][.)])\s+")
SENTENCE_BREAK = re.compile(r"\w[.!?] +[A-ZÄÖÜÀ-Ý]")


class UnitKind(StrEnum):
    """What a unit (a line or joined paragraph) of a dump is."""

    GOOD = "good"
    LEAD = "lead"
    """The story's standfirst under its headline (:mod:`~articlekit.text.lead`): a paragraph
    of the body that the byline, date and tail searches do not take for the story's first."""
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


@dataclass(frozen=True, slots=True)
class Units:
    """A dump's units and what :func:`read_units` cut to keep within the limits."""

    units: list[Unit]
    warnings: tuple[str, ...] = ()
    """One plain sentence per limit that cut something, naming it (``docs/limits.md``)."""


def split_units(text: str, limits: Limits = DEFAULT_LIMITS) -> list[Unit]:
    """The dump as units: one per line, hard-wrapped paragraphs joined (see :func:`read_units`)."""
    return read_units(text, limits).units


def read_units(text: str, limits: Limits = DEFAULT_LIMITS) -> Units:
    """The dump as units, one per line, hard-wrapped paragraphs joined, within ``limits``.

    A line or joined paragraph longer than ``max_dump_line_chars`` is cut there;
    the units after ``max_dump_lines`` are cut, and so are the raw lines after
    ten times as many.  Each cut adds a warning naming its limit.
    """
    max_chars, max_units = limits.max_dump_line_chars, limits.max_dump_lines
    units: list[Unit] = []
    block: list[tuple[str, int]] = []
    number = 0
    long_lines = 0

    def flush() -> None:
        nonlocal number, long_lines
        if not block:
            return
        texts = [t for t, _ in block]
        if _is_hard_wrapped(texts):
            joined_text = " ".join(texts)
            long_lines += len(joined_text) > max_chars
            units.append(Unit(joined_text[:max_chars], block[0][1], number))
        else:
            joined: list[tuple[list[str], int, int]] = []
            for line, indent in block:
                if (
                    joined
                    and joined[-1][2] + len(line) < max_chars
                    and _continues(joined[-1][0][-1], line)
                ):
                    parts, first_indent, size = joined[-1]
                    parts.append(line)
                    joined[-1] = (parts, first_indent, size + len(line) + 1)
                else:
                    joined.append(([line], indent, len(line)))
            units.extend(Unit(" ".join(parts), indent, number) for parts, indent, _ in joined)
        block.clear()
        number += 1

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raw_cut = len(lines) > RAW_LINES_PER_UNIT * max_units
    for raw in lines[: RAW_LINES_PER_UNIT * max_units]:
        if len(raw) > max_chars:
            long_lines += 1
            raw = raw[:max_chars]
        expanded = raw.replace("\t", "    ").replace("\xa0", " ")
        line = _unmark(" ".join(expanded.split()))
        if not line or not any(ch.isalnum() for ch in line):
            if not line:
                flush()
            continue
        block.append((line, len(expanded) - len(expanded.lstrip(" "))))
    flush()
    warnings: list[str] = []
    if long_lines:
        warnings.append(
            f"{long_lines:,} line(s) of the text dump cut at {max_chars:,} characters "
            "(max_dump_line_chars)"
        )
    if raw_cut or len(units) > max_units:
        units = units[:max_units]
        warnings.append(f"text dump cut at {max_units:,} lines (max_dump_lines)")
    return Units(units, tuple(warnings))


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
    """True when ``line`` goes on with the sentence of ``previous`` (a ``<br>`` break); a
    byline ends its line, whatever follows it (a share bar's "facebook twitter")."""
    return (
        previous[-1] not in TERMINAL
        and line[0].islower()
        and not BULLET.match(line)
        and byline_of(previous) is None
    )


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one paragraph wrapped at a fixed width."""
    if len(lines) < 2 or any(BULLET.match(line) for line in lines):
        return False
    body = lines[:-1]
    if not all(50 <= len(line) <= 100 for line in body):
        return False
    open_ended = sum(1 for line in body if line[-1] not in TERMINAL)
    return (
        open_ended * 5 >= len(body) * 3
        and max(map(len, body)) - min(map(len, body)) <= 30
        # two lines are one wrapped sentence only when the first broke where it had to;
        # longer blocks show their width by their many lines' like lengths
        and (len(lines) > 2 or _wrapped_greedily(lines))
        # a picture's credit ("Foto: …"), a name under a caption or a title, or a byline
        # under the tags is a line of its own, not the end of a wrapped sentence
        and credit_of(lines[-1]) is None
        and byline_of(lines[-1]) is None
    )


def _wrapped_greedily(lines: list[str]) -> bool:
    """True when each line broke before a word that would not have fitted: wrapping fills
    a line up to its width, which is at least the longest line's.  A short line over a
    longer one is a line of its own (a dateline "23.06.2016 - Jane Roe - 91 comments"
    over a caption, a caption over "By Jane Roe/June 12, 2020")."""
    width = max(map(len, lines))
    return all(
        len(line) + 1 + len(after.split(" ", 1)[0]) > width for line, after in pairwise(lines)
    )


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
