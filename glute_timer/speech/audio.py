"""Cue audio in the app process: rendered phrases and tones played on the beat.

:class:`CueAudio` is what the GUI (and ``run --no-gui``) attaches to a session. It lives in
the GUI thread and needs a ``QCoreApplication`` (or ``QGuiApplication``) with a running
event loop. It never blocks and never raises into the session:

- ``prepare(plan)`` renders the plan's phrases in a background process (cached, so a
  second run renders nothing) and preloads one ``QSoundEffect`` per phrase and per tone;
- ``listener(event)`` feeds session events to the :class:`~.schedule.Conductor`, whose
  rules decide what to play, and one precise ``QTimer`` wakes it ``OUTPUT_LATENCY`` before
  each cue;
- text that is not rendered yet is spoken by a live pyttsx3 process
  (:class:`~.processes.LiveSpeaker`); if that is not possible either, the cue is silent and
  the screen (or terminal) still shows it;
- every problem is reported once through ``status_message``: what is missing, how to fix it.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
import time
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal, Slot

from glute_timer.context import AppContext
from glute_timer.core.plan import Plan
from glute_timer.core.resources import resource
from glute_timer.core.session import Event
from glute_timer.core.settings import Settings
from glute_timer.qt_compat import protect_none
from glute_timer.speech.backends import SpeechBackend
from glute_timer.speech.cache import phrase_path
from glute_timer.speech.processes import (
    LiveSpeaker,
    ProbeResult,
    Renderer,
    VoiceConfig,
    choose_backend,
)
from glute_timer.speech.schedule import (
    SOUND_NAMES,
    Conductor,
    Outcome,
    phrases_for,
)

log = logging.getLogger(__name__)

protect_none()  # PySide6 6.12 on CPython 3.11: see glute_timer/qt_compat.py

try:
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    MULTIMEDIA_ERROR: str | None = None
except ImportError as exc:  # libpulse0 missing on Linux, or PySide6-Essentials only
    QMediaDevices = QSoundEffect = None  # type: ignore[assignment,misc]
    MULTIMEDIA_ERROR = str(exc)


def audio_outputs() -> list[str]:
    """Names of the audio outputs Qt can use (needs a Q*Application)."""
    if QMediaDevices is None:
        return []
    return [device.description() for device in QMediaDevices.audioOutputs()]


def _from_thread(signal: Any) -> Callable[..., None]:
    """An emitter for worker threads that outlive the object: once it is deleted, the
    emission is dropped instead of raising in the thread."""

    def emit(*args: Any) -> None:
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    return emit


class _BackendChoice:
    """The speech backend, chosen once by a health check on a background thread."""

    def __init__(self, on_done: Callable[[ProbeResult], None]) -> None:
        self._done = threading.Event()
        self._result: ProbeResult | None = None
        self._on_done = on_done
        threading.Thread(target=self._probe, daemon=True, name="speech-probe").start()

    def _probe(self) -> None:
        try:
            self._result = choose_backend()
        except Exception as exc:  # never let a probe failure escape a thread
            self._result = ProbeResult(None, problems=[str(exc)])
        self._done.set()
        self._on_done(self._result)

    def __call__(self) -> SpeechBackend | None:
        """Blocks until the check is done: only for worker threads."""
        self._done.wait()
        return self._result.backend if self._result else None

    def peek(self) -> SpeechBackend | None:
        return self._result.backend if self._result and self._done.is_set() else None


class _QtVoice:
    """The conductor's voice: a preloaded effect per rendered phrase, else live speech."""

    def __init__(self, owner: CueAudio) -> None:
        self._owner = owner
        self._playing: QSoundEffect | None = None

    def duration(self, text: str) -> float | None:
        effect = self._owner._effects.get(text)
        if effect is None or not effect.isLoaded():
            return None
        return self._owner._durations.get(text)

    def speak(self, text: str) -> bool:
        effect = self._owner._effects.get(text)
        if effect is not None and effect.isLoaded():
            effect.play()
            self._playing = effect
            return True
        live = self._owner._live
        return live is not None and live.speak(text)

    def stop(self) -> None:
        if self._playing is not None:
            self._playing.stop()
            self._playing = None
        if self._owner._live is not None:
            self._owner._live.stop()


class _Tones:
    def __init__(self, owner: CueAudio) -> None:
        self._owner = owner

    def play(self, name: str) -> None:
        effect = self._owner._tones.get(name)
        if effect is not None and effect.isLoaded():
            effect.play()


class CueAudio(QObject):
    """Speech and tones for one session at a time. See the module docstring.

    Signals:
        status_message(str): once per problem, non-blocking text for the user (what is
            missing and how to fix it); show it in a status bar or print it.
        prepare_progress(int, int): phrases ready (rendered or found in the cache), total.
    """

    status_message = Signal(str)
    prepare_progress = Signal(int, int)
    _rendered = Signal(str, str, float)  # from the renderer thread, queued to ours
    _problem = Signal(str, str)
    _probed = Signal(object)

    def __init__(
        self,
        context: AppContext,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self._settings = context.settings
        self._told: set[str] = set()
        self._effects: dict[str, QSoundEffect] = {}
        self._durations: dict[str, float] = {}
        self._tones: dict[str, QSoundEffect] = {}
        self._plan: Plan | None = None
        self._closed = False
        self._files = contextlib.ExitStack()
        self.prerender = True  # False: live speech only (the benchmark compares both)
        self.outcomes: list[Outcome] | None = None  # set to a list to record (benchmark)
        self._rendered.connect(self._on_rendered, Qt.ConnectionType.QueuedConnection)
        self._problem.connect(self._tell, Qt.ConnectionType.QueuedConnection)
        self._probed.connect(self._on_probed, Qt.ConnectionType.QueuedConnection)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)

        self.conductor = Conductor(_QtVoice(self), _Tones(self), on_outcome=self._on_outcome)
        self._apply_to_conductor(self._settings)

        # Told once the event loop runs: whoever built us connects status_message first.
        self._pending: list[tuple[str, str]] = []
        self._tell_later = QTimer(self)
        self._tell_later.setSingleShot(True)
        self._tell_later.setInterval(0)
        self._tell_later.timeout.connect(self._tell_pending)
        self.audio_ok = self._check_output()
        if self.audio_ok:
            self._load_tones()
        rendered = _from_thread(self._rendered)
        self._backend = _BackendChoice(_from_thread(self._probed))
        self._renderer = Renderer(
            context.paths.speech_cache_dir,
            self._backend,
            on_rendered=lambda text, path, seconds: rendered(text, str(path), seconds),
            on_progress=_from_thread(self.prepare_progress),
            on_problem=_from_thread(self._problem),
        )
        self._live: LiveSpeaker | None = None
        if self._settings.voice_enabled:
            self._start_live()

    # ------------------------------------------------------------ the interface

    def prepare(self, plan: Plan) -> None:
        """Start rendering and preloading ``plan``'s phrases in the background."""
        self._plan = plan
        self.conductor.load(plan)
        if not self._settings.voice_enabled or not self.prerender:
            self.prepare_progress.emit(0, 0)
            return
        phrases = phrases_for(plan, self._settings.speak_rep_numbers)
        self._renderer.submit(phrases, self._voice_config())

    def listener(self, event: Event) -> None:
        """Subscribe this to the session. Never blocks, never raises."""
        if self._closed:
            return
        try:
            self.conductor.handle(event, self._clock())
            self._rearm()
        except Exception:
            log.exception("cue audio failed on %s", type(event).__name__)

    def set_muted(self, muted: bool) -> None:
        self.conductor.set_muted(muted)

    def apply_settings(self, settings: Settings) -> None:
        """Adopt new settings; a new voice or rate re-renders the current plan."""
        old, self._settings = self._settings, settings
        self._apply_to_conductor(settings)
        for effect in [*self._effects.values(), *self._tones.values()]:
            effect.setVolume(settings.volume)
        if not settings.voice_enabled:
            if self._live is not None:
                self._live.close()
                self._live = None
            return
        if self._live is None:
            self._start_live()
        else:
            self._live.configure(self._voice_config(live=True))
        changed = (old.voice, old.rate, old.speak_rep_numbers, old.voice_enabled) != (
            settings.voice,
            settings.rate,
            settings.speak_rep_numbers,
            settings.voice_enabled,
        )
        if changed and self._plan is not None:
            self._effects.clear()
            self._durations.clear()
            self.prepare(self._plan)

    def close(self) -> None:
        """End the speech processes and silence everything."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._renderer.close()
        if self._live is not None:
            self._live.close()
        for effect in [*self._effects.values(), *self._tones.values()]:
            effect.stop()
        self._files.close()

    # ------------------------------------------------------------ for tests and tools

    @property
    def renderer(self) -> Renderer:
        return self._renderer

    @property
    def live(self) -> LiveSpeaker | None:
        return self._live

    def ready_phrases(self) -> int:
        return sum(1 for effect in self._effects.values() if effect.isLoaded())

    # ------------------------------------------------------------ internals

    def _voice_config(self, *, live: bool = False) -> VoiceConfig:
        """Rendered phrases are made at full volume (the effects apply the setting, so it
        is not part of the cache key); live speech takes the volume from the engine."""
        s = self._settings
        return VoiceConfig(voice=s.voice, rate=s.rate, volume=s.volume if live else 1.0)

    def _apply_to_conductor(self, settings: Settings) -> None:
        c = self.conductor
        c.rate = settings.rate
        c.voice_enabled = settings.voice_enabled
        c.sounds_enabled = settings.sounds_enabled
        if c.speak_rep_numbers != settings.speak_rep_numbers:
            c.speak_rep_numbers = settings.speak_rep_numbers
            if self._plan is not None:
                c.load(self._plan)

    def _start_live(self) -> None:
        self._live = LiveSpeaker(
            self._backend, self._voice_config(live=True), on_problem=_from_thread(self._problem)
        )

    def _tell_pending(self) -> None:
        pending, self._pending = self._pending, []
        for key, message in pending:
            self._tell(key, message)

    def _tell_soon(self, key: str, message: str) -> None:
        self._pending.append((key, message))
        self._tell_later.start()

    def _check_output(self) -> bool:
        if QSoundEffect is None:
            self._tell_soon(
                "multimedia",
                f"Sound is off: Qt Multimedia could not load ({MULTIMEDIA_ERROR}). "
                "On Debian/Ubuntu: sudo apt install libpulse0. Cues show on screen.",
            )
            return False
        if not audio_outputs():
            self._tell_soon(
                "no-output",
                "Sound is off: no audio output found (is PulseAudio or PipeWire running?). "
                "Cues show on screen; restart the app once sound works.",
            )
            return False
        return True

    def _new_effect(self, path: Path) -> QSoundEffect:
        effect = QSoundEffect(self)
        effect.setVolume(self._settings.volume)
        effect.statusChanged.connect(lambda e=effect: self._effect_status(e))
        effect.setSource(QUrl.fromLocalFile(str(path)))
        return effect

    def _effect_status(self, effect: QSoundEffect) -> None:
        if effect.status() == QSoundEffect.Status.Error:
            self._tell(
                "effect-error",
                "Some cues cannot be played on this audio device; they will be spoken live "
                "or shown on screen.",
            )

    def _load_tones(self) -> None:
        for name in SOUND_NAMES:
            try:
                # A wheel or a source tree holds real files; a zipped install gets a
                # temporary copy that lives as long as this object.
                path = self._files.enter_context(as_file(resource("sounds", f"{name}.wav")))
                if not path.is_file():
                    raise FileNotFoundError(path)
            except OSError as exc:
                self._tell("tones", f"Cue tones are missing ({exc}); reinstall the app.")
                continue
            self._tones[name] = self._new_effect(path)

    @Slot(str, str, float)
    def _on_rendered(self, text: str, path: str, seconds: float) -> None:
        if self._closed or not self.audio_ok or text in self._effects:
            return
        backend = self._backend.peek()
        if backend is not None:
            s = self._settings
            current = phrase_path(
                self._context.paths.speech_cache_dir, text, s.voice, s.rate, backend.engine_id()
            )
            if Path(path) != current:
                return  # rendered for the settings before the last change
        self._durations[text] = seconds
        self._effects[text] = self._new_effect(Path(path))

    @Slot(object)
    def _on_probed(self, result: ProbeResult) -> None:
        if not result.ok and self._settings.voice_enabled:
            detail = "; ".join(result.problems) or "no speech engine"
            self._tell("engine", f"Speech is off ({detail}). Tones and the screen still cue you.")
        elif result.backend is not None and self._settings.voice_enabled:
            problem = result.backend.live_problem()
            if problem:
                self._tell("live-missing", f"Unprepared cues will be silent: {problem}.")

    @Slot(str, str)
    def _tell(self, key: str, message: str) -> None:
        if key in self._told:
            return
        self._told.add(key)
        log.info("%s", message)
        self.status_message.emit(message)

    def _on_outcome(self, outcome: Outcome) -> None:
        if self.outcomes is not None:
            self.outcomes.append(outcome)

    def _wake(self) -> None:
        if self._closed:
            return
        try:
            self.conductor.poll(self._clock())
            self._rearm()
        except Exception:
            log.exception("cue audio failed")

    def _rearm(self) -> None:
        wakeup = self.conductor.next_wakeup()
        if wakeup is None or self._closed:
            self._timer.stop()
            return
        delay_ms = max(0, math.ceil((wakeup - self._clock()) * 1000))
        self._timer.start(delay_ms)
