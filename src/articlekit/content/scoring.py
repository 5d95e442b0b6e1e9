"""Main-content selection, step 1: paragraph scores and the containers they rank.

Paragraphs (``p``, ``pre``, ``td``, text-only ``div``) are scored: one point, one
per comma, one per 100 characters (at most three); the score flows to five levels
of ancestors, thinning with distance.  Containers start from a tag prior and
class/id hints (``<article>``, ``<main>``, ``itemprop="articleBody"`` count too).
:class:`Scores` scales a container's score by ``1 - link density`` and ranks the
best ones; :mod:`.selection` decides what to do with them.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.content.class_hints import class_weight
from articlekit.content.pruning import link_density
from articlekit.input.elements import text_of
from articlekit.input.xpath import text_query

__all__ = [
    "DIV_BLOCK_CHILDREN",
    "MAX_PROSE_POINTS",
    "STAGE",
    "Scores",
    "prior",
    "prose_length",
    "score_candidates",
    "text_length",
]

STAGE = "content"
"""The stage named in the decisions of main-content selection."""

MIN_PARAGRAPH_CHARS = 25
"""Paragraphs shorter than this carry no score (captions, buttons, datelines)."""

_SCORE_UNIT_TAGS = ("p", "pre", "td", "div")
# a div with one of these children is a container, not a paragraph
DIV_BLOCK_CHILDREN = frozenset(
    [
        "p",
        "div",
        "table",
        "ul",
        "ol",
        "pre",
        "blockquote",
        "section",
        "article",
        "dl",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)


def _score_units(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Paragraph-like elements of the body, in document order: p, pre, td, and divs
    without block children."""
    body = tree.find("body")
    if body is None:
        return []
    # lxml's C-level tag filter: several times faster than an XPath "*[self::p or ...]"
    return [
        unit
        for unit in body.iterdescendants(*_SCORE_UNIT_TAGS)
        if unit.tag != "div" or not any(child.tag in DIV_BLOCK_CHILDREN for child in unit)
    ]


# direct text of a container that also holds blocks ("text<br>text<p>..</p>"), the
# text after an inline child ("<b>Note:</b> text") included: it is a text child of the
# div too.  (A union with that second path, once spelled out here, found no other node
# and cost three times the query: libxml2 merges unions with a check per node pair.)
_LOOSE_TEXT = text_query("//body//div/text()[string-length(normalize-space()) > 24]")
_COMMAS = re.compile(r"[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TAG_PRIOR = {
    "div": 5,
    "article": 10,
    "main": 5,
    "section": 2,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}
_ANCESTOR_LEVELS = 5
PROSE_CHARS_PER_POINT = 300
"""A candidate earns one point per this many characters of text outside links..."""
MAX_PROSE_POINTS = 5
"""...at most this many: a wrapper named "content" around an address box (+25) should
not beat the 1,300-character description beside it on its name alone."""


def text_length(element: html.HtmlElement | None) -> int:
    """Characters of ``element``'s text with white space collapsed (0 for None)."""
    if element is None:
        return 0
    return len(" ".join(text_of(element).split()))


def prose_length(element: html.HtmlElement) -> float:
    """Characters of ``element``'s text outside links."""
    length = text_length(element)
    return length * (1.0 - link_density(element, length))


def score_candidates(tree: html.HtmlElement) -> dict[html.HtmlElement, float]:
    """Raw scores of the containers of the tree's paragraphs and loose text."""
    units = _score_units(tree)
    scores: dict[html.HtmlElement, float] = {}
    for unit in units:
        text = text_of(unit)
        # collapsed: an empty ad slot's indentation is no paragraph
        length = len(" ".join(text.split()))
        if _CJK.search(text, 0, 40):
            # a Chinese, Japanese or Korean character carries about a word: count it so
            length += 2 * len(_CJK.findall(text))
        if length < MIN_PARAGRAPH_CHARS:
            continue
        points = 1.0 + len(_COMMAS.findall(text)) + min(length // 100, 3)
        # a text-only div is a paragraph too; its container is the div's parent
        _spread(unit, points, scores)
    for text in _LOOSE_TEXT(tree):
        holder = text.getparent()
        if holder is None:
            continue
        if text.is_tail:
            holder = holder.getparent()
        if holder is None:
            continue
        points = 1.0 + len(_COMMAS.findall(text)) + min(len(text) // 100, 3)
        scores[holder] = scores.get(holder, prior(holder)) + points
    return scores


def prior(element: html.HtmlElement) -> float:
    """The score a container starts from: its tag and its class/id hints."""
    points = _TAG_PRIOR.get(element.tag, 0) + class_weight(element)
    if element.tag in ("article", "main") or element.get("role") == "main":
        points += 10
    return float(points)


def _spread(unit: html.HtmlElement, points: float, scores: dict[html.HtmlElement, float]) -> None:
    for level, ancestor in enumerate(unit.iterancestors()):
        if ancestor.tag == "html" or level >= _ANCESTOR_LEVELS:
            break
        if ancestor not in scores:
            scores[ancestor] = prior(ancestor)
        divider = 1 if level == 0 else 2 if level == 1 else level * 3
        scores[ancestor] += points / divider


class Scores:
    """Raw scores, and final scores computed on demand: scaled by ``1 - link density``,
    plus a few points for the amount of text outside links.

    Scaling needs each candidate's text and link text, which is the expensive
    part, so only candidates that can matter are scaled.
    """

    __slots__ = ("_final", "max_prose", "raw")

    def __init__(self, raw: dict[html.HtmlElement, float], max_prose: float) -> None:
        self.raw = raw
        self.max_prose = max_prose
        self._final: dict[html.HtmlElement, float] = {}

    def final(self, element: html.HtmlElement) -> float | None:
        raw = self.raw.get(element)
        if raw is None:
            return None
        final = self._final.get(element)
        if final is None:
            length = len(" ".join(text_of(element).split()))
            density = link_density(element, length)
            prose = length * (1.0 - density)
            final = raw * (1.0 - density) + min(prose / PROSE_CHARS_PER_POINT, self.max_prose)
            self._final[element] = final
        return final

    def ranked(self, count: int) -> list[tuple[html.HtmlElement, float]]:
        """The ``count`` best candidates by scaled score, best first.

        Scaling only lowers a score and the text adds at most ``max_prose``,
        so candidates are visited best raw score first and the search stops once
        no raw score can reach the ranking.
        """
        ranked: list[tuple[html.HtmlElement, float]] = []
        for element, raw in sorted(self.raw.items(), key=lambda item: -item[1]):
            if len(ranked) >= count and raw + self.max_prose <= ranked[-1][1]:
                break
            final = self.final(element)
            assert final is not None
            ranked.append((element, final))
            ranked.sort(key=lambda item: -item[1])
            del ranked[count:]
        return ranked
