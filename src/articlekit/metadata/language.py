"""The article's language: the page's declared tag, checked against its text.

Pages often declare no language, or the wrong one (a template's ``lang="en"`` on a
German article).  :func:`resolve_language` keeps the declared tag, in the form the
page wrote it ("de-AT"), when the text agrees with its primary subtag or is too short
to judge; otherwise it returns the language identified from the text.

Identification is CLD2's (pycld2: Apache-2.0, its model compiled into the wheel, no
other dependency); the comparison that chose it is in ``docs/benchmarks.md``, "Language
identification".  Only a bounded sample of the text is read, so the cost per page does
not grow with the page (about 0.1 ms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pycld2

from articlekit.model import Block, BlockKind

__all__ = ["SAMPLE_CHARS", "identify_language", "language_sample", "resolve_language"]

SAMPLE_CHARS = 1000
"""The most characters of article text that are judged."""

MIN_LETTERS = 80
"""Fewer letters than this: too short to overrule a declared language."""

MIN_PERCENT = 70
"""CLD2 must find this share of the sample (percent) in one language, and call it reliable."""

_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST, BlockKind.QUOTE})
_LETTER = re.compile(r"[^\W\d_]")
# CLD2 refuses control characters and lone surrogates (invalid UTF-8 to it)
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_PRIMARY = re.compile(r"[A-Za-z]{2,3}")
# Two codes for one language: the first is what identifiers say, the second what pages declare.
_SAME = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"}


def language_sample(blocks: Iterable[Block], limit: int = SAMPLE_CHARS) -> str:
    """The first ``limit`` characters of the article's prose, read in order.

    Code and tables are left out: their words are keywords and figures, not the
    article's language.
    """
    parts: list[str] = []
    size = 0
    for block in blocks:
        if block.kind not in _PROSE:
            continue
        text = block.plain_text
        parts.append(text)
        size += len(text) + 1
        if size >= limit:
            break
    return "\n".join(parts)[:limit]


def resolve_language(declared: str | None, text: str) -> str | None:
    """The article's language tag: ``declared`` when ``text`` agrees or cannot tell.

    ``declared`` is the page's own tag ("en", "de-AT"), or None.  Returns it unchanged
    when the language identified in ``text`` has the same primary subtag, when the
    text is too short to judge (fewer than :data:`MIN_LETTERS` letters) or when the
    identification is unsure; returns the identified ISO 639-1 code otherwise, and
    None when there is neither.  Reads at most :data:`SAMPLE_CHARS` characters.
    """
    detected = identify_language(text)
    if declared and (detected is None or _primary(declared) == detected):
        return declared
    return detected


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or None if it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    try:
        reliable, _size, found = pycld2.detect(_UNSAFE.sub(" ", sample), isPlainText=True)
    except pycld2.error:  # text CLD2 still cannot read: no answer rather than a failure
        return None
    _name, code, percent, _score = found[0]
    if not reliable or percent < MIN_PERCENT or code in ("un", "xxx"):
        return None
    code = str(code).split("-")[0].lower()  # "zh-Hant" -> "zh"
    return _SAME.get(code, code)


def _primary(tag: str) -> str | None:
    match = _PRIMARY.match(tag)
    if not match:
        return None
    code = match[0].lower()
    return _SAME.get(code, code)
