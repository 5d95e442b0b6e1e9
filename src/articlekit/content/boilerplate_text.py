"""Boilerplate text: is a short text template residue rather than article text?

Matched against the whole normalized text of a small element, so "Print" goes but
a sentence mentioning printing stays.  Three tests, each behind a cheap gate:

- short-text patterns ("Advertisement", "Read more ...", "12 thoughts on ...",
  "Leave a Reply", "Lesen Sie auch: ..."), gated by the text's first word;
- rows of button words ("Share Tweet Email", "Drucken Teilen");
- reply-form and consent fine print ("Your email address will not be published"),
  gated by a word that each sentence holds.

The words are data (the ``[boilerplate]`` table of each language file); the shapes
around them (what may follow a phrase, number slots, brand names) stay here.
"""

from __future__ import annotations

import re

from articlekit.content.class_hints import literal_alternation
from articlekit.languages import grouped_phrase_pattern, phrase_pattern, words

__all__ = ["FINE_PRINT", "FINE_PRINT_LIMIT", "is_boilerplate_text"]

# Brand and format names on share buttons: the same in every language.
_BRAND_BUTTONS = (
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "pinterest",
    "whatsapp",
    "reddit",
    "telegram",
    "tumblr",
    "pocket",
    "flipboard",
    "xing",
    "messenger",
    "gplus",
    "google+",
    "google",
    "sms",
    "pdf",
    "whatsapp-share",
    "facebook-share",
    "twitter-share",
)
_BUTTON_WORDS = frozenset((*words("boilerplate.buttons"), *_BRAND_BUTTONS))


def _any(category: str, *, space: str = r"\s+") -> str:
    """The words of ``category`` as a non-capturing alternation (grouped by first
    letter: these patterns run on every short text of the content)."""
    return "(?:" + grouped_phrase_pattern(words(category), space=space) + ")"


# What may follow each category's phrase in a short text (the whole text is matched,
# so the phrase opens it): nothing, a question mark, or a tail of bounded length.
_SHORT_SHAPES = (
    ("boilerplate.labels", ""),
    ("boilerplate.questions", r"\??"),
    ("boilerplate.share_prompts", r"[^.]{0,40}"),
    ("boilerplate.openers_30", r".{0,30}"),
    ("boilerplate.openers_40", r".{0,40}"),
    ("boilerplate.openers_60", r".{0,60}"),
    ("boilerplate.openers_80", r".{0,80}"),
    ("boilerplate.openers_120", r".{0,120}"),
    ("boilerplate.openers_150", r".{0,150}"),
    ("boilerplate.openers_200", r".{0,200}"),
    ("boilerplate.more_on", r"\s+.{0,60}"),
    ("boilerplate.back_to", r"\s+.{0,40}"),
    ("boilerplate.subscribe_to", r"\s+.{0,80}"),
    ("boilerplate.news_list_headers", r"(?:\s+\S+){0,5}"),
    ("boilerplate.source_labels", r":.{0,80}"),
    ("boilerplate.topic_labels", r":.{0,300}"),
)

# Number slots: "12 thoughts on ...", "3 of 10", "No comments".
_COUNTED = (
    rf"(?:{_any('boilerplate.count_words')}|\d+)\s+{_any('boilerplate.reaction_headers')}\b.{{0,300}}",
    rf"\d+\s*(?:/|{phrase_pattern(words('boilerplate.page_of'))})\s*\d+",
    rf"(?:\d+|{phrase_pattern(words('boilerplate.comment_count_words'))})\s+"
    rf"{_any('boilerplate.comment_nouns')}",
)

# Phrase templates kept whole: a slot in the middle, optional punctuation inside, or
# labels followed by a colon whose spacing differs from label to label.
_SHORT_TEMPLATES = r"""
      lea\s*(?:también|además|más)?\s*:.{0,200}|
      das\s+(?:thema|könnte)\s+.{0,30}interessieren:?.{0,200}|
      receive\s+our\s+.{0,40}newsletter.{0,80}|
      sign\s+up\s+for\s+(?:our|the)\s+.{0,80}newsletter.{0,120}|
      auch\s+lesen:?.{0,200}|vea\s+también:?.{0,200}|mira\s+también:?.{0,200}|
      puedes\s+ver:.{0,200}|posted\s+in:?.{0,200}|
      \(?noch\s+keine\s+bewertungen\)?|aufrufe:?\s*\d*|
      (?:foto|photo|bild|image)s?\s*:.{0,60}|
      \(?crédito:.{0,80}|cr[ée]dits?(?:\s+photos?)?\s*:.{0,80}|photo\s+credits?\s*:.{0,80}|
      bildnachweis\s*:?.{0,100}|beitragsbild\s*:?.{0,100}|titelbild:?.{0,60}|
      lesen\s+sie\s+hier\s*:?\s+.{0,100}|siehe\s+auch\s*:?\s+.{0,200}|
      (?:mire|mira)\s*:\s+.{0,200}|dowiedz\s+się\s+więcej\s*:\s+.{0,200}|
      watch\s*:.{0,150}|video\s*:.{0,150}|
      tagged(?:\s+with)?:?.{0,300}|filed\s+under:?.{0,300}|
      schlagwörter:?.{0,300}|schlagworte:?.{0,300}|
      étiquettes\s?:.{0,300}|mots-clés\s?:.{0,300}|
      mehr\s+von\s+[^.!?]{0,40}|auch\s+auf\s+[\w-]+\.[a-z]{2,4}|
      weitere\s+informationen\s+zu[mr]?\s+[^.!?]{0,60}|weitere\s+\w*tipps\b[^.!?]{0,40}|
      getty\s+images
"""


def _short_patterns() -> re.Pattern[str]:
    """The whole-text pattern: any shape, then only trailing punctuation.

    The whole text must match, so the order of the alternatives changes nothing.
    """
    shaped = [_any(category) + tail for category, tail in _SHORT_SHAPES]
    templates = re.sub(r"\s+", "", _SHORT_TEMPLATES)
    return re.compile(
        "^(?:" + "|".join([*shaped, *_COUNTED, templates]) + r")[\s.:!»›→>…-]*$",
        re.IGNORECASE | re.DOTALL,
    )


_SHORT_PATTERNS = _short_patterns()

# Reply-form and consent fine print: long-ish sentences that only templates write.
# The phrases are data; what stays here has a slot, a brand name or punctuation of
# its own.
_FINE_PRINT_TEMPLATES = r"""
      if\s+you\s+(?:are|’re|'re)\s+running\s+an\s+ad-?blocker|
      last\s+modified\s*:|
      dieser\s+(?:text|beitrag|artikel)\s+(?:wurde|ist)\s+.{0,60}(?:veröffentlicht|erschienen)|
      diese\s+seite\s+wurde\s+.{0,20}\s+besucht|
      affiliate[\s-]links?|
      download\s+(?:the|our)\s+.{0,40}\bapps?\b|
      ^follow\s+.{0,40}\bon\s+(?:twitter|facebook|instagram)|
      canal\s+de\s+(?:telegram|youtube|whatsapp)|
      unser(?:em|en)?\s+(?:telegram|whatsapp)-kanal|rss\s*2\.0[\s-]*feed|
      (?:was|were|has\s+been|have\s+been)\s+(?:successfully\s+)?added\s+to\s+
      (?:your\s+)?(?:cart|basket|wish\s?list)
"""
FINE_PRINT = re.compile(
    "|".join(
        [
            grouped_phrase_pattern(words("boilerplate.fine_print")),
            r"^" + _any("boilerplate.fine_print_openers") + r"\b",
            re.sub(r"\s+", "", _FINE_PRINT_TEMPLATES),
        ]
    ),
    re.IGNORECASE,
)
"""Reply-form, consent and copyright fine print, found anywhere in a text."""

_SHORT_LIMIT = 320
FINE_PRINT_LIMIT = 400
"""Longest text tested for fine print (and for any boilerplate)."""
_WORD = re.compile(r"[\w+-]+")

# First words of _SHORT_PATTERNS: a cheap gate before the big pattern runs.
_STARTERS = frozenset((*words("boilerplate.starters"), "getty"))
_FINE_PRINT_GATE = (*words("boilerplate.fine_print_gate"), "akismet", "rss")
_FINE_PRINT_GATE_RE = literal_alternation(_FINE_PRINT_GATE, ())
_FIRST_WORD = re.compile(r"[^\w'-]*([\w'-]+)")


def is_boilerplate_text(text: str) -> str | None:
    """The rule name when a short text is template residue, else None.

    ``text`` is the whole normalized text of an element.
    """
    if not text or len(text) > FINE_PRINT_LIMIT:
        return None
    if text[0] in "([" and text[-1] in ")]" and len(text) > 2:
        # "(Alle Angaben ohne Gewähr)", "[Anzeige]": a template's note set in brackets
        text = text[1:-1].strip()
    lower = text.lower()
    first = _FIRST_WORD.match(lower)
    word = first.group(1) if first else ""
    gated = word in _STARTERS or word[:1].isdigit()
    if len(text) <= _SHORT_LIMIT and gated and _SHORT_PATTERNS.match(text):
        return "short-text pattern"
    # the first word is the cheap gate: most texts start with a word no button has
    first_button = _WORD.search(lower) if len(text) < 150 else None
    if first_button is not None and (
        first_button.group() in _BUTTON_WORDS or first_button.group().isdigit()
    ):
        words = _WORD.findall(lower)
        if (
            len(words) <= 12
            and all(w in _BUTTON_WORDS or w.isdigit() for w in words)
            # a number alone is a count, a footnote mark or maths, not a button
            and any(len(w) > 2 and not w.isdigit() for w in words)
        ):
            return "button words"
    if _FINE_PRINT_GATE_RE.found_in(lower) and FINE_PRINT.search(text):
        return "template fine print"
    return None
