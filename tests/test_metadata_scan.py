"""One-pass scans for metadata: byline and headline hints, JSON-LD blocks, meta tags."""

from __future__ import annotations

from lxml import html

from articlekit.input.tree import build_tree
from articlekit.metadata.jsonld import parse_jsonld
from articlekit.metadata.scan import scan_hints
from articlekit.metadata.tags import collect_meta

PAGE = """<html><head><meta itemprop="author" content="Head Author"></head><body>
<div class="site-header"><a href="/">Home</a><script class="author-widget">x</script></div>
<article>
  <h1 class="entry-title">A headline</h1>
  <h2 class="teaser__title">A teaser</h2>
  <h2 class="section">A section</h2>
  <span itemprop="headline">The headline again</span>
  <p class="Byline">By <a rel="author" href="/people/jane">Jane Doe</a></p>
  <p class="skyline">Not a byline: only "yline" in it</p>
  <div id="autor-box"><a href="/autoren/max-muster/">Max Muster</a></div>
  <span class="post-author" itemprop="creator">Sam</span>
  <img class="author-photo" src="a.jpg">
</article></body></html>"""


def test_scan_hints_finds_each_kind_of_hint_in_page_order() -> None:
    root = build_tree(PAGE)
    hints = scan_hints(root)
    assert [e.tag for e in hints.headings] == ["h1", "h2", "span"]
    assert [
        (e.tag, e.get("class") or e.get("id") or e.get("rel") or e.get("href"))
        for e in hints.authors
    ] == [
        ("meta", None),
        ("p", "Byline"),
        ("a", "author"),
        ("div", "autor-box"),
        ("a", "/autoren/max-muster/"),
        ("span", "post-author"),
    ]


def test_scan_hints_counts_each_element_once() -> None:
    root = html.fromstring('<html><body><p class="author" id="author-1">X</p></body></html>')
    assert len(scan_hints(root).authors) == 1


def test_jsonld_type_is_read_in_any_case() -> None:
    root = build_tree(
        '<html><head><script type="application/LD+JSON">{"@type": "NewsArticle",'
        ' "headline": "Up"}</script><script type="application/json">{"@type": "X"}</script>'
        "</head><body><p>x</p></body></html>"
    )
    assert [o["@type"] for o in parse_jsonld(root).objects] == ["NewsArticle"]


def test_meta_tags_looked_for_everywhere_when_head_closed_early() -> None:
    root = build_tree(
        '<html><head><meta name="a" content="1"><div>stray</div><meta name="b" content="2">'
        '<meta property="og:title" content="T"><meta name="c"></head><body>x</body></html>'
    )
    meta = collect_meta(root)
    assert (meta.first("a"), meta.first("b"), meta.first("og:title")) == ("1", "2", "T")
    assert meta.first("c") is None


def test_text_near_reads_tails_but_not_white_space() -> None:
    from articlekit.metadata.scan import text_near

    page = html.document_fromstring(
        "<html><body><div><span>Kicker</span>\n  <h1>Headline</h1>\n\t"
        "<b>By</b> Jane Doe<i>|</i>\u00a0<time>3 May 2022</time>\r\n"
        "<p>First paragraph.</p>after it</div></body></html>"
    )
    near = text_near(page.find(".//h1"))
    # a tail of XML white space only is no text; a no-break space is one
    assert [str(t) for t in near] == [
        "Kicker",
        "By",
        " Jane Doe",
        "|",
        "\u00a0",
        "3 May 2022",
        "First paragraph.",
        "after it",
    ]
    assert [t.is_tail for t in near] == [False, False, True, False, True, False, False, True]
