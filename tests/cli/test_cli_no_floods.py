"""No floods: a message repeated in a loop is printed a few times a minute, then counted."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from glute_timer.logflood import FloodFilter, FloodGuard, kind_of

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_messages_differing_only_in_numbers_are_one_kind() -> None:
    assert kind_of("QSocketNotifier: Invalid socket 12 and type 'Read'") == kind_of(
        "QSocketNotifier: Invalid socket 13 and type 'Read'"
    )
    assert kind_of("socket 0x7f12 closed") == kind_of("socket 0xab closed")
    assert kind_of("disk full") != kind_of("disk read-only")


def test_a_few_a_minute_then_counted_and_said_with_the_next_one() -> None:
    clock = Clock()
    out: list[str] = []
    guard = FloodGuard(out.append, per_minute=3, clock=clock)
    for n in range(10_000):
        guard(f"Invalid socket {n % 50}")
        clock.now += 0.001
    assert len(out) == 3
    guard("something else")  # another kind is not held back
    assert len(out) == 4
    clock.now += 61
    guard("Invalid socket 7")
    assert len(out) == 5
    assert "held back 9,997 times" in out[-1]


def test_the_log_filter_drops_repeats_and_counts_them() -> None:
    clock = Clock()
    flood = FloodFilter(FloodGuard(lambda _t: None, per_minute=2, clock=clock))
    records = [
        logging.LogRecord("x", logging.ERROR, __file__, 1, "write failed on set %d", (n,), None)
        for n in range(5)
    ]
    assert [flood.filter(r) for r in records] == [True, True, False, False, False]
    clock.now += 61
    late = logging.LogRecord("x", logging.ERROR, __file__, 1, "write failed on set %d", (9,), None)
    assert flood.filter(late)
    assert "held back 3 times" in late.getMessage()


QT_LOOP = """
from glute_timer.logflood import install_qt_handler
from glute_timer.qt_compat import protect_none
protect_none()
from PySide6.QtCore import QCoreApplication, qWarning
install_qt_handler()
app = QCoreApplication([])
for n in range(20000):
    qWarning(f"QSocketNotifier: Invalid socket {n % 90} and type 'Read', disabling...")
"""


def test_a_qt_warning_in_a_loop_costs_a_few_lines_not_megabytes() -> None:
    result = subprocess.run(
        [sys.executable, "-c", QT_LOOP],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, lines[:10]
    assert all("Invalid socket" in line for line in lines)
