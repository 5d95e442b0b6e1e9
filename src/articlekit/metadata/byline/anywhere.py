"""The last resort: a short "Von Jane Doe" / "Posted by jd" block anywhere in the
page, for templates that mark nothing up and print the author away from the
headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html

from articlekit.input.elements import text_of
from articlekit.metadata.byline.exclusion import excluded, photo_credit
from articlekit.metadata.byline.names import (
    Byline,
    clean_byline,
    is_strict_name,
    reads_as_sentence,
    shouted_label,
)
from articlekit.metadata.byline.site import is_site
from articlekit.metadata.byline.vocabulary import (
    BY_INITIALS,
    BY_INSIDE,
    BY_PAIRS,
    BY_START,
    ORGANIZATION,
)

__all__ = ["by_line_anywhere"]

# the first text nodes of the page that may open a by-line
# "/descendant::text()", not "//text()": the same nodes, without a child step from every
# node of the body (about twice as fast)
_BODY_TEXT_XPATH = (
    # short nodes opening like a by-word, tested in C while walking: few nodes are
    # collected and fewer reach the Python loop
    "(//body/descendant::text()[string-length(.) <= 150][normalize-space(.)]"
    "[contains($initials, substring(normalize-space(.), 1, 1)) or contains($pairs, "
    "concat('|', translate(substring(normalize-space(.), 1, 2), $upper, $lower), '|'))]"
    "[not(parent::script or parent::style or parent::noscript)])[position() <= 300]"
)
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉ"
_LOWER = "abcdefghijklmnopqrstuvwxyzé"
# how many elements of the by-line's kind are compared with it
_SAME_CLASS_SEEN = 3
# a teaser card of another article ("podcast-card__authors", "post-card"): its by-line
# names that article's author (class names of templates, not words of a language)
_CARD = re.compile(r"(?:^|[\s_-])card(?=$|[\s-]|__)", re.IGNORECASE)
_CARD_LEVELS = 3


def by_line_anywhere(tree: html.HtmlElement, site_names: Sequence[str]) -> Byline:
    """A short "Von Jane Doe" / "Posted by jd" block anywhere in the page.

    The last resort for templates that mark nothing up and print the author
    away from the headline (at the end of the text, in a footer line of the
    post).  Only a block that starts with the by-word counts, so "von" in the
    middle of a German sentence does not.
    """
    body = tree.find("body")
    memo: dict[html.HtmlElement, bool] = {}
    nodes = tree.xpath(
        _BODY_TEXT_XPATH, initials=BY_INITIALS, pairs=BY_PAIRS, upper=_UPPER, lower=_LOWER
    )
    for node in nodes:
        label = BY_START.match(node)
        if not (label or BY_INSIDE.match(node)) or (label and shouted_label(node, label.end())):
            continue
        block = node.getparent()
        if block is None:
            continue
        if node.is_tail:
            # "...<br><br>Autor: <a>Rechtsanwalt</a> Jane Doe</div>": a line of its own
            # at the end of a text written with line breaks
            if (
                block.tag != "br"
                or block.getparent() is None
                or node.lstrip()[:4].lower() == "text"
            ):
                continue
            text = _line_after(block)
            block = block.getparent()
        else:
            text = " ".join(" ".join(block.itertext()).split())
        # "Von Mob mit Macheten ermordet:" opens a teaser's kicker, not a byline
        if (
            len(text) > 100
            or text.endswith(":")
            or photo_credit(block)
            or excluded(block, body, memo)
            or _repeated(tree, block)
            or _in_card(block)
        ):
            continue
        inside = BY_INSIDE.match(text)
        byline = clean_byline(text[inside.start(1) :] if inside else text)
        if (
            byline.authors
            and all(_plain_name(name, site_names) for name in byline.authors)
            and not reads_as_sentence(text, byline)
        ):
            return byline
    return Byline()


def _line_after(br: html.HtmlElement) -> str:
    """The text from a ``<br>`` to the next one (or the end of its parent)."""
    parts = [br.tail or ""]
    for sibling in br.itersiblings():
        if sibling.tag == "br":
            break
        parts.append(text_of(sibling))
        parts.append(sibling.tail or "")
    return " ".join(" ".join(parts).split())


def _repeated(tree: html.HtmlElement, block: html.HtmlElement) -> bool:
    """True for one card of a list of teasers: the same kind of element elsewhere
    names someone else ("<p class=podcast-card__authors>Par Olivier Minot</p>" on
    each episode).  The same by-line above and below a post is not a list, and
    neither is the date line beside it that utility classes ("text-sm
    text-gray-600") style alike: only an element built like the by-line (the same
    child elements) counts."""
    mark = block.get("class")
    if not mark:
        return False
    text = text_of(block)
    shape = [child.tag for child in block]
    return any(
        text_of(other) != text and [child.tag for child in other] == shape
        for other in _same_class(tree, block.tag, mark)
    )


def _same_class(tree: html.HtmlElement, tag: str, mark: str) -> list[html.HtmlElement]:
    """The first three elements of the page body named ``tag`` with the class attribute
    ``mark``, in page order (an element walk by tag: an XPath testing each element's
    name took milliseconds a page)."""
    found: list[html.HtmlElement] = []
    for body in tree.getroottree().getroot().iter("body"):
        for other in body.iterdescendants(tag):
            if other.get("class") == mark:
                found.append(other)
                if len(found) == _SAME_CLASS_SEEN:
                    return found
    return found


def _in_card(block: html.HtmlElement) -> bool:
    """True for a by-line inside a teaser card (the block or one of its near ancestors)."""
    node: html.HtmlElement | None = block
    for _ in range(_CARD_LEVELS):
        if node is None:
            return False
        if _CARD.search(node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _plain_name(name: str, site_names: Sequence[str]) -> bool:
    """A person's name or a user name, not an organisation, site or phrase."""
    words = name.split()
    if ORGANIZATION.search(name) or is_site(name, site_names, loose=False):
        return False
    if len(words) == 1:
        return not (name.isupper() and len(name) > 1)
    return is_strict_name(name)
