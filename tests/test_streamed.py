"""Streamed segments (React streaming server rendering) are put where the browser shows them."""

from __future__ import annotations

import articlekit
from articlekit.input.tree import build_tree

_DESCRIPTION = (
    "The kettle boils a litre in under four minutes, and its double wall keeps the outside "
    "cool to the touch while the water inside stays hot for an hour after it switches off."
)

# the shape a Next.js page is saved in: a Suspense boundary's placeholder with a loading
# skeleton in the page, the finished part hidden at the end with the script that moves it
_PAGE = f"""<!DOCTYPE html><html><head><title>Steel Kettle</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main><h1>Steel Kettle</h1><!--$?--><template id="B:1"></template>
<div role="status" class="animate-pulse"><div class="skeleton"></div></div><!--/$-->
<p>Ships in two days.</p></main>
<footer><p>© Kettle Works</p></footer>
<div hidden id="S:1"><section><h2>Description</h2><p>{_DESCRIPTION}</p>
<ul><li>Capacity: 1.7 litres</li><li>Power: 2200 W</li><li>Weight: 1.1 kg</li></ul>
</section></div><script>$RC("B:1","S:1")</script>
</body></html>"""


def test_segment_moves_into_its_placeholder() -> None:
    root = build_tree(_PAGE)
    main = root.find(".//main")
    assert main is not None
    assert [child.tag for child in main][:3] == ["h1", "section", "div"]
    assert root.find(".//template") is None
    assert not root.xpath("//div[@hidden]")
    assert "Ships in two days." in main.text_content()


def test_streamed_description_is_the_body() -> None:
    article = articlekit.parse(_PAGE)
    assert _DESCRIPTION in article.text
    assert "Capacity: 1.7 litres" in article.text


def test_segment_without_placeholder_stays_hidden() -> None:
    page = _PAGE.replace('<template id="B:1"></template>', "")
    root = build_tree(page)
    assert root.xpath("//div[@hidden][@id='S:1']")
