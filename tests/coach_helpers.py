"""Histories made by running real sessions on a fake clock, for the coach's tests.

``perform`` runs a protocol's plan through ``Session`` as a user would: each set to the
reps asked for (finishing a set early once the range's minimum is done, skipping the rest
of a set below the minimum, as the session allows), stopping the workout after some sets,
rating sets. What comes out is what the history would hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from glute_timer.core.clock import FakeClock
from glute_timer.core.plan import build_plan
from glute_timer.core.progression import PastSession, PastSet
from glute_timer.core.protocol import Protocol, parse_protocol
from glute_timer.core.session import Session, SetRecord, State

DAY0 = date(2026, 11, 2)


def protocol_text(
    load: str = "40 kg",
    *,
    exercise: str = "barbell-hip-thrust",
    sets: int = 3,
    reps: str = "10-15",
    hold: float = 1,
    per_side: bool = False,
) -> str:
    return f"""format = 1
name = "Coach test"
schedule = "every-other-day"
program_weeks = 2
lead_in = 2

[[block]]
exercise = "{exercise}"
sets = {sets}
reps = "{reps}"
tempo = {{ lift = 0.5, hold = {hold}, lower = 0.5 }}
rest = 3
per_side = {"true" if per_side else "false"}
load = "{load}"
"""


def make_protocol(load: str = "40 kg", **options: object) -> Protocol:
    return parse_protocol(protocol_text(load, **options), "coach.toml")


def perform(
    protocol: Protocol,
    reps: Sequence[int],
    *,
    stop_after: int | None = None,
    efforts: Sequence[int | None] = (),
    clock: FakeClock | None = None,
) -> tuple[SetRecord, ...]:
    """Run ``protocol``: the n-th recorded set (each side counts) to ``reps[n]`` reps (0:
    skipped before its first rep, so not recorded), the workout stopped once
    ``stop_after`` sets were done; the n-th completed set rated ``efforts[n]``."""
    clock = clock or FakeClock()
    plan = build_plan(protocol)
    session = Session(plan, clock, wall_clock=clock.wall, suspend_after=None, late_notice=None)
    session.start()
    rated = 0
    while session.state is State.RUNNING:
        done = len(session.completed_sets)
        while rated < done:
            if rated < len(efforts) and efforts[rated] is not None:
                session.rate_last_set(efforts[rated])
            rated += 1
        view = session.view()
        step = view.step
        if step.span is not None:
            if stop_after is not None and step.span >= stop_after:
                session.stop()
                break
            span = plan.sets[step.span]
            want = min(reps[step.span], span.target)
            if view.reps_done >= want and want < span.target:
                if want >= span.reps_min:
                    session.finish_set()
                else:
                    session.skip()  # the rest of the set: its reps do not count
                continue
        elif step.phase in ("lead-in", "rest", "switch"):
            session.skip()
            continue
        deadline = session.next_deadline()
        if deadline is None:
            break
        clock.set(max(clock(), deadline))
        session.tick()
    for index in range(rated, len(session.completed_sets)):
        if index < len(efforts) and efforts[index] is not None:
            session.rate_last_set(efforts[index])  # the summary's rating of the last set
    return session.completed_sets


def past_sets(records: Sequence[SetRecord]) -> tuple[PastSet, ...]:
    return tuple(
        PastSet(
            block=r.block,
            set=r.set,
            side=r.side,
            exercise=r.exercise,
            reps_done=r.reps_done,
            reps_min=r.reps_min,
            reps_max=r.reps_max,
            hold_s=r.hold_s,
            load=r.load,
            effort=r.effort,
        )
        for r in records
    )


def history(
    protocol_of: Sequence[Protocol], reps_of: Sequence[Sequence[int]], **options: object
) -> list[PastSession]:
    """Sessions two days apart, oldest first in the arguments, newest first as returned."""
    sessions = []
    for number, (protocol, reps) in enumerate(zip(protocol_of, reps_of, strict=True)):
        records = perform(protocol, reps, **options)
        sessions.append(
            PastSession(DAY0 + timedelta(days=2 * number), protocol, past_sets(records))
        )
    return sessions[::-1]
