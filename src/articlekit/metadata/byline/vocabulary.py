"""The language words of bylines: by-words, author labels, job titles, words that
are never names, newsroom and organisation words, as the patterns and word sets
the other byline modules match with.
"""

from __future__ import annotations

import re

__all__ = [
    "AUTHOR_LABEL",
    "BY_INITIALS",
    "BY_INSIDE",
    "BY_PAIRS",
    "BY_START",
    "BY_VERB",
    "CARD_AUTHOR_LABEL",
    "CONVERSATION",
    "DATE_CUT",
    "DATE_LINE",
    "DATE_WORDS",
    "DESK_WORDS",
    "INSTITUTION",
    "LINKS",
    "NEWSROOM",
    "NOT_NAME",
    "ORGANIZATION",
    "PARTICLES",
    "PREFIX",
    "ROLE_WORDS",
    "SAYS",
    "SPLIT",
]

BY_START = re.compile(
    r"^\s*(?:[-\u2013\u2014*~|]+\s*)?(?:(?:by|von|par|por|text|autor(?:in|en)?|author|auteur|autora|"
    r"written by|geschrieben von|ein beitrag von|publié par|escrito por|thread starter|"
    r"themenstarter)(?:\s*:)?(?:\s|$)|(?:redaktion|redakteur(?:in)?)\s*:\s|"
    r"(?:文|撰文|作者|记者|記者|责任编辑|編集|取材|بقلم|كتب)\s*[・:：／/])",
    re.IGNORECASE,
)
BY_INSIDE = re.compile(
    r"^\s*(?:posted|written|published|submitted|gespeichert|geschrieben|verfasst|erstellt|veröffentlicht|"
    r"publié|écrit|escrito|publicado)\b.{0,60}?\s(by|von|par|por)(?:\s*:)?(?:\s|$)",
    re.IGNORECASE,
)
# "Presseartikel vom 12. Oktober 1999, verfasst von Jane Doe": a by-phrase after a comma
BY_VERB = re.compile(
    r",\s*(?:verfasst|geschrieben|written|posted|escrito|écrit|publié|publicado)\s+"
    r"(by|von|par|por)\s",
    re.IGNORECASE,
)
# Words of organisation names: a CMS or feed puts the company where the author goes.
ORGANIZATION = re.compile(
    r"\b(?:gmbh|ag|se|kg|e\.?\s?v|inc|ltd|llc|corp|co|sa|s\.a|plc|verband|bundesverband|"
    r"institut|institute|ministerium|ministry|amt|abteilung|feuerwehr|verein|partei|stiftung|"
    r"media|verlag|newsroom|agency|agentur|department|departement|university|"
    r"universität|gruppe|group|team|news)\b",
    re.IGNORECASE,
)
# Public bodies and associations: shown as the page's owner, not as its author.
INSTITUTION = re.compile(
    r"(?:verband|institut|ministerium|stiftung|magazin|magazine)\b|\b(?:amt|abteilung|"
    r"feuerwehr|verein|partei|ministry|department|universität|university)\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREFIX = re.compile(
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
AUTHOR_LABEL = re.compile(
    r"(?<!\S)(?:autor(?:in|en)?|authors?|auteurs?|autora?|texte?|texto|by|von|par|por|"
    r"redaktion)\s*:\s",
    re.IGNORECASE,
)
# "Anna sagt:" heads a comment, not an article
SAYS = re.compile(r"\b(?:sagt|says|said|wrote|schreibt|schrieb|dit|dice|escribió)\s*:", re.I)
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
DATE_LINE = re.compile(
    rf"\d{{4}}|\b(?:min(?:ute)?s?\s+read|lesezeit|read|published|publicado|publié|"
    rf"veröffentlicht|hace|ago)\b|\b(?:{_WEEKDAYS_MONTHS})\b",
    re.I,
)
DATE_CUT = re.compile(
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
SPLIT = re.compile(
    r"\s*(?:,|;|/|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b(?!\.)|\bsowie\b|\ben\b|\bwith\b|"
    r"\bmit\b|\bavec\b|\bcon\b)\s*",
    re.IGNORECASE,
)
# "Richard David Precht im Gespräch mit Karin Fischer": a radio interview names both
CONVERSATION = re.compile(r"\s+(?:im\s+gespräch\s+mit|in\s+conversation\s+with)\s+", re.I)
ROLE_WORDS = _words(
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
NOT_NAME = _words(
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
DATE_WORDS = _words(_WEEKDAYS_MONTHS.replace("|", " "))
PARTICLES = _words(
    "von van de der den del della da di du la le los las y zu zur ten ter bin al el dos"
)
# role words that also join a name to its newspaper ("Jane Doe for The Times")
LINKS = _words("the at for für of head")
# the dashes that may open a by-line, and by-words of BY_START written in one character
BY_INITIALS = "文撰作记記责編取بك-\u2013\u2014*~|"
# first two letters (lower case) of the by-words of BY_START and BY_INSIDE
BY_PAIRS = "|by|vo|pa|po|te|au|wr|ge|ei|pu|es|su|ve|er|éc|"
DESK_WORDS = _words("redaktion team webteam newsdesk desk")
NEWSROOM = _words("redaktion redaction rédaction redacción redazione newsdesk")
CARD_AUTHOR_LABEL = re.compile(
    r"\s*(?:written\s+by|verfasst\s+von|geschrieben\s+von|écrit\s+par|escrito\s+por|"
    r"scritto\s+da|autor(?:in)?|author|auteur)\s*:?\s*$",
    re.IGNORECASE,
)
