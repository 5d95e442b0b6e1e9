"""Evidence for extraction decisions, so that ``articlekit parse --explain`` can show
why each node was taken as content, caption or comment, or dropped as boilerplate."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from lxml import html

__all__ = ["Decision", "Verdict", "describe"]


class Verdict(str, Enum):
    """What a stage decided about a node or a line."""

    CONTENT = "content"
    BOILERPLATE = "boilerplate"
    CAPTION = "caption"
    CREDIT = "credit"
    COMMENT = "comment"
    COMMENT_SECTION = "comment_section"
    METADATA = "metadata"
    CANDIDATE = "candidate"


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision: which stage, about what, the verdict and the rule or score behind it."""

    stage: str
    target: str
    verdict: Verdict
    rule: str
    score: float | None = None

    def __str__(self) -> str:
        score = f" score={self.score:.2f}" if self.score is not None else ""
        return f"[{self.stage}] {self.verdict.value:<15} {self.target}  ({self.rule}{score})"


def describe(element: html.HtmlElement, text_chars: int = 60) -> str:
    """A short, readable name for an element: tag#id.class and its first words."""
    tag = element.tag if isinstance(element.tag, str) else "?"
    ident = element.get("id")
    classes = (element.get("class") or "").split()
    name = tag + (f"#{ident}" if ident else "") + "".join(f".{c}" for c in classes[:3])
    text = " ".join(element.text_content().split())
    if len(text) > text_chars:
        text = text[: text_chars - 1] + "…"
    return f"<{name}> {text!r}"
