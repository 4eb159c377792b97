"""The workout session: a state machine that walks a plan against an injected clock.

Every deadline is ``origin + offset`` where the offset comes from the plan, so a late
tick never shifts anything after it; pausing for X seconds moves ``origin`` by exactly X.
The session emits events and never calls Qt, speech or SQLite itself.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from glute_timer.core.clock import Clock
from glute_timer.core.plan import Cue, Plan, SetSpan, Step
from glute_timer.core.rest_adjust import REST_PHASES as REST_PHASES
from glute_timer.core.rest_adjust import RestAdjusted as RestAdjusted
from glute_timer.core.rest_adjust import rest_change

log = logging.getLogger(__name__)

BACK_GRACE = 1.0
"""Pressing back within this many seconds of a rep's start goes to the rep before it."""

DEFAULT_SUSPEND_AFTER = 10.0
"""A gap this long between two ticks means the machine slept: the session pauses."""

START_DELAY = 0.3
"""Seconds between the start command and the workout's first moment, when cues are heard:
sound reaches the speaker an output latency (~0.1 s) after it is started, so a cue due at
the very moment of the command could only be late."""

DEFAULT_LATE_NOTICE = 1.0
"""Cues this many seconds late (a shorter freeze than a sleep) come with a Delayed notice."""

_DUE_TOLERANCE = 1e-9
"""Seconds: a deadline this close to now counts as due (floating-point rounding)."""


class State(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SetRecord:
    """A completed set, as the history stores it."""

    block: int
    set: int
    side: str | None
    exercise: str
    exercise_name: str
    reps_done: int
    target: int
    reps_min: int
    reps_max: int
    hold_s: float
    load: str
    started_at: float  # monotonic clock
    ended_at: float
    started_wall: float  # seconds since the epoch
    ended_wall: float
    effort: int | None = None  # the user's rating: 1 easy, 2 right, 3 hard (EFFORTS)


EFFORTS = {1: "easy", 2: "right", 3: "hard"}
"""The effort ratings a set may get, by number (the keys 1, 2 and 3 on the rest screen)."""
HARD = 3


@dataclass(frozen=True)
class CueDue:
    cue: Cue
    due: float  # the clock reading the cue belongs at; the listener may be late


@dataclass(frozen=True)
class StepStarted:
    step: Step
    due: float


@dataclass(frozen=True)
class SetCompleted:
    record: SetRecord


@dataclass(frozen=True)
class SetCorrected:
    """An already completed set was corrected by the user: its load, or its effort rating
    (``Session.rate_last_set``)."""

    index: int  # position in Session.completed_sets
    record: SetRecord


@dataclass(frozen=True)
class StateChanged:
    state: State
    at: float
    # ``at`` on the wall clock (seconds since the epoch); left out of comparisons, so
    # events made without it (by older listeners' tests) still compare equal.
    wall: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Suspended:
    """Ticks stopped for ``gap`` seconds (the machine slept); the session paused at ``at``."""

    gap: float
    at: float


@dataclass(frozen=True)
class Delayed:
    """Ticks stopped for ``gap`` seconds, too short to pause for (see Suspended): the
    ``missed`` cues due meanwhile, the first of them ``late`` seconds ago, come out now at
    once. Emitted before them, so a display can say why they bunch up."""

    gap: float
    missed: int
    late: float
    at: float


@dataclass(frozen=True)
class WorkoutFinished:
    completed: bool  # False when stopped early
    at: float
    sets: tuple[SetRecord, ...]
    # ``at`` on the wall clock (seconds since the epoch); left out of comparisons, so
    # events made without it (by older listeners' tests) still compare equal.
    wall: float | None = field(default=None, compare=False)


Event = (
    CueDue
    | StepStarted
    | SetCompleted
    | SetCorrected
    | StateChanged
    | Suspended
    | Delayed
    | RestAdjusted
    | WorkoutFinished
)
Listener = Callable[[Event], None]


class DeferredListener:
    """Holds the events for a slow listener (one that writes to disk) until ``flush()``.

    A driver flushes after each tick, so every cue due at that moment is out before the
    write starts: a set that ends on the same instant as the next cue never delays it.
    """

    def __init__(self, listener: Listener) -> None:
        self._listener = listener
        self._queue: list[Event] = []

    def __call__(self, event: Event) -> None:
        self._queue.append(event)

    def flush(self) -> None:
        queue, self._queue = self._queue, []
        for event in queue:
            self._listener(event)


@dataclass(frozen=True)
class SessionView:
    """Everything a display needs at one moment, derived from the plan and the clock."""

    state: State
    step: Step
    offset: float
    step_elapsed: float
    step_remaining: float
    total: float
    span: SetSpan | None
    reps_done: int
    can_finish_set: bool
    next_text: str | None
    step_duration: float  # the step's length as it runs (a rest made longer or shorter)
    extra: float  # seconds the rests so far were made longer (negative: shorter)
    can_adjust_rest: bool

    @property
    def step_progress(self) -> float:
        if self.step_duration <= 0:
            return 1.0
        return min(1.0, max(0.0, self.step_elapsed / self.step_duration))

    @property
    def elapsed(self) -> float:
        """Seconds of the workout done (the plan's offset, with the rests' changes)."""
        return self.offset + self.extra

    @property
    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed)

    @property
    def progress(self) -> float:
        return 1.0 if self.total <= 0 else min(1.0, self.offset / self.total)


class Session:
    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        *,
        wall_clock: Clock = time.time,
        suspend_after: float | None = DEFAULT_SUSPEND_AFTER,
        late_notice: float | None = DEFAULT_LATE_NOTICE,
    ) -> None:
        self.plan = plan
        self._clock = clock
        self._wall_clock = wall_clock
        self._suspend_after = suspend_after
        self._late_notice = late_notice
        self._listeners: list[Listener] = []
        self._state = State.IDLE
        self._origin = 0.0
        self._paused_at: float | None = None
        self._end_offset: float | None = None
        self._last_tick: float | None = None
        self._step = 0
        self._cue = 0
        self._reps_done = 0
        self._rep_skipped = False  # a step of the rep under way was skipped
        self._set_started: float | None = None
        self._mono0 = 0.0
        self._wall0 = 0.0
        self._loads: dict[int, str] = {}
        self._completed: list[SetRecord] = []
        self._step_shift = 0.0  # seconds the current step was made longer (adjust_rest)
        self._extra = 0.0  # the same, over the whole workout
        self._next_texts: dict[int, str | None] = {}  # "Next: …" by step, asked every tick

    # ------------------------------------------------------------ observing

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @property
    def state(self) -> State:
        return self._state

    @property
    def completed_sets(self) -> tuple[SetRecord, ...]:
        return tuple(self._completed)

    @property
    def current_step(self) -> Step:
        return self.plan.steps[self._step]

    def next_deadline(self) -> float | None:
        """The clock reading of the next cue or step change, while running."""
        if self._state is not State.RUNNING:
            return None
        step = self.plan.steps[self._step]
        candidates = [step.end] if step.phase != "done" else [step.start]
        if self._cue < len(self.plan.cues):
            candidates.append(self.plan.cues[self._cue].at)
        return self._origin + min(candidates)

    def deadline_of(self, offset: float) -> float:
        """The clock reading at which plan ``offset`` falls, given pauses and jumps so far."""
        return self._origin + offset

    def view(self, now: float | None = None) -> SessionView:
        if now is None:
            now = self._clock()
        step = self.plan.steps[self._step]
        # A rest made longer starts earlier on the plan's offsets (its end stays put).
        start = step.start - self._step_shift
        offset = self._offset(now)
        offset = min(max(offset, start), step.end)
        span = self.plan.sets[step.span] if step.span is not None else None
        if step.index not in self._next_texts:
            following = step.index + 1
            steps = len(self.plan.steps)
            described = self.plan.describe_step(following) if following < steps else None
            self._next_texts[step.index] = described
        next_text = self._next_texts[step.index]
        return SessionView(
            state=self._state,
            step=step,
            offset=offset,
            step_elapsed=offset - start,
            step_remaining=step.end - offset,
            total=self.plan.total + self._extra,
            span=span,
            reps_done=self._reps_done,
            can_finish_set=self._can_finish_set(),
            next_text=next_text,
            step_duration=step.duration + self._step_shift,
            extra=self._extra,
            can_adjust_rest=self.can_adjust_rest(),
        )

    # ------------------------------------------------------------ commands

    def start(self, delay: float = 0.0) -> bool:
        """Start the workout ``delay`` seconds from now.

        A short delay lets cue audio be on time from the very first cue: sound is heard an
        output latency after it is started, so a cue due *now* is always a little late."""
        if self._state is not State.IDLE:
            return False
        now = self._clock()
        delay = max(0.0, delay)
        self._origin = now + delay
        self._mono0 = self._origin
        self._wall0 = self._wall_clock() + delay
        self._last_tick = now
        self._set_state(State.RUNNING, now)
        self._enter(0, self._origin, fresh=True)
        self._advance(-delay)
        return True

    def tick(self, now: float | None = None) -> None:
        """Emit every cue and step change whose deadline has passed by ``now``."""
        if self._state is not State.RUNNING:
            return
        if now is None:
            now = self._clock()
        last = self._last_tick
        if last is not None and now < last:
            now = last  # a monotonic clock never goes back; guard against misuse
        if (
            self._suspend_after is not None
            and last is not None
            and now - last > self._suspend_after
        ):
            self._paused_at = last
            self._set_state(State.PAUSED, last)
            self._emit(Suspended(gap=now - last, at=last))
            return
        self._last_tick = now
        self._notice_late_cues(now, last)
        self._advance(now - self._origin)

    def _notice_late_cues(self, now: float, last: float | None) -> None:
        """Emit Delayed when this tick finds cues that should have been out a while ago."""
        cues = self.plan.cues
        if self._late_notice is None or last is None or self._cue >= len(cues):
            return
        late = now - (self._origin + cues[self._cue].at)
        if late <= self._late_notice:
            return
        missed = self.plan.first_cue_from(now - self._origin - self._late_notice) - self._cue
        if missed > 0:
            self._emit(Delayed(gap=now - last, missed=missed, late=late, at=now))

    def pause(self) -> bool:
        if self._state is not State.RUNNING:
            return False
        now = self._clock()
        self.tick(now)
        if not self._still_running():
            # The tick found the machine had slept (paused) or the workout ended.
            return self.state is State.PAUSED
        self._paused_at = now
        self._set_state(State.PAUSED, now)
        return True

    def resume(self) -> bool:
        if self._state is not State.PAUSED or self._paused_at is None:
            return False
        now = self._clock()
        self._origin += now - self._paused_at
        self._paused_at = None
        self._last_tick = now
        self._set_state(State.RUNNING, now)
        self._advance(now - self._origin)
        return True

    def toggle(self) -> bool:
        """Start, pause or resume: what the one big button does."""
        if self._state is State.IDLE:
            return self.start()
        if self._state is State.RUNNING:
            return self.pause()
        return self.resume()

    def skip(self) -> bool:
        """End the current step now and go on to the next one."""
        ref = self._catch_up()
        if ref is None:
            return False
        step = self.plan.steps[self._step]
        if step.phase == "done":
            return False
        self._finish_step(step, ref, skipped=True)
        self._jump(step.index + 1, ref, fresh=True)
        return True

    def back(self) -> bool:
        """Go to the start of the current rep, or of the one before within the first second.

        Outside a set (lead-in, rest, switch) the current step starts again.
        """
        ref = self._catch_up()
        if ref is None:
            return False
        step = self.plan.steps[self._step]
        if step.phase == "done":
            return False
        if step.span is None or step.rep is None:
            self._jump(step.index, ref, fresh=False)
            return True
        span = self.plan.sets[step.span]
        rep_index = step.rep - 1
        rep_start = self.plan.steps[span.rep_first_steps[rep_index]].start
        if self._offset(ref) - rep_start < BACK_GRACE and rep_index > 0:
            rep_index -= 1
        self._reps_done = rep_index
        self._rep_skipped = False
        self._jump(span.rep_first_steps[rep_index], ref, fresh=False)
        return True

    def finish_set(self) -> bool:
        """End the current set now with the reps done so far (at least the range's minimum)."""
        if self._state not in (State.RUNNING, State.PAUSED):
            return False
        ref = self._catch_up()
        if ref is None or not self._can_finish_set():
            return False
        step = self.plan.steps[self._step]
        assert step.span is not None
        span = self.plan.sets[step.span]
        self._complete_set(span, ref)
        self._jump(span.end_step, ref, fresh=True)
        return True

    def stop(self) -> bool:
        ref = self._catch_up()
        if ref is None:
            return False
        self._end_offset = self._offset(ref)
        self._paused_at = None
        self._set_state(State.STOPPED, ref)
        self._emit(
            WorkoutFinished(
                completed=False, at=ref, sets=self.completed_sets, wall=self._wall_at(ref)
            )
        )
        return True

    def can_adjust_rest(self) -> bool:
        """Whether :meth:`adjust_rest` would do something now (a rest or switch runs)."""
        return (
            self._state in (State.RUNNING, State.PAUSED)
            and self.plan.steps[self._step].phase in REST_PHASES
        )

    def adjust_rest(self, seconds: float) -> bool:
        """Make the running rest (or switch) ``seconds`` longer, or shorter when negative.

        Every deadline from now on moves by exactly the change (the timeline's origin is
        shifted, as a pause shifts it); nothing before now changes. A shortening never
        goes below zero: -15 s with 5 s left ends the rest now. The cues of the rest from
        the new position on come at their new times: after a lengthening, the "10 seconds"
        and the 3-2-1 already heard come again; a shortening passes over the cues of the
        seconds it removes, as a skip does. Works while paused too (the rest stays paused).
        """
        if not math.isfinite(seconds) or seconds == 0:
            return False
        ref = self._catch_up()
        if ref is None:
            return False
        step = self.plan.steps[self._step]
        if step.phase not in REST_PHASES:
            return False
        delta, first_cue = rest_change(self.plan, step, self._offset(ref), seconds)
        if delta == 0:
            return False
        self._cue = first_cue
        self._origin += delta
        self._step_shift += delta
        self._extra += delta
        self._emit(
            RestAdjusted(
                step=step,
                delta=delta,
                requested=seconds,
                at=ref,
                step_due=self._origin + step.start,
            )
        )
        if self._state is State.RUNNING:
            self._advance(ref - self._origin)
        return True

    def set_load(self, block: int, load: str) -> None:
        """Use ``load`` for the sets of ``block`` that are not finished yet."""
        if not 1 <= block <= len(self.plan.protocol.blocks):
            raise ValueError(f"no block {block}")
        self._loads[block] = load

    def load_for(self, block: int) -> str:
        return self._loads.get(block, self.plan.protocol.blocks[block - 1].load.text)

    def correct_last_set_load(self, load: str) -> SetRecord | None:
        """The last set was done with another load than planned: fix its record."""
        if not self._completed:
            return None
        index = len(self._completed) - 1
        record = replace(self._completed[index], load=load)
        self._completed[index] = record
        self._emit(SetCorrected(index=index, record=record))
        return record

    def rate_last_set(self, effort: int | None) -> SetRecord | None:
        """Rate the set just completed (1 easy, 2 right, 3 hard; None takes a rating back).

        Allowed in any state, the summary after the workout included; the rating reaches
        the listeners as a ``SetCorrected`` of that set, after its ``SetCompleted``."""
        if effort is not None and effort not in EFFORTS:
            raise ValueError(f"an effort is 1, 2 or 3, not {effort!r}")
        if not self._completed:
            return None
        index = len(self._completed) - 1
        if self._completed[index].effort == effort:
            return self._completed[index]
        record = replace(self._completed[index], effort=effort)
        self._completed[index] = record
        self._emit(SetCorrected(index=index, record=record))
        return record

    # ------------------------------------------------------------ internals

    def _offset(self, now: float) -> float:
        if self._state is State.IDLE:
            return 0.0
        if self._state in (State.FINISHED, State.STOPPED):
            return self._end_offset if self._end_offset is not None else self.plan.total
        if self._state is State.PAUSED and self._paused_at is not None:
            return self._paused_at - self._origin
        return now - self._origin

    def _catch_up(self) -> float | None:
        """Bring the session up to now; the reference time for a command, or None."""
        if self._state is State.RUNNING:
            now = self._clock()
            self.tick(now)
            if self._still_running():
                return now
        if self._state is State.PAUSED and self._paused_at is not None:
            return self._paused_at
        return None

    def _still_running(self) -> bool:
        # A separate call so type narrowing does not assume tick() left the state alone.
        return self._state is State.RUNNING

    def _can_finish_set(self) -> bool:
        if self._state not in (State.RUNNING, State.PAUSED):
            return False
        step = self.plan.steps[self._step]
        if step.span is None:
            return False
        return self._reps_done >= self.plan.sets[step.span].reps_min

    def _advance(self, offset: float) -> None:
        # After a pause or a jump, ``now - origin`` can miss a deadline that falls exactly
        # now by one rounding step; that cue would wait for the next tick.
        offset += _DUE_TOLERANCE
        steps, cues = self.plan.steps, self.plan.cues
        while self._state is State.RUNNING:
            step = steps[self._step]
            next_cue = cues[self._cue].at if self._cue < len(cues) else math.inf
            if step.phase == "done":
                if next_cue <= offset:
                    self._emit_cue(cues[self._cue])
                    continue
                if self._cue >= len(cues):
                    self._finish(self._origin + step.start)
                return
            if step.end <= offset and step.end <= next_cue:
                due = self._origin + step.end
                self._finish_step(step, due)
                self._enter(step.index + 1, due, fresh=True)
            elif next_cue <= offset:
                self._emit_cue(cues[self._cue])
            else:
                return

    def _emit_cue(self, cue: Cue) -> None:
        self._cue += 1
        self._emit(CueDue(cue=cue, due=self._origin + cue.at))

    def _enter(self, index: int, due: float, *, fresh: bool) -> None:
        self._step = index
        self._step_shift = 0.0
        step = self.plan.steps[index]
        if fresh and step.span is not None and index == self.plan.sets[step.span].first_step:
            self._reps_done = 0
            self._set_started = due
        self._emit(StepStarted(step=step, due=due))

    def _finish_step(self, step: Step, due: float, *, skipped: bool = False) -> None:
        if step.span is None:
            return
        span = self.plan.sets[step.span]
        if step.phase == "lift":
            self._rep_skipped = False  # a new rep: nothing of it skipped yet
        if skipped:
            self._rep_skipped = True
        if step.phase == "lower":
            # A rep counts once its lower has run its course, and only if none of its
            # steps was skipped: skipping through a set records the reps actually done.
            if not self._rep_skipped:
                self._reps_done += 1
            self._rep_skipped = False
        if step.index == span.end_step - 1:
            self._complete_set(span, due)

    def _jump(self, index: int, ref: float, *, fresh: bool) -> None:
        if index == self._step:
            # The step starts again at its planned length: a change to it is undone.
            self._extra -= self._step_shift
        step = self.plan.steps[index]
        self._origin = ref - step.start
        if self._state is State.PAUSED:
            self._paused_at = ref
        self._cue = self.plan.first_cue_from(step.start)
        self._enter(index, ref, fresh=fresh)
        if self._state is State.RUNNING:
            self._advance(step.start)

    def _complete_set(self, span: SetSpan, due: float) -> None:
        if self._reps_done == 0:
            # Skipped before its first rep was done: not a completed set, so it counts
            # toward no total, best or progression.
            self._set_started = None
            return
        started = self._set_started if self._set_started is not None else due
        record = SetRecord(
            block=span.block,
            set=span.set,
            side=span.side,
            exercise=span.exercise,
            exercise_name=span.exercise_name,
            reps_done=self._reps_done,
            target=span.target,
            reps_min=span.reps_min,
            reps_max=span.reps_max,
            hold_s=span.hold,
            load=self.load_for(span.block),
            started_at=started,
            ended_at=due,
            started_wall=self._wall0 + (started - self._mono0),
            ended_wall=self._wall0 + (due - self._mono0),
        )
        self._set_started = None
        self._completed.append(record)
        self._emit(SetCompleted(record=record))

    def _finish(self, at: float) -> None:
        self._end_offset = self.plan.total
        self._set_state(State.FINISHED, at)
        self._emit(
            WorkoutFinished(completed=True, at=at, sets=self.completed_sets, wall=self._wall_at(at))
        )

    def _wall_at(self, at: float) -> float:
        """A clock reading on the wall clock, as the set records have it: one mapping for
        the whole workout, so a workout's start and end enclose its sets exactly."""
        return self._wall0 + (at - self._mono0)

    def _set_state(self, state: State, at: float) -> None:
        self._state = state
        self._emit(StateChanged(state=state, at=at, wall=self._wall_at(at)))

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                # A failing listener (a full disk, a dead speech process) must not stop
                # the workout; it reports its own trouble.
                log.exception("session listener failed on %s", type(event).__name__)
