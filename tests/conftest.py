"""Shared test configuration: Qt renders offscreen, so no display is needed; a private
sound server for the tests that play real sound."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# In CI (CI=true) hypothesis draws the same examples every run, so a landing never hangs on
# luck; on developers' machines it explores new ones each time and finds what CI cannot.
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Each test starts in English, whatever the machine's language or the test before
    (``--lang`` in an in-process command line changes the active language)."""
    from glute_timer.core import i18n

    i18n.activate("en")
    yield
    i18n.activate("en")


@pytest.fixture(scope="session")
def pulse() -> Iterator[object]:
    """A private PulseAudio server with two null sinks (``rec`` for the app, ``music``),
    which this process and its children use from then on. Skips without PulseAudio;
    in CI (CI=true), where ``.ci/run`` installs it, a missing server is a failure."""
    from realaudio import PulseServer, have_pulseaudio

    if not have_pulseaudio():
        if os.environ.get("CI"):
            pytest.fail("CI must play real sound: pulseaudio and pulseaudio-utils are missing")
        pytest.skip("needs pulseaudio and pulseaudio-utils (real sound)")
    server = PulseServer()
    server.start()
    server.use()
    try:
        yield server
    finally:
        server.close()
