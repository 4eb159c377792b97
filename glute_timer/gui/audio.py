"""The window's cue audio: the cue player, its news delivered as Qt signals.

The player (:mod:`glute_timer.speech.player`) and its audio engine live outside Qt: the
engine is a child process with one output stream, so no QtMultimedia runs in the window's
process (a ``QSoundEffect`` per phrase froze workouts: README, Troubleshooting). This
wrapper only turns the player's callbacks, which arrive on its threads, into signals
delivered in the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from glute_timer.context import AppContext
from glute_timer.core.clock import Clock
from glute_timer.gui.i18n import tr

if TYPE_CHECKING:
    from glute_timer.core.plan import Plan
    from glute_timer.core.protocol import Protocol
    from glute_timer.core.session import Event
    from glute_timer.core.settings import Settings
    from glute_timer.speech.player import CuePlayer

log = logging.getLogger(__name__)


class CueAudioLike(typing.Protocol):
    start_delay: float  # seconds between "start" and a workout's first cue (see Session.start)

    def prepare(self, plan: Plan) -> Any: ...
    def listener(self, event: Event) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def apply_settings(self, settings: Settings) -> None: ...
    def test_voice(self, settings: Settings) -> None: ...
    def warm(self, protocol: Protocol) -> None: ...
    def ready_to_start(self) -> bool: ...
    def close(self) -> None: ...


def _from_thread(signal: Any) -> Callable[..., None]:
    """An emitter for threads that may outlive the object: once it is deleted, the
    emission is dropped instead of raising in the thread."""

    def emit(*args: Any) -> None:
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    return emit


class WindowAudio(QObject):
    """:class:`~glute_timer.speech.player.CuePlayer` with Qt signals.

    Signals (always delivered in the GUI thread):
        status_message(str): once per problem (what is missing, how to fix it), and
            "Sound is back." when it is.
        prepare_progress(int, int): phrases ready, total.
    """

    status_message = Signal(str)
    prepare_progress = Signal(int, int)

    def __init__(self, context: AppContext, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from glute_timer.core.session import START_DELAY

        self.start_delay = START_DELAY
        from glute_timer.speech.player import CuePlayer

        status = _from_thread(self.status_message)
        self.player: CuePlayer = CuePlayer(
            context,
            on_status=lambda _key, text: status(text),
            on_progress=_from_thread(self.prepare_progress),
            clock=clock,
        )

    def prepare(self, plan: Plan) -> None:
        self.player.prepare(plan)

    def listener(self, event: Event) -> None:
        self.player.listener(event)

    def set_muted(self, muted: bool) -> None:
        self.player.set_muted(muted)

    def apply_settings(self, settings: Settings) -> None:
        self.player.apply_settings(settings)

    def test_voice(self, settings: Settings) -> None:
        self.player.test_voice(settings)

    def warm(self, protocol: Protocol) -> None:
        """Start the engine and render ``protocol``'s phrases before its workout starts;
        planned on a thread of its own (the window never plans a workout itself)."""
        player = self.player

        def work() -> None:
            from glute_timer.core.plan import build_plan

            try:
                player.warm(build_plan(protocol))
            except Exception:
                log.exception("preparing the sound failed")

        threading.Thread(target=work, daemon=True, name="warm-audio").start()

    def ready_to_start(self) -> bool:
        return self.player.ready_to_start()

    def close(self) -> None:
        self.player.close()


def create_cue_audio(
    context: AppContext, clock: Clock, parent: QObject
) -> tuple[CueAudioLike | None, str | None]:
    """The audio object and, when there is none, a line saying why."""
    try:
        audio: CueAudioLike = WindowAudio(context, clock, parent)
    except Exception as exc:  # a broken audio stack must not stop the app
        log.exception("cue audio failed to start")
        return None, tr("Sound could not start ({error}); the workout runs silently.").format(
            error=exc
        )
    return audio, None


def list_voices_safely(context: AppContext) -> list[tuple[str, str]]:
    """Runs in a worker thread. An empty list when the speech engine cannot tell."""
    from glute_timer.speech import list_voices

    return [(str(voice_id), str(name)) for voice_id, name in list_voices(context)]


def list_output_devices() -> list[str]:
    """Runs in a worker thread: the audio outputs the engine can open (a child process
    asks PortAudio, so the window's process never loads it)."""
    from glute_timer.speech.engine_client import query_devices

    return [str(name) for name in query_devices().get("devices") or []]


WARM_AFTER_MS = 800
"""A protocol shown this long in the start panel gets its sound ready (not every one the
user passes on the way)."""


class WindowSound:
    """The window's sound: made once it is on screen, warmed up for the protocol the start
    panel shows, tested from Settings, muted with M. Its news go to the status bar."""

    def __init__(self, window: Any, audio: CueAudioLike | None, *, auto: bool) -> None:
        self.window = window
        self.audio: CueAudioLike | None = audio
        self._auto = auto  # make the real audio when first needed
        self._muted = False
        self._to_warm: Protocol | None = None
        self._warm_timer: Any = None

    def prepare(self) -> None:
        """Make the audio now if it is not made yet (once: a failure is told, not retried)."""
        if not self._auto or self.audio is not None:
            return
        self._auto = False
        audio, problem = create_cue_audio(self.window.context, self.window.clock, self.window)
        self.audio = audio
        if problem:
            self.window.statusBar().showMessage(problem, 8000)
        if isinstance(audio, WindowAudio):
            # Emitted from the player's threads: delivered in the GUI thread.
            audio.status_message.connect(self._status)
            audio.prepare_progress.connect(self._progress)
        if audio is not None:
            try:
                audio.apply_settings(self.window.settings)
                audio.set_muted(self._muted)
            except Exception:
                log.exception("audio settings failed")

    def warm(self, protocol: Protocol) -> None:
        """Get the sound ready for ``protocol`` before its workout starts: the engine
        starts and its phrases are rendered (after a moment, see ``WARM_AFTER_MS``)."""
        self._to_warm = protocol
        if self._warm_timer is None:
            from glute_timer.gui.timers import single_shot_timer

            self._warm_timer = single_shot_timer(self.window, WARM_AFTER_MS)
            self._warm_timer.timeout.connect(self._warm_now)
        self._warm_timer.start()

    def _warm_now(self) -> None:
        protocol, self._to_warm = self._to_warm, None
        if protocol is None or self.window.workout_running or not self.window.painted:
            return
        self.prepare()
        if self.audio is not None:
            self.audio.warm(protocol)

    def test_voice(self, settings: Settings) -> None:
        """Speak a sample cue with ``settings``' voice, rate and volume."""
        self.prepare()
        if self.audio is None:
            self.window.statusBar().showMessage(tr("Sound is not available."), 5000)
            return
        self.audio.test_voice(settings)
        self.window.statusBar().showMessage(tr("Testing the voice…"), 3000)

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.audio is not None:
            self.audio.set_muted(muted)
        self.window.statusBar().showMessage(tr("Muted") if muted else tr("Sound on"), 2000)

    def apply_settings(self, settings: Settings) -> None:
        if self.audio is not None:
            try:
                self.audio.apply_settings(settings)
            except Exception:
                log.exception("audio settings failed")

    def close(self) -> None:
        if self.audio is not None:
            try:
                self.audio.close()
            except Exception:
                log.exception("closing audio failed")

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _progress(self, done: int, total: int) -> None:
        if total and done < total:
            self.window.statusBar().showMessage(
                tr("Preparing voice cues… {done} / {total}").format(done=done, total=total)
            )
        elif total:
            self.window.statusBar().showMessage(tr("Voice cues ready"), 3000)
