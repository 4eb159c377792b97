"""Clocks. The core never reads the time itself: a clock is passed in."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]
"""A function returning seconds from an arbitrary, monotonic origin."""

monotonic: Clock = time.monotonic
wall_time: Clock = time.time


class FakeClock:
    """A clock that only moves when told to. For tests and screenshots, never the default."""

    def __init__(self, start: float = 1000.0, wall_start: float = 1_780_000_000.0) -> None:
        self._now = start
        self._wall_offset = wall_start - start

    def __call__(self) -> float:
        return self._now

    def wall(self) -> float:
        """Wall-clock seconds that move together with the monotonic reading."""
        return self._now + self._wall_offset

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go backwards")
        self._now += seconds
        return self._now

    def set(self, now: float) -> None:
        if now < self._now:
            raise ValueError("a monotonic clock cannot go backwards")
        self._now = now
