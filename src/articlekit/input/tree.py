"""Tree: decoded markup to an lxml tree within limits, and plain text told from markup.

The tree is built with libxml2's HTML parser, which never fetches anything
(``no_network``), never reads a DTD and never expands entities declared in a
page (an XHTML "billion laughs" stays a few bytes of literal text).  Its
default resource limits (nesting beyond 256 elements, a text node or attribute
beyond 10 MB) stop it with a fatal error that drops the rest of the page.
Rather than lose the rest, a page that trips them is parsed again without
those limits; every tree is then brought within :class:`Limits`: elements
deeper than ``max_depth`` are flattened into their ancestor (their text kept,
their tags dropped) and elements beyond ``max_nodes`` are cut.  Every stage
after this one can therefore walk the tree recursively and in full.

This module parses and applies the limits in order; the markup text is pruned
before parsing by :mod:`articlekit.input.markup`, the tree brought within the
limits by :mod:`articlekit.input.treelimits`, and the element helpers of the later
stages are in :mod:`articlekit.input.elements`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from articlekit.input.decode import clean_text
from articlekit.input.markup import cut_markup, drop_crowded_tags, flatten_markup
from articlekit.input.streamed import MARKER, place_streamed_segments
from articlekit.input.treelimits import cut_nodes, flatten_deep, may_exceed
from articlekit.options import DEFAULT_LIMITS, Limits

__all__ = ["Tree", "build_tree", "looks_like_html", "parse_tree"]

_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|a|span|br|table|article|section|script|img|ul|li|h[1-6])\b",
    re.IGNORECASE,
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,500}>")
# A DOCTYPE with an internal subset ("<!DOCTYPE html [ <!ENTITY ...> ]>"): the
# HTML parser ignores the declarations but shows "]>" as text, so the whole
# subset is replaced by a plain doctype before parsing.
_DOCTYPE_SUBSET = re.compile(r"^\s*<!DOCTYPE[^\[>]{0,1000}\[", re.IGNORECASE)
_SUBSET_END = re.compile(r"\]\s*>")
# spelled out rather than IGNORECASE, which keeps the regex engine's fast "</" prefix scan
# and as two whole alternatives rather than "</(?:body|html)", which is about twice as fast
# over a page with thousands of end tags
_END_OF_DOCUMENT = re.compile(r"</[bB][oO][dD][yY]\b[^>]{0,100}>|</[hH][tT][mM][lL]\b[^>]{0,100}>")

# Tags allowed in the markup handed to the parser, per element of max_nodes: an
# element has an opening and a closing tag, scripts hold stray "<" too, and
# markup nested too deeply loses most of its tags to flattening after this cut.
_TAGS_PER_NODE = 10

# libxml2's nesting limit without XML_PARSE_HUGE: a tree parsed without a fatal
# error is no deeper than this.
_LIBXML2_MAX_DEPTH = 256


@dataclass(frozen=True, slots=True)
class Tree:
    """A parsed page: the ``<html>`` root and what was cut or repaired to build it."""

    root: html.HtmlElement
    warnings: tuple[str, ...] = ()
    truncated: bool = False


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than a plain-text dump of a page.

    Plain text may quote a tag or two ("use <br> here"), so one tag in a long
    text is not enough: markup has tags spread through it.
    """
    head = text[:65536]
    if head.lstrip()[:1] == "<":
        return _TAG.search(head) is not None
    tags = len(_TAG.findall(head))
    return tags >= 3 and tags * 400 >= len(head)


def build_tree(text: str, limits: Limits = DEFAULT_LIMITS) -> html.HtmlElement:
    """Parse markup into an lxml HTML tree with an ``<html>`` root and a ``<body>``.

    Never raises on bad markup: an empty or unparseable document gives an
    empty ``<html><body/></html>``.  See :func:`parse_tree` for what was cut.
    """
    return parse_tree(text, limits).root


def parse_tree(text: str, limits: Limits = DEFAULT_LIMITS, *, cleaned: bool = False) -> Tree:
    """Parse markup into a :class:`Tree` no deeper than ``limits.max_depth`` and
    with no more than ``limits.max_nodes`` elements.

    ``cleaned`` says ``text`` already went through :func:`clean_text` (the pipeline's
    decode stage does it), which saves a scan of the whole text.
    Never raises on bad markup; ``Tree.warnings`` says what was flattened or cut.
    """
    warnings: list[str] = []
    truncated = False
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        warnings.append(f"text cut at {limits.max_text_chars:,} characters (max_text_chars)")
        truncated = True
    text = _prepare(text if cleaned else clean_text(text))
    text, crowded = drop_crowded_tags(text, limits.max_attributes)
    if crowded:
        warnings.append(
            f"{crowded:,} tags with more than {limits.max_attributes:,} attributes dropped "
            "(max_attributes)"
        )
    text, cut = cut_markup(text, _TAGS_PER_NODE * limits.max_nodes)
    if cut:
        # libxml2 needs a few hundred bytes per element: bound the memory of the
        # parse itself, not only of what is kept after it
        warnings.append(f"markup cut at {cut:,} characters, far beyond max_nodes elements")
        truncated = True

    root, fatal = _parse(text, huge=False)
    may_be_deep = fatal is not None or limits.max_depth < _LIBXML2_MAX_DEPTH
    if fatal is not None:
        # A libxml2 resource limit stopped the parse part-way: parse again without
        # it and apply our own limits below, which keep the rest of the page.
        root, fatal = _parse(text, huge=True)
        if fatal is not None and "depth" in fatal:
            # Nesting beyond even libxml2's huge limit (2048) would drop the rest
            # of the page: flatten the markup itself, then parse once more.
            root, fatal = _parse(flatten_markup(text, limits.max_depth), huge=True)
            warnings.append(
                f"tags nested deeper than {limits.max_depth} dropped, their text kept (max_depth)"
            )
        if fatal is not None:
            warnings.append(f"markup cut where the parser gave up ({fatal})")
            truncated = True

    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    _adopt_strays(root, body)
    if MARKER in text:
        # before the limits: a moved segment is measured where the page shows it
        place_streamed_segments(root)

    if may_be_deep and limits.max_depth > 0:
        unwrapped, flattened = flatten_deep(root, limits.max_depth)
        if unwrapped:
            warnings.append(
                f"{unwrapped:,} empty wrapper elements on paths nested deeper than "
                f"{limits.max_depth} unwrapped (max_depth)"
            )
        if flattened:
            warnings.append(
                f"elements nested deeper than {limits.max_depth} flattened into their "
                "ancestor (max_depth)"
            )
    if may_exceed(text, limits.max_nodes) and cut_nodes(root, limits.max_nodes):
        warnings.append(f"document cut after {limits.max_nodes:,} elements (max_nodes)")
        truncated = True
    return Tree(root, tuple(warnings), truncated)


def _prepare(text: str) -> str:
    """Remove what lxml refuses or shows as junk text before the first element."""
    if text.lstrip().startswith("<?xml"):
        # lxml refuses str input with an XML declaration naming an encoding
        text = _XML_DECLARATION.sub("", text, count=1)
    # libxml2 drops whatever follows </html> (or keeps it outside the root) and
    # puts what follows </body> beside the body; browsers keep both in the body,
    # and archived pages often have content, or a second page, after them.
    text = _END_OF_DOCUMENT.sub("", text)
    subset = _DOCTYPE_SUBSET.match(text)
    if subset:
        end = _SUBSET_END.search(text, subset.end())
        if end is None:
            end = re.compile(">").search(text, subset.end())
        text = "<!DOCTYPE html>" + text[end.end() :] if end else ""
    return text


def _adopt_strays(root: etree._Element, body: etree._Element) -> None:
    """Move elements that libxml2 left beside the root or the body into the body,
    so that the document has one root and its content is all under ``<body>``."""
    for stray in [*root.itersiblings(), *body.itersiblings()]:
        if isinstance(stray.tag, str):
            body.append(stray)


def _parser(*, huge: bool) -> html.HTMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe, and module-level
    # objects would be shared state.  no_network: a saved page is parsed as saved.
    parser = html.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        huge_tree=huge,
        encoding="utf-8",
        # no table of ids: only XPath's id() and getElementById read it, which no stage
        # uses, and filling it costs about 7% of a parse
        collect_ids=False,
    )
    # Every element an HtmlElement, chosen in C: lxml.html's default lookup runs a
    # Python function for each element proxy (a few % of a parse); no stage uses
    # its per-tag classes (FormElement, InputElement ...).
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=html.HtmlElement))
    return parser


def _parse(text: str, *, huge: bool) -> tuple[html.HtmlElement, str | None]:
    """The root element, and the message of a fatal resource-limit error if one
    stopped the parser early."""
    parser = _parser(huge=huge)
    root: html.HtmlElement | None
    try:
        # UTF-8 bytes with a declared parser encoding parse faster than str, and a
        # <meta charset> in the markup cannot override the decoding already done
        root = html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    fatal = next(
        (
            error.message.strip()
            for error in parser.error_log
            if error.level == etree.ErrorLevels.FATAL
            and error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT
        ),
        None,
    )
    if root is None:
        root = html.document_fromstring("<html><body></body></html>", parser=_parser(huge=False))
    return root, fatal
