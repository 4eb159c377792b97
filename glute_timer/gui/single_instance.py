"""One app window per user and data directory.

The first GUI listens on a local socket (``QLocalServer``) whose name is keyed on the user
and the data directory, so ``--basedir`` instances are separate. A second GUI connects,
asks the first to come forward and quits. The command line never uses this, so
``glute-timer history`` or ``run --no-gui`` work beside the window.

Usage in the launcher::

    guard = SingleInstance(context)
    if not guard.acquire():
        return 0  # the running window was asked to come forward
    guard.activation_requested.connect(window.bring_to_front)
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from glute_timer.context import AppContext

CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    """A socket name unique to this user and this data directory."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:16]
    safe_user = "".join(ch for ch in user if ch.isalnum())[:16] or "user"
    return f"glute-timer-{safe_user}-{key}"


class SingleInstance(QObject):
    """``acquire()`` is False when another window runs (it has been asked to come forward)."""

    activation_requested = Signal()

    def __init__(self, context: AppContext | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir = context.paths.data_dir if isinstance(context, AppContext) else context
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None

    @property
    def is_primary(self) -> bool:
        return self._server is not None and self._server.isListening()

    def acquire(self) -> bool:
        if self.is_primary:
            return True
        if self._ask_running_instance():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
                # Either a live instance started a moment ago, or a crash left the socket.
                if self._ask_running_instance():
                    server.deleteLater()
                    return False
                QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                # No guard possible (odd platform or permissions): run without one.
                server.deleteLater()
                return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _ask_running_instance(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.abort()
            return False
        socket.abort()
        return True

    def _on_new_connection(self) -> None:
        # Only this user can connect (UserAccessOption); any connection is a request to
        # come forward, so there is nothing to read.
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.abort()
            socket.deleteLater()
        self.activation_requested.emit()
