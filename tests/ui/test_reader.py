"""The reader: glossary definitions by mouse, click and keyboard; only bundled images load."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from breastedu.core import paths
from breastedu.core.content.dto import GlossaryEntry
from breastedu.core.render import html as render
from breastedu.ui.library.reader import ReaderPane

TERMS = (
    GlossaryEntry("fna", "fine needle aspiration", ("FNA",), "A thin needle takes a few cells."),
    GlossaryEntry("cyst", "cyst", (), "A sac filled with fluid."),
)
PAGE = render.mark_terms(
    render.markdown_to_html(
        "A cyst can be drained by fine needle aspiration. Another cyst.\n\n[Home](breastedu:home)\n\n"
        "![Where the thyroid sits](breastedu:image/thyroid-nodule.svg)"
    ),
    TERMS,
)


@pytest.fixture
def reader(qtbot: QtBot) -> ReaderPane:
    pane = ReaderPane(paths.resources_dir() / "illustrations")
    qtbot.addWidget(pane)
    pane.resize(700, 500)
    pane.set_glossary(TERMS)
    pane.show()
    pane.show_html(PAGE)
    return pane


def test_first_use_of_each_term_is_marked_once() -> None:
    """Each term is marked at its first use only, so the page does not turn into links."""
    assert PAGE.count('href="breastedu:glossary/cyst"') == 1
    assert PAGE.count('href="breastedu:glossary/fna"') == 1


def test_click_shows_definition_without_leaving_page(qtbot: QtBot, reader: ReaderPane) -> None:
    """Clicking a term opens its definition under the page; the page stays."""
    with qtbot.assertNotEmitted(reader.link_activated):
        reader.browser.anchorClicked.emit(QUrl("breastedu:glossary/fna"))
    assert reader.definition_bar.isVisible()
    assert "A thin needle takes a few cells." in reader.definition_label.text()
    assert "drained by fine needle aspiration" in reader.plain_text()


def test_keyboard_focus_on_term_shows_definition(qtbot: QtBot, reader: ReaderPane) -> None:
    """Tabbing to a term (no mouse) shows its definition in the bar, where screen readers find it."""
    reader.browser.setFocus()
    for _ in range(6):
        qtbot.keyClick(reader.browser, Qt.Key.Key_Tab)
        if reader.definition_bar.isVisible():
            break
    assert reader.definition_bar.isVisible()
    assert "A sac filled with fluid." in reader.definition_label.text()


def test_hover_on_term_shows_tooltip_not_bar(
    qtbot: QtBot, reader: ReaderPane, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hovering a term shows its definition as a tooltip."""
    shown: list[str] = []
    monkeypatch.setattr(reader.browser, "underMouse", lambda: True)
    monkeypatch.setattr(
        "breastedu.ui.library.reader.QToolTip.showText", lambda pos, text, w: shown.append(text)
    )
    reader.browser.highlighted.emit(QUrl("breastedu:glossary/cyst"))
    assert shown == ["cyst: A sac filled with fluid."]
    assert not reader.definition_bar.isVisible()


def test_app_links_navigate(qtbot: QtBot, reader: ReaderPane) -> None:
    """A breastedu: link that is not a term asks the window to navigate."""
    with qtbot.waitSignal(reader.link_activated) as blocker:
        reader.browser.anchorClicked.emit(QUrl("breastedu:topic/goiter"))
    assert blocker.args == ["topic/goiter"]


def test_bundled_svg_loads_and_grows_with_text(reader: ReaderPane) -> None:
    """An illustration renders from SVG at 2x pixel density and grows with the text size."""
    reader.resize(1600, 600)  # room to grow: the column, not the window, bounds it here
    kind = QTextDocument.ResourceType.ImageResource.value
    image = reader.browser.loadResource(kind, QUrl("breastedu:image/thyroid-nodule.svg"))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.devicePixelRatio() == 2.0
    reader.set_text_size(20)
    bigger = reader.browser.loadResource(kind, QUrl("breastedu:image/thyroid-nodule.svg"))
    assert isinstance(bigger, QImage) and bigger.width() > image.width()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "breastedu:image/../../pyproject.toml",
        "https://example.org/x.png",
        "breastedu:image/missing.svg",
    ],
)
def test_other_images_never_load(reader: ReaderPane, url: str) -> None:
    """Local files, paths out of the folder and web images give an empty image."""
    kind = QTextDocument.ResourceType.ImageResource.value
    image = reader.browser.loadResource(kind, QUrl(url))
    assert isinstance(image, QImage) and image.isNull()


def test_every_guide_picture_exists() -> None:
    """Every picture a guide shows is a bundled SVG (no broken images in the app)."""
    import re

    folder = paths.resources_dir() / "illustrations"
    names = set()
    for guide in (Path(paths.bundled("data")) / "guides").glob("*.md"):
        names |= set(re.findall(r"breastedu:image/([\w.-]+)", guide.read_text(encoding="utf-8")))
    assert names and all((folder / n).is_file() for n in names), names


def test_glossary_filter_box_and_letter_links_work_from_the_keyboard(
    qtbot: QtBot, reader: ReaderPane
) -> None:
    """On the glossary page, typing words and pressing Enter asks for glossary?q=...; a letter
    of the A–Z index scrolls to its heading; other pages hide the box."""
    entries = tuple(
        GlossaryEntry(f"t{i}", f"{letter}term {i}", (), "A plain definition here.")
        for i, letter in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3)
    )
    reader.show_html(render.glossary_html(entries))
    reader.set_glossary_filter("")
    assert reader.glossary_filter.isVisible()
    reader.glossary_filter.setFocus()
    qtbot.keyClicks(reader.glossary_filter, "fine needle")
    with qtbot.waitSignal(reader.link_activated) as sent:
        qtbot.keyClick(reader.glossary_filter, Qt.Key.Key_Return)
    assert sent.args == ["glossary?q=fine+needle"]
    bar = reader.browser.verticalScrollBar()
    assert bar.value() == 0
    reader.browser.anchorClicked.emit(QUrl("#letter-t"))
    assert bar.value() > 0
    reader.set_glossary_filter(None)
    assert not reader.glossary_filter.isVisible()


def test_app_links_keep_their_query(qtbot: QtBot, reader: ReaderPane) -> None:
    """breastedu:glossary?q=cyst reaches the window with its filter."""
    with qtbot.waitSignal(reader.link_activated) as sent:
        reader.browser.anchorClicked.emit(QUrl("breastedu:glossary?q=cyst"))
    assert sent.args == ["glossary?q=cyst"]


def test_drawings_follow_the_theme(reader: ReaderPane) -> None:
    """Issue 27: a drawing on screen takes the dark theme's colours, not the light file's."""
    from breastedu.ui.common.theme import Appearance

    kind = QTextDocument.ResourceType.ImageResource.value
    url = QUrl("breastedu:image/fibroadenoma.svg")
    light = reader.browser.loadResource(kind, url)
    dark_look = Appearance("dark", "normal")
    dark_look.apply()
    try:
        dark = reader.browser.loadResource(kind, url)
    finally:
        Appearance("light", "normal").apply()
    assert isinstance(light, QImage) and isinstance(dark, QImage)
    assert not light.isNull() and not dark.isNull()
    corner = (5, 5)  # the drawing's background panel
    assert dark.pixelColor(*corner).lightness() < light.pixelColor(*corner).lightness()


def _focus_pixels(reader: ReaderPane) -> int:
    """Pixels of the theme's focus colour on the page itself (not the frame's focus border)."""
    from PySide6.QtGui import QColor

    from breastedu.ui.common.theme import current_palette

    focus = QColor(current_palette().focus).rgb()
    image = reader.browser.viewport().grab().toImage()
    return sum(image.pixel(x, y) == focus for y in range(image.height()) for x in range(image.width()))


def test_the_link_tab_is_on_is_ringed_in_the_focus_colour(qtbot: QtBot, reader: ReaderPane) -> None:
    """A14: the link the keyboard is on shows the theme's focus ring (2 px, solid), as every other
    control does, not only Qt's 1 px dotted box; it goes when focus leaves the page, and the
    search's marks stay beside it."""
    reader.highlight_terms(["cyst"])
    reader.browser.setFocus()
    qtbot.waitUntil(reader.browser.hasFocus)
    assert _focus_pixels(reader) == 0
    qtbot.keyClick(reader.browser, Qt.Key.Key_Tab)  # onto the first link
    assert reader.browser.textCursor().charFormat().isAnchor()
    assert _focus_pixels(reader) > 40  # a ring round a word, two pixels thick
    assert len(reader.browser.extraSelections()) == 3  # the two marks of "cyst" and the ring
    reader.browser.clearFocus()
    assert _focus_pixels(reader) == 0
    assert len(reader.browser.extraSelections()) == 2
