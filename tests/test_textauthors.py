"""People's names in a text dump without a by-word: a list of names under the heading,
the author box under the story."""

from __future__ import annotations

from text_samples import MORE, PROSE

from articlekit.text.authorbox import author_box
from articlekit.text.dateline import find_dateline
from articlekit.text.personnames import name_list
from articlekit.text.units import split_units

HEADING = "Harbour wall to be rebuilt"
BIO = (
    "Karin Lutz is our chief reporter for the coast. She joined the paper in 2015 after "
    "ten years at the regional radio and writes about towns, ports and the sea."
)


def _byline(dump: str) -> str | None:
    units = split_units(dump.replace("\n", "\n\n"))  # one unit a line, as converters write
    return find_dateline(units, next(i for i, u in enumerate(units) if u.text == HEADING)).byline


def test_several_names_under_the_heading_of_a_dated_page() -> None:
    dump = f"Home\n24 September 2019\n{HEADING}\n{{names}}\n{PROSE}\n{MORE}\n"
    assert _byline(dump.format(names="Ana Ruiz, Luis Gil y Eva Sanz")) == (
        "Ana Ruiz, Luis Gil y Eva Sanz"
    )
    assert _byline(dump.format(names="Clara Holm & Jonas Wick")) == "Clara Holm & Jonas Wick"
    # topics in a name's shape: the story's own words, or a widget's
    assert _byline(dump.format(names="Harbour Wall, Regional Council")) is None


def test_name_list_wants_names_only() -> None:
    units = split_units(f"{PROSE}\n{MORE}\n")
    assert name_list("Ana Ruiz and Luis Gil", units, 0) == "Ana Ruiz and Luis Gil"
    assert name_list("Ana Ruiz", units, 0) is None  # one name: person_like's
    assert name_list("Ana Ruiz, Luis Gil,", units, 0) is None  # the list goes on
    assert name_list("Ana Ruiz, Clemson University", units, 0) is None


def test_the_author_box_under_the_story() -> None:
    dump = f"Home\n{HEADING}\n{PROSE}\n{MORE}\nAbout the author\nKarin Lutz\n{BIO}\nNewsletter\n"
    assert _byline(dump) == "Karin Lutz"
    # a role line between the name and the biography
    assert _byline(dump.replace("Karin Lutz\n", "Karin Lutz\nChief reporter\n")) == "Karin Lutz"


def test_a_heading_over_its_paragraph_is_no_author_box() -> None:
    entries = (
        "Art Deco\nArt Deco is a style of furniture with bold lines, rich colours and costly "
        "woods that came from Paris in the years after the First World War.\n"
        "Art Nouveau\nArt Nouveau is a style of furniture with flowing lines drawn from plants "
        "and flowers that spread across Europe at the turn of the last century.\n"
    )
    units = split_units(f"{HEADING}\n{PROSE}\n{entries}")
    assert author_box(units, 0) is None  # two names in the form: a listicle's entries
    feature = (
        "Touch ID\nTouch ID on the keyboard gives you a fast, easy and secure way to unlock "
        "your computer, sign in to accounts and pay for what you buy online.\n"
    )
    assert author_box(split_units(f"{HEADING}\n{PROSE}\n{feature}"), 0) is None
    # a name the story speaks of is its subject, not its author
    subject = f"{PROSE[:-1]}, said Karin Lutz.\nKarin Lutz\n{BIO}\n"
    assert author_box(split_units(f"{HEADING}\n{subject}"), 0) is None


def test_a_forum_s_user_name_beside_the_post_s_date() -> None:
    dump = f"Home\n{HEADING}\n{{meta}}\n{PROSE}\n{MORE}\n"
    assert _byline(dump.format(meta="JonasKeks 18.10.2019, 15:07 Uhr")) == "JonasKeks"
    assert _byline(dump.format(meta="ada_b January 28, 2024, 3:36pm 1")) == "ada_b"
    assert _byline(dump.format(meta="rk 15. Oktober 2023")) == "rk"
    # a capitalised word may be a label, a section or a place; a compound is no handle
    assert _byline(dump.format(meta="Datum 19.11.2021")) is None
    assert _byline(dump.format(meta="Presse-Mitteilung 21.01.2022")) is None
    assert _byline(dump.format(meta="Veröffentlicht 18.10.2019")) is None


def test_a_thread_s_later_post_does_not_sign_the_page() -> None:
    first, later = "Brian September 26, 2025, 1:38pm 1", "ada_b September 26, 2025, 1:55pm 2"
    thread = f"Home\n{HEADING}\n{first}\nHi all\n{later}\n{PROSE}\n"
    assert _byline(thread) is None


def test_a_blog_theme_s_postmeta_after_the_date() -> None:
    dump = f"Home\n{HEADING}\n{{meta}}\n{PROSE}\n{MORE}\n"
    assert _byline(dump.format(meta="28. Januar 2015 lenaberg Schreibe einen Kommentar")) == (
        "lenaberg"
    )
    # the date twice (published, updated), the categories after the names
    meta = "6. November 2023 6. November 2023 Tilda Marsch Musik, Interviews, Konzerte"
    assert _byline(dump.format(meta=meta)) == "Tilda Marsch"
    assert _byline(dump.format(meta="1. Februar 2022 ottok Ratgeber, Katzen 0")) == "ottok"
    # the story's own word after the date is no author
    assert _byline(dump.format(meta="5. März 2021 council")) is None


def test_a_dateline_s_numbers_do_not_make_it_long() -> None:
    meta = "von Ina Berghoff Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35"
    dump = f"Home\n\n{HEADING}\n\n{meta}\n\n{PROSE}\n\n{MORE}\n"
    units = split_units(dump)
    found = find_dateline(units, 1)
    assert (found.byline, found.date) == ("Ina Berghoff", "2023-01-01")


def test_a_dated_signature_with_a_user_name_under_the_story() -> None:
    tail = "Gespeichert von lenaberg am 24. Juli 2017 - 18:55"
    assert _byline(f"Home\n{HEADING}\n{PROSE}\n{MORE}\n{tail}\nWeiter\n") == "lenaberg"
    # without its date the lower-case word may be a phrase's
    assert _byline(f"Home\n{HEADING}\n{PROSE}\n{MORE}\nvon lenaberg\nWeiter\n") is None
