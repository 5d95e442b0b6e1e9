"""The caseless pattern finds what an IGNORECASE search finds, in any text."""

from __future__ import annotations

import re

import pytest

from articlekit.input.caseless import CaselessPattern

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
