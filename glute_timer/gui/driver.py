"""The session driver: one precise Qt timer that moves a workout along the monotonic clock.

Every wake calls ``workout.tick(clock())`` and publishes ``workout.display(clock())``, the
pure object the workout screen paints. What is shown is always computed from the clock
reading, so a late or missed wake only delays a repaint; it never shifts the workout.

The timer is a single shot, re-armed after every wake for the earliest of: the session's
next deadline (a cue or a step change, exactly), the moment the whole seconds on screen
flip (the step's countdown and the workout's time left), and the next frame the display
asks for (``frame_interval``: the ring wants one when it has moved a couple of pixels).
Nothing counts wakes, and nothing wakes while paused.

Between the session's deadlines and the flips of the seconds only the ring moves, so a
wake then is a *frame*: the driver hands the step's progress to ``frame`` (when the
display set one) instead of publishing a whole view: less Python per frame, and the
display is the same as if every wake had been full.

Frames keep to a grid laid from the start of the step, one every ``frame_gap`` seconds,
whatever full wakes come between; a frame on time (within ``FRAME_SLACK_S``) shows the
moment of its grid point. So every rep of a set at the same tempo shows the same moments,
and the figure paints each of them from a picture after the first time (``figure.py``).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from glute_timer.core.clock import Clock
from glute_timer.core.display import Display
from glute_timer.core.session import (
    Event,
    State,
    StateChanged,
    WorkoutFinished,
)
from glute_timer.gui.timers import MAX_FRAME_MS, MIN_FRAME_MS, TimerFactory, precise_timer
from glute_timer.workout import Workout

FRAME_SLACK_S = 0.012
"""A frame this late or less shows its planned moment; a later one, the clock's."""


class SessionDriver(QObject):
    view_changed = Signal(object)  # Display
    session_event = Signal(object)  # every session Event, in the GUI thread
    finished = Signal(object)  # WorkoutFinished
    _posted = Signal()  # a command came from another thread (the phone remote)

    def __init__(
        self,
        workout: Workout,
        clock: Clock,
        *,
        timer_factory: TimerFactory = precise_timer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workout = workout
        self.session = workout.session
        self._clock = clock
        self._unsubscribe: list[Callable[[], None]] = [workout.subscribe(self._on_event)]
        # Commands posted from other threads run here, in the GUI thread.
        self._posted.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)
        workout.on_posted = self._posted.emit
        self._timer = timer_factory(self, MIN_FRAME_MS)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)
        self._closed = False
        self.frame_interval: Callable[[Display], float] = _steady_frames
        """Seconds until the display wants its next frame, given what it shows now."""
        self.frame: Callable[[float], None] | None = None
        """The display's cheap update between full wakes: the step's progress, 0-1."""
        self.next_wake: float | None = None
        """The clock reading the timer is set for (None while not running)."""
        self._full_due = 0.0  # the next deadline or flip of the seconds
        self._frame_s = MIN_FRAME_MS / 1000
        self._step_began = 0.0  # the clock reading at which the current step began
        self._step_duration = 0.0

    # ------------------------------------------------------------ reading

    def view(self) -> Display:
        return self.workout.display(self._clock())

    @property
    def state(self) -> State:
        return self.session.state

    @property
    def frame_gap(self) -> float:
        """Seconds between two frames of the grid the driver keeps to now."""
        return self._frame_s

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        """Bring the session up to the clock and publish what to show."""
        if self._closed:
            return
        now = self._clock()
        self.workout.tick(now)
        display = self.workout.display(now)
        self.view_changed.emit(display)
        self._arm(display, now)

    def _wake(self) -> None:
        if self._closed:
            return
        now = self._clock()
        if self.frame is None or self._step_duration <= 0 or now >= self._full_due:
            self.poll()
            return
        planned = self.next_wake
        moment = planned if planned is not None and 0 <= now - planned <= FRAME_SLACK_S else now
        self.frame(min(1.0, max(0.0, (moment - self._step_began) / self._step_duration)))
        self._start_timer(min(self._next_frame(now), self._full_due))

    # ------------------------------------------------------------ named operations

    def start(self, delay: float | None = None) -> bool:
        """Start the workout (``delay``: see ``Workout.start``)."""
        return self._command(lambda: self.workout.start(delay))

    def toggle(self) -> bool:
        return self._command(self.workout.toggle)

    def skip(self) -> bool:
        return self._command(self.workout.skip)

    def back(self) -> bool:
        return self._command(self.workout.back)

    def finish_set(self) -> bool:
        return self._command(self.workout.finish_set)

    def stop(self) -> bool:
        return self._command(self.workout.stop)

    def command(self, name: str) -> bool:
        """Any of the workout's named commands (``glute_timer.workout.COMMANDS``)."""
        return self._command(lambda: self.workout.command(name))

    def change_load(self, block: int, load: str, *, correct_last: bool = False) -> None:
        self.workout.change_load(block, load, correct_last=correct_last)
        self.poll()

    def rate_last_set(self, effort: int | None) -> bool:
        """The effort rating of the set just finished (the rest screen's 1 / 2 / 3)."""
        done = self.workout.rate_last_set(effort)
        self.poll()
        return done

    def _run_posted(self) -> None:
        if not self._closed:
            self.workout.run_posted()
            self.poll()

    def close(self) -> None:
        """Stop ticking and let go of the session's listeners."""
        self._closed = True
        self._timer.stop()
        self.workout.on_posted = None
        self.workout.run_posted()  # nobody waits in vain: what was posted runs now
        for unsubscribe in self._unsubscribe:
            with contextlib.suppress(ValueError):
                unsubscribe()
        self._unsubscribe.clear()

    # ------------------------------------------------------------ internals

    def _command(self, command: Callable[[], bool]) -> bool:
        if self._closed:
            return False
        done = command()
        self.poll()
        return done

    def _arm(self, display: Display, now: float) -> None:
        """Set the timer for the next moment something on screen changes."""
        if self._closed or self.session.state is not State.RUNNING:
            self._timer.stop()
            self.next_wake = None
            return
        view = display.view
        full = self.session.next_deadline()
        if full is None:
            full = now + MAX_FRAME_MS / 1000
        # The countdown shows whole seconds rounded up, and so does the time left.
        for remaining in (view.step_remaining, view.remaining):
            if remaining > 0:
                full = min(full, now + remaining - (math.ceil(remaining - 1e-6) - 1))
        self._full_due = full
        self._frame_s = min(
            max(self.frame_interval(display), MIN_FRAME_MS / 1000), MAX_FRAME_MS / 1000
        )
        self._step_duration = view.step_duration
        self._step_began = now - view.step_elapsed
        self._start_timer(min(self._next_frame(now), full))

    def _next_frame(self, now: float) -> float:
        """The first point of the step's frame grid at least half a gap after ``now``."""
        gap = self._frame_s
        return self._step_began + math.ceil((now - self._step_began) / gap + 0.5) * gap

    def _start_timer(self, wake: float) -> None:
        self.next_wake = wake
        # Counted from a fresh reading, so the display's work since the wake does not make
        # the next one late; rounded up (past float noise), so it lands on or just after
        # the moment.
        self._timer.start(max(0, math.ceil((wake - self._clock()) * 1000 - 1e-6)))

    def _on_event(self, event: Event) -> None:
        if isinstance(event, StateChanged):
            # Wake only while running: a paused or finished workout costs no CPU.
            if event.state is State.RUNNING:
                if not self._timer.isActive():
                    self._timer.start(0)  # the command's own poll sets the real time
            else:
                self._timer.stop()
                self.next_wake = None
        self.session_event.emit(event)
        if isinstance(event, WorkoutFinished):
            self.finished.emit(event)


def _steady_frames(_display: Display) -> float:
    return MIN_FRAME_MS / 1000
