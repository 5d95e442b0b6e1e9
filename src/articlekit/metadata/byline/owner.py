"""The person a personal site belongs to, who signs its posts when nothing else does.

A personal site prints no by-line over its posts, since every post is its owner's.  It
names the owner in its own identity instead: as the site's name ("Colin Watson's
blog"), or in its copyright notice ("© 2025 Toby Hede") where ``<meta name=author>``
or schema.org declares the same person.  Capitalised words alone do not tell a
person from a company ("Zoo Berlin"), so a notice counts only with that declaration,
and a notice naming a company's legal form ("LPV GmbH") or an acronym ("NOW
Grenada") names no person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html

from articlekit.metadata.byline.names import is_strict_name
from articlekit.metadata.byline.site import fold
from articlekit.metadata.byline.vocabulary import ORGANIZATION

__all__ = ["TEXTS_NAMING", "TEXTS_WITH_WORD", "site_owner"]

# the page's texts that hold $word (a name, or a name's family name)
TEXTS_NAMING = "//body//text()[contains(., $word)][not(parent::script or parent::style)]"
# the first few of them
TEXTS_WITH_WORD = f"({TEXTS_NAMING})[position() <= 5]"
# the notice's mark, years and "by" before the owner's name
_MARK = re.compile(
    r"(?:©|\([cC]\)|copyright)(?:\s*(?:©|\([cC]\)|\d{4}(?:\s*[-–]\s*(?:\d{4})?)?|by|,))*\s*",
    re.IGNORECASE,
)
# where the name ends: a year, a full stop, a separator, "All rights reserved"
_NAME_END = re.compile(r"\s*(?:[.,|·•–—(]|\s-\s|\d|\ball\b|$)", re.IGNORECASE)
# the owner's part of a notice, where a company's name and legal form follow the mark
_NOTICE_CHARS = 60
# "Colin Watson's blog": a site named as someone's
_POSSESSIVE = re.compile(r"^(.+?)[’']s(?:\s+\w+){1,3}$")


def site_owner(
    tree: html.HtmlElement, site_names: Sequence[str], declared: Sequence[str]
) -> str | None:
    """The person the site belongs to: a site named as someone's ("Colin Watson's
    blog"), or a person the page declares as its author (``declared``: ``<meta
    name=author>``, schema.org) whom the copyright notice names too."""
    owned = [name for name in (_possessor(site) for site in site_names) if name]
    if len(set(owned)) == 1:
        return owned[0]
    # only the texts naming a declared person are read as notices: a walk of every text
    # for a copyright mark costs milliseconds on a long page
    people = {
        name
        for person in declared
        if _personal(person)
        for text in tree.xpath(TEXTS_WITH_WORD, word=person.split()[-1])
        if (name := _notice_name(str(text))) and fold(name) == fold(person)
    }
    return next(iter(people)) if len(people) == 1 else None


def _possessor(site: str) -> str | None:
    """The person a site is named as someone's: "Colin Watson's blog"."""
    possessive = _POSSESSIVE.match(" ".join(site.split()))
    return possessive.group(1) if possessive and _personal(possessive.group(1)) else None


def _notice_name(text: str) -> str | None:
    """The name right after the copyright mark and years: "© 2025 Toby Hede. All rights
    reserved" gives "Toby Hede"."""
    mark = _MARK.search(text)
    if mark is None:
        return None
    rest = text[mark.end() :]
    # "© Lebensmittel Praxis - LPV GmbH 2023": a company owns the site
    if ORGANIZATION.search(rest.split(". ", 1)[0][:_NOTICE_CHARS]):
        return None
    end = _NAME_END.search(rest)
    name = " ".join(rest[: end.start() if end else len(rest)].split())
    return name if _personal(name) else None


def _personal(name: str) -> bool:
    """A person's name: no organisation's word, no acronym ("NOW Grenada")."""
    return (
        is_strict_name(name)
        and not ORGANIZATION.search(name)
        and not any(len(word) > 1 and word.isupper() for word in name.split())
    )
