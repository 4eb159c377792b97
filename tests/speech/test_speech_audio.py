"""CueAudio in a real Qt event loop with real speech processes: preparing, playing, and a
speech process killed mid-workout."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from speech_helpers import needs_espeak, short_plan

from glute_timer.context import AppContext
from glute_timer.core.plan import Plan
from glute_timer.core.session import Session, State
from glute_timer.speech.audio import CueAudio
from glute_timer.speech.schedule import build_utterances, phrases_for

pytestmark = [
    pytest.mark.slow,
    # Without an audio server (CI), Qt's PulseAudio backend warns once, in Qt's "default"
    # category, which logging rules cannot single out. CueAudio reports it itself.
    pytest.mark.qt_log_ignore("PulseAudioService: pa_context_connect"),
]


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    return AppContext.create(tmp_path)


@pytest.fixture
def audio(qapp: QCoreApplication, context: AppContext) -> Iterator[CueAudio]:
    cue_audio = CueAudio(context)
    yield cue_audio
    cue_audio.close()


class Driver:
    """The GUI's driver in miniature: a precise 20 ms timer ticking the session, recording
    the longest gap between ticks (a blocked event loop would show here)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.last = time.monotonic()
        self.max_gap = 0.0
        self.finished_at: float | None = None

    def start(self) -> None:
        self.session.start()
        self.started = time.monotonic()
        self.last = self.started
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now
        self.session.tick(now)
        if self.session.state is State.FINISHED and self.finished_at is None:
            self.finished_at = now
            self.timer.stop()


def run_workout(qtbot: Any, audio: CueAudio, plan: Plan, during: Any = None) -> Driver:
    session = Session(plan, time.monotonic)
    session.subscribe(audio.listener)
    driver = Driver(session)
    driver.start()
    if during is not None:
        during(driver)
    qtbot.waitUntil(lambda: driver.finished_at is not None, timeout=int(plan.total * 1000) + 5000)
    return driver


def test_problems_are_told_once(qtbot: Any, audio: CueAudio) -> None:
    with qtbot.waitSignal(audio.status_message) as blocker:
        audio._tell("demo", "Speech is off: install libespeak-ng1")
    assert blocker.args == ["Speech is off: install libespeak-ng1"]
    with qtbot.assertNotEmitted(audio.status_message, wait=50):
        audio._tell("demo", "Speech is off: install libespeak-ng1")


def test_the_listener_never_raises(audio: CueAudio) -> None:
    audio.listener(object())  # type: ignore[arg-type]
    audio.conductor.voice = None  # type: ignore[assignment]
    plan = short_plan()
    audio.prepare(plan)
    session = Session(plan, time.monotonic)
    session.subscribe(audio.listener)
    session.start()  # the broken voice fails inside the listener, not here


@needs_espeak
def test_prepare_renders_each_phrase_once_then_uses_the_cache(
    qtbot: Any, qapp: QCoreApplication, context: AppContext
) -> None:
    plan = short_plan()
    total = len(phrases_for(plan))
    first = CueAudio(context)
    try:
        with qtbot.waitSignal(
            first.prepare_progress,
            check_params_cb=lambda done, all_: done == all_ == total,
            timeout=15000,
        ):
            first.prepare(plan)
        assert first.renderer.rendered_count == total
        if first.audio_ok:
            qtbot.waitUntil(lambda: first.ready_phrases() == total, timeout=5000)
    finally:
        first.close()
    second = CueAudio(context)
    try:
        with qtbot.waitSignal(
            second.prepare_progress,
            check_params_cb=lambda done, all_: done == all_ == total,
            timeout=10000,
        ):
            second.prepare(plan)
        assert second.renderer.rendered_count == 0
    finally:
        second.close()


@needs_espeak
def test_a_prepared_workout_plays_every_cue_on_time(qtbot: Any, audio: CueAudio) -> None:
    plan = short_plan()
    audio.outcomes = []
    with qtbot.waitSignal(
        audio.prepare_progress, check_params_cb=lambda d, t: d == t > 0, timeout=15000
    ):
        audio.prepare(plan)
    if audio.audio_ok:
        qtbot.waitUntil(lambda: audio.ready_phrases() == len(phrases_for(plan)), timeout=5000)
    driver = run_workout(qtbot, audio, plan)
    assert driver.max_gap < 0.25
    outcomes = audio.outcomes
    assert [o.utterance.index for o in outcomes] == [u.index for u in build_utterances(plan)]
    if audio.audio_ok:
        assert {o.action for o in outcomes} == {"spoken"}
        for outcome in outcomes:
            # decided on the beat: 36 ms early, give or take the timer's precision
            assert -0.06 < outcome.at - outcome.due < 0.03


@needs_espeak
def test_killing_the_speech_process_mid_workout(qtbot: Any, audio: CueAudio) -> None:
    """The workout ends on time, nothing blocks, speech comes back, the user is told once."""
    plan = short_plan(reps=3)  # 11 s
    audio.prerender = False  # every cue goes through the live speech process
    audio.prepare(plan)
    live = audio.live
    assert live is not None
    qtbot.waitUntil(live.ready, timeout=10000)
    messages: list[str] = []
    audio.status_message.connect(messages.append)
    killed: list[tuple[float, set[int]]] = []

    def kill_speech() -> None:
        spare = live.spare_pid
        if spare is None:  # between two utterances: try again in a moment
            QTimer.singleShot(50, kill_speech)
            return
        pids = {spare, *live.speaking_pids()}
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        killed.append((time.monotonic(), pids))

    def during(driver: Driver) -> None:
        QTimer.singleShot(4300, kill_speech)

    driver = run_workout(qtbot, audio, plan, during)
    assert driver.finished_at is not None
    assert driver.finished_at - driver.started == pytest.approx(plan.total, abs=0.1)
    assert driver.max_gap < 0.25
    assert killed and killed[0][1], "there was a speech process to kill"
    qtbot.waitUntil(lambda: any(text == "Workout complete" for text, _ in live.said), timeout=5000)
    after = [pid for text, pid in live.said if pid not in killed[0][1]]
    dead = killed[0][1]
    assert any(pid not in dead for _, pid in live.said[-3:])
    assert after, "speech came back after the kill"
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=2000)
    assert "restarted" in messages[0]


@needs_espeak
def test_new_settings_apply_to_the_plan_being_prepared(
    qtbot: Any, audio: CueAudio, context: AppContext
) -> None:
    plan = short_plan()
    audio.prepare(plan)
    faster = context.settings.with_changes(rate=220, speak_rep_numbers=False, volume=0.5)
    total = len(phrases_for(plan, speak_rep_numbers=False))
    with qtbot.waitSignal(
        audio.prepare_progress,
        check_params_cb=lambda done, all_: done == all_ == total,
        timeout=15000,
    ):
        audio.apply_settings(faster)
    texts = [u.full_text for u in audio.conductor.utterances]
    assert "Lift" in " ".join(texts) and "1, Lift" not in texts
    assert audio.conductor.rate == 220
    backend = audio._backend.peek()
    assert backend is not None
    from glute_timer.speech.cache import phrase_path

    assert phrase_path(
        context.paths.speech_cache_dir, "Hold", None, 220, backend.engine_id()
    ).exists()


def test_no_audio_output_is_told_to_whoever_connects_after_construction(
    qtbot: Any, qapp: QCoreApplication, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glute_timer.speech.audio as audio_module

    monkeypatch.setattr(audio_module, "audio_outputs", list)
    cue_audio = CueAudio(context)
    try:
        assert not cue_audio.audio_ok
        told: list[str] = []
        cue_audio.status_message.connect(told.append)  # as the GUI and the CLI do: later
        qtbot.waitUntil(lambda: bool(told), timeout=2000)
        assert told == [told[0]] and "no audio output" in told[0]
    finally:
        cue_audio.close()
