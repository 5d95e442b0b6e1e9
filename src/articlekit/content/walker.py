"""Blocks: the walk over the main-content element that makes typed blocks.

One walk over the content tree.  Block-level elements end the current run of
inline text (so a ``div`` with direct text is a paragraph, and a ``<br><br>``
ends one); headings, lists, code, quotes, tables and figures become typed
blocks.  Paragraphs of an element named as a standfirst are marked, so that the
metadata-line cleanup (:mod:`.metadata_lines`) can tell them.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.content.figures import figure_from_element, is_figure_wrapper
from articlekit.content.furniture import CUT_TAG
from articlekit.input.xpath import boolean_query, text_query
from articlekit.model import Block, BlockKind, Figure

__all__ = ["Walker", "inline_text"]

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CONTAINERS = frozenset(
    [
        "address",
        "article",
        "aside",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "footer",
        "form",
        "header",
        "hgroup",
        "li",
        "main",
        "nav",
        "section",
        "summary",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "caption",
        "figcaption",
        "body",
        "html",
        "span",
        "noscript",
    ]
)
_BLOCK_INLINE_BREAK = frozenset(_CONTAINERS - {"span"}) | {"p", "hr"}
_BR = "\x0b"
_TEXT_OR_BR = text_query(".//text() | .//br")
_HAS_BLOCK_CHILD = boolean_query(
    "boolean(.//p or .//div or .//ul or .//ol or .//table or .//h1 or .//h2 or .//h3"
    " or .//h4 or .//h5 or .//h6 or .//blockquote or .//pre or .//figure or .//img)"
)


def inline_text(element: html.HtmlElement) -> str:
    """The element's text with whitespace collapsed; ``<br>`` gives a line break."""
    if element.find(".//br") is None:
        return " ".join(element.text_content().split())
    pieces = [p if isinstance(p, str) else _BR for p in _TEXT_OR_BR(element)]
    return "\n".join(_lines("".join(pieces)))


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in text.split(_BR)) if line]


class Walker:
    """Collects blocks; ``inline`` is the run of text not yet closed by a block."""

    def __init__(self, base_url: str | None, figures: bool) -> None:
        self.blocks: list[Block] = []
        self.inline: list[str] = []
        self.base_url = base_url
        self.figures = figures
        self.link_chars = 0
        """Characters of link text in the current inline run (a row of links is a menu)."""
        self.deks: set[int] = set()
        """Indices of paragraphs from an element named as a standfirst (dek, chapô)."""

    def text(self, value: str | None) -> None:
        """Add ``value`` to the inline run."""
        if value:
            self.inline.append(value)

    def flush(self) -> None:
        """Close the inline run: its paragraphs become blocks (a menu row is dropped)."""
        if not self.inline:
            return
        raw = "".join(self.inline)
        self.inline = []
        link_chars, self.link_chars = self.link_chars, 0
        if not raw.strip():
            return
        visible = len("".join(raw.split()))
        if visible < 300 and link_chars >= 0.8 * visible and raw.count("|") + raw.count("·") >= 2:
            return  # "Home | About | Contact": a menu row left in the content
        paragraph: list[str] = []
        # a blank line (two <br>) ends a paragraph; one <br> is a line break in it
        for part in raw.split(_BR):
            line = " ".join(part.split())
            if line:
                paragraph.append(line)
            elif paragraph and part.count("\n") < 100:
                self._paragraph("\n".join(paragraph))
                paragraph = []
        if paragraph:
            self._paragraph("\n".join(paragraph))

    def _paragraph(self, text: str) -> None:
        self.blocks.append(Block(BlockKind.PARAGRAPH, text=text))

    def container(self, element: html.HtmlElement) -> None:
        """Walk the text and children of ``element``."""
        self.text(element.text)
        for child in element:
            self.node(child)
            self.text(child.tail)

    def node(self, element: html.HtmlElement) -> None:
        """Walk one element: a typed block, a break, or inline text joining the run."""
        tag = element.tag
        if not isinstance(tag, str):
            return
        if tag == "br":
            self.inline.append(_BR)
            return
        if tag in _HEADINGS:
            self._leaf(element, BlockKind.HEADING, level=_HEADINGS[tag])
        elif tag == "p":
            self._paragraphs(element)
        elif tag in ("ul", "ol"):
            self._list(element, ordered=tag == "ol")
        elif tag == "pre":
            self.flush()
            code = element.text_content().strip("\n").rstrip()
            if code.strip():
                self.blocks.append(Block(BlockKind.CODE, text=code))
        elif tag == "blockquote":
            self._quote(element)
        elif tag in ("img", "picture", "amp-img") and self._inline_image(element):
            return  # an image inside a sentence (emoji, counter, icon) is not a figure
        elif tag in ("figure", "img", "picture", "amp-img") or is_figure_wrapper(element):
            self._figure(element)
        elif tag == "table":
            self._table(element)
        elif tag in ("hr", CUT_TAG):
            self.flush()
        elif tag in _BLOCK_INLINE_BREAK:
            self._paragraphs(element)
        else:
            # inline markup (a, span, em, ...): its text joins the run
            if tag == "a":
                self.link_chars += len("".join(element.text_content().split()))
            self.container(element)

    def _inline_image(self, element: html.HtmlElement) -> bool:
        before = "".join(self.inline).split(_BR)[-1]
        after = (element.tail or "").split("\n")[0]
        return bool(before.strip()) and bool(after.strip())

    def _paragraphs(self, element: html.HtmlElement) -> None:
        """The blocks of a paragraph-like ``element``; a standfirst's are marked as such."""
        self.flush()
        start = len(self.blocks)
        self.container(element)
        self.flush()
        if _is_dek(element):
            self.deks.update(range(start, len(self.blocks)))

    def _leaf(self, element: html.HtmlElement, kind: BlockKind, level: int | None = None) -> None:
        self.flush()
        text = inline_text(element)
        if text:
            self.blocks.append(Block(kind, text=text, level=level))

    def _list(self, element: html.HtmlElement, *, ordered: bool) -> None:
        self.flush()
        items = [t for t in (inline_text(li) for li in element if li.tag == "li") if t]
        loose = " ".join(
            " ".join(c.text_content().split())
            for c in element
            if isinstance(c.tag, str) and c.tag not in ("li", "ul", "ol")
        ).strip()
        if loose:
            items.append(loose)
        if items:
            self.blocks.append(
                Block(BlockKind.LIST, text="\n".join(items), items=tuple(items), ordered=ordered)
            )
        if self.figures:
            for image in element.iter("img"):
                self._figure(image)

    def _quote(self, element: html.HtmlElement) -> None:
        self.flush()
        inner = Walker(self.base_url, figures=False)
        inner.container(element)
        inner.flush()
        text = "\n".join(b.plain_text for b in inner.blocks if b.plain_text)
        if text:
            self.blocks.append(Block(BlockKind.QUOTE, text=text))

    def _table(self, element: html.HtmlElement) -> None:
        self.flush()
        if not _is_data_table(element):
            self.container(element)
            self.flush()
            return
        rows: list[tuple[str, ...]] = []
        for row in element.iter("tr"):
            cells = tuple(inline_text(c) for c in row if c.tag in ("td", "th"))
            if any(cells):
                rows.append(cells)
        caption = element.find("caption")
        if caption is not None and inline_text(caption):
            self.blocks.append(Block(BlockKind.PARAGRAPH, text=inline_text(caption)))
        if rows:
            text = "\n".join(" ".join(c for c in r if c) for r in rows)
            self.blocks.append(Block(BlockKind.TABLE, text=text, rows=tuple(rows)))

    def _figure(self, element: html.HtmlElement) -> None:
        figure = figure_from_element(element, self.base_url) if self.figures else None
        if figure is None:
            if element.tag in ("img", "picture", "amp-img"):
                return
            # a figure without an image (a quote, a chart as a table, an embed): its text
            self.flush()
            self.container(element)
            self.flush()
            return
        if figure.src is None and not figure.caption:
            return
        self.flush()
        self.blocks.append(Block(BlockKind.FIGURE, text=figure.caption or "", figure=figure))
        if element.tag not in ("img", "picture") and _HAS_BLOCK_CHILD(element):
            # text outside the caption inside a big figure wrapper is still text
            rest = Walker(self.base_url, figures=False)
            rest.container(_without_figure_parts(element))
            rest.flush()
            self.blocks.extend(b for b in rest.blocks if b.text not in _figure_texts(figure))


def _figure_texts(figure: Figure) -> set[str]:
    texts = {figure.caption or "", figure.credit or ""}
    if figure.caption and figure.credit:
        texts.add(f"{figure.caption} {figure.credit}")
    return texts


def _without_figure_parts(element: html.HtmlElement) -> html.HtmlElement:
    from copy import deepcopy

    clone: html.HtmlElement = deepcopy(element)
    clone.tail = None
    for part in clone.xpath(".//figcaption | .//img | .//picture"):
        parent = part.getparent()
        if parent is not None:
            part.drop_tree()
    return clone


def _is_data_table(table: html.HtmlElement) -> bool:
    if table.get("role") == "presentation" or table.find(".//table") is not None:
        return False
    if table.xpath("boolean(.//td//p or .//td//div[p] or .//td//ul)"):
        # cells holding paragraphs: a layout table around prose
        long_cells = [c for c in table.iter("td") if len(c.text_content()) > 300]
        if long_cells:
            return False
    return True


def _is_dek(element: html.HtmlElement) -> bool:
    hint = element.get("class")
    return bool(hint) and _DEK_HINT.search(hint) is not None


_DEK_HINT = re.compile(
    r"(?:^|[\s_-])(?:dek|deck|standfirst|chapo|chapeau|sapo|strapline|subhead|subtitle|"
    r"excerpt|entradilla|bajada)",
    re.IGNORECASE,
)
