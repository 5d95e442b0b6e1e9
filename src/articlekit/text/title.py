"""Title and metadata of a text dump: the head line, the story's heading, byline and date.

Whole-page dumps start with the ``<title>`` ("Story – Site"); the story's heading
repeats part of it further down.  The byline and date lines under the heading
give the article's metadata and leave the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from articlekit.comments.phrases import is_comment_header
from articlekit.text.headline import Neighbourhood, headline_like, headline_score, names_site
from articlekit.text.lines import (
    byline_of,
    is_boilerplate_line,
    is_button_line,
    is_byline_or_date,
    is_end_marker,
    words,
)
from articlekit.text.units import BULLET, SENTENCE_BREAK, Unit

__all__ = ["Headline", "find_title", "listing_title", "strip_site", "title_like", "unmarked"]

_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,}|\*{3,})$")
_BREADCRUMB = re.compile(r"\s[>»/›→]\s")
# the separator before a breadcrumb's last item: "Home › Travel › ", "Newsroom / Tips / "
_TRAIL_END = re.compile(r"\s[>»/›→·|]\s*$|[>»›→]$")
_SEPARATORS = re.compile(r"\s+(?:[|·•»:–—-]|::)\s+")
# the parts of a head line split at a colon too: "Story: Site" ("COP26 in Glasgow: Grüne
# im Bundestag"), as well as "Kicker: Story | Site" whole
_HEAD_PARTS = re.compile(r"\s*:\s+|\s+(?:[|·•»–—-]|::)\s+")


MIN_HEADLINE_SCORE = 1.0
"""What a line's neighbourhood must say (:func:`headline_score`) for it to be the headline."""
CAPTION_PENALTY = 2.0
"""What standing as a caption (a line shown twice around a credit) takes from a line's
headline score: headlines stand over the lead picture and its credit too."""
CRUMB_SCORE = 2.0
"""What a breadcrumb ending in the line (a list item or a "Home › Section › …" line
above it) adds to a line's headline score: a trail ends with the page itself."""
CRUMB_REACH = 40
"""Units over a headline searched for the breadcrumb that ends with it."""
REPEAT_SCORE = 3.0
"""What repeating the head line (the page's ``<title>``) adds to a line's headline score."""


@dataclass(frozen=True, slots=True)
class Headline:
    """The title of a dump and where it stands."""

    title: str | None
    head_index: int | None = None
    """The head line (the page's ``<title>``), when the dump starts with one."""
    heading_index: int | None = None
    """The story's own heading, which the byline and date follow."""
    ends_header: bool = False
    """True when the heading stands above the story's first run of prose, so that what
    precedes it is the site's header and menus."""


def find_title(
    units: list[Unit], url: str | None = None, taken: frozenset[int] = frozenset()
) -> Headline:
    """The title, the head line and the story's heading (:func:`_find_title`); the
    title without the soft hyphens and zero-width spaces of hyphenated text."""
    found = _find_title(units, url, taken)
    if found.title is None or _INVISIBLE.search(found.title) is None:
        return found
    return replace(found, title=_INVISIBLE.sub("", found.title))


_INVISIBLE = re.compile("[\u00ad\u200b]")


def _find_title(
    units: list[Unit], url: str | None = None, taken: frozenset[int] = frozenset()
) -> Headline:
    """The title, the head line and the story's heading.

    Whole-page dumps of some converters start with the ``<title>`` ("Story –
    Site"); the story's heading repeats part of it further down.  Others keep
    only the body.  Each title-like line is weighed by its neighbourhood
    (:func:`~articlekit.text.headline.headline_score`: a dateline under it,
    the first paragraph close below, the permalink's words), by repeating the
    head line, and by standing above the story's first run of prose; the best
    one is the headline.  Without one, the title is the heading-like line
    nearest above the first paragraph, or the head line without its site
    name.  Units in ``taken`` (captions, credits) weigh less: a headline over the
    lead picture's credit reads as a caption too.
    """
    head_index = next(
        (
            i
            for i, u in enumerate(units[:5])
            if not (is_button_line(u.text) or is_boilerplate_line(u.text) or len(u.text) > 250)
        ),
        None,
    )
    near = Neighbourhood.of(units, url)
    main_start = near.main_start()
    head = units[head_index].text if head_index is not None else None
    best, repeated = _best_headline(near, head_index, main_start, taken)
    if best is not None:
        ends_header = main_start is None or best <= main_start
        if best == head_index and not repeated:
            # the dump starts with the story's own heading: no head line above it; or with
            # the <title>, when the heading is shown twice around its picture's credit
            # and so taken for a caption: the byline and date stand by that one
            heading = _taken_repeat(units, best, taken)
            title = strip_site(units[best].text, near.sites)
            if heading is not None:
                return Headline(title, best, heading, main_start is None or heading <= main_start)
            return Headline(title, None, best, ends_header)
        if best != head_index:
            text = _without_kicker(BULLET.sub("", unmarked(units[best].text)), head)
            text = _head_story(text, head, near.sites)
            return Headline(_crumb_title(units, best, text), head_index, best, ends_header)
    if head_index is not None and _UNDERLINE.match(_text_at(units, head_index + 1)):
        return Headline(head, None, head_index, True)
    first_prose = next((i for i, p in enumerate(near.prose) if p), None)
    if first_prose is not None:
        for index in range(first_prose - 1, max(-1, first_prose - 13), -1):
            line = units[index].text
            if title_like(line) and len(words(line)) >= 3:
                return Headline(unmarked(line), None, index, True)
    if head is not None and title_like(head):
        return Headline(strip_site(head, near.sites), head_index)
    return Headline(None)


def _best_headline(
    near: Neighbourhood, head_index: int | None, main_start: int | None, taken: frozenset[int]
) -> tuple[int | None, bool]:
    """The index of the best-scoring headline (None when none scores enough), and whether
    any line repeats the head line."""
    units = near.units
    head = units[head_index].text if head_index is not None else None
    best: tuple[float, int] | None = None
    repeated = False
    for index, unit in enumerate(units):
        line = unmarked(unit.text)
        repeats = head is not None and index != head_index and _repeats_title(head, line)
        if not (repeats and len(line) >= 10) and not headline_like(BULLET.sub("", line)):
            continue
        repeated = repeated or repeats
        score = headline_score(near, index) + (REPEAT_SCORE if repeats else 0.0)
        if index in taken:
            score -= CAPTION_PENALTY
        if not BULLET.match(line) and _crumb_above(units, index):
            score += CRUMB_SCORE
        if main_start is not None and index > main_start and not repeats:
            score -= 4.0  # a section heading of the text, or a teaser under it
        if best is None or score > best[0]:
            best = (score, index)
    if best is None or best[0] < MIN_HEADLINE_SCORE:
        return None, repeated
    return best[1], repeated


KICKER_WORDS = 6
"""Words of a kicker that a heading may hold before the story's title ("Investitionen in
IT-Sicherheit Cyber-Angriffe: …")."""
_WORD = re.compile(r"\w+")
_OPENING_MARKS = "\"'„“«‹(["
_QUOTE_MARKS = re.compile('["„“”«»‹›]')


def _without_kicker(heading: str, head: str | None) -> str:
    """The heading without the kicker it opens with, when the head line (the page's
    ``<title>``, "Story – Site") gives the story's title without it: templates put the
    kicker and the title in one heading element, which converters write as one line."""
    if head is None:
        return heading
    separators = list(_SEPARATORS.finditer(head))
    if not separators:
        return heading
    story = [w.lower() for w in _WORD.findall(head[: separators[-1].start()])]
    found = list(_WORD.finditer(heading))
    kicker = len(found) - len(story)
    if (
        len(story) < 3
        or not 0 < kicker <= KICKER_WORDS
        or [m[0].lower() for m in found[kicker:]] != story
    ):
        return heading
    start = found[kicker].start()
    while start > 0 and heading[start - 1] in _OPENING_MARKS:
        start -= 1
    # a quotation before the title is the headline's own ("»Pure joy«: Jane wins")
    return heading if _QUOTE_MARKS.search(heading[:start]) else heading[start:]


def _head_story(heading: str, head: str | None, sites: frozenset[str]) -> str:
    """The story's part of the head line (:func:`strip_site`) without its kicker, when
    the heading glues that kicker to it ("Storm damage Harbour wall to be rebuilt"
    under "Storm damage: Harbour wall to be rebuilt | Gazette", or "… - Harbour wall …
    - Gazette"): the template put kicker and title in two elements of one heading, which
    converters write as one line; the head line keeps them apart."""
    if head is None:
        return heading
    story = strip_site(head, sites)
    kicker, colon, rest = story.partition(": ")
    if colon and len(words(rest)) >= 2 and heading in (f"{kicker} {rest}", kicker + rest):
        return rest
    if story == head or len(story) >= len(heading) or not heading.endswith(story):
        return heading
    kicker = heading[: -len(story)]
    if not (_glued(kicker) and 1 <= len(words(kicker)) <= KICKER_WORDS):
        return heading
    return story if len(words(story)) >= 2 else heading


def _glued(kicker: str) -> bool:
    """True for a kicker joined to the title by a space or nothing: one the heading
    writes with its separator ("Firefox – Weniger Werbung") is the title's own as
    often as not."""
    end = kicker.rstrip()[-1:]
    return end.isalnum() or (end != "" and end in _CLOSING_MARKS)


_CLOSING_MARKS = "\"'“”»«)]"


CRUMB_TITLE_WORDS = 3
"""Words a breadcrumb's last item needs to stand for the story's title."""


def _crumb_title(units: Sequence[Unit], index: int, heading: str) -> str:
    """The heading without the kicker it opens with, when a breadcrumb above ends with
    the rest ("Startseite / Handel / Getränke per Schiff" over "Olympische Spiele in
    Paris Getränke per Schiff"), or names it as one part of its last item ("• Daten
    gehackt - Interne Unterlagen" over "Interne Unterlagen Daten gehackt"): the trail
    names the page by its title alone, where the template put the kicker and the title
    in one heading element.  Dumps without the ``<title>`` line have only the trail to
    tell them apart."""
    for item, whole in _crumb_items(units[max(0, index - CRUMB_REACH) : index]):
        kicker = heading[: -len(item)]
        if (
            len(words(item)) >= CRUMB_TITLE_WORDS
            and len(item) < len(heading)
            and heading.endswith(item)
            and not kicker[-1:].isalnum()
            # a heading that is itself a trail ("GPUs / Video Cards") names no kicker
            and _TRAIL_END.search(kicker) is None
            # a part of an item is the title only where the heading glues the other
            # part to it: one written with its separator ("Firefox – Weniger …") is
            # the title's own
            and (whole or _glued(kicker))
            # a one-word "kicker" is the title's own first word ("Acme's Fitness Repair")
            and len(kicker.split()) >= 2
        ):
            return item
    return heading


def _crumb_items(units: Sequence[Unit]) -> Iterator[tuple[str, bool]]:
    """The items of the breadcrumbs among ``units`` (list items, and the last item of a
    trail line "home / Ratgeber / Story"), True, and the parts of each item split at
    its separators, False."""
    for unit in units:
        text = unit.text
        if _BREADCRUMB.search(text):
            item = _BREADCRUMB.split(text)[-1]
        elif BULLET.match(text):
            item = BULLET.sub("", text)
        else:
            continue
        yield item, True
        parts = _SEPARATORS.split(item)
        if len(parts) > 1:
            yield from ((part, False) for part in parts)


def _crumb_above(units: Sequence[Unit], index: int) -> bool:
    """True when a breadcrumb above ends with line ``index``: a list item of the same
    text after other items (Resiliparse lists the trail "1. Home / 2. Forum / 3. Topic")
    or a line that ends with it after a trail separator ("Home · Farm · Topic")."""
    line = units[index].text
    start = max(0, index - CRUMB_REACH)
    for at, other in enumerate(units[start:index], start):
        text = other.text
        if BULLET.match(text) and BULLET.sub("", text) == line:
            # a trail has items before its last; a teaser's link written as a list item
            # of its own over its headline ("• Story", "Story", "1. November") has none
            if at > 0 and BULLET.match(units[at - 1].text):
                return True
            continue
        if (
            len(text) > len(line)
            and text.endswith(line)
            and _TRAIL_END.search(text[: -len(line)]) is not None
        ):
            return True
    return False


def _taken_repeat(units: list[Unit], head_index: int, taken: frozenset[int]) -> int | None:
    """The first unit in ``taken`` (a caption) that repeats the head line, or None."""
    head = units[head_index].text
    return next(
        (i for i in sorted(taken) if i > head_index and _repeats_title(head, units[i].text)),
        None,
    )


# the permalink documentation generators put after a heading (Sphinx's "¶", a link
# symbol), which converters write as the heading's last character
_PERMALINK_SIGNS = "¶\U0001f517"
_PERMALINK = re.compile(rf"\s*[{_PERMALINK_SIGNS}]$")


def unmarked(line: str) -> str:
    """``line`` without the permalink sign that ends a documentation page's heading
    ("Advanced Usage ¶")."""
    return _PERMALINK.sub("", line) if line[-1:] in _PERMALINK_SIGNS else line


def _text_at(units: list[Unit], index: int) -> str:
    return units[index].text if index < len(units) else ""


def title_like(line: str) -> bool:
    """True for a line that reads as a headline: a few words, no sentence, no template text."""
    return (
        1 <= len(words(line)) <= 25
        and len(line) <= 200
        and line[-1:] not in ".,;:"
        and not SENTENCE_BREAK.search(line)
        and not _BREADCRUMB.search(line)
        and not is_button_line(line)
        and not is_boilerplate_line(line)
        and not is_byline_or_date(line)
        and byline_of(line) is None
        and not is_end_marker(line)
        and not is_comment_header(line)
        and not BULLET.match(line)
    )


def _repeats_title(head: str, candidate: str) -> bool:
    if candidate == head:
        return True
    if len(candidate) < len(head) * 0.35 and not _first_part(head, candidate):
        return False
    parts = (*_SEPARATORS.split(head), *_HEAD_PARTS.split(head))
    return any(part == candidate for part in parts) or (
        (head.startswith(candidate) or head.endswith(candidate))
        and len(candidate) >= 0.5 * len(head)
    )


def _first_part(head: str, candidate: str) -> bool:
    """True when ``candidate`` is the head line's first part, the story's in "Story — Site
    documentation": a short title beside a long site name."""
    return len(words(candidate)) >= 2 and _SEPARATORS.split(head, maxsplit=1)[0] == candidate


def strip_site(head: str, sites: frozenset[str] = frozenset()) -> str:
    """The story's part of a head line "Story – Site": without the part that spells the
    host name, its longest part, when long enough."""
    parts = [p for p in _SEPARATORS.split(head) if not names_site(p, sites)]
    if len(parts) > 1:
        longest = max(parts, key=len)
        if len(longest) >= 15:
            return longest
    return parts[0] if len(parts) == 1 and len(parts[0]) >= 15 else head


def listing_title(units: list[Unit]) -> str | None:
    """The page's head line (its ``<title>``), not the first teaser's headline."""
    for unit in units[:5]:
        line = unit.text
        if not (is_button_line(line) or is_boilerplate_line(line)) and title_like(line):
            return strip_site(line)
    return None
