"""The words of each language that articlekit's rules match, as data.

One TOML file per language in this folder (``en.toml``, ``de.toml``, ...), loaded
once at import and validated against :data:`CATEGORIES`.  A rule in code says what
its words are for and asks for them by category; the files say which words.  A
language is added by adding a file (``docs/languages.md``).

A file looks like::

    [language]
    code = "it"            # the file's stem, an ISO 639-1 code
    name = "Italian"

    [byline]
    prefixes = ["di", "a cura di"]

Every key below ``[language]`` is ``table.key`` of :data:`CATEGORIES` and holds a
list of non-empty strings.  Words are written as a reader sees them, lower case
unless case matters to the rule; a space in a phrase matches any run of white space
where the rule builds a pattern with :func:`phrase_pattern`.  Markup, punctuation
and number patterns stay in code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

__all__ = [
    "CATEGORIES",
    "LANGUAGES",
    "Language",
    "LanguageDataError",
    "phrase_pattern",
    "words",
]

#: Every category a language file may fill: ``table.key`` -> what its words are for.
#: A stage owns its table; the module that reads a category is named beside it.
CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        # --- content/boilerplate --------------------------------------------------------
        "boilerplate.buttons": (
            "share, print and save button labels: a short text made only of these is a button"
            " row (content/boilerplate_text)"
        ),
        "boilerplate.starters": (
            "first words of the short-text labels below: the cheap gate before their pattern "
            "(content/boilerplate_text)"
        ),
        "boilerplate.labels": (
            "a whole short text that is a template label (Advertisement, Related) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.questions": (
            "a whole short text that is a template question; a '?' may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.share_prompts": (
            "share prompts; up to 40 characters without a full stop may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_30": (
            "open a template line; up to 30 characters may follow (content/boilerplate_text)"
        ),
        "boilerplate.openers_40": (
            "open a template line; up to 40 characters may follow (content/boilerplate_text)"
        ),
        "boilerplate.openers_60": (
            "open a template line (follow us, more on the topic); up to 60 characters may "
            "follow (content/boilerplate_text)"
        ),
        "boilerplate.openers_80": (
            "reply, subscribe and join prompts; up to 80 characters may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_120": (
            "read-on links (Read more, Next article); up to 120 characters may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_150": (
            "newsletter and paywall prompts; up to 150 characters may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_200": (
            "see-also lead-ins (Lesen Sie auch); up to 200 characters (a title) may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.more_on": (
            "'more on' lead-ins, then a space and up to 60 characters (a topic) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.back_to": (
            "'back to' lead-ins, then a space and up to 40 characters (a section) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.subscribe_to": (
            "'subscribe to' lead-ins, then a space and up to 80 characters "
            "(content/boilerplate_text)"
        ),
        "boilerplate.news_list_headers": (
            "headers of news lists; up to five more words may follow (content/boilerplate_text)"
        ),
        "boilerplate.source_labels": (
            "labels of a source line, then a colon and up to 80 characters "
            "(content/boilerplate_text)"
        ),
        "boilerplate.topic_labels": (
            "labels of a tag or topic list, then a colon and up to 300 characters "
            "(content/boilerplate_text)"
        ),
        "boilerplate.count_words": (
            "numbers written as words before a reaction header (Three thoughts on ...) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.reaction_headers": (
            "what follows a count in a comment-section title (thoughts on) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.page_of": (
            "the word between the two numbers of a page counter (3 of 10) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.comment_count_words": (
            "words for a count before a comment noun (No comments) (content/boilerplate_text)"
        ),
        "boilerplate.comment_nouns": (
            "comment nouns after a count (12 comments) (content/boilerplate_text)"
        ),
        "boilerplate.fine_print": (
            "reply-form, consent and copyright fine print, found anywhere in a text "
            "(content/boilerplate_text)"
        ),
        "boilerplate.fine_print_openers": (
            "verbs that, opening a text, make it a comment link's label (content/boilerplate_text)"
        ),
        "boilerplate.fine_print_gate": (
            "substrings one of which every fine print phrase holds: its cheap gate "
            "(content/boilerplate_text)"
        ),
        # --- comments -------------------------------------------------------------------
        # --- metadata/byline ------------------------------------------------------------
        # --- metadata/dates -------------------------------------------------------------
        # --- content/figures ------------------------------------------------------------
        # --- content/blocks, content/selection --------------------------------------------
        # --- text -----------------------------------------------------------------------
    }
)


class LanguageDataError(ValueError):
    """A language file that does not fit the schema (raised at import, naming the file)."""


@dataclass(frozen=True, slots=True)
class Language:
    """One language file: its code, its name and its words by category."""

    code: str
    name: str
    words: Mapping[str, tuple[str, ...]]


def _validated(stem: str, data: Mapping[str, object]) -> Language:
    header = data.get("language")
    if not isinstance(header, dict) or header.get("code") != stem:
        raise LanguageDataError(f"{stem}.toml: needs [language] with code = {stem!r}")
    name = header.get("name")
    if not isinstance(name, str) or not name:
        raise LanguageDataError(f"{stem}.toml: [language] needs a name")
    found: dict[str, tuple[str, ...]] = {}
    for table, keys in data.items():
        if table == "language":
            continue
        if not isinstance(keys, dict):
            raise LanguageDataError(f"{stem}.toml: {table!r} is not a table")
        for key, values in keys.items():
            category = f"{table}.{key}"
            if category not in CATEGORIES:
                raise LanguageDataError(f"{stem}.toml: unknown category {category!r}")
            if not isinstance(values, list) or not all(
                isinstance(value, str) and value.strip() == value and value for value in values
            ):
                raise LanguageDataError(
                    f"{stem}.toml: {category} must be a list of non-empty strings "
                    "without surrounding white space"
                )
            found[category] = tuple(values)
    return Language(code=stem, name=name, words=MappingProxyType(found))


def _load() -> Mapping[str, Language]:
    folder = files(__name__)
    loaded: dict[str, Language] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        stem = entry.name.removesuffix(".toml")
        try:
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise LanguageDataError(f"{entry.name}: {error}") from None
        loaded[stem] = _validated(stem, data)
    return MappingProxyType(loaded)


#: Every language file, by code, in code order.
LANGUAGES: Mapping[str, Language] = _load()


def words(category: str, languages: Iterable[str] | None = None) -> tuple[str, ...]:
    """The words of one category: English first, then every other language in code
    order (or only ``languages``), each word once, in file order."""
    if category not in CATEGORIES:
        raise KeyError(f"unknown language category {category!r}")
    codes = sorted(LANGUAGES, key=lambda code: (code != "en", code))
    if languages is not None:
        wanted = set(languages)
        codes = [code for code in codes if code in wanted]
    seen: dict[str, None] = {}
    for code in codes:
        seen.update(dict.fromkeys(LANGUAGES[code].words.get(category, ())))
    return tuple(seen)


def phrase_pattern(phrases: Iterable[str], *, space: str = r"\s+") -> str:
    """A regular-expression alternation (no group) of literal ``phrases``, longest
    first so that a phrase is never cut short by its own prefix; a space in a phrase
    becomes ``space``."""
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(re.escape(phrase).replace(r"\ ", space) for phrase in unique)
