"""The QApplication, its icon and the window settings file: the small ground both the start
frame (:mod:`~breastedu.ui.shell.launch`) and the window builder (:mod:`~breastedu.ui.shell.app`)
stand on, so neither imports the other's module at load time."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from breastedu import __version__
from breastedu.core import paths
from breastedu.ui.common.i18n import register_cjk_font

APP_ID = "org.breastedu.BreastEdu"


def ensure_app() -> QApplication:
    """The QApplication (created once), named and styled."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("BreastEdu")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    # Fusion draws with the theme's QPalette on every platform (native styles ignore parts of it).
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    register_cjk_font()  # Chinese labels render on a machine without CJK fonts
    return app


def app_icon() -> QIcon:
    """The application icon: the SVG for any size, the drawn PNGs where they exist."""
    icon = QIcon()
    folder = paths.resources_dir() / "icons"
    for png in sorted(folder.glob("breastedu-*.png")):
        icon.addFile(str(png))
    icon.addFile(str(folder / "breastedu.svg"))
    return icon


def settings_for(user_dir: Path) -> QSettings:
    """Window settings kept beside the user's data (so ``--user-dir`` moves them too)."""
    return QSettings(str(user_dir / "settings.ini"), QSettings.Format.IniFormat)
