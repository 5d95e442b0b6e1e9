"""Plain-text dumps of pages: the same Article from lines instead of a tree.

A dump is what a browser's "save as text", ``html-text`` or a Common Crawl WET
record keeps of a page: one line per block, menus and footers included.  The
stages, top to bottom:

1. :func:`split_units` - lines (hard-wrapped paragraphs joined) with their indent;
2. :func:`find_comment_zone` - a comment-section header ("One thought on “…”",
   "5 Comments") followed by comments, up to the reply form's fine print;
3. :func:`find_figures` - a caption shown twice around a credit line, or
   followed by "Photo: …";
4. :func:`find_title` - the head title and the heading that repeats it;
5. :func:`classify_units` - jusText-style: length, function-word share and
   punctuation give good/near-good/short/bad, then neighbours decide the
   uncertain ones, and an end-of-article cue ("Related", "Share this") cuts
   the tail;
6. :func:`find_teasers` - an index page's teasers (headline, one or two
   sentences, "12 March 2023 · 2 min read" or "Read more"); when they hold most
   of the text the page has no article (``Status.NO_ARTICLE``), as in the HTML
   path's listing test;
7. :func:`parse_comments` - numbered items, "Jane says:" and "Name · date"
   lines split the zone into comments, indentation gives reply parents.

Every decision is a pure function of the lines; nothing is specific to a site.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from articlekit.comments.phrases import (
    SAYS_LABEL,
    SAYS_SUFFIX,
    is_comment_chrome,
    is_comment_header,
    is_reply_form_line,
)
from articlekit.explain import Decision, Verdict
from articlekit.metadata.textdates import iso_date
from articlekit.model import Article, Block, BlockKind, Comment, Figure
from articlekit.options import Options
from articlekit.text.lines import (
    byline_of,
    credit_of,
    is_boilerplate_line,
    is_button_line,
    is_byline_or_date,
    is_end_marker,
    stopword_ratio,
    words,
)

__all__ = [
    "Unit",
    "UnitKind",
    "classify_units",
    "explain_text_dump",
    "find_comment_zone",
    "find_figures",
    "find_teasers",
    "find_title",
    "parse_comments",
    "parse_text_dump",
    "split_units",
]

# jusText's thresholds, scaled to the shorter multilingual function-word list used here.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.20
STOPWORDS_HIGH = 0.24
MAX_UNITS = 20_000
"""Lines of a dump that are read; a page has far fewer, so more is not a page."""
MAX_UNIT_CHARS = 100_000
"""Characters of one line or joined paragraph that are read."""
END_LOOKAHEAD = 8
"""Units after an end-of-article cue searched for more article prose."""
MAX_ZONE_TRIES = 20
"""Comment headers weighed before giving up, so a page of repeated headers stays linear."""
MAX_HEADING_DISTANCE = 2
"""Units between a heading and the good paragraph it introduces."""
MIN_TEASERS = 4
"""Teasers (headline, short summary, date or "Read more") that make a page a listing."""
MAX_TEASER_SUMMARY = 400
"""A teaser's summary is one or two sentences; a longer unit is article prose."""
TEASER_SHARE = 2
"""A listing's teaser summaries hold this many times the prose found beside them."""

_TERMINAL = '.!?…:;"”’»)'
_BULLET = re.compile(r"^(?:[-*•·▪◦–]|\d{1,3}[.)]|[a-z][.)])\s+")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,}|\*{3,})$")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_AUTHOR_DATE = re.compile(r"^(.{1,60}?)\s*(?:[·|•—–]| - | on | at | am | le | el )\s*(.+)$")
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_BREAK = re.compile(r"\w[.!?] +[A-ZÄÖÜÀ-Ý]")
_INITIAL_END = re.compile(r"\b[A-ZÀ-Ý]\.$")
_BREADCRUMB = re.compile(r"\s[>»/›]\s")
_ZERO = re.compile(r"^(?:0|no|keine|aucun|ningún|sin)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+(?:[|·•»:–—-]|::)\s+")
_READING_TIME = re.compile(
    r"^(?:(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\s*:?\s*)?"
    r"\d{1,3}\s*(?:min|mins|minutes?|minuten|minutos)\.?"
    r"(?:\s+(?:read|lesezeit|de lecture|de lectura|lectura|lesen))?$",
    re.IGNORECASE,
)


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
    return previous[-1] not in _TERMINAL and line[0].islower() and not _BULLET.match(line)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one paragraph wrapped at a fixed width."""
    if len(lines) < 2 or any(_BULLET.match(line) for line in lines):
        return False
    body = lines[:-1]
    if not all(50 <= len(line) <= 100 for line in body):
        return False
    open_ended = sum(1 for line in body if line[-1] not in _TERMINAL)
    return open_ended * 5 >= len(body) * 3 and max(map(len, body)) - min(map(len, body)) <= 30


def find_comment_zone(units: list[Unit]) -> tuple[int, int] | None:
    """``(start, end)`` of the comment section: its header up to the reply form's end.

    A header counts only after the article's paragraphs, when comments follow
    it, and when less paragraph text follows the section than precedes it, so a
    "12 Comments" link near the top of a page does not end the article.
    """
    prose = [len(u.text) if _is_prose(u.text) else 0 for u in units]
    after = [0] * (len(units) + 1)
    for index in range(len(units) - 1, -1, -1):
        after[index] = after[index + 1] + prose[index]
    before = 0
    tries = 0
    for index, unit in enumerate(units):
        if before >= 150 and is_comment_header(unit.text) and not _ZERO.match(unit.text):
            following = units[index + 1 : index + 8]
            if any(_starts_comment(u.text) or len(u.text) >= 80 for u in following):
                end = _zone_end(units, index + 1)
                if after[end] < before:
                    return index, end
                tries += 1
                if tries >= MAX_ZONE_TRIES:
                    return None
        before += prose[index]
    return None


def _is_prose(line: str) -> bool:
    return (
        len(line) >= 100
        and line[-1:] in _TERMINAL
        and not is_boilerplate_line(line)
        and len(words(line)) >= 12
    )


def _zone_end(units: list[Unit], start: int) -> int:
    seen_comment = False
    short_run = 0
    for index in range(start, len(units)):
        line = units[index].text
        if is_reply_form_line(line) or is_end_marker(line) or is_boilerplate_line(line):
            if seen_comment:
                return index
            continue
        if len(line) >= 40 or _starts_comment(line):
            seen_comment = True
            short_run = 0
        elif not is_comment_chrome(line) and iso_date(line) is None:
            short_run += 1
            # a run of menu-like lines is the footer, not comments
            if short_run >= 4 and seen_comment:
                return index - short_run + 1
    return len(units)


def _starts_comment(line: str) -> bool:
    return (
        _NUMBERED.match(line) is not None
        or SAYS_LABEL.match(line) is not None
        or _says_split(line) is not None
        or _author_date(line) is not None
    )


def _says_split(line: str) -> tuple[str, str] | None:
    """ "Jane says: Great post" as ("Jane", "Great post")."""
    match = re.match(
        r"^(.{1,60}?)\s+(?:says|said|wrote|sagt|meint|schreibt|dit|écrit|dice|escribió)\s*:\s*(.*)$",
        line,
        re.IGNORECASE,
    )
    if match and len(match[1].split()) <= 6:
        return match[1], match[2]
    return None


def _author_date(line: str) -> tuple[str, str] | None:
    """ "Jane Doe · March 10, 2017 at 12:20 AM" as (author, ISO date)."""
    if len(line) > 120 or line[-1:] == ".":
        return None
    match = _AUTHOR_DATE.match(line)
    if not match:
        return None
    date = iso_date(match[2])
    author = SAYS_SUFFIX.sub("", match[1]).strip(" ,")
    if date is None or not author or iso_date(author) or len(author.split()) > 8:
        return None
    return author, date


def _signature_lines(units: list[Unit]) -> dict[int, str]:
    """Positions of name lines followed by a date line, with that date."""
    found: dict[int, str] = {}
    for position in range(len(units) - 1):
        name, when = units[position].text, units[position + 1].text
        if (
            len(name) <= 60
            and 1 <= len(name.split()) <= 6
            and (name[-1:] not in ".!?:;," or _INITIAL_END.search(name) is not None)
            and not is_comment_chrome(name)
            and not is_comment_header(name)
            and not is_reply_form_line(name)
            and not is_button_line(name)
            and iso_date(name) is None
            and len(when) <= 60
            and not _starts_comment(when)
            and (date := iso_date(when)) is not None
        ):
            found[position] = date
    return found


def parse_comments(units: list[Unit]) -> tuple[Comment, ...]:
    """Comments from the lines of a comment section (header and form lines included).

    Numbered items ("1.", indented deeper for replies), "Jane says:" labels and
    "Jane · March 5, 2014" lines start a comment; the lines after them, up to
    the next start, are its paragraphs.  Without any such marker each
    paragraph is one comment.
    """
    drafts: list[dict[str, object]] = []
    stack: list[tuple[int, int]] = []  # (indent, draft index) of open numbered items
    structured = any(_starts_comment(u.text) for u in units) or bool(_signature_lines(units))
    current: dict[str, object] | None = None

    def start(indent: int, author: str | None = None, date: str | None = None) -> None:
        nonlocal current
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        current = {"author": author, "date": date, "parts": [], "parent": parent}
        drafts.append(current)
        stack.append((indent, len(drafts) - 1))

    signed = _signature_lines(units)
    for position, unit in enumerate(units):
        line = unit.text
        if is_comment_header(line) or is_reply_form_line(line) or is_button_line(line):
            continue
        if position in signed:
            # "Jane Doe" over "17.05.2022 um 16:02 Uhr": a comment starts
            start(unit.indent, line, signed[position])
            continue
        if position - 1 in signed:
            continue
        numbered = _NUMBERED.match(line)
        says = _says_split(line)
        author_date = _author_date(line)
        if numbered:
            start(unit.indent)
            line = numbered[2]
            says = _says_split(line)
            if says is not None and current is not None:
                current["author"], line = says
            elif SAYS_LABEL.match(line) and current is not None:
                current["author"] = SAYS_SUFFIX.sub("", line).strip(" :")
                continue
        elif SAYS_LABEL.match(line) and says is None:
            start(unit.indent, SAYS_SUFFIX.sub("", line).strip(" :"))
            continue
        elif says is not None:
            start(unit.indent, says[0])
            line = says[1]
        elif author_date is not None:
            if current is not None and not current["parts"] and current["date"] is None:
                current["author"] = current["author"] or author_date[0]
                current["date"] = author_date[1]
            else:
                start(unit.indent, *author_date)
            continue
        if not line or is_comment_chrome(line):
            continue
        if current is not None and not current["parts"] and current["date"] is None:
            date = iso_date(line)
            if date and len(line) <= 60:
                current["date"] = date
                continue
        if current is None or not structured:
            start(0)
        assert current is not None
        parts = current["parts"]
        assert isinstance(parts, list)
        parts.append(line)
    comments: list[Comment] = []
    for index, draft in enumerate(drafts):
        parts = draft["parts"]
        assert isinstance(parts, list)
        if not parts:
            continue
        parent = draft["parent"]
        comments.append(
            Comment(
                id=f"comment-{index + 1}",
                parent=f"comment-{int(str(parent)) + 1}" if parent is not None else None,
                author=str(draft["author"]) if draft["author"] else None,
                date=str(draft["date"]) if draft["date"] else None,
                text="\n\n".join(str(p) for p in parts),
            )
        )
    known = {c.id for c in comments}
    return tuple(
        c if c.parent in known or c.parent is None else replace(c, parent=None) for c in comments
    )


@dataclass(frozen=True, slots=True)
class _FigureAt:
    index: int
    figure: Figure
    covered: tuple[int, ...]


def find_figures(units: list[Unit]) -> list[_FigureAt]:
    """Captions: a line shown twice around a short credit line, or followed by "Photo: …"."""
    figures: list[_FigureAt] = []
    used: set[int] = set()
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.text] = counts.get(unit.text, 0) + 1
    for index, unit in enumerate(units):
        if index in used or len(unit.text) < 15 or len(unit.text) > 600:
            continue
        for gap in (1, 2, 3) if counts[unit.text] > 1 else ():
            other = index + gap + 1
            if other >= len(units) or units[other].text != unit.text:
                continue
            between = units[index + 1 : other]
            credits = [credit_of(u.text) for u in between if len(u.text) <= 100]
            if len(credits) == len(between) and all(credits):
                credit = credits[0] if credits else None
                figure = Figure(caption=unit.text, credit=credit)
                covered = tuple(range(index, other + 1))
                figures.append(_FigureAt(index, figure, covered))
                used.update(covered)
                break
        else:
            following = units[index + 1] if index + 1 < len(units) else None
            if (
                following is not None
                and len(unit.text) <= 120
                and not _SENTENCE_BREAK.search(unit.text)
                and _explicit_credit(following.text)
                and index + 1 not in used
            ):
                figure = Figure(caption=unit.text, credit=_explicit_credit(following.text))
                figures.append(_FigureAt(index, figure, (index, index + 1)))
                used.update((index, index + 1))
    return figures


def _explicit_credit(line: str) -> str | None:
    if re.match(r"^(?:photo|foto|image|bild|credit|crédit|picture)s?\b", line, re.IGNORECASE):
        return credit_of(line)
    return None


def find_title(units: list[Unit]) -> tuple[str | None, int | None, int | None]:
    """``(title, index of the head line, index of the story's heading)``.

    Whole-page dumps start with the ``<title>`` ("Story – Site"); the story's
    heading repeats part of it further down, and that part is the title.
    Without a head line, the title is the heading-like line nearest above the
    first paragraph (bylines, dates, buttons and captions may stand between).
    """
    head_index = next(
        (
            i
            for i, u in enumerate(units[:5])
            if not (is_button_line(u.text) or is_boilerplate_line(u.text) or len(u.text) > 250)
        ),
        None,
    )
    first_prose = next((i for i, u in enumerate(units) if _is_prose(u.text)), None)
    if head_index is not None:
        head = units[head_index].text
        # the story's heading stands above its first paragraph, however long the header
        limit = max(10, len(units) * 2 // 3, (first_prose or 0) + 1)
        for later in range(head_index + 1, min(len(units), limit)):
            candidate = units[later].text
            if len(candidate) >= 10 and _repeats_title(head, candidate):
                return candidate, head_index, later
        if head_index + 1 < len(units) and _UNDERLINE.match(units[head_index + 1].text):
            return head, None, head_index
    if first_prose is not None:
        for index in range(first_prose - 1, max(-1, first_prose - 13), -1):
            line = units[index].text
            if _title_like(line) and len(words(line)) >= 3:
                return line, None, index
    if head_index is not None and _title_like(units[head_index].text):
        return _strip_site(units[head_index].text), head_index, None
    return None, None, None


def _title_like(line: str) -> bool:
    return (
        1 <= len(words(line)) <= 25
        and len(line) <= 200
        and line[-1:] not in ".,;:"
        and not _SENTENCE_BREAK.search(line)
        and not _BREADCRUMB.search(line)
        and not is_button_line(line)
        and not is_boilerplate_line(line)
        and not is_byline_or_date(line)
        and byline_of(line) is None
        and not is_end_marker(line)
        and not is_comment_header(line)
        and not _BULLET.match(line)
    )


def _repeats_title(head: str, candidate: str) -> bool:
    if candidate == head:
        return True
    if len(candidate) < len(head) * 0.35:
        return False
    return any(part == candidate for part in _SEPARATORS.split(head)) or (
        (head.startswith(candidate) or head.endswith(candidate))
        and len(candidate) >= 0.5 * len(head)
    )


def _strip_site(head: str) -> str:
    parts = _SEPARATORS.split(head)
    if len(parts) > 1:
        longest = max(parts, key=len)
        if len(longest) >= 15:
            return longest
    return head


def _base_kind(line: str, use_stopwords: bool) -> UnitKind:
    if (
        is_button_line(line)
        or is_boilerplate_line(line)
        or is_reply_form_line(line)
        or is_comment_header(line)
        or is_end_marker(line)
    ):
        return UnitKind.BAD
    length = len(line)
    if length < 3 * LENGTH_HIGH and len(_WIDE.findall(line)) * 2 > length:
        # CJK scripts say as much in a third of the characters
        length *= 3
    if length < LENGTH_LOW:
        return UnitKind.SHORT
    ratio = stopword_ratio(line) if use_stopwords else 1.0
    if length >= LENGTH_HIGH:
        return UnitKind.GOOD if ratio >= STOPWORDS_LOW / 2 else UnitKind.BAD
    if use_stopwords and ratio >= STOPWORDS_LOW:
        return UnitKind.NEAR_GOOD
    if not use_stopwords and (line[-1] in _TERMINAL or len(words(line)) >= 10):
        return UnitKind.NEAR_GOOD
    return UnitKind.BAD


def classify_units(units: list[Unit], fixed: dict[int, UnitKind]) -> list[UnitKind]:
    """A kind for each unit; ``fixed`` holds kinds decided earlier (title, figures, comments)."""
    long_units = [u.text for u in units if len(u.text) >= LENGTH_HIGH]
    use_stopwords = bool(long_units) and (
        sum(stopword_ratio(t) for t in long_units) / len(long_units) >= 0.22
    )
    kinds = [fixed.get(i) or _base_kind(u.text, use_stopwords) for i, u in enumerate(units)]
    if UnitKind.GOOD not in kinds:
        # a page of short texts only: its best lines anchor the context instead
        kinds = [UnitKind.GOOD if k is UnitKind.NEAR_GOOD else k for k in kinds]
    if UnitKind.GOOD not in kinds:
        kinds = [
            UnitKind.GOOD
            if k is UnitKind.SHORT and i not in fixed and _sentence_like(u.text)
            else k
            for i, (u, k) in enumerate(zip(units, kinds, strict=True))
        ]
    # Headings just before good text are read as near-good (jusText's heading pass).
    for index, kind in enumerate(kinds):
        if (
            kind is UnitKind.SHORT
            and index not in fixed
            and _heading_like(units[index].text)
            and _good_follows(kinds, index)
        ):
            kinds[index] = UnitKind.HEADING
    # Short lines take the kind of their surroundings (jusText's context step).
    revised = list(kinds)
    before, after = _neighbours(kinds, skip_near_good=True)
    before_any, after_any = _neighbours(kinds, skip_near_good=False)
    for index, kind in enumerate(kinds):
        if kind is not UnitKind.SHORT or index in fixed:
            continue
        if before[index] is UnitKind.GOOD and after[index] is UnitKind.GOOD:
            revised[index] = UnitKind.GOOD
        elif before[index] is UnitKind.BAD and after[index] is UnitKind.BAD:
            revised[index] = UnitKind.BAD
        elif UnitKind.NEAR_GOOD in (before_any[index], after_any[index]):
            revised[index] = UnitKind.GOOD
        else:
            revised[index] = UnitKind.BAD
    kinds = revised
    revised = list(kinds)
    before, after = _neighbours(kinds, skip_near_good=True)
    for index, kind in enumerate(kinds):
        if kind in (UnitKind.NEAR_GOOD, UnitKind.HEADING) and index not in fixed:
            if before[index] is UnitKind.BAD and after[index] is UnitKind.BAD:
                revised[index] = UnitKind.BAD
            elif kind is UnitKind.NEAR_GOOD:
                revised[index] = UnitKind.GOOD
    return _cut_after_end(units, _fill_gaps(units, revised, fixed))


def _neighbours(
    kinds: list[UnitKind], *, skip_near_good: bool
) -> tuple[list[UnitKind], list[UnitKind]]:
    """For each unit, the kind of the nearest unit before and after it that decides context.

    Short lines, headings, titles and repeats never decide; near-good ones
    do unless ``skip_near_good``.  Beyond either end of the page counts as bad.
    """
    skipped = {
        UnitKind.SHORT,
        UnitKind.TITLE,
        UnitKind.DUPLICATE,
        UnitKind.HEADING,
        UnitKind.CREDIT,
    }
    if skip_near_good:
        skipped.add(UnitKind.NEAR_GOOD)
    size = len(kinds)
    before = [UnitKind.BAD] * size
    after = [UnitKind.BAD] * size
    last = UnitKind.BAD
    for index in range(size):
        before[index] = last
        if kinds[index] not in skipped:
            last = UnitKind.GOOD if kinds[index] is UnitKind.FIGURE else kinds[index]
    last = UnitKind.BAD
    for index in range(size - 1, -1, -1):
        after[index] = last
        if kinds[index] not in skipped:
            last = UnitKind.GOOD if kinds[index] is UnitKind.FIGURE else kinds[index]
    return before, after


def _sentence_like(line: str) -> bool:
    return line[-1:] in _TERMINAL and len(words(line)) >= 3


def _heading_like(line: str) -> bool:
    tokens = words(line)
    return 1 <= len(tokens) <= 15 and line[-1:] not in ".,;" and not is_byline_or_date(line)


def _good_follows(kinds: list[UnitKind], index: int) -> bool:
    for step in range(1, MAX_HEADING_DISTANCE + 2):
        if index + step >= len(kinds):
            return False
        kind = kinds[index + step]
        if kind in (UnitKind.GOOD, UnitKind.NEAR_GOOD):
            return True
        if kind not in (UnitKind.SHORT, UnitKind.FIGURE):
            return False
    return False


MAX_GAP_FILL = 2
"""Units of plain text (code, formulas, one-line sentences) kept between article paragraphs."""


def _fill_gaps(
    units: list[Unit], kinds: list[UnitKind], fixed: dict[int, UnitKind]
) -> list[UnitKind]:
    """Plain lines closed in by article paragraphs belong to the article.

    Code listings, formulas and one-line remarks have few function words and
    fail the paragraph test, but a line that no template pattern names as
    boilerplate, with good paragraphs close on both sides, is part of the text.
    """
    result = list(kinds)
    good = [i for i, k in enumerate(kinds) if k is UnitKind.GOOD]
    for left, right in itertools.pairwise(good):
        gap = range(left + 1, right)
        if not 0 < len(gap) <= MAX_GAP_FILL:
            continue
        if all(kinds[i] is UnitKind.BAD and i not in fixed and _plain(units[i].text) for i in gap):
            for i in gap:
                result[i] = UnitKind.GOOD
    return result


def _plain(line: str) -> bool:
    return not (
        is_button_line(line)
        or is_boilerplate_line(line)
        or is_reply_form_line(line)
        or is_comment_header(line)
        or is_end_marker(line)
        or is_byline_or_date(line)
        or len(words(line)) < 3
    )


def _cut_after_end(units: list[Unit], kinds: list[UnitKind]) -> list[UnitKind]:
    """Drop what follows an end-of-article cue once most of the article is behind it."""
    good = [len(u.text) if k is UnitKind.GOOD else 0 for u, k in zip(units, kinds, strict=True)]
    total = sum(good)
    seen = 0
    for index, unit in enumerate(units):
        seen += good[index]
        if (
            seen
            and is_end_marker(unit.text)
            and seen * 2 >= total
            and not _prose_run(kinds, index + 1, index + 1 + END_LOOKAHEAD)
        ):
            return kinds[:index] + [UnitKind.BAD] * (len(kinds) - index)
    return kinds


def _prose_run(kinds: list[UnitKind], start: int, stop: int) -> bool:
    """True when two good units follow each other in ``kinds[start:stop]``.

    Article prose comes in runs; the teasers of a "Related" list stand one by
    one between their headlines and dates.
    """
    window = kinds[start:stop]
    return any(a is UnitKind.GOOD and b is UnitKind.GOOD for a, b in itertools.pairwise(window))


def find_teasers(units: list[Unit]) -> list[tuple[int, int]]:
    """``(start, end)`` spans of teasers: a headline, a short summary and a date or link line.

    Index and section pages list other pages as headline, one or two sentences
    and "12 March 2023 · 2 min read" or "Read more"; an article's sections
    have no such line after each paragraph.  A date or byline may also stand
    between the headline and the summary.
    """
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(units):
        span = _teaser_at(units, index)
        if span is None:
            index += 1
        else:
            spans.append(span)
            index = span[1]
    return spans


def _teaser_at(units: list[Unit], index: int) -> tuple[int, int] | None:
    head = units[index].text
    if not 10 <= len(head) <= 160 or head[-1] in ".,;:":
        return None
    following = units[index + 1 : index + 3]
    if not any(_teaser_summary(u.text) for u in following):
        return None  # the cheap test first: most lines are no headline
    # four words at least: a commenter's name over a date is no headline
    if len(words(head)) < 4 or not _title_like(head):
        return None
    position = index + 1
    marked = position < len(units) and _teaser_marker(units[position].text)
    if marked:
        position += 1
    if position >= len(units) or not _teaser_summary(units[position].text):
        return None
    position += 1
    stop = position + 2
    while position < min(stop, len(units)) and _teaser_marker(units[position].text):
        marked = True
        position += 1
    return (index, position) if marked else None


def _teaser_marker(line: str) -> bool:
    return (
        is_byline_or_date(line)
        or _READING_TIME.match(line) is not None
        or (is_boilerplate_line(line) and len(words(line)) <= 4)
        or is_end_marker(line)
    )


def _teaser_summary(line: str) -> bool:
    return 40 <= len(line) <= MAX_TEASER_SUMMARY and _sentence_like(line)


def _is_listing(units: list[Unit], kinds: list[UnitKind]) -> bool:
    """True when teasers hold most of the page's text, so no one article is its subject.

    An article with a "Related" list under it keeps more prose of its own than
    the teasers hold, as the HTML path's listing test asks of teaser items.
    """
    # Only summaries count for teasers, and a good unit that is neither a summary
    # nor short enough to be a headline or date line is prose beside them: these
    # bounds settle most pages before the teasers are looked for.
    summaries = 0
    prose = 0
    for unit, kind in zip(units, kinds, strict=True):
        if _teaser_summary(unit.text):
            summaries += len(unit.text)
        elif kind is UnitKind.GOOD and len(unit.text) > 160:
            prose += len(unit.text)
    if summaries <= TEASER_SHARE * prose:
        return False
    spans = find_teasers(units)
    if len(spans) < MIN_TEASERS:
        return False
    inside = {i for start, end in spans for i in range(start, end)}
    teaser_text = sum(len(units[i].text) for i in inside if _teaser_summary(units[i].text))
    other = sum(
        len(u.text)
        for i, (u, k) in enumerate(zip(units, kinds, strict=True))
        if k is UnitKind.GOOD and i not in inside
    )
    return teaser_text > TEASER_SHARE * other


def parse_text_dump(text: str, url: str | None, options: Options) -> Article:
    """An Article from a whole-page text dump (title line, body, comments, fine print)."""
    return explain_text_dump(text, url, options)[0]


_VERDICTS = {
    UnitKind.GOOD: (Verdict.CONTENT, "paragraph: length, function words, neighbours"),
    UnitKind.HEADING: (Verdict.CONTENT, "heading: short line over a paragraph"),
    UnitKind.TITLE: (Verdict.METADATA, "title: head line or the heading repeating it"),
    UnitKind.FIGURE: (Verdict.CAPTION, "caption: shown twice around a credit, or over one"),
    UnitKind.DUPLICATE: (Verdict.BOILERPLATE, "repeat of a caption or line shown before"),
    UnitKind.CREDIT: (Verdict.CREDIT, "credit line next to a caption"),
    UnitKind.BAD: (Verdict.BOILERPLATE, "template pattern, too few function words, or context"),
}


def explain_text_dump(
    text: str, url: str | None, options: Options
) -> tuple[Article, tuple[Decision, ...]]:
    """Like :func:`parse_text_dump`, and the verdict on each line (``--explain``)."""
    units = split_units(text)
    if not units:
        return Article.create(url=url), ()
    warnings: tuple[str, ...] = ()
    if len(units) > MAX_UNITS:
        units = units[:MAX_UNITS]
        warnings = (f"text dump cut at {MAX_UNITS} lines",)
    zone = find_comment_zone(units)
    comments: tuple[Comment, ...] = ()
    body_units = units
    if zone is not None:
        if options.comments:
            comments = parse_comments(units[zone[0] : zone[1]])
        body_units = units[: zone[0]]
    fixed: dict[int, UnitKind] = {}
    title, head_index, heading_index = find_title(body_units)
    if head_index is not None:
        fixed[head_index] = UnitKind.TITLE
    if heading_index is not None:
        fixed[heading_index] = UnitKind.TITLE
        # what precedes the story's own heading is the site's header and menus
        for index in range(heading_index):
            fixed.setdefault(index, UnitKind.BAD)
    byline, date = None, None
    anchor = heading_index if heading_index is not None else head_index
    if anchor is not None:
        byline, date = _byline_and_date(body_units, anchor + 1, fixed)
    figures = find_figures(body_units) if options.figures else []
    figure_at: dict[int, Figure] = {}
    for found in figures:
        if any(fixed.get(i) not in (None,) for i in found.covered):
            continue
        figure_at[found.index] = found.figure
        for covered in found.covered:
            if covered == found.index:
                fixed[covered] = UnitKind.FIGURE
            elif body_units[covered].text == body_units[found.index].text:
                fixed[covered] = UnitKind.DUPLICATE
            else:
                fixed[covered] = UnitKind.CREDIT
    _mark_repeats(body_units, fixed)
    kinds = classify_units(body_units, fixed)
    listing = _is_listing(body_units, kinds)
    if listing:
        # an index page: its headlines, dates and summaries belong to other pages
        kinds = [UnitKind.BAD] * len(kinds)
        byline, date, comments = None, None, ()
        title = _listing_title(body_units)
    blocks: list[Block] = []
    for index, (unit, kind) in enumerate(zip(body_units, kinds, strict=True)):
        if kind is UnitKind.GOOD:
            blocks.append(Block(BlockKind.PARAGRAPH, text=unit.text))
        elif kind is UnitKind.HEADING:
            blocks.append(Block(BlockKind.HEADING, text=unit.text, level=2))
        elif kind is UnitKind.FIGURE and index in figure_at:
            figure = figure_at[index]
            blocks.append(Block(BlockKind.FIGURE, text=figure.caption or "", figure=figure))
    while blocks and blocks[-1].kind is BlockKind.HEADING:
        blocks.pop()
    authors = tuple(
        a for a in re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", byline or "") if a
    )
    article = Article.create(
        url=url,
        title=title,
        byline=byline,
        authors=authors,
        date=date,
        blocks=tuple(blocks),
        comments=comments,
        warnings=warnings,
    )
    decisions = [
        Decision("textdump", f"unit {i + 1}: {u.text[:60]!r}", *_VERDICTS[k])
        for i, (u, k) in enumerate(zip(body_units, kinds, strict=True))
        if k in _VERDICTS
    ]
    if listing:
        decisions.append(Decision("textdump", "page", Verdict.BOILERPLATE, "no article: teasers"))
    if zone is not None:
        decisions.append(
            Decision(
                "textdump",
                f"units {zone[0] + 1}-{zone[1]}: {units[zone[0]].text[:60]!r}",
                Verdict.COMMENT_SECTION,
                "comment header followed by comments, up to the reply form",
            )
        )
    return article, tuple(decisions)


def _listing_title(units: list[Unit]) -> str | None:
    """The page's head line (its ``<title>``), not the first teaser's headline."""
    for unit in units[:5]:
        line = unit.text
        if not (is_button_line(line) or is_boilerplate_line(line)) and _title_like(line):
            return _strip_site(line)
    return None


def _byline_and_date(
    units: list[Unit], start: int, fixed: dict[int, UnitKind]
) -> tuple[str | None, str | None]:
    """A "By …" line and a date line just under the title; both leave the body."""
    byline = date = None
    for index in range(start, min(start + 6, len(units))):
        line = units[index].text
        if len(line) >= LENGTH_HIGH:
            break
        found = byline_of(line)
        if byline is None and found:
            byline = found
            fixed.setdefault(index, UnitKind.BAD)
        if (
            date is None
            and (found or len(line) <= 40 or is_byline_or_date(line))
            and (when := iso_date(line))
        ):
            date = when[:10]
            fixed.setdefault(index, UnitKind.BAD)
    return byline, date


def _mark_repeats(units: list[Unit], fixed: dict[int, UnitKind]) -> None:
    """A line shown twice (caption as alt text, title as heading) is kept once."""
    seen: set[str] = set()
    for index, unit in enumerate(units):
        if not 20 <= len(unit.text) < LENGTH_HIGH:
            continue
        if unit.text in seen and index not in fixed:
            fixed[index] = UnitKind.DUPLICATE
        seen.add(unit.text)
