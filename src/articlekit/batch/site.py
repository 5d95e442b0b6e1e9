"""Site boilerplate: template text that only shows as such across many pages of a host.

A single page cannot tell its site's footer, "Print More" line or standard
disclaimer from content.  Across an archive it can: such blocks repeat on most
pages of the host.  The batch job learns them in a first pass
(:class:`SiteLearner`) and strips them in the second (:func:`strip_site_boilerplate`).

Threshold (:class:`SiteThreshold`): a block is template text of a host when its
normalized text appears on at least ``max(min_pages, share * pages)`` distinct
pages of that host, and the host has at least ``min_host_pages`` distinct pages.
Pages are counted by URL, so repeated captures of one page do not make its
content look like a template.  Normalization: case folded, whitespace collapsed,
digits mapped to 0 (a footer "(c) 2023" and "(c) 2024" are one block).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from articlekit.input.replay import archived_url
from articlekit.model import Article, Block, Status

__all__ = [
    "SiteLearner",
    "SiteProfile",
    "SiteThreshold",
    "block_key",
    "host_of",
    "strip_site_boilerplate",
]

_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class SiteThreshold:
    """When a repeated block counts as a host's template text."""

    share: float = 0.5
    """Fraction of the host's distinct pages the block must appear on."""
    min_pages: int = 3
    """The block must appear on at least this many distinct pages, whatever the share."""
    min_host_pages: int = 4
    """Hosts with fewer distinct pages are left alone: too little evidence."""
    max_keys_per_host: int = 200_000
    """Memory bound while learning: when a host's table grows past this, blocks seen
    on fewer than 5% of its pages so far are forgotten (they cannot be near 50%)."""

    def pages_needed(self, host_pages: int) -> int:
        """How many of ``host_pages`` pages a block must appear on."""
        return max(self.min_pages, math.ceil(self.share * host_pages))


def host_of(url: str | None) -> str | None:
    """The host of ``url``, lower case, without a leading ``www.``; None without one.

    Web-archive replay URLs (``https://web.archive.org/web/2019.../https://site/...``)
    give the archived site's host: the pages of many sites share the archive's host.
    """
    if not url:
        return None
    try:
        host = urlsplit(archived_url(url)).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def block_key(block: Block) -> int:
    """A stable 64-bit key of a block's normalized text (the same in every process)."""
    text = _DIGIT.sub("0", _SPACE.sub(" ", block.plain_text).strip().casefold())
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def page_keys(article: Article) -> frozenset[int]:
    """The distinct block keys of an article (empty blocks left out)."""
    return frozenset(block_key(b) for b in article.blocks if b.plain_text.strip())


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """Learned template blocks, per host: host -> block keys to strip."""

    hosts: Mapping[str, frozenset[int]] = field(default_factory=dict)
    pages: Mapping[str, int] = field(default_factory=dict)
    """Distinct pages seen per host (for reports)."""

    def to_json(self) -> dict[str, object]:
        """A JSON-friendly form (keys as hex), saved next to the output for resume."""
        return {
            "hosts": {h: sorted(f"{k:016x}" for k in keys) for h, keys in self.hosts.items()},
            "pages": dict(self.pages),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> SiteProfile:
        """The inverse of :meth:`to_json`."""
        hosts = data.get("hosts", {})
        pages = data.get("pages", {})
        assert isinstance(hosts, dict) and isinstance(pages, dict)
        return cls(
            hosts={h: frozenset(int(k, 16) for k in keys) for h, keys in hosts.items()},
            pages={h: int(n) for h, n in pages.items()},
        )


@dataclass
class SiteLearner:
    """Counts, per host, on how many distinct pages each block key appears.

    Feed it with :meth:`add` (one call per page, in any order), then call
    :meth:`profile`.  Memory grows with hosts and distinct blocks, bounded per
    host by ``threshold.max_keys_per_host``.
    """

    threshold: SiteThreshold = SiteThreshold()
    _counts: dict[str, Counter[int]] = field(default_factory=dict)
    _seen: dict[str, set[int]] = field(default_factory=dict)

    def add(self, host: str | None, page: str, keys: Iterable[int]) -> None:
        """Count the block ``keys`` of one page (``page`` is its URL or another stable key)."""
        if host is None:
            return
        page_hash = hash_text(page)
        seen = self._seen.setdefault(host, set())
        if page_hash in seen:
            return  # another capture of the same page: no new evidence
        seen.add(page_hash)
        counts = self._counts.setdefault(host, Counter())
        counts.update(set(keys))
        if len(counts) > self.threshold.max_keys_per_host:
            floor = max(1, len(seen) // 20)
            for key in [k for k, n in counts.items() if n <= floor]:
                del counts[key]

    def profile(self) -> SiteProfile:
        """The template blocks of every host with enough pages."""
        hosts: dict[str, frozenset[int]] = {}
        pages: dict[str, int] = {}
        for host, counts in sorted(self._counts.items()):
            total = len(self._seen[host])
            pages[host] = total
            if total < self.threshold.min_host_pages:
                continue
            needed = self.threshold.pages_needed(total)
            keys = frozenset(k for k, n in counts.items() if n >= needed)
            if keys:
                hosts[host] = keys
        return SiteProfile(hosts=hosts, pages=pages)


def hash_text(text: str) -> int:
    """A stable 64-bit hash of ``text``."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def strip_site_boilerplate(article: Article, template: frozenset[int]) -> Article:
    """``article`` without the blocks whose key is in ``template`` (its host's template)."""
    kept = tuple(b for b in article.blocks if block_key(b) not in template)
    if len(kept) == len(article.blocks):
        return article
    removed = {b.figure for b in article.blocks if b.figure is not None} - {
        b.figure for b in kept if b.figure is not None
    }
    figures = tuple(f for f in article.figures if f not in removed)
    derived = Article.create(blocks=kept, figures=figures)
    status = article.status
    if status is Status.OK and not kept:
        status = Status.NO_ARTICLE
    note = f"site boilerplate: {len(article.blocks) - len(kept)} block(s) removed"
    return replace(
        article,
        blocks=kept,
        figures=derived.figures,
        caption=derived.caption,
        paragraphs=derived.paragraphs,
        text=derived.text,
        status=status,
        warnings=(*article.warnings, note),
    )
