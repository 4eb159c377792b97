"""Reading an export back: CSV or JSON, checked as a whole before anything is written.

The formats are documented in ``glute_timer/history_cli.py``. Parsing checks the whole
file and gives workouts (``HistoryStore.merge`` or ``history_store.import_file`` then
adds them), so a malformed file changes nothing and the error names the line and the
reason.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from glute_timer.core.fsutil import FileTooLarge, NotRegularFile, read_regular_file
from glute_timer.core.history_formats import (
    CSV_COLUMNS,
    JSON_FORMAT,
    JSON_VERSION,
    OPTIONAL_COLUMNS,
    effort_of_rpe,
    format_float,
    format_time,
    parse_time,
    short_repr,
)
from glute_timer.core.history_model import STATUSES, StoredSet, Workout
from glute_timer.core.protocol import (
    MAX_BLOCKS,
    MAX_HOLD,
    MAX_PROGRAM_WEEKS,
    MAX_REPS,
    MAX_SETS,
    SCHEDULES,
)
from glute_timer.core.text import printable, restore_formula

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: "reading" (lines or bytes), "checking" and "saving"
(workouts)."""

_SIDES: Final = (None, "left", "right")

MAX_IMPORT_BYTES: Final = 512 << 20
"""The largest export an import reads: about 110,000 workouts of ten sets as JSON (a JSON
export of 50,000 takes 223 MB; reading one uses about five times its size in memory)."""
SET_SLACK_MS: Final = 1000
"""A set may start this much before its workout (older versions took the workout's start a
moment late) and end this much after it."""
_PROGRESS_EVERY: Final = 500


class ImportFileError(ValueError):
    """A file that cannot be imported. ``str()``: ``file: line N: reason``."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"{source}: {where}{reason}")


def _brief(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def parse_export(
    text: str, source: str = "<import>", progress: Progress | None = None
) -> list[Workout]:
    """Workouts from a CSV or JSON export. Raises ImportFileError with line and reason.

    Every workout is checked as a whole: its times within the history's range, nothing
    ending before it starts, its sets within it, reps within their range, texts that can
    be stored. The cost is linear in the size of the file."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.lstrip()[:1] in ("{", "["):
        return parse_json(text, source, progress)
    return parse_csv(text, source, progress)


def read_export(path: Path, progress: Progress | None = None) -> list[Workout]:
    """Only a regular file of at most MAX_IMPORT_BYTES is read (never a pipe or a device)."""
    source = printable(str(path))
    try:
        raw = read_regular_file(path, MAX_IMPORT_BYTES)
    except (NotRegularFile, FileTooLarge) as exc:
        raise ImportFileError(source, None, str(exc.strerror)) from None
    except OSError as exc:
        raise ImportFileError(source, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFileError(source, line, "not UTF-8 text") from None
    return parse_export(text, source, progress)


class _Invalid(ValueError):
    pass


def parse_csv(text: str, source: str = "<csv>", progress: Progress | None = None) -> list[Workout]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    total_lines = text.count("\n") + 1 if progress is not None else 0
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFileError(source, reader.line_num, f"not valid CSV: {exc}") from None
    if header is None:
        raise ImportFileError(source, 1, "empty file: expected a header row")
    missing = [c for c in CSV_COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    if missing:
        raise ImportFileError(
            source,
            1,
            f"not a Glute Timer CSV export: missing column{'s' if len(missing) > 1 else ''} "
            + ", ".join(missing),
        )
    index: dict[str, int] = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    heads: dict[str, tuple[Workout, int]] = {}
    sets: dict[str, list[StoredSet]] = {}
    positions: dict[str, set[int]] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(source, reader.line_num, f"not valid CSV: {exc}") from None
        line = reader.line_num
        if progress is not None and line % (_PROGRESS_EVERY * 10) == 0:
            progress("reading", line, total_lines)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ImportFileError(source, line, f"{len(row)} fields, the header has {len(header)}")
        try:
            workout, stored = _csv_row(row, index)
            _check_set_in(workout, stored)
        except _Invalid as exc:
            raise ImportFileError(source, line, str(exc)) from None
        known = heads.get(workout.uid)
        if known is None:
            heads[workout.uid] = (workout, line)
        elif (known[0].protocol_id, known[0].started_ms) != (
            workout.protocol_id,
            workout.started_ms,
        ):
            raise ImportFileError(
                source,
                line,
                f"Workout ID {printable(workout.uid)} has another protocol or start than on "
                f"line {known[1]}",
            )
        taken = positions.setdefault(workout.uid, set())
        if stored.position in taken:
            raise ImportFileError(
                source, line, f"Set Order {stored.position + 1} appears twice in this workout"
            )
        taken.add(stored.position)
        sets.setdefault(workout.uid, []).append(stored)
    return [
        _with_sets(head, sorted(sets[uid], key=lambda s: s.position))
        for uid, (head, _) in heads.items()
    ]


def _with_sets(head: Workout, stored: Sequence[StoredSet]) -> Workout:
    return replace(head, sets=tuple(stored))


def _csv_row(row: list[str], index: dict[str, int]) -> tuple[Workout, StoredSet]:
    def cell(name: str) -> str:
        # The export put a ' before texts a spreadsheet would run; take it off again.
        return _text(name, restore_formula(row[index[name]]))

    def integer(name: str, minimum: int = 0) -> int:
        text = cell(name).strip()
        try:
            value = int(text)
        except ValueError:
            raise _Invalid(f"{name}: must be a whole number, not {short_repr(text)}") from None
        if value < minimum:
            raise _Invalid(f"{name}: must be at least {minimum}, not {value}")
        if value >= 1 << 63:  # SQLite's integers are 64 bits
            raise _Invalid(f"{name}: out of range: {short_repr(text)}")
        return value

    def moment(name: str, optional: bool = False) -> int | None:
        text = cell(name).strip()
        if not text and optional:
            return None
        try:
            return parse_time(text)
        except ValueError as exc:
            raise _Invalid(f"{name}: {exc}") from None

    def effort() -> int | None:
        text = cell("RPE").strip() if "RPE" in index else ""
        if not text:
            return None
        try:
            return effort_of_rpe(float(text))
        except ValueError as exc:
            reason = str(exc) if text.replace(".", "", 1).isdigit() else "must be a number"
            raise _Invalid(f"RPE: {reason}, not {short_repr(text)}") from None

    def number(name: str) -> float:
        text = cell(name).strip()
        try:
            value = float(text)
        except ValueError:
            raise _Invalid(f"{name}: must be a number, not {short_repr(text)}") from None
        if not 0 <= value < 1e9:
            raise _Invalid(f"{name}: out of range: {text}")
        return value

    uid = cell("Workout ID").strip()
    if not uid:
        raise _Invalid("Workout ID: empty")
    weeks_text = cell("Program Weeks").strip()
    started = moment("Workout Start")
    assert started is not None
    workout = _check_workout(
        Workout(
            uid=uid,
            protocol_id=cell("Protocol ID"),
            protocol_name=cell("Workout Name"),
            schedule=cell("Schedule"),
            program_weeks=integer("Program Weeks", 1) if weeks_text else None,
            protocol_toml="",
            started_ms=started,
            ended_ms=moment("Workout End", optional=True),
            status=cell("Status"),
            note=cell("Workout Notes"),
        )
    )
    set_started = moment("Set Start")
    set_ended = moment("Set End")
    assert set_started is not None and set_ended is not None
    stored = StoredSet(
        position=integer("Set Order", 1) - 1,
        block=integer("Block", 1),
        set=integer("Set", 1),
        side=cell("Side") or None,
        exercise=cell("Exercise ID"),
        exercise_name=cell("Exercise Name"),
        target=integer("Target Reps"),
        reps_min=integer("Reps Min"),
        reps_max=integer("Reps Max"),
        reps_done=integer("Reps"),
        hold_s=number("Seconds"),
        load=cell("Load"),
        started_ms=set_started,
        ended_ms=set_ended,
        effort=effort(),
    )
    return workout, _check_set(stored)


def _text(name: str, value: str) -> str:
    """A text as SQLite can store it: a lone surrogate (JSON allows ``\\udce9``) is not."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _Invalid(
            f"{name}: not valid Unicode (a lone surrogate U+{ord(value[exc.start]):04X} "
            f"at character {exc.start + 1})"
        ) from None
    return value


def _check_workout(w: Workout) -> Workout:
    if w.status not in STATUSES:
        raise _Invalid(f"Status: must be one of {', '.join(STATUSES)}, not {short_repr(w.status)}")
    if w.schedule not in SCHEDULES:
        raise _Invalid(
            f"Schedule: must be one of {', '.join(SCHEDULES)}, not {short_repr(w.schedule)}"
        )
    if not w.protocol_id:
        raise _Invalid("Protocol ID: empty")
    if w.program_weeks is not None and w.program_weeks > MAX_PROGRAM_WEEKS:
        raise _Invalid(f"Program Weeks: at most {MAX_PROGRAM_WEEKS}, not {w.program_weeks}")
    if w.ended_ms is not None and w.ended_ms < w.started_ms:
        raise _Invalid(
            f"Workout End: {format_time(w.ended_ms)} is before its start "
            f"{format_time(w.started_ms)}"
        )
    return w


def _check_set(s: StoredSet) -> StoredSet:
    if s.side not in _SIDES:
        raise _Invalid(f"Side: must be empty, left or right, not {short_repr(str(s.side))}")
    if not s.load.strip():
        raise _Invalid('Load: empty (write "bodyweight" or e.g. "40 kg")')
    if not s.exercise:
        raise _Invalid("Exercise ID: empty")
    if s.block > MAX_BLOCKS:
        raise _Invalid(f"Block: at most {MAX_BLOCKS}, not {s.block}")
    if s.set > MAX_SETS:
        raise _Invalid(f"Set: at most {MAX_SETS}, not {s.set}")
    if not 1 <= s.reps_min <= s.reps_max <= MAX_REPS:
        raise _Invalid(
            f"Reps Min, Reps Max: a range from low to high within 1-{MAX_REPS}, "
            f"not {s.reps_min}-{s.reps_max}"
        )
    if not s.reps_min <= s.target <= s.reps_max:
        raise _Invalid(f"Target Reps: must be within {s.reps_min}-{s.reps_max}, not {s.target}")
    if s.reps_done > s.reps_max:
        raise _Invalid(f"Reps: {s.reps_done} done, more than the range's top ({s.reps_max})")
    if s.hold_s > MAX_HOLD:
        raise _Invalid(f"Seconds: a hold of at most {MAX_HOLD:g} s, not {format_float(s.hold_s)}")
    if s.ended_ms < s.started_ms:
        raise _Invalid(
            f"Set End: {format_time(s.ended_ms)} is before its start {format_time(s.started_ms)}"
        )
    return s


def _check_set_in(w: Workout, s: StoredSet) -> None:
    """A set lies within its workout (give or take SET_SLACK_MS)."""
    if s.started_ms < w.started_ms - SET_SLACK_MS:
        raise _Invalid(
            f"Set Start: {format_time(s.started_ms)} is before its workout starts "
            f"({format_time(w.started_ms)})"
        )
    if w.ended_ms is not None and s.ended_ms > w.ended_ms + SET_SLACK_MS:
        raise _Invalid(
            f"Set End: {format_time(s.ended_ms)} is after its workout ends "
            f"({format_time(w.ended_ms)})"
        )


# ---------------------------------------------------------------- JSON import


def parse_json(
    text: str, source: str = "<json>", progress: Progress | None = None
) -> list[Workout]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(source, exc.lineno, f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        # An export nests four levels (document, workouts, a workout, its sets).
        raise ImportFileError(source, None, "not valid JSON: nested far too deeply") from None
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
        raise ImportFileError(
            source, 1, f'not a Glute Timer export (format must be "{JSON_FORMAT}")'
        )
    version = data.get("version")
    if type(version) is not int or version > JSON_VERSION or version < 1:
        raise ImportFileError(
            source,
            1,
            f"unsupported version {_brief(version)} (this app reads version {JSON_VERSION})",
        )
    items = data.get("workouts")
    if not isinstance(items, list):
        raise ImportFileError(source, 1, "workouts: must be a list")
    result: list[Workout] = []
    seen: set[str] = set()
    total = len(items)
    for number, item in enumerate(items):
        if progress is not None and number % _PROGRESS_EVERY == 0:
            progress("checking", number, total)
        try:
            workout = _workout_from_json(item, f"workouts[{number}]")
            if workout.uid in seen:
                raise _Invalid(f"workouts[{number}].id: {printable(workout.uid)} appears twice")
            seen.add(workout.uid)
        except _Invalid as exc:
            raise ImportFileError(source, _element_line(text, number), str(exc)) from None
        result.append(workout)
    return result


def _element_line(text: str, wanted: int) -> int | None:
    """The line on which element ``wanted`` of the ``workouts`` array starts (None if
    unknown). Only asked for the element an error is about: one pass up to it."""
    match = re.search(r'"workouts"\s*:\s*\[', text)
    if match is None:
        return None
    decoder = json.JSONDecoder()
    pos = match.end()
    line = text.count("\n", 0, pos) + 1
    for number in range(wanted + 1):
        start = pos
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        line += text.count("\n", start, pos)
        if number == wanted:
            return line
        start = pos
        try:
            _, pos = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError):
            return None
        line += text.count("\n", start, pos)
    return None


def _workout_from_json(item: Any, path: str) -> Workout:
    get = _Getter(item, path)
    weeks = get.optional_int("program_weeks", 1)
    raw_sets = get.value("sets", list)
    sets = tuple(_set_from_json(raw, f"{path}.sets[{n}]") for n, raw in enumerate(raw_sets))
    if len({s.position for s in sets}) != len(sets):
        raise _Invalid(f"{path}.sets: two sets have the same position")
    ended = get.value("ended", (str, type(None)))
    try:
        workout = Workout(
            uid=get.text("id"),
            protocol_id=get.text("protocol_id"),
            protocol_name=get.value("protocol_name", str),
            schedule=get.value("schedule", str),
            program_weeks=weeks,
            protocol_toml=get.value("protocol", str),
            started_ms=get.time("started"),
            ended_ms=None if ended is None else get.time("ended"),
            status=get.value("status", str),
            note=get.value("note", str),
            sets=tuple(sorted(sets, key=lambda s: s.position)),
        )
        _check_workout(workout)
    except _Invalid as exc:
        if str(exc).startswith(path):
            raise
        raise _Invalid(f"{path}: {exc}") from None
    for number, stored in enumerate(sets):
        try:
            _check_set_in(workout, stored)
        except _Invalid as exc:
            raise _Invalid(f"{path}.sets[{number}]: {exc}") from None
    return workout


def _set_from_json(raw: Any, path: str) -> StoredSet:
    get = _Getter(raw, path)
    side = get.value("side", (str, type(None)))
    try:
        return _check_set(
            StoredSet(
                position=get.integer("position", 0),
                block=get.integer("block", 1),
                set=get.integer("set", 1),
                side=side,
                exercise=get.text("exercise"),
                exercise_name=get.value("exercise_name", str),
                target=get.integer("target", 0),
                reps_min=get.integer("reps_min", 0),
                reps_max=get.integer("reps_max", 0),
                reps_done=get.integer("reps_done", 0),
                hold_s=get.number("hold_s"),
                load=get.value("load", str),
                started_ms=get.time("started"),
                ended_ms=get.time("ended"),
                effort=get.effort("effort"),
            )
        )
    except _Invalid as exc:
        if str(exc).startswith(path):
            raise
        raise _Invalid(f"{path}: {exc}") from None


class _Getter:
    def __init__(self, item: Any, path: str) -> None:
        if not isinstance(item, dict):
            raise _Invalid(f"{path}: must be an object")
        self.item = item
        self.path = path

    def value(self, key: str, kind: type | tuple[type, ...]) -> Any:
        if key not in self.item:
            raise _Invalid(f"{self.path}.{key}: missing")
        value = self.item[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _Invalid(f"{self.path}.{key}: wrong type ({type(value).__name__})")
        if isinstance(value, str):
            _text(f"{self.path}.{key}", value)
        return value

    def text(self, key: str) -> str:
        value: str = self.value(key, str)
        if not value:
            raise _Invalid(f"{self.path}.{key}: empty")
        return value

    def integer(self, key: str, minimum: int) -> int:
        value: int = self.value(key, int)
        if value < minimum:
            raise _Invalid(f"{self.path}.{key}: must be at least {minimum}, not {value}")
        if value >= 1 << 63:  # SQLite's integers are 64 bits
            raise _Invalid(f"{self.path}.{key}: out of range: {short_repr(str(value))}")
        return value

    def optional_int(self, key: str, minimum: int) -> int | None:
        if self.item.get(key) is None:
            if key not in self.item:
                raise _Invalid(f"{self.path}.{key}: missing")
            return None
        return self.integer(key, minimum)

    def effort(self, key: str) -> int | None:
        """An effort rating: 1, 2, 3 or null; missing in exports before version 3 of the
        history."""
        value = self.item.get(key)
        if value is None:
            return None
        if type(value) is not int or value not in (1, 2, 3):
            raise _Invalid(
                f"{self.path}.{key}: 1 (easy), 2 (right), 3 (hard) or null, not {_brief(value)}"
            )
        return value

    def number(self, key: str) -> float:
        value = self.value(key, (int, float))
        if not 0 <= value < 1e9:
            raise _Invalid(f"{self.path}.{key}: out of range: {value}")
        return float(value)

    def time(self, key: str) -> int:
        text: str = self.value(key, str)
        try:
            return parse_time(text)
        except ValueError as exc:
            raise _Invalid(f"{self.path}.{key}: {exc}") from None
