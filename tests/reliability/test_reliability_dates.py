"""Impossible dates: refused on import, and a bad row already in a database never breaks a
reader (it is left out, with a notice).

The history holds times from 1970-01-01T00:00:00.000Z up to (not including)
2100-01-01T00:00:00.000Z, each a whole millisecond; a workout ends after it starts, and its
sets lie within it (give or take a second).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_helpers import START_MS, cli, one_line_error, workout

from glute_timer import cli as glute_cli
from glute_timer.core.history_export import csv_text, json_text
from glute_timer.core.history_formats import format_time, parse_time
from glute_timer.core.history_import import ImportFileError, parse_export
from glute_timer.core.history_model import MAX_TIME_MS, MIN_TIME_MS
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.paths import AppPaths

OUT_OF_RANGE = [
    "0001-01-01T00:00:00Z",
    "0001-01-01T00:00:00.000Z",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59.999Z",
    "1969-12-31T23:59:59.999Z",
    "2100-01-01T00:00:00.000Z",
    "3000-06-15T12:00:00.000Z",
    "1900-01-01T00:00:00.000Z",
]
NOT_TIMES = [
    "2026-02-30T10:00:00.000Z",  # no such day
    "2026-13-01T10:00:00.000Z",
    "2026-01-01T24:00:00.000Z",
    "2026-01-01T10:60:00.000Z",
    "2026-01-01T10:00:61.000Z",
    "2026-01-01 10:00:00",
    "yesterday",
    "",
]


def _json_with(**changes: object) -> str:
    data = json.loads(json_text([workout()]))
    for key, value in changes.items():
        if key.startswith("set_"):
            data["workouts"][0]["sets"][0][key.removeprefix("set_")] = value
        else:
            data["workouts"][0][key] = value
    return json.dumps(data)


# ---------------------------------------------------------------- refused on import


@pytest.mark.parametrize("text", OUT_OF_RANGE + NOT_TIMES)
def test_a_time_outside_the_range_is_not_a_time(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=MIN_TIME_MS, max_value=MAX_TIME_MS - 1))
def test_every_time_in_the_range_round_trips(ms: int) -> None:
    assert parse_time(format_time(ms)) == ms


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.integers(min_value=-62_135_596_800_000, max_value=MIN_TIME_MS - 1),
        st.integers(min_value=MAX_TIME_MS, max_value=253_402_300_799_999),
    ),
    st.sampled_from(["started", "ended", "set_started", "set_ended"]),
)
def test_an_import_with_a_time_out_of_range_is_rejected(ms: int, field: str) -> None:
    text = _json_with(**{field: format_time(ms)})
    with pytest.raises(ImportFileError) as info:
        parse_export(text, "bad.json")
    assert "outside the dates a history can hold" in info.value.reason
    assert len(str(info.value).splitlines()) == 1


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"ended": format_time(START_MS - 1)}, "before its start"),
        ({"set_started": format_time(START_MS - 86_400_000)}, "before its workout starts"),
        ({"set_ended": format_time(START_MS + 86_400_000)}, "after its workout ends"),
        ({"set_ended": format_time(START_MS - 1)}, "before its start"),
        ({"set_reps_done": 5000}, "more than the range's top"),
        ({"set_reps_min": 16}, "from low to high"),
        ({"set_reps_max": 900}, "from low to high"),
        ({"set_target": 40}, "Target Reps"),
        ({"set_hold_s": 36000}, "a hold of at most 600 s"),
        ({"program_weeks": 5000}, "Program Weeks"),
        ({"set_block": 10**30}, "out of range"),
    ],
)
def test_an_import_whose_rows_do_not_add_up_is_rejected(
    changes: dict[str, object], words: str
) -> None:
    for text in (_json_with(**changes), _csv_with(changes)):
        with pytest.raises(ImportFileError) as info:
            parse_export(text, "odd")
        assert words in str(info.value), str(info.value)
        assert info.value.line is not None


def _csv_with(changes: dict[str, object]) -> str:
    """The same change, made to a CSV export (through the JSON values)."""
    data = json.loads(_json_with(**changes))
    columns = {
        "ended": "Workout End",
        "set_started": "Set Start",
        "set_ended": "Set End",
        "set_reps_done": "Reps",
        "set_reps_min": "Reps Min",
        "set_reps_max": "Reps Max",
        "set_target": "Target Reps",
        "set_hold_s": "Seconds",
        "program_weeks": "Program Weeks",
        "set_block": "Block",
    }
    text = csv_text([workout()])
    header, *rows = text.split("\r\n")
    names = header.split(",")
    cells = rows[0].split(",")
    for key, _value in changes.items():
        source = data["workouts"][0]
        if key.startswith("set_"):
            source = source["sets"][0]
        cells[names.index(columns[key])] = str(source[key.removeprefix("set_")])
    rows[0] = ",".join(cells)
    return "\r\n".join([header, *rows])


def test_the_command_line_rejects_the_file_and_changes_nothing(tmp_path: Path) -> None:
    base = tmp_path / "base"
    store = HistoryStore(AppPaths.from_basedir(base).history_db)
    store.merge([workout()])
    before = json_text(store.workouts())
    for number, stamp in enumerate(("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")):
        path = tmp_path / f"bad{number}.json"
        path.write_text(_json_with(id=f"{number:032d}", started=stamp), encoding="utf-8")
        one_line_error(cli(base, "history", "--import", str(path)), str(path), "started")
    assert json_text(store.workouts()) == before


# ---------------------------------------------------------------- a bad row already there

BAD_ROWS = [
    ("workouts", "started_ms", -62_135_596_800_000),  # 0001-01-01
    ("workouts", "started_ms", 253_402_300_799_000),  # 9999-12-31
    ("workouts", "ended_ms", 253_402_300_799_000),
    ("workouts", "started_ms", "yesterday"),
    ("workouts", "started_ms", 1.5e12 + 0.5),  # not a whole millisecond
    ("workouts", "program_weeks", "two"),
    ("sets", "started_ms", -1),
    ("sets", "ended_ms", 10**18),
    ("sets", "reps_done", "twelve"),
    ("sets", "hold_s", "long"),
]


def _damage(path: Path, table: str, column: str, value: object) -> None:
    conn = sqlite3.connect(path)
    try:
        rowid = conn.execute(f"SELECT min(id) FROM {table}").fetchone()[0]
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, rowid))
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(("table", "column", "value"), BAD_ROWS)
def test_every_reader_leaves_a_bad_row_out_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, column: str, value: object
) -> None:
    base = tmp_path / "base"
    path = AppPaths.from_basedir(base).history_db
    good = workout(START_MS + 86_400_000)
    HistoryStore(path).merge([workout(), good])
    _damage(path, table, column, value)
    for args in (["history"], ["history", "--csv"], ["history", "--json"], ["stats"]):
        assert glute_cli.main(["--basedir", str(base), *args]) == 0, args
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        # The stats never read a set's times: a set with impossible ones still counts.
        if args != ["stats"] or column not in ("started_ms", "ended_ms") or table != "sets":
            assert "Left out" in err and "impossible dates or values" in err, (args, err)
        if args == ["history", "--json"]:
            assert good.uid in {w["id"] for w in json.loads(out)["workouts"]}
        if args == ["history", "--csv"]:
            assert good.uid in out


def test_the_readers_survive_in_a_time_zone_east_of_utc(tmp_path: Path) -> None:
    base = tmp_path / "base"
    path = AppPaths.from_basedir(base).history_db
    latest = MAX_TIME_MS - 1  # 2099-12-31T23:59:59.999Z: 2100 in Kiritimati
    HistoryStore(path).merge([workout(), workout(latest - 120_000, ended_ms=latest, sets=1)])
    _damage(path, "workouts", "started_ms", 253_402_300_799_000)
    for zone in ("Pacific/Kiritimati", "America/Los_Angeles"):  # UTC+14 and west of UTC
        for args in (["history"], ["history", "--csv"]):
            result = cli(base, *args, extra_env={"TZ": zone})
            assert result.returncode == 0 and "Traceback" not in result.stderr, (zone, result)
