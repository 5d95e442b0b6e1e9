"""Blocks: the walk over the main-content element that makes typed blocks.

One walk over the content tree.  Block-level elements end the current run of
inline text (so a ``div`` with direct text is a paragraph, and a ``<br><br>``
ends one); headings, lists, code, quotes, tables and figures become typed
blocks.  Paragraphs of an element named as a standfirst are marked, so that the
metadata-line cleanup (:mod:`.metadata_lines`) can tell them.

Links and formatting are noted as marks while the text runs are joined and
become spans over the finished text (:mod:`.inline`), so the text is made
exactly as it was before spans existed; code blocks come from :mod:`.code`.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import html

from articlekit.content.code import code_block, is_code_table
from articlekit.content.figures import figure_from_element, is_figure_wrapper, repeats_figure
from articlekit.content.furniture import CUT_TAG
from articlekit.content.inline import (
    BR,
    Mark,
    collapse,
    inline_content,
    inline_text,
    join_lines,
    mark_of,
    spans_of,
)
from articlekit.input.caseless import CaselessPattern
from articlekit.input.elements import has_descendant, text_of
from articlekit.input.xpath import element_query
from articlekit.model import Block, BlockKind, Span, SpanKind, Sublist

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
_BR = BR
_BLOCK_DESCENDANTS = (
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "img",
)


class Walker:
    """Collects blocks; ``inline`` is the run of text not yet closed by a block."""

    def __init__(
        self,
        base_url: str | None,
        figures: bool,
        kinds: frozenset[SpanKind] = frozenset(),
        max_blocks: int | None = None,
    ) -> None:
        self.blocks: list[Block] = []
        self.max_blocks = max_blocks
        """Blocks after which the walk stops (``Limits.max_blocks``); None walks all."""
        self.cut = False
        """Whether the walk stopped at ``max_blocks`` with elements left unread."""
        self.inline: list[str] = []
        self.length = 0
        """Characters in ``inline`` (the raw offset a mark starts at)."""
        self.marks: list[Mark] = []
        """Links and formatting of the inline run, in raw offsets."""
        self.runs = 0
        """Closed runs so far: a mark whose run was closed inside it is dropped."""
        self.base_url = base_url
        self.figures = figures
        self.kinds = kinds
        """Span kinds kept (links, formatting), from the options."""
        self.link_chars = 0
        """Characters of link text in the current inline run (a row of links is a menu)."""
        self.deks: set[int] = set()
        """Indices of paragraphs from an element named as a standfirst (dek, chapô)."""

    def text(self, value: str | None) -> None:
        """Add ``value`` to the inline run."""
        if value:
            self.inline.append(value)
            self.length += len(value)

    def flush(self) -> None:
        """Close the inline run: its paragraphs become blocks (a menu row is dropped)."""
        self.runs += 1
        if not self.inline:
            return
        raw = "".join(self.inline)
        marks = self.marks
        self.inline, self.marks, self.length = [], [], 0
        link_chars, self.link_chars = self.link_chars, 0
        if not raw.strip():
            return
        visible = len("".join(raw.split()))
        if visible < 300 and link_chars >= 0.8 * visible and raw.count("|") + raw.count("·") >= 2:
            return  # "Home | About | Contact": a menu row left in the content
        paragraph: list[tuple[str, list[Mark]]] = []
        # a blank line (two <br>) ends a paragraph; one <br> is a line break in it
        for part, line in zip(raw.split(_BR), collapse(raw, marks), strict=True):
            if line[0]:
                paragraph.append(line)
            elif paragraph and part.count("\n") < 100:
                self._paragraph(*join_lines(paragraph))
                paragraph = []
        if paragraph:
            self._paragraph(*join_lines(paragraph))

    def _paragraph(self, text: str, marks: list[Mark]) -> None:
        self.blocks.append(Block(BlockKind.PARAGRAPH, text=text, inline=spans_of(marks)))

    def container(self, element: html.HtmlElement) -> None:
        """Walk the text and children of ``element``; stop at ``max_blocks`` blocks."""
        self.text(element.text)
        cap = self.max_blocks
        for child in element:
            if cap is not None and len(self.blocks) >= cap:
                self.cut = True  # a hostile page's 100,000 paragraphs: stop, not cut later
                return
            self.node(child)
            self.text(child.tail)

    def node(self, element: html.HtmlElement) -> None:
        """Walk one element: a typed block, a break, or inline text joining the run."""
        tag = element.tag
        if not isinstance(tag, str):
            return
        if tag == "br":
            self.text(_BR)
            return
        if tag in _HEADINGS:
            self._leaf(element, BlockKind.HEADING, level=_HEADINGS[tag])
        elif tag == "p":
            self._paragraphs(element)
        elif tag in ("ul", "ol"):
            self._list(element, ordered=tag == "ol")
        elif tag == "pre":
            self.flush()
            block = code_block(element, self.base_url, SpanKind.LINK in self.kinds)
            if block is not None:
                self.blocks.append(block)
        elif tag == "blockquote":
            self._quote(element)
        elif tag in ("img", "picture", "amp-img") and self._inline_image(element):
            return  # an image inside a sentence (emoji, counter, icon) is not a figure
        elif tag in ("figure", "img", "picture", "amp-img") or is_figure_wrapper(element):
            self._figure(element)
        elif tag == "table" and is_code_table(element):
            self.flush()
            block = code_block(element)
            if block is not None:
                self.blocks.append(block)
        elif tag == "table":
            self._table(element)
        elif tag in ("hr", CUT_TAG):
            self.flush()
        elif tag in _BLOCK_INLINE_BREAK:
            self._paragraphs(element)
        else:
            # inline markup (a, span, em, ...): its text joins the run
            if tag == "a":
                self.link_chars += len("".join(text_of(element).split()))
            start, run = self.length, self.runs
            self.container(element)
            mark = mark_of(element, self.base_url, self.kinds) if self.kinds else None
            if mark is not None and run == self.runs and self.length > start:
                self.marks.append(Mark(start, self.length, *mark))

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
        text, marks = inline_content(element, self.base_url, self.kinds)
        if text:
            self.blocks.append(Block(kind, text=text, level=level, inline=spans_of(marks)))

    def _list(self, element: html.HtmlElement, *, ordered: bool) -> None:
        self.flush()
        block = self._list_block(element, ordered=ordered)
        if block is not None:
            self.blocks.append(block)
        if self.figures:
            for image in element.iter("img"):
                self._figure(image)

    def _list_block(self, element: html.HtmlElement, *, ordered: bool) -> Block | None:
        """A list block; a list inside an item is also kept as a :class:`Sublist`."""
        items: list[str] = []
        item_inline: list[tuple[Span, ...]] = []
        sublists: list[Sublist] = []
        for li in element:
            if li.tag != "li":
                continue
            text, marks = inline_content(li, self.base_url, self.kinds, lists=True)
            if not text:
                continue
            for mark, nested in zip(*_outer_lists(li, marks), strict=True):
                block = self._list_block(nested, ordered=nested.tag == "ol")
                if block is not None:
                    sublists.extend(_nested(block, len(items), mark, len(sublists)))
            items.append(text)
            item_inline.append(spans_of(marks))
        loose = " ".join(
            " ".join(text_of(c).split())
            for c in element
            if isinstance(c.tag, str) and c.tag not in ("li", "ul", "ol")
        ).strip()
        if loose:
            items.append(loose)
            item_inline.append(())
        if not items:
            return None
        return Block(
            BlockKind.LIST,
            text="\n".join(items),
            items=tuple(items),
            ordered=ordered,
            item_inline=tuple(item_inline) if any(item_inline) else (),
            sublists=tuple(sublists),
        )

    def _quote(self, element: html.HtmlElement) -> None:
        self.flush()
        inner = Walker(self.base_url, figures=False, kinds=self.kinds)
        inner.container(element)
        inner.flush()
        # a table or code quoted whole (a mailing-list post, a changelog) stays a table
        # or code block; the text around it becomes quote blocks
        parts: list[tuple[str, list[Mark]]] = []
        for block in inner.blocks:
            if block.kind in _KEPT_IN_QUOTES:
                self._quote_text(parts)
                parts = []
                self.blocks.append(block)
            elif block.plain_text:
                parts.append((block.plain_text, _plain_text_marks(block)))
        self._quote_text(parts)

    def _quote_text(self, parts: list[tuple[str, list[Mark]]]) -> None:
        text, marks = join_lines(parts)
        if text:
            self.blocks.append(Block(BlockKind.QUOTE, text=text, inline=spans_of(marks)))

    def _table(self, element: html.HtmlElement) -> None:
        self.flush()
        if not _is_data_table(element):
            self.container(element)
            self.flush()
            return
        rows: list[tuple[str, ...]] = []
        cell_inline: list[tuple[tuple[Span, ...], ...]] = []
        for row in element.iter("tr"):
            contents = [
                inline_content(c, self.base_url, self.kinds) for c in row if c.tag in ("td", "th")
            ]
            cells = tuple(text for text, _ in contents)
            if any(cells):
                rows.append(cells)
                cell_inline.append(tuple(spans_of(marks) for _, marks in contents))
        caption = element.find("caption")
        if caption is not None and inline_text(caption):
            self.blocks.append(Block(BlockKind.PARAGRAPH, text=inline_text(caption)))
        if rows:
            text = "\n".join(" ".join(c for c in r if c) for r in rows)
            has_spans = any(any(row) for row in cell_inline)
            self.blocks.append(
                Block(
                    BlockKind.TABLE,
                    text=text,
                    rows=tuple(rows),
                    cell_inline=tuple(cell_inline) if has_spans else (),
                )
            )

    def _figure(self, element: html.HtmlElement) -> None:
        if self.figures and element.tag == "figure" and len(_INNER_FIGURES(element)) > 1:
            # a gallery (wp-block-gallery): each of its figures is a figure of its own
            self.flush()
            self.container(element)
            self.flush()
            return
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
        if element.tag not in ("img", "picture") and has_descendant(element, _BLOCK_DESCENDANTS):
            # text outside the caption inside a big figure wrapper is still text
            rest = Walker(self.base_url, figures=False, kinds=self.kinds)
            rest.container(_without_figure_parts(element))
            rest.flush()
            self.blocks.extend(
                b for b in rest.blocks if b.text and not repeats_figure(b.text, figure)
            )


def _outer_lists(
    li: html.HtmlElement, marks: list[Mark]
) -> tuple[list[Mark], list[html.HtmlElement]]:
    """The marks of the lists nested in ``li`` (not those inside them) with their elements.

    A nested list split by ``<br>`` lines has a mark per line: those are joined.
    When marks and elements do not pair up, no sublist is kept (the text is).
    """
    sublist_marks: list[Mark] = []
    for mark in sorted((m for m in marks if m.kind is None), key=lambda m: (m.start, -m.end)):
        last = sublist_marks[-1] if sublist_marks else None
        if last is not None and mark.start <= last.end + 1:  # inside it, or its next line
            sublist_marks[-1] = Mark(last.start, max(last.end, mark.end), None)
        else:
            sublist_marks.append(mark)
    elements = [e for e in li.iter("ul", "ol") if e is not li and _in_list_below(e, li) is False]
    elements = [e for e in elements if text_of(e).strip()]
    if len(sublist_marks) != len(elements):
        return [], []
    return sublist_marks, elements


def _nested(block: Block, item: int, mark: Mark, index: int) -> list[Sublist]:
    """``block`` as the sublist at ``index`` of its parent list, then its own sublists
    (their ``parent`` indices moved to count from the parent's list)."""
    own = Sublist(item, mark.start, mark.end, block.items, block.ordered, block.item_inline)
    moved = [
        replace(s, parent=index if s.parent is None else index + 1 + s.parent)
        for s in block.sublists
    ]
    return [own, *moved]


def _in_list_below(element: html.HtmlElement, li: html.HtmlElement) -> bool:
    """Whether a list between ``element`` and its ancestor ``li`` holds ``element``."""
    parent = element.getparent()
    while parent is not None and parent is not li:
        if parent.tag in ("ul", "ol"):
            return True
        parent = parent.getparent()
    return False


def _plain_text_marks(block: Block) -> list[Mark]:
    """The block's spans as marks over its ``plain_text``."""
    if block.kind is BlockKind.LIST:
        pieces = [
            (item, _marks(spans))
            for item, spans in zip(block.items, _item_spans(block), strict=False)
        ]
        return join_lines(pieces)[1]
    if block.kind is BlockKind.TABLE:
        rows = []
        for row, spans in zip(
            block.rows, block.cell_inline or [()] * len(block.rows), strict=False
        ):
            cells = [
                (cell, _marks(s)) for cell, s in zip(row, spans or [()] * len(row), strict=False)
            ]
            rows.append(join_lines(cells, "\t"))
        return join_lines(rows)[1]
    return _marks(block.inline)


def _item_spans(block: Block) -> tuple[tuple[Span, ...], ...]:
    return block.item_inline or tuple(() for _ in block.items)


def _marks(spans: tuple[Span, ...]) -> list[Mark]:
    return [Mark(s.start, s.end, s.kind, s.href) for s in spans]


_INNER_FIGURES = element_query(".//figure")


def _without_figure_parts(element: html.HtmlElement) -> html.HtmlElement:
    from copy import deepcopy

    clone: html.HtmlElement = deepcopy(element)
    clone.tail = None
    for part in clone.xpath(".//figcaption | .//img | .//picture"):
        parent = part.getparent()
        if parent is not None:
            part.drop_tree()
    return clone


_KEPT_IN_QUOTES = frozenset((BlockKind.TABLE, BlockKind.CODE))


def _is_data_table(table: html.HtmlElement) -> bool:
    if table.get("role") == "presentation" or table.find(".//table") is not None:
        return False
    if table.xpath("boolean(.//td//p or .//td//div[p] or .//td//ul)"):
        # cells holding paragraphs: a layout table around prose (the cell's words
        # counted, not the indentation of its markup)
        long_cells = [c for c in table.iter("td") if len(" ".join(text_of(c).split())) > 300]
        if long_cells and not _is_headed_grid(table):
            return False
    return True


def _is_headed_grid(table: html.HtmlElement) -> bool:
    """A table with header cells and three or more rows of the same width (two or more
    cells): a list of films with a synopsis each is data, however long its cells."""
    if not table.xpath("boolean(.//th or .//thead)"):
        return False
    widths = [sum(1 for cell in row if cell.tag in ("td", "th")) for row in table.iter("tr")]
    body = [width for width in widths if width]
    return len(body) >= 3 and min(body) >= 2 and len(set(body[1:])) == 1


def _is_dek(element: html.HtmlElement) -> bool:
    hint = element.get("class")
    return bool(hint) and _DEK_HINT.found_in(hint)


_DEK_HINT = CaselessPattern.of(
    r"(?:^|[\s_-])(?:dek|deck|standfirst|chapo|chapeau|sapo|strapline|subhead|subtitle|"
    r"excerpt|entradilla|bajada)"
)
