"""Forum threads and Q&A pages: the opening post is the article, every reply a comment.

A thread is a run of signed posts (:mod:`.posts`) whose first post opens the page:
no article prose stands before it, so it is the page's main text and the posts after
it answer it (phpBB, XenForo, Discourse, Invision, vBulletin and the like).  Pages
that declare a question or a forum posting in schema.org (``QAPage``, ``Question``,
``DiscussionForumPosting``, in microdata or JSON-LD) may mark the opening post apart
from its answers (Stack Exchange's ``Question`` over ``Answer`` items): the declared
element opens the thread and the run after it holds the answers.

The rules stand on structure alone, so that a news story with a reader thread below
it is never read as a forum: its comments follow the story's prose, and a run of
reader comments (comment markup) opens a thread only on a page that declares one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from lxml import html

from articlekit.comments.body import is_chrome_box, walk_own
from articlekit.comments.items import find_items_in, is_site_widget
from articlekit.comments.markup import (
    is_area,
    is_item_candidate,
    is_signature,
    nearest,
    own_id,
    text_length,
    top_level,
)
from articlekit.comments.posts import MAX_CHECKED, PostRun, post_runs
from articlekit.comments.replies import has_reply_container_between
from articlekit.comments.sections import document_position
from articlekit.comments.signatures import comment_author, comment_date
from articlekit.input.elements import drop_element, put_text_before
from articlekit.input.xpath import boolean_query, element_query, text_query
from articlekit.model import Comment

__all__ = [
    "Thread",
    "find_thread",
    "opening_card",
    "thread_cuts",
    "thread_items",
    "without_shared_subjects",
]

MAX_PROSE_BEFORE = 1000
"""Article prose (characters) that may stand before an opening post:
a forum's notice or a thread's description, never a story."""

_DIGITS = re.compile(r"\d")
MIN_UNDECLARED_POSTS = 3
"""Posts (the opening one and two replies) that make a thread on a page declaring none."""

MAX_SUBJECT_CHARS = 150
"""A first paragraph longer than this is a reply's text, never its subject line."""
SHARED_SUBJECT_SHARE = 0.5
"""A subject line opening this share of the replies (two at least) is the engine's."""
POST_BOX_SHARE = 0.5
"""A blockquote holding more than this share of an opening post's text is its box."""
HELD_SHARE = 0.8
"""A member whose text is this much a run of posts inside it is a box around them."""

# schema.org types of a page that is a thread ("https://schema.org/QAPage", JSON-LD "@type")
_THREAD_TYPE = re.compile(r"(?:[/:\"]|^)(?:DiscussionForumPosting|QAPage|Question)\b")
_OPENING_TYPE = re.compile(r"[/:](?:DiscussionForumPosting|Question)\b")
_REPLY_PROP = frozenset(("comment", "suggestedanswer", "acceptedanswer"))
_REPLY_TYPE = re.compile(r"[/:](?:Answer|Comment)\b")
_COMMENT_TYPE = re.compile(r"[/:]Comment\b")
_REPLY_MARKED = element_query(".//*[@itemprop or @itemtype]")
_TYPED = element_query("//*[@itemtype]")
_TEXT_BOXES = element_query(
    ".//*[@itemprop='text' or @itemprop='articleBody'][not(ancestor::*[@itemprop='text'"
    " or @itemprop='articleBody'])]"
)
# Candidates for a forum signature (``markup.is_signature`` tells them apart).
_SIGNATURE_CANDIDATES = element_query(
    ".//*[contains(@class, 'ignature') or contains(@data-role, 'ignature')]"
)
_JSON_LD = element_query("//script[@type='application/ld+json']")
# Paragraphs before an opening post that are page furniture, not article prose.
# Text before an opening post that reads as prose: long runs of text outside links,
# page furniture and code (a story written in ``<div>``s and ``<br>``s counts too).
_PROSE_BEFORE = text_query(
    "preceding::text()[string-length(normalize-space()) >= 40][not(ancestor::a"
    " or ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside"
    " or ancestor::form or ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template or ancestor::button or ancestor::select or ancestor::head"
    " or ancestor::title or ancestor::h1 or ancestor::h2 or ancestor::h3)]"
)
_HEADLINE_BEFORE = element_query("preceding::h1[1]")
# the head's link to the previous page of a paged thread (an anchor's rel="prev" may be
# a disabled button on the first page)
_LATER_PAGE = boolean_query("boolean(//head/link[@rel='prev'][@href != ''])")
# A heading that links to another page: the title of a teaser, not of a post (whose
# headings link to the post itself, "#p123", or name its author: XenForo's h3.userText).
_TEASER_HEADING = boolean_query(
    ".//*[self::h1 or self::h2 or self::h3 or self::h4]//a[@href][not(contains(@href, '#')"
    " or @rel='author' or contains(@href, '/member') or contains(@href, '/user')"
    " or contains(@href, '/u/') or contains(@href, 'profile'))]"
)


@dataclass(frozen=True, slots=True)
class Thread:
    """A thread: the post that opens it and the posts that answer it, in page order."""

    opening: html.HtmlElement
    replies: tuple[html.HtmlElement, ...]
    rule: str
    """Why this is a thread, in words for ``--explain``."""


def find_thread(tree: html.HtmlElement) -> Thread | None:
    """The page's thread, or None when the page is not a forum thread or a Q&A page."""
    runs = post_runs(tree)
    runs = [run for run in runs[:6] if not _holds_run(run, runs)]
    if not runs:
        return None
    declared = _declares_thread(tree)
    opening = _declared_opening(tree) if declared else None
    for run in runs[:3]:
        thread = _thread_of(run, opening, declared)
        if thread is not None:
            return thread
    return None


def _thread_of(run: PostRun, opening: html.HtmlElement | None, declared: bool) -> Thread | None:
    first, *rest = run.members
    if run.lead is not None and declared and not _is_reply(run.lead):
        # an opening post rendered apart from the replies, on a page declaring a thread
        first, rest = run.lead, list(run.members)
    if _is_reply(first):
        # answers marked apart from the declared question that they answer
        if opening is not None and (_inside(first, opening) or _precedes(opening, first)):
            return Thread(opening, run.members, "schema.org question over its answers")
        if opening is None and declared and _all_comments(run) and not _prose_before(first):
            # every post marked a schema.org Comment, the first one too (XenForo): the
            # first opens the page right under its headline, so it is the opening post
            return Thread(
                first, tuple(rest), "declared thread: first of its posts, all marked alike"
            )
        return None
    if not declared and not _undeclared_posts(run):
        return None
    # a page declaring a thread may lead it with a summary or the rules; the thread
    # must still be most of the page's text
    allowed = max(MAX_PROSE_BEFORE, run.chars // 2) if declared else MAX_PROSE_BEFORE
    if _prose_before(first) > allowed:
        return None
    rule = "declared thread: first of the signed posts" if declared else "first of the signed posts"
    return Thread(first, tuple(rest), rule)


def _undeclared_posts(run: PostRun) -> bool:
    """True when ``run``, on a page that declares no thread, is a forum's posts: three
    or more, the first with a numbered id (its permalink's target, :func:`own_id`),
    none a reader comment nor in a comment area (the comment stage reads those), the
    first not a box holding the page's headline, and no teaser titles linking
    elsewhere."""
    first = run.members[0]
    return (
        len(run.members) >= MIN_UNDECLARED_POSTS
        and _DIGITS.search(own_id(first) or "") is not None
        and not any(is_area(a) for a in first.iterancestors() if a.tag not in ("body", "html"))
        and first.find(".//h1") is None
        and not any(is_item_candidate(e) for e in first.iter())
        and sum(1 for m in run.members[:MAX_CHECKED] if _TEASER_HEADING(m)) * 2
        < min(len(run.members), MAX_CHECKED)
    )


def _holds_run(run: PostRun, runs: list[PostRun]) -> bool:
    """True when the first member of ``run`` is a box around a run of posts, not a post."""
    first = run.members[0]
    length = text_length(first)
    return any(
        other is not run
        and len(other.members) > 2
        and other.chars >= HELD_SHARE * length
        and _inside(other.members[0], first)
        for other in runs
    )


def _declares_thread(tree: html.HtmlElement) -> bool:
    for element in _TYPED(tree):
        if _THREAD_TYPE.search(element.get("itemtype") or ""):
            return True
    return any(_THREAD_TYPE.search(script.text or "") for script in _JSON_LD(tree))


def _declared_opening(tree: html.HtmlElement) -> html.HtmlElement | None:
    """The first element typed as the thread's question or opening posting."""
    for element in _TYPED(tree):
        if _OPENING_TYPE.search(element.get("itemtype") or "") and text_length(element) > 0:
            return element
    return None


def _is_reply(element: html.HtmlElement) -> bool:
    """True when microdata marks ``element`` as an answer or a comment, or marks a box
    holding most of its text (a card inside the post's wrapper)."""
    if _marked_reply(element):
        return True
    half = text_length(element) / 2
    return any(_marked_reply(e) and text_length(e) >= half for e in _REPLY_MARKED(element))


def _all_comments(run: PostRun) -> bool:
    """True when every post of ``run`` is itself typed a schema.org ``Comment`` (never an
    ``Answer``, which a Q&A page keeps for what answers its question)."""
    return all(
        _COMMENT_TYPE.search(member.get("itemtype") or "") is not None for member in run.members
    )


def _marked_reply(element: html.HtmlElement) -> bool:
    props = (element.get("itemprop") or "").lower().split()
    return any(p in _REPLY_PROP for p in props) or (
        _REPLY_TYPE.search(element.get("itemtype") or "") is not None
    )


def _inside(element: html.HtmlElement, container: html.HtmlElement) -> bool:
    return any(a is container for a in element.iterancestors())


def _precedes(a: html.HtmlElement, b: html.HtmlElement) -> bool:
    """True when ``a`` starts before ``b`` in the page."""
    for node in b.itersiblings(preceding=True):
        if node is a:
            return True
    for ancestor in b.iterancestors():
        if ancestor is a:
            return True
        for node in ancestor.itersiblings(preceding=True):
            if node is a or _inside(a, node):
                return True
    return False


def _prose_before(element: html.HtmlElement) -> int:
    """Characters of prose (text runs of 40 or more outside links and furniture) between
    the page's headline and ``element``, or before ``element`` when no headline
    precedes it: what stands before the headline (a cookie notice, a site banner) is
    never the article."""
    prose = _prose_length(element)
    headline = _HEADLINE_BEFORE(element)
    return prose - _prose_length(headline[0]) if headline else prose


def _prose_length(element: html.HtmlElement) -> int:
    return sum(len(" ".join(str(text).split())) for text in _PROSE_BEFORE(element))


def opening_card(thread: Thread) -> tuple[str | None, str | None]:
    """The name and the day (``YYYY-MM-DD``) on the thread's opening post, read as a
    reply's author and date are: whoever started the thread wrote the page's article.
    Call before the content stage cleans the opening post (it cuts the member's card).

    No name on a later page of the thread (one that links the page before it): its
    first post answers one on an earlier page.  No day where the opening element holds
    the replies too, or shows a day after the first reply's (a question's box shows its
    last answer's date first).
    """
    own = walk_own(thread.opening, thread.opening, set())
    later_page = _LATER_PAGE(thread.opening.getroottree().getroot())
    name = None if later_page else comment_author(thread.opening, own)
    return name, _day_opened(thread, comment_date(own))


def _day_opened(thread: Thread, found: str | None) -> str | None:
    held = set(thread.opening.iter())
    if not found or any(reply in held for reply in thread.replies):
        return None
    if not thread.replies:
        return found[:10]
    first = thread.replies[0]
    answered = comment_date(walk_own(first, first, set()))
    # a thread opens before it is answered: a later date is a "last reply" line
    return found[:10] if not answered or found[:10] <= answered[:10] else None


def thread_items(thread: Thread, sections: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """The comments of ``thread`` in page order: its replies, and the comment items
    the comment stage found in ``sections`` (comments under a question or an answer),
    never the opening post nor what holds it."""
    replies = set(thread.replies)
    found: list[html.HtmlElement] = list(thread.replies)
    for section in sections:
        if is_site_widget(section):
            continue
        for item in find_items_in(section):
            if item in replies or item is thread.opening or _inside(thread.opening, item):
                continue
            if any(_inside(r, item) for r in thread.replies):
                continue  # a list around the replies, not a comment
            holder = nearest(item, replies)
            if holder is not None and not has_reply_container_between(holder, item):
                continue  # a part of a reply (its text box), not a comment under it
            found.append(item)
    return sorted(dict.fromkeys(found), key=document_position)


def thread_cuts(
    thread: Thread, sections: list[html.HtmlElement], items: list[html.HtmlElement]
) -> list[html.HtmlElement]:
    """What to cut from the page for ``thread``: the comment sections that do not hold
    the opening post, and every comment item (the replies among them)."""
    kept = [s for s in sections if s is not thread.opening and not _inside(thread.opening, s)]
    return sorted(top_level(list(dict.fromkeys(kept + items))), key=document_position)


def opening_page(thread: Thread) -> html.HtmlElement:
    """A page of the opening post alone, for the content stage to read as the article.

    The post (its text box, where microdata names one: ``itemprop=text``, so that a
    question's vote counts, "Asked 2 years ago" line and user card stay out) is moved
    out of the page tree, its tail left behind: the content stage then finds and
    cleans the post's text as it would a story's.  The member's signature under the
    post is left behind: it is under every post of theirs, never the post's text.
    Call after the replies are cut.
    """
    page = html.document_fromstring("<html><body></body></html>")
    body = page.find("body")
    boxes = _TEXT_BOXES(thread.opening)
    opening = boxes[0] if len(boxes) == 1 and text_length(boxes[0]) > 0 else thread.opening
    for signature in top_level([e for e in _SIGNATURE_CANDIDATES(opening) if is_signature(e)]):
        drop_element(signature)
    # the post's own chrome (report links, "Logged", edit notes) is cut as every reply's is
    for chrome in top_level([e for e in opening.iterdescendants("*") if is_chrome_box(e)]):
        drop_element(chrome)
    _unquote_post_box(opening)
    tail, opening.tail = opening.tail, None
    if tail:
        put_text_before(opening, tail)
    if body is not None:
        body.append(opening)
    return page


def _unquote_post_box(post: html.HtmlElement) -> None:
    """Read the blockquote that holds most of ``post``'s text as the post's box:
    vBulletin writes every post into ``blockquote.postcontent``, beside the member's
    card; an opening post that quotes something still says more of its own."""
    quote = next(post.iter("blockquote"), None)
    if quote is not None and text_length(quote) > POST_BOX_SHARE * text_length(post):
        quote.tag = "div"


def without_shared_subjects(comments: tuple[Comment, ...]) -> tuple[Comment, ...]:
    """``comments`` without the subject line the forum engine gives every reply.

    phpBB, FluxBB and vBulletin title each reply "Re: " and the topic's title unless
    its writer changes it: a first paragraph that opens half the replies or more is
    that automatic subject, not what anyone wrote.  A subject a writer gave their own
    reply is theirs alone and stays.
    """
    firsts = [_subject(c.text) for c in comments]
    counts = Counter(f for f in firsts if f)
    if not counts:
        return comments
    subject, count = counts.most_common(1)[0]
    if count < max(2, SHARED_SUBJECT_SHARE * len(comments)):
        return comments
    return tuple(
        replace(c, text=c.text[len(subject) :].lstrip()) if first == subject else c
        for c, first in zip(comments, firsts, strict=True)
    )


def _subject(text: str) -> str:
    """The first paragraph of ``text`` when a longer text follows it and it is short
    enough to be a subject line; else ""."""
    first, sep, rest = text.partition("\n\n")
    return first if sep and rest.strip() and len(first) <= MAX_SUBJECT_CHARS else ""
