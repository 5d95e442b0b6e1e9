"""How long comment extraction takes per comment, and on the two stress threads.

For every page of the ../shared corpora that has comments, times
``extract_comments(find_comment_sections(tree))`` on the page's parsed tree (built
as :mod:`articlekit.pipeline` builds it) and divides by the number of comments;
prints the median and p95 of those ms per comment.  Then times the same call on
the trees of ``flat_comments_20k`` (20,000 comments in one list) and
``deep_comments_2mb`` (a 20,000-deep reply chain in about 2 MB) from
``tests/hostile_inputs.py``.  Each figure is the best of ``--repeat`` runs, so a
busy shared machine disturbs it less.

    .venv/bin/python -m benchmarks.comments_speed [--corpus DIR ...] [--repeat N] [--cpu]

Not a test: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import html

from articlekit.comments.extract import extract_comments, find_comment_sections
from articlekit.comments.markup import TextLengths
from articlekit.input.decode import decode_page
from articlekit.input.source import load
from articlekit.input.tree import looks_like_html, parse_tree
from articlekit.options import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))
STRESS = ("flat_comments_20k", "deep_comments_2mb")


def page_tree(raw: bytes) -> html.HtmlElement | None:
    """The page's tree as the pipeline builds it, or None for a page that is not HTML."""
    page = decode_page(load(raw, limits=DEFAULT_LIMITS), DEFAULT_LIMITS)
    if not page.text.strip() or not looks_like_html(page.text):
        return None
    return parse_tree(page.text, DEFAULT_LIMITS, cleaned=True).root


def time_comments(raw: bytes, repeat: int, clock: Callable[[], float]) -> tuple[float, int]:
    """Best seconds of the comment stage on a fresh tree, and the number of comments."""
    best, count = float("inf"), 0
    for _ in range(repeat):
        tree = page_tree(raw)
        if tree is None:
            return 0.0, 0
        start = clock()
        lengths = TextLengths()  # one measure for both calls, as the pipeline shares it
        count = len(extract_comments(find_comment_sections(tree, lengths), lengths))
        best = min(best, clock() - start)
    return best, count


def main(argv: list[str] | None = None) -> int:
    """Print ms per comment over the corpora and the stress-page times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", action="append", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per page")
    parser.add_argument("--cpu", action="store_true", help="process CPU time, not wall time")
    parser.add_argument("--no-stress", action="store_true", help="skip the two stress pages")
    args = parser.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter
    corpora = args.corpus or sorted(
        p for p in (SHARED / "corpus").glob("*") if (p / "pages").is_dir()
    )
    per_comment: list[float] = []
    comments = 0
    for corpus in corpora:
        for path in sorted((corpus / "pages").glob("*.html.gz")):
            raw = gzip.decompress(path.read_bytes())
            if page_tree(raw) is None:
                continue
            seconds, count = time_comments(raw, 1, clock)
            if count:
                seconds, count = time_comments(raw, args.repeat, clock)
                per_comment.append(1000 * seconds / count)
                comments += count
    kind = "CPU" if args.cpu else "wall"
    print(f"{len(per_comment)} pages with {comments} comments from {len(corpora)} corpora")
    print(f"({kind} time, best of {args.repeat})\n")
    print("| page | comments | ms per comment | total ms |")
    print("|---|---:|---:|---:|")
    if per_comment:
        ordered = sorted(per_comment)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"| corpus pages, median | | {statistics.median(ordered):.3f} | |")
        print(f"| corpus pages, p95 | | {p95:.3f} | |")
    if not args.no_stress:
        sys.path.insert(0, str(ROOT / "tests"))
        from hostile_inputs import BY_NAME

        for name in STRESS:
            seconds, count = time_comments(BY_NAME[name].build(), 1, clock)
            per = 1000 * seconds / count if count else 0.0
            print(f"| {name} | {count} | {per:.3f} | {1000 * seconds:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
