"""The coach's reminder setting: "Remind me on training days at HH:MM".

The settings form is made from the settings' declaration; ``remind_at`` asks for this
widget (``Spec(form="remind")``): a check box and a time. The window installs or removes
the reminder when the saved setting changes (``switch_reminder``, on its file worker).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTimeEdit, QWidget

from glute_timer.gui.i18n import tr

DEFAULT_TIME = QTime(18, 0)


class ReminderField(QWidget):
    """A time of day, or off (None)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.remind = QCheckBox(tr("Remind me on training days at"))
        self.remind.setAccessibleName(tr("Remind me on training days"))
        self.remind.toggled.connect(self._toggled)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(tr("Reminder time"))
        self.time.setTime(DEFAULT_TIME)
        self.time.setEnabled(False)
        self.time.timeChanged.connect(lambda _time: self.changed.emit())
        row.addWidget(self.remind)
        row.addWidget(self.time)
        row.addStretch(1)

    def _toggled(self, on: bool) -> None:
        self.time.setEnabled(on)
        self.changed.emit()

    def set_value(self, value: str | None) -> None:
        if value:
            hours, minutes = (int(part) for part in value.split(":"))
            self.time.setTime(QTime(hours, minutes))
        self.remind.setChecked(value is not None)
        self.time.setEnabled(value is not None)

    def value(self) -> str | None:
        return self.time.time().toString("HH:mm") if self.remind.isChecked() else None


def switch_reminder(remind_at: str | None, basedir: Path | None) -> str:
    """Install the reminder for ``remind_at`` (None: remove it); a sentence saying what
    was done. Raises OSError. Runs on a worker thread (files and ``systemctl`` only)."""
    from glute_timer.reminders import config_home, install, real_systemctl, remove, self_command

    config = config_home(basedir)
    systemctl = None if basedir is not None else real_systemctl
    if remind_at is None:
        removed = remove(config=config, systemctl=systemctl)
        text = tr("Reminders are off.")
        if removed:
            text += " " + tr("Removed {name}.").format(name=removed[0].name)
        return text
    done = install(remind_at, config=config, command=self_command(basedir), systemctl=systemctl)
    where = tr("a systemd user timer") if done.method == "systemd" else tr("an autostart entry")
    text = tr("Reminders at {time} on training days: {how} ({file}).").format(
        time=remind_at, how=where, file=done.files[-1]
    )
    return text + (f" {done.problem}." if done.problem else "")
