"""Coverage-guided fuzzing of articlekit.parse and every renderer (atheris).

A finding is any exception other than an ArticlekitError, and also an
InternalError (the pipeline's wrapper for an unexpected exception), since both
mean a bug.  See fuzz/README.md for how to run it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_inputs import unsafe_markup

with atheris.instrument_imports(include=["articlekit"]):
    import articlekit
    from articlekit import InternalError, Limits, Options

# Tight limits in some runs reach the cutting and flattening code with small inputs.
_OPTIONS = (
    Options(),
    Options(mode="html"),
    Options(mode="text"),
    Options(limits=Limits(max_depth=6, max_nodes=40, max_text_chars=3000)),
    Options(comments=False, figures=False),
)


def test_one_input(data: bytes) -> None:
    """Parse ``data`` as bytes or as text, with one of the option sets, and render it."""
    if len(data) < 2:
        return
    control, payload = data[0], data[1:]
    options = _OPTIONS[control % len(_OPTIONS)]
    source: bytes | str = payload
    if control & 0x80:
        source = payload.decode("utf-8", errors="surrogateescape")  # lone surrogates too
    try:
        article = articlekit.parse(source, options=options)
    except InternalError:
        raise
    except articlekit.ArticlekitError:
        return
    article.to_dict()
    article.to_json()
    article.to_markdown()
    article.to_text()
    problems = unsafe_markup(article.to_html())
    if problems:
        raise AssertionError(f"unsafe to_html output: {problems[:5]}")


def main() -> None:
    """Entry point: ``python fuzz/fuzz_parse.py [libFuzzer options] [corpus dirs]``."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
