"""Real sound for tests and benchmarks: a private PulseAudio server and a recorder.

Needs Debian's ``pulseaudio`` and ``pulseaudio-utils`` (``parec``, ``pactl``, ``paplay``);
no sound card. Used by ``tests/conftest.py`` (the ``pulse`` fixture) and by
``benchmarks/speech_latency.py``.

- :class:`PulseServer` starts PulseAudio in a runtime folder of its own (it never touches a
  desktop's server), with one null sink for the app (``rec``) and one for "music"
  (``music``), and points this process and its children at it.
- :class:`Recorder` records a sink's monitor with ``parec`` at the sink's own rate, noting
  when each chunk arrives: that maps every recorded sample to the monotonic clock.
- :func:`onsets` finds where sounds begin; :func:`level_db` measures loudness over time.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 44100
"""The null sinks' rate: recording at it needs no resampling, which would drift."""

APP_SINK = "rec"
MUSIC_SINK = "music"
THRESHOLD_DB = -30.0


def have_pulseaudio() -> bool:
    return all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "parec"))


class PulseServer:
    """A private PulseAudio server with two null sinks; ``env`` reaches it."""

    def __init__(self) -> None:
        self.runtime = Path(tempfile.mkdtemp(prefix="gt-pulse-"))
        self.env = dict(os.environ)
        self.env["PULSE_RUNTIME_PATH"] = str(self.runtime)
        self.env["PULSE_STATE_PATH"] = str(self.runtime)
        self.env["PULSE_SERVER"] = f"unix:{self.runtime}/native"
        self.env.pop("PULSE_SINK", None)
        self._saved: dict[str, str | None] = {}

    def start(self) -> None:
        subprocess.run(
            [
                "pulseaudio",
                "--daemonize=yes",
                "--exit-idle-time=-1",
                "--system=false",
                "--disallow-exit=no",
                "-n",
                "--load=module-native-protocol-unix",
                f"--load=module-null-sink sink_name={APP_SINK} rate={RATE}",
                f"--load=module-null-sink sink_name={MUSIC_SINK} rate={RATE}",
            ],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=30,
        )
        deadline = time.monotonic() + 10
        while self.pactl("info").returncode:
            if time.monotonic() > deadline:
                raise RuntimeError("PulseAudio did not start")
            time.sleep(0.05)
        self.pactl("set-default-sink", APP_SINK)

    def use(self) -> None:
        """Point this process (and every child it starts) at this server."""
        for key in ("PULSE_RUNTIME_PATH", "PULSE_STATE_PATH", "PULSE_SERVER"):
            self._saved.setdefault(key, os.environ.get(key))
            os.environ[key] = self.env[key]

    def unuse(self) -> None:
        for key, value in self._saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._saved.clear()

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10
        )

    def stop(self) -> None:
        subprocess.run(["pulseaudio", "-k"], env=self.env, capture_output=True, timeout=10)
        deadline = time.monotonic() + 5
        while self.pactl("info").returncode == 0 and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        self.unuse()
        shutil.rmtree(self.runtime, ignore_errors=True)

    def sink_inputs(self) -> list[dict[str, str]]:
        """Each playback stream's properties (``pactl list sink-inputs``), plus its
        index and volume in percent."""
        out = self.pactl("list", "sink-inputs").stdout
        streams: list[dict[str, str]] = []
        for block in out.split("Sink Input #")[1:]:
            lines = block.splitlines()
            entry = {"index": lines[0].strip()}
            for line in lines[1:]:
                stripped = line.strip()
                if stripped.startswith("Volume:") and "%" in stripped:
                    entry["volume"] = stripped.split("/")[1].strip().rstrip("%")
                elif " = " in stripped:
                    key, _, value = stripped.partition(" = ")
                    entry[key] = value.strip('"')
            streams.append(entry)
        return streams


class Recorder:
    """``parec`` on a sink's monitor; every chunk's arrival time is kept for the clock map."""

    def __init__(self, env: dict[str, str], sink: str = APP_SINK) -> None:
        self.proc = subprocess.Popen(
            [
                "parec",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "-d",
                f"{sink}.monitor",
                "--latency-msec=5",
                "--raw",
            ],
            stdout=subprocess.PIPE,
            env=env,
        )
        self._chunks: list[bytes] = []
        self._count = 0
        self.arrivals: list[tuple[float, float]] = []  # (arrival, arrival - samples / RATE)
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        pending = b""
        while True:
            chunk = os.read(fd, 8192)
            now = time.monotonic()
            if not chunk:
                return
            pending += chunk
            whole = len(pending) // 2 * 2
            self._chunks.append(pending[:whole])
            pending = pending[whole:]
            self._count += whole // 2
            self.arrivals.append((now, now - self._count / RATE))

    def wait_started(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self._count < RATE // 5:
            if time.monotonic() > deadline:
                raise RuntimeError("parec records nothing")
            time.sleep(0.02)

    def stop(self) -> Recording:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._thread.join(timeout=5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        samples = np.frombuffer(b"".join(self._chunks), dtype="<i2").astype(np.float32) / 32768
        return Recording(samples, list(self.arrivals))


@dataclass
class Recording:
    samples: np.ndarray
    arrivals: list[tuple[float, float]]

    def base_near(self, when: float, span: float = 1.5) -> float:
        """Monotonic time of sample 0, from the chunks that arrived within ``span`` of
        ``when``: local, so the sink's clock drifting from ours does not add up. A chunk
        arrives no sooner than its last sample was played, so the earliest base is best."""
        near = [base for arrival, base in self.arrivals if abs(arrival - when) <= span]
        return min(near) if near else min(base for _, base in self.arrivals)

    def index(self, when: float) -> int:
        return int((when - self.base_near(when)) * RATE)

    def time_of(self, index: int, near: float) -> float:
        return self.base_near(near) + index / RATE


def onset(
    recording: Recording,
    start: float,
    end: float,
    *,
    threshold_db: float = THRESHOLD_DB,
    quiet_before: float = 0.03,
) -> float | None:
    """Monotonic time of the first sound after ``quiet_before`` s of quiet, in [start, end)."""
    samples = recording.samples
    first = max(0, recording.index(start))
    last = min(len(samples), recording.index(end))
    if last <= first:
        return None
    loud = np.abs(samples[first:last]) > 10 ** (threshold_db / 20)
    need = int(quiet_before * RATE)
    positions = np.flatnonzero(loud)
    if len(positions) == 0:
        return None
    # Quiet must be heard, not assumed: the tail of the cue before is not an onset.
    gaps = np.diff(positions, prepend=-1) - 1
    after_quiet = np.flatnonzero(gaps >= need)
    if len(after_quiet) == 0:
        return None
    return recording.time_of(first + int(positions[after_quiet[0]]), start)


def onsets_near(
    recording: Recording, dues: Sequence[float], *, before: float = 0.15
) -> list[float | None]:
    """For each due time, the onset found from ``before`` it until the next due time."""
    found: list[float | None] = []
    for i, due in enumerate(dues):
        end = dues[i + 1] if i + 1 < len(dues) else due + 2.0
        found.append(onset(recording, due - before, end))
    return found


def level_db(recording: Recording, start: float, end: float) -> float:
    """RMS level in dBFS over [start, end) (monotonic times)."""
    a, b = max(0, recording.index(start)), max(0, recording.index(end))
    part = recording.samples[a:b]
    if len(part) == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(part, dtype=np.float64))))
    return 20 * np.log10(max(rms, 1e-6))


def spread_ms(offsets: Sequence[float]) -> dict[str, float]:
    """p50, p95 and max of |offset - median| in ms, and the median itself."""
    values = np.asarray(offsets, dtype=np.float64)
    median = float(np.median(values))
    dev = np.sort(np.abs(values - median))
    p95 = dev[min(len(dev) - 1, round(0.95 * (len(dev) - 1)))]
    return {
        "median_ms": 1000 * median,
        "p50_ms": 1000 * float(np.median(dev)),
        "p95_ms": 1000 * float(p95),
        "max_ms": 1000 * float(dev[-1]),
    }


def music_tone(path: Path, seconds: float = 60.0, freq: float = 220.0) -> Path:
    """A steady tone to stand in for music (written once, as 16-bit WAV)."""
    import wave

    t = np.arange(int(seconds * RATE)) / RATE
    data = (0.3 * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())
    return path
