"""Stage 3 - tree: decoded markup to an lxml tree, and plain text told from markup."""

from __future__ import annotations

import re

from lxml import etree, html

from articlekit.options import Limits

__all__ = ["build_tree", "looks_like_html"]

_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|a|span|br|table|article|section|script|img|ul|li|h[1-6])\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than a plain-text dump of a page.

    Plain text may quote a tag or two ("use <br> here"), so one tag in a long
    text is not enough: markup has tags spread through it.
    """
    head = text[:65536]
    tags = len(_TAG.findall(head))
    if tags == 0:
        return False
    if head.lstrip()[:1] == "<":
        return True
    return tags >= 3 and tags * 400 >= len(head)


def _parser() -> html.HTMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe, and module-level
    # objects would be shared state.  no_network: a saved page is parsed as saved.
    return html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        huge_tree=False,
    )


def build_tree(text: str, limits: Limits = Limits()) -> html.HtmlElement:
    """Parse markup into an lxml HTML tree with an ``<html>`` root.

    Never raises on bad markup: an empty or unparseable document gives an
    empty ``<html><body/></html>``.
    """
    text = text[: limits.max_text_chars].replace("\x00", "")
    if text.lstrip().startswith("<?xml"):
        # lxml refuses str input with an XML declaration naming an encoding
        text = re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1)
    root: html.HtmlElement | None
    try:
        root = html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        root = html.document_fromstring("<html><body></body></html>", parser=_parser())
    if root.find("body") is None:
        etree.SubElement(root, "body")
    return root
