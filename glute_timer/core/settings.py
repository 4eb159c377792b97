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

from glute_timer.core.fsutil import (
    FileTooLarge,
    NotRegularFile,
    atomic_write_text,
    read_regular_file,
)
from glute_timer.core.text import printable

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
    problems = _problems(settings)
    if problems:
        raise SettingsError("; ".join(problems.values()))
    return settings


def _problems(settings: Settings) -> dict[str, str]:
    """What is wrong with each setting that is out of range, by key."""
    problems: dict[str, str] = {}
    if not 80 <= settings.rate <= 400:
        problems["rate"] = f"rate must be 80-400 words a minute, not {_short(settings.rate)}"
    if not 0.0 <= settings.volume <= 1.0:
        problems["volume"] = f"volume must be 0.0-1.0, not {_short(settings.volume)}"
    if not 0 <= settings.default_lead_in <= 120:
        problems["default_lead_in"] = (
            f"default_lead_in must be 0-120 s, not {_short(settings.default_lead_in)}"
        )
    if not 0.0 <= settings.duck_db <= MAX_DUCK_DB:
        problems["duck_db"] = (
            f"duck_db must be 0-{MAX_DUCK_DB:g} dB, not {_short(settings.duck_db)}"
        )
    if settings.theme not in THEMES:
        problems["theme"] = (
            f"theme must be one of {', '.join(THEMES)}, not {_short(settings.theme)}"
        )
    if settings.units not in UNITS:
        problems["units"] = f"units must be kg or lb, not {_short(settings.units)}"
    return problems


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

MAX_FILE_BYTES = 1 << 20  # a settings file is well under a kilobyte (with the geometry)


def _short(value: Any) -> str:
    """``repr(value)``, cut to a readable length (a 401-digit number, a long text)."""
    try:
        text = repr(value)
    except ValueError:  # an int too long for repr (over 4300 digits)
        return f"a number of {value.bit_length() * 0.30103:.0f} digits"
    return text if len(text) <= 40 else f"{text[:37]}…"


def _checked(name: str, value: Any) -> tuple[Any, str | None]:
    """The value to use for ``name`` (converted), or the reason it cannot be used."""
    allowed = _TYPES[name]
    if (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
        return None, f"{name}: expected {allowed[0].__name__}, not {_short(value)}"
    if name in ("volume", "duck_db") and isinstance(value, int | float):
        try:
            value = float(value)
        except OverflowError:  # an integer with hundreds of digits
            return None, f"{name} is out of range, not {_short(value)}"
    return value, _problems(Settings()._replace(**{name: value})).get(name)


def parse_settings(data: dict[str, Any]) -> tuple[Settings, dict[str, str]]:
    """Settings from a decoded file, and what was wrong with each key that had a value this
    version cannot use (that key keeps its default). Missing keys take their defaults;
    unknown keys are ignored (a newer version may have written them)."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name in Settings._fields:
        if name not in data:
            continue
        value, problem = _checked(name, data[name])
        if problem is None:
            values[name] = value
        else:
            problems[name] = problem
    return Settings(**values), problems


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """Known keys are type-checked; missing keys take their defaults; unknown keys are ignored
    (a newer version may have written them). Raises SettingsError for any bad value."""
    settings, problems = parse_settings(data)
    if problems:
        raise SettingsError("; ".join(problems.values()))
    return settings


class LoadedSettings(NamedTuple):
    settings: Settings
    warning: str | None = None  # tell the user once: the file was corrupt and kept aside
    backup: Path | None = None


def load_settings(path: Path) -> LoadedSettings:
    """Read settings; a missing file gives defaults, a damaged one is moved aside.

    Damage is anything this version cannot use: a file that is not JSON (or not a regular
    file, or over ``MAX_FILE_BYTES``), or a value of the wrong type or out of range for
    any key. A bad value takes its key's default; the other keys are used as they are.
    """
    _recover_leftover(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (NotRegularFile, FileTooLarge) as exc:
        return _set_aside(path, Settings(), str(exc.strerror))
    except OSError as exc:
        return LoadedSettings(
            Settings(), warning=f"Could not read {path} ({exc.strerror}); using default settings."
        )
    try:
        # Decoding here: bytes that are not UTF-8 are damage like any other (ValueError).
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise SettingsError("not a JSON object")
    except (ValueError, RecursionError) as exc:
        return _set_aside(path, Settings(), str(exc))
    settings, problems = parse_settings(data)
    if problems:
        return _set_aside(path, settings, "; ".join(problems.values()), keys=list(problems))
    return LoadedSettings(settings)


def _set_aside(
    path: Path, settings: Settings, reason: str, keys: list[str] | None = None
) -> LoadedSettings:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():  # never over an earlier one
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    backup: Path | None
    try:
        os.replace(path, target)
        backup = target
    except OSError:
        backup = None
    where = f" The old file was kept as {backup}." if backup else ""
    which = f" for {', '.join(keys)}" if keys else ""
    return LoadedSettings(
        settings,
        warning=printable(
            f"Settings file {path} was damaged ({reason}); defaults are in use{which}.{where}"
        ),
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
