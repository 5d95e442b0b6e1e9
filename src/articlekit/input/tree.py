"""Stage 3 - tree: decoded markup to an lxml tree within limits, and plain text told from markup.

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
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lxml import etree, html

from articlekit.input.decode import clean_text
from articlekit.options import DEFAULT_LIMITS, Limits

__all__ = ["Tree", "build_tree", "class_and_id", "drop_element", "looks_like_html", "parse_tree"]

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
_ATTRIBUTE_NAME = re.compile(r"""[\s"'][^\s="'<>/]+\s*=""")
# spelled out rather than IGNORECASE, which keeps the regex engine's fast "</" prefix scan
# and as two whole alternatives rather than "</(?:body|html)", which is about twice as fast
# over a page with thousands of end tags
_END_OF_DOCUMENT = re.compile(r"</[bB][oO][dD][yY]\b[^>]{0,100}>|</[hH][tT][mM][lL]\b[^>]{0,100}>")

# Elements whose text is code or styling, never content: removed rather than
# flattened into their ancestor's text.
_NON_TEXT = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object")

# libxml2's nesting limit without XML_PARSE_HUGE: a tree parsed without a fatal
# error is no deeper than this.
_LIBXML2_MAX_DEPTH = 256

# Tags allowed in the markup handed to the parser, per element of max_nodes: an
# element has an opening and a closing tag, scripts hold stray "<" too, and
# markup nested too deeply loses most of its tags to flattening after this cut.
_TAGS_PER_NODE = 10
_CUT_SLICE = 64 * 1024

_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>")
_VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Generic containers that may be unwrapped where markup is nested too deeply.
_WRAPPERS = ("div", "span", "font", "center")

# Elements that end a line of text: when their tags are dropped, a line break stays.
_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext"})
_IMPLIED_END = {
    "p": ("p",),
    "li": ("li",),
    "option": ("option",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "tr": ("tr", "td", "th"),
    "td": ("td", "th"),
    "th": ("td", "th"),
}

# A parse of this many characters cannot hold more elements than half of it
# (the shortest element is "<a>"), so the node count is skipped below it.
_CHARS_PER_NODE_MIN = 2
# libxml2 makes at most one element per "<" and, besides html/head/body, one implied
# <p> per run of text between tags: markup with few "<" cannot exceed max_nodes.
_NODES_PER_TAG_MAX = 3


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
    text, crowded = _drop_crowded_tags(text, limits.max_attributes)
    if crowded:
        warnings.append(
            f"{crowded:,} tags with more than {limits.max_attributes:,} attributes dropped "
            "(max_attributes)"
        )
    text, cut = _cut_markup(text, _TAGS_PER_NODE * limits.max_nodes)
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
            root, fatal = _parse(_flatten_markup(text, limits.max_depth), huge=True)
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

    if may_be_deep and limits.max_depth > 0:
        unwrapped, flattened = _flatten_deep(root, limits.max_depth)
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
    if _may_exceed(text, limits.max_nodes) and _cut_nodes(root, limits.max_nodes):
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


def _drop_crowded_tags(text: str, max_attributes: int) -> tuple[str, int]:
    """``text`` without start tags that carry more than ``max_attributes``
    attributes, and how many were dropped.

    libxml2 checks each attribute against all earlier ones of its tag, so one
    tag with 200,000 attributes takes minutes.  Such a tag is at least
    ``max_attributes`` times 4 characters without a ``>``: only those runs
    (:func:`_long_runs`) are looked at.
    """
    pieces: list[str] = []
    position = 0
    dropped = 0
    for run_start, run_end in _long_runs(text, 4 * max_attributes):
        tag_start = text.rfind("<", run_start, run_end)
        if tag_start < 0 or text.count("=", tag_start, run_end) <= max_attributes:
            continue
        names = _ATTRIBUTE_NAME.finditer(text, tag_start, run_end)
        if len(list(itertools.islice(names, max_attributes + 1))) <= max_attributes:
            continue  # "=" inside values (URLs, JSON), not attributes
        pieces.append(text[position:tag_start])
        position = run_end + 1  # the tag's closing ">" goes too
        dropped += 1
    if not dropped:
        return text, 0
    pieces.append(text[position:])
    return "".join(pieces), dropped


def _long_runs(text: str, shortest: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of at least ``shortest`` characters without a
    ``>``, in order: ``start`` is the ``>`` before the run (0 for the text before
    the first ``>``), ``end`` the next ``>`` (or the end of the text).

    Such a run holds a whole aligned block of half its length, so only blocks
    without a ``>`` are widened to their run: a few dozen C-level finds per page
    instead of a regex stepping through every tag.
    """
    runs: list[tuple[int, int]] = []
    block = max(1, shortest // 2)
    find = text.find
    covered = 0  # blocks before this lie in a run already found
    for start in range(0, len(text) - block + 1, block):
        if start < covered or find(">", start, start + block) >= 0:
            continue
        before = text.rfind(">", 0, start)
        end = find(">", start + block)
        end = len(text) if end < 0 else end
        if end - before - 1 >= shortest:
            runs.append((max(before, 0), end))
        covered = end
    return runs


def _cut_markup(text: str, max_tags: int) -> tuple[str, int]:
    """``text`` cut after about ``max_tags`` tags, and where it was cut (0: not cut).

    Counts ``<`` in slices (a C-level count), so the cost is one scan.
    """
    if len(text) <= max_tags or text.count("<") <= max_tags:
        return text, 0
    seen = 0
    for start in range(0, len(text), _CUT_SLICE):
        in_slice = text.count("<", start, start + _CUT_SLICE)
        if seen + in_slice > max_tags:
            end = start - 1
            for _ in range(max_tags - seen + 1):  # at most one slice of finds
                end = text.find("<", end + 1)
            return text[:end], end
        seen += in_slice
    return text, 0


def _flatten_markup(text: str, max_depth: int) -> str:
    """``text`` without the tags that would open elements deeper than ``max_depth``.

    A light model of the tree builder (void elements, implied ends of ``p``,
    ``li``, table cells and the like, end tags closing the nearest match) is
    enough here: this runs only on markup nested thousands deep, and the exact
    depth is enforced on the tree afterwards.  The text between tags is kept.
    """
    limit = max(1, max_depth - 2)  # html and body may be implied by the parser
    stack: list[str] = []
    pieces: list[str] = []
    position = 0
    # every "<name" before the last ">" closes at a ">", so no search backtracks
    last_close = text.rfind(">") + 1
    while True:
        match = _TAG_TOKEN.search(text, position, last_close)
        if match is None:
            break
        pieces.append(text[position : match.start()])
        position = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            if name in stack:
                while stack.pop() != name:
                    pass
                pieces.append(match.group(0))
            elif name in _BLOCKS:
                pieces.append("\n")  # keeps the text of dropped blocks apart
            continue
        if name in _RAW_TEXT:
            end = _raw_text_end(text, name, position)
            pieces.append(match.group(0) + text[position:end])
            position = end
            continue
        if stack and stack[-1] in _IMPLIED_END.get(name, ()):
            stack.pop()
        if name in _VOID or match.group(0).endswith("/>"):
            pieces.append(match.group(0))
        elif len(stack) < limit:
            stack.append(name)
            pieces.append(match.group(0))
        elif name in _BLOCKS:
            pieces.append("\n")
    pieces.append(text[position:])
    return "".join(pieces)


def _raw_text_end(text: str, name: str, start: int) -> int:
    """Where the end tag of a script/style-like element opened before ``start`` ends."""
    end = re.compile(f"</{name}[^>]*>", re.IGNORECASE).search(text, start)
    return end.end() if end else len(text)


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


def _flatten_deep(root: etree._Element, max_depth: int) -> tuple[int, int]:
    """Bring the tree within ``max_depth`` levels (the root is level 1).

    Empty wrappers on the too-deep paths are unwrapped first; then items that
    recur below an element at depth ``max_depth`` (nested replies) are lifted
    beside a recurring ancestor (:func:`_lift_recurring`), and every element
    still at that depth is flattened: its descendants' tags are dropped and
    their text kept.  Returns how many wrappers were unwrapped and how many
    elements were lifted or flattened."""
    # one location step per level: libxml2 walks each level once, in C
    path = "/*" + "/*" * (max_depth - 1) + "[*]"
    boundary: list[etree._Element] = [root] if max_depth <= 1 else _elements(root, path)
    unwrapped = _unwrap_deep_wrappers(boundary) if boundary and max_depth > 1 else 0
    if unwrapped:
        boundary = _elements(root, path)
    lifted = sum(_lift_recurring(element) for element in boundary)
    if lifted:
        boundary = _elements(root, path)
    for element in boundary:
        etree.strip_elements(element, *_NON_TEXT, with_tail=False)
        # a line break where a block ended keeps "<p>a</p><p>b</p>" from becoming "ab"
        for block in element.iterdescendants(*_BLOCKS):
            block.tail = "\n" + (block.tail or "")
        etree.strip_tags(element, "*")
    return unwrapped, len(boundary) + lifted


_ITEM_LEVELS = 4
"""Ancestors of an element at the depth limit whose kind (tag and class) is
looked for among its descendants by :func:`_lift_recurring`."""


def _lift_recurring(element: etree._Element) -> int:
    """Move the items that recur below ``element`` up beside a recurring ancestor.

    A reply thread nests each comment (``li class="comment"``) inside the one it
    answers; flattening the comment at the depth limit would merge all replies
    below it into one text.  Lifted items keep their tag and class, so each
    stays a comment of its own, and they follow the highest item of the same
    kind among the nearest ancestors, so they stay in the thread and keep a few
    levels of their own markup (author, date, text); only their nesting (the
    reply parent) is lost.  Items left without text (the emptied reply lists)
    are removed.  Returns how many items were lifted.
    """
    ancestors = list(itertools.islice(element.iterancestors(), _ITEM_LEVELS))
    kinds = {(e.tag, e.get("class")) for e in (element, *ancestors) if e.get("class")}
    if not kinds:
        return 0
    tags = {tag for tag, _ in kinds}
    items = [e for e in element.iterdescendants(*tags) if (e.tag, e.get("class")) in kinds]
    recurring = {(e.tag, e.get("class")) for e in items}
    host = next(
        (a for a in reversed(ancestors) if (a.tag, a.get("class")) in recurring),
        element,
    )
    parent = host.getparent()
    if parent is None or not items:
        return 0
    if host is not element and (element.tag, element.get("class")) in recurring:
        items.insert(0, element)  # the item at the limit keeps its markup too
    # deepest first, each put right after ``host``: no item is moved with the
    # others still inside it (lxml walks what it moves), and document order holds
    for item in reversed(items):
        tail, item.tail = item.tail, None
        if tail:
            # the text after the item stays where it was
            before = item.getprevious()
            holder = item.getparent()
            if before is not None:
                before.tail = (before.tail or "") + tail
            elif holder is not None:
                holder.text = (holder.text or "") + tail
        host.addnext(item)
    for item in items:
        if not item.xpath("boolean(normalize-space())"):
            parent.remove(item)
    return len(items)


def _unwrap_deep_wrappers(boundary: list[etree._Element]) -> int:
    """Unwrap generic wrappers (a ``div`` or ``span`` holding one element and no
    text) on the paths through ``boundary``, the elements at the depth limit.

    Markup nested hundreds deep is mostly such wrappers around real content;
    dropping them keeps the content's structure where flattening would merge it,
    and spares later stages work proportional to depth times text.
    """
    seen: set[etree._Element] = set()
    candidates: list[etree._Element] = []
    for element in boundary:
        for ancestor in element.iterancestors():
            if ancestor in seen:
                break
            seen.add(ancestor)
            candidates.append(ancestor)
        candidates.extend(element.iter(*_WRAPPERS))
    unwrapped = 0
    for element in candidates:
        if (
            element.tag in _WRAPPERS
            and len(element) == 1
            and element.getparent() is not None
            and not (element.text or "").strip()
            and not (element[0].tail or "").strip()
        ):
            element.drop_tag()  # type: ignore[attr-defined]  # lxml.html elements
            unwrapped += 1
    return unwrapped


def _elements(root: etree._Element, path: str) -> list[etree._Element]:
    """The elements an XPath selects (typed for mypy)."""
    found = root.xpath(path)
    return (
        [item for item in found if isinstance(item, etree._Element)]
        if isinstance(found, list)
        else []
    )


def _may_exceed(text: str, max_nodes: int) -> bool:
    """False when the parse of ``text`` surely has no more than ``max_nodes`` elements
    (a C-level count instead of a walk over the tree)."""
    return (
        len(text) >= _CHARS_PER_NODE_MIN * max_nodes
        and _NODES_PER_TAG_MAX * text.count("<") + 4 > max_nodes
    )


def _cut_nodes(root: etree._Element, max_nodes: int) -> bool:
    """Drop every element after the first ``max_nodes`` in document order."""
    over = _elements(root, f"(//*)[{max_nodes + 1}]")
    if not over:
        return False
    first_over = over[0]
    node = first_over
    keep = 0  # the first element over the limit goes; its ancestors stay
    while node is not root:
        parent = node.getparent()
        if parent is None:
            break
        del parent[parent.index(node) + keep :]
        node, keep = parent, 1
    return True


def class_and_id(element: etree._Element) -> str:
    """The element's ``class`` and ``id`` in one string, where template names are read."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def drop_element(element: etree._Element) -> None:
    """Remove ``element`` from its tree, keeping its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
