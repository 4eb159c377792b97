"""Recording a workout as it happens: the recorder, and the writer thread it runs on.

``HistoryRecorder`` is a session listener that turns events into writes, each set in its
own transaction the moment it completes; ``HistoryWriter`` runs it on a thread of its own
so no write ever waits on the thread that keeps time. Together they guarantee that a set
is saved, retried or rescued (``history_rescue``), never dropped, and that while the
workout is recorded its lock (``history_locks``) tells every other opening of the history
that it is alive.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import queue
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Final

from glute_timer.core.history_file import BUSY_TIMEOUT_MS
from glute_timer.core.history_locks import WorkoutLock, lock_path
from glute_timer.core.history_model import HistoryError, StoredSet, Workout, new_uid, to_ms
from glute_timer.core.history_rescue import write_rescue_file
from glute_timer.core.history_store import HistoryStore, open_history
from glute_timer.core.plan import Plan
from glute_timer.core.protocol import dump_protocol
from glute_timer.core.session import (
    Event,
    SetCompleted,
    SetCorrected,
    State,
    StateChanged,
    WorkoutFinished,
)
from glute_timer.core.text import storable

log = logging.getLogger(__name__)


class HistoryRecorder:
    """A session listener that records each completed set the moment it arrives.

    It never raises into the session. When the database cannot be written, the pending
    writes stay in memory in order, ``problem`` says what is wrong, and every later event
    (or a call to ``retry()``) tries again. If the workout ends with writes still pending,
    they are also saved as a JSON file next to the database (``history-unsaved-*.json``)
    that the next opening of the history imports.

    From before the workout's row is first written until its end is saved, the recorder
    holds the workout's lock (``history-running-<id>.lock``), so no other opening of the
    history takes it for the workout of a dead process.

    Calling it writes at once, on the caller's thread; ``HistoryWriter`` runs it on a
    thread of its own (what the window and the terminal do).
    """

    def __init__(
        self,
        path: Path,
        plan: Plan,
        protocol_id: str,
        *,
        wall_clock: Callable[[], float] = time.time,
        store_factory: Callable[[Path], HistoryStore] | None = None,
    ) -> None:
        self.path = path
        self.plan = plan
        self.protocol_id = storable(protocol_id)  # a file name may not be valid UTF-8
        self.wall_clock = wall_clock
        self.problem: str | None = None
        self.uid = new_uid()
        self._store_factory = store_factory or open_history
        self.notice: str | None = None
        """Something to tell the user once (e.g. a damaged file was moved aside)."""
        self._store: HistoryStore | None = None
        self._pending: list[Callable[[HistoryStore], None]] = []
        self._pending_sets: dict[int, StoredSet] = {}
        self._started_ms: int | None = None
        self._begun = False
        self._finished: tuple[str, int] | None = None
        self.saved_sets = 0
        self._rescue_path: Path | None = None
        self._rescued_version = -1  # the _changes a rescue file was written for
        self._changes = 0
        self._told: set[str] = set()
        self._lock = threading.RLock()  # the records, against a rescue from another thread
        self._alive = WorkoutLock(lock_path(path.parent, self.uid))

    def untold(self) -> list[str]:
        """The notice and problem messages not yet handed out: tell the user each once."""
        with self._lock:
            fresh = [m for m in (self.notice, self.problem) if m and m not in self._told]
            self._told.update(fresh)
        return fresh

    @property
    def pending(self) -> int:
        """Writes not yet in the database."""
        return len(self._pending)

    @property
    def finished(self) -> bool:
        return self._finished is not None

    def __call__(self, event: Event) -> None:
        self.record(event)
        self.retry()

    def record(self, event: Event) -> None:
        """Take in ``event`` (queue its writes) without writing; never raises."""
        try:
            with self._lock:
                self._handle(event)
        except Exception as exc:  # never into the session
            log.exception("history recorder failed")
            self.problem = f"History: {exc}"

    def _handle(self, event: Event) -> None:
        if isinstance(event, StateChanged):
            if event.state is State.RUNNING and self._started_ms is None:
                # The session's own wall time for the start: the sets' times come from the
                # same mapping, so the workout encloses them exactly.
                wall = event.wall if event.wall is not None else self.wall_clock()
                self._started_ms = to_ms(wall)
            return
        if isinstance(event, SetCompleted):
            position = len(self._pending_sets)
            stored = StoredSet.from_record(position, event.record)
            self._pending_sets[position] = stored
            self._changes += 1
            if not self._begun:
                self._begun = True
                self._pending.append(self._begin_op())
            self._pending.append(lambda store: self._add(store, stored))
        elif isinstance(event, SetCorrected):
            if event.index not in self._pending_sets:
                return
            old = self._pending_sets[event.index]
            fixed = StoredSet.from_record(event.index, event.record)
            self._pending_sets[event.index] = fixed
            if old == fixed:
                return
            self._changes += 1
            # A corrected load or an effort rating: one UPDATE of that set's row, queued
            # after the set's own INSERT, so it lands however late the writer gets to it.
            self._pending.append(
                lambda store: store.correct_set(self.uid, fixed.position, fixed.load, fixed.effort)
            )
        elif isinstance(event, WorkoutFinished):
            if not self._begun:
                return  # nothing was done: nothing to record
            status = "completed" if event.completed else "stopped"
            wall = event.wall if event.wall is not None else self.wall_clock()
            self._finished = (status, to_ms(wall))
            self._changes += 1
            self._pending.append(lambda store: store.finish_workout(self.uid, status, self._end()))

    def _end(self) -> int:
        assert self._finished is not None
        return self._finished[1]

    def _begin_op(self) -> Callable[[HistoryStore], None]:
        workout = self.workout_header()

        def begin(store: HistoryStore) -> None:
            self._hold_lock()  # before the row exists: it is never seen unheld
            store.begin_workout(workout)

        return begin

    def _hold_lock(self) -> None:
        with self._lock:
            self._alive.acquire()

    def _add(self, store: HistoryStore, stored: StoredSet) -> None:
        store.add_set(self.uid, stored)
        self.saved_sets += 1

    def workout_header(self) -> Workout:
        protocol = self.plan.protocol
        first = self._pending_sets.get(0)
        started = self._started_ms
        if started is None:
            started = first.started_ms if first else to_ms(self.wall_clock())
        if first is not None:
            started = min(started, first.started_ms)
        return Workout(
            uid=self.uid,
            protocol_id=self.protocol_id,
            protocol_name=storable(protocol.name),
            schedule=protocol.schedule,
            program_weeks=protocol.program_weeks,
            protocol_toml=storable(dump_protocol(protocol)),
            started_ms=started,
            ended_ms=None,
            status="in-progress",
            note="",
        )

    def flush(self) -> bool:
        """Write what is pending, in order; True when nothing is left.

        Whatever goes wrong (a locked or full database, a bug), the writes stay pending in
        memory and, while sets are among them, in a rescue file: a set is saved, retried
        or rescued, never dropped.
        """
        while self._pending:
            try:
                if self._store is None:
                    self._store = self._store_factory(self.path)
                    self.notice = self._store.notice
                self._pending[0](self._store)
            except Exception as exc:
                if not isinstance(exc, sqlite3.Error | OSError | HistoryError):
                    log.exception("writing to the history failed")
                if not isinstance(exc, sqlite3.Error):
                    self._store = None  # open it afresh next time
                waiting = len(self._pending_sets) - self.saved_sets
                self.problem = (
                    f"Could not save to the history ({exc}); "
                    f"{waiting} set{'s' if waiting != 1 else ''} kept in memory, retrying."
                )
                log.warning("%s", self.problem)
                if self._pending_sets:
                    self._rescue()
                return False
            self._pending.pop(0)
        self.problem = None
        if self._rescue_path is not None:
            # Everything reached the database; the rescue copy is no longer needed.
            with contextlib.suppress(OSError):
                self._rescue_path.unlink(missing_ok=True)
            self._rescue_path = None
            self._rescued_version = -1
        if self._finished is not None:
            with self._lock:
                self._alive.release()  # its end is saved: it needs no keeping alive
        return True

    def prepare(self) -> None:
        """Open (check, migrate) the database now rather than at the first set."""
        if self._store is not None:
            return
        try:
            self._store = self._store_factory(self.path)
            self.notice = self._store.notice
        except Exception as exc:
            self.problem = f"The history cannot be opened ({exc}); sets will be kept in memory."

    def retry(self) -> bool:
        try:
            return self.flush()
        except Exception as exc:
            self.problem = f"History: {exc}"
            return False

    def snapshot(self) -> Workout:
        """The workout as recorded so far, whether or not it reached the database."""
        with self._lock:
            header = self.workout_header()
            status, ended = self._finished if self._finished else ("in-progress", None)
            return replace(
                header,
                status=status,
                ended_ms=ended,
                sets=tuple(self._pending_sets[i] for i in sorted(self._pending_sets)),
            )

    def rescue_now(self) -> Path | None:
        """Make sure what is not in the database yet is in a rescue file (for a writer
        that is still waiting on a locked database when the program must end)."""
        with self._lock:
            if not self._pending or not self._pending_sets:
                return None
            if self._rescued_version != self._changes:
                self._rescue()
            return self._rescue_path

    def _rescue(self) -> None:
        with self._lock:
            self._hold_lock()  # the next opening merges the file, and must not close it
            version = self._changes
            try:
                where = write_rescue_file(self.path.parent, self.snapshot())
            except Exception as exc:
                self.problem = f"{self.problem} Could not save a rescue copy either: {exc}"
                return
            self._rescue_path = where
            self._rescued_version = version
            self.problem = (
                f"{self.problem} A copy was saved to {where}; it will be added "
                "to the history the next time it opens."
            )


def open_history_recorder(history_path: Path, plan: Plan, protocol_id: str) -> HistoryRecorder:
    """A listener for ``Session.subscribe`` that records the workout of ``plan`` in the
    history at ``history_path`` (``AppPaths.history_db``), writing on the caller's thread.

    The database is opened (checked, migrated) here, before the workout starts; trouble
    shows in ``recorder.problem`` and never raises.
    """
    recorder = HistoryRecorder(history_path, plan, protocol_id)
    recorder.prepare()
    return recorder


# ---------------------------------------------------------------- the writer thread

RETRY_FIRST: Final = 1.0
"""Seconds before a failed write is tried again; doubled after each failure ..."""
RETRY_MAX: Final = 30.0
"""... up to this."""
CLOSE_WAIT: Final = BUSY_TIMEOUT_MS / 1000 + 2.0
"""How long ``close()`` waits for the last writes: one attempt on a locked database."""
IDLE_EXIT: Final = 30.0
"""A writer whose workout ended and is saved lets its thread go after this long idle."""

_STOP: Final = object()
_RETRY: Final = object()
_LIVE: weakref.WeakSet[HistoryWriter] = weakref.WeakSet()


class HistoryWriter:
    """Records a workout on a thread of its own, so no history write ever runs on the
    thread that keeps time.

    Calling it (the session's listener) only queues the event: it never blocks, however
    long the database is locked (a backup tool, an SQLite browser holding the write lock
    waits out the busy timeout on this thread, not on the clock's). The recorder's
    guarantees hold unchanged: each set is written in order as soon as the database takes
    it, retried (after 1 s, 2 s, 4 s ... up to 30 s) while it does not, and kept in a
    rescue file meanwhile. ``on_message`` hears each notice and problem once, from the
    writer's thread. ``close()`` waits for the last writes; at exit, open writers are
    closed the same way.
    """

    def __init__(
        self,
        recorder: HistoryRecorder,
        *,
        on_message: Callable[[str], None] | None = None,
        retry_first: float = RETRY_FIRST,
        retry_max: float = RETRY_MAX,
        idle_exit: float = IDLE_EXIT,
    ) -> None:
        self.recorder = recorder
        self._on_message = on_message
        self._retry_first = retry_first
        self._retry_max = retry_max
        self._idle_exit = idle_exit
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._cond = threading.Condition()
        self._submitted = 0
        self._processed = 0
        self._attempts = 0  # writes tried (after events or to retry), for close()
        self._running = False
        self._thread: threading.Thread | None = None
        self._closed = False
        self._prepared = False
        _LIVE.add(self)
        with self._cond:
            self._start_thread()

    # ------------------------------------------------------------ the session's side

    def __call__(self, event: Event) -> None:
        """Queue ``event``; returns at once."""
        with self._cond:
            if self._closed:
                # Too late for the thread: record it here rather than lose it.
                self.recorder(event)
                return
            self._submitted += 1
            self._queue.put(event)
            if not self._running:
                self._start_thread()

    @property
    def pending(self) -> int:
        """Events not yet taken in, plus writes not yet in the database."""
        with self._cond:
            return self._submitted - self._processed + self.recorder.pending

    @property
    def saved_sets(self) -> int:
        return self.recorder.saved_sets

    @property
    def problem(self) -> str | None:
        return self.recorder.problem

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every event so far is in the database (True), or ``timeout``."""
        with self._cond:
            return self._cond.wait_for(self._saved, timeout)

    def close(self, timeout: float = CLOSE_WAIT) -> bool:
        """Write what is left, then stop; True when everything was saved.

        Waits for the events queued so far and, while the database refuses them, for one
        more attempt (on a locked database that takes its busy timeout), at most
        ``timeout`` seconds. What was not saved is in a rescue file (written now if need
        be), which the next opening of the history merges in.
        """
        began = time.monotonic()
        with self._cond:
            target = self._attempts + 1
            if not self._saved():
                self._queue.put(_RETRY)  # try again now, not after the back-off
                if not self._running:
                    self._start_thread()
            self._cond.wait_for(
                lambda: (
                    self._saved()
                    or (self._processed == self._submitted and self._attempts >= target)
                ),
                timeout,
            )
            saved = self._saved()
            self._closed = True
            self._queue.put(_STOP)
        # The thread's last attempt ends before the rescue is made: a retry still under way
        # would write the rescue file again after the next opening had merged it.
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(max(0.0, timeout - (time.monotonic() - began)))
            saved = saved or self._saved()
        if not saved:
            self.recorder.rescue_now()
        _LIVE.discard(self)
        self._tell()
        return saved

    # ------------------------------------------------------------ the writer's thread

    def _saved(self) -> bool:
        return self._processed == self._submitted and self.recorder.pending == 0

    def _start_thread(self) -> None:
        self._running = True
        self._thread = threading.Thread(target=self._run, name="history-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if not self._prepared:
            self._prepared = True
            self.recorder.prepare()  # may wait for a lock: here, not on the clock's thread
            self._tell()
        delay = self._retry_first
        while True:
            failing = self.recorder.pending > 0
            timeout = delay if failing else (self._idle_exit if self.recorder.finished else None)
            try:
                item: object = self._queue.get(timeout=timeout)
            except queue.Empty:
                item = None
            batch: list[object] = [] if item is None else [item]
            while True:  # a burst of events (a set ends: its cues, the set) goes in one go
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stop = any(entry is _STOP for entry in batch)
            events = [entry for entry in batch if entry is not _STOP and entry is not _RETRY]
            if not events and not failing:
                with self._cond:
                    if stop or (self._saved() and self._queue.empty()):
                        self._running = False
                        return
                continue
            for event in events:
                self.recorder.record(event)  # type: ignore[arg-type]
            saved = self.recorder.retry()
            delay = self._retry_first if saved else min(delay * 2, self._retry_max)
            with self._cond:
                self._processed += len(events)
                self._attempts += 1
                self._cond.notify_all()
            self._tell()
            if stop:
                with self._cond:
                    self._running = False
                return

    def _tell(self) -> None:
        if self._on_message is None:
            return
        for message in self.recorder.untold():
            try:
                self._on_message(message)
            except Exception:
                log.exception("telling the user about the history failed")


def _close_live_writers() -> None:
    # At exit: the last set of a workout ended by closing the window still gets written.
    for writer in list(_LIVE):
        writer.close()


atexit.register(_close_live_writers)


def start_history_writer(
    history_path: Path,
    plan: Plan,
    protocol_id: str,
    on_message: Callable[[str], None] | None = None,
) -> HistoryWriter:
    """A listener for ``Session.subscribe`` that records the workout of ``plan`` in the
    history at ``history_path`` (``AppPaths.history_db``) from a thread of its own; the
    database is opened (checked, migrated) there too. ``on_message`` hears each notice and
    problem once, from that thread."""
    recorder = HistoryRecorder(history_path, plan, protocol_id)
    return HistoryWriter(recorder, on_message=on_message)
