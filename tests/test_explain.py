"""``articlekit.explain``: every field's candidates, the one chosen and the rule."""

from __future__ import annotations

from articlekit import explain
from articlekit.explain import Decision, Verdict

_PARA = (
    "<p>The council voted on Tuesday to build protected bike lanes along Harbor Street, "
    "after months of hearings, petitions and a study of traffic at the busiest corners.</p>"
)


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _of(markup: str, stage: str, verdict: Verdict) -> list[Decision]:
    decisions = explain(markup).decisions
    return [d for d in decisions if d.stage == stage and d.verdict is verdict]


def test_title_decision_names_the_heading_and_the_rule() -> None:
    markup = _page(
        "<title>Council approves bike lanes | Gazette</title>"
        '<meta property="og:title" content="Council approves bike lanes">',
        "<article><h1>Council approves bike lanes</h1>" + _PARA * 3 + "</article>",
    )
    [chosen] = _of(markup, "title", Verdict.CHOSEN)
    assert chosen.target == "'Council approves bike lanes'"
    assert chosen.rule == "visible <h1> agrees with og:title"
    candidates = [str(d) for d in _of(markup, "title", Verdict.CANDIDATE)]
    assert any("<h1> 'Council approves bike lanes'" in line for line in candidates)
    assert any("og:title 'Council approves bike lanes'" in line for line in candidates)


def test_jsonld_publication_date_beats_the_modified_date() -> None:
    markup = _page(
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2024-03-12T09:00:00-05:00"}</script>'
        '<meta property="article:modified_time" content="2024-03-13T10:00:00-05:00">',
        "<article><h1>Bike lanes</h1>" + _PARA * 3 + "</article>",
    )
    explained = explain(markup)
    assert explained.article.date == "2024-03-12"
    dates = [d for d in explained.decisions if d.stage == "date"]
    assert [d.target for d in dates if d.verdict is Verdict.CANDIDATE] == [
        "2024-03-12 from JSON-LD datePublished",
        "2024-03-13 from meta article:modified_time",
    ]
    assert [d.rule for d in dates if d.verdict is Verdict.CANDIDATE] == ["publication", "update"]
    [chosen] = [d for d in dates if d.verdict is Verdict.CHOSEN]
    assert (chosen.target, chosen.rule) == ("2024-03-12", "declared publication date (most votes)")


def test_byline_element_is_listed_as_byline_not_boilerplate() -> None:
    markup = _page(
        "<title>Bike lanes</title>",
        '<article><h1>Bike lanes</h1><div class="byline">By Maria Alvarez</div>'
        + _PARA * 3
        + "</article>",
    )
    decisions = explain(markup).decisions
    [chosen] = [d for d in decisions if d.stage == "byline" and d.verdict is Verdict.CHOSEN]
    assert chosen.target == "'Maria Alvarez' from <div.byline> 'By Maria Alvarez'"
    cut = [d for d in decisions if not isinstance(d.subject, str) and "byline" in d.target]
    assert [d.verdict for d in cut if d.stage == "boilerplate"] == [Verdict.BYLINE]
    assert all(d.verdict is not Verdict.BOILERPLATE for d in cut)


def test_figure_caption_and_credit_decisions() -> None:
    markup = _page(
        "<title>Bike lanes</title>",
        "<article><h1>Bike lanes</h1>"
        + _PARA
        + '<figure><img src="https://example.org/lane.jpg" alt="">'
        "<figcaption>Cyclists on Harbor Street. Photo: Daniel Okafor</figcaption></figure>"
        + _PARA * 2
        + "</article>",
    )
    decisions = explain(markup).decisions
    [caption] = [d for d in decisions if d.verdict is Verdict.CAPTION]
    [credit] = [d for d in decisions if d.verdict is Verdict.CREDIT]
    assert caption.target == "'Cyclists on Harbor Street.' for image https://example.org/lane.jpg"
    assert caption.rule == "figcaption or caption element of the figure"
    assert credit.target == "'Daniel Okafor' for image https://example.org/lane.jpg"


def test_content_root_decision_names_the_element_and_its_score() -> None:
    markup = _page("<title>Bike lanes</title>", '<div id="story">' + _PARA * 3 + "</div>")
    [root] = [d for d in _of(markup, "content", Verdict.CONTENT) if d.rule.startswith("main")]
    assert root.target.startswith("<div#story> 'The council voted")
    assert root.rule == "main content: best score"
    assert root.score is not None and root.score > 0


def test_comments_decision_counts_them() -> None:
    comment = (
        '<li class="comment" id="comment-{n}"><div class="comment-author">Reader {n}</div>'
        '<div class="comment-content"><p>I ride this street every day and this is great news '
        "for all of us, number {n}.</p></div>{reply}</li>"
    )
    reply = '<ol class="children">' + comment.format(n=3, reply="") + "</ol>"
    thread = (
        '<div id="comments" class="comments-area"><h2>2 thoughts</h2><ol class="comment-list">'
        + comment.format(n=1, reply=reply)
        + comment.format(n=2, reply="")
        + "</ol></div>"
    )
    markup = _page(
        "<title>Bike lanes</title>",
        "<article><h1>Bike lanes</h1>" + _PARA * 3 + "</article>" + thread,
    )
    explained = explain(markup)
    [counted] = [d for d in explained.decisions if d.verdict is Verdict.COMMENT]
    assert len(explained.article.comments) == 3
    assert counted.target == "3 comments (1 reply) in 1 section"


def test_str_of_a_decision_is_one_line() -> None:
    markup = _page(
        "<title>Bike lanes</title>", "<article><h1>Bike lanes</h1>" + _PARA + "</article>"
    )
    assert all("\n" not in str(d) for d in explain(markup).decisions)
