"""Time and peak memory of articlekit (and trafilatura) on pathological pages.

Each input of ``tests/hostile_inputs.py`` is written to a temporary folder, then
parsed in a fresh subprocess per (input, library), so the peak resident memory
(``ru_maxrss``) of one parse is not mixed with another's.  trafilatura gets a
timeout (60 s by default); articlekit's target is 3 s and 1 GiB per input (issue 14).

    .venv/bin/python benchmarks/hostile.py                   # all inputs, both libraries
    .venv/bin/python benchmarks/hostile.py --only deep_200k  # a subset (repeatable)
    .venv/bin/python benchmarks/hostile.py --no-trafilatura --markdown out.md
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import INPUTS  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_MIB = 1024

# Runs inside the subprocess: read the file, parse it, report time, RSS and outcome.
_WORKER = r"""
import json, resource, sys, time
from pathlib import Path
library, path = sys.argv[1], Path(sys.argv[2])
def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
def peak_mib():
    # VmHWM starts afresh at exec; ru_maxrss would include the parent's size at fork
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if library == "articlekit":
    import articlekit
    start, cpu_before = time.perf_counter(), cpu_seconds()
    try:
        article = articlekit.parse(path)
        article.to_json(); article.to_html(); article.to_markdown(); article.to_text()
        outcome = f"{article.status.value} ({len(article.paragraphs)} paragraphs)"
    except articlekit.ArticlekitError as error:
        outcome = f"{type(error).__name__}: {str(error)[:70]}"
else:
    import gzip
    import trafilatura
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except Exception as error:
            data = b""
    start, cpu_before = time.perf_counter(), cpu_seconds()
    try:
        text = trafilatura.extract(data)
        outcome = f"{len(text or '')} chars"
    except Exception as error:
        outcome = f"{type(error).__name__}: {str(error)[:70]}"
elapsed = time.perf_counter() - start
cpu = cpu_seconds() - cpu_before
print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mib": peak_mib(), "outcome": outcome}))
"""


def run_one(library: str, path: Path, timeout: float) -> dict[str, object]:
    """Parse ``path`` with ``library`` in a fresh interpreter."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", _WORKER, library, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mib": None, "outcome": f"no answer in {timeout:.0f} s"}
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {
            "seconds": time.perf_counter() - started,
            "peak_mib": None,
            "outcome": f"CRASH (exit {done.returncode}): {last[:80]}",
        }
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _cell(value: object, digits: int = 2) -> str:
    return (
        "-" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", help="input name (repeatable)")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--timeout", type=float, default=60.0, help="trafilatura's timeout")
    parser.add_argument("--markdown", type=Path, help="also write the table here")
    args = parser.parse_args()

    inputs = [item for item in INPUTS if not args.only or item.name in args.only]
    rows = []
    failures = 0
    header = (
        "| input | size | articlekit s (cpu s) | articlekit MiB | articlekit outcome | "
        "trafilatura s (cpu s) | trafilatura MiB | trafilatura outcome |"
    )
    lines = [header, "|" + "---|" * 8]
    print(header)
    with tempfile.TemporaryDirectory(prefix="articlekit-hostile-") as folder:
        for item in inputs:
            path = Path(folder) / f"{item.name}{item.suffix}"
            path.write_bytes(item.build())
            size = path.stat().st_size
            ours = run_one("articlekit", path, timeout=max(60.0, args.timeout))
            theirs = (
                {"seconds": None, "peak_mib": None, "outcome": "not run"}
                if args.no_trafilatura
                else run_one("trafilatura", path, timeout=args.timeout)
            )
            seconds, peak = ours["seconds"], ours["peak_mib"]
            ok = (
                isinstance(seconds, float)
                and seconds <= TARGET_SECONDS
                and isinstance(peak, float)
                and peak <= TARGET_MIB
                and not str(ours["outcome"]).startswith(("CRASH", "InternalError"))
            )
            failures += not ok
            line = (
                f"| {item.name} | {size / 1024 / 1024:.2f} MB | {_cell(seconds)} "
                f"({_cell(ours.get('cpu'))}) | {_cell(peak, 0)} | "
                f"{ours['outcome']}{'' if ok else ' **MISS**'} | "
                f"{_cell(theirs['seconds'])} ({_cell(theirs.get('cpu'))}) | "
                f"{_cell(theirs['peak_mib'], 0)} | {theirs['outcome']} |"
            )
            print(line, flush=True)
            lines.append(line)
            rows.append({"input": item.name, "articlekit": ours, "trafilatura": theirs})
            path.unlink()
    within = len(inputs) - failures
    summary = f"\n{within}/{len(inputs)} inputs within {TARGET_SECONDS:.0f} s and {TARGET_MIB} MiB"
    print(summary)
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n" + summary + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
