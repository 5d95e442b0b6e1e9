"""Typed blocks built from the main content."""

from __future__ import annotations

import articlekit
from articlekit import BlockKind
from articlekit.content.blocks import build_blocks, cut_after_blocks, inline_text
from articlekit.input.tree import build_tree
from articlekit.metadata.extract import Metadata
from articlekit.options import Options

LONG = (
    "The survey counted nesting pairs on all four islands, and the totals were the highest "
    "since the count began, which the volunteers put down to the quiet spring and the rats. "
)


def blocks_of(body: str, **metadata: str) -> list[articlekit.Block]:
    tree = build_tree(f"<html><body><article>{body}</article></body></html>")
    root = tree.find(".//article")
    return list(build_blocks(root, Metadata(**metadata), Options()))  # type: ignore[arg-type]


def test_kinds_levels_lists_code_quote_table() -> None:
    blocks = blocks_of(
        f"<p>{LONG}</p>"
        "<h2>Counts by island</h2>"
        "<ul><li>North: 412</li><li>South: 380</li></ul>"
        "<ol><li>Count</li><li>Compare</li></ol>"
        "<pre>def total(counts):\n    return sum(counts)\n</pre>"
        "<blockquote><p>We have never seen so many.</p><p>It is the rats.</p></blockquote>"
        "<table><tr><th>Island</th><th>Pairs</th></tr><tr><td>North</td><td>412</td></tr></table>"
    )
    kinds = [b.kind for b in blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.LIST,
        BlockKind.LIST,
        BlockKind.CODE,
        BlockKind.QUOTE,
        BlockKind.TABLE,
    ]
    assert blocks[1].level == 2 and blocks[1].text == "Counts by island"
    assert blocks[2].items == ("North: 412", "South: 380") and not blocks[2].ordered
    assert blocks[3].ordered and blocks[3].items == ("Count", "Compare")
    assert blocks[4].text == "def total(counts):\n    return sum(counts)"
    assert blocks[5].text == "We have never seen so many.\nIt is the rats."
    assert blocks[6].rows == (("Island", "Pairs"), ("North", "412"))


def test_div_with_direct_text_is_a_paragraph_and_br_handling() -> None:
    blocks = blocks_of(
        "<div>First   line of a poem<br>second line<br><br>A new stanza starts here</div>"
        f"<div>{LONG}<p>Inner paragraph.</p>Tail text after it.</div>"
    )
    texts = [b.text for b in blocks]
    assert texts == [
        "First line of a poem\nsecond line",
        "A new stanza starts here",
        LONG.strip(),
        "Inner paragraph.",
        "Tail text after it.",
    ]
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)


def test_title_heading_and_byline_lines_are_dropped() -> None:
    blocks = blocks_of(
        "<h1>Seabird numbers rise</h1><p>By Ana Ruiz</p><p>March 3, 2021</p>"
        f"<p>{LONG}</p><h2>Seabird numbers rise elsewhere too</h2><p>{LONG}</p>",
        title="Seabird numbers rise",
        byline="Ana Ruiz",
    )
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert blocks[0].text == LONG.strip()


def test_inline_text_collapses_whitespace() -> None:
    tree = build_tree("<p>  a\n\n  b <b>c</b>\td </p>")
    p = tree.find(".//p")
    assert inline_text(p) == "a b c d"  # type: ignore[arg-type]


def test_layout_table_is_read_as_text() -> None:
    blocks = blocks_of(f"<table><tr><td><p>{LONG}</p><p>{LONG}</p></td><td>menu</td></tr></table>")
    assert blocks[0].kind is BlockKind.PARAGRAPH
    assert not any(b.kind is BlockKind.TABLE for b in blocks)


def test_article_text_joins_blocks() -> None:
    html = (
        "<html><head><title>T</title></head><body><article>"
        f"<p>{LONG}</p><ul><li>one item</li><li>two items</li></ul><p>{LONG}</p>"
        "</article></body></html>"
    )
    article = articlekit.parse(html)
    assert article.text == f"{LONG.strip()}\n\none item\ntwo items\n\n{LONG.strip()}"
    assert article.paragraphs == (LONG.strip(), LONG.strip())


def test_trailing_headings_without_content_are_dropped() -> None:
    blocks = blocks_of(f"<p>{LONG}</p><h2>Counts by island</h2><p>{LONG}</p><h3>Related</h3>")
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_trailing_heading_that_is_prose_is_kept() -> None:
    blocks = blocks_of(f"<p>{LONG}</p><h3>The count is done. It was the best year.</h3>")
    assert blocks[-1].kind is BlockKind.HEADING
    assert blocks[-1].text == "The count is done. It was the best year."


def test_residue_lines_between_breaks_are_dropped() -> None:
    blocks = blocks_of(
        f"<div>{LONG}<br><br>Du musst eingeloggt sein, um Kommentare zu schreiben!<br><br>"
        "Foto: Ana Ruiz</div>"
    )
    assert [b.text for b in blocks] == [LONG.strip()]


def test_credit_line_under_a_figure_is_kept_for_the_figure() -> None:
    blocks = blocks_of(f'<p>{LONG}</p><img src="/a.jpg"><div>Foto: Ana Ruiz</div><p>{LONG}</p>')
    kinds = [b.kind for b in blocks]
    assert kinds[:3] == [BlockKind.PARAGRAPH, BlockKind.FIGURE, BlockKind.PARAGRAPH]
    assert blocks[2].text == "Foto: Ana Ruiz"


def test_publishing_date_lines_are_dropped_anywhere() -> None:
    blocks = blocks_of(
        f"<p>{LONG}</p><p>{LONG}</p><p>asked Feb 6, 2014 at 20:37</p>"
        "<p>Publiziert: 03.04.2020, 12:35</p><p>1947</p><p>Verfasst von: Ana Ruiz</p>"
    )
    # a bare year is a timeline's text, not metadata
    assert [b.text for b in blocks] == [LONG.strip(), LONG.strip(), "1947"]


def test_dated_section_label_at_the_top_is_dropped() -> None:
    blocks = blocks_of(f"<p>2021-10-16 | Botschaft</p><p>{LONG}</p>")
    assert [b.text for b in blocks] == [LONG.strip()]


def test_soft_hyphens_and_zero_width_spaces_are_dropped() -> None:
    blocks = blocks_of(
        "<p>Schon im Mit\u00adtel\u00adal\u00adter war der St. Mag\u00adda\u00adle\u00adner "
        "das Aus\u00adhän\u00adge\u00adschild der Donau\u200bdampf\u200bschiffe.</p>"
    )
    assert blocks[0].text == (
        "Schon im Mittelalter war der St. Magdalener das Aushängeschild der Donaudampfschiffe."
    )


def test_caption_crediting_the_author_under_a_figure_is_kept() -> None:
    # how-to pages credit the author's own photos: "Dig a hole. (Lucy Akins)"
    blocks = blocks_of(
        f"<p>{LONG}</p><figure><img src='/hole.jpg' alt='Dig a hole.'></figure>"
        "<figcaption>Dig a hole in the oasis. (Lucy Akins)</figcaption>"
        f"<p>{LONG}</p><p>By Lucy Akins</p>",
        byline="Lucy Akins",
    )
    texts = [b.text for b in blocks]
    assert "Dig a hole in the oasis. (Lucy Akins)" in texts
    assert "By Lucy Akins" not in texts


def test_by_word_left_alone_by_a_cut_author_name_is_not_a_paragraph() -> None:
    # the template marks only the name ("<span class=author>"), which is cut as the
    # byline; its line's by-word must not stay behind as the article's first paragraph
    for by, name in (("By", "Ana Ruiz"), ("Von", "Jana Beispiel"), ("Written by:", "Tom Berg")):
        page = f"""<html><head><title>Harbour ferries return</title></head><body><article>
        <h1>Harbour ferries return</h1><p>{by} <span class="author">{name}</span></p>
        <p>The harbour ferries came back on Monday after a winter of repairs to their
        hulls and engines, and the first boats of the morning were full by eight.</p>
        <p>Riders said the crossing was quicker than the bridge, and the city plans a
        second route across the bay before the summer season starts.</p>
        </article></body></html>"""
        article = articlekit.parse(page)
        assert article.byline == name
        assert article.paragraphs[0].startswith("The harbour ferries came back")


def test_page_is_cut_after_max_blocks_elements_holding_text() -> None:
    # a link-only list item and an empty paragraph hold no text of their own: not counted
    tree = build_tree(
        "<html><body><main><h1>Minutes</h1><ul><li><a href='/a'>Agenda</a></li>"
        "<li>Item <b>one</b></li></ul><p> </p><p><b>Votes</b> were cast.</p>"
        "<div><p>Third</p><p>Fourth</p></div><aside>Related</aside></main>"
        "<footer><p>Contact</p></footer></body></html>"
    )
    assert cut_after_blocks(tree, 4) == "content cut after 4 blocks (max_blocks)"
    texts = [" ".join(e.text_content().split()) for e in tree.iter("h1", "li", "p")]
    assert texts == ["Minutes", "Agenda", "Item one", "", "Votes were cast.", "Third"]
    assert tree.find(".//aside") is None
    assert tree.find(".//footer") is None


def test_page_within_max_blocks_is_not_cut() -> None:
    markup = "<html><body>" + "<p>Line of the story.</p>" * 5 + "</body></html>"
    tree = build_tree(markup)
    assert cut_after_blocks(tree, 5) is None
    assert len(tree.findall(".//p")) == 5
