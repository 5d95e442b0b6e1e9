"""Metadata: title, byline, date, site name and the rest, from a page tree.

Each field has its own extractor (:mod:`articlekit.metadata.title`,
:mod:`articlekit.metadata.byline`, :mod:`articlekit.metadata.dates`); this module gathers the
page's declarations once (``<meta>`` tags, JSON-LD) and hands them to each.
"""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html

from articlekit.explain import Decision, Verdict
from articlekit.input.elements import text_of
from articlekit.input.named import NamedElements
from articlekit.metadata.byline.choose import explain_byline
from articlekit.metadata.dates import explain_date
from articlekit.metadata.jsonld import JsonLd, parse_jsonld, type_names
from articlekit.metadata.scan import scan_hints, text_near_pair
from articlekit.metadata.tags import MetaTags, collect_meta
from articlekit.metadata.title import explain_title, fold, heading_text, site_from_title
from articlekit.model import PageKind

__all__ = ["UNSIGNED_KINDS", "Metadata", "extract_metadata", "signed_by"]

# a URL scheme ("https:", "mailto:"), as RFC 3986 spells it
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?(?:[-_].*)?$")
_MAX_TAGS = 50
_TITLE_TEXT_XPATH = "//body//text()[normalize-space(.) = $title][1]"
_TAG_XPATH = "//a/@rel[contains(., 'tag')]"
_IMAGE_META = (
    "og:image:secure_url",
    "og:image",
    "og:image:url",
    "twitter:image",
    "twitter:image:src",
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself."""

    url: str | None = None
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site_name: str | None = None
    description: str | None = None
    lang: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    #: the schema.org types the page's JSON-LD declares (lower case, page order): what
    #: the page says it is, for the content stage's listing test; not part of the value
    page_types: tuple[str, ...] = field(default=(), compare=False)
    #: the evidence for the title, byline, date and lead image (``--explain``); it is
    #: not part of the value
    decisions: tuple[Decision, ...] = field(default=(), compare=False)
    #: the element the byline was read from: the content stage cuts it later, and
    #: ``--explain`` says so
    byline_element: html.HtmlElement | None = field(default=None, compare=False, repr=False)


#: kinds of page that no one signs: a product, a company's service page, a list of other
#: pages.  An author named on one is the account that saved it or a listed item's writer.
UNSIGNED_KINDS = frozenset({PageKind.PRODUCT, PageKind.SERVICE, PageKind.LISTING})


def signed_by(
    metadata: Metadata, kind: PageKind
) -> tuple[str | None, tuple[str, ...], Decision | None]:
    """The byline and authors of a page of ``kind``, and the decision that dropped them
    when the kind of page is one no one signs (:data:`UNSIGNED_KINDS`)."""
    if kind not in UNSIGNED_KINDS or not (metadata.byline or metadata.authors):
        return metadata.byline, metadata.authors, None
    dropped = Decision(
        "byline",
        repr(metadata.byline),
        Verdict.BOILERPLATE,
        f"a {kind} page has no author: the name is an account or a listed item's writer",
    )
    return None, (), dropped


def extract_metadata(
    tree: html.HtmlElement,
    url: str | None = None,
    *,
    jsonld: JsonLd | None = None,
    meta: MetaTags | None = None,
    named: NamedElements | None = None,
) -> Metadata:
    """Metadata of the page ``tree`` (whose comment sections are already cut out).

    ``jsonld`` and ``meta`` are the page's JSON-LD and ``<meta>`` tags when the caller
    read them already (the pipeline does, for the kind stage); read here otherwise.
    ``named`` is the page's walk for words in attribute values, when the caller made
    one (see :func:`articlekit.metadata.scan.scan_hints`).
    """
    meta = meta if meta is not None else collect_meta(tree)
    jsonld = jsonld if jsonld is not None else parse_jsonld(tree)
    article = jsonld.article()
    base = _base_url(tree, url)
    site_name = _site_name(meta, article, jsonld)
    site_names = [name for name in (site_name, _host_name(base or url)) if name]
    declared_by = [
        (title, source)
        for title, source in (
            (meta.first("dc:title", "dcterms:title"), "meta dc:title"),
            (meta.first("og:title"), "og:title"),
            (_text(article.get("headline")) if article else None, "JSON-LD headline"),
            (meta.first("twitter:title"), "twitter:title"),
            (
                meta.first("parsely-title", "sailthru.title", "dc.title", "title"),
                "meta title",
            ),
            (_text(article.get("name")) if article else None, "JSON-LD name"),
        )
        if title
    ]
    html_title = tree.findtext(".//title") or tree.findtext(".//head//title")
    hints = scan_hints(tree, named)
    title, title_evidence = explain_title(
        hints.headings,
        html_title=html_title,
        declared=[title for title, _ in declared_by],
        site_names=site_names,
        sources=[source for _, source in declared_by],
    )
    headline = _headline_element(tree, hints.headings, title)
    near, close_by = text_near_pair(headline, (15, 40), (3, 6))
    title_site = site_from_title(html_title, title)
    byline, byline_evidence, byline_element = explain_byline(
        tree,
        meta,
        article,
        jsonld,
        hints.authors,
        headline,
        near,
        site_names,
        close_by,
        title_site,
    )
    lang = _language(tree, meta, article)
    date, date_evidence = explain_date(
        tree,
        meta,
        article,
        url,
        near,
        html_title,
        lang,
        listing=byline.listing
        or _front_page(meta, article, headline, html_title, [site_name] if site_name else []),
        close_by=close_by,
    )
    image, image_evidence = _image(meta, article, base)
    return Metadata(
        url=_page_url(tree, meta, base, url),
        title=title,
        byline=byline.text,
        authors=byline.authors,
        date=date,
        site_name=site_name or title_site,
        description=_description(meta, article),
        lang=lang,
        image=image,
        tags=_tags(tree, meta, article),
        decisions=title_evidence + byline_evidence + date_evidence + image_evidence,
        byline_element=byline_element,
        page_types=tuple(dict.fromkeys(t for obj in jsonld.objects for t in type_names(obj))),
    )


def _front_page(
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    headline: html.HtmlElement | None,
    html_title: str | None,
    site_names: Sequence[str],
) -> bool:
    """A site's front page: declared as a website, with no article, no headline
    and a ``<title>`` that leads with the site's name ("Millbrook Star | Local
    news..."), where an article's would lead with its headline.

    Its dates belong to the stories it lists, not to the page.
    """
    page_type = (meta.first("og:type") or "").lower()
    if article is not None or headline is not None or page_type != "website":
        return False
    page_title = fold(html_title or "")
    return not page_title or any(
        fold(name) and page_title.startswith(fold(name)) for name in site_names
    )


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    value = " ".join(html_entities.unescape(value).split())
    return value or None


def _headline_element(
    tree: html.HtmlElement, headings: Sequence[html.HtmlElement], title: str | None
) -> html.HtmlElement | None:
    """The element showing the headline: bylines and dates are looked for around it."""
    if title:
        folded = fold(title)
        for heading in headings:
            if fold(heading_text(heading)) == folded:
                return heading
        # a headline in a plain element ("<div class=news-title>"): its text node
        for text in tree.xpath(_TITLE_TEXT_XPATH, title=" ".join(title.split())):
            parent = text.getparent()
            if parent is not None and parent.tag not in ("title", "a", "option", "script"):
                return parent  # type: ignore[no-any-return]
    for heading in headings:
        if heading.tag == "h1":
            return heading
    return None


def _base_url(tree: html.HtmlElement, url: str | None) -> str | None:
    base = tree.find(".//base[@href]")
    href = base.get("href", "").strip() if base is not None else ""
    if href:
        return _joined(url, href) if url else href
    return url


def _joined(base: str, link: str) -> str:
    """``link`` resolved against ``base``; as written when either is not a valid URL
    (an unclosed "[" reads as a broken IPv6 host and makes urllib raise)."""
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if link.lower().startswith(("javascript:", "data:")):
        return None
    if base and not _SCHEME.match(link):
        return _joined(base, link)
    return link


_CANONICAL_CASE = str.maketrans("CANOICL", "canoicl")


def _page_url(
    tree: html.HtmlElement, meta: MetaTags, base: str | None, url: str | None
) -> str | None:
    # the <link> elements by lxml's tag walk, their rel lowered as the XPath
    # "contains(translate(@rel, 'CANOICL', 'canoicl'), 'canonical')" did: the XPath's
    # "//link" tested every node of the page
    for link in tree.getroottree().iter("link"):
        href, rel = link.get("href"), link.get("rel")
        if href is None or rel is None or "canonical" not in rel.translate(_CANONICAL_CASE):
            continue
        found = _absolute(href, base)
        if found and found.startswith(("http://", "https://")):
            return found
    og_url = _absolute(meta.first("og:url"), base)
    if og_url and og_url.startswith(("http://", "https://")):
        return og_url
    return url


def _host_name(url: str | None) -> str | None:
    """The registrable-looking part of the host ("www.zeit.de" -> "zeit")."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    if len(labels) >= 2:
        return labels[-2]
    return labels[0] if labels else None


def _site_name(meta: MetaTags, article: Mapping[str, Any] | None, jsonld: JsonLd) -> str | None:
    found = meta.first("og:site_name")
    if found:
        return _text(found)
    if article is not None:
        publisher = jsonld.resolve(article.get("publisher"))
        if isinstance(publisher, list) and publisher:
            publisher = jsonld.resolve(publisher[0])
        if isinstance(publisher, Mapping) and _text(publisher.get("name")):
            return _text(publisher.get("name"))
    for site in jsonld.of_types(("website",)):
        if _text(site.get("name")):
            return _text(site.get("name"))
    return _text(meta.first("application-name", "apple-mobile-web-app-title", "publisher"))


def _description(meta: MetaTags, article: Mapping[str, Any] | None) -> str | None:
    found = meta.first("og:description", "description", "twitter:description", "dc.description")
    if not found and article is not None:
        found = _text(article.get("description"))
    return _text(found)


def _language(
    tree: html.HtmlElement, meta: MetaTags, article: Mapping[str, Any] | None
) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("xml:lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.first("content-language", "language", "dc.language"),
        meta.first("og:locale"),
        _text(article.get("inLanguage")) if article else None,
        tree.find("body").get("lang") if tree.find("body") is not None else None,
    ]
    for candidate in candidates:
        if not candidate:
            continue
        match = _LANG.match(candidate.strip().split(",")[0].strip())
        if match:
            language, region = match[1].lower(), match[2]
            if not region:
                return language
            region = region.title() if len(region) == 4 else region.upper()
            return f"{language}-{region}"
    return None


def _image(
    meta: MetaTags, article: Mapping[str, Any] | None, base: str | None
) -> tuple[str | None, tuple[Decision, ...]]:
    """The lead image, and the declared images seen (the first one declared wins)."""
    seen = [(key, value) for key in _IMAGE_META for value in meta.values.get(key, ()) if value]
    if article is not None:
        image = article.get("image") or article.get("thumbnailUrl")
        if isinstance(image, list) and image:
            image = image[0]
        if isinstance(image, Mapping):
            image = image.get("url") or image.get("contentUrl")
        if isinstance(image, str):
            seen.append(("JSON-LD image", image))
    found = _absolute(seen[0][1], base) if seen else None
    evidence = [
        Decision("image", f"{value} from {key}", Verdict.CANDIDATE, "declared image")
        for key, value in seen
    ]
    if found:
        rule = f"first declared image ({seen[0][0]})"
        evidence.append(Decision("image", found, Verdict.CHOSEN, rule))
    return found, tuple(evidence)


def _tags(
    tree: html.HtmlElement, meta: MetaTags, article: Mapping[str, Any] | None
) -> tuple[str, ...]:
    raw: list[str] = list(meta.all("article:tag", "og:article:tag"))
    for value in meta.all("news_keywords", "keywords"):
        raw.extend(value.split(","))
    if article is not None:
        keywords = article.get("keywords")
        if isinstance(keywords, str):
            raw.extend(keywords.split(","))
        elif isinstance(keywords, list):
            raw.extend(k for k in keywords if isinstance(k, str))
    raw.extend(
        str(text_of(rel.getparent()))
        for rel in tree.xpath(_TAG_XPATH)
        if "tag" in str(rel).lower().split()
    )
    tags: list[str] = []
    seen: set[str] = set()
    for tag in raw:
        tag = " ".join(html_entities.unescape(tag).split()).strip(" #")
        if tag and len(tag) <= 80 and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
            if len(tags) >= _MAX_TAGS:
                break
    return tuple(tags)
