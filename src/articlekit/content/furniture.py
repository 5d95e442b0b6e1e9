"""Tree preparation: what is stripped or cut from the whole page before scoring.

Markup that is never text (scripts, forms, navigation, hidden elements) is stripped
with lxml's C-level calls; landmarks of page furniture and small forms go; subtrees
whose class/id names page furniture (:mod:`.class_hints`) are cut reversibly
(:class:`Cuts`), so that a retry can put them back when the cut took the article.
"""

from __future__ import annotations

import re
from typing import cast

from lxml import etree, html

from articlekit.content.class_hints import hint_is_bad, is_unlikely
from articlekit.content.disclosure import collapsed_panels
from articlekit.content.pruning import (
    IN_FIGURE,
    IN_HIGHLIGHTER,
    STAGE,
    drop_all,
    link_density,
    norm,
)
from articlekit.content.sheets import is_content_sheet, names_overlay
from articlekit.explain import Decision, Verdict
from articlekit.input.elements import has_descendant, text_of
from articlekit.input.xpath import boolean_query, element_query

__all__ = ["CUT_TAG", "Cuts", "prepare_tree", "strip_unlikely"]

# Never text: removed with their tails kept (strip_elements with_tail=False).
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "canvas",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "label",
    "dialog",
    "link",
    "meta",
    # ruby annotations: the reading shown above the base text (furigana), not text
    # of its own; kept, it splits every annotated word ("子こども")
    "rt",
    "rp",
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_FURNITURE_ROLES = frozenset(
    [
        "navigation",
        "menu",
        "menubar",
        "complementary",
        "alert",
        "alertdialog",
        "dialog",
        "contentinfo",
        "banner",
        "search",
    ]
)
# furniture landmarks, unless they wrap the article (some templates put it in an <aside>)
_LANDMARK_TAGS = ("nav", "aside", "footer", "header")
# judged only on the landmark elements, found by tag in C: the same predicate on every
# element of the page ("//body//*[...]") costs several times more
# A navigation bar or page header holding the page's footer (not a card's or a post's)
# was left open by the template: the parser put the whole page inside it, so it is not
# furniture itself.
_IS_FURNITURE_LANDMARK = boolean_query(
    "boolean(((self::nav or self::aside or self::footer)"
    " and not(.//article[string-length(normalize-space()) > 500] or .//main)"
    " and not(self::nav and .//footer[not(ancestor::article)]))"
    " or (self::header and not(ancestor::article or .//article or .//main"
    " or .//footer[not(ancestor::article)])"
    " and not((.//h1 or .//h2) and .//*[string-length(normalize-space(text())) > 80])))"
)
_FORM_XPATH = element_query("//body//form")
_ARTICLE_TAGS = ("article", "main", "h1")
_ATTACHED = boolean_query("boolean(ancestor::body)")
_IN_CODE = boolean_query(f"boolean(ancestor-or-self::code or ancestor::pre or {IN_HIGHLIGHTER})")
_HIDDEN = "hidden element"
_SHEET = "content sheet"
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
SWALLOWING_BUTTON_CHARS = 2000
"""A button with more text than this holds the page, not a label."""
CUT_TAG = "ak-cut"
"""Tag of the empty placeholder left where an unlikely subtree was cut out."""


class Cuts:
    """Unlikely subtrees cut out of a tree, each replaced by an empty placeholder.

    The placeholder keeps the subtree's tail text in place; :meth:`restore` puts
    the subtrees back (for a retry when the cut took the article with it).
    ``sheets`` are the dialogs and sheets kept as text (:mod:`.sheets`), which the
    cleaning of the content leaves alone.
    """

    __slots__ = ("pairs", "sheets")

    def __init__(self) -> None:
        self.pairs: list[tuple[html.HtmlElement, html.HtmlElement]] = []
        self.sheets: list[html.HtmlElement] = []

    def cut(self, element: html.HtmlElement) -> None:
        """Replace ``element`` by a placeholder holding its tail."""
        parent = element.getparent()
        if parent is None:
            return
        # made by the tree's own parser: html.Element builds a new document each time
        placeholder = cast("html.HtmlElement", parent.makeelement(CUT_TAG))
        placeholder.tail = element.tail
        parent.replace(element, placeholder)
        self.pairs.append((placeholder, element))

    def restore(self) -> None:
        """Put every cut subtree back where it was."""
        for placeholder, element in reversed(self.pairs):
            parent = placeholder.getparent()
            if parent is not None:
                element.tail = placeholder.tail
                parent.replace(placeholder, element)
        self.pairs.clear()


def prepare_tree(
    tree: html.HtmlElement,
    decisions: list[Decision],
    *,
    explain: bool = True,
    sheets: bool = False,
) -> Cuts:
    """Strip what is never text from the whole tree and cut out unlikely subtrees.

    One pass over the elements finds hidden ones (``hidden``,
    ``aria-hidden="true"``, ``display:none``), landmark roles of page furniture
    and class/id names of furniture; then lxml's ``strip_elements`` removes
    scripts, styles, embeds, form controls, navigation, asides and footers.  Page
    headers outside the article and small forms (search, login, subscribe,
    reply) go too; a form wrapping the whole page (some frameworks do) is
    unwrapped.  Unlikely subtrees are cut reversibly (see :class:`Cuts`).  With
    ``sheets`` (a product page), a dialog or a sheet that holds a section of the page's
    text (:mod:`.sheets`) stays, with what is inside it.
    """
    body = tree.find("body")
    cuts = Cuts()
    if body is None:
        return cuts
    hidden, unlikely, controllers = _scan(body)
    panels = collapsed_panels([e for e, rule in hidden if rule == _HIDDEN], controllers)
    # a removed element still belongs to the document (getroottree() finds <html>), so
    # "still in the page" is asked of its ancestors
    kept = cuts.sheets
    for element, rule in hidden:
        if element in panels:
            if explain:
                decisions.append(Decision(STAGE, element, Verdict.CONTENT, "collapsed panel"))
            continue
        if sheets and names_overlay(element) and is_content_sheet(element):
            kept.append(element)
            if explain:
                decisions.append(Decision(STAGE, element, Verdict.CONTENT, _SHEET))
            continue
        if _ATTACHED(element):
            drop_all([element], rule, decisions, explain)
    for button in [b for b in body.iter("button") if _is_text_button(b)]:
        button.drop_tag()
    etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
    landmarks = [
        e
        for e in body.iterdescendants(*_LANDMARK_TAGS)
        if _IS_FURNITURE_LANDMARK(e) and not _is_boxout(e) and not _inside(e, kept)
    ]
    drop_all(landmarks, "page furniture landmark", decisions, explain)
    for form in _FORM_XPATH(tree):
        if not _ATTACHED(form):
            continue
        if len(norm(text_of(form))) > 500:
            form.drop_tag()  # a form around the page or a product: its text is content
        else:
            drop_all([form], "form", decisions, explain)
    for element in unlikely:
        if not _ATTACHED(element) or _IN_CODE(element) or _inside(element, kept):
            continue
        if kept and any(element in k.iterancestors() for k in kept):
            continue  # the template's wrapper of its sheets ("product-modals")
        if sheets and names_overlay(element) and is_content_sheet(element):
            kept.append(element)
            if explain:
                decisions.append(Decision(STAGE, element, Verdict.CONTENT, _SHEET))
            continue
        if explain:
            decisions.append(Decision(STAGE, element, Verdict.BOILERPLATE, "unlikely class/id"))
        cuts.cut(element)
    return cuts


def _inside(element: html.HtmlElement, sheets: list[html.HtmlElement]) -> bool:
    """``element`` is one of ``sheets`` or lies inside one (the list is short or empty)."""
    return bool(sheets) and any(a in sheets for a in (element, *element.iterancestors()))


def _is_text_button(button: html.HtmlElement) -> bool:
    """A button whose text is the page's: an accordion's question set as a button in a
    heading (``<h3><button aria-controls=...>``), or the rest of the page that libxml2
    kept inside a menu button after an unclosed ``<div>`` (a browser closes it at
    ``</button>``)."""
    parent = button.getparent()
    if parent is not None and parent.tag in _HEADINGS:
        return True
    return len(text_of(button)) > SWALLOWING_BUTTON_CHARS


def _scan(
    body: html.HtmlElement,
) -> tuple[list[tuple[html.HtmlElement, str]], list[html.HtmlElement], list[html.HtmlElement]]:
    """The hidden elements (with the rule that hides each), the unlikely ones and the
    controls of other elements (``aria-controls``), in one walk over ``body``."""
    hidden: list[tuple[html.HtmlElement, str]] = []
    # One Python walk with attribute lookups is cheaper than XPath predicates with
    # contains() over every element, once per rule.  Class strings repeat across a
    # page, so most are judged by the memo alone.
    memo: dict[str, tuple[bool, bool]] = {}
    bad_memo: dict[str, bool] = {}
    unlikely: list[html.HtmlElement] = []
    controllers: list[html.HtmlElement] = []
    for element in body.iterdescendants(etree.Element):
        keys = element.keys()
        if not keys:
            continue  # every rule reads an attribute; a third of the elements have none
        get = element.get
        if "aria-controls" in keys and get("aria-controls"):
            controllers.append(element)
        cls = get("class") if "class" in keys else None
        ident = get("id") if "id" in keys else None
        # the memo lookups are inlined: this runs for every element with a class or id
        bad: bool | None = False
        if cls:
            bad = bad_memo.get(cls)
            if bad is None:
                bad = bad_memo[cls] = hint_is_bad(cls)
        if not bad and ident:
            bad = bad_memo.get(ident)
            if bad is None:
                bad = bad_memo[ident] = hint_is_bad(ident)
        if bad and is_unlikely(element, memo) and not IN_FIGURE(element):
            unlikely.append(element)
        if "hidden" in keys or ("aria-hidden" in keys and get("aria-hidden") == "true"):
            hidden.append((element, _HIDDEN))
            continue
        style = get("style") if "style" in keys else None
        # the substring test is the cheap gate of the regex (case as written)
        if style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
            hidden.append((element, _HIDDEN))
            continue
        role = get("role") if "role" in keys else None
        if role and role in _FURNITURE_ROLES and not has_descendant(element, _ARTICLE_TAGS):
            hidden.append((element, f"landmark role {role}"))
    return hidden, unlikely, controllers


def _is_boxout(element: html.HtmlElement) -> bool:
    """An aside inside the article holding prose (a box-out), not furniture."""
    if element.tag != "aside":
        return False
    length = len(norm(text_of(element)))
    if not _IN_ARTICLE(element):
        # outside an article only a long stretch of prose is kept (sidebars are link lists)
        return length > 1000 and link_density(element, length) < 0.15
    return length > 400 and link_density(element, length) < 0.3


_IN_ARTICLE = boolean_query("boolean(ancestor::article)")


def strip_unlikely(
    root: html.HtmlElement,
    decisions: list[Decision],
    *,
    explain: bool = True,
    keep: tuple[html.HtmlElement, ...] = (),
) -> None:
    """Drop unlikely subtrees inside ``root`` that read as furniture, not prose.

    Used after a retry, when class/id names already proved misleading on this
    page: a named subtree goes only when it is short or mostly links.  The elements
    of ``keep`` (a shop grid's lists), those around them and inside them stay.
    """
    memo: dict[str, tuple[bool, bool]] = {}
    shielded = set(keep)
    for element in keep:
        shielded.update(element.iterancestors())
        shielded.update(element.iterdescendants())
    doomed = []
    for element in root.iter(etree.Element):
        if element is root or element in shielded or not is_unlikely(element, memo):
            continue
        length = len(norm(text_of(element)))
        if length < 200 or link_density(element, length) > 0.3:
            doomed.append(element)
    drop_all(doomed, "unlikely class/id", decisions, explain)
