"""Two source trees of articlekit, timed in the same run: is the new one slower?

    python -m benchmarks.speed_compare --before /tmp/old/src --after src [--step 3] [--rounds 3]

Check out the old commit somewhere (``git worktree add /tmp/old <rev>``) and point
``--before`` at its ``src``.  Each tree runs in its own interpreter
(``PYTHONPATH=<tree>``), alternately, ``--rounds`` times over the same pages of
``../shared/corpus`` (every ``--step``-th page of each corpus), so that the load of
the machine falls on both alike.  A page's time is its lowest CPU time over the
rounds; the table gives the median and p95 of those per corpus, and the ratio of
after to before.  ``import articlekit`` is timed the same way (lowest of
``--imports`` fresh interpreters).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))

# Run inside the timed interpreter: parse the listed pages, print CPU ms per page.
_WORKER = """
import gzip, json, sys, time
import articlekit
paths = json.loads(sys.stdin.read())
options = articlekit.Options()
articlekit.parse(b"<html><body><p>warm up the caches of the first call</p></body></html>")
times = []
for path in paths:
    raw = gzip.decompress(open(path, "rb").read())
    start = time.process_time()
    try:
        articlekit.parse(raw, options=options)
    except articlekit.ArticlekitError:
        pass
    times.append((time.process_time() - start) * 1000)
print(json.dumps(times))
"""

_IMPORT = (
    "import time; start = time.perf_counter(); import articlekit; "
    "print((time.perf_counter() - start) * 1000)"
)


def _run(tree: Path, code: str, stdin: str = "") -> str:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    done = subprocess.run(
        [sys.executable, "-c", code], input=stdin, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"{tree}: worker failed:\n{done.stderr}")
    return done.stdout


def page_paths(step: int) -> dict[str, list[str]]:
    """Every ``step``-th page of each corpus, by corpus name."""
    corpora = sorted(p for p in (SHARED / "corpus").glob("*") if (p / "pages").is_dir())
    return {
        c.name: [str(p) for p in sorted((c / "pages").glob("*.html.gz"))[::step]] for c in corpora
    }


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the old tree's src folder")
    parser.add_argument("--after", type=Path, default=ROOT / "src")
    parser.add_argument("--step", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--imports", type=int, default=15)
    args = parser.parse_args(argv)
    corpora = page_paths(args.step)
    if not corpora:
        print(f"no corpora under {SHARED / 'corpus'}; nothing to time", file=sys.stderr)
        return 0
    trees = {"before": args.before, "after": args.after}
    best: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    for _ in range(args.rounds):
        for corpus, paths in corpora.items():
            for name, tree in trees.items():
                times = json.loads(_run(tree, _WORKER, json.dumps(paths)))
                old = best[name].get(corpus)
                best[name][corpus] = times if old is None else list(map(min, old, times))
    imports = {
        name: min(float(_run(tree, _IMPORT)) for _ in range(args.imports))
        for name, tree in trees.items()
    }
    print(
        "| corpus | pages | before median ms | after median ms | ratio | before p95 | after p95 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for corpus in corpora:
        b, a = best["before"][corpus], best["after"][corpus]
        mb, ma = statistics.median(b), statistics.median(a)
        print(
            f"| {corpus} | {len(a)} | {mb:.2f} | {ma:.2f} | {ma / mb:.3f} "
            f"| {_percentile(b, 0.95):.1f} | {_percentile(a, 0.95):.1f} |"
        )
    ratio = imports["after"] / imports["before"]
    print(
        f"\nimport articlekit (lowest of {args.imports}): before {imports['before']:.1f} ms, "
        f"after {imports['after']:.1f} ms, ratio {ratio:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
