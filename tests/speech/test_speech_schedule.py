"""The cue rules (joining, fitting, sending ahead, stale drop, interrupts, phrases not ready,
tones) with a fake speaker on a fake clock: no processes, no audio, no sleeping."""

from __future__ import annotations

from typing import Any

import pytest

from glute_timer.core.clock import FakeClock
from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.protocol import protocol_from_dict
from glute_timer.core.session import Session
from glute_timer.speech.schedule import (
    INFO_GRACE,
    LEAD,
    STALE_AFTER,
    Conductor,
    Outcome,
    build_utterances,
    estimate_duration,
    join_phrases,
    phrases_for,
)

START = 1000.0


def rel(t: float) -> float:
    return round(t - START, 3)


class FakeSpeaker:
    """Records (start, text) for every utterance it is given, when it was given it, and
    the moments it was told to stop.

    Every phrase counts as rendered, with the length in ``lengths`` or one estimated from
    its words; phrases in ``unrendered`` are not ready, and are spoken live (at once)
    only while ``live`` is true."""

    def __init__(self, clock: FakeClock, lengths: dict[str, float] | None = None) -> None:
        self.clock = clock
        self.lengths = lengths or {}
        self.unrendered: set[str] = set()
        self.live = True
        self.spoken: list[tuple[float, str]] = []
        self.handed: list[float] = []  # the clock reading when each was handed over
        self.live_spoken: list[tuple[float, str]] = []
        self.stops: list[float] = []
        self.can_speak = True

    def duration(self, text: str) -> float | None:
        if text in self.unrendered:
            return None
        return self.lengths.get(text, estimate_duration(text, 175))

    def speak(self, text: str, at: float) -> bool:
        if not self.can_speak:
            return False
        assert at >= self.clock() - 1e-9, "never scheduled in the past"
        self.spoken.append((rel(at), text))
        self.handed.append(rel(self.clock()))
        return True

    def speak_now(self, text: str) -> bool:
        if not (self.live and self.can_speak):
            return False
        self.live_spoken.append((rel(self.clock()), text))
        return True

    def stop(self, at: float | None = None) -> None:
        self.stops.append(rel(self.clock() if at is None else at))


class FakeTones:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.played: list[tuple[float, str]] = []
        self.stopped = 0

    def play(self, name: str, at: float) -> None:
        self.played.append((rel(at), name))

    def stop(self) -> None:
        self.stopped += 1


def make_plan(**block: Any) -> Plan:
    data: dict[str, Any] = {
        "format": 1,
        "name": "Test",
        "lead_in": block.pop("lead_in", 5),
        "block": [
            {
                "exercise": "glute-bridge",
                "sets": 2,
                "reps": 2,
                "tempo": {"lift": 1, "hold": 1, "lower": 1},
                "rest": 6,
                **block,
            }
        ],
    }
    return build_plan(protocol_from_dict(data))


class Rig:
    """A session and a conductor on one fake clock, driven as the player drives them:
    the clock jumps to whichever comes first, the conductor's wakeup or the session's
    next deadline, plus ``late`` seconds for the session."""

    def __init__(self, plan: Plan, lengths: dict[str, float] | None = None, **options: Any):
        self.clock = FakeClock(START)
        self.speaker = FakeSpeaker(self.clock, lengths)
        self.tones = FakeTones(self.clock)
        self.outcomes: list[Outcome] = []
        self.conductor = Conductor(
            self.speaker, self.tones, on_outcome=self.outcomes.append, **options
        )
        self.conductor.load(plan)
        self.session = Session(plan, self.clock, wall_clock=self.clock.wall)
        self.session.subscribe(lambda event: self.conductor.handle(event, self.clock()))

    def start(self, delay: float = 0.0) -> None:
        self.session.start(delay)

    def run_until(self, offset: float, late: float = 0.0, *, timers: bool = True) -> None:
        """``timers=False``: the conductor's own wakeups never come (a starved player);
        only the session's events reach it."""
        end = START + offset
        while True:
            times = [end]
            wakeup = self.conductor.next_wakeup()
            if wakeup is not None and timers:
                times.append(wakeup)
            deadline = self.session.next_deadline()
            if deadline is not None:
                times.append(deadline + late)
            target = max(min(times), self.clock())
            self.clock.set(target)
            if timers:
                self.conductor.poll(self.clock())
            self.session.tick(self.clock())
            if target >= end:
                return

    def texts(self) -> list[str]:
        return [text for _, text in self.speaker.spoken]


def test_cues_of_one_instant_are_joined_into_one_utterance() -> None:
    plan = make_plan()
    first_lift = next(u for u in build_utterances(plan) if len(u.cues) == 2)
    assert first_lift.parts == ("Glute bridge. Set 1 of 2", "1, Lift")
    assert first_lift.full_text == "Glute bridge. Set 1 of 2. 1, Lift"
    assert first_lift.beat_text == "1, Lift"
    assert join_phrases(["Done!", "Rest"]) == "Done! Rest"


def test_rep_numbers_can_be_left_out() -> None:
    plan = make_plan()
    assert "Lift" in phrases_for(plan, speak_rep_numbers=False)
    assert not any(", Lift" in p for p in phrases_for(plan, speak_rep_numbers=False))
    assert "2, Lift" in phrases_for(plan, speak_rep_numbers=True)
    rig = Rig(plan, speak_rep_numbers=False)
    rig.start()
    rig.run_until(10)
    assert "Lift" in rig.texts() and "2, Lift" not in rig.texts()


def test_a_title_that_would_run_into_the_next_beat_gives_way_to_the_rep() -> None:
    plan = make_plan()  # lift lasts 1 s: the title cannot fit before "Hold"
    rig = Rig(plan, lengths={"Glute bridge. Set 1 of 2. 1, Lift": 2.1})
    rig.start()
    rig.run_until(6)
    assert (5.0, "1, Lift") in rig.speaker.spoken
    assert "Glute bridge. Set 1 of 2. 1, Lift" not in rig.texts()


def test_a_title_that_fits_is_spoken_with_the_rep() -> None:
    plan = make_plan(tempo={"lift": 4, "hold": 1, "lower": 1})
    text = "Glute bridge. Set 1 of 2. 1, Lift"
    rig = Rig(plan, lengths={text: 2.1})
    rig.start()
    rig.run_until(6)
    assert (5.0, text) in rig.speaker.spoken
    # Unrendered, the estimate decides the same way.
    assert 5 + estimate_duration(text, 175) < 9 - 0.1


def test_every_cue_is_handed_over_early_with_its_exact_time_and_never_twice() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(plan.total + 1)
    utterances = build_utterances(plan)
    assert len(rig.speaker.spoken) == len(utterances)
    for (at, _), handed, utterance in zip(
        rig.speaker.spoken, rig.speaker.handed, utterances, strict=True
    ):
        assert at == pytest.approx(utterance.at, abs=1e-6)
        assert handed == pytest.approx(max(0.0, utterance.at - LEAD), abs=1e-6)
    assert all(o.action == "spoken" for o in rig.outcomes)


def test_a_delayed_start_hands_over_the_first_cue_before_it_is_due() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start(delay=0.3)
    rig.run_until(1)
    assert rig.speaker.spoken[0] == (0.3, "Get ready")
    assert rig.speaker.handed[0] == pytest.approx(0.3 - LEAD, abs=1e-6)  # before its time


def test_countdown_digits_each_start_on_their_own_second_cutting_the_one_before() -> None:
    plan = make_plan()
    # "3" is given a long tail: "2" must still start on its second, cutting it off there.
    rig = Rig(plan, lengths={"3": 1.5, "2": 0.4, "1": 0.4})
    rig.start()
    rig.run_until(5)
    digits = [(at, text) for at, text in rig.speaker.spoken if text in ("3", "2", "1")]
    assert digits == [(2.0, "3"), (3.0, "2"), (4.0, "1")]
    assert 3.0 in rig.speaker.stops


def test_a_beat_interrupts_a_long_announcement() -> None:
    plan = make_plan()
    rest_text = next(p for p in phrases_for(plan) if p.startswith("Rest"))
    rig = Rig(plan, lengths={rest_text: 4.5})  # runs past the rest's "3" at +3 s
    rig.start()
    rig.run_until(plan.total + 1)
    rest_at = next(at for at, text in rig.speaker.spoken if text == rest_text)
    assert (rest_at + 3, "3") in rig.speaker.spoken
    assert rest_at + 3 in rig.speaker.stops


def test_a_less_important_cue_follows_the_one_speaking_or_is_dropped() -> None:
    # "10 seconds" (a warning) falls while a long hold's "Hold" beat is still speaking.
    plan = make_plan(sets=1, reps=1, tempo={"lift": 1, "hold": 11, "lower": 1}, lead_in=0)
    # Hold at 1 s; the warning at 2 s; "Hold" lasts until 2.2 s: the warning follows it.
    rig = Rig(plan, lengths={"Hold": 1.2})
    rig.start()
    rig.run_until(3)
    assert (2.2, "10 seconds") in rig.speaker.spoken
    # If "Hold" ran on for a whole second more, the warning would be stale: dropped.
    rig = Rig(plan, lengths={"Hold": 2.5})
    rig.start()
    rig.run_until(3)
    assert "10 seconds" not in rig.texts()
    assert any(o.action == "dropped-busy" for o in rig.outcomes)


def test_stale_cues_are_dropped_never_played_late() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(plan.total + 1, late=STALE_AFTER + 0.2, timers=False)
    assert rig.texts() == ["Get ready"]  # at start(): on time; every later one is stale
    assert sum(o.action == "dropped-stale" for o in rig.outcomes) == len(build_utterances(plan)) - 1


def test_cues_reached_only_through_session_events_play_if_fresh() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(plan.total + 1, late=STALE_AFTER - 0.1, timers=False)
    assert len(rig.speaker.spoken) == len(build_utterances(plan))


def test_a_late_session_does_not_make_cues_late() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(plan.total + 1, late=0.2)  # the session ticks 200 ms late throughout
    for at, _ in rig.speaker.spoken[1:]:
        assert at % 1 == pytest.approx(0, abs=1e-6)


def test_pause_silences_and_resume_keeps_the_beat() -> None:
    plan = make_plan()
    rig = Rig(plan, lengths={"Get ready": 1.0})
    rig.start()
    rig.run_until(0.5)
    rig.session.pause()
    assert rig.speaker.stops == [0.5]
    assert rig.tones.stopped == 1
    rig.run_until(10.5)  # paused for 10 s: nothing more
    assert rig.texts() == ["Get ready"]
    rig.session.resume()
    rig.run_until(13)  # "3" is at plan offset 2 s, now 10 s later
    assert (12.0, "3") in rig.speaker.spoken


def test_a_cue_handed_over_before_a_pause_is_handed_over_again_after_it() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(1.9)  # "3" (due at 2 s) is already with the speaker ...
    assert (2.0, "3") in rig.speaker.spoken
    rig.session.pause()  # ... and is cancelled by the pause,
    rig.run_until(5)
    rig.session.resume()
    rig.run_until(6)
    assert (5.1, "3") in rig.speaker.spoken  # so it comes again on its beat after it


def test_skip_continues_from_the_new_step_and_cancels_what_was_sent_ahead() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(1)
    rig.session.skip()  # out of the lead-in straight into set 1
    assert rig.speaker.spoken[-1] == (1.0, "1, Lift")
    assert 1.0 in rig.speaker.stops
    rig.run_until(3)
    assert rig.texts()[-2:] == ["Hold", "Lower"]
    assert "3" not in rig.texts()


def test_back_repeats_the_rep() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(9.5)  # rep 2's hold
    rig.session.back()
    assert rig.speaker.spoken[-1] == (9.5, "2, Lift")


def test_a_phrase_not_rendered_in_time_is_spoken_live_at_its_moment() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.speaker.unrendered = {"3"}
    rig.start()
    rig.run_until(5)
    assert (2.0, "3") in rig.speaker.live_spoken  # at its due time, not when handed over
    assert "3" not in rig.texts()
    assert any(o.action == "spoken-live" for o in rig.outcomes)


def test_an_announcement_waits_for_its_phrase_but_never_past_the_next_cue() -> None:
    plan = make_plan()  # "Get ready" at 0, "3" at 2 s
    rig = Rig(plan)
    rig.speaker.unrendered = {"Get ready"}
    rig.speaker.live = False
    rig.start()
    rig.run_until(0.4)
    rig.speaker.unrendered.clear()  # rendered 0.4 s in: spoken then
    rig.run_until(1)
    assert rig.speaker.spoken[0][1] == "Get ready"
    assert 0.4 <= rig.speaker.spoken[0][0] <= 0.4 + 0.051
    # Never rendered: given up when the next utterance is due.
    rig = Rig(plan)
    rig.speaker.unrendered = {"Get ready"}
    rig.speaker.live = False
    rig.start()
    rig.run_until(5)
    assert "Get ready" not in rig.texts()
    assert rig.texts()[:1] == ["3"]
    assert INFO_GRACE >= 2.0


def test_a_beat_never_waits_for_its_phrase() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.speaker.unrendered = {"3"}
    rig.speaker.live = False
    rig.start()
    rig.run_until(2.5)
    rig.speaker.unrendered.clear()
    rig.run_until(5)
    assert "3" not in rig.texts()
    assert any(o.action == "silent" and o.text == "3" for o in rig.outcomes)


def test_tones_mark_the_phases_and_the_ends_on_their_beat() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.start()
    rig.run_until(plan.total + 1)
    names = [name for _, name in rig.tones.played]
    assert names[:4] == ["rest_end", "hold", "lower", "lift"]
    assert rig.tones.played[:3] == [(5.0, "rest_end"), (6.0, "hold"), (7.0, "lower")]
    assert "set_done" in names and names[-1] == "workout_done"
    assert names.count("rest_end") == 2  # after the lead-in and after the rest


def test_tones_play_without_voice_and_nothing_plays_muted() -> None:
    plan = make_plan()
    rig = Rig(plan, voice_enabled=False)
    rig.start()
    rig.run_until(plan.total + 1)
    assert rig.speaker.spoken == [] and rig.tones.played
    rig = Rig(plan)
    rig.conductor.set_muted(True)
    rig.start()
    rig.run_until(plan.total + 1)
    assert rig.speaker.spoken == [] and rig.tones.played == []


def test_a_speaker_that_cannot_speak_leaves_the_workout_alone() -> None:
    plan = make_plan()
    rig = Rig(plan)
    rig.speaker.can_speak = False
    rig.start()
    rig.run_until(plan.total + 1)
    assert rig.session.state.value == "finished"
    assert {o.action for o in rig.outcomes} == {"silent"}


def test_a_beat_that_does_not_fit_drops_its_rep_number() -> None:
    from speech_helpers import short_plan

    from glute_timer.speech.schedule import overruns

    plan = short_plan(lead_in=0, reps=3, tempo={"lift": 1, "hold": 1, "lower": 1})
    lift = next(u for u in build_utterances(plan) if u.beat_text == "3, Lift")
    assert lift.texts() == ["3, Lift", "Lift"]
    lengths = {"3, Lift": 1.05, "Lift": 0.4}
    assert lift.choose_text(lambda text: lengths.get(text, 0.4)) == "Lift"
    assert lift.choose_text(lambda text: 0.8) == "3, Lift"
    title = build_utterances(plan)[0]
    assert title.texts() == ["Glute bridge. 1, Lift", "1, Lift", "Lift"]
    assert title.choose_text(lambda text: 2.0 if "bridge" in text else 1.2) == "Lift"
    assert overruns(plan, lambda text: 0.5) == []
    found = overruns(plan, lambda text: 1.3 if text == "Lower" else 0.5)
    assert [o.text for o in found] == ["Lower"] * 2  # the last one has no beat after it
    assert found[0].over == pytest.approx(0.3)
