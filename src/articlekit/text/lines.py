"""Short-line patterns of page text dumps: buttons, menus, credits, banners, end-of-article cues.

Each test reads one whitespace-collapsed line and knows nothing of its
neighbours; :mod:`articlekit.text.dump` weighs them in context.  The patterns are
those of page templates in general (EN/DE/FR/ES at least), not of any one site.
"""

from __future__ import annotations

import re

from articlekit.metadata.textdates import MONTH_NAMES, iso_date

__all__ = [
    "STOPWORDS",
    "byline_of",
    "credit_of",
    "is_boilerplate_line",
    "is_button_line",
    "is_byline_or_date",
    "is_end_marker",
    "stopword_ratio",
]

# Words of share/print/menu widgets; a line made only of these is widget residue.
_BUTTON_WORDS = frozenset(
    [
        "print",
        "more",
        "share",
        "tweet",
        "email",
        "e-mail",
        "mail",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "pinterest",
        "reddit",
        "telegram",
        "pocket",
        "tumblr",
        "xing",
        "flipboard",
        "messenger",
        "copy",
        "link",
        "url",
        "save",
        "bookmark",
        "like",
        "comment",
        "comments",
        "reply",
        "follow",
        "subscribe",
        "sms",
        "rss",
        "feed",
        "menu",
        "search",
        "close",
        "open",
        "home",
        "top",
        "back",
        "next",
        "previous",
        "prev",
        "skip",
        "to",
        "content",
        "main",
        "navigation",
        "toggle",
        "login",
        "log",
        "in",
        "sign",
        "up",
        "register",
        "drucken",
        "teilen",
        "mehr",
        "merken",
        "kommentieren",
        "kommentare",
        "versenden",
        "senden",
        "schließen",
        "suche",
        "menü",
        "zurück",
        "weiter",
        "nach",
        "oben",
        "imprimer",
        "partager",
        "plus",
        "envoyer",
        "fermer",
        "rechercher",
        "recherche",
        "accueil",
        "imprimir",
        "compartir",
        "más",
        "enviar",
        "cerrar",
        "buscar",
        "inicio",
        "x",
        "this",
        "on",
        "via",
        "article",
        "story",
        "page",
    ]
)
_STOP_EN = """
    a about after all also an and any are as at be been but by can could did do does for from
    had has have he her his how i if in into is it its just more most my no not of on one or
    our out she so some than that the their them then there these they this to up was we were
    what when which who will with would you your
"""
_STOP_DE = """
    aber als am an auch auf aus bei bin bis das dass dem den der des die dies doch du ein eine
    einem einen einer es für hat hatte ich ihr im in ist ja kann mit nach nicht noch nur ob oder
    sein sich sie sind so um und uns von vor war was wenn werden wie wir wird zu zum zur über
"""
_STOP_FR = """
    au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais me
    même mon ne nous on ou par pas pour qu que qui sa se ses son sont sur ta te tu un une vous
    été était être a y
"""
_STOP_ES = """
    al algo como con de del el ella en entre era es esta este esto fue ha hay la las le lo los
    mas me mi muy no nos o para pero por que se ser si sin sobre su sus también te un una uno y ya
"""
_STOP_OTHER = """
    il di che non per una sono anche della nel het een van en ik je niet op te dat zijn voor
    com não uma os as mais na no da em por
"""
STOPWORDS = frozenset((_STOP_EN + _STOP_DE + _STOP_FR + _STOP_ES + _STOP_OTHER).split())
_WORD = re.compile(r"\w+")

_BOILERPLATE = re.compile(
    r"^(?:"
    r"skip to (?:main )?(?:content|navigation|main|search)|zum (?:inhalt|hauptinhalt) springen|"
    r"aller au contenu(?: principal)?|saltar al contenido(?: principal)?|"
    r"(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados).*|"
    r"(?:copyright|©|\(c\)) .{0,150}|.{0,150}(?:©|copyright) ?\d{4}.{0,150}|"
    r"share (?:this|on|via)\b.{0,80}|click to (?:share|email|print).{0,80}|"
    r"(?:like|share) this:?|like loading\.*|loading\.*|"
    r"(?:follow|find) us on .{0,60}|diesen artikel teilen|artikel teilen|"
    r"partager (?:cet|l')article|"
    r"compartir (?:este )?(?:artículo|en).{0,40}|"
    r"(?:subscribe|sign up) (?:to|for) (?:our|the) (?:newsletter|mailing list|updates).{0,120}|"
    r"(?:newsletter|abonnieren|abonnez-vous|suscríbete).{0,60}|.{0,60}\bnewsletters?\b.{0,60}|"
    r".{0,120}\b(?:we use cookies|uses cookies|cookie policy|cookie settings|"
    r"accept (?:all )?cookies|"
    r"verwendet cookies|nutzt cookies|utilise des cookies|utiliza cookies)\b.{0,250}|"
    r"(?:accept|decline|agree|ok|got it|i agree|alle akzeptieren|akzeptieren|accepter|aceptar)|"
    r"(?:advertisement|anzeige|werbung|publicité|publicidad|sponsored|ad)|"
    r"(?:continue reading|weiterlesen|lire la suite|seguir leyendo|read more|mehr lesen|"
    r"read (?:the )?full (?:story|article)|full story|learn more|leer más|leer mas|"
    r"en savoir plus|mehr erfahren|zum artikel)\W*|"
    r"(?:lesen sie (?:auch|mehr|hier)|read (?:also|more|next)|see also|also read|"
    r"(?:à )?lire aussi|lea también|lee también|ver también|mehr dazu|auch interessant|"
    r"das könnte sie auch interessieren)\s*:.{0,200}|"
    r"(?:previous|next) (?:post|article|story)\W?.{0,150}|"
    r"(?:posted|filed) (?:in|under):? .{0,150}|tagged:? .{0,150}|tags?: .{0,200}|"
    r"(?:schlagwörter|stichwörter|étiquettes|etiquetas|kategorien|categories|category):? .{0,200}|"
    r"(?:related|popular|trending|recommended) (?:posts|articles|stories|content|links)|"
    r"(?:back to top|nach oben|retour en haut|volver arriba)|"
    r"(?:sign in|log in|login|register|anmelden|registrieren|se connecter|iniciar sesión)"
    r"(?: \| .{0,40})?|"
    r"(?:privacy policy|terms of (?:use|service)|impressum|datenschutz(?:erklärung)?|"
    r"mentions légales|aviso legal|contact us|about us|sitemap|kontakt)"
    r"(?: [|·•-] .{0,80})?|"
    r"(?:photo|foto|image|bild|credit|crédit|quelle|source|fuente)s?\s*:.{0,80}"
    r")$",
    re.IGNORECASE,
)

# What ends an article: related lists, share bars, tag lines, author boxes, comments.
_END_MARKER = re.compile(
    r"^(?:"
    r"related(?: (?:posts|articles|stories|content|reading|coverage|links))?:?|"
    r"(?:you (?:may|might) also (?:like|enjoy)|more (?:from|on|in) .{1,60}|read (?:more|next)|"
    r"recommended(?: for you)?|popular (?:posts|articles|now)|most (?:read|popular|viewed)|"
    r"trending(?: now)?|see also|further reading|latest (?:news|posts|articles))\W*|"
    r"(?:you (?:may|might) have missed|don't miss|also read|read also|keep reading|"
    r"more (?:stories|articles|news)|editor'?s picks|recent (?:posts|comments))\W*|"
    r"(?:das könnte (?:sie|dich|euch) auch interessieren|mehr zum thema|"
    r"(?:weitere|ähnliche|verwandte|passende) (?:artikel|beiträge|themen|meldungen|nachrichten)|"
    r"lesen sie auch|lies auch|auch interessant|schon gelesen|"
    r"(?:meist(?:gelesen|diskutiert|kommentiert)e?|beliebte|populäre) (?:artikel|beiträge|themen)"
    r"(?: der letzten \d+ tage)?|meistgelesen|(?:aktuelle|neueste) kommentare|"
    r"weiterführende links|top[- ]themen(?: der redaktion)?)\W*|"
    r"(?:à lire aussi|lire aussi|sur le même sujet|dans la même rubrique|articles similaires|"
    r"les plus lus|à lire également)\W*|"
    r"(?:te puede interesar|artículos relacionados|noticias relacionadas|lo más leído|"
    r"también te puede interesar|lee también|leia também|veja também)\W*|"
    r"(?:czytaj (?:też|także|również)|zobacz (?:też|także|również)|polecamy|"
    r"leggi anche|potrebbe interessarti|lees ook|gerelateerde artikelen)\W*|"
    r"share this(?: article| story| post)?:?|like this:?|"
    r"about the author|über den autor|à propos de l'auteur|sobre el autor"
    r")$",
    re.IGNORECASE,
)

_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|"
    r"actualizado)(?: on| am| le| el)?:?\s*)?"
    r"(?:\w+,?\s+)?(?:\d{1,2}[./ ]\s*)?(?:\w+\.?\s+)?\d{1,2},?\s+\d{4}.{0,40}$"
    r"|^\d{4}-\d{2}-\d{2}.{0,30}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,30}$",
    re.IGNORECASE,
)
_BYLINE_PREFIX = re.compile(
    r"^(?:by|von|par|por|from|text|texte|texto|autor|autora|auteur|auteure|author|written by)"
    r"(?:\s*:\s*|\s+)",
    re.IGNORECASE,
)
# "Posted on", "Veröffentlicht am", "Publié le", "Publicada el": the verb of a dateline
_DATELINE_VERB = re.compile(
    r"^(?:posted|published|written|updated|last updated|submitted|geschrieben|veröffentlicht|"
    r"verfasst|erstellt|aktualisiert|publié|publiée|écrit|écrite|mis en ligne|mis à jour|"
    r"mise à jour|publicado|publicada|escrito|escrita|actualizado|actualizada)"
    r"(?:\s+(?:on|am|le|el|the|at))?(?:\s*:\s*|\s+|$)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BY_WORD = re.compile(
    r"\b(?:by|von|par|por|from|text|texte|texto|autor|autora|auteur|auteure|author)\b",
    re.IGNORECASE,
)
_BY_WORD = re.compile(r"(?:^|\s)(?:by|von|par|por)\s+", re.IGNORECASE)
_HARD_SEPARATOR = frozenset("|·•–—/")
_PARTICLES = "de del della di da das do dos van von der den du la le y and und et e & mc"
_NAME_PARTICLES = frozenset(_PARTICLES.split())
_DAY_AND_CLOCK_WORDS = """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr
    sa so lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves
    viernes sábado domingo at um à a las los h uhr am pm on le el de the of st nd rd th er o
    clock in
    """
_DATE_WORDS = frozenset(_DAY_AND_CLOCK_WORDS.split())
# Job titles after a byline's names ("By Jane Doe, Senior Staff Writer")
_ROLES = """
    staff writer writers reporter editor editors correspondent columnist contributor contributing
    senior chief technologist director manager analyst professor fellow founder president
    producer photographer author redakteur redakteurin korrespondent korrespondentin autor
    autorin reporterin chefredakteur chefredakteurin journalist journalistin journaliste
    rédacteur rédactrice correspondant correspondante chroniqueur chroniqueuse envoyé envoyée
    periodista redactor redactora corresponsal columnista enviado enviada colaborador colaboradora
"""
_ROLE_WORDS = frozenset(_ROLES.split())


def _is_month_or_day(token: str) -> bool:
    bare = token.strip(".,;").lower()
    return bare in _DATE_WORDS or bare in MONTH_NAMES


def _leading_names(text: str) -> tuple[str, str]:
    """Capitalised name words at the start of ``text`` and what follows them.

    "Jane Doe and Jean de la Fontaine | 5 March" gives the names and
    "| 5 March"; a month or weekday name before a number ends the names
    ("Jane Doe March 5"), but "Jan" in "Anna Roe und Jan Meier" is a name; a job
    title ends them too ("Jane Doe, Senior Writer").
    """
    tokens = text.split()
    taken = 0
    for position, token in enumerate(tokens):
        bare = token.strip(",;")
        if not bare or bare[0] in _HARD_SEPARATOR:
            break
        if bare.lower() in _NAME_PARTICLES and taken:
            taken += 1
            continue
        if (
            taken
            and _is_month_or_day(bare)
            and any(ch.isdigit() for ch in "".join(tokens[position + 1 : position + 3]))
        ):
            break
        if not (bare[0].isupper() and not any(ch.isdigit() for ch in bare)):
            break
        if bare.lower() in _ROLE_WORDS:
            break
        taken += 1
        if token.endswith(";"):
            break
    names = tokens[:taken]
    while names and names[-1].strip(",;").lower() in _NAME_PARTICLES:
        names.pop()
    rest = " ".join(tokens[len(names) :])
    return " ".join(names).strip(" ,;"), rest


def _is_date_only(text: str) -> bool:
    """True when ``text`` is a date with at most two other words ("12 March 2023 · 2 min read")."""
    if len(text) > 80 or iso_date(text) is None:
        return False
    others = [
        t
        for t in _WORD.findall(text)
        if t.strip("0123456789") and not _is_month_or_day(t.strip("0123456789") or t)
    ]
    return len(others) <= 2


_CREDIT_PREFIX = re.compile(
    r"^(?:photo|photograph|foto|image|bild|picture|credit|crédit|crédito|quelle|source|fuente|"
    r"fotografía|illustration|grafik|video)s?(?:\s+(?:by|von|de|par|courtesy of))?\s*[:/]\s*(.+)$"
    r"|^(?:©|\(c\)|copyright)\s*(.+)$"
    r"|^(?:photo|foto|image|picture)s?\s+(?:by|von|de|par|courtesy of)\s+(.+)$",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"^(?:AP|AFP|Reuters|dpa|EPA|Getty Images|Getty|Shutterstock|iStock|Imago|picture alliance|"
    r"Keystone|ANP|EFE|Europa Press|Wikimedia Commons|Unsplash|Pixabay|Flickr|"
    r"(?:[A-Z][\w.-]+ ){0,3}(?:/ ?)?(?:AP|AFP|Reuters|dpa|Getty Images|EPA|Imago))"
    r"(?:\s*(?:/|via|,)\s*.{1,60})?$"
)
_ORG_CREDIT = re.compile(
    r"^(?:(?:the )?(?:office|department|ministry|courtesy|press office|archive|archiv|collection)"
    r"\b.{2,80}|.{2,60}\b(?:press|archive|archiv|photography|photos|images|pictures|studio))$",
    re.IGNORECASE,
)


def words(line: str) -> list[str]:
    """The ``\\w+`` tokens of ``line``."""
    return _WORD.findall(line)


def stopword_ratio(line: str) -> float:
    """Share of the line's words that are function words of EN/DE/FR/ES/IT/NL/PT."""
    tokens = _WORD.findall(line.lower())
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t in STOPWORDS) / len(tokens)


def is_button_line(line: str) -> bool:
    """True for share/print widget residue: "Print More", "Share Tweet Email"."""
    tokens = [t.lower() for t in _WORD.findall(line)]
    return 0 < len(tokens) <= 12 and all(t in _BUTTON_WORDS or t.isdigit() for t in tokens)


def is_boilerplate_line(line: str) -> bool:
    """True for template text that is never article content (skip links, cookies, legal)."""
    return len(line) <= 400 and _BOILERPLATE.match(line) is not None


def is_end_marker(line: str) -> bool:
    """True for a header that starts what follows an article (related posts, share bars)."""
    return len(line) <= 80 and _END_MARKER.match(line) is not None


def is_byline_or_date(line: str) -> bool:
    """True for "By Jane Doe", "March 5, 2014", "Published on 05.03.2014" and the like.

    Datelines with names count too: "Publicada el 3 de marzo de 2021 por Ana Ruiz".
    """
    if len(line) > 120:
        return False
    if _DIGIT.search(line) is None:
        # every date has digits; most lines are settled by this one search
        return byline_of(line) is not None
    if _DATE_LINE.match(line) is not None or byline_of(line) is not None:
        return True
    # every date read here has a four-digit year, and a date line is short
    return (
        len(line) <= 100
        and _FOUR_DIGITS.search(line) is not None
        and _is_date_only(_DATELINE_VERB.sub("", line, count=1))
    )


def byline_of(line: str) -> str | None:
    """The names of a "By Jane Doe and John Roe" line, as the page shows them.

    Datelines give their names too: "Posted on October 2, 2017 by Jane Doe",
    "Publicada el 3 de marzo de 2021 por Ana Ruiz", "By Jane Doe | May 5, 2020",
    "Par Jean Dupont, le 3 mars 2021".  Names must be capitalised, and what
    precedes the "by" must be a dateline verb or a date, so "Par exemple" or
    "by the way" are no bylines.
    """
    if len(line) > 160:
        return None
    lowered = line.lower()
    # substring tests first: most lines have none of the words a byline needs
    if not (
        "by" in lowered
        or "von" in lowered
        or "par" in lowered
        or "por" in lowered
        or "from" in lowered
        or "text" in lowered
        or "aut" in lowered
    ):
        return None
    rest = _DATELINE_VERB.sub("", line, count=1).strip()
    prefix = _BYLINE_PREFIX.match(rest)
    if prefix is not None:
        after = rest[prefix.end() :]
    else:
        found = _BY_WORD.search(rest)
        if found is None:
            return None
        before = rest[: found.start()].strip(" ,|·•–—-")
        if before and not _is_date_only(before):
            return None
        after = rest[found.end() :]
    names, tail = _leading_names(after)
    if not names or len(names) > 100:
        return None
    tail = tail.strip()
    if (
        tail
        and not (tail[0] in _HARD_SEPARATOR and len(tail) <= 80)
        and not _is_date_only(tail)
        and not _ROLE_WORDS.intersection(tail.lower().replace(",", " ").split()[:4])
    ):
        return None
    return names


def _name_like(line: str) -> bool:
    tokens = line.replace("/", " ").split()
    if not 1 <= len(tokens) <= 6 or line[-1:] in ".!?:;,":
        return False
    capitalized = sum(
        1 for t in tokens if t[:1].isupper() or t.lower() in ("of", "de", "von", "the")
    )
    return capitalized == len(tokens)


def credit_of(line: str) -> str | None:
    """The credit a line gives to a picture ("Photo: AP" gives "AP"), or None.

    A bare name ("Office of the Mayor", "Jane Doe/Reuters") counts only when it
    looks like a name; callers use this next to a caption, where names are credits.
    """
    if len(line) > 100:
        return None
    match = _CREDIT_PREFIX.match(line)
    if match:
        credit = next(g for g in match.groups() if g)
        return credit.strip() or None
    if _AGENCY.match(line) or _ORG_CREDIT.match(line) or _name_like(line):
        return line
    return None
