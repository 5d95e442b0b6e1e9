"""Main-content location and boilerplate stripping, on small inline pages."""

from __future__ import annotations

import articlekit
from articlekit import BlockKind, Status
from articlekit.content.boilerplate_text import is_boilerplate_text
from articlekit.content.lead import picture_after_lead as _picture_after_lead
from articlekit.content.selection import find_main_content
from articlekit.input.tree import build_tree
from articlekit.metadata.extract import Metadata
from articlekit.options import Options

PROSE = (
    "The council voted on Tuesday to extend the bus lane on Harbor Street, a change that "
    "riders, shop owners and the transit agency had argued about for most of the year. "
)


def page(body: str, title: str = "Bus lane extended") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def paragraphs(n: int, prefix: str = "Paragraph") -> str:
    return "".join(f"<p>{prefix} {i}. {PROSE}</p>" for i in range(n))


def test_article_found_among_sidebar_and_navigation() -> None:
    html = page(
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        '<div class="sidebar"><p>Most read: <a href="/x">A story with a long title</a></p></div>'
        f'<div class="post-content">{paragraphs(4)}</div>'
        "<footer>© 2020 The Harbor Ledger. All rights reserved.</footer>"
    )
    article = articlekit.parse(html)
    assert article.status is Status.OK
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Paragraph 0. The council voted")
    assert "Most read" not in article.text
    assert "All rights reserved" not in article.text
    assert "Home" not in article.text


def test_split_content_gathered_from_sibling_containers() -> None:
    html = page(
        f'<div class="wrap"><div class="text">{paragraphs(3, "First")}</div>'
        '<div class="ad-slot">Advertisement</div>'
        f'<div class="text">{paragraphs(3, "Second")}</div></div>'
    )
    article = articlekit.parse(html)
    assert [p.split(".")[0] for p in article.paragraphs] == [
        "First 0",
        "First 1",
        "First 2",
        "Second 0",
        "Second 1",
        "Second 2",
    ]
    assert "Advertisement" not in article.text


def test_hidden_and_never_text_elements_are_removed() -> None:
    html = page(
        f"<article>{paragraphs(3)}"
        "<p hidden>Hidden by attribute, with enough words to be a paragraph, yes.</p>"
        '<p style="display: none">Hidden by style, with enough words to be a paragraph.</p>'
        '<p aria-hidden="true">Hidden from readers, with enough words to be a paragraph.</p>'
        "<script>var x = 'script text that is long enough to count as prose';</script>"
        "<form><input name=q><button>Search the whole site now</button></form>"
        "</article>"
    )
    text = articlekit.parse(html).text
    assert "Hidden" not in text
    assert "script text" not in text
    assert "Search the whole site" not in text


BOILERPLATE = [
    "Print",
    "Share this:",
    "Tweet",
    "Email",
    "One thought on “Bus lane extended”",
    "12 thoughts on “Bus lane extended”",
    "5 Comments",
    "Responses",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Cancel reply",
    "Post Comment",
    "Notify me of new comments via email.",
    "Advertisement",
    "Continue reading",
    "Read more",
    "Skip to content",
    "Werbung",
    "Anzeige",
    "Teilen",
    "Drucken",
    "Kommentare",
    "Publicité",
    "Partager",
    "Imprimer",
    "Publicidad",
    "Compartir",
    "Imprimir",
    "Lesen Sie auch: Die Stadt plant neue Radwege",
    "Tags: transit, council",
]


def test_boilerplate_texts_are_recognised() -> None:
    for text in BOILERPLATE:
        assert is_boilerplate_text(text) is not None, text


def test_prose_is_not_boilerplate() -> None:
    assert is_boilerplate_text(PROSE.strip()) is None
    assert is_boilerplate_text("Print media lost readers to the radio in the 1930s.") is None
    assert is_boilerplate_text("Comments from residents were mixed, the clerk said.") is None


def test_boilerplate_stripped_from_main_content() -> None:
    residue = "".join(f"<p>{text}</p>" for text in BOILERPLATE)
    html = page(
        '<article><div class="share"><a>Print</a> <a>More</a></div>'
        f"{paragraphs(4)}"
        f'<div class="after">{residue}</div>'
        '<div class="newsletter-box"><h3>Get our newsletter</h3><p>Sign up for our '
        "newsletter and get the news every morning in your inbox.</p></div>"
        '<div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Other story one</a></li>'
        '<li><a href="/b">Other story two</a></li></ul></div>'
        "</article>"
    )
    article = articlekit.parse(html)
    assert len(article.paragraphs) == 4
    for text in [*BOILERPLATE, "Get our newsletter", "Other story one", "Print More"]:
        assert text not in article.text, text


def test_listing_page_is_read_as_a_list() -> None:
    items = "".join(
        f'<article class="post"><h2 class="entry-title"><a href="/story-{i}">Story number {i} '
        f'about the harbor</a></h2><div class="entry-summary"><p>A short excerpt of story {i}, '
        f'with a few words about what happened at the harbor this week. <a href="/story-{i}">'
        "Continue reading</a></p></div></article>"
        for i in range(6)
    )
    article = articlekit.parse(page(f'<main class="site-main">{items}</main>'))
    assert article.status is Status.OK
    lists = [b for b in article.blocks if b.kind is BlockKind.LIST]
    assert len(lists) == 1
    assert lists[0].items[0] == (
        "Story number 0 about the harbor\nA short excerpt of story 0, with a few words about"
        " what happened at the harbor this week."
    )
    assert "Continue reading" not in article.text


def test_article_class_hint_beats_longer_comment_like_block() -> None:
    html = page(
        f'<div itemprop="articleBody">{paragraphs(3)}</div>'
        f'<div class="user-comments">{paragraphs(5, "Comment")}</div>'
    )
    article = articlekit.parse(html)
    assert article.paragraphs[0].startswith("Paragraph 0")
    assert not any(p.startswith("Comment") for p in article.paragraphs)


def test_explain_records_dropped_nodes() -> None:
    html = page(f'<article>{paragraphs(3)}<div class="share-buttons">Share</div></article>')
    explanation = articlekit.explain(html)
    rules = {d.rule for d in explanation.decisions}
    assert "unlikely class/id" in rules
    assert any(d.verdict.value == "content" for d in explanation.decisions)
    assert any("share-buttons" in d.target for d in explanation.decisions)


def test_find_main_content_returns_none_for_empty_body() -> None:
    tree = build_tree("<html><body><div>   </div></body></html>")
    content = find_main_content(tree, Metadata(), Options())
    assert content.root is None


def test_headings_keep_their_level() -> None:
    html = page(
        f"<article><h2>Why it matters</h2>{paragraphs(2)}"
        f"<h3>Next steps</h3>{paragraphs(1)}</article>"
    )
    headings = [
        (b.text, b.level) for b in articlekit.parse(html).blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == [("Why it matters", 2), ("Next steps", 3)]


def test_numbers_are_kept_but_gallery_counters_go() -> None:
    html = page(
        f"<article>{paragraphs(2)}<p>The answer is <span>42</span><sup>[3]</sup> "
        "as the table shows, and it held in every year we checked.</p>"
        "<div class='slide'><span>1 / 4</span></div></article>"
    )
    text = articlekit.parse(html).text
    assert "The answer is 42[3] as the table shows" in text
    assert "1 / 4" not in text


def test_lead_paragraph_outside_the_body_container_is_gathered() -> None:
    html = page(
        '<div class="story"><header><h1>Bus lane extended</h1>'
        '<p class="article-lead">Riders will get a faster trip downtown from March, the council '
        "decided after a year of argument.</p></header>"
        f'<div class="story-body">{paragraphs(4)}</div></div>'
    )
    article = articlekit.parse(html)
    assert article.paragraphs[0].startswith("Riders will get a faster trip downtown")
    assert len(article.paragraphs) == 5


def test_standfirst_heading_in_the_article_header_is_gathered() -> None:
    html = page(
        "<article><header><p>Politics</p><h1>Bus lane extended</h1>"
        "<h2>Riders will get a faster trip downtown from March as the council ends a year of "
        "argument over the Harbor Street lane</h2></header>"
        f'<div class="grid"><div class="story-body">{paragraphs(4)}</div></div></article>'
    )
    text = articlekit.parse(html).text
    assert text.startswith("Riders will get a faster trip downtown")
    assert "Paragraph 3. The council voted" in text


def test_standfirst_before_a_dateline_is_gathered() -> None:
    html = page(
        "<article><h1>Bus lane extended</h1>"
        "<h2>Riders will get a faster trip downtown from March as the council ends a year of "
        "argument over the Harbor Street lane</h2>"
        "<ul><li>29.04.2020, 12:01</li><li>Reading time: 8 min.</li></ul>"
        f'<div class="story-body">{paragraphs(4)}</div></article>'
    )
    text = articlekit.parse(html).text
    assert text.startswith("Riders will get a faster trip downtown")
    assert "Paragraph 3. The council voted" in text


def test_loose_paragraphs_beside_the_body_box_are_gathered() -> None:
    intro = "Intro. " + PROSE
    closing = "Closing. " + PROSE
    html = page(
        '<div class="sidebar"><p>Most read: <a href="/x">A story with a long title</a></p></div>'
        f'<div class="column"><p>{intro}</p><div class="box"><div class="text">'
        f"{paragraphs(4)}</div></div><p>{closing}</p></div>"
    )
    article = articlekit.parse(html)
    assert article.paragraphs[0].startswith("Intro. The council voted")
    assert article.paragraphs[-1].startswith("Closing. The council voted")
    assert len(article.paragraphs) == 6
    assert "Most read" not in article.text


def test_credit_lines_set_as_paragraphs_are_dropped() -> None:
    html = page(
        f'<div class="post-content">{paragraphs(2)}'
        "<p>The new lane on Harbor Street at rush hour. | © Jane Doe/Getty Images</p>"
        "<p>Delivery vans will use the side streets (Symbolbild).</p>"
        f"{paragraphs(2, 'More')}"
        "<p>© 2020 The Harbor Ledger. Reprint only with written permission.</p></div>"
    )
    text = articlekit.parse(html).text
    assert "Getty Images" not in text
    assert "Symbolbild" not in text
    assert "Reprint only" not in text
    assert "More 1. The council voted" in text


def test_figure_caption_with_credit_is_kept() -> None:
    html = page(
        f'<div class="post-content">{paragraphs(2)}'
        '<figure><img src="/lane.jpg"><figcaption>The new lane at rush hour. '
        "© Jane Doe</figcaption></figure>"
        f"{paragraphs(2, 'More')}</div>"
    )
    article = articlekit.parse(html)
    assert any(f.caption == "The new lane at rush hour." for f in article.figures)


def test_read_also_lines_with_a_prefix_are_boilerplate() -> None:
    assert is_boilerplate_text("Lesen Sie hier: Spielabbruch in der Kreisliga") is not None
    assert is_boilerplate_text("Mire: El cantante da positivo a COVID-19") is not None
    assert is_boilerplate_text("Siehe auch Die Geschichte der Straßenbahn") is not None
    assert is_boilerplate_text("Mira Smith sagte, der Plan sei gut.") is None


def test_outlet_prompts_and_disclaimers_are_boilerplate() -> None:
    prompts = (
        "Subscribe now to our print edition for the full story.",
        "For the latest stories download the Ledger apps for iOS and Android.",
        "Follow The Ledger on Twitter and Instagram @HarborLedger.",
        "Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.",
        "This article is the copyrighted property of The Ledger.",
        "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
        "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
        "Pour lire la suite et accéder gratuitement à 3 articles par mois, créez votre compte",
        "Mehr von Harbor Ledger",
        "Weitere Informationen zum Busverkehr in Hamburg:",
        "Dieses Skript als PDF herunterladen",
        "Wir respektieren deine Privatsphäre und stellen ohne dein Einverständnis keine "
        "Verbindung zu Twitter her.",
    )
    for text in prompts:
        assert is_boilerplate_text(text) is not None, text
    # an author's note in the middle of a bio is not an outlet prompt
    bio = "Ana Ruiz covers transport. Follow her on Twitter @anaruiz or email her."
    assert is_boilerplate_text(bio) is None


def test_template_notes_and_credits_are_boilerplate() -> None:
    notes = (
        # a note in brackets is judged by what it says
        "(Alle Angaben ohne Gewähr)",
        # WordPress post-metadata lines (Kubrick and its descendants)
        "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und "
        "wurde unter Allgemein, Region Halle - Leipzig, Tastings & Events abgelegt. Du kannst "
        "die Kommentare zu diesen Eintrag durch den RSS 2.0 Feed verfolgen.",
        "You can follow any responses to this entry through the RSS 2.0 feed.",
        # photo credits and labels
        "Crédits photos : Bestimage",
        "Photo credit: Jane Doe/Harbor Ledger",
        "Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.",
        "Bildnachweis: Stadtarchiv Erfurt",
        # teaser headings
        "Weitere aktuelle Themen aus der Arbeitswelt",
        "Neueste Artikel",
        "Latest articles",
        # shop and subscription prompts
        "Der Artikel wurde erfolgreich hinzugefügt.",
        "The item was successfully added to your cart.",
        "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.",
    )
    for text in notes:
        assert is_boilerplate_text(text) is not None, text
    prose = (
        "(The council met twice, the clerk said.)",
        "Weitere Tests folgen im Frühjahr, sagte die Sprecherin.",
        "Latest figures show the bus lane cut journey times by a fifth.",
        "The pair were married in 1931 and added a wing to the house in 1950.",
    )
    for text in prose:
        assert is_boilerplate_text(text) is None, text


def test_ruby_annotations_are_not_text() -> None:
    html = page(
        "<article><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの"
        "<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>"
        "ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することに"
        "なりました。</p></article>"
    )
    article = articlekit.parse(html)
    assert article.paragraphs[0].startswith("子どもへの虐待をなくすための法律ができて")


def test_indentation_of_an_empty_box_scores_nothing() -> None:
    # an empty ad slot named "content_sky": whitespace is no paragraph, so the box is
    # no candidate at all (its name alone outscored five paragraphs)
    slot = '<div class="content_sky"><div class="sticky-sky">' + " " * 60 + "</div></div>"
    html = page(f"<div><div>{paragraphs(5)}</div></div><div><div>{slot}</div></div>")
    explanation = articlekit.explain(html)
    best = [d for d in explanation.decisions if d.rule == "best score"]
    assert len(best) == 1
    assert "Paragraph 0" in best[0].target
    assert len(explanation.article.paragraphs) == 5


def test_long_text_beats_a_short_box_full_of_commas() -> None:
    # commas score like prose: without a point per 300 characters the address box
    # (six commas in 110 characters) outscores the 1,400-character description
    sentence = "The estate has grown grapes on the terraces above the river since 1870 and "
    description = f'<div class="desc"><p>{sentence * 18}, they say.</p></div>'
    address = (
        '<div class="box"><p>Harbor Ledger, 12 Quay Street, Harbor Town, phone 555-0142, '
        "open Monday to Friday, 9 to 5, closed on holidays</p></div>"
    )
    html = page(f"<div>{address}</div><div>{description}</div>")
    article = articlekit.parse(html)
    assert article.paragraphs[0].startswith("The estate has grown grapes")
    assert "Quay Street" not in article.text


def test_teaser_grid_beside_the_article_is_left_out() -> None:
    teasers = "".join(
        f'<div class="item"><h3><a href="/lexikon/{i}">Lexikon entry {i}</a></h3>'
        f"<p>A short excerpt of entry {i}, with a comma, about batteries and panels.</p></div>"
        for i in range(5)
    )
    html = page(
        f'<div class="wrap"><div class="text">{paragraphs(3)}</div>'
        f'<div class="grid">{teasers}</div></div>'
    )
    article = articlekit.parse(html)
    assert article.status is Status.OK
    assert len(article.paragraphs) == 3
    assert "Lexikon entry" not in article.text


def test_mail_address_paragraph_is_kept() -> None:
    html = page(
        f"<article>{paragraphs(3)}"
        '<p><a href="mailto:tips@harborledger.example">tips@harborledger.example</a></p>'
        '<p><a href="/bus-lanes">More about bus lanes</a></p></article>'
    )
    article = articlekit.parse(html)
    assert "tips@harborledger.example" in article.text
    assert "More about bus lanes" not in article.text


def test_lead_picture_under_the_standfirst_is_gathered() -> None:
    # a news header: headline, standfirst, lead picture, byline; the body apart from it
    tree = build_tree(
        '<div id="story"><header><h1>Bus lane extended</h1>'
        '<p class="css-z6dj7x">Riders will get a faster trip downtown from March.</p>'
        '<div class="css-79elbk">\n  <figure>\n    <img src="/lane.jpg">\n    '
        "<figcaption>The Harbor Street lane at rush hour. Credit: Jane Doe</figcaption>"
        + "\n"
        * 300
        + "</figure></div><div>By Ann Lee</div></header>"
        f'<section class="css-1i2y565">{paragraphs(4)}</section></div>'
    )
    lead = tree.find(".//p")
    body = tree.find(".//section")
    assert lead is not None and body is not None
    picture = _picture_after_lead(lead, body)
    assert picture is not None and picture.get("class") == "css-79elbk"
    # a long block between the standfirst and the picture: the picture is not the lead's
    lead.addnext(build_tree(f"<div>{PROSE}</div>").find(".//div"))
    assert _picture_after_lead(lead, body) is None


def test_short_box_named_like_a_body_yields_to_the_text_beside_it() -> None:
    # "panel-body" (+25) around one short paragraph must not beat the description
    html = page(
        '<div class="col-md-9"><div class="beschreibung">'
        f"{paragraphs(3)}<p>{PROSE}</p><p>{PROSE}</p></div></div>"
        '<div class="col-md-3"><div class="panel-body">'
        "<p>Iberian wines in Berlin: the shop on Harbor Street is open on Saturdays.</p>"
        "</div></div>"
    )
    article = articlekit.parse(html)
    assert article.paragraphs[0].startswith("Paragraph 0. The council voted")
    assert "Iberian wines" not in article.text


def test_author_box_with_a_long_id_is_not_a_heading_slug() -> None:
    html = page(
        f'<div class="post-content">{paragraphs(4)}'
        '<div id="mvp-author-box-wrap"><p>Senior Editor with a focus on all things tech. '
        "You can keep up with me on Twitter: @someone</p></div></div>"
    )
    text = articlekit.parse(html).text
    assert "Paragraph 3. The council voted" in text
    assert "keep up with me" not in text


def test_paragraph_of_teaser_links_is_dropped() -> None:
    links = " ".join(
        f'<a href="/story-{i}">Story number {i}: what the council decided this week</a>'
        for i in range(4)
    )
    html = page(f'<div class="post-content">{paragraphs(4)}<p>{links}</p></div>')
    text = articlekit.parse(html).text
    assert "Paragraph 3. The council voted" in text
    assert "Story number" not in text


def test_teaser_card_set_as_a_figure_is_dropped() -> None:
    html = page(
        f'<article><section class="body">{paragraphs(3)}'
        '<figure class="teaserable-layout"><a href="/other-story.html"><img src="/ice.jpg">'
        "<figcaption><h3>ICE every half hour</h3>The railway wants to run its first fast "
        "trains every thirty minutes from 2021.</figcaption></a></figure>"
        '<figure><img src="/lane.jpg"><figcaption>The lane at rush hour.</figcaption></figure>'
        f"{paragraphs(2, 'More')}</section></article>"
    )
    article = articlekit.parse(html)
    assert "ICE every half hour" not in article.text
    assert "every thirty minutes" not in article.text
    assert [f.caption for f in article.figures] == ["The lane at rush hour."]


def test_listed_items_that_show_a_price() -> None:
    from lxml import html

    from articlekit.content.offers import shows_price

    def item(markup: str) -> html.HtmlElement:
        return html.fragment_fromstring(markup, create_parent="li")

    assert shows_price(item("<a href='/p/1'>Oak Board</a> <span>$59.00</span>"))
    assert shows_price(item("<a href='/p/2'>Teapot</a> <span>19,90 €</span>"))
    assert shows_price(item("<a href='/p/3'>Kettle</a> <span>1 299 Kč</span>"))
    assert shows_price(item("<a href='/p/4'>Mug</a> <span itemprop='price'>24</span>"))
    assert shows_price(
        item("<a href='/p/5'>Jug</a> <span class='money'>38</span><s class='Price--old'>42</s>")
    )
    assert not shows_price(
        item("<a href='/n/1'>Council approves budget</a> <time>3 May 2026</time>")
    )
    assert not shows_price(item("<a href='/n/2'>Ten tips for 2026</a> <span>5 min read</span>"))


def test_tables_whose_rows_are_linked_items() -> None:
    from lxml import html

    from articlekit.content.grids import find_link_tables

    rows = "".join(
        f"<tr><td>{i}.</td><td><a href='https://example.org/{i}'>Story number {i}</a></td></tr>"
        f"<tr><td></td><td><a href='item?id={i}'>{i} hours ago</a></td></tr>"
        for i in range(1, 6)
    )
    page = html.fromstring(
        f"<div><table id='layout'><tr><td><table id='items'>{rows}</table></td></tr></table>"
        "<table id='data'><tr><th>Year</th><th>Rate</th></tr><tr><td>2024</td><td>3.1</td></tr>"
        "<tr><td>2025</td><td>2.9</td></tr><tr><td>2026</td><td>2.7</td></tr></table></div>"
    )
    assert [t.get("id") for t in find_link_tables(page)] == ["items"]
