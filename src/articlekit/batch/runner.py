"""``articlekit.batch.run``: read, parse in parallel, write; resumable and in input order."""

from __future__ import annotations

import json
import os
import pickle
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Literal

from articlekit.batch.extract import Engine, ExtractConfig, Extractor, Outcome, error_row, finish
from articlekit.batch.pool import ordered_map
from articlekit.batch.progress import Progress
from articlekit.batch.readers import DEFAULT_MAX_BYTES, RecordReader, iter_records
from articlekit.batch.records import Record
from articlekit.batch.schema import arrow_schema, select_fields
from articlekit.batch.sinks import JsonlSink, ParquetSink, Sink
from articlekit.batch.site import SiteLearner, SiteProfile, SiteThreshold
from articlekit.options import Mode, Options

__all__ = ["DEFAULT_TIMEOUT", "Summary", "learn_site_profile", "run"]

DEFAULT_TIMEOUT = 30.0
"""Seconds one page may take before it becomes a ``timeout`` error record."""

OutputFormat = Literal["jsonl", "parquet"]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a batch run did."""

    records_read: int
    """Records in the input (pages; non-page files and members are not records)."""
    already_done: int
    """Records found in the output of an earlier run (``resume``) and not redone."""
    articles_written: int
    """Records written as articles in this run."""
    errors: Mapping[str, int] = field(default_factory=dict)
    """Error records written in this run, by reason."""
    skipped: int = 0
    """Files and archive members that are not pages (images, scripts) or not matched by glob."""
    seconds: float = 0.0
    """Wall time of the run."""
    site_hosts: int = 0
    """Hosts with learned template blocks (``site_boilerplate``)."""

    @property
    def processed(self) -> int:
        """Records handled in this run."""
        return self.articles_written + sum(self.errors.values())

    @property
    def pages_per_s(self) -> float:
        """Records handled in this run per second of wall time."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON types."""
        return {
            "records_read": self.records_read,
            "already_done": self.already_done,
            "articles_written": self.articles_written,
            "errors": dict(sorted(self.errors.items())),
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
            "pages_per_s": round(self.pages_per_s, 2),
            "site_hosts": self.site_hosts,
        }

    def describe(self) -> str:
        """A short human summary (the CLI prints it on stderr)."""
        errors = ", ".join(f"{n} {reason}" for reason, n in sorted(self.errors.items())) or "none"
        resumed = f" ({self.already_done} already done)" if self.already_done else ""
        return (
            f"{self.records_read} records read{resumed}; {self.articles_written} articles "
            f"written; errors: {errors}; {self.skipped} non-page files skipped; "
            f"{self.pages_per_s:.1f} pages/s over {self.seconds:.1f} s"
        )


def run(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    format: OutputFormat = "jsonl",
    workers: int | None = None,
    resume: bool = False,
    errors: str | os.PathLike[str] | None = None,
    mode: Mode = "auto",
    fields: Sequence[str] | None = None,
    glob: str | None = None,
    site_boilerplate: bool = False,
    site_threshold: SiteThreshold | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = None,
    options: Options | None = None,
    engine: Engine = "articlekit",
    warc_backend: str | None = None,
    progress: bool | None = None,
) -> Summary:
    """Parse every page of ``inputs`` into ``output``; one output record per input record.

    ``output`` is a JSONL file (``format="jsonl"``) or a folder of Parquet parts
    (``format="parquet"``).  Records that fail become error records: in
    ``errors`` (a JSONL file) when given, else in ``output``.  ``workers``
    processes parse in parallel (default: one per core; 0 parses in this
    process); the output is in input order whatever their number.  ``resume``
    finishes an interrupted run: records already in ``output``/``errors`` are
    skipped, so each input record ends up there exactly once.

    Raises :class:`articlekit.batch.sinks.OutputExists` when ``output`` holds
    records and ``resume`` is False, and ValueError for an unknown field.
    """
    started = time.monotonic()
    chosen = select_fields(fields)
    options = replace(options or Options(), mode=mode)
    workers = _usable_cores() if workers is None else workers
    reader = iter_records(inputs, glob=glob, max_bytes=max_bytes, warc_backend=warc_backend)
    sink = _output_sink(output, format, chosen, resume)
    error_sink: Sink = sink
    try:
        error_sink = _error_sink(errors, output, sink, resume)
        done = sink.done | (error_sink.done if error_sink is not sink else set())
        config = ExtractConfig(
            options=options,
            fields=chosen,
            output="jsonl" if format == "jsonl" else "rows",
            engine=engine,
            timeout=timeout,
            max_memory=max_memory,
        )
        Extractor(config)  # an unknown engine fails here, not in every worker
        site_hosts = 0
        spool: Path | None = None
        if site_boilerplate:
            threshold = site_threshold or SiteThreshold()
            profile, spool = _site_profile(
                reader, config, workers, output, format, threshold, resume, progress
            )
            config = replace(config, site_template=profile.hosts)
            site_hosts = len(profile.hosts)
        counts = _Counts()
        results = _results(reader, done, counts, config, workers, spool)
        bar = Progress.start(progress, reader, already_done=len(done))
        articles, reasons = _write_results(results, sink, error_sink, bar)
    finally:
        sink.close()
        if error_sink is not sink:
            error_sink.close()
    if spool is not None:
        spool.unlink(missing_ok=True)  # the run is complete: only the profile is kept
    return Summary(
        records_read=counts.read,
        already_done=counts.done,
        articles_written=articles,
        errors=dict(reasons),
        skipped=reader.skipped,
        seconds=time.monotonic() - started,
        site_hosts=site_hosts,
    )


def _output_sink(
    output: str | os.PathLike[str], format: str, chosen: Sequence[str], resume: bool
) -> Sink:
    """The sink of ``output`` in ``format`` (ValueError for an unknown format)."""
    if format == "parquet":
        return ParquetSink(output, arrow_schema(chosen), resume=resume)
    if format == "jsonl":
        return JsonlSink(output, resume=resume)
    raise ValueError(f"unknown format {format!r}: use jsonl or parquet")


def _error_sink(
    errors: str | os.PathLike[str] | None,
    output: str | os.PathLike[str],
    sink: Sink,
    resume: bool,
) -> Sink:
    """The sink of error records: the JSONL file ``errors``, or ``sink`` itself."""
    if errors is None:
        return sink
    if Path(errors).resolve() == Path(output).resolve():
        raise ValueError("--errors must not be the output itself")
    return JsonlSink(errors, resume=resume)


def _results(
    reader: Iterable[Record],
    done: set[str],
    counts: _Counts,
    config: ExtractConfig,
    workers: int,
    spool: Path | None,
) -> Iterator[tuple[Record, Outcome]]:
    """Each record not ``done`` with its outcome, in input order."""
    if spool is not None:
        # second pass from the spooled Articles of the first: no page is parsed twice
        return _from_spool(spool, done, counts, config)
    return ordered_map(_skip_done(reader, done, counts), config, workers)


def _write_results(
    results: Iterable[tuple[Record, Outcome]],
    sink: Sink,
    error_sink: Sink,
    bar: Progress | None,
) -> tuple[int, Counter[str]]:
    """Write each outcome to ``sink`` (an article) or ``error_sink`` (an error record);
    returns how many articles were written and the errors by reason."""
    reasons: Counter[str] = Counter()
    articles = 0
    finished = False
    try:
        for record, outcome in results:
            if outcome.reason is not None:
                error_sink.write_row(error_row(record, outcome.reason, outcome.message))
                reasons[outcome.reason.value] += 1
            elif isinstance(outcome.payload, bytes):
                sink.write_line(record.id, outcome.payload)
                articles += 1
            else:
                sink.write_row(outcome.payload)
                articles += 1
            if bar is not None:
                bar.advance(record, failed=outcome.reason is not None)
        finished = True
    finally:
        if bar is not None:
            bar.close(finished)
    return articles, reasons


def _usable_cores() -> int:
    """Cores this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@dataclass
class _Counts:
    read: int = 0
    done: int = 0


def _skip_done(records: Iterable[Record], done: set[str], counts: _Counts) -> Iterator[Record]:
    for record in records:
        counts.read += 1
        if record.id in done:
            counts.done += 1
            continue
        yield record


def _counted(records: Iterable[Record], bar: Progress) -> Iterator[Record]:
    for record in records:
        bar.advance(record)
        yield record


def learn_site_profile(
    records: Iterable[Record],
    config: ExtractConfig,
    workers: int,
    threshold: SiteThreshold | None = None,
    spool: BinaryIO | None = None,
) -> SiteProfile:
    """First pass of ``--site-boilerplate``: parse every page and learn each host's template.

    With ``spool``, each record's outcome (its Article, or its error) is pickled there
    in input order, so that the second pass needs no second parse.
    """
    learner = SiteLearner(threshold or SiteThreshold())
    learn = replace(config, output="learn", site_template=None)
    for record, outcome in ordered_map(records, learn, workers):
        article = None
        if outcome.reason is None and outcome.payload is not None:
            host, page, keys, article = outcome.payload
            learner.add(host, page, keys)
        if spool is not None:
            kept = Outcome(payload=article, reason=outcome.reason, message=outcome.message)
            pickle.dump((replace(record, data=b""), kept), spool, pickle.HIGHEST_PROTOCOL)
    return learner.profile()


def _from_spool(
    path: Path, done: set[str], counts: _Counts, config: ExtractConfig
) -> Iterator[tuple[Record, Outcome]]:
    with open(path, "rb") as spool:
        while True:
            try:
                record, outcome = pickle.load(spool)
            except EOFError:
                return
            counts.read += 1
            if record.id in done:
                counts.done += 1
                continue
            if outcome.reason is not None:
                yield record, outcome
            else:
                yield record, finish(record, outcome.payload, config)


def _site_profile(
    records: RecordReader,
    config: ExtractConfig,
    workers: int,
    output: str | os.PathLike[str],
    format: str,
    threshold: SiteThreshold,
    resume: bool,
    progress: bool | None = None,
) -> tuple[SiteProfile, Path | None]:
    """The learned profile, and the spool of first-pass results (None when gone).

    Both are saved beside the output (``OUT.site.json`` and ``OUT.site-spool``; for
    Parquet ``OUT/_site_boilerplate.json`` and ``OUT/_site_spool``), the spool first,
    each by an atomic rename: a resumed run finds either both complete or redoes the
    first pass, and strips exactly what the interrupted run would have stripped.
    """
    out = Path(output)
    if format == "parquet":
        path, spool = out / "_site_boilerplate.json", out / "_site_spool"
    else:
        path, spool = Path(f"{out}.site.json"), Path(f"{out}.site-spool")
    if resume and path.exists():
        profile = SiteProfile.from_json(json.loads(path.read_text(encoding="utf-8")))
        return profile, spool if spool.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    spool_temporary = spool.with_name(spool.name + ".tmp")
    bar = Progress.start(progress, records, "learning site templates")
    counted = _counted(records, bar) if bar is not None else records
    finished = False
    try:
        with open(spool_temporary, "wb") as handle:
            profile = learn_site_profile(counted, config, workers, threshold, handle)
            handle.flush()
            os.fsync(handle.fileno())
        finished = True
    finally:
        if bar is not None:
            bar.close(finished)
    os.replace(spool_temporary, spool)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(profile.to_json(), indent=1), encoding="utf-8")
    os.replace(temporary, path)
    return profile, spool
