"""Comment sections: found in each common markup, cut out whole, never swallowing the article."""

from __future__ import annotations

import pytest
from lxml import html

from articlekit.comments import extract_comments, find_comment_sections
from articlekit.model import Comment
from articlekit.tree import build_tree

ARTICLE = """
<article class="post hentry">
  <h1 class="entry-title">City council approves the new bridge</h1>
  <div class="entry-meta"><a href="#comments" class="comments-link">3 Comments</a>
    <span class="comments-link"><a href="#respond">Leave a comment</a></span></div>
  <div class="entry-content">
    <p>The city council voted on Tuesday to approve the construction of a new pedestrian
    bridge across the river, ending a debate that lasted more than four years.</p>
    <p>Work is expected to begin in the spring, and the bridge should open two years later,
    officials said after the vote.</p>
  </div>
</article>
"""

WORDPRESS = f"""<html><body><div id="content">{ARTICLE}
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;City council approves the new bridge&rdquo;</h2>
  <ol class="comment-list">
    <li id="comment-101" class="comment even thread-even depth-1 parent">
      <article id="div-comment-101" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><b class="fn">Maria Lopez</b>
            <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-101">
            <time datetime="2021-03-05T10:12:00+00:00">March 5, 2021 at 10:12 am</time></a></div>
        </footer>
        <div class="comment-content"><p>Finally a decision on the bridge.</p>
          <p>My kids will be able to walk to school.</p></div>
        <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
      </article>
      <ol class="children">
        <li id="comment-102" class="comment odd alt depth-2">
          <article id="div-comment-102" class="comment-body">
            <footer class="comment-meta">
              <div class="comment-author vcard"><b class="fn">Tom</b>
                <span class="says">says:</span></div>
              <div class="comment-metadata">
                <time datetime="2021-03-05T11:00:00+00:00">March 5, 2021</time></div>
            </footer>
            <div class="comment-content"><p>Two years is optimistic, I think.</p></div>
            <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>
          </article>
        </li>
      </ol>
    </li>
    <li id="comment-103" class="comment even thread-odd depth-1">
      <article id="div-comment-103" class="comment-body">
        <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b></div>
          <div class="comment-metadata"><time>June 7, 2021 at 9:05 pm</time></div></footer>
        <div class="comment-content"><p>Who pays for it?</p></div>
      </article>
    </li>
  </ol>
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply
      <small><a id="cancel-comment-reply-link" href="#respond">Cancel reply</a></small></h3>
    <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
      <p class="comment-notes">Your email address will not be published.
        Required fields are marked *</p>
      <p><textarea id="comment" name="comment"></textarea></p>
      <p class="form-submit"><input type="submit" value="Post Comment"></p>
    </form>
  </div>
</div></div></body></html>"""


def _comments(markup: str) -> tuple[Comment, ...]:
    return extract_comments(find_comment_sections(build_tree(markup)))


def _text_after_cut(markup: str) -> str:
    tree = build_tree(markup)
    for section in find_comment_sections(tree):
        section.getparent().remove(section)
    return " ".join(tree.text_content().split())


def test_wordpress_thread_with_nested_reply() -> None:
    comments = _comments(WORDPRESS)
    assert [c.id for c in comments] == ["comment-101", "comment-102", "comment-103"]
    first, reply, last = comments
    assert first.parent is None and reply.parent == "comment-101" and last.parent is None
    assert first.author == "Maria Lopez"
    assert first.date == "2021-03-05T10:12:00+00:00"
    assert (
        first.text == "Finally a decision on the bridge.\n\nMy kids will be able to walk to school."
    )
    assert reply.text == "Two years is optimistic, I think."
    assert last.author == "Ann" and last.date == "2021-06-07T21:05"


def test_wordpress_section_cut_whole_and_article_kept() -> None:
    rest = _text_after_cut(WORDPRESS)
    assert "pedestrian bridge" in rest and "Work is expected" in rest
    for gone in ("Finally a decision", "Leave a Reply", "Required fields", "thoughts on", "Tom"):
        assert gone not in rest
    # the article's links to the thread go too, and the byline line around them stays
    assert "3 Comments" not in rest and "Leave a comment" not in rest
    tree = build_tree(WORDPRESS)
    find_comment_sections(tree)
    assert tree.find(".//div[@class='entry-meta']") is not None


def test_no_reply_or_says_in_comment_text() -> None:
    for comment in _comments(WORDPRESS):
        assert "Reply" not in comment.text and "says:" not in comment.text


def test_schema_org_comments() -> None:
    markup = f"""<html><body>{ARTICLE}<section class="discussion">
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <span itemprop="author" itemscope itemtype="https://schema.org/Person">
          <span itemprop="name">Lee</span></span>
        <meta itemprop="dateCreated" content="2020-01-02">
        <div itemprop="text"><p>Great reporting.</p></div>
      </div>
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <span itemprop="author">Kim</span>
        <time itemprop="dateCreated" datetime="2020-01-03T08:00">3 Jan</time>
        <div itemprop="text">The bridge is too narrow.</div>
      </div></section></body></html>"""
    comments = _comments(markup)
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Lee", "2020-01-02", "Great reporting."),
        ("Kim", "2020-01-03T08:00", "The bridge is too narrow."),
    ]
    assert "Great reporting" not in _text_after_cut(markup)
    assert "pedestrian bridge" in _text_after_cut(markup)


def test_blogger_threads() -> None:
    markup = f"""<html><body>{ARTICLE}<div class="comments" id="comments">
      <h4>2 Kommentare:</h4>
      <div class="comments-content"><div id="comment-holder">
      <div class="comment-thread toplevel-thread"><ol id="top-ra">
        <li class="comment" id="c4265235981837780782">
          <div class="comment-block"><div class="comment-header">
            <cite class="user"><a href="#">Ruby</a></cite>
            <span class="datetime secondary-text">
              <a href="#">10. Oktober 2013 um 21:00</a></span></div>
            <p class="comment-content">Hey,<br><br>ein wirklich tolles Interview.</p>
            <span class="comment-actions"><a class="comment-reply">Antworten</a></span></div>
          <div class="comment-replies"><div class="comment-thread inline-thread"><ol>
            <li class="comment" id="c8091037830143968017">
              <div class="comment-block"><div class="comment-header">
                <cite class="user">Anna</cite></div>
                <p class="comment-content">Ja, die Verlage machen es einem nicht leicht :)</p>
                <span class="comment-actions"><a class="comment-reply">Antworten</a></span>
              </div></li></ol></div></div>
        </li></ol></div></div></div></div></body></html>"""
    comments = _comments(markup)
    assert [(c.id, c.parent, c.author) for c in comments] == [
        ("c4265235981837780782", None, "Ruby"),
        ("c8091037830143968017", "c4265235981837780782", "Anna"),
    ]
    assert comments[0].text == "Hey,\n\nein wirklich tolles Interview."
    assert comments[0].date == "2013-10-10T21:00"
    assert "Antworten" not in comments[1].text


def test_drupal_indented_replies() -> None:
    markup = f"""<html><body>{ARTICLE}
      <section id="comments" class="comment-wrapper"><h2 class="title">Comments</h2>
      <a id="comment-7"></a>
      <article class="comment first odd">
        <header><p class="submitted"><span class="username">Gerd</span> am
          <time datetime="2023-10-18T13:11:26+02:00">18. Oktober 2023</time></p></header>
        <div class="field field-name-comment-body"><p>Erster Kommentar zur Brücke.</p></div>
        <ul class="links inline"><li class="comment-reply"><a href="#">Antworten</a></li></ul>
      </article>
      <div class="indented">
        <a id="comment-8"></a>
        <article class="comment even"><header><p class="submitted">
          <span class="username">Petra</span></p></header>
          <div class="field field-name-comment-body"><p>Antwort auf Gerd.</p></div></article>
      </div>
      <article class="comment last odd"><header><p class="submitted">
        <span class="username">Uwe</span></p></header>
        <div class="field field-name-comment-body"><p>Dritter Kommentar.</p></div></article>
      </section></body></html>"""
    comments = _comments(markup)
    assert [c.text for c in comments] == [
        "Erster Kommentar zur Brücke.",
        "Antwort auf Gerd.",
        "Dritter Kommentar.",
    ]
    assert comments[1].parent == comments[0].id
    assert comments[0].parent is None and comments[2].parent is None
    assert comments[0].author == "Gerd" and comments[0].date == "2023-10-18T13:11:26+02:00"


def test_disqus_static_thread() -> None:
    markup = f"""<html><body>{ARTICLE}<div id="disqus_thread"><ul id="post-list">
      <li class="post" id="post-1"><div class="post-content">
        <header><span class="post-byline"><span class="author">alice</span></span>
          <span class="post-meta">
            <a class="time-ago" title="Monday, May 4, 2020 9:15 AM">2 years ago</a></span>
        </header>
        <div class="post-body">
          <div class="post-message"><p>First!</p><p>Second paragraph.</p></div></div>
      </div>
      <ul class="children"><li class="post" id="post-2"><div class="post-content">
        <header><span class="post-byline"><span class="author">bob</span></span></header>
        <div class="post-message"><p>Reply to alice.</p></div></div></li></ul>
      </li></ul></div></body></html>"""
    comments = _comments(markup)
    assert [(c.id, c.parent, c.author, c.text) for c in comments] == [
        ("post-1", None, "alice", "First!\n\nSecond paragraph."),
        ("post-2", "post-1", "bob", "Reply to alice."),
    ]
    assert comments[0].date == "2020-05-04T09:15"


def test_generic_kommentar_and_commentaire_containers() -> None:
    markup = f"""<html><body>{ARTICLE}<div class="kommentare">
      <div class="kommentar-item"><b>Max</b> <span class="datum">05.03.2014 10:12</span>
        <p>Sehr guter Artikel, danke.</p></div>
      <div class="kommentar-item"><b>Eva</b><p>Dem stimme ich zu.</p></div>
      </div></body></html>"""
    comments = _comments(markup)
    assert [c.text for c in comments] == ["Sehr guter Artikel, danke.", "Dem stimme ich zu."]
    assert comments[0].date == "2014-03-05T10:12"
    french = markup.replace("kommentar", "commentaire")
    assert len(_comments(french)) == 2


def test_no_evidence_no_section() -> None:
    # A lone "comment" class in the article and comment counters are not threads;
    # a counter linking to the thread is cut alone, never its surroundings.
    markup = f"""<html><body><div class="comment">{ARTICLE}</div>
      <ul><li class="comments"><a href="#comments">4</a></li><li>Home</li></ul>
      <p class="comment-count">12 comments</p></body></html>"""
    tree = build_tree(markup)
    sections = find_comment_sections(tree)
    assert [s.tag for s in sections] == ["a", "span", "li"]
    assert extract_comments(sections) == ()
    rest = _text_after_cut(markup)
    assert "pedestrian bridge" in rest and "Home" in rest


def test_article_inside_comment_class_is_not_swallowed() -> None:
    markup = f"""<html><body><div id="comments-open" class="has-comments">{ARTICLE}
      <div class="comment-list"><div class="comment" id="comment-1"><p>Nice.</p></div>
      <div class="comment" id="comment-2"><p>Agreed.</p></div></div></div></body></html>"""
    rest = _text_after_cut(markup)
    assert "pedestrian bridge" in rest
    assert "Nice." not in rest and "Agreed." not in rest
    assert [c.text for c in _comments(markup)] == ["Nice.", "Agreed."]


def test_sections_are_not_nested_and_in_page_order() -> None:
    tree = build_tree(WORDPRESS)
    sections = find_comment_sections(tree)
    assert [(s.tag, s.get("id")) for s in sections] == [
        ("a", None),
        ("span", None),
        ("div", "comments"),
    ]
    body = tree.find("body")
    assert all(s is not body for s in sections)


def test_deep_thread_is_bounded() -> None:
    inner = "<p>deepest</p>"
    for n in range(100, 0, -1):
        inner = (
            f'<li class="comment" id="comment-{n}"><div class="comment-content"><p>c{n}</p></div>'
            f'<ol class="children">{inner}</ol></li>'
        )
    markup = f'<html><body>{ARTICLE}<ol class="commentlist">{inner}</ol></body></html>'
    comments = _comments(markup)
    assert len(comments) == 100
    assert comments[1].parent == comments[0].id


def test_accepts_html_element_from_lxml() -> None:
    tree = html.document_fromstring(WORDPRESS)
    assert len(extract_comments(find_comment_sections(tree))) == 3


def test_heading_over_plain_list_of_signed_entries() -> None:
    markup = f"""<html><body>{ARTICLE}<div class="sect">
      <div class="secthead"><h2><span>Leserkommentare</span></h2></div>
      <ul class="sectbody">
        <li class="member" id="m1"><a class="person" href="#"><h4>Martin</h4></a>
          <time datetime="2020-01-14T13:47:02+01:00">14. 01. 2020, 13:47</time>
          <div class="objlink"><p>Wer wen über den Tisch zog, ist noch offen.</p></div></li>
        <li class="member" id="m2"><a class="person" href="#"><h4>Ute</h4></a>
          <time datetime="2020-01-14T14:00:00+01:00">14. 01. 2020, 14:00</time>
          <div class="objlink"><p>Den Posten abzulehnen war richtig.</p></div></li>
      </ul></div></body></html>"""
    comments = _comments(markup)
    assert [(c.text, c.date) for c in comments] == [
        ("Wer wen über den Tisch zog, ist noch offen.", "2020-01-14T13:47:02+01:00"),
        ("Den Posten abzulehnen war richtig.", "2020-01-14T14:00:00+01:00"),
    ]
    rest = _text_after_cut(markup)
    assert "Leserkommentare" not in rest and "pedestrian bridge" in rest


def test_reactions_heading_over_article_bullets_is_not_a_thread() -> None:
    markup = f"""<html><body>{ARTICLE}<h2>Reactions</h2>
      <ul><li>The mayor welcomed the vote as a step forward for the city.</li>
      <li>Opponents said the bridge would cost too much to maintain.</li></ul>
      </body></html>"""
    sections = find_comment_sections(build_tree(markup))
    assert [s.tag for s in sections] == ["a", "span"]  # the article's links to the thread


def test_product_reviews_list_is_read_as_comments() -> None:
    markup = f"""<html><body>{ARTICLE}<div class="product-reviews">
      <div class="review"><span class="review__author">S.</span>
        <div class="review__body"><p>Tastes great, arrived quickly.</p></div></div>
      <div class="review"><span class="review__author">D.</span>
        <div class="review__body"><p>Too bitter for me.</p></div></div>
      </div></body></html>"""
    comments = _comments(markup)
    assert [(c.author, c.text) for c in comments] == [
        ("S.", "Tastes great, arrived quickly."),
        ("D.", "Too bitter for me."),
    ]
    assert "Too bitter" not in _text_after_cut(markup)


def test_comments_off_still_cuts_the_thread_from_the_body() -> None:
    import articlekit

    article = articlekit.parse(WORDPRESS, options=articlekit.Options(comments=False))
    assert article.comments == ()
    assert "Finally a decision" not in article.text
    assert "pedestrian bridge" in article.text
    with_comments = articlekit.parse(WORDPRESS)
    assert [c.id for c in with_comments.comments] == ["comment-101", "comment-102", "comment-103"]
    assert "Finally a decision" not in with_comments.text


@pytest.mark.parametrize("token", ["commento-card", "komentarz", "reactie", "wpd-comment"])
def test_comment_class_words_in_other_languages_and_plugins(token: str) -> None:
    markup = f"""<html><body>{ARTICLE}<div class="list">
      <div class="{token}"><b>Ann</b><p>Nice one.</p></div>
      <div class="{token}"><b>Bo</b><p>Agreed.</p></div></div></body></html>"""
    assert [(c.author, c.text) for c in _comments(markup)] == [
        ("Ann", "Nice one."),
        ("Bo", "Agreed."),
    ]


def test_replies_beyond_the_depth_limit_keep_author_and_date() -> None:
    # 150 replies each nested in the last: far beyond Limits.max_depth
    opening = "".join(
        f'<li class="comment" id="comment-{n}"><article class="comment-body">'
        f'<footer><b class="fn">User {n}</b> <time datetime="2020-01-02">Jan 2</time></footer>'
        f'<div class="comment-content"><p>Reply number {n}.</p></div></article>'
        '<ol class="children">'
        for n in range(150)
    )
    markup = (
        f'<html><body>{ARTICLE}<ol class="commentlist">{opening}{"</ol></li>" * 150}'
        "</ol></body></html>"
    )
    comments = _comments(markup)
    assert len(comments) == 150
    assert all(c.text.endswith(f"Reply number {n}.") for n, c in enumerate(comments))
    # the comment cut at the limit itself is flattened; the replies lifted out keep their markup
    assert sum(c.author == f"User {n}" for n, c in enumerate(comments)) >= 148
    last = comments[-1]
    assert (last.author, last.date, last.text) == ("User 149", "2020-01-02", "Reply number 149.")
    assert last.parent is not None
