"""The phone remote's web server: one running workout's state and commands, nothing else.

Routes (a fixed table; nothing is ever looked up on disk from a request):

============================  =====================================================
``GET /?token=T``             the page (``resources/remote/index.html``)
``GET /remote.css?token=T``   its style sheet
``GET /remote.js?token=T``    its script
``GET /api/state?token=T``    the workout's moment as JSON (``Display.to_json`` and
                              ``title``, ``seq``)
``GET /api/events?token=T``   the same, live: server-sent events ``state`` on every
                              change and every few seconds, ``end`` when it is over
``POST /api/command?token=T`` ``{"command": NAME}``, NAME one of ``COMMANDS``; answers
                              ``{"ok": bool, "command": NAME, "state": {...}}``
============================  =====================================================

Every request, whatever its method or path, is checked for the token first: none gives
401, a wrong one 403, and neither changes anything. A client address that sends more
than ``Throttle.free`` wrong tokens must then wait before each further try (doubling, up
to ``Throttle.cap`` seconds); until then it gets 429 without its token being looked at.
The token is random (``secrets.token_urlsafe``, 144 bits), compared in constant time
(``hmac.compare_digest``), and new for every server, that is for every workout.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from glute_timer.core.clock import Clock
from glute_timer.core.display import countdown_text
from glute_timer.remote.address import url_host

log = logging.getLogger(__name__)

COMMANDS = (
    "pause",
    "resume",
    "toggle",
    "skip",
    "back",
    "finish_set",
    "rest_plus",
    "rest_minus",
    "stop",
)
"""What ``POST /api/command`` accepts (the workout's commands of the same names)."""

TOKEN_BYTES = 18
"""144 random bits: 24 characters in the address."""

MAX_BODY = 1024
"""Bytes a command's body may have."""

HEARTBEAT_S = 5.0
"""A live page hears from the server at least this often (the state, fresh)."""

MAX_STREAMS = 8
"""Live pages one server feeds at once (each holds a thread)."""

REQUEST_TIMEOUT_S = 10.0
"""A connection that sends nothing for this long is closed."""

Command = Callable[[str], "bool | None"]
"""Runs a named command on the workout: its result, None if it did not run in time."""


class Throttle:
    """Slows down a client address that keeps sending wrong tokens.

    The first ``free`` wrong tokens cost nothing (a stale tab, a typo); after each further
    one the address must wait ``base`` seconds, doubling up to ``cap``, before its next
    request is looked at. A right token clears its record; so do ``forget`` seconds
    without a wrong one.
    """

    def __init__(
        self,
        clock: Clock = time.monotonic,
        *,
        free: int = 5,
        base: float = 0.5,
        cap: float = 30.0,
        forget: float = 600.0,
    ) -> None:
        self._clock = clock
        self.free = free
        self.base = base
        self.cap = cap
        self.forget = forget
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float, float]] = {}  # count, last, until

    def wait(self, client: str) -> float:
        """Seconds before ``client`` may try again (0: now)."""
        now = self._clock()
        with self._lock:
            record = self._failures.get(client)
            if record is None:
                return 0.0
            _count, last, until = record
            if now - last > self.forget:
                del self._failures[client]
                return 0.0
            return max(0.0, until - now)

    def failed(self, client: str) -> None:
        now = self._clock()
        with self._lock:
            count, last, _until = self._failures.get(client, (0, now, now))
            if now - last > self.forget:
                count = 0
            count += 1
            extra = count - self.free
            wait = 0.0 if extra <= 0 else min(self.cap, self.base * 2 ** (extra - 1))
            self._failures[client] = (count, now, now + wait)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)

    def failures(self, client: str) -> int:
        with self._lock:
            record = self._failures.get(client)
            return record[0] if record else 0


@dataclass(frozen=True)
class Asset:
    content_type: str
    body: bytes


def load_assets() -> dict[str, Asset]:
    """The page's files, read once from the package's resources (never per request)."""
    from glute_timer.core.resources import resource

    folder = resource("remote")
    types = {
        "index.html": "text/html; charset=utf-8",
        "remote.css": "text/css; charset=utf-8",
        "remote.js": "text/javascript; charset=utf-8",
    }
    return {name: Asset(kind, folder.joinpath(name).read_bytes()) for name, kind in types.items()}


SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
}


class RemoteServer:
    """Serves one workout until :meth:`close`. Thread-safe: :meth:`publish` is called from
    the thread that owns the workout, requests are answered on the server's threads."""

    def __init__(
        self,
        host: str,
        port: int,
        command: Command,
        *,
        clock: Clock = time.monotonic,
        throttle: Throttle | None = None,
        token: str | None = None,
        assets: Mapping[str, Asset] | None = None,
        on_pages: Callable[[int], None] | None = None,
    ) -> None:
        """``on_pages(count)`` hears how many pages follow live, on the server's threads."""
        self.token = token if token is not None else secrets.token_urlsafe(TOKEN_BYTES)
        self._command = command
        self._clock = clock
        self.throttle = throttle if throttle is not None else Throttle(clock)
        self._assets = dict(assets) if assets is not None else load_assets()
        from glute_timer.remote.page_text import translated_assets

        self._assets = translated_assets(self._assets)  # in the language of the app
        page = self._assets.get("index.html")
        if page is not None:
            # The page asks for its style sheet and script with the token, like any request.
            # (URL-safe base64: nothing in it needs escaping in an attribute.)
            body = page.body.replace(b"__TOKEN__", self.token.encode("ascii"))
            self._assets["index.html"] = Asset(page.content_type, body)
        self._changed = threading.Condition()
        self._state: dict[str, Any] = {"state": "idle"}
        self._state_at = clock()
        self._seq = 0
        self._ended = False
        self._closed = False
        self._close_lock = threading.Lock()
        self._shut = threading.Event()
        self._streams = 0
        self._on_pages = on_pages
        self.max_streams = MAX_STREAMS
        self._generation = 0  # :meth:`interrupt_streams` ends the streams of older ones
        self._httpd = _HTTPServer((host, port), _Handler, self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="glute-timer-remote",
            daemon=True,
        )
        self._thread.start()

    # ------------------------------------------------------------ where

    @property
    def host(self) -> str:
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The page's address with its token: what the QR code and the terminal show."""
        return f"http://{url_host(self.host)}:{self.port}/?token={self.token}"

    # ------------------------------------------------------------ the workout's side

    def publish(self, state: Mapping[str, Any]) -> None:
        """The workout's moment now (``Display.to_json`` and more); live pages hear it."""
        with self._changed:
            self._state = dict(state)
            self._state_at = self._clock()
            self._seq += 1
            self._changed.notify_all()

    def end(self, state: Mapping[str, Any] | None = None) -> None:
        """The workout is over: live pages hear ``end`` (with ``state``) and are let go."""
        with self._changed:
            if state is not None:
                self._state = dict(state)
                self._state_at = self._clock()
            self._seq += 1
            self._ended = True
            self._changed.notify_all()

    def close(self) -> None:
        """Stop listening and end every live page (after :meth:`end`, they heard why)."""
        with self._close_lock:
            first = not self._closed
            self._closed = True
        if not first:  # another thread is closing it: done when that one is
            self._shut.wait(5.0)
            return
        self.end()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(2.0)
        self._shut.set()

    @property
    def closed(self) -> bool:
        return self._closed

    def interrupt_streams(self) -> None:
        """End every live page's stream now, as a network that drops would (the pages say
        so and reconnect). For tests of exactly that."""
        with self._changed:
            self._generation += 1
            self._changed.notify_all()

    # ------------------------------------------------------------ for the handlers

    def state(self) -> tuple[dict[str, Any], int, bool]:
        """The latest state, its seconds brought up to now, its number, and whether the
        workout is over."""
        with self._changed:
            state, at, seq, ended = dict(self._state), self._state_at, self._seq, self._ended
        if state.get("state") == "running":
            passed = max(0.0, self._clock() - at)
            for key in ("remaining_s", "workout_remaining_s"):
                if isinstance(state.get(key), int | float):
                    state[key] = round(max(0.0, state[key] - passed), 3)
            if isinstance(state.get("elapsed_s"), int | float):
                state["elapsed_s"] = round(state["elapsed_s"] + passed, 3)
            if isinstance(state.get("remaining_s"), int | float):
                state["countdown"] = countdown_text(state["remaining_s"])
                if not state.get("hero_is_rep"):  # the big digits are those seconds
                    state["hero"] = state["countdown"]
        return state, seq, ended

    def wait_for_change(self, seq: int, timeout: float, generation: int) -> bool:
        """Wait for a new state (or ``timeout``); False when the stream must end."""
        with self._changed:
            if self._seq == seq and not self._ended and self._generation == generation:
                self._changed.wait(timeout)
            return self._generation == generation

    @property
    def generation(self) -> int:
        with self._changed:
            return self._generation

    def run_command(self, name: str) -> bool | None:
        return self._command(name)

    def check_token(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def open_stream(self) -> bool:
        with self._changed:
            if self._streams >= self.max_streams:
                return False
            self._streams += 1
            count = self._streams
        self._pages(count)
        return True

    def close_stream(self) -> None:
        with self._changed:
            self._streams -= 1
            count = self._streams
        self._pages(count)

    def _pages(self, count: int) -> None:
        if self._on_pages is not None:
            try:
                self._on_pages(count)
            except Exception:
                log.exception("remote: on_pages failed")

    def asset(self, name: str) -> Asset:
        return self._assets[name]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The next workout may take the same port at once (TIME_WAIT); not on Windows, where
    # SO_REUSEADDR would let another program take the port from under the server.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, address: tuple[str, int], handler: type[_Handler], remote: RemoteServer):
        self.remote = remote
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "GluteTimer"
    sys_version = ""
    timeout = REQUEST_TIMEOUT_S

    ROUTES: ClassVar[dict[tuple[str, str], str]] = {
        ("GET", "/"): "page",
        ("GET", "/remote.css"): "css",
        ("GET", "/remote.js"): "js",
        ("GET", "/api/state"): "state",
        ("GET", "/api/events"): "events",
        ("POST", "/api/command"): "command",
    }

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("remote %s: " + format, self.client_address[0], *args)

    # Every method goes through the same door: the token is checked before anything else.
    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET
    do_TRACE = do_CONNECT = do_GET

    def _dispatch(self) -> None:
        remote = self.server.remote
        client = str(self.client_address[0])
        split = urlsplit(self.path)
        wait = remote.throttle.wait(client)
        if wait > 0:
            self._error(
                HTTPStatus.TOO_MANY_REQUESTS,
                "too many wrong tokens: wait",
                {"Retry-After": str(math.ceil(wait))},
            )
            return
        tokens = parse_qs(split.query, keep_blank_values=True).get("token")
        given = tokens[0] if tokens and len(tokens) == 1 else None
        if not tokens:
            self._error(HTTPStatus.UNAUTHORIZED, "a token is needed")
            return
        if not remote.check_token(given):
            remote.throttle.failed(client)
            self._error(HTTPStatus.FORBIDDEN, "wrong token")
            return
        remote.throttle.succeeded(client)
        route = self.ROUTES.get((self.command, split.path))
        if route is None:
            known = any(path == split.path for _method, path in self.ROUTES)
            if known:
                self._error(HTTPStatus.METHOD_NOT_ALLOWED, "method not allowed")
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        getattr(self, f"_serve_{route}")()

    # ------------------------------------------------------------ routes

    def _serve_page(self) -> None:
        asset = self.server.remote.asset("index.html")
        self._send(HTTPStatus.OK, asset.content_type, asset.body)

    def _serve_css(self) -> None:
        asset = self.server.remote.asset("remote.css")
        self._send(HTTPStatus.OK, asset.content_type, asset.body)

    def _serve_js(self) -> None:
        asset = self.server.remote.asset("remote.js")
        self._send(HTTPStatus.OK, asset.content_type, asset.body)

    def _serve_state(self) -> None:
        state, seq, ended = self.server.remote.state()
        self._json(HTTPStatus.OK, {**state, "seq": seq, "ended": ended})

    def _serve_command(self) -> None:
        length_text = self.headers.get("Content-Length", "")
        if not length_text.isdigit():
            self._error(HTTPStatus.LENGTH_REQUIRED, "Content-Length is needed")
            return
        length = int(length_text)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too long")
            return
        try:
            data = json.loads(self.rfile.read(length).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            self._error(HTTPStatus.BAD_REQUEST, "the body must be JSON")
            return
        name = data.get("command") if isinstance(data, dict) else None
        if not isinstance(name, str) or name not in COMMANDS:
            self._error(HTTPStatus.BAD_REQUEST, f"command must be one of: {', '.join(COMMANDS)}")
            return
        remote = self.server.remote
        done = remote.run_command(name)
        if done is None:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "the workout did not answer")
            return
        state, seq, ended = remote.state()
        self._json(
            HTTPStatus.OK,
            {"ok": done, "command": name, "state": {**state, "seq": seq, "ended": ended}},
        )

    def _serve_events(self) -> None:
        remote = self.server.remote
        if not remote.open_stream():
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "too many live pages")
            return
        try:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Connection", "close")
            self._security_headers()
            self.end_headers()
            self.close_connection = True
            self.wfile.write(b"retry: 2000\n\n")
            generation = remote.generation
            while True:
                # On every change, and at least every HEARTBEAT_S with fresh seconds: the
                # page knows the line is alive.
                state, seq, ended = remote.state()
                if ended:
                    self._event("end", {**state, "seq": seq, "ended": True})
                    return
                self._event("state", {**state, "seq": seq, "ended": False})
                if not remote.wait_for_change(seq, HEARTBEAT_S, generation):
                    return
        except OSError:  # the page went away (or the connection timed out)
            return
        finally:
            remote.close_stream()

    # ------------------------------------------------------------ writing

    def _event(self, name: str, data: Mapping[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
        self.wfile.write(f"event: {name}\ndata: {text}\n\n".encode())
        self.wfile.flush()

    def _json(self, status: HTTPStatus, data: Mapping[str, Any]) -> None:
        body = json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode()
        self._send(status, "application/json", body)

    def _error(
        self, status: HTTPStatus, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        body = json.dumps({"error": message}).encode()
        # What the client sent after its head (a refused body) is not read: the connection
        # ends with the answer, so none of it is taken for a request.
        self.close_connection = True
        self._send(status, "application/json", body, {**(headers or {}), "Connection": "close"})

    def _send(
        self,
        status: HTTPStatus,
        content_type: str,
        body: bytes,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self._security_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _security_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
