"""The kiosk's attract / start screen: the clinic's logo and welcome, "Touch to start", and the
topics as tiles that say in one line what each is about."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from breastedu.core.content.dto import TopicGroupRef, TopicRef
from breastedu.core.render.pages import HOME
from breastedu.ui.common.i18n import translate
from breastedu.ui.kiosk.touch import make_touch_friendly

TILE_COLUMNS = 3
SIDE_MARGIN = 32
#: A tile narrower than this wraps its summary into too many lines: use one column fewer.
TILE_MIN_WIDTH = 340
#: The clinic's logo height on the start screen, in pixels.
LOGO_HEIGHT = 96


class TopicTile(QPushButton):
    """A topic as a big button: its title, and under it the one-line summary (wrapped)."""

    def __init__(self, topic: TopicRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slug = topic.slug
        self.setProperty("tile", True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(
            translate("kiosk.start_screen", "Open the topic {title}").format(title=topic.title)
        )
        self.setAccessibleDescription(topic.summary)
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title = QLabel(topic.title, self)
        self.title.setObjectName("tileTitle")
        self.summary = QLabel(topic.summary, self)
        self.summary.setObjectName("tileSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(4)
        for label in (self.title, self.summary):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(label)
        layout.addStretch(1)  # a taller tile in the row keeps its words at the top
        self.summary.setVisible(bool(topic.summary))

    def text(self) -> str:  # type: ignore[override]
        """The topic's title (what a plain button would show)."""
        return self.title.text()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else super().heightForWidth(width)


def logo_pixmap(path: Path | None, height: int = LOGO_HEIGHT) -> QPixmap | None:
    """The clinic's logo (SVG or PNG) at ``height`` pixels, keeping its shape; None if unreadable."""
    if path is None:
        return None
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid() or renderer.defaultSize().isEmpty():
            return None
        size = renderer.defaultSize().scaled(QSize(4 * height, height), Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return QPixmap.fromImage(image)
    image = QImage(str(path))
    if image.isNull():
        return None
    return QPixmap.fromImage(image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation))


class StartScreen(QWidget):
    """What the next visitor sees. Nothing on it depends on the visitor before.

    Signals:
        start_requested(str): a target to open (``home`` or ``topic/<slug>``).
    """

    start_requested = Signal(str)

    def __init__(
        self,
        welcome: str,
        groups: Sequence[TopicGroupRef],
        parent: QWidget | None = None,
        *,
        logo: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(welcome)  # focusable, so named (a screen reader says where she is)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN, 20, SIDE_MARGIN, 12)
        layout.setSpacing(14)

        self.logo = QLabel(self)
        self.logo.setObjectName("clinicLogo")
        self.logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pixmap = logo_pixmap(logo)
        if pixmap is not None:
            self.logo.setPixmap(pixmap)
            self.logo.setAccessibleName(translate("kiosk.start_screen", "The clinic's logo"))
        self.logo.setVisible(pixmap is not None)
        layout.addWidget(self.logo)

        title = QLabel(welcome, self)
        title.setObjectName("startTitle")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lead = QLabel(
            translate(
                "kiosk.start_screen",
                "Plain answers to common breast and thyroid questions. Nothing you read here is kept.",
            ),
            self,
        )
        lead.setObjectName("startLead")
        lead.setWordWrap(True)
        lead.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.start_button = QPushButton(translate("kiosk.start_screen", "Touch to start"), self)
        self.start_button.setObjectName("touchToStart")
        self.start_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(HOME))
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.tiles: list[TopicTile] = []
        self._headings: list[tuple[QLabel, list[TopicTile]]] = []
        tiles = QWidget(self)
        self._grid = QGridLayout(tiles)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(12)
        for group in groups:
            heading = QLabel(
                translate("kiosk.start_screen", "{group} topics").format(group=group.title), tiles
            )
            heading.setObjectName("tileHeading")
            members = []
            for topic in group.topics:
                tile = TopicTile(topic, tiles)
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
        scroll.setAccessibleName(translate("kiosk.start_screen", "Topics"))
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
        # Three columns when a tile keeps a readable width, else two.
        room = (event.size().width() - 2 * SIDE_MARGIN - 2 * 16 - 14) // TILE_COLUMNS
        self._arrange(TILE_COLUMNS if room >= TILE_MIN_WIDTH else TILE_COLUMNS - 1)
        super().resizeEvent(event)
