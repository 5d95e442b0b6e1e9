"""Short-line patterns of page text dumps: buttons, menus, credits, banners, end-of-article cues.

Each test reads one whitespace-collapsed line and knows nothing of its
neighbours; :mod:`articlekit.text.classify` and the other stages weigh them in
context.  The patterns are those of page templates in general, not of any one
site; their words are the ``[text]`` tables of the language files
(:mod:`articlekit.text.vocabulary`).
"""

from __future__ import annotations

import re

from articlekit.comments.phrases import is_comment_header, is_reply_form_line
from articlekit.metadata.textdates import MONTH_NAMES, iso_date
from articlekit.text.vocabulary import one_of, shortest, word_set

__all__ = [
    "NAME_PARTICLES",
    "NOT_NAME_WORDS",
    "STOPWORDS",
    "byline_of",
    "byline_prefix_only",
    "credit_of",
    "ends_with_by_word",
    "has_by_word",
    "is_boilerplate_line",
    "is_button_line",
    "is_byline_or_date",
    "is_coined",
    "is_end_marker",
    "is_labelled_date",
    "is_month_or_day",
    "is_teaser_end",
    "leading_names",
    "opens_byline",
    "stopword_ratio",
]

# Words of share/print/menu widgets; a line made only of these is widget residue.
# Brand names and such are no language's words: they stay here.
_BUTTON_WORDS = word_set("buttons") | frozenset(
    [
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
        "url",
        "sms",
        "rss",
        "x",
    ]
)
STOPWORDS = word_set("stopwords")
NOT_NAME_WORDS = STOPWORDS | _BUTTON_WORDS
"""Words that are never a name's: function words and share-widget words ("Tweet This")."""
_WORD = re.compile(r"\w+")

# Template lines of pages, each matching a whole line: the words come from the
# language files, what may follow them (a colon, a linked title) is said here.
_BOILERPLATE_LINES = (
    one_of("skip_links"),
    one_of("rights_reserved") + ".*",
    r"(?:copyright|©|\(c\)) .{0,150}|.{0,150}(?:©|copyright) ?\d{4}.{0,150}",
    one_of("share_prompts") + r"\b.{0,80}",
    one_of("click_to") + ".{0,80}",
    one_of("like_labels") + ":?",
    one_of("loading") + r"\.*",
    one_of("follow_us") + " .{0,60}",
    one_of("share_article"),
    one_of("share_article_on") + ".{0,40}",
    one_of("newsletter_signup") + ".{0,120}",
    one_of("subscribe") + ".{0,60}",
    r".{0,60}\b" + one_of("newsletter") + r"\b.{0,60}",
    r".{0,120}\b" + one_of("cookie_notices") + r"\b.{0,250}",
    "(?:ok|" + one_of("consent_buttons") + ")",
    one_of("ad_labels"),
    one_of("read_more") + r"\W*",
    one_of("see_also") + r"\s*:.{0,200}",
    one_of("post_navigation") + r"\W?.{0,150}",
    one_of("filed_under") + ":? .{0,150}",
    one_of("tags") + ": .{0,200}",
    one_of("tag_labels") + ":? .{0,200}",
    one_of("related_lists"),
    one_of("back_to_top"),
    one_of("sign_in") + r"(?: \| .{0,40})?",
    one_of("legal_links") + r"(?: [|·•-] .{0,80})?",
    one_of("credit_lines") + r"s?\s*:.{0,80}",
)
_BOILERPLATE = re.compile("^(?:" + "|".join(_BOILERPLATE_LINES) + ")$", re.IGNORECASE)

# What ends an article: related lists, share bars, tag lines, author boxes, comments.
_END_MARKER = re.compile(
    "^(?:"
    + one_of("end_labels")
    + ":?|"
    + one_of("end_cues")
    + r"\W*|"
    + one_of("end_more_from")
    + r" .{1,60}\W*|"
    + one_of("end_most_read")
    + f"(?: {one_of('in_the_last')} "
    + r"\d+ "
    + f"{one_of('days')})?"
    + r"\W*|"
    + one_of("end_author_box")
    + ")$",
    re.IGNORECASE,
)

_DATE_LINE = re.compile(
    f"^(?:{one_of('date_label_verbs')}(?: {one_of('date_label_joins')})?"
    r":?\s*)?"
    r"(?:\w+,?\s+)?(?:\d{1,2}[./ ]\s*)?(?:\w+\.?\s+)?\d{1,2},?\s+\d{4}.{0,40}$"
    r"|^\d{4}-\d{2}-\d{2}.{0,30}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,30}$",
    re.IGNORECASE,
)
_BYLINE_PREFIX = re.compile("^" + one_of("byline_prefixes") + r"(?:\s*:\s*|\s+)", re.IGNORECASE)
_BYLINE_PREFIX_ALONE = re.compile("^" + one_of("byline_prefixes") + r"\s*:?$", re.IGNORECASE)
# a line holds one of these when it holds any byline prefix
_BYLINE_CUES = shortest("byline_prefixes")
# "Posted on", "Veröffentlicht am", "Publié le", "Publicada el": the verb of a dateline
_DATELINE_VERB = re.compile(
    "^" + one_of("dateline_verbs") + r"(?:\s+" + one_of("dateline_joins") + r")?(?:\s*:\s*|\s+|$)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BY_WORD = re.compile(r"(?:^|\s)" + one_of("by_words") + r"\s+", re.IGNORECASE)
_HARD_SEPARATOR = frozenset("|·•–—/")
NAME_PARTICLES = word_set("name_particles") | frozenset(["&", "mc"])
_DATE_WORDS = word_set("date_words")
# Job titles after a byline's names ("By Jane Doe, Senior Staff Writer")
_ROLE_WORDS = word_set("job_titles")


def is_month_or_day(token: str) -> bool:
    """True for a month or weekday name or a small word of dates ("Mar.", "Montag")."""
    bare = token.strip(".,;").lower()
    return bare in _DATE_WORDS or bare in MONTH_NAMES


def leading_names(text: str) -> tuple[str, str]:
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
        if bare.lower() in NAME_PARTICLES and taken:
            taken += 1
            continue
        if (
            taken
            and is_month_or_day(bare)
            and any(ch.isdigit() for ch in "".join(tokens[position + 1 : position + 3]))
        ):
            break
        if not (bare[0].isupper() and not any(ch.isdigit() for ch in bare)):
            break
        if bare.lower() in _ROLE_WORDS or (taken and _ends_names(bare, tokens[position + 1 :])):
            break
        taken += 1
        if token.endswith(";"):
            break
    names = tokens[:taken]
    while names and names[-1].strip(",;").lower() in NAME_PARTICLES:
        names.pop()
    rest = " ".join(tokens[len(names) :])
    return " ".join(names).strip(" ,;"), rest


def _ends_names(token: str, following: list[str]) -> bool:
    """True for a capitalised word after names that starts what follows them: a dateline
    verb ("Jane Doe Veröffentlicht am …"), a label ("Kategorien: Mode"), the link to the
    comments ("Jane Doe Leave a comment"), or a function
    word that a phrase continues ("Jane Doe Vom 3. Februar", "Jane Doe Ein Kommentar");
    a function word that ends the line may be a name ("Theresa May")."""
    lowered = token.lower()
    if _DATELINE_VERB.match(token) is not None or (token.endswith(":") and following):
        return True
    if following and is_reply_form_line(" ".join([token, *following])):
        return True  # the link to the comments: "Jane Doe Leave a comment"
    return (
        lowered in STOPWORDS
        and lowered not in NAME_PARTICLES
        and bool(following)
        and following[0][:1] not in _HARD_SEPARATOR
    )


def _is_date_only(text: str) -> bool:
    """True when ``text`` is a date with at most two other words ("12 March 2023 · 2 min read")."""
    if len(text) > 80 or iso_date(text) is None:
        return False
    others = [
        t
        for t in _WORD.findall(text)
        if t.strip("0123456789") and not is_month_or_day(t.strip("0123456789") or t)
    ]
    return len(others) <= 2


# "Datum:", "Erschienen am:", "Letzte Aktualisierung:": a short label before a colon
_LABEL = re.compile(r"^[^\d:]{1,30}:\s*")
LABELLED_DATE_CHARS = 60
"""A date line with its label is this short; a longer one is a sentence that names a date."""


def is_labelled_date(line: str) -> bool:
    """True for a line that is a date alone, or after a dateline verb or a short label.

    "8. November 2021", "Veröffentlicht am 16.08.2019", "Datum: 19.11.2021",
    "Erschienen am: 01.11.2023"; not "Am 8. November 2021 trafen sich …".
    """
    if len(line) > LABELLED_DATE_CHARS or _FOUR_DIGITS.search(line) is None:
        return False
    rest = _DATELINE_VERB.sub("", line, count=1)
    rest = _LABEL.sub("", rest, count=1)
    return bool(rest) and _is_date_only(rest)


_CREDIT_BY = one_of("credit_by")
_CREDIT_PREFIX = re.compile(
    "^"
    + one_of("credit_labels")
    + r"s?(?:\s+"
    + _CREDIT_BY
    + r")?\s*[:/]\s*(.+)$"
    + r"|^(?:©|\(c\)|copyright)\s*(.+)$"
    + "|^"
    + one_of("photo_words")
    + r"s?\s+"
    + _CREDIT_BY
    + r"\s+(.+)$",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"^(?:AP|AFP|Reuters|dpa|EPA|Getty Images|Getty|Shutterstock|iStock|Imago|picture alliance|"
    r"Keystone|ANP|EFE|Europa Press|Wikimedia Commons|Unsplash|Pixabay|Flickr|"
    r"(?:[A-Z][\w.-]+ ){0,3}(?:/ ?)?(?:AP|AFP|Reuters|dpa|Getty Images|EPA|Imago))"
    r"(?:\s*(?:/|via|,)\s*.{1,60})?$"
)
_ORG_CREDIT = re.compile(
    f"^(?:(?:{one_of('org_credit_article')} )?{one_of('org_credit_heads')}"
    r"\b.{2,80}|.{2,60}\b" + one_of("org_credit_tails") + ")$",
    re.IGNORECASE,
)
_CREDIT_NAME_WORDS = word_set("credit_name_words")


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


_TEASER_END = re.compile(
    r"(?:[.!?…]\s+|(?:…|\.\.\.)\s*)" + one_of("teaser_links") + r"\s*(?:…|\.\.\.|»|›|→|>)?$",
    re.IGNORECASE,
)
_MORE_LINK = re.compile(r"\s(" + one_of("teaser_links") + r")\s*(?:…|\.\.\.|»|›|→)$", re.IGNORECASE)


def is_teaser_end(line: str) -> bool:
    """True for a line that ends in a link to another page after a sentence or a cut:
    a teaser's summary ("… no limits. Read more", "… heuchlerisch. Mehr…", "… as it… Read
    more"), or in a capitalised "More…" link ("… Definition 2021 Mehr...").  An article's
    paragraph ends in its own words ("… a little more..."), not in a link onwards; a
    feature box's "Learn more" is the page's own (a product's or a service's)."""
    if _TEASER_END.search(line) is not None:
        return True
    link = _MORE_LINK.search(line)
    return link is not None and link.group(1)[0].isupper()


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
    for cue in _BYLINE_CUES:
        if cue in lowered:
            break
    else:
        return None
    rest = _DATELINE_VERB.sub("", line, count=1).strip()
    prefix = _BYLINE_PREFIX.match(rest)
    dated = False  # a date before the by-word: "5 March 2021 by janedoe"
    if prefix is not None:
        after = rest[prefix.end() :]
    else:
        found = _BY_WORD.search(rest)
        if found is None:
            return None
        before = rest[: found.start()].strip(" ,|·•–—-")
        if before and not (_is_date_only(before) or _is_time_ago(before)):
            return None
        dated = bool(before)
        after = rest[found.end() :]
    names, tail = leading_names(after)
    if not names:
        names, tail = _user_name(after, dated)
    if not names or len(names) > 100:
        return None
    return names if _ends_byline(tail.strip()) else None


def _ends_byline(tail: str) -> bool:
    """True for what may follow a byline's names: nothing, a separator and a little more,
    a date or dateline ("Veröffentlicht am 11. Juni 2019"), a job title, a handle
    ("@janedoe"), a short publication name after a comma (", Phys.org"), the byline
    again, the comment count or the link to the comments ("Leave a comment"), or the
    post's categories ("by Jane Doe in News, Travel": blog themes' postmeta line)."""
    return (
        not tail
        or (tail[0] in _HARD_SEPARATOR and len(tail) <= 80)
        or _is_date_only(tail)
        or bool(_ROLE_WORDS.intersection(tail.lower().replace(",", " ").split()[:4]))
        or (_DATELINE_VERB.match(tail) is not None and _is_date_only(_DATELINE_VERB.sub("", tail)))
        or _HANDLE_OR_OUTLET.match(tail) is not None
        or byline_of(tail) is not None  # the byline shown twice: "By Jane Doe By Jane Doe"
        or is_comment_header(tail)  # the comment count beside it: "… by Jane Doe 5 Comments"
        or is_reply_form_line(tail)
        or _CATEGORY_TAIL.match(tail) is not None
    )


# "in News, Travel", "under Just For Fun": the categories a blog theme lists after the
# author; a sentence would go on after a full stop
# (in lower case: "View In Digital Edition" is a link's label)
_CATEGORY_TAIL = re.compile("^" + one_of("category_joins") + r"\s+[^.!?]{1,150}$")


# "@janedoe", ", Phys.org", ", The Guardian": an account or an outlet after the names
_HANDLE_OR_OUTLET = re.compile(r"^(?:@\w+|,\s*(?:[A-Z][\w.&'-]*\s?){1,3})$")
# "vor 11 Minuten", "2 hours ago": how long ago, before the by-word
_TIME_AGO_WORDS = 4
# a user name as sites show it, in lower case or with digits: "gizzmo", "Marianne1", "c1ph4"
_USER_NAME = re.compile(r"^([\w.-]*[^\W\d_][\w.-]*)(?=\s|$)")


def is_coined(name: str) -> bool:
    """True for a user name no prose word looks like: a digit, an underscore or a capital
    inside it ("Marianne1", "Herr_Rein", "KleineGrüneMonster")."""
    return " " not in name and (
        any(ch.isdigit() or ch == "_" for ch in name) or any(ch.isupper() for ch in name[1:])
    )


def _is_time_ago(text: str) -> bool:
    """True for a short "how long ago" before a by-word: a number among a few words
    ("vor 11 Minuten", "2 hours ago"); not a list number ("2. Avatar von …")."""
    return len(text.split()) < _TIME_AGO_WORDS and _TIME_AGO.search(text) is not None


_TIME_AGO = re.compile(r"^(?:\S+\s+)?\d+\s+\S+")


def _user_name(text: str, dated: bool) -> tuple[str, str]:
    """A user name that opens ``text`` (one token, no function word) and what follows it.

    A lower-case word after a by-word is a user name only where the line is a
    dateline (a date before the by-word or after the name) or the word is no
    word of prose (a digit, an underscore or a capital inside it: "Marianne1",
    "Herr_Rein"); "Par exemple" is none.
    """
    match = _USER_NAME.match(text.strip())
    if match is None or match[1].lower() in NOT_NAME_WORDS or len(match[1]) < 2:
        return "", text
    name, tail = match[1], text.strip()[match.end() :]
    if dated or is_coined(name) or (_DIGIT.search(tail) is not None and iso_date(tail) is not None):
        return name, tail
    return "", text


def opens_byline(line: str) -> bool:
    """True for a line that opens with a by-word ("By Jane", "Von Jane") or a byline label
    and a colon ("Autor: Jane"); "Text Us" and "From ArchWiki" do not."""
    return _SIGNATURE.match(line) is not None


_SIGNATURE = re.compile(
    "^(?:" + one_of("by_words") + r"\s+\S|" + one_of("byline_prefixes") + r"\s*:)", re.IGNORECASE
)


def without_dateline_verb(line: str) -> str:
    """``line`` without the dateline verb that opens it ("Posted", "Gespeichert am")."""
    return _DATELINE_VERB.sub("", line, count=1)


def byline_prefix_only(line: str) -> bool:
    """True for a line that is a byline word alone ("Von", "By:"): the name is on the next."""
    return len(line) <= 20 and _BYLINE_PREFIX_ALONE.match(line) is not None


def has_by_word(line: str) -> bool:
    """True for a line with a by-word before a word ("… started by jane, May 11")."""
    return _BY_WORD.search(line) is not None


def ends_with_by_word(line: str) -> bool:
    """True for a short dateline that a by-word ends ("10.12.2022 18:27 von"): a link put
    the name on the next line.  The date or time before it tells it from a credit's
    label over its name ("Edited by", "Reviewed by")."""
    return (
        len(line) <= _BY_WORD_LAST_CHARS
        and _DIGIT.search(line) is not None
        and _BY_WORD_LAST.search(line) is not None
    )


# a date, a time or a section label, then the by-word whose name a link put on the next line
_BY_WORD_LAST = re.compile(r"\s" + one_of("by_words") + r"\s*:?$", re.IGNORECASE)
_BY_WORD_LAST_CHARS = 40


def _name_like(line: str) -> bool:
    tokens = line.replace("/", " ").split()
    if not 1 <= len(tokens) <= 6 or line[-1:] in ".!?:;,":
        return False
    capitalized = sum(1 for t in tokens if t[:1].isupper() or t.lower() in _CREDIT_NAME_WORDS)
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
