"""Shop grids: listed items that show a price.

A shop's category page lists products as cards each showing its price: a
currency amount ("$24.50", "19,90 €", "1 299 Kč"), or markup that names it
(schema.org ``Offer``/``price`` in microdata, a class naming the price).  A grid of
such cards beside the page's text is the page's content, not a rail of teasers:
:func:`shows_price` tells such an item.
"""

from __future__ import annotations

import re

from lxml import html

from articlekit.input.elements import text_of
from articlekit.input.xpath import boolean_query

__all__ = ["count_currency_marks", "shows_amount", "shows_price"]

# Currency symbols before or after an amount and ISO 4217 codes after one: symbols and
# codes, not words of a language.
_AMOUNT = re.compile(
    r"[$€£¥₹₩₺₽₪฿]\s?\d"
    r"|\d(?:[\d.,\s\u00a0\u202f]*\d)?\s?(?:[€£¥₹₩₺₽₪฿]|(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|PLN|CZK|"
    r"Kč|zł|kr)\b)"
)
# schema.org's offer and price properties, and the class the shop themes give the price
# (Shopify "price-item", WooCommerce "woocommerce-Price-amount", Magento "price-box")
_PRICE_MARKUP = boolean_query(
    "boolean(.//*[@itemprop='price' or @itemprop='offers' or @itemprop='lowPrice'"
    " or contains(translate(@class, 'PRICE', 'price'), 'price')])"
)


def shows_amount(text: str) -> bool:
    """Whether ``text`` holds an amount with its currency ("$24.50", "19,90 €")."""
    return _AMOUNT.search(text) is not None


def shows_price(item: html.HtmlElement) -> bool:
    """Whether a listed item shows a price: an amount with its currency in its text, or
    price markup inside it."""
    return bool(_AMOUNT.search(text_of(item))) or bool(_PRICE_MARKUP(item))


_CURRENCY_MARKS = ("$", "€", "£", "¥", "₹", "₩", "₺", "₽", "₪", "฿", "USD", "EUR", "GBP", "CHF")
_CURRENCY_WORDS = ("SEK", "NOK", "DKK", "PLN", "CZK", "Kč", "zł", " kr")


def count_currency_marks(text: str) -> int:
    """How many currency symbols and codes a text holds, an upper bound of its prices
    counted with ``str.count`` alone: the cheap test before grids are looked for (a page
    showing fewer prices than a shop grid has items has none)."""
    return sum(text.count(mark) for mark in _CURRENCY_MARKS) + sum(
        text.count(word) for word in _CURRENCY_WORDS
    )
