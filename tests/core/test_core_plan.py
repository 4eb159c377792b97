"""Plans: every cue a user hears, at the right offset, for presets and random protocols."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from core_strategies import protocols, tiny_protocol
from hypothesis import HealthCheck, given, settings

from glute_timer.core.exercises import exercise_name
from glute_timer.core.library import load_presets, resolve_protocol
from glute_timer.core.plan import (
    PHASES,
    Cue,
    Plan,
    Priority,
    build_plan,
    format_clock,
    format_duration,
)
from glute_timer.core.protocol import Load, Protocol

PRESETS = {entry.id: entry.protocol for entry in load_presets() if entry.protocol is not None}


def countdown(duration: float) -> list[tuple[str, float]]:
    return [(str(k), duration - k) for k in (3, 2, 1) if duration - k > 1e-9]


def expected_cues(plan: Plan, index: int) -> list[tuple[str, float]]:
    """What a user should hear during step ``index``: (text, offset from the step start)."""
    step = plan.steps[index]
    d = step.duration
    if step.phase == "lead-in":
        return [("Get ready", 0.0), *countdown(d)]
    if step.phase == "lift":
        assert step.span is not None and step.rep is not None
        span = plan.sets[step.span]
        title: list[tuple[str, float]] = []
        if step.rep == 1:
            text = span.exercise_name
            if span.sets > 1:
                text += f". Set {span.set} of {span.sets}"
                if span.set == span.sets:
                    text += ". Last set"
            if span.side:
                text += f". {span.side.capitalize()} side"
            title = [(text, 0.0)]
        return [*title, (f"{step.rep}, Lift", 0.0)]
    if step.phase == "hold":
        if d == 10:
            return [("Hold, 10 seconds", 0.0), *countdown(d)]
        if d > 10:
            return [("Hold", 0.0), ("10 seconds", d - 10), *countdown(d)]
        return [("Hold", 0.0)]
    if step.phase in ("lower", "pause"):
        return [(step.label, 0.0)]
    if step.phase == "switch":
        return [("Switch sides", 0.0), *countdown(d)]
    if step.phase == "rest":
        following = plan.steps[index + 1]
        assert following.span is not None
        span = plan.sets[following.span]
        upcoming = span.exercise_name
        if span.sets > 1:
            upcoming += f", set {span.set} of {span.sets}"
        if span.side:
            upcoming += f", {span.side} side"
        if protocol_load(plan, span.block).amount is not None:
            upcoming += f", {span.load}"
        warning = [("10 seconds", d - 10)] if d >= 20 else []
        return [(f"Rest {format_duration(d)}. Next: {upcoming}", 0.0), *warning, *countdown(d)]
    assert step.phase == "done"
    return [("Workout complete", 0.0)]


def protocol_load(plan: Plan, block: int) -> Load:
    return plan.protocol.blocks[block - 1].load


def check_plan(plan: Plan) -> None:
    """Every structural promise a plan makes, checked against its protocol."""
    protocol = plan.protocol
    cues_by_step: dict[int, list[Cue]] = defaultdict(list)
    for cue in plan.cues:
        cues_by_step[cue.step].append(cue)
    # cues sorted by time
    assert [c.at for c in plan.cues] == sorted(c.at for c in plan.cues)
    # steps are back to back, each with the protocol's duration
    assert plan.steps[0].start == 0
    for before, after in zip(plan.steps, plan.steps[1:], strict=False):
        assert after.start == before.end
        assert after.index == before.index + 1
    for step in plan.steps:
        assert step.phase in PHASES
        got = [(c.text, c.at - step.start) for c in cues_by_step[step.index]]
        want = expected_cues(plan, step.index)
        assert [t for t, _ in got] == [t for t, _ in want], step
        assert [o for _, o in got] == pytest.approx([o for _, o in want], abs=1e-6), step
        for cue in cues_by_step[step.index]:
            assert (cue.phase, cue.block, cue.set, cue.side) == (
                step.phase,
                step.block,
                step.set,
                step.side,
            )
            is_title = cue.phase == "lift" and not cue.text.endswith("Lift")
            assert cue.rep == (None if is_title else step.rep)
        if step.span is not None:
            block = protocol.blocks[step.block - 1]
            tempo = block.tempo
            expected = {
                "lift": tempo.lift,
                "hold": tempo.hold,
                "lower": tempo.lower,
                "pause": tempo.pause,
            }[step.phase]
            assert step.duration == expected
            assert step.rep is not None and 1 <= step.rep <= block.target
    # the end
    last = plan.cues[-1]
    assert (last.text, last.phase, last.at) == ("Workout complete", "done", plan.total)
    assert plan.steps[-1].phase == "done" and plan.steps[-1].duration == 0
    # the sets: one span per set and side, in order
    spans = [
        (b, s, side)
        for b, block in enumerate(protocol.blocks, 1)
        for s in range(1, block.sets + 1)
        for side in block.sides
    ]
    assert [(sp.block, sp.set, sp.side) for sp in plan.sets] == spans
    for span in plan.sets:
        block = protocol.blocks[span.block - 1]
        assert span.exercise_name == exercise_name(block.exercise)
        assert len(span.rep_first_steps) == block.target
        assert all(plan.steps[i].phase == "lift" for i in span.rep_first_steps)
        assert plan.steps[span.first_step].phase == "lift"
        assert plan.steps[span.end_step - 1].phase == "lower"
        assert (span.reps_min, span.reps_max, span.target) == (
            block.reps_min,
            block.reps_max,
            block.target,
        )
        assert span.load == block.load.text and span.hold == block.tempo.hold
    # rest and switch steps: only where the protocol has them
    n_switch = sum(b.sets for b in protocol.blocks if b.per_side and b.switch > 0)
    assert sum(1 for s in plan.steps if s.phase == "switch") == n_switch


def expected_total(protocol: Protocol) -> float:
    total = protocol.lead_in
    for index, block in enumerate(protocol.blocks):
        t = block.tempo
        sides = len(block.sides)
        per_set = block.target * (t.lift + t.hold + t.lower) + (block.target - 1) * t.pause
        total += block.sets * sides * per_set
        if block.per_side:
            total += block.sets * (sides - 1) * block.switch
        total += (block.sets - 1) * block.rest
        if index < len(protocol.blocks) - 1:
            total += block.rest_after
    return total


# ------------------------------------------------------------------ presets


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_preset_plan(preset_id: str) -> None:
    protocol = PRESETS[preset_id]
    plan = build_plan(protocol)
    check_plan(plan)
    assert plan.total == pytest.approx(expected_total(protocol))
    assert plan.name == protocol.name
    # "Get ready" at 0, then 3, 2, 1 on the last three seconds of the lead-in
    lead = protocol.lead_in
    assert [(c.text, c.at, c.phase) for c in plan.cues[:4]] == [
        ("Get ready", 0.0, "lead-in"),
        ("3", lead - 3, "lead-in"),
        ("2", lead - 2, "lead-in"),
        ("1", lead - 1, "lead-in"),
    ]
    for cue in plan.cues:
        if cue.phase == "lift" and cue.rep is not None:
            assert cue.text == f"{cue.rep}, Lift"


def test_pre_run_in_detail() -> None:
    plan = build_plan(PRESETS["pre-run"])
    texts = [(c.at, c.text) for c in plan.cues[:9]]
    assert texts == [
        (0, "Get ready"),
        (2, "3"),
        (3, "2"),
        (4, "1"),
        (5, "Glute bridge. Set 1 of 2"),
        (5, "1, Lift"),
        (6, "Hold"),
        (7, "Lower"),
        (8, "2, Lift"),
    ]
    titles = [c.text for c in plan.cues if c.rep is None and c.phase == "lift"]
    assert titles == ["Glute bridge. Set 1 of 2", "Glute bridge. Set 2 of 2. Last set"]
    rest = next(c for c in plan.cues if c.phase == "rest")
    assert rest.text == "Rest 30 seconds. Next: Glute bridge, set 2 of 2"
    assert [c.text for c in plan.cues if c.phase == "rest"] == [
        rest.text,
        "10 seconds",
        "3",
        "2",
        "1",
    ]
    assert plan.total == 5 + 2 * 15 * 3 + 30
    assert len(plan.sets) == 2


def test_bridge_hold_has_three_sets_and_last_set() -> None:
    plan = build_plan(PRESETS["bridge-hold"])
    titles = [c.text for c in plan.cues if c.rep is None and c.phase == "lift"]
    assert titles == [
        "Glute bridge. Set 1 of 3",
        "Glute bridge. Set 2 of 3",
        "Glute bridge. Set 3 of 3. Last set",
    ]


def test_no_equipment_burn_switches_sides_and_holds() -> None:
    plan = build_plan(PRESETS["no-equipment-burn"])
    texts = [c.text for c in plan.cues]
    assert "Single-leg glute bridge. Left side" in texts
    assert "Single-leg glute bridge. Right side" in texts
    switch = [c for c in plan.cues if c.phase == "switch"]
    assert [c.text for c in switch] == ["Switch sides", "3", "2", "1"]
    assert [c.at - switch[0].at for c in switch] == [0, 2, 3, 4]
    assert [(s.side, s.block) for s in plan.sets] == [
        (None, 1),
        ("left", 2),
        ("right", 2),
        (None, 3),
    ]
    rests = [c.text for c in plan.cues if c.phase == "rest" and c.text.startswith("Rest")]
    assert rests == [
        "Rest 30 seconds. Next: Single-leg glute bridge, left side",
        "Rest 30 seconds. Next: Isometric bridge hold",
    ]
    hold = [c for c in plan.cues if c.phase == "hold" and c.block == 3]
    start = hold[0].at
    assert [(c.text, c.at - start) for c in hold] == [
        ("Hold", 0),
        ("10 seconds", 20),
        ("3", 27),
        ("2", 28),
        ("1", 29),
    ]


def test_isometric_hold_30() -> None:
    plan = build_plan(PRESETS["isometric-hold-30"])
    assert plan.total == 5 + 32
    assert [c.text for c in plan.cues] == [
        "Get ready",
        "3",
        "2",
        "1",
        "Isometric bridge hold",
        "1, Lift",
        "Hold",
        "10 seconds",
        "3",
        "2",
        "1",
        "Lower",
        "Workout complete",
    ]


# ------------------------------------------------------------------ edge cases


def test_a_ten_second_hold_says_it_at_once() -> None:
    plan = build_plan(tiny_protocol(sets=1, reps=1, tempo={"hold": 10}))
    hold = [(c.text, c.at) for c in plan.cues if c.phase == "hold"]
    assert hold == [("Hold, 10 seconds", 6), ("3", 13), ("2", 14), ("1", 15)]
    check_plan(plan)


def test_short_holds_and_rests_have_no_warning() -> None:
    plan = build_plan(tiny_protocol(tempo={"hold": 9.5}, rest=19.5))
    assert "10 seconds" not in [c.text for c in plan.cues]
    check_plan(plan)


def test_pauses_come_between_reps_only() -> None:
    plan = build_plan(tiny_protocol(sets=1, reps=3, tempo={"pause": 0.5}))
    pauses = [s for s in plan.steps if s.phase == "pause"]
    assert [p.rep for p in pauses] == [1, 2]
    assert [c.text for c in plan.cues if c.phase == "pause"] == ["Pause", "Pause"]
    check_plan(plan)


def test_no_lead_in() -> None:
    plan = build_plan(tiny_protocol(lead_in=0))
    assert plan.steps[0].phase == "lift"
    assert plan.cues[0].text == "Glute bridge. Set 1 of 2"
    assert plan.describe_step(0) == "Glute bridge. Set 1 of 2"
    check_plan(plan)


def test_short_lead_in_counts_down_only_what_fits() -> None:
    plan = build_plan(tiny_protocol(lead_in=2.5))
    assert [(c.text, c.at) for c in plan.cues[:3]] == [("Get ready", 0), ("2", 0.5), ("1", 1.5)]
    plan = build_plan(tiny_protocol(lead_in=3))
    assert [c.text for c in plan.cues[:3]] == ["Get ready", "2", "1"]


def test_per_side_without_switch_time() -> None:
    plan = build_plan(tiny_protocol(per_side=True, switch=0))
    assert not [s for s in plan.steps if s.phase == "switch"]
    assert [s.side for s in plan.sets] == ["left", "right", "left", "right"]
    check_plan(plan)


def test_free_text_exercise_and_a_name_override() -> None:
    plan = build_plan(tiny_protocol(exercise="Frog pumps", sets=1), name="Shown")
    assert plan.name == "Shown"
    assert plan.cues[4].text == "Frog pumps"


def test_rest_after_a_block_announces_the_next_block() -> None:
    protocol = tiny_protocol(sets=1, rest_after=25)
    protocol = protocol.with_changes(blocks=(*protocol.blocks, protocol.blocks[0]))
    plan = build_plan(protocol)
    rest = [c for c in plan.cues if c.phase == "rest"]
    assert rest[0].text == "Rest 25 seconds. Next: Glute bridge"
    assert (rest[0].block, rest[0].set) == (1, 1)
    check_plan(plan)


def test_zero_rest_means_no_rest_step() -> None:
    plan = build_plan(tiny_protocol(rest=0))
    assert not [s for s in plan.steps if s.phase == "rest"]
    check_plan(plan)


# ------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(protocols(small=True))
def test_random_small_plans_keep_every_promise(protocol: Protocol) -> None:
    plan = build_plan(protocol)
    check_plan(plan)
    assert plan.total == pytest.approx(expected_total(protocol), abs=1e-6)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(protocols(max_blocks=3, max_sets=6, max_reps=30))
def test_plan_total_is_the_sum_of_its_parts(protocol: Protocol) -> None:
    plan = build_plan(protocol)
    assert plan.total == pytest.approx(expected_total(protocol), rel=1e-9, abs=1e-6)
    assert plan.cues[-1].at == plan.total
    assert [c.at for c in plan.cues] == sorted(c.at for c in plan.cues)


# ------------------------------------------------------------------ queries and JSON


def test_step_at_and_first_cue_from() -> None:
    plan = build_plan(PRESETS["pre-run"])
    assert plan.step_at(-5).index == 0
    assert plan.step_at(0).phase == "lead-in"
    assert plan.step_at(5).phase == "lift"
    assert plan.step_at(5.5).phase == "lift"
    assert plan.step_at(6).phase == "hold"
    assert plan.step_at(plan.total + 100).phase == "done"
    assert plan.first_cue_from(0) == 0
    assert plan.cues[plan.first_cue_from(5)].text == "Glute bridge. Set 1 of 2"
    assert plan.cues[plan.first_cue_from(5.1)].text == "Hold"
    assert plan.first_cue_from(plan.total + 1) == len(plan.cues)


def test_describe_step() -> None:
    plan = build_plan(tiny_protocol(tempo={"hold": 2, "pause": 1}, per_side=True))
    described = {plan.steps[i].phase: plan.describe_step(i) for i in range(len(plan.steps))}
    assert described["lead-in"] == "Get ready"
    assert described["switch"] == "Switch sides"
    assert described["rest"] == "Rest 5 seconds"
    assert described["done"] == "Workout complete"
    first_lift = plan.sets[0].first_step
    assert plan.describe_step(first_lift) == "Glute bridge. Set 1 of 2. Left side"
    assert plan.describe_step(first_lift + 1) == "Hold (rep 1)"
    second_rep = plan.sets[0].rep_first_steps[1]
    assert plan.describe_step(second_rep) == "Lift (rep 2)"
    assert plan.describe_step(second_rep - 1) == "Pause (rep 1)"


def test_phrases_are_distinct_in_first_use_order() -> None:
    plan = build_plan(PRESETS["pre-run"])
    phrases = plan.phrases()
    assert phrases[:4] == ["Get ready", "3", "2", "1"]
    assert len(phrases) == len(set(phrases))
    assert set(phrases) == {c.text for c in plan.cues}


def test_span_reps_text() -> None:
    assert build_plan(PRESETS["pre-run"]).sets[0].reps_text == "10–15"
    assert build_plan(PRESETS["isometric-hold-30"]).sets[0].reps_text == "1"


def test_priorities() -> None:
    plan = build_plan(PRESETS["no-equipment-burn"])
    by_text = {c.text: c.priority for c in plan.cues}
    assert by_text["Get ready"] is Priority.INFO
    assert by_text["10 seconds"] is Priority.WARNING
    assert by_text["3"] is Priority.BEAT
    assert by_text["1, Lift"] is Priority.BEAT
    assert by_text["Workout complete"] is Priority.INFO
    assert Priority.BEAT > Priority.WARNING > Priority.INFO


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_to_json_matches_the_contract(preset_id: str) -> None:
    plan = build_plan(PRESETS[preset_id])
    data = json.loads(json.dumps(plan.to_json()))
    assert set(data) == {"name", "total_s", "cues"}
    assert isinstance(data["name"], str) and data["name"] == plan.name
    assert isinstance(data["total_s"], float | int)
    assert data["total_s"] == pytest.approx(plan.total)
    assert data["total_s"] == data["cues"][-1]["at"]
    assert len(data["cues"]) == len(plan.cues)
    for item, cue in zip(data["cues"], plan.cues, strict=True):
        assert list(item) == ["at", "phase", "block", "set", "rep", "side", "text"]
        assert isinstance(item["at"], float | int) and item["at"] == pytest.approx(cue.at)
        assert item["phase"] in PHASES
        assert isinstance(item["block"], int) and item["block"] >= 1
        assert isinstance(item["set"], int) and item["set"] >= 1
        assert item["rep"] is None or (isinstance(item["rep"], int) and item["rep"] >= 1)
        assert item["side"] in (None, "left", "right")
        assert isinstance(item["text"], str) and item["text"]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 seconds"),
        (1, "1 second"),
        (2.5, "2.5 seconds"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (61, "1 minute 1 second"),
        (90, "1 minute 30 seconds"),
        (120, "2 minutes"),
        (150.04, "2 minutes 30 seconds"),
        (1800, "30 minutes"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (-3, "0:00"),
        (0, "0:00"),
        (0.4, "0:00"),
        (0.5, "0:01"),
        (59.6, "1:00"),
        (95, "1:35"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (7325, "2:02:05"),
    ],
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


def test_step_label_and_end() -> None:
    plan = build_plan(PRESETS["pre-run"])
    step = plan.steps[1]
    assert step.label == "Lift"
    assert step.end == step.start + step.duration


def test_only_the_steps_of_a_set_carry_a_side() -> None:
    plan = build_plan(resolve_protocol("no-equipment-burn")[1])
    for cue in plan.cues:
        if cue.phase in ("lead-in", "rest", "done"):
            assert cue.side is None, cue
    assert {cue.side for cue in plan.cues if cue.phase == "switch"} == {"right"}
