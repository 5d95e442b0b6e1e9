"""Blocks: template residue left at the end of the body, once it is lines.

Content cleaning judges elements; what is left as a paragraph or heading only
once the walk made lines of it is judged here: residue lines between ``<br>``,
and headings whose teaser lists were removed.
"""

from __future__ import annotations

import re

from articlekit.content.boilerplate_text import is_boilerplate_text
from articlekit.content.cleaning import CREDIT_LINE
from articlekit.model import Block, BlockKind

__all__ = [
    "drop_repeated_blocks",
    "drop_repeated_headings",
    "drop_residue_lines",
    "drop_trailing_headings",
]


def drop_residue_lines(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Without paragraphs that are template residue once split into lines.

    Content cleaning judges elements; a line of loose text between ``<br>`` in a
    text box ("Du musst eingeloggt sein, um Kommentare zu schreiben") is only a
    paragraph here, so the same test runs again on paragraphs.
    """
    kept: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and is_boilerplate_text(block.text) is not None:
            after_figure = bool(kept) and kept[-1].kind is BlockKind.FIGURE
            if not (after_figure and CREDIT_LINE.match(block.text)):
                continue  # "Photo: AP" under a picture is its credit (see figures.py)
        kept.append(block)
    return tuple(kept)


TRAILING_HEADING_CHARS = 100
"""A heading this short that nothing follows titles a section the page left out."""


_TWO_SENTENCES = re.compile(r"\w[.!?] +\w")


def drop_trailing_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Without the headings that end the content: "Related topics", "More from us" whose
    teaser list was removed as boilerplate leave them behind with nothing to head."""
    end = len(blocks)
    while (
        end > 1
        and blocks[end - 1].kind is BlockKind.HEADING
        and len(blocks[end - 1].text) < TRAILING_HEADING_CHARS
        and not _TWO_SENTENCES.search(blocks[end - 1].text)  # prose set as a heading
    ):
        end -= 1
    return blocks[:end]


def drop_repeated_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Without a heading that repeats the heading right before it: an accordion's or a
    tab's opener over the panel or sheet that names itself again ("Description" over
    "Description")."""
    kept: list[Block] = []
    for block in blocks:
        if (
            block.kind is BlockKind.HEADING
            and kept
            and kept[-1].kind is BlockKind.HEADING
            and kept[-1].text.casefold() == block.text.casefold()
        ):
            continue
        kept.append(block)
    return tuple(kept)


REPEATED_BLOCK_CHARS = 40
"""A paragraph this long that the content already holds word for word is a copy."""


def drop_repeated_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Without the second and later copies of a paragraph, and the copied headings over
    them: a shop's slider clones its slides and a layout printed once per screen size
    repeats its text word for word."""
    seen: set[str] = set()
    copies: set[int] = set()
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.PARAGRAPH and len(block.text) >= REPEATED_BLOCK_CHARS:
            if block.text in seen:
                copies.add(index)
            seen.add(block.text)
    headings: set[str] = set()
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        heads_copy = index + 1 in copies or (after is not None and after.kind is BlockKind.HEADING)
        if block.text in headings and heads_copy:
            copies.add(index)
        headings.add(block.text)
    return tuple(b for i, b in enumerate(blocks) if i not in copies)
