"""Where the user stands, on each protocol's own schedule.

A *session* is a local calendar day with at least one recorded set of that protocol (two
workouts on one day count once). For "every-other-day" protocols one rest day between
sessions keeps the streak; for "daily" ones none. A programme of ``program_weeks`` weeks
has ``ceil(weeks * 7 / 2)`` sessions every other day (2 weeks: 7) or ``weeks * 7`` daily;
the current run of the programme is the current streak, so after a break it starts again.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from glute_timer.core.exercises import shown_name
from glute_timer.core.history_model import good_workout_sql, left_out_notice, local_date
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.i18n import _, format_number, localise_numbers, ngettext, pgettext

MAX_GAP: Final = {"every-other-day": 2, "daily": 1}
"""Days from one session to the next that keep a streak going."""
RECENT_DAYS: Final = 30


@dataclass(frozen=True)
class LoadBest:
    """The heaviest load lifted for ``reps`` reps (no other set had more reps and load)."""

    exercise: str
    exercise_name: str
    reps: int
    load: float
    unit: str

    @property
    def text(self) -> str:
        return f"{format_number(self.load)} {self.unit} × {self.reps}"


@dataclass(frozen=True)
class HoldBest:
    exercise: str
    exercise_name: str
    seconds: float


@dataclass(frozen=True)
class ProtocolProgress:
    protocol_id: str
    protocol_name: str
    schedule: str
    program_weeks: int | None
    days: tuple[date, ...]  # session days, oldest first
    workouts: int
    sets: int
    reps: int
    load_bests: tuple[LoadBest, ...]
    hold_bests: tuple[HoldBest, ...]
    today: date

    @property
    def sessions(self) -> int:
        return len(self.days)

    @property
    def last_day(self) -> date | None:
        return self.days[-1] if self.days else None

    @property
    def max_gap(self) -> int | None:
        return MAX_GAP.get(self.schedule)

    @property
    def streak(self) -> int:
        """Sessions in the chain that is still alive today (0 when it is broken)."""
        gap = self.max_gap
        if gap is None or not self.days or (self.today - self.days[-1]).days > gap:
            return 0
        return _chains(self.days, gap)[-1]

    @property
    def best_streak(self) -> int:
        gap = self.max_gap
        if gap is None or not self.days:
            return 0
        return max(_chains(self.days, gap))

    @property
    def due(self) -> str:
        """``due``, ``done`` (today), ``rest`` (come back tomorrow) or ``any`` (no schedule)."""
        gap = self.max_gap
        last = self.last_day
        if gap is None:
            return "done" if last == self.today else "any"
        if last is None:
            return "due"
        since = (self.today - last).days
        if since <= 0:
            return "done"
        return "rest" if since < gap else "due"

    @property
    def due_text(self) -> str:
        return {
            "due": _("due today"),
            "done": _("done today"),
            "rest": _("rest day; next session tomorrow"),
            "any": _("no fixed schedule"),
        }[self.due]

    @property
    def program_total(self) -> int | None:
        if self.program_weeks is None or self.max_gap is None:
            return None
        return math.ceil(self.program_weeks * 7 / self.max_gap)

    @property
    def program_done(self) -> int | None:
        """Sessions done in the current run of the programme (0 to program_total)."""
        total = self.program_total
        if total is None:
            return None
        streak = self.streak
        return 0 if streak == 0 else (streak - 1) % total + 1

    @property
    def recent_sessions(self) -> int:
        start = self.today - timedelta(days=RECENT_DAYS - 1)
        return sum(1 for day in self.days if start <= day <= self.today)

    def summary_lines(self) -> list[str]:
        lines = [f"{self.protocol_name} ({self.protocol_id}), {schedule_text(self.schedule)}"]
        last = self.last_day
        if self.max_gap is not None:
            lines.append("  " + _("Today: {due}").format(due=self.due_text))
            streak = ngettext("{n} session", "{n} sessions", self.streak).format(n=self.streak)
            lines.append(
                "  "
                + _("Streak: {streak} (best {best})").format(streak=streak, best=self.best_streak)
            )
            if self.program_total is not None:
                lines.append(
                    "  "
                    + _("Programme: session {done} of {total} done").format(
                        done=self.program_done, total=self.program_total
                    )
                )
        if last is not None:
            ago = (self.today - last).days
            if ago == 0:
                when = _("today")
            elif ago == 1:
                when = _("yesterday")
            else:
                when = ngettext("{n} day ago", "{n} days ago", ago).format(n=ago)
            times = ngettext(
                "{n} time in the last {days} days",
                "{n} times in the last {days} days",
                self.recent_sessions,
            ).format(n=self.recent_sessions, days=RECENT_DAYS)
            lines.append(
                "  "
                + _("Last done: {day} ({when}); {times}").format(
                    day=last.isoformat(), when=when, times=times
                )
            )
        workouts = ngettext("{n} workout", "{n} workouts", self.workouts).format(n=self.workouts)
        sets = ngettext("{n} set", "{n} sets", self.sets).format(n=self.sets)
        reps = ngettext("{n} rep", "{n} reps", self.reps).format(n=self.reps)
        lines.append(
            "  "
            + _("Totals: {workouts}, {sets}, {reps}").format(
                workouts=workouts, sets=sets, reps=reps
            )
        )
        exercises = {b.exercise: shown_name(b.exercise, b.exercise_name) for b in self.load_bests}
        exercises.update(
            {h.exercise: shown_name(h.exercise, h.exercise_name) for h in self.hold_bests}
        )
        names = sorted(exercises.items())
        for exercise, name in names:
            parts = [localise_numbers(b.text) for b in self.load_bests if b.exercise == exercise]
            holds = [h.seconds for h in self.hold_bests if h.exercise == exercise]
            if holds and holds[0] > 0:
                parts.append(_("longest hold {seconds} s").format(seconds=format_number(holds[0])))
            if parts:
                lines.append(
                    "  "
                    + _("Best, {exercise}: {bests}").format(exercise=name, bests=", ".join(parts))
                )
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "protocol_id": self.protocol_id,
            "protocol_name": self.protocol_name,
            "schedule": self.schedule,
            "program_weeks": self.program_weeks,
            "today": self.today.isoformat(),
            "due": self.due,
            "streak": self.streak,
            "best_streak": self.best_streak,
            "program_done": self.program_done,
            "program_total": self.program_total,
            "sessions": self.sessions,
            "last_done": None if self.last_day is None else self.last_day.isoformat(),
            "sessions_last_30_days": self.recent_sessions,
            "workouts": self.workouts,
            "sets": self.sets,
            "reps": self.reps,
            "load_bests": [
                {
                    "exercise": b.exercise,
                    "exercise_name": b.exercise_name,
                    "reps": b.reps,
                    "load": b.load,
                    "unit": b.unit,
                }
                for b in self.load_bests
            ],
            "longest_holds": [
                {"exercise": h.exercise, "exercise_name": h.exercise_name, "seconds": h.seconds}
                for h in self.hold_bests
            ],
        }


def schedule_text(schedule: str) -> str:
    """A protocol's schedule in the active language (in English, its key in the file)."""
    return {
        "every-other-day": pgettext("schedule", "every-other-day"),
        "daily": pgettext("schedule", "daily"),
        "before-run": pgettext("schedule", "before-run"),
        "as-needed": pgettext("schedule", "as-needed"),
    }.get(schedule, schedule)


def _chains(days: Sequence[date], gap: int) -> list[int]:
    """Lengths of the runs of ``days`` (sorted) where each step is at most ``gap`` days."""
    runs = [1]
    for before, after in itertools.pairwise(days):
        if (after - before).days <= gap:
            runs[-1] += 1
        else:
            runs.append(1)
    return runs


def pareto_bests(entries: Sequence[LoadBest]) -> tuple[LoadBest, ...]:
    """Keep each best that no other set beats on both reps and load (per exercise, unit)."""
    kept: list[LoadBest] = []
    for entry in entries:
        beaten = any(
            other is not entry
            and other.exercise == entry.exercise
            and other.unit == entry.unit
            and other.reps >= entry.reps
            and other.load >= entry.load
            and (other.reps, other.load) != (entry.reps, entry.load)
            for other in entries
        )
        if not beaten:
            kept.append(entry)
    return tuple(sorted(kept, key=lambda b: (b.exercise, b.unit, -b.load, b.reps)))


def progress(store: HistoryStore, today: date | None = None) -> list[ProtocolProgress]:
    """Progress for every protocol in the history, the most recently trained first."""
    today = today or date.today()
    # Rows no reader could show (an impossible date, a value of the wrong type) are left
    # out; ``store.skipped`` says how many.
    good_w = f"w.deleted_ms IS NULL AND {good_workout_sql('w')}"

    def query(conn: sqlite3.Connection) -> tuple[list[Any], list[Any], list[Any], list[str]]:
        conn.execute("BEGIN")
        heads = conn.execute(
            "SELECT CAST(protocol_id AS TEXT), CAST(protocol_name AS TEXT), "
            "CAST(schedule AS TEXT), program_weeks, max(started_ms) "
            f"FROM workouts w WHERE {good_w} GROUP BY protocol_id"
        ).fetchall()
        trained = conn.execute(
            f"SELECT CAST(protocol_id AS TEXT), started_ms FROM workouts w WHERE {good_w} "
            "AND EXISTS (SELECT 1 FROM sets s WHERE s.workout_id = w.id) "
            "ORDER BY started_ms"
        ).fetchall()
        # One pass over the sets gives totals, load bests and holds together.
        groups = conn.execute(
            "SELECT w.protocol_id, s.exercise, max(s.exercise_name), s.reps_done, "
            "s.load_unit, count(*), max(s.load_amount), max(s.hold_s) "
            "FROM workouts w JOIN sets s ON s.workout_id = w.id "
            f"WHERE {good_w} GROUP BY 1, 2, 4, 5"
        ).fetchall()
        bad = conn.execute(
            f"SELECT uid FROM workouts w WHERE w.deleted_ms IS NULL AND NOT {good_workout_sql('w')}"
        ).fetchall()
        conn.execute("COMMIT")
        return heads, trained, groups, [str(row[0]) for row in bad]

    heads, trained, groups, bad_workouts = store.read(query)
    skipped_sets = 0
    days: dict[str, list[date]] = {}
    workouts_by: dict[str, int] = {}
    for protocol_id, started in trained:
        workouts_by[protocol_id] = workouts_by.get(protocol_id, 0) + 1
        day = local_date(started)
        known = days.setdefault(protocol_id, [])
        if not known or known[-1] != day:
            known.append(day)
    sets_by: dict[str, int] = {}
    reps_by: dict[str, int] = {}
    load_by: dict[str, list[LoadBest]] = {}
    holds: dict[tuple[str, str], HoldBest] = {}
    for protocol_id, exercise, name, reps, unit, count, amount, hold in groups:
        if not _numbers(reps, amount, hold):
            skipped_sets += count  # another tool wrote text where a number belongs
            continue
        protocol_id, exercise, name = str(protocol_id), str(exercise), str(name)
        unit = None if unit is None else str(unit)
        sets_by[protocol_id] = sets_by.get(protocol_id, 0) + count
        reps_by[protocol_id] = reps_by.get(protocol_id, 0) + reps * count
        if reps <= 0:
            continue
        if amount is not None and unit is not None:
            load_by.setdefault(protocol_id, []).append(LoadBest(exercise, name, reps, amount, unit))
        best = holds.get((protocol_id, exercise))
        if best is None or hold > best.seconds:
            holds[(protocol_id, exercise)] = HoldBest(exercise, name, hold)
    store.skipped = left_out_notice(bad_workouts, skipped_sets)
    hold_by: dict[str, list[HoldBest]] = {}
    for (protocol_id, _exercise), best in sorted(holds.items()):
        hold_by.setdefault(protocol_id, []).append(best)
    result = []
    for protocol_id, name, schedule, weeks, last in heads:
        workouts = workouts_by.get(protocol_id, 0)
        sets = sets_by.get(protocol_id, 0)
        reps = reps_by.get(protocol_id, 0)
        result.append(
            (
                last,
                ProtocolProgress(
                    protocol_id=protocol_id,
                    protocol_name=name,
                    schedule=schedule,
                    program_weeks=weeks,
                    days=tuple(days.get(protocol_id, ())),
                    workouts=workouts,
                    sets=sets,
                    reps=reps or 0,
                    load_bests=pareto_bests(load_by.get(protocol_id, [])),
                    hold_bests=tuple(
                        sorted(hold_by.get(protocol_id, []), key=lambda h: h.exercise)
                    ),
                    today=today,
                ),
            )
        )
    result.sort(key=lambda pair: -pair[0])
    return [p for _, p in result]


def _numbers(reps: object, amount: object, hold: object) -> bool:
    return (
        type(reps) is int
        and (amount is None or type(amount) in (int, float))
        and type(hold) in (int, float)
    )


def progress_for(
    store: HistoryStore, protocol_id: str, today: date | None = None
) -> ProtocolProgress | None:
    """One protocol's progress (for the workout screen), or None when never done."""
    for item in progress(store, today):
        if item.protocol_id == protocol_id:
            return item
    return None
