"""What the CSV and JSON exports are made of: their names, columns and value formats.

Shared by ``history_export`` and ``history_import``; the formats themselves are documented
in ``glute_timer/history_cli.py``.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Final

from glute_timer.core.history_model import MAX_TIME_MS, MIN_TIME_MS

JSON_FORMAT: Final = "glute-timer-history"
JSON_VERSION: Final = 1

CSV_COLUMNS: Final = (
    # The columns gym loggers such as Strong export ...
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Weight Unit",
    "Reps",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
    # ... and ours, which make an import exact.
    "Workout ID",
    "Protocol ID",
    "Schedule",
    "Program Weeks",
    "Status",
    "Workout Start",
    "Workout End",
    "Block",
    "Set",
    "Side",
    "Exercise ID",
    "Target Reps",
    "Reps Min",
    "Reps Max",
    "Load",
    "Set Start",
    "Set End",
)
OPTIONAL_COLUMNS: Final = frozenset({"RPE"})
"""Columns an import does without (exports of versions before them)."""

RPE_OF_EFFORT: Final = {1: 6, 2: 8, 3: 10}
"""The ``RPE`` column (rate of perceived exertion, 1-10, as Strong exports it) for each
effort rating: easy 6 (about four reps left), right 8 (two left), hard 10 (none left)."""


def effort_of_rpe(rpe: float) -> int:
    """The effort rating an RPE stands for: below 7 easy, below 9 right, else hard (so
    6, 8 and 10 come back exactly as 1, 2 and 3). Raises ValueError outside 1-10."""
    if not 1 <= rpe <= 10:
        raise ValueError(f"an RPE is 1-10, not {format_float(rpe)}")
    if rpe < 7:
        return 1
    return 2 if rpe < 9 else 3


_EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()
_ISO_RE: Final = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?Z$")


def format_time(ms: int) -> str:
    """Milliseconds since the epoch as ``2026-11-25T14:46:00.123Z`` (UTC), exactly."""
    days, rest = divmod(ms, 86_400_000)
    seconds, milli = divmod(rest, 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{_day_text(days)}T{hours:02d}:{minutes:02d}:{seconds:02d}.{milli:03d}Z"


@functools.lru_cache(maxsize=8192)
def _day_text(days: int) -> str:
    return date.fromordinal(_EPOCH_ORDINAL + days).isoformat()


def parse_time(text: str) -> int:
    """``2026-11-25T14:46:00.123Z`` as milliseconds since the epoch. Raises ValueError for
    anything else, and for a time outside the history's range (1970-01-01 to 2100-01-01,
    ``MIN_TIME_MS``/``MAX_TIME_MS``): a year-1 or year-9999 date cannot be shown in every
    time zone, and makes no sense in a workout log."""
    match = _ISO_RE.match(text.strip())
    if not match:
        raise ValueError(f"not a UTC time like 2026-11-25T14:46:00.000Z: {short_repr(text)}")
    day, hour, minute, second, milli = match.groups()
    if int(hour) > 23 or int(minute) > 59 or int(second) > 59:
        raise ValueError(f"not a time of day: {text.strip()!r}")
    try:
        days = _day_number(day)
    except ValueError:
        raise ValueError(f"not a date: {text.strip()!r}") from None
    ms = ((days * 24 + int(hour)) * 60 + int(minute)) * 60_000 + int(second) * 1000
    ms += int(milli or 0)
    if not MIN_TIME_MS <= ms < MAX_TIME_MS:
        raise ValueError(
            f"{text.strip()!r} is outside the dates a history can hold "
            f"({format_time(MIN_TIME_MS)[:10]} to {format_time(MAX_TIME_MS)[:10]})"
        )
    return ms


@functools.lru_cache(maxsize=8192)
def _day_number(text: str) -> int:
    """Days from 1970-01-01 to ``YYYY-MM-DD`` (a history repeats its days: cached)."""
    return date.fromisoformat(text).toordinal() - _EPOCH_ORDINAL


def short_repr(text: str) -> str:
    """``repr(text)``, cut to a readable length (an error names the value it refuses)."""
    shown = text if len(text) <= 40 else text[:37] + "…"
    return repr(shown)


def format_float(value: float) -> str:
    """Short when exact (``3``, ``2.5``), otherwise every digit (round-trips)."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)
