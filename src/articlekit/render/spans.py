"""Text with spans as markup: the walk shared by the Markdown and HTML renderers.

:func:`markup` cuts the text at every span boundary, escapes each piece with
the renderer's function and opens and closes the spans around the pieces, so
the markup nests properly even for spans made by hand that cross.  A code
span is shown whole by the renderer's ``code`` function (nothing inside it is
markup).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from articlekit.model import Span, SpanKind

__all__ = ["markup"]


def markup(
    text: str,
    spans: Sequence[Span],
    *,
    escape: Callable[[str, bool], str],
    open_span: Callable[[Span], str],
    close_span: Callable[[Span], str],
    code: Callable[[str], str] | None = None,
    lo: int = 0,
    hi: int | None = None,
) -> str:
    """``text[lo:hi]`` as markup.

    ``escape(piece, at_line_start)`` escapes page text; ``open_span`` and
    ``close_span`` give a span's opening and closing markup; ``code``, when
    given, renders a whole code span from its text.
    """
    hi = len(text) if hi is None else hi
    live = sorted(
        (s for s in spans if max(s.start, lo) < min(s.end, hi) and s.start >= 0),
        key=lambda s: (max(s.start, lo), -min(s.end, hi)),
    )
    if not live:
        return escape(text[lo:hi], lo == 0 or text[lo - 1] == "\n")
    cuts = sorted({lo, hi, *(max(s.start, lo) for s in live), *(min(s.end, hi) for s in live)})
    out: list[str] = []
    stack: list[Span] = []
    skip_until = lo
    for a, b in pairwise(cuts):
        if a < skip_until:
            continue
        active = [s for s in live if s.start <= a and s.end >= b]
        while stack and stack != active[: len(stack)]:
            out.append(close_span(stack.pop()))
        shown = False
        for span in active[len(stack) :]:
            if code is not None and span.kind is SpanKind.CODE:
                out.append(code(text[max(span.start, lo) : min(span.end, hi)]))
                skip_until = min(span.end, hi)
                shown = True
                break
            out.append(open_span(span))
            stack.append(span)
        if not shown:
            out.append(escape(text[a:b], a == 0 or text[a - 1] == "\n"))
    while stack:
        out.append(close_span(stack.pop()))
    return "".join(out)
