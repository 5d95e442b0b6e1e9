"""The comment section of a text dump: where it is, and the comments in it.

:func:`find_comment_zone` finds a comment-section header ("One thought on “…”",
"5 Comments") followed by comments, up to the reply form's fine print;
:func:`parse_comments` splits that zone into comments: numbered items, "Jane
says:" and "Name · date" lines start one, and indentation gives reply parents.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from articlekit.comments.phrases import (
    SAYS_LABEL,
    SAYS_SUFFIX,
    is_comment_chrome,
    is_comment_header,
    is_reply_form_line,
)
from articlekit.metadata.textdates import iso_date
from articlekit.model import Comment
from articlekit.text.lines import (
    NAME_PARTICLES,
    is_boilerplate_line,
    is_button_line,
    is_end_marker,
    is_month_or_day,
)
from articlekit.text.units import Unit, is_prose, sentence_like
from articlekit.text.vocabulary import one_of

__all__ = ["find_comment_zone", "parse_comments"]

SENTENCE_CHARS = 40
"""Characters of a sentence on a line of its own that count as the article's text."""
MIN_PROSE_BEFORE = 150
"""Characters of article prose that must precede a comment section."""
ENTRY_GAP = 12
"""Units between two comment entries that open a section without a header."""
DENSE_ENTRIES = 3
"""Entries under a header that make it a comment section whatever follows the section."""
MAX_ZONE_TRIES = 20
"""Comment headers weighed before giving up, so a page of repeated headers stays linear."""

MAX_NAME_WORDS = 4
"""Words of a commenter's name before the date on the same line."""
MAX_DATE_CHARS = 40
"""Characters of the date (and time) after a commenter's name."""

# "± 6 Kommentare", "» 3 Comments": a widget's symbol before the header
_LEADING_SYMBOLS = re.compile(r"^[^\w“„\"'«]+")
_BULLET_MARK = re.compile(r"^[•·▪◦‣]\s+")
_COUNTED = re.compile(r"\(\d+\)$|\s\d+$")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_AUTHOR_DATE = re.compile(
    r"^(.{1,60}?)\s*(?:[·|•—–]| - | / | " + one_of("author_date_joins") + r" )\s*(.+)$"
)
_INITIAL_END = re.compile(r"\b[A-ZÀ-Ý]\.$")
_ZERO = re.compile(r"^(?:0|" + one_of("no_comments") + r")\b", re.IGNORECASE)
_SAYS = re.compile(
    r"^(.{1,60}?)\s+" + one_of("says_verbs") + r"\s*:\s*(.*)$",
    re.IGNORECASE,
)


def find_comment_zone(units: list[Unit]) -> tuple[int, int] | None:
    """``(start, end)`` of the comment section: its header up to the reply form's end.

    A header counts only after the article's paragraphs, when comments follow
    it, and when less paragraph text follows the section than precedes it, so a
    "12 Comments" link near the top of a page does not end the article.
    Without a header (or one no rule knows: "Leserpost (150)"), two comment
    entries close together ("Jane says:", "Jane Doe / 22.04.2020", a name over a
    date) after the article open the section.
    """
    units = _unbulleted(units)
    prose = [len(u.text) if _text_like(u.text) else 0 for u in units]
    after = [0] * (len(units) + 1)
    for index in range(len(units) - 1, -1, -1):
        after[index] = after[index + 1] + prose[index]
    return _headed_zone(units, prose, after) or _entry_zone(units, prose, after)


def _unbulleted(units: list[Unit]) -> list[Unit]:
    """The units without list bullets: converters that keep lists (Resiliparse) put
    "• " before a commenter's name and before "antworten"."""
    return [
        replace(u, text=_BULLET_MARK.sub("", u.text)) if _BULLET_MARK.match(u.text) else u
        for u in units
    ]


def _text_like(line: str) -> bool:
    """A line of running text: prose, or a sentence of a text written in short lines (a
    recipe's steps, a blog's one-line paragraphs)."""
    return is_prose(line) or (len(line) >= SENTENCE_CHARS and sentence_like(line))


def _headed_zone(units: list[Unit], prose: list[int], after: list[int]) -> tuple[int, int] | None:
    before = 0
    tries = 0
    for index, unit in enumerate(units):
        header = _LEADING_SYMBOLS.sub("", unit.text).rstrip(":")
        if before >= MIN_PROSE_BEFORE and is_comment_header(header) and not _ZERO.match(header):
            following = units[index + 1 : index + 8]
            if any(_starts_comment(u.text) or len(u.text) >= 80 for u in following):
                end = _zone_end(units, index + 1)
                # a count link near the top is followed by the article, a section by entries
                if after[end] < before or _dense(units[index + 1 : index + 1 + ENTRY_GAP * 2]):
                    return index, end
                tries += 1
                if tries >= MAX_ZONE_TRIES:
                    return None
        before += prose[index]
    return None


def _entry_zone(units: list[Unit], prose: list[int], after: list[int]) -> tuple[int, int] | None:
    """The section that starts with the first of two comment entries close together."""
    # numbered items are a listicle's sections as often as comments: not without a header
    signed = {i for i in _signature_lines(units) if _name_like(units[i].text)}
    entries = sorted({i for i, u in enumerate(units) if _starts_entry(u.text)} | signed)
    before = [0] * (len(units) + 1)
    for index, size in enumerate(prose):
        before[index + 1] = before[index] + size
    first_prose = next((i for i, size in enumerate(prose) if size), len(units))
    if entries and entries[0] < first_prose:
        # the page's first text is itself an entry: a forum thread or a Q&A page, whose
        # posts are its main content
        return None
    tries = 0
    for first, second in itertools.pairwise(entries):
        if before[first] < MIN_PROSE_BEFORE or not 1 < second - first <= ENTRY_GAP:
            continue
        if not any(_comment_text(u.text) for u in units[first + 1 : second]):
            continue
        end = _zone_end(units, first)
        inside = before[end] - before[first]
        # without a header, a discussion that outweighs the text over it is the page's
        # main content (a forum thread, a Q&A page), not comments under an article
        if after[end] < before[first] and inside <= before[first]:
            # a header no rule knows stands just over the first entry
            start = first - 1 if first and _section_label(units[first - 1].text) else first
            return start, end
        tries += 1
        if tries >= MAX_ZONE_TRIES:
            return None
    return None


def _dense(units: list[Unit]) -> bool:
    """True when three comment entries ("Jane says:", "Jane · 5 May 2021") follow."""
    return sum(1 for u in units if _starts_entry(u.text)) >= DENSE_ENTRIES


def _comment_text(line: str) -> bool:
    return len(line) >= 20 and not is_comment_chrome(line) and not _chrome_line(line)


def _section_label(line: str) -> bool:
    """ "Leserpost (150)", "Kommentare 1": a short label with a count."""
    return len(line) <= 40 and len(line.split()) <= 4 and _COUNTED.search(line) is not None


def _starts_entry(line: str) -> bool:
    return (
        SAYS_LABEL.match(line) is not None
        or _says_split(line) is not None
        or _author_date(line) is not None
    )


def _chrome_line(line: str) -> bool:
    """ "Antworten Löschen", "Reply Report": a comment's links on one line."""
    tokens = line.split()
    return 1 < len(tokens) <= 6 and all(is_comment_chrome(t) for t in tokens)


def _zone_end(units: list[Unit], start: int) -> int:
    """Where the section ends: the reply form, an end-of-page cue, or a run of short
    lines that are no comment's (a footer's links)."""
    seen_comment = False
    short_run = 0
    signed = {start + i for i in _signature_lines(units[start:])}
    for index in range(start, len(units)):
        line = units[index].text
        if is_reply_form_line(line) or is_end_marker(line) or is_boilerplate_line(line):
            if seen_comment:
                return index
            continue
        if len(line) >= 40 or _starts_comment(line) or index in signed:
            seen_comment = True
            short_run = 0
        elif not (is_comment_chrome(line) or _chrome_line(line)) and iso_date(line) is None:
            short_run += 1
            # a run of menu-like lines is the footer, not comments
            if short_run >= 4 and seen_comment:
                return index - short_run + 1
    return len(units)


def _starts_comment(line: str) -> bool:
    return _numbered(line) is not None or _starts_entry(line)


def _numbered(line: str) -> re.Match[str] | None:
    """ "1. Great post": a numbered item, not a date ("14. 01. 2020, 13:47")."""
    match = _NUMBERED.match(line)
    return match if match is not None and iso_date(line) is None else None


def _says_split(line: str) -> tuple[str, str] | None:
    """ "Jane says: Great post" as ("Jane", "Great post")."""
    match = _SAYS.match(line)
    if match and len(match[1].split()) <= 6:
        return match[1], match[2]
    return None


def _author_date(line: str) -> tuple[str, str] | None:
    """ "Jane Doe · March 10, 2017 at 12:20 AM" as (author, ISO date)."""
    if len(line) > 120 or line[-1:] == ".":
        return None
    match = _AUTHOR_DATE.match(line)
    if not match:
        return _name_then_date(line)
    date = iso_date(match[2])
    author = SAYS_SUFFIX.sub("", match[1]).strip(" ,")
    if date is None or not author or iso_date(author) or len(author.split()) > 8:
        # "Jane Doe July 28, 2015 at 4:28 pm": the join word was the clock's
        return _name_then_date(line)
    return author, date


def _name_then_date(line: str) -> tuple[str, str] | None:
    """ "Ilya Vinnik July 28, 2015 at 4:28 pm", "nostrocrompt 17 September 2020 14:17":
    a name of one to four words, then nothing but the date."""
    tokens = line.split()
    for count in range(1, min(MAX_NAME_WORDS, len(tokens) - 1) + 1):
        head, rest = tokens[:count], " ".join(tokens[count:])
        if any(ch.isdigit() for ch in "".join(head)) or head[-1][-1:] in ",:;":
            return None  # "Samstag, 9. September 2017", "Erscheinungsdatum: 14.08.2017"
        if is_month_or_day(head[0]) or (len(head) > 1 and not all(_named(t) for t in head)):
            return None  # a teaser's title before its date: "Die Rückkehr des Preisprotestes"
        if not (rest[:1].isdigit() or is_month_or_day(tokens[count])):
            continue
        date = iso_date(rest)
        if date is None or len(rest) > MAX_DATE_CHARS:
            return None
        return " ".join(head), date
    return None


def _name_like(line: str) -> bool:
    """ "Jane Doe", "pepemaus": up to four words of a name, no digits, no headline."""
    tokens = line.split()
    return (
        0 < len(tokens) <= MAX_NAME_WORDS
        and not any(ch.isdigit() for ch in line)
        and (len(tokens) == 1 or all(_named(t) for t in tokens))
    )


def _named(token: str) -> bool:
    """A word of a name of several: capitalised, or a particle ("van", "de")."""
    return token[:1].isupper() or token.lower() in NAME_PARTICLES


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


@dataclass(slots=True)
class _Draft:
    """A comment being read: its author and date once known, its paragraphs so far."""

    author: str | None
    date: str | None
    parent: int | None
    """Index of the draft it replies to."""
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Drafts:
    """The comments read so far, and the numbered items still open for replies."""

    items: list[_Draft] = field(default_factory=list)
    open: list[tuple[int, int]] = field(default_factory=list)
    """(indent, draft index) of the open numbered items, outermost first."""

    @property
    def current(self) -> _Draft | None:
        return self.items[-1] if self.items else None

    def start(self, indent: int, author: str | None = None, date: str | None = None) -> _Draft:
        """A new comment, the reply of the nearest open item indented less deeply."""
        while self.open and self.open[-1][0] >= indent:
            self.open.pop()
        parent = self.open[-1][1] if self.open else None
        draft = _Draft(author=author, date=date, parent=parent)
        self.items.append(draft)
        self.open.append((indent, len(self.items) - 1))
        return draft


def parse_comments(units: list[Unit]) -> tuple[Comment, ...]:
    """Comments from the lines of a comment section (header and form lines included).

    Numbered items ("1.", indented deeper for replies), "Jane says:" labels and
    "Jane · March 5, 2014" lines start a comment; the lines after them, up to
    the next start, are its paragraphs.  Without any such marker each
    paragraph is one comment.
    """
    units = _unbulleted(units)
    drafts = _Drafts()
    signed = _signature_lines(units)
    structured = any(_starts_comment(u.text) for u in units) or bool(signed)
    for position, unit in enumerate(units):
        line = unit.text
        if is_comment_header(line.rstrip(":")) or is_reply_form_line(line) or is_button_line(line):
            continue
        if structured and not drafts.items and _section_label(line):
            continue  # "Leserpost (3)": the section's own label
        if position in signed:
            # "Jane Doe" over "17.05.2022 um 16:02 Uhr": a comment starts
            drafts.start(unit.indent, line, signed[position])
            continue
        if position - 1 in signed:
            continue
        rest = _read_marker(drafts, unit.indent, line)
        if rest is not None:
            _add_paragraph(drafts, rest, structured=structured)
    return _comments(drafts.items)


def _read_marker(drafts: _Drafts, indent: int, line: str) -> str | None:
    """Starts a comment when ``line`` opens one; what is left of the line to read as text,
    or None when the line is all marker."""
    numbered = _numbered(line)
    says = _says_split(line)
    if numbered:
        draft = drafts.start(indent)
        line = numbered[2]
        says = _says_split(line)
        if says is not None:
            draft.author, line = says
        elif SAYS_LABEL.match(line):
            draft.author = _label_author(line)
            return None
        return line
    if SAYS_LABEL.match(line) and says is None:
        drafts.start(indent, _label_author(line))
        return None
    if says is not None:
        drafts.start(indent, says[0])
        return says[1]
    author_date = _author_date(line)
    if author_date is not None:
        current = drafts.current
        if current is not None and not current.parts and current.date is None:
            current.author = current.author or author_date[0]
            current.date = author_date[1]
        else:
            drafts.start(indent, *author_date)
        return None
    return line


def _label_author(line: str) -> str:
    """ "Jane says:" as "Jane"."""
    return SAYS_SUFFIX.sub("", line).strip(" :")


def _add_paragraph(drafts: _Drafts, line: str, *, structured: bool) -> None:
    """A line of comment text: the date of a comment just started, or one of its paragraphs."""
    if not line or is_comment_chrome(line):
        return
    current = drafts.current
    if current is not None and not current.parts and current.date is None:
        date = iso_date(line)
        if date and len(line) <= 60:
            current.date = date
            return
    if current is None or not structured:
        current = drafts.start(0)
    current.parts.append(line)


def _comments(drafts: list[_Draft]) -> tuple[Comment, ...]:
    """The drafts with text as comments; a reply whose parent has none becomes top-level."""
    comments = [
        Comment(
            id=f"comment-{index + 1}",
            parent=f"comment-{draft.parent + 1}" if draft.parent is not None else None,
            author=draft.author or None,
            date=draft.date or None,
            text="\n\n".join(draft.parts),
        )
        for index, draft in enumerate(drafts)
        if draft.parts
    ]
    known = {c.id for c in comments}
    return tuple(
        c if c.parent in known or c.parent is None else replace(c, parent=None) for c in comments
    )
