"""Fixtures for the phone remote's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from remote_helpers import Served


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    served = Served(tmp_path)
    try:
        yield served
    finally:
        served.close()


def _browser_tools() -> tuple[str, str] | None:
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium through chromedriver (Debian's chromium, chromium-driver), with a
    phone's window. Skips without them; in CI (CI=true) their absence is a failure."""
    import os

    tools = _browser_tools()
    if tools is None:
        if os.environ.get("CI"):
            pytest.fail("CI must test the page in a browser: chromium chromium-driver missing")
        pytest.skip("needs chromium and chromium-driver (Debian) for the browser tests")
    from remote_helpers import open_browser

    driver = open_browser(*tools, tmp_path_factory.mktemp("chromium"))
    try:
        yield driver
    finally:
        driver.quit()
