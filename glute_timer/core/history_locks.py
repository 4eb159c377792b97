"""Which workouts a live process is recording: one small lock file per workout.

A recorder holds an advisory lock (``flock``) on ``history-running-<id>.lock`` beside the
history from before its workout's row is written until the workout is finished and saved.
The kernel lets go of the lock when the process ends, however it ends (a crash, SIGKILL,
the power cut before the reboot), so an ``in-progress`` workout whose lock is free belongs
to no live process, and opening the history closes it (``history_store``).

``flock`` rather than ``fcntl``'s record locks: a flock belongs to the open file, so a
second look from the same process (the History page while the window records) sees it
taken; a record lock would look free to its own process. Child processes never inherit
it (the file is opened close-on-exec, and ours are started with ``subprocess``).

Where there is no ``flock`` (Windows), no lock is taken and ``being_recorded`` answers
None: the store then goes by time instead (a workout with no set for a day is over).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import Final

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)

LOCK_PREFIX: Final = "history-running-"
LOCK_SUFFIX: Final = ".lock"
_OUR_UID: Final = re.compile(r"[0-9a-f]{32}")
"""The ids our recorders give workouts (``new_uid``); only they can have a lock file."""
_ATTEMPTS: Final = 100
_CREATE: Final = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC


def _same_file(fd: int, path: Path) -> bool:
    try:
        there = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (there.st_dev, there.st_ino) == (held.st_dev, held.st_ino)


def lock_path(folder: Path, uid: str) -> Path | None:
    """The lock file of workout ``uid`` in ``folder``; None for an id no recorder of ours
    gives (an imported workout's id may be any text, and names no file)."""
    if not _OUR_UID.fullmatch(uid):
        return None
    return folder / f"{LOCK_PREFIX}{uid}{LOCK_SUFFIX}"


class WorkoutLock:
    """Held by the process recording a workout, from before its first write."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock (once; later calls keep it). False when it cannot be taken here
        (no locks on this system, the folder cannot be written): the workout is recorded
        all the same, and may then be taken for abandoned by another opening."""
        if self._fd is not None:
            return True
        if sys.platform == "win32" or self.path is None:
            return False
        for _ in range(_ATTEMPTS):
            try:
                fd = os.open(
                    self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644
                )
            except OSError as exc:
                log.info("cannot make the workout lock %s: %s", self.path, exc)
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                # A sweep may have removed the file between the open and the lock: then
                # this lock is on a file nobody can find, and the next try makes a new one.
                if _same_file(fd, self.path):
                    self._fd = fd
                    return True
            except BlockingIOError:
                pass  # someone looking at it this very moment (for a few microseconds)
            except OSError as exc:
                os.close(fd)
                log.info("cannot take the workout lock %s: %s", self.path, exc)
                return False
            os.close(fd)
            time.sleep(0.001)
        log.info("the workout lock %s stayed taken", self.path)
        return False

    def release(self) -> None:
        """Let go, once the workout is finished and saved, and remove the file."""
        if self._fd is None:
            return
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(self._fd)  # the lock goes with the file descriptor
        self._fd = None

    def __del__(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)


def being_recorded(folder: Path, uid: str) -> bool | None:
    """True while a live process holds the lock of workout ``uid`` (in ``folder``), False
    when none does (no lock file, or nobody holds it), None where this system has no
    locks to tell by. Never waits, never creates a file."""
    if sys.platform == "win32":
        return None
    path = lock_path(folder, uid)
    if path is None:
        return False
    try:
        # O_NONBLOCK: a named pipe put in its place must not hang the opening history.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.info("cannot look at the workout lock %s: %s", path, exc)
        return exc.errno not in (errno.ELOOP, errno.ENXIO)  # unsure: say it is taken
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False  # not a lock file of ours
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError as exc:
            log.info("cannot test the workout lock %s: %s", path, exc)
            return True  # unsure: leave the workout alone
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def remove_stale_locks(folder: Path) -> int:
    """Remove the lock files in ``folder`` that no process holds (their recorders ended
    or died); how many went. Each is removed while holding its lock, and a recorder
    checks that its file is still there once it holds the lock, so a recorder never ends
    up holding a lock on a file nobody can see."""
    if sys.platform == "win32":
        return 0
    removed = 0
    for path in folder.glob(f"{LOCK_PREFIX}*{LOCK_SUFFIX}"):
        uid = path.name[len(LOCK_PREFIX) : -len(LOCK_SUFFIX)]
        if lock_path(folder, uid) != path:
            continue
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if _same_file(fd, path):
                path.unlink()
                removed += 1
        except OSError:
            continue  # held by a live recorder (or not ours to remove)
        finally:
            os.close(fd)
    return removed
