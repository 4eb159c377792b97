"""The single-instance guard: a second window asks the first to come forward."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from pytestqt.qtbot import QtBot

from glute_timer.gui.single_instance import SingleInstance, server_name


def test_second_instance_activates_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    second = SingleInstance(tmp_path / "data")
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert not second.acquire()
    first.release()
    # Once the first has gone, the next one takes over.
    third = SingleInstance(tmp_path / "data")
    assert third.acquire()
    third.release()


def test_separate_data_directories_are_separate(qtbot: QtBot, tmp_path: Path) -> None:
    one = SingleInstance(tmp_path / "a")
    two = SingleInstance(tmp_path / "b")
    assert one.name != two.name
    assert one.acquire()
    assert two.acquire()
    one.release()
    two.release()


def test_name_is_stable_for_the_same_folder(tmp_path: Path) -> None:
    assert server_name(tmp_path) == server_name(tmp_path / ".")


SECOND_PROCESS = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from glute_timer.gui.single_instance import SingleInstance
app = QCoreApplication([])
print("primary" if SingleInstance(Path(sys.argv[1])).acquire() else "secondary")
"""


def test_a_second_process_is_turned_away(qtbot: QtBot, tmp_path: Path) -> None:
    import subprocess
    import sys

    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=10_000):
        result = subprocess.run(
            [sys.executable, "-c", SECOND_PROCESS, str(tmp_path / "data")],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    assert result.stdout.strip() == "secondary", result.stderr
    first.release()


def test_the_lock_decides_before_the_socket_listens(qtbot: QtBot, tmp_path: Path) -> None:
    # The first window takes the lock at once and listens after its first paint; a second
    # window that comes in between waits for it rather than becoming a second first.
    import subprocess
    import sys

    from PySide6.QtCore import QTimer

    first = SingleInstance(tmp_path / "data")
    assert first.acquire(listen=False)
    assert first.is_primary
    assert (tmp_path / "data" / "window.lock").exists()
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_PROCESS, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    with qtbot.waitSignal(first.activation_requested, timeout=20_000):
        QTimer.singleShot(1500, first.listen)  # the second process is asking by then
    out, err = second.communicate(timeout=60)
    assert out.strip() == "secondary", err
    first.release()


def test_without_a_lock_the_socket_decides(qtbot: QtBot, tmp_path: Path) -> None:
    # A data folder where no lock file can be made (here: a folder in its place).
    (tmp_path / "data" / "window.lock").mkdir(parents=True)
    first = SingleInstance(tmp_path / "data")
    assert first.acquire(listen=False)  # listens at once: nothing else would tell
    second = SingleInstance(tmp_path / "data")
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert not second.acquire()
    first.release()


RUN_REQUEST = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from glute_timer.gui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(Path(sys.argv[1]))
print("primary" if guard.acquire(request={"run": sys.argv[2]}) else "secondary")
"""


def test_a_second_process_hands_over_the_workout_to_start(qtbot: QtBot, tmp_path: Path) -> None:
    import subprocess
    import sys

    first = SingleInstance(tmp_path / "data")
    assert first.acquire()
    asked: list[str] = []
    first.run_requested.connect(asked.append)
    with qtbot.waitSignal(first.run_requested, timeout=20_000):
        result = subprocess.run(
            [sys.executable, "-c", RUN_REQUEST, str(tmp_path / "data"), "/some/where/é.toml"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    assert result.stdout.strip() == "secondary", result.stderr
    assert asked == ["/some/where/é.toml"]
    first.release()
