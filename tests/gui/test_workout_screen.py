"""The workout screen made for the mat (issue 18): the figure in step with the clock, the
rep count as the hero, sizes read from three metres, tabular figures, the summary."""

from __future__ import annotations

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from test_new_user_bugs import clipped

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.pose import pose
from glute_timer.core.session import State
from glute_timer.gui.main_window import MainWindow
from glute_timer.gui.workout_page import WorkoutPage


def start(window: MainWindow, preset: str, qtbot: QtBot | None = None) -> None:
    lib = window.library
    assert lib.select_id(preset)
    if qtbot is not None:  # the coach reads the history off the GUI thread
        qtbot.waitUntil(lambda: lib.coach.coming is not None)
    lib.start_button.click()
    assert lib.planner.wait()
    QApplication.processEvents()
    assert window.driver is not None


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    assert window.driver is not None
    while seconds > 1e-9:
        step = min(0.25, seconds)
        clock.advance(step)
        seconds -= step
        window.driver.poll()


def font_px(label: QLabel) -> int:
    label.ensurePolished()
    return label.font().pixelSize()


def test_the_rep_count_is_the_hero_and_a_long_hold_shows_its_seconds(
    window: MainWindow, clock: FakeClock
) -> None:
    start(window, "pre-run")  # 2 × 10-15, 1-1-1 tempo: every hold is short
    page, driver = window.workout, window.driver
    assert driver is not None
    assert page.ring.digits == "5"  # the lead-in counts down
    driver.skip()
    advance(window, clock, 3 * 5 + 0.5)  # rep 6, half way up
    assert page.ring.title == "Lift"
    assert page.ring.digits == "6\u2009/\u200915"
    advance(window, clock, 1.0)  # a 1 s hold: still the rep
    assert page.ring.title == "Hold" and page.ring.digits == "6\u2009/\u200915"
    # The digits are sized for "15 / 15": they do not jump from "9 / 15" to "10 / 15".
    size_6 = page.ring.digit_pixel_size()
    advance(window, clock, 3 * 4)
    assert page.ring.digits.startswith("10")
    assert page.ring.digit_pixel_size() == size_6


def test_a_long_hold_shows_its_seconds(window: MainWindow, clock: FakeClock) -> None:
    lib = window.library
    assert lib.select_id("hip-thrust-strength")
    lib.hold_spin.setValue(10)
    start(window, "hip-thrust-strength")
    page, driver = window.workout, window.driver
    assert driver is not None
    driver.skip()  # the lead-in
    advance(window, clock, 1.0 + 2.5)  # the lift, then 2.5 s into a 10 s hold
    assert page.ring.title == "Hold"
    assert page.ring.digits == "8"


def test_the_figure_moves_with_the_clock_and_is_at_the_top_when_hold_sounds(
    window: MainWindow, clock: FakeClock
) -> None:
    start(window, "pre-run")
    page, driver = window.workout, window.driver
    assert driver is not None
    figure = page.figure
    assert figure.exercise == "glute-bridge"
    driver.skip()  # into rep 1's lift
    assert figure.moment.phase == "lift" and figure.moment.fraction == pytest.approx(0.0)
    bottom = figure.current_pose
    # A frame between full wakes moves the figure with the ring.
    assert driver.frame is not None
    driver.frame(0.5)
    assert figure.moment.phase == "lift" and figure.moment.fraction == pytest.approx(0.5)
    assert page.ring.progress == pytest.approx(0.5, abs=0.01)
    # The moment the lift's second is over, the hold begins ("Hold" sounds): the top.
    advance(window, clock, 1.0)
    assert figure.moment.phase == "hold"
    top = pose("glute-bridge", "hold", 0.0)
    assert figure.current_pose.hip == pytest.approx(top.hip, abs=1e-6)
    assert figure.current_pose.hip != bottom.hip
    assert figure.current_pose.line_error() < 0.05  # knees, hips and shoulders in a line


def test_during_a_rest_the_next_exercise_is_shown(window: MainWindow, clock: FakeClock) -> None:
    start(window, "no-equipment-burn")  # glute bridges, then single-leg bridges per side
    page, driver = window.workout, window.driver
    assert driver is not None
    assert page.figure.exercise == "glute-bridge"
    while driver.view().phase != "rest":  # the lead-in and the bridges
        driver.skip()
    QApplication.processEvents()
    assert driver.view().phase == "rest"
    assert page.figure.exercise == "single-leg-glute-bridge"
    assert page.figure.side == "left"
    assert page.figure_caption.isVisibleTo(page) and page.figure_caption.text() == "Up next"
    driver.skip()  # into the next set
    assert not page.figure_caption.isVisibleTo(page)


def overlapping(page: WorkoutPage) -> list[str]:
    """Pairs of the stage's parts that are shown on top of each other."""
    parts: dict[str, QWidget] = {
        "figure": page.figure,
        "ring": page.ring,
        "rep": page.rep_block,
        "set": page.set_block,
        "side": page.side_block,
        "next": page.next_label,
        "effort": page.effort,
        "exercise": page.exercise_label,
        "time left": page.time_left_label,
        "pause": page.toggle_button,
        "mute": page.mute_button,
    }
    boxes = {
        name: QRect(w.mapTo(page, QPoint(0, 0)), w.size())
        for name, w in parts.items()
        if w.isVisibleTo(page)
    }
    names = sorted(boxes)
    return [
        f"{a} and {b}"
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if boxes[a].intersects(boxes[b])
    ]


@pytest.mark.parametrize("size", [(1200, 800), (800, 560)])
def test_the_screen_reads_from_the_mat_and_nothing_is_cut(
    qtbot: QtBot, context: AppContext, clock: FakeClock, size: tuple[int, int]
) -> None:
    window = make_window(qtbot, context, clock)
    window.resize(*size)
    start(window, "hip-thrust-strength")  # loaded: the load row and its button too
    page, driver = window.workout, window.driver
    assert driver is not None
    qtbot.wait(50)
    assert not window.sidebar.isVisible()  # the whole width for the workout
    digits: dict[str, int] = {}
    for moment in ("lead-in", "set", "rest after a set"):
        if moment == "set":
            driver.skip()
        if moment == "rest after a set":
            while driver.view().phase != "rest":
                advance(window, clock, 1.0)
            assert page.effort.isVisibleTo(page)  # "How was set 1?"
        QApplication.processEvents()
        assert clipped(page) == [], moment
        assert overlapping(page) == [], moment
        # The figure, the ring and the stats side by side.
        assert page.figure.geometry().right() < page.ring.geometry().left()
        assert page.figure.width() >= 140
        digits[moment] = page.ring.digit_pixel_size()
    if size == (1200, 800):
        assert font_px(page.next_label) >= 40
        assert font_px(page.time_left_label) >= 40
        # The hero dwarfs every other number (the stats are about 50 px).
        assert digits["lead-in"] >= 200 and digits["set"] >= 105, digits
        assert digits["rest after a set"] >= 100, digits
    window.close()


def test_numbers_use_tabular_figures(window: MainWindow) -> None:
    start(window, "pre-run")
    page = window.workout
    tnum = QFont.Tag("tnum")
    for label in (page.time_left_label, page.rep_block.value, page.set_block.value):
        label.ensurePolished()
        assert label.font().featureValue(tnum) == 1
    assert page.ring.digit_font().featureValue(tnum) == 1


def test_the_summary_shows_effort_total_time_and_next_time(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start(window, "pre-run", qtbot)
    page, driver = window.workout, window.driver
    assert driver is not None
    driver.skip()  # the lead-in
    advance(window, clock, 3 * 15)  # set 1: 15 reps, the top of the range
    page.effort.choose(2)  # "right"
    driver.skip()  # the rest
    advance(window, clock, 3 * 15)  # set 2
    while driver.state is State.RUNNING:
        advance(window, clock, 1)
    assert page.stack.currentWidget() is page.summary
    table = page.summary_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[-1] == "Effort" and "Load" in headers
    assert table.rowCount() == 2
    assert table.item(0, headers.index("Effort")).text() == "Right"
    assert table.item(1, headers.index("Reps")).text() == "15 / 15"
    assert "in all" in page.summary_line.text()
    coach = page.summary.coach_text
    assert coach.isVisibleTo(page)
    assert "reached 15" in coach.text()  # every set at the top: the coach moves on
    # Rating the last set "hard" holds the step back; the line follows.
    page.summary_effort.choose(3)
    assert "hard" in coach.text().lower()
    assert page.summary_table.item(1, headers.index("Effort")).text() == "Hard"
    # Enter leaves it.
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.current_page() is window.library


def test_the_sidebar_hides_for_a_workout_and_comes_back(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.show()
    start(window, "pre-run")
    assert window.sidebar.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # a key brings it back, and hides it again
    assert not window.sidebar.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.sidebar.isHidden()
    assert window.driver is not None
    window.driver.stop()  # stopped: the sidebar is back with the summary
    QApplication.processEvents()
    assert not window.sidebar.isHidden()
