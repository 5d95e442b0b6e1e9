"""Rendering: an :class:`~articlekit.model.Article` in, Markdown, plain text or safe HTML out.

All three renderers are pure functions of the Article that return a string:
:func:`to_markdown` (CommonMark with GitHub tables, :mod:`.markdown`),
:func:`to_text` (:mod:`.text`) and :func:`to_html` (an HTML5 fragment that is
safe to embed, :mod:`.html`).  The HTML is built by escaping every string from
the Article (they come from untrusted pages) and by emitting only a fixed set
of tags and attributes, so nothing a page contains can become markup, a
script, an event handler or a dangerous URL.

Links and formatting inside blocks are the Article's spans, written by
:func:`markup` (:mod:`.spans`), the walk both markup formats share.  What all
formats share besides is in :mod:`.common`: :func:`clean` and
:func:`safe_url` for page strings, :func:`byline_label`, and :func:`thread`,
which walks comment threads without recursion and caps their visual nesting
at :data:`MAX_COMMENT_NESTING`, so a hostile thread thousands of replies deep
renders in linear time and without hitting Python's recursion limit.
"""

from __future__ import annotations

from articlekit.render.common import MAX_COMMENT_NESTING, byline_label, clean, safe_url, thread
from articlekit.render.html import to_html
from articlekit.render.markdown import to_markdown
from articlekit.render.spans import markup
from articlekit.render.text import to_text

__all__ = [
    "MAX_COMMENT_NESTING",
    "byline_label",
    "clean",
    "markup",
    "safe_url",
    "thread",
    "to_html",
    "to_markdown",
    "to_text",
]
