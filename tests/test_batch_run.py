"""articlekit.batch.run and the batch command: outputs, errors, order, resume, limits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batch_pages import story

from articlekit.batch import ErrorReason, OutputExists, Record, iter_records, run
from articlekit.batch.cli import batch_command
from articlekit.model import Article


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of 6 pages plus a zip with one good and one over-size member."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        (folder / f"page{n}.html").write_bytes(story(n, f"https://news.example/{n}"))
    with zipfile.ZipFile(folder / "more.zip", "w") as archive:
        archive.writestr("good.html", story(10))
        archive.writestr("huge.html", b"<p>" + b"z" * 200_000 + b"</p>")
    return folder


def test_one_output_record_per_input_record(inputs: Path, tmp_path: Path) -> None:
    output, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run([inputs], output, errors=errors, workers=0, max_bytes=100_000)
    articles, failures = _lines(output), _lines(errors)
    assert summary.records_read == 8
    assert summary.articles_written == len(articles) == 7
    assert summary.errors == {"too_large": 1}
    assert [f["error"]["reason"] for f in failures] == ["too_large"]  # type: ignore[index]
    assert failures[0]["source"]["member"] == "huge.html"  # type: ignore[index]
    ids = [row["id"] for row in articles + failures]
    assert sorted(ids) == sorted(r.id for r in iter_records([inputs]))
    first = articles[0]
    assert list(first)[:3] == ["id", "source", "error"]
    assert list(first)[3:] == list(Article().to_dict())
    assert first["error"] is None
    assert first["source"]["path"] == str(inputs / "more.zip")  # type: ignore[index]
    assert first["title"] and "Headline number 10" in str(first["title"])
    assert "Story 30 says" in str(first["text"])


def test_errors_go_to_the_output_without_an_errors_file(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    run([inputs], output, workers=0, max_bytes=100_000)
    rows = _lines(output)
    assert len(rows) == 8
    assert [r["error"] for r in rows if r["error"]] == [
        {"reason": "too_large", "message": "limit is 100000 bytes; got 200007 bytes"}
    ]


def test_output_is_in_input_order_whatever_the_number_of_workers(
    inputs: Path, tmp_path: Path
) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run([inputs], one, workers=0)
    run([inputs], two, workers=2)
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in _lines(one)] == [r.id for r in iter_records([inputs])]


def test_fields_select_article_keys(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    run([inputs / "page1.html"], output, workers=0, fields=["text", "title"])
    (row,) = _lines(output)
    assert list(row) == ["id", "source", "error", "title", "text"]
    with pytest.raises(ValueError, match="unknown field"):
        run([inputs], tmp_path / "x.jsonl", fields=["nope"])


def test_existing_output_needs_resume(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    run([inputs], output, workers=0)
    with pytest.raises(OutputExists):
        run([inputs], output, workers=0)
    again = run([inputs], output, workers=0, resume=True)
    assert again.already_done == 8 and again.processed == 0
    assert len(_lines(output)) == 8


def test_resume_cuts_a_partial_line_and_finishes_exactly_once(inputs: Path, tmp_path: Path) -> None:
    full = tmp_path / "full.jsonl"
    run([inputs], full, workers=0)
    lines = full.read_bytes().splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])
    summary = run([inputs], partial, workers=0, resume=True)
    assert summary.already_done == 3
    assert partial.read_bytes() == full.read_bytes()


def test_cli_exit_codes_and_summary(inputs: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    clean = runner.invoke(
        batch_command, [str(inputs / "page1.html"), "-o", str(tmp_path / "a.jsonl"), "-j", "0"]
    )
    assert clean.exit_code == 0, clean.output
    assert "1 records read; 1 articles written" in clean.output
    failing = runner.invoke(
        batch_command,
        [
            str(inputs),
            "-o",
            str(tmp_path / "b.jsonl"),
            "--errors",
            str(tmp_path / "e.jsonl"),
            "-j",
            "0",
            "--max-bytes",
            "100000",
        ],
    )
    assert failing.exit_code == 1
    assert "1 too_large" in failing.output
    exists = runner.invoke(batch_command, [str(inputs), "-o", str(tmp_path / "a.jsonl")])
    assert exists.exit_code == 3
    assert "--resume" in exists.output
    usage = runner.invoke(
        batch_command, [str(inputs), "-o", str(tmp_path / "c.jsonl"), "--fields", "bogus"]
    )
    assert usage.exit_code == 2


def test_summary_json(inputs: Path, tmp_path: Path) -> None:
    summary_path = tmp_path / "summary.json"
    result = CliRunner().invoke(
        batch_command,
        [
            str(inputs),
            "-o",
            str(tmp_path / "o.jsonl"),
            "-j",
            "0",
            "--summary-json",
            str(summary_path),
        ],
    )
    assert result.exit_code == 0
    data = json.loads(summary_path.read_text())
    assert data["records_read"] == 8 and data["articles_written"] == 8
    assert data["errors"] == {} and data["pages_per_s"] > 0


# Engines for the pool tests: imported by the worker processes by name.


def sleepy_engine(record: Record) -> Article:
    """Sleeps on pages named slow*; the worker's timer interrupts the sleep."""
    if Path(record.source.path).name.startswith("slow"):
        time.sleep(30)
    return Article(title=record.source.path)


def stuck_engine(record: Record) -> Article:
    """Blocks SIGALRM and sleeps on stuck*: only the pool's hard deadline can stop it."""
    if Path(record.source.path).name.startswith("stuck"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(30)
    return Article(title=record.source.path)


def crashing_engine(record: Record) -> Article:
    """Kills its own worker on crash* pages, like a segfault would."""
    if Path(record.source.path).name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    return Article(title=record.source.path)


def _named_pages(folder: Path, names: list[str]) -> None:
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(story(len(name)))


@pytest.mark.parametrize(
    "engine,bad,reason",
    [
        ("sleepy_engine", "slow.html", ErrorReason.TIMEOUT),
        ("stuck_engine", "stuck.html", ErrorReason.TIMEOUT),
        ("crashing_engine", "crash.html", ErrorReason.WORKER_CRASHED),
    ],
)
def test_a_stuck_or_dying_page_costs_one_error_record(
    tmp_path: Path, engine: str, bad: str, reason: ErrorReason
) -> None:
    folder = tmp_path / "in"
    names = ["a.html", "b.html", bad, "c.html", "d.html", "e.html"]
    _named_pages(folder, names)
    output = tmp_path / "out.jsonl"
    started = time.monotonic()
    summary = run([folder], output, workers=2, timeout=0.5, engine=f"test_batch_run:{engine}")
    assert time.monotonic() - started < 20
    rows = _lines(output)
    assert [Path(str(r["source"]["path"])).name for r in rows] == sorted(names)  # type: ignore[index]
    failed = [r for r in rows if r["error"]]
    assert len(failed) == 1
    assert failed[0]["error"]["reason"] == reason.value  # type: ignore[index]
    assert bad in str(failed[0]["source"]["path"])  # type: ignore[index]
    assert summary.articles_written == 5


def test_wet_records_are_parsed_as_text(tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="the test writes its WET file with warcio (extra: warc)")
    from test_batch_pages import write_warc

    wet = tmp_path / "crawl.warc.wet.gz"
    text = (
        "Harbour council approves budget\n\n"
        "The harbour council approved the winter budget on Tuesday after a long debate "
        "about the railway bridge and the library.\n\n"
        "Residents may comment on the plan until the end of the month at the town hall.\n"
    )
    write_warc(wet, [("conversion", "https://news.example/wet", text.encode(), "text/plain")])
    output = tmp_path / "out.jsonl"
    summary = run([wet], output, workers=0)
    (row,) = _lines(output)
    assert summary.articles_written == 1
    assert row["source"]["mode"] == "text"  # type: ignore[index]
    assert row["source"]["target_uri"] == "https://news.example/wet"  # type: ignore[index]
    assert "<" not in str(row["text"])
    assert "approved the winter budget" in str(row["text"])


def test_batch_is_a_subcommand_of_articlekit(inputs: Path, tmp_path: Path) -> None:
    from articlekit.cli import main

    result = CliRunner().invoke(
        main, ["batch", str(inputs / "page2.html"), "-o", str(tmp_path / "o.jsonl"), "-j", "0"]
    )
    assert result.exit_code == 0, result.output
    (row,) = _lines(tmp_path / "o.jsonl")
    assert "Headline number 2" in str(row["title"])


def test_a_second_run_on_the_same_output_is_refused_while_the_first_runs(
    inputs: Path, tmp_path: Path
) -> None:
    from articlekit.batch.sinks import JsonlSink

    output = tmp_path / "out.jsonl"
    holder = JsonlSink(output, resume=False)  # stands for a run in progress
    try:
        with pytest.raises(OutputExists, match="another run"):
            run([inputs], output, workers=0, resume=True)
    finally:
        holder.close()
    summary = run([inputs], output, workers=0, resume=True)
    assert summary.articles_written == 8


def test_mode_text_forces_plain_text_reading(tmp_path: Path) -> None:
    page_path = tmp_path / "p.html"
    page_path.write_bytes(story(4))
    as_html, as_text = tmp_path / "html.jsonl", tmp_path / "text.jsonl"
    run([page_path], as_html, workers=0)
    run([page_path], as_text, workers=0, mode="text")
    (html_row,), (text_row,) = _lines(as_html), _lines(as_text)
    assert "<p>" not in str(html_row["text"])
    # read as a text dump, the markup is text: the tags show up in the article
    assert "<p>" in str(text_row["text"]) or "<article>" in str(text_row["text"])


def test_glob_selects_tar_members_from_the_command_line(tmp_path: Path) -> None:
    import io
    import tarfile

    archive = tmp_path / "site.tar"
    with tarfile.open(archive, "w") as tar:
        for name in ("news/a.html", "news/b.html", "about/c.html"):
            data = story(len(name) + ord(name[0]))
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    output = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        batch_command, [str(archive), "-o", str(output), "-j", "0", "--glob", "news/*"]
    )
    assert result.exit_code == 0, result.output
    assert [r["source"]["member"] for r in _lines(output)] == ["news/a.html", "news/b.html"]  # type: ignore[index]
    assert "1 non-page files skipped" in result.output


def hungry_engine(record: Record) -> Article:
    """Asks for 2 GiB on hungry* pages, as a page that explodes in memory would."""
    if Path(record.source.path).name.startswith("hungry"):
        blob = bytearray(2 * 1024 * 1024 * 1024)
        return Article(title=str(len(blob)))
    return Article(title=record.source.path)


def test_memory_cap_turns_a_hungry_page_into_an_error_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _named_pages(folder, ["a.html", "hungry.html", "b.html"])
    output = tmp_path / "out.jsonl"
    summary = run(
        [folder],
        output,
        workers=1,
        max_memory=256 * 1024 * 1024,
        engine="test_batch_run:hungry_engine",
    )
    rows = _lines(output)
    assert [r["error"]["reason"] if r["error"] else None for r in rows] == [  # type: ignore[index]
        None,
        None,
        "limit_exceeded",
    ]
    assert summary.articles_written == 2


def test_trafilatura_engine_without_trafilatura_says_which_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trafilatura is a benchmark extra, not a dependency: asking for its engine
    without it installed names the extra instead of failing in every worker."""
    import importlib.util

    from articlekit.batch import extract

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "trafilatura" else real(name)
    )
    with pytest.raises(ValueError, match=r"pip install 'articlekit\[bench\]'"):
        extract._load_engine("trafilatura")


UNGUARDED_SCRIPT = """
from articlekit.batch import run

summary = run(["in"], "out.jsonl", workers=2)
print(summary.articles_written)
"""


def test_a_script_without_a_main_guard_runs_the_pool(tmp_path: Path) -> None:
    """docs/batch.md's run() saved as a script, with no `if __name__ == "__main__":`:
    the workers (forkserver or spawn children) must not run the script again."""
    _named_pages(tmp_path / "in", ["a.html", "b.html", "c.html"])
    (tmp_path / "script.py").write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "script.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == "3\n"
    assert len(_lines(tmp_path / "out.jsonl")) == 3


KILLED_SCRIPT = """
import sys
from articlekit.batch import run

run(["in"], "out.jsonl", workers=2, engine="test_batch_run:sleepy_engine")
"""


def test_kill_9_of_the_parent_leaves_no_traceback_from_the_workers(tmp_path: Path) -> None:
    names = ["a.html", *(f"slow{i}.html" for i in range(6))]
    _named_pages(tmp_path / "in", names)
    (tmp_path / "script.py").write_text(KILLED_SCRIPT, encoding="utf-8")
    stderr = tmp_path / "stderr.txt"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent)}
    with stderr.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "script.py"], cwd=tmp_path, stderr=errors, env=env
        )
        deadline = time.monotonic() + 60
        while not (tmp_path / "out.jsonl").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # the workers are busy with the slow pages now
        process.kill()
        process.wait()
        # the orphaned workers notice within their parent check and exit
        time.sleep(4.0)
    assert "Traceback" not in stderr.read_text(encoding="utf-8", errors="replace")
