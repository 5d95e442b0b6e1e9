"""Where ``articlekit.parse`` spends its time: median and p95 ms per page, per stage.

Runs the HTML path of the pipeline stage by stage (the same calls, in the same
order, as :mod:`articlekit.pipeline`) over the pages of the ../shared corpora
and times each stage: decode (load + decode), tree, comments (find, extract,
cut), metadata, content, blocks (blocks + figures).  The whole ``parse`` call is
timed separately, on the same pages, so the sum of the stages can be checked
against it.  articlekit only; the comparison with the peers is in
``benchmarks/quality.py``.

Usage::

    .venv/bin/python benchmarks/speed.py [--corpus DIR ...] [--step N] [--cpu]
                                         [--profile N] [--profile-out FILE]

``--step N`` takes every Nth page (quick runs on a shared machine); ``--cpu``
measures process CPU time instead of wall time, which varies less when the
machine is busy.  ``--profile N`` then parses the same pages once more under
cProfile and prints the profile report: the ``N`` functions with the most own
time and the ``N`` with the most cumulative time, each in ms per page and as a
share of the profiled time, so that the next change starts from figures
(``--profile-out`` also writes the report to a file).  cProfile slows Python
calls more than C calls, so read the shares, not the absolute ms, against the
stage table.  Not a test: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from articlekit import parse
from articlekit.comments.extract import extract_comments, find_comment_sections
from articlekit.comments.markup import TextLengths
from articlekit.content.blocks import build_blocks
from articlekit.content.figures import collect_figures
from articlekit.content.selection import find_main_content
from articlekit.input.decode import decode_page
from articlekit.input.elements import drop_element
from articlekit.input.source import load
from articlekit.input.tree import looks_like_html, parse_tree
from articlekit.metadata.extract import extract_metadata
from articlekit.options import Options

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))
STAGES = ("decode", "tree", "comments", "metadata", "content", "blocks")


def corpus_pages(corpora: list[Path], step: int) -> list[bytes]:
    """Raw bytes of every ``step``-th page of each corpus, in a stable order."""
    pages: list[bytes] = []
    for corpus in corpora:
        for path in sorted((corpus / "pages").glob("*.html.gz"))[::step]:
            pages.append(gzip.decompress(path.read_bytes()))
    return pages


def time_stages(raw: bytes, options: Options, clock: Callable[[], float]) -> dict[str, float]:
    """Seconds spent in each stage for one page (HTML pages only; others are skipped)."""
    spent: dict[str, float] = {}
    start = clock()
    page = decode_page(load(raw, limits=options.limits), options.limits)
    spent["decode"] = clock() - start
    if not page.text.strip() or not looks_like_html(page.text):
        return {}
    start = clock()
    tree = parse_tree(page.text, options.limits, cleaned=True).root
    spent["tree"] = clock() - start
    start = clock()
    lengths = TextLengths()  # shared by the two calls, as in the pipeline
    sections = find_comment_sections(tree, lengths)
    extract_comments(sections, lengths)
    for section in sections:
        drop_element(section)
    spent["comments"] = clock() - start
    start = clock()
    metadata = extract_metadata(tree, None)
    spent["metadata"] = clock() - start
    start = clock()
    content = find_main_content(tree, metadata, options)
    spent["content"] = clock() - start
    start = clock()
    blocks = build_blocks(content.root, metadata, options)
    collect_figures(blocks)
    spent["blocks"] = clock() - start
    return spent


def _row(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    median = 1000 * statistics.median(ordered)
    p95 = 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    share = sum(ordered)
    return f"| {name} | {median:.2f} | {p95:.2f} | {1000 * share / len(ordered):.2f} |"


def _where(key: tuple[str, int, str]) -> str:
    """``module.py:line(function)`` with the path cut to the package or library."""
    filename, line, name = key
    if filename == "~":
        return name  # a built-in: "{method 'search' of 're.Pattern' objects}"
    for marker in ("/articlekit/", "/site-packages/", "/lib/python"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


def profile_report(
    pages: list[bytes], options: Options, top: int, clock: Callable[[], float]
) -> str:
    """Markdown tables of the ``top`` functions by own and by cumulative time, in ms per
    page, from one cProfile run of ``parse`` over ``pages`` timed by ``clock``."""
    profiler = cProfile.Profile(clock)
    for raw in pages:
        profiler.enable()
        try:
            parse(raw, options=options)
        except Exception:  # a page that fails still costs its time
            pass
        finally:
            profiler.disable()
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]  # (file, line, name) -> figures
    total = sum(own for _calls, _primitive, own, _cumulative, _callers in entries.values())
    per_page = 1000 / max(1, len(pages))
    lines = [f"Profile of `parse` over {len(pages)} pages (cProfile, {total:.1f} s in all)."]
    for title, column in (("own time", 2), ("cumulative time", 3)):
        ranked = sorted(entries.items(), key=lambda item: -item[1][column])[:top]
        lines += [
            "",
            f"| function (by {title}) | calls per page | own ms per page | "
            "cumulative ms per page | share of own time |",
            "|---|---:|---:|---:|---:|",
        ]
        for key, (_calls, primitive, own, cumulative, _callers) in ranked:
            lines.append(
                f"| `{_where(key)}` | {primitive / len(pages):.1f} | {own * per_page:.2f} | "
                f"{cumulative * per_page:.2f} | {100 * own / total:.1f}% |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print a Markdown table of per-stage times; 0 on success, also when skipped."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", action="append", type=Path, default=None)
    parser.add_argument("--step", type=int, default=1, help="take every Nth page")
    parser.add_argument("--cpu", action="store_true", help="process CPU time, not wall time")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="also print the top N functions"
    )
    parser.add_argument("--profile-out", type=Path, help="write the profile report here too")
    args = parser.parse_args(argv)
    corpora = args.corpus or [
        SHARED / "corpus" / "readability-testpages",
        SHARED / "corpus" / "trafilatura-eval-dev",
    ]
    corpora = [corpus for corpus in corpora if (corpus / "pages").is_dir()]
    if not corpora:
        print(f"skipped: no corpus found (looked in {SHARED / 'corpus'})")
        return 0
    clock = time.process_time if args.cpu else time.perf_counter
    options = Options()
    pages = corpus_pages(corpora, max(1, args.step))
    per_stage: dict[str, list[float]] = {stage: [] for stage in STAGES}
    totals: list[float] = []
    for raw in pages:
        spent = time_stages(raw, options, clock)
        for stage, seconds in spent.items():
            per_stage[stage].append(seconds)
        start = clock()
        parse(raw, options=options)
        totals.append(clock() - start)
    kind = "CPU" if args.cpu else "wall"
    print(f"{len(pages)} pages from {', '.join(c.name for c in corpora)} ({kind} time)\n")
    print("| stage | median ms | p95 ms | mean ms |")
    print("|---|---|---|---|")
    for stage in STAGES:
        if per_stage[stage]:
            print(_row(stage, per_stage[stage]))
    print(_row("**parse (whole call)**", totals))
    if args.profile:
        report = profile_report(pages, options, args.profile, clock)
        print(f"\n{report}")
        if args.profile_out:
            args.profile_out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
