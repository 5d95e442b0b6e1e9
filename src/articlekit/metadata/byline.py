"""Who wrote the article: the byline as shown, and each author's name.

The visible byline is what a reader sees ("By Jane Doe and John Roe", "Von
Heike Buchter"); structured data (JSON-LD ``author``, ``<meta name=author>``)
is often stale, a CMS account name or the publisher.  So a visible byline near
the headline wins, and structured authors fill in when the page shows none.
Candidates inside related-article lists, sidebars, navigation and comment
areas are never taken: those name other people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lxml import html

from articlekit.input.elements import class_and_id
from articlekit.metadata.jsonld import JsonLd, type_names
from articlekit.metadata.tags import MetaTags

__all__ = ["Byline", "clean_byline", "extract_byline", "split_names"]

_BY_START = re.compile(
    r"^\s*(?:[-\u2013\u2014*~|]+\s*)?(?:(?:by|von|par|por|text|autor(?:in|en)?|author|auteur|autora|"
    r"written by|geschrieben von|ein beitrag von|publié par|escrito por|thread starter|"
    r"themenstarter)(?:\s*:)?(?:\s|$)|(?:redaktion|redakteur(?:in)?)\s*:\s|"
    r"(?:文|撰文|作者|记者|記者|责任编辑|編集|取材|بقلم|كتب)\s*[・:：／/])",
    re.IGNORECASE,
)
_BY_INSIDE = re.compile(
    r"^\s*(?:posted|written|published|submitted|gespeichert|geschrieben|verfasst|erstellt|veröffentlicht|"
    r"publié|écrit|escrito|publicado)\b.{0,60}?\s(by|von|par|por)(?:\s*:)?(?:\s|$)",
    re.IGNORECASE,
)
# "Presseartikel vom 12. Oktober 1999, verfasst von Jane Doe": a by-phrase after a comma
_BY_VERB = re.compile(
    r",\s*(?:verfasst|geschrieben|written|posted|escrito|écrit|publié|publicado)\s+"
    r"(by|von|par|por)\s",
    re.IGNORECASE,
)
# Words of organisation names: a CMS or feed puts the company where the author goes.
_ORGANIZATION = re.compile(
    r"\b(?:gmbh|ag|se|kg|e\.?\s?v|inc|ltd|llc|corp|co|sa|s\.a|plc|verband|bundesverband|"
    r"institut|institute|ministerium|ministry|amt|abteilung|feuerwehr|verein|partei|stiftung|"
    r"media|verlag|newsroom|agency|agentur|department|departement|university|"
    r"universität|gruppe|group|team|news)\b",
    re.IGNORECASE,
)
# Public bodies and associations: shown as the page's owner, not as its author.
_INSTITUTION = re.compile(
    r"(?:verband|institut|ministerium|stiftung|magazin|magazine)\b|\b(?:amt|abteilung|"
    r"feuerwehr|verein|partei|ministry|department|universität|university)\b",
    re.IGNORECASE,
)
_AUTHOR_LINK = re.compile(r"/(?:author|autor|autoren|authors)/", re.IGNORECASE)
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article", "section", "form", "table"})
_MAX_CANDIDATE_NODES = 40


# Class/id words of containers that name other people (related articles,
# comments, author lists in menus).  Short words count only as a whole part of
# a class ("nav", "site-nav", not "canvas"); WordPress's "tag-<slug>" on the
# article element is not a tag list.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
    }
)
_STRONG_HINT = re.compile(
    r"byline|by-line|author-?name|auth-name|article-?author|vcard|autor(?:en)?-?(?:zeile|name)|"
    r"author-?line",
    re.I,
)

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|story|words|text|photos?|interview|recipe|"
    r"[\w-]*(?:autor|author)|post\s+author|"
    r"video|analysis|commentary|column|reportage|text\s+(?:und|&)\s+fotos?|"
    r"ein(?:e)?\s+(?:beitrag|artikel|gastbeitrag|kommentar|analyse|interview)|gastbeitrag|"
    r"kommentar|geschrieben|verfasst|erstellt|veröffentlicht|eingestellt|gepostet|posté|"
    r"publié|écrit|rédigé|escrito|publicado|redactado|un\s+article|une\s+tribune|"
    r"escribe|escriben|texto|redacción)\s+)?"
    r"(?:by|von|vom|par|por)\b\s*:?\s*|^(?:text|autor(?:in)?|autoren|author|authors|"
    r"auteur|auteurs|autora?|redaktion|reporter|fotos?|photos?|bilder|interview|video|"
    r"recherche|moderation|quelle|source|texte|texto)\s*[:：]\s*|"
    r"^(?:[^\s:：]+\s+(?:&|und|and|y|et)\s+)?[^\s:：]{1,12}[:：]\s*|"
    r"^(?:autor(?:in|en|innen)?|authors?|auteur|escribe|escriben)\s+(?=(?-i:[A-ZÀ-ÖØ-Þ]))|"
    r"^(?:thread\s+starter|themenstarter)\s+|"
    r"^(?:文\s*[・／/]|(?:撰文|作者|记者|記者|责任编辑|編集|取材)\s*[・／/:：]?)\s*",
    re.IGNORECASE,
)
# an author label inside a "label: value" list of facts about the article
_AUTHOR_LABEL = re.compile(
    r"(?<!\S)(?:autor(?:in|en)?|authors?|auteurs?|autora?|texte?|texto|by|von|par|por|"
    r"redaktion)\s*:\s",
    re.IGNORECASE,
)
_TRAILING_NOTE = re.compile(r"\s*\(([^()]{2,80})\)\s*\.?$")
_NOT_LETTER = re.compile(r"[^\w-]")
_CONTACT = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+", re.IGNORECASE)
# "Anna sagt:" heads a comment, not an article
_SAYS = re.compile(r"\b(?:sagt|says|said|wrote|schreibt|schrieb|dit|dice|escribió)\s*:", re.I)
_WEEKDAYS_MONTHS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|january|february|"
    r"march|april|june|july|august|september|october|november|december|januar|februar|"
    r"märz|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|"
    r"agosto|septiembre|octubre|noviembre|diciembre|jan|feb|mar|apr|jun|jul|aug|sep|sept|"
    r"oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so"
)
_SEGMENT = re.compile(r"\s[·•|\-\u2013\u2014]\s")
_DATE_LINE = re.compile(
    rf"\d{{4}}|\b(?:min(?:ute)?s?\s+read|lesezeit|read|published|publicado|publié|"
    rf"veröffentlicht|hace|ago)\b|\b(?:{_WEEKDAYS_MONTHS})\b",
    re.I,
)
_DATE_CUT = re.compile(
    rf"(?:\b(?:{_WEEKDAYS_MONTHS})\b\.?,?\s*\d|\b(?:am|on|le|el|il)\s+(?:{_WEEKDAYS_MONTHS})\b|"
    r"(?:published|updated|posted|veröffentlicht|aktualisiert|erschienen|publié|publicado)\s*:|"
    r"\s[^\W\d_][\w-]*:(?:\s|$)|\b(?:hace|vor|il y a)\s+\d|\bhace$|\bago\b|"
    r"\s[|\u2022\u00b7\u2013\u2014]|\s-\s|\s(?:on|am|le|el|il|the|at|in|um|"
    r"published|updated|posted|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|"
    r"publicado|actualizado|mis|updated:?)\s+\d|(?<![\w.])\d|\b(?:published|updated|"
    r"veröffentlicht|aktualisiert|publié|publicado|actualizado|mis à jour|stand|"
    r"lesezeit|reading time|read time|min read|follow|folgen|twitter|email|e-mail|mail)\b|"
    # "Posted by jd under Fun, Rebloggt": the post's category
    r"\s(?:under|unter)\s)",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|/|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b(?!\.)|\bsowie\b|\ben\b|\bwith\b|"
    r"\bmit\b|\bavec\b|\bcon\b)\s*",
    re.IGNORECASE,
)
# "Richard David Precht im Gespräch mit Karin Fischer": a radio interview names both
_CONVERSATION = re.compile(r"\s+(?:im\s+gespräch\s+mit|in\s+conversation\s+with)\s+", re.I)
_COMMA_OR_SLASH = re.compile(r"^\s*[,/]\s*$")
_JUNK_PART = re.compile(
    r"@|https?:|www\.|\.(?:com|de|org|net|fr|es|ch|at)\b|^\W*$",
    re.IGNORECASE,
)
_ROLE_WORDS = _words(
    "reporter reporters editor editors correspondent correspondents staff writer writers "
    "contributor contributors columnist columnists photographer photographers journalist "
    "journalistin redakteur redakteurin redakteure korrespondent korrespondentin autor "
    "autorin author authors chief senior associate deputy managing executive contributing "
    "special freelance freier freie mitarbeiter mitarbeiterin redaktion rédacteur rédactrice "
    "journaliste envoyé envoyée spéciale spécial periodista redactor redactora corresponsal "
    "fotógrafo fotograf fotografin photos photo bild bilder foto fotos grafik video analyst "
    "producer director founder ceo president professor head of für for the at news desk team "
    "chefredakteur chefredakteurin online print phd md mba dipl datum ressortleiter "
    "ressortleiterin volontär volontärin praktikant praktikantin leitung leiter leiterin "
    "sprecher sprecherin pressesprecher pressesprecherin rechtsanwalt rechtsanwältin anwalt "
    "anwältin"
)
_NOT_NAME = _words(
    "share follow comments comment more read posts post view all about profile kontakt "
    "contact twitter facebook linkedin instagram email e-mail menu home login subscribe "
    "abonnieren newsletter artikel article articles beiträge alle mehr weitere uhr min "
    "minuten minutes lesezeit updated published veröffentlicht aktualisiert advertisement "
    "anzeige werbung sponsored print drucken teilen send senden copy link image bild foto "
    "photo source quelle getty images shutterstock keystone imago loading laden mehr cookies "
    "admin administrator wordpressadmin webmaster publisher herausgeber guest gast user "
    "anonymous anonym unknown unbekannt zvg red name erforderlich required letzte "
    "aktualisierung hace promoted vorlesen anhören listen contactar contacto contacter "
    "kontaktieren auteur auteurs autoren autorin autorinnen thread starter themenstarter"
)
# Day and month names ("Jan", "April", "Mo") are also first names: only a part made
# of nothing else is a date left over rather than a name.
_DATE_WORDS = _words(_WEEKDAYS_MONTHS.replace("|", " "))
_ORGANIZATION_TYPES = ("organization", "newsmediaorganization", "corporation", "localbusiness")
_MAX_NAME_WORDS = 5
_PARTICLES = _words(
    "von van de der den del della da di du la le los las y zu zur ten ter bin al el dos"
)
_BARE_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}", re.IGNORECASE)
_DOMAIN_END = re.compile(r"(?:\.[a-z]{2,4}){1,2}$", re.I)
_SITE_PARTS = re.compile(r"\s[|\u2013\u2014-]\s|\s[·•:]\s")
# role words that also join a name to its newspaper ("Jane Doe for The Times")
_LINKS = _words("the at for für of head")
_DOMAIN_ENDINGS = _words("com de it at ch org net fr es pl uk eu info io nl be co pe cl ar mx br")
# the first text nodes of the page that may open a by-line
# "/descendant::text()", not "//text()": the same nodes, without a child step from every
# node of the body (about twice as fast)
_BODY_TEXT_XPATH = (
    # short nodes opening like a by-word, tested in C while walking: few nodes are
    # collected and fewer reach the Python loop
    "(//body/descendant::text()[string-length(.) <= 150][normalize-space(.)]"
    "[contains($initials, substring(normalize-space(.), 1, 1)) or contains($pairs, "
    "concat('|', translate(substring(normalize-space(.), 1, 2), $upper, $lower), '|'))]"
    "[not(parent::script or parent::style or parent::noscript)])[position() <= 300]"
)
# the dashes that may open a by-line, and by-words of _BY_START written in one character
_BY_INITIALS = "文撰作记記责編取بك-\u2013\u2014*~|"
# first two letters (lower case) of the by-words of _BY_START and _BY_INSIDE
_BY_PAIRS = "|by|vo|pa|po|te|au|wr|ge|ei|pu|es|su|ve|er|éc|"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉ"
_LOWER = "abcdefghijklmnopqrstuvwxyzé"
_DESK_WORDS = _words("redaktion team webteam newsdesk desk")
_NEWSROOM = _words("redaktion redaction rédaction redacción redazione newsdesk")
_STRONG_SCORE = 4
# this many different marked bylines without structured data: an article list
_LISTING_AUTHORS = 3
_WEAK_SCORE = 3
_NAME_TEXT = "//body//text()[contains(., $word)][not(parent::script or parent::style)]"
_MAX_NAME_NODES = 20
_TEXT_CONTAINS = "//body//text()[contains(., $word)][not(parent::script or parent::style)][1]"
_MAX_BYLINE_CHARS = 150
_TIME_XPATH = "boolean(.//time | .//*[@itemprop = 'datePublished'])"
_SAME_CLASS = "(//body//*[local-name() = $tag][@class = $mark])[position() <= 3]"
_TEXT_OR_BREAK = ".//text()[not(parent::script or parent::style)] | .//br"
_CARD_AUTHOR_LABEL = re.compile(
    r"\s*(?:written\s+by|verfasst\s+von|geschrieben\s+von|écrit\s+par|escrito\s+por|"
    r"scritto\s+da|autor(?:in)?|author|auteur)\s*:?\s*$",
    re.IGNORECASE,
)
_DEDICATED_META = (
    "dc:creator",
    "dcterms:creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "article:author_name",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "dc.contributor",
    "twitter:data1_author",
)


@dataclass(frozen=True, slots=True)
class Byline:
    """The byline text without "By", and the names in it."""

    text: str | None = None
    authors: tuple[str, ...] = ()
    #: several articles by different authors are listed: an index page
    listing: bool = False


def _is_role(word: str) -> bool:
    parts = [part for part in word.lower().strip(".,:()").split("-") if part]
    return bool(parts) and all(part in _ROLE_WORDS for part in parts)


def _strip_name(part: str) -> str:
    part = part.strip(" \t\"'“”„‚‘’«»()[]{}:;,.-–—|*•·~/\\©")
    words = part.split()
    # "Jane Doe Staff Writer", "Jane Doe, Senior Editor": role words at the end
    while len(words) > 1 and (_is_role(words[-1]) or words[-1].lower() in _DATE_WORDS):
        if len(words) == 2 and words[-1].lower() in _DESK_WORDS:
            break  # "Support Team", "Greentech.LIVE Redaktion": the desk signs as itself
        words.pop()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words).strip(" ,.-–—|:")


def _without_job(name: str) -> str:
    """ "Rechtsanwalt Sebastian Einbock", "Redakteurin Jane Doe": the job before the name.

    A desk signing as itself keeps its name ("Redaktion Gelbe Liste").
    """
    words = name.split()
    while (
        len(words) > 2
        and _is_role(words[0])
        and words[0].lower() not in _LINKS
        and words[0].lower() not in _DESK_WORDS
    ):
        words.pop(0)
    return " ".join(words)


def _is_strict_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: "Lars Brenninkmeijer"."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and not text.isupper()
        and all(
            word[:1].isupper() and word.replace("-", "").replace(".", "").isalpha()
            for word in words
        )
        and not any(word.lower() in _NOT_NAME or _is_role(word) for word in words)
        and words[-1].lower().strip(".,") not in _DATE_WORDS
    )


def _is_phrase(words: Sequence[str]) -> bool:
    """True for "das Projekt in Zusammenarbeit": lower-case words inside a capitalised text.

    One lower-case word is allowed in a two-word name ("Mobasir hassan") and
    all-lower-case user names ("pepemaus") are names.
    """
    if len(words) < 2 or all(word.islower() for word in words):
        return False
    if words[0][:1].islower() and words[0] not in _PARTICLES:
        return True  # "einphasiger Verkabelung": a sentence fragment
    lower = sum(1 for word in words if word[:1].islower() and word not in _PARTICLES)
    return lower >= 2 or (lower >= 1 and len(words) >= 3)


def _is_name(part: str) -> bool:
    words = part.split()
    if not words or len(words) > _MAX_NAME_WORDS or len(part) > 60:
        return False
    if _is_phrase(words):
        return False
    if _JUNK_PART.search(part):
        return False
    lowered = [word.lower().strip(".,:!?") for word in words]
    # "Auteur(s)", "Autor/in": a label with its plural or gender ending
    letters = [_NOT_LETTER.sub("", word) for word in lowered]
    if any(word in _NOT_NAME for word in (*lowered, *letters)) or all(
        word in _DATE_WORDS for word in lowered
    ):
        return False
    if len(words) == 1 and lowered[0] in _NEWSROOM:
        return True  # "Von Redaktion": the newsroom signs the piece
    if all(_is_role(word) for word in lowered):
        return False
    if part.endswith(("?", "!")) or (". " in part and len(words) > 3):
        return False
    # Names are capitalised; one lower-case token is a user name ("pepemaus"),
    # several lower-case words are a phrase.
    # Arabic, CJK and other scripts have no case: only lower case counts against
    return len(words) == 1 or any(not word[:1].islower() for word in words)


def split_names(text: str) -> list[str]:
    """The names in a byline text ("A, B and C" -> [A, B, C]).

    A part that reads as a phrase makes the whole text a sentence rather than
    a byline, so nothing is returned.
    """
    names: list[str] = []
    parts = _SPLIT.split(text)
    separators = [match.group() for match in _SPLIT.finditer(text)]
    describing = False
    for index, part in enumerate(parts):
        name = _strip_name(part)
        words = name.split()
        # ", and" after a role closes the description's own list ("Speech, Privacy, and
        # Technology Project"), it does not name the next person
        if describing and (not words or _COMMA_OR_SLASH.search(separators[index - 1])):
            continue
        if describing and index > 1 and not parts[index - 1].strip():
            continue
        describing = False
        if names and len(words) > 1 and _is_role(words[0]) and words[0].lower() not in _LINKS:
            # "Jane Doe, Senior Staff Technologist, ACLU & John Roe, Director": what follows
            # a role describes her, up to the next "and"
            describing = True
            continue
        name = _without_job(name)
        words = name.split()
        if name and _is_phrase(words):
            if names and index == len(parts) - 1 and text[: text.rfind(part)].rstrip()[-1:] == ",":
                break  # "Uta Staschewski, Projektleiterin der HSS": the role after the name
            return []
        if name and _is_name(name) and name not in names:
            names.append(name)
    return names


def clean_byline(text: str | None) -> Byline:
    """The byline shown as ``text`` without "By", dates, roles and contact junk."""
    if not text:
        return Byline()
    text = _CONTACT.sub(" ", text.replace("\u00ad", "").replace("\u200b", ""))
    text = " ".join(text.split()).lstrip(" |•·-–—:,;~/*")
    if len(text) > 400 or "=" in text or _SAYS.search(text):
        return Byline()
    inside = _BY_INSIDE.match(text) or _BY_VERB.search(text)
    if inside:
        text = text[inside.start(1) :]  # "Posted on May 3, 2020 by Jane": from the by-word
    else:
        label = _AUTHOR_LABEL.search(text)
        if label and label.start():
            text = text[label.start() :]  # "Datum: 19.11.2021 Autor: Jane Doe Quelle: X"
    for _ in range(2):
        text = _PREFIX.sub("", text, count=1).strip()
    note = _TRAILING_NOTE.search(text)
    if note and not split_names(note.group(1)):
        text = text[: note.start()]  # "Jane Doe (Pressesprecherin des Verbands)"
    cut = _DATE_CUT.search(text)
    if cut:
        text = text[: cut.start()]
    text = _CONVERSATION.sub("; ", text)
    text = text.strip(" ,;:|-–—·•")
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])  # the same name printed twice (link text and tooltip)
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return Byline()
    names = split_names(text)
    if not names:
        return Byline()
    return Byline(_display(text, names), tuple(names))


def _display(text: str, names: Sequence[str]) -> str:
    """The byline as written when it is only the names, else the names joined."""
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    leftover = _SPLIT.sub(" ", rest).strip(" ,;:|-–—·•.()\"'")
    return text if not leftover else ", ".join(names)


def _excluded(
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


def _facts_box(aside: html.HtmlElement) -> bool:
    """An ``<aside>`` holding the article's own facts: marked as meta ("aside.meta"), or
    an aside of the article that carries its publication time."""
    if _META_BOX.search(class_and_id(aside)):
        return True
    return any(ancestor.tag == "article" for ancestor in aside.iterancestors()) and bool(
        aside.xpath(_TIME_XPATH)
    )


def _photo_credit(element: html.HtmlElement) -> bool:
    """ "p.photo-author", "span.image-credit": who took the picture, not who wrote the text
    (a "byline photo-byline" box still names the writer)."""
    marks = class_and_id(element)
    return bool(_PHOTO_CREDIT.search(marks)) and not _STRONG_HINT.search(marks)


def _excluding_container(node: html.HtmlElement) -> bool:
    attributes = class_and_id(node)
    attributes = _LAYOUT_MODIFIER.sub(" ", attributes)
    # "author-more", "byline-share" on the candidate's own box are fine
    return bool(
        attributes.strip()
        and _EXCLUDED_CONTAINER.search(attributes)
        and not _STRONG_HINT.search(attributes)
    )


def _candidate_text(element: html.HtmlElement) -> str:
    named = element.xpath(".//*[@itemprop='name'][1]/@content | .//*[@itemprop='name'][1]//text()")
    if named:
        return " ".join(str(part) for part in named)
    if element.tag == "meta":
        return element.get("content") or ""
    # itertext, not text_content: "Written by<a>Jane Doe</a>" needs the space
    return " ".join(element.itertext())


def _first_line(element: html.HtmlElement) -> str:
    """The element's text up to the first line break after a name.

    "Von <a>Jane Doe</a><br>Kakuma / Kenia": the dateline under the byline is not a name.
    """
    parts: list[str] = []
    for piece in element.xpath(_TEXT_OR_BREAK):
        if isinstance(piece, str):
            parts.append(piece)
        elif clean_byline(" ".join(parts)).authors:
            break
    return " ".join(parts)


def _larger_than(element: html.HtmlElement, limit: int) -> bool:
    return next(islice(element.iter(), limit, None), None) is not None


def _distance(element: html.HtmlElement, anchors: dict[html.HtmlElement, int]) -> int:
    """Levels up from ``element`` to the first ancestor it shares with the headline."""
    steps = 0
    node: html.HtmlElement | None = element
    while node is not None:
        if node in anchors:
            return steps + anchors[node]
        node = node.getparent()
        steps += 1
    return 99


def _visible(
    tree: html.HtmlElement,
    candidates: Sequence[html.HtmlElement],
    headline: html.HtmlElement | None,
    near: Sequence[str],
    close_by: Sequence[str] = (),
) -> list[tuple[int, Byline, bool]]:
    """Visible byline candidates: score, byline and whether a by-word introduced it."""
    body = tree.find("body")
    anchors: dict[html.HtmlElement, int] = {}
    if headline is not None:
        node: html.HtmlElement | None = headline
        level = 0
        while node is not None:
            anchors[node] = level
            node = node.getparent()
            level += 1
    # Page builders (Elementor, WPBakery) nest a byline a dozen levels away from the
    # headline it is printed under: an element holding one of the few texts next to the
    # headline counts as close whatever the tree distance
    close: set[html.HtmlElement] = set()
    for text in close_by:
        owner = text.getparent()  # type: ignore[attr-defined]
        for _ in range(4):
            if owner is None or owner in anchors:
                break
            close.add(owner)
            owner = owner.getparent()
    found: list[tuple[int, Byline, bool]] = []
    # the best score each text had so far: a name first met far away (an author box in
    # the footer) may be met again next to the headline
    seen: dict[str, int] = {}
    memo: dict[html.HtmlElement, bool] = {}

    def consider(element: html.HtmlElement, text: str, score: int, floor: int = 0) -> None:
        if (
            seen.get(text, -99) >= score + 3
            or _photo_credit(element)
            or _excluded(element, body, memo, anchors)
        ):
            return
        byline = clean_byline(text)
        if not byline.authors:
            seen[text] = 99
            return
        if anchors:
            distance = 0 if element in close else _distance(element, anchors)
            bonus = 3 if distance <= 3 else 1 if distance <= 5 else -1 if distance > 8 else 0
            # "Jane Doe | 3. Mai 2022" among the texts around the headline stays a by-line
            # however deep the template nests it
            score = max(score + bonus, floor)
        if score > seen.get(text, -99):
            seen[text] = score
            stripped = text.lstrip(" |•·-–—:,;~/*")
            explicit = bool(_BY_START.match(stripped) or _BY_INSIDE.match(stripped))
            found.append((score, byline, explicit))

    for element in candidates:
        attributes = class_and_id(element)
        if (
            element.get("itemprop") in ("author", "creator")
            or "author" in (element.get("rel") or "")
            or _STRONG_HINT.search(attributes)
        ):
            score = 4
        elif element.tag == "a" and _AUTHOR_LINK.search(element.get("href") or ""):
            score = 3
        else:
            score = 2
        if element.tag in _CONTAINER_TAGS or _larger_than(element, _MAX_CANDIDATE_NODES):
            continue
        text = " ".join(_candidate_text(element).split())
        if not text or len(text) > 250:
            continue
        if _PREFIX.match(text):
            score += 1
        consider(element, text, score)
    for node in near[:20]:
        segments = _SEGMENT.split(node)
        if len(segments) > 1 and len(node) < 120 and any(_DATE_LINE.search(x) for x in segments):
            for segment in segments:
                name = " ".join(segment.split())
                if _is_strict_name(name):
                    consider(node.getparent(), name, 3, _WEAK_SCORE)  # type: ignore[attr-defined]
    for node in near:
        if len(node) > 150:
            continue
        start = 0
        label = _BY_START.match(node)
        if not label:
            # "Posted on March 3, 2020 by Adi Tzlil"
            inner = (_BY_INSIDE.search(node) or _BY_VERB.search(node)) if len(node) < 100 else None
            if inner is None:
                continue
            start = inner.start(1)
        parent = node.getparent()  # type: ignore[attr-defined]
        if parent is None:
            continue
        # "<span>By</span><a>Jane Doe</a>", "<dt>Auteur</dt><dd>...": the label alone in
        # its element names the next one
        alone = (
            label is not None
            and not node.is_tail  # type: ignore[attr-defined]
            and len(parent) == 0
            and not node[label.end() :].strip(" :\uff1a")
            and parent.getparent() is not None
        )
        if node.is_tail or alone:  # type: ignore[attr-defined]
            siblings = islice(parent.itersiblings(), 1 if alone else 6)
            text = str(node)[start:] + " " + " ".join(_candidate_text(s) for s in siblings)
            element = parent.getparent() if parent.getparent() is not None else parent
            text = " ".join(text.split())[:200]
        else:
            element = parent
            text = " ".join(_first_line(parent).split())  # "By<a>Jane</a>": spaced
            if start:
                text = " ".join(str(node)[start:].split()) + text[len(" ".join(node.split())) :]
        if len(text) <= 200:
            consider(element, text, 3)
    return found


def _names_of(value: Any, jsonld: JsonLd) -> tuple[list[str], list[str]]:
    """Person names and organisation names in a JSON-LD ``author`` value."""
    persons: list[str] = []
    organizations: list[str] = []
    values = value if isinstance(value, list) else [value]
    for item in values:
        item = jsonld.resolve(item)
        if isinstance(item, str):
            if not item.startswith("http"):
                persons.extend(split_names(item))
        elif isinstance(item, Mapping):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not isinstance(name, str):
                given, family = item.get("givenName"), item.get("familyName")
                name = " ".join(x for x in (given, family) if isinstance(x, str)) or None
            if not isinstance(name, str):
                continue
            target = organizations if set(type_names(item)) & set(_ORGANIZATION_TYPES) else persons
            target.extend(split_names(name) if target is persons else [" ".join(name.split())])
    return persons, organizations


def _structured(
    meta: MetaTags, article: Mapping[str, Any] | None, jsonld: JsonLd
) -> tuple[list[str], list[str]]:
    persons: list[str] = []
    organizations: list[str] = []
    if article is not None:
        for key in ("author", "creator"):
            if article.get(key):
                persons, organizations = _names_of(article[key], jsonld)
                if persons or organizations:
                    break
    if not persons:
        # each author of a paper or a report in a tag of its own: "citation_author",
        # "DC.Creator" once per person
        groups = [meta.all(key) for key in _AUTHOR_META] + [_labelled_authors(meta)]
        for values in groups:
            persons = list(dict.fromkeys(name for value in values for name in _meta_names(value)))
            if persons:
                break
    return persons, organizations


def _meta_names(value: str) -> tuple[str, ...]:
    # "hessenschau.de, Frankfurt, Germany": the publisher's name and address
    if value.startswith(("http", "@")) or any(
        _BARE_DOMAIN.fullmatch(part.strip()) for part in value.split(",")
    ):
        return ()
    return clean_byline(value).authors


def _declared_names(value: str) -> list[str]:
    """The names in an author field: "By JANE DOE", "Jane Doe, John Roe".

    A field declared as the author is taken at its word where a text on the page
    would need to read as a name ("Creator Name"), unless it names a role or a desk
    ("By Staff Reports").
    """
    if value.startswith(("http", "@")) or _CONTACT.search(value):
        return []
    names = list(clean_byline(value).authors)
    if not names:
        text = " ".join(_PREFIX.sub("", value, count=1).split()).strip(" ,;:|")
        if text and len(text) <= 60 and len(text.split()) <= _MAX_NAME_WORDS:
            names = [text]
    return [
        name
        for name in names
        if not (_is_role(name.split()[0]) or name.split()[0].lower() in _DESK_WORDS)
    ]


def _labelled_authors(meta: MetaTags) -> list[str]:
    """Authors of a Twitter card's label/data pairs.

    WordPress SEO plugins write ``twitter:label1`` "Written by" / "Verfasst von" and
    the author in ``twitter:data1`` (the next pair holds the reading time).
    """
    return [
        value
        for number in "1234"
        if _CARD_AUTHOR_LABEL.match(meta.first(f"twitter:label{number}") or "")
        for value in meta.all(f"twitter:data{number}")
    ]


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
    declared = {word.lower() for name in persons for word in name.split()}
    return sum(
        1
        for name in byline.authors
        if {word.lower() for word in name.split()} & declared
        for word in name.split()
        if word.lower() not in declared
    )


def _from_account(name: str) -> str:
    """A CMS account name "robert.stitz" as the person's name "Robert Stitz"."""
    if name.islower() and "." in name and " " not in name:
        parts = [part for part in name.split(".") if part]
        if (
            2 <= len(parts) <= 4
            and all(part.isalpha() for part in parts)
            and parts[-1] not in _DOMAIN_ENDINGS
        ):
            return " ".join(part.capitalize() for part in parts)
    return name


def _overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    left = {word.lower() for name in a for word in name.split()}
    right = {word.lower() for name in b for word in name.split()}
    return bool(left & right)


def _fold(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


def _is_site(name: str, site_names: Sequence[str], *, loose: bool = True) -> bool:
    """True when ``name`` is the site or publisher ("Tagespresse" on "Die Tagespresse").

    ``loose`` also counts a name inside the site name or the reverse; a
    visible byline is only dropped when it is the site name exactly, since a
    personal blog is often named after its author.
    """
    folded = _fold(_DOMAIN_END.sub("", name))
    if not folded:
        return False
    # "Vegolosi.it" is the site vegolosi; "Handball Schweiz" is the site named
    # "Cup-Vorschau: ... - Handball Schweiz" (a title-like og:site_name)
    parts = [part for site in site_names for part in _SITE_PARTS.split(site)]
    if any(_fold(_DOMAIN_END.sub("", part)) == folded for part in parts):
        return True
    for site in site_names:
        other = _fold(site)
        if not other:
            continue
        if loose and min(len(folded), len(other)) >= 4 and (folded in other or other in folded):
            return True
    return False


def _names_site(name: str, site_names: Sequence[str]) -> bool:
    """True for the site under any of its names, also "RTL Online" on rtl.de: a word of
    the name is the site's one-word name or host."""
    if _is_site(name, site_names):
        return True
    hosts = {_fold(_DOMAIN_END.sub("", site)) for site in site_names if " " not in site.strip()}
    return any(_fold(word) in hosts for word in name.split())


def _without_site(byline: Byline, site_names: Sequence[str]) -> Byline:
    """ "Adam Aaronson PhillyVoice" on PhillyVoice: the name without the site's."""
    names = []
    for name in byline.authors:
        words = name.split()
        if len(words) > 2 and _is_site(words[-1], site_names, loose=False):
            words = words[:-1]
        names.append(" ".join(words))
    if tuple(names) == byline.authors:
        return byline
    return Byline(", ".join(names), tuple(names))


def _shown(tree: html.HtmlElement, names: Sequence[str]) -> bool:
    """True when a name from structured data also appears in the page's text.

    A CMS writes the account that saved the page into ``<meta name=author>``;
    readers only ever see the names the template prints.
    """
    for name in names:
        words = [word for word in name.split() if len(word) >= 3] or name.split()[:1]
        for word in words[-2:]:
            for variant in {word, word.upper()}:
                if tree.xpath(_TEXT_CONTAINS, word=variant):
                    return True
    return False


def _completed(tree: html.HtmlElement, byline: Byline) -> Byline:
    """A lone first name ("Nils") as the full name the page prints ("Nils Pickert").

    Author boxes and ``<meta name=author>`` often carry only the first name of
    the account; the same person signs with the full name elsewhere in the page.
    """
    if len(byline.authors) != 1 or " " in byline.authors[0]:
        return byline
    first = byline.authors[0]
    if len(first) < 3 or not first.isalpha() or not first[:1].isupper() or first.isupper():
        return byline
    pattern = re.compile(rf"\b{re.escape(first)}\s+([A-ZÀ-ÖØ-Þ][\w'-]+)\b")
    counts: dict[str, int] = {}
    for node in tree.xpath(_NAME_TEXT, word=first + " ")[:_MAX_NAME_NODES]:
        for match in pattern.finditer(node):
            name = f"{first} {match.group(1)}"
            if _is_strict_name(name):
                counts[name] = counts.get(name, 0) + 1
    if len(counts) != 1:
        return byline  # no full name, or several people of that first name
    name = next(iter(counts))
    return Byline(name, (name,), byline.listing)


def extract_byline(
    tree: html.HtmlElement,
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    jsonld: JsonLd,
    candidates: Sequence[html.HtmlElement] = (),
    headline: html.HtmlElement | None = None,
    near: Sequence[str] = (),
    site_names: Sequence[str] = (),
    close_by: Sequence[str] = (),
) -> Byline:
    """The byline of the page (a lone first name completed from the page's text)."""
    return _completed(
        tree,
        _extract(tree, meta, article, jsonld, candidates, headline, near, site_names, close_by),
    )


def _extract(
    tree: html.HtmlElement,
    meta: MetaTags,
    article: Mapping[str, Any] | None,
    jsonld: JsonLd,
    candidates: Sequence[html.HtmlElement],
    headline: html.HtmlElement | None,
    near: Sequence[str],
    site_names: Sequence[str],
    close_by: Sequence[str] = (),
) -> Byline:
    """The byline of the page.

    ``candidates`` are elements hinted as author or byline (class, id,
    ``itemprop``, ``rel``); ``headline`` is the element showing the title and
    ``near`` the text nodes around it (:func:`articlekit.metadata.scan.text_near`),
    ``close_by`` the few right next to it;
    ``site_names`` name the site, which is never its own author.

    A visible byline agreeing with structured data wins, then a strongly
    marked visible byline, then structured person names that the page shows,
    then a weaker visible byline or a by-line anywhere in the page; only then
    the names of tags written for the author alone (Parse.ly, Dublin Core) and
    an organisation declared as the author that is not the site itself.
    """
    # A site or body named as the author is dropped (a CMS prints the account that
    # saved the post), unless the page says so in words: "Von Deutscher Tennis Bund",
    # "Written by Miami Today"
    visible = [
        (score, _without_site(byline, site_names))
        for score, byline, explicit in _visible(tree, candidates, headline, near, close_by)
        if not all(
            (_is_site(name, site_names, loose=False) and not explicit) or _INSTITUTION.search(name)
            for name in byline.authors
        )
    ]
    persons, organizations = _structured(meta, article, jsonld)
    persons = [_from_account(name) for name in persons]
    persons = [
        name
        for name in persons
        if not _is_site(name, site_names) and not _ORGANIZATION.search(name) and not name.islower()
    ]
    # a name met again with a better score keeps the place it was first met at
    first_met: dict[str | None, int] = {}
    for index, (_, byline) in enumerate(visible):
        first_met.setdefault(byline.text, index)
    ranked = [
        item
        for _, item in sorted(
            enumerate(visible), key=lambda x: (-x[1][0], first_met[x[1][1].text], x[0])
        )
    ]
    if persons:
        agreeing = [
            (score, byline) for score, byline in ranked if _overlap(byline.authors, persons)
        ]
        if agreeing:
            # the candidate with the fewest words beyond the declared names:
            # "Katharina Schmidt" over "Katharina Schmidt Kategorien: Mode"
            best = min(agreeing, key=lambda item: (_extra_words(item[1], persons), -item[0]))[1]
            return _trimmed(best, persons)
    if _author_groups([b for score, b in ranked if score >= _STRONG_SCORE]) >= _LISTING_AUTHORS:
        return Byline(listing=True)
    if ranked and ranked[0][0] >= _STRONG_SCORE:
        return _with_coauthors(ranked[0], ranked)
    if persons and _shown(tree, persons):
        return Byline(", ".join(persons), tuple(persons))
    for score, byline in ranked:
        if score >= _WEAK_SCORE:
            return _with_coauthors((score, byline), ranked)
    anywhere = _by_line_anywhere(tree, site_names)
    if anywhere.authors:
        return anywhere
    dedicated = _dedicated_authors(meta, site_names)
    if dedicated:
        return Byline(", ".join(dedicated), tuple(dedicated))
    # an organisation declared as the author that is not the site itself: a
    # community ("Contributors to Wikimedia projects"), a press office
    others = [name for name in organizations if not _names_site(name, site_names)]
    return Byline(", ".join(others), tuple(others)) if others else anywhere


def _dedicated_authors(meta: MetaTags, site_names: Sequence[str]) -> list[str]:
    """The authors of tags that only an article's author goes into.

    ``<meta name=author>`` is filled by templates with the site, the company or
    the account that saved the page, so it counts only when the page shows the
    name; Parse.ly's, Sailthru's and Dublin Core's (RDFa) author fields and the
    ``byl`` of news CMSs are written per article for analytics and catalogues.
    """
    for key in _DEDICATED_META:
        names = [name for value in meta.all(key) for name in _declared_names(value)]
        names = [
            name
            for name in dict.fromkeys(names)
            if not _is_site(name, site_names) and not _ORGANIZATION.search(name)
        ]
        if names:
            return names
    return []


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


def _with_coauthors(best: tuple[int, Byline], ranked: Sequence[tuple[int, Byline]]) -> Byline:
    """The best byline, or a nearly as good one naming the same people and more.

    Each of several authors is often a link of its own ("<a>Clara Löw</a>, <a>Klaus
    Jacob</a>"); a link may score above the line holding all of them.
    """
    score, byline = best
    names = set(byline.authors)
    for other_score, other in ranked:
        if other_score >= score - 1 and names < set(other.authors):
            return other
    return byline


def _by_line_anywhere(tree: html.HtmlElement, site_names: Sequence[str]) -> Byline:
    """A short "Von Jane Doe" / "Posted by jd" block anywhere in the page.

    The last resort for templates that mark nothing up and print the author
    away from the headline (at the end of the text, in a footer line of the
    post).  Only a block that starts with the by-word counts, so "von" in the
    middle of a German sentence does not.
    """
    body = tree.find("body")
    memo: dict[html.HtmlElement, bool] = {}
    nodes = tree.xpath(
        _BODY_TEXT_XPATH, initials=_BY_INITIALS, pairs=_BY_PAIRS, upper=_UPPER, lower=_LOWER
    )
    for node in nodes:
        if not (_BY_START.match(node) or _BY_INSIDE.match(node)):
            continue
        block = node.getparent()
        if block is None:
            continue
        if node.is_tail:
            # "...<br><br>Autor: <a>Rechtsanwalt</a> Jane Doe</div>": a line of its own
            # at the end of a text written with line breaks
            if (
                block.tag != "br"
                or block.getparent() is None
                or node.lstrip()[:4].lower() == "text"
            ):
                continue
            text = _line_after(block)
            block = block.getparent()
        else:
            text = " ".join(" ".join(block.itertext()).split())
        # "Von Mob mit Macheten ermordet:" opens a teaser's kicker, not a byline
        if (
            len(text) > 100
            or text.endswith(":")
            or _photo_credit(block)
            or _excluded(block, body, memo)
            or _repeated(tree, block)
        ):
            continue
        inside = _BY_INSIDE.match(text)
        byline = clean_byline(text[inside.start(1) :] if inside else text)
        if byline.authors and all(_plain_name(name, site_names) for name in byline.authors):
            return byline
    return Byline()


def _line_after(br: html.HtmlElement) -> str:
    """The text from a ``<br>`` to the next one (or the end of its parent)."""
    parts = [br.tail or ""]
    for sibling in br.itersiblings():
        if sibling.tag == "br":
            break
        parts.append(sibling.text_content())
        parts.append(sibling.tail or "")
    return " ".join(" ".join(parts).split())


def _repeated(tree: html.HtmlElement, block: html.HtmlElement) -> bool:
    """True for one card of a list of teasers: the same kind of element elsewhere
    names someone else ("<p class=podcast-card__authors>Par Olivier Minot</p>" on
    each episode).  The same by-line above and below a post is not a list."""
    mark = block.get("class")
    if not mark:
        return False
    text = block.text_content()
    return any(
        other.text_content() != text for other in tree.xpath(_SAME_CLASS, tag=block.tag, mark=mark)
    )


def _plain_name(name: str, site_names: Sequence[str]) -> bool:
    """A person's name or a user name, not an organisation, site or phrase."""
    words = name.split()
    if _ORGANIZATION.search(name) or _is_site(name, site_names, loose=False):
        return False
    if len(words) == 1:
        return not (name.isupper() and len(name) > 1)
    return _is_strict_name(name)
