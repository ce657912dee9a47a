"""The handout pack builder: tick topics and answers in a tree or in search results, or take all
topics at once, and add them to the pack without opening each page.

The catalogue (the topic tree with each topic's answered questions) is read on a worker by
:func:`load_catalogue`; searches run on the TaskRunner too. The dialog only shows and ticks.

Each sheet has its language beside it (English, 繁體中文 or both, a
:data:`~breastedu.core.render.sheets.SHEET_LANGUAGES`), the window's language unless she picks
another; "Set all to" changes every sheet she can still tick.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.content.service import ContentService
from breastedu.core.languages import CHINESE, ENGLISH
from breastedu.core.render.sheets import BILINGUAL, SHEET_LANGUAGES
from breastedu.core.search.service import SearchResults
from breastedu.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from breastedu.ui.common.workers import TaskRunner

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
_CONTEXT = "printing.pack_builder"
#: What each sheet language is called in the dialog (translated where shown).
LANGUAGE_LABELS: dict[str, str] = {
    ENGLISH: QT_TRANSLATE_NOOP("printing.pack_builder", "English"),
    CHINESE: QT_TRANSLATE_NOOP("printing.pack_builder", "繁體中文 (Chinese)"),
    BILINGUAL: QT_TRANSLATE_NOOP("printing.pack_builder", "Both (Chinese, then English)"),
}


def _tr(source: str) -> str:
    return translate(_CONTEXT, source)


@dataclass(frozen=True)
class PackChoice:
    """A sheet she can add: ``kind`` is ``"topic"`` or ``"question"``; ``lang`` is the language
    it prints in (a :data:`~breastedu.core.render.sheets.SHEET_LANGUAGES`)."""

    kind: str
    slug: str
    title: str
    lang: str = ENGLISH


def language_box(current: str, parent: QWidget | None = None) -> QComboBox:
    """A drop-down of the sheet languages with ``current`` chosen."""
    box = QComboBox(parent)
    for key in SHEET_LANGUAGES:
        box.addItem(_tr(LANGUAGE_LABELS[key]), key)
    box.setCurrentIndex(SHEET_LANGUAGES.index(current) if current in SHEET_LANGUAGES else 0)
    return box


@dataclass(frozen=True)
class CatalogueTopic:
    topic: PackChoice
    answers: tuple[PackChoice, ...]


#: Groups in tree order: (group title, its topics).
Catalogue = tuple[tuple[str, tuple[CatalogueTopic, ...]], ...]


def load_catalogue(content: ContentService) -> Catalogue:
    """The topic tree with each topic's answered questions (runs on a worker thread)."""
    groups = []
    for group in content.tree():
        topics = []
        for ref in group.topics:
            page = content.topic_page(ref.slug)
            answers = tuple(PackChoice("question", a.slug, a.title) for a in page.answers)
            topics.append(CatalogueTopic(PackChoice("topic", ref.slug, ref.title), answers))
        groups.append((group.title, tuple(topics)))
    return tuple(groups)


class PackBuilderDialog(QDialog):
    """Tick sheets for the handout pack; :meth:`chosen` lists them in tree order, then the
    ones ticked only in the search results. Sheets already in the pack show ticked and greyed."""

    def __init__(
        self,
        catalogue: Catalogue,
        search: Callable[[str], SearchResults],
        runner: TaskRunner,
        in_pack: Collection[str] = (),
        parent: QWidget | None = None,
        *,
        lang: str = ENGLISH,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("printing.pack_builder", "Add to the handout pack"))
        self._search, self._runner, self._in_pack = search, runner, set(in_pack)
        self._updating = False
        self.default_lang = lang if lang in SHEET_LANGUAGES else ENGLISH
        #: slug -> the drop-down of its language in the tree.
        self.language_boxes: dict[str, QComboBox] = {}

        self.box = QLineEdit(self)
        self.box.setPlaceholderText(
            translate("printing.pack_builder", "Search topics and answers, e.g. 'lump' or 'TI-RADS'")
        )
        self.box.setAccessibleName(translate("printing.pack_builder", "Search for sheets to add"))
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._on_text)
        self.results = QListWidget(self)
        self.results.setAccessibleName(translate("printing.pack_builder", "Search results to tick"))
        self.results.itemChanged.connect(self._on_result_ticked)
        self.results.setWordWrap(True)  # long question titles wrap: no sideways scrolling
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.hide()
        self.status = QLabel(
            translate("printing.pack_builder", "Tick topics and answers below, or search for them."), self
        )
        self.status.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [translate("printing.pack_builder", "Sheet"), translate("printing.pack_builder", "Language")]
        )
        self.tree.setAccessibleName(translate("printing.pack_builder", "Topics and their answered questions"))
        for group_title, topics in catalogue:
            group = QTreeWidgetItem(self.tree, [group_title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for entry in topics:
                topic = self._tick_item(
                    QTreeWidgetItem(group), entry.topic, translate("printing.pack_builder", "Topic sheet: ")
                )
                for answer in entry.answers:
                    self._tick_item(QTreeWidgetItem(topic), answer, "")
            group.setExpanded(True)
        self.tree.itemChanged.connect(lambda *_: self._count())
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)

        self.all_topics_button = QPushButton(translate("printing.pack_builder", "Tick all topics"), self)
        self.all_topics_button.clicked.connect(self.tick_all_topics)
        self.none_button = QPushButton(translate("printing.pack_builder", "Untick all"), self)
        self.none_button.clicked.connect(self.untick_all)
        self.all_language = language_box(self.default_lang, self)
        self.all_language.setAccessibleName(translate("printing.pack_builder", "Language of every sheet"))
        self.all_language.activated.connect(
            lambda _i: self.set_all_languages(self.all_language.currentData())
        )
        all_label = QLabel(translate("printing.pack_builder", "Set all to:"), self)
        all_label.setBuddy(self.all_language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = self.buttons.addButton(
            translate("printing.pack_builder", "Add to the pack"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.all_topics_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(all_label)
        row.addWidget(self.all_language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 2)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(640, 640)
        self._count()

    # Ticks -------------------------------------------------------------------------------------

    def _tick_item(self, item: QTreeWidgetItem, choice: PackChoice, prefix: str) -> QTreeWidgetItem:
        item.setText(0, prefix + choice.title)
        item.setData(0, CHOICE_ROLE, choice)
        inside = choice.slug in self._in_pack
        flags = Qt.ItemFlag.ItemIsUserCheckable | (
            Qt.ItemFlag.NoItemFlags if inside else Qt.ItemFlag.ItemIsEnabled
        )
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked if inside else Qt.CheckState.Unchecked)
        if inside:
            item.setToolTip(0, translate("printing.pack_builder", "Already in the handout pack"))
        else:
            box = language_box(self.default_lang)
            box.setAccessibleName(translate("printing.pack_builder", "Language of this sheet"))
            self.tree.setItemWidget(item, 1, box)
            self.language_boxes[choice.slug] = box
        return item

    def language_of(self, slug: str) -> str:
        """The language the sheet ``slug`` is to print in (the default for one not in the tree)."""
        box = self.language_boxes.get(slug)
        return str(box.currentData()) if box is not None else str(self.all_language.currentData())

    def set_all_languages(self, lang: str) -> None:
        """Every sheet she can still add prints in ``lang``."""
        for box in self.language_boxes.values():
            box.setCurrentIndex(SHEET_LANGUAGES.index(lang))

    def _tree_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                if child is None:
                    continue
                if child.data(0, CHOICE_ROLE) is not None:
                    out.append(child)
                walk(child)

        walk(self.tree.invisibleRootItem())
        return out

    def _item_for(self, slug: str) -> QTreeWidgetItem | None:
        return next((i for i in self._tree_items() if i.data(0, CHOICE_ROLE).slug == slug), None)

    def tick_all_topics(self) -> None:
        """What ``print --all`` prints: every topic sheet."""
        for item in self._tree_items():
            if item.data(0, CHOICE_ROLE).kind == "topic" and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(0, Qt.CheckState.Checked)

    def untick_all(self) -> None:
        for item in self._tree_items():
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(0, Qt.CheckState.Unchecked)
        for row in range(self.results.count()):
            result = self.results.item(row)
            if result.flags() & Qt.ItemFlag.ItemIsEnabled:
                result.setCheckState(Qt.CheckState.Unchecked)

    def chosen(self) -> list[PackChoice]:
        """The ticked sheets not yet in the pack, each with its language: tree order, then
        those found only by search."""
        picked = [
            i.data(0, CHOICE_ROLE)
            for i in self._tree_items()
            if i.checkState(0) == Qt.CheckState.Checked and i.flags() & Qt.ItemFlag.ItemIsEnabled
        ]
        seen = {c.slug for c in picked}
        for row in range(self.results.count()):
            result = self.results.item(row)
            choice = result.data(CHOICE_ROLE)
            if result.checkState() == Qt.CheckState.Checked and choice.slug not in seen | self._in_pack:
                picked.append(choice)
                seen.add(choice.slug)
        return [replace(c, lang=self.language_of(c.slug)) for c in picked]

    def _count(self) -> None:
        count = len(self.chosen())
        self.add_button.setText(
            translate("printing.pack_builder", "Add {count} to the pack").format(count=count)
            if count
            else translate("printing.pack_builder", "Add to the pack")
        )
        self.add_button.setEnabled(count > 0)

    # Search ------------------------------------------------------------------------------------

    def _on_text(self, text: str) -> None:
        if not text.strip():
            self.results.clear()
            self.results.hide()
            self.status.setText(
                translate("printing.pack_builder", "Tick topics and answers below, or search for them.")
            )
            return
        self._runner.submit("pack-search", self._search, text, owner=self, on_done=self._show_results)

    def _show_results(self, results: SearchResults) -> None:
        if results.query != self.box.text():
            return  # she typed on meanwhile
        self._updating = True
        self.results.clear()
        shown: set[str] = set()
        for hit in results.hits:
            kind = "question" if hit.kind == "question" else "topic"
            if hit.slug in shown:
                continue  # a topic and its guide are one sheet
            shown.add(hit.slug)
            label = (
                translate("printing.pack_builder", "Topic sheet: ") + hit.topic_title
                if kind == "topic"
                else f"{hit.title} ({hit.topic_title})"
            )
            item = QListWidgetItem(label, self.results)
            item.setData(
                CHOICE_ROLE, PackChoice(kind, hit.slug, hit.title if kind == "question" else hit.topic_title)
            )
            tree_item = self._item_for(hit.slug)
            ticked = hit.slug in self._in_pack or (
                tree_item is not None and tree_item.checkState(0) == Qt.CheckState.Checked
            )
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | (Qt.ItemFlag.NoItemFlags if hit.slug in self._in_pack else Qt.ItemFlag.ItemIsEnabled)
            )
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self._updating = False
        self.results.setVisible(self.results.count() > 0)
        self.status.setText(
            translate("printing.pack_builder", "{count} found: tick the ones to add.").format(
                count=self.results.count()
            )
            if self.results.count()
            else translate("printing.pack_builder", "Nothing found.")
        )

    def _on_result_ticked(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        choice = item.data(CHOICE_ROLE)
        tree_item = self._item_for(choice.slug)
        if tree_item is not None and tree_item.flags() & Qt.ItemFlag.ItemIsEnabled:
            tree_item.setCheckState(0, item.checkState())  # one tick, seen in both places
        self._count()


def add_choices(choices: Sequence[PackChoice], add: Callable[[str, str, str], object]) -> str:
    """Add ``choices`` to the pack with ``add(kind, slug, title)``; what the status bar says."""
    for choice in choices:
        add(choice.kind, choice.slug, choice.title)
    count = len(choices)
    if count == 1:
        return translate("printing.pack_builder", "Added 1 sheet to the handout pack.")
    return translate("printing.pack_builder", "Added {count} sheets to the handout pack.").format(count=count)
