"""Desktop notifications through the freedesktop Notifications service (D-Bus), no Qt.

The command line has no Qt event loop, so this talks D-Bus itself with ``jeepney`` (pure
Python, blocking). A notification's "Start" action reaches only the connection that sent
it: whoever sends must stay connected to hear it. ``remind`` therefore sends, prints, and
then hands this very connection to a small waiter: a forked child, detached from the
terminal (its own session, standard streams on the null device), that listens until every
notification was closed or acted on, the bus goes away, or its time is up
(``hand_off``); ``--foreground`` waits in the command's own process instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final

SERVICE: Final = "org.freedesktop.Notifications"
PATH: Final = "/org/freedesktop/Notifications"
INTERFACE: Final = SERVICE
APP_NAME: Final = "Glute Timer"
APP_ICON: Final = "io.github.glutetimer.GluteTimer"
START_ACTION: Final = "start"
CALL_TIMEOUT: Final = 5.0


class NoNotificationService(Exception):
    """There is no session bus, or no notification service on it; ``str()`` says which."""


def session_bus_address() -> str | None:
    """The session bus's address: the environment's, else systemd's per-user socket."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return f"unix:path={os.path.join(runtime, 'bus')}"
    return None


class Notifier:
    """One connection to the session bus that sends notifications and hears their
    actions. Raises NoNotificationService when there is no bus to connect to."""

    def __init__(self, address: str | None = None) -> None:
        try:
            from jeepney import DBusAddress
            from jeepney.io.blocking import open_dbus_connection
        except ImportError:  # not Linux: no D-Bus here
            raise NoNotificationService("no D-Bus on this system (jeepney)") from None

        address = address or session_bus_address()
        if not address:
            raise NoNotificationService("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
        try:
            self._conn = open_dbus_connection(address)
        except (OSError, ValueError, KeyError, StopIteration) as exc:
            raise NoNotificationService(f"the session bus cannot be reached ({exc})") from None
        self._address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.close()

    def _call(self, method: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        from jeepney import HeaderFields, MessageType, new_method_call

        message = new_method_call(self._address, method, signature, body)
        try:
            reply = self._conn.send_and_get_reply(message, timeout=CALL_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise NoNotificationService(
                f"the notification service did not answer ({exc})"
            ) from None
        if reply.header.message_type is MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "an error")
            detail = reply.body[0] if reply.body else ""
            raise NoNotificationService(
                f"no notification service on the session bus ({name}: {detail})"
            )
        return reply.body

    def notify(
        self,
        summary: str,
        body: str,
        actions: Sequence[tuple[str, str]] = ((START_ACTION, "Start"),),
        *,
        desktop_entry: str = APP_ICON,
    ) -> int:
        """Show a notification; its id. ``actions``: (key, label) pairs."""
        flat = [part for pair in actions for part in pair]
        hints = {"desktop-entry": ("s", desktop_entry), "urgency": ("y", 1)}
        result = self._call(
            "Notify",
            "susssasa{sv}i",
            (APP_NAME, 0, APP_ICON, summary, body, flat, hints, -1),
        )
        notification_id: int = result[0]
        return notification_id

    def wait(
        self,
        pending: Mapping[int, str],
        on_action: Callable[[int, str, str], None],
        timeout: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Hear the notifications ``pending`` (id -> what its action starts) until each was
        acted on or closed, the bus went away, or ``timeout`` seconds passed.
        ``on_action(id, action key, what)`` runs for each action invoked."""
        from jeepney import HeaderFields, MatchRule, message_bus

        left = dict(pending)
        rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
        try:
            self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT)
        except (OSError, TimeoutError):
            return
        deadline = clock() + timeout
        with self._conn.filter(rule, bufsize=64) as signals:
            while left:
                remaining = deadline - clock()
                if remaining <= 0:
                    return
                try:
                    message = self._conn.recv_until_filtered(signals, timeout=remaining)
                except TimeoutError:
                    return
                except (OSError, ConnectionError, ValueError):
                    return  # the bus went away (the session ended)
                member = message.header.fields.get(HeaderFields.member)
                if member == "ActionInvoked":
                    notification_id, key = message.body
                    if notification_id in left:
                        on_action(notification_id, key, left.pop(notification_id))
                elif member == "NotificationClosed":
                    left.pop(message.body[0], None)


def hand_off(wait: Callable[[], None]) -> bool:
    """Run ``wait`` in a detached child process (it keeps the parent's connections) and
    return at once; False where there is no ``fork`` (then nothing was started)."""
    if not hasattr(os, "fork"):
        return False
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    pid = os.fork()
    if pid:
        return True
    try:  # the child: no terminal, no inherited standard streams (nobody waits for them)
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        wait()
    finally:
        os._exit(0)


def launch_detached(command: Sequence[str]) -> None:
    """Start ``command`` in its own session, not waited for (the window a Start opens)."""
    import subprocess

    subprocess.Popen(
        list(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@contextlib.contextmanager
def notifier(address: str | None = None) -> Iterator[Notifier]:
    connection = Notifier(address)
    try:
        yield connection
    finally:
        connection.close()
