"""How late is each spoken cue? Pre-rendered playback against live pyttsx3 ``say()``.

    .venv/bin/python benchmarks/speech_latency.py [--runs N] [--json]

Needs: pulseaudio, pulseaudio-utils (parec, pactl), libespeak-ng1, alsa-utils and
libasound2-plugins (live speech plays through aplay -> ALSA's pulse plugin). No sound card.

1. Starts a private PulseAudio server (its own runtime directory, so it never touches a
   desktop's) with one null sink, and makes it the default for this process and its
   children (``PULSE_SERVER``).
2. Records the sink's monitor with ``parec`` (22,050 Hz mono, 5 ms latency), noting when
   each chunk arrives, which maps every recorded sample to the monotonic clock: sample n
   was played no later than ``min_k(arrival_k - samples_before_k / rate) + n / rate``.
3. Runs the same short workout headless (a 20 ms precise Qt timer ticking a Session, as
   the GUI does) twice: with every phrase pre-rendered and played by ``CueAudio``, then
   with every phrase spoken live by a pyttsx3 process (``CueAudio.prerender = False``).
   Tones are off, so everything recorded is speech.
4. Finds each cue's onset (the first sample above -30 dBFS after at least 30 ms of quiet,
   from 150 ms before the cue's due time until the next cue) and prints p50, p95 and max
   of (onset - due) for both, their ratio, and any cue missing from the recording.

Targets (issue 3): pre-rendered p95 <= 40 ms, max <= 80 ms, nothing missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RATE = 22050
THRESHOLD = int(32767 * 10 ** (-30 / 20))  # -30 dBFS
QUIET_BEFORE = 0.03
SINK = "bench"

PROTOCOL = """\
format = 1
name = "Latency benchmark"
lead_in = 4

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 3
tempo = { lift = 1, hold = 2, lower = 1 }
rest = 8
"""


# ---------------------------------------------------------------- PulseAudio


class PulseServer:
    def __init__(self) -> None:
        self.runtime = Path(tempfile.mkdtemp(prefix="gt-pulse-"))
        self.env = dict(os.environ)
        self.env["PULSE_RUNTIME_PATH"] = str(self.runtime)
        self.env["PULSE_STATE_PATH"] = str(self.runtime)
        self.env["PULSE_SERVER"] = f"unix:{self.runtime}/native"
        self.env.pop("PULSE_SINK", None)

    def start(self) -> None:
        for tool in ("pulseaudio", "pactl", "parec"):
            if shutil.which(tool) is None:
                raise SystemExit(f"{tool} is missing: apt install pulseaudio pulseaudio-utils")
        subprocess.run(
            [
                "pulseaudio",
                "--daemonize=yes",
                "--exit-idle-time=-1",
                "--system=false",
                "-n",
                "--load=module-native-protocol-unix",
                f"--load=module-null-sink sink_name={SINK}",
            ],
            env=self.env,
            check=True,
            capture_output=True,
        )
        deadline = time.monotonic() + 10
        while subprocess.run(["pactl", "info"], env=self.env, capture_output=True).returncode:
            if time.monotonic() > deadline:
                raise SystemExit("PulseAudio did not start")
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-sink", SINK], env=self.env, check=True)
        os.environ.update(
            {k: self.env[k] for k in ("PULSE_RUNTIME_PATH", "PULSE_STATE_PATH", "PULSE_SERVER")}
        )

    def stop(self) -> None:
        subprocess.run(["pulseaudio", "-k"], env=self.env, capture_output=True, check=False)
        shutil.rmtree(self.runtime, ignore_errors=True)


class Recorder:
    """parec on the sink's monitor; every chunk's arrival time is kept for the clock map."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [
                "parec",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "-d",
                f"{SINK}.monitor",
                "--latency-msec=5",
                "--raw",
            ],
            stdout=subprocess.PIPE,
            env=env,
        )
        self.data = bytearray()
        self.arrivals: list[tuple[float, float]] = []  # (arrival, arrival - samples / RATE)
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while True:
            chunk = os.read(fd, 4096)
            now = time.monotonic()
            if not chunk:
                return
            self.data += chunk
            self.arrivals.append((now, now - len(self.data) // 2 / RATE))

    def base_near(self, when: float, span: float = 1.5) -> float:
        """Monotonic time of sample 0, from the chunks that arrived within ``span`` of
        ``when``: local, so the sink's clock drifting from ours (~0.05%) does not add up."""
        near = [base for arrival, base in self.arrivals if abs(arrival - when) <= span]
        return min(near) if near else min(base for _, base in self.arrivals)

    def wait_started(self) -> None:
        deadline = time.monotonic() + 10
        while len(self.data) < RATE // 5:
            if time.monotonic() > deadline:
                raise SystemExit("parec records nothing")
            time.sleep(0.05)

    def stop(self) -> array[int]:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._thread.join(timeout=5)
        samples = array("h")
        samples.frombytes(bytes(self.data[: len(self.data) // 2 * 2]))
        if sys.byteorder == "big":
            samples.byteswap()
        return samples


# ---------------------------------------------------------------- the workout


@dataclass
class Run:
    mode: str
    cues: list[dict[str, Any]] = field(default_factory=list)  # due, text, action


def run_workout(mode: str, basedir: Path) -> Run:
    from PySide6.QtCore import QCoreApplication, Qt, QTimer

    from glute_timer.context import AppContext
    from glute_timer.core.plan import build_plan
    from glute_timer.core.protocol import parse_protocol
    from glute_timer.core.session import Session, State
    from glute_timer.speech.audio import CueAudio
    from glute_timer.speech.cli import event_loop_wait
    from glute_timer.speech.schedule import phrases_for

    app = QCoreApplication.instance() or QCoreApplication(["speech-latency"])
    wait = event_loop_wait(app)  # as `run --no-gui` waits: Qt delivers timers on time
    context = AppContext.create(basedir)
    context.settings = context.settings.with_changes(sounds_enabled=False)
    plan = build_plan(parse_protocol(PROTOCOL))
    audio = CueAudio(context)
    messages: list[str] = []
    audio.status_message.connect(messages.append)
    audio.outcomes = []
    audio.prerender = mode == "pre-rendered"

    def pump(until: Any, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not until() and time.monotonic() < deadline:
            wait(0.05)

    audio.prepare(plan)
    if audio.prerender:
        total = len(phrases_for(plan))
        pump(lambda: audio.ready_phrases() == total, 30)
        if audio.ready_phrases() != total:
            raise SystemExit(f"only {audio.ready_phrases()}/{total} phrases ready: {messages}")
    else:
        live = audio.live
        assert live is not None
        pump(live.ready, 15)
    pump(lambda: False, 1.0)  # settle

    session = Session(plan, time.monotonic)
    session.subscribe(audio.listener)
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(20)
    timer.timeout.connect(lambda: session.tick(time.monotonic()))
    session.start()
    timer.start()
    pump(lambda: session.state is State.FINISHED, plan.total + 10)
    timer.stop()
    pump(lambda: False, 3.0)  # let the last cue sound
    audio.close()
    if messages:
        print(f"[{mode}] notes: {' | '.join(messages)}", file=sys.stderr)
    run = Run(mode)
    for outcome in audio.outcomes:
        run.cues.append(
            {
                "due": outcome.due,
                "fired": outcome.at,
                "text": outcome.text,
                "action": outcome.action,
            }
        )
    return run


# ---------------------------------------------------------------- analysis


def onset(samples: array[int], base: float, start: float, end: float) -> float | None:
    """Monotonic time of the first sound after QUIET_BEFORE of quiet, in [start, end)."""
    first = max(0, int((start - base) * RATE))
    last = min(len(samples), int((end - base) * RATE))
    quiet_needed = int(QUIET_BEFORE * RATE)
    quiet = 0  # quiet must be heard, not assumed: a tail of the cue before is not an onset
    for i in range(first, last):
        if abs(samples[i]) > THRESHOLD:
            if quiet >= quiet_needed:
                return base + i / RATE
            quiet = 0
        else:
            quiet += 1
    return None


def _p95(ordered: list[float]) -> float:
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def analyse(run: Run, samples: array[int], recorder: Recorder) -> dict[str, Any]:
    spoken = [c for c in run.cues if c["action"] == "spoken"]
    dues = [c["due"] for c in run.cues]
    delays: list[float] = []
    per_cue: list[tuple[Any, ...]] = []
    missing: list[str] = []
    for cue in spoken:
        later = [d for d in dues if d > cue["due"] + 1e-6]
        end = min(later) if later else cue["due"] + 2.0
        base = recorder.base_near(cue["due"])
        found = onset(samples, base, cue["due"] - 0.15, end)
        at = cue["due"] - dues[0]
        if found is None:
            missing.append(f"{cue['text']!r} at +{at:.2f}s")
            per_cue.append((round(at, 3), cue["text"], None))
        else:
            delays.append(found - cue["due"])
            fired = round(1000 * (cue["fired"] - cue["due"]), 1)
            per_cue.append((round(at, 3), cue["text"], round(1000 * delays[-1], 1), fired))
    not_spoken = [f"{c['text']!r}: {c['action']}" for c in run.cues if c["action"] != "spoken"]
    result: dict[str, Any] = {
        "mode": run.mode,
        "cues": len(run.cues),
        "spoken": len(spoken),
        "found": len(delays),
        "missing": missing,
        "not_spoken": not_spoken,
        "per_cue_ms": per_cue,
    }
    if delays:
        ordered = sorted(delays)
        off = sorted(abs(d) for d in delays)
        result.update(
            p50_ms=1000 * statistics.median(ordered),
            p95_ms=1000 * _p95(ordered),
            max_ms=1000 * max(ordered),
            min_ms=1000 * min(ordered),
            p50_abs_ms=1000 * statistics.median(off),
            p95_abs_ms=1000 * _p95(off),
            max_abs_ms=1000 * max(off),
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", type=Path, help="save the recording (raw s16le) here")
    parser.add_argument(
        "--modes", default="pre-rendered,live", help="which runs, comma-separated (default: both)"
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    server = PulseServer()
    server.start()
    recorder = Recorder(server.env)
    try:
        recorder.wait_started()
        with tempfile.TemporaryDirectory(prefix="gt-bench-") as basedir:
            runs = [run_workout(mode, Path(basedir)) for mode in args.modes.split(",")]
    finally:
        samples = recorder.stop()
        server.stop()
    if args.keep:
        args.keep.write_bytes(samples.tobytes())
        args.keep.with_suffix(".arrivals.json").write_text(json.dumps(recorder.arrivals))
    results = [analyse(run, samples, recorder) for run in runs]
    by_mode = {r["mode"]: r for r in results}
    pre, live = by_mode.get("pre-rendered", {}), by_mode.get("live", {})
    # Early and late are both off the beat: the ratio compares |onset - due|.
    ratio = {
        key: live[key] / pre[key]
        for key in ("p50_abs_ms", "p95_abs_ms", "max_abs_ms")
        if key in pre and key in live and pre[key] > 0
    }
    if args.json:
        print(json.dumps({"results": results, "live_over_prerendered": ratio}, indent=2))
    else:
        keys = ("p50_ms", "p95_ms", "max_ms", "p50_abs_ms", "p95_abs_ms", "max_abs_ms")
        print("onset - due, ms    (signed: + late, - early)   |  |onset - due|, ms")
        print(f"{'mode':<13} {'cues':>4} {'found':>5}   p50    p95    max  |   p50    p95    max")
        for r in results:
            figures = [f"{r[k]:6.1f}" if k in r else f"{'-':>6}" for k in keys]
            print(
                f"{r['mode']:<13} {r['spoken']:>4} {r['found']:>5} "
                + " ".join(figures[:3])
                + "  | "
                + " ".join(figures[3:])
            )
        if ratio:
            print(
                "live / pre-rendered (|onset - due|): "
                + ", ".join(f"{k.removesuffix('_abs_ms')} x{v:.1f}" for k, v in ratio.items())
            )
        for r in results:
            for line in r["missing"]:
                print(f"[{r['mode']}] missing from the recording: {line}")
            for line in r["not_spoken"]:
                print(f"[{r['mode']}] not spoken: {line}")
    ok = (
        "p95_ms" in pre
        and pre["p95_ms"] <= 40
        and pre["max_ms"] <= 80
        and not pre.get("missing")
        and not pre.get("not_spoken")
    )
    print(
        "targets (pre-rendered p95 <= 40 ms, max <= 80 ms, none missing): "
        + ("met" if ok else "NOT met"),
        file=sys.stderr,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
