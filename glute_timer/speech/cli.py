"""Speech on the command line: ``voices``, ``check``, and audio for ``run --no-gui``.

Qt is imported only inside the functions, so ``glute-timer plan`` and friends stay fast
and work where Qt cannot load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from glute_timer.context import AppContext
from glute_timer.core.session import Session, WorkoutFinished

if TYPE_CHECKING:
    from glute_timer.speech.audio import CueAudio

QUIET_MULTIMEDIA = "qt.multimedia.*=false;qt.multimedia.ffmpeg=false"
PREPARE_WAIT = 5.0  # seconds a terminal run waits for its phrases before starting
DRAIN_WAIT = 4.0  # seconds a finished terminal run lets the last cue sound


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``voices`` and ``check`` to the command line (see cli._feature_commands)."""
    p = sub.add_parser("voices", parents=[common], help="list the speech engine's voices")
    p.set_defaults(func=cmd_voices)
    p = sub.add_parser(
        "check", parents=[common], help="what works on this machine: display, speech, audio"
    )
    p.set_defaults(func=cmd_check)


# ------------------------------------------------------------------ voices


def cmd_voices(args: argparse.Namespace, context: AppContext) -> int:
    from glute_timer.speech.processes import choose_backend

    result = choose_backend()
    if result.backend is None:
        for problem in result.problems:
            print(f"glute-timer: error: {problem}", file=sys.stderr)
        return 1
    current = context.settings.voice or result.default_voice
    print(f"# {result.backend.name}: {len(result.voices)} voices; * marks the one in use")
    for voice in result.voices:
        mark = "*" if voice["id"] == current else " "
        languages = ",".join(voice.get("languages") or [])
        print(f"{mark} {voice['id']}\t{voice['name']}\t{languages}")
    if current and all(v["id"] != current for v in result.voices):
        print(f"glute-timer: warning: the voice in settings ({current}) is not installed")
    return 0


# ------------------------------------------------------------------ check


def _ensure_qt_platform() -> str | None:
    """Pick offscreen when there is no display; returns a note about the choice."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "no display: offscreen"
    # A display is set: make sure its plugin loads, in a child, because Qt aborts the
    # process when it cannot (missing xcb libraries).
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from PySide6.QtGui import QGuiApplication as A; a = A([]); print(a.platformName())",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if probe.returncode != 0:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "the display's platform plugin failed to load (QT_DEBUG_PLUGINS=1 shows why)"
    return None


def _quiet_multimedia() -> None:
    from glute_timer.qt_compat import protect_none

    protect_none()  # before Qt is used much: see glute_timer/qt_compat.py
    rules = os.environ.get("QT_LOGGING_RULES")
    os.environ["QT_LOGGING_RULES"] = f"{rules};{QUIET_MULTIMEDIA}" if rules else QUIET_MULTIMEDIA


def _writable(path: os.PathLike[str] | str) -> bool:
    from pathlib import Path

    path = Path(path)
    probe = path
    while not probe.exists():
        probe = probe.parent
    # A file where a folder belongs (or in the way of one) cannot hold our data.
    return probe.is_dir() and os.access(probe, os.W_OK)


def cmd_check(args: argparse.Namespace, context: AppContext) -> int:
    failures: list[str] = []

    def line(label: str, ok: bool | None, text: str) -> None:
        mark = {True: "ok  ", False: "FAIL", None: "warn"}[ok]
        print(f"{mark} {label:<10} {text}", flush=True)

    # Qt platform
    try:
        note = _ensure_qt_platform()
        _quiet_multimedia()
        from PySide6 import __version__ as pyside_version
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(["glute-timer"])
        platform = QGuiApplication.platformName()
        extra = f" ({note})" if note else ""
        line("qt", True, f"PySide6 {pyside_version}, platform {platform}{extra}")
    except Exception as exc:
        line("qt", False, f"Qt cannot start: {exc}")
        failures.append("Qt cannot start")
        app = None

    # Speech engine
    from glute_timer.speech.processes import choose_backend

    probe = choose_backend()
    if probe.backend is not None:
        text = f"{probe.backend.name} via pyttsx3, {len(probe.voices)} voices"
        live = probe.backend.live_problem()
        line("speech", None if live else True, text + (f"; {live}" if live else ""))
    else:
        line(
            "speech",
            None,
            "none (workouts run with tones and on-screen cues): " + "; ".join(probe.problems),
        )

    # Audio output
    if app is not None:
        from glute_timer.speech.audio import MULTIMEDIA_ERROR, audio_outputs

        if MULTIMEDIA_ERROR:
            line(
                "audio", None, f"Qt Multimedia unavailable ({MULTIMEDIA_ERROR}); install libpulse0"
            )
        else:
            outputs = audio_outputs()
            if outputs:
                line("audio", True, f"{len(outputs)} output(s): {', '.join(outputs)}")
            else:
                line("audio", None, "no audio output (is PulseAudio or PipeWire running?)")
    else:
        line("audio", None, "not checked without Qt")

    # Rendering cache
    from glute_timer.speech.cache import cache_summary

    cache = context.paths.speech_cache_dir
    count, size = cache_summary(cache)
    writable = _writable(cache)
    line(
        "cache",
        True if writable else None,
        f"{cache}: {count} phrases, {size / 1e6:.1f} MB"
        + ("" if writable else " (not writable: phrases are spoken live)"),
    )

    # Data locations
    paths = context.paths
    for label, where in (("config", paths.config_dir), ("data", paths.data_dir)):
        ok = _writable(where)
        line(label, True if ok else None, f"{where}" + ("" if ok else " (not writable)"))

    # The built-in presets must load, or there is nothing to run.
    try:
        from glute_timer.core.library import ordered_presets
        from glute_timer.core.plan import build_plan

        presets = ordered_presets()
        for entry in presets:
            if entry.protocol is not None:
                build_plan(entry.protocol)
        line("presets", True, f"{len(presets)} built-in presets load")
    except Exception as exc:
        line("presets", False, f"built-in presets do not load: {exc}")
        failures.append("the built-in presets do not load")

    if failures:
        print(f"glute-timer: cannot run a workout: {'; '.join(failures)}", file=sys.stderr)
        return 1
    print("A workout can run on this machine.")
    return 0


# ------------------------------------------------------------------ run --no-gui


def attach_audio(session: Session, context: AppContext, args: argparse.Namespace) -> None:
    """Speak and play tones during a terminal workout (unless ``--mute``).

    Sets ``args.wait`` (wait while Qt delivers events, for ``cli._follow``) and appends to
    ``args.after_run`` (let the last cue sound, then end the speech processes)."""
    if getattr(args, "mute", False):
        return
    try:
        _quiet_multimedia()
        from PySide6.QtCore import QCoreApplication

        from glute_timer.speech.audio import CueAudio
    except ImportError as exc:
        print(f"glute-timer: note: no sound ({exc})", file=sys.stderr)
        return
    app = QCoreApplication.instance() or QCoreApplication(["glute-timer"])
    audio = CueAudio(context, parent=app)
    audio.status_message.connect(lambda text: print(f"glute-timer: note: {text}", file=sys.stderr))
    wait = event_loop_wait(app)
    _prepare(audio, session, wait)
    session.subscribe(audio.listener)
    args.wait = wait
    finished = []
    session.subscribe(lambda e: finished.append(e) if isinstance(e, WorkoutFinished) else None)

    def after_run() -> None:
        if finished and finished[-1].completed:
            deadline = time.monotonic() + DRAIN_WAIT
            while audio.conductor.busy(time.monotonic()) and time.monotonic() < deadline:
                wait(0.05)
        audio.close()

    args.after_run = [*getattr(args, "after_run", []), after_run]


def _prepare(audio: CueAudio, session: Session, wait: Callable[[float], None]) -> None:
    progress = [0, -1]

    def on_progress(done: int, total: int) -> None:
        progress[:] = [done, total]

    audio.prepare_progress.connect(on_progress)
    audio.prepare(session.plan)
    start = time.monotonic()
    shown = False
    while time.monotonic() - start < PREPARE_WAIT:
        if not audio.audio_ok:
            wait(0.05)  # let its notice out; nothing will play, so nothing to wait for
            break
        done, total = progress
        if total >= 0 and done >= total and audio.ready_phrases() >= total:
            break
        if total > 0 and time.monotonic() - start > 0.5:
            print(f"\rPreparing speech {done}/{total}", end="", file=sys.stderr, flush=True)
            shown = True
        wait(0.05)
    if shown:
        print(file=sys.stderr, flush=True)
    audio.prepare_progress.disconnect(on_progress)


def event_loop_wait(app: Any) -> Callable[[float], None]:
    """A ``wait(seconds)`` that lets Qt deliver events (timers, rendered phrases) meanwhile.

    A precise timer wakes ``processEvents(WaitForMoreEvents)`` at the deadline; control
    returns to Python after every batch of events, so Ctrl-C is handled within one
    event (Python runs signal handlers only between bytecodes, not inside Qt)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    timer = QTimer(app)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            timer.start(max(0, int(left * 1000)))
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if left < 0.002:
                return

    return wait
