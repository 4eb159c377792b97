"""What a workout shows at one moment: one pure object for every face.

The window's workout screen only paints a :class:`Display`; the phone remote sends its
:meth:`Display.to_json`; the media controls name the exercise, set and rep from it. All of
it is derived from the plan, the session's view and the loads in use, so the faces agree
and none of them searches the plan itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Final

from glute_timer.core.exercises import find_exercise
from glute_timer.core.i18n import _, localise_numbers
from glute_timer.core.plan import Plan, SetSpan, format_clock, phase_label
from glute_timer.core.protocol import Load
from glute_timer.core.session import Session, SessionView, State


def countdown_text(seconds: float) -> str:
    """What a countdown shows: the whole seconds still to go, rounded up as a kitchen
    timer does ("3" for 2.3 s), and m:ss from a minute on ("1:30")."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole < 60:
        return str(whole)
    minutes, secs = divmod(whole, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


HERO_SECONDS_FROM: Final = 2.0
"""A hold at least this long shows its seconds as the hero; a shorter one, the rep."""


def rep_text(rep: int, target: int) -> str:
    """ "6 / 15" with thin spaces, so it stays one tight group in the big digits."""
    return f"{rep}\u2009/\u2009{target}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 set", "2 sets": the count with the right word."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


@dataclass(frozen=True)
class Display:
    """Everything a face shows, at one clock reading."""

    view: SessionView  # for the driver's wake-ups: step times, progress
    state: State
    phase: str  # "lead-in", "lift", "hold", ...
    phase_label: str  # "Get ready", "Lift", ...
    countdown: str  # the step's whole seconds left, rounded up
    time_left: str  # "Time left 2:04"
    protocol_name: str
    exercise_id: str
    exercise_name: str
    load: str  # the load in use for this block ("40 kg", "bodyweight")
    shows_load: bool  # a load worth showing (not bodyweight, or a loaded exercise)
    span: SetSpan | None  # the set this moment belongs to, or the next one to come
    in_set: bool  # the moment is inside a set (not the lead-in, a rest, a switch)
    rep: int  # the rep under way (0 before a set's first)
    reps_done: int
    set: int
    sets: int
    side: str | None
    per_side_workout: bool  # some block of the workout is one-sided
    next_text: str | None
    can_finish_set: bool
    can_adjust_rest: bool  # a rest or switch runs: +15 s / -15 s do something
    coming_load: str = ""  # in a lead-in, rest or switch: "Set 2: 42.5 kg" for a loaded set
    hero: str = ""  # what the big digits show: the rep count ("6 / 15") or the seconds
    hero_is_rep: bool = False  # the hero is the rep count (lifts, lowers, short holds)

    @property
    def paused(self) -> bool:
        return self.state is State.PAUSED

    @property
    def running(self) -> bool:
        return self.state is State.RUNNING

    @property
    def active(self) -> bool:
        return self.state in (State.RUNNING, State.PAUSED)

    @property
    def reps_target(self) -> int:
        return self.span.target if self.span is not None else 0

    @property
    def reps_range(self) -> str:
        return self.span.reps_text if self.span is not None else ""

    @property
    def in_rest(self) -> bool:
        return self.phase in ("rest", "switch")

    @property
    def block(self) -> int:
        return self.view.step.block

    def to_json(self) -> dict[str, Any]:
        """The moment for scripts and the phone remote (times in seconds)."""
        return {
            "state": self.state.value,
            "paused": self.paused,
            "phase": self.phase,
            "phase_label": self.phase_label,
            "remaining_s": round(self.view.step_remaining, 3),
            "countdown": self.countdown,
            "hero": self.hero,
            "hero_is_rep": self.hero_is_rep,
            "elapsed_s": round(self.view.elapsed, 3),
            "total_s": round(self.view.total, 3),
            "workout_remaining_s": round(self.view.remaining, 3),
            "protocol": self.protocol_name,
            "exercise": self.exercise_name,
            "exercise_id": self.exercise_id,
            "load": self.load,
            "block": self.block,
            "set": self.set,
            "sets": self.sets,
            "rep": self.rep,
            "reps_target": self.reps_target,
            "reps_range": self.reps_range,
            "reps_done": self.reps_done,
            "side": self.side,
            "in_set": self.in_set,
            "next": self.next_text,
            "can_finish_set": self.can_finish_set,
            "can_adjust_rest": self.can_adjust_rest,
            "step_duration_s": round(self.view.step_duration, 3),
        }


def span_for(plan: Plan, step_index: int) -> SetSpan | None:
    """The set a step belongs to, else the next set after it (the one a rest leads to),
    else the last set (after the workout)."""
    step = plan.steps[step_index]
    if step.span is not None:
        return plan.sets[step.span]
    for span in plan.sets:
        if span.first_step > step_index:
            return span
    return plan.sets[-1] if plan.sets else None


def display_of(session: Session, now: float | None = None) -> Display:
    """What ``session`` shows at ``now`` (its clock's reading by default)."""
    view = session.view(now)
    plan = session.plan
    step = view.step
    span = span_for(plan, step.index)
    in_set = step.span is not None
    block_no = span.block if span is not None else step.block
    block = plan.protocol.blocks[block_no - 1]
    exercise = find_exercise(block.exercise)
    load = session.load_for(block_no)
    shows_load = not Load(load).is_bodyweight or (exercise is not None and exercise.loaded)
    coming = ""
    if not in_set and span is not None and shows_load and step.phase != "done":
        coming = _("Set {set}: {load}").format(set=span.set, load=localise_numbers(load))
    countdown = countdown_text(view.step_remaining)
    rep = (step.rep or 0) if in_set else 0
    hero_is_rep = (
        in_set
        and span is not None
        and not (step.phase == "hold" and step.duration >= HERO_SECONDS_FROM)
    )
    return Display(
        view=view,
        state=view.state,
        phase=step.phase,
        phase_label=phase_label(step.phase),
        countdown=countdown,
        time_left=_("Time left {time}").format(time=format_clock(math.ceil(view.remaining - 1e-6))),
        protocol_name=plan.name,
        exercise_id=block.exercise,
        exercise_name=exercise.name if exercise is not None else block.exercise,
        load=load,
        shows_load=shows_load,
        span=span,
        in_set=in_set,
        rep=rep,
        reps_done=view.reps_done,
        set=span.set if span is not None else step.set,
        sets=span.sets if span is not None else 1,
        side=step.side,
        per_side_workout=any(b.per_side for b in plan.protocol.blocks),
        next_text=view.next_text,
        can_finish_set=view.can_finish_set,
        can_adjust_rest=view.can_adjust_rest,
        coming_load=coming,
        hero=rep_text(rep, span.target) if hero_is_rep and span is not None else countdown,
        hero_is_rep=hero_is_rep,
    )
