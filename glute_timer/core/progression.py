"""The coach's double progression: what each block should be next session.

Pure: the history comes in as ``PastSession`` values (``core.coach`` reads them), the
settings as ``LoadSteps``; nothing here reads a file or a clock, so the same history gives
the same advice, always.

The rules, per block, judged on the last session that did the block (and the one before):

1. No session did it yet: the protocol as written.
2. A set below the bottom of the range in each of the last two sessions: about 10 % less
   (rounded down to the step, never below one step); without weight, one step back (a
   second less hold, or the exercise as written).
3. Every planned set reached the top of the range at (at least) the planned load:
   - a set rated "hard" holds the increase back: the same again;
   - with a load in kg or lb: the lightest load of those sets plus one step;
   - without weight, when the session before did so too (same exercise, hold and load):
     the library's next step (a harder exercise, or a longer hold); after one such
     session: the same once more.
4. Otherwise (a set below the top, a set skipped or never done because the workout was
   stopped): the same load, aiming for the top of the range.

A set that was skipped before its first rep is not recorded, and a workout stopped early
records only the sets done, so a missing set counts as one that did not reach the top.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from glute_timer.core.exercises import Exercise, exercise_library, exercise_name, find_exercise
from glute_timer.core.i18n import _, current, localise_numbers
from glute_timer.core.i18n import format_number as local_number
from glute_timer.core.protocol import MAX_HOLD, Block, Load, Protocol

HARD: Final = 3
"""The effort rating that holds an increase back (1 easy, 2 right, 3 hard)."""
DECREASE: Final = 0.9
"""After two sessions with a set below the bottom of the range: about 10 % less."""
RULES: Final = (
    "as-written",  # no history for this block (or the protocol changed since)
    "increase",  # every set at the top: one step more
    "next-step",  # without weight, at the top twice running: the library's next exercise
    "longer-hold",  # ... or a longer hold
    "hard",  # at the top, but a set was rated hard: the same again
    "repeat",  # without weight, at the top once: the same once more
    "same",  # a set below the top: the same load, aim for the top
    "decrease",  # a set below the bottom twice running: about 10 % less
    "step-back",  # ... without weight: one step back
)
_EPSILON: Final = 1e-9
_MAX_CHAIN: Final = 20


@dataclass(frozen=True)
class PastSet:
    """One recorded set, as the progression reads it."""

    block: int
    set: int
    side: str | None
    exercise: str
    reps_done: int
    reps_min: int
    reps_max: int
    hold_s: float
    load: str
    effort: int | None = None


@dataclass(frozen=True)
class PastSession:
    """One recorded workout of a protocol: its local day, the protocol as it was run
    (None when the history holds no copy of it, as after a CSV import) and its sets."""

    day: date
    protocol: Protocol | None
    sets: tuple[PastSet, ...]


@dataclass(frozen=True)
class LoadSteps:
    """How much a loaded block goes up by, per unit, and the unit a first load is in."""

    kg: float = 2.5
    lb: float = 5.0
    units: str = "kg"

    def step(self, unit: str | None) -> float:
        return self.lb if unit == "lb" else self.kg


@dataclass(frozen=True)
class BlockAdvice:
    """What one block should be next session, and why."""

    block: int  # from 1
    rule: str  # one of RULES
    exercise: str
    load: Load
    target: int
    hold: float
    per_side: bool
    reason: str
    last_time: str | None = None  # "15 · 15 · 15 at 40 kg"
    last_day: date | None = None

    @property
    def is_increase(self) -> bool:
        return self.rule in ("increase", "next-step", "longer-hold")

    def to_json(self) -> dict[str, Any]:
        """The block as ``glute-timer next --json`` prints it."""
        return {
            "block": self.block,
            "exercise": self.exercise,
            "load": self.load.text,
            "target": self.target,
            "hold": _number(self.hold),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Advice:
    """The advice for every block of a protocol."""

    blocks: tuple[BlockAdvice, ...]

    def applied_to(self, protocol: Protocol) -> Protocol:
        """``protocol`` with each block as advised (a rep range widens to take the target)."""
        return apply_advice(protocol, self)

    def changes(self, protocol: Protocol) -> bool:
        """The advice differs from ``protocol`` as written."""
        return apply_advice(protocol, self) != protocol

    @property
    def lead(self) -> BlockAdvice | None:
        """The block a one-line summary speaks of: the first with a load, else the first."""
        loaded = [b for b in self.blocks if b.load.amount is not None]
        return loaded[0] if loaded else (self.blocks[0] if self.blocks else None)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class _Ran:
    """A block as one session planned it."""

    exercise: str
    load: Load
    hold: float
    sets: int
    per_side: bool
    reps_min: int
    reps_max: int

    @property
    def expected(self) -> int:
        return self.sets * (2 if self.per_side else 1)

    @property
    def loaded(self) -> bool:
        return self.load.amount is not None

    @property
    def single_hold(self) -> bool:
        return self.reps_max == 1 and self.hold > 0


@dataclass(frozen=True)
class _Judgement:
    ran: _Ran
    top: bool  # every planned set reached the top at the planned load
    below_bottom: bool  # some set below the bottom of the range
    hard_set: int | None  # the number of a set rated hard
    lightest: float | None  # the lightest load (planned unit) of the sets, when top
    last_time: str


def _ran_block(session: PastSession, number: int, sets: Sequence[PastSet]) -> _Ran:
    protocol = session.protocol
    if protocol is not None and number <= len(protocol.blocks):
        block = protocol.blocks[number - 1]
        if block.exercise == sets[0].exercise:
            return _Ran(
                exercise=block.exercise,
                load=block.load,
                hold=block.tempo.hold,
                sets=block.sets,
                per_side=block.per_side,
                reps_min=block.reps_min,
                reps_max=block.reps_max,
            )
    # No copy of the protocol as run: what the sets say of it.
    first = sets[0]
    loads = [s.load for s in sets]
    return _Ran(
        exercise=first.exercise,
        load=Load(max(loads, key=loads.count)),
        hold=first.hold_s,
        sets=max(s.set for s in sets),
        per_side=any(s.side for s in sets),
        reps_min=first.reps_min,
        reps_max=first.reps_max,
    )


def _at_planned(load: str, planned: Load) -> bool:
    used = Load(load)
    if planned.amount is None:
        return used.text.strip().casefold() == planned.text.strip().casefold()
    return (
        used.amount is not None
        and used.unit == planned.unit
        and used.amount >= planned.amount - _EPSILON
    )


def _judge(session: PastSession, number: int) -> _Judgement | None:
    sets = sorted(
        (s for s in session.sets if s.block == number),
        key=lambda s: (s.set, s.side != "left", s.side or ""),
    )
    if not sets:
        return None
    ran = _ran_block(session, number, sets)
    reached = [
        s.reps_done >= s.reps_max
        and s.exercise == ran.exercise
        and s.hold_s >= ran.hold - _EPSILON
        and _at_planned(s.load, ran.load)
        for s in sets
    ]
    top = len(sets) >= ran.expected and all(reached)
    lightest = None
    if top and ran.loaded:
        lightest = min(Load(s.load).amount or 0.0 for s in sets)
    hard = next((s.set for s in sets if s.effort == HARD), None)
    return _Judgement(
        ran=ran,
        top=top,
        below_bottom=any(s.reps_done < s.reps_min for s in sets),
        hard_set=hard,
        lightest=lightest,
        last_time=_last_time(ran, sets),
    )


def _last_time(ran: _Ran, sets: Sequence[PastSet]) -> str:
    """``15 · 15 · 15 at 40 kg``; a planned set that was not done shows as ``–``."""
    done = [f"{local_number(s.hold_s)} s" if ran.single_hold else str(s.reps_done) for s in sets]
    done += ["–"] * max(0, ran.expected - len(sets))
    loads = {s.load for s in sets}
    if len(loads) == 1:
        load = Load(sets[0].load)
        if load.is_bodyweight:
            return " · ".join(done)
        return _at(" · ".join(done), load.text)
    parts = [
        _at(text, s.load) if not Load(s.load).is_bodyweight else text
        for text, s in zip(done, sets, strict=False)
    ]
    return " · ".join(parts + done[len(sets) :])


def _at(done: str, load: str) -> str:
    """ "15 · 15 at 40 kg" ("15 · 15 mit 40 kg")."""
    return _("{done} at {load}").format(done=done, load=localise_numbers(load))


def _load(load: Load) -> str:
    return localise_numbers(load.text)


def in_sentence(name: str) -> str:
    """An exercise's name inside a sentence: lower case, except in German, where nouns
    keep their capital."""
    return name if current() == "de" else name.lower()


def _chain(start: str) -> list[str]:
    """``start`` and the exercises the library names after it, in order."""
    library = exercise_library()
    found = [start]
    exercise = find_exercise(start)
    while exercise is not None and exercise.next is not None and len(found) < _MAX_CHAIN:
        if exercise.next in found:
            break
        found.append(exercise.next)
        exercise = library.get(exercise.next)
    if (first := find_exercise(start)) is not None and first.id not in found:
        found.append(first.id)
    return found


def advise(
    protocol: Protocol, sessions: Sequence[PastSession], steps: LoadSteps | None = None
) -> Advice:
    """The advice for each block of ``protocol``, from ``sessions`` (newest first)."""
    steps = steps or LoadSteps()
    return Advice(
        tuple(
            _advise_block(number, block, sessions, steps)
            for number, block in enumerate(protocol.blocks, 1)
        )
    )


def as_written(number: int, block: Block, reason: str) -> BlockAdvice:
    return BlockAdvice(
        block=number,
        rule="as-written",
        exercise=block.exercise,
        load=block.load,
        target=block.target,
        hold=block.tempo.hold,
        per_side=block.per_side,
        reason=reason,
    )


def _advise_block(
    number: int, written: Block, sessions: Sequence[PastSession], steps: LoadSteps
) -> BlockAdvice:
    judged: list[tuple[PastSession, _Judgement]] = []
    for session in sessions:
        judgement = _judge(session, number)
        if judgement is not None:
            judged.append((session, judgement))
            if len(judged) == 2:
                break
    if not judged:
        return as_written(number, written, _("no history yet: as written"))
    session, last = judged[0]
    ran = last.ran
    if ran.exercise not in _chain(written.exercise) or ran.single_hold != written.is_single_hold:
        return as_written(number, written, _("the protocol changed since last time: as written"))
    previous = None
    if len(judged) > 1 and judged[1][1].ran.exercise == ran.exercise:
        previous = judged[1][1]

    def advice(rule: str, reason: str, **changes: Any) -> BlockAdvice:
        values: dict[str, Any] = {
            "exercise": ran.exercise,
            "load": ran.load,
            "target": written.target,
            "hold": ran.hold,
            "per_side": ran.per_side,
        }
        values.update(changes)
        if ran.single_hold or written.is_single_hold:
            values["target"] = written.target
        return BlockAdvice(
            block=number,
            rule=rule,
            reason=reason,
            last_time=last.last_time,
            last_day=session.day,
            **values,
        )

    top = ran.reps_max
    if ran.single_hold:
        done = _("you held the full {hold} s").format(hold=local_number(ran.hold))
    else:
        done = _("every set reached {top}").format(top=top)
    if last.below_bottom and previous is not None and previous.below_bottom:
        bottom = _("below {reps} in the last two sessions").format(reps=ran.reps_min)
        if ran.loaded:
            lighter = decreased(ran.load, steps.step(ran.load.unit))
            if lighter == ran.load:
                reason = _("{why}; {load} is the lightest step: stay there")
                return advice("same", reason.format(why=bottom, load=_load(ran.load)))
            reason = _("{why}: try {load} (about 10 % less)")
            return advice("decrease", reason.format(why=bottom, load=_load(lighter)), load=lighter)
        if ran.hold > written.tempo.hold + _EPSILON:
            hold = max(written.tempo.hold, ran.hold - 1.0)
            reason = _("{why}: hold {hold} s").format(why=bottom, hold=local_number(hold))
            return advice("step-back", reason, hold=hold)
        if ran.exercise != written.exercise or ran.load != written.load:
            return advice(
                "step-back",
                _("{why}: back to {exercise}").format(
                    why=bottom, exercise=in_sentence(exercise_name(written.exercise))
                ),
                exercise=written.exercise,
                load=written.load,
                per_side=written.per_side,
            )
        reason = _("{why}: the same again, aim for {reps} or more")
        return advice("same", reason.format(why=bottom, reps=ran.reps_min))
    if not last.top:
        aim = written.reps_max
        if ran.loaded:
            reason = _("not every set reached {top}: stay at {load}")
            return advice("same", reason.format(top=top, load=_load(ran.load)), target=aim)
        reason = _("not every set reached {top}: the same again")
        return advice("same", reason.format(top=top), target=aim)
    if last.hard_set is not None:
        if ran.loaded:
            reason = _("{done}, but you rated set {set} hard: stay at {load}")
        else:
            reason = _("{done}, but you rated set {set} hard: the same again")
        reason = reason.format(done=done, set=last.hard_set, load=_load(ran.load))
        return advice("hard", reason)
    if ran.loaded:
        assert last.lightest is not None and ran.load.unit is not None
        heavier = ran.load.with_amount(
            round(last.lightest + steps.step(ran.load.unit), 6), ran.load.unit
        )
        reason = _("{done}: try {load}").format(done=done, load=_load(heavier))
        return advice("increase", reason, load=heavier)
    twice = (
        previous is not None
        and previous.top
        and previous.ran.hold == ran.hold
        and previous.ran.load == ran.load
    )
    following = _next_step(ran, steps)
    if not twice:
        if following is not None:
            return advice("repeat", _("{done}: once more, then the next step").format(done=done))
        return advice("repeat", _("{done}: once more").format(done=done))
    if following is None:
        name = in_sentence(exercise_name(ran.exercise))
        reason = _("{done} twice running; no next step after {exercise}: the same")
        return advice("repeat", reason.format(done=done, exercise=name))
    rule, changes, what = following
    return advice(rule, _("{done} twice running: {what}").format(done=done, what=what), **changes)


def _next_step(ran: _Ran, steps: LoadSteps) -> tuple[str, dict[str, Any], str] | None:
    """The library's next step after an unloaded block: (rule, changes, what to say)."""
    exercise = find_exercise(ran.exercise)
    if exercise is not None and exercise.next is not None:
        harder = exercise_library()[exercise.next]
        changes: dict[str, Any] = {"exercise": harder.id, "per_side": harder.unilateral}
        first = _first_load(harder, steps.units)
        what = _("try {exercise}").format(exercise=in_sentence(harder.name))
        if first is not None:
            changes["load"] = first
            what = _("try {exercise} at {load}").format(
                exercise=in_sentence(harder.name), load=_load(first)
            )
        return "next-step", changes, what
    if exercise is not None and exercise.loaded:
        first = _first_load(exercise, steps.units)
        if first is not None:
            return (
                "next-step",
                {"load": first},
                _("add weight: try {load}").format(load=_load(first)),
            )
    more = exercise.next_hold if exercise is not None else (1.0 if ran.single_hold else 0.0)
    if more > 0 and ran.hold + more <= MAX_HOLD:
        hold = round(ran.hold + more, 3)
        return (
            "longer-hold",
            {"hold": hold},
            _("hold {seconds} s").format(seconds=local_number(hold)),
        )
    return None


def _first_load(exercise: Exercise, units: str) -> Load | None:
    amount = exercise.first_load(units)
    return None if amount is None else Load().with_amount(amount, units)


def decreased(load: Load, step: float) -> Load:
    """About 10 % less than ``load``, rounded down to a multiple of ``step``; at least one
    step, and ``load`` itself when it is one step or less already."""
    amount, unit = load.amount, load.unit
    if amount is None or unit is None or amount <= step + _EPSILON:
        return load
    steps = math.floor(round(amount * DECREASE / step, 9))
    lighter = round(max(1, steps) * step, 6)
    return load.with_amount(lighter, unit) if lighter < amount else load


def apply_advice(protocol: Protocol, advice: Advice) -> Protocol:
    """``protocol`` with each block as ``advice`` says (blocks it does not name: as
    written). A rep range widens to take a target outside it."""
    blocks = list(protocol.blocks)
    for item in advice.blocks:
        if not 1 <= item.block <= len(blocks):
            continue
        block = blocks[item.block - 1]
        blocks[item.block - 1] = replace(
            block,
            exercise=item.exercise,
            load=item.load,
            target=item.target,
            reps_min=min(block.reps_min, item.target),
            reps_max=max(block.reps_max, item.target),
            per_side=item.per_side,
            tempo=replace(block.tempo, hold=item.hold),
        )
    return replace(protocol, blocks=tuple(blocks))
