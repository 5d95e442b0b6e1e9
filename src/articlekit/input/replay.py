"""Web-archive replay URLs: the archived page's own URL inside the archive's."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["archived_url"]

_REPLAY_PATH = re.compile(r"^/(?:web|wayback)/\d{4,14}[a-z_]*/(https?://.+)$", re.IGNORECASE)


def archived_url(url: str) -> str:
    """The archived page's URL for a replay URL
    (``https://web.archive.org/web/2019.../https://site/story``); else ``url`` itself.
    The pages of many sites share the archive's host and path prefix: the site's name and
    the permalink's words are the archived URL's."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        replayed = _REPLAY_PATH.match(parts.path) if parts.hostname else None
    except ValueError:
        return url
    if replayed is None:
        return url
    query = f"?{parts.query}" if parts.query else ""
    return replayed.group(1) + query
