"""The same faults in the window: it opens, lists, plans and records whatever the files hold.

- The Library lists the presets and the good protocols beside a pipe or a device.
- Plans are made off the GUI thread; a workout too big for the start panel is refused.
- The History page leaves a bad row out (and says so) and imports in the background,
  showing how far a long import got.
- Settings with a number too big for its setting open the window with the defaults.
- A short freeze is said in the status bar.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reliability_helpers import FAST, START_MS, workout

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.history_export import json_text
from glute_timer.core.history_store import HistoryStore
from glute_timer.gui.main_window import MainWindow
from glute_timer.qt_compat import protect_none

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
from gui_helpers import FakeAudio, make_window

protect_none()  # before any Qt call: see glute_timer/qt_compat.py


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    return AppContext.create(tmp_path / "base")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _window(qtbot: QtBot, context: AppContext, clock: FakeClock) -> MainWindow:
    return make_window(qtbot, context, clock, FakeAudio())


def _names(window: MainWindow) -> list[str]:
    items = (window.library.list.item(row) for row in range(window.library.list.count()))
    return [item.text() for item in items if item.data(Qt.ItemDataRole.UserRole) is not None]


@pytest.mark.skipif(os.name != "posix", reason="devices and pipes are POSIX")
def test_the_library_lists_everything_beside_a_pipe_or_a_device(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    folder = context.paths.protocols_dir
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(FAST, encoding="utf-8")
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    window = _window(qtbot, context, clock)
    names = _names(window)
    assert "Pre-run activation" in names and "Fast" in names
    assert "⚠ pipe.toml" in names and "⚠ zero.toml" in names
    assert window.library.select_id("pipe")
    assert "named pipe" in window.library.error_label.text()
    window.close()


def test_plans_are_made_off_the_gui_thread(
    qtbot: QtBot, context: AppContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glute_timer.gui.planning as planning

    threads: list[threading.Thread] = []
    real = planning.build_plan

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planning, "build_plan", recording)
    # The largest workout the limits allow, in cues: planning it takes a while.
    folder = context.paths.protocols_dir
    folder.mkdir(parents=True)
    (folder / "dense.toml").write_text(
        FAST.replace("sets = 2", "sets = 50")
        .replace("reps = 1", "reps = 200")
        .replace("lower = 0.1 }", "lower = 0.1, pause = 0.1 }")
        .replace("rest = 0.1", "rest = 0"),
        encoding="utf-8",
    )
    window = _window(qtbot, context, clock)
    library = window.library
    assert library.select_id("dense")
    assert "Planning 30,001 cues" in library.cue_text.text() or "Lift" in library.cue_text.text()
    assert "total" in library.chip_labels[0].text()  # counted without planning
    library.start_button.click()
    qtbot.waitUntil(lambda: window.driver is not None, timeout=20_000)
    assert threads and threading.main_thread() not in threads
    window.close()


def test_the_start_panel_refuses_a_run_too_big(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    window = _window(qtbot, context, clock)
    library = window.library
    assert library.select_id("bridge-hold")
    library.hold_spin.setValue(600)
    library.target_spin.setValue(200)  # three sets of 200 ten-minute holds
    assert library.run_total.text() == "Too long"
    assert "at most 6:00:00" in library.custom_note.text()
    assert not library.start_button.isEnabled()
    library.start_current()
    QApplication.processEvents()
    assert window.driver is None
    library.hold_spin.setValue(3)
    library.target_spin.setValue(12)
    assert library.start_button.isEnabled()
    window.close()


def test_the_history_page_leaves_a_bad_row_out(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    store = HistoryStore(context.paths.history_db)
    good, bad = workout(START_MS), workout(START_MS + 86_400_000)
    store.merge([good, bad])
    conn = sqlite3.connect(context.paths.history_db)
    conn.execute("UPDATE workouts SET started_ms = ? WHERE uid = ?", (-62_135_596_800_000, bad.uid))
    conn.commit()
    conn.close()
    window = _window(qtbot, context, clock)
    window.show_page("history")
    page = window.history_view
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)  # type: ignore[union-attr]
    assert page.tree.topLevelItemCount() == 1  # type: ignore[union-attr]
    assert "Left out 1 workout" in page.message.text()  # type: ignore[union-attr]
    window.close()


def test_a_long_import_shows_its_progress(
    qtbot: QtBot,
    context: AppContext,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import glute_timer.gui.history_page as history_page

    monkeypatch.setattr(history_page, "PROGRESS_AFTER_S", 0.0)
    items = [workout(START_MS + n * 3_600_000, sets=10) for n in range(3000)]
    export = tmp_path / "big.json"
    export.write_text(json_text(items), encoding="utf-8")
    window = _window(qtbot, context, clock)
    window.show_page("history")
    page = window.history_view
    assert isinstance(page, history_page.HistoryPage)
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    shown: list[str] = []
    assert page.import_from(export)
    assert page.importing and not page.import_button.isEnabled()

    def sample() -> bool:
        if page.import_progress.isVisible():
            shown.append(page.import_progress.format())
        return not page.importing

    qtbot.waitUntil(sample, timeout=60_000)
    assert shown, "the progress bar was never shown"
    assert any(text.split("…")[0] in ("Reading", "Checking", "Saving") for text in shown)
    assert page.import_progress.isHidden() and page.import_button.isEnabled()
    assert "Imported 3000 workout(s) and 30000 set(s)" in page.message.text()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.tree.topLevelItemCount() == 3000
    window.close()


def test_settings_with_a_number_too_big_open_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    base = tmp_path / "base"
    settings_file = base / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(json.dumps({"theme": "dark"})[:-1] + ', "volume": ' + "9" * 401 + "}")
    context = AppContext.create(base)
    window = _window(qtbot, context, FakeClock())
    assert window.settings.theme == "dark" and window.settings.volume == 1.0
    assert "volume" in window.banner_text.text() and window.banner.isVisible()
    window.close()


def test_a_short_freeze_is_said_in_the_status_bar(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    window = _window(qtbot, context, clock)
    assert window.library.select_id("pre-run")
    window.library.start_button.click()
    qtbot.waitUntil(lambda: window.driver is not None)
    assert window.driver is not None
    clock.advance(4.0)  # the machine froze for four seconds, then the timer fired
    window.driver.poll()
    message = window.statusBar().currentMessage()
    assert "busy for 4.0 s" in message and "came" in message and "late" in message
    window.close()
