"""Where the phone remote listens: ``--remote [HOST:]PORT`` and the address of a bare port.

A bare ``PORT`` binds to this machine's address on the local network (the first
private IPv4 address of an interface that is up), not to every interface: a phone on the
same Wi-Fi reaches it, a VPN or a container bridge does not. ``0.0.0.0:PORT`` asks for
every interface, ``127.0.0.1:0`` for a free port on the loopback address only.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from typing import NamedTuple


class RemoteAddressError(ValueError):
    """A ``--remote`` value that cannot be used (the message says why)."""


class RemoteAddress(NamedTuple):
    host: str | None  # None: this machine's address on the local network
    port: int  # 0: a free port

    def __str__(self) -> str:
        host = self.host if self.host is not None else ""
        if ":" in host:
            host = f"[{host}]"
        return f"{host}:{self.port}" if host else str(self.port)


def parse_address(text: str) -> RemoteAddress:
    """``PORT``, ``HOST:PORT`` or ``[IPV6]:PORT``; HOST is an IP address or ``localhost``."""
    text = text.strip()
    host: str | None = None
    port_text = text
    if text.startswith("["):
        inner, bracket, rest = text[1:].partition("]")
        if not bracket or not rest.startswith(":"):
            raise RemoteAddressError(f"{text!r}: write an IPv6 address as [ADDRESS]:PORT")
        host, port_text = inner, rest[1:]
    elif ":" in text:
        host, _, port_text = text.rpartition(":")
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise RemoteAddressError(f"{text!r}: the port must be a number from 0 to 65535")
    if host is not None:
        if host == "localhost":
            host = "127.0.0.1"
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            raise RemoteAddressError(
                f"{text!r}: the host must be an IP address (such as 127.0.0.1) or localhost"
            ) from None
    return RemoteAddress(host, int(port_text))


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def bind_host(address: RemoteAddress) -> str:
    """The address to bind: the one asked for, or the local network's for a bare port."""
    if address.host is not None:
        return address.host
    lan = lan_address()
    if lan is None:
        raise RemoteAddressError(
            "this machine has no address on a local network; give one, such as --remote 127.0.0.1:0"
        )
    return lan


def _usable(text: str) -> ipaddress.IPv4Address | None:
    try:
        address = ipaddress.IPv4Address(text)
    except ValueError:
        return None
    if address.is_loopback or address.is_link_local or address.is_unspecified:
        return None
    return address


def lan_address() -> str | None:
    """This machine's IPv4 address on a local network (a private one first), or None.

    Read from the interfaces themselves (Linux) or from the host name's addresses: nothing
    is sent anywhere to find it."""
    candidates = _interface_addresses() if sys.platform.startswith("linux") else []
    if not candidates:
        try:
            infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        except OSError:
            infos = []
        candidates = [str(info[4][0]) for info in infos]
    usable = [a for a in (_usable(c) for c in candidates) if a is not None]
    usable.sort(key=lambda a: not a.is_private)  # stable: interface order otherwise
    return str(usable[0]) if usable else None


_SIOCGIFFLAGS = 0x8913
_SIOCGIFADDR = 0x8915
_IFF_UP = 0x1
_IFF_LOOPBACK = 0x8


def _interface_addresses() -> list[str]:
    """The IPv4 addresses of the interfaces that are up and not loopback (Linux ioctls)."""
    import fcntl

    found: list[str] = []
    try:
        names = [name for _index, name in socket.if_nameindex()]
    except OSError:
        return found
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for name in names:
            request = struct.pack("256s", name.encode()[:15])
            try:
                flags = struct.unpack_from("H", fcntl.ioctl(probe, _SIOCGIFFLAGS, request), 16)[0]
                if not flags & _IFF_UP or flags & _IFF_LOOPBACK:
                    continue
                reply = fcntl.ioctl(probe, _SIOCGIFADDR, request)
            except OSError:  # no IPv4 address on it
                continue
            found.append(socket.inet_ntoa(reply[20:24]))
    return found
