"""Where on the page a byline is not: navigation, sidebars, related-article
lists, comment areas and photo credits name other people than the author.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import html

from articlekit.input.elements import class_and_id

__all__ = ["STRONG_HINT", "excluded", "photo_credit"]

# Class/id words of containers that name other people (related articles,
# comments, author lists in menus).  Short words count only as a whole part of
# a class ("nav", "site-nav", not "canvas"); WordPress's "tag-<slug>" on the
# article element is not a tag list.
_EXCLUDED_CONTAINER = re.compile(
    r"comment|related|recommend|sidebar|taboola|outbrain|newsletter|breadcrumb|disqus|"
    r"most-?read|read-?more|more-?from|mehr-?zum|kommentar|embed|"
    r"(?:^|\s)(?:(?:site|page|global|main)[-_])?footer(?=$|[\s_-])|"
    r"(?:^|[\s_-])(?:promo|nav|navbar|navigation|menu|share|sharing|social|"
    r"carousel|slider|popular|trending|latest|similar|weitere|reply|respond|tags|more|also|"
    r"next|prev|previous|others?|teasers)(?=$|[\s_-])",
    re.IGNORECASE,
)
# "has-sidebar", "wrapper__with-sidebar", "one-sidebar": a layout that has a sidebar, not the
# sidebar itself; "__next", "__nuxt": the root a JavaScript framework renders the whole page
# into; "category-kommentar", "tag-news": WordPress's taxonomy classes on the post's wrapper
_LAYOUT_MODIFIER = re.compile(
    r"(?:^|(?<=[\s_-]))(?:with|has|no|without|one|two|three)[-_][\w-]*|"
    r"(?:^|(?<=\s))(?:__|category-|tag-)[\w-]+"
)
# an <aside> or <footer> holding the article's facts ("aside.meta", "footer.entry-meta")
_META_BOX = re.compile(r"(?:^|[\s_-])(?:meta|byline|entry-meta|post-meta)(?=$|[\s_-])", re.I)
_PHOTO_CREDIT = re.compile(r"photo|foto|credit|copyright", re.I)
_EXCLUDED_TAGS = frozenset(
    {
        "nav",
        "aside",
        "form",
        "select",
        "option",
        "label",
        "button",
        "figure",
        "figcaption",
        "blockquote",
        # program text: a "by" in code or a highlighter's token class is never a byline
        "pre",
        "code",
    }
)
STRONG_HINT = re.compile(
    r"byline|by-line|author-?name|auth-name|article-?author|vcard|autor(?:en)?-?(?:zeile|name)|"
    r"author-?line",
    re.I,
)
# a link holding a byline and this much text besides is a teaser card
_TEASER_CHARS = 80
_TIME_XPATH = "boolean(.//time | .//*[@itemprop = 'datePublished'])"


def excluded(
    element: html.HtmlElement,
    body: html.HtmlElement | None,
    memo: dict[html.HtmlElement, bool],
    headline_box: Mapping[html.HtmlElement, int] | None = None,
) -> bool:
    """True inside navigation, sidebars, related lists and other people's boxes.

    ``memo`` keeps each ancestor's own verdict: candidates share ancestors.  A box
    that holds the headline (``headline_box``: its ancestors) is the article's own
    header, whatever its classes say ("header#gigya-share-btns" around the headline,
    byline and share buttons).
    """
    node: html.HtmlElement | None = element
    while node is not None and node is not body:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _EXCLUDED_TAGS and not (tag == "aside" and _facts_box(node)):
            return True
        if tag == "a" and node is not element and _teaser_link(node):
            return True
        if tag == "article":
            # an article's own classes ("sticky-sidebar-parent") describe its layout
            node = node.getparent()
            continue
        if node is not element:
            # a post's footer ("entry-meta") carries its byline; the page's does not
            if tag == "footer" and not _META_BOX.search(class_and_id(node)):
                return True
            verdict = memo.get(node)
            if verdict is None:
                verdict = memo[node] = _excluding_container(node) and not (
                    headline_box is not None and node in headline_box
                )
            if verdict:
                return True
        node = node.getparent()
    return False


def _teaser_link(link: html.HtmlElement) -> bool:
    """A link around a byline that also holds a title or a summary: a teaser card of
    another article, whose writer is not this page's author."""
    return len(" ".join(link.text_content().split())) > _TEASER_CHARS


def _facts_box(aside: html.HtmlElement) -> bool:
    """An ``<aside>`` holding the article's own facts: marked as meta ("aside.meta"), or
    an aside of the article that carries its publication time."""
    if _META_BOX.search(class_and_id(aside)):
        return True
    return any(ancestor.tag == "article" for ancestor in aside.iterancestors()) and bool(
        aside.xpath(_TIME_XPATH)
    )


def photo_credit(element: html.HtmlElement) -> bool:
    """ "p.photo-author", "span.image-credit": who took the picture, not who wrote the text
    (a "byline photo-byline" box still names the writer)."""
    marks = class_and_id(element)
    return bool(_PHOTO_CREDIT.search(marks)) and not STRONG_HINT.search(marks)


def _excluding_container(node: html.HtmlElement) -> bool:
    attributes = class_and_id(node)
    attributes = _LAYOUT_MODIFIER.sub(" ", attributes)
    # "author-more", "byline-share" on the candidate's own box are fine
    return bool(
        attributes.strip()
        and _EXCLUDED_CONTAINER.search(attributes)
        and not STRONG_HINT.search(attributes)
    )
