"""The pose of a figure doing an exercise of the library, at any moment of a rep.

A side view in normalised scene units: 1.0 is the figure's standing height, x runs to
the right (the head is on the left, the feet on the right), y runs up, and the floor is
y = 0. Every exercise fits in the box ``SCENE`` so one scale serves them all. Lying on
their back with the head to the left, the figure shows us its right side: the right leg
is the near one (``NEAR_LEG``), drawn in front of the left.

A rep is one number, ``lift`` (0 at the bottom, 1 at the top): the torso turns about the
shoulders (bridges) or about the bench's edge under the shoulder blades (hip thrusts)
from its bottom angle to its top angle, the feet stay where they are and the knees
follow (two-link inverse kinematics). The feet are placed so that at the top the knee,
hip and shoulder are on one straight line, as the instructions ask. ``lift`` follows
smoothstep through the lift and back through the lower: monotonic, with no jerk at the
boundaries, and exactly 1 during the hold.

A figure's look is declared once per exercise in ``FIGURES`` (support, legs, arms,
equipment); an exercise of the library without an entry, and free text, get the glute
bridge's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal, NamedTuple

from glute_timer.core.exercises import find_exercise
from glute_timer.core.geometry import (
    Box,
    Point,
    add,
    angle_of,
    clamp,
    inner_angle,
    mul,
    norm,
    rot90,
    sub,
    unit,
    wrap,
)
from glute_timer.core.plan import Step
from glute_timer.core.protocol import Tempo

# ------------------------------------------------------------------ the body

# Lengths in standing heights (joint to joint), after the usual anthropometric tables.
HEAD_RADIUS: Final = 0.058
NECK: Final = 0.118  # shoulder joint to the centre of the head
TORSO: Final = 0.30  # shoulder joint to hip joint
THIGH: Final = 0.245
SHIN: Final = 0.25  # knee to ankle
UPPER_ARM: Final = 0.165
FOREARM: Final = 0.15
HAND: Final = 0.055
ANKLE_HEIGHT: Final = 0.045  # of a foot flat on the floor
HEEL_BACK: Final = 0.035  # the heel behind the ankle
TOE_FORWARD: Final = 0.11  # the toes in front of the ankle

# Thicknesses: what a renderer strokes each segment with, and what rests on the floor.
TORSO_WIDTH: Final = 0.10
PELVIS_RADIUS: Final = TORSO_WIDTH / 2
THIGH_WIDTH: Final = 0.074
SHIN_WIDTH: Final = 0.054
UPPER_ARM_WIDTH: Final = 0.044
FOREARM_WIDTH: Final = 0.038
FOOT_WIDTH: Final = 0.032
NECK_WIDTH: Final = 0.045

# Equipment.
BENCH_HEIGHT: Final = SHIN + ANKLE_HEIGHT - TORSO_WIDTH / 2  # shins vertical at the top
BENCH_DEPTH: Final = 0.17  # the bench's width, seen end on
BENCH_PAD: Final = 0.045  # its padded top
BLADE_BELOW_SHOULDER: Final = 0.06  # the shoulder blades' contact, along the back
PLATE_RADIUS: Final = 0.125  # a 45 cm plate; smaller when the bar comes lower
PAD_RADIUS: Final = 0.034  # the bar pad around the bar
BAR_RADIUS: Final = 0.014
BAND_ABOVE_KNEE: Final = 0.045  # the mini band, along the thigh from the knee

NEAR_LEG: Final = "right"
FAR_LEG: Final = "left"
SIDES: Final = ("left", "right")

SCENE: Final = Box(left=-0.02, bottom=-0.03, right=1.04, top=0.61)
"""Everything of every exercise, at every moment, lies inside this box (tested)."""

LEG_SETUP_SECONDS: Final = 1.0
"""How long a single-leg figure takes to raise (or put down) its free leg before (after)
a set, at the end (start) of a lead-in, a switch or a rest."""
LEG_SETUP_SHARE: Final = 0.3
"""The share of such a phase the leg takes when the phase's length is not known."""
KICK_SHARE: Final = 0.4
"""A bridge kick straightens the leg over this share of the hold and bends it back over
the same share at its end."""

REP_PHASES: Final = ("lift", "hold", "lower", "pause")
"""Phases inside a set; every other phase shows the bottom pose with both feet down."""


@dataclass(frozen=True)
class Figure:
    """How an exercise looks; the geometry follows from these. The defaults are the
    glute bridge's."""

    support: Literal["floor", "bench"] = "floor"  # what the shoulders rest on
    legs: Literal["both", "single", "kick"] = "both"  # single: one leg straight all set
    arms: Literal["floor", "bar", "bench"] = "floor"  # where the hands are
    top_angle: float = 26.3  # the torso's angle to the floor at the top, degrees
    bottom_hip: float = PELVIS_RADIUS  # the hip joint's height at the bottom (on the mat)
    bar: bool = False  # a bar on a pad across the hips
    plates: bool = False  # plates on the bar, nearly touching the floor at the bottom
    band: bool = False  # a mini band just above the knees
    mat: bool = True


FIGURES: Final[dict[str, Figure]] = {
    "glute-bridge": Figure(),
    "single-leg-glute-bridge": Figure(legs="single"),
    "banded-bridge-kick": Figure(legs="kick", band=True),
    "weighted-glute-bridge": Figure(arms="bar", bar=True, plates=True),
    "bodyweight-hip-thrust": Figure(
        support="bench", arms="bench", top_angle=0.0, bottom_hip=0.10, mat=False
    ),
    "barbell-hip-thrust": Figure(
        support="bench",
        arms="bar",
        top_angle=0.0,
        bottom_hip=0.09,
        bar=True,
        plates=True,
        mat=False,
    ),
    "isometric-bridge-hold": Figure(),
}
"""Every exercise of the library has an entry (tested)."""

DEFAULT_FIGURE: Final = "glute-bridge"

# Where the figures stand in the scene, chosen so each is centred in ``SCENE``.
_BRIDGE_SHOULDER: Final = Point(0.20, TORSO_WIDTH / 2)
_BENCH_EDGE_X: Final = 0.28
_PLATE_CLEARANCE: Final = 0.012  # plates stop this far above the floor at the bottom


# ------------------------------------------------------------------ the pose


class Leg(NamedTuple):
    hip: Point
    knee: Point
    ankle: Point
    heel: Point
    toe: Point


class Arm(NamedTuple):
    shoulder: Point
    elbow: Point
    wrist: Point
    hand: Point


class Bar(NamedTuple):
    center: Point
    pad_radius: float
    bar_radius: float
    plate_radius: float  # 0: no plates


class Bench(NamedTuple):
    edge: Point  # the top corner the shoulder blades rest on
    depth: float
    pad: float


@dataclass(frozen=True)
class Pose:
    """Where every joint is at one moment; all points in scene units."""

    exercise: str  # the figure shown (a key of FIGURES)
    figure: Figure
    lift: float  # 0 bottom .. 1 top
    head: Point
    shoulder: Point
    hip: Point
    arm: Arm
    legs: dict[str, Leg]  # by side, "left" and "right"
    raised: dict[str, float]  # by side: 0 foot on the floor .. 1 leg straight
    working_side: str | None  # the side a per-side set works, when given
    moving_leg: str | None  # the leg that leaves the floor: single-leg and kick
    bar: Bar | None
    band: tuple[Point, Point] | None  # across the thighs, just above the knees
    bench: Bench | None
    label: str | None  # "Left side · right leg up"

    @property
    def near(self) -> Leg:
        return self.legs[NEAR_LEG]

    @property
    def far(self) -> Leg:
        return self.legs[FAR_LEG]

    @property
    def planted(self) -> Leg:
        """A leg whose foot stays on the floor (the working leg of a single-leg bridge)."""
        other = FAR_LEG if self.moving_leg == NEAR_LEG else NEAR_LEG
        return self.legs[other]

    @property
    def torso_angle(self) -> float:
        """Degrees above the floor of the line from the shoulder to the hip."""
        return math.degrees(angle_of(sub(self.hip, self.shoulder)))

    def knee_angle(self, side: str) -> float:
        """The inner angle at the knee, degrees (180: straight)."""
        leg = self.legs[side]
        return inner_angle(leg.hip, leg.knee, leg.ankle)

    def hip_angle(self, side: str) -> float:
        """The inner angle at the hip between torso and thigh, degrees (180: in line)."""
        return inner_angle(self.shoulder, self.hip, self.legs[side].knee)

    def line_error(self, side: str | None = None) -> float:
        """How far (degrees) the knee, hip and shoulder are from one straight line."""
        leg = self.legs[side] if side else self.planted
        return abs(180.0 - inner_angle(self.shoulder, self.hip, leg.knee))

    def points(self) -> tuple[Point, ...]:
        """Every moving point: what a renderer compares to decide whether to repaint."""
        result: list[Point] = [self.head, self.shoulder, self.hip, *self.arm]
        for side in SIDES:
            leg = self.legs[side]
            result += [leg.knee, leg.ankle, leg.heel, leg.toe]
        if self.bar is not None:
            result.append(self.bar.center)
        if self.band is not None:
            result += list(self.band)
        return tuple(result)


class Moment(NamedTuple):
    """What ``pose`` needs to know of the time: a phase and how much of it is done."""

    phase: str
    fraction: float
    duration: float | None = None  # the phase's length in seconds, when known


# ------------------------------------------------------------------ public functions


def figure_id(exercise_id: str) -> str:
    """The key of FIGURES for a block's exercise: its library id, else the glute bridge."""
    if exercise_id in FIGURES:
        return exercise_id
    exercise = find_exercise(exercise_id)
    if exercise is not None and exercise.id in FIGURES:
        return exercise.id
    return DEFAULT_FIGURE


def smoothstep(t: float) -> float:
    """3t² - 2t³: from 0 to 1 with zero speed at both ends, monotonic on [0, 1]."""
    t = clamp(t)
    return t * t * (3.0 - 2.0 * t)


def lift_at(phase: str, fraction: float) -> float:
    """The hips' progress (0 bottom, 1 top) at a moment: up through the lift, top for
    the hold, down through the lower, bottom otherwise."""
    if phase == "lift":
        return smoothstep(fraction)
    if phase == "hold":
        return 1.0
    if phase == "lower":
        return 1.0 - smoothstep(fraction)
    return 0.0


def moving(exercise_id: str, phase: str) -> bool:
    """Whether the pose changes during ``phase`` (a display may sleep through the rest)."""
    figure = FIGURES[figure_id(exercise_id)]
    if phase in ("lift", "lower"):
        return True
    if phase == "hold":
        return figure.legs == "kick"
    if phase in ("lead-in", "switch", "rest"):
        return figure.legs == "single"
    return False


def pose(
    exercise_id: str,
    phase: str,
    fraction: float,
    side: str | None = None,
    *,
    duration: float | None = None,
) -> Pose:
    """The pose for an exercise (a library id; anything else shows the glute bridge) at
    ``fraction`` (0..1) of ``phase`` (one of plan.PHASES).

    ``side`` is the side a per-side set works ("left" or "right"): the planted leg of a
    single-leg bridge (the other one is raised), the kicking leg of a bridge kick. With
    no side the moving leg is the near one. ``duration`` (seconds), when known, lets a
    single-leg figure raise its leg in the last second of a lead-in, switch or rest
    rather than in the last LEG_SETUP_SHARE of it.
    """
    key = figure_id(exercise_id)
    figure = FIGURES[key]
    fraction = clamp(fraction)
    lift = lift_at(phase, fraction)
    moving_leg = _moving_leg(figure, side)
    raised = {"left": 0.0, "right": 0.0}
    if moving_leg is not None:
        raised[moving_leg] = _raise_amount(figure, phase, fraction, duration)
        if figure.legs == "single" and phase == "switch":
            # The other side's set just ended with its own free leg up: it comes down first.
            outgoing = _other(moving_leg)
            raised[outgoing] = _outgoing_amount(fraction, duration)
    return _build(key, figure, lift, raised, side, moving_leg)


def pose_at(exercise_id: str, moment: Moment, side: str | None = None) -> Pose:
    return pose(exercise_id, moment.phase, moment.fraction, side, duration=moment.duration)


def step_moment(step: Step, elapsed: float) -> Moment:
    """The moment ``elapsed`` seconds into a step of the plan (SessionView.step and
    .step_elapsed); a step of no length (``done``) is complete."""
    if step.duration <= 0:
        return Moment(step.phase, 1.0, 0.0)
    return Moment(step.phase, clamp(elapsed / step.duration), step.duration)


def preview_period(tempo: Tempo) -> float:
    """The length of one looping rep: lift, hold, lower and the pause at the bottom."""
    return (
        max(0.0, tempo.lift) + max(0.0, tempo.hold) + max(0.0, tempo.lower) + max(0.0, tempo.pause)
    )


def preview_moment(tempo: Tempo, t: float) -> Moment:
    """The moment ``t`` seconds into a preview that repeats one rep at ``tempo`` forever
    (the Library's looping figure). A tempo of no length shows the bottom."""
    period = preview_period(tempo)
    if period <= 0 or not math.isfinite(t):
        return Moment("pause", 0.0, 0.0)
    t = t % period
    for phase, length in (
        ("lift", tempo.lift),
        ("hold", tempo.hold),
        ("lower", tempo.lower),
        ("pause", tempo.pause),
    ):
        if length <= 0:
            continue
        if t < length:
            return Moment(phase, t / length, length)
        t -= length
    return Moment("pause", 1.0, max(0.0, tempo.pause))


def preview_still_until(exercise_id: str, tempo: Tempo, t: float) -> float:
    """Seconds from ``t`` until the preview's pose next changes: 0 while it moves, the
    rest of a still hold or pause otherwise (a display sleeps that long)."""
    moment = preview_moment(tempo, t)
    if moving(exercise_id, moment.phase) or moment.duration is None:
        return 0.0
    return max(0.0, (1.0 - moment.fraction) * moment.duration)


def side_label(exercise_id: str, side: str | None) -> str | None:
    """What a figure says about a per-side set: "Left side · right leg up"."""
    figure = FIGURES[figure_id(exercise_id)]
    if side not in SIDES or figure.legs == "both":
        return None
    assert side is not None
    moving_leg = _moving_leg(figure, side)
    what = "leg up" if figure.legs == "single" else "leg kicks"
    return f"{side.capitalize()} side · {moving_leg} {what}"


# ------------------------------------------------------------------ the legs


def _other(side: str) -> str:
    return "right" if side == "left" else "left"


def _moving_leg(figure: Figure, side: str | None) -> str | None:
    if figure.legs == "both":
        return None
    if side not in SIDES:
        return NEAR_LEG
    assert side is not None
    # A single-leg bridge works the leg that stays down; a kick works the leg that kicks.
    return _other(side) if figure.legs == "single" else side


def _setup_window(duration: float | None) -> float:
    if duration is None or duration <= 0:
        return LEG_SETUP_SHARE
    return min(0.5, LEG_SETUP_SECONDS / duration)


def _raise_amount(figure: Figure, phase: str, fraction: float, duration: float | None) -> float:
    """How straight the moving leg is (0: foot on the floor, 1: straight)."""
    if figure.legs == "kick":
        if phase != "hold":
            return 0.0
        if fraction < KICK_SHARE:
            return smoothstep(fraction / KICK_SHARE)
        if fraction > 1.0 - KICK_SHARE:
            return smoothstep((1.0 - fraction) / KICK_SHARE)
        return 1.0
    # A single-leg bridge holds the free leg up for the whole set ...
    if phase in REP_PHASES:
        return 1.0
    # ... and lifts it at the end of what comes before a set.
    if phase in ("lead-in", "switch", "rest"):
        window = _setup_window(duration)
        return smoothstep((fraction - (1.0 - window)) / window)
    return 0.0


def _outgoing_amount(fraction: float, duration: float | None) -> float:
    window = _setup_window(duration)
    return 1.0 - smoothstep(fraction / window)


# ------------------------------------------------------------------ geometry


def _build(
    key: str,
    figure: Figure,
    lift: float,
    raised: dict[str, float],
    side: str | None,
    moving_leg: str | None,
) -> Pose:
    rig = _rig(key)
    angle = rig.bottom_angle + (rig.top_angle - rig.bottom_angle) * lift
    shoulder, hip = _torso(figure, angle)
    u = unit(angle)
    n = rot90(u)  # the front of the body
    if figure.support == "floor":
        head = Point(_BRIDGE_SHOULDER.x - NECK, HEAD_RADIUS)
    else:
        # Chin tucked, eyes forward: the head moves with the torso, a little forward of it.
        tuck = math.radians(32.0)
        head = add(shoulder, add(mul(u, -NECK * math.cos(tuck)), mul(n, NECK * math.sin(tuck))))
    planted = _planted_leg(hip, rig.ankle)
    legs = {s: _leg_with_raise(planted, raised[s]) for s in SIDES}
    bar = None
    if figure.bar:
        bar = Bar(
            _bar_center(hip, shoulder, planted.knee), PAD_RADIUS, BAR_RADIUS, rig.plate_radius
        )
    band = None
    if figure.band:
        band = _band(planted)
    arm = _arm(figure, shoulder, hip, u, n, bar)
    bench = (
        Bench(Point(_BENCH_EDGE_X, BENCH_HEIGHT), BENCH_DEPTH, BENCH_PAD)
        if figure.support == "bench"
        else None
    )
    return Pose(
        exercise=key,
        figure=figure,
        lift=lift,
        head=head,
        shoulder=shoulder,
        hip=hip,
        arm=arm,
        legs=legs,
        raised=raised,
        working_side=side if side in SIDES and moving_leg is not None else None,
        moving_leg=moving_leg,
        bar=bar,
        band=band,
        bench=bench,
        label=side_label(key, side),
    )


class _Rig(NamedTuple):
    bottom_angle: float  # radians
    top_angle: float
    ankle: Point  # where the feet stand
    plate_radius: float  # 0: no plates


@cache
def _rig(key: str) -> _Rig:
    """The angles and the feet of a figure, worked out once from its Figure."""
    figure = FIGURES[key]
    top = math.radians(figure.top_angle)
    # The feet go where the shin reaches the floor from a knee in line with hip and
    # shoulder at the top.
    shoulder, _hip = _torso(figure, top)
    knee = add(shoulder, mul(unit(top), TORSO + THIGH))
    drop = knee.y - ANKLE_HEIGHT
    reach = math.sqrt(max(0.0, SHIN * SHIN - drop * drop))
    ankle = Point(knee.x + reach, ANKLE_HEIGHT)

    low, high = math.radians(-80.0), top  # the bottom angle, by bisection
    for _ in range(60):
        middle = (low + high) / 2
        if _torso(figure, middle)[1].y < figure.bottom_hip:
            low = middle
        else:
            high = middle
    plate_radius = 0.0
    if figure.plates:
        shoulder, hip = _torso(figure, high)
        bar = _bar_center(hip, shoulder, _planted_leg(hip, ankle).knee)
        plate_radius = min(PLATE_RADIUS, bar.y - _PLATE_CLEARANCE)
    return _Rig(high, top, ankle, plate_radius)


def _torso(figure: Figure, angle: float) -> tuple[Point, Point]:
    """Shoulder and hip joints for a torso at ``angle`` (radians above the floor)."""
    u = unit(angle)
    if figure.support == "floor":
        shoulder = _BRIDGE_SHOULDER
    else:
        # The back rests on the bench's edge a little below the shoulder joint and turns
        # about it: the joint is half a torso's thickness in front of the back.
        edge = Point(_BENCH_EDGE_X, BENCH_HEIGHT)
        spine = add(edge, mul(rot90(u), TORSO_WIDTH / 2))
        shoulder = add(spine, mul(u, -BLADE_BELOW_SHOULDER))
    return shoulder, add(shoulder, mul(u, TORSO))


def _planted_leg(hip: Point, ankle: Point) -> Leg:
    knee = _knee(hip, ankle, THIGH, SHIN, bend=+1)
    return Leg(
        hip,
        knee,
        ankle,
        Point(ankle.x - HEEL_BACK, FOOT_WIDTH / 2),
        Point(ankle.x + TOE_FORWARD, FOOT_WIDTH / 2),
    )


# The free leg's foot, straight: flexed, toes to the ceiling (in the shin's frame: along
# the shin, then towards the front).
_FLEXED_HEEL: Final = (0.03, -0.02)
_FLEXED_TOE: Final = (0.025, 0.105)


def _leg_with_raise(planted: Leg, amount: float) -> Leg:
    """A leg with its thigh beside the planted one's, its knee straightened by
    ``amount`` (0: the planted leg itself, 1: straight with the foot flexed)."""
    if amount <= 0:
        return planted
    hip = planted.hip
    thigh = angle_of(sub(planted.knee, hip))
    shin = angle_of(sub(planted.ankle, planted.knee))
    bend = wrap(shin - thigh)  # negative: the shin turns clockwise from the thigh
    shin_angle = thigh + bend * (1.0 - amount)
    knee = planted.knee
    ankle = add(knee, mul(unit(shin_angle), SHIN))
    heel = _foot_point(planted, planted.heel, ankle, shin_angle, _FLEXED_HEEL, amount)
    toe = _foot_point(planted, planted.toe, ankle, shin_angle, _FLEXED_TOE, amount)
    return Leg(hip, knee, ankle, heel, toe)


def _foot_point(
    planted: Leg,
    point: Point,
    ankle: Point,
    shin_angle: float,
    flexed: tuple[float, float],
    amount: float,
) -> Point:
    """A point of the foot, moved from where it is on the planted leg to the flexed
    position, in the shin's frame (angle and distance interpolated, so it stays rigid)."""
    planted_shin = angle_of(sub(planted.ankle, planted.knee))
    offset = sub(point, planted.ankle)
    start_angle = angle_of(offset) - planted_shin
    start_length = math.hypot(*offset)
    end_angle = math.atan2(flexed[1], flexed[0])
    end_length = math.hypot(*flexed)
    angle = start_angle + wrap(end_angle - start_angle) * amount
    length = start_length + (end_length - start_length) * amount
    return add(ankle, mul(unit(shin_angle + angle), length))


def _knee(hip: Point, ankle: Point, upper: float, lower: float, bend: int) -> Point:
    """Two-link inverse kinematics: the joint between ``hip`` and ``ankle``, on the
    counter-clockwise side of the line between them (``bend`` +1) or the other."""
    dx, dy = ankle.x - hip.x, ankle.y - hip.y
    d = math.hypot(dx, dy)
    d = min(max(d, abs(upper - lower) + 1e-9), upper + lower - 1e-9)
    cos_a = (upper * upper + d * d - lower * lower) / (2 * upper * d)
    a = math.acos(max(-1.0, min(1.0, cos_a)))
    base = math.atan2(dy, dx)
    return add(hip, mul(unit(base + bend * a), upper))


def _bar_center(hip: Point, shoulder: Point, knee: Point) -> Point:
    """The bar rests in the crease of the hips, on its pad: along the bisector of the
    torso's and the thigh's fronts."""
    torso_front = rot90(norm(sub(hip, shoulder)))
    thigh_front = rot90(norm(sub(knee, hip)))
    crease = norm(add(torso_front, thigh_front))
    return add(hip, mul(crease, PELVIS_RADIUS + PAD_RADIUS - 0.01))


def _band(leg: Leg) -> tuple[Point, Point]:
    along = norm(sub(leg.hip, leg.knee))
    centre = add(leg.knee, mul(along, BAND_ABOVE_KNEE))
    across = rot90(along)
    half = THIGH_WIDTH / 2 + 0.006
    return add(centre, mul(across, half)), add(centre, mul(across, -half))


def _arm(figure: Figure, shoulder: Point, hip: Point, u: Point, n: Point, bar: Bar | None) -> Arm:
    if figure.arms == "bar" and bar is not None:
        # Both hands hold the bar on the hips; the elbows point to the floor.
        to_bar = norm(sub(bar.center, shoulder))
        hand = add(bar.center, mul(to_bar, -0.005))
        wrist = add(hand, mul(to_bar, -HAND * 0.8))
        if figure.support == "floor":
            elbow = _knee(shoulder, wrist, UPPER_ARM, FOREARM, bend=-1)
            if elbow.y < UPPER_ARM_WIDTH / 2:
                # Lying down, the elbows rest on the floor out to the sides (foreshortened).
                elbow = Point(elbow.x, UPPER_ARM_WIDTH / 2)
        else:
            # On a bench the elbows flare out beside the ribs: seen from the side the arm
            # runs along the torso to the bar, its elbow a little in front of that line.
            middle = mul(add(shoulder, wrist), 0.5)
            elbow = add(middle, mul(rot90(norm(sub(wrist, shoulder))), 0.03))
        return Arm(shoulder, elbow, wrist, hand)
    if figure.arms == "bench":
        # Out along the bench: seen end on, each arm points at us or away, so all that
        # shows is the upper arm down to the elbow resting on the pad.
        y = BENCH_HEIGHT + UPPER_ARM_WIDTH / 2
        elbow = Point(_BENCH_EDGE_X - 0.075, y)
        wrist = Point(elbow.x - 0.035, y)
        hand = Point(wrist.x - 0.015, y)
        return Arm(shoulder, elbow, wrist, hand)
    # Along the sides, palms down on the floor, whatever the hips do.
    arm_y = UPPER_ARM_WIDTH / 2
    base = _BRIDGE_SHOULDER
    elbow = Point(base.x + UPPER_ARM * 0.98, arm_y)
    wrist = Point(elbow.x + FOREARM, FOREARM_WIDTH / 2)
    hand = Point(wrist.x + HAND, FOOT_WIDTH / 2)
    return Arm(shoulder, elbow, wrist, hand)
