"""Reply parents in flat threads: a reply that quotes an earlier post answers that post.

Forum engines print a thread flat and mark a reply's quote with the number of the post
it quotes: Discourse ``aside.quote[data-post="2"]``, XenForo ``blockquote[data-source=
"post: 31243284"]``, phpBB ``<cite><a href="...?p=550452#p550452">``, vBulletin's link
to ``#post771219`` in the quote's header, GameFAQs
``cite[data-quote-id]``, Invision ``blockquote[data-ipsquote-contentcommentid]``.
The number is the one in the quoted post's own id (``post_2``, ``js-post-31243284``,
``p550452``, ``elComment_16417528``), so the quote names its parent without any words.
The quote's text stays in the reply (it is part of what the reply shows); it is never
a comment of its own.  Attribute names and the ``quote`` class fragment are markup.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import html

from articlekit.comments.markup import own_id
from articlekit.input.xpath import element_query
from articlekit.model import Comment

__all__ = ["with_quoted_parents"]

_NUMBER = re.compile(r"\d+")
# A quote inside a post: the element and the links of its header.
_QUOTES = element_query(
    ".//*[self::blockquote or self::aside or self::cite"
    " or contains(@class, 'quote') or contains(@class, 'Quote')]"
)
# Attributes through which a quote names the post it quotes.
_REFERENCE_ATTRIBUTES = (
    "data-post",
    "data-source",
    "data-quote-id",
    "data-postid",
    "data-pid",
    "data-ipsquote-contentcommentid",
)


def with_quoted_parents(
    comments: tuple[Comment, ...], items: list[html.HtmlElement]
) -> tuple[Comment, ...]:
    """``comments`` with a parent for each reply that has none and quotes an earlier
    comment; ``items`` are the elements the comments were read from."""
    by_number: dict[str, str] = {}
    order = {c.id: i for i, c in enumerate(comments)}
    for comment in comments:
        numbers = _NUMBER.findall(comment.id)
        if len(numbers) == 1:
            by_number.setdefault(numbers[0], comment.id)
    if not by_number:
        return comments
    parents: dict[str, str] = {}
    for item in items:
        own = own_id(item)
        if own is None or own not in order or comments[order[own]].parent is not None:
            continue
        for number in _quoted_numbers(item):
            quoted = by_number.get(number)
            if quoted is not None and order[quoted] < order[own]:
                parents[own] = quoted
                break
    if not parents:
        return comments
    return tuple(replace(c, parent=parents[c.id]) if c.id in parents else c for c in comments)


def _quoted_numbers(item: html.HtmlElement) -> list[str]:
    numbers: list[str] = []
    for quote in _QUOTES(item):
        for name in _REFERENCE_ATTRIBUTES:
            numbers.extend(_NUMBER.findall(quote.get(name) or ""))
        for link in quote.iter("a"):
            # the post's anchor ("#p550452", vBulletin's "#post771219"), never a
            # profile's user number
            numbers.extend(_NUMBER.findall((link.get("href") or "").partition("#")[2]))
    return numbers
