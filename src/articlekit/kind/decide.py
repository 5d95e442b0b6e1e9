"""Weigh the evidence for a page's kind: the entry point of the kind stage.

Each reader of the page gives :class:`~articlekit.kind.evidence.Evidence`: what
the page declares (:mod:`~articlekit.kind.declared`), the platform that made it
(:mod:`~articlekit.kind.platforms`) and its structure
(:mod:`~articlekit.kind.structure`).  The weights are added per kind; an article
starts with :data:`ARTICLE_PRIOR`, so a page without evidence, or with only a
leaning, stays an article, the kind most pages of the web are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from lxml import html

from articlekit.explain import Decision, Verdict
from articlekit.kind.address import address_evidence
from articlekit.kind.declared import declared_evidence, is_dated, is_signed
from articlekit.kind.evidence import Evidence, Source, Strength
from articlekit.kind.page import address_markup, read_class_names, read_markup
from articlekit.kind.platforms import custom_elements, platform_evidence
from articlekit.kind.structure import structure_evidence
from articlekit.metadata.jsonld import JsonLd, parse_jsonld
from articlekit.metadata.tags import MetaTags, collect_meta
from articlekit.model import PageKind

__all__ = ["ARTICLE_PRIOR", "SETTLED", "KindDecision", "decide_dump_kind", "decide_kind", "weigh"]

STAGE = "kind"

#: How far ahead of the next kind what the page declares, its platform and its address
#: put the leading kind for its structure not to be read: a strong piece and a medium
#: one, more than the structure of a page of that kind gives another kind.  On the dev
#: corpora this settles about half the pages and changes no kind.
SETTLED = 6.0

#: What an article weighs before any evidence: as much as a weak leaning (ties go to
#: the article), less than a medium one.
ARTICLE_PRIOR = 1.0

# Ties go to the kind first here.  A forum first: a thread's opening post looks like a
# short story (dated, signed, a headline in its address), so a thread's declarations are
# matched by as many weak hints of an article.  Then the article, the kind most pages are
# and the one whose extraction loses least when it is wrong.
_ORDER = (
    PageKind.FORUM,
    PageKind.ARTICLE,
    PageKind.PRODUCT,
    PageKind.DOCUMENTATION,
    PageKind.LISTING,
    PageKind.SERVICE,
    PageKind.OTHER,
)


@dataclass(frozen=True, slots=True)
class KindDecision:
    """The kind of a page and why: every piece of evidence, and each kind's total."""

    kind: PageKind
    evidence: tuple[Evidence, ...] = ()
    #: each kind with evidence (and article) with its total weight, highest first
    scores: tuple[tuple[PageKind, float], ...] = ()
    #: decided by the declarations, platform and address alone; the structure not read
    settled: bool = False

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """The evidence and the verdict as ``--explain`` shows them."""
        shown = [
            Decision(STAGE, e.kind.value, Verdict.CANDIDATE, f"{e.source}: {e.rule}", e.weight)
            for e in self.evidence
        ]
        totals = ", ".join(f"{kind.value} {score:g}" for kind, score in self.scores)
        rule = f"highest total ({totals})" if self.evidence else "no evidence: the default"
        if self.settled:
            rule += "; settled without reading the structure"
        return (*shown, Decision(STAGE, self.kind.value, Verdict.CHOSEN, rule))


def decide_kind(
    tree: html.HtmlElement,
    *,
    url: str | None = None,
    jsonld: JsonLd | None = None,
    meta: MetaTags | None = None,
) -> KindDecision:
    """The kind of the page ``tree``, read before any stage changes the tree.

    ``url`` is the page's address when known; ``jsonld`` and ``meta`` are the
    page's JSON-LD and ``<meta>`` tags when the caller has them already (they are
    read from ``tree`` otherwise).
    """
    meta = meta if meta is not None else collect_meta(tree)
    jsonld = jsonld if jsonld is not None else parse_jsonld(tree)
    markup = read_markup(tree, meta, url)
    dated = is_dated(jsonld, meta)
    tags = custom_elements(tree)
    declared = declared_evidence(jsonld, markup, dated=dated, signed=is_signed(jsonld, meta))
    address = address_evidence(markup)
    cheap = weigh(declared + platform_evidence(markup, tags=tags) + address)
    if _margin(cheap) >= SETTLED:
        return replace(cheap, settled=True)
    # the class names and the structure: a scan of the whole page, half the stage's cost
    classes = read_class_names(tree)
    return weigh(
        declared
        + platform_evidence(markup, tags=tags, classes=classes.tokens)
        + structure_evidence(tree, markup, classes, dated=dated)
        + address
    )


def decide_dump_kind(read_as: PageKind, url: str | None = None) -> KindDecision:
    """The kind of a plain-text dump: what :mod:`articlekit.text.dump` read it as (a
    listing, when its lines are teasers or a shop's grid; else an article) and what its
    address says.

    A dump keeps no markup, so only its lines and its URL are evidence.
    """
    evidence: tuple[Evidence, ...] = ()
    if read_as is PageKind.LISTING:
        rule = "its lines are teasers or a shop's grid: other pages' headlines or cards"
        evidence = (Evidence.of(PageKind.LISTING, Strength.STRONG, Source.STRUCTURE, rule),)
    if url:
        markup = address_markup(url)
        evidence += platform_evidence(markup) + address_evidence(markup)
    return weigh(evidence)


def _margin(decision: KindDecision) -> float:
    """How far the leading kind is ahead of the next one."""
    scores = [score for _, score in decision.scores]
    return scores[0] - scores[1] if len(scores) > 1 else scores[0]


def weigh(evidence: Iterable[Evidence]) -> KindDecision:
    """The kind with the highest total weight (an article starts at :data:`ARTICLE_PRIOR`)."""
    pieces = tuple(evidence)
    totals = {PageKind.ARTICLE: ARTICLE_PRIOR}
    for piece in pieces:
        totals[piece.kind] = totals.get(piece.kind, 0.0) + piece.weight
    ranked = sorted(totals.items(), key=lambda item: (-item[1], _ORDER.index(item[0])))
    return KindDecision(ranked[0][0], pieces, tuple(ranked))
