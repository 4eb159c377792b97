"""Running slow work (disk writes, voice lists, speech rendering) off the GUI thread.

Results come back through a queued signal, so callbacks always run in the GUI thread and
never touch widgets from a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; its signals are emitted from the worker."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        forget: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._forget = forget
        self.succeeded.connect(self._deliver)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver(self, result: object) -> None:
        self._forget(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._forget(self)
        if self._on_error is not None and isinstance(error, BaseException):
            self._on_error(error)
        else:
            log.error("background task failed: %s", error)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Worker:
    """A small thread pool. ``serial=True`` keeps tasks in order (file writes)."""

    def __init__(self, *, serial: bool = False) -> None:
        self._pool = QThreadPool()
        if serial:
            self._pool.setMaxThreadCount(1)
        self._pending: set[_Relay] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay(on_done, on_error, self._pending.discard)
        self._pending.add(relay)
        self._pool.start(_Task(work, relay))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until queued work is done (only at exit and in tests)."""
        return bool(self._pool.waitForDone(timeout_ms))
