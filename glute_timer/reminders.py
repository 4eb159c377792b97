"""Reminders without the app open: a per-user systemd timer, or an XDG autostart entry.

The setting "Remind me on training days at HH:MM" (``remind_at``) installs one of:

- **a systemd user timer** where ``systemctl --user`` answers (most Linux desktops):
  ``glute-timer-remind.timer`` (``OnCalendar=*-*-* HH:MM:00``, ``Persistent=true``: a
  time missed while the machine was off is caught up at the next start) and
  ``glute-timer-remind.service``, which runs ``glute-timer remind --foreground``, in
  ``CONFIG/systemd/user/``, enabled with ``systemctl --user enable --now``;
- **an XDG autostart entry** elsewhere (and always with ``--basedir``, whose folder no
  user manager reads): ``CONFIG/autostart/glute-timer-remind.desktop``, which the desktop
  starts at login and which runs ``glute-timer remind --at HH:MM --foreground``: it waits
  until that time (at once when it is past), reminds, and ends.

``CONFIG`` is ``$XDG_CONFIG_HOME`` (by default ``~/.config``), or ``DIR/config`` with
``--basedir DIR``. Turning the setting off removes both kinds (and disables the timer
first). The commands name this installation's interpreter and, with ``--basedir``, its
folder, so a reminder reads the same history as the app that installed it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

NAME: Final = "glute-timer-remind"
APP_ID: Final = "io.github.glutetimer.GluteTimer"
SYSTEMCTL_TIMEOUT: Final = 15.0

Systemctl = Callable[[Sequence[str]], bool]
"""Runs ``systemctl --user ARGS``; True when it succeeded."""


@dataclass(frozen=True)
class Installed:
    """What ``install`` made: ``method`` is "systemd" or "autostart"."""

    method: str
    files: tuple[Path, ...]
    enabled: bool  # the timer is enabled (systemd); an autostart entry is always on
    problem: str | None = None


def config_home(basedir: Path | None = None) -> Path:
    """Where the entries go: ``DIR/config`` with ``--basedir DIR``, else
    ``$XDG_CONFIG_HOME`` (``~/.config`` when unset or not absolute)."""
    if basedir is not None:
        return basedir.expanduser().absolute() / "config"
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".config"


def self_command(basedir: Path | None = None) -> list[str]:
    """How to run this installation's ``glute-timer``: the frozen app, or this interpreter
    with ``-m glute_timer``; with ``--basedir DIR`` when there is one."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "glute_timer"]
    if basedir is not None:
        command += ["--basedir", str(basedir.expanduser().absolute())]
    return command


def real_systemctl(arguments: Sequence[str]) -> bool:
    """``systemctl --user ARGS``; False when it fails or there is no systemctl."""
    binary = shutil.which("systemctl")
    if binary is None:
        return False
    try:
        done = subprocess.run(
            [binary, "--user", *arguments],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=SYSTEMCTL_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def systemd_available(systemctl: Systemctl) -> bool:
    """A user manager answers (``systemctl --user show-environment``)."""
    return systemctl(["show-environment"])


def unit_paths(config: Path) -> tuple[Path, Path]:
    folder = config / "systemd" / "user"
    return folder / f"{NAME}.service", folder / f"{NAME}.timer"


def autostart_path(config: Path) -> Path:
    return config / "autostart" / f"{NAME}.desktop"


def _systemd_word(word: str) -> str:
    """One word of an ``ExecStart=`` line (systemd's quoting, ``%`` and ``$`` doubled)."""
    text = word.replace("%", "%%").replace("$", "$$")
    if text and not any(ch in text for ch in " \t\"'\\;"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _desktop_word(word: str) -> str:
    """One word of an ``Exec=`` key (the Desktop Entry Specification's quoting)."""
    text = word.replace("%", "%%")
    if text and not any(ch in text for ch in " \t\n\"'\\><~|&;$*?#()`"):
        return text
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in text)
    return '"' + escaped.replace("\\", "\\\\") + '"'


def service_text(command: Sequence[str]) -> str:
    line = " ".join(_systemd_word(word) for word in [*command, "remind", "--foreground"])
    return (
        "[Unit]\n"
        "Description=Glute Timer: remind me on training days\n"
        "Documentation=https://github.com/glutetimer/glute-timer#reminders\n\n"
        "[Service]\n"
        "Type=simple\n"
        f"ExecStart={line}\n"
    )


def timer_text(at: str) -> str:
    return (
        "[Unit]\n"
        f"Description=Glute Timer: remind me on training days at {at}\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {at}:00\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def autostart_text(at: str, command: Sequence[str]) -> str:
    words = [*command, "remind", "--at", at, "--foreground"]
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Glute Timer reminders\n"
        f"Comment=Remind me on training days at {at}\n"
        f"Exec={' '.join(_desktop_word(word) for word in words)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"X-Glute-Timer-Remind-At={at}\n"
    )


def _write(path: Path, text: str) -> None:
    from glute_timer.core.fsutil import atomic_write_text

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)


def install(
    at: str,
    *,
    config: Path,
    command: Sequence[str],
    systemctl: Systemctl | None = real_systemctl,
) -> Installed:
    """Install the reminder for ``at`` ("HH:MM"), replacing any earlier one. ``systemctl``
    None: no user manager to use (``--basedir``): the autostart entry. Raises OSError."""
    remove(config=config, systemctl=systemctl)
    if systemctl is not None and systemd_available(systemctl):
        service, timer = unit_paths(config)
        _write(service, service_text(command))
        _write(timer, timer_text(at))
        systemctl(["daemon-reload"])
        enabled = systemctl(["enable", "--now", timer.name])
        problem = None if enabled else f"systemctl --user enable --now {timer.name} failed"
        return Installed("systemd", (service, timer), enabled, problem)
    entry = autostart_path(config)
    _write(entry, autostart_text(at, command))
    return Installed("autostart", (entry,), True)


def remove(*, config: Path, systemctl: Systemctl | None = real_systemctl) -> list[Path]:
    """Remove every reminder entry there is (the timer disabled first); what was removed."""
    service, timer = unit_paths(config)
    removed: list[Path] = []
    if timer.exists() and systemctl is not None:
        systemctl(["disable", "--now", timer.name])
    for path in (timer, service, autostart_path(config)):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    if systemctl is not None and (timer in removed or service in removed):
        systemctl(["daemon-reload"])
    return removed


def installed_entries(config: Path) -> list[Path]:
    """The reminder entries present under ``config``."""
    return [path for path in (*unit_paths(config), autostart_path(config)) if path.exists()]
