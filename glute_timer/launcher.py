"""The program's entry point: the window on the shortest path, or the command line.

``glute-timer`` alone (or ``glute-timer [gui] [--basedir DIR]``) opens the window, the
common case, without loading the command line's parser and subcommands: every module
imported before the first paint delays it. Anything else is handed to ``glute_timer.cli``.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    plain_gui, basedir = plain_gui_launch(arguments)
    if not plain_gui:
        from glute_timer.cli import main as cli_main

        return cli_main(arguments)
    fonts = _warm_fonts()
    import logging

    # Problems the user must know about reach them in the window or as one clear line;
    # the log only carries errors, so a warning is never printed twice.
    from glute_timer.logflood import LOG_FORMAT, guard_logging

    logging.basicConfig(level=logging.ERROR, format=LOG_FORMAT)

    guard_logging()  # an error repeated in a loop is printed a few times a minute
    from glute_timer.context import AppContext
    from glute_timer.core import i18n

    i18n.activate(i18n.choose())  # a damaged settings file is told in the system's language
    context = AppContext.create(basedir)
    context.language = i18n.activate(i18n.choose(None, context.settings.language))
    for warning in context.warnings:
        print(f"glute-timer: warning: {warning}", file=sys.stderr)
    if fonts is not None:
        fonts.join()  # done by now: Qt never meets fontconfig half initialised
    from glute_timer.gui.app import run_gui

    return int(run_gui(context))


def _warm_fonts() -> threading.Thread | None:
    """Load fontconfig's configuration on a helper thread while Python imports.

    The window's first text waits for fontconfig to read its configuration and caches
    (~6 ms); here that happens meanwhile, beside the imports, on the other core. Qt then
    finds the configuration loaded. Linux only (elsewhere Qt does not use fontconfig).
    """
    if not sys.platform.startswith("linux"):
        return None

    def init() -> None:
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # no fontconfig: Qt will say so
            ctypes.CDLL("libfontconfig.so.1").FcInit()

    thread = threading.Thread(target=init, name="fontconfig", daemon=True)
    thread.start()
    return thread


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(["gui", *sys.argv[1:]])


def plain_gui_launch(arguments: list[str]) -> tuple[bool, Path | None]:
    """Whether the arguments are just ``[gui] [--basedir DIR]``, and the basedir."""
    rest = [arg for arg in arguments if arg != "gui"]
    if len(arguments) - len(rest) > 1:
        return False, None
    if not rest:
        return True, None
    if len(rest) == 2 and rest[0] == "--basedir" and not rest[1].startswith("-"):
        return True, Path(rest[1])
    if len(rest) == 1 and rest[0].startswith("--basedir=") and len(rest[0]) > len("--basedir="):
        return True, Path(rest[0].removeprefix("--basedir="))
    return False, None
