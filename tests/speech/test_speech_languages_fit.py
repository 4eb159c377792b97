"""Every phrase of every preset, in every language, fits its beat.

Translated cues are often longer than the English ones. Each distinct phrase of the
presets is rendered once per language by the real engine (espeak-ng through pyttsx3, the
voice chosen for the language as "automatic" chooses it, at the default rate), and every
utterance, as rule 2 of the conductor shortens it, must end before the next beat cue.
"""

from __future__ import annotations

import queue
from pathlib import Path

import pytest
from speech_helpers import needs_espeak

from glute_timer.core import i18n
from glute_timer.core.library import ordered_presets
from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.settings import Settings
from glute_timer.speech.processes import VoiceConfig, WorkerProcess, choose_backend
from glute_timer.speech.schedule import overruns, phrases_for

pytestmark = [pytest.mark.speech, needs_espeak]

LANGUAGES = ("en", "de", "fr", "es")
RATE = Settings().rate


def plans_in(language: str) -> list[Plan]:
    i18n.activate(language)
    return [build_plan(entry.protocol) for entry in ordered_presets() if entry.protocol]


def render_all(language: str, texts: list[str], folder: Path) -> dict[str, float]:
    """Each text's spoken length, rendered once by one worker for the language."""
    backend = choose_backend().backend
    assert backend is not None, "no speech engine"
    config = VoiceConfig(voice=None, rate=RATE, language=language)
    worker = WorkerProcess("render", config.for_worker(backend))
    lengths: dict[str, float] = {}
    try:
        worker.wait_ready()
        for index, text in enumerate(texts):
            assert worker.send({"text": text, "path": str(folder / f"{language}-{index}.wav")})
            try:
                reply = worker.receive(30)
            except queue.Empty:
                pytest.fail(f"rendering {text!r} hung")
            assert reply is not None and "rendered" in reply, (text, reply)
            lengths[text] = float(reply["duration"])
    finally:
        worker.kill()
    return lengths


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_phrase_runs_into_the_next_beat(language: str, tmp_path: Path) -> None:
    plans = plans_in(language)
    texts: dict[str, None] = {}
    for plan in plans:
        for speak_numbers in (True, False):
            texts.update(dict.fromkeys(phrases_for(plan, speak_numbers)))
    lengths = render_all(language, list(texts), tmp_path)
    problems = []
    for plan in plans:
        for speak_numbers in (True, False):
            for found in overruns(plan, lengths.__getitem__, speak_numbers):
                problems.append(
                    f"{plan.name}: {found.text!r} at {found.utterance.at:.1f} s lasts "
                    f"{found.seconds:.2f} s, {found.over:.2f} s into the next beat"
                )
    assert problems == []
