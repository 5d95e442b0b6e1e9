"""A comment's text: its content box, its paragraphs without replies and chrome, its title.

The content box is the element whose class or itemprop names the text
("comment-content", ``itemprop=text``); chrome is what a comment shows besides its
text (author and date boxes, reply and like links, "Jane says:").  The class tokens
here are markup, not language words.
"""

from __future__ import annotations

import re

from lxml import etree, html

from articlekit.comments.markup import (
    COMMENT_WORD,
    HAS_WORD,
    HEADING_TAGS,
    is_signature,
    kebab,
    text_length,
)
from articlekit.comments.phrases import (
    SAYS_SUFFIX,
    is_collapsed_chrome,
    is_collapsed_reply_form_line,
    is_comment_chrome,
    is_comment_header,
)
from articlekit.input.elements import text_of
from articlekit.languages import phrase_pattern, words
from articlekit.metadata.textdates import iso_date

__all__ = [
    "CONTENT_TOKEN",
    "SKIP_TAGS",
    "comment_text",
    "content_rank",
    "is_chrome_box",
    "walk_own",
]

# Parts of a comment that are not its text: who, when, buttons.
_CHROME_TOKEN = re.compile(
    r"author|avatar|meta|date|datum|fecha|time|zeit|heure|reply|actions?\b|vcard|byline|submitted|says|permalink|"
    # a quote's attribution: vBulletin's "bbcode_postedby" ("Originally Posted by NAME");
    # FluxBB's and PunBB's member card column beside the post ("postleft")
    r"posted[-_]?by|postleft|"
    r"edit|likes?\b|vote|rating|share|report|flag|user|username|profile|header|footer|"
    r"signature|badge|photo|image|icon|links|tools|controls|menu|info\b|details|"
    # a review signed by a name box alone ("review-name", "reviewer-name")
    r"reviewer|[-_]name\b"
)
CONTENT_TOKEN = re.compile(
    r"(?:comment|post|kommentar)[-_]?(?:content|text|message|body|entry|story)|"
    r"\b(?:content|text|message)\b|leserbrief_inner"
)
_BLOCK_TAGS = frozenset(
    "p div blockquote li ul ol dl dd dt pre h1 h2 h3 h4 h5 h6 table tr section article "  # noqa: SIM905
    "header footer aside figure figcaption form address center".split()
)
SKIP_TAGS = frozenset(
    "script style noscript form textarea button select input img svg iframe object "  # noqa: SIM905
    "embed template time".split()
)
_CONTENT_CLASS = re.compile(
    rf"^[a-z0-9_-]*(?:{COMMENT_WORD}|post|reply|forum|message|review)[a-z0-9_-]*?[-_]+"
    r"(?:content|text|message|story|msg|body|inner)$"
    r"|^(?:content|text|message|contenttext|entry-content|format-text|user-content)$"
    # a comment plugin's short prefix: Valine's "vcontent", Waline's "wl-content",
    # Twikoo's "tk-content"
    r"|^[a-z]{1,3}-?content$"
)
# What every _CONTENT_CLASS match ends with, in lower case: a cheap test before the regex.
_CONTENT_ENDS = re.compile("content|text|message|story|msg|body|inner")
_POST_NUMBER = re.compile(r"#\d+")
# A comment's own title: "<h5>Ach ja...</h5>" over the text (news sites, forums).
_TITLE_TOKEN = re.compile(r"(?:^|[-_])(?:title|titel|titre|titulo|subject|betreff)$")


def walk_own(
    element: html.HtmlElement, item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> list[html.HtmlElement]:
    """Descendants of ``element`` that belong to ``item`` itself (not to a reply), in order."""
    # most comments hold no reply: their elements are read in lxml's order, with no
    # stack of iterators; at the first reply (never listing what follows it, which in a
    # reply chain thousands deep is the whole chain) the walk below leaves replies out
    found: list[html.HtmlElement] = []
    for descendant in element.iterdescendants(etree.Element):
        if descendant in item_set and descendant is not item:
            break
        found.append(descendant)
    else:
        return found
    found = []
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or (child in item_set and child is not item):
            continue
        found.append(child)
        stack.append(iter(child))
    return found


def _is_chrome(element: html.HtmlElement) -> bool:
    tag = element.tag
    if not isinstance(tag, str):
        return True
    if tag in SKIP_TAGS or tag in HEADING_TAGS or tag == "cite":
        return True
    if not element.keys():
        # no class, id, role or itemprop (most of a comment's elements): of the rules
        # below only a bare link's can hold
        return tag == "a" and _is_bare_link(element)
    if is_signature(element):
        return True  # however long: a member's signature is never the post's text
    if element.tag == "a" and _is_own_anchor(element):
        return True  # K2's "<a href=#comment5 id=comment5>Comment Link</a>": a permalink
    if element.get("href") is None and (
        element.get("role") == "button" or (element.tag == "a" and _is_bare_link(element))
    ):
        return True  # a control set as a link: XenForo's "Click to expand..." under a quote
    if is_chrome_box(element):
        return True
    itemprop = (element.get("itemprop") or "").lower()
    return itemprop in ("author", "datecreated", "datepublished", "creator")


def is_chrome_box(element: html.HtmlElement) -> bool:
    """True for a box whose class or id names a post's chrome (report links, tools, the
    author and date boxes), short and without paragraphs."""
    hint = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if hint.strip() and _CHROME_TOKEN.search(hint) and not CONTENT_TOKEN.search(hint):
        # some templates put the whole comment inside the author box
        return text_length(element) <= 160 and element.find(".//p") is None
    return False


def _is_own_anchor(link: html.HtmlElement) -> bool:
    """A link to itself (``href="#x"`` on the element named ``x``): a comment's permalink."""
    href = link.get("href") or ""
    name = link.get("id") or link.get("name")
    return bool(name) and href == f"#{name}"


def _is_bare_link(link: html.HtmlElement) -> bool:
    """A link to nowhere (no href, name or id) with a label's text: a script's control."""
    return link.get("name") is None and link.get("id") is None and text_length(link) <= 40


def content_rank(element: html.HtmlElement) -> int:
    """How surely ``element`` is a comment's text box: 0 by itemprop, 1 "content",
    2 "body", 9 not at all."""
    itemprop = (element.get("itemprop") or "").lower()
    if itemprop in ("text", "commenttext", "articlebody", "reviewbody", "description"):
        return 0
    rank = 9
    classes = element.get("class")
    if classes is None:
        return rank
    lowered = classes.lower()
    if _CONTENT_ENDS.search(lowered) is None:
        return rank  # most boxes: no token can end like a text box's
    for token in classes.split():
        token = kebab(token).replace("_", "-")
        if _CONTENT_CLASS.match(token):
            # a "body" often still holds the author and date lines; prefer "content"
            rank = min(rank, 2 if token.endswith(("body", "inner")) else 1)
    return rank


def _content_element(item: html.HtmlElement, own: list[html.HtmlElement]) -> html.HtmlElement:
    best: html.HtmlElement | None = None
    best_rank = 9
    for element in own:
        rank = content_rank(element)
        if rank < best_rank and text_length(element) > 0:
            best, best_rank = element, rank
    return best if best is not None else item


def _paragraphs(
    element: html.HtmlElement, item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> list[str]:
    """The text of ``element`` as paragraphs, without replies and comment chrome."""
    paragraphs: list[str] = []
    current: list[str] = []
    _visit(element, item, item_set, current, paragraphs)
    _flush(current, paragraphs)
    # (flush wrote each paragraph collapsed: the chrome tests need not collapse it again)
    return [
        p
        for p in paragraphs
        if HAS_WORD.search(p)
        and not is_collapsed_chrome(p)
        and not is_collapsed_reply_form_line(p)
        and not _is_bare_date(p)
    ]


def _flush(current: list[str], paragraphs: list[str]) -> None:
    """Close the paragraph being read: its pieces, collapsed, go to ``paragraphs``."""
    line = " ".join(" ".join(current).split())
    current.clear()
    if line:
        paragraphs.append(line)


def _visit(
    node: html.HtmlElement,
    item: html.HtmlElement,
    item_set: set[html.HtmlElement],
    current: list[str],
    paragraphs: list[str],
) -> None:
    """Read ``node``'s text into ``current`` and finished paragraphs into ``paragraphs``.

    A module function, not a closure: a recursive closure is a reference cycle, which
    kept each comment's elements (and so the cut tree) alive until the garbage
    collector freed them, one costly collection on a page of thousands of comments.
    """
    if node.text:
        current.append(node.text)
    for child in node.iterchildren():
        if isinstance(child.tag, str) and not (child in item_set and child is not item):
            if child.tag == "br":
                # two <br> in a row end a paragraph; one is a line break inside it
                if current and current[-1] == "\n":
                    _flush(current, paragraphs)
                else:
                    current.append("\n")
            elif not _is_chrome(child) and not (
                child.tag == "a" and is_comment_chrome(text_of(child))
            ):
                block = child.tag in _BLOCK_TAGS
                if block:
                    _flush(current, paragraphs)
                _visit(child, item, item_set, current, paragraphs)
                if block:
                    _flush(current, paragraphs)
            elif child.tag in _BLOCK_TAGS:
                _flush(current, paragraphs)
        if child.tail:
            current.append(child.tail)


def _is_bare_date(text: str) -> bool:
    """True when ``text`` is a date and nothing else, as :func:`iso_date` writes it.

    What ``iso_date`` gives starts with a digit and has at most 200 characters, so
    other texts (most paragraphs) are known without reading them for a date.
    """
    return text[:1].isdigit() and len(text) <= 200 and iso_date(text) == text


def comment_text(
    item: html.HtmlElement,
    item_set: set[html.HtmlElement],
    author: str | None,
    own: list[html.HtmlElement],
) -> str:
    """The text of comment ``item``: its title and paragraphs, without its author and
    date lines, paragraphs apart by a blank line.  ``own`` is ``walk_own(item, item,
    item_set)``, walked once for all the rules that read the comment."""
    content = _content_element(item, own)
    paragraphs = _paragraphs(content, item, item_set)
    if not paragraphs and content is not item:
        paragraphs = _paragraphs(item, item, item_set)
    elif content is not item:
        paragraphs = _comment_title(content, own, author) + paragraphs
    kept: list[str] = []
    for paragraph in paragraphs:
        if "\n" in paragraph:
            # a paragraph of one line was tested whole for chrome by _paragraphs or
            # _comment_title already
            paragraph = _strip_line_chrome(paragraph)
        if not paragraph or (
            # (a paragraph that is the author's label holds the name: the cheap test first)
            author and author in paragraph and SAYS_SUFFIX.sub("", paragraph).strip(" :") == author
        ):
            continue
        if author and not kept and _SIGNED_BY_LABEL.search(paragraph):
            continue  # "Kommentar von" before the name in its own mark ("<cite>Mareike")
        if _POST_NUMBER.fullmatch(paragraph):
            continue  # "#3": the post's place in a forum thread, a permalink
        # "Max 05.03.2014 10:12": an author/date line of unmarked templates
        if len(paragraph) < 80 and len(paragraph.split()) <= 7 and iso_date(paragraph):
            continue
        kept.append(paragraph)
    return "\n\n".join(_without_signature_line(kept, author))


def _without_signature_line(paragraphs: list[str], author: str | None) -> list[str]:
    """``paragraphs`` without a short line that opens or closes the comment with its
    author's name and a date: the unmarked signature of Textpattern-like templates
    ("— Anna B. · 12 August 2019, 14:03 · #")."""
    if not author or len(paragraphs) < 2:
        return paragraphs

    def signs(line: str) -> bool:
        return len(line) <= _SIGNATURE_LINE and author in line and iso_date(line) is not None

    if signs(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    elif signs(paragraphs[0]):
        paragraphs = paragraphs[1:]
    return paragraphs


# The words before a commenter's name set in its own mark: "Kommentar von", "Posted by".
_SIGNED_BY_LABEL = re.compile(
    rf"^(?:\w+\s+){{0,2}}(?:{phrase_pattern(words('comments.signed_by'))})$", re.IGNORECASE
)
# The longest line read as a comment's signature (name, date, permalink marks).
_SIGNATURE_LINE = 100


def _comment_title(
    content: html.HtmlElement, own: list[html.HtmlElement], author: str | None
) -> list[str]:
    """The title the commenter gave, when it stands outside the text box; else []."""
    for element in own:
        if element is content:
            return []  # only a title before the text
        is_title = element.tag in HEADING_TAGS or any(
            _TITLE_TOKEN.search(kebab(t)) for t in (element.get("class") or "").split()
        )
        if not is_title:
            continue
        title = " ".join(text_of(element).split())
        if (
            3 <= len(title) <= 150
            and HAS_WORD.search(title)
            and not (author and title.startswith(author))  # "Critica vor 11 Wochen"
            and iso_date(title) is None
            and not is_comment_chrome(title)
            and not is_comment_header(title)
        ):
            return [title]
        return []
    return []


def _strip_line_chrome(paragraph: str) -> str:
    lines = [line.strip() for line in paragraph.split("\n")]
    kept = [line for line in lines if line and not is_comment_chrome(line)]
    return "\n".join(kept)
