"""Expanding a protocol into a plan: every step and every cue, with its offset from the start.

The plan is computed once, before anything runs. The session, the GUI, the speech layer
and the command line all read the same plan, so what is shown, said and printed agree.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import cached_property
from typing import Any, Final

from glute_timer.core.exercises import exercise_name
from glute_timer.core.i18n import (
    N_,
    _,
    format_integer,
    format_number,
    localise_numbers,
    ngettext,
    pgettext,
)
from glute_timer.core.protocol import Block, Protocol, ProtocolError

PHASES: Final = ("lead-in", "lift", "hold", "lower", "pause", "rest", "switch", "done")
PHASE_LABELS: Final = {
    "lead-in": N_("Get ready"),
    "lift": N_("Lift"),
    "hold": N_("Hold"),
    "lower": N_("Lower"),
    "pause": N_("Pause"),
    "rest": N_("Rest"),
    "switch": N_("Switch sides"),
    "done": N_("Done"),
}
"""Each phase's name as displays show it, in English (``phase_label`` translates it)."""


def phase_label(phase: str) -> str:
    """ "Lift", "Heben", "Monter": a phase's name in the active language."""
    return _(PHASE_LABELS[phase])


def side_name(side: str) -> str:
    """ "left" -> "Left side" in the active language."""
    return pgettext("cue", "Left side") if side == "left" else pgettext("cue", "Right side")


COUNTDOWN_FROM: Final = 3
LONG_HOLD: Final = 10.0  # holds this long or longer get "10 seconds" and a 3-2-1
LONG_REST_WARNING: Final = 20.0  # rests this long or longer get a "10 seconds" warning

MAX_WORKOUT_SECONDS: Final = 6 * 3600.0
"""The longest workout a protocol may plan (every set at its target, every rest)."""
MAX_CUES: Final = 50_000
"""The most cues a protocol may plan. Planning takes ~10 µs and ~0.4 kB per cue."""


class Priority(IntEnum):
    """How important a cue is to hear on time; a higher one may cut off a lower one."""

    INFO = 1  # announcements: get ready, set n of m, rest and what is next, done
    WARNING = 2  # "10 seconds"
    BEAT = 3  # rep beats (lift, hold, lower, pause) and countdown digits


@dataclass(frozen=True)
class Step:
    """A stretch of time with one phase: the lead-in, one lift, one hold, a rest, ..."""

    index: int
    phase: str
    start: float
    duration: float
    block: int
    set: int
    rep: int | None
    side: str | None
    span: int | None  # index into Plan.sets when the step belongs to a set

    @property
    def end(self) -> float:
        return self.start + self.duration

    @property
    def label(self) -> str:
        return phase_label(self.phase)


@dataclass(frozen=True)
class Cue:
    at: float
    phase: str
    block: int
    set: int
    rep: int | None
    side: str | None
    text: str
    priority: Priority
    step: int

    def to_json(self) -> dict[str, Any]:
        return {
            "at": round(self.at, 3),
            "phase": self.phase,
            "block": self.block,
            "set": self.set,
            "rep": self.rep,
            "side": self.side,
            "text": self.text,
        }


@dataclass(frozen=True)
class SetSpan:
    """One set as it is recorded: a block's set, or one side of it for per-side blocks."""

    index: int
    block: int
    set: int
    sets: int
    side: str | None
    exercise: str
    exercise_name: str
    reps_min: int
    reps_max: int
    target: int
    hold: float
    load: str
    first_step: int
    end_step: int  # one past the last step of the set
    rep_first_steps: tuple[int, ...]  # the first step (lift) of each rep

    @property
    def reps_text(self) -> str:
        return (
            str(self.reps_min)
            if self.reps_min == self.reps_max
            else f"{self.reps_min}–{self.reps_max}"
        )


@dataclass(frozen=True)
class Plan:
    name: str
    protocol: Protocol
    steps: tuple[Step, ...]
    cues: tuple[Cue, ...]
    sets: tuple[SetSpan, ...]

    @property
    def total(self) -> float:
        """Offset of the ``done`` cue: how long the workout takes when nobody intervenes."""
        return self.steps[-1].start

    def step_at(self, offset: float) -> Step:
        """The step running at ``offset`` seconds from the start."""
        index = bisect.bisect_right(self._step_starts, offset) - 1
        return self.steps[max(0, index)]

    def first_cue_from(self, offset: float) -> int:
        """Index of the first cue at or after ``offset``."""
        return bisect.bisect_left(self._cue_times, offset - 1e-9)

    @cached_property
    def _cue_times(self) -> list[float]:
        return [cue.at for cue in self.cues]

    @cached_property
    def _step_starts(self) -> list[float]:
        return [step.start for step in self.steps]

    def describe_step(self, index: int) -> str:
        """A short line for "Next: …" displays."""
        step = self.steps[index]
        if step.phase == "done":
            return _("Workout complete")
        if step.phase in ("lift", "hold", "lower", "pause") and step.span is not None:
            span = self.sets[step.span]
            if step.rep == 1 and step.phase == "lift" and self.steps[index - 1].span != step.span:
                return _set_title(span)
            return _("{phase} (rep {rep})").format(phase=step.label, rep=step.rep)
        if step.phase == "rest":
            return _("Rest {duration}").format(duration=format_duration(step.duration))
        return step.label

    def phrases(self) -> list[str]:
        """Every distinct text the plan speaks, in first-use order."""
        seen: dict[str, None] = {}
        for cue in self.cues:
            seen.setdefault(cue.text, None)
        return list(seen)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "total_s": round(self.total, 3),
            "cues": [cue.to_json() for cue in self.cues],
        }


def format_duration(seconds: float) -> str:
    """Spoken-friendly: "45 seconds", "1 minute", "1 minute 30 seconds"."""
    seconds = round(seconds, 1)
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        count = int(minutes)
        parts.append(ngettext("{n} minute", "{n} minutes", count).format(n=count))
    if rest or not parts:
        # A fraction takes the plural form ("1.5 seconds", "1,5 Sekunden").
        count = int(rest) if float(rest).is_integer() else 2
        text = ngettext("{n} second", "{n} seconds", count)
        parts.append(text.format(n=format_number(rest)))
    return " ".join(parts)


def format_clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for displays."""
    whole = max(0, int(seconds + 0.5))
    hours, remainder = divmod(whole, 3600)
    minutes, secs = divmod(remainder, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def _set_title(span: SetSpan) -> str:
    text = span.exercise_name
    if span.sets > 1:
        text += ". " + _("Set {set} of {sets}").format(set=span.set, sets=span.sets)
        if span.set == span.sets:
            text += ". " + _("Last set")
    if span.side:
        text += ". " + side_name(span.side)
    return text


class _Builder:
    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol
        self.t = 0.0
        self.steps: list[Step] = []
        self.cues: list[Cue] = []
        self.sets: list[SetSpan] = []

    def step(
        self,
        phase: str,
        duration: float,
        block: int,
        set_no: int,
        rep: int | None = None,
        side: str | None = None,
        span: int | None = None,
    ) -> Step:
        step = Step(len(self.steps), phase, self.t, duration, block, set_no, rep, side, span)
        self.steps.append(step)
        self.t += duration
        return step

    def cue(self, step: Step, offset: float, text: str, priority: Priority) -> None:
        self.cues.append(
            Cue(
                at=step.start + offset,
                phase=step.phase,
                block=step.block,
                set=step.set,
                rep=step.rep,
                side=step.side,
                text=text,
                priority=priority,
                step=step.index,
            )
        )

    def countdown(self, step: Step, after: float = 0.0) -> None:
        """ "3", "2", "1", each on its own second before the step ends, after ``after``."""
        for digit in range(COUNTDOWN_FROM, 0, -1):
            offset = step.duration - digit
            if offset > after + 1e-9:
                self.cue(step, offset, str(digit), Priority.BEAT)


class WorkoutTooBig(ProtocolError):
    """A protocol whose plan would be longer than MAX_WORKOUT_SECONDS or hold more than
    MAX_CUES cues. Each limit alone keeps planning under a second and a few tens of MB."""


@dataclass(frozen=True)
class WorkoutSize:
    seconds: float
    cues: int
    sets: int  # as recorded: each side of a per-side set counts


def _countdown_cues(duration: float, after: float = 0.0) -> int:
    return sum(1 for digit in range(COUNTDOWN_FROM, 0, -1) if duration - digit > after + 1e-9)


def workout_size(protocol: Protocol) -> WorkoutSize:
    """What ``build_plan`` would make of ``protocol``, counted without making it: the
    total time (to float rounding) and the exact number of cues. Cost: one pass over the
    blocks."""
    seconds = 0.0
    cues = 1  # "Workout complete"
    sets = 0
    if protocol.lead_in > 0:
        seconds += protocol.lead_in
        cues += 1 + _countdown_cues(protocol.lead_in)
    blocks = protocol.blocks
    for block_no, block in enumerate(blocks, 1):
        tempo = block.tempo
        reps = block.target
        rep_cues = 2  # the lift and the lower
        if tempo.hold > 0:
            rep_cues += 2 if tempo.hold > LONG_HOLD else 1
            if tempo.hold >= LONG_HOLD:
                rep_cues += _countdown_cues(tempo.hold)
        pauses = reps - 1 if tempo.pause > 0 else 0
        set_cues = 1 + reps * rep_cues + pauses  # the title, the reps, the pauses
        set_seconds = reps * tempo.rep_seconds + pauses * tempo.pause
        sides = len(block.sides)
        switches = sides - 1 if block.switch > 0 else 0
        per_set_cues = sides * set_cues + switches * (1 + _countdown_cues(block.switch))
        per_set_seconds = sides * set_seconds + switches * block.switch
        seconds += block.sets * per_set_seconds
        cues += block.sets * per_set_cues
        sets += block.sets * sides
        rests = [block.rest] * (block.sets - 1)
        if block_no < len(blocks):
            rests.append(block.rest_after)
        for rest in rests:
            if rest > 0:
                seconds += rest
                cues += 1 + (rest >= LONG_REST_WARNING) + _countdown_cues(rest)
    return WorkoutSize(seconds, cues, sets)


def check_workout_size(protocol: Protocol, source: str = "<protocol>") -> WorkoutSize:
    """Raise WorkoutTooBig (naming the limit) for a workout too big to plan."""
    size = workout_size(protocol)
    if size.seconds > MAX_WORKOUT_SECONDS + 1e-6:
        raise WorkoutTooBig(
            source,
            "",
            _(
                "the workout would take {time} (at most {limit}: fewer sets, reps or "
                "shorter holds and rests)"
            ).format(time=format_clock(size.seconds), limit=format_clock(MAX_WORKOUT_SECONDS)),
        )
    if size.cues > MAX_CUES:
        raise WorkoutTooBig(
            source,
            "",
            _("the workout would have {cues} cues (at most {limit}: fewer sets or reps)").format(
                cues=format_integer(size.cues), limit=format_integer(MAX_CUES)
            ),
        )
    return size


def build_plan(protocol: Protocol, name: str | None = None) -> Plan:
    """Every step and cue of ``protocol``. Raises WorkoutTooBig before planning one that
    exceeds MAX_WORKOUT_SECONDS or MAX_CUES."""
    check_workout_size(protocol, name or protocol.name)
    b = _Builder(protocol)
    blocks = protocol.blocks
    if protocol.lead_in > 0:
        lead = b.step("lead-in", protocol.lead_in, 1, 1)
        b.cue(lead, 0.0, pgettext("cue", "Get ready"), Priority.INFO)
        b.countdown(lead)
    for block_no, block in enumerate(blocks, 1):
        for set_no in range(1, block.sets + 1):
            for side_no, side in enumerate(block.sides):
                if side_no > 0 and block.switch > 0:
                    switch = b.step("switch", block.switch, block_no, set_no, side=side)
                    b.cue(switch, 0.0, pgettext("cue", "Switch sides"), Priority.INFO)
                    b.countdown(switch)
                _add_set(b, block, block_no, set_no, side)
            last_set = set_no == block.sets
            last_block = block_no == len(blocks)
            rest = block.rest if not last_set else (0.0 if last_block else block.rest_after)
            if rest > 0:
                rest_step = b.step("rest", rest, block_no, set_no)
                upcoming = _next_set_text(blocks, block_no, set_no)
                b.cue(
                    rest_step,
                    0.0,
                    pgettext("cue", "Rest {duration}. Next: {next}").format(
                        duration=format_duration(rest), next=upcoming
                    ),
                    Priority.INFO,
                )
                if rest >= LONG_REST_WARNING:
                    b.cue(rest_step, rest - 10, ten_seconds(), Priority.WARNING)
                b.countdown(rest_step)
    last = blocks[-1]
    done = b.step("done", 0.0, len(blocks), last.sets)
    b.cue(done, 0.0, pgettext("cue", "Workout complete"), Priority.INFO)
    b.cues.sort(key=lambda cue: cue.at)  # stable: same-time cues keep their order
    return Plan(
        name=name or protocol.name,
        protocol=protocol,
        steps=tuple(b.steps),
        cues=tuple(b.cues),
        sets=tuple(b.sets),
    )


def _add_set(b: _Builder, block: Block, block_no: int, set_no: int, side: str | None) -> None:
    tempo = block.tempo
    span_index = len(b.sets)
    first_step = len(b.steps)
    rep_firsts: list[int] = []
    name = exercise_name(block.exercise)
    span = SetSpan(
        index=span_index,
        block=block_no,
        set=set_no,
        sets=block.sets,
        side=side,
        exercise=block.exercise,
        exercise_name=name,
        reps_min=block.reps_min,
        reps_max=block.reps_max,
        target=block.target,
        hold=tempo.hold,
        load=block.load.text,
        first_step=first_step,
        end_step=first_step,
        rep_first_steps=(),
    )
    for rep in range(1, block.target + 1):
        lift = b.step("lift", tempo.lift, block_no, set_no, rep, side, span_index)
        rep_firsts.append(lift.index)
        if rep == 1:
            # The set's title shares the first lift's moment; rep is None to tell it apart.
            b.cues.append(
                Cue(
                    lift.start,
                    "lift",
                    block_no,
                    set_no,
                    None,
                    side,
                    _set_title(span),
                    Priority.INFO,
                    lift.index,
                )
            )
        # "N, " stays in front in every language: speech drops it when rep numbers are off.
        b.cue(lift, 0.0, f"{rep}, " + pgettext("cue", "Lift"), Priority.BEAT)
        if tempo.hold > 0:
            hold = b.step("hold", tempo.hold, block_no, set_no, rep, side, span_index)
            if tempo.hold == LONG_HOLD:
                b.cue(hold, 0.0, pgettext("cue", "Hold, 10 seconds"), Priority.BEAT)
            else:
                b.cue(hold, 0.0, pgettext("cue", "Hold"), Priority.BEAT)
                if tempo.hold > LONG_HOLD:
                    b.cue(hold, tempo.hold - 10, ten_seconds(), Priority.WARNING)
            if tempo.hold >= LONG_HOLD:
                b.countdown(hold)
        lower = b.step("lower", tempo.lower, block_no, set_no, rep, side, span_index)
        b.cue(lower, 0.0, pgettext("cue", "Lower"), Priority.BEAT)
        if tempo.pause > 0 and rep < block.target:
            pause = b.step("pause", tempo.pause, block_no, set_no, rep, side, span_index)
            b.cue(pause, 0.0, pgettext("cue", "Pause"), Priority.BEAT)
    b.sets.append(replace(span, end_step=len(b.steps), rep_first_steps=tuple(rep_firsts)))


def _next_set_text(blocks: tuple[Block, ...], block_no: int, set_no: int) -> str:
    block = blocks[block_no - 1]
    if set_no < block.sets:
        nxt, nxt_set = block, set_no + 1
    else:
        nxt, nxt_set = blocks[block_no], 1
    text = exercise_name(nxt.exercise)
    if nxt.sets > 1:
        text += ", " + pgettext("next", "set {set} of {sets}").format(set=nxt_set, sets=nxt.sets)
    if nxt.per_side:
        text += ", " + pgettext("next", "left side")
    if nxt.load.amount is not None:
        # the coach's load, said while there is time to load it ("42,5 kg" in German)
        text += f", {localise_numbers(nxt.load.text)}"
    return text


def ten_seconds() -> str:
    """The warning ten seconds before the end of a long hold or rest."""
    return pgettext("cue", "10 seconds")
