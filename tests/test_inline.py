"""Inline structure: link and formatting spans over the unchanged text, code blocks from
highlighter markup, nested lists, and the options that switch spans off."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import Block, BlockKind, Options, Span, SpanKind

FILLER = (
    "<p>The harbour board met on Tuesday to look again at the plan for the old quay, "
    "which has been closed to traffic since the storm two winters ago.</p>"
)


def page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Notes</title>{head}</head><body><article><h1>Notes</h1>"
        f"{FILLER}{body}{FILLER}</article></body></html>"
    )


def blocks(markup: str, **options: bool) -> list[Block]:
    article = articlekit.parse(page(markup), options=Options(**options))
    return [b for b in article.blocks if FILLER.find(b.text[:20]) == -1 or not b.text]


def spanned(text: str, spans: tuple[Span, ...]) -> list[tuple[str, str, str | None]]:
    return [(s.kind.value, text[s.start : s.end], s.href) for s in spans]


def test_links_resolve_against_base_element() -> None:
    head = '<base href="https://docs.example.com/guide/">'
    html = page(
        '<p>Read <a href="install.html">the install notes</a>, the <a href="/faq">FAQ</a>, '
        'the <a href="#top">top</a> and <a href="mailto:x@example.com">write</a> to us.</p>',
        head,
    )
    article = articlekit.parse(html, url="https://elsewhere.example.org/page")
    (block,) = [b for b in article.blocks if b.text.startswith("Read")]
    assert block.text == "Read the install notes, the FAQ, the top and write to us."
    assert spanned(block.text, block.inline) == [
        ("link", "the install notes", "https://docs.example.com/guide/install.html"),
        ("link", "FAQ", "https://docs.example.com/faq"),
    ]


def test_links_resolve_against_the_page_url_without_base() -> None:
    html = page('<p>See <a href="../b/c.html">the next part</a> of this story.</p>')
    article = articlekit.parse(html, url="https://news.example.org/a/one.html")
    (block,) = [b for b in article.blocks if b.text.startswith("See")]
    assert block.inline == (Span(4, 17, SpanKind.LINK, "https://news.example.org/b/c.html"),)


def test_emphasis_offsets_follow_collapsed_whitespace() -> None:
    (block,) = blocks(
        "<p>  It was <em>\n   very </em> cold,<strong> said <i>Ana</i></strong> "
        "at <code>08:00</code>, H<sub>2</sub>O froze.</p>"
    )
    assert block.text == "It was very cold, said Ana at 08:00, H2O froze."
    assert spanned(block.text, block.inline) == [
        ("emphasis", "very", None),
        ("strong", "said Ana", None),
        ("emphasis", "Ana", None),
        ("code", "08:00", None),
        ("subscript", "2", None),
    ]
    assert block.inline[0] == Span(7, 11, SpanKind.EMPHASIS)


def test_line_breaks_stay_newlines_and_spans_stay_on_their_line() -> None:
    (block,) = blocks(
        "<address>Quay <b>Office</b><br>12 Dock Road<br><a href='https://m.example/'>Map</a></address>"
    )
    assert block.text == "Quay Office\n12 Dock Road\nMap"
    assert spanned(block.text, block.inline) == [
        ("strong", "Office", None),
        ("link", "Map", "https://m.example/"),
    ]


SYNTAXHIGHLIGHTER = (
    '<div class="syntaxhighlighter php"><table><tbody><tr>'
    '<td class="gutter"><div class="line number1">1</div><div class="line number2">2</div></td>'
    '<td class="code"><div class="container">'
    '<div class="line number1"><code class="php variable">$total</code> '
    '<code class="php plain">= 0;</code></div>'
    '<div class="line number2"><code class="php spaces">&nbsp;&nbsp;</code>'
    '<code class="php comments">// add up</code></div>'
    "</div></td></tr></tbody></table></div>"
)
PYGMENTS = (
    '<div class="highlight-go"><table class="highlighttable"><tr>'
    '<td class="linenos"><div class="linenodiv"><pre>1\n2</pre></div></td>'
    '<td class="code"><div class="highlight"><pre><span class="kn">package</span> main\n'
    '<span class="kd">func</span> main() {}\n</pre></div></td></tr></table></div>'
)
GITHUB = (
    '<div class="highlight highlight-source-js"><table class="highlight tab-size">'
    '<tr><td class="blob-num js-line-number" data-line-number="1"></td>'
    '<td class="blob-code blob-code-inner">let a = 1;</td></tr>'
    '<tr><td class="blob-num js-line-number" data-line-number="2"></td>'
    '<td class="blob-code blob-code-inner">console.log(a);</td></tr></table></div>'
)
ROUGE = (
    '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight">'
    '<code><table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">'
    '1\n2\n</pre></td><td class="rouge-code"><pre>puts 1\nputs 2\n</pre></td></tr></tbody>'
    "</table></code></pre></div></div>"
)
LINE_SPANS = (
    '<pre class="lang-py"><code><span class="line">x = 1</span><span class="line">'
    "y = 2</span></code></pre>"
)
PRETTIFY = (
    '<pre class="prettyprint linenums"><ol class="linenums"><li class="L0"><span>a</span>'
    '</li><li class="L1"><span>b</span></li></ol></pre>'
)


@pytest.mark.parametrize(
    ("markup", "code", "language"),
    [
        (SYNTAXHIGHLIGHTER, "$total = 0;\n  // add up", "php"),
        (PYGMENTS, "package main\nfunc main() {}", None),
        (GITHUB, "let a = 1;\nconsole.log(a);", "js"),
        (ROUGE, "puts 1\nputs 2", "ruby"),
        (LINE_SPANS, "x = 1\ny = 2", "py"),
        (PRETTIFY, "a\nb", None),
        ('<pre><code class="language-python">total = 1\n</code></pre>', "total = 1", "python"),
        ('<pre class="brush: php; title: ; notranslate">echo 1;</pre>', "echo 1;", "php"),
        ('<div class="highlight"><pre data-lang="go">go f()</pre></div>', "go f()", "go"),
    ],
    ids=["syntaxhighlighter", "pygments", "github", "rouge", "span-line", "prettify",
         "language-class", "brush", "data-lang"],
)  # fmt: skip
def test_highlighted_code_is_one_code_block_without_line_numbers(
    markup: str, code: str, language: str | None
) -> None:
    found = [b for b in blocks(markup) if b.kind is not BlockKind.PARAGRAPH or b.text]
    assert [(b.kind, b.text, b.language) for b in found] == [(BlockKind.CODE, code, language)]


def test_a_numbered_data_table_is_not_code() -> None:
    (table,) = blocks(
        "<table><tr><th>Rank</th><th>Street</th></tr><tr><td>1</td><td>Harbour Street, "
        "resurfaced in spring</td></tr><tr><td>2</td><td>Elm Row, new lights</td></tr></table>"
    )
    assert table.kind is BlockKind.TABLE
    assert table.rows[1] == ("1", "Harbour Street, resurfaced in spring")


def test_nested_lists_keep_their_structure_and_the_flat_items() -> None:
    (block,) = blocks(
        "<ol><li>Prepare<ul><li>Wash the <em>pan</em></li><li>Heat oil</li></ul></li>"
        "<li>Cook</li></ol>"
    )
    # the flat item text is what it always was (no space where the markup has none)
    assert block.items == ("PrepareWash the panHeat oil", "Cook")
    (sub,) = block.sublists
    assert (sub.item, sub.start, sub.end) == (0, 7, 27)
    assert block.items[0][sub.start : sub.end] == "Wash the panHeat oil"
    assert sub.items == ("Wash the pan", "Heat oil") and sub.parent is None
    assert not sub.ordered and block.ordered
    assert spanned(sub.items[0], sub.item_inline[0]) == [("emphasis", "pan", None)]
    assert "1. Prepare\n   - Wash the *pan*\n   - Heat oil\n2. Cook" in articlekit.parse(
        page("<ol><li>Prepare<ul><li>Wash the <em>pan</em></li><li>Heat oil</li></ul></li>"
             "<li>Cook</li></ol>")
    ).to_markdown()  # fmt: skip


def test_table_cells_keep_their_spans() -> None:
    (table,) = blocks(
        "<table><tr><th>Name</th><th>Site</th></tr>"
        "<tr><td><b>Quay</b></td><td><a href='https://q.example/'>q.example</a></td></tr></table>"
    )
    assert table.rows == (("Name", "Site"), ("Quay", "q.example"))
    assert table.cell_inline[1] == (
        (Span(0, 4, SpanKind.STRONG),),
        (Span(0, 9, SpanKind.LINK, "https://q.example/"),),
    )


MIXED = (
    "<p>A <a href='https://a.example/'>link</a>, <em>emphasis</em> and <code>code</code>.</p>"
    "<ul><li><strong>bold</strong> item</li></ul>"
    "<table><tr><td><i>cell</i></td><td>two</td></tr></table>"
)


def test_options_switch_spans_off_and_leave_the_text_alone() -> None:
    full = articlekit.parse(page(MIXED))
    plain = articlekit.parse(page(MIXED), options=Options(links=False, formatting=False))
    no_links = articlekit.parse(page(MIXED), options=Options(links=False))
    assert plain.text == full.text and plain.paragraphs == full.paragraphs
    assert [(b.text, b.items, b.rows) for b in plain.blocks] == [
        (b.text, b.items, b.rows) for b in full.blocks
    ]
    for block in plain.blocks:
        assert block.inline == () and block.item_inline == () and block.cell_inline == ()
    kinds = {s.kind for b in no_links.blocks for s in b.inline}
    assert kinds == {SpanKind.EMPHASIS, SpanKind.CODE}
    assert {s.kind for b in full.blocks for s in b.inline} == {
        SpanKind.LINK,
        SpanKind.EMPHASIS,
        SpanKind.CODE,
    }


def test_spans_are_in_the_json() -> None:
    article = articlekit.parse(page("<p>Go <a href='https://g.example/'>there</a> now.</p>"))
    data = article.to_dict()
    (block,) = [b for b in data["blocks"] if b["text"] == "Go there now."]
    assert block["inline"] == [{"start": 3, "end": 8, "kind": "link", "href": "https://g.example/"}]
    assert block["language"] is None and block["sublists"] == []


def test_lists_nested_three_deep_are_kept_flat_with_parents() -> None:
    (block,) = blocks(
        "<ul><li>Tools<ul><li>Saws<ol><li>rip saw</li><li>coping saw</li></ol></li>"
        "<li>Planes</li></ul></li><li>Timber</li></ul>"
    )
    assert [(s.parent, s.item, s.items, s.ordered) for s in block.sublists] == [
        (None, 0, ("Sawsrip sawcoping saw", "Planes"), False),
        (0, 0, ("rip saw", "coping saw"), True),
    ]
    assert block.sublists[1].start == 4  # "Saws" then the ordered list, in the sublist's item
    markdown = articlekit.parse(
        page("<ul><li>Tools<ul><li>Saws<ol><li>rip saw</li><li>coping saw</li></ol></li>"
             "<li>Planes</li></ul></li><li>Timber</li></ul>")
    ).to_markdown()  # fmt: skip
    assert "- Tools\n  - Saws\n    1. rip saw\n    2. coping saw\n  - Planes\n- Timber" in markdown


def test_inline_content_gives_the_text_inline_text_gives() -> None:
    """The span walk makes the very text the plain walk makes, on every element of every
    fixture page (the spans point into unchanged text)."""
    from pathlib import Path

    from lxml import html as lxml_html

    from articlekit.content.inline import inline_content
    from articlekit.content.walker import inline_text

    kinds = frozenset(SpanKind)
    fixtures = Path(__file__).parent / "fixtures"
    checked = 0
    for source in sorted(fixtures.glob("*/source.html")):
        root = lxml_html.document_fromstring(source.read_bytes())
        for element in root.iter("p", "li", "td", "th", "h1", "h2", "h3", "div", "address"):
            text, marks = inline_content(element, "https://x.example/", kinds, lists=True)
            assert text == inline_text(element), source
            assert all(0 <= m.start < m.end <= len(text) for m in marks)
            checked += 1
    assert checked > 1000


def test_a_link_across_a_line_break_is_one_span() -> None:
    (block,) = blocks(
        "<p>Write to <a href='https://post.example/'>Quay Office<br>Dock Road</a> now</p>"
    )
    assert block.text == "Write to Quay Office\nDock Road now"
    assert spanned(block.text, block.inline) == [
        ("link", "Quay Office\nDock Road", "https://post.example/")
    ]


def test_a_table_quoted_whole_stays_a_table() -> None:
    """A mailing-list post quotes a table of figures: the quote keeps its text, the
    table stays a table (not rows glued into the quote)."""
    rows = "".join(f"<tr><td>Kernel {n}</td><td>{n * 7} patches</td></tr>" for n in range(1, 5))
    page = (
        "<html><body><article><h1>Development statistics</h1>"
        "<p>The merge window closed this week with the usual flood of changes from many "
        "developers, and the statistics show where the work came from.</p>"
        f"<blockquote><p>Here are the numbers for the last four releases:</p>"
        f"<table><tr><th>Release</th><th>Changes</th></tr>{rows}</table></blockquote>"
        "<p>As usual, the largest share came from a small number of employers.</p>"
        "</article></body></html>"
    )
    kinds = [(b.kind.value, b.text[:20]) for b in articlekit.parse(page).blocks]
    assert ("quote", "Here are the numbers") in kinds
    table = next(b for b in articlekit.parse(page).blocks if b.kind is articlekit.BlockKind.TABLE)
    assert table.rows[0] == ("Release", "Changes")
    assert table.rows[-1] == ("Kernel 4", "28 patches")


def test_a_headed_grid_with_long_cells_is_a_data_table() -> None:
    """A list of episodes with a synopsis each: header cells and rows of one width make
    it data, though its cells hold paragraphs longer than a layout cell's."""
    synopsis = "A woman who lost her way in the storm finds an old lighthouse keeper " * 6
    rows = "".join(
        f"<tr><td>{year}</td><td><p>{synopsis}</p></td></tr>" for year in (1961, 1964, 1967)
    )
    page = (
        "<html><body><article><h1>Time travel in fiction</h1>"
        "<p>Stories about travel in time have been told for more than a century, in novels, "
        "films and television series alike.</p>"
        f"<table><tr><th>Year</th><th>Synopsis</th></tr>{rows}</table></article></body></html>"
    )
    [table] = [b for b in articlekit.parse(page).blocks if b.kind is articlekit.BlockKind.TABLE]
    assert [row[0] for row in table.rows] == ["Year", "1961", "1964", "1967"]


def _collapsed_length(part: str, i: int) -> int:
    """What a mark boundary at ``part[i]`` becomes in the collapsed line, by definition."""
    return len(" ".join(part[:i].split()))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=" \t\n\u00a0ab.", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
)
def test_marks_move_with_the_collapsed_whitespace(part: str, bounds: list[tuple[int, int]]) -> None:
    from articlekit.content.inline import Mark, _collapse_line

    marks = [
        Mark(min(a, b, len(part)), min(max(a, b), len(part)), SpanKind.EMPHASIS, None)
        for a, b in bounds
    ]
    text, spans = _collapse_line(part, marks)
    assert text == " ".join(part.split())
    expected = []
    for mark in marks:
        start, end = _collapsed_length(part, mark.start), _collapsed_length(part, mark.end)
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            expected.append((start, end))
    assert [(s.start, s.end) for s in spans] == expected
