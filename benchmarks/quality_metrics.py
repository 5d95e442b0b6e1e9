"""Metric functions of the quality benchmark (issue 3 §1), pure and small.

Every function here takes plain strings and numbers so it can be tested with
hand-computed cases (``tests/test_quality_metrics.py``).  The body metric is the
public article-extraction-benchmark's: ``\\w+`` tokens (case kept), multisets of
4-token shingles per page, tp/fp/fn normalized by their sum, precision and
recall averaged over pages, F1 the harmonic mean of the two averages.
"""

from __future__ import annotations

import random
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "PRF",
    "BodyScores",
    "body_scores",
    "byline_exact",
    "byline_token_f1",
    "byline_tokens",
    "caption_found",
    "collapse_ws",
    "count_token_run",
    "date_exact",
    "normalize_date",
    "normalize_title",
    "prf",
    "shingle_counts",
    "shingle_match",
    "snippet_counts",
    "title_exact",
    "tokenize",
]

_TOKEN_RE = re.compile(r"\w+")
_WS_RE = re.compile(r"\s+")
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BYLINE_STOPWORDS = frozenset({"by", "and", "von", "und"})
# Typographic quotes and dashes that sites and annotators use interchangeably with ASCII.
_TYPOGRAPHIC = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′‹›`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    }
)

TpFpFn = tuple[float, float, float]


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens of ``text`` (Unicode, case kept)."""
    return _TOKEN_RE.findall(text or "")


def shingle_counts(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``n``-token shingles; a text shorter than ``n`` tokens is one shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_match(truth: str | None, got: str | None, n: int = 4) -> TpFpFn:
    """tp, fp, fn of shingles of one page, normalized by their sum (all 0 when both empty)."""
    want = shingle_counts(truth, n)
    have = shingle_counts(got, n)
    tp = sum((want & have).values())
    fp = sum((have - want).values())
    fn = sum((want - have).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class BodyScores:
    """Body precision, recall, F1 over pages, with the bootstrap std of F1."""

    precision: float
    recall: float
    f1: float
    f1_std: float
    pages: int


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def _means(rows: Sequence[TpFpFn]) -> tuple[float, float, float]:
    precisions = [_precision(*r) for r in rows if r[0] + r[1] > 0]
    recalls = [_recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f1


def body_scores(rows: Sequence[TpFpFn], n_bootstrap: int = 1000, seed: int = 0) -> BodyScores:
    """Aggregate per-page tp/fp/fn rows; the bootstrap resamples pages with a fixed seed."""
    p, r, f1 = _means(rows)
    std = 0.0
    if len(rows) > 1 and n_bootstrap > 1:
        rng = random.Random(seed)
        n = len(rows)
        samples = [
            _means([rows[rng.randrange(n)] for _ in range(n)])[2] for _ in range(n_bootstrap)
        ]
        std = statistics.stdev(samples)
    return BodyScores(precision=p, recall=r, f1=f1, f1_std=std, pages=len(rows))


def collapse_ws(text: str | None) -> str:
    """Whitespace runs as one space, ends stripped."""
    return _WS_RE.sub(" ", text or "").strip()


def page_text(raw: bytes) -> str:
    """The text a reader of the saved page can see (scripts and styles left out),
    whitespace collapsed: a truth snippet missing from it was loaded by a script when
    the truth was made, and no extractor of the saved page can find it."""
    from lxml import html

    try:
        doc = html.document_fromstring(raw)
    except (ValueError, SyntaxError):
        return ""
    for element in doc.xpath("//script|//style|//template"):
        element.drop_tree()
    return collapse_ws(doc.text_content())


def snippet_counts(
    body: str | None, with_: Iterable[str] | None, without: Iterable[str] | None
) -> tuple[int, int, int]:
    """tp (``with`` found), fn (``with`` missing), fp (``without`` found) for one page.

    Snippets and body are compared after collapsing whitespace; case is kept.
    """
    text = collapse_ws(body)
    tp = fn = fp = 0
    for snippet in with_ or ():
        if collapse_ws(snippet) in text:
            tp += 1
        else:
            fn += 1
    for snippet in without or ():
        if collapse_ws(snippet) in text:
            fp += 1
    return tp, fn, fp


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from corpus totals."""

    precision: float
    recall: float
    f1: float


def prf(tp: int, fp: int, fn: int) -> PRF:
    """P, R, F1 from totals; an empty denominator gives 0."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1)


def _strip_edge_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def normalize_title(text: str | None) -> str:
    """NFKC, casefold, typographic quotes/dashes to ASCII, collapsed whitespace,
    punctuation stripped from both ends."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_TYPOGRAPHIC)
    return _strip_edge_punctuation(collapse_ws(text))


def title_exact(truth: str, got: str | None) -> bool:
    """Exact title match after :func:`normalize_title` (an empty truth wants an empty title)."""
    return normalize_title(truth) == normalize_title(got)


def byline_tokens(text: str | None) -> Counter[str]:
    """Casefolded ``\\w+`` name tokens without by/and/von/und."""
    return Counter(t for t in tokenize((text or "").casefold()) if t not in _BYLINE_STOPWORDS)


def byline_exact(truth: str, got: str | None) -> bool:
    """Same multiset of name tokens (order free, so "Doe, Jane" matches "Jane Doe")."""
    return byline_tokens(truth) == byline_tokens(got)


def byline_token_f1(truth: str, got: str | None) -> float:
    """F1 of name tokens; 1.0 when both have none."""
    want, have = byline_tokens(truth), byline_tokens(got)
    if not want and not have:
        return 1.0
    common = sum((want & have).values())
    if common == 0:
        return 0.0
    p = common / sum(have.values())
    r = common / sum(want.values())
    return 2 * p * r / (p + r)


def normalize_date(text: str | None) -> str:
    """The first YYYY-MM-DD in ``text`` ("" when none): ISO datetimes keep their date."""
    match = _DATE_RE.search(text or "")
    return match.group(0) if match else ""


def date_exact(truth: str, got: str | None) -> bool:
    """Exact YYYY-MM-DD match (an empty truth wants no date)."""
    return normalize_date(truth) == normalize_date(got)


CAPTION_COVERAGE = 0.8
"""Share of a caption's tokens that one extracted figure caption must hold."""


def count_token_run(needle: str, haystack: str) -> int:
    """How often the ``\\w+`` tokens of ``needle`` occur as a contiguous run in ``haystack``
    (punctuation and whitespace between tokens do not matter)."""
    want = " ".join(tokenize(needle))
    if not want:
        return 0
    text = f" {' '.join(tokenize(haystack))} "
    count, start = 0, text.find(f" {want} ")
    while start >= 0:  # runs may share a separating space, so search from the next char
        count += 1
        start = text.find(f" {want} ", start + 1)
    return count


def caption_found(caption: str, body: str, captions: Iterable[str] = ()) -> bool:
    """A caption is found when its tokens run contiguously in the body, or when one
    extracted caption (caption and credit joined) holds at least 80 % of its tokens:
    extractors that split a credit off ("Photo: AP") still get the caption counted."""
    if count_token_run(caption, body):
        return True
    want = Counter(tokenize(caption))
    total = sum(want.values())
    if not total:
        return False
    return any(
        sum((want & Counter(tokenize(given))).values()) >= CAPTION_COVERAGE * total
        for given in captions
    )
