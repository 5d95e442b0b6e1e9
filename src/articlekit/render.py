"""Rendering an Article as Markdown, plain text or HTML that is safe to embed.

All three renderers are pure functions of the Article.  The HTML is built by
escaping every string from the Article (they come from untrusted pages) and by
emitting only a fixed set of tags and attributes, so nothing a page contains
can become markup, a script, an event handler or a dangerous URL.

Comment threads are walked without recursion and their visual nesting is capped
at :data:`MAX_COMMENT_NESTING`, so a hostile thread thousands of replies deep
renders in linear time and without hitting Python's recursion limit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from articlekit.languages import LANGUAGES
from articlekit.model import Article, Block, BlockKind, Comment, Figure, Span, SpanKind, Sublist
from articlekit.render_spans import markup

__all__ = ["MAX_COMMENT_NESTING", "safe_url", "to_html", "to_markdown", "to_text"]

MAX_COMMENT_NESTING = 8
"""Replies deeper than this are shown at this depth (their order is kept)."""

# Characters that XML/HTML cannot carry (NUL, C0/C1 controls except tab/newline,
# lone surrogates, non-characters): dropped from every string before output.
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
# Browsers drop ASCII tab/newline anywhere in a URL and C0 controls/space at its
# edges before reading the scheme ("java\tscript:" is "javascript:").
_URL_IGNORED = re.compile("[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SAFE_SCHEMES = frozenset({"http", "https"})
_LANG_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def clean(value: str) -> str:
    """``value`` without characters that cannot appear in an HTML or XML document."""
    return _UNSAFE_CHARS.sub("", value)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is safe to put in ``href``/``src``, else None.

    Only ``http``, ``https`` and scheme-less (relative) URLs pass.  The scheme is
    read the way a browser reads it: after decoding character references
    (``&#106;avascript:``), dropping tabs, newlines and control characters
    (``java\\tscript:``) and ignoring case, so such tricks are refused too.
    """
    if not url:
        return None
    url = clean(url).strip()
    probe = url
    # Character references may be nested ("&amp;#58;"): decode until stable.
    for _ in range(4):
        decoded = html.unescape(probe)
        if decoded == probe:
            break
        probe = decoded
    probe = _URL_IGNORED.sub("", probe)
    if not probe:
        return None
    match = _SCHEME.match(probe)
    if match is not None and match.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url


def to_text(article: Article, *, comments: bool = False) -> str:
    """The Article as plain text: the title, a blank line, then ``Article.text``.

    ``Article.text`` is the main content only (blocks separated by a blank
    line).  With ``comments``, a "Comments" line follows, then each comment in
    thread order: a line with its author and date, then its text, replies
    indented two spaces per level.
    """
    parts = [article.title, article.text]
    if comments and article.comments:
        parts.append("Comments")
        parts.extend(_text_comment(c, depth) for c, depth in thread(article.comments))
    return "\n\n".join(p for p in parts if p)


def _text_comment(comment: Comment, depth: int) -> str:
    head = " · ".join(p for p in (comment.author, comment.date) if p)
    lines = [head, *comment.text.splitlines()] if head else comment.text.splitlines()
    return _indent("\n".join(lines) or "(no text)", "  " * depth)


# --------------------------------------------------------------------------- markdown


_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=~]+|\d+[.)])(?=\s|$)", re.MULTILINE)


def _md(value: str) -> str:
    """Escape text so that Markdown shows it literally (no links, emphasis, HTML)."""
    escaped = _MD_INLINE.sub(r"\\\1", clean(value))
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1." starts a list; only the punctuation can be escaped
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


def _md_one_line(value: str) -> str:
    return " ".join(_md(value).split())


def _md_escape(value: str, at_line_start: bool) -> str:
    """Page text escaped for Markdown; a line break in it becomes a hard break."""
    escaped = _MD_INLINE.sub(r"\\\1", clean(value))

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


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in text.split("\n"))


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
        for number, sub in _sublists_of(block, parent, index):
            before = _md_inline(item, spans, position, sub.start).strip()
            if before:
                parts.append(before)
            parts.append(_md_list(block, sub.items, sub.item_inline, sub.ordered, number))
            position = sub.end
        rest = _md_inline(item, spans, position).strip() if position < len(item) else ""
        if rest:
            parts.append(rest)
        body = _indent("\n".join(parts), " " * len(marker))
        lines.append(marker + body[len(marker) :])
    return "\n".join(lines)


def _sublists_of(block: Block, parent: int | None, item: int) -> list[tuple[int, Sublist]]:
    """The sublists (with their indices) nested in item ``item`` of list ``parent``."""
    return [
        (number, sub)
        for number, sub in enumerate(block.sublists)
        if sub.parent == parent and sub.item == item and (parent is None or number > parent)
    ]


def _md_block(block: Block) -> str:
    kind = block.kind
    if kind is BlockKind.HEADING:
        heading = " ".join(_md_inline(block.text, block.inline).replace("\\\n", " ").split())
        return "#" * _heading_level(block.level) + " " + heading
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


def byline_label(lang: str | None) -> str | None:
    """The word before the author names in the Article's language ("By", "Von",
    "Autor:"), from the language files; None where the language has none or is
    unknown, so that no label of another language is put before the names."""
    if not lang:
        return None
    language = LANGUAGES.get(lang.split("-")[0].split("_")[0].lower())
    labels = language.words.get("render.byline_label", ()) if language else ()
    return labels[0] if labels else None


def _byline_parts(article: Article) -> list[str]:
    parts = []
    if article.byline:
        label = byline_label(article.lang)
        parts.append(f"{label} {article.byline}" if label else article.byline)
    if article.date:
        parts.append(article.date)
    return parts


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
    byline = _byline_parts(article)
    if byline:
        parts.append("*" + _md_one_line(" · ".join(byline)) + "*")
    parts.extend(_md_figure(f) for f in _loose_figures(article))
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
    return pad + "- " + _indent(body or "(no text)", pad + "  ").lstrip()


# --------------------------------------------------------------------------- comments


@dataclass(frozen=True, slots=True)
class _Node:
    index: int
    depth: int


def thread(comments: tuple[Comment, ...]) -> Iterator[tuple[Comment, int]]:
    """Comments in display order with their nesting depth (0 for top level).

    A reply follows its parent (after the parent's earlier replies); page order
    is kept among siblings.  A comment whose parent is unknown, itself, or part
    of a cycle is shown at the top level.  Depth is capped at
    :data:`MAX_COMMENT_NESTING`.
    """
    first_index: dict[str, int] = {}
    for index, comment in enumerate(comments):
        first_index.setdefault(comment.id, index)
    children: dict[int, list[int]] = {}
    roots: list[int] = []
    for index, comment in enumerate(comments):
        parent = first_index.get(comment.parent) if comment.parent is not None else None
        if parent is None or parent == index:
            roots.append(index)
        else:
            children.setdefault(parent, []).append(index)
    seen = [False] * len(comments)
    for start in [*roots, *range(len(comments))]:
        if seen[start]:
            continue
        stack = [_Node(start, 0)]
        while stack:
            node = stack.pop()
            if seen[node.index]:
                continue
            seen[node.index] = True
            yield comments[node.index], node.depth
            depth = min(node.depth + 1, MAX_COMMENT_NESTING)
            stack.extend(_Node(c, depth) for c in reversed(children.get(node.index, ())))


def _loose_figures(article: Article) -> list[Figure]:
    """Figures of the Article that no figure block shows (rendered after the header)."""
    in_blocks = {b.figure for b in article.blocks if b.figure is not None}
    return [f for f in article.figures if f not in in_blocks]


def _heading_level(level: int | None) -> int:
    # The title is the document's only level-1 heading.
    return min(max(level or 2, 2), 6)


# --------------------------------------------------------------------------- html


def _h(value: str) -> str:
    return html.escape(clean(value), quote=True)


def _h_lines(value: str) -> str:
    """Escaped text whose single newlines become ``<br>``."""
    return "<br>".join(_h(line) for line in value.split("\n"))


_HTML_TAGS = {
    SpanKind.EMPHASIS: "em",
    SpanKind.STRONG: "strong",
    SpanKind.CODE: "code",
    SpanKind.SUPERSCRIPT: "sup",
    SpanKind.SUBSCRIPT: "sub",
}


def _h_open(span: Span) -> str:
    if span.kind is SpanKind.LINK:
        url = safe_url(span.href)
        return f'<a href="{_h(url)}" rel="nofollow noopener">' if url else ""
    return f"<{_HTML_TAGS[span.kind]}>" if span.kind in _HTML_TAGS else ""


def _h_close(span: Span) -> str:
    if span.kind is SpanKind.LINK:
        return "</a>" if safe_url(span.href) else ""
    return f"</{_HTML_TAGS[span.kind]}>" if span.kind in _HTML_TAGS else ""


def _h_inline(text: str, spans: tuple[Span, ...], lo: int = 0, hi: int | None = None) -> str:
    """Escaped text with its spans as ``a``/``em``/``strong``/``code``/``sup``/``sub``."""
    return markup(
        text,
        spans,
        escape=lambda piece, _: _h_lines(piece),
        open_span=_h_open,
        close_span=_h_close,
        lo=lo,
        hi=hi,
    )


def _html_list(
    block: Block,
    items: tuple[str, ...] | None = None,
    item_inline: tuple[tuple[Span, ...], ...] = (),
    ordered: bool = False,
    parent: int | None = None,
) -> str:
    if items is None:
        items, item_inline, ordered = block.items, block.item_inline, block.ordered
    tag = "ol" if ordered else "ul"
    out = []
    item_spans = item_inline or tuple(() for _ in items)
    for index, (item, spans) in enumerate(zip(items, item_spans, strict=False)):
        parts, position = [], 0
        for number, sub in _sublists_of(block, parent, index):
            parts.append(_h_inline(item, spans, position, sub.start).strip())
            parts.append(_html_list(block, sub.items, sub.item_inline, sub.ordered, number))
            position = sub.end
        if position < len(item):
            parts.append(_h_inline(item, spans, position).strip())
        out.append("<li>" + " ".join(p for p in parts if p) + "</li>")
    return f"<{tag}>{''.join(out)}</{tag}>" if out else ""


def _h_inline_paragraphs(text: str, spans: tuple[Span, ...]) -> str:
    """Text split at blank lines into ``<p>`` elements, with its spans."""
    out, position = [], 0
    for gap in [*re.finditer(r"\n\s*\n", text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[position:end]
        lo = position + len(chunk) - len(chunk.lstrip("\n"))
        hi = position + len(chunk.rstrip("\n"))
        if text[lo:hi].strip():
            out.append(f"<p>{_h_inline(text, spans, lo, hi)}</p>")
        position = gap.end() if gap else len(text)
    return "".join(out)


def _h_paragraphs(value: str) -> str:
    """Text split at blank lines into ``<p>`` elements."""
    chunks = [c.strip("\n") for c in re.split(r"\n\s*\n", value)]
    return "".join(f"<p>{_h_lines(c)}</p>" for c in chunks if c.strip())


def _html_figure(figure: Figure) -> str:
    parts = ["<figure>"]
    src = safe_url(figure.src)
    if src:
        parts.append(f'<img src="{_h(src)}" alt="{_h(figure.alt or "")}">')
    if figure.caption or figure.credit:
        parts.append("<figcaption>")
        if figure.caption:
            parts.append(_h(figure.caption))
        if figure.credit:
            space = " " if figure.caption else ""
            parts.append(f'{space}<small class="credit">{_h(figure.credit)}</small>')
        parts.append("</figcaption>")
    parts.append("</figure>")
    return "".join(parts) if len(parts) > 2 else ""


def _html_block(block: Block) -> str:
    kind = block.kind
    if kind is BlockKind.HEADING:
        level = _heading_level(block.level)
        return f"<h{level}>{_h_inline(block.text, block.inline)}</h{level}>"
    if kind is BlockKind.LIST:
        return _html_list(block)
    if kind is BlockKind.QUOTE:
        quoted = _h_inline_paragraphs(block.text, block.inline)
        return f"<blockquote>{quoted}</blockquote>" if quoted else ""
    if kind is BlockKind.CODE:
        language = block.language if block.language and _LANG_TAG.match(block.language) else None
        attr = f' class="language-{_h(language)}"' if language else ""
        code = markup(
            block.text,
            block.inline,
            escape=lambda piece, _: _h(piece),
            open_span=_h_open,
            close_span=_h_close,
        )
        return f"<pre><code{attr}>{code}</code></pre>"
    if kind is BlockKind.TABLE:
        cell_spans = block.cell_inline or tuple(() for _ in block.rows)
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{_h_inline(cell, spans)}</td>"
                for cell, spans in zip(row, row_spans or [()] * len(row), strict=False)
            )
            + "</tr>"
            for row, row_spans in zip(block.rows, cell_spans, strict=False)
        )
        return f"<table><tbody>{rows}</tbody></table>" if rows else ""
    if kind is BlockKind.FIGURE:
        return _html_figure(block.figure) if block.figure else _h_paragraphs(block.text)
    return f"<p>{_h_inline(block.text, block.inline)}</p>" if block.text else ""


def _html_comments(comments: tuple[Comment, ...]) -> str:
    """Nested ``<ol>`` lists of ``<article class="comment">``, one per comment."""
    out = ['<section class="comments"><h2>Comments</h2><ol>']
    open_depth = 0  # depth of the innermost <li> still open, -1 before the first
    first = True
    for comment, depth in thread(comments):
        if first:
            first = False
        elif depth > open_depth:
            # thread() only ever goes one level deeper at a time (or stays at the cap)
            out.append("<ol>")
        else:
            out.append("</li>")
            out.extend("</ol></li>" for _ in range(open_depth - depth))
        open_depth = depth
        out.append('<li><article class="comment">')
        out.append(_html_comment_meta(comment))
        out.append(_h_paragraphs(comment.text))
        out.append("</article>")
    out.append("</li>")
    out.extend("</ol></li>" for _ in range(open_depth))
    out.append("</ol></section>")
    return "".join(out)


def _html_comment_meta(comment: Comment) -> str:
    meta = []
    if comment.author:
        meta.append(f'<span class="author">{_h(comment.author)}</span>')
    if comment.date:
        meta.append(f'<time datetime="{_h(comment.date)}">{_h(comment.date)}</time>')
    return f"<footer>{' '.join(meta)}</footer>" if meta else ""


def to_html(article: Article, *, comments: bool = True) -> str:
    """The Article as an HTML5 fragment that is safe to embed in another page.

    One ``<article>``: a ``<header>`` with ``<h1>`` title, ``<p class="byline">``
    and ``<time datetime>``; the blocks as ``p``, ``h2``-``h6``, ``ul``/``ol``,
    ``blockquote``, ``pre><code``, ``table``, ``figure`` with ``img`` and
    ``figcaption`` (credit in ``<small class="credit">``); then (unless
    ``comments`` is false) ``<section class="comments">`` with replies in nested
    ``<ol>`` lists.

    Inside blocks, links and formatting are ``<a href rel="nofollow noopener">``,
    ``em``, ``strong``, ``code``, ``sup``, ``sub`` and ``br``; a code block names
    its language as ``<code class="language-X">``.

    Safety: all text and attribute values are escaped; only the tags above and
    the attributes ``src``, ``alt``, ``href``, ``rel``, ``datetime``, ``class``
    and ``lang`` are emitted; URLs other than ``http``, ``https`` or relative
    ones are dropped, a link with such a URL is shown as its text (see
    :func:`safe_url`).  No ``id`` attributes are emitted, so the fragment
    cannot clobber names in the host page.
    """
    lang = article.lang if article.lang and _LANG_TAG.match(article.lang) else None
    out = [f'<article lang="{_h(lang)}">' if lang else "<article>"]
    header = []
    if article.title:
        header.append(f"<h1>{_h(article.title)}</h1>")
    if article.byline:
        header.append(f'<p class="byline">{_h(article.byline)}</p>')
    if article.date:
        header.append(f'<time datetime="{_h(article.date)}">{_h(article.date)}</time>')
    if header:
        out.append("<header>" + "".join(header) + "</header>")
    out.extend(_html_figure(f) for f in _loose_figures(article))
    out.extend(_html_block(b) for b in article.blocks)
    if comments and article.comments:
        out.append(_html_comments(article.comments))
    out.append("</article>")
    return "\n".join(part for part in out if part) + "\n"
