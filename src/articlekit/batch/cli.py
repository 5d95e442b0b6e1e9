"""The ``articlekit batch`` command.

Exit codes: 0 every record became an article; 1 the run finished but some
records became error records (see ``--errors``); 2 wrong usage (click's code);
3 the run could not start or finish (output exists without ``--resume``, an
optional dependency is missing, the output cannot be written, workers cannot
start); 4 an internal error (a bug; ``ARTICLEKIT_DEBUG=1`` shows the traceback);
130 interrupted by Ctrl-C (rerun with ``--resume``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from articlekit.batch.pool import WorkerStartError
from articlekit.batch.readers import DEFAULT_MAX_BYTES
from articlekit.batch.runner import DEFAULT_TIMEOUT, run
from articlekit.batch.sinks import OutputExists
from articlekit.batch.site import SiteThreshold

__all__ = ["EXIT_FATAL", "EXIT_RECORD_ERRORS", "batch_command"]

EXIT_RECORD_ERRORS = 1
EXIT_FATAL = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130


@click.command(
    "batch",
    epilog="Exit codes: 0 all articles; 1 done, with error records; 2 usage; "
    "3 could not run (output exists without --resume, missing extra, output not "
    "writable); 4 internal error; 130 interrupted (rerun with --resume).",
)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=str),
    help="JSONL file, or folder of Parquet parts with --format parquet.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: one per core; 0 parses in-process).",
)
@click.option("--resume", is_flag=True, help="Finish an interrupted run; no record twice.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=str),
    help="JSONL file for error records (default: they go to the output).",
)
@click.option(
    "--mode",
    type=click.Choice(["auto", "html", "text"]),
    default="auto",
    show_default=True,
    help="How pages are read; auto follows WET/WARC hints.",
)
@click.option("--fields", help="Comma-separated Article fields to write (default: all).")
@click.option(
    "--glob",
    "glob_pattern",
    help="Shell pattern selecting files in folders and members in tar/zip (e.g. '*.html').",
)
@click.option(
    "--site-boilerplate",
    is_flag=True,
    help="Learn per-host template blocks in a "
    "first pass and strip them (threshold: docs/batch.md).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Records larger than this become too_large errors.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds per page before a timeout error (0: none).",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=1),
    default=None,
    metavar="MIB",
    help="MiB a worker may grow by (Linux); beyond it a page is a limit_exceeded error. "
    "Default: no cap.",
)
@click.option(
    "--warc-backend",
    type=click.Choice(["fastwarc", "warcio"]),
    default=None,
    help="WARC reader (default fastwarc when installed; ARC always uses warcio).",
)
@click.option(
    "--engine",
    default="articlekit",
    hidden=True,
    help="Extractor: articlekit, trafilatura (benchmarks) or module:function.",
)
@click.option(
    "--summary-json",
    type=click.Path(dir_okay=False, path_type=str),
    help="Also write the summary as JSON here.",
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: only on a terminal)."
)
def batch_command(
    inputs: tuple[str, ...],
    output: str,
    output_format: str,
    workers: int | None,
    resume: bool,
    errors_path: str | None,
    mode: str,
    fields: str | None,
    glob_pattern: str | None,
    site_boilerplate: bool,
    max_bytes: int,
    timeout: float,
    max_memory: int | None,
    warc_backend: str | None,
    engine: str,
    summary_json: str | None,
    progress: bool | None,
) -> None:
    """Parse every page of INPUT... (files, folders, tar, zip, WARC/ARC, WET) into OUTPUT.

    One output record per input record, in input order; failures become error
    records, never an abort.  See docs/batch.md.
    """
    field_list = [f.strip() for f in fields.split(",") if f.strip()] if fields else None
    try:
        summary = run(
            list(inputs),
            output,
            format=output_format,  # type: ignore[arg-type]
            workers=workers,
            resume=resume,
            errors=errors_path,
            mode=mode,  # type: ignore[arg-type]
            fields=field_list,
            glob=glob_pattern,
            site_boilerplate=site_boilerplate,
            site_threshold=SiteThreshold(),
            max_bytes=max_bytes,
            timeout=timeout or None,
            max_memory=max_memory * 1024 * 1024 if max_memory else None,
            engine=engine,
            warc_backend=warc_backend,
            progress=progress,
        )
    except KeyboardInterrupt:
        click.echo("articlekit batch: interrupted; rerun with --resume to finish", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    except (OutputExists, ImportError, OSError, WorkerStartError) as error:
        click.echo(f"articlekit batch: {_one_line(error)}", err=True)
        sys.exit(EXIT_FATAL)
    except Exception as error:  # a bug must still end in one line and a code
        if os.environ.get("ARTICLEKIT_DEBUG"):
            raise
        click.echo(f"articlekit batch: internal error: {_one_line(error)}", err=True)
        sys.exit(EXIT_INTERNAL)
    click.echo(f"articlekit batch: {summary.describe()}", err=True)
    if summary_json:
        Path(summary_json).write_text(json.dumps(summary.to_dict()) + "\n", encoding="utf-8")
    if summary.errors:
        sys.exit(EXIT_RECORD_ERRORS)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    if isinstance(error, ImportError):
        return f"{text} (install the optional extra, e.g. pip install 'articlekit[parquet]')"
    return text
