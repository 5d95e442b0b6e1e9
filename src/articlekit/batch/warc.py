"""WARC, ARC and WET readers (optional extra ``warc``).

Kept records: ``response`` (and ``resource``) records whose HTTP or block
content type is HTML (or that have no content type and start with markup),
parsed as HTML with the HTTP header's charset; and WET
``conversion`` records, parsed in text mode.  Requests, metadata, revisits and
non-HTML responses (images, scripts) are skipped and counted nowhere: they are
not pages.

Two backends read WARC files: FastWARC (the default: see ``docs/batch.md`` for
the measurement) and warcio.  ARC files are always read with warcio, which
converts them to WARC records; FastWARC does not read ARC.
"""

from __future__ import annotations

import email.message
from collections.abc import Iterator
from typing import Literal

from articlekit.batch.records import ErrorReason, ModeHint, Provenance, Record, record_id

__all__ = ["DEFAULT_BACKEND", "iter_warc"]

DEFAULT_BACKEND = "fastwarc"
"""The WARC library used unless ``backend="warcio"`` is asked for (or FastWARC is
not installed)."""

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: str, *, max_bytes: int, backend: str | None = None) -> Iterator[Record]:
    """The page records of the WARC, ARC or WET file at ``path``, in file order."""
    is_arc = path.lower().endswith((".arc", ".arc.gz"))
    chosen = "warcio" if is_arc else (backend or _default_backend())
    if chosen not in ("fastwarc", "warcio"):
        raise ValueError(f"unknown WARC backend {chosen!r}: use fastwarc or warcio")
    count = -1
    try:
        records = (
            _fastwarc_records(path, max_bytes)
            if chosen == "fastwarc"
            else _warcio_records(path, max_bytes, is_arc)
        )
        for number, record in enumerate(records):
            count = number
            yield record
    except ImportError as error:
        yield Record(
            record_id(path, "#archive-error", -1),
            Provenance(path=path),
            problem=ErrorReason.BAD_ARCHIVE,
            detail=f"{error}; install the extra: pip install 'articlekit[warc]'",
        )
    except Exception as error:
        yield Record(
            record_id(path, "#archive-error", count),
            Provenance(path=path),
            problem=ErrorReason.BAD_ARCHIVE,
            detail=f"after {count + 1} records: {type(error).__name__}: {error}",
        )


def _default_backend() -> str:
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        return "warcio"
    return DEFAULT_BACKEND


def _split_content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    message = email.message.Message()
    message["content-type"] = value
    media = message.get_content_type().lower()
    charset = message.get_param("charset")
    return media, charset.strip() if isinstance(charset, str) and charset.strip() else None


def _kind(warc_type: str, media: str | None) -> ModeHint | Literal["sniff"] | None:
    if warc_type == "conversion":
        return "text"
    if warc_type in ("response", "resource"):
        if media in _HTML_TYPES:
            return "html"
        if media is None:
            return "sniff"  # no Content-Type at all: look at the bytes
    return None


def _looks_like_html(data: bytes | None) -> bool:
    """Markup at the start of a payload that came without a content type."""
    if not data:
        return False
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<meta"))


def _make(
    path: str,
    warc_id: str | None,
    offset: int | None,
    fields: dict[str, str | None],
    media: str | None,
    charset: str | None,
    mode: ModeHint,
    data: bytes | None,
    max_bytes: int,
    missing: int = 0,
) -> Record:
    """A record; ``data`` is None when the record's length is already known to be too big;
    ``missing`` counts the bytes of a record cut short (a truncated file)."""
    source = Provenance(
        path=path,
        record_id=warc_id,
        offset=offset,
        target_uri=fields.get("target_uri"),
        date=fields.get("date"),
        content_type=media,
        charset=charset,
        mode=mode,
    )
    # the WARC-Record-ID is unique by the standard; the offset stands in where it is missing
    rid = record_id(path, None, warc_id if warc_id else offset)
    if data is None or len(data) > max_bytes:
        return Record(
            rid, source, problem=ErrorReason.TOO_LARGE, detail=f"limit is {max_bytes} bytes"
        )
    if missing > 0:
        # a partial page parsed as if whole would be a silent loss: report it instead
        return Record(
            rid,
            source,
            problem=ErrorReason.BAD_ARCHIVE,
            detail=f"record cut short: {len(data)} bytes read, {missing} missing",
        )
    return Record(rid, source, data)


def _fastwarc_records(path: str, max_bytes: int) -> Iterator[Record]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
    with open(path, "rb") as stream:
        # "all" undoes chunked transfer and gzip/deflate/brotli content encodings, as warcio does
        records = ArchiveIterator(stream, record_types=wanted, parse_http=True, auto_decode="all")
        for record in records:
            if record.is_http:
                media, charset = _split_content_type(record.http_headers.get("Content-Type"))
            else:
                media, charset = _split_content_type(record.headers.get("Content-Type"))
            mode = _kind(str(record.record_type).rsplit(".", 1)[-1], media)
            if mode is None:
                continue
            fields = {
                "target_uri": record.headers.get("WARC-Target-URI"),
                "date": record.headers.get("WARC-Date"),
            }
            too_big = record.content_length > max_bytes
            data = None if too_big else record.reader.read(max_bytes + 1)
            if mode == "sniff":
                if not _looks_like_html(data):
                    continue
                mode = "html"
            missing = 0
            encoded = record.is_http and (
                record.http_headers.get("Content-Encoding")
                or record.http_headers.get("Transfer-Encoding")
            )
            if data is not None and not encoded:
                # content_length is the payload's length here; less data means a cut file
                missing = max(0, record.content_length - len(data))
            yield _make(
                path,
                record.record_id or None,
                record.stream_pos,
                fields,
                media,
                charset,
                mode,
                data,
                max_bytes,
                missing,
            )


def _warcio_records(path: str, max_bytes: int, is_arc: bool) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream, arc2warc=True)
        for record in iterator:
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type")
            else:
                content_type = record.rec_headers.get_header("Content-Type")
            media, charset = _split_content_type(content_type)
            mode = _kind(record.rec_type, media)
            if mode is None:
                continue
            # ARC records get a random WARC-Record-ID from warcio: only the offset is stable
            warc_id = None if is_arc else record.rec_headers.get_header("WARC-Record-ID")
            fields = {
                "target_uri": record.rec_headers.get_header("WARC-Target-URI"),
                "date": record.rec_headers.get_header("WARC-Date"),
            }
            too_big = (record.length or 0) > max_bytes
            data = None if too_big else record.content_stream().read(max_bytes + 1)
            if mode == "sniff":
                if not _looks_like_html(data):
                    continue
                mode = "html"
            # bytes of the block never delivered: the file ends inside this record
            missing = getattr(record.raw_stream, "limit", 0) if data is not None else 0
            offset = iterator.get_record_offset()
            yield _make(
                path, warc_id, offset, fields, media, charset, mode, data, max_bytes, missing
            )
