"""Lowering the other applications' sound while a cue speaks, and always restoring it.

Runs inside the audio engine (:mod:`glute_timer.speech.engine`), which knows to the
sample when each cue starts and ends. It talks the pulse protocol (``pulsectl``), which
PulseAudio and PipeWire's pulse server both speak, and changes the volume of every
playback stream (a "sink input") that is not the app's own.

What keeps a user's music safe:

- The volume each stream had is written to ``state_file`` (write, flush, rename) *before*
  the stream is lowered, and the file is removed once every stream is back. An engine
  that is killed leaves the file; the next engine restores from it when it starts.
- A stream is restored only if its volume is still the one we set: one the user changed
  meanwhile is left as the user set it.
- The engine restores on every way out: the workout's end, a stop, the end of its stdin
  (the app was killed, even by SIGKILL).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glute_timer.core.i18n import _

log = logging.getLogger(__name__)

PRE = 0.03
"""Seconds before a cue's first sample that the music goes down."""

HANG = 0.12
"""Seconds after a cue's last sample before the music comes back; a cue that follows
within this keeps it down."""

RECONNECT_AFTER = 5.0
"""Seconds before trying the sound server again after it could not be reached."""

_TOLERANCE = 0.002
"""Volumes (1.0 = 100 %) this close count as the same: the server rounds what we set."""


def volume_factor(db: float) -> float:
    """The factor for a pulse volume that lowers the sound by ``db`` decibels.

    Pulse volumes are cubic: amplitude = volume ** 3, so dB = 60 * log10(factor)."""
    return float(10 ** (-abs(db) / 60))


@dataclass
class _Cue:
    token: int | None
    start: float
    end: float


class Ducker:
    """Keeps other streams low from ``PRE`` before each cue until ``HANG`` after it."""

    def __init__(
        self,
        *,
        state_file: str | os.PathLike[str],
        level_db: float,
        own_app_id: str,
        on_problem: Callable[[str], None],
        connect: Callable[[], Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.state_file = Path(state_file)
        self.level_db = level_db
        self.own_app_id = own_app_id
        self._on_problem = on_problem
        self._connect_fn = connect or _connect_pulse
        self._clock = clock
        self._cues: list[_Cue] = []
        self._lowered: dict[int, tuple[list[float], list[float]]] = {}
        self._pulse: Any = None
        self._next_connect = 0.0
        self._told = False
        self._closed = False
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self.changes: list[tuple[float, str, int]] = []  # (when, "down"|"up", streams)

    # ------------------------------------------------------------ from other threads

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True, name="ducker")
        self._thread.start()

    def cue(self, at: float, duration: float, token: int | None = None) -> None:
        with self._wake:
            self._cues.append(_Cue(token, at, at + duration))
            self._wake.notify()

    def observe(self, event: dict[str, Any]) -> None:
        """The engine's report of a clip that started (maybe late) or was dropped."""
        token = event.get("started", event.get("dropped"))
        if token is None:
            return
        with self._wake:
            for cue in self._cues:
                if cue.token == token:
                    if "dropped" in event:
                        cue.end = cue.start
                    else:
                        shift = float(event.get("at", cue.start)) - cue.start
                        cue.start += shift
                        cue.end += shift
            self._wake.notify()

    def cancel_after(self, at: float) -> None:
        """Cues cut off at ``at`` (a pause, a stop, a new cue on the voice)."""
        with self._wake:
            self._cues = [c for c in self._cues if c.start < at]
            for cue in self._cues:
                cue.end = min(cue.end, at)
            self._wake.notify()

    def set_level(self, db: float) -> None:
        with self._wake:
            self.level_db = db
            self._wake.notify()

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=3)
        else:
            self._restore()

    def closed(self) -> bool:
        return self._closed

    # ------------------------------------------------------------ the ducker's thread

    def _run(self) -> None:
        self._restore_leftovers()
        while True:
            with self._wake:
                if self._closed:
                    break
                now = self._clock()
                self._cues = [c for c in self._cues if c.end + HANG > now]
                want = self.level_db > 0 and any(
                    c.start - PRE <= now < c.end + HANG for c in self._cues if c.end > c.start
                )
                moments = [
                    t
                    for c in self._cues
                    if c.end > c.start
                    for t in (c.start - PRE, c.end + HANG)
                    if t > now
                ]
                level = self.level_db
            try:
                if want and not self._lowered:
                    self._lower(level)
                elif not want and self._lowered:
                    self._restore()
            except Exception as exc:  # the server went away: try again later
                log.info("ducking failed: %s", exc)
                self._drop_connection()
            with self._wake:
                if self.closed():
                    break
                timeout = min(moments) - self._clock() if moments else 1.0
                if timeout > 0:
                    self._wake.wait(timeout=min(timeout, 1.0))
        with contextlib.suppress(Exception):
            self._restore()
        self._drop_connection()

    def _connection(self) -> Any:
        if self._pulse is not None:
            return self._pulse
        now = self._clock()
        if now < self._next_connect:
            return None
        try:
            self._pulse = self._connect_fn()
        except Exception as exc:
            self._next_connect = now + RECONNECT_AFTER
            if not self._told:
                self._told = True
                self._on_problem(
                    _(
                        "Other sound cannot be lowered under the cues: no PulseAudio or "
                        "PipeWire sound server answered ({error})."
                    ).format(error=exc)
                )
            return None
        return self._pulse

    def _drop_connection(self) -> None:
        pulse, self._pulse = self._pulse, None
        if pulse is not None:
            with contextlib.suppress(Exception):
                pulse.close()

    def _others(self, pulse: Any) -> list[Any]:
        own_pid = str(os.getpid())
        streams = []
        for stream in pulse.sink_input_list():
            props = stream.proplist
            if props.get("application.id") == self.own_app_id and self.own_app_id:
                continue
            if props.get("application.process.id") == own_pid:
                continue
            streams.append(stream)
        return streams

    def _lower(self, db: float) -> None:
        pulse = self._connection()
        if pulse is None:
            return
        factor = volume_factor(db)
        plan: dict[int, tuple[list[float], list[float]]] = {}
        streams = self._others(pulse)
        for stream in streams:
            original = [float(v) for v in stream.volume.values]
            plan[stream.index] = (original, [v * factor for v in original])
        if not plan:
            return
        self._lowered = plan
        self._save_state()  # before any volume changes: a kill now loses nothing
        for stream in streams:
            _original, lowered = plan[stream.index]
            with contextlib.suppress(Exception):  # the stream just ended
                pulse.volume_set(stream, _volume(lowered))
        self.changes.append((self._clock(), "down", len(plan)))

    def _restore(self) -> None:
        if not self._lowered:
            return
        pulse = self._connection()
        if pulse is None:
            return
        lowered, self._lowered = self._lowered, {}
        restored = _restore_streams(pulse, lowered)
        self.state_file.unlink(missing_ok=True)
        self.changes.append((self._clock(), "up", restored))

    def _restore_leftovers(self) -> None:
        """A killed engine's lowered streams, from its state file."""
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            lowered = {
                int(index): ([float(v) for v in entry[0]], [float(v) for v in entry[1]])
                for index, entry in data["streams"].items()
            }
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            self.state_file.unlink(missing_ok=True)  # unreadable: nothing we can restore
            return
        pulse = self._connection()
        if pulse is None:
            return
        with contextlib.suppress(Exception):
            _restore_streams(pulse, lowered)
            self.state_file.unlink(missing_ok=True)

    def _save_state(self) -> None:
        data = {"streams": {str(k): [v[0], v[1]] for k, v in self._lowered.items()}}
        tmp = self.state_file.with_name(f".{self.state_file.name}.{os.getpid()}.tmp")
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "w", encoding="utf-8") as out:
                json.dump(data, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.state_file)
        except OSError as exc:
            log.info("could not save the ducking state: %s", exc)


def _restore_streams(pulse: Any, lowered: dict[int, tuple[list[float], list[float]]]) -> int:
    """Put back each stream still at the volume we set; the number restored."""
    current = {stream.index: stream for stream in pulse.sink_input_list()}
    restored = 0
    for index, (original, ours) in lowered.items():
        stream = current.get(index)
        if stream is None:
            continue  # it ended meanwhile
        now = [float(v) for v in stream.volume.values]
        if len(now) != len(ours) or any(
            abs(a - b) > _TOLERANCE for a, b in zip(now, ours, strict=True)
        ):
            continue  # the user changed it: theirs to keep
        with contextlib.suppress(Exception):
            pulse.volume_set(stream, _volume(original))
            restored += 1
    return restored


def _volume(values: list[float]) -> Any:
    import pulsectl

    return pulsectl.PulseVolumeInfo(values)


def _connect_pulse() -> Any:
    import pulsectl

    return pulsectl.Pulse("glute-timer-ducking", connect=True)
