"""The public API: what ``parse`` accepts, the Article it returns, and its JSON form."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

import articlekit
from articlekit import Article, BlockKind, InputError, Options, Status

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "riverside-bike-lanes.html"
SCHEMA = json.loads((PROJECT / "docs" / "article.schema.json").read_text(encoding="utf-8"))

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Neue Radwege am Hafen</title></head><body>
<article><h1>Neue Radwege am Hafen</h1>
<p>Der Stadtrat hat am Montagabend beschlossen, entlang der Hafenstraße einen geschützten
Radweg zu bauen. Damit enden zwei Jahre voller Anhörungen und Verkehrsstudien.</p>
<p>Die Bauarbeiten sollen im Juni beginnen und etwa fünf Monate dauern, teilte das
Verkehrsamt der Stadt mit. Die Kosten liegen bei rund drei Millionen Euro.</p>
</article></body></html>"""


# --------------------------------------------------------------------------- sources


@pytest.fixture(scope="module")
def expected() -> Article:
    return articlekit.parse(PAGE.encode("utf-8"))


def test_str_source(expected: Article) -> None:
    article = articlekit.parse(PAGE)
    assert article == expected
    assert article.title == "Neue Radwege am Hafen"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("Der Stadtrat hat am Montagabend beschlossen")


def test_bytes_path_gz_and_file_sources_agree(tmp_path: Path, expected: Article) -> None:
    data = PAGE.encode("utf-8")
    plain = tmp_path / "page.html"
    plain.write_bytes(data)
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(data))
    assert articlekit.parse(plain) == expected
    assert articlekit.parse(packed) == expected
    assert articlekit.parse(io.BytesIO(data)) == expected
    with plain.open("rb") as handle:
        assert articlekit.parse(handle) == expected
    assert articlekit.parse(bytearray(data)) == expected


def test_beautifulsoup_source(expected: Article) -> None:
    soup = BeautifulSoup(PAGE, "html.parser")
    article = articlekit.parse(soup)
    assert article.title == expected.title
    assert article.paragraphs == expected.paragraphs


def test_bytes_in_a_legacy_encoding_are_decoded() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    article = articlekit.parse(page.encode("iso-8859-1"))
    assert "Hafenstraße" in article.paragraphs[0]
    assert "fünf" in article.paragraphs[1]


def test_url_argument_fills_url_when_page_names_none(expected: Article) -> None:
    assert expected.url is None
    assert articlekit.parse(PAGE, url="https://example.de/radwege").url == (
        "https://example.de/radwege"
    )


def test_wrong_source_type_and_missing_path_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        articlekit.parse(12345)
    with pytest.raises(InputError, match="no such file"):
        articlekit.parse(tmp_path / "missing.html")
    assert issubclass(InputError, articlekit.ArticlekitError)


def test_empty_input_has_a_status() -> None:
    article = articlekit.parse(b"  \n ")
    assert article.status is Status.EMPTY_INPUT
    assert article.paragraphs == ()


# --------------------------------------------------------------------------- mode


def test_mode_forcing() -> None:
    as_html = articlekit.parse(PAGE, options=Options(mode="html"))
    as_text = articlekit.parse(PAGE, options=Options(mode="text"))
    assert as_html.paragraphs[0].startswith("Der Stadtrat hat am Montagabend")
    assert "<p>" not in as_html.text
    assert "<p>" in as_text.text  # read as a text dump, markup is just characters

    dump = (
        "Markup in a text dump\n\n"
        "In a text dump, <b>tags</b> are just characters that the page showed, as in a tutorial "
        "about HTML that explains how the bold tag is written and what it does to the text.\n\n"
        "The second paragraph is there so that the dump reads like a page with an article, "
        "and it is long enough to count as one paragraph of that article.\n"
    )
    assert "<b>tags</b>" in articlekit.parse(dump, options=Options(mode="text")).text


def test_auto_mode_reads_a_text_dump_as_text() -> None:
    dump = (
        "A Plain Title\n\n"
        "The first paragraph of the dump is long enough to be a paragraph of an article.\n\n"
        "The second paragraph follows after a blank line and is just as long as the first.\n"
    )
    article = articlekit.parse(dump)
    assert article.title == "A Plain Title"
    assert "The second paragraph follows" in article.text


# --------------------------------------------------------------------------- the Article


def test_article_is_frozen(expected: Article) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        expected.title = "changed"  # type: ignore[misc]
    assert hash(expected) == hash(articlekit.parse(PAGE))


def test_same_input_same_output() -> None:
    data = EXAMPLE.read_bytes()
    first = articlekit.parse(data)
    assert articlekit.parse(data) == first
    assert articlekit.parse(data).to_json() == first.to_json()
    assert articlekit.parse(EXAMPLE).to_html() == first.to_html()


def _only_json_types(value: Any) -> bool:
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, list):
        return all(_only_json_types(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_json_types(v) for k, v in value.items())
    return False


def _validate(value: Any, schema: dict[str, Any], where: str = "$") -> None:
    """A small validator for the subset of JSON Schema that docs/article.schema.json uses."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        _validate(value, SCHEMA["$defs"][name], where)
        return
    if "oneOf" in schema:
        errors = []
        for option in schema["oneOf"]:
            try:
                _validate(value, option, where)
            except AssertionError as error:
                errors.append(error)
        assert len(errors) == len(schema["oneOf"]) - 1, f"{where}: oneOf {errors}"
        return
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        python = {
            "string": str,
            "integer": int,
            "boolean": bool,
            "array": list,
            "object": dict,
            "null": type(None),
        }
        ok = any(
            isinstance(value, python[n]) and not (n == "integer" and isinstance(value, bool))
            for n in names
        )
        assert ok, f"{where}: {value!r} is not {names}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if isinstance(value, dict):
        assert set(value) == set(schema["properties"]), f"{where}: keys {sorted(value)}"
        assert set(schema["required"]) == set(schema["properties"])
        for key, item in value.items():
            _validate(item, schema["properties"][key], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            _validate(item, schema["items"], f"{where}[{index}]")


def test_to_dict_has_json_types_and_the_schema_keys() -> None:
    article = articlekit.parse(EXAMPLE)
    data = article.to_dict()
    assert _only_json_types(data)
    assert list(data) == list(SCHEMA["properties"])
    _validate(data, SCHEMA)
    assert json.loads(article.to_json()) == data


def test_schema_covers_every_block_kind_and_status() -> None:
    kinds = SCHEMA["$defs"]["block"]["properties"]["kind"]["enum"]
    assert kinds == [k.value for k in BlockKind]
    assert SCHEMA["properties"]["status"]["enum"] == [s.value for s in Status]
    assert SCHEMA["properties"]["kind"]["enum"] == [k.value for k in articlekit.PageKind]


def test_constructed_article_validates() -> None:
    block = articlekit.Block(BlockKind.HEADING, text="Intro", level=2)
    figure = articlekit.Figure(src="a.jpg", caption="A", credit="B")
    comment = articlekit.Comment(id="1", parent=None, author="X", text="Hi")
    article = Article.create(
        title="T", blocks=(block,), figures=(figure,), comments=(comment,), tags=("a",)
    )
    _validate(article.to_dict(), SCHEMA)


# --------------------------------------------------------------------------- the example page


@pytest.fixture(scope="module")
def example() -> Article:
    return articlekit.parse(EXAMPLE)


def test_example_metadata(example: Article) -> None:
    assert example.title == "Council Approves Protected Bike Lanes on Harbor Street"
    assert example.byline == "Maria Alvarez"
    assert example.authors == ("Maria Alvarez",)
    assert example.date is not None and example.date.startswith("2024-03-12")
    assert example.site_name == "The Riverside Gazette"
    assert example.url == "https://gazette.example.org/2024/03/12/harbor-street-bike-lanes/"
    assert example.image == "https://gazette.example.org/media/2024/03/harbor-street.jpg"
    assert example.lang is not None and example.lang.lower().startswith("en")
    assert example.description is not None and example.description.startswith(
        "After two years of hearings"
    )
    assert set(example.tags) >= {"Transportation", "City Council"}
    assert example.status is Status.OK


CAPTION = (
    "Cyclists share Harbor Street with parked cars and delivery trucks during the morning rush."
)


def test_example_figure_caption_and_credit(example: Article) -> None:
    assert example.caption == CAPTION
    assert len(example.figures) == 1
    figure = example.figures[0]
    assert figure.src == "https://gazette.example.org/media/2024/03/harbor-street.jpg"
    assert figure.alt == "Cyclists ride past parked cars on Harbor Street"
    assert figure.caption == CAPTION
    assert figure.credit == "Daniel Okafor"
    assert example.text.count(CAPTION) <= 1
    assert "Photo: Daniel Okafor" not in example.text


def test_example_blocks(example: Article) -> None:
    assert len(example.paragraphs) == 7
    assert example.paragraphs[0].startswith("The Riverside city council voted 7-2 on Monday")
    assert example.paragraphs[-1].startswith("The project will cost an estimated $3.2 million")
    kinds = [b.kind for b in example.blocks if b.kind is not BlockKind.FIGURE]
    P = BlockKind.PARAGRAPH
    assert kinds == [P, P, P, BlockKind.HEADING, P, BlockKind.LIST, P, BlockKind.QUOTE, P, P]
    heading = next(b for b in example.blocks if b.kind is BlockKind.HEADING)
    assert (heading.text, heading.level) == ("What changes for drivers", 2)
    listing = next(b for b in example.blocks if b.kind is BlockKind.LIST)
    assert listing.ordered is False
    assert listing.items[0] == "Two-hour parking in the Fifth Avenue garage will cost $1."
    assert len(listing.items) == 3
    quote = next(b for b in example.blocks if b.kind is BlockKind.QUOTE)
    assert quote.text.startswith("We are not against bikes.")


BOILERPLATE = [
    "Skip to content",
    "We use cookies",
    "Share this",
    "Print",
    "Tweet",
    "Advertisement",
    "About Maria Alvarez",
    "Get the Morning Briefing",
    "Sign up for our newsletter",
    "Related",
    "thoughts on",
    "Leave a Reply",
    "Cancel reply",
    "Your email address will not be published",
    "Required fields are marked",
    "Notify me of new comments",
    "Post Comment",
    "All rights reserved",
    "window.dataLayer",
]


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_example_has_no_boilerplate(example: Article, phrase: str) -> None:
    assert phrase not in example.text
    for comment in example.comments:
        assert phrase not in comment.text


def test_example_comments(example: Article) -> None:
    comments = example.comments
    assert [c.author for c in comments] == ["Jonas Whitfield", "Linda Park", "Ray Dominguez"]
    first, reply, last = comments
    assert first.parent is None
    assert reply.parent == first.id
    assert last.parent is None
    assert len({c.id for c in comments}) == 3
    assert first.text == (
        "Finally. I bike to work on Harbor every day and have been doored twice. "
        "The curb separation is what makes this worth it."
    )
    assert reply.text.startswith("Same here.")
    assert first.date is not None and first.date.startswith("2024-03-12")
    assert last.date is not None and last.date.startswith("2024-03-13")
    for comment in comments:
        assert comment.text not in example.text
        assert "Reply" not in comment.text


def test_example_renders(example: Article) -> None:
    markdown = example.to_markdown()
    assert markdown.startswith(
        "# Council Approves Protected Bike Lanes on Harbor Street\n\n*By Maria Alvarez · 2024-03-12"
    )
    assert "## What changes for drivers" in markdown
    assert "\n## Comments\n\n- **Jonas Whitfield**" in markdown
    assert "\n  - **Linda Park**" in markdown
    html = example.to_html()
    assert "<h1>Council Approves Protected Bike Lanes on Harbor Street</h1>" in html
    assert '<small class="credit">Daniel Okafor</small>' in html
    assert "<script" not in html and "onclick" not in html
