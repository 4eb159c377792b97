"""The history database: schema, migrations, newer and damaged files, edits that can be undone."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from history_helpers import make_set, make_workout

from glute_timer.core.history_model import HistoryError, HistoryTooNew
from glute_timer.core.history_schema import MIGRATIONS, SCHEMA_VERSION
from glute_timer.core.history_store import HistoryStore, open_history


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_schema_wal_and_version(store: HistoryStore, db_path: Path) -> None:
    assert db_path.exists()
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"workouts", "sets"} <= tables
    with store.connect() as conn:
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.notice is None
    assert store.backup_path is None  # nothing worth backing up


def test_version_0_database_is_migrated_after_a_backup(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with raw(db_path) as conn:  # a version-0 file with something in it
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
        conn.commit()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    store = HistoryStore(db_path)
    assert store.backup_path is not None and store.backup_path.exists()
    with raw(store.backup_path) as conn:
        assert conn.execute("SELECT text FROM notes").fetchall() == [("keep me",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT text FROM notes").fetchall() == [("keep me",)]
    store.merge([make_workout(date(2026, 11, 20))])
    assert len(store.workouts()) == 1


def _add_rating(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE workouts ADD COLUMN rating INTEGER")


def _broken(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE workouts ADD COLUMN mood TEXT")
    raise RuntimeError("migration bug")


def test_migrations_run_in_order_and_keep_data(db_path: Path) -> None:
    old = HistoryStore(db_path)
    old.merge([make_workout(date(2026, 11, 20))])
    newer = HistoryStore(db_path, migrations=(*MIGRATIONS, _add_rating))
    assert newer.backup_path is not None
    assert f".v{SCHEMA_VERSION}-" in newer.backup_path.name
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert conn.execute("SELECT rating FROM workouts").fetchall() == [(None,)]
    assert len(newer.workouts()[0].sets) == 3


def test_a_failing_migration_changes_nothing(db_path: Path) -> None:
    HistoryStore(db_path).merge([make_workout(date(2026, 11, 20))])
    with pytest.raises(RuntimeError):
        HistoryStore(db_path, migrations=(*MIGRATIONS, _broken))
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [r[1] for r in conn.execute("PRAGMA table_info(workouts)")]
    assert "mood" not in columns
    assert len(HistoryStore(db_path).workouts()) == 1


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    HistoryStore(db_path).merge([make_workout(date(2026, 11, 20))])
    with raw(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        conn.commit()
        conn.execute("PRAGMA journal_mode = DELETE")
    before = digest(db_path)
    mtime = db_path.stat().st_mtime_ns
    with pytest.raises(HistoryTooNew) as info:
        HistoryStore(db_path)
    message = str(info.value)
    assert "newer version" in message and "untouched" in message
    assert str(SCHEMA_VERSION + 5) in message
    assert digest(db_path) == before
    assert db_path.stat().st_mtime_ns == mtime
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 20, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["garbage", "damaged-header"],
)
def test_corrupt_database_is_moved_aside(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    store = open_history(db_path)
    moved = [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1
    assert moved[0].read_bytes() == content  # the old file is kept as it was
    assert store.notice is not None
    assert str(moved[0]) in store.notice and "new history" in store.notice
    store.merge([make_workout(date(2026, 11, 20))])
    assert len(store.workouts()) == 1


def test_damaged_pages_are_detected(db_path: Path) -> None:
    store = HistoryStore(db_path)
    store.merge([make_workout(date(2026, 11, d), sets=10) for d in range(1, 29)])
    with raw(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 4)):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))
    store = HistoryStore(db_path)
    assert store.notice is not None and "moved to" in store.notice
    assert store.workouts() == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_database_is_moved_aside(db_path: Path) -> None:
    HistoryStore(db_path)
    db_path.chmod(0)
    try:
        store = HistoryStore(db_path)
        assert store.notice is not None
    finally:
        for p in db_path.parent.iterdir():
            p.chmod(0o600)


def test_set_note_delete_and_undo(store: HistoryStore) -> None:
    first, second = make_workout(date(2026, 11, 20)), make_workout(date(2026, 11, 22))
    store.merge([first, second])
    store.set_note(first.uid, "  felt strong ")
    store.delete_workout(second.uid)
    assert [w.uid for w in store.workouts()] == [first.uid]
    assert store.workouts()[0].note == "felt strong"
    everything = store.workouts(include_deleted=True)
    assert [w.deleted for w in everything] == [False, True]
    store.undelete_workout(second.uid)
    assert [w.uid for w in store.workouts()] == [first.uid, second.uid]


def test_merge_adds_only_what_is_missing(store: HistoryStore) -> None:
    workout = make_workout(date(2026, 11, 20))
    partial = make_workout(date(2026, 11, 20), sets=1, status="in-progress")
    partial = type(partial)(**{**partial.__dict__, "uid": workout.uid, "ended_ms": None})
    assert store.merge([partial]).sets_added == 1
    result = store.merge([workout])
    assert (result.workouts_added, result.sets_added, result.workouts_updated) == (0, 2, 1)
    again = store.merge([workout])
    assert (again.workouts_added, again.sets_added) == (0, 0)
    stored = store.workouts()
    assert len(stored) == 1 and stored[0].status == "completed"
    assert stored[0].sets == workout.sets


def test_unknown_workout_is_an_error(store: HistoryStore) -> None:
    with pytest.raises(HistoryError):
        store.add_set("nope", make_set())


def test_two_stores_on_one_file_work_at_once(db_path: Path) -> None:
    gui, cli = HistoryStore(db_path), HistoryStore(db_path)
    workout = make_workout(date(2026, 11, 20), sets=0)
    gui.begin_workout(workout)
    with cli.connect() as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM workouts").fetchone()
        gui.add_set(workout.uid, make_set(0))  # a reader does not block a writer in WAL
        reader.execute("COMMIT")
    assert len(cli.workouts()[0].sets) == 1


def test_a_folder_in_place_of_the_file_is_moved_aside(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    (db_path / "something").write_text("x")
    store = HistoryStore(db_path)
    assert store.notice is not None
    moved = [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
    assert moved and (moved[0] / "something").read_text() == "x"
    assert store.workouts() == []


def test_version_1_database_gains_the_summary_index(db_path: Path) -> None:
    v1 = HistoryStore(db_path, migrations=MIGRATIONS[:1])
    v1.merge([make_workout(date(2026, 11, 20))])
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    current = HistoryStore(db_path)
    assert current.backup_path is not None and ".v1-" in current.backup_path.name
    with raw(db_path) as conn:
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(sets)")}
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "sets_summary" in indexes
    assert len(current.workouts()[0].sets) == 3
