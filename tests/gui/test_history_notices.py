"""What the history recorder has to say reaches the window's status bar, once each."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import make_window
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import State

QUICK = """format = 1
name = "Quick"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 0.5, hold = 0, lower = 0.5 }
rest = 1
"""


def test_a_history_in_the_way_is_reported_and_the_sets_still_recorded(
    qtbot: QtBot, tmp_path: Path
) -> None:
    context = AppContext.create(tmp_path)
    # A folder where the database file belongs: it is moved aside and the user told.
    context.paths.history_db.mkdir(parents=True)
    clock = FakeClock()
    window = make_window(qtbot, context, clock)
    window.record_history = True
    told: list[str] = []
    window.history_message.connect(told.append)
    driver = window.start_workout(parse_protocol(QUICK, "quick.toml"), "quick")
    assert driver is not None and driver.workout.parts == ("window", "history")
    while driver.state is State.RUNNING:
        clock.advance(0.25)
        driver.poll()
    writer = driver.workout.history
    assert writer is not None and writer.close()
    # Told once, in the GUI thread, and shown in the status bar.
    qtbot.waitUntil(lambda: len(told) == 1)
    assert "moved" in told[0]
    qtbot.waitUntil(lambda: "moved" in window.statusBar().currentMessage())
    workouts = HistoryStore(context.paths.history_db).workouts()
    assert len(workouts) == 1 and len(workouts[0].sets) == 2
    window.close()
