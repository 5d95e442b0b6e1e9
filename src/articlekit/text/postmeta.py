"""The post meta line of forums and blog themes, read without a by-word.

Forums print the account beside the post's date ("jane_d January 28, 2024, 3:36pm
1", "MikeNils 18.10.2019, 15:07 Uhr"); blog themes print the date, the author and
the post's categories or its comment link ("6. November 2023 Jane Doe News, Sport",
"28. Januar 2015 janedoe Schreibe einen Kommentar"), the date shown twice when the
post was updated.  A user name is one word, so what tells it from a place ("Berlin,
5. März 2021") or a label ("Datum 5. März 2021") is its shape: lower case or coined,
no comma after it, no word the story's prose uses, no widget's or date's word.
"""

from __future__ import annotations

import re

from articlekit.comments.phrases import is_comment_header, is_reply_form_line
from articlekit.metadata.textdates import iso_date
from articlekit.text.lines import (
    NOT_NAME_WORDS,
    is_coined,
    is_month_or_day,
    leading_names,
    without_dateline_verb,
    words,
)
from articlekit.text.personnames import PROSE_READ, person_like
from articlekit.text.units import Unit, is_prose

__all__ = ["MAX_DATE_TOKENS", "post_meta", "user_like"]

MAX_DATE_TOKENS = 5
"""Words a date written out takes at most ("Samstag, 5. Oktober 2013")."""
MAX_USER_CHARS = 30
"""A user name is this short."""
MAX_DATE_CHARS = 40
"""Characters of a forum post's date and time after the user name."""
THREAD_GAP = 4
"""Units over a forum post's meta line searched for an earlier post's (its text between)."""
MAX_CATEGORY_WORDS = 4
"""Words of one category in a blog theme's list ("Kaufratgeber für Katzen")."""

# a user name as forums show it: "jane_d", "hayley.p", "MikeNils", "Redaktion"
_USER = re.compile(r"[\w.-]*[^\W\d_][\w.-]*")


def post_meta(line: str, units: list[Unit], index: int) -> str | None:
    """The author a post meta line names without a by-word, or None."""
    user = _user_before_date(line)
    if user is not None:
        # a thread's later post: its first post, just over it, is by someone else
        earlier = units[max(0, index - THREAD_GAP) : index]
        if any(_user_before_date(unit.text) is not None for unit in earlier):
            return None
        return user if user_like(user, units, index) else None
    rest = _after_dates(line)
    return None if rest is None else _author_before_categories(rest, units, index)


def _user_before_date(line: str) -> str | None:
    """The one word before a short date and time ("jane_d January 28, 2024, 3:36pm 1")."""
    user, _, rest = line.partition(" ")
    if without_dateline_verb(line) != line:
        return None  # "Veröffentlicht 18.10.2019": the dateline's verb, no user
    if not rest or len(rest) > MAX_DATE_CHARS or iso_date(rest) is None:
        return None
    first = rest.split()[0]
    if not (first[:1].isdigit() or is_month_or_day(first)):
        return None
    # the date and time, a post number or a comment count; no sentence of a post
    others = [w for w in words(rest) if not w.isdigit() and not is_month_or_day(w)]
    return user if len(others) <= 2 else None


def _after_dates(line: str) -> str | None:
    """What follows the date (or the date shown twice) that opens ``line``, or None."""
    tokens = line.split()
    taken = _date_tokens(tokens)
    if not taken:
        return None
    again = _date_tokens(tokens[taken:])
    return " ".join(tokens[taken + again :])


def _date_tokens(tokens: list[str]) -> int:
    """How many of the first ``tokens`` write a date (0 when they do not open with one)."""
    if not tokens or not (tokens[0][:1].isdigit() or is_month_or_day(tokens[0])):
        return 0
    taken, found = 0, None
    for count in range(1, min(len(tokens), MAX_DATE_TOKENS) + 1):
        # the date is read in longer text too: a word counts only when it adds to it
        # (the time after the day), so the author after the date stays out
        value = iso_date(" ".join(tokens[:count]))
        if value is not None and value != found:
            taken, found = count, value
    return taken


def _author_before_categories(rest: str, units: list[Unit], index: int) -> str | None:
    """The author after a post's date: alone or before the comment link ("janedoe Leave a
    comment"), or before the categories, whose first word the names run into ("Jane Doe
    News, Sport, Kultur 0")."""
    head, comma, categories = rest.partition(",")
    tokens = head.split()
    if comma:
        if len(tokens) < 2 or not _is_category_list(categories):
            return None
        names = " ".join(tokens[:-1])
    else:
        if not tokens:
            return None
        names, tail = leading_names(rest)
        if " " not in names:
            names, tail = tokens[0], " ".join(tokens[1:])
        if tail and not (tail.isdigit() or is_reply_form_line(tail) or is_comment_header(tail)):
            return None
    if " " in names:
        return names if person_like(names, units, index) else None
    return names if user_like(names, units, index) else None


def _is_category_list(text: str) -> bool:
    """True for categories after a comma ("Sport, Kultur 0"): short items, a count last."""
    items = [item.strip() for item in text.rstrip(" 0123456789").split(",")]
    return all(0 < len(item.split()) <= MAX_CATEGORY_WORDS for item in items)


def user_like(name: str, units: list[Unit], index: int) -> bool:
    """True for one word that reads as an account's name: in lower case ("janedoe") or
    coined ("MikeNils", "jane_d", "Marianne1"), as a capitalised word may be a label
    ("Datum", "Erscheinungsdatum"), a section or a place; not a widget's or a date's
    word, and none the story's prose uses."""
    if len(name) > MAX_USER_CHARS or _USER.fullmatch(name) is None:
        return False
    # a capital after a hyphen is a compound's ("Presse-Mitteilung"), not a handle's
    if not (name[:1].islower() or (is_coined(name) and "-" not in name)):
        return False
    lowered = name.lower()
    if lowered in NOT_NAME_WORDS or is_month_or_day(name) or (len(name) >= 3 and name.isupper()):
        return False
    prose = (u.text for u in units[index : index + PROSE_READ] if is_prose(u.text))
    return not any(lowered in {w.lower() for w in words(text)} for text in prose)
