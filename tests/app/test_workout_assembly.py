"""One workout assembly for both faces: the terminal run and the window get the same
parts, and the history is handed each tick's events only after that tick's cues."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import CueDue, Event, SetCompleted, State
from glute_timer.workout import COMMANDS, Workout

QUICK = """format = 1
name = "Quick"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 0.5, hold = 0.5, lower = 0.5 }
rest = 3
"""

ORDER = itertools.count()


class FakeAudio:
    start_delay = 0.0

    def __init__(self) -> None:
        self.prepared: list[object] = []

    def prepare(self, plan: object) -> None:
        self.prepared.append(plan)

    def listener(self, event: object) -> None:
        pass

    def busy(self) -> bool:
        return False

    def ready_to_start(self) -> bool:
        return True

    def close(self) -> None:
        pass


class FakeWriter:
    """Stands in for the history writer: notes when it is handed each event."""

    def __init__(self) -> None:
        self.handed: list[tuple[int, Event]] = []
        self.closed = False

    def __call__(self, event: Event) -> None:
        self.handed.append((next(ORDER), event))

    def close(self, timeout: float = 0) -> bool:
        self.closed = True
        return True

    @property
    def saved_sets(self) -> int:
        return sum(isinstance(e, SetCompleted) for _n, e in self.handed)


@pytest.fixture
def writers(monkeypatch: pytest.MonkeyPatch) -> list[FakeWriter]:
    import glute_timer.core.history_recorder as history

    made: list[FakeWriter] = []

    def start(*args: Any, **kwargs: Any) -> FakeWriter:
        made.append(FakeWriter())
        return made[-1]

    monkeypatch.setattr(history, "start_history_writer", start)
    return made


@pytest.fixture
def workouts(monkeypatch: pytest.MonkeyPatch) -> list[Workout]:
    import glute_timer.workout as workout_module

    made: list[Workout] = []
    original = workout_module.Workout.__init__

    def init(self: Workout, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(workout_module.Workout, "__init__", init)
    return made


def test_the_terminal_and_the_window_assemble_the_same_workout(
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    writers: list[FakeWriter],
    workouts: list[Workout],
) -> None:
    import glute_timer.speech.cli as speech_cli
    from glute_timer import cli
    from glute_timer.gui.keep_awake import ScreenAwake
    from glute_timer.gui.main_window import MainWindow

    (tmp_path / "quick.toml").write_text(QUICK, encoding="utf-8")
    terminal_audio = FakeAudio()
    monkeypatch.setattr(speech_cli, "terminal_audio", lambda context: terminal_audio)
    monkeypatch.setattr(speech_cli, "wait_prepared", lambda player: None)
    clock = FakeClock()
    monkeypatch.setattr(cli, "follow", lambda workout, *_a, **_k: workout.stop())
    protocol = str(tmp_path / "quick.toml")
    assert cli.main(["--basedir", str(tmp_path / "b"), "run", protocol, "--no-gui"]) == 0
    terminal = workouts[-1]

    context = AppContext.create(tmp_path / "w")
    window = MainWindow(
        context,
        clock=clock,
        wall_clock=clock.wall,
        audio=FakeAudio(),
        record_history=True,
        screen_awake=ScreenAwake(platform="test"),
        load_voices=False,
    )
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    driver = window.start_workout(parse_protocol(QUICK, "quick.toml"), "quick")
    assert driver is not None
    windowed = workouts[-1]
    assert windowed is driver.workout

    assert terminal.parts == ("audio", "printer", "history")
    assert windowed.parts == ("audio", "window", "history")
    shared = [p for p in terminal.parts if p != "printer"]
    assert shared == [p for p in windowed.parts if p != "window"]
    assert terminal_audio.prepared == [terminal.plan], "the assembly prepares the sound"
    assert len(writers) == 2
    window.close()


def test_the_history_gets_a_tick_s_events_after_its_cues(
    tmp_path: Path, writers: list[FakeWriter]
) -> None:
    clock = FakeClock()
    plan = build_plan(parse_protocol(QUICK, "quick.toml"))
    printed: list[tuple[int, CueDue]] = []

    def printer(event: Event) -> None:
        if isinstance(event, CueDue):
            printed.append((next(ORDER), event))

    workout = Workout(
        AppContext.create(tmp_path), plan, "quick", clock=clock, listeners=[("printer", printer)]
    )
    writer = writers[-1]
    workout.start()
    while workout.session.state is State.RUNNING:
        clock.set(workout.next_deadline() or clock())
        workout.tick()
    # The first set ends at the very moment its rest's cue is due.
    first_set = next(n for n, e in writer.handed if isinstance(e, SetCompleted))
    rest_cue = next(n for n, e in printed if e.cue.phase == "rest")
    assert rest_cue < first_set, "the cue went out before the history was handed the set"
    assert workout.close() == 2 and writer.closed


def test_named_commands_and_commands_from_other_threads(tmp_path: Path) -> None:
    import threading

    clock = FakeClock()
    plan = build_plan(parse_protocol(QUICK, "quick.toml"))
    workout = Workout(AppContext.create(tmp_path), plan, "quick", clock=clock, record=False)
    assert set(COMMANDS) >= {"pause", "resume", "skip", "back", "finish_set", "stop"}
    assert workout.command("toggle") and workout.session.state is State.RUNNING
    results: list[bool | None] = []
    poster = threading.Thread(target=lambda: results.append(workout.post("pause", timeout=5)))
    poster.start()
    while poster.is_alive():
        workout.run_posted()  # the owner's loop
    assert results == [True] and workout.session.state is State.PAUSED
    assert workout.paused_by_user
    with pytest.raises(ValueError):
        workout.command("explode")
    assert workout.post("resume", timeout=0.01) is None  # nobody ran it in time
    workout.run_posted()
    assert workout.session.state is State.RUNNING
