"""The shared seed: a plain-text dump whose expected Article is given in ../shared/seed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import articlekit

SEED = "citylimits-2014-police-raids"


@pytest.fixture(scope="module")
def expected(seed_dir: Path) -> dict[str, Any]:
    path = seed_dir / f"{SEED}.expected.json"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


@pytest.fixture(scope="module")
def article(seed_dir: Path) -> articlekit.Article:
    return articlekit.parse(seed_dir / f"{SEED}.txt")


def test_listed_keys_match(article: articlekit.Article, expected: dict[str, Any]) -> None:
    produced = article.to_dict()
    for key, value in expected.items():
        if key.startswith("_") or key in ("absent", "caption_occurrences"):
            continue
        if key in ("figures", "comments"):
            assert len(produced[key]) == len(value), key
            for got, want in zip(produced[key], value, strict=True):
                assert {k: got[k] for k in want} == want, key
        else:
            assert produced[key] == value, key


def test_absent_strings_absent(article: articlekit.Article, expected: dict[str, Any]) -> None:
    output = article.to_json()
    for absent in expected["absent"]:
        assert absent not in output


def test_caption_once_in_text(article: articlekit.Article, expected: dict[str, Any]) -> None:
    assert article.text.count(expected["caption"]) == expected.get("caption_occurrences", 1)


def test_same_through_text_mode_and_bytes(seed_dir: Path, article: articlekit.Article) -> None:
    data = (seed_dir / f"{SEED}.txt").read_bytes()
    forced = articlekit.parse(data, options=articlekit.Options(mode="text"))
    assert forced.to_dict() == article.to_dict()
