"""One app window per user and data directory.

Two parts:

* **Who is first** is an advisory lock (``flock``) on ``window.lock`` in the data
  directory. Taking it costs microseconds, so the window can be shown at once; the
  kernel lets it go when the process ends, however it ends, so a crash leaves nothing
  stale behind. (On systems without ``fcntl`` the local socket below decides instead.)
* **Come forward** is a local socket (``QLocalServer``) whose name is keyed on the user
  and the data directory, so ``--basedir`` instances are separate. The first window
  listens once it is on screen (``listen()``); a second one connects, which asks the
  first to come forward, and quits. It retries for a few seconds, in case the first is
  still starting. A second one may also send a request as one line of JSON:
  ``{"run": SPEC}`` (``glute-timer run SPEC`` while the window is open) makes the first
  start that workout (``run_requested``); ``{"run": SPEC, "as_written": true}`` (``run
  --as-written``) starts it without the coach's suggestion (``run_as_written_requested``).

The command line never uses this, so ``glute-timer history`` or ``run --no-gui`` work
beside the window.

Usage in the launcher::

    guard = SingleInstance(context)
    if not guard.acquire(listen=False):
        return 0  # the running window was asked to come forward
    ...  # show the window, then:
    guard.listen()
    guard.activation_requested.connect(window.bring_to_front)
"""

from __future__ import annotations

import json
import os
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from glute_timer.context import AppContext

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

try:
    import fcntl

    HAVE_FLOCK = True
except ImportError:  # Windows
    HAVE_FLOCK = False

CONNECT_TIMEOUT_MS = 500
ASK_FOR_S = 5.0
"""How long a second window keeps trying to reach a first one that holds the lock."""
LOCK_NAME = "window.lock"


def server_name(data_dir: Path) -> str:
    """A socket name unique to this user and this data directory."""
    import getpass

    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = zlib.crc32(f"{user}\0{data_dir.resolve()}".encode()) & 0xFFFFFFFF
    safe_user = "".join(ch for ch in user if ch.isalnum())[:16] or "user"
    return f"glute-timer-{safe_user}-{key:08x}"


class SingleInstance(QObject):
    """``acquire()`` is False when another window runs (it has been asked to come forward)."""

    activation_requested = Signal()
    run_requested = Signal(str)  # a preset id, a protocol id or an absolute file path
    run_as_written_requested = Signal(str)  # the same, without the coach's suggestion
    remote_requested = Signal(str)  # ``run … --remote ADDRESS``: the phone remote's address

    def __init__(self, context: AppContext | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir = context.paths.data_dir if isinstance(context, AppContext) else context
        self.data_dir = data_dir
        self._name: str | None = None
        self._server: QLocalServer | None = None
        self._clients: dict[object, bytearray] = {}  # connections still sending
        self._lock_fd: int | None = None

    @property
    def name(self) -> str:
        """The local socket's name (worked out when first needed: not before a paint)."""
        if self._name is None:
            self._name = server_name(self.data_dir)
        return self._name

    @property
    def is_primary(self) -> bool:
        return self._lock_fd is not None or (
            self._server is not None and self._server.isListening()
        )

    def acquire(self, *, listen: bool = True, request: dict[str, object] | None = None) -> bool:
        """True for the first window; False when another one was asked to come forward
        (and handed ``request``, e.g. ``{"run": spec}``).

        With ``listen=False`` the first window's socket is opened later by ``listen()``
        (after the first paint: QtNetwork takes a moment to load).
        """
        if self.is_primary:
            return True
        locked = self._lock()
        if locked is False:
            # Another process holds the lock: it is, or is about to be, listening.
            self._ask_running_instance(patient=True, request=request)
            return False
        if locked is None and self._ask_running_instance(patient=False, request=request):
            return False  # no lock here: the socket alone decides
        if listen or locked is None:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer later windows' requests to come forward."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
                # A crash left the socket behind (the lock says no one else is first).
                QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                # No way to be reached (odd platform or permissions): run without it.
                server.deleteLater()
                return
        server.newConnection.connect(self._on_new_connection)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the file lets the lock go
            self._lock_fd = None

    # ------------------------------------------------------------ internals

    def _lock(self) -> bool | None:
        """True: the lock is ours. False: another process holds it. None: no lock here."""
        if not HAVE_FLOCK:
            return None
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None  # a read-only data folder: the socket alone decides
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except OSError:
            os.close(fd)
            return None
        self._lock_fd = fd
        return True

    def _ask_running_instance(
        self, *, patient: bool, request: dict[str, object] | None = None
    ) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        give_up = time.monotonic() + (ASK_FOR_S if patient else 0.0)
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS):
                if request:
                    socket.write((json.dumps(request) + "\n").encode("utf-8"))
                    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
                    socket.disconnectFromServer()
                    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
                else:
                    socket.abort()
                return True
            socket.abort()
            if time.monotonic() >= give_up:
                return False
            time.sleep(0.1)

    def _on_new_connection(self) -> None:
        # Only this user can connect (UserAccessOption). Any connection is a request to
        # come forward; it may also carry one line of JSON, read as it arrives.
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                self._clients[socket] = bytearray()
                socket.readyRead.connect(self._read_client)
                socket.disconnected.connect(self._client_done)
                if socket.state() != socket.LocalSocketState.ConnectedState:
                    self._finish_client(socket)
        self.activation_requested.emit()

    def _read_client(self) -> None:
        socket = self.sender()
        if socket in self._clients:
            self._clients[socket].extend(bytes(socket.readAll().data()))  # type: ignore[attr-defined]

    def _client_done(self) -> None:
        socket = self.sender()
        if socket in self._clients:
            self._finish_client(socket)  # type: ignore[arg-type]

    def _finish_client(self, socket: QLocalSocket) -> None:
        received = self._clients.pop(socket, bytearray())
        received.extend(bytes(socket.readAll().data()))
        socket.readyRead.disconnect(self._read_client)
        socket.disconnected.disconnect(self._client_done)
        socket.deleteLater()
        self._handle_request(bytes(received))

    def _handle_request(self, data: bytes) -> None:
        line = data.split(b"\n", 1)[0].strip()
        if not line:
            return
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return  # not ours: a plain request to come forward
        if isinstance(request, dict) and isinstance(request.get("run"), str):
            if isinstance(request.get("remote"), str):
                self.remote_requested.emit(request["remote"])  # before the workout starts
            if request.get("as_written") is True:
                self.run_as_written_requested.emit(request["run"])
            else:
                self.run_requested.emit(request["run"])
