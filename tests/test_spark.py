"""articlekit.spark on a local Spark session (local[2]); one session for the module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_batch_pages import story, write_warc

from articlekit.batch.schema import ROW_FIELDS

pytest.importorskip("pyspark", reason="pyspark is not installed (extra: spark)")


def _java_works() -> bool:
    java = shutil.which("java") or (
        os.path.join(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else None
    )
    if not java:
        return False
    try:
        return subprocess.run([java, "-version"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


if not _java_works():
    pytest.skip(
        "no Java runtime: Spark needs one (apt-get install openjdk-17-jre-headless)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # the executors' Python must be this one, with articlekit installed
    previous = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("articlekit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if previous is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = previous


def test_parse_pages_from_a_dataframe(spark: Any) -> None:
    from articlekit.spark import article_schema, parse_pages

    frame = spark.createDataFrame(
        [
            ("https://news.example/1", story(1)),
            ("https://news.example/2", story(2)),
            ("https://news.example/logo", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ],
        ["url", "html"],
    )
    result = parse_pages(frame)
    assert result.schema == article_schema()
    assert result.columns == [name for name, _ in ROW_FIELDS]
    rows = sorted(result.collect(), key=lambda r: r.source.target_uri)
    assert [r.source.target_uri for r in rows] == [
        "https://news.example/1",
        "https://news.example/2",
        "https://news.example/logo",
    ]
    first = rows[0]
    assert first.error is None
    assert "Headline number 1" in first.title
    assert "Story 3 says" in first.text
    assert rows[2].error.reason == "not_a_page" and rows[2].title is None
    assert len({r.id for r in rows}) == 3


def test_parse_pages_from_an_rdd_with_selected_fields(spark: Any) -> None:
    from articlekit.spark import parse_pages

    rdd = spark.sparkContext.parallelize([("https://a.example/x", story(5))], 1)
    result = parse_pages(rdd, fields=["title", "status"])
    assert result.columns == ["id", "source", "error", "title", "status"]
    (row,) = result.collect()
    assert row.status == "ok" and "Headline number 5" in row.title


def test_parse_warc_files(spark: Any, tmp_path: Path) -> None:
    from articlekit.spark import parse_warc_files

    paths = []
    for part in range(2):
        path = tmp_path / f"crawl-{part}.warc.gz"
        write_warc(
            path,
            [
                (
                    "response",
                    f"https://news.example/{part}/{n}",
                    story(n),
                    "text/html; charset=utf-8",
                )
                for n in range(3)
            ],
        )
        paths.append(str(path))
    result = parse_warc_files(spark, paths, fields=["title", "text"])
    rows = result.orderBy("source.target_uri").collect()
    assert len(rows) == 6
    assert rows[0].source.path == paths[0]
    assert rows[0].source.charset == "utf-8"
    assert rows[0].source.record_id.startswith("<urn:uuid:")
    assert all(r.error is None and "Story" in r.text for r in rows)


def test_extract_partition_builds_rows_without_spark() -> None:
    from articlekit.spark import extract_partition

    rows = list(
        extract_partition(
            [{"url": "https://a.example/", "html": story(3)}],
            url_col="url",
            html_col="html",
            fields=["title"],
        )
    )
    assert len(rows) == 1
    record_id, source, error, title = rows[0]
    assert error is None and "Headline number 3" in title
    assert source["target_uri"] == "https://a.example/" and len(record_id) == 16
