"""A name signed under the article: the text's last paragraph (before its notes) is
the author's name alone, set apart in bold or italics or aligned to the right
("<p><b><i>Jane Doe</i></b></p>").

Old and hand-made templates mark nothing up and print no by-line near the headline;
the writer signs at the end, as in a printed letter.  A paragraph with nothing but a
name, set apart, that closes a run of prose is that signature.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import html

from articlekit.input.elements import text_of
from articlekit.metadata.byline.exclusion import excluded
from articlekit.metadata.byline.names import Byline, clean_byline, is_strict_name
from articlekit.metadata.byline.site import is_site

__all__ = ["signed_name"]

# a short last paragraph right after a paragraph of prose; only the text's notes may
# follow it ("(1) These figures ...", "[2] ...", "* ...")
_SIGNATURES = (
    "(//body//p[string-length(normalize-space(.)) > 4][string-length(normalize-space(.)) < 60]"
    "[string-length(normalize-space(preceding-sibling::p[1])) > $prose]"
    "[not(following-sibling::p[normalize-space()][not(starts-with(normalize-space(), '(')"
    " or starts-with(normalize-space(), '[') or starts-with(normalize-space(), '*'))])]"
    ")[position() <= 5]"
)
_PROSE_CHARS = 200
# the elements that set a signature apart (markup, not words)
_EMPHASIS = frozenset({"b", "strong", "i", "em"})


def signed_name(tree: html.HtmlElement, site_names: Sequence[str]) -> Byline:
    """The name signed in the last paragraph of a text, when exactly one text is signed."""
    body = tree.find("body")
    found: list[Byline] = []
    for paragraph in tree.xpath(_SIGNATURES, prose=_PROSE_CHARS):
        text = " ".join(text_of(paragraph).split())
        if not is_strict_name(text) or is_site(text, site_names, loose=False):
            continue
        if not _set_apart(paragraph) or excluded(paragraph, body, {}):
            continue
        byline = clean_byline(text)
        if byline.authors == (text,):
            found.append(byline)
    return found[0] if len(found) == 1 else Byline()


def _set_apart(paragraph: html.HtmlElement) -> bool:
    """True when every word of the paragraph is in bold or italics, or the paragraph is
    aligned to the right."""
    style = (paragraph.get("style") or "").replace(" ", "").lower()
    if paragraph.get("align") == "right" or "text-align:right" in style:
        return True
    for node in paragraph.xpath(".//text()[normalize-space()]"):
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        chain = [owner, *owner.iterancestors()]
        if not any(element.tag in _EMPHASIS for element in chain[: chain.index(paragraph)]):
            return False
    return True
