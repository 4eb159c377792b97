"""The figure's pose: continuous, monotonic within a phase, straight at the top, down
outside reps, the right leg raised, believable joints, and a figure for every exercise."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glute_timer.core.exercises import exercise_library
from glute_timer.core.geometry import Point, distance
from glute_timer.core.library import load_presets
from glute_timer.core.plan import PHASES, Plan, build_plan
from glute_timer.core.pose import (
    BAND_ABOVE_KNEE,
    BENCH_HEIGHT,
    FIGURES,
    FOOT_WIDTH,
    HEAD_RADIUS,
    NEAR_LEG,
    PAD_RADIUS,
    PELVIS_RADIUS,
    REP_PHASES,
    SCENE,
    SHIN,
    SIDES,
    THIGH,
    TORSO,
    TORSO_WIDTH,
    Moment,
    Pose,
    figure_id,
    lift_at,
    moving,
    pose,
    pose_at,
    preview_moment,
    preview_period,
    preview_still_until,
    side_label,
    smoothstep,
    step_moment,
)
from glute_timer.core.protocol import Tempo

EXERCISES = tuple(exercise_library())
exercises = st.sampled_from(EXERCISES)
fractions = st.floats(0.0, 1.0)
sides = st.sampled_from((None, "left", "right"))
phases = st.sampled_from(PHASES)
OUTSIDE_REPS = tuple(p for p in PHASES if p not in REP_PHASES)


def gap(a: Pose, b: Pose) -> float:
    """The largest distance any point moved between two poses."""
    return max(distance(p, q) for p, q in zip(a.points(), b.points(), strict=True))


def same(a: Pose, b: Pose, tolerance: float = 1e-9) -> bool:
    return gap(a, b) <= tolerance and a.raised == b.raised


def single(exercise: str) -> bool:
    return FIGURES[figure_id(exercise)].legs == "single"


def kick(exercise: str) -> bool:
    return FIGURES[figure_id(exercise)].legs == "kick"


def other(side: str) -> str:
    return "right" if side == "left" else "left"


# ------------------------------------------------------------------ which figure


def test_every_exercise_of_the_library_has_its_own_figure() -> None:
    assert len(EXERCISES) == 7
    assert set(EXERCISES) <= set(FIGURES)
    for exercise_id, exercise in exercise_library().items():
        assert figure_id(exercise_id) == exercise_id
        assert figure_id(exercise.name) == exercise_id  # typed as free text
        figure = FIGURES[exercise_id]
        assert figure.bar == exercise.loaded
        assert (figure.legs != "both") == exercise.unilateral
        assert (figure.support == "bench") == ("bench" in exercise.equipment)
        assert figure.band == ("mini band" in exercise.equipment)
        assert pose(exercise_id, "hold", 0.5).exercise == exercise_id


@given(st.text(max_size=30))
def test_free_text_shows_a_glute_bridge(text: str) -> None:
    if figure_id(text) == text or any(
        e.name.casefold() == text.strip().casefold() for e in exercise_library().values()
    ):
        return  # a library id or name
    assert figure_id(text) == "glute-bridge"
    assert same(pose(text, "lift", 0.4), pose("glute-bridge", "lift", 0.4))


# ------------------------------------------------------------------ continuity


@given(exercises, sides, fractions)
def test_continuous_across_the_phases_of_a_rep(exercise: str, side: str | None, f: float) -> None:
    top = pose(exercise, "lift", 1.0, side)
    bottom = pose(exercise, "lift", 0.0, side)
    assert same(top, pose(exercise, "hold", 0.0, side))
    assert same(pose(exercise, "hold", 1.0, side), pose(exercise, "lower", 0.0, side))
    assert same(pose(exercise, "lower", 1.0, side), bottom)
    assert same(pose(exercise, "pause", f, side), bottom)
    if not kick(exercise):
        assert same(pose(exercise, "hold", f, side), top)


@given(exercises, sides, st.floats(0.1, 600.0) | st.none())
def test_continuous_into_and_out_of_a_set(
    exercise: str, side: str | None, duration: float | None
) -> None:
    start = pose(exercise, "lift", 0.0, side)
    for phase in ("lead-in", "switch", "rest"):
        assert same(pose(exercise, phase, 1.0, side, duration=duration), start), phase
    if side is not None and single(exercise):
        # A switch starts where the other side's set ended: its free leg still up.
        end_of_other = pose(exercise, "lower", 1.0, other(side))
        assert same(pose(exercise, "switch", 0.0, side, duration=duration), end_of_other)


@settings(max_examples=300)
@given(exercises, sides, phases, fractions, st.floats(1e-4, 0.02))
def test_continuous_within_a_phase(
    exercise: str, side: str | None, phase: str, f: float, step: float
) -> None:
    """No jumps: a point moves at most a few scene units per whole phase."""
    g = min(1.0, f + step)
    assert gap(pose(exercise, phase, f, side), pose(exercise, phase, g, side)) <= 6.0 * (g - f)


def test_smoothstep_is_monotonic_with_zero_speed_at_the_ends() -> None:
    values = [smoothstep(i / 1000) for i in range(1001)]
    assert values[0] == 0.0 and values[-1] == 1.0
    assert all(b >= a for a, b in itertools.pairwise(values))
    assert smoothstep(0.001) < 1e-5 and 1 - smoothstep(0.999) < 1e-5
    assert smoothstep(-1) == 0.0 and smoothstep(2) == 1.0 and smoothstep(math.nan) == 0.0


# ------------------------------------------------------------------ monotonic


@given(exercises, sides, fractions, fractions)
def test_hips_rise_through_the_lift_and_fall_through_the_lower(
    exercise: str, side: str | None, a: float, b: float
) -> None:
    a, b = min(a, b), max(a, b)
    up_a, up_b = pose(exercise, "lift", a, side), pose(exercise, "lift", b, side)
    assert up_a.hip.y <= up_b.hip.y + 1e-12
    assert up_a.torso_angle <= up_b.torso_angle + 1e-9
    assert up_a.lift <= up_b.lift
    down_a, down_b = pose(exercise, "lower", a, side), pose(exercise, "lower", b, side)
    assert down_a.hip.y >= down_b.hip.y - 1e-12
    assert down_a.torso_angle >= down_b.torso_angle - 1e-9


@given(exercises, sides, phases, fractions, fractions, st.floats(0.1, 600.0) | st.none())
def test_each_leg_moves_one_way_within_a_phase(
    exercise: str, side: str | None, phase: str, a: float, b: float, duration: float | None
) -> None:
    """Each leg only rises or only comes down during a phase; the kick goes out through
    the first half of the hold and back through the second."""
    a, b = min(a, b), max(a, b)
    if kick(exercise) and phase == "hold":
        halves = [(min(a, 0.5), min(b, 0.5), +1), (max(a, 0.5), max(b, 0.5), -1)]
    else:
        halves = [(a, b, 0)]
    for low, high, direction in halves:
        first = pose(exercise, phase, low, side, duration=duration)
        second = pose(exercise, phase, high, side, duration=duration)
        for leg in SIDES:
            change = second.raised[leg] - first.raised[leg]
            if direction:
                assert change * direction >= -1e-12
            # Either direction, but the same over the whole phase: compare with the ends.
            whole = (
                pose(exercise, phase, 1.0, side, duration=duration).raised[leg]
                - pose(exercise, phase, 0.0, side, duration=duration).raised[leg]
            )
            if not direction and whole != 0:
                assert change * whole >= -1e-12


# ------------------------------------------------------------------ top and bottom


@given(exercises, sides, fractions)
def test_top_pose_for_the_whole_hold(exercise: str, side: str | None, f: float) -> None:
    p = pose(exercise, "hold", f, side)
    assert p.lift == 1.0
    # Knees, hips and shoulders in one straight line, as the instructions say.
    assert p.line_error() < 0.5
    top = pose(exercise, "lift", 1.0, side)
    assert p.hip == top.hip and p.shoulder == top.shoulder and p.planted == top.planted
    figure = FIGURES[figure_id(exercise)]
    if figure.support == "bench":
        assert abs(p.torso_angle) < 0.5  # torso parallel to the floor
        shin = math.degrees(
            math.atan2(p.near.knee.y - p.near.ankle.y, p.near.knee.x - p.near.ankle.x)
        )
        assert abs(shin - 90) < 10  # shins roughly vertical
    else:
        assert 15 < p.torso_angle < 35
    if figure.legs == "single":
        raised = p.legs[p.moving_leg or ""]
        assert p.knee_angle(p.moving_leg or "") > 179.5  # straight
        assert abs(180 - p.hip_angle(p.moving_leg or "")) < 0.5  # in line with the thigh
        assert raised.toe.y > raised.ankle.y  # foot flexed, toes up


@given(exercises, sides, st.sampled_from(OUTSIDE_REPS), fractions)
def test_bottom_pose_outside_reps(exercise: str, side: str | None, phase: str, f: float) -> None:
    p = pose(exercise, phase, f, side)
    bottom = pose(exercise, "lift", 0.0, side)
    assert p.lift == 0.0
    assert p.hip == bottom.hip and p.shoulder == bottom.shoulder
    assert p.hip.y == pytest.approx(FIGURES[figure_id(exercise)].bottom_hip, abs=1e-6)
    if phase == "done" or not single(exercise):
        assert p.raised == {"left": 0.0, "right": 0.0}


def test_the_top_is_reached_exactly_when_the_hold_starts() -> None:
    assert lift_at("lift", 1.0) == 1.0 and lift_at("hold", 0.0) == 1.0
    assert lift_at("lift", 0.999) < 1.0
    assert lift_at("lower", 0.0) == 1.0 and lift_at("lower", 1.0) == 0.0
    assert lift_at("no-such-phase", 0.5) == 0.0


# ------------------------------------------------------------------ sides


@given(sides, st.sampled_from(REP_PHASES), fractions)
def test_single_leg_bridge_raises_the_other_leg(side: str | None, phase: str, f: float) -> None:
    p = pose("single-leg-glute-bridge", phase, f, side)
    raised = other(side) if side else NEAR_LEG  # the working leg stays on the floor
    assert p.moving_leg == raised and p.working_side == side
    assert p.raised == {raised: 1.0, other(raised): 0.0}
    assert p.legs[other(raised)].heel.y == FOOT_WIDTH / 2  # planted
    assert p.legs[raised].ankle.y > 0.2
    if side:
        assert p.label == f"{side.capitalize()} side · {raised} leg up"
    else:
        assert p.label is None


@given(sides, fractions)
def test_bridge_kick_kicks_the_working_leg_during_the_hold(side: str | None, f: float) -> None:
    kicker = side or NEAR_LEG
    assert pose("banded-bridge-kick", "hold", 0.5, side).raised[kicker] == 1.0
    p = pose("banded-bridge-kick", "hold", f, side)
    assert p.raised[other(kicker)] == 0.0
    for phase in ("lift", "lower", "pause", "rest"):
        assert pose("banded-bridge-kick", phase, f, side).raised == {"left": 0.0, "right": 0.0}
    straight = pose("banded-bridge-kick", "hold", 0.5, side)
    assert straight.knee_angle(kicker) > 179.5
    assert abs(180 - straight.hip_angle(kicker)) < 0.5
    if side:
        assert (
            side_label("banded-bridge-kick", side) == f"{side.capitalize()} side · {side} leg kicks"
        )


def test_single_leg_figure_lifts_its_leg_in_the_last_second_before_a_set() -> None:
    exercise = "single-leg-glute-bridge"
    lead = Moment("lead-in", 0.5, 5.0)  # 2.5 s left: both feet down
    assert pose_at(exercise, lead, "left").raised == {"left": 0.0, "right": 0.0}
    late = pose_at(exercise, Moment("lead-in", 0.9, 5.0), "left")  # 0.5 s left
    assert 0.0 < late.raised["right"] < 1.0
    switch = pose_at(exercise, Moment("switch", 0.1, 5.0), "right")  # the left set's leg
    assert 0.0 < switch.raised["right"] < 1.0 and switch.raised["left"] == 0.0
    middle = pose_at(exercise, Moment("switch", 0.5, 5.0), "right")
    assert middle.raised == {"left": 0.0, "right": 0.0}
    for side in (None, "left", "right"):
        assert side_label("glute-bridge", side) is None
    assert side_label("single-leg-glute-bridge", None) is None


# ------------------------------------------------------------------ believable bodies


@settings(max_examples=300)
@given(exercises, sides, phases, fractions)
def test_believable_joints_inside_the_scene(
    exercise: str, side: str | None, phase: str, f: float
) -> None:
    p = pose(exercise, phase, f, side)
    assert distance(p.shoulder, p.hip) == pytest.approx(TORSO)
    for leg_side in SIDES:
        leg = p.legs[leg_side]
        assert distance(leg.hip, leg.knee) == pytest.approx(THIGH)
        assert distance(leg.knee, leg.ankle) == pytest.approx(SHIN)
        assert 45.0 < p.knee_angle(leg_side) <= 180.0 + 1e-9
        assert leg.knee.y > leg.hip.y - 1e-9  # knees up, never bent backwards
        assert min(leg.heel.y, leg.toe.y) >= FOOT_WIDTH / 2 - 1e-9
    bottom = pose(exercise, "lift", 0.0, side).planted
    for leg_side in SIDES:
        leg = p.legs[leg_side]
        if p.raised[leg_side] == 0.0:  # a foot on the floor stays where it is
            assert (leg.ankle, leg.heel, leg.toe) == (bottom.ankle, bottom.heel, bottom.toe)
    # Nothing goes through the floor.
    assert p.hip.y >= PELVIS_RADIUS - 1e-9
    assert p.shoulder.y >= TORSO_WIDTH / 2 - 1e-9
    assert p.head.y >= HEAD_RADIUS - 1e-9
    margin = 0.01
    for point in (*p.points(), p.head):
        assert SCENE.left + margin + 0.05 <= point.x <= SCENE.right - margin - 0.02, point
        assert SCENE.bottom <= point.y <= SCENE.top - margin - 0.03, point
    assert SCENE.left + margin <= p.head.x - HEAD_RADIUS
    if p.bar is not None:
        plate = p.bar.plate_radius
        assert p.bar.center.y - plate > 0.005  # the plates stay off the floor
        assert p.bar.center.y + plate < SCENE.top - margin


@given(st.sampled_from([e for e in EXERCISES if FIGURES[e].support == "bench"]), fractions)
def test_hip_thrust_shoulder_blades_stay_on_the_bench_edge(exercise: str, f: float) -> None:
    p = pose(exercise, "lift", f)
    assert p.bench is not None
    edge = p.bench.edge
    assert edge.y == BENCH_HEIGHT
    # The edge touches the back: half a torso's thickness behind its middle line, a
    # little below the shoulder joint.
    u = ((p.hip.x - p.shoulder.x) / TORSO, (p.hip.y - p.shoulder.y) / TORSO)
    along = (edge.x - p.shoulder.x) * u[0] + (edge.y - p.shoulder.y) * u[1]
    across = (edge.x - p.shoulder.x) * -u[1] + (edge.y - p.shoulder.y) * u[0]
    assert 0.02 < along < 0.1
    assert across == pytest.approx(-TORSO_WIDTH / 2)
    # At the bottom the hips are low, below the bench; at the top level with it.
    assert pose(exercise, "lift", 0.0).hip.y < BENCH_HEIGHT / 2
    assert pose(exercise, "hold", 0.0).shoulder.y == pytest.approx(BENCH_HEIGHT + TORSO_WIDTH / 2)


@given(st.sampled_from([e for e in EXERCISES if FIGURES[e].bar]), phases, fractions)
def test_the_bar_rests_across_the_hips(exercise: str, phase: str, f: float) -> None:
    p = pose(exercise, phase, f)
    assert p.bar is not None and p.bar.plate_radius > 0.08
    assert distance(p.bar.center, p.hip) == pytest.approx(PELVIS_RADIUS + PAD_RADIUS - 0.01)
    assert p.bar.center.y > p.hip.y  # on top, in the crease
    # Both hands on the bar.
    assert distance(p.arm.hand, p.bar.center) < PAD_RADIUS


def test_barbell_plates_nearly_touch_the_floor_at_the_bottom() -> None:
    for exercise in ("barbell-hip-thrust", "weighted-glute-bridge"):
        bar = pose(exercise, "pause", 0.0).bar
        assert bar is not None
        assert 0.005 < bar.center.y - bar.plate_radius < 0.05


@given(phases, fractions, sides)
def test_the_band_sits_just_above_the_knees(phase: str, f: float, side: str | None) -> None:
    p = pose("banded-bridge-kick", phase, f, side)
    assert p.band is not None
    centre = Point((p.band[0].x + p.band[1].x) / 2, (p.band[0].y + p.band[1].y) / 2)
    knee = p.planted.knee
    assert distance(centre, knee) == pytest.approx(BAND_ABOVE_KNEE)
    assert distance(centre, p.hip) < distance(knee, p.hip)
    assert pose("glute-bridge", phase, f).band is None


@given(exercises, phases, fractions, fractions)
def test_still_phases_do_not_move(exercise: str, phase: str, a: float, b: float) -> None:
    if not moving(exercise, phase):
        assert same(pose(exercise, phase, a), pose(exercise, phase, b))


# ------------------------------------------------------------------ moments


PRESET_PLANS = [build_plan(e.protocol) for e in load_presets() if e.protocol is not None]


def shown(plan: Plan, index: int) -> tuple[str, str | None]:
    """The exercise and side a display shows during a step: its set's, or for a
    lead-in, a switch or a rest the set after it (a switch carries its side)."""
    step = plan.steps[index]
    following = [s for s in plan.steps[index:] if s.span is not None]
    span_index = step.span if step.span is not None else (following[0].span if following else None)
    if span_index is None:
        span_index = plan.steps[index - 1].span  # done: the last set's exercise
    assert span_index is not None
    span = plan.sets[span_index]
    return span.exercise, step.side if step.phase == "switch" else span.side


@pytest.mark.parametrize("plan", PRESET_PLANS, ids=[p.name for p in PRESET_PLANS])
def test_a_whole_workout_moves_without_jumps(plan: Plan) -> None:
    steps = plan.steps
    checked = 0
    for index, step in enumerate(steps[:-1]):
        nxt = steps[index + 1]
        assert step_moment(step, step.duration) == Moment(step.phase, 1.0, step.duration)
        assert step_moment(step, step.duration + 5).fraction == 1.0
        assert step_moment(step, -1.0).fraction == 0.0
        exercise, side = shown(plan, index)
        next_exercise, next_side = shown(plan, index + 1)
        if exercise != next_exercise:
            continue  # a rest before another exercise shows that one
        end = pose_at(exercise, step_moment(step, step.duration), side)
        start = pose_at(next_exercise, step_moment(nxt, 0.0), next_side)
        if nxt.phase in ("rest", "done") and single(exercise):
            # After a single-leg set the free leg comes down as the rest starts.
            assert end.hip == start.hip
            continue
        assert same(end, start, 1e-9), (step, nxt)
        checked += 1
    assert checked >= len(steps) // 2
    done = steps[-1]
    assert step_moment(done, 0.0) == Moment("done", 1.0, 0.0)


def test_preview_loops_one_rep_at_the_tempo() -> None:
    tempo = Tempo(lift=1.0, hold=3.0, lower=2.0, pause=0.5)
    assert preview_period(tempo) == 6.5
    assert preview_moment(tempo, 0.0) == Moment("lift", 0.0, 1.0)
    assert preview_moment(tempo, 0.5) == Moment("lift", 0.5, 1.0)
    assert preview_moment(tempo, 1.0) == Moment("hold", 0.0, 3.0)
    assert preview_moment(tempo, 5.0) == Moment("lower", 0.5, 2.0)
    assert preview_moment(tempo, 6.25) == Moment("pause", 0.5, 0.5)
    assert preview_moment(tempo, 6.5 + 0.5) == Moment("lift", 0.5, 1.0)
    # A phase of no length is skipped; a tempo of no length shows the bottom.
    assert preview_moment(Tempo(1.0, 0.0, 1.0, 0.0), 1.25) == Moment("lower", 0.25, 1.0)
    assert preview_moment(Tempo(0.0, 0.0, 0.0, 0.0), 3.0).phase == "pause"
    assert preview_moment(tempo, math.inf).phase == "pause"
    # Still phases let a display sleep until they end.
    assert preview_still_until("glute-bridge", tempo, 2.0) == pytest.approx(2.0)
    assert preview_still_until("glute-bridge", tempo, 0.5) == 0.0
    assert preview_still_until("banded-bridge-kick", tempo, 2.0) == 0.0
    assert preview_still_until("glute-bridge", tempo, 6.0) == pytest.approx(0.5)


@given(
    exercises,
    st.builds(
        Tempo,
        st.floats(0.5, 5.0),
        st.just(0.0) | st.floats(0.5, 30.0),
        st.floats(0.5, 5.0),
        st.just(0.0) | st.floats(0.5, 3.0),
    ),
    st.floats(0.0, 1000.0),
)
def test_preview_is_periodic_and_smooth(exercise: str, tempo: Tempo, t: float) -> None:
    period = preview_period(tempo)
    here = pose_at(exercise, preview_moment(tempo, t))
    assert gap(here, pose_at(exercise, preview_moment(tempo, t + period))) < 1e-6
    # No jumps: the fastest phase lasts 0.5 s, so 10 ms moves a point a little only.
    later = pose_at(exercise, preview_moment(tempo, t + 0.01))
    assert gap(here, later) < 0.1
