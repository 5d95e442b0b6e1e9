"""What an element's markup says about comments, and the tree helpers the comment modules share.

An element names one comment or a comment area by its class/id tokens (``comment``,
``comment-list``, ``disqus_thread``), its id (``comment-123``) or its schema.org type.
These tokens are markup, not language: a template names its boxes ``kommentar`` or
``commentaire`` whatever its readers write, so they stay in code rather than in the
language files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

__all__ = [
    "AREA_TOKEN",
    "COMMENT_WORD",
    "HAS_WORD",
    "HEADING_TAGS",
    "ITEM_TOKEN",
    "TextLengths",
    "Tokens",
    "elements",
    "is_area",
    "is_item_candidate",
    "is_review_list",
    "is_signature",
    "kebab",
    "nearest",
    "nearest_among",
    "own_id",
    "strong_item",
    "text_length",
    "tokens",
    "top_level",
]

# Class/id fragments of comment templates (markup hints, not language words).
COMMENT_WORD = (
    r"(?:comment|kommentar|commentaire|comentario|commento|komentarz|komentar|reactie|"
    r"leserbrief|leserkommentar|kommentti|yorum|hozzaszolas)"
)
# A class token naming one comment ("comment", "comment-item", "kb-comment", "MtnComment").
ITEM_TOKEN = re.compile(
    rf"^[a-z0-9_-]*?{COMMENT_WORD}(?:s?[-_]?(?:item|entry|con)|[-_]?(?:single|card|box|main|"
    r"level|post|node|row|unit|element|object|inner|default))*(?:[-_]?\d+)?$"
)
# A class/id token naming a comment area: "comments", "comment-list", "disqus_thread", "respond".
AREA_TOKEN = re.compile(rf"{COMMENT_WORD}|disqus|respond|discussion|diskussion|reactions")
# Tokens that mention comments without being comments: widgets, counters, body states.
_NOT_COMMENT = re.compile(
    r"recent|latest|last|newest|neueste|letzte|popular|most|top|count|number|num\b|"
    r"link|icon|button|btn|toggle|open|closed|no[-_]?comment|has[-_]?comment|allow|form|"
    r"disabled|enabled|status|bubble|badge|"
    # prompts and notices around a thread: "td-warning-comment" ("Please enter your
    # comment!"), "add-comment", "newcomment", "not_foundcomment", "report_comment"
    r"(?:^|[-_])(?:add|new|login|log-in|warning|report|after|not[-_]?found|guidelines?|rules)|"
    # a bar of the article's buttons: "share-and-comment", "share-comments"
    r"(?:^|[-_])share[-_]|"
    # "Kommentar" is also a newspaper genre: "category-kommentar" marks an opinion piece
    r"(?:^|[-_])(?:category|tag|term|rubrik|ressort|genre)[-_]"
)
_ITEM_ID = re.compile(
    # "comment-123", "li-comment-123", DataLife Engine's "comment-id-123"
    r"^(?:li-|div-)?(?:comment|kommentar|commentaire|comentario|reply|answer)[-_]?(?:id[-_])?\d+$"
    r"|^c\d{6,}$"
)
# Ids that name the whole comment area, whatever the class says.
_AREA_ID = re.compile(
    r"^(?:comments|kommentare|commentaires|comentarios|commenti|disqus_thread|respond|"
    r"comment-?section|comments?-?(?:area|list|wrapper|container|block|box))$",
    re.IGNORECASE,
)
# schema.org or RDFa types of one comment: "https://schema.org/Comment", "schema:Comment",
# and the older "UserComments" that news templates still carry
_COMMENT_TYPE = re.compile(r"[/:](?:User)?Comments?\b")
# Reader reviews of a product are comments under another name; only a list
# named for them, holding signed entries, is read as one.
_REVIEW_LIST = re.compile(
    r"(?:^|[-_])reviews(?:$|[-_](?:list|container|items|wrapper|widget|body))"
)
# A forum member's signature, shown under each of their posts and never part of one:
# phpBB's and GameFAQs' "signature", FluxBB's "postsignature", XenForo's
# "message-signature", Invision's "ipsEntry__signature" and its data-role
# "memberSignature"; Stack Exchange's "post-signature" is the post's user card, chrome
# as well.
_DIGIT = re.compile(r"\d")
_SIGNATURE_TOKEN = re.compile(r"signature$", re.IGNORECASE)
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")

HAS_WORD = re.compile(r"\w")
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@dataclass(frozen=True, slots=True)
class Tokens:
    """Whether an element's class/id names one comment (``item``) and/or a comment area."""

    item: bool
    area: bool


def tokens(element: html.HtmlElement) -> Tokens:
    """Whether the class/id of ``element`` names one comment and/or a comment area."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not _may_name_comments(raw):
        return _NO_TOKENS
    item = area = False
    for token in raw.split():
        token = kebab(token)
        if _NOT_COMMENT.search(token):
            continue
        if ITEM_TOKEN.match(token):
            item = True
        if AREA_TOKEN.search(token):
            area = True
    return Tokens(item, area)


_NO_TOKENS = Tokens(item=False, area=False)
# Fragments every ITEM_TOKEN or AREA_TOKEN match holds in lower case.  kebab() only
# lowers and inserts hyphens, so a class/id string without any of them, lowered,
# cannot name a comment: one substring test spares the per-token regexes.
_TOKEN_FRAGMENTS = (
    "omment",
    "omentar",
    "reactie",
    "leserbrief",
    "disqus",
    "respond",
    "discussion",
    "diskussion",
    "reactions",
    "kommentti",
    "yorum",
    "hozzaszolas",
)
# the fragments as one literal alternation: one C-level search, not one test each
_ANY_FRAGMENT = re.compile("|".join(_TOKEN_FRAGMENTS))


def _may_name_comments(raw: str) -> bool:
    return _ANY_FRAGMENT.search(raw.lower()) is not None


def is_area(element: html.HtmlElement) -> bool:
    """True when the class/id of ``element`` names a comment area."""
    return tokens(element).area


def kebab(token: str) -> str:
    """camelCase to kebab so "mtbnewsCommentContainer" reads as words."""
    if token.islower():
        return token  # no capital, no hump: most class names (and the cheap test first)
    return _CAMEL_HUMP.sub("-", token).lower()


def is_review_list(element: html.HtmlElement) -> bool:
    """True for a list named for reader reviews ("reviews-list", "jdgm-reviews__body")."""
    classes = element.get("class")
    if classes is None or "eviews" not in classes.lower():
        return False  # every _REVIEW_LIST match holds "reviews"
    return any(
        _REVIEW_LIST.search(kebab(t).replace("__", "-"))
        for t in (element.get("class") or "").split()
    )


def own_id(item: html.HtmlElement) -> str | None:
    """The id of ``item``, or else the numbered id (or name) of the anchor right before
    it, the target of its permalink: SMF's ``<a id="msg20411"></a>`` and vBulletin 3's
    ``<a name="post1">`` stand before each post."""
    ident: str | None = item.get("id")
    if ident:
        return ident
    anchor = item.getprevious()
    if anchor is None or anchor.tag != "a" or len(anchor) or (anchor.text or "").strip():
        return None
    named: str | None = anchor.get("id") or anchor.get("name")
    return named if named and _DIGIT.search(named) else None


def is_signature(element: html.HtmlElement) -> bool:
    """True when a class token or the ``data-role`` of ``element`` names a forum
    signature (markup, see above)."""
    hint = f"{element.get('class') or ''} {element.get('data-role') or ''}"
    if hint.isascii() and "signature" not in hint.lower():
        # what every token the pattern takes holds, in ASCII (elsewhere "ı" may stand for
        # "i" in the pattern's case-blind match): one test for most boxes
        return False
    return any(_SIGNATURE_TOKEN.search(t) for t in hint.split())


def elements(path: etree.XPath, element: html.HtmlElement) -> list[html.HtmlElement]:
    """The HTML elements that ``path`` finds under ``element``."""
    result = path(element)
    return (
        [e for e in result if isinstance(e, html.HtmlElement)] if isinstance(result, list) else []
    )


def _number(value: object) -> int:
    return int(value) if isinstance(value, float | int) else 0


def text_length(element: html.HtmlElement) -> int:
    """Characters of visible text (whitespace collapsed), scripts and styles left out."""
    length = _number(_TEXT_LENGTH(element))
    if length:
        for hidden in element.iter("script", "style", "noscript", "template"):
            length -= _number(_TEXT_LENGTH(hidden))
    return max(length, 0)


class TextLengths:
    """:func:`text_length` remembered per element, for one pass over one tree.

    The comments of a reply chain are nested: measuring each one reads all the
    replies below it, so each element is measured once per pass, not once per rule.
    Made afresh for each pass, as the tree may change between passes.  Whether an
    element's markup names a comment (:meth:`is_item_candidate`) is remembered too:
    the page's scan and each section's scan read the same elements.
    """

    __slots__ = ("_h1", "_item", "_known")

    def __init__(self) -> None:
        self._known: dict[html.HtmlElement, int] = {}
        self._h1: dict[html.HtmlElement, bool] = {}
        self._item: dict[html.HtmlElement, bool] = {}

    def is_item_candidate(self, element: html.HtmlElement) -> bool:
        """:func:`is_item_candidate`, each element read once per pass."""
        found = self._item.get(element)
        if found is None:
            found = self._item[element] = is_item_candidate(element)
        return found

    def __call__(self, element: html.HtmlElement) -> int:
        length = self._known.get(element)
        if length is None:
            length = self._known[element] = text_length(element)
        return length

    def has_h1(self, element: html.HtmlElement) -> bool:
        """True when an ``h1`` is inside ``element`` (a page's headline: not a thread)."""
        found = self._h1.get(element)
        if found is None:
            found = self._h1[element] = element.find(".//h1") is not None
        return found


def nearest(element: html.HtmlElement, among: set[html.HtmlElement]) -> html.HtmlElement | None:
    """The nearest ancestor of ``element`` that is in ``among``, or None."""
    for ancestor in element.iterancestors():
        if ancestor in among:
            return ancestor
    return None


def nearest_among(
    elements: list[html.HtmlElement], among: set[html.HtmlElement]
) -> dict[html.HtmlElement, html.HtmlElement | None]:
    """:func:`nearest` for each of ``elements``, in one climb over their ancestors.

    Each ancestor is visited once whatever the number of elements below it (a
    reply chain thousands deep would cost depth times items with one walk each).
    """
    # an element not in ``among`` -> the nearest element of ``among`` at or above it
    above: dict[html.HtmlElement, html.HtmlElement | None] = {}
    found: dict[html.HtmlElement, html.HtmlElement | None] = {}
    for element in elements:
        path: list[html.HtmlElement] = []
        node = element.getparent()
        hit: html.HtmlElement | None = None
        while node is not None:
            if node in among:
                hit = node
                break
            if node in above:
                hit = above[node]
                break
            path.append(node)
            node = node.getparent()
        for node in path:
            above[node] = hit
        found[element] = hit
    return found


def top_level(elements: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """The ``elements`` that no other of them contains, in the given order."""
    outer = nearest_among(elements, set(elements))
    return [e for e in elements if outer[e] is None]


def is_item_candidate(element: html.HtmlElement) -> bool:
    """True when the markup of ``element`` may name one comment."""
    if not isinstance(element.tag, str) or element.tag in ("a", "span", "body", "html", "form"):
        return False
    if element.tag in ("img", "time", "cite", "i", "b", "strong", "em", "input", "label"):
        return False
    if element.tag in HEADING_TAGS:
        return False  # the thread's heading (Textpattern's "h3#comment"), never one comment
    itemprop = (element.get("itemprop") or "").lower()
    itemtype = (element.get("itemtype") or "") + " " + (element.get("typeof") or "")
    if "comment" in itemprop.split() or _COMMENT_TYPE.search(itemtype):
        return True
    if _ITEM_ID.match(element.get("id") or ""):
        return True
    if _AREA_ID.match(element.get("id") or ""):
        return False
    if element.tag == "li" and "post" in (element.get("class") or "").split():
        return True
    return tokens(element).item


def strong_item(element: html.HtmlElement) -> bool:
    """True when ``element`` is a comment by id or schema type, whatever surrounds it."""
    itemprop = (element.get("itemprop") or "").lower()
    itemtype = (element.get("itemtype") or "") + " " + (element.get("typeof") or "")
    return (
        bool(_ITEM_ID.match(element.get("id") or ""))
        or "comment" in itemprop.split()
        or _COMMENT_TYPE.search(itemtype) is not None
    )
