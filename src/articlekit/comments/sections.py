"""Where a comment section ends: the roots cut around comment items, reply forms and headers.

A section is the highest ancestor whose text is still nearly all comments, reply
forms and headers, so the article around it is never swallowed.  Top-level comments
are grouped by the thread list that holds them; reply forms and the article's links
to its thread are sections of their own; a comment header over a list of signed
entries makes one too, and a "5 Comments" heading just before a section joins it.
"""

from __future__ import annotations

from lxml import html

from articlekit.comments.entries import BESIDE_SLACK, heading_threads
from articlekit.comments.markup import (
    HEADING_TAGS,
    ITEM_TOKEN,
    TextLengths,
    is_area,
    kebab,
    strong_item,
    text_length,
    top_level,
)
from articlekit.comments.phrases import is_comment_header
from articlekit.input.elements import text_of

__all__ = [
    "covered_lengths",
    "document_position",
    "form_roots",
    "headers_before",
    "heading_roots",
    "thread_roots",
]


def covered_lengths(
    covered: list[html.HtmlElement], lengths: TextLengths | None = None
) -> dict[html.HtmlElement, int]:
    """Each ancestor of the ``covered`` elements (items, forms) mapped to the length
    of the comment text inside it; ``lengths`` measures text (share one with the other
    readers of the same tree: the items were measured when they were found)."""
    measure = lengths if lengths is not None else text_length
    covered_in: dict[html.HtmlElement, int] = {}
    for element in covered:
        length = measure(element)
        for ancestor in element.iterancestors():
            covered_in[ancestor] = covered_in.get(ancestor, 0) + length
    return covered_in


def thread_roots(
    items: list[html.HtmlElement],
    covered_in: dict[html.HtmlElement, int],
    lengths: TextLengths | None = None,
) -> list[html.HtmlElement]:
    """The sections around the top-level comments, grouped by their thread list.

    ``lengths`` measures text; share one with :func:`form_roots` so the ancestors
    that the sections of one page have in common are measured once.
    """
    lengths = lengths if lengths is not None else TextLengths()
    roots: list[html.HtmlElement] = []
    # Group top-level comments by their parent, the thread list.
    groups: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    top = top_level(items)
    for item in top:
        parent = item.getparent()
        if parent is not None:
            groups.setdefault(parent, []).append(item)
    # Comments of one thread share their markup even when each sits in its own
    # wrapper (React-style pages): a signature seen twice is evidence too.
    signature_of: dict[html.HtmlElement, tuple[str, frozenset[str]]] = {}
    signatures: dict[tuple[str, frozenset[str]], int] = {}
    for item in top:
        signature = signature_of[item] = _signature(item)
        signatures[signature] = signatures.get(signature, 0) + 1
    for parent, members in groups.items():
        strong = (
            len(members) >= 2
            or any(strong_item(m) for m in members)
            or any(signatures[signature_of[m]] >= 2 for m in members)
        )
        root = _section_root(parent, covered_in, strong, lengths)
        if root is not None:
            roots.append(root)
        elif strong:
            # the list holds more than comments: cut the comments alone
            roots.extend(members)
    return roots


def form_roots(
    forms: list[html.HtmlElement],
    covered: list[html.HtmlElement],
    covered_in: dict[html.HtmlElement, int],
    lengths: TextLengths | None = None,
) -> list[html.HtmlElement]:
    """The sections around reply forms; an article's link to its thread goes alone."""
    lengths = lengths if lengths is not None else TextLengths()
    roots: list[html.HtmlElement] = []
    covered_set = set(covered)
    for form in forms:
        if form in covered_set:
            if form.tag in ("a", "span", "li", "p") or (form.tag == "div" and len(form) == 1):
                # a "3 Comments" link from the article goes alone
                roots.append(form)
                continue
            root = _section_root(form, covered_in, True, lengths)
            roots.append(root if root is not None else form)
    return roots


def heading_roots(tree: html.HtmlElement, roots: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """The sections of threads found by their header, that ``roots`` do not hold yet."""
    found: list[html.HtmlElement] = []
    for header, container, entries in heading_threads(tree):
        if any(header is r or container is r for r in (*roots, *found)):
            continue
        if header.getparent() is container:  # the entries follow the header in its box
            rest = text_length(container) - text_length(header)
            rest -= sum(text_length(e) for e in entries)
            found.append(container if rest < BESIDE_SLACK else _gathered(header, entries))
            continue
        parent = container.getparent()
        shared = header.getparent() is parent and parent is not None
        if shared and text_length(parent) - text_length(container) - text_length(header) < 300:
            found.append(parent)
        else:
            found.extend((header, container))
    return found


def _gathered(header: html.HtmlElement, entries: list[html.HtmlElement]) -> html.HtmlElement:
    """A new ``div`` put in the tree around ``header`` and all that follows it in its box,
    for a thread written straight into the article's box ("<h3>Comments (3)</h3>", the
    signed entries, a notice): the one section that is cut and read, the article's own
    paragraphs before it left where they are.  What follows the entries is little
    (``BESIDE_SLACK``): a pager or a notice of the thread."""
    box = header.getparent()
    if box is None or not entries:
        return header
    wrapper = html.Element("div")
    box.insert(box.index(header), wrapper)
    for element in [header, *header.itersiblings()]:  # each with its tail
        wrapper.append(element)
    return wrapper


def _section_root(
    start: html.HtmlElement,
    covered_in: dict[html.HtmlElement, int],
    strong: bool,
    lengths: TextLengths,
) -> html.HtmlElement | None:
    """The highest ancestor of ``start`` whose text is nearly all comment material.

    ``covered_in`` maps an element to the length of comment text (items, forms)
    inside it.  Returns None when no ancestor has a comment hint, unless
    ``strong`` evidence lets ``start`` itself stand.
    """
    best: html.HtmlElement | None = None
    node: html.HtmlElement | None = start
    while node is not None and node.tag not in ("body", "html", "main"):
        if lengths.has_h1(node):
            break
        covered = covered_in.get(node, 0)
        if lengths(node) - covered > 300 + covered // 5:
            break
        if is_area(node) or (node is start and strong):
            best = node
        node = node.getparent()
    return best


def headers_before(section: html.HtmlElement) -> list[html.HtmlElement]:
    """A "5 Comments" heading just before a section belongs to it."""
    previous = section.getprevious()
    if (
        previous is not None
        and isinstance(previous.tag, str)
        and previous.tag in HEADING_TAGS | {"div", "p", "span"}
        and is_comment_header(text_of(previous))
    ):
        return [previous]
    return []


def _signature(element: html.HtmlElement) -> tuple[str, frozenset[str]]:
    tokens = (element.get("class") or "").split()
    return (
        str(element.tag),
        frozenset(t for t in tokens if ITEM_TOKEN.match(kebab(t))),
    )


def document_position(element: html.HtmlElement) -> list[int]:
    """The child indexes from the root down to ``element``: a sort key in page order."""
    path = []
    node = element
    parent = node.getparent()
    while parent is not None:
        path.append(parent.index(node))
        node, parent = parent, parent.getparent()
    return path[::-1]
