"""Batch cleanup of archives: folders, tar/zip, WARC/ARC and WET.

>>> from articlekit.batch import iter_records, run
>>> summary = run(["crawl.warc.gz"], "articles.jsonl", workers=2)  # doctest: +SKIP
>>> for record in iter_records(["pages.tar.gz"]):  # doctest: +SKIP
...     print(record.id, record.source.member)

See ``docs/batch.md`` for the command, the record format and resume semantics.
"""

from __future__ import annotations

from articlekit.batch.extract import ExtractConfig, Extractor, Outcome
from articlekit.batch.readers import DEFAULT_MAX_BYTES, RecordReader, iter_records
from articlekit.batch.records import ErrorReason, Provenance, Record, record_id
from articlekit.batch.runner import DEFAULT_TIMEOUT, Summary, run
from articlekit.batch.sinks import OutputExists
from articlekit.batch.site import SiteProfile, SiteThreshold

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "ErrorReason",
    "ExtractConfig",
    "Extractor",
    "Outcome",
    "OutputExists",
    "Provenance",
    "Record",
    "RecordReader",
    "SiteProfile",
    "SiteThreshold",
    "Summary",
    "iter_records",
    "record_id",
    "run",
]
