"""Stage 8 - comments: reader comments, cut out of the page before content is located.

A comment section is found from its items, never from a class name alone: an
element is a comment when its markup says so (schema.org ``Comment``, an id
like ``comment-123``, a ``comment``/``kommentar`` class token) and the page
gives evidence that it is part of a thread (several such items, a numbered id,
or a comment-list container).  The section is then the highest ancestor whose
text is still nearly all comments, reply forms and headers, so the article
around it is never swallowed.  Reply forms (``#respond``, a form posting a
comment) are sections of their own, and so are the article's links to the
thread ("3 Comments", "Leave a comment"), cut alone.  Templates without any
comment markup are found by their header ("Leserkommentare" over a list of
dated entries); a list named for reader reviews counts as a thread too.

Each comment's ``parent`` is the nearest enclosing comment, or, for templates
that put replies in a following sibling (Drupal's ``div.indented``), the
comment just before that reply container.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree, html

from articlekit.comments.phrases import (
    SAYS_SUFFIX,
    is_comment_chrome,
    is_comment_header,
    is_reply_form_line,
)
from articlekit.metadata.textdates import iso_date
from articlekit.model import Comment

__all__ = ["extract_comments", "find_comment_sections", "section_rule"]

_WORD = (
    r"(?:comment|kommentar|commentaire|comentario|commento|komentarz|komentar|reactie|"
    r"leserbrief|leserkommentar)"
)
# A class token naming one comment ("comment", "comment-item", "kb-comment", "MtnComment").
_ITEM_TOKEN = re.compile(
    rf"^[a-z0-9_-]*?{_WORD}(?:s?[-_]?(?:item|entry|con)|[-_]?(?:single|card|box|main|level|"
    r"post|node|row|unit|element|object|inner|default))*(?:[-_]?\d+)?$"
)
# A class/id token naming a comment area: "comments", "comment-list", "disqus_thread", "respond".
_AREA_TOKEN = re.compile(rf"{_WORD}|disqus|respond|discussion|diskussion|reactions")
# Tokens that mention comments without being comments: widgets, counters, body states.
_NOT_COMMENT = re.compile(
    r"recent|latest|last|newest|neueste|letzte|popular|most|top|count|number|num\b|"
    r"link|icon|button|btn|toggle|open|closed|no[-_]?comment|has[-_]?comment|allow|form|"
    r"disabled|enabled|status|bubble|badge|"
    # prompts and notices around a thread: "td-warning-comment" ("Please enter your
    # comment!"), "add-comment", "newcomment", "not_foundcomment", "report_comment"
    r"(?:^|[-_])(?:add|new|login|log-in|warning|report|after|not[-_]?found|guidelines?|rules)|"
    # "Kommentar" is also a newspaper genre: "category-kommentar" marks an opinion piece
    r"(?:^|[-_])(?:category|tag|term|rubrik|ressort|genre)[-_]"
)
_ITEM_ID = re.compile(
    r"^(?:li-|div-)?(?:comment|kommentar|commentaire|comentario|reply|answer)[-_]?\d+$"
    r"|^c\d{6,}$"
)
# Ids that name the whole comment area, whatever the class says.
_AREA_ID = re.compile(
    r"^(?:comments|kommentare|commentaires|comentarios|commenti|disqus_thread|respond|"
    r"comment-?section|comments?-?(?:area|list|wrapper|container|block|box))$",
    re.IGNORECASE,
)
# Drupal marks anonymous names: "Gus (not verified)"
_UNVERIFIED = re.compile(
    r"\s*\((?:not verified|nicht überprüft|non vérifié|no verificado|niet geverifieerd)\)$",
    re.IGNORECASE,
)
_HAS_WORD = re.compile(r"\w")
_NUMBER = re.compile(r"\d{2,}")
# Between a comment and a reply to it there is a list or a replies container.
_REPLY_CONTAINER = re.compile(
    r"child|children|replies|reply|thread|indented|nested|answers|antworten|sub|depth|list|items"
)
# Parts of a comment that are not its text: who, when, buttons.
_CHROME_TOKEN = re.compile(
    r"author|avatar|meta|date|datum|fecha|time|zeit|heure|reply|actions?\b|vcard|byline|submitted|says|permalink|"
    r"edit|likes?\b|vote|rating|share|report|flag|user|username|profile|header|footer|"
    r"signature|badge|photo|image|icon|links|tools|controls|menu|info\b|details"
)
_CONTENT_TOKEN = re.compile(
    r"(?:comment|post|kommentar)[-_]?(?:content|text|message|body|entry|story)|"
    r"\b(?:content|text|message)\b|leserbrief_inner"
)
_BLOCK_TAGS = frozenset(
    "p div blockquote li ul ol dl dd dt pre h1 h2 h3 h4 h5 h6 table tr section article "  # noqa: SIM905
    "header footer aside figure figcaption form address center".split()
)
_SKIP_TAGS = frozenset(
    "script style noscript form textarea button select input img svg iframe object "  # noqa: SIM905
    "embed template time".split()
)
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))

# One pass over the tree finds every element that may belong to a comment section
# (see _hinted): "omment" in any attribute, these in an id or a class (case as
# written), "#respond" in a link.  A Python walk with substring tests costs a third
# less than the same rules as one XPath predicate, which copies every attribute value;
# and a union of XPaths would be quadratic (libxml2 merges unions with a linear
# duplicate check per node), on a page of 10,000 comments.
_ANY_ATTRIBUTE_HINT = "omment"
_ID_HINT = re.compile("isqus")
_ID_NAMES = frozenset(("respond",))
_CLASS_HINT = re.compile("eserbrief|OMMENT|omentar|eactie|eviews")
_LINK_HINT = "#respond"
_HINT_ATTRIBUTES = ("class", "id", "itemprop", "itemtype", "typeof")
_ITEM_HINT = re.compile(r"omment|omentar|eactie|eserbrief", re.IGNORECASE)
_FORM_HINT = re.compile(r"omment|respond|reply|kommentar", re.IGNORECASE)


def _scan(root: html.HtmlElement) -> tuple[list[html.HtmlElement], list[html.HtmlElement]]:
    """Comment item candidates and reply forms under ``root`` (itself included)."""
    candidates: list[html.HtmlElement] = []
    reviews: list[html.HtmlElement] = []
    forms: list[html.HtmlElement] = []
    links: list[html.HtmlElement] = []
    for element in _hinted(root):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag == "form":
            if any(_FORM_HINT.search(element.get(a) or "") for a in ("id", "class", "action")):
                forms.append(element)
            continue
        if tag == "a":
            if _is_count_link(element):
                links.append(element)
            continue
        if tag == "textarea":
            form = next(element.iterancestors("form"), None)
            if form is not None:
                forms.append(form)
            continue
        hint = element.get("id") or ""
        if hint == "respond" or "comment-respond" in (element.get("class") or "").split():
            forms.append(element)
            continue
        if "isqus" in hint:
            candidates.extend(
                li for li in element.iter("li") if "post" in (li.get("class") or "").split()
            )
            continue
        if _is_review_list(element):
            reviews.extend(_repeated_entries(element))
        elif any(_ITEM_HINT.search(element.get(a) or "") for a in _HINT_ATTRIBUTES):
            candidates.append(element)
    candidates = [e for e in dict.fromkeys(candidates) if _is_item_candidate(e)]
    return candidates + [r for r in reviews if r not in candidates], list(
        dict.fromkeys(forms + [_count_link_box(link) for link in links])
    )


_COUNT_LINK = re.compile(
    r"^(?:\d+|no|keine|aucun|sin|one|ein|un)?\s*(?:comments?|kommentare?|commentaires?|"
    r"comentarios?|responses?|reactions?|antworten)(?:\s*\(\d+\))?$"
    r"|^(?:leave|add|write|post) a (?:comment|reply)$|^kommentar(?:e)? (?:schreiben|lesen)$"
    r"|^(?:laisser|écrire) un commentaire$|^(?:deja|escribe) un comentario$"
    r"|^comments? (?:off|closed)$|^\d+$",
    re.IGNORECASE,
)


_COUNT_LINK_HREF = re.compile(r"#(?:comments?|respond|disqus_thread|kommentare)\b|/comments?/?$")
# schema.org or RDFa types of one comment: "https://schema.org/Comment", "schema:Comment"
_COMMENT_TYPE = re.compile(r"[/:]Comment\b")
_REPLIES_HINT = re.compile(r"indented|children|replies")
_REPLY_LIST_HINT = re.compile(r"indented|children|replies|reply-list|sub-?comments")


def _count_link_box(link: html.HtmlElement) -> html.HtmlElement:
    """The link, or the span around it that holds nothing else."""
    parent = link.getparent()
    if (
        parent is not None
        and parent.tag in ("span", "li", "p", "div")
        and _text_length(parent) == _text_length(link)
        and len(parent) == 1
    ):
        return parent
    return link


def _is_count_link(link: html.HtmlElement) -> bool:
    """A link to the comment section ("3 Comments", "Leave a comment") from the article."""
    href = link.get("href") or ""
    if not _COUNT_LINK_HREF.search(href):
        return False
    return _COUNT_LINK.match(" ".join(link.text_content().split())) is not None


# Reader reviews of a product are comments under another name; only a list
# named for them, holding signed entries, is read as one.
_REVIEW_LIST = re.compile(
    r"(?:^|[-_])reviews(?:$|[-_](?:list|container|items|wrapper|widget|body))"
)


def _is_review_list(element: html.HtmlElement) -> bool:
    return any(
        _REVIEW_LIST.search(_kebab(t).replace("__", "-"))
        for t in (element.get("class") or "").split()
    )


_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
# Text of a comment list that is not a comment: headings, forms, notices, pagers.
_NOT_OWN_TEXT = etree.XPath(
    ".//form | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//*[contains(@id,'respond')"
    " or contains(@class,'respond') or contains(@class,'promo') or contains(@class,'navigation')"
    " or contains(@class,'pagination') or contains(@class,'login') or contains(@class,'notice')"
    " or contains(@class,'closed')]"
)


@dataclass(frozen=True, slots=True)
class _Tokens:
    item: bool
    area: bool


def _tokens(element: html.HtmlElement) -> _Tokens:
    """Whether the class/id of ``element`` names one comment and/or a comment area."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}"
    item = area = False
    for token in raw.split():
        token = _kebab(token)
        if _NOT_COMMENT.search(token):
            continue
        if _ITEM_TOKEN.match(token):
            item = True
        if _AREA_TOKEN.search(token):
            area = True
    return _Tokens(item, area)


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _kebab(token: str) -> str:
    """camelCase to kebab so "mtbnewsCommentContainer" reads as words."""
    if token.islower():
        return token  # no capital, no hump: most class names (and the cheap test first)
    return _CAMEL_HUMP.sub("-", token).lower()


def _hinted(root: html.HtmlElement) -> list[html.HtmlElement]:
    """``root`` and its descendants named like parts of a comment section, in page order."""
    found: list[html.HtmlElement] = []
    for element in root.iter(etree.Element):
        values = element.values()
        if not values:
            continue  # every rule needs an attribute
        # one gate for all rules: each needs one of these in some value, which most
        # elements fail (a joined string and substring tests, cheaper than per-value tests)
        joined = "\n".join(values)
        if not (
            "omment" in joined
            or "respond" in joined
            or "OMMENT" in joined
            or "isqus" in joined
            or "omentar" in joined
            or "eviews" in joined
            or "eactie" in joined
            or "eserbrief" in joined
        ):
            continue
        for value in values:
            if _ANY_ATTRIBUTE_HINT in value:
                hit = True
                break
        else:
            get = element.get
            ident = get("id")
            cls = get("class")
            hit = (
                (ident is not None and (ident in _ID_NAMES or _ID_HINT.search(ident) is not None))
                or (cls is not None and _CLASS_HINT.search(cls) is not None)
                or (element.tag == "a" and _LINK_HINT in (get("href") or ""))
            )
        if hit and isinstance(element, html.HtmlElement):
            found.append(element)
    return found


def _elements(path: etree.XPath, element: html.HtmlElement) -> list[html.HtmlElement]:
    result = path(element)
    return (
        [e for e in result if isinstance(e, html.HtmlElement)] if isinstance(result, list) else []
    )


def _number(value: object) -> int:
    return int(value) if isinstance(value, float | int) else 0


def _text_length(element: html.HtmlElement) -> int:
    """Characters of visible text (whitespace collapsed), scripts and styles left out."""
    length = _number(_TEXT_LENGTH(element))
    if length:
        for hidden in element.iter("script", "style", "noscript", "template"):
            length -= _number(_TEXT_LENGTH(hidden))
    return max(length, 0)


def _is_item_candidate(element: html.HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in ("a", "span", "body", "html", "form"):
        return False
    if element.tag in ("img", "time", "cite", "i", "b", "strong", "em", "input", "label"):
        return False
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
    return _tokens(element).item


def _has_reply_container_between(ancestor: html.HtmlElement, element: html.HtmlElement) -> bool:
    """True when a list or a replies container stands between ``ancestor`` and ``element``."""
    if any(_REPLY_BOX.search(_kebab(t)) for t in (element.get("class") or "").split()):
        return True  # wpDiscuz nests "div.wc-comment.wc-reply" straight in its parent
    node: html.HtmlElement | None = element
    while node is not None and node is not ancestor:
        if node.tag in ("ol", "ul", "dl") or (node is not element and node.tag == "li"):
            return True
        hint = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if node is not element and _REPLY_CONTAINER.search(hint):
            return True
        node = node.getparent()
    return False


def _same_comment(outer: html.HtmlElement, inner: html.HtmlElement) -> bool:
    a = _NUMBER.findall(outer.get("id") or "")
    b = _NUMBER.findall(inner.get("id") or "")
    return bool(a) and a == b


def _find_items(
    tree: html.HtmlElement, candidates: list[html.HtmlElement]
) -> list[html.HtmlElement]:
    """The elements among ``candidates`` that each hold one comment, in document order."""
    if not candidates:
        return []
    # Inside a link or a button a "comment" is a counter or a teaser.
    kept = [
        e
        for e in candidates
        if _text_length(e) >= 2
        and e.find(".//h1") is None
        and not any(_is_not_thread(a) for a in e.iterancestors())
    ]
    kept_set = set(kept)
    # An inner candidate is a reply only when a list or replies container
    # separates it from the outer one.  One unseparated inner candidate is the
    # outer comment's body (WordPress' article.comment-body inside li.comment);
    # several make the outer one a list of comments, not a comment.
    outer_of: dict[html.HtmlElement, html.HtmlElement] = {}
    bodies: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for element in kept:
        outer = _nearest(element, kept_set)
        if outer is None:
            continue
        outer_of[element] = outer
        if _same_comment(outer, element) or not _has_reply_container_between(outer, element):
            bodies.setdefault(outer, []).append(element)
    containers = {
        outer
        for outer, inner in bodies.items()
        if sum(1 for e in inner if not _same_comment(outer, e)) >= 2
    }
    items: list[html.HtmlElement] = []
    for element in kept:
        if element in containers:
            continue
        outer = outer_of.get(element)
        if outer is not None and outer not in containers and element in bodies.get(outer, ()):
            continue
        items.append(element)
    item_set = set(items)
    children: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for element in items:
        outer = _nearest(element, item_set)
        if outer is not None:
            children.setdefault(outer, []).append(element)
    # A candidate whose only text is its children comments (besides headings and
    # forms) is a list of comments, not a comment.
    return [
        e
        for e in items
        if not (children.get(e) and not _strong_item(e) and _own_text_length(e, children[e]) < 30)
    ]


_NOT_THREAD = re.compile(
    r"(?<![a-z])(?:live[-_]?(?:ticker|blog|match|report|text)|ticker)(?![a-z])", re.IGNORECASE
)


def _is_not_thread(element: html.HtmlElement) -> bool:
    """Ancestors under which "comments" are not a reader thread: links, live tickers."""
    if element.tag in ("a", "button", "select", "head", "label"):
        return True
    hint = element.get("class")
    return hint is not None and _NOT_THREAD.search(hint) is not None


def _nearest(element: html.HtmlElement, among: set[html.HtmlElement]) -> html.HtmlElement | None:
    for ancestor in element.iterancestors():
        if ancestor in among:
            return ancestor
    return None


def _own_text_length(element: html.HtmlElement, inner: list[html.HtmlElement]) -> int:
    extra = _elements(_NOT_OWN_TEXT, element)
    return _text_length(element) - sum(_text_length(e) for e in inner + _top_level(extra))


def _top_level(elements: list[html.HtmlElement]) -> list[html.HtmlElement]:
    element_set = set(elements)
    return [e for e in elements if _nearest(e, element_set) is None]


def _is_area(element: html.HtmlElement) -> bool:
    return _tokens(element).area


def _section_root(
    start: html.HtmlElement, covered_in: dict[html.HtmlElement, int], strong: bool
) -> html.HtmlElement | None:
    """The highest ancestor of ``start`` whose text is nearly all comment material.

    ``covered_in`` maps an element to the length of comment text (items, forms)
    inside it.  Returns None when no ancestor has a comment hint, unless
    ``strong`` evidence lets ``start`` itself stand.
    """
    best: html.HtmlElement | None = None
    node: html.HtmlElement | None = start
    while node is not None and node.tag not in ("body", "html", "main"):
        if node.find(".//h1") is not None:
            break
        covered = covered_in.get(node, 0)
        if _text_length(node) - covered > 300 + covered // 5:
            break
        if _is_area(node) or (node is start and strong):
            best = node
        node = node.getparent()
    return best


def _headers_before(section: html.HtmlElement) -> list[html.HtmlElement]:
    """A "5 Comments" heading just before a section belongs to it."""
    previous = section.getprevious()
    if (
        previous is not None
        and isinstance(previous.tag, str)
        and previous.tag in _HEADING_TAGS | {"div", "p", "span"}
        and is_comment_header(previous.text_content())
    ):
        return [previous]
    return []


_ZERO_COUNT = re.compile(r"^\s*(?:0|no|keine|aucun|ningún|sin)\b", re.IGNORECASE)


def _heading_threads(
    root: html.HtmlElement,
) -> list[tuple[html.HtmlElement, html.HtmlElement, list[html.HtmlElement]]]:
    """``(header, list, entries)`` for comment headers followed by a list of dated entries.

    Templates without any comment class ("Leserkommentare" over a plain
    ``<ul>``) are found by their header; the entries must repeat and carry
    a date or an author mark, so a "Reactions" heading over a bullet list of
    the article is left alone.
    """
    found = []
    for heading in root.iter("h2", "h3", "h4", "h5"):
        text = heading.text_content()
        if len(text) > 300 or not is_comment_header(text) or _ZERO_COUNT.match(text):
            continue
        node = heading
        for _ in range(3):
            hit = _entries_after(node)
            if hit is not None:
                found.append((node, hit[0], hit[1]))
                break
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            if _text_length(parent) > _text_length(node) + 40:
                break
            node = parent
    return found


def _entries_after(
    node: html.HtmlElement,
) -> tuple[html.HtmlElement, list[html.HtmlElement]] | None:
    checked = 0
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style"):
            continue
        entries = _repeated_entries(sibling)
        if entries:
            return sibling, entries
        checked += 1
        if checked >= 2:
            break
    return None


def _repeated_entries(container: html.HtmlElement) -> list[html.HtmlElement]:
    """Children of ``container`` that repeat one markup and each look like a comment."""
    children = [c for c in container if isinstance(c.tag, str) and _text_length(c) >= 15]
    if len(children) < 2:
        return []
    signatures: dict[tuple[str, str], int] = {}
    for child in children:
        key = (str(child.tag), child.get("class") or "")
        signatures[key] = signatures.get(key, 0) + 1
    common, count = max(signatures.items(), key=lambda kv: kv[1])
    if count < 2 or count * 5 < len(children) * 3:
        return []
    entries = [c for c in children if (str(c.tag), c.get("class") or "") == common]
    dated = sum(1 for e in entries if _looks_signed(e))
    return entries if dated * 2 >= len(entries) else []


def _looks_signed(entry: html.HtmlElement) -> bool:
    if entry.find(".//time") is not None:
        return True
    if entry.xpath(".//*[contains(@class,'author') or contains(@class,'user')]"):
        return True
    return iso_date(entry.text_content()[:200]) is not None


def find_comment_sections(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """The elements holding the page's comment threads, their headers and reply forms.

    Returned outermost first in document order, never nested, never ``body``.
    """
    candidates, forms = _scan(tree)
    items = _find_items(tree, candidates)
    covered = _top_level(items + forms)
    covered_in: dict[html.HtmlElement, int] = {}
    for element in covered:
        length = _text_length(element)
        for ancestor in element.iterancestors():
            covered_in[ancestor] = covered_in.get(ancestor, 0) + length
    roots: list[html.HtmlElement] = []
    # Group top-level comments by their parent, the thread list.
    groups: dict[html.HtmlElement, list[html.HtmlElement]] = {}
    for item in _top_level(items):
        parent = item.getparent()
        if parent is not None:
            groups.setdefault(parent, []).append(item)
    # Comments of one thread share their markup even when each sits in its own
    # wrapper (React-style pages): a signature seen twice is evidence too.
    signatures: dict[tuple[str, frozenset[str]], int] = {}
    for item in _top_level(items):
        signatures[_signature(item)] = signatures.get(_signature(item), 0) + 1
    for parent, members in groups.items():
        strong = (
            len(members) >= 2
            or any(_strong_item(m) for m in members)
            or any(signatures[_signature(m)] >= 2 for m in members)
        )
        root = _section_root(parent, covered_in, strong)
        if root is not None:
            roots.append(root)
        elif strong:
            # the list holds more than comments: cut the comments alone
            roots.extend(members)
    for form in forms:
        if form in covered:
            if form.tag in ("a", "span", "li", "p") or (form.tag == "div" and len(form) == 1):
                # a "3 Comments" link from the article goes alone
                roots.append(form)
                continue
            root = _section_root(form, covered_in, True)
            roots.append(root if root is not None else form)
    for header, container, _entries in _heading_threads(tree):
        if any(header is r or container is r for r in roots):
            continue
        parent = container.getparent()
        shared = header.getparent() is parent and parent is not None
        if shared and _text_length(parent) - _text_length(container) - _text_length(header) < 300:
            roots.append(parent)
        else:
            roots.extend((header, container))
    roots = _top_level(list(dict.fromkeys(roots)))
    for root in list(roots):
        roots.extend(_headers_before(root))
    return sorted(_top_level(list(dict.fromkeys(roots))), key=_document_position)


def section_rule(section: html.HtmlElement) -> str:
    """Why ``section`` was cut, in words for ``--explain``."""
    if section.tag in ("a", "span", "li", "p") and section.find(".//form") is None:
        return "link to the comment thread (count or 'leave a comment')"
    if section.tag in _HEADING_TAGS:
        return "comment-section header"
    if section.tag == "form" or (section.get("id") or "") == "respond":
        return "reply form"
    return "comment thread: repeated comment items, comment class/id, reply form or header"


def _signature(element: html.HtmlElement) -> tuple[str, frozenset[str]]:
    tokens = (element.get("class") or "").split()
    return (
        str(element.tag),
        frozenset(t for t in tokens if _ITEM_TOKEN.match(_kebab(t))),
    )


def _document_position(element: html.HtmlElement) -> list[int]:
    path = []
    node = element
    parent = node.getparent()
    while parent is not None:
        path.append(parent.index(node))
        node, parent = parent, parent.getparent()
    return path[::-1]


def _strong_item(element: html.HtmlElement) -> bool:
    itemprop = (element.get("itemprop") or "").lower()
    itemtype = (element.get("itemtype") or "") + " " + (element.get("typeof") or "")
    return (
        bool(_ITEM_ID.match(element.get("id") or ""))
        or "comment" in itemprop.split()
        or _COMMENT_TYPE.search(itemtype) is not None
    )


def extract_comments(sections: list[html.HtmlElement]) -> tuple[Comment, ...]:
    """One Comment per comment in ``sections``, in page order, replies with their parent."""
    comments: list[Comment] = []
    used_ids: set[str] = set()
    page_ids: set[str] = set()  # ids the page gave, as opposed to numbered here
    for section in sections:
        if _is_site_widget(section):
            continue
        items = _with_owner_replies(_find_items_in(section))
        item_set = set(items)
        ids: dict[html.HtmlElement, str] = {}
        # Definition-list templates (Thesis: ``dt.comment`` then ``dd.comment``) sign the
        # comment in one item and write it in the next: the signature carries over.
        signed: tuple[html.HtmlElement, str | None, str | None] | None = None
        for item in items:
            if _is_teaser(item, item_set):
                continue
            author = _comment_author(item, item_set)
            date = _comment_date(item, item_set)
            text = _comment_text(item, item_set, author)
            if not text:
                signed = (item, author, date) if author or date else None
                continue
            if signed is not None and item.getprevious() is signed[0]:
                author, date = author or signed[1], date or signed[2]
            signed = None
            comment_id = _comment_id(item, len(comments) + 1, used_ids)
            ids[item] = comment_id
            if comment_id == item.get("id"):
                page_ids.add(comment_id)
            parent_item = _nearest(item, item_set)
            if parent_item is None:
                parent_item = _indented_parent(item, item_set)
            while parent_item is not None and parent_item not in ids:
                parent_item = _nearest(parent_item, item_set)
            comments.append(
                Comment(
                    id=comment_id,
                    parent=ids[parent_item] if parent_item is not None else None,
                    author=author,
                    date=date,
                    text=text,
                )
            )
    return _merge_repeats(comments, page_ids)


def _merge_repeats(comments: list[Comment], page_ids: set[str]) -> tuple[Comment, ...]:
    """One Comment for a comment the page shows twice ("top comments" over the thread).

    The first copy stays, completed with the author or date only the second shows;
    replies to the second now answer the first.  Two copies that each carry the
    page's own id, or another author or date, are two comments (a double post);
    short texts ("Danke!") are said twice by different people and are kept.
    """
    first_of: dict[str, int] = {}
    alias: dict[str, str] = {}
    kept: list[Comment] = []
    for comment in comments:
        index = first_of.get(comment.text) if len(comment.text) >= 25 else None
        if index is None:
            first_of.setdefault(comment.text, len(kept))
            kept.append(comment)
            continue
        first = kept[index]
        if (
            (first.id in page_ids and comment.id in page_ids)
            or (first.author and comment.author and first.author != comment.author)
            or (first.date and comment.date and first.date != comment.date)
        ):
            kept.append(comment)
            continue
        alias[comment.id] = first.id
        kept[index] = replace(
            first, author=first.author or comment.author, date=first.date or comment.date
        )
    if not alias:
        return tuple(kept)
    return tuple(
        replace(c, parent=alias.get(c.parent, c.parent)) if c.parent in alias else c for c in kept
    )


# A box inside a comment or review holding the answer to it ("jdgm-rev__reply",
# "review-response"): the shop's or author's reply, a comment of its own.
_REPLY_BOX = re.compile(r"(?:^|[-_])(?:reply|response|antwort|respuesta|réponse)$")


def _with_owner_replies(items: list[html.HtmlElement]) -> list[html.HtmlElement]:
    """``items`` and the reply boxes written inside them, in document order.

    A reply box needs a paragraph of its own; WordPress' ``div.reply`` holds only
    the "Reply" link and stays chrome.
    """
    known = set(items)
    found: list[html.HtmlElement] = []
    for item in items:
        found.append(item)
        boxes: list[html.HtmlElement] = []
        for box in item.iterdescendants("div", "section", "blockquote"):
            tokens = (_kebab(t) for t in (box.get("class") or "").split())
            if (
                box not in known
                and any(_REPLY_BOX.search(t) for t in tokens)
                and _nearest(box, known) is item  # the item's own, not a reply's
                and not any(a in boxes for a in box.iterancestors())
                and box.find(".//p") is not None
                and box.find(".//form") is None
                and _text_length(box) >= 40
            ):
                boxes.append(box)
        found.extend(boxes)
    return found


_WIDGET = re.compile(r"recent|latest|newest|neueste")


def _is_site_widget(section: html.HtmlElement) -> bool:
    """A sidebar box of the site's latest comments ("widget_recent_comments"): cut, not read."""
    for element in (section, *section.iterancestors()):
        for token in (element.get("class") or "").split():
            token = _kebab(token)
            if _AREA_TOKEN.search(token) and _WIDGET.search(token):
                return True
    return False


_LINKS = etree.XPath(".//a[not(ancestor::a)]")


def _is_teaser(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> bool:
    """An entry that is one link to a comment elsewhere ("Letzte Kommentare" boxes)."""
    if any(e in item_set for e in item.iterdescendants()):
        return False
    links = _elements(_LINKS, item)
    return bool(links) and sum(_text_length(a) for a in links) >= _text_length(item)


def _find_items_in(section: html.HtmlElement) -> list[html.HtmlElement]:
    items = _find_items(section, _scan(section)[0])
    if items:
        return items
    parent = section.getparent()
    if _is_item_candidate(section) or (parent is not None and _is_review_list(parent)):
        return [section]
    threads = _heading_threads(section)
    if threads:
        return [e for _header, _container, entries in threads for e in entries]
    entries = _repeated_entries(section)
    if not entries and section.tag == "form" and section.find(".//textarea") is None:
        # a form without a text box is not a reply form but a moderation form
        # wrapped around the thread (webSPELL's comments.php?delete): each signed
        # block in it is a comment, even a thread of one
        entries = [
            child
            for child in section
            if isinstance(child.tag, str)
            and child.tag in ("table", "div", "li", "ul", "ol", "article")
            and _text_length(child) >= 15
            and _looks_signed(child)
        ]
    return entries


def _comment_id(item: html.HtmlElement, index: int, used: set[str]) -> str:
    raw = item.get("id") or ""
    comment_id = raw if raw and raw not in used else f"comment-{index}"
    while comment_id in used:
        comment_id += "-"
    used.add(comment_id)
    return comment_id


def _indented_parent(
    item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> html.HtmlElement | None:
    """Drupal-style threads put replies in a container right after the comment."""
    for ancestor in item.iterancestors():
        hint = f"{ancestor.get('class') or ''}".lower()
        if ancestor.tag in ("body", "html") or (
            _is_area(ancestor) and not _REPLIES_HINT.search(hint)
        ):
            return None
        if _REPLY_LIST_HINT.search(hint):
            for sibling in ancestor.itersiblings(preceding=True):
                if sibling in item_set:
                    return sibling
                inner = [e for e in sibling.iter() if e in item_set]
                if inner:
                    return inner[0] if sibling.tag not in ("ol", "ul") else inner[-1]
            return None
    return None


def _walk_own(
    element: html.HtmlElement, item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> list[html.HtmlElement]:
    """Descendants of ``element`` that belong to ``item`` itself (not to a reply), in order."""
    found: list[html.HtmlElement] = []
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or (child in item_set and child is not item):
            continue
        found.append(child)
        stack.append(iter(child))
    return found


def _is_chrome(element: html.HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return True
    if element.tag in _SKIP_TAGS or element.tag in _HEADING_TAGS or element.tag == "cite":
        return True
    hint = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if hint.strip() and _CHROME_TOKEN.search(hint) and not _CONTENT_TOKEN.search(hint):
        # some templates put the whole comment inside the author box
        return _text_length(element) <= 160 and element.find(".//p") is None
    itemprop = (element.get("itemprop") or "").lower()
    return itemprop in ("author", "datecreated", "datepublished", "creator")


_CONTENT_CLASS = re.compile(
    rf"^[a-z0-9_-]*(?:{_WORD}|post|reply|forum|message)[a-z0-9_-]*?[-_]+"
    r"(?:content|text|message|story|msg|body|inner)$"
    r"|^(?:content|text|message|contenttext|entry-content|format-text|user-content)$"
)


def _content_rank(element: html.HtmlElement) -> int:
    itemprop = (element.get("itemprop") or "").lower()
    if itemprop in ("text", "commenttext", "articlebody", "reviewbody", "description"):
        return 0
    rank = 9
    for token in (element.get("class") or "").split():
        token = _kebab(token).replace("_", "-")
        if _CONTENT_CLASS.match(token):
            # a "body" often still holds the author and date lines; prefer "content"
            rank = min(rank, 2 if token.endswith(("body", "inner")) else 1)
    return rank


def _content_element(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> html.HtmlElement:
    best: html.HtmlElement | None = None
    best_rank = 9
    for element in _walk_own(item, item, item_set):
        rank = _content_rank(element)
        if rank < best_rank and _text_length(element) > 0:
            best, best_rank = element, rank
    return best if best is not None else item


def _paragraphs(
    element: html.HtmlElement, item: html.HtmlElement, item_set: set[html.HtmlElement]
) -> list[str]:
    """The text of ``element`` as paragraphs, without replies and comment chrome."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join(" ".join(current).split())
        current.clear()
        if line:
            paragraphs.append(line)

    def visit(node: html.HtmlElement) -> None:
        if node.text:
            current.append(node.text)
        for child in node.iterchildren():
            if isinstance(child.tag, str) and not (child in item_set and child is not item):
                if child.tag == "br":
                    # two <br> in a row end a paragraph; one is a line break inside it
                    if current and current[-1] == "\n":
                        flush()
                    else:
                        current.append("\n")
                elif not _is_chrome(child) and not (
                    child.tag == "a" and is_comment_chrome(child.text_content())
                ):
                    block = child.tag in _BLOCK_TAGS
                    if block:
                        flush()
                    visit(child)
                    if block:
                        flush()
                elif child.tag in _BLOCK_TAGS:
                    flush()
            if child.tail:
                current.append(child.tail)

    visit(element)
    flush()
    return [
        p.strip()
        for p in paragraphs
        if _HAS_WORD.search(p)
        and not is_comment_chrome(p)
        and not is_reply_form_line(p)
        and iso_date(p) != p
    ]


def _comment_text(
    item: html.HtmlElement, item_set: set[html.HtmlElement], author: str | None
) -> str:
    content = _content_element(item, item_set)
    paragraphs = _paragraphs(content, item, item_set)
    if not paragraphs and content is not item:
        paragraphs = _paragraphs(item, item, item_set)
    elif content is not item:
        paragraphs = _comment_title(item, content, item_set, author) + paragraphs
    kept = []
    for paragraph in paragraphs:
        paragraph = _strip_line_chrome(paragraph)
        if not paragraph or (author and SAYS_SUFFIX.sub("", paragraph).strip(" :") == author):
            continue
        # "Max 05.03.2014 10:12": an author/date line of unmarked templates
        if len(paragraph) < 80 and len(paragraph.split()) <= 7 and iso_date(paragraph):
            continue
        kept.append(paragraph)
    return "\n\n".join(kept)


# A comment's own title: "<h5>Ach ja...</h5>" over the text (news sites, forums).
_TITLE_TOKEN = re.compile(r"(?:^|[-_])(?:title|titel|titre|titulo|subject|betreff)$")


def _comment_title(
    item: html.HtmlElement,
    content: html.HtmlElement,
    item_set: set[html.HtmlElement],
    author: str | None,
) -> list[str]:
    """The title the commenter gave, when it stands outside the text box; else []."""
    for element in _walk_own(item, item, item_set):
        if element is content:
            return []  # only a title before the text
        is_title = element.tag in _HEADING_TAGS or any(
            _TITLE_TOKEN.search(_kebab(t)) for t in (element.get("class") or "").split()
        )
        if not is_title:
            continue
        title = " ".join(element.text_content().split())
        if (
            3 <= len(title) <= 150
            and _HAS_WORD.search(title)
            and not (author and title.startswith(author))  # "Critica vor 11 Wochen"
            and iso_date(title) is None
            and not is_comment_chrome(title)
            and not is_comment_header(title)
        ):
            return [title]
        return []
    return []


def _strip_line_chrome(paragraph: str) -> str:
    lines = [line.strip() for line in paragraph.split("\n")]
    kept = [line for line in lines if line and not is_comment_chrome(line)]
    return "\n".join(kept)


# Class hints are matched case-blind: widgets write "CommentAccountName" or
# "CommentTimestamp".  German, Spanish and French templates name the boxes in
# their own language ("autor", "benutzer", "datum", "fecha").
_AUTHOR_CLASS = re.compile(
    r"author|autor|auteur|verfasser|user|benutzer|nick|byline|name|\bfn\b", re.IGNORECASE
)
_DATE_CLASS = re.compile(r"date|datum|fecha|time|meta|submitted|posted|byline", re.IGNORECASE)
_DATE_PROPS = ("dateCreated", "datePublished", "commentTime")
# Where widgets keep the machine-readable time: ``datetime``, microdata ``content``,
# and the ``data-*`` twins that scripts render later (Judge.me's ``data-content``).
_DATE_ATTRIBUTES = ("datetime", "content", "data-datetime", "data-content", "data-date", "title")
# A class token that names the author's own name, not a box around avatar and stats
# ("comment-author-name", "CommentAccountName", "comment_author").
_NAME_TOKEN = re.compile(r"(?:author|autor|auteur|user|benutzer|nick)(?:[-_]?name)?$|name$")


def _is_author_mark(element: html.HtmlElement) -> bool:
    if element.tag == "cite" or element.get("itemprop") == "author":
        return True
    hint = element.get("class") or ""
    # "user-content" and "comment-text" hold what was said, not who said it
    return _AUTHOR_CLASS.search(hint) is not None and _CONTENT_TOKEN.search(hint.lower()) is None


def _is_date_mark(element: html.HtmlElement) -> bool:
    if element.tag == "time" or element.get("itemprop") in _DATE_PROPS:
        return True
    return _DATE_CLASS.search(element.get("class") or "") is not None


def _comment_author(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> str | None:
    own_list = _walk_own(item, item, item_set)
    candidates = [e for e in own_list if _is_author_mark(e)]
    # the most specific marker wins: microdata name, hCard fn, then class hints
    candidates.sort(key=_author_rank)
    for element in candidates:
        name_el = element.find(".//*[@itemprop='name']")
        name = _text_without_dates(name_el if name_el is not None else element)
        name = SAYS_SUFFIX.sub("", " ".join(name.split())).strip(" :,-–—/|·•")
        name = _UNVERIFIED.sub("", name)
        if 0 < len(name) <= 80 and not is_comment_chrome(name) and iso_date(name) is None:
            return name
    # unmarked templates: a short bold name opening the comment
    for element in own_list:
        if element.tag in ("b", "strong") and element.getparent() is item:
            name = " ".join(element.text_content().split())
            if 0 < len(name) <= 40 and not (item.text or "").strip():
                return name
            break
    return _profile_link_author(own_list) or _signature_author(item, own_list)


# A link to the commenter's profile page names them on forum and community templates
# (kochbar "/user/Name.html", XenForo "/members/11891", webSPELL "site=profile&id=58").
_PROFILE_HREF = re.compile(
    r"(?:/|[?&=])(?:user|users|member|members|profile|profil|benutzer|mitglied)"
    r"(?:[/.=_&-]|$)",
    re.IGNORECASE,
)


def _profile_link_author(own_list: list[html.HtmlElement]) -> str | None:
    for element in own_list:
        if element.tag != "a" or not _PROFILE_HREF.search(element.get("href") or ""):
            continue
        if any(a.tag in ("p", "blockquote") for a in element.iterancestors()):
            continue  # a mention in the text, not the signature
        name = " ".join(element.text_content().split())
        if (
            0 < len(name) <= 40
            and len(name.split()) <= 4
            and iso_date(name) is None
            and not is_comment_chrome(name)
        ):
            return name
    return None


# The line that signs a comment when no markup names its author:
# "geschrieben von berg2012 am 21. Jan. 2015", "#1 von tObIas Vx 29.12.2010",
# "Par Yves Leclercq, le mercredi 15 mai", "Heidemarie Heim | Di, 21. April 2020",
# "Claude - Le 24/11/2019".  The line must hold a date, so prose is never read.
_NAME = r"[^,|·•()\n]{2,40}?"
_NAME_END = (
    r"\s*(?:[,|·•(–—]|\s-\s|\s(?:am|on|le|el|at|um|dnia|il|den)\s"
    r"|\s\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\s\d{4}-\d\d)"
)
_SIGNATURE = re.compile(
    rf"^[#\d.\s]*(?:\w+\s+){{0,2}}?(?:von|by|par|por|from|przez)\s+(?P<after>{_NAME}){_NAME_END}"
    rf"|^(?P<before>{_NAME})\s+[|·•–—-]\s+.{{0,24}}?\d",
    re.IGNORECASE,
)


def _in_content_box(element: html.HtmlElement, item: html.HtmlElement) -> bool:
    node: html.HtmlElement | None = element
    while node is not None and node is not item:
        if _content_rank(node) < 9:
            return True
        node = node.getparent()
    return False


def _signature_author(item: html.HtmlElement, own_list: list[html.HtmlElement]) -> str | None:
    for element in own_list:
        if element.tag in _SKIP_TAGS or element.tag in ("a", "p", "blockquote"):
            continue
        text = " ".join(element.text_content().split())
        if len(text) > 120 or iso_date(text) is None:
            continue
        match = _SIGNATURE.match(text)
        if match is None or _in_content_box(element, item):
            continue  # a short comment that mentions a date is not its signature
        name = (match.group("after") or match.group("before")).strip(" :,-–—/|·•")
        if (
            _HAS_WORD.search(name)
            and len(name.split()) <= 5
            and iso_date(name) is None
            and not is_comment_chrome(name)
        ):
            return name
    return None


def _text_without_dates(element: html.HtmlElement) -> str:
    """Text of an author box without the time some templates print inside it.

    "Rolf Buckpesch <time>29.07.2020</time>" names Rolf Buckpesch.
    """
    parts = [element.text or ""]
    for child in element:
        if (
            isinstance(child.tag, str)
            and child.tag not in ("time", "script", "style")
            and not (child.tag != "a" and _DATE_CLASS.search(child.get("class") or ""))
        ):
            parts.append(_text_without_dates(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _author_rank(element: html.HtmlElement) -> int:
    classes = [_kebab(c) for c in (element.get("class") or "").split()]
    if element.get("itemprop") == "author":
        return 0
    if "fn" in classes:
        return 1
    if any(c in ("author", "comment-author", "username", "user", "author-name") for c in classes):
        return 2
    if any(_NAME_TOKEN.search(c) for c in classes):
        return 3
    if element.tag == "cite":
        return 4
    return 5


def _comment_date(item: html.HtmlElement, item_set: set[html.HtmlElement]) -> str | None:
    own_list = _walk_own(item, item, item_set)
    marked = [e for e in own_list if _is_date_mark(e)]
    # machine-readable attributes first, then the text people read
    for attribute in (*_DATE_ATTRIBUTES, None):
        for element in marked:
            found = iso_date(element.get(attribute) if attribute else element.text_content())
            if found:
                return found
    # no date markup: look for a date in the comment's own chrome ("— 2019-01-01 @ 00:39")
    for element in own_list:
        if element.tag in ("cite", "small", "a", "span", "p", "div", "footer", "header"):
            text = element.text_content()
            if len(text) <= 200:
                found = iso_date(text)
                if found:
                    return found
    # a bare date line after the author or a line break: "<span class=author>X</span><br/>
    # März 7, 2018" (the author box of many WordPress themes)
    for element in own_list:
        tail = (element.tail or "").strip()
        if tail and len(tail) <= 40 and (element.tag == "br" or _is_author_mark(element)):
            found = iso_date(tail)
            if found:
                return found
    return None
