"""Hands-free on the mat: media keys, the MPRIS player and the phone remote of the window.

One object beside the main window (``MainWindow.hands_free``), told when the window is on
screen and when it closes; it hears the window's ``workout_started`` and
``settings_saved``, and reads the rest from the window's public parts (its driver, its
settings, its status bar, the workout screen).

- **Media keys** (Play, Pause, Play/Pause, Next, Previous, Stop) while the window has
  focus, on every platform; the same commands as the MPRIS player's methods.
- **MPRIS** (Linux, :mod:`glute_timer.gui.mpris`), built after the first paint; without
  a session bus the window says so once in its status bar and runs as before.
- **The phone remote** (:mod:`glute_timer.remote`) for each workout while Settings →
  Phone remote is on, or ``run … --remote`` asked for it: a new server and token per
  workout (the port is kept while the window is open), its address as a QR code over a
  corner of the workout screen, stopped when the workout ends or the window closes.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from glute_timer.core.display import Display
from glute_timer.core.session import State
from glute_timer.core.settings import Settings
from glute_timer.gui.i18n import tr

if TYPE_CHECKING:
    from glute_timer.gui.driver import SessionDriver
    from glute_timer.gui.main_window import MainWindow
    from glute_timer.gui.mpris import MprisPlayer
    from glute_timer.gui.remote_panel import RemotePanel
    from glute_timer.remote.address import RemoteAddress
    from glute_timer.remote.link import RemoteLink
    from glute_timer.remote.server import Throttle

log = logging.getLogger(__name__)

MEDIA_KEYS = {
    Qt.Key.Key_MediaPlay: "play",
    Qt.Key.Key_MediaPause: "pause",
    Qt.Key.Key_MediaTogglePlayPause: "play_pause",
    Qt.Key.Key_MediaNext: "next",
    Qt.Key.Key_MediaPrevious: "previous",
    Qt.Key.Key_MediaStop: "stop",
}
"""Each media key and the command it gives (the MPRIS method of the same name)."""


class HandsFree(QObject):
    remote_changed = Signal(str)  # the page's address ("" when no remote runs)
    _remote_closed = Signal()  # from the server's thread: the workout's remote has stopped
    _pages = Signal(int)  # from the server's threads: how many phones follow now

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.mpris: MprisPlayer | None = None
        self.keys: list[QShortcut] = []
        self.remote: RemoteLink | None = None
        self.remote_address: RemoteAddress | None = None  # ``run --remote``: overrides
        self._port = 0  # the first remote's port, kept for the next workouts
        self._throttle: Throttle | None = None  # wrong tokens, remembered across workouts
        self._panel: RemotePanel | None = None
        self._unwatch: list[Callable[[], None]] = []
        self._ready = False
        self._remote_closed.connect(self._after_remote_closed, Qt.ConnectionType.QueuedConnection)
        self._pages.connect(self._pages_changed, Qt.ConnectionType.QueuedConnection)
        window.settings_saved.connect(self._settings_saved)
        window.workout_started.connect(self.workout_started)
        if window.workout_running and window.driver is not None:
            self.workout_started(window.driver)  # made after the workout began

    # ------------------------------------------------------------ the window's moments

    def window_ready(self) -> None:
        """The window is on screen: the media keys, and the MPRIS player on Linux."""
        if self._ready:
            return
        self._ready = True
        for key, command in MEDIA_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self.window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(lambda name=command: self.media_command(name))
            self.keys.append(shortcut)
        if sys.platform.startswith("linux"):
            self._open_mpris()

    def _open_mpris(self) -> None:
        from glute_timer.gui.mpris import MprisPlayer

        player = MprisPlayer(self, self)
        if player.open():
            self.mpris = player
            log.info("MPRIS player on the session bus as %s", player.bus_name)
        else:
            message = tr("Media controls (MPRIS) are off: {problem}.").format(
                problem=player.problem
            )
            log.info("%s", message)
            self.window.statusBar().showMessage(message, 8000)

    def workout_started(self, driver: SessionDriver) -> None:
        self._detach()
        self.stop_remote()  # the last workout's, at once: its port may be taken again
        workout = driver.workout
        self._unwatch.append(workout.watch(self._workout_moved))
        self.update()
        if self.wants_remote(self.window.settings):
            self.start_remote()

    def workout_ended(self) -> None:
        """The window lets go of its workout (another starts, or the window closes)."""
        self._detach()
        self.stop_remote()
        self.update()

    def close(self) -> None:
        self.workout_ended()
        if self.mpris is not None:
            self.mpris.close()
            self.mpris = None

    def _detach(self) -> None:
        for undo in self._unwatch:
            with contextlib.suppress(ValueError):  # already undone
                undo()
        self._unwatch.clear()

    def _workout_moved(self) -> None:
        self.update()

    def update(self) -> None:
        if self.mpris is not None:
            self.mpris.update(self.window.clock())

    # ------------------------------------------------------------ the controls

    def display(self) -> Display | None:
        driver = self.window.driver
        return driver.view() if driver is not None else None

    def media_command(self, name: str) -> None:
        """A media key's or the MPRIS player's command: play, pause, play_pause, next,
        previous, stop."""
        driver = self.window.driver
        if driver is None:
            return
        if name == "stop":
            self.window.workouts.request_stop()  # asks first once a set is recorded
            return
        state = driver.state
        if name == "pause":
            if state is State.RUNNING:
                driver.command("pause")
        elif name == "play":
            driver.command("play")
        elif name == "play_pause":
            driver.command("toggle")
        elif name == "next":
            driver.command("next")
        elif name == "previous":
            driver.command("back")

    def raise_window(self) -> None:
        from glute_timer.gui.app import bring_to_front

        bring_to_front(self.window)

    # ------------------------------------------------------------ the phone remote

    def use_remote(self, address: str) -> None:
        """``run … --remote ADDRESS``: the remote at that address for this window's
        workouts, whatever the setting (the address was checked by the command line)."""
        from glute_timer.remote.address import RemoteAddressError, parse_address

        try:
            self.remote_address = parse_address(address)
        except RemoteAddressError as exc:
            self.window.show_banner(tr("Phone remote: {error}").format(error=exc))
            return
        if self.window.workout_running and self.remote is None:
            self.start_remote()

    def wants_remote(self, settings: Settings) -> bool:
        return self.remote_address is not None or settings.phone_remote

    def _settings_saved(self, settings: Settings) -> None:
        running = self.window.workout_running
        if self.wants_remote(settings) and running and self.remote is None:
            self.start_remote()
        elif not self.wants_remote(settings) and self.remote is not None:
            self.stop_remote()

    def start_remote(self) -> None:
        driver = self.window.driver
        if driver is None or self.remote is not None:
            return
        from glute_timer.remote.address import RemoteAddress, RemoteAddressError
        from glute_timer.remote.link import RemoteLink
        from glute_timer.remote.server import Throttle

        wanted = self.remote_address or RemoteAddress(None, 0)
        if self._throttle is None:
            self._throttle = Throttle(self.window.clock)
        tries = [RemoteAddress(wanted.host, self._port)] if self._port and not wanted.port else []
        tries.append(wanted)
        problem = ""
        for address in tries:
            try:
                self.remote = RemoteLink(
                    driver.workout,
                    address,
                    clock=self.window.clock,
                    throttle=self._throttle,
                    on_closed=self._remote_closed.emit,
                    on_pages=self._pages.emit,
                )
                break
            except RemoteAddressError as exc:
                problem = str(exc)
                break
            except OSError as exc:  # the port is taken: the next try, a free one
                problem = tr("cannot listen at {address} ({error})").format(
                    address=address, error=exc.strerror or exc
                )
        panel = self.panel
        if self.remote is None:
            log.warning("phone remote: %s", problem)
            panel.show_problem(tr("Phone remote is off: {problem}").format(problem=problem))
            self._place_panel()
            self.window.statusBar().showMessage(
                tr("Phone remote is off: {problem}").format(problem=problem), 10000
            )
            return
        self._port = self.remote.port
        where = f"{self.remote.server.host}:{self.remote.port}"
        panel.show_url(self.remote.url, where)
        self._place_panel()
        self.window.statusBar().showMessage(tr("Phone remote on {where}").format(where=where), 8000)
        self.remote_changed.emit(self.remote.url)

    def stop_remote(self) -> None:
        link, self.remote = self.remote, None
        if link is not None:
            link.close()
        if self._panel is not None:
            self._panel.hide()
        if link is not None:
            self.remote_changed.emit("")

    def _pages_changed(self, count: int) -> None:
        if self._panel is not None and self.remote is not None:
            self._panel.set_pages(count)
            self._place_panel()

    def _after_remote_closed(self) -> None:
        """The workout ended and its server stopped on its own."""
        if self.remote is not None and self.remote.closed.is_set():
            self.remote = None
            if self._panel is not None:
                self._panel.hide()
            self.remote_changed.emit("")

    @property
    def panel(self) -> RemotePanel:
        """The QR code, over the workout screen's lower right corner (made when first
        used; the sidebar is hidden while a workout runs)."""
        if self._panel is None:
            from glute_timer.gui.remote_panel import RemotePanel

            page = self.window.workout
            panel = RemotePanel(page)
            panel.hide()
            self._panel = panel
            page.installEventFilter(self)
        return self._panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._place_panel()
        return False

    def _place_panel(self) -> None:
        panel = self._panel
        if panel is None:
            return
        page = self.window.workout
        panel.adjustSize()
        # Above the controls, at the right: clear of the ring and of the rep and set.
        toggle = page.toggle_button
        top = toggle.mapTo(page, QPoint(0, 0)).y() if toggle.isVisible() else page.height()
        x = max(0, page.width() - panel.width() - 24)
        y = max(0, top - panel.height() - 12)
        panel.move(x, y)
        panel.raise_()
