"""Issue 13, bug 7.6: a workout whose process was killed no longer stays in progress.

When the history next opens, an in-progress workout that no live process is recording is
closed as stopped at its last set's end (at its start when it has no sets). One that a
live process is recording, in another process or on another connection of this one, is
left alone: its recorder holds a lock on ``history-running-<id>.lock`` that the kernel
lets go of only when the process ends.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from history_helpers import make_workout

from glute_timer.core import history_store
from glute_timer.core.clock import FakeClock
from glute_timer.core.history_export import json_text
from glute_timer.core.history_locks import WorkoutLock, being_recorded, lock_path
from glute_timer.core.history_model import new_uid
from glute_timer.core.history_recorder import HistoryRecorder
from glute_timer.core.history_store import HistoryStore, open_history, open_history_for_reading
from glute_timer.core.paths import AppPaths
from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.progress import progress
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import Session, State

# Five sets of two 0.8 s reps with 2 s rests: the first set ends at 1.6 s, the run lasts
# about 16 s, and it is killed long before that.
SLOW = """format = 1
name = "Killed halfway"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 5
reps = 2
tempo = { lift = 0.4, hold = 0, lower = 0.4 }
rest = 2
"""

QUICK = """format = 1
name = "Two quick sets"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 1, hold = 0, lower = 1 }
rest = 5
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("PYTHONWARNINGS", None)
    return env


def _sets_in(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        found: int = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        return found
    except sqlite3.OperationalError:
        return 0  # not created yet
    finally:
        conn.close()


def _status(db: Path) -> list[tuple[str, str, int | None]]:
    conn = sqlite3.connect(db)
    try:
        rows: list[tuple[str, str, int | None]] = conn.execute(
            "SELECT uid, status, ended_ms FROM workouts ORDER BY id"
        ).fetchall()
        return rows
    finally:
        conn.close()


@pytest.mark.slow
def test_a_killed_run_is_closed_as_stopped_and_a_live_one_is_left_alone(tmp_path: Path) -> None:
    base = tmp_path / "base"
    paths = AppPaths.from_basedir(base)
    protocol = tmp_path / "slow.toml"
    protocol.write_text(SLOW, encoding="utf-8")
    with subprocess.Popen(
        [
            *(sys.executable, "-m", "glute_timer", "--basedir", str(base)),
            *("run", str(protocol), "--no-gui", "--json", "--mute"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
        cwd=tmp_path,
    ) as run:
        try:
            deadline = time.monotonic() + 30
            while _sets_in(paths.history_db) < 1:
                assert run.poll() is None, run.stderr.read() if run.stderr else ""
                assert time.monotonic() < deadline, "no set was recorded"
                time.sleep(0.05)
            ((uid, status, _),) = _status(paths.history_db)
            assert status == "in-progress"
            assert being_recorded(paths.data_dir, uid) is True
            # Another process opens the history (a terminal command, the window) while
            # the run records: the live workout is left alone.
            store = open_history(paths.history_db)
            assert store.notice is None
            assert [w.status for w in store.workouts()] == ["in-progress"]
            assert run.poll() is None  # still running: this was a live workout
        finally:
            run.send_signal(signal.SIGKILL)
            run.wait(timeout=30)
    assert run.returncode == -signal.SIGKILL
    (before,) = HistoryStore(paths.history_db).workouts()  # looking changes nothing
    assert before.status == "in-progress" and before.ended_ms is None
    assert 1 <= len(before.sets) < 5

    store = open_history(paths.history_db)

    (workout,) = store.workouts()
    assert workout.uid == uid
    assert workout.status == "stopped"
    assert workout.ended_ms == before.sets[-1].ended_ms  # at its last set's end
    assert workout.sets == before.sets  # every set it did is kept
    assert store.notice is not None and "killed or crashed" in store.notice
    assert not list(paths.data_dir.glob("history-running-*.lock"))  # its lock went too
    # Once closed it is stopped for every reader, and told only once.
    assert open_history(paths.history_db).notice is None
    listing = subprocess.run(
        [sys.executable, "-m", "glute_timer", "--basedir", str(base), "history"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
        check=True,
    ).stdout
    assert "stopped" in listing and "in-progress" not in listing
    (item,) = progress(store)
    assert (item.workouts, item.sets) == (1, len(before.sets))


@pytest.fixture
def plan() -> Plan:
    return build_plan(parse_protocol(QUICK, "quick.toml"))


def _one_set(plan: Plan, db: Path) -> tuple[Session, FakeClock, HistoryRecorder]:
    clock = FakeClock()
    session = Session(plan, clock, wall_clock=clock.wall)
    recorder = HistoryRecorder(db, plan, "quick", wall_clock=clock.wall)
    session.subscribe(recorder)
    session.start()
    while len(session.completed_sets) < 1:
        clock.advance(0.25)
        session.tick()
    return session, clock, recorder


def test_a_workout_recorded_in_this_process_is_left_alone(plan: Plan, db_path: Path) -> None:
    session, clock, recorder = _one_set(plan, db_path)
    lock = lock_path(db_path.parent, recorder.uid)
    assert lock is not None and lock.exists()
    # The History page, or a second window, opens the history on its own connection.
    for store in (open_history(db_path), open_history_for_reading(db_path)):
        assert [w.status for w in store.workouts()] == ["in-progress"]
        assert store.notice is None
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    (workout,) = open_history(db_path).workouts()
    assert workout.status == "completed" and len(workout.sets) == 2
    assert not lock.exists()  # let go and removed once its end was saved


def test_a_workout_whose_recorder_went_away_is_closed(plan: Plan, db_path: Path) -> None:
    session, _, recorder = _one_set(plan, db_path)
    last_end = HistoryStore(db_path).workouts()[0].sets[-1].ended_ms
    del session, recorder  # as if the process had ended with them: the lock goes
    store = open_history(db_path)
    ((_, status, ended),) = _status(db_path)
    assert (status, ended) == ("stopped", last_end)
    assert store.notice is not None and "was closed as stopped" in store.notice


def test_a_workout_without_sets_is_closed_at_its_start(store: HistoryStore, db_path: Path) -> None:
    empty = replace(make_workout(date(2026, 5, 1)), sets=(), ended_ms=None, status="in-progress")
    store.begin_workout(empty)
    assert open_history(db_path).workouts()[0].status == "stopped"
    ((_, status, ended),) = _status(db_path)
    assert (status, ended) == ("stopped", empty.started_ms)


def test_only_workouts_in_progress_are_closed(store: HistoryStore, db_path: Path) -> None:
    finished = make_workout(date(2026, 5, 1), status="completed")
    stopped = make_workout(date(2026, 5, 2), status="stopped")
    killed = replace(make_workout(date(2026, 5, 3)), status="in-progress", ended_ms=None)
    imported = replace(  # an id from another tool names no lock file, and no live recorder
        make_workout(date(2026, 5, 4)), uid="../../elsewhere", status="in-progress", ended_ms=None
    )
    store.merge([finished, stopped, killed, imported])
    assert open_history(db_path).notice is not None
    got = {w.uid: (w.status, w.ended_ms) for w in HistoryStore(db_path).workouts()}
    assert got[finished.uid] == ("completed", finished.ended_ms)
    assert got[stopped.uid] == ("stopped", stopped.ended_ms)
    assert got[killed.uid] == ("stopped", killed.sets[-1].ended_ms)
    assert got[imported.uid] == ("stopped", imported.sets[-1].ended_ms)
    assert store.close_abandoned_workouts() == 0  # nothing left to close


def test_a_lock_that_is_no_file_neither_hangs_nor_keeps_a_workout(
    store: HistoryStore, db_path: Path
) -> None:
    killed = replace(make_workout(date(2026, 5, 3)), status="in-progress", ended_ms=None)
    store.merge([killed])
    lock = lock_path(db_path.parent, killed.uid)
    assert lock is not None
    os.mkfifo(lock)  # a named pipe where the lock file would be: opening it must not hang
    assert open_history(db_path).workouts()[0].status == "stopped"


def test_the_lock_is_held_by_the_file_not_the_process(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    uid = new_uid()
    lock = WorkoutLock(lock_path(db_path.parent, uid))
    assert not being_recorded(db_path.parent, uid)  # no file yet
    assert lock.acquire() and lock.acquire()  # once; again keeps it
    assert being_recorded(db_path.parent, uid) is True  # seen from this very process
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from glute_timer.core.history_locks import being_recorded; "
            "print(being_recorded(Path(sys.argv[1]), sys.argv[2]))",
            str(db_path.parent),
            uid,
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
        check=True,
    )
    assert child.stdout.strip() == "True"  # and from another one
    lock.release()
    assert being_recorded(db_path.parent, uid) is False
    assert not list(db_path.parent.glob("history-running-*"))


def test_without_locks_a_day_without_a_set_means_abandoned(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where there is no flock (Windows), the store goes by time."""
    monkeypatch.setattr(history_store, "being_recorded", lambda folder, uid: None)
    recent = replace(make_workout(date(2026, 5, 3)), status="in-progress", ended_ms=None)
    old = replace(make_workout(date(2026, 5, 1)), status="in-progress", ended_ms=None)
    HistoryStore(db_path).merge([recent, old])
    now = (recent.sets[-1].ended_ms + 3600_000) / 1000  # an hour after recent's last set
    store = HistoryStore(db_path, wall_clock=lambda: now)
    assert store.close_abandoned_workouts() == 1
    got = {w.uid: w.status for w in store.workouts()}
    assert got == {recent.uid: "in-progress", old.uid: "stopped"}


def test_a_read_only_history_is_not_changed(store: HistoryStore, db_path: Path) -> None:
    killed = replace(make_workout(date(2026, 5, 3)), status="in-progress", ended_ms=None)
    store.merge([killed])
    reader = HistoryStore(db_path, read_only=True)
    assert reader.close_abandoned_workouts() == 0
    assert _status(db_path)[0][1] == "in-progress"


def test_the_export_of_a_closed_workout_has_its_end(store: HistoryStore, db_path: Path) -> None:
    killed = replace(make_workout(date(2026, 5, 3)), status="in-progress", ended_ms=None)
    store.merge([killed])
    (line,) = json_text(open_history(db_path).workouts()).splitlines()[1:-1]
    exported = json.loads(line)
    assert exported["status"] == "stopped" and exported["ended"] == exported["sets"][-1]["ended"]


def test_a_history_that_cannot_be_written_now_still_opens(
    store: HistoryStore, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed = replace(make_workout(date(2026, 5, 3)), status="in-progress", ended_ms=None)
    store.merge([killed])

    def locked(self: HistoryStore) -> int:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(HistoryStore, "close_abandoned_workouts", locked)
    opened = open_history(db_path)  # the closing waits for an opening that can write
    assert opened.notice is None
    assert [w.status for w in opened.workouts()] == ["in-progress"]
