"""The kind stage (``articlekit.kind``): its data, each reader of the page, and how the
evidence is weighed when it disagrees.  Whole pages are in ``tests/fixtures/kind-*``."""

from __future__ import annotations

import pytest
from lxml import html

import articlekit
from articlekit.kind import decide_dump_kind, decide_kind
from articlekit.kind.address import address_evidence, slug_words
from articlekit.kind.decide import ARTICLE_PRIOR, weigh
from articlekit.kind.evidence import WEIGHTS, Evidence, Source, Strength
from articlekit.kind.page import PageMarkup, address_markup
from articlekit.kind.platforms import MARKERS, PlatformDataError, read_markers
from articlekit.kind.structure import PageShape, shape_evidence
from articlekit.model import PageKind, Status

# -- the platform markers ---------------------------------------------------------------


def test_every_marker_is_documented_and_findable() -> None:
    assert len(MARKERS) > 40
    for marker in MARKERS:
        assert marker.about and marker.platform
        assert any(
            (
                marker.generator,
                marker.root,
                marker.wrappers,
                marker.classes,
                marker.tags,
                marker.assets,
                marker.address,
            )
        ), marker


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[[marker]]\nplatform = "X"\nkind = "forum"\nstrength = "strong"\n', "about"),
        (
            '[[marker]]\nplatform = "X"\nkind = "thread"\nstrength = "weak"\nabout = "a"\n'
            'root = ["x"]\n',
            "thread",
        ),
        ('[[marker]]\nplatform = "X"\nkind = "forum"\nstrength = "weak"\nabout = "a"\n', "no way"),
        (
            '[[marker]]\nplatform = "X"\nkind = "forum"\nstrength = "weak"\nabout = "a"\n'
            'root = ["Upper"]\n',
            "lower-case",
        ),
        (
            '[[marker]]\nplatform = "X"\nkind = "forum"\nstrength = "weak"\nabout = "a"\n'
            'colour = ["x"]\n',
            "unknown keys",
        ),
        ("[other]\nx = 1\n", "[[marker]]"),
    ],
)
def test_bad_platform_data_is_refused_with_the_fault(text: str, fault: str) -> None:
    with pytest.raises(PlatformDataError, match=fault.replace("[", r"\[").replace("]", r"\]")):
        read_markers(text)


# -- weighing ---------------------------------------------------------------------------


def _piece(kind: PageKind, strength: Strength) -> Evidence:
    return Evidence.of(kind, strength, Source.DECLARED, f"{kind} {strength}")


def test_without_evidence_a_page_is_an_article() -> None:
    decision = weigh(())
    assert decision.kind is PageKind.ARTICLE
    assert decision.scores == ((PageKind.ARTICLE, ARTICLE_PRIOR),)
    assert [d.verdict.value for d in decision.decisions] == ["chosen"]


def test_a_weak_leaning_alone_does_not_outweigh_the_article() -> None:
    assert weigh([_piece(PageKind.SERVICE, Strength.WEAK)]).kind is PageKind.ARTICLE
    assert weigh([_piece(PageKind.SERVICE, Strength.MEDIUM)]).kind is PageKind.SERVICE


def test_a_tie_goes_to_a_forum_then_to_the_article() -> None:
    thread = [_piece(PageKind.FORUM, Strength.MEDIUM), _piece(PageKind.ARTICLE, Strength.WEAK)]
    assert weigh(thread).kind is PageKind.FORUM
    landing = [_piece(PageKind.SERVICE, Strength.MEDIUM), _piece(PageKind.ARTICLE, Strength.WEAK)]
    assert weigh(landing).kind is PageKind.ARTICLE


def test_evidence_against_a_kind_is_subtracted() -> None:
    against = Evidence.against(PageKind.ARTICLE, Source.ADDRESS, "a page's name")
    assert against.weight == -WEIGHTS[Strength.WEAK]
    decision = weigh([against, _piece(PageKind.LISTING, Strength.WEAK)])
    assert decision.kind is PageKind.LISTING
    assert dict(decision.scores)[PageKind.ARTICLE] == ARTICLE_PRIOR - 1


def test_every_piece_of_evidence_is_shown_by_explain() -> None:
    pieces = [_piece(PageKind.FORUM, Strength.STRONG), _piece(PageKind.ARTICLE, Strength.WEAK)]
    decisions = weigh(pieces).decisions
    assert [d.subject for d in decisions] == ["forum", "article", "forum"]
    assert decisions[0].score == WEIGHTS[Strength.STRONG]
    assert decisions[-1].verdict.value == "chosen"
    assert "forum 4" in decisions[-1].rule


# -- conflicting declarations on whole pages ----------------------------------------------

_YOAST_PRODUCT = """<html><head>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://shop.example/product/kettle/","name":"Kettle",
  "datePublished":"2023-01-01T00:00:00+00:00"},
 {"@type":"Article","@id":"https://shop.example/product/kettle/#article","headline":"Kettle"},
 {"@type":"Product","name":"Stovetop Kettle","offers":{"@type":"Offer","price":"39.00",
  "priceCurrency":"EUR"}}]}</script>
</head><body><h1>Stovetop Kettle</h1><p>A kettle for gas and induction hobs.</p></body></html>"""


def test_a_product_with_offers_outweighs_an_seo_plugins_article() -> None:
    decision = decide_kind(
        html.fromstring(_YOAST_PRODUCT), url="https://shop.example/product/kettle/"
    )
    assert decision.kind is PageKind.PRODUCT
    rules = [e.rule for e in decision.evidence]
    assert "JSON-LD: product with offers" in rules
    # the bare Article an SEO plugin declares is no evidence; WebPage's date is not a story's
    assert not any("JSON-LD: article" in rule for rule in rules)
    assert "publication date" not in rules


def test_a_news_article_with_a_product_in_its_json_ld_stays_an_article() -> None:
    page = """<html><head><meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Kettles tested",
 "datePublished":"2024-05-02","author":{"@type":"Person","name":"A. Writer"}},
 {"@type":"Product","name":"Stovetop Kettle"}]</script></head>
<body><h1>We tested twelve kettles</h1><p>Text.</p></body></html>"""
    decision = decide_kind(html.fromstring(page), url="https://news.example/2024/05/02/kettles")
    assert decision.kind is PageKind.ARTICLE


def test_an_faq_is_not_a_question_and_answer_thread() -> None:
    page = """<html><head><script type="application/ld+json">{"@type":"FAQPage","mainEntity":[
 {"@type":"Question","name":"Do you ship?","acceptedAnswer":{"@type":"Answer","text":"Yes."}}]}
</script></head><body><h1>Shipping</h1><p>We ship worldwide.</p></body></html>"""
    decision = decide_kind(html.fromstring(page))
    assert PageKind.FORUM not in dict(decision.scores)


def test_many_declared_products_are_a_listing() -> None:
    products = ",".join(
        f'{{"@type":"Product","name":"Mug {n}","offers":{{"@type":"Offer","price":"9"}}}}'
        for n in range(6)
    )
    page = f'<html><head><script type="application/ld+json">[{products}]</script></head></html>'
    assert decide_kind(html.fromstring(page)).kind is PageKind.LISTING


def test_a_platforms_template_marker_speaks_for_it_once() -> None:
    page = '<html><body id="phpbb" class="section-viewforum"><p>Topics</p></body></html>'
    decision = decide_kind(html.fromstring(page))
    platform = [e for e in decision.evidence if e.source is Source.PLATFORM]
    assert [(e.kind, e.weight) for e in platform] == [(PageKind.LISTING, WEIGHTS[Strength.MEDIUM])]


# -- the page's structure -------------------------------------------------------------------


def _markup(url: str | None = None) -> PageMarkup:
    return address_markup(url)


def test_teasers_without_a_main_text_make_a_listing() -> None:
    shape = PageShape(paragraphs=12, main_paragraphs=1, main_chars=200, headings=14, teasers=12)
    kinds = {e.kind for e in shape_evidence(shape, _markup(), dated=False)}
    assert kinds == {PageKind.LISTING}


def test_a_main_text_keeps_an_articles_related_links_from_making_it_a_listing() -> None:
    shape = PageShape(paragraphs=20, main_paragraphs=9, main_chars=4000, headings=14, teasers=12)
    kinds = {e.kind for e in shape_evidence(shape, _markup(), dated=True)}
    assert kinds == {PageKind.ARTICLE}


def test_code_blocks_and_inline_code_make_documentation() -> None:
    shape = PageShape(main_paragraphs=8, main_chars=2000, code_blocks=4, inline_code=15)
    found = shape_evidence(shape, _markup(), dated=False)
    docs = [e for e in found if e.kind is PageKind.DOCUMENTATION]
    assert docs and docs[0].weight == WEIGHTS[Strength.STRONG]


def test_sections_of_short_texts_on_an_undated_page_are_a_landing_page() -> None:
    shape = PageShape(paragraphs=9, main_paragraphs=2, main_chars=300, headings=9, sections=6)
    found = shape_evidence(shape, _markup(), dated=False)
    assert [(e.kind, e.weight) for e in found] == [(PageKind.SERVICE, WEIGHTS[Strength.MEDIUM])]
    # a date says story: the same headings are a short article's subheads
    assert not shape_evidence(shape, _markup(), dated=True)


def test_one_buy_box_is_a_product_and_a_quick_add_button_per_card_is_a_listing() -> None:
    one = shape_evidence(PageShape(cart_controls=1, prices=4), _markup(), dated=False)
    assert {e.kind for e in one} == {PageKind.PRODUCT}
    grid = shape_evidence(PageShape(cart_controls=24, prices=80), _markup(), dated=False)
    assert {e.kind for e in grid} == {PageKind.LISTING}


# -- the address --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", 0),
        ("/pricing", 1),
        ("/docs/getting-started/", 2),
        ("/news/city-council-votes-to-rebuild-the-harbour-wall.html", 8),
        ("/wiki/Port_Alden", 2),
    ],
)
def test_slug_words(path: str, words: int) -> None:
    assert slug_words(path) == words


def test_a_headline_or_a_date_in_the_address_leans_to_an_article() -> None:
    for url in (
        "https://news.example/local/city-council-votes-to-rebuild-the-harbour-wall",
        "https://news.example/2024/05/harbour",
        "https://news.example/article.php?id=482913",
    ):
        (piece,) = address_evidence(address_markup(url))
        assert piece.kind is PageKind.ARTICLE and piece.weight > 0, url


def test_a_pages_name_in_the_address_leans_away_from_an_article() -> None:
    (piece,) = address_evidence(address_markup("https://tool.example/pricing"))
    assert piece.kind is PageKind.ARTICLE and piece.weight < 0
    assert address_evidence(address_markup("https://tool.example/")) == ()
    assert address_evidence(address_markup(None)) == ()


# -- text dumps and the pipeline ----------------------------------------------------------


def test_a_dumps_kind_comes_from_its_lines_and_its_address() -> None:
    assert decide_dump_kind(PageKind.LISTING).kind is PageKind.LISTING
    assert decide_dump_kind(PageKind.ARTICLE).kind is PageKind.ARTICLE
    thread = decide_dump_kind(PageKind.ARTICLE, "https://forum.example/t/a-question/812")
    assert thread.kind is PageKind.FORUM


def test_empty_input_is_of_no_kind() -> None:
    article = articlekit.parse("   \n ")
    assert article.status is Status.EMPTY_INPUT
    assert article.kind is PageKind.OTHER


def test_a_page_without_an_article_keeps_its_kind() -> None:
    teasers = "".join(
        f'<article><h2><a href="/story-{n}">Story number {n} of the day</a></h2>'
        f"<p>A short teaser for story {n}.</p></article>"
        for n in range(10)
    )
    page = f"<html><body><h1>Local</h1>{teasers}</body></html>"
    article = articlekit.parse(page, url="https://news.example/local/")
    assert article.kind is PageKind.LISTING
    assert article.to_dict()["kind"] == "listing"


def test_a_page_settled_by_its_declarations_is_not_scanned_further() -> None:
    page = """<html><head><meta name="generator" content="Discourse 3.4.0">
<script type="application/ld+json">{"@type":"QAPage","name":"Q"}</script></head>
<body><h1>Q</h1><p>Question.</p></body></html>"""
    decision = decide_kind(html.fromstring(page), url="https://forum.example/t/q/12")
    assert decision.kind is PageKind.FORUM and decision.settled
    cheap = {Source.DECLARED, Source.PLATFORM, Source.ADDRESS}
    assert {e.source for e in decision.evidence} <= cheap
    assert "settled without reading the structure" in decision.decisions[-1].rule
    open_page = "<html><body><h1>Notes</h1><p>Some text.</p></body></html>"
    assert not decide_kind(html.fromstring(open_page)).settled


def test_explain_shows_the_kind_stage_first() -> None:
    page = '<html><head><meta name="generator" content="Discourse 3.4"></head><body><p>Hi</p>'
    decisions = articlekit.explain(page).decisions
    assert decisions[0].stage == "kind"
    assert any(d.stage == "kind" and d.verdict.value == "chosen" for d in decisions)
