"""What a new user hit (issue 13), each with its regression test: the start panel's
customising, clipped labels, Enter with no match, leaving the summary, the wheel over the
editor, files appearing at once and broken ones fixed in the app, singulars, and Esc
asking before it ends a recorded workout."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_window
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.plan import build_plan
from glute_timer.core.session import State
from glute_timer.gui.main_window import MainWindow

TINY = """format = 1
name = "Appears at once"

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 1
tempo = { lift = 1, hold = 0, lower = 1 }
"""


def start(window: MainWindow, preset: str) -> None:
    assert window.library.select_id(preset)
    window.library.start_button.click()
    assert window.library.planner.wait()
    QApplication.processEvents()
    assert window.driver is not None


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    assert window.driver is not None
    while seconds > 1e-9:
        step = min(1.0, seconds)
        clock.advance(step)
        seconds -= step
        window.driver.poll()


# ------------------------------------------------------------------ 1. customising a run


def test_the_start_panel_changes_each_block_keeping_its_kind(window: MainWindow) -> None:
    lib = window.library
    assert lib.select_id("no-equipment-burn")
    assert lib.planner.wait()
    QApplication.processEvents()
    before_total = lib.run_total.text()
    lib.hold_spin.setValue(3)
    lib.target_spin.setValue(lib.target_spin.value() - 3)  # fewer reps
    run = lib.run_protocol()
    assert run is not None
    hold_blocks = [b for b in run.blocks if b.is_single_hold]
    assert hold_blocks and all(b.reps_max == 1 and b.tempo.hold == 30 for b in hold_blocks)
    assert lib.run_total.text() != before_total
    original = lib.current.protocol  # type: ignore[union-attr]
    assert original is not None
    assert build_plan(run).total < build_plan(original.customised(hold=3)).total
    # The cue preview follows at once, before anything is saved.
    assert lib.planner.wait()
    QApplication.processEvents()
    first_rep = next(c for c in build_plan(run).cues if c.rep == 1)
    assert first_rep.text in lib.cue_text.text()


# ------------------------------------------------------------------ 3. nothing clipped


def clipped(page: QWidget) -> list[str]:
    """Visible buttons and one-line labels whose text does not fit, and scrolled content
    wider than what shows of it (cut off at the right)."""
    found = []
    for scroll in page.findChildren(QScrollArea):
        inner, shown = scroll.widget(), scroll.viewport().width()
        overflows = inner is not None and inner.width() > shown + 1
        if scroll.isVisibleTo(page) and overflows and not scroll.horizontalScrollBar().isVisible():
            found.append(f"scrolled content wider than the {shown} px shown")
    for button in page.findChildren(QAbstractButton):
        hint = button.sizeHint().width()
        if button.isVisibleTo(page) and button.text() and button.width() < hint - 1:
            found.append(f"button {button.text()!r}: {button.width()} < {hint}")
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.text() or label.wordWrap():
            continue
        if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
            continue
        if label.width() < label.minimumSizeHint().width() - 1:
            found.append(f"label {label.text()!r}: {label.width()}")
    return found


@pytest.mark.parametrize("size", [(1200, 800), (800, 560)])
def test_no_label_or_button_is_clipped(
    qtbot: QtBot, context: AppContext, clock: FakeClock, size: tuple[int, int]
) -> None:
    window = make_window(qtbot, context, clock)
    window.resize(*size)
    assert window.library.select_id("hip-thrust-strength")
    assert window.library.planner.wait()
    QApplication.processEvents()
    qtbot.wait(50)
    assert clipped(window.library) == []
    start(window, "hip-thrust-strength")
    qtbot.wait(50)
    assert clipped(window.workout) == []
    window.show_page("settings")
    qtbot.wait(50)
    assert clipped(window.settings_page) == []
    window.close()


# ------------------------------------------------------------------ 4. Enter with no match


def test_enter_in_the_search_with_no_match_starts_nothing(qtbot: QtBot, window: MainWindow) -> None:
    lib = window.library
    assert lib.select_id("pre-run")
    lib.search.setFocus()
    qtbot.keyClicks(lib.search, "zzz no such thing")
    qtbot.keyClick(lib.search, Qt.Key.Key_Return)
    lib.planner.wait()
    QApplication.processEvents()
    assert window.driver is None
    assert lib.title.text() == "No match"


# ------------------------------------------------------------------ 5. leaving the summary


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_the_summary_is_left_with_enter_or_space(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, key: Qt.Key
) -> None:
    start(window, "isometric-hold-30")
    advance(window, clock, 60)
    assert window.driver is not None and window.driver.state is State.FINISHED
    page = window.workout
    assert page.stack.currentWidget() is page.summary
    qtbot.keyClick(window, key)
    assert window.current_page() is window.library


# ------------------------------------------------------------------ 7. the wheel scrolls


def test_the_wheel_over_an_editor_field_scrolls_the_form(qtbot: QtBot, window: MainWindow) -> None:
    window.open_editor(None)
    editor = window.editor
    spin = next(s for s in editor.findChildren(QSpinBox) if s.isVisibleTo(editor))
    before = spin.value()
    window.setFocus()
    assert not spin.hasFocus()
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(spin.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(spin, wheel)
    assert spin.value() == before


# ------------------------------------------------------------------ 8. the protocols folder


def test_new_files_appear_and_broken_ones_open_to_be_fixed(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    lib = window.library
    folder = context.paths.protocols_dir
    folder.mkdir(parents=True, exist_ok=True)
    lib.reload()
    (folder / "appears.toml").write_text(TINY, encoding="utf-8")
    qtbot.waitUntil(lambda: any(e.id == "appears" for e in lib.entries), timeout=5000)
    broken = folder / "broken.toml"
    broken.write_text(TINY.replace("hold = 0", "hold = 36000"), encoding="utf-8")
    qtbot.waitUntil(
        lambda: any(e.id == "broken" and e.protocol is None for e in lib.entries), timeout=5000
    )
    assert lib.select_id("broken")
    assert lib.edit_button.isVisible() and lib.edit_button.text() == "Fix…"
    lib.edit_button.click()
    editor = window.editor
    assert window.current_page() is editor
    assert editor.path == broken
    assert any("too long" in reason for reason in editor.problems.values())


def test_a_fresh_data_folder_reloads_only_when_the_protocols_folder_appears(
    qtbot: QtBot, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the protocols folder exists its parent is watched, and the history lives
    there: the coach's reads of the history once reloaded the Library, whose coach read
    the history again, without end (a fresh install spent 2 % of a core on it)."""
    lib = window.library
    folder = context.paths.protocols_dir
    assert not folder.exists()
    folder.parent.mkdir(parents=True, exist_ok=True)  # the history made it
    lib.reload()  # the parent is watched now
    reloads: list[object] = []
    original = lib.reload
    monkeypatch.setattr(lib, "reload", lambda *a, **k: (reloads.append(a), original(*a, **k)))
    qtbot.wait(500)  # the first reads of the history are over
    reloads.clear()
    for n in range(3):  # the history's folder changes: a journal, a write
        (folder.parent / f"history-{n}.tmp").write_text("x", encoding="utf-8")
        qtbot.wait(150)
    qtbot.wait(600)
    assert reloads == []
    folder.mkdir()
    (folder / "appears.toml").write_text(TINY, encoding="utf-8")
    qtbot.waitUntil(lambda: any(e.id == "appears" for e in lib.entries), timeout=5000)


# ------------------------------------------------------------------ 9. singulars


def test_one_is_singular(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    start(window, "isometric-hold-30")
    advance(window, clock, 60)
    text = window.workout.summary_line.text()
    assert text.startswith("1 set · 1 rep ·"), text
    assert "1 set done" in window.mini_status.text()


# ------------------------------------------------------------------ 10. Esc asks first


def test_esc_asks_before_ending_a_workout_with_a_set_recorded(
    qtbot: QtBot, context: AppContext, clock: FakeClock, tmp_path: Path
) -> None:
    window = make_window(qtbot, context, clock)
    asked: list[str] = []
    answer = [False]

    def confirm(title: str, text: str, action: str) -> bool:
        asked.append(title)
        return answer[0]

    window.confirm = confirm  # type: ignore[method-assign]
    start(window, "pre-run")
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # nothing recorded yet: it stops at once
    assert window.driver is not None and window.driver.state is State.STOPPED
    assert asked == []
    start(window, "pre-run")
    driver = window.driver
    assert driver is not None
    driver.skip()  # the lead-in
    advance(window, clock, 60)  # the first set is done
    assert driver.workout.completed_sets
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert asked == ["Stop the workout?"]
    assert driver.state is State.RUNNING  # the answer was no
    answer[0] = True
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert driver.state is State.STOPPED
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    window.close()
