"""The coach's double progression, on histories made by real sessions on a fake clock."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest
from coach_helpers import DAY0, history, make_protocol, past_sets, perform
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glute_timer.core.library import resolve_protocol
from glute_timer.core.progression import (
    LoadSteps,
    PastSession,
    advise,
    apply_advice,
    decreased,
)
from glute_timer.core.protocol import Load

TOP = [15, 15, 15]


def only(protocol_sessions: list[PastSession], protocol: object, steps: LoadSteps | None = None):
    advice = advise(protocol, protocol_sessions, steps)
    assert len(advice.blocks) == 1
    return advice.blocks[0]


# ---------------------------------------------------------------- the six rules, one by one


def test_no_history_is_the_protocol_as_written() -> None:
    protocol = make_protocol("40 kg")
    block = only([], protocol)
    assert (block.rule, block.load.text, block.target, block.hold) == ("as-written", "40 kg", 15, 1)
    assert block.reason == "no history yet: as written"
    assert apply_advice(protocol, advise(protocol, [])) == protocol


def test_every_set_at_the_top_adds_one_step() -> None:
    protocol = make_protocol("40 kg")
    block = only(history([protocol], [TOP]), protocol)
    assert block.rule == "increase" and block.load.text == "42.5 kg"
    assert block.reason == "every set reached 15: try 42.5 kg"
    assert block.last_time == "15 · 15 · 15 at 40 kg"
    assert block.last_day == DAY0


def test_the_step_is_a_setting_per_unit() -> None:
    protocol = make_protocol("40 kg")
    assert only(history([protocol], [TOP]), protocol, LoadSteps(kg=1.25)).load.text == "41.25 kg"
    pounds = make_protocol("95 lb")
    block = only(history([pounds], [TOP]), pounds)
    assert (block.load.text, block.reason) == ("100 lb", "every set reached 15: try 100 lb")
    assert only(history([pounds], [TOP]), pounds, LoadSteps(lb=2.5)).load.text == "97.5 lb"


def test_a_set_below_the_top_keeps_the_load_and_aims_for_the_top() -> None:
    protocol = make_protocol("40 kg")
    block = only(history([protocol], [[15, 13, 11]]), protocol)
    assert (block.rule, block.load.text, block.target) == ("same", "40 kg", 15)
    assert block.reason == "not every set reached 15: stay at 40 kg"
    assert block.last_time == "15 · 13 · 11 at 40 kg"


def test_a_target_below_the_top_aims_for_the_top_after_a_short_session() -> None:
    text = make_protocol("40 kg")
    protocol = replace(text, blocks=(replace(text.blocks[0], target=12),))
    block = only(history([protocol], [[12, 12, 12]]), protocol)
    assert (block.rule, block.target) == ("same", 15)


def test_below_the_bottom_in_the_last_two_sessions_takes_about_ten_percent_off() -> None:
    protocol = make_protocol("40 kg")
    block = only(history([protocol, protocol], [[12, 9, 8], [11, 10, 9]]), protocol)
    assert (block.rule, block.load.text) == ("decrease", "35 kg")  # 36 rounded down to 2.5
    assert block.reason == "below 10 in the last two sessions: try 35 kg (about 10 % less)"
    # Once is not enough: the same load.
    once = only(history([protocol, protocol], [TOP, [12, 9, 8]]), protocol)
    assert (once.rule, once.load.text) == ("same", "40 kg")


def test_a_bodyweight_block_at_the_top_twice_running_takes_the_librarys_next_step() -> None:
    protocol = make_protocol("bodyweight", exercise="glute-bridge", hold=0)
    once = only(history([protocol], [TOP]), protocol)
    assert once.rule == "repeat" and once.exercise == "glute-bridge"
    assert once.reason == "every set reached 15: once more, then the next step"
    twice = only(history([protocol, protocol], [TOP, TOP]), protocol)
    assert (twice.rule, twice.exercise, twice.per_side) == (
        "next-step",
        "single-leg-glute-bridge",
        True,
    )
    assert twice.reason == "every set reached 15 twice running: try single-leg glute bridge"
    run = apply_advice(protocol, advise(protocol, history([protocol, protocol], [TOP, TOP])))
    assert run.blocks[0].exercise == "single-leg-glute-bridge" and run.blocks[0].per_side


def test_bodyweight_hip_thrust_leads_to_the_barbell_at_its_first_load() -> None:
    protocol = make_protocol("bodyweight", exercise="bodyweight-hip-thrust")
    sessions = history([protocol, protocol], [TOP, TOP])
    block = only(sessions, protocol)
    assert (block.exercise, block.load.text) == ("barbell-hip-thrust", "20 kg")
    assert only(sessions, protocol, LoadSteps(units="lb")).load.text == "45 lb"
    # The next session runs that, and its history continues the chain with loads.
    barbell = apply_advice(protocol, advise(protocol, sessions))
    later = history([protocol, protocol, barbell], [TOP, TOP, TOP])
    assert only(later, protocol).load.text == "22.5 kg"


def test_an_isometric_hold_held_in_full_twice_running_holds_a_second_longer() -> None:
    _, protocol = resolve_protocol("isometric-hold-30")
    once = only(history([protocol], [[1]]), protocol)
    assert (once.rule, once.hold) == ("repeat", 30)
    twice = only(history([protocol, protocol], [[1], [1]]), protocol)
    assert (twice.rule, twice.hold, twice.target) == ("longer-hold", 31, 1)
    assert twice.reason == "you held the full 30 s twice running: hold 31 s"
    assert twice.last_time == "30 s"


def test_a_hard_rating_holds_the_increase_back() -> None:
    protocol = make_protocol("40 kg")
    block = only(history([protocol], [TOP], efforts=[2, 2, 3]), protocol)
    assert (block.rule, block.load.text) == ("hard", "40 kg")
    assert block.reason == "every set reached 15, but you rated set 3 hard: stay at 40 kg"
    easy = only(history([protocol], [TOP], efforts=[1, 1, 2]), protocol)
    assert easy.rule == "increase"
    bodyweight = make_protocol("bodyweight", exercise="glute-bridge", hold=0)
    hard = only(history([bodyweight] * 2, [TOP, TOP], efforts=[None, 3]), bodyweight)
    assert hard.rule == "hard" and hard.exercise == "glute-bridge"


def test_skipped_and_stopped_sets_never_count_as_reaching_the_top() -> None:
    protocol = make_protocol("40 kg")
    skipped = only(history([protocol], [[15, 0, 15]]), protocol)  # set 2 skipped at once
    assert skipped.rule == "same" and skipped.last_time == "15 · 15 · – at 40 kg"
    stopped = only(history([protocol], [TOP], stop_after=2), protocol)
    assert stopped.rule == "same" and stopped.last_time == "15 · 15 · – at 40 kg"
    # A rep skipped half-way does not count either: 14 of 15.
    records = perform(protocol, [15, 15, 14])
    assert [r.reps_done for r in records] == [15, 15, 14]


def test_a_set_done_lighter_than_planned_is_not_at_the_top() -> None:
    protocol = make_protocol("40 kg")
    records = list(perform(protocol, TOP))
    records[1] = replace(records[1], load="37.5 kg")
    sessions = [PastSession(DAY0, protocol, past_sets(records))]
    assert only(sessions, protocol).rule == "same"
    records[1] = replace(records[1], load="45 kg")  # heavier is fine: from the lightest
    sessions = [PastSession(DAY0, protocol, past_sets(records))]
    block = only(sessions, protocol)
    assert (block.rule, block.load.text) == ("increase", "42.5 kg")
    assert block.last_time == "15 at 40 kg · 15 at 45 kg · 15 at 40 kg"


def test_the_suggestion_follows_the_last_session_not_the_file() -> None:
    protocol = make_protocol("40 kg")
    first = advise(protocol, history([protocol], [TOP]))
    heavier = apply_advice(protocol, first)  # what run does by default: 42.5 kg
    block = only(history([protocol, heavier], [TOP, TOP]), protocol)
    assert block.load.text == "45 kg"


def test_a_protocol_changed_since_is_as_written() -> None:
    old = make_protocol("40 kg", exercise="weighted-glute-bridge")
    new = make_protocol("40 kg")
    block = only(history([old], [TOP]), new)
    assert block.rule == "as-written"


def test_sessions_without_a_copy_of_the_protocol_are_read_from_their_sets() -> None:
    protocol = make_protocol("40 kg")
    sessions = [replace(s, protocol=None) for s in history([protocol], [TOP])]
    assert only(sessions, protocol).load.text == "42.5 kg"


def test_per_side_sets_need_both_sides() -> None:
    protocol = make_protocol(
        "bodyweight", exercise="single-leg-glute-bridge", reps="8-12", per_side=True
    )
    both = [12, 12, 12, 12, 12, 12]
    assert only(history([protocol] * 2, [both, both]), protocol).rule == "longer-hold"
    one_side_short = [12, 12, 12, 11, 12, 12]
    assert only(history([protocol] * 2, [both, one_side_short]), protocol).rule == "same"


@pytest.mark.parametrize(
    ("load", "step", "expected"),
    [
        ("40 kg", 2.5, "35 kg"),
        ("20 kg", 2.5, "17.5 kg"),
        ("42.5 kg", 2.5, "37.5 kg"),
        ("100 lb", 5, "90 lb"),
        ("3 kg", 2.5, "2.5 kg"),
        ("2.5 kg", 2.5, "2.5 kg"),  # one step already: stays
        ("bodyweight", 2.5, "bodyweight"),
    ],
)
def test_decreases_round_down_to_the_step(load: str, step: float, expected: str) -> None:
    assert decreased(Load(load), step).text == expected


def test_json_of_a_block() -> None:
    protocol = make_protocol("40 kg")
    block = only(history([protocol], [TOP]), protocol)
    assert block.to_json() == {
        "block": 1,
        "exercise": "barbell-hip-thrust",
        "load": "42.5 kg",
        "target": 15,
        "hold": 1,
        "reason": "every set reached 15: try 42.5 kg",
    }


# ---------------------------------------------------------------- properties


UNITS = {"kg": 2.5, "lb": 5.0}
set_reps = st.lists(st.integers(0, 15), min_size=3, max_size=3)
efforts = st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=3, max_size=3)


@st.composite
def histories(draw: st.DrawFn) -> tuple[object, list[PastSession], LoadSteps]:
    unit = draw(st.sampled_from(["kg", "lb"]))
    amount = draw(st.integers(1, 80)) * UNITS[unit] / 2  # on and off the step
    step = draw(st.sampled_from([1.25, 2.5, 5.0] if unit == "kg" else [2.5, 5.0, 10.0]))
    loaded = draw(st.booleans())
    if loaded:
        protocol = make_protocol(Load().with_amount(amount, unit).text)
    else:
        protocol = make_protocol(
            "bodyweight", exercise=draw(st.sampled_from(["glute-bridge", "bodyweight-hip-thrust"]))
        )
    count = draw(st.integers(1, 3))
    reps = [draw(set_reps) for _ in range(count)]
    rated = draw(efforts)
    stop = draw(st.one_of(st.none(), st.integers(1, 3)))
    sessions = history([protocol] * count, reps, efforts=rated, stop_after=stop)
    steps = LoadSteps(**{unit: step}, units=unit)
    return protocol, sessions, steps


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(histories())
def test_never_an_increase_unless_every_set_reached_the_top(case: tuple) -> None:
    protocol, sessions, steps = case
    block = only(sessions, protocol, steps)
    last = [s for s in sessions[0].sets if s.block == 1]
    planned = sessions[0].protocol.blocks[0]
    if block.is_increase:
        assert len(last) == planned.sets * (2 if planned.per_side else 1)
        assert all(s.reps_done >= s.reps_max for s in last)
        assert all(s.effort != 3 for s in last)
    written = protocol.blocks[0]
    before, after = written.load.amount, block.load.amount
    if before is not None and after is not None and after > before:
        assert block.rule == "increase"


@PROPERTY
@given(histories())
def test_the_advice_is_deterministic(case: tuple) -> None:
    protocol, sessions, steps = case
    assert advise(protocol, sessions, steps) == advise(protocol, list(sessions), steps)
    again = [replace(s, sets=tuple(s.sets)) for s in sessions]
    assert advise(protocol, again, steps) == advise(protocol, sessions, steps)


@PROPERTY
@given(histories())
def test_loads_keep_their_unit_and_move_by_the_step(case: tuple) -> None:
    protocol, sessions, steps = case
    block = only(sessions, protocol, steps)
    written = protocol.blocks[0].load
    if written.amount is None:
        return
    assert block.load.unit == written.unit
    step = steps.step(written.unit)
    assert block.load.amount is not None
    if block.rule == "increase":
        assert block.load.amount == pytest.approx(written.amount + step)
    elif block.rule == "decrease":
        ratio = block.load.amount / step
        assert ratio == pytest.approx(round(ratio))  # a multiple of the step
        assert block.load.amount < written.amount
        assert block.load.amount <= written.amount * 0.9 + 1e-9 or block.load.amount == step
        assert block.load.amount > written.amount * 0.9 - step - 1e-9
    else:
        assert block.load == written


@given(
    st.sampled_from(["kg", "lb"]),
    st.floats(0.5, 900, allow_nan=False).map(lambda x: round(x, 2)),
    st.sampled_from([1.0, 1.25, 2.5, 5.0, 10.0]),
)
def test_a_decrease_is_rounded_down_to_a_multiple_of_the_step(
    unit: str, amount: float, step: float
) -> None:
    load = Load().with_amount(amount, unit)
    lighter = decreased(load, step)
    assert lighter.unit == unit
    assert lighter.amount is not None
    if amount <= step:
        assert lighter == load
        return
    assert lighter.amount < amount
    multiple = lighter.amount / step
    assert math.isclose(multiple, round(multiple), abs_tol=1e-6)
    assert lighter.amount <= max(step, amount * 0.9) + 1e-9


def test_history_days_come_from_the_sessions() -> None:
    protocol = make_protocol()
    sessions = history([protocol, protocol], [TOP, [10, 10, 10]])
    assert [s.day for s in sessions] == [date(2026, 11, 4), DAY0]


def test_the_readme_example() -> None:
    """README, The coach: six sessions of "Hip thrust strength" and what follows each."""
    _, written = resolve_protocol("hip-thrust-strength")
    done: list[tuple[list[int], list[int | None]]] = [
        ([15, 15, 15], []),
        ([15, 13, 12], []),
        ([15, 15, 15], [None, None, 3]),
        ([15, 15, 15], []),
        ([12, 9, 8], []),
        ([11, 9, 9], []),
    ]
    said = []
    sessions: list[PastSession] = []
    protocol = written
    for number, (reps, rated) in enumerate(done):
        records = perform(protocol, reps, efforts=rated)
        day = date(2026, 11, 2 + 2 * number)
        sessions.insert(0, PastSession(day, protocol, past_sets(records)))
        advice = advise(written, sessions)
        said.append((advice.blocks[0].load.text, advice.blocks[0].reason))
        protocol = apply_advice(written, advice)
    assert said == [
        ("42.5 kg", "every set reached 15: try 42.5 kg"),
        ("42.5 kg", "not every set reached 15: stay at 42.5 kg"),
        ("42.5 kg", "every set reached 15, but you rated set 3 hard: stay at 42.5 kg"),
        ("45 kg", "every set reached 15: try 45 kg"),
        ("45 kg", "not every set reached 15: stay at 45 kg"),
        ("40 kg", "below 10 in the last two sessions: try 40 kg (about 10 % less)"),
    ]
