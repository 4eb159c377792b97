"""One workout's phone remote: a server fed by the workout it serves, for both faces.

The workout is watched on the thread that owns it (after every tick and command); a new
state reaches the server only when something a page shows changes (the step, the rep,
the state, a rest's length), not on every tick: the page counts the seconds down itself.
Commands from the page are posted to the workout and run on its thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from glute_timer.core.clock import Clock
from glute_timer.core.display import Display
from glute_timer.core.nowplaying import media_title
from glute_timer.core.session import Event, State, WorkoutFinished
from glute_timer.remote.address import RemoteAddress, bind_host
from glute_timer.remote.server import RemoteServer, Throttle
from glute_timer.workout import Workout

log = logging.getLogger(__name__)

POST_TIMEOUT_S = 2.0
"""A command from the page that its workout has not run by then answers 503."""


def remote_state(display: Display) -> dict[str, Any]:
    """What the page and ``GET /api/state`` get: ``Display.to_json`` and the title."""
    return {**display.to_json(), "title": media_title(display)}


def _shown(display: Display, now: float) -> tuple[object, ...]:
    """What changes the page (not the seconds ticking down): the step, the rep, the state,
    and the moment the step ends (it moves with a pause or a rest's new length)."""
    view = display.view
    end = round(view.step_remaining + (now if display.running else 0.0), 3)
    return (
        display.state,
        view.step.index,
        display.rep,
        display.reps_done,
        display.can_finish_set,
        display.can_adjust_rest,
        display.load,
        end,
    )


class RemoteLink:
    """Serves ``workout`` at ``address`` until it ends (or :meth:`close`)."""

    def __init__(
        self,
        workout: Workout,
        address: RemoteAddress,
        *,
        clock: Clock = time.monotonic,
        throttle: Throttle | None = None,
        on_closed: Callable[[], None] | None = None,
        on_pages: Callable[[int], None] | None = None,
    ) -> None:
        """``on_closed`` and ``on_pages`` (how many pages follow) are called on the
        server's threads."""
        self.workout = workout
        self._clock = clock
        self.server = RemoteServer(
            bind_host(address),
            address.port,
            self._command,
            clock=clock,
            throttle=throttle,
            on_pages=on_pages,
        )
        self._shown: tuple[object, ...] | None = None
        self._finished = False
        self._on_closed = on_closed
        self.closed = threading.Event()
        self._unwatch = workout.watch(self._publish)
        self._unsubscribe = workout.subscribe(self._on_event)
        self._publish()

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return self.server.port

    def _command(self, name: str) -> bool | None:
        return self.workout.post(name, POST_TIMEOUT_S)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, WorkoutFinished):
            self._finished = True  # told after the tick, with every cue of it out

    def _publish(self) -> None:
        now = self._clock()
        display = self.workout.display(now)
        if self._finished or display.state in (State.FINISHED, State.STOPPED):
            self._end(display)
            return
        shown = _shown(display, now)
        if shown != self._shown:
            self._shown = shown
            self.server.publish(remote_state(display))

    def _end(self, display: Display) -> None:
        """The workout is over: pages hear the last state, then the server stops (on a
        thread of its own: stopping waits for the server's loop)."""
        self._detach()
        self.server.end(remote_state(display))
        threading.Thread(target=self._close_server, name="glute-timer-remote-end").start()

    def _close_server(self) -> None:
        try:
            self.server.close()
        finally:
            self.closed.set()
            if self._on_closed is not None:
                self._on_closed()

    def _detach(self) -> None:
        for undo in (self._unwatch, self._unsubscribe):
            with contextlib.suppress(ValueError):  # already undone
                undo()

    def close(self) -> None:
        """Stop serving now (the window closes, another workout starts)."""
        self._detach()
        if not self.server.closed:
            self.server.end(remote_state(self.workout.display()))
        self._close_server()  # waits for a close already under way: the port is free after
