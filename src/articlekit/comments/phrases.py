"""Short-text patterns of comment sections, shared by the HTML and plain-text paths.

Multilingual (EN/DE/FR/ES and a few neighbours): comment-section headers, reply
links, "says:" labels and the fine print of reply forms.  Each pattern matches a
whole (whitespace-collapsed) line or element text, never a fragment of prose.
"""

from __future__ import annotations

import re

__all__ = [
    "COMMENT_HEADER",
    "REPLY_FORM_LINE",
    "REPLY_LINK",
    "SAYS_LABEL",
    "SAYS_SUFFIX",
    "is_comment_chrome",
    "is_comment_header",
    "is_reply_form_line",
]

_NUM = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|no|ein|eine|einen|zwei|drei|"
    r"un|une|deux|trois|uno|una|dos|tres|keine?)"
)
_COMMENT_WORDS = (
    r"(?:comments?|thoughts?|responses?|replies|reply|reactions?|kommentare?n?|"
    r"antworten|antwort|reaktionen|meinungen?|gedanken|commentaires?|réponses?|"
    r"reponses?|comentarios?|comentários?|respuestas?|opiniones?|commenti|reacties|"
    r"komentarze?|komentarzy|komentáře)"
)

_BARE_HEADER_WORDS = (
    r"(?:comments|responses|reactions|kommentare|commentaires|comentarios|comentários|"
    r"commenti|reacties|komentarze|"
    r"\d+\s+comments?)"
)

COMMENT_HEADER = re.compile(
    r"^(?:"
    # "12 thoughts on “Title”", "One thought on “Title”", "5 Comments", "2 Kommentare zu „…“"
    rf"{_NUM}\s+{_COMMENT_WORDS}(?:\s+(?:on|to|zu|für|zum|sur|à|pour|en|sobre|a|para|an|auf)\b.*)?"
    # "Comments", "Responses", "Kommentare", "Leserkommentare", "Comments (3)", "Discussion"
    rf"|(?:reader\s+|leser)?{_BARE_HEADER_WORDS}(?:\s*[(\[]\s*\d+\s*[)\]])?\s*:?"
    rf"|there (?:are|is|were) {_NUM} {_COMMENT_WORDS}(?: so far)?(?: on .*)?"
    rf"|{_NUM} {_COMMENT_WORDS} so far|es gibt {_NUM} kommentare?"
    r"|discussion|diskussion|leserbriefe?|join the (?:discussion|conversation)"
    r"|(?:show|view|load|see|read|zeige|alle)\s+(?:all\s+|more\s+)?\d*\s*(?:comments|kommentare)"
    r"|comments are closed\.?|kommentare sind geschlossen\.?|commentaires fermés\.?"
    r"|los comentarios están cerrados\.?|trackbacks?(?:\s*/\s*pingbacks?)?|pingbacks?"
    r")\s*$",
    re.IGNORECASE,
)

REPLY_FORM_LINE = re.compile(
    r"^(?:"
    r"leave a (?:reply|comment)(?:\s+cancel reply)?|post a comment|add (?:a|your) comment|"
    r"write a comment|submit a comment|add new comment|have your say|"
    r"(?:cancel|abbrechen) reply|cancel reply|post comment|submit comment|"
    r"your email address will not be published.*|required fields are marked.*|"
    r"your email will not be published.*|"
    r"notify me of (?:new|follow-up|followup).*|save my name, email.*|"
    r"you must be (?:logged in|registered).*|log ?in to (?:reply|comment).*|"
    r"comment\s*\*?|name\s*\*?|e-?mail\s*\*?|website|url|"
    r"hinterlasse(?:n sie)? einen kommentar.*|"
    r"kommentar (?:verfassen|schreiben|abschicken|absenden)|"
    r"schreibe(?:n sie)? einen kommentar.*|antwort abbrechen|"
    r"deine e-mail-adresse wird nicht veröffentlicht.*|"
    r"ihre e-mail-adresse wird nicht veröffentlicht.*|erforderliche felder sind .*|"
    r"pflichtfelder sind .*|"
    r"benachrichtige mich .*|meinen namen, (?:meine )?e-mail.*|"
    r"laisser un commentaire.*|laissez un commentaire.*|annuler la réponse|"
    r"votre adresse (?:e-)?mail ne sera pas publiée.*|les champs obligatoires sont .*|"
    r"(?:m'avertir|me notifier|prévenez-moi) .*|enregistrer mon nom.*|"
    r"laisser une réponse.*|"
    r"deja un comentario.*|deja una respuesta.*|cancelar respuesta|publicar comentario|"
    r"tu dirección de correo electrónico no será publicada.*|"
    r"los campos obligatorios están marcados.*|notificarme .*|guarda mi nombre.*"
    r")\s*$",
    re.IGNORECASE,
)

REPLY_LINK = re.compile(
    r"^(?:reply|reply ↓|reply to (?:this|comment)|antworten|antworten ↓|beantworten|"
    r"répondre|repondre|responder|rispondi|reageren|svara|odpowiedz|"
    r"report|report comment|melden|signaler|denunciar|like|liked by .*|gefällt mir|"
    r"j'aime|me gusta|permalink|permanenter link|edit|bearbeiten|modifier|editar|"
    r"delete|löschen|supprimer|eliminar|quote|zitieren|citer|citar|share|teilen|"
    r"loading\.{0,3}|lädt\.{0,3}|chargement\.{0,3}|cargando\.{0,3}|"
    r"(?:level|ebene|niveau|nivel)\s+\d+|"
    r"[+\-]?\d+\s*(?:likes?|upvotes?|points?|punkte|votes?|stimmen)(?:\s*[·•|])?|"
    r"[↓↑▲▼+\-]?\s*\d*\s*[↓↑▲▼]?)\s*$",
    re.IGNORECASE,
)

# "Jane says:", "Max sagt:", "Marie dit :", "Juan dice:" -- a label, never comment text
SAYS_LABEL = re.compile(
    r"^.{1,80}?\s+(?:says|said|wrote|sagt|meint|schreibt|schrieb|dit|écrit|a écrit|dice|"
    r"escribió|escribe|ha detto|scrive)\s*:?\s*$",
    re.IGNORECASE,
)
SAYS_SUFFIX = re.compile(
    r"\s+(?:says|said|wrote|sagt|meint|schreibt|schrieb|dit|écrit|a écrit|dice|escribió|"
    r"escribe)\s*:?\s*$",
    re.IGNORECASE,
)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def is_comment_header(text: str) -> bool:
    """True for a comment-section header line: "5 Comments", "One thought on “…”"."""
    line = _collapse(text).strip("“”\"'")
    return 0 < len(line) <= 200 and COMMENT_HEADER.match(line) is not None


def is_reply_form_line(text: str) -> bool:
    """True for the fine print of a reply form ("Leave a Reply", "Post Comment")."""
    line = _collapse(text)
    return 0 < len(line) <= 300 and REPLY_FORM_LINE.match(line) is not None


def is_comment_chrome(text: str) -> bool:
    """True for a comment's own chrome: reply/like/report links, "Jane says:" labels."""
    line = _collapse(text)
    if not line:
        return True
    return REPLY_LINK.match(line) is not None or SAYS_LABEL.match(line) is not None
