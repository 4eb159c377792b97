"""User settings: typed defaults, saved atomically, a corrupt file kept aside.

The records here are ``NamedTuple``s rather than frozen dataclasses: they are read before
the window's first paint, and a NamedTuple class is made several times faster (no
``dataclasses`` import, no generated methods compiled at start).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from pathlib import Path
from typing import Annotated, Any, NamedTuple, get_args, get_type_hints

from glute_timer.core.fsutil import (
    FileTooLarge,
    NotRegularFile,
    atomic_write_text,
    read_regular_file,
)
from glute_timer.core.i18n import _
from glute_timer.core.text import printable

SETTINGS_VERSION = 1
THEMES = ("system", "light", "dark")
UNITS = ("kg", "lb")
MAX_DUCK_DB = 40.0
LOAD_STEPS_KG = (0.5, 1.0, 1.25, 2.0, 2.5, 5.0)
LOAD_STEPS_LB = (1.0, 2.5, 5.0, 10.0)
LANGUAGE_CODES = ("", "en", "de", "fr", "es")
"""The ``language`` setting's choices: "" follows the system (see ``core.i18n``)."""
CLOCK_TIME = r"([01]\d|2[0-3]):[0-5]\d"
"""A time of day as the reminder setting holds it: ``HH:MM``, 24-hour."""


class Spec(NamedTuple):
    """Everything about one setting but its type and default (which its field gives).

    The settings form is built from these (group, label, widget), and so is validation
    (range, choices): a setting is declared once, in :class:`Settings`."""

    label: str  # the form's row label ("" for none)
    group: str = ""  # "voice", "workout", "appearance"; "" when the form does not show it
    text: str = ""  # a check box's own text
    low: float | None = None
    high: float | None = None
    unit: str = ""  # after a number, in the form and in messages ("wpm", "s", "dB")
    scale: float = 1.0  # the form shows value * scale (a volume of 0.4 as 40 %)
    choices: tuple[Any, ...] = ()  # the allowed values, when only some are
    labels: tuple[str, ...] = ()  # how the form names each choice
    slider: bool = False  # a number shown as a slider (else a spin box)
    form: str = ""  # a widget the form fills itself: "voices", "devices", "duck", "remind"
    hint: str = ""  # a line under the field
    pattern: str = ""  # a text value must match this regular expression (None is fine)


class Settings(NamedTuple):
    voice_enabled: Annotated[bool, Spec("Voice", "voice", text="Speak the cues")] = True
    # an engine voice id; None: the engine's default
    voice: Annotated[str | None, Spec("Speaking voice", "voice", form="voices")] = None
    rate: Annotated[int, Spec("Rate", "voice", low=80, high=400, unit="wpm", slider=True)] = (
        175  # words per minute
    )
    volume: Annotated[
        float, Spec("Volume", "voice", low=0.0, high=1.0, unit="%", scale=100, slider=True)
    ] = 1.0
    speak_rep_numbers: Annotated[bool, Spec("", "voice", text='Say the rep number ("5, Lift")')] = (
        True
    )
    sounds_enabled: Annotated[
        bool, Spec("Sounds", "voice", text="Play sounds (beeps on the beat)")
    ] = True
    # other applications' sound is lowered this much under a cue; 0: off
    duck_db: Annotated[
        float,
        Spec(
            "Other sound",
            "voice",
            low=0.0,
            high=MAX_DUCK_DB,
            unit="dB",
            form="duck",
            hint="Music and videos get quieter while a cue speaks.",
        ),
    ] = 12.0
    # an output device's name; None: the system's default
    output_device: Annotated[str | None, Spec("Output", "voice", form="devices")] = None
    default_lead_in: Annotated[
        int, Spec("Default lead-in", "workout", low=0, high=120, unit="s")
    ] = 5
    units: Annotated[
        str,
        Spec("Units", "workout", choices=UNITS, labels=("Kilograms (kg)", "Pounds (lb)")),
    ] = "kg"
    keep_awake: Annotated[
        bool, Spec("Screen", "workout", text="Keep the screen awake during a workout")
    ] = True
    phone_remote: Annotated[
        bool,
        Spec(
            "Phone remote",
            "workout",
            text="Control each workout from a phone on the same network",
            hint="A QR code on the workout screen opens it on the phone: this workout only, "
            "behind the code's secret link.",
        ),
    ] = False
    theme: Annotated[
        str,
        Spec(
            "Theme",
            "appearance",
            choices=THEMES,
            labels=("Follow the system", "Light", "Dark"),
        ),
    ] = "system"
    # "" follows the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); --lang beats both
    language: Annotated[
        str,
        Spec(
            "Language",
            "appearance",
            choices=LANGUAGE_CODES,
            labels=("Automatic", "English", "Deutsch", "Français", "Español"),
            hint="The window, the spoken cues and the voice. Takes effect at the next start.",
        ),
    ] = ""
    window_geometry: Annotated[str | None, Spec("")] = None  # Qt's saveGeometry(), base64
    # The coach: what a loaded block that topped out goes up by (and a cut rounds to) ...
    load_step_kg: Annotated[
        float,
        Spec(
            "Load step in kg",
            "coach",
            choices=LOAD_STEPS_KG,
            labels=tuple(f"{step:g} kg" for step in LOAD_STEPS_KG),
        ),
    ] = 2.5
    load_step_lb: Annotated[
        float,
        Spec(
            "in lb",
            "coach",
            choices=LOAD_STEPS_LB,
            labels=tuple(f"{step:g} lb" for step in LOAD_STEPS_LB),
            hint="Added when every set reached the top of its range; a cut of about 10 % "
            "is rounded down to it.",
        ),
    ] = 5.0
    # ... and "Remind me on training days at HH:MM" (None: off), installed as a systemd
    # user timer or an autostart entry (glute_timer/reminders.py)
    remind_at: Annotated[
        str | None,
        Spec(
            "Reminders",
            "coach",
            form="remind",
            pattern=CLOCK_TIME,
            hint="A desktop notification on the days a programme is due, with a Start "
            "button, even when the app is closed (a systemd user timer or an autostart "
            "entry runs glute-timer remind). Turning it off removes it.",
        ),
    ] = None

    def with_changes(self, **changes: Any) -> Settings:
        return validate(self._replace(**changes))

    def load_step(self, unit: str | None) -> float:
        """The coach's step for loads in ``unit`` ("kg" or "lb")."""
        return self.load_step_lb if unit == "lb" else self.load_step_kg


class Field(NamedTuple):
    """A setting as the form and the checks see it."""

    name: str
    types: tuple[type, ...]  # what a value read from a file may be
    default: Any
    spec: Spec


_FIELDS: dict[str, Field] = {}


def fields() -> dict[str, Field]:
    """Every setting with its types, default and :class:`Spec`, in declaration order
    (read from :class:`Settings` once, when first needed)."""
    if not _FIELDS:
        hints = get_type_hints(Settings, include_extras=True)
        for name in Settings._fields:
            hint = hints[name]
            base, spec = get_args(hint)[0], hint.__metadata__[0]
            members = get_args(base) or (base,)
            types = tuple(t for t in members if isinstance(t, type))
            if float in types:
                types = (*types, int)  # a whole number is a fine float
            _FIELDS[name] = Field(name, types, Settings._field_defaults[name], spec)
    return _FIELDS


class SettingsError(ValueError):
    pass


def validate(settings: Settings) -> Settings:
    problems = _problems(settings)
    if problems:
        raise SettingsError("; ".join(problems.values()))
    return settings


def _problems(settings: Settings) -> dict[str, str]:
    """What is wrong with each setting that is out of its range or not one of its
    choices, by key (from the :class:`Spec` of each)."""
    problems: dict[str, str] = {}
    for name, field in fields().items():
        value, spec = getattr(settings, name), field.spec
        if spec.choices and value not in spec.choices:
            allowed = ", ".join(str(c) for c in spec.choices)
            reason = _("{key} must be one of {choices}, not {value}")
            problems[name] = reason.format(key=name, choices=allowed, value=_short(value))
        elif spec.pattern and isinstance(value, str) and not re.fullmatch(spec.pattern, value):
            reason = _("{key} must be like 18:00, not {value}")
            problems[name] = reason.format(key=name, value=_short(value))
        elif spec.low is not None and spec.high is not None and value is not None:
            inside = spec.low <= value <= spec.high
            unit = f" {spec.unit}" if spec.unit and spec.unit != "%" else ""
            if not inside:
                problems[name] = _("{key} must be {low}-{high}{unit}, not {value}").format(
                    key=name,
                    low=f"{spec.low:g}",
                    high=f"{spec.high:g}",
                    unit=unit,
                    value=_short(value),
                )
    return problems


MAX_FILE_BYTES = 1 << 20  # a settings file is well under a kilobyte (with the geometry)


def _short(value: Any) -> str:
    """``repr(value)``, cut to a readable length (a 401-digit number, a long text)."""
    try:
        text = repr(value)
    except ValueError:  # an int too long for repr (over 4300 digits)
        return _("a number of {digits} digits").format(digits=f"{value.bit_length() * 0.30103:.0f}")
    return text if len(text) <= 40 else f"{text[:37]}…"


def _checked(name: str, value: Any) -> tuple[Any, str | None]:
    """The value to use for ``name`` (converted), or the reason it cannot be used."""
    allowed = fields()[name].types
    if (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
        reason = _("{key}: expected {type}, not {value}")
        return None, reason.format(key=name, type=allowed[0].__name__, value=_short(value))
    if float in allowed and isinstance(value, int | float):
        try:
            value = float(value)
        except OverflowError:  # an integer with hundreds of digits
            return None, _("{key} is out of range, not {value}").format(
                key=name, value=_short(value)
            )
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
            Settings(),
            warning=_("Could not read {path} ({problem}); using default settings.").format(
                path=path, problem=exc.strerror
            ),
        )
    try:
        # Decoding here: bytes that are not UTF-8 are damage like any other (ValueError).
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise SettingsError(_("not a JSON object"))
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
    if keys:
        warning = _("Settings file {path} was damaged ({reason}); defaults are in use for {keys}.")
    else:
        warning = _("Settings file {path} was damaged ({reason}); defaults are in use.")
    warning = warning.format(path=path, reason=reason, keys=", ".join(keys or ()))
    if backup:
        warning += " " + _("The old file was kept as {backup}.").format(backup=backup)
    return LoadedSettings(settings, warning=printable(warning), backup=backup)


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
