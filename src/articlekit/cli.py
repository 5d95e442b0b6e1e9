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
import glob
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

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
#: the file name ending ``--output-dir`` gives each format
EXTENSIONS = {"json": ".json", "markdown": ".md", "text": ".txt", "html": ".html"}

Render = Callable[[Article], str]

DEBUG_ENV = "ARTICLEKIT_DEBUG"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="articlekit")
def main() -> None:
    """Turn saved web pages into clean, structured articles."""


@main.command(
    "parse",
    short_help="Parse saved pages and print or write the Articles.",
    epilog="Exit codes: 0 ok, 1 an input cannot be parsed, 2 usage, 3 output cannot be written, "
    "4 internal error; with several inputs, the worst of them.",
)
@click.argument("paths", metavar="PATH|-...", nargs=-1, required=True)
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
    "--output-dir",
    "-d",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per page into DIR, named after the input (page.html -> page.json).",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="With --output-dir: replace files that exist (otherwise such a page fails).",
)
@click.option(
    "--comments/--no-comments",
    "with_comments",
    default=None,
    help="Render the comments after the article (default: in markdown and html, not in text).",
)
@click.option(
    "--explain",
    "show_explain",
    is_flag=True,
    help="Also print, on standard error, the decisions behind the result.",
)
def parse_command(
    paths: tuple[str, ...],
    url: str | None,
    output_format: str,
    mode: Mode,
    output: str | None,
    output_dir: Path | None,
    overwrite: bool,
    with_comments: bool | None,
    show_explain: bool,
) -> None:
    """Parse each PATH (a saved page: .html, .txt, either gzipped; - for standard
    input; a quoted glob such as 'saved/*.html' is expanded) and print the Articles.

    With several pages, JSON is printed as JSON Lines (one Article per line), and
    the other formats one page after another; --output-dir writes one file each.
    A page that fails is reported on standard error and the others go on.
    """
    if output and output_dir:
        raise click.UsageError("--output and --output-dir cannot be used together")
    inputs = expand_paths(paths)
    if not inputs:
        _fail(EXIT_INPUT_ERROR, f"{' '.join(paths)}: no such file")
    render = _renderer(output_format, with_comments, one_line=len(inputs) > 1 and not output_dir)
    options = Options(mode=mode)
    writer = _Writer(output, output_dir, overwrite, extension=EXTENSIONS[output_format])
    worst = EXIT_OK
    for path in inputs:
        code, message = _parse_one(path, url, options, render, writer, show_explain, len(inputs))
        if code != EXIT_OK:
            _report(message)
            worst = max(worst, code)
        if code == EXIT_INTERRUPTED:
            break
    writer.close()
    sys.exit(worst)


def expand_paths(paths: tuple[str, ...]) -> list[str]:
    """The inputs in order: ``-`` as it is, a path that exists as it is, and a glob
    pattern that names no file itself as its matches, sorted (shells that do not
    expand globs, or a quoted pattern).  A name that matches nothing is kept, so
    that it is reported as missing."""
    found: list[str] = []
    for path in paths:
        if path != "-" and not os.path.lexists(path) and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            found.extend(m for m in matches if not os.path.isdir(m))
            if matches:
                continue
        found.append(path)
    return found


def _renderer(output_format: str, with_comments: bool | None, one_line: bool) -> Render:
    if output_format == "json":
        indent = None if one_line else 2
        return lambda article: article.to_json(indent=indent)
    if output_format == "text":
        return lambda article: article.to_text(comments=bool(with_comments))
    comments = with_comments is not False
    if output_format == "markdown":
        return lambda article: article.to_markdown(comments=comments)
    return lambda article: article.to_html(comments=comments)


def _parse_one(
    path: str,
    url: str | None,
    options: Options,
    render: Render,
    writer: _Writer,
    show_explain: bool,
    count: int,
) -> tuple[int, str]:
    """Parse, render and write one page: ``(exit code, message)`` (code 0: done)."""
    try:
        explanation = _explain_path(path, url, options)
        rendered = render(explanation.article)
    except InternalError as error:
        if os.environ.get(DEBUG_ENV):
            raise
        return EXIT_INTERNAL_ERROR, str(error)
    except ArticlekitError as error:
        return EXIT_INPUT_ERROR, str(error)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED, "interrupted"
    except Exception as error:  # a bug: one line for the user, the traceback on request
        if os.environ.get(DEBUG_ENV):
            raise
        return EXIT_INTERNAL_ERROR, f"internal error ({type(error).__name__}: {error})"
    if show_explain:
        _print_decisions(explanation, path if count > 1 else None)
    return writer.write(path, rendered)


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


def _print_decisions(explanation: Explanation, path: str | None) -> None:
    # a closed stderr must not hide the result on stdout
    with contextlib.suppress(OSError):
        if path is not None:
            click.echo(f"==> {path} <==", err=True)
        for decision in explanation.decisions:
            click.echo(str(decision), err=True)


class _Writer:
    """Where rendered pages go: standard output, one ``--output`` file, or one file
    per page in ``--output-dir``.  Every method returns ``(exit code, message)``."""

    def __init__(
        self, output: str | None, output_dir: Path | None, overwrite: bool, extension: str
    ) -> None:
        self.output = output if output and output != "-" else None
        self.output_dir = output_dir
        self.overwrite = overwrite
        self.extension = extension
        self.handle: BinaryIO | None = None
        self.taken: set[Path] = set()

    def write(self, path: str, rendered: str) -> tuple[int, str]:
        data = (rendered if rendered.endswith("\n") else rendered + "\n").encode("utf-8")
        if self.output_dir is not None:
            return self._write_file(self._target(path), data)
        if self.output is not None:
            return self._append(data)
        return _write_stdout(data)

    def _target(self, path: str) -> Path:
        """``DIR/<input name without .gz and its page extension>.<format>``; a second
        input of the same name in this run gets ``-2``, ``-3``... rather than replacing
        the first one's file."""
        name = "stdin" if path == "-" else Path(path).name
        for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".text"):
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
        assert self.output_dir is not None
        target = self.output_dir / f"{name}{self.extension}"
        number = 1
        while target in self.taken:
            number += 1
            target = self.output_dir / f"{name}-{number}{self.extension}"
        self.taken.add(target)
        return target

    def _write_file(self, target: Path, data: bytes) -> tuple[int, str]:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb" if self.overwrite else "xb") as handle:
                handle.write(data)
        except FileExistsError:
            return EXIT_OUTPUT_ERROR, f"{target}: exists (use --overwrite to replace it)"
        except OSError as error:
            return EXIT_OUTPUT_ERROR, f"{target}: cannot write ({error.strerror or error})"
        return EXIT_OK, ""

    def _append(self, data: bytes) -> tuple[int, str]:
        assert self.output is not None
        try:
            if self.handle is None:
                self.handle = open(self.output, "wb")  # noqa: SIM115 - closed in close()
            self.handle.write(data)
        except OSError as error:
            _fail(EXIT_OUTPUT_ERROR, f"{self.output}: cannot write ({error.strerror or error})")
        return EXIT_OK, ""

    def close(self) -> None:
        if self.handle is not None:
            try:
                self.handle.close()
            except OSError as error:
                _fail(EXIT_OUTPUT_ERROR, f"{self.output}: cannot write ({error.strerror or error})")


def _write_stdout(data: bytes) -> tuple[int, str]:
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
    return EXIT_OK, ""


def _silence_stdout() -> None:
    # fails harmlessly when stdout is no real file descriptor (under a test runner)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _report(message: str) -> None:
    """Print ``articlekit: message`` as one line on stderr."""
    line = " ".join(message.split()) or "failed"
    with contextlib.suppress(OSError):
        click.echo(f"articlekit: {line}", err=True)


def _fail(code: int, message: str) -> NoReturn:
    """Print ``articlekit: message`` as one line on stderr and exit with ``code``."""
    _report(message)
    sys.exit(code)


main.add_command(batch_command)
