"""Speech and sound cues: pyttsx3 and the audio engine in child processes.

What the user hears is the product, so every cue must land on its beat and nothing in
here may ever hold up the session or the GUI. No Qt: the window and ``run --no-gui`` use
the same player.

Modules, from the inside out:

- ``schedule``  the rules, pure and tested with a fake speaker: cues of one instant are one
  utterance; a joined phrase that would run into the next beat gives way to its beat part;
  each utterance is handed to the engine ``LEAD`` early with its exact time; stale
  (> 300 ms) cues are dropped; a cue of equal or higher priority cuts off the one speaking;
  tones for lift, hold, lower, the end of a rest, a finished set and a finished workout.
- ``worker``    the child process, the only place pyttsx3 runs (probe / render / say).
- ``processes`` starting, supervising and killing those children (own process groups):
  the health check that picks a backend, the ``Renderer`` (phrases to the cache, crashed
  or hung workers replaced) and the ``LiveSpeaker`` (a warm spare process per utterance).
- ``backends``  one class per platform: espeak-ng (Linux), SAPI 5 (Windows, COM set up in
  the worker), macOS (pyttsx3's own driver).
- ``cache``     rendered WAVs keyed by text, voice, rate, engine and app version.
- ``tones``     the cue tones, synthesised with the standard library
  (``tools/make_sounds.py`` writes ``resources/sounds/``).
- ``engine``    the audio engine, a child process: one output stream for a whole workout
  (PortAudio through ``sounddevice``), clips mixed and started on the sample.
- ``ducking``   inside the engine: other applications' sound lowered under each cue and
  always restored (the pulse protocol, for PulseAudio and PipeWire).
- ``engine_client`` the app's side: messages that never wait, a heartbeat, a new engine
  when one dies, hangs or loses its sound server.
- ``player``    ``CuePlayer``, what a workout attaches to its session (window and terminal).
- ``cli``       ``glute-timer voices``, ``glute-timer check`` and audio for ``run --no-gui``.

Debian packages, and what happens without each:

- ``libespeak-ng1``: the speech engine. Without it pyttsx3's ``init()`` fails in the
  worker; the user is told once; tones and the screen still cue every beat.
- ``libportaudio2``: the audio engine's output. Without it nothing plays (the user is told
  once, with the fix); the screen still cues every beat.
- ``alsa-utils`` (``aplay``): live speech of phrases not rendered in time. Without it
  those are silent (pre-rendered ones still play); ``check`` and the app say so.
- ``libasound2-plugins``: PortAudio reaches PulseAudio/PipeWire through ALSA's pulse plugin.
- a running PulseAudio or PipeWire server: without one nothing plays; the user is told
  once, the workout runs with on-screen cues, and sound comes back by itself once a server
  answers (the engine is restarted every few seconds until one does).
- ``espeak-ng`` (the command) is not needed by the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glute_timer.context import AppContext


def list_voices(context: AppContext | None = None) -> list[tuple[str, str]]:
    """(voice id, display name) of every voice the speech engine offers, those of the
    active language first; empty without an engine. Blocks for the engine's health check
    (~0.2 s): call it off the GUI thread."""
    from glute_timer.core.i18n import voices_first
    from glute_timer.speech.processes import choose_backend

    result = choose_backend()
    found = [
        (str(v["id"]), str(v["name"]), [str(lang) for lang in v.get("languages") or []])
        for v in result.voices
    ]
    voices = []
    for voice_id, voice_name, languages in voices_first(found):  # the language's first
        shown = ", ".join(languages)
        voices.append((voice_id, f"{voice_name} ({shown})" if shown else voice_name))
    return voices
