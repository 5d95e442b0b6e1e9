"""What converters do to a dateline's text: inline elements joined without white space
("ByJane Doe", "Jane Doe22.03.2021", "26.01.2022Strava") and pictures' alt text kept
beside the name ("Avatar Jane Doe", "KTRK logo").  Each function gives the line as a
reader sees it on the page; :mod:`.dateline` reads bylines and dates from that.
"""

from __future__ import annotations

import re

from articlekit.text.lines import is_month_or_day
from articlekit.text.vocabulary import one_of, word_set

__all__ = ["spaced", "split_glued_names", "unglued_by_word", "unglued_year", "without_pictures"]

_DIGIT = re.compile(r"\d")


# A year that a converter glued to the time or the word after it (inline elements
# without white space between them): "4 de mayo de 202207:59", "26.01.2022Strava".
_GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}:\d\d|[^\W\d_])")
# a year glued to the day of the next date: the published and updated dates of a post,
# two elements side by side ("20 janvier 202021 janvier 2020", "3. Mai 20195. Mai 2019")
_GLUED_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}\.?\s+([^\W\d_]+\.?))")


def unglued_year(line: str) -> str:
    """``line`` with a space after a year glued to what follows it."""
    if not _DIGIT.search(line):
        return line
    line = _GLUED_DAY.sub(lambda m: m[1] + " " if is_month_or_day(m[2]) else m[1], line)
    return _GLUED_YEAR.sub(r"\1 ", line)


def unglued_by_word(line: str) -> str:
    """ "ByJane Doe" as "By Jane Doe": inline markup joined the byline word to the name."""
    match = _GLUED.match(line)
    return f"{match[1]} {line[match.end(1) :]}" if match else line


_GLUED = re.compile(r"^([A-ZÀ-Ý][a-zà-ÿ]{1,3})(?=[A-ZÀ-Ý])")


# inline elements a converter joined without white space: a name and its date ("Jane
# Doe22.03.2021"), a by-word and the name ("Veröffentlicht vonJane Doe"); user names
# written in camel case ("JaneDoe") stay whole
_GLUED_DIGIT = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[0-9])")
_GLUED_BY = re.compile(r"\b(" + one_of("by_words") + r")(?=[A-ZÀ-ÖØ-Þ])")
_CAMEL = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")
_GLUED_WORD = re.compile(r"(?<=[a-zß-öø-ÿ])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]*")


def spaced(line: str) -> str:
    """A line with spaces where a converter glued a name to its by-word or its date
    ("vonJane Doe", "Jane Doe22.03.2021", "Jane DoeMar 5, 2025"), or one date to the
    next ("5 May 20196 May 2019")."""
    line = _GLUED_BY.sub(r"\1 ", _GLUED_DIGIT.sub(" ", unglued_year(line)))
    return _GLUED_WORD.sub(lambda m: " " + m[0] if is_month_or_day(m[0]) else m[0], line)


# the second word of a name, of three lower-case letters or more, run into a capitalised
# word: the end of the name and the next element ("Jane DoeRSS feed of her articles");
# the capitals inside names ("McDonald", "DeSantis", "MacKenzie") follow a shorter run,
# and a user name in camel case ("by EditorJane") is one word
_GLUED_NEXT = re.compile(r"\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,})(?=[A-ZÀ-ÖØ-Þ])")


def split_glued_names(line: str) -> str:
    """A line with a hard break where a converter ran a name into the element after it
    ("Von Jane DoeRSS-Feed ihrer Artikel" as "Von Jane Doe | RSS-Feed ihrer Artikel")."""
    return _GLUED_NEXT.sub(r"\1 | ", line)


_PICTURE_ALTS = word_set("picture_alts")


def without_pictures(line: str) -> str:
    """A byline line without the alt text of the author's picture before it ("Avatar",
    also glued: "AvatarJane Doe") or of an outlet's logo after it ("KTRK logo")."""
    tokens = line.split()
    if len(tokens) < 3:
        return line
    first = _CAMEL.split(tokens[0], maxsplit=1)
    if first[0].lower() in _PICTURE_ALTS:
        tokens = first[1:] + tokens[1:] if len(first) > 1 and first[1] else tokens[1:]
    if tokens and tokens[-1].lower() in _PICTURE_ALTS:
        tokens = tokens[:-2] if len(tokens) > 2 and tokens[-2].isupper() else tokens[:-1]
    return " ".join(tokens)
