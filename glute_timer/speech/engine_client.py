"""The app's side of the audio engine: start it, talk to it, replace it when it fails.

Nothing here touches Qt and nothing here blocks its caller. Messages to the engine go
through a queue that a writer thread empties, so a stuck engine (a full pipe) never holds
up the window or the terminal; replies are read by a thread of their own. A supervisor
thread starts the engine, watches its heartbeat and replaces it when it dies, stops
answering, or loses its sound server; the replacement gets every clip again and every
cue still to come, so the workout's next cues sound. A machine without a sound server is
tried again every few seconds, so a server that starts later is found.

Times are ``time.monotonic()`` readings: the engine runs in another process and reads
the same clock.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from glute_timer import APP_ID
from glute_timer.core.i18n import _

log = logging.getLogger(__name__)

HEARTBEAT_TIMEOUT = 1.0
"""An engine silent for this long (it beats every 0.2 s) is taken for hung and replaced."""

WATCH_CLOSED_S = 1.0
"""The longest the engine's watcher sleeps between two looks (at its heartbeat, and at
whether the client was closed)."""

READY_TIMEOUT = 10.0
"""Seconds for a new engine to start playing (imports, the sound server waking up)."""

RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 3.0)
"""Seconds before each new attempt after a failure; the last one repeats for ever."""

PLAY_AHEAD_LIMIT = 0.0
"""A cue whose time is this far past when a replacement engine is ready is not resent: a
beat heard late is worse than a beat not heard."""

ProblemCallback = Callable[[str, str], None]  # (key, message for the user)


@dataclass(frozen=True)
class EngineConfig:
    """What the engine process is started with."""

    volume: float = 1.0
    duck_db: float = 0.0
    device: str | None = None
    duck_state: Path | None = None  # where lowered volumes are kept until restored

    def to_json(self) -> dict[str, Any]:
        return {
            "volume": self.volume,
            "duck_db": self.duck_db,
            "device": self.device or None,
            "duck_state": str(self.duck_state) if self.duck_state else None,
            "app_id": APP_ID,
        }


def engine_command(config: EngineConfig) -> list[str]:
    return [sys.executable, "-m", "glute_timer.speech.engine", json.dumps(config.to_json())]


def child_environment() -> dict[str, str]:
    """The environment of our sound-making children: they import this very package, and
    the sound server sees their streams as the app's own (so they are never lowered)."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env["PULSE_PROP_OVERRIDE"] = (
        f"application.id='{APP_ID}' application.name='Glute Timer' media.role='event'"
    )
    return env


@dataclass
class _Scheduled:
    token: int
    clip: str
    at: float
    channel: str


@dataclass
class EngineStatus:
    """What the client knows of the engine; read by tests, the benchmark and ``check``."""

    running: bool = False
    pid: int | None = None
    starts: int = 0  # engines started so far (a replacement counts)
    device: str | None = None
    rate: int | None = None
    latency: float | None = None
    last_error: str | None = None
    started: dict[int, float] = field(default_factory=dict)  # token -> time it sounded
    dropped: set[int] = field(default_factory=set)


class _Process:
    """One engine process, its pipes and its two threads."""

    def __init__(self, command: list[str], on_message: Callable[[dict[str, Any]], None]) -> None:
        kwargs: dict[str, Any] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        else:
            kwargs["start_new_session"] = True  # its own group: a kill ends all of it
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=child_environment(),
            text=True,
            encoding="utf-8",
            bufsize=1,
            **kwargs,
        )
        self.pid = self.proc.pid
        self.last_heard = time.monotonic()
        self.ended = threading.Event()
        self._outbox: queue.Queue[str | None] = queue.Queue()
        self._on_message = on_message
        assert self.proc.stdout is not None and self.proc.stdin is not None
        threading.Thread(
            target=self._read, args=(self.proc.stdout,), daemon=True, name=f"engine-{self.pid}"
        ).start()
        threading.Thread(
            target=self._write, args=(self.proc.stdin,), daemon=True, name=f"engine-w{self.pid}"
        ).start()

    def send(self, message: dict[str, Any]) -> None:
        self._outbox.put(json.dumps(message) + "\n")

    def _write(self, stdin: IO[str]) -> None:
        # The only thread that writes to or closes stdin: one owner, one close.
        try:
            while True:
                line = self._outbox.get()
                if line is None:
                    break
                stdin.write(line)
                stdin.flush()
        except (OSError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError, ValueError):
                stdin.close()

    def _read(self, stdout: IO[str]) -> None:
        # The only thread that reads or closes stdout.
        try:
            for line in stdout:
                self.last_heard = time.monotonic()
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if isinstance(message, dict):
                    self._on_message(message)
        except (OSError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError, ValueError):
                stdout.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=5)
            self.ended.set()

    def close_input(self) -> None:
        """Ask it to end: it restores the other applications' volume, then exits."""
        self._outbox.put(None)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            if sys.platform == "win32":
                self.proc.kill()
            else:
                os.killpg(self.pid, signal.SIGKILL)
        self._outbox.put(None)


class AudioEngine:
    """The audio engine as the app sees it. See the module docstring.

    ``on_problem(key, message)`` is called (on a thread of this object) for what the user
    must know, at most once per key until things work again; ``on_ready()`` each time an
    engine (the first or a replacement) starts playing."""

    def __init__(
        self,
        config: EngineConfig,
        *,
        on_problem: ProblemCallback,
        on_ready: Callable[[], None] | None = None,
        command: Callable[[EngineConfig], list[str]] = engine_command,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._config = config
        self._on_problem = on_problem
        self._on_ready = on_ready
        self._command = command
        self._clock = clock
        self._lock = threading.Condition()
        self._clips: dict[str, Path] = {}
        self._scheduled: dict[int, _Scheduled] = {}
        self._tokens = itertools.count(1)
        self._process: _Process | None = None
        self._ready = False
        self._closed = False
        self._failures = 0
        self._told: set[str] = set()
        self.status = EngineStatus()
        self.settled = threading.Event()
        """Set once the first engine plays or has failed to (later ones are retried)."""
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ the interface

    def start(self) -> None:
        """Start the engine in the background (once; later calls do nothing)."""
        with self._lock:
            if self._thread is not None or self._closed:
                return
            self._thread = threading.Thread(target=self._supervise, daemon=True, name="engine")
            self._thread.start()

    @property
    def ready(self) -> bool:
        """An engine is playing (clips sent now will sound)."""
        return self._ready

    def wait_ready(self, timeout: float) -> bool:
        """Block until an engine plays or ``timeout`` passes: for the terminal's start."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not self._ready and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
            return self._ready

    def load(self, clip: str, path: Path) -> None:
        """Make ``path`` (a WAV file) playable as ``clip`` (now and in every later engine)."""
        with self._lock:
            self._clips[clip] = path
            process = self._process if self._ready else None
        if process is not None:
            process.send({"op": "load", "clip": clip, "path": str(path)})

    def has_clip(self, clip: str) -> bool:
        return clip in self._clips

    def play(self, clip: str, at: float, channel: str = "voice") -> int:
        """Start ``clip`` at clock reading ``at``; a token for :attr:`status`."""
        token = next(self._tokens)
        item = _Scheduled(token, clip, at, channel)
        with self._lock:
            if len(self._scheduled) > 256:
                self._forget_past()
            self._scheduled[token] = item
            process = self._process if self._ready else None
        if process is not None:
            process.send(_play_message(item))
        return token

    def stop(self, channel: str | None = None, at: float | None = None) -> None:
        """End what plays on ``channel`` (None: everything) at ``at`` (None: now), and
        what was to start after it."""
        when = self._clock() if at is None else at
        with self._lock:
            self._scheduled = {
                t: s
                for t, s in self._scheduled.items()
                if s.at < when or channel not in (None, s.channel)
            }
            process = self._process if self._ready else None
        if process is not None:
            process.send({"op": "stop", "channel": channel, "at": at})

    def configure(self, config: EngineConfig) -> None:
        """New volume and ducking take effect at once; a new device with the next engine
        (the current one is replaced)."""
        with self._lock:
            old, self._config = self._config, config
            process = self._process if self._ready else None
        if process is None:
            return
        if config.device != old.device:
            process.kill()  # the supervisor starts one on the new device
            return
        if config.volume != old.volume:
            process.send({"op": "volume", "value": config.volume})
        if config.duck_db != old.duck_db:
            process.send({"op": "duck", "db": config.duck_db})

    def close(self) -> None:
        """Let the engine restore the other applications' volume and end."""
        with self._lock:
            self._closed = True
            self._ready = False
            process, self._process = self._process, None
            self._lock.notify_all()
        if process is not None:
            process.close_input()
            if not process.ended.wait(2.0):
                process.kill()

    def closed(self) -> bool:
        """True once close() was called (a call: other threads may close meanwhile)."""
        return self._closed

    def kill_engine(self) -> None:
        """End the current engine at once, as a crash would (for tests and tools)."""
        process = self._process
        if process is not None:
            process.kill()

    # ------------------------------------------------------------ the supervisor

    def _supervise(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                config = self._config
            process = self._start_process(config)
            self.settled.set()
            if process is not None:
                self._watch(process)
            with self._lock:
                self._ready = False
                self._process = None
                self.status.running = False
                if self.closed():
                    return
                delay = RETRY_DELAYS[min(self._failures, len(RETRY_DELAYS) - 1)]
                self._failures += 1
                self._lock.wait(delay)

    def _start_process(self, config: EngineConfig) -> _Process | None:
        ready = threading.Event()
        failure: list[str] = []

        def on_message(message: dict[str, Any]) -> None:
            if message.get("ready"):
                self.status.device = str(message.get("device") or "")
                self.status.rate = int(message.get("rate") or 0) or None
                self.status.latency = float(message.get("latency") or 0)
                ready.set()
            elif message.get("fatal"):
                failure.append(str(message.get("error", "the audio engine failed")))
                self.status.last_error = failure[-1]
                if message.get("missing"):
                    self._tell("engine-missing", _("Sound is off: {why}.").format(why=failure[-1]))
                ready.set()
            self._on_message(message)

        try:
            process = _Process(self._command(config), on_message)
        except OSError as exc:
            message = _("Sound is off: the audio engine could not start ({error}).")
            self._tell("engine-start", message.format(error=exc))
            return None
        with self._lock:
            if self._closed:
                process.kill()
                return None
            self._process = process
            self.status.pid = process.pid
            self.status.starts += 1
        deadline = time.monotonic() + READY_TIMEOUT
        while not ready.wait(0.05):
            if process.ended.is_set() or time.monotonic() > deadline or self._closed:
                break
        if not ready.is_set() or failure:
            if not failure and not self._closed:
                self._tell("engine-start", _("Sound is off: the audio engine did not start."))
            elif failure and not self._closed:
                self._tell(
                    "no-output",
                    _(
                        "Sound is off: {why}. Cues show on screen; sound comes back by itself "
                        "once an audio output works."
                    ).format(why=failure[-1]),
                )
            process.kill()
            return None
        self._resend(process)
        with self._lock:
            if self.closed():
                process.close_input()
                return None
            self._ready = True
            self.status.running = True
            self._failures = 0
            was_broken = bool(self._told)
            self._told.clear()
            self._lock.notify_all()
        if was_broken:
            self._on_problem("sound-back", _("Sound is back."))
        if self._on_ready is not None:
            self._on_ready()
        return process

    def _resend(self, process: _Process) -> None:
        with self._lock:
            config = self._config
            clips = dict(self._clips)
            self._forget_past()
            scheduled = sorted(self._scheduled.values(), key=lambda s: s.at)
        if config.volume != 1.0:
            process.send({"op": "volume", "value": config.volume})
        for clip, path in clips.items():
            process.send({"op": "load", "clip": clip, "path": str(path)})
        for item in scheduled:
            process.send(_play_message(item))

    def _watch(self, process: _Process) -> None:
        # Asleep until the engine would be overdue (it beats every 0.2 s, so about once
        # a second), not polling: this thread's wakes are CPU of every running workout.
        while not process.ended.wait(self._until_overdue(process)):
            if self._closed:
                return
            if time.monotonic() - process.last_heard > HEARTBEAT_TIMEOUT:
                log.info("the audio engine stopped answering; replacing it")
                self._tell(
                    "engine-hung", _("The sound engine stopped responding; it was restarted.")
                )
                process.kill()
                process.ended.wait(2.0)
                return
        if not self._closed:
            error = self.status.last_error or f"exit status {process.proc.returncode}"
            log.info("the audio engine ended (%s); replacing it", error)
            self._tell("engine-crash", _("The sound engine stopped; it is being restarted."))

    def _until_overdue(self, process: _Process) -> float:
        """Seconds until ``process`` has been silent for HEARTBEAT_TIMEOUT (a closing
        client is looked at within WATCH_CLOSED_S)."""
        left = process.last_heard + HEARTBEAT_TIMEOUT - time.monotonic()
        return min(max(0.01, left + 0.01), WATCH_CLOSED_S)

    def _on_message(self, message: dict[str, Any]) -> None:
        if "started" in message:
            token = int(message["started"])
            self.status.started[token] = float(message.get("at", 0.0))
            with self._lock:
                self._scheduled.pop(token, None)
        elif "dropped" in message:
            token = int(message["dropped"])
            self.status.dropped.add(token)
            with self._lock:
                self._scheduled.pop(token, None)
        elif "notice" in message:
            self._tell(str(message.get("key", "engine-notice")), str(message["notice"]))

    def _forget_past(self) -> None:
        """Drop what is long past from the schedule (call with the lock held)."""
        horizon = self._clock() - PLAY_AHEAD_LIMIT
        for token in [t for t, s in self._scheduled.items() if s.at < horizon]:
            del self._scheduled[token]

    def _tell(self, key: str, message: str) -> None:
        if key in self._told:
            return
        self._told.add(key)
        self._on_problem(key, message)


def query_devices(timeout: float = 10.0) -> dict[str, Any]:
    """What ``python -m glute_timer.speech.engine --devices`` reports, from a child
    process: PortAudio and the sound server stay out of the caller's process."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "glute_timer.speech.engine", "--devices"],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=child_environment(),
            check=False,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.TimeoutExpired, ValueError, IndexError) as exc:
        return {"devices": [], "default": None, "pulse": None, "error": str(exc)}
    return result if isinstance(result, dict) else {"devices": [], "error": "no answer"}


def _play_message(item: _Scheduled) -> dict[str, Any]:
    return {
        "op": "play",
        "clip": item.clip,
        "at": item.at,
        "channel": item.channel,
        "token": item.token,
    }
