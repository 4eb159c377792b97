"""The committed tones are the ones the generator makes, in the format playback expects."""

from __future__ import annotations

import wave
from pathlib import Path

from glute_timer.core.resources import resource
from glute_timer.speech import tones
from glute_timer.speech.schedule import SOUND_NAMES


def test_every_cue_has_a_tone_and_the_files_match_the_generator(tmp_path: Path) -> None:
    assert set(tones.TONES) == set(SOUND_NAMES)
    tones.write_all(tmp_path)
    for name in SOUND_NAMES:
        shipped = resource("sounds", f"{name}.wav").read_bytes()
        assert shipped == (tmp_path / f"{name}.wav").read_bytes(), (
            f"{name}.wav is stale: run tools/make_sounds.py"
        )


def test_tones_are_short_soft_mono_and_start_at_once(tmp_path: Path) -> None:
    tones.write_all(tmp_path)
    for name in SOUND_NAMES:
        with wave.open(str(tmp_path / f"{name}.wav"), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
            assert wav.getframerate() == tones.RATE
            seconds = wav.getnframes() / wav.getframerate()
            frames = wav.readframes(wav.getnframes())
        assert 0.1 < seconds < 1.6
        samples = [
            int.from_bytes(frames[i : i + 2], "little", signed=True)
            for i in range(0, len(frames), 2)
        ]
        peak = max(abs(s) for s in samples)
        assert peak <= 0.46 * 32767
        first_loud = next(i for i, s in enumerate(samples) if abs(s) > 0.05 * peak)
        assert first_loud / tones.RATE < 0.005  # no lead-in silence: on the beat
        assert abs(samples[-1]) < 0.01 * 32767  # fades out: no click
