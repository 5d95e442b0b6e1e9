"""What the shape of the page's address says of its kind.

Content systems name a story after its headline ("/2024/05/city-council-votes-
to-rebuild-the-harbour-wall"), its date or its number in a database; a site names
its sections, products' categories, manuals' chapters and company pages with a
word or two ("/science/", "/pricing", "/docs/installation").  The words themselves
are not read, only how many there are, so the rule holds in every language.
"""

from __future__ import annotations

import re

from articlekit.kind.evidence import Evidence, Source, Strength
from articlekit.kind.page import PageMarkup
from articlekit.model import PageKind

__all__ = ["address_evidence", "slug_words"]

#: words of a path's last segment that make it a headline
HEADLINE_WORDS = 5
#: words of a path's last segment, at most, that make it a page's name
NAME_WORDS = 2

_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$")
_WORD_BREAK = re.compile(r"[-_+.,~%\s]+")
# a year between slashes or a compact date, an id of five digits or more
_DATE = re.compile(r"/(?:19|20)\d\d/|(?:19|20)\d\d[-_/]?[01]\d[-_/]?[0-3]\d")
_NUMBER = re.compile(r"\d{5,}")


def slug_words(path: str) -> int:
    """How many words the last segment of ``path`` names ("city-council-votes" is 3)."""
    segments = [segment for segment in path.split("/") if segment]
    if not segments:
        return 0
    last = _EXTENSION.sub("", segments[-1])
    return len([word for word in _WORD_BREAK.split(last) if word])


def address_evidence(markup: PageMarkup) -> tuple[Evidence, ...]:
    """A story's address (a headline, a date or a number in it) leans to an article;
    a page named with a word or two leans away from one."""
    path = markup.path
    if not path or path == "/":
        return ()  # no address, or a site's front page (structure reads that)
    words = slug_words(path)
    if _DATE.search(path) or _NUMBER.search(path + "?" + markup.query):
        rule = "a date or a number in the address"
        return (Evidence.of(PageKind.ARTICLE, Strength.WEAK, Source.ADDRESS, rule),)
    if words >= HEADLINE_WORDS:
        rule = f"a headline in the address ({words} words)"
        return (Evidence.of(PageKind.ARTICLE, Strength.WEAK, Source.ADDRESS, rule),)
    if words <= NAME_WORDS:
        rule = f"a page's name in the address ({words} words), not a story's"
        return (Evidence.against(PageKind.ARTICLE, Source.ADDRESS, rule),)
    return ()
