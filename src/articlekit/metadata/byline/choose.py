"""The page's byline: visible candidates and declared authors weighed against each
other (:func:`explain_byline`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lxml import html

from articlekit.explain import Decision, Verdict, describe, element_name, quoted
from articlekit.input.elements import class_and_id
from articlekit.metadata.byline.anywhere import by_line_anywhere
from articlekit.metadata.byline.confirmed import agreed_authors, linked_authors
from articlekit.metadata.byline.names import Byline, is_strict_name
from articlekit.metadata.byline.owner import TEXTS_NAMING, TEXTS_WITH_WORD, site_owner
from articlekit.metadata.byline.signature import signed_name
from articlekit.metadata.byline.site import is_domain, is_site, names_site, without_site
from articlekit.metadata.byline.structured import (
    dedicated_authors,
    from_account,
    structured_authors,
)
from articlekit.metadata.byline.visible import WEAK_SCORE, microdata_authors, visible_bylines
from articlekit.metadata.byline.vocabulary import INSTITUTION, ORGANIZATION, PARTICLES
from articlekit.metadata.jsonld import JsonLd
from articlekit.metadata.tags import MetaTags

__all__ = ["explain_byline"]

_STAGE = "byline"
# a visible candidate: its score, the byline and the element it was read from
_Ranked = tuple[int, Byline, html.HtmlElement]

_STRONG_SCORE = 4
# co-author links: one element ("<span>, </span>", "<span> & </span>") at most between two
_SEPARATED = 2
_LINKED = "declared author whose own page the page links"
_AGREED = "author tag, schema.org author and social card agree"
# this many different marked bylines without structured data: an article list
_LISTING_AUTHORS = 3
# the first texts of the page that hold a name, where it is written out in full
_NAME_TEXTS = f"({TEXTS_NAMING})[position() <= 20]"
# the page's copyright notice: it names the site's owner
_COPYRIGHT = re.compile(r"copyright", re.IGNORECASE)


def _author_groups(bylines: Sequence[Byline]) -> int:
    """How many different people the bylines name (overlapping names count once)."""
    groups: list[set[str]] = []
    for byline in bylines:
        words = {word.lower() for name in byline.authors for word in name.split()}
        merged = [group for group in groups if group & words]
        for group in merged:
            words |= group
            groups.remove(group)
        groups.append(words)
    return len(groups)


def _extra_words(byline: Byline, persons: Sequence[str]) -> int:
    """The words beyond the declared names in the candidate's names that share a word
    with them.  A particle shared ("van") does not make a co-author ("Erik van Vulpen"
    beside the declared "Marna van der Merwe") part of the declared name."""
    declared = {word.lower() for name in persons for word in name.split()}
    return sum(
        1
        for name in byline.authors
        if {word.lower() for word in name.split()} & declared - PARTICLES
        for word in name.split()
        if word.lower() not in declared
    )


def _overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when the names share a word other than a particle ("van", "de")."""
    left = {word.lower() for name in a for word in name.split()}
    right = {word.lower() for name in b for word in name.split()}
    return bool(left & right - PARTICLES)


def _shown(tree: html.HtmlElement, names: Sequence[str]) -> bool:
    """True when a name from structured data also appears in the page's text, outside
    the copyright notice.

    A CMS writes the account that saved the page into ``<meta name=author>``;
    readers only ever see the names the template prints.  The family name must be
    shown: a first name ("Thomas") is met in any sidebar.  The copyright notice names
    the site's owner ("© 2024 Jane Doe"), who is not thereby the author of each page.
    """
    for name in names:
        words = [word for word in name.split() if len(word) >= 3] or name.split()[:1]
        word = words[-1]
        for variant in {word, word.upper()}:
            if any(not _in_copyright(node) for node in tree.xpath(TEXTS_WITH_WORD, word=variant)):
                return True
    return False


def _with_initials(tree: html.HtmlElement, name: str) -> str:
    """The declared ``name`` as the page's text writes it with middle initials:
    "Christian Stadtfeld" declared, "(Christian P. Stadtfeld)" signed under the text."""
    words = name.split()
    if len(words) != 2 or not is_strict_name(name):
        return name
    first, last = words
    pattern = re.compile(
        rf"\b{re.escape(first)}((?:\s+[A-ZÀ-ÖØ-Þ]\.){{1,2}})\s+{re.escape(last)}\b"
    )
    written = {
        " ".join(match.group(1).split())
        for node in _texts_outside_copyright(tree, last)
        for match in pattern.finditer(node)
    }
    return f"{first} {written.pop()} {last}" if len(written) == 1 else name


def _texts_outside_copyright(tree: html.HtmlElement, word: str) -> list[Any]:
    """The first texts of the page holding ``word``, without the copyright notice's."""
    return [node for node in tree.xpath(_NAME_TEXTS, word=word) if not _in_copyright(node)]


def _in_copyright(node: Any) -> bool:
    """True for a text in the page's copyright notice ("footer-copyright", "p.Copyrights",
    schema.org's ``copyrightHolder``), outside an article."""
    parent = node.getparent()
    if parent is None:
        return False
    for ancestor in (parent, *parent.iterancestors()):
        if ancestor.tag == "article":
            return False
        if _COPYRIGHT.search(f"{class_and_id(ancestor)} {ancestor.get('itemprop') or ''}"):
            return True
    return False


def _personal(name: str, site_names: Sequence[str], *, site_signs: bool = False) -> bool:
    """False for a declared author that is the site, an organisation, or an account
    name in lower case ("levinemusic").  ``site_signs``: the evidence says the site, or
    the person it is named for, signs the page, so the site's name is no objection."""
    if ORGANIZATION.search(name) or name.islower():
        return False
    return site_signs or not is_site(name, site_names)


def _confirmed(
    tree: html.HtmlElement,
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    jsonld: JsonLd,
    site_names: Sequence[str],
) -> tuple[list[str], str]:
    """Declared persons the page confirms without printing their names, and how
    (:mod:`.confirmed`)."""
    linked = [
        name
        for name, elsewhere in linked_authors(tree, meta, article, jsonld)
        if _personal(name, site_names, site_signs=elsewhere)
    ]
    if linked:
        return linked, _LINKED
    # three declarations naming the site ("Swoogo") say that the site signs its posts;
    # the site's owner ("© 2019 nh24 by Jane Doe") is the account every post is saved
    # under, whatever the declarations say
    agreed = [
        name
        for name in agreed_authors(meta, article, jsonld)
        if _personal(name, site_names, site_signs=True)
    ]
    if agreed and not _owner(tree, agreed):
        return agreed, _AGREED
    return [], ""


def _owner(tree: html.HtmlElement, names: Sequence[str]) -> bool:
    """True when the page's copyright notice names one of ``names``."""
    for name in names:
        word = name.split()[-1]
        if any(_in_copyright(node) for node in tree.xpath(TEXTS_WITH_WORD, word=word)):
            return True
    return False


def _completed(tree: html.HtmlElement, byline: Byline) -> Byline:
    """A lone first name ("Nils") as the full name the page prints ("Nils Pickert").

    Author boxes and ``<meta name=author>`` often carry only the first name of
    the account; the same person signs with the full name elsewhere in the page,
    though not in the copyright notice, which names the site's owner.
    """
    if len(byline.authors) != 1 or " " in byline.authors[0]:
        return byline
    first = byline.authors[0]
    if len(first) < 3 or not first.isalpha() or not first[:1].isupper() or first.isupper():
        return byline
    pattern = re.compile(rf"\b{re.escape(first)}\s+([A-ZÀ-ÖØ-Þ][\w'-]+)\b")
    counts: dict[str, int] = {}
    # "© Jane Doe" names the site's owner, who need not be this Jane
    for node in _texts_outside_copyright(tree, first + " "):
        for match in pattern.finditer(node):
            name = f"{first} {match.group(1)}"
            if is_strict_name(name):
                counts[name] = counts.get(name, 0) + 1
    if len(counts) != 1:
        return byline  # no full name, or several people of that first name
    name = next(iter(counts))
    return Byline(name, (name,), byline.listing)


def explain_byline(
    tree: html.HtmlElement,
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    jsonld: JsonLd,
    candidates: Sequence[html.HtmlElement] = (),
    headline: html.HtmlElement | None = None,
    near: Sequence[str] = (),
    site_names: Sequence[str] = (),
    close_by: Sequence[str] = (),
    title_site: str | None = None,
) -> tuple[Byline, tuple[Decision, ...], html.HtmlElement | None]:
    """The byline of the page (a lone first name completed from the page's text), its
    evidence (the visible candidates, scored, and the declared authors seen, and the
    byline chosen with its rule) and the element the byline was read from, when it was
    read from one."""
    ranked = _ranked(visible_bylines(tree, candidates, headline, near, close_by), site_names)
    persons, organizations = structured_authors(meta, article, jsonld)
    declared = persons  # as declared: the site's owner may be among them
    if not persons:
        persons = microdata_authors(candidates)
    persons = [from_account(name) for name in persons]
    persons = [name for name in persons if _personal(name, site_names)]
    confirmed = _confirmed(tree, meta, article, jsonld, site_names)
    byline, rule, element = _extract(
        tree, meta, ranked, persons, organizations, site_names, confirmed
    )
    if not (byline.authors or byline.listing):
        owner = site_owner(tree, [*site_names, *([title_site] if title_site else [])], declared)
        if owner:
            byline, rule = Byline(owner, (owner,)), "the person the site belongs to"
    # a declared name is as the page's author settings spell it ("Escalon", not "Escalon
    # Platform" met in the text)
    completed = byline if rule in (_LINKED, _AGREED) else _completed(tree, byline)
    if completed is not byline:
        rule += "; first name completed from the page's text"
    # named now, by text and element: the content stage cuts bylines out afterwards
    evidence = [
        Decision(
            _STAGE,
            f"{quoted(shown.text)} in {element_name(found)}",
            Verdict.CANDIDATE,
            "visible, scored by its marks and its distance to the headline",
            score,
        )
        for score, shown, found in ranked
    ]
    evidence.extend(
        Decision(_STAGE, quoted(name), Verdict.CANDIDATE, "declared author (JSON-LD or <meta>)")
        for name in persons
    )
    if completed.text or completed.listing:
        # described now: the content stage cuts bylines out of the tree afterwards
        chosen = quoted(completed.text) + (
            f" from {describe(element)}" if element is not None else ""
        )
        shown = "index page: no byline" if completed.listing else rule
        evidence.append(Decision(_STAGE, chosen, Verdict.CHOSEN, shown))
    return completed, tuple(evidence), element


def _extract(
    tree: html.HtmlElement,
    meta: MetaTags,
    ranked: Sequence[_Ranked],
    persons: Sequence[str],
    organizations: Sequence[str],
    site_names: Sequence[str],
    confirmed: tuple[Sequence[str], str] = ((), ""),
) -> tuple[Byline, str, html.HtmlElement | None]:
    """The byline of the page, the rule that chose it and the element it was read from.

    ``ranked`` are the visible candidates (elements hinted as author or byline by
    class, id, ``itemprop``, ``rel``, and texts near the headline), best first;
    ``persons`` and ``organizations`` the declared authors;
    ``site_names`` name the site, which is never its own author.

    A visible byline agreeing with structured data wins, then a strongly
    marked visible byline, then structured person names that the page shows,
    then a weaker visible byline or a by-line anywhere in the page; only then
    the names of tags written for the author alone (Parse.ly, Dublin Core) and
    an organisation declared as the author that is not the site itself.
    """
    if persons:
        agreeing = [item for item in ranked if _overlap(item[1].authors, persons)]
        if agreeing:
            # the candidate with the fewest words beyond the declared names:
            # "Katharina Schmidt" over "Katharina Schmidt Kategorien: Mode"
            _score, best, element = min(
                agreeing, key=lambda item: (_extra_words(item[1], persons), -item[0])
            )
            rule = "visible byline agrees with the declared author"
            best, element = _with_sibling_names(best, element, ranked, site_names)
            return _trimmed(best, persons), rule, element
    if _author_groups([b for score, b, _ in ranked if score >= _STRONG_SCORE]) >= _LISTING_AUTHORS:
        return Byline(listing=True), "several strongly marked authors: an index page", None
    if ranked and ranked[0][0] >= _STRONG_SCORE:
        byline, element = _with_coauthors(ranked[0], ranked, site_names)
        return byline, "strongly marked visible byline", element
    if persons and _shown(tree, persons):
        rule = "declared author shown in the page's text"
        written = [_with_initials(tree, name) for name in persons]
        return Byline(", ".join(written), tuple(written)), rule, None
    for item in ranked:
        if item[0] >= WEAK_SCORE:
            byline, element = _with_coauthors(item, ranked, site_names)
            return byline, "visible byline near the headline", element
    anywhere = by_line_anywhere(tree, site_names)
    if anywhere.authors:
        return anywhere, "by-line anywhere in the page", None
    signed = signed_name(tree, site_names)
    if signed.authors:
        return signed, "name signed under the text", None
    names, how = confirmed
    if names:
        return Byline(", ".join(names), tuple(names)), how, None
    dedicated = dedicated_authors(meta, site_names)
    if dedicated:
        rule = "author-only tag (Parse.ly, Dublin Core)"
        return Byline(", ".join(dedicated), tuple(dedicated)), rule, None
    # an organisation declared as the author that is not the site itself: a
    # community ("Contributors to Wikimedia projects"), a press office
    others = [name for name in organizations if not names_site(name, site_names)]
    if others:
        return Byline(", ".join(others), tuple(others)), "declared organisation as author", None
    return anywhere, "", None


def _ranked(
    found: Sequence[tuple[int, Byline, bool, html.HtmlElement]], site_names: Sequence[str]
) -> list[_Ranked]:
    """The visible candidates without the site's name, best score first."""
    # A site or body named as the author is dropped (a CMS prints the account that
    # saved the post), unless the page says so in words: "Von Deutscher Tennis Bund",
    # "Written by Miami Today"
    visible = [
        (score, without_site(byline, site_names), element)
        for score, byline, explicit, element in found
        if not all(
            (is_site(name, site_names, loose=False) and not (explicit and not is_domain(name)))
            or INSTITUTION.search(name)
            for name in byline.authors
        )
    ]
    # a name met again with a better score keeps the place it was first met at
    first_met: dict[str | None, int] = {}
    for index, (_, byline, _) in enumerate(visible):
        first_met.setdefault(byline.text, index)
    return [
        item
        for _, item in sorted(
            enumerate(visible), key=lambda x: (-x[1][0], first_met[x[1][1].text], x[0])
        )
    ]


def _trimmed(byline: Byline, persons: Sequence[str]) -> Byline:
    """ "Moritz Pappert Spessart" as the declared "Moritz Pappert": a dateline or a
    category run into the name is cut at the end of the name the page declares."""
    names = []
    for name in byline.authors:
        declared = [p for p in persons if name.lower().startswith(p.lower() + " ")]
        names.append(name[: len(declared[0])] if declared else name)
    if tuple(names) == byline.authors:
        return byline
    return Byline(", ".join(names), tuple(names), byline.listing)


def _with_coauthors(
    best: _Ranked, ranked: Sequence[_Ranked], site_names: Sequence[str]
) -> tuple[Byline, html.HtmlElement]:
    """The best byline, or a nearly as good one naming the same people and more.

    Each of several authors is often a link of its own ("<a>Clara Löw</a>, <a>Klaus
    Jacob</a>"); a link may score above the line holding all of them.
    """
    score, byline, element = best
    names = set(byline.authors)
    for other_score, other, other_element in ranked:
        if other_score >= score - 1 and names < set(other.authors):
            return other, other_element
    return _with_sibling_names(byline, element, ranked, site_names)


def _label(element: html.HtmlElement, byline: Byline) -> str:
    """The element's text without the byline's names: its label ("Von:"), if any."""
    text = " ".join(" ".join(element.itertext()).split())
    for name in byline.authors:
        text = text.replace(name, " ")
    return " ".join(text.split())


def _with_sibling_names(
    byline: Byline,
    element: html.HtmlElement,
    ranked: Sequence[_Ranked],
    site_names: Sequence[str],
) -> tuple[Byline, html.HtmlElement]:
    """The byline with the names of its siblings built alike, in page order.

    "<div><a href=/author/a>Rui Ma</a>, <a href=/author/b>Heba Ledwon</a></div>": each
    author link is a candidate of its own, and the line holding them is none.  A
    sibling with another label ("Übersetzt von: …" beside "Von: …") names someone
    else's part, and the site's own team is no co-author.
    """
    parent = element.getparent()
    if parent is None:
        return byline, element
    label = _label(element, byline)
    alike = [
        (other_element, other)
        for _, other, other_element in ranked
        if other_element.getparent() is parent
        and other_element.tag == element.tag
        and other_element.get("class") == element.get("class")
        and _label(other_element, other) == label
        and not any(is_site(name, site_names) for name in other.authors)
    ]
    siblings = _run_around(element, sorted(dict(alike).items(), key=lambda p: parent.index(p[0])))
    names = tuple(dict.fromkeys(name for _, other in siblings for name in other.authors))
    if len(siblings) < 2 or set(names) <= set(byline.authors):
        return byline, element
    return Byline(", ".join(names), names, byline.listing), parent


def _run_around(
    element: html.HtmlElement, siblings: Sequence[tuple[html.HtmlElement, Byline]]
) -> Sequence[tuple[html.HtmlElement, Byline]]:
    """The siblings printed next to ``element``, with at most a separator between
    neighbours: a digest's bylines further down sign other stories."""
    parent = element.getparent()
    if parent is None or element not in dict(siblings):
        return ()
    positions = [parent.index(other) for other, _ in siblings]
    at = positions.index(parent.index(element))
    start, end = at, at
    while start > 0 and positions[start] - positions[start - 1] <= _SEPARATED:
        start -= 1
    while end + 1 < len(positions) and positions[end + 1] - positions[end] <= _SEPARATED:
        end += 1
    return siblings[start : end + 1]
