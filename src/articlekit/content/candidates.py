"""Main-content selection, step 2: which of the best-scoring containers is the article.

The best container wins, unless it won by its class name alone and a candidate
with far more prose scores near it (:func:`prose_rival`); a common ancestor of
several near-best candidates, a parent that scores higher, or a wrapper around it
alone replaces it (:func:`climb`).
"""

from __future__ import annotations

from lxml import html

from articlekit.content.scoring import Scores, prior, prose_length

__all__ = ["climb", "prose_rival"]

NAME_ONLY_POINTS = 3.0
"""A best candidate with no more paragraph points than this won on its class name alone..."""
RIVAL_SHARE = 0.5
"""...and yields to a candidate scoring at least this share of it..."""
RIVAL_PROSE = 3.0
"""...with this many times its text outside links and more paragraph points of its own."""


def prose_rival(
    ranked: list[tuple[html.HtmlElement, float]], scores: Scores
) -> tuple[html.HtmlElement, float] | None:
    """A candidate with far more prose than the best one, when the best one won by its
    name: a short box named "panel-body" or "footer_content" (+25) beside the real text.
    """
    best, best_score = ranked[0]
    own = scores.raw[best] - prior(best)
    if own > NAME_ONLY_POINTS:
        return None
    prose = prose_length(best)
    ancestors = set(best.iterancestors())  # a set keeps proxies alive
    for element, score in ranked[1:]:
        if score < RIVAL_SHARE * best_score:
            break
        if element in ancestors or best in set(element.iterancestors()):
            continue  # the container or a part of the same text
        if (
            prose_length(element) >= RIVAL_PROSE * prose
            and scores.raw[element] - prior(element) > own
        ):
            return element, score
    return None


MIN_NEAR_CANDIDATES = 3
"""Near-best candidates (>= 75 % of the best) that make their common ancestor the article."""


def climb(
    top: html.HtmlElement,
    top_score: float,
    scores: Scores,
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
