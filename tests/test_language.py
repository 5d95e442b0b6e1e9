"""Article.lang: the declared language, checked against the article's text."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.metadata.language import (
    SAMPLE_CHARS,
    identify_language,
    language_sample,
    resolve_language,
)
from articlekit.model import Block, BlockKind

GERMAN = (
    "Die Stadtverwaltung hat am Montag angekündigt, dass die Straßenbahnlinie im kommenden "
    "Jahr bis zum neuen Wohngebiet am Fluss verlängert wird. Die Bauarbeiten sollen im "
    "Frühjahr beginnen und werden nach Angaben der Verkehrsbetriebe etwa zwei Jahre dauern. "
    "Anwohner können sich bei einer Informationsveranstaltung im Rathaus über die Pläne "
    "informieren und ihre Fragen stellen."
)
FRENCH = (
    "La municipalité a annoncé lundi que la ligne de tramway sera prolongée l'année "
    "prochaine jusqu'au nouveau quartier situé au bord du fleuve. Les travaux doivent "
    "commencer au printemps et dureront environ deux ans selon la société de transport. "
    "Les habitants pourront découvrir les plans lors d'une réunion publique à la mairie "
    "et poser leurs questions."
)


def _page(text: str, lang: str | None = None) -> str:
    declared = f' lang="{lang}"' if lang else ""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". ") if sentence)
    return (
        f"<!doctype html><html{declared}><head><title>Tramway</title></head><body>"
        f"<article><h1>Tramway</h1>{paragraphs}</article></body></html>"
    )


def test_declared_english_with_german_text_gives_de() -> None:
    assert articlekit.parse(_page(GERMAN, "en")).lang == "de"


def test_declared_region_kept_when_text_agrees() -> None:
    assert articlekit.parse(_page(GERMAN, "de-AT")).lang == "de-AT"


def test_no_declaration_and_french_text_gives_fr() -> None:
    assert articlekit.parse(_page(FRENCH)).lang == "fr"


def test_short_text_keeps_declaration() -> None:
    page = (
        '<html lang="es-MX"><body><article><h1>Hello</h1><p>Thanks, see you soon.</p>'
        "</article></body></html>"
    )
    assert articlekit.parse(page).lang == "es-MX"
    assert resolve_language("es-MX", "Thanks, see you soon.") == "es-MX"


def test_no_declaration_and_no_text_gives_none() -> None:
    assert resolve_language(None, "") is None
    assert articlekit.parse('<html><body><div class="x"></div></body></html>').lang is None


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        ("en", GERMAN, "de"),
        ("de-AT", GERMAN, "de-AT"),
        ("DE", GERMAN, "DE"),  # the page's form is kept as extract_metadata gave it
        (None, FRENCH, "fr"),
        ("fr-CA", FRENCH, "fr-CA"),
        ("de", FRENCH, "fr"),
        (None, "Merci.", None),
        ("it", "", "it"),
        (None, "", None),
        ("no", "Norges Fotballforbund har vært bekymret for et stort frafall i "
         "barnefotballen i løpet av koronaperioden, og derfor er det ekstra gledelig å se "
         "at mange barn har deltatt på fotballskoler rundt om i hele Norge.", "no"),
    ],
)  # fmt: skip
def test_resolve_language(declared: str | None, text: str, expected: str | None) -> None:
    assert resolve_language(declared, text) == expected


def test_identification_reads_a_bounded_sample() -> None:
    assert identify_language(GERMAN + " " + "x" * 10 * SAMPLE_CHARS) == "de"
    assert identify_language("x" * SAMPLE_CHARS + GERMAN) is None  # beyond the sample


def test_sample_skips_code_and_tables_and_stops_at_the_limit() -> None:
    blocks = [
        Block(BlockKind.CODE, text="for (int i = 0; i < n; i++) { return x; }"),
        Block(BlockKind.PARAGRAPH, text=GERMAN),
        Block(BlockKind.TABLE, rows=(("a", "b"),)),
        Block(BlockKind.PARAGRAPH, text=FRENCH),
    ]
    sample = language_sample(blocks, limit=100)
    assert sample == GERMAN[:100]
    assert language_sample(blocks) == f"{GERMAN}\n{FRENCH}"


def test_same_text_same_answer() -> None:
    first = [resolve_language("en", text) for text in (GERMAN, FRENCH, GERMAN[:150])]
    assert first == [resolve_language("en", text) for text in (GERMAN, FRENCH, GERMAN[:150])]


def test_a_text_dump_gets_the_language_of_its_text() -> None:
    dump = (
        "Stadtanzeiger\nStartseite | Lokales | Sport\n\n"
        "Neue Radwege für die Hafenstraße\n\n"
        "Der Stadtrat hat am Montagabend beschlossen, entlang der Hafenstraße einen geschützten "
        "Radweg zu bauen. Die Arbeiten sollen im Juni beginnen und etwa fünf Monate dauern.\n\n"
        "Anwohner und Geschäftsleute hatten zwei Jahre lang über die Pläne gestritten, bevor "
        "die Verwaltung einen Kompromiss mit weniger Parkplätzen vorlegte.\n"
    )
    article = articlekit.parse(dump, options=articlekit.Options(mode="text"))
    assert article.lang == "de"
