"""The words of each language that articlekit's rules match, as data.

One TOML file per language in this folder (``en.toml``, ``de.toml``, ...), loaded
once at import and validated against :data:`CATEGORIES`, the schema that
``_categories.toml`` beside them holds (each category, what it is for, and the
module that reads it).  A rule in code says what
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

Ordered groups.  A category named in :data:`GROUPS` holds words that need their
position: a list of exactly that many lists of words, the i-th list naming item
i + 1.  Month names are 12 lists (January first), weekday names 7 (Monday first)::

    [dates]
    months = [["january", "jan"], ["february", "feb"], ...]   # exactly 12 lists
    weekdays = [["monday", "mon"], ["tuesday", "tue"], ...]    # exactly 7 lists

A list may be empty where a language has no word of its own for an item.
:func:`numbers` gives every language's word -> position (``month_numbers()`` for
months; a word may name one position only, across all languages), :func:`groups`
the words of each position, and :func:`words` all of a grouped category's words
as one flat tuple (a month-name or weekday-name list).
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
    "GROUPS",
    "LANGUAGES",
    "Language",
    "LanguageDataError",
    "grouped_phrase_pattern",
    "groups",
    "month_numbers",
    "numbers",
    "phrase_pattern",
    "read_language",
    "weekday_numbers",
    "words",
]


class LanguageDataError(ValueError):
    """A language file that does not fit the schema (raised at import, naming the file)."""


_CATEGORIES_FILE = "_categories.toml"


def _read_categories() -> Mapping[str, str]:
    text = files(__name__).joinpath(_CATEGORIES_FILE).read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for table, keys in tomllib.loads(text).items():
        if not isinstance(keys, dict):
            raise LanguageDataError(f"{_CATEGORIES_FILE}: {table!r} is not a table")
        for key, about in keys.items():
            if not isinstance(about, str) or not about:
                raise LanguageDataError(f"{_CATEGORIES_FILE}: {table}.{key} needs a description")
            found[f"{table}.{key}"] = about
    return MappingProxyType(found)


#: Every category a language file may fill: ``table.key`` -> what its words are for
#: and the module that reads them; kept as data in ``_categories.toml``.
CATEGORIES: Mapping[str, str] = _read_categories()


#: The categories of ordered groups (see the module docstring): category -> how many
#: lists each language file gives.
GROUPS: Mapping[str, int] = MappingProxyType({"dates.months": 12, "dates.weekdays": 7})


@dataclass(frozen=True, slots=True)
class Language:
    """One language file: its code, its name, its words by category and the ordered
    groups of its grouped categories (:data:`GROUPS`)."""

    code: str
    name: str
    words: Mapping[str, tuple[str, ...]]
    groups: Mapping[str, tuple[tuple[str, ...], ...]]


def _is_word_list(values: object) -> bool:
    return isinstance(values, list) and all(
        isinstance(value, str) and value.strip() == value and value for value in values
    )


def _checked_groups(stem: str, category: str, values: object) -> tuple[tuple[str, ...], ...]:
    count = GROUPS[category]
    if not (
        isinstance(values, list)
        and len(values) == count
        and all(_is_word_list(group) for group in values)
    ):
        raise LanguageDataError(
            f"{stem}.toml: {category} must be a list of exactly {count} lists of non-empty "
            "strings without surrounding white space"
        )
    return tuple(tuple(group) for group in values)


def read_language(stem: str, text: str) -> Language:
    """One language file's text, validated; ``stem`` is its file name without ``.toml``.

    Raises :class:`LanguageDataError`, naming the file and the fault, for anything
    that does not fit the schema.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(f"{stem}.toml: {error}") from None
    header = data.get("language")
    if not isinstance(header, dict) or header.get("code") != stem:
        raise LanguageDataError(f"{stem}.toml: needs [language] with code = {stem!r}")
    name = header.get("name")
    if not isinstance(name, str) or not name:
        raise LanguageDataError(f"{stem}.toml: [language] needs a name")
    found: dict[str, tuple[str, ...]] = {}
    grouped: dict[str, tuple[tuple[str, ...], ...]] = {}
    for table, keys in data.items():
        if table == "language":
            continue
        if not isinstance(keys, dict):
            raise LanguageDataError(f"{stem}.toml: {table!r} is not a table")
        for key, values in keys.items():
            category = f"{table}.{key}"
            if category not in CATEGORIES:
                raise LanguageDataError(f"{stem}.toml: unknown category {category!r}")
            if category in GROUPS:
                grouped[category] = _checked_groups(stem, category, values)
                found[category] = tuple(word for group in grouped[category] for word in group)
                continue
            if not _is_word_list(values):
                raise LanguageDataError(
                    f"{stem}.toml: {category} must be a list of non-empty strings "
                    "without surrounding white space"
                )
            found[category] = tuple(values)
    return Language(
        code=stem, name=name, words=MappingProxyType(found), groups=MappingProxyType(grouped)
    )


def _load() -> Mapping[str, Language]:
    folder = files(__name__)
    loaded: dict[str, Language] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml") or entry.name.startswith("_"):
            continue  # _categories.toml is the schema, not a language
        stem = entry.name.removesuffix(".toml")
        loaded[stem] = read_language(stem, entry.read_text(encoding="utf-8"))
    return MappingProxyType(loaded)


#: Every language file, by code, in code order.
LANGUAGES: Mapping[str, Language] = _load()


def _codes(category: str, languages: Iterable[str] | None) -> list[str]:
    """English first, then every other language in code order (or only ``languages``)."""
    if category not in CATEGORIES:
        raise KeyError(f"unknown language category {category!r}")
    codes = sorted(LANGUAGES, key=lambda code: (code != "en", code))
    if languages is not None:
        wanted = set(languages)
        codes = [code for code in codes if code in wanted]
    return codes


def words(category: str, languages: Iterable[str] | None = None) -> tuple[str, ...]:
    """The words of one category: English first, then every other language in code
    order (or only ``languages``), each word once, in file order.

    For a grouped category (:data:`GROUPS`) these are all its words, each language's
    groups in order: a flat month-name or weekday-name list.
    """
    seen: dict[str, None] = {}
    for code in _codes(category, languages):
        seen.update(dict.fromkeys(LANGUAGES[code].words.get(category, ())))
    return tuple(seen)


def groups(category: str, languages: Iterable[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """The words of each position of a grouped category (:data:`GROUPS`): the i-th
    tuple holds every language's words for item i + 1, ordered as :func:`words`."""
    if category not in GROUPS:
        raise KeyError(f"{category!r} is not a category of ordered groups")
    merged: list[dict[str, None]] = [{} for _ in range(GROUPS[category])]
    for code in _codes(category, languages):
        for position, group in enumerate(LANGUAGES[code].groups.get(category, ())):
            merged[position].update(dict.fromkeys(group))
    return tuple(tuple(group) for group in merged)


def numbers(category: str, languages: Iterable[str] | None = None) -> Mapping[str, int]:
    """Every word of a grouped category (:data:`GROUPS`) -> its position, counted from 1,
    in the order of :func:`words`.

    Raises :class:`LanguageDataError` when a word names two positions (in one
    language or in two): the rules that read a number from a name need one answer.
    """
    found: dict[str, int] = {}
    for code in _codes(category, languages):
        for position, group in enumerate(LANGUAGES[code].groups.get(category, ()), start=1):
            for word in group:
                if found.setdefault(word, position) != position:
                    raise LanguageDataError(
                        f"{code}.toml: {category} {word!r} names both {found[word]} and {position}"
                    )
    return MappingProxyType(found)


def month_numbers(languages: Iterable[str] | None = None) -> Mapping[str, int]:
    """Every month name and abbreviation (``dates.months``) -> its month, 1 to 12."""
    return numbers("dates.months", languages)


def weekday_numbers(languages: Iterable[str] | None = None) -> Mapping[str, int]:
    """Every weekday name and abbreviation (``dates.weekdays``) -> its day, 1 (Monday)
    to 7 (Sunday)."""
    return numbers("dates.weekdays", languages)


def phrase_pattern(phrases: Iterable[str], *, space: str = r"\s+") -> str:
    """A regular-expression alternation (no group) of literal ``phrases``, longest
    first so that a phrase is never cut short by its own prefix; a space in a phrase
    becomes ``space``."""
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(re.escape(phrase).replace(r"\ ", space) for phrase in unique)


def grouped_phrase_pattern(phrases: Iterable[str], *, space: str = r"\s+") -> str:
    """:func:`phrase_pattern` with the phrases grouped by their first character
    ("a(?:bc|b)|x(?:y)"): the same strings match, by the same branch, in any flags.

    CPython's engine tries every branch of an alternation at every position of a
    search; grouped, it tries one group's.  A long list searched through whole texts
    runs several times faster so.  Where two first characters match each other when
    case is ignored ("a" and "A"), the list stays flat, so that the order of the
    branches (longest first) holds across them too.
    """
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    groups: dict[str, list[str]] = {}
    for phrase in unique:
        groups.setdefault(phrase[0], []).append(phrase)
    if _case_variants(tuple(groups)):
        return phrase_pattern(unique, space=space)
    return "|".join(
        _escaped(first, space) + "(?:" + "|".join(_escaped(p[1:], space) for p in group) + ")"
        for first, group in groups.items()
    )


def _escaped(text: str, space: str) -> str:
    return re.escape(text).replace(r"\ ", space)


def _case_variants(letters: tuple[str, ...]) -> bool:
    """Whether two of ``letters`` match each other when case is ignored (also the
    pairs only Unicode folding joins, "s" and the long "ſ")."""
    return any(
        re.fullmatch(re.escape(a), b, re.IGNORECASE) or re.fullmatch(re.escape(b), a, re.IGNORECASE)
        for i, a in enumerate(letters)
        for b in letters[i + 1 :]
    )
