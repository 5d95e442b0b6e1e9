"""Where the comment section of a text dump is: its header (or first entries) up to its end.

:func:`find_comment_zone` finds a comment-section header ("One thought on “…”",
"5 Comments") followed by comments, or, without one, two comment entries close
together after the article; the section ends at the reply form, an
end-of-page cue, a "View all comments" link or a footer's run of short lines.
"""

from __future__ import annotations

import itertools
import re

from articlekit.comments.phrases import (
    SAYS_LABEL,
    is_comment_chrome,
    is_comment_header,
    is_reply_form_line,
)
from articlekit.metadata.textdates import iso_date
from articlekit.text.comment_lines import (
    COUNTED,
    chrome_line,
    name_like,
    section_label,
    sentence_end,
    signature_lines,
    starts_comment,
    starts_entry,
    unbulleted,
)
from articlekit.text.lines import byline_of, is_boilerplate_line, is_end_marker
from articlekit.text.units import Unit, is_prose, sentence_like
from articlekit.text.vocabulary import one_of

__all__ = ["find_comment_zone", "section_end"]

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
ARTICLE_WEIGHT = 4
"""How many times the text over a header a section without entries may hold before it is
taken for the article under a count link."""

# "± 6 Kommentare", "» 3 Comments": a widget's symbol before the header
_LEADING_SYMBOLS = re.compile(r"^[^\w“„\"'«]+")
# "1.Eric Adams", "2 Dio": an item of a numbered list
# "View entire discussion (50 comments)": a count in parentheses after a link
_COUNT_AFTER = re.compile(r"\s*\(\d+(?:\s+\w+)?\)$")
_LIST_ITEM = re.compile(r"^(\d{1,2})[.)]?\s*[^\W\d]")
_ZERO = re.compile(r"^(?:0|" + one_of("no_comments") + r")\b", re.IGNORECASE)


def find_comment_zone(units: list[Unit]) -> tuple[int, int] | None:
    """``(start, end)`` of the comment section: its header up to the reply form's end.

    A header counts only after the article's paragraphs, when comments follow
    it, and when less paragraph text follows the section than precedes it, so a
    "12 Comments" link near the top of a page does not end the article.
    Without a header (or one no rule knows: "Leserpost (150)"), two comment
    entries close together ("Jane says:", "Jane Doe / 22.04.2020", a name over a
    date) after the article open the section.
    """
    units = unbulleted(units)
    prose = [len(u.text) if _text_like(u.text) else 0 for u in units]
    after = [0] * (len(units) + 1)
    for index in range(len(units) - 1, -1, -1):
        after[index] = after[index + 1] + prose[index]
    headed = _headed_zone(units, prose, after)
    entry = _entry_zone(units, prose, after)
    if headed and entry and entry[0] < headed[0] <= entry[1] + 1:
        # the comments stand over a "View all 32 comments" link the header rule knows;
        # what follows that link is the page's promo boxes, not comments
        return entry
    return headed or entry


def _text_like(line: str) -> bool:
    """A line of running text: prose, or a sentence of a text written in short lines (a
    recipe's steps, a blog's one-line paragraphs)."""
    return is_prose(line) or (len(line) >= SENTENCE_CHARS and sentence_like(line))


def _headed_zone(units: list[Unit], prose: list[int], after: list[int]) -> tuple[int, int] | None:
    before = 0
    tries = 0
    for index, unit in enumerate(units):
        header = _without_trailing_chrome(_LEADING_SYMBOLS.sub("", unit.text).rstrip(":"))
        if before >= MIN_PROSE_BEFORE and _header(header) and not _ZERO.match(header):
            following = units[index + 1 : index + 8]
            if signature_lines(following) or any(
                starts_comment(u.text) or len(u.text) >= 80 for u in following
            ):
                end = _split_section_end(units, index + 1, section_end(units, index + 1))
                # a count link near the top is followed by the article, a section by entries
                if _dense(units[index + 1 : index + 1 + ENTRY_GAP * 2]) or (
                    after[end] < before and _holds_comments(units[index:end], before)
                ):
                    return index, end
                tries += 1
                if tries >= MAX_ZONE_TRIES:
                    return None
        before += prose[index]
    return None


def _without_trailing_chrome(line: str) -> str:
    """ "50 comments share save hide report" as "50 comments": html-text joins a thread's
    header to the action links beside it."""
    tokens = line.split()
    count = len(tokens)
    # a header keeps two words at least: "1 Reply" is one, not "1" and a reply link
    while count > 2 and is_comment_chrome(tokens[count - 1]):
        count -= 1
    return " ".join(tokens[:count]) if count < len(tokens) else line


def _holds_comments(zone: list[Unit], before: int) -> bool:
    """True unless the section holds no entry and far outweighs the text over it: a count
    link over the article, where a dump puts the comments first (the article last)."""
    if signature_lines(zone) or any(starts_comment(u.text) for u in zone):
        return True
    return sum(len(u.text) for u in zone if _text_like(u.text)) <= before * ARTICLE_WEIGHT


def _header(line: str) -> bool:
    """A comment-section header, also with its count after it ("Kommentare 1")."""
    if is_comment_header(line):
        return True
    return section_label(line) and is_comment_header(COUNTED.sub("", line).strip())


def _split_section_end(units: list[Unit], start: int, end: int) -> int:
    """The end of a section whose reply form stands first: "10 Comments", the form, then
    "Comments" again over the comments themselves."""
    if signature_lines(units[start:end]) or any(starts_comment(u.text) for u in units[start:end]):
        return end
    for index in range(end, min(end + ENTRY_GAP, len(units))):
        header = _LEADING_SYMBOLS.sub("", units[index].text).rstrip(":")
        if _header(header) and not _ZERO.match(header):
            return max(end, section_end(units, index + 1))
    return end


def _entry_zone(units: list[Unit], prose: list[int], after: list[int]) -> tuple[int, int] | None:
    """The section that starts with the first of two comment entries close together."""
    # numbered items are a listicle's sections as often as comments: not without a header
    signed = {i for i in signature_lines(units) if name_like(units[i].text)}
    entries = sorted({i for i, u in enumerate(units) if starts_entry(u.text)} | signed)
    before = [0] * (len(units) + 1)
    for index, size in enumerate(prose):
        before[index + 1] = before[index] + size
    first_prose = next((i for i, size in enumerate(prose) if size), len(units))
    if entries and entries[0] < first_prose and byline_of(units[entries[0]].text) is None:
        # the page's first text is itself an entry: a forum thread or a Q&A page, whose
        # posts are its main content ("By Jane Doe 4 May 2020" is the story's byline)
        return None
    tries = 0
    for first, second in itertools.pairwise(entries):
        if before[first] < MIN_PROSE_BEFORE or not 1 < second - first <= ENTRY_GAP:
            continue
        if not any(_comment_text(u.text) for u in units[first + 1 : second]):
            continue
        end = section_end(units, first)
        inside = before[end] - before[first]
        # without a header, a discussion that outweighs the text over it is the page's
        # main content (a forum thread, a Q&A page), not comments under an article; a
        # "Jane says:" label belongs to a comment form's thread, never to a forum's;
        # a reply form closes a comment section (a forum's thread ends in none the
        # zone knows), whatever the teasers and lists after it weigh
        if _closed_by_form(units, second, end) or (
            after[end] < before[first]
            and (inside <= before[first] or _says_run(units, first, second))
        ):
            # a header no rule knows stands just over the first entry
            start = first - 1 if first and section_label(units[first - 1].text) else first
            return start, end
        tries += 1
        if tries >= MAX_ZONE_TRIES:
            return None
    return None


def _closed_by_form(units: list[Unit], second: int, end: int) -> bool:
    """True when the reply form's title ("Leave a Comment", "Kommentar verfassen
    Antworten abbrechen") ends a section that holds both entries; a lone "Comment"
    or "Website" is a share bar's button or a poster's profile link."""
    return (
        second < end < len(units)
        and len(units[end].text.split()) > 1
        and _form_line(units[end].text)
    )


def _says_run(units: list[Unit], first: int, second: int) -> bool:
    """True when both entries are "Jane says:" labels on lines of their own (a quote in
    the article, "One tester said: “…”", is no label)."""
    return all(SAYS_LABEL.match(units[i].text) for i in (first, second))


def _dense(units: list[Unit]) -> bool:
    """True when three comment entries ("Jane says:", "Jane · 5 May 2021") follow."""
    return sum(1 for u in units if starts_entry(u.text)) >= DENSE_ENTRIES


def _comment_text(line: str) -> bool:
    return len(line) >= 20 and not is_comment_chrome(line) and not chrome_line(line)


def section_end(units: list[Unit], start: int) -> int:
    """Where the section ends: the reply form, an end-of-page cue, or a run of short
    lines that are no comment's (a footer's links)."""
    seen_comment = False
    short_run = 0
    signed = {start + i for i in signature_lines(units[start:])}
    # the form's fine print over the first signed comment is no comment's text
    first = next(
        (i for i in range(start, min(start + 8, len(units))) if i in signed),
        start,
    )
    for index in range(first, len(units)):
        line = units[index].text
        if _form_line(line) or is_end_marker(line) or is_boilerplate_line(line):
            if seen_comment:
                return index
            continue
        if seen_comment and is_comment_header(
            _COUNT_AFTER.sub("", _LEADING_SYMBOLS.sub("", line)).rstrip(":")
        ):
            return index  # "View all 32 comments", "View entire discussion (50 comments)"
        if len(line) >= 40 or starts_comment(line) or index in signed:
            seen_comment = True
            short_run = 0
        elif not (
            is_comment_chrome(line)
            or chrome_line(line)
            or iso_date(line) is not None
            or _list_item(units, index, signed)
            or _short_comment(units, index)
        ):
            short_run += 1
            # a run of menu-like lines is the footer, not comments; short lines the
            # reply form's title follows are the last comment's ("Axl Rose")
            if short_run >= 4 and seen_comment and not _form_follows(units, index + 1):
                return index - short_run + 1
    return len(units)


def _form_follows(units: list[Unit], start: int) -> bool:
    """True when the reply form's title comes a few lines later, before any entry."""
    for index in range(start, min(start + ENTRY_GAP, len(units))):
        line = units[index].text
        if len(line.split()) > 1 and _form_line(line):
            return True
        if starts_comment(line) or is_end_marker(line) or is_boilerplate_line(line):
            return False
    return False


def _list_item(units: list[Unit], index: int, signed: set[int]) -> bool:
    """True for an item of a list counted from 1 that a comment entry follows ("my top
    ten would be" over "1.Eric Adams", "2.Rob Halford", then the next comment): a
    comment's list, where a footer's links carry no numbers and a "most read" box
    is followed by no comment."""
    number = _list_number(units, index)
    if number is None:
        return False
    if number > 1 and _list_number(units, index - 1) != number - 1:
        return False
    after = index + 1
    while after < len(units) and _list_number(units, after) is not None:
        after += 1
    return _entry_near(units, after, signed)


def _list_number(units: list[Unit], index: int) -> int | None:
    match = _LIST_ITEM.match(units[index].text) if index >= 0 else None
    return int(match[1]) if match else None


def _entry_near(units: list[Unit], start: int, signed: set[int]) -> bool:
    """True when a comment entry comes within a few lines, before any form or footer."""
    for index in range(start, min(start + ENTRY_GAP, len(units))):
        line = units[index].text
        if _form_line(line) or is_end_marker(line) or is_boilerplate_line(line):
            return False
        if index in signed or starts_entry(line):
            return True
    return False


def _form_line(line: str) -> bool:
    """The reply form's fine print, also where html-text joins two of its buttons on
    one line ("Kommentar verfassen Antworten abbrechen")."""
    if is_reply_form_line(line):
        return True
    tokens = line.split()
    if len(tokens) > 8:
        return False
    return any(
        is_reply_form_line(" ".join(tokens[:cut])) and is_reply_form_line(" ".join(tokens[cut:]))
        for cut in range(1, len(tokens))
    )


def _short_comment(units: list[Unit], index: int) -> bool:
    """ "So brave.", or "Oskar Olsson" over a comment: a short line of a comment, where a
    footer's links end in no full stop and follow each other."""
    line = units[index].text
    if sentence_end(line):
        return True
    following = units[index + 1].text if index + 1 < len(units) else ""
    return name_like(line) and (len(following) >= 20 or sentence_end(following))
