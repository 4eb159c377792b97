"""Starting the desktop app: the QApplication, the icon, the guard, the window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from glute_timer.qt_compat import protect_none, skip_source_scan

skip_source_scan()  # before our Qt modules below are imported: see glute_timer/qt_compat.py

from glute_timer.context import AppContext  # noqa: E402
from glute_timer.gui.main_window import APP_TITLE, MainWindow  # noqa: E402

log = logging.getLogger(__name__)

APP_ID = "io.github.glutetimer.GluteTimer"


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    protect_none()  # PySide6 6.12 on Python 3.11 would otherwise abort within a minute
    # Qt's raster engine hands every fill of 96 or more spans to a thread pool and waits
    # for it; for paints the size of ours (an arc's end, the figure's limbs) the hand-off
    # costs more than the fill: 6 % of the CPU of a running workout's frames, and eleven
    # futex calls a frame instead of two (benchmarks/startup.py). Read when Qt first
    # needs the pool, so it is set before anything paints.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        style = existing.style()
        if style is None or style.name().lower() != "fusion":
            existing.setStyle("Fusion")
        return existing
    # Fusion everywhere: the style sheet is written for it. Asked for on the command line
    # rather than with setStyle(), which would build Python wrappers for QStyle's many
    # enums (~12 ms) before the first paint.
    arguments = list(argv if argv is not None else sys.argv[:1])
    app = QApplication([*arguments[:1], "-style", "fusion", *arguments[1:]])
    app.setApplicationName("glute-timer")
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName("glutetimer")
    app.setDesktopFileName(APP_ID)  # the icon is set once the window is up
    return app


def run_gui(
    context: AppContext,
    run: str | None = None,
    *,
    remote: str | None = None,
    as_written: bool = False,
) -> int:
    """Open the window; with ``run`` (a preset id, a protocol id or an absolute path to a
    protocol file, already checked by the caller) start that workout once it is up, with
    the coach's suggestion unless ``as_written``, and with ``remote`` (``[HOST:]PORT``,
    checked) its phone remote there. A window already open for this data folder is asked
    to come forward (and to start it)."""
    from glute_timer.logflood import install_qt_handler

    install_qt_handler()  # a Qt message repeated in a loop is printed a few times a minute
    app = make_application()
    from glute_timer.gui.i18n import install_translators

    install_translators(context.language)
    guard = None
    try:
        from glute_timer.gui.single_instance import SingleInstance
    except ImportError:
        SingleInstance = None  # type: ignore[assignment,misc]
    if SingleInstance is not None:
        guard = SingleInstance(context)
        request: dict[str, object] | None = {"run": run} if run else None
        if request is not None and as_written:
            request["as_written"] = True
        if request is not None and remote is not None:
            request["remote"] = remote
        if not guard.acquire(listen=False, request=request):
            return 0  # the running window was asked to come forward
    window = MainWindow(context, record_history=True)
    if guard is not None:
        guard.activation_requested.connect(lambda: bring_to_front(window))
        guard.remote_requested.connect(lambda address: window.hands_free.use_remote(address))
        guard.run_requested.connect(window.run_spec)
        guard.run_as_written_requested.connect(lambda spec: window.run_spec(spec, as_written=True))
        # Later windows can reach this one once it is on screen (QtNetwork loads then).
        window.first_painted.connect(guard.listen)
    # The audio is built once the window is on screen: nothing before the paint waits.
    window.first_painted.connect(window.prepare_audio)
    if run:
        if remote is not None:
            window.hands_free.use_remote(remote)
        window.first_painted.connect(lambda: window.run_spec(run, as_written=as_written))
    window.show()
    code = app.exec()
    if guard is not None:
        guard.release()
    return int(code)


def bring_to_front(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
