"""articlekit: saved web pages to clean, structured articles.

>>> import articlekit
>>> article = articlekit.parse("<html><body><article><p>Hello, world.</p></article></body></html>")
>>> article.paragraphs
('Hello, world.',)
"""

from __future__ import annotations

from articlekit.errors import (
    ArticlekitError,
    InputError,
    InternalError,
    LimitExceeded,
    NotAPageError,
)
from articlekit.model import (
    Article,
    Block,
    BlockKind,
    Comment,
    Figure,
    PageKind,
    Span,
    SpanKind,
    Status,
    Sublist,
)
from articlekit.options import Limits, Options
from articlekit.pipeline import Explanation, explain, parse

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlekitError",
    "Block",
    "BlockKind",
    "Comment",
    "Explanation",
    "Figure",
    "InputError",
    "InternalError",
    "LimitExceeded",
    "Limits",
    "NotAPageError",
    "Options",
    "PageKind",
    "Span",
    "SpanKind",
    "Status",
    "Sublist",
    "__version__",
    "explain",
    "parse",
]
