"""The Article as an HTML5 fragment that is safe to embed in another page.

:func:`to_html` escapes every string from the Article (they come from
untrusted pages) and emits only a fixed set of tags and attributes, so nothing
a page contains can become markup, a script, an event handler or a dangerous
URL (URLs pass :func:`articlekit.render.common.safe_url`).  Links and
formatting come only from the Article's spans, through
:func:`articlekit.render.spans.markup`.
"""

from __future__ import annotations

import html
import re

from articlekit.model import Article, Block, BlockKind, Comment, Figure, Span, SpanKind
from articlekit.render.common import (
    LANG_TAG,
    clean,
    heading_level,
    loose_figures,
    safe_url,
    sublists_of,
    thread,
)
from articlekit.render.spans import markup

__all__ = ["to_html"]


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
        for number, sub in sublists_of(block, parent, index):
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
        level = heading_level(block.level)
        return f"<h{level}>{_h_inline(block.text, block.inline)}</h{level}>"
    if kind is BlockKind.LIST:
        return _html_list(block)
    if kind is BlockKind.QUOTE:
        quoted = _h_inline_paragraphs(block.text, block.inline)
        return f"<blockquote>{quoted}</blockquote>" if quoted else ""
    if kind is BlockKind.CODE:
        language = block.language if block.language and LANG_TAG.match(block.language) else None
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
    lang = article.lang if article.lang and LANG_TAG.match(article.lang) else None
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
    out.extend(_html_figure(f) for f in loose_figures(article))
    out.extend(_html_block(b) for b in article.blocks)
    if comments and article.comments:
        out.append(_html_comments(article.comments))
    out.append("</article>")
    return "\n".join(part for part in out if part) + "\n"
