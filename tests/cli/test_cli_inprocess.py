"""The command line in-process, on a fake clock: the same paths, measurable by coverage."""

from __future__ import annotations

import io
import json
import types
from pathlib import Path
from typing import Any

import pytest

from glute_timer import cli
from glute_timer.core.clock import FakeClock
from glute_timer.core.library import resolve_protocol
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import load_protocol
from glute_timer.core.session import (
    CueDue,
    Session,
    SetRecord,
    State,
    Suspended,
)

TINY = """format = 1
name = "Tiny"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 0.5, hold = 0.5, lower = 0.5 }
rest = 2
load = "10 kg"
"""


ORIGINAL_FOLLOW = cli.follow


class FakeTime:
    """Stands in for the ``time`` module inside cli: sleeping moves a fake clock."""

    def __init__(
        self, interrupt_after: int | None = None, error: type[BaseException] = KeyboardInterrupt
    ) -> None:
        self.clock = FakeClock(500.0)
        self.sleeps: list[float] = []
        self.interrupt_after = interrupt_after
        self.error = error

    def monotonic(self) -> float:
        return self.clock()

    def sleep(self, seconds: float) -> None:
        assert 0 < seconds <= cli.MAX_SLEEP
        self.sleeps.append(seconds)
        if self.interrupt_after is not None and len(self.sleeps) >= self.interrupt_after:
            raise self.error
        self.clock.advance(seconds)


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    install(monkeypatch, fake)
    return fake


def install(monkeypatch: pytest.MonkeyPatch, fake: FakeTime) -> None:
    monkeypatch.setattr(
        cli, "time", types.SimpleNamespace(monotonic=fake.monotonic, sleep=fake.sleep)
    )
    follow = ORIGINAL_FOLLOW
    monkeypatch.setattr(
        cli,
        "follow",
        lambda workout, _clock, stop_when: follow(workout, fake.monotonic, fake.sleep, stop_when),
    )


def main(tmp_path: Path, *args: str) -> int:
    return cli.main(["--basedir", str(tmp_path / "base"), *args])


def test_presets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(tmp_path, "presets") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "pre-run\tPre-run activation\t2:05\tbefore-run"
    assert len(out) == 8


def test_plan_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(tmp_path, "plan", "pre-run", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data == build_plan(resolve_protocol("pre-run")[1]).to_json()
    assert main(tmp_path, "plan", "no-equipment-burn") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("No-equipment burn: ")
    assert any(" left " in line and line.endswith("Left side") for line in out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "nope"], "glute-timer: error: nope: no such preset or file"),
        (["plan", "x/missing.toml"], "glute-timer: error: x/missing.toml: file not found"),
        (["plan", "pre-run", "--bad"], "glute-timer: error: unrecognized arguments: --bad"),
        (["run", "pre-run", "--json"], "glute-timer: error: run: --json prints cues"),
    ],
)
def test_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(tmp_path, *args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(message), captured.err


def test_a_corrupt_settings_file_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "base" / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text("{")
    assert main(tmp_path, "presets") == 0
    err = capsys.readouterr().err
    assert err.startswith("glute-timer: warning: Settings file ")
    assert str(settings) in err


def test_a_closed_pipe_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: Any, context: Any) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "cmd_presets", broken)
    assert main(tmp_path, "presets") == 0


def test_no_subcommand_opens_the_gui(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Any] = []
    monkeypatch.setattr(cli, "cmd_gui", lambda args, context: opened.append(context) or 0)
    assert main(tmp_path) == 0
    assert len(opened) == 1
    assert opened[0].paths.config_dir == tmp_path / "base" / "config"


def test_run_follows_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_time: FakeTime
) -> None:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    plan = build_plan(load_protocol(path))
    assert main(tmp_path, "run", str(path), "--no-gui", "--json", "--mute") == 0
    captured = capsys.readouterr()
    assert [json.loads(line) for line in captured.out.splitlines()] == [
        c.to_json() for c in plan.cues
    ]
    assert fake_time.clock() == pytest.approx(500 + plan.total)
    assert captured.err.splitlines() == [
        "Recorded 2 set(s) in the history.",
        "Workout complete. 2 sets done.",
        "  Glute bridge, set 1: 2/2 reps, 10 kg",
        "  Glute bridge, set 2: 2/2 reps, 10 kg",
    ]


@pytest.mark.parametrize("error", [KeyboardInterrupt, cli._Interrupted])
def test_run_interrupted(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: type[BaseException],
) -> None:
    fake = FakeTime(interrupt_after=10, error=error)
    install(monkeypatch, fake)
    assert main(tmp_path, "run", "pre-run", "--no-gui") == cli.EXIT_INTERRUPTED
    out = capsys.readouterr().out.splitlines()
    assert "Get ready" in out[0]
    assert out[-1] == "Workout stopped. 0 sets done."


def test_sigterm_raised_inside_a_listener_still_stops_the_run() -> None:
    # The SIGTERM handler raises wherever the main thread is, possibly inside a listener;
    # the session's guard against failing listeners must not swallow it.
    clock = FakeClock()
    session = Session(build_plan(resolve_protocol("pre-run")[1]), clock)

    def listener(event: object) -> None:
        if isinstance(event, CueDue) and event.cue.text == "3":
            cli._raise_interrupt(15, None)

    session.subscribe(listener)
    session.start()
    clock.advance(2.5)
    with pytest.raises(cli._Interrupted):
        session.tick()


def test_terminal_printer() -> None:
    out = io.StringIO()
    printer = cli.TerminalPrinter(out, as_json=False)
    plan = build_plan(resolve_protocol("no-equipment-burn")[1])
    left = next(c for c in plan.cues if c.side == "left" and c.rep == 1)
    printer(CueDue(cue=left, due=0))
    printer(Suspended(gap=42, at=1))
    text = out.getvalue().splitlines()
    assert text[0].endswith("b2 s1 r1 left    1, Lift")
    assert text[1] == (
        "glute-timer: no tick for 42 s (the machine slept?): going on from where the workout was"
    )
    quiet = io.StringIO()
    cli.TerminalPrinter(quiet, as_json=True)(Suspended(gap=42, at=1))
    assert quiet.getvalue() == ""  # stdout carries cues only in --json mode


class SleepingTime(FakeTime):
    """The machine sleeps for a minute during the sixth wait."""

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if len(self.sleeps) == 6:
            self.clock.advance(60.0)


def test_a_run_goes_on_after_the_machine_slept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = SleepingTime()
    install(monkeypatch, fake)
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    plan = build_plan(load_protocol(path))
    assert main(tmp_path, "run", str(path), "--no-gui", "--json", "--mute") == 0
    captured = capsys.readouterr()
    # Every cue, none raced through, and the workout ends a minute late, not early.
    assert [json.loads(line) for line in captured.out.splitlines()] == [
        c.to_json() for c in plan.cues
    ]
    assert fake.clock() == pytest.approx(500 + plan.total + 60, abs=cli.MAX_SLEEP)
    err = captured.err.splitlines()
    assert err[0].startswith("glute-timer: no tick for 60 s")
    assert err[1:3] == ["Recorded 2 set(s) in the history.", "Workout complete. 2 sets done."]


class PreparingAudio:
    """Cue audio whose preparation is interrupted by Ctrl-C."""

    start_delay = 0.0

    def __init__(self) -> None:
        self.closed = False

    def prepare(self, plan: object) -> None:
        pass

    def listener(self, event: object) -> None:
        pass

    def busy(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True


def test_ctrl_c_while_preparing_is_a_clean_stop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import glute_timer.speech.cli as speech_cli

    audio = PreparingAudio()

    def preparing(player: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(speech_cli, "terminal_audio", lambda context: audio)
    monkeypatch.setattr(speech_cli, "wait_prepared", preparing)
    assert main(tmp_path, "run", "pre-run", "--no-gui") == cli.EXIT_INTERRUPTED
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["Workout stopped. 0 sets done."]
    assert "Traceback" not in captured.err
    assert audio.closed, "the sound is ended on the way out"


def test_summary_lines() -> None:
    record = SetRecord(
        block=1,
        set=1,
        side="left",
        exercise="single-leg-glute-bridge",
        exercise_name="Single-leg glute bridge",
        reps_done=8,
        target=12,
        reps_min=8,
        reps_max=12,
        hold_s=1,
        load="bodyweight",
        started_at=0,
        ended_at=1,
        started_wall=0,
        ended_wall=1,
    )
    assert cli.summary_lines([record], completed=True) == [
        "Workout complete. 1 set done.",
        "  Single-leg glute bridge (left), set 1: 8/12 reps",
    ]
    assert cli.summary_lines([], completed=False) == ["Workout stopped. 0 sets done."]


def test_follow_returns_when_the_session_ends(tmp_path: Path) -> None:
    from glute_timer.context import AppContext
    from glute_timer.workout import Workout

    clock = FakeClock()
    plan = build_plan(resolve_protocol("isometric-hold-30")[1])
    workout = Workout(AppContext.create(tmp_path), plan, "x", clock=clock, record=False)
    workout.start()
    workout.stop()
    cli.follow(workout, clock, lambda seconds: clock.advance(seconds))
    assert workout.session.state is State.STOPPED
