"""The publication date of a page, as ISO 8601.

Structured sources come first because they are cheap and explicit: JSON-LD
``datePublished``, then ``<meta>`` names used by CMSs and news plugins, then
microdata and ``<time>`` elements, then a date in the URL.  Only when none of
them names a date is htmldate asked, in its fast mode.  Modification dates are
the last resort: a page's publication date is what readers cite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from lxml import etree, html

from articlekit.explain import Decision, Verdict
from articlekit.input.elements import text_of
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.datestrings import iso_day, parse_date
from articlekit.metadata.tags import MetaTags

__all__ = ["explain_date", "parse_date", "url_date"]

_STAGE = "date"
# a date found in a source: the raw text, its vote and the source's name
_Weighted = tuple[str | None, float, str]

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "datecreated",
    "uploaddate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "publication_date",
    "publication-date",
    "pubdate",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "date.available",
    "dc.date.available",
    "release_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "last-modified",
    "lastmod",
    "dc.date.modified",
    "dcterms.modified",
    "og:updated_time",
)

_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
_TIME_XPATH = "//@itemprop[. = 'datePublished' or . = 'dateCreated'] | //time | //abbr[@title]"
# substrings of a class naming a date (markup, not words)
_DATE_CLASS = re.compile("date|Date|datum|publish|posted|time")
_MAX_DATE = "2035-12-31"
_MAX_CLOSE_CHARS = 60
_MODIFIED_WEIGHT = 0.05
# the lightest vote of a publication date (an unmarked <time>); modification
# dates alone stay below it
_PUBLICATION_VOTE = 0.5
# the date of an announced event, not of the page: "Termin: 21.02.2020, 19 Uhr"
_EVENT_HINT = re.compile(
    rf"\b(?:{phrase_pattern(words('dates.event_labels'), space=' ')})\s*:", re.IGNORECASE
)
_UTC_MIDNIGHT = re.compile(r"T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")
_UTC = re.compile(r"(?:Z|[+-]00:?00|GMT|UTC)\s*$", re.IGNORECASE)
_PUBLISH_HINT = re.compile(r"publish|posted|created|entry-date|pubdate|article-date|dateline", re.I)
# matched anywhere: in a label ("Aktualisiert am") and in a class ("date-updated")
_UPDATE_HINT = re.compile(phrase_pattern(words("dates.update_hints"), space=" "), re.I)


def _jsonld_raw(article: Mapping[str, Any] | None, keys: tuple[str, ...]) -> tuple[str | None, str]:
    """The first of ``keys`` holding a date, and its name ("JSON-LD datePublished")."""
    if article is None:
        return None, ""
    for key in keys:
        value = article.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and parse_date(value):
            return value, f"JSON-LD {key}"
    return None, ""


def _meta_raw(meta: MetaTags, keys: Sequence[str], weight: float) -> list[_Weighted]:
    """Every date-bearing ``<meta>`` of ``keys`` (in the order of ``MetaTags.all``)."""
    return [(raw, weight, f"meta {key}") for key in keys for raw in meta.values.get(key, ()) if raw]


def _element_date(tree: html.HtmlElement, month_first: bool = False) -> tuple[str | None, bool]:
    """A date from microdata, ``<time>`` or ``<abbr class=published>`` in the body,
    and whether the element is marked as the publication date.

    A bare ``<time>`` counts only when it is not marked as an update.
    """
    bare: str | None = None
    for found_node in tree.xpath(_TIME_XPATH):
        element = found_node if isinstance(found_node, html.HtmlElement) else found_node.getparent()
        if element is None or element.getparent() is None or element.getparent().tag == "head":
            continue  # head tags are counted with the other <meta> tags
        if element.tag == "abbr" and "published" not in (element.get("class") or ""):
            continue
        hints = " ".join(
            filter(None, (element.get("class"), element.get("itemprop"), element.get("id")))
        )
        parent = element.getparent()
        if parent is not None:
            hints += " " + (parent.get("class") or "")
        raw = element.get("datetime") or element.get("content") or element.get("title")
        found = raw if parse_date(raw) else text_of(element)
        if not parse_date(found, month_first=month_first):
            continue
        if element.get("itemprop") in ("datePublished", "dateCreated") or element.get("pubdate"):
            return found, True
        if _PUBLISH_HINT.search(hints):
            return found, True
        if bare is None and not _UPDATE_HINT.search(hints):
            bare = found
    return bare, False


def _near_date(
    near: Sequence[str],
    month_first: bool = False,
    max_chars: int = 120,
    updates: frozenset[str] = frozenset(),
) -> str | None:
    """The first short date line next to the headline that is not an update.

    The label may be its own text node ("Last updated:" then the date), so
    the text before the date is checked too; a day in ``updates`` (declared
    only as the modification date) is an update printed without a label.
    """
    previous = ""
    for text in near:
        # a dateline opens a paragraph: "01.02.2022 - Der Arbeitsmarkt..."
        dated = (
            len(text) <= max_chars and parse_date(text, month_first=month_first)
        ) or parse_date(text.lstrip()[:12], month_first=month_first)
        label = text + " " + previous[-40:]
        if (
            dated
            and dated not in updates
            and not _UPDATE_HINT.search(label)
            and not _EVENT_HINT.search(label)
        ):
            return text
        previous = text
    return None


def _dateline(
    near: Sequence[str], votes: Mapping[str, float], month_first: bool, max_chars: int = 120
) -> str | None:
    """The first date line of ``near``, or a later one when the first names a day that
    only a modification date declares and the later one a declared publication day.

    Templates print both dates unlabelled ("2022-12-07T10:10" above "25. Dezember
    2022"); a page showing only its update date still shows that one.
    """
    first = _near_date(near, month_first, max_chars)
    day = parse_date(first, month_first=month_first)
    if day is None or not 0.0 < votes.get(day, 0.0) < _PUBLICATION_VOTE:
        return first
    updates = frozenset(day for day, weight in votes.items() if weight < _PUBLICATION_VOTE)
    later = _near_date(near, month_first, max_chars, updates)
    published = parse_date(later, month_first=month_first)
    return later if published and votes.get(published, 0.0) >= _PUBLICATION_VOTE else first


def _hinted_date(tree: html.HtmlElement) -> str | None:
    """A date in an element classed as a date anywhere in the body (last resort)."""
    for element, classes in _date_classed(tree):
        if _UPDATE_HINT.search(classes):
            continue
        text = text_of(element)
        if len(text) < 120 and parse_date(text):
            return str(text)
    return None


def _date_classed(tree: html.HtmlElement) -> Iterator[tuple[html.HtmlElement, str]]:
    """The elements of the body (itself included) whose class names a date, with the
    class, in page order.  A walk that stops at the first dated one: the XPath
    "//body//@class[contains(., 'date') or ...]" it replaces copied every class of the
    page six times before the first could be read."""
    for body in tree.iter("body"):
        if next(body.iterancestors("body"), None) is not None:
            continue  # its elements are the outer body's
        for element in body.iter(etree.Element):
            classes = element.get("class")
            if classes is not None and _DATE_CLASS.search(classes) is not None:
                yield element, classes


def url_date(url: str | None) -> str | None:
    """The date a permalink spells ("/2021/03/05/"), or None."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    return iso_day(int(match[1]), int(match[2]), int(match[3])) if match else None


def _url_refutes(url: str | None, close: str, votes: Mapping[str, float]) -> bool:
    """True when the permalink's "/2019/10/" is the month of the declared date, not the
    month of the date line next to the headline (a teaser's date in a sidebar)."""
    match = _URL_MONTH.search(url or "")
    if not match:
        return False
    month = f"{match[1]}-{match[2]}"
    best = max(votes, key=lambda day: votes[day])
    return best.startswith(month) and not close.startswith(month)


def _shifted(utc: str, local: str | None) -> bool:
    """True when ``local`` names the day before or after the UTC timestamp's day.

    A timestamp in UTC ("2022-05-04T02:41:00Z") names the next day for a
    page published in the evening west of Greenwich; the date the page shows
    is the publication date its readers see.
    """
    day, other = parse_date(utc), parse_date(local)
    if not day or not other or day == other:
        return False
    return abs(date.fromisoformat(day).toordinal() - date.fromisoformat(other).toordinal()) == 1


def _local_day(raw: str | None, month_first: bool = False) -> str | None:
    """The day of ``raw``; a UTC timestamp at 22:00 or 23:00 sharp counts as the next day.

    CMSs store a date-only field as local midnight; serialised in UTC from a
    European time zone that is 22:00 or 23:00 of the day before.
    """
    day = parse_date(raw, month_first=month_first)
    if day and raw and _UTC_MIDNIGHT.search(raw):
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    return day


def _vote(
    tree: html.HtmlElement,
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    month_first: bool = False,
    listing: bool = False,
) -> tuple[dict[str, float], dict[str, bool], list[Decision]]:
    """Weighted votes per day from the structured sources, whether each
    day's evidence is all UTC timestamps, and each vote as a candidate (``--explain``)."""
    element, marked = (None, False) if listing else _element_date(tree, month_first)
    published, published_key = _jsonld_raw(article, ("datePublished", "dateCreated", "uploadDate"))
    weighted: list[_Weighted] = [
        (published, 1.5, published_key),
        (
            element,
            *((1.2, "element marked published") if marked else (_PUBLICATION_VOTE, "<time>")),
        ),
    ]
    weighted.extend(_meta_raw(meta, _PUBLISHED_META[:4], 1.2))
    weighted.extend(_meta_raw(meta, _PUBLISHED_META[4:], 1.0))
    # Modification dates only break ties between publication dates.
    modified, modified_key = _jsonld_raw(article, ("dateModified",))
    weighted.append((modified, _MODIFIED_WEIGHT, modified_key))
    weighted.extend(_meta_raw(meta, _MODIFIED_META, _MODIFIED_WEIGHT))
    votes: dict[str, float] = {}
    utc_only: dict[str, bool] = {}
    seen: list[Decision] = []
    for raw, weight, source in weighted:
        day = _local_day(raw, month_first)
        if not day or not raw:
            continue
        votes[day] = votes.get(day, 0.0) + weight
        utc_only[day] = utc_only.get(day, True) and bool(_UTC.search(raw))
        kind = "update" if weight < _PUBLICATION_VOTE else "publication"
        seen.append(Decision(_STAGE, f"{day} from {source}", Verdict.CANDIDATE, kind, weight))
    return votes, utc_only, seen


def explain_date(
    tree: html.HtmlElement,
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    url: str | None,
    near: Sequence[str] = (),
    html_title: str | None = None,
    lang: str | None = None,
    listing: bool = False,
    close_by: Sequence[str] = (),
) -> tuple[str | None, tuple[Decision, ...]]:
    """The publication date of the page as ``YYYY-MM-DD`` (or None) and its evidence:
    each dated source seen (with its vote), the dates shown near the headline, and the
    date chosen with its rule.

    ``near`` are the text nodes around the headline
    (:func:`articlekit.metadata.scan.text_near`); on a ``listing`` (an index
    of articles) the dates shown belong to the articles, so only the page's
    own declarations count.  Structured dates often
    disagree (a CMS re-saves, a feed import keeps the first draft's date), so
    sources vote, publication dates weighing more than modification dates;
    a date the page shows next to the headline decides when it matches one.
    """
    month_first = (lang or "").lower() in ("en", "en-us")
    votes, utc_only, seen = _vote(tree, meta, article, month_first, listing)
    shown = (
        None
        if listing
        else parse_date(_dateline(near, votes, month_first), month_first=month_first)
    )
    in_url = url_date(url)
    close_text = None if listing else _dateline(close_by, votes, month_first, _MAX_CLOSE_CHARS)
    close = parse_date(close_text, month_first=month_first)
    for day, where in ((shown, "shown near the headline"), (close, "shown at the headline")):
        if day:
            seen.append(Decision(_STAGE, f"{day} {where}", Verdict.CANDIDATE, "date line"))
    if in_url:
        seen.append(Decision(_STAGE, f"{in_url} in the URL", Verdict.CANDIDATE, "URL path"))
    day, rule = _choose(
        tree,
        url,
        html_title,
        listing,
        month_first,
        votes,
        utc_only,
        shown,
        in_url,
        close,
        close_text,
    )
    if day:
        seen.append(Decision(_STAGE, day, Verdict.CHOSEN, rule))
    return day, tuple(seen)


def _choose(
    tree: html.HtmlElement,
    url: str | None,
    html_title: str | None,
    listing: bool,
    month_first: bool,
    votes: Mapping[str, float],
    utc_only: Mapping[str, bool],
    shown: str | None,
    in_url: str | None,
    close: str | None,
    close_text: str | None,
) -> tuple[str | None, str]:
    """The date of :func:`explain_date` from the evidence gathered, and the rule."""
    # a shown date that only a modification date backs is an update, not the date
    if shown and votes.get(shown, 0.0) >= _PUBLICATION_VOTE:
        return shown, "date shown near the headline, declared as published"
    # A date line right at the headline is the date the page shows; when it
    # disagrees with the declared dates, readers (and citations) go by it.
    # An ambiguous "11/01/2021" that the declarations read the other way is
    # taken their way.
    if close and votes and not _url_refutes(url, close, votes):
        other = parse_date(close_text, month_first=not month_first)
        if other in votes and close not in votes:
            return other, "date line at the headline, day and month read as declared"
        return close, "date line at the headline outranks declared dates"
    if votes:
        best = max(votes, key=lambda day: votes[day])  # first seen wins a tie
        if utc_only[best]:
            for local, where in ((shown, "shown"), (in_url, "in the URL")):
                if _shifted(best, local):
                    return local, f"local day {where} for a UTC timestamp"
        if votes[best] >= _PUBLICATION_VOTE:
            return best, "declared publication date (most votes)"
        return best, "only a modification date is declared"
    if listing:
        return in_url, "index page: date in the URL only"
    if shown:
        return shown, "date shown near the headline"
    if in_url:
        return in_url, "date in the URL"
    hinted = parse_date(_hinted_date(tree), month_first=month_first)
    if hinted:
        return hinted, "element classed as a date"
    in_title = parse_date(html_title)
    if in_title:
        return in_title, "date in <title>"
    found = _htmldate(tree, url)
    if found:
        return found, "htmldate, fast mode"
    return None, ""


def _htmldate(tree: html.HtmlElement, url: str | None) -> str | None:
    """htmldate's fast mode, for pages that mark no date up at all.

    It copies the tree before pruning it, so ours stays intact; the fixed
    upper bound keeps the result independent of the day it runs.  Imported here,
    not at the top: htmldate (with dateparser behind it) is a third of
    ``import articlekit``, and many pages are dated without it.
    """
    from htmldate import find_date

    try:
        found = find_date(
            tree,
            url=url,
            original_date=True,
            extensive_search=False,
            max_date=_MAX_DATE,
        )
    except Exception:
        return None
    return parse_date(found) if isinstance(found, str) else None
