"""Speech child processes: starting, talking to, supervising and ending them.

Nothing here touches Qt, and nothing here blocks its caller: slow work (starting a
process, waiting for a render) runs on daemon threads, and results come back through
callbacks that run on those threads (the Qt layer turns them into queued signals).

Every child gets its own process group (``start_new_session``), so ending it also ends
what it started (pyttsx3's espeak driver runs ``aplay`` through a shell).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from glute_timer.core.i18n import _
from glute_timer.speech.backends import SpeechBackend, candidates
from glute_timer.speech.cache import phrase_path, wav_duration

log = logging.getLogger(__name__)

START_TIMEOUT = 10.0  # seconds for a worker to start its engine
RENDER_TIMEOUT = 10.0  # seconds for one phrase; longer means the worker hangs
SAY_TIMEOUT = 20.0  # seconds for one live utterance
SUPERVISE_S = 1.0
"""The longest the live speech supervisor sleeps without looking at its processes."""
RESPAWN_DELAYS = (0.2, 1.0, 2.0, 5.0, 10.0, 30.0)

ProblemCallback = Callable[[str, str], None]  # (key, message for the user)


class WorkerCrashed(RuntimeError):
    """The worker ended (a crash, a kill) or hung before answering."""


class EngineFailed(RuntimeError):
    """The worker ran but its speech engine would not start (e.g. no libespeak-ng)."""


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])


def worker_command(mode: str, config: dict[str, Any]) -> list[str]:
    return [sys.executable, "-m", "glute_timer.speech.worker", mode, json.dumps(config)]


class WorkerProcess:
    """One speech child process and its JSON-line pipe."""

    def __init__(
        self,
        mode: str,
        config: dict[str, Any],
        *,
        on_message: Callable[[], None] | None = None,
    ) -> None:
        """``on_message`` is called (from the reader thread) after each message is queued,
        and after the end of file is."""
        env = dict(os.environ)
        # The child must import this very package, from a source tree or a wheel alike.
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_package_root(), env.get("PYTHONPATH", "")) if p
        )
        kwargs: dict[str, Any] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        else:
            kwargs["start_new_session"] = True
        self.started = time.monotonic()
        self.spoke_at: float | None = None
        self.proc = subprocess.Popen(
            worker_command(mode, config),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
            encoding="utf-8",
            bufsize=1,
            **kwargs,
        )
        self.pid = self.proc.pid
        # stdin is written by one thread and closed by others (the reader on end of file,
        # kill()). Closing a file twice at once can close the descriptor number twice, and
        # the second close may hit a socket Qt opened in between: one lock, one close.
        self._stdin_lock = threading.Lock()
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.killed = False
        self._on_message = on_message
        assert self.proc.stdout is not None
        threading.Thread(
            target=self._read, args=(self.proc.stdout,), daemon=True, name=f"speech-{self.pid}"
        ).start()

    def _read(self, stream: IO[str]) -> None:
        try:
            for line in stream:
                try:
                    self.messages.put(json.loads(line))
                except ValueError:
                    log.debug("speech worker %s: %r", self.pid, line)
                    continue
                if self._on_message is not None:
                    self._on_message()
        except (OSError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError):
                stream.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=5)
            self._close_stdin()
            self.messages.put(None)  # end of file: the process is gone
            if self._on_message is not None:
                self._on_message()

    def send(self, message: dict[str, Any]) -> bool:
        with self._stdin_lock:
            stdin = self.proc.stdin
            if stdin is None or stdin.closed:
                return False
            try:
                stdin.write(json.dumps(message) + "\n")
                stdin.flush()
                return True
            except (OSError, ValueError):
                return False

    def receive(self, timeout: float) -> dict[str, Any] | None:
        """The next message; None when the process ended. Raises queue.Empty on timeout."""
        return self.messages.get(timeout=timeout)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """End the process and everything it started, at once."""
        self.killed = True
        # The group may outlive its leader (aplay started by pyttsx3): end it regardless.
        with contextlib.suppress(OSError):
            if sys.platform == "win32":
                if self.proc.poll() is None:
                    self.proc.kill()
            else:
                os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=2)
        self._close_stdin()

    def _close_stdin(self) -> None:
        with self._stdin_lock:
            stdin = self.proc.stdin
            if stdin is not None and not stdin.closed:
                with contextlib.suppress(OSError, ValueError):
                    stdin.close()

    def wait_ready(self, timeout: float = START_TIMEOUT) -> dict[str, Any]:
        """The worker's first message; raises RuntimeError with the reason if it failed."""
        try:
            message = self.receive(timeout)
        except queue.Empty:
            self.kill()
            raise WorkerCrashed(f"the speech engine did not start within {timeout:g} s") from None
        if message is None:
            raise WorkerCrashed(f"the speech process exited ({self.proc.poll()})")
        if not message.get("ready"):
            self.kill()
            raise EngineFailed(str(message.get("error", message)))
        return message


# ---------------------------------------------------------------- health check


@dataclass
class ProbeResult:
    backend: SpeechBackend | None
    voices: list[dict[str, Any]] = field(default_factory=list)
    default_voice: str | None = None
    problems: list[str] = field(default_factory=list)  # one per failed candidate

    @property
    def ok(self) -> bool:
        return self.backend is not None


def choose_backend(
    backends: Sequence[SpeechBackend] | None = None, timeout: float = START_TIMEOUT
) -> ProbeResult:
    """The first backend whose worker starts and lists voices (blocks: call off the GUI
    thread)."""
    result = ProbeResult(None)
    for backend in backends if backends is not None else candidates():
        try:
            worker = WorkerProcess("probe", {"backend": backend.name})
            ready = worker.wait_ready(timeout)
        except (OSError, RuntimeError) as exc:
            result.problems.append(f"{backend.name}: {exc}. {backend.missing_hint()}")
            continue
        worker.kill()
        result.backend = backend
        result.voices = list(ready.get("voices", []))
        result.default_voice = ready.get("voice")
        return result
    return result


# ---------------------------------------------------------------- rendering


@dataclass(frozen=True)
class VoiceConfig:
    voice: str | None
    rate: int
    volume: float = 1.0
    language: str = "en"  # with no voice chosen, the worker speaks with the best for it

    def for_worker(self, backend: SpeechBackend) -> dict[str, Any]:
        return {
            "backend": backend.name,
            "voice": self.voice,
            "language": self.language,
            "rate": self.rate,
            "volume": self.volume,
        }


class Renderer:
    """Renders phrases to the cache in a background worker process, one batch at a time.

    ``on_rendered(text, path, duration)`` and ``on_progress(done, total)`` are called on
    the renderer's thread. A worker that crashes or hangs is ended and replaced, and the
    phrase is tried again once; a phrase that fails twice is left to live speech.
    """

    def __init__(
        self,
        cache_dir: Path,
        backend: Callable[[], SpeechBackend | None],
        *,
        on_rendered: Callable[[str, Path, float], None],
        on_progress: Callable[[int, int], None],
        on_problem: ProblemCallback,
    ) -> None:
        self.cache_dir = cache_dir
        self._backend = backend
        self._on_rendered = on_rendered
        self._on_progress = on_progress
        self._on_problem = on_problem
        self._jobs: queue.Queue[tuple[int, list[str], VoiceConfig] | None] = queue.Queue()
        self._generation = 0
        self._worker: WorkerProcess | None = None
        self._worker_config: VoiceConfig | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.rendered_count = 0  # phrases rendered by a worker (not found in the cache)
        self._thread = threading.Thread(target=self._run, daemon=True, name="speech-renderer")
        self._thread.start()

    def closed(self) -> bool:
        """True once close() was called (a call, so checks after a wait see the news)."""
        return self._closed

    @property
    def worker_pid(self) -> int | None:
        worker = self._worker
        return worker.pid if worker is not None and worker.alive() else None

    def submit(self, texts: Sequence[str], config: VoiceConfig) -> None:
        """Render ``texts`` (the cached ones are reported at once); replaces any batch
        still in progress."""
        with self._lock:
            self._generation += 1
            self._jobs.put((self._generation, list(texts), config))

    def close(self) -> None:
        self._closed = True
        self._jobs.put(None)
        worker = self._worker
        if worker is not None:
            worker.kill()

    def _run(self) -> None:
        while not self._closed:
            job = self._jobs.get()
            if job is None:
                return
            generation, texts, config = job
            try:
                self._render_batch(generation, texts, config)
            except Exception:
                log.exception("speech rendering failed")

    def _render_batch(self, generation: int, texts: list[str], config: VoiceConfig) -> None:
        backend = self._backend()
        total = len(texts)
        done = 0
        missing: list[tuple[str, Path]] = []
        for text in texts:
            if backend is None:
                break
            path = phrase_path(
                self.cache_dir,
                text,
                config.voice,
                config.rate,
                backend.engine_id(),
                config.language,
            )
            duration = wav_duration(path)
            if duration is not None:
                done += 1
                self._on_rendered(text, path, duration)
            else:
                missing.append((text, path))
        self._on_progress(done, total)
        if backend is None or not missing:
            return
        for text, path in missing:
            if self._closed or generation != self._generation:
                return
            for attempt in range(2):
                if self.closed():
                    return
                outcome = self._render_one(backend, config, text, path)
                if outcome is not None:
                    done += 1
                    self.rendered_count += 1
                    self._on_rendered(text, path, outcome)
                    break
                if attempt == 0:
                    self._stop_worker()  # a fresh engine for the second try
            self._on_progress(done, total)

    def _render_one(
        self, backend: SpeechBackend, config: VoiceConfig, text: str, path: Path
    ) -> float | None:
        worker = self._ensure_worker(backend, config)
        if worker is None:
            return None
        if not worker.send({"text": text, "path": str(path)}):
            self._stop_worker()
            return None
        try:
            reply = worker.receive(RENDER_TIMEOUT)
        except queue.Empty:
            self._on_problem(
                "render-hang", _("The speech engine stopped responding; it was restarted.")
            )
            self._stop_worker()
            return None
        if reply is None:
            if self._closed:  # close() ended it: not a crash, and nothing to restart
                return None
            self._on_problem("render-crash", _("The speech engine crashed; it was restarted."))
            self._stop_worker()
            return None
        if "rendered" in reply:
            return float(reply["duration"])
        log.info("rendering %r failed: %s", text, reply.get("error"))
        return None

    def _ensure_worker(self, backend: SpeechBackend, config: VoiceConfig) -> WorkerProcess | None:
        if self._closed:
            return None  # never start a process after close()
        worker = self._worker
        if worker is not None and worker.alive() and self._worker_config == config:
            return worker
        self._stop_worker()
        try:
            worker = WorkerProcess("render", config.for_worker(backend))
            worker.wait_ready()
        except WorkerCrashed:
            self._on_problem("render-crash", _("The speech engine crashed; it was restarted."))
            return None
        except (OSError, RuntimeError) as exc:
            message = _("Speech is off: {error}. {hint}.").format(
                error=exc, hint=backend.missing_hint()
            )
            self._on_problem("render-start", message)
            return None
        self._worker, self._worker_config = worker, config
        return worker

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.kill()


# ---------------------------------------------------------------- live speech


class LiveSpeaker:
    """Speaks text that was not rendered, through a pre-started pyttsx3 process.

    One process speaks one utterance and exits; a spare is always being started so the
    next utterance does not wait for a process to start (~40-50 ms, DESIGN.md section 4).
    Interrupting ends the speaking process's group. A supervisor thread restarts a spare
    that dies, and ends an utterance that hangs.
    """

    def __init__(
        self,
        backend: Callable[[], SpeechBackend | None],
        config: VoiceConfig,
        *,
        on_problem: ProblemCallback,
        on_said: Callable[[str, int], None] | None = None,
    ) -> None:
        self._backend = backend
        self._config = config
        self._on_problem = on_problem
        self._on_said = on_said
        self._lock = threading.Condition()
        self._spare: WorkerProcess | None = None
        self._spare_ready = False
        self._speaking: list[WorkerProcess] = []
        self._failures = 0
        self._next_start = 0.0
        self._closed = False
        self.started_pids: list[int] = []
        self.said: list[tuple[str, int]] = []  # (text, pid) of finished utterances
        self._thread = threading.Thread(target=self._supervise, daemon=True, name="speech-live")
        self._thread.start()

    @property
    def spare_pid(self) -> int | None:
        spare = self._spare
        return spare.pid if spare is not None else None

    def speaking_pids(self) -> list[int]:
        with self._lock:
            return [worker.pid for worker in self._speaking]

    def ready(self) -> bool:
        with self._lock:
            return self._spare is not None and self._spare_ready and self._spare.alive()

    def configure(self, config: VoiceConfig) -> None:
        """Use another voice or rate from the next utterance on."""
        with self._lock:
            if config == self._config:
                return
            self._config = config
            spare, self._spare = self._spare, None
            self._spare_ready = False
            self._lock.notify_all()
        if spare is not None:
            spare.kill()

    def speak(self, text: str) -> bool:
        """Hand ``text`` to the ready spare; False at once if there is none."""
        with self._lock:
            spare = self._spare
            if spare is None or not self._spare_ready:
                return False
            self._spare, self._spare_ready = None, False
            self._lock.notify_all()
        spare.spoke_at = time.monotonic()
        if not spare.send({"text": text}):
            spare.kill()
            return False
        with self._lock:
            self._speaking.append(spare)
        return True

    def stop(self) -> None:
        with self._lock:
            speaking, self._speaking = self._speaking, []
        for worker in speaking:
            worker.kill()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            spare, self._spare = self._spare, None
            self._lock.notify_all()
        self.stop()
        if spare is not None:
            spare.kill()

    # ------------------------------------------------------------ supervisor

    def _supervise(self) -> None:
        # It sleeps until something happens: a worker's message or end (its reader calls
        # _wake), an utterance taken or a setting changed, a respawn delay or a hang's
        # timeout running out; and looks at least every SUPERVISE_S regardless (a spare
        # whose child keeps its pipe open ends without an end of file).
        while True:
            with self._lock:
                if self._closed:
                    return
                self._reap_locked()
                now = time.monotonic()
                need_spare = self._spare is None and now >= self._next_start
                config = self._config
                if not need_spare:
                    self._lock.wait(timeout=self._idle_timeout(now))
                    continue
            backend = self._backend()
            if backend is None:
                with self._lock:
                    self._lock.wait(timeout=0.5)
                continue
            self._start_spare(backend, config)

    def _wake(self) -> None:
        with self._lock:
            self._lock.notify_all()

    def _idle_timeout(self, now: float) -> float:
        """Seconds the supervisor may sleep: until the next spare may start, or the first
        utterance would have hung, at most SUPERVISE_S (the lock is held)."""
        moments = [now + SUPERVISE_S]
        if self._spare is None:
            moments.append(self._next_start)
        moments.extend((w.spoke_at or w.started) + SAY_TIMEOUT for w in self._speaking)
        return max(0.0, min(moments) - now) + 0.001

    def _start_spare(self, backend: SpeechBackend, config: VoiceConfig) -> None:
        try:
            worker = WorkerProcess("say", config.for_worker(backend), on_message=self._wake)
        except OSError as exc:
            self._failed("live", _("Live speech could not start: {error}.").format(error=exc))
            return
        with self._lock:
            if self._closed or config != self._config:
                worker.kill()
                return
            self._spare, self._spare_ready = worker, False
            self.started_pids.append(worker.pid)
        try:
            worker.wait_ready()
        except RuntimeError as exc:
            with self._lock:
                if self._spare is worker:
                    self._spare = None
            if worker.killed:
                return  # ended on purpose (new settings, closing)
            if isinstance(exc, EngineFailed):
                message = _("Live speech is off: {error}. {hint}.")
                self._failed("live", message.format(error=exc, hint=backend.missing_hint()))
            else:
                self._failed(
                    "live-crash", _("The live speech process stopped; it is being restarted.")
                )
            return
        with self._lock:
            if self._spare is worker:
                self._spare_ready = True
                self._failures = 0

    def _failed(self, key: str, message: str) -> None:
        with self._lock:
            delay = RESPAWN_DELAYS[min(self._failures, len(RESPAWN_DELAYS) - 1)]
            self._failures += 1
            self._next_start = time.monotonic() + delay
        self._on_problem(key, message)

    def _reap_locked(self) -> None:
        now = time.monotonic()
        spare = self._spare
        if spare is not None and self._spare_ready and not spare.alive():
            # The spare died while waiting (crashed or was killed): start another.
            self._spare, self._spare_ready = None, False
            if not spare.killed:
                self._failures += 1
                self._on_problem(
                    "live-crash", _("The live speech process stopped; it is being restarted.")
                )
        still = []
        for worker in self._speaking:
            ended = False
            while True:
                try:
                    message = worker.messages.get_nowait()
                except queue.Empty:
                    break
                if message is None:
                    ended = True
                elif "said" in message:
                    self.said.append((str(message["said"]), worker.pid))
                    if self._on_said is not None:
                        self._on_said(str(message["said"]), worker.pid)
            if ended:
                continue
            if now - (worker.spoke_at or worker.started) > SAY_TIMEOUT:
                worker.kill()  # hung: its reader still reports the end of file
            still.append(worker)
        self._speaking = still
