"""The line shapes of a comment section in a text dump, shared by finding and reading it.

A comment starts at a numbered item ("1. Great post"), a "Jane says:" label, a
"Jane Doe · 5 May 2021" signature, a name line over a date line, or, where a
comment system shows no dates, a name line over the comment's text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from articlekit.comments.phrases import (
    SAYS_LABEL,
    SAYS_SUFFIX,
    is_comment_chrome,
    is_comment_header,
    is_reply_form_line,
)
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.textdates import iso_date
from articlekit.text.lines import NAME_PARTICLES, is_button_line, is_month_or_day
from articlekit.text.units import Unit
from articlekit.text.vocabulary import one_of

__all__ = [
    "COUNTED",
    "author_date",
    "chrome_line",
    "name_like",
    "names_over_text",
    "numbered",
    "says_split",
    "score_age",
    "section_label",
    "sentence_end",
    "signature_lines",
    "starts_comment",
    "starts_entry",
    "thread_level",
    "unbulleted",
    "without_leading_chrome",
]

MAX_NAME_WORDS = 4
"""Words of a commenter's name before the date on the same line."""
MAX_DATE_CHARS = 40
"""Characters of the date (and time) after a commenter's name."""

COUNTED = re.compile(r"\(\d+\)$|\s\d+$")
"""A count closing a label: "Leserpost (150)", "Kommentare 1"."""
_BULLET_MARK = re.compile(r"^[•·▪◦‣]\s+")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_AUTHOR_DATE = re.compile(
    r"^(.{1,60}?)\s*(?:[·|•—–]| - | / | " + one_of("author_date_joins") + r" )\s*(.+)$"
)
_DATELINE_VERB = re.compile(
    one_of("dateline_verbs") + r"(?:\s+" + one_of("dateline_joins") + r")?", re.IGNORECASE
)
_INITIAL_END = re.compile(r"\b[A-ZÀ-Ý]\.$")
# "39 points · 6 years ago", "Original Poster 1 point · 6 years ago · edited": a voted
# thread's entry line, its score and its age (the poster's name shown elsewhere or not)
_SCORE_AGE = re.compile(
    r"^(?:\S+(?:\s\S+)?\s)?[+-]?\d+\s(?:"
    + phrase_pattern(words("comments.vote_units"), space=" ")
    + r")\s?[·•|]\s?(?:\d+\s\S+\s(?:"
    + phrase_pattern(words("byline.ago_after"), space=" ")
    + r")|(?:"
    + phrase_pattern(words("byline.ago_before"), space=" ")
    + r")\s\d+\s\S+)(?:\s?[·•|].{0,60})?$",
    re.IGNORECASE,
)
# "level 2", "Continue this thread level 1": the depth label over a voted thread's entry
_LEVEL = re.compile(
    r"(?:^|\s)(?:" + phrase_pattern(words("comments.levels"), space=" ") + r")\s(\d{1,2})$",
    re.IGNORECASE,
)
_SAYS = re.compile(
    r"^(.{1,60}?)\s+" + one_of("says_verbs") + r"\s*:\s*(.*)$",
    re.IGNORECASE,
)


def unbulleted(units: list[Unit]) -> list[Unit]:
    """The units without list bullets: converters that keep lists (Resiliparse) put
    "• " before a commenter's name and before "antworten"."""
    return [
        replace(u, text=_BULLET_MARK.sub("", u.text)) if _BULLET_MARK.match(u.text) else u
        for u in units
    ]


def section_label(line: str) -> bool:
    """ "Leserpost (150)", "Kommentare 1": a short label with a count."""
    return len(line) <= 40 and len(line.split()) <= 4 and COUNTED.search(line) is not None


def starts_entry(line: str) -> bool:
    return (
        SAYS_LABEL.match(line) is not None
        or score_age(line)
        or says_split(line) is not None
        or author_date(without_leading_chrome(line)) is not None
    )


def score_age(line: str) -> bool:
    """ "39 points · 6 years ago": the entry line of a voted thread (Reddit, Lemmy)."""
    return len(line) <= 100 and _SCORE_AGE.match(line) is not None


def thread_level(line: str) -> int | None:
    """The depth a label gives the entry under it ("level 2" as 1, "level 1" as 0: the
    indent of a reply), alone or after a comment's links; None for any other line."""
    match = _LEVEL.search(line) if len(line) <= 60 else None
    if match is None:
        return None
    links = line[: match.start()].strip()
    if links and not (is_comment_chrome(links) or chrome_line(links)):
        return None  # "I got to level 2": a comment's own words
    return max(int(match[1]) - 1, 0)


def without_leading_chrome(line: str) -> str:
    """ "Reply bollwerk 17 September 2020 15:03" as "bollwerk 17 September 2020 15:03":
    html-text joins a comment's last link to the next comment's signature line."""
    tokens = line.split()
    count = 0
    while count < min(2, len(tokens) - 2) and is_comment_chrome(tokens[count]):
        count += 1
    return " ".join(tokens[count:]) if count else line


def chrome_line(line: str) -> bool:
    """ "Antworten Löschen", "Reply Report", "Continue this thread level 2": a comment's
    links on one line, each of one word or more."""
    tokens = line.split()
    if not 1 < len(tokens) <= 6:
        return False
    return all(is_comment_chrome(t) for t in tokens) or _chrome_phrases(tokens)


def _chrome_phrases(tokens: list[str]) -> bool:
    """True when the tokens are chrome phrases one after the other, longest first."""
    start = 0
    while start < len(tokens):
        end = next(
            (
                end
                for end in range(len(tokens), start, -1)
                if is_comment_chrome(" ".join(tokens[start:end]))
            ),
            None,
        )
        if end is None:
            return False
        start = end
    return True


def sentence_end(line: str) -> bool:
    """A short sentence: a promo's "Stay up to date!" ends in "!" far more often."""
    return len(line.split()) >= 2 and line[-1:] in ".…)"


def starts_comment(line: str) -> bool:
    return numbered(line) is not None or starts_entry(line)


def numbered(line: str) -> re.Match[str] | None:
    """ "1. Great post": a numbered item, not a date ("14. 01. 2020, 13:47")."""
    match = _NUMBERED.match(line)
    return match if match is not None and iso_date(line) is None else None


def says_split(line: str) -> tuple[str, str] | None:
    """ "Jane says: Great post" as ("Jane", "Great post")."""
    match = _SAYS.match(line)
    if match and len(match[1].split()) <= 6:
        return match[1], match[2]
    return None


def author_date(line: str) -> tuple[str, str] | None:
    """ "Jane Doe · March 10, 2017 at 12:20 AM" as (author, ISO date); not a dateline
    ("Published on 6 Mar 2026", a teaser's date on an index page)."""
    found = _author_and_date(line)
    if found is None or _DATELINE_VERB.fullmatch(found[0]):
        return None
    return found


def _author_and_date(line: str) -> tuple[str, str] | None:
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


def name_like(line: str) -> bool:
    """ "Jane Doe", "pepemaus": up to four words of a name, no digits, no headline."""
    tokens = line.split()
    if len(tokens) == 1:
        # a user name may hold digits ("Birgit10"), a year or a count may not
        return sum(ch.isalpha() for ch in line) >= 2
    return (
        len(tokens) <= MAX_NAME_WORDS
        and not any(ch.isdigit() for ch in line)
        and all(_named(t) for t in tokens)
    )


def _named(token: str) -> bool:
    """A word of a name of several: capitalised, or a particle ("van", "de")."""
    return token[:1].isupper() or token.lower() in NAME_PARTICLES


def signature_lines(units: list[Unit]) -> dict[int, str]:
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
            and not starts_comment(when)
            and (date := iso_date(when)) is not None
        ):
            found[position] = date
    return found


def names_over_text(units: list[Unit]) -> dict[int, str]:
    """Positions of name lines over a comment's text (a comment system that shows no
    dates), each with an empty date."""
    found: dict[int, str] = {}
    for position in range(len(units) - 1):
        name, text = units[position].text, units[position + 1].text
        if (
            name_like(name)
            and name[-1:].isalnum()
            and not is_comment_chrome(name)
            and not is_button_line(name)
            and (len(text) >= 20 or sentence_end(text))
            and not name_like(text)
        ):
            found[position] = ""
    return found
