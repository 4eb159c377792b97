"""Real sound, recorded: whole workouts through the real audio engine on a private
PulseAudio server (the ``pulse`` fixture), heard through the sink's monitor.

What is checked is what a user hears: every beat cue sounds, on its beat, from the first
cue on, in the terminal and in the window; the workout goes on when the engine is killed,
hangs, or the sound server restarts, and sound comes back; music is lowered under the
cues and restored after the run, also after a SIGKILL of the app.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import realaudio as ra
from speech_helpers import needs_espeak

from glute_timer.context import AppContext
from glute_timer.core.plan import Plan, Priority, build_plan
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import START_DELAY, CueDue, Session, State
from glute_timer.speech.backends import candidates
from glute_timer.speech.cache import phrase_path, wav_duration
from glute_timer.speech.player import CuePlayer
from glute_timer.speech.schedule import Utterance, build_utterances, estimate_duration

pytestmark = [pytest.mark.slow, pytest.mark.speech, needs_espeak]

ROOT = Path(__file__).resolve().parents[2]

# Beats a second apart and short words: every cue ends before the next begins, so each
# onset in the recording belongs to one cue.
QUICK = """\
format = 1
name = "Quick"
lead_in = 2

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 2
tempo = { lift = 1, hold = 1, lower = 1 }
"""

LONGER = """\
format = 1
name = "Longer"
lead_in = 2

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 4
tempo = { lift = 1, hold = 1, lower = 1 }
"""

SPREAD_LIMIT = 0.010  # onsets within 10 ms of their median offset (issue 12)


# ---------------------------------------------------------------- helpers


def write_settings(basedir: Path, **values: Any) -> None:
    """Settings for a fresh basedir, as the app would save them."""
    config = basedir / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"version": 1, **values}), "utf-8")


def clip_onset(path: Path) -> float:
    """Seconds from a rendered phrase's first sample to its first loud one: its soft first
    sound ("th" of "three") is quiet in the recording too, so it is subtracted."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2") / 32768
    loud = np.flatnonzero(np.abs(data) > 10 ** (ra.THRESHOLD_DB / 20))
    return float(loud[0] / rate) if len(loud) else 0.0


def spoken_texts(plan: Plan, cache: Path, rate: int = 175) -> dict[int, str]:
    """What each utterance says, by the conductor's own rule, from the rendered lengths."""
    engine = candidates()[0].engine_id()

    def length(text: str) -> float:
        known = wav_duration(phrase_path(cache, text, None, rate, engine))
        return known if known is not None else estimate_duration(text, rate)

    return {u.index: u.choose_text(length) for u in build_utterances(plan)}


def measure(
    recording: ra.Recording,
    plan: Plan,
    dues: dict[int, float],
    cache: Path,
) -> tuple[list[tuple[Utterance, float | None]], list[float]]:
    """For each utterance due at ``dues[index]`` (monotonic): its onset minus its due time
    (None: not heard), and the offsets of the beat cues."""
    engine = candidates()[0].engine_id()
    texts = spoken_texts(plan, cache)
    utterances = build_utterances(plan)
    results: list[tuple[Utterance, float | None]] = []
    beats: list[float] = []
    for u in utterances:
        due = dues.get(u.index)
        if due is None:
            results.append((u, None))
            continue
        path = phrase_path(cache, texts[u.index], None, 175, engine)
        lead = clip_onset(path) if path.exists() else 0.0
        found = ra.onset(recording, due - 0.05, due + 0.25)
        offset = None if found is None else found - lead - due
        results.append((u, offset))
        if offset is not None and u.priority is Priority.BEAT:
            beats.append(offset)
    return results, beats


def describe(results: list[tuple[Utterance, float | None]]) -> str:
    return "; ".join(
        f"{u.at:.1f}s {u.full_text!r}: " + ("not heard" if off is None else f"{1000 * off:+.1f} ms")
        for u, off in results
    )


def run_cli(basedir: Path, protocol: Path, *extra: str) -> tuple[subprocess.Popen[str], Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("DISPLAY", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "glute_timer",
            "--basedir",
            str(basedir),
            "run",
            str(protocol),
            "--no-gui",
            "--json",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    return proc, env


def follow_cli(proc: subprocess.Popen[str]) -> tuple[list[tuple[float, dict[str, Any]]], str]:
    """Each cue line with the moment it arrived: the terminal prints a cue when it is due."""
    stdout, stderr = proc.stdout, proc.stderr
    assert stdout is not None and stderr is not None
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(stderr.read()), daemon=True)
    reader.start()
    lines = []
    try:
        for line in stdout:
            lines.append((time.monotonic(), json.loads(line)))
        proc.wait(timeout=30)
        reader.join(timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)
        stdout.close()
        stderr.close()
    return lines, "".join(errors)


def cli_dues(plan: Plan, lines: list[tuple[float, dict[str, Any]]]) -> dict[int, float]:
    """Utterance index -> the moment its first cue was printed."""
    utterances = build_utterances(plan)
    by_time: dict[float, int] = {round(u.at, 3): u.index for u in utterances}
    dues: dict[int, float] = {}
    for arrived, cue in lines:
        index = by_time.get(round(cue["at"], 3))
        if index is not None:
            dues.setdefault(index, arrived)
    return dues


@pytest.fixture
def recorder(pulse: ra.PulseServer) -> Iterator[Callable[[], ra.Recording]]:
    rec = ra.Recorder(pulse.env)
    rec.wait_started()
    stopped: list[ra.Recording] = []

    def stop() -> ra.Recording:
        if not stopped:
            stopped.append(rec.stop())
        return stopped[0]

    yield stop
    stop()


class DueRecorder:
    """A session listener noting when each utterance's first cue came due."""

    def __init__(self, plan: Plan) -> None:
        self.dues: dict[int, float] = {}
        self._index = {cue: i for i, cue in enumerate(plan.cues)}
        self._first_of = {u.first_cue: u.index for u in build_utterances(plan)}

    def __call__(self, event: object) -> None:
        if isinstance(event, CueDue):
            u = self._first_of.get(self._index[event.cue])
            if u is not None:
                self.dues.setdefault(u, event.due)


class InProcessRun:
    """A real session on the real clock, ticked by a thread as ``run --no-gui`` does, with
    a real cue player; records each utterance's due time from the session's events."""

    def __init__(self, context: AppContext, plan: Plan) -> None:
        self.plan = plan
        self.messages: list[str] = []
        self.player = CuePlayer(context, on_status=lambda _k, text: self.messages.append(text))
        self.session = Session(plan, time.monotonic)
        recorder = DueRecorder(plan)
        self.dues = recorder.dues
        self.session.subscribe(recorder)
        self.session.subscribe(self.player.listener)
        self.started = 0.0
        self.finished_at: float | None = None

    def prepare(self, timeout: float = 20.0) -> None:
        self.player.prepare(self.plan)
        engine = self.player.engine
        assert engine is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.player.ready_phrases() == self.player.wanted_phrases() and engine.ready:
                return
            time.sleep(0.05)
        raise AssertionError(f"not prepared in {timeout} s: {self.messages}")

    def run(self, during: Callable[[float], None] | None = None) -> None:
        self.session.start(START_DELAY)
        self.started = time.monotonic() + START_DELAY
        while self.session.state is State.RUNNING:
            deadline = self.session.next_deadline()
            now = time.monotonic()
            if deadline is not None and deadline > now:
                time.sleep(min(deadline - now, 0.05))
            self.session.tick(time.monotonic())
            if during is not None:
                during(time.monotonic() - self.started)
        self.finished_at = time.monotonic()
        end = time.monotonic() + 3
        while self.player.busy() and time.monotonic() < end:
            time.sleep(0.05)
        time.sleep(0.3)

    def close(self) -> None:
        self.player.close()


def quiet_settings(context: AppContext) -> AppContext:
    """Speech only (tones off): each onset is the phrase itself."""
    context.settings = context.settings.with_changes(sounds_enabled=False)
    return context


# ---------------------------------------------------------------- the tests


SHORTEST = QUICK.replace("reps = 2", "reps = 1")  # 5 s: "Get ready", "1", three beats, done


def test_ten_terminal_workouts_from_fresh_caches_sound_every_beat_on_time(
    pulse: ra.PulseServer, tmp_path: Path
) -> None:
    protocol = tmp_path / "shortest.toml"
    protocol.write_text(SHORTEST, encoding="utf-8")
    plan = build_plan(parse_protocol(SHORTEST))
    all_beats: list[float] = []
    problems: list[str] = []
    for run in range(10):
        basedir = tmp_path / f"run{run}"  # a fresh speech cache every time
        write_settings(basedir, sounds_enabled=False)
        rec = ra.Recorder(pulse.env)
        rec.wait_started()
        started = time.monotonic()
        proc, _env = run_cli(basedir, protocol)
        lines, errors = follow_cli(proc)
        time.sleep(0.3)
        recording = rec.stop()
        assert proc.returncode == 0, errors
        assert lines and lines[-1][1]["text"] == "Workout complete", errors
        assert time.monotonic() - started < plan.total + 15, "the run reached its end in time"
        results, beats = measure(
            recording, plan, cli_dues(plan, lines), basedir / "cache" / "speech"
        )
        heard = [u for u, off in results if off is not None]
        missing = [u for u, off in results if off is None and u.priority is Priority.BEAT]
        if missing or results[0][1] is None:
            problems.append(f"run {run}: {describe(results)} | stderr: {errors.strip()}")
        assert len(heard) >= len(results) - 1 or problems
        all_beats.extend(beats)
    assert not problems, "\n".join(problems)
    spread = ra.spread_ms(all_beats)
    assert spread["max_ms"] <= 1000 * SPREAD_LIMIT, spread


def test_a_window_workout_sounds_every_beat_on_time_and_never_freezes(
    pulse: ra.PulseServer, qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer

    from glute_timer.gui.keep_awake import ScreenAwake
    from glute_timer.gui.main_window import MainWindow
    from glute_timer.qt_compat import protect_none

    protect_none()
    context = quiet_settings(AppContext.create(tmp_path / "base"))
    protocol = parse_protocol(LONGER)
    plan = build_plan(protocol)
    dues = DueRecorder(plan)
    window = MainWindow(
        context, session_listeners=[dues], screen_awake=ScreenAwake(platform="test")
    )
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.audio is not None, timeout=5000)
    # The start panel shows the protocol first, as it does for a user: sound gets ready.
    window.warm_audio(protocol)
    player = window.audio.player  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: (
            player.engine is not None
            and player.engine.ready
            and player.ready_phrases() == player.wanted_phrases() > 0
        ),
        timeout=20000,
    )
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    watchdog = QTimer()
    watchdog.setInterval(50)
    watchdog.timeout.connect(beat)
    watchdog.start()
    rec = ra.Recorder(pulse.env)
    rec.wait_started()
    try:
        driver = window.start_workout(protocol, "longer")
        assert driver is not None
        started = time.monotonic()
        with qtbot.waitSignal(driver.finished, timeout=int(plan.total * 1000) + 10000):
            pass
        finished = time.monotonic()
        qtbot.wait(1500)  # the last cue sounds
    finally:
        watchdog.stop()
        recording = rec.stop()
        window.close()
    assert finished - started == pytest.approx(plan.total + START_DELAY, abs=0.2)
    assert max(gaps) < 0.5, "the window's event loop never stalled"
    results, beats = measure(recording, plan, dues.dues, context.paths.speech_cache_dir)
    assert all(off is not None for _u, off in results), describe(results)
    spread = ra.spread_ms(beats)
    assert spread["max_ms"] <= 1000 * SPREAD_LIMIT, (spread, describe(results))


def test_a_window_workout_started_from_the_command_line_sounds_its_first_cue(
    pulse: ra.PulseServer, qtbot: Any, tmp_path: Path
) -> None:
    """``glute-timer run FILE`` starts the workout as the window opens, before its sound
    plays: it waits for the sound, so no cue goes unheard, the first one included."""
    from glute_timer.gui.keep_awake import ScreenAwake
    from glute_timer.gui.main_window import MainWindow
    from glute_timer.qt_compat import protect_none

    protect_none()
    context = quiet_settings(AppContext.create(tmp_path / "base"))
    path = tmp_path / "longer.toml"
    path.write_text(LONGER, encoding="utf-8")
    plan = build_plan(parse_protocol(LONGER))
    dues = DueRecorder(plan)
    window = MainWindow(
        context, session_listeners=[dues], screen_awake=ScreenAwake(platform="test")
    )
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    rec = ra.Recorder(pulse.env)
    rec.wait_started()
    try:
        window.show()
        qtbot.waitExposed(window)
        window.run_spec(str(path), as_written=True)  # what the launcher does for "run FILE"
        driver = window.driver
        assert driver is not None
        with qtbot.waitSignal(driver.finished, timeout=int(plan.total * 1000) + 15000):
            pass
        qtbot.wait(1500)  # the last cue sounds
    finally:
        recording = rec.stop()
        window.close()
    results, _beats = measure(recording, plan, dues.dues, context.paths.speech_cache_dir)
    assert results and results[0][1] is not None, describe(results)
    assert all(off is not None for _u, off in results), describe(results)


def test_the_engine_killed_or_hung_mid_workout_comes_back(
    pulse: ra.PulseServer,
    recorder: Callable[[], ra.Recording],
    tmp_path: Path,
) -> None:
    """The workout ends on time, the player never blocks, the next cues sound again and
    the user is told once each."""
    context = quiet_settings(AppContext.create(tmp_path / "base"))
    plan = build_plan(parse_protocol(LONGER))  # 14 s
    run = InProcessRun(context, plan)
    try:
        run.prepare()
        engine = run.player.engine
        assert engine is not None
        done: list[str] = []

        def during(elapsed: float) -> None:
            pid = engine.status.pid
            if elapsed > 3.5 and "kill" not in done and pid:
                os.killpg(pid, signal.SIGKILL)  # a crash
                done.append("kill")
            elif elapsed > 9.0 and "hang" not in done and engine.ready and engine.status.pid:
                os.kill(int(engine.status.pid), signal.SIGSTOP)  # a hang
                done.append("hang")

        run.run(during)
        recording = recorder()
    finally:
        run.close()
    assert run.finished_at is not None
    assert run.finished_at - run.started == pytest.approx(plan.total, abs=0.15)
    assert done == ["kill", "hang"]
    assert engine.status.starts >= 3, "a new engine after the kill and after the hang"
    results, _beats = measure(recording, plan, run.dues, context.paths.speech_cache_dir)
    for window_start, window_end in ((0.0, 3.5), (5.5, 9.0), (12.5, plan.total + 0.1)):
        part = [(u, off) for u, off in results if window_start <= u.at < window_end]
        assert part and all(off is not None for _u, off in part), describe(results)
    assert any("restarted" in text for text in run.messages), run.messages
    assert any("stopped responding" in text for text in run.messages), run.messages


def test_a_sound_server_restarted_mid_workout_is_found_again(
    pulse: ra.PulseServer, tmp_path: Path
) -> None:
    context = quiet_settings(AppContext.create(tmp_path / "base"))
    plan = build_plan(parse_protocol(LONGER))
    run = InProcessRun(context, plan)
    recordings: list[ra.Recording] = []
    rec = ra.Recorder(pulse.env)
    rec.wait_started()
    try:
        run.prepare()
        restarted: list[float] = []

        def during(elapsed: float) -> None:
            nonlocal rec
            if elapsed > 3.0 and not restarted:
                recordings.append(rec.stop())
                pulse.restart()
                rec = ra.Recorder(pulse.env)
                rec.wait_started()
                restarted.append(time.monotonic())

        run.run(during)
        recordings.append(rec.stop())
    finally:
        run.close()
        with contextlib.suppress(Exception):
            rec.stop()
    assert run.finished_at is not None
    assert run.finished_at - run.started == pytest.approx(plan.total, abs=0.15)
    results, _ = measure(recordings[-1], plan, run.dues, context.paths.speech_cache_dir)
    late = [(u, off) for u, off in results if u.at >= 9.0]
    assert late and all(off is not None for _u, off in late), describe(results)
    assert any("back" in text for text in run.messages), run.messages


def start_music(pulse: ra.PulseServer, tmp_path: Path) -> subprocess.Popen[bytes]:
    tone = ra.music_tone(tmp_path / "music.wav")
    proc = subprocess.Popen(
        ["paplay", f"--device={ra.MUSIC_SINK}", "--property=media.role=music", str(tone)],
        env=pulse.env,
    )
    deadline = time.monotonic() + 10
    while not any(s.get("media.role") == "music" for s in pulse.sink_inputs()):
        assert time.monotonic() < deadline, "the music never started"
        time.sleep(0.05)
    return proc


def music_volume(pulse: ra.PulseServer) -> int:
    for stream in pulse.sink_inputs():
        if stream.get("media.role") == "music":
            return int(stream["volume"])
    raise AssertionError("no music stream")


def test_music_is_lowered_under_each_cue_and_restored_after_the_run(
    pulse: ra.PulseServer, tmp_path: Path
) -> None:
    context = quiet_settings(AppContext.create(tmp_path / "base"))
    context.settings = context.settings.with_changes(duck_db=12.0)
    plan = build_plan(parse_protocol(QUICK))
    music = start_music(pulse, tmp_path)
    rec = ra.Recorder(pulse.env, ra.MUSIC_SINK)
    rec.wait_started()
    run = InProcessRun(context, plan)
    try:
        run.prepare()
        time.sleep(0.5)
        run.run()
        time.sleep(0.5)
        recording = rec.stop()
        assert music_volume(pulse) == 100, "restored after the run"
        outcomes = [(o.start, o.text) for o in (run.player.outcomes or [])]
    finally:
        run.close()
        music.kill()
        music.wait(timeout=5)
    del outcomes
    base = ra.level_db(recording, run.started - 1.0, run.started - 0.2)
    assert base > -20, "the music was recorded"
    cache = context.paths.speech_cache_dir
    texts = spoken_texts(plan, cache)
    engine = candidates()[0].engine_id()
    for u in build_utterances(plan):
        due = run.dues[u.index]
        length = wav_duration(phrase_path(cache, texts[u.index], None, 175, engine)) or 0.3
        under = ra.level_db(recording, due + 0.05, due + min(length, 0.3))
        assert under <= base - 6, (u.full_text, base, under)
    last = max(run.dues.values())
    last_u = build_utterances(plan)[-1]
    end = last + (wav_duration(phrase_path(cache, texts[last_u.index], None, 175, engine)) or 0.5)
    after = ra.level_db(recording, end + 0.3, end + 0.6)
    assert after >= base - 1, (base, after)


def test_music_comes_back_when_the_app_is_killed_during_a_cue(
    pulse: ra.PulseServer, tmp_path: Path
) -> None:
    protocol = tmp_path / "quick.toml"
    protocol.write_text(QUICK, encoding="utf-8")
    basedir = tmp_path / "base"
    write_settings(basedir, duck_db=20.0)
    music = start_music(pulse, tmp_path)
    proc, _env = run_cli(basedir, protocol)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if json.loads(line)["text"] == "1":
                break
        deadline = time.monotonic() + 2
        while music_volume(pulse) == 100 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert music_volume(pulse) < 100, "lowered under the cue"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)
        deadline = time.monotonic() + 3
        while music_volume(pulse) != 100 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert music_volume(pulse) == 100, "the engine restored the music after the kill"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=5)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
        music.kill()
        music.wait(timeout=5)
