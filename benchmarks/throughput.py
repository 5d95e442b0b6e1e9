"""Throughput and memory of ``articlekit batch`` against trafilatura, on one WARC.

Builds a WARC (gzip per record, written with warcio) from the ../shared/corpus
pages, then, in the same run and through the same reader and process pool:

- reads it with FastWARC and with warcio (records/s of the reader alone);
- runs ``articlekit batch`` with 1 and 2 workers, and trafilatura through the
  same ``articlekit.batch.run`` machinery (``--engine trafilatura``), 1 and 2 workers;
- measures the peak RSS of the whole process tree (parent + workers) on a 1x
  archive (``--memory-pages`` pages) and the same pages 10 times (``--scale``), to
  show memory does not grow with the archive.

Usage::

    .venv/bin/python benchmarks/throughput.py [--limit N] [--repeat 2] [--scale 10]
                                              [--memory-pages 200]

Not a test: the figures depend on the machine and its load.  Results are
printed as a Markdown table and written to ``benchmarks/results/throughput.md``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))


def corpus_pages(limit: int | None = None) -> list[tuple[str, bytes]]:
    """(url, raw bytes) of the corpus pages, in a stable order."""
    pages: list[tuple[str, bytes]] = []
    for corpus in sorted((SHARED / "corpus").iterdir()):
        if not (corpus / "pages").is_dir():
            continue
        urls: dict[str, str | None] = {}
        truth = corpus / "truth.jsonl"
        if truth.exists():
            for line in truth.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                urls[row["id"]] = row.get("url")
        for page in sorted((corpus / "pages").glob("*.html.gz")):
            page_id = page.name[: -len(".html.gz")]
            url = urls.get(page_id) or ""
            if not url.startswith(("http://", "https://")) or " " in url:
                url = f"http://{corpus.name}.example/{page_id}"
            pages.append((url, gzip.decompress(page.read_bytes())))
    return pages[:limit] if limit else pages


def build_warc(path: Path, pages: list[tuple[str, bytes]], copies: int = 1) -> int:
    """Write ``pages`` (``copies`` times) as gzip'd WARC response records; the record count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        for copy in range(copies):
            for url, data in pages:
                uri = url if copy == 0 else f"{url}#copy{copy}"
                headers = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html"), ("Content-Length", str(len(data)))],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(data), http_headers=headers
                )
                writer.write_record(record)
                count += 1
    return count


def reader_speed(warc: Path, backend: str) -> float:
    """Records/s of the reader alone (best of 3)."""
    from articlekit.batch import iter_records

    best = float("inf")
    count = 0
    for _ in range(3):
        start = time.perf_counter()
        count = sum(1 for _ in iter_records([warc], warc_backend=backend))
        best = min(best, time.perf_counter() - start)
    return count / best


def _tree_rss_kib(pid: int) -> int:
    """Resident set size of ``pid`` and all its descendants, in KiB."""
    total = 0
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    stack = [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def run_batch(warc: Path, workers: int, engine: str, out_dir: Path) -> dict[str, float]:
    """Run the batch command in a subprocess; pages/s (from its summary) and peak tree RSS."""
    output = out_dir / f"out-{engine}-{workers}.jsonl"
    errors = out_dir / f"err-{engine}-{workers}.jsonl"
    summary = out_dir / f"summary-{engine}-{workers}.json"
    for stale in (output, errors, summary):
        stale.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "articlekit.batch",
        str(warc),
        "--output",
        str(output),
        "--errors",
        str(errors),
        "--workers",
        str(workers),
        "--engine",
        engine,
        "--summary-json",
        str(summary),
        "--fields",
        "title,text,date,byline",
    ]
    peak = 0
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1) or not summary.exists():
        raise SystemExit(f"batch failed ({process.returncode}): {stderr.decode()[-2000:]}")
    data = json.loads(summary.read_text())
    return {
        "records": data["records_read"],
        "pages_per_s": data["pages_per_s"],
        "wall_pages_per_s": data["records_read"] / wall,
        "peak_rss_mib": peak / 1024,
        "errors": sum(data["errors"].values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N corpus pages")
    parser.add_argument("--scale", type=int, default=10, help="copies in the big archive")
    parser.add_argument("--skip-scale", action="store_true", help="no 10x memory run")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best of each is kept")
    parser.add_argument(
        "--memory-pages",
        type=int,
        default=200,
        help="pages in the 1x archive of the memory comparison",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()

    pages = corpus_pages(args.limit)
    lines = [f"# Batch throughput ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})", ""]
    lines.append(
        f"{len(pages)} corpus pages, {os.cpu_count()} cores (shared), load "
        f"{os.getloadavg()[0]:.1f} at start."
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warc = work / "corpus.warc.gz"
        build_warc(warc, pages)
        lines += ["", "## WARC readers (records/s, reader only, best of 3)", ""]
        lines += ["| reader | records/s |", "|---|---:|"]
        for backend in ("fastwarc", "warcio"):
            lines.append(f"| {backend} | {reader_speed(warc, backend):,.0f} |")

        lines += [
            "",
            f"## Batch throughput (same WARC, same reader and pool; best of "
            f"{args.repeat} round(s), order alternated)",
            "",
        ]
        lines += [
            "| engine | workers | pages/s | wall pages/s | peak RSS MiB | errors |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        results: dict[tuple[str, int], dict[str, float]] = {}
        configurations = [(e, w) for e in ("articlekit", "trafilatura") for w in (1, 2)]
        for round_number in range(args.repeat):
            # alternate the order between rounds so that drifting load hits every configuration
            order = configurations if round_number % 2 == 0 else configurations[::-1]
            for engine, workers in order:
                result = run_batch(warc, workers, engine, work)
                best = results.get((engine, workers))
                if best is None or result["pages_per_s"] > best["pages_per_s"]:
                    results[(engine, workers)] = result
        for engine, workers in configurations:
            result = results[(engine, workers)]
            lines.append(
                f"| {engine} | {workers} | {result['pages_per_s']:.1f} | "
                f"{result['wall_pages_per_s']:.1f} | {result['peak_rss_mib']:.0f} | "
                f"{result['errors']:.0f} |"
            )
            print(lines[-1], flush=True)
        for workers in (1, 2):
            ratio = (
                results[("articlekit", workers)]["pages_per_s"]
                / results[("trafilatura", workers)]["pages_per_s"]
            )
            lines.append(f"\narticlekit / trafilatura, {workers} worker(s): {ratio:.2f}x")
        speedup = (
            results[("articlekit", 2)]["pages_per_s"] / results[("articlekit", 1)]["pages_per_s"]
        )
        lines.append(f"\narticlekit 2 workers / 1 worker: {speedup:.2f}x")

        if not args.skip_scale:
            subset = pages[: args.memory_pages]
            small, big = work / "subset-1x.warc.gz", work / f"subset-{args.scale}x.warc.gz"
            counts = (build_warc(small, subset), build_warc(big, subset, copies=args.scale))
            lines += ["", f"## Memory: 1x vs {args.scale}x archive (articlekit, 2 workers)", ""]
            lines += ["| archive | records | peak RSS MiB | pages/s |", "|---|---:|---:|---:|"]
            for label, path, count in (
                ("1x", small, counts[0]),
                (f"{args.scale}x", big, counts[1]),
            ):
                result = run_batch(path, 2, "articlekit", work)
                lines.append(
                    f"| {label} | {count} | {result['peak_rss_mib']:.0f} | "
                    f"{result['pages_per_s']:.1f} |"
                )
                print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "throughput.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
