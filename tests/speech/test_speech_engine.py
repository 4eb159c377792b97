"""The real speech engine (espeak-ng through pyttsx3) in child processes: rendering, the
cache, live speech, and what happens when a process dies."""

from __future__ import annotations

import os
import signal
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest
from speech_helpers import needs_espeak

from glute_timer.speech.backends import (
    EspeakBackend,
    MacBackend,
    Sapi5Backend,
    SpeechBackend,
    candidates,
)
from glute_timer.speech.cache import phrase_path, wav_duration
from glute_timer.speech.processes import (
    LiveSpeaker,
    Renderer,
    VoiceConfig,
    WorkerProcess,
    choose_backend,
)
from glute_timer.speech.worker import trim_silence

pytestmark = pytest.mark.slow


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Polls a condition that a real child process makes true."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_one_backend_class_per_platform() -> None:
    assert [type(b) for b in candidates("linux")] == [EspeakBackend]
    assert [type(b) for b in candidates("win32")] == [Sapi5Backend]
    assert [type(b) for b in candidates("darwin")] == [MacBackend]
    assert "libespeak-ng1" in EspeakBackend().missing_hint()


def test_trim_silence_keeps_the_sound_and_drops_the_gaps(tmp_path: Path) -> None:
    source, target = tmp_path / "in.wav", tmp_path / "out.wav"
    rate = 22050
    silence = b"\x00\x00" * (rate // 2)
    tone = b"".join(
        (8000 if i % 20 < 10 else -8000).to_bytes(2, "little", signed=True)
        for i in range(rate // 4)
    )
    with wave.open(str(source), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(silence + tone + silence)
    seconds = trim_silence(source, target)
    assert seconds == pytest.approx(0.25 + 0.005 + 0.03, abs=0.002)
    assert wav_duration(target) == pytest.approx(seconds)


@needs_espeak
def test_the_health_check_finds_espeak_and_its_voices() -> None:
    result = choose_backend([EspeakBackend()])
    assert result.ok, result.problems
    assert len(result.voices) > 10
    assert result.default_voice


def test_a_backend_that_cannot_start_is_reported_with_its_fix() -> None:
    class Broken(EspeakBackend):
        name = "broken"

    result = choose_backend([Broken()])  # the worker does not know it: it exits at once
    assert not result.ok
    assert "libespeak-ng1" in result.problems[0]


@needs_espeak
def test_phrases_render_once_and_come_from_the_cache_after(tmp_path: Path) -> None:
    rendered: list[tuple[str, float]] = []
    progress: list[tuple[int, int]] = []
    problems: list[str] = []
    backend = EspeakBackend()

    def make() -> Renderer:
        return Renderer(
            tmp_path,
            lambda: backend,
            on_rendered=lambda text, path, seconds: rendered.append((text, seconds)),
            on_progress=lambda done, total: progress.append((done, total)),
            on_problem=lambda key, message: problems.append(message),
        )

    texts = ["Glute bridge. Set 1 of 2. 1, Lift", "3", "Hold", "Lower", "Workout complete"]
    config = VoiceConfig(voice=None, rate=175)
    renderer = make()
    try:
        renderer.submit(texts, config)
        wait_for(lambda: progress[-1:] == [(5, 5)])
        assert renderer.rendered_count == 5
    finally:
        renderer.close()
    assert problems == []
    lengths = dict(rendered)
    assert 1.0 < lengths[texts[0]] < 4.0
    assert 0.1 < lengths["3"] < 0.8
    for text in texts:
        path = phrase_path(tmp_path, text, None, 175, backend.engine_id())
        with wave.open(str(path), "rb") as wav:
            assert wav.getnchannels() == 1 and wav.getframerate() == 22050
            first = wav.readframes(int(0.01 * 22050))
        # trimmed: sound within the first 10 ms, so playback starts on the beat
        assert (
            max(
                abs(int.from_bytes(first[i : i + 2], "little", signed=True))
                for i in range(0, len(first), 2)
            )
            > 300
        )

    rendered.clear()
    progress.clear()
    again = make()
    try:
        again.submit(texts, config)
        wait_for(lambda: progress[-1:] == [(5, 5)])
        assert again.rendered_count == 0  # the second run renders nothing
        assert again.worker_pid is None  # and starts no engine
    finally:
        again.close()
    assert dict(rendered) == lengths

    # Another rate is another key.
    assert phrase_path(tmp_path, "3", None, 200, backend.engine_id()) != phrase_path(
        tmp_path, "3", None, 175, backend.engine_id()
    )


@needs_espeak
def test_a_render_worker_killed_mid_batch_is_replaced(tmp_path: Path) -> None:
    done: list[str] = []
    problems: list[str] = []
    backend = EspeakBackend()
    renderer = Renderer(
        tmp_path,
        lambda: backend,
        on_rendered=lambda text, path, seconds: done.append(text),
        on_progress=lambda d, t: None,
        on_problem=lambda key, message: problems.append(key),
    )
    texts = [f"Phrase number {n}" for n in range(40)]
    try:
        renderer.submit(texts, VoiceConfig(None, 175))
        wait_for(lambda: renderer.worker_pid is not None and len(done) >= 3)
        pid = renderer.worker_pid
        assert pid is not None
        os.killpg(pid, signal.SIGKILL)
        wait_for(lambda: len(done) == len(texts), timeout=30)
    finally:
        renderer.close()
    assert set(done) == set(texts)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _live(backend: SpeechBackend, problems: list[str]) -> LiveSpeaker:
    return LiveSpeaker(
        lambda: backend,
        VoiceConfig(None, 250),
        on_problem=lambda key, message: problems.append(key),
    )


@needs_espeak
def test_live_speech_speaks_through_a_fresh_process_each_time() -> None:
    problems: list[str] = []
    live = _live(EspeakBackend(), problems)
    try:
        wait_for(live.ready)
        first = live.spare_pid
        assert live.speak("One")
        wait_for(live.ready)
        assert live.spare_pid != first
        assert live.speak("Two")
        wait_for(lambda: len(live.said) == 2)
    finally:
        live.close()
    assert [text for text, _ in live.said] == ["One", "Two"]
    assert len({pid for _, pid in live.said}) == 2


@needs_espeak
def test_a_killed_spare_is_restarted_and_the_user_told() -> None:
    problems: list[str] = []
    live = _live(EspeakBackend(), problems)
    try:
        wait_for(live.ready)
        pid = live.spare_pid
        assert pid is not None
        os.killpg(pid, signal.SIGKILL)
        wait_for(lambda: live.ready() and live.spare_pid != pid)
        assert live.speak("Back")
        wait_for(lambda: len(live.said) == 1)
    finally:
        live.close()
    assert "live-crash" in problems


@needs_espeak
def test_stopping_ends_the_speaking_process_group_at_once() -> None:
    problems: list[str] = []
    live = _live(EspeakBackend(), problems)
    try:
        wait_for(live.ready)
        pid = live.spare_pid
        assert live.speak("This is a rather long sentence that keeps going for a while")
        started = time.monotonic()
        live.stop()
        assert time.monotonic() - started < 1.0
        assert pid is not None
        wait_for(lambda: not _group_alive(pid), timeout=2)  # zombies take a moment to reap
    finally:
        live.close()
    assert live.said == []


def test_a_worker_process_gets_its_own_process_group() -> None:
    worker = WorkerProcess("probe", {"backend": "nonexistent"})
    try:
        assert os.getpgid(worker.pid) == worker.pid
    except ProcessLookupError:
        pass  # already gone: it exits at once without a backend
    finally:
        worker.kill()


@needs_espeak
def test_list_voices_for_the_settings_dialog() -> None:
    from glute_timer.speech import list_voices

    voices = list_voices()
    assert len(voices) > 10
    assert all(isinstance(vid, str) and isinstance(name, str) for vid, name in voices)


def test_a_worker_process_tells_of_each_message_and_of_its_end() -> None:
    calls: list[float] = []
    worker = WorkerProcess(
        "probe", {"backend": "nonexistent"}, on_message=lambda: calls.append(time.monotonic())
    )
    messages: list[object] = []
    try:
        while not messages or messages[-1] is not None:
            messages.append(worker.messages.get(timeout=10))
    finally:
        worker.kill()
    # The failed probe's answer, then the end of file: each told once, after it was queued.
    assert len(messages) >= 2
    wait_for(lambda: len(calls) == len(messages))
    time.sleep(0.05)
    assert len(calls) == len(messages)
