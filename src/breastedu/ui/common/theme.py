"""The look of the whole window: theme (light, dark, high contrast, system) and text size.

Colours come from :mod:`breastedu.core.palette`; this module turns a palette into a
QPalette and a Qt style sheet (with every font size scaled by the zoom preset) and applies
them to the application, so every pane, dialog and menu follows. "System" follows
``QStyleHints.colorScheme`` and changes live when the desktop switches.
"""

from __future__ import annotations

# ``QtCore.Qt`` is reached through its module, not imported by name: Qt's namespace of enums
# takes some 20 ms to load, and the start frame (ui/shell/launch.py) uses this module before its
# first paint, when none of those enums is needed yet.
from PySide6 import QtCore
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from breastedu.core import paths
from breastedu.core.palette import (
    BLACK,
    LIGHT,
    THEME_CHOICES,
    THEMES,
    WHITE,
    Palette,
    contrast_ratio,
    theme_for,
)
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP

#: Text size presets: (key, label, scale of every font in the window).
ZOOM_LEVELS: tuple[tuple[str, str, float], ...] = (
    ("normal", QT_TRANSLATE_NOOP("common.theme", "Normal"), 1.0),
    ("large", QT_TRANSLATE_NOOP("common.theme", "Large"), 1.25),
    ("larger", QT_TRANSLATE_NOOP("common.theme", "Larger"), 1.5),
    ("largest", QT_TRANSLATE_NOOP("common.theme", "Largest"), 2.0),
)
ZOOM_KEYS = tuple(key for key, _label, _scale in ZOOM_LEVELS)
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("common.theme", "Same as the computer"),
    "light": QT_TRANSLATE_NOOP("common.theme", "Light"),
    "dark": QT_TRANSLATE_NOOP("common.theme", "Dark"),
    "high-contrast": QT_TRANSLATE_NOOP("common.theme", "High contrast"),
}
#: The window's text size at the "normal" preset, in points.
UI_POINT_SIZE = 11.0
_THEME_PROPERTY = "breastedu_theme"


def saved_theme(settings: QSettings | None) -> str:
    """The theme she chose last time (``view/theme``), or "system" when there is none or the
    file holds a name this app does not know (an older or hand-edited settings file)."""
    value = settings.value("view/theme", "system") if settings is not None else "system"
    return value if value in THEME_CHOICES else "system"


def zoom_scale(level: str) -> float:
    """The font scale of a zoom preset (1.0 for an unknown one)."""
    return next((scale for key, _label, scale in ZOOM_LEVELS if key == level), 1.0)


def current_palette() -> Palette:
    """The palette applied to the running application (light before any is applied)."""
    app = QApplication.instance()
    name = app.property(_THEME_PROPERTY) if app is not None else None
    return THEMES.get(str(name), LIGHT)


def qpalette(p: Palette) -> QPalette:
    """A QPalette with the theme's colours for every role the Fusion style draws."""
    qp = QPalette()
    c = QColor
    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    roles = {
        Role.Window: p.window,
        Role.WindowText: p.text,
        Role.Base: p.base,
        Role.AlternateBase: p.sidebar,
        Role.Text: p.text,
        Role.Button: p.button,
        Role.ButtonText: p.text,
        Role.BrightText: p.error,
        Role.Highlight: p.selection,
        Role.HighlightedText: p.selection_text,
        Role.Link: p.link,
        Role.LinkVisited: p.link,
        Role.ToolTipBase: p.notice_bg,
        Role.ToolTipText: p.notice_text,
        Role.PlaceholderText: p.muted,
        Role.Light: p.toolbar_hover,
        Role.Midlight: p.toolbar,
        Role.Mid: p.border,
        Role.Dark: p.border,
        Role.Shadow: p.border,
    }
    for role, colour in roles.items():
        qp.setColor(role, c(colour))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        qp.setColor(Group.Disabled, role, c(p.disabled))
    qp.setColor(Role.Accent, c(p.focus))
    return qp


def _mark_for(name: str, background: str) -> str:
    """The path of the bundled mark ``name`` ("tick": a checked check box, which a solid square
    did not show to everyone; "more": the toolbar's » overflow button, blank in high contrast)
    in white or black, whichever reads better on ``background``."""
    white = contrast_ratio(WHITE, background) >= contrast_ratio(BLACK, background)
    return (paths.resources_dir() / "icons" / f"{name}-{'white' if white else 'black'}.svg").as_posix()


def stylesheet(p: Palette, scale: float = 1.0) -> str:
    """The Qt style sheet for theme ``p`` with fonts scaled by ``scale``.

    Every focusable control gets a visible focus ring in the theme's focus colour.
    """

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    def px(size: float) -> int:
        return round(size * scale)

    body = pt(UI_POINT_SIZE)
    fields = "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit"
    return f"""
QToolBar {{ spacing: 6px; padding: 4px; border: none; background: {p.toolbar}; }}
QToolBar QToolButton {{ color: {p.text}; padding: 6px 7px; border: 2px solid transparent;
  border-radius: 6px; font-size: {body}; }}
QToolBar QToolButton:hover {{ background: {p.toolbar_hover}; }}
QToolBar QToolButton:checked {{ background: {p.selection}; color: {p.selection_text}; }}
QToolBar QToolButton:focus {{ border: 2px solid {p.focus}; }}
QToolBar QToolButton:disabled {{ color: {p.disabled}; }}
QToolBar QToolButton#qt_toolbar_ext_button {{ padding: 0; background: {p.button};
  border: 1px solid {p.border}; qproperty-icon: url({_mark_for("more", p.button)}); }}
QTreeView {{ font-size: {body}; border: 2px solid {p.sidebar}; background: {p.sidebar}; color: {p.text}; }}
QTreeView::item {{ padding: 5px 2px; }}
QTreeView::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
QListView {{ font-size: {body}; border: 2px solid {p.border}; border-radius: 4px; }}
QTreeView:focus, QListView:focus {{ border: 2px solid {p.focus}; }}
QTextBrowser {{ border: 2px solid {p.surface}; background: {p.surface}; color: {p.ink};
  padding: 12px 20px; }}
QTextBrowser:focus {{ border: 2px solid {p.focus}; }}
QFrame#definitionBar {{ background: {p.notice_bg}; border-top: 2px solid {p.notice_edge}; }}
QFrame#definitionBar QLabel {{ color: {p.notice_text}; font-size: {body}; padding: 4px; }}
QFrame#conflictBar {{ background: {p.notice_bg}; border: 1px solid {p.notice_edge}; }}
QFrame#conflictBar QLabel {{ color: {p.notice_text}; }}
{fields} {{ font-size: {body}; padding: 4px; border: 1px solid {p.border}; border-radius: 6px;
  background: {p.base}; color: {p.text}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus {{ border: 2px solid {p.focus}; }}
QPushButton {{ font-size: {body}; min-height: 30px; padding: 2px 12px; color: {p.text};
  background: {p.button}; border: 1px solid {p.border}; border-radius: 6px; }}
QPushButton:hover {{ background: {p.toolbar_hover}; }}
QPushButton:focus {{ border: 2px solid {p.focus}; }}
QPushButton:disabled {{ color: {p.disabled}; }}
QCheckBox, QRadioButton {{ font-size: {body}; padding: 2px; border: 2px solid transparent; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {p.focus}; border-radius: 4px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {px(16)}px; height: {px(16)}px;
  border: 2px solid {p.border}; background: {p.base}; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: {px(10)}px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{ background: {p.focus};
  border: 2px solid {p.text}; }}
QCheckBox::indicator:checked {{ image: url({_mark_for("tick", p.focus)}); }}
QScrollBar:vertical {{ background: {p.window}; width: {px(14)}px; margin: 0; }}
QScrollBar:horizontal {{ background: {p.window}; height: {px(14)}px; margin: 0; }}
QScrollBar::handle {{ background: {p.border}; border-radius: 5px; min-height: 32px; min-width: 32px;
  margin: 2px; }}
QScrollBar::handle:hover {{ background: {p.muted}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QToolButton {{ font-size: {body}; }}
QToolButton:focus {{ border: 2px solid {p.focus}; border-radius: 4px; }}
QLabel {{ font-size: {body}; }}
QLabel#searchStatus, QLabel[tone="muted"] {{ color: {p.muted}; }}
QLabel[tone="error"] {{ color: {p.error}; }}
QStatusBar {{ font-size: {pt(UI_POINT_SIZE - 1)}; }}
QStatusBar QLabel {{ font-size: {pt(UI_POINT_SIZE - 1)}; }}
QWidget#banner {{ background: {p.notice_bg}; border-bottom: 2px solid {p.notice_edge}; }}
QWidget#banner QLabel {{ font-size: {body}; color: {p.notice_text}; }}
QWidget#banner QPushButton {{ padding: 4px 12px; min-height: 28px; }}
QDockWidget {{ font-size: {body}; }}
QDockWidget::title {{ padding: 4px; }}
QTabBar::tab {{ padding: 8px 16px; min-height: 24px; font-size: {body}; color: {p.text};
  background: {p.window}; border: 2px solid transparent; }}
QTabBar::tab:selected {{ background: {p.base}; border-bottom: 3px solid {p.focus}; }}
QTabBar::tab:focus {{ border: 2px solid {p.focus}; }}
QMenuBar, QMenu {{ font-size: {body}; }}
QMenu::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
QToolTip {{ font-size: {body}; color: {p.notice_text}; background: {p.notice_bg};
  border: 1px solid {p.notice_edge}; }}
"""


class Appearance(QObject):
    """The theme and text size of the application; applies them and says when they change.

    Signals:
        appearance_changed(): the theme (also a live desktop switch under "system") or the
            text size changed and has been applied.
    """

    appearance_changed = Signal()

    def __init__(self, theme: str = "system", zoom: str = "normal", parent: QObject | None = None) -> None:
        super().__init__(parent)
        if theme not in THEME_CHOICES:
            raise ValueError(f"unknown theme {theme!r}")
        self._theme = theme
        self._zoom = zoom if zoom in ZOOM_KEYS else "normal"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        app.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    @property
    def theme(self) -> str:
        """The chosen theme: light, dark, high-contrast or system."""
        return self._theme

    @property
    def zoom(self) -> str:
        """The chosen text size preset (see :data:`ZOOM_LEVELS`)."""
        return self._zoom

    @property
    def scale(self) -> float:
        """How much bigger than normal every font is."""
        return zoom_scale(self._zoom)

    def palette(self) -> Palette:
        """The colours in use (for "system": the desktop's current scheme)."""
        return theme_for(self._theme, system_dark=self.system_is_dark())

    def system_is_dark(self) -> bool:
        """True when the desktop asks for dark colours."""
        return self._app.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark

    def set_theme(self, theme: str) -> None:
        """Choose a theme and apply it."""
        if theme not in THEME_CHOICES:
            raise ValueError(f"unknown theme {theme!r}")
        self._theme = theme
        self.apply()

    def set_zoom(self, level: str) -> None:
        """Choose a text size preset and apply it."""
        if level in ZOOM_KEYS:
            self._zoom = level
            self.apply()

    def step_zoom(self, step: int) -> None:
        """One preset bigger (+1) or smaller (-1), within the presets."""
        index = max(0, min(len(ZOOM_KEYS) - 1, ZOOM_KEYS.index(self._zoom) + step))
        self.set_zoom(ZOOM_KEYS[index])

    def apply(self) -> None:
        """Put the palette, the style sheet and the scaled font on the whole application."""
        p = self.palette()
        self._app.setProperty(_THEME_PROPERTY, p.name)
        self._app.setPalette(qpalette(p))
        font = QFont(self._app.font())
        font.setPointSizeF(UI_POINT_SIZE * self.scale)
        self._app.setFont(font)
        # Some platforms give a few classes fonts of their own; they grow with the rest.
        for widget_class in ("QMenu", "QMenuBar", "QMessageBox", "QTipLabel"):
            self._app.setFont(font, widget_class)  # type: ignore[arg-type]  # PySide takes str
        self._app.setStyleSheet(stylesheet(p, self.scale))
        self.appearance_changed.emit()

    def _on_color_scheme_changed(self, _scheme: QtCore.Qt.ColorScheme) -> None:
        if self._theme == "system":
            self.apply()
