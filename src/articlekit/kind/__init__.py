"""The kind stage: what kind of page this is (``Article.kind``).

Read from the untouched tree, before comment sections are cut: what the page
declares (:mod:`.declared`), the platform that made it (:mod:`.platforms`, with
its markers in ``platforms.toml``) and its structure (:mod:`.structure`), weighed
by :mod:`.decide`.
"""

from articlekit.kind.decide import KindDecision, decide_dump_kind, decide_kind, weigh
from articlekit.kind.evidence import Evidence

__all__ = ["Evidence", "KindDecision", "decide_dump_kind", "decide_kind", "weigh"]
