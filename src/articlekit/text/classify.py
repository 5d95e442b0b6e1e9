"""Which units of a text dump are the article: jusText-style classification in context.

Length, function-word share and punctuation give each unit a first kind
(good, near-good, short or bad; markup printed as text and long lines of
capitalised names without a sentence end are bad, a line that ends no
sentence is short whatever its length, a summary that links onwards is bad,
three near-good units in a row are good); headings over good text are kept,
neighbours decide the uncertain ones, plain lines between paragraphs are
filled in (up to six when they read as a text's steps), runs of terse sentences
with the story's paragraphs kept (``runs``), an end-of-article cue
("Related", "Share this") cuts the tail, small regions of good text far
from the story (parted by runs of template lines) go, the lead right under
the headline stays (``lead``), the boxes under the story (a bio, a
newsletter pitch: ``tail``) go, and the lists inside the story (ingredients,
specs, results: ``lists``) stay.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from articlekit.comments.phrases import is_comment_header, is_reply_form_line
from articlekit.text.lead import keep_lead
from articlekit.text.lines import (
    is_boilerplate_line,
    is_button_line,
    is_byline_or_date,
    is_end_marker,
    is_teaser_end,
    stopword_ratio,
    words,
)
from articlekit.text.lists import keep_story_lists
from articlekit.text.runs import extend_prose_runs
from articlekit.text.tail import drop_tail_boxes
from articlekit.text.units import SENTENCE_BREAK, TERMINAL, Unit, UnitKind, sentence_like
from articlekit.text.vocabulary import one_of

__all__ = ["LENGTH_HIGH", "LENGTH_LOW", "classify_units"]

# jusText's thresholds, scaled to the shorter multilingual function-word list used here.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.20
STOPWORDS_HIGH = 0.24
DATE_LINE_CHARS = 40
"""A date or byline line this short is metadata ("12 March 2023 · 2 min read")."""
END_LOOKAHEAD = 8
"""Units after an end-of-article cue searched for more article prose."""
MAX_HEADING_DISTANCE = 2
"""Units between a heading and the good paragraph it introduces."""

_SYMBOL_BULLET = re.compile(r"^[-*•·▪◦–]\s+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True, slots=True)
class _Line:
    """A unit's text as the template patterns read it, and what they say of it: read once
    for the unit's kind and for the runs of the story's sentences (``runs``)."""

    text: str
    """The item, without the list bullet a converter put before it."""
    markup: bool
    """Markup printed as text (:func:`_markup`)."""
    named: bool
    """A button, legal line, reply form, comment header, end-of-article cue or a caption
    with its credit."""
    dated: bool
    """A date or byline line."""
    end_cue: bool
    """An end-of-article cue ("Related", "Most read"), also as a list item ("• Most read")."""
    teaser: bool
    """A summary that links onwards ("… Read more"): another page's teaser."""
    closing: bool
    """An end-of-article cue or a comment section's header ("3 Responses to …")."""


def _read(text: str) -> _Line:
    # (a number's point is no bullet here: "8. November 2021" is a date line)
    line = _SYMBOL_BULLET.sub("", text, count=1) or text
    end_cue = is_end_marker(line)
    closing = end_cue or is_comment_header(line)
    named = (
        closing
        or is_button_line(line)
        or is_boilerplate_line(line)
        or is_reply_form_line(line)
        or _credited_caption(line)
    )
    return _Line(
        line, _markup(line), named, is_byline_or_date(line), end_cue, is_teaser_end(line), closing
    )


def _base_kind(read: _Line, use_stopwords: bool) -> UnitKind:
    line = read.text
    if read.markup or read.named or (len(line) <= DATE_LINE_CHARS and read.dated):
        # a date or byline line alone is a teaser's or the page's, never the story's text
        return UnitKind.BAD
    if read.teaser:
        # a summary that links onwards is another page's teaser, however long
        return UnitKind.BAD
    length = len(line)
    if length < 3 * LENGTH_HIGH and len(_WIDE.findall(line)) * 2 > length:
        # CJK scripts say as much in a third of the characters
        length *= 3
    if length < LENGTH_LOW:
        return UnitKind.SHORT
    ratio = stopword_ratio(line) if use_stopwords else 1.0
    if length >= LENGTH_HIGH:
        if ratio < STOPWORDS_LOW / 2 or _run_of_names(line):
            return UnitKind.BAD
        return UnitKind.GOOD
    if line[-1] not in TERMINAL and SENTENCE_BREAK.search(line) is None:
        # a headline: teasers under "Related" are this long, and a paragraph ends a
        # sentence; its neighbours decide, as for a short line
        return UnitKind.SHORT
    if use_stopwords and ratio >= STOPWORDS_LOW:
        return UnitKind.NEAR_GOOD
    if not use_stopwords and (line[-1] in TERMINAL or len(words(line)) >= 10):
        return UnitKind.NEAR_GOOD
    return UnitKind.BAD


CAPTION_CHARS = 300
"""A caption with its credit is this short; a paragraph may go on after a credit."""
# a credit after the caption's sentence, in brackets or after a bar: ". Foto: dpa",
# "(Photo: AP)", ", photo: Archives", ". © AFP / Jane Doe"; the name has no sentence end
_CREDIT_AFTER = re.compile(
    r"(?:[.!?,]\s+|\(|\s[|/]\s)(?:(?:"
    + one_of("credit_labels")
    + r")s?\s*:|©)\s*(?:[^.!?:]|\.(?=\S)){2,60}\)?\.?$",
    re.IGNORECASE,
)


def _credited_caption(line: str) -> bool:
    """True for a picture's caption with its credit after it ("The depot in 1920. Photo:
    City archive"): a converter puts both on one line, never a paragraph of the story."""
    return len(line) <= CAPTION_CHARS and _CREDIT_AFTER.search(line) is not None


_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
_REMOTE = re.compile(r"""=\s*["']?(?:https?:)?//""")
MARKUP_SHARE = 0.5
"""Share of a line in tags above which it is markup: a ``<noscript>`` tracking pixel or ad
slot that the converter printed as text."""


def _markup(line: str) -> bool:
    """True for a line that is mostly HTML tags loading from another address
    ("<div><img src=//ads… width=1>"): an ad slot or tracking pixel a converter printed
    as text.  A code sample's tags point nowhere or to the page's own files."""
    if "<" not in line or _REMOTE.search(line) is None:
        return False
    return sum(len(tag) for tag in _TAG.findall(line)) >= MARKUP_SHARE * len(line)


NAMES_CAPITALISED = 0.6
"""Share of capitalised words in a run of menu items, link titles or drop-down options
put on one line; prose, even German prose, has far fewer."""
NAMES_WORDS_PER_SENTENCE = 40
"""Words per sentence end above which a long line is no prose but a run of names."""
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


def _run_of_names(line: str) -> bool:
    """True for a long line of capitalised names with hardly a sentence end: a menu, a
    drop-down's options or a list of link titles that the converter put on one line."""
    tokens = [t for t in words(line) if t[0].isalpha()]
    if len(tokens) < NAMES_WORDS_PER_SENTENCE:
        return False
    capitalised = sum(1 for t in tokens if t[0].isupper())
    ends = len(_SENTENCE_END.findall(line))
    return capitalised >= NAMES_CAPITALISED * len(tokens) and len(
        tokens
    ) >= NAMES_WORDS_PER_SENTENCE * (ends + 1)


def classify_units(
    units: list[Unit], fixed: dict[int, UnitKind], heading: int | None = None
) -> list[UnitKind]:
    """A kind for each unit; ``fixed`` holds kinds decided earlier (title, figures, comments),
    ``heading`` the story's own heading, whose lead is kept (:mod:`~articlekit.text.lead`)."""
    long_units = [u.text for u in units if len(u.text) >= LENGTH_HIGH]
    use_stopwords = bool(long_units) and (
        sum(stopword_ratio(t) for t in long_units) / len(long_units) >= 0.22
    )
    lines = [_read(u.text) for u in units]
    kinds = [fixed.get(i) or _base_kind(line, use_stopwords) for i, line in enumerate(lines)]
    kinds = _runs_of_near_good(lines, kinds)
    first = list(kinds)  # before neighbours decide: the tail's boxes are told by it
    if UnitKind.GOOD not in kinds:
        # a page of short texts only: its best lines anchor the context instead
        kinds = [UnitKind.GOOD if k is UnitKind.NEAR_GOOD else k for k in kinds]
    if UnitKind.GOOD not in kinds:
        kinds = [
            UnitKind.GOOD if k is UnitKind.SHORT and i not in fixed and sentence_like(u.text) else k
            for i, (u, k) in enumerate(zip(units, kinds, strict=True))
        ]
    # Headings just before good text are read as near-good (jusText's heading pass).
    for index, kind in enumerate(kinds):
        if (
            kind is UnitKind.SHORT
            and index not in fixed
            and _heading_like(units[index].text)
            and _good_follows(kinds, index)
        ):
            kinds[index] = UnitKind.HEADING
    # Short lines take the kind of their surroundings (jusText's context step).
    revised = list(kinds)
    before, after = _neighbours(kinds, skip_near_good=True)
    before_any, after_any = _neighbours(kinds, skip_near_good=False)
    for index, kind in enumerate(kinds):
        if kind is not UnitKind.SHORT or index in fixed:
            continue
        if before[index] is UnitKind.GOOD and after[index] is UnitKind.GOOD:
            revised[index] = UnitKind.GOOD
        elif before[index] is UnitKind.BAD and after[index] is UnitKind.BAD:
            revised[index] = UnitKind.BAD
        elif (before[index] is UnitKind.BAD and before_any[index] is UnitKind.NEAR_GOOD) or (
            after[index] is UnitKind.BAD and after_any[index] is UnitKind.NEAR_GOOD
        ):
            # jusText: a near-good line closer than the bad one on the bad side
            revised[index] = UnitKind.GOOD
        else:
            revised[index] = UnitKind.BAD
    kinds = revised
    revised = list(kinds)
    before, after = _neighbours(kinds, skip_near_good=True)
    for index, kind in enumerate(kinds):
        if kind in (UnitKind.NEAR_GOOD, UnitKind.HEADING) and index not in fixed:
            if before[index] is UnitKind.BAD and after[index] is UnitKind.BAD:
                revised[index] = UnitKind.BAD
            elif kind is UnitKind.NEAR_GOOD:
                revised[index] = UnitKind.GOOD
    kinds = _fill_gaps(units, revised, fixed, lines)
    template = [_template_or_noise(line) for line in lines]
    kinds = extend_prose_runs(units, kinds, fixed, template)
    kinds = _keep_main_region(units, _cut_after_end(units, kinds, lines))
    kinds = keep_lead(units, kinds, first, template, heading)
    kinds = drop_tail_boxes(units, kinds, first)
    return keep_story_lists(units, kinds, fixed, template)


NEAR_GOOD_RUN = 3
"""Near-good units in a row that are prose, good as a paragraph of ``LENGTH_HIGH`` is."""


def _runs_of_near_good(lines: list[_Line], kinds: list[UnitKind]) -> list[UnitKind]:
    """Near-good units in a run of ``NEAR_GOOD_RUN`` or more are good, up to the first
    end-of-article cue or comment header.

    A short news story or a blog post written in short paragraphs has no unit of
    ``LENGTH_HIGH`` characters; jusText's context step then reads each of its
    paragraphs between bad neighbours and drops the whole story.  Sentences one
    after another, with no template line or headline between, are a text; a
    teaser list alternates headlines and summaries (or cuts them short with an
    ellipsis), a footer's notices stand alone, and after the story readers'
    comments come in such runs too.
    """
    stop = next((i for i, line in enumerate(lines) if line.closing), len(lines))
    result = list(kinds)
    start = 0
    for index in range(stop + 1):
        if (
            index < stop
            and kinds[index] in (UnitKind.NEAR_GOOD, UnitKind.GOOD)
            and not lines[index].text.endswith(("…", "..."))
        ):
            continue
        if index - start >= NEAR_GOOD_RUN:
            for member in range(start, index):
                result[member] = UnitKind.GOOD
        start = index + 1
    return result


def _neighbours(
    kinds: list[UnitKind], *, skip_near_good: bool
) -> tuple[list[UnitKind], list[UnitKind]]:
    """For each unit, the kind of the nearest unit before and after it that decides context.

    Short lines, headings, titles and repeats never decide; near-good ones
    do unless ``skip_near_good``.  Beyond either end of the page counts as bad.
    """
    skipped = {
        UnitKind.SHORT,
        UnitKind.TITLE,
        UnitKind.DUPLICATE,
        UnitKind.HEADING,
        UnitKind.CREDIT,
    }
    if skip_near_good:
        skipped.add(UnitKind.NEAR_GOOD)
    size = len(kinds)
    before = [UnitKind.BAD] * size
    after = [UnitKind.BAD] * size
    last = UnitKind.BAD
    for index in range(size):
        before[index] = last
        if kinds[index] not in skipped:
            last = UnitKind.GOOD if kinds[index] is UnitKind.FIGURE else kinds[index]
    last = UnitKind.BAD
    for index in range(size - 1, -1, -1):
        after[index] = last
        if kinds[index] not in skipped:
            last = UnitKind.GOOD if kinds[index] is UnitKind.FIGURE else kinds[index]
    return before, after


def _heading_like(line: str) -> bool:
    tokens = words(line)
    return 1 <= len(tokens) <= 15 and line[-1:] not in ".,;" and not is_byline_or_date(line)


def _good_follows(kinds: list[UnitKind], index: int) -> bool:
    for step in range(1, MAX_HEADING_DISTANCE + 2):
        if index + step >= len(kinds):
            return False
        kind = kinds[index + step]
        if kind in (UnitKind.GOOD, UnitKind.NEAR_GOOD):
            return True
        if kind not in (UnitKind.SHORT, UnitKind.FIGURE):
            return False
    return False


MAX_GAP_FILL = 2
"""Units of plain text (code, formulas, one-line sentences) kept between article paragraphs."""
MAX_STEPS_GAP = 6
"""Units between article paragraphs kept when they read as the text's steps (``_steps``)."""


def _fill_gaps(
    units: list[Unit], kinds: list[UnitKind], fixed: dict[int, UnitKind], lines: list[_Line]
) -> list[UnitKind]:
    """Plain lines closed in by article paragraphs belong to the article.

    Code listings, formulas and one-line remarks have few function words and
    fail the paragraph test, but a line that no template pattern names as
    boilerplate, with good paragraphs close on both sides, is part of the text.
    """
    result = list(kinds)
    good = [i for i, k in enumerate(kinds) if k is UnitKind.GOOD]
    for left, right in itertools.pairwise(good):
        gap = range(left + 1, right)
        if MAX_GAP_FILL < len(gap) <= MAX_STEPS_GAP and _steps(units, kinds, fixed, lines, gap):
            # the steps' sentences and settings; their numbers and labels stay out
            for i in gap:
                if kinds[i] is UnitKind.BAD and len(words(units[i].text)) >= 3:
                    result[i] = UnitKind.GOOD
            continue
        if not 0 < len(gap) <= MAX_GAP_FILL:
            continue
        if all(kinds[i] is UnitKind.BAD and i not in fixed and _plain(lines[i]) for i in gap):
            for i in gap:
                result[i] = UnitKind.GOOD
    return result


_STEP_NUMBER = re.compile(r"^\d{1,2}\.?$")


def _steps(
    units: list[Unit],
    kinds: list[UnitKind],
    fixed: dict[int, UnitKind],
    lines: list[_Line],
    gap: range,
) -> bool:
    """True for a longer gap that reads as the text's own steps: no template line in it,
    and at least half of its lines (headings aside) hold three words or more.

    A recipe's or a how-to's steps stand between step numbers ("3"), oven
    settings and sub-headings; imperative sentences have few function words, so
    they fail the paragraph test although good paragraphs close them in.
    """
    # a step's number on its own line is no share counter here
    bad = [
        i for i in gap if kinds[i] is not UnitKind.HEADING and not _STEP_NUMBER.match(units[i].text)
    ]
    if any(kinds[i] is not UnitKind.BAD or i in fixed or _template(lines[i]) for i in bad):
        return False
    return 2 * sum(len(words(units[i].text)) >= 3 for i in bad) >= len(bad)


def _template(line: _Line) -> bool:
    """True for a line that a template pattern names (buttons, legal, cues, datelines,
    teasers), read without the list bullet a converter put before it."""
    return line.named or line.dated or line.teaser


def _template_or_noise(line: _Line) -> bool:
    """True for a line no run of the story's sentences crosses: a template line (as
    :func:`_template` reads it), markup printed as text or a run of names."""
    return _template(line) or line.markup or _run_of_names(line.text)


def _plain(line: _Line) -> bool:
    return not _template(line) and len(words(line.text)) >= 3


def _cut_after_end(units: list[Unit], kinds: list[UnitKind], lines: list[_Line]) -> list[UnitKind]:
    """Drop what follows an end-of-article cue once most of the article is behind it."""
    good = [len(u.text) if k is UnitKind.GOOD else 0 for u, k in zip(units, kinds, strict=True)]
    total = sum(good)
    seen = 0
    for index, line in enumerate(lines):
        seen += good[index]
        if (
            seen
            and line.end_cue
            and seen * 2 >= total
            and not _prose_run(kinds, index + 1, index + 1 + END_LOOKAHEAD)
        ):
            return kinds[:index] + [UnitKind.BAD] * (len(kinds) - index)
    return kinds


def _prose_run(kinds: list[UnitKind], start: int, stop: int) -> bool:
    """True when two good units follow each other in ``kinds[start:stop]``.

    Article prose comes in runs; the teasers of a "Related" list stand one by
    one between their headlines and dates.
    """
    window = kinds[start:stop]
    return any(a is UnitKind.GOOD and b is UnitKind.GOOD for a, b in itertools.pairwise(window))


REGION_GAP = 6
"""Template lines in a row that part the article from another region of text."""
REGION_SHARE = 0.3
"""A region with less good text than this share of the article's is a box beside it."""


def _keep_main_region(units: list[Unit], kinds: list[UnitKind]) -> list[UnitKind]:
    """Good text parted from the article by a long run of template lines goes.

    After the story come tags, share buttons and post navigation, and then the
    author's bio, a newsletter box, "Read next" teasers: short regions of good
    text between runs of template lines.  The article is the first region
    under the headline (the largest one when no headline was found); a region
    far smaller than it is a box of the page, not a part of the story.
    """
    regions = _regions(kinds)
    if len(regions) < 2:
        return kinds
    mass = [sum(len(units[i].text) for i in r if kinds[i] is UnitKind.GOOD) for r in regions]
    title = max((i for i, k in enumerate(kinds) if k is UnitKind.TITLE), default=None)
    under = next((n for n, r in enumerate(regions) if title is not None and r[-1] > title), None)
    main = max(mass) if under is None else mass[under]
    result = list(kinds)
    for region, size in zip(regions, mass, strict=True):
        if size < REGION_SHARE * main:
            for index in region:
                result[index] = UnitKind.BAD
    return result


def _regions(kinds: list[UnitKind]) -> list[list[int]]:
    """Runs of kept units (good text, headings) parted by ``REGION_GAP`` template lines."""
    regions: list[list[int]] = []
    gap = REGION_GAP
    for index, kind in enumerate(kinds):
        if kind in (UnitKind.GOOD, UnitKind.HEADING):
            if gap >= REGION_GAP:
                regions.append([])
            regions[-1].append(index)
            gap = 0
        elif kind is UnitKind.BAD:
            gap += 1
    return regions
