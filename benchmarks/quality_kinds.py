"""Page kinds in the quality benchmark: body and content F1 per kind, empty outputs,
and how often the extractor names the corpus's kind (issue 10 §3).

Only corpora whose truth has a ``kind`` (modern-2026-dev) are scored here.

- body F1 per kind: the shingle F1 of :func:`benchmarks.quality_metrics.body_scores`
  over the pages of that kind (truth labels as the corpus spells them, so
  ``blog`` and ``collection`` keep their own rows).
- content F1: the same with the extractor's comments after its body.  A forum's
  truth holds the whole thread, and a thread's replies are comments.
- issue F1 (``thread_f1``): body F1 with each forum page scored on its content, the
  figure issue 10 sets the overall target on.
- empty: pages whose truth body has at least :data:`EMPTY_MIN_WORDS` tokens and
  whose extracted body has none.
- title, byline, date: exact over the pages of the kind whose truth names one (as in the
  main table); false bylines: an answer where the truth is "".
- kind accuracy: the extractor's kind against the label, with ``blog`` read as
  ``article`` and ``collection`` as ``listing``; the confusion table counts
  (label, answer) pairs.  Extractors that name no kind get no accuracy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from benchmarks.quality_metrics import (
    body_scores,
    byline_exact,
    date_exact,
    shingle_match,
    title_exact,
    tokenize,
)

__all__ = ["EMPTY_MIN_WORDS", "LABEL_AS_KIND", "kind_table", "score_kinds"]

EMPTY_MIN_WORDS = 50
"""An empty answer counts against the extractor only where the truth has this many words."""

THREAD_LABELS = frozenset({"forum"})
"""Labels whose pages are scored on body and comments together in ``thread_f1``."""

LABEL_AS_KIND = {"blog": "article", "collection": "listing"}
"""Corpus labels that name one of articlekit's kinds by another word."""


class _Page(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def truth(self) -> dict[str, Any]: ...


class _Answer(Protocol):
    @property
    def body(self) -> str: ...
    @property
    def comments(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def byline(self) -> str: ...
    @property
    def date(self) -> str: ...


def content_of(answer: _Answer) -> str:
    """The body with the comments after it."""
    return "\n".join(part for part in (answer.body, answer.comments) if part)


def score_kinds(
    pages: Sequence[_Page], answers: Mapping[str, _Answer], bootstrap: int = 0
) -> dict[str, Any] | None:
    """Per-kind scores of one extractor on one corpus; None when no page has a kind."""
    labelled = [p for p in pages if p.truth.get("kind") and p.truth.get("body") is not None]
    if not labelled:
        return None
    groups: dict[str, list[_Page]] = {}
    for page in labelled:
        groups.setdefault(page.truth["kind"], []).append(page)
    per_kind = {
        label: _group_scores(group, answers, bootstrap)
        for label, group in sorted(groups.items(), key=lambda item: -len(item[1]))
    }
    out: dict[str, Any] = {"kinds": per_kind, "all": _group_scores(labelled, answers, bootstrap)}
    named = [p for p in labelled if answers[p.id].kind]
    if named:
        confusion = Counter((p.truth["kind"], answers[p.id].kind) for p in named)
        right = sum(
            n for (label, got), n in confusion.items() if LABEL_AS_KIND.get(label, label) == got
        )
        out["kind_accuracy"] = right / len(named)
        out["confusion"] = {
            label: {got: n for (lab, got), n in sorted(confusion.items()) if lab == label}
            for label in per_kind
        }
    return out


def _group_scores(
    group: Sequence[_Page], answers: Mapping[str, _Answer], bootstrap: int
) -> dict[str, Any]:
    body = body_scores(
        [shingle_match(p.truth["body"], answers[p.id].body) for p in group], n_bootstrap=bootstrap
    )
    content = body_scores(
        [shingle_match(p.truth["body"], content_of(answers[p.id])) for p in group],
        n_bootstrap=bootstrap,
    )
    thread = body_scores(
        [
            shingle_match(
                p.truth["body"],
                content_of(answers[p.id])
                if p.truth["kind"] in THREAD_LABELS
                else answers[p.id].body,
            )
            for p in group
        ],
        n_bootstrap=bootstrap,
    )
    long_truth = [p for p in group if len(tokenize(p.truth["body"])) >= EMPTY_MIN_WORDS]
    empty = [p.id for p in long_truth if not tokenize(answers[p.id].body)]
    unnamed = [p for p in group if p.truth.get("byline") == ""]
    return {
        "pages": len(group),
        "body_f1": body.f1,
        "content_f1": content.f1,
        "thread_f1": thread.f1,
        "empty": len(empty),
        "empty_of": len(long_truth),
        "empty_rate": len(empty) / len(long_truth) if long_truth else 0.0,
        "empty_ids": empty,
        "title": _exact(group, answers, "title", title_exact),
        "byline": _exact(group, answers, "byline", byline_exact),
        "false_bylines": sum(1 for p in unnamed if answers[p.id].byline.strip()),
        "false_bylines_of": len(unnamed),
        "date": _exact(group, answers, "date", date_exact),
    }


def _exact(
    group: Sequence[_Page],
    answers: Mapping[str, _Answer],
    key: str,
    same: Callable[[str, str | None], bool],
) -> float | None:
    """Share of exact answers over the pages whose truth ``key`` is a non-empty string."""
    named = [p for p in group if p.truth.get(key)]
    if not named:
        return None
    return sum(same(p.truth[key], getattr(answers[p.id], key)) for p in named) / len(named)


def kind_table(title: str, rows: Mapping[str, Mapping[str, Any]]) -> str:
    """Markdown: a row per page kind, body F1 / content F1 / empty of each extractor,
    then the metadata per kind, articlekit's kind accuracy and confusion table."""
    scored = {name: m["by_kind"] for name, m in rows.items() if m.get("by_kind")}
    if not scored:
        return ""
    lines = [f"### {title}: by page kind", ""]
    lines += _per_kind(scored, ("body F1", "content F1", "empty"), _body_cells, pages=True)
    lines.append("")
    lines += [
        f"{name}: body F1 of all pages, forum pages on body and comments: "
        f"{data['all']['thread_f1']:.3f}"
        for name, data in scored.items()
    ]
    lines.append("")
    lines += _per_kind(scored, ("title", "byline", "false bylines", "date"), _metadata_cells)
    for name, data in scored.items():
        if "kind_accuracy" not in data:
            continue
        answers = sorted({got for row in data["confusion"].values() for got in row})
        lines += [
            "",
            f"{name} kind accuracy: {data['kind_accuracy']:.3f} (blog as article, "
            "collection as listing). Confusion, label by answer:",
            "",
            "| label | " + " | ".join(answers) + " |",
            "|---|" + "---:|" * len(answers),
        ]
        for label, row in data["confusion"].items():
            lines.append(f"| {label} | " + " | ".join(str(row.get(a, 0)) for a in answers) + " |")
    return "\n".join(lines) + "\n"


def _per_kind(
    scored: Mapping[str, Mapping[str, Any]],
    headers: Sequence[str],
    cells_of: Callable[[Mapping[str, Any]], list[str]],
    *,
    pages: bool = False,
) -> list[str]:
    """A table with a row per kind label (then "all") and ``headers`` per extractor."""
    names = list(scored)
    head = " | ".join(f"{n} {h}" for n in names for h in headers)
    first = scored[names[0]]
    lines = [
        f"| kind |{' pages |' if pages else ''} {head} |",
        "|---|" + ("---:|" if pages else "") + "---:|" * (len(headers) * len(names)),
    ]
    for label in [*first["kinds"], "all"]:
        cells = []
        for name in names:
            group = scored[name]["all"] if label == "all" else scored[name]["kinds"].get(label)
            cells += ["—"] * len(headers) if group is None else cells_of(group)
        own = first["all"] if label == "all" else first["kinds"][label]
        shown = f" {own['pages']} |" if pages else ""
        lines.append(f"| {label} |{shown} " + " | ".join(cells) + " |")
    return lines


def _body_cells(group: Mapping[str, Any]) -> list[str]:
    empty = f"{group['empty']}/{group['empty_of']}"
    return [f"{group['body_f1']:.3f}", f"{group['content_f1']:.3f}", empty]


def _metadata_cells(group: Mapping[str, Any]) -> list[str]:
    false = f"{group['false_bylines']}/{group['false_bylines_of']}"
    return [_score(group["title"]), _score(group["byline"]), false, _score(group["date"])]


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
