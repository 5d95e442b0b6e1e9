"""The Article model: frozen values that every stage of the pipeline produces.

Everything here is immutable and holds JSON-friendly types only (str, int, bool,
tuples), so an Article can be hashed, compared, shared between processes and
serialized without surprises.  Rendering (Markdown, HTML, text) lives in
:mod:`articlekit.render`; this module only knows the shape of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Comment",
    "Figure",
    "PageKind",
    "Span",
    "SpanKind",
    "Status",
    "Sublist",
]


class BlockKind(StrEnum):
    """What a block of the main content is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    FIGURE = "figure"


class PageKind(StrEnum):
    """What kind of page the Article comes from.

    Decided from what the page declares (schema.org types, ``og:type``), the
    markup of the platform that made it and its structure; see
    :mod:`articlekit.kind`.  The kind says how the main content was read: a
    forum's opening post is the body and its replies are comments, a listing's
    items are a list block.
    """

    ARTICLE = "article"  # news story, blog post, essay, encyclopedia entry
    FORUM = "forum"  # thread, Q&A, community post
    PRODUCT = "product"  # a product, course or report for sale
    SERVICE = "service"  # landing, company and service pages
    DOCUMENTATION = "documentation"  # manuals, API references, help centres
    LISTING = "listing"  # category, archive, search and collection pages
    OTHER = "other"  # none of these, or not known (a page without content)


class Status(StrEnum):
    """Why an Article looks the way it does.

    ``OK`` means main content was found.  The other values explain an Article
    without paragraphs, so a caller can tell "nothing there" from "gave up".
    """

    OK = "ok"
    NO_ARTICLE = "no_article"  # a page (listing, index, form) without a main text
    EMPTY_INPUT = "empty_input"  # nothing but whitespace
    TRUNCATED = "truncated"  # input beyond a limit was cut; the rest was parsed


class SpanKind(StrEnum):
    """What a span of a block's text is: a link or a kind of inline formatting."""

    LINK = "link"
    EMPHASIS = "emphasis"  # em, i
    STRONG = "strong"  # strong, b
    CODE = "code"  # code, kbd, samp, tt
    SUPERSCRIPT = "superscript"
    SUBSCRIPT = "subscript"


@dataclass(frozen=True, slots=True)
class Span:
    """A run ``text[start:end]`` of a block's text that is a link or formatted.

    Offsets count characters (code points) of the plain text the span belongs
    to, so the text itself stays plain.  ``href`` is set for links only: an
    absolute URL when the page gives a base (its ``<base href>`` or the page
    URL), else the page's own (relative) value.  Spans nest (a strong run in a
    link) but never cross; they never start or end on a space.
    """

    start: int
    end: int
    kind: SpanKind
    href: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The span as a dict of JSON types with stable keys."""
        return {"start": self.start, "end": self.end, "kind": self.kind.value, "href": self.href}


@dataclass(frozen=True, slots=True)
class Sublist:
    """A list nested in an item of a list block (or of another sublist).

    The nested list's text is part of its item's text (as it has always been):
    ``items[item][start:end]`` of the list holding it is where it stands.
    ``parent`` is the index in ``Block.sublists`` of that list, or None when it
    is the block itself; ``Block.sublists`` lists every nested list, a parent
    before its children, so the tree is flat (and fits a table schema).
    """

    item: int
    start: int
    end: int
    items: tuple[str, ...]
    ordered: bool = False
    item_inline: tuple[tuple[Span, ...], ...] = ()
    parent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The sublist as a dict of JSON types with stable keys."""
        return {
            "parent": self.parent,
            "item": self.item,
            "start": self.start,
            "end": self.end,
            "items": list(self.items),
            "ordered": self.ordered,
            "item_inline": [[s.to_dict() for s in item] for item in self.item_inline],
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """An image of the article with the text shown with it.

    ``caption`` describes the picture; ``credit`` names who made or supplied it
    ("Office of the Mayor", "Photo: AP" gives "AP").
    """

    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The figure as a dict of JSON types with stable keys."""
        return {"src": self.src, "alt": self.alt, "caption": self.caption, "credit": self.credit}


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the main content, in reading order.

    Which fields are set depends on ``kind``:

    - paragraph, quote, code: ``text``
    - heading: ``text`` and ``level`` (1-6)
    - list: ``items`` and ``ordered``
    - table: ``rows`` (tuples of cell texts); ``text`` holds the cells joined
    - figure: ``figure``; ``text`` holds its caption (or "")

    Inline structure sits beside the plain text, never in it: ``inline`` holds
    the links and formatting of ``text`` (paragraph, heading, quote),
    ``item_inline`` those of each item (list) and ``cell_inline`` those of each
    cell (table), as :class:`Span` offsets.  A line break (``<br>``) is a
    ``"\\n"`` in the text.  ``sublists`` keeps the lists nested in list items,
    ``language`` the programming language a code block names.
    """

    kind: BlockKind
    text: str = ""
    level: int | None = None
    items: tuple[str, ...] = ()
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    figure: Figure | None = None
    inline: tuple[Span, ...] = ()
    item_inline: tuple[tuple[Span, ...], ...] = ()
    cell_inline: tuple[tuple[tuple[Span, ...], ...], ...] = ()
    sublists: tuple[Sublist, ...] = ()
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The block as a dict of JSON types; every key is always present."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "level": self.level,
            "items": list(self.items),
            "ordered": self.ordered,
            "rows": [list(row) for row in self.rows],
            "figure": self.figure.to_dict() if self.figure else None,
            "inline": [s.to_dict() for s in self.inline],
            "item_inline": [[s.to_dict() for s in item] for item in self.item_inline],
            "cell_inline": [
                [[s.to_dict() for s in cell] for cell in row] for row in self.cell_inline
            ],
            "sublists": [s.to_dict() for s in self.sublists],
            "language": self.language,
        }

    @property
    def plain_text(self) -> str:
        """The block as plain text: list items one a line, table rows tab-separated."""
        if self.kind is BlockKind.LIST:
            return "\n".join(self.items)
        if self.kind is BlockKind.TABLE:
            return "\n".join("\t".join(row) for row in self.rows)
        return self.text


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment.  ``parent`` is the ``id`` of the comment it replies to."""

    id: str
    parent: str | None = None
    author: str | None = None
    date: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The comment as a dict of JSON types with stable keys."""
        return {
            "id": self.id,
            "parent": self.parent,
            "author": self.author,
            "date": self.date,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed page: metadata, main content as typed blocks, figures and comments.

    ``paragraphs``, ``caption`` and ``text`` are derived from ``blocks`` and
    ``figures``; build an Article with :meth:`create` to have them filled in.
    """

    url: str | None = None
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    site_name: str | None = None
    description: str | None = None
    lang: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    kind: PageKind = PageKind.ARTICLE
    blocks: tuple[Block, ...] = ()
    figures: tuple[Figure, ...] = ()
    comments: tuple[Comment, ...] = ()
    status: Status = Status.OK
    # derived from blocks/figures by create(); stored so that attribute access is free
    caption: str | None = None
    paragraphs: tuple[str, ...] = ()
    text: str = ""
    warnings: tuple[str, ...] = field(default=())

    @classmethod
    def create(
        cls,
        *,
        blocks: tuple[Block, ...] = (),
        figures: tuple[Figure, ...] = (),
        **fields: Any,
    ) -> Article:
        """Build an Article, deriving ``caption``, ``paragraphs`` and ``text``.

        ``text`` joins the blocks with a blank line; a figure block contributes
        its caption once, so no caption ever appears twice in the text.
        """
        figures = figures or tuple(b.figure for b in blocks if b.figure is not None)
        caption = next((f.caption for f in figures if f.caption), None)
        paragraphs = tuple(b.text for b in blocks if b.kind is BlockKind.PARAGRAPH)
        text = "\n\n".join(t for t in (b.plain_text for b in blocks) if t)
        return cls(
            blocks=blocks,
            figures=figures,
            caption=caption,
            paragraphs=paragraphs,
            text=text,
            **fields,
        )

    def to_dict(self) -> dict[str, Any]:
        """The Article as a dict of JSON types (str, int, bool, None, list, dict).

        Keys are always present and always in the same order; see
        ``docs/article.schema.json``.
        """
        return {
            "url": self.url,
            "title": self.title,
            "byline": self.byline,
            "authors": list(self.authors),
            "date": self.date,
            "site_name": self.site_name,
            "description": self.description,
            "lang": self.lang,
            "image": self.image,
            "tags": list(self.tags),
            "kind": self.kind.value,
            "caption": self.caption,
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "blocks": [b.to_dict() for b in self.blocks],
            "figures": [f.to_dict() for f in self.figures],
            "comments": [c.to_dict() for c in self.comments],
            "status": self.status.value,
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The Article as JSON text (UTF-8 characters kept, not escaped)."""
        # json.dumps's own indenting encoder is pure Python and slow on 100,000 blocks
        from articlekit.render.jsontext import dumps

        return dumps(self.to_dict(), indent=indent)

    def to_markdown(self, *, comments: bool = True) -> str:
        """The Article as Markdown: title, byline and date, blocks, then (unless
        ``comments`` is false) the comments as a nested list."""
        from articlekit.render import to_markdown

        return to_markdown(self, comments=comments)

    def to_text(self, *, comments: bool = False) -> str:
        """The Article as plain text: the title, then ``text``; with ``comments``, the
        whole thread after it (author and date lines, replies indented)."""
        from articlekit.render import to_text

        return to_text(self, comments=comments)

    def to_html(self, *, comments: bool = True) -> str:
        """The Article as clean semantic HTML, safe to embed (no scripts, handlers or
        ``javascript:``/``data:`` URLs); comments last unless ``comments`` is false."""
        from articlekit.render import to_html

        return to_html(self, comments=comments)
