"""Helpers for the GUI tests: a fake cue audio and a window on a fake clock."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.gui.keep_awake import ScreenAwake
from glute_timer.gui.main_window import MainWindow


class FakeAudio:
    """Records what the window asks of the cue audio."""

    start_delay = 0.0

    def __init__(self) -> None:
        self.events: list[object] = []
        self.prepared: list[object] = []
        self.muted: list[bool] = []
        self.settings: list[object] = []
        self.tested: list[object] = []
        self.warmed: list[object] = []
        self.closed = False
        self.ready = True  # the sound a workout starts with is ready

    def prepare(self, plan: object) -> None:
        self.prepared.append(plan)

    def listener(self, event: object) -> None:
        self.events.append(event)

    def set_muted(self, muted: bool) -> None:
        self.muted.append(muted)

    def apply_settings(self, settings: object) -> None:
        self.settings.append(settings)

    def test_voice(self, settings: object) -> None:
        self.tested.append(settings)

    def warm(self, protocol: object) -> None:
        self.warmed.append(protocol)

    def ready_to_start(self) -> bool:
        return self.ready

    def close(self) -> None:
        self.closed = True


def make_window(
    qtbot: QtBot, context: AppContext, clock: FakeClock, audio: object = None
) -> MainWindow:
    window = MainWindow(
        context,
        clock=clock,
        wall_clock=clock.wall,
        audio=audio,
        screen_awake=ScreenAwake(platform="test"),
        load_voices=False,
    )
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window
