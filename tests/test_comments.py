"""Comment sections: found in each common markup, cut out whole, never swallowing the article."""

from __future__ import annotations

import pytest
from lxml import html

import articlekit
from articlekit.comments.extract import extract_comments, find_comment_sections
from articlekit.input.tree import build_tree
from articlekit.model import Comment

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


def test_drupal_indented_container_with_two_replies() -> None:
    # both replies sit in one "indented" container: each answers the comment before it
    reply = """<article class="comment"><header><p class="submitted">
      <span class="username">{name}</span></p></header>
      <div class="field field-name-comment-body"><p>{text}</p></div></article>"""
    markup = f"""<html><body>{ARTICLE}
      <section id="comments" class="comment-wrapper"><h2 class="title">Comments</h2>
      <article class="comment"><header><p class="submitted">
        <span class="username">Gerd</span></p></header>
        <div class="field field-name-comment-body"><p>Wann wird die Brücke fertig?</p></div>
      </article>
      <div class="indented">
        {reply.format(name="Petra", text="Im Frühjahr, sagt die Stadt.")}
        {reply.format(name="Uwe", text="Das hieß es letztes Jahr auch.")}
      </div>
      {reply.format(name="Ines", text="Der Radweg fehlt noch.")}
      </section></body></html>"""
    comments = _comments(markup)
    assert [(c.author, c.parent) for c in comments] == [
        ("Gerd", None),
        ("Petra", comments[0].id),
        ("Uwe", comments[0].id),
        ("Ines", None),
    ]


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


@pytest.mark.parametrize(
    ("author_box", "date_box", "author", "date"),
    [
        # achgut.com: German class names
        (
            '<span class="autor">Karsten Dörre</span>',
            '<span class="datum">22.04.2020</span>',
            "Karsten Dörre",
            "2020-04-22",
        ),
        # nnz-online / kyffhaeuser-nachrichten: "benutzer" and "datum"
        (
            '<div class="benutzer">Harzer66</div>',
            '<div class="datum">31.10.2023, 19.18 Uhr</div>',
            "Harzer66",
            "2023-10-31T19:18",
        ),
        # mactechnews / bauemotion: camelCase widget classes
        (
            '<span class="MtnCommentAccountName">macbacchi</span>',
            '<p class="cssCommentTimestamp">20.01.2017</p>',
            "macbacchi",
            "2017-01-20",
        ),
    ],
)
def test_author_and_date_boxes_named_in_other_languages_and_camel_case(
    author_box: str, date_box: str, author: str, date: str
) -> None:
    markup = f"""<html><body>{ARTICLE}<div class="comment_entries">
      <div class="leserbrief">{author_box}{date_box}<p>Ganz meiner Meinung.</p></div>
      <div class="leserbrief">{author_box}{date_box}<p>Sehe ich anders.</p></div>
      </div></body></html>"""
    assert [(c.author, c.date) for c in _comments(markup)] == [(author, date)] * 2


def test_author_box_holding_the_time_names_only_the_author() -> None:
    # golfpost.de: the permalink time sits inside the author box
    markup = f"""<html><body>{ARTICLE}<ol class="commentlist">
      <li class="comment" id="comment-63215"><div class="comment-content">
        <div class="comment-author">Rolf Buckpesch <span><a href="#comment-63215"
          title="Permalink"><time datetime="2020-07-29">29.07.2020 // 12:56</time></a></span></div>
        <p>Carlo Knauss ist wirklich zu ertragen.</p></div></li></ol></body></html>"""
    [comment] = _comments(markup)
    assert (comment.author, comment.date) == ("Rolf Buckpesch", "2020-07-29")


def test_name_box_beats_the_author_container_with_stats() -> None:
    # mtb-news.de: the author container also holds "member since" and profile links
    markup = f"""<html><body>{ARTICLE}<div class="comments"><ol class="mtbnewsCommentList">
      <li class="comment" id="comment-1"><div class="mtbnewsCommentAuthorContainer">
        <p class="mtbnewsCommentAuthorName"><a href="/m/36162/">dasK</a></p>
        <p class="mtbnewsCommentAuthorRegisterDate">dabei seit 12/2004</p></div>
        <div class="mtbnewsCommentMessage">Und peng! Als Trail unwürdig geoutet!</div></li>
      <li class="comment" id="comment-2"><div class="mtbnewsCommentAuthorContainer">
        <p class="mtbnewsCommentAuthorName"><a href="/m/1/">JensDey</a></p></div>
        <div class="mtbnewsCommentMessage">So gehts auch.</div></li></ol></div></body></html>"""
    assert [c.author for c in _comments(markup)] == ["dasK", "JensDey"]


def test_member_title_under_the_name_is_not_the_author() -> None:
    # FluxBB: the name in a bare <dt>, the member's rank in dd.usertitle under it, the
    # card in a column of its own beside the post
    posts = "".join(
        f"""<li class="comment" id="comment-{i}"><div class="postleft"><dl>
        <dt><strong>{name}</strong></dt><dd class="usertitle"><strong>Member</strong></dd>
        <dd><span>Posts: 1,571</span></dd>
        <dd class="usercontacts"><a href="https://example.org/">Website</a></dd></dl></div>
        <div class="postmsg"><p>{text}</p></div></li>"""
        for i, (name, text) in enumerate(
            [("seth", "Make the window tall and narrow."), ("Allan", "It is still maintained.")]
        )
    )
    markup = f"""<html><body>{ARTICLE}<div class="comments"><ol>{posts}</ol></div></body></html>"""
    comments = _comments(markup)
    assert [c.author for c in comments] == ["seth", "Allan"]
    # the member card column (FluxBB's "postleft") is not the post's text
    assert [c.text for c in comments] == [
        "Make the window tall and narrow.",
        "It is still maintained.",
    ]


def test_comment_body_field_is_not_an_author_box() -> None:
    # Drupal: "field--name-comment-body" names a field, not a person
    markup = f"""<html><body>{ARTICLE}<div class="comments">
      <article id="comment-214106" typeof="schema:Comment" class="comment">
        <footer><h6>Heidemarie Heim | Di, 21. April 2020 - 16:40</h6></footer>
        <div class="field--name-comment-body">
          <p><a href="/comment/214106" class="permalink">Wo und wie</a></p></div>
        <div class="field field--name-comment-body"><p>Vielen Dank für diese Einblicke!</p></div>
      </article></div></body></html>"""
    [comment] = _comments(markup)
    assert comment.author == "Heidemarie Heim"
    assert comment.text.endswith("Vielen Dank für diese Einblicke!")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("geschrieben von berg2012 am 21. Jan. 2015, 19:04", "berg2012"),
        ("#1 von tObIas Vx 29.12.2010 - 22:40", "tObIas Vx"),
        ("Par Yves Leclercq, le mercredi 15 mai 2019 à 09h23", "Yves Leclercq"),
        ("Claude - Le 24/11/2019 à 18:19:59", "Claude"),
        ("Posted by Jane Doe on March 5, 2021", "Jane Doe"),
    ],
)
def test_signature_line_names_the_author(line: str, author: str) -> None:
    markup = f"""<html><body>{ARTICLE}<ol class="commentlist">
      <li class="comment" id="comment-1"><div class="metas">{line}</div>
        <div class="content"><p>Ich hätte eine andere Erklärung.</p></div></li>
      </ol></body></html>"""
    [comment] = _comments(markup)
    assert comment.author == author
    assert comment.date is not None


def test_signature_line_needs_a_date() -> None:
    markup = f"""<html><body>{ARTICLE}<ol class="commentlist">
      <li class="comment" id="comment-1"><div class="metas">Antwort von Herzen, danke</div>
        <div class="content"><p>Ich hätte eine andere Erklärung.</p></div></li>
      </ol></body></html>"""
    [comment] = _comments(markup)
    assert comment.author is None


def test_definition_list_thread_signs_in_dt_and_writes_in_dd() -> None:
    # Thesis theme: dt.comment holds who and when, dd.comment what was said
    markup = f"""<html><body>{ARTICLE}<div id="comments"><dl id="comment_list">
      <dt class="comment" id="comment-1769281"><span class="comment_author">Armanox</span>
        <span class="comment_time"><a href="#comment-1769281">June 28, 2015 at 10:25 pm</a></span>
      </dt><dd class="comment"><div class="format_text" id="comment-body-1769281">
        <p>Really, no Shagrath?</p></div></dd>
      <dt class="comment" id="comment-1769282"><span class="comment_author">Leo</span>
        <span class="comment_time"><a href="#comment-1769282">July 23, 2015 at 3:20 pm</a></span>
      </dt><dd class="comment"><div class="format_text" id="comment-body-1769282">
        <p>Where is Mike Patton?</p></div></dd></dl></div></body></html>"""
    comments = _comments(markup)
    assert [(c.author, c.date, c.text) for c in comments] == [
        ("Armanox", "2015-06-28T22:25", "Really, no Shagrath?"),
        ("Leo", "2015-07-23T15:20", "Where is Mike Patton?"),
    ]


def test_shop_reply_inside_a_review_is_a_reply_comment() -> None:
    # Judge.me: the shop answers inside the review box; the review keeps its own text
    markup = f"""<html><body>{ARTICLE}<div class="jdgm-rev-widg__reviews">
      <div class="jdgm-rev"><span class="jdgm-rev__timestamp"
          data-content="2020-02-21 09:40:20 UTC"></span>
        <span class="jdgm-rev__author">D.</span>
        <div class="jdgm-rev__content"><div class="jdgm-rev__body">
          <p>Der Geschmack war kaum von Tchibo zu unterscheiden.</p></div></div>
        <div class="jdgm-rev__reply"><b class="jdgm-rev__replier"></b>
          <div class="jdgm-rev__reply-content"><p>Hallo Dieter, danke für dein Feedback.
            Schreib uns gerne, wie du deinen Kaffee zubereitest.</p></div></div></div>
      <div class="jdgm-rev"><span class="jdgm-rev__timestamp"
          data-content="2020-02-15 16:14:54 UTC"></span>
        <span class="jdgm-rev__author">D.E.</span>
        <div class="jdgm-rev__content"><div class="jdgm-rev__body">
          <p>Der Kaffee duftet herrlich.</p></div></div>
        <div class="jdgm-rev__reply"></div></div></div></body></html>"""
    first, reply, second = _comments(markup)
    assert (first.author, first.date, first.text) == (
        "D.",
        "2020-02-21T09:40:20",
        "Der Geschmack war kaum von Tchibo zu unterscheiden.",
    )
    assert reply.parent == first.id and reply.text.startswith("Hallo Dieter")
    assert (second.author, second.parent) == ("D.E.", None)


def test_wordpress_reply_link_box_is_not_a_reply() -> None:
    [first, second, third] = _comments(WORDPRESS)
    assert second.parent == first.id and third.parent is None


def test_moderation_form_around_the_thread_holds_its_comments() -> None:
    # webSPELL: the thread sits in a form posting to comments.php?delete, without a text box
    markup = f"""<html><body>{ARTICLE}<form name="form" method="post"
      action="comments.php?delete=true"><a href="?sorttype=ASC">Sortierung:</a>
      <table><tr><td class="title"><div>#1 von <a class="titlelink" href="?id=91"><b>tObIas
        Vx</b></a> <i>29.12.2010 - 22:40</i></div></td></tr>
        <tr><td><div>n1<br/>ich werde wohl auch auf die Mega Lan kommen</div></td></tr></table>
      </form></body></html>"""
    [comment] = _comments(markup)
    assert (comment.author, comment.date) == ("tObIas Vx", "2010-12-29T22:40")
    assert comment.text == "n1 ich werde wohl auch auf die Mega Lan kommen"
    assert "Mega Lan" not in _text_after_cut(markup)


@pytest.mark.parametrize(
    "notice",
    [
        '<div class="td-warning-comment">Please enter your comment!</div>',
        '<div class="button add-comment">Kommentar hinzufügen</div>',
        '<h3 class="box-info" id="newcomment">Vielen Dank für Ihren Kommentar.</h3>',
        '<p class="must-log-in td-login-comment">Log in to leave a comment</p>',
        '<div id="DlgReportComment">In diesem Kommentar sind Beleidigungen verboten.</div>',
    ],
)
def test_prompts_and_notices_named_comment_are_not_comments(notice: str) -> None:
    markup = f"""<html><body>{ARTICLE}<div class="comments" id="comments">{notice}
      </div></body></html>"""
    assert _comments(markup) == ()


def test_latest_comments_box_of_links_gives_no_comments() -> None:
    # nnz-online: "Letzte Kommentare" lists titles linking to comments on other articles
    markup = f"""<html><body>{ARTICLE}<div class="box"><h1>Letzte Kommentare</h1><ul>
      <li class="kommentar"><a href="/news.php?ArtNr=335853#167559"
        title="06.11.2023, 13.47 Uhr">Quantensprung? Wohl eher ein kleiner Schritt.</a></li>
      <li class="kommentar"><a href="/news.php?ArtNr=335860#167558"
        title="06.11.2023, 13.09 Uhr">Gut gemeint ist nicht immer gut gemacht...</a></li>
      </ul></div></body></html>"""
    assert _comments(markup) == ()


def test_comment_title_over_the_text_is_kept() -> None:
    # nnz-online / kyffhaeuser-nachrichten: the reader's title is an h5 above the text box
    markup = f"""<html><body>{ARTICLE}<div class="kommentare">
      <div class="kommentar-item"><div class="kommentar-info"><div class="benutzer">Harzer66</div>
        <div class="datum">31.10.2023, 19.18 Uhr</div></div><h5>Ach ja...</h5>
        <div class="kommentar-text">es gab dieses Jahr echt Regen.</div></div>
      <div class="kommentar-item"><div class="kommentar-info">
        <h5 class="benutzer">Critica vor 11 Wochen</h5></div>
        <div class="kommentar-text">Daran, dass die Autohändler als erste öffnen.</div></div>
      </div></body></html>"""
    first, second = _comments(markup)
    assert (first.author, first.text) == ("Harzer66", "Ach ja...\n\nes gab dieses Jahr echt Regen.")
    assert second.text == "Daran, dass die Autohändler als erste öffnen."


def test_recent_comments_widget_is_cut_but_not_read() -> None:
    # WordPress' "widget_recent_comments" lists comments on other posts of the site
    markup = f"""<html><body>{ARTICLE}<aside class="widget widget_recent_comments">
      <h2 class="widget-title">Kommentare</h2><ul id="recentcomments">
      <li class="recentcomments"><span class="comment-author-link"><a href="https://a.net"
        class="url">Alexander</a></span> bei <a href="/moocs/#comment-21237">MOOCs –
        Ein Selbstversuch</a></li>
      <li class="recentcomments"><span class="comment-author-link"><a href="https://g.at"
        class="url">Martina Krobath</a></span> bei <a href="/moocs/#comment-21221">MOOCs –
        Ein Selbstversuch</a></li></ul></aside></body></html>"""
    assert find_comment_sections(build_tree(markup))[-1].tag == "aside"
    assert _comments(markup) == ()


def test_bare_date_line_after_the_author() -> None:
    # a WordPress theme: author span, line break, then the date as plain text
    markup = f"""<html><body>{ARTICLE}<ol class="commentlist">
      <li class="comment" id="li-comment-22208"><div id="comment-22208" class="comment-body">
        <div class="extra-wrap"><span class="author">happyface313</span><br/>
        März 7, 2018 <p>Vielen Dank, liebe Dottoressa!</p></div></div></li>
      </ol></body></html>"""
    [comment] = _comments(markup)
    assert (comment.author, comment.date, comment.text) == (
        "happyface313",
        "2018-03-07",
        "Vielen Dank, liebe Dottoressa!",
    )


def test_opinion_category_teasers_are_not_comments() -> None:
    # German sites file opinion pieces under "Kommentar"; a related-posts grid shows the term
    markup = f"""<html><body>{ARTICLE}<div class="ee-grid">
      <div class="ee-grid__item"><article class="ee-post post type-post category-kommentar">
        <h3><a href="/a">Kaisers royaler Wochenrückblick</a></h3>
        <ul><li class="ee-post__terms__term ee-term ee-term--kommentar">Kommentar</li></ul>
      </article></div></div></body></html>"""
    assert _comments(markup) == ()


def test_profile_link_names_the_author() -> None:
    # kochbar.de: the only trace of the author is the link to their profile
    markup = f"""<html><body>{ARTICLE}<div id="kb-comments">
      <div class="kb-comment"><div class="kb-recipe-comment-box-middle">
        <time datetime="2020-09-23T18:19:06+02:00">23.09.20 | 18:19</time>
        <a href="https://www.kochbar.de/user/Rezeptsammlerin.html">Rezeptsammlerin</a><br/>
        <div class="rtli-left">da ich meine Tomaten <a href="/user/emari.html">emari</a>
          zum Anrichten so schneide</div></div></div>
      <div class="kb-comment"><div class="kb-recipe-comment-box-middle">
        <div class="rtli-left"><p>Danke <a href="/user/emari.html">emari</a>!</p></div>
      </div></div></div></body></html>"""
    first, second = _comments(markup)
    assert (first.author, first.date) == ("Rezeptsammlerin", "2020-09-23T18:19:06+02:00")
    assert first.text.startswith("da ich meine Tomaten")
    assert second.author is None  # a mention inside the text is not a signature


def test_comment_shown_twice_is_one_comment() -> None:
    # mtb-news.de: "top comments" (with author) repeat comments of the thread (without)
    text = "Und peng! Als Trail unwürdig geoutet! Zurück aufs Trekkingbike."
    markup = f"""<html><body>{ARTICLE}<div class="comments-top"><ol>
      <li class="comment"><span class="comment-author">dasK</span><p>{text}</p></li>
      <li class="comment"><span class="comment-author">Haentz</span><p>Echt jetzt?</p></li>
      </ol></div><ol class="commentlist">
      <li class="comment" id="comment-17896844"><p>{text}</p>
        <ol class="children"><li class="comment" id="comment-17896845"><p>Stimmt.</p></li></ol>
      </li></ol></body></html>"""
    comments = _comments(markup)
    assert [(c.author, c.text) for c in comments] == [
        ("dasK", text),
        ("Haentz", "Echt jetzt?"),
        (None, "Stimmt."),
    ]
    assert comments[2].parent == comments[0].id


def test_double_post_with_its_own_ids_stays_two_comments() -> None:
    text = "Wenn der Haimbuchner wüsste, was der Nikolaus alles weiß."
    markup = f"""<html><body>{ARTICLE}<ol class="commentlist">
      <li class="comment" id="comment-151991"><b class="fn">RLoecker</b><p>{text}</p></li>
      <li class="comment" id="comment-151992"><b class="fn">RLoecker</b><p>{text}</p></li>
      </ol></body></html>"""
    assert [c.id for c in _comments(markup)] == ["comment-151991", "comment-151992"]


def test_wpdiscuz_replies_nested_without_a_list_keep_their_parent() -> None:
    # wpDiscuz: div.wc-comment.wc-reply sits straight inside the comment it answers
    def wc(cid: str, parent: str, author: str, text: str, inner: str = "") -> str:
        reply = " wc-reply" if parent != "0" else " wpdiscuz-root-comment"
        return (
            f'<div id="wc-comm-{cid}_{parent}" class="wc-comment{reply}">'
            f'<div id="comment-{cid}" class="wc-comment-right">'
            f'<div class="wc-comment-header"><div class="wc-comment-author">{author}</div></div>'
            f'<div class="wc-comment-text"><p>{text}</p></div></div>{inner}</div>'
        )

    thread = wc(
        "803230",
        "0",
        "H. Priess",
        "President Trump interessiert der Nahe Osten nicht mehr.",
        wc(
            "803441",
            "803230",
            "Bummi",
            "Haben Sie sich mal die Militärbudgets angeschaut?",
            wc("803475", "803441", "benali", "Die Russen waren pleite."),
        )
        + wc("803401", "803230", "schukow", "Putin ist am stärksten, wenn er nicht angreift."),
    )
    markup = f"""<html><body>{ARTICLE}<div id="comments" class="comments-area">
      <div id="wcThreadWrapper" class="wc-thread-wrapper">{thread}</div></div></body></html>"""
    comments = _comments(markup)
    assert [(c.id, c.parent, c.author) for c in comments] == [
        ("wc-comm-803230_0", None, "H. Priess"),
        ("wc-comm-803441_803230", "wc-comm-803230_0", "Bummi"),
        ("wc-comm-803475_803441", "wc-comm-803441_803230", "benali"),
        ("wc-comm-803401_803230", "wc-comm-803230_0", "schukow"),
    ]


def test_short_comment_text_with_a_date_is_not_a_signature() -> None:
    markup = f"""<html><body>{ARTICLE}<ol class="commentlist">
      <li class="comment" id="comment-1"><div class="comment-content">Anna - am 5. Mai 2019
        war ich selbst dort</div></li></ol></body></html>"""
    [comment] = _comments(markup)
    assert comment.author is None


def test_every_hint_word_passes_the_gate_of_the_walk() -> None:
    """_hinted tests a joined string of attribute values before its rules: each word of
    each rule must pass that gate, or adding a word to a rule would silently do nothing."""
    from articlekit.comments import hints as comments

    class_words = comments._CLASS_HINT.pattern.split("|")
    id_words = [*comments._ID_HINT.pattern.split("|"), *comments._ID_NAMES]
    markup = "".join(
        [
            *(f'<div class="x{word}y">c</div>' for word in class_words),
            *(f'<div id="{word}">i</div>' for word in id_words),
            f'<span data-x="{comments._ANY_ATTRIBUTE_HINT}">a</span>',
            f'<a href="/post{comments._LINK_HINT}">l</a>',
            '<div class="plain" id="main"><p title="nothing">text</p></div>',
        ]
    )
    root = html.fromstring(f"<html><body>{markup}</body></html>")
    found = comments._hinted(root)
    assert len(found) == len(class_words) + len(id_words) + 2
    assert all(e.get("class") != "plain" and e.tag != "p" for e in found)


def test_camel_case_tokens_read_as_words() -> None:
    from articlekit.comments.markup import kebab as _kebab

    assert _kebab("mtbnewsCommentContainer") == "mtbnews-comment-container"
    assert _kebab("comment-list") == "comment-list"
    assert _kebab("Comments2Go") == "comments2-go"
    assert _kebab("ÉCommentaire") == "écommentaire"


@pytest.mark.parametrize(
    ("name", "count", "last_id", "last_parent"),
    [
        # 20,000 top-level comments in one list: each its own thread
        ("flat_comments_20k", 20_000, "comment-19999", None),
        # a reply chain 20,000 deep: beyond max_depth the tree lifts the replies beside
        # the deepest comment kept, so they answer the comment above it
        ("deep_comments_2mb", 19_879, "comment-19879", "comment-2"),
    ],
)
def test_big_threads_keep_every_comment(
    name: str, count: int, last_id: str, last_parent: str | None
) -> None:
    from hostile_inputs import BY_NAME

    comments = articlekit.parse(BY_NAME[name].build()).comments
    assert len(comments) == count
    assert (comments[-1].id, comments[-1].parent) == (last_id, last_parent)


STORY = """<html><body><main><article class="story"><h1>Rain barrels for every allotment</h1>
<div class="story-body">
<p>The county will pay half the cost of a rain barrel for every allotment holder who applies
before the end of June, the council decided on Monday evening.</p>
<p>About four hundred plots qualify. The scheme costs the county some twenty thousand euros
and is meant to ease the pressure on the water mains during dry summers.</p>
%s
</div></article></main></body></html>"""

EMBEDDED_REACTIONS = """<h2>Reactions</h2>
<div class="embed"><blockquote class="twitter-tweet"><p>Half the cost of a barrel for every
plot holder is a fine step for gardeners in the county.</p>&mdash; Allotment Society
(@allotments) <a href="https://twitter.com/a/status/1">May 3, 2021</a></blockquote></div>
<div class="embed"><blockquote class="twitter-tweet"><p>Sensible at last: the mains ran dry
twice last August in the lower villages.</p>&mdash; Jo Brand (@jobrand)
<a href="https://twitter.com/b/status/2">May 4, 2021</a></blockquote></div>
<div class="embed"><blockquote class="twitter-tweet"><p>We will watch how the grants are
handed out over the next months, fairly we hope.</p>&mdash; Water Watch (@ww)
<a href="https://twitter.com/c/status/3">May 4, 2021</a></blockquote></div>"""

THREAD_IN_STORY = """<h3>Comments (2)</h3>
<div class="entry"><div class="head"><strong>Henrike Paulsen</strong> on 3 May 2021 at 18:40
</div><p>We applied on the first day and the form took five minutes to fill in.</p></div>
<div class="entry"><div class="head"><strong>Old Tom</strong> on 4 May 2021 at 07:15</div>
<p>Does the grant cover the stand as well, or only the barrel itself?</p></div>
<p class="note">Log in to write a comment.</p>"""


def test_thread_written_into_the_story_is_cut_and_read() -> None:
    article = articlekit.parse(STORY % THREAD_IN_STORY)
    assert [(c.author, c.date[:10] if c.date else None) for c in article.comments] == [
        ("Henrike Paulsen", "2021-05-03"),
        ("Old Tom", "2021-05-04"),
    ]
    assert "four hundred plots" in article.text
    for words in ("five minutes to fill in", "cover the stand", "Comments (2)", "Log in"):
        assert words not in article.text


def test_embedded_posts_under_a_reactions_header_stay_in_the_story() -> None:
    article = articlekit.parse(STORY % EMBEDDED_REACTIONS)
    assert article.comments == ()
    assert "four hundred plots" in article.text
    assert "mains ran dry" in article.text


def test_a_page_box_named_for_comments_is_not_a_thread() -> None:
    page = STORY.replace("<main>", '<main class="with-comments">') % ""
    page = page.replace(
        "</main>",
        '<div class="teaser"><time datetime="2021-05-01">1 May</time> Allotment open day'
        ' draws a record crowd of visitors</div><div class="teaser"><time datetime="2021-05-02">'
        "2 May</time> Seed swap moves to the library this year</div></main>",
    )
    article = articlekit.parse(page)
    assert article.comments == ()
    assert "four hundred plots" in article.text


def test_item_candidates_remembered_per_pass_answer_as_read_afresh() -> None:
    # the page's scan and each section's scan share one TextLengths: the remembered
    # answer for an element is the one a fresh read gives
    from articlekit.comments.markup import TextLengths, is_item_candidate

    tree = build_tree(WORDPRESS)
    lengths = TextLengths()
    elements = list(tree.iter())
    first = [lengths.is_item_candidate(e) for e in elements]
    assert first == [is_item_candidate(e) for e in elements]
    assert first == [lengths.is_item_candidate(e) for e in elements]
    # the three li.comment, their article.comment-body and the reply form's textarea#comment
    assert sum(first) == 7
    sections = find_comment_sections(tree, lengths)
    assert [c.author for c in extract_comments(sections, lengths)] == [
        c.author for c in extract_comments(sections)
    ]


@pytest.mark.parametrize(
    ("markup", "names"),
    [
        ("comment-body", True),
        ("mtbnewsCommentContainer", True),
        ("Kommentti-lista", True),
        ("DISQUS_thread", True),
        ("post-content entry clearfix", False),
        ("children", False),
        ("", False),
    ],
)
def test_class_names_that_may_name_comments(markup: str, names: bool) -> None:
    from articlekit.comments.markup import _may_name_comments

    assert _may_name_comments(markup) is names
