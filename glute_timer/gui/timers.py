"""Every timer the GUI uses is made here, so tests can swap in their own.

A precise timer is checked against the monotonic clock on every tick; nothing counts ticks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

MIN_FRAME_MS = 66
"""The shortest gap between two frames of a running workout: at most 15 frames a second.

The driver does not tick at a fixed rate: it wakes for the next thing that changes on
screen (a cue or step change, the seconds flipping) and for frames, which keep to a grid
from the start of the step, one every ``WorkoutPage.frame_interval`` (the figure or the
ring having moved far enough to see), never closer than this. A frame after a wake of
the other kind comes at least half a gap after it. Each frame costs about a millisecond
of CPU under X11 (Python, the repaint and its round trip to the X server), so frames are
what a running workout's CPU is made of (``benchmarks/startup.py``)."""

MOVING_FRAME_MS = 100
"""The longest gap between two frames while the figure moves: a slow lower still gets ten
frames a second."""

STILL_FRAME_MS = 125
"""The shortest gap between two frames while only the ring moves: in a hold, a rest or the
lead-in the figure stands still, and the end of the ring alone is followed at 8 frames a
second (a second's flip of the countdown still has its own wake, on the second)."""

MAX_FRAME_MS = 1000
"""The longest the display sleeps while a workout runs."""

RING_STEP_PX = 2.0
"""How far the ring's end moves between two frames while the figure stands still, when
``STILL_FRAME_MS`` allows."""

FIGURE_STEP_PX = 6.0
"""How far the figure's fastest point moves between two frames, when the cap allows."""


def frame_gap(duration: float, figure_speed: float, ring_circumference: float) -> float:
    """Seconds from one frame of a step of ``duration`` seconds to the next: a frame is
    painted when what moves has moved far enough to see (the driver keeps to its cap).

    While the figure moves (``figure_speed``, its fastest point's pixels a second) that
    is every ``FIGURE_STEP_PX``, but never more than ``MOVING_FRAME_MS`` apart: a 1 s lift
    wants more frames than the cap allows, a 3 s lower gets ten a second. While it stands
    still (a hold, a rest, the lead-in) only the ring moves: a frame for every
    ``RING_STEP_PX`` of its end, but never less than ``STILL_FRAME_MS`` apart (a 90 s rest
    needs a handful a second). The seconds flip on wakes of their own.
    """
    if duration <= 0:
        return MAX_FRAME_MS / 1000
    if figure_speed > 0:
        return min(FIGURE_STEP_PX / figure_speed, MOVING_FRAME_MS / 1000)
    ring = RING_STEP_PX * duration / max(1.0, ring_circumference)
    return max(ring, STILL_FRAME_MS / 1000)


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
