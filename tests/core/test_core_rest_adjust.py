"""A rest made longer or shorter (+15 s / -15 s): the session's timeline moves by exactly
the change from that moment on, and nothing before it changes."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from core_strategies import protocols, tiny_protocol
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from glute_timer.core.clock import FakeClock
from glute_timer.core.display import display_of
from glute_timer.core.plan import Plan, Step, build_plan
from glute_timer.core.protocol import Protocol
from glute_timer.core.session import (
    REST_PHASES,
    CueDue,
    Event,
    RestAdjusted,
    Session,
    SetCompleted,
    State,
    StepStarted,
    WorkoutFinished,
)

START = 1000.0
TOLERANCE = 1e-9  # ``origin + delta + at`` against ``(origin + at) + delta``: one rounding


class Rig:
    def __init__(self, protocol: Protocol) -> None:
        self.plan: Plan = build_plan(protocol)
        self.clock = FakeClock(START)
        # Ticks only at deadlines: a long rest is no sign that the machine slept.
        self.session = Session(
            self.plan, self.clock, wall_clock=self.clock.wall, suspend_after=None
        )
        self.events: list[Event] = []
        self.session.subscribe(self.events.append)

    def of(self, kind: type[Any], since: int = 0) -> list[Any]:
        return [e for e in self.events[since:] if isinstance(e, kind)]

    def until(self, moment: float) -> None:
        """Tick at every deadline before ``moment`` (a clock reading), then at it."""
        while self.session.state is State.RUNNING:
            deadline = self.session.next_deadline()
            if deadline is None or deadline > moment:
                break
            self.clock.set(max(deadline, self.clock()))
            self.session.tick()
        self.clock.set(max(moment, self.clock()))
        self.session.tick()

    def run_out(self) -> None:
        for _ in range(200_000):
            if self.session.state is not State.RUNNING:
                return
            deadline = self.session.next_deadline()
            assert deadline is not None
            self.clock.set(max(deadline, self.clock()))
            self.session.tick()
        raise AssertionError("the workout did not end")


def rest_step(plan: Plan, number: int = 0) -> Step:
    return [s for s in plan.steps if s.phase in REST_PHASES and s.duration > 0][number]


# ---------------------------------------------------------------- examples


def test_plus_15_makes_the_rest_15_seconds_longer() -> None:
    rig = Rig(tiny_protocol(rest=20))
    rest = rest_step(rig.plan)
    rig.session.start()
    rig.until(START + rest.start + 5)
    assert rig.session.adjust_rest(15)
    view = rig.session.view()
    assert view.step is rest
    assert view.step_remaining == pytest.approx(30)
    assert view.step_elapsed == pytest.approx(5)
    assert view.step_duration == pytest.approx(35)
    assert view.extra == 15 and view.total == rig.plan.total + 15
    assert view.remaining == pytest.approx(rig.plan.total - rest.start - 5 + 15)
    (adjusted,) = rig.of(RestAdjusted)
    assert (adjusted.delta, adjusted.requested) == (15, 15)
    assert adjusted.at == START + rest.start + 5
    assert adjusted.step_due == START + rest.start + 15
    assert rig.session.next_deadline() is not None
    rig.run_out()
    assert rig.of(WorkoutFinished)[0].at == pytest.approx(START + rig.plan.total + 15)
    after = rig.of(StepStarted)[-1]
    assert after.due == pytest.approx(START + rig.plan.total + 15)


def test_a_lengthening_hears_the_countdown_again() -> None:
    rig = Rig(tiny_protocol(rest=20))
    rest = rest_step(rig.plan)
    rig.session.start()
    rig.until(START + rest.end - 1.5)  # "3" and "2" said
    since = len(rig.events)
    assert rig.session.adjust_rest(15)
    rig.until(START + rest.end + 15 - 0.5)
    texts = [e.cue.text for e in rig.of(CueDue, since)]
    assert texts == ["10 seconds", "3", "2", "1"]
    dues = [e.due - START - 15 for e in rig.of(CueDue, since)]
    assert dues == pytest.approx([rest.end - 10, rest.end - 3, rest.end - 2, rest.end - 1])


def test_minus_15_with_5_seconds_left_ends_the_rest_now() -> None:
    rig = Rig(tiny_protocol(rest=20))
    rest = rest_step(rig.plan)
    rig.session.start()
    rig.until(START + rest.end - 5)
    since = len(rig.events)
    assert rig.session.adjust_rest(-15)
    (adjusted,) = rig.of(RestAdjusted, since)
    assert adjusted.delta == pytest.approx(-5) and adjusted.requested == -15
    started = rig.of(StepStarted, since)
    assert [s.step.index for s in started] == [rest.index + 1]
    assert started[0].due == pytest.approx(rig.clock())
    # The 3-2-1 of the seconds taken away is passed over, as a skip passes it over.
    texts = [e.cue.text for e in rig.of(CueDue, since)]
    assert "3" not in texts and texts[-1] == "1, Lift"
    assert not rig.session.can_adjust_rest()


def test_adjusting_while_paused_keeps_the_rest_paused() -> None:
    rig = Rig(tiny_protocol(rest=20))
    rest = rest_step(rig.plan)
    rig.session.start()
    rig.until(START + rest.start + 2)
    assert rig.session.pause()
    rig.clock.advance(30)
    assert rig.session.adjust_rest(-15)
    assert rig.session.state is State.PAUSED
    assert rig.session.view().step_remaining == pytest.approx(3)
    rig.clock.advance(10)
    assert rig.session.resume()
    assert rig.session.next_deadline() == pytest.approx(rig.clock() + 1)  # "3" came: "2"
    rig.run_out()
    assert rig.of(WorkoutFinished)[0].at == pytest.approx(START + rig.plan.total + 40 - 15)


def test_refused_outside_a_rest() -> None:
    rig = Rig(tiny_protocol(rest=20))
    assert not rig.session.adjust_rest(15)  # idle
    rig.session.start()
    assert not rig.session.can_adjust_rest()  # the lead-in is not a rest
    assert not rig.session.adjust_rest(15)
    rig.until(START + rest_step(rig.plan).start - 0.5)  # in the set
    assert not rig.session.adjust_rest(-15)
    rig.until(START + rest_step(rig.plan).start + 1)
    assert rig.session.can_adjust_rest()
    assert display_of(rig.session).can_adjust_rest
    assert not rig.session.adjust_rest(0)
    assert not rig.session.adjust_rest(math.nan)
    assert not rig.session.adjust_rest(math.inf)
    rig.session.stop()
    assert not rig.session.adjust_rest(15)
    assert not rig.of(RestAdjusted)


def test_a_switch_between_sides_can_be_adjusted_too() -> None:
    rig = Rig(tiny_protocol(per_side=True, switch=8, sets=1))
    switch = next(s for s in rig.plan.steps if s.phase == "switch")
    rig.session.start()
    rig.until(START + switch.start + 1)
    assert rig.session.adjust_rest(15)
    assert rig.session.view().step_remaining == pytest.approx(22)


def test_the_display_and_its_json_show_the_longer_rest() -> None:
    rig = Rig(tiny_protocol(rest=20))
    rest = rest_step(rig.plan)
    rig.session.start()
    rig.until(START + rest.start + 4)
    rig.session.adjust_rest(15)
    data = display_of(rig.session).to_json()
    assert data["remaining_s"] == pytest.approx(31)
    assert data["step_duration_s"] == pytest.approx(35)
    assert data["countdown"] == "31"
    assert data["can_adjust_rest"] is True
    assert data["total_s"] == pytest.approx(rig.plan.total + 15)


# ---------------------------------------------------------------- properties


@st.composite
def adjusted_runs(draw: st.DrawFn) -> tuple[Protocol, int, float, float]:
    protocol = draw(protocols(small=True, max_blocks=2))
    plan = build_plan(protocol)
    rests = [s for s in plan.steps if s.phase in REST_PHASES and s.duration > 0]
    assume(rests)
    number = draw(st.integers(0, len(rests) - 1))
    where = draw(st.floats(0, 0.999, allow_nan=False))
    delta = draw(
        st.one_of(
            st.sampled_from([15.0, -15.0]),
            st.floats(-60, 60, allow_nan=False).filter(lambda x: abs(x) > 1e-3),
        )
    )
    return protocol, number, where, delta


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(adjusted_runs())
def test_deadlines_after_an_adjustment_move_by_exactly_its_change(
    run: tuple[Protocol, int, float, float],
) -> None:
    protocol, number, where, asked = run
    reference, rig = Rig(protocol), Rig(protocol)
    rest = rest_step(rig.plan, number)
    moment = START + rest.start + where * rest.duration
    for each in (reference, rig):
        each.session.start()
        each.until(moment)
    before = len(rig.events)
    assert rig.events == reference.events
    offset = rig.session.view().offset
    future = [cue for cue in rig.plan.cues if cue.at > offset]
    deadlines = [rig.session.deadline_of(cue.at) for cue in future]

    assert rig.session.adjust_rest(asked)
    (adjusted,) = rig.of(RestAdjusted, before)
    delta = adjusted.delta
    assert delta == (asked if asked > offset - rest.end else pytest.approx(offset - rest.end))
    for cue, deadline in zip(future, deadlines, strict=True):
        assert math.isclose(rig.session.deadline_of(cue.at), deadline + delta, abs_tol=TOLERANCE)

    reference.run_out()
    rig.run_out()
    # Nothing before the adjustment changed.
    assert rig.events[:before] == reference.events[:before]
    # Every cue from the new position on (within the rest and after it) comes, once, at
    # its old deadline moved by exactly the change.
    position = max(offset - delta, rest.start)
    expected = [
        cue for cue in rig.plan.cues if cue.at >= position - 1e-9 and cue.step >= rest.index
    ]
    heard = rig.of(CueDue, before)
    assert [e.cue for e in heard] == expected
    for event in heard:
        assert math.isclose(event.due, START + event.cue.at + delta, abs_tol=TOLERANCE)
    later_steps = rig.of(StepStarted, before)
    assert [e.step.index for e in later_steps] == list(range(rest.index + 1, len(rig.plan.steps)))
    for event in later_steps:
        assert math.isclose(event.due, START + event.step.start + delta, abs_tol=TOLERANCE)
    (finished,) = rig.of(WorkoutFinished)
    assert math.isclose(finished.at, START + rig.plan.total + delta, abs_tol=TOLERANCE)
    # The sets after it are the same sets, each moved by the change.
    ref_sets = [e.record for e in reference.of(SetCompleted)]
    sets = [e.record for e in rig.of(SetCompleted)]
    assert len(sets) == len(ref_sets)
    for mine, theirs in zip(sets, ref_sets, strict=True):
        shift = delta if theirs.started_at > moment else 0.0
        assert math.isclose(mine.started_at, theirs.started_at + shift, abs_tol=TOLERANCE)
        assert math.isclose(mine.ended_at, theirs.ended_at + shift, abs_tol=TOLERANCE)
        assert mine.reps_done == theirs.reps_done


COMMANDS = (
    "tick",
    "tick",
    "pause",
    "resume",
    "skip",
    "back",
    "finish_set",
    "plus",
    "plus",
    "minus",
    "minus",
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    protocols(small=True, max_blocks=2),
    st.lists(
        st.tuples(
            st.one_of(st.floats(0, 3, allow_nan=False), st.sampled_from([0.0, 1.0, 20.0])),
            st.sampled_from(COMMANDS),
        ),
        max_size=60,
    ),
)
def test_random_commands_with_rest_changes_keep_the_invariants(
    protocol: Protocol, commands: list[tuple[float, str]]
) -> None:
    rig = Rig(protocol)
    rig.session.start()
    seen = 0

    def check(acted: bool) -> None:
        nonlocal seen
        view = rig.session.view()
        assert view.step_remaining >= 0
        assert view.step_elapsed >= 0
        assert view.step_elapsed <= view.step_duration + 1e-9
        assert view.elapsed >= -1e-9
        assert view.remaining <= view.total + 1e-9
        if acted and rig.session.state is State.RUNNING:
            # whatever was due by now has happened
            deadline = rig.session.next_deadline()
            assert deadline is not None and deadline > rig.clock()
        for event in rig.events[seen:]:
            if isinstance(event, CueDue | StepStarted):
                assert event.due <= rig.clock() + 1e-9  # never early
            if isinstance(event, RestAdjusted):
                assert event.step.phase in REST_PHASES
                assert event.delta == event.requested or event.delta > event.requested
        seen = len(rig.events)
        dues = [e.due for e in rig.of(CueDue)]
        assert all(b >= a - 1e-9 for a, b in itertools.pairwise(dues))

    for gap, command in commands:
        rig.clock.advance(gap)
        if command == "tick":
            rig.session.tick()
            acted = True
        elif command == "plus":
            acted = rig.session.adjust_rest(15)
        elif command == "minus":
            acted = rig.session.adjust_rest(-15)
        else:
            acted = getattr(rig.session, command)()
        check(acted)
    rig.session.resume()
    rig.run_out()
    check(False)
    assert len(rig.of(WorkoutFinished)) == 1
