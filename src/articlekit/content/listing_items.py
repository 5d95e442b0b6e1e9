"""Listing items: each run of grid items becomes one ``<ul>``, each item one ``<li>``.

An item's card is read as lines (its title, teaser, date, author, price: each
block of the card a line, as the blocks walk reads it), so that the list item
keeps the card's reading order without the card's layout.  The title (the
longest link of the card) stays a link; repeated lines (a title set twice, over
the picture and under it) and button residue ("Read more", "Add to cart") go.

The ``<li>`` holds the lines separated by ``<br>``: the blocks stage reads it as
one list item whose first line is the title.
"""

from __future__ import annotations

from typing import cast

from lxml import etree, html

from articlekit.content.boilerplate_text import is_boilerplate_text
from articlekit.content.pruning import norm
from articlekit.content.walker import Walker
from articlekit.input.elements import drop_element, is_screen_reader_only, text_of
from articlekit.input.xpath import boolean_query

__all__ = ["item_runs", "runs_to_lists"]


def item_runs(
    region: html.HtmlElement, grids: list[tuple[html.HtmlElement, ...]]
) -> list[list[html.HtmlElement]]:
    """The items of ``grids`` inside ``region`` in runs: items of one grid with no text
    between them (a heading or an intro between two runs splits them)."""
    owner = {item: index for index, items in enumerate(grids) for item in items}
    runs: list[list[html.HtmlElement]] = []
    current: list[html.HtmlElement] = []
    last_owner = -1
    walk = etree.iterwalk(region, events=("start", "end"))
    for event, element in walk:
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            index = owner.get(element)
            if index is not None:
                if index != last_owner and current:
                    runs.append(current)
                    current = []
                current.append(element)
                last_owner = index
                walk.skip_subtree()
            elif element.text and element.text.strip() and current:
                runs.append(current)
                current, last_owner = [], -1
        elif element is not region and element.tail and element.tail.strip() and current:
            runs.append(current)
            current, last_owner = [], -1
    if current:
        runs.append(current)
    return runs


def runs_to_lists(runs: list[list[html.HtmlElement]]) -> list[html.HtmlElement]:
    """Replace each run of items by a ``<ul>`` of their lines, in place; the new lists.

    A run whose items give fewer than two list items (cards without text) is left.
    """
    lists: list[html.HtmlElement] = []
    for run in runs:
        first = run[0]
        ul = cast("html.HtmlElement", first.makeelement("ul"))
        for item in run:
            li = _list_item(item)
            if li is not None:
                ul.append(li)
        if len(ul) < 2:
            continue
        # items that are a list's own <li>s: the new list takes that list's place
        parent = first.getparent()
        whole = parent is not None and parent.tag in ("ul", "ol")
        whole = whole and all(item.getparent() is parent for item in run)
        (parent if whole and parent is not None else first).addprevious(ul)
        ul.tail = None
        for item in run:
            drop_element(item)
        if whole and parent is not None and not len(parent) and not norm(parent.text or ""):
            drop_element(parent)
        lists.append(ul)
    return lists


def _list_item(item: html.HtmlElement) -> html.HtmlElement | None:
    lines = _lines(item)
    if not lines:
        return None
    li = cast("html.HtmlElement", item.makeelement("li"))
    title, href = _title_link(item, lines)
    previous: html.HtmlElement | None = None
    for index, line in enumerate(lines):
        if index:
            br = cast("html.HtmlElement", item.makeelement("br"))
            li.append(br)
            previous = br
        if href is not None and line == title:
            link = cast("html.HtmlElement", item.makeelement("a", href=href))
            link.text = line
            li.append(link)
            previous, href = link, None  # the title is linked once
        elif previous is None:
            li.text = line
        else:
            previous.tail = line
    return li


def _lines(item: html.HtmlElement) -> list[str]:
    """The card's lines in reading order, each once, without button residue."""
    links = [(link, norm(text_of(link))) for link in item.iter("a") if link is not item]
    # "Continue reading", "Read more" at the end of the teaser: the item is read once;
    # a link playing a button ("Add to Wish List", "Compare") is an action, not a line
    actions = [
        link
        for link, text in links
        if (_is_button(link) and len(text.split()) <= BUTTON_WORDS)
        or (text and is_boilerplate_text(text) is not None)
    ]
    # a later link to the item's page in a few words, outside a heading ("Shop Now",
    # "View details"): the card's button, in any language
    target = None
    for link, text in links:
        if link in actions or not text:
            continue
        if target is None:
            target = link.get("href")
        elif link.get("href") == target and _call_to_action(text) and not _IN_HEADING(link):
            actions.append(link)
    for link in actions:
        drop_element(link)
    # a card's screen-reader labels ("Regular price", "Vendor:") repeat what it shows
    for label in [e for e in item.iterdescendants(etree.Element) if _screen_reader_only(e)]:
        drop_element(label)
    _space_fields(item)
    walker = Walker(None, figures=False)
    walker.container(item)
    walker.flush()
    seen: set[str] = set()
    lines: list[str] = []
    for block in walker.blocks:
        for raw in block.plain_text.split("\n"):
            line = norm(raw)
            if not line or line in seen or is_boilerplate_text(line) is not None:
                continue
            seen.add(line)
            lines.append(line)
    return lines


def _is_button(link: html.HtmlElement) -> bool:
    """A link set as a button: its role, or the button class of the CSS frameworks
    (Bootstrap's "btn btn-primary", "button button--secondary": markup tokens)."""
    if link.get("role") == "button":
        return True
    classes = link.get("class")
    return bool(classes) and any(
        name in ("btn", "button") or name.startswith(("btn-", "button-", "button_"))
        for name in classes.split()
    )


BUTTON_WORDS = 4
"""Words of a button's label ("Add to Wish List"); a longer link set as a button is
the card's own text (a whole card made clickable)."""
CALL_TO_ACTION_WORDS = 3
"""Words of a second link to the item's own page that make it a button, not a line."""


_IN_HEADING = boolean_query(
    "boolean(ancestor::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6])"
)


def _screen_reader_only(element: html.HtmlElement) -> bool:
    classes = element.get("class")
    return bool(classes) and is_screen_reader_only(classes)


def _call_to_action(text: str) -> bool:
    return 0 < len(text.split()) <= CALL_TO_ACTION_WORDS and not any(c.isdigit() for c in text)


# inline elements a card sets its fields in (brand, name, price, old price, date)
_FIELD_TAGS = frozenset(
    ("span", "a", "b", "strong", "em", "i", "small", "bdi", "s", "del", "ins", "time", "data")
)


def _space_fields(item: html.HtmlElement) -> None:
    """Put a space between two inline fields of a card set side by side without one
    ("<span>Merrell</span><span>Moab 3</span>", "$108<s>$120</s>"): the card's style
    sets them apart, and run together they make one word.  A letter styled apart
    ("<b>W</b>ord") is not a field."""
    for element in item.iterdescendants(*_FIELD_TAGS):
        following = element.getnext()
        if following is None or element.tail or following.tag not in _FIELD_TAGS:
            continue
        left, right = text_of(element), text_of(following)
        if len(left.strip()) < 2 or len(right.strip()) < 2:
            continue
        if not left[-1].isspace() and not right[0].isspace():
            element.tail = " "


def _title_link(item: html.HtmlElement, lines: list[str]) -> tuple[str, str | None]:
    """The card's title line and its address: the longest link that is a line of its
    own, or the first line when the whole card is one link."""
    best, best_text = None, ""
    for link in item.iter("a"):
        href = link.get("href")
        if not href or href.startswith(("#", "javascript")):
            continue
        text = norm(text_of(link))
        if text in lines and len(text) > len(best_text):
            best, best_text = href, text
    if best is None and item.tag == "a" and item.get("href"):
        return lines[0], item.get("href")
    return best_text, best
