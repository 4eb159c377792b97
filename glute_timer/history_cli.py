"""The ``history`` and ``stats`` commands, and recording ``run --no-gui`` workouts.

Command line
============

``glute-timer history [--since DATE] [--csv | --json | --import FILE]``
    Without options, one block per workout, oldest first (``--since 2026-11-01`` keeps
    workouts started on or after that local date)::

        2026-11-25 Wed 14:46  Hip thrust strength  completed  7m 35s  3 sets, 45 reps
            1. Barbell hip thrust, set 1: 15/15 reps, 40 kg, hold 3 s
            2. Barbell hip thrust, set 2: 12/15 reps, 40 kg, hold 3 s
            note: felt strong

    The status is ``completed``, ``stopped`` (ended early) or ``in-progress`` (being
    recorded now). A workout whose run was killed or crashed keeps its sets and is closed
    as ``stopped`` at its last set's end the next time the history opens. Per-side sets show
    ``(left)``/``(right)`` after the exercise name. ``--csv`` and ``--json`` write the
    export formats below to standard output. ``--import FILE`` merges a CSV or JSON export
    (chosen by content) into the history: workouts and sets already present are skipped, so
    importing twice changes nothing; a malformed file is rejected as
    ``glute-timer: error: FILE: line N: reason`` (exit status 2) and nothing changes.

``glute-timer stats [--json]``
    Where you stand, per protocol, the most recently trained first::

        Hip thrust strength (hip-thrust-strength), every-other-day
          Today: rest day; next session tomorrow
          Streak: 3 sessions (best 3)
          Programme: session 3 of 7 done
          Last done: 2026-11-24 (yesterday); 3 times in the last 30 days
          Totals: 3 workouts, 9 sets, 117 reps
          Best, Barbell hip thrust: 45 kg × 12, 40 kg × 15, longest hold 3 s

    ``Today`` is ``due today``, ``done today``, ``rest day; next session tomorrow`` or
    ``no fixed schedule``; Streak and Programme appear for every-other-day and daily
    protocols. A session is a day with at least one set; one rest day between
    every-other-day sessions keeps the streak; a two-week every-other-day programme has
    7 sessions and its count restarts after a broken streak. ``Best`` lists, per exercise,
    the heaviest load for each number of reps that no other set beat on both, and the
    longest hold. ``--json`` prints a list of objects with the keys ``protocol_id,
    protocol_name, schedule, program_weeks, today, due (due|done|rest|any), streak,
    best_streak, program_done, program_total, sessions, last_done, sessions_last_30_days,
    workouts, sets, reps, load_bests [{exercise, exercise_name, reps, load, unit}],
    longest_holds [{exercise, exercise_name, seconds}]``.

CSV export (UTF-8, comma separated, header row, one row per set)
================================================================

The first columns are the ones gym loggers such as Strong export:

``Date``            local start of the workout, ``2026-11-25 14:46:00``
``Workout Name``    the protocol's name
``Duration``        ``7m 35s`` (empty while in progress)
``Exercise Name``   e.g. ``Barbell hip thrust``
``Set Order``       1, 2, 3 ... within the workout
``Weight``          the load's number (empty for bodyweight)
``Weight Unit``     ``kg`` or ``lb`` (empty for bodyweight)
``Reps``            reps done
``Seconds``         the hold at the top of each rep, in seconds
``Notes``           empty (no per-set notes yet)
``Workout Notes``   the workout's note
``RPE``             the set's effort rating as an RPE: easy 6, right 8, hard 10; empty when
                    not rated (an import reads below 7 as easy, below 9 as right, else
                    hard; files without the column import unrated)

then ours, which make an import exact: ``Workout ID`` (stable id used to merge without
duplicates), ``Protocol ID``, ``Schedule``, ``Program Weeks``, ``Status``, ``Workout Start``
and ``Workout End`` (UTC, ``2026-11-25T14:46:00.000Z``), ``Block``, ``Set`` (set number in
the block), ``Side`` (empty, ``left`` or ``right``), ``Exercise ID``, ``Target Reps``,
``Reps Min``, ``Reps Max``, ``Load`` (as written: ``40 kg``, ``bodyweight``), ``Set Start``,
``Set End`` (UTC). A CSV export does not carry the protocol file; JSON does.

A text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is written with a leading ``'``, and a cell starting
with quotes before such a character gets one more; the import takes one off again, so the
round trip is exact. On a terminal (not into a file or a pipe) control characters in texts
are shown as escapes such as ``\x1b``.

Times are UTC milliseconds from 1970-01-01T00:00:00.000Z up to (not including)
2100-01-01T00:00:00.000Z. An import is checked as a whole: times in that range, no end
before its start, sets within their workout (1 s of slack), ``1 <= Reps Min <= Target Reps
<= Reps Max <= 200``, at most ``Reps Max`` done, holds up to 600 s; the file must be a
regular file of at most 512 MB.

JSON export
===========

One document, one workout per line::

    {"format": "glute-timer-history", "version": 1, "workouts": [
    {"id": "…", "protocol_id": "hip-thrust-strength", "protocol_name": "Hip thrust strength",
     "schedule": "every-other-day", "program_weeks": 2, "protocol": "<the TOML as run>",
     "started": "2026-11-25T14:46:00.000Z", "ended": "…" or null,
     "status": "completed", "note": "",
     "sets": [{"position": 0, "block": 1, "set": 1, "side": null,
               "exercise": "barbell-hip-thrust", "exercise_name": "Barbell hip thrust",
               "target": 15, "reps_min": 10, "reps_max": 15, "reps_done": 15, "hold_s": 3.0,
               "load": "40 kg", "load_amount": 40.0, "load_unit": "kg",
               "started": "…Z", "ended": "…Z", "effort": 3}]}
    ]}

``position`` counts from 0 (CSV ``Set Order`` from 1); ``load_amount`` and ``load_unit``
are derived from ``load`` and ignored on import. ``effort`` is the set's rating, 1 (easy),
2 (right), 3 (hard) or null; exports of earlier versions lack it (unrated on import).

Files (in the data directory, or ``DIR/data`` with ``--basedir DIR``)
=====================================================================

``history.sqlite3`` (with ``-wal`` and ``-shm`` beside it while in use)
    SQLite in WAL mode; each set is committed the moment it completes, so a crash or a
    kill loses at most the set in progress. The GUI and the command line may use it at
    the same time. Workouts that are deleted in the History page are only marked deleted
    (Undo brings them back); exports leave them out.
``history.sqlite3.v1-20261125T144600.bak``
    A copy made before the file is upgraded to a newer schema (here: from version 1).
``history.sqlite3.corrupt-20261125T144600``
    A file that could not be read, moved aside (never overwritten); a new history
    starts and the user is told where the old one went.
``history-unsaved-<id>.json``
    A workout whose sets could not be written to the database (disk full, file locked,
    a database from a newer version), in the JSON export format. It is merged into the
    history, and removed, the next time the history opens.
``history-running-<id>.lock``
    Empty; present while a run or the window records workout ``<id>``, which holds a
    lock on it (``flock``) that the system lets go of when that process ends, however it
    ends. An opening of the history closes an in-progress workout only when its lock is
    free (where there are no such locks, Windows: when it had no set for a day).

A database written by a newer version of Glute Timer is refused with a message and left
untouched (``glute-timer history`` and ``stats`` exit with status 1). One that cannot be
written (a read-only disk) is listed, exported and counted read-only. Rows that no reader
can show (a time outside the range above, a number that is not one) are left out with a
warning on stderr.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from glute_timer.context import AppContext
from glute_timer.core.exercises import shown_name
from glute_timer.core.history_export import write_csv, write_json
from glute_timer.core.history_import import ImportFileError
from glute_timer.core.history_model import HistoryError, Workout
from glute_timer.core.history_store import (
    HistoryStore,
    import_file,
    open_history,
    open_history_for_reading,
)
from glute_timer.core.i18n import (
    _,
    format_number,
    localise_numbers,
    ngettext,
    side_text,
    status_text,
)
from glute_timer.core.progress import progress
from glute_timer.core.text import json_line, printable

EXIT_ERROR = 1
EXIT_USAGE = 2


def register_history_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("history", parents=[common], help="list, export or import workouts")
    p.add_argument("--since", metavar="DATE", type=date_arg, help="from this day (YYYY-MM-DD)")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="one CSV row per set")
    form.add_argument("--json", action="store_true", help="one JSON document")
    form.add_argument(
        "--import", dest="import_file", type=Path, metavar="FILE", help="merge a CSV or JSON export"
    )
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("stats", parents=[common], help="streak, due, totals and bests")
    p.add_argument("--json", action="store_true", help="one JSON list")
    p.set_defaults(func=cmd_stats)


def date_arg(text: str) -> date:
    """A YYYY-MM-DD argument (``--since``, ``calendar --from``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-25: {text!r}") from None


def _err(message: str) -> None:
    print(f"glute-timer: error: {printable(message)}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"glute-timer: warning: {printable(message)}", file=sys.stderr)


def _open_store(context: AppContext, *, reading: bool = False) -> HistoryStore | None:
    """The history, with its notice told; None (and the reason told) when it cannot open.

    ``reading``: for a command that only reads, which works on a read-only history too."""
    try:
        path = context.paths.history_db
        store = open_history_for_reading(path) if reading else open_history(path)
    except HistoryError as exc:
        _err(str(exc))
        return None
    if store.notice:
        _warn(store.notice)
    return store


def cmd_history(args: argparse.Namespace, context: AppContext) -> int:
    store = _open_store(context, reading=args.import_file is None)
    if store is None:
        return EXIT_ERROR
    if args.import_file is not None:
        try:
            result = import_file(store, args.import_file)
        except ImportFileError as exc:
            _err(str(exc))
            return EXIT_USAGE
        except (HistoryError, sqlite3.Error) as exc:
            _err(
                _("Nothing was imported: the history could not be written ({error})").format(
                    error=exc
                )
            )
            return EXIT_ERROR
        print(
            _(
                "Imported {workouts} new workout(s) and {sets} new set(s); {updated} "
                "workout(s) completed from the file."
            ).format(
                workouts=result.workouts_added,
                sets=result.sets_added,
                updated=result.workouts_updated,
            )
        )
        return 0
    since_ms = None
    if args.since is not None:
        since_ms = round(datetime.combine(args.since, datetime.min.time()).timestamp() * 1000)
    try:
        workouts = store.workouts(since_ms=since_ms)
    except (HistoryError, sqlite3.Error) as exc:
        _err(
            _("The history file {path} could not be read: {error}").format(
                path=store.path, error=exc
            )
        )
        return EXIT_ERROR
    if store.skipped:
        _warn(store.skipped)
    if args.csv:
        # Exact in a file; on a terminal, control characters in texts show as escapes.
        write_csv(workouts, sys.stdout, for_terminal=sys.stdout.isatty())
    elif args.json:
        write_json(workouts, sys.stdout)
    else:
        lines = [line for w in workouts for line in workout_lines(w)]
        print("\n".join(lines) if lines else _("No workouts recorded yet."))
    sys.stdout.flush()
    return 0


def workout_lines(w: Workout) -> list[str]:
    """The listing of one workout; every stored text is printed safely (``printable``)."""
    started = w.started
    duration = ""
    if w.ended_ms is not None:
        minutes, seconds = divmod(max(0, w.ended_ms - w.started_ms) // 1000, 60)
        duration = f"  {minutes}m {seconds}s" if minutes else f"  {seconds}s"
    count = len(w.sets)
    sets = ngettext("{n} set", "{n} sets", count).format(n=count)
    reps = ngettext("{n} rep", "{n} reps", w.total_reps).format(n=w.total_reps)
    lines = [
        f"{started:%Y-%m-%d} {format_weekday(started)} {started:%H:%M}  "
        f"{printable(w.protocol_name)}  {printable(status_text(w.status))}{duration}  "
        f"{sets}, {reps}"
    ]
    for s in w.sets:
        side = f" ({printable(side_text(s.side))})" if s.side else ""
        load = "" if s.load == "bodyweight" else f", {localise_numbers(printable(s.load))}"
        hold = ""
        if s.hold_s > 0:
            hold = ", " + _("hold {seconds} s").format(seconds=format_number(s.hold_s))
        done = ngettext("{done}/{n} rep", "{done}/{n} reps", s.target).format(
            done=s.reps_done, n=s.target
        )
        where = _("{exercise}{side}, set {set}").format(
            exercise=printable(shown_name(s.exercise, s.exercise_name)), side=side, set=s.set
        )
        lines.append(f"    {s.position + 1}. {where}: {done}{load}{hold}")
    if w.note:
        lines.append("    " + _("note: {note}").format(note=printable(w.note)))
    return lines


def format_weekday(moment: datetime) -> str:
    """ "Tue", "Di.", "mar.": the short weekday in the active language."""
    from glute_timer.core.i18n import formats

    return formats().weekdays_short[moment.weekday()]


def cmd_stats(args: argparse.Namespace, context: AppContext) -> int:
    store = _open_store(context, reading=True)
    if store is None:
        return EXIT_ERROR
    try:
        items = progress(store)
    except (HistoryError, sqlite3.Error) as exc:
        _err(
            _("The history file {path} could not be read: {error}").format(
                path=store.path, error=exc
            )
        )
        return EXIT_ERROR
    if store.skipped:
        _warn(store.skipped)
    if args.json:
        sys.stdout.write(json_line([item.to_json() for item in items]) + "\n")
    elif not items:
        print(_("No workouts recorded yet."))
    else:
        print("\n\n".join("\n".join(printable(x) for x in item.summary_lines()) for item in items))
    sys.stdout.flush()
    return 0


def _warn_flushed(message: str) -> None:
    print(f"glute-timer: warning: {printable(message)}", file=sys.stderr, flush=True)
