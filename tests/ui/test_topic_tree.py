"""The topic tree model is a correct Qt model and the pane reports selections."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from breastedu.core.content.service import ContentService
from breastedu.ui.library.topic_tree import SLUG_ROLE, TopicTreeModel, TopicTreePane


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, library: ContentService) -> None:
    """The tree model obeys Qt's model rules, before and after a reset."""
    model = TopicTreeModel(library.tree())
    qtmodeltester.check(model)
    model.set_groups(library.tree()[:1])
    qtmodeltester.check(model)


def test_model_shows_groups_topics_and_counts(library: ContentService) -> None:
    """Breast and Thyroid with their topics, each with its question count."""
    model = TopicTreeModel(library.tree())
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Breast", "Thyroid"]
    breast = model.index(0, 0)
    assert model.rowCount(breast) == 7 and model.rowCount(model.index(1, 0)) == 3
    assert model.index(0, 0, breast).data() == "Breast calcifications (2)"
    assert model.index(0, 0, breast).data(SLUG_ROLE) == "calcifications"


def test_clicking_a_topic_emits_its_slug(qtbot: QtBot, library: ContentService) -> None:
    """Activating a topic row emits topic_selected with its slug; a group row emits nothing."""
    pane = TopicTreePane()
    qtbot.addWidget(pane)
    pane.set_groups(library.tree())
    thyroid = pane.model.index(1, 0)
    with qtbot.waitSignal(pane.topic_selected) as blocker:
        pane.view.activated.emit(pane.model.index(2, 0, thyroid))
    assert blocker.args == ["goiter"]
    with qtbot.assertNotEmitted(pane.topic_selected):
        pane.view.activated.emit(thyroid)


def test_long_topic_names_wrap_instead_of_being_cut(qtbot: QtBot, library: ContentService) -> None:
    """A narrow sidebar shows the whole name on two lines, never "Breast examination & …"."""
    pane = TopicTreePane()
    qtbot.addWidget(pane)
    pane.resize(170, 600)
    pane.show()
    pane.set_groups(library.tree())
    model, view = pane.model, pane.view
    lines = view.fontMetrics().height()
    group = model.index(0, 0)
    longest = max(
        (model.index(r, 0, group) for r in range(model.rowCount(group))),
        key=lambda i: view.fontMetrics().horizontalAdvance(str(i.data())),
    )
    assert view.fontMetrics().horizontalAdvance(str(longest.data())) > view.viewport().width() - 40
    qtbot.waitUntil(lambda: view.visualRect(longest).height() >= 2 * lines)
