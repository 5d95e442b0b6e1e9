"""A parsed tree brought within ``max_depth`` and ``max_nodes``.

Elements deeper than ``max_depth`` are flattened into their ancestor (their text
kept, their tags dropped) after empty wrappers on those paths are unwrapped and
recurring items (nested replies) are lifted; elements beyond ``max_nodes`` are cut.
"""

from __future__ import annotations

import itertools

from lxml import etree

from articlekit.input.elements import put_text_before
from articlekit.input.markup import BLOCKS

__all__ = ["cut_from", "cut_nodes", "flatten_deep", "may_exceed"]

# Elements whose text is code or styling, never content: removed rather than
# flattened into their ancestor's text.
_NON_TEXT = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object")

# A parse of this many characters cannot hold more elements than half of it
# (the shortest element is "<a>"), so the node count is skipped below it.
_CHARS_PER_NODE_MIN = 2
# libxml2 makes at most one element per "<" and, besides html/head/body, one implied
# <p> per run of text between tags: markup with few "<" cannot exceed max_nodes.
_NODES_PER_TAG_MAX = 3

# Generic containers that may be unwrapped where markup is nested too deeply.
_WRAPPERS = ("div", "span", "font", "center")


def flatten_deep(root: etree._Element, max_depth: int) -> tuple[int, int]:
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
        for block in element.iterdescendants(*BLOCKS):
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
    done: set[etree._Element] = set()
    for element in candidates:
        if element not in done and _unwrappable(element):
            chain = _chain(element)
            _unwrap_chain(chain)
            done.update(chain)
            unwrapped += len(chain)
    return unwrapped


def _unwrappable(element: etree._Element) -> bool:
    return (
        element.tag in _WRAPPERS
        and len(element) == 1
        and element.getparent() is not None
        and not (element.text or "").strip()
        and not (element[0].tail or "").strip()
    )


def _chain(element: etree._Element) -> list[etree._Element]:
    """The unwrappable wrappers nested one in the other through ``element``, outermost
    first."""
    chain = [element]
    parent = element.getparent()
    while parent is not None and _unwrappable(parent):
        chain.insert(0, parent)
        parent = parent.getparent()
    child = element[0]
    while _unwrappable(child):
        chain.append(child)
        child = child[0]
    return chain


def _unwrap_chain(chain: list[etree._Element]) -> None:
    """Unwrap wrappers nested one in the other, as ``drop_tag`` on each would, with one
    move of the element they hold: lxml walks the whole subtree of an element it moves,
    so 250 wrappers around 100,000 paragraphs cost 250 walks of them one by one."""
    top, held = chain[0], chain[-1][0]
    parent = top.getparent()
    assert parent is not None  # _unwrappable
    # what drop_tag does to each: its (blank) text goes before it, its tail after its child
    text = "".join(wrapper.text or "" for wrapper in chain)
    if text:
        put_text_before(top, text)
    tail = "".join(wrapper.tail or "" for wrapper in reversed(chain))
    if tail:
        held.tail = (held.tail or "") + tail
    index = parent.index(top)
    parent[index : index + 1] = [held]


def _elements(root: etree._Element, path: str) -> list[etree._Element]:
    """The elements an XPath selects (typed for mypy)."""
    found = root.xpath(path)
    return (
        [item for item in found if isinstance(item, etree._Element)]
        if isinstance(found, list)
        else []
    )


def may_exceed(text: str, max_nodes: int) -> bool:
    """False when the parse of ``text`` surely has no more than ``max_nodes`` elements
    (a C-level count instead of a walk over the tree)."""
    return (
        len(text) >= _CHARS_PER_NODE_MIN * max_nodes
        and _NODES_PER_TAG_MAX * text.count("<") + 4 > max_nodes
    )


def cut_nodes(root: etree._Element, max_nodes: int) -> bool:
    """Drop every element after the first ``max_nodes`` in document order."""
    over = _elements(root, f"(//*)[{max_nodes + 1}]")
    if not over:
        return False
    cut_from(root, over[0])
    return True


def cut_from(root: etree._Element, first: etree._Element) -> None:
    """Drop ``first`` and everything after it in document order, up to the end of
    ``root``; its ancestors stay.  A few slice deletions, whatever the size of the rest."""
    node = first
    keep = 0  # the first element cut goes; its ancestors stay
    while node is not root:
        parent = node.getparent()
        if parent is None:
            break
        del parent[parent.index(node) + keep :]
        node, keep = parent, 1
