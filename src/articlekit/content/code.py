"""Code blocks: ``<pre>`` and the markup syntax highlighters wrap code in.

Highlighters show line numbers beside the code.  Some put them in a table (a
gutter cell and a code cell: WordPress SyntaxHighlighter, Pygments
``highlighttable``, Rouge ``rouge-table``; GitHub's ``blob-num``/``blob-code``
rows); some put each line in its own element (``span.line``, ``div.line``,
``li.L0`` of Google Prettify) with no newline between them in the saved page.
Either way the code block keeps the code, one line per line, without the
numbers; its ``language`` is the one the markup names, if any.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.content.inline import Mark, raw_content, spans_of
from articlekit.input.elements import text_of
from articlekit.model import Block, BlockKind, Span, SpanKind

__all__ = ["code_block", "code_language", "is_code_table"]

_GUTTER = frozenset(
    ["gutter", "linenos", "line-numbers", "rouge-gutter", "gl", "lineno", "blob-num", "ln"]
)
_CODE_CELL = frozenset(["code", "rouge-code", "blob-code", "highlight", "source"])
_LINE = frozenset(["line", "code-line", "highlight-line", "cl"])
_LINE_NUMBER = frozenset(["linenos", "lineno", "ln", "lnt", "line-number", "line-numbers"])
_LANGUAGE_CLASS = re.compile(
    r"^(?:language|lang|highlight-source|highlight|brush|source)[-:_]([a-z0-9#+.-]{1,20})$"
)
_BRUSH = re.compile(r"\bbrush:\s*([a-z0-9#+.-]{1,20})", re.IGNORECASE)
_NOT_A_LANGUAGE = frozenset(
    ["none", "plain", "plaintext", "text", "txt", "nohighlight", "auto", "source", "default"]
)
# classes of a SyntaxHighlighter wrapper (div.syntaxhighlighter.php) that are not its language
_HIGHLIGHTER_WORDS = frozenset(["syntaxhighlighter", "nogutter", "collapsed", "ie", "printing"])


def _classes(element: html.HtmlElement) -> list[str]:
    return (element.get("class") or "").lower().split()


def is_code_table(table: html.HtmlElement) -> bool:
    """Whether ``table`` is a highlighter's table: line numbers beside code, nothing else."""
    rows = list(table.iter("tr"))
    if not rows:
        return False
    for row in rows:
        # the gutter may be gone already (boilerplate removal drops "gutter" cells)
        cells = [c for c in row if c.tag in ("td", "th")]
        if not 1 <= len(cells) <= 2 or (len(cells) == 2 and not _is_gutter(cells[0])):
            return False
        code_class = _CODE_CELL.intersection(_classes(cells[-1]))
        if not code_class and (len(cells) == 1 or cells[-1].find(".//pre") is None):
            return False
    return True


def _is_gutter(cell: html.HtmlElement) -> bool:
    if _GUTTER.intersection(_classes(cell)):
        return True
    numbers = text_of(cell).split()
    return bool(numbers) and all(n.isdigit() for n in numbers)


def code_block(
    element: html.HtmlElement, base_url: str | None = None, links: bool = False
) -> Block | None:
    """A code block of a ``<pre>`` or highlighter table; None when it holds no code.

    With ``links``, the links of a plain ``<pre>`` (a plain-text document with
    references, as RFCs are published) are kept as ``link`` spans."""
    if element.tag == "table":
        cells = [row[-1] for row in element.iter("tr") if len(row)]
        code = "\n".join(_code_text(c) for c in cells)
    else:
        code = _code_text(element)
    text = code.strip("\n").rstrip()
    if not text.strip():
        return None
    spans: tuple[Span, ...] = ()
    if links and element.tag == "pre" and element.find(".//a") is not None:
        spans = _link_spans(element, code, text, base_url)
    return Block(BlockKind.CODE, text=text, language=code_language(element), inline=spans)


def _link_spans(
    pre: html.HtmlElement, code: str, text: str, base_url: str | None
) -> tuple[Span, ...]:
    raw, marks = raw_content(pre, base_url, frozenset([SpanKind.LINK]))
    if raw != code:  # line markup rebuilt the text: offsets would not fit
        return ()
    shift = len(code) - len(code.lstrip("\n"))
    spans: list[Mark] = []
    for mark in marks:
        start, end = max(mark.start - shift, 0), min(mark.end - shift, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(Mark(start, end, mark.kind, mark.href))
    return spans_of(spans)


def _code_text(element: html.HtmlElement) -> str:
    pre = element if element.tag == "pre" else element.find(".//pre")
    if pre is not None and element.tag != "pre":
        return _code_text(pre)
    numbers = [e for e in element.iterdescendants() if _LINE_NUMBER.intersection(_classes(e))]
    lines = [
        e
        for e in element.iter()
        if e is not element
        and (e.tag == "li" or _LINE.intersection(_classes(e)))
        and not any(a.tag == "li" or _LINE.intersection(_classes(a)) for a in _between(e, element))
    ]
    if not numbers and len(lines) < 2:
        return str(text_of(element))
    if numbers:
        from copy import deepcopy

        element = deepcopy(element)
        element.tail = None
        for number in list(element.iterdescendants()):
            if _LINE_NUMBER.intersection(_classes(number)) and number.getparent() is not None:
                number.drop_tree()
        return _code_text(element)
    text = str(text_of(element))
    if text.count("\n") >= len(lines) - 1:
        return text  # the lines already end in newlines
    # highlighters indent with no-break spaces so that HTML keeps them: code has spaces
    return "\n".join(text_of(line).replace("\xa0", " ").rstrip() for line in lines)


def _between(element: html.HtmlElement, top: html.HtmlElement) -> list[html.HtmlElement]:
    found = []
    parent = element.getparent()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.getparent()
    return found


def code_language(element: html.HtmlElement) -> str | None:
    """The language the markup of a code block names: its classes and ``data-lang``, or
    those of a ``code`` inside it or of up to three wrappers around it."""
    inner = element.find(".//code")
    for candidate in [element] + ([inner] if inner is not None else []):
        language = _named_language(candidate, near=True)
        if language:
            return language
    parent = element.getparent()
    for _ in range(5):
        if parent is None:
            break
        language = _named_language(parent, near=False)
        if language:
            return language
        parent = parent.getparent()
    return None


def _named_language(element: html.HtmlElement, *, near: bool) -> str | None:
    """The language ``element`` names; a wrapper (not ``near``) must name it plainly
    (``language-go``, ``brush: go``, ``data-lang``), since ``lang-de`` on a page
    wrapper names a human language."""
    for attr in ("data-lang", "data-language"):
        value = (element.get(attr) or "").strip().lower()
        if value and value not in _NOT_A_LANGUAGE and len(value) <= 20:
            return value
    hint = element.get("class") or ""
    brush = _BRUSH.search(hint)
    if brush and brush.group(1).lower() not in _NOT_A_LANGUAGE:
        return brush.group(1).lower()
    classes = _classes(element)
    for name in classes:
        match = _LANGUAGE_CLASS.match(name)
        if match and not near and not name.startswith(("language-", "highlight-source-")):
            continue
        if match and match.group(1) not in _NOT_A_LANGUAGE:
            return match.group(1)
    if "syntaxhighlighter" in classes:
        rest = [c for c in classes if c not in _HIGHLIGHTER_WORDS]
        if rest and rest[0] not in _NOT_A_LANGUAGE:
            return rest[0]
    if "sourcecode" in classes:  # pandoc: pre.sourceCode.python
        rest = [c for c in classes if c not in ("sourcecode", "numbersource")]
        if rest and rest[0] not in _NOT_A_LANGUAGE:
            return rest[0]
    return None
