"""Every timer the GUI uses is made here, so tests can swap in their own.

A precise timer is checked against the monotonic clock on every tick; nothing counts ticks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 30
"""The session driver's tick: fine enough for a smooth ring, cheap enough to leave running."""

TimerFactory = Callable[[QObject, int], QTimer]


def precise_timer(parent: QObject, interval_ms: int) -> QTimer:
    """A repeating ``Qt.PreciseTimer`` (coarse timers may drift by 5% of their interval)."""
    timer = QTimer(parent)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)
    return timer


def single_shot_timer(parent: QObject, interval_ms: int) -> QTimer:
    """A restartable one-shot timer, for debouncing (live validation, searching)."""
    timer = QTimer(parent)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    return timer
