"""The ``articlekit`` command line.

``articlekit parse PATH|- [--url URL] [--format json|markdown|text|html] [--mode ...]
[--output FILE] [--explain]`` prints one Article; ``articlekit --version`` prints
the version.  Output is always UTF-8.

Exit codes (see ``docs/cli.md``):

- 0: success (also for a page without an article: see ``status`` in the output)
- 1: the input could not be parsed: missing or unreadable file, a directory,
  not a page (binary data), beyond a limit
- 2: wrong usage (unknown option, bad ``--format``; click's own code)
- 3: the output could not be written (``--output`` not writable, disk full,
  closed standard output)
- 4: an internal error (a bug in articlekit; set ``ARTICLEKIT_DEBUG=1`` for the traceback)
- 130: interrupted (Ctrl-C)

Every failure is reported as one line on standard error, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from articlekit import __version__
from articlekit.batch.cli import batch_command
from articlekit.errors import ArticlekitError, InputError, InternalError
from articlekit.model import Article
from articlekit.options import Mode, Options
from articlekit.pipeline import Explanation, explain

__all__ = [
    "EXIT_INPUT_ERROR",
    "EXIT_INTERNAL_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT_ERROR",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2  # raised by click itself for bad options and arguments
EXIT_OUTPUT_ERROR = 3
EXIT_INTERNAL_ERROR = 4
EXIT_INTERRUPTED = 130

FORMATS: dict[str, Callable[[Article], str]] = {
    "json": Article.to_json,
    "markdown": Article.to_markdown,
    "text": Article.to_text,
    "html": Article.to_html,
}

DEBUG_ENV = "ARTICLEKIT_DEBUG"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="articlekit")
def main() -> None:
    """Turn saved web pages into clean, structured articles."""


@main.command(
    "parse",
    short_help="Parse one saved page and print the Article.",
    epilog="Exit codes: 0 ok, 1 input cannot be parsed, 2 usage, 3 output cannot be written, "
    "4 internal error.",
)
@click.argument("path", metavar="PATH|-")
@click.option("--url", metavar="URL", help="The page's address, used when the page names none.")
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--mode",
    type=click.Choice(["auto", "html", "text"]),
    default="auto",
    show_default=True,
    help="Read the page as HTML or as a plain-text dump; auto detects it.",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    help="Write the result to FILE (UTF-8) instead of standard output.",
)
@click.option(
    "--explain",
    "show_explain",
    is_flag=True,
    help="Also print, on standard error, the decisions behind the result.",
)
def parse_command(
    path: str,
    url: str | None,
    output_format: str,
    mode: Mode,
    output: str | None,
    show_explain: bool,
) -> None:
    """Parse PATH (a saved page: .html, .txt, either gzipped; - for standard input)
    and print the Article."""
    try:
        explanation = _explain_path(path, url, Options(mode=mode))
        rendered = FORMATS[output_format](explanation.article)
    except InternalError as error:
        if os.environ.get(DEBUG_ENV):
            raise
        _fail(EXIT_INTERNAL_ERROR, str(error))
    except ArticlekitError as error:
        _fail(EXIT_INPUT_ERROR, str(error))
    except KeyboardInterrupt:
        _fail(EXIT_INTERRUPTED, "interrupted")
    except Exception as error:  # a bug: one line for the user, the traceback on request
        if os.environ.get(DEBUG_ENV):
            raise
        _fail(EXIT_INTERNAL_ERROR, f"internal error ({type(error).__name__}: {error})")
    if show_explain:
        _print_decisions(explanation)
    _write(rendered, output)


def _explain_path(path: str, url: str | None, options: Options) -> Explanation:
    source: Any
    if path == "-":
        try:
            source = sys.stdin.buffer.read()
        except OSError as error:
            raise InputError(f"standard input: cannot read ({error})") from None
    else:
        source = Path(path)
    return explain(source, url=url, options=options)


def _print_decisions(explanation: Explanation) -> None:
    # a closed stderr must not hide the result on stdout
    with contextlib.suppress(OSError):
        for decision in explanation.decisions:
            click.echo(str(decision), err=True)


def _write(rendered: str, output: str | None) -> None:
    data = (rendered if rendered.endswith("\n") else rendered + "\n").encode("utf-8")
    if output and output != "-":
        try:
            with open(output, "wb") as handle:
                handle.write(data)
        except OSError as error:
            _fail(EXIT_OUTPUT_ERROR, f"{output}: cannot write ({error.strerror or error})")
        return
    stdout = sys.stdout.buffer
    try:
        stdout.write(data)
        stdout.flush()
    except BrokenPipeError:
        # The reader went away (`articlekit parse page.html | head`): exit quietly,
        # and keep Python from complaining again when it flushes stdout at exit.
        _silence_stdout()
        sys.exit(EXIT_OUTPUT_ERROR)
    except OSError as error:
        _fail(EXIT_OUTPUT_ERROR, f"standard output: cannot write ({error.strerror or error})")


def _silence_stdout() -> None:
    # fails harmlessly when stdout is no real file descriptor (under a test runner)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _fail(code: int, message: str) -> NoReturn:
    """Print ``articlekit: message`` as one line on stderr and exit with ``code``."""
    line = " ".join(message.split()) or "failed"
    with contextlib.suppress(OSError):
        click.echo(f"articlekit: {line}", err=True)
    sys.exit(code)


main.add_command(batch_command)
