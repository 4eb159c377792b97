"""What the history holds: workouts and their sets, as every other history module sees them.

Records (``Workout``, ``StoredSet``), the errors, the times a history accepts and how they
are turned into dates, the SQL that tells a row every reader can show from one another
tool wrote nonsense into, and the per-day totals the charts fold. No file is touched here.

Times are whole milliseconds since the epoch (UTC), so exports round-trip exactly.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final, NamedTuple

from glute_timer.core.protocol import Load
from glute_timer.core.session import SetRecord
from glute_timer.core.text import printable, storable

STATUSES: Final = ("in-progress", "completed", "stopped")

MIN_TIME_MS: Final = 0
"""The earliest time the history accepts: 1970-01-01T00:00:00.000Z (a machine whose clock
was never set starts there)."""
MAX_TIME_MS: Final = 4_102_444_800_000
"""The first time the history refuses: 2100-01-01T00:00:00.000Z. Every time in the range
is a valid local date and time in every time zone, on every platform."""


class HistoryError(Exception):
    """The history cannot be used; ``str()`` is a sentence for the user."""


class HistoryTooNew(HistoryError):
    """The database was written by a newer Glute Timer; it was left untouched."""


# ---------------------------------------------------------------- rows every reader can show


def _good_time(column: str) -> str:
    # The unary + keeps SQLite from choosing the time index for this test, which would
    # cost the summary queries their plan (a temporary B-tree for every GROUP BY).
    return (
        f"(typeof({column}) = 'integer' AND +{column} >= {MIN_TIME_MS} "
        f"AND +{column} < {MAX_TIME_MS})"
    )


def good_workout_sql(alias: str = "") -> str:
    """SQL true for a workout row every reader can show: its times in range and whole
    numbers. SQLite stores any value in any column, and other tools write to the file."""
    a = f"{alias}." if alias else ""
    return (
        f"({_good_time(f'{a}started_ms')} AND ({a}ended_ms IS NULL OR "
        f"{_good_time(f'{a}ended_ms')}) AND typeof({a}program_weeks) IN ('null', 'integer'))"
    )


def good_set_sql(alias: str = "") -> str:
    """SQL true for a set row every reader can show: times in range, numbers that are
    numbers. (Texts are read with CAST, so any type reads as text.)"""
    a = f"{alias}." if alias else ""
    whole = ("position", "block", "set_number", "target", "reps_min", "reps_max", "reps_done")
    return (
        "("
        + " AND ".join(
            [
                _good_time(f"{a}started_ms"),
                _good_time(f"{a}ended_ms"),
                *(f"typeof({a}{name}) = 'integer'" for name in whole),
                f"typeof({a}hold_s) IN ('integer', 'real')",
            ]
        )
        + ")"
    )


GOOD_WORKOUT_SQL: Final = good_workout_sql()
GOOD_SET_SQL: Final = good_set_sql()


def _utc_day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()


def left_out_notice(workout_uids: Sequence[str], sets: int = 0) -> str | None:
    """The notice for rows a reader left out (None when it left out nothing)."""
    if not workout_uids and not sets:
        return None
    parts = []
    if workout_uids:
        count = len(workout_uids)
        first = printable(workout_uids[0][:12])
        parts.append(f"{count} workout{'s' if count != 1 else ''} (first: {first})")
    if sets:
        parts.append(f"{sets} set{'s' if sets != 1 else ''}")
    return (
        f"Left out {' and '.join(parts)} of the history with impossible dates or values "
        f"(a time outside {_utc_day(MIN_TIME_MS)} to {_utc_day(MAX_TIME_MS)}, "
        "or a number that is not one)."
    )


# ---------------------------------------------------------------- records


class StoredSet(NamedTuple):
    """One set as stored. ``position`` orders the sets of a workout (0, 1, 2, ...).

    A named tuple rather than a dataclass: ten years of history are 20,000 of these,
    built straight from database rows.
    """

    position: int
    block: int
    set: int
    side: str | None
    exercise: str
    exercise_name: str
    target: int
    reps_min: int
    reps_max: int
    reps_done: int
    hold_s: float
    load: str
    started_ms: int
    ended_ms: int
    effort: int | None = None  # 1 easy, 2 right, 3 hard; None: not rated

    @property
    def load_amount(self) -> float | None:
        return parse_load(self.load)[0]

    @property
    def load_unit(self) -> str | None:
        return parse_load(self.load)[1]

    @classmethod
    def from_record(cls, position: int, record: SetRecord) -> StoredSet:
        return cls(
            position=position,
            block=record.block,
            set=record.set,
            side=record.side,
            exercise=storable(record.exercise),
            exercise_name=storable(record.exercise_name),
            target=record.target,
            reps_min=record.reps_min,
            reps_max=record.reps_max,
            reps_done=record.reps_done,
            hold_s=record.hold_s,
            load=storable(record.load),
            started_ms=to_ms(record.started_wall),
            ended_ms=to_ms(record.ended_wall),
            effort=record.effort,
        )


@dataclass(frozen=True)
class Workout:
    """A workout with its sets. ``uid`` identifies it across exports and imports."""

    uid: str
    protocol_id: str
    protocol_name: str
    schedule: str
    program_weeks: int | None
    protocol_toml: str
    started_ms: int
    ended_ms: int | None
    status: str
    note: str
    sets: tuple[StoredSet, ...] = ()
    deleted: bool = field(default=False, compare=False)

    @property
    def started(self) -> datetime:
        return local_datetime(self.started_ms)

    @property
    def total_reps(self) -> int:
        return sum(s.reps_done for s in self.sets)


@dataclass(frozen=True)
class MergeResult:
    workouts_added: int
    sets_added: int
    workouts_updated: int


@functools.lru_cache(maxsize=512)
def parse_load(text: str) -> tuple[float | None, str | None]:
    """The number and unit of a load text (cached: a history repeats a few loads)."""
    load = Load(text)
    return load.amount, load.unit


def to_ms(epoch_seconds: float) -> int:
    return round(epoch_seconds * 1000)


def valid_time(ms: object) -> bool:
    """``ms`` is a whole number of milliseconds within the history's range."""
    return type(ms) is int and MIN_TIME_MS <= ms < MAX_TIME_MS


def local_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000).astimezone()


def local_date(ms: int) -> date:
    return datetime.fromtimestamp(ms / 1000).date()


def new_uid() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- totals


class ExerciseTotals(NamedTuple):
    workout_uid: str
    started_ms: int
    exercise: str
    exercise_name: str
    sets: int
    reps: int
    top_load: float | None
    unit: str | None


def exercise_totals_row(row: Sequence[Any]) -> ExerciseTotals | None:
    """A summary row as its types say, or None when another tool wrote nonsense into it
    (the summary reads only the index, so it checks what it gets instead)."""
    uid, started, exercise, name, sets, reps, top, unit = row
    if type(reps) is not int or not isinstance(top, int | float | None):
        return None
    if isinstance(top, bool):
        return None
    return ExerciseTotals(
        str(uid),
        started,
        str(exercise),
        str(name),
        sets,
        reps,
        None if top is None else float(top),
        None if unit is None else str(unit),
    )


class DayTotals(NamedTuple):
    day: date
    exercise: str
    exercise_name: str
    sets: int
    reps: int
    top_load: float | None
    unit: str | None


def day_totals(rows: Sequence[ExerciseTotals]) -> list[DayTotals]:
    """Per-workout totals folded into local days."""
    merged: dict[tuple[date, str], list[Any]] = {}
    days: dict[int, date] = {}
    for row in rows:
        day = days.get(row.started_ms)
        if day is None:
            day = days[row.started_ms] = local_date(row.started_ms)
        entry = merged.get((day, row.exercise))
        if entry is None:
            merged[(day, row.exercise)] = [
                row.exercise_name,
                row.sets,
                row.reps,
                row.top_load,
                row.unit,
            ]
            continue
        entry[1] += row.sets
        entry[2] += row.reps
        if row.top_load is not None and (entry[3] is None or row.top_load > entry[3]):
            entry[3], entry[4] = row.top_load, row.unit
    return [DayTotals(key[0], key[1], *merged[key]) for key in sorted(merged)]
