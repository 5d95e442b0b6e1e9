"""The one walk for words in attribute values (input/named.py) and its two readers."""

from __future__ import annotations

from articlekit.comments.hints import COMMENT_FRAGMENTS, scan
from articlekit.input.elements import drop_element
from articlekit.input.named import is_attached, named_elements
from articlekit.input.tree import build_tree
from articlekit.metadata.scan import HINT_FRAGMENTS, scan_hints

_PAGE = """<html><head><title>Harbour works</title></head><body>
<div class="site-header"><a href="/" rel="home">Millbrook Star</a></div>
<article class="post">
  <h1 itemprop="headline">Harbour works start in May</h1>
  <p class="byline">By <a href="/author/jane-roe/" class="author-link">Jane Roe</a></p>
  <p>The council approved the plan on Tuesday after a long debate.</p>
</article>
<section id="comments" class="comments-area">
  <h2>2 comments</h2>
  <div class="comment" id="comment-1"><span class="comment-author">Sam</span>
    <p>About time the harbour got some attention.</p></div>
  <div class="comment" id="comment-2"><span class="comment-author">Ann</span>
    <p>Will the ferry still run during the works?</p></div>
  <form id="commentform" action="/wp-comments-post.php"><textarea></textarea></form>
</section>
</body></html>"""


def _tags(elements: object) -> list[str]:
    return [f"{e.tag}.{e.get('class') or e.get('id') or ''}" for e in elements]  # type: ignore[attr-defined]


def test_named_elements_are_those_holding_a_fragment_in_page_order() -> None:
    root = build_tree(_PAGE)
    named = named_elements(root, ("uthor", "headline"))
    assert _tags(e for e, _ in named) == [
        "h1.",
        "a.author-link",
        "span.comment-author",
        "span.comment-author",
    ]
    # the values joined by newlines, as each reader's gate reads them
    assert [joined for _, joined in named][1] == "/author/jane-roe/\nauthor-link"


def test_named_elements_cover_only_their_root_and_fragments() -> None:
    root = build_tree(_PAGE)
    named = named_elements(root, HINT_FRAGMENTS)
    assert named.covers(root, HINT_FRAGMENTS)
    assert not named.covers(root, COMMENT_FRAGMENTS)
    body = root.find("body")
    assert body is not None and not named.covers(body, HINT_FRAGMENTS)


def test_is_attached_is_false_for_a_cut_element_and_what_it_holds() -> None:
    root = build_tree(_PAGE)
    section = root.find(".//section")
    assert section is not None
    span = section.find(".//span")
    assert span is not None and is_attached(span, root)
    drop_element(section)
    assert not is_attached(section, root)
    assert not is_attached(span, root)
    heading = root.find(".//h1")
    assert heading is not None and is_attached(heading, root)


def test_comment_scan_reads_the_same_elements_from_the_walk() -> None:
    root = build_tree(_PAGE)
    named = named_elements(root, COMMENT_FRAGMENTS + HINT_FRAGMENTS)
    walked, read = scan(root), scan(root, None, named)
    assert _tags(read[0]) == _tags(walked[0]) == ["div.comment", "div.comment"]
    assert _tags(read[1]) == _tags(walked[1]) == ["form.commentform"]


def test_metadata_hints_skip_what_was_cut_after_the_walk() -> None:
    root = build_tree(_PAGE)
    named = named_elements(root, COMMENT_FRAGMENTS + HINT_FRAGMENTS)
    section = root.find(".//section")
    assert section is not None
    drop_element(section)  # the comment section, as the pipeline cuts it
    read, walked = scan_hints(root, named), scan_hints(root)
    assert read == walked
    assert _tags(read.authors) == ["p.byline", "a.author-link"]  # no commenter
    assert _tags(read.headings) == ["h1."]
