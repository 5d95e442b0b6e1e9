"""The markup text made safe to parse: tags that would cost libxml2 minutes dropped,
markup far beyond ``max_nodes`` cut, and markup nested thousands deep flattened.

Each works on the decoded text with C-level counts and finds, before
:mod:`articlekit.input.tree` parses it; they never build a tree.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["BLOCKS", "cut_markup", "drop_crowded_tags", "flatten_markup"]

_ATTRIBUTE_NAME = re.compile(r"""[\s"'][^\s="'<>/]+\s*=""")
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
# Elements that end a line of text: when their tags are dropped, a line break stays.
BLOCKS = (
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


def drop_crowded_tags(text: str, max_attributes: int) -> tuple[str, int]:
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


def cut_markup(text: str, max_tags: int) -> tuple[str, int]:
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


def flatten_markup(text: str, max_depth: int) -> str:
    """``text`` without the tags that would open elements deeper than ``max_depth``.

    A light model of the tree builder (void elements, implied ends of ``p``,
    ``li``, table cells and the like, end tags closing the nearest match) is
    enough here: this runs only on markup nested thousands deep, and the exact
    depth is enforced on the tree afterwards.  The text between tags is kept.
    Only the dropped tags are noted (as cuts of the text), and the names open on
    the stack are counted, so that an end tag is matched without a scan of the stack.
    """
    limit = max(1, max_depth - 2)  # html and body may be implied by the parser
    stack: list[str] = []
    open_names: dict[str, int] = {}  # name -> how often it is on the stack
    cuts: list[tuple[int, int, str]] = []  # (start, end, what stands instead)
    skip_to = 0  # the end of a script or style element read whole
    # every "<name" before the last ">" closes at a ">", so no search backtracks
    last_close = text.rfind(">") + 1
    for match in _TAG_TOKEN.finditer(text, 0, last_close):
        start = match.start()
        if start < skip_to:
            continue  # a tag-like run inside raw text: an earlier tag covers it
        closing, name = match.group(1, 2)
        name = name.lower()
        if closing:
            if open_names.get(name):
                while True:
                    popped = stack.pop()
                    open_names[popped] -= 1
                    if popped == name:
                        break
            else:
                cuts.append((start, match.end(), "\n" if name in BLOCKS else ""))
            continue
        if name in _RAW_TEXT:
            skip_to = _raw_text_end(text, name, match.end())
            continue
        if stack and stack[-1] in _IMPLIED_END.get(name, ()):
            open_names[stack.pop()] -= 1
        if name in _VOID or match.group(0).endswith("/>"):
            continue
        if len(stack) < limit:
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
        else:
            cuts.append((start, match.end(), "\n" if name in BLOCKS else ""))
    if not cuts:
        return text
    pieces: list[str] = []
    position = 0
    for start, end, instead in cuts:
        pieces += (text[position:start], instead)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _raw_text_end(text: str, name: str, start: int) -> int:
    """Where the end tag of a script/style-like element opened before ``start`` ends."""
    end = re.compile(f"</{name}[^>]*>", re.IGNORECASE).search(text, start)
    return end.end() if end else len(text)
