"""The article's headline.

Pages name their headline several times: ``<title>`` (usually with the site
name glued on: "Headline | Site", "Site - Headline"), ``og:title``, JSON-LD
``headline`` and the visible ``<h1>``.  A visible heading that agrees with one
of the declared titles is the headline as the reader sees it; otherwise the
declared titles are used with the site-name part cut off.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from lxml import html

from articlekit.explain import Decision, Verdict, quoted
from articlekit.input.elements import class_and_id

__all__ = ["explain_title", "fold", "heading_text", "site_from_title", "strip_site_name"]

# Separators between a headline and a site name.  A hyphen counts only with
# spaces around it ("Spider-Man" is a word); a colon only as "::".
_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014~\u00bb\u00ab\u2022\u00b7/\\>]+\s+|\s*(?:::|\|)\s*")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_NOT_WORD = re.compile(r"[\W_]+")
_MAX_TITLE_CHARS = 400
_MIN_SHOWN_WORDS = 4
_VISIBLE_TEXT = ".//text()[not(parent::style or parent::script or parent::noscript)]"
_INVISIBLE = str.maketrans(
    {"\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None}
)
# Class and id names of a site's logo heading and of the page header around it.
_BRAND = re.compile(
    r"(?:^|[\s_-])(?:site-?title|site-?name|blog-?title|blog-?name|logo|brand|branding|"
    r"masthead)(?:$|[\s_-])",
    re.IGNORECASE,
)
_PAGE_HEADER = re.compile(
    r"(?:^|\s)(?:header|site-?header|masthead|branding|site-?branding|sitename|site-?name|"
    r"logo|banner|top-?bar)(?:$|\s)",
    re.IGNORECASE,
)
_BRAND_DEPTH = 4
_STAGE = "title"
# what a heading's agreement score (_agreement, +1 for an <h1>) means, for --explain
_AGREEMENT_RULES = ("agrees with no declared title", "agrees with <title> only")
_AGREES = "agrees with a declared title"
_HEADLINE_PART = re.compile(r"headline|title", re.IGNORECASE)
_KICKER = re.compile(
    r"kicker|dachzeile|overline|topline|roofline|subtitle|sub-title|subheadline|sub-headline|"
    r"topic|label|eyebrow|rubric|category|visually-hidden|sr-only|screen-reader|hidden|"
    r"invisible|colon|spitzmarke|supertitle|pretitle|pre-title|header",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """``text`` reduced to lower-case letters and digits, for comparing titles."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NOT_WORD.sub("", text)


def _clean(text: str | None) -> str:
    text = (text or "").translate(_INVISIBLE)
    return " ".join(text.split())[:_MAX_TITLE_CHARS]


# a permalink mark after a heading's text: Sphinx's "¶", "§", the link emoji, a spaced "#"
_PERMALINK = re.compile(r"(?:\s*[\u00b6\u00a7\U0001f517])+$|\s+#$")


def heading_text(heading: html.HtmlElement) -> str:
    """The headline shown by ``heading``, without its kicker and its permalink mark."""
    return _PERMALINK.sub("", _heading_text(heading))


def _heading_text(heading: html.HtmlElement) -> str:
    """The headline shown by ``heading`` without its kicker.

    News templates put a kicker ("Klimaschutz", "Corona-Pandemie") and
    screen-reader glue (": ") in their own elements inside the ``<h1>``;
    the headline proper is a child marked as headline or what is left.
    """
    whole = _clean("".join(heading.itertext()))
    for child in heading.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        marks = (child.get("class") or "") + " " + (child.get("itemprop") or "")
        if _HEADLINE_PART.search(marks) and not _KICKER.search(marks):
            text = _without_kickers(child)
            # the marked part must be the larger part, else it is a first line
            if text and len(text) * 2 > len(whole):
                return text
    return _without_kickers(heading)


def _without_kickers(element: html.HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag in ("style", "script", "noscript"):
            pass
        elif child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str) and not (
            child.tag == "small" or _KICKER.search(child.get("class") or "")
        ):
            parts.append("".join(child.xpath(_VISIBLE_TEXT)))
        parts.append(child.tail or "")
    return _clean("".join(parts))


def _is_site_part(part: str, site_names: Sequence[str]) -> bool:
    folded = fold(part)
    if not folded:
        return True
    for name in site_names:
        site = fold(name)
        if not site:
            continue
        if folded == site or (len(site) >= 4 and folded in site):
            return True
        # "Der Tagesspiegel" for "Tagesspiegel", but not a headline that
        # merely mentions the name ("Privatkredit-Zinsen: So ermitteln ...")
        if len(site) >= 4 and site in folded and len(folded) <= 2 * len(site) + 4:
            return True
    return False


def strip_site_name(title: str, site_names: Sequence[str]) -> str:
    """``title`` without a leading or trailing part naming the site.

    Without a known site name, a short trailing (or leading) part after a
    strong separator (" | ", " :: ") is taken as the site name when the rest is
    clearly longer; a spaced hyphen is too common inside headlines for that.
    """
    parts = _SEPARATOR.split(title)
    separators = _SEPARATOR.findall(title)
    if len(parts) < 2:
        return title
    # "Site » Blog Archive » Headline": a breadcrumb ends with the page itself
    if (
        len(parts) >= 3
        and all(sep.strip() in ("\u00bb", ">") for sep in separators[-2:])
        and len(parts[-1].split()) >= 2
    ):
        return parts[-1].strip()
    # Cut known site names from both ends.
    start, end = 0, len(parts)
    while end - start > 1 and _is_site_part(parts[end - 1], site_names):
        end -= 1
    while end - start > 1 and _is_site_part(parts[start], site_names):
        start += 1
    if (start, end) != (0, len(parts)):
        return _join(parts, separators, start, end)
    last_sep = separators[-1].strip()
    # Unknown site name: a strong separator and a clearly shorter end part.
    if last_sep in ("|", "::", "\u00bb", "\u2022", "\u00b7", "\u2013", "\u2014") or len(parts) > 2:
        head = _join(parts, separators, 0, len(parts) - 1)
        # a part ending as a sentence ("... - worauf wartet die Politik?") is no site name
        if (
            len(parts[-1].split()) <= 4
            and len(head.split()) >= 2
            and not parts[-1].rstrip().endswith(("?", "!"))
        ):
            return head
    first_sep = separators[0].strip()
    if first_sep in ("|", "::") and len(parts[0].split()) <= 3:
        tail = _join(parts, separators, 1, len(parts))
        if len(tail.split()) >= 3:
            return tail
    return title


def leading_parts(title: str) -> list[str]:
    """``title`` without its last part, without its last two, and so on ("A | B | C":
    "A | B", "A")."""
    parts = _SEPARATOR.split(title)
    separators = _SEPARATOR.findall(title)
    return [_join(parts, separators, 0, end) for end in range(len(parts) - 1, 0, -1)]


def _join(parts: Sequence[str], separators: Sequence[str], start: int, end: int) -> str:
    out = parts[start]
    for index in range(start + 1, end):
        out += separators[index - 1] + parts[index]
    return out.strip()


def _agreement(heading: str, declared: Sequence[str], page_titles: Sequence[str]) -> int:
    """How well a visible heading agrees with the declared titles (0: not at all).

    ``declared`` and ``page_titles`` are already folded.  3: it is one of them
    (or one without its site name); 2: it is contained in a declared title;
    1: only in ``<title>``, where a blog's name also sits.
    """
    folded = fold(heading)
    if len(folded) < 4:
        return 0
    best = 0
    for index, other in enumerate([*declared, *page_titles]):
        if not other:
            continue
        if folded == other:
            return 3
        contained = len(folded) >= 12 and folded in other
        # a declared title cut at an unescaped quote: 'Biden de' for 'Biden de "incapacitado"'
        cut = len(other) >= 20 and folded.startswith(other) and len(other) * 10 >= len(folded) * 6
        if contained or cut:
            best = max(best, 2 if index < len(declared) else 1)
    return best


def _in_chrome(element: html.HtmlElement) -> bool:
    """True for headings in navigation, sidebars and footers."""
    return next(element.iterancestors("nav", "aside", "footer"), None) is not None


def _is_brand(element: html.HtmlElement, text: str, title_parts: Sequence[str]) -> bool:
    """True for a heading that shows the site's name, not the page's.

    Blog and CMS themes set the site name as ``<h1 class="site-title">`` or
    as the first heading of the page header, and the post title further down
    (or only in ``<title>``: "Post | Blog name", "Blog » Blog Archive » Post").
    A heading in the page header counts as the site name only when it is one
    part of ``<title>`` and a longer part is left for the page itself.
    """
    if _BRAND.search(class_and_id(element)):
        return True
    folded = fold(text)
    if folded not in title_parts or len(folded) >= max(len(part) for part in title_parts):
        return False
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= _BRAND_DEPTH or ancestor.tag in ("article", "main", "body"):
            return False
        if _PAGE_HEADER.search(class_and_id(ancestor)):
            return True
    return False


def explain_title(
    headings: Sequence[html.HtmlElement],
    *,
    html_title: str | None,
    declared: Sequence[str],
    site_names: Sequence[str],
    sources: Sequence[str] = (),
) -> tuple[str | None, tuple[Decision, ...]]:
    """The headline of the page and its evidence: the headings and declared titles
    seen, and the title chosen with the rule that chose it (for ``--explain``).

    ``headings`` are the visible heading candidates (``<h1>``, elements classed
    as titles); ``html_title`` is the ``<title>`` text; ``declared`` are titles the page
    declares in metadata, best first (``og:title``, JSON-LD ``headline``...), and
    ``sources`` name them ("og:title"), in the same order.
    """
    page_title = _clean(html_title)
    declared_clean = [_clean(title) for title in declared if _clean(title)]
    names = [name for title, name in zip(declared, sources, strict=False) if _clean(title)]
    title_parts = [fold(part) for part in _SEPARATOR.split(page_title)] if page_title else []
    shown, brands = _shown_headings(headings, title_parts)
    site_names = [*site_names, *brands]
    best, scored = _agreeing_heading(shown, page_title, declared_clean, site_names)
    evidence = [
        Decision(_STAGE, f"{name} {quoted(title)}", Verdict.CANDIDATE, "declared title")
        for title, name in zip(declared_clean, names, strict=False)
    ]
    if page_title:
        evidence.append(
            Decision(_STAGE, f"<title> {quoted(page_title)}", Verdict.CANDIDATE, "page title")
        )
    evidence.extend(
        Decision(
            _STAGE,
            element,
            Verdict.CANDIDATE,
            _AGREEMENT_RULES[score] if score < 2 else _AGREES,
            score,
        )
        for element, score in scored
    )
    if best:
        tag = next((element.tag for element, text in shown if text == best), "heading")
        source = _agreeing_source(best, declared_clean, names, site_names)
        rule = f"visible <{tag}> agrees with {source}"
        return best, (*evidence, Decision(_STAGE, quoted(best), Verdict.CHOSEN, rule))
    candidates = declared_clean + ([page_title] if page_title else [])
    title, rule = _without_agreement(shown, candidates, declared_clean, site_names)
    if not title and page_title:
        title, rule = page_title, "the page's <title> as it is"
    if title:
        evidence.append(Decision(_STAGE, quoted(title), Verdict.CHOSEN, rule))
    return title or None, tuple(evidence)


def _agreeing_source(
    heading: str, declared: Sequence[str], names: Sequence[str], site_names: Sequence[str]
) -> str:
    """The name of the declared title that ``heading`` agrees with ("og:title")."""
    folded = fold(heading)
    for title, name in zip(declared, names, strict=False):
        for other in (fold(title), fold(strip_site_name(title, site_names))):
            if other and (folded == other or folded in other or folded.startswith(other)):
                return name
    return "<title>"  # only <title> agrees (a blog's name sits there too)


def _shown_headings(
    headings: Sequence[html.HtmlElement], title_parts: Sequence[str]
) -> tuple[list[tuple[html.HtmlElement, str]], list[str]]:
    """The headings outside navigation with their texts, and the texts of those that
    show the site's name."""
    shown: list[tuple[html.HtmlElement, str]] = []
    brands: list[str] = []
    for element in headings:
        if _in_chrome(element):
            continue
        text = heading_text(element)
        if text and _is_brand(element, text, title_parts):
            brands.append(text)
        else:
            shown.append((element, text))
    return shown, brands


def _agreeing_heading(
    shown: Sequence[tuple[html.HtmlElement, str]],
    page_title: str,
    declared_clean: Sequence[str],
    site_names: Sequence[str],
) -> tuple[str, list[tuple[html.HtmlElement, int]]]:
    """The visible heading that agrees best with the declared titles ("" for none),
    and each heading weighed with its agreement."""
    folded_declared = [
        fold(title)
        for title in [
            *declared_clean,
            *(strip_site_name(title, site_names) for title in declared_clean),
        ]
    ]
    # and the title's leading parts: "OpenSSH" in "OpenSSH - ArchWiki", "Models" in
    # "Models | Django documentation | Django" (a site name not declared anywhere)
    folded_page = [
        fold(page_title),
        fold(strip_site_name(page_title, site_names)),
        *(fold(part) for part in leading_parts(page_title)),
    ]
    best, best_score = "", 0
    scored: list[tuple[html.HtmlElement, int]] = []
    for element, heading in shown:
        if not heading or _is_site_part(heading, site_names):
            continue
        score = _agreement(heading, folded_declared, folded_page)
        if score:
            score += 1 if element.tag == "h1" and score >= 2 else 0  # <h1> outranks a section title
        scored.append((element, score))
        # two headings inside the title ("Fachmeldungen - Verkündung des
        # Gesetzes"): the section name is the shorter one
        if score > best_score or (score and score == best_score and len(heading) > len(best)):
            best, best_score = heading, score
    return best, scored


def _without_agreement(
    shown: Sequence[tuple[html.HtmlElement, str]],
    candidates: Sequence[str],
    declared_clean: Sequence[str],
    site_names: Sequence[str],
) -> tuple[str | None, str]:
    """The headline when no heading agrees with the declared titles, and the rule."""
    # An <h1> that is a kicker followed by the declared title ("Investitionen
    # in IT-Sicherheit Cyber-Angriffe: 20 Prozent...") shows the declared title.
    for element, heading in shown:
        folded = fold(heading)
        if element.tag != "h1" or not folded:
            continue
        for title in declared_clean:
            stripped = strip_site_name(title, site_names)
            other = fold(stripped)
            if len(other) >= 12 and folded.endswith(other) and len(other) * 2 >= len(folded):
                return stripped, "<h1> shows a kicker and the declared title"
    # No heading agrees with the declared titles: a single long <h1> is the
    # headline as shown ("Der Nervenkrieg um den Brexit geht in die nächste
    # Runde" while og:title says "Brexit: Nervenkrieg geht in nächste Runde").
    h1s = [text for element, text in shown if element.tag == "h1" and text]
    if (
        len(h1s) == 1
        and len(h1s[0].split()) >= _MIN_SHOWN_WORDS
        and not _is_site_part(h1s[0], site_names)
    ):
        return h1s[0], "single long <h1>, though no declared title agrees"
    for title in candidates:
        stripped = strip_site_name(title, site_names)
        if stripped and not (_is_site_part(stripped, site_names) and len(candidates) > 1):
            return stripped, "first declared title without the site name"
    for _, heading in shown:
        if heading:
            return heading, "first visible heading"
    # every declared title names the site ("The New York Times en Español"):
    # the first without its separator part is still the page's own name
    for title in candidates:
        stripped = strip_site_name(title, site_names)
        if stripped:
            return stripped, "first declared title, though it names the site"
    return None, ""


def site_from_title(html_title: str | None, title: str | None) -> str | None:
    """The site name that ``<title>`` adds to the headline, when it adds one.

    "Headline | Site", "Site - Headline" and Blogger's "Site: Headline" give
    "Site"; a part longer than six words is a second headline, not a name.
    """
    page_title, headline = _clean(html_title), fold(title or "")
    if not page_title or not headline:
        return None
    parts = _SEPARATOR.split(page_title)
    separators = _SEPARATOR.findall(page_title)
    candidates: list[str] = []
    if len(parts) >= 2:
        if fold(_join(parts, separators, 0, len(parts) - 1)) == headline:
            candidates.append(parts[-1])
        if fold(_join(parts, separators, 1, len(parts))) == headline:
            candidates.append(parts[0])
    head, colon, rest = page_title.partition(": ")
    if colon and fold(rest) == headline:
        candidates.append(head)
    for candidate in candidates:
        candidate = candidate.strip()
        if candidate and len(candidate.split()) <= 6 and fold(candidate):
            return candidate
    return None
