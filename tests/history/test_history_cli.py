"""``history`` and ``stats`` on the command line, and a workout killed mid-set."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from history_helpers import make_workout

from glute_timer.cli import main
from glute_timer.core.history_export import json_text
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.paths import AppPaths

TODAY = date.today()


def store_at(basedir: Path) -> HistoryStore:
    return HistoryStore(AppPaths.from_basedir(basedir).history_db)


def test_history_lists_workouts_with_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = store_at(tmp_path)
    first = make_workout(TODAY - timedelta(days=2))
    store.merge([first, make_workout(TODAY, load="bodyweight")])
    store.set_note(first.uid, "felt strong")
    assert main(["--basedir", str(tmp_path), "history"]) == 0
    out = capsys.readouterr().out
    assert "Hip thrust strength  completed  10m 0s  3 sets, 36 reps" in out
    assert "    1. Barbell hip thrust, set 1: 12/15 reps, 40 kg, hold 3 s" in out
    assert "note: felt strong" in out
    assert main(["--basedir", str(tmp_path), "history", "--since", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.count("Hip thrust strength") == 1 and "40 kg" not in out


def test_history_on_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--basedir", str(tmp_path), "history"]) == 0
    assert "No workouts recorded yet." in capsys.readouterr().out
    assert main(["--basedir", str(tmp_path), "stats"]) == 0
    assert "No workouts recorded yet." in capsys.readouterr().out


def test_export_and_import_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_at(tmp_path / "a").merge([make_workout(TODAY - timedelta(days=n)) for n in (0, 2)])
    for kind in ("csv", "json"):
        assert main(["--basedir", str(tmp_path / "a"), "history", f"--{kind}"]) == 0
        export = tmp_path / f"export.{kind}"
        export.write_text(capsys.readouterr().out, encoding="utf-8")
        target = tmp_path / f"b-{kind}"
        assert main(["--basedir", str(target), "history", "--import", str(export)]) == 0
        assert "Imported 2 new workout(s) and 6 new set(s)" in capsys.readouterr().out
        assert main(["--basedir", str(target), "history", "--import", str(export)]) == 0
        assert "Imported 0 new workout(s) and 0 new set(s)" in capsys.readouterr().out
    assert json_text(store_at(tmp_path / "b-json").workouts()) == json_text(
        store_at(tmp_path / "a").workouts()
    )


def test_malformed_import_exits_2_with_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "glute-timer-history", "version": 1, "workouts": [\n{"id": 3}\n]}')
    assert main(["--basedir", str(tmp_path), "history", "--import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"glute-timer: error: {bad}: line 2: workouts[0]" in err


def test_bad_since_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--basedir", str(tmp_path), "history", "--since", "yesterday"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_stats_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_at(tmp_path).merge([make_workout(TODAY - timedelta(days=n)) for n in (4, 2, 0)])
    assert main(["--basedir", str(tmp_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Hip thrust strength (hip-thrust-strength), every-other-day" in out
    assert "Today: done today" in out
    assert "Streak: 3 sessions (best 3)" in out
    assert "Programme: session 3 of 7 done" in out
    assert "Totals: 3 workouts, 9 sets, 108 reps" in out
    assert "Best, Barbell hip thrust: 40 kg × 12, longest hold 3 s" in out
    assert main(["--basedir", str(tmp_path), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["streak"] == 3 and data[0]["due"] == "done"


def test_newer_database_is_refused_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = AppPaths.from_basedir(tmp_path).history_db
    HistoryStore(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 42")
    conn.commit()
    conn.close()
    assert main(["--basedir", str(tmp_path), "stats"]) == 1
    assert "newer version of Glute Timer" in capsys.readouterr().err


def test_corrupt_database_is_reported_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = AppPaths.from_basedir(tmp_path).history_db
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 100)
    assert main(["--basedir", str(tmp_path), "history"]) == 0
    err = capsys.readouterr().err
    assert "could not be read" in err and ".corrupt-" in err


QUICK = """
format = 1
name = "Quick bridges"
schedule = "every-other-day"
program_weeks = 2
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 8
reps = 1
tempo = { lift = 1, hold = 0, lower = 1 }
rest = 0
load = "20 kg"
"""


@pytest.mark.slow
def test_sigkill_mid_set_keeps_every_completed_set(tmp_path: Path) -> None:
    protocol = tmp_path / "quick.toml"
    protocol.write_text(QUICK, encoding="utf-8")
    basedir = tmp_path / "base"
    command = [sys.executable, "-m", "glute_timer", "--basedir", str(basedir)]
    command += ["run", str(protocol), "--no-gui", "--mute", "--json"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    highest_set = 0
    deadline = time.monotonic() + 30
    try:
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            cue = json.loads(line)
            highest_set = max(highest_set, cue["set"])
            # Set 4 has begun, so sets 1-3 completed; kill it in the middle of set 4.
            if cue["set"] == 4 and cue["phase"] == "lift":
                time.sleep(0.3)
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert highest_set == 4
    workouts = store_at(basedir).workouts()
    assert len(workouts) == 1
    workout = workouts[0]
    assert workout.status == "in-progress"  # it never finished: the sets are kept
    # Sets 1-3 were committed before set 4 began; set 4 (2 s long) is normally cut off,
    # but a starved test process may kill a little late, after it too was committed.
    assert [s.set for s in workout.sets] in ([1, 2, 3], [1, 2, 3, 4])
    assert all(s.reps_done == 1 and s.load == "20 kg" for s in workout.sets)
    assert workout.protocol_id == "quick"
