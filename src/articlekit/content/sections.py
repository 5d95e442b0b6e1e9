"""Main-content selection: a page built from sibling sections is all of them.

Landing, service and product pages have no one body: the page's column is a run of
sections (a hero, a feature grid, a specifications table, a FAQ, testimonials), each with
a heading and a little text of its own, and the best-scoring container is one of them.
Where the chosen container sits in such a run and holds less than most of its prose, the
prose sections of the run are the content (:func:`add_page_sections`); navigation, link
grids and furniture-named boxes among them stay out.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html

from articlekit.content.class_hints import class_weight, is_unlikely
from articlekit.content.pruning import link_density
from articlekit.content.scoring import STAGE, prose_length
from articlekit.explain import Decision, Verdict
from articlekit.input.elements import has_descendant, text_of
from articlekit.input.xpath import boolean_query

__all__ = ["add_page_sections"]

MIN_SECTIONS = 3
"""Sibling sections with a heading and prose that make a run (the chosen one's own counts);
two make one only when they are alike."""
SECTION_PROSE_CHARS = 40
"""Characters outside links that make a sibling a prose section..."""
SECTION_LINK_DENSITY = 0.5
"""...with at most this share of its text in links (a link grid is navigation)."""
DOMINANT_SHARE = 0.6
"""A chosen container holding this share of the run's prose is the body on its own (an
article beside a newsletter box and an author card)."""

# a blog post's wrapper (microformats' "hentry", which WordPress and most blog engines
# print): beside its siblings it is one post of a feed, not a section of one page
_IS_ENTRY = boolean_query("boolean(contains(concat(' ', @class, ' '), ' hentry '))")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True, slots=True)
class _Section:
    element: html.HtmlElement
    prose: float
    headed: bool


def add_page_sections(
    top: html.HtmlElement,
    taken: tuple[html.HtmlElement, ...],
    decisions: list[Decision],
) -> tuple[html.HtmlElement, ...]:
    """``taken`` with the prose sections of the run that holds ``top``, in page order."""
    node = top
    for ancestor in top.iterancestors():
        if ancestor.tag == "html":
            break
        run = _run_around(ancestor, node, taken)
        if run is not None:
            chosen = set(taken)
            inside = {e for s in run for e in s.element.iter()}
            kept = [s.element for s in run]
            for section in run:
                if section.element not in chosen:
                    decisions.append(
                        Decision(STAGE, section.element, Verdict.CONTENT, "sibling section")
                    )
            # what was taken outside the run (a lead, a same-named part) stays
            rest = [e for e in taken if e not in inside]
            everything = set(kept) | set(rest)
            return tuple(e for e in ancestor.getroottree().iter() if e in everything)
        if ancestor.tag == "body":
            break
        node = ancestor
    return taken


def _run_around(
    parent: html.HtmlElement, node: html.HtmlElement, taken: tuple[html.HtmlElement, ...]
) -> list[_Section] | None:
    """The prose sections among ``parent``'s children when they make a run around ``node``
    that the elements already ``taken`` do not dominate."""
    children = [c for c in parent if isinstance(c.tag, str)]
    if len(children) < MIN_SECTIONS:
        return None
    # cheap tests first: most levels have no other headed child, or no prose of their own
    if not any(c is not node and has_descendant(c, _HEADING_TAGS) for c in children):
        return None
    own = _section(node)
    if own is None:
        return None
    found = (own if c is node else _section(c) for c in children)
    sections = [s for s in found if s is not None]
    headed = [s for s in sections if s.headed and s.element is not node]
    if not headed:
        return None
    if len(headed) + 1 < MIN_SECTIONS:
        # one other section: only a twin of the chosen one's (a CMS's field blocks), not
        # a teaser list or a paywall box beside an article
        sections = [s for s in sections if s is own or (s.headed and _alike(s.element, node))]
        if len(sections) < 2:
            return None
    total = sum(s.prose for s in sections)
    # a body split around a box (two parts of one text gathered by name) is still one body
    whole = {s.element for s in sections}
    own_prose = sum(s.prose for s in sections if s.element in taken)
    own_prose += sum(prose_length(e) for e in taken if whole & set(e.iterancestors()))
    if own_prose >= DOMINANT_SHARE * total:
        return None
    return sections


def _alike(element: html.HtmlElement, other: html.HtmlElement) -> bool:
    """Same tag and the same first class name (both without one counts)."""
    first = (element.get("class") or "").split()[:1]
    return element.tag == other.tag and first == (other.get("class") or "").split()[:1]


def _section(element: html.HtmlElement) -> _Section | None:
    """``element`` as a prose section of a page, or None (too little prose, links, furniture)."""
    if element.tag in ("nav", "aside", "footer", "header", "form") or _IS_ENTRY(element):
        return None  # furniture, or another post of a feed: a document of its own
    text = " ".join(text_of(element).split())
    if len(text) < SECTION_PROSE_CHARS:
        return None
    density = link_density(element, len(text))
    prose = len(text) * (1.0 - density)
    if prose < SECTION_PROSE_CHARS or density > SECTION_LINK_DENSITY:
        return None
    if class_weight(element) < 0 or is_unlikely(element):
        return None
    return _Section(element, prose, has_descendant(element, _HEADING_TAGS))
