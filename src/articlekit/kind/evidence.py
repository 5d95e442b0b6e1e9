"""One piece of evidence for a page's kind, and how much each strength weighs.

Every reader of the page (what it declares, the platform that made it, its
structure) gives :class:`Evidence`: a kind, a weight and the rule that found it.
:mod:`articlekit.kind.decide` adds the weights per kind; ``--explain`` shows
every piece.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from articlekit.model import PageKind

__all__ = ["WEIGHTS", "Evidence", "Source", "Strength"]


class Strength(StrEnum):
    """How far one piece of evidence alone decides the kind."""

    STRONG = "strong"  # made for that kind only: a Product with offers, a thread template
    MEDIUM = "medium"  # a platform or type mostly used for that kind
    WEAK = "weak"  # a leaning, decisive only together with other evidence


#: The weight of each strength.  An article needs no evidence (it is the prior,
#: :data:`articlekit.kind.decide.ARTICLE_PRIOR`): one strong piece outweighs it and
#: a medium one about equals it, so two weak ones need company.
WEIGHTS = {Strength.STRONG: 4.0, Strength.MEDIUM: 2.0, Strength.WEAK: 1.0}


class Source(StrEnum):
    """Which reader of the page found the evidence."""

    DECLARED = "declared"  # schema.org types, microdata, og:type
    PLATFORM = "platform"  # markup of the software that made the page
    STRUCTURE = "structure"  # what the page's elements look like
    ADDRESS = "address"  # the shape of the page's URL


@dataclass(frozen=True, slots=True)
class Evidence:
    """``weight`` for ``kind`` (negative: against it), found by ``source`` with ``rule``
    (shown by ``--explain``)."""

    kind: PageKind
    weight: float
    source: Source
    rule: str

    @classmethod
    def of(cls, kind: PageKind, strength: Strength, source: Source, rule: str) -> Evidence:
        """Evidence weighing as much as ``strength`` says."""
        return cls(kind, WEIGHTS[strength], source, rule)

    @classmethod
    def against(cls, kind: PageKind, source: Source, rule: str) -> Evidence:
        """Evidence that the page is not ``kind``: a weak piece, subtracted."""
        return cls(kind, -WEIGHTS[Strength.WEAK], source, rule)
