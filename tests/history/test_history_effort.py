"""Effort per set: the schema migration, the writer thread's UPDATE, export and import."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from coach_helpers import perform, protocol_text
from history_helpers import make_workout

from glute_timer.core.clock import FakeClock
from glute_timer.core.history_export import csv_text, json_text
from glute_timer.core.history_formats import RPE_OF_EFFORT, effort_of_rpe
from glute_timer.core.history_import import ImportFileError, parse_csv, parse_json
from glute_timer.core.history_model import Workout
from glute_timer.core.history_recorder import HistoryRecorder, HistoryWriter
from glute_timer.core.history_schema import EFFORT_SINCE, MIGRATIONS, SCHEMA_VERSION
from glute_timer.core.history_store import HistoryStore, open_history_for_reading
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import Session, SetCorrected, State

DAY = date(2026, 11, 20)


def rated_workout() -> Workout:
    workout = make_workout(DAY, reps=15)
    sets = tuple(
        s._replace(effort=effort) for s, effort in zip(workout.sets, (1, None, 3), strict=True)
    )
    return replace(workout, sets=sets)


def test_the_schema_version_counts_the_effort_migration() -> None:
    assert SCHEMA_VERSION == 3 == EFFORT_SINCE == len(MIGRATIONS)


def test_a_version_2_file_is_migrated_keeping_its_sets_unrated(db_path: Path) -> None:
    old = HistoryStore(db_path, migrations=MIGRATIONS[:2])  # a file of the version before
    old.merge([make_workout(DAY, reps=15)])
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "effort" not in {r[1] for r in conn.execute("PRAGMA table_info(sets)")}
    current = HistoryStore(db_path)
    assert current.backup_path is not None and ".v2-" in current.backup_path.name
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert conn.execute("SELECT effort FROM sets").fetchall() == [(None,)] * 3
    assert [s.effort for s in current.workouts()[0].sets] == [None, None, None]
    current.merge([rated_workout()])
    assert [s.effort for s in current.workouts()[1].sets] == [1, None, 3]


def test_a_version_2_file_read_only_is_read_without_migrating(db_path: Path) -> None:
    HistoryStore(db_path, migrations=MIGRATIONS[:2]).merge([make_workout(DAY)])
    store = HistoryStore(db_path, read_only=True)
    assert store.file_version == 2
    assert [s.effort for s in store.workouts()[0].sets] == [None, None, None]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_an_effort_another_tool_wrote_reads_as_not_rated(store: HistoryStore) -> None:
    store.merge([rated_workout()])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE sets SET effort = 'very' WHERE position = 0")
        conn.execute("UPDATE sets SET effort = 7 WHERE position = 2")
    assert [s.effort for s in store.workouts()[0].sets] == [None, None, None]


def test_rpe_mapping_both_ways() -> None:
    assert RPE_OF_EFFORT == {1: 6, 2: 8, 3: 10}
    assert [effort_of_rpe(rpe) for rpe in (6, 8, 10)] == [1, 2, 3]
    assert [effort_of_rpe(rpe) for rpe in (1, 6.5, 7, 8.5, 9, 9.5)] == [1, 1, 2, 2, 3, 3]
    with pytest.raises(ValueError):
        effort_of_rpe(11)


def test_csv_and_json_round_trips_are_exact(store: HistoryStore, tmp_path: Path) -> None:
    store.merge([rated_workout()])
    workouts = store.workouts()
    csv = csv_text(workouts)
    header = csv.splitlines()[0].split(",")
    assert header[header.index("Workout Notes") + 1] == "RPE"  # where Strong has it
    rows = [line.split(",") for line in csv.splitlines()[1:]]
    assert [row[header.index("RPE")] for row in rows] == ["6", "", "10"]
    assert parse_csv(csv) == workouts
    document = json_text(workouts)
    assert '"effort": 1' in document and '"effort": null' in document
    assert parse_json(document) == workouts
    fresh = HistoryStore(tmp_path / "other" / "history.sqlite3")
    fresh.merge(parse_csv(csv))
    assert fresh.workouts() == workouts


def test_older_exports_without_the_rating_still_import() -> None:
    workout = make_workout(DAY)
    csv = csv_text([workout])
    header = csv.splitlines()[0].split(",")
    index = header.index("RPE")
    lines = [
        ",".join(c for n, c in enumerate(line.split(",")) if n != index)
        for line in csv.splitlines()
    ]
    assert [s.effort for s in parse_csv("\r\n".join(lines))[0].sets] == [None] * 3
    document = json_text([workout]).replace(', "effort": null', "")
    assert [s.effort for s in parse_json(document)[0].sets] == [None] * 3


@pytest.mark.parametrize("value", ["11", "zero", "-1"])
def test_a_bad_rpe_is_refused_with_its_line(value: str) -> None:
    csv = csv_text([rated_workout()])
    header = csv.splitlines()[0].split(",")
    lines = csv.splitlines()
    cells = lines[2].split(",")
    cells[header.index("RPE")] = value
    lines[2] = ",".join(cells)
    with pytest.raises(ImportFileError) as info:
        parse_csv("\r\n".join(lines), "x.csv")
    assert "line 3" in str(info.value) and "RPE" in str(info.value)


@pytest.mark.parametrize("value", ["4", "true", '"hard"', "2.5"])
def test_a_bad_json_effort_is_refused(value: str) -> None:
    document = json_text([rated_workout()]).replace('"effort": 1', f'"effort": {value}', 1)
    with pytest.raises(ImportFileError) as info:
        parse_json(document, "x.json")
    assert "effort" in str(info.value)


def test_a_merge_fills_in_a_rating_the_history_lacks(store: HistoryStore) -> None:
    workout = rated_workout()
    unrated = replace(workout, sets=tuple(s._replace(effort=None) for s in workout.sets))
    store.merge([unrated])
    result = store.merge([workout])
    assert result.sets_added == 2  # the two ratings
    assert [s.effort for s in store.workouts()[0].sets] == [1, None, 3]
    assert store.merge([workout]).sets_added == 0


# ---------------------------------------------------------------- recording a rating


QUICK = protocol_text("40 kg", sets=2, reps="2-3")


def test_the_session_rates_the_last_set_as_a_correction() -> None:
    clock = FakeClock()
    plan = build_plan(parse_protocol(QUICK))
    session = Session(plan, clock, wall_clock=clock.wall)
    events: list[object] = []
    session.subscribe(events.append)
    assert session.rate_last_set(2) is None  # nothing done yet
    session.start()
    while not session.completed_sets:
        clock.advance(0.25)
        session.tick()
    record = session.rate_last_set(3)
    assert record is not None and record.effort == 3
    assert isinstance(events[-1], SetCorrected) and events[-1].record.effort == 3
    assert session.rate_last_set(3) is record  # the same again: nothing new
    assert isinstance(events[-1], SetCorrected) and len(events) == len(events)
    with pytest.raises(ValueError):
        session.rate_last_set(4)
    session.stop()
    assert session.state is State.STOPPED
    assert session.rate_last_set(None) is not None  # after the end too (the summary)


def test_the_writer_thread_stores_the_rating_with_its_set(tmp_path: Path) -> None:
    db = tmp_path / "data" / "history.sqlite3"
    clock = FakeClock()
    plan = build_plan(parse_protocol(QUICK))
    writer = HistoryWriter(HistoryRecorder(db, plan, "quick", wall_clock=clock.wall))
    session = Session(plan, clock, wall_clock=clock.wall)
    session.subscribe(writer)
    session.start()
    while len(session.completed_sets) < 1:
        clock.advance(0.25)
        session.tick()
    session.rate_last_set(3)  # in the rest after set 1, queued behind the set itself
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    session.rate_last_set(1)  # the last set, from the summary
    assert writer.close()
    sets = HistoryStore(db).workouts()[0].sets
    assert [s.effort for s in sets] == [3, 1]


def test_a_rating_that_cannot_be_written_is_rescued_and_merged(tmp_path: Path) -> None:
    db = tmp_path / "data" / "history.sqlite3"
    clock = FakeClock()
    plan = build_plan(parse_protocol(QUICK))
    recorder = HistoryRecorder(db, plan, "quick", wall_clock=clock.wall)
    session = Session(plan, clock, wall_clock=clock.wall)
    session.subscribe(recorder)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    assert recorder.pending == 0
    original = HistoryStore.correct_set

    def impatient(self: HistoryStore, *args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")  # another program holds it

    HistoryStore.correct_set = impatient  # type: ignore[method-assign]
    try:
        session.rate_last_set(2)
    finally:
        HistoryStore.correct_set = original  # type: ignore[method-assign]
    assert recorder.pending == 1
    assert list(db.parent.glob("history-unsaved-*.json"))
    # The next opening merges the rescue file: the rating lands on its set.
    reopened = open_history_for_reading(db)
    assert [s.effort for s in reopened.workouts()[0].sets] == [None, 2]


def test_the_rating_of_a_real_run_reaches_the_history(tmp_path: Path) -> None:
    records = perform(parse_protocol(QUICK), [3, 2], efforts=[2, 3])
    assert [(r.reps_done, r.effort) for r in records] == [(3, 2), (2, 3)]
