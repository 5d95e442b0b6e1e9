"""A regular expression matched in either case, cheaply.

CPython's engine runs an ``IGNORECASE`` search several times slower than a
case-sensitive one (every character is folded as it is compared, and the fast
first-character skips are lost).  Most class names, ids and short texts are ASCII:
those are lowered once and searched case-sensitively, which finds the same matches
for a pattern written in lower case; other texts get the ``IGNORECASE`` search, with
its Unicode folding (the long "ſ" matches "s" there, and not in a lowered text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FOLDS_TO_ASCII", "CaselessPattern"]

_UPPER = re.compile("[A-Z]")
# The characters outside ASCII that an IGNORECASE search matches to an ASCII letter
# (the dotted "İ" and dotless "ı" to "i", the long "ſ" to "s", the Kelvin sign to "k";
# tests/test_caseless.py checks the list against the engine).
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


@dataclass(frozen=True, slots=True)
class CaselessPattern:
    """A pattern written in lower case, searched for in either case."""

    lowered: re.Pattern[str]
    folded: re.Pattern[str]

    @classmethod
    def of(cls, pattern: str) -> CaselessPattern:
        """``pattern``, written in lower case: no upper-case letter, which a lowered
        text could never match (nor, to keep the check simple, an escape like ``\\S``)."""
        if _UPPER.search(pattern):
            raise ValueError(f"a caseless pattern is written in lower case: {pattern!r}")
        folding = sorted(set(pattern) & FOLDS_TO_ASCII)
        if folding:
            # "ı" or "ſ" match an ASCII letter only in the IGNORECASE search: the two
            # searches would differ on ASCII text
            raise ValueError(f"a caseless pattern holds {folding}, which fold to ASCII")
        return cls(re.compile(pattern), re.compile(pattern, re.IGNORECASE))

    def starts(self, text: str) -> bool:
        """Whether the pattern matches at the start of ``text``, in any case."""
        if text.isascii():
            return self.lowered.match(text.lower()) is not None
        return self.folded.match(text) is not None

    def found_in(self, text: str) -> bool:
        """Whether the pattern matches somewhere in ``text``, in any case."""
        if text.isascii():
            return self.lowered.search(text.lower()) is not None
        return self.folded.search(text) is not None
