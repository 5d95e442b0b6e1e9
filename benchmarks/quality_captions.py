"""Figure metrics on the hand-read truth set ``benchmarks/annotated/figures.jsonl`` (issue 12 §1).

Each truth line is one page: its corpus and id, language, template, and every figure of the
article that shows a caption or a credit (``caption`` and ``credit`` as the page shows them,
the credit without its label; ``image`` a piece of the image's address, for figures that have
no caption).  How the set was made, and the credit convention, are in
``benchmarks/annotated/README.md``.

Metrics, over all pages of the set:

- caption recall: truth captions that one extracted figure's caption matches;
- caption precision: extracted captions that match a truth caption;
- credit exact: truth credits equal to the credit of the figure matched to them (by caption,
  else by image, else any figure with that credit), compared casefolded, whitespace and
  typographic quotes normalized, surrounding punctuation ignored;
- duplicated: truth captions that also appear as a body block (a paragraph that is mostly the
  caption), or in more extracted figures than the page shows them.

Two texts "match" when the shared ``\\w+`` tokens cover :data:`CAPTION_COVER` of the truth
and :data:`CAPTION_PURITY` of the other text: a caption that kept its credit still counts as
found (credit exact then fails), a paragraph that merely quotes a short caption does not.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.quality_metrics import collapse_ws, normalize_title, tokenize

__all__ = [
    "CAPTION_COVER",
    "CAPTION_PURITY",
    "FigureCounts",
    "FigurePage",
    "GotFigure",
    "GotPage",
    "TruthFigure",
    "credit_key",
    "extract_page",
    "figures_table",
    "load_figure_truth",
    "same_caption",
    "score_figure_page",
    "score_figures",
]

CAPTION_COVER = 0.8
CAPTION_PURITY = 0.6
DEFAULT_TRUTH = Path(__file__).resolve().parent / "annotated" / "figures.jsonl"


@dataclass(frozen=True, slots=True)
class TruthFigure:
    """One figure as the page shows it."""

    caption: str | None = None
    credit: str | None = None
    image: str | None = None


@dataclass(frozen=True, slots=True)
class FigurePage:
    """One annotated page: where it is and its figures in reading order."""

    corpus: str
    id: str
    lang: str
    template: str
    figures: tuple[TruthFigure, ...]


@dataclass(frozen=True, slots=True)
class GotFigure:
    """One figure an extractor gave."""

    src: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class GotPage:
    """An extractor's figures of one page and the texts of its other body blocks."""

    figures: tuple[GotFigure, ...] = ()
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureCounts:
    """Counts of one page (or summed over pages)."""

    captions: int = 0
    found: int = 0
    got_captions: int = 0
    got_correct: int = 0
    credits: int = 0
    credit_exact: int = 0
    duplicated: int = 0

    def __add__(self, other: FigureCounts) -> FigureCounts:
        return FigureCounts(
            *(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True))
        )

    def as_tuple(self) -> tuple[int, ...]:
        """The counts in field order."""
        return (
            self.captions,
            self.found,
            self.got_captions,
            self.got_correct,
            self.credits,
            self.credit_exact,
            self.duplicated,
        )


def load_figure_truth(path: Path = DEFAULT_TRUTH) -> list[FigurePage]:
    """The annotated pages of ``path`` (one JSON object a line)."""
    pages: list[FigurePage] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            data = json.loads(line)
            figures = tuple(
                TruthFigure(f.get("caption"), f.get("credit"), f.get("image"))
                for f in data["figures"]
            )
            pages.append(
                FigurePage(data["corpus"], data["id"], data["lang"], data["template"], figures)
            )
    return pages


def _tokens(text: str | None) -> Counter[str]:
    return Counter(t.casefold() for t in tokenize(normalize_title(text or "")))


def same_caption(truth: str, other: str) -> bool:
    """True when ``other`` shows the caption ``truth`` (see the module docstring)."""
    want, have = _tokens(truth), _tokens(other)
    if not want or not have:
        return False
    shared = sum((want & have).values())
    return shared >= CAPTION_COVER * sum(want.values()) and shared >= CAPTION_PURITY * sum(
        have.values()
    )


def credit_key(text: str | None) -> str:
    """A credit for comparison: casefolded, typography and whitespace normalized, without
    surrounding punctuation ("(Foto: dpa)" is compared as "foto: dpa")."""
    return collapse_ws(normalize_title(text or "")).casefold().strip(" .,;:|()[]/-")


def _match(page: FigurePage, got: GotPage) -> list[int | None]:
    """For each truth figure, the index of the extracted figure that shows it (or None)."""
    used: set[int] = set()
    matched: list[int | None] = []
    for truth in page.figures:
        index = _find(truth, got.figures, used)
        if index is not None:
            used.add(index)
        matched.append(index)
    return matched


def _find(truth: TruthFigure, figures: Sequence[GotFigure], used: set[int]) -> int | None:
    free = [(i, f) for i, f in enumerate(figures) if i not in used]
    if truth.caption:
        caption = truth.caption
        return next((i for i, f in free if f.caption and same_caption(caption, f.caption)), None)
    if truth.image:
        return next((i for i, f in free if f.src and truth.image in f.src), None)
    key = credit_key(truth.credit)
    return next((i for i, f in free if key and credit_key(f.credit) == key), None)


def score_figure_page(page: FigurePage, got: GotPage) -> FigureCounts:
    """The counts of one page."""
    matched = _match(page, got)
    truth_captions = [f.caption for f in page.figures if f.caption]
    got_captions = [f.caption for f in got.figures if f.caption]
    credits = [(f, i) for f, i in zip(page.figures, matched, strict=True) if f.credit is not None]
    exact = sum(
        1
        for f, i in credits
        if i is not None and credit_key(got.figures[i].credit) == credit_key(f.credit)
    )
    duplicated = 0
    for caption in dict.fromkeys(truth_captions):
        shown = sum(1 for c in truth_captions if same_caption(caption, c))
        in_figures = sum(1 for c in got_captions if same_caption(caption, c))
        in_blocks = any(same_caption(caption, b) for b in got.blocks)
        if in_blocks or in_figures > shown:
            duplicated += shown
    return FigureCounts(
        captions=len(truth_captions),
        found=sum(
            1 for f, i in zip(page.figures, matched, strict=True) if f.caption and i is not None
        ),
        got_captions=len(got_captions),
        got_correct=sum(1 for c in got_captions if any(same_caption(t, c) for t in truth_captions)),
        credits=len(credits),
        credit_exact=exact,
        duplicated=duplicated,
    )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score_figures(pages: Sequence[FigurePage], answers: dict[str, GotPage]) -> dict[str, Any]:
    """The set's metrics; ``answers`` maps ``corpus/id`` to what the extractor gave."""
    total = FigureCounts()
    misses: list[dict[str, Any]] = []
    for page in pages:
        key = f"{page.corpus}/{page.id}"
        counts = score_figure_page(page, answers.get(key, GotPage()))
        total += counts
        if (
            counts.found < counts.captions
            or counts.credit_exact < counts.credits
            or (counts.duplicated or counts.got_correct < counts.got_captions)
        ):
            misses.append({"page": key, **dict(zip(_COUNT_NAMES, counts.as_tuple(), strict=True))})
    return {
        "caption_recall": _ratio(total.found, total.captions),
        "caption_precision": _ratio(total.got_correct, total.got_captions),
        "credit_exact": _ratio(total.credit_exact, total.credits),
        "duplicated": _ratio(total.duplicated, total.captions),
        "pages": len(pages),
        "captions": total.captions,
        "credits": total.credits,
        "misses": misses,
    }


_COUNT_NAMES = (
    "captions",
    "found",
    "got_captions",
    "got_correct",
    "credits",
    "credit_exact",
    "duplicated",
)


def extract_page(data: bytes, url: str | None) -> GotPage:
    """articlekit's figures and other block texts of one page."""
    import articlekit
    from articlekit.model import BlockKind

    article = articlekit.parse(data, url=url)
    figures = tuple(GotFigure(f.src, f.caption, f.credit) for f in article.figures)
    blocks = tuple(
        text
        for b in article.blocks
        if b.kind is not BlockKind.FIGURE
        for text in (b.text, *b.items)
        if text
    )
    return GotPage(figures, blocks)


def run_figures(corpus_root: Path, truth: Path = DEFAULT_TRUTH) -> dict[str, Any] | None:
    """Parse every annotated page under ``corpus_root`` with articlekit and score it; None
    when the truth file or a page is missing (a checkout without the corpora)."""
    import gzip

    if not truth.is_file():
        return None
    pages = load_figure_truth(truth)
    answers: dict[str, GotPage] = {}
    urls = _urls(corpus_root, {p.corpus for p in pages})
    for page in pages:
        path = corpus_root / page.corpus / "pages" / f"{page.id}.html.gz"
        if not path.is_file():
            return None
        key = f"{page.corpus}/{page.id}"
        answers[key] = extract_page(gzip.decompress(path.read_bytes()), urls.get(key))
    return score_figures(pages, answers)


def _urls(corpus_root: Path, corpora: Iterable[str]) -> dict[str, str | None]:
    urls: dict[str, str | None] = {}
    for corpus in corpora:
        path = corpus_root / corpus / "truth.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    data = json.loads(line)
                    urls[f"{corpus}/{data['id']}"] = data.get("url")
    return urls


def figures_table(scores: dict[str, Any] | None) -> str:
    """A markdown table of :func:`score_figures` (empty when there are no scores)."""
    if not scores:
        return ""

    def fmt(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    return (
        f"### figures of the annotated set ({scores['pages']} pages, {scores['captions']} "
        f"captions, {scores['credits']} credits)\n\n"
        "| caption recall | caption precision | credit exact | duplicated |\n"
        "|---:|---:|---:|---:|\n"
        f"| {fmt(scores['caption_recall'])} | {fmt(scores['caption_precision'])} | "
        f"{fmt(scores['credit_exact'])} | {fmt(scores['duplicated'])} |\n"
    )
