"""Files that are not files: links to devices, named pipes, sockets, folders, huge files.

Only a regular file is read, with a size limit, and never opened in a way that blocks:
one clear error each, and everything else (the other protocols, the presets) still works.
A hang or a runaway read would show here as a timeout.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reliability_helpers import FAST, cli, one_line_error

from glute_timer.core.history_import import MAX_IMPORT_BYTES
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.library import load_user_protocols
from glute_timer.core.paths import AppPaths
from glute_timer.core.protocol import MAX_FILE_BYTES
from glute_timer.core.settings import Settings, load_settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="devices and pipes are POSIX")


def _link(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(target)

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.close()  # the socket file stays


def _huge(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(size)  # sparse: costs no disk

    return make


KINDS = {
    "link to /dev/zero": (_link("/dev/zero"), "is a device, not a regular file"),
    "link to /dev/urandom": (_link("/dev/urandom"), "is a device, not a regular file"),
    "named pipe": (_fifo, "is a named pipe (FIFO), not a regular file"),
    "socket": (_socket, "is a socket, not a regular file"),
    "link to a named pipe": (None, "is a named pipe (FIFO), not a regular file"),
}


@pytest.fixture
def odd(tmp_path: Path) -> Iterator[Callable[[str, Path], str]]:
    """``odd(kind, path)`` makes ``path`` that kind of non-file; returns the expected reason."""

    def make(kind: str, path: Path) -> str:
        maker, reason = KINDS[kind]
        if maker is None:  # a link to a named pipe elsewhere
            pipe = tmp_path / f"pipe-{path.name}"
            os.mkfifo(pipe)
            path.symlink_to(pipe)
        else:
            maker(path)
        return reason

    yield make


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_protocol_path_that_is_not_a_file(
    tmp_path: Path, odd: Callable[[str, Path], str], kind: str
) -> None:
    path = tmp_path / "odd.toml"
    reason = odd(kind, path)
    for command in (["plan", str(path)], ["run", str(path), "--no-gui", "--mute"]):
        one_line_error(cli(tmp_path / "base", *command, timeout=20), str(path), reason)


def test_a_protocol_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    _huge(MAX_FILE_BYTES + 1)(path)
    one_line_error(cli(tmp_path / "base", "plan", str(path)), str(path), "too large")
    path.write_text(FAST + "#" * (MAX_FILE_BYTES - len(FAST) - 1) + "\n", encoding="utf-8")
    assert cli(tmp_path / "base", "plan", str(path)).returncode == 0  # at the limit: fine


def test_the_protocols_folder_lists_the_others(
    tmp_path: Path, odd: Callable[[str, Path], str]
) -> None:
    folder = AppPaths.from_basedir(tmp_path / "base").protocols_dir
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(FAST, encoding="utf-8")
    reasons = {}
    for number, kind in enumerate(KINDS):
        path = folder / f"odd{number}.toml"
        reasons[path.stem] = odd(kind, path)
    (folder / "folder.toml").mkdir()
    _huge(MAX_FILE_BYTES * 50)(folder / "huge.toml")
    entries = {entry.id: entry for entry in load_user_protocols(folder)}
    assert entries["good"].protocol is not None
    for stem, reason in reasons.items():
        assert entries[stem].protocol is None and reason in str(entries[stem].error)
    assert "is a directory" in str(entries["folder"].error)
    assert "too large" in str(entries["huge"].error)
    # By id from the command line: the same one-line error, no hang.
    one_line_error(cli(tmp_path / "base", "run", "odd2", "--no-gui", timeout=20), "named pipe")
    assert cli(tmp_path / "base", "run", "good", "--no-gui", "--mute").returncode == 0


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_import_that_is_not_a_file(
    tmp_path: Path, odd: Callable[[str, Path], str], kind: str
) -> None:
    base = tmp_path / "base"
    store = HistoryStore(AppPaths.from_basedir(base).history_db)
    path = tmp_path / "export.json"
    reason = odd(kind, path)
    one_line_error(cli(base, "history", "--import", str(path), timeout=20), str(path), reason)
    assert store.workouts() == []


def test_an_import_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    _huge(MAX_IMPORT_BYTES + 1)(path)
    one_line_error(cli(tmp_path / "base", "history", "--import", str(path)), "too large")


@pytest.mark.parametrize("kind", ["link to /dev/zero", "named pipe", "socket"])
def test_a_settings_file_that_is_not_a_file(
    tmp_path: Path, odd: Callable[[str, Path], str], kind: str
) -> None:
    path = AppPaths.from_basedir(tmp_path / "base").settings_file
    path.parent.mkdir(parents=True)
    reason = odd(kind, path)
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.warning is not None and reason in loaded.warning
    assert loaded.backup is not None and not os.path.lexists(path)  # kept aside
    # And the command line starts with it (the presets list), saying so once.
    odd(kind, path)
    result = cli(tmp_path / "base", "presets", timeout=20)
    assert result.returncode == 0 and "pre-run" in result.stdout
    assert result.stderr.count("Settings file") == 1


@pytest.mark.parametrize("kind", ["link to /dev/zero", "named pipe"])
def test_a_history_file_that_is_not_a_file(
    tmp_path: Path, odd: Callable[[str, Path], str], kind: str
) -> None:
    base = tmp_path / "base"
    path = AppPaths.from_basedir(base).history_db
    path.parent.mkdir(parents=True)
    odd(kind, path)
    protocol = tmp_path / "fast.toml"
    protocol.write_text(FAST, encoding="utf-8")
    result = cli(base, "run", str(protocol), "--no-gui", "--mute", timeout=20)
    assert result.returncode == 0 and "moved to" in result.stderr, result.stderr
    (workout,) = HistoryStore(path).workouts()
    assert len(workout.sets) == 2
