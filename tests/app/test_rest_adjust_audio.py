"""The cue audio follows a rest made longer or shorter: the workout tells the conductor of
the moved timeline, and the rest's cues sound at their new times, never late."""

from __future__ import annotations

from pathlib import Path

import pytest

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.protocol import protocol_from_dict
from glute_timer.core.session import Event, RestAdjusted, StepStarted
from glute_timer.speech.schedule import Conductor, estimate_duration
from glute_timer.workout import Workout

START = 1000.0


class Voice:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.spoken: list[tuple[float, str]] = []

    def duration(self, text: str) -> float | None:
        return estimate_duration(text, 175)

    def speak(self, text: str, at: float) -> bool:
        assert at >= self.clock() - 1e-9
        self.spoken.append((round(at - START, 3), text))
        return True

    def speak_now(self, text: str) -> bool:
        return False

    def stop(self, at: float | None = None) -> None:
        pass


class Tones:
    def play(self, name: str, at: float) -> None:
        pass

    def stop(self) -> None:
        pass


class ConductorAudio:
    """The conductor as a workout's audio (what the cue player does, without sound)."""

    start_delay = 0.0

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.voice = Voice(clock)
        self.conductor = Conductor(self.voice, Tones())
        self.heard: list[Event] = []

    def prepare(self, plan: Plan) -> None:
        self.conductor.load(plan)

    def listener(self, event: Event) -> None:
        self.heard.append(event)
        self.conductor.handle(event, self.clock())


def rig(tmp_path: Path) -> tuple[Workout, ConductorAudio, FakeClock, Plan]:
    plan = build_plan(
        protocol_from_dict(
            {
                "format": 1,
                "name": "Rest test",
                "lead_in": 2,
                "block": [
                    {
                        "exercise": "glute-bridge",
                        "sets": 2,
                        "reps": 1,
                        "tempo": {"lift": 1, "hold": 1, "lower": 1},
                        "rest": 20,
                    }
                ],
            }
        )
    )
    clock = FakeClock(START)
    audio = ConductorAudio(clock)
    context = AppContext.create(tmp_path / "base")
    workout = Workout(context, plan, "rest-test", clock=clock, audio=audio, record=False)
    return workout, audio, clock, plan


def run_until(workout: Workout, audio: ConductorAudio, clock: FakeClock, offset: float) -> None:
    """Wake at whichever comes first, the conductor's or the session's, up to ``offset``."""
    end = START + offset
    while True:
        times = [end]
        for t in (audio.conductor.next_wakeup(), workout.next_deadline()):
            if t is not None:
                times.append(t)
        clock.set(max(min(times), clock()))
        audio.conductor.poll(clock())
        workout.tick(clock())
        if clock() >= end:
            return


def test_a_longer_rest_moves_its_countdown(tmp_path: Path) -> None:
    workout, audio, clock, plan = rig(tmp_path)
    rest = next(s for s in plan.steps if s.phase == "rest")
    workout.start()
    run_until(workout, audio, clock, rest.start + 5)
    assert workout.rest_plus()
    # The conductor hears the moved timeline as the rest's start on it.
    assert not any(isinstance(e, RestAdjusted) for e in audio.heard)
    moved = [e for e in audio.heard if isinstance(e, StepStarted) and e.step is rest]
    assert moved[-1].due == pytest.approx(START + rest.start + 15)
    run_until(workout, audio, clock, rest.end + 15 + 0.5)
    spoken = dict((text, at) for at, text in audio.voice.spoken)
    assert spoken["10 seconds"] == pytest.approx(rest.end + 15 - 10)
    assert spoken["3"] == pytest.approx(rest.end + 15 - 3)
    assert spoken["1"] == pytest.approx(rest.end + 15 - 1)
    assert not [t for at, t in audio.voice.spoken if t == "3" and at < rest.end + 14 - 3]


def test_a_shorter_rest_never_plays_its_lost_cues_late(tmp_path: Path) -> None:
    workout, audio, clock, plan = rig(tmp_path)
    rest = next(s for s in plan.steps if s.phase == "rest")
    workout.start()
    run_until(workout, audio, clock, rest.end - 5)
    before = len(audio.voice.spoken)
    assert workout.rest_minus()  # 5 s left: the rest ends now
    run_until(workout, audio, clock, rest.end - 5 + 1.5)
    after = audio.voice.spoken[before:]
    assert [text for _, text in after] == ["1, Lift", "Hold"]  # no 3-2-1, nothing late
    assert after[0][0] == pytest.approx(rest.end - 5)
