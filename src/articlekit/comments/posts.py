"""The posts of a thread: repeated sibling elements that each carry an author, a date and text.

Forum engines and Q&A sites render a thread as a run of posts that share one markup
(phpBB's ``div.post#p123``, XenForo's ``article.message``, Discourse's
``div.crawler-post#post_2``, Stack Exchange's ``div.answer``): siblings with the same
tag and the same first class token or the same numbered id pattern.  A run counts
as posts only when most of its members are *signed*: a mark of who wrote it (an
author or user box, a link to a member profile) and of when (``<time>``, a
machine-readable date attribute, a date in the post's opening or closing line).
A list of links or of short labels is never a run of posts.

The class fragments and profile URL parts here are markup, not language words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from articlekit.comments.markup import text_length
from articlekit.input.xpath import boolean_query, text_query
from articlekit.metadata.textdates import iso_date

__all__ = ["PostRun", "is_signed", "post_runs"]

MIN_SIGNED_SHARE = 0.6
"""Share of a run's members that must be signed for the run to be posts."""
MAX_CHECKED = 40
"""Members checked for a signature: a long thread is known from its first posts."""
MAX_LINK_SHARE = 0.5
"""A run whose text is mostly link text is a menu or a list of teasers, not posts."""
MIN_POST_CHARS = 20
"""Text below this is a label or a counter, not a post."""

# Elements that may be one post; inline and table-cell tags never are.
_POST_TAGS = frozenset(("div", "article", "li", "section", "table", "tr", "dd", "tbody"))
_DIGITS = re.compile(r"\d+")
_AUTHOR = boolean_query(
    ".//*[@itemprop='author' or @rel='author'"
    " or contains(@class,'author') or contains(@class,'user') or contains(@class,'poster')"
    " or contains(@class,'member') or contains(@class,'Author') or contains(@class,'User')]"
    " | .//a[contains(@href,'/user') or contains(@href,'/member') or contains(@href,'/u/')"
    " or contains(@href,'profile') or contains(@href,'/users/') or contains(@href,'user?id=')]"
)
_MACHINE_DATE = boolean_query(
    ".//time | .//*[@datetime or @data-timestamp or @data-time or @data-date"
    " or @itemprop='datePublished' or @itemprop='dateCreated']"
)
_LINK_TEXT = text_query(".//a//text()")


@dataclass(frozen=True, slots=True)
class PostRun:
    """Sibling elements of one markup that each hold one signed post, in page order."""

    members: tuple[html.HtmlElement, ...]
    chars: int
    """Visible text of all the members together."""


def post_runs(root: html.HtmlElement) -> list[PostRun]:
    """The runs of signed posts under ``root``, the longest (by text) first."""
    runs: list[PostRun] = []
    for parent in root.iter(etree.Element):
        if len(parent) < 2:
            continue
        groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
        for child in parent:
            key = _post_key(child)
            if key is not None:
                groups.setdefault(key, []).append(child)
        for members in groups.values():
            if len(members) >= 2:
                run = _as_run(members)
                if run is not None:
                    runs.append(run)
    return sorted(runs, key=lambda r: -r.chars)


def _post_key(element: etree._Element) -> tuple[str, str] | None:
    """What siblings of one post markup share: the tag and the numbered id's pattern
    ("post_#", "p#", "js-post-#"), else the tag and the first class token."""
    tag = element.tag
    if not isinstance(tag, str) or not (tag in _POST_TAGS or "-" in tag):
        return None
    ident = element.get("id") or ""
    if _DIGITS.search(ident):
        return tag, "#" + _DIGITS.sub("#", ident)
    classes = (element.get("class") or "").split()
    return tag, classes[0] if classes else ""


def _as_run(members: list[html.HtmlElement]) -> PostRun | None:
    lengths = [text_length(m) for m in members]
    texts = [(m, n) for m, n in zip(members, lengths, strict=True) if n >= MIN_POST_CHARS]
    if len(texts) < 2:
        return None
    checked = [m for m, _n in texts[:MAX_CHECKED]]
    signed = sum(1 for m in checked if is_signed(m))
    if signed < 2 or signed < MIN_SIGNED_SHARE * len(checked):
        return None
    total = sum(lengths)
    links = sum(len(" ".join(_LINK_TEXT(m)).split()) for m in checked)
    if links > MAX_LINK_SHARE * sum(len(m.text_content().split()) for m in checked):
        return None
    return PostRun(tuple(m for m, _n in texts), total)


def is_signed(element: html.HtmlElement) -> bool:
    """True when ``element`` names who wrote it and when."""
    if not _AUTHOR(element):
        return False
    if _MACHINE_DATE(element):
        return True
    text = " ".join(element.text_content().split())
    return iso_date(text[:300]) is not None or iso_date(text[-200:]) is not None
