"""Export and import: exact round trips, merging without duplicates, clear rejections."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from history_helpers import make_workout
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glute_timer.core.history_export import csv_text, json_text
from glute_timer.core.history_formats import CSV_COLUMNS, format_time, parse_time
from glute_timer.core.history_import import ImportFileError, parse_csv, parse_export, parse_json
from glute_timer.core.history_model import MAX_TIME_MS, MIN_TIME_MS, STATUSES, StoredSet, Workout
from glute_timer.core.history_store import HistoryStore, import_file
from glute_timer.core.protocol import SCHEDULES

# ---------------------------------------------------------------- strategies

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
DAY_MS = 86_400_000
# The range a history holds (1970 up to 2100), leaving a day for the workout itself.
times = st.integers(min_value=MIN_TIME_MS, max_value=MAX_TIME_MS - 1)
starts = st.integers(min_value=MIN_TIME_MS, max_value=MAX_TIME_MS - DAY_MS)
small = st.integers(min_value=0, max_value=500)


@st.composite
def stored_sets(draw: st.DrawFn, position: int, start: int, end: int) -> StoredSet:
    """A set as a workout records it: within its workout (``start``..``end``), its reps
    within its range."""
    reps_min = draw(st.integers(1, 200))
    reps_max = draw(st.integers(reps_min, 200))
    set_start = draw(st.integers(start, end))
    return StoredSet(
        position=position,
        block=draw(st.integers(1, 50)),
        set=draw(st.integers(1, 50)),
        side=draw(st.sampled_from([None, "left", "right"])),
        exercise=draw(text.filter(bool)),
        exercise_name=draw(text),
        target=draw(st.integers(reps_min, reps_max)),
        reps_min=reps_min,
        reps_max=reps_max,
        reps_done=draw(st.integers(0, reps_max)),
        hold_s=draw(st.floats(min_value=0, max_value=600, allow_nan=False)),
        load=draw(
            st.one_of(
                st.just("bodyweight"),
                st.builds(
                    lambda n, u: f"{n} {u}", st.integers(1, 400), st.sampled_from(["kg", "lb"])
                ),
                text.filter(lambda t: bool(t.strip())),
            )
        ),
        started_ms=set_start,
        ended_ms=draw(st.integers(set_start, end)),
    )


@st.composite
def workouts(draw: st.DrawFn) -> Workout:
    count = draw(st.integers(1, 4))
    positions = sorted(draw(st.sets(st.integers(0, 30), min_size=count, max_size=count)))
    status = draw(st.sampled_from(STATUSES))
    started = draw(starts)
    ended = draw(st.none() | st.integers(started, started + DAY_MS - 1))
    last = started + DAY_MS - 1 if ended is None else ended
    return Workout(
        uid=draw(st.uuids()).hex,
        protocol_id=draw(text.filter(bool)),
        protocol_name=draw(text),
        schedule=draw(st.sampled_from(SCHEDULES)),
        program_weeks=draw(st.none() | st.integers(1, 52)),
        protocol_toml=draw(text),
        started_ms=started,
        ended_ms=ended,
        status=status,
        note=draw(text),
        sets=tuple(draw(stored_sets(p, started, last)) for p in positions),
    )


histories = st.lists(workouts(), max_size=4, unique_by=lambda w: w.uid)


def without_toml(items: list[Workout]) -> list[Workout]:
    from dataclasses import replace

    return [replace(w, protocol_toml="") for w in items]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories)
def test_json_round_trip_is_the_identity(items: list[Workout]) -> None:
    assert parse_json(json_text(items)) == items


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories)
def test_csv_round_trip_is_the_identity(items: list[Workout]) -> None:
    # A CSV export does not carry the protocol file.
    assert parse_csv(csv_text(items)) == without_toml(items)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(items=histories, kind=st.sampled_from(["csv", "json"]))
def test_export_then_import_into_a_store_is_the_identity(
    tmp_path: Path, items: list[Workout], kind: str
) -> None:
    folder = tmp_path / f"db-{len(list(tmp_path.iterdir()))}"
    source = HistoryStore(folder / "a.sqlite3")
    source.merge(items)
    exported = (csv_text if kind == "csv" else json_text)(source.workouts())
    target = HistoryStore(folder / "b.sqlite3")
    parsed = parse_export(exported)
    target.merge(parsed)
    again = (csv_text if kind == "csv" else json_text)(target.workouts())
    assert again == exported
    # Importing the same file again adds nothing.
    result = target.merge(parsed)
    assert (result.workouts_added, result.sets_added) == (0, 0)
    assert (csv_text if kind == "csv" else json_text)(target.workouts()) == exported


@given(times)
def test_times_round_trip_exactly(ms: int) -> None:
    assert parse_time(format_time(ms)) == ms


# ---------------------------------------------------------------- shape


def test_csv_has_the_strong_like_columns_first() -> None:
    workout = make_workout(date(2026, 11, 25))
    rows = list(csv.DictReader(io.StringIO(csv_text([workout]))))
    assert list(rows[0])[:8] == [
        "Date",
        "Workout Name",
        "Duration",
        "Exercise Name",
        "Set Order",
        "Weight",
        "Weight Unit",
        "Reps",
    ]
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 3
    first = rows[0]
    assert first["Date"].startswith("2026-11-25 18:00")
    assert (first["Weight"], first["Weight Unit"], first["Reps"], first["Set Order"]) == (
        "40",
        "kg",
        "12",
        "1",
    )
    assert first["Duration"] == "10m 0s"


def test_json_has_one_workout_per_line() -> None:
    items = [make_workout(date(2026, 11, d)) for d in (20, 22)]
    lines = json_text(items).split("\n")[:-1]
    assert len(lines) == 4
    assert json.loads(lines[1].rstrip(","))["id"] == items[0].uid
    data = json.loads(json_text(items))
    assert data["format"] == "glute-timer-history" and data["version"] == 1
    assert data["workouts"][0]["sets"][0]["load_amount"] == 40.0


# ---------------------------------------------------------------- rejections


def _import_rejected(store: HistoryStore, path: Path, line: int | None, reason: str) -> None:
    before = json_text(store.workouts())
    with pytest.raises(ImportFileError) as info:
        import_file(store, path)
    assert info.value.line == line, str(info.value)
    assert reason in info.value.reason, str(info.value)
    assert str(path) in str(info.value)
    assert json_text(store.workouts()) == before


def test_malformed_csv_is_rejected_with_line_and_reason(
    store: HistoryStore, tmp_path: Path
) -> None:
    store.merge([make_workout(date(2026, 11, 18))])
    good = [make_workout(date(2026, 11, 20)), make_workout(date(2026, 11, 22))]
    lines = csv_text(good).splitlines()
    header = lines[0].split(",")
    row = lines[5].split(",")
    row[header.index("Reps")] = "twelve"
    lines[5] = ",".join(row)
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _import_rejected(store, path, 6, "Reps: must be a whole number")


def test_csv_with_missing_columns_is_rejected(store: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "strong.csv"
    path.write_text("Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n", encoding="utf-8")
    _import_rejected(store, path, 1, "missing columns")


def test_csv_with_a_short_row_is_rejected(store: HistoryStore, tmp_path: Path) -> None:
    lines = csv_text([make_workout(date(2026, 11, 20))]).splitlines()
    lines[2] = lines[2].rsplit(",", 3)[0]
    path = tmp_path / "short.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _import_rejected(store, path, 3, "fields, the header has")


def test_bad_time_and_status_are_rejected(store: HistoryStore, tmp_path: Path) -> None:
    text = csv_text([make_workout(date(2026, 11, 20))]).replace("completed", "done", 1)
    path = tmp_path / "status.csv"
    path.write_text(text, encoding="utf-8")
    _import_rejected(store, path, 2, "Status: must be one of")


def test_invalid_json_is_rejected_with_its_line(store: HistoryStore, tmp_path: Path) -> None:
    text = json_text([make_workout(date(2026, 11, d)) for d in (20, 22)])
    path = tmp_path / "broken.json"
    path.write_text(text.replace('"note": ""', '"note": "",,', 1))
    _import_rejected(store, path, 2, "not valid JSON")


def test_wrong_json_value_names_its_line_and_key(store: HistoryStore, tmp_path: Path) -> None:
    items = [make_workout(date(2026, 11, d)) for d in (20, 22, 24)]
    data = json.loads(json_text(items))
    data["workouts"][2]["sets"][1]["reps_done"] = "12"
    path = tmp_path / "wrong.json"
    body = ",\n".join(json.dumps(w) for w in data["workouts"])
    path.write_text(
        '{"format": "glute-timer-history", "version": 1, "workouts": [\n' + body + "\n]}"
    )
    _import_rejected(store, path, 4, "workouts[2].sets[1].reps_done: wrong type")


def test_json_from_a_newer_version_is_rejected(store: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text('{"format": "glute-timer-history", "version": 9, "workouts": []}')
    _import_rejected(store, path, 1, "unsupported version 9")


def test_not_utf8_is_rejected(store: HistoryStore, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(",".join(CSV_COLUMNS).encode() + b"\n\xe9\xe9\n")
    _import_rejected(store, path, 2, "not UTF-8")


def test_import_merges_without_duplicates(store: HistoryStore, tmp_path: Path) -> None:
    items = [make_workout(date(2026, 11, d)) for d in (20, 22)]
    store.merge(items[:1])
    path = tmp_path / "all.csv"
    path.write_text(csv_text(items), encoding="utf-8")
    result = import_file(store, path)
    assert (result.workouts_added, result.sets_added) == (1, 3)
    result = import_file(store, path)
    assert (result.workouts_added, result.sets_added) == (0, 0)
    assert len(store.workouts()) == 2
