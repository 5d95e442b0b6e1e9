"""The ``articlekit`` command: formats, output file, stdin, errors and exit codes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import articlekit
from articlekit.cli import EXIT_INPUT_ERROR, EXIT_OUTPUT_ERROR, EXIT_USAGE, main

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbor Street gets bike lanes</title></head><body>
<article><h1>Harbor Street gets bike lanes</h1>
<p>The city council voted on Monday night to build a protected bike lane along Harbor
Street, ending two years of hearings and traffic studies.</p>
<p>Construction is expected to begin in June and to take about five months, according
to the transportation department of the city.</p>
</article></body></html>"""

FIRST = "The city council voted on Monday night to build a protected bike lane along Harbor"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_json_is_the_default_and_matches_the_api(page: Path) -> None:
    code, out, err = run("parse", str(page))
    assert code == 0, err
    data = json.loads(out)
    assert data == articlekit.parse(page).to_dict()
    assert data["title"] == "Harbor Street gets bike lanes"
    assert data["paragraphs"][0].startswith(FIRST)
    assert len(data["paragraphs"]) == 2


def test_markdown_format(page: Path) -> None:
    code, out, _ = run("parse", str(page), "--format", "markdown")
    assert code == 0
    assert out.startswith("# Harbor Street gets bike lanes\n\n")
    assert FIRST in out
    assert out == articlekit.parse(page).to_markdown()


def test_text_format(page: Path) -> None:
    code, out, _ = run("parse", str(page), "--format", "text")
    assert code == 0
    assert out == articlekit.parse(page).to_text() + "\n"
    assert out.startswith("Harbor Street gets bike lanes\n\nThe city council voted")


def test_html_format(page: Path) -> None:
    code, out, _ = run("parse", str(page), "-f", "html")
    assert code == 0
    assert out.startswith('<article lang="en">\n<header><h1>Harbor Street gets bike lanes</h1>')
    assert "<p>The city council voted" in out
    assert out.rstrip().endswith("</article>")


def test_url_option_fills_url(page: Path) -> None:
    code, out, _ = run("parse", str(page), "--url", "https://example.org/a")
    assert code == 0
    assert json.loads(out)["url"] == "https://example.org/a"


def test_output_file(page: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    code, out, _ = run("parse", str(page), "--format", "markdown", "--output", str(target))
    assert code == 0
    assert out == ""
    assert target.read_text(encoding="utf-8") == articlekit.parse(page).to_markdown()


def test_stdin(page: Path) -> None:
    code, out, _ = run("parse", "-", "--format", "json", input=page.read_bytes())
    assert code == 0
    assert json.loads(out)["title"] == "Harbor Street gets bike lanes"


def test_stdin_text_mode() -> None:
    dump = (
        "Harbor Street gets bike lanes\n\n"
        "The city council voted on Monday night to build a protected bike lane along Harbor "
        "Street, ending two years of hearings and traffic studies in the neighbourhood.\n\n"
        "Construction is expected to begin in June and to take about five months, according "
        "to the transportation department of the city, which will publish a schedule.\n"
    )
    code, out, _ = run("parse", "-", "--mode", "text", input=dump.encode())
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Harbor Street gets bike lanes"
    assert data["paragraphs"][0].startswith("The city council voted on Monday night")


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    code, out, err = run("parse", str(missing))
    assert code == EXIT_INPUT_ERROR == 1
    assert out == ""
    assert err == f"articlekit: {missing}: no such file\n"


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = run("parse", str(tmp_path))
    assert code == EXIT_INPUT_ERROR
    assert err.startswith("articlekit: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_unwritable_output_is_exit_3(page: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    code, _, err = run("parse", str(page), "--output", str(target))
    assert code == EXIT_OUTPUT_ERROR == 3
    assert err.startswith(f"articlekit: {target}: cannot write")
    assert err.count("\n") == 1


def test_bad_format_is_usage_error(page: Path) -> None:
    code, _, err = run("parse", str(page), "--format", "pdf")
    assert code == EXIT_USAGE == 2
    assert "pdf" in err


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out == f"articlekit, version {articlekit.__version__}\n"


def test_console_script_missing_file_has_no_traceback(tmp_path: Path) -> None:
    """The real process: one line on stderr, exit 1, nothing on stdout."""
    missing = tmp_path / "missing.html"
    done = subprocess.run(
        [sys.executable, "-c", "from articlekit.cli import main; main()", "parse", str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"articlekit: {missing}: no such file\n"


def test_binary_input_is_not_a_page(tmp_path: Path) -> None:
    png = tmp_path / "image.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    code, out, err = run("parse", str(png))
    assert code == EXIT_INPUT_ERROR
    assert out == ""
    assert err.startswith(f"articlekit: {png}: not a page") and err.count("\n") == 1


def test_gzipped_page(page: Path, tmp_path: Path) -> None:
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(page.read_bytes()))
    code, out, _ = run("parse", str(packed), "-f", "text")
    assert code == 0
    assert out.startswith("Harbor Street gets bike lanes\n\nThe city council voted")


def test_empty_file_is_an_article_with_a_status(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    code, out, _ = run("parse", str(empty))
    assert code == 0
    assert json.loads(out)["status"] == "empty_input"


def test_explain_keeps_stdout_unchanged(page: Path) -> None:
    code, out, _ = run("parse", str(page), "--explain")
    assert code == 0
    assert out == run("parse", str(page))[1]


def test_closed_stdout_exits_3_quietly(tmp_path: Path) -> None:
    """`articlekit parse page | head -c 1`: no traceback, no message, exit 3."""
    paragraph = "<p>" + "Harbor Street gets a protected bike lane this summer. " * 20 + "</p>"
    big = tmp_path / "big.html"
    big.write_text(f"<html><body><article>{paragraph * 200}</article></body></html>")
    process = subprocess.Popen(
        [sys.executable, "-c", "from articlekit.cli import main; main()", "parse", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the output is far bigger than a pipe buffer
    err = process.stderr.read()
    assert process.wait(timeout=120) == EXIT_OUTPUT_ERROR
    assert err == b""


# --- several pages ------------------------------------------------------------------------


def _pages(tmp_path: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.replace("Harbor Street gets", f"{path.stem} gets"), encoding="utf-8")
        paths.append(path)
    return paths


def test_several_pages_print_json_lines_in_order(tmp_path: Path) -> None:
    first, second = _pages(tmp_path, "one.html", "two.html")
    code, out, err = run("parse", str(first), str(second))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [json.loads(line)["title"] for line in lines] == [
        "one gets bike lanes",
        "two gets bike lanes",
    ]


def test_a_quoted_glob_is_expanded_sorted(tmp_path: Path) -> None:
    _pages(tmp_path, "b.html", "a.html", "c.txt")
    code, out, _ = run("parse", str(tmp_path / "*.html"), "-f", "text")
    assert code == 0
    assert out.index("a gets bike lanes") < out.index("b gets bike lanes")
    assert "c gets" not in out


def test_output_dir_writes_one_file_per_page_named_after_it(tmp_path: Path) -> None:
    pages = _pages(tmp_path, "in/story.html", "in/other.html.gz")
    pages[1].write_bytes(gzip.compress(pages[1].read_bytes()))
    out_dir = tmp_path / "out"
    code, out, _ = run("parse", *map(str, pages), "--output-dir", str(out_dir), "-f", "markdown")
    assert code == 0 and out == ""
    assert sorted(p.name for p in out_dir.iterdir()) == ["other.md", "story.md"]
    assert (out_dir / "story.md").read_text(encoding="utf-8").startswith("# story gets bike lanes")


def test_output_dir_never_replaces_a_file_silently(tmp_path: Path) -> None:
    [page] = _pages(tmp_path, "story.html")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "story.json").write_text("keep me", encoding="utf-8")
    code, _, err = run("parse", str(page), "-d", str(out_dir))
    assert code == EXIT_OUTPUT_ERROR
    assert err == f"articlekit: {out_dir / 'story.json'}: exists (use --overwrite to replace it)\n"
    assert (out_dir / "story.json").read_text(encoding="utf-8") == "keep me"
    code, _, _ = run("parse", str(page), "-d", str(out_dir), "--overwrite")
    assert code == 0
    assert json.loads((out_dir / "story.json").read_text(encoding="utf-8"))["title"]


def test_two_inputs_of_one_name_get_two_files(tmp_path: Path) -> None:
    pages = _pages(tmp_path, "a/story.html", "b/story.html")
    out_dir = tmp_path / "out"
    code, _, _ = run("parse", *map(str, pages), "-d", str(out_dir), "-f", "text")
    assert code == 0
    assert (out_dir / "story.txt").read_text(encoding="utf-8").startswith("story gets")
    assert (out_dir / "story-2.txt").exists()


def test_one_bad_page_does_not_stop_the_others(tmp_path: Path) -> None:
    first, second = _pages(tmp_path, "one.html", "two.html")
    missing = tmp_path / "missing.html"
    code, out, err = run("parse", str(first), str(missing), str(second), "-f", "text")
    assert code == EXIT_INPUT_ERROR
    assert "one gets bike lanes" in out and "two gets bike lanes" in out
    assert err == f"articlekit: {missing}: no such file\n"


def test_output_and_output_dir_together_are_a_usage_error(page: Path, tmp_path: Path) -> None:
    code, _, err = run("parse", str(page), "-o", str(tmp_path / "x"), "-d", str(tmp_path / "y"))
    assert code == EXIT_USAGE
    assert "--output and --output-dir" in err


COMMENTED = PAGE.replace(
    "</article>",
    """</article><section id="comments" class="comments-area"><h2>2 comments</h2>
<ol class="comment-list"><li id="comment-1" class="comment"><article class="comment-body">
<footer class="comment-meta"><b class="fn">Dana Reyes</b>
<time datetime="2024-03-12T09:00:00">March 12, 2024</time></footer>
<div class="comment-content"><p>Finally a safe way to ride to the harbor market.</p></div>
</article><ol class="children"><li id="comment-2" class="comment"><article class="comment-body">
<footer class="comment-meta"><b class="fn">Sam Ortiz</b></footer>
<div class="comment-content"><p>Agreed, my kids can finally bike to school.</p></div>
</article></li></ol></li></ol></section>""",
)


def test_comments_flag_renders_the_thread_in_text(tmp_path: Path) -> None:
    path = tmp_path / "commented.html"
    path.write_text(COMMENTED, encoding="utf-8")
    _, plain, _ = run("parse", str(path), "-f", "text")
    assert "Dana Reyes" not in plain
    code, out, _ = run("parse", str(path), "-f", "text", "--comments")
    assert code == 0
    thread = out[out.index("\nComments\n") :]
    assert (
        "Dana Reyes · 2024-03-12T09:00:00\nFinally a safe way to ride to the harbor market."
        in thread
    )
    assert "\n  Sam Ortiz\n  Agreed, my kids can finally bike to school." in thread


def test_no_comments_flag_drops_the_thread_from_markdown(tmp_path: Path) -> None:
    path = tmp_path / "commented.html"
    path.write_text(COMMENTED, encoding="utf-8")
    _, with_thread, _ = run("parse", str(path), "-f", "markdown")
    assert "## Comments" in with_thread and "Dana Reyes" in with_thread
    code, out, _ = run("parse", str(path), "-f", "markdown", "--no-comments")
    assert code == 0
    assert "## Comments" not in out and "Dana Reyes" not in out


def test_python_dash_m_articlekit_runs_the_command(page: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "parse", str(page), "-f", "text"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Harbor Street gets bike lanes\n\nThe city council voted")
