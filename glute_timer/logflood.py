"""No floods: a message that repeats is printed a few times a minute, then counted.

A library that goes wrong in a loop (Qt's ``QSocketNotifier: Invalid socket`` once wrote
gigabytes of stderr a minute) must not fill the user's disk or drown the one line that
matters. :class:`FloodGuard` decides, per kind of message, what gets through: messages
that differ only in their numbers ("socket 12", "socket 13") are one kind. After
``per_minute`` of a kind within a minute, the rest of that minute is counted, and the count
is printed with the next one that gets through: "(... repeated 4,211 times)".

Used for Qt's messages (:func:`install_qt_handler`, by the window) and for our own log
(:class:`FloodFilter`, by every command).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

LOG_FORMAT = "glute-timer: %(levelname)s: %(message)s"
"""How the app's log lines look on stderr (the window's and the command line's)."""

PER_MINUTE = 3
WINDOW = 60.0

_NUMBERS = re.compile(r"0x[0-9a-fA-F]+|\d+")


def kind_of(text: str) -> str:
    """What makes two messages the same kind: their text with every number blanked."""
    return _NUMBERS.sub("#", text.strip())[:200]


class FloodGuard:
    """Lets each kind of message through ``per_minute`` times a minute; counts the rest."""

    def __init__(
        self,
        write: Callable[[str], Any] | None = None,
        *,
        per_minute: int = PER_MINUTE,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write = write if write is not None else _stderr
        self.per_minute = per_minute
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[str, list[float]] = {}  # kind -> times let through this window
        self._held: dict[str, int] = {}  # kind -> messages held back since the last one

    def allow(self, text: str) -> tuple[bool, int]:
        """Whether ``text`` may be printed now, and how many of its kind were held back
        since the last one printed (say so with it)."""
        kind = kind_of(text)
        now = self._clock()
        with self._lock:
            times = [t for t in self._seen.get(kind, ()) if now - t < self.window]
            if len(times) >= self.per_minute:
                self._seen[kind] = times
                self._held[kind] = self._held.get(kind, 0) + 1
                return False, 0
            times.append(now)
            self._seen[kind] = times
            if len(self._seen) > 1000:  # many kinds: forget the oldest
                for old in list(self._seen)[:500]:
                    self._seen.pop(old, None)
            return True, self._held.pop(kind, 0)

    def __call__(self, text: str) -> None:
        allowed, held = self.allow(text)
        if not allowed:
            return
        line = text.rstrip("\n")
        if held:
            line += f"  (the same message was held back {held:,} times before this one)"
        self._write(line + "\n")


def _stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


class FloodFilter(logging.Filter):
    """A logging filter with a :class:`FloodGuard`: repeated records are dropped, and the
    next one of their kind says how many were."""

    def __init__(self, guard: FloodGuard | None = None) -> None:
        super().__init__()
        self.guard = guard or FloodGuard(write=lambda _text: None)

    def filter(self, record: logging.LogRecord) -> bool:
        allowed, held = self.guard.allow(record.getMessage())
        if allowed and held:
            record.msg = f"{record.getMessage()}  (held back {held:,} times before this one)"
            record.args = None
        return allowed


def guard_logging() -> None:
    """Put a :class:`FloodFilter` on every handler of the root logger."""
    flood = FloodFilter()
    for handler in logging.getLogger().handlers:
        handler.addFilter(flood)


def install_qt_handler(guard: FloodGuard | None = None) -> FloodGuard:
    """Send Qt's messages through a :class:`FloodGuard` to stderr (the window calls this
    before it makes its QApplication)."""
    from PySide6.QtCore import qInstallMessageHandler

    flood = guard or FloodGuard()
    labels: dict[Any, str] = {}  # filled at the first message: Qt's enums cost at start

    def handler(kind: Any, _context: Any, message: str) -> None:
        if not labels:
            from PySide6.QtCore import QtMsgType

            labels.update(
                {
                    QtMsgType.QtDebugMsg: "debug",
                    QtMsgType.QtInfoMsg: "info",
                    QtMsgType.QtWarningMsg: "warning",
                    QtMsgType.QtCriticalMsg: "critical",
                    QtMsgType.QtFatalMsg: "fatal",
                }
            )
        flood(f"qt: {labels.get(kind, 'message')}: {message}")

    qInstallMessageHandler(handler)
    return flood
