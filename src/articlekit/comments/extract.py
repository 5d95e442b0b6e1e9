"""Comments: reader comments, cut out of the page before content is located.

A comment section is found from its items, never from a class name alone: an
element is a comment when its markup says so (schema.org ``Comment``, an id
like ``comment-123``, a ``comment``/``kommentar`` class token) and the page
gives evidence that it is part of a thread (several such items, a numbered id,
or a comment-list container).  The section is then the highest ancestor whose
text is still nearly all comments, reply forms and headers, so the article
around it is never swallowed.  Reply forms (``#respond``, a form posting a
comment) are sections of their own, and so are the article's links to the
thread ("3 Comments", "Leave a comment"), cut alone.  Templates without any
comment markup are found by their header ("Leserkommentare" over a list of
dated entries); a list named for reader reviews counts as a thread too.

Each comment's ``parent`` is the nearest enclosing comment, or, for templates
that put replies in a following sibling (Drupal's ``div.indented``), the
comment just before that reply container.

This module holds the entry points; the rules are in :mod:`.hints`,
:mod:`.items`, :mod:`.sections`, :mod:`.replies`, :mod:`.body` and
:mod:`.signatures`.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import html

from articlekit.comments.body import comment_text, walk_own
from articlekit.comments.hints import scan
from articlekit.comments.items import (
    find_items,
    find_items_in,
    is_linkback,
    is_site_widget,
    is_teaser,
)
from articlekit.comments.markup import (
    HEADING_TAGS,
    TextLengths,
    own_id,
    text_length,
    top_level,
)
from articlekit.comments.replies import ReplyParents, with_owner_replies
from articlekit.comments.sections import (
    covered_lengths,
    document_position,
    form_roots,
    headers_before,
    heading_roots,
    thread_roots,
)
from articlekit.comments.signatures import comment_author, comment_date
from articlekit.input.named import NamedElements
from articlekit.model import Comment

__all__ = [
    "extract_comments",
    "extract_items",
    "find_comment_sections",
    "read_items",
    "section_rule",
]


def find_comment_sections(
    tree: html.HtmlElement,
    lengths: TextLengths | None = None,
    named: NamedElements | None = None,
) -> list[html.HtmlElement]:
    """The elements holding the page's comment threads, their headers and reply forms.

    Returned outermost first in document order, never nested, never ``body``.
    ``lengths`` measures text (share one with :func:`extract_comments` on the same,
    unchanged tree); ``named`` is the page's walk for words in attribute values, when
    the caller made one (see :func:`articlekit.comments.hints.scan`).
    """
    # one measure of text for every rule below: the items, measured when they are found,
    # are measured again as covered text, and the sections share their outer ancestors
    lengths = lengths if lengths is not None else TextLengths()
    candidates, forms = scan(tree, lengths, named)
    items = find_items(tree, candidates, lengths)
    covered = top_level(items + forms)
    covered_in = covered_lengths(covered, lengths)
    roots = thread_roots(items, covered_in, lengths)
    roots += form_roots(forms, covered, covered_in, lengths)
    roots += heading_roots(tree, roots)
    roots = top_level(list(dict.fromkeys(roots)))
    for root in list(roots):
        roots.extend(headers_before(root))
    return sorted(top_level(list(dict.fromkeys(roots))), key=document_position)


def section_rule(section: html.HtmlElement) -> str:
    """Why ``section`` was cut, in words for ``--explain``."""
    if section.tag in ("a", "span", "li", "p") and section.find(".//form") is None:
        return "link to the comment thread (count or 'leave a comment')"
    if section.tag in HEADING_TAGS:
        return "comment-section header"
    if section.tag == "form" or (section.get("id") or "") == "respond":
        return "reply form"
    return "comment thread: repeated comment items, comment class/id, reply form or header"


def extract_comments(
    sections: list[html.HtmlElement], lengths: TextLengths | None = None
) -> tuple[Comment, ...]:
    """One Comment per comment in ``sections``, in page order, replies with their parent.

    ``lengths`` is the measure :func:`find_comment_sections` used on the same tree, when
    it is unchanged since: each section's items are measured again as they are found.
    """
    lengths = lengths if lengths is not None else TextLengths()
    used_ids: set[str] = set()
    page_ids: set[str] = set()  # ids the page gave, as opposed to numbered here
    # read together: a Drupal reply container cut as a section of its own answers the
    # comment cut just before it ("article.comment" then "div.indented")
    items = [
        item
        for section in sections
        if not is_site_widget(section)
        for item in with_owner_replies(find_items_in(section, lengths))
    ]
    return _merge_repeats(read_items(items, 0, used_ids, page_ids), page_ids)


def extract_items(items: list[html.HtmlElement]) -> tuple[Comment, ...]:
    """One Comment per element of ``items`` (in page order), replies with their parent."""
    used_ids: set[str] = set()
    page_ids: set[str] = set()
    comments = read_items(with_owner_replies(items), 0, used_ids, page_ids)
    return _merge_repeats(comments, page_ids)


def read_items(
    items: list[html.HtmlElement], before: int, used_ids: set[str], page_ids: set[str]
) -> list[Comment]:
    """The Comments of ``items``, each item one comment; ``before`` comments were read
    already, and ``used_ids`` and ``page_ids`` are the ids taken so far."""
    comments: list[Comment] = []
    item_set = set(items)
    ids: dict[html.HtmlElement, str] = {}
    parents = ReplyParents(items, item_set)
    # Definition-list templates (Thesis: ``dt.comment`` then ``dd.comment``) sign the
    # comment in one item and write it in the next: the signature carries over.
    signed: tuple[html.HtmlElement, str | None, str | None] | None = None
    for item in items:
        if is_teaser(item, item_set) or is_linkback(item):
            continue
        own = walk_own(item, item, item_set)  # read by every rule below
        signs = _signs_next(item, item_set)
        if signs:
            own = [item, *own]  # the term's own words sign it ("… par Anna B.")
        author = comment_author(item, own)
        date = comment_date(own) or _footer_date(item, item_set)
        if author is None and date is None:
            author, date = _box_signature(item, item_set)
        text = "" if signs else comment_text(item, item_set, author, own)
        if not text:
            signed = (item, author, date) if author or date else None
            continue
        if signed is not None and item.getprevious() is signed[0]:
            author, date = author or signed[1], date or signed[2]
        signed = None
        comment_id = _comment_id(item, before + len(comments) + 1, used_ids)
        ids[item] = comment_id
        if comment_id == own_id(item):
            page_ids.add(comment_id)
        parent = parents.of(item, ids)
        comments.append(
            Comment(
                id=comment_id,
                parent=ids[parent] if parent is not None else None,
                author=author,
                date=date,
                text=text,
            )
        )
    return comments


def _signs_next(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> bool:
    """True for a ``dt`` whose comment is the ``dd`` item after it: the term is only
    the signature line ("1. Le lundi 12 août 2019, 14:03 par Anna"), never text."""
    body = item.getnext() if item.tag == "dt" else None
    return body is not None and body.tag == "dd" and body in item_set


def _box_signature(
    item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> tuple[str | None, str | None]:
    """The author and date of an item that is only a comment's text box (Livefyre's
    ``section.fyre-comment``), read from the box around it: the parent that holds no
    other comment and little besides the text (a header with the name and time)."""
    box = item.getparent()
    if box is None or box.tag in ("body", "html", "main", "ol", "ul"):
        return None, None
    besides = text_length(box) - text_length(item)
    if not 0 < besides <= _SIGNATURE_BOX or any(
        e in item_set for e in box.iterdescendants() if e is not item
    ):
        return None, None
    own = [
        e for e in walk_own(box, box, item_set) if e is not item and item not in e.iterancestors()
    ]
    return comment_author(box, own), comment_date(own)


# Text the box around a bare comment text may hold besides it: a name, a time, links.
_SIGNATURE_BOX = 200


def _footer_date(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> str | None:
    """The date in the ``dd`` boxes after a comment's ``dd`` (classic Blogger's
    ``dd.comment-footer``), up to the next comment."""
    if item.tag != "dd":
        return None
    for sibling in item.itersiblings():
        if sibling.tag != "dd" or sibling in item_set:
            return None
        found = comment_date(walk_own(sibling, sibling, item_set))
        if found:
            return found
    return None


def _comment_id(item: html.HtmlElement, index: int, used: set[str]) -> str:
    raw = own_id(item) or ""
    comment_id = raw if raw and raw not in used else f"comment-{index}"
    while comment_id in used:
        comment_id += "-"
    used.add(comment_id)
    return comment_id


def _merge_repeats(comments: list[Comment], page_ids: set[str]) -> tuple[Comment, ...]:
    """One Comment for a comment the page shows twice ("top comments" over the thread).

    The first copy stays, completed with the author or date only the second shows;
    replies to the second now answer the first.  Two copies that each carry the
    page's own id, or another author or date, are two comments (a double post);
    short texts ("Danke!") are said twice by different people and are kept.
    """
    first_of: dict[str, int] = {}
    alias: dict[str, str] = {}
    kept: list[Comment] = []
    for comment in comments:
        index = first_of.get(comment.text) if len(comment.text) >= 25 else None
        if index is None:
            first_of.setdefault(comment.text, len(kept))
            kept.append(comment)
            continue
        first = kept[index]
        if (
            (first.id in page_ids and comment.id in page_ids)
            or (first.author and comment.author and first.author != comment.author)
            or (first.date and comment.date and first.date != comment.date)
        ):
            kept.append(comment)
            continue
        alias[comment.id] = first.id
        kept[index] = replace(
            first, author=first.author or comment.author, date=first.date or comment.date
        )
    if not alias:
        return tuple(kept)
    return tuple(
        replace(c, parent=alias.get(c.parent, c.parent)) if c.parent in alias else c for c in kept
    )
