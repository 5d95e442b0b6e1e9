"""Write the seed corpus for fuzz/fuzz_parse.py into fuzz/corpus/ (not stored in git).

Seeds: the small pathological inputs of tests/hostile_inputs.py, the fixture
pages of tests/fixtures/, a few pages of ../shared/corpus when present, and
hand-written snippets that reach the decoders, the text-dump path and the
limits.  Each seed gets a first control byte (see fuzz_parse.py): mode 0
(bytes, default options) and one with a text/limits variant.

    .venv/bin/python fuzz/make_corpus.py [--max-bytes 65536]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import INPUTS  # noqa: E402

SNIPPETS = (
    b"",
    b"<p>hi</p>",
    b"<html><head><meta charset='windows-1252'><title>Caf\xe9</title></head><body><p>\x93q\x94</p>",
    b"<meta http-equiv='Content-Type' content='text/html; charset=shift_jis'><p>\x93\xfa\x96{</p>",
    b"\xef\xbb\xbf<p>bom</p>",
    b"\xff\xfe<\x00p\x00>\x00h\x00i\x00",
    "<p>utf16 no bom caf\u00e9</p>".encode("utf-16-be"),
    b"<?xml version='1.0' encoding='bogus'?><!DOCTYPE html [<!ENTITY a 'b'>]><html><p>&a;</p>",
    b"<div>" * 300 + b"<p>deep</p>",
    b"<table><tr><td>" * 50 + b"x",
    b"Title\n\nBy Jane Doe\n\nFirst paragraph.\n\nShare this:\nPrint\n\nLeave a Reply\n",
    b"<article><h1>T</h1><p>By A</p><figure><img src='a.jpg'><figcaption>Cap. Photo: AP"
    b"</figcaption></figure><p>Text.</p><ol class='commentlist'><li class='comment'>"
    b"<cite class='fn'>Bob</cite><p>Hi</p><ul class='children'><li class='comment'>"
    b"<cite>Al</cite><p>Re</p></li></ul></li></ol></article>",
    b'<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H",'
    b'"author":[{"name":"A"},"B"],"datePublished":"2020-01-02"}]}</script><p>x</p>',
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xb3)\xb0\xcbH\xb4\xd1/\xb0\x03\x00",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-bytes", type=int, default=65536)
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    seeds: list[bytes] = list(SNIPPETS)
    seeds += [item.build() for item in INPUTS if not item.heavy]
    seeds += [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").glob("*/source.*"))]
    shared = ROOT.parent / "shared" / "corpus" / "readability-testpages" / "pages"
    if shared.is_dir():
        seeds += [gzip.decompress(p.read_bytes()) for p in sorted(shared.glob("*.html.gz"))[:20]]

    written = 0
    for seed in seeds:
        seed = seed[: args.max_bytes]
        for control in (0, 0x83):  # bytes + defaults; str + tight limits
            data = bytes([control]) + seed
            name = hashlib.sha1(data).hexdigest()
            (args.out / name).write_bytes(data)
            written += 1
    print(f"{written} seeds in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
