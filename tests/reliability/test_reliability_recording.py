"""Every completed set is saved, retried or rescued, whatever goes wrong while recording it;
ids made from file names can always be stored.

A protocol file whose name is not valid UTF-8 (a Latin-1 ``café.toml`` from an old USB
stick) used to give a traceback per set and an empty history.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_helpers import FAST, QUICK, cli

from glute_timer.core.clock import FakeClock
from glute_timer.core.history_import import parse_export
from glute_timer.core.history_recorder import HistoryRecorder, HistoryWriter
from glute_timer.core.history_store import HistoryStore, open_history
from glute_timer.core.library import load_user_protocols
from glute_timer.core.paths import AppPaths
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import Session, State
from glute_timer.core.text import storable

NAMES = [
    b"caf\xe9.toml",  # Latin-1
    b"\xff\xfe\x80.toml",  # not text in any encoding
    b"se\xf1or-\xfcbung-\xe9\xe9.toml",
]


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
@pytest.mark.parametrize("name", NAMES, ids=repr)
def test_a_protocol_whose_file_name_is_not_utf8_is_recorded(tmp_path: Path, name: bytes) -> None:
    base = tmp_path / "base"
    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(FAST.encode())
    result = cli(base, "run", os.fsdecode(path), "--no-gui", "--mute")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Recorded 2 set(s) in the history." in result.stderr
    workouts = HistoryStore(AppPaths.from_basedir(base).history_db).workouts()
    assert len(workouts) == 1 and len(workouts[0].sets) == 2
    protocol_id = workouts[0].protocol_id
    protocol_id.encode("utf-8")  # storable, and readable
    assert protocol_id == storable(os.fsdecode(name.removesuffix(b".toml")))
    assert not list(AppPaths.from_basedir(base).data_dir.glob("history-unsaved-*.json"))


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_the_library_gives_such_a_file_a_storable_id(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.toml"), "wb") as handle:
        handle.write(QUICK.encode())
    (entry,) = load_user_protocols(tmp_path)
    assert entry.id == "café" and entry.protocol is not None


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=40))
def test_any_file_name_gives_a_storable_id(raw: bytes) -> None:
    text = storable(os.fsdecode(raw))
    text.encode("utf-8")
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (text,))
    assert conn.execute("SELECT x FROM t").fetchone()[0] == text
    conn.close()


# ------------------------------------------------------------ any fault while recording

FAULTS = [
    sqlite3.OperationalError("database is locked"),
    sqlite3.DatabaseError("database disk image is malformed"),
    OSError(28, "No space left on device"),
    UnicodeEncodeError("utf-8", "caf\udce9", 3, 4, "surrogates not allowed"),
    RuntimeError("a bug in a store"),
    ValueError("a value the store did not expect"),
    MemoryError(),
]


class FailingStore:
    """A store whose writes all raise ``fault`` until ``fixed["yes"]``."""

    def __init__(self, path: Path, fault: BaseException, fixed: dict[str, bool]) -> None:
        self.real = open_history(path)
        self.notice = None
        self.fault = fault
        self.fixed = fixed

    def __getattr__(self, name: str) -> object:
        real = getattr(self.real, name)
        if self.fixed.get("yes") or not callable(real):
            return real

        def fail(*args: object, **kwargs: object) -> None:
            raise self.fault

        return fail


@pytest.mark.parametrize("fault", FAULTS, ids=lambda e: type(e).__name__)
def test_any_error_while_recording_keeps_the_sets(tmp_path: Path, fault: BaseException) -> None:
    db = tmp_path / "data" / "history.sqlite3"
    plan = build_plan(parse_protocol(QUICK, "quick.toml"))
    clock = FakeClock()
    fixed: dict[str, bool] = {}

    def factory(path: Path) -> HistoryStore:
        return FailingStore(path, fault, fixed)  # type: ignore[return-value]

    recorder = HistoryRecorder(db, plan, "quick", wall_clock=clock.wall, store_factory=factory)
    session = Session(plan, clock, wall_clock=clock.wall)
    session.subscribe(recorder)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    # Nothing reached the database, the user is told, and a rescue copy holds every set.
    assert recorder.problem is not None and "kept in memory" in recorder.problem
    (rescue,) = db.parent.glob("history-unsaved-*.json")
    (saved,) = parse_export(rescue.read_text(encoding="utf-8"))
    assert len(saved.sets) == 2 and saved.status == "completed"
    # Once the store takes writes again, a retry saves them and the copy goes.
    fixed["yes"] = True
    assert recorder.retry()
    assert not rescue.exists()
    (workout,) = HistoryStore(db).workouts()
    assert workout.status == "completed" and len(workout.sets) == 2


def test_a_rescued_workout_is_merged_in_at_the_next_opening(tmp_path: Path) -> None:
    db = tmp_path / "data" / "history.sqlite3"
    plan = build_plan(parse_protocol(QUICK, "quick.toml"))
    clock = FakeClock()

    def factory(path: Path) -> HistoryStore:
        return FailingStore(path, RuntimeError("never"), {})  # type: ignore[return-value]

    writer = HistoryWriter(
        HistoryRecorder(db, plan, "quick", wall_clock=clock.wall, store_factory=factory)
    )
    session = Session(plan, clock, wall_clock=clock.wall)
    session.subscribe(writer)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    assert not writer.close(timeout=5)  # not saved, but rescued
    assert list(db.parent.glob("history-unsaved-*.json"))
    store = open_history(db)
    assert store.notice is not None and "Recovered" in store.notice
    assert not list(db.parent.glob("history-unsaved-*.json"))
    (workout,) = store.workouts()
    assert len(workout.sets) == 2 and workout.status == "completed"


def test_the_writer_queues_without_waiting_for_the_database(tmp_path: Path) -> None:
    """The session's call returns while a write is stuck (it waits on the writer's thread)."""
    import threading

    db = tmp_path / "data" / "history.sqlite3"
    plan = build_plan(parse_protocol(QUICK, "quick.toml"))
    clock = FakeClock()
    release = threading.Event()
    entered = threading.Event()

    class StuckStore(FailingStore):
        def __getattr__(self, name: str) -> object:
            real = getattr(self.real, name)
            if name != "begin_workout" or release.is_set():
                return real

            def stuck(*args: object) -> None:
                entered.set()
                release.wait(30)
                real(*args)

            return stuck

    def factory(path: Path) -> HistoryStore:
        return StuckStore(path, RuntimeError(), {})  # type: ignore[return-value]

    writer = HistoryWriter(
        HistoryRecorder(db, plan, "quick", wall_clock=clock.wall, store_factory=factory)
    )
    session = Session(plan, clock, wall_clock=clock.wall)
    session.subscribe(writer)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()  # goes on while the first write is stuck
        if len(session.completed_sets) == 1:
            assert entered.wait(10)
    assert session.state is State.FINISHED and writer.pending > 0
    release.set()
    assert writer.close(timeout=10)
    (workout,) = HistoryStore(db).workouts()
    assert len(workout.sets) == 2 and workout.started_ms == workout.sets[0].started_ms
