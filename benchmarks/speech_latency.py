"""Cue timing as heard: the audio engine beside the old QSoundEffect path, in one run.

    .venv/bin/python benchmarks/speech_latency.py [--runs N] [--modes engine,qsoundeffect]
                                                  [--json]

Needs: pulseaudio, pulseaudio-utils (parec, pactl), libespeak-ng1, libportaudio2,
libasound2-plugins. No sound card: a private PulseAudio server with a null sink.

Each run is a short workout (speech only, no tones) from a FRESH speech cache, in a child
process of its own, with the sink's monitor recorded by ``parec``; every recorded sample is
mapped to the monotonic clock from the arrival times of parec's chunks. The modes:

- ``engine``: what the app does now: the cue player hands each cue to the audio engine
  (a child process with one PortAudio stream), which starts it on its sample.
- ``qsoundeffect``: what the app did before: one ``QSoundEffect`` per rendered phrase in
  the app's process, fired by a precise Qt timer 36 ms early (the old output-latency
  guess). It can freeze (README, Troubleshooting): a run that does not end within its
  length plus 30 s is killed and counted as frozen.

For every cue the onset is the first sample above -30 dBFS after 30 ms of quiet, less the
phrase's own soft start (measured in its WAV). Printed per mode: runs, frozen runs, cues
missing, how often the first cue was heard, and the spread of (onset - due) after removing
the median: p50, p95, max; plus the median itself and, for the engine, its CPU time as a
share of one core while the workout ran.

Targets (issue 12): zero freezes, the first cue heard, spread p95 <= 10 ms and max <= 20 ms,
none missing, the engine's CPU <= 1 % of a core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

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

OLD_LEAD = 0.036  # what the old path fired early by
FREEZE_GRACE = 30.0


# ---------------------------------------------------------------- children


def _plan() -> Any:
    from glute_timer.core.plan import build_plan
    from glute_timer.core.protocol import parse_protocol

    return build_plan(parse_protocol(PROTOCOL))


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _emit(**message: Any) -> None:
    print(json.dumps(message), flush=True)


def child_engine(basedir: Path) -> None:
    from glute_timer.context import AppContext
    from glute_timer.core.session import START_DELAY, Session, State
    from glute_timer.speech.player import CuePlayer

    context = AppContext.create(basedir)
    context.settings = context.settings.with_changes(sounds_enabled=False)
    plan = _plan()
    notes: list[str] = []
    player = CuePlayer(context, on_status=lambda _k, text: notes.append(text))
    player.outcomes = []
    player.prepare(plan)
    engine = player.engine
    assert engine is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # as ``run --no-gui`` waits before it starts
        if player.ready_phrases() == player.wanted_phrases() and engine.ready:
            break
        time.sleep(0.05)
    session = Session(plan, time.monotonic)
    session.subscribe(player.listener)
    pid = engine.status.pid
    cpu0, wall0 = (_cpu_seconds(pid) if pid else 0.0), time.monotonic()
    session.start(START_DELAY)
    while session.state is State.RUNNING:
        due = session.next_deadline()
        now = time.monotonic()
        if due is not None and due > now:
            time.sleep(min(due - now, 0.25))
        session.tick(time.monotonic())
    cpu = (_cpu_seconds(pid) - cpu0) / (time.monotonic() - wall0) if pid else None
    while player.busy():
        time.sleep(0.05)
    time.sleep(0.5)
    outcomes = [
        {"due": o.due, "start": o.start, "text": o.text, "action": o.action}
        for o in player.outcomes
    ]
    player.close()
    _emit(outcomes=outcomes, engine_cpu=cpu, notes=notes)


def child_qsoundeffect(basedir: Path) -> None:
    """The old path, rebuilt from its parts: QSoundEffect per phrase, one precise timer."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, QUrl
    from PySide6.QtMultimedia import QSoundEffect

    from glute_timer.context import AppContext
    from glute_timer.core.session import Session, State
    from glute_timer.qt_compat import protect_none
    from glute_timer.speech.player import _BackendChoice
    from glute_timer.speech.processes import Renderer, VoiceConfig
    from glute_timer.speech.schedule import Conductor, Outcome, phrases_for

    protect_none()
    app = QCoreApplication.instance() or QCoreApplication(["speech-latency"])
    context = AppContext.create(basedir)
    plan = _plan()
    effects: dict[str, QSoundEffect] = {}
    lengths: dict[str, float] = {}
    pending: list[tuple[str, str, float]] = []

    def rendered(text: str, path: Path, seconds: float) -> None:
        pending.append((text, str(path), seconds))  # made in the GUI thread below

    backend = _BackendChoice(lambda result: None)
    renderer = Renderer(
        context.paths.speech_cache_dir,
        backend,
        on_rendered=rendered,
        on_progress=lambda done, total: None,
        on_problem=lambda key, text: None,
    )

    class Voice:
        def duration(self, text: str) -> float | None:
            effect = effects.get(text)
            return lengths.get(text) if effect is not None and effect.isLoaded() else None

        def speak(self, text: str, at: float) -> bool:
            effect = effects.get(text)
            if effect is None or not effect.isLoaded():
                return False
            effect.play()  # at once: the conductor fired it OLD_LEAD early
            return True

        def speak_now(self, text: str) -> bool:
            return False

        def stop(self, at: float | None = None) -> None:
            for effect in effects.values():
                effect.stop()

    class NoTones:
        def play(self, name: str, at: float) -> None:
            pass

        def stop(self) -> None:
            pass

    outcomes: list[Outcome] = []
    conductor = Conductor(Voice(), NoTones(), lead=OLD_LEAD, on_outcome=outcomes.append)
    conductor.sounds_enabled = False
    conductor.load(plan)

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            while pending:
                text, path, seconds_ = pending.pop(0)
                effect = QSoundEffect(app)
                effect.setSource(QUrl.fromLocalFile(path))
                effects[text], lengths[text] = effect, seconds_
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    renderer.submit(phrases_for(plan), VoiceConfig(None, context.settings.rate))
    total = len(phrases_for(plan))
    deadline = time.monotonic() + 5  # the old terminal run waited up to 5 s
    while time.monotonic() < deadline:
        pump(0.05)
        if len(effects) == total and all(e.isLoaded() for e in effects.values()):
            break
    session = Session(plan, time.monotonic)
    session.subscribe(lambda event: conductor.handle(event, time.monotonic()))
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def wake() -> None:
        now = time.monotonic()
        session.tick(now)
        conductor.poll(now)
        times = [t for t in (session.next_deadline(), conductor.next_wakeup()) if t]
        if session.state is State.RUNNING and times:
            timer.start(max(0, int((min(times) - time.monotonic()) * 1000)))

    timer.timeout.connect(wake)
    session.start()
    wake()
    while session.state is State.RUNNING:
        pump(0.05)
    pump(3.0)
    renderer.close()
    rows = [{"due": o.due, "start": o.due, "text": o.text, "action": o.action} for o in outcomes]
    _emit(outcomes=rows, engine_cpu=None, notes=[])


# ---------------------------------------------------------------- the parent


def clip_onset(path: Path, threshold: float) -> float:
    import numpy as np

    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2") / 32768
    loud = np.flatnonzero(np.abs(data) > threshold)
    return float(loud[0] / rate) if len(loud) else 0.0


def one_run(mode: str, pulse: Any) -> dict[str, Any]:
    import realaudio as ra

    from glute_timer.speech.backends import candidates
    from glute_timer.speech.cache import phrase_path

    plan = _plan()
    with tempfile.TemporaryDirectory(prefix="gt-bench-") as base:
        basedir = Path(base)
        recorder = ra.Recorder(pulse.env)
        recorder.wait_started()
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", mode, "--basedir", str(basedir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            out, err = proc.communicate(timeout=plan.total + FREEZE_GRACE)
            frozen = False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            frozen = True
        recording = recorder.stop()
        result: dict[str, Any] = {"mode": mode, "frozen": frozen}
        lines = [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]
        if frozen or not lines:
            result["stderr_bytes"] = len(err)
            return result
        data = lines[-1]
        engine_id = candidates()[0].engine_id()
        cache = basedir / "cache" / "speech"
        threshold = 10 ** (ra.THRESHOLD_DB / 20)
        offsets: list[float] = []
        missing: list[str] = []
        first_heard = False
        spoken = [o for o in data["outcomes"] if o["action"] == "spoken"]
        dues = sorted(o["due"] for o in data["outcomes"])
        for i, cue in enumerate(spoken):
            later = [d for d in dues if d > cue["due"] + 1e-6]
            end = min(later) if later else cue["due"] + 2.0
            path = phrase_path(cache, cue["text"], None, 175, engine_id)
            lead = clip_onset(path, threshold) if path.exists() else 0.0
            found = ra.onset(recording, cue["due"] - 0.15, min(end, cue["due"] + 0.4))
            if found is None:
                missing.append(f"{cue['text']!r} at +{cue['due'] - dues[0]:.1f} s")
                continue
            offsets.append(found - lead - cue["due"])
            if i == 0 and abs(cue["due"] - dues[0]) < 1e-6:
                first_heard = True
        not_spoken = [f"{o['text']!r}: {o['action']}" for o in data["outcomes"] if o not in spoken]
        result.update(
            cues=len(data["outcomes"]),
            spoken=len(spoken),
            missing=missing,
            not_spoken=not_spoken,
            first_heard=first_heard,
            offsets=offsets,
            engine_cpu=data.get("engine_cpu"),
        )
        return result


def summarise(mode: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    import realaudio as ra

    done = [r for r in runs if not r["frozen"]]
    offsets = [o for r in done for o in r.get("offsets", [])]
    summary: dict[str, Any] = {
        "mode": mode,
        "runs": len(runs),
        "frozen": len(runs) - len(done),
        "cues": sum(r.get("cues", 0) for r in done),
        "missing": sum(len(r.get("missing", [])) + len(r.get("not_spoken", [])) for r in done),
        "first_heard": sum(1 for r in done if r.get("first_heard")),
        "details": [m for r in done for m in r.get("missing", []) + r.get("not_spoken", [])],
    }
    if offsets:
        summary.update(ra.spread_ms(offsets))
    cpu = [r["engine_cpu"] for r in done if r.get("engine_cpu") is not None]
    if cpu:
        summary["engine_cpu_pct"] = 100 * statistics.median(cpu)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per mode (default 3)")
    parser.add_argument("--modes", default="engine,qsoundeffect")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--basedir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        {"engine": child_engine, "qsoundeffect": child_qsoundeffect}[args.child](args.basedir)
        return 0

    import realaudio as ra

    if not ra.have_pulseaudio():
        raise SystemExit("needs pulseaudio and pulseaudio-utils: apt install them")
    pulse = ra.PulseServer()
    pulse.start()
    pulse.use()
    modes = args.modes.split(",")
    results: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    try:
        for run in range(args.runs):  # alternate the modes, so both see the same machine
            for mode in modes:
                results[mode].append(one_run(mode, pulse))
                print(f"run {run + 1}/{args.runs} {mode} done", file=sys.stderr, flush=True)
    finally:
        pulse.close()
    summaries = [summarise(mode, runs) for mode, runs in results.items()]
    if args.json:
        print(json.dumps(summaries, indent=2))
    else:
        print("spread = |onset - due - median|, ms; median = the constant offset, ms")
        print(
            f"{'mode':<13} {'runs':>4} {'froze':>5} {'cues':>4} {'miss':>4} {'1st':>5}"
            f" {'p50':>6} {'p95':>6} {'max':>6} {'median':>7} {'CPU %':>6}"
        )
        for s in summaries:
            cpu = f"{s['engine_cpu_pct']:6.2f}" if "engine_cpu_pct" in s else f"{'-':>6}"
            figures = [
                f"{s[k]:6.1f}" if k in s else f"{'-':>6}" for k in ("p50_ms", "p95_ms", "max_ms")
            ]
            median = f"{s['median_ms']:7.1f}" if "median_ms" in s else f"{'-':>7}"
            print(
                f"{s['mode']:<13} {s['runs']:>4} {s['frozen']:>5} {s['cues']:>4} "
                f"{s['missing']:>4} {s['first_heard']:>2}/{s['runs'] - s['frozen']:<2} "
                + " ".join(figures)
                + f" {median} {cpu}"
            )
            for line in s["details"][:10]:
                print(f"  [{s['mode']}] {line}")
    engine = next((s for s in summaries if s["mode"] == "engine"), None)
    ok = bool(
        engine
        and engine["frozen"] == 0
        and engine["missing"] == 0
        and engine["first_heard"] == engine["runs"]
        and engine.get("p95_ms", 99) <= 10
        and engine.get("max_ms", 99) <= 20
        and engine.get("engine_cpu_pct", 99) <= 1.0
    )
    print(
        "targets (engine: no freeze, none missing, first cue heard, p95 <= 10 ms, "
        "max <= 20 ms, CPU <= 1 %): " + ("met" if ok else "NOT met"),
        file=sys.stderr,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
