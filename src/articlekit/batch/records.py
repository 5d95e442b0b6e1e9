"""Raw input records and their provenance, as the readers yield them.

A :class:`Record` is what one page of an archive looks like before parsing:
the bytes, and where they came from.  Its :attr:`Record.id` is stable (the same
input gives the same id on every run), which is what makes ``--resume`` and
comparisons between runs work.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

__all__ = ["ErrorReason", "ModeHint", "Provenance", "Record", "record_id", "safe_member_name"]

ModeHint = Literal["html", "text"]


class ErrorReason(StrEnum):
    """Why an input record produced an error record instead of an article."""

    TOO_LARGE = "too_large"
    """The record is bigger than ``--max-bytes``; it was not read."""
    TIMEOUT = "timeout"
    """Parsing took longer than ``--timeout`` seconds."""
    NOT_A_PAGE = "not_a_page"
    """The bytes are not a page (an image, an archive, binary data)."""
    LIMIT_EXCEEDED = "limit_exceeded"
    """The page is beyond a parser limit (nesting, memory) even in part."""
    INPUT_ERROR = "input_error"
    """The record could not be read or decoded (a missing file, a bad gzip stream)."""
    BAD_MEMBER = "bad_member"
    """An archive member could not be read (checksum or compression error)."""
    BAD_ARCHIVE = "bad_archive"
    """An archive is corrupt or truncated; the records before the damage were kept."""
    WORKER_CRASHED = "worker_crashed"
    """The worker process died while parsing this record (a crash or the OOM killer)."""
    INTERNAL_ERROR = "internal_error"
    """An unexpected exception in articlekit: a bug, please report it."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from.  Every key is always present in ``to_dict()``.

    ``path`` is the input file as it was named on the command line (or found in
    a folder); ``member`` the name inside a tar or zip archive; ``record_id``,
    ``offset``, ``target_uri`` and ``date`` come from WARC/ARC/WET headers.
    """

    path: str
    member: str | None = None
    record_id: str | None = None
    offset: int | None = None
    target_uri: str | None = None
    date: str | None = None
    content_type: str | None = None
    charset: str | None = None
    mode: ModeHint | None = None
    """``"text"`` for WET conversion records and ``.txt`` files; ``"html"`` for
    WARC responses with an HTML type; ``None`` lets the parser decide."""

    def to_dict(self) -> dict[str, Any]:
        """The provenance as a dict of JSON types with stable keys."""
        return {
            "path": self.path,
            "member": self.member,
            "record_id": self.record_id,
            "offset": self.offset,
            "target_uri": self.target_uri,
            "date": self.date,
            "content_type": self.content_type,
            "charset": self.charset,
            "mode": self.mode,
        }


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: its stable ``id``, its provenance and its bytes.

    A reader that cannot read a record still yields it, with ``problem`` set
    (and ``detail`` saying what happened), so that it becomes an error record
    and is never dropped silently.
    """

    id: str
    source: Provenance
    data: bytes = b""
    problem: ErrorReason | None = None
    detail: str | None = None


def record_id(path: str, member: str | None = None, locator: str | int | None = None) -> str:
    """A stable 16-hex-digit id for the record at (``path``, ``member``, ``locator``).

    ``locator`` is a WARC record id or a byte offset.  The id depends on the
    input names as given, so a resumed run must name its inputs the same way.
    """
    key = f"{path}\0{member or ''}\0{'' if locator is None else locator}"
    return hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()


def safe_member_name(name: str) -> str:
    """An archive member name fit to print and store as provenance.

    Members are never written to disk, so ``../`` cannot escape anything; the
    name is still normalized (no leading ``/``, no ``..`` or ``.`` parts, no
    control characters) so that a log or a later extraction cannot be misled.
    """
    cleaned = "".join(ch if ch.isprintable() else "\ufffd" for ch in name.replace("\\", "/"))
    parts = [part for part in cleaned.split("/") if part not in ("", ".", "..")]
    return "/".join(parts) or "_"
