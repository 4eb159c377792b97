"""Speech engines behind one interface, one class per platform.

Every backend drives pyttsx3 in a child process (``glute_timer.speech.worker``): pyttsx3
blocks, drops cues and cannot be interrupted inside the app (DESIGN.md section 4). A backend
only knows what differs between platforms: the pyttsx3 driver, what the worker process must
set up before ``pyttsx3.init()``, and how to tell the user to fix a missing engine.

The backend in use is chosen at start-up by a health check (:func:`choose_backend` in
``glute_timer.speech.processes``): the first candidate for this platform whose worker starts
and lists its voices wins.
"""

from __future__ import annotations

import shutil
import sys
from abc import ABC, abstractmethod
from importlib import metadata
from typing import ClassVar


class SpeechBackend(ABC):
    name: ClassVar[str]
    driver: ClassVar[str | None]  # pyttsx3 driverName; None lets pyttsx3 pick
    platforms: ClassVar[tuple[str, ...]]  # sys.platform prefixes

    def setup_worker(self) -> None:  # noqa: B027 - most platforms need nothing
        """Runs in the worker process before ``pyttsx3.init()``."""

    @abstractmethod
    def missing_hint(self) -> str:
        """How to get this engine working, for the one message the user sees."""

    def live_problem(self) -> str | None:
        """Why live ``say()`` would be silent although rendering works, if known."""
        return None

    def engine_id(self) -> str:
        """Part of the cache key: a new engine or pyttsx3 version renders anew."""
        try:
            version = metadata.version("pyttsx3")
        except metadata.PackageNotFoundError:
            version = "unknown"
        return f"{self.name}-pyttsx3-{version}"


class EspeakBackend(SpeechBackend):
    """Linux (and other Unix): pyttsx3's espeak driver over libespeak-ng."""

    name = "espeak"
    driver = "espeak"
    platforms = ("linux", "freebsd", "openbsd", "netbsd")

    def missing_hint(self) -> str:
        return (
            "no speech engine: install libespeak-ng1 "
            "(Debian/Ubuntu: sudo apt install libespeak-ng1 alsa-utils)"
        )

    def live_problem(self) -> str | None:
        # pyttsx3's espeak driver plays live speech with `aplay` and is silent without it.
        if shutil.which("aplay") is None:
            return "live speech needs aplay (Debian/Ubuntu: sudo apt install alsa-utils)"
        return None


class Sapi5Backend(SpeechBackend):
    """Windows: SAPI 5 through COM, which the worker thread must initialise itself."""

    name = "sapi5"
    driver = "sapi5"
    platforms = ("win32", "cygwin")

    def setup_worker(self) -> None:
        if sys.platform == "win32":
            import ctypes

            # COINIT_APARTMENTTHREADED; S_FALSE (already initialised) is fine too.
            ctypes.windll.ole32.CoInitializeEx(None, 0x2)

    def missing_hint(self) -> str:
        return "no speech engine: Windows speech (SAPI 5) did not start; check Settings > Speech"


class MacBackend(SpeechBackend):
    """macOS: the driver pyttsx3 selects there (NSSpeechSynthesizer / AVSpeech)."""

    name = "macos"
    driver = None
    platforms = ("darwin",)

    def missing_hint(self) -> str:
        return "no speech engine: pyttsx3 could not start the macOS speech synthesiser"


BACKENDS: tuple[type[SpeechBackend], ...] = (EspeakBackend, Sapi5Backend, MacBackend)


def candidates(platform: str = sys.platform) -> list[SpeechBackend]:
    """Backends to try on ``platform``, best first."""
    found = [cls() for cls in BACKENDS if platform.startswith(cls.platforms)]
    return found or [EspeakBackend()]


def backend_named(name: str) -> SpeechBackend:
    for cls in BACKENDS:
        if cls.name == name:
            return cls()
    raise ValueError(f"unknown speech backend {name!r}")
