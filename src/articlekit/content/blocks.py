"""Stage 6 - blocks: the main-content element as typed blocks in reading order.

One walk over the content tree.  Block-level elements end the current run of
inline text (so a ``div`` with direct text is a paragraph, and a ``<br><br>``
ends one); headings, lists, code, quotes, tables and figures become typed
blocks.  The heading that repeats the article title and the visible
byline/dateline lines are left out: they are metadata, not body text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lxml import html

from articlekit.content.boilerplate_text import is_boilerplate_text
from articlekit.content.cleaning import CREDIT_LINE
from articlekit.content.figures import figure_from_element, is_figure_wrapper, page_base_url
from articlekit.content.furniture import CUT_TAG
from articlekit.input.xpath import boolean_query, text_query
from articlekit.metadata.extract import Metadata
from articlekit.model import Block, BlockKind, Figure
from articlekit.options import Options

__all__ = ["build_blocks", "inline_text"]

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
_BY_PREFIX = re.compile(
    r"^(?:(?:(?:photos?|photographs|pictures|words|text|story|reporting|images)"
    r"(?:\s+(?:and|&)\s+(?:photos?|photographs|words|text|pictures))?\s+)?by|von|par|por|"
    r"(?:written|posted|published|geschrieben|verfasst|publié|escrito)\s+(?:by|von|par|por):?|"
    r"text:|autor:|autorin:|author:|auteur\s*:)\s+\S",
    re.IGNORECASE,
)
_BY_INSIDE = re.compile(
    r"\b(?:verfasst|geschrieben|written|posted|published|publié|escrito|scritto)\s+"
    r"(?:von|by|par|por|da)\s+\w",
    re.IGNORECASE,
)
_READ_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?\s+(?:read|lesezeit|de\s+lecture|de\s+lectura)|"
    r"minuten\s+lesezeit)|\blesezeit\b|\btemps\s+de\s+lecture\b|\btiempo\s+de\s+lectura\b",
    re.IGNORECASE,
)


def build_blocks(
    root: html.HtmlElement | None, metadata: Metadata, options: Options
) -> tuple[Block, ...]:
    """Typed blocks (paragraphs, headings, lists, ...) of the main-content element."""
    if root is None:
        return ()
    if _HAS_INVISIBLE(root):
        _drop_invisible_marks(root)
    walker = _Walker(page_base_url(root, metadata.url), options.figures)
    walker.container(root)
    walker.flush()
    blocks = _drop_metadata_lines(walker.blocks, metadata, walker.deks)
    return _drop_trailing_headings(_drop_residue_lines(blocks))


# soft hyphens (hyphenation points), zero-width spaces (break points) and byte-order
# marks are invisible: kept, they split words ("Mit\u00adtel\u00adal\u00adter") for search
_INVISIBLE = "\u00ad\u200b\ufeff"
# A character reference such as "&#8;" puts a control character into the tree, and lxml
# refuses to store text holding one: those go too, so the text can be written back.
_NOT_XML = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
_INVISIBLE_MAP = dict.fromkeys([*map(ord, _INVISIBLE), *_NOT_XML])
_HAS_INVISIBLE = boolean_query(
    "boolean(.//text()[contains(., '\u00ad') or contains(., '\u200b') or contains(., '\ufeff')])"
)


def _drop_invisible_marks(root: html.HtmlElement) -> None:
    """Remove the invisible marks from every text and tail under ``root``, in place."""
    for element in root.iter():
        if element.text:
            element.text = element.text.translate(_INVISIBLE_MAP)
        if element.tail:
            element.tail = element.tail.translate(_INVISIBLE_MAP)


def _drop_residue_lines(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Without paragraphs that are template residue once split into lines.

    Content cleaning judges elements; a line of loose text between ``<br>`` in a
    text box ("Du musst eingeloggt sein, um Kommentare zu schreiben") is only a
    paragraph here, so the same test runs again on paragraphs.
    """
    kept: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and is_boilerplate_text(block.text) is not None:
            after_figure = bool(kept) and kept[-1].kind is BlockKind.FIGURE
            if not (after_figure and CREDIT_LINE.match(block.text)):
                continue  # "Photo: AP" under a picture is its credit (see figures.py)
        kept.append(block)
    return tuple(kept)


TRAILING_HEADING_CHARS = 100
"""A heading this short that nothing follows titles a section the page left out."""


_TWO_SENTENCES = re.compile(r"\w[.!?] +\w")


def _drop_trailing_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Without the headings that end the content: "Related topics", "More from us" whose
    teaser list was removed as boilerplate leave them behind with nothing to head."""
    end = len(blocks)
    while (
        end > 1
        and blocks[end - 1].kind is BlockKind.HEADING
        and len(blocks[end - 1].text) < TRAILING_HEADING_CHARS
        and not _TWO_SENTENCES.search(blocks[end - 1].text)  # prose set as a heading
    ):
        end -= 1
    return blocks[:end]


def inline_text(element: html.HtmlElement) -> str:
    """The element's text with whitespace collapsed; ``<br>`` gives a line break."""
    if element.find(".//br") is None:
        return " ".join(element.text_content().split())
    pieces = [p if isinstance(p, str) else _BR for p in _TEXT_OR_BR(element)]
    return "\n".join(_lines("".join(pieces)))


def _lines(text: str) -> list[str]:
    return [line for line in (" ".join(part.split()) for part in text.split(_BR)) if line]


class _Walker:
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
        if value:
            self.inline.append(value)

    def flush(self) -> None:
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
        self.text(element.text)
        for child in element:
            self.node(child)
            self.text(child.tail)

    def node(self, element: html.HtmlElement) -> None:
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
        inner = _Walker(self.base_url, figures=False)
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
            rest = _Walker(self.base_url, figures=False)
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


# ---------------------------------------------------------------------------
# Title and byline lines repeat metadata; they are not body text.


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _is_dek(element: html.HtmlElement) -> bool:
    hint = element.get("class")
    return bool(hint) and _DEK_HINT.search(hint) is not None


_DEK_HINT = re.compile(
    r"(?:^|[\s_-])(?:dek|deck|standfirst|chapo|chapeau|sapo|strapline|subhead|subtitle|"
    r"excerpt|entradilla|bajada)",
    re.IGNORECASE,
)


def _drop_metadata_lines(
    blocks: Iterable[Block], metadata: Metadata, deks: set[int] | frozenset[int] = frozenset()
) -> tuple[Block, ...]:
    """Leave out what repeats the metadata: the title heading, the kicker above it,
    the standfirst when it is the description, byline and dateline lines."""
    blocks = list(blocks)
    title = _key(metadata.title or "")
    byline = _key(metadata.byline or "")
    description = _key(metadata.description or "")
    title_at = _title_heading(blocks, title)
    first_prose = next(
        (i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH and len(b.text) > 150),
        len(blocks),
    )
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index == title_at:
            continue
        if block.kind is BlockKind.PARAGRAPH:
            text = block.text
            top = index < max(first_prose, 1) and index < 10
            near_edge = index < 10 or index >= len(blocks) - 3
            if title_at is not None and index < title_at and _is_label(text):
                continue  # kicker or section label above the headline
            if (
                title_at is not None
                and title_at < index <= title_at + 2
                and index in deks
                and description
                and _key(text) == description
            ):
                continue  # the standfirst under the headline, already the description
            key = _key(text)
            if (
                top
                and title
                and key.endswith(title)
                and len(title) + 3 < len(key) < len(title) + 50
            ):
                continue  # a breadcrumb or header line ending in the title
            if (
                near_edge
                and len(text) < 200
                and _is_byline_line(text, byline)
                and not (index and _is_caption_naming(blocks[index - 1], text, byline))
            ):
                continue
            if top and _is_dated_label(text):
                continue  # "2021-10-16 | Botschaft": the dateline with the section's name
            if _is_date_line(text) and (top or _names_publishing(text)):
                continue  # "Posted on May 2, 2019" closing the text is metadata too
        kept.append(block)
    return tuple(kept)


def _title_heading(blocks: list[Block], title: str) -> int | None:
    if not title:
        return None
    for index, block in enumerate(blocks[:10]):
        if block.kind is not BlockKind.HEADING:
            continue
        key = _key(block.text)
        if key and (
            key == title
            or (len(key) >= 12 and title.startswith(key))
            or (len(title) >= 12 and key.startswith(title))
        ):
            return index
    return None


def _is_label(text: str) -> bool:
    return len(text) < 60 and len(text.split()) <= 6 and not re.search(r"[.!?:;]$", text)


def _is_byline_line(text: str, byline: str) -> bool:
    key = _key(text)
    if byline and byline in key:
        rest = key.replace(byline, " ")
        return len(rest.split()) <= 20
    if _BY_PREFIX.match(text) and len(text.split()) <= 12 and not re.search(r"[.!?]$", text):
        return True
    if _BY_INSIDE.search(text) and len(text.split()) <= 15:
        return True  # "Presseartikel vom 12. Oktober 1999, verfasst von NAME"
    return bool(_READ_TIME.search(text)) and len(text.split()) <= 14


def _is_caption_naming(previous: Block, text: str, byline: str) -> bool:
    """A caption under a picture that ends crediting the author ("Dig a hole. (Jane Doe)"):
    the author took the photo, the line still describes it.  An author's bio beside the
    author's photo starts with the name and stays out."""
    if previous.kind is not BlockKind.FIGURE or not byline or _BY_PREFIX.match(text):
        return False
    key = _key(text)
    return key.endswith(byline) and len(key[: -len(byline)].split()) >= 2


def _is_date_line(text: str) -> bool:
    """A line of dates and times only ("Thu, Feb 2nd 2023, 12:48 AM CST Updated ...")."""
    if len(text) > 140:
        return False
    words = _WORDS.findall(text.casefold())
    if not words or not any(w[:1].isdigit() for w in words):
        return False
    return all(w in _DATE_WORDS or _DATE_TOKEN.match(w) for w in words)


def _is_dated_label(text: str) -> bool:
    """A date line and a short label joined by a bar ("12.05.2020 | Politik")."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) != 2 or not all(parts):
        return False
    dates = [part for part in parts if _is_date_line(part)]
    labels = [part for part in parts if len(part.split()) <= 3 and not _is_date_line(part)]
    return len(dates) == 1 and len(labels) == 1


def _names_publishing(text: str) -> bool:
    """A date line saying what happened then ("veröffentlicht", "asked"), not a bare date
    (a year alone in a timeline is text)."""
    return any(w in _PUBLISH_WORDS for w in _WORDS.findall(text.casefold()))


_WORDS = re.compile(r"\w+")
_PUBLISH_WORDS = frozenset(
    [
        "published",
        "posted",
        "updated",
        "modified",
        "edited",
        "asked",
        "answered",
        "veröffentlicht",
        "publiziert",
        "aktualisiert",
        "erstellt",
        "geändert",
        "publié",
        "publicado",
        "actualizado",
    ]
)
_DATE_TOKEN = re.compile(r"^(?:\d+(?:st|nd|rd|th|h\d*|er|e|º)?|[a-z]{1,3}t|utc|gmt|mesz|cest)$")
_DATE_WORDS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "januar",
        "jänner",
        "februar",
        "märz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "uhr",
        "um",
        "stand",
        "veröffentlicht",
        "aktualisiert",
        "publiziert",
        "erstellt",
        "geändert",
        "zuletzt",
        "janvier",
        "février",
        "fevrier",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "decembre",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "le",
        "à",
        "publié",
        "mis",
        "jour",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "el",
        "de",
        "del",
        "publicado",
        "actualizado",
        "updated",
        "published",
        "posted",
        "last",
        "modified",
        "on",
        "at",
        "by",
        "edited",
        "asked",
        "answered",
        "min",
        "read",
        "minute",
        "minutes",
    ]
)
