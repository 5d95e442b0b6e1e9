"""Blocks: lines that repeat the metadata are not body text.

The heading that repeats the article title, the kicker above it, the standfirst
when it is the description, and the visible byline, read-time and dateline lines
are left out of the blocks (:func:`drop_metadata_lines`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from articlekit.languages import LANGUAGES, phrase_pattern, words
from articlekit.metadata.extract import Metadata
from articlekit.model import Block, BlockKind

__all__ = ["drop_metadata_lines"]


def _credited_work_forms() -> str:
    """The byline forms that name what the author made ("Photos and words by"): per
    language, one or two credited works (joined by its "and" or "&") before its
    byline prefix."""
    forms: list[str] = []
    for code in LANGUAGES:
        works = words("blocks.credited_works", [code])
        if not works:
            continue
        joiners = phrase_pattern([*words("blocks.work_joiners", [code]), "&"])
        work = phrase_pattern(works)
        prefix = phrase_pattern(words("blocks.byline_prefixes", [code]))
        forms.append(rf"(?:{work})(?:\s+(?:{joiners})\s+(?:{work}))?\s+(?:{prefix})")
    return "|".join(forms)


_WRITTEN_BY = phrase_pattern(words("blocks.written_by"))
_BYLINE_PREFIXES = phrase_pattern(words("blocks.byline_prefixes"))
_AUTHOR_LABELS = phrase_pattern(words("blocks.author_labels"))
# a byline line: "By Jane Doe", "Photos and words by ...", "Verfasst von: ...", "Autor: ..."
_BY_PREFIX = re.compile(
    rf"^(?:{_credited_work_forms()}|{_BYLINE_PREFIXES}|"
    rf"(?:{_WRITTEN_BY}):?|(?:{_AUTHOR_LABELS})\s*:)\s+\S",
    re.IGNORECASE,
)
_BY_INSIDE = re.compile(rf"\b(?:{_WRITTEN_BY})\s+\w", re.IGNORECASE)
# "By" left alone where the byline's name, marked as the author, was cut out of its line
_BY_ALONE = re.compile(
    rf"(?:{_BYLINE_PREFIXES}|{_WRITTEN_BY}|{_AUTHOR_LABELS})\s*:?", re.IGNORECASE
)
# "5 min read", "3-minute read", "Lesezeit", "temps de lecture"
_READ_TIME = re.compile(
    rf"\b\d+\s*(?:-\s*)?(?:{phrase_pattern(words('blocks.read_time_units'))})\.?\s+"
    rf"(?:{phrase_pattern(words('blocks.read_time_after'))})|"
    rf"\b(?:{phrase_pattern(words('blocks.read_time_labels'))})\b",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def drop_metadata_lines(
    blocks: Iterable[Block], metadata: Metadata, deks: set[int] | frozenset[int] = frozenset()
) -> tuple[Block, ...]:
    """Leave out what repeats the metadata: the title heading, the kicker above it,
    the standfirst when it is the description, byline and dateline lines."""
    blocks = list(blocks)
    title = _key(metadata.title or "")
    byline = _key(metadata.byline or "")
    description = _key(metadata.description or "")
    title_at = _title_heading(blocks, title)
    first_prose = next(
        (i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH and len(b.text) > 150),
        len(blocks),
    )
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index == title_at:
            continue
        if block.kind is BlockKind.PARAGRAPH:
            text = block.text
            top = index < max(first_prose, 1) and index < 10
            near_edge = index < 10 or index >= len(blocks) - 3
            if title_at is not None and index < title_at and _is_label(text):
                continue  # kicker or section label above the headline
            if (
                title_at is not None
                and title_at < index <= title_at + 2
                and index in deks
                and description
                and _key(text) == description
            ):
                continue  # the standfirst under the headline, already the description
            key = _key(text)
            if (
                top
                and title
                and key.endswith(title)
                and len(title) + 3 < len(key) < len(title) + 50
            ):
                continue  # a breadcrumb or header line ending in the title
            if (
                near_edge
                and len(text) < 200
                and _is_byline_line(text, byline)
                and not (index and _is_caption_naming(blocks[index - 1], text, byline))
            ):
                continue
            if top and _is_dated_label(text):
                continue  # "2021-10-16 | Botschaft": the dateline with the section's name
            if _is_date_line(text) and (top or _names_publishing(text)):
                continue  # "Posted on May 2, 2019" closing the text is metadata too
        kept.append(block)
    return tuple(kept)


def _title_heading(blocks: list[Block], title: str) -> int | None:
    if not title:
        return None
    for index, block in enumerate(blocks[:10]):
        if block.kind is not BlockKind.HEADING:
            continue
        key = _key(block.text)
        if key and (
            key == title
            or (len(key) >= 12 and title.startswith(key))
            or (len(title) >= 12 and key.startswith(title))
        ):
            return index
    return None


def _is_label(text: str) -> bool:
    return len(text) < 60 and len(text.split()) <= 6 and not re.search(r"[.!?:;]$", text)


def _is_byline_line(text: str, byline: str) -> bool:
    key = _key(text)
    if byline and byline in key:
        rest = key.replace(byline, " ")
        return len(rest.split()) <= 20
    if _BY_ALONE.fullmatch(text.strip()):
        return True
    if _BY_PREFIX.match(text) and len(text.split()) <= 12 and not re.search(r"[.!?]$", text):
        return True
    if _BY_INSIDE.search(text) and len(text.split()) <= 15:
        return True  # "Presseartikel vom 12. Oktober 1999, verfasst von NAME"
    return bool(_READ_TIME.search(text)) and len(text.split()) <= 14


def _is_caption_naming(previous: Block, text: str, byline: str) -> bool:
    """A caption under a picture that ends crediting the author ("Dig a hole. (Jane Doe)"):
    the author took the photo, the line still describes it.  An author's bio beside the
    author's photo starts with the name and stays out."""
    if previous.kind is not BlockKind.FIGURE or not byline or _BY_PREFIX.match(text):
        return False
    key = _key(text)
    return key.endswith(byline) and len(key[: -len(byline)].split()) >= 2


def _is_date_line(text: str) -> bool:
    """A line of dates and times only ("Thu, Feb 2nd 2023, 12:48 AM CST Updated ...")."""
    if len(text) > 140:
        return False
    words = _WORDS.findall(text.casefold())
    if not words or not any(w[:1].isdigit() for w in words):
        return False
    return all(w in _DATE_WORDS or _DATE_TOKEN.match(w) for w in words)


def _is_dated_label(text: str) -> bool:
    """A date line and a short label joined by a bar ("12.05.2020 | Politik")."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) != 2 or not all(parts):
        return False
    dates = [part for part in parts if _is_date_line(part)]
    labels = [part for part in parts if len(part.split()) <= 3 and not _is_date_line(part)]
    return len(dates) == 1 and len(labels) == 1


def _names_publishing(text: str) -> bool:
    """A date line saying what happened then ("veröffentlicht", "asked"), not a bare date
    (a year alone in a timeline is text)."""
    return any(w in _PUBLISH_WORDS for w in _WORDS.findall(text.casefold()))


_WORDS = re.compile(r"\w+")
_PUBLISH_WORDS = frozenset(words("blocks.publish_words"))
_DATE_TOKEN = re.compile(r"^(?:\d+(?:st|nd|rd|th|h\d*|er|e|º)?|[a-z]{1,3}t|utc|gmt|mesz|cest)$")
# Month and weekday names of the languages whose date lines this rule knows
_CALENDAR_LANGUAGES = ("en", "de", "fr", "es")
_CALENDAR_NAMES = frozenset(
    (*words("dates.months", _CALENDAR_LANGUAGES), *words("dates.weekdays", _CALENDAR_LANGUAGES))
)
# fmt: on
_DATE_WORDS = (
    _CALENDAR_NAMES
    | _PUBLISH_WORDS
    | frozenset(words("blocks.date_words"))
    | {"a", "m", "p"}  # "a.m.", "p.m." in words
)
