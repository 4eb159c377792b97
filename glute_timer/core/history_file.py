"""The history's database file: what is there, connections to it, and changing its schema.

Safety rules kept here:

- A file is looked at without writing before anything else: a named pipe or a device is
  never opened as a database, and the schema version (``PRAGMA user_version``) and the
  tables must agree.
- Only a damaged file is moved aside (``history.sqlite3.corrupt-20261125T144600``, never
  over an earlier one). A healthy file that cannot be opened here (a read-only or full
  disk, a lock, missing permissions for the WAL files) is left where it is.
- Connections use WAL, ``synchronous = FULL`` and a busy timeout, so the window and the
  command line can use the file at once and a committed set survives a power cut. A
  read-only connection falls back to ``immutable=1`` on a disk where the WAL index cannot
  be made.
- Migrations run in order, each in its own transaction, after a backup copy
  (``history.sqlite3.v1-20261125T144600.bak``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final
from urllib.parse import quote

from glute_timer.core.history_model import HistoryError
from glute_timer.core.history_schema import Migration, columns_at

BUSY_TIMEOUT_MS: Final = 5000

_SQLITE_CORRUPT: Final = 11
_SQLITE_NOTADB: Final = 26
_CANNOT_WRITE: Final = frozenset({3, 8, 10, 14})  # PERM, READONLY, IOERR, CANTOPEN
_HEADER: Final = b"SQLite format 3\x00"


class Unusable(Exception):
    """The file is no history this version can read (damaged, not a database)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def cannot_write(exc: sqlite3.Error) -> bool:
    """An error that means "not here, not writable" rather than a damaged file."""
    code = _error_code(exc)
    return code is not None and code & 0xFF in _CANNOT_WRITE


def _error_code(exc: sqlite3.Error) -> int | None:
    # Set by SQLite's own errors; one raised by Python code (a test's) has none.
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    return code


def lenient_text(raw: bytes) -> str:
    """A ``text_factory`` for text that is not valid UTF-8 (another tool wrote it)."""
    return raw.decode("utf-8", "replace")


# ---------------------------------------------------------------- looking without writing


def probe(path: Path, schema_version: int, *, any_reader: bool = False) -> int:
    """The file's schema version, read without writing (0: no file, or an empty one).
    Raises Unusable for a damaged file, HistoryError for one that cannot be opened here.

    ``any_reader``: also through an immutable connection, for a file on a read-only disk
    whose WAL index cannot be made."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise Unusable(exc.strerror or str(exc)) from None
    if not stat.S_ISREG(mode):
        # A named pipe would block the open below for ever; a device is no database.
        raise Unusable("not a regular file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise Unusable(exc.strerror or str(exc)) from None
    if not header:
        return 0
    if not header.startswith(_HEADER):
        raise Unusable("not a SQLite database")
    try:
        conn = read_only_connection(path, immutable_too=any_reader)
    except sqlite3.Error as exc:
        raise _unusable_or_unavailable(path, exc) from None
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        if version <= schema_version:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise Unusable(f"damaged: {result}")
            _check_tables(conn, version)
        return version
    except sqlite3.Error as exc:
        raise _unusable_or_unavailable(path, exc) from None
    finally:
        conn.close()


def _check_tables(conn: sqlite3.Connection, version: int) -> None:
    """The schema version and the tables must agree: another tool may have set the
    version or dropped a table. Raises Unusable."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version < 0:
        raise Unusable(f"unknown schema version {version}")
    if version == 0:
        # Other tables are kept (the file is migrated after a backup); ours must not
        # be there yet, or creating them would fail.
        ours = sorted(tables & {"workouts", "sets"})
        if ours:
            raise Unusable(f"a {' and '.join(ours)} table without a schema version")
        return
    for table in ("workouts", "sets"):
        wanted = columns_at(table, version)
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not wanted <= columns:
            raise Unusable(
                f"schema version {version} but the {table} table is missing or incomplete"
            )


def _unusable_or_unavailable(path: Path, exc: sqlite3.Error) -> Exception:
    """Only a damaged file is moved aside. A healthy file that cannot be opened here
    (a read-only or full disk, a lock, missing permissions for the WAL files) is left
    where it is: moving it would hide the user's history for no reason."""
    if _error_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return Unusable(str(exc))
    return HistoryError(f"The history file {path} cannot be opened: {exc}")


# ---------------------------------------------------------------- connections


def read_only_connection(path: Path, *, immutable_too: bool = True) -> sqlite3.Connection:
    """A connection that cannot write, tried as ``mode=ro`` and then (on a read-only
    disk where the WAL index cannot be made) ``immutable=1``."""
    modes = ["mode=ro", "mode=ro&immutable=1"] if immutable_too else ["mode=ro"]
    error: sqlite3.Error | None = None
    for mode in modes:
        conn = sqlite3.connect(
            f"file:{quote(str(path))}?{mode}",
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
            if not cannot_write(exc):
                raise
    assert error is not None
    raise error


def writable_connection(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, synchronous."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


# ---------------------------------------------------------------- changing the file


def _free_name(path: Path, suffix: str, extension: str = "") -> Path:
    """``path`` with ``suffix`` (and ``-2``, ``-3`` ... when taken) and ``extension``."""
    target = path.with_name(f"{path.name}{suffix}{extension}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}{suffix}-{counter}{extension}")
    return target


def _stamp(now: float) -> str:
    return datetime.fromtimestamp(now).strftime("%Y%m%dT%H%M%S")


def move_aside(path: Path, now: float) -> Path:
    """Move a damaged file (and its WAL files) to ``NAME.corrupt-STAMP``; where it went."""
    target = _free_name(path, f".corrupt-{_stamp(now)}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            with contextlib.suppress(OSError):
                os.replace(extra, target.with_name(target.name + suffix))
    return target


def schema_state(conn: sqlite3.Connection) -> tuple[int, bool]:
    """The file's schema version, and whether it has any table at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
    finally:
        conn.execute("ROLLBACK")
    return version, bool(has_tables)


def backup_copy(conn: sqlite3.Connection, path: Path, version: int, now: float) -> Path:
    """A copy of the database before it is migrated: ``NAME.vN-STAMP.bak``."""
    target = _free_name(path, f".v{version}-{_stamp(now)}", ".bak")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def run_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration], version: int) -> None:
    """Take the file from ``version`` to ``len(migrations)``, one transaction a step; a
    step another process made meanwhile is skipped."""
    for target in range(version, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current != target:  # migrated concurrently
                conn.execute("ROLLBACK")
                continue
            migrations[target](conn)
            conn.execute(f"PRAGMA user_version = {target + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
