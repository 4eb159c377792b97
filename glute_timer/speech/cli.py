"""Speech on the command line: ``voices``, ``check``, and audio for ``run --no-gui``.

Qt is imported only by ``check`` (to see whether a window can open), so ``glute-timer
plan`` and friends stay fast and work where Qt cannot load. A terminal run's sound needs
no Qt at all: the cue player and its audio engine work the same without a window.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

from glute_timer.context import AppContext
from glute_timer.core.i18n import _, best_voice, localise_numbers, ngettext

if TYPE_CHECKING:
    from glute_timer.speech.player import CuePlayer

PREPARE_WAIT = 5.0  # seconds a workout waits for its phrases and sound before it starts
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
    # The voice setting on "automatic" (no voice): the best voice for the language.
    current = (
        context.settings.voice
        or best_voice(result.voices, context.language, result.default_voice)
        or result.default_voice
    )
    count = ngettext("{n} voice", "{n} voices", len(result.voices)).format(n=len(result.voices))
    print(
        "# "
        + _("{engine}: {voices}; * marks the one in use").format(
            engine=result.backend.name, voices=count
        )
    )
    for voice in result.voices:
        mark = "*" if voice["id"] == current else " "
        languages = ",".join(voice.get("languages") or [])
        print(f"{mark} {voice['id']}\t{voice['name']}\t{languages}")
    if current and all(v["id"] != current for v in result.voices):
        warning = _("the voice in settings ({voice}) is not installed").format(voice=current)
        print(f"glute-timer: warning: {warning}")
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
        from glute_timer.qt_compat import protect_none

        protect_none()  # before Qt is used much: see glute_timer/qt_compat.py
        from PySide6 import __version__ as pyside_version
        from PySide6.QtGui import QGuiApplication

        _app = QGuiApplication.instance() or QGuiApplication(["glute-timer"])  # kept alive
        platform = QGuiApplication.platformName()
        extra = f" ({note})" if note else ""
        qt_line = _("PySide6 {version}, platform {platform}").format(
            version=pyside_version, platform=platform
        )
        line("qt", True, qt_line + extra)
    except Exception as exc:
        line("qt", False, _("Qt cannot start: {error}").format(error=exc))
        failures.append(_("Qt cannot start"))

    # Speech engine
    from glute_timer.speech.processes import choose_backend

    probe = choose_backend()
    if probe.backend is not None:
        voices = ngettext("{n} voice", "{n} voices", len(probe.voices))
        text = f"{probe.backend.name} via pyttsx3, {voices.format(n=len(probe.voices))}"
        live = probe.backend.live_problem()
        line("speech", None if live else True, text + (f"; {live}" if live else ""))
    else:
        line(
            "speech",
            None,
            _("none (workouts run with tones and on-screen cues): {why}").format(
                why="; ".join(probe.problems)
            ),
        )

    # Audio output, as the audio engine will find it
    from glute_timer.speech.engine_client import query_devices

    found = query_devices()
    devices = found.get("devices") or []
    wanted = context.settings.output_device
    if found.get("error") and not devices:
        text = _("no audio output ({error}); cues show on screen").format(error=found["error"])
        line("audio", None, text)
    elif not devices:
        line("audio", None, _("no audio output (is PulseAudio or PipeWire running?)"))
    else:
        default = found.get("default")
        text = _("{n} output(s): {devices}; default: {default}").format(
            n=len(devices), devices=", ".join(devices), default=default
        )
        if wanted and wanted not in devices:
            missing = _("the chosen device {device!r} is not present").format(device=wanted)
            line("audio", None, f"{text}; {missing}")
        else:
            using = "; " + _("using {device!r}").format(device=wanted) if wanted else ""
            line("audio", True, text + using)
    if sys.platform.startswith("linux"):
        duck = context.settings.duck_db
        if not duck:
            line("music", True, _("other sound is not lowered under cues (off in settings)"))
        elif found.get("pulse"):
            text = _("other sound is lowered {db} dB under cues ({server})")
            line("music", True, text.format(db=f"{duck:g}", server=found["pulse"]))
        else:
            line("music", None, _("other sound cannot be lowered: no pulse sound server answers"))

    # Rendering cache
    from glute_timer.speech.cache import cache_summary

    cache = context.paths.speech_cache_dir
    count, size = cache_summary(cache)
    writable = _writable(cache)
    line(
        "cache",
        True if writable else None,
        f"{cache}: {ngettext('{n} phrase', '{n} phrases', count).format(n=count)}, "
        f"{localise_numbers(f'{size / 1e6:.1f}')} MB"
        + ("" if writable else " " + _("(not writable: phrases are spoken live)")),
    )

    # Data locations
    paths = context.paths
    for label, where in (("config", paths.config_dir), ("data", paths.data_dir)):
        ok = _writable(where)
        line(label, True if ok else None, f"{where}" + ("" if ok else " " + _("(not writable)")))

    # The built-in presets must load, or there is nothing to run.
    try:
        from glute_timer.core.library import ordered_presets
        from glute_timer.core.plan import build_plan

        presets = ordered_presets()
        for entry in presets:
            if entry.protocol is not None:
                build_plan(entry.protocol)
        line("presets", True, _("{n} built-in presets load").format(n=len(presets)))
    except Exception as exc:
        line("presets", False, _("built-in presets do not load: {error}").format(error=exc))
        failures.append(_("the built-in presets do not load"))

    if failures:
        why = "; ".join(failures)
        print(f"glute-timer: {_('cannot run a workout: {why}').format(why=why)}", file=sys.stderr)
        return 1
    print(_("A workout can run on this machine."))
    return 0


# ------------------------------------------------------------------ run --no-gui


def terminal_audio(context: AppContext) -> CuePlayer:
    """The cue player of a terminal run; what it has to say goes to stderr."""
    from glute_timer.speech.player import CuePlayer

    def note(_key: str, text: str) -> None:
        print(f"glute-timer: note: {text}", file=sys.stderr, flush=True)

    return CuePlayer(context, on_status=note)


def wait_prepared(player: CuePlayer) -> None:
    """Wait (at most ``PREPARE_WAIT``) for the phrases and the sound, so the first cue
    sounds like every other one. Call after the workout was made (it prepares the plan)."""
    start = time.monotonic()
    shown = False
    while time.monotonic() - start < PREPARE_WAIT:
        if player.ready_to_start():
            break
        total = player.wanted_phrases()
        done = player.ready_phrases()
        if time.monotonic() - start > 0.5:
            if done < total:
                text = _("Preparing speech {done}/{total}").format(done=done, total=total)
            else:
                text = _("Starting the sound")
            print(f"\r{text}", end="", file=sys.stderr, flush=True)
            shown = True
        time.sleep(0.05)
    if shown:
        print(file=sys.stderr, flush=True)


def drain(player: CuePlayer, completed: bool) -> None:
    """Let the last cue of a finished workout sound, then end the audio processes."""
    if completed:
        deadline = time.monotonic() + DRAIN_WAIT
        while player.busy() and time.monotonic() < deadline:
            time.sleep(0.05)
    player.close()
