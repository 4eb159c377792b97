"""Every timer the GUI uses is made here, so tests can swap in their own.

A precise timer is checked against the monotonic clock on every tick; nothing counts ticks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 40
"""The session driver's tick: 25 frames a second keep the ring smooth.

Cue audio keeps its own precise timer, so this only paces the display. Measured under
Xvfb on a busy 2-core machine, a running workout cost 2.0-2.2 % of a core at 40 ms and
2.8-2.9 % at 30 ms (benchmarks/startup.py)."""

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
