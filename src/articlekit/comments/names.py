"""A comment author's name, cut out of what the author box says around it.

Author boxes hold more than the name: a "says:" label ("jdoe said", "Ramón dijo:"),
the reply link before it ("Reply jdoe"), the date after it ("Jane Doe on September 12,
2018 at 4:47 pm"), the commenter's site ("Name | blog-name.net"), a link of the box
after it ("Jean haut de page").  What is left is the name; a user-interface label
("haut de page", "Reply") is no name at all.  The words come from the language files;
separators and the shape of a web address are markup.
"""

from __future__ import annotations

import re

from articlekit.comments.phrases import SAYS_SUFFIX, is_comment_chrome
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.textdates import iso_date

__all__ = ["author_name"]

_REPLY_FIRST = re.compile(
    rf"^(?:{phrase_pattern(words('comments.reply_links'), space=' ')})\s*[:|·•-]?\s+",
    re.IGNORECASE,
)
# words left between a name and the date cut after it: "Jane Doe on", "Max am",
# "Par X, le", "Heidemarie Heim | Di" (the weekday before "21. April 2020")
_BEFORE_DATE = re.compile(
    rf"(?:[\s,|·•–—-]+(?:{phrase_pattern(words('comments.signed_on'))}"
    rf"|{phrase_pattern(words('byline.date_prepositions'))}"
    rf"|{phrase_pattern(words('dates.weekdays'))})\.?)+$",
    re.IGNORECASE,
)
_SIGNED_BY = re.compile(
    rf"^(?:{phrase_pattern(words('comments.signed_by'))})\s+(?=\S)", re.IGNORECASE
)
# "geschrieben von Anna", "Posted by Jane": a label the author box sets before the name
_WRITTEN_BY = re.compile(
    rf"^(?:{phrase_pattern(words('blocks.written_by'))}):?\s+(?=\S)", re.IGNORECASE
)
# "Name | blog-name.net", "Name - www.site.de": the commenter's site after a separator
_SITE_SUFFIX = re.compile(
    r"\s+[|·•–—-]\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$",
    re.IGNORECASE,
)
_UI_NAMES = frozenset(
    " ".join(w.split()).casefold()
    for w in (*words("boilerplate.labels"), *words("text.back_to_top"))
)
# "Jean Dupont haut de page", "jdoe Reply": a link of the box's own after the name
_UI_SUFFIX = re.compile(
    rf"\s+(?:{phrase_pattern((*words('text.back_to_top'), *words('comments.reply_links')))})$",
    re.IGNORECASE,
)


def author_name(text: str) -> str | None:
    """The name in the text of a comment's author box, or None when none is left."""
    collapsed = " ".join(text.split())
    undated = iso_date(collapsed) is None
    name = collapsed if undated else _without_date(collapsed)
    name = _SITE_SUFFIX.sub("", name)
    name = SAYS_SUFFIX.sub("", name).strip(" :,-–—/|·•")
    name = _WRITTEN_BY.sub("", _REPLY_FIRST.sub("", _UI_SUFFIX.sub("", name)))
    if not name or len(name) > 80 or is_comment_chrome(name):
        return None
    # (a name left as the box wrote it was read for a date above already)
    if not (undated and name == collapsed) and iso_date(name) is not None:
        return None
    if name.casefold() in _UI_NAMES:
        return None
    return name


def _without_date(name: str) -> str:
    """``name`` without the date written after it: the longest start of the text that
    holds no date, once the rest holds one."""
    if iso_date(name) is None:
        return name
    tokens = name.split()
    start = 0
    for index in range(1, len(tokens)):
        if iso_date(" ".join(tokens[index:])) is None:
            break
        start = index
    if start == 0:
        return name  # the date opens the text: nothing before it to keep
    head = " ".join(tokens[:start]).strip(" :,-–—/|·•")
    # a signature line: "Par Yves Leclercq, le mercredi 15 mai 2019"
    return _SIGNED_BY.sub("", _BEFORE_DATE.sub("", head)).strip(" :,-–—/|·•")
