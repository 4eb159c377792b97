"""The window's MPRIS player on a private session bus, driven with dbus-send and playerctl
against the fake clock: status, metadata, every method, and PropertiesChanged."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import FakeAudio, make_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.library import load_presets
from glute_timer.core.session import State
from glute_timer.gui.main_window import MainWindow
from glute_timer.gui.mpris import BUS_NAME, OBJECT_PATH

PROTOCOLS = {entry.id: entry.protocol for entry in load_presets()}


def _need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must test MPRIS: {' '.join(missing)} missing (Debian dbus, playerctl)")
        pytest.skip(f"needs {' '.join(missing)} (Debian packages dbus and playerctl)")


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus for this test; the window joins it when it is on screen."""
    _need("dbus-daemon", "dbus-send", "dbus-monitor", "playerctl")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    saved = {key: os.environ.get(key) for key in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    os.environ["XDG_RUNTIME_DIR"] = str(tmp_path)
    try:
        yield address
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        daemon.terminate()
        daemon.communicate(timeout=5)


@pytest.fixture
def player(
    session_bus: str, qtbot: QtBot, context: AppContext, clock: FakeClock, audio: FakeAudio
) -> Iterator[MainWindow]:
    window = make_window(qtbot, context, clock, audio)
    qtbot.waitUntil(lambda: window.hands_free.mpris is not None, timeout=5000)
    yield window
    window.close()


def tool(qtbot: QtBot, *command: str) -> str:
    """Run a D-Bus client while the window's event loop answers it."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10000)
    out, err = process.communicate()
    assert process.returncode == 0, (command, out, err)
    return out.strip()


def ctl(qtbot: QtBot, *arguments: str) -> str:
    return tool(qtbot, "playerctl", "--player=GluteTimer", *arguments)


def get(qtbot: QtBot, interface: str, name: str) -> str:
    return tool(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={BUS_NAME}",
        OBJECT_PATH,
        "org.freedesktop.DBus.Properties.Get",
        f"string:{interface}",
        f"string:{name}",
    )


def start(window: MainWindow, preset: str) -> None:
    protocol = PROTOCOLS[preset]
    assert protocol is not None
    assert window.start_workout(protocol, preset) is not None


def advance(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    assert window.driver is not None
    while seconds > 1e-9:
        part = min(step, seconds)
        clock.advance(part)
        seconds -= part
        window.driver.poll()


def settle(qtbot: QtBot) -> None:
    """Let the methods' commands (run on the next turn of the loop) happen."""
    qtbot.wait(30)


def test_the_player_is_on_the_bus_with_its_identity(player: MainWindow, qtbot: QtBot) -> None:
    assert player.hands_free.mpris is not None
    assert player.hands_free.mpris.bus_name == BUS_NAME
    assert "GluteTimer" in tool(qtbot, "playerctl", "--list-all").split()
    assert 'string "Glute Timer"' in get(qtbot, "org.mpris.MediaPlayer2", "Identity")
    assert '"io.github.glutetimer.GluteTimer"' in get(
        qtbot, "org.mpris.MediaPlayer2", "DesktopEntry"
    )
    assert "boolean true" in get(qtbot, "org.mpris.MediaPlayer2", "CanRaise")
    assert "boolean false" in get(qtbot, "org.mpris.MediaPlayer2", "CanQuit")
    assert "boolean false" in get(qtbot, "org.mpris.MediaPlayer2", "HasTrackList")
    schemes = get(qtbot, "org.mpris.MediaPlayer2", "SupportedUriSchemes")
    assert "array [" in schemes and "string" not in schemes
    introspection = tool(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={BUS_NAME}",
        OBJECT_PATH,
        "org.freedesktop.DBus.Introspectable.Introspect",
    )
    assert 'interface name="org.mpris.MediaPlayer2.Player"' in introspection
    assert 'property name="Position" type="x"' in introspection
    assert ctl(qtbot, "status") == "Stopped"  # no workout yet
    assert "boolean false" in get(qtbot, "org.mpris.MediaPlayer2.Player", "CanSeek")
    assert "boolean true" in get(qtbot, "org.mpris.MediaPlayer2.Player", "CanControl")


def test_status_metadata_and_position_follow_the_workout(
    player: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    start(player, "hip-thrust-strength")  # 3 × 10–15, lead-in 5 s
    assert ctl(qtbot, "status") == "Playing"
    assert ctl(qtbot, "metadata", "title") == "Get ready · next: Barbell hip thrust, set 1 of 3"
    assert ctl(qtbot, "metadata", "artist") == "Hip thrust strength"
    assert player.driver is not None
    total = player.driver.view().view.total
    assert ctl(qtbot, "metadata", "mpris:length") == str(round(total * 1_000_000))
    length = get(qtbot, "org.mpris.MediaPlayer2.Player", "Metadata")
    assert f"int64 {round(total * 1_000_000)}" in length
    assert "object path" in length  # mpris:trackid
    advance(player, clock, 5.0 + 5.0 * 5 + 1.5)  # into rep 6 of set 1
    title = ctl(qtbot, "metadata", "title")
    assert title.startswith("Barbell hip thrust · set 1 of 3 · rep ")
    position = get(qtbot, "org.mpris.MediaPlayer2.Player", "Position")
    assert "int64 31500000" in position
    assert float(ctl(qtbot, "position")) == pytest.approx(31.5, abs=0.5)  # it extrapolates
    ctl(qtbot, "pause")
    settle(qtbot)
    assert player.driver.state is State.PAUSED
    assert ctl(qtbot, "status") == "Paused"
    clock.advance(60)  # paused: the position stays
    assert "int64 31500000" in get(qtbot, "org.mpris.MediaPlayer2.Player", "Position")


def test_play_pause_next_previous(player: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    start(player, "pre-run")  # lead-in 5 s, 2 × 10–15 at 1-1-1
    driver = player.driver
    assert driver is not None
    ctl(qtbot, "play-pause")
    settle(qtbot)
    assert driver.state is State.PAUSED
    ctl(qtbot, "play")
    settle(qtbot)
    assert driver.state is State.RUNNING
    ctl(qtbot, "play")  # playing already: nothing
    settle(qtbot)
    assert driver.state is State.RUNNING
    ctl(qtbot, "next")  # below the minimum (the lead-in): Next skips
    settle(qtbot)
    assert driver.view().phase == "lift" and driver.view().rep == 1
    advance(player, clock, 1.5)
    ctl(qtbot, "previous")  # back to the start of the rep
    settle(qtbot)
    view = driver.view()
    assert view.phase == "lift" and view.view.step_elapsed == pytest.approx(0)
    advance(player, clock, 3.0 * 10 + 0.5)  # ten reps: the minimum is done
    assert driver.view().can_finish_set
    ctl(qtbot, "next")  # Next finishes the set
    settle(qtbot)
    assert driver.view().phase == "rest"
    assert len(driver.workout.completed_sets) == 1
    assert driver.workout.completed_sets[0].reps_done == 10


def test_stop_asks_first_once_a_set_is_recorded(
    player: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    asked: list[str] = []
    answer = [False]

    def confirm(title: str, text: str, action: str) -> bool:
        asked.append(title)
        return answer[0]

    player.confirm = confirm  # type: ignore[method-assign]
    start(player, "pre-run")
    driver = player.driver
    assert driver is not None
    ctl(qtbot, "next")
    advance(player, clock, 3.0 * 10 + 0.5)
    ctl(qtbot, "next")
    settle(qtbot)
    assert len(driver.workout.completed_sets) == 1
    ctl(qtbot, "stop")
    settle(qtbot)
    assert asked == ["Stop the workout?"]
    assert driver.state is State.RUNNING  # the answer was no
    # Esc asks by the same rule.
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert asked == ["Stop the workout?"] * 2 and driver.state is State.RUNNING
    answer[0] = True
    ctl(qtbot, "stop")
    settle(qtbot)
    assert driver.state is State.STOPPED
    assert ctl(qtbot, "status") == "Stopped"


def test_stop_before_any_set_stops_at_once(player: MainWindow, qtbot: QtBot) -> None:
    asked: list[str] = []
    player.confirm = lambda *args: bool(asked.append(args[0]))  # type: ignore[method-assign]
    start(player, "pre-run")
    ctl(qtbot, "stop")
    settle(qtbot)
    assert player.driver is not None and player.driver.state is State.STOPPED
    assert asked == []


def test_properties_changed_goes_out_on_changes_not_on_ticks(
    player: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    monitor = subprocess.Popen(
        [
            "dbus-monitor",
            "--session",
            "type='signal',interface='org.freedesktop.DBus.Properties',member='PropertiesChanged'",
            "type='signal',interface='org.mpris.MediaPlayer2.Player',member='Seeked'",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        qtbot.wait(300)  # the monitor is listening
        start(player, "pre-run")
        advance(player, clock, 4.0, step=1 / 15)  # 60 ticks of the lead-in
        qtbot.wait(50)
        assert player.driver is not None
        player.driver.command("pause")
        player.driver.command("skip")  # a jump: Seeked
        qtbot.wait(300)
    finally:
        monitor.terminate()
        out, _ = monitor.communicate(timeout=5)
    changes = out.count("member=PropertiesChanged")
    assert 2 <= changes <= 6, out  # playing, paused, the new step: not one per tick
    assert 'string "PlaybackStatus"' in out and 'string "Paused"' in out
    assert 'string "org.mpris.MediaPlayer2.Player"' in out
    assert "member=Seeked" in out


# QTest has no text for the media keys and says so; the keys themselves arrive.
@pytest.mark.qt_log_ignore("keyToAscii Unhandled key code")
def test_media_keys_drive_the_workout(player: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    start(player, "pre-run")
    driver = player.driver
    assert driver is not None
    qtbot.keyClick(player, Qt.Key.Key_MediaTogglePlayPause)
    assert driver.state is State.PAUSED
    qtbot.keyClick(player, Qt.Key.Key_MediaPlay)
    assert driver.state is State.RUNNING
    qtbot.keyClick(player, Qt.Key.Key_MediaPause)
    assert driver.state is State.PAUSED
    qtbot.keyClick(player, Qt.Key.Key_MediaPause)  # paused already: stays paused
    assert driver.state is State.PAUSED
    qtbot.keyClick(player, Qt.Key.Key_MediaNext)
    assert driver.view().phase == "lift"
    qtbot.keyClick(player, Qt.Key.Key_MediaStop)
    assert driver.state is State.STOPPED


@pytest.mark.qt_log_ignore("keyToAscii Unhandled key code")
def test_without_a_session_bus_the_window_says_so_once(
    qtbot: QtBot,
    context: AppContext,
    clock: FakeClock,
    audio: FakeAudio,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    window = make_window(qtbot, context, clock, audio)
    try:
        qtbot.waitUntil(lambda: window.hands_free.keys != [], timeout=5000)
        assert window.hands_free.mpris is None
        assert "Media controls (MPRIS) are off" in window.statusBar().currentMessage()
        start(window, "pre-run")  # and the workout runs as before
        qtbot.keyClick(window, Qt.Key.Key_MediaTogglePlayPause)
        assert window.driver is not None and window.driver.state is State.PAUSED
    finally:
        window.close()
