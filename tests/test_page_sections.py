"""Pages built from sections and collapsed panels (issue 10: product and service pages)."""

from __future__ import annotations

import articlekit
from articlekit.content.class_hints import class_weight, is_unlikely
from articlekit.input.tree import build_tree

SENTENCE = (
    "Our team plans the work with you, keeps a written schedule and reports progress "
    "every second week, so that nobody has to ask where things stand."
)
LONG_BODY = "".join(
    f"<p>Part {i}. The council voted on Tuesday to extend the bus lane on Harbor Street, a "
    "change that riders, shop owners and the transit agency had argued about for most of "
    "the year, and the vote was close.</p>"
    for i in range(8)
)


def _page(body: str) -> str:
    return f"<html><head><title>Services</title></head><body>{body}</body></html>"


def _section(heading: str, text: str, cls: str = "module") -> str:
    return f'<section class="{cls}"><h2>{heading}</h2><p>{text}</p></section>'


def test_sibling_sections_with_headings_are_gathered() -> None:
    html = _page(
        "<main>"
        + _section("Planning", SENTENCE)
        + _section("Design", "We draw three options and test the best one with real users.")
        + _section("Delivery", "Launch week is covered by the same people who built the site.")
        + '<section class="module"><h2>Read next</h2><a href="/a">One story</a> '
        '<a href="/b">Another story</a> <a href="/c">A third story</a></section>'
        "</main>"
    )
    text = articlekit.parse(html).text
    for heading in ("Planning", "Design", "Delivery"):
        assert heading in text
    assert "We draw three options" in text and "Launch week" in text
    assert "Another story" not in text  # a link grid is no section of the page


def test_an_article_beside_small_boxes_is_not_widened() -> None:
    html = _page(
        "<main>"
        f"<article><h1>Bus lane extended</h1>{LONG_BODY}</article>"
        + _section("About the paper", "The Harbor Ledger has covered the city since 1921.")
        + _section("Events", "Join our readers' evening at the library on the first Monday.")
        + "</main>"
    )
    text = articlekit.parse(html).text
    assert "Part 7." in text
    assert "Harbor Ledger has covered" not in text
    assert "readers' evening" not in text


def test_collapsed_panel_kept_and_header_menu_dropped() -> None:
    html = _page(
        '<header><button aria-controls="menu" aria-expanded="false">Menu</button>'
        '<div id="menu" hidden><p>Shop all kettles, grinders, filters and gift cards, '
        "or read our brewing guides and visit the stores.</p></div></header>"
        f"<main><h1>Kettle</h1><p>{SENTENCE}</p>"
        '<h2><button aria-controls="specs" aria-expanded="false">Specifications</button></h2>'
        '<div id="specs" hidden><p>Capacity 0.9 litres, weight 780 grams, '
        "spout diameter 8 millimetres, stainless steel body.</p></div>"
        '<div role="tabpanel" aria-hidden="true"><p>Rinse after use and descale it '
        "once a month with citric acid.</p></div></main>"
    )
    text = articlekit.parse(html).text
    assert "Specifications" in text
    assert "Capacity 0.9 litres" in text
    assert "descale it once a month" in text
    assert "brewing guides" not in text


def test_class_names_that_hide_nothing() -> None:
    clip = build_tree('<div class="overflow-hidden rounded"><p>x</p></div>').find(".//div")
    assert clip is not None and class_weight(clip) == 0
    section = build_tree('<section id="cookies"><h2>Cookies</h2><p>x</p></section>')
    cookies = section.find(".//section")
    assert cookies is not None and not is_unlikely(cookies)
    box = build_tree('<div id="cookies"><p>We use cookies.</p></div>').find(".//div")
    assert box is not None and is_unlikely(box)


def test_box_outside_main_does_not_win() -> None:
    overlay = "".join(
        f"<p>Enter your email, {i}, for fifteen percent off, and we will send you offers, "
        "news, and updates.</p>"
        for i in range(2)
    )
    features = "".join(
        f"<li>Feature {i}: long-staple cotton percale with a crisp, cool finish</li>"
        for i in range(6)
    )
    html = _page(
        f'<div class="wrapper page-width">{overlay}</div>'
        f"<main><h1>Sheet set</h1><p>{SENTENCE}</p><ul>{features}</ul></main>"
    )
    text = articlekit.parse(html).text
    assert "Our team plans the work" in text
    assert "fifteen percent off" not in text
