"""The coach's commands: next, calendar, run with the suggestion or as written."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from test_cli_inprocess import FakeTime, install

from glute_timer import cli
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.plan import build_plan, workout_size
from glute_timer.core.protocol import parse_protocol

TINY = """format = 1
name = "Tiny strength"
schedule = "every-other-day"
program_weeks = 2
lead_in = 1

[[block]]
exercise = "barbell-hip-thrust"
sets = 2
reps = 2
tempo = { lift = 0.5, hold = 0.5, lower = 0.5 }
rest = 2
load = "10 kg"
"""


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    install(monkeypatch, fake)
    return fake


def main(tmp_path: Path, *args: str) -> int:
    return cli.main(["--basedir", str(tmp_path / "base"), *args])


def tiny(tmp_path: Path) -> Path:
    """The protocol as one of the user's own (``tiny``), so the history knows it by id."""
    folder = tmp_path / "base" / "data" / "protocols"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tiny.toml"
    path.write_text(TINY)
    return path


def recorded_loads(tmp_path: Path) -> list[list[str]]:
    store = HistoryStore(tmp_path / "base" / "data" / "history.sqlite3")
    return [[s.load for s in w.sets] for w in store.workouts()]


def test_next_json_from_a_fresh_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(tmp_path, "next", "hip-thrust-strength", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "protocol_id": "hip-thrust-strength",
        "due": date.today().isoformat(),
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


def test_run_applies_the_suggestion_and_as_written_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_time: FakeTime
) -> None:
    tiny(tmp_path)
    assert main(tmp_path, "run", "tiny", "--no-gui", "--mute") == 0
    capsys.readouterr()
    assert main(tmp_path, "next", "tiny", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["blocks"][0]["load"] == "12.5 kg"
    assert data["blocks"][0]["reason"] == "every set reached 2: try 12.5 kg"
    assert data["due"] == (date.today() + timedelta(days=2)).isoformat()  # done today

    assert main(tmp_path, "run", "tiny", "--no-gui", "--mute", "--json") == 0
    captured = capsys.readouterr()
    assert "Coach: Barbell hip thrust: every set reached 2: try 12.5 kg" in captured.err
    cues = [json.loads(line) for line in captured.out.splitlines()]
    assert cues[0]["text"] == "Get ready"  # stdout stays the cues alone
    assert any(c["text"].endswith("set 2 of 2, 12.5 kg") for c in cues)  # said in the rest

    assert main(tmp_path, "run", "tiny", "--no-gui", "--mute", "--as-written") == 0
    assert "Coach:" not in capsys.readouterr().err
    assert recorded_loads(tmp_path) == [["10 kg", "10 kg"], ["12.5 kg", "12.5 kg"], ["10 kg"] * 2]


def test_next_text(tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_time: FakeTime) -> None:
    tiny(tmp_path)
    assert main(tmp_path, "run", "tiny", "--no-gui", "--mute") == 0
    capsys.readouterr()
    assert main(tmp_path, "next", "tiny") == 0
    lines = capsys.readouterr().out.splitlines()
    due = date.today() + timedelta(days=2)
    assert lines[0] == (
        f"Tiny strength (tiny): next session {due:%a} {due.isoformat()} (in 2 days), session 2 of 7"
    )
    assert lines[1] == "  1. Barbell hip thrust: 2 × 2, to 2, 12.5 kg, hold 0.5 s"
    assert lines[2] == f"     last time ({date.today().isoformat()}): 2 · 2 at 10 kg"
    assert lines[3] == "     every set reached 2: try 12.5 kg"


def parse_calendar(data: str) -> list[dict[str, object]]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    events = []
    for event in calendar.walk("VEVENT"):
        alarms = event.walk("VALARM")
        events.append(
            {
                "start": event.decoded("dtstart"),
                "duration": event.decoded("duration"),
                "summary": str(event["summary"]),
                "uid": str(event["uid"]),
                "alarms": [alarm.decoded("trigger") for alarm in alarms],
            }
        )
    return events


def test_calendar_of_a_two_week_programme_from_a_fresh_history(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(tmp_path, "calendar", "hip-thrust-strength", "--from", "2026-12-10") == 0
    raw = capfdbinary.readouterr().out
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and b"VERSION:2.0" in raw
    events = parse_calendar(raw.decode("utf-8"))
    assert len(events) == 7
    starts = [e["start"] for e in events]
    assert [s.date() for s in starts] == [  # type: ignore[attr-defined]
        date(2026, 12, 10) + timedelta(days=2 * n) for n in range(7)
    ]
    assert all(s.tzinfo is None and s.hour == 18 for s in starts)  # type: ignore[attr-defined]
    plan_seconds = round(workout_size(build_plan_protocol("hip-thrust-strength")).seconds)
    assert {e["duration"] for e in events} == {timedelta(seconds=plan_seconds)}
    assert all(e["alarms"] == [timedelta(minutes=-15)] for e in events)
    assert events[0]["summary"] == "Hip thrust strength: session 1 of 7"
    assert events[6]["summary"] == "Hip thrust strength: session 7 of 7"
    assert len({e["uid"] for e in events}) == 7


def build_plan_protocol(preset: str) -> object:
    from glute_timer.core.library import resolve_protocol

    return build_plan(resolve_protocol(preset)[1]).protocol


def test_calendar_holds_the_rest_of_the_programme(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], fake_time: FakeTime
) -> None:
    tiny(tmp_path)
    assert main(tmp_path, "run", "tiny", "--no-gui", "--mute") == 0
    capfdbinary.readouterr()
    settings = tmp_path / "base" / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"remind_at": "07:30"}))
    assert main(tmp_path, "calendar", "tiny") == 0
    events = parse_calendar(capfdbinary.readouterr().out.decode("utf-8"))
    first = date.today() + timedelta(days=2)
    assert [e["start"] for e in events] == [
        datetime.combine(first + timedelta(days=2 * n), datetime.min.time()).replace(
            hour=7, minute=30
        )
        for n in range(6)
    ]
    assert [e["summary"] for e in events][:2] == [
        "Tiny strength: session 2 of 7",
        "Tiny strength: session 3 of 7",
    ]
    assert all(
        (b["start"] - a["start"]).days == 2  # type: ignore[operator]
        for a, b in itertools.pairwise(events)
    )


def test_calendar_of_a_protocol_without_fixed_days_is_empty(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(tmp_path, "calendar", "pre-run") == 0
    captured = capfdbinary.readouterr()
    assert parse_calendar(captured.out.decode("utf-8")) == []
    assert b"no fixed days" in captured.err


def test_calendar_refuses_a_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(tmp_path, "calendar", "pre-run", "--from", "2026-13-01") == 2
    assert "not a date" in capsys.readouterr().err


def test_next_of_an_unknown_protocol_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(tmp_path, "next", "nope") == 2
    assert capsys.readouterr().err.startswith("glute-timer: error: nope: no such preset")


def test_the_window_gets_the_suggestion_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_time: FakeTime
) -> None:
    import glute_timer.gui.app as app

    opened: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(
        app,
        "run_gui",
        lambda context, run=None, as_written=False: opened.append((run, as_written)) or 0,
    )
    assert main(tmp_path, "run", "pre-run") == 0
    assert main(tmp_path, "run", "pre-run", "--as-written") == 0
    assert opened == [("pre-run", False), ("pre-run", True)]


def test_parse_protocol_of_tiny() -> None:
    assert parse_protocol(TINY).blocks[0].load.text == "10 kg"
