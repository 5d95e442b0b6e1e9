"""The byline and date of a text dump: the short lines around the story's heading."""

from __future__ import annotations

import pytest
from text_samples import MORE, PROSE

from articlekit.text.dateline import find_dateline, line_date
from articlekit.text.units import split_units

HEADING = "Harbour wall to be rebuilt"


def _dateline(meta: str, *, above: str = "", url: str | None = None) -> tuple[str | None, ...]:
    dump = f"Home\nNews\n{above}\n\n{HEADING}\n\n{meta}\n\n{PROSE}\n\n{MORE}\n"
    units = split_units(dump)
    heading = next(i for i, u in enumerate(units) if u.text == HEADING)
    found = find_dateline(units, heading, url)
    return found.byline, found.date


@pytest.mark.parametrize(
    ("meta", "byline", "date"),
    [
        # Resiliparse's list layout: the byline word, the name and the date as items
        ("  • Von\n  • Tobias Lindner\n  • 19.10.19, 12:00 Uhr", "Tobias Lindner", "2019-10-19"),
        ("Marta Ferrer 19.10.2019, 05:00 Uhr", "Marta Ferrer", "2019-10-19"),
        ("Oskar Brandt, am Sonntag, 11.12.2022 - 05:00 (1)", "Oskar Brandt", "2022-12-11"),
        ("Lena Vogt Zuletzt geändert am 06.11.2023", "Lena Vogt", "2023-11-06"),
        ("Gerd Falk / 22.04.2020 / 06:15 / Foto: Archiv / 150", "Gerd Falk", "2020-04-22"),
        ("28. Juni 2019 | Clara Wendt-Olsen", "Clara Wendt-Olsen", "2019-06-28"),
        ("September 17, 2019 Paul Hardy 0", "Paul Hardy", "2019-09-17"),
        # inline markup glued the byline word to the name; an e-mail address follows it
        ("ByJ.R. Stone\nThursday, November 9, 2023 7:35AM", "J.R. Stone", "2023-11-09"),
        ("Por Inés Calvo icalvo@example.com\n4 de mayo de 2022", "Inés Calvo", "2022-05-04"),
        # a name line over a role line over the date line
        ("Jonas Keller\nChefredakteur ca. 8 Min.\n12.01.2022", "Jonas Keller", "2022-01-12"),
        # the words of other languages: Dutch, Italian, Russian (its dates too)
        ("Door Sanne de Vries\n3 maart 2021", "Sanne de Vries", "2021-03-03"),
        ("Di Giulia Romano\n3 marzo 2021", "Giulia Romano", "2021-03-03"),
        ("Текст: Иван Петров · 11 октября 2018", "Иван Петров", "2018-10-11"),
        # blog themes: a user name after a dated by-word, a dateline after the name
        ("Posted on 2015-04-05 by marek | Leave a comment", "marek", "2015-04-05"),
        ("Veröffentlicht am 12. Juni 2017 von wiesel_7", "wiesel_7", "2017-06-12"),
        ("von Herr_Kamp Veröffentlicht am 11. Juni 2019", "Herr_Kamp", "2019-06-11"),
        # a relative time before the by-word; names end where a phrase or a label starts
        (
            "vor 11 Minuten von Rudi Faller, Simon Kehl\n3. März 2023",
            "Rudi Faller, Simon Kehl",
            "2023-03-03",
        ),
        ("Von Jana Roth Kategorien: Mode 6. November 2023", "Jana Roth", "2023-11-06"),
        ("1. Januar 2016 von GrueneWiese Ein Kommentar", "GrueneWiese", "2016-01-01"),
        # a name with an apostrophe or a particle; the date before it after a comma
        ("By\nGavin O'Leary\nUpdated 21:22, 6 OCT 2020", "Gavin O'Leary", "2020-10-06"),
        ("Jakob von Hagen 24. April 2020", "Jakob von Hagen", "2020-04-24"),
        ("1. Februar 2022 , Dana Kessler", "Dana Kessler", "2022-02-01"),
        # the name twice (alt text and link) or with a handle glued on; a glued year
        ("Lena Brook Lena Brook\n2 de mayo de 202221:25", "Lena Brook", "2022-05-02"),
        ("By Erik Lund@eriklund | May 5, 2020", "Erik Lund", "2020-05-05"),
        # inline elements joined without a space, a picture's alt text beside the names
        ("Veröffentlicht vonJonas Brandt 28. Februar 2016", "Jonas Brandt", "2016-02-28"),
        ("AvatarNora Lind22. Februar 2020", "Nora Lind", "2020-02-22"),
        ("Rita Sommer3.11.2023", "Rita Sommer", "2023-11-03"),
        ("ByKay MorrowMar 5, 2025 | 6 comments", "Kay Morrow", "2025-03-05"),
        ("ByDale Hartley KXRT logo\nNovember 9, 2023 4:41AM", "Dale Hartley", "2023-11-09"),
        # the name run into the next element; the published and updated dates run together
        ("Von Vera KrohnRSS-Feed ihrer Artikel\n3. März 2021", "Vera Krohn", "2021-03-03"),
        (
            "Ada Brook Politique française 20 janvier 202021 janvier 2020actualité",
            "Ada Brook",
            "2020-01-20",
        ),
        # a user name in camel case stays whole; a capital inside a name is no break
        (
            "Posted by EditorJane on Sunday March 08, 2026 @03:34AM from the rain dept.",
            None,
            "2026-03-08",
        ),
        ("By Ronald McDonald\n3 March 2021", "Ronald McDonald", "2021-03-03"),
        ("Profilbild Jana Keks 18.10.2019, 15:07 Uhr", "Jana Keks", "2019-10-18"),
        # blog themes' postmeta: the categories or the comment link after the names
        ("6. Dezember 2022 von Lena Fuchs in Reisen, Kultur", "Lena Fuchs", "2022-12-06"),
        ("Posted on March 3, 2021 by ada_b under Gardening, Notes", "ada_b", "2021-03-03"),
        ("September 15, 2020 by Tom Hale Leave a comment", "Tom Hale", "2020-09-15"),
        ("26. September 2019 Ulla Stock Schreibe einen Kommentar", "Ulla Stock", "2019-09-26"),
        # the by-word ends the dateline, the name is a link on the next line
        ("10.12.2022 18:27 von\nHanna Berger", "Hanna Berger", "2022-12-10"),
        # WordPress themes' screen-reader labels before the by-word and the date
        ("Post author By Nora Lind\nPost date March 5, 2014", "Nora Lind", "2014-03-05"),
        # a degree after the names, as a job title
        ("Written by Ada Brook, PhD on April 29, 2018", "Ada Brook", "2018-04-29"),
        # an author box that opens with the name does not make it the story's word
        (
            "Karin Lutz\nKarin Lutz is our chief reporter. Karin joined in 2015 after ten "
            "years at the regional radio.\n3 March 2021",
            "Karin Lutz",
            "2021-03-03",
        ),
    ],
)
def test_byline_and_date_under_the_heading(meta: str, byline: str, date: str) -> None:
    assert _dateline(meta) == (byline, date)


def test_dateline_over_the_heading() -> None:
    assert _dateline("", above="Pressemitteilung vom 2. November 2021\nTeilen") == (
        None,
        "2021-11-02",
    )


def test_names_alone_need_a_date_and_must_not_be_the_story_words() -> None:
    # a section's name over a date is no byline when the story uses its words
    section = _dateline("Regional Council\n02 Feb. 2022")
    assert section == (None, "2022-02-02")
    assert _dateline("Anna Berger") == (None, None)  # no date beside it: any name
    assert _dateline("Tweet This\nDecember 29th 2019") == (None, "2019-12-29")


def test_a_name_alone_under_the_standfirst_of_a_dated_page() -> None:
    standfirst = "Tests show that the old wall can be saved at a modest cost, engineers say."
    above = "24 September 2019"
    assert _dateline(f"{standfirst}\nKarin Lutz", above=above) == ("Karin Lutz", above_iso())
    # the heading shown again and the date may stand between
    assert _dateline(f"{HEADING}\n{standfirst}\nKarin Lutz", above=above)[0] == "Karin Lutz"
    # a quote's author under a signed line, a menu item, what "By" gave up on: none
    quote = f"Eine Kolumne\n{MORE}\nMax Weber"
    assert _dateline(quote, above=above) == (None, above_iso())
    assert _dateline(f"{standfirst}\n  • Private Nachricht", above=above) == (None, above_iso())
    assert _dateline("By\nThe Example Team\nFull Bio", above=above) == (None, above_iso())


def above_iso() -> str:
    return "2019-09-24"


def test_credit_labels_topics_salutations_and_possessives_are_no_bylines() -> None:
    above = "24 September 2019"
    assert _dateline("Edited by\nThe Example Team", above=above) == (None, above_iso())
    assert _dateline("Reviewed by\nHarbour Works", above=above) == (None, above_iso())
    # a section's tags beside the date, listed again under a label further down
    tags = _dateline("Ehrenamt Jugendarbeit 23.01.2020\n\nThemen: Ehrenamt Jugendarbeit")
    assert tags == (None, "2020-01-23")
    assert _dateline("Dear Brian,\nSeptember 26, 2025") == (None, "2025-09-26")
    assert _dateline("Saracen's Fez\nSeptember 26, 2025") == (None, "2025-09-26")
    # the post's meta as list items, a label and its value in one item
    meta = "  • Erscheinungsdatum 25.01.2022\n  • Kategorien Umwelt"
    assert _dateline(meta) == (None, "2022-01-25")
    assert _dateline("  • 25.01.2022\n  • Karin Lutz") == ("Karin Lutz", "2022-01-25")


def test_a_sentence_that_names_a_date_is_no_dateline() -> None:
    sentence = "The council says the wall will be finished on 4 July 2024."
    assert _dateline(sentence) == (None, None)


def test_the_site_signing_is_no_author() -> None:
    url = "https://www.harbourgazette.example/2021/03/05/wall"
    # the site's name in a publication's shape: an article before it, one word
    assert _dateline("von Die Harbour Gazette 02.11.2021", url=url) == (None, "2021-11-02")
    assert _dateline("By HarbourGazette", url=url) == (None, "2021-03-05")  # the permalink's
    # without a by-word the site's name beside the date is the account that saved the post
    assert _dateline("Harbour Gazette 02.11.2021", url=url) == (None, "2021-11-02")
    # once the site signs, a name under it is a picture's alt text, not the author
    signed = _dateline("von Die Harbour Gazette 02.11.2021\n6\nKarin Lutz", url=url)
    assert signed == (None, "2021-11-02")
    assert _dateline("02.11.2021\n6\nKarin Lutz", url=url) == ("Karin Lutz", "2021-11-02")


def test_the_site_signing_with_a_by_word_in_a_name_s_shape() -> None:
    # as in HTML mode ("Written by Miami Today"): a company's blog signed by the company,
    # a person's site signed by the person
    url = "https://www.harbourgazette.example/2021/03/05/wall"
    assert _dateline("By Harbour Gazette", url=url) == ("Harbour Gazette", "2021-03-05")


def test_line_date_reads_every_language_but_not_an_ambiguous_day() -> None:
    assert line_date("Publicado em 5 de março de 2020") == "2020-03-05"
    assert line_date("5 марта 2020") == "2020-03-05"
    assert line_date("06/11/2023 0 Kommentare") is None  # 6 November or June 11
    assert line_date("Monday, 03/04/2020 at 9:15 am") == "2020-03-04"  # English: month first


def _signed(tail: str) -> str | None:
    """The byline of a story with no dateline by its heading and ``tail`` under its text."""
    dump = f"Home\n\n{HEADING}\n\n{PROSE}\n\n{MORE}\n\n{tail}\n"
    units = split_units(dump)
    return find_dateline(units, next(i for i, u in enumerate(units) if u.text == HEADING)).byline


def test_a_signature_at_the_end_by_its_date_and_once() -> None:
    # an author line with the date next to it, among short lines at the story's end
    assert _signed("Related\nDatum: 19.11.2021\nAutor: Fritz Lang\nQuelle: Archiv") == "Fritz Lang"
    # the author box repeating the story's signature does not undo it
    signed = "By: Ada Brook, Contributor"
    assert _signed(f"{signed}\n{PROSE}\n{signed}") == "Ada Brook"
    # teasers or comments signed by others: a list's entries, no signature
    teasers = f"By Ada Brook\n{PROSE}\nBy Tom Hale\n{MORE}"
    assert _signed(teasers) is None
