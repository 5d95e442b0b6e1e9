"""Stage 5 - content: locate the main content of a page tree.

How, in order:

1. :func:`articlekit.content.furniture.prepare_tree` strips what is never text
   (scripts, forms, hidden elements, navigation landmarks) and cuts out,
   reversibly, subtrees whose class/id names page furniture.
2. Paragraphs (``p``, ``pre``, ``td``, text-only ``div``) are scored: one point,
   one per comma, one per 100 characters (at most three); the score flows to
   five levels of ancestors, thinning with distance.  Containers start from a
   tag prior and class/id hints (``<article>``, ``<main>``,
   ``itemprop="articleBody"`` count too).
3. The best container after scaling by ``1 - link density`` wins, unless it won
   by its class name alone and a candidate with far more prose scores near it; a
   common ancestor of several near-best candidates, or a parent that scores
   higher, replaces it.  Then the body is gathered where templates split it:
   siblings with prose of their own or of the same kind, repeated wrappers,
   containers named like the body nearby, the lead image beside the body, the
   standfirst before it and the lead picture under the standfirst.
4. A page whose content is a run of teasers (repeated linked headings over
   short excerpts) has no article: ``Content.root`` is None and the Article
   gets ``Status.NO_ARTICLE``.  Otherwise boilerplate is stripped from the
   result (:func:`articlekit.content.cleaning.clean_content`).

When the cut furniture took the article with it (a short result), the cuts are
put back and the selection runs again.  Every decision is kept for
``articlekit parse --explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from lxml import etree, html

from articlekit.content.class_hints import class_weight
from articlekit.content.cleaning import clean_content
from articlekit.content.furniture import prepare_tree, strip_unlikely
from articlekit.content.pruning import link_density
from articlekit.explain import Decision, Verdict
from articlekit.input.tree import class_and_id
from articlekit.input.xpath import boolean_query, element_query, number_query, text_query
from articlekit.metadata.extract import Metadata
from articlekit.options import Options

__all__ = ["Content", "find_main_content"]

STAGE = "content"

MIN_PARAGRAPH_CHARS = 25
"""Paragraphs shorter than this carry no score (captions, buttons, datelines)."""
RETRY_BELOW_CHARS = 500
"""A result shorter than this is retried without class/id marks and conditional cleaning."""
MIN_ARTICLE_CHARS = 1
"""Below this much text after cleaning, a page has no article."""
MIN_TEASERS = 4
"""Linked headings (h2-h4 holding a link) that, with only short paragraphs, make a listing."""
MAX_TEASER_PARAGRAPH = 600
"""A paragraph longer than this is article prose, not a teaser excerpt."""

_SCORE_UNIT_TAGS = ("p", "pre", "td", "div")
# a div with one of these children is a container, not a paragraph
_DIV_BLOCK_CHILDREN = frozenset(
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
        if unit.tag != "div" or not any(child.tag in _DIV_BLOCK_CHILDREN for child in unit)
    ]


# direct text of a container that also holds blocks ("text<br>text<p>..</p>")
_LOOSE_TEXT = text_query(
    "//body//div/text()[string-length(normalize-space()) > 24]"
    " | //body//div/*[self::a or self::span or self::b or self::strong or self::i or self::em"
    " or self::br or self::font or self::sup or self::sub]"
    "/following-sibling::text()[1][string-length(normalize-space()) > 24]"
)
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
TOP_CANDIDATES = 5
"""How many best candidates are compared when looking for a common ancestor."""
SIBLING_SHARE = 0.15
"""A sibling scoring this share of the best container's score is part of the article."""
PROSE_CHARS_PER_POINT = 300
"""A candidate earns one point per this many characters of text outside links..."""
MAX_PROSE_POINTS = 5
"""...at most this many: a wrapper named "content" around an address box (+25) should
not beat the 1,300-character description beside it on its name alone."""
MIN_NEAR_CANDIDATES = 3
"""Near-best candidates (>= 75 % of the best) that make their common ancestor the article."""


@dataclass(frozen=True, slots=True)
class Content:
    """The element holding the main content (None when the page has none), and why."""

    root: html.HtmlElement | None
    decisions: tuple[Decision, ...] = ()


def find_main_content(tree: html.HtmlElement, metadata: Metadata, options: Options) -> Content:
    """The main-content element of ``tree``, found by scoring; boilerplate is removed from it.

    ``tree`` is changed in place (cleaned); the returned root is an element of it
    or a new ``<div>`` gathering several of its elements.
    """
    decisions: list[Decision] = []
    body = tree.find("body")
    if body is None:
        return Content(None, ())
    cuts = prepare_tree(tree, decisions)
    restored, conditional = False, True
    choice = _select(tree)
    length = _chosen_length(choice)
    core = _core_length(choice)  # measured now: restoring the cuts below changes it
    if cuts.pairs and length < RETRY_BELOW_CHARS:
        # the article wrapper itself may carry a furniture-like name: put the cut
        # subtrees back and try again
        cuts.restore()
        restored = True
        # no length points in the retry: the furniture put back would earn them for
        # every wrapper around it
        retry = _select(tree, prose_points=0)
        # the retry must find more prose in its best container, not just more neighbours
        if retry is not None and _text_length(retry.top) > core * 1.5 + 50:
            decisions.append(Decision(STAGE, "page", Verdict.CANDIDATE, "retried without cuts"))
            choice, length, conditional = retry, _chosen_length(retry), False
    if choice is None:
        # no paragraph long enough to score (a short note, a page of fragments): the body
        # is the best guess, and the length checks below still apply
        reason = Decision(STAGE, body, Verdict.CANDIDATE, "no prose: whole body")
        choice = _Choice(body, 0.0, (body,), (reason,))
    listings = [e for e in choice.taken if _looks_like_listing(e)]
    if listings and (choice.top in listings or len(listings) == len(choice.taken)):
        decisions.extend(choice.reasons)
        decisions.append(Decision(STAGE, choice.top, Verdict.BOILERPLATE, "no article: teasers"))
        return Content(None, tuple(decisions))
    if listings:
        # a teaser grid gathered beside the article ("more from the lexicon") is not part of it
        kept = tuple(e for e in choice.taken if e not in listings)
        dropped = tuple(Decision(STAGE, e, Verdict.BOILERPLATE, "teasers beside") for e in listings)
        choice = _Choice(choice.top, choice.score, kept, choice.reasons + dropped)
    root = _build(choice, decisions, restored=restored, conditional=conditional)
    length = _text_length(root)
    if length < MIN_ARTICLE_CHARS:
        decisions.append(
            Decision(STAGE, "page", Verdict.BOILERPLATE, "no article: too little text")
        )
        return Content(None, tuple(decisions))
    if length * (1 - link_density(root, length)) < MIN_ARTICLE_CHARS:
        decisions.append(Decision(STAGE, root, Verdict.BOILERPLATE, "no article: links"))
        return Content(None, tuple(decisions))
    return Content(root, tuple(decisions))


@dataclass(frozen=True, slots=True)
class _Choice:
    top: html.HtmlElement
    score: float
    taken: tuple[html.HtmlElement, ...]
    reasons: tuple[Decision, ...]


def _core_length(choice: _Choice | None) -> int:
    return _text_length(choice.top) if choice is not None else 0


def _chosen_length(choice: _Choice | None) -> int:
    if choice is None:
        return 0
    return sum(_text_length(e) for e in choice.taken)


def _looks_like_listing(root: html.HtmlElement) -> bool:
    """True for an index page: repeated linked headings over short excerpts."""
    # one linked heading per item: a listicle's headings share the article's container
    headings = _LINKED_HEADINGS(root)
    parents = [h.getparent() for h in headings]  # held: proxies stay alive
    teasers = len(set(parents))
    # teaser titles repeat one heading level; a forum's or a page's mixed headings do not
    levels = [h.tag for h in headings]
    teasers = min(teasers, max((levels.count(t) for t in set(levels)), default=0))
    if teasers < MIN_TEASERS:
        return False
    paragraphs = [len(p.text_content().strip()) for p in root.iter("p")]
    if any(length > MAX_TEASER_PARAGRAPH for length in paragraphs):
        return False
    prose = len([p for p in paragraphs if p > 40])
    if prose == 0 or teasers * 2 < prose:
        return False
    # most prose must sit in teaser items (one linked heading each), not beside them
    return int(_TEASER_PROSE(root)) * 10 >= prose * 6


_LINKED_HEADINGS = element_query(
    ".//*[self::h2 or self::h3 or self::h4][a[@href and not(starts-with(@href, '#'))] and"
    " string-length(normalize-space(a)) * 2 > string-length(normalize-space())]"
)


def _add_same_class(
    tree: html.HtmlElement,
    best: html.HtmlElement,
    taken: tuple[html.HtmlElement, ...],
    top_score: float,
    scores: _Scores,
    decisions: list[Decision],
) -> tuple[html.HtmlElement, ...]:
    """Parts of a body split over containers named like the best one, in page order.

    Page builders repeat the body container's class for every stretch of text
    between embeds and ad slots, at whatever depth the layout puts them.
    """
    name = best.get("class")
    if not name or len(name) < 4:
        return taken
    threshold = max(10.0, top_score * 0.3)
    best_ancestors = list(best.iterancestors())
    same = cast("list[html.HtmlElement]", _SAME_CLASS(tree, name=name))
    if len(same) < 2:
        return taken
    result: list[html.HtmlElement] = []
    group_added = False
    for element in same:
        ancestors = list(element.iterancestors())
        inside = any(e is element or e in ancestors for e in taken)
        if inside:
            if not group_added:
                result.extend(taken)
                group_added = True
            continue
        if any(t in set(element.iterdescendants()) for t in taken):
            continue
        near = best_ancestors[:SAME_NAME_LEVELS]
        if (scores.final(element) or 0.0) >= threshold and any(a in near for a in ancestors):
            result.append(element)
            decisions.append(Decision(STAGE, element, Verdict.CONTENT, "same name as the body"))
    if not group_added:
        return taken
    return tuple(result)


SAME_NAME_LEVELS = 6
"""A split body's parts share an ancestor this close to the best part."""
_SAME_CLASS = etree.XPath("//body//*[@class = $name]")


_LEAD_HINT = re.compile(
    r"lead(?!ing)|intro|teaser|standfirst|summary|(?:^|[\s_-])deck|(?:^|[\s_-])dek|subtitle|subline|"
    r"excerpt|abstract|chapo|chapeau|strapline|sapo|entradilla|bajada|vorspann|"
    r"description|article-header__text",
    re.IGNORECASE,
)
_PICTURE_HINT = re.compile(r"image|img|photo|picture|caption|credit|media|video", re.IGNORECASE)
LEAD_LEVELS = 5
"""How far above the body container a standfirst/lead paragraph is looked for."""


def _find_lead(
    top: html.HtmlElement, taken: tuple[html.HtmlElement, ...]
) -> html.HtmlElement | None:
    """The lead paragraph of a template that keeps it apart from the body container.

    News templates put the standfirst in the article header, a sibling or cousin
    of the body; it is article text.  Only an element named like a lead, before
    the body and near it, short and without many links, qualifies.
    """
    node = taken[0]
    for level in range(LEAD_LEVELS):
        nearest = True
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            found = _lead_in(sibling)
            if found is not None:
                return found
            if nearest and level < 2:
                if _is_unnamed_lead(sibling):
                    return sibling
                if sibling.tag in ("header", "hgroup"):
                    found = _header_lead(sibling)
                    if found is not None:
                        return found
            if len(sibling.text_content().strip()) >= SHORT_META_CHARS:
                # a dateline, byline or label line between the standfirst and the
                # body keeps them neighbours
                nearest = False
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def _picture_after_lead(lead: html.HtmlElement, body: html.HtmlElement) -> html.HtmlElement | None:
    """The lead picture between a standfirst and the body: news headers put it right
    under the standfirst, before the byline line."""
    for sibling in lead.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling is body or any(a is sibling for a in body.iterancestors()):
            return None
        if _is_one_picture(sibling) and _text_length(sibling) < LEAD_PICTURE_CHARS:
            return sibling
        if len(sibling.text_content().strip()) >= SHORT_META_CHARS:
            return None
    return None


LEAD_PICTURE_CHARS = 400
"""Longest caption and credit of a lead picture under the standfirst."""
SHORT_META_CHARS = 80
"""Lines shorter than this (dates, bylines, labels) may sit between a standfirst and the body."""


def _header_lead(header: html.HtmlElement) -> html.HtmlElement | None:
    """The standfirst inside an article ``<header>``: a text block after its title."""
    titles = [e for e in header.iter("h1")]
    if len(titles) != 1:
        return None
    after = False
    for element in header.iter():
        if element is titles[0]:
            after = True
        elif after and _is_unnamed_lead(element):
            return element
    return None


def _is_unnamed_lead(element: html.HtmlElement) -> bool:
    """A standfirst without a telling name: the text block right before the body."""
    if element.tag not in ("p", "h2", "h3", "div", "strong", "b"):
        return False
    text = " ".join(element.text_content().split())
    if not 100 <= len(text) <= 800:
        return False
    if element.tag not in ("h2", "h3") and not re.search(r"[.!?:…»“\"]", text):
        return False  # a heading this long is a standfirst even without a full stop
    if _HAS_IMAGE(element) or class_weight(element) < 0:
        return False
    return link_density(element, len(text)) < 0.2


def _lead_in(element: html.HtmlElement) -> html.HtmlElement | None:
    candidates = [element] if _is_lead(element) else []
    if not candidates:
        candidates = [e for e in _HINTED(element) if _is_lead(e)]
    return candidates[0] if candidates else None


def _is_lead(element: html.HtmlElement) -> bool:
    hint = class_and_id(element)
    if len(hint) < 3 or not _LEAD_HINT.search(hint) or element.tag in ("a", "img", "figure", "h1"):
        return False
    if _PICTURE_HINT.search(hint):
        return False  # "image-description", "media__caption--intro": a picture's caption
    text = " ".join(element.text_content().split())
    if not 40 <= len(text) <= 1000:
        return False
    return link_density(element, len(text)) < 0.3 and not _HAS_IMAGE(element)


_HINTED = element_query(".//*[@class or @id]")
_HAS_IMAGE = boolean_query("boolean(.//img)")


def _is_prose_twin(element: html.HtmlElement) -> bool:
    text = " ".join(element.text_content().split())
    return bool(text) and link_density(element, len(text)) < 0.3


def _is_lone_image(element: html.HtmlElement) -> bool:
    # raw length: a figure beside the body with a long caption is often a teaser
    return _is_one_picture(element) and len(element.text_content()) < 300


def _is_one_picture(element: html.HtmlElement) -> bool:
    if element.tag not in ("figure", "div", "p", "picture", "img", "a", "span"):
        return False
    images = _IMAGES(element)
    # a linked thumbnail is a teaser for another page
    return len(images) == 1 and not _LINKED_IMAGE(element) and class_weight(element) >= 0


_IMAGES = element_query("self::img | .//img")
_LINKED_IMAGE = boolean_query("boolean(.//a//img or ancestor::a)")


_TEASER_PROSE = number_query(
    "count(.//p[string-length(normalize-space()) > 40]"
    "[ancestor::*[count(.//*[self::h2 or self::h3 or self::h4]"
    "[a[@href and not(starts-with(@href, '#'))]]) = 1]])"
)


def _text_length(element: html.HtmlElement | None) -> int:
    if element is None:
        return 0
    return len(" ".join(element.text_content().split()))


def _select(tree: html.HtmlElement, prose_points: float = MAX_PROSE_POINTS) -> _Choice | None:
    scores = _score(tree)
    if not scores:
        return None
    scored = _Scores(scores, prose_points)
    ranked = scored.ranked(TOP_CANDIDATES)
    best, top_score = ranked[0]
    reasons: list[Decision] = []
    rival = _prose_rival(ranked, scored)
    if rival is not None:
        reasons.append(Decision(STAGE, best, Verdict.CANDIDATE, "won by its name only", top_score))
        best, top_score = rival
    reasons.append(Decision(STAGE, best, Verdict.CANDIDATE, "best score", top_score))
    top = _climb(best, top_score, scored, ranked)
    top_score = max(top_score, scored.final(top) or 0.0)
    taken = _gather(top, top_score, scored, reasons)
    taken = _add_same_class(tree, best, taken, top_score, scored, reasons)
    taken = _add_cousin_paragraphs(tree, top, taken, reasons)
    lead = _find_lead(top, taken)
    if lead is not None:
        reasons.append(Decision(STAGE, lead, Verdict.CONTENT, "lead before the body"))
        picture = _picture_after_lead(lead, taken[0])
        if picture is not None:
            reasons.append(Decision(STAGE, picture, Verdict.CONTENT, "picture under the lead"))
            taken = (lead, picture, *taken)
        else:
            taken = (lead, *taken)
    return _Choice(top, top_score, taken, tuple(reasons))


NAME_ONLY_POINTS = 3.0
"""A best candidate with no more paragraph points than this won on its class name alone..."""
RIVAL_SHARE = 0.5
"""...and yields to a candidate scoring at least this share of it..."""
RIVAL_PROSE = 3.0
"""...with this many times its text outside links and more paragraph points of its own."""


def _prose(element: html.HtmlElement) -> float:
    length = _text_length(element)
    return length * (1.0 - link_density(element, length))


def _prose_rival(
    ranked: list[tuple[html.HtmlElement, float]], scores: _Scores
) -> tuple[html.HtmlElement, float] | None:
    """A candidate with far more prose than the best one, when the best one won by its
    name: a short box named "panel-body" or "footer_content" (+25) beside the real text.
    """
    best, best_score = ranked[0]
    own = scores.raw[best] - _prior(best)
    if own > NAME_ONLY_POINTS:
        return None
    prose = _prose(best)
    ancestors = set(best.iterancestors())  # a set keeps proxies alive
    for element, score in ranked[1:]:
        if score < RIVAL_SHARE * best_score:
            break
        if element in ancestors or best in set(element.iterancestors()):
            continue  # the container or a part of the same text
        if _prose(element) >= RIVAL_PROSE * prose and scores.raw[element] - _prior(element) > own:
            return element, score
    return None


COUSIN_LEVELS = 3
"""How far above the body container loose prose paragraphs are still part of the article."""
COUSIN_PARAGRAPH_CHARS = 150


def _add_cousin_paragraphs(
    tree: html.HtmlElement,
    top: html.HtmlElement,
    taken: tuple[html.HtmlElement, ...],
    decisions: list[Decision],
) -> tuple[html.HtmlElement, ...]:
    """Prose paragraphs that sit loose in a wrapper just above the body container.

    Page builders put the intro or the closing paragraphs of a text straight into
    the column that also holds the body's box; they belong to the article.
    """
    found: list[html.HtmlElement] = []
    node = top
    for _ in range(COUSIN_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or class_weight(parent) < 0:
            break
        for child in parent.iterchildren("p", "div"):
            if child in taken or child is node:
                continue
            if child.tag == "div" and any(c.tag in _DIV_BLOCK_CHILDREN for c in child):
                continue  # a box of its own, not a paragraph
            text = " ".join(child.text_content().split())
            if (
                len(text) >= COUSIN_PARAGRAPH_CHARS
                and link_density(child, len(text)) < 0.2
                and class_weight(child) >= 0
            ):
                found.append(child)
        node = parent
    if not found:
        return taken
    for element in found:
        decisions.append(Decision(STAGE, element, Verdict.CONTENT, "paragraph beside the body"))
    chosen = set(found) | set(taken)
    return tuple(e for e in tree.iter() if e in chosen)


def _build(
    choice: _Choice, decisions: list[Decision], *, restored: bool, conditional: bool
) -> html.HtmlElement:
    decisions.extend(choice.reasons)
    if len(choice.taken) == 1:
        root = choice.taken[0]
    else:
        # a new wrapper in the first piece's place, so the pieces stay in the page tree
        first = choice.taken[0]
        root = html.Element("div")
        first.addprevious(root)
        for element in choice.taken:
            tail = element.tail
            root.append(element)  # moves the element; its tail goes with it
            element.tail = tail
    if restored:
        # furniture names were ignored to find the article; strip furniture inside it
        # but keep the wrapper (which may carry such a name) itself
        strip_unlikely(root, decisions)
    clean_content(root, decisions, conditional=conditional)
    decisions.append(Decision(STAGE, root, Verdict.CONTENT, "main content", choice.score))
    return root


def _score(tree: html.HtmlElement) -> dict[html.HtmlElement, float]:
    units = _score_units(tree)
    scores: dict[html.HtmlElement, float] = {}
    for unit in units:
        text = unit.text_content()
        # collapsed: an empty ad slot's indentation is no paragraph
        length = len(" ".join(text.split()))
        if _CJK.search(text, 0, 40):
            # a Chinese, Japanese or Korean character carries about a word: count it so
            length += 2 * len(_CJK.findall(text))
        if length < MIN_PARAGRAPH_CHARS:
            continue
        points = 1.0 + len(_COMMAS.findall(text)) + min(length // 100, 3)
        if unit.tag == "div":
            # a text-only div is a paragraph; its container is the div's parent
            _spread(unit, points, scores)
        else:
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
        scores[holder] = scores.get(holder, _prior(holder)) + points
    return scores


def _prior(element: html.HtmlElement) -> float:
    prior = _TAG_PRIOR.get(element.tag, 0) + class_weight(element)
    if element.tag in ("article", "main") or element.get("role") == "main":
        prior += 10
    return float(prior)


def _spread(unit: html.HtmlElement, points: float, scores: dict[html.HtmlElement, float]) -> None:
    for level, ancestor in enumerate(unit.iterancestors()):
        if ancestor.tag == "html" or level >= _ANCESTOR_LEVELS:
            break
        if ancestor not in scores:
            scores[ancestor] = _prior(ancestor)
        divider = 1 if level == 0 else 2 if level == 1 else level * 3
        scores[ancestor] += points / divider


class _Scores:
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
            length = len(" ".join(element.text_content().split()))
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


def _climb(
    top: html.HtmlElement,
    top_score: float,
    scores: _Scores,
    ranked: list[tuple[html.HtmlElement, float]],
) -> html.HtmlElement:
    """Move up while the parent is a better or an only-child wrapper of the candidate."""
    # three or more near-best candidates under one ancestor: the ancestor is the article
    near = [e for e, s in ranked[1:] if top_score > 0 and s >= 0.75 * top_score]
    if len(near) >= MIN_NEAR_CANDIDATES:
        near_ancestors = [set(e.iterancestors()) for e in near]  # a set keeps proxies alive
        for ancestor in top.iterancestors():
            if ancestor.tag in ("body", "html"):
                break
            if sum(1 for a in near_ancestors if ancestor in a) >= MIN_NEAR_CANDIDATES:
                top = ancestor
                break
    last = scores.final(top) or 0.0
    threshold = last / 3
    parent = top.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        parent_score = scores.final(parent)
        if parent_score is None:
            parent = parent.getparent()
            continue
        if parent_score < threshold:
            break
        if parent_score > last:
            top = parent
            break
        last = parent_score
        parent = parent.getparent()
    while (parent := top.getparent()) is not None and parent.tag not in ("body", "html"):
        if len(parent) != 1:
            break
        top = parent
    return top


def _gather(
    top: html.HtmlElement,
    top_score: float,
    scores: _Scores,
    decisions: list[Decision],
) -> tuple[html.HtmlElement, ...]:
    """The candidate plus siblings that carry prose of their own, in page order.

    When the body is split into repeated wrappers (``story-body-supplemental`` twice,
    each holding part of the text), the candidate's wrapper and its same-named
    siblings are gathered instead.
    """
    parent = top.getparent()
    if parent is None or parent.tag == "html":
        return (top,)
    wrapper_class = parent.get("class")
    if wrapper_class and parent.tag not in ("body", "html"):
        twins = [
            s
            for s in parent.itersiblings()
            if s.get("class") == wrapper_class and (scores.final(s) or 0.0) >= 10.0
        ] + [
            s
            for s in parent.itersiblings(preceding=True)
            if s.get("class") == wrapper_class and (scores.final(s) or 0.0) >= 10.0
        ]
        if twins:
            decisions.append(Decision(STAGE, parent, Verdict.CONTENT, "repeated body wrapper"))
            top, top_score = parent, max(top_score, scores.final(parent) or 0.0)
            parent = top.getparent()
            if parent is None:
                return (top,)
    threshold = max(10.0, top_score * SIBLING_SHARE)
    top_class = top.get("class")
    taken: list[html.HtmlElement] = []
    siblings = [s for s in parent if isinstance(s.tag, str)]
    top_index = next(i for i, s in enumerate(siblings) if s is top)
    for index, sibling in enumerate(siblings):
        if sibling is top:
            taken.append(sibling)
            continue
        twin = bool(top_class) and sibling.get("class") == top_class
        if twin and _is_prose_twin(sibling):
            # a body built from blocks of one kind (Drupal paragraphs, page-builder rows)
            taken.append(sibling)
            decisions.append(Decision(STAGE, sibling, Verdict.CONTENT, "sibling of the same kind"))
            continue
        bonus = top_score * 0.2 if twin else 0.0
        score = scores.raw.get(sibling)
        if score is not None and score + bonus >= threshold:
            final = scores.final(sibling) or 0.0
            if final + bonus >= threshold:
                taken.append(sibling)
                decisions.append(
                    Decision(STAGE, sibling, Verdict.CONTENT, "sibling with prose", score)
                )
                continue
        if abs(index - top_index) == 1 and _is_lone_image(sibling):
            # the lead picture in its own field next to the body (Drupal, news templates)
            taken.append(sibling)
            decisions.append(Decision(STAGE, sibling, Verdict.CONTENT, "sibling image"))
            continue
        if sibling.tag == "p":
            text = " ".join(sibling.text_content().split())
            density = link_density(sibling, len(text))
            if (len(text) > 80 and density < 0.25) or (
                0 < len(text) <= 80 and density == 0 and re.search(r"\.( |$)", text)
            ):
                taken.append(sibling)
                decisions.append(Decision(STAGE, sibling, Verdict.CONTENT, "sibling paragraph"))
    return tuple(taken)
