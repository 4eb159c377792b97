"""Keeping the screen awake during a workout, where the platform lets us.

On Linux desktops the freedesktop ScreenSaver D-Bus interface (GNOME, KDE, Xfce and
others) takes an inhibition that lasts until we release it or the app exits. All calls are
asynchronous, so a slow or missing session bus never freezes the window. Elsewhere this is
a no-op that says so.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QObject

from glute_timer.gui.i18n import tr

log = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
_INTERFACE = "org.freedesktop.ScreenSaver"


def _session_bus_address() -> str | None:
    """The session bus of the desktop, when there is one."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return f"unix:path={os.path.join(runtime, 'bus')}"
    return None


class ScreenAwake(QObject):
    """``inhibit()`` when a workout starts, ``release()`` when it ends. Safe to repeat."""

    def __init__(self, parent: QObject | None = None, *, platform: str = sys.platform) -> None:
        super().__init__(parent)
        self._platform = platform
        self._cookie: int | None = None
        self._wanted = False
        self._watcher: QObject | None = None
        self._note: str | None = None
        self._available = False

    @property
    def note(self) -> str:
        """Whether the screen can be kept awake here, in words (checked when first asked)."""
        if self._note is None:
            self._available, self._note = self._availability()
        return self._note

    def _availability(self) -> tuple[bool, str]:
        if not self._platform.startswith("linux"):
            return False, tr("Keeping the screen awake is not supported on this system yet.")
        no_bus = tr("No desktop session bus found, so the screen may dim during a workout.")
        if not _session_bus_address():
            # Asking Qt for the session bus without one would autolaunch a private
            # dbus-daemon through X11, which nobody's screen saver listens to.
            return False, no_bus
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return False, tr(
                "Qt's D-Bus module is missing, so the screen may dim during a workout."
            )
        if not QDBusConnection.sessionBus().isConnected():
            return False, no_bus
        return True, tr("Uses the desktop's screen saver inhibition while a workout runs.")

    @property
    def available(self) -> bool:
        self.note  # noqa: B018 (checks once)
        return self._available

    @property
    def active(self) -> bool:
        return self._cookie is not None

    def inhibit(self, reason: str | None = None) -> None:
        reason = reason or tr("A workout is running")
        self._wanted = True
        if not self.available or self._cookie is not None or self._watcher is not None:
            return
        from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

        bus = QDBusConnection.sessionBus()
        message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _INTERFACE, "Inhibit")
        message.setArguments(["Glute Timer", reason])
        watcher = QDBusPendingCallWatcher(bus.asyncCall(message), self)
        watcher.finished.connect(self._inhibited)
        self._watcher = watcher

    def _inhibited(self, watcher: QObject) -> None:
        from PySide6.QtDBus import QDBusPendingCallWatcher

        self._watcher = None
        assert isinstance(watcher, QDBusPendingCallWatcher)
        reply = watcher.reply()
        watcher.deleteLater()
        if watcher.isError():
            log.info("screen saver inhibition refused: %s", watcher.error().message())
            return
        arguments = reply.arguments()
        if arguments:
            self._cookie = int(arguments[0])
        if not self._wanted:
            self.release()

    def release(self) -> None:
        self._wanted = False
        if self._cookie is None:
            return
        from PySide6.QtDBus import QDBusConnection, QDBusMessage

        message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _INTERFACE, "UnInhibit")
        message.setArguments([self._cookie])
        QDBusConnection.sessionBus().send(message)  # fire and forget: never blocks
        self._cookie = None
