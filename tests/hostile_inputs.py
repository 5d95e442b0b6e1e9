"""Pathological pages, generated on demand (never stored in the repository).

Shared by ``tests/test_hostile.py``, ``benchmarks/hostile.py`` and the fuzz
seed corpus.  Each input is a name, a file suffix and a function that builds
the bytes deterministically, so a failure can be reproduced from its name.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable
from dataclasses import dataclass

SECRET_MARKER = "ARTICLEKIT-SECRET-7f3a"


@dataclass(frozen=True)
class HostileInput:
    """A named pathological input; ``build()`` returns its bytes."""

    name: str
    suffix: str
    build: Callable[[], bytes]
    heavy: bool = False  # seconds to parse at default limits: run once, not per example


def _page(body: str, head: str = "<title>Hostile page</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


_ARTICLE = (
    "<article><h1>A plain headline</h1><p class='byline'>By Jane Doe</p>"
    + "".join(
        f"<p>Paragraph {i} of the story tells what happened in the city council meeting, "
        "who said what, and why the vote matters for the budget next year.</p>"
        for i in range(8)
    )
    + "</article>"
)


def _png() -> bytes:
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00\x00\x01\x00" * 2
    return header + random.Random(1).randbytes(200_000)


def _random_bytes() -> bytes:
    return random.Random(2).randbytes(1_000_000)


def _nul_heavy() -> bytes:
    return b"\x00" * 500_000 + _page(_ARTICLE).encode() + b"\x00" * 500_000


def _nul_scattered() -> bytes:
    page = _page(_ARTICLE).encode()
    return b"\x00".join(page[i : i + 40] for i in range(0, len(page), 40))


def _invalid_utf8() -> bytes:
    rng = random.Random(3)
    page = _page(_ARTICLE, '<meta charset="utf-8"><title>Caf\u00e9</title>').encode()
    junk = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"]
    out = bytearray()
    for i in range(0, len(page), 25):
        out += page[i : i + 25] + rng.choice(junk)
    return bytes(out)


def _utf16_no_bom() -> bytes:
    return _page(_ARTICLE.replace("city", "cit\u00e9 \u65e5\u672c")).encode("utf-16-le")


def _bogus_charset() -> bytes:
    head = (
        '<meta charset="x-\u00ff-bogus">'
        '<meta http-equiv="Content-Type" content="text/html; charset=base64">'
    )
    return _page(_ARTICLE.replace("city", "caf\u00e9"), head).encode("utf-8")


def _lying_charset() -> bytes:
    body = _ARTICLE.replace("city", "caf\u00e9 \u201cquoted\u201d na\u00efve")
    return _page(body, '<meta charset="utf-8"><title>Lying</title>').encode("cp1252")


def _deep(depth: int, open_tag: str = "<div>", close_tag: str = "</div>") -> bytes:
    return _page(open_tag * depth + "deep text" + close_tag * depth + _ARTICLE).encode()


def _million_elements() -> bytes:
    return _page("<article><h1>Many</h1>" + "<p>x</p>" * 1_000_000 + "</article>").encode()


def _page_20mb() -> bytes:
    paragraph = (
        "<p>The committee met on Tuesday to discuss the long-delayed report on housing, "
        "transport and the future of the waterfront, and members argued about costs.</p>"
    )
    count = 20 * 1024 * 1024 // len(paragraph)
    return _page("<article><h1>Huge</h1>" + paragraph * count + "</article>").encode()


def _attribute_20mb() -> bytes:
    return _page(f'<div title="{"a" * (20 * 1024 * 1024)}">x</div>{_ARTICLE}').encode()


def _word_5mb() -> bytes:
    return _page(f"<article><h1>Word</h1><p>{'w' * (5 * 1024 * 1024)}</p></article>").encode()


def _unclosed_comment() -> bytes:
    return _page("<p>Before the comment.</p><!-- never closed " + _ARTICLE).encode()


def _script_closing_tags() -> bytes:
    script = (
        "<script>var a = '</div></p></body></html><p>fake</p>'; "
        "document.write('<script>x()</' + 'script>');</script>"
        "<script><!-- <script> </script> --></script>"
    )
    return _page(
        script + _ARTICLE + "<style>p::after{content:'</style><p>css</p>'}</style>"
    ).encode()


def _entity_bomb() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<!DOCTYPE html [{entities}]>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bomb</title></head>'
        f"<body><p>&lol9;</p>{_ARTICLE}</body></html>"
    ).encode()


def external_entity_page(secret_path: str) -> bytes:
    """XHTML that would inline ``secret_path`` if external entities were resolved."""
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret_path}">'
        f'<!ENTITY % dtd SYSTEM "file://{secret_path}"> %dtd;]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>XXE</title>'
        f'<link rel="stylesheet" href="file://{secret_path}"/></head>'
        f'<body><p>&xxe;</p><xi:include href="file://{secret_path}" parse="text"/>'
        f'<img src="file://{secret_path}"/><iframe src="{secret_path}"></iframe>'
        f"{_ARTICLE}</body></html>"
    ).encode()


def _external_entity() -> bytes:
    return external_entity_page("/etc/passwd")


SCRIPT_INJECTION_BODY = (
    "<article><h1>Headline <script>alert('h1')</script><img src=x onerror=alert(1)></h1>"
    "<p>Text with <a href='javascript:alert(2)'>a js link</a>, "
    "<a href=' JaVaScRiPt:alert(3)'>a spaced one</a>, "
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg=='>a data link</a>, "
    "<a href='vbscript:msgbox(5)'>vb</a> and <b onclick='alert(6)'>a handler</b>.</p>"
    "<p>Escaped markup in text: &lt;script&gt;alert(7)&lt;/script&gt; and "
    "&lt;img src=x onerror=alert(8)&gt; must stay text.</p>"
    "<figure><img src='javascript:alert(9)' alt='\"><script>alert(10)</script>'>"
    "<figcaption>Caption </figcaption><script>alert(11)</script></figcaption></figure>"
    "<p><iframe src='https://evil.example/'></iframe><svg onload='alert(12)'><script>alert(13)"
    "</script></svg><style>body{background:url(javascript:alert(14))}</style>"
    "<object data='evil.swf'></object><embed src='evil.swf'>"
    "<form action='javascript:alert(15)'><input onfocus='alert(16)' autofocus></form></p>"
    "<p>A paragraph with a title attribute <span title='&quot;&gt;&lt;script&gt;alert(17)"
    "&lt;/script&gt;'>span</span> and \"quotes\" and 'apostrophes' &amp; ampersands.</p>"
    "<p>]]&gt; &lt;!-- --&gt; <![CDATA[<script>alert(18)</script>]]> end.</p>"
    "<blockquote>Quote <script>alert(19)</script></blockquote>"
    "<ul><li>item <a href='java&#x09;script:alert(20)'>tab-split js</a></li></ul>"
    "<table><tr><td onmouseover='alert(21)'>cell</td></tr></table>"
    "<pre>code &lt;/pre&gt;&lt;script&gt;alert(22)&lt;/script&gt;</pre>"
    "</article>"
)


def _script_injection() -> bytes:
    head = (
        "<title>T &lt;/title&gt;&lt;script&gt;alert(23)&lt;/script&gt;</title>"
        '<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(24)&lt;/script&gt;">'
        '<meta property="og:image" content="javascript:alert(25)">'
        '<meta name="author" content="&lt;img src=x onerror=alert(26)&gt;">'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":'
        '"</script><script>alert(27)</script>","author":{"name":"<b onclick=alert(28)>x</b>"},'
        '"image":"javascript:alert(29)"}</script>'
    )
    return _page(SCRIPT_INJECTION_BODY, head).encode()


def _deep_comment_thread(depth: int = 1000) -> bytes:
    opening = "".join(
        f'<li class="comment" id="comment-{i}"><article class="comment-body">'
        f'<footer class="comment-meta"><b class="fn">User {i}</b>'
        f'<time datetime="2020-01-01T00:00:00Z">Jan 1</time></footer>'
        f'<div class="comment-content"><p>Reply number {i}.</p></div></article>'
        '<ol class="children">'
        for i in range(depth)
    )
    closing = "</ol></li>" * depth
    thread = (
        '<div id="comments" class="comments-area"><ol class="comment-list">'
        f"{opening}{closing}</ol></div>"
    )
    return _page(_ARTICLE + thread).encode()


def _flat_comment_thread(count: int = 20_000) -> bytes:
    """``count`` top-level comments in one list (four elements each, within max_nodes)."""
    items = "".join(
        f'<li class="comment" id="comment-{i}"><b class="fn">User {i}</b> '
        f'<time datetime="2020-01-01T00:00:00Z">Jan 1</time>'
        f"<p>Comment number {i} on the story.</p></li>"
        for i in range(count)
    )
    thread = f'<div id="comments" class="comments-area"><ol class="comment-list">{items}</ol></div>'
    return _page(_ARTICLE + thread).encode()


def _deep_comment_thread_2mb(depth: int = 20_000) -> bytes:
    """A reply chain ``depth`` deep in about 2 MB: each reply inside the one it answers
    (beyond max_depth the tree keeps the replies as a flat run of comments)."""
    opening = "".join(
        f'<li class="comment"><div class="comment-body"><b>U{i}</b> <p>Reply {i}.</p></div>'
        '<ol class="children">'
        for i in range(depth)
    )
    closing = "</ol></li>" * depth
    thread = (
        '<div id="comments" class="comments-area"><ol class="comment-list">'
        f"{opening}{closing}</ol></div>"
    )
    return _page(_ARTICLE + thread).encode()


def _gzip_bomb() -> bytes:
    """About 1 GiB of markup inflated from about 2 MB: one compressed member of
    1 MB repeated (a gzip file may hold any number of members)."""
    member = gzip.compress(b"<p>lol</p>" * 100_000, 9)
    return gzip.compress(b"<html><body>") + member * 1024


def _truncated_gzip() -> bytes:
    data = gzip.compress(_page(_ARTICLE * 20).encode())
    return data[: len(data) * 2 // 3]


def _deep_json_ld() -> bytes:
    head = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    head += (
        '<script type="application/ld+json">{"@graph":'
        + '{"a":' * 50_000
        + "1"
        + "}" * 50_001
        + "</script>"
    )
    return _page(_ARTICLE, head).encode()


def _many_attributes() -> bytes:
    attrs = " ".join(f'data-a{i}="{i}"' for i in range(200_000))
    return _page(f"<div {attrs}>x</div>{_ARTICLE}").encode()


def _unclosed_inline() -> bytes:
    return _page("<b><i><font><span>" * 50_000 + _ARTICLE).encode()


def _deep_tables() -> bytes:
    return _page("<table><tr><td>" * 20_000 + "cell" + _ARTICLE).encode()


def _long_line_text() -> bytes:
    words = ("word " * 2_000_000).strip()
    return ("A title\n\n" + words + "\n\nBy Someone\n").encode()


def _many_lines_text() -> bytes:
    return ("Title\n\n" + "Leave a Reply\nShare this:\nPrint\n1 thought on\n" * 250_000).encode()


def _regex_bait() -> bytes:
    body = (
        "<article><h1>"
        + "By " * 100_000
        + "</h1><p class='byline'>"
        + "Posted by " * 50_000
        + "</p><p>"
        + "1/" * 200_000
        + "</p><p>"
        + "a " * 1_000_000
        + "</p><p>"
        + " \t" * 500_000
        + "x</p>"
        + "<time>"
        + "2020-" * 100_000
        + "</time></article>"
    )
    head = '<meta name="author" content="' + "By and " * 200_000 + '">'
    return _page(body, head).encode()


def _deep_and_wide() -> bytes:
    """Many paragraphs at the bottom of a deep chain: descendant searches from
    every ancestor (``//div//p``) cost depth x paragraphs."""
    return _page("<div class='content'>" * 250 + "<p>Some words here.</p>" * 100_000).encode()


def _many_meta() -> bytes:
    head = "".join(f'<meta property="og:tag{i}" content="v{i}">' for i in range(200_000))
    return _page(_ARTICLE, head).encode()


INPUTS: tuple[HostileInput, ...] = (
    HostileInput("empty", ".html", lambda: b""),
    HostileInput("whitespace", ".html", lambda: b" \n\t\r\n " * 10_000),
    HostileInput("random_binary", ".html", _random_bytes),
    HostileInput("png_named_html", ".html", _png),
    HostileInput("nul_heavy", ".html", _nul_heavy),
    HostileInput("nul_scattered", ".html", _nul_scattered),
    HostileInput("invalid_utf8", ".html", _invalid_utf8),
    HostileInput("utf16_no_bom", ".html", _utf16_no_bom),
    HostileInput("bogus_charset", ".html", _bogus_charset),
    HostileInput("lying_charset", ".html", _lying_charset),
    HostileInput("deep_200k", ".html", lambda: _deep(200_000), heavy=True),
    HostileInput("deep_unclosed_200k", ".html", lambda: _deep(200_000, "<div>", ""), heavy=True),
    HostileInput("deep_1000", ".html", lambda: _deep(1000)),
    HostileInput("million_elements", ".html", _million_elements, heavy=True),
    HostileInput("page_20mb", ".html", _page_20mb, heavy=True),
    HostileInput("attribute_20mb", ".html", _attribute_20mb, heavy=True),
    HostileInput("word_5mb", ".html", _word_5mb, heavy=True),
    HostileInput("unclosed_comment", ".html", _unclosed_comment),
    HostileInput("script_closing_tags", ".html", _script_closing_tags),
    HostileInput("entity_bomb_xhtml", ".xhtml", _entity_bomb),
    HostileInput("external_entity_xhtml", ".xhtml", _external_entity),
    HostileInput("script_injection", ".html", _script_injection),
    HostileInput("deep_comment_thread", ".html", _deep_comment_thread, heavy=True),
    HostileInput("flat_comments_20k", ".html", _flat_comment_thread, heavy=True),
    HostileInput("deep_comments_2mb", ".html", _deep_comment_thread_2mb, heavy=True),
    HostileInput("gzip_bomb", ".html.gz", _gzip_bomb, heavy=True),
    HostileInput("truncated_gzip", ".html.gz", _truncated_gzip),
    HostileInput("deep_json_ld", ".html", _deep_json_ld, heavy=True),
    HostileInput("many_attributes", ".html", _many_attributes, heavy=True),
    HostileInput("unclosed_inline_200k", ".html", _unclosed_inline, heavy=True),
    HostileInput("deep_tables", ".html", _deep_tables, heavy=True),
    HostileInput("text_long_line", ".txt", _long_line_text, heavy=True),
    HostileInput("text_many_lines", ".txt", _many_lines_text, heavy=True),
    HostileInput("regex_bait", ".html", _regex_bait, heavy=True),
    HostileInput("many_meta", ".html", _many_meta, heavy=True),
    HostileInput("deep_and_wide", ".html", _deep_and_wide, heavy=True),
    HostileInput("concatenated_pages", ".html", lambda: _page(_ARTICLE).encode() * 1000),
)

BY_NAME = {item.name: item for item in INPUTS}


_UNSAFE_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "link",
        "meta",
        "base",
        "svg",
        "math",
        "template",
        "noscript",
    }
)
_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
    }
)
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


def unsafe_markup(markup: str) -> list[str]:
    """What makes ``markup`` unsafe to embed: script-capable elements, event
    handler or style attributes, and URLs with a script or data scheme.

    Parses like a browser would (lxml's HTML parser), so escaped text such as
    ``&lt;script&gt;`` is correctly seen as text.
    """
    from lxml import html

    if not markup.strip():
        return []
    problems = []
    for element in html.fragments_fromstring(markup) if "<" in markup else []:
        if isinstance(element, str):
            continue
        for node in element.iter():
            if not isinstance(node.tag, str):
                problems.append(f"non-element node {node.tag!r}")
                continue
            if node.tag.lower() in _UNSAFE_ELEMENTS:
                problems.append(f"<{node.tag}> element")
            for name, value in node.attrib.items():
                lowered = name.lower()
                if lowered.startswith("on") or lowered == "style":
                    problems.append(f"{name}= attribute on <{node.tag}>")
                if lowered in _URL_ATTRIBUTES:
                    squashed = "".join(ch for ch in value if ch > " ").lower()
                    if squashed.startswith(_UNSAFE_SCHEMES):
                        problems.append(f"{name}={value[:40]!r} on <{node.tag}>")
    return problems
