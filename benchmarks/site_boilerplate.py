"""How well ``--site-boilerplate`` separates template text from content, on a synthetic archive.

The archive (a tar.gz, built here) has hosts of 3 to 40 pages.  Every page of a
host carries the host's template paragraphs (an "about us" blurb and a bureau
line, written like content so that the parser keeps them, and a copyright line
with a varying year) on a share of its pages (100 %, 80 %, 60 %), plus unique
article paragraphs and *real* paragraphs that repeat on a share of pages (a
correction notice, a series intro: 10 %, 30 %, 45 %).

Reported: template paragraphs removed and real paragraphs kept, by how often
they repeat; hosts below the minimum page count must be untouched.

Usage::

    .venv/bin/python benchmarks/site_boilerplate.py [--workers 2]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_batch_pages import page, sentence  # noqa: E402

from articlekit.batch import run  # noqa: E402

HOST_SIZES = (3, 6, 12, 25, 40)
TEMPLATE_SHARES = (1.0, 0.8, 0.6)
REAL_SHARES = (0.1, 0.3, 0.45)


def _template(host: str, k: int, year: int) -> str:
    texts = (
        f"{host} has reported on the towns of the northern coast since 1898 and is "
        "owned by its readers through a cooperative.",
        f"Every story on {host} is reported on foot by the staff of its northern bureau.",
        f"Copyright {year} {host}. All rights reserved. Reproduction without permission "
        "is prohibited.",
    )
    return texts[k]


def _real(host: str, k: int) -> str:
    texts = (
        f"Correction: an earlier version of this story on {host} misstated the date of "
        "the council vote, which took place on a Tuesday evening.",
        f"This article is part of the {host} series on how small towns adapt to the "
        "changing climate, published every second week.",
        f"Residents of the district can send questions about the plan to the {host} "
        "newsroom, which collects them for the next public hearing.",
    )
    return texts[k]


def build(path: Path) -> dict[str, dict[str, tuple[str, float]]]:
    """Write the archive; per host, each planted paragraph -> (kind, share)."""
    planted: dict[str, dict[str, tuple[str, float]]] = {}
    counter = 0
    with tarfile.open(path, "w:gz") as archive:
        for index, size in enumerate(HOST_SIZES):
            host = f"site{index}.example"
            planted[host] = {}
            for n in range(size):
                paragraphs = []
                for _ in range(3):
                    counter += 1
                    paragraphs.append(sentence(1000 + counter))
                for k, share in enumerate(REAL_SHARES):
                    if n < round(share * size):
                        text = _real(host, k)
                        paragraphs.insert(1 + k, text)
                        planted[host][text] = ("real", share)
                for k, share in enumerate(TEMPLATE_SHARES):
                    if n < round(share * size):
                        text = _template(host, k, 2015 + n % 10)
                        paragraphs.append(text)
                        planted[host][_template(host, k, 2000)] = ("template", share)

                data = page(f"{host} story {n}", paragraphs, f"https://{host}/story/{n}")
                info = tarfile.TarInfo(f"{host}/{n}.html")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    return planted


def _normal(text: str) -> str:
    return "".join("0" if ch.isdigit() else ch for ch in text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        archive = work / "sites.tar.gz"
        planted = build(archive)
        plain, clean = work / "plain.jsonl", work / "clean.jsonl"
        run([archive], plain, workers=args.workers)
        started = time.monotonic()
        summary = run([archive], clean, workers=args.workers, site_boilerplate=True)
        seconds = time.monotonic() - started
        before = [json.loads(line) for line in plain.read_text().splitlines()]
        after = [json.loads(line) for line in clean.read_text().splitlines()]
    # (kind, share, host size) -> [pages where present before, pages where present after]
    tally: dict[tuple[str, float, int], list[int]] = defaultdict(lambda: [0, 0])
    unique = [0, 0]
    for old, new in zip(before, after, strict=True):
        host = old["source"]["member"].split("/")[0]
        size = HOST_SIZES[int(host[4])]
        old_text, new_text = _normal(old["text"] or ""), _normal(new["text"] or "")
        for text, (kind, share) in planted[host].items():
            key = _normal(text)
            if key in old_text:
                tally[(kind, share, size)][0] += 1
                tally[(kind, share, size)][1] += key in new_text
        for paragraph in old["paragraphs"] or []:
            if paragraph.startswith("Story "):
                unique[0] += 1
                unique[1] += paragraph in (new["paragraphs"] or [])
    lines = [
        f"# Site boilerplate on a synthetic archive "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        f"{len(before)} pages on {len(HOST_SIZES)} hosts of {HOST_SIZES} pages; threshold "
        "max(3, 50 %) of a host's distinct pages, hosts of 4+ pages; "
        f"learning + stripping run {seconds:.1f} s, {summary.site_hosts} hosts learned.",
        "",
        "| paragraph kind | repeats on | host pages | on pages before | kept after |",
        "|---|---:|---:|---:|---:|",
    ]
    for (kind, share, size), (seen, kept) in sorted(tally.items()):
        lines.append(f"| {kind} | {share:.0%} | {size} | {seen} | {kept} |")
    lines.append(f"| unique article paragraphs | - | all | {unique[0]} | {unique[1]} |")
    template_seen = sum(v[0] for (k, _, s), v in tally.items() if k == "template" and s >= 4)
    template_kept = sum(v[1] for (k, _, s), v in tally.items() if k == "template" and s >= 4)
    real_seen = sum(v[0] for (k, _, _), v in tally.items() if k == "real") + unique[0]
    real_kept = sum(v[1] for (k, _, _), v in tally.items() if k == "real") + unique[1]
    lines += [
        "",
        f"Template paragraphs removed on hosts of 4+ pages: "
        f"{template_seen - template_kept}/{template_seen}; real paragraphs kept: "
        f"{real_kept}/{real_seen}.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "site_boilerplate.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
