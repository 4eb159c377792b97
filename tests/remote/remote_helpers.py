"""Helpers for the phone remote's tests: a workout on a fake clock served on loopback,
its owner's loop, and an HTTP client that reports every status (urllib)."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.protocol import protocol_from_dict
from glute_timer.remote.address import RemoteAddress
from glute_timer.remote.link import RemoteLink
from glute_timer.remote.server import Throttle
from glute_timer.workout import Workout

START = 1000.0
T = TypeVar("T")


def small_plan(rest: float = 30) -> Plan:
    return build_plan(
        protocol_from_dict(
            {
                "format": 1,
                "name": "Remote test",
                "lead_in": 3,
                "block": [
                    {
                        "exercise": "barbell-hip-thrust",
                        "sets": 3,
                        "reps": "2-3",
                        "tempo": {"lift": 1, "hold": 2, "lower": 1},
                        "rest": rest,
                        "load": "40 kg",
                    }
                ],
            }
        )
    )


class Served:
    """A workout on a fake clock with its remote on 127.0.0.1. The test's thread owns the
    workout: requests that post commands run in a helper thread (:meth:`ask`) while this
    thread runs what they post."""

    def __init__(self, tmp_path: Path, *, rest: float = 30) -> None:
        self.clock = FakeClock(START)
        self.plan = small_plan(rest)
        context = AppContext.create(tmp_path / "base")
        self.workout = Workout(context, self.plan, "remote-test", clock=self.clock, record=False)
        self.throttle_clock = FakeClock(0.0)
        self.throttle = Throttle(self.throttle_clock)
        self.link = RemoteLink(
            self.workout,
            RemoteAddress("127.0.0.1", 0),
            clock=self.clock,
            throttle=self.throttle,
        )
        self.server = self.link.server
        self.base = f"http://127.0.0.1:{self.server.port}"
        self.token = self.server.token

    @property
    def session(self) -> Any:
        return self.workout.session

    def url(self, path: str = "/", token: str | None = "") -> str:
        token = self.token if token == "" else token
        if token is None:
            return self.base + path
        separator = "&" if "?" in path else "?"
        return f"{self.base}{path}{separator}token={token}"

    def advance(self, seconds: float, step: float = 0.5) -> None:
        while seconds > 1e-9:
            part = min(step, seconds)
            self.clock.advance(part)
            seconds -= part
            self.workout.tick()

    def until_phase(self, phase: str, limit: float = 600) -> None:
        for _ in range(int(limit / 0.25)):
            if self.workout.display().phase == phase:
                return
            self.advance(0.25)
        raise AssertionError(f"never reached {phase}")

    def ask(self, call: Callable[[], T], timeout: float = 10.0) -> T:
        """Run ``call`` (a request) on a helper thread; meanwhile run what it posts."""
        result: list[Any] = []
        error: list[BaseException] = []

        def work() -> None:
            try:
                result.append(call())
            except BaseException as exc:
                error.append(exc)

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        deadline = time.monotonic() + timeout
        while thread.is_alive() and time.monotonic() < deadline:
            self.workout.run_posted()
            thread.join(0.005)
        self.workout.run_posted()
        assert not thread.is_alive(), "the request did not end"
        if error:
            raise error[0]
        return result[0]  # type: ignore[no-any-return]

    def command(self, name: str, token: str | None = "") -> tuple[int, Any]:
        return self.ask(lambda: request(self.url("/api/command", token), {"command": name}))

    def close(self) -> None:
        self.link.close()


def request(
    url: str,
    body: Any = None,
    *,
    method: str | None = None,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    """The status and the decoded JSON (or text) of one request; never raises on a status."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, _decode(response.read(), response.headers)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, _decode(error.read(), error.headers)


def _decode(data: bytes, headers: Any) -> Any:
    if "json" in (headers.get("Content-Type") or ""):
        return json.loads(data) if data else None
    return data.decode("utf-8", "replace")


PHONE = (412, 915)
"""A phone's window, in CSS pixels (a Pixel 7's)."""


def open_browser(chromium: str, chromedriver: str, profile: Path) -> Any:
    """Headless Chromium, offline, fresh profile, as root too (``--no-sandbox``)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={PHONE[0]},{PHONE[1]}",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    driver.set_window_size(*PHONE)
    # The window's size includes no browser chrome when headless; make the page's
    # viewport the phone's exactly.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True},
    )
    return driver


def color_scheme(driver: Any, scheme: str) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


def pump_until(served: Served, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run what the page posts (as the workout's owner) until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        served.workout.run_posted()
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError("timed out")
