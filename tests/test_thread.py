"""Forum threads and Q&A pages (comments/thread.py): which pages are threads, and
that a thread's text reaches the caller whole and in order."""

from __future__ import annotations

from pathlib import Path

from lxml import html

import articlekit
from articlekit.comments.thread import find_thread, without_shared_subjects
from articlekit.model import Comment

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _comment(number: int, name: str, text: str) -> str:
    return (
        f'<li id="comment-{number}" class="comment">'
        f'<div class="comment-author vcard"><cite class="fn">{name}</cite></div>'
        f'<time datetime="2024-05-0{number}T10:00:00">May {number}, 2024</time>'
        f"<p>{text}</p></li>"
    )


def test_a_story_with_reader_comments_is_not_a_thread() -> None:
    story = " ".join(["The council voted on Tuesday to close the old swimming pool."] * 30)
    comments = "".join(
        _comment(n, f"Reader {n}", f"I swam there every summer as a child, number {n}.")
        for n in range(1, 5)
    )
    page = (
        "<html><body><h1>Pool to close</h1>"
        '<p class="byline">By <a href="/author/jo" rel="author">Jo Park</a>, '
        '<time datetime="2024-05-01">May 1, 2024</time></p>'
        f"<p>{story}</p>"
        f'<section id="comments"><ol class="comment-list">{comments}</ol></section>'
        "</body></html>"
    )
    assert find_thread(html.document_fromstring(page)) is None
    article = articlekit.parse(page)
    assert article.text.startswith("The council voted")
    assert len(article.comments) == 4


def test_a_listing_of_signed_teasers_is_not_a_thread() -> None:
    teasers = "".join(
        f'<article id="post-{n}" class="post">'
        f'<h2><a href="/2024/05/story-{n}/">Story number {n} of the week</a></h2>'
        f'<span class="author"><a href="/author/sam">Sam</a></span>'
        f'<time datetime="2024-05-0{n}">May {n}, 2024</time>'
        f"<p>A short excerpt of story {n}, to make the reader click through to it.</p>"
        "</article>"
        for n in range(1, 6)
    )
    page = f"<html><body><h1>News</h1><main>{teasers}</main></body></html>"
    assert find_thread(html.document_fromstring(page)) is None


def test_a_phpbb_topic_opens_with_its_first_post() -> None:
    source = (FIXTURES / "forum-phpbb" / "source.html").read_bytes()
    thread = find_thread(html.document_fromstring(source))
    assert thread is not None
    assert thread.opening.get("id") == "p88101"
    assert [r.get("id") for r in thread.replies] == ["p88107", "p88112", "p88130"]


def test_the_whole_thread_in_one_call() -> None:
    source = (FIXTURES / "qa-stackexchange" / "source.html").read_bytes()
    article = articlekit.parse(source)
    text = article.to_text(comments=True)
    markdown = article.to_markdown(comments=True)
    pieces = [
        "My loaves rise well",
        "What hydration is the dough",
        "This is almost always over-proofing",
        "That was it: a four hour bulk",
        "Check your scoring too",
    ]
    for rendered in (text, markdown):
        places = [rendered.find(p) for p in pieces]
        assert all(p >= 0 for p in places), places
        assert places == sorted(places)
        assert all(rendered.count(p) == 1 for p in pieces)


def test_the_engines_reply_subject_goes_and_a_writers_own_stays() -> None:
    subject = "Re: Kiln shelf cracked on the first firing"
    comments = (
        Comment(id="p1", text=f"{subject}\n\nYour shelf was too close to the elements."),
        Comment(id="p2", text=f"{subject}\n\nDid you bisque it slowly?"),
        Comment(id="p3", text="Kiln wash matters\n\nPaint the shelf before every glaze firing."),
    )
    assert [c.text for c in without_shared_subjects(comments)] == [
        "Your shelf was too close to the elements.",
        "Did you bisque it slowly?",
        "Kiln wash matters\n\nPaint the shelf before every glaze firing.",
    ]


def test_a_greeting_two_of_five_replies_open_with_is_no_subject() -> None:
    texts = ["Hi all\n\nTry a lower cone.", "Hi all\n\nSame here.", "Cool.", "Yes.", "No idea."]
    comments = tuple(Comment(id=f"c{i}", text=t) for i, t in enumerate(texts))
    assert without_shared_subjects(comments) == comments


def test_the_starter_signs_a_thread_the_page_signs_nowhere_else() -> None:
    source = (FIXTURES / "forum-vbulletin" / "source.html").read_bytes()
    assert articlekit.parse(source).byline == "ridgeline_ray"


def test_a_later_page_of_a_thread_has_no_starter() -> None:
    # page 3 of the same thread: its first post answers one on an earlier page
    source = (FIXTURES / "forum-vbulletin" / "source.html").read_bytes()
    later = source.replace(
        b"<title>", b'<link rel="prev" href="showthread.php?t=40512&amp;page=2" />\n<title>'
    )
    article = articlekit.parse(later)
    assert article.comments and article.byline is None and article.authors == ()


def test_every_post_typed_a_comment_still_opens_with_the_first() -> None:
    # XenForo types the opening post a schema.org Comment like its replies
    source = (FIXTURES / "forum-xenforo" / "source.html").read_bytes()
    thread = find_thread(html.document_fromstring(source))
    assert thread is not None and thread.opening.get("id") == "js-post-391044"
    assert [r.get("id") for r in thread.replies] == [
        "js-post-391067",
        "js-post-391102",
        "js-post-391215",
    ]


def test_a_thread_is_dated_by_its_opening_post() -> None:
    # MyBB's "05-02-2021, 08:14 PM": a day-first guess gives 5 February
    source = (FIXTURES / "forum-mybb" / "source.html").read_bytes()
    assert articlekit.parse(source).date == "2021-05-02"
