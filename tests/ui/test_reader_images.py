"""Only bundled SVGs inside the illustrations folder load: traversal attempts get nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from breastedu.ui.library.reader import ReaderPane

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
    '<rect width="40" height="20" fill="#000"/></svg>'
)
IMAGE = QTextDocument.ResourceType.ImageResource.value


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """An illustrations folder with one picture, and a secret picture beside it (outside)."""
    images = tmp_path / "app" / "illustrations"
    (images / "sub").mkdir(parents=True)
    (images / "inside.svg").write_text(SVG, encoding="utf-8")
    (tmp_path / "app" / "secret.svg").write_text(SVG, encoding="utf-8")
    (tmp_path / "secret.svg").write_text(SVG, encoding="utf-8")
    (images / "notes.txt").write_text("not a picture", encoding="utf-8")
    os.symlink(tmp_path / "secret.svg", images / "link.svg")
    return images, tmp_path


def _load(qtbot: QtBot, images: Path, url: str) -> QImage:
    pane = ReaderPane(images)
    qtbot.addWidget(pane)
    result = pane.browser.loadResource(IMAGE, QUrl(url))
    assert isinstance(result, QImage)
    return result


def test_a_picture_in_the_folder_loads(qtbot: QtBot, folders: tuple[Path, Path]) -> None:
    images, _ = folders
    assert not _load(qtbot, images, "breastedu:image/inside.svg").isNull()


@pytest.mark.parametrize(
    "url",
    [
        "breastedu:image/../secret.svg",
        "breastedu:image/../../secret.svg",
        "breastedu:image/sub/../../secret.svg",
        "breastedu:image/%2e%2e/secret.svg",
        "breastedu:image/%2E%2E%2Fsecret.svg",
        "breastedu:image/..%2fsecret.svg",
        "breastedu:image//etc/passwd",
        "breastedu:image/link.svg",  # a link inside the folder that points outside it
        "breastedu:image/notes.txt",  # inside, but not an SVG
        "breastedu:image/missing.svg",
        "file:///etc/passwd",
        "https://example.org/a.svg",
    ],
)
def test_anything_else_loads_nothing(qtbot: QtBot, folders: tuple[Path, Path], url: str) -> None:
    images, root = folders
    absolute = url.replace("breastedu:image/", "breastedu:image/" + str(root).lstrip("/") + "/x/", 0)
    assert _load(qtbot, images, url).isNull(), url
    assert _load(qtbot, images, absolute).isNull(), absolute
