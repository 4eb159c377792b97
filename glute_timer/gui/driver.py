"""The session driver: one precise Qt timer that moves a Session along the monotonic clock.

Every tick calls ``session.tick(clock())`` and publishes ``session.view(clock())``. What is
shown is always computed from the clock reading, so a late or missed tick only delays a
repaint; it never shifts the workout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from glute_timer.core.clock import Clock
from glute_timer.core.session import (
    Event,
    Listener,
    Session,
    SessionView,
    SetRecord,
    State,
    StateChanged,
    WorkoutFinished,
)
from glute_timer.gui.timers import TICK_MS, TimerFactory, precise_timer


class SessionDriver(QObject):
    view_changed = Signal(object)  # SessionView
    session_event = Signal(object)  # every session Event, in the GUI thread
    finished = Signal(object)  # WorkoutFinished

    def __init__(
        self,
        session: Session,
        clock: Clock,
        *,
        listeners: Iterable[Listener] = (),
        timer_factory: TimerFactory = precise_timer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock
        self._unsubscribe: list[Callable[[], None]] = [session.subscribe(self._on_event)]
        for listener in listeners:
            self._unsubscribe.append(session.subscribe(listener))
        self._timer = timer_factory(self, TICK_MS)
        self._timer.timeout.connect(self.poll)
        self._closed = False

    # ------------------------------------------------------------ reading

    def view(self) -> SessionView:
        return self.session.view(self._clock())

    @property
    def state(self) -> State:
        return self.session.state

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        """Bring the session up to the clock and publish what to show."""
        if self._closed:
            return
        now = self._clock()
        self.session.tick(now)
        self.view_changed.emit(self.session.view(now))

    # ------------------------------------------------------------ named operations

    def toggle(self) -> bool:
        return self._command(self.session.toggle)

    def skip(self) -> bool:
        return self._command(self.session.skip)

    def back(self) -> bool:
        return self._command(self.session.back)

    def finish_set(self) -> bool:
        return self._command(self.session.finish_set)

    def stop(self) -> bool:
        return self._command(self.session.stop)

    def set_load(self, block: int, load: str) -> None:
        self.session.set_load(block, load)
        self.poll()

    def correct_last_set_load(self, load: str) -> SetRecord | None:
        record = self.session.correct_last_set_load(load)
        self.poll()
        return record

    def close(self) -> None:
        """Stop ticking and let go of the session's listeners."""
        self._closed = True
        self._timer.stop()
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

    def _on_event(self, event: Event) -> None:
        if isinstance(event, StateChanged):
            # Tick only while running: a paused or finished workout costs no CPU.
            if event.state is State.RUNNING:
                if not self._timer.isActive():
                    self._timer.start()
            else:
                self._timer.stop()
        self.session_event.emit(event)
        if isinstance(event, WorkoutFinished):
            self.finished.emit(event)
