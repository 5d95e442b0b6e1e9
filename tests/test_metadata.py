"""Metadata stage: each field from the page sources that templates use."""

from __future__ import annotations

import pytest
from lxml import html

from articlekit.input.tree import build_tree
from articlekit.metadata.extract import Metadata, extract_metadata


def meta_of(markup: str, url: str | None = None) -> Metadata:
    return extract_metadata(build_tree(markup), url)


NEWS_JSONLD = """<html lang="en-us"><head>
<title>Storm closes harbour | Coast Times</title>
<meta property="og:site_name" content="Coast Times">
<meta property="og:title" content="Storm closes harbour | Coast Times">
<meta property="og:image" content="/img/storm.jpg">
<meta name="description" content="The harbour &amp;amp; the pier are shut.">
<meta name="keywords" content="storm, harbour,weather">
<link rel="canonical" href="https://coast.example/news/storm">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "#site", "name": "Coast Times"},
  {"@type": "Person", "@id": "#p1", "name": "Jane Doe"},
  {"@type": "NewsArticle", "headline": "Storm closes harbour",
   "datePublished": "2021-03-04T08:00:00+01:00", "dateModified": "2021-03-09T10:00:00+01:00",
   "author": [{"@id": "#p1"}, {"@type": "Person", "name": "John Roe"}],
   "publisher": {"@type": "Organization", "name": "Coast Times Media"}},
]}
</script></head><body>
<header><nav><a href="/">Home</a></nav></header>
<article><h1>Storm closes harbour</h1>
<p class="byline">By <a rel="author" href="/a/jane">Jane Doe</a> and John Roe</p>
<p>The harbour was closed on Thursday after the storm.</p></article>
<aside class="related"><div class="author">By Max Other</div></aside>
</body></html>"""


def test_news_page_with_jsonld_graph() -> None:
    meta = meta_of(NEWS_JSONLD, "https://coast.example/x?utm=1")
    assert meta.title == "Storm closes harbour"
    assert meta.byline == "Jane Doe and John Roe"
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.date == "2021-03-04"
    assert meta.site_name == "Coast Times"
    assert meta.url == "https://coast.example/news/storm"
    assert meta.image == "https://coast.example/img/storm.jpg"
    assert meta.description == "The harbour & the pier are shut."
    assert meta.tags == ("storm", "harbour", "weather")
    assert meta.lang == "en-US"


def test_broken_jsonld_is_repaired() -> None:
    markup = """<html><head><script type="application/ld+json">
    <!-- plugin output -->
    {"@type": "BlogPosting", "headline": "Tabs\tand commas", "datePublished": "2020-02-03",
     "author": {"@type": "Person", "name": "Ana Ruiz"},}
    </script></head><body><p>Text</p><footer>Ana Ruiz</footer></body></html>"""
    meta = meta_of(markup)
    assert meta.title == "Tabs and commas"
    assert meta.date == "2020-02-03"
    assert meta.authors == ("Ana Ruiz",)


def test_visible_byline_wins_over_cms_account() -> None:
    markup = """<html><head><meta name="author" content="webteam">
    <title>Rathaus wird saniert - Stadtblatt</title></head><body>
    <h1>Rathaus wird saniert</h1><div class="meta"><span>Von Heike Buchter</span></div>
    <p>Der Umbau beginnt im Mai.</p></body></html>"""
    meta = meta_of(markup)
    assert meta.byline == "Heike Buchter"
    assert meta.authors == ("Heike Buchter",)
    assert meta.title == "Rathaus wird saniert"


def test_structured_author_not_shown_on_page_is_not_a_byline() -> None:
    markup = """<html><head><meta name="author" content="Karl Admin">
    <title>Opening hours</title></head><body><h1>Opening hours</h1>
    <p>We are open daily.</p></body></html>"""
    assert meta_of(markup).byline is None


def test_site_name_is_not_an_author() -> None:
    markup = """<html><head><meta property="og:site_name" content="Die Tagespresse">
    <meta name="author" content="Tagespresse"><title>Satire</title></head>
    <body><h1>Satire</h1><p>Tagespresse text.</p></body></html>"""
    assert meta_of(markup).byline is None


@pytest.mark.parametrize(
    ("shown", "byline", "authors"),
    [
        ("By Jane Doe, Senior Editor", "Jane Doe", ("Jane Doe",)),
        ("Par Sébastien Farcis", "Sébastien Farcis", ("Sébastien Farcis",)),
        (
            "Por Nuño Domínguez y Ana Ruiz",
            "Nuño Domínguez y Ana Ruiz",
            ("Nuño Domínguez", "Ana Ruiz"),
        ),
        (
            "Von Anna Kubišta und Tobias Weber | 12.03.2022",
            "Anna Kubišta und Tobias Weber",
            ("Anna Kubišta", "Tobias Weber"),
        ),
        ("Written by Evan Symon, August 4, 2022", "Evan Symon", ("Evan Symon",)),
        ("Interview: Julia Lauter", "Julia Lauter", ("Julia Lauter",)),
        ("By Jane Doe jane@example.com", "Jane Doe", ("Jane Doe",)),
    ],
)
def test_byline_text_is_cleaned(shown: str, byline: str, authors: tuple[str, ...]) -> None:
    markup = f"""<html><head><title>Headline here today</title></head><body>
    <article><h1>Headline here today</h1><div class="byline">{shown}</div>
    <p>Body text.</p></article></body></html>"""
    meta = meta_of(markup)
    assert meta.byline == byline
    assert meta.authors == authors


def test_related_and_navigation_authors_are_ignored() -> None:
    markup = """<html><head><title>Main story</title></head><body>
    <nav><ul class="menu-authors"><li class="author">Pierre Menu</li></ul></nav>
    <h1>Main story</h1><p>Text of the story.</p>
    <div class="related-posts"><article><h2>Other</h2><span class="author">Olga Other</span>
    </article></div></body></html>"""
    assert meta_of(markup).byline is None


def test_comment_signature_is_not_a_byline() -> None:
    markup = """<html><head><title>Post</title></head><body><h1>Post</h1><p>Text.</p>
    <div class="author-line">Anhora sagt:</div></body></html>"""
    assert meta_of(markup).byline is None


@pytest.mark.parametrize(
    ("head", "h1", "title"),
    [
        (
            "<title>Gute Löhne alleine reichen nicht | Volksstimme</title>",
            "",
            "Gute Löhne alleine reichen nicht",
        ),
        ("<title>Site :: Ein Titel mit vielen Wörtern</title>", "", "Ein Titel mit vielen Wörtern"),
        (
            '<meta property="og:site_name" content="ZEIT ONLINE">'
            "<title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>",
            '<h1><span class="article-heading__kicker">Klimaschutz</span>'
            '<span class="visually-hidden">: </span>'
            '<span class="article-heading__title">Bohren, bis es heiß wird</span></h1>',
            "Bohren, bis es heiß wird",
        ),
        (
            "<title>Spider-Man returns</title>",
            "<h1>Spider-Man returns</h1>",
            "Spider-Man returns",
        ),
        (
            "<title>Silicon Exposed: Open flow for programmable logic</title>"
            '<meta property="og:title" content="Open flow for programmable logic">',
            '<h1 class="title">Silicon Exposed</h1>'
            '<h3 class="post-title">Open flow for programmable logic</h3>',
            "Open flow for programmable logic",
        ),
        ("<title>Mes\u00adsen\u00adger sind da</title>", "", "Messenger sind da"),
    ],
)
def test_title(head: str, h1: str, title: str) -> None:
    markup = f"<html><head>{head}</head><body>{h1}<p>Text.</p></body></html>"
    assert meta_of(markup).title == title


@pytest.mark.parametrize(
    ("markup", "url", "date"),
    [
        (
            '<meta property="article:published_time" content="2019-10-16T10:00:00+02:00">',
            None,
            "2019-10-16",
        ),
        ('<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">', None, "2019-10-19"),
        ("<h1>Headline of the article</h1><p>Veröffentlicht am 16.08.2019</p>", None, "2019-08-16"),
        ("<h1>Headline of the article</h1><span>15 августа 2016, 13:43</span>", None, "2016-08-15"),
        # the year first, as Hungarian pages write a day
        ("<h1>Headline</h1><span>2023. március 14. 08:30</span>", None, "2023-03-14"),
        # month names in the genitive, as Polish and Czech write a day
        ("<h1>Headline of the article</h1><span>16 marca 2021</span>", None, "2021-03-16"),
        ("<h1>Headline of the article</h1><span>12. května 2021</span>", None, "2021-05-12"),
        ("<h1>Headline of the article</h1><span>14 Kasım 2019</span>", None, "2019-11-14"),
        ("<h1>Headline of the article</h1><span>2021年3月16日 10:20</span>", None, "2021-03-16"),
        (
            "<h1>Headline of the article</h1>"
            "<time datetime='2020-02-23T10:07:02+01:00' class='published'>x</time>",
            None,
            "2020-02-23",
        ),
        ("<p>nothing here</p>", "https://example.org/2018/06/12/some-story/", "2018-06-12"),
        # a date-only field saved as local midnight in UTC belongs to the next day
        (
            '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">',
            None,
            "2022-11-07",
        ),
    ],
)
def test_date(markup: str, url: str | None, date: str) -> None:
    assert meta_of(f"<html><head></head><body>{markup}</body></html>", url).date == date


def test_published_date_beats_modified_date() -> None:
    markup = """<html><head>
    <meta property="article:modified_time" content="2018-07-24T14:15:58-04:00">
    <meta property="article:published_time" content="2017-12-15T08:50:02-05:00">
    </head><body><h1>The best films of the year</h1><p>Updated</p><p>Jul 24, 2018</p>
    </body></html>"""
    assert meta_of(markup).date == "2017-12-15"


def test_shown_date_backed_only_by_a_modification_date_is_an_update() -> None:
    # a teaser's date next to the headline matches the page's last update
    markup = """<html><head>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "New tools",
      "datePublished": "2020-07-10T14:15:42+00:00",
      "dateModified": "2025-01-07T09:08:22+00:00"}</script>
    <meta property="article:modified_time" content="2025-01-07T09:08:22+00:00">
    </head><body><div>Webinar series - 7 January 2025</div><ul><li>News</li><li>Events</li>
    <li>Guides</li><li>Reports</li></ul><h1>New tools</h1>
    <p>Text of the article.</p></body></html>"""
    assert meta_of(markup).date == "2020-07-10"


def test_shown_date_decides_between_disagreeing_sources() -> None:
    markup = """<html><head>
    <script type="application/ld+json">{"@type": "Article", "headline": "Weihnachten",
      "datePublished": "2021-12-06 14:36"}</script>
    <meta property="article:published_time" content="2022-12-15T09:13:00">
    </head><body><h1>Weihnachten</h1><div>15.12.2022</div><p>Text</p></body></html>"""
    assert meta_of(markup).date == "2022-12-15"


@pytest.mark.parametrize(
    ("attributes", "meta", "lang"),
    [
        ('lang="de-de"', "", "de-DE"),
        ('lang="EN"', "", "en"),
        ("", '<meta property="og:locale" content="fr_FR">', "fr-FR"),
        ("", '<meta http-equiv="content-language" content="es">', "es"),
        ("", "", None),
    ],
)
def test_language(attributes: str, meta: str, lang: str | None) -> None:
    markup = f"<html {attributes}><head>{meta}</head><body><p>x</p></body></html>"
    assert meta_of(markup).lang == lang


def test_url_falls_back_to_given_url_and_base_makes_links_absolute() -> None:
    markup = """<html><head><base href="https://cdn.example/assets/">
    <meta name="twitter:image" content="pic.png"></head><body><p>x</p></body></html>"""
    meta = meta_of(markup, "https://example.org/page")
    assert meta.url == "https://example.org/page"
    assert meta.image == "https://cdn.example/assets/pic.png"


def test_rel_tag_links_and_article_tags() -> None:
    markup = """<html><head><meta property="article:tag" content="Politik">
    </head><body><a rel="tag" href="/t/wahl">Wahl</a><a rel="tag" href="/t/p">politik</a>
    </body></html>"""
    assert meta_of(markup).tags == ("Politik", "Wahl")


def test_empty_page_gives_empty_metadata() -> None:
    assert meta_of("<html><body></body></html>") == Metadata()


def test_tree_is_not_modified() -> None:
    tree = build_tree(NEWS_JSONLD)
    before = html.tostring(tree)
    extract_metadata(tree, None)
    assert html.tostring(tree) == before


def test_listing_of_articles_has_no_byline_and_no_date() -> None:
    items = "".join(
        f"""<article><h2><a href="/p{i}">Story number {i} about rents</a></h2>
        <div class="entry-meta"><span class="byline">By <span class="author vcard">{name}</span>
        </span><time class="entry-date published" datetime="2019-06-1{i}">June 1{i}, 2019</time>
        </div><p>Teaser text.</p></article>"""
        for i, name in enumerate(["Marisol Ortega", "Kwame Boateng", "Ana Ferrer"])
    )
    markup = f"""<html><head><title>Housing | Harbor Ledger</title></head><body>
    <h1>Housing</h1>{items}</body></html>"""
    meta = meta_of(markup)
    assert meta.byline is None
    assert meta.date is None


@pytest.mark.parametrize(
    ("lang", "date"),
    [("en-US", "2020-03-10"), ("en-GB", "2020-10-03"), ("de", "2020-10-03")],
)
def test_slash_dates_follow_the_page_language(lang: str, date: str) -> None:
    markup = f"""<html lang="{lang}"><head><title>Repair session report</title></head><body>
    <h1>Repair session report</h1><div>Submitted by Ines Halvorsen on 03/10/2020</div>
    <p>Text.</p></body></html>"""
    assert meta_of(markup).date == date


def test_site_name_from_title_when_not_declared() -> None:
    markup = """<html><head><title>Observing report: Perseids -- Northfield Club</title></head>
    <body><h1>Observing report: Perseids</h1><p>Text.</p></body></html>"""
    meta = meta_of(markup)
    assert meta.title == "Observing report: Perseids"
    assert meta.site_name == "Northfield Club"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("<span class='author'>بقلم: سلمى الحداد</span>", "سلمى الحداد"),
        ("<p>文・佐々木透</p>", "佐々木透"),
        ("<p>February 3, 2021 · 5 minute read · Lars Brenninkmeijer</p>", "Lars Brenninkmeijer"),
        ("<p>Submitted by <span>Ines Halvorsen</span> on Tue, 03/10/2020</p>", "Ines Halvorsen"),
    ],
)
def test_bylines_in_other_scripts_and_meta_lines(line: str, name: str) -> None:
    markup = f"""<html><head><title>A headline for the test</title></head><body>
    <article><h1>A headline for the test</h1>{line}<p>Body text here.</p></article>
    </body></html>"""
    assert meta_of(markup).authors == (name,)


def test_account_name_in_metadata_becomes_a_person_name() -> None:
    markup = """<html><head><meta name="author" content="robert.stitz">
    <title>Tischdecke waschen</title></head><body><h1>Tischdecke waschen</h1>
    <p>Ein Tipp von Robert Stitz.</p></body></html>"""
    assert meta_of(markup).byline == "Robert Stitz"


def test_organisation_in_author_metadata_is_not_a_byline() -> None:
    markup = """<html><head><meta name="author" content="Deutsches Weininstitut GmbH">
    <title>Riesling</title></head><body><h1>Riesling</h1>
    <p>Deutsches Weininstitut GmbH informiert.</p></body></html>"""
    assert meta_of(markup).byline is None


def test_date_line_at_the_headline_beats_disagreeing_declarations() -> None:
    markup = """<html lang="de"><head>
    <meta property="article:published_time" content="2020-04-29T06:00:00+02:00">
    </head><body><article><h1>Daten von Rheinmetall gehackt</h1>
    <div class="meta">28.04.2020</div><p>Der Text beginnt hier.</p></article></body></html>"""
    assert meta_of(markup).date == "2020-04-28"


def test_ambiguous_slash_date_follows_the_declared_reading() -> None:
    markup = """<html lang="de"><head>
    <meta property="article:published_time" content="2021-11-01T08:00:00+01:00">
    </head><body><article><h1>Der neue Elektro-Roller im Test</h1>
    <div class="meta">11/01/2021</div><p>Text.</p></article></body></html>"""
    assert meta_of(markup).date == "2021-11-01"


def test_newsroom_byline_is_kept() -> None:
    markup = """<html><head><title>Sperrung der Brücke</title></head><body><article>
    <h1>Sperrung der Brücke</h1><div class="td-post-author-name">Von <a>Redaktion</a></div>
    <p>Die Brücke bleibt gesperrt.</p></article></body></html>"""
    assert meta_of(markup).byline == "Redaktion"


def test_unlabelled_update_date_above_the_publication_date() -> None:
    # both dates printed at the headline; only the second is declared as published
    markup = """<html><head>
    <meta property="article:published_time" content="2022-12-25T11:00:02+00:00">
    <meta property="article:modified_time" content="2022-12-07T09:10:52+00:00">
    </head><body><h1>Erfinderinnen: Ann Kiessling</h1><p>Isabell Beispiel</p>
    <span>2022-12-07T10:10:52+01:00</span><span>25. Dezember 2022</span>
    <p>Ihr gelang so einiges in ihrem Leben.</p></body></html>"""
    assert meta_of(markup).date == "2022-12-25"


def test_permalink_month_outweighs_a_teaser_date_at_the_headline() -> None:
    markup = """<html><head>
    <meta property="article:published_time" content="2019-10-01">
    </head><body><ul><li>Musik</li><li>Faszination Loopstation</li><li>18. Januar 2019</li>
    </ul><h1>New Balance FuelCell Echo</h1><p>Der Schuh bringt Speed.</p></body></html>"""
    url = "https://blog.example/2019/10/new-balance-fuelcell-echo/"
    assert meta_of(markup, url).date == "2019-10-01"


def test_day_month_year_with_spaces_after_the_dots() -> None:
    markup = """<html><head></head><body><h1>Davis Cup: zwei Neulinge nominiert</h1>
    <p>Von Deutscher Tennis Bund</p><p>4.\u20092.\u20092022.</p>
    <p>Teamchef Michael Beispiel hat die Mannschaft nominiert.</p></body></html>"""
    assert meta_of(markup).date == "2022-02-04"


def test_a_product_service_or_listing_page_is_signed_by_no_one() -> None:
    from articlekit.metadata.extract import Metadata, signed_by
    from articlekit.model import PageKind

    metadata = Metadata(byline="Shop Admin", authors=("Shop Admin",))
    for kind in (PageKind.PRODUCT, PageKind.SERVICE, PageKind.LISTING):
        byline, authors, decision = signed_by(metadata, kind)
        assert (byline, authors) == (None, ())
        assert decision is not None and kind in decision.rule
    assert signed_by(metadata, PageKind.ARTICLE) == ("Shop Admin", ("Shop Admin",), None)
    assert signed_by(metadata, PageKind.FORUM)[:2] == ("Shop Admin", ("Shop Admin",))
