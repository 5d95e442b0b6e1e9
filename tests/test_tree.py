"""Tree stage helpers that skip work: the results must equal the full scans."""

from __future__ import annotations

import itertools
import re

import pytest

from articlekit.input.markup import _long_runs, flatten_markup
from articlekit.input.markup import drop_crowded_tags as _drop_crowded_tags
from articlekit.input.tree import build_tree
from articlekit.input.treelimits import may_exceed as _may_exceed


def _runs_by_regex(text: str, shortest: int) -> list[tuple[int, int]]:
    """The definition: a ">" and at least ``shortest`` characters up to the next ">"
    (and the text before the first ">" when it is that long)."""
    runs = [(m.start(), m.end()) for m in re.finditer(">[^>]{" + str(shortest) + ",}", text)]
    head = re.match("[^>]*", text)
    if head is not None and head.end() >= shortest:
        runs.insert(0, (0, head.end()))
    return runs


@pytest.mark.parametrize("shortest", [1, 2, 3, 4, 7, 8])
def test_long_runs_equal_the_regex_on_every_short_text(shortest: int) -> None:
    for size in range(12):
        for chars in itertools.product(">a", repeat=size):
            text = "".join(chars)
            assert _long_runs(text, shortest) == _runs_by_regex(text, shortest), text


def test_long_runs_in_a_page() -> None:
    page = "<p>" + "x" * 5000 + "</p><div " + 'a="1" ' * 900 + ">" + "<br>" * 3000
    assert _long_runs(page, 4000) == _runs_by_regex(page, 4000)
    assert len(_long_runs(page, 4000)) == 2  # the text and the crowded tag
    assert _long_runs("<p>short</p>" * 500, 4000) == []


def test_crowded_tag_dropped_and_plain_long_text_kept() -> None:
    crowded = "<div " + " ".join(f"a{i}=1" for i in range(1200)) + ">"
    text, dropped = _drop_crowded_tags("<p>" + "word " * 2000 + "</p>" + crowded + "ok", 1000)
    assert dropped == 1
    assert text == "<p>" + "word " * 2000 + "</p>ok"


def test_node_count_skipped_only_when_the_tags_cannot_make_enough_elements() -> None:
    assert not _may_exceed("<p>" + "x" * 300_000, 100_000)  # long, but one tag
    assert _may_exceed("<a>" * 70_000, 100_000)  # each tag and its text may be elements
    assert not _may_exceed("<a>" * 70_000, 1_000_000)  # too short for a million
    # the bound holds for the parser: text between tags becomes implied paragraphs
    markup = "x<br>" * 50
    root = build_tree(markup)
    assert sum(1 for _ in root.iter()) <= 3 * markup.count("<") + 4


def test_text_of_equals_text_content_on_every_element() -> None:
    from lxml import html

    from articlekit.input.elements import text_of

    page = html.document_fromstring(
        "<html><head><title>Caf&eacute; &amp; more</title><style>p{color:red}</style></head>"
        "<body><div id='a'>Before<!-- a note -->after <b>bold</b> tail"
        "<?php echo 1; ?> text<p>Ünïcode\u00a0space, 日本語の文, &lt;escaped&gt;</p>"
        "<script>var x = '<p>';</script><ul><li>one</li><li>two <i>2</i></li></ul>"
        "<br>line<pre>  keep\n  spaces\t</pre></div>trailing</body></html>"
    )
    elements = [e for e in page.iter() if isinstance(e.tag, str)]
    assert len(elements) > 12
    for element in elements:
        assert text_of(element) == element.text_content()


def test_flatten_markup_drops_only_the_tags_beyond_the_depth() -> None:
    # limit 3 (max_depth 5 less html and body): the fourth open element's tags go,
    # a block's as a line break, an inline one's without a trace; text is kept
    deep = "<div><section><ul><li><b>x</b></li><p>y</p></ul></section></div>"
    assert flatten_markup(deep, 5) == ("<div><section><ul>\nx\n\ny\n</ul></section></div>")


def test_flatten_markup_end_tag_closes_the_nearest_open_match() -> None:
    # </div> closes the open <b> and <i> too; a stray </span> is dropped; <p> ends <p>
    text = "<div><b><i>x</div><span>y</span></span><p>a<p>b<br/><script>'<div>'</script>"
    assert flatten_markup(text, 100) == (
        "<div><b><i>x</div><span>y</span><p>a<p>b<br/><script>'<div>'</script>"
    )
    # nothing dropped: the same string back
    assert flatten_markup("<p>plain</p>", 100) == "<p>plain</p>"
