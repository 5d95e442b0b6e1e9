"""Rendering an Article: exact Markdown, text and HTML, and HTML that is safe to embed."""

from __future__ import annotations

import html
import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from articlekit import Article, Block, BlockKind, Comment, Figure, Span, SpanKind, Sublist
from articlekit.render import MAX_COMMENT_NESTING, safe_url, thread, to_html, to_markdown, to_text

FIGURE = Figure(
    src="https://example.org/img/harbor.jpg",
    alt="Cyclists on Harbor Street",
    caption="Cyclists share the street.",
    credit="Daniel Okafor",
)


def sample() -> Article:
    return Article.create(
        title="Bike lanes approved",
        byline="Maria Alvarez",
        authors=("Maria Alvarez",),
        date="2024-03-12",
        lang="en",
        blocks=(
            Block(BlockKind.FIGURE, text=FIGURE.caption or "", figure=FIGURE),
            Block(BlockKind.PARAGRAPH, text="The council voted 7-2."),
            Block(BlockKind.HEADING, text="What changes", level=2),
            Block(BlockKind.LIST, items=("Fewer spaces", "Lower speed"), ordered=False),
            Block(BlockKind.LIST, items=("First", "Second"), ordered=True),
            Block(BlockKind.QUOTE, text="We are not against bikes."),
            Block(BlockKind.CODE, text="print('hi')"),
            Block(BlockKind.TABLE, rows=(("Street", "Cost"), ("Harbor | Elm", "$3.2M"))),
        ),
        comments=(
            Comment(id="c1", author="Jonas", date="2024-03-12", text="Finally."),
            Comment(id="c2", parent="c1", author="Linda", text="Same here."),
            Comment(id="c3", author="Ray", text="Too many spaces lost."),
        ),
    )


# --------------------------------------------------------------------------- markdown


def test_markdown_exact() -> None:
    assert to_markdown(sample()) == (
        "# Bike lanes approved\n\n"
        "*By Maria Alvarez · 2024-03-12*\n\n"
        "![Cyclists on Harbor Street](https://example.org/img/harbor.jpg)\n"
        "*Cyclists share the street. — Daniel Okafor*\n\n"
        "The council voted 7-2.\n\n"
        "## What changes\n\n"
        "- Fewer spaces\n- Lower speed\n\n"
        "1. First\n2. Second\n\n"
        "> We are not against bikes.\n\n"
        "```\nprint('hi')\n```\n\n"
        "| Street | Cost |\n| --- | --- |\n| Harbor \\| Elm | $3.2M |\n\n"
        "## Comments\n\n"
        "- **Jonas** · 2024-03-12\\\n  Finally.\n"
        "  - **Linda**\\\n    Same here.\n"
        "- **Ray**\\\n  Too many spaces lost.\n"
    )


def test_article_methods_use_the_renderers() -> None:
    article = sample()
    assert article.to_markdown() == to_markdown(article)
    assert article.to_html() == to_html(article)
    assert article.to_text() == to_text(article)


def test_markdown_escapes_page_text() -> None:
    article = Article.create(
        title="*Not* [a link](http://x)",
        blocks=(
            Block(BlockKind.PARAGRAPH, text="# not a heading\n- not a list\n1. not a list\n---"),
            Block(BlockKind.PARAGRAPH, text="<script>alert(1)</script> a_b"),
        ),
    )
    md = to_markdown(article)
    assert md.startswith("# \\*Not\\* \\[a link\\](http://x)\n")
    # a line break in a paragraph is a hard break (a backslash at the end of the line)
    assert "\\# not a heading\\\n\\- not a list\\\n1\\. not a list\\\n\\---" in md
    assert "\\<script\\>alert(1)\\</script\\> a\\_b" in md
    assert "<script>" not in md


def test_markdown_code_fence_outgrows_backticks_in_code() -> None:
    article = Article.create(blocks=(Block(BlockKind.CODE, text="a ``` b"),))
    assert to_markdown(article) == "````\na ``` b\n````\n"


def test_markdown_heading_levels_are_kept_below_the_title() -> None:
    blocks = tuple(Block(BlockKind.HEADING, text=f"h{n}", level=n) for n in (1, 3, 6))
    md = to_markdown(Article.create(title="T", blocks=blocks))
    assert md == "# T\n\n## h1\n\n### h3\n\n###### h6\n"


def test_markdown_ragged_table_is_padded() -> None:
    article = Article.create(blocks=(Block(BlockKind.TABLE, rows=(("a", "b", "c"), ("d",))),))
    assert to_markdown(article) == "| a | b | c |\n| --- | --- | --- |\n| d |  |  |\n"


def test_markdown_drops_unsafe_image_url_but_keeps_caption() -> None:
    figure = Figure(src="javascript:alert(1)", caption="A caption", credit="AP")
    article = Article.create(blocks=(Block(BlockKind.FIGURE, text="A caption", figure=figure),))
    assert to_markdown(article) == "*A caption — AP*\n"


def test_markdown_figures_outside_blocks_follow_the_header() -> None:
    article = Article.create(title="T", figures=(FIGURE,))
    assert to_markdown(article).startswith(
        "# T\n\n![Cyclists on Harbor Street](https://example.org/img/harbor.jpg)\n"
    )


# --------------------------------------------------------------------------- text


def test_text_is_title_then_text_without_comments() -> None:
    article = sample()
    text = to_text(article)
    assert text == "Bike lanes approved\n\n" + article.text
    assert text.startswith("Bike lanes approved\n\nCyclists share the street.\n\nThe council")
    assert "Finally." not in text
    assert text.count("Cyclists share the street.") == 1


def test_text_of_empty_article_is_empty() -> None:
    assert to_text(Article()) == ""


# --------------------------------------------------------------------------- html


def test_html_exact() -> None:
    assert to_html(sample()) == (
        '<article lang="en">\n'
        '<header><h1>Bike lanes approved</h1><p class="byline">Maria Alvarez</p>'
        '<time datetime="2024-03-12">2024-03-12</time></header>\n'
        '<figure><img src="https://example.org/img/harbor.jpg" alt="Cyclists on Harbor Street">'
        '<figcaption>Cyclists share the street. <small class="credit">Daniel Okafor</small>'
        "</figcaption></figure>\n"
        "<p>The council voted 7-2.</p>\n"
        "<h2>What changes</h2>\n"
        "<ul><li>Fewer spaces</li><li>Lower speed</li></ul>\n"
        "<ol><li>First</li><li>Second</li></ol>\n"
        "<blockquote><p>We are not against bikes.</p></blockquote>\n"
        "<pre><code>print(&#x27;hi&#x27;)</code></pre>\n"
        "<table><tbody><tr><td>Street</td><td>Cost</td></tr>"
        "<tr><td>Harbor | Elm</td><td>$3.2M</td></tr></tbody></table>\n"
        '<section class="comments"><h2>Comments</h2><ol>'
        '<li><article class="comment"><footer><span class="author">Jonas</span> '
        '<time datetime="2024-03-12">2024-03-12</time></footer><p>Finally.</p></article>'
        '<ol><li><article class="comment"><footer><span class="author">Linda</span></footer>'
        "<p>Same here.</p></article></li></ol></li>"
        '<li><article class="comment"><footer><span class="author">Ray</span></footer>'
        "<p>Too many spaces lost.</p></article></li></ol></section>\n"
        "</article>\n"
    )


def test_html_comment_nesting_matches_reply_structure() -> None:
    comments = (
        Comment(id="a", text="A"),
        Comment(id="b", parent="a", text="B"),
        Comment(id="c", parent="b", text="C"),
        Comment(id="d", parent="a", text="D"),
        Comment(id="e", text="E"),
    )
    root = lxml_html.fragment_fromstring(to_html(Article(comments=comments)))
    depth = {
        el.text_content(): len(el.xpath("ancestor::ol")) - 1
        for el in root.xpath("//article[@class='comment']/p")
    }
    assert depth == {"A": 0, "B": 1, "C": 2, "D": 1, "E": 0}
    # replies sit inside their parent's <li>
    (b_item,) = root.xpath("//li[article/p='B']")
    assert b_item.xpath("ancestor::li[1]/article/p/text()") == ["A"]


def test_paragraph_newlines_become_line_breaks() -> None:
    article = Article.create(blocks=(Block(BlockKind.PARAGRAPH, text="one\ntwo"),))
    assert "<p>one<br>two</p>" in to_html(article)


HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " \tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\x00script:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "java&#x09;script:alert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "VBScript&#58;msgbox(1)",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_safe_url_refuses_dangerous_schemes(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a.jpg",
        "http://example.org/a?b=1&c=2",
        "/img/a.jpg",
        "a.jpg",
        "//cdn.x/a",
    ],
)
def test_safe_url_keeps_web_urls(url: str) -> None:
    assert safe_url(url) == url


ALLOWED_TAGS = {
    "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "p", "time", "figure", "img",
    "figcaption", "small", "ul", "ol", "li", "blockquote", "pre", "code", "table", "tbody",
    "tr", "td", "section", "footer", "span", "br", "a", "em", "strong", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"src", "alt", "datetime", "class", "lang", "href", "rel"}


def assert_safe(markup: str) -> None:
    """The fragment holds only allowed tags and attributes and only web URLs."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for element in root.iterdescendants():
        assert isinstance(element.tag, str), f"comment or PI in output: {element!r}"
        assert element.tag in ALLOWED_TAGS, element.tag
        for name, value in element.attrib.items():
            assert name in ALLOWED_ATTRIBUTES, name
            assert "javascript:" not in value.lower(), value
            if name == "rel":
                assert value == "nofollow noopener", value
            if name in ("src", "href"):
                # as a browser reads it: without tabs, newlines and controls
                probe = re.sub(r"[\x00-\x20]", "", value)
                scheme = re.match(r"([a-z][a-z0-9+.-]*):", probe, re.IGNORECASE)
                assert scheme is None or scheme.group(1).lower() in ("http", "https"), value
    lowered = markup.lower()
    for bad in ("<script", "<style", "<iframe", "<svg", "<object", "<embed"):
        assert bad not in lowered  # page text containing these is escaped, never markup
    for link in root.iter("a"):
        assert link.get("rel") == "nofollow noopener" and link.get("href"), link.attrib


def hostile_article(url: str) -> Article:
    evil = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    figure = Figure(src=url, alt=evil, caption=evil, credit=evil)
    return Article.create(
        title=evil,
        byline=evil,
        date=evil,
        lang='en" onmouseover="alert(1)',
        blocks=(
            Block(BlockKind.PARAGRAPH, text="<iframe src=javascript:alert(1)></iframe>"),
            Block(BlockKind.HEADING, text="<style>*{}</style>", level=9),
            Block(BlockKind.LIST, items=(evil,), ordered=True),
            Block(BlockKind.QUOTE, text=evil),
            Block(BlockKind.CODE, text="</code></pre><script>alert(1)</script>"),
            Block(BlockKind.TABLE, rows=((evil, "<td onclick=x>"),)),
            Block(BlockKind.FIGURE, text=evil, figure=figure),
        ),
        comments=(
            Comment(id=evil, author=evil, date=evil, text=evil),
            Comment(id="2", parent=evil, author="<a href=javascript:x>me</a>", text="x\x00y"),
        ),
    )


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_html_is_safe_with_hostile_content(url: str) -> None:
    markup = to_html(hostile_article(url))
    assert_safe(markup)
    assert "<img" not in markup  # the only image has a hostile src
    # the hostile text is kept, as text
    root = lxml_html.fragment_fromstring(markup)
    assert root.xpath("string(//h1)") == '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    assert root.get("lang") is None


def test_html_escapes_quotes_in_attributes() -> None:
    figure = Figure(src='https://x.org/a.jpg" onerror="alert(1)', alt='" onload="x')
    markup = to_html(Article.create(figures=(figure,)))
    assert_safe(markup)
    (img,) = lxml_html.fragment_fromstring(markup).xpath("//img")
    assert img.get("src") == 'https://x.org/a.jpg" onerror="alert(1)'
    assert img.get("alt") == '" onload="x'
    assert html.unescape(markup).count('" onerror="') == 1  # only inside the escaped value


text_values = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    title=text_values,
    body=text_values,
    url=st.one_of(st.sampled_from(HOSTILE_URLS), text_values),
    author=text_values,
    level=st.integers(min_value=-3, max_value=12),
)
def test_html_is_safe_for_any_text(
    title: str, body: str, url: str, author: str, level: int
) -> None:
    figure = Figure(src=url, alt=body, caption=title, credit=author)
    article = Article.create(
        title=title,
        byline=author,
        date=body,
        lang=title,
        blocks=(
            Block(BlockKind.PARAGRAPH, text=body),
            Block(BlockKind.HEADING, text=title, level=level),
            Block(BlockKind.FIGURE, text=title, figure=figure),
        ),
        comments=(Comment(id=author, parent=author, author=author, text=body),),
    )
    markup = to_html(article)
    if markup.strip() != "<article>\n</article>":
        assert_safe(markup)
    to_markdown(article)
    to_text(article)


# --------------------------------------------------------------------------- threads


def test_thread_handles_cycles_self_parents_and_unknown_parents() -> None:
    comments = (
        Comment(id="a", parent="b"),
        Comment(id="b", parent="a"),
        Comment(id="c", parent="c"),
        Comment(id="d", parent="missing"),
        Comment(id="e", parent="d"),
    )
    order = [(c.id, depth) for c, depth in thread(comments)]
    assert order == [("c", 0), ("d", 0), ("e", 1), ("a", 0), ("b", 1)]


def test_deep_thread_renders_without_recursion() -> None:
    count = 5000
    comments = tuple(
        Comment(id=str(n), parent=str(n - 1) if n else None, text=f"reply {n}")
        for n in range(count)
    )
    article = Article(comments=comments)
    depths = [depth for _, depth in thread(comments)]
    assert depths[:3] == [0, 1, 2]
    assert max(depths) == MAX_COMMENT_NESTING
    markup = to_html(article)
    root = lxml_html.fragment_fromstring(markup)
    assert len(root.xpath("//article[@class='comment']")) == count
    assert markup.count("<ol>") == MAX_COMMENT_NESTING + 1
    assert to_markdown(article).count("- ") == count


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en-US", "*By Jane Doe · 2024-03-12*"),
        ("de", "*Von Jane Doe · 2024-03-12*"),
        ("fr-FR", "*Par Jane Doe · 2024-03-12*"),
        ("pl", "*Autor: Jane Doe · 2024-03-12*"),
        ("xx", "*Jane Doe · 2024-03-12*"),  # a language without a label: no label
        (None, "*Jane Doe · 2024-03-12*"),
    ],
)
def test_markdown_byline_label_follows_the_language(lang: str | None, line: str) -> None:
    article = Article(title="T", byline="Jane Doe", date="2024-03-12", lang=lang)
    assert to_markdown(article).split("\n\n")[1].strip() == line


# --------------------------------------------------------------------------- spans

LINK = SpanKind.LINK


def test_markdown_renders_spans_and_keeps_page_text_escaped() -> None:
    text = "See [the docs] for *all* of it, or a_b_c."
    spans = (
        Span(4, 14, LINK, "https://example.org/a (b)"),
        Span(19, 24, SpanKind.EMPHASIS),
        Span(25, 27, SpanKind.STRONG),
        Span(35, 40, SpanKind.CODE),
    )
    md = to_markdown(Article.create(blocks=(Block(BlockKind.PARAGRAPH, text=text, inline=spans),)))
    # page text stays literal (brackets, stars and underscores escaped); only spans are markup
    assert md == (
        "See [\\[the docs\\]](https://example.org/a%20%28b%29) for *\\*all\\** **of** it, "
        "or `a_b_c`.\n"
    )


def test_markdown_code_span_outgrows_backticks_and_table_cells_escape_pipes() -> None:
    block = Block(
        BlockKind.TABLE,
        text="",
        rows=(("Expr", "Note"), ("a`b | c", "line one\nline | two")),
        cell_inline=(((), ()), ((Span(0, 7, SpanKind.CODE),), ())),
    )
    md = to_markdown(Article.create(blocks=(block,)))
    assert md == ("| Expr | Note |\n| --- | --- |\n| ``a`b \\| c`` | line one<br>line \\| two |\n")


def test_markdown_and_html_line_breaks_superscripts_and_nested_lists() -> None:
    blocks = (
        Block(
            BlockKind.PARAGRAPH,
            text="E = mc2\nH2O",
            inline=(Span(6, 7, SpanKind.SUPERSCRIPT), Span(9, 10, SpanKind.SUBSCRIPT)),
        ),
        Block(
            BlockKind.LIST,
            text="Fruit Apple Pear\nVeg",
            items=("Fruit Apple Pear", "Veg"),
            sublists=(Sublist(0, 6, 16, ("Apple", "Pear")),),
        ),
    )
    article = Article.create(blocks=blocks)
    assert to_markdown(article) == (
        "E = mc<sup>2</sup>\\\nH<sub>2</sub>O\n\n- Fruit\n  - Apple\n  - Pear\n- Veg\n"
    )
    assert to_html(article) == (
        "<article>\n<p>E = mc<sup>2</sup><br>H<sub>2</sub>O</p>\n"
        "<ul><li>Fruit <ul><li>Apple</li><li>Pear</li></ul></li><li>Veg</li></ul>\n</article>\n"
    )


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_html_links_never_carry_hostile_urls(url: str) -> None:
    text = 'click <b onclick="x">"here"</b> & <script>alert(1)</script>'
    spans = (Span(0, len(text), LINK, url), Span(6, 10, LINK, 'https://ok.example/"><script>x'))
    block = Block(BlockKind.PARAGRAPH, text=text, inline=spans)
    markup = to_html(Article.create(blocks=(block,)))
    assert_safe(markup)
    root = lxml_html.fragment_fromstring(markup)
    assert root.xpath("string(//p)") == text  # every character of the text shown as text
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs[-1] == 'https://ok.example/"><script>x'  # escaped inside the attribute
    md = to_markdown(Article.create(blocks=(block,)))
    assert "javascript" not in md.lower().replace("\\", "")


def test_html_code_block_names_its_language_and_keeps_links() -> None:
    block = Block(
        BlockKind.CODE,
        text="see RFC 2119\n<b>",
        language="python",
        inline=(Span(4, 12, LINK, "https://www.rfc-editor.org/rfc/rfc2119"),),
    )
    markup = to_html(Article.create(blocks=(block,)))
    assert markup == (
        '<article>\n<pre><code class="language-python">see <a href="https://www.rfc-editor.org/'
        'rfc/rfc2119" rel="nofollow noopener">RFC 2119</a>\n&lt;b&gt;</code></pre>\n</article>\n'
    )
    assert to_markdown(Article.create(blocks=(block,))) == "```python\nsee RFC 2119\n<b>\n```\n"


@settings(max_examples=150, deadline=None)
@given(
    text=text_values,
    url=st.one_of(st.sampled_from(HOSTILE_URLS), text_values),
    cuts=st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=6),
    kinds=st.lists(st.sampled_from(list(SpanKind)), min_size=1, max_size=3),
)
def test_html_is_safe_for_any_spans(
    text: str, url: str, cuts: list[int], kinds: list[SpanKind]
) -> None:
    """Spans made by hand (crossing, out of range, empty) still give safe, balanced HTML."""
    spans = tuple(
        Span(min(a, b), max(a, b), kind, url if kind is LINK else None)
        for (a, b), kind in zip(pairwise(cuts), kinds, strict=False)
    )
    blocks = (
        Block(BlockKind.PARAGRAPH, text=text, inline=spans),
        Block(BlockKind.LIST, items=(text,), item_inline=(spans,)),
        Block(BlockKind.TABLE, rows=((text,),), cell_inline=(((spans),),)),
    )
    markup = to_html(Article.create(blocks=blocks))
    if text.strip():
        assert_safe(markup)
    to_markdown(Article.create(blocks=blocks))
