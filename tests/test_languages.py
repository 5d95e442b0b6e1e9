"""The language files: schema, loading, and that every word list is used and tested."""

from __future__ import annotations

import ast
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest

from articlekit.languages import (
    CATEGORIES,
    LANGUAGES,
    LanguageDataError,
    grouped_phrase_pattern,
    phrase_pattern,
    read_language,
    words,
)

SRC = Path(__file__).resolve().parent.parent / "src" / "articlekit"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

HEADER = '[language]\ncode = "xx"\nname = "Example"\n'


def test_every_file_in_the_folder_is_loaded_under_its_code() -> None:
    stems = sorted(
        entry.name.removesuffix(".toml")
        for entry in files("articlekit.languages").iterdir()
        if entry.name.endswith(".toml") and not entry.name.startswith("_")
    )
    assert sorted(LANGUAGES) == stems
    assert "en" in LANGUAGES
    for code, language in LANGUAGES.items():
        assert language.code == code
        assert language.name
        assert language.words, f"{code}.toml has no words: a language file must carry words"


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[language]\ncode = "yy"\nname = "Example"\n', "code = 'xx'"),
        ('[language]\ncode = "xx"\n', "needs a name"),
        (HEADER + "[nowhere]\nwords = ['a']\n", "unknown category 'nowhere.words'"),
        (HEADER + "broken = [\n", "xx.toml:"),
        ("stray = 1\n" + HEADER, "'stray' is not a table"),
    ],
)
def test_a_file_that_breaks_the_schema_is_refused_with_its_name(text: str, fault: str) -> None:
    with pytest.raises(LanguageDataError) as error:
        read_language("xx", text)
    assert fault in str(error.value)
    assert str(error.value).startswith("xx.toml")


@pytest.mark.parametrize("value", ["[1]", "['']", "[' padded ']", "'not a list'"])
def test_word_lists_hold_only_clean_non_empty_strings(value: str) -> None:
    category = next(c for c in CATEGORIES if isinstance(LANGUAGES["en"].words.get(c), tuple))
    table, key = category.split(".", 1)
    with pytest.raises(LanguageDataError, match=re.escape(category)):
        read_language("xx", f"{HEADER}[{table}]\n{key} = {value}\n")


def test_a_valid_file_reads_into_its_categories() -> None:
    category = next(iter(CATEGORIES))
    table, key = category.split(".", 1)
    language = read_language("xx", f"{HEADER}[{table}]\n{key} = ['alpha', 'beta gamma']\n")
    assert language.name == "Example"
    assert dict(language.words) == {category: ("alpha", "beta gamma")}


def test_words_of_an_unknown_category_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"no\.such"):
        words("no.such")


def test_words_puts_english_first_then_languages_in_code_order_each_once() -> None:
    for category in CATEGORIES:
        merged = words(category)
        assert len(merged) == len(set(merged)), category
        english = LANGUAGES["en"].words.get(category, ())
        if english and isinstance(english[0], str):
            assert merged[: len(set(english))] == tuple(dict.fromkeys(english))


def test_words_can_be_limited_to_some_languages() -> None:
    for category in CATEGORIES:
        german = LANGUAGES["de"].words.get(category, ())
        if german and isinstance(german[0], str):
            assert words(category, ["de"]) == tuple(dict.fromkeys(german))
            return
    pytest.fail("no German word list to test with")


def test_phrase_pattern_escapes_and_tries_the_longest_phrase_first() -> None:
    pattern = re.compile(rf"^(?:{phrase_pattern(['read', 'read more', 'a.b'])})")
    assert pattern.match("read  more")[0] == "read  more"  # type: ignore[index]
    assert pattern.match("read on")[0] == "read"  # type: ignore[index]
    assert pattern.match("a.b")
    assert not pattern.match("axb")
    assert phrase_pattern(["a b"], space=" ") == "a b"


def test_grouped_phrase_pattern_matches_as_the_flat_one() -> None:
    phrases = ["read", "read more", "a.b", "rights reserved", "x", " lead"]
    grouped = grouped_phrase_pattern(phrases)
    assert grouped.startswith(r"r(?:ights\s+reserved|ead\s+more|ead)|")
    flat = re.compile(rf"(?:{phrase_pattern(phrases)})\b", re.IGNORECASE)
    pattern = re.compile(rf"(?:{grouped})\b", re.IGNORECASE)
    for text in (
        "Read  more here",
        "read on",
        "a.b",
        "axb",
        "All RIGHTS reserved",
        "the x",
        " lead",
    ):
        found, expected = pattern.search(text), flat.search(text)
        assert (found and found.span()) == (expected and expected.span()), text


def test_grouped_phrase_pattern_stays_flat_where_case_joins_first_letters() -> None:
    # "s" and the long "ſ" match each other when case is ignored: the branches keep
    # their longest-first order across them
    assert grouped_phrase_pattern(["so", "ſa"]) == phrase_pattern(["so", "ſa"])
    assert grouped_phrase_pattern(["so", "sa", "x"]) == "s(?:a|o)|x(?:)"


def _string_literals() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_category_is_read_by_the_code() -> None:
    """A category is named in the code that reads it: whole (``"comments.headers"``), or
    by its key where a stage's module reads its own table through a helper
    (``_alt("prefixes")``)."""
    literals = _string_literals()
    unused = [c for c in CATEGORIES if c not in literals and c.split(".", 1)[1] not in literals]
    assert not unused, f"categories no rule reads: {unused}"


def test_every_category_has_words() -> None:
    empty = [c for c in CATEGORIES if not any(c in lang.words for lang in LANGUAGES.values())]
    assert not empty, f"categories without words in any language: {empty}"


def _fixture_languages() -> set[str]:
    found: set[str] = set()
    for expected in FIXTURES.glob("*/expected.json"):
        lang = json.loads(expected.read_text(encoding="utf-8")).get("lang")
        if isinstance(lang, str):
            found.add(lang.split("-")[0].lower())
    return found


def test_every_language_has_a_fixture_page() -> None:
    """Adding a language is adding its file and one fixture case in that language
    (docs/languages.md): the fixture's expected ``lang`` names the language."""
    missing = sorted(set(LANGUAGES) - _fixture_languages())
    assert not missing, f"languages without a fixture case in tests/fixtures: {missing}"
