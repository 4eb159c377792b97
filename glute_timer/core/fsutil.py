"""Writing files so that a crash or a full disk never destroys the only copy."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from glute_timer.core.i18n import N_, _, localise_numbers, pgettext


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename.

    Either the old content or the new content is at ``path`` afterwards, never a mix.
    Raises ``OSError`` (for example on a read-only or full disk) with the original
    file untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class NotRegularFile(OSError):
    """A path that is a pipe, a device or a socket, not a file to read."""


class FileTooLarge(OSError):
    """A file larger than what its reader accepts."""


_KINDS = (
    (stat.S_ISDIR, N_("is a directory, not a regular file")),
    (stat.S_ISFIFO, N_("is a named pipe (FIFO), not a regular file")),
    (stat.S_ISCHR, N_("is a device, not a regular file")),
    (stat.S_ISBLK, N_("is a device, not a regular file")),
    (stat.S_ISSOCK, N_("is a socket, not a regular file")),
)


def _not_regular(mode: int) -> str:
    """Why a file of ``mode`` is not read, in the user's language."""
    for test, reason in _KINDS:
        if test(mode):
            return _(reason)
    return _("is not a regular file, not a regular file")


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` when it is a regular file of at most ``max_bytes``.

    A symlink to ``/dev/zero`` would otherwise be read until memory runs out and a named
    pipe would block for ever: anything that is not a regular file is refused before it is
    opened (and checked again once open, without blocking, in case it was swapped).
    Raises ``NotRegularFile``, ``FileTooLarge`` or the ``OSError`` of opening or reading;
    ``strerror`` of each is a short reason for the user.
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, _("is a directory"), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFile(errno.EINVAL, _not_regular(mode), str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, _not_regular(info.st_mode), str(path))
        if info.st_size > max_bytes:
            raise FileTooLarge(errno.EFBIG, _too_large(info.st_size, max_bytes), str(path))
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:  # it grew while being read
                raise FileTooLarge(errno.EFBIG, _too_large(size, max_bytes), str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return _("too large ({size}; at most {limit})").format(
        size=format_size(size), limit=format_size(limit)
    )


def format_size(size: int) -> str:
    """``1 MB``, ``256 MB``, ``12.3 kB`` (``12,3 kB`` in German), ``512 bytes``."""
    units = (  # French writes "Go", "Mo", "ko"
        (pgettext("file size", "GB"), 1 << 30),
        (pgettext("file size", "MB"), 1 << 20),
        (pgettext("file size", "kB"), 1 << 10),
    )
    for unit, scale in units:
        if size >= scale:
            value = size / scale
            text = f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
            return f"{localise_numbers(text)} {unit}"
    return _("{size} bytes").format(size=size)
