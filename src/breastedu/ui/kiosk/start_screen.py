"""The kiosk's attract / start screen: the clinic's welcome, "Touch to start", topics as tiles."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.content.dto import TopicGroupRef
from breastedu.core.render.pages import HOME
from breastedu.ui.kiosk.touch import make_touch_friendly

TILE_COLUMNS = 3
SIDE_MARGIN = 32


class StartScreen(QWidget):
    """What the next visitor sees. Nothing on it depends on the visitor before.

    Signals:
        start_requested(str): a target to open (``home`` or ``topic/<slug>``).
    """

    start_requested = Signal(str)

    def __init__(self, welcome: str, groups: Sequence[TopicGroupRef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN, 20, SIDE_MARGIN, 12)
        layout.setSpacing(14)

        title = QLabel(welcome, self)
        title.setObjectName("startTitle")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lead = QLabel(
            "Plain answers to common breast and thyroid questions. Nothing you read here is kept.", self
        )
        lead.setObjectName("startLead")
        lead.setWordWrap(True)
        lead.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.start_button = QPushButton("Touch to start", self)
        self.start_button.setObjectName("touchToStart")
        self.start_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(HOME))
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.tiles: list[QPushButton] = []
        self._headings: list[tuple[QLabel, list[QPushButton]]] = []
        tiles = QWidget(self)
        self._grid = QGridLayout(tiles)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(12)
        for group in groups:
            heading = QLabel(f"{group.title} topics", tiles)
            heading.setObjectName("tileHeading")
            members = []
            for topic in group.topics:
                tile = QPushButton(topic.title.replace("&", "&&"), tiles)  # "&" is not a shortcut here
                tile.setProperty("tile", True)
                tile.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                tile.setAccessibleName(f"Open the topic {topic.title}")
                tile.setMinimumHeight(60)
                tile.clicked.connect(
                    lambda _=False, slug=topic.slug: self.start_requested.emit(f"topic/{slug}")
                )
                members.append(tile)
            self.tiles += members
            self._headings.append((heading, members))
        self._columns = 0
        self._arrange(TILE_COLUMNS)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(tiles)
        layout.addWidget(scroll, 1)
        make_touch_friendly(self)

    def _arrange(self, columns: int) -> None:
        """Put the headings and tiles on the grid in ``columns`` columns."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        row = 0
        for heading, members in self._headings:
            grid.addWidget(heading, row, 0, 1, columns)
            row += 1
            for number, tile in enumerate(members):
                grid.addWidget(tile, row + number // columns, number % columns)
            row += (len(members) + columns - 1) // columns
        grid.setRowStretch(row, 1)  # rows keep their height; the space goes below them
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Three columns when the longest topic name fits in one, else two.
        need = max((t.sizeHint().width() for t in self.tiles), default=0)
        room = (event.size().width() - 2 * SIDE_MARGIN - 2 * 16 - 14) // TILE_COLUMNS
        self._arrange(TILE_COLUMNS if room >= need else TILE_COLUMNS - 1)
        super().resizeEvent(event)
