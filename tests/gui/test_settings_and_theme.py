"""Settings: saved as they change, a corrupt file reported once; themes and phase colours."""

from __future__ import annotations

import json

import pytest
from gui_helpers import FakeAudio, make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.display import countdown_text
from glute_timer.core.plan import PHASES
from glute_timer.gui.keep_awake import ScreenAwake
from glute_timer.gui.main_window import MainWindow
from glute_timer.gui.theme import DARK, LIGHT, contrast
from glute_timer.gui.workers import Worker


def test_settings_are_saved_and_read_back(
    qtbot: QtBot, window: MainWindow, context: AppContext, clock: FakeClock, audio: FakeAudio
) -> None:
    page = window.settings_page
    window.show_page("settings")
    page.field("theme").setCurrentIndex(page.field("theme").findData("dark"))
    page.field("units").setCurrentIndex(page.field("units").findData("lb"))
    page.field("rate").setValue(220)
    page.field("volume").setValue(40)
    page.field("default_lead_in").setValue(8)
    page.field("speak_rep_numbers").setChecked(False)
    page.field("keep_awake").setChecked(False)
    with qtbot.waitSignal(window.settings_saved, timeout=5000):
        page.flush()
    assert page.status.text() == "All changes saved"
    data = json.loads(context.paths.settings_file.read_text(encoding="utf-8"))
    assert data["theme"] == "dark" and data["units"] == "lb" and data["rate"] == 220
    assert data["volume"] == pytest.approx(0.4)
    assert window.theme is DARK
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(app.palette().ColorRole.Window) == QColor(DARK.window)

    # A new protocol takes the default lead-in.
    window.library.new_button.click()
    assert window.editor.lead_in_spin.value() == 8

    # The window's size is kept when it closes; a new window comes back the same.
    window.resize(800, 640)  # the offscreen screen is 800 x 800
    window.close()
    reread = AppContext.create(context.paths.config_dir.parent)
    assert reread.warnings == []
    assert reread.settings.theme == "dark"
    assert reread.settings.speak_rep_numbers is False
    assert reread.settings.window_geometry
    second = MainWindow(reread, clock=clock, audio=None, load_voices=False)
    qtbot.addWidget(second)
    assert second.settings_page.field("units").currentData() == "lb"
    assert (second.width(), second.height()) == (800, 640)
    second.confirm = lambda *args: True  # type: ignore[method-assign]
    second.close()


@pytest.mark.parametrize("geometry", ["not base64!", "AdnQyw", "AAAA"])
def test_a_damaged_window_geometry_opens_at_the_default_size(
    qtbot: QtBot, context: AppContext, clock: FakeClock, geometry: str
) -> None:
    context.settings = context.settings.with_changes(window_geometry=geometry)
    window = MainWindow(context, clock=clock, audio=None, load_voices=False)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1200, 800)


def test_settings_reach_the_audio(qtbot: QtBot, window: MainWindow, audio: FakeAudio) -> None:
    window.settings_page.field("voice_enabled").setChecked(False)
    with qtbot.waitSignal(window.settings_saved, timeout=5000):
        window.settings_page.flush()
    assert audio.settings and audio.settings[-1].voice_enabled is False  # type: ignore[attr-defined]
    assert not window.settings_page.voice_combo.isEnabled()


def test_a_corrupt_settings_file_is_reported_once(
    qtbot: QtBot, tmp_path: object, clock: FakeClock
) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    base = tmp_path / "base"
    settings_file = base / "config" / "settings.json"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"theme": "dark", "rate": ', encoding="utf-8")
    context = AppContext.create(base)
    assert len(context.warnings) == 1
    window = make_window(qtbot, context, clock)
    assert not window.banner.isHidden()
    assert "damaged" in window.banner_text.text()
    assert window.settings.theme == "system"
    backups = list(settings_file.parent.glob("settings.json.corrupt-*"))
    assert len(backups) == 1
    window.close()
    again = AppContext.create(base)
    assert again.warnings == []
    window = make_window(qtbot, again, clock)
    assert window.banner.isHidden()
    window.close()


def test_voice_list_arrives_from_a_worker(qtbot: QtBot, window: MainWindow) -> None:
    page = window.settings_page
    page.set_voices([("en-gb", "English (Great Britain)"), ("de", "German")])
    assert page.voice_combo.count() == 3
    page.voice_combo.setCurrentIndex(1)
    with qtbot.waitSignal(window.settings_saved, timeout=5000):
        page.flush()
    assert window.settings.voice == "en-gb"


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_phase_colours_are_distinct_and_readable(theme: object) -> None:
    assert theme in (LIGHT, DARK)
    t = LIGHT if theme is LIGHT else DARK
    background = QColor(t.window)
    colours = set()
    for phase in PHASES:
        assert contrast(t.phase_text_color(phase), background) >= 4.5
        assert contrast(t.phase_color(phase), background) >= 3.0
        colours.add(t.phase_color(phase).name())
    # lift, hold, lower, rest, lead-in, switch and pause all differ (done may repeat one).
    assert len(colours) >= 7


def test_countdown_text() -> None:
    assert countdown_text(2.3) == "3"
    assert countdown_text(3.0) == "3"
    assert countdown_text(0.0) == "0"
    assert countdown_text(59.2) == "1:00"
    assert countdown_text(90) == "1:30"
    assert countdown_text(3725) == "1:02:05"


def test_keep_awake_is_a_quiet_no_op_where_unsupported() -> None:
    awake = ScreenAwake(platform="win32")
    assert not awake.available
    assert "not supported" in awake.note
    awake.inhibit()
    assert not awake.active
    awake.release()


def test_worker_results_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    import threading

    main = threading.main_thread()
    worker = Worker()
    results: list[tuple[object, bool]] = []
    worker.submit(
        lambda: threading.current_thread() is main,
        lambda value: results.append((value, threading.current_thread() is main)),
    )
    errors: list[BaseException] = []
    worker.submit(lambda: 1 / 0, None, errors.append)
    qtbot.waitUntil(lambda: len(results) == 1 and len(errors) == 1)
    assert results == [(False, True)]
    assert isinstance(errors[0], ZeroDivisionError)


def test_history_page_opens(window: MainWindow) -> None:
    window.show_page("history")
    assert window.current_page() is window.history
    assert window.nav_buttons["history"].isChecked()


def test_none_keeps_its_references_through_many_qt_calls(qtbot: QtBot) -> None:
    import sys

    from PySide6.QtWidgets import QWidget

    from glute_timer.qt_compat import RESERVE, protect_none

    protect_none()
    widget = QWidget()
    qtbot.addWidget(widget)
    worker_signal = widget.objectNameChanged
    for _ in range(20_000):  # more calls than None has references on Python 3.11
        widget.update()  # returns None
        worker_signal.emit("x")  # returns True
    if sys.version_info < (3, 12):
        assert min(map(sys.getrefcount, (None, True, False))) > RESERVE // 2


def unshown_window(qtbot: QtBot, context: AppContext, clock: FakeClock) -> MainWindow:
    """A window not shown yet (the ``window`` fixture is shown and painted)."""
    win = MainWindow(
        context,
        clock=clock,
        audio=None,
        screen_awake=ScreenAwake(platform="test"),
        load_voices=False,
    )
    qtbot.addWidget(win)
    return win


def test_the_first_paint_comes_before_the_library(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    # The window paints its frame first; the Library (every protocol loaded), the window
    # icon, the page shortcuts and the desktop's colour scheme follow right after.
    win = unshown_window(qtbot, context, clock)
    assert win._library is None
    assert win.current_page() is not None
    assert win.nav_buttons["library"].isChecked()
    with qtbot.waitSignal(win.first_painted, timeout=5000):
        win.show()
    assert win._library is not None
    assert win.current_page() is win.library
    assert win.library.entries, "the presets are listed"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not app.windowIcon().isNull()
    qtbot.keyClick(win, "4", modifier=Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() is win.settings_page
    qtbot.keyClick(win, "1", modifier=Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() is win.library
    win.close()


def test_the_library_is_built_when_asked_before_the_first_paint(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    # Code that needs the Library before the window is painted gets it at once.
    win = unshown_window(qtbot, context, clock)
    assert win._library is None
    assert win.library.select_id("pre-run")
    assert win.current_page() is win.library


def test_the_deferred_work_runs_when_another_page_is_shown_first(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    win = unshown_window(qtbot, context, clock)
    win.show_page("settings")
    emitted: list[bool] = []
    win.first_painted.connect(lambda: emitted.append(True))
    with qtbot.waitSignal(win.first_painted, timeout=5000):
        win.show()
    assert win.current_page() is win.settings_page
    assert win._library is not None  # built, waiting behind the Settings page
    qtbot.wait(50)
    assert emitted == [True]  # once
    win.close()
