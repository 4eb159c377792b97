"""A history whose write lock another program holds never delays a cue.

A backup or sync tool, or an SQLite browser, may hold the database's write lock as a set
ends. The set's commit then waits out the busy timeout (5 s), and it must wait on the
history's own writer thread, never on the thread that keeps time: a real-time terminal run
prints every cue on time while a second process holds the lock for longer than the busy
timeout, and the sets are saved once the lock is let go (or rescued, and merged in at the
next opening).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from glute_timer.core.history_file import BUSY_TIMEOUT_MS
from glute_timer.core.history_store import HistoryStore, open_history
from glute_timer.core.paths import AppPaths
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import parse_protocol

pytestmark = pytest.mark.slow

# 1 s lead-in, three sets of three 0.8 s reps, 1.2 s rests: the sets end at 3.4, 7.0 and
# 10.6 s, and a cue falls due every 0.4 s or less throughout.
PROTOCOL = """format = 1
name = "Locked out"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 3
reps = 3
tempo = { lift = 0.4, hold = 0, lower = 0.4 }
rest = 1.2
"""
LOCK_S = BUSY_TIMEOUT_MS / 1000 + 4.0  # longer than the busy timeout, past the second set
LATE_LIMIT_S = 0.1

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # the write lock, as an SQLite browser editing a row
    conn.execute("UPDATE workouts SET note = note")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
    print("released", flush=True)
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("PYTHONWARNINGS", None)
    return env


def test_a_locked_history_never_delays_a_cue(tmp_path: Path) -> None:
    base = tmp_path / "base"
    paths = AppPaths.from_basedir(base)
    HistoryStore(paths.history_db)  # an existing, current history
    protocol = tmp_path / "locked.toml"
    protocol.write_text(PROTOCOL, encoding="utf-8")

    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.history_db), str(LOCK_S)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        locked_at = time.monotonic()
        with subprocess.Popen(
            [
                sys.executable,
                "-m",
                "glute_timer",
                "--basedir",
                str(base),
                *("run", str(protocol), "--no-gui", "--json", "--mute"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            cwd=tmp_path,
        ) as run:
            errors: list[str] = []

            def read_errors() -> None:
                assert run.stderr is not None
                errors.append(run.stderr.read())

            reader = threading.Thread(target=read_errors)
            reader.start()
            arrivals: list[tuple[float, dict[str, object]]] = []
            assert run.stdout is not None
            for line in run.stdout:  # each cue the moment it is printed
                arrivals.append((time.monotonic(), json.loads(line)))
            run.wait(timeout=60)
            reader.join(timeout=10)
        err = "".join(errors)
        assert holder.wait(timeout=30) == 0

    assert run.returncode == 0, err
    assert "Traceback" not in err
    # The lock was held across the first set's end for longer than the busy timeout ...
    first_set_end = arrivals[0][0] + 3.4
    assert locked_at + LOCK_S > first_set_end + BUSY_TIMEOUT_MS / 1000
    assert "Could not save to the history" in err  # ... so that write failed, and said so
    # ... and yet every cue was printed on time (measured from the first, at 0 s).
    first_arrival, first_cue = arrivals[0]
    assert first_cue["at"] == 0
    lateness = [
        (arrived - first_arrival) - float(cue["at"])  # type: ignore[arg-type]
        for arrived, cue in arrivals
    ]
    plan = build_plan(parse_protocol(PROTOCOL))
    assert [cue for _, cue in arrivals] == [cue.to_json() for cue in plan.cues]
    assert max(lateness) < LATE_LIMIT_S, [round(x, 3) for x in lateness]

    # Every set was saved once the lock was let go (or rescued, and merged in now).
    workouts = open_history(paths.history_db).workouts()
    assert len(workouts) == 1
    workout = workouts[0]
    assert workout.status == "completed" and len(workout.sets) == 3
    assert workout.started_ms <= workout.sets[0].started_ms  # the start is the session's own
    assert not list(paths.data_dir.glob("history-unsaved-*.json"))
