"""Synthetic pages and archives for the batch tests (no shared data needed)."""

from __future__ import annotations

import io
from pathlib import Path

WORDS = [
    "river",
    "council",
    "budget",
    "school",
    "harbour",
    "festival",
    "library",
    "bridge",
    "market",
    "winter",
    "museum",
    "railway",
    "orchard",
    "doctor",
    "garden",
    "station",
    "theatre",
    "village",
    "summer",
    "island",
]


def sentence(seed: int, length: int = 28) -> str:
    """A deterministic sentence of ordinary words, different for each seed."""
    words = [WORDS[(seed * 7 + i * (seed % 5 + 3)) % len(WORDS)] for i in range(length)]
    return f"Story {seed} says the " + " ".join(words) + " were discussed at length."


def page(title: str, paragraphs: list[str], url: str | None = None) -> bytes:
    """An article page: title, canonical URL, navigation, the paragraphs, a footer."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{canonical}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer>Contact us</footer></body></html>"
    ).encode()


def story(n: int, url: str | None = None) -> bytes:
    """Page number ``n`` with three distinct paragraphs."""
    return page(f"Headline number {n}", [sentence(n * 3 + k) for k in range(3)], url)


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    """A gzip'd WARC of (kind, uri, payload, content type) records, kind in
    response|conversion|request|resource."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=path.name.endswith(".gz"))
        for kind, uri, payload, content_type in records:
            if kind == "response":
                headers = [("Content-Type", content_type)] if content_type else []
                http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload), http_headers=http
                )
            elif kind == "request":
                http = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
                )
                record = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=http
                )
            else:
                record = writer.create_warc_record(
                    uri, kind, payload=io.BytesIO(payload), warc_content_type=content_type
                )
            writer.write_record(record)
