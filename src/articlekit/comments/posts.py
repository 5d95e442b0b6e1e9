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
from dataclasses import dataclass, replace

from lxml import etree, html

from articlekit.comments.markup import text_length
from articlekit.input.elements import text_of
from articlekit.input.xpath import text_query
from articlekit.metadata.textdates import iso_date

__all__ = ["MAX_CHECKED", "PostRun", "post_runs"]

MIN_SIGNED_SHARE = 0.6
"""Share of a run's members that must be signed for the run to be posts."""
MAX_CHECKED = 40
"""Members checked for a signature: a long thread is known from its first posts."""
MAX_LINK_SHARE = 0.5
"""A run whose text is mostly link text is a menu or a list of teasers, not posts."""
MIN_POST_CHARS = 20
"""Text below this is a label or a counter, not a post."""
MIN_LEAD_CHARS = 100
"""Text below this, before a run of posts, is a topic header ("Started by NAME, DATE"),
not an opening post."""

# Elements that may be one post; inline and table-cell tags never are.
_POST_TAGS = frozenset(("div", "article", "li", "section", "table", "tr", "dd", "tbody"))
_DIGITS = re.compile(r"\d+")
# Marks of a post's date and author (class fragments and profile URL parts are markup):
# a machine-readable time, a short date line, an author box or rel, a link to a
# member's profile page.  A Python walk tests them; an XPath per mark costs more (each
# ``contains`` is a scan, and libxml2 merges unions slowly).  The author marks get a walk
# of their own, only on a page with two dated siblings alike (about a third of pages).
_DATE_ATTRIBUTES = frozenset(("datetime", "data-timestamp", "data-time", "data-date"))
_DATE_PROPS = frozenset(("datePublished", "dateCreated"))
# the attributes without which an element other than <time> has no date mark
_DATE_KEYS = _DATE_ATTRIBUTES | {"itemprop", "title"}
_TWO_DIGITS = re.compile(r"\d\d")
MAX_DATE_TEXT = 120
"""A text longer than this is prose that may mention a date, not a post's date line."""
# (an avatar is the picture of a post's author)
_AUTHOR_CLASS = re.compile(r"author|user|poster|member|avatar", re.IGNORECASE)
_AUTHOR_CLASS_LOWER = re.compile(r"author|user|poster|member|avatar")
_PROFILE_HREF = re.compile(r"/users?/|/u/|/members?[/.]|profile|user\?id=")
_LINK_TEXT = text_query(".//a//text()")


@dataclass(frozen=True, slots=True)
class PostRun:
    """Sibling elements of one markup that each hold one signed post, in page order."""

    members: tuple[html.HtmlElement, ...]
    chars: int
    """Visible text of all the members together."""
    lead: html.HtmlElement | None = None
    """A signed post before the first member in another markup: an opening post that
    the template renders apart from the replies (a different component, no wrapper)."""


@dataclass(frozen=True, slots=True)
class _Marks:
    """The elements holding a date mark (:func:`_dated`) and those holding an author
    mark (:func:`_authored`)."""

    dated: dict[html.HtmlElement, None]
    authored: set[html.HtmlElement]

    def signed(self, element: html.HtmlElement) -> bool:
        return element in self.dated and element in self.authored


def post_runs(root: html.HtmlElement) -> list[PostRun]:
    """The runs of signed posts under ``root``, the longest (by text) first."""
    dated = _dated(root)
    # a post holds a date mark, so the runs are among the children of dated elements
    if not any(_sibling_groups(parent, dated) for parent in dated):
        return []  # most pages: no two dated siblings alike, and no author mark to look for
    marks = _Marks(dated, _authored(root))
    # a run has two signed members (:func:`_as_run`): only a parent of two signed children
    # can hold one, and a blog's thousands of dated comments, unsigned by these marks,
    # are then not grouped one by one
    parents = _signed_parents(marks)
    groups = [
        members
        for parent in list(dated)
        if parent in parents
        for members in _sibling_groups(parent, dated)
    ]
    runs: list[PostRun] = []
    for members in groups:
        run = _as_run(members, marks)
        if run is not None:
            runs.append(replace(run, lead=_lead(run.members[0], marks)))
    return sorted(runs, key=lambda r: -r.chars)


def _signed_parents(marks: _Marks) -> set[html.HtmlElement]:
    """The elements with two or more signed children."""
    seen: set[html.HtmlElement] = set()
    twice: set[html.HtmlElement] = set()
    for element in marks.authored:
        if element in marks.dated:
            parent = element.getparent()
            if parent in seen:
                twice.add(parent)
            elif parent is not None:
                seen.add(parent)
    return twice


def _sibling_groups(
    parent: html.HtmlElement, dated: dict[html.HtmlElement, None]
) -> list[list[html.HtmlElement]]:
    """The dated children of ``parent`` by their post markup, where two or more share it."""
    if len(parent) < 2:
        return []
    groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
    for child in parent:
        if child in dated:
            key = _post_key(child)
            if key is not None:
                groups.setdefault(key, []).append(child)
    return [members for members in groups.values() if len(members) >= 2]


def _lead(first: html.HtmlElement, marks: _Marks) -> html.HtmlElement | None:
    """The nearest signed sibling before ``first`` (whose markup is not the run's) that
    holds a post's worth of text, mostly outside links; None when there is none."""
    for sibling in first.itersiblings(preceding=True):
        if isinstance(sibling.tag, str) and marks.signed(sibling):
            length = text_length(sibling)
            links = len(" ".join(" ".join(_LINK_TEXT(sibling)).split()))
            is_post = length >= MIN_LEAD_CHARS and links <= MAX_LINK_SHARE * length
            return sibling if is_post else None
    return None


def _dated(root: html.HtmlElement) -> dict[html.HtmlElement, None]:
    """The elements holding a date mark (themselves or a descendant), in page order of
    their marks."""
    dated: dict[html.HtmlElement, None] = {}
    # the cheap tests are made here, before a call: this runs for every element and most
    # elements have no date attribute and no digits in their text
    digits = _TWO_DIGITS.search
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag == "script" or tag == "style":
            continue
        keys = element.keys()
        text, tail = element.text, element.tail
        if (
            keys
            and (tag == "time" or not _DATE_KEYS.isdisjoint(keys))
            and _is_date_mark(element, tag, keys)
        ) or (text and digits(text) and _dated_text(text)):
            _mark_up(element, dated)
        if tail and digits(tail) and _dated_text(tail):
            parent = element.getparent()
            if parent is not None:
                _mark_up(parent, dated)
    return dated


def _authored(root: html.HtmlElement) -> set[html.HtmlElement]:
    """The elements holding an author mark (themselves or a descendant)."""
    authored: dict[html.HtmlElement, None] = {}
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag == "script" or tag == "style":
            continue
        keys = element.keys()
        if keys and _is_author_mark(element, tag, keys):
            _mark_up(element, authored)
    return set(authored)


def _is_date_mark(element: html.HtmlElement, tag: str, keys: list[str]) -> bool:
    if tag == "time" or not _DATE_ATTRIBUTES.isdisjoint(keys):
        return True
    # a relative date ("2 years ago") with the absolute one as its tooltip
    return ("itemprop" in keys and element.get("itemprop") in _DATE_PROPS) or (
        "title" in keys and _dated_text(element.get("title"))
    )


def _dated_text(text: str | None) -> bool:
    """A short date line: "by NAME » Sat Feb 24, 2024 12:41 pm", "03/03/2026 19:49"."""
    return (
        text is not None
        and len(text) <= MAX_DATE_TEXT
        and _TWO_DIGITS.search(text) is not None
        and iso_date(text) is not None
    )


def _is_author_mark(element: html.HtmlElement, tag: str, keys: list[str]) -> bool:
    # an attribute is read only where the element has it: most elements have a class
    # and nothing else of these, and this runs on every element of the page
    get = element.get
    if "itemprop" in keys and get("itemprop") == "author":
        return True
    if "rel" in keys and get("rel") == "author":
        return True
    if "class" in keys and _author_class(get("class")):
        return True
    return tag == "a" and _PROFILE_HREF.search(get("href") or "") is not None


def _author_class(cls: str) -> bool:
    """``cls`` names an author box, in any case.  An ASCII value is lowered and searched
    case-sensitively, five times cheaper than an IGNORECASE search; only other values
    need the Unicode folding (the long s, "ſ", matches "s" there)."""
    if cls.isascii():
        return _AUTHOR_CLASS_LOWER.search(cls.lower()) is not None
    return _AUTHOR_CLASS.search(cls) is not None


def _mark_up(element: html.HtmlElement, marked: dict[html.HtmlElement, None]) -> None:
    """Add ``element`` and its ancestors to ``marked``, stopping at one marked before."""
    node: html.HtmlElement | None = element
    while node is not None and node not in marked:
        marked[node] = None
        node = node.getparent()


def _post_key(element: etree._Element) -> tuple[str, str] | None:
    """What siblings of one post markup share: the tag and the numbered id's pattern
    ("post_#", "p#", "js-post-#"), else the tag and the first class token without its
    digits."""
    tag = element.tag
    if not isinstance(tag, str) or not (tag in _POST_TAGS or "-" in tag):
        return None
    ident = element.get("id") or ""
    if _DIGITS.search(ident):
        return tag, "#" + _DIGITS.sub("#", ident)
    classes = (element.get("class") or "").split()
    # rows that alternate their background are one markup: SMF's "windowbg" and
    # "windowbg2", phpBB 2's "row1" and "row2", vBulletin 3's "alt1" and "alt2"
    return tag, _DIGITS.sub("", classes[0]) if classes else ""


def _as_run(members: list[html.HtmlElement], marks: _Marks) -> PostRun | None:
    checked = members[:MAX_CHECKED]
    signed = sum(1 for m in checked if marks.signed(m))
    if signed < 2 or signed < MIN_SIGNED_SHARE * len(checked):
        return None
    lengths = [text_length(m) for m in members]
    texts = [(m, n) for m, n in zip(members, lengths, strict=True) if n >= MIN_POST_CHARS]
    if len(texts) < 2:
        return None
    words = [m for m, _n in texts[:MAX_CHECKED]]
    links = sum(len(" ".join(_LINK_TEXT(m)).split()) for m in words)
    if links > MAX_LINK_SHARE * sum(len(text_of(m).split()) for m in words):
        return None
    return PostRun(tuple(m for m, _n in texts), sum(lengths))
