"""Themes reach the widgets and the page; "system" follows the desktop, live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from breastedu.core.content.service import ContentService
from breastedu.core.palette import DARK, HIGH_CONTRAST, LIGHT, THEMES
from breastedu.core.render.html import page_css
from breastedu.ui.common.theme import Appearance, current_palette, saved_theme, stylesheet
from breastedu.ui.shell.main_window import MainWindow
from breastedu.ui.shell.qt_app import settings_for


def _window_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Window)


def test_system_theme_follows_the_desktop_live(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    look = Appearance("system")
    dark = {"on": False}
    monkeypatch.setattr(look, "system_is_dark", lambda: dark["on"])
    look.apply()
    assert current_palette() is LIGHT and _window_colour() == QColor(LIGHT.window)
    dark["on"] = True
    with qtbot.waitSignal(look.appearance_changed):
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert current_palette() is DARK and _window_colour() == QColor(DARK.window)
    look.set_theme("high-contrast")  # a chosen theme ignores the desktop
    with qtbot.assertNotEmitted(look.appearance_changed):
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    # (its own palette: a window another test left open may follow the desktop meanwhile)
    assert look.palette() is HIGH_CONTRAST
    look.set_theme("light")


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_style_sheet_and_page_css_use_the_theme(theme: str) -> None:
    p = THEMES[theme]
    qss = stylesheet(p)
    assert p.focus in qss and p.surface in qss and p.text in qss
    css = page_css(p)
    assert f"color: {p.ink}" in css and f"color: {p.link}" in css and "line-height: 150%" in css


def test_zoom_scales_every_font_in_the_style_sheet() -> None:
    assert "font-size: 11.0pt" in stylesheet(LIGHT, 1.0)
    bigger = stylesheet(LIGHT, 2.0)
    assert "font-size: 22.0pt" in bigger and "font-size: 11.0pt" not in bigger


def test_a_theme_name_the_app_does_not_know_falls_back_to_the_desktops(
    qtbot: QtBot, library_db: Path, user_dir: Path
) -> None:
    """An older or hand-edited settings file never stops the window from opening."""
    settings = settings_for(user_dir)
    settings.setValue("view/theme", "purple")
    settings.sync()
    assert saved_theme(settings) == "system" and saved_theme(None) == "system"
    settings.setValue("view/theme", "dark")
    assert saved_theme(settings) == "dark"
    settings.setValue("view/theme", "purple")
    win = MainWindow(ContentService.open(library_db), settings=settings)
    qtbot.addWidget(win)
    assert win.appearance.theme == "system"
