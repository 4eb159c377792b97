"""The coach on a real history: due days, the programme's number, the chart's points."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from history_helpers import make_workout

from glute_timer.core.coach import (
    next_due,
    next_session,
    past_sessions,
    peek_history,
    session_points,
)
from glute_timer.core.history_model import StoredSet, Workout
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.library import resolve_protocol
from glute_timer.core.protocol import Load, dump_protocol
from glute_timer.core.session import SetRecord

TODAY = date(2026, 11, 25)
PROTOCOL_ID, STRENGTH = resolve_protocol("hip-thrust-strength")


def session(day: date, load: str = "40 kg", reps: int = 15, sets: int = 3) -> Workout:
    """A workout of the strength programme as run at ``load``, with its protocol's copy."""
    block = replace(STRENGTH.blocks[0], load=Load(load))
    workout = make_workout(day, reps=reps, load=load, sets=sets)
    return replace(workout, protocol_toml=dump_protocol(replace(STRENGTH, blocks=(block,))))


def ago(*days: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in days]


@pytest.mark.parametrize(
    ("schedule", "days", "due"),
    [
        ("every-other-day", [], 0),  # never done: today
        ("every-other-day", [2], 0),  # the day after a rest day
        ("every-other-day", [1], 1),  # a rest day: tomorrow
        ("every-other-day", [0], 2),  # done today: the day after tomorrow
        ("every-other-day", [9], 0),
        ("daily", [0], 1),
        ("daily", [1], 0),
        ("before-run", [0], 0),
        ("as-needed", [1], 0),
    ],
)
def test_the_next_session_is_due_on_its_schedule(schedule: str, days: list[int], due: int) -> None:
    assert next_due(schedule, ago(*days), TODAY) == TODAY + timedelta(days=due)


def test_a_fresh_history_runs_as_written_from_today(store: HistoryStore) -> None:
    coming = next_session(store, PROTOCOL_ID, STRENGTH, today=TODAY)
    assert coming.to_json() == {
        "protocol_id": "hip-thrust-strength",
        "due": "2026-11-25",
        "blocks": [
            {
                "block": 1,
                "exercise": "barbell-hip-thrust",
                "load": "40 kg",
                "target": 15,
                "hold": 3,
                "reason": "no history yet: as written",
            }
        ],
    }
    assert coming.session_number == 1 and coming.progress_text() == "session 1 of 7"
    days = coming.planned_days()
    assert len(days) == 7 and days[0] == TODAY
    assert all((b - a).days == 2 for a, b in itertools.pairwise(days))
    assert not coming.due_today  # never done: nothing to remind of
    assert not coming.changes and coming.suggested == STRENGTH


def test_three_sessions_in_the_next_is_the_fourth(store: HistoryStore) -> None:
    store.merge([session(day) for day in ago(6, 4, 2)])
    coming = next_session(store, PROTOCOL_ID, STRENGTH, today=TODAY)
    assert coming.due == TODAY and coming.due_today
    assert coming.session_number == 4 and coming.program_total == 7
    assert coming.headline() == "Hip thrust strength is due today: session 4 of 7, 42.5 kg"
    assert coming.suggested.blocks[0].load.text == "42.5 kg"
    assert len(coming.planned_days()) == 4
    rest_day = next_session(store, PROTOCOL_ID, STRENGTH, today=TODAY - timedelta(days=1))
    assert not rest_day.due_today and rest_day.due == TODAY


def test_the_newest_sessions_come_first_with_their_protocol(store: HistoryStore) -> None:
    store.merge([session(ago(4)[0], "40 kg"), session(ago(2)[0], "42.5 kg", reps=12)])
    sessions = past_sessions(store, PROTOCOL_ID)
    assert [s.day for s in sessions] == ago(2, 4)
    assert sessions[0].protocol is not None
    assert sessions[0].protocol.blocks[0].load.text == "42.5 kg"
    coming = next_session(store, PROTOCOL_ID, STRENGTH, today=TODAY)
    assert coming.advice.blocks[0].reason == "not every set reached 15: stay at 42.5 kg"


def test_deleted_workouts_and_other_protocols_do_not_count(store: HistoryStore) -> None:
    mine = session(ago(2)[0])
    other = replace(session(ago(1)[0]), protocol_id="something-else")
    store.merge([mine, other])
    store.delete_workout(mine.uid)
    assert past_sessions(store, PROTOCOL_ID) == []


def test_peeking_changes_nothing(tmp_path: Path) -> None:
    assert peek_history(tmp_path / "nothing.sqlite3") is None
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    assert peek_history(folder) is None
    assert folder.is_dir()  # not moved aside


def test_chart_points_mark_where_the_load_went_up(store: HistoryStore) -> None:
    store.merge(
        [
            session(ago(6)[0], "40 kg"),
            session(ago(4)[0], "42.5 kg", reps=13),
            session(ago(2)[0], "42.5 kg"),
        ]
    )
    points = session_points(past_sessions(store, PROTOCOL_ID))
    assert [(p.day, p.load, p.reps, p.went_up) for p in points] == [
        (ago(6)[0], 40.0, 45, False),
        (ago(4)[0], 42.5, 39, True),
        (ago(2)[0], 42.5, 45, False),
    ]


def _records(reps: int, load: str = "40 kg", sets: int = 3) -> list[SetRecord]:
    return [
        SetRecord(
            block=1,
            set=n + 1,
            side=None,
            exercise="barbell-hip-thrust",
            exercise_name="Barbell hip thrust",
            reps_done=reps,
            target=15,
            reps_min=10,
            reps_max=15,
            hold_s=3.0,
            load=load,
            started_at=60.0 * n,
            ended_at=60.0 * n + 40,
            started_wall=0.0,
            ended_wall=0.0,
        )
        for n in range(sets)
    ]


@pytest.mark.parametrize(
    ("before", "reps", "reason"),
    [
        ([], 15, "try 42.5 kg"),  # every set at the top: up a step
        ([], 12, "stay at 40 kg"),  # below the top: the same load
        ([(4, 8)], 8, "10 %"),  # below the bottom twice running: lighter
    ],
)
def test_the_summary_knows_next_time_as_the_history_will(
    store: HistoryStore, before: list[tuple[int, int]], reps: int, reason: str
) -> None:
    """``after`` (the summary, before the history is read again) says what reading the
    history with the workout in it says."""
    store.merge([session(ago(days)[0], reps=done) for days, done in before])
    coming = next_session(store, PROTOCOL_ID, STRENGTH, today=ago(2)[0])
    records = _records(reps)
    later = coming.after(STRENGTH, records, TODAY)
    day_start = make_workout(TODAY).started_ms
    workout = replace(
        session(TODAY, reps=reps),
        sets=tuple(
            StoredSet.from_record(n, r)._replace(started_ms=day_start, ended_ms=day_start + 1)
            for n, r in enumerate(records)
        ),
    )
    store.merge([workout])
    read = next_session(store, PROTOCOL_ID, STRENGTH, today=TODAY)
    assert later.advice == read.advice
    assert reason in later.advice.blocks[0].reason
    assert later.due == read.due and later.days == read.days


def test_after_no_sets_the_next_session_is_unchanged(store: HistoryStore) -> None:
    coming = next_session(store, PROTOCOL_ID, STRENGTH, today=TODAY)
    assert coming.after(STRENGTH, [], TODAY) is coming
