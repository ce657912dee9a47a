"""The sanitizer's whole policy as a table: every tag, attribute and URL scheme it lets through
or refuses. A policy change (say, allowing ``style`` or ``file:``) fails here by name."""

from __future__ import annotations

import re

import pytest

from breastedu.core.render import html as render

ALLOWED_TAGS = [
    "a", "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "code", "pre",
    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "span", "div", "mark",
]  # fmt: skip
REFUSED_TAGS = [
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "textarea", "select", "link", "meta", "base", "svg", "math", "video",
    "audio", "source", "template", "noscript", "title", "body", "html", "font", "marquee",
]  # fmt: skip

ALLOWED_ATTRIBUTES = [
    ("a", "title"), ("a", "class"), ("img", "alt"), ("img", "title"), ("img", "width"),
    ("img", "height"), ("th", "align"), ("td", "align"), ("ol", "start"), ("h2", "id"),
    ("h3", "id"), ("span", "class"), ("span", "title"),
    # nh3's generic attributes, allowed on every tag: harmless text, no URL, no script
    ("p", "lang"), ("span", "lang"), ("p", "title"), ("td", "lang"),
]  # fmt: skip
TABLE_PARTS = {
    "thead": "<table>{}</table>",
    "tbody": "<table>{}</table>",
    "tr": "<table>{}</table>",
    "th": "<table><tr>{}</tr></table>",
    "td": "<table><tr>{}</tr></table>",
}
REFUSED_ATTRIBUTES = [
    ("p", "style"), ("span", "style"), ("div", "style"), ("a", "onclick"), ("img", "onerror"),
    ("p", "onmouseover"), ("a", "target"), ("a", "id"), ("p", "class"), ("div", "class"),
    ("td", "background"), ("table", "background"), ("p", "id"), ("a", "ping"), ("img", "srcset"),
    ("img", "longdesc"), ("h1", "id"), ("a", "download"), ("a", "formaction"),
]  # fmt: skip

ALLOWED_HREFS = [
    "breastedu:topic/goiter", "breastedu:question/x", "https://example.org/a", "http://example.org/b",
    "mailto:nurse@example.org",
]  # fmt: skip
REFUSED_HREFS = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "file:///etc/passwd", "file:relative.txt",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "ftp://example.org/x",
    "tel:5550100", "blob:https://example.org/x", "about:blank", " javascript:alert(1)",
    "java\tscript:alert(1)",
]  # fmt: skip

ALLOWED_IMAGE_SRCS = ["breastedu:image/breast-anatomy.svg", "breastedu:image/thyroid-nodule.svg"]
REFUSED_IMAGE_SRCS = [
    "https://example.org/a.png", "http://example.org/a.png", "file:///etc/passwd",
    "data:image/png;base64,AAAA", "breastedu:topic/goiter", "/etc/passwd", "../secret.svg",
    "breastedu:images/x.svg", "image/x.svg",
]  # fmt: skip


@pytest.mark.parametrize("tag", ALLOWED_TAGS)
def test_allowed_tag_survives(tag: str) -> None:
    wrap = TABLE_PARTS.get(tag, "{}")
    assert f"<{tag}" in render.sanitize(wrap.format(f"<{tag}>x</{tag}>"))


@pytest.mark.parametrize("tag", REFUSED_TAGS)
def test_refused_tag_is_removed(tag: str) -> None:
    out = render.sanitize(f"<{tag} id='z'>x</{tag}><p>after</p>")
    assert f"<{tag}" not in out.lower() and "<p>after</p>" in out


def test_no_other_tag_is_allowed() -> None:
    """The allowed list above is the whole list (img is checked with its src rules)."""
    assert set(render._TAGS) == {*ALLOWED_TAGS, "img"}


@pytest.mark.parametrize(("tag", "attr"), ALLOWED_ATTRIBUTES)
def test_allowed_attribute_survives(tag: str, attr: str) -> None:
    src = ' src="breastedu:image/a.svg"' if tag == "img" else ""
    wrap = TABLE_PARTS.get(tag, "{}")
    out = render.sanitize(wrap.format(f'<{tag}{src} {attr}="v1">x</{tag}>'))
    assert f'{attr}="v1"' in out


@pytest.mark.parametrize(("tag", "attr"), REFUSED_ATTRIBUTES)
def test_refused_attribute_is_removed(tag: str, attr: str) -> None:
    wrap = TABLE_PARTS.get(tag, "{}")
    out = render.sanitize(wrap.format(f'<{tag} {attr}="v1">x</{tag}>'))
    assert f"{attr}=" not in out and "v1" not in out and (tag == "img" or "x" in out)


@pytest.mark.parametrize("href", ALLOWED_HREFS)
def test_allowed_link_scheme_survives(href: str) -> None:
    assert f'href="{href}"' in render.sanitize(f'<a href="{href}">x</a>')


@pytest.mark.parametrize("href", REFUSED_HREFS)
def test_refused_link_scheme_loses_its_href(href: str) -> None:
    out = render.sanitize(f'<a href="{href}">x</a>')
    assert "href" not in out and ">x<" in out


@pytest.mark.parametrize("src", ALLOWED_IMAGE_SRCS)
def test_bundled_image_survives(src: str) -> None:
    assert f'src="{src}"' in render.sanitize(f'<img src="{src}" alt="a">')


@pytest.mark.parametrize("src", REFUSED_IMAGE_SRCS)
def test_any_other_image_source_is_dropped(src: str) -> None:
    out = render.sanitize(f'<img src="{src}" alt="a">')
    assert "src=" not in out


def test_markdown_goes_through_the_same_policy() -> None:
    """Raw HTML inside Markdown meets the same rules as HTML given to sanitize()."""
    out = render.markdown_to_html(
        '<iframe src="https://example.org"></iframe>\n\n<p style="color:red" onclick="x()">a</p>\n\n'
        "[f](file:///etc/passwd) [d](data:text/html,x)"
    )
    assert not re.search(r"iframe|style=|onclick|file:|data:", out)
