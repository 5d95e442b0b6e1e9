"""The site or publisher named as the author: a CMS prints the account or the site
where the author goes, and a site is never its own author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articlekit.metadata.byline.names import Byline

__all__ = ["fold", "is_domain", "is_site", "names_site", "without_site"]

_DOMAIN_END = re.compile(r"(?:\.[a-z]{2,4}){1,2}$", re.I)
_SITE_WORDS = 3
_SITE_PARTS = re.compile(r"\s[|\u2013\u2014-]\s|\s[·•:]\s")


def fold(text: str) -> str:
    """The letters and digits of ``text`` in one case: "Sam Bossley" and "sambossley" agree."""
    return "".join(character for character in text.casefold() if character.isalnum())


def is_site(name: str, site_names: Sequence[str], *, loose: bool = True) -> bool:
    """True when ``name`` is the site or publisher ("Tagespresse" on "Die Tagespresse").

    ``loose`` also counts a name inside the site name or the reverse; a
    visible byline is only dropped when it is the site name exactly, since a
    personal blog is often named after its author.
    """
    folded = fold(_DOMAIN_END.sub("", name))
    if not folded:
        return False
    # "Vegolosi.it" is the site vegolosi; "Handball Schweiz" is the site named
    # "Cup-Vorschau: ... - Handball Schweiz" (a title-like og:site_name)
    parts = [part for site in site_names for part in _SITE_PARTS.split(site)]
    if any(fold(_DOMAIN_END.sub("", part)) == folded for part in parts):
        return True
    for site in site_names:
        other = fold(site)
        if not other:
            continue
        if loose and min(len(folded), len(other)) >= 4 and (folded in other or other in folded):
            return True
    return False


def is_domain(name: str) -> bool:
    """True for a name written as a host name ("Vegolosi.it"): a site, never a person."""
    return " " not in name.strip() and "." in name and bool(_DOMAIN_END.search(name))


def names_site(name: str, site_names: Sequence[str]) -> bool:
    """True for the site under any of its names, also "RTL Online" on rtl.de: a word of
    the name is the site's one-word name or host."""
    if is_site(name, site_names):
        return True
    hosts = {fold(_DOMAIN_END.sub("", site)) for site in site_names if " " not in site.strip()}
    return any(fold(word) in hosts for word in name.split())


def without_site(byline: Byline, site_names: Sequence[str]) -> Byline:
    """ "Adam Aaronson PhillyVoice" on PhillyVoice, "Jane Doe USA TODAY" on usatoday.com:
    the name without the site's; "Jane Doe, Modern Farmer" on Modern Farmer: the
    person without the site named beside her, or without a host name beside her."""
    names = [_without_trailing_site(name, site_names) for name in byline.authors]
    # "TOI Lifestyle Desk / etimes.in": a host name beside the desk is the site it serves
    people = [
        name for name in names if not is_site(name, site_names, loose=False) and not is_domain(name)
    ]
    if people and len(people) < len(names):
        names = people
    if tuple(names) == byline.authors:
        return byline
    return Byline(", ".join(names), tuple(names))


def _without_trailing_site(name: str, site_names: Sequence[str]) -> str:
    """The name without the site's name (of up to three words) printed after it, when
    two words are left."""
    words = name.split()
    for size in range(min(_SITE_WORDS, len(words) - 2), 0, -1):
        if is_site(" ".join(words[-size:]), site_names, loose=False):
            return " ".join(words[:-size])
    return name
