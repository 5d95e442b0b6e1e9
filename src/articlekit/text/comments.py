"""The comments of a text dump's comment section.

:func:`parse_comments` splits the section :func:`find_comment_zone` found into
comments: numbered items, "Jane says:" and "Name · date" lines start one, and
indentation gives reply parents.
"""

from __future__ import annotations

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
from articlekit.text.comment_lines import (
    author_date,
    chrome_line,
    names_over_text,
    numbered,
    says_split,
    score_age,
    section_label,
    signature_lines,
    starts_comment,
    thread_level,
    unbulleted,
    without_leading_chrome,
)
from articlekit.text.comment_zone import find_comment_zone
from articlekit.text.lines import is_button_line
from articlekit.text.units import Unit

__all__ = ["find_comment_zone", "parse_comments"]


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
    paragraph is one comment, unless names stand over the comments ("Jane Doe"
    over her text, on two or more comments): then each name starts one.
    """
    units = unbulleted(units)
    drafts = _Drafts()
    signed = signature_lines(units)
    structured = any(starts_comment(u.text) for u in units) or bool(signed)
    # what stands over the first dated marker is the form's; over the first name, the
    # first comment may be one whose author is no name ("sumathi s")
    preamble = structured
    if not structured and len(named := names_over_text(units)) >= 2:
        signed, structured = named, True
        # the blocks after the last name's are the section's notices and promo boxes
        units = [u for u in units if u.block <= units[max(named)].block]
    level: int | None = None
    for position, unit in enumerate(units):
        line = unit.text
        if is_comment_header(line.rstrip(":")) or is_reply_form_line(line) or is_button_line(line):
            continue
        depth = thread_level(line)
        if depth is not None:
            level = depth  # "level 2" over a voted thread's entry: how deep it replies
            continue
        if structured and not drafts.items and section_label(line):
            continue  # "Leserpost (3)": the section's own label
        if position in signed:
            # "Jane Doe" over "17.05.2022 um 16:02 Uhr": a comment starts
            drafts.start(unit.indent, line, signed[position] or None)
            continue
        if (position - 1 in signed and signed[position - 1]) or _avatar_line(
            units, position, signed
        ):
            continue
        if score_age(line):
            # "39 points · 6 years ago": a voted thread's entry starts
            drafts.start(unit.indent if level is None else level)
            level = None
            continue
        rest = _read_marker(drafts, unit.indent, line)
        if rest is not None and (drafts.items or not preamble):
            _add_paragraph(drafts, rest, structured=structured)
    return _comments(drafts.items)


def _avatar_line(units: list[Unit], position: int, signed: dict[int, str]) -> bool:
    """ "Montana" and "5819" over "Montana" / "18.10.2019, 16:18": the avatar box's name
    and score, shown over the signature they repeat."""
    line = units[position].text
    for ahead in (position + 1, position + 2):
        if ahead in signed and (line.isdigit() or line == units[ahead].text):
            return True
    return False


def _read_marker(drafts: _Drafts, indent: int, line: str) -> str | None:
    """Starts a comment when ``line`` opens one; what is left of the line to read as text,
    or None when the line is all marker."""
    item = numbered(line)
    says = says_split(line)
    if item:
        draft = drafts.start(indent)
        line = item[2]
        says = says_split(line)
        if says is not None:
            draft.author, line = says
        elif SAYS_LABEL.match(line):
            draft.author = _label_author(line)
            return None
        return line
    label = SAYS_LABEL.match(line) is not None or (says is not None and not says[1])
    current = drafts.current
    if label and current is not None and current.date is not None and not current.parts:
        return None  # "Jane said:" over the quote a signed reply opens with
    if SAYS_LABEL.match(line) and says is None:
        drafts.start(indent, _label_author(line))
        return None
    if says is not None:
        drafts.start(indent, says[0])
        return says[1]
    signed = author_date(without_leading_chrome(line))
    if signed is not None:
        current = drafts.current
        if current is not None and not current.parts and current.date is None:
            current.author = current.author or signed[0]
            current.date = signed[1]
        else:
            drafts.start(indent, *signed)
        return None
    return line


def _label_author(line: str) -> str:
    """ "Jane says:" as "Jane"."""
    return SAYS_SUFFIX.sub("", line).strip(" :")


def _add_paragraph(drafts: _Drafts, line: str, *, structured: bool) -> None:
    """A line of comment text: the date of a comment just started, or one of its paragraphs."""
    if not line or is_comment_chrome(line) or chrome_line(line):
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
