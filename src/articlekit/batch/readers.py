"""Readers: small iterables that turn input paths into :class:`Record` values.

Nothing is extracted to disk and no archive is loaded whole: tar files are
streamed member by member, zip members are read one at a time, WARC files
record by record.  A record that cannot be read is still yielded, with
``problem`` set, so it becomes an error record downstream.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO

from articlekit.batch.records import ErrorReason, Provenance, Record, record_id, safe_member_name

__all__ = [
    "DEFAULT_MAX_BYTES",
    "InputKind",
    "RecordReader",
    "input_kind",
    "iter_records",
]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Records larger than this (after gzip inflation) become ``too_large`` errors."""

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt")
"""Names that are pages; a name without any suffix is taken as a page too
(wget mirrors and tarballs of saved pages often have such names)."""


class InputKind(StrEnum):
    """How an input file is read."""

    PAGE = "page"
    GZIP_PAGE = "gzip_page"
    TAR = "tar"
    ZIP = "zip"
    WARC = "warc"
    OTHER = "other"


def input_kind(name: str) -> InputKind:
    """The kind of an input file, from its name."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz", ".wet", ".wet.gz")):
        return InputKind.WARC
    if lower.endswith((".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")):
        return InputKind.TAR
    if lower.endswith(".zip"):
        return InputKind.ZIP
    if lower.endswith(".gz"):
        return InputKind.GZIP_PAGE if _is_page_name(lower[:-3]) else InputKind.OTHER
    return InputKind.PAGE if _is_page_name(lower) else InputKind.OTHER


def _is_page_name(lower: str) -> bool:
    base = lower.rsplit("/", 1)[-1]
    return base.endswith(PAGE_SUFFIXES) or "." not in base


@dataclass
class RecordReader:
    """An iterable of :class:`Record` over ``inputs`` (files and folders).

    ``glob`` (a shell pattern such as ``"*.html"`` or ``"2024/**/*.htm*"``) selects
    files in folders and members in tar/zip archives by their relative name; without
    it, pages and archives are recognized by their names.  ``skipped`` counts the
    files and members that were not pages (images, scripts) once iteration ends.
    """

    inputs: Iterable[str | os.PathLike[str]]
    glob: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    warc_backend: str | None = None
    skipped: int = field(default=0, init=False)

    def __iter__(self) -> Iterator[Record]:
        self.skipped = 0
        for item in self.inputs:
            name = os.fspath(item)
            if os.path.isdir(name):
                yield from self._folder(name)
            else:
                yield from self._file(name, explicit=True)

    def _folder(self, root: str) -> Iterator[Record]:
        for directory, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(directory, filename)
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                if not self.file_wanted(relative, input_kind(path)):
                    self.skipped += 1
                    continue
                yield from self._file(path, explicit=True)

    def file_wanted(self, relative: str, kind: InputKind) -> bool:
        """Whether a file found in a folder, by its name relative to the folder, is read:
        one that ``glob`` matches, or without ``glob`` a page or an archive."""
        if self.glob is not None:
            return _glob_match(relative, self.glob)
        return kind is not InputKind.OTHER

    def _file(self, path: str, *, explicit: bool) -> Iterator[Record]:
        kind = input_kind(path)
        if kind is InputKind.WARC:
            from articlekit.batch.warc import iter_warc

            yield from iter_warc(path, max_bytes=self.max_bytes, backend=self.warc_backend)
        elif kind is InputKind.TAR:
            yield from self._tar(path)
        elif kind is InputKind.ZIP:
            yield from self._zip(path)
        elif kind is InputKind.OTHER and not explicit:
            self.skipped += 1
        else:
            yield _page_file(path, self.max_bytes)

    def member_wanted(self, name: str) -> bool:
        """Whether an archive member is read: one that ``glob`` matches, or without
        ``glob`` a page."""
        if self.glob is not None:
            return _glob_match(name, self.glob)
        lower = name.lower()
        return input_kind(lower) in (InputKind.PAGE, InputKind.GZIP_PAGE)

    def _tar(self, path: str) -> Iterator[Record]:
        index = -1
        try:
            # "r|*" streams: members are read in order and never seeked back to
            with tarfile.open(path, mode="r|*") as archive:
                for index, member in enumerate(archive):
                    if not member.isfile():
                        continue
                    name = safe_member_name(member.name)
                    if not self.member_wanted(name):
                        self.skipped += 1
                        continue
                    source = Provenance(path=path, member=name, offset=member.offset)
                    rid = record_id(path, name, index)
                    if member.size > self.max_bytes:
                        yield _too_large(rid, source, member.size, self.max_bytes)
                        continue
                    stream = archive.extractfile(member)
                    data = stream.read() if stream is not None else b""
                    yield _member_record(rid, source, name, data, self.max_bytes)
        except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
            yield _bad_archive(path, index, error)

    def _zip(self, path: str) -> Iterator[Record]:
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            yield _bad_archive(path, -1, error)
            return
        with archive:
            for index, info in enumerate(archive.infolist()):
                if info.is_dir():
                    continue
                name = safe_member_name(info.filename)
                if not self.member_wanted(name):
                    self.skipped += 1
                    continue
                source = Provenance(path=path, member=name, offset=info.header_offset)
                rid = record_id(path, name, index)
                if info.file_size > self.max_bytes:
                    yield _too_large(rid, source, info.file_size, self.max_bytes)
                    continue
                try:
                    with archive.open(info) as stream:
                        # a lying size header cannot make us inflate more than the limit
                        data = stream.read(self.max_bytes + 1)
                except (
                    zipfile.BadZipFile,
                    OSError,
                    RuntimeError,
                    NotImplementedError,
                    ValueError,
                    EOFError,
                    zlib.error,
                ) as error:
                    yield Record(rid, source, problem=ErrorReason.BAD_MEMBER, detail=_say(error))
                    continue
                yield _member_record(rid, source, name, data, self.max_bytes)


def iter_records(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    glob: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warc_backend: str | None = None,
) -> RecordReader:
    """Iterate over the raw records of ``inputs``: files, folders, tar, zip, WARC, ARC, WET.

    >>> for record in iter_records(["crawl.warc.gz"]):  # doctest: +SKIP
    ...     print(record.id, record.source.target_uri, len(record.data))

    Records come in a stable order: inputs as given, folders walked in sorted
    order, archives in their stored order.  See :class:`RecordReader`.
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    return RecordReader(list(inputs), glob=glob, max_bytes=max_bytes, warc_backend=warc_backend)


def _glob_match(name: str, pattern: str) -> bool:
    # match the whole relative name or, for a pattern without "/", the base name
    if "/" not in pattern:
        return fnmatch.fnmatchcase(name.rsplit("/", 1)[-1], pattern)
    return fnmatch.fnmatchcase(name, pattern)


def _page_file(path: str, max_bytes: int) -> Record:
    source = Provenance(path=path)
    rid = record_id(path)
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            if path.lower().endswith(".gz"):
                return _inflated_record(rid, source, handle, max_bytes)
            if size > max_bytes:
                return _too_large(rid, source, size, max_bytes)
            return Record(rid, source, handle.read(max_bytes + 1))
    except OSError as error:
        return Record(rid, source, problem=ErrorReason.INPUT_ERROR, detail=_say(error))


def _member_record(rid: str, source: Provenance, name: str, data: bytes, limit: int) -> Record:
    if name.lower().endswith(".gz"):
        return _inflated_record(rid, source, io.BytesIO(data), limit)
    return Record(rid, source, data)


def _inflated_record(rid: str, source: Provenance, stream: IO[bytes], limit: int) -> Record:
    try:
        with gzip.GzipFile(fileobj=stream) as inflated:
            data = inflated.read(limit + 1)
    except (OSError, EOFError, zlib.error) as error:
        return Record(rid, source, problem=ErrorReason.INPUT_ERROR, detail=_say(error))
    if len(data) > limit:
        return _too_large(rid, source, None, limit)
    return Record(rid, source, data)


def _too_large(rid: str, source: Provenance, size: int | None, limit: int) -> Record:
    what = f"{size} bytes" if size is not None else "more bytes than that when inflated"
    return Record(
        rid, source, problem=ErrorReason.TOO_LARGE, detail=f"limit is {limit} bytes; got {what}"
    )


def _bad_archive(path: str, index: int, error: BaseException) -> Record:
    where = "at the start" if index < 0 else f"after member {index}"
    return Record(
        record_id(path, "#archive-error", index),
        Provenance(path=path),
        problem=ErrorReason.BAD_ARCHIVE,
        detail=f"{where}: {_say(error)}",
    )


def _say(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return f"{type(error).__name__}: {text}" if type(error).__name__ not in text else text
