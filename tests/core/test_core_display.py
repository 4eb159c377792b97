"""What a moment shows: the hero of the big digits, and the figures beside it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glute_timer.core.clock import FakeClock
from glute_timer.core.display import HERO_SECONDS_FROM, Display, display_of, rep_text
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import protocol_from_dict
from glute_timer.core.session import Session

START = 100.0


def session_of(hold: float, *, reps: int = 3, rest: float = 30, lead_in: float = 5) -> Session:
    protocol = protocol_from_dict(
        {
            "format": 1,
            "name": "Hero",
            "lead_in": lead_in,
            "block": [
                {
                    "exercise": "glute-bridge",
                    "sets": 2,
                    "reps": reps,
                    "tempo": {"lift": 1, "hold": hold, "lower": 2},
                    "rest": rest,
                }
            ],
        },
        "hero.toml",
    )
    clock = FakeClock(START)
    # Jumps of the clock here are a test's, not a sleeping laptop's.
    session = Session(build_plan(protocol), clock, wall_clock=clock.wall, suspend_after=None)
    session.start(0)
    return session


def shown_at(session: Session, offset: float) -> Display:
    """The display ``offset`` seconds into the workout, the session ticked up to it."""
    now = START + offset
    session.tick(now)
    return display_of(session, now)


def at_phase(session: Session, phase: str, rep: int = 1, set_no: int = 1) -> Display:
    for step in session.plan.steps:
        if step.phase == phase and step.set == set_no and step.rep in (None, rep):
            return shown_at(session, step.start + step.duration / 2)
    raise AssertionError(phase)


def test_the_rep_count_is_the_hero_while_lifting_and_lowering() -> None:
    session = session_of(hold=3)
    for phase in ("lift", "lower"):
        shown = at_phase(session, phase, rep=2)
        assert shown.hero_is_rep
        assert shown.hero == rep_text(2, 3) == "2\u2009/\u20093"


def test_a_hold_that_matters_shows_its_seconds_and_a_short_one_the_rep() -> None:
    long_hold = at_phase(session_of(hold=3), "hold", rep=1)
    assert not long_hold.hero_is_rep
    assert long_hold.hero == long_hold.countdown == "2"  # 1.5 s left of 3, rounded up
    short_hold = at_phase(session_of(hold=1), "hold", rep=1)
    assert short_hold.hero_is_rep
    assert short_hold.hero == rep_text(1, 3)
    edge = at_phase(session_of(hold=HERO_SECONDS_FROM), "hold")
    assert not edge.hero_is_rep


@pytest.mark.parametrize("phase", ["lead-in", "rest"])
def test_lead_in_and_rests_show_their_seconds(phase: str) -> None:
    shown = at_phase(session_of(hold=3), phase)
    assert not shown.hero_is_rep
    assert shown.hero == shown.countdown
    assert shown.hero.isdigit()


@settings(max_examples=60, deadline=None)
@given(
    hold=st.sampled_from([0, 0.5, 1, 1.5, 2, 3, 10]),
    offset=st.floats(min_value=0, max_value=200),
)
def test_the_hero_is_always_the_rep_in_a_set_or_the_countdown(hold: float, offset: float) -> None:
    session = session_of(hold=hold)
    shown = shown_at(session, offset)
    if shown.hero_is_rep:
        assert shown.in_set
        assert shown.hero == rep_text(shown.rep, shown.reps_target)
        assert not (shown.phase == "hold" and hold >= HERO_SECONDS_FROM)
    else:
        assert shown.hero == shown.countdown
