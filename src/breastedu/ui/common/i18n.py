"""The interface's language: Qt's translators (ours from ``resources/translations`` and Qt's own
``qtbase_zh_TW.qm`` for its dialogs), the shipped CJK font, and a live switch.

Every user-visible string of the window goes through :func:`translate` with a stable context
(the module, e.g. ``"shell.actions"``), so ``pyside6-lupdate`` finds it (``tools/translations.py``).
A live switch re-applies each widget's texts from the sources they were translated from
(:func:`retranslate`); texts built with numbers are rebuilt by their owners' next refresh.
"""

from __future__ import annotations

from types import UnionType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from breastedu.core import paths
from breastedu.core.languages import CHINESE, ENGLISH, LANGUAGES

#: Our translation files: ``breastedu_<lang with _>.qm`` (``.ts`` sources beside them).
CATALOGUE = "breastedu"
#: The shipped subset of a Traditional Chinese font (covers the content and the interface).
CJK_FONT = "BreastEduCJK-TC-Regular.otf"
CJK_FONT_BOLD = "BreastEduCJK-TC-Bold.otf"
#: What View → Language shows for each language (each in its own words).
LANGUAGE_NAMES: dict[str, str] = {ENGLISH: "English", CHINESE: "中文（台灣）"}

_installed: list[QTranslator] = []
_current = ENGLISH
#: Each text translate() gave -> (context, source): how a live switch finds a text's source.
_sources: dict[str, tuple[str, str]] = {}


def translate(context: str, source: str) -> str:
    """``source`` in the interface's language (``pyside6-lupdate`` collects these calls)."""
    text = QCoreApplication.translate(context, source)
    _sources[text] = (context, source)
    _sources.setdefault(source, (context, source))
    return text


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for ``pyside6-lupdate`` where it is defined; :func:`translate` it where shown."""
    return source


def current_language() -> str:
    """The language the interface is in now (``en`` or ``zh-TW``)."""
    return _current


def system_language() -> str:
    """``zh-TW`` on a Chinese system (the one Chinese we have), else English."""
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def choose_language(explicit: str | None, saved: object) -> str:
    """``--lang`` if given, else her saved choice, else the system's."""
    if explicit in LANGUAGES:
        return str(explicit)
    if isinstance(saved, str) and saved in LANGUAGES:
        return saved
    return system_language()


def translations_dir() -> str:
    """The folder of our ``.ts`` sources and built ``.qm`` files."""
    return str(paths.resources_dir() / "translations")


def install_language(lang: str) -> bool:
    """Put the interface in ``lang``: remove the translators in force and install ``lang``'s.

    Qt then sends every widget a LanguageChange event. False when a ``.qm`` file is missing
    (the interface stays in English)."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = lang
    if lang == ENGLISH:
        return True
    suffix = lang.replace("-", "_")
    ok = True
    for name, folder in (
        (f"qtbase_{suffix}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"{CATALOGUE}_{suffix}", translations_dir()),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            ok = False
    return ok


def register_cjk_font() -> bool:
    """Add the shipped CJK font (regular and bold), so Chinese text renders on a machine
    without CJK fonts."""
    found = [paths.resources_dir() / "fonts" / name for name in (CJK_FONT, CJK_FONT_BOLD)]
    return all([path.is_file() and QFontDatabase.addApplicationFont(str(path)) >= 0 for path in found])


def _again(text: str) -> str | None:
    """``text`` in the language now in force, if :func:`translate` made it (else None)."""
    found = _sources.get(text)
    return None if found is None else translate(*found)


#: (kind of widget, its text properties): what a live switch re-applies.
_TEXTS: tuple[tuple[type | UnionType, tuple[str, ...]], ...] = (
    (QWidget, ("toolTip", "accessibleName", "accessibleDescription")),
    (QAbstractButton | QLabel, ("text",)),
    (QLineEdit | QTextEdit | QPlainTextEdit, ("placeholderText",)),
    (QDateTimeEdit, ("displayFormat",)),
    (QSpinBox, ("prefix", "suffix")),
    (QGroupBox | QMenu, ("title",)),
    (QDockWidget | QDialog, ("windowTitle",)),
)


def retranslate(root: QWidget) -> None:
    """Re-apply the texts of ``root`` and everything in it in the language now in force."""
    for widget in [root, *root.findChildren(QWidget)]:
        for kind, names in _TEXTS:
            if isinstance(widget, kind):
                for name in names:
                    _swap(getattr(widget, name), getattr(widget, f"set{name[0].upper()}{name[1:]}"))
        if isinstance(widget, QTabWidget):
            _retranslate_tabs(widget)
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                _swap(lambda i=index: widget.itemText(i), lambda t, i=index: widget.setItemText(i, t))  # noqa: B023
    for action in root.findChildren(QAction):
        _swap(action.text, action.setText)
        _swap(action.toolTip, action.setToolTip)
        _swap(action.statusTip, action.setStatusTip)


def _retranslate_tabs(tabs: QTabWidget) -> None:
    for index in range(tabs.count()):
        _swap(lambda i=index: tabs.tabText(i), lambda t, i=index: tabs.setTabText(i, t))
        _swap(lambda i=index: tabs.tabToolTip(i), lambda t, i=index: tabs.setTabToolTip(i, t))


def _swap(get: object, put: object) -> None:
    text = get()  # type: ignore[operator]
    if text:
        again = _again(text)
        if again is not None and again != text:
            put(again)  # type: ignore[operator]
