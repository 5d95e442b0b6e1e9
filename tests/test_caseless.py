"""The caseless pattern finds what an IGNORECASE search finds, in any text."""

from __future__ import annotations

import re

import pytest

from articlekit.input.caseless import FOLDS_TO_ASCII, CaselessPattern

PATTERN = r"(?:^|[\s_-])(?:user|dek)|lead(?!ing)"


@pytest.mark.parametrize(
    "text",
    ["post-USER box", "Leading", "LEAD-in", "article__Dek", "deck", "uſer", "Ärger-dek", "", "x"],
)
def test_it_finds_what_an_ignorecase_search_finds(text: str) -> None:
    expected = re.search(PATTERN, text, re.IGNORECASE) is not None
    assert CaselessPattern.of(PATTERN).found_in(text) is expected


def test_the_pattern_is_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        CaselessPattern.of(r"\S+user")


@pytest.mark.parametrize("text", ["Reply", "REPLY to Anna", "reply", "Répondre", "x reply"])
def test_it_matches_at_the_start_as_an_ignorecase_match_does(text: str) -> None:
    pattern = r"(?:reply|répondre)(?: to \w+)?$"
    expected = re.match(pattern, text, re.IGNORECASE) is not None
    assert CaselessPattern.of(pattern).starts(text) is expected


def test_the_letters_that_fold_to_ascii_are_refused() -> None:
    # the engine's own list: every character outside ASCII that an IGNORECASE [a-z] takes
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(c) for c in range(0x80, 0x110000) if any_letter.fullmatch(chr(c))}
    assert folding == FOLDS_TO_ASCII
    with pytest.raises(ValueError, match="fold to ASCII"):
        CaselessPattern.of("yanıtla")
