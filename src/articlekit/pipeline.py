"""The pipeline, top to bottom as the data flows:

source -> bytes -> text -> tree -> kind -> comments cut out -> metadata -> content ->
blocks -> figures -> Article.

Plain-text dumps leave the HTML path after decoding and go through
:mod:`articlekit.text.dump`.  Every stage is a pure function of its inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml import html

from articlekit.comments.extract import (
    extract_comments,
    extract_items,
    find_comment_sections,
    section_rule,
)
from articlekit.comments.hints import COMMENT_FRAGMENTS
from articlekit.comments.markup import TextLengths
from articlekit.comments.quotes import with_quoted_parents
from articlekit.comments.thread import (
    Thread,
    find_thread,
    opening_card,
    opening_page,
    thread_cuts,
    thread_items,
    without_shared_subjects,
)
from articlekit.content.blocks import cut_after_blocks, explain_blocks
from articlekit.content.figures import explain_figures, page_base_url, with_lead_figure
from articlekit.content.selection import find_main_content
from articlekit.errors import ArticlekitError, InternalError, LimitExceeded
from articlekit.explain import Decision, Verdict
from articlekit.input.decode import decode_page
from articlekit.input.elements import drop_element
from articlekit.input.named import named_elements
from articlekit.input.source import Source, load
from articlekit.input.tree import looks_like_html, parse_tree
from articlekit.kind import Evidence, decide_dump_kind, decide_kind, weigh
from articlekit.kind.evidence import Source as EvidenceSource
from articlekit.kind.evidence import Strength
from articlekit.metadata.byline.names import clean_byline
from articlekit.metadata.extract import extract_metadata, signed_by
from articlekit.metadata.jsonld import parse_jsonld
from articlekit.metadata.language import language_sample, resolve_language
from articlekit.metadata.scan import HINT_FRAGMENTS
from articlekit.metadata.tags import collect_meta
from articlekit.model import Article, Comment, PageKind, Status
from articlekit.options import Options
from articlekit.text.dump import explain_text_dump

__all__ = ["Explanation", "explain", "parse"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """An Article together with the decisions that produced it."""

    article: Article
    decisions: tuple[Decision, ...]


def parse(
    source: Any,
    *,
    url: str | None = None,
    options: Options | None = None,
    charset: str | None = None,
) -> Article:
    """Parse a saved page into an :class:`Article`.

    ``source`` is bytes (encoding detected), ``str`` (markup or plain text), a
    :class:`pathlib.Path` (``.gz`` too), a binary file object, or a BeautifulSoup
    or lxml object.  ``url`` is the page's address when known (it fills
    ``Article.url`` when the page names none); ``charset`` is a transport
    charset (an HTTP ``Content-Type``) when known.

    Returns an Article, possibly without content (see ``Article.status``);
    raises an :class:`articlekit.ArticlekitError` subclass for input that
    cannot be read, and nothing else.
    """
    return explain(source, url=url, options=options, charset=charset).article


def explain(
    source: Any,
    *,
    url: str | None = None,
    options: Options | None = None,
    charset: str | None = None,
) -> Explanation:
    """Like :func:`parse`, and also the decisions behind the result (``--explain``)."""
    options = options or Options()
    try:
        page = load(source, charset=charset, limits=options.limits)
        return _explain_loaded(page, url, options)
    except ArticlekitError:
        raise
    except RecursionError:
        raise LimitExceeded("page is nested too deeply to process") from None
    except MemoryError:
        raise LimitExceeded("page needs more memory than is available") from None
    except Exception as error:  # the guarantee: only ArticlekitError escapes (limits.md)
        raise InternalError.wrap(error) from error


def _explain_loaded(page: Source, url: str | None, options: Options) -> Explanation:
    page = decode_page(page, options.limits)  # clean text within limits (hostile: limits.md)
    text = page.text
    warnings = page.warnings
    if not text.strip():
        empty = Article(url=url, kind=PageKind.OTHER, status=Status.EMPTY_INPUT, warnings=warnings)
        return Explanation(empty, ())
    as_html = options.mode == "html" or (options.mode == "auto" and looks_like_html(text))
    if not as_html:
        article, lines = explain_text_dump(text, url, options)
        kind = decide_dump_kind(article.kind, url)
        # a dump declares nothing: its language is the one its text is written in
        article = replace(
            article,
            kind=kind.kind,
            lang=resolve_language(article.lang, language_sample(article.blocks)),
        )
        return Explanation(_finish(article, page, warnings), kind.decisions + lines)

    # depth and node limits enforced here; decode_page already cleaned the text
    parsed = parse_tree(text, options.limits, cleaned=True)
    tree = parsed.root
    # Every element's lxml proxy, held for the rest of the call: lxml reuses a live
    # proxy, so the stages' many walks and XPath results no longer build and free one
    # per element each time (about 4% of a parse).  Identity, order and results are
    # unchanged; the memory is a few dozen bytes per element, for this call only.
    _proxies = list(tree.iter())
    if parsed.warnings:
        page = replace(page, truncated=page.truncated or parsed.truncated)
        warnings += parsed.warnings
    # the kind is read from the untouched page: a thread's replies are comment sections,
    # cut below; the declarations are read once, for the kind and the metadata
    jsonld, meta = parse_jsonld(tree), collect_meta(tree)
    kind = decide_kind(tree, url=url, jsonld=jsonld, meta=meta)
    # cut even when comments are not wanted: their text must never reach the body
    thread = find_thread(tree)
    if thread is not None:
        # replies signed and dated below an opening post: evidence the kind stage
        # could not read, since finding the thread takes the comment stage's readers
        rule = f"a thread of signed posts ({thread.rule})"
        found = Evidence.of(PageKind.FORUM, Strength.STRONG, EvidenceSource.STRUCTURE, rule)
        kind = weigh((*kind.evidence, found))
    # one measure of text for finding the sections and reading their items: the tree
    # is unchanged in between, and each section's items are measured again when read
    lengths = TextLengths()
    # one walk finds the elements whose attribute values hold the words that the comment
    # hints and the metadata hints look for; both stages read those alone
    named = named_elements(tree, COMMENT_FRAGMENTS + HINT_FRAGMENTS)
    sections = find_comment_sections(tree, lengths, named)
    cut, comments, removed = _cut_comments(tree, thread, sections, options, lengths)
    if _declares(removed):  # a cut section held a <meta> or JSON-LD: read what is left
        metadata = extract_metadata(tree, url, named=named)
    else:
        metadata = extract_metadata(tree, url, jsonld=jsonld, meta=meta, named=named)
    byline = _byline_parts(metadata.byline_element)
    signed, authors, unsigned = signed_by(metadata, kind.kind)
    date = metadata.date
    opened: tuple[Decision, ...] = ()
    if thread is not None and kind.kind is PageKind.FORUM:
        signed, authors, date, opened = _opening_card(thread, signed, authors, date)
    # a thread's opening post is its article: the content stage reads that post alone
    scope = opening_page(thread) if thread is not None else tree
    # beyond the blocks the walk below keeps, nothing is read (hostile: limits.md)
    scope_cut = cut_after_blocks(scope, options.limits.max_blocks)
    content = find_main_content(scope, metadata, options, kind.kind)
    blocks, blocks_cut = explain_blocks(content.root, metadata, options, kind.kind)
    blocks_cut = scope_cut or blocks_cut  # one limit, cut before or during the walk
    if blocks_cut is not None:
        page = replace(page, truncated=True)
        warnings += (blocks_cut,)
    blocks, figures, shown = explain_figures(blocks) if options.figures else (blocks, (), ())
    if options.figures and content.root is not None:
        base = page_base_url(content.root, metadata.url)
        figures, lead = with_lead_figure(figures, content.lead_figure, base)
        shown += lead
    article = Article.create(
        url=metadata.url or url,
        title=metadata.title,
        byline=signed,
        authors=authors,
        date=date,
        site_name=metadata.site_name,
        description=metadata.description,
        # the declared language only where the article's text agrees (or is too short)
        lang=resolve_language(metadata.lang, language_sample(blocks)),
        image=metadata.image,
        tags=metadata.tags,
        kind=kind.kind,
        blocks=blocks,
        figures=figures,
        comments=comments,
    )
    decisions = kind.decisions + metadata.decisions + ((unsigned,) if unsigned else ()) + opened
    decisions += _with_byline(content.decisions, byline) + shown + cut
    return Explanation(_finish(article, page, warnings), decisions)


def _cut_comments(
    tree: html.HtmlElement,
    thread: Thread | None,
    sections: list[html.HtmlElement],
    options: Options,
    lengths: TextLengths,
) -> tuple[tuple[Decision, ...], tuple[Comment, ...], list[html.HtmlElement]]:
    """Read the comments (a thread's replies) and cut them from ``tree``: the decisions,
    the comments and the elements cut; ``lengths`` is the sections' measure of text."""
    if thread is None:
        comments = extract_comments(sections, lengths) if options.comments else ()
        cuts = sections
        rules = [section_rule(s) for s in sections]
    else:
        items = thread_items(thread, sections)
        comments = (
            without_shared_subjects(with_quoted_parents(extract_items(items), items))
            if options.comments
            else ()
        )
        cuts = thread_cuts(thread, sections, items)
        rules = [f"reply in a thread ({thread.rule})" for _ in cuts]
    cut = tuple(
        Decision("comments", s, Verdict.COMMENT_SECTION, r)
        for s, r in zip(cuts, rules, strict=True)
    )
    if thread is not None:
        opening = f"opening post, read as the article ({thread.rule})"
        cut += (Decision("comments", thread.opening, Verdict.CONTENT, opening),)
    cut += (_comments_decision(comments, len(cuts), options),)
    for element in cuts:
        drop_element(element)
    return cut, comments, cuts


def _declares(sections: Sequence[html.HtmlElement]) -> bool:
    """Whether a comment section holds ``<meta>`` tags or JSON-LD (a comment's microdata,
    a widget's script), which the metadata stage must not read once it is cut."""
    for section in sections:
        for element in section.iter("meta", "script"):
            if element.tag == "meta" or "ld+json" in (element.get("type") or "").lower():
                return True
    return False


def _comments_decision(comments: tuple[Comment, ...], sections: int, options: Options) -> Decision:
    if not options.comments:
        return Decision("comments", "page", Verdict.COMMENT, "not read: Options.comments is off")
    replies = sum(1 for comment in comments if comment.parent is not None)
    counted = f"{_count(len(comments), 'comment')} ({_count(replies, 'reply', 'replies')})"
    counted += f" in {_count(sections, 'section')}"
    return Decision("comments", counted, Verdict.COMMENT, "comment items of the cut sections")


def _opening_card(
    thread: Thread, byline: str | None, authors: tuple[str, ...], date: str | None
) -> tuple[str | None, tuple[str, ...], str | None, tuple[Decision, ...]]:
    """The byline, authors and date of a thread page, and the decisions taken: the
    opening post's card signs what the page signs nowhere else (its starter), and dates
    the thread better than a guess from the page's numbers ("05-02-2021")."""
    decisions: tuple[Decision, ...] = ()
    name, opened = opening_card(thread)
    if not (byline or authors):
        found = clean_byline(name)
        if found.authors:
            byline, authors = found.text, found.authors
            why = f"the thread's opening post is signed by {found.text!r} ({thread.rule})"
            decisions += (Decision("byline", thread.opening, Verdict.CHOSEN, why),)
    if opened and opened != date:
        date = opened
        why = f"the thread's opening post is dated {opened} ({thread.rule})"
        decisions += (Decision("date", thread.opening, Verdict.CHOSEN, why),)
    return byline, authors, date, decisions


def _byline_parts(
    byline: html.HtmlElement | None,
) -> tuple[set[html.HtmlElement], set[html.HtmlElement]]:
    """The byline element with what it holds, and the elements around it; taken before
    the content stage cuts the tree apart."""
    if byline is None:
        return set(), set()
    return set(byline.iter()), set(byline.iterancestors())


def _with_byline(
    decisions: tuple[Decision, ...],
    byline: tuple[set[html.HtmlElement], set[html.HtmlElement]],
) -> tuple[Decision, ...]:
    """The content stage's decisions, honest about the byline.

    Metadata is read before the content stage cuts page furniture, so the byline
    element ("<span class=author>") was read as the byline first and cut from the
    body afterwards: it is listed as the byline, and a cut around it says so.
    """
    inside, around = byline
    if not inside:
        return decisions
    honest: list[Decision] = []
    for decision in decisions:
        subject = decision.subject
        if decision.verdict is Verdict.BOILERPLATE and not isinstance(subject, str):
            if subject in inside:
                rule = f"read as the byline, then cut from the body ({decision.rule})"
                decision = replace(decision, verdict=Verdict.BYLINE, rule=rule)
            elif subject in around:
                rule = f"{decision.rule}; holds the byline, read before this cut"
                decision = replace(decision, rule=rule)
        honest.append(decision)
    return tuple(honest)


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _finish(article: Article, page: Source, warnings: tuple[str, ...]) -> Article:
    status = article.status
    if status is Status.OK and not article.blocks:
        status = Status.NO_ARTICLE
    if page.truncated and status is Status.OK:
        status = Status.TRUNCATED
    return replace(article, status=status, warnings=article.warnings + warnings)
