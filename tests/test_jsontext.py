"""The indenting JSON writer gives json.dumps's text byte for byte."""

from __future__ import annotations

import json
from enum import IntEnum

import pytest

from articlekit import parse
from articlekit.render.jsontext import dumps


class _Level(IntEnum):
    TWO = 2


VALUES = [
    {},
    [],
    "",
    None,
    True,
    0,
    -3,
    1.5,
    float("nan"),
    "caf\u00e9 \u201cquoted\u201d \\ / \n\t\x00 \ud83d\ude00 \u2028",
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": [1, [2, [3, {"f": None}]]]},
    {"kind": "list", "items": ("one", "two"), "ordered": False, "level": _Level.TWO},
    [None, True, False, 1e100, -0.0, "x", {"y": ["z"]}],
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("indent", [None, 0, 1, 2, 4])
def test_same_text_as_json_dumps(value: object, indent: int | None) -> None:
    assert dumps(value, indent=indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_article_json_unchanged() -> None:
    page = (
        "<html><head><title>T</title></head><body><article><h1>Head</h1>"
        "<p>First <a href='/x'>link</a> and <b>bold</b> text of the story, long enough.</p>"
        "<ul><li>one</li><li>two <i>it</i></li></ul>"
        "<table><tr><td>a</td><td>b</td></tr></table></article></body></html>"
    )
    article = parse(page)
    assert article.to_json() == json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
    assert json.loads(article.to_json(indent=None)) == article.to_dict()


def test_not_serializable() -> None:
    with pytest.raises(TypeError):
        dumps({"a": object()})
    with pytest.raises(TypeError):
        dumps({1: "a"})
