"""A byline text as the names in it: "By Jane Doe and John Roe, Staff Writers"
to ("Jane Doe", "John Roe").

:func:`clean_byline` cuts the by-word, dates, roles and contact details from a
byline as shown; :func:`split_names` splits it into names and rejects texts that
read as a sentence rather than as names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from articlekit.metadata.byline.vocabulary import (
    AUTHOR_LABEL,
    BY_INSIDE,
    BY_VERB,
    CONVERSATION,
    CREDENTIALS,
    DANGLING,
    DATE_CUT,
    DATE_WORDS,
    DESK_WORDS,
    LABEL_WORDS,
    LINKS,
    NAME_BY_WORDS,
    NEWSROOM,
    NOT_NAME,
    ORGANIZATION,
    PARTICLES,
    PREFIX,
    ROLE_WORDS,
    SAYS,
    SPLIT,
)

__all__ = [
    "CONTACT",
    "MAX_NAME_WORDS",
    "Byline",
    "clean_byline",
    "is_credential",
    "is_junk",
    "is_role",
    "is_strict_name",
    "reads_as_sentence",
    "shouted_label",
    "split_names",
]

_TRAILING_NOTE = re.compile(r"\s*\(([^()]{2,80})\)\s*\.?$")
_NOT_LETTER = re.compile(r"[^\w-]")
CONTACT = re.compile(r"\S+@\S+\.\w+|(?:https?://|www\.)\S+", re.IGNORECASE)
_COMMA_OR_SLASH = re.compile(r"^\s*[,/]\s*$")
# a file's extension ("humans.txt", "logo.png"): markup, not a word of any language
_FILE_ENDINGS = r"txt|html?|php|aspx?|jsp|xml|json|pdf|jpe?g|png|gif|webp|svg|js|css|md"
_JUNK_PART = re.compile(
    rf"@|https?:|www\.|\.(?:com|de|org|net|fr|es|ch|at)\b|\w\.(?:{_FILE_ENDINGS})\b|^\W*$",
    re.IGNORECASE,
)
# an initial closing a name keeps its full stop: "Nicolas Gutierrez C."
_FINAL_INITIAL = re.compile(r"\s([^\W\d_])\.$")
# a space before a comma or semicolon comes from joining the texts of several links
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[,;])")
MAX_NAME_WORDS = 5
_MAX_BYLINE_CHARS = 150


@dataclass(frozen=True, slots=True)
class Byline:
    """The byline text without "By", and the names in it."""

    text: str | None = None
    authors: tuple[str, ...] = ()
    #: several articles by different authors are listed: an index page
    listing: bool = False


def is_junk(text: str) -> bool:
    """True for a text that is no one's name: an address, a file name ("humans.txt"),
    an e-mail address or punctuation alone."""
    return bool(_JUNK_PART.search(text))


def is_role(word: str) -> bool:
    parts = [part for part in word.lower().strip(".,:()").split("-") if part]
    return bool(parts) and all(part in ROLE_WORDS for part in parts)


def is_credential(word: str) -> bool:
    """True for post-nominal letters or a name suffix: "PhD", "Ph.D.", "CPP", "Jr.".

    They are written in capitals, in mixed case or with full stops; the same letters
    as a plain capitalised word are a name ("Jack Ma", "Do Van"), and in lower case a
    user name ("jd").
    """
    written = word.strip(",;:()")
    letters = written.replace(".", "")
    return (
        letters.casefold() in CREDENTIALS
        and bool(letters)
        and ("." in written or (letters != letters.title() and not letters.islower()))
    )


def _strip_name(part: str) -> str:
    initial = _FINAL_INITIAL.search(part.rstrip(" \t,;:|"))
    part = part.strip(" \t\"'“”„‚‘’«»()[]{}:;,.-–—|*•·~/\\©")
    words = part.split()
    head = len(words)
    while head > 1 and is_role(words[head - 1]):
        head -= 1
    # "Support Team", "TOI Lifestyle Desk", "Podium Staff": a desk or a team signs as
    # itself (a desk word left over after a job title, "Jane Doe Team Lead", goes with it)
    desk = head < len(words) and (
        words[-1].lower() in DESK_WORDS or _names_a_collective(words[:head])
    )
    # "Jane Doe Staff Writer", "Jane Doe, Senior Editor": role words at the end
    while (
        not desk
        and len(words) > 1
        and (is_role(words[-1]) or is_credential(words[-1]) or words[-1].lower() in DATE_WORDS)
    ):
        words.pop()
    if len(words) > 1 and words[0].lower() == "the" and not is_role(words[-1]):
        words.pop(0)
    name = " ".join(words).strip(" ,.-–—|:")
    if initial and initial.group(1).isupper() and name.endswith(" " + initial.group(1)):
        name += "."  # the initial was not cut off with the words after it
    return name


def _names_a_collective(words: Sequence[str]) -> bool:
    """Whether the words before a role name a team, a desk or a publication rather than
    a person: one word ("Podium"), an article ("The Currency"), or an acronym among words
    that are not all shouted ("BCBSOK Connect", "AAA Travel")."""
    if len(words) == 1 or words[0].lower() == "the":
        return True
    acronyms = [word for word in words if len(word) > 1 and word.isupper()]
    return 0 < len(acronyms) < len(words)


def _without_job(name: str) -> str:
    """ "Rechtsanwalt Sebastian Einbock", "Redakteurin Jane Doe": the job before the name.

    A desk signing as itself keeps its name ("Redaktion Gelbe Liste").
    """
    words = name.split()
    while (
        len(words) > 2
        and is_role(words[0])
        and words[0].lower() not in LINKS
        and words[0].lower() not in DESK_WORDS
    ):
        words.pop(0)
    return " ".join(words)


def is_strict_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: "Lars Brenninkmeijer"."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and not text.isupper()
        and all(
            word[:1].isupper() and word.replace("-", "").replace(".", "").isalpha()
            for word in words
        )
        and not any(word.lower() in NOT_NAME or is_role(word) for word in words)
        and words[-1].lower().strip(".,") not in DATE_WORDS
    )


def _is_phrase(words: Sequence[str]) -> bool:
    """True for "das Projekt in Zusammenarbeit": lower-case words inside a capitalised text.

    One lower-case word is allowed in a two-word name ("Mobasir hassan") and
    all-lower-case user names ("pepemaus") are names.
    """
    if len(words) < 2 or all(word.islower() for word in words):
        return False
    if words[0][:1].islower() and words[0] not in PARTICLES:
        return True  # "einphasiger Verkabelung": a sentence fragment
    lower = sum(1 for word in words if word[:1].islower() and word not in PARTICLES)
    return lower >= 2 or (lower >= 1 and len(words) >= 3)


def _is_name(part: str) -> bool:
    words = part.split()
    if not words or len(words) > MAX_NAME_WORDS or len(part) > 60:
        return False
    if _is_phrase(words):
        return False
    if _JUNK_PART.search(part):
        return False
    lowered = [word.lower().strip(".,:!?") for word in words]
    # "Auteur(s)", "Autor/in": a label with its plural or gender ending
    letters = [_NOT_LETTER.sub("", word) for word in lowered]
    if (
        any(word in NOT_NAME for word in (*lowered, *letters))
        or all(word in DATE_WORDS for word in lowered)
        or (len(words) > 1 and lowered[-1] in DANGLING)
        or (len(words) == 1 and lowered[0] in LABEL_WORDS)
    ):
        return False
    if len(words) == 1 and lowered[0] in NEWSROOM:
        return True  # "Von Redaktion": the newsroom signs the piece
    if all(is_role(word) for word in lowered) or all(is_credential(word) for word in words):
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
    parts = SPLIT.split(text)
    separators = [match.group() for match in SPLIT.finditer(text)]
    describing = False
    for index, part in enumerate(parts):
        if names and all(is_credential(word) for word in part.split()):
            continue  # "Jane Doe, Ph.D.", "John Roe, Jr.": her letters, not a co-author
        name = _strip_name(part)
        words = name.split()
        # ", and" after a role closes the description's own list ("Speech, Privacy, and
        # Technology Project"), it does not name the next person
        if describing and (not words or _COMMA_OR_SLASH.search(separators[index - 1])):
            continue
        if describing and index > 1 and not parts[index - 1].strip():
            continue
        # "Senior Director, Content & Marketing": an "and" inside the description joins
        # its words; only a person's name after it names the next author
        if describing and (not is_strict_name(name) or ORGANIZATION.search(name)):
            continue
        describing = False
        if (
            names
            and len(words) > 1
            and (is_role(words[0]) or is_credential(words[0]))
            and words[0].lower() not in LINKS
        ):
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
    text = CONTACT.sub(" ", text.replace("\u00ad", "").replace("\u200b", ""))
    text = " ".join(text.split()).lstrip(" |•·-–—:,;~/*")
    if len(text) > 400 or "=" in text or SAYS.search(text):
        return Byline()
    inside = BY_INSIDE.match(text) or BY_VERB.search(text)
    if inside:
        text = text[inside.start(1) :]  # "Posted on May 3, 2020 by Jane": from the by-word
    else:
        label = AUTHOR_LABEL.search(text)
        if label and label.start():
            text = text[label.start() :]  # "Datum: 19.11.2021 Autor: Jane Doe Quelle: X"
    for _ in range(2):
        text = _without_prefix(text)
    written = None  # the byline as shown, when brackets are read as a separator
    note = _TRAILING_NOTE.search(text)
    if note and not split_names(note.group(1)):
        text = text[: note.start()]  # "Jane Doe (Pressesprecherin des Verbands)"
    elif note:
        # "Anna Berg (dpa)": the agency or co-author in brackets is named after her
        written, text = text, f"{text[: note.start()]}, {note.group(1)}"
    cut = DATE_CUT.search(text)
    if cut:
        text = text[: cut.start()]
    text = CONVERSATION.sub("; ", text)
    text = text.strip(" ,;:|-–—·•/")
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])  # the same name printed twice (link text and tooltip)
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return Byline()
    names = split_names(text)
    if not names:
        return Byline()
    return Byline(_display(written or text, names), tuple(names))


def _without_prefix(text: str) -> str:
    """``text`` without its by-word or label, unless the by-word is also the given name of
    a two-word name: "Di Wang" is a name, "Di Mario Rossi" is Italian for "by"."""
    match = PREFIX.match(text)
    if not match:
        return text
    rest = text[match.end() :].strip()
    word = match.group().strip()
    first = SPLIT.split(rest, maxsplit=1)[0]
    if (
        word.lower() in NAME_BY_WORDS
        and word.istitle()
        and len(first.split()) == 1
        and first.lower() not in NEWSROOM
    ):
        return text
    return rest


def _display(text: str, names: Sequence[str]) -> str:
    """The byline as written when it is only the names, else the names joined."""
    text = _SPACE_BEFORE_MARK.sub("", text)
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    leftover = [word for word in SPLIT.sub(" ", rest).split() if word.strip(" ,;:|-–—·•.()\"'")]
    # "Jane Doe, PhD", "Jeffrey Roe CPP, PSP": the names keep their credentials as written
    return text if all(is_credential(word) for word in leftover) else ", ".join(names)


_SENTENCE_WORDS = 6
"""A by-line naming a lower-case user name is this short: "Posted by jd", "von msmash"."""


def reads_as_sentence(text: str, byline: Byline) -> bool:
    """True for a sentence that opens like a by-line: "By default, verify is set to True."
    names "default".  A lower-case user name is taken from a short line, or from one that
    goes on with its date ("by msmash on Friday January 12, 2024")."""
    lower = any(name.islower() and " " not in name for name in byline.authors)
    return (
        lower and len(text.split()) > _SENTENCE_WORDS and not any(char.isdigit() for char in text)
    )


def shouted_label(text: str, end: int) -> bool:
    """True when the by-word ending at ``end`` is an abbreviation in capitals before a
    lower-case word ("AV technician", "DI testing"), not a by-word ("BY JANE DOE")."""
    label = text[:end].strip(" \t\n:-")
    rest = text[end:].lstrip()
    return len(label) >= 2 and label.isupper() and rest[:1].islower()
