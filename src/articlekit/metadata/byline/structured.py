"""Authors the page declares: JSON-LD ``author``/``creator``, ``<meta>`` author
tags (Dublin Core, Parse.ly, Sailthru, ``citation_author``) and Twitter card
label/data pairs.
"""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Mapping, Sequence
from typing import Any

from articlekit.metadata.byline.names import (
    CONTACT,
    MAX_NAME_WORDS,
    clean_byline,
    is_junk,
    is_role,
    split_names,
)
from articlekit.metadata.byline.site import is_site
from articlekit.metadata.byline.vocabulary import (
    CARD_AUTHOR_LABEL,
    DESK_WORDS,
    ORGANIZATION,
    PREFIX,
)
from articlekit.metadata.jsonld import JsonLd, type_names
from articlekit.metadata.tags import MetaTags

__all__ = ["dedicated_authors", "from_account", "structured_authors"]

_ORGANIZATION_TYPES = ("organization", "newsmediaorganization", "corporation", "localbusiness")
_BARE_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}", re.IGNORECASE)
_DOMAIN_ENDINGS = frozenset(
    [
        "com",
        "de",
        "it",
        "at",
        "ch",
        "org",
        "net",
        "fr",
        "es",
        "pl",
        "uk",
        "eu",
        "info",
        "io",
        "nl",
        "be",
        "co",
        "pe",
        "cl",
        "ar",
        "mx",
        "br",
    ]
)
_DEDICATED_META = (
    "dc:creator",
    "dcterms:creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "article:author_name",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "dc.contributor",
    "twitter:data1_author",
)


def _names_of(value: Any, jsonld: JsonLd) -> tuple[list[str], list[str]]:
    """Person names and organisation names in a JSON-LD ``author`` value."""
    persons: list[str] = []
    organizations: list[str] = []
    values = value if isinstance(value, list) else [value]
    for item in values:
        item = jsonld.resolve(item)
        if isinstance(item, str):
            if not item.startswith("http"):
                persons.extend(split_names(_unescaped(item)))
        elif isinstance(item, Mapping):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not isinstance(name, str):
                given, family = item.get("givenName"), item.get("familyName")
                name = " ".join(x for x in (given, family) if isinstance(x, str)) or None
            if not isinstance(name, str):
                continue
            name = _unescaped(name)
            if set(type_names(item)) & set(_ORGANIZATION_TYPES):
                organization = " ".join(name.split())
                if organization:  # an empty name names no one
                    organizations.append(organization)
            else:
                persons.extend(split_names(name))
    return persons, organizations


def _unescaped(name: str) -> str:
    # SEO plugins write JSON-LD from HTML-escaped fields: "Maria &amp; Katerina"
    return html_entities.unescape(name) if "&" in name else name


def structured_authors(
    meta: MetaTags, article: Mapping[str, Any] | None, jsonld: JsonLd
) -> tuple[list[str], list[str]]:
    persons: list[str] = []
    organizations: list[str] = []
    if article is not None:
        for key in ("author", "creator"):
            if article.get(key):
                persons, organizations = _names_of(article[key], jsonld)
                if persons or organizations:
                    break
    if not persons:
        # each author of a paper or a report in a tag of its own: "citation_author",
        # "DC.Creator" once per person
        groups = [meta.all(key) for key in _AUTHOR_META] + [_labelled_authors(meta)]
        for values in groups:
            persons = list(dict.fromkeys(name for value in values for name in _meta_names(value)))
            if persons:
                break
    return persons, organizations


def _meta_names(value: str) -> tuple[str, ...]:
    # "hessenschau.de, Frankfurt, Germany": the publisher's name and address
    if value.startswith(("http", "@")) or any(
        _BARE_DOMAIN.fullmatch(part.strip()) for part in value.split(",")
    ):
        return ()
    return clean_byline(value).authors


def _declared_names(value: str) -> list[str]:
    """The names in an author field: "By JANE DOE", "Jane Doe, John Roe".

    A field declared as the author is taken at its word where a text on the page
    would need to read as a name ("Creator Name"), unless it names a role or a desk
    ("By Staff Reports").
    """
    if value.startswith(("http", "@")) or CONTACT.search(value):
        return []
    names = list(clean_byline(value).authors)
    if not names:
        text = " ".join(PREFIX.sub("", value, count=1).split()).strip(" ,;:|")
        if text and len(text) <= 60 and len(text.split()) <= MAX_NAME_WORDS and not is_junk(text):
            names = [text]
    return [
        name
        for name in names
        if not (is_role(name.split()[0]) or name.split()[0].lower() in DESK_WORDS)
    ]


def _labelled_authors(meta: MetaTags) -> list[str]:
    """Authors of a Twitter card's label/data pairs.

    WordPress SEO plugins write ``twitter:label1`` "Written by" / "Verfasst von" and
    the author in ``twitter:data1`` (the next pair holds the reading time).
    """
    return [
        value
        for number in "1234"
        if CARD_AUTHOR_LABEL.match(meta.first(f"twitter:label{number}") or "")
        for value in meta.all(f"twitter:data{number}")
    ]


def from_account(name: str) -> str:
    """A CMS account name "robert.stitz" as the person's name "Robert Stitz"."""
    if name.islower() and "." in name and " " not in name:
        parts = [part for part in name.split(".") if part]
        if (
            2 <= len(parts) <= 4
            and all(part.isalpha() for part in parts)
            and parts[-1] not in _DOMAIN_ENDINGS
        ):
            return " ".join(part.capitalize() for part in parts)
    return name


def dedicated_authors(meta: MetaTags, site_names: Sequence[str]) -> list[str]:
    """The authors of tags that only an article's author goes into.

    ``<meta name=author>`` is filled by templates with the site, the company or
    the account that saved the page, so it counts only when the page shows the
    name; Parse.ly's, Sailthru's and Dublin Core's (RDFa) author fields and the
    ``byl`` of news CMSs are written per article for analytics and catalogues.
    """
    for key in _DEDICATED_META:
        names = [name for value in meta.all(key) for name in _declared_names(value)]
        names = [
            name
            for name in dict.fromkeys(names)
            if not is_site(name, site_names) and not ORGANIZATION.search(name)
        ]
        if names:
            return names
    return []
