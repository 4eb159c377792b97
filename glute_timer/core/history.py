"""The training history: every completed set in SQLite, never lost.

One database file (``AppPaths.history_db``) with two tables, ``workouts`` and ``sets``.
Times are whole milliseconds since the epoch (UTC), so exports round-trip exactly.

Safety rules this module keeps:

- Each set is committed in its own transaction the moment it completes (``synchronous =
  FULL`` in WAL mode), so a killed process loses at most the set in progress.
- WAL and a busy timeout let the GUI and the command line use the file at once.
- The schema version lives in ``PRAGMA user_version``. Migrations run in order, each in
  its own transaction, after a backup copy of the file is made. A file written by a newer
  version is refused with a clear message and never written to.
- A file that is not a readable SQLite database is moved aside with a timestamped name
  (``history.sqlite3.corrupt-20261125T144600``) and a new one is started; ``notice`` says
  where the old one went. It is never overwritten.
- Deleting a workout only marks it deleted (undo clears the mark); nothing is erased.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import os
import queue
import sqlite3
import stat
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeVar
from urllib.parse import quote

from glute_timer.core.protocol import Load, dump_protocol
from glute_timer.core.session import (
    Event,
    SetCompleted,
    SetCorrected,
    SetRecord,
    State,
    StateChanged,
    WorkoutFinished,
)
from glute_timer.core.text import printable, storable

if TYPE_CHECKING:
    from glute_timer.context import AppContext
    from glute_timer.core.plan import Plan

log = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 2
BUSY_TIMEOUT_MS: Final = 5000
STATUSES: Final = ("in-progress", "completed", "stopped")

MIN_TIME_MS: Final = 0
"""The earliest time the history accepts: 1970-01-01T00:00:00.000Z (a machine whose clock
was never set starts there)."""
MAX_TIME_MS: Final = 4_102_444_800_000
"""The first time the history refuses: 2100-01-01T00:00:00.000Z. Every time in the range
is a valid local date and time in every time zone, on every platform."""

_SQLITE_CORRUPT: Final = 11
_SQLITE_NOTADB: Final = 26
_CANNOT_WRITE: Final = frozenset({3, 8, 10, 14})  # PERM, READONLY, IOERR, CANTOPEN
_HEADER: Final = b"SQLite format 3\x00"

_WORKOUT_COLUMNS: Final = frozenset(
    {
        *("id", "uid", "protocol_id", "protocol_name", "schedule", "program_weeks"),
        *("protocol_toml", "started_ms", "ended_ms", "status", "note", "deleted_ms"),
    }
)
_SET_COLUMNS: Final = frozenset(
    {
        *("id", "workout_id", "position", "block", "set_number", "side", "exercise"),
        *("exercise_name", "target", "reps_min", "reps_max", "reps_done", "hold_s"),
        *("load_text", "load_amount", "load_unit", "started_ms", "ended_ms"),
    }
)


def _good_time(column: str) -> str:
    # The unary + keeps SQLite from choosing the time index for this test, which would
    # cost the summary queries their plan (a temporary B-tree for every GROUP BY).
    return (
        f"(typeof({column}) = 'integer' AND +{column} >= {MIN_TIME_MS} "
        f"AND +{column} < {MAX_TIME_MS})"
    )


def good_workout_sql(alias: str = "") -> str:
    """SQL true for a workout row every reader can show: its times in range and whole
    numbers. SQLite stores any value in any column, and other tools write to the file."""
    a = f"{alias}." if alias else ""
    return (
        f"({_good_time(f'{a}started_ms')} AND ({a}ended_ms IS NULL OR "
        f"{_good_time(f'{a}ended_ms')}) AND typeof({a}program_weeks) IN ('null', 'integer'))"
    )


def good_set_sql(alias: str = "") -> str:
    """SQL true for a set row every reader can show: times in range, numbers that are
    numbers. (Texts are read with CAST, so any type reads as text.)"""
    a = f"{alias}." if alias else ""
    whole = ("position", "block", "set_number", "target", "reps_min", "reps_max", "reps_done")
    return (
        "("
        + " AND ".join(
            [
                _good_time(f"{a}started_ms"),
                _good_time(f"{a}ended_ms"),
                *(f"typeof({a}{name}) = 'integer'" for name in whole),
                f"typeof({a}hold_s) IN ('integer', 'real')",
            ]
        )
        + ")"
    )


GOOD_WORKOUT_SQL: Final = good_workout_sql()
GOOD_SET_SQL: Final = good_set_sql()
_WORKOUT_FIELDS: Final = (
    "id, CAST(uid AS TEXT), CAST(protocol_id AS TEXT), CAST(protocol_name AS TEXT), "
    "CAST(schedule AS TEXT), program_weeks, {toml}, started_ms, ended_ms, "
    "CAST(status AS TEXT), CAST(note AS TEXT), deleted_ms"
)
_SET_FIELDS: Final = (
    "{a}position, {a}block, {a}set_number, CAST({a}side AS TEXT), CAST({a}exercise AS TEXT), "
    "CAST({a}exercise_name AS TEXT), {a}target, {a}reps_min, {a}reps_max, {a}reps_done, "
    "{a}hold_s, CAST({a}load_text AS TEXT), {a}started_ms, {a}ended_ms"
)


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _cannot_write(exc: sqlite3.Error) -> bool:
    """An error that means "not here, not writable" rather than a damaged file."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _CANNOT_WRITE


def _utc_day(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()


_T = TypeVar("_T")


class HistoryError(Exception):
    """The history cannot be used; ``str()`` is a sentence for the user."""


class HistoryTooNew(HistoryError):
    """The database was written by a newer Glute Timer; it was left untouched."""


# ---------------------------------------------------------------- records


class StoredSet(NamedTuple):
    """One set as stored. ``position`` orders the sets of a workout (0, 1, 2, ...).

    A named tuple rather than a dataclass: ten years of history are 20,000 of these,
    built straight from database rows.
    """

    position: int
    block: int
    set: int
    side: str | None
    exercise: str
    exercise_name: str
    target: int
    reps_min: int
    reps_max: int
    reps_done: int
    hold_s: float
    load: str
    started_ms: int
    ended_ms: int

    @property
    def load_amount(self) -> float | None:
        return parse_load(self.load)[0]

    @property
    def load_unit(self) -> str | None:
        return parse_load(self.load)[1]

    @classmethod
    def from_record(cls, position: int, record: SetRecord) -> StoredSet:
        return cls(
            position=position,
            block=record.block,
            set=record.set,
            side=record.side,
            exercise=storable(record.exercise),
            exercise_name=storable(record.exercise_name),
            target=record.target,
            reps_min=record.reps_min,
            reps_max=record.reps_max,
            reps_done=record.reps_done,
            hold_s=record.hold_s,
            load=storable(record.load),
            started_ms=to_ms(record.started_wall),
            ended_ms=to_ms(record.ended_wall),
        )


@dataclass(frozen=True)
class Workout:
    """A workout with its sets. ``uid`` identifies it across exports and imports."""

    uid: str
    protocol_id: str
    protocol_name: str
    schedule: str
    program_weeks: int | None
    protocol_toml: str
    started_ms: int
    ended_ms: int | None
    status: str
    note: str
    sets: tuple[StoredSet, ...] = ()
    deleted: bool = field(default=False, compare=False)

    @property
    def started(self) -> datetime:
        return local_datetime(self.started_ms)

    @property
    def total_reps(self) -> int:
        return sum(s.reps_done for s in self.sets)


@functools.lru_cache(maxsize=512)
def parse_load(text: str) -> tuple[float | None, str | None]:
    """The number and unit of a load text (cached: a history repeats a few loads)."""
    load = Load(text)
    return load.amount, load.unit


def to_ms(epoch_seconds: float) -> int:
    return round(epoch_seconds * 1000)


def valid_time(ms: object) -> bool:
    """``ms`` is a whole number of milliseconds within the history's range."""
    return type(ms) is int and MIN_TIME_MS <= ms < MAX_TIME_MS


def local_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000).astimezone()


def local_date(ms: int) -> date:
    return datetime.fromtimestamp(ms / 1000).date()


def new_uid() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- schema

Migration = Callable[[sqlite3.Connection], None]


def _create_v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE workouts (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            protocol_id TEXT NOT NULL,
            protocol_name TEXT NOT NULL,
            schedule TEXT NOT NULL DEFAULT 'as-needed',
            program_weeks INTEGER,
            protocol_toml TEXT NOT NULL DEFAULT '',
            started_ms INTEGER NOT NULL,
            ended_ms INTEGER,
            status TEXT NOT NULL DEFAULT 'in-progress'
                CHECK (status IN ('in-progress', 'completed', 'stopped')),
            note TEXT NOT NULL DEFAULT '',
            deleted_ms INTEGER
        )"""
    )
    conn.execute(
        """
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            workout_id INTEGER NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            block INTEGER NOT NULL,
            set_number INTEGER NOT NULL,
            side TEXT,
            exercise TEXT NOT NULL,
            exercise_name TEXT NOT NULL,
            target INTEGER NOT NULL,
            reps_min INTEGER NOT NULL,
            reps_max INTEGER NOT NULL,
            reps_done INTEGER NOT NULL,
            hold_s REAL NOT NULL,
            load_text TEXT NOT NULL,
            load_amount REAL,
            load_unit TEXT,
            started_ms INTEGER NOT NULL,
            ended_ms INTEGER NOT NULL,
            UNIQUE (workout_id, position)
        )"""
    )
    conn.execute("CREATE INDEX workouts_started ON workouts(started_ms)")
    conn.execute("CREATE INDEX workouts_protocol ON workouts(protocol_id, started_ms)")


def _add_summary_index(conn: sqlite3.Connection) -> None:
    # Covers the per-workout and per-exercise sums of charts and stats, so they read
    # one index instead of every set row (ten years: ~15 ms instead of ~35 ms).
    conn.execute(
        "CREATE INDEX sets_summary ON sets(workout_id, exercise, reps_done, load_unit, "
        "load_amount, hold_s, exercise_name)"
    )


MIGRATIONS: Final[tuple[Migration, ...]] = (_create_v1, _add_summary_index)
"""``MIGRATIONS[n]`` takes a database from version n to n + 1. Only ever append."""


# ---------------------------------------------------------------- the store


@dataclass(frozen=True)
class MergeResult:
    workouts_added: int
    sets_added: int
    workouts_updated: int


class HistoryStore:
    """The history database. Opening checks, repairs and migrates the file.

    Connections are opened per operation and always closed, so the store holds no
    file handle between calls and never leaks one.
    """

    def __init__(
        self,
        path: Path,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        wall_clock: Callable[[], float] = time.time,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.migrations = tuple(migrations)
        self.wall_clock = wall_clock
        self.read_only = read_only
        """Never write: no folder made, nothing migrated, moved aside or recovered."""
        self.notice: str | None = None
        """Set when something happened the user should know (a file moved aside)."""
        self.skipped: str | None = None
        """Set by the last reading call that left out rows it could not show."""
        self.backup_path: Path | None = None
        self._empty = False  # read-only and there is no history yet
        self._open()

    @property
    def schema_version(self) -> int:
        return len(self.migrations)

    # ------------------------------------------------------------ opening

    def _open(self) -> None:
        if self.read_only:
            self._open_read_only()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(
                f"The history folder {self.path.parent} cannot be used: {exc.strerror or exc}"
            ) from None
        try:
            version = self._probe()
        except _Unusable as exc:
            try:
                moved = self._move_aside()
            except OSError as move_error:
                raise HistoryError(
                    f"The history file {self.path} could not be read ({exc.reason}) and "
                    f"could not be moved aside ({move_error.strerror or move_error}); "
                    "it was left as it is."
                ) from None
            self.notice = (
                f"The history file {self.path} could not be read ({exc.reason}). "
                f"It was moved to {moved} and a new history was started."
            )
            log.warning("%s", self.notice)
            version = 0
        if version > self.schema_version:
            raise HistoryTooNew(
                f"The history file {self.path} was written by a newer version of Glute Timer "
                f"(schema {version}; this version reads up to {self.schema_version}). "
                "It was left untouched; update Glute Timer to use it."
            )
        if version < self.schema_version:
            try:
                self._migrate()
            except sqlite3.Error as exc:
                raise HistoryError(
                    f"The history file {self.path} could not be upgraded ({exc}); it was left "
                    "as it was"
                    + (f" (a copy is in {self.backup_path})." if self.backup_path else ".")
                ) from None

    def _open_read_only(self) -> None:
        if not self.path.exists():
            self._empty = True
            return
        try:
            version = self._probe(any_reader=True)
        except _Unusable as exc:
            raise HistoryError(
                f"The history file {self.path} could not be read ({exc.reason}); it was left "
                "as it is."
            ) from None
        if version > self.schema_version:
            raise HistoryTooNew(
                f"The history file {self.path} was written by a newer version of Glute Timer "
                f"(schema {version}; this version reads up to {self.schema_version}). "
                "It was left untouched; update Glute Timer to use it."
            )
        self._empty = version == 0

    def _probe(self, *, any_reader: bool = False) -> int:
        """The file's schema version, read without writing. Raises _Unusable.

        ``any_reader``: also through an immutable connection, for a file on a read-only
        disk whose WAL index cannot be made."""
        try:
            mode = os.stat(self.path).st_mode
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise _Unusable(exc.strerror or str(exc)) from None
        if not stat.S_ISREG(mode):
            # A named pipe would block the open below for ever; a device is no database.
            raise _Unusable("not a regular file")
        try:
            with open(self.path, "rb") as handle:
                header = handle.read(100)
        except OSError as exc:
            raise _Unusable(exc.strerror or str(exc)) from None
        if not header:
            return 0
        if not header.startswith(_HEADER):
            raise _Unusable("not a SQLite database")
        try:
            conn = self._read_only_connection(immutable_too=any_reader)
        except sqlite3.Error as exc:
            raise self._unusable_or_unavailable(exc) from None
        try:
            version: int = conn.execute("PRAGMA user_version").fetchone()[0]
            if version <= self.schema_version:
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
                if result != "ok":
                    raise _Unusable(f"damaged: {result}")
                self._check_tables(conn, version)
            return version
        except sqlite3.Error as exc:
            raise self._unusable_or_unavailable(exc) from None
        finally:
            conn.close()

    def _check_tables(self, conn: sqlite3.Connection, version: int) -> None:
        """The schema version and the tables must agree: another tool may have set the
        version or dropped a table. Raises _Unusable."""
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if version < 0:
            raise _Unusable(f"unknown schema version {version}")
        if version == 0:
            # Other tables are kept (the file is migrated after a backup); ours must not
            # be there yet, or creating them would fail.
            ours = sorted(tables & {"workouts", "sets"})
            if ours:
                raise _Unusable(f"a {' and '.join(ours)} table without a schema version")
            return
        for table, wanted in (("workouts", _WORKOUT_COLUMNS), ("sets", _SET_COLUMNS)):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not wanted <= columns:
                raise _Unusable(
                    f"schema version {version} but the {table} table is missing or incomplete"
                )

    def _read_only_connection(self, *, immutable_too: bool = True) -> sqlite3.Connection:
        """A connection that cannot write, tried as ``mode=ro`` and then (on a read-only
        disk where the WAL index cannot be made) ``immutable=1``."""
        modes = ["mode=ro", "mode=ro&immutable=1"] if immutable_too else ["mode=ro"]
        error: sqlite3.Error | None = None
        for mode in modes:
            conn = sqlite3.connect(
                f"file:{quote(str(self.path))}?{mode}",
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
            )
            try:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError as exc:
                conn.close()
                error = exc
                if not _cannot_write(exc):
                    raise
        assert error is not None
        raise error

    def _unusable_or_unavailable(self, exc: sqlite3.Error) -> Exception:
        """Only a damaged file is moved aside. A healthy file that cannot be opened here
        (a read-only or full disk, a lock, missing permissions for the WAL files) is left
        where it is: moving it would hide the user's history for no reason."""
        code = getattr(exc, "sqlite_errorcode", None)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return _Unusable(str(exc))
        return HistoryError(f"The history file {self.path} cannot be opened: {exc}")

    def _move_aside(self) -> Path:
        stamp = datetime.fromtimestamp(self.wall_clock()).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                with contextlib.suppress(OSError):
                    os.replace(extra, target.with_name(target.name + suffix))
        return target

    def _migrate(self) -> None:
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                version: int = conn.execute("PRAGMA user_version").fetchone()[0]
                has_tables = conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                ).fetchone()[0]
            finally:
                conn.execute("ROLLBACK")
            if version > self.schema_version:  # another process got there first
                raise HistoryTooNew(f"The history file {self.path} is newer than this version.")
            if version >= self.schema_version:
                return
            if version > 0 or has_tables:
                self.backup_path = self._backup(conn, version)
            for target in range(version, self.schema_version):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    current = conn.execute("PRAGMA user_version").fetchone()[0]
                    if current != target:  # migrated concurrently
                        conn.execute("ROLLBACK")
                        continue
                    self.migrations[target](conn)
                    conn.execute(f"PRAGMA user_version = {target + 1}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise

    def _backup(self, conn: sqlite3.Connection, version: int) -> Path:
        stamp = datetime.fromtimestamp(self.wall_clock()).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.v{version}-{stamp}.bak")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.v{version}-{stamp}-{counter}.bak")
        dest = sqlite3.connect(target)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        return target

    @contextlib.contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode (transactions are explicit); always closed."""
        if self.read_only:
            raise HistoryError(f"The history file {self.path} was opened read-only.")
        conn = self._writable_connection()
        try:
            yield conn
        finally:
            conn.close()

    def _writable_connection(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reading; always closed.

        On a disk that cannot be written (a read-only mount, a file of another user) it is
        a read-only connection, so the history can still be listed, exported and counted.
        """
        conn = self._reading_connection()
        try:
            yield conn
        finally:
            conn.close()

    def _reading_connection(self) -> sqlite3.Connection:
        if self._empty:
            conn = sqlite3.connect(":memory:", isolation_level=None)
            for migrate in self.migrations:
                migrate(conn)
            return conn
        if not self.read_only:
            try:
                conn = self._writable_connection()
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError as exc:
                if not _cannot_write(exc):
                    raise
                log.info("reading %s read-only: %s", self.path, exc)
                self.read_only = True  # and so from now on
        return self._read_only_connection()

    def read(self, query: Callable[[sqlite3.Connection], _T]) -> _T:
        """``query(conn)`` on a reading connection. Text that is not valid UTF-8 (another
        tool wrote it) is read with replacement characters instead of failing the read."""
        with self.reading() as conn:
            try:
                return query(conn)
            except sqlite3.OperationalError as exc:
                if "decode" not in str(exc):
                    raise
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                conn.text_factory = _lenient_text
                return query(conn)

    def bad_rows_notice(self, conn: sqlite3.Connection, bad_sets: int = 0) -> str | None:
        """What readers left out: the workouts (not deleted) no reader can show, and
        ``bad_sets`` counted by the caller. None when nothing was left out."""
        bad = conn.execute(
            f"SELECT uid FROM workouts WHERE deleted_ms IS NULL AND NOT {GOOD_WORKOUT_SQL}"
        ).fetchall()
        return left_out_notice([str(row[0]) for row in bad], bad_sets)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # ------------------------------------------------------------ writing

    def begin_workout(self, workout: Workout) -> None:
        """Insert the workout row (without sets) unless it exists already."""
        with self.transaction() as conn:
            _insert_workout(conn, workout)

    def add_set(self, workout_uid: str, stored: StoredSet) -> None:
        with self.transaction() as conn:
            _insert_set(conn, _workout_id(conn, workout_uid), stored)

    def correct_set(self, workout_uid: str, position: int, load: str) -> None:
        parsed = Load(load)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sets SET load_text = ?, load_amount = ?, load_unit = ? "
                "WHERE workout_id = ? AND position = ?",
                (load, parsed.amount, parsed.unit, _workout_id(conn, workout_uid), position),
            )

    def finish_workout(self, workout_uid: str, status: str, ended_ms: int) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.transaction() as conn:
            conn.execute(
                "UPDATE workouts SET status = ?, ended_ms = ? WHERE uid = ?",
                (status, ended_ms, workout_uid),
            )

    def set_note(self, workout_uid: str, note: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE workouts SET note = ? WHERE uid = ?", (note.strip(), workout_uid))

    def delete_workout(self, workout_uid: str) -> None:
        """Hide a wrongly logged workout; ``undelete_workout`` brings it back."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE workouts SET deleted_ms = ? WHERE uid = ?",
                (to_ms(self.wall_clock()), workout_uid),
            )

    def undelete_workout(self, workout_uid: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE workouts SET deleted_ms = NULL WHERE uid = ?", (workout_uid,))

    def merge(
        self,
        workouts: Sequence[Workout],
        progress: Callable[[str, int, int], None] | None = None,
    ) -> MergeResult:
        """Add workouts and sets that are not there yet, all in one transaction.

        A workout already present (same uid) gains the sets it lacks; its end, status
        and note are filled in when they are missing here. Linear: a few indexed
        statements per workout. ``progress("saving", done, total)`` hears how far it got.
        """
        added = sets_added = updated = 0
        total = len(workouts)
        with self.transaction() as conn:
            for number, workout in enumerate(workouts):
                if progress is not None and number % 500 == 0:
                    progress("saving", number, total)
                row = conn.execute(
                    "SELECT id, ended_ms, status, note FROM workouts WHERE uid = ?",
                    (workout.uid,),
                ).fetchone()
                if row is None:
                    workout_id = _insert_workout(conn, workout)
                    added += 1
                    if workout.sets:
                        sets_added += _insert_new_sets(conn, workout_id, workout.sets)
                    continue
                else:
                    workout_id, ended_ms, status, note = row
                    if (status == "in-progress" and workout.status != "in-progress") or (
                        not note and workout.note
                    ):
                        conn.execute(
                            "UPDATE workouts SET ended_ms = coalesce(?, ended_ms), "
                            "status = CASE WHEN status = 'in-progress' THEN ? ELSE status END, "
                            "note = CASE WHEN note = '' THEN ? ELSE note END WHERE id = ?",
                            (
                                workout.ended_ms if ended_ms is None else None,
                                workout.status,
                                workout.note,
                                workout_id,
                            ),
                        )
                        updated += 1
                for stored in workout.sets:
                    sets_added += _insert_set(conn, workout_id, stored)
        return MergeResult(added, sets_added, updated)

    # ------------------------------------------------------------ reading

    def workouts(
        self,
        *,
        since_ms: int | None = None,
        include_deleted: bool = False,
        with_protocol: bool = True,
        with_sets: bool = True,
    ) -> list[Workout]:
        """Workouts oldest first, each with its sets in order.

        ``with_protocol=False`` leaves out the protocol file copies and ``with_sets=False``
        the sets (for displays that fetch a workout's sets with ``sets_of`` when needed).
        Rows no reader could show (a time outside MIN_TIME_MS..MAX_TIME_MS, a value of the
        wrong type) are left out, and ``skipped`` says so.
        """
        where = [GOOD_WORKOUT_SQL]
        params: list[object] = []
        if since_ms is not None:
            where.append("started_ms >= ?")
            params.append(since_ms)
        if not include_deleted:
            where.append("deleted_ms IS NULL")
        condition = " AND ".join(where)
        toml = "protocol_toml" if with_protocol else "''"

        def query(
            conn: sqlite3.Connection,
        ) -> tuple[list[Any], dict[int, list[StoredSet]], str | None]:
            conn.execute("BEGIN")
            rows = conn.execute(
                f"SELECT {_WORKOUT_FIELDS.format(toml=toml)} "
                f"FROM workouts WHERE {condition} ORDER BY started_ms, id",
                params,
            ).fetchall()
            wanted = {r[0] for r in rows}
            by_workout: dict[int, list[StoredSet]] = {}
            bad_sets = 0
            if with_sets:
                # All sets in index order, filtered here: cheaper than a join for the
                # usual case of (nearly) every workout.
                first_id = min(wanted, default=0)
                set_rows = conn.execute(
                    f"SELECT workout_id, {_SET_FIELDS.format(a='')} FROM sets "
                    f"WHERE workout_id >= ? AND {GOOD_SET_SQL} ORDER BY workout_id, position",
                    (first_id,),
                ).fetchall()
                make = StoredSet._make
                kept = 0
                for r in set_rows:
                    workout_id = r[0]
                    if workout_id in wanted:
                        by_workout.setdefault(workout_id, []).append(make(r[1:]))
                        kept += 1
                total = conn.execute(
                    "SELECT count(*) FROM sets WHERE workout_id IN "
                    f"(SELECT id FROM workouts WHERE {condition})",
                    params,
                ).fetchone()[0]
                bad_sets = total - kept
            notice = self.bad_rows_notice(conn, bad_sets)
            conn.execute("COMMIT")
            return rows, by_workout, notice

        rows, by_workout, self.skipped = self.read(query)
        return [
            Workout(
                uid=r[1],
                protocol_id=r[2],
                protocol_name=r[3],
                schedule=r[4],
                program_weeks=r[5],
                protocol_toml=r[6],
                started_ms=r[7],
                ended_ms=r[8],
                status=r[9],
                note=r[10],
                sets=tuple(by_workout.get(r[0], ())),
                deleted=r[11] is not None,
            )
            for r in rows
        ]

    def workout(self, uid: str) -> Workout | None:
        for workout in self.workouts(include_deleted=True):
            if workout.uid == uid:
                return workout
        return None

    def sets_of(self, uid: str) -> tuple[StoredSet, ...]:
        """The sets of one workout, in order (those no reader could show left out)."""

        def query(conn: sqlite3.Connection) -> list[Any]:
            rows: list[Any] = conn.execute(
                f"SELECT {_SET_FIELDS.format(a='s.')} FROM sets s "
                f"JOIN workouts w ON w.id = s.workout_id WHERE w.uid = ? AND {good_set_sql('s')} "
                "ORDER BY s.position",
                (uid,),
            ).fetchall()
            return rows

        return tuple(StoredSet._make(r) for r in self.read(query))

    def exercise_totals(self) -> list[ExerciseTotals]:
        """Per workout and exercise: sets, reps and the top load (charts, calendar, lists)."""

        def query(conn: sqlite3.Connection) -> list[Any]:
            rows: list[Any] = conn.execute(
                "SELECT w.uid, w.started_ms, s.exercise, max(s.exercise_name), count(*), "
                "sum(s.reps_done), max(s.load_amount), max(s.load_unit) "
                "FROM workouts w JOIN sets s ON s.workout_id = w.id "
                f"WHERE w.deleted_ms IS NULL AND {good_workout_sql('w')} "
                "GROUP BY w.id, s.exercise"
            ).fetchall()
            return rows

        totals = []
        for row in self.read(query):
            total = _exercise_totals(row)
            if total is not None:
                totals.append(total)
        return totals


def left_out_notice(workout_uids: Sequence[str], sets: int = 0) -> str | None:
    """The notice for rows a reader left out (None when it left out nothing)."""
    if not workout_uids and not sets:
        return None
    parts = []
    if workout_uids:
        count = len(workout_uids)
        first = printable(workout_uids[0][:12])
        parts.append(f"{count} workout{'s' if count != 1 else ''} (first: {first})")
    if sets:
        parts.append(f"{sets} set{'s' if sets != 1 else ''}")
    return (
        f"Left out {' and '.join(parts)} of the history with impossible dates or values "
        f"(a time outside {_utc_day(MIN_TIME_MS)} to {_utc_day(MAX_TIME_MS)}, "
        "or a number that is not one)."
    )


class ExerciseTotals(NamedTuple):
    workout_uid: str
    started_ms: int
    exercise: str
    exercise_name: str
    sets: int
    reps: int
    top_load: float | None
    unit: str | None


def _exercise_totals(row: Sequence[Any]) -> ExerciseTotals | None:
    """A summary row as its types say, or None when another tool wrote nonsense into it
    (the summary reads only the index, so it checks what it gets instead)."""
    uid, started, exercise, name, sets, reps, top, unit = row
    if type(reps) is not int or not isinstance(top, int | float | None):
        return None
    if isinstance(top, bool):
        return None
    return ExerciseTotals(
        str(uid),
        started,
        str(exercise),
        str(name),
        sets,
        reps,
        None if top is None else float(top),
        None if unit is None else str(unit),
    )


def day_totals(rows: Sequence[ExerciseTotals]) -> list[DayTotals]:
    """Per-workout totals folded into local days."""
    merged: dict[tuple[date, str], list[Any]] = {}
    days: dict[int, date] = {}
    for row in rows:
        day = days.get(row.started_ms)
        if day is None:
            day = days[row.started_ms] = local_date(row.started_ms)
        entry = merged.get((day, row.exercise))
        if entry is None:
            merged[(day, row.exercise)] = [
                row.exercise_name,
                row.sets,
                row.reps,
                row.top_load,
                row.unit,
            ]
            continue
        entry[1] += row.sets
        entry[2] += row.reps
        if row.top_load is not None and (entry[3] is None or row.top_load > entry[3]):
            entry[3], entry[4] = row.top_load, row.unit
    return [DayTotals(key[0], key[1], *merged[key]) for key in sorted(merged)]


class DayTotals(NamedTuple):
    day: date
    exercise: str
    exercise_name: str
    sets: int
    reps: int
    top_load: float | None
    unit: str | None


class _Unusable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _workout_id(conn: sqlite3.Connection, uid: str) -> int:
    row = conn.execute("SELECT id FROM workouts WHERE uid = ?", (uid,)).fetchone()
    if row is None:
        raise HistoryError(f"no workout {uid} in the history")
    workout_id: int = row[0]
    return workout_id


def _insert_workout(conn: sqlite3.Connection, w: Workout) -> int:
    conn.execute(
        "INSERT INTO workouts (uid, protocol_id, protocol_name, schedule, program_weeks, "
        "protocol_toml, started_ms, ended_ms, status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (uid) DO NOTHING",
        (
            w.uid,
            w.protocol_id,
            w.protocol_name,
            w.schedule,
            w.program_weeks,
            w.protocol_toml,
            w.started_ms,
            w.ended_ms,
            w.status,
            w.note,
        ),
    )
    return _workout_id(conn, w.uid)


def _insert_new_sets(conn: sqlite3.Connection, workout_id: int, sets: Sequence[StoredSet]) -> int:
    """The sets of a workout just inserted (none can be there yet), in one statement."""
    conn.executemany(
        "INSERT INTO sets (workout_id, position, block, set_number, side, exercise, "
        "exercise_name, target, reps_min, reps_max, reps_done, hold_s, load_text, load_amount, "
        "load_unit, started_ms, ended_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                workout_id,
                s.position,
                s.block,
                s.set,
                s.side,
                s.exercise,
                s.exercise_name,
                s.target,
                s.reps_min,
                s.reps_max,
                s.reps_done,
                s.hold_s,
                s.load,
                s.load_amount,
                s.load_unit,
                s.started_ms,
                s.ended_ms,
            )
            for s in sets
        ],
    )
    return len(sets)


def _insert_set(conn: sqlite3.Connection, workout_id: int, s: StoredSet) -> int:
    cursor = conn.execute(
        "INSERT INTO sets (workout_id, position, block, set_number, side, exercise, "
        "exercise_name, target, reps_min, reps_max, reps_done, hold_s, load_text, load_amount, "
        "load_unit, started_ms, ended_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (workout_id, position) DO NOTHING",
        (
            workout_id,
            s.position,
            s.block,
            s.set,
            s.side,
            s.exercise,
            s.exercise_name,
            s.target,
            s.reps_min,
            s.reps_max,
            s.reps_done,
            s.hold_s,
            s.load,
            s.load_amount,
            s.load_unit,
            s.started_ms,
            s.ended_ms,
        ),
    )
    return cursor.rowcount


def open_history(context: AppContext) -> HistoryStore:
    """The user's history store, with leftover rescue files merged in.

    Raises HistoryError (e.g. HistoryTooNew). ``store.notice`` holds anything the user
    should be told (a damaged file moved aside, a rescue file that would not import).
    """
    return open_history_at(context.paths.history_db)


def open_history_at(path: Path) -> HistoryStore:
    """``open_history`` for a database path."""
    from glute_timer.core.history_io import recover_rescue_files

    store = HistoryStore(path)
    recovered = recover_rescue_files(store)
    messages = [m for m in (store.notice, *recovered.problems) if m]
    if recovered.files:
        messages.append(
            f"Recovered {recovered.sets_added} unsaved set(s) from {len(recovered.files)} file(s)."
        )
    store.notice = " ".join(messages) or None
    return store


def open_history_for_reading(context: AppContext) -> HistoryStore:
    """The history for commands that only read it (listing, exports, stats, the page).

    Like ``open_history`` where the history can be written; where it cannot (a read-only
    disk or folder, a file of another user), the same history opened read-only, so it
    can still be listed and exported. Raises HistoryError when neither works (and always
    for HistoryTooNew).
    """
    path = context.paths.history_db
    try:
        return open_history_at(path)
    except HistoryTooNew:
        raise
    except HistoryError as writable:
        reason = str(writable)
        if not path.is_file():
            raise  # nothing to read, and where it belongs cannot be used: say so
        try:
            store = HistoryStore(path, read_only=True)
        except HistoryTooNew:
            raise
        except HistoryError:
            raise writable from None
    log.info("history opened read-only: %s", reason)
    from glute_timer.core.history_io import RESCUE_GLOB

    waiting = sorted(path.parent.glob(RESCUE_GLOB)) if path.parent.is_dir() else []
    if waiting:
        store.notice = (
            f"{len(waiting)} unsaved workout file(s) beside {path} wait to be added: the "
            "history cannot be written now."
        )
    return store


# ---------------------------------------------------------------- the recorder


class HistoryRecorder:
    """A session listener that records each completed set the moment it arrives.

    It never raises into the session. When the database cannot be written, the pending
    writes stay in memory in order, ``problem`` says what is wrong, and every later event
    (or a call to ``retry()``) tries again. If the workout ends with writes still pending,
    they are also saved as a JSON file next to the database (``history-unsaved-*.json``)
    that the next opening of the history imports.

    Calling it writes at once, on the caller's thread; ``HistoryWriter`` runs it on a
    thread of its own (what the window and the terminal do).
    """

    def __init__(
        self,
        path: Path,
        plan: Plan,
        protocol_id: str,
        *,
        wall_clock: Callable[[], float] = time.time,
        store_factory: Callable[[Path], HistoryStore] | None = None,
    ) -> None:
        self.path = path
        self.plan = plan
        self.protocol_id = storable(protocol_id)  # a file name may not be valid UTF-8
        self.wall_clock = wall_clock
        self.problem: str | None = None
        self.uid = new_uid()
        self._store_factory = store_factory or open_history_at
        self.notice: str | None = None
        """Something to tell the user once (e.g. a damaged file was moved aside)."""
        self._store: HistoryStore | None = None
        self._pending: list[Callable[[HistoryStore], None]] = []
        self._pending_sets: dict[int, StoredSet] = {}
        self._started_ms: int | None = None
        self._begun = False
        self._finished: tuple[str, int] | None = None
        self.saved_sets = 0
        self._rescue_path: Path | None = None
        self._rescued_version = -1  # the _changes a rescue file was written for
        self._changes = 0
        self._told: set[str] = set()
        self._lock = threading.RLock()  # the records, against a rescue from another thread

    def untold(self) -> list[str]:
        """The notice and problem messages not yet handed out: tell the user each once."""
        with self._lock:
            fresh = [m for m in (self.notice, self.problem) if m and m not in self._told]
            self._told.update(fresh)
        return fresh

    @property
    def pending(self) -> int:
        """Writes not yet in the database."""
        return len(self._pending)

    @property
    def finished(self) -> bool:
        return self._finished is not None

    def __call__(self, event: Event) -> None:
        self.record(event)
        self.retry()

    def record(self, event: Event) -> None:
        """Take in ``event`` (queue its writes) without writing; never raises."""
        try:
            with self._lock:
                self._handle(event)
        except Exception as exc:  # never into the session
            log.exception("history recorder failed")
            self.problem = f"History: {exc}"

    def _handle(self, event: Event) -> None:
        if isinstance(event, StateChanged):
            if event.state is State.RUNNING and self._started_ms is None:
                # The session's own wall time for the start: the sets' times come from the
                # same mapping, so the workout encloses them exactly.
                wall = event.wall if event.wall is not None else self.wall_clock()
                self._started_ms = to_ms(wall)
            return
        if isinstance(event, SetCompleted):
            position = len(self._pending_sets)
            stored = StoredSet.from_record(position, event.record)
            self._pending_sets[position] = stored
            self._changes += 1
            if not self._begun:
                self._begun = True
                self._pending.append(self._begin_op())
            self._pending.append(lambda store: self._add(store, stored))
        elif isinstance(event, SetCorrected):
            if event.index not in self._pending_sets:
                return
            old = self._pending_sets[event.index]
            fixed = StoredSet.from_record(event.index, event.record)
            self._pending_sets[event.index] = fixed
            if old == fixed:
                return
            self._changes += 1
            self._pending.append(
                lambda store: store.correct_set(self.uid, fixed.position, fixed.load)
            )
        elif isinstance(event, WorkoutFinished):
            if not self._begun:
                return  # nothing was done: nothing to record
            status = "completed" if event.completed else "stopped"
            wall = event.wall if event.wall is not None else self.wall_clock()
            self._finished = (status, to_ms(wall))
            self._changes += 1
            self._pending.append(lambda store: store.finish_workout(self.uid, status, self._end()))

    def _end(self) -> int:
        assert self._finished is not None
        return self._finished[1]

    def _begin_op(self) -> Callable[[HistoryStore], None]:
        workout = self.workout_header()
        return lambda store: store.begin_workout(workout)

    def _add(self, store: HistoryStore, stored: StoredSet) -> None:
        store.add_set(self.uid, stored)
        self.saved_sets += 1

    def workout_header(self) -> Workout:
        protocol = self.plan.protocol
        first = self._pending_sets.get(0)
        started = self._started_ms
        if started is None:
            started = first.started_ms if first else to_ms(self.wall_clock())
        if first is not None:
            started = min(started, first.started_ms)
        return Workout(
            uid=self.uid,
            protocol_id=self.protocol_id,
            protocol_name=storable(protocol.name),
            schedule=protocol.schedule,
            program_weeks=protocol.program_weeks,
            protocol_toml=storable(dump_protocol(protocol)),
            started_ms=started,
            ended_ms=None,
            status="in-progress",
            note="",
        )

    def flush(self) -> bool:
        """Write what is pending, in order; True when nothing is left.

        Whatever goes wrong (a locked or full database, a bug), the writes stay pending in
        memory and, while sets are among them, in a rescue file: a set is saved, retried
        or rescued, never dropped.
        """
        while self._pending:
            try:
                if self._store is None:
                    self._store = self._store_factory(self.path)
                    self.notice = self._store.notice
                self._pending[0](self._store)
            except Exception as exc:
                if not isinstance(exc, sqlite3.Error | OSError | HistoryError):
                    log.exception("writing to the history failed")
                if not isinstance(exc, sqlite3.Error):
                    self._store = None  # open it afresh next time
                waiting = len(self._pending_sets) - self.saved_sets
                self.problem = (
                    f"Could not save to the history ({exc}); "
                    f"{waiting} set{'s' if waiting != 1 else ''} kept in memory, retrying."
                )
                log.warning("%s", self.problem)
                if self._pending_sets:
                    self._rescue()
                return False
            self._pending.pop(0)
        self.problem = None
        if self._rescue_path is not None:
            # Everything reached the database; the rescue copy is no longer needed.
            with contextlib.suppress(OSError):
                self._rescue_path.unlink(missing_ok=True)
            self._rescue_path = None
            self._rescued_version = -1
        return True

    def prepare(self) -> None:
        """Open (check, migrate) the database now rather than at the first set."""
        if self._store is not None:
            return
        try:
            self._store = self._store_factory(self.path)
            self.notice = self._store.notice
        except Exception as exc:
            self.problem = f"The history cannot be opened ({exc}); sets will be kept in memory."

    def retry(self) -> bool:
        try:
            return self.flush()
        except Exception as exc:
            self.problem = f"History: {exc}"
            return False

    def snapshot(self) -> Workout:
        """The workout as recorded so far, whether or not it reached the database."""
        with self._lock:
            header = self.workout_header()
            status, ended = self._finished if self._finished else ("in-progress", None)
            return replace(
                header,
                status=status,
                ended_ms=ended,
                sets=tuple(self._pending_sets[i] for i in sorted(self._pending_sets)),
            )

    def rescue_now(self) -> Path | None:
        """Make sure what is not in the database yet is in a rescue file (for a writer
        that is still waiting on a locked database when the program must end)."""
        with self._lock:
            if not self._pending or not self._pending_sets:
                return None
            if self._rescued_version != self._changes:
                self._rescue()
            return self._rescue_path

    def _rescue(self) -> None:
        from glute_timer.core.history_io import write_rescue_file

        with self._lock:
            version = self._changes
            try:
                where = write_rescue_file(self.path.parent, self.snapshot())
            except Exception as exc:
                self.problem = f"{self.problem} Could not save a rescue copy either: {exc}"
                return
            self._rescue_path = where
            self._rescued_version = version
            self.problem = (
                f"{self.problem} A copy was saved to {where}; it will be added "
                "to the history the next time it opens."
            )


def open_history_recorder(context: AppContext, plan: Plan, protocol_id: str) -> HistoryRecorder:
    """A listener for ``Session.subscribe`` that records the workout of ``plan``.

    The database is opened (checked, migrated) here, before the workout starts; trouble
    shows in ``recorder.problem`` and never raises.
    """
    recorder = HistoryRecorder(context.paths.history_db, plan, protocol_id)
    recorder.prepare()
    return recorder


# ---------------------------------------------------------------- the writer thread

RETRY_FIRST: Final = 1.0
"""Seconds before a failed write is tried again; doubled after each failure ..."""
RETRY_MAX: Final = 30.0
"""... up to this."""
CLOSE_WAIT: Final = BUSY_TIMEOUT_MS / 1000 + 2.0
"""How long ``close()`` waits for the last writes: one attempt on a locked database."""
IDLE_EXIT: Final = 30.0
"""A writer whose workout ended and is saved lets its thread go after this long idle."""

_STOP: Final = object()
_RETRY: Final = object()
_LIVE: weakref.WeakSet[HistoryWriter] = weakref.WeakSet()


class HistoryWriter:
    """Records a workout on a thread of its own, so no history write ever runs on the
    thread that keeps time.

    Calling it (the session's listener) only queues the event: it never blocks, however
    long the database is locked (a backup tool, an SQLite browser holding the write lock
    waits out the busy timeout on this thread, not on the clock's). The recorder's
    guarantees hold unchanged: each set is written in order as soon as the database takes
    it, retried (after 1 s, 2 s, 4 s ... up to 30 s) while it does not, and kept in a
    rescue file meanwhile. ``on_message`` hears each notice and problem once, from the
    writer's thread. ``close()`` waits for the last writes; at exit, open writers are
    closed the same way.
    """

    def __init__(
        self,
        recorder: HistoryRecorder,
        *,
        on_message: Callable[[str], None] | None = None,
        retry_first: float = RETRY_FIRST,
        retry_max: float = RETRY_MAX,
        idle_exit: float = IDLE_EXIT,
    ) -> None:
        self.recorder = recorder
        self._on_message = on_message
        self._retry_first = retry_first
        self._retry_max = retry_max
        self._idle_exit = idle_exit
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._cond = threading.Condition()
        self._submitted = 0
        self._processed = 0
        self._attempts = 0  # writes tried (after events or to retry), for close()
        self._running = False
        self._closed = False
        self._prepared = False
        _LIVE.add(self)
        with self._cond:
            self._start_thread()

    # ------------------------------------------------------------ the session's side

    def __call__(self, event: Event) -> None:
        """Queue ``event``; returns at once."""
        with self._cond:
            if self._closed:
                # Too late for the thread: record it here rather than lose it.
                self.recorder(event)
                return
            self._submitted += 1
            self._queue.put(event)
            if not self._running:
                self._start_thread()

    @property
    def pending(self) -> int:
        """Events not yet taken in, plus writes not yet in the database."""
        with self._cond:
            return self._submitted - self._processed + self.recorder.pending

    @property
    def saved_sets(self) -> int:
        return self.recorder.saved_sets

    @property
    def problem(self) -> str | None:
        return self.recorder.problem

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every event so far is in the database (True), or ``timeout``."""
        with self._cond:
            return self._cond.wait_for(self._saved, timeout)

    def close(self, timeout: float = CLOSE_WAIT) -> bool:
        """Write what is left, then stop; True when everything was saved.

        Waits for the events queued so far and, while the database refuses them, for one
        more attempt (on a locked database that takes its busy timeout), at most
        ``timeout`` seconds. What was not saved is in a rescue file (written now if need
        be), which the next opening of the history merges in.
        """
        with self._cond:
            target = self._attempts + 1
            if not self._saved():
                self._queue.put(_RETRY)  # try again now, not after the back-off
                if not self._running:
                    self._start_thread()
            self._cond.wait_for(
                lambda: (
                    self._saved()
                    or (self._processed == self._submitted and self._attempts >= target)
                ),
                timeout,
            )
            saved = self._saved()
            self._closed = True
            self._queue.put(_STOP)
        if not saved:
            self.recorder.rescue_now()
        _LIVE.discard(self)
        self._tell()
        return saved

    # ------------------------------------------------------------ the writer's thread

    def _saved(self) -> bool:
        return self._processed == self._submitted and self.recorder.pending == 0

    def _start_thread(self) -> None:
        self._running = True
        threading.Thread(target=self._run, name="history-writer", daemon=True).start()

    def _run(self) -> None:
        if not self._prepared:
            self._prepared = True
            self.recorder.prepare()  # may wait for a lock: here, not on the clock's thread
            self._tell()
        delay = self._retry_first
        while True:
            failing = self.recorder.pending > 0
            timeout = delay if failing else (self._idle_exit if self.recorder.finished else None)
            try:
                item: object = self._queue.get(timeout=timeout)
            except queue.Empty:
                item = None
            batch: list[object] = [] if item is None else [item]
            while True:  # a burst of events (a set ends: its cues, the set) goes in one go
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stop = any(entry is _STOP for entry in batch)
            events = [entry for entry in batch if entry is not _STOP and entry is not _RETRY]
            if not events and not failing:
                with self._cond:
                    if stop or (self._saved() and self._queue.empty()):
                        self._running = False
                        return
                continue
            for event in events:
                self.recorder.record(event)  # type: ignore[arg-type]
            saved = self.recorder.retry()
            delay = self._retry_first if saved else min(delay * 2, self._retry_max)
            with self._cond:
                self._processed += len(events)
                self._attempts += 1
                self._cond.notify_all()
            self._tell()
            if stop:
                with self._cond:
                    self._running = False
                return

    def _tell(self) -> None:
        if self._on_message is None:
            return
        for message in self.recorder.untold():
            try:
                self._on_message(message)
            except Exception:
                log.exception("telling the user about the history failed")


def _close_live_writers() -> None:
    # At exit: the last set of a workout ended by closing the window still gets written.
    for writer in list(_LIVE):
        writer.close()


atexit.register(_close_live_writers)


def start_history_writer(
    context: AppContext,
    plan: Plan,
    protocol_id: str,
    on_message: Callable[[str], None] | None = None,
) -> HistoryWriter:
    """A listener for ``Session.subscribe`` that records the workout of ``plan`` from a
    thread of its own; the database is opened (checked, migrated) there too."""
    recorder = HistoryRecorder(context.paths.history_db, plan, protocol_id)
    return HistoryWriter(recorder, on_message=on_message)
