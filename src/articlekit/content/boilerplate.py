"""Boilerplate: the rules that mark or strip what is not article text.

Three kinds of rules, all general patterns of page templates rather than any one
site's strings:

- markup that is never text (scripts, forms, navigation, hidden elements),
  stripped from the whole tree with lxml's C-level calls before scoring;
- class/id hints (``share``, ``related``, ``newsletter`` ...), which mark
  subtrees as unlikely content and weigh candidates;
- short-text patterns in English, German, French and Spanish ("Print",
  "Teilen", "Publicité", "12 thoughts on ...", "Leave a Reply"), which strip
  button residue, comment headers and reply-form fine print from the content.

Every removal leaves a :class:`~articlekit.explain.Decision` so that
``articlekit parse --explain`` can show why a node went.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from lxml import etree, html

from articlekit.explain import Decision, Verdict
from articlekit.input.elements import drop_element

__all__ = [
    "CUT_TAG",
    "Cuts",
    "boolean_query",
    "class_weight",
    "clean_content",
    "element_query",
    "is_boilerplate_text",
    "link_density",
    "number_query",
    "prepare_tree",
    "string_query",
    "strip_unlikely",
    "text_query",
]

STAGE = "boilerplate"


def element_query(expression: str) -> Callable[[etree._Element], list[html.HtmlElement]]:
    """A compiled XPath returning elements (typed for callers)."""
    path = etree.XPath(expression)

    def run(node: etree._Element) -> list[html.HtmlElement]:
        return cast("list[html.HtmlElement]", path(node))

    return run


def boolean_query(expression: str) -> Callable[[etree._Element], bool]:
    """A compiled XPath returning a boolean."""
    path = etree.XPath(expression)
    return lambda node: bool(path(node))


def number_query(expression: str) -> Callable[[etree._Element], float]:
    """A compiled XPath returning a number."""
    path = etree.XPath(expression)
    return lambda node: float(cast(float, path(node)))


def string_query(expression: str) -> Callable[[etree._Element], str]:
    """A compiled XPath returning a string."""
    path = etree.XPath(expression)
    return lambda node: str(path(node))


def text_query(expression: str) -> Callable[[etree._Element], list[Any]]:
    """A compiled XPath returning text nodes (lxml "smart" strings) and/or elements."""
    path = etree.XPath(expression)
    return lambda node: cast("list[Any]", path(node))


# Never text: removed with their tails kept (strip_elements with_tail=False).
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "canvas",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "label",
    "dialog",
    "link",
    "meta",
    # ruby annotations: the reading shown above the base text (furigana), not text
    # of its own; kept, it splits every annotated word ("子こども")
    "rt",
    "rp",
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_FURNITURE_ROLES = frozenset(
    [
        "navigation",
        "menu",
        "menubar",
        "complementary",
        "alert",
        "alertdialog",
        "dialog",
        "contentinfo",
        "banner",
        "search",
    ]
)
_KEEP_TAGS = frozenset(("html", "body", "a", "article", "main"))
# furniture landmarks, unless they wrap the article (some templates put it in an <aside>)
_LANDMARK_TAGS = ("nav", "aside", "footer", "header")
# judged only on the landmark elements, found by tag in C: the same predicate on every
# element of the page ("//body//*[...]") costs several times more
_IS_FURNITURE_LANDMARK = boolean_query(
    "boolean(((self::nav or self::aside or self::footer)"
    " and not(.//article[string-length(normalize-space()) > 500] or .//main))"
    " or (self::header and not(ancestor::article or .//article or .//main)"
    " and not((.//h1 or .//h2) and .//*[string-length(normalize-space(text())) > 80])))"
)
_FORM_XPATH = element_query("//body//form")
# a figure's credit ("autor-foto", "credit-author") belongs to the figure stage
_IN_FIGURE = boolean_query("boolean(ancestor::figure or ancestor::figcaption)")
_WRAPS_ARTICLE = boolean_query("boolean(.//article or .//main or .//h1)")
_ATTACHED = boolean_query("boolean(ancestor::body)")
# WordPress SyntaxHighlighter shows code as div.line rows of <code> tokens in a table,
# outside any <pre>: a token classed "comments" or a blank line is still code; GitHub
# shows a file as a table of td.blob-num/td.blob-code rows, one short line each
_HIGHLIGHTER = (
    "ancestor::*[contains(@class, 'syntaxhighlighter')]"
    " or ancestor-or-self::table[.//td[contains(@class, 'blob-code')]]"
)
_IN_CODE = boolean_query(f"boolean(ancestor-or-self::code or ancestor::pre or {_HIGHLIGHTER})")
CUT_TAG = "ak-cut"
"""Tag of the empty placeholder left where an unlikely subtree was cut out."""

# Class/id hints.  Substrings, because templates glue words ("sharebar",
# "relatedPosts", "socialIcons"); the "maybe content" list rescues wrappers
# named after both ("sidebar-and-content", "post-comments-wrapper" is still out).
_UNLIKELY_PARTS = (
    "comment",
    "disqus",
    "sidebar",
    "footer",
    "breadcrumb",
    "pagination",
    "pager",
    "popup",
    "modal",
    "cookie",
    "consent",
    "gdpr",
    "social",
    "share",
    "sharing",
    "related",
    "newsletter",
    "subscri",
    "sponsor",
    "promo",
    "advert",
    "masthead",
    "skyscraper",
    "outbrain",
    "taboola",
    "shoutbox",
    "community",
    "remark",
    "replies",
    "agegate",
    "signup",
    "sign-up",
    "toolbar",
    "more-stories",
    "recommend",
    "trending",
    "most-popular",
    "mostpopular",
    "read-next",
    "readnext",
    "author",
    "autor",
    "navbar",
    "navigation",
    "tagcloud",
    "tag-list",
    "taglist",
    "skip",
    "jump-to",
    "rss",
    "legends",
    "login",
)

_MAYBE_PARTS = (
    "article",
    "body",
    "column",
    "content",
    "main",
    "shadow",
    "entry",
    "story",
    "post-text",
    "post-content",
)


def _literal_alternation(words: tuple[str, ...], tokens: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for "any of these substrings, or any of these whole tokens".

    Grouped by first letter: CPython's engine rejects a branch on its first
    character, so the grouped form runs several times faster than a flat one.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = [
        re.escape(first) + "(?:" + "|".join(sorted(set(rests), key=len, reverse=True)) + ")"
        for first, rests in sorted(groups.items())
    ]
    if tokens:
        branches.append(r"(?:^|(?<=[\s_-]))(?:" + "|".join(tokens) + r")(?=$|[\s_-])")
    return re.compile("|".join(branches))


# "print-only" and "printable" wrap article text, "widget" wraps anything in some
# page builders, "banner" appears in ad-slot names around body text: tokens or nothing
# "menu" only as a word: "CtxtMenu" (MathJax) and "menuitem" in content widgets are not menus
_MENU_TOKENS = ("(?:main|sub|mega|nav|top|mobile|site)?menus?",)
_UNLIKELY_RE = _literal_alternation(
    _UNLIKELY_PARTS, ("ads?", "nav", "tags?", "banner", "cta", *_MENU_TOKENS)
)
_MAYBE_RE = _literal_alternation(_MAYBE_PARTS, ("and",))
_NEGATIVE_PARTS = (
    "infobox",
    "comment",
    "contact",
    "footer",
    "masthead",
    "outbrain",
    "taboola",
    "promo",
    "related",
    "share",
    "sharing",
    "social",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "advert",
    "recommend",
    "navigation",
    "navbar",
    "breadcrumb",
    "popup",
    "modal",
    "author-bio",
    "about-author",
    "byline",
    "toolbar",
    "combx",
    "disqus",
    "pagination",
    "pager",
)
_POSITIVE_PARTS = (
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "richtext",
    "rich-text",
)
_NEGATIVE_RE = _literal_alternation(
    _NEGATIVE_PARTS, ("ads?", "meta", "tags?", "nav", "banner", "hidden", *_MENU_TOKENS)
)
_POSITIVE_RE = _literal_alternation(_POSITIVE_PARTS, ())


def _bem(hint: str) -> str:
    # BEM names: "article__tags" is a tag list, "Report__Section--Ads" a section
    if "__" not in hint and "--" not in hint:
        # the patterns hold no whitespace, so collapsing it would change no match
        return hint.lower()
    return " ".join(
        part.rsplit("__", 1)[-1].split("--", 1)[0] or part for part in hint.lower().split()
    )


def _bem_blocks(hint: str) -> str:
    # for furniture words every part counts ("newsletter-form__header" is a newsletter),
    # for content words only the element part ("article__tags" is not the article)
    if "__" not in hint and "--" not in hint:
        return hint.lower()
    return " ".join(
        part.split("--", 1)[0].replace("__", " ") or part for part in hint.lower().split()
    )


# a template's own names end in a layout word ("mvp-author-box-wrap"); headings do not
_LAYOUT_WORD_END = re.compile(r"[-_](?:wrap|wrapper|box|container|inner|outer|holder|area)$")


def _is_heading_slug(ident: str) -> bool:
    """True for an id made from a heading's words ("sharing-with-a-single-developer")."""
    return ident.count("-") + ident.count("_") >= 3 and not _LAYOUT_WORD_END.search(ident)


def class_weight(element: html.HtmlElement) -> int:
    """+25 / -25 for content / furniture class and id hints (both may apply)."""
    ident = element.get("id") or ""
    if _is_heading_slug(ident):
        ident = ""  # a slug of a heading names nothing
    hint = (element.get("class") or "") + " " + ident
    weight = 0
    if len(hint) > 1:
        lower = _bem(hint)
        if _NEGATIVE_RE.search(lower):
            weight -= 25
        if _POSITIVE_RE.search(lower):
            weight += 25
    if element.get("itemprop") == "articleBody":
        weight += 50
    return weight


def _drop_all(
    elements: list[html.HtmlElement], rule: str, decisions: list[Decision], explain: bool
) -> None:
    for element in elements:
        if element.getparent() is None:
            continue
        if explain:
            decisions.append(Decision(STAGE, element, Verdict.BOILERPLATE, rule))
        drop_element(element)


class Cuts:
    """Unlikely subtrees cut out of a tree, each replaced by an empty placeholder.

    The placeholder keeps the subtree's tail text in place; :meth:`restore` puts
    the subtrees back (for a retry when the cut took the article with it).
    """

    __slots__ = ("pairs",)

    def __init__(self) -> None:
        self.pairs: list[tuple[html.HtmlElement, html.HtmlElement]] = []

    def cut(self, element: html.HtmlElement) -> None:
        """Replace ``element`` by a placeholder holding its tail."""
        parent = element.getparent()
        if parent is None:
            return
        # made by the tree's own parser: html.Element builds a new document each time
        placeholder = cast("html.HtmlElement", parent.makeelement(CUT_TAG))
        placeholder.tail = element.tail
        parent.replace(element, placeholder)
        self.pairs.append((placeholder, element))

    def restore(self) -> None:
        """Put every cut subtree back where it was."""
        for placeholder, element in reversed(self.pairs):
            parent = placeholder.getparent()
            if parent is not None:
                element.tail = placeholder.tail
                parent.replace(placeholder, element)
        self.pairs.clear()


def _hint_verdict(hint: str, memo: dict[str, tuple[bool, bool]]) -> tuple[bool, bool]:
    verdict = memo.get(hint)
    if verdict is None:
        bad = _UNLIKELY_RE.search(_bem_blocks(hint)) is not None
        good = _MAYBE_RE.search(_bem(hint)) is not None
        verdict = (bad, good)
        memo[hint] = verdict
    return verdict


def _hint_is_bad(hint: str) -> bool:
    """The first half of :func:`_hint_verdict`, without the "maybe content" search
    that only the few furniture-named elements need."""
    return _UNLIKELY_RE.search(_bem_blocks(hint)) is not None


def is_unlikely(
    element: html.HtmlElement, memo: dict[str, tuple[bool, bool]] | None = None
) -> bool:
    """True when an element's class/id names page furniture and nothing content-like."""
    cls = element.get("class")
    ident = element.get("id")
    if not cls and not ident:
        return False
    if element.tag in _KEEP_TAGS or element.get("itemprop") == "articleBody":
        return False
    memo = {} if memo is None else memo
    unlikely = maybe = False
    if ident and _is_heading_slug(ident):
        ident = None  # a slug of a heading ("sharing-with-a-single-developer") names nothing
    # class and id are judged apart: class strings repeat across a page, so the memo hits
    for hint in (cls, ident):
        if hint:
            bad, good = _hint_verdict(hint, memo)
            unlikely |= bad
            maybe |= good
    return unlikely and not maybe


def prepare_tree(
    tree: html.HtmlElement, decisions: list[Decision], *, explain: bool = True
) -> Cuts:
    """Strip what is never text from the whole tree and cut out unlikely subtrees.

    One pass over the elements finds hidden ones (``hidden``,
    ``aria-hidden="true"``, ``display:none``), landmark roles of page furniture
    and class/id names of furniture; then lxml's ``strip_elements`` removes
    scripts, styles, embeds, form controls, navigation, asides and footers.  Page
    headers outside the article and small forms (search, login, subscribe,
    reply) go too; a form wrapping the whole page (some frameworks do) is
    unwrapped.  Unlikely subtrees are cut reversibly (see :class:`Cuts`).
    """
    body = tree.find("body")
    cuts = Cuts()
    if body is None:
        return cuts
    hidden: list[tuple[html.HtmlElement, str]] = []
    # One Python walk with attribute lookups is cheaper than XPath predicates with
    # contains() over every element, once per rule.  Class strings repeat across a
    # page, so most are judged by the memo alone.
    memo: dict[str, tuple[bool, bool]] = {}
    bad_memo: dict[str, bool] = {}
    unlikely: list[html.HtmlElement] = []
    for element in body.iterdescendants(etree.Element):
        get = element.get
        cls = get("class")
        ident = get("id")
        # the memo lookups are inlined: this runs for every element with a class or id
        bad: bool | None = False
        if cls:
            bad = bad_memo.get(cls)
            if bad is None:
                bad = bad_memo[cls] = _hint_is_bad(cls)
        if not bad and ident:
            bad = bad_memo.get(ident)
            if bad is None:
                bad = bad_memo[ident] = _hint_is_bad(ident)
        if bad and is_unlikely(element, memo) and not _IN_FIGURE(element):
            unlikely.append(element)
        if get("hidden") is not None or get("aria-hidden") == "true":
            hidden.append((element, "hidden element"))
            continue
        style = get("style")
        # the substring test is the cheap gate of the regex (case as written)
        if style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
            hidden.append((element, "hidden element"))
            continue
        role = get("role")
        if role and role in _FURNITURE_ROLES and not _WRAPS_ARTICLE(element):
            hidden.append((element, f"landmark role {role}"))
    # a removed element still belongs to the document (getroottree() finds <html>), so
    # "still in the page" is asked of its ancestors
    for element, rule in hidden:
        if _ATTACHED(element):
            _drop_all([element], rule, decisions, explain)
    etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
    landmarks = [
        e
        for e in body.iterdescendants(*_LANDMARK_TAGS)
        if _IS_FURNITURE_LANDMARK(e) and not _is_boxout(e)
    ]
    _drop_all(landmarks, "page furniture landmark", decisions, explain)
    for form in _FORM_XPATH(tree):
        if not _ATTACHED(form):
            continue
        if len(_norm(form.text_content())) > 500:
            form.drop_tag()  # a form around the page or a product: its text is content
        else:
            _drop_all([form], "form", decisions, explain)
    for element in unlikely:
        if not _ATTACHED(element) or _IN_CODE(element):
            continue
        if explain:
            decisions.append(Decision(STAGE, element, Verdict.BOILERPLATE, "unlikely class/id"))
        cuts.cut(element)
    return cuts


def _is_boxout(element: html.HtmlElement) -> bool:
    """An aside inside the article holding prose (a box-out), not furniture."""
    if element.tag != "aside":
        return False
    length = len(_norm(element.text_content()))
    if not _IN_ARTICLE(element):
        # outside an article only a long stretch of prose is kept (sidebars are link lists)
        return length > 1000 and link_density(element, length) < 0.15
    return length > 400 and link_density(element, length) < 0.3


_IN_ARTICLE = boolean_query("boolean(ancestor::article)")


def strip_unlikely(
    root: html.HtmlElement, decisions: list[Decision], *, explain: bool = True
) -> None:
    """Drop unlikely subtrees inside ``root`` that read as furniture, not prose.

    Used after a retry, when class/id names already proved misleading on this
    page: a named subtree goes only when it is short or mostly links.
    """
    memo: dict[str, tuple[bool, bool]] = {}
    doomed = []
    for element in root.iter(etree.Element):
        if element is root or not is_unlikely(element, memo):
            continue
        length = len(_norm(element.text_content()))
        if length < 200 or link_density(element, length) > 0.3:
            doomed.append(element)
    _drop_all(doomed, "unlikely class/id", decisions, explain)


# ---------------------------------------------------------------------------
# Short-text patterns.  Matched against the whole normalized text of a small
# element, so "Print" goes but a sentence mentioning printing stays.

_BUTTON_WORDS = frozenset(
    [
        "print",
        "share",
        "shares",
        "sharing",
        "tweet",
        "email",
        "e-mail",
        "mail",
        "more",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "pinterest",
        "whatsapp",
        "reddit",
        "telegram",
        "tumblr",
        "pocket",
        "flipboard",
        "xing",
        "messenger",
        "copy",
        "link",
        "save",
        "bookmark",
        "comment",
        "comments",
        "reply",
        "like",
        "likes",
        "follow",
        "subscribe",
        "gplus",
        "google+",
        "google",
        "plus",
        "sms",
        "this",
        "on",
        "via",
        "drucken",
        "teilen",
        "teile",
        "twittern",
        "merken",
        "kopieren",
        "speichern",
        "mehr",
        "teilt",
        "imprimer",
        "partager",
        "partagez",
        "envoyer",
        "enregistrer",
        "copier",
        "lien",
        "plus",
        "tweeter",
        "imprimir",
        "compartir",
        "comparte",
        "enviar",
        "guardar",
        "copiar",
        "enlace",
        "más",
        "mas",
        "correo",
        "print-friendly",
        "printer-friendly",
        "pdf",
        "whatsapp-share",
        "facebook-share",
        "twitter-share",
    ]
)

_SHORT_PATTERNS = re.compile(
    r"""^(?:
      advertisement|advertisements|sponsored(?:\s+content)?|ad|anzeige|werbung|publicité|
      publicite|publicidad|anuncio|pub|annonce|
      share\s+(?:this|on|via)[^.]{0,40}|share\s+this\s+(?:article|story|post)|
      skip\s+to\s+(?:main\s+)?content|skip\s+to\s+navigation|zum\s+inhalt\s+springen|
      aller\s+au\s+contenu|saltar\s+al\s+contenido|
      continue\s+reading.{0,120}|read\s+more.{0,120}|read\s+the\s+full\s+(?:story|article)|
      weiterlesen|mehr\s+lesen|lire\s+la\s+suite|en\s+savoir\s+plus|leer\s+más|seguir\s+leyendo|
      sigue\s+leyendo|leer\s+mas|
      (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:thoughts?|responses?|
      comments?|replies|reactions?)\s+(?:on|to)\b.{0,300}|
      \d+\s*(?:/|of|von|de|sur|aus)\s*\d+|
      (?:\d+|no|one)\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|
      antworten|réponses?|respuestas?)|
      comments?|responses?|kommentare|commentaires|comentarios|
      leave\s+a\s+(?:reply|comment).{0,80}|post\s+(?:a\s+)?comment|add\s+(?:a\s+)?comment|
      cancel\s+reply|submit\s+comment|
      schreibe\s+einen\s+kommentar.{0,80}|kommentar\s+(?:verfassen|schreiben|abschicken)|
      antwort\s+abbrechen|hinterlasse\s+einen\s+kommentar|
      laisser\s+un\s+commentaire.{0,80}|laisser\s+une\s+réponse.{0,80}|annuler\s+la\s+réponse|
      deja\s+un\s+comentario.{0,80}|deja\s+una\s+respuesta.{0,80}|cancelar\s+respuesta|
      publicar\s+comentario|
      related(?:\s+(?:posts|articles|stories|content|links|topics))?|
      you\s+(?:may|might)\s+also\s+like.{0,40}|more\s+(?:from|on|in)\s+.{0,60}|
      recommended(?:\s+for\s+you)?|most\s+(?:popular|read|viewed)|trending(?:\s+now)?|
      das\s+könnte\s+sie\s+auch\s+interessieren|mehr\s+zum\s+thema.{0,60}|lesen\s+sie\s+auch.{0,200}|
      auch\s+interessant.{0,60}|ähnliche\s+(?:artikel|beiträge)|
      à\s+lire\s+aussi.{0,200}|a\s+lire\s+aussi.{0,200}|lire\s+aussi.{0,200}|sur\s+le\s+même\s+sujet|
      articles\s+similaires|
      te\s+puede\s+interesar.{0,200}|también\s+te\s+puede\s+interesar.{0,200}|lee\s+también.{0,200}|
      le\s+puede\s+interesar.{0,200}|lea\s*(?:también|además|más)?\s*:.{0,200}|
      (?:lee|leer|ver)\s+(?:también|además).{0,200}|czytaj\s+(?:też|także|również|więcej).{0,200}|
      dowiedz\s+się\s+więcej|więcej|schon\s+gelesen\??|(?:diesen\s+)?artikel\s+teilen|
      (?:war|ist)\s+(?:der|dieser)\s+artikel\s+(?:nützlich|hilfreich)\??|
      möchten\s+sie\s+(?:den|diesen)\s+artikel\s+teilen\??|
      (?:hier\s+können\s+sie\s+)?(?:den\s+)?artikel\s+bewerten|zurück(?:\s+zu[rm]?\s+.{0,40})?|
      bild\s+anzeigen|empfohlene\s+(?:beiträge|artikel)|
      weitere\s+(?:aktuelle\s+)?(?:artikel|beiträge|nachrichten|themen|meldungen)(?:\s+\S+){0,5}|
      nos\s+siga\s+no.{0,60}|siga-nos.{0,60}|síguenos\s+en.{0,60}|
      never\s+miss\s+the\s+latest.{0,150}|receive\s+our\s+.{0,40}newsletter.{0,80}|
      do\s+you\s+want\s+to\s+be\s+informed.{0,150}|was\s+this\s+(?:article|post)\s+helpful\??|
      rate\s+this\s+(?:article|post)|auch\s+lesen:?.{0,200}|zum\s+weiterlesen.{0,200}|
      mehr\s+zu[mr]?\s+.{0,60}|das\s+(?:thema|könnte)\s+.{0,30}interessieren:?.{0,200}|
      temas\s+relacionados|notas\s+relacionadas|compartir(?:\s+nota)?|puedes\s+ver:.{0,200}|
      vea\s+también:?.{0,200}|mira\s+también:?.{0,200}|ezek\s+is\s+érdekelhetnek|latest\s+on:?|
      weitere\s+beiträge.{0,60}|\(?noch\s+keine\s+bewertungen\)?|aufrufe:?\s*\d*|
      this\s+entry\s+was\s+posted.{0,200}|der\s+beitrag\s+wurde\s+am.{0,200}|
      alle\s+angaben\s+ohne\s+gewähr|kontakt:?|contact(?:\s+us)?:?|weitere\s+informationen:?|
      quelle:.{0,80}|source:.{0,80}|fuente:.{0,80}|(?:foto|photo|bild|image)s?\s*:.{0,60}|
      \(?crédito:.{0,80}|cr[ée]dits?(?:\s+photos?)?\s*:.{0,80}|photo\s+credits?\s*:.{0,80}|
      bildnachweis\s*:?.{0,100}|beitragsbild\s*:?.{0,100}|
      mehr\s+themen:?|autor(?:en|in)?:?|authors?:?|auteurs?\s?:?|
      autores?:?|titelbild:?.{0,60}|jetzt\s+registrieren|vorschau\s+auf\s+den\s+nächsten\s+artikel|
      lesen\s+sie\s+hier\s*:?\s+.{0,100}|siehe\s+auch\s*:?\s+.{0,200}|
      (?:mire|mira)\s*:\s+.{0,200}|dowiedz\s+się\s+więcej\s*:\s+.{0,200}|originalpublikation:?|quellenangaben:?|quellen:?|
      more\s+stories:?|top\s+stories:?|
      noticias\s+relacionadas|artículos\s+relacionados|
      tags?:.{0,300}|tags|topics|themen|schlagwörter|schlagworte|étiquettes|mots-clés|etiquetas|
      temas|watch\s*:.{0,150}|video\s*:.{0,150}|
      subscribe(?:\s+now)?|sign\s+up(?:\s+now)?|jetzt\s+abonnieren|abonnez-vous|suscríbete|tagged(?:\s+with)?:?.{0,300}|filed\s+under:?.{0,300}|posted\s+in:?.{0,200}|
      categories:.{0,300}|schlagwörter:?.{0,300}|schlagworte:?.{0,300}|themen:.{0,300}|
      étiquettes\s?:.{0,300}|mots-clés\s?:.{0,300}|etiquetas:.{0,300}|
      sign\s+up\s+for\s+(?:our|the)\s+.{0,80}newsletter.{0,120}|subscribe(?:\s+now)?\s+to\s+.{0,80}|
      (?:hazte|hágase)\s+(?:miembro|socio).{0,80}|become\s+a\s+(?:member|subscriber).{0,80}|
      jetzt\s+teilen|mehr\s+von\s+[^.!?]{0,40}|auch\s+auf\s+[\w-]+\.[a-z]{2,4}|
      weitere\s+informationen\s+zu[mr]?\s+[^.!?]{0,60}|weitere\s+\w*tipps\b[^.!?]{0,40}|pour\s+lire\s+la\s+suite.{0,150}|video\s+verfügbar\s+bis.{0,30}|
      newsletter.{0,80}|abonnieren.{0,80}|s'abonner.{0,80}|abonnez-vous.{0,80}|suscríbete.{0,80}|
      print\s+this\s+(?:page|article)|email\s+this\s+(?:page|article|story)|
      back\s+to\s+top|nach\s+oben|retour\s+en\s+haut|volver\s+arriba|
      follow\s+us.{0,60}|folgen\s+sie\s+uns.{0,60}|suivez-nous.{0,60}|síguenos.{0,60}|
      like\s+this:?|gefällt\s+mir:?|loading\.{0,3}|chargement\.{0,3}|cargando\.{0,3}|wird\s+geladen\.{0,3}|
      image|photo|foto|bild|video|getty\s+images|
      previous\s+(?:post|article)|next\s+(?:post|article).{0,120}|
      vorheriger\s+artikel|nächster\s+artikel|neueste\s+(?:artikel|beiträge|nachrichten)|
      latest\s+(?:articles|posts|stories|news)|derniers\s+articles|últimas\s+noticias|
      article\s+précédent|article\s+suivant|
      artículo\s+anterior|artículo\s+siguiente
    )[\s.:!»›→>…-]*$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)

# Reply-form and consent fine print: long-ish sentences that only templates write.
_FINE_PRINT = re.compile(
    r"""(?:
      your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|
      notify\s+me\s+of\s+(?:new|follow-up)|save\s+my\s+name,?\s+email|
      this\s+site\s+uses\s+akismet|you\s+must\s+be\s+logged\s+in\s+to\s+post|
      (?:deine|ihre)\s+e-?mail-?adresse\s+wird\s+nicht\s+veröffentlicht|
      erforderliche\s+felder\s+sind|pflichtfelder\s+sind\s+mit|
      benachrichtige\s+mich|
      votre\s+adresse\s+(?:e-?mail|de\s+messagerie)\s+ne\s+sera\s+pas\s+publiée|
      les\s+champs\s+obligatoires\s+sont|prévenez-moi|
      tu\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada|
      su\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada|
      los\s+campos\s+obligatorios\s+están\s+marcados|
      (?:we|this\s+(?:site|website))\s+uses?\s+cookies|diese\s+(?:website|seite)\s+verwendet\s+cookies|
      wir\s+verwenden\s+cookies|ce\s+site\s+utilise\s+des\s+cookies|
      nous\s+utilisons\s+des\s+cookies|utilizamos\s+cookies|este\s+sitio\s+(?:web\s+)?utiliza\s+cookies|
      by\s+continuing\s+to\s+(?:use|browse)\s+this\s+(?:site|website)|
      all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|
      todos\s+los\s+derechos\s+reservados|
      if\s+you\s+(?:are|’re|'re)\s+running\s+an\s+ad-?blocker|
      disable\s+your\s+ad-?blocker|
      (?:contains|includes|may\s+contain)\s+affiliate\s+links|
      this\s+page\s+has\s+been\s+(?:visited|viewed|accessed)|
      (?:seite\s+)?zuletzt\s+geändert\s+am|sie\s+sind\s+besucher|you\s+are\s+visitor|
      page\s+last\s+(?:updated|modified)|last\s+modified\s*:|
      dieser\s+(?:text|beitrag|artikel)\s+(?:wurde|ist)\s+.{0,60}(?:veröffentlicht|erschienen)|
      get\s+our\s+(?:weekly\s+|daily\s+|free\s+)?newsletter|email\s+(?:this\s+|it\s+)?to\s+a\s+friend|
      diese\s+seite\s+wurde\s+.{0,20}\s+besucht|we\s+may\s+earn\s+a\s+(?:small\s+)?commission|
      affiliate-links|provisions-links|liens\s+affiliés|enlaces\s+de\s+afiliados|
      click\s+(?:here\s+)?to\s+(?:share|print|email)|opens?\s+in\s+(?:a\s+)?new\s+window|
      (?:log|sign)\s+in\s+to\s+(?:comment|reply)|connectez-vous\s+pour\s+(?:commenter|réagir)|
      melden\s+sie\s+sich\s+an,?\s+um\s+zu\s+kommentieren|
      inicia\s+sesión\s+para\s+comentar|
      ^réagir\b|^kommentieren\b|^comentar\b|
      affiliate[\s-]links?|copyrighted\s+property|without\s+(?:prior\s+)?written\s+permission|
      written\s+permission\s+must\s+be\s+obtained|
      not\s+necessarily\s+(?:reflect|represent)|gibt\s+die\s+meinung\s+des\s+autors\s+wieder|
      not\s+responsible\s+for\s+the\s+(?:opinions|views|content)|
      download\s+(?:the|our)\s+.{0,40}\bapps?\b|straight\s+to\s+your\s+(?:phone|inbox)|
      ^follow\s+.{0,40}\bon\s+(?:twitter|facebook|instagram)|
      canal\s+de\s+(?:telegram|youtube|whatsapp)|als\s+pdf\s+herunterladen|
      we\s+may\s+receive\s+compensation|advertisers\s+do\s+not\s+influence|
      ohne\s+(?:dein|ihr)\s+einverständnis\s+keine\s+verbindung|korzystamy\s+z\s+(?:plików\s+)?cookies|
      eingeloggt\s+sein,?\s+um\s+(?:kommentare|zu\s+kommentieren)|
      unser(?:em|en)?\s+(?:telegram|whatsapp)-kanal|rss\s*2\.0[\s-]*feed|
      (?:wurde|wurden)\s+(?:erfolgreich\s+)?(?:zum\s+warenkorb\s+|zur\s+merkliste\s+)?hinzugefügt|
      (?:was|were|has\s+been|have\s+been)\s+(?:successfully\s+)?added\s+to\s+
      (?:your\s+)?(?:cart|basket|wish\s?list)|
      cancel\s+(?:at\s+)?any\s*time|cancela\s+cuando\s+quieras|jederzeit\s+kündbar|
      résiliable\s+à\s+tout\s+moment
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_SHORT_LIMIT = 320
_FINE_PRINT_LIMIT = 400
_WORD = re.compile(r"[\w+-]+")


# First words of _SHORT_PATTERNS: a cheap gate before the big pattern runs.
_STARTERS = frozenset(
    [
        "advertisement",
        "advertisements",
        "sponsored",
        "ad",
        "anzeige",
        "werbung",
        "publicité",
        "publicite",
        "publicidad",
        "anuncio",
        "pub",
        "annonce",
        "share",
        "skip",
        "zum",
        "aller",
        "saltar",
        "continue",
        "read",
        "weiterlesen",
        "mehr",
        "lire",
        "en",
        "leer",
        "seguir",
        "sigue",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "no",
        "comment",
        "comments",
        "response",
        "responses",
        "kommentare",
        "kommentar",
        "commentaires",
        "comentarios",
        "leave",
        "post",
        "add",
        "cancel",
        "submit",
        "schreibe",
        "antwort",
        "hinterlasse",
        "laisser",
        "annuler",
        "deja",
        "cancelar",
        "publicar",
        "related",
        "you",
        "recommended",
        "most",
        "trending",
        "das",
        "auch",
        "ähnliche",
        "à",
        "a",
        "sur",
        "articles",
        "te",
        "también",
        "lee",
        "noticias",
        "artículos",
        "tags",
        "tag",
        "tagged",
        "filed",
        "posted",
        "categories",
        "schlagwörter",
        "schlagworte",
        "themen",
        "étiquettes",
        "mots-clés",
        "etiquetas",
        "sign",
        "subscribe",
        "newsletter",
        "abonnieren",
        "s'abonner",
        "abonnez-vous",
        "suscríbete",
        "print",
        "email",
        "back",
        "nach",
        "retour",
        "volver",
        "follow",
        "folgen",
        "suivez-nous",
        "síguenos",
        "like",
        "gefällt",
        "loading",
        "chargement",
        "cargando",
        "wird",
        "image",
        "photo",
        "foto",
        "bild",
        "video",
        "getty",
        "previous",
        "next",
        "vorheriger",
        "nächster",
        "article",
        "artículo",
        "more",
        "watch",
        "video",
        "tags",
        "topics",
        "themen",
        "temas",
        "jetzt",
        "lea",
        "le",
        "ver",
        "czytaj",
        "dowiedz",
        "więcej",
        "schon",
        "diesen",
        "war",
        "ist",
        "möchten",
        "hier",
        "den",
        "zurück",
        "empfohlene",
        "weitere",
        "nos",
        "siga-nos",
        "never",
        "receive",
        "do",
        "was",
        "rate",
        "auch",
        "zum",
        "das",
        "temas",
        "notas",
        "puedes",
        "vea",
        "mira",
        "mire",
        "hazte",
        "hágase",
        "become",
        "pour",
        "siehe",
        "ezek",
        "latest",
        "noch",
        "aufrufe",
        "this",
        "der",
        "alle",
        "kontakt",
        "contact",
        "quelle",
        "source",
        "fuente",
        "crédito",
        "beitragsbild",
        "mehr",
        "autor",
        "autoren",
        "autorin",
        "author",
        "authors",
        "auteur",
        "auteurs",
        "autores",
        "titelbild",
        "jetzt",
        "vorschau",
        "originalpublikation",
        "quellenangaben",
        "quellen",
        "top",
        "lesen",
        "abonnieren",
        "categories",
        "compartir",
        "s'abonner",
        "schlagworte",
        "suivez-nous",
        "crédito",
        "(crédito",
        "crédit",
        "crédits",
        "credit",
        "credits",
        "bildnachweis",
        "neueste",
        "derniers",
        "últimas",
    ]
)
_FINE_PRINT_GATE = (
    "mail",
    "zuletzt",
    "besucher",
    "visitor",
    "modified",
    "veröffentlicht",
    "erschienen",
    "visited",
    "newsletter",
    "besucht",
    "cookie",
    "required",
    "notify",
    "akismet",
    "logged",
    "felder",
    "benachrichtig",
    "champs",
    "prévenez",
    "correo",
    "campos",
    "rights",
    "rechte",
    "droits",
    "derechos",
    "blocker",
    "click",
    "window",
    "comment",
    "affili",
    "commission",
    "réagir",
    "kommentieren",
    "comentar",
    "copyright",
    "permission",
    "necessarily",
    "meinung",
    "responsible",
    "download",
    "straight",
    "follow",
    "canal",
    "kanal",
    "herunterladen",
    "compensation",
    "advertisers",
    "einverständnis",
    "eingeloggt",
    "rss",
    "hinzugefügt",
    "added",
    "cancel",
    "kündbar",
    "résiliable",
)
_FINE_PRINT_GATE_RE = _literal_alternation(_FINE_PRINT_GATE, ())
_FIRST_WORD = re.compile(r"[^\w'-]*([\w'-]+)")


def is_boilerplate_text(text: str) -> str | None:
    """The rule name when a short text is template residue, else None.

    ``text`` is the whole normalized text of an element.
    """
    if not text or len(text) > _FINE_PRINT_LIMIT:
        return None
    if text[0] in "([" and text[-1] in ")]" and len(text) > 2:
        # "(Alle Angaben ohne Gewähr)", "[Anzeige]": a template's note set in brackets
        text = text[1:-1].strip()
    lower = text.lower()
    first = _FIRST_WORD.match(lower)
    word = first.group(1) if first else ""
    gated = word in _STARTERS or word[:1].isdigit()
    if len(text) <= _SHORT_LIMIT and gated and _SHORT_PATTERNS.match(text):
        return "short-text pattern"
    # the first word is the cheap gate: most texts start with a word no button has
    first_button = _WORD.search(lower) if len(text) < 150 else None
    if first_button is not None and (
        first_button.group() in _BUTTON_WORDS or first_button.group().isdigit()
    ):
        words = _WORD.findall(lower)
        if (
            len(words) <= 12
            and all(w in _BUTTON_WORDS or w.isdigit() for w in words)
            # a number alone is a count, a footnote mark or maths, not a button
            and any(len(w) > 2 and not w.isdigit() for w in words)
        ):
            return "button words"
    if _FINE_PRINT_GATE_RE.search(lower) and _FINE_PRINT.search(text):
        return "template fine print"
    return None


# Elements by tag name are found with lxml's C-level iterdescendants(tags), several times
# faster than ".//*[self::a or self::b ...]" (a predicate per element), and linear where
# a union (".//a | .//b") is not: libxml2 merges unions with a duplicate check per node.
_CONDITIONAL_TAGS = (
    "div",
    "section",
    "ul",
    "ol",
    "table",
    "form",
    "td",
    "fieldset",
    "dl",
    "header",
)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HAS_HEADER_CELLS = boolean_query("boolean(.//th or .//thead or .//caption)")


def _conditional_candidates(root: html.HtmlElement) -> list[html.HtmlElement]:
    """Containers under ``root`` judged by their statistics, in document order; a cell of
    a table with header cells (at any level above it) is data, not a container."""
    header_tables: dict[html.HtmlElement, bool] = {}  # nested cells share their tables
    found: list[html.HtmlElement] = []
    for element in root.iterdescendants(*_CONDITIONAL_TAGS):
        if element.tag == "td":
            in_data_table = False
            for table in element.iterancestors("table"):
                has_headers = header_tables.get(table)
                if has_headers is None:
                    has_headers = header_tables[table] = _HAS_HEADER_CELLS(table)
                if has_headers:
                    in_data_table = True
                    break
            if in_data_table:
                continue
        found.append(element)
    return found


def _headings(root: html.HtmlElement) -> list[html.HtmlElement]:
    """h1-h6 under ``root``, in document order."""
    return list(root.iterdescendants(*_HEADING_TAGS))


# plain strings: only their lengths are needed, and lxml's "smart" strings (which
# know their parent element) cost a quarter of the query
_ALL_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)
_COMMAS = re.compile(r"[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c]")


def _norm(text: str) -> str:
    return " ".join(text.split())


def link_density(element: html.HtmlElement, text_length: int | None = None) -> float:
    """Share of an element's text that sits inside links."""
    length = text_length if text_length is not None else len(_norm(element.text_content()))
    if not length:
        return 0.0
    if element.tag == "a":
        return 1.0
    # _norm inlined: a page has tens of thousands of link texts
    links = sum([len(" ".join(t.split())) for t in cast("list[str]", _ALL_LINK_TEXT(element))])
    return min(1.0, links / length)


def clean_content(
    root: html.HtmlElement,
    decisions: list[Decision],
    *,
    conditional: bool = True,
    explain: bool = True,
) -> None:
    """Strip boilerplate from the chosen main-content element, in place."""
    total = len(_norm(root.text_content())) or 1
    if conditional:
        _clean_conditionally(root, total, decisions, explain)
    _clean_headings(root, decisions, explain)
    _clean_short_texts(root, decisions, explain)
    _clean_link_paragraphs(root, decisions, explain)
    _clean_teaser_figures(root, decisions, explain)


LINK_PARAGRAPH_CHARS = 400
"""A paragraph this short that is all link points to other pages: one "see also" link,
or a row of teaser links set as one paragraph."""
# an e-mail address set as a link is contact text, not a pointer to another page
_LINK_PARAGRAPHS = element_query(
    f".//p[a[@href and not(starts-with(@href, '#') or starts-with(@href, 'mailto:'))]]"
    f"[string-length(normalize-space()) < {LINK_PARAGRAPH_CHARS}]"
)


def _clean_link_paragraphs(
    root: html.HtmlElement, decisions: list[Decision], explain: bool
) -> None:
    doomed = [
        p
        for p in _LINK_PARAGRAPHS(root)
        if p.getparent() is not None and link_density(p) >= 0.9 and _IN_FIGURE_OR_CODE(p) is False
    ]
    _drop_all(doomed, "paragraph that is one link", decisions, explain)


# a caption never holds a headline; a teaser card (picture, linked headline, excerpt)
# set as a <figure> does
_TEASER_FIGURES = element_query(
    ".//figure[.//*[self::h2 or self::h3 or self::h4 or self::h5]"
    "[ancestor::a[@href and not(starts-with(@href, '#'))]"
    " or .//a[@href and not(starts-with(@href, '#'))]]]"
)


def _clean_teaser_figures(root: html.HtmlElement, decisions: list[Decision], explain: bool) -> None:
    _drop_all(list(_TEASER_FIGURES(root)), "teaser card", decisions, explain)


def _clean_headings(root: html.HtmlElement, decisions: list[Decision], explain: bool) -> None:
    doomed = []
    for heading in _headings(root):
        text = _norm(heading.text_content())
        if not text or class_weight(heading) < 0:
            doomed.append(heading)
    _drop_all(doomed, "heading of page furniture", decisions, explain)


def _clean_short_texts(root: html.HtmlElement, decisions: list[Decision], explain: bool) -> None:
    """Drop the outermost elements whose whole text is template residue.

    Top-down: an element with more text than any pattern can match is entered,
    a small one is tested and either dropped or left alone with its children.
    """
    stack = [child for child in root if isinstance(child.tag, str)]
    stack.reverse()
    # a wrapper and its only child share their text: half the texts are tested twice
    verdicts: dict[str, str | None] = {}
    while stack:
        element = stack.pop()
        raw = element.text_content()
        if len(raw) > _FINE_PRINT_LIMIT * 3:
            children = [c for c in element if isinstance(c.tag, str)]
            children.reverse()
            stack.extend(children)
            continue
        text = " ".join(raw.split())  # _norm inlined: this runs for most elements
        if not text:
            continue
        if len(text) > _FINE_PRINT_LIMIT:
            children = [c for c in element if isinstance(c.tag, str)]
            children.reverse()
            stack.extend(children)
            continue
        if text in verdicts:
            rule = verdicts[text]
        else:
            rule = verdicts[text] = is_boilerplate_text(text)
        if (
            rule is not None
            and CREDIT_LINE.match(text)
            and (_follows_image(element) or _HAS_IMAGE(element))
        ):
            # "Photo: X" under a picture is its credit, and a figure whose only text
            # is its credit is still a picture (see figures.py)
            rule = None
        if rule == "template fine print" and (
            (len(text) > 250 and not _FINE_PRINT.match(text)) or _HAS_BLOCKS(element)
        ):
            # a long paragraph that merely mentions cookies is prose; a container is
            # judged by its parts
            rule = None
        if (
            rule is None
            and _is_credit_line(element, text)
            and not (CREDIT_LINE.match(text) and _follows_image(element))
        ):
            rule = "credit line"
        if rule is not None:
            _drop_all([element], rule, decisions, explain)
        elif element.tag in _TEXT_LEAVES:
            # "Continue reading", "Read more" links at the end of a paragraph
            for link in element.iter("a"):
                link_text = _norm(link.text_content())
                if link_text and is_boilerplate_text(link_text) == "short-text pattern":
                    _drop_all([link], "short-text pattern", decisions, explain)
        else:
            children = [c for c in element if isinstance(c.tag, str)]
            children.reverse()
            stack.extend(children)


_HAS_BLOCKS = boolean_query(
    "boolean(p or div or ul or ol or table or section or article or blockquote or h1 or h2"
    " or h3 or h4 or h5 or h6 or dl or figure or pre)"
)
CREDIT_LINE = re.compile(
    r"^\(?(?:photo|foto|bild|image|picture|crédit|credit|fotografía|imagen)s?\b", re.IGNORECASE
)
"""A line that starts like a picture credit ("Photo: AP", "(Foto: dpa)")."""


CREDIT_LINE_CHARS = 300
"""Longest text taken as a credit line (a caption with its credit, a copyright notice)."""
# "... | © Getty Images", "(© AFP)", "...muss© Rike/pixelio.de", "(Symbolbild)": credits
# close a caption; "© 2022 Site. ..." opens a copyright notice
_ENDS_WITH_CREDIT = re.compile(
    r"©\s*[^©.!?]{2,60}\)?\s*$|^\(?(?:©|\(c\)\s)|"
    r"\((?:symbolbild|archivbild|foto|photo|bild)[^)]{0,40}\)\.?\s*$",
    re.IGNORECASE,
)


def _is_credit_line(element: html.HtmlElement, text: str) -> bool:
    """A picture's caption or credit set as a paragraph, or the copyright line."""
    if len(text) > CREDIT_LINE_CHARS or not _ENDS_WITH_CREDIT.search(text):
        return False
    if element.tag in ("figure", "figcaption"):
        return False  # a real figure keeps its credit (see figures.py)
    return not (_IN_FIGURE(element) or _HAS_BLOCKS(element) or _HAS_IMAGE(element))


def _follows_image(element: html.HtmlElement) -> bool:
    previous = element.getprevious()
    return previous is not None and (previous.tag in ("img", "figure") or _HAS_IMAGE(previous))


_HAS_IMAGE = boolean_query("boolean(.//img)")
_TEXT_LEAVES = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "figcaption"))


def _clean_conditionally(
    root: html.HtmlElement, total: int, decisions: list[Decision], explain: bool
) -> None:
    """Drop containers whose statistics say "links, images, form controls", not prose."""
    for element in reversed(_conditional_candidates(root)):
        if element.getparent() is None or element is root:
            continue
        verdict = _conditional_rule(element, total)
        if verdict:
            _drop_all([element], verdict, decisions, explain)


def _conditional_rule(element: html.HtmlElement, total: int) -> str | None:
    text = _norm(element.text_content())
    length = len(text)
    if length > 0.6 * total:
        return None
    if _IN_FIGURE_OR_CODE(element):
        return None
    weight = class_weight(element)
    if weight < 0 and length < 0.3 * total:
        return "furniture class/id"  # an info box or a related-links table, data or not
    if element.tag == "table" and _is_data_table(element):
        return None
    if len(_COMMAS.findall(text)) >= 10:
        return None
    density = link_density(element, length)
    is_list = element.tag in ("ul", "ol")
    prose_list = is_list and (
        (density < 0.5 and length > 200) or (density < 0.6 and _annotated_items(element))
    )
    if weight < 25 and density > 0.2 and length < 1000 and not prose_list:
        return "link density"
    if weight >= 25 and density > 0.5:
        return "link density"
    counts = _COUNTS(element)
    paragraphs, images, inputs, headings, rich = (int(c) for c in counts.split())
    if images > 1 and paragraphs / images < 0.5 and length < 200:
        return "images without prose"
    if inputs > paragraphs / 3:
        return "form controls"
    plain_list = is_list and density == 0
    if length < 25 and (images == 0 or images > 2) and not headings and not rich and not plain_list:
        return "too little text"
    return None


_IN_FIGURE_OR_CODE = boolean_query(
    f"boolean(ancestor-or-self::figure or ancestor::pre or ancestor::code or {_HIGHLIGHTER})"
)
_COUNTS = string_query(
    "concat(count(.//p), ' ', count(.//img), ' ', count(.//input), ' ',"
    " count(.//h1|.//h2|.//h3|.//h4|.//h5|.//h6), ' ',"
    " count(.//pre|.//code|.//table|.//video|.//audio|.//picture|.//math))"
)


def _annotated_items(element: html.HtmlElement) -> bool:
    """A list whose items say more than their links ("200 g flour (brand X)"): content."""
    items = [li for li in element if li.tag == "li"]
    if len(items) < 3:
        return False
    annotated = 0
    for item in items:
        text = len(_norm(item.text_content()))
        links = sum(len(_norm(t)) for t in cast("list[str]", _ALL_LINK_TEXT(item)))
        if text - links >= 8:
            annotated += 1
    return annotated >= 0.7 * len(items)


def _is_data_table(table: html.HtmlElement) -> bool:
    if table.get("role") == "presentation":
        return False
    if table.find(".//table") is not None:
        return False
    if table.get("summary") or table.find("caption") is not None:
        return True
    if table.find(".//th") is not None or table.find(".//thead") is not None:
        return True
    rows = table.findall(".//tr")
    if len(rows) >= 10:
        return True
    columns = max((len(r.findall("td")) for r in rows), default=0)
    return len(rows) * columns > 10 and columns > 2
