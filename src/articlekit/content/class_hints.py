"""Class/id hints: what a template's class and id names say about an element.

Substrings, not words, because templates glue words ("sharebar", "relatedPosts",
"socialIcons").  Furniture names (``share``, ``related``, ``newsletter`` ...) mark
subtrees as unlikely content (:func:`is_unlikely`) and weigh candidates
(:func:`class_weight`); content names (``article``, ``entry`` ...) weigh them up or
rescue a wrapper named after both.  These are markup tokens, not language: they
stay in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html

from articlekit.input.elements import text_of
from articlekit.languages import grouped_phrase_pattern

__all__ = [
    "LiteralAlternation",
    "class_weight",
    "hint_is_bad",
    "is_unlikely",
    "literal_alternation",
]

_KEEP_TAGS = frozenset(("html", "body", "a", "article", "main"))

# Class/id hints.  Substrings, because templates glue words ("sharebar",
# "relatedPosts", "socialIcons"); the "maybe content" list rescues wrappers
# named after both ("sidebar-and-content", "post-comments-wrapper" is still out).
_UNLIKELY_PARTS = (
    "comment",
    "disqus",
    "sidebar",
    "footer",
    "breadcrumb",
    "pagination",
    "pager",
    "popup",
    "modal",
    "cookie",
    "consent",
    "gdpr",
    "social",
    "share",
    "sharing",
    "related",
    "newsletter",
    "subscri",
    "sponsor",
    "promo",
    "advert",
    "masthead",
    "skyscraper",
    "outbrain",
    "taboola",
    "shoutbox",
    "community",
    "remark",
    "replies",
    "agegate",
    "signup",
    "sign-up",
    "toolbar",
    "more-stories",
    "recommend",
    "trending",
    "most-popular",
    "mostpopular",
    "read-next",
    "readnext",
    "author",
    "autor",
    "navbar",
    "navigation",
    "tagcloud",
    "tag-list",
    "taglist",
    "skip",
    "jump-to",
    "rss",
    "legends",
    "login",
)

_MAYBE_PARTS = (
    "article",
    "body",
    "column",
    "content",
    "main",
    "shadow",
    "entry",
    "story",
    "post-text",
    "post-content",
    # WordPress's post_class() on a post's or a product's wrapper, which also lists its
    # taxonomy terms ("tag-news", "product_tag-mugs") that read as furniture
    "status-publish",
)


@dataclass(frozen=True, slots=True)
class LiteralAlternation:
    """Any of some substrings, or any of some whole tokens (between white space, "_"
    and "-"), in a text: see :func:`literal_alternation`."""

    parts: re.Pattern[str] | None
    tokens: re.Pattern[str] | None

    def found_in(self, text: str) -> bool:
        """Whether ``text`` holds one of the substrings or one of the tokens."""
        if self.parts is not None and self.parts.search(text) is not None:
            return True
        # the leading space stands for the start of the text, so that every branch of
        # the token pattern opens with a character class (see literal_alternation)
        return self.tokens is not None and self.tokens.search(" " + text) is not None


def literal_alternation(words: tuple[str, ...], tokens: tuple[str, ...]) -> LiteralAlternation:
    """Two regexes for "any of these substrings, or any of these whole tokens".

    Grouped by first letter (:func:`articlekit.languages.grouped_phrase_pattern`):
    CPython's engine rejects a branch on its first character, so the grouped form
    runs several times faster than a flat one.  The
    tokens get a regex of their own that opens with the separator class: a pattern
    whose every branch opens with a literal or a class lets the engine skip the
    positions where none can start (an assertion, "(?<=[\\s_-])", opening a branch
    would make it try every branch at every position).
    """
    return LiteralAlternation(
        re.compile(grouped_phrase_pattern(words, space=r"\ ")) if words else None,
        re.compile(r"[\s_-](?:" + "|".join(tokens) + r")(?=$|[\s_-])") if tokens else None,
    )


# "print-only" and "printable" wrap article text, "widget" wraps anything in some
# page builders, "banner" appears in ad-slot names around body text: tokens or nothing
# "menu" only as a word: "CtxtMenu" (MathJax) and "menuitem" in content widgets are not menus
_MENU_TOKENS = ("(?:main|sub|mega|nav|top|mobile|site)?menus?",)
_UNLIKELY_RE = literal_alternation(
    _UNLIKELY_PARTS, ("ads?", "nav", "tags?", "banner", "cta", *_MENU_TOKENS)
)
_MAYBE_RE = literal_alternation(_MAYBE_PARTS, ("and",))
_NEGATIVE_PARTS = (
    "infobox",
    "comment",
    "contact",
    "footer",
    "masthead",
    "outbrain",
    "taboola",
    "promo",
    "related",
    "share",
    "sharing",
    "social",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "advert",
    "recommend",
    "navigation",
    "navbar",
    "breadcrumb",
    "popup",
    "modal",
    "author-bio",
    "about-author",
    "byline",
    "toolbar",
    "combx",
    "disqus",
    "pagination",
    "pager",
)
_POSITIVE_PARTS = (
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "richtext",
    "rich-text",
)
_NEGATIVE_RE = literal_alternation(
    _NEGATIVE_PARTS, ("ads?", "meta", "tags?", "nav", "banner", "hidden", *_MENU_TOKENS)
)
_POSITIVE_RE = literal_alternation(_POSITIVE_PARTS, ())
# utility classes that clip overflow, not hide the element ("overflow-hidden",
# "overflow-x-hidden" in Tailwind, Bootstrap and page builders), and those that hide it
# only in another view of the page: Shopify's Dawn theme (and the many themes built on
# it) marks a product's description and accordions "quick-add-hidden" (left out of the
# quick-add popup of a collection page) and its zoom openers "no-js-hidden" (shown once
# scripts run): not the "hidden" token
_OVERFLOW_HIDDEN = re.compile(r"overflow-(?:[xy]-)?hidden|quick-add-hidden|no-js-hidden")


def _bem(hint: str) -> str:
    # BEM names: "article__tags" is a tag list, "Report__Section--Ads" a section
    if "__" not in hint and "--" not in hint:
        # the patterns hold no whitespace, so collapsing it would change no match
        return hint.lower()
    return " ".join(
        part.rsplit("__", 1)[-1].split("--", 1)[0] or part for part in hint.lower().split()
    )


def _bem_blocks(hint: str) -> str:
    # for furniture words every part counts ("newsletter-form__header" is a newsletter),
    # for content words only the element part ("article__tags" is not the article)
    if "__" not in hint and "--" not in hint:
        return hint.lower()
    return " ".join(
        part.split("--", 1)[0].replace("__", " ") or part for part in hint.lower().split()
    )


# a template's own names end in a layout word ("mvp-author-box-wrap"); headings do not
_LAYOUT_WORD_END = re.compile(r"[-_](?:wrap|wrapper|box|container|inner|outer|holder|area)$")


def _is_heading_slug(ident: str) -> bool:
    """True for an id made from a heading's words ("sharing-with-a-single-developer")."""
    return ident.count("-") + ident.count("_") >= 3 and not _LAYOUT_WORD_END.search(ident)


_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_NUMBER = re.compile(r"-\d+$")


def _names_own_heading(element: html.HtmlElement, ident: str) -> bool:
    """True when ``ident`` is the slug of the element's own heading: documentation
    generators give every section the id of its title ("cookies", "commentary")."""
    for index, child in enumerate(element):
        if index >= 3:
            break
        if child.tag in _HEADINGS:
            slug = _NOT_SLUG.sub("-", text_of(child).lower()).strip("-")
            wanted = _SLUG_NUMBER.sub("", ident.lower().replace("_", "-"))
            return bool(slug) and (slug == wanted or slug.startswith(wanted + "-"))
    return False


def _names_nothing(element: html.HtmlElement, ident: str) -> bool:
    """True for an id made from a heading's words, which says nothing of the template."""
    return _is_heading_slug(ident) or _names_own_heading(element, ident)


def class_weight(element: html.HtmlElement) -> int:
    """+25 / -25 for content / furniture class and id hints (both may apply)."""
    ident = element.get("id") or ""
    if ident and _names_nothing(element, ident):
        ident = ""  # a slug of a heading names nothing
    hint = (element.get("class") or "") + " " + ident
    weight = 0
    if len(hint) > 1:
        lower = _bem(hint)
        if "-hidden" in lower:
            lower = _OVERFLOW_HIDDEN.sub("", lower)
        if _NEGATIVE_RE.found_in(lower):
            weight -= 25
        if _POSITIVE_RE.found_in(lower):
            weight += 25
    if element.get("itemprop") == "articleBody":
        weight += 50
    return weight


def _hint_verdict(hint: str, memo: dict[str, tuple[bool, bool]]) -> tuple[bool, bool]:
    verdict = memo.get(hint)
    if verdict is None:
        bad = _UNLIKELY_RE.found_in(_bem_blocks(hint))
        good = _MAYBE_RE.found_in(_bem(hint))
        verdict = (bad, good)
        memo[hint] = verdict
    return verdict


def hint_is_bad(hint: str) -> bool:
    """The first half of :func:`_hint_verdict`, without the "maybe content" search
    that only the few furniture-named elements need."""
    return _UNLIKELY_RE.found_in(_bem_blocks(hint))


def is_unlikely(
    element: html.HtmlElement, memo: dict[str, tuple[bool, bool]] | None = None
) -> bool:
    """True when an element's class/id names page furniture and nothing content-like."""
    cls = element.get("class")
    ident = element.get("id")
    if not cls and not ident:
        return False
    if element.tag in _KEEP_TAGS or element.get("itemprop") == "articleBody":
        return False
    memo = {} if memo is None else memo
    unlikely = maybe = False
    if ident and _names_nothing(element, ident):
        ident = None  # a slug of a heading ("sharing-with-a-single-developer") names nothing
    # class and id are judged apart: class strings repeat across a page, so the memo hits
    for hint in (cls, ident):
        if hint:
            bad, good = _hint_verdict(hint, memo)
            unlikely |= bad
            maybe |= good
    return unlikely and not maybe
