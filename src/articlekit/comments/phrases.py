"""Short-text patterns of comment sections, shared by the HTML and plain-text paths.

Comment-section headers, reply links, "says:" labels and the fine print of reply
forms.  The words come from the ``[comments]`` table of the language files
(:mod:`articlekit.languages`); the structure around them (number slots, optional
colons and counts, what may follow) is here.  Each pattern matches a whole
(whitespace-collapsed) line or element text, never a fragment of prose.
"""

from __future__ import annotations

import re

from articlekit.input.caseless import CaselessPattern
from articlekit.languages import phrase_pattern, words

__all__ = [
    "COMMENT_HEADER",
    "REPLY_FORM_LINE",
    "REPLY_LINK",
    "SAYS_LABEL",
    "SAYS_SUFFIX",
    "is_collapsed_chrome",
    "is_collapsed_reply_form_line",
    "is_comment_chrome",
    "is_comment_header",
    "is_reply_form_line",
    "is_review_header",
]


def _any(category: str) -> str:
    """The words of ``category`` as one group; the texts these patterns read have
    their white space collapsed, so a space in a phrase is one space."""
    return f"(?:{phrase_pattern(words(category), space=' ')})"


_NUM = rf"(?:\d+|{_any('comments.count_words')})"
_COMMENT_WORDS = _any("comments.header_nouns")
_BARE_HEADER_WORDS = (
    rf"(?:{_any('comments.bare_headers')}|\d+\s+{_any('comments.numbered_header_nouns')})"
)
_READER = rf"(?:{_any('comments.reader_words')}\s+|{_any('comments.reader_compounds')})"
# "Show all 12 comments", "Alle Kommentare": a verb, "all"/"more", a number, the noun
_SHOW_ALL = (
    rf"{_any('comments.show_verbs')}\s+(?:{_any('comments.show_quantifiers')}\s+)?\d*\s*"
    rf"{_any('comments.show_nouns')}"
)

COMMENT_HEADER = re.compile(
    r"^(?:"
    # "12 thoughts on “Title”", "One thought on “Title”", "5 Comments", "2 Kommentare zu „…“"
    rf"{_NUM}\s+{_COMMENT_WORDS}(?:\s+{_any('comments.title_prepositions')}\b.*)?"
    # "Comments", "Responses", "Kommentare", "Leserkommentare", "Comments (3)", "Discussion"
    rf"|{_READER}?{_BARE_HEADER_WORDS}(?:\s*[(\[]\s*\d+\s*[)\]])?\s*:?"
    # "There are 3 comments so far on “Title”", "3 comments so far", "Es gibt 3 Kommentare"
    rf"|{_any('comments.count_sentence_leads')} {_NUM} {_COMMENT_WORDS}"
    rf"(?: {_any('comments.count_sentence_tails')})?"
    rf"(?: {_any('comments.count_sentence_prepositions')} .*)?"
    rf"|{_NUM} {_COMMENT_WORDS} {_any('comments.count_sentence_tails')}"
    rf"|{_any('comments.bare_count_leads')} {_NUM} {_any('comments.bare_count_nouns')}"
    rf"|{_any('comments.headers')}|{_SHOW_ALL}|{_any('comments.closed_notices')}\.?"
    # WordPress' own terms, the same in every language
    r"|trackbacks?(?:\s*/\s*pingbacks?)?|pingbacks?"
    r")\s*$",
    re.IGNORECASE,
)

# "Customer Reviews", "Kundenbewertungen (40)": a shop's review widget, whose entries a
# text dump shows as a comment section (HTML mode knows the widget by its markup)
REVIEW_HEADER = re.compile(
    rf"^(?:{_any('comments.review_headers')})(?:\s*[(\[]?\s*\d+\s*[)\]]?)?\s*:?\s*$",
    re.IGNORECASE,
)

REPLY_FORM_LINE = re.compile(
    r"^(?:"
    rf"{_any('comments.reply_form_lines')}|{_any('comments.reply_form_starts')}.*"
    rf"|{_any('comments.reply_form_openings')} .*|{_any('comments.form_fields')}\s*\*?"
    r")\s*$",
    re.IGNORECASE,
)

REPLY_LINK = re.compile(
    r"^(?:"
    rf"{_any('comments.reply_links')}|{_any('comments.chrome_openings')} .*"
    rf"|{_any('comments.loading')}\.{{0,3}}|{_any('comments.levels')}\s+\d+|"
    rf"[+\-]?\d+\s*{_any('comments.vote_units')}(?:\s*[·•|])?|"
    # vote arrows and bare counts
    r"[↓↑▲▼+\-]?\s*\d*\s*[↓↑▲▼]?)\s*$",
    re.IGNORECASE,
)

_SAYS_WORDS = _any("comments.says")
# the suffix rule was written for these languages; Italian labels are only recognised whole
_SAYS_SUFFIX_WORDS = (
    f"(?:{phrase_pattern(words('comments.says', ('en', 'de', 'fr', 'es')), space=' ')})"
)
# "Jane says:", "Max sagt:", "Marie dit :", "Juan dice:" -- a label, never comment text;
# classic Blogger ends the label with an ellipsis: "Anonym hat gesagt…", "Jane said..."
SAYS_LABEL = re.compile(rf"^.{{1,80}}?\s+{_SAYS_WORDS}\s*(?::|…|\.\.\.)?\s*$", re.IGNORECASE)
SAYS_SUFFIX = re.compile(rf"\s+{_SAYS_SUFFIX_WORDS}\s*(?::|…|\.\.\.)?\s*$", re.IGNORECASE)


# The chrome patterns, matched in either case without the engine's slow IGNORECASE on
# ASCII lines (most lines): every line and link of a comment is tested for chrome.  (The
# header and reply-form patterns stay as they are: three times longer, their second
# compiled form would cost more at import than it saves on a page.)  The two chrome
# patterns are one alternation: one lowering and one match per line, not two.
_CHROME_ANY_CASE = CaselessPattern.of(f"(?:{REPLY_LINK.pattern})|(?:{SAYS_LABEL.pattern})")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def is_comment_header(text: str) -> bool:
    """True for a comment-section header line: "5 Comments", "One thought on “…”"."""
    line = _collapse(text).strip("“”\"'")
    return 0 < len(line) <= 200 and COMMENT_HEADER.match(line) is not None


def is_review_header(text: str) -> bool:
    """True for the header of a shop's review widget: "Customer Reviews"."""
    return REVIEW_HEADER.match(_collapse(text)) is not None


def is_reply_form_line(text: str) -> bool:
    """True for the fine print of a reply form ("Leave a Reply", "Post Comment")."""
    return is_collapsed_reply_form_line(_collapse(text))


def is_collapsed_reply_form_line(line: str) -> bool:
    """:func:`is_reply_form_line` for a line whose words are one space apart, with no
    space around them: a comment's paragraphs, collapsed once for every test."""
    return 0 < len(line) <= 300 and REPLY_FORM_LINE.match(line) is not None


def is_comment_chrome(text: str) -> bool:
    """True for a comment's own chrome: reply/like/report links, "Jane says:" labels."""
    return is_collapsed_chrome(_collapse(text))


def is_collapsed_chrome(line: str) -> bool:
    """:func:`is_comment_chrome` for a line whose words are one space apart, with no
    space around them."""
    if not line:
        return True
    return _CHROME_ANY_CASE.starts(line)
