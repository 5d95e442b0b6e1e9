"""Figures: image, caption and credit of each figure; captions shown twice kept once.

A figure is a ``<figure>``, a bare ``<img>``, or a caption wrapper (WordPress'
``wp-caption`` and other containers named ``caption``/``figure``/``image``
holding one image and a little text).  The caption comes from
``<figcaption>`` or an element named ``caption``; the credit from an element
named ``credit``/``copyright``/``photographer``/``source``, or from the tail of
the caption ("Photo: AP", "(Foto: dpa)", "Crédit photo : ...", "Image: Getty
Images").  Templates show a caption twice (figcaption plus overlay, alt text,
a paragraph before or after the image); it is kept once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urljoin

from lxml import html

from articlekit.explain import Decision, Verdict, quoted
from articlekit.input.caseless import CaselessPattern
from articlekit.input.elements import class_and_id, text_of
from articlekit.input.xpath import element_query
from articlekit.languages import phrase_pattern, words
from articlekit.model import Block, BlockKind, Figure

__all__ = [
    "collect_figures",
    "explain_figures",
    "figure_from_element",
    "image_source",
    "is_figure_wrapper",
    "page_base_url",
    "repeats_figure",
    "split_credit",
    "with_lead_figure",
]

_STAGE = "figures"
_MARKUP_CAPTION = "figcaption or caption element of the figure"
_MARKUP_CREDIT = "credit element of the figure, or the caption's tail ('Photo: ...')"
# "slide" and "gallery": a slideshow's or gallery's item holding one picture and its caption
_WRAPPER_HINT = CaselessPattern.of(r"caption|figure|image|photo|picture|media|img|slide|gallery")
_CAPTION_HINT = re.compile(
    r"caption|legend|figcaption|description|desc(?:$|[\s_-])|subtitle|image-text|photo-text|"
    r"bildtext|legende|l[ée]gende",
    re.IGNORECASE,
)
# class names, markup tokens in the languages that name them ("foto-autor", "bildnachweis")
_CREDIT_HINT = re.compile(
    r"credit|copyright|photographer|(?:^|[\s_-])source|attribution|courtesy|byline|author|"
    r"(?:^|[\s_-])autor|fotograf|bildnachweis|quelle",
    re.IGNORECASE,
)
# "copyright" is the same word in every language: it stays here
_CREDIT_LABEL = rf"(?:{phrase_pattern([*words('figures.credit_labels'), 'copyright'])})"
_CREDIT_BY = phrase_pattern(words("figures.credit_by"))
# "...caption. Photo: AP", "(Foto: dpa)", "| Credit: Jane Doe", "© Reuters", "(Foto: R. Roe,
# 19.01.2022).", "Foto: Jane Roe (CC BY 2.0)": a licence in parentheses belongs to the credit
_CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[\s.;,|/]))[(\[]?\s*"
    rf"(?:{_CREDIT_LABEL}\s*(?::|©|(?:{_CREDIT_BY})\b|-|–)|©|\(c\)|copyright\b)"
    r"\s*(?P<credit>[^()\[\]]{2,100}?(?:\s*\([^()\[\]]{1,40}\))?)\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)
# a label without its colon, inside parentheses: "(Photo Jane Roe. AFP)"
_PAREN_LABEL_TAIL = re.compile(
    rf"(?:^|(?<=\s))[(\[]\s*{_CREDIT_LABEL}\s+(?P<credit>[^()\[\]:]{{2,80}}?)\s*[)\]]\s*\.?\s*$",
    re.IGNORECASE,
)
# News agencies are names, the same in every language, so they stay here; the forms are
# "AP", "AP Photo/Jane Roe", "dpa/Jane Roe", and in parentheses "(Jane Roe / AP)".
_AGENCIES = (
    r"(?:AP|AFP|Reuters|dpa|EPA|Getty Images|AP Photo|Getty|Shutterstock|iStock|"
    r"picture[ -]alliance|Keystone|ANP|EFE|Europa Press)"
)
_AGENCY_TAIL = re.compile(
    rf"(?:^|(?<=[\s.;,|]))[(\[]?(?P<credit>{_AGENCIES}"
    r"(?:\s*/\s*[^()\[\]]{2,60})?)[)\]]?\s*\.?\s*$"
)
_PAREN_AGENCY_TAIL = re.compile(
    rf"(?:^|(?<=\s))[(\[](?P<credit>[^()\[\]/]{{2,60}}/\s*{_AGENCIES}\b[^()\[\]]{{0,40}})"
    r"[)\]]\s*\.?\s*$"
)
# "... oficiales. FOTO Archivo Particular": a label in capitals opening the caption's last
# sentence, without a colon
_CAPS_LABEL_TAIL = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<label>[^\W\d_]{3,12})\s+(?P<credit>[^.!?:()\[\]]{2,60})$"
)
# a slideshow's counter before its caption: "2 of 4", "2 / 4", "2 von 4"
_SLIDE_COUNTER = re.compile(
    rf"^\s*\d{{1,3}}\s*(?:/|{phrase_pattern(words('figures.slide_counter'))})\s*\d{{1,3}}\b[\s.:|-]*",
    re.IGNORECASE,
)
_CREDIT_LABEL_WORDS = frozenset(w.casefold() for w in words("figures.credit_labels"))
# Screen-reader labels ("Credit", "Media caption") and BBC's "off-screen" are never shown:
# class names, markup tokens
_HIDDEN_LABEL = re.compile(
    r"(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|off-?screen)(?:\s|$)"
)
_CREDIT_LABEL_ANY = re.compile(r"^[^:：\d]{1,25}[:：]\s*(?=\S)")
_PLACEHOLDER = re.compile(
    r"^data:|blank\.gif|spacer|pixel\.gif|1x1|transparent\.(?:gif|png)|placeholder|lazy[-_]?load",
    re.IGNORECASE,
)
_SRC_ATTRS = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
)
_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset", "srcset")
_ICON_MAX_PX = 40
_AVATAR_MAX_PX = 100
_ICON_HINTS = (
    "avatar",
    "gravatar",
    "authorphoto",
    "author-photo",
    "logo",
    "icon",
    "emoji",
    "sprite",
)
_WRAPPER_MAX_CHARS = 500
_IMAGES = element_query("self::img | self::amp-img | .//img | .//amp-img")
_CAPTIONS = element_query(".//figcaption")
_CREDITS_IN = element_query(".//*[@class or @id]")


def page_base_url(element: html.HtmlElement, url: str | None) -> str | None:
    """The URL that relative image addresses resolve against: ``<base href>``, else ``url``."""
    root = element.getroottree().getroot()
    base = root.find(".//base[@href]") if root is not None else None
    href = str(base.get("href") or "").strip() if base is not None else ""
    if href:
        if href.startswith(("http://", "https://")):
            return href
        if url:
            try:
                return urljoin(url, href)
            except ValueError:  # a broken host ("http://[x") in <base> or the page URL
                return url
    return url


def image_source(image: html.HtmlElement, base_url: str | None) -> str | None:
    """The real address of an image: lazy-loading attributes first, never a ``data:`` URL."""
    candidates: list[str] = [image.get(a) or "" for a in _SRC_ATTRS]
    candidates.append(image.get("src") or "")  # a real src is the author's choice of rendition
    for attr in _SRCSET_ATTRS:
        srcset = image.get(attr)
        if srcset:
            candidates.append(srcset.strip().split(",")[0].strip().split(" ")[0])
    parent = image.getparent()
    if parent is not None and parent.tag == "picture":
        for source in parent.iter("source"):
            srcset = source.get("srcset") or source.get("data-srcset")
            if srcset:
                candidates.append(srcset.strip().split(",")[0].strip().split(" ")[0])
    for candidate in candidates:
        candidate = candidate.strip()
        if not candidate or _PLACEHOLDER.search(candidate) or candidate.startswith("#"):
            continue
        if candidate.lower().startswith(("javascript:", "about:", "blob:")):
            continue
        if base_url:
            try:
                return urljoin(base_url, candidate)
            except ValueError:
                return candidate
        return candidate
    return None


def _is_icon(image: html.HtmlElement) -> bool:
    """Icons, avatars, logos and tracking pixels are not figures of the article."""
    sizes = []
    for attr in ("width", "height"):
        value = (image.get(attr) or "").strip().removesuffix("px")
        if value.isdigit():
            sizes.append(int(value))
    if sizes and (min(sizes) <= _ICON_MAX_PX or max(sizes) <= _AVATAR_MAX_PX):
        return True
    hint = " ".join(image.get(a) or "" for a in ("class", "id", "data-testid", "src")).lower()
    return any(word in hint for word in _ICON_HINTS)


def is_figure_wrapper(element: html.HtmlElement) -> bool:
    """True for a container that is a figure in all but name (``div.wp-caption`` ...)."""
    if element.tag not in ("div", "span", "p", "a", "section", "dl", "center", "table"):
        return False
    hint = class_and_id(element)
    if not _WRAPPER_HINT.found_in(hint):
        return False
    images = _IMAGES(element)
    if len(images) != 1:
        return False
    text = text_of(element)
    return len(text) < _WRAPPER_MAX_CHARS * 2 and len(" ".join(text.split())) < _WRAPPER_MAX_CHARS


def figure_from_element(element: html.HtmlElement, base_url: str | None) -> Figure | None:
    """The Figure shown by ``element`` (a figure, an image or a caption wrapper), or None."""
    images = [i for i in _IMAGES(element) if not _is_icon(i)]
    image = images[0] if images else None
    if image is None and element.tag in ("img", "picture", "amp-img"):
        return None
    src = image_source(image, base_url) if image is not None else None
    alt = " ".join((image.get("alt") or "").split()) if image is not None else ""
    if element.tag in ("img", "picture", "amp-img"):
        # a bare image's caption, if any, is a neighbouring line (see collect_figures)
        caption, credit = None, None
    else:
        caption, credit = _caption_and_credit(element)
        if image is None and not _CAPTIONS(element):
            return None
    if caption:
        caption = _SLIDE_COUNTER.sub("", caption, count=1)
        caption, tail_credit = split_credit(caption)
        credit = credit or tail_credit
    elif credit is None and alt:
        credit = None
    return Figure(src=src, alt=alt or None, caption=caption or None, credit=credit or None)


def _names_credit(hint: str) -> bool:
    """A class or id naming a credit: "credit", "photographer", and the BEM parts of a
    caption that hold its credit ("caption__source", "a-caption__credit")."""
    if not _CREDIT_HINT.search(hint):
        return False
    if not _CAPTION_HINT.search(hint.replace("caption-credit", "")):
        return True
    return any(
        _CREDIT_HINT.search(last) is not None and _CAPTION_HINT.search(last) is None
        for token in hint.split()
        if "__" in token
        for last in (token.rsplit("__", 1)[1],)
    )


def _credit_nodes(element: html.HtmlElement) -> list[html.HtmlElement]:
    """The innermost elements named as credits that hold no caption part."""
    named = [
        n
        for n in _CREDITS_IN(element)
        if _names_credit(class_and_id(n)) and not _is_label(text_of(n))
    ]
    kept = []
    for node in named:
        inside = list(node.iterdescendants())
        if any(other in inside for other in named) or node.find(".//figcaption") is not None:
            continue  # a wrapper ("c-lead-image__credit" around caption and attribution)
        if any(_is_caption_part(d) for d in inside if d.get("class")):
            continue
        if node.tag == "figcaption" and all(split_credit(text_of(node).strip())):
            continue  # "credit-thumb" around "Caption / AFP": a caption with its credit
        kept.append(node)
    return kept


def _is_caption_part(element: html.HtmlElement) -> bool:
    """An element named as the caption (not a link in the credit: "caption-link")."""
    hint = class_and_id(element)
    return element.tag != "a" and bool(_CAPTION_HINT.search(hint)) and not _names_credit(hint)


def _is_label(text: str) -> bool:
    """A credit's label alone ("Credit:", "Foto"), in an element of its own before the name."""
    return " ".join(text.split()).rstrip(" :：").casefold() in _CREDIT_LABEL_WORDS


def _caption_and_credit(element: html.HtmlElement) -> tuple[str | None, str | None]:
    hidden = [n for n in _CREDITS_IN(element) if _HIDDEN_LABEL.search(n.get("class") or "")]
    credit_parts: list[str] = []
    credit_elements: list[html.HtmlElement] = []
    for node in _credit_nodes(element):
        text = _text_without(node, hidden)
        if text and len(text) < 150:
            credit_parts.append(text)
            credit_elements.append(node)
    caption_nodes = _CAPTIONS(element)
    if not caption_nodes:
        caption_nodes = [
            n
            for n in _CREDITS_IN(element)
            if _CAPTION_HINT.search(class_and_id(n)) and n not in credit_elements
        ]
    captions: list[str] = []
    for node in caption_nodes:
        if any(a in caption_nodes for a in node.iterancestors()):
            continue  # nested caption parts are read with their outer caption
        text = _text_without(node, credit_elements + hidden)
        if text and text not in captions:
            captions.append(text)
    if not captions and element.tag not in ("figure",):
        # a wrapper whose only text is the caption (no caption element)
        text = _text_without(element, credit_elements + hidden)
        if text:
            captions.append(text)
    caption = _dedupe_caption(captions)
    credit = _clean_credit(credit_parts[0]) if credit_parts else None
    return caption, credit


def _text_without(node: html.HtmlElement, removed: list[html.HtmlElement]) -> str:
    text = " ".join(text_of(node).split())
    for element in removed:
        if element is node:
            continue
        part = " ".join(text_of(element).split())
        if part and any(a is node for a in element.iterancestors()):
            text = " ".join(text.replace(part, " ", 1).split())
    return text


def _dedupe_caption(captions: list[str]) -> str | None:
    """One caption from the caption texts of a figure; an overlay repeating it is dropped."""
    kept: list[str] = []
    for text in captions:
        if any(text in k for k in kept):
            continue
        kept = [k for k in kept if k not in text]
        kept.append(text)
    return " ".join(kept) or None


def _clean_credit(text: str) -> str | None:
    match = _CREDIT_TAIL.match(text)
    if match:
        text = match.group("credit")
    else:
        # a credit element labelled in any language: "Photo: X", "تصوير: X", "写真：X"
        text = _CREDIT_LABEL_ANY.sub("", text, count=1) or text
        first, _, rest = text.partition(" ")
        if rest and first.casefold() in _CREDIT_LABEL_WORDS:
            text = rest  # a label without its colon: "Credit Jane Roe", "FOTO Archivo"
    text = text.strip(" ()[]|-–—:")
    return text or None


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split a trailing credit off a caption.

    "Flooded streets. Photo: AP" gives ("Flooded streets.", "AP").
    """
    match = (
        _CREDIT_TAIL.search(caption)
        or _PAREN_LABEL_TAIL.search(caption)
        or _PAREN_AGENCY_TAIL.search(caption)
        or _AGENCY_TAIL.search(caption)
        or _caps_label_tail(caption)
    )
    if not match:
        return caption, None
    credit = match.group("credit").strip(" .;,|")
    rest = caption[: match.start()].rstrip(" |;,-–—(/")
    if not credit:
        return caption, None
    return rest, credit


def _caps_label_tail(caption: str) -> re.Match[str] | None:
    match = _CAPS_LABEL_TAIL.search(caption)
    if match is None:
        return None
    label, credit = match.group("label"), match.group("credit")
    if label.casefold() not in _CREDIT_LABEL_WORDS:
        return None
    # "FOTO Archivo Particular"; "Foto Jane Roe via Unsplash" only as a short run of names
    names = credit.split()
    named = len(names) <= 5 and names[0][:1].isupper() and match.start() > 0
    return match if label.isupper() or named else None


def repeats_figure(text: str, figure: Figure) -> bool:
    """Whether a line of text only repeats a figure's caption or credit, with or without
    the credit and its label ("Caption. Foto: Name" beside the figure "Caption." / "Name"),
    or a slideshow's counter ("2 of 4 Caption")."""
    text = _SLIDE_COUNTER.sub("", text, count=1)
    key = _key(text)
    if not key:
        return False
    keys = {_key(figure.caption or ""), _key(figure.credit or "")} - {""}
    if figure.caption and figure.credit:
        keys.add(_key(f"{figure.caption} {figure.credit}"))
    if key in keys:
        return True
    body, credit = split_credit(text)
    return bool(credit and figure.caption and _key(body) == _key(figure.caption))


# ---------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def collect_figures(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Figure, ...]]:
    """The blocks with duplicated captions removed, and the figures among them.

    A paragraph next to a figure that repeats its caption (with or without the
    credit) is dropped; a line next to a figure that is only a credit ("Photo:
    AP") becomes the figure's credit; two figure blocks for one image are one.
    """
    kept, figures, _ = explain_figures(blocks)
    return kept, figures


def explain_figures(
    blocks: tuple[Block, ...],
) -> tuple[tuple[Block, ...], tuple[Figure, ...], tuple[Decision, ...]]:
    """:func:`collect_figures` and, for ``--explain``, where each figure's caption and
    credit came from."""
    result: list[Block] = list(blocks)
    # per figure block: where its caption and its credit were found
    rules: dict[int, tuple[str, str]] = {}
    for index, block in enumerate(result):
        figure = block.figure
        if block.kind is not BlockKind.FIGURE or figure is None:
            continue
        caption_rule, credit_rule = _MARKUP_CAPTION, _MARKUP_CREDIT
        captions = {_key(figure.caption)} if figure.caption else set()
        if figure.caption and figure.credit:
            captions.add(_key(f"{figure.caption} {figure.credit}"))
        alt_key = _key(figure.alt) if figure.alt else ""
        for near in (index - 2, index - 1, index + 1, index + 2):
            if not 0 <= near < len(result):
                continue
            other = result[near]
            if other.kind is not BlockKind.PARAGRAPH:
                continue
            key = _key(other.text)
            if not key:
                continue
            if (
                key in captions
                or (figure.caption and repeats_figure(other.text, figure))
                or (alt_key and key == alt_key and len(key) > 20)
            ):
                if not figure.caption:
                    figure = replace(figure, caption=other.text)
                    captions.add(key)
                    caption_rule = "paragraph next to the image repeating its alt text"
                result[near] = Block(BlockKind.PARAGRAPH, text="")
                continue
            if figure.credit is None and near == index + 1:
                body, credit = split_credit(other.text)
                if credit and not body.strip() and len(other.text) < 80:
                    figure = replace(figure, credit=credit)
                    credit_rule = "line under the image that is only a credit"
                    result[near] = Block(BlockKind.PARAGRAPH, text="")
        if figure is not block.figure:
            result[index] = Block(BlockKind.FIGURE, text=figure.caption or "", figure=figure)
        rules[index] = (caption_rule, credit_rule)
    kept: list[Block] = []
    decisions: list[Decision] = []
    seen: set[tuple[str | None, str | None]] = set()
    for index, block in enumerate(result):
        if block.kind is BlockKind.PARAGRAPH and not block.text:
            continue
        figure = block.figure
        if block.kind is BlockKind.FIGURE and figure is not None:
            identity = (figure.src, figure.caption)
            if identity in seen:
                continue
            seen.add(identity)
            if figure.caption and any(_twin(figure, b, kept) for b in kept):
                # the same caption under a second copy of the image (lazy/noscript twin);
                # photos apart in the text that share a caption keep it
                figure = replace(figure, caption=None)
                block = Block(BlockKind.FIGURE, text="", figure=figure)
            decisions.extend(_figure_decisions(figure, *rules[index]))
        kept.append(block)
    figures = tuple(b.figure for b in kept if b.figure is not None)
    return tuple(kept), figures, tuple(decisions)


def _twin(figure: Figure, earlier: Block, kept: list[Block]) -> bool:
    other = earlier.figure
    if other is None or other.caption != figure.caption:
        return False
    return earlier is kept[-1] or None in (other.src, figure.src) or other.src == figure.src


def with_lead_figure(
    figures: tuple[Figure, ...], element: html.HtmlElement | None, base_url: str | None
) -> tuple[tuple[Figure, ...], tuple[Decision, ...]]:
    """The article's figures with its captioned lead picture first (the picture above the
    body that news templates keep in the header), unless the body already shows it."""
    if element is None:
        return figures, ()
    figure = figure_from_element(element, base_url)
    if figure is None or not (figure.caption or figure.credit):
        return figures, ()
    if any(
        f.src == figure.src or (figure.caption and f.caption == figure.caption) for f in figures
    ):
        return figures, ()
    rule = "captioned picture above the body"
    return (figure, *figures), tuple(_figure_decisions(figure, rule, rule))


def _figure_decisions(figure: Figure, caption_rule: str, credit_rule: str) -> list[Decision]:
    image = f"image {figure.src or '(no source)'}"
    decisions = [Decision(_STAGE, image, Verdict.CONTENT, "figure")]
    if figure.caption:
        caption = f"{quoted(figure.caption)} for {image}"
        decisions.append(Decision(_STAGE, caption, Verdict.CAPTION, caption_rule))
    if figure.credit:
        credit = f"{quoted(figure.credit)} for {image}"
        decisions.append(Decision(_STAGE, credit, Verdict.CREDIT, credit_rule))
    return decisions
