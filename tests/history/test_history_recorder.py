"""The recorder: each set in the database the moment it completes, never an exception."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glute_timer.core.clock import FakeClock
from glute_timer.core.history_import import parse_export
from glute_timer.core.history_recorder import HistoryRecorder
from glute_timer.core.history_store import HistoryStore, open_history
from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import Session, SetCompleted, State

PROTOCOL = """
format = 1
name = "Two quick sets"
schedule = "every-other-day"
program_weeks = 2
lead_in = 0

[[block]]
exercise = "barbell-hip-thrust"
sets = 2
reps = "2-3"
tempo = { lift = 1, hold = 2, lower = 1 }
rest = 5
load = "40 kg"

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 2
per_side = true
rest = 0
"""


@pytest.fixture
def plan() -> Plan:
    return build_plan(parse_protocol(PROTOCOL, "test.toml"))


def run_until(session: Session, clock: FakeClock, done: int | None = None) -> None:
    while session.state is State.RUNNING and (done is None or len(session.completed_sets) < done):
        clock.advance(0.25)
        session.tick()


def count_sets(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        result: int = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        return result
    finally:
        conn.close()


def make(plan: Plan, db_path: Path) -> tuple[Session, FakeClock, HistoryRecorder]:
    clock = FakeClock()
    session = Session(plan, clock, wall_clock=clock.wall)
    recorder = HistoryRecorder(db_path, plan, "quick", wall_clock=clock.wall)
    session.subscribe(recorder)
    return session, clock, recorder


def test_each_set_is_committed_the_moment_it_completes(plan: Plan, db_path: Path) -> None:
    session, clock, recorder = make(plan, db_path)
    seen: list[int] = []
    session.subscribe(
        lambda event: seen.append(count_sets(db_path)) if isinstance(event, SetCompleted) else None
    )
    session.start()
    run_until(session, clock, done=1)
    assert count_sets(db_path) == 1
    workout = HistoryStore(db_path).workouts()[0]
    assert workout.status == "in-progress" and workout.ended_ms is None
    run_until(session, clock)
    assert seen == [1, 2, 3, 4]  # already in the file when the next listener hears of it
    workout = HistoryStore(db_path).workouts()[0]
    assert workout.status == "completed" and workout.ended_ms is not None
    assert [(s.exercise, s.side, s.load) for s in workout.sets] == [
        ("barbell-hip-thrust", None, "40 kg"),
        ("barbell-hip-thrust", None, "40 kg"),
        ("glute-bridge", "left", "bodyweight"),
        ("glute-bridge", "right", "bodyweight"),
    ]
    assert workout.sets[0].load_amount == 40.0 and workout.sets[0].load_unit == "kg"
    assert workout.sets[0].hold_s == 2.0
    assert 'name = "Two quick sets"' in workout.protocol_toml
    assert workout.program_weeks == 2 and workout.schedule == "every-other-day"
    assert recorder.problem is None and recorder.pending == 0


def test_load_changes_and_corrections_are_recorded(plan: Plan, db_path: Path) -> None:
    session, clock, _ = make(plan, db_path)
    session.set_load(1, "45 kg")
    session.start()
    run_until(session, clock, done=1)
    session.correct_last_set_load("42.5 kg")
    session.stop()
    workout = HistoryStore(db_path).workouts()[0]
    assert workout.status == "stopped"
    assert [s.load for s in workout.sets] == ["42.5 kg"]
    assert workout.sets[0].load_amount == 42.5


def test_a_workout_without_sets_is_not_recorded(plan: Plan, db_path: Path) -> None:
    session, clock, _ = make(plan, db_path)
    session.start()
    clock.advance(0.5)
    session.tick()
    session.stop()
    assert not db_path.exists() or HistoryStore(db_path).workouts() == []


def test_database_trouble_keeps_sets_in_memory_and_retries(plan: Plan, db_path: Path) -> None:
    failing = {"on": True}

    def factory(path: Path) -> HistoryStore:
        if failing["on"]:
            raise sqlite3.OperationalError("disk I/O error")
        return open_history(path)

    clock = FakeClock()
    session = Session(plan, clock, wall_clock=clock.wall)
    recorder = HistoryRecorder(db_path, plan, "quick", wall_clock=clock.wall, store_factory=factory)
    session.subscribe(recorder)
    db_path.parent.mkdir(parents=True)
    session.start()
    run_until(session, clock, done=2)
    assert session.state is State.RUNNING  # the workout goes on
    assert recorder.problem is not None and "2 sets kept in memory" in recorder.problem
    # A crash now would still leave the sets on disk, in a rescue copy.
    rescue = list(db_path.parent.glob("history-unsaved-*.json"))
    assert len(rescue) == 1
    assert len(parse_export(rescue[0].read_text(encoding="utf-8"))[0].sets) == 2
    failing["on"] = False
    assert recorder.retry()
    assert recorder.problem is None
    assert not rescue[0].exists()
    run_until(session, clock)
    assert len(HistoryStore(db_path).workouts()[0].sets) == 4


def test_unsaved_workout_is_rescued_and_recovered(plan: Plan, db_path: Path) -> None:
    def factory(path: Path) -> HistoryStore:
        raise sqlite3.OperationalError("database is locked")

    clock = FakeClock()
    session = Session(plan, clock, wall_clock=clock.wall)
    recorder = HistoryRecorder(db_path, plan, "quick", wall_clock=clock.wall, store_factory=factory)
    session.subscribe(recorder)
    db_path.parent.mkdir(parents=True)
    session.start()
    run_until(session, clock)
    assert recorder.problem is not None and "history-unsaved-" in recorder.problem
    rescue = list(db_path.parent.glob("history-unsaved-*.json"))
    assert len(rescue) == 1
    store = open_history(db_path)
    assert store.notice is not None and "Recovered 4" in store.notice
    workouts = store.workouts()
    assert len(workouts) == 1 and workouts[0].status == "completed"
    assert len(workouts[0].sets) == 4
    assert not list(db_path.parent.glob("history-unsaved-*.json"))


def test_a_newer_database_does_not_break_the_workout(plan: Plan, db_path: Path) -> None:
    HistoryStore(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    session, clock, recorder = make(plan, db_path)
    session.start()
    run_until(session, clock)
    assert session.state is State.FINISHED
    assert recorder.problem is not None and "newer version" in recorder.problem


def test_open_history_recorder_opens_the_database_up_front(plan: Plan, tmp_path: Path) -> None:
    from glute_timer.context import AppContext
    from glute_timer.core.history_recorder import open_history_recorder

    context = AppContext.create(tmp_path)
    context.paths.history_db.parent.mkdir(parents=True)
    context.paths.history_db.write_bytes(b"not a database" * 50)
    recorder = open_history_recorder(context.paths.history_db, plan, "quick")
    assert recorder.problem is None
    assert recorder.notice is not None and "moved to" in recorder.notice


def test_a_rescue_file_merged_by_another_opening_meanwhile_is_no_problem(
    plan: Plan, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glute_timer.core import history_rescue

    def factory(path: Path) -> HistoryStore:
        raise sqlite3.OperationalError("database is locked")

    clock = FakeClock()
    session = Session(plan, clock, wall_clock=clock.wall)
    recorder = HistoryRecorder(db_path, plan, "quick", wall_clock=clock.wall, store_factory=factory)
    session.subscribe(recorder)
    db_path.parent.mkdir(parents=True)
    session.start()
    run_until(session, clock)
    assert len(list(db_path.parent.glob("history-unsaved-*.json"))) == 1
    real_read = history_rescue.read_export

    def read_then_lose(path: Path) -> object:
        workouts = real_read(path)
        path.unlink()  # another process merged and removed it while this one read it
        return workouts

    monkeypatch.setattr(history_rescue, "read_export", read_then_lose)
    store = open_history(db_path)
    assert store.notice is not None and "Could not" not in store.notice
    assert len(store.workouts()[0].sets) == 4
