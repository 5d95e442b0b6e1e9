"""What a worker does with one record: parse it and build its output row.

An :class:`Extractor` is built once per worker process (or Spark partition)
from a frozen :class:`ExtractConfig`, then called once per record.  It never
raises: every failure becomes an :class:`Outcome` with an error reason.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import signal
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from articlekit.batch.records import ErrorReason, Record
from articlekit.batch.schema import select_fields
from articlekit.batch.site import host_of, page_keys, strip_site_boilerplate
from articlekit.errors import ArticlekitError, InputError, LimitExceeded, NotAPageError
from articlekit.model import Article, Status
from articlekit.options import Options
from articlekit.pipeline import parse

__all__ = [
    "Engine",
    "ExtractConfig",
    "Extractor",
    "Outcome",
    "PageTimeout",
    "error_row",
    "finish",
]

Engine = str
"""``"articlekit"``, ``"trafilatura"``, or ``"package.module:function"``: a function
taking a :class:`Record` and returning an :class:`Article` (a custom extractor run
through the same readers, pool and writers)."""
OutputKind = Literal["jsonl", "rows", "learn"]


class PageTimeout(BaseException):
    """Raised inside a worker when a page exceeds its time budget.

    A BaseException so that no ``except Exception`` in a pipeline stage can swallow it.
    """


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Everything a worker needs; picklable, so it can be sent to worker processes."""

    options: Options = field(default_factory=Options)
    fields: tuple[str, ...] = field(default_factory=lambda: select_fields(None))
    output: OutputKind = "jsonl"
    """``jsonl``: a UTF-8 JSON line; ``rows``: a dict; ``learn``: site-boilerplate evidence
    (host, page URL, block keys) and the Article itself, for the second pass."""
    engine: Engine = "articlekit"
    """Which extractor; see :data:`Engine` (``trafilatura`` is there for benchmarks)."""
    timeout: float | None = 30.0
    """Seconds one page may take; None for no budget."""
    max_memory: int | None = None
    """Bytes of memory a worker process may add to what it holds at start (Linux:
    ``RLIMIT_AS``); a page that needs more becomes a ``limit_exceeded`` error."""
    site_template: Mapping[str, frozenset[int]] | None = None
    """Per-host template block keys to strip (``--site-boilerplate`` second pass)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one record: a payload, or an error reason and message."""

    payload: Any = None
    reason: ErrorReason | None = None
    message: str | None = None


class Extractor:
    """Parses records with one configuration; build once per process or partition."""

    def __init__(self, config: ExtractConfig) -> None:
        self.config = config
        self._custom = _load_engine(config.engine)

    def __call__(self, record: Record) -> Outcome:
        """The outcome for ``record``; never raises (except KeyboardInterrupt)."""
        if record.problem is not None:
            return Outcome(reason=record.problem, message=record.detail)
        try:
            with _time_budget(self.config.timeout):
                return self._extract(record)
        except PageTimeout:
            return Outcome(
                reason=ErrorReason.TIMEOUT,
                message=f"parsing took longer than {self.config.timeout:g} s",
            )
        except NotAPageError as error:
            return Outcome(reason=ErrorReason.NOT_A_PAGE, message=str(error))
        except LimitExceeded as error:
            return Outcome(reason=ErrorReason.LIMIT_EXCEEDED, message=str(error))
        except MemoryError:
            return Outcome(
                reason=ErrorReason.LIMIT_EXCEEDED, message="the page needs more memory than allowed"
            )
        except (InputError, ArticlekitError) as error:
            return Outcome(reason=ErrorReason.INPUT_ERROR, message=str(error))
        except Exception as error:
            return Outcome(
                reason=ErrorReason.INTERNAL_ERROR, message=f"{type(error).__name__}: {error}"
            )

    def _extract(self, record: Record) -> Outcome:
        article = self._article(record)
        if self.config.output == "learn":
            host = host_of(record.source.target_uri or article.url)
            page = record.source.target_uri or article.url or record.id
            return Outcome(payload=(host, page, page_keys(article), article))
        return finish(record, article, self.config)

    def _article(self, record: Record) -> Article:
        source = record.source
        options = self.config.options
        if options.mode == "auto" and source.mode is not None:
            options = replace(options, mode=source.mode)
        if self._custom is not None:
            return self._custom(record)
        return parse(record.data, url=source.target_uri, options=options, charset=source.charset)


def finish(record: Record, article: Article, config: ExtractConfig) -> Outcome:
    """The output of a parsed record: site template stripped, fields chosen, serialized."""
    if config.site_template is not None:
        host = host_of(record.source.target_uri or article.url)
        template = config.site_template.get(host) if host is not None else None
        if template:
            article = strip_site_boilerplate(article, template)
    data = article.to_dict()
    row: dict[str, Any] = {"id": record.id, "source": record.source.to_dict(), "error": None}
    for name in config.fields:
        row[name] = data[name]
    if config.output == "rows":
        return Outcome(payload=row)
    return Outcome(payload=(json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))


def error_row(record: Record, reason: ErrorReason, message: str | None) -> dict[str, Any]:
    """The output row of a record that failed: id, source and the error."""
    return {
        "id": record.id,
        "source": record.source.to_dict(),
        "error": {"reason": reason.value, "message": message},
    }


@contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    """Raise PageTimeout in the main thread after ``seconds`` (POSIX interval timer)."""
    usable = seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
    if not usable:
        yield
        return
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # signals only reach the main thread; the pool's hard deadline still applies
        return

    def expire(signum: int, frame: object) -> None:
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _load_engine(engine: str) -> Callable[[Record], Article] | None:
    """The extractor function of ``engine``; None for articlekit itself."""
    if engine == "articlekit":
        return None
    if engine == "trafilatura":
        if importlib.util.find_spec("trafilatura") is None:
            raise ValueError(
                "the trafilatura engine needs trafilatura, which articlekit itself does not "
                "use: pip install 'articlekit[bench]'"
            )
        return _trafilatura_article
    module_name, _, function_name = engine.partition(":")
    if not module_name or not function_name:
        raise ValueError(f"unknown engine {engine!r}: articlekit, trafilatura or module:function")

    function = getattr(importlib.import_module(module_name), function_name)
    if not callable(function):
        raise ValueError(f"engine {engine!r} is not callable")
    return function  # type: ignore[no-any-return]


def _trafilatura_article(record: Record) -> Article:
    """trafilatura's result as an Article, so both engines share readers and writers."""
    import trafilatura

    document = trafilatura.bare_extraction(
        record.data, url=record.source.target_uri, with_metadata=True
    )
    if document is None:
        return Article(url=record.source.target_uri, status=Status.NO_ARTICLE)
    found: Any = document
    text = found.text or ""
    return Article(
        url=found.url or record.source.target_uri,
        title=found.title,
        byline=found.author,
        date=found.date,
        site_name=found.sitename,
        description=found.description,
        paragraphs=tuple(p for p in text.split("\n") if p.strip()),
        text=text,
        status=Status.OK if text else Status.NO_ARTICLE,
    )
