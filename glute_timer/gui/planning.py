"""Planning protocols off the GUI thread.

A protocol at the workout limits plans 50,000 cues, which takes a good part of a second:
the Library, its start panel and the editor ask for plans here and carry on; the plan
comes back (in the GUI thread) when it is ready. What the window shows before that (the
total time, the number of sets and cues) is counted without planning
(``core.plan.workout_size``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.protocol import Protocol
from glute_timer.gui.workers import Worker

PlanResult = Plan | BaseException
"""A plan, or why there is none (WorkoutTooBig, a bug)."""
PlanCallback = Callable[[Protocol, PlanResult], None]


class BackgroundPlanner:
    """Plans in a worker thread; keeps the last ``keep`` results, so going back to a
    protocol, or starting the one on screen, needs no second plan."""

    def __init__(self, keep: int = 8) -> None:
        self._keep = keep
        self._worker: Worker | None = None
        self._done: OrderedDict[Protocol, PlanResult] = OrderedDict()
        self._waiting: dict[Protocol, list[PlanCallback]] = {}

    def ready(self, protocol: Protocol) -> Plan | None:
        """The plan of ``protocol`` if it is made already."""
        result = self._done.get(protocol)
        return result if isinstance(result, Plan) else None

    def request(self, protocol: Protocol, callback: PlanCallback) -> None:
        """Call ``callback(protocol, plan or error)`` in the GUI thread once planned: at
        once when the plan is made already, else when the worker is done."""
        if protocol in self._done:
            self._done.move_to_end(protocol)
            callback(protocol, self._done[protocol])
            return
        waiting = self._waiting.setdefault(protocol, [])
        waiting.append(callback)
        if len(waiting) > 1:
            return  # already being planned
        if self._worker is None:
            self._worker = Worker()
        self._worker.submit(
            lambda: build_plan(protocol),
            lambda plan: self._finished(protocol, plan),
            lambda error: self._finished(protocol, error),
        )

    def forget(self, *_args: object) -> None:
        """Call no callback any more (the widget that asked is being deleted)."""
        self._waiting.clear()
        self._done.clear()

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until queued plans are made (only at exit and in tests)."""
        return self._worker is None or self._worker.wait(timeout_ms)

    def _finished(self, protocol: Protocol, result: PlanResult) -> None:
        if protocol not in self._waiting:
            return  # forgotten meanwhile
        self._done[protocol] = result
        while len(self._done) > self._keep:
            self._done.popitem(last=False)
        for callback in self._waiting.pop(protocol, []):
            callback(protocol, result)
