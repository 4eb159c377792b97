"""The history's tables: how each schema version is made, and how rows go in and out.

``MIGRATIONS[n]`` takes a database from schema version n to n + 1 (``PRAGMA
user_version``); only ever append. The column lists here are what a file must have for its
version to be believed (another tool may have set the version or dropped a table).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Final

from glute_timer.core.history_model import HistoryError, StoredSet, Workout

Migration = Callable[[sqlite3.Connection], None]


def _create_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE workouts (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            protocol_id TEXT NOT NULL,
            protocol_name TEXT NOT NULL,
            schedule TEXT NOT NULL DEFAULT 'as-needed',
            program_weeks INTEGER,
            protocol_toml TEXT NOT NULL DEFAULT '',
            started_ms INTEGER NOT NULL,
            ended_ms INTEGER,
            status TEXT NOT NULL DEFAULT 'in-progress'
                CHECK (status IN ('in-progress', 'completed', 'stopped')),
            note TEXT NOT NULL DEFAULT '',
            deleted_ms INTEGER
        )"""
    )
    conn.execute(
        """
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            workout_id INTEGER NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            block INTEGER NOT NULL,
            set_number INTEGER NOT NULL,
            side TEXT,
            exercise TEXT NOT NULL,
            exercise_name TEXT NOT NULL,
            target INTEGER NOT NULL,
            reps_min INTEGER NOT NULL,
            reps_max INTEGER NOT NULL,
            reps_done INTEGER NOT NULL,
            hold_s REAL NOT NULL,
            load_text TEXT NOT NULL,
            load_amount REAL,
            load_unit TEXT,
            started_ms INTEGER NOT NULL,
            ended_ms INTEGER NOT NULL,
            UNIQUE (workout_id, position)
        )"""
    )
    conn.execute("CREATE INDEX workouts_started ON workouts(started_ms)")
    conn.execute("CREATE INDEX workouts_protocol ON workouts(protocol_id, started_ms)")


def _add_summary_index(conn: sqlite3.Connection) -> None:
    # Covers the per-workout and per-exercise sums of charts and stats, so they read
    # one index instead of every set row (ten years: ~15 ms instead of ~35 ms).
    conn.execute(
        "CREATE INDEX sets_summary ON sets(workout_id, exercise, reps_done, load_unit, "
        "load_amount, hold_s, exercise_name)"
    )


def _add_effort(conn: sqlite3.Connection) -> None:
    # The user's rating of each set: 1 easy, 2 right, 3 hard; NULL when not rated.
    conn.execute("ALTER TABLE sets ADD COLUMN effort INTEGER")


MIGRATIONS: Final[tuple[Migration, ...]] = (_create_v1, _add_summary_index, _add_effort)
"""``MIGRATIONS[n]`` takes a database from version n to n + 1. Only ever append."""

SCHEMA_VERSION: Final = len(MIGRATIONS)

EFFORT_SINCE: Final = 3
"""The schema version that added ``sets.effort``."""

WORKOUT_COLUMNS: Final = frozenset(
    {
        *("id", "uid", "protocol_id", "protocol_name", "schedule", "program_weeks"),
        *("protocol_toml", "started_ms", "ended_ms", "status", "note", "deleted_ms"),
    }
)
SET_COLUMNS: Final = frozenset(
    {
        *("id", "workout_id", "position", "block", "set_number", "side", "exercise"),
        *("exercise_name", "target", "reps_min", "reps_max", "reps_done", "hold_s"),
        *("load_text", "load_amount", "load_unit", "started_ms", "ended_ms"),
    }
)
WORKOUT_FIELDS: Final = (
    "id, CAST(uid AS TEXT), CAST(protocol_id AS TEXT), CAST(protocol_name AS TEXT), "
    "CAST(schedule AS TEXT), program_weeks, {toml}, started_ms, ended_ms, "
    "CAST(status AS TEXT), CAST(note AS TEXT), deleted_ms"
)
"""What ``SELECT`` reads of a workout row (``{toml}``: the protocol column or ``''``)."""
COLUMNS_ADDED: Final = {EFFORT_SINCE: {"sets": frozenset({"effort"})}}
"""Columns a version added (a file of an older version lacks them)."""


def columns_at(table: str, version: int) -> frozenset[str]:
    """The columns ``table`` has in a file of schema ``version``."""
    columns = WORKOUT_COLUMNS if table == "workouts" else SET_COLUMNS
    for since, added in COLUMNS_ADDED.items():
        if version >= since:
            columns = columns | added.get(table, frozenset())
    return columns


_SET_FIELDS: Final = (
    "{a}position, {a}block, {a}set_number, CAST({a}side AS TEXT), CAST({a}exercise AS TEXT), "
    "CAST({a}exercise_name AS TEXT), {a}target, {a}reps_min, {a}reps_max, {a}reps_done, "
    "{a}hold_s, CAST({a}load_text AS TEXT), {a}started_ms, {a}ended_ms"
)
# Another tool may write anything into a column: an effort that is none of 1, 2, 3 reads
# as not rated rather than losing the set.
_EFFORT_FIELD: Final = ", CASE WHEN {a}effort IN (1, 2, 3) THEN {a}effort END"


def set_fields(alias: str = "", version: int = SCHEMA_VERSION) -> str:
    """What ``SELECT`` reads of a set row, in ``StoredSet`` order (``alias``: a table
    alias with its dot), from a file of schema ``version``."""
    if version >= EFFORT_SINCE:
        return (_SET_FIELDS + _EFFORT_FIELD).format(a=alias)
    return _SET_FIELDS.format(a=alias) + ", NULL"  # not rated: the column is not there yet


def workout_row_id(conn: sqlite3.Connection, uid: str) -> int:
    """The row id of the workout ``uid``; raises HistoryError when there is none."""
    row = conn.execute("SELECT id FROM workouts WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise HistoryError(f"no workout {uid} in the history")
    found: int = row[0]
    return found


def insert_workout(conn: sqlite3.Connection, w: Workout) -> int:
    """Insert the workout row (without sets) unless it is there; its row id."""
    conn.execute(
        "INSERT INTO workouts (uid, protocol_id, protocol_name, schedule, program_weeks, "
        "protocol_toml, started_ms, ended_ms, status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (uid) DO NOTHING",
        (
            w.uid,
            w.protocol_id,
            w.protocol_name,
            w.schedule,
            w.program_weeks,
            w.protocol_toml,
            w.started_ms,
            w.ended_ms,
            w.status,
            w.note,
        ),
    )
    return workout_row_id(conn, w.uid)


_SET_COLUMNS_IN: Final = (
    "workout_id, position, block, set_number, side, exercise, exercise_name, target, "
    "reps_min, reps_max, reps_done, hold_s, load_text, load_amount, load_unit, started_ms, "
    "ended_ms"
)


def _set_values(workout_id: int, s: StoredSet, version: int) -> tuple[object, ...]:
    values: tuple[object, ...] = (
        workout_id,
        s.position,
        s.block,
        s.set,
        s.side,
        s.exercise,
        s.exercise_name,
        s.target,
        s.reps_min,
        s.reps_max,
        s.reps_done,
        s.hold_s,
        s.load,
        s.load_amount,
        s.load_unit,
        s.started_ms,
        s.ended_ms,
    )
    return (*values, s.effort) if version >= EFFORT_SINCE else values


def _insert_sql(version: int) -> str:
    if version >= EFFORT_SINCE:
        return f"INSERT INTO sets ({_SET_COLUMNS_IN}, effort) VALUES ({', '.join('?' * 18)})"
    return f"INSERT INTO sets ({_SET_COLUMNS_IN}) VALUES ({', '.join('?' * 17)})"


def insert_new_sets(
    conn: sqlite3.Connection,
    workout_id: int,
    sets: Sequence[StoredSet],
    version: int = SCHEMA_VERSION,
) -> int:
    """The sets of a workout just inserted (none can be there yet), in one statement, into
    a file of schema ``version``."""
    conn.executemany(_insert_sql(version), [_set_values(workout_id, s, version) for s in sets])
    return len(sets)


def insert_set(
    conn: sqlite3.Connection, workout_id: int, s: StoredSet, version: int = SCHEMA_VERSION
) -> int:
    """Insert one set unless its position is taken; 1 when it was inserted, else 0.

    A set already there that has no effort rating takes the one ``s`` brings (an import, a
    rescue file written after the set but before its rating reached the database); that
    counts as 1 too."""
    conflict = " ON CONFLICT (workout_id, position) DO NOTHING"
    if version >= EFFORT_SINCE and s.effort is not None:
        conflict = (
            " ON CONFLICT (workout_id, position) DO UPDATE SET effort = excluded.effort "
            "WHERE sets.effort IS NULL"
        )
    cursor = conn.execute(_insert_sql(version) + conflict, _set_values(workout_id, s, version))
    return cursor.rowcount
