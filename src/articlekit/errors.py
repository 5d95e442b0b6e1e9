"""Errors a caller can catch.  Every failure of articlekit is an ArticlekitError."""

from __future__ import annotations

__all__ = [
    "ArticlekitError",
    "InputError",
    "NotAPageError",
    "LimitExceeded",
]


class ArticlekitError(Exception):
    """Base class of every error articlekit raises on purpose."""


class InputError(ArticlekitError):
    """The source could not be read: a missing path, an unreadable file, a wrong type."""


class NotAPageError(ArticlekitError):
    """The source was read but is not a page: binary data such as an image or archive."""


class LimitExceeded(ArticlekitError):
    """The source is beyond a configured limit and cannot be parsed even in part."""
