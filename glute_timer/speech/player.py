"""Cue audio for a workout, the same in the window and in the terminal: no Qt here.

:class:`CuePlayer` is what a workout attaches to its session. It never blocks and never
raises into the session:

- ``prepare(plan)`` starts the audio engine (a child process with one output stream,
  :mod:`~.engine`) and renders the plan's phrases in a speech process (cached, so a
  second run renders nothing); every rendered phrase and every tone is loaded into the
  engine before its cue comes;
- ``listener(event)`` feeds session events to the :class:`~.schedule.Conductor`, whose
  rules decide what to play; a thread of the player wakes it ``LEAD`` before each cue,
  and the engine starts the clip on the sample heard at the cue's time;
- text that is not rendered by its time is spoken by a live pyttsx3 process
  (:class:`~.processes.LiveSpeaker`); if that is not possible either, the cue is silent and
  the screen (or terminal) still shows it;
- every problem is told once through ``on_status(key, message)``: what is missing, how to
  fix it, and when sound is back.

Callbacks run on the player's threads: the window turns them into queued Qt signals.
Times are ``time.monotonic()`` readings, which the engine's process shares.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

from glute_timer.context import AppContext
from glute_timer.core.i18n import _
from glute_timer.core.plan import Plan
from glute_timer.core.resources import resource
from glute_timer.core.session import START_DELAY, Event, State, StateChanged, WorkoutFinished
from glute_timer.core.settings import Settings
from glute_timer.speech.backends import SpeechBackend
from glute_timer.speech.cache import phrase_path
from glute_timer.speech.engine_client import AudioEngine, EngineConfig
from glute_timer.speech.processes import (
    LiveSpeaker,
    ProbeResult,
    Renderer,
    VoiceConfig,
    choose_backend,
)
from glute_timer.speech.schedule import SOUND_NAMES, Conductor, Outcome, phrases_for

log = logging.getLogger(__name__)

IDLE_ENGINE = 60.0
"""Seconds the engine is kept without a workout (after one, for "start again"; after the
start panel warmed it up) before it ends: an idle stream keeps the sound card awake."""

SAMPLE_PHRASE = "Set 1 of 3. 1, Lift. Hold. Lower."
"""What "Test voice" says in English; ``sample_phrase()`` says it in the active language."""


def sample_phrase() -> str:
    """ "Set 1 of 3. 1, Lift. Hold. Lower." in the active language, as the cues say it."""
    from glute_timer.core.i18n import _, pgettext

    return ". ".join(
        (
            _("Set {set} of {sets}").format(set=1, sets=3),
            "1, " + pgettext("cue", "Lift"),
            pgettext("cue", "Hold"),
            pgettext("cue", "Lower") + ".",
        )
    )


"""What "Test voice" says: a set's start and one rep's beats."""

StatusCallback = Callable[[str, str], None]
ProgressCallback = Callable[[int, int], None]


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


class _EngineVoice:
    """The conductor's voice: rendered phrases through the engine, else live speech."""

    def __init__(self, player: CuePlayer) -> None:
        self._player = player

    def duration(self, text: str) -> float | None:
        entry = self._player._phrases.get(text)
        return entry[1] if entry is not None else None

    def speak(self, text: str, at: float) -> bool:
        entry = self._player._phrases.get(text)
        engine = self._player._engine
        if entry is None or engine is None:
            return False
        engine.play(entry[0], at, "voice")
        return True

    def speak_now(self, text: str) -> bool:
        live = self._player._live
        return live is not None and live.speak(text)

    def stop(self, at: float | None = None) -> None:
        engine = self._player._engine
        if engine is not None:
            engine.stop("voice", at)
        if at is None and self._player._live is not None:
            self._player._live.stop()


class _EngineTones:
    def __init__(self, player: CuePlayer) -> None:
        self._player = player

    def play(self, name: str, at: float) -> None:
        engine = self._player._engine
        if engine is not None and engine.has_clip(f"tone:{name}"):
            engine.play(f"tone:{name}", at, "tone")

    def stop(self) -> None:
        engine = self._player._engine
        if engine is not None:
            engine.stop("tone")


class CuePlayer:
    """Speech and tones for one session at a time. See the module docstring."""

    start_delay = START_DELAY
    """A workout with this player starts this long after the command: the first cue is
    then handed over early enough to be heard on time (``Session.start``)."""

    def __init__(
        self,
        context: AppContext,
        *,
        on_status: StatusCallback | None = None,
        on_progress: ProgressCallback | None = None,
        clock: Callable[[], float] = time.monotonic,
        engine_factory: Callable[..., AudioEngine] = AudioEngine,
    ) -> None:
        self._context = context
        self._settings = context.settings
        self._clock = clock
        self._on_status = on_status
        self._on_progress = on_progress
        self._engine_factory = engine_factory
        self._lock = threading.Condition()
        self._told: set[str] = set()
        self._phrases: dict[str, tuple[str, float]] = {}  # text -> (clip, seconds)
        self._clip_paths: dict[str, Path] = {}
        self._test_text: str | None = None  # "Test voice" plays it once it is rendered
        self._wanted: list[str] = []
        self._plan: Plan | None = None
        self._engine: AudioEngine | None = None
        self._engine_until: float | None = None  # the idle engine ends then
        self._running = False  # a workout is running or paused
        self._closed = False
        self._files = contextlib.ExitStack()
        self._tone_paths = self._find_tones()
        self.prerender = True  # False: live speech only (the benchmark compares both)
        self.outcomes: list[Outcome] | None = None  # set to a list to record (benchmark)
        self.conductor = Conductor(
            _EngineVoice(self), _EngineTones(self), on_outcome=self._on_outcome
        )
        self._apply_to_conductor(self._settings)
        self._backend = _BackendChoice(self._on_probed)
        self._renderer = Renderer(
            context.paths.speech_cache_dir,
            self._backend,
            on_rendered=self._on_rendered,
            on_progress=self._progress,
            on_problem=self._tell,
        )
        self._live: LiveSpeaker | None = None
        if self._settings.voice_enabled:
            self._start_live()
        self._thread = threading.Thread(target=self._run, daemon=True, name="cue-player")
        self._thread.start()

    # ------------------------------------------------------------ the interface

    def warm(self, plan: Plan) -> None:
        """Get ``plan``'s sound ready before its workout starts: as ``prepare``, but the
        engine ends after ``IDLE_ENGINE`` if no workout follows."""
        with self._lock:
            if self._running:
                return
        self.prepare(plan)
        with self._lock:
            self._engine_until = self._clock() + IDLE_ENGINE
            self._lock.notify_all()

    def prepare(self, plan: Plan) -> None:
        """Start the engine and render ``plan``'s phrases, in the background."""
        with self._lock:
            self._plan = plan
            self.conductor.load(plan)
            self._engine_until = None
            self._lock.notify_all()
        self._ensure_engine()
        if not self._settings.voice_enabled or not self.prerender:
            self._progress(0, 0)
            return
        phrases = phrases_for(plan, self._settings.speak_rep_numbers)
        with self._lock:
            self._wanted = phrases
        self._renderer.submit(phrases, self._voice_config())

    def listener(self, event: Event) -> None:
        """Subscribe this to the session. Never blocks, never raises."""
        if self._closed:
            return
        try:
            with self._lock:
                self.conductor.handle(event, self._clock())
                if isinstance(event, StateChanged):
                    self._running = event.state in (State.RUNNING, State.PAUSED)
                    if self._running:
                        self._engine_until = None
                if isinstance(event, WorkoutFinished):
                    self._running = False
                    self._engine_until = self._clock() + IDLE_ENGINE
                self._lock.notify_all()
        except Exception:
            log.exception("cue audio failed on %s", type(event).__name__)

    def set_muted(self, muted: bool) -> None:
        with self._lock:
            self.conductor.set_muted(muted)

    def apply_settings(self, settings: Settings) -> None:
        """Adopt new settings; a new voice or rate re-renders the current plan."""
        old, self._settings = self._settings, settings
        with self._lock:
            self._apply_to_conductor(settings)
        engine = self._engine
        if engine is not None:
            engine.configure(self._engine_config())
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
            with self._lock:
                self._phrases.clear()
            self.prepare(self._plan)

    def test_voice(self, settings: Settings, text: str | None = None) -> None:
        """Say ``text`` (a sample cue in the active language) with ``settings``' voice, rate
        and volume, as a cue would sound."""
        text = sample_phrase() if text is None else text
        self.apply_settings(settings)
        engine = self._ensure_engine()
        with self._lock:
            if not self._running:
                self._engine_until = self._clock() + IDLE_ENGINE
            entry = self._phrases.get(text)
        if entry is not None:
            self._play_soon(engine, entry[0])
            return
        with self._lock:
            self._test_text = text
        self._renderer.submit([text, *self._wanted], self._voice_config())

    def _play_soon(self, engine: AudioEngine, clip: str) -> None:
        """Play ``clip`` as soon as the engine plays (it may be starting): off the caller's
        thread, which never waits for the engine."""

        def play() -> None:
            if engine.wait_ready(10.0):
                engine.play(clip, self._clock() + 0.1, "voice")

        threading.Thread(target=play, daemon=True, name="test-voice").start()

    def ready_phrases(self) -> int:
        """How many of the current plan's phrases can be played on the beat."""
        with self._lock:
            return sum(1 for text in self._wanted if text in self._phrases)

    def wanted_phrases(self) -> int:
        return len(self._wanted)

    def ready_to_start(self) -> bool:
        """Whether a workout started now sounds its first cue like every other one: the
        plan's phrases are rendered and the engine plays (or has given up: no sound)."""
        engine = self._engine
        sound = engine is None or engine.ready or engine.settled.is_set()
        return sound and self.ready_phrases() >= self.wanted_phrases()

    def busy(self) -> bool:
        """Whether a cue is still sounding (or waiting to)."""
        with self._lock:
            return self.conductor.busy(self._clock())

    @property
    def engine(self) -> AudioEngine | None:
        return self._engine

    @property
    def renderer(self) -> Renderer:
        return self._renderer

    @property
    def live(self) -> LiveSpeaker | None:
        return self._live

    def close(self) -> None:
        """End the engine (restoring other sound) and the speech processes."""
        if self._closed:
            return
        with self._lock:
            self._closed = True
            engine, self._engine = self._engine, None
            self._lock.notify_all()
        self._renderer.close()
        if self._live is not None:
            self._live.close()
        if engine is not None:
            engine.close()
        self._files.close()

    # ------------------------------------------------------------ internals

    def _engine_config(self) -> EngineConfig:
        s = self._settings
        return EngineConfig(
            volume=s.volume,
            duck_db=s.duck_db,
            device=s.output_device,
            duck_state=self._context.paths.ducking_state_file,
        )

    def _ensure_engine(self) -> AudioEngine:
        with self._lock:
            engine = self._engine
            if engine is None:
                engine = self._engine_factory(
                    self._engine_config(), on_problem=self._tell_engine, clock=self._clock
                )
                for name, path in self._tone_paths.items():
                    engine.load(f"tone:{name}", path)
                for clip, _seconds in self._phrases.values():
                    engine.load(clip, self._clip_paths[clip])
                self._engine = engine
        engine.start()
        return engine

    def _find_tones(self) -> dict[str, Path]:
        tones: dict[str, Path] = {}
        for name in SOUND_NAMES:
            try:
                # A wheel or a source tree holds real files; a zipped install gets a
                # temporary copy that lives as long as this object.
                path = self._files.enter_context(as_file(resource("sounds", f"{name}.wav")))
                if not path.is_file():
                    raise FileNotFoundError(path)
            except OSError as exc:
                message = _("Cue tones are missing ({error}); reinstall the app.")
                self._tell("tones", message.format(error=exc))
                continue
            tones[name] = path
        return tones

    def _voice_config(self, *, live: bool = False) -> VoiceConfig:
        """Rendered phrases are made at full volume (the engine applies the setting, so it
        is not part of the cache key); live speech takes the volume from the engine."""
        s = self._settings
        from glute_timer.core.i18n import current

        return VoiceConfig(
            voice=s.voice, rate=s.rate, volume=s.volume if live else 1.0, language=current()
        )

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
            self._backend, self._voice_config(live=True), on_problem=self._tell
        )

    def _on_rendered(self, text: str, path: Path, seconds: float) -> None:
        """On the renderer's thread."""
        if self._closed:
            return
        backend = self._backend.peek()
        if backend is not None:
            s = self._settings
            current = phrase_path(
                self._context.paths.speech_cache_dir, text, s.voice, s.rate, backend.engine_id()
            )
            if path != current:
                return  # rendered for the settings before the last change
        clip = path.stem
        with self._lock:
            self._clip_paths[clip] = path
            engine = self._engine
            play_test = text == self._test_text
            if play_test:
                self._test_text = None
        if engine is not None:
            engine.load(clip, path)
        with self._lock:
            # Playable from now on: the engine has it, or gets it when it (re)starts.
            self._phrases[text] = (clip, seconds)
            self._lock.notify_all()
        if play_test and engine is not None:
            self._play_soon(engine, clip)

    def _progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    def _on_probed(self, result: ProbeResult) -> None:
        if not result.ok and self._settings.voice_enabled:
            detail = "; ".join(result.problems) or "no speech engine"
            message = _("Speech is off ({detail}). Tones and the screen still cue you.")
            self._tell("engine", message.format(detail=detail))
        elif result.backend is not None and self._settings.voice_enabled:
            problem = result.backend.live_problem()
            if problem:
                message = _("Unprepared cues will be silent: {problem}.")
                self._tell("live-missing", message.format(problem=problem))

    def _tell(self, key: str, message: str) -> None:
        with self._lock:
            if key in self._told:
                return
            self._told.add(key)
        log.info("%s", message)
        if self._on_status is not None:
            self._on_status(key, message)

    def _tell_engine(self, key: str, message: str) -> None:
        """The engine client tells each problem once until sound works again."""
        log.info("%s", message)
        if self._on_status is not None:
            self._on_status(key, message)

    def _on_outcome(self, outcome: Outcome) -> None:
        if self.outcomes is not None:
            self.outcomes.append(outcome)

    def _run(self) -> None:
        """Wake the conductor for each cue (LEAD early); end an idle engine."""
        while True:
            with self._lock:
                if self._closed:
                    return
                now = self._clock()
                wakeup = self.conductor.next_wakeup()
                if wakeup is not None and wakeup <= now:
                    try:
                        self.conductor.poll(now)
                    except Exception:
                        log.exception("cue audio failed")
                    continue
                idle_end = self._engine_until
                if idle_end is not None and now >= idle_end and not self.conductor.busy(now):
                    engine, self._engine = self._engine, None
                    self._engine_until = None
                else:
                    engine = None
                    times = [t for t in (wakeup, idle_end) if t is not None]
                    timeout = min(times) - now if times else None
                    self._lock.wait(timeout)
            if engine is not None:
                engine.close()
