"""Comment threads against the hand-annotated set (issue 12 §1).

``benchmarks/annotated/comments.jsonl`` holds, for pages of the dev corpora, every
comment's author, date, first words and reply parent as the page shows them (how it
was made: ``benchmarks/annotated/README.md``).  This module scores articlekit's
``Article.comments`` on those pages:

- count exact: share of pages where the number of comments is the annotated one;
- recall / precision: annotated comments matched / extracted comments matched; a
  comment matches when its text (casefolded, only word characters kept) holds the
  annotated first words, each extracted comment matched once, in page order;
- author, date, parent exact: over the matched comments.  Authors compare after
  collapsing whitespace; dates on their ``YYYY-MM-DD`` part (the set keeps the day the
  page shows); a parent is exact when both are None or the extracted parent is the
  comment matched to the annotated parent.  ``None`` matches only ``None``.

    python -m benchmarks.quality_annotated [--corpus-root ../shared/corpus] [--json OUT]

``benchmarks.quality`` adds the same figures (per corpus) to its report.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "AnnotatedPage",
    "CommentScore",
    "GotComment",
    "annotated_comments_table",
    "load_annotated_comments",
    "match_comments",
    "score_annotated_comments",
    "score_comment_pages",
    "score_page",
]

ANNOTATED = Path(__file__).resolve().parent / "annotated" / "comments.jsonl"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TruthComment:
    """One annotated comment; ``parent`` is the index of the comment it answers."""

    author: str | None
    date: str | None
    first_words: str
    parent: int | None


@dataclass(frozen=True, slots=True)
class AnnotatedPage:
    """One annotated page of a corpus and its comments in page order."""

    corpus: str
    id: str
    template: str
    lang: str
    comments: tuple[TruthComment, ...]


@dataclass(frozen=True, slots=True)
class GotComment:
    """What an extractor gave for one comment (articlekit's ``Comment`` fits)."""

    id: str
    parent: str | None
    author: str | None
    date: str | None
    text: str


@dataclass(frozen=True, slots=True)
class CommentScore:
    """Counts behind the metrics, summed over pages."""

    pages: int = 0
    count_exact: int = 0
    truth: int = 0
    got: int = 0
    matched: int = 0
    author_exact: int = 0
    date_exact: int = 0
    parent_exact: int = 0

    def __add__(self, other: CommentScore) -> CommentScore:
        return CommentScore(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )

    def to_dict(self) -> dict[str, Any]:
        """The ratios and the counts they come from."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "pages": self.pages,
            "count_exact": ratio(self.count_exact, self.pages),
            "recall": ratio(self.matched, self.truth),
            "precision": ratio(self.matched, self.got),
            "author_exact": ratio(self.author_exact, self.matched),
            "date_exact": ratio(self.date_exact, self.matched),
            "parent_exact": ratio(self.parent_exact, self.matched),
            "comments": self.truth,
            "extracted": self.got,
            "matched": self.matched,
        }


def load_annotated_comments(path: Path = ANNOTATED) -> list[AnnotatedPage]:
    """The annotated pages, in the file's order."""
    pages: list[AnnotatedPage] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            comments = tuple(
                TruthComment(c["author"], c["date"], c["first_words"], c["parent"])
                for c in row["comments"]
            )
            pages.append(
                AnnotatedPage(row["corpus"], row["id"], row["template"], row["lang"], comments)
            )
    return pages


def _key(text: str) -> str:
    """Casefolded word characters only: markup, punctuation and line breaks differ
    between what a reader sees and what an extractor joins."""
    return "".join(_WORD.findall(text.casefold())) or "".join(text.split())  # "🥰🥰🥰"


def match_comments(truth: Sequence[TruthComment], got: Sequence[GotComment]) -> dict[int, int]:
    """Index of the extracted comment matched to each matched annotated comment.

    The next unmatched comment after the previous match is tried first, so that a
    short comment said twice ("Danke!") and a reply that quotes it pair in page order.
    """
    keys = [_key(c.text) for c in got]
    taken: set[int] = set()
    matched: dict[int, int] = {}
    cursor = 0
    for t_index, comment in enumerate(truth):
        want = _key(comment.first_words)
        if not want:
            continue
        order = [*range(cursor, len(got)), *range(cursor)]
        found = next((i for i in order if i not in taken and want in keys[i]), None)
        if found is not None:
            matched[t_index] = found
            taken.add(found)
            cursor = found + 1
    return matched


def _same_author(truth: str | None, got: str | None) -> bool:
    if truth is None or got is None:
        return truth is None and (got is None or not got.strip())
    return " ".join(truth.split()) == " ".join(got.split())


def _same_date(truth: str | None, got: str | None) -> bool:
    if truth is None or not got:
        return truth is None and not got
    return got[:10] == truth


def score_page(truth: Sequence[TruthComment], got: Sequence[GotComment]) -> CommentScore:
    """The counts of one page."""
    matched = match_comments(truth, got)
    ids = {got[g].id: t for t, g in matched.items()}
    author = date = parent = 0
    for t_index, g_index in matched.items():
        want, have = truth[t_index], got[g_index]
        author += _same_author(want.author, have.author)
        date += _same_date(want.date, have.date)
        got_parent = ids.get(have.parent, -1) if have.parent is not None else None
        parent += got_parent == want.parent
    return CommentScore(
        pages=1,
        count_exact=int(len(truth) == len(got)),
        truth=len(truth),
        got=len(got),
        matched=len(matched),
        author_exact=author,
        date_exact=date,
        parent_exact=parent,
    )


def score_comment_pages(
    pages: Iterable[tuple[AnnotatedPage, Sequence[GotComment]]],
) -> CommentScore:
    """The summed counts of (annotated page, extracted comments) pairs."""
    total = CommentScore()
    for page, got in pages:
        total = total + score_page(page.comments, got)
    return total


def _articlekit_comments(raw: bytes) -> list[GotComment]:
    import articlekit

    article = articlekit.parse(raw)
    return [GotComment(c.id, c.parent, c.author, c.date, c.text) for c in article.comments]


def score_annotated_comments(
    corpus_folder: Path, annotated: Path = ANNOTATED
) -> dict[str, Any] | None:
    """articlekit's figures on the annotated pages of one corpus folder (parsed here,
    in HTML mode), or None when none of its pages is annotated."""
    pages = [p for p in load_annotated_comments(annotated) if p.corpus == corpus_folder.name]
    if not pages:
        return None
    pairs = [
        (
            p,
            _articlekit_comments(
                gzip.decompress((corpus_folder / "pages" / f"{p.id}.html.gz").read_bytes())
            ),
        )
        for p in pages
    ]
    return score_comment_pages(pairs).to_dict()


_COLUMNS = (
    ("pages", "pages"),
    ("count exact", "count_exact"),
    ("recall", "recall"),
    ("precision", "precision"),
    ("author exact", "author_exact"),
    ("date exact", "date_exact"),
    ("parent exact", "parent_exact"),
)


def annotated_comments_table(rows: dict[str, dict[str, Any]]) -> str:
    """A markdown table of articlekit's comment figures, a row per corpus."""
    if not rows:
        return ""

    def cell(value: Any) -> str:
        return (
            "—" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))
        )

    lines = ["### comment threads, annotated pages (articlekit, HTML)", ""]
    lines.append("| corpus | " + " | ".join(h for h, _ in _COLUMNS) + " |")
    lines.append("|---|" + "---:|" * len(_COLUMNS))
    for name, row in rows.items():
        lines.append(f"| {name} | " + " | ".join(cell(row.get(k)) for _, k in _COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Score every annotated corpus and all of them together."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-root", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--annotated", type=Path, default=ANNOTATED)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--pages", action="store_true", help="a line per page too")
    args = parser.parse_args(argv)
    pages = load_annotated_comments(args.annotated)
    per_corpus: dict[str, CommentScore] = {}
    for page in pages:
        raw = gzip.decompress(
            (args.corpus_root / page.corpus / "pages" / f"{page.id}.html.gz").read_bytes()
        )
        score = score_page(page.comments, _articlekit_comments(raw))
        if args.pages:
            d = score.to_dict()
            print(
                f"{page.corpus[:12]:12} {page.id[:40]:40} {page.template:22} "
                f"n={d['comments']:3} got={d['extracted']:3} R={d['recall']} "
                f"A={d['author_exact']} D={d['date_exact']} P={d['parent_exact']}",
                file=sys.stderr,
            )
        per_corpus[page.corpus] = per_corpus.get(page.corpus, CommentScore()) + score
    rows = {name: s.to_dict() for name, s in sorted(per_corpus.items())}
    rows["all"] = sum(per_corpus.values(), CommentScore()).to_dict()
    print(annotated_comments_table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
