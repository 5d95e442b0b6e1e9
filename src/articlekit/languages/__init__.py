"""The words of each language that articlekit's rules match, as data.

One TOML file per language in this folder (``en.toml``, ``de.toml``, ...), loaded
once at import and validated against :data:`CATEGORIES`.  A rule in code says what
its words are for and asks for them by category; the files say which words.  A
language is added by adding a file (``docs/languages.md``).

A file looks like::

    [language]
    code = "it"            # the file's stem, an ISO 639-1 code
    name = "Italian"

    [byline]
    prefixes = ["di", "a cura di"]

Every key below ``[language]`` is ``table.key`` of :data:`CATEGORIES` and holds a
list of non-empty strings.  Words are written as a reader sees them, lower case
unless case matters to the rule; a space in a phrase matches any run of white space
where the rule builds a pattern with :func:`phrase_pattern`.  Markup, punctuation
and number patterns stay in code.

Ordered groups.  A category named in :data:`GROUPS` holds words that need their
position: a list of exactly that many lists of words, the i-th list naming item
i + 1.  Month names are 12 lists (January first), weekday names 7 (Monday first)::

    [dates]
    months = [["january", "jan"], ["february", "feb"], ...]   # exactly 12 lists
    weekdays = [["monday", "mon"], ["tuesday", "tue"], ...]    # exactly 7 lists

A list may be empty where a language has no word of its own for an item.
:func:`numbers` gives every language's word -> position (``month_numbers()`` for
months; a word may name one position only, across all languages), :func:`groups`
the words of each position, and :func:`words` all of a grouped category's words
as one flat tuple (a month-name or weekday-name list).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

__all__ = [
    "CATEGORIES",
    "GROUPS",
    "LANGUAGES",
    "Language",
    "LanguageDataError",
    "groups",
    "month_numbers",
    "numbers",
    "phrase_pattern",
    "read_language",
    "weekday_numbers",
    "words",
]

#: Every category a language file may fill: ``table.key`` -> what its words are for.
#: A stage owns its table; the module that reads a category is named beside it.
CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        # --- content/boilerplate --------------------------------------------------------
        "boilerplate.buttons": (
            "share, print and save button labels: a short text made only of these is a button"
            " row (content/boilerplate_text)"
        ),
        "boilerplate.starters": (
            "first words of the short-text labels below: the cheap gate before their pattern "
            "(content/boilerplate_text)"
        ),
        "boilerplate.labels": (
            "a whole short text that is a template label (Advertisement, Related) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.questions": (
            "a whole short text that is a template question; a '?' may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.share_prompts": (
            "share prompts; up to 40 characters without a full stop may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_30": (
            "open a template line; up to 30 characters may follow (content/boilerplate_text)"
        ),
        "boilerplate.openers_40": (
            "open a template line; up to 40 characters may follow (content/boilerplate_text)"
        ),
        "boilerplate.openers_60": (
            "open a template line (follow us, more on the topic); up to 60 characters may "
            "follow (content/boilerplate_text)"
        ),
        "boilerplate.openers_80": (
            "reply, subscribe and join prompts; up to 80 characters may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_120": (
            "read-on links (Read more, Next article); up to 120 characters may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_150": (
            "newsletter and paywall prompts; up to 150 characters may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.openers_200": (
            "see-also lead-ins (Lesen Sie auch); up to 200 characters (a title) may follow "
            "(content/boilerplate_text)"
        ),
        "boilerplate.more_on": (
            "'more on' lead-ins, then a space and up to 60 characters (a topic) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.back_to": (
            "'back to' lead-ins, then a space and up to 40 characters (a section) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.subscribe_to": (
            "'subscribe to' lead-ins, then a space and up to 80 characters "
            "(content/boilerplate_text)"
        ),
        "boilerplate.news_list_headers": (
            "headers of news lists; up to five more words may follow (content/boilerplate_text)"
        ),
        "boilerplate.source_labels": (
            "labels of a source line, then a colon and up to 80 characters "
            "(content/boilerplate_text)"
        ),
        "boilerplate.topic_labels": (
            "labels of a tag or topic list, then a colon and up to 300 characters "
            "(content/boilerplate_text)"
        ),
        "boilerplate.count_words": (
            "numbers written as words before a reaction header (Three thoughts on ...) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.reaction_headers": (
            "what follows a count in a comment-section title (thoughts on) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.page_of": (
            "the word between the two numbers of a page counter (3 of 10) "
            "(content/boilerplate_text)"
        ),
        "boilerplate.comment_count_words": (
            "words for a count before a comment noun (No comments) (content/boilerplate_text)"
        ),
        "boilerplate.comment_nouns": (
            "comment nouns after a count (12 comments) (content/boilerplate_text)"
        ),
        "boilerplate.fine_print": (
            "reply-form, consent and copyright fine print, found anywhere in a text "
            "(content/boilerplate_text)"
        ),
        "boilerplate.fine_print_openers": (
            "verbs that, opening a text, make it a comment link's label (content/boilerplate_text)"
        ),
        "boilerplate.fine_print_gate": (
            "substrings one of which every fine print phrase holds: its cheap gate "
            "(content/boilerplate_text)"
        ),
        # --- comments -------------------------------------------------------------------
        "comments.count_words": (
            "number words before a comment noun in a header: 'One thought on', 'zwei Kommentare' "
            "(comments/phrases)"
        ),
        "comments.header_nouns": (
            "nouns counted in a comment-section header: 'thoughts', 'Kommentare' (comments/phrases)"
        ),
        "comments.title_prepositions": (
            "words between a comment count and the article title: '5 thoughts on “…”' "
            "(comments/phrases)"
        ),
        "comments.bare_headers": (
            "words that alone head a comment section: 'Comments', 'Kommentare (3)' "
            "(comments/phrases)"
        ),
        "comments.numbered_header_nouns": (
            "the noun after a bare number in a header that may take a colon or a count: '5 "
            "Comments:' (comments/phrases)"
        ),
        "comments.reader_words": (
            "a word before a bare header, apart: 'Reader comments' (comments/phrases)"
        ),
        "comments.reader_compounds": (
            "a word glued before a bare header: 'Leserkommentare' (comments/phrases)"
        ),
        "comments.count_sentence_leads": (
            "opening of a sentence counting comments: 'There are 3 comments so far' "
            "(comments/phrases)"
        ),
        "comments.count_sentence_tails": (
            "words after the count in such a sentence: 'so far' (comments/phrases)"
        ),
        "comments.count_sentence_prepositions": (
            "word before the article title in such a sentence: '… so far on “…”' (comments/phrases)"
        ),
        "comments.bare_count_leads": (
            "opening of a count sentence where only a count noun follows: 'Es gibt 3 Kommentare' "
            "(comments/phrases)"
        ),
        "comments.bare_count_nouns": (
            "the noun that ends such a sentence: 'Kommentare' (comments/phrases)"
        ),
        "comments.headers": (
            "other whole-line comment-section headers: 'Join the discussion', 'Leserbriefe' "
            "(comments/phrases)"
        ),
        "comments.show_verbs": (
            "verbs of 'show all comments' links: 'show', 'zeige' (comments/phrases)"
        ),
        "comments.show_quantifiers": (
            "'all'/'more' in such links, before an optional number (comments/phrases)"
        ),
        "comments.show_nouns": (
            "the noun that ends such links: 'comments', 'Kommentare' (comments/phrases)"
        ),
        "comments.closed_notices": (
            "'comments are closed' notices, an optional full stop after (comments/phrases)"
        ),
        "comments.reply_form_lines": (
            "whole lines of a reply form: 'Leave a Reply', 'Post Comment' (comments/phrases)"
        ),
        "comments.reply_form_starts": (
            "openings of reply-form fine print, anything may follow: 'Your email address will not "
            "be published' (comments/phrases)"
        ),
        "comments.reply_form_openings": (
            "openings of reply-form fine print followed by more words: 'Benachrichtige mich …' "
            "(comments/phrases)"
        ),
        "comments.form_fields": (
            "reply-form field labels, an optional '*' after: 'Name *' (comments/phrases)"
        ),
        "comments.reply_links": (
            "a comment's own link labels: 'Reply', 'Antworten', 'Permalink' (comments/phrases)"
        ),
        "comments.chrome_openings": (
            "openings of a comment's chrome lines followed by more words: 'Liked by …' "
            "(comments/phrases)"
        ),
        "comments.loading": "'loading' notices, up to three dots after (comments/phrases)",
        "comments.levels": "thread depth labels before a number: 'Level 2' (comments/phrases)",
        "comments.vote_units": (
            "units after a vote count: '12 likes', '3 Punkte' (comments/phrases)"
        ),
        "comments.says": (
            "labels after a commenter's name: 'Jane says:', 'Max schreibt:' (comments/phrases)"
        ),
        "comments.zero_counts": (
            "words that make a comment header count zero: 'No comments', 'Keine Kommentare' "
            "(comments/entries)"
        ),
        "comments.link_counts": (
            "words before the noun of an article's link to its thread: 'No comments', 'Ein "
            "Kommentar' (comments/hints)"
        ),
        "comments.link_nouns": (
            "nouns of an article's link to its thread: '3 Comments' (comments/hints)"
        ),
        "comments.link_phrases": (
            "whole texts of an article's link to its thread: 'Leave a comment' (comments/hints)"
        ),
        "comments.unverified_marks": (
            "the mark Drupal puts in parentheses after an anonymous name: 'not verified' "
            "(comments/signatures)"
        ),
        "comments.signed_by": (
            "'by' before a commenter's name in a signature line: 'geschrieben von X am …' "
            "(comments/signatures)"
        ),
        "comments.signed_on": (
            "words after the name in such a line, before the date: 'am', 'le' (comments/signatures)"
        ),
        # --- metadata/byline ------------------------------------------------------------
        "byline.by": "by-words before the author's name: 'by', 'von' (metadata/byline/vocabulary)",
        "byline.by_contractions": (
            "a by-word run together with an article ('vom'), stripped before a name "
            "(metadata/byline/vocabulary)"
        ),
        "byline.opening_labels": (
            "labels that open a byline line before the name: 'Written by', 'Autor' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.thread_starters": (
            "forum labels of the one who opened a thread: 'Thread starter' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.desk_labels": (
            "newsroom labels before a colon that open a byline: 'Redaktion:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.separator_labels": (
            "author labels before '・', ':', '：' or '/': '作者：', 'بقلم:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.posted_verbs": (
            "verbs opening a line with a by-word later: 'Posted on May 3 by' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.written_verbs": (
            "verbs before a by-word after a comma: ', verfasst von' (metadata/byline/vocabulary)"
        ),
        "byline.prefix_intros": (
            "words before a by-word that are cut with it: 'Text und Fotos von', 'Words by' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.author_words": (
            "the word 'author', also at the end of a compound: 'Gastautor von' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.author_labels": (
            "author labels before a colon: 'Autor:', 'Text:' (metadata/byline/vocabulary)"
        ),
        "byline.credit_labels": (
            "other credit labels before a colon, cut from a byline: 'Fotos:', 'Quelle:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.label_pair_joins": (
            "'and' between two credit labels: 'Text und Bild:' (metadata/byline/vocabulary)"
        ),
        "byline.name_labels": (
            "author labels right before a capitalised name, without colon: 'Autorin Jane Doe' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.card_labels": (
            "Twitter card labels of the author's data field: 'Written by', 'Verfasst von' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.says_verbs": (
            "verbs heading a comment rather than an article: 'Anna sagt:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.and_words": "words joining two names: 'and', 'und' (metadata/byline/vocabulary)",
        "byline.and_letters": (
            "one-letter 'and' that is also an initial: joins names only without a full stop after"
            " it (metadata/byline/vocabulary)"
        ),
        "byline.with_words": "'with' joining two names: 'mit', 'avec' (metadata/byline/vocabulary)",
        "byline.conversation_joins": (
            "a radio interview naming both people: 'im Gespräch mit' (metadata/byline/vocabulary)"
        ),
        "byline.role_words": (
            "job titles and roles around a name: 'Staff Writer', 'Redakteurin' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.not_names": (
            "words that are never part of a name: 'share', 'anzeige' (metadata/byline/vocabulary)"
        ),
        "byline.particles": (
            "lower-case particles inside names: 'van', 'de', 'von' (metadata/byline/vocabulary)"
        ),
        "byline.name_links": (
            "role words that also join a name to its newspaper: 'for', 'für' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.desk_words": (
            "desk and team words that sign as themselves: 'Redaktion', 'Team' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.newsroom_names": (
            "the newsroom signing a piece on its own: 'Redaktion', 'Redazione' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.organization_words": (
            "words of organisation names that a CMS puts where the author goes "
            "(metadata/byline/vocabulary)"
        ),
        "byline.institution_endings": (
            "endings of public bodies' names, also inside compounds: 'Bundesverband' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.institution_words": (
            "words naming public bodies and associations: 'Ministry', 'Feuerwehr' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.date_line_words": (
            "words of a date or reading-time line beside a name: 'min read', 'Lesezeit' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.date_prepositions": (
            "prepositions before a day or month name: 'on', 'am' (metadata/byline/vocabulary)"
        ),
        "byline.date_labels": (
            "date labels before a colon, where a byline ends: 'Published:' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.before_number": (
            "words before a number that ends a byline: 'um 12:30', 'mis à jour 3' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.ago_before": (
            "'ago' words before the number: 'vor 3 Stunden', 'hace 2 días' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.ago_cut": (
            "an 'ago' word left at the end where its number was cut off: 'hace' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.ago_after": (
            "'ago' words after the number: '3 hours ago' (metadata/byline/vocabulary)"
        ),
        "byline.cut_words": (
            "words where a byline ends: 'Updated', 'Lesezeit', 'Follow' "
            "(metadata/byline/vocabulary)"
        ),
        "byline.category_joins": (
            "words before the post's category after the author: 'under', 'unter' "
            "(metadata/byline/vocabulary)"
        ),
        # --- metadata/dates -------------------------------------------------------------
        "dates.months": "month names and abbreviations, 12 ordered groups "
        "(metadata/dates, metadata/textdates)",
        "dates.weekdays": "weekday names and abbreviations, 7 ordered groups, Monday first "
        "(metadata/textdates: the shortest English ones mark an English page)",
        "dates.given_names": "month names that are also given names (May, Mai): rules that "
        "read names do not take them for dates (metadata/byline/vocabulary)",
        "dates.ordinal_suffixes": 'suffixes of a day number ("5th", "1er") '
        "(metadata/dates, metadata/textdates)",
        "dates.joiners": 'words between day, month and year ("5 de marzo de 2014") '
        "(metadata/dates, metadata/textdates)",
        "dates.event_labels": "labels of an announced event's date, not the page's "
        '("Termin:") (metadata/dates)',
        "dates.update_hints": "words and word stems that mark a date as an update, matched "
        "anywhere in a label or a class (metadata/dates)",
        # --- content/figures ------------------------------------------------------------
        "figures.credit_labels": "labels before a picture credit: 'Photo: AP', 'Foto: dpa'"
        " (content/figures)",
        "figures.credit_by": "the word between a credit label and the name: 'Photo by Jane"
        " Doe' (content/figures)",
        # --- content/blocks, content/selection --------------------------------------------
        "blocks.byline_prefixes": "the word opening a byline line before the name: 'By Jane"
        " Doe' (content/metadata_lines)",
        "blocks.written_by": "'written by' phrases, at the start of a line or inside it"
        " (content/metadata_lines)",
        "blocks.author_labels": "labels before a colon and the author's name: 'Author:'"
        " (content/metadata_lines)",
        "blocks.credited_works": "what a byline credits before the prefix: 'Photos and words"
        " by' (content/metadata_lines)",
        "blocks.work_joiners": "the 'and' between two credited works (content/metadata_lines)",
        "blocks.read_time_units": "minute words after the number of a read time: '5 min read'"
        " (content/metadata_lines)",
        "blocks.read_time_after": "words after the minutes of a read time: '5 min read'"
        " (content/metadata_lines)",
        "blocks.read_time_labels": "read-time labels on their own: 'Lesezeit'"
        " (content/metadata_lines)",
        "blocks.publish_words": "words saying that a date line is when the text was published or"
        " changed (content/metadata_lines)",
        "blocks.date_words": "other words of a date or time line, not month or weekday names:"
        " 'am', 'Uhr', 'le' (content/metadata_lines)",
        # --- text -----------------------------------------------------------------------
        "text.buttons": (
            "words of share/print/menu widgets; a line of only these is widget residue (text/lines)"
        ),
        "text.stopwords": "function words whose share tells prose from template text (text/lines)",
        "text.skip_links": "whole lines: skip links (text/lines)",
        "text.rights_reserved": "'all rights reserved' lines, anything after (text/lines)",
        "text.share_prompts": (
            "'share this …' prompts (a word boundary, then up to 80 characters) (text/lines)"
        ),
        "text.click_to": "'click to share …' prompts (up to 80 characters after) (text/lines)",
        "text.like_labels": "whole lines, an optional colon after: 'like this:' (text/lines)",
        "text.loading": "whole lines, dots after: 'loading…' (text/lines)",
        "text.follow_us": "'follow us on …' lines (text/lines)",
        "text.share_article": "whole lines: 'share the article' labels (text/lines)",
        "text.share_article_on": (
            "'share the article on …' lines (up to 40 characters after) (text/lines)"
        ),
        "text.newsletter_signup": "'subscribe to our newsletter …' lines (text/lines)",
        "text.subscribe": "lines starting with a subscribe word (text/lines)",
        "text.newsletter": "the word newsletter anywhere in a short line (text/lines)",
        "text.cookie_notices": "cookie-banner phrases anywhere in a line (text/lines)",
        "text.consent_buttons": "whole lines: consent-banner buttons (text/lines)",
        "text.ad_labels": "whole lines: advertisement labels (text/lines)",
        "text.read_more": "whole lines: 'read more' links (text/lines)",
        "text.see_also": "'see also: …' lines (a colon, then the linked title) (text/lines)",
        "text.post_navigation": "'next post …' links (text/lines)",
        "text.filed_under": "'filed under …' lines (optional colon) (text/lines)",
        "text.tags": "'tags: …' lines (colon required) (text/lines)",
        "text.tag_labels": "'categories …' lines (optional colon) (text/lines)",
        "text.related_lists": "whole lines: 'related posts' headers of template lists (text/lines)",
        "text.back_to_top": "whole lines: 'back to top' links (text/lines)",
        "text.sign_in": "whole lines: sign-in links, '| …' after (text/lines)",
        "text.legal_links": "whole lines: legal and contact links, '| …' after (text/lines)",
        "text.credit_lines": (
            "'photo: …' credit lines of template text (plural -s allowed) (text/lines)"
        ),
        "text.end_labels": (
            "end-of-article headers, an optional colon after: 'related:', 'share this' (text/lines)"
        ),
        "text.end_cues": (
            "end-of-article headers: related, most read, recent comments, read also (text/lines)"
        ),
        "text.end_more_from": "end-of-article 'more from <section>' headers (text/lines)",
        "text.end_most_read": (
            "end-of-article 'most read articles' headers, 'in the last N days' after (text/lines)"
        ),
        "text.in_the_last": "'in the last' of 'most read in the last N days' (text/lines)",
        "text.days": "'days' of 'most read in the last N days' (text/lines)",
        "text.end_author_box": "whole lines: 'about the author' boxes (text/lines)",
        "text.date_label_verbs": (
            "verbs labelling a date line: 'published on: 5 March 2021' (text/lines)"
        ),
        "text.date_label_joins": (
            "the preposition after a date-line verb: 'published on' (text/lines)"
        ),
        "text.dateline_verbs": "dateline verbs before a date or byline: 'posted on …' (text/lines)",
        "text.dateline_joins": (
            "the word after a dateline verb: 'posted on', 'posted at' (text/lines)"
        ),
        "text.byline_prefixes": (
            "words opening a byline line: 'by', 'written by', 'text:' (text/lines)"
        ),
        "text.by_words": (
            "the 'by' of a byline after a date: '5 March 2021 by Jane Doe' (text/lines)"
        ),
        "text.name_particles": (
            "lower-case particles inside names: 'van', 'de la', 'and' (text/lines)"
        ),
        "text.date_words": (
            "weekday names and the small words of dates and clock times (text/lines)"
        ),
        "text.job_titles": (
            "job titles that end a byline's names: 'Jane Doe, Senior Writer' (text/lines)"
        ),
        "text.credit_labels": (
            "labels of picture credits: 'photo: AP' (plural -s allowed) (text/lines)"
        ),
        "text.credit_by": "the 'by' after a credit label: 'photo by Jane Doe' (text/lines)",
        "text.photo_words": (
            "picture words of 'photo by …' credits (plural -s allowed) (text/lines)"
        ),
        "text.org_credit_article": (
            "the article before an organisation credit: 'the office of …' (text/lines)"
        ),
        "text.org_credit_heads": (
            "first words of organisation credits: 'office of the mayor' (text/lines)"
        ),
        "text.org_credit_tails": (
            "last words of organisation credits: '… press', '… archive' (text/lines)"
        ),
        "text.credit_name_words": (
            "lower-case words allowed in a name-like credit: 'office of the mayor' (text/lines)"
        ),
        "text.caption_credit_labels": (
            "labels of a credit line under a caption (plural -s allowed) (text/figures)"
        ),
        "text.says_verbs": "verbs of 'Jane says: …' comment starts (text/comments)",
        "text.author_date_joins": (
            "the word between a commenter's name and the date: 'Jane on May 5' (text/comments)"
        ),
        "text.no_comments": "words of a comment count of zero: 'no comments' (text/comments)",
        "text.reading_time_labels": (
            "labels before a reading time: 'reading time: 3 min' (text/teasers)"
        ),
        "text.minute_words": "minute words of a reading time: '3 min' (text/teasers)",
        "text.reading_time_suffixes": "words after a reading time: '3 min read' (text/teasers)",
        "text.author_separators": (
            "words between the names of a byline: 'Jane and John' (text/dump)"
        ),
    }
)


#: The categories of ordered groups (see the module docstring): category -> how many
#: lists each language file gives.
GROUPS: Mapping[str, int] = MappingProxyType({"dates.months": 12, "dates.weekdays": 7})


class LanguageDataError(ValueError):
    """A language file that does not fit the schema (raised at import, naming the file)."""


@dataclass(frozen=True, slots=True)
class Language:
    """One language file: its code, its name, its words by category and the ordered
    groups of its grouped categories (:data:`GROUPS`)."""

    code: str
    name: str
    words: Mapping[str, tuple[str, ...]]
    groups: Mapping[str, tuple[tuple[str, ...], ...]]


def _is_word_list(values: object) -> bool:
    return isinstance(values, list) and all(
        isinstance(value, str) and value.strip() == value and value for value in values
    )


def _checked_groups(stem: str, category: str, values: object) -> tuple[tuple[str, ...], ...]:
    count = GROUPS[category]
    if not (
        isinstance(values, list)
        and len(values) == count
        and all(_is_word_list(group) for group in values)
    ):
        raise LanguageDataError(
            f"{stem}.toml: {category} must be a list of exactly {count} lists of non-empty "
            "strings without surrounding white space"
        )
    return tuple(tuple(group) for group in values)


def read_language(stem: str, text: str) -> Language:
    """One language file's text, validated; ``stem`` is its file name without ``.toml``.

    Raises :class:`LanguageDataError`, naming the file and the fault, for anything
    that does not fit the schema.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(f"{stem}.toml: {error}") from None
    header = data.get("language")
    if not isinstance(header, dict) or header.get("code") != stem:
        raise LanguageDataError(f"{stem}.toml: needs [language] with code = {stem!r}")
    name = header.get("name")
    if not isinstance(name, str) or not name:
        raise LanguageDataError(f"{stem}.toml: [language] needs a name")
    found: dict[str, tuple[str, ...]] = {}
    grouped: dict[str, tuple[tuple[str, ...], ...]] = {}
    for table, keys in data.items():
        if table == "language":
            continue
        if not isinstance(keys, dict):
            raise LanguageDataError(f"{stem}.toml: {table!r} is not a table")
        for key, values in keys.items():
            category = f"{table}.{key}"
            if category not in CATEGORIES:
                raise LanguageDataError(f"{stem}.toml: unknown category {category!r}")
            if category in GROUPS:
                grouped[category] = _checked_groups(stem, category, values)
                found[category] = tuple(word for group in grouped[category] for word in group)
                continue
            if not _is_word_list(values):
                raise LanguageDataError(
                    f"{stem}.toml: {category} must be a list of non-empty strings "
                    "without surrounding white space"
                )
            found[category] = tuple(values)
    return Language(
        code=stem, name=name, words=MappingProxyType(found), groups=MappingProxyType(grouped)
    )


def _load() -> Mapping[str, Language]:
    folder = files(__name__)
    loaded: dict[str, Language] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        stem = entry.name.removesuffix(".toml")
        loaded[stem] = read_language(stem, entry.read_text(encoding="utf-8"))
    return MappingProxyType(loaded)


#: Every language file, by code, in code order.
LANGUAGES: Mapping[str, Language] = _load()


def _codes(category: str, languages: Iterable[str] | None) -> list[str]:
    """English first, then every other language in code order (or only ``languages``)."""
    if category not in CATEGORIES:
        raise KeyError(f"unknown language category {category!r}")
    codes = sorted(LANGUAGES, key=lambda code: (code != "en", code))
    if languages is not None:
        wanted = set(languages)
        codes = [code for code in codes if code in wanted]
    return codes


def words(category: str, languages: Iterable[str] | None = None) -> tuple[str, ...]:
    """The words of one category: English first, then every other language in code
    order (or only ``languages``), each word once, in file order.

    For a grouped category (:data:`GROUPS`) these are all its words, each language's
    groups in order: a flat month-name or weekday-name list.
    """
    seen: dict[str, None] = {}
    for code in _codes(category, languages):
        seen.update(dict.fromkeys(LANGUAGES[code].words.get(category, ())))
    return tuple(seen)


def groups(category: str, languages: Iterable[str] | None = None) -> tuple[tuple[str, ...], ...]:
    """The words of each position of a grouped category (:data:`GROUPS`): the i-th
    tuple holds every language's words for item i + 1, ordered as :func:`words`."""
    if category not in GROUPS:
        raise KeyError(f"{category!r} is not a category of ordered groups")
    merged: list[dict[str, None]] = [{} for _ in range(GROUPS[category])]
    for code in _codes(category, languages):
        for position, group in enumerate(LANGUAGES[code].groups.get(category, ())):
            merged[position].update(dict.fromkeys(group))
    return tuple(tuple(group) for group in merged)


def numbers(category: str, languages: Iterable[str] | None = None) -> Mapping[str, int]:
    """Every word of a grouped category (:data:`GROUPS`) -> its position, counted from 1,
    in the order of :func:`words`.

    Raises :class:`LanguageDataError` when a word names two positions (in one
    language or in two): the rules that read a number from a name need one answer.
    """
    found: dict[str, int] = {}
    for code in _codes(category, languages):
        for position, group in enumerate(LANGUAGES[code].groups.get(category, ()), start=1):
            for word in group:
                if found.setdefault(word, position) != position:
                    raise LanguageDataError(
                        f"{code}.toml: {category} {word!r} names both {found[word]} and {position}"
                    )
    return MappingProxyType(found)


def month_numbers(languages: Iterable[str] | None = None) -> Mapping[str, int]:
    """Every month name and abbreviation (``dates.months``) -> its month, 1 to 12."""
    return numbers("dates.months", languages)


def weekday_numbers(languages: Iterable[str] | None = None) -> Mapping[str, int]:
    """Every weekday name and abbreviation (``dates.weekdays``) -> its day, 1 (Monday)
    to 7 (Sunday)."""
    return numbers("dates.weekdays", languages)


def phrase_pattern(phrases: Iterable[str], *, space: str = r"\s+") -> str:
    """A regular-expression alternation (no group) of literal ``phrases``, longest
    first so that a phrase is never cut short by its own prefix; a space in a phrase
    becomes ``space``."""
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(re.escape(phrase).replace(r"\ ", space) for phrase in unique)
