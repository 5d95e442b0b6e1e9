"""Who wrote a comment and when: its author and its date.

The author comes from markup (microdata, hCard ``fn``, an author or user class,
``<cite>``), else from a short bold name opening the comment, a link to the
commenter's profile, or a signature line ("geschrieben von X am 21. Jan. 2015").
The date comes from machine-readable attributes first, then from the text of date
marks and the comment's own chrome.  Class tokens and profile URL parts are markup;
the words of signature lines come from the language files.
"""

from __future__ import annotations

import re
from operator import itemgetter

from lxml import html

from articlekit.comments.body import CONTENT_TOKEN, SKIP_TAGS, content_rank
from articlekit.comments.markup import HAS_WORD, HEADING_TAGS, kebab, text_length
from articlekit.comments.names import author_name
from articlekit.comments.phrases import SAYS_LABEL, SAYS_SUFFIX, is_comment_chrome
from articlekit.input.elements import text_of
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.textdates import iso_date

__all__ = ["comment_author", "comment_date"]

# Drupal marks anonymous names: "Gus (not verified)"
_UNVERIFIED = re.compile(
    rf"\s*\((?:{phrase_pattern(words('comments.unverified_marks'), space=' ')})\)$",
    re.IGNORECASE,
)
# Class hints are matched case-blind: widgets write "CommentAccountName" or
# "CommentTimestamp".  German, Spanish and French templates name the boxes in
# their own language ("autor", "benutzer", "datum", "fecha").
_AUTHOR_CLASS = re.compile(
    r"author|autor|auteur|verfasser|user|benutzer|nick|byline|name|\bfn\b", re.IGNORECASE
)
_RANK_TOKEN = re.compile(r"title$", re.IGNORECASE)
# what a forum sets a member's name in, over their title
_NAME_TAGS = frozenset(("dt", "h3", "h4", "h5", "strong", "b"))
# the elements a comment's header line is set in
_LINE_TAGS = frozenset(("p", "div", "dt", "header", "h3", "h4", "h5", "h6"))
MAX_RANKED_NAME = 40
"""A text above a member's title longer than this is not their name."""
_DATE_CLASS = re.compile(r"date|datum|fecha|time|meta|submitted|posted|byline", re.IGNORECASE)
_DATE_PROPS = ("dateCreated", "datePublished", "commentTime")
# schema.org's Comment names its writer "author"; the older UserComments, "creator"
_AUTHOR_PROPS = ("author", "creator")
# Where widgets keep the machine-readable time: ``datetime``, microdata ``content``,
# and the ``data-*`` twins that scripts render later (Judge.me's ``data-content``).
_DATE_ATTRIBUTES = ("datetime", "content", "data-datetime", "data-content", "data-date", "title")
# A class token that names the author's own name, not a box around avatar and stats
# ("comment-author-name", "CommentAccountName", "comment_author").
_NAME_TOKEN = re.compile(r"(?:author|autor|auteur|user|benutzer|nick)(?:[-_]?name)?$|name$")
# A link to the commenter's profile page names them on forum and community templates
# (kochbar "/user/Name.html", XenForo "/members/11891", webSPELL "site=profile&id=58",
# SMF "?action=profile;u=31").
_PROFILE_HREF = re.compile(
    r"(?:/|[?&=])(?:user|users|member|members|profile|profil|benutzer|mitglied)"
    r"(?:[/.=_&;-]|$)",
    re.IGNORECASE,
)
# The line that signs a comment when no markup names its author:
# "geschrieben von berg2012 am 21. Jan. 2015", "#1 von tObIas Vx 29.12.2010",
# "Par Yves Leclercq, le mercredi 15 mai", "Heidemarie Heim | Di, 21. April 2020",
# "Claude - Le 24/11/2019".  The line must hold a date, so prose is never read.
_NAME = r"[^,|·•()\n]{2,40}?"
_NAME_END = (
    rf"\s*(?:[,|·•(–—]|\s-\s|\s(?:{phrase_pattern(words('comments.signed_on'))})\s"
    r"|\s\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\s\d{4}-\d\d)"
)
_SIGNED_BY = phrase_pattern(words("comments.signed_by"))
_SIGNATURE = re.compile(
    rf"^[#\d.\s]*(?:\w+\s+){{0,2}}?(?:{_SIGNED_BY}):?\s+(?P<after>{_NAME}){_NAME_END}"
    rf"|^(?P<before>{_NAME})\s+[|·•–—-]\s+.{{0,24}}?\d"
    # the name closing a dated line: "1. Le lundi 12 août 2019, 14:03 par Anna B." (Dotclear)
    rf"|^.{{0,60}}?\d.{{0,40}}?\s(?:{_SIGNED_BY})\s+(?P<last>{_NAME})$",
    re.IGNORECASE,
)


# a name may end with an initial ("Anna B."), a sentence may not
_INITIAL_END = re.compile(r"\s\w\.$")


def _is_author_mark(element: html.HtmlElement) -> bool:
    if element.tag == "cite":
        return True
    if not element.keys():
        return False  # every other rule reads an attribute; most elements have none
    if element.get("itemprop") in _AUTHOR_PROPS:
        return True
    if (
        element.tag == "a"
        and "external" in (element.get("rel") or "").split()
        and "url" in (element.get("class") or "").split()
    ):
        # WordPress links a commenter's name to their site: <a rel="external nofollow"
        # class="url">, in themes that drop the "fn" around it
        return True
    hint = element.get("class") or ""
    if _AUTHOR_CLASS.search(hint) is None:
        # a match never spans a space, so no token matches either: most classes
        return False
    # "user-content" and "comment-text" hold what was said, not who said it; a member's
    # title ("usertitle", XenForo's "userTitle": "Member", "Moderator") is their rank
    return (
        any(_AUTHOR_CLASS.search(t) and not _names_rank(t) for t in hint.split())
        and CONTENT_TOKEN.search(hint.lower()) is None
    )


def _is_date_mark(element: html.HtmlElement) -> bool:
    if element.tag == "time":
        return True
    if not element.keys():
        return False  # the other rules read an attribute
    if element.get("itemprop") in _DATE_PROPS:
        return True
    return _DATE_CLASS.search(element.get("class") or "") is not None


def comment_author(item: html.HtmlElement, own_list: list[html.HtmlElement]) -> str | None:
    """The name of whoever wrote comment ``item``, or None; ``own_list`` is
    ``walk_own(item, item, item_set)``."""
    above_rank = _name_above_rank(own_list)
    if above_rank:
        return above_rank
    # the most specific marker wins: microdata name, hCard fn, then class hints
    # (each rank computed once; a stable sort on it alone keeps the page order of ties)
    marks = [(_author_rank(e), e) for e in own_list if _is_author_mark(e)]
    ranked = sorted(marks, key=itemgetter(0))
    for element in _innermost(ranked, item):
        name_el = element.find(".//*[@itemprop='name']")
        if name_el is None:
            # a box with the member's stats around the link to their profile (MyBB's
            # "post_author": name, title, posts, joined): the link names them
            name_el = _profile_link(element)
        text = _text_without_dates(name_el if name_el is not None else element)
        name = author_name(_UNVERIFIED.sub("", " ".join(text.split())))
        if name:
            return name
    # unmarked templates: a short bold name opening the comment
    for element in own_list:
        if element.tag in ("b", "strong") and element.getparent() is item:
            name = " ".join(text_of(element).split())
            if 0 < len(name) <= 40 and not (item.text or "").strip():
                return author_name(name)
            break
    found = (
        _profile_link_author(own_list)
        or _signature_author(item, own_list)
        or _linked_signature_author(item, own_list)
        or _name_before_date(item, own_list)
        or _says_label_author(item)
        or _says_line_author(item, own_list)
        or _dated_heading_author(own_list)
    )
    return author_name(found) if found else None


def _names_rank(token: str) -> bool:
    """True for a class token naming a member's title ("usertitle", "userTitle")."""
    return _RANK_TOKEN.search(token) is not None and _AUTHOR_CLASS.search(token) is not None


def _name_above_rank(own_list: list[html.HtmlElement]) -> str | None:
    """The name a forum prints right above the member's title: FluxBB's ``<dt>`` over
    ``dd.usertitle``, XenForo's ``h4`` over ``h5.userTitle``."""
    for element in own_list:
        hint = element.get("class") or ""
        # a rank's token ends in "title" (in ASCII; elsewhere "ı" may stand for "i" in
        # the pattern's case-blind match): the cheap test first, for every element
        if (hint.isascii() and "title" not in hint.lower()) or not any(
            _names_rank(c) for c in hint.split()
        ):
            continue
        above = element.getprevious()
        if above is None or above.tag not in _NAME_TAGS:
            return None
        name = author_name(" ".join(text_of(above).split()))
        return name if name and len(name) <= MAX_RANKED_NAME else None
    return None


def _profile_link(box: html.HtmlElement) -> html.HtmlElement | None:
    """The one link to a member's profile in ``box`` that shows a name, when ``box``
    holds more than that name; None otherwise."""
    links = [a for a in box.iter("a") if _PROFILE_HREF.search(a.get("href") or "")]
    named = [a for a in links if HAS_WORD.search(text_of(a))]
    if len({" ".join(text_of(a).split()) for a in named}) != 1:
        return None
    link = named[0]
    return link if text_length(link) < text_length(box) else None


def _profile_link_author(own_list: list[html.HtmlElement]) -> str | None:
    for element in own_list:
        if element.tag != "a" or not _PROFILE_HREF.search(element.get("href") or ""):
            continue
        if any(a.tag in ("p", "blockquote") for a in element.iterancestors()):
            continue  # a mention in the text, not the signature
        name = " ".join(text_of(element).split())
        if (
            0 < len(name) <= 40
            and len(name.split()) <= 4
            and iso_date(name) is None
            and not is_comment_chrome(name)
        ):
            return name
    return None


def _in_content_box(element: html.HtmlElement, item: html.HtmlElement) -> bool:
    node: html.HtmlElement | None = element
    while node is not None and node is not item:
        if content_rank(node) < 9:
            return True
        node = node.getparent()
    return False


def _signature_author(item: html.HtmlElement, own_list: list[html.HtmlElement]) -> str | None:
    for element in own_list:
        if element.tag in SKIP_TAGS or element.tag in ("a", "blockquote"):
            continue
        if element.tag == "p" and not element.get("class"):
            continue  # a paragraph someone typed; a classed one is the template's
            # signature line (Typepad's "p.comment-footer": "Posted by: NAME | DATE")
        text = " ".join(text_of(element).split())
        if len(text) > 120 or iso_date(text) is None:
            continue
        match = _SIGNATURE.match(text)
        if match is None or _in_content_box(element, item):
            continue  # a short comment that mentions a date is not its signature
        name = (match.group("after") or match.group("before") or match.group("last")).strip(
            " :,-–—/|·•"
        )
        if (
            HAS_WORD.search(name)
            and len(name.split()) <= 5
            and iso_date(name) is None
            and not is_comment_chrome(name)
        ):
            return name
    return None


def _linked_signature_author(
    item: html.HtmlElement, own_list: list[html.HtmlElement]
) -> str | None:
    """A short line that opens with a link and goes on to a date signs the comment:
    "<a>史蒂文的家_藍天</a> 於 2014/01/01 20:31 回覆", "<a>Jane</a> on 3 May 2019"; so does
    a bold name in a header box ("<div class=kopf><b>Jane</b> schrieb am 03.05.2021:")."""
    for element in own_list:
        if element.tag not in ("p", "div", "span") or _in_content_box(element, item):
            continue
        first = element[0] if len(element) else None
        if (
            first is None
            or not (first.tag == "a" or (first.tag in ("b", "strong") and element.tag != "p"))
            or (element.text or "").strip()
            or text_length(element) > 80
        ):
            continue
        name = " ".join(text_of(first).split())
        if (
            0 < len(name) <= 40
            and iso_date(first.tail or "") is not None
            and iso_date(name) is None
            and not is_comment_chrome(name)
        ):
            return name
    return None


def _name_before_date(item: html.HtmlElement, own_list: list[html.HtmlElement]) -> str | None:
    """The short text right before the comment's date box names its author, in headers
    without author markup: "<h3>Liberte</h3><p class=comment-meta>18/02/2020</p>",
    "<span class=MetaOTBold>Marth</span><span class=comment-date>…</span>".  A title
    linking to the comment itself, or a sentence, is not a name."""
    for element in own_list:
        if not _is_date_mark(element) or not (
            iso_date(text_of(element)) or _date_attribute(element)
        ):
            continue
        before = element.getprevious()
        if before is None or not isinstance(before.tag, str) or _in_content_box(before, item):
            return None
        name = " ".join(_text_without_dates(before).split())
        link = before if before.tag == "a" else before.find(".//a")
        href = link.get("href") or "" if link is not None else ""
        if (
            0 < len(name) <= 40
            and HAS_WORD.search(name)
            and len(name.split()) <= 4
            and (name[-1] not in ".?!" or _INITIAL_END.search(name) is not None)
            and "comment" not in href
            and iso_date(name) is None
            and not is_comment_chrome(name)
        ):
            return name
        return None
    return None


def _dated_heading_author(own_list: list[html.HtmlElement]) -> str | None:
    """The name in a comment's heading that also holds its date, without markup for
    either: Bootstrap's "<h4 class=media-heading>Anna B. <small>12. August 2019</small>"."""
    heading = next((e for e in own_list if e.tag in HEADING_TAGS), None)
    if heading is None or not len(heading):
        return None
    # the name is the heading's own opening text, the date in the element after it
    name = " ".join((heading.text or "").split())
    date = " ".join(text_of(heading[0]).split())
    if not name or len(name) > 40 or len(date) > 40 or iso_date(date) is None:
        return None
    found = author_name(name)
    return found if found and len(found.split()) <= 4 and iso_date(found) is None else None


def _says_label_author(item: html.HtmlElement) -> str | None:
    """A signature item that is only "NAME says": classic Blogger's unlinked
    "<dt class=comment-author>Anonym hat gesagt…</dt>"."""
    text = " ".join(text_of(item).split())
    if len(text) > 80 or SAYS_LABEL.match(text) is None:
        return None
    return text


def _says_line_author(item: html.HtmlElement, own_list: list[html.HtmlElement]) -> str | None:
    """The comment's first line when it is "NAME says:" above what was said: "<p><a
    href=…>jdoe</a> said:</p>", "<p><b>Anna</b> schreibt:</p>".  Only the template's
    first line counts: a paragraph of the comment may quote someone ("My mother says:")."""
    first = next((element for element in own_list if element.text and element.text.strip()), None)
    line = first
    while line is not None and line.tag not in _LINE_TAGS and line is not item:
        line = line.getparent()
    if line is None or line is item or _in_content_box(line, item):
        return None
    text = " ".join(text_of(line).split())
    if len(text) > 80 or SAYS_LABEL.match(text) is None:
        return None
    name = SAYS_SUFFIX.sub("", text).strip(" :,-–—/|·•")
    # the template's line: classed, or the name set in a link or bold type of its own;
    # an unmarked "My mother says:" is a line someone typed
    marked = bool(line.get("class")) or (
        len(line) > 0 and " ".join(text_of(line[0]).split()) == name
    )
    return name if marked and HAS_WORD.search(name) and len(name.split()) <= 5 else None


def _date_attribute(element: html.HtmlElement) -> bool:
    return any(iso_date(element.get(a)) for a in _DATE_ATTRIBUTES)


def _text_without_dates(element: html.HtmlElement) -> str:
    """Text of an author box without the time some templates print inside it.

    "Rolf Buckpesch <time>29.07.2020</time>" names Rolf Buckpesch; the name is on the
    box's first line ("Martina Berg<br><span>Autor</span>").
    """
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br" and "".join(parts).strip():
            break  # the name's line ends; a role badge ("Autor") or the date follows
        if (
            isinstance(child.tag, str)
            and child.tag not in ("time", "script", "style")
            and not (child.tag != "a" and _DATE_CLASS.search(child.get("class") or ""))
        ):
            parts.append(_text_without_dates(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _innermost(
    ranked: list[tuple[int, html.HtmlElement]], item: html.HtmlElement
) -> list[html.HtmlElement]:
    """The elements of ``ranked`` (rank, element), without the boxes named for the author
    that hold a candidate ranked as high: Invision's author pane (``ipsComment_author``:
    name, group, post count) around the heading that names the author
    (``cAuthorPane_author``).  A loose hint ("user-info", "user-action-time") says too
    little to prefer the inner one."""
    if len(ranked) < 2:
        return [element for _rank, element in ranked]  # most comments: one mark or none
    return [
        outer
        for i, (rank, outer) in enumerate(ranked)
        if rank > _NAMED_RANK
        or not any(
            other <= rank and j != i and _holds(outer, inner, item)
            for j, (other, inner) in enumerate(ranked)
        )
    ]


def _holds(outer: html.HtmlElement, inner: html.HtmlElement, item: html.HtmlElement) -> bool:
    """True when ``outer`` holds ``inner``; the climb stops at the comment ``item`` (a
    reply nested a thousand deep is not climbed to the page's root)."""
    for ancestor in inner.iterancestors():
        if ancestor is outer:
            return True
        if ancestor is item:
            return False
    return False


_NAMED_RANK = 3
"""The loosest rank of :func:`_author_rank` whose class names the author's own box."""


def _author_rank(element: html.HtmlElement) -> int:
    classes = [kebab(c) for c in (element.get("class") or "").split()]
    if element.get("itemprop") in _AUTHOR_PROPS:
        return 0
    if "fn" in classes:
        return 1
    if any(c in ("author", "comment-author", "username", "user", "author-name") for c in classes):
        return 2
    if any(_NAME_TOKEN.search(c) for c in classes):
        return 3
    if element.tag == "cite":
        return 4
    return 5


def comment_date(own_list: list[html.HtmlElement]) -> str | None:
    """The date a comment was written (ISO), or None, from ``own_list``, its own
    elements (``walk_own(item, item, item_set)``)."""
    marked = [e for e in own_list if _is_date_mark(e)]
    # machine-readable attributes first, then the text people read
    for attribute in (*_DATE_ATTRIBUTES, None):
        for element in marked:
            found = iso_date(element.get(attribute) if attribute else text_of(element))
            if found:
                return found
    # no date markup: look for a date in the comment's own chrome ("— 2019-01-01 @ 00:39")
    for element in own_list:
        if element.tag in ("cite", "small", "a", "span", "p", "div", "footer", "header", "dt"):
            text = text_of(element)
            if len(text) <= 200:
                found = iso_date(text)
                if found:
                    return found
    # a bare date line after the author or a line break: "<span class=author>X</span><br/>
    # März 7, 2018" (the author box of many WordPress themes)
    for element in own_list:
        tail = (element.tail or "").strip()
        if tail and len(tail) <= 40 and (element.tag == "br" or _is_author_mark(element)):
            found = iso_date(tail)
            if found:
                return found
    # a relative age shown, the date as its tooltip: <a title="Dec 12, 2025, 6:16 PM">8d</a>
    for element in own_list:
        title = element.get("title")
        if title and len(text_of(element).strip()) <= 12:
            found = iso_date(title)
            if found:
                return found
    return None
