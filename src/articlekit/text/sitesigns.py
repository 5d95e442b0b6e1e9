"""Whether the site's own name, where a dump's byline stands, names the author.

A CMS prints the account that saved a post, often the site's name; a company's blog
or a person's site signs with the same name on purpose.  HTML mode keeps the site's
name when a by-word says so ("Written by Miami Today"); dumps do the same for a name
in a person's or a firm's shape.
"""

from __future__ import annotations

from articlekit.metadata.byline.site import is_domain
from articlekit.text.headline import names_site
from articlekit.text.lines import (
    NOT_NAME_WORDS,
    has_by_word,
    is_coined,
    opens_byline,
    without_dateline_verb,
)

__all__ = ["name_shaped", "site_only"]


def site_only(names: str, line: str, sites: frozenset[str]) -> bool:
    """True when the site's name stands where the author's would: a CMS prints the
    account that saved the post.  As in HTML mode, a by-word before it says the site
    wrote the piece when the name reads as a person's or a firm's ("By Rick Steves" on
    ricksteves.com, "By Quiet Light"); a publication's name ("Von Die Tagespresse",
    "By CyberCook") still says no author is named."""
    if not names_site(names, sites):
        return False
    signed = has_by_word(line) or opens_byline(without_dateline_verb(line))
    return not (signed and name_shaped(names))


def name_shaped(names: str) -> bool:
    """True for words shaped as a person's name ("Rick Steves", "Quiet Light"), not as a
    publication's: no host name, word in capitals, word with a capital inside
    ("SeglerBlog") or function word ("Die Tagespresse")."""
    tokens = names.split()
    return not is_domain(names) and all(
        token[:1].isupper()
        and not is_coined(token)
        and not (len(token) >= 3 and token.isupper())
        and token.lower() not in NOT_NAME_WORDS
        for token in tokens
    )
