"""Evidence for extraction decisions, so that ``articlekit parse --explain`` can show
why each node was taken as content, caption or comment, or dropped as boilerplate."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lxml import html

__all__ = ["Decision", "Verdict", "describe", "element_name", "quoted"]


class Verdict(StrEnum):
    """What a stage decided about a node or a line."""

    CONTENT = "content"
    BOILERPLATE = "boilerplate"
    CAPTION = "caption"
    CREDIT = "credit"
    COMMENT = "comment"
    COMMENT_SECTION = "comment_section"
    METADATA = "metadata"
    CANDIDATE = "candidate"
    #: the value a field extractor took from its candidates (title, byline, date...)
    CHOSEN = "chosen"
    #: the element read as the byline (and then cut from the body as page furniture)
    BYLINE = "byline"


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision: which stage, about what, the verdict and the rule or score behind it.

    ``subject`` is the element decided about (described only when shown, so that
    recording decisions costs nothing on the normal path) or a plain label.
    """

    stage: str
    subject: str | html.HtmlElement
    verdict: Verdict
    rule: str
    score: float | None = None

    @property
    def target(self) -> str:
        """A short, readable name for what was decided about."""
        if isinstance(self.subject, str):
            return self.subject
        return describe(self.subject)

    def __str__(self) -> str:
        score = f" score={self.score:.2f}" if self.score is not None else ""
        return f"[{self.stage}] {self.verdict.value:<15} {self.target}  ({self.rule}{score})"


def element_name(element: html.HtmlElement) -> str:
    """An element's tag, id and first classes: ``<span.author.vcard>`` (no text: cheap)."""
    tag = element.tag if isinstance(element.tag, str) else "?"
    ident = element.get("id")
    classes = (element.get("class") or "").split()
    return "<" + tag + (f"#{ident}" if ident else "") + "".join(f".{c}" for c in classes[:3]) + ">"


def describe(element: html.HtmlElement, text_chars: int = 60) -> str:
    """A short, readable name for an element: tag#id.class and its first words."""
    # itertext with an early stop: describing a page-sized element stays cheap
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece)
        if size > text_chars * 2:
            break
    text = " ".join("".join(pieces).split())
    if len(text) > text_chars:
        text = text[: text_chars - 1] + "…"
    return f"{element_name(element)} {text!r}"


def quoted(text: str | None, chars: int = 60) -> str:
    """``text`` shortened and quoted, as a decision's subject."""
    text = " ".join((text or "").split())
    if len(text) > chars:
        text = text[: chars - 1] + "…"
    return repr(text)
