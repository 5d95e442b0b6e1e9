"""Metadata stage: byline and title rules for template patterns seen across sites."""

from __future__ import annotations

import pytest

from articlekit.input.tree import build_tree
from articlekit.metadata.byline import clean_byline, split_names
from articlekit.metadata.extract import Metadata, extract_metadata
from articlekit.metadata.title import strip_site_name


def meta_of(markup: str, url: str | None = None) -> Metadata:
    return extract_metadata(build_tree(markup), url)


@pytest.mark.parametrize(
    ("shown", "authors"),
    [
        ("Posted on September 21, 2020 by Adi Tzlil", ("Adi Tzlil",)),
        ("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet", ("Fritz Imhof",)),
        ("Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.", ("Uta Staschewski",)),
        ("Presseartikel vom 12. Oktober 1999, verfasst von Jürgen Höß", ("Jürgen Höß",)),
        ("Autoren Jelko Djuren und Jutta Klaukien", ("Jelko Djuren", "Jutta Klaukien")),
        ("Gespeichert von rasos am 24. Juli 2017", ("rasos",)),
        ("---- by Kenneth Surin", ("Kenneth Surin",)),
        ("Thread starter Tiberius", ("Tiberius",)),
        ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)", ("Eberhard Fuhr",)),
        (
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ("Martin Untersinger", "Damien Leloup", "Morgane Tual"),
        ),
        ("Auteur", ()),
    ],
)
def test_byline_lines(shown: str, authors: tuple[str, ...]) -> None:
    assert clean_byline(shown).authors == authors


def test_month_and_day_names_are_also_first_names() -> None:
    assert split_names("Jan Kupitz") == ["Jan Kupitz"]
    assert split_names("April Roach, Mo Farah") == ["April Roach", "Mo Farah"]
    assert split_names("Monday") == []
    assert clean_byline("Joe Wee Monday").authors == ("Joe Wee",)


def test_sentence_after_a_by_word_is_not_a_byline() -> None:
    assert clean_byline("Von Einheimischen, Gästen und ganz viel Kühen").authors == ()


def test_jsonld_author_with_month_first_name() -> None:
    markup = """<html><head><title>Die Tabelle</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Die Tabelle",
    "author": {"@type": "Person", "name": "Jan Kupitz"}}</script></head><body>
    <article><h1>Die Tabelle</h1><a class="x1">Jan Kupitz</a><p>Text.</p></article>
    </body></html>"""
    assert meta_of(markup).byline == "Jan Kupitz"


def test_by_word_in_its_own_element() -> None:
    markup = """<html><head><title>Crash closes highway</title></head><body><article>
    <h1>Crash closes highway</h1><div class="q1"><span>By</span><a class="q2">Alex Doe</a></div>
    <p>The highway was closed.</p></article></body></html>"""
    assert meta_of(markup).byline == "Alex Doe"


def test_byline_in_a_post_footer_and_a_meta_aside() -> None:
    footer = """<html><head><title>Ein Tag am See</title></head><body><article>
    <h1>Ein Tag am See</h1><p>Wir waren am See, es war schön.</p>
    <footer class="entry-meta"><span class="byline">von Andrea Beispiel</span></footer>
    </article><footer class="site-footer"><span class="author">Max Fremd</span></footer>
    </body></html>"""
    assert meta_of(footer).byline == "Andrea Beispiel"
    aside = """<html><head><title>Ein Bericht</title></head><body><main>
    <aside class="meta"><p class="authors">Von: Moritz Beispiel</p></aside>
    <h1>Ein Bericht</h1><p>Der Bericht.</p></main></body></html>"""
    assert meta_of(aside).byline == "Moritz Beispiel"


def test_layout_classes_naming_a_sidebar_do_not_hide_the_byline() -> None:
    markup = """<html><head><title>A long story</title></head><body>
    <section class="wrapper__with-sidebar"><article class="sticky-sidebar-parent">
    <h1>A long story</h1><div class="wrap-byline">By Emily Example 8 January 2020</div>
    <p>Story text.</p></article><div class="sidebar"><div class="byline">By Other Person</div>
    </div></section></body></html>"""
    assert meta_of(markup).byline == "Emily Example"


def test_lone_first_name_is_completed_from_the_page() -> None:
    markup = """<html><head><title>Kulturtechnik</title><meta name="author" content="Nils">
    </head><body><article><h1>Kulturtechnik</h1><p>Ein Text.</p>
    <p class="bio">Nils Pickert schreibt hier jede Woche.</p></article></body></html>"""
    assert meta_of(markup).byline == "Nils Pickert"


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Lorem ipsum dolor sit amet \u2013 My website", "Lorem ipsum dolor sit amet"),
        (
            "Bericht zur Coronalage \u2013 worauf wartet die Politik?",
            "Bericht zur Coronalage \u2013 worauf wartet die Politik?",
        ),
        (
            "Four Years \u00bb Blog Archive \u00bb Interning of Small Integers",
            "Interning of Small Integers",
        ),
    ],
)
def test_strip_site_name(title: str, stripped: str) -> None:
    assert strip_site_name(title, []) == stripped


def test_title_naming_the_site_keeps_the_page_name() -> None:
    markup = """<html><head><title>The Daily Paper en Español - The Daily Paper</title>
    <meta property="og:site_name" content="The Daily Paper">
    <meta property="og:title" content="The Daily Paper en Español"></head>
    <body><p>Noticias.</p></body></html>"""
    assert meta_of(markup).title == "The Daily Paper en Español"


def test_author_label_in_its_own_element() -> None:
    markup = """<html><head><title>Une analyse</title></head><body><article>
    <h1>Une analyse</h1><dl class="post-info"><dt>Auteur</dt><dd>Uriel Exemple</dd>
    <dt>Date</dt><dd>2 mars 2020</dd></dl><p>Le texte.</p></article></body></html>"""
    assert meta_of(markup).byline == "Uriel Exemple"


def test_site_name_inside_a_headline_does_not_cut_the_headline() -> None:
    # og:site_name is a word of the headline; the headline is still the headline
    markup = """<html><head><meta property="og:site_name" content="Privatkredit">
    <title>Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten | LENDR</title></head>
    <body><h1><span class="headline">Wie hoch sind die Zinsen für einen Privatkredit?</span></h1>
    <p>Text.</p></body></html>"""
    assert meta_of(markup).title == "Wie hoch sind die Zinsen für einen Privatkredit?"


def test_headline_after_many_teaser_titles_is_still_found() -> None:
    teasers = "".join(
        f'<h2 class="teaser__title">Teaser number {n} about something</h2>' for n in range(120)
    )
    markup = f"""<html><head></head><body><h2 class="dossier__title">Corona</h2>
    <div class="dossier">{teasers}</div><article><h1>Achtsam durch die Krise</h1>
    <p>Text.</p></article></body></html>"""
    assert meta_of(markup).title == "Achtsam durch die Krise"


@pytest.mark.parametrize(
    "logo",
    [
        '<div id="header"><h1><a href="/">Liebe geht durch den Magen</a></h1></div>',
        '<header id="masthead"><h1 class="site-title"><a href="/">Liebe geht durch den Magen'
        "</a></h1></header>",
        '<div class="container"><h1 class="de-DE branding">Liebe geht durch den Magen</h1></div>',
    ],
)
def test_blog_name_heading_is_not_the_title(logo: str) -> None:
    markup = f"""<html><head>
    <title>Rinderleber-Geschnetzeltes mit Apfel und Zwiebel | Liebe geht durch den Magen</title>
    </head><body>{logo}<div class="post"><p>Ein Rezept.</p></div></body></html>"""
    assert meta_of(markup).title == "Rinderleber-Geschnetzeltes mit Apfel und Zwiebel"


def test_article_heading_in_an_entry_header_is_not_a_blog_name() -> None:
    markup = """<html><head><title>Was ist Innovation? | Management Notes</title></head>
    <body><header id="branding"><h1>Management Notes</h1></header>
    <article><header class="entry-header"><h1 class="entry-title">Was ist Innovation?</h1>
    </header><p>Text.</p></article></body></html>"""
    assert meta_of(markup).title == "Was ist Innovation?"


def test_of_two_headings_in_the_title_the_longer_is_the_headline() -> None:
    markup = """<html><head><meta name="title"
    content="Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes">
    <title>Amt online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes</title>
    </head><body><h1>Fachmeldungen</h1><h1>Verkündung des Tabaksteuermodernisierungsgesetzes</h1>
    <p>Text.</p></body></html>"""
    assert meta_of(markup).title == "Verkündung des Tabaksteuermodernisierungsgesetzes"


@pytest.mark.parametrize(
    ("heading", "page_title", "expected"),
    [
        # a documentation generator's permalink mark, and the site after a spaced dash
        (
            'Quickstart<a class="headerlink" href="#quickstart">¶</a>',
            "Quickstart — Widget Documentation (3.1.x)",
            "Quickstart",
        ),
        ("Packages", "Packages - ExampleWiki", "Packages"),
        ('Models<a href="#models">¶</a>', "Models | Example documentation | Example", "Models"),
    ],
)
def test_heading_that_leads_the_page_title_is_the_title(
    heading: str, page_title: str, expected: str
) -> None:
    markup = f"""<html><head><title>{page_title}</title></head><body><main>
    <h1>{heading}</h1><p>The first paragraph of the page explains what follows.</p>
    </main></body></html>"""
    assert extract_metadata(build_tree(markup)).title == expected
