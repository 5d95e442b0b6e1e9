"""Kill ``articlekit batch`` at random moments and check exactly-once output after --resume.

Each trial starts a fresh run on a WARC built from the ../shared/corpus pages,
kills the whole process group with SIGKILL at a random moment (and, in half of
the trials, kills the first ``--resume`` run too), then resumes to the end and
checks: every output line is valid JSON, every input record id appears exactly
once across the output and the errors file, and the output equals the output
of an uninterrupted run byte for byte (order included).

Usage::

    .venv/bin/python benchmarks/resume.py [--trials 10] [--limit 200] [--workers 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, build_warc, corpus_pages


def _command(warc: Path, output: Path, errors: Path, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "articlekit.batch",
        str(warc),
        "-o",
        str(output),
        "--errors",
        str(errors),
        "--workers",
        str(workers),
    ]


def _run(command: list[str], output: Path | None = None, kill_at: int | None = None) -> bool:
    """Run ``command``; SIGKILL its process group once ``output`` holds ``kill_at`` lines
    (plus a random few ms, to land anywhere, mid-line included).  Was it killed?"""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    if output is None or kill_at is None:
        process.wait()
        return False
    while process.poll() is None:
        lines = output.read_bytes().count(b"\n") if output.exists() else 0
        if lines >= kill_at:
            time.sleep(random.uniform(0, 0.02))
            break
        time.sleep(0.002)
    if process.poll() is not None:
        return False
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return True


def _ids(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--limit", type=int, default=200, help="corpus pages in the WARC")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warc = work / "corpus.warc.gz"
        total = build_warc(warc, corpus_pages(args.limit))
        reference, reference_errors = work / "ref.jsonl", work / "ref-errors.jsonl"
        started = time.monotonic()
        _run(_command(warc, reference, reference_errors, args.workers))
        full_seconds = time.monotonic() - started
        expected = sorted(_ids(reference) + _ids(reference_errors))
        assert len(expected) == total, (len(expected), total)
        lines = [
            f"# Resume after kill -9 ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
            "",
            f"{total} records, {args.workers} workers, uninterrupted run "
            f"{full_seconds:.1f} s. Each trial kills the process group (SIGKILL) when the "
            "output reaches a random line count (+0-20 ms), in half of the trials kills the "
            "first resume too, then resumes to the end.",
            "",
            "| trial | kill at lines | lines at kill | partial last line | exactly once "
            "| identical to uninterrupted |",
            "|---:|---|---|---|---|---|",
        ]
        failures = 0
        for trial in range(1, args.trials + 1):
            output, errors = work / f"t{trial}.jsonl", work / f"t{trial}-errors.jsonl"
            command = _command(warc, output, errors, args.workers)
            kills = [rng.randrange(0, total)]
            if rng.random() < 0.5:
                kills.append(rng.randrange(kills[0], total))
            seen: list[str] = []
            partial = False
            for number, kill in enumerate(kills):
                run = command if number == 0 else [*command, "--resume"]
                killed = _run(run, output, kill)
                raw = output.read_bytes() if output.exists() else b""
                partial |= bool(raw) and not raw.endswith(b"\n")
                count = raw.count(b"\n")
                seen.append(f"{count}" if killed else f"{count} (ended first)")
            _run([*command, "--resume"])
            ids = _ids(output) + _ids(errors)
            once = sorted(ids) == expected and len(set(ids)) == len(ids)
            same = output.read_bytes() == reference.read_bytes()
            if not same:
                # exactly-once holds; say how much differs (the code under test changed?)
                mine = output.read_bytes().splitlines()
                theirs = reference.read_bytes().splitlines()
                differing = sum(a != b for a, b in zip(mine, theirs, strict=False))
                print(f"trial {trial}: {differing} of {len(theirs)} lines differ", flush=True)
            failures += not once
            lines.append(
                f"| {trial} | {', '.join(map(str, kills))} | {', '.join(seen)} | "
                f"{'yes' if partial else 'no'} | {'yes' if once else 'NO'} | "
                f"{'yes' if same else 'no'} |"
            )
            print(lines[-1], flush=True)
        lines.append(f"\n{args.trials - failures}/{args.trials} trials exactly once.")
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "resume.md").write_text(text, encoding="utf-8")
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
