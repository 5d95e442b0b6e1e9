"""Exactly once after kill -9: a batch run killed mid-way, then rerun with --resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_batch_pages import story

from articlekit.batch import iter_records


def test_kill_9_then_resume_gives_every_record_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(120):
        (folder / f"p{n:03d}.html").write_bytes(story(n, f"https://news.example/{n}"))
    output, errors = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    command = [
        sys.executable,
        "-m",
        "articlekit.batch",
        str(folder),
        "-o",
        str(output),
        "--errors",
        str(errors),
        "--workers",
        "1",
    ]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and output.stat().st_size > 20_000:
            break
        time.sleep(0.01)
    killed = process.poll() is None
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert killed, "the run ended before it could be killed; make the input bigger"
    written_before = output.read_bytes().count(b"\n")
    assert 0 < written_before < 120
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({written_before} already done)" in resumed.stderr
    ids = [json.loads(line)["id"] for line in output.read_text().splitlines()]
    ids += [json.loads(line)["id"] for line in errors.read_text().splitlines()]
    expected = [r.id for r in iter_records([folder])]
    assert sorted(ids) == sorted(expected)
    assert len(set(ids)) == len(ids) == 120
