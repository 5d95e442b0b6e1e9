"""Plain-text dumps of pages: title, body, figures and comments from lines alone."""

from __future__ import annotations

from articlekit.model import BlockKind
from articlekit.options import Options
from articlekit.text.comments import find_comment_zone
from articlekit.text.dump import parse_text_dump
from articlekit.text.units import split_units

P1 = (
    "The regional council approved a plan on Monday to rebuild the old harbour wall, which "
    "was damaged in last winter's storms and has been closed to walkers since January."
)
P2 = (
    "Engineers say the work will take about eighteen months, and the council expects the "
    "promenade to reopen in stages as each section of the wall is finished and inspected."
)
P3 = (
    "Residents who spoke at the meeting welcomed the decision but asked for the fishing "
    "boats to keep their moorings while the builders are working on the northern end."
)

WORDPRESS_DUMP = f"""Council Votes to Rebuild the Harbour Wall

Print Share Tweet Email

Workers inspect the damaged harbour wall after the January storms.

Photo: Jane Smith/Reuters

Workers inspect the damaged harbour wall after the January storms.

{P1}

{P2}

{P3}

3 thoughts on “Council Votes to Rebuild the Harbour Wall”

  1. Mark says:
     March 3, 2021 at 9:15 am

     About time. The wall has been a danger for years.

     Reply
      1. Lucy says:
         March 3, 2021 at 11:02 am

         Agreed, but the boats need somewhere to go.

         Reply
  2. Peter says:
     March 4, 2021 at 8:00 pm

     Who is paying for this?

     I hope it is not the harbour users.

     Reply

Leave a Reply

Your email address will not be published. Required fields are marked *

Comment

Name *

Post Comment

Notify me of new comments via email.
"""


def test_wordpress_like_dump() -> None:
    article = parse_text_dump(WORDPRESS_DUMP, None, Options())
    assert article.title == "Council Votes to Rebuild the Harbour Wall"
    assert article.paragraphs == (P1, P2, P3)
    assert article.caption == "Workers inspect the damaged harbour wall after the January storms."
    assert article.figures[0].credit == "Jane Smith/Reuters"
    assert article.text.count(article.caption) == 1
    comments = article.comments
    assert [(c.author, c.date) for c in comments] == [
        ("Mark", "2021-03-03T09:15"),
        ("Lucy", "2021-03-03T11:02"),
        ("Peter", "2021-03-04T20:00"),
    ]
    assert comments[0].text == "About time. The wall has been a danger for years."
    assert comments[1].parent == comments[0].id
    assert comments[0].parent is None and comments[2].parent is None
    assert comments[2].text == "Who is paying for this?\n\nI hope it is not the harbour users."
    output = article.to_json()
    for absent in ("Print Share", "thoughts on", "Leave a Reply", "Required fields", "Reply\n"):
        assert absent not in output
    assert "says:" not in output and "Post Comment" not in output


DE1 = (
    "Der Stadtrat hat am Dienstag beschlossen, in der Innenstadt bis zum Jahr 2025 insgesamt "
    "zwölf Kilometer neue Radwege anzulegen, die vom Autoverkehr getrennt sind."
)
DE2 = (
    "Die Kosten von rund vier Millionen Euro sollen zum größten Teil aus Fördermitteln des "
    "Landes kommen, wie die Verwaltung in der Sitzung erklärte."
)
GERMAN_DUMP = f"""Neue Radwege für die Innenstadt

Drucken Teilen Mehr

{DE1}

{DE2}

Foto: dpa

2 Kommentare

Anna Berg · 5. März 2024 um 10:12

Endlich! Ich fahre jeden Tag mit dem Rad zur Arbeit und warte seit Jahren darauf.

Antworten

Jens K. · 6. März 2024 um 08:30

Und wo sollen die Autos parken?

Antworten

Hinterlasse einen Kommentar

Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
"""


def test_german_dump_with_kommentare_and_antworten() -> None:
    article = parse_text_dump(GERMAN_DUMP, None, Options())
    assert article.title == "Neue Radwege für die Innenstadt"
    assert article.paragraphs == (DE1, DE2)
    assert [(c.author, c.date, c.text) for c in article.comments] == [
        (
            "Anna Berg",
            "2024-03-05T10:12",
            "Endlich! Ich fahre jeden Tag mit dem Rad zur Arbeit und warte seit Jahren darauf.",
        ),
        ("Jens K.", "2024-03-06T08:30", "Und wo sollen die Autos parken?"),
    ]
    output = article.to_json()
    for absent in ("Antworten", "Kommentare", "Hinterlasse", "Drucken", "E-Mail-Adresse"):
        assert absent not in output


WET_DUMP = f"""Harbour wall to be rebuilt | The Coastal Gazette

Skip to content

Home
News
Sport
Opinion
Weather
Subscribe
Sign in

We use cookies to improve your experience on our site. By continuing you accept our cookie policy.

News

Harbour wall to be rebuilt

By Jane Smith

March 2, 2021

{P1}
{P2}
Why it matters
{P3}

Share this article

Related

Storm damage costs the town millions in repairs

Flood defences to be reviewed after the worst winter in decades

About us
Contact us
Privacy policy
Terms of use
Copyright © 2021 The Coastal Gazette. All rights reserved.
"""


def test_wet_like_whole_page_dump() -> None:
    article = parse_text_dump(WET_DUMP, None, Options())
    assert article.title == "Harbour wall to be rebuilt"
    assert article.paragraphs == (P1, P2, P3)
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Why it matters"]
    for absent in ("Skip to content", "cookie", "Subscribe", "Storm damage", "Copyright", "Home"):
        assert absent not in article.text
    assert article.comments == ()


def test_comment_count_link_near_top_is_not_a_comment_section() -> None:
    dump = f"Story title\n\n12 Comments\n\n{P1}\n\n{P2}\n\n{P3}\n"
    article = parse_text_dump(dump, None, Options())
    assert find_comment_zone(split_units(dump)) is None
    assert article.paragraphs == (P1, P2, P3)
    assert article.comments == ()


def test_hard_wrapped_and_br_broken_paragraphs_are_joined() -> None:
    wrapped = (
        "The regional council approved a plan on Monday to rebuild the old\n"
        "harbour wall, which was damaged in last winter's storms and has been\n"
        "closed to walkers since January.\n"
    )
    units = split_units(wrapped)
    assert len(units) == 1 and units[0].text.startswith("The regional council approved")
    broken = "Lorem ipsum\ndolor sit\namet, consectetur adipisicing elit\n"
    assert [u.text for u in split_units(broken)] == [
        "Lorem ipsum dolor sit amet, consectetur adipisicing elit"
    ]
    menu = "Home\nNews\nSport\n"
    assert [u.text for u in split_units(menu)] == ["Home", "News", "Sport"]


def test_single_paragraph_page_keeps_its_text() -> None:
    article = parse_text_dump(P1 + "\n", None, Options())
    assert article.paragraphs == (P1,)


def test_comments_option_off_still_keeps_comments_out_of_body() -> None:
    article = parse_text_dump(WORDPRESS_DUMP, None, Options(comments=False))
    assert article.comments == ()
    assert "About time" not in article.text


def test_empty_and_symbol_only_dumps() -> None:
    assert parse_text_dump("", None, Options()).blocks == ()
    assert parse_text_dump("---\n***\n\n", None, Options()).blocks == ()


def test_deterministic() -> None:
    first = parse_text_dump(WET_DUMP, "https://example.org/a", Options())
    second = parse_text_dump(WET_DUMP, "https://example.org/a", Options())
    assert first == second and first.url == "https://example.org/a"


def test_byline_and_date_under_the_title() -> None:
    article = parse_text_dump(WET_DUMP, None, Options())
    assert article.byline == "Jane Smith" and article.authors == ("Jane Smith",)
    assert article.date == "2021-03-02"
    assert "By Jane Smith" not in article.text


def test_explain_gives_a_verdict_per_unit() -> None:
    from articlekit.explain import Verdict
    from articlekit.text.dump import explain_text_dump

    article, decisions = explain_text_dump(WORDPRESS_DUMP, None, Options())
    assert article == parse_text_dump(WORDPRESS_DUMP, None, Options())
    verdicts = {d.target.split(": ", 1)[1].strip("'\""): d.verdict for d in decisions}
    assert verdicts["Print Share Tweet Email"] is Verdict.BOILERPLATE
    assert verdicts["Photo: Jane Smith/Reuters"] is Verdict.CREDIT
    assert verdicts[P1[:60]] is Verdict.CONTENT
    assert decisions[-1].verdict is Verdict.COMMENT_SECTION


def test_markdown_style_dump() -> None:
    dump = (
        "# Harbour wall to be rebuilt\n\n"
        "[Home](/) | [News](/news)\n\n"
        f"{P1.replace('harbour wall', '[harbour wall](https://example.org/wall)')}\n\n"
        f"**{P2}**\n\n{P3}\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert article.title == "Harbour wall to be rebuilt"
    assert article.paragraphs == (P1, P2, P3)


DATELINES = [
    ("Publicada el 3 de marzo de 2021 por Rocío Benavente", "Rocío Benavente"),
    ("Publicado por Juan Pérez", "Juan Pérez"),
    ("Por Juan Pérez", "Juan Pérez"),
    ("Von Hans Müller", "Hans Müller"),
    ("Veröffentlicht am 3. März 2021 von Anna Schmidt und Jan Meier", "Anna Schmidt und Jan Meier"),
    ("Par Jean de la Fontaine, le 3 mars 2021", "Jean de la Fontaine"),
    ("Publié le 3 mars 2021 par Jean Dupont", "Jean Dupont"),
    ("Posted on March 3, 2021 by Jane Doe", "Jane Doe"),
    ("By Jane Doe | March 3, 2021", "Jane Doe"),
    ("By Jane Doe, Senior Staff Writer", "Jane Doe"),
    ("March 3, 2021 by Jane Doe", "Jane Doe"),
]


def test_datelines_with_names_in_four_languages() -> None:
    from articlekit.text.lines import byline_of, is_byline_or_date

    for line, names in DATELINES:
        assert byline_of(line) == names, line
        assert is_byline_or_date(line), line
    assert is_byline_or_date("Publicada el 3 de marzo de 2021")
    assert is_byline_or_date("12 March 2023 · 2 min read")
    for line in (
        "Par exemple, le chat dort",
        "by the way",
        "Photo by Jane Doe",
        "Von Berlin nach Hamburg",
        "Por qué el compost funciona",
    ):
        assert byline_of(line) is None, line
        assert not is_byline_or_date(line), line


def test_dateline_under_the_heading_is_not_the_title() -> None:
    dump = (
        "Startseite\nPolitik\n\nHafenmauer wird neu gebaut\n\n"
        "Veröffentlicht am 3. März 2021 von Anna Schmidt\n\nTeilen\nDrucken\n\n"
        f"{P1}\n\n{P2}\n\n{P3}\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert article.title == "Hafenmauer wird neu gebaut"
    assert (article.byline, article.date) == ("Anna Schmidt", "2021-03-03")
    assert article.paragraphs == (P1, P2, P3)


READ_MORE = ("Read more", "Weiterlesen", "Lire la suite", "Leer más", "En savoir plus")


def _teasers(count: int, dated: bool = True) -> str:
    return "\n".join(
        f"Harbour story number {n} makes the news today\n"
        f"The council met on day {n} to discuss the harbour wall and the fishing boats.\n"
        + (f"1{n} March 2023\n" if dated else "")
        + READ_MORE[n % len(READ_MORE)]
        for n in range(1, count + 1)
    )


def test_listing_dump_has_no_article() -> None:
    import articlekit
    from articlekit.model import Status

    dump = f"Greenfield Gazette\nHome\nNews\n\n{_teasers(6)}\n\nPage suivante\n"
    article = parse_text_dump(dump, None, Options())
    assert article.paragraphs == ()
    assert (article.byline, article.date) == (None, None)
    assert articlekit.parse(dump, options=Options(mode="text")).status is Status.NO_ARTICLE
    undated = parse_text_dump(
        f"Greenfield Gazette\n\n{_teasers(5, dated=False)}\n", None, Options()
    )
    assert undated.paragraphs == ()


def test_article_with_related_teasers_is_not_a_listing() -> None:
    dump = f"Harbour wall to be rebuilt\n\n{P1}\n\n{P2}\n\n{P3}\n\nRelated\n{_teasers(4)}\n"
    article = parse_text_dump(dump, None, Options())
    assert article.paragraphs == (P1, P2, P3)


def test_related_headers_end_the_article_in_several_languages() -> None:
    prose = (
        "The council voted on Tuesday to extend the river path by two kilometres, and the "
        "work is due to start in the spring once the funding has been confirmed by the state."
    )
    second = (
        "Cyclists have asked for the new section to be lit at night, and the planners said "
        "that lamps would be added along the whole route if the budget allows it."
    )
    for header in (
        "Das könnte dich auch interessieren",
        "Meistgelesene Artikel",
        "Czytaj też",
        "Veja também",
        "Dans la même rubrique",
        "Weiterführende Links",
    ):
        dump = (
            f"River path to be extended\n\n{prose}\n\n{second}\n\n{header}\n\n"
            "Bridge closed for repairs after the storm damaged the railings on both sides\n\n"
            "12 March 2023\n\n"
            "New bus line links the old town with the university campus from next month\n\n"
            "9 March 2023"
        )
        article = parse_text_dump(dump, None, Options(mode="text"))
        assert "Bridge closed" not in article.text, header
        assert "The council voted" in article.text, header
        assert "Cyclists have asked" in article.text, header


# Resiliparse's layout: no head line, menus as indented bullets, the story's heading
# a block of its own with the dateline under it, a teaser list under the text.
BODY_ONLY_DUMP = f"""Skip to content
  • Home
  • News
    • Local
    • Region
  • Sport
  • Contact
Harbour Gazette

Read our newsletter every morning

Harbour wall to be rebuilt after winter storms

March 3, 2021 · 4 min read
{P1}

{P2}

{P3}

More from the Gazette
  • Ferry timetable changes for the summer season
  • Fishing festival returns to the old quay
"""


def test_headline_found_by_its_neighbourhood_without_a_head_line() -> None:
    article = parse_text_dump(
        BODY_ONLY_DUMP, "https://gazette.example/news/harbour-wall-rebuilt-storms", Options()
    )
    assert article.title == "Harbour wall to be rebuilt after winter storms"
    assert article.date == "2021-03-03"
    assert article.paragraphs == (P1, P2, P3)
    # without the URL the dateline under it and the paragraph below still decide
    assert parse_text_dump(BODY_ONLY_DUMP, None, Options()).title == article.title


def test_headline_score_reads_the_neighbourhood() -> None:
    from articlekit.text.headline import Neighbourhood, headline_score, slug_overlap

    units = split_units(BODY_ONLY_DUMP)
    near = Neighbourhood.of(units, "https://gazette.example/news/harbour-wall-rebuilt-storms")
    index = {u.text: i for i, u in enumerate(units)}
    headline = headline_score(near, index["Harbour wall to be rebuilt after winter storms"])
    assert headline > headline_score(near, index["Harbour Gazette"])
    assert headline > headline_score(near, index["Read our newsletter every morning"])
    # permalinks spell umlauts and ß out, or drop their marks
    slug = frozenset(["heiss", "gruesse", "koln"])
    assert slug_overlap("Heiß: Grüße aus Köln", slug) == 0.75  # "aus" is not in it
    assert slug_overlap("Harbour news", frozenset(["harbour"])) == 0.0  # one word is chance


# Resiliparse's layout of a template that puts a kicker and the title in one heading
# element: the breadcrumb's last item names the page by its title alone.
KICKER_DUMP = f"""  • Home
  • News
  • Harbour wall to be rebuilt after winter storms
Storm damage in the old port Harbour wall to be rebuilt after winter storms

March 3, 2021 · 4 min read
{P1}

{P2}

{P3}
"""


def test_a_kicker_glued_over_the_title_goes_by_the_breadcrumb() -> None:
    article = parse_text_dump(KICKER_DUMP, None, Options())
    assert article.title == "Harbour wall to be rebuilt after winter storms"
    # a one-word lead is the title's own ("Acme's Harbour Wall Repair"), so is a trail
    # item of fewer words than a title
    own = KICKER_DUMP.replace("Storm damage in the old port ", "Acme's ")
    assert parse_text_dump(own, None, Options()).title.startswith("Acme's")
    short = KICKER_DUMP.replace("  • Harbour wall to be rebuilt after winter storms\n", "")
    short = short.replace("  • News", "  • winter storms")
    assert parse_text_dump(short, None, Options()).title.startswith("Storm damage")


def test_a_kicker_glued_over_the_title_goes_by_the_head_line() -> None:
    # html-text's layout: the <title> writes "Kicker: Story | Site", the heading glues
    # the kicker's element to the story's without the colon
    dump = WET_DUMP.replace(
        "Harbour wall to be rebuilt | The Coastal Gazette",
        "Storm damage: Harbour wall to be rebuilt | The Coastal Gazette",
    ).replace("\nHarbour wall to be rebuilt\n", "\nStorm damage Harbour wall to be rebuilt\n")
    assert parse_text_dump(dump, None, Options()).title == "Harbour wall to be rebuilt"
    # or the kicker is a part of its own in the head line ("Kicker - Story - Site")
    parts = dump.replace("Storm damage:", "Storm damage -")
    assert parse_text_dump(parts, None, Options()).title == "Harbour wall to be rebuilt"
    # a kicker the heading writes with its separator is the title's own
    written = parts.replace("\nStorm damage Harbour", "\nStorm damage – Harbour")
    assert (
        parse_text_dump(written, None, Options()).title
        == "Storm damage – Harbour wall to be rebuilt"
    )


def test_a_kicker_glued_over_the_title_goes_by_a_part_of_the_trail() -> None:
    # Resiliparse's layout: the trail's last item gives story and kicker as two parts,
    # or ends a trail written in one line
    title = "Harbour wall to be rebuilt after winter storms"
    dump = KICKER_DUMP.replace(f"  • {title}\n", f"  • {title} - Storm damage in the old port\n")
    assert parse_text_dump(dump, None, Options()).title == title
    trail = KICKER_DUMP.replace(f"  • {title}\n", f"  • Regional home / News / {title}\n")
    assert parse_text_dump(trail, None, Options()).title == title
    # a heading that writes the kicker with its separator keeps it
    written = dump.replace("old port Harbour", "old port – Harbour")
    assert parse_text_dump(written, None, Options()).title.startswith("Storm damage")
    # so does a heading that is itself a trail ("Section / Story")
    trail_heading = KICKER_DUMP.replace("old port Harbour", "old port / Harbour")
    assert parse_text_dump(trail_heading, None, Options()).title == (
        f"Storm damage in the old port / {title}"
    )


# html-text's layout of a head line that names the site after a colon, over a heading, a
# standfirst and a byline
COLON_SITE_DUMP = f"""Harbour wall to be rebuilt: Gazette of the Coastal Towns

Skip to content

Home
News
Subscribe

Harbour wall to be rebuilt

What the council's plan costs and when the promenade opens again

By Jane Smith

{P1}

{P2}

{P3}
"""


def test_a_heading_repeats_the_head_line_before_a_colon() -> None:
    # "Story: Site" splits at the colon as "Story | Site" does: the heading that repeats
    # the story's part is the headline, not the standfirst under it
    article = parse_text_dump(COLON_SITE_DUMP, None, Options())
    assert article.title == "Harbour wall to be rebuilt"
    bar = COLON_SITE_DUMP.replace(": Gazette", " | Gazette")
    assert parse_text_dump(bar, None, Options()).title == "Harbour wall to be rebuilt"
    # "Kicker: Story - Site" is repeated by "Kicker: Story" as a whole
    kicker = COLON_SITE_DUMP.replace(
        "Harbour wall to be rebuilt: Gazette of the Coastal Towns",
        "Storm: Harbour wall to be rebuilt - Gazette of the Coastal Towns and Islands",
    ).replace("\nHarbour wall to be rebuilt\n", "\nStorm: Harbour wall to be rebuilt\n")
    assert parse_text_dump(kicker, None, Options()).title == "Storm: Harbour wall to be rebuilt"


def test_a_timestamp_is_no_headline_and_an_arrow_makes_a_breadcrumb() -> None:
    from articlekit.text.headline import headline_like, is_timestamp

    # a dateline whose month no language file spells, or in an order no date reader knows
    assert is_timestamp("15 августа 2016, 13:43") and is_timestamp("Jan 04 09:34 2021")
    assert not headline_like("Jan 04 09:34 2021")
    # headlines give a year or a score, rarely a clock time beside a year
    assert not is_timestamp("Ferry fares to rise in 2022")
    assert not is_timestamp("Harbour 2:1 Quay in the 2021 cup final")
    assert headline_like("Ferry fares to rise in 2022")
    assert not headline_like("Home → News → Harbour wall to be rebuilt")
    dump = BODY_ONLY_DUMP.replace(
        "Harbour wall to be rebuilt after winter storms\n\nMarch 3, 2021 · 4 min read",
        "Home → News → Harbour wall to be rebuilt after winter storms\n\n"
        "Harbour wall to be rebuilt after winter storms\n\n03 Mar 10:15 2021",
    )
    assert parse_text_dump(dump, None, Options()).title == (
        "Harbour wall to be rebuilt after winter storms"
    )


COMMENT_A = "Great to see the wall finally getting fixed, the promenade was a mess all winter."
COMMENT_B = "Who pays for this? I hope it is not the harbour users again, like last time."
COMMENT_C = "The fishing boats need a place to go while the builders are working there."


def test_comments_without_a_header_rule_knows() -> None:
    # "Leserpost (150)" is no header any rule knows: the entries open the section
    dump = (
        f"Harbour wall to be rebuilt\n\n{P1}\n\n{P2}\n\n{P3}\n\nLeserpost (3)\n\n"
        f"Karla Brandt / 22.04.2020\n{COMMENT_A}\nMax Ohm / 22.04.2020\n{COMMENT_B}\n"
        f"Ina Roth / 23.04.2020\n{COMMENT_C}\n\nImpressum\nDatenschutz\nKontakt\nAGB\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert article.paragraphs == (P1, P2, P3)
    assert [(c.author, c.date, c.text) for c in article.comments] == [
        ("Karla Brandt", "2020-04-22", COMMENT_A),
        ("Max Ohm", "2020-04-22", COMMENT_B),
        ("Ina Roth", "2020-04-23", COMMENT_C),
    ]


def test_bulleted_comment_list_of_a_whole_page_dump() -> None:
    # Resiliparse keeps the comment list: "• Name", the date indented under it,
    # "• antworten" and "• melden" after each comment, replies indented deeper
    dump = (
        f"Harbour wall to be rebuilt\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
        "      1 Kommentar:\n"
        "        • Martina K.\n          14. 01. 2020, 13:47\n"
        f"          {COMMENT_A}\n          • antworten\n          • melden\n"
        "          • Tom Berger\n            14. 01. 2020, 20:29\n"
        f"            {COMMENT_B}\n            • antworten\n            • melden\n"
        "        • Ulla\n          15. 01. 2020, 08:02\n"
        f"          {COMMENT_C}\n          • antworten\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert article.paragraphs == (P1, P2, P3)
    assert [(c.author, c.date, c.text) for c in article.comments] == [
        ("Martina K.", "2020-01-14T13:47", COMMENT_A),
        ("Tom Berger", "2020-01-14T20:29", COMMENT_B),
        ("Ulla", "2020-01-15T08:02", COMMENT_C),
    ]
    # the reply is indented under the comment it answers
    first, reply, last = article.comments
    assert (reply.parent, last.parent) == (first.id, None)
    assert not any(line in article.text for line in ("antworten", "melden", "Ulla"))


def test_name_then_date_entries_in_one_line() -> None:
    dump = (
        f"Harbour wall to be rebuilt\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
        f"Ilse Vinnik July 28, 2015 at 4:28 pm\n{COMMENT_A}\n"
        f"pepemaus July 31, 2015 at 4:34 pm\n{COMMENT_B}\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert [(c.author, c.date[:10]) for c in article.comments] == [
        ("Ilse Vinnik", "2015-07-28"),
        ("pepemaus", "2015-07-31"),
    ]
    assert COMMENT_A not in article.text


def test_a_thread_whose_first_text_is_an_entry_keeps_its_posts() -> None:
    # a forum thread or Q&A page: the posts are the page's main content
    dump = (
        "Harbour forum\n\nWall repairs: who pays?\n\n"
        f"Karla Brandt / 22.04.2020\n{P1}\n\nMax Ohm / 22.04.2020\n{P2}\n\n"
        f"Ina Roth / 23.04.2020\n{P3}\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert article.comments == ()
    assert article.paragraphs == (P1, P2, P3)


def test_numbered_sections_are_no_comments_without_a_header() -> None:
    dump = (
        "Five harbour walks\n\n"
        + "\n\n".join(f"{n}. Walk number {n}\n\n{p}" for n, p in enumerate((P1, P2, P3), 1))
        + "\n"
    )
    article = parse_text_dump(dump, None, Options())
    assert article.comments == ()
    assert tuple(p for p in article.paragraphs if p in (P1, P2, P3)) == (P1, P2, P3)


def test_a_line_over_the_line_limit_is_cut_and_said() -> None:
    import articlekit
    from articlekit.model import Status
    from articlekit.options import Limits

    long_line = " ".join(["The harbour wall was rebuilt after the storm."] * 10)  # 469 chars
    dump = f"Harbour wall to be rebuilt\n\n{P1}\n\n{long_line}\n\n{P2}\n"
    options = Options(mode="text", limits=Limits(max_dump_line_chars=300))
    article = articlekit.parse(dump, options=options)
    assert article.status is Status.TRUNCATED
    assert article.warnings == (
        "1 line(s) of the text dump cut at 300 characters (max_dump_line_chars)",
    )
    assert long_line[:300] in article.text and long_line not in article.text
    # within the default limits nothing is cut, and the status says so
    whole = articlekit.parse(dump, options=Options(mode="text"))
    assert (whole.status, whole.warnings) == (Status.OK, ())
    assert long_line in whole.text


def test_the_line_count_cut_is_said() -> None:
    import articlekit
    from articlekit.model import Status
    from articlekit.options import Limits

    paragraphs = [f"Part {n}: {p}" for n in range(20) for p in (P1, P2, P3)]
    dump = "Harbour wall to be rebuilt\n\n" + "\n\n".join(paragraphs) + "\n"
    options = Options(mode="text", limits=Limits(max_dump_lines=31))
    article = articlekit.parse(dump, options=options)
    assert article.status is Status.TRUNCATED
    assert article.warnings == ("text dump cut at 31 lines (max_dump_lines)",)
    assert article.paragraphs == tuple(paragraphs[:30])  # and the title line
    # the raw lines are bounded too: ten per line kept, blank ones included
    blank_heavy = "\n" * 400 + dump
    cut = articlekit.parse(blank_heavy, options=options)
    assert cut.warnings == ("text dump cut at 31 lines (max_dump_lines)",)
    assert cut.status is Status.NO_ARTICLE  # nothing but blank lines was read


def test_a_real_100000_character_line_is_cut_by_default() -> None:
    import articlekit
    from articlekit.model import Status

    words_line = ("word " * 30_000).strip()  # 149,999 characters
    article = articlekit.parse(f"{P1}\n\n{words_line}\n\n{P2}\n", options=Options(mode="text"))
    assert "(max_dump_line_chars)" in article.warnings[0]
    assert article.status in (Status.TRUNCATED, Status.NO_ARTICLE)


def test_count_link_over_an_article_shown_after_its_comments_is_no_section() -> None:
    # a dump that puts two short comments first and the article under "2 Comments"
    comments = (
        "Great summary, thanks.\n\nI would add a note on the northern moorings, "
        "which flood at spring tide every March.\n\n"
    )
    dump = f"Harbour wall\n\n{comments}2 Comments\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P1} {P2}\n"
    assert find_comment_zone(split_units(dump)) is None


def test_teaser_datelines_are_no_comment_signatures() -> None:
    # "Published On 6 Mar 2026" under each teaser of an index page names no commenter
    teasers = "".join(
        f"Teaser headline number {n} about the harbour\n{P1[: 60 + n]}.\n"
        f"Published On {n} Mar 2026 {n} Mar 2026\n"
        for n in range(1, 7)
    )
    dump = f"Economy\n\n{P1}\n\n{P2}\n\n{teasers}"
    assert find_comment_zone(split_units(dump)) is None


def test_a_documentation_heading_loses_its_permalink_sign() -> None:
    from articlekit.text.title import unmarked

    # Sphinx writes "¶" after each heading; html-text with a space, Resiliparse without
    for heading in ("Harbour Wall Repairs ¶", "Harbour Wall Repairs¶"):
        dump = f"Harbour Wall Repairs — Port Guide 2.1 documentation\n\n{heading}\n\n{P1}\n\n{P2}\n"
        assert parse_text_dump(dump, None, Options()).title == "Harbour Wall Repairs"
    assert unmarked("Models 🔗") == "Models"
    assert unmarked("Section 5 §") == "Section 5 §"  # a section sign is the heading's own


def test_a_short_title_before_a_long_site_name_repeats_the_head_line() -> None:
    # the heading is the head line's first part, shorter than a third of the line
    dump = (
        "Tide Tables — Harbour Authority of Greenfield Port Developer Documentation\n\n"
        f"Home\nGuides\n\nTide Tables\n\n{P1}\n\n{P2}\n"
    )
    assert parse_text_dump(dump, None, Options()).title == "Tide Tables"
