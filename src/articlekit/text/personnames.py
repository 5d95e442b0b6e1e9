"""Whether a short line of a dump is a person's name, or a list of them.

A dump loses the markup that says "author": what is left is the line's shape.
A person's name is two to four capitalised words that are no widget's words
and that the story's prose does not use as words of its own ("Olympische
Winterspiele", "Open Future" are a section's name).  A byline of several
authors is such names joined by commas and the language's "and" ("Ana Ruiz,
Luis Gil y Eva Sanz").
"""

from __future__ import annotations

import re

from articlekit.metadata.byline.names import is_strict_name
from articlekit.metadata.byline.vocabulary import ORGANIZATION, PARTICLES
from articlekit.text.lines import NOT_NAME_WORDS, opens_byline, words
from articlekit.text.units import Unit, is_prose
from articlekit.text.vocabulary import one_of, word_set

__all__ = ["PROSE_READ", "name_list", "person_like", "strict_name"]

PROSE_READ = 40
"""Units from a name line down whose prose is searched for the name's words."""
TOPIC_LINE_CHARS = 160
"""A labelled topic line ("Themen: Ehrenamt Jugendarbeit") is this short."""
MIN_LISTED = 2
"""Names a list line joins at least; one name alone is :func:`person_like`'s."""
MAX_LISTED = 6
"""Names a byline lists at most; a longer list is a team or a menu."""

_TAG_LABELS = word_set("tag_labels")


def person_like(names: str, units: list[Unit], index: int) -> bool:
    """True for a name with no byline word before it that reads as a person's name:
    capitalised words that the story's prose does not use ("Olympische Winterspiele",
    "Open Future" are a section's name), none in capitals or a widget's word."""
    if not strict_name(names):
        return False
    tokens = names.split()
    if any(t.endswith(("'s", "’s")) for t in tokens):
        return False  # a possessive: a user's handle or a title ("Saracen's Fez")
    if any(len(t) >= 3 and t.isupper() for t in tokens):
        return False
    if any(t.lower() in NOT_NAME_WORDS for t in tokens if t not in PARTICLES):
        return False
    if tokens[0].lower() in _TAG_LABELS:
        return False  # a post's categories, their label and value as one list item
    # the story's opening paragraphs; the prose and an author box ("Jane Doe is a senior
    # writer …") name the author in full too, which says nothing against the name, and
    # an author box that opens with the name ("Jane … Jane joined us in 2019") is none
    opening = [
        u.text.replace(names, " ")
        for u in units[index : index + PROSE_READ]
        if is_prose(u.text) and not u.text.startswith(names)
    ]
    used = {w.lower() for text in opening for w in words(text)[1:]}
    if any(len(t) >= 4 and t.lower() in used for t in tokens):
        return False
    return not _listed_as_topic(names, units[index + 1 : index + PROSE_READ])


def name_list(line: str, units: list[Unit], index: int) -> str | None:
    """The line when it lists several people's names and nothing else ("Ana Ruiz, Luis Gil
    y Eva Sanz", "Jane Doe & John Roe"): the byline of a story by several authors, which
    templates print without a by-word.  Every name must read as a person's
    (:func:`person_like`), so a list of topics ("Corporate Relocation, Employee
    Relocation") is none, and none may be an organisation's."""
    if line[-1:] in ",;&" or not _LIST_JOIN.search(line):
        return None
    parts = [part for part in _LIST_JOIN.split(line) if part]
    if not MIN_LISTED <= len(parts) <= MAX_LISTED or ORGANIZATION.search(line):
        return None  # an affiliation after the name: "Jane Doe, Example University"
    return line if all(person_like(part, units, index) for part in parts) else None


# a comma, a semicolon, an ampersand or the language's "and" between two names
_LIST_JOIN = re.compile(r"\s*(?:[,;&]|\s(?:" + one_of("author_separators") + r")\s)\s*")


def _listed_as_topic(names: str, units: list[Unit]) -> bool:
    """True when a labelled line lists the words as topics ("Themen: Ehrenamt Jugendarbeit"):
    a section's tags shown beside the date, not an author; a byline label ("Autor:")
    or a picture credit ("Foto:") before them names a person."""
    for unit in units:
        line = unit.text
        if len(line) > TOPIC_LINE_CHARS or names not in line:
            continue
        label = _TOPIC_LABEL.match(line)
        if label is not None and names in line[label.end() :] and not opens_byline(line):
            return label[1].lower() not in _CREDIT_LABELS
    return False


# a one-word label and its colon: "Themen:", "Tags:", "Rubrik:"
_TOPIC_LABEL = re.compile(r"^([^\W\d_]{3,20}):\s")
_CREDIT_LABELS = word_set("credit_labels")


def strict_name(text: str) -> bool:
    """:func:`is_strict_name`, also for names with an apostrophe ("Gavin O'Callaghan") or
    a particle ("Christoph von Ritter")."""
    tokens = _APOSTROPHE.sub("", text).split()
    kept = [t for i, t in enumerate(tokens) if not (0 < i < len(tokens) - 1 and t in PARTICLES)]
    return is_strict_name(" ".join(kept))


# an apostrophe inside a word: "O'Callaghan", "D’Amato"
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
