"""Every field of every hand-written fixture case (``tests/fixtures/<case>/expected.json``).

One test per (case, field), so a failure names the case and the field; pairs listed in
``tests/fixtures/known_failures.txt`` are strict xfails (known debt, not loosened truth).  The
comparison rules (dates by day, comment parents by index, ids free, ...) are
documented in ``tests/fixtures/fixturecases.py``; ``tests/fixtures/regenerate.py``
rewrites expectations on purpose.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load_fixturecases() -> ModuleType:
    path = Path(__file__).resolve().parent / "fixtures" / "fixturecases.py"
    spec = importlib.util.spec_from_file_location("articlekit_fixturecases", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fc = _load_fixturecases()

CASES = fc.case_dirs()
KNOWN = fc.known_failures()
PARAMS = [
    pytest.param(
        case,
        key,
        id=f"{case.name}-{key}",
        marks=(
            [pytest.mark.xfail(reason=KNOWN[(case.name, key)], strict=True)]
            if (case.name, key) in KNOWN
            else []
        ),
    )
    for case in CASES
    for key in fc.compared_fields(fc.load_expected(case))
]


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 18, [c.name for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_is_well_formed(case: Path) -> None:
    expected = fc.load_expected(case)
    assert isinstance(expected.get("_about"), str) and expected["_about"], "missing _about"
    assert fc.source_path(case).stat().st_size > 0
    assert "paragraphs" in expected or "status" in expected


@pytest.mark.parametrize(("case", "key"), PARAMS)
def test_fixture_field(case: Path, key: str) -> None:
    expected = fc.load_expected(case)
    article = fc.parse_case(case)
    problems = fc.compare(article, key, expected[key])
    assert not problems, f"{case.name} {key}:\n  " + "\n  ".join(problems)


def _visible_text(case: Path) -> str:
    """The source's text with whitespace collapsed (a check on the hand-written cases)."""
    import gzip
    import re

    import lxml.html

    path = fc.source_path(case)
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    if ".html" in path.name:
        root = lxml.html.document_fromstring(data)
        for node in root.iter("script", "style"):
            node.text = ""
        text = "".join(str(part) for part in root.itertext())
    else:
        text = data.decode("utf-8")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expected_text_occurs_in_source(case: Path) -> None:
    """Every expected paragraph, caption and comment paragraph is text of the source page,
    so a typo in an expectation shows here rather than as an extractor failure."""
    import re

    expected = fc.load_expected(case)
    source = _visible_text(case)
    wanted = list(expected.get("paragraphs", []))
    if expected.get("caption"):
        wanted.append(expected["caption"])
    for comment in expected.get("comments", []):
        wanted.extend(part for part in comment.get("text", "").split("\n\n") if part)
    missing = [w for w in wanted if re.sub(r"\s+", " ", w) not in source]
    assert not missing, missing


def _article(**fields: object) -> object:
    from articlekit import Article, Block, BlockKind, Comment

    blocks = (Block(BlockKind.PARAGRAPH, text="One."), Block(BlockKind.PARAGRAPH, text="Two."))
    comments = (
        Comment(id="c7", author="Ann", date="2020-01-02T10:00:00Z", text="Hi"),
        Comment(id="c9", parent="c7", author="Bo", date="2020-01-03", text="Yo"),
    )
    base: dict[str, object] = {"blocks": blocks, "comments": comments, "lang": "en-GB"}
    base.update(fields)
    return Article.create(**base)  # type: ignore[arg-type]


def test_comparison_rules_accept_equivalent_values() -> None:
    article = _article(date="2021-03-04T05:06:07+01:00")
    assert fc.compare(article, "date", "2021-03-04") == []
    assert fc.compare(article, "lang", "en") == []
    assert fc.compare(article, "paragraphs", ["One.", "Two."]) == []
    expected_comments = [
        {"author": "Ann", "parent": None, "date": "2020-01-02", "text": "Hi"},
        {"author": "Bo", "parent": 0, "date": "2020-01-03T23:00:00Z", "text": "Yo"},
    ]
    assert fc.compare(article, "comments", expected_comments) == []


def test_comparison_rules_reject_differences() -> None:
    article = _article(date="2021-03-04")
    assert fc.compare(article, "date", "2021-04-03")
    assert fc.compare(article, "lang", "de")
    assert fc.compare(article, "paragraphs", ["One."])
    wrong_parent = [
        {"author": "Ann", "parent": None},
        {"author": "Bo", "parent": None},
    ]
    assert fc.compare(article, "comments", wrong_parent)
    assert fc.compare(article, "absent", ["Two"])
    assert fc.compare(article, "absent_lines", ["One."])
    assert fc.compare(article, "absent_from_body", ["Yo"]) == []
    assert fc.compare(article, "absent", ["Yo"])
