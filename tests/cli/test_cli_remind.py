"""``remind`` against a notification service on a private session bus (python-dbusmock's
``notification_daemon`` template), and the reminders installed and removed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from glute_timer import coach_cli, reminders
from glute_timer.core.history_model import StoredSet, Workout, new_uid
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.library import resolve_protocol
from glute_timer.core.protocol import dump_protocol

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- a private session bus


def dbusmock_python() -> str | None:
    """An interpreter that has python-dbusmock (this one, or Debian's python3-dbusmock)."""
    for python in (sys.executable, "/usr/bin/python3"):
        if (
            Path(python).exists()
            and subprocess.run(
                [python, "-c", "import dbusmock"], capture_output=True, check=False
            ).returncode
            == 0
        ):
            return python
    return None


class Bus:
    def __init__(self, address: str, log: Path) -> None:
        self.address = address
        self.log = log

    def calls(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if " Notify " in line]

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
        env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        env["PYTHONPATH"] = str(ROOT)
        return env


def _wait_for_name(address: str, name: str, timeout: float = 10.0) -> None:
    from jeepney import message_bus
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + timeout
    with open_dbus_connection(address) as conn:
        while time.monotonic() < deadline:
            reply = conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=2)
            if reply.body[0]:
                return
            time.sleep(0.05)
    raise TimeoutError(f"{name} did not appear on the bus")


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[Bus]:
    python = dbusmock_python()
    daemon = shutil.which("dbus-daemon")
    if python is None or daemon is None:
        if os.environ.get("CI"):
            pytest.fail("CI must test remind: dbus and python3-dbusmock are missing")
        pytest.skip("needs dbus-daemon and python-dbusmock (Debian: dbus python3-dbusmock)")
    bus_process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus_process.stdout is not None
    address = bus_process.stdout.readline().strip()
    log = tmp_path / "notifications.log"
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    mock = subprocess.Popen(
        [python, "-m", "dbusmock", "--template", "notification_daemon", "-l", str(log)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_name(address, "org.freedesktop.Notifications")
        yield Bus(address, log)
    finally:
        for process in (mock, bus_process):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        bus_process.stdout.close()


# ---------------------------------------------------------------- a history with sessions


def seed(base: Path, days_ago: tuple[int, ...], reps: int = 15) -> None:
    """Sessions of the hip-thrust programme at 40 kg, every set at ``reps``."""
    _, protocol = resolve_protocol("hip-thrust-strength")
    workouts = []
    for n in days_ago:
        day = date.today() - timedelta(days=n)
        start = int(time.mktime((day.year, day.month, day.day, 18, 0, 0, 0, 0, -1))) * 1000
        sets = tuple(
            StoredSet(
                i,
                1,
                i + 1,
                None,
                "barbell-hip-thrust",
                "Barbell hip thrust",
                15,
                10,
                15,
                reps,
                3.0,
                "40 kg",
                start + i * 100_000,
                start + i * 100_000 + 60_000,
            )
            for i in range(3)
        )
        workouts.append(
            Workout(
                new_uid(),
                "hip-thrust-strength",
                protocol.name,
                protocol.schedule,
                protocol.program_weeks,
                dump_protocol(protocol),
                start,
                start + 600_000,
                "completed",
                "",
                sets,
            )
        )
    HistoryStore(base / "data" / "history.sqlite3").merge(workouts)


def remind(base: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "glute_timer", "--basedir", str(base), "remind", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# ---------------------------------------------------------------- remind


def test_a_due_day_sends_one_notification_with_a_start_action(tmp_path: Path, bus: Bus) -> None:
    base = tmp_path / "base"
    seed(base, (6, 4, 2))  # three sessions, the last two days ago: session 4 is due
    done = remind(base, bus.env())
    assert done.returncode == 0, done.stderr
    headline = "Hip thrust strength is due today: session 4 of 7, 42.5 kg"
    assert done.stdout.splitlines() == [headline]
    deadline = time.monotonic() + 10
    while not bus.calls() and time.monotonic() < deadline:
        time.sleep(0.05)
    calls = bus.calls()
    assert len(calls) == 1
    assert f'"{headline}"' in calls[0]
    assert '["start", "Start"]' in calls[0]
    assert '"Every set reached 15: try 42.5 kg.' in calls[0]


def test_a_rest_day_sends_nothing(tmp_path: Path, bus: Bus) -> None:
    base = tmp_path / "base"
    seed(base, (5, 3, 1))  # yesterday: today is a rest day
    done = remind(base, bus.env(), "--wait", "0")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    time.sleep(0.3)
    assert bus.calls() == []


def test_without_a_notification_service_it_says_so_and_exits_0(tmp_path: Path) -> None:
    base = tmp_path / "base"
    seed(base, (2,))
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS",)}
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "no-runtime")
    env["PYTHONPATH"] = str(ROOT)
    done = remind(base, env)
    assert done.returncode == 0
    assert done.stdout.splitlines() == ["Hip thrust strength is due today: session 2 of 7, 42.5 kg"]
    assert "no notification shown" in done.stderr and "session bus" in done.stderr


def test_a_bus_without_the_service(tmp_path: Path) -> None:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("needs dbus-daemon")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        base = tmp_path / "base"
        seed(base, (2,))
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "PYTHONPATH": str(ROOT)}
        done = remind(base, env)
        assert done.returncode == 0
        assert "no notification service" in done.stderr
    finally:
        process.terminate()
        process.wait(5)
        if process.stdout is not None:
            process.stdout.close()


def test_the_start_action_opens_the_window_on_that_protocol(
    tmp_path: Path, bus: Bus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The waiter hears ActionInvoked for its notification and starts ``run ID``."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    from glute_timer.desktop_notify import Notifier

    notifier = Notifier(bus.address)
    notification = notifier.notify("Hip thrust strength is due today", "Start opens it.")
    started: list[list[str]] = []
    monkeypatch.setattr(
        "glute_timer.desktop_notify.launch_detached", lambda command: started.append(command)
    )

    def click() -> None:
        deadline = time.monotonic() + 10
        while not bus.calls() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # the waiter listens by now
        mock = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.freedesktop.DBus.Mock",
        )
        with open_dbus_connection(bus.address) as conn:
            conn.send_and_get_reply(
                new_method_call(
                    mock,
                    "EmitSignal",
                    "sssav",
                    (
                        "org.freedesktop.Notifications",
                        "ActionInvoked",
                        "us",
                        [("u", notification), ("s", "start")],
                    ),
                ),
                timeout=5,
            )

    clicker = threading.Thread(target=click)
    clicker.start()
    args = type("Args", (), {"wait": 20.0, "foreground": True, "basedir": tmp_path / "b"})()
    began = time.monotonic()
    coach_cli._wait_for_start(args, notifier, {notification: "hip-thrust-strength"})  # type: ignore[arg-type]
    clicker.join()
    assert time.monotonic() - began < 15  # it ended when the only notification was used
    assert len(started) == 1
    assert started[0][-2:] == ["run", "hip-thrust-strength"]
    assert started[0][started[0].index("--basedir") + 1] == str((tmp_path / "b").absolute())


def test_the_waiter_ends_when_the_notification_is_closed(tmp_path: Path, bus: Bus) -> None:
    from glute_timer.desktop_notify import Notifier

    notifier = Notifier(bus.address)
    notification = notifier.notify("Due", "")
    closer = Notifier(bus.address)

    def close() -> None:
        time.sleep(0.3)
        closer._call("CloseNotification", "i", (notification,))  # the mock says i, not u

    closing = threading.Thread(target=close)
    closing.start()
    heard: list[object] = []
    began = time.monotonic()
    notifier.wait({notification: "x"}, lambda *a: heard.append(a), timeout=20)
    assert time.monotonic() - began < 10 and heard == []
    # The close's reply may come after the signal the waiter heard: its connection is
    # closed once it has it (closed under it, the thread failed in a later test).
    closing.join(timeout=10)
    assert not closing.is_alive()
    notifier.close()
    closer.close()


def test_only_recent_programmes_of_protocols_that_exist_remind(
    tmp_path: Path,
) -> None:
    from glute_timer.context import AppContext

    base = tmp_path / "base"
    seed(base, (40, 38))  # a programme left more than a month ago
    context = AppContext.create(base)
    assert coach_cli.due_today(context) == []
    seed(base, (2,))
    assert [c.protocol_id for c in coach_cli.due_today(context)] == ["hip-thrust-strength"]
    store = HistoryStore(context.paths.history_db)
    workout = store.workouts()[-1]
    store.merge([replace(workout, uid=new_uid(), protocol_id="deleted-protocol")])
    assert [c.protocol_id for c in coach_cli.due_today(context)] == ["hip-thrust-strength"]


# ---------------------------------------------------------------- installed reminders


class FakeSystemctl:
    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.calls: list[list[str]] = []

    def __call__(self, arguments: object) -> bool:
        self.calls.append(list(arguments))  # type: ignore[call-overload]
        return self.available


def test_a_systemd_user_timer_is_installed_and_removed(tmp_path: Path) -> None:
    systemctl = FakeSystemctl()
    command = ["/opt/glute timer/python", "-m", "glute_timer"]
    done = reminders.install("18:30", config=tmp_path, command=command, systemctl=systemctl)
    service = tmp_path / "systemd" / "user" / "glute-timer-remind.service"
    timer = tmp_path / "systemd" / "user" / "glute-timer-remind.timer"
    assert (done.method, done.files, done.enabled) == ("systemd", (service, timer), True)
    assert "OnCalendar=*-*-* 18:30:00" in timer.read_text()
    assert "Persistent=true" in timer.read_text()
    assert (
        'ExecStart="/opt/glute timer/python" -m glute_timer remind --foreground'
        in service.read_text()
    )
    assert ["enable", "--now", "glute-timer-remind.timer"] in systemctl.calls
    removed = reminders.remove(config=tmp_path, systemctl=systemctl)
    assert set(removed) == {service, timer}
    assert ["disable", "--now", "glute-timer-remind.timer"] in systemctl.calls
    assert reminders.installed_entries(tmp_path) == []


def test_without_systemd_an_autostart_entry(tmp_path: Path) -> None:
    done = reminders.install(
        "07:05",
        config=tmp_path,
        command=["/usr/bin/python3", "-m", "glute_timer"],
        systemctl=FakeSystemctl(available=False),
    )
    entry = tmp_path / "autostart" / "glute-timer-remind.desktop"
    assert done.method == "autostart" and done.files == (entry,)
    text = entry.read_text()
    assert "Exec=/usr/bin/python3 -m glute_timer remind --at 07:05 --foreground" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert reminders.remove(config=tmp_path, systemctl=None) == [entry]


def test_the_folder_follows_xdg_config_home_and_basedir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert reminders.config_home() == tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/path")
    assert reminders.config_home() == Path.home() / ".config"
    assert reminders.config_home(tmp_path / "b") == (tmp_path / "b").absolute() / "config"


def test_remind_install_and_uninstall_from_the_command_line(tmp_path: Path) -> None:
    base = tmp_path / "base"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = remind(base, env, "--install", "06:45")
    assert done.returncode == 0, done.stderr
    entry = base / "config" / "autostart" / "glute-timer-remind.desktop"
    assert entry.exists() and "--at 06:45" in entry.read_text()
    assert f"--basedir {base.absolute()}" in entry.read_text()
    assert '"remind_at": "06:45"' in (base / "config" / "settings.json").read_text()
    done = remind(base, env, "--uninstall")
    assert done.returncode == 0 and not entry.exists()
    assert '"remind_at": null' in (base / "config" / "settings.json").read_text()
    bad = remind(base, env, "--install", "25:00")
    assert bad.returncode == 2 and "not a time" in bad.stderr


def test_remind_at_waits_until_that_time() -> None:
    slept: list[float] = []
    now = [time.time()]

    def clock() -> float:
        return now[0]

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    later = time.localtime(now[0] + 150)
    coach_cli._sleep_until(f"{later.tm_hour:02d}:{later.tm_min:02d}", clock, sleep)
    if later.tm_mday == time.localtime(now[0]).tm_mday:  # not across midnight
        assert 60 <= sum(slept) <= 150 and max(slept) <= 60
    slept.clear()
    coach_cli._sleep_until("00:00", clock, sleep)  # past: at once
    assert slept == []


def test_remind_under_dbus_run_session(tmp_path: Path) -> None:
    """The same as a user's shell would do it: a session bus of its own for one command."""
    python = dbusmock_python()
    if python is None or shutil.which("dbus-run-session") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must test remind: dbus and python3-dbusmock are missing")
        pytest.skip("needs dbus-run-session and python-dbusmock")
    base = tmp_path / "base"
    seed(base, (4, 2))
    log = tmp_path / "notifications.log"
    script = (
        f"{python} -m dbusmock --template notification_daemon -l {log} & "
        "for i in $(seq 100); do dbus-send --session --print-reply --dest=org.freedesktop.DBus "
        "/ org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications "
        "| grep -q true && break; sleep 0.1; done; "
        f"{sys.executable} -m glute_timer --basedir {base} remind --wait 0"
    )
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    headline = "Hip thrust strength is due today: session 3 of 7, 42.5 kg"
    assert done.stdout.splitlines() == [headline]
    calls = [line for line in log.read_text().splitlines() if " Notify " in line]
    assert len(calls) == 1 and f'"{headline}"' in calls[0] and '"Start"' in calls[0]
