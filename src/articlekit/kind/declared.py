"""What the page declares it is: schema.org types (JSON-LD and microdata) and ``og:type``.

Declarations are weighed by how much they commit the page.  Many CMSs and SEO
plugins declare ``WebPage`` and ``Article`` on every page they make, a product
page included, so a bare ``Article`` is weak evidence; a ``Product`` with
``offers``, a ``DiscussionForumPosting`` or a ``QAPage`` describe one kind of
page only and are strong.  Types are schema.org's own names, markup rather than
words of a language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from articlekit.kind.evidence import Evidence, Source, Strength
from articlekit.kind.page import PageMarkup
from articlekit.metadata.jsonld import ARTICLE_TYPES, JsonLd, type_names
from articlekit.metadata.tags import MetaTags
from articlekit.model import PageKind

__all__ = ["declared_evidence", "is_dated", "is_signed"]

_K = PageKind
_S = Strength

#: schema.org types that describe the page as a whole: type -> (kind, strength).
#: Types not named here (WebPage, WebSite, Organization, BreadcrumbList, FAQPage,
#: ImageObject, Person...) are declared on pages of every kind and say nothing.
PAGE_TYPES: Mapping[str, tuple[PageKind, Strength]] = {
    # news and blog posts: a newsroom's CMS declares these on stories only
    "newsarticle": (_K.ARTICLE, _S.STRONG),
    "reportagenewsarticle": (_K.ARTICLE, _S.STRONG),
    "analysisnewsarticle": (_K.ARTICLE, _S.STRONG),
    "opinionnewsarticle": (_K.ARTICLE, _S.STRONG),
    "backgroundnewsarticle": (_K.ARTICLE, _S.STRONG),
    "reviewnewsarticle": (_K.ARTICLE, _S.STRONG),
    "liveblogposting": (_K.ARTICLE, _S.STRONG),
    "blogposting": (_K.ARTICLE, _S.MEDIUM),
    "scholarlyarticle": (_K.ARTICLE, _S.MEDIUM),
    # (a bare "article" says nothing: SEO plugins declare it on pages of every kind)
    "report": (_K.ARTICLE, _S.WEAK),
    "recipe": (_K.ARTICLE, _S.WEAK),
    "medicalwebpage": (_K.ARTICLE, _S.WEAK),
    # documentation
    "techarticle": (_K.DOCUMENTATION, _S.MEDIUM),
    "apireference": (_K.DOCUMENTATION, _S.STRONG),
    # threads and Q&A
    "discussionforumposting": (_K.FORUM, _S.STRONG),
    "qapage": (_K.FORUM, _S.STRONG),
    "socialmediaposting": (_K.FORUM, _S.WEAK),
    # lists of things
    "searchresultspage": (_K.LISTING, _S.STRONG),
    "collectionpage": (_K.LISTING, _S.MEDIUM),
    "itemlist": (_K.LISTING, _S.WEAK),
    "offercatalog": (_K.SERVICE, _S.MEDIUM),
    # what a company offers
    "service": (_K.SERVICE, _S.MEDIUM),
    "professionalservice": (_K.SERVICE, _S.MEDIUM),
    "financialservice": (_K.SERVICE, _S.WEAK),
    "aboutpage": (_K.SERVICE, _S.WEAK),
    "softwareapplication": (_K.SERVICE, _S.WEAK),
    "webapplication": (_K.SERVICE, _S.WEAK),
    "educationaloccupationalprogram": (_K.SERVICE, _S.WEAK),
    "course": (_K.PRODUCT, _S.WEAK),
    "profilepage": (_K.OTHER, _S.WEAK),
}

#: Types of a thing for sale: one is a product page, many are a shop's listing.
_PRODUCT_TYPES = frozenset(
    ("product", "productgroup", "productmodel", "individualproduct", "vehicle", "car")
)
#: Properties that make a declared product something the page sells.
_SALE_PROPERTIES = ("offers", "hasvariant", "aggregaterating")
#: Types of items a listing repeats, each a teaser of a page of its own.
_ITEM_TYPES = frozenset(
    (
        *_PRODUCT_TYPES,
        "newsarticle",
        "blogposting",
        "article",
        "book",
        "movie",
        "recipe",
        "event",
        "course",
        "jobposting",
    )
)
_MANY_ITEMS = 3
#: og:type values: the Open Graph types of products and product lists, and of stories.
OG_TYPES: Mapping[str, tuple[PageKind, Strength]] = {
    "product": (_K.PRODUCT, _S.MEDIUM),
    "product.item": (_K.PRODUCT, _S.MEDIUM),
    "og:product": (_K.PRODUCT, _S.MEDIUM),
    "ebay-objects:item": (_K.PRODUCT, _S.MEDIUM),
    "product.group": (_K.LISTING, _S.MEDIUM),
    "article": (_K.ARTICLE, _S.WEAK),
    "profile": (_K.OTHER, _S.WEAK),
}
_ITEMTYPE_NAME = re.compile(r"[^/#\s]+$")


#: the types of a post: an article of ``ARTICLE_TYPES`` but a manual's page
_POST_TYPES = tuple(name for name in ARTICLE_TYPES if name != "techarticle")
#: ``<meta>`` names of a story's author (Open Graph, Parse.ly, Sailthru, the NYT's byl)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl")


def is_dated(jsonld: JsonLd, meta: MetaTags) -> bool:
    """Whether the page declares when it was published, as stories and posts do.

    Only declarations made for posts count: WordPress SEO plugins give every page
    a ``WebPage`` with ``datePublished``, and ``article:modified_time`` too.
    """
    if meta.first("article:published_time", "datepublished"):
        return True
    return any(obj.get("datePublished") for obj in jsonld.of_types(_POST_TYPES))


def is_signed(jsonld: JsonLd, meta: MetaTags) -> bool:
    """Whether the page declares who wrote it, as stories and posts do."""
    if meta.first(*_AUTHOR_META):
        return True
    return any(obj.get("author") for obj in jsonld.of_types(_POST_TYPES))


def declared_evidence(
    jsonld: JsonLd, markup: PageMarkup, *, dated: bool = False, signed: bool = False
) -> tuple[Evidence, ...]:
    """Evidence from the page's schema.org types and its ``og:type``; ``dated`` and
    ``signed`` say the page declares its publication date (:func:`is_dated`) and its
    author (:func:`is_signed`)."""
    found: list[Evidence] = []
    if dated:
        found.append(Evidence.of(_K.ARTICLE, _S.MEDIUM, Source.DECLARED, "publication date"))
    if signed:
        found.append(Evidence.of(_K.ARTICLE, _S.WEAK, Source.DECLARED, "author"))
    found += _typed(_jsonld_types(jsonld), "JSON-LD", _sold(jsonld.objects))
    microdata = Counter(_microdata_types(markup.itemtypes))
    found += _typed(microdata, "microdata", "offer" in microdata)
    for og_type in markup.og_types:
        og = OG_TYPES.get(og_type)
        if og is not None:
            found.append(Evidence.of(og[0], og[1], Source.DECLARED, f"og:type {og_type}"))
    return tuple(found)


def _jsonld_types(jsonld: JsonLd) -> Counter[str]:
    """How many objects of each type the page's JSON-LD declares."""
    counts: Counter[str] = Counter()
    for obj in jsonld.objects:
        counts.update(set(type_names(obj)))
    return counts


def _microdata_types(itemtypes: Iterable[str]) -> Iterable[str]:
    for value in itemtypes:
        for url in value.split():
            name = _ITEMTYPE_NAME.search(url)
            if name:
                yield name.group()


def _sold(objects: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a declared product has offers, variants or ratings."""
    for obj in objects:
        if _PRODUCT_TYPES.intersection(type_names(obj)):
            keys = {str(key).lower() for key in obj}
            if keys.intersection(_SALE_PROPERTIES):
                return True
    return False


def _typed(counts: Counter[str], where: str, sold: bool) -> list[Evidence]:
    """Evidence from the declared types and how many of each there are."""
    found: list[Evidence] = []
    repeated = sorted(t for t in _ITEM_TYPES if counts[t] >= _MANY_ITEMS)
    if repeated:
        # a grid of teasers, each declared as the thing it links to
        rule = f"{where}: {', '.join(f'{counts[t]} × {t}' for t in repeated)}"
        found.append(Evidence.of(_K.LISTING, _S.MEDIUM, Source.DECLARED, rule))
    products = sorted(t for t in _PRODUCT_TYPES if 0 < counts[t] < _MANY_ITEMS)
    if products and not repeated:
        strength = _S.STRONG if sold else _S.MEDIUM
        detail = " with offers" if sold else ""
        rule = f"{where}: {products[0]}{detail}"
        found.append(Evidence.of(_K.PRODUCT, strength, Source.DECLARED, rule))
    if counts["question"] and not counts["faqpage"] and not counts["qapage"]:
        # a Question outside an FAQ is the question of a Q&A page
        found.append(Evidence.of(_K.FORUM, _S.MEDIUM, Source.DECLARED, f"{where}: question"))
    for name, (kind, strength) in PAGE_TYPES.items():
        if counts[name] and not (repeated and name in _ITEM_TYPES):
            found.append(Evidence.of(kind, strength, Source.DECLARED, f"{where}: {name}"))
    return found
