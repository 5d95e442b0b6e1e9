"""Cleaning of the chosen content: what goes from inside the article's element.

Containers whose statistics say "links, images, form controls" rather than prose
(conditional cleaning), headings of page furniture, short texts that are template
residue (:mod:`.boilerplate_text`), paragraphs that are one link, teaser cards, and
picture credits set as paragraphs.  Every removal leaves a decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from lxml import html

from articlekit.content.boilerplate_text import FINE_PRINT, FINE_PRINT_LIMIT, is_boilerplate_text
from articlekit.content.class_hints import class_weight
from articlekit.content.figures import is_figure_wrapper
from articlekit.content.pruning import (
    ALL_LINK_TEXT,
    CODE_TABLE,
    HIGHLIGHTER,
    IN_FIGURE,
    IN_HIGHLIGHTER,
    drop_all,
    link_density,
    norm,
)
from articlekit.explain import Decision
from articlekit.input.caseless import CaselessPattern
from articlekit.input.elements import has_descendant, text_of
from articlekit.input.xpath import boolean_query, element_query

__all__ = [
    "CREDIT_LINE",
    "CREDIT_LINE_CHARS",
    "LINK_PARAGRAPH_CHARS",
    "clean_content",
    "drop_link_blocks",
]


# Elements by tag name are found with lxml's C-level iterdescendants(tags), several times
# faster than ".//*[self::a or self::b ...]" (a predicate per element), and linear where
# a union (".//a | .//b") is not: libxml2 merges unions with a duplicate check per node.
_CONDITIONAL_TAGS = (
    "div",
    "section",
    "ul",
    "ol",
    "table",
    "form",
    "td",
    "fieldset",
    "dl",
    "header",
)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADER_CELL_TAGS = ("th", "thead", "caption")


def _conditional_candidates(root: html.HtmlElement) -> list[html.HtmlElement]:
    """Containers under ``root`` judged by their statistics, in document order; a cell of
    a table with header cells (at any level above it) is data, not a container."""
    header_tables: dict[html.HtmlElement, bool] = {}  # nested cells share their tables
    found: list[html.HtmlElement] = []
    for element in root.iterdescendants(*_CONDITIONAL_TAGS):
        if element.tag == "td":
            in_data_table = False
            for table in element.iterancestors("table"):
                has_headers = header_tables.get(table)
                if has_headers is None:
                    has_headers = header_tables[table] = has_descendant(table, _HEADER_CELL_TAGS)
                if has_headers:
                    in_data_table = True
                    break
            if in_data_table:
                continue
        found.append(element)
    return found


def _headings(root: html.HtmlElement) -> list[html.HtmlElement]:
    """h1-h6 under ``root``, in document order."""
    return list(root.iterdescendants(*_HEADING_TAGS))


_COMMAS = re.compile(r"[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c]")


def clean_content(
    root: html.HtmlElement,
    decisions: list[Decision],
    *,
    conditional: bool = True,
    explain: bool = True,
    keep: tuple[html.HtmlElement, ...] = (),
) -> None:
    """Strip boilerplate from the chosen main-content element, in place.

    The elements of ``keep`` (a listing's item lists, a table of links, whose links
    are the content), the containers around them and those inside them are never
    judged by their statistics.
    """
    total = len(norm(text_of(root))) or 1
    if conditional:
        shielded = set(keep)
        for element in keep:
            shielded.update(element.iterancestors())
            shielded.update(element.iterdescendants())
        _clean_conditionally(root, total, decisions, explain, shielded)
    _clean_headings(root, decisions, explain)
    _clean_short_texts(root, decisions, explain)
    _clean_link_paragraphs(root, decisions, explain)
    _clean_teaser_figures(root, decisions, explain)


LINK_BLOCK_DENSITY = 0.65
"""Share of link text that makes a container a menu or a row of links (the separators
between the links, " | ", are a third of a short menu's text)."""


def drop_link_blocks(
    root: html.HtmlElement,
    keep: tuple[html.HtmlElement, ...],
    decisions: list[Decision],
    *,
    explain: bool = True,
) -> None:
    """Drop the containers under ``root`` that are nearly all links (a menu bar, a row
    of footer links), except ``keep``, what is inside it and what holds it.

    The cleaning for content whose own text is links (a table of links): the
    conditional cleaning would take a short intro holding one link too.
    """
    shielded = set(keep)
    for element in keep:
        shielded.update(element.iterancestors())
        shielded.update(element.iterdescendants())
    doomed: list[html.HtmlElement] = []
    for element in root.iterdescendants(*_CONDITIONAL_TAGS):
        if element in shielded:
            continue
        if link_density(element) >= LINK_BLOCK_DENSITY:
            doomed.append(element)
            shielded.update(element.iterdescendants())  # judged with it
    drop_all(doomed, "links only", decisions, explain)
    _clean_short_texts(root, decisions, explain)


LINK_PARAGRAPH_CHARS = 400
"""A paragraph this short that is all link points to other pages: one "see also" link,
or a row of teaser links set as one paragraph."""
# an e-mail address set as a link is contact text, not a pointer to another page
_LINK_PARAGRAPHS = element_query(
    f".//p[a[@href and not(starts-with(@href, '#') or starts-with(@href, 'mailto:'))]]"
    f"[string-length(normalize-space()) < {LINK_PARAGRAPH_CHARS}]"
)


def _clean_link_paragraphs(
    root: html.HtmlElement, decisions: list[Decision], explain: bool
) -> None:
    doomed = [
        p
        for p in _LINK_PARAGRAPHS(root)
        if p.getparent() is not None and link_density(p) >= 0.9 and _IN_FIGURE_OR_CODE(p) is False
    ]
    drop_all(doomed, "paragraph that is one link", decisions, explain)


# a caption never holds a headline; a teaser card (picture, linked headline, excerpt)
# set as a <figure> does
_TEASER_FIGURES = element_query(
    ".//figure[.//*[self::h2 or self::h3 or self::h4 or self::h5]"
    "[ancestor::a[@href and not(starts-with(@href, '#'))]"
    " or .//a[@href and not(starts-with(@href, '#'))]]]"
)


def _clean_teaser_figures(root: html.HtmlElement, decisions: list[Decision], explain: bool) -> None:
    drop_all(list(_TEASER_FIGURES(root)), "teaser card", decisions, explain)


def _clean_headings(root: html.HtmlElement, decisions: list[Decision], explain: bool) -> None:
    doomed = []
    for heading in _headings(root):
        text = norm(text_of(heading))
        if not text or class_weight(heading) < 0:
            doomed.append(heading)
    drop_all(doomed, "heading of page furniture", decisions, explain)


def _clean_short_texts(root: html.HtmlElement, decisions: list[Decision], explain: bool) -> None:
    """Drop the outermost elements whose whole text is template residue.

    Top-down: an element with more text than any pattern can match is entered,
    a small one is tested and either dropped or left alone with its children.
    """
    stack = [child for child in root if isinstance(child.tag, str)]
    stack.reverse()
    # a wrapper and its only child share their text: half the texts are tested twice
    verdicts: dict[str, str | None] = {}
    while stack:
        element = stack.pop()
        raw = text_of(element)
        if len(raw) > FINE_PRINT_LIMIT * 3:
            children = [c for c in element if isinstance(c.tag, str)]
            children.reverse()
            stack.extend(children)
            continue
        text = " ".join(raw.split())  # norm inlined: this runs for most elements
        if not text:
            continue
        if len(text) > FINE_PRINT_LIMIT:
            children = [c for c in element if isinstance(c.tag, str)]
            children.reverse()
            stack.extend(children)
            continue
        if text in verdicts:
            rule = verdicts[text]
        else:
            rule = verdicts[text] = is_boilerplate_text(text)
        if (
            rule is not None
            and CREDIT_LINE.match(text)
            and (_follows_image(element) or _HAS_IMAGE(element))
        ):
            # "Photo: X" under a picture is its credit, and a figure whose only text
            # is its credit is still a picture (see figures.py)
            rule = None
        if rule == "template fine print" and (
            (len(text) > 250 and not FINE_PRINT.match(text)) or _HAS_BLOCKS(element)
        ):
            # a long paragraph that merely mentions cookies is prose; a container is
            # judged by its parts
            rule = None
        if (
            rule is None
            and _is_credit_line(element, text)
            and not (CREDIT_LINE.match(text) and _follows_image(element))
        ):
            rule = "credit line"
        if rule is not None:
            drop_all([element], rule, decisions, explain)
        elif element.tag in _TEXT_LEAVES:
            # "Continue reading", "Read more" links at the end of a paragraph
            for link in element.iter("a"):
                link_text = norm(text_of(link))
                if link_text and is_boilerplate_text(link_text) == "short-text pattern":
                    drop_all([link], "short-text pattern", decisions, explain)
        else:
            children = [c for c in element if isinstance(c.tag, str)]
            children.reverse()
            stack.extend(children)


_HAS_BLOCKS = boolean_query(
    "boolean(p or div or ul or ol or table or section or article or blockquote or h1 or h2"
    " or h3 or h4 or h5 or h6 or dl or figure or pre)"
)
CREDIT_LINE = re.compile(
    r"^\(?(?:photo|foto|bild|image|picture|crédit|credit|fotografía|imagen)s?\b", re.IGNORECASE
)
"""A line that starts like a picture credit ("Photo: AP", "(Foto: dpa)")."""


CREDIT_LINE_CHARS = 300
"""Longest text taken as a credit line (a caption with its credit, a copyright notice)."""
# "... | © Getty Images", "(© AFP)", "...muss© Rike/pixelio.de", "(Symbolbild)": credits
# close a caption; "© 2022 Site. ..." opens a copyright notice
_ENDS_WITH_CREDIT = CaselessPattern.of(
    r"©\s*[^©.!?]{2,60}\)?\s*$|^\(?(?:©|\(c\)\s)|"
    r"\((?:symbolbild|archivbild|foto|photo|bild)[^)]{0,40}\)\.?\s*$"
)


def _is_credit_line(element: html.HtmlElement, text: str) -> bool:
    """A picture's caption or credit set as a paragraph, or the copyright line."""
    if len(text) > CREDIT_LINE_CHARS or not _may_end_with_credit(text):
        return False
    if element.tag in ("figure", "figcaption"):
        return False  # a real figure keeps its credit (see figures.py)
    parent = element.getparent()
    if parent is not None and _follows_image(element) and is_figure_wrapper(parent):
        return False  # the caption of a wp-caption box, its credit at the end
    return not (IN_FIGURE(element) or _HAS_BLOCKS(element) or _HAS_IMAGE(element))


def _may_end_with_credit(text: str) -> bool:
    """:data:`_ENDS_WITH_CREDIT`, behind the substring test that every branch of it needs
    ("©" or "("): the pattern's ``$`` branches are tried at every position of a text, and
    this runs for most short texts of the content."""
    return ("©" in text or "(" in text) and _ENDS_WITH_CREDIT.found_in(text)


def _follows_image(element: html.HtmlElement) -> bool:
    previous = element.getprevious()
    return previous is not None and (previous.tag in ("img", "figure") or _HAS_IMAGE(previous))


_HAS_IMAGE = boolean_query("boolean(.//img)")
_TEXT_LEAVES = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "figcaption"))


def _clean_conditionally(
    root: html.HtmlElement,
    total: int,
    decisions: list[Decision],
    explain: bool,
    shielded: set[html.HtmlElement],
) -> None:
    """Drop containers whose statistics say "links, images, form controls", not prose."""
    guarded = _figure_or_code_test(root)
    for element in reversed(_conditional_candidates(root)):
        if element.getparent() is None or element is root or element in shielded:
            continue
        verdict = None if guarded(element) else _conditional_rule(element, total)
        if verdict:
            drop_all([element], verdict, decisions, explain)


def _conditional_rule(element: html.HtmlElement, total: int) -> str | None:
    text = norm(text_of(element))
    length = len(text)
    if length > 0.6 * total:
        return None
    weight = class_weight(element)
    if weight < 0 and length < 0.3 * total:
        return "furniture class/id"  # an info box or a related-links table, data or not
    if element.tag == "table" and _is_data_table(element):
        return None
    if len(_COMMAS.findall(text)) >= 10:
        return None
    density = link_density(element, length)
    card_paragraphs = _CARD_PARAGRAPHS(element) if density > 0.2 else []
    if card_paragraphs:
        # a card set as one link (icon, heading, a sentence): its sentence is prose
        card_text = sum(len(norm(text_of(p))) for p in card_paragraphs)
        density = max(0.0, density - card_text / length)
    is_list = element.tag in ("ul", "ol")
    prose_list = is_list and (
        (density < 0.5 and length > 200) or (density < 0.6 and _annotated_items(element))
    )
    if weight < 25 and density > 0.2 and length < 1000 and not prose_list:
        return "link density"
    if weight >= 25 and density > 0.5:
        return "link density"
    paragraphs, images, inputs, headings, rich = _counts(element)
    if images > 1 and paragraphs / images < 0.5 and length < 200 and not _ONE_FIGURE(element):
        return "images without prose"
    if inputs > paragraphs / 3:
        return "form controls"
    plain_list = is_list and density == 0
    if length < 25 and (images == 0 or images > 2) and not headings and not rich and not plain_list:
        return None if _is_heading_value(element) else "too little text"
    return None


_VALUE_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6", "dt"))


def _is_heading_value(element: html.HtmlElement) -> bool:
    """The value under its own heading, the two alone in one wrapper: a specification
    group ("<h3>Manufacturer</h3><div>3M</div>"), a fact of a fact box."""
    parent = element.getparent()
    if parent is None or len(parent) != 2 or parent[1] is not element:
        return False
    return parent[0].tag in _VALUE_HEADINGS and bool(norm(text_of(element)))


# a box around one <figure> (its picture with a badge or an icon beside it) is that figure
_ONE_FIGURE = boolean_query("count(.//figure[not(ancestor::figure)]) = 1")
_IN_FIGURE_OR_CODE = boolean_query(
    f"boolean(ancestor-or-self::figure or ancestor::pre or ancestor::code or {IN_HIGHLIGHTER})"
)
# the same test as _IN_FIGURE_OR_CODE, for an element and its descendants: ``root``'s
# own place, then the figures, code and highlighters under it
_FIGURE_OR_CODE_AROUND = boolean_query(
    "boolean(ancestor-or-self::figure or ancestor-or-self::pre or ancestor-or-self::code"
    f" or ancestor-or-self::{HIGHLIGHTER} or ancestor-or-self::{CODE_TABLE})"
)
_GUARDS_WITH_SELF = element_query(f".//figure | .//{CODE_TABLE}")
_GUARDS_OF_DESCENDANTS = element_query(f".//pre | .//code | .//{HIGHLIGHTER}")


def _figure_or_code_test(root: html.HtmlElement) -> Callable[[html.HtmlElement], bool]:
    """Whether an element under ``root`` is in a figure or code (``_IN_FIGURE_OR_CODE``),
    answered from three queries of ``root``: per element, the ancestor axis cost a
    third of the conditional cleaning.  The answer holds while the cleaning drops
    elements, as it visits an element before any of its ancestors."""
    if _FIGURE_OR_CODE_AROUND(root):
        return lambda element: True
    with_self = set(_GUARDS_WITH_SELF(root))
    guards = with_self.union(_GUARDS_OF_DESCENDANTS(root))
    if not guards:
        return lambda element: False

    def guarded(element: html.HtmlElement) -> bool:
        return element in with_self or any(a in guards for a in element.iterancestors())

    return guarded


# the tags the conditional rule counts, each with the count it adds to: paragraphs,
# images, form inputs, headings, rich content (code, tables, media, maths)
_COUNTED = {
    "p": 0,
    "img": 1,
    "input": 2,
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), 3),
    **dict.fromkeys(("pre", "code", "table", "video", "audio", "picture", "math"), 4),
}
_COUNTED_TAGS = tuple(_COUNTED)


def _counts(element: html.HtmlElement) -> list[int]:
    """Paragraphs, images, inputs, headings and rich elements under ``element``, from one
    walk filtered by tag in C (an XPath of five counts and two unions walked the subtree
    thirteen times, and merged the unions)."""
    counts = [0, 0, 0, 0, 0]
    for descendant in element.iterdescendants(*_COUNTED_TAGS):
        counts[_COUNTED[descendant.tag]] += 1
    return counts


_CARD_PARAGRAPHS = element_query(".//a[@href]//p")


def _annotated_items(element: html.HtmlElement) -> bool:
    """A list whose items say more than their links ("200 g flour (brand X)"): content."""
    items = [li for li in element if li.tag == "li"]
    if len(items) < 3:
        return False
    annotated = 0
    for item in items:
        text = len(norm(text_of(item)))
        links = sum(len(norm(t)) for t in cast("list[str]", ALL_LINK_TEXT(item)))
        if text - links >= 8:
            annotated += 1
    return annotated >= 0.7 * len(items)


def _is_data_table(table: html.HtmlElement) -> bool:
    if table.get("role") == "presentation":
        return False
    if table.find(".//table") is not None:
        return False
    if table.get("summary") or table.find("caption") is not None:
        return True
    if table.find(".//th") is not None or table.find(".//thead") is not None:
        return True
    rows = table.findall(".//tr")
    if len(rows) >= 10:
        return True
    columns = max((len(r.findall("td")) for r in rows), default=0)
    return len(rows) * columns > 10 and columns > 2
