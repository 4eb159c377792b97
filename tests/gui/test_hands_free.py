"""The window's hands-free parts: -15 s / +15 s in a rest, the phone remote with its QR
code, and Stop through one rule."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request

import pytest
from gui_helpers import FakeAudio, make_window
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.library import load_presets
from glute_timer.core.session import State
from glute_timer.gui.main_window import MainWindow

PROTOCOLS = {entry.id: entry.protocol for entry in load_presets()}


def start(window: MainWindow, preset: str = "pre-run") -> None:
    protocol = PROTOCOLS[preset]
    assert protocol is not None
    assert window.start_workout(protocol, preset) is not None


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    assert window.driver is not None
    while seconds > 1e-9:
        part = min(0.5, seconds)
        clock.advance(part)
        seconds -= part
        window.driver.poll()


def to_rest(window: MainWindow, clock: FakeClock) -> None:
    """pre-run: skip the lead-in, ten reps, finish the set: the 30 s rest begins."""
    assert window.driver is not None
    window.driver.skip()
    advance(window, clock, 30.5)
    assert window.driver.finish_set()
    assert window.driver.view().phase == "rest"


def get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def test_rest_keys_and_buttons(window: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    start(window)
    page = window.workout
    assert not page.rest_plus_button.isVisible() and page.finish_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Plus)  # not in a rest: nothing
    assert window.driver is not None
    assert window.driver.view().view.extra == 0
    to_rest(window, clock)
    assert page.rest_plus_button.isVisible() and page.rest_minus_button.isVisible()
    assert not page.finish_button.isVisible()
    assert page.rest_plus_button.key_label.text() == "+"
    left = window.driver.view().view.step_remaining
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert window.driver.view().view.step_remaining == pytest.approx(left + 15)
    assert page.ring.digits == str(round(left + 15))
    qtbot.keyClick(window, Qt.Key.Key_Equal)  # + without Shift on many keyboards
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert window.driver.view().view.step_remaining == pytest.approx(left + 15)
    page.rest_minus_button.click()
    assert window.driver.view().view.step_remaining == pytest.approx(left)
    page.rest_plus_button.click()
    assert window.driver.view().view.step_remaining == pytest.approx(left + 15)
    for _ in range(4):  # never below zero: the rest ends
        qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert window.driver.view().phase == "lift"
    assert not page.rest_plus_button.isVisible() and page.finish_button.isVisible()


def test_esc_asks_once_a_set_is_recorded(
    window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    asked: list[str] = []
    window.confirm = lambda title, *rest: bool(asked.append(title))  # type: ignore[method-assign]
    start(window)
    to_rest(window, clock)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert asked == ["Stop the workout?"]
    assert window.driver is not None and window.driver.state is State.RUNNING
    window.workout.stop_button.click()
    assert len(asked) == 2 and window.driver.state is State.RUNNING
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.driver.state is State.STOPPED


def test_the_phone_remote_in_the_window(window: MainWindow, clock: FakeClock, qtbot: QtBot) -> None:
    window.hands_free.use_remote("127.0.0.1:0")
    start(window)
    remote = window.hands_free.remote
    assert remote is not None
    panel = window.hands_free.panel
    assert panel.isVisible() and panel.code.modules >= 21
    assert panel.code.text == remote.url
    assert panel.address.text() == f"127.0.0.1:{remote.port}"
    assert f"Phone remote on 127.0.0.1:{remote.port}" in window.statusBar().currentMessage()
    base = f"http://127.0.0.1:{remote.port}"
    token = remote.server.token
    status, state = get(f"{base}/api/state?token={token}")
    assert status == 200 and state["state"] == "running" and state["phase"] == "lead-in"
    assert get(f"{base}/api/state?token=wrong")[0] == 403
    # Over the workout screen's lower right corner, clear of the controls.
    page = window.workout
    assert panel.parent() is page
    assert panel.geometry().bottom() < page.toggle_button.mapTo(page, QPoint(0, 0)).y()
    assert panel.geometry().right() < page.width()
    # A phone that follows folds the code away.
    stream = http.client.HTTPConnection("127.0.0.1", remote.port, timeout=10)
    stream.request("GET", f"/api/events?token={token}")
    # Kept: a response let go closes the socket, and the page would leave at once.
    events = stream.getresponse()
    assert events.status == 200
    qtbot.waitUntil(lambda: panel.folded, timeout=5000)
    assert panel.pages.text() == "1 phone follows" and not panel.code.isVisible()
    panel.fold_button.click()
    assert panel.code.isVisible()
    events.close()
    stream.close()
    port = remote.port
    # The next workout gets a new server and token on the same port.
    start(window, "bridge-hold")
    again = window.hands_free.remote
    assert again is not None and again is not remote
    assert again.port == port and again.server.token != token
    assert remote.closed.is_set()
    assert get(f"{base}/api/state?token={token}")[0] == 403
    assert window.hands_free.panel.code.text == again.url
    # It stops when the workout ends.
    assert window.driver is not None
    window.driver.stop()
    assert again.closed.wait(5)
    window.hands_free._after_remote_closed()
    assert window.hands_free.remote is None
    assert not window.hands_free.panel.isVisible()


def test_the_setting_turns_the_remote_on_and_off(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glute_timer.remote.address as address

    monkeypatch.setattr(address, "lan_address", lambda: "127.0.0.1")  # loopback in tests
    assert not window.settings.phone_remote  # off by default
    start(window)
    assert window.hands_free.remote is None
    window.hands_free._settings_saved(window.settings.with_changes(phone_remote=True))
    remote = window.hands_free.remote
    assert remote is not None and remote.server.host == "127.0.0.1"
    window.apply_settings(window.settings.with_changes(phone_remote=True))
    window.hands_free._settings_saved(window.settings.with_changes(phone_remote=False))
    assert window.hands_free.remote is None and remote.closed.is_set()


def test_the_settings_page_has_the_phone_remote(window: MainWindow) -> None:
    window.show_page("settings")
    page = window.settings_page
    box = page.field("phone_remote")
    assert not box.isChecked() and box.text().startswith("Control each workout")
    box.setChecked(True)
    assert page.current().phone_remote is True


def test_closing_the_window_stops_the_remote(
    qtbot: QtBot, context: AppContext, clock: FakeClock, audio: FakeAudio
) -> None:
    window = make_window(qtbot, context, clock, audio)
    window.hands_free.use_remote("127.0.0.1:0")
    start(window)
    remote = window.hands_free.remote
    assert remote is not None
    window.close()
    assert remote.closed.is_set()
