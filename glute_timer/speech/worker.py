"""The speech child process: the only place pyttsx3 runs.

    python -m glute_timer.speech.worker MODE CONFIG_JSON

MODE is ``probe`` (start the engine, list voices, exit), ``render`` (render each requested
phrase to a WAV file with ``save_to_file``) or ``say`` (speak one utterance aloud, then exit:
a second ``say()`` on one engine may be dropped, so each live utterance gets a fresh,
pre-started process). CONFIG_JSON holds ``backend``, ``voice``, ``rate`` and ``volume``.

Requests arrive as JSON lines on stdin; replies leave as JSON lines on the original stdout,
which is kept private: file descriptor 1 is pointed at /dev/null because pyttsx3 prints
("Audio saved to ...") on its own.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
import wave
from array import array
from pathlib import Path
from typing import IO, Any

from glute_timer.speech.backends import backend_named

SILENCE_LEVEL = 300  # of 32767, about -40 dBFS
KEEP_BEFORE = 0.005  # seconds of lead kept before the first sound
KEEP_AFTER = 0.03


def trim_silence(source: Path, target: Path) -> float:
    """Copy ``source`` to ``target`` without its leading and trailing silence; the seconds
    left. Leading silence would put every cue late by its length."""
    with wave.open(str(source), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    if params.sampwidth != 2 or params.nchannels != 1:
        data = frames
        first, last = 0, params.nframes
    else:
        samples = array("h")
        samples.frombytes(frames)
        if sys.byteorder == "big":
            samples.byteswap()
        loud = [i for i, s in enumerate(samples) if abs(s) > SILENCE_LEVEL]
        if not loud:
            raise ValueError("the rendered phrase is silent")
        rate = params.framerate
        first = max(0, loud[0] - int(KEEP_BEFORE * rate))
        last = min(len(samples), loud[-1] + int(KEEP_AFTER * rate))
        data = frames[first * 2 : last * 2]
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(params.nchannels)
        out.setsampwidth(params.sampwidth)
        out.setframerate(params.framerate)
        out.writeframes(data)
    os.replace(tmp, target)
    return (last - first) / params.framerate


def _private_stdout() -> IO[str]:
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    return channel


def _reply(channel: IO[str], **message: Any) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def _init_engine(config: dict[str, Any]) -> Any:
    backend = backend_named(config["backend"])
    backend.setup_worker()
    import pyttsx3

    engine = pyttsx3.init(backend.driver) if backend.driver else pyttsx3.init()
    if config.get("voice"):
        engine.setProperty("voice", config["voice"])
    elif config.get("language"):
        # The voice setting on "automatic": the best voice installed for the language.
        from glute_timer.core.i18n import best_voice

        chosen = best_voice(_voices(engine), config["language"], engine.getProperty("voice"))
        if chosen is not None:
            engine.setProperty("voice", chosen)
    engine.setProperty("rate", int(config.get("rate", 175)))
    engine.setProperty("volume", float(config.get("volume", 1.0)))
    return engine


def _voices(engine: Any) -> list[dict[str, Any]]:
    result = []
    for voice in engine.getProperty("voices") or []:
        languages = [
            lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
            for lang in (getattr(voice, "languages", None) or [])
        ]
        result.append(
            {"id": str(voice.id), "name": str(voice.name or voice.id), "languages": languages}
        )
    return result


def _render(engine: Any, request: dict[str, Any]) -> float:
    target = Path(request["path"])
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = target.with_name(f".{target.name}.{os.getpid()}.raw.wav")
    try:
        engine.save_to_file(request["text"], str(raw))
        engine.runAndWait()  # once per file: pyttsx3 writes it when the loop ends
        return trim_silence(raw, target)
    finally:
        raw.unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    channel = _private_stdout()
    if len(argv) != 3 or argv[1] not in ("probe", "render", "say"):
        _reply(channel, error="usage: worker probe|render|say CONFIG_JSON")
        return 2
    mode, config = argv[1], json.loads(argv[2])
    try:
        engine = _init_engine(config)
    except Exception as exc:  # RuntimeError without libespeak-ng, OSError, COM errors...
        _reply(channel, error=f"{type(exc).__name__}: {exc}", fatal=True)
        return 3
    if mode == "probe":
        current = engine.getProperty("voice")
        _reply(channel, ready=True, pid=os.getpid(), voices=_voices(engine), voice=current)
        return 0
    _reply(channel, ready=True, pid=os.getpid())
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if mode == "say":
            engine.say(request["text"])
            engine.runAndWait()
            _reply(channel, said=request["text"], pid=os.getpid())
            return 0
        try:
            duration = _render(engine, request)
        except Exception as exc:
            _reply(
                channel,
                failed=request["text"],
                error=f"{type(exc).__name__}: {exc}",
                trace=traceback.format_exc(limit=3),
            )
        else:
            _reply(channel, rendered=request["text"], path=request["path"], duration=duration)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
