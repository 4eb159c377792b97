"""The audio engine: a child process that owns one output stream for a whole workout.

    python -m glute_timer.speech.engine CONFIG_JSON

Why a process of its own: a ``QSoundEffect`` per phrase in the window's process froze
workouts (README, Troubleshooting), a new stream per cue starts with a different latency
each time, and a sound server that dies or starts late is only picked up by a new
connection. Here one PortAudio stream (through ``sounddevice``) plays everything: the
engine mixes the clips itself and starts each one on the sample that the stream's own
clock says will reach the speaker at the requested moment. The app only sends messages
and never waits; if the engine dies or hangs, the app starts a new one
(:mod:`glute_timer.speech.engine_client`).

Requests arrive as JSON lines on stdin, replies leave as JSON lines on stdout:

- ``{"op": "load", "clip": ID, "path": WAV}``: decode and keep a clip (any rate, 16-bit);
  replies ``{"loaded": ID, "duration": s}`` or ``{"failed": ID, "error": text}``.
- ``{"op": "play", "clip": ID, "at": T, "channel": "voice"|"tone", "token": N}``: start
  the clip when the monotonic clock reads ``T`` (``time.monotonic()``, which every
  process of the machine shares). A voice clip ends the voice clip before it on that
  very sample; tones mix with everything. A clip more than ``STALE_AFTER`` late is
  dropped. Replies ``{"started": N, "at": t, "late": s}`` once it sounds, or
  ``{"dropped": N, "late": s}``.
- ``{"op": "stop", "channel": "voice"|"tone"|null, "at": T|null}``: end what plays on the
  channel (null: all) at ``T`` (null: now) and forget what was to start after it.
- ``{"op": "volume", "value": 0..1}``, ``{"op": "duck", "db": x}`` (0: off).
- ``{"op": "quit"}`` or the end of stdin (the app ended, even by SIGKILL): restore
  the other applications' volume and exit.

The engine sends ``{"ready": true, ...}`` once its stream runs (or ``{"error": text,
"fatal": true}`` and exits when there is no output), then ``{"beat": n}`` at least every
``HEARTBEAT`` seconds: the app takes a silent engine for a hung one. A stream that stops
(the sound server went away) or stalls ends the engine with an error, so the app starts
a fresh one that finds the server again.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import sys
import threading
import time
import wave
from dataclasses import dataclass, field
from typing import IO, Any

HEARTBEAT = 0.2
"""Seconds between two heartbeats."""

STALL_AFTER = 1.0
"""A stream that has not asked for audio for this long is stuck: the engine exits."""

STALE_AFTER = 0.3
"""A clip that could start only this many seconds late is dropped, never played late."""

LATENCY = 0.1
"""Seconds of audio the stream keeps queued: a play request must arrive this early."""

BLOCK = 2048
"""Frames per callback (46 ms at 44.1 kHz): few wakes, so little CPU (0.65 % of a core
against 0.85 % with 1024). A cue must reach the engine LATENCY plus one block early."""

FADE = 0.004
"""Seconds of fade-out when a voice clip is cut off, so the cut does not click."""

READY_WITHIN = 6.0
"""Seconds a new stream may take to start playing (an idle sound server may sleep ~2 s
before it serves a new stream); the engine is ready only once it plays."""

EXIT_NO_OUTPUT = 3
EXIT_STREAM_LOST = 4
EXIT_BAD_USAGE = 2


@dataclass
class _Playing:
    token: int
    samples: Any  # numpy float32 array at the stream's rate
    channel: str
    start: float  # monotonic time of its first sample
    pos: int = 0
    end: int = -1  # sample index to stop at (voice cut off), -1: the clip's end

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = len(self.samples)


@dataclass
class Mixer:
    """The clips, the schedule and the sum of what sounds: pure numpy, no I/O.

    ``render(out, dac_time)`` fills one block whose first sample reaches the speaker at
    monotonic ``dac_time``. Commands arrive from the stdin thread through ``commands``
    (a deque: appending and popping are thread-safe, so the audio callback never waits
    for a lock); what happened leaves through ``events``."""

    rate: int
    volume: float = 1.0
    clips: dict[str, Any] = field(default_factory=dict)
    commands: collections.deque[tuple[Any, ...]] = field(default_factory=collections.deque)
    events: collections.deque[dict[str, Any]] = field(default_factory=collections.deque)
    _pending: list[tuple[float, int, str, str]] = field(default_factory=list)
    _playing: list[_Playing] = field(default_factory=list)

    def render(self, out: Any, dac_time: float) -> None:
        import numpy as np

        self._apply_commands(dac_time)
        frames = len(out)
        out.fill(0)
        block_end = dac_time + frames / self.rate
        due = [p for p in self._pending if p[0] < block_end]
        if due:
            self._pending = [p for p in self._pending if p[0] >= block_end]
            for at, token, clip, channel in sorted(due):
                self._start(at, token, clip, channel, dac_time)
        if not self._playing:
            return
        still = []
        for item in self._playing:
            offset = max(0, round((item.start - dac_time) * self.rate))
            if offset >= frames:
                still.append(item)
                continue
            count = min(frames - offset, item.end - item.pos)
            if count > 0:
                out[offset : offset + count, 0] += item.samples[item.pos : item.pos + count]
                item.pos += count
            if item.pos < item.end:
                still.append(item)
            else:
                self.events.append({"ended": item.token})
        self._playing = still
        if self.volume != 1.0:
            out *= self.volume
        np.clip(out, -1.0, 1.0, out=out)

    def _apply_commands(self, dac_time: float) -> None:
        while self.commands:
            command = self.commands.popleft()
            kind = command[0]
            if kind == "play":
                _, at, token, clip, channel = command
                self._pending.append((at, token, clip, channel))
            elif kind == "stop":
                _, channel, at = command
                self._stop(channel, dac_time if at is None else max(at, dac_time), dac_time)
            elif kind == "volume":
                self.volume = float(command[1])

    def _start(self, at: float, token: int, clip: str, channel: str, dac_time: float) -> None:
        samples = self.clips.get(clip)
        if samples is None:
            self.events.append({"dropped": token, "error": "not loaded"})
            return
        late = dac_time - at
        if late > STALE_AFTER:
            self.events.append({"dropped": token, "late": round(late, 4)})
            return
        start = max(at, dac_time)
        if channel == "voice":
            self._cut_voice(start, dac_time)
        self._playing.append(_Playing(token, samples, channel, start))
        self.events.append(
            {"started": token, "at": round(start, 6), "late": round(max(0, late), 4)}
        )

    def _sample_at(self, item: _Playing, at: float, dac_time: float) -> int:
        """The index into ``item`` of the sample heard at monotonic ``at`` (at or after
        ``dac_time``, the start of the block being rendered)."""
        # A clip already sounding continues with sample ``pos`` at ``dac_time``; one not
        # started yet begins with sample 0 at its ``start``.
        begin = dac_time if item.pos > 0 else item.start
        return item.pos + max(0, round((at - begin) * self.rate))

    def _cut_voice(self, at: float, dac_time: float) -> None:
        """End every voice clip at ``at`` (a short fade, so the cut does not click)."""
        import numpy as np

        fade = max(1, int(FADE * self.rate))
        for item in self._playing:
            if item.channel != "voice":
                continue
            cut = self._sample_at(item, at, dac_time)
            if cut >= item.end:
                continue
            end = min(item.end, cut + fade)
            if end > cut:
                # A copy: the clip itself stays whole for its next use.
                samples = item.samples[:end].copy()
                samples[cut:end] *= np.linspace(1.0, 0.0, end - cut, dtype=samples.dtype)
                item.samples = samples
            item.end = end

    def _stop(self, channel: str | None, at: float, dac_time: float) -> None:
        self._pending = [p for p in self._pending if channel not in (None, p[3]) or p[0] < at]
        if channel in (None, "voice"):
            self._cut_voice(at, dac_time)
        if channel in (None, "tone"):
            for item in self._playing:
                if item.channel == "tone":
                    item.end = min(item.end, self._sample_at(item, at, dac_time))


def decode_wav(path: str, rate: int) -> Any:
    """A WAV file (8- or 16-bit PCM, any rate, mono or stereo) as mono float32 at ``rate``."""
    import numpy as np

    with wave.open(path, "rb") as wav:
        channels, width, source_rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        frames = wav.readframes(wav.getnframes())
    if width == 2:
        data = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
    elif width == 1:
        data = (np.frombuffer(frames, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    else:
        raise ValueError(f"{width * 8}-bit samples are not supported")
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1)
    if source_rate != rate and len(data):
        count = max(1, round(len(data) * rate / source_rate))
        positions = np.arange(count, dtype=np.float64) * (source_rate / rate)
        data = np.interp(positions, np.arange(len(data)), data).astype(np.float32)
    return np.ascontiguousarray(data, dtype=np.float32)


class Engine:
    """The process: stdin commands, the stream, heartbeats and the volume ducker."""

    def __init__(self, config: dict[str, Any], channel: IO[str]) -> None:
        self.config = config
        self._out = channel
        self._out_lock = threading.Lock()
        self._stop = threading.Event()
        self._last_callback = time.monotonic()
        self._frames: collections.deque[tuple[float, int]] = collections.deque(maxlen=8)
        self._paced = 0  # requests that came at the stream's pace (see _watch_start)
        self._playing = threading.Event()
        self._exit_code = 0
        self._stream: Any = None
        self.mixer: Mixer | None = None
        self.ducker: Any = None

    # ------------------------------------------------------------ output

    def send(self, **message: Any) -> None:
        line = json.dumps(message) + "\n"
        with self._out_lock, contextlib.suppress(OSError, ValueError):
            self._out.write(line)
            self._out.flush()

    # ------------------------------------------------------------ the stream

    def open_stream(self) -> bool:
        try:
            import numpy as np  # noqa: F401  (the mixer needs it: fail here, clearly)
            import sounddevice as sd
        except (ImportError, OSError) as exc:
            self.send(error=f"sound output is not available: {exc}", fatal=True, missing=True)
            return False
        try:
            outputs = [d for d in sd.query_devices() if d["max_output_channels"] > 0]
        except Exception:
            outputs = []
        if not outputs:
            self.send(
                error="no audio output device (is PulseAudio or PipeWire running?)", fatal=True
            )
            return False
        try:
            device = self._find_device(sd, self.config.get("device"))
            info = sd.query_devices(device, "output")
            rate = int(info["default_samplerate"]) or 44100
            self.mixer = Mixer(rate=rate, volume=float(self.config.get("volume", 1.0)))
            stream = sd.OutputStream(
                samplerate=rate,
                channels=1,
                dtype="float32",
                device=device,
                latency=float(self.config.get("latency", LATENCY)),
                blocksize=int(self.config.get("block", BLOCK)),
                callback=self._callback,
                finished_callback=self._stream_finished,
            )
            stream.start()
        except Exception as exc:  # PortAudioError: no server, no device, busy device
            self.send(error=f"no audio output: {exc}", fatal=True)
            return False
        self._stream = stream
        # The stream asks for a few blocks at once, then the server may take a while to
        # start it: the times reported for those first blocks are not yet the truth.
        if not self._playing.wait(READY_WITHIN):
            self.send(error="the audio output does not play", fatal=True)
            with contextlib.suppress(Exception):
                stream.abort()
            return False
        self._last_callback = time.monotonic()
        self.send(
            ready=True,
            pid=os.getpid(),
            rate=rate,
            device=str(info.get("name", "")),
            latency=round(float(stream.latency), 4),
        )
        return True

    @staticmethod
    def _find_device(sd: Any, wanted: str | None) -> int | None:
        if not wanted:
            return None
        for index, device in enumerate(sd.query_devices()):
            if device["max_output_channels"] > 0 and device["name"] == wanted:
                return index
        for index, device in enumerate(sd.query_devices()):
            if device["max_output_channels"] > 0 and wanted.lower() in device["name"].lower():
                return index
        return None  # gone: the system's default; the app told the user when it listed them

    def _callback(self, out: Any, frames: int, times: Any, status: Any) -> None:
        now = time.monotonic()
        self._last_callback = now
        if not self._playing.is_set():
            self._watch_start(now, frames)
        # The stream's clock and the monotonic clock may differ by a constant; read both
        # at once so the block's first sample maps to the monotonic time it is heard.
        dac_time = times.outputBufferDacTime - times.currentTime + now
        assert self.mixer is not None
        self.mixer.render(out, dac_time)

    def _watch_start(self, now: float, frames: int) -> None:
        """Set ``_playing`` once the stream asks for audio at its pace.

        At the start it asks for a few blocks back to back (filling its buffer), then the
        server may take a while before it plays them; after that each request comes about
        a block's duration after the one before (sometimes two at once)."""
        assert self.mixer is not None
        previous = self._frames[-1][0] if self._frames else None
        self._frames.append((now, frames))
        if previous is None:
            return
        if now - previous >= 0.3 * frames / self.mixer.rate:
            self._paced += 1
        if self._paced >= 4:
            self._playing.set()

    def _stream_finished(self) -> None:
        if not self._stop.is_set():
            self.send(error="the audio output went away", fatal=True)
            self._exit_code = EXIT_STREAM_LOST
            self._stop.set()

    # ------------------------------------------------------------ threads

    def heartbeat(self) -> None:
        beat = 0
        parent = os.getppid()
        while not self._stop.wait(HEARTBEAT):
            mixer = self.mixer
            while mixer is not None and mixer.events:
                event = mixer.events.popleft()
                self.send(**event)
                if self.ducker is not None:
                    self.ducker.observe(event)
            beat += 1
            self.send(beat=beat)
            if time.monotonic() - self._last_callback > STALL_AFTER:
                self.send(error="the audio output stopped playing", fatal=True)
                self._exit_code = EXIT_STREAM_LOST
                self._stop.set()
            if os.getppid() != parent:  # the app is gone and stdin somehow still open
                self._stop.set()

    def handle(self, message: dict[str, Any]) -> None:
        op = message.get("op")
        mixer = self.mixer
        assert mixer is not None
        if op == "load":
            clip = str(message["clip"])
            try:
                samples = decode_wav(str(message["path"]), mixer.rate)
            except (OSError, EOFError, ValueError, wave.Error) as exc:
                self.send(failed=clip, error=str(exc))
                return
            mixer.clips[clip] = samples
            self.send(loaded=clip, duration=round(len(samples) / mixer.rate, 4))
        elif op == "play":
            clip = str(message["clip"])
            at = float(message["at"])
            channel = "tone" if message.get("channel") == "tone" else "voice"
            token = int(message["token"])
            mixer.commands.append(("play", at, token, clip, channel))
            if self.ducker is not None and clip in mixer.clips:
                self.ducker.cue(at, len(mixer.clips[clip]) / mixer.rate, token)
        elif op == "stop":
            which = message.get("channel")
            when = None if message.get("at") is None else float(message["at"])
            mixer.commands.append(("stop", which, when))
            if self.ducker is not None and which in (None, "voice"):
                self.ducker.cancel_after(time.monotonic() if when is None else when)
        elif op == "volume":
            mixer.commands.append(("volume", min(1.0, max(0.0, float(message["value"])))))
        elif op == "duck":
            if self.ducker is not None:
                self.ducker.set_level(float(message["db"]))
        elif op == "quit":
            self._stop.set()

    def read_commands(self, stdin: IO[str]) -> None:
        for line in stdin:
            if self._stop.is_set():
                break
            if not line.strip():
                continue
            try:
                self.handle(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                self.send(bad_request=line.strip()[:200], error=str(exc))
        self._stop.set()  # end of stdin: the app ended

    def run(self, stdin: IO[str]) -> int:
        self._start_ducker()
        if not self.open_stream():
            self._close_ducker()
            return EXIT_NO_OUTPUT
        threading.Thread(target=self.heartbeat, daemon=True, name="heartbeat").start()
        reader = threading.Thread(
            target=self.read_commands, args=(stdin,), daemon=True, name="commands"
        )
        reader.start()
        self._stop.wait()
        stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.abort()
                stream.close()
        self._close_ducker()
        return self._exit_code

    def _start_ducker(self) -> None:
        state = self.config.get("duck_state")
        if not state:
            return
        from glute_timer.speech.ducking import Ducker

        self.ducker = Ducker(
            state_file=state,
            level_db=float(self.config.get("duck_db", 0.0)),
            own_app_id=str(self.config.get("app_id", "")),
            on_problem=lambda text: self.send(notice=text, key="duck"),
        )
        self.ducker.start()

    def _close_ducker(self) -> None:
        if self.ducker is not None:
            self.ducker.close()  # restores every stream it lowered


def _private_stdout() -> IO[str]:
    """Replies go to a copy of stdout; fd 1 and 2 point elsewhere, so nothing a library
    prints (PortAudio writes its complaints to stderr) can corrupt the message stream."""
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    return channel


def list_devices() -> dict[str, Any]:
    """The output devices PortAudio offers, the default one, and whether a pulse server
    answers (for lowering other sound): what ``--devices`` prints."""
    result: dict[str, Any] = {"devices": [], "default": None, "pulse": None, "error": None}
    try:
        import sounddevice as sd

        for device in sd.query_devices():
            if device["max_output_channels"] > 0:
                result["devices"].append(str(device["name"]))
        default = sd.default.device[1]
        if default is not None and default >= 0:
            result["default"] = str(sd.query_devices(default)["name"])
    except Exception as exc:  # OSError: no PortAudio; PortAudioError: no devices
        result["error"] = str(exc)
    if sys.platform.startswith("linux"):
        try:
            import pulsectl

            with pulsectl.Pulse("glute-timer-check") as pulse:
                result["pulse"] = str(pulse.server_info().server_name)
        except Exception:
            result["pulse"] = None
    return result


def main(argv: list[str]) -> int:
    channel = _private_stdout()
    if argv[1:] == ["--devices"]:
        channel.write(json.dumps(list_devices()) + "\n")
        channel.flush()
        return 0
    if len(argv) != 2:
        channel.write(json.dumps({"error": "usage: engine CONFIG_JSON", "fatal": True}) + "\n")
        return EXIT_BAD_USAGE
    engine = Engine(json.loads(argv[1]), channel)
    code = engine.run(sys.stdin)
    with contextlib.suppress(OSError, ValueError):
        channel.flush()
    os._exit(code)  # PortAudio's threads must not keep a dying engine alive


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
