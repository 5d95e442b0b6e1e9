"""The byline and date of a dump: the short lines around the story's heading.

Templates put the dateline and byline just under the headline, sometimes just
over it; converters split them differently ("By Jane Doe | 5 March 2021" on one
line, or "Von" and "Jane Doe" and "5. März 2021" as three list items).  What
every layout keeps is that they are short lines close to the heading, above
the story's prose.  A byline counts only when it is names and nothing else:
after a byline word ("By", "Von", "Par"), or beside a date.  Where none stands
there, two layouts are read after them: a person's name alone under the
headline of a page whose dateline was found, and a signature ("Von Jane Doe")
next to a paragraph under the story.  Blog themes print the author's user
name ("Posted on 5 March 2021 by janedoe"); converters repeat a name given as
alt text and link, which is said once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articlekit.comments.phrases import is_reply_form_line
from articlekit.metadata.byline.names import CONTACT
from articlekit.metadata.dates import url_date
from articlekit.metadata.datestrings import parse_date
from articlekit.metadata.textdates import iso_date
from articlekit.text.authorbox import author_box
from articlekit.text.glued import (
    spaced,
    split_glued_names,
    unglued_by_word,
    unglued_year,
    without_pictures,
)
from articlekit.text.headline import names_site, site_labels
from articlekit.text.lines import (
    byline_of,
    byline_prefix_only,
    ends_with_by_word,
    has_by_word,
    is_coined,
    is_labelled_date,
    is_month_or_day,
    leading_names,
    opens_byline,
    without_dateline_verb,
    words,
)
from articlekit.text.personnames import name_list, person_like, strict_name
from articlekit.text.postmeta import MAX_DATE_TOKENS, post_meta, user_like
from articlekit.text.sitesigns import site_only
from articlekit.text.units import BULLET, Unit, is_prose

__all__ = [
    "BELOW",
    "Dateline",
    "byline_before_text",
    "date_before_text",
    "find_dateline",
    "line_date",
]

ABOVE = 3
"""Units over the heading searched for a byline (some templates put it first)."""
ABOVE_DATE = 10
"""Units over the heading searched for a date (a dateline over the section line and
share bar)."""
BELOW = 20
"""Units under the heading searched, up to the story's second paragraph (a share bar
of a dozen items, each shown as icon text and label, may stand between)."""
MAX_META_CHARS = 160
"""A dateline or byline line is short; a longer unit is prose."""
MAX_META_WORDS = 16
"""Words of a line that may still be a dateline ("Veröffentlicht am …, aktualisiert am …")."""
MAX_DATE_TAIL = 60
"""Characters after a name that may be its date ("Jane Doe 19.10.2019, 05:00 Uhr")."""

SHORT_BETWEEN = 40
"""Characters of a line (a role, a reading time) that may stand between a name and its date."""

_DIGIT = re.compile(r"\d")
_AMBIGUOUS_SLASHED = re.compile(r"(?<!\d)(?:0?[1-9]|1[0-2])/(?:0?[1-9]|1[0-2])/\d{2,4}")
_HARD_SPLIT = re.compile(r"\s*[|·•/]\s*|\s[–—-]\s")
# list bullets and the separators a converter leaves at a line's start ("/ 16.11.2018")
_LEAD = re.compile(r"^(?:[-*•·▪◦–|/]\s*)+")
_SEPARATOR = re.compile(r"^[\s,;|/·•–—-]+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The byline and date read around the heading, and the units they came from."""

    byline: str | None = None
    date: str | None = None
    lines: tuple[int, ...] = ()
    """Units that are metadata and leave the body."""


def find_dateline(units: list[Unit], heading: int, url: str | None = None) -> Dateline:
    """The byline and date in the short lines around ``units[heading]``.

    Lines under the heading are read first, nearest first, up to the story's
    second paragraph; then the lines over it.  A date only in the permalink
    ("/2021/03/05/") comes last.  Never a crawl or archive date: those are not
    in the dump's lines.
    """
    byline: str | None = None
    date: str | None = None
    lines: list[int] = []
    sites = site_labels(url)
    # the site signing the story ("von Die Tagespresse"): a name on a line further on is
    # a picture's alt text or caption, not its author
    site_signed = False
    for index in _window(units, heading):
        line = _bare(units[index].text)
        if not line or len(line) > MAX_META_CHARS or _meta_words(line) > MAX_META_WORDS:
            continue
        near = index > heading or heading - index <= ABOVE
        if (
            byline is None
            and near
            and not site_signed
            and (found := _names_at(units, index, line)) is not None
        ):
            lines.extend(found[1])
            # the site's name signing an embed is no byline either
            site_signed = names_site(found[0], sites)
            site = site_only(found[0], line, sites) or (
                site_signed and _one_of_signed(units, heading, index, found[0])
            )
            byline = None if site else found[0]
        when = None
        if date is None and not _is_sentence(line):
            when = line_date(line) or line_date(spaced(line))
        if when is not None:
            date = when[:10]
            lines.append(index)
        if byline is not None and date is not None:
            break
    if (
        byline is None
        and date is not None
        and not site_signed
        and (named := _named_under(units, heading))
    ):
        byline = None if names_site(named[0], sites) else named[0]
        lines.append(named[1])
    if byline is None and (signed := _signed_below(units, heading)) is not None:
        byline = None if site_only(signed[0], units[signed[1]].text, sites) else signed[0]
        lines.append(signed[1])
    if byline is None and (boxed := author_box(units, heading)) is not None:
        byline = None if names_site(boxed[0], sites) else boxed[0]
        lines.append(boxed[1])
    if date is None:
        date = url_date(url)
    return Dateline(_said_once(byline), date, tuple(sorted(set(lines))))


def _meta_words(line: str) -> int:
    """The words of a line that count against a dateline's length: a date and a time
    written in numbers ("Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35")
    are one short phrase each, not five words."""
    return sum(1 for word in words(line) if not word.isdigit())


SENTENCE_WORDS = 8
"""Words of a line ending in a full stop that make it a sentence, whose date is the
story's ("… will take place on 4th July 2024."), not the dateline's."""


def _one_of_signed(units: list[Unit], heading: int, index: int, names: str) -> bool:
    """True for the site's name signing a line under the story's first paragraph that
    lines further down, signed by others, repeat in form: embedded posts ("Posted by
    Jane Doe on Monday, …" under each), not the story's byline."""
    if index < heading or not any(is_prose(u.text) for u in units[heading + 1 : index]):
        return False
    return any(_signs_other(units[later].text, names) for later in range(index + 1, len(units)))


def _is_sentence(line: str) -> bool:
    """True for a sentence of the story; a dateline written as one ("Discussion started
    by jane, May 11, 2024.") names its author."""
    return line[-1:] in ".!?" and len(words(line)) >= SENTENCE_WORDS and not has_by_word(line)


def _said_once(names: str | None) -> str | None:
    """The names once: converters repeat an author's name given as the picture's alt text
    and as a link ("Jane Doe Jane Doe", "Jane DoeJane Doe") and glue a handle to it
    ("Jane Doe@janedoe")."""
    if not names:
        return names
    names = names.split("@", 1)[0].strip() or names
    half = len(names) // 2
    for cut in (half, half + 1):
        first, second = names[:cut].strip(), names[cut:].strip()
        if first and first == second:
            return first
    return names


def _named_under(units: list[Unit], heading: int) -> tuple[str, int] | None:
    """A person's name alone on a line just under the heading, on a page whose dateline
    was found: the byline of templates that put the date apart ("Jane Doe" under the
    headline, "24 September 2019" over it), or several names joined ("Ana Ruiz, Luis
    Gil y Eva Sanz").  A standfirst, the date or the heading
    shown again may stand between; a paragraph after other lines (a quote under a
    signed line) ends the search, as a name there is the quote's author."""
    head = _letters(units[heading].text)
    other = False
    for index in range(heading + 1, min(len(units), heading + 1 + NAMED_REACH)):
        line = _bare(units[index].text)
        if is_prose(line):
            if other:
                break
            other = True
            continue
        if byline_prefix_only(line):
            return None  # "By" over what is no person's name ("The Example Team")
        # a list item under the heading is a menu's (Resiliparse bullets them), unless
        # the list holds the date too: the post's meta ("• Jane Doe", "• 26. Oktober 2023")
        if (not BULLET.match(units[index].text) or _dated_list(units, index)) and (
            person_like(line, units, index) or name_list(line, units, index)
        ):
            return line, index
        other = other or not (_letters(line) == head or line_date(line) is not None)
    return None


DATED_LIST_REACH = 2
"""Items of a list around a name that may hold the post's date (a category between)."""


def _dated_list(units: list[Unit], index: int) -> bool:
    """True for a list item whose list holds a date within a few items of it."""
    for step in (1, -1):
        other = index + step
        while (
            0 <= other < len(units)
            and abs(other - index) <= DATED_LIST_REACH
            and BULLET.match(units[other].text)
        ):
            if line_date(_bare(units[other].text)) is not None:
                return True
            other += step
    return False


def _letters(line: str) -> str:
    """The words of a line, without the spaces and punctuation converters put differently."""
    return "".join(words(line)).lower()


NAMED_REACH = 4
"""Units under the heading searched for a name alone (standfirst, date and the heading
shown again before it)."""


SIGNED_CHARS = 80
"""A signature line under the story ("Von Jane Doe", "Author: Jane Doe") is this short."""


def _signed_below(units: list[Unit], heading: int) -> tuple[str, int] | None:
    """The names of the first line under the heading that signs a paragraph next to it,
    and its unit: templates that sign the story at its end ("Von Jane Doe" under the
    last paragraph) or under its lead.  Menus and filters under a page's text open
    with the same words ("By Gender & Age", "From ArchWiki"): they stand among short
    lines, and only a by-word or a label with its colon opens a signature, of a
    person's name or a user name; or, at the story's end, its date stands by it
    ("Autor: Jane Doe" over "Datum: 19.11.2021").  A story is signed once: lines further
    down signed by others are a list's entries (teasers "By Jane Roe", comments "by
    jane writes:")."""
    for index in range(heading + 1, len(units)):
        found = _signature(units, index)
        if found is None:
            continue
        around = units[max(heading + 1, index - SIGN_GAP) : index + 1 + SIGN_GAP]
        if not any(is_prose(u.text) or _short_date(u.text) for u in around):
            continue
        if any(_signs_other(units[later].text, found) for later in range(index + 1, len(units))):
            return None
        return found, index
    return None


def _signs_other(line: str, names: str) -> bool:
    """True for a short line that opens with a by-word or byline label and gives other
    names than ``names``: another entry of a list ("By Jane Roe", "Von joe im Forum Technik"); an
    author box repeats the story's own names."""
    line = _bare(line)
    if len(line) > SIGNED_CHARS or not opens_byline(without_dateline_verb(line)):
        return False
    other = byline_of(CONTACT.sub("", line).strip())
    return other is not None and other != names


def _short_date(line: str) -> bool:
    """True for a short line that holds a date ("Datum: 19.11.2021", "Published: 3 May
    2019", "Gespeichert von jane am 24. Juli 2017")."""
    line = _bare(line)
    return len(line) <= MAX_DATE_TAIL and line_date(line) is not None


def _signature(units: list[Unit], index: int) -> str | None:
    """The names a short line signs with ("Von Jane Doe", "Author: jane_d"), or None."""
    line = _bare(units[index].text)
    # Drupal's "Submitted by jane on …" ("Gespeichert von jane am …"): the by-word
    # follows the dateline's verb
    if len(line) > SIGNED_CHARS or not opens_byline(without_dateline_verb(line)):
        return None
    found = byline_of(CONTACT.sub("", line).strip())
    if found is None:
        return None
    # a user name in lower case signs when the line holds its date ("Gespeichert von
    # jane am 24. Juli 2017"); alone ("by the way") it may be a phrase's word
    dated = line_date(line) is not None and user_like(found, units, index)
    return found if strict_name(found) or is_coined(found) or dated else None


SIGN_GAP = 2
"""Units around a signature line within which the paragraph it signs stands."""


BEFORE_TEXT = 8
"""Units over the story's first paragraph searched for its date when the heading has none."""


def date_before_text(
    units: list[Unit], first_paragraph: int, heading: int
) -> tuple[int, str] | None:
    """The date on a date line just over the story's first paragraph, and its unit.

    When the heading found is not the story's own (only the head line was
    found), or its dateline sits lower, the date still stands over the text,
    alone or labelled ("03.11.2021", "Veröffentlicht am 16.08.2019").
    """
    stop = max(heading, first_paragraph - 1 - BEFORE_TEXT, -1)
    for index in range(first_paragraph - 1, stop, -1):
        line = unglued_year(_bare(units[index].text))
        if is_labelled_date(line) and (when := line_date(line)) is not None:
            return index, when[:10]
    return None


def byline_before_text(units: list[Unit], first_paragraph: int, url: str | None) -> str | None:
    """The byline on a line just over the story's first paragraph, when none stood by the
    heading found: that heading may be a teaser's or the head line's, while the story's
    byline still stands over its text.  Only the plain forms count here, a by-word
    ("Von Jane Doe", "Home | By Jane Doe | May 5") or a name beside its date on the
    line ("Jane Doe 19.10.2019, 05:00 Uhr"): away from the heading, a name alone or a
    date on the next line is a teaser's or a caption's."""
    sites = site_labels(url)
    for index in range(first_paragraph - 1, max(-1, first_paragraph - 1 - BEFORE_TEXT), -1):
        line = _bare(units[index].text)
        if not line or len(line) > MAX_META_CHARS or _meta_words(line) > MAX_META_WORDS:
            continue
        plain = CONTACT.sub("", line).strip()
        names = byline_of(plain) or _part_byline(plain)
        if (
            names is None
            and (dated := _dated_names(line))
            and not _in_dated_run(units, index)
            and person_like(dated, units, index)
        ):
            names = dated
        if names:
            return None if names_site(names, sites) else _said_once(names)
    return None


def _in_dated_run(units: list[Unit], index: int) -> bool:
    """True when a line next to ``index`` holds a date too: a list of dated entries
    ("[ 5. Februar 2020 ] Headline – Category"), whose names are no byline."""
    return any(
        0 <= other < len(units) and iso_date(_bare(units[other].text)[:MAX_META_CHARS]) is not None
        for other in (index - 1, index + 1)
    )


def line_date(line: str) -> str | None:
    """The date a short line writes, in the forms of every language file ("5 марта 2020",
    "5 de março de 2020" too); a day and month that could be read either way
    ("03/04/2020") only when the line says which (:func:`iso_date`)."""
    line = unglued_year(line)
    found = iso_date(line)
    if found is not None:
        return found[:10]
    if _AMBIGUOUS_SLASHED.search(line):
        return None
    return parse_date(line)


def _window(units: list[Unit], heading: int) -> list[int]:
    """The units to read: under the heading up to its second paragraph, then over it."""
    below: list[int] = []
    paragraphs = 0
    for index in range(heading + 1, min(len(units), heading + 1 + BELOW)):
        if is_prose(units[index].text):
            paragraphs += 1
            if paragraphs >= 2:
                break
            continue
        below.append(index)
    return below + list(range(heading - 1, max(-1, heading - 1 - ABOVE_DATE), -1))


def _bare(line: str) -> str:
    """A line without the list bullet or separator a converter put before it, and without
    the soft hyphens and zero-width spaces of hyphenated text ("Mat\u00adthi\u00adas"),
    which a name shown as text does not have."""
    if _INVISIBLE_CHARS.search(line):
        line = _INVISIBLE_CHARS.sub("", line)
    return _LEAD.sub("", line).strip() if _LEAD.match(line) or BULLET.match(line) else line


_INVISIBLE_CHARS = re.compile("[\u00ad\u200b]")


def _names_at(units: list[Unit], index: int, line: str) -> tuple[str, list[int]] | None:
    """The byline a line gives, with the units it takes, or None.

    "By Jane Doe", "5 March 2021 by Jane Doe" (:func:`byline_of`), also when
    the converter glued "ByJane Doe" or an e-mail address follows; "Von" over
    "Jane Doe"; a name beside its date on the line ("Jane Doe 19.10.2019",
    "5 March 2021 | Jane Doe") or on the line over or under it.  Converters
    that keep pictures' alt text ("Avatar Jane Doe") and join inline elements
    without a space ("vonJane Doe", "Jane Doe22.03.2021", "Von Jane DoeRSS-Feed")
    are read too.
    """
    line = without_pictures(line)
    found = _names_on(units, index, line)
    for variant in (spaced, split_glued_names):
        if found is not None:
            break
        if (respaced := variant(line)) != line:
            found = _names_on(units, index, respaced)
    return found


def _names_on(units: list[Unit], index: int, line: str) -> tuple[str, list[int]] | None:
    """:func:`_names_at` of a line as it is written."""
    plain = CONTACT.sub("", line).strip()
    found = byline_of(plain) or byline_of(unglued_by_word(plain)) or _part_byline(plain)
    if found:
        return found, [index]
    if (byline_prefix_only(line) or ends_with_by_word(line)) and index + 1 < len(units):
        following = _bare(units[index + 1].text)
        return (following, [index, index + 1]) if strict_name(following) else None
    names = _dated_names(line)
    if names is not None and person_like(names, units, index):
        return names, [index]
    if (posted := post_meta(line, units, index)) is not None:
        return posted, [index]
    if names is not None:
        return None
    if line.endswith(","):
        return None  # a letter's or a reply's salutation: "Dear Jane,"
    names, tail = leading_names(line)
    if not _SEPARATOR.sub("", tail) and _dated_neighbour(units, index):
        return (names, [index]) if person_like(names, units, index) else None
    return None


def _part_byline(line: str) -> str | None:
    """The names of the one part of a line, between hard separators, that opens with a
    by-word or a byline label: "Home | By Jane Doe | May 5, 2020", "Veröffentlicht:
    05.01.2020 | Autor: jane | Abgelegt unter: Fotos" (a breadcrumb, the date and the
    categories share the line)."""
    if _HARD_SPLIT.search(line) is None:
        return None
    found = {
        names
        for part in _HARD_SPLIT.split(line)
        if opens_byline(part) and (names := byline_of(part)) is not None
    }
    return found.pop() if len(found) == 1 else None


def _dated_names(line: str) -> str | None:
    """The name on a line that also holds its date, in any of the orders templates use.

    "Jane Doe / 22.04.2020 / 06:15" and "28. Juni 2019 | Jane Doe" (parts between
    hard separators); "Jane Doe 19.10.2019, 05:00 Uhr" and "Jane Doe, am Sonntag,
    11.12.2022" (the date after the name); "September 17, 2019 Jane Doe 0" (the
    date before it, a comment count or the link to the comments after).
    """
    if iso_date(line) is None:
        return None
    parts = [p.strip() for p in _HARD_SPLIT.split(line) if p.strip()]
    if len(parts) > 1:
        named = [p for p in parts if strict_name(p)]
        if len(named) == 1:
            return named[0]
    tokens = line.split()
    starts_dated = tokens[0][:1].isdigit() or is_month_or_day(tokens[0])
    for count in range(2, min(len(tokens), MAX_DATE_TOKENS) + 1 if starts_dated else 0):
        if iso_date(" ".join(tokens[:count])) is not None:
            names, tail = leading_names(_SEPARATOR.sub("", " ".join(tokens[count:])))
            tail = tail.strip(" |·•0123456789")
            return names if names and (not tail or is_reply_form_line(tail)) else None
    names, tail = leading_names(line)
    tail = _SEPARATOR.sub("", tail)
    if names and tail:
        tokens = names.split()
        if len(tokens) >= 3 and tail[:1].islower():
            # "Jane Doe Zuletzt geändert am …": the dateline's first word is capitalised
            names, tail = " ".join(tokens[:-1]), f"{tokens[-1]} {tail}"
        return names if iso_date(tail[:MAX_DATE_TAIL]) is not None else None
    return None


def _dated_neighbour(units: list[Unit], index: int) -> bool:
    """True when a line over or under ``index`` is a short date line; one short line
    (a role, "Chefredakteur") may stand between."""
    for step in (-1, 1):
        for other in (index + step, index + 2 * step):
            if not 0 <= other < len(units):
                break
            text = _bare(units[other].text)
            if len(text) <= MAX_DATE_TAIL and iso_date(text) is not None:
                return True
            if len(text) > SHORT_BETWEEN:
                break
    return False
