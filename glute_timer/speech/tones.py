"""The cue tones, synthesised with the standard library (no downloaded audio, no numpy).

Each tone is a few soft sine partials with a short attack and an exponential decay, like a
struck bell or a marimba bar, so it sounds pleasant at low volume and never clicks.
``tools/make_sounds.py`` writes them to ``resources/sounds/``; a test checks the committed
files still match this code byte for byte.

- lift: a quick rising pair (up)
- hold: one steady, soft bell
- lower: a quick falling pair (down)
- rest_end: two bright taps (get going)
- set_done: a major triad, arpeggiated
- workout_done: a longer arpeggio up to the octave
"""

from __future__ import annotations

import math
import struct
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RATE = 22050
"""Hz; the same rate pyttsx3 renders speech at, so every effect opens the same stream format."""

PEAK = 0.45
"""Of full scale: tones sit under the voice, not over it."""


@dataclass(frozen=True)
class Note:
    start: float  # seconds
    freq: float  # Hz
    length: float  # seconds until it has died away
    level: float = 1.0


def _midi(n: int) -> float:
    return 440.0 * 2 ** ((n - 69) / 12)


TONES: dict[str, tuple[Note, ...]] = {
    "lift": (Note(0.0, _midi(76), 0.16), Note(0.07, _midi(83), 0.22)),
    "hold": (Note(0.0, _midi(79), 0.35),),
    "lower": (Note(0.0, _midi(83), 0.16), Note(0.07, _midi(76), 0.22)),
    "rest_end": (Note(0.0, _midi(88), 0.12, 0.8), Note(0.12, _midi(88), 0.2, 0.8)),
    "set_done": (
        Note(0.0, _midi(72), 0.5),
        Note(0.09, _midi(76), 0.5),
        Note(0.18, _midi(79), 0.6),
    ),
    "workout_done": (
        Note(0.0, _midi(72), 0.7),
        Note(0.12, _midi(76), 0.7),
        Note(0.24, _midi(79), 0.7),
        Note(0.36, _midi(84), 1.1),
    ),
}

_PARTIALS = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.08))  # (multiple, level): a soft, round timbre
_ATTACK = 0.004


def render(notes: Iterable[Note]) -> list[float]:
    """Samples in -1..1, normalised to ``PEAK``."""
    notes = tuple(notes)
    total = max(n.start + n.length for n in notes) + 0.02
    samples = [0.0] * int(total * RATE)
    for note in notes:
        first = int(note.start * RATE)
        count = int(note.length * RATE)
        decay = 5.0 / note.length  # about -43 dB at the end
        for i in range(count):
            t = i / RATE
            envelope = min(1.0, t / _ATTACK) * math.exp(-decay * t)
            value = 0.0
            for multiple, level in _PARTIALS:
                value += level * math.sin(2 * math.pi * note.freq * multiple * t)
            samples[first + i] += note.level * envelope * value
    peak = max(abs(s) for s in samples) or 1.0
    return [s * PEAK / peak for s in samples]


def to_wav_bytes(samples: Iterable[float]) -> bytes:
    return b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)


def write_tone(name: str, path: Path) -> None:
    frames = to_wav_bytes(render(TONES[name]))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TONES:
        path = directory / f"{name}.wav"
        write_tone(name, path)
        written.append(path)
    return written
