"""Quality benchmark: articlekit beside its peers, field by field (issue 3 §1).

    python -m benchmarks.quality --corpus ../shared/corpus/readability-testpages \\
        --corpus ../shared/corpus/trafilatura-eval-dev [--extractors articlekit,trafilatura] \\
        [--limit N] [--json OUT] [--misses DIR] [--baseline OLD.json]

Corpora are folders in the format of ``../shared/corpus/CORPUS_FORMAT.md``.  Each
extractor runs in its own worker process that handles all pages; a page that
takes longer than ``--timeout`` seconds or crashes the worker scores as empty
output, is counted, and a fresh worker takes the remaining pages.

Metrics (denominators are the pages whose truth field is non-null):

- body: ``\\w+`` tokens, 4-token shingles, per-page tp/fp/fn normalized by their sum,
  P and R averaged over pages, F1 their harmonic mean, bootstrap std of F1.
- snippets: corpus totals of ``with`` found (tp), ``with`` missing (fn), ``without``
  found (fp) in the body after collapsing whitespace.
- title, byline, date: exact match over the pages whose truth is a non-empty string
  (this reproduces the issue's peer figures); ``exact_all`` in the JSON also counts
  pages annotated "", matched by an empty answer.
- byline: exact match of name tokens (casefolded, without by/and/von/und, order
  free); token F1 over the same pages; false bylines = a non-empty answer where the
  truth is "" (count / such pages).
- comments: share of ``comments_with`` snippets found in the comment text (recall)
  and in the body (leak), and the same over the non-empty snippets the saved page
  shows (``recall_in_page``, ``leak_in_page``: a snippet a script loaded when the truth
  was made is not in the page); on the pages of ``benchmarks/annotated/comments.jsonl``,
  articlekit's comment count, recall, precision, author, date and parent
  (:mod:`benchmarks.quality_annotated`, HTML mode, ``annotated_comments`` in the JSON;
  ``--no-annotated`` skips it).
- captions: truth is each ``<figcaption>`` of the source page whose text (2+ tokens)
  is in the expected body (readability-testpages' expected output keeps
  figcaptions); recall = its tokens run contiguously in the body, or one extracted
  caption (caption and credit joined) holds 80 % of them; duplicated = its token run
  occurs in the body more often than in the truth body.
- figures of the hand-read set (articlekit only; ``--no-annotated`` skips it): caption
  recall and precision, credit exact and captions duplicated in the body, on
  ``benchmarks/annotated/figures.jsonl``; see :mod:`benchmarks.quality_captions`.
- structure (articlekit only): link recall and precision (text and href), code-line
  recall and table-cell recall against the links, ``<pre>`` lines and cells of the
  source page's article element that the expected body shows; how the truth is read
  is in :mod:`benchmarks.quality_structure`.
- speed: median / p95 ms of the extraction call alone, pages/s over the summed call
  times, peak RSS of the worker.  The tables show the worker's CPU time per call
  (``time.process_time``): on a shared machine wall time mostly measures the other
  processes, while CPU time of a single-threaded call is what it costs on an idle one.
  The JSON also has the wall-clock figures (``*_wall_ms``).
- text mode: whole-page dumps in two styles (``--dump-style``), as converters lay them
  out differently: ``html-text`` (``html_text.extract_text(html, guess_layout=True)``,
  the ``<title>`` first) and ``resiliparse`` (Resiliparse's
  ``extract_plain_text(html, main_content=False)``: the body only, list bullets,
  indented lists).  articlekit parses them with ``Options(mode="text")``, and the
  ``dump`` row scores the dump itself.  Every field a dump can hold is scored (title,
  byline, date, comments, captions); links, code lines and cells are not, since a dump
  keeps no markup.  The JSON keeps html-text under ``text`` and each other style under
  ``text-<style>`` (``text-resiliparse``).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import multiprocessing as mp
import os
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from benchmarks.adapters import ADAPTERS, TEXT_ADAPTERS, Result, decode_html, make_adapter
from benchmarks.quality_annotated import annotated_comments_table, score_annotated_comments
from benchmarks.quality_captions import figures_table, run_figures
from benchmarks.quality_kinds import kind_table, score_kinds
from benchmarks.quality_metrics import (
    body_scores,
    byline_exact,
    byline_token_f1,
    caption_found,
    collapse_ws,
    count_token_run,
    date_exact,
    page_text,
    prf,
    shingle_match,
    snippet_counts,
    title_exact,
    tokenize,
)
from benchmarks.quality_structure import Structure, score_structure, structure_truth

__all__ = ["Page", "load_corpus", "main", "run_extractor", "score_corpus"]

DEFAULT_TIMEOUT = 30.0
STARTUP_TIMEOUT = 180.0
PEERS = tuple(name for name in ADAPTERS if name != "articlekit")


@dataclass(frozen=True, slots=True)
class Page:
    """One corpus page: where its bytes are and what the truth says."""

    corpus: str
    id: str
    path: Path
    truth: dict[str, Any]
    captions: tuple[str, ...] = ()
    structure: Structure | None = None

    @property
    def url(self) -> str | None:
        url = self.truth.get("url")
        return url if isinstance(url, str) else None

    def read(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())


@dataclass(slots=True)
class PageRun:
    """An extractor's answer for one page and what it cost."""

    result: Result
    ms: float | None  # wall clock
    failure: str | None = None  # "timeout", "crash" or "error"
    cpu_ms: float | None = None  # CPU time of the worker during the call


@dataclass(slots=True)
class ExtractorRun:
    """All pages of one extractor on one corpus."""

    pages: dict[str, PageRun] = field(default_factory=dict)
    peak_rss_mb: float = 0.0


# --- corpus -------------------------------------------------------------------------------

_CAPTION_MIN_TOKENS = 2


def caption_truth(html: bytes, body: str | None) -> tuple[str, ...]:
    """The page's ``<figcaption>`` texts that the expected body keeps (2+ tokens each)."""
    if not body or b"figcaption" not in html.lower():
        return ()
    from lxml import html as lxml_html

    try:
        doc = lxml_html.document_fromstring(html)
    except (ValueError, SyntaxError):
        return ()
    expected = collapse_ws(body)
    found: list[str] = []
    for node in doc.iter("figcaption"):
        text = collapse_ws(str(node.xpath("string()")))
        if len(tokenize(text)) >= _CAPTION_MIN_TOKENS and text in expected and text not in found:
            found.append(text)
    return tuple(found)


def load_corpus(
    folder: Path, limit: int | None = None, every: int = 1, with_captions: bool = True
) -> tuple[str, list[Page]]:
    """Pages of a corpus folder in id order; ``every`` keeps every Nth, ``limit`` the first N."""
    name = folder.name
    pages: list[Page] = []
    with (folder / "truth.jsonl").open(encoding="utf-8") as lines:
        truths = [json.loads(line) for line in lines if line.strip()]
    truths.sort(key=lambda t: t["id"])
    for index, truth in enumerate(truths):
        if index % every:
            continue
        path = folder / "pages" / f"{truth['id']}.html.gz"
        page = Page(corpus=name, id=truth["id"], path=path, truth=truth)
        if with_captions and truth.get("body"):
            raw = page.read()
            page = Page(
                name,
                page.id,
                path,
                truth,
                caption_truth(raw, truth["body"]),
                structure_truth(raw, truth["body"]),
            )
        pages.append(page)
        if limit is not None and len(pages) >= limit:
            break
    return name, pages


DUMP_STYLES = ("html-text", "resiliparse")
"""Converters that make text-mode dumps; the first is the historical ``text`` mode."""


def make_dump(html: bytes, style: str = "html-text") -> str:
    """A WET-style whole-page text dump (what a crawl's text export keeps) in ``style``."""
    if style == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return str(extract_plain_text(decode_html(html), main_content=False))
    if style != "html-text":
        raise ValueError(f"unknown dump style {style!r} (one of {', '.join(DUMP_STYLES)})")
    import html_text

    return str(html_text.extract_text(decode_html(html), guess_layout=True))


def text_mode_key(style: str) -> str:
    """Where a dump style's figures go in the report: ``text`` for html-text, else
    ``text-<style>`` (the gate's ``text.*`` floors keep meaning html-text)."""
    return "text" if style == DUMP_STYLES[0] else f"text-{style}"


# --- worker processes ---------------------------------------------------------------------


def _peak_rss_mb() -> float:
    """This process's peak resident memory.  VmHWM belongs to the address space made at
    exec, whereas ru_maxrss would also count the parent's pages copied at fork."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_main(conn: Connection, name: str, text_mode: bool) -> None:
    try:
        extract = make_adapter(name, text_mode=text_mode)
    except Exception as exc:  # an uninstalled peer: the parent reports and skips it
        conn.send(("unavailable", f"{type(exc).__name__}: {exc}"))
        return
    # one untimed call first, so that lazy imports do not count as the first page's time
    warmup = b"<html><head><title>Warm up</title></head><body><p>One short paragraph of text."
    with contextlib.suppress(Exception):
        extract(
            b"One short paragraph of text." if text_mode else warmup + b"</p></body></html>", None
        )
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        page_id, payload, url = job
        data = Path(payload).read_bytes() if isinstance(payload, str) else payload
        if isinstance(payload, str):
            data = gzip.decompress(data)
        error = None
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            result = extract(data, url).to_dict()
        except Exception as exc:  # scored as empty output and counted
            result, error = Result().to_dict(), f"{type(exc).__name__}: {exc}"[:300]
        cpu_ms = (time.process_time() - start_cpu) * 1000
        ms = (time.perf_counter() - start) * 1000
        conn.send((page_id, result, ms, cpu_ms, _peak_rss_mb(), error))


class _Worker:
    def __init__(self, name: str, text_mode: bool) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, name, text_mode), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(STARTUP_TIMEOUT):
            self.kill()
            raise RuntimeError(f"{name}: worker did not start within {STARTUP_TIMEOUT:.0f} s")
        try:
            status, detail = self.conn.recv()
        except EOFError:
            status, detail = "crashed", "worker died while starting"
        if status != "ready":
            self.kill()
            raise RuntimeError(f"{name}: {detail}")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(5)
        self.kill()


Job = tuple[str, str | bytes, str | None]


def run_extractor(
    name: str, jobs: Sequence[Job], text_mode: bool = False, timeout: float = DEFAULT_TIMEOUT
) -> ExtractorRun:
    """Run one extractor over ``jobs`` (page id, gz path or dump bytes, url) in a worker.

    A timeout or a crash scores the page as empty output and restarts the worker.
    """
    run = ExtractorRun()
    worker: _Worker | None = None
    try:
        for page_id, payload, url in jobs:
            if worker is None:
                try:
                    worker = _Worker(name, text_mode)
                except RuntimeError:
                    if not run.pages:
                        raise  # never started: the extractor is unavailable
                    print(f"  {name} {page_id}: restart failed", file=sys.stderr)
                    run.pages[page_id] = PageRun(Result(), None, "crash")
                    continue
            worker.conn.send((page_id, payload, url))
            failure = None
            if worker.conn.poll(timeout):
                try:
                    _, result, ms, cpu_ms, rss_mb, error = worker.conn.recv()
                except EOFError:
                    failure = "crash"
                else:
                    run.peak_rss_mb = max(run.peak_rss_mb, rss_mb)
                    run.pages[page_id] = PageRun(
                        Result.from_dict(result), ms, "error" if error else None, cpu_ms
                    )
                    if error:
                        print(f"  {name} {page_id}: {error}", file=sys.stderr)
                    continue
            else:
                failure = "timeout"
            print(f"  {name} {page_id}: {failure}", file=sys.stderr)
            run.pages[page_id] = PageRun(Result(), None, failure)
            worker.kill()
            worker = None
    finally:
        if worker is not None:
            worker.stop()
    return run


def save_run(path: Path, run: ExtractorRun) -> None:
    """Keep a run's per-page answers, so that metrics can be recomputed without rerunning."""
    data = {
        "peak_rss_mb": run.peak_rss_mb,
        "pages": {
            pid: {
                "result": r.result.to_dict(),
                "ms": r.ms,
                "cpu_ms": r.cpu_ms,
                "failure": r.failure,
            }
            for pid, r in run.pages.items()
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8")))


def load_run(path: Path) -> ExtractorRun:
    """Inverse of :func:`save_run`."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    pages = {
        pid: PageRun(Result.from_dict(r["result"]), r["ms"], r["failure"], r.get("cpu_ms"))
        for pid, r in data["pages"].items()
    }
    return ExtractorRun(pages=pages, peak_rss_mb=data["peak_rss_mb"])


# --- scoring ------------------------------------------------------------------------------


def _exact_scores(field_pages: list[Page], key: str, hits: list[bool]) -> dict[str, Any]:
    """Exact-match scores of one field: ``exact`` over pages whose truth is non-empty
    (the issue's definition), ``exact_all`` also over pages annotated ""."""
    nonempty = [hit for page, hit in zip(field_pages, hits, strict=True) if page.truth[key]]
    return {
        "exact": _ratio(sum(nonempty), len(nonempty)),
        "exact_all": _ratio(sum(hits), len(hits)),
        "pages": len(nonempty),
        "pages_all": len(hits),
    }


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def score_corpus(
    pages: Sequence[Page],
    run: ExtractorRun,
    fields: Iterable[str],
    bootstrap: int = 1000,
    text_mode: bool = False,
) -> dict[str, Any]:
    """All metrics of one extractor on one corpus (None where the field has no truth
    or the extractor does not give it).  Text mode scores every field a dump can hold;
    links, code lines and cells need the page's markup and are left out."""
    fields = set(fields) - {"structure"} if text_mode else set(fields)
    out: dict[str, Any] = {"pages": len(pages)}
    results = {p.id: run.pages.get(p.id, PageRun(Result(), None, "missing")) for p in pages}

    body_pages = [p for p in pages if p.truth.get("body") is not None]
    if body_pages:
        rows = [shingle_match(p.truth["body"], results[p.id].result.body) for p in body_pages]
        scores = body_scores(rows, n_bootstrap=bootstrap)
        out["body"] = {
            "f1": scores.f1,
            "f1_std": scores.f1_std,
            "precision": scores.precision,
            "recall": scores.recall,
            "pages": scores.pages,
        }

    snippet_pages = [
        p for p in pages if p.truth.get("with") is not None or p.truth.get("without") is not None
    ]
    if snippet_pages:
        tp = fn = fp = 0
        for p in snippet_pages:
            a, b, c = snippet_counts(
                results[p.id].result.body, p.truth.get("with"), p.truth.get("without")
            )
            tp, fn, fp = tp + a, fn + b, fp + c
        s = prf(tp, fp, fn)
        out["snippets"] = {
            "f1": s.f1,
            "precision": s.precision,
            "recall": s.recall,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "pages": len(snippet_pages),
        }

    title_pages = [p for p in pages if p.truth.get("title") is not None]
    if title_pages and "title" in fields:
        hits = [title_exact(p.truth["title"], results[p.id].result.title) for p in title_pages]
        out["title"] = _exact_scores(title_pages, "title", hits)

    byline_pages = [p for p in pages if p.truth.get("byline") is not None]
    if byline_pages and "byline" in fields:
        got = {p.id: results[p.id].result.byline for p in byline_pages}
        hits = [byline_exact(p.truth["byline"], got[p.id]) for p in byline_pages]
        named = [p for p in byline_pages if p.truth["byline"]]
        unnamed = [p for p in byline_pages if not p.truth["byline"]]
        false = sum(1 for p in unnamed if got[p.id].strip())
        f1s = [byline_token_f1(p.truth["byline"], got[p.id]) for p in named]
        out["byline"] = {
            **_exact_scores(byline_pages, "byline", hits),
            "token_f1": statistics.fmean(f1s) if f1s else None,
            "false": false,
            "false_of": len(unnamed),
            "false_rate": _ratio(false, len(unnamed)),
        }

    date_pages = [p for p in pages if p.truth.get("date") is not None]
    if date_pages and "date" in fields:
        hits = [date_exact(p.truth["date"], results[p.id].result.date) for p in date_pages]
        out["date"] = _exact_scores(date_pages, "date", hits)

    comment_pages = [p for p in pages if p.truth.get("comments_with")]
    if comment_pages:
        total = found = leaked = 0
        shown = Counter[str]()  # non-empty snippets the saved page shows (issue 12)
        for p in comment_pages:
            r = results[p.id].result
            comments, body = collapse_ws(r.comments), collapse_ws(r.body)
            visible = page_text(p.read()) if p.path.is_file() else None  # None: unknown
            for snippet in p.truth["comments_with"]:
                snippet = collapse_ws(snippet)
                total += 1
                found += snippet in comments
                leaked += snippet in body
                if snippet and (visible is None or snippet in visible):
                    shown.update(
                        (
                            "all",
                            *(
                                k
                                for k, v in (("found", comments), ("leaked", body))
                                if snippet in v
                            ),
                        )
                    )
        out["comments"] = {
            "recall": _ratio(found, total) if "comments" in fields else None,
            "leak": _ratio(leaked, total),
            "recall_in_page": _ratio(shown["found"], shown["all"])
            if "comments" in fields
            else None,
            "leak_in_page": _ratio(shown["leaked"], shown["all"]),
            "snippets": total,
            "snippets_in_page": shown["all"],
            "pages": len(comment_pages),
        }

    caption_pages = [p for p in pages if p.captions]
    if caption_pages:
        total = found = duplicated = 0
        for p in caption_pages:
            r = results[p.id].result
            for caption in p.captions:
                total += 1
                found += caption_found(caption, r.body, r.captions)
                duplicated += count_token_run(caption, r.body) > count_token_run(
                    caption, p.truth["body"]
                )
        out["captions"] = {
            "recall": _ratio(found, total),
            "duplicated": _ratio(duplicated, total),
            "captions": total,
            "pages": len(caption_pages),
        }

    structure_pages = [p for p in pages if p.structure is not None]
    if structure_pages and "structure" in fields:
        out["structure"] = score_structure(
            (p.structure, _got_structure(results[p.id].result), results[p.id].result.body)
            for p in structure_pages
            if p.structure is not None
        )

    by_kind = score_kinds(pages, {k: r.result for k, r in results.items()}, bootstrap)
    if by_kind is not None:
        out["by_kind"] = by_kind

    wall = [r.ms for r in results.values() if r.ms is not None]
    # saved runs from before CPU times were recorded fall back to wall clock
    times = [
        r.cpu_ms if r.cpu_ms is not None else r.ms for r in results.values() if r.ms is not None
    ]
    failures = Counter(r.failure for r in results.values() if r.failure)
    out["speed"] = {
        "median_ms": statistics.median(times) if times else None,
        "p95_ms": _percentile(times, 0.95) if times else None,
        "clock": "cpu" if any(r.cpu_ms is not None for r in results.values()) else "wall",
        "median_wall_ms": statistics.median(wall) if wall else None,
        "p95_wall_ms": _percentile(wall, 0.95) if wall else None,
        "pages_per_s": len(times) / (sum(times) / 1000) if times and sum(times) else None,
        "peak_rss_mb": run.peak_rss_mb or None,
    }
    out["failures"] = dict(failures)
    return out


# --- output -------------------------------------------------------------------------------


def _got_structure(result: Result) -> Structure:
    return Structure(result.links, result.code_lines, result.cells)


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _get(metrics: dict[str, Any], *keys: str) -> Any:
    node: Any = metrics
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _columns(rows: dict[str, dict[str, Any]]) -> list[tuple[str, Any]]:
    """(header, getter) pairs for the fields this corpus has truth for."""
    any_row = next(iter(rows.values()), {})
    columns: list[tuple[str, Any]] = []
    if "body" in any_row:
        columns += [
            (
                "body F1",
                lambda m: (
                    _fmt(_get(m, "body", "f1"))
                    + (f" ±{_get(m, 'body', 'f1_std'):.3f}" if _get(m, "body", "f1_std") else "")
                ),
            ),
            ("body P", lambda m: _fmt(_get(m, "body", "precision"))),
            ("body R", lambda m: _fmt(_get(m, "body", "recall"))),
        ]
    if "snippets" in any_row:
        columns += [
            ("snip F1", lambda m: _fmt(_get(m, "snippets", "f1"))),
            ("snip P", lambda m: _fmt(_get(m, "snippets", "precision"))),
            ("snip R", lambda m: _fmt(_get(m, "snippets", "recall"))),
        ]
    if any("title" in m for m in rows.values()):
        columns.append(("title", lambda m: _fmt(_get(m, "title", "exact"))))
    if any("byline" in m for m in rows.values()):
        columns += [
            ("byline", lambda m: _fmt(_get(m, "byline", "exact"))),
            ("byline tokF1", lambda m: _fmt(_get(m, "byline", "token_f1"))),
            (
                "false bylines",
                lambda m: (
                    "—"
                    if not _get(m, "byline", "false_of")
                    else f"{_get(m, 'byline', 'false_rate') or 0:.0%} "
                    f"({_get(m, 'byline', 'false')}/{_get(m, 'byline', 'false_of')})"
                ),
            ),
        ]
    if any("date" in m for m in rows.values()):
        columns.append(("date", lambda m: _fmt(_get(m, "date", "exact"))))
    if "comments" in any_row:
        columns += [
            ("cmt recall", lambda m: _fmt(_get(m, "comments", "recall"))),
            ("cmt leak", lambda m: _fmt(_get(m, "comments", "leak"))),
            ("cmt R in page", lambda m: _fmt(_get(m, "comments", "recall_in_page"))),
            ("cmt leak in page", lambda m: _fmt(_get(m, "comments", "leak_in_page"))),
        ]
    if "captions" in any_row:
        columns += [
            ("cap recall", lambda m: _fmt(_get(m, "captions", "recall"))),
            ("cap dup", lambda m: _fmt(_get(m, "captions", "duplicated"))),
        ]
    if any("structure" in m for m in rows.values()):
        columns += [
            ("link R", lambda m: _fmt(_get(m, "structure", "link_recall"))),
            ("link P", lambda m: _fmt(_get(m, "structure", "link_precision"))),
            ("link R in text", lambda m: _fmt(_get(m, "structure", "link_recall_in_text"))),
            ("code lines R", lambda m: _fmt(_get(m, "structure", "code_line_recall"))),
            ("cells R", lambda m: _fmt(_get(m, "structure", "cell_recall"))),
        ]
    columns += [
        ("median CPU ms", lambda m: _fmt(_get(m, "speed", "median_ms"), 1)),
        ("p95 CPU ms", lambda m: _fmt(_get(m, "speed", "p95_ms"), 1)),
        ("pages/s", lambda m: _fmt(_get(m, "speed", "pages_per_s"), 1)),
        ("RSS MB", lambda m: _fmt(_get(m, "speed", "peak_rss_mb"), 0)),
        ("fail", lambda m: str(sum((m.get("failures") or {}).values()))),
    ]
    return columns


def markdown_table(title: str, rows: dict[str, dict[str, Any]]) -> str:
    """One markdown table: a row per extractor, a column per field."""
    if not rows:
        return ""
    columns = _columns(rows)
    lines = [f"### {title}", ""]
    lines.append("| extractor | " + " | ".join(h for h, _ in columns) + " |")
    lines.append("|---|" + "---:|" * len(columns))
    for name, metrics in rows.items():
        lines.append(f"| {name} | " + " | ".join(get(metrics) for _, get in columns) + " |")
    return "\n".join(lines) + "\n"


# The targets of issue 3 §2: (corpus, mode, metric path, "min"/"max", bound).
TARGETS: tuple[tuple[str, str, str, str, float], ...] = (
    ("readability-testpages", "html", "body.f1", "min", 0.970),
    ("trafilatura-eval-dev", "html", "snippets.f1", "min", 0.940),
    ("readability-testpages", "html", "title.exact", "min", 0.85),
    ("trafilatura-eval-dev", "html", "title.exact", "min", 0.85),
    ("trafilatura-eval-dev", "html", "byline.exact", "min", 0.75),
    ("trafilatura-eval-dev", "html", "byline.false_rate", "max", 0.10),
    ("trafilatura-eval-dev", "html", "date.exact", "min", 0.90),
    ("trafilatura-eval-dev", "html", "comments.recall", "min", 0.65),
    ("trafilatura-eval-dev", "html", "comments.leak", "max", 0.02),
    ("readability-testpages", "text", "body.f1", "min", 0.85),
)


# The targets of issue 11 for every dump style: (corpus, metric path, "min"/"max", bound,
# relative); a relative bound is added to the same figure of the HTML mode.
TEXT_TARGETS: tuple[tuple[str, str, str, float, bool], ...] = (
    ("trafilatura-eval-dev", "snippets.f1", "min", 0.90, False),
    ("trafilatura-eval-dev", "title.exact", "min", 0.85, False),
    ("trafilatura-eval-dev", "byline.exact", "min", 0.55, False),
    ("trafilatura-eval-dev", "byline.false_rate", "max", 0.05, False),
    ("trafilatura-eval-dev", "date.exact", "min", 0.75, False),
    ("trafilatura-eval-dev", "comments.recall", "min", 0.55, False),
    ("trafilatura-eval-dev", "comments.leak", "max", 0.04, False),
    ("readability-testpages", "body.f1", "min", 0.90, False),
    ("modern-2026-dev", "body.f1", "min", -0.02, True),
    ("modern-2026-dev", "title.exact", "min", 0.70, False),
)


def text_targets_table(corpora: dict[str, Any], me: str = "articlekit") -> str:
    """articlekit's text modes (every dump style) against issue 11's targets."""
    lines = [
        "### text-mode targets (issue 11)",
        "",
        "| corpus | mode | field | target | articlekit | as HTML | met |",
        "|---|---|---|---:|---:|---:|:-:|",
    ]
    for corpus, path, kind, bound, relative in TEXT_TARGETS:
        data = corpora.get(corpus, {})
        html = _get(data.get("html", {}).get(me, {}), *path.split("."))
        for mode in sorted(m for m in data if m.startswith("text")):
            if me not in data[mode]:
                continue
            mine = _get(data[mode][me], *path.split("."))
            limit = (html + bound if isinstance(html, float) else None) if relative else bound
            ok = None not in (mine, limit) and (mine <= limit if kind == "max" else mine >= limit)
            sign = "≤" if kind == "max" else "≥"
            shown = f"HTML {bound:+.2f}" if relative else f"{bound:.3f}"
            lines.append(
                f"| {corpus} | {mode} | {path} | {sign} {shown} | {_fmt(mine)} | {_fmt(html)} "
                f"| {'yes' if ok else 'no'} |"
            )
    return "\n".join(lines) + "\n" if len(lines) > 4 else ""


def targets_table(corpora: dict[str, Any], me: str = "articlekit") -> str:
    """articlekit against the issue's targets and the best peer of this run."""
    lines = [
        "### targets (issue 3 §2)",
        "",
        "| corpus | field | target | articlekit | best peer | met |",
        "|---|---|---:|---:|---|:-:|",
    ]
    for corpus, mode, path, kind, bound in TARGETS:
        rows = corpora.get(corpus, {}).get(mode, {})
        if me not in rows:
            continue
        mine = _get(rows[me], *path.split("."))
        peers = [
            (value, name)
            for name, metrics in rows.items()
            if name != me and isinstance(value := _get(metrics, *path.split(".")), float | int)
        ]
        best = (min(peers) if kind == "max" else max(peers)) if peers else None
        ok = mine is not None and (mine <= bound if kind == "max" else mine >= bound)
        sign = "≤" if kind == "max" else "≥"
        lines.append(
            f"| {corpus} | {mode} {path} | {sign} {bound:.3f} | {_fmt(mine)} | "
            f"{f'{best[0]:.3f} {best[1]}' if best else '—'} | {'yes' if ok else 'no'} |"
        )
    for corpus, data in corpora.items():
        rows = data.get("html", {})
        mine, theirs = (_get(rows.get(n, {}), "speed", "median_ms") for n in (me, "trafilatura"))
        if isinstance(mine, float) and isinstance(theirs, float) and theirs:
            lines.append(
                f"| {corpus} | median CPU ms | ≤ 0.5 × trafilatura | {mine:.1f} | {theirs:.1f} "
                f"trafilatura ({mine / theirs:.2f}×) | {'yes' if mine <= theirs / 2 else 'no'} |"
            )
    return "\n".join(lines) + "\n" if len(lines) > 4 else ""


def write_misses(
    folder: Path, corpus: str, pages: Sequence[Page], run: ExtractorRun, worst: int = 30
) -> Path:
    """Per-page misses of one extractor, worst first, to help tuning."""
    out: list[str] = [f"# misses on {corpus} ({len(pages)} pages)", ""]
    res = {p.id: run.pages.get(p.id, PageRun(Result(), None, "missing")) for p in pages}

    def clip(text: str | None, n: int = 160) -> str:
        text = collapse_ws(text).replace("|", "/")
        return text if len(text) <= n else text[: n - 1] + "…"

    body_pages = [p for p in pages if p.truth.get("body") is not None]
    if body_pages:
        scored = []
        for p in body_pages:
            tp, fp, fn = shingle_match(p.truth["body"], res[p.id].result.body)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            scored.append((f1, prec, rec, p.id))
        scored.sort()
        out += ["## worst body F1", "", "| id | F1 | P | R |", "|---|---:|---:|---:|"]
        out += [f"| {i} | {f:.3f} | {pr:.3f} | {rc:.3f} |" for f, pr, rc, i in scored[:worst]]
        out.append("")
    snippet_pages = [p for p in pages if p.truth.get("with") is not None]
    if snippet_pages:
        out += ["## snippet misses (with missing / without found)", ""]
        rows = []
        for p in snippet_pages:
            body = collapse_ws(res[p.id].result.body)
            missing = [s for s in p.truth.get("with") or () if collapse_ws(s) not in body]
            found = [s for s in p.truth.get("without") or () if collapse_ws(s) in body]
            if missing or found:
                rows.append((len(missing) + len(found), p, missing, found))
        rows.sort(key=lambda r: (-r[0], r[1].id))
        for _, p, missing, found in rows[: worst * 2]:
            out.append(f"- {p.id} {p.url or ''}")
            out += [f"  - missing: {clip(s, 100)}" for s in missing]
            out += [f"  - unwanted: {clip(s, 100)}" for s in found]
        out.append("")
    for key, same in (("title", title_exact), ("byline", byline_exact), ("date", date_exact)):
        rows2 = []
        for p in pages:
            truth = p.truth.get(key)
            if truth is None:
                continue
            got = getattr(res[p.id].result, key)
            if not same(truth, got):
                rows2.append(f"| {p.id} | {clip(got)} | {clip(truth)} |")
        out += [f"## {key} misses ({len(rows2)})", "", "| id | got | truth |", "|---|---|---|"]
        out += [*rows2, ""]
    comment_pages = [p for p in pages if p.truth.get("comments_with")]
    if comment_pages:
        out += ["## comment snippets not found in comments", ""]
        for p in comment_pages:
            r = res[p.id].result
            lost = [
                s for s in p.truth["comments_with"] if collapse_ws(s) not in collapse_ws(r.comments)
            ]
            leak = [s for s in p.truth["comments_with"] if collapse_ws(s) in collapse_ws(r.body)]
            if lost or leak:
                example = clip((lost or leak)[0], 80)
                out.append(f"- {p.id}: {len(lost)} lost, {len(leak)} in body; e.g. {example}")
        out.append("")
    caption_rows = []
    for p in pages:
        r = res[p.id].result
        lost = [c for c in p.captions if not caption_found(c, r.body, r.captions)]
        if lost:
            caption_rows.append(
                f"- {p.id}: {len(lost)} of {len(p.captions)} lost, e.g. {clip(lost[0], 80)}"
            )
    if caption_rows:
        out += ["## figcaptions of the expected body not found", "", *caption_rows, ""]
    timed = sorted(
        ((r.cpu_ms or r.ms or 0.0, i) for i, r in res.items() if r.ms is not None), reverse=True
    )
    if timed:
        out += ["## slowest pages (CPU ms of the parse call)", ""]
        out += [f"- {i}: {ms:.0f} ms" for ms, i in timed[:10]] + [""]
    failures = [f"- {i}: {r.failure}" for i, r in res.items() if r.failure]
    if failures:
        out += ["## failures", "", *failures, ""]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"misses_{corpus}.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _versions() -> dict[str, str]:
    names = ["articlekit", "trafilatura", "readability-lxml", "newspaper4k", "goose3"]
    names += ["resiliparse", "justext", "boilerpy3", "html-text", "lxml"]
    found = {}
    for name in names:
        try:
            found[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            continue
    return found


# --- command line -------------------------------------------------------------------------


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.quality",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--corpus", action="append", type=Path, required=True, help="corpus folder (repeatable)"
    )
    parser.add_argument(
        "--extractors",
        default=",".join(ADAPTERS),
        help=f"comma-separated, from: {', '.join(ADAPTERS)}",
    )
    parser.add_argument("--limit", type=int, help="first N pages of each corpus")
    parser.add_argument("--every", type=int, default=1, help="every Nth page of each corpus")
    parser.add_argument("--no-text-mode", action="store_true", help="skip the text-mode tables")
    parser.add_argument(
        "--dump-style",
        choices=[*DUMP_STYLES, "both"],
        default="both",
        help="which converter makes the text-mode dumps (default both)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help="seconds per page before it scores as empty",
    )
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--json", type=Path, help="write all numbers here")
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    parser.add_argument("--misses", type=Path, help="write articlekit's per-page misses here")
    parser.add_argument(
        "--runs-dir", type=Path, help="save each run's per-page answers here (gzip JSON)"
    )
    parser.add_argument(
        "--reuse",
        default="",
        help="comma-separated extractors whose saved runs in --runs-dir are "
        "rescored instead of rerun",
    )
    parser.add_argument(
        "--no-annotated", action="store_true", help="skip the hand-read sets (benchmarks/annotated)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="JSON of an earlier run: its rows fill in extractors not run now",
    )
    return parser.parse_args(argv)


def _run_or_reuse(
    args: argparse.Namespace, corpus: str, name: str, jobs: list[Job], mode: str
) -> ExtractorRun:
    """``mode`` is ``html`` or a text mode's report key (:func:`text_mode_key`)."""
    text_mode = mode != "html"
    saved = None
    if args.runs_dir:
        saved = args.runs_dir / corpus / f"{mode}-{name}.json.gz"
    reuse = {n.strip() for n in args.reuse.split(",")}
    if saved is not None and name in reuse and saved.is_file():
        run = load_run(saved)
        wanted = {job[0] for job in jobs}
        if wanted <= run.pages.keys():
            return ExtractorRun(
                {k: v for k, v in run.pages.items() if k in wanted}, run.peak_rss_mb
            )
    run = run_extractor(name, jobs, text_mode=text_mode, timeout=args.timeout)
    if saved is not None:
        save_run(saved, run)
    return run


def _text_mode_rows(
    args: argparse.Namespace, corpus: str, pages: list[Page], names: list[str], style: str
) -> dict[str, dict[str, Any]]:
    """The text-mode rows of one corpus, its pages dumped in ``style``."""
    mode = text_mode_key(style)
    dumps = {p.id: make_dump(p.read(), style).encode("utf-8") for p in pages}
    rows: dict[str, dict[str, Any]] = {}
    for name in (n for n in TEXT_ADAPTERS if n in names or n == "dump"):
        jobs: list[Job] = [(p.id, dumps[p.id], p.url) for p in pages]
        try:
            run = _run_or_reuse(args, corpus, name, jobs, mode)
        except RuntimeError as exc:
            print(f"  {exc}; skipped", file=sys.stderr)
            continue
        rows[name] = score_corpus(
            pages, run, TEXT_ADAPTERS[name][1], args.bootstrap, text_mode=True
        )
        if name == "articlekit" and args.misses:
            write_misses(args.misses, f"{corpus}-{mode}-mode", pages, run)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the exit code."""
    args = _parse_args(argv)
    names = [n.strip() for n in args.extractors.split(",") if n.strip()]
    unknown = [n for n in names if n not in ADAPTERS]
    if unknown:
        print(f"unknown extractors: {', '.join(unknown)}", file=sys.stderr)
        return 2
    baseline: dict[str, Any] = {}
    if args.baseline and args.baseline.is_file():
        baseline = json.loads(args.baseline.read_text(encoding="utf-8")).get("corpora", {})

    report: dict[str, Any] = {
        "command": "python -m benchmarks.quality "
        + " ".join(sys.argv[1:] if argv is None else argv),
        "versions": _versions(),
        "corpora": {},
    }
    tables: list[str] = []
    for folder in args.corpus:
        if not (folder / "truth.jsonl").is_file():
            print(f"{folder}: no truth.jsonl, skipped", file=sys.stderr)
            continue
        corpus, pages = load_corpus(folder, limit=args.limit, every=args.every)
        print(f"{corpus}: {len(pages)} pages", file=sys.stderr)
        html_rows: dict[str, dict[str, Any]] = {}
        for name in names:
            jobs: list[Job] = [(p.id, str(p.path), p.url) for p in pages]
            start = time.monotonic()
            try:
                run = _run_or_reuse(args, corpus, name, jobs, "html")
            except RuntimeError as exc:
                print(f"  {exc}; skipped", file=sys.stderr)
                continue
            html_rows[name] = score_corpus(pages, run, ADAPTERS[name][1], args.bootstrap)
            print(f"  {name}: {time.monotonic() - start:.0f} s", file=sys.stderr)
            if name == "articlekit" and args.misses:
                write_misses(args.misses, corpus, pages, run)
        styles = DUMP_STYLES if args.dump_style == "both" else (args.dump_style,)
        modes = {} if args.no_text_mode else {text_mode_key(s): s for s in styles}
        text_rows = {
            mode: _text_mode_rows(args, corpus, pages, names, style)
            for mode, style in modes.items()
        }
        old = baseline.get(corpus, {})
        for name, metrics in old.get("html", {}).items():
            html_rows.setdefault(name, metrics)
        for mode, rows in text_rows.items():
            for name, metrics in old.get(mode, {}).items():
                rows.setdefault(name, metrics)
        report["corpora"][corpus] = {"pages": len(pages), "html": html_rows, **text_rows}
        tables.append(markdown_table(f"{corpus} ({len(pages)} pages)", html_rows))
        tables.append(kind_table(f"{corpus}", html_rows))
        if (
            "articlekit" in html_rows
            and not args.no_annotated
            and (annotated := score_annotated_comments(folder))
        ):
            html_rows["articlekit"]["annotated_comments"] = annotated
            tables.append(annotated_comments_table({corpus: annotated}))
        for mode, style in modes.items():
            title = f"{corpus}, text mode (whole-page dumps, {style})"
            tables.append(markdown_table(title, text_rows[mode]))
            tables.append(kind_table(f"{corpus}, text mode ({style})", text_rows[mode]))
    if "articlekit" in names and not args.no_annotated:  # issue 12's hand-read sets
        report["annotated"] = {"figures": run_figures(args.corpus[0].resolve().parent)}
        tables.append(figures_table(report["annotated"]["figures"]))
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = f"`{report['command']}` ({stamp}, load {os.getloadavg()[0]:.1f})\n"
    if reused := sorted({n.strip() for n in args.reuse.split(",") if n.strip()}):
        header += f"\nRescored from saved runs (speed from their own run): {', '.join(reused)}\n"
    tables.insert(0, text_targets_table(report["corpora"]))
    tables.insert(0, targets_table(report["corpora"]))
    text = "\n".join([header, *(t for t in tables if t)])
    print(text)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
