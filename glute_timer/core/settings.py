"""User settings: typed defaults, saved atomically, a corrupt file kept aside.

The records here are ``NamedTuple``s rather than frozen dataclasses: they are read before
the window's first paint, and a NamedTuple class is made several times faster (no
``dataclasses`` import, no generated methods compiled at start).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any, NamedTuple

from glute_timer.core.fsutil import atomic_write_text

SETTINGS_VERSION = 1
THEMES = ("system", "light", "dark")
UNITS = ("kg", "lb")
MAX_DUCK_DB = 40.0


class Settings(NamedTuple):
    voice_enabled: bool = True
    voice: str | None = None  # an engine voice id; None: the engine's default
    rate: int = 175  # words per minute
    volume: float = 1.0  # 0.0 - 1.0
    sounds_enabled: bool = True
    speak_rep_numbers: bool = True
    default_lead_in: int = 5
    theme: str = "system"
    units: str = "kg"
    keep_awake: bool = True
    duck_db: float = 12.0  # other applications' sound is lowered this much under a cue; 0: off
    output_device: str | None = None  # an output device's name; None: the system's default
    window_geometry: str | None = None  # Qt's saveGeometry(), base64

    def with_changes(self, **changes: Any) -> Settings:
        return validate(self._replace(**changes))


class SettingsError(ValueError):
    pass


def validate(settings: Settings) -> Settings:
    problems = []
    if not 80 <= settings.rate <= 400:
        problems.append(f"rate must be 80-400 words a minute, not {settings.rate}")
    if not 0.0 <= settings.volume <= 1.0:
        problems.append(f"volume must be 0.0-1.0, not {settings.volume}")
    if not 0 <= settings.default_lead_in <= 120:
        problems.append(f"default_lead_in must be 0-120 s, not {settings.default_lead_in}")
    if not 0.0 <= settings.duck_db <= MAX_DUCK_DB:
        problems.append(f"duck_db must be 0-{MAX_DUCK_DB:g} dB, not {settings.duck_db}")
    if settings.theme not in THEMES:
        problems.append(f"theme must be one of {', '.join(THEMES)}, not {settings.theme!r}")
    if settings.units not in UNITS:
        problems.append(f"units must be kg or lb, not {settings.units!r}")
    if problems:
        raise SettingsError("; ".join(problems))
    return settings


_TYPES: dict[str, tuple[type, ...]] = {
    "voice_enabled": (bool,),
    "voice": (str, type(None)),
    "rate": (int,),
    "volume": (float, int),
    "sounds_enabled": (bool,),
    "speak_rep_numbers": (bool,),
    "default_lead_in": (int,),
    "theme": (str,),
    "units": (str,),
    "keep_awake": (bool,),
    "duck_db": (float, int),
    "output_device": (str, type(None)),
    "window_geometry": (str, type(None)),
}


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """Known keys are type-checked; missing keys take their defaults; unknown keys are ignored
    (a newer version may have written them)."""
    values: dict[str, Any] = {}
    for name in Settings._fields:
        if name not in data:
            continue
        value = data[name]
        allowed = _TYPES[name]
        if isinstance(value, bool) and bool not in allowed:
            raise SettingsError(f"{name}: expected {allowed[0].__name__}, not {value!r}")
        if not isinstance(value, allowed):
            raise SettingsError(f"{name}: expected {allowed[0].__name__}, not {value!r}")
        values[name] = float(data[name]) if name in ("volume", "duck_db") else value
    return validate(Settings(**values))


class LoadedSettings(NamedTuple):
    settings: Settings
    warning: str | None = None  # tell the user once: the file was corrupt and kept aside
    backup: Path | None = None


def load_settings(path: Path) -> LoadedSettings:
    """Read settings; a missing file gives defaults, a corrupt one is moved aside."""
    _recover_leftover(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return LoadedSettings(
            Settings(), warning=f"Could not read {path} ({exc.strerror}); using default settings."
        )
    try:
        # Decoding here: bytes that are not UTF-8 are damage like any other (ValueError).
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise SettingsError("not a JSON object")
        return LoadedSettings(settings_from_dict(data))
    except (ValueError, RecursionError) as exc:
        target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        backup: Path | None
        try:
            os.replace(path, target)
            backup = target
        except OSError:
            backup = None
        where = f" The old file was kept as {backup}." if backup else ""
        return LoadedSettings(
            Settings(),
            warning=f"Settings file {path} was damaged ({exc}); defaults are in use.{where}",
            backup=backup,
        )


def save_settings(settings: Settings, path: Path) -> None:
    """Atomic: a crash or a full disk leaves the previous file whole. Raises OSError."""
    data = {"version": SETTINGS_VERSION, **validate(settings)._asdict()}
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def _recover_leftover(path: Path) -> None:
    """A crash between writing the temporary file and renaming it leaves the old file in
    place, so nothing needs recovering; stale temporaries are cleaned up."""
    if not path.parent.is_dir():
        return
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
