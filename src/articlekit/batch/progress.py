"""The progress bar of a batch run: a total and an ETA wherever the input's size is known.

Before the run, :func:`plan` measures the input without parsing anything: the
number of page records when every input is a folder, a page, a tar or a zip file
(tar members are listed by streaming the archive once, which costs a fraction of
parsing it), or the input files' bytes when any is a WARC/ARC/WET file, whose
records are only known by reading them; then each record advances the bar by
one page, or to its compressed offset in its file.
"""

from __future__ import annotations

import os
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from articlekit.batch.readers import InputKind, RecordReader, input_kind
from articlekit.batch.records import Record

__all__ = ["Plan", "Progress", "plan"]


@dataclass(frozen=True, slots=True)
class Plan:
    """What the bar counts (``page`` records or input ``byte``) and how many there are."""

    unit: Literal["page", "byte"]
    total: int | None


def _input_files(reader: RecordReader) -> Iterable[tuple[str, str | None]]:
    """(path, name relative to its folder or None for a named file) of every input file."""
    for item in reader.inputs:
        name = os.fspath(item)
        if not os.path.isdir(name):
            yield name, None
            continue
        for directory, dirnames, filenames in os.walk(name):
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(directory, filename)
                yield path, os.path.relpath(path, name).replace(os.sep, "/")


def _members(path: str, kind: InputKind) -> list[str]:
    try:
        if kind is InputKind.ZIP:
            with zipfile.ZipFile(path) as archive:
                return [i.filename for i in archive.infolist() if not i.is_dir()]
        with tarfile.open(path, mode="r|*") as stream:
            return [member.name for member in stream if member.isfile()]
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):
        return []  # the reader reports the broken archive; the bar just counts less


def plan(reader: RecordReader) -> Plan:
    """The unit and total of ``reader``'s progress (total None where unknowable)."""
    files = list(_input_files(reader))
    if any(input_kind(path) is InputKind.WARC for path, _ in files):
        try:
            return Plan("byte", sum(os.path.getsize(path) for path, _ in files))
        except OSError:
            return Plan("byte", None)
    pages = 0
    for path, relative in files:
        kind = input_kind(path)
        if relative is not None and not reader.file_wanted(relative, kind):
            continue
        if kind in (InputKind.TAR, InputKind.ZIP):
            pages += sum(map(reader.member_wanted, _members(path, kind)))
        elif kind is not InputKind.OTHER or relative is None:
            pages += 1
    return Plan("page", pages)


class Progress:
    """A tqdm bar on standard error that follows the records as they are written."""

    def __init__(self, bar: Any, plan: Plan) -> None:
        self.bar = bar
        self.plan = plan
        self.path: str | None = None
        self.base = 0  # bytes of the input files finished before ``path``
        self.errors = 0

    @classmethod
    def start(
        cls,
        show: bool | None,
        reader: RecordReader,
        description: str = "articlekit batch",
        already_done: int = 0,
    ) -> Progress | None:
        """A bar for ``reader``'s input, or None when not shown (default: on a terminal).

        ``already_done`` records of a resumed run start the bar of a page count.
        """
        if not (sys.stderr.isatty() if show is None else show):
            return None
        from tqdm import tqdm

        measured = plan(reader)
        bytes_mode = measured.unit == "byte"
        bar = tqdm(
            total=measured.total,
            unit="B" if bytes_mode else "page",
            unit_scale=bytes_mode,
            unit_divisor=1024,
            desc=description,
            dynamic_ncols=True,
            file=sys.stderr,
        )
        if not bytes_mode and already_done:
            bar.update(min(already_done, measured.total or already_done))
        bar.set_postfix(errors=0, refresh=False)
        return cls(bar, measured)

    def advance(self, record: Record, failed: bool = False) -> None:
        """Count ``record`` (already done ones too: the bar follows the input)."""
        if self.plan.unit == "page":
            self.bar.update(1)
        else:
            self.bar.update(max(0, self._position(record) - self.bar.n))
        if failed:
            self.errors += 1
            self.bar.set_postfix(errors=self.errors, refresh=False)

    def _position(self, record: Record) -> int:
        path = record.source.path
        if path != self.path:
            if self.path is not None:
                self.base += _size(self.path)
            self.path = path
        offset = record.source.offset if input_kind(path) is InputKind.WARC else None
        return self.base + (offset or 0)

    def close(self, finished: bool) -> None:
        """Close the bar; a ``finished`` run has read its last file to the end."""
        if finished and self.plan.total is not None and self.bar.n < self.plan.total:
            self.bar.update(self.plan.total - self.bar.n)
        self.bar.close()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
