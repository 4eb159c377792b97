"""The audio engine's parts without a sound card: the mixer (to the sample), the ducker
(against a fake sound server) and the client's supervision (against fake engines)."""

from __future__ import annotations

import json
import sys
import threading
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from glute_timer.speech.ducking import HANG, PRE, Ducker, volume_factor
from glute_timer.speech.engine import FADE, STALE_AFTER, Mixer, decode_wav
from glute_timer.speech.engine_client import AudioEngine, EngineConfig

RATE = 1000  # one sample a millisecond: positions read as times


def render(mixer: Mixer, start: float, seconds: float, block: int = 64) -> np.ndarray:
    """What the stream would play from monotonic ``start`` on, block by block."""
    out = []
    t = start
    frames = int(seconds * mixer.rate)
    done = 0
    while done < frames:
        buf = np.zeros((block, 1), dtype=np.float32)
        mixer.render(buf, t)
        out.append(buf[:, 0].copy())
        done += block
        t = start + done / mixer.rate
    return np.concatenate(out)[:frames]


def first_loud(signal: np.ndarray) -> int:
    return int(np.flatnonzero(np.abs(signal) > 1e-3)[0])


# ---------------------------------------------------------------- mixer


def test_a_clip_starts_on_the_sample_of_its_time_whatever_the_block() -> None:
    for block in (16, 64, 333):
        mixer = Mixer(rate=RATE)
        mixer.clips["beep"] = np.full(50, 0.5, dtype=np.float32)
        mixer.commands.append(("play", 10.123, 1, "beep", "tone"))
        out = render(mixer, 10.0, 0.5, block)
        assert first_loud(out) == 123
        assert np.count_nonzero(out) == 50
        assert {"started": 1, "at": 10.123, "late": 0.0} in mixer.events


def test_a_new_voice_clip_cuts_the_one_speaking_at_its_first_sample() -> None:
    mixer = Mixer(rate=RATE)
    mixer.clips["long"] = np.full(400, 0.25, dtype=np.float32)
    mixer.clips["beat"] = np.full(100, 0.5, dtype=np.float32)
    mixer.commands.append(("play", 0.0, 1, "long", "voice"))
    mixer.commands.append(("play", 0.2, 2, "beat", "voice"))
    out = render(mixer, 0.0, 0.5)
    fade = int(FADE * RATE)
    assert np.allclose(out[:200], 0.25)
    assert np.all(out[200 : 200 + fade] >= 0.5)  # the fade of the old under the new
    assert np.allclose(out[200 + fade : 300], 0.5)  # then only the new one
    assert np.allclose(out[300:], 0.0)


def test_tones_mix_with_the_voice() -> None:
    mixer = Mixer(rate=RATE)
    mixer.clips["word"] = np.full(100, 0.25, dtype=np.float32)
    mixer.clips["tone"] = np.full(50, 0.25, dtype=np.float32)
    mixer.commands.append(("play", 0.0, 1, "word", "voice"))
    mixer.commands.append(("play", 0.0, 2, "tone", "tone"))
    out = render(mixer, 0.0, 0.2)
    assert np.allclose(out[:50], 0.5) and np.allclose(out[50:100], 0.25)


def test_stop_ends_what_plays_and_forgets_what_was_to_come() -> None:
    mixer = Mixer(rate=RATE)
    mixer.clips["a"] = np.full(300, 0.5, dtype=np.float32)
    mixer.commands.append(("play", 0.0, 1, "a", "voice"))
    mixer.commands.append(("play", 0.5, 2, "a", "voice"))
    first = render(mixer, 0.0, 0.1)
    mixer.commands.append(("stop", None, None))  # now: the start of the next block
    rest = render(mixer, 0.1, 0.6)
    assert np.allclose(first, 0.5)
    fade = int(FADE * RATE)
    assert np.allclose(rest[fade:], 0.0)
    assert not any(e.get("started") == 2 for e in mixer.events)


def test_a_clip_that_could_only_start_late_is_dropped() -> None:
    mixer = Mixer(rate=RATE)
    mixer.clips["a"] = np.full(10, 0.5, dtype=np.float32)
    mixer.commands.append(("play", 1.0, 1, "a", "voice"))
    mixer.commands.append(("play", 1.0 + STALE_AFTER, 2, "a", "voice"))
    out = render(mixer, 1.0 + STALE_AFTER + 0.05, 0.1)
    assert np.count_nonzero(out) == 10  # the second plays (from the block's start)
    assert any(e.get("dropped") == 1 for e in mixer.events)


def test_volume_scales_and_nothing_clips_past_full_scale() -> None:
    mixer = Mixer(rate=RATE, volume=0.5)
    mixer.clips["loud"] = np.full(20, 0.9, dtype=np.float32)
    for token in range(3):
        mixer.commands.append(("play", 0.0, token, "loud", "tone"))
    out = render(mixer, 0.0, 0.05)
    assert out.max() == pytest.approx(1.0)  # 3 x 0.9 x 0.5 = 1.35, limited
    mixer.commands.append(("volume", 0.1))
    mixer.commands.append(("play", 0.1, 9, "loud", "tone"))
    out = render(mixer, 0.05, 0.1)
    assert out.max() == pytest.approx(0.09)


def test_wavs_of_any_rate_are_decoded_to_the_stream_rate(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes((np.full(22050 * 2, 16384, dtype="<i2")).tobytes())
    samples = decode_wav(str(path), 44100)
    assert len(samples) == 44100 and samples.dtype == np.float32
    assert np.allclose(samples, 0.5)


# ---------------------------------------------------------------- ducking


class FakeStream:
    def __init__(self, index: int, volume: list[float], props: dict[str, str]) -> None:
        self.index = index
        self.volume = type("V", (), {"values": volume})()
        self.proplist = props


class FakePulse:
    """The part of pulsectl the ducker uses, with a log of what it set."""

    def __init__(self, streams: list[FakeStream]) -> None:
        self.streams = streams
        self.set: list[tuple[int, list[float]]] = []

    def sink_input_list(self) -> list[FakeStream]:
        return list(self.streams)

    def volume_set(self, stream: FakeStream, volume: Any) -> None:
        values = list(volume.values)
        stream.volume.values = values
        self.set.append((stream.index, values))

    def close(self) -> None:
        pass


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def fake_pulse_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pulsectl.PulseVolumeInfo`` as a plain holder (no sound server needed)."""
    import glute_timer.speech.ducking as ducking

    class Volume:
        def __init__(self, values: list[float]) -> None:
            self.values = values

    monkeypatch.setattr(ducking, "_volume", Volume)


def make_ducker(tmp_path: Path, pulse: FakePulse, clock: Clock, db: float = 12.0) -> Ducker:
    return Ducker(
        state_file=tmp_path / "lowered.json",
        level_db=db,
        own_app_id="app.ours",
        on_problem=lambda text: None,
        connect=lambda: pulse,
        clock=clock,
    )


def step(ducker: Ducker) -> None:
    """One pass of the ducker's loop, on the test's thread."""
    ducker._closed = False
    with ducker._wake:
        now = ducker._clock()
        want = any(c.start - PRE <= now < c.end + HANG for c in ducker._cues if c.end > c.start)
    if want and not ducker._lowered:
        ducker._lower(ducker.level_db)
    elif not want and ducker._lowered:
        ducker._restore()


def test_other_streams_go_down_under_a_cue_and_come_back_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pulse_module(monkeypatch)
    music = FakeStream(7, [1.0, 1.0], {"media.role": "music"})
    ours = FakeStream(8, [1.0], {"application.id": "app.ours"})
    pulse = FakePulse([music, ours])
    clock = Clock()
    ducker = make_ducker(tmp_path, pulse, clock)
    ducker.cue(100.5, 0.4)
    clock.now = 100.5 - PRE
    step(ducker)
    factor = volume_factor(12)
    assert music.volume.values == pytest.approx([factor, factor])
    assert ours.volume.values == [1.0]  # never our own
    saved = json.loads((tmp_path / "lowered.json").read_text())
    assert saved["streams"]["7"][0] == [1.0, 1.0]  # written before the change
    clock.now = 100.9 + HANG
    step(ducker)
    assert music.volume.values == [1.0, 1.0]
    assert not (tmp_path / "lowered.json").exists()
    assert 20 * np.log10(factor**3) == pytest.approx(-12)


def test_a_stream_the_user_changed_meanwhile_is_left_as_they_set_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pulse_module(monkeypatch)
    music = FakeStream(3, [0.8], {})
    pulse = FakePulse([music])
    clock = Clock()
    ducker = make_ducker(tmp_path, pulse, clock)
    ducker.cue(100.0, 1.0)
    step(ducker)
    music.volume.values = [0.3]  # the user turned it down during the cue
    clock.now = 102.0
    step(ducker)
    assert music.volume.values == [0.3]


def test_a_killed_engine_s_lowered_streams_are_restored_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pulse_module(monkeypatch)
    music = FakeStream(5, [1.0], {})
    pulse = FakePulse([music])
    clock = Clock()
    first = make_ducker(tmp_path, pulse, clock)
    first.cue(100.0, 1.0)
    step(first)
    assert music.volume.values[0] < 1.0
    # ... and the engine dies here, without restoring. The next one starts:
    second = make_ducker(tmp_path, pulse, clock)
    second._restore_leftovers()
    assert music.volume.values == [1.0]
    assert not (tmp_path / "lowered.json").exists()


def test_the_ducker_thread_lowers_and_restores_in_real_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pulse_module(monkeypatch)
    music = FakeStream(1, [1.0], {})
    pulse = FakePulse([music])
    ducker = Ducker(
        state_file=tmp_path / "s.json",
        level_db=12,
        own_app_id="x",
        on_problem=lambda text: None,
        connect=lambda: pulse,
    )
    ducker.start()
    try:
        start = time.monotonic() + 0.2
        ducker.cue(start, 0.2)
        deadline = time.monotonic() + 2
        while music.volume.values == [1.0] and time.monotonic() < deadline:
            time.sleep(0.005)
        lowered_at = time.monotonic()
        assert music.volume.values[0] < 1.0
        assert lowered_at <= start + 0.05  # down within 50 ms of the cue's start
        while music.volume.values != [1.0] and time.monotonic() < deadline:
            time.sleep(0.005)
        assert music.volume.values == [1.0]
        assert time.monotonic() <= start + 0.2 + 0.3  # back within 300 ms of its end
    finally:
        ducker.close()


def test_without_a_sound_server_the_user_is_told_once_and_nothing_breaks(tmp_path: Path) -> None:
    told: list[str] = []

    def refuse() -> Any:
        raise ConnectionError("no server")

    ducker = Ducker(
        state_file=tmp_path / "s.json",
        level_db=12,
        own_app_id="x",
        on_problem=told.append,
        connect=refuse,
    )
    ducker.cue(0.0, 10.0)
    ducker._lower(12)
    ducker._lower(12)
    assert len(told) == 1 and "cannot be lowered" in told[0]


# ---------------------------------------------------------------- the client


def fake_engine(script: str) -> Any:
    def command(_config: EngineConfig) -> list[str]:
        return [sys.executable, "-c", script]

    return command


def test_an_engine_that_never_reads_never_blocks_the_app() -> None:
    script = (
        "import json,sys,time; print(json.dumps({'ready': True}), flush=True);"
        "[print(json.dumps({'beat': 1}), flush=True) or time.sleep(0.1) for _ in range(100)]"
    )
    engine = AudioEngine(EngineConfig(), on_problem=lambda k, m: None, command=fake_engine(script))
    engine.start()
    try:
        assert engine.wait_ready(10)

        def flood() -> None:
            for n in range(20000):  # far more than a pipe holds: a blocking write would hang
                engine.play("clip", time.monotonic() + 10 + n, "voice")

        sender = threading.Thread(target=flood, daemon=True)
        sender.start()
        sender.join(timeout=30)
        assert not sender.is_alive()
    finally:
        engine.close()


def test_a_hung_or_dead_engine_is_replaced_and_the_user_told(tmp_path: Path) -> None:
    flag = tmp_path / "started"
    script = f"""
import json, sys, threading, time
from pathlib import Path
out = sys.stdout
flag = Path({str(flag)!r})
n = int(flag.read_text()) if flag.exists() else 0
flag.write_text(str(n + 1))
out.write(json.dumps({{"ready": True}}) + "\\n"); out.flush()
if n == 0:
    time.sleep(60)  # the first hangs: no heartbeat
if n == 1:
    sys.exit(1)  # the second dies
def beat():
    while True:
        out.write(json.dumps({{"beat": 1}}) + "\\n"); out.flush(); time.sleep(0.1)
threading.Thread(target=beat, daemon=True).start()
for line in sys.stdin:
    m = json.loads(line)
    if m.get("op") == "play":
        out.write(json.dumps({{"started": m["token"], "at": m["at"]}}) + "\\n"); out.flush()
"""
    told: list[str] = []
    engine = AudioEngine(
        EngineConfig(),
        on_problem=lambda key, message: told.append(key),
        command=fake_engine(script),
    )
    engine.start()
    try:
        deadline = time.monotonic() + 15
        while engine.status.starts < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert engine.status.starts >= 3
        assert engine.wait_ready(10)
        token = engine.play("clip", time.monotonic() + 0.2)
        deadline = time.monotonic() + 5
        while token not in engine.status.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert token in engine.status.started, "the replacement plays what comes next"
    finally:
        engine.close()
    assert "engine-hung" in told and "engine-crash" in told


def test_cues_still_to_come_are_sent_again_to_a_replacement_but_past_ones_are_not(
    tmp_path: Path,
) -> None:
    log = tmp_path / "plays.jsonl"
    script = f"""
import json, sys, threading, time
out = sys.stdout
out.write(json.dumps({{"ready": True}}) + "\\n"); out.flush()
def beat():
    while True:
        out.write(json.dumps({{"beat": 1}}) + "\\n"); out.flush(); time.sleep(0.1)
threading.Thread(target=beat, daemon=True).start()
for line in sys.stdin:
    with open({str(log)!r}, "a") as f:
        f.write(line)
"""
    engine = AudioEngine(EngineConfig(), on_problem=lambda k, m: None, command=fake_engine(script))
    engine.start()
    try:
        assert engine.wait_ready(10)
        engine.load("clip", tmp_path / "clip.wav")
        now = time.monotonic()
        engine.play("clip", now + 0.05)  # will be past by the time a new engine plays
        future = engine.play("clip", now + 30)
        time.sleep(0.3)
        engine.kill_engine()
        deadline = time.monotonic() + 10
        while engine.status.starts < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert engine.wait_ready(10)
        time.sleep(0.3)
    finally:
        engine.close()
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    second_start = [i for i, m in enumerate(lines) if m["op"] == "load"][1]
    again = [m for m in lines[second_start:] if m["op"] == "play"]
    assert [m["token"] for m in again] == [future]


def test_wait_ready_gives_up_on_a_machine_without_sound() -> None:
    script = "import json; print(json.dumps({'error': 'no audio output: none', 'fatal': True}))"
    told: list[tuple[str, str]] = []
    engine = AudioEngine(
        EngineConfig(),
        on_problem=lambda key, message: told.append((key, message)),
        command=fake_engine(script),
    )
    engine.start()
    try:
        assert engine.settled.wait(10)
        assert not engine.ready
        assert told and told[0][0] == "no-output" and "no audio output" in told[0][1]
        time.sleep(1.5)  # tried again meanwhile, told only once
        assert engine.status.starts >= 2
        assert len(told) == 1
    finally:
        engine.close()
    assert threading.active_count() < 50
