"""The language words of bylines, as the patterns and word sets the other byline
modules match with: by-words and author labels, job titles, words that are never
names, name particles, newsroom and organisation words.

The words are in the ``[byline]`` table of the language files
(:mod:`articlekit.languages`); this module gives them their place in each rule.
Month and weekday names are still written here (they are to come from the dates
data); markup, punctuation and legal-form abbreviations stay in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from articlekit.languages import phrase_pattern, words

__all__ = [
    "AUTHOR_LABEL",
    "BY_INITIALS",
    "BY_INSIDE",
    "BY_PAIRS",
    "BY_START",
    "BY_VERB",
    "CARD_AUTHOR_LABEL",
    "CONVERSATION",
    "CREDENTIALS",
    "DANGLING",
    "DATE_CUT",
    "DATE_LINE",
    "DATE_WORDS",
    "DESK_WORDS",
    "INSTITUTION",
    "LABEL_WORDS",
    "LINKS",
    "NAME_BY_WORDS",
    "NEWSROOM",
    "NOT_NAME",
    "ORGANIZATION",
    "PARTICLES",
    "PREFIX",
    "ROLE_WORDS",
    "SAYS",
    "SPLIT",
]


def _words(*categories: str, languages: Iterable[str] | None = None) -> tuple[str, ...]:
    """The words of ``byline.<category>`` for each category, each word once."""
    found: dict[str, None] = {}
    for category in categories:
        found.update(dict.fromkeys(words(f"byline.{category}", languages)))
    return tuple(found)


def _alt(*categories: str, space: str = r"\s+") -> str:
    """An alternation (no group) of the words of ``categories``."""
    return phrase_pattern(_words(*categories), space=space)


def _set(*categories: str) -> frozenset[str]:
    return frozenset(_words(*categories))


_BY = _alt("by")
# languages written without spaces between words: their labels may run into the name
_UNSPACED = ("ja", "zh")
_UNSPACED_LABELS = _words("separator_labels", languages=_UNSPACED)
# a label of one character ("文") is a label only before a separator
_ONE_CHARACTER_LABELS = phrase_pattern(label for label in _UNSPACED_LABELS if len(label) == 1)
_LONGER_LABELS = phrase_pattern(label for label in _UNSPACED_LABELS if len(label) > 1)
_DASHES = "-\u2013\u2014*~|"

BY_START = re.compile(
    rf"^\s*(?:[{re.escape(_DASHES)}]+\s*)?"
    rf"(?:(?:{_alt('by', 'opening_labels', 'thread_starters', space=' ')})(?:\s*:)?(?:\s|$)|"
    rf"(?:{_alt('desk_labels')})\s*:\s|"
    rf"(?:{_alt('separator_labels')})\s*[・:：／/])",
    re.IGNORECASE,
)
BY_INSIDE = re.compile(
    rf"^\s*(?:{_alt('posted_verbs')})\b.{{0,60}}?\s({_BY})(?:\s*:)?(?:\s|$)",
    re.IGNORECASE,
)
# "Presseartikel vom 12. Oktober 1999, verfasst von Jane Doe": a by-phrase after a comma
BY_VERB = re.compile(rf",\s*(?:{_alt('written_verbs')})\s+({_BY})\s", re.IGNORECASE)
# the legal forms of companies, as abbreviations ("GmbH", "e. V.", "S.A.")
_LEGAL_FORMS = r"gmbh|ag|se|kg|e\.?\s?v|inc|ltd|llc|corp|co|sa|s\.a|plc"
# Words of organisation names: a CMS or feed puts the company where the author goes.
ORGANIZATION = re.compile(
    rf"\b(?:{_LEGAL_FORMS}|{_alt('organization_words')})\b",
    re.IGNORECASE,
)
# Public bodies and associations: shown as the page's owner, not as its author.
INSTITUTION = re.compile(
    rf"(?:{_alt('institution_endings')})\b|\b(?:{_alt('institution_words')})\b",
    re.IGNORECASE,
)

PREFIX = re.compile(
    rf"^(?:(?:{_alt('prefix_intros')}|[\w-]*(?:{_alt('author_words')}))\s+)?"
    rf"(?:{_alt('by', 'by_contractions')})\b\s*:?\s*|"
    rf"^(?:{_alt('author_labels', 'credit_labels')})\s*[:：]\s*|"
    rf"^(?:[^\s:：]+\s+(?:&|{_alt('label_pair_joins')})\s+)?[^\s:：]{{1,12}}[:：]\s*|"
    rf"^(?:{_alt('name_labels')})\s+(?=(?-i:[A-ZÀ-ÖØ-Þ]))|"
    rf"^(?:{_alt('thread_starters')})\s+|"
    rf"^(?:(?:{_ONE_CHARACTER_LABELS})\s*[・／/]|(?:{_LONGER_LABELS})\s*[・／/:：]?)\s*",
    re.IGNORECASE,
)
# an author label inside a "label: value" list of facts about the article
AUTHOR_LABEL = re.compile(rf"(?<!\S)(?:{_alt('author_labels', 'by')})\s*:\s", re.IGNORECASE)
# "Anna sagt:" heads a comment, not an article
SAYS = re.compile(rf"\b(?:{_alt('says_verbs')})\s*:", re.I)
# Month and weekday names of the languages whose bylines carry dates, without the
# month names that are also given names ("By May Wong" is a byline, not a date).
_CALENDAR_LANGUAGES = ("en", "de", "fr", "es")
_CALENDAR_WORDS = tuple(
    word
    for word in (
        *words("dates.weekdays", _CALENDAR_LANGUAGES),
        *words("dates.months", _CALENDAR_LANGUAGES),
    )
    if word not in frozenset(words("dates.given_names"))
)
_WEEKDAYS_MONTHS = phrase_pattern(_CALENDAR_WORDS)
DATE_LINE = re.compile(
    rf"\d{{4}}|\b(?:{_alt('date_line_words')})\b|\b(?:{_WEEKDAYS_MONTHS})\b",
    re.I,
)
# where a byline ends and its date, reading time or links begin (the start of the match)
DATE_CUT = re.compile(
    rf"(?:\b(?:{_WEEKDAYS_MONTHS})\b\.?,?\s*\d|"
    rf"\b(?:{_alt('date_prepositions')})\s+(?:{_WEEKDAYS_MONTHS})\b|"
    rf"(?:{_alt('date_labels')})\s*:|"
    r"\s[^\W\d_][\w-]*:(?:\s|$)|"
    rf"\b(?:{_alt('ago_before', space=' ')})\s+\d|\b(?:{_alt('ago_cut')})$|"
    rf"\b(?:{_alt('ago_after')})\b|"
    r"\s[|\u2022\u00b7\u2013\u2014]|\s-\s|"
    rf"\s(?:{_alt('date_prepositions', 'before_number')})\s+\d|(?<![\w.])\d|"
    rf"\b(?:{_alt('cut_words', space=' ')}|twitter)\b|"
    # "Posted by jd under Fun, Rebloggt": the post's category
    rf"\s(?:{_alt('category_joins')})\s)",
    re.IGNORECASE,
)
SPLIT = re.compile(
    rf"\s*(?:,|;|/|\s&\s|\b(?:{_alt('and_words')})\b|\b(?:{_alt('and_letters')})\b(?!\.)|"
    rf"\b(?:{_alt('with_words')})\b)\s*",
    re.IGNORECASE,
)
# "Richard David Precht im Gespräch mit Karin Fischer": a radio interview names both
CONVERSATION = re.compile(rf"\s+(?:{_alt('conversation_joins')})\s+", re.I)
ROLE_WORDS = _set("role_words")
CREDENTIALS = _set("credentials")
# brand names are the same in every language
_BRANDS = frozenset(
    ("twitter", "facebook", "linkedin", "instagram", "getty", "shutterstock", "keystone", "imago")
)
NOT_NAME = _set("not_names") | _BRANDS | {"wordpressadmin"}
# "Letters To (the Editor)": a name does not end in a preposition
DANGLING = _set("dangling_words")
# Day and month names ("Jan", "April", "Mo") are also first names: only a part made
# of nothing else is a date left over rather than a name.
DATE_WORDS = frozenset(_CALENDAR_WORDS)
PARTICLES = _set("particles")
NAME_BY_WORDS = _set("name_by_words")
# role words that also join a name to its newspaper ("Jane Doe for The Times")
LINKS = _set("name_links")
DESK_WORDS = _set("desk_words")
NEWSROOM = _set("newsroom_names")
# "Text", "Autor": a label on its own is no one's name ("Redaktion" signs as the newsroom)
LABEL_WORDS = (
    _set("by", "opening_labels", "author_labels", "credit_labels", "name_labels") - NEWSROOM
)
CARD_AUTHOR_LABEL = re.compile(rf"\s*(?:{_alt('card_labels')})\s*:?\s*$", re.IGNORECASE)

# Gates for the XPath that collects the texts that may open a by-line anywhere in the
# page (:mod:`.anywhere`), derived from the words of BY_START and BY_INSIDE so that they
# cannot drift apart: the dashes and the first characters of the separator labels ...
BY_INITIALS = _DASHES + "".join(dict.fromkeys(label[0] for label in _words("separator_labels")))
# ... and the first two letters (lower case) of the by-words, opening labels and posted
# verbs.  Thread-starter and desk labels ("Thread starter", "Redaktion:") count only near
# the headline: "th" and "re" would open the gate to every "The ..." text of the page.
BY_PAIRS = "|{}|".format(
    "|".join(dict.fromkeys(word[:2] for word in _words("by", "opening_labels", "posted_verbs")))
)
