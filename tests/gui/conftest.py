"""Fixtures for the GUI tests: an app context in tmp_path, a fake clock, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import FakeAudio, make_window
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.gui.main_window import MainWindow
from glute_timer.qt_compat import protect_none

# Before any test makes Qt calls: see glute_timer/qt_compat.py.
protect_none()


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    return AppContext.create(tmp_path / "base")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def audio() -> FakeAudio:
    return FakeAudio()


@pytest.fixture
def window(
    qtbot: QtBot, context: AppContext, clock: FakeClock, audio: FakeAudio
) -> Iterator[MainWindow]:
    win = make_window(qtbot, context, clock, audio)
    yield win
    win.close()
