"""Start-up of the frozen (PyInstaller) Glute Timer; imported by the two entry scripts.

A frozen app has no Python interpreter: ``sys.executable`` is the app's own executable.
The app starts its speech workers as ``[sys.executable, "-m", "glute_timer.speech.worker",
MODE, CONFIG]`` (``glute_timer/speech/processes.py``), so the executable understands that
one form of the interpreter's command line: ``-m MODULE ARGS...`` runs ``MODULE`` as
``__main__`` with ``sys.argv == [MODULE, *ARGS]``, exactly like ``python -m``. Only
modules of the ``glute_timer`` package are accepted, so the executable cannot be used as a
general Python interpreter. Every other command line goes to the normal entry point.
"""

from __future__ import annotations

import multiprocessing
import os
import runpy
import sys

CHILD_MODULE_PREFIX = "glute_timer."


def _run_child_module(argv: list[str]) -> int | None:
    """Handle ``-m glute_timer.X ARGS``; None when argv is not such a command line."""
    if len(argv) < 2 or argv[0] != "-m" or not argv[1].startswith(CHILD_MODULE_PREFIX):
        return None
    module = argv[1]
    sys.argv = [module, *argv[2:]]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    return 0


def _ensure_streams() -> None:
    """A windowed executable (Windows, macOS) may start with no stdout/stderr at all."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


# The spec leaves out Qt's multimedia backend plugins (FFmpeg; the app only needs
# QSoundEffect and QMediaDevices, which work without them), and Qt then says so once, with
# no logging category that QT_LOGGING_RULES could silence. Only that line is dropped.
_QT_NOISE = ("No QtMultimedia backends found.",)


def _filter_qt_messages() -> None:
    try:
        from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler
    except ImportError:
        return

    def handler(mode: object, context: object, message: str) -> None:
        if message.startswith(_QT_NOISE):
            return
        if previous is not None:
            previous(mode, context, message)
            return
        stream = sys.stderr
        if stream is not None:
            stream.write(qFormatLogMessage(mode, context, message) + "\n")
            stream.flush()

    previous = qInstallMessageHandler(handler)


def main(gui: bool) -> int:
    # Harmless unless a multiprocessing child of the frozen app is starting: then it runs
    # the child and exits here (needed on Windows and with the "spawn" start method).
    multiprocessing.freeze_support()
    child = _run_child_module(sys.argv[1:])
    if child is not None:
        return child
    _ensure_streams()
    _filter_qt_messages()
    from glute_timer.cli import gui_main
    from glute_timer.cli import main as cli_main

    return int(gui_main() if gui else cli_main())
