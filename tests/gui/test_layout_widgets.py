"""The layout helpers of gui/widgets.py: a label that keeps its size, a row that wraps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from glute_timer.gui.widgets import FlowLayout, SteadyLabel, tabular

# The offscreen platform says so for every window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class LayoutRequests(QObject):
    """Counts the requests to lay a widget out again."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def page_with(qtbot: QtBot, label: SteadyLabel) -> QWidget:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.addWidget(label)
    layout.addWidget(QPushButton("below"))
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_steady_label_changes_its_text_without_a_new_layout(qtbot: QtBot) -> None:
    label = SteadyLabel()
    label.setFont(tabular(label.font()))  # as a clock is: every digit as wide
    page = page_with(qtbot, label)
    label.setText("Time left 7:35")
    qtbot.wait(20)  # the layout its first size asked for, and what that posts in turn
    requests = LayoutRequests(page)
    grew = 0
    for seconds in range(34, 0, -1):
        before = label.size()
        label.setText(f"Time left 7:{seconds:02d}")
        QApplication.processEvents()
        grew += label.size() != before  # a wider text than any before (fonts vary)
    assert grew <= 2
    assert requests.count == grew  # only a label that had to grow asked for a layout
    assert label.text() == "Time left 7:01"
    assert label.width() >= label.sizeHint().width()


def test_a_steady_label_grows_for_a_longer_text_and_keeps_that_size(qtbot: QtBot) -> None:
    label = SteadyLabel()
    page = page_with(qtbot, label)
    label.setText("0:05")
    QApplication.processEvents()
    short = label.width()
    label.setText("Time left 12:34")
    QApplication.processEvents()
    assert label.width() >= label.sizeHint().width() > short
    wide = label.width()
    label.setText("0:04")  # shorter again: the size stays, nothing else moves
    QApplication.processEvents()
    assert label.width() == wide
    page.close()


def test_a_steady_label_fits_a_new_font(qtbot: QtBot) -> None:
    label = SteadyLabel()
    page = page_with(qtbot, label)
    label.setText("Time left 7:35")
    QApplication.processEvents()
    small = label.height()
    label.setStyleSheet("font-size: 40px;")
    label.setText("Time left 7:34")
    QApplication.processEvents()
    assert label.height() >= label.sizeHint().height() > small
    assert label.width() >= label.sizeHint().width()
    page.close()


def test_a_flow_row_wraps_again_when_its_buttons_change(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    row = FlowLayout(box, spacing=10)
    buttons = [QPushButton(f"Button {i}") for i in range(4)]
    for button in buttons:
        row.addWidget(button)
    width = sum(b.sizeHint().width() for b in buttons) + 30
    one_line = row.heightForWidth(width)
    assert row.heightForWidth(width) == one_line  # asked again: the same answer
    buttons[0].setText("A much, much longer label than before")
    assert row.heightForWidth(width) > one_line  # no longer fits on one line
    buttons[0].setText("B")
    assert row.heightForWidth(width) == one_line
    buttons[1].hide()
    assert row.heightForWidth(width - buttons[1].sizeHint().width()) == one_line
