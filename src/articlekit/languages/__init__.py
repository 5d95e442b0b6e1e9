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
        # --- comments -------------------------------------------------------------------
        # --- metadata/byline ------------------------------------------------------------
        "byline.by": "by-words before the author's name: 'by', 'von' (metadata/byline/vocabulary)",
        "byline.by_contractions": (
            "a by-word run together with an article ('vom'), stripped before a name "
            "(metadata/byline/vocabulary)"
        ),
        "byline.opening_labels": (
            "labels that open a byline line before the name: 'Written by', 'Autor' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.thread_starters": (
            "forum labels of the one who opened a thread: 'Thread starter' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.desk_labels": (
            "newsroom labels before a colon that open a byline: 'Redaktion:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.separator_labels": (
            "author labels before '・', ':', '：' or '/': '作者：', 'بقلم:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.posted_verbs": (
            "verbs opening a line with a by-word later: 'Posted on May 3 by' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.written_verbs": (
            "verbs before a by-word after a comma: ', verfasst von' (metadata/byline/vocabulary)"
        ),
        "byline.prefix_intros": (
            "words before a by-word that are cut with it: 'Text und Fotos von', 'Words by' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.author_words": (
            "the word 'author', also at the end of a compound: 'Gastautor von' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.author_labels": (
            "author labels before a colon: 'Autor:', 'Text:' (metadata/byline/vocabulary)"
        ),
        "byline.credit_labels": (
            "other credit labels before a colon, cut from a byline: 'Fotos:', 'Quelle:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.label_pair_joins": (
            "'and' between two credit labels: 'Text und Bild:' (metadata/byline/vocabulary)"
        ),
        "byline.name_labels": (
            "author labels right before a capitalised name, without colon: 'Autorin Jane Doe' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.card_labels": (
            "Twitter card labels of the author's data field: 'Written by', 'Verfasst von' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.says_verbs": (
            "verbs heading a comment rather than an article: 'Anna sagt:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.and_words": "words joining two names: 'and', 'und' (metadata/byline/vocabulary)",
        "byline.and_letters": (
            "one-letter 'and' that is also an initial: joins names only without a full stop after"
            " it (metadata/byline/vocabulary)"
        ),
        "byline.with_words": "'with' joining two names: 'mit', 'avec' (metadata/byline/vocabulary)",
        "byline.conversation_joins": (
            "a radio interview naming both people: 'im Gespräch mit' (metadata/byline/vocabulary)"
        ),
        "byline.role_words": (
            "job titles and roles around a name: 'Staff Writer', 'Redakteurin' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.not_names": (
            "words that are never part of a name: 'share', 'anzeige' (metadata/byline/vocabulary)"
        ),
        "byline.particles": (
            "lower-case particles inside names: 'van', 'de', 'von' (metadata/byline/vocabulary)"
        ),
        "byline.name_links": (
            "role words that also join a name to its newspaper: 'for', 'für' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.desk_words": (
            "desk and team words that sign as themselves: 'Redaktion', 'Team' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.newsroom_names": (
            "the newsroom signing a piece on its own: 'Redaktion', 'Redazione' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.organization_words": (
            "words of organisation names that a CMS puts where the author goes "
            "(metadata/byline/vocabulary)"
        ),
        "byline.institution_endings": (
            "endings of public bodies' names, also inside compounds: 'Bundesverband' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.institution_words": (
            "words naming public bodies and associations: 'Ministry', 'Feuerwehr' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.date_line_words": (
            "words of a date or reading-time line beside a name: 'min read', 'Lesezeit' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.date_prepositions": (
            "prepositions before a day or month name: 'on', 'am' (metadata/byline/vocabulary)"
        ),
        "byline.date_labels": (
            "date labels before a colon, where a byline ends: 'Published:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.before_number": (
            "words before a number that ends a byline: 'um 12:30', 'mis à jour 3' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.ago_before": (
            "'ago' words before the number: 'vor 3 Stunden', 'hace 2 días' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.ago_cut": (
            "an 'ago' word left at the end where its number was cut off: 'hace' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.ago_after": (
            "'ago' words after the number: '3 hours ago' (metadata/byline/vocabulary)"
        ),
        "byline.cut_words": (
            "words where a byline ends: 'Updated', 'Lesezeit', 'Follow' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.category_joins": (
            "words before the post's category after the author: 'under', 'unter' "
            "(metadata/byline/vocabulary)"
        ),
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
