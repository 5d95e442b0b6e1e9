"""Every page of ../shared/corpus/readability-testpages parses, has a title and renders.

A title (and a main text) is required wherever the corpus truth has one; a few test pages
have no title at all (their truth says ""), and for those none is expected.  A page that
articlekit answers with the explicit ``no_article`` signal (a front page of teasers, which
Readability.js still reads as one text) counts as answered, as issue 2 allows for listings;
it costs body F1 in the quality benchmark, where it is measured.
"""

from __future__ import annotations

import json
from pathlib import Path

import articlekit


def _truth(corpus: Path) -> dict[str, dict[str, object]]:
    lines = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    records = (json.loads(line) for line in lines if line.strip())
    return {str(record["id"]): record for record in records}


def test_readability_testpages_parse_with_a_title(corpus_dir: Path) -> None:
    corpus = corpus_dir / "readability-testpages"
    pages = sorted((corpus / "pages").glob("*.html.gz"))
    assert len(pages) >= 100, f"expected the readability-testpages corpus, found {len(pages)}"
    truth = _truth(corpus)
    failures: list[str] = []
    for page in pages:
        expected = truth.get(page.name.removesuffix(".html.gz"), {})
        try:
            article = articlekit.parse(page)
        except articlekit.ArticlekitError as error:
            failures.append(f"{page.name}: {type(error).__name__}: {error}")
            continue
        if expected.get("title") != "" and not (article.title or "").strip():
            failures.append(f"{page.name}: no title")
        no_article = article.status is articlekit.Status.NO_ARTICLE
        if expected.get("body") and not article.text.strip() and not no_article:
            failures.append(f"{page.name}: no text")
        if "<script" in article.to_html().lower():
            failures.append(f"{page.name}: <script in HTML output")
        article.to_markdown()
        article.to_text()
    assert not failures, f"{len(failures)} of {len(pages)} pages failed:\n" + "\n".join(failures)
