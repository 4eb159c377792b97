"""Workouts too big to plan are refused before planning, naming the limit.

Each value of a protocol may be within its own limit (50 blocks of 50 sets of 200 reps
with 10-minute holds) and the whole still be a workout of years and millions of cues. A
workout may last at most 6 hours and hold at most 50,000 cues; ``workout_size`` counts
both without planning, exactly as ``build_plan`` would.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from reliability_helpers import cli, one_line_error

from glute_timer.core.plan import (
    MAX_CUES,
    MAX_WORKOUT_SECONDS,
    WorkoutTooBig,
    build_plan,
    workout_size,
)
from glute_timer.core.protocol import Protocol, ProtocolError, protocol_from_dict

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from core_strategies import protocols


def _protocol(**block: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"exercise": "glute-bridge", "sets": 1, "reps": 1}
    data.update(block)
    return {"format": 1, "name": "Big", "lead_in": 0, "block": [data]}


MAXIMUM_BLOCK = {
    "exercise": "barbell-hip-thrust",
    "sets": 50,
    "reps": 200,
    "tempo": {"lift": 30, "hold": 600, "lower": 30, "pause": 60},
    "rest": 1800,
    "rest_after": 1800,
    "per_side": True,
    "switch": 60,
}
TOO_LONG = [
    {**_protocol(), "block": [MAXIMUM_BLOCK] * 50},  # every documented maximum at once
    _protocol(sets=50, reps=1, tempo={"hold": 600}),  # 50 ten-minute holds: 8.4 h
    _protocol(sets=13, reps=1, tempo={"hold": 600}, rest=1800),  # rests make it 13 h
    {  # two blocks of one 200-rep set of 60 s reps: 6.7 h
        **_protocol(),
        "block": [{"exercise": "glute-bridge", "reps": 200, "tempo": {"lift": 30, "lower": 30}}]
        * 2,
    },
    {**_protocol(), "block": [{"exercise": "glute-bridge", "rest_after": 1800}] * 13},
]
DENSE = {
    "exercise": "glute-bridge",
    "sets": 50,
    "reps": 200,
    "tempo": {"lift": 0.1, "lower": 0.1, "pause": 0.1},
    "rest": 0,
}
TOO_MANY_CUES = [
    {**_protocol(), "block": [DENSE] * 2},  # 60,000 cues in 1 h 40 min
    {**_protocol(), "block": [{**DENSE, "tempo": {"lift": 0.1, "lower": 0.1}}] * 3},
    {**_protocol(), "block": [{**DENSE, "per_side": True, "switch": 0}]},
]


@pytest.mark.parametrize("data", TOO_LONG, ids=range(len(TOO_LONG)))
def test_a_workout_too_long_is_refused_naming_the_limit(data: dict[str, Any]) -> None:
    with pytest.raises(WorkoutTooBig) as info:
        protocol_from_dict(data, "big.toml")
    assert str(info.value).startswith("big.toml: the workout would take ")
    assert "at most 6:00:00" in str(info.value)


@pytest.mark.parametrize("data", TOO_MANY_CUES, ids=range(len(TOO_MANY_CUES)))
def test_a_workout_with_too_many_cues_is_refused_naming_the_limit(data: dict[str, Any]) -> None:
    with pytest.raises(WorkoutTooBig) as info:
        protocol_from_dict(data, "dense.toml")
    assert "cues (at most 50,000" in str(info.value)


def test_build_plan_refuses_one_made_in_code() -> None:
    """A protocol built without loading (the start panel's hold and reps) is checked too."""
    small = protocol_from_dict(_protocol(sets=50, reps=1, tempo={"hold": 1}))
    block = small.blocks[0]
    huge = small.with_changes(
        blocks=(block.__class__(**{**block.__dict__, "target": 200, "reps_max": 200}),)
    )
    with pytest.raises(WorkoutTooBig):
        build_plan(huge)


def test_right_at_the_limits_is_fine() -> None:
    # 36 sets of one 600 s hold: exactly 6 h.
    protocol = protocol_from_dict(
        _protocol(sets=36, reps=1, tempo={"lift": 0.1, "hold": 599.8, "lower": 0.1}, rest=0)
    )
    size = workout_size(protocol)
    assert size.seconds == pytest.approx(MAX_WORKOUT_SECONDS)
    assert build_plan(protocol).total == pytest.approx(MAX_WORKOUT_SECONDS)
    dense = protocol_from_dict(
        _protocol(sets=1, reps=200, tempo={"lift": 0.1, "lower": 0.1}, rest=0)
    )
    assert workout_size(dense).cues < MAX_CUES


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(protocols(max_blocks=3, max_sets=8, max_reps=40))
def test_the_count_is_what_planning_gives(protocol: Protocol) -> None:
    size = workout_size(protocol)
    plan = build_plan(protocol)
    assert size.cues == len(plan.cues)
    assert size.sets == len(plan.sets)
    assert size.seconds == pytest.approx(plan.total, rel=1e-9, abs=1e-6)


def test_the_command_line_says_which_limit(tmp_path: Path) -> None:
    import tomli_w

    path = tmp_path / "maximum.toml"
    path.write_text(tomli_w.dumps(TOO_LONG[0]), encoding="utf-8")
    for command in (["plan", str(path)], ["run", str(path), "--no-gui", "--mute"]):
        one_line_error(cli(tmp_path / "base", *command), str(path), "at most 6:00:00")


def test_a_protocol_too_big_is_listed_as_not_loaded(tmp_path: Path) -> None:
    import tomli_w

    from glute_timer.core.library import load_user_protocols

    (tmp_path / "big.toml").write_text(tomli_w.dumps(TOO_MANY_CUES[0]), encoding="utf-8")
    (entry,) = load_user_protocols(tmp_path)
    assert entry.protocol is None and isinstance(entry.error, ProtocolError)
    assert "at most 50,000" in str(entry.error)


def test_the_limits_are_the_documented_ones() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert MAX_WORKOUT_SECONDS == 6 * 3600 and "at most 6 hours" in readme
    assert MAX_CUES == 50_000 and "50,000 cues" in readme
