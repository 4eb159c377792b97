"""``run SPEC --remote [HOST:]PORT``: in the terminal (in-process, on a fake clock) one line
on stderr gives the page's address and the remote obeys it; for the window the address
reaches the window (or the window already open); a bad one is refused before anything
runs."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import types
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from glute_timer import cli
from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock

TINY = """format = 1
name = "Tiny remote"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 0.5, hold = 0.5, lower = 0.5 }
rest = 5
"""

REMOTE_LINE = re.compile(r"remote: http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{22,})")

RUN_WITH_REMOTE = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from glute_timer.gui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(Path(sys.argv[1]))
request = {"run": sys.argv[2], "remote": sys.argv[3]}
if sys.argv[4:] == ["as-written"]:
    request["as_written"] = True
print("primary" if guard.acquire(request=request) else "secondary")
"""


def request(url: str, body: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    data = None if body is None else json.dumps(body).encode()
    headers = {} if body is None else {"Content-Type": "application/json"}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, headers=headers), timeout=10
        ) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read() or b"{}")


class RemoteUser:
    """Stands in for ``time`` inside cli. At the first sleep it reads the remote's line from
    stderr and sends a command from another thread, as a phone would; until the workout
    has run it, sleeping does not move the fake clock (the loop runs what was posted)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        self.clock = FakeClock(500.0)
        self.capsys = capsys
        self.command = command
        self.err = ""
        self.base = ""
        self.token = ""
        self.before: tuple[int, dict[str, Any]] | None = None
        self.reply: tuple[int, dict[str, Any]] | None = None
        self.wrong: int | None = None
        self.sender: threading.Thread | None = None

    def monotonic(self) -> float:
        return self.clock()

    def sleep(self, seconds: float) -> None:
        assert 0 < seconds <= cli.MAX_SLEEP
        if self.sender is None:
            self.err = self.capsys.readouterr().err
            found = REMOTE_LINE.fullmatch(self.err.rstrip("\n"))
            assert found is not None, self.err
            self.base = f"http://127.0.0.1:{found[1]}"
            self.token = found[2]
            self.before = request(f"{self.base}/api/state?token={self.token}")
            self.wrong = request(f"{self.base}/api/state?token=x{self.token}")[0]
            self.sender = threading.Thread(target=self._send)
            self.sender.start()
        if self.sender.is_alive():
            self.sender.join(0.02)  # the command waits for the loop: let it run
            return
        self.clock.advance(seconds)

    def _send(self) -> None:
        url = f"{self.base}/api/command?token={self.token}"
        self.reply = request(url, {"command": self.command})


def run_with_remote(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> tuple[int, RemoteUser, str, str]:
    user = RemoteUser(capsys, command)
    monkeypatch.setattr(
        cli, "time", types.SimpleNamespace(monotonic=user.monotonic, sleep=user.sleep)
    )
    follow = cli.follow
    monkeypatch.setattr(
        cli,
        "follow",
        lambda workout, _clock, stop_when: follow(workout, user.monotonic, user.sleep, stop_when),
    )
    protocol = tmp_path / "tiny.toml"
    protocol.write_text(TINY)
    base = ["--basedir", str(tmp_path / "base"), "run", str(protocol), "--no-gui", "--mute"]
    code = cli.main([*base, "--remote", "127.0.0.1:0"])
    captured = capsys.readouterr()
    return code, user, captured.out, captured.err


def test_the_terminal_prints_one_remote_line_and_stops_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, user, out, err = run_with_remote(tmp_path, monkeypatch, capsys, "stop")
    assert code == 0
    assert user.before is not None and user.before[0] == 200
    assert user.before[1]["state"] == "running" and user.before[1]["set"] == 1
    assert user.wrong == 403
    assert user.reply is not None and user.reply[0] == 200
    assert user.reply[1]["ok"] and user.reply[1]["state"]["state"] == "stopped"
    assert "Workout stopped." in out
    assert "remote:" not in err  # the one line was the first, and the only one
    port = int(user.base.rsplit(":", 1)[1])
    with pytest.raises(OSError):  # the server is gone with the workout
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_the_terminal_pauses_from_the_remote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pause from the phone holds the terminal run (the loop does not resume it as after a
    gap in the ticks); Ctrl-C then ends it."""
    original_sleep = RemoteUser.sleep
    paused_sleeps = 0

    def sleep(self: RemoteUser, seconds: float) -> None:
        nonlocal paused_sleeps
        original_sleep(self, seconds)
        if self.reply is not None:
            paused_sleeps += 1
            if paused_sleeps == 40:  # ten fake seconds paused: the plan would be over
                raise KeyboardInterrupt

    monkeypatch.setattr(RemoteUser, "sleep", sleep)
    code, user, out, err = run_with_remote(tmp_path, monkeypatch, capsys, "pause")
    assert code == cli.EXIT_INTERRUPTED
    assert user.reply is not None and user.reply[0] == 200
    assert user.reply[1]["state"]["paused"]
    assert "Workout stopped." in out and "Workout complete." not in out
    assert "remote:" not in err


def test_a_taken_port_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["--basedir", str(tmp_path), "run", "pre-run", "--no-gui", "--mute"]
        assert cli.main([*args, "--remote", f"127.0.0.1:{port}"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"glute-timer: error: run: --remote 127.0.0.1:{port}: cannot")
    assert len(captured.err.strip().splitlines()) == 1
    assert "remote: http" not in captured.err


def test_the_window_gets_the_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import glute_timer.gui.app as app

    seen: list[tuple[str | None, str | None]] = []

    def fake_run_gui(context: AppContext, run: str | None = None, remote: str | None = None) -> int:
        seen.append((run, remote))
        return 0

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    base = ["--basedir", str(tmp_path), "run", "pre-run"]
    assert cli.main([*base, "--remote", "127.0.0.1:0"]) == 0
    assert cli.main([*base, "--remote", "8765"]) == 0
    assert cli.main(base) == 0
    assert seen == [("pre-run", "127.0.0.1:0"), ("pre-run", "8765"), ("pre-run", None)]


def test_the_window_gets_the_address_and_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glute_timer.gui.app as app

    seen: list[dict[str, object]] = []

    def fake_run_gui(context: AppContext, run: str | None = None, **options: object) -> int:
        seen.append({"run": run, **options})
        return 0

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    base = ["--basedir", str(tmp_path), "run", "pre-run"]
    assert cli.main([*base, "--as-written", "--remote", "127.0.0.1:0"]) == 0
    assert cli.main([*base, "--as-written"]) == 0
    assert seen == [
        {"run": "pre-run", "as_written": True, "remote": "127.0.0.1:0"},
        {"run": "pre-run", "as_written": True},
    ]


def test_a_bad_address_opens_no_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import glute_timer.gui.app as app

    monkeypatch.setattr(app, "run_gui", lambda *args, **kwargs: pytest.fail("a window opened"))
    code = cli.main(["--basedir", str(tmp_path), "run", "pre-run", "--remote", "phone:80"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("glute-timer: error: run: --remote 'phone:80': the host must be")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("as_written", [False, True])
def test_the_window_already_open_is_handed_the_address(
    qtbot: QtBot, tmp_path: Path, as_written: bool
) -> None:
    from glute_timer.gui.single_instance import SingleInstance

    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    heard: list[str] = []
    first.remote_requested.connect(lambda address: heard.append(f"remote {address}"))
    first.run_requested.connect(lambda spec: heard.append(f"run {spec}"))
    first.run_as_written_requested.connect(lambda spec: heard.append(f"as written {spec}"))
    signal = first.run_as_written_requested if as_written else first.run_requested
    with qtbot.waitSignal(signal, timeout=20_000):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                RUN_WITH_REMOTE,
                str(tmp_path / "data"),
                "pre-run",
                "127.0.0.1:0",
                *(["as-written"] if as_written else []),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    assert result.stdout.strip() == "secondary", result.stderr
    run = "as written pre-run" if as_written else "run pre-run"
    assert heard == ["remote 127.0.0.1:0", run]  # the address first
    first.release()
