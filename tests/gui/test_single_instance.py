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
