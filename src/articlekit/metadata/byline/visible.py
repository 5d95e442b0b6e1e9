"""Visible byline candidates around the headline, scored.

Elements marked as the author (class, ``itemprop``, ``rel``, author links) and
the text nodes near the headline that open with a by-word or sit in a line with
a date each give a candidate; the closer to the headline, the higher its score.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from lxml import html

from articlekit.input.elements import class_and_id, is_screen_reader_only, text_of
from articlekit.metadata.byline.exclusion import STRONG_HINT, excluded, photo_credit
from articlekit.metadata.byline.names import (
    Byline,
    clean_byline,
    is_role,
    is_strict_name,
    reads_as_sentence,
    shouted_label,
)
from articlekit.metadata.byline.site import fold
from articlekit.metadata.byline.vocabulary import BY_INSIDE, BY_START, BY_VERB, DATE_LINE, PREFIX

__all__ = ["WEAK_SCORE", "hidden_mark", "microdata_authors", "visible_bylines"]

_AUTHOR_LINK = re.compile(r"/(?:author|autor|autoren|authors)/", re.IGNORECASE)
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article", "section", "form", "table"})
_MAX_CANDIDATE_NODES = 40
# elements that hold a line of their own: a name and its job there are a signature, in
# a <span> or <li> one of a list of authors
_LINE_TAGS = frozenset({"p", "div", "address"})
_SEGMENT = re.compile(r"\s[·•|\-\u2013\u2014]\s")
# a date line's elements: the date, separators, a reading time, the name and its avatar
_LINE_NODES = 12
# a date line printed as a list: its items (date, author, comments, category, views)
_LINE_ITEMS = 6
# an item of the line naming the post's topics or tags: "Water Heaters" is no one's name
_TAXONOMY_ITEM = (
    "boolean(.//a[contains(@rel, 'tag') or contains(@rel, 'category')"
    " or contains(@href, '/category/') or contains(@href, '/tag/')"
    " or contains(@href, '/categories/') or contains(@href, '/tags/')]"
    " | descendant-or-self::*[contains(@class, 'terms') or contains(@class, 'categor')])"
)
_MARKED_DATE = (
    "boolean(.//time | .//*[contains(@itemprop, 'date')] | .//*[contains(@class, 'date')])"
)
_HEADING = "boolean(self::h1 | self::h2 | self::h3 | .//h1 | .//h2 | .//h3)"
_INLINE_TAGS = frozenset({"span", "a", "time", "small", "em", "strong", "b", "i", "img"})
WEAK_SCORE = 3
_ITEM_URL = "boolean(.//*[@itemprop = 'url'])"
_TEXT_OUTSIDE_SVG = ".//text()[not(ancestor::svg)]"
_TEXT_OR_BREAK = ".//text()[not(parent::script or parent::style)] | .//br"


def hidden_mark(element: html.HtmlElement) -> bool:
    """True for microdata no reader sees: ``<meta itemprop=author content=…>``, or an
    author item holding only ``<meta>`` tags.  It declares the author like JSON-LD.

    An item that links the person's page (``itemprop=url``: a forum's "/user/jdoe")
    names an account the page shows, as a visible mark does.
    """
    if element.tag == "meta":
        return True
    return (
        element.get("itemprop") in ("author", "creator")
        and not "".join(element.itertext()).strip()
        and not element.xpath(_ITEM_URL)
    )


def _candidate_text(element: html.HtmlElement) -> str:
    named = element.xpath(".//*[@itemprop='name'][1]/@content | .//*[@itemprop='name'][1]//text()")
    if named:
        return " ".join(str(part) for part in named)
    if element.tag == "meta":
        return element.get("content") or ""
    # itertext, not text_content: "Written by<a>Jane Doe</a>" needs the space; the
    # initials an avatar draws in SVG ("<svg><text>JD</text></svg>") are no part of the name
    if element.find(".//svg") is None:
        return " ".join(element.itertext())
    return " ".join(element.xpath(_TEXT_OUTSIDE_SVG))


def microdata_authors(candidates: Sequence[html.HtmlElement]) -> list[str]:
    """The names of the author items no reader sees (:func:`hidden_mark`)."""
    names: list[str] = []
    for element in candidates:
        if hidden_mark(element):
            names.extend(clean_byline(_candidate_text(element)).authors)
    return list(dict.fromkeys(names))


def _first_line(element: html.HtmlElement) -> str:
    """The element's text up to the first line break after a name.

    "Von <a>Jane Doe</a><br>Kakuma / Kenia": the dateline under the byline is not a name.
    """
    parts: list[str] = []
    for piece in element.xpath(_TEXT_OR_BREAK):
        if isinstance(piece, str):
            parts.append(piece)
        elif clean_byline(" ".join(parts)).authors:
            break
    return " ".join(parts)


def _larger_than(element: html.HtmlElement, limit: int) -> bool:
    return next(islice(element.iter(), limit, None), None) is not None


def _distance(element: html.HtmlElement, anchors: dict[html.HtmlElement, int]) -> int:
    """Levels up from ``element`` to the first ancestor it shares with the headline."""
    steps = 0
    node: html.HtmlElement | None = element
    while node is not None:
        if node in anchors:
            return steps + anchors[node]
        node = node.getparent()
        steps += 1
    return 99


@dataclass(slots=True)
class _Collector:
    """The candidates met so far, each scored by its distance to the headline."""

    body: html.HtmlElement | None
    #: the headline and its ancestors, each with its number of levels above the headline
    anchors: dict[html.HtmlElement, int]
    #: elements holding one of the texts right next to the headline
    close: set[html.HtmlElement]
    found: list[tuple[int, Byline, bool, html.HtmlElement]] = field(default_factory=list)
    # the best score each text had so far: a name first met far away (an author box in
    # the footer) may be met again next to the headline
    seen: dict[str, int] = field(default_factory=dict)
    memo: dict[html.HtmlElement, bool] = field(default_factory=dict)

    def consider(self, element: html.HtmlElement, text: str, score: int, floor: int = 0) -> None:
        """Keep ``text`` found in ``element`` when it reads as a byline and is not
        already known with a better score."""
        seen = self.seen
        if (
            seen.get(text, -99) >= score + 3
            or photo_credit(element)
            or excluded(element, self.body, self.memo, self.anchors)
        ):
            return
        byline = clean_byline(text)
        if not byline.authors or reads_as_sentence(text, byline):
            seen[text] = 99
            return
        if self.anchors:
            distance = 0 if element in self.close else _distance(element, self.anchors)
            bonus = 3 if distance <= 3 else 1 if distance <= 5 else -1 if distance > 8 else 0
            # "Jane Doe | 3. Mai 2022" among the texts around the headline stays a by-line
            # however deep the template nests it
            score = max(score + bonus, floor)
        if score > seen.get(text, -99):
            seen[text] = score
            stripped = text.lstrip(" |•·-–—:,;~/*")
            explicit = bool(BY_START.match(stripped) or BY_INSIDE.match(stripped))
            self.found.append((score, byline, explicit, element))


def visible_bylines(
    tree: html.HtmlElement,
    candidates: Sequence[html.HtmlElement],
    headline: html.HtmlElement | None,
    near: Sequence[str],
    close_by: Sequence[str] = (),
) -> list[tuple[int, Byline, bool, html.HtmlElement]]:
    """Visible byline candidates: score, byline, whether a by-word introduced it, and
    the element it was read from."""
    anchors = _anchors(headline)
    collector = _Collector(tree.find("body"), anchors, _close_to_headline(close_by, anchors))
    for element in candidates:
        _consider_marked(collector, element)
    for node in near[:20]:
        _consider_date_line(collector, node)
    for node in near:
        _consider_by_line(collector, node)
    for node in near[:20]:
        _consider_signed_role(collector, node)
    return collector.found


def _anchors(headline: html.HtmlElement | None) -> dict[html.HtmlElement, int]:
    """The headline and each of its ancestors, with the levels up to it."""
    anchors: dict[html.HtmlElement, int] = {}
    node = headline
    level = 0
    while node is not None:
        anchors[node] = level
        node = node.getparent()
        level += 1
    return anchors


def _close_to_headline(
    close_by: Sequence[str], anchors: Mapping[html.HtmlElement, int]
) -> set[html.HtmlElement]:
    """Page builders (Elementor, WPBakery) nest a byline a dozen levels away from the
    headline it is printed under: an element holding one of the few texts next to the
    headline counts as close whatever the tree distance."""
    close: set[html.HtmlElement] = set()
    for text in close_by:
        owner = text.getparent()  # type: ignore[attr-defined]
        for _ in range(4):
            if owner is None or owner in anchors:
                break
            close.add(owner)
            owner = owner.getparent()
    return close


def _consider_marked(collector: _Collector, element: html.HtmlElement) -> None:
    """An element marked as the author or byline (class, ``itemprop``, ``rel``, link)."""
    attributes = class_and_id(element)
    if (
        element.get("itemprop") in ("author", "creator")
        or "author" in (element.get("rel") or "")
        or STRONG_HINT.search(attributes)
    ):
        score = 4
    elif element.tag == "a" and _AUTHOR_LINK.search(element.get("href") or ""):
        score = 4 if _slug_names(element) else 3
    else:
        score = 2
    if (
        element.tag in _CONTAINER_TAGS
        or _larger_than(element, _MAX_CANDIDATE_NODES)
        or hidden_mark(element)
    ):
        return
    text = " ".join(_candidate_text(element).split())
    if not text or len(text) > 250:
        return
    if PREFIX.match(text):
        score += 1
    collector.consider(element, text, score)


def _slug_names(link: html.HtmlElement) -> bool:
    """True when an author link's address names the person it shows: "<a
    href=/author/jane-doe/>Jane Doe</a>" is the author's own page, as a class or
    ``rel=author`` would say; "/author/editor/" showing "Jane Doe" is an account."""
    slug = _AUTHOR_LINK.split(link.get("href") or "", maxsplit=1)[-1].strip("/").casefold()
    words = [word for word in re.split(r"[\W_]+", slug.split("/", 1)[0]) if word]
    shown = fold(text_of(link))
    return bool(words) and all(len(word) >= 2 and word in shown for word in words)


def _consider_date_line(collector: _Collector, node: str) -> None:
    """A name in a line with a date near the headline: "Jane Doe | 3. Mai 2022".

    Static-site themes print each part of the line in an element of its own
    ("<span>December 15, 2025</span> · 30 min · Jane Doe", "<span>2025-12-17</span>
    <span>·</span><a>Jane Doe</a>"): the line is then the text of the element
    holding them, spaced.
    """
    element = node.getparent()  # type: ignore[attr-defined]
    if element is not None and node.is_tail:  # type: ignore[attr-defined]
        element = element.getparent()
    line = str(node)
    segments = _SEGMENT.split(line)
    if len(segments) < 2 or not any(DATE_LINE.search(x) for x in segments):
        element, line, segments = _spaced_line(element)
    if element is None or len(segments) < 2 or len(line) >= 120:
        return
    if any(DATE_LINE.search(x) for x in segments):
        for segment in segments:
            name = " ".join(segment.split())
            if is_strict_name(name):
                collector.consider(element, name, 3, WEAK_SCORE)


def _spaced_line(
    element: html.HtmlElement | None,
) -> tuple[html.HtmlElement | None, str, list[str]]:
    """The line an inline element is part of, its texts joined with spaces, and its
    parts: split at its separators, or the items of a list that page builders print as
    one line ("<ul class=post-info><li>19. Oktober 2019</li><li>Jane Doe</li>")."""
    while element is not None and element.tag in _INLINE_TAGS:
        element = element.getparent()
    if element is not None and element.tag == "li":
        return _listed_line(element.getparent())
    # a header holding the headline and the date is no line of its own
    if element is None or _larger_than(element, _LINE_NODES) or element.xpath(_HEADING):
        return None, "", []
    line = " ".join(" ".join(element.xpath(_TEXT_OUTSIDE_SVG)).split())
    return element, line, _SEGMENT.split(line)


def _listed_line(
    listing: html.HtmlElement | None,
) -> tuple[html.HtmlElement | None, str, list[str]]:
    """A date line printed as list items, and its items without the topics and tags; a
    menu or a tag list holds no marked date, and a post's date line does."""
    if (
        listing is None
        or len(listing) > _LINE_ITEMS
        or _larger_than(listing, _MAX_CANDIDATE_NODES)
        or listing.xpath(_HEADING)
        or not listing.xpath(_MARKED_DATE)
    ):
        return None, "", []
    texts = (
        " ".join(_shown_texts(item).split()) for item in listing if not item.xpath(_TAXONOMY_ITEM)
    )
    items = [text for text in texts if text]
    return listing, " ".join(items), items


def _shown_texts(element: html.HtmlElement) -> str:
    """The texts a reader sees in ``element``: not an icon's title, nor a label written
    for screen readers alone ("<span class=sr-only>Tags</span>")."""
    return " ".join(
        text
        for text in element.xpath(_TEXT_OUTSIDE_SVG)
        if not is_screen_reader_only(text.getparent().get("class") or "")
    )


def _line_of(node: str) -> tuple[html.HtmlElement | None, str]:
    """The short element a text node is part of, and its whole text."""
    parent = node.getparent()  # type: ignore[attr-defined]
    if parent is not None and node.is_tail:  # type: ignore[attr-defined]
        parent = parent.getparent()
    if parent is None or _larger_than(parent, 6):
        return None, ""
    return parent, " ".join(text_of(parent).split())


def _consider_signed_role(collector: _Collector, node: str) -> None:
    """A name and its job near the headline, without a by-word: "Jane Doe, Staff Writer",
    "<a>Jane Doe</a>, Redakteurin"."""
    if "," not in node or len(node) > 100:
        return
    element, line = _line_of(node)
    name, _, role = line.partition(",")
    words = role.split()
    if (
        element is not None
        and element.tag in _LINE_TAGS
        and 0 < len(words) <= 4
        and is_strict_name(name.strip())
        and all(is_role(word) for word in words)
    ):
        collector.consider(element, line, 3)


def _consider_by_line(collector: _Collector, node: str) -> None:
    """A text near the headline that opens with a by-word, or has one after a verb."""
    if len(node) > 150:
        return
    start = 0
    label = BY_START.match(node)
    if label and shouted_label(node, label.end()):
        return
    if not label:
        # "Posted on March 3, 2020 by Adi Tzlil"
        inner = (BY_INSIDE.search(node) or BY_VERB.search(node)) if len(node) < 100 else None
        if inner is None:
            return
        start = inner.start(1)
    parent = node.getparent()  # type: ignore[attr-defined]
    if parent is None:
        return
    # "<span>By</span><a>Jane Doe</a>", "<dt>Auteur</dt><dd>...": the label alone in
    # its element names the next one
    alone = (
        label is not None
        and not node.is_tail  # type: ignore[attr-defined]
        and len(parent) == 0
        and not node[label.end() :].strip(" :\uff1a")
        and parent.getparent() is not None
    )
    if node.is_tail or alone:  # type: ignore[attr-defined]
        siblings = islice(parent.itersiblings(), 1 if alone else 6)
        text = str(node)[start:] + " " + " ".join(_candidate_text(s) for s in siblings)
        element = parent.getparent() if parent.getparent() is not None else parent
        text = " ".join(text.split())[:200]
    else:
        element = parent
        text = " ".join(_first_line(parent).split())  # "By<a>Jane</a>": spaced
        if start:
            text = " ".join(str(node)[start:].split()) + text[len(" ".join(node.split())) :]
    if len(text) <= 200:
        collector.consider(element, text, 3)
