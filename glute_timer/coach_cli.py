"""The coach's commands: ``next``, ``remind`` and ``calendar``; the suggestion ``run`` uses.

``glute-timer next PRESET_OR_FILE [--json]``
    What the next session of that protocol should be, block by block, from the history
    (the rules are in ``glute_timer/core/progression.py`` and the README). ``--json``
    prints one object ``{"protocol_id", "due", "blocks": [{"block", "exercise", "load",
    "target", "hold", "reason"}]}``.

``glute-timer remind [--wait SECONDS] [--foreground] [--at HH:MM]``
    One desktop notification for each protocol due today, with a Start action that opens
    the window on it (``glute-timer run ID``); one line per notification on standard
    output. ``remind --install HH:MM`` and ``remind --uninstall`` turn the reminders on
    training days on and off (the setting ``remind_at``; see ``glute_timer/reminders.py``).

``glute-timer calendar PRESET_OR_FILE [--from DATE]``
    The rest of the programme as an iCalendar file on standard output.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from glute_timer.context import AppContext
from glute_timer.core.coach import NextSession, load_steps, next_session, peek_history
from glute_timer.core.exercises import exercise_name
from glute_timer.core.history_model import HistoryError
from glute_timer.core.history_store import HistoryStore, open_history_for_reading
from glute_timer.core.i18n import _, format_number, load_text, ngettext, pgettext, weekday_short
from glute_timer.core.library import resolve_protocol
from glute_timer.core.progress import RECENT_DAYS, progress
from glute_timer.core.protocol import Protocol, ProtocolError
from glute_timer.core.settings import SettingsError
from glute_timer.core.text import json_line, printable
from glute_timer.history_cli import date_arg

EXIT_ERROR: Final = 1
EXIT_USAGE: Final = 2
DEFAULT_WAIT: Final = 12 * 3600.0
"""How long the Start button of a reminder keeps working: twelve hours."""
MAX_WAIT: Final = 24 * 3600.0


def register_coach_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "next", parents=[common], help="what the next session of a protocol should be"
    )
    p.add_argument("protocol", metavar="PRESET_OR_FILE")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(func=cmd_next)

    p = sub.add_parser(
        "remind", parents=[common], help="notify the protocols due today (desktop notifications)"
    )
    p.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="keep the Start buttons working this long (default 43200: 12 hours; 0: no wait)",
    )
    p.add_argument(
        "--foreground", action="store_true", help="wait in this process (systemd, autostart)"
    )
    p.add_argument(
        "--at", type=_clock_time, metavar="HH:MM", help="first wait until this time today"
    )
    switch = p.add_mutually_exclusive_group()
    switch.add_argument(
        "--install",
        type=_clock_time,
        metavar="HH:MM",
        help="remind me on training days at HH:MM from now on",
    )
    switch.add_argument(
        "--uninstall", action="store_true", help="no more reminders on training days"
    )
    p.set_defaults(func=cmd_remind)

    p = sub.add_parser(
        "calendar", parents=[common], help="the rest of the programme as an iCalendar file"
    )
    p.add_argument("protocol", metavar="PRESET_OR_FILE")
    p.add_argument(
        "--from",
        dest="start",
        type=date_arg,
        metavar="DATE",
        help="plan from this day (YYYY-MM-DD) instead of today",
    )
    p.set_defaults(func=cmd_calendar)


def _clock_time(text: str) -> str:
    from glute_timer.core.settings import Settings

    try:
        Settings().with_changes(remind_at=text.strip())
    except SettingsError:
        raise argparse.ArgumentTypeError(f"not a time like 18:00: {text!r}") from None
    return text.strip()


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 <= value <= MAX_WAIT:
        raise argparse.ArgumentTypeError(f"0 to {MAX_WAIT:g} seconds, not {text}")
    return value


def _err(message: str) -> None:
    print(f"glute-timer: error: {printable(message)}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"glute-timer: warning: {printable(message)}", file=sys.stderr, flush=True)


def _basedir(args: argparse.Namespace) -> Path | None:
    basedir: Path | None = getattr(args, "basedir", None)
    return basedir


def _store(context: AppContext) -> HistoryStore | None:
    """The history for reading, its notices told (on stderr); None when it cannot open."""
    try:
        store = open_history_for_reading(context.paths.history_db)
    except HistoryError as exc:
        _err(str(exc))
        return None
    if store.notice:
        _warn(store.notice)
    return store


# ------------------------------------------------------------------ run's suggestion


def coached(
    context: AppContext, protocol_id: str, protocol: Protocol, today: date | None = None
) -> NextSession | None:
    """The coach's next session for ``run`` (both faces), from a read-only look at the
    history (its repairs and notices are the recorder's to make and tell): as written
    with a fresh history or one that cannot be read. None only on a failure. Never
    raises."""
    try:
        store = peek_history(context.paths.history_db)
        return next_session(store, protocol_id, protocol, load_steps(context.settings), today)
    except Exception as exc:  # the coach never stops a workout from starting
        _warn(
            _("the coach could not read the history ({error}): running as written").format(
                error=exc
            )
        )
        return None


def coach_line(coming: NextSession) -> str:
    """One line for ``run``'s standard error: what the suggestion changed."""
    parts = [
        f"{exercise_name(block.exercise)}: {block.reason}"
        for block in coming.advice.blocks
        if block.rule != "as-written"
    ]
    return _("Coach: {advice} (--as-written runs the file as written)").format(
        advice="; ".join(parts)
    )


# ------------------------------------------------------------------ next


def cmd_next(args: argparse.Namespace, context: AppContext) -> int:
    protocol_id, protocol = resolve_protocol(args.protocol, context.paths.protocols_dir)
    store = _store(context)
    if store is None:
        return EXIT_ERROR
    try:
        coming = next_session(store, protocol_id, protocol, load_steps(context.settings))
    except (HistoryError, OSError) as exc:
        _err(
            _("The history file {path} could not be read: {error}").format(
                path=store.path, error=exc
            )
        )
        return EXIT_ERROR
    if store.skipped:
        _warn(store.skipped)
    if args.json:
        sys.stdout.write(json_line(coming.to_json()) + "\n")
    else:
        print("\n".join(printable(line) for line in next_lines(coming)))
    sys.stdout.flush()
    return 0


def _when(day: date, today: date) -> str:
    ahead = (day - today).days
    if ahead <= 0:
        return _("today, {day}").format(day=day.isoformat())
    if ahead == 1:
        return _("tomorrow, {weekday} {day}").format(
            weekday=weekday_short(day), day=day.isoformat()
        )
    return ngettext("{weekday} {day} (in {n} day)", "{weekday} {day} (in {n} days)", ahead).format(
        weekday=weekday_short(day), day=day.isoformat(), n=ahead
    )


def next_lines(coming: NextSession) -> list[str]:
    """``next``'s readable text."""
    protocol = coming.protocol
    head = _("{name} ({id}): next session {when}").format(
        name=protocol.name, id=coming.protocol_id, when=_when(coming.due, coming.today)
    )
    if coming.progress_text():
        head += f", {coming.progress_text()}"
    lines = [head]
    for block in coming.advice.blocks:
        written = protocol.blocks[block.block - 1]
        reps = ""
        if not written.is_single_hold:
            reps = " × " + _("{reps}, to {target}").format(
                reps=written.reps_text, target=block.target
            )
        hold = ""
        if block.hold:
            hold = ", " + _("hold {seconds} s").format(seconds=format_number(block.hold))
        side = ", " + _("each side") if block.per_side else ""
        lines.append(
            f"  {block.block}. {exercise_name(block.exercise)}: {written.sets}{reps}{side}, "
            f"{load_text(block.load.text)}{hold}"
        )
        if block.last_time is not None and block.last_day is not None:
            last = _("last time ({day}): {sets}").format(
                day=block.last_day.isoformat(), sets=block.last_time
            )
            lines.append(f"     {last}")
        lines.append(f"     {block.reason}")
    return lines


# ------------------------------------------------------------------ calendar


def cmd_calendar(args: argparse.Namespace, context: AppContext) -> int:
    from glute_timer.calendar_ics import calendar_bytes, session_time

    protocol_id, protocol = resolve_protocol(args.protocol, context.paths.protocols_dir)
    store = _store(context)
    if store is None:
        return EXIT_ERROR
    today = args.start or date.today()
    coming = next_session(store, protocol_id, protocol, load_steps(context.settings), today)
    if not coming.planned_days():
        _warn(
            _("{id} has no fixed days ({schedule}): the calendar has no sessions").format(
                id=protocol_id, schedule=protocol.schedule
            )
        )
    data = calendar_bytes(coming, session_time(context.settings.remind_at))
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


# ------------------------------------------------------------------ remind


def due_today(context: AppContext, today: date | None = None) -> list[NextSession]:
    """The protocols due today by their own schedules (every-other-day: the day after a
    rest day; daily: every day), trained in the last 30 days, and still there to start (a
    preset or one of the user's protocols), the most recently trained first."""
    store = _store(context)
    if store is None:
        raise HistoryError("the history cannot be read")
    today = today or date.today()
    found = []
    for item in progress(store, today):
        if item.max_gap is None or item.last_day is None:
            continue
        if (today - item.last_day).days > RECENT_DAYS:
            continue  # a programme left a month ago reminds no more
        try:
            protocol_id, protocol = resolve_protocol(item.protocol_id, context.paths.protocols_dir)
        except ProtocolError:
            continue  # deleted, or run from a file elsewhere: nothing to start
        if protocol_id != item.protocol_id:
            continue
        coming = next_session(store, protocol_id, protocol, load_steps(context.settings), today)
        if coming.due_today:
            found.append(coming)
    return found


def cmd_remind(args: argparse.Namespace, context: AppContext) -> int:
    if args.install is not None or args.uninstall:
        return _switch_reminders(args, context)
    if args.at is not None:
        _sleep_until(args.at)
    try:
        coming = due_today(context)
    except HistoryError:
        return EXIT_ERROR
    if not coming:
        print(_("Nothing is due today."), file=sys.stderr)
        return 0
    from glute_timer.desktop_notify import START_ACTION, NoNotificationService, Notifier

    try:
        notifier = Notifier()
    except NoNotificationService as exc:
        for item in coming:
            print(printable(item.headline()))
        _warn(_("no notification shown: {error}").format(error=exc))
        return 0
    pending: dict[int, str] = {}
    try:
        for item in coming:
            lead = item.advice.lead
            body = (lead.reason[:1].upper() + lead.reason[1:] + ". ") if lead else ""
            body += _("Start opens the workout.")
            start = ((START_ACTION, pgettext("notification", "Start")),)
            pending[notifier.notify(item.headline(), body, start)] = item.protocol_id
            print(printable(item.headline()), flush=True)
    except NoNotificationService as exc:
        for item in coming[len(pending) :]:
            print(printable(item.headline()))
        _warn(_("no notification shown: {error}").format(error=exc))
        notifier.close()
        return 0
    _wait_for_start(args, notifier, pending)
    return 0


def _wait_for_start(args: argparse.Namespace, notifier: Any, pending: dict[int, str]) -> None:
    """Keep the connection until each notification is closed or started (``--wait``)."""
    from glute_timer.desktop_notify import hand_off, launch_detached
    from glute_timer.reminders import self_command

    command = self_command(_basedir(args))

    def start(_id: int, _key: str, protocol_id: str) -> None:
        launch_detached([*command, "run", protocol_id])

    def wait() -> None:
        try:
            notifier.wait(pending, start, args.wait)
        finally:
            notifier.close()

    if args.wait <= 0:
        notifier.close()
    elif args.foreground or not hand_off(wait):
        wait()
    else:
        notifier.close()  # the waiter has its own copy of the connection


def _sleep_until(at: str, clock: Any = time.time, sleep: Any = time.sleep) -> None:
    """Wait until ``at`` (HH:MM, local) today; at once when it is past. Checked against the
    wall clock every minute, so a machine that slept meanwhile does not remind late."""
    hours, minutes = (int(part) for part in at.split(":"))
    target = datetime.combine(date.today(), datetime.min.time()) + timedelta(
        hours=hours, minutes=minutes
    )
    while (left := target.timestamp() - clock()) > 0:
        sleep(min(left, 60.0))


def _switch_reminders(args: argparse.Namespace, context: AppContext) -> int:
    from glute_timer.reminders import config_home, install, real_systemctl, remove, self_command

    basedir = _basedir(args)
    config = config_home(basedir)
    systemctl = None if basedir is not None else real_systemctl
    try:
        if args.uninstall:
            removed = remove(config=config, systemctl=systemctl)
            context.save_settings(context.settings._replace(remind_at=None))
            for path in removed:
                print(_("Removed {path}").format(path=path))
            print(_("Reminders on training days are off."))
            return 0
        done = install(
            args.install, config=config, command=self_command(basedir), systemctl=systemctl
        )
        context.save_settings(context.settings._replace(remind_at=args.install))
    except OSError as exc:
        _err(_("the reminder could not be changed: {error}").format(error=exc))
        return EXIT_ERROR
    kind = _("a systemd user timer") if done.method == "systemd" else _("an autostart entry")
    print(_("Reminders on training days at {time}: {how}").format(time=args.install, how=kind))
    for path in done.files:
        print(f"  {path}")
    if done.problem:
        _warn(done.problem)
    return 0
