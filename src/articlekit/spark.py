"""articlekit on Apache Spark (optional extra ``spark``).

Three entry points, all returning rows of the documented schema
:func:`article_schema` (the same columns as the batch Parquet output: ``id``,
``source``, ``error``, then the fields of :meth:`articlekit.Article.to_dict`):

- :func:`parse_pages` maps over a DataFrame or RDD of (url, html bytes) rows;
- :func:`parse_warc_files` maps over WARC/ARC/WET file paths (one task per file),
  reading them with the batch readers on the executors;
- :func:`extract_partition` is the ``mapPartitions`` function behind both: it
  builds the extractor once per partition, not once per row.

A page that fails becomes a row with ``error`` set (reason, message) and null
article fields; no task fails because of one page.  See ``docs/spark.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from articlekit.batch.extract import ExtractConfig, Extractor, error_row
from articlekit.batch.readers import DEFAULT_MAX_BYTES, iter_records
from articlekit.batch.records import Provenance, Record, record_id
from articlekit.batch.schema import ROW_FIELDS, select_fields, spark_schema
from articlekit.options import Options

__all__ = [
    "DATAFRAME_PATH",
    "article_schema",
    "extract_partition",
    "extract_warc_partition",
    "parse_pages",
    "parse_warc_files",
]

DATAFRAME_PATH = "<dataframe>"
"""``source.path`` of rows that came from a DataFrame rather than a file."""


def article_schema(fields: Sequence[str] | None = None) -> Any:
    """The ``StructType`` of the rows: ``id``, ``source``, ``error``, then Article fields.

    ``fields`` keeps only those Article fields (``id``, ``source``, ``error`` always stay).
    """
    return spark_schema(fields)


def _config(options: Options | None, fields: Sequence[str] | None, timeout: float | None) -> Any:
    return ExtractConfig(
        options=options or Options(), fields=select_fields(fields), output="rows", timeout=timeout
    )


def _as_tuple(row: dict[str, Any], names: Sequence[str]) -> tuple[Any, ...]:
    return tuple(row.get(name) for name in names)


def _column_names(fields: Sequence[str] | None) -> list[str]:
    chosen = set(select_fields(fields))
    return [n for n, _ in ROW_FIELDS if n in ("id", "source", "error") or n in chosen]


def _rows_of(records: Iterable[Record], config: ExtractConfig) -> Iterator[tuple[Any, ...]]:
    extractor = Extractor(config)  # once per partition: options, fields, caches
    names = _column_names(config.fields)
    for record in records:
        outcome = extractor(record)
        if outcome.reason is not None:
            yield _as_tuple(error_row(record, outcome.reason, outcome.message), names)
        else:
            yield _as_tuple(outcome.payload, names)


def _page_record(url: str | None, html: bytes | bytearray | str | None) -> Record:
    # Spark hands binary columns over as bytearray
    data = html.encode("utf-8") if isinstance(html, str) else bytes(html or b"")
    locator = url or hashlib.blake2b(data, digest_size=8).hexdigest()
    return Record(
        record_id(DATAFRAME_PATH, None, locator), Provenance(DATAFRAME_PATH, target_uri=url), data
    )


def extract_partition(
    rows: Iterable[Any],
    *,
    url_col: str | int = 0,
    html_col: str | int = 1,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
    timeout: float | None = 30.0,
) -> Iterator[tuple[Any, ...]]:
    """``mapPartitions`` function: (url, html) rows to output rows (tuples in schema order).

    ``rows`` are Spark ``Row`` objects, tuples or dicts; ``url_col``/``html_col``
    name or index the columns.  ``html`` is bytes (charset detected) or str.
    """
    config = _config(options, fields, timeout)

    def records() -> Iterator[Record]:
        for row in rows:
            url = row[url_col]
            yield _page_record(url, row[html_col])

    return _rows_of(records(), config)


def extract_warc_partition(
    paths: Iterable[str],
    *,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
    timeout: float | None = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[Any, ...]]:
    """``mapPartitions`` function: WARC/ARC/WET paths to output rows, record by record."""
    config = _config(options, fields, timeout)
    return _rows_of(iter_records(list(paths), max_bytes=max_bytes), config)


def parse_pages(
    data: Any,
    *,
    url_col: str = "url",
    html_col: str = "html",
    options: Options | None = None,
    fields: Sequence[str] | None = None,
    timeout: float | None = 30.0,
) -> Any:
    """A DataFrame of parsed articles from a DataFrame or RDD of (url, html) rows.

    For an RDD, each row is indexed: url first, html second (tuples or ``Row``).
    """
    from pyspark.sql import DataFrame, SparkSession

    if isinstance(data, DataFrame):
        rdd = data.select(url_col, html_col).rdd
        session = data.sparkSession
    else:
        rdd = data  # rows indexed: url first, html second
        session = SparkSession.builder.getOrCreate()
    mapper = partial(extract_partition, options=options, fields=fields, timeout=timeout)
    return session.createDataFrame(rdd.mapPartitions(mapper), schema=article_schema(fields))


def parse_warc_files(
    spark: Any,
    paths: Sequence[str],
    *,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
    timeout: float | None = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Any:
    """A DataFrame of parsed articles from WARC/ARC/WET files (one partition per file).

    The paths must be readable by the executors (a shared file system, or local
    paths with a local master).
    """
    rdd = spark.sparkContext.parallelize(list(paths), max(1, len(paths)))
    mapper = partial(
        extract_warc_partition,
        options=options,
        fields=fields,
        timeout=timeout,
        max_bytes=max_bytes,
    )
    return spark.createDataFrame(rdd.mapPartitions(mapper), schema=article_schema(fields))
