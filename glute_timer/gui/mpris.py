"""The window as an MPRIS media player (QtDBus, Linux): the desktop's media controls,
headset and Bluetooth buttons and ``playerctl`` drive the workout.

Bus name ``org.mpris.MediaPlayer2.GluteTimer`` (``….GluteTimer.instance<PID>`` when a
window of another data folder holds it), object ``/org/mpris/MediaPlayer2``, interfaces
``org.mpris.MediaPlayer2`` and ``org.mpris.MediaPlayer2.Player`` with the standard
properties, answered from the workout's :class:`~glute_timer.core.display.Display`.
``PropertiesChanged`` goes out when what a player shows changes (status, title, the
``Can…`` flags), never per tick; ``Seeked`` when the position jumps (skip, back).

The object is a :class:`QDBusVirtualObject`: every message is answered here with the
types the specification names. PySide6 turns a Python int that fits in 32 bits into an
``int32`` (PYSIDE-1250) and binds ``QDBusArgument``'s int overload to ``uint16``, while
``Position`` and ``mpris:length`` must be ``int64`` (``playerctl`` refuses a player whose
``Position`` is ``i``). So :func:`int64` writes the value with Qt's own
``QDBusArgument::operator<<(qlonglong)``, reached through ``ctypes``.
"""

from __future__ import annotations

import ctypes
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QMetaType, QObject, QTimer
from PySide6.QtDBus import (
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
    QDBusVirtualObject,
)

from glute_timer.core.display import Display
from glute_timer.core.nowplaying import media_title
from glute_timer.core.session import State
from glute_timer.gui.i18n import tr

log = logging.getLogger(__name__)

BUS_NAME = "org.mpris.MediaPlayer2.GluteTimer"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPERTIES = "org.freedesktop.DBus.Properties"
IDENTITY = "Glute Timer"
DESKTOP_ENTRY = "io.github.glutetimer.GluteTimer"
TRACK_PREFIX = "/io/github/glutetimer/GluteTimer/track"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
SEEK_SLACK_US = 500_000
"""A position this far from where the clock alone would have put it was a jump."""

INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"
PEER = "org.freedesktop.DBus.Peer"

STANDARD_INTERFACES = """
<interface name="org.freedesktop.DBus.Introspectable">
  <method name="Introspect"><arg name="xml_data" type="s" direction="out"/></method>
</interface>
<interface name="org.freedesktop.DBus.Peer">
  <method name="Ping"/>
</interface>
<interface name="org.freedesktop.DBus.Properties">
  <method name="Get">
    <arg name="interface_name" type="s" direction="in"/>
    <arg name="property_name" type="s" direction="in"/>
    <arg name="value" type="v" direction="out"/>
  </method>
  <method name="GetAll">
    <arg name="interface_name" type="s" direction="in"/>
    <arg name="properties" type="a{sv}" direction="out"/>
  </method>
  <method name="Set">
    <arg name="interface_name" type="s" direction="in"/>
    <arg name="property_name" type="s" direction="in"/>
    <arg name="value" type="v" direction="in"/>
  </method>
  <signal name="PropertiesChanged">
    <arg name="interface_name" type="s"/>
    <arg name="changed_properties" type="a{sv}"/>
    <arg name="invalidated_properties" type="as"/>
  </signal>
</interface>
"""

INTROSPECTION = """
<interface name="org.mpris.MediaPlayer2">
  <method name="Raise"/>
  <method name="Quit"/>
  <property name="CanQuit" type="b" access="read"/>
  <property name="CanRaise" type="b" access="read"/>
  <property name="HasTrackList" type="b" access="read"/>
  <property name="Identity" type="s" access="read"/>
  <property name="DesktopEntry" type="s" access="read"/>
  <property name="SupportedUriSchemes" type="as" access="read"/>
  <property name="SupportedMimeTypes" type="as" access="read"/>
</interface>
<interface name="org.mpris.MediaPlayer2.Player">
  <method name="Next"/>
  <method name="Previous"/>
  <method name="Pause"/>
  <method name="PlayPause"/>
  <method name="Stop"/>
  <method name="Play"/>
  <method name="Seek"><arg direction="in" name="Offset" type="x"/></method>
  <method name="SetPosition">
    <arg direction="in" name="TrackId" type="o"/>
    <arg direction="in" name="Position" type="x"/>
  </method>
  <method name="OpenUri"><arg direction="in" name="Uri" type="s"/></method>
  <signal name="Seeked"><arg name="Position" type="x"/></signal>
  <property name="PlaybackStatus" type="s" access="read"/>
  <property name="Rate" type="d" access="readwrite"/>
  <property name="Metadata" type="a{sv}" access="read"/>
  <property name="Volume" type="d" access="readwrite"/>
  <property name="Position" type="x" access="read"/>
  <property name="MinimumRate" type="d" access="read"/>
  <property name="MaximumRate" type="d" access="read"/>
  <property name="CanGoNext" type="b" access="read"/>
  <property name="CanGoPrevious" type="b" access="read"/>
  <property name="CanPlay" type="b" access="read"/>
  <property name="CanPause" type="b" access="read"/>
  <property name="CanSeek" type="b" access="read"/>
  <property name="CanControl" type="b" access="read"/>
</interface>
"""


def introspection_xml() -> str:
    return (
        '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"\n'
        ' "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">\n'
        f"<node>{STANDARD_INTERFACES}{INTROSPECTION}</node>\n"
    )


class MediaControls(Protocol):
    """What the player drives: the window's hands-free controls."""

    def display(self) -> Display | None: ...

    def media_command(self, name: str) -> None: ...

    def raise_window(self) -> None: ...


# ---------------------------------------------------------------- D-Bus values


def _int64_writer() -> Callable[[int, int], object] | None:
    """``QDBusArgument::operator<<(qlonglong)`` of the loaded QtDBus, or None."""
    try:
        library = ctypes.CDLL("libQt6DBus.so.6")
        function = library["_ZN13QDBusArgumentlsEx"]
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_void_p, ctypes.c_longlong]
    function.restype = ctypes.c_void_p
    return function


_write_int64: Callable[[int, int], object] | None = None
_int64_looked_up = False


def int64(value: int) -> Any:
    """``value`` as a D-Bus ``int64`` (``x``), to put into a message or a map."""
    global _write_int64, _int64_looked_up
    if not _int64_looked_up:
        _int64_looked_up = True
        _write_int64 = _int64_writer()
        if _write_int64 is None:
            log.warning("QtDBus cannot write int64 here: media players may refuse positions")
    if _write_int64 is None:
        return int(value)
    import shiboken6

    argument = QDBusArgument()
    _write_int64(shiboken6.getCppPointer(argument)[0], int(value))
    return argument


def string_list(values: list[str]) -> Any:
    """``as``, also when empty (a plain empty list would be ``av``)."""
    argument = QDBusArgument()
    argument.beginArray(QMetaType.Type.QString)
    for value in values:
        argument << value
    argument.endArray()
    return argument


def _seconds_us(seconds: float) -> int:
    return max(0, round(seconds * 1_000_000))


# ---------------------------------------------------------------- what is shown


def status_of(display: Display | None) -> str:
    if display is None:
        return "Stopped"
    if display.state is State.RUNNING:
        return "Playing"
    if display.state is State.PAUSED:
        return "Paused"
    return "Stopped"


def metadata_of(display: Display | None) -> dict[str, Any]:
    if display is None:
        return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
    span = display.span
    track = f"{TRACK_PREFIX}/set{span.index}" if display.in_set and span is not None else None
    if track is None:
        track = f"{TRACK_PREFIX}/step{display.view.step.index}"
    return {
        "mpris:trackid": QDBusObjectPath(track),
        "mpris:length": int64(_seconds_us(display.view.total)),
        "xesam:title": media_title(display),
        "xesam:artist": [display.protocol_name],
        "xesam:album": display.protocol_name,
    }


def _shown(display: Display | None) -> tuple[object, ...]:
    """What the player's properties show, to tell a change from a tick."""
    if display is None:
        return (None,)
    return (
        display.state,
        display.view.step.index,
        display.rep,
        display.set,
        display.can_finish_set,
        round(display.view.total, 3),
        media_title(display),
    )


def player_properties(display: Display | None) -> dict[str, Any]:
    active = display is not None and display.active
    can_play = display is not None and display.state in (State.IDLE, State.PAUSED)
    return {
        "PlaybackStatus": status_of(display),
        "Rate": 1.0,
        "Metadata": metadata_of(display),
        "Volume": 1.0,
        "Position": int64(_seconds_us(display.view.elapsed) if display is not None else 0),
        "MinimumRate": 1.0,
        "MaximumRate": 1.0,
        "CanGoNext": active,
        "CanGoPrevious": active,
        "CanPlay": can_play or active,
        "CanPause": active,
        "CanSeek": False,
        "CanControl": True,
    }


ROOT_PROPERTIES: dict[str, Any] = {
    "CanQuit": False,
    "CanRaise": True,
    "HasTrackList": False,
    "Identity": IDENTITY,
    "DesktopEntry": DESKTOP_ENTRY,
}


def root_properties() -> dict[str, Any]:
    return {
        **ROOT_PROPERTIES,
        "SupportedUriSchemes": string_list([]),
        "SupportedMimeTypes": string_list([]),
    }


CHANGING = ("PlaybackStatus", "Metadata", "CanGoNext", "CanGoPrevious", "CanPlay", "CanPause")
"""The player's properties announced with PropertiesChanged (Position never is)."""

PLAYER_METHODS = {
    "Play": "play",
    "Pause": "pause",
    "PlayPause": "play_pause",
    "Next": "next",
    "Previous": "previous",
    "Stop": "stop",
}


# ---------------------------------------------------------------- the bus


def session_bus_address() -> str | None:
    """Where the session bus is: the environment's word, else the user's runtime folder."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").is_socket():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


class _Object(QDBusVirtualObject):
    def __init__(self, player: MprisPlayer) -> None:
        super().__init__()
        self._player = player

    def introspect(self, path: str) -> str:
        return INTROSPECTION

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        try:
            reply = self._player.answer(message)
        except Exception:
            log.exception("MPRIS: %s.%s failed", message.interface(), message.member())
            reply = message.createErrorReply("org.freedesktop.DBus.Error.Failed", "failed")
        if reply is None:
            return False
        connection.send(reply)
        return True


class MprisPlayer(QObject):
    """One window's MPRIS player, on a connection of its own to the session bus."""

    _serial = 0

    def __init__(self, controls: MediaControls, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controls = controls
        MprisPlayer._serial += 1
        self._connection_name = f"glute-timer-mpris-{os.getpid()}-{MprisPlayer._serial}"
        self.connection: QDBusConnection | None = None
        self.bus_name: str | None = None
        self._object = _Object(self)
        self._shown: tuple[object, ...] | None = None
        self._sent: dict[str, Any] = {}
        self._position: tuple[int, float, bool] | None = None  # µs, clock, running
        self.problem: str | None = None

    # ------------------------------------------------------------ on and off the bus

    def open(self) -> bool:
        """Join the session bus; False (and ``problem`` says why) without one."""
        address = session_bus_address()
        if address is None:
            self.problem = tr("no session bus (D-Bus)")
            return False
        connection = QDBusConnection.connectToBus(address, self._connection_name)
        if not connection.isConnected():
            self.problem = tr("the session bus did not answer ({error})").format(
                error=connection.lastError().message()
            )
            QDBusConnection.disconnectFromBus(self._connection_name)
            return False
        if not connection.registerVirtualObject(OBJECT_PATH, self._object):
            self.problem = tr("the player's object could not be registered")
            QDBusConnection.disconnectFromBus(self._connection_name)
            return False
        for name in (BUS_NAME, f"{BUS_NAME}.instance{os.getpid()}"):
            if connection.registerService(name):
                self.bus_name = name
                break
        if self.bus_name is None:
            self.problem = tr("no MPRIS name could be had on the session bus")
            connection.unregisterObject(OBJECT_PATH)
            QDBusConnection.disconnectFromBus(self._connection_name)
            return False
        self.connection = connection
        self._shown = _shown(self.controls.display())
        return True

    def close(self) -> None:
        connection, self.connection = self.connection, None
        if connection is None:
            return
        if self.bus_name is not None:
            connection.unregisterService(self.bus_name)
        connection.unregisterObject(OBJECT_PATH)
        QDBusConnection.disconnectFromBus(self._connection_name)

    # ------------------------------------------------------------ changes

    def update(self, now: float | None = None) -> None:
        """Announce what changed (called after every tick and command of the workout)."""
        if self.connection is None:
            return
        display = self.controls.display()
        shown = _shown(display)
        if shown != self._shown:
            self._shown = shown
            properties = player_properties(display)
            self._signal(
                PROPERTIES,
                "PropertiesChanged",
                [PLAYER, {name: properties[name] for name in CHANGING}, string_list([])],
            )
        self._check_position(display, now)

    def _check_position(self, display: Display | None, now: float | None) -> None:
        if display is None or now is None:
            self._position = None
            return
        position = _seconds_us(display.view.elapsed)
        if self._position is not None:
            before, then, running = self._position
            expected = before + (_seconds_us(now - then) if running else 0)
            if abs(position - expected) > SEEK_SLACK_US:
                self._signal(PLAYER, "Seeked", [int64(position)])
        self._position = (position, now, display.running)

    def _signal(self, interface: str, name: str, arguments: list[Any]) -> None:
        if self.connection is None:
            return
        message = QDBusMessage.createSignal(OBJECT_PATH, interface, name)
        message.setArguments(arguments)
        self.connection.send(message)

    # ------------------------------------------------------------ calls

    def answer(self, message: QDBusMessage) -> QDBusMessage | None:
        interface, member = message.interface(), message.member()
        arguments = message.arguments()
        if interface == PROPERTIES:
            return self._answer_properties(message, member, arguments)
        if interface in (INTROSPECTABLE, "") and member == "Introspect":
            reply = message.createReply()
            reply.setArguments([introspection_xml()])
            return reply
        if interface == PEER and member == "Ping":
            return message.createReply()
        if interface in (PLAYER, "") and member in PLAYER_METHODS:
            reply = message.createReply()
            # Answered first: a confirmation (Stop) must not keep the caller waiting.
            QTimer.singleShot(0, lambda: self.controls.media_command(PLAYER_METHODS[member]))
            return reply
        if interface in (PLAYER, "") and member in ("Seek", "SetPosition", "OpenUri"):
            return message.createReply()  # CanSeek is false, no URIs: nothing to do
        if interface in (ROOT, "") and member == "Raise":
            QTimer.singleShot(0, self.controls.raise_window)
            return message.createReply()
        if interface in (ROOT, "") and member == "Quit":
            return message.createReply()  # CanQuit is false
        return message.createErrorReply(
            "org.freedesktop.DBus.Error.UnknownMethod", f"no method {interface}.{member}"
        )

    def _answer_properties(
        self, message: QDBusMessage, member: str, arguments: list[Any]
    ) -> QDBusMessage:
        interface = str(arguments[0]) if arguments else ""
        tables: dict[str, Callable[[], dict[str, Any]]] = {
            ROOT: root_properties,
            PLAYER: lambda: player_properties(self.controls.display()),
        }
        if member == "GetAll" and interface in tables:
            reply = message.createReply()
            reply.setArguments([tables[interface]()])
            return reply
        if member == "Get" and len(arguments) == 2 and interface in tables:
            values = tables[interface]()
            name = str(arguments[1])
            if name in values:
                reply = message.createReply()
                reply.setArguments([QDBusVariant(values[name])])
                return reply
            return message.createErrorReply(
                "org.freedesktop.DBus.Error.UnknownProperty", f"no property {name}"
            )
        if member == "Set" and interface == PLAYER and len(arguments) == 3:
            if str(arguments[1]) in ("Rate", "Volume"):
                return message.createReply()  # one rate, one volume: the value stays
            return message.createErrorReply(
                "org.freedesktop.DBus.Error.PropertyReadOnly", f"{arguments[1]} is read-only"
            )
        return message.createErrorReply(
            "org.freedesktop.DBus.Error.InvalidArgs", f"no interface {interface}"
        )
