"""The cue player with its real speech processes and its real audio engine: preparing,
telling problems once, following new settings, and a machine without sound."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from speech_helpers import needs_espeak, short_plan

from glute_timer.context import AppContext
from glute_timer.core.session import Session
from glute_timer.speech.cache import phrase_path
from glute_timer.speech.player import CuePlayer
from glute_timer.speech.schedule import phrases_for

pytestmark = pytest.mark.slow


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    return AppContext.create(tmp_path)


class Told:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.progress: list[tuple[int, int]] = []

    def status(self, key: str, message: str) -> None:
        self.messages.append((key, message))

    def prepared(self, done: int, total: int) -> None:
        self.progress.append((done, total))


@pytest.fixture
def told() -> Told:
    return Told()


@pytest.fixture
def player(context: AppContext, told: Told) -> Iterator[CuePlayer]:
    cue_player = CuePlayer(context, on_status=told.status, on_progress=told.prepared)
    yield cue_player
    cue_player.close()


def wait_for(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


def test_problems_are_told_once(player: CuePlayer, told: Told) -> None:
    player._tell("demo", "Speech is off: install libespeak-ng1")
    player._tell("demo", "Speech is off: install libespeak-ng1")
    assert [m for k, m in told.messages if k == "demo"] == ["Speech is off: install libespeak-ng1"]


def test_the_listener_never_raises(player: CuePlayer) -> None:
    player.listener(object())  # type: ignore[arg-type]
    player.conductor.voice = None  # type: ignore[assignment]
    plan = short_plan()
    player.prepare(plan)
    session = Session(plan, time.monotonic)
    session.subscribe(player.listener)
    session.start()  # the broken voice fails inside the listener, not here


@needs_espeak
def test_prepare_renders_each_phrase_once_then_uses_the_cache(context: AppContext) -> None:
    plan = short_plan()
    total = len(phrases_for(plan))
    first = CuePlayer(context)
    try:
        first.prepare(plan)
        assert wait_for(lambda: first.ready_phrases() == total, 20)
        assert first.renderer.rendered_count == total
    finally:
        first.close()
    second = CuePlayer(context)
    try:
        second.prepare(plan)
        assert wait_for(lambda: second.ready_phrases() == total, 10)
        assert second.renderer.rendered_count == 0
    finally:
        second.close()


@needs_espeak
def test_new_settings_apply_to_the_plan_being_prepared(
    player: CuePlayer, context: AppContext
) -> None:
    plan = short_plan()
    player.prepare(plan)
    faster = context.settings.with_changes(rate=220, speak_rep_numbers=False, volume=0.5)
    total = len(phrases_for(plan, speak_rep_numbers=False))
    player.apply_settings(faster)
    assert wait_for(lambda: player.ready_phrases() == total == player.wanted_phrases(), 20)
    texts = [u.full_text for u in player.conductor.utterances]
    assert "Lift" in " ".join(texts) and "1, Lift" not in texts
    assert player.conductor.rate == 220
    backend = player._backend.peek()
    assert backend is not None
    assert phrase_path(
        context.paths.speech_cache_dir, "Hold", None, 220, backend.engine_id()
    ).exists()


def test_a_machine_without_sound_is_told_once_and_the_workout_goes_on(
    context: AppContext, told: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/native")  # no sound server
    player = CuePlayer(context, on_status=told.status)
    try:
        plan = short_plan(lead_in=0, reps=1, tempo={"lift": 0.2, "hold": 0.2, "lower": 0.2})
        player.prepare(plan)
        engine = player.engine
        assert engine is not None and engine.settled.wait(15)
        assert not engine.ready
        session = Session(plan, time.monotonic)
        session.subscribe(player.listener)
        session.start()
        while session.state.value == "running":
            time.sleep(0.02)
            session.tick()
        assert session.state.value == "finished"
        time.sleep(1.5)  # the engine is tried again meanwhile: still told once
        sound = [m for k, m in told.messages if k == "no-output"]
        assert len(sound) == 1 and "Sound is off" in sound[0]
        assert "comes back by itself" in sound[0]
    finally:
        player.close()
