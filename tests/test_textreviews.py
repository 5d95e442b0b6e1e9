"""A shop's review widget in a text dump: found by its header over a star histogram,
read as comments, the product's boxes under it kept in the body."""

from __future__ import annotations

from articlekit.comments.phrases import is_review_header
from articlekit.options import Options
from articlekit.text.dump import parse_text_dump
from articlekit.text.reviews import find_review_zone, parse_reviews
from articlekit.text.units import split_units

INTRO = (
    "This walnut serving board is cut from a single plank and finished with food-safe oil, "
    "so it can go from the kitchen counter straight to the table without a second thought."
)
CARE = (
    "Wash the board by hand with warm water and a little soap, dry it upright, and rub in "
    "a spoonful of oil every few weeks to keep the grain from drying out."
)
REVIEW_1 = "Heavier than it looks in the photos, which I like: it does not slide around at all."
REVIEW_2 = "The grain on mine is darker than pictured but it is still a beautiful piece of wood."
HISTOGRAM = "\n\n".join(["92%", "(11)", "8%", "(1)", "0%", "(0)"])


def _dump(histogram: str = HISTOGRAM, pager: str = "1 2") -> str:
    return (
        f"Walnut Serving Board\n\n$48.00\n\nAdd to cart\n\n{INTRO}\n\n"
        f"Customer Reviews\n\nBased on 12 reviews\n\nWrite a review\n\n{histogram}\n\n"
        f"J\n\nJonas B.\n\nSolid and heavy\n\n{REVIEW_1}\n\n"
        f"A\n\nAnke W.\n\nLovely grain\n\n{REVIEW_2}\n\n{pager}\n\n"
        f"Care\n\n{CARE}\n\nNewsletter\n\nSubscribe\n\nContact\n\nImprint\n"
    )


def test_review_headers_in_several_languages() -> None:
    assert is_review_header("Customer Reviews")
    assert is_review_header("Kundenbewertungen (12)")
    assert is_review_header("Avis clients")
    assert not is_review_header("Customer reviews are moderated before they appear")
    assert not is_review_header("Reviews")  # a menu's or tab's label as often as a widget's


def test_review_widget_is_read_as_comments_and_the_boxes_under_it_stay_body() -> None:
    article = parse_text_dump(_dump(), None, Options())
    assert [(c.author, c.text) for c in article.comments] == [
        ("Jonas B.", f"Solid and heavy\n\n{REVIEW_1}"),
        ("Anke W.", f"Lovely grain\n\n{REVIEW_2}"),
    ]
    assert INTRO in article.paragraphs
    assert CARE in article.paragraphs
    for absent in ("Based on 12 reviews", "Write a review", "92%", REVIEW_1, REVIEW_2):
        assert absent not in article.text


def test_review_zone_ends_at_a_pager_a_converter_joined() -> None:
    units = split_units(_dump(pager="12"))
    start, end = find_review_zone(units) or (0, 0)
    assert units[start].text == "Customer Reviews"
    assert units[end].text == "12"


def test_review_header_without_a_histogram_is_no_widget() -> None:
    assert find_review_zone(split_units(_dump(histogram="4.8 out of 5 stars"))) is None


def test_rating_summary_under_the_product_name_is_no_widget() -> None:
    dump = f"Walnut Serving Board\n\nCustomer Reviews\n\n{HISTOGRAM}\n\n{INTRO}\n\n{CARE}\n"
    assert find_review_zone(split_units(dump)) is None


def test_a_sign_off_under_a_review_is_its_last_line() -> None:
    lines = [
        "R",
        "R.K.",
        "A bit strong",
        REVIEW_1,
        "Thanks, Robin",
        "P",
        "Priya S.",
        "Nice",
        REVIEW_2,
    ]
    reviews = parse_reviews(split_units("\n\n".join(lines)))
    assert [(r.author, r.text) for r in reviews] == [
        ("R.K.", f"A bit strong\n\n{REVIEW_1} Thanks, Robin"),
        ("Priya S.", f"Nice\n\n{REVIEW_2}"),
    ]
