"""The command line: ``glute-timer [--basedir DIR] [SUBCOMMAND]``; the GUI when no subcommand."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from glute_timer import __version__
from glute_timer.context import AppContext
from glute_timer.core.text import json_line, printable
from glute_timer.logflood import LOG_FORMAT

if TYPE_CHECKING:
    from glute_timer.core.plan import Cue, Plan
    from glute_timer.core.session import Event, SetRecord
    from glute_timer.remote.address import RemoteAddress
    from glute_timer.remote.link import RemoteLink
    from glute_timer.speech.player import CuePlayer
    from glute_timer.workout import Workout

# The protocols, plans and sessions are imported by the commands that use them: opening
# the window (the common case) needs none of them before its first paint.

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad input: printed as one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # "run: ..." for a subcommand's error; main() adds the "glute-timer: error: ".
        command = self.prog.removeprefix("glute-timer").strip()
        raise UsageError(f"{command}: {message}" if command else message)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--basedir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="keep settings, protocols, history and cache in DIR",
    )
    common.add_argument(
        "--lang",
        default=argparse.SUPPRESS,
        metavar="CODE",
        help="the language of messages, cues and voice: en, de, fr, es "
        "(default: the setting, else the system's)",
    )
    parser = _Parser(
        prog="glute-timer",
        description="A talking rep-and-hold timer for glute bridges and hip thrusts.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", parents=[common], help="open the app window (the default)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("presets", parents=[common], help="list the built-in presets")
    p.set_defaults(func=cmd_presets)

    p = sub.add_parser("plan", parents=[common], help="print the timeline of a protocol")
    p.add_argument("protocol", metavar="PRESET_OR_FILE")
    p.add_argument("--json", action="store_true", help="one JSON object with every cue")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("run", parents=[common], help="follow a workout")
    p.add_argument("protocol", metavar="PRESET_OR_FILE")
    p.add_argument(
        "--no-gui", action="store_true", help="in the terminal (default: open the window)"
    )
    p.add_argument("--json", action="store_true", help="print each cue as a JSON line")
    p.add_argument("--mute", action="store_true", help="no speech and no sounds")
    p.add_argument(
        "--as-written",
        action="store_true",
        help="run the protocol exactly as its file says (default: with the coach's suggestion)",
    )
    p.add_argument(
        "--remote",
        metavar="[HOST:]PORT",
        help="a phone remote for this workout at that address (PORT alone: this "
        "machine's address on the local network; 127.0.0.1:0: a free port on loopback)",
    )
    p.set_defaults(func=cmd_run)

    for register in _feature_commands():
        register(sub, common)
    return parser


def _feature_commands() -> list[
    Callable[[argparse._SubParsersAction[_Parser], argparse.ArgumentParser], None]
]:
    """Subcommands that live beside their feature (speech, history)."""
    registrations: list[
        Callable[[argparse._SubParsersAction[_Parser], argparse.ArgumentParser], None]
    ] = []
    registrations.append(_history_commands)
    registrations.append(_speech_commands)
    registrations.append(_coach_commands)
    return registrations


def _coach_commands(
    sub: argparse._SubParsersAction[_Parser], common: argparse.ArgumentParser
) -> None:
    from glute_timer import coach_cli

    coach_cli.register_coach_commands(sub, common)


def _history_commands(
    sub: argparse._SubParsersAction[_Parser], common: argparse.ArgumentParser
) -> None:
    from glute_timer import history_cli

    history_cli.register_history_commands(sub, common)


def _speech_commands(
    sub: argparse._SubParsersAction[_Parser], common: argparse.ArgumentParser
) -> None:
    from glute_timer.speech.cli import register

    register(sub, common)


JSON_AS_IS = frozenset({"plan", "next", "stats", "history"})
"""The commands whose ``--json`` documents stay as they are in every language. (``run
--json`` prints the cues as they are spoken, in the language of the voice.)"""


def main(argv: Sequence[str] | None = None) -> int:
    # Problems the user must know about reach them as one clear line (here) or in the
    # window; the log only carries errors, so a warning is never printed twice.
    logging.basicConfig(level=logging.ERROR, format=LOG_FORMAT)
    from glute_timer.logflood import guard_logging

    guard_logging()  # an error repeated in a loop is printed a few times a minute
    arguments = list(sys.argv[1:] if argv is None else argv)
    # (The window's own short path, without this parser, is ``glute_timer.launcher``.)
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
        if getattr(args, "command", None) is None:
            args.func = cmd_gui
        # A damaged settings file is told in the language of --lang, else the system's:
        # its own language setting is in that very file. Then the setting counts too.
        early_language(getattr(args, "lang", None))
        context = AppContext.create(getattr(args, "basedir", None))
        context.language = use_language(getattr(args, "lang", None), context)
        if getattr(args, "json", False) and args.command in JSON_AS_IS:
            # A document for scripts: the same in every language (its texts in English).
            from glute_timer.core import i18n

            i18n.activate(i18n.SOURCE_LANGUAGE)
        for warning in context.warnings:
            print(f"glute-timer: warning: {printable(warning)}", file=sys.stderr)
        result: int = args.func(args, context)
        return result
    except UsageError as exc:
        print(f"glute-timer: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and let nothing try to flush
        # into the closed pipe at exit.
        silence_stdout()
        return 0
    except Exception as exc:
        from glute_timer.core.protocol import ProtocolError  # loaded by then, if raised

        if not isinstance(exc, ProtocolError):
            raise
        print(f"glute-timer: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE


def early_language(override: str | None) -> str:
    """``--lang`` or the system's language, before the settings are read."""
    from glute_timer.core import i18n

    return i18n.activate(i18n.choose(override))


def use_language(override: str | None, context: AppContext) -> str:
    """Make ``--lang`` (else the setting, else the system's language) the one of every
    message from now on; an unknown code means English, without an error."""
    from glute_timer.core import i18n

    context.language_override = override
    return i18n.activate(i18n.choose(override, context.settings.language))


def silence_stdout() -> None:
    """Point standard output at the null device (its reader has gone)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


# ------------------------------------------------------------------ commands


def cmd_gui(args: argparse.Namespace, context: AppContext) -> int:
    from glute_timer.gui.app import run_gui

    return int(run_gui(context))


def cmd_presets(args: argparse.Namespace, context: AppContext) -> int:
    from glute_timer.core.library import ordered_presets
    from glute_timer.core.plan import build_plan, format_clock

    for entry in ordered_presets():
        assert entry.protocol is not None
        plan = build_plan(entry.protocol)
        print(
            f"{entry.id}\t{printable(entry.protocol.name)}\t{format_clock(plan.total)}\t"
            f"{entry.protocol.schedule}"
        )
    return 0


def _load_plan(spec: str, context: AppContext, *, coach: bool = False) -> tuple[str, Plan]:
    """The protocol's id (preset id, user protocol id or file stem) and its plan; with
    ``coach``, the protocol with the coach's suggestion applied (said on stderr)."""
    from glute_timer.core.library import resolve_protocol
    from glute_timer.core.plan import build_plan

    protocol_id, protocol = resolve_protocol(spec, context.paths.protocols_dir)
    if coach:
        from glute_timer.coach_cli import coach_line, coached

        coming = coached(context, protocol_id, protocol)
        if coming is not None and coming.changes:
            print(printable(coach_line(coming)), file=sys.stderr, flush=True)
            protocol = coming.suggested
    return protocol_id, build_plan(protocol)


def cmd_plan(args: argparse.Namespace, context: AppContext) -> int:
    from glute_timer.core.plan import format_clock

    _, plan = _load_plan(args.protocol, context)
    if args.json:
        sys.stdout.write(json_line(plan.to_json()) + "\n")
        return 0
    from glute_timer.core.i18n import format_number, ngettext

    cues = ngettext("{n} cue", "{n} cues", len(plan.cues)).format(n=len(plan.cues))
    print(
        f"{printable(plan.name)}: {format_clock(plan.total)} "
        f"({format_number(round(plan.total, 3))} s), {cues}"
    )
    for cue in plan.cues:
        print(_cue_line(cue))
    return 0


def _cue_line(cue: Cue) -> str:
    from glute_timer.core.plan import format_clock

    where = f"b{cue.block} s{cue.set}"
    if cue.rep is not None:
        where += f" r{cue.rep}"
    if cue.side:
        where += f" {cue.side}"
    from glute_timer.core.i18n import localise_numbers

    text = printable(cue.text)
    at = localise_numbers(f"{cue.at:8.1f}")
    return f"{format_clock(cue.at):>7} {at}s  {cue.phase:<8} {where:<16} {text}"


class TerminalPrinter:
    """Prints each cue the moment the session emits it, flushed at once.

    Texts are printed safely (``printable``): nothing in a protocol can move the cursor
    or retitle the terminal. When standard output is closed (``| head -2``), ``closed``
    turns true and nothing more is printed; the run then ends as if stopped.
    """

    def __init__(self, out: TextIO, as_json: bool) -> None:
        self.out = out
        self.as_json = as_json
        self.closed = False

    def __call__(self, event: Event) -> None:
        from glute_timer.core.session import CueDue, Delayed, Suspended

        if self.closed:
            return
        if isinstance(event, CueDue):
            line = json_line(event.cue.to_json()) if self.as_json else _cue_line(event.cue)
            self._write(self.out, line + "\n")
        elif isinstance(event, Suspended):
            from glute_timer.core.i18n import _

            # In --json mode stdout carries cues only.
            message = _(
                "no tick for {gap} s (the machine slept?): going on from where the workout was"
            ).format(gap=f"{event.gap:.0f}")
            self._write(sys.stderr if self.as_json else self.out, f"glute-timer: {message}\n")
        elif isinstance(event, Delayed):
            from glute_timer.core.i18n import localise_numbers, ngettext

            message = ngettext(
                "no tick for {gap} s (the computer was busy?): {n} cue came {late} s late, "
                "all at once",
                "no tick for {gap} s (the computer was busy?): {n} cues came {late} s late, "
                "all at once",
                event.missed,
            ).format(
                gap=localise_numbers(f"{event.gap:.1f}"),
                n=event.missed,
                late=localise_numbers(f"{event.late:.1f}"),
            )
            self._write(sys.stderr if self.as_json else self.out, f"glute-timer: {message}\n")

    def _write(self, out: TextIO, text: str) -> None:
        try:
            out.write(text)
            out.flush()
        except BrokenPipeError:
            if out is self.out:
                self.closed = True
                silence_stdout()
        except (OSError, ValueError):
            if out is self.out:
                self.closed = True


def summary_lines(records: Sequence[SetRecord], completed: bool) -> list[str]:
    from glute_timer.core.i18n import _, localise_numbers, ngettext, pgettext

    head = _("Workout complete.") if completed else _("Workout stopped.")
    done = ngettext("{n} set done.", "{n} sets done.", len(records)).format(n=len(records))
    lines = [f"{head} {done}"]
    for record in records:
        side = ""
        if record.side == "left":
            side = f" ({pgettext('side', 'left')})"
        elif record.side == "right":
            side = f" ({pgettext('side', 'right')})"
        elif record.side:
            side = f" ({printable(record.side)})"
        load = ""
        if record.load != "bodyweight":
            load = f", {localise_numbers(printable(record.load))}"
        reps = ngettext("{done}/{n} rep", "{done}/{n} reps", record.target).format(
            done=record.reps_done, n=record.target
        )
        where = _("{exercise}{side}, set {set}").format(
            exercise=printable(record.exercise_name), side=side, set=record.set
        )
        lines.append(f"  {where}: {reps}{load}")
    return lines


class _Interrupted(BaseException):
    """SIGTERM. A BaseException, like KeyboardInterrupt, so that a signal arriving while a
    listener runs is not swallowed by the session's guard against failing listeners."""


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise _Interrupted


def cmd_run(args: argparse.Namespace, context: AppContext) -> int:
    if not args.no_gui:
        return _run_in_window(args, context)
    import signal

    from glute_timer.core.session import State
    from glute_timer.workout import Workout

    protocol_id, plan = _load_plan(args.protocol, context, coach=not args.as_written)
    remote = _remote_address(args)
    printer = TerminalPrinter(sys.stdout, args.json)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    audio: CuePlayer | None = None
    workout: Workout | None = None
    link: RemoteLink | None = None
    interrupted = False
    try:
        # Inside the try: preparing speech takes a moment, and Ctrl-C may come meanwhile.
        if not args.mute:
            from glute_timer.speech.cli import terminal_audio, wait_prepared

            audio = terminal_audio(context)
        workout = Workout(
            context,
            plan,
            protocol_id,
            clock=time.monotonic,
            audio=audio,
            on_message=_warn,
            listeners=[("printer", printer)],
        )
        if remote is not None:
            link = _start_remote(workout, remote)
        if audio is not None:
            wait_prepared(audio)
        workout.start()
        follow(workout, time.monotonic, stop_when=lambda: printer.closed)
        interrupted = printer.closed
    except (KeyboardInterrupt, _Interrupted):
        interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        if workout is not None:
            if interrupted:
                workout.stop()
            if link is not None:
                link.close()
            saved = workout.close()
            if saved:
                from glute_timer.core.i18n import _

                recorded = _("Recorded {n} set(s) in the history.").format(n=saved)
                print(recorded, file=sys.stderr, flush=True)
        if audio is not None:
            from glute_timer.speech.cli import drain

            finished = workout is not None and workout.session.state is State.FINISHED
            drain(audio, finished)
    if workout is None:
        return EXIT_INTERRUPTED
    out = sys.stderr if args.json else sys.stdout
    if out is sys.stdout and printer.closed:
        return EXIT_INTERRUPTED  # nobody reads the summary any more
    try:
        for line in summary_lines(workout.completed_sets, workout.session.state is State.FINISHED):
            print(line, file=out)
        out.flush()
    except BrokenPipeError:
        silence_stdout()
    return EXIT_INTERRUPTED if interrupted else 0


def _remote_address(args: argparse.Namespace) -> RemoteAddress | None:
    if args.remote is None:
        return None
    from glute_timer.remote.address import RemoteAddressError, parse_address

    try:
        return parse_address(args.remote)
    except RemoteAddressError as exc:
        raise UsageError(f"run: --remote {exc}") from None


def _start_remote(workout: Workout, address: RemoteAddress) -> RemoteLink:
    """The phone remote for a terminal run; its address is the one line on stderr."""
    from glute_timer.remote.address import RemoteAddressError
    from glute_timer.remote.link import RemoteLink

    try:
        link = RemoteLink(workout, address, clock=time.monotonic)
    except (OSError, RemoteAddressError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"run: --remote {address}: cannot listen there ({reason})") from None
    print(f"remote: {link.url}", file=sys.stderr, flush=True)
    return link


def _warn(message: str) -> None:
    print(f"glute-timer: warning: {printable(message)}", file=sys.stderr, flush=True)


def _run_in_window(args: argparse.Namespace, context: AppContext) -> int:
    """``run SPEC`` without ``--no-gui``: the window opens and starts the workout (its
    lead-in begins at once). Bad input is refused here, before any window opens."""
    if args.json:
        from glute_timer.core.i18n import _

        raise UsageError(_("run: --json prints cues in the terminal: add --no-gui"))
    _load_plan(args.protocol, context)  # a ProtocolError is the one-line error, exit 2
    remote = _remote_address(args)
    spec = args.protocol
    path = Path(spec)
    if spec.endswith(".toml") or "/" in spec or "\\" in spec or path.is_file():
        spec = str(path.resolve())  # a running window may have another working folder
    if args.mute:
        context.settings = context.settings._replace(voice_enabled=False, sounds_enabled=False)
    from glute_timer.gui.app import run_gui

    options: dict[str, Any] = {}  # only what is given: run_gui's callers and fakes stay
    if args.as_written:  # without the coach's suggestion
        options["as_written"] = True
    if remote is not None:
        options["remote"] = str(remote)
    return int(run_gui(context, run=spec, **options))


MAX_SLEEP = 0.25


def follow(
    workout: Workout,
    clock: Callable[[], float] = time.monotonic,
    wait: Callable[[float], None] | None = None,
    stop_when: Callable[[], bool] = lambda: False,
) -> None:
    """Sleep until each deadline of the plan, then tick: nothing accumulates.

    Commands posted from other threads (``Workout.post``) wake the loop and run here;
    ``wait(seconds)`` replaces that sleep (tests pass a fake clock's)."""
    from glute_timer.core.session import State

    wake = threading.Event()

    def sleep(seconds: float) -> None:
        if wake.wait(seconds):
            wake.clear()

    wait = wait or sleep
    workout.on_posted = wake.set
    session = workout.session
    try:
        while not stop_when():
            if session.state is State.PAUSED and not workout.paused_by_user:
                # Nothing pauses a terminal run but a gap in the ticks (the machine slept,
                # the process was stopped) or a command: after a gap the printer said
                # so; go on from where it paused.
                workout.resume()
            if session.state not in (State.RUNNING, State.PAUSED):
                return
            deadline = session.next_deadline()
            now = clock()
            if deadline is None or deadline > now:
                wait(MAX_SLEEP if deadline is None else min(deadline - now, MAX_SLEEP))
            workout.run_posted()
            workout.tick(clock())  # the history's hand-over comes after the cues
    finally:
        workout.on_posted = None
