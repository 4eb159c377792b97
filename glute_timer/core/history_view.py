"""The data the History page shows, read in one go; pure, so it can run in any thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from glute_timer.core.exercises import shown_name
from glute_timer.core.history_model import DayTotals, Workout, day_totals
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.progress import ProtocolProgress, progress


class WeekTotals(NamedTuple):
    week: date  # the Monday
    exercise: str
    sets: int
    reps: int
    top_load: float | None
    unit: str | None


@dataclass(frozen=True)
class HistoryViewData:
    workouts: tuple[Workout, ...]  # newest first, without their sets
    counts: dict[str, tuple[int, int]]  # workout uid -> (sets, reps)
    days: dict[date, int]  # sets per local day
    weeks: tuple[WeekTotals, ...]
    exercises: dict[str, str]  # id -> name, for the chart's choice
    progress: tuple[ProtocolProgress, ...]
    today: date


def weekly_totals(rows: Sequence[DayTotals]) -> tuple[WeekTotals, ...]:
    """Day totals folded into weeks starting on Monday."""
    merged: dict[tuple[date, str], list[Any]] = {}
    mondays: dict[date, date] = {}
    for row in rows:
        monday = mondays.get(row.day)
        if monday is None:
            monday = mondays[row.day] = row.day - timedelta(days=row.day.weekday())
        entry = merged.get((monday, row.exercise))
        if entry is None:
            merged[(monday, row.exercise)] = [row.sets, row.reps, row.top_load, row.unit]
            continue
        entry[0] += row.sets
        entry[1] += row.reps
        if row.top_load is not None and (entry[2] is None or row.top_load > entry[2]):
            entry[2], entry[3] = row.top_load, row.unit
    return tuple(WeekTotals(key[0], key[1], *merged[key]) for key in sorted(merged))


def load_view_data(store: HistoryStore, today: date | None = None) -> HistoryViewData:
    """Everything the page shows except each workout's sets (fetched on demand)."""
    today = today or date.today()
    workouts = store.workouts(with_protocol=False, with_sets=False)
    workouts.reverse()
    totals = store.exercise_totals()
    daily = day_totals(totals)
    counts: dict[str, tuple[int, int]] = {}
    for total in totals:
        sets, reps = counts.get(total.workout_uid, (0, 0))
        counts[total.workout_uid] = (sets + total.sets, reps + total.reps)
    days: dict[date, int] = {}
    exercises: dict[str, str] = {}
    for row in daily:
        days[row.day] = days.get(row.day, 0) + row.sets
        exercises[row.exercise] = shown_name(row.exercise, row.exercise_name)
    return HistoryViewData(
        workouts=tuple(workouts),
        counts=counts,
        days=days,
        weeks=weekly_totals(daily),
        exercises=exercises,
        progress=tuple(progress(store, today)),
        today=today,
    )
