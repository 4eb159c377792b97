"""Exporting the history: CSV (one row per set) and JSON (one workout per line).

The formats are documented in ``glute_timer/history_cli.py``; ``history_import`` reads
both back exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, TextIO

from glute_timer.core.history_formats import (
    CSV_COLUMNS,
    JSON_FORMAT,
    JSON_VERSION,
    RPE_OF_EFFORT,
    format_float,
    format_time,
)
from glute_timer.core.history_model import StoredSet, Workout
from glute_timer.core.text import json_line, neutralise_formula, printable


def _duration(workout: Workout) -> str:
    if workout.ended_ms is None:
        return ""
    minutes, seconds = divmod(max(0, workout.ended_ms - workout.started_ms) // 1000, 60)
    return f"{minutes}m {seconds}s" if minutes else f"{seconds}s"


def write_csv(workouts: Iterable[Workout], out: TextIO, *, for_terminal: bool = False) -> int:
    """One row per set; returns the number of rows.

    A text cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return) gets a leading ``'``, which the import takes off
    again, so the round trip stays exact. ``for_terminal``: the CSV goes to a terminal, not
    a file; control characters in texts are written as visible escapes (``\x1b``) there.
    """
    # RFC 4180 line ends: fields holding a CR or LF are then quoted and survive a round trip.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)

    def cell(text: str) -> str:
        return neutralise_formula(printable(text, keep="\n") if for_terminal else text)

    rows = 0
    for w in workouts:
        date_text = w.started.strftime("%Y-%m-%d %H:%M:%S")
        head = (date_text, cell(w.protocol_name), _duration(w))
        note = cell(w.note)
        tail = (
            cell(w.uid),
            cell(w.protocol_id),
            cell(w.schedule),
            "" if w.program_weeks is None else str(w.program_weeks),
            cell(w.status),
            format_time(w.started_ms),
            "" if w.ended_ms is None else format_time(w.ended_ms),
        )
        for s in w.sets:
            amount = s.load_amount
            writer.writerow(
                (
                    *head,
                    cell(s.exercise_name),
                    s.position + 1,
                    "" if amount is None else format_float(amount),
                    s.load_unit or "",
                    s.reps_done,
                    format_float(s.hold_s),
                    "",
                    note,
                    "" if s.effort is None else RPE_OF_EFFORT[s.effort],
                    *tail,
                    s.block,
                    s.set,
                    cell(s.side or ""),
                    cell(s.exercise),
                    s.target,
                    s.reps_min,
                    s.reps_max,
                    cell(s.load),
                    format_time(s.started_ms),
                    format_time(s.ended_ms),
                )
            )
            rows += 1
    return rows


def csv_text(workouts: Iterable[Workout]) -> str:
    buffer = io.StringIO()
    write_csv(workouts, buffer)
    return buffer.getvalue()


def _set_json(s: StoredSet) -> dict[str, Any]:
    return {
        "position": s.position,
        "block": s.block,
        "set": s.set,
        "side": s.side,
        "exercise": s.exercise,
        "exercise_name": s.exercise_name,
        "target": s.target,
        "reps_min": s.reps_min,
        "reps_max": s.reps_max,
        "reps_done": s.reps_done,
        "hold_s": s.hold_s,
        "load": s.load,
        "load_amount": s.load_amount,
        "load_unit": s.load_unit,
        "started": format_time(s.started_ms),
        "ended": format_time(s.ended_ms),
        "effort": s.effort,
    }


def workout_json(w: Workout) -> dict[str, Any]:
    return {
        "id": w.uid,
        "protocol_id": w.protocol_id,
        "protocol_name": w.protocol_name,
        "schedule": w.schedule,
        "program_weeks": w.program_weeks,
        "protocol": w.protocol_toml,
        "started": format_time(w.started_ms),
        "ended": None if w.ended_ms is None else format_time(w.ended_ms),
        "status": w.status,
        "note": w.note,
        "sets": [_set_json(s) for s in w.sets],
    }


def write_json(workouts: Iterable[Workout], out: TextIO) -> int:
    """One JSON document, laid out with one workout per line so errors name a line."""
    out.write(f'{{"format": "{JSON_FORMAT}", "version": {JSON_VERSION}, "workouts": [')
    count = 0
    for w in workouts:
        out.write(",\n" if count else "\n")
        # Readable text, with what a terminal would obey escaped (the same JSON values).
        out.write(json_line(workout_json(w)))
        count += 1
    out.write("\n]}\n")
    return count


def json_text(workouts: Iterable[Workout]) -> str:
    buffer = io.StringIO()
    write_json(workouts, buffer)
    return buffer.getvalue()
