"""Figures: image, caption, credit; captions shown twice are kept once."""

from __future__ import annotations

import pytest

import articlekit
from articlekit import BlockKind
from articlekit.content.figures import image_source, split_credit
from articlekit.input.tree import build_tree

LONG = (
    "Crews worked through the night to clear the drains along the river road, and by morning "
    "most of the water had gone, though the lower car park stayed closed until the afternoon. "
)


def parse(
    body: str, url: str | None = "https://news.example/2021/flood.html"
) -> articlekit.Article:
    html = f"<html><head><title>Flood</title></head><body><article>{body}</article></body></html>"
    return articlekit.parse(html, url=url)


def test_figcaption_with_credit_span() -> None:
    article = parse(
        f"<p>{LONG}</p><figure><img src='/img/flood.jpg' alt='Flooded road'>"
        "<figcaption>The river road at dawn. <span class='credit'>Jane Roe</span></figcaption>"
        f"</figure><p>{LONG}</p>"
    )
    assert len(article.figures) == 1
    figure = article.figures[0]
    assert figure.src == "https://news.example/img/flood.jpg"
    assert figure.caption == "The river road at dawn."
    assert figure.credit == "Jane Roe"
    assert figure.alt == "Flooded road"
    assert article.caption == "The river road at dawn."
    assert article.text.count("The river road at dawn.") == 1
    assert [b.kind for b in article.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.FIGURE,
        BlockKind.PARAGRAPH,
    ]


def test_credit_in_caption_tail() -> None:
    assert split_credit("Flooded streets. Photo: AP") == ("Flooded streets.", "AP")
    assert split_credit("Die Brücke am Morgen (Foto: dpa)") == ("Die Brücke am Morgen", "dpa")
    assert split_credit("Le pont. Crédit photo : Jean Dupont") == ("Le pont.", "Jean Dupont")
    assert split_credit("Die Brücke. Bild: Stadt Köln") == ("Die Brücke.", "Stadt Köln")
    assert split_credit("A bridge. Image: Getty Images") == ("A bridge.", "Getty Images")
    assert split_credit("A bridge over the river") == ("A bridge over the river", None)


def test_caption_repeated_as_paragraph_and_overlay_appears_once() -> None:
    caption = "Volunteers fill sandbags outside the library on Monday."
    article = parse(
        f"<p>{LONG}</p>"
        f"<figure><img src='/a.jpg' alt='{caption}'><div class='caption-overlay'>{caption}</div>"
        f"<figcaption>{caption}</figcaption></figure>"
        f"<p>{caption}</p><p>{LONG}</p>"
    )
    assert article.text.count(caption) == 1
    assert article.figures[0].caption == caption
    assert article.paragraphs == (LONG.strip(), LONG.strip())


def test_wordpress_caption_wrapper_and_credit_line() -> None:
    article = parse(
        f"<p>{LONG}</p><div class='wp-caption aligncenter'><img src='/b.jpg'>"
        "<p class='wp-caption-text'>The library steps under water.</p></div>"
        f"<p>Photo: Office of the Mayor</p><p>{LONG}</p>"
    )
    figure = article.figures[0]
    assert figure.caption == "The library steps under water."
    assert figure.credit == "Office of the Mayor"
    assert "Office of the Mayor" not in article.text


def test_lazy_images_resolve_real_url() -> None:
    tree = build_tree(
        "<div><img src='data:image/gif;base64,R0lGOD' data-src='/real.jpg'>"
        "<img src='/pixel.gif' srcset='/small.jpg 480w, /large.jpg 1024w' class='x'>"
        "<img src='data:image/png;base64,AAAA'></div>"
    )
    images = list(tree.iter("img"))
    base = "https://news.example/a/"
    assert image_source(images[0], base) == "https://news.example/real.jpg"
    assert image_source(images[1], base) == "https://news.example/small.jpg"
    assert image_source(images[2], base) is None


def test_icons_and_avatars_are_not_figures() -> None:
    article = parse(
        f"<p>{LONG}</p><img src='/avatar.jpg' class='avatar' width='48' height='48'>"
        f"<img src='/icon.png' width='16' height='16'><p>{LONG}</p>"
    )
    assert article.figures == ()


def test_figure_whose_only_text_is_its_credit_is_kept() -> None:
    article = parse(
        f"<p>{LONG}</p><figure class='S encolumnada'><div><img src='/march.jpg'></div>"
        f"<figcaption>Foto: LA NACION</figcaption></figure><p>{LONG}</p>"
    )
    assert [f.src for f in article.figures] == ["https://news.example/march.jpg"]
    assert article.figures[0].credit == "LA NACION"


def test_lead_picture_in_the_header_is_a_figure_but_not_body_text() -> None:
    page = (
        "<html><head><title>Flood</title></head><body><main><article>"
        "<header><h1>River road reopens</h1><div class='hero'><figure class='lead-media'>"
        "<img src='/lead.jpg' alt=''></figure><figcaption class='hero__caption'>"
        "<span class='hero__text'>Sandbags along the river road.</span> "
        "<span class='hero__credit'>Foto: dpa</span></figcaption></div></header>"
        f"<div class='story'><div class='story-body'><p>{LONG}</p><p>{LONG}</p></div></div>"
        "</article></main></body></html>"
    )
    article = articlekit.parse(page, url="https://news.example/2021/flood.html")
    assert [(f.src, f.caption, f.credit) for f in article.figures] == [
        ("https://news.example/lead.jpg", "Sandbags along the river road.", "dpa")
    ]
    assert article.caption == "Sandbags along the river road."
    assert "Sandbags" not in article.text


def test_credit_forms_of_the_corpus_languages() -> None:
    assert split_credit("Abbildung 5: Reif bei Panex (Foto: V. Berret, 19.01.2022).") == (
        "Abbildung 5: Reif bei Panex",
        "V. Berret, 19.01.2022",
    )
    assert split_credit("Managua im August 2018. Foto: Jorge Mejía (CC BY 2.0)") == (
        "Managua im August 2018.",
        "Jorge Mejía (CC BY 2.0)",
    )
    assert split_credit("Un Népalais prie à Katmandou. (Photo Prakash Mathema. AFP)") == (
        "Un Népalais prie à Katmandou.",
        "Prakash Mathema. AFP",
    )
    assert split_credit("A neon sign in 2016. (John Minchillo / AP)") == (
        "A neon sign in 2016.",
        "John Minchillo / AP",
    )
    assert split_credit("Le piquet de grève / (C) Kab Niang") == ("Le piquet de grève", "Kab Niang")
    assert split_credit("Uno de los buses. FOTO Archivo Particular") == (
        "Uno de los buses.",
        "Archivo Particular",
    )
    assert split_credit("Presidente de EEUU, Joe Biden / AFP") == (
        "Presidente de EEUU, Joe Biden",
        "AFP",
    )
    # a capitalised word after a sentence is no credit unless it is a label
    assert split_credit("The river road. Monday Morning Crew") == (
        "The river road. Monday Morning Crew",
        None,
    )


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Un ciclista lungo il fiume. (Foto di Marco Esempio)", "Marco Esempio"),
        ("Un ciclista junto al río. Foto de Juan Ejemplo", "Juan Ejemplo"),
        ("Un cycliste au bord de l'eau. Photo de Jean Exemple", "Jean Exemple"),
        ("Uma ciclista junto ao rio. Foto de João Exemplo", "João Exemplo"),
        ("Een fietser langs de rivier. Foto van Jan Voorbeeld", "Jan Voorbeeld"),
        ("Een fietser langs de rivier. Beeld: ANP", "ANP"),
        ("Rowerzysta nad rzeką. Źródło: Jan Przykład", "Jan Przykład"),
        ("Велосипедист у реки. Фото: Иван Примеров", "Иван Примеров"),
        ("En syklist ved elva. Bilde: Kari Eksempel", "Kari Eksempel"),
        ("En cyklist ved åen. Billede: Mette Eksempel", "Mette Eksempel"),
        ("En cyklist vid ån. Källa: Anna Exempel", "Anna Exempel"),
        ("Nehir kenarında bir bisikletçi. Fotoğraf: Ayşe Örnek", "Ayşe Örnek"),
    ],
)
def test_credit_labels_and_by_words_of_more_languages(caption: str, credit: str) -> None:
    assert split_credit(caption) == (caption[: caption.index(". ") + 1], credit)
