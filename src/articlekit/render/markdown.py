"""The Article as Markdown: CommonMark with GitHub tables.

:func:`to_markdown` writes the header, the blocks (headings, lists with their
sublists, quotes, fenced code, tables, figures) and the comments as a nested
list.  Every piece of page text is escaped so that it shows literally: no
page text can become a link, emphasis, a heading, a list or raw HTML; links
and formatting come only from the Article's spans, through
:func:`articlekit.render.spans.markup`.
"""

from __future__ import annotations

import re

from articlekit.model import Article, Block, BlockKind, Comment, Figure, Span, SpanKind
from articlekit.render.common import (
    byline_parts,
    clean,
    heading_level,
    indent,
    loose_figures,
    safe_url,
    sublists_of,
    thread,
)
from articlekit.render.spans import markup

__all__ = ["to_markdown"]

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=~]+|\d+[.)])(?=\s|$)", re.MULTILINE)


def _md(value: str) -> str:
    """Escape text so that Markdown shows it literally (no links, emphasis, HTML)."""
    escaped = _escape_inline(clean(value))
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_inline(text: str) -> str:
    """``text`` with a backslash before each Markdown punctuation mark in it."""
    if _MD_INLINE.search(text) is None:
        return text  # most texts: the substitution's template is not even parsed
    return _MD_INLINE.sub(r"\\\1", text)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1." starts a list; only the punctuation can be escaped
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


def _md_one_line(value: str) -> str:
    return " ".join(_md(value).split())


def _md_escape(value: str, at_line_start: bool) -> str:
    """Page text escaped for Markdown; a line break in it becomes a hard break."""
    escaped = _escape_inline(clean(value))

    def line_start(match: re.Match[str]) -> str:
        if match.start() == 0 and not at_line_start:
            return match.group(0)
        return _escape_line_start(match)

    return _MD_LINE_START.sub(line_start, escaped).replace("\n", "\\\n")


_MD_MARKS = {
    SpanKind.EMPHASIS: ("*", "*"),
    SpanKind.STRONG: ("**", "**"),
    SpanKind.SUPERSCRIPT: ("<sup>", "</sup>"),
    SpanKind.SUBSCRIPT: ("<sub>", "</sub>"),
}


def _md_open(span: Span) -> str:
    if span.kind is SpanKind.LINK:
        return "[" if safe_url(span.href) else ""
    return _MD_MARKS.get(span.kind, ("", ""))[0]


def _md_close(span: Span) -> str:
    if span.kind is SpanKind.LINK:
        url = safe_url(span.href)
        return f"]({_md_url(url)})" if url else ""
    return _MD_MARKS.get(span.kind, ("", ""))[1]


def _md_code_span(code: str, *, in_table: bool = False) -> str:
    code = " ".join(clean(code).split())
    if in_table:  # GitHub tables end a cell at "|" even inside code; "\|" keeps it
        code = code.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def _md_inline(
    text: str, spans: tuple[Span, ...], lo: int = 0, hi: int | None = None, *, table: bool = False
) -> str:
    """Text with its links and formatting as Markdown; the page text escaped."""
    return markup(
        text,
        spans,
        escape=_md_escape,
        open_span=_md_open,
        close_span=_md_close,
        code=lambda code: _md_code_span(code, in_table=table),
        lo=lo,
        hi=hi,
    )


def _md_url(url: str) -> str:
    """A URL written inside ``(...)``: characters that would end it are encoded."""
    return (
        url.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )


def _md_figure(figure: Figure) -> str:
    lines: list[str] = []
    src = safe_url(figure.src)
    if src:
        lines.append(f"![{_md_one_line(figure.alt or '')}]({_md_url(src)})")
    note = " — ".join(_md_one_line(t) for t in (figure.caption, figure.credit) if t)
    if note:
        lines.append(f"*{note}*")
    return "\n".join(lines)


def _md_table(block: Block) -> str:
    rows = block.rows
    width = max((len(row) for row in rows), default=0)
    if width == 0:
        return ""
    cell_spans = block.cell_inline or tuple(() for _ in rows)
    cells = [
        [_md_cell(c, s) for c, s in zip(row, spans or [()] * len(row), strict=False)]
        + [""] * (width - len(row))
        for row, spans in zip(rows, cell_spans, strict=False)
    ]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines.extend("| " + " | ".join(row) + " |" for row in cells[1:])
    return "\n".join(lines)


def _md_cell(text: str, spans: tuple[Span, ...]) -> str:
    """A GitHub table cell: one line (a line break as ``<br>``), ``|`` escaped."""
    lines = text.split("\n")
    out, offset = [], 0
    for line in lines:
        rendered = _md_inline(text, spans, offset, offset + len(line), table=True)
        out.append(" ".join(rendered.split()))
        offset += len(line) + 1
    return "<br>".join(out)


def _md_code(code: str, language: str | None = None) -> str:
    code = clean(code)
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    info = language if language and re.fullmatch(r"[A-Za-z0-9#+._-]+", language) else ""
    return f"{fence}{info}\n{code}\n{fence}"


def _md_list(
    block: Block,
    items: tuple[str, ...] | None = None,
    item_inline: tuple[tuple[Span, ...], ...] = (),
    ordered: bool = False,
    parent: int | None = None,
) -> str:
    """A list block as Markdown; with ``parent``, its sublist at that index."""
    if items is None:
        items, item_inline, ordered = block.items, block.item_inline, block.ordered
    lines = []
    item_spans = item_inline or tuple(() for _ in items)
    for index, (item, spans) in enumerate(zip(items, item_spans, strict=False)):
        marker = f"{index + 1}. " if ordered else "- "
        parts: list[str] = []
        position = 0
        for number, sub in sublists_of(block, parent, index):
            before = _md_inline(item, spans, position, sub.start).strip()
            if before:
                parts.append(before)
            parts.append(_md_list(block, sub.items, sub.item_inline, sub.ordered, number))
            position = sub.end
        rest = _md_inline(item, spans, position).strip() if position < len(item) else ""
        if rest:
            parts.append(rest)
        body = indent("\n".join(parts), " " * len(marker))
        lines.append(marker + body[len(marker) :])
    return "\n".join(lines)


def _md_block(block: Block) -> str:
    kind = block.kind
    if kind is BlockKind.HEADING:
        heading = " ".join(_md_inline(block.text, block.inline).replace("\\\n", " ").split())
        return "#" * heading_level(block.level) + " " + heading
    if kind is BlockKind.LIST:
        return _md_list(block)
    if kind is BlockKind.QUOTE:
        quoted = _md_inline(block.text, block.inline).replace("\\\n", "\n")
        return "\n".join(("> " + line).rstrip() for line in quoted.split("\n"))
    if kind is BlockKind.CODE:
        return _md_code(block.text, block.language)
    if kind is BlockKind.TABLE:
        return _md_table(block)
    if kind is BlockKind.FIGURE:
        return _md_figure(block.figure) if block.figure else _md(block.text)
    return _md_inline(block.text, block.inline)


def to_markdown(article: Article, *, comments: bool = True) -> str:
    """The Article as Markdown (CommonMark with GitHub tables).

    The title is the only level-1 heading; below it a line with the byline and
    date; then the blocks in order (content headings keep their level but at
    least 2, lists, ``>`` quotes, fenced code, tables whose first row is the
    header, figures as an image followed by caption and credit in italics);
    then (unless ``comments`` is false) a "Comments" section with replies
    nested under their parent.  Every piece of page text is escaped, so it
    shows literally.
    """
    parts: list[str] = []
    if article.title:
        parts.append("# " + _md_one_line(article.title))
    byline = byline_parts(article)
    if byline:
        parts.append("*" + _md_one_line(" · ".join(byline)) + "*")
    parts.extend(_md_figure(f) for f in loose_figures(article))
    parts.extend(_md_block(b) for b in article.blocks)
    if comments and article.comments:
        parts.append("## Comments")
        parts.append("\n".join(_md_comment(c, depth) for c, depth in thread(article.comments)))
    return "\n\n".join(p for p in parts if p) + "\n"


def _md_comment(comment: Comment, depth: int) -> str:
    pad = "  " * depth
    author = f"**{_md_one_line(comment.author)}**" if comment.author else ""
    head = " · ".join(p for p in (author, _md_one_line(comment.date or "")) if p)
    text = _md(comment.text)
    # a backslash at the end of the line is a hard line break in CommonMark
    body = head + ("\\\n" + text if head and text else text)
    return pad + "- " + indent(body or "(no text)", pad + "  ").lstrip()
