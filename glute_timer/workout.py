"""One workout, assembled once for both faces: the terminal run and the window.

A :class:`Workout` is built from the context, a plan and a clock. It makes the session,
subscribes the cue audio and the history recorder, and offers the named commands that
every control calls: the window's buttons and keys, the terminal, media keys and the phone
remote. Each face adds only its own view (the terminal's printer, the window's screen).

The history is recorded on a writer thread of its own, and even the hand-over to it waits
until every cue of a tick is out (``after_tick``): a set that ends on the same instant as
the next cue never delays it, in the terminal and in the window alike.

Commands that come from other threads (the phone remote's server) go through
:meth:`Workout.post`; the face that owns the workout runs them on its own thread
(:meth:`Workout.run_posted`), where the session lives. Who shows the workout elsewhere
(the media controls, the phone remote) watch it (:meth:`Workout.watch`): called on that
thread after every tick and command.

A rest made longer or shorter (:meth:`Workout.adjust_rest`) moves the session's timeline;
the cue audio follows it through the step's start on the moved timeline (see
:func:`_hear_moved_timelines`).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from glute_timer.context import AppContext
from glute_timer.core.clock import Clock
from glute_timer.core.display import Display, display_of
from glute_timer.core.plan import Plan
from glute_timer.core.session import (
    DeferredListener,
    Event,
    Listener,
    RestAdjusted,
    Session,
    SetRecord,
    State,
    StepStarted,
)

log = logging.getLogger(__name__)

COMMANDS = (
    "start",
    "pause",
    "resume",
    "toggle",
    "play",
    "skip",
    "back",
    "next",
    "finish_set",
    "rest_plus",
    "rest_minus",
    "stop",
)
"""The commands every control of a workout may call by name."""

REST_STEP = 15.0
"""Seconds that "+15 s" and "-15 s" add to or take from a rest (or a switch)."""


class CueAudio(Protocol):
    """What a workout needs of its sound (the cue player, or the window's wrapper)."""

    start_delay: float  # seconds between "start" and the first moment (Session.start)

    def prepare(self, plan: Plan) -> object: ...

    def listener(self, event: Event) -> None: ...


class HistoryLike(Protocol):
    """The history writer, as a workout uses it."""

    def __call__(self, event: Event) -> None: ...

    def close(self, timeout: float = ...) -> bool: ...

    @property
    def saved_sets(self) -> int: ...


class Workout:
    """The session of one workout with everything attached to it."""

    def __init__(
        self,
        context: AppContext,
        plan: Plan,
        protocol_id: str,
        *,
        clock: Clock = time.monotonic,
        wall_clock: Clock = time.time,
        audio: CueAudio | None = None,
        record: bool = True,
        on_message: Callable[[str], None] | None = None,
        listeners: Sequence[tuple[str, Listener]] = (),
    ) -> None:
        self.context = context
        self.plan = plan
        self.protocol_id = protocol_id
        self.session = Session(plan, clock, wall_clock=wall_clock)
        self.audio = audio
        self._parts: list[str] = []
        self._posted: queue.SimpleQueue[tuple[str, threading.Event, list[bool]]] = (
            queue.SimpleQueue()
        )
        self.paused_by_user = False
        """The last pause was a command (not a gap in the ticks: the machine slept)."""
        self.on_posted: Callable[[], None] | None = None
        """Called (on the posting thread) after :meth:`post`: wakes the owner's loop."""
        self._watchers: list[Callable[[], None]] = []
        if audio is not None:
            audio.prepare(plan)
            self._attach("audio", _hear_moved_timelines(audio.listener))
        for name, listener in listeners:
            self._attach(name, listener)
        self.history: HistoryLike | None = None
        self._deferred: DeferredListener | None = None
        if record:
            from glute_timer.core.history_recorder import start_history_writer

            self.history = start_history_writer(
                context.paths.history_db, plan, protocol_id, on_message
            )
            self._deferred = DeferredListener(self.history)
            self._attach("history", self._deferred)

    def _attach(self, name: str, listener: Listener) -> None:
        self.session.subscribe(listener)
        self._parts.append(name)

    # ------------------------------------------------------------ what is attached

    @property
    def parts(self) -> tuple[str, ...]:
        """The names of the listeners, in the order they hear each event."""
        return tuple(self._parts)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Hear every event of the session (a face's own view)."""
        return self.session.subscribe(listener)

    def watch(self, watcher: Callable[[], None]) -> Callable[[], None]:
        """Call ``watcher`` after every tick and command (on the owner's thread), to show
        the workout elsewhere; returns a function that stops it."""
        self._watchers.append(watcher)
        return lambda: self._watchers.remove(watcher)

    # ------------------------------------------------------------ the clock

    def tick(self, now: float | None = None) -> None:
        """Bring the session up to ``now``, then hand what ended to the history."""
        self.session.tick(now)
        self.after_tick()

    def after_tick(self) -> None:
        """Every cue of this moment is out: the history may have the events now."""
        if self._deferred is not None:
            self._deferred.flush()
        for watcher in list(self._watchers):
            try:
                watcher()
            except Exception:
                log.exception("a workout watcher failed")

    def next_deadline(self) -> float | None:
        return self.session.next_deadline()

    def display(self, now: float | None = None) -> Display:
        return display_of(self.session, now)

    @property
    def completed_sets(self) -> tuple[SetRecord, ...]:
        return self.session.completed_sets

    # ------------------------------------------------------------ named commands

    def start(self, delay: float | None = None) -> bool:
        """Start; by default as late as the sound needs to be on time from the first cue."""
        if delay is None:
            delay = self.audio.start_delay if self.audio is not None else 0.0
        return self._run(lambda: self.session.start(delay))

    def pause(self) -> bool:
        done = self._run(self.session.pause)
        self.paused_by_user = self.paused_by_user or done
        return done

    def resume(self) -> bool:
        self.paused_by_user = False
        return self._run(self.session.resume)

    def toggle(self) -> bool:
        """Start, pause or resume: the one big button."""
        state = self.session.state.value
        if state == "idle":
            return self.start()
        if state == "running":
            return self.pause()
        return self.resume()

    def play(self) -> bool:
        """Start an idle workout, resume a paused one (a media key's Play)."""
        if self.session.state is State.IDLE:
            return self.start()
        if self.session.state is State.PAUSED:
            return self.resume()
        return False

    def skip(self) -> bool:
        return self._run(self.session.skip)

    def next(self) -> bool:
        """Finish the set once the range's minimum is done, else skip (a media key's Next)."""
        if self.session.view().can_finish_set:
            return self.finish_set()
        return self.skip()

    def adjust_rest(self, seconds: float) -> bool:
        """Make the running rest or switch ``seconds`` longer (shorter when negative)."""
        return self._run(lambda: self.session.adjust_rest(seconds))

    def rest_plus(self) -> bool:
        return self.adjust_rest(REST_STEP)

    def rest_minus(self) -> bool:
        return self.adjust_rest(-REST_STEP)

    def back(self) -> bool:
        return self._run(self.session.back)

    def finish_set(self) -> bool:
        return self._run(self.session.finish_set)

    def stop(self) -> bool:
        return self._run(self.session.stop)

    def change_load(self, block: int, load: str, *, correct_last: bool = False) -> None:
        """Use ``load`` for the sets of ``block`` still to come (and, with
        ``correct_last``, for the set just finished: it was done with that load)."""
        self.session.set_load(block, load)
        if correct_last:
            self.session.correct_last_set_load(load)
        self.after_tick()

    def rate_last_set(self, effort: int | None) -> bool:
        """Rate the set just finished (1 easy, 2 right, 3 hard). The rating goes to the
        history's writer thread in the same queue as the set itself, after it, so it is
        stored with that set whenever the set is written (or rescued). False when no set
        was completed yet."""
        record = self.session.rate_last_set(effort)
        self.after_tick()
        return record is not None

    def command(self, name: str) -> bool:
        """Run the named command (one of ``COMMANDS``); False if it did nothing."""
        commands: dict[str, Callable[[], bool]] = {
            "start": self.start,
            "pause": self.pause,
            "resume": self.resume,
            "toggle": self.toggle,
            "play": self.play,
            "skip": self.skip,
            "back": self.back,
            "next": self.next,
            "finish_set": self.finish_set,
            "rest_plus": self.rest_plus,
            "rest_minus": self.rest_minus,
            "stop": self.stop,
        }
        if name not in commands:
            raise ValueError(f"no command {name!r} (commands: {', '.join(COMMANDS)})")
        return commands[name]()

    def _run(self, command: Callable[[], bool]) -> bool:
        done = command()
        self.after_tick()
        return done

    # ------------------------------------------------------------ from other threads

    def post(self, name: str, timeout: float = 2.0) -> bool | None:
        """Ask for command ``name`` from another thread; its result once the owner ran it
        (None if it did not within ``timeout``). Raises ValueError for an unknown name."""
        if name not in COMMANDS:
            raise ValueError(f"no command {name!r}")
        done = threading.Event()
        result: list[bool] = []
        self._posted.put((name, done, result))
        if self.on_posted is not None:
            self.on_posted()
        if not done.wait(timeout):
            return None
        return result[0] if result else False

    def run_posted(self) -> None:
        """Run the commands other threads posted (on the thread that owns the workout)."""
        while True:
            try:
                name, done, result = self._posted.get_nowait()
            except queue.Empty:
                return
            try:
                result.append(self.command(name))
            except Exception:
                log.exception("the posted command %s failed", name)
            finally:
                done.set()

    # ------------------------------------------------------------ the end

    def close(self, *, wait: bool = True) -> int:
        """Hand the history what is left; with ``wait``, wait for its last writes. The
        number of sets saved."""
        self.after_tick()
        if self.history is None:
            return 0
        if wait:
            self.history.close()
        return self.history.saved_sets


def _hear_moved_timelines(listener: Listener) -> Listener:
    """``listener`` (the cue audio), told of a rest made longer or shorter in the terms it
    already follows: the step's start with its new deadline.

    The cue conductor (``glute_timer.speech.schedule``) takes a step start whose origin
    differs from its own like a jump: it drops what it had handed over and not yet sounded,
    and goes on from the step's first cue on the new origin. Cues whose new time has
    passed are dropped as stale (never played late); the ones still to come are handed over
    at their new times, so "10 seconds" and the 3-2-1 follow the longer or shorter rest.
    """

    def hear(event: Event) -> None:
        if isinstance(event, RestAdjusted):
            listener(StepStarted(step=event.step, due=event.step_due))
        else:
            listener(event)

    return hear
