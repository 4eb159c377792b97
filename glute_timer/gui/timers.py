"""Every timer the GUI uses is made here, so tests can swap in their own.

A precise timer is checked against the monotonic clock on every tick; nothing counts ticks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

MIN_FRAME_MS = 66
"""The shortest gap between two repaints of a running workout: at most 15 frames a second.

The driver does not tick at a fixed rate: it wakes for the next thing that changes on
screen (a cue or step change, the seconds flipping, the ring moving a couple of pixels),
but never sooner than this after its last wake, except for a session deadline. Each wake
costs about a millisecond of CPU under X11 (the repaint's round trip to the X server
dominates), so frames are what a running workout's CPU is made of
(``benchmarks/startup.py``)."""

MAX_FRAME_MS = 1000
"""The longest the display sleeps while a workout runs."""

TimerFactory = Callable[[QObject, int], QTimer]


def precise_timer(parent: QObject, interval_ms: int) -> QTimer:
    """A repeating ``Qt.PreciseTimer`` (coarse timers may drift by 5% of their interval)."""
    from PySide6.QtCore import Qt  # its enums take ~20 ms to build: not before first paint

    timer = QTimer(parent)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)
    return timer


def single_shot_timer(parent: QObject, interval_ms: int) -> QTimer:
    """A restartable one-shot timer, for debouncing (live validation, searching)."""
    from PySide6.QtCore import Qt

    timer = QTimer(parent)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    return timer
