"""The comment section of a text dump: where it is, and the comments in it.

:func:`find_comment_zone` finds a comment-section header ("One thought on “…”",
"5 Comments") followed by comments, up to the reply form's fine print;
:func:`parse_comments` splits that zone into comments: numbered items, "Jane
says:" and "Name · date" lines start one, and indentation gives reply parents.
"""

from __future__ import annotations

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
from articlekit.text.lines import is_boilerplate_line, is_button_line, is_end_marker
from articlekit.text.units import Unit, is_prose
from articlekit.text.vocabulary import one_of

__all__ = ["find_comment_zone", "parse_comments"]

MAX_ZONE_TRIES = 20
"""Comment headers weighed before giving up, so a page of repeated headers stays linear."""

_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_AUTHOR_DATE = re.compile(
    r"^(.{1,60}?)\s*(?:[·|•—–]| - | " + one_of("author_date_joins") + r" )\s*(.+)$"
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
    """
    prose = [len(u.text) if is_prose(u.text) else 0 for u in units]
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
    drafts = _Drafts()
    signed = _signature_lines(units)
    structured = any(_starts_comment(u.text) for u in units) or bool(signed)
    for position, unit in enumerate(units):
        line = unit.text
        if is_comment_header(line) or is_reply_form_line(line) or is_button_line(line):
            continue
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
    numbered = _NUMBERED.match(line)
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
