"""Start-up of the frozen (PyInstaller) Glute Timer; imported by the two entry scripts.

A frozen app has no Python interpreter: ``sys.executable`` is the app's own executable.
The app starts child processes the way it would with an interpreter, so the executable
understands the two forms of the interpreter's command line the app uses:

- ``-m MODULE ARGS...`` runs ``MODULE`` as ``__main__`` with ``sys.argv == [MODULE,
  *ARGS]``, like ``python -m``; only modules of the ``glute_timer`` package are accepted.
  The speech workers: ``[sys.executable, "-m", "glute_timer.speech.worker", MODE,
  CONFIG]`` (``glute_timer/speech/processes.py``).
- ``-c CODE ARGS...`` runs CODE as ``__main__`` with ``sys.argv == ["-c", *ARGS]``, like
  ``python -c``. ``glute-timer check`` probes the display's Qt platform plugin that way
  (``glute_timer/speech/cli.py``), in a child because Qt aborts when the plugin fails.

Every other command line goes to the normal entry point. (``-m``/``-c`` are never valid
first arguments of ``glute-timer`` itself, whose options are ``--basedir``/``--version``.)
"""

from __future__ import annotations

import multiprocessing
import os
import runpy
import sys

CHILD_MODULE_PREFIX = "glute_timer."


def _run_child(argv: list[str]) -> int | None:
    """Handle ``-m glute_timer.X ARGS`` and ``-c CODE ARGS``; None for any other argv."""
    if len(argv) < 2 or argv[0] not in ("-m", "-c"):
        return None
    if argv[0] == "-m" and not argv[1].startswith(CHILD_MODULE_PREFIX):
        return None
    try:
        if argv[0] == "-m":
            sys.argv = [argv[1], *argv[2:]]
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = ["-c", *argv[2:]]
            compiled = compile(argv[1], "<string>", "exec")
            exec(compiled, {"__name__": "__main__", "__builtins__": __builtins__})
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


def main(gui: bool) -> int:
    # Harmless unless a multiprocessing child of the frozen app is starting: then it runs
    # the child and exits here (needed on Windows and with the "spawn" start method).
    multiprocessing.freeze_support()
    child = _run_child(sys.argv[1:])
    if child is not None:
        return child
    _ensure_streams()
    from glute_timer.launcher import gui_main
    from glute_timer.launcher import main as launch

    return int(gui_main() if gui else launch())
