"""Output writers that a kill at any moment cannot corrupt, and that resume exactly.

JSONL (:class:`JsonlSink`): one line per record, appended and flushed line by
line.  A kill can leave at most one partial last line; :meth:`JsonlSink.open`
with ``resume=True`` cuts it off and reads the ids of the complete lines, which
are the records already done.  Flushed lines live in the kernel's page cache,
so ``kill -9`` loses none; ``fsync`` runs every few seconds and at the end for
power loss.

Parquet (:class:`ParquetSink`): ``OUT`` is a folder of ``part-NNNNN.parquet``
files, each written to a temporary name, fsynced and renamed into place, so a
part is either whole or absent.  Rows of a part not yet renamed are redone on
resume.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

__all__ = ["JsonlSink", "OutputExists", "ParquetSink", "Sink"]

FSYNC_SECONDS = 5.0
"""How often appended lines are fsynced (kill -9 needs no fsync; power loss does)."""
ROWS_PER_PART = 1000
"""Rows per Parquet part file (one row group each)."""


class OutputExists(Exception):
    """The output is already there and ``resume`` was not asked for, or another run
    is writing it right now."""


def _lock(descriptor: int, path: Path) -> None:
    """Hold an exclusive lock on ``path`` for this run: two runs appending to one
    output would break exactly-once.  The kernel drops it when the process dies."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no advisory locks; one run per output is up to the user
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputExists(f"{path} is being written by another run") from None


class Sink(Protocol):
    """Where rows go.  ``done`` holds the ids already written before this run."""

    done: set[str]

    def write_line(self, record_id: str, line: bytes) -> None:
        """Append one serialized JSON line (jsonl sinks only)."""

    def write_row(self, row: dict[str, Any]) -> None:
        """Append one row as a dict."""

    def close(self) -> None:
        """Commit everything written and release the file."""


class JsonlSink:
    """An append-only JSONL file with a line-level commit protocol."""

    def __init__(self, path: str | os.PathLike[str], *, resume: bool) -> None:
        self.path = Path(path)
        self.done: set[str] = set()
        existed = self.path.exists() and self.path.stat().st_size > 0
        if existed and not resume:
            raise OutputExists(f"{self.path} exists: pass --resume to finish it, or remove it")
        if self.path.parent != Path(""):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        try:
            _lock(self._file.fileno(), self.path)
            if existed:
                self.done = _recover_jsonl(self.path)
        except BaseException:
            self._file.close()
            raise
        self._synced = time.monotonic()

    def write_line(self, record_id: str, line: bytes) -> None:
        """Append ``line`` (one JSON object and its newline) and hand it to the kernel."""
        self._file.write(line)
        self._file.flush()
        now = time.monotonic()
        if now - self._synced > FSYNC_SECONDS:
            os.fsync(self._file.fileno())
            self._synced = now

    def write_row(self, row: dict[str, Any]) -> None:
        """Append ``row`` as a JSON line."""
        line = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
        self.write_line(str(row["id"]), line)

    def close(self) -> None:
        """Flush, fsync and close."""
        if self._file.closed:
            return
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()


_ID_PREFIX = b'{"id": "'


def _recover_jsonl(path: Path) -> set[str]:
    """Cut a partial last line off ``path``; the ids of its complete lines."""
    with open(path, "r+b") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        keep = _last_newline_end(handle, size)
        if keep < size:
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
    done: set[str] = set()
    for line in _lines(path):
        # our own lines start with the id: skip a full JSON parse of big outputs
        if line.startswith(_ID_PREFIX):
            end = line.find(b'"', len(_ID_PREFIX))
            done.add(line[len(_ID_PREFIX) : end].decode("utf-8"))
            continue
        record_id = json.loads(line).get("id")
        if isinstance(record_id, str):
            done.add(record_id)
    return done


def _last_newline_end(handle: BinaryIO, size: int) -> int:
    """The offset just after the last newline of a file of ``size`` bytes (0 if none)."""
    position = size
    step = 64 * 1024
    while position > 0:
        start = max(0, position - step)
        handle.seek(start)
        chunk = handle.read(position - start)
        index = chunk.rfind(b"\n")
        if index >= 0:
            return start + index + 1
        position = start
    return 0


def _lines(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                yield line


class ParquetSink:
    """A folder of Parquet part files, each committed by an atomic rename."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        schema: Any,
        *,
        resume: bool,
        rows_per_part: int = ROWS_PER_PART,
    ) -> None:
        import pyarrow.parquet as pq

        self.path = Path(path)
        self.schema = schema
        self.rows_per_part = rows_per_part
        self.done: set[str] = set()
        self._rows: list[dict[str, Any]] = []
        if self.path.exists() and not self.path.is_dir():
            raise OutputExists(f"{self.path} is a file; Parquet output is a folder of parts")
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock_file = open(self.path / ".lock", "ab")  # noqa: SIM115 - closed in close()
        try:
            _lock(self._lock_file.fileno(), self.path)
            parts = sorted(self.path.glob("part-*.parquet"))
            if parts and not resume:
                raise OutputExists(
                    f"{self.path} holds parts: pass --resume to finish it, or remove it"
                )
            for stale in self.path.glob("*.tmp"):
                stale.unlink()  # a part that was being written when the run was killed
            for part in parts:
                ids = pq.read_table(part, columns=["id"]).column("id").to_pylist()
                self.done.update(ids)
        except BaseException:
            self._lock_file.close()
            raise
        self._next = 1 + max((int(p.stem.split("-")[1]) for p in parts), default=-1)

    def write_line(self, record_id: str, line: bytes) -> None:
        """Not used for Parquet: rows come as dicts."""
        self.write_row(json.loads(line))

    def write_row(self, row: dict[str, Any]) -> None:
        """Buffer ``row``; a full buffer becomes a committed part."""
        self._rows.append(row)
        if len(self._rows) >= self.rows_per_part:
            self._commit()

    def _commit(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=self.schema)
        final = self.path / f"part-{self._next:05d}.parquet"
        temporary = final.with_suffix(".parquet.tmp")
        with open(temporary, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)
        _fsync_dir(self.path)
        self._next += 1
        self._rows = []

    def close(self) -> None:
        """Commit the last, partial part and release the folder."""
        try:
            self._commit()
        finally:
            self._lock_file.close()


def _fsync_dir(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
