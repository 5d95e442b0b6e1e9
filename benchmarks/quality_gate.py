"""CI quality gate: articlekit alone on a fixed subset of the dev corpora, against floors.

    python -m benchmarks.quality_gate [--shared DIR] [--floors FILE] [--suggest]

The subset is every Nth page (in id order) of each dev corpus in ``../shared/corpus``,
N pinned in ``benchmarks/floors.json``; it runs in well under two minutes on two cores.
Each figure is compared with its pinned floor (``min``) or ceiling (``max``, for
figures where lower is better); any breach exits 1 with a message naming the field.
Where ``../shared`` is missing the gate is skipped with a message (exit 0).
``--suggest`` prints floors a little below today's figures instead of checking:
raising the pinned floors is a deliberate commit, never automatic.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.adapters import ADAPTERS, TEXT_ADAPTERS
from benchmarks.quality import (
    DUMP_STYLES,
    load_corpus,
    make_dump,
    run_extractor,
    score_corpus,
    text_mode_key,
)

__all__ = ["check", "main", "measure"]

PROJECT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).resolve().parent / "floors.json"
SUGGEST_MARGIN = 0.01  # below today's figure, so that noise-free reruns pass


def _shared_default() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", PROJECT.parent / "shared"))


def _lookup(metrics: dict[str, Any], path: str) -> Any:
    node: Any = metrics
    for key in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def measure(corpus_dir: Path, every: int) -> dict[str, Any]:
    """articlekit's figures on every ``every``-th page: {"html": {...}, "text": {...},
    "text-resiliparse": {...}} (a text mode per dump style, keyed as in the benchmark)."""
    _, pages = load_corpus(corpus_dir, every=every)
    jobs = [(p.id, str(p.path), p.url) for p in pages]
    html_run = run_extractor("articlekit", jobs)
    figures = {"html": score_corpus(pages, html_run, ADAPTERS["articlekit"][1], bootstrap=0)}
    for style in DUMP_STYLES:
        text_jobs = [(p.id, make_dump(p.read(), style).encode("utf-8"), p.url) for p in pages]
        text_run = run_extractor("articlekit", text_jobs, text_mode=True)
        figures[text_mode_key(style)] = score_corpus(
            pages, text_run, TEXT_ADAPTERS["articlekit"][1], bootstrap=0, text_mode=True
        )
    return figures


def check(figures: dict[str, Any], bounds: dict[str, dict[str, float]]) -> list[str]:
    """Messages for every figure below its ``min`` or above its ``max`` (empty = pass)."""
    problems = []
    for path, bound in bounds.items():
        value = _lookup(figures, path)
        if not isinstance(value, int | float):
            problems.append(f"{path}: no figure (expected one; was the field dropped?)")
            continue
        if "min" in bound and value < bound["min"]:
            problems.append(f"{path} = {value:.3f} is below its floor {bound['min']:.3f}")
        if "max" in bound and value > bound["max"]:
            problems.append(f"{path} = {value:.3f} is above its ceiling {bound['max']:.3f}")
    return problems


def _suggest(
    figures: dict[str, Any], bounds: dict[str, dict[str, float]], margin: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path, bound in bounds.items():
        value = _lookup(figures, path)
        if not isinstance(value, int | float):
            out[path] = bound
        elif "max" in bound:
            out[path] = {"max": round(min(1.0, value + margin), 3)}
        else:
            out[path] = {"min": round(max(0.0, value - margin), 3)}
    return out


def _dump_spec(spec: dict[str, Any]) -> str:
    """floors.json with one bound per line, so that a raised floor reads as a one-line diff."""
    lines = ["{"]
    lines.append(f'  "_note": {json.dumps(spec["_note"], ensure_ascii=False)},')
    lines.append(f'  "every": {int(spec["every"])},')
    lines.append('  "corpora": {')
    corpora = list(spec["corpora"].items())
    for i, (corpus, bounds) in enumerate(corpora):
        lines.append(f"    {json.dumps(corpus)}: {{")
        items = list(bounds.items())
        for j, (path, bound) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            lines.append(f"      {json.dumps(path)}: {json.dumps(bound)}{comma}")
        lines.append("    }" + ("," if i < len(corpora) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the gate; 0 = pass or skipped, 1 = a figure breached its bound."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.quality_gate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=_shared_default(),
        help="the shared folder holding corpus/ (default ../shared)",
    )
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument(
        "--suggest",
        action="store_true",
        help="print floors just below today's figures instead of checking",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="with --suggest: write the suggested bounds into --floors (then review and commit)",
    )
    parser.add_argument(
        "--margin",
        type=float,
        default=SUGGEST_MARGIN,
        help=f"how far below today's figures --suggest puts floors (default {SUGGEST_MARGIN})",
    )
    args = parser.parse_args(argv)

    spec = json.loads(args.floors.read_text(encoding="utf-8"))
    every = int(spec["every"])
    problems: list[str] = []
    suggestion: dict[str, Any] = {}
    for corpus, bounds in spec["corpora"].items():
        folder = args.shared / "corpus" / corpus
        if not (folder / "truth.jsonl").is_file():
            print(f"quality gate skipped: {folder} is missing (no ../shared corpora here)")
            return 0
        figures = measure(folder, every)
        summary = ", ".join(
            f"{path}={value:.3f}"
            for path in bounds
            if isinstance(value := _lookup(figures, path), int | float)
        )
        print(f"{corpus} (page 1 of every {every}, {figures['html']['pages']} pages): {summary}")
        suggestion[corpus] = _suggest(figures, bounds, args.margin)
        problems += [f"{corpus}: {message}" for message in check(figures, bounds)]
    if args.suggest:
        print(json.dumps(suggestion, indent=2))
        if args.write:
            spec["corpora"] = suggestion
            args.floors.write_text(_dump_spec(spec), encoding="utf-8")
            print(f"wrote {args.floors}: review the diff and commit it deliberately")
        return 0
    if problems:
        print("quality gate FAILED (see benchmarks/floors.json):", file=sys.stderr)
        for message in problems:
            print(f"  {message}", file=sys.stderr)
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
