"""Boilerplate text: is a short text template residue rather than article text?

Matched against the whole normalized text of a small element, so "Print" goes but
a sentence mentioning printing stays.  Three tests, each behind a cheap gate:

- short-text patterns ("Advertisement", "Read more ...", "12 thoughts on ...",
  "Leave a Reply", "Lesen Sie auch: ..."), gated by the text's first word;
- rows of button words ("Share Tweet Email", "Drucken Teilen");
- reply-form and consent fine print ("Your email address will not be published"),
  gated by a word that each sentence holds.
"""

from __future__ import annotations

import re

from articlekit.content.class_hints import literal_alternation

__all__ = ["FINE_PRINT", "FINE_PRINT_LIMIT", "is_boilerplate_text"]

_BUTTON_WORDS = frozenset(
    [
        "print",
        "share",
        "shares",
        "sharing",
        "tweet",
        "email",
        "e-mail",
        "mail",
        "more",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "pinterest",
        "whatsapp",
        "reddit",
        "telegram",
        "tumblr",
        "pocket",
        "flipboard",
        "xing",
        "messenger",
        "copy",
        "link",
        "save",
        "bookmark",
        "comment",
        "comments",
        "reply",
        "like",
        "likes",
        "follow",
        "subscribe",
        "gplus",
        "google+",
        "google",
        "plus",
        "sms",
        "this",
        "on",
        "via",
        "drucken",
        "teilen",
        "teile",
        "twittern",
        "merken",
        "kopieren",
        "speichern",
        "mehr",
        "teilt",
        "imprimer",
        "partager",
        "partagez",
        "envoyer",
        "enregistrer",
        "copier",
        "lien",
        "plus",
        "tweeter",
        "imprimir",
        "compartir",
        "comparte",
        "enviar",
        "guardar",
        "copiar",
        "enlace",
        "más",
        "mas",
        "correo",
        "print-friendly",
        "printer-friendly",
        "pdf",
        "whatsapp-share",
        "facebook-share",
        "twitter-share",
    ]
)

_SHORT_PATTERNS = re.compile(
    r"""^(?:
      advertisement|advertisements|sponsored(?:\s+content)?|ad|anzeige|werbung|publicité|
      publicite|publicidad|anuncio|pub|annonce|
      share\s+(?:this|on|via)[^.]{0,40}|share\s+this\s+(?:article|story|post)|
      skip\s+to\s+(?:main\s+)?content|skip\s+to\s+navigation|zum\s+inhalt\s+springen|
      aller\s+au\s+contenu|saltar\s+al\s+contenido|
      continue\s+reading.{0,120}|read\s+more.{0,120}|read\s+the\s+full\s+(?:story|article)|
      weiterlesen|mehr\s+lesen|lire\s+la\s+suite|en\s+savoir\s+plus|leer\s+más|seguir\s+leyendo|
      sigue\s+leyendo|leer\s+mas|
      (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:thoughts?|responses?|
      comments?|replies|reactions?)\s+(?:on|to)\b.{0,300}|
      \d+\s*(?:/|of|von|de|sur|aus)\s*\d+|
      (?:\d+|no|one)\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|
      antworten|réponses?|respuestas?)|
      comments?|responses?|kommentare|commentaires|comentarios|
      leave\s+a\s+(?:reply|comment).{0,80}|post\s+(?:a\s+)?comment|add\s+(?:a\s+)?comment|
      cancel\s+reply|submit\s+comment|
      schreibe\s+einen\s+kommentar.{0,80}|kommentar\s+(?:verfassen|schreiben|abschicken)|
      antwort\s+abbrechen|hinterlasse\s+einen\s+kommentar|
      laisser\s+un\s+commentaire.{0,80}|laisser\s+une\s+réponse.{0,80}|annuler\s+la\s+réponse|
      deja\s+un\s+comentario.{0,80}|deja\s+una\s+respuesta.{0,80}|cancelar\s+respuesta|
      publicar\s+comentario|
      related(?:\s+(?:posts|articles|stories|content|links|topics))?|
      you\s+(?:may|might)\s+also\s+like.{0,40}|more\s+(?:from|on|in)\s+.{0,60}|
      recommended(?:\s+for\s+you)?|most\s+(?:popular|read|viewed)|trending(?:\s+now)?|
      das\s+könnte\s+sie\s+auch\s+interessieren|mehr\s+zum\s+thema.{0,60}|lesen\s+sie\s+auch.{0,200}|
      auch\s+interessant.{0,60}|ähnliche\s+(?:artikel|beiträge)|
      à\s+lire\s+aussi.{0,200}|a\s+lire\s+aussi.{0,200}|lire\s+aussi.{0,200}|sur\s+le\s+même\s+sujet|
      articles\s+similaires|
      te\s+puede\s+interesar.{0,200}|también\s+te\s+puede\s+interesar.{0,200}|lee\s+también.{0,200}|
      le\s+puede\s+interesar.{0,200}|lea\s*(?:también|además|más)?\s*:.{0,200}|
      (?:lee|leer|ver)\s+(?:también|además).{0,200}|czytaj\s+(?:też|także|również|więcej).{0,200}|
      dowiedz\s+się\s+więcej|więcej|schon\s+gelesen\??|(?:diesen\s+)?artikel\s+teilen|
      (?:war|ist)\s+(?:der|dieser)\s+artikel\s+(?:nützlich|hilfreich)\??|
      möchten\s+sie\s+(?:den|diesen)\s+artikel\s+teilen\??|
      (?:hier\s+können\s+sie\s+)?(?:den\s+)?artikel\s+bewerten|zurück(?:\s+zu[rm]?\s+.{0,40})?|
      bild\s+anzeigen|empfohlene\s+(?:beiträge|artikel)|
      weitere\s+(?:aktuelle\s+)?(?:artikel|beiträge|nachrichten|themen|meldungen)(?:\s+\S+){0,5}|
      nos\s+siga\s+no.{0,60}|siga-nos.{0,60}|síguenos\s+en.{0,60}|
      never\s+miss\s+the\s+latest.{0,150}|receive\s+our\s+.{0,40}newsletter.{0,80}|
      do\s+you\s+want\s+to\s+be\s+informed.{0,150}|was\s+this\s+(?:article|post)\s+helpful\??|
      rate\s+this\s+(?:article|post)|auch\s+lesen:?.{0,200}|zum\s+weiterlesen.{0,200}|
      mehr\s+zu[mr]?\s+.{0,60}|das\s+(?:thema|könnte)\s+.{0,30}interessieren:?.{0,200}|
      temas\s+relacionados|notas\s+relacionadas|compartir(?:\s+nota)?|puedes\s+ver:.{0,200}|
      vea\s+también:?.{0,200}|mira\s+también:?.{0,200}|ezek\s+is\s+érdekelhetnek|latest\s+on:?|
      weitere\s+beiträge.{0,60}|\(?noch\s+keine\s+bewertungen\)?|aufrufe:?\s*\d*|
      this\s+entry\s+was\s+posted.{0,200}|der\s+beitrag\s+wurde\s+am.{0,200}|
      alle\s+angaben\s+ohne\s+gewähr|kontakt:?|contact(?:\s+us)?:?|weitere\s+informationen:?|
      quelle:.{0,80}|source:.{0,80}|fuente:.{0,80}|(?:foto|photo|bild|image)s?\s*:.{0,60}|
      \(?crédito:.{0,80}|cr[ée]dits?(?:\s+photos?)?\s*:.{0,80}|photo\s+credits?\s*:.{0,80}|
      bildnachweis\s*:?.{0,100}|beitragsbild\s*:?.{0,100}|
      mehr\s+themen:?|autor(?:en|in)?:?|authors?:?|auteurs?\s?:?|
      autores?:?|titelbild:?.{0,60}|jetzt\s+registrieren|vorschau\s+auf\s+den\s+nächsten\s+artikel|
      lesen\s+sie\s+hier\s*:?\s+.{0,100}|siehe\s+auch\s*:?\s+.{0,200}|
      (?:mire|mira)\s*:\s+.{0,200}|dowiedz\s+się\s+więcej\s*:\s+.{0,200}|originalpublikation:?|quellenangaben:?|quellen:?|
      more\s+stories:?|top\s+stories:?|
      noticias\s+relacionadas|artículos\s+relacionados|
      tags?:.{0,300}|tags|topics|themen|schlagwörter|schlagworte|étiquettes|mots-clés|etiquetas|
      temas|watch\s*:.{0,150}|video\s*:.{0,150}|
      subscribe(?:\s+now)?|sign\s+up(?:\s+now)?|jetzt\s+abonnieren|abonnez-vous|suscríbete|tagged(?:\s+with)?:?.{0,300}|filed\s+under:?.{0,300}|posted\s+in:?.{0,200}|
      categories:.{0,300}|schlagwörter:?.{0,300}|schlagworte:?.{0,300}|themen:.{0,300}|
      étiquettes\s?:.{0,300}|mots-clés\s?:.{0,300}|etiquetas:.{0,300}|
      sign\s+up\s+for\s+(?:our|the)\s+.{0,80}newsletter.{0,120}|subscribe(?:\s+now)?\s+to\s+.{0,80}|
      (?:hazte|hágase)\s+(?:miembro|socio).{0,80}|become\s+a\s+(?:member|subscriber).{0,80}|
      jetzt\s+teilen|mehr\s+von\s+[^.!?]{0,40}|auch\s+auf\s+[\w-]+\.[a-z]{2,4}|
      weitere\s+informationen\s+zu[mr]?\s+[^.!?]{0,60}|weitere\s+\w*tipps\b[^.!?]{0,40}|pour\s+lire\s+la\s+suite.{0,150}|video\s+verfügbar\s+bis.{0,30}|
      newsletter.{0,80}|abonnieren.{0,80}|s'abonner.{0,80}|abonnez-vous.{0,80}|suscríbete.{0,80}|
      print\s+this\s+(?:page|article)|email\s+this\s+(?:page|article|story)|
      back\s+to\s+top|nach\s+oben|retour\s+en\s+haut|volver\s+arriba|
      follow\s+us.{0,60}|folgen\s+sie\s+uns.{0,60}|suivez-nous.{0,60}|síguenos.{0,60}|
      like\s+this:?|gefällt\s+mir:?|loading\.{0,3}|chargement\.{0,3}|cargando\.{0,3}|wird\s+geladen\.{0,3}|
      image|photo|foto|bild|video|getty\s+images|
      previous\s+(?:post|article)|next\s+(?:post|article).{0,120}|
      vorheriger\s+artikel|nächster\s+artikel|neueste\s+(?:artikel|beiträge|nachrichten)|
      latest\s+(?:articles|posts|stories|news)|derniers\s+articles|últimas\s+noticias|
      article\s+précédent|article\s+suivant|
      artículo\s+anterior|artículo\s+siguiente
    )[\s.:!»›→>…-]*$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)

# Reply-form and consent fine print: long-ish sentences that only templates write.
FINE_PRINT = re.compile(
    r"""(?:
      your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|
      notify\s+me\s+of\s+(?:new|follow-up)|save\s+my\s+name,?\s+email|
      this\s+site\s+uses\s+akismet|you\s+must\s+be\s+logged\s+in\s+to\s+post|
      (?:deine|ihre)\s+e-?mail-?adresse\s+wird\s+nicht\s+veröffentlicht|
      erforderliche\s+felder\s+sind|pflichtfelder\s+sind\s+mit|
      benachrichtige\s+mich|
      votre\s+adresse\s+(?:e-?mail|de\s+messagerie)\s+ne\s+sera\s+pas\s+publiée|
      les\s+champs\s+obligatoires\s+sont|prévenez-moi|
      tu\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada|
      su\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada|
      los\s+campos\s+obligatorios\s+están\s+marcados|
      (?:we|this\s+(?:site|website))\s+uses?\s+cookies|diese\s+(?:website|seite)\s+verwendet\s+cookies|
      wir\s+verwenden\s+cookies|ce\s+site\s+utilise\s+des\s+cookies|
      nous\s+utilisons\s+des\s+cookies|utilizamos\s+cookies|este\s+sitio\s+(?:web\s+)?utiliza\s+cookies|
      by\s+continuing\s+to\s+(?:use|browse)\s+this\s+(?:site|website)|
      all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|
      todos\s+los\s+derechos\s+reservados|
      if\s+you\s+(?:are|’re|'re)\s+running\s+an\s+ad-?blocker|
      disable\s+your\s+ad-?blocker|
      (?:contains|includes|may\s+contain)\s+affiliate\s+links|
      this\s+page\s+has\s+been\s+(?:visited|viewed|accessed)|
      (?:seite\s+)?zuletzt\s+geändert\s+am|sie\s+sind\s+besucher|you\s+are\s+visitor|
      page\s+last\s+(?:updated|modified)|last\s+modified\s*:|
      dieser\s+(?:text|beitrag|artikel)\s+(?:wurde|ist)\s+.{0,60}(?:veröffentlicht|erschienen)|
      get\s+our\s+(?:weekly\s+|daily\s+|free\s+)?newsletter|email\s+(?:this\s+|it\s+)?to\s+a\s+friend|
      diese\s+seite\s+wurde\s+.{0,20}\s+besucht|we\s+may\s+earn\s+a\s+(?:small\s+)?commission|
      affiliate-links|provisions-links|liens\s+affiliés|enlaces\s+de\s+afiliados|
      click\s+(?:here\s+)?to\s+(?:share|print|email)|opens?\s+in\s+(?:a\s+)?new\s+window|
      (?:log|sign)\s+in\s+to\s+(?:comment|reply)|connectez-vous\s+pour\s+(?:commenter|réagir)|
      melden\s+sie\s+sich\s+an,?\s+um\s+zu\s+kommentieren|
      inicia\s+sesión\s+para\s+comentar|
      ^réagir\b|^kommentieren\b|^comentar\b|
      affiliate[\s-]links?|copyrighted\s+property|without\s+(?:prior\s+)?written\s+permission|
      written\s+permission\s+must\s+be\s+obtained|
      not\s+necessarily\s+(?:reflect|represent)|gibt\s+die\s+meinung\s+des\s+autors\s+wieder|
      not\s+responsible\s+for\s+the\s+(?:opinions|views|content)|
      download\s+(?:the|our)\s+.{0,40}\bapps?\b|straight\s+to\s+your\s+(?:phone|inbox)|
      ^follow\s+.{0,40}\bon\s+(?:twitter|facebook|instagram)|
      canal\s+de\s+(?:telegram|youtube|whatsapp)|als\s+pdf\s+herunterladen|
      we\s+may\s+receive\s+compensation|advertisers\s+do\s+not\s+influence|
      ohne\s+(?:dein|ihr)\s+einverständnis\s+keine\s+verbindung|korzystamy\s+z\s+(?:plików\s+)?cookies|
      eingeloggt\s+sein,?\s+um\s+(?:kommentare|zu\s+kommentieren)|
      unser(?:em|en)?\s+(?:telegram|whatsapp)-kanal|rss\s*2\.0[\s-]*feed|
      (?:wurde|wurden)\s+(?:erfolgreich\s+)?(?:zum\s+warenkorb\s+|zur\s+merkliste\s+)?hinzugefügt|
      (?:was|were|has\s+been|have\s+been)\s+(?:successfully\s+)?added\s+to\s+
      (?:your\s+)?(?:cart|basket|wish\s?list)|
      cancel\s+(?:at\s+)?any\s*time|cancela\s+cuando\s+quieras|jederzeit\s+kündbar|
      résiliable\s+à\s+tout\s+moment
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_SHORT_LIMIT = 320
FINE_PRINT_LIMIT = 400
_WORD = re.compile(r"[\w+-]+")


# First words of _SHORT_PATTERNS: a cheap gate before the big pattern runs.
_STARTERS = frozenset(
    [
        "advertisement",
        "advertisements",
        "sponsored",
        "ad",
        "anzeige",
        "werbung",
        "publicité",
        "publicite",
        "publicidad",
        "anuncio",
        "pub",
        "annonce",
        "share",
        "skip",
        "zum",
        "aller",
        "saltar",
        "continue",
        "read",
        "weiterlesen",
        "mehr",
        "lire",
        "en",
        "leer",
        "seguir",
        "sigue",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "no",
        "comment",
        "comments",
        "response",
        "responses",
        "kommentare",
        "kommentar",
        "commentaires",
        "comentarios",
        "leave",
        "post",
        "add",
        "cancel",
        "submit",
        "schreibe",
        "antwort",
        "hinterlasse",
        "laisser",
        "annuler",
        "deja",
        "cancelar",
        "publicar",
        "related",
        "you",
        "recommended",
        "most",
        "trending",
        "das",
        "auch",
        "ähnliche",
        "à",
        "a",
        "sur",
        "articles",
        "te",
        "también",
        "lee",
        "noticias",
        "artículos",
        "tags",
        "tag",
        "tagged",
        "filed",
        "posted",
        "categories",
        "schlagwörter",
        "schlagworte",
        "themen",
        "étiquettes",
        "mots-clés",
        "etiquetas",
        "sign",
        "subscribe",
        "newsletter",
        "abonnieren",
        "s'abonner",
        "abonnez-vous",
        "suscríbete",
        "print",
        "email",
        "back",
        "nach",
        "retour",
        "volver",
        "follow",
        "folgen",
        "suivez-nous",
        "síguenos",
        "like",
        "gefällt",
        "loading",
        "chargement",
        "cargando",
        "wird",
        "image",
        "photo",
        "foto",
        "bild",
        "video",
        "getty",
        "previous",
        "next",
        "vorheriger",
        "nächster",
        "article",
        "artículo",
        "more",
        "watch",
        "video",
        "tags",
        "topics",
        "themen",
        "temas",
        "jetzt",
        "lea",
        "le",
        "ver",
        "czytaj",
        "dowiedz",
        "więcej",
        "schon",
        "diesen",
        "war",
        "ist",
        "möchten",
        "hier",
        "den",
        "zurück",
        "empfohlene",
        "weitere",
        "nos",
        "siga-nos",
        "never",
        "receive",
        "do",
        "was",
        "rate",
        "auch",
        "zum",
        "das",
        "temas",
        "notas",
        "puedes",
        "vea",
        "mira",
        "mire",
        "hazte",
        "hágase",
        "become",
        "pour",
        "siehe",
        "ezek",
        "latest",
        "noch",
        "aufrufe",
        "this",
        "der",
        "alle",
        "kontakt",
        "contact",
        "quelle",
        "source",
        "fuente",
        "crédito",
        "beitragsbild",
        "mehr",
        "autor",
        "autoren",
        "autorin",
        "author",
        "authors",
        "auteur",
        "auteurs",
        "autores",
        "titelbild",
        "jetzt",
        "vorschau",
        "originalpublikation",
        "quellenangaben",
        "quellen",
        "top",
        "lesen",
        "abonnieren",
        "categories",
        "compartir",
        "s'abonner",
        "schlagworte",
        "suivez-nous",
        "crédito",
        "(crédito",
        "crédit",
        "crédits",
        "credit",
        "credits",
        "bildnachweis",
        "neueste",
        "derniers",
        "últimas",
    ]
)
_FINE_PRINT_GATE = (
    "mail",
    "zuletzt",
    "besucher",
    "visitor",
    "modified",
    "veröffentlicht",
    "erschienen",
    "visited",
    "newsletter",
    "besucht",
    "cookie",
    "required",
    "notify",
    "akismet",
    "logged",
    "felder",
    "benachrichtig",
    "champs",
    "prévenez",
    "correo",
    "campos",
    "rights",
    "rechte",
    "droits",
    "derechos",
    "blocker",
    "click",
    "window",
    "comment",
    "affili",
    "commission",
    "réagir",
    "kommentieren",
    "comentar",
    "copyright",
    "permission",
    "necessarily",
    "meinung",
    "responsible",
    "download",
    "straight",
    "follow",
    "canal",
    "kanal",
    "herunterladen",
    "compensation",
    "advertisers",
    "einverständnis",
    "eingeloggt",
    "rss",
    "hinzugefügt",
    "added",
    "cancel",
    "kündbar",
    "résiliable",
)
_FINE_PRINT_GATE_RE = literal_alternation(_FINE_PRINT_GATE, ())
_FIRST_WORD = re.compile(r"[^\w'-]*([\w'-]+)")


def is_boilerplate_text(text: str) -> str | None:
    """The rule name when a short text is template residue, else None.

    ``text`` is the whole normalized text of an element.
    """
    if not text or len(text) > FINE_PRINT_LIMIT:
        return None
    if text[0] in "([" and text[-1] in ")]" and len(text) > 2:
        # "(Alle Angaben ohne Gewähr)", "[Anzeige]": a template's note set in brackets
        text = text[1:-1].strip()
    lower = text.lower()
    first = _FIRST_WORD.match(lower)
    word = first.group(1) if first else ""
    gated = word in _STARTERS or word[:1].isdigit()
    if len(text) <= _SHORT_LIMIT and gated and _SHORT_PATTERNS.match(text):
        return "short-text pattern"
    # the first word is the cheap gate: most texts start with a word no button has
    first_button = _WORD.search(lower) if len(text) < 150 else None
    if first_button is not None and (
        first_button.group() in _BUTTON_WORDS or first_button.group().isdigit()
    ):
        words = _WORD.findall(lower)
        if (
            len(words) <= 12
            and all(w in _BUTTON_WORDS or w.isdigit() for w in words)
            # a number alone is a count, a footnote mark or maths, not a button
            and any(len(w) > 2 and not w.isdigit() for w in words)
        ):
            return "button words"
    if _FINE_PRINT_GATE_RE.search(lower) and FINE_PRINT.search(text):
        return "template fine print"
    return None
