"""Byline rules for template patterns seen across sites (one test per rule)."""

from __future__ import annotations

import pytest

from articlekit.input.tree import build_tree
from articlekit.metadata.byline import Byline, clean_byline
from articlekit.metadata.extract import Metadata, extract_metadata


def meta_of(markup: str, url: str | None = None) -> Metadata:
    return extract_metadata(build_tree(markup), url)


def nested(inner: str, depth: int) -> str:
    return "<div>" * depth + inner + "</div>" * depth


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="one-sidebar" id="main">',
        '<div id="__next">',
        '<div class="post-12 post type-post hentry category-kommentar tag-news">',
    ],
)
def test_layout_root_and_taxonomy_classes_do_not_hide_the_byline(wrapper: str) -> None:
    markup = f"""<html><head><title>Ein Tag am See</title></head><body>{wrapper}
    <h1>Ein Tag am See</h1><span class="byline">von Saskia Beispiel</span>
    <p>Wir waren am See.</p></div></body></html>"""
    assert meta_of(markup).byline == "Saskia Beispiel"


@pytest.mark.parametrize(
    ("shown", "authors"),
    [
        (
            "Daniel Kahn Gillmor , Senior Staff Technologist, ACLU Speech, Privacy, and "
            "Technology Project",
            ("Daniel Kahn Gillmor",),
        ),
        (
            "Sarah Hinger , Staff Attorney, ACLU Racial Justice Program & Sylvia Torres-Guillén"
            " , Director of Education Equity, ACLU Foundations of California",
            ("Sarah Hinger", "Sylvia Torres-Guillén"),
        ),
        ("Jane Doe, John Roe, and Max Mustermann", ("Jane Doe", "John Roe", "Max Mustermann")),
    ],
)
def test_role_after_a_name_describes_that_person(shown: str, authors: tuple[str, ...]) -> None:
    assert clean_byline(shown).authors == authors


def test_name_met_again_next_to_the_headline_keeps_its_best_score() -> None:
    far = nested('<div id="author_header">Gunter Beispiel</div>', 10)
    markup = f"""<html><head><title>Bericht zur Lage</title></head><body>{far}
    <main><h2>Bericht zur Lage</h2><a href="/autor/beispiel_g">Gunter Beispiel</a>
    <p>Der Bericht beginnt hier.</p></main></body></html>"""
    assert meta_of(markup).byline == "Gunter Beispiel"


def test_byline_printed_next_to_a_deeply_nested_headline_is_close() -> None:
    headline = nested("<h1>Zähne zusammenbeißen</h1>", 4)
    byline = nested('<div class="author-box"><span class="author">Redaktion</span></div>', 6)
    markup = f"""<html><head><title>Zähne zusammenbeißen</title></head><body>
    {headline}{byline}<p>Die Kosten für Festspielbesuche sind gestiegen.</p></body></html>"""
    assert meta_of(markup).byline == "Redaktion"


def test_each_author_linked_on_its_own_gives_all_authors() -> None:
    markup = """<html><head><title>Warum es ein Gesetz braucht</title></head><body><article>
    <h1>Warum es ein Gesetz braucht</h1><span class="content-left-autor">
    <a href="/ueber-uns/autoren/clara">Clara Beispiel</a>,
    <a href="/ueber-uns/autoren/klaus">Klaus Muster</a></span>
    <p>Der Rohstoffkonsum ist hoch.</p></article></body></html>"""
    assert meta_of(markup).authors == ("Clara Beispiel", "Klaus Muster")


@pytest.mark.parametrize(
    ("shown", "authors"),
    [
        ("Verfasst von: mitundvoneinander | 31. Dezember 2008", ("mitundvoneinander",)),
        ("Posted by Nesselsetzer under Just For Fun, Rebloggt", ("Nesselsetzer",)),
        (
            "Richard David Precht im Gespräch mit Karin Fischer",
            ("Richard David Precht", "Karin Fischer"),
        ),
        ("Support Team", ("Support Team",)),
        ("Greentech.LIVE Redaktion", ("Greentech.LIVE Redaktion",)),
        ("Jane Doe Senior Staff", ("Jane Doe",)),
        ("Northfield Health Connect Team", ("Northfield Health Connect Team",)),
        ("Metro Lifestyle Desk", ("Metro Lifestyle Desk",)),
        ("Jane Doe, Staff Writer", ("Jane Doe",)),
    ],
)
def test_by_lines_of_blogs_and_desks(shown: str, authors: tuple[str, ...]) -> None:
    assert clean_byline(shown).authors == authors


def test_visible_name_is_cut_at_the_declared_name() -> None:
    markup = """<html><head><title>Nachhaltigkeit im Spessart</title>
    <meta name="author" content="Moritz Beispiel"></head><body><article>
    <h1>Nachhaltigkeit im Spessart</h1><p class="byline">von MORITZ BEISPIEL SPESSART</p>
    <p>Der Spessart ist eine Tourismus-Region.</p></article></body></html>"""
    assert meta_of(markup).byline == "MORITZ BEISPIEL"


def test_byline_ends_at_a_line_break() -> None:
    markup = """<html><head><title>Streit ums Feuerholz</title></head><body><article>
    <h1>Streit ums Feuerholz</h1>
    <p>Von <strong>Roland Beispiel</strong> und <strong>Sebastian Muster</strong><br>
    Kakuma /Kenia</p><p>Nur eine kurze Sandpiste trennt das Lager.</p></article></body></html>"""
    assert meta_of(markup).authors == ("Roland Beispiel", "Sebastian Muster")


@pytest.mark.parametrize(
    ("site", "url", "shown"),
    [
        ("Cup-Vorschau: Ein Bruderduell - Handball Schweiz", None, "Handball Schweiz"),
        ("Vegolosi", "https://www.vegolosi.it/news/clock/", "Vegolosi.it"),
        ("LaRepública.pe", None, "La República"),
    ],
)
def test_site_named_as_author_is_not_a_byline(site: str, url: str | None, shown: str) -> None:
    markup = f"""<html><head><title>Ein Bruderduell</title>
    <meta property="og:site_name" content="{site}"></head><body><article>
    <h1>Ein Bruderduell</h1><span class="author">{shown}</span><p>Der Text.</p>
    </article></body></html>"""
    assert meta_of(markup, url).byline is None


def test_site_credited_in_words_is_the_byline() -> None:
    markup = """<html><head><title>Transit tax trust rejects data</title>
    <meta property="og:site_name" content="Miami Today"></head><body><article>
    <h1>Transit tax trust rejects data</h1>
    <p class="meta">Written by <a href="/author/admin/">Miami Today</a> on November 7, 2023</p>
    <p>The trust spends more than $100 million.</p></article></body></html>"""
    assert meta_of(markup).byline == "Miami Today"


@pytest.mark.parametrize(
    "credit",
    [
        '<p class="photo-author">por Ana Fotografa</p>',
        '<figure><img src="a.jpg"><figcaption><span class="author">Ana Fotografa</span>'
        "</figcaption></figure>",
    ],
)
def test_photo_credit_is_not_a_byline(credit: str) -> None:
    markup = f"""<html><head><title>Sequilho com chocolate</title></head><body><article>
    <h1>Sequilho com chocolate</h1>{credit}<p>Receita fácil.</p></article></body></html>"""
    assert meta_of(markup).byline is None


def test_twitter_card_label_names_the_author() -> None:
    markup = """<html><head><title>Sunday Thoughts</title>
    <meta name="twitter:label1" content="Verfasst von">
    <meta name="twitter:data1" content="Karoline Beispiel">
    <meta name="twitter:label2" content="Geschätzte Lesezeit">
    <meta name="twitter:data2" content="4 Minuten"></head><body><article>
    <h1>Sunday Thoughts</h1><p>Ein Text.</p>
    <p class="bio">Karoline Beispiel schreibt hier.</p></article></body></html>"""
    assert meta_of(markup).authors == ("Karoline Beispiel",)


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="fb-post"><p>Preise explodieren.</p><p>Posted by '
        '<a href="https://facebook.com/pamela">Pamela Beispiel</a> on Friday</p></blockquote>',
        '<div class="privacy-embed-preview"><p>Posted by <a href="/u/pb">Pamela Beispiel</a>'
        "</p></div>",
    ],
)
def test_byline_of_an_embedded_post_is_not_the_articles(embed: str) -> None:
    markup = f"""<html><head><title>Mieterhöhung verhindern</title></head><body><article>
    <h1>Mieterhöhung verhindern</h1><p>Wohnen muss leistbar sein.</p>{embed}
    <p>Die Partei fordert ein Gesetz.</p></article></body></html>"""
    assert meta_of(markup).byline is None


def test_name_beside_a_publication_time_is_the_byline() -> None:
    markup = """<html><head><title>Buses de la Alcaldía</title>
    <meta property="og:site_name" content="El Diario"></head><body>
    <div><div><div><div><h1 class="headline">Buses de la Alcaldía</h1></div></div></div>
    <div><div><div><div><div><p>Jacobo Ejemplo Peláez | Publicado hace 4 minutos</p>
    </div></div></div></div></div></div>
    <div><div><div><div><div><div><div class="autor"><span class="author">El Diario</span>
    </div></div></div></div></div></div></div>
    <p>Las elecciones se acercan.</p></body></html>"""
    assert meta_of(markup).byline == "Jacobo Ejemplo Peláez"


def test_by_line_of_one_teaser_card_among_others_is_not_the_byline() -> None:
    cards = "".join(
        f'<li><p class="podcast-card__title">Episode {n}</p>'
        f'<p class="podcast-card__credits">Par {name}</p></li>'
        for n, name in enumerate(("Olivier Exemple", "Kristen Exemple"))
    )
    text = "".join(f"<p>Paragraphe {n} du podcast.</p>" for n in range(50))
    markup = f"""<html><head><title>La voix des nuls</title></head><body>
    <h1>La voix des nuls</h1>{text}<ul>{cards}</ul></body></html>"""
    assert meta_of(markup).byline is None


def test_aside_of_the_article_with_its_date_holds_the_byline() -> None:
    markup = """<html><head><title>Get your code covered</title></head><body><main>
    <article class="code"><h1>Get your code covered</h1><aside><p>
    <span class="article-author" itemprop="author" itemscope>
    <span itemprop="name">Nicolas Exemple</span> —</span>
    <time datetime="2013-09-29" itemprop="datePublished">2013-09-29</time></p></aside>
    <p>So finally you are testing your frontend code.</p></article>
    <aside class="widget"><span class="author">Other Person</span></aside></main></body></html>"""
    assert meta_of(markup).byline == "Nicolas Exemple"


def test_box_holding_the_headline_is_the_articles_header_whatever_its_classes() -> None:
    # a share widget's id on the <header> around headline, byline and share buttons
    markup = """<html><head><title>Seven secrets</title></head><body><article>
    <header id="gigya-share-btns-1"><h1>Seven secrets hotel owners keep</h1>
    <ul class="caption meta"><li class="author" itemprop="author">
    <span itemprop="name"><a href="/author/hazel-example">Hazel Example</a></span></li>
    <li>Friday 25 December 2015</li></ul></header>
    <p>Most people go to hotels for the pleasure.</p></article>
    <div class="share-bar"><span class="author">Share Person</span></div></body></html>"""
    assert meta_of(markup).byline == "Hazel Example"


@pytest.mark.parametrize(
    ("shown", "byline", "authors"),
    [
        (
            "Par Alexandre Exemple et Jérémy Exemple",
            "Alexandre Exemple et Jérémy Exemple",
            ("Alexandre Exemple", "Jérémy Exemple"),
        ),
        (
            "Por Isabel Caro , Rocío Latorre y José Miguel Ejemplo",
            # the space before the comma comes from joining link texts, not from the page
            "Isabel Caro, Rocío Latorre y José Miguel Ejemplo",
            ("Isabel Caro", "Rocío Latorre", "José Miguel Ejemplo"),
        ),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        # an initial at the end keeps its full stop
        ("By Ana Ejemplo C.", "Ana Ejemplo C.", ("Ana Ejemplo C.",)),
        ("Di Giulia Esempio", "Giulia Esempio", ("Giulia Esempio",)),
        ("Door Sanne van den Voorbeeld", "Sanne van den Voorbeeld", ("Sanne van den Voorbeeld",)),
        ("Av Kari Eksempel, journalist", "Kari Eksempel", ("Kari Eksempel",)),
        ("Af Mette Eksempel", "Mette Eksempel", ("Mette Eksempel",)),
        ("Autor: Jan Przykład, dziennikarz", "Jan Przykład", ("Jan Przykład",)),
        ("Автор: Иван Примеров", "Иван Примеров", ("Иван Примеров",)),
        ("Yazar: Ayşe Örnek", "Ayşe Örnek", ("Ayşe Örnek",)),
        ("Ayşe Örnek tarafından", "Ayşe Örnek", ("Ayşe Örnek",)),
        # post-nominal letters stay in the byline and describe the name before them
        ("By Jane Doe, Ph.D.", "Jane Doe, Ph.D.", ("Jane Doe",)),
        ("Jeffrey A. Example CPP, PSP", "Jeffrey A. Example CPP, PSP", ("Jeffrey A. Example",)),
        (
            "Ann Example, MD, FOMA, and John Roe, M.D.",
            "Ann Example, MD, FOMA, and John Roe, M.D.",
            ("Ann Example", "John Roe"),
        ),
        ("Martin Example, Jr.", "Martin Example, Jr.", ("Martin Example",)),
        # what follows her letters describes her, as a job title would
        ("By Ann Example, MA Example Health News", "Ann Example", ("Ann Example",)),
        # the same letters as a capitalised word are a name, in lower case a user name
        ("By Jack Ma", "Jack Ma", ("Jack Ma",)),
        ("jd", "jd", ("jd",)),
        # an agency after the name is not a credential
        ("Jane Doe, AP", "Jane Doe, AP", ("Jane Doe", "AP")),
    ],
)
def test_byline_stays_as_written_and_names_are_listed(
    shown: str, byline: str, authors: tuple[str, ...]
) -> None:
    # the byline is what the page shows; the list of names is ``authors``
    found = clean_byline(shown)
    assert (found.text, found.authors) == (byline, authors)


@pytest.mark.parametrize(
    "tag",
    [
        '<meta name="parsely-author" content="Jane Example">',
        '<meta property="dc:creator" content="Jane Example">',
        '<meta property="dc:creator twitter:site_name" content="Jane Example">',
        '<meta name="byl" content="By JANE EXAMPLE">',
    ],
)
def test_dedicated_author_tags_name_the_author_the_page_does_not_show(tag: str) -> None:
    markup = f"""<html><head><title>Test document</title>{tag}
    <meta name="author" content="FAIL"></head><body><article><h1>Test document</h1>
    <p>Lorem ipsum dolor sit amet.</p></article></body></html>"""
    assert (meta_of(markup).byline or "").casefold() == "jane example"


def test_dedicated_author_tag_naming_a_desk_is_not_a_byline() -> None:
    markup = """<html><head><title>Bridge to close</title>
    <meta name="byl" content="By Staff Reports"></head><body><h1>Bridge to close</h1>
    <p>From staff reports. The bridge closes on Tuesday.</p></body></html>"""
    assert meta_of(markup).byline is None


def test_organisation_declared_as_author_that_is_not_the_site() -> None:
    markup = """<html><head><title>Sternwarte</title>
    <meta property="og:site_name" content="Wikipedia">
    <script type="application/ld+json">{"@type": "Article", "name": "Sternwarte",
      "author": {"@type": "Organization", "name": "Contributors to Wikimedia projects"},
      "publisher": {"@type": "Organization", "name": "Wikimedia Foundation, Inc."}}</script>
    </head><body><h1>Sternwarte</h1><p>Eine Sternwarte ist ein Gebäude.</p></body></html>"""
    assert meta_of(markup).byline == "Contributors to Wikimedia projects"


@pytest.mark.parametrize(
    ("site", "author"),
    [("rtl.de", "RTL Online"), ("example.com", "Example News")],
)
def test_organisation_declared_as_author_that_is_the_site(site: str, author: str) -> None:
    markup = f"""<html><head><title>Lockdown</title>
    <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Lockdown",
      "author": {{"@type": "Organization", "name": "{author}"}}}}</script>
    </head><body><h1>Lockdown</h1><p>Bund und Länder planen.</p></body></html>"""
    assert meta_of(markup, f"https://www.{site}/cms/lockdown.html").byline is None


def test_author_tag_with_the_publishers_domain_and_address_is_not_a_byline() -> None:
    markup = """<html><head><title>Die Minze als Mutmacher</title>
    <meta name="author" content="hessenschau.de, Frankfurt, Germany"></head><body>
    <h1>Die Minze als Mutmacher</h1><p>Er lebt heute in Frankfurt, Germany.</p></body></html>"""
    assert meta_of(markup).byline is None


def test_editor_label_names_the_author() -> None:
    markup = """<html><head><title>Faire Lieferketten</title></head><body>
    <h1>Faire Lieferketten</h1><p>05.02.2020</p>
    <p>- Redaktion: Eberhard Beispiel (Pressesprecher)</p>
    <p>In Baden-Württemberg hat sich eine Initiative gegründet.</p></body></html>"""
    assert meta_of(markup).byline == "Eberhard Beispiel"


def test_name_met_again_with_a_better_score_keeps_its_first_place() -> None:
    def deep(inner: str, depth: int) -> str:
        return "<div>" * depth + inner + "</div>" * depth

    def link(name: str) -> str:
        return f'<a href="/autor/{name.lower().replace(" ", "-")}/">{name}</a>'

    paragraphs = "".join(f"<p>Parrafo numero {n} de la nota.</p>" for n in range(12))
    markup = f"""<html><head><title>Va y agarra las llaves</title></head><body>
    <div><h1>Va y agarra las llaves</h1>{paragraphs}</div>{deep(link("Juan Ejemplo"), 9)}
    {deep(link("Diego Ejemplo"), 4)}{deep(link("Juan Ejemplo"), 4)}</body></html>"""
    assert meta_of(markup).byline == "Juan Ejemplo"


def test_each_author_in_a_tag_of_its_own() -> None:
    markup = """<html><head><title>remoteStorage</title>
    <meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">
    </head><body><pre>Internet-Draft  remoteStorage  M. de Jong, F. Kooman</pre>
    <h1>remoteStorage</h1><p>This draft describes a protocol.</p></body></html>"""
    assert "Jong" in (meta_of(markup).byline or "")


def test_by_line_of_its_own_in_a_text_written_with_line_breaks() -> None:
    markup = """<html><head><title>Wohngeld</title></head><body><h1>Wohngeld</h1>
    <div class="text">Das Gericht hat entschieden.<br><br>Die Klage wurde abgewiesen.<br><br>
    Quelle: Rechtsnews<br><br>Autor: <a href="/rechtsanwalt/">Rechtsanwalt</a> Sebastian Beispiel
    </div></body></html>"""
    assert meta_of(markup).byline == "Sebastian Beispiel"


@pytest.mark.parametrize(
    ("shown", "authors"),
    [
        ("Von Redakteurin Jana Beispiel", ("Jana Beispiel",)),
        ("Von Redaktion Gelbe Liste Pharmindex", ("Redaktion Gelbe Liste Pharmindex",)),
    ],
)
def test_job_before_the_name_is_not_part_of_it(shown: str, authors: tuple[str, ...]) -> None:
    assert clean_byline(shown).authors == authors


def test_a_class_on_the_stem_of_authorized_is_not_an_author_mark() -> None:
    markup = """<html><head><title>Camera Body X2</title></head><body><main>
    <h1>Camera Body X2</h1><a class="authorized-dealer-link" href="/dealer">Authorized Dealer</a>
    <p>A full-frame body with two card slots and a weather-sealed frame.</p></main></body></html>"""
    assert meta_of(markup).byline is None


def test_code_is_never_a_byline() -> None:
    markup = """<html><head><title>Sessions</title></head><body><main><h1>Sessions</h1>
    <pre><span class="author">print</span>(r.text )</pre>
    <p>A session keeps its cookies between requests.</p></main></body></html>"""
    assert meta_of(markup).byline is None


@pytest.mark.parametrize(
    "sentence",
    [
        "By default, the client verifies every certificate it is shown.",
        "By enrolling, you consent to the monthly charge for your plan.",
    ],
)
def test_a_sentence_opening_with_by_names_no_one(sentence: str) -> None:
    markup = f"""<html><head><title>Settings</title></head><body><main><h1>Settings</h1>
    <p>The settings below apply to every request the client makes.</p>
    <p>{sentence}</p></main></body></html>"""
    assert meta_of(markup).byline is None


def test_a_short_posted_by_line_keeps_a_lower_case_user_name() -> None:
    markup = """<html><head><title>Kernel notes</title></head><body><main><h1>Kernel notes</h1>
    <p>The scheduler change landed this week after a long review.</p>
    <div class="meta-row"><span>Posted by msmash</span></div></main></body></html>"""
    assert meta_of(markup).byline == "msmash"


@pytest.mark.parametrize(
    ("shown", "authors"),
    [
        ("Di Wang", ("Di Wang",)),
        ("By Di Wang", ("Di Wang",)),
        ("Di Wu and Jane Doe", ("Di Wu", "Jane Doe")),
        ("Di Mario Esempio e Anna Esempio", ("Mario Esempio", "Anna Esempio")),
    ],
)
def test_a_by_word_that_is_also_a_given_name(shown: str, authors: tuple[str, ...]) -> None:
    assert clean_byline(shown).authors == authors


def test_declared_names_escaped_by_the_seo_plugin_are_unescaped() -> None:
    markup = """<html><head><title>Packing light</title>
    <script type="application/ld+json">{"@graph": [{"@type": "BlogPosting",
      "headline": "Packing light", "author": {"@id": "#/schema/person/1"}},
      {"@type": "Person", "@id": "#/schema/person/1", "name": "Ana &amp; Lena"}]}</script>
    </head><body><h1>Packing light</h1><p>One bag is enough for a week away.</p>
    <figure><img src="bag.jpg"><figcaption>Lena and Ana at the gate</figcaption></figure>
    </body></html>"""
    meta = meta_of(markup)
    assert meta.authors == ("Ana", "Lena")
    assert "&amp" not in (meta.byline or "")


def test_by_line_anywhere_is_not_a_card_because_its_date_line_shares_its_classes() -> None:
    """Utility classes style the by-line and the date line alike; only a second element
    built like the by-line (the same child elements) makes it one card of a list."""
    from pathlib import Path

    from articlekit.metadata.byline.anywhere import by_line_anywhere

    source = Path(__file__).parent / "fixtures" / "byline-utility-classes" / "source.html"
    found = by_line_anywhere(build_tree(source.read_text(encoding="utf-8")), [])
    assert found.authors == ("Priya Ramanathan", "Tom Eccles")
    cards = """<html><body><main><h1>Neues aus dem Verein</h1>
    <div><p class="meta">Von <a href="/a">Jana Beispiel</a></p><p>Der Vorstand tagte.</p></div>
    <div><p class="meta">Von <a href="/b">Karl Muster</a></p><p>Das Fest war schön.</p></div>
    </main></body></html>"""
    assert by_line_anywhere(build_tree(cards), []).authors == ()


@pytest.mark.parametrize(
    ("shown", "byline"),
    [
        ("Podium Staff", "Podium Staff"),
        ("By BCBSOK Connect Team", "BCBSOK Connect Team"),
        ("The Investopedia Team", "The Investopedia Team"),
        ("AAA Travel Editor, SMT", "AAA Travel Editor, SMT"),
        ("Jane Doe Staff Writer", "Jane Doe"),
        ("JANE DOE Staff Writer", "JANE DOE"),
        ("Metro Desk / Updated: Dec 17, 2025", "Metro Desk"),
        ("Jane Doe //", "Jane Doe"),
    ],
)
def test_role_words_end_a_desks_name_but_not_a_persons(shown: str, byline: str) -> None:
    assert clean_byline(shown).text == byline


@pytest.mark.parametrize(
    ("shown", "byline"),
    [
        ("Dana Whitfield Last updated: March 3, 2025", "Dana Whitfield"),
        ("Von Jana Beispiel Zuletzt aktualisiert: 3. März 2025", "Jana Beispiel"),
    ],
)
def test_last_updated_ends_the_byline(shown: str, byline: str) -> None:
    assert clean_byline(shown).text == byline


def test_avatar_initials_drawn_in_svg_are_not_part_of_the_name() -> None:
    markup = """<html><head><title>Ten quiet beaches</title></head><body><main>
    <h1>Ten quiet beaches</h1>
    <div class="author_box"><div class="avatar"><svg viewBox="0 0 40 40"><circle r="20"/>
    <text x="20" y="20">DW</text></svg></div>
    <div class="author_cont"><h3><a href="/profile/dwhitfield">Dana Whitfield</a></h3>
    <p class="date">Last updated on 17 December 2025</p></div></div>
    <p>These beaches are quiet even in August, if you arrive before nine.</p>
    </main></body></html>"""
    assert meta_of(markup).byline == "Dana Whitfield"


@pytest.mark.parametrize(
    ("shown", "site", "byline"),
    [
        ("Dana Whitfield, Harbour Gardener", "Harbour Gardener", "Dana Whitfield"),
        ("Dana Whitfield HARBOUR TIMES", "harbourtimes", "Dana Whitfield"),
        ("Dana Whitfield", "Harbour Gardener", "Dana Whitfield"),
    ],
)
def test_the_site_named_beside_the_author_is_dropped(shown: str, site: str, byline: str) -> None:
    from articlekit.metadata.byline.site import without_site

    assert without_site(clean_byline(shown), [site]).text == byline


def test_byline_without_the_site_printed_after_the_name() -> None:
    markup = """<html><head><title>Five shrubs for a windy garden</title>
    <meta property="og:site_name" content="Harbour Gardener"></head><body><article>
    <h1>Five shrubs for a windy garden</h1>
    <p class="byline">by <a href="/author/dwhitfield/">Dana Whitfield</a>, Harbour Gardener
    October 10, 2021</p>
    <p>Salt wind burns soft leaves; these five shrubs shrug it off.</p>
    </article></body></html>"""
    assert meta_of(markup).byline == "Dana Whitfield"


def test_a_first_name_is_not_completed_from_the_copyright_notice() -> None:
    """ "© Jane Doe" names the site's owner: the "Posted by Jane" of a post stays as shown."""
    markup = """<html><head><title>Small integers in Python</title></head><body>
    <div id="main"><h1>Small integers in Python</h1>
    <div class="meta">Posted by <a href="/about">Konrad</a> on 21 October 2019</div>
    <p>Python keeps one object for each small integer, which is why identity checks work.</p>
    </div><div id="footer"><span class="copyright">&copy; Konrad Beispiel. All rights
    reserved.</span></div></body></html>"""
    assert meta_of(markup).byline == "Konrad"
    signed = markup.replace("Python keeps", "Konrad Beispiel writes: Python keeps")
    assert meta_of(signed).byline == "Konrad Beispiel"


@pytest.mark.parametrize("shown", ["Posted on", "Publiziert am"])
def test_a_date_label_alone_is_no_name(shown: str) -> None:
    # Twenty Ten: "<span class=meta-prep-author>Posted on</span> <date> by <author>"
    assert clean_byline(shown).authors == ()


def test_a_host_name_beside_the_desk_is_no_author() -> None:
    markup = """<html><head><title>Five habits for calmer mornings</title></head><body>
    <h1>Five habits for calmer mornings</h1>
    <div class="byline">Lifestyle Desk / dailyhome.example.in</div>
    <p>Mornings set the tone of the day, and a few small habits make them calmer.</p>
    </body></html>"""
    assert meta_of(markup).byline == "Lifestyle Desk"


@pytest.mark.parametrize(
    ("href", "byline"), [("/author/jonas/", "Jonas"), ("/author/admin/", "Tom Becker")]
)
def test_an_author_link_naming_its_person_outranks_the_sites_declared_owners(
    href: str, byline: str
) -> None:
    # an old theme: no heading marks the post title, the site's owners are its
    # <meta name=author> and are shown in the header; the post is signed by its writer's
    # author page, unless that page is an account named for something else
    markup = f"""<html><head><title>Bitwerk Blog</title>
    <meta name="author" content="Tom Becker - Lena Ortiz"></head><body>
    <div id="header"><a href="https://tom-becker.example/" rel="me">Tom Becker</a></div>
    <div class="post"><p class="date">Erstellt von <a href="{href}">Jonas</a>
    am Dienstag, 6. Mai 2014</p>
    <p>Seit einiger Zeit läuft bei mir ein Mediaserver auf einem kleinen Rechner im Flur.</p>
    </div></body></html>"""
    assert meta_of(markup).byline == byline


_PLAIN_POST = """<main><h1>Preparing a transition</h1>
<p>The archive moved to a new host this week, and the old addresses now redirect.</p></main>"""


@pytest.mark.parametrize(
    ("head", "footer", "byline"),
    [
        # the site is named as someone's: the owner signs
        ('<meta property="og:site_name" content="Colin Watson’s blog">', "", "Colin Watson"),
        ('<meta property="og:site_name" content="Jane Roe\'s Digital Home">', "", "Jane Roe"),
        # a one-word possessor is a shop or a brand ("Tom's Hardware")
        ('<meta property="og:site_name" content="Tom\'s Hardware">', "", None),
        # the declared author is the person the copyright notice names
        (
            '<meta name="author" content="Toby Hede">',
            "© 2025 Toby Hede. All rights reserved.",
            "Toby Hede",
        ),
        # no declaration: a notice alone may name the web designer or a shop's owner
        ("", "© 2025 Toby Hede. All rights reserved.", None),
        # a company's notice: the site is not a person's
        (
            '<meta name="author" content="Lebensmittel Praxis">',
            "© Lebensmittel Praxis - LPV GmbH 2023",
            None,
        ),
        # an acronym is a brand, not a person's name
        ('<meta name="author" content="NOW Grenada">', "© 2024 NOW Grenada", None),
    ],
)
def test_a_personal_site_is_signed_by_its_owner(head: str, footer: str, byline: str | None) -> None:
    markup = f"""<html><head><title>Preparing a transition</title>{head}</head><body>
    {_PLAIN_POST}<div class="copyright"><p>{footer}</p></div></body></html>"""
    assert meta_of(markup).byline == byline


@pytest.mark.parametrize(
    ("shown", "byline", "authors"),
    [
        ("Von Anna Berg (dpa)", "Anna Berg (dpa)", ("Anna Berg", "dpa")),
        ("Luc Aufranc (CNXSoft)", "Luc Aufranc (CNXSoft)", ("Luc Aufranc", "CNXSoft")),
        ("Jane Doe (Pressesprecherin des Verbands)", "Jane Doe", ("Jane Doe",)),
        (
            "Jane Doe and John Roe (Pressesprecherin des Verbands)",
            "Jane Doe and John Roe",
            ("Jane Doe", "John Roe"),
        ),
    ],
)
def test_a_name_in_brackets_after_the_author_is_named_apart(
    shown: str, byline: str, authors: tuple[str, ...]
) -> None:
    assert clean_byline(shown) == Byline(byline, authors)


def test_an_and_inside_the_authors_job_description_names_no_one() -> None:
    shown = "by Daniel Burstein, Senior Director, Content & Marketing, MECLABS Institute"
    assert clean_byline(shown) == Byline("Daniel Burstein", ("Daniel Burstein",))
    shown = "Jane Doe, Senior Editor, News & Politics and John Roe, Director"
    assert clean_byline(shown).authors == ("Jane Doe", "John Roe")


def test_the_writer_of_a_teaser_card_is_not_the_author() -> None:
    # the whole card is one link: its title, summary and writer belong to another article
    markup = """<html><head><title>Stadtbäume leiden unter der Hitze</title></head><body>
    <main><h1>Stadtbäume leiden unter der Hitze</h1>
    <p>Drei trockene Sommer in Folge haben den Bäumen in den Strassen zugesetzt.</p>
    <div class="teaser"><a href="/scholz-washington">
    <span class="kicker">Werbetour in Washington</span>
    <span class="title">Die wunderbare Wandlung des Olaf Scholz zum grünen Olaf</span>
    <div class="author-name">Von Andreas Hoffmann</div></a></div>
    </main></body></html>"""
    assert meta_of(markup).byline is None


def _post_info(items: str) -> str:
    return f"""<html><head><title>Ein Tag am See</title></head><body>
    <div><div><h1>Ein Tag am See</h1></div></div>
    <div><div><ul class="elementor-inline-items elementor-post-info">{items}</ul></div></div>
    <p>{"Wir waren am See, und das Wasser war noch kalt. " * 12}</p></body></html>"""


def _item(inner: str, mark: str = "") -> str:
    return f'<li class="elementor-inline-item" {mark}><span><i class="icon"></i></span>{inner}</li>'


def test_date_line_printed_as_a_list_names_the_author() -> None:
    # page builders print the post's date line as list items: topic, date, name, comments
    markup = _post_info(
        _item('<a href="/kategorie/kommentar/">Kommentar</a>')
        + _item('<span class="post-info__item--type-date">19. Oktober 2019</span>')
        + _item('<span class="post-info__item--type-custom">Tilo B. Beispiel</span>')
        + _item('<a href="#comments"><span>1 Kommentar</span></a>')
    )
    assert meta_of(markup).byline == "Tilo B. Beispiel"


def test_list_without_a_marked_date_is_a_menu_not_a_date_line() -> None:
    markup = _post_info(
        _item("<a href='/news'>Front Page</a>")
        + _item("<a href='/wiki'>Wiki History</a>")
        + _item("<a href='/docs'>Version 2019</a>")
    )
    assert meta_of(markup).byline is None


def test_screen_reader_labels_of_a_date_line_are_not_part_of_a_name() -> None:
    # XenForo's thread line: each item opens with a label only screen readers read
    markup = _post_info(
        _item(
            '<span class="u-srOnly">Start date</span><time datetime="2024-10-08">Oct 8, 2024</time>'
        )
        + _item('<span class="u-srOnly">Tags</span><a href="/tags/software/">Software</a>')
    )
    assert meta_of(markup).byline is None


def test_signature_followed_by_the_texts_notes_is_the_byline() -> None:
    prose = "Toutefois, une partie des salariés travaille à temps partiel, et les heures. " * 4
    markup = f"""<html><head><title>Le temps de travail</title></head><body>
    <h1>Le temps de travail</h1><p>{prose}</p><p>{prose}</p>
    <p align="right"><em>Denise Exemple</em></p>
    <p>(1) Ces chiffres sont collectés par l'OCDE.</p><p>(2) Voir le tableau.</p>
    </body></html>"""
    assert meta_of(markup).byline == "Denise Exemple"
    # a paragraph of prose after the name: the name was not the text's signature
    assert meta_of(markup.replace("(2) Voir", "Voir")).byline is None


def test_declared_author_is_written_as_the_text_signs_with_initials() -> None:
    markup = """<html><head><title>Wahl</title>
    <meta name="author" content="Christoph Muster"></head><body><h1>Wahl in Musterberg</h1>
    <p>Die Wahl ist entschieden, und die Gemeinde hat eine neue Bürgermeisterin.</p>
    <p>Ein Kommentar. (Christoph K. Muster)</p></body></html>"""
    assert meta_of(markup).byline == "Christoph K. Muster"
