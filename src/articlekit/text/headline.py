"""The story's headline among the lines of a dump: what stands around it, not what it says.

Converters lay a page out differently: html-text starts with the ``<title>``,
Resiliparse keeps only the body, with menus as bulleted lists.  What every
layout keeps is the headline's neighbourhood: a dateline or byline just under
it, the story's first paragraph a few lines below, a permalink that spells
its words, the head line that repeats it.  :func:`headline_score` weighs these
for one line; :mod:`articlekit.text.title` picks the best line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import unquote, urlsplit

from articlekit.comments.phrases import is_comment_header
from articlekit.input.replay import archived_url
from articlekit.metadata.textdates import iso_date
from articlekit.text.lines import (
    byline_of,
    byline_prefix_only,
    is_boilerplate_line,
    is_button_line,
    is_byline_or_date,
    is_end_marker,
    words,
)
from articlekit.text.units import BULLET, Unit, is_prose
from articlekit.text.vocabulary import one_of

__all__ = [
    "Neighbourhood",
    "headline_like",
    "headline_score",
    "names_site",
    "site_labels",
    "slug_overlap",
    "slug_tokens",
]

META_BELOW = 3
"""Units under a headline searched for its dateline or byline."""
META_ABOVE = 2
"""Units over a headline searched for a dateline (some templates put it first)."""
PROSE_NEAR = 5
"""Units under a headline within which the story's first paragraph starts."""
PROSE_FAR = 10
"""Units under a headline within which a paragraph still counts, for less."""
DUPLICATE_REACH = 15
"""Units around a headline searched for the same line shown again."""
RUN_GAP = 3
"""Units after a paragraph within which the next one must start for the two to be a run."""

_TOKEN = re.compile(r"[a-z0-9]+")
_DOMAIN_END = re.compile(r"\.(?:[a-z]{2,3}|info|shop|news)$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^[•·▪◦‣*-]\s+")
# a caption with its credit on the same line: "… am Anleger. Bild: Markus Feld"
_TRAILING_CREDIT = re.compile(
    r"(?:\b" + one_of("caption_credit_labels") + r"s?\s*:|©)\s*[^.:]{2,60}$", re.IGNORECASE
)
_BREADCRUMB = re.compile(r"\s[>»/›→]\s")
# a timestamp line: a year and a clock time ("Jan 04 09:34 2021", "15 августа 2016, 13:43")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CLOCK = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:h]\d\d(?![\d:])")
TIMESTAMP_WORDS = 6
"""Words of a line with a year and a clock time that make it a timestamp, not a headline."""
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# Permalinks spell umlauts and ß out in ASCII ("heiss", "grosse", "fuer"): a title
# word matches the slug in either spelling.
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# What every permalink carries and no title word means: file endings, index pages.
_URL_NOISE = frozenset(["html", "htm", "php", "asp", "aspx", "shtml", "index", "www"])


def _folded(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def slug_tokens(url: str | None, *, leaf: bool = False) -> frozenset[str]:
    """The words of a URL's path, lower case and ASCII ("/2019/10/bohren-bis-es-heiss-wird");
    with ``leaf``, of its last segment only (the permalink's slug, not its sections)."""
    if not url:
        return frozenset()
    try:
        path = unquote(urlsplit(archived_url(url)).path)
    except ValueError:
        return frozenset()
    if leaf:
        path = path.rstrip("/").rsplit("/", 1)[-1]
    tokens = _TOKEN.findall(_folded(path.lower().translate(_SPELLED_OUT)))
    tokens += _TOKEN.findall(_folded(path.lower()))
    return frozenset(t for t in tokens if len(t) >= 3 and not t.isdigit() and t not in _URL_NOISE)


def site_labels(url: str | None) -> frozenset[str]:
    """The labels of a URL's host name ("www.spiegel.de" gives "spiegel"), for site names."""
    if not url:
        return frozenset()
    try:
        host = urlsplit(archived_url(url)).hostname or ""
    except ValueError:
        return frozenset()
    return frozenset(label for label in host.split(".")[:-1] if len(label) >= 3)


def _line_tokens(line: str) -> list[str]:
    lowered = line.lower()
    return [t for t in _TOKEN.findall(_folded(lowered)) if len(t) >= 3 and not t.isdigit()]


def slug_overlap(line: str, slug: frozenset[str]) -> float:
    """Share of a line's words (three letters or more) that the permalink spells."""
    if not slug:
        return 0.0
    plain = _line_tokens(line)
    if not plain:
        return 0.0
    spelled = _line_tokens(line.lower().translate(_SPELLED_OUT))
    hits = sum(1 for a, b in zip(plain, spelled, strict=False) if a in slug or b in slug)
    if hits < min(2, len(plain)):
        return 0.0
    return hits / len(plain)


def names_site(line: str, sites: frozenset[str]) -> bool:
    """True when a line is the site's name: its letters spell a label of the host name,
    or two of them ("Gentoo Wiki" on wiki.gentoo.org), or one after an article ("Die
    Tagespresse" on dietagespresse.com, "Das Blatt" on blatt.de)."""
    tokens = _TOKEN.findall(_folded(_DOMAIN_END.sub("", line.strip()).lower()))
    if not tokens or not sites:
        return False
    squeezed = "".join(tokens)
    labels = {s.replace("-", "") for s in sites}
    if squeezed in labels or (len(tokens) > 1 and "".join(tokens[1:]) in labels):
        return True
    return any(squeezed in (a + b, b + a) for a in labels for b in labels if a != b)


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """What a dump says around its lines: where prose is, which lines are datelines or
    bylines, what the URL spells."""

    units: Sequence[Unit]
    prose: tuple[bool, ...]
    """Paragraphs of prose that are no list items: what stands under a headline.  A list
    item is a teaser's summary or link as often as the story's."""
    listed: tuple[bool, ...]
    """Paragraphs of prose that are list items: a story told in lists starts with them."""
    meta: tuple[bool, ...]
    slug: frozenset[str]
    sites: frozenset[str]
    leaf: frozenset[str] = frozenset()
    """The words of the URL's last segment: a one-word line counts as the permalink's
    only there ("/news/ferry-…" names the section "News", not the story)."""

    @classmethod
    def of(cls, units: Sequence[Unit], url: str | None) -> Neighbourhood:
        """The neighbourhood of every line of ``units``, read once."""
        prose = tuple(is_prose(u.text) for u in units)
        listed = tuple(
            p and BULLET.match(u.text) is not None for p, u in zip(prose, units, strict=True)
        )
        return cls(
            units,
            tuple(p and not item for p, item in zip(prose, listed, strict=True)),
            listed,
            tuple(_meta(u.text) for u in units),
            slug_tokens(url),
            site_labels(url),
            slug_tokens(url, leaf=True),
        )

    def main_start(self) -> int | None:
        """The first paragraph of the first run of prose (two paragraphs close together);
        a lone paragraph above it (a cookie notice, a promo) does not start the story,
        nor does one that a dateline parts from the next (a blog's description over the
        post's date, headline and text) or one shown again."""
        found = [i for i, p in enumerate(self.prose) if p or self.listed[i]]
        for index, after in pairwise(found):
            if (
                after - index <= RUN_GAP
                and not any(self.meta[index + 1 : after])
                # a notice shown twice (its banner and its <noscript> text) is no story
                and self.units[index].text != self.units[after].text
            ):
                return index
        return found[0] if found else None


def headline_like(line: str) -> bool:
    """True for a line that may be a headline: a few words, no template text, no list item.

    Looser than :func:`articlekit.text.title.title_like`: a headline may hold two
    sentences ("Are we? So do we.") and a slash; its neighbours decide.
    """
    count = len(words(line))
    return (
        1 <= count <= 30
        and len(line) <= 250
        and line[-1:] not in ",;:"
        and len(_BREADCRUMB.findall(line)) < 2
        and line.count("|") < 2
        and not is_button_line(line)
        and not is_boilerplate_line(line)
        and not is_byline_or_date(line)
        and byline_of(line) is None
        and not is_end_marker(line)
        and not is_comment_header(line)
        and _TRAILING_CREDIT.search(line) is None
        and not is_timestamp(line)
    )


def is_timestamp(line: str) -> bool:
    """True for a short line with a year and a clock time: a dateline whose month a
    language file may not spell ("15 августа 2016, 13:43"), or whose order the date
    reader does not know ("Jan 04 09:34 2021"); headlines hardly ever give the time."""
    return (
        _CLOCK.search(line) is not None
        and _YEAR.search(line) is not None
        and len(words(line)) <= TIMESTAMP_WORDS
    )


def _length_score(count: int) -> float:
    """Headlines run four to fifteen words; menu items one to three, standfirsts more."""
    if count == 1:
        return -2.0
    if count <= 3:
        return -1.0
    if count <= 9:
        return 1.0
    return 1.5 if count <= 15 else -0.5


def _word_count(line: str) -> int:
    """Words of a line; CJK scripts write no spaces, so two of their characters count as one."""
    wide = len(_WIDE.findall(line))
    return len(words(line)) + wide // 2 if wide * 2 > len(line) else len(words(line))


KICKER_WORDS = 3
"""Words of a kicker or section line ("Local News", "Open Future") that converters glue
over the headline in one block."""


def _alone(units: Sequence[Unit], index: int) -> bool:
    """True for a line in a block of its own, or under a kicker that shares its block."""
    block = units[index].block
    if index + 1 < len(units) and units[index + 1].block == block:
        return False
    if index == 0 or units[index - 1].block != block:
        return True
    above = units[index - 1].text.rstrip(" |·•»›")  # "Local News |"
    kicker = words(above)
    return (
        2 <= len(kicker) <= KICKER_WORDS  # one word over a line is a menu's last item
        # a section's name: capitalised words, no date, no list item or widget label
        and all(word[0].isupper() and not word.isdigit() for word in kicker)
        and above[-1:].isalpha()
        and not BULLET.match(above)
        and not is_button_line(above)
        and not units[index].text.startswith(above)
        and iso_date(units[index].text) is None  # a name over its dateline
        and (index == 1 or units[index - 2].block != block)
    )


def _meta(line: str) -> bool:
    """A dateline or byline line, also as a list item ("• 14.03.23", "• Von")."""
    line = _LIST_MARK.sub("", line)
    return len(line) <= 160 and (
        is_byline_or_date(line) or byline_of(line) is not None or byline_prefix_only(line)
    )


def headline_score(near: Neighbourhood, index: int) -> float:
    """How much line ``index`` stands where, and reads as, a headline stands and reads.

    Each sign adds or takes away about the log of how much more often it is
    seen at a headline than at other short lines near a story's start, rounded
    (measured on the dev corpora in both dump styles): a dateline or byline
    just under it (or a date over it), the first paragraph close below, a
    block of its own, four words or more, the permalink's words.  A line that
    spells the site's name is the site's header.
    """
    units = near.units
    line = units[index].text
    score = 0.0
    meta = near.meta
    below = index + 1
    if any(meta[below : below + 1]):
        score += 2.0
    elif any(meta[below + 1 : below + META_BELOW] + meta[max(0, index - META_ABOVE) : index]):
        score += 1.0
    prose = near.prose[below : below + PROSE_FAR]
    if any(prose[:2]):
        score += 1.5
    elif any(prose[:PROSE_NEAR]):
        score += 0.5
    else:
        score -= 0.5
    score += 1.0 if _alone(units, index) else -2.0
    score += _length_score(_word_count(line))
    if BULLET.match(line):
        score -= 2.0  # a menu or a list of other stories; a breadcrumb's last item at best
    if iso_date(line) is not None:
        score -= 2.0  # a teaser's or a dateline's date, hardly ever a headline's
    if line[-1] == ".":
        score -= 1.5  # a sentence, more often than a headline
    window = units[max(0, index - DUPLICATE_REACH) : index + DUPLICATE_REACH]
    if sum(1 for u in window if u.text == line) > 1:
        score += 0.5  # shown twice: the heading and its picture's alt text, or the breadcrumb
    if near.slug:
        overlap = slug_overlap(line, near.slug if len(words(line)) > 1 else near.leaf)
        score += 3.0 * overlap if overlap else -1.0
    if names_site(line, near.sites):
        score -= 3.0
    return score
