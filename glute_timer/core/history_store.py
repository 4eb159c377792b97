"""The history database: every completed set in SQLite, never lost.

One database file (``AppPaths.history_db``) with two tables, ``workouts`` and ``sets``
(``history_schema``); opening it checks, repairs and migrates the file
(``history_file``), merges the rescue files left beside it (``history_rescue``) and
closes the workouts no live process is recording any more (``history_locks``).

Safety rules this module keeps:

- Each set is committed in its own transaction the moment it completes (``synchronous =
  FULL`` in WAL mode), so a killed process loses at most the set in progress.
- WAL and a busy timeout let the GUI and the command line use the file at once.
- A file written by a newer version is refused with a clear message and never written to;
  migrations run after a backup copy; a damaged file is moved aside, never overwritten,
  and ``notice`` says where it went.
- A workout left ``in-progress`` by a process that died (killed, crashed) is closed as
  ``stopped`` at its last set's end when the history next opens; one a live process is
  recording (another terminal run, the window) is left alone.
- Deleting a workout only marks it deleted (undo clears the mark); nothing is erased.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from glute_timer.core.display import plural
from glute_timer.core.history_file import (
    Unusable,
    backup_copy,
    cannot_write,
    lenient_text,
    move_aside,
    probe,
    read_only_connection,
    run_migrations,
    schema_state,
    writable_connection,
)
from glute_timer.core.history_import import Progress, read_export
from glute_timer.core.history_locks import being_recorded, remove_stale_locks
from glute_timer.core.history_model import (
    GOOD_SET_SQL,
    GOOD_WORKOUT_SQL,
    STATUSES,
    ExerciseTotals,
    HistoryError,
    HistoryTooNew,
    MergeResult,
    StoredSet,
    Workout,
    exercise_totals_row,
    good_set_sql,
    good_workout_sql,
    left_out_notice,
    to_ms,
)
from glute_timer.core.history_rescue import recover_rescue_files, waiting_rescue_files
from glute_timer.core.history_schema import (
    EFFORT_SINCE,
    MIGRATIONS,
    WORKOUT_FIELDS,
    Migration,
    insert_new_sets,
    insert_set,
    insert_workout,
    set_fields,
    workout_row_id,
)
from glute_timer.core.protocol import Load

log = logging.getLogger(__name__)

ABANDONED_AFTER_MS: Final = 24 * 3600 * 1000
"""Where there are no file locks to tell a live recorder by (Windows), an in-progress
workout with no set (nor start) for this long is taken as abandoned and closed."""

_T = TypeVar("_T")


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
        self.file_version = len(self.migrations)
        """The schema the file has: the store's own, except for an older file opened
        read-only (which is never migrated); reads and writes use its columns."""
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
            version = probe(self.path, self.schema_version)
        except Unusable as exc:
            try:
                moved = move_aside(self.path, self.wall_clock())
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
            version = probe(self.path, self.schema_version, any_reader=True)
        except Unusable as exc:
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
        if version:
            self.file_version = version

    def _migrate(self) -> None:
        with self.connect() as conn:
            version, has_tables = schema_state(conn)
            if version > self.schema_version:  # another process got there first
                raise HistoryTooNew(f"The history file {self.path} is newer than this version.")
            if version >= self.schema_version:
                return
            if version > 0 or has_tables:
                self.backup_path = backup_copy(conn, self.path, version, self.wall_clock())
            run_migrations(conn, self.migrations, version)

    @contextlib.contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode (transactions are explicit); always closed."""
        if self.read_only:
            raise HistoryError(f"The history file {self.path} was opened read-only.")
        conn = writable_connection(self.path)
        try:
            yield conn
        finally:
            conn.close()

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
                conn = writable_connection(self.path)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError as exc:
                if not cannot_write(exc):
                    raise
                log.info("reading %s read-only: %s", self.path, exc)
                self.read_only = True  # and so from now on
        return read_only_connection(self.path)

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
                conn.text_factory = lenient_text
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
            insert_workout(conn, workout)

    def add_set(self, workout_uid: str, stored: StoredSet) -> None:
        with self.transaction() as conn:
            insert_set(conn, workout_row_id(conn, workout_uid), stored, self.file_version)

    def correct_set(
        self, workout_uid: str, position: int, load: str, effort: int | None = None
    ) -> None:
        """A completed set's load, and its effort rating (1-3, None: not rated), as the
        user corrected them."""
        parsed = Load(load)
        with self.transaction() as conn:
            workout_id = workout_row_id(conn, workout_uid)
            conn.execute(
                "UPDATE sets SET load_text = ?, load_amount = ?, load_unit = ? "
                "WHERE workout_id = ? AND position = ?",
                (load, parsed.amount, parsed.unit, workout_id, position),
            )
            if self.file_version >= EFFORT_SINCE:
                conn.execute(
                    "UPDATE sets SET effort = ? WHERE workout_id = ? AND position = ?",
                    (effort, workout_id, position),
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

    # ------------------------------------------------------------ abandoned workouts

    def close_abandoned_workouts(self) -> int:
        """Close as ``stopped`` every in-progress workout no live process is recording
        (its process was killed or crashed), at its last set's end (a workout without
        sets: at its start). Returns how many were closed.

        A recorder holds its workout's lock from before the workout's row is written
        until its end is saved (``history_locks``), so a free lock means nobody will
        finish the workout. The lock is tested after the row was seen, and the row is
        closed only if it is still in progress then: a recorder that saved its end and
        let go meanwhile keeps its own status. Where there are no locks (Windows), a
        workout with no set for ``ABANDONED_AFTER_MS`` counts as abandoned.
        """
        if self.read_only or self._empty:
            return 0

        def query(conn: sqlite3.Connection) -> list[Any]:
            rows: list[Any] = conn.execute(
                "SELECT CAST(w.uid AS TEXT), w.started_ms, (SELECT max(s.ended_ms) FROM sets s "
                f"WHERE s.workout_id = w.id AND {good_set_sql('s')}) FROM workouts w "
                f"WHERE w.status = 'in-progress' AND {good_workout_sql('w')}"
            ).fetchall()
            return rows

        folder = self.path.parent
        now = to_ms(self.wall_clock())
        ends: list[tuple[int, str]] = []
        for uid, started, last_end in self.read(query):
            end = started if last_end is None else max(started, last_end)
            live = being_recorded(folder, uid)
            if live is None:  # no locks on this system: go by time
                live = now - end < ABANDONED_AFTER_MS
            if not live:
                ends.append((end, uid))
        closed = 0
        if ends:
            with self.transaction() as conn:
                for row in ends:
                    closed += conn.execute(
                        "UPDATE workouts SET status = 'stopped', ended_ms = ? "
                        "WHERE uid = ? AND status = 'in-progress'",
                        row,
                    ).rowcount
            log.info("closed %d abandoned workout(s) in %s", closed, self.path)
        remove_stale_locks(folder)
        return closed

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
                    workout_id = insert_workout(conn, workout)
                    added += 1
                    if workout.sets:
                        sets_added += insert_new_sets(
                            conn, workout_id, workout.sets, self.file_version
                        )
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
                    sets_added += insert_set(conn, workout_id, stored, self.file_version)
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
                f"SELECT {WORKOUT_FIELDS.format(toml=toml)} "
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
                    f"SELECT workout_id, {set_fields('', self.file_version)} FROM sets "
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
                f"SELECT {set_fields('s.', self.file_version)} FROM sets s "
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
            total = exercise_totals_row(row)
            if total is not None:
                totals.append(total)
        return totals


def import_file(store: HistoryStore, path: Path, progress: Progress | None = None) -> MergeResult:
    """Merge an export into ``store``; nothing changes when the file is malformed
    (``ImportFileError`` names the line and the reason).

    ``progress(stage, done, total)`` hears how far it got (for long imports)."""
    workouts = read_export(path, progress)
    return store.merge(workouts, progress=progress)


def open_history(path: Path) -> HistoryStore:
    """The history at ``path`` (``AppPaths.history_db``), ready to write: checked,
    migrated, with leftover rescue files merged in and the workouts of dead processes
    closed.

    Raises HistoryError (e.g. HistoryTooNew). ``store.notice`` holds anything the user
    should be told (a damaged file moved aside, a rescue file that would not import).
    """
    store = HistoryStore(path)
    recovered = recover_rescue_files(path.parent, store.merge)
    messages = [m for m in (store.notice, *recovered.problems) if m]
    if recovered.files:
        messages.append(
            f"Recovered {recovered.sets_added} unsaved set(s) from {len(recovered.files)} file(s)."
        )
    try:
        closed = store.close_abandoned_workouts()
    except (sqlite3.Error, HistoryError) as exc:
        # A lock held by another program, a disk that cannot be written now: the
        # workouts stay as they are until an opening that can write.
        log.info("abandoned workouts left for later in %s: %s", path, exc)
        closed = 0
    if closed == 1:
        messages.append(
            "A workout left in progress by a run that was killed or crashed was closed as "
            "stopped at its last set."
        )
    elif closed:
        messages.append(
            f"{plural(closed, 'workout')} left in progress by runs that were killed or "
            "crashed were closed as stopped at their last set."
        )
    store.notice = " ".join(messages) or None
    return store


def open_history_for_reading(path: Path) -> HistoryStore:
    """The history at ``path`` for commands that only read it (listing, exports, stats,
    the page).

    Like ``open_history`` where the history can be written; where it cannot (a read-only
    disk or folder, a file of another user), the same history opened read-only, so it
    can still be listed and exported (nothing is merged or closed then). Raises
    HistoryError when neither works (and always for HistoryTooNew).
    """
    try:
        return open_history(path)
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
    waiting = waiting_rescue_files(path.parent)
    if waiting:
        store.notice = (
            f"{len(waiting)} unsaved workout file(s) beside {path} wait to be added: the "
            "history cannot be written now."
        )
    return store
