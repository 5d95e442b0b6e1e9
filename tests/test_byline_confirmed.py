"""Declared authors the page confirms without printing them (metadata/byline/confirmed)."""

from __future__ import annotations

import json

from articlekit.input.tree import build_tree
from articlekit.metadata.extract import Metadata, extract_metadata

_BODY = "<body><h1>Replacing a water heater</h1><p>{}</p>{}</body>".format(
    "A water heater rarely fails on a convenient day, and the answers decide a lot. " * 3,
    "{links}",
)


def _page(head: str, links: str = "") -> Metadata:
    markup = f"<html><head><title>Replacing a water heater</title>{head}</head>"
    return extract_metadata(build_tree(markup + _BODY.format(links=links) + "</html>"), None)


def _graph(author: dict[str, str]) -> str:
    article = {"@context": "https://schema.org", "@type": "Article", "author": author}
    article["headline"] = "Replacing a water heater"
    return f'<script type="application/ld+json">{json.dumps(article)}</script>'


_CARD = (
    '<meta name="twitter:label1" content="Written by">'
    '<meta name="twitter:data1" content="Corinne Vasquez">'
)


def test_author_tag_schema_and_card_agreeing_make_the_byline() -> None:
    head = '<meta name="author" content="Corinne Vasquez">' + _CARD
    meta = _page(head + _graph({"@type": "Person", "name": "Corinne Vasquez"}))
    assert meta.byline == "Corinne Vasquez"


def test_two_declarations_without_the_card_are_not_enough() -> None:
    head = '<meta name="author" content="Corinne Vasquez">'
    meta = _page(head + _graph({"@type": "Person", "name": "Corinne Vasquez"}))
    assert meta.byline is None


def test_declarations_that_disagree_name_no_one() -> None:
    head = '<meta name="author" content="webadmin">' + _CARD
    meta = _page(head + _graph({"@type": "Person", "name": "Corinne Vasquez"}))
    assert meta.byline is None


def test_a_linked_profile_page_confirms_the_declared_person() -> None:
    person = {"@type": "Person", "name": "Tobias Lindqvist", "url": "https://news.example/@tl"}
    link = '<a href="https://news.example/@tl/" aria-label="View profile"><img src="a.png"></a>'
    assert _page(_graph(person), link).byline == "Tobias Lindqvist"


def test_a_linked_home_page_names_the_publisher_not_a_person() -> None:
    person = {"@type": "Person", "name": "Tobias Lindqvist", "url": "https://news.example/"}
    link = '<a href="https://news.example/"><img src="logo.png"></a>'
    assert _page(_graph(person), link).byline is None


def test_an_account_named_for_the_site_is_no_author() -> None:
    # "/author/gerard/" shown as the site's name: the account, not a person or the site
    head = '<meta name="author" content="Valley Direct">' + _CARD.replace(
        "Corinne Vasquez", "Valley Direct"
    )
    person = {
        "@type": "Person",
        "name": "Valley Direct",
        "url": "https://vd.example/author/gerard/",
    }
    assert _page(head + _graph(person)).byline is None


def test_a_malformed_link_is_passed_over() -> None:
    person = {"@type": "Person", "name": "Tobias Lindqvist", "url": "http://[news.example/@tl"}
    link = '<a href="http://[::1">x</a><a href="http://[news.example/@tl">y</a>'
    assert _page(_graph(person), link).byline is None
