"""The markup of common platforms: which template of which software made the page.

The markers are data, in ``platforms.toml`` beside this module (its header says
what each field means): loaded once at import, validated, and never changed.  A
marker is found by ``<meta name=generator>``, by the tokens of the page's root
elements, by a class anywhere, by a custom element or by a script or style sheet
the page loads; each marker found is one piece of :class:`Evidence`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources import files

from lxml import html

from articlekit.kind.evidence import WEIGHTS, Evidence, Source, Strength
from articlekit.kind.page import PageMarkup
from articlekit.model import PageKind

__all__ = [
    "MARKERS",
    "Marker",
    "PlatformDataError",
    "custom_elements",
    "platform_evidence",
    "read_markers",
]

_FILE = "platforms.toml"
_WAYS = ("generator", "root", "wrappers", "classes", "tags", "assets", "address")


class PlatformDataError(ValueError):
    """``platforms.toml`` does not fit its schema (raised at import, naming the entry)."""


@dataclass(frozen=True, slots=True)
class Marker:
    """One entry of ``platforms.toml``: the markup of one template and its kind."""

    platform: str
    kind: PageKind
    strength: Strength
    about: str
    generator: tuple[str, ...] = ()
    #: each item is a set of root tokens that must all be present
    root: tuple[frozenset[str], ...] = ()
    wrappers: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    address: tuple[str, ...] = ()


def read_markers(text: str) -> tuple[Marker, ...]:
    """The markers of a ``platforms.toml`` text, validated.

    Raises :class:`PlatformDataError` naming the entry and the fault.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlatformDataError(f"{_FILE}: {error}") from None
    if set(data) != {"marker"} or not isinstance(data["marker"], list):
        raise PlatformDataError(f"{_FILE}: holds [[marker]] entries only")
    return tuple(_marker(number, entry) for number, entry in enumerate(data["marker"], 1))


def _marker(number: int, entry: object) -> Marker:
    where = f"{_FILE}: marker {number}"
    if not isinstance(entry, dict):
        raise PlatformDataError(f"{where} is not a table")
    unknown = set(entry) - {"platform", "kind", "strength", "about", *_WAYS}
    if unknown:
        raise PlatformDataError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("platform", "kind", "strength", "about"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise PlatformDataError(f"{where}: needs {key} (a non-empty string)")
    where = f"{where} ({entry['platform']})"
    try:
        kind, strength = PageKind(entry["kind"]), Strength(entry["strength"])
    except ValueError as error:
        raise PlatformDataError(f"{where}: {error}") from None
    ways: dict[str, tuple[str, ...]] = {}
    for way in _WAYS:
        values = entry.get(way, [])
        if not isinstance(values, list) or not all(
            isinstance(value, str) and value.strip() and value == value.strip().lower()
            for value in values
        ):
            raise PlatformDataError(f"{where}: {way} must be a list of lower-case strings")
        ways[way] = tuple(values)
    if not any(ways.values()):
        raise PlatformDataError(f"{where}: names no way to find it ({', '.join(_WAYS)})")
    return Marker(
        platform=entry["platform"],
        kind=kind,
        strength=strength,
        about=entry["about"],
        generator=ways["generator"],
        root=tuple(frozenset(tokens.split()) for tokens in ways["root"]),
        wrappers=ways["wrappers"],
        classes=ways["classes"],
        tags=ways["tags"],
        assets=ways["assets"],
        address=ways["address"],
    )


#: Every marker of ``platforms.toml``, in file order.
MARKERS: tuple[Marker, ...] = read_markers(
    files(__package__ or __name__).joinpath(_FILE).read_text(encoding="utf-8")
)

# every class marker once, looked up among the page's class tokens
_CLASS_NAMES = tuple(sorted({name for marker in MARKERS for name in marker.classes}))
_TAGS = tuple(sorted({tag for marker in MARKERS for tag in marker.tags}))


def custom_elements(tree: html.HtmlElement) -> frozenset[str]:
    """The element names of the markers (custom elements) that ``tree`` holds."""
    return frozenset(str(element.tag) for element in tree.iter(*_TAGS)) if _TAGS else frozenset()


def platform_evidence(
    markup: PageMarkup,
    *,
    tags: frozenset[str] = frozenset(),
    classes: frozenset[str] = frozenset(),
) -> tuple[Evidence, ...]:
    """A piece of evidence for the most telling markers of each platform found on the
    page; ``tags`` are its custom elements (:func:`custom_elements`) and ``classes`` its
    class tokens, when they were read."""
    classes = classes.intersection(_CLASS_NAMES)
    assets = "\n".join(markup.assets)
    found: dict[str, list[tuple[Marker, str]]] = {}
    for marker in MARKERS:
        how = _found(marker, markup, classes, tags, assets)
        if how:
            found.setdefault(marker.platform, []).append((marker, how))
    evidence: list[Evidence] = []
    for markers in found.values():
        # a template's marker says more than the platform's page-wide one (phpBB's
        # section-viewforum is a topic list, whatever most phpBB pages are)
        top = max(WEIGHTS[marker.strength] for marker, _ in markers)
        evidence.extend(
            Evidence(marker.kind, top, Source.PLATFORM, f"{marker.platform}: {how}")
            for marker, how in markers
            if WEIGHTS[marker.strength] == top
        )
    return tuple(evidence)


def _found(
    marker: Marker, markup: PageMarkup, classes: frozenset[str], tags: frozenset[str], assets: str
) -> str:
    """How the marker was found on the page ("" when it was not)."""
    for prefix in marker.generator:
        if any(generator.startswith(prefix) for generator in markup.generators):
            return f"generator {prefix!r}"
    for tokens in marker.root:
        if tokens <= markup.root:
            return "root " + " ".join(sorted(tokens))
    for name in marker.wrappers:
        if name in markup.wrappers:
            return f"wrapper {name!r}"
    for name in marker.classes:
        if name in classes:
            return f"class {name!r}"
    for tag in marker.tags:
        if tag in tags:
            return f"element <{tag}>"
    for part in marker.assets:
        if part in assets:
            return f"asset {part!r}"
    for part in marker.address:
        if part in markup.address:
            return f"address {part!r}"
    return ""
