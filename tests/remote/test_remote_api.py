"""The phone remote's API and its token rules, from an HTTP client on loopback."""

from __future__ import annotations

import http.client
import json
import math
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from remote_helpers import Served, request

from glute_timer.core.session import State
from glute_timer.remote.address import (
    RemoteAddress,
    RemoteAddressError,
    bind_host,
    parse_address,
)
from glute_timer.remote.link import RemoteLink
from glute_timer.remote.server import COMMANDS, MAX_BODY, TOKEN_BYTES

ROUTES = ["/", "/remote.css", "/remote.js", "/api/state", "/api/events", "/api/command"]
ELSEWHERE = [
    "/favicon.ico",
    "/index.html",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/remote.js/../../pyproject.toml",
    "//etc/passwd",
    "/api/history",
    "/api/settings",
    "/resources/presets/pre-run.toml",
]
METHODS = ["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"]


def raw_status(served: Served, method: str, target: str) -> int:
    """A request sent as written (urllib would tidy the path)."""
    connection = http.client.HTTPConnection("127.0.0.1", served.server.port, timeout=10)
    try:
        body = b'{"command": "stop"}' if method in ("POST", "PUT", "PATCH") else None
        headers = {"Content-Type": "application/json"} if body else {}
        connection.request(method, target, body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def moment(served: Served) -> tuple[object, ...]:
    view = served.session.view()
    return (served.session.state, view.step.index, view.offset, served.session.completed_sets)


# ---------------------------------------------------------------- tokens


def test_every_request_without_the_token_is_refused_and_changes_nothing(served: Served) -> None:
    served.workout.start()
    served.advance(4.2)  # into the first set
    before = moment(served)
    wrong = "A" * len(served.token)
    for path in ROUTES + ELSEWHERE:
        for method in METHODS:
            assert raw_status(served, method, path) == 401, (method, path)
            assert raw_status(served, method, f"{path}?token={wrong}") == 403, (method, path)
            assert raw_status(served, method, f"{path}?token=") == 403, (method, path)
            served.throttle.succeeded("127.0.0.1")  # this test is not about slowing down
    # A token in the wrong place, or twice, or a prefix of the right one, is no token.
    for target in (
        f"/api/state?tok={served.token}",
        f"/api/state?token={served.token}&token={served.token}",
        f"/api/state?token={served.token[:-1]}",
        f"/api/state?token={served.token}x",
        f"/api/state?token={served.token.lower()}",
    ):
        assert raw_status(served, "GET", target) in (401, 403), target
        served.throttle.succeeded("127.0.0.1")
    served.workout.run_posted()
    assert moment(served) == before


def test_the_token_is_random_long_and_new_for_each_workout(served: Served, tmp_path: Path) -> None:
    assert len(served.token) >= math.ceil(128 / 6)
    assert TOKEN_BYTES * 8 >= 128
    other = Served(tmp_path / "other")
    try:
        assert other.token != served.token
        assert request(other.url("/api/state", served.token))[0] == 403
    finally:
        other.close()


def test_with_the_token_every_route_answers(served: Served) -> None:
    status, page = request(served.url("/"))
    assert status == 200 and "<title>Glute Timer remote</title>" in page
    # The page asks for its own files with the token (and needs no other origin).
    assert f"remote.css?token={served.token}" in page
    assert f"remote.js?token={served.token}" in page
    assert "http" not in page.replace("http-equiv", "")
    assert request(served.url("/remote.css"))[0] == 200
    status, script = request(served.url("/remote.js"))
    assert status == 200 and "EventSource" in script
    assert request(served.url("/nothing-here"))[0] == 404
    assert request(served.url("/api/command"))[0] == 405  # a GET
    assert request(served.url("/api/state"), {"command": "stop"})[0] == 405  # a POST


def test_answers_carry_the_safety_headers(served: Served) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served.server.port, timeout=10)
    connection.request("GET", f"/?token={served.token}")
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.getheader("Cache-Control") == "no-store"
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "default-src 'none'" in (response.getheader("Content-Security-Policy") or "")
    assert response.getheader("Access-Control-Allow-Origin") is None


# ---------------------------------------------------------------- slowing down


def test_repeated_wrong_tokens_are_slowed_down_per_address(served: Served) -> None:
    wrong = served.url("/api/state", "x" * len(served.token))
    free = served.throttle.free
    for _ in range(free):
        assert request(wrong)[0] == 403
    assert request(served.url("/api/state"))[0] == 200  # the right token clears the record
    for _ in range(free + 1):
        assert request(wrong)[0] == 403
    # Now this address waits: nothing it sends is looked at, not even the right token.
    for url in (wrong, served.url("/api/state"), served.url("/")):
        status, answer = request(url)
        assert status == 429 and "wait" in answer["error"]
    connection = http.client.HTTPConnection("127.0.0.1", served.server.port, timeout=10)
    connection.request("GET", f"/api/state?token={served.token}")
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 429 and response.getheader("Retry-After") == "1"
    served.throttle_clock.advance(0.6)
    assert request(wrong)[0] == 403  # looked at again; the next wait is twice as long
    assert served.throttle.wait("127.0.0.1") == pytest.approx(1.0)
    served.throttle_clock.advance(1.1)
    assert request(served.url("/api/state"))[0] == 200
    assert served.throttle.failures("127.0.0.1") == 0
    # The waits double up to a cap.
    for _ in range(free + 20):
        served.throttle.failed("10.9.9.9")
    assert served.throttle.wait("10.9.9.9") == pytest.approx(served.throttle.cap)
    assert served.throttle.wait("127.0.0.1") == 0  # another address is not slowed


# ---------------------------------------------------------------- state and commands


def test_state_is_the_display_json(served: Served) -> None:
    status, state = request(served.url("/api/state"))
    assert status == 200
    assert state["state"] == "idle" and state["paused"] is False
    served.workout.start()
    served.advance(4.5)  # 1.5 s into the first rep's lift... hold
    status, state = request(served.url("/api/state"))
    for key in ("phase", "remaining_s", "rep", "set", "paused", "exercise", "protocol", "next"):
        assert key in state
    display = served.workout.display()
    assert state["phase"] == display.phase == "hold"
    assert state["rep"] == 1 and state["set"] == 1 and state["sets"] == 3
    assert state["exercise"] == "Barbell hip thrust"
    assert state["title"] == "Barbell hip thrust · set 1 of 3 · rep 1 of 3"
    assert state["remaining_s"] == pytest.approx(display.view.step_remaining)
    # Between two changes the seconds are brought up to now (the same clock).
    served.clock.advance(0.7)
    status, later = request(served.url("/api/state"))
    assert later["remaining_s"] == pytest.approx(state["remaining_s"] - 0.7)
    assert later["seq"] == state["seq"]
    now = served.workout.display()
    assert (later["countdown"], later["hero"], later["hero_is_rep"]) == (
        now.countdown,
        now.hero,
        now.hero_is_rep,
    )
    assert later["hero"] != state["hero"]  # a hold's seconds: the digits ran on


def test_each_command_acts_on_the_workout(served: Served) -> None:
    served.workout.start()
    served.advance(0.5)
    status, reply = served.command("pause")
    assert status == 200 and reply["ok"] is True and reply["state"]["paused"] is True
    assert served.session.state is State.PAUSED
    assert served.command("pause")[1]["ok"] is False  # already paused: nothing happens
    assert served.command("resume")[1]["ok"] is True
    assert served.session.state is State.RUNNING
    assert served.command("skip")[1]["state"]["phase"] == "lift"  # past the lead-in
    served.advance(2.5)
    status, reply = served.command("back")
    assert reply["ok"] and reply["state"]["phase"] == "lift"
    assert served.command("finish_set")[1]["ok"] is False  # below the range's minimum
    served.advance(8.0)  # two reps done
    assert served.session.view().can_finish_set
    status, reply = served.command("finish_set")
    assert reply["ok"] and reply["state"]["phase"] == "rest"
    remaining = served.session.view().step_remaining
    status, reply = served.command("rest_plus")
    assert reply["ok"] and reply["state"]["remaining_s"] == pytest.approx(remaining + 15)
    status, reply = served.command("rest_minus")
    assert reply["ok"] and reply["state"]["remaining_s"] == pytest.approx(remaining)
    assert served.command("toggle")[1]["state"]["state"] == "paused"
    status, reply = served.command("stop")
    assert reply["ok"] and reply["state"]["state"] == "stopped" and reply["state"]["ended"]
    assert served.session.state is State.STOPPED
    assert set(COMMANDS) >= {"pause", "resume", "skip", "back", "finish_set", "stop"}


def test_bad_commands_are_refused(served: Served) -> None:
    served.workout.start()
    before = moment(served)
    url = served.url("/api/command")
    assert request(url, {"command": "history"})[0] == 400
    assert request(url, {"command": "start"})[0] == 400
    assert request(url, {"cmd": "pause"})[0] == 400
    assert request(url, ["pause"])[0] == 400
    assert request(url, raw=b"pause")[0] == 400
    assert request(url, raw=b"\xff\xfe")[0] == 400
    assert request(url, raw=b"[" * 500 + b"]" * 500)[0] == 400  # JSON, not an object
    status, _ = request(url, raw=b"{" + b" " * (MAX_BODY + 1) + b"}")
    assert status == 413
    served.workout.run_posted()
    assert moment(served) == before


def test_a_command_the_workout_does_not_run_in_time_answers_503(served: Served) -> None:
    served.workout.start()
    served.link._command = lambda name: served.workout.post(name, timeout=0.05)  # type: ignore[method-assign]
    status, _ = request(served.url("/api/command"), {"command": "pause"})  # nobody runs it
    assert status == 503


# ---------------------------------------------------------------- live


def read_event(stream: http.client.HTTPResponse) -> tuple[str, dict[str, object]]:
    name, data = "", ""
    while True:
        line = stream.readline().decode()
        assert line, "the stream ended"
        line = line.rstrip("\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            data = line[6:]
        elif not line and name:
            return name, json.loads(data)


def test_the_event_stream_follows_the_workout_and_ends_with_it(served: Served) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served.server.port, timeout=10)
    connection.request("GET", f"/api/events?token={served.token}")
    stream = connection.getresponse()
    assert stream.status == 200
    assert stream.getheader("Content-Type", "").startswith("text/event-stream")
    name, state = read_event(stream)
    assert name == "state" and state["state"] == "idle"
    served.workout.start()
    name, state = read_event(stream)
    assert state["state"] == "running" and state["phase"] == "lead-in"
    served.advance(3.2)
    name, state = read_event(stream)
    assert state["phase"] == "lift" and state["rep"] == 1
    served.workout.stop()
    name, state = read_event(stream)
    assert name == "end" and state["state"] == "stopped"
    assert stream.readline() == b""  # and the stream closes
    connection.close()
    # The server stops with the workout.
    assert served.link.closed.wait(5)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", served.server.port), timeout=2).close()


def test_publishes_on_changes_not_on_every_tick(served: Served) -> None:
    served.workout.start()
    served.advance(3.0, step=0.05)  # 60 ticks through the lead-in
    seq = served.server.state()[1]
    assert seq <= 4  # idle, running, and the steps: not 60


def test_the_next_workout_may_keep_the_port(served: Served, tmp_path: Path) -> None:
    port, token = served.server.port, served.token
    served.close()
    again = RemoteLink(served.workout, RemoteAddress("127.0.0.1", port), clock=served.clock)
    try:
        assert again.port == port and again.server.token != token
        assert request(f"http://127.0.0.1:{port}/api/state?token={token}")[0] == 403
        assert request(f"http://127.0.0.1:{port}/api/state?token={again.server.token}")[0] == 200
    finally:
        again.close()


# ---------------------------------------------------------------- where it listens


def listening(port: int) -> list[str]:
    """The local addresses of the listening TCP sockets on ``port`` (/proc/net/tcp)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:
                found.append(address)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/net/tcp")
def test_it_binds_only_to_the_address_asked_for(served: Served) -> None:
    assert served.server.host == "127.0.0.1"
    assert listening(served.server.port) == ["0100007F"]  # 127.0.0.1, not 0.0.0.0
    # Another loopback address of this machine does not reach it.
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", served.server.port), timeout=2).close()


def test_addresses() -> None:
    assert parse_address("8765") == RemoteAddress(None, 8765)
    assert parse_address("127.0.0.1:0") == RemoteAddress("127.0.0.1", 0)
    assert parse_address("localhost:80") == RemoteAddress("127.0.0.1", 80)
    assert parse_address("0.0.0.0:8765") == RemoteAddress("0.0.0.0", 8765)
    assert parse_address("[::1]:8765") == RemoteAddress("::1", 8765)
    assert str(parse_address("[::1]:8765")) == "[::1]:8765"
    assert str(parse_address("8765")) == "8765"
    for bad in ("", "http", "host:80", "1.2.3.4:", "1.2.3.4:70000", ":", "[::1]8765", "-1"):
        with pytest.raises(RemoteAddressError):
            parse_address(bad)


def test_a_bare_port_binds_to_the_local_network_address(monkeypatch: pytest.MonkeyPatch) -> None:
    import glute_timer.remote.address as address

    monkeypatch.setattr(address, "lan_address", lambda: "192.168.1.20")
    assert bind_host(RemoteAddress(None, 8765)) == "192.168.1.20"
    assert bind_host(RemoteAddress("127.0.0.1", 8765)) == "127.0.0.1"
    monkeypatch.setattr(address, "lan_address", lambda: None)
    with pytest.raises(RemoteAddressError, match="no address on a local network"):
        bind_host(RemoteAddress(None, 8765))
    found = address._usable("127.0.0.1"), address._usable("169.254.1.1"), address._usable("x")
    assert found == (None, None, None)


# ---------------------------------------------------------------- the terminal


QUICK = """format = 1
name = "Quick remote"
lead_in = 2

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 1, hold = 1, lower = 1 }
rest = 20
"""


@pytest.mark.slow
def test_the_terminal_prints_one_remote_line_and_obeys_it(tmp_path: Path) -> None:
    protocol = tmp_path / "quick.toml"
    protocol.write_text(QUICK)
    command = [
        sys.executable,
        "-m",
        "glute_timer",
        "--basedir",
        str(tmp_path / "base"),
        "run",
        str(protocol),
        "--no-gui",
        "--mute",
        "--remote",
        "127.0.0.1:0",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("remote: http://127.0.0.1:"), line
        url = line.split(" ", 1)[1].strip()
        base, token = url.split("/?token=")
        assert len(token) >= 22
        deadline = time.monotonic() + 10
        while True:
            status, state = request(f"{base}/api/state?token={token}")
            if state.get("state") == "running" or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert status == 200 and state["state"] == "running"
        assert request(f"{base}/api/state?token=nope")[0] == 403
        status, reply = request(f"{base}/api/command?token={token}", {"command": "pause"})
        assert status == 200 and reply["ok"] and reply["state"]["paused"]
        status, reply = request(f"{base}/api/command?token={token}", {"command": "stop"})
        assert reply["ok"] and reply["state"]["state"] == "stopped"
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "Workout stopped." in out
    assert "remote:" not in err  # exactly one remote line, the first
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), timeout=2).close()


def test_a_bad_remote_address_is_refused_before_anything_runs(tmp_path: Path) -> None:
    for value in ("nowhere:80", "99999"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "glute_timer",
                "--basedir",
                str(tmp_path / "base"),
                "run",
                "pre-run",
                "--no-gui",
                "--mute",
                "--remote",
                value,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        assert result.stderr.startswith("glute-timer: error: run: --remote")
        assert len(result.stderr.strip().splitlines()) == 1
