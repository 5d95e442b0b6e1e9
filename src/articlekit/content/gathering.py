"""Main-content selection, step 3: the body gathered where templates split it.

Around the chosen container: siblings with prose of their own or of the same
kind, repeated body wrappers, the lead image beside the body
(:func:`gather`); containers named like the body nearby (:func:`add_same_class`);
prose paragraphs loose in a wrapper just above it (:func:`add_cousin_paragraphs`).
Each element taken is recorded as a decision.
"""

from __future__ import annotations

import re
from typing import cast

from lxml import etree, html

from articlekit.content.class_hints import class_weight
from articlekit.content.figures import is_figure_wrapper
from articlekit.content.lead import is_one_picture
from articlekit.content.pruning import link_density
from articlekit.content.scoring import DIV_BLOCK_CHILDREN, STAGE, Scores
from articlekit.explain import Decision, Verdict
from articlekit.input.elements import text_of

__all__ = ["add_cousin_paragraphs", "add_same_class", "gather"]

SIBLING_SHARE = 0.15
"""A sibling scoring this share of the best container's score is part of the article."""


def gather(
    top: html.HtmlElement,
    top_score: float,
    scores: Scores,
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
    if _is_repeated_wrapper(parent, scores):
        decisions.append(Decision(STAGE, parent, Verdict.CONTENT, "repeated body wrapper"))
        top, top_score = parent, max(top_score, scores.final(parent) or 0.0)
        parent = top.getparent()
        if parent is None:
            return (top,)
    threshold = max(10.0, top_score * SIBLING_SHARE)
    top_class = _kind_of(top)
    taken: list[html.HtmlElement] = []
    siblings = [s for s in parent if isinstance(s.tag, str)]
    top_index = next(i for i, s in enumerate(siblings) if s is top)
    for index, sibling in enumerate(siblings):
        if sibling is top:
            taken.append(sibling)
            continue
        twin = bool(top_class) and _kind_of(sibling) == top_class
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
            text = " ".join(text_of(sibling).split())
            density = link_density(sibling, len(text))
            if (len(text) > 80 and density < 0.25) or (
                0 < len(text) <= 80 and density == 0 and re.search(r"\.( |$)", text)
            ):
                taken.append(sibling)
                decisions.append(Decision(STAGE, sibling, Verdict.CONTENT, "sibling paragraph"))
    return tuple(taken)


# state classes that a script moves between the tabs or slides of one set
_STATE_CLASSES = frozenset(
    ("active", "current", "selected", "show", "open", "in", "is-active", "is-selected", "is-open")
)


def _kind_of(element: html.HtmlElement) -> frozenset[str]:
    """The element's class names without the state a script gives one of its siblings: the
    shown tab ("content active") and the hidden ones ("content") are of one kind."""
    return frozenset(c for c in (element.get("class") or "").split() if c not in _STATE_CLASSES)


def _is_repeated_wrapper(wrapper: html.HtmlElement, scores: Scores) -> bool:
    """True when a sibling of ``wrapper`` has its class name and prose of its own."""
    wrapper_class = wrapper.get("class")
    if not wrapper_class or wrapper.tag in ("body", "html"):
        return False
    twins = [
        s
        for s in wrapper.itersiblings()
        if s.get("class") == wrapper_class and (scores.final(s) or 0.0) >= 10.0
    ] + [
        s
        for s in wrapper.itersiblings(preceding=True)
        if s.get("class") == wrapper_class and (scores.final(s) or 0.0) >= 10.0
    ]
    return bool(twins)


def _is_prose_twin(element: html.HtmlElement) -> bool:
    text = " ".join(text_of(element).split())
    return bool(text) and link_density(element, len(text)) < 0.3


def _is_lone_image(element: html.HtmlElement) -> bool:
    # raw length: a figure beside the body with a long caption is often a teaser
    return is_one_picture(element) and len(text_of(element)) < 300


def add_same_class(
    tree: html.HtmlElement,
    best: html.HtmlElement,
    taken: tuple[html.HtmlElement, ...],
    top_score: float,
    scores: Scores,
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


def _pictures_beside(
    paragraphs: list[html.HtmlElement], taken: tuple[html.HtmlElement, ...]
) -> list[html.HtmlElement]:
    """The captioned pictures (``wp-caption`` boxes, ``<figure>``) right before or after
    loose paragraphs of the article: the text's own pictures."""
    pictures = []
    for paragraph in paragraphs:
        for near in (paragraph.getprevious(), paragraph.getnext()):
            if (
                near is not None
                and near not in taken
                and near not in paragraphs
                and near not in pictures
                and (near.tag == "figure" or is_figure_wrapper(near))
                and is_one_picture(near)
            ):
                pictures.append(near)
    return pictures


COUSIN_LEVELS = 3
"""How far above the body container loose prose paragraphs are still part of the article."""
COUSIN_PARAGRAPH_CHARS = 150


def add_cousin_paragraphs(
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
        here: list[html.HtmlElement] = []
        for child in parent.iterchildren("p", "div"):
            if child in taken or child is node:
                continue
            if child.tag == "div" and any(c.tag in DIV_BLOCK_CHILDREN for c in child):
                continue  # a box of its own, not a paragraph
            text = " ".join(text_of(child).split())
            if (
                len(text) >= COUSIN_PARAGRAPH_CHARS
                and link_density(child, len(text)) < 0.2
                and class_weight(child) >= 0
            ):
                here.append(child)
        found.extend(here)
        found.extend(_pictures_beside(here, taken))
        node = parent
    found.extend(p for p in _pictures_beside(list(taken), taken) if p not in found)
    if not found:
        return taken
    for element in found:
        decisions.append(Decision(STAGE, element, Verdict.CONTENT, "paragraph beside the body"))
    chosen = set(found) | set(taken)
    return tuple(e for e in tree.iter() if e in chosen)
