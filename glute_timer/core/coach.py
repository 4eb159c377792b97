"""The coach: the next session of a protocol, from the history.

``next_session`` reads the protocol's recent workouts (``past_sessions``) and its training
days, and gives a ``NextSession``: the advice for each block (``core.progression``), the
day the next session is due on its schedule, its number in the programme ("session 4 of
7"), and the sessions still to come (for the calendar).

When is the next session due:

- ``every-other-day``: today when today is due (as ``stats`` says: never done, or two
  days or more since the last session), else the day after the rest day (the last session
  plus two days);
- ``daily``: today, or tomorrow when today's session is done;
- ``before-run`` and ``as-needed``: no fixed days: today.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from glute_timer.core.exercises import exercise_name, next_step
from glute_timer.core.history_model import (
    HistoryError,
    good_set_sql,
    good_workout_sql,
    local_date,
)
from glute_timer.core.history_schema import EFFORT_SINCE
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.i18n import _, load_text, localise_numbers
from glute_timer.core.i18n import format_number as local_number
from glute_timer.core.plan import WorkoutTooBig, check_workout_size
from glute_timer.core.progress import MAX_GAP, ProtocolProgress
from glute_timer.core.progression import (
    Advice,
    LoadSteps,
    PastSession,
    PastSet,
    advise,
    in_sentence,
)
from glute_timer.core.protocol import Load, Protocol, ProtocolError, parse_protocol
from glute_timer.core.session import SetRecord
from glute_timer.core.settings import Settings

SESSIONS_READ: Final = 12
"""The newest workouts of a protocol read for advice: each block needs its last two, and a
block that was not reached lately is looked for a little further back."""
UNSCHEDULED_DAYS: Final = 14
"""A protocol with a schedule but no programme: the calendar holds this many days of it."""


def peek_history(path: Path) -> HistoryStore | None:
    """The history at ``path`` opened read-only, for a look that changes nothing: no
    migration, no file moved aside, no rescue file merged (whoever records or lists the
    history does that, and tells the user). None when there is none or it cannot be read."""
    try:
        if not path.is_file():
            return None
        return HistoryStore(path, read_only=True)
    except (HistoryError, OSError, sqlite3.Error):
        return None


def load_steps(settings: Settings) -> LoadSteps:
    """The coach's steps and first-load unit from the user's settings."""
    return LoadSteps(kg=settings.load_step_kg, lb=settings.load_step_lb, units=settings.units)


def next_due(schedule: str, days: Sequence[date], today: date) -> date:
    """The day the next session is due (see the module's documentation)."""
    gap = MAX_GAP.get(schedule)
    if gap is None or not days:
        return today
    return max(today, days[-1] + timedelta(days=gap))


def past_sessions(
    store: HistoryStore, protocol_id: str, limit: int = SESSIONS_READ
) -> list[PastSession]:
    """The newest ``limit`` workouts of ``protocol_id`` that have sets, newest first, with
    the protocol as it was run and the sets' reps, loads and effort ratings."""
    effort = "s.effort" if store.file_version >= EFFORT_SINCE else "NULL"
    good_w = f"w.deleted_ms IS NULL AND {good_workout_sql('w')}"

    def query(conn: sqlite3.Connection) -> tuple[list[Any], list[Any]]:
        conn.execute("BEGIN")
        heads = conn.execute(
            "SELECT w.id, w.started_ms, CAST(w.protocol_toml AS TEXT) FROM workouts w "
            f"WHERE w.protocol_id = ? AND {good_w} "
            "AND EXISTS (SELECT 1 FROM sets s WHERE s.workout_id = w.id) "
            "ORDER BY w.started_ms DESC, w.id DESC LIMIT ?",
            (protocol_id, limit),
        ).fetchall()
        ids = [row[0] for row in heads]
        sets: list[Any] = []
        if ids:
            marks = ", ".join("?" * len(ids))
            sets = conn.execute(
                "SELECT s.workout_id, s.block, s.set_number, CAST(s.side AS TEXT), "
                "CAST(s.exercise AS TEXT), s.reps_done, s.reps_min, s.reps_max, s.hold_s, "
                f"CAST(s.load_text AS TEXT), {effort} FROM sets s "
                f"WHERE s.workout_id IN ({marks}) AND {good_set_sql('s')} "
                "ORDER BY s.workout_id, s.position",
                ids,
            ).fetchall()
        conn.execute("COMMIT")
        return heads, sets

    heads, rows = store.read(query)
    by_workout: dict[int, list[PastSet]] = {}
    for workout_id, block, number, side, exercise, done, low, high, hold, load, rating in rows:
        by_workout.setdefault(workout_id, []).append(
            PastSet(
                block=block,
                set=number,
                side=side,
                exercise=exercise,
                reps_done=done,
                reps_min=low,
                reps_max=high,
                hold_s=float(hold),
                load=load,
                effort=rating if rating in (1, 2, 3) else None,
            )
        )
    parsed: dict[str, Protocol | None] = {}
    sessions = []
    for workout_id, started, toml in heads:
        if toml not in parsed:
            parsed[toml] = _protocol_or_none(toml)
        sessions.append(
            PastSession(
                day=local_date(started),
                protocol=parsed[toml],
                sets=tuple(by_workout.get(workout_id, ())),
            )
        )
    return sessions


def _protocol_or_none(toml: str) -> Protocol | None:
    if not toml:
        return None
    try:
        return parse_protocol(toml, "<the protocol as run>")
    except ProtocolError:
        return None


def session_days(store: HistoryStore, protocol_id: str) -> list[date]:
    """The local days with at least one recorded set of ``protocol_id``, oldest first."""

    def query(conn: sqlite3.Connection) -> list[Any]:
        rows: list[Any] = conn.execute(
            "SELECT w.started_ms FROM workouts w WHERE w.protocol_id = ? "
            f"AND w.deleted_ms IS NULL AND {good_workout_sql('w')} "
            "AND EXISTS (SELECT 1 FROM sets s WHERE s.workout_id = w.id) ORDER BY w.started_ms",
            (protocol_id,),
        ).fetchall()
        return rows

    return sorted({local_date(started) for (started,) in store.read(query)})


@dataclass(frozen=True)
class NextSession:
    """What the next session of a protocol should be, and when."""

    protocol_id: str
    protocol: Protocol  # as written
    advice: Advice
    days: tuple[date, ...]  # the protocol's training days, oldest first
    today: date
    sessions: tuple[PastSession, ...] = field(default=(), compare=False)
    """The past sessions the advice was made from, newest first."""
    steps: LoadSteps | None = field(default=None, compare=False)

    def after(self, ran: Protocol, records: Sequence[SetRecord], day: date) -> NextSession:
        """The next session once a workout of ``ran`` recorded ``records`` on ``day``
        (the end-of-workout summary's "next time", before the history is read again);
        no records: this one, as it was."""
        if not records:
            return self
        done = PastSession(day=day, protocol=ran, sets=tuple(past_set(r) for r in records))
        sessions = (done, *self.sessions)
        days = tuple(sorted({*self.days, day}))
        advice = advise(self.protocol, sessions, self.steps)
        return replace(self, advice=advice, days=days, today=day, sessions=sessions)

    @cached_property
    def progress(self) -> ProtocolProgress:
        """Streak and programme as ``stats`` counts them, on the protocol's own schedule."""
        return ProtocolProgress(
            protocol_id=self.protocol_id,
            protocol_name=self.protocol.name,
            schedule=self.protocol.schedule,
            program_weeks=self.protocol.program_weeks,
            days=self.days,
            workouts=len(self.days),
            sets=0,
            reps=0,
            load_bests=(),
            hold_bests=(),
            today=self.today,
        )

    @property
    def due(self) -> date:
        return next_due(self.protocol.schedule, self.days, self.today)

    @property
    def due_today(self) -> bool:
        """Due today by its own schedule (the reminder's test): an every-other-day or daily
        protocol that was done before and is not done today nor resting."""
        return bool(self.days) and self.progress.max_gap is not None and self.progress.due == "due"

    @property
    def program_total(self) -> int | None:
        return self.progress.program_total

    @property
    def session_number(self) -> int | None:
        """The next session's number in the programme (1 after a broken streak)."""
        total = self.program_total
        if total is None:
            return None
        streak = self.progress.streak
        return streak % total + 1 if streak else 1

    @cached_property
    def suggested(self) -> Protocol:
        """The protocol with the advice applied (as written if that would be too big)."""
        protocol = self.advice.applied_to(self.protocol)
        try:
            check_workout_size(protocol, self.protocol_id)
        except WorkoutTooBig:
            return self.protocol
        return protocol

    @property
    def changes(self) -> bool:
        return self.suggested != self.protocol

    def planned_days(self) -> list[date]:
        """The days of the sessions still to come: the rest of the programme (from the
        next session on), or two weeks of a schedule without one; none without a
        schedule."""
        gap = MAX_GAP.get(self.protocol.schedule)
        if gap is None:
            return []
        total = self.program_total
        number = self.session_number
        if total is not None and number is not None:
            count = total - number + 1
        else:
            count = math.ceil(UNSCHEDULED_DAYS / gap)
        first = self.due
        return [first + timedelta(days=gap * n) for n in range(count)]

    def progress_text(self) -> str:
        """ "session 4 of 7", or "" without a programme."""
        total, number = self.program_total, self.session_number
        if total is None or number is None:
            return ""
        return _("session {number} of {total}").format(number=number, total=total)

    def what_to_do(self) -> str:
        """The lead block's suggestion in a few words: "42.5 kg", "single-leg glute bridge",
        "a 31 s hold", "bodyweight"."""
        lead = self.advice.lead
        if lead is None:
            return ""
        written = self.protocol.blocks[lead.block - 1]
        if lead.exercise != written.exercise:
            name = in_sentence(exercise_name(lead.exercise))
            if lead.load.is_bodyweight:
                return name
            return _("{exercise} at {load}").format(
                exercise=name, load=localise_numbers(lead.load.text)
            )
        if lead.load.amount is None and lead.hold != written.tempo.hold:
            return _("a {seconds} s hold").format(seconds=local_number(lead.hold))
        return load_text(lead.load.text)

    def headline(self) -> str:
        """ "Hip thrust strength is due today: session 4 of 7, 42.5 kg" (the reminder)."""
        details = ", ".join(part for part in (self.progress_text(), self.what_to_do()) if part)
        if details:
            return _("{name} is due today: {details}").format(
                name=self.protocol.name, details=details
            )
        return _("{name} is due today").format(name=self.protocol.name)

    def to_json(self) -> dict[str, Any]:
        """What ``glute-timer next --json`` prints."""
        return {
            "protocol_id": self.protocol_id,
            "due": self.due.isoformat(),
            "blocks": [block.to_json() for block in self.advice.blocks],
        }


def next_session(
    store: HistoryStore | None,
    protocol_id: str,
    protocol: Protocol,
    steps: LoadSteps | None = None,
    today: date | None = None,
) -> NextSession:
    """The next session of ``protocol`` (``protocol_id`` in the history); ``store`` None:
    a fresh history (the protocol as written, due today)."""
    today = today or date.today()
    sessions: list[PastSession] = []
    days: list[date] = []
    if store is not None:
        sessions = past_sessions(store, protocol_id)
        days = session_days(store, protocol_id)
    return NextSession(
        protocol_id=protocol_id,
        protocol=protocol,
        advice=advise(protocol, sessions, steps),
        days=tuple(days),
        today=today,
        sessions=tuple(sessions),
        steps=steps,
    )


def past_set(record: SetRecord) -> PastSet:
    """A set of the workout just run, as the coach reads one from the history."""
    return PastSet(
        block=record.block,
        set=record.set,
        side=record.side,
        exercise=record.exercise,
        reps_done=record.reps_done,
        reps_min=record.reps_min,
        reps_max=record.reps_max,
        hold_s=record.hold_s,
        load=record.load,
        effort=record.effort,
    )


@dataclass(frozen=True)
class SessionPoint:
    """One training day of a protocol, as the History page's chart shows it: the reps and
    the load of its lead block (the first with a load in kg or lb, else the first)."""

    day: date
    block: int
    exercise: str
    reps: int  # all the block's sets together
    sets: int
    load: float | None  # the heaviest load of those sets, in ``unit``
    unit: str | None
    hold: float
    went_up: bool  # heavier than the session before (or a harder exercise, a longer hold)


def _harder(
    before: SessionPoint, load: float | None, unit: str | None, exercise: str, hold: float
) -> bool:
    """A day harder than ``before``: heavier, the library's next exercise, a longer hold."""
    heavier = load is not None and before.load is not None and load > before.load + 1e-9
    if heavier and unit == before.unit:
        return True
    following = next_step(before.exercise)
    if following is not None and following.id == exercise:
        return True
    return exercise == before.exercise and hold > before.hold + 1e-9


def session_points(sessions: Sequence[PastSession]) -> list[SessionPoint]:
    """``sessions`` (newest first, as ``past_sessions`` gives them) as one point per day,
    oldest first."""
    by_day: dict[date, list[PastSet]] = {}
    for session in sessions:
        by_day.setdefault(session.day, []).extend(session.sets)
    loaded = {s.block for sets in by_day.values() for s in sets if Load(s.load).amount is not None}
    points: list[SessionPoint] = []
    for day in sorted(by_day):
        sets = by_day[day]
        blocks = sorted({s.block for s in sets})
        lead = min(loaded & set(blocks), default=blocks[0])
        chosen = [s for s in sets if s.block == lead]
        amounts = [(Load(s.load).amount, Load(s.load).unit) for s in chosen]
        weighed = [(a, u) for a, u in amounts if a is not None]
        load, unit = max(weighed) if weighed else (None, None)
        hold = max(s.hold_s for s in chosen)
        before = points[-1] if points else None
        went_up = (
            before is not None
            and before.block == lead
            and _harder(before, load, unit, chosen[0].exercise, hold)
        )
        points.append(
            SessionPoint(
                day=day,
                block=lead,
                exercise=chosen[0].exercise,
                reps=sum(s.reps_done for s in chosen),
                sets=len(chosen),
                load=load,
                unit=unit,
                hold=hold,
                went_up=went_up,
            )
        )
    return points
