"""Workouts made to measure for the history tests."""

from __future__ import annotations

from datetime import date, datetime, time

from glute_timer.core.history_model import StoredSet, Workout, new_uid


def day_ms(day: date, hour: int = 18) -> int:
    """Local ``hour`` o'clock on ``day`` in epoch milliseconds."""
    return round(datetime.combine(day, time(hour)).timestamp() * 1000)


def make_set(position: int = 0, *, reps: int = 12, load: str = "40 kg", at: int = 0) -> StoredSet:
    return StoredSet(
        position=position,
        block=1,
        set=position + 1,
        side=None,
        exercise="barbell-hip-thrust",
        exercise_name="Barbell hip thrust",
        target=15,
        reps_min=10,
        reps_max=15,
        reps_done=reps,
        hold_s=3.0,
        load=load,
        started_ms=at + position * 60_000,
        ended_ms=at + position * 60_000 + 40_000,
    )


def make_workout(
    day: date,
    *,
    protocol_id: str = "hip-thrust-strength",
    schedule: str = "every-other-day",
    weeks: int | None = 2,
    sets: int = 3,
    reps: int = 12,
    load: str = "40 kg",
    status: str = "completed",
) -> Workout:
    start = day_ms(day)
    return Workout(
        uid=new_uid(),
        protocol_id=protocol_id,
        protocol_name=protocol_id.replace("-", " ").capitalize(),
        schedule=schedule,
        program_weeks=weeks,
        protocol_toml="",
        started_ms=start,
        ended_ms=start + 600_000,
        status=status,
        note="",
        sets=tuple(make_set(n, reps=reps, load=load, at=start) for n in range(sets)),
    )
