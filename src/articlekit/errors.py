"""Errors a caller can catch.  Every failure of articlekit is an ArticlekitError.

``parse`` raises nothing else, whatever the input (see ``docs/limits.md``):

- :class:`InputError` - the source could not be read (missing path, wrong type);
- :class:`NotAPageError` - the bytes are not a page (an image, an archive);
- :class:`LimitExceeded` - the page needs more than the configured limits allow;
- :class:`InternalError` - a bug in articlekit met an input it did not expect.
"""

from __future__ import annotations

__all__ = [
    "ArticlekitError",
    "InputError",
    "InternalError",
    "LimitExceeded",
    "NotAPageError",
]


class ArticlekitError(Exception):
    """Base class of every error articlekit raises on purpose."""


class InputError(ArticlekitError):
    """The source could not be read: a missing path, an unreadable file, a wrong type."""


class NotAPageError(ArticlekitError):
    """The source was read but is not a page: binary data such as an image or archive."""


class LimitExceeded(ArticlekitError):
    """The source is beyond a configured limit and cannot be parsed even in part."""


class InternalError(ArticlekitError):
    """An unexpected failure inside articlekit: a bug, to be reported with the input.

    The original exception is chained as ``__cause__`` and named in the message,
    so a batch job can log it and go on with the next page.
    """

    @classmethod
    def wrap(cls, error: BaseException) -> InternalError:
        """An InternalError that names ``error`` (type, message and where it arose)."""
        where = ""
        trace = error.__traceback__
        while trace is not None and trace.tb_next is not None:
            trace = trace.tb_next
        if trace is not None:
            code = trace.tb_frame.f_code
            where = f" in {code.co_filename.rsplit('/', 1)[-1]}:{trace.tb_lineno} ({code.co_name})"
        message = str(error)
        if len(message) > 200:
            message = message[:200] + "..."
        return cls(f"internal error{where}: {type(error).__name__}: {message}")
