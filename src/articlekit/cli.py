"""The ``articlekit`` command line.

Exit codes: 0 success; 1 the input could not be parsed (unreadable, not a page,
beyond a limit); 2 wrong usage (click's own code).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from articlekit import __version__
from articlekit.errors import ArticlekitError
from articlekit.options import Options
from articlekit.pipeline import explain

EXIT_INPUT_ERROR = 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="articlekit")
def main() -> None:
    """Turn saved web pages into clean, structured articles."""


@main.command("parse")
@click.argument("path")
@click.option("--url", help="The page's address, when the page does not say.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "markdown", "text", "html"]),
    default="json",
    show_default=True,
)
@click.option("--mode", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
@click.option("--explain", "show_explain", is_flag=True, help="Print the decisions behind the result.")
def parse_command(
    path: str, url: str | None, output_format: str, mode: str, output: str | None, show_explain: bool
) -> None:
    """Parse PATH (a saved page, or - for standard input) and print the Article."""
    options = Options(mode=mode)  # type: ignore[arg-type]
    source: object = sys.stdin.buffer.read() if path == "-" else Path(path)
    try:
        explanation = explain(source, url=url, options=options)
    except ArticlekitError as error:
        click.echo(f"articlekit: {error}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    article = explanation.article
    rendered = {
        "json": article.to_json,
        "markdown": article.to_markdown,
        "text": article.to_text,
        "html": article.to_html,
    }[output_format]()
    if show_explain:
        for decision in explanation.decisions:
            click.echo(str(decision), err=True)
    if output:
        Path(output).write_text(rendered + "\n", encoding="utf-8")
    else:
        click.echo(rendered)


