"""What the history recorder has to say reaches the window, once each."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.history_recorder import HistoryWriter
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import Session, State
from glute_timer.gui.app import history_hooks

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
    told: list[str] = []
    (hook,) = history_hooks(context, told.append)
    clock = FakeClock()
    session = Session(build_plan(parse_protocol(QUICK, "quick.toml")), clock)
    listener = hook(session, "quick")
    assert isinstance(listener, HistoryWriter)  # the writes run on a thread of their own
    session.subscribe(listener)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    assert listener.close()
    # Told once, in the GUI thread.
    qtbot.waitUntil(lambda: len(told) == 1)
    assert "moved" in told[0]
    workouts = HistoryStore(context.paths.history_db).workouts()
    assert len(workouts) == 1 and len(workouts[0].sets) == 2
