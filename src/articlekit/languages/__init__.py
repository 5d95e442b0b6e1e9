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
        # --- metadata/dates -------------------------------------------------------------
        # --- content/figures ------------------------------------------------------------
        # --- content/blocks, content/selection --------------------------------------------
        # --- text -----------------------------------------------------------------------
        "text.buttons": (
            "words of share/print/menu widgets; a line of only these is widget residue (text/lines)"
        ),
        "text.stopwords": "function words whose share tells prose from template text (text/lines)",
        "text.skip_links": "whole lines: skip links (text/lines)",
        "text.rights_reserved": "'all rights reserved' lines, anything after (text/lines)",
        "text.share_prompts": (
            "'share this …' prompts (a word boundary, then up to 80 characters) (text/lines)"
        ),
        "text.click_to": "'click to share …' prompts (up to 80 characters after) (text/lines)",
        "text.like_labels": "whole lines, an optional colon after: 'like this:' (text/lines)",
        "text.loading": "whole lines, dots after: 'loading…' (text/lines)",
        "text.follow_us": "'follow us on …' lines (text/lines)",
        "text.share_article": "whole lines: 'share the article' labels (text/lines)",
        "text.share_article_on": (
            "'share the article on …' lines (up to 40 characters after) (text/lines)"
        ),
        "text.newsletter_signup": "'subscribe to our newsletter …' lines (text/lines)",
        "text.subscribe": "lines starting with a subscribe word (text/lines)",
        "text.newsletter": "the word newsletter anywhere in a short line (text/lines)",
        "text.cookie_notices": "cookie-banner phrases anywhere in a line (text/lines)",
        "text.consent_buttons": "whole lines: consent-banner buttons (text/lines)",
        "text.ad_labels": "whole lines: advertisement labels (text/lines)",
        "text.read_more": "whole lines: 'read more' links (text/lines)",
        "text.see_also": "'see also: …' lines (a colon, then the linked title) (text/lines)",
        "text.post_navigation": "'next post …' links (text/lines)",
        "text.filed_under": "'filed under …' lines (optional colon) (text/lines)",
        "text.tags": "'tags: …' lines (colon required) (text/lines)",
        "text.tag_labels": "'categories …' lines (optional colon) (text/lines)",
        "text.related_lists": "whole lines: 'related posts' headers of template lists (text/lines)",
        "text.back_to_top": "whole lines: 'back to top' links (text/lines)",
        "text.sign_in": "whole lines: sign-in links, '| …' after (text/lines)",
        "text.legal_links": "whole lines: legal and contact links, '| …' after (text/lines)",
        "text.credit_lines": (
            "'photo: …' credit lines of template text (plural -s allowed) (text/lines)"
        ),
        "text.end_labels": (
            "end-of-article headers, an optional colon after: 'related:', 'share this' (text/lines)"
        ),
        "text.end_cues": (
            "end-of-article headers: related, most read, recent comments, read also (text/lines)"
        ),
        "text.end_more_from": "end-of-article 'more from <section>' headers (text/lines)",
        "text.end_most_read": (
            "end-of-article 'most read articles' headers, 'in the last N days' after (text/lines)"
        ),
        "text.in_the_last": "'in the last' of 'most read in the last N days' (text/lines)",
        "text.days": "'days' of 'most read in the last N days' (text/lines)",
        "text.end_author_box": "whole lines: 'about the author' boxes (text/lines)",
        "text.date_label_verbs": (
            "verbs labelling a date line: 'published on: 5 March 2021' (text/lines)"
        ),
        "text.date_label_joins": (
            "the preposition after a date-line verb: 'published on' (text/lines)"
        ),
        "text.dateline_verbs": "dateline verbs before a date or byline: 'posted on …' (text/lines)",
        "text.dateline_joins": (
            "the word after a dateline verb: 'posted on', 'posted at' (text/lines)"
        ),
        "text.byline_prefixes": (
            "words opening a byline line: 'by', 'written by', 'text:' (text/lines)"
        ),
        "text.by_words": (
            "the 'by' of a byline after a date: '5 March 2021 by Jane Doe' (text/lines)"
        ),
        "text.name_particles": (
            "lower-case particles inside names: 'van', 'de la', 'and' (text/lines)"
        ),
        "text.date_words": (
            "weekday names and the small words of dates and clock times (text/lines)"
        ),
        "text.job_titles": (
            "job titles that end a byline's names: 'Jane Doe, Senior Writer' (text/lines)"
        ),
        "text.credit_labels": (
            "labels of picture credits: 'photo: AP' (plural -s allowed) (text/lines)"
        ),
        "text.credit_by": "the 'by' after a credit label: 'photo by Jane Doe' (text/lines)",
        "text.photo_words": (
            "picture words of 'photo by …' credits (plural -s allowed) (text/lines)"
        ),
        "text.org_credit_article": (
            "the article before an organisation credit: 'the office of …' (text/lines)"
        ),
        "text.org_credit_heads": (
            "first words of organisation credits: 'office of the mayor' (text/lines)"
        ),
        "text.org_credit_tails": (
            "last words of organisation credits: '… press', '… archive' (text/lines)"
        ),
        "text.credit_name_words": (
            "lower-case words allowed in a name-like credit: 'office of the mayor' (text/lines)"
        ),
        "text.caption_credit_labels": (
            "labels of a credit line under a caption (plural -s allowed) (text/figures)"
        ),
        "text.says_verbs": "verbs of 'Jane says: …' comment starts (text/comments)",
        "text.author_date_joins": (
            "the word between a commenter's name and the date: 'Jane on May 5' (text/comments)"
        ),
        "text.no_comments": "words of a comment count of zero: 'no comments' (text/comments)",
        "text.reading_time_labels": (
            "labels before a reading time: 'reading time: 3 min' (text/teasers)"
        ),
        "text.minute_words": "minute words of a reading time: '3 min' (text/teasers)",
        "text.reading_time_suffixes": "words after a reading time: '3 min read' (text/teasers)",
        "text.author_separators": (
            "words between the names of a byline: 'Jane and John' (text/dump)"
        ),
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
