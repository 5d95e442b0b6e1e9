"""Every code sample in README.md and docs/ runs as written.

Each document's Python samples run in order, as one script, in a fresh folder
holding the files the samples name (:func:`_lay_out_sample_files`): a saved
page as ``page.html`` and ``page.html.gz``, ``saved/``, ``archive/``, a text
dump, a tarball, a WARC file and a Parquet table of pages.  The ``articlekit``
command lines of the shell samples run there too; the other shell lines
(development commands) must name files that exist in the repository.
The README's quickstart commands build a virtual environment: they are checked
on a fresh clone, not here.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "riverside-bike-lanes.html"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SPARK_DOC = ROOT / "docs" / "spark.md"

_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SHELL = frozenset({"sh", "bash", "shell", "console"})


def samples(doc: Path, languages: frozenset[str]) -> list[str]:
    """The fenced code blocks of ``doc`` in one of ``languages``, in order."""
    text = doc.read_text(encoding="utf-8")
    return [body for lang, body in _FENCE.findall(text) if lang in languages]


def _needs(*modules: str) -> None:
    for module in modules:
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"the samples need {module} (an optional extra)")


def _warc_record(html: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example/riverside/bike-lanes",
        "response",
        payload=io.BytesIO(html),
        http_headers=headers,
    )
    writer.write_record(record)
    return buffer.getvalue()


def _lay_out_sample_files(folder: Path) -> None:
    """The files that the samples name, made from the bundled example page."""
    html = EXAMPLE.read_bytes()
    (folder / "examples").mkdir()
    shutil.copy(EXAMPLE, folder / "examples" / EXAMPLE.name)
    for name in ("page.html", "saved/page.html", "thread.html"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(html)
    for name in ("page.html.gz", "saved/page.html.gz", "archive/2024/story.html.gz"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(gzip.compress(html))
    import articlekit

    article = articlekit.parse(html)
    dump = f"Riverside Daily\nNews | Sports | Opinion\n\n{article.to_text()}\n\nShare\nPrint\n"
    (folder / "dump.txt").write_text(dump, encoding="utf-8")
    with tarfile.open(folder / "pages.tar.gz", "w:gz") as tar:
        tar.add(folder / "page.html", arcname="pages/story.html")
    if importlib.util.find_spec("warcio") is not None:
        (folder / "crawl.warc.gz").write_bytes(_warc_record(html))
        (folder / "warc_paths.txt").write_text(f"{folder / 'crawl.warc.gz'}\n", encoding="utf-8")
    if importlib.util.find_spec("pyarrow") is not None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        (folder / "crawl_html").mkdir()
        table = pa.table({"url": ["https://news.example/a"], "html": [html]})
        pq.write_table(table, folder / "crawl_html" / "part-0.parquet")


@pytest.fixture
def sample_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "samples"
    folder.mkdir()
    _lay_out_sample_files(folder)
    return folder


def _run(args: list[str], folder: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run(
        args, cwd=folder, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


PYTHON_DOCS = [doc for doc in DOCS if doc != SPARK_DOC and samples(doc, frozenset({"python"}))]


@pytest.mark.parametrize("doc", PYTHON_DOCS, ids=lambda doc: doc.name)
def test_python_samples_run_as_written(doc: Path, sample_folder: Path) -> None:
    script = "\n\n".join(samples(doc, frozenset({"python"})))
    if "articlekit.batch" in script:
        _needs("warcio")
    (sample_folder / "samples.py").write_text(script, encoding="utf-8")
    done = _run([sys.executable, "samples.py"], sample_folder)
    assert done.returncode == 0, f"{doc.name} samples failed:\n{done.stderr}"
    assert "Traceback" not in done.stderr


def test_the_documents_have_python_samples() -> None:
    """The test above must not pass by finding nothing."""
    names = {doc.name for doc in PYTHON_DOCS}
    assert {"README.md", "api.md", "batch.md", "limits.md", "index.md"} <= names


def _command_lines(doc: Path) -> list[str]:
    lines = []
    for block in samples(doc, _SHELL):
        lines.extend(line.strip() for line in block.replace("\\\n", " ").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


SHELL_DOCS = [doc for doc in DOCS if doc.name != "README.md" and _command_lines(doc)]


@pytest.mark.parametrize("doc", SHELL_DOCS, ids=lambda doc: doc.name)
def test_shell_samples_run_or_name_real_files(doc: Path, sample_folder: Path) -> None:
    for line in _command_lines(doc):
        if re.match(r"^(?:\S+ .*\| )?articlekit ", line):
            done = _run(["bash", "-c", line], sample_folder)
            assert done.returncode == 0, f"{doc.name}: `{line}` failed:\n{done.stderr}"
        else:
            for word in re.findall(r"(?:tests|benchmarks|fuzz)/[\w./]+\.py", line):
                assert (ROOT / word).exists(), f"{doc.name}: `{line}` names a missing {word}"


def test_spark_samples_run_as_written(sample_folder: Path) -> None:
    _needs("pyspark", "pyarrow", "warcio")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark samples need a Java runtime")
    script, *snippets = samples(SPARK_DOC, frozenset({"python"}))
    (sample_folder / "extract_articles.py").write_text(script, encoding="utf-8")
    done = _run(
        [sys.executable, "extract_articles.py", "warc_paths.txt", "articles"], sample_folder
    )
    assert done.returncode == 0, f"spark.md script failed:\n{done.stderr[-3000:]}"
    (sample_folder / "snippets.py").write_text("\n\n".join(snippets), encoding="utf-8")
    done = _run([sys.executable, "snippets.py"], sample_folder)
    assert done.returncode == 0, f"spark.md samples failed:\n{done.stderr[-3000:]}"
    assert list((sample_folder / "articles").glob("*.parquet"))
