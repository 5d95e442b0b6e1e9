"""Does a refactor change any output?  One hash of ``to_json()`` per corpus and mode.

Parses every page of every corpus in ``../shared/corpus`` twice: as saved HTML, and
as the whole-page text dump that :func:`benchmarks.quality.make_dump` makes of it
(``Options(mode="text")``).  Prints one sha1 per corpus and mode over the pages'
``to_json()`` in id order, and one over everything.

    python -m benchmarks.output_hash --save before.json      # on the old commit
    python -m benchmarks.output_hash --compare before.json   # on the new one

``--compare`` lists the pages whose output differs and exits 1 if there are any.
``--ignore-block-keys inline,language`` drops those keys from every block before
hashing, so a change that only adds block fields can show that the rest (texts,
items, rows) stayed byte-identical; ``--ignore-keys kind`` does the same for keys of
the Article itself (a new field whose values change on purpose).
The dumps are made once and cached in ``--dump-cache`` (default
``benchmarks/results/dumps``), keyed by the corpus page, so that two runs compare
parses, not the dump maker's versions.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

import articlekit

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))
MODES = ("html", "text")


def _dump(corpus: str, page_id: str, raw: bytes, cache: Path) -> str:
    path = cache / corpus / f"{page_id}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    from benchmarks.quality import make_dump

    text = make_dump(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def _output(
    raw: bytes | str,
    url: str | None,
    options: articlekit.Options,
    ignore: frozenset[str],
    ignore_keys: frozenset[str] = frozenset(),
) -> str:
    try:
        article = articlekit.parse(raw, url=url, options=options)
    except articlekit.ArticlekitError as error:  # an error is an output too
        return f"{type(error).__name__}: {error}"
    if not ignore and not ignore_keys:
        return article.to_json(indent=None)
    data = {k: v for k, v in article.to_dict().items() if k not in ignore_keys}
    if "blocks" in data:
        data["blocks"] = [{k: v for k, v in b.items() if k not in ignore} for b in data["blocks"]]
    return json.dumps(data, ensure_ascii=False)


def page_hashes(
    corpora: list[Path],
    cache: Path,
    ignore: frozenset[str] = frozenset(),
    ignore_keys: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """``corpus/mode/id`` -> sha1 of that page's output, for every page and both modes;
    ``ignore`` are block keys and ``ignore_keys`` Article keys left out."""
    text_options = articlekit.Options(mode="text")
    html_options = articlekit.Options()
    hashes: dict[str, str] = {}
    for corpus in corpora:
        with (corpus / "truth.jsonl").open(encoding="utf-8") as lines:
            truths = sorted(
                (json.loads(line) for line in lines if line.strip()), key=lambda t: t["id"]
            )
        for truth in truths:
            raw = gzip.decompress((corpus / "pages" / f"{truth['id']}.html.gz").read_bytes())
            url = truth.get("url")
            outputs = {
                "html": _output(raw, url, html_options, ignore, ignore_keys),
                "text": _output(
                    _dump(corpus.name, truth["id"], raw, cache),
                    url,
                    text_options,
                    ignore,
                    ignore_keys,
                ),
            }
            for mode, output in outputs.items():
                digest = hashlib.sha1(output.encode("utf-8")).hexdigest()
                hashes[f"{corpus.name}/{mode}/{truth['id']}"] = digest
    return hashes


def summary(hashes: dict[str, str]) -> dict[str, str]:
    """One sha1 per ``corpus/mode`` and one over all pages (``all``)."""
    groups: dict[str, hashlib._Hash] = {"all": hashlib.sha1()}
    for key in sorted(hashes):
        group = key.rsplit("/", 1)[0]
        groups.setdefault(group, hashlib.sha1()).update(hashes[key].encode())
        groups["all"].update(hashes[key].encode())
    return {name: digest.hexdigest() for name, digest in sorted(groups.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="default: every corpus")
    parser.add_argument("--dump-cache", type=Path, default=ROOT / "benchmarks/results/dumps")
    parser.add_argument("--save", type=Path, help="write the per-page hashes here")
    parser.add_argument("--compare", type=Path, help="per-page hashes of an earlier run")
    parser.add_argument(
        "--ignore-block-keys",
        default="",
        help="comma-separated block keys left out before hashing (e.g. inline,language)",
    )
    parser.add_argument(
        "--ignore-keys",
        default="",
        help="comma-separated Article keys left out before hashing (e.g. kind)",
    )
    args = parser.parse_args(argv)
    ignore = frozenset(k for k in args.ignore_block_keys.split(",") if k)
    ignore_keys = frozenset(k for k in args.ignore_keys.split(",") if k)
    corpora = args.corpus or sorted(p for p in (SHARED / "corpus").glob("*") if p.is_dir())
    if not corpora:
        print(f"no corpora under {SHARED / 'corpus'}; nothing to hash", file=sys.stderr)
        return 0
    hashes = page_hashes(corpora, args.dump_cache, ignore, ignore_keys)
    for name, digest in summary(hashes).items():
        print(f"{digest}  {name}")
    if args.save:
        args.save.write_text(json.dumps(hashes, indent=0, sort_keys=True), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        # only the pages parsed in this run: --corpus may name a part of the saved run
        changed = sorted(k for k in hashes if before.get(k) != hashes[k])
        for key in changed:
            print(f"changed: {key}")
        print(f"{len(changed)} of {len(hashes)} outputs differ from {args.compare}")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
