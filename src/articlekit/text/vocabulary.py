"""The words of the text-dump rules, from the ``[text]`` tables of the language files.

The rules keep their structure (anchors, slots, punctuation) in code and ask here
for the words of each category, as a regex group or a set.  A dump's lines are
white-space collapsed (:func:`articlekit.text.units.split_units`), so a space in a
phrase matches one space.
"""

from __future__ import annotations

from articlekit.languages import phrase_pattern, words

__all__ = ["one_of", "shortest", "word_set"]


def one_of(key: str) -> str:
    """The words of category ``text.<key>`` as a non-capturing regex group, longest first.

    Words are grouped by their first letter, which the regex parser then factors
    out: a line is compared with a few groups instead of every word, and as words
    of different first letters never match at the same place, what the group
    matches is that of the flat alternation.
    """
    by_first: dict[str, list[str]] = {}
    for word in words(f"text.{key}"):
        by_first.setdefault(word[0], []).append(word)
    groups = (phrase_pattern(group, space=" ") for group in by_first.values())
    return "(?:" + "|".join(f"(?:{group})" for group in groups) + ")"


def word_set(key: str) -> frozenset[str]:
    """The words of category ``text.<key>``, for membership tests of tokens."""
    return frozenset(words(f"text.{key}"))


def shortest(key: str) -> tuple[str, ...]:
    """The words of ``text.<key>`` that contain no other one of them.

    A line that holds none of these holds none of the category's words, so
    they make a cheap substring test before the pattern is tried.
    """
    phrases = words(f"text.{key}")
    return tuple(p for p in phrases if not any(q != p and q in p for q in phrases))
