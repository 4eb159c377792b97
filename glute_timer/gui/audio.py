"""Finding the cue audio, if the speech package provides it.

The GUI works without sound: when ``glute_timer.speech.audio`` is missing or fails to
start, workouts run silently and the status bar says why.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject

from glute_timer.context import AppContext
from glute_timer.core.clock import Clock

if TYPE_CHECKING:
    from glute_timer.core.plan import Plan
    from glute_timer.core.session import Event
    from glute_timer.core.settings import Settings

log = logging.getLogger(__name__)


class CueAudioLike(Protocol):
    def prepare(self, plan: Plan) -> Any: ...
    def listener(self, event: Event) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def apply_settings(self, settings: Settings) -> None: ...
    def close(self) -> None: ...


def create_cue_audio(
    context: AppContext, clock: Clock, parent: QObject
) -> tuple[CueAudioLike | None, str | None]:
    """The audio object and, when there is none, a line saying why."""
    try:
        from glute_timer.speech.audio import CueAudio  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        log.info("no cue audio: %s", exc)
        return None, "Voice cues are not available in this build; the workout runs silently."
    try:
        audio: CueAudioLike = CueAudio(context, clock=clock, parent=parent)
    except Exception as exc:  # a broken audio stack must not stop the app
        log.exception("cue audio failed to start")
        return None, f"Sound could not start ({exc}); the workout runs silently."
    return audio, None


def list_voices_safely(context: AppContext) -> list[tuple[str, str]]:
    """Runs in a worker thread. An empty list when the speech package cannot tell."""
    try:
        from glute_timer.speech import list_voices  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return []
    voices = list_voices(context)
    return [(str(voice_id), str(name)) for voice_id, name in voices]
