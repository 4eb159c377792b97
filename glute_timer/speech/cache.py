"""Where rendered phrases live: one WAV per (text, voice, rate, engine, language, app
version)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import wave
from pathlib import Path

from glute_timer import __version__


def phrase_key(text: str, voice: str | None, rate: int, engine: str, language: str = "en") -> str:
    """The cache name of one rendered phrase. The language is part of it: with the voice on
    "automatic" the same text ("Pause", "Plank") is spoken by another voice in each."""
    payload = json.dumps(
        {
            "text": text,
            "voice": voice or "",
            "rate": rate,
            "engine": engine,
            "language": language,
            "app": __version__,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def phrase_path(
    cache_dir: Path, text: str, voice: str | None, rate: int, engine: str, language: str = "en"
) -> Path:
    return cache_dir / f"{phrase_key(text, voice, rate, engine, language)}.wav"


def wav_duration(path: Path) -> float | None:
    """Seconds of audio in a WAV file, or None if it is missing or not a usable WAV."""
    try:
        with wave.open(str(path), "rb") as wav:
            frames, rate = wav.getnframes(), wav.getframerate()
    except (OSError, EOFError, wave.Error):
        return None
    if frames <= 0 or rate <= 0:
        return None
    return frames / rate


def cache_summary(cache_dir: Path) -> tuple[int, int]:
    """(files, bytes) in the speech cache."""
    count = size = 0
    if cache_dir.is_dir():
        for path in cache_dir.glob("*.wav"):
            count += 1
            with contextlib.suppress(OSError):
                size += path.stat().st_size
    return count, size
