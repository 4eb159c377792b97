"""Settings: voice, sounds, workout defaults, units and the theme. Saved as you change them.

The form is made from the settings' own declaration (``glute_timer.core.settings``: each
field's label, group, range, unit, choices): a new setting needs no code here, unless it
wants a list the app fills itself (the voices, the output devices).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glute_timer.core.i18n import pgettext
from glute_timer.core.settings import Field, Settings, fields
from glute_timer.gui.coach_settings import ReminderField
from glute_timer.gui.i18n import tr
from glute_timer.gui.timers import single_shot_timer
from glute_timer.gui.widgets import Card, make_label, plain_spin, scroll_safe

GROUPS = {
    "voice": "Voice and sounds",
    "workout": "Workouts",
    "coach": "Coach",  # load steps and reminders (issue 15)
    "appearance": "Appearance",
}
"""Each group's card title, in English (``group_title`` translates it)."""


def group_title(group: str) -> str:
    titles = {
        "voice": tr("Voice and sounds"),
        "workout": tr("Workouts"),
        "coach": tr("Coach"),
        "appearance": tr("Appearance"),
    }
    return titles[group]


def setting_text(text: str) -> str:
    """A label, check box text, hint or choice of the settings' declaration, translated
    (they are the core's texts: context "setting")."""
    return pgettext("setting", text) if text else text


DUCK_CHOICES = (0.0, 6.0, 12.0, 18.0, 24.0)
"""How much other applications' sound is lowered under a cue, in dB (0: not at all)."""
VOICE_ONLY = ("voice", "rate", "volume", "speak_rep_numbers")
"""Settings that mean nothing while the voice is off (shown greyed)."""


def duck_text(db: float) -> str:
    if db <= 0:
        return tr("Don't lower it")
    return tr("Lower it by {db} dB").format(db=f"{db:g}")


class SettingsPage(QWidget):
    changed = Signal(object)  # Settings, after a short pause in the user's changes
    test_voice_requested = Signal(object)  # Settings as shown: speak a sample with them

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._settings = settings
        self._loading = False
        self._debounce = single_shot_timer(self, 300)
        self._debounce.timeout.connect(self._emit)
        self.fields: dict[str, QWidget] = {}  # setting name -> its widget
        self.notes: dict[str, QLabel] = {}  # setting name -> the line under it

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 22, 24, 22)
        outer.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(make_label(tr("Settings"), "pageTitle"), 1)
        self.status = make_label("", "muted")
        self.status.setAccessibleName(tr("Settings status"))
        header.addWidget(self.status)
        outer.addLayout(header)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(14)
        for group in GROUPS:
            body.addWidget(self._card(group, group_title(group)))
        body.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        scroll_safe(inner)  # the wheel scrolls the page; it changes no setting by accident
        self.load(settings)

    # ------------------------------------------------------------ building

    def _card(self, group: str, title: str) -> Card:
        card = Card()
        card.setMaximumWidth(900)  # room for check boxes whose text is long in a language
        card.add(make_label(title, "sectionTitle"))
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        card.add(form)
        for field in fields().values():
            if field.spec.group == group:
                self._add_row(form, field)
                if field.name == "sounds_enabled":
                    form.addRow("", self._test_voice_row())
        return card

    def _add_row(self, form: QFormLayout, field: Field) -> None:
        widget, shown = self._widget_for(field)
        self.fields[field.name] = widget
        note = make_label(setting_text(field.spec.hint), "hint", wrap=True)
        note.setVisible(bool(field.spec.hint))
        self.notes[field.name] = note
        row = QVBoxLayout()
        row.setSpacing(4)
        if isinstance(shown, QWidget):
            row.addWidget(shown)
        else:
            row.addLayout(shown)
        row.addWidget(note)
        form.addRow(setting_text(field.spec.label), row)

    def _widget_for(self, field: Field) -> tuple[QWidget, QWidget | QHBoxLayout]:
        """The widget that holds the value, and what the row shows (the same, or a slider
        with its value beside it)."""
        spec, name = field.spec, field.name
        if bool in field.types:
            box = QCheckBox(setting_text(spec.text))
            box.setAccessibleName(setting_text(spec.text or spec.label))
            box.toggled.connect(self._changed)
            return box, box
        if spec.form == "remind":  # a time, or off (issue 15)
            reminder = ReminderField()
            reminder.changed.connect(self._changed)
            return reminder, reminder
        if spec.form or spec.choices:
            combo = QComboBox()
            combo.setAccessibleName(setting_text(spec.label))
            combo.setMinimumWidth(280)
            if spec.form in ("voices", "devices"):
                combo.addItem(self._default_text(name), None)
            elif spec.form == "duck":
                for db in DUCK_CHOICES:
                    combo.addItem(duck_text(db), db)
            else:
                for value, text in zip(spec.choices, spec.labels or spec.choices, strict=True):
                    combo.addItem(setting_text(str(text)), value)
            combo.currentIndexChanged.connect(self._changed)
            return combo, combo
        low, high = spec.low or 0.0, spec.high if spec.high is not None else 100.0
        if spec.slider:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(round(low * spec.scale), round(high * spec.scale))
            slider.setAccessibleName(setting_text(spec.label))
            slider.setMinimumWidth(240)
            value = make_label("", None)
            value.setMinimumWidth(70)
            unit = f" {spec.unit}" if spec.unit else ""
            slider.valueChanged.connect(lambda v: value.setText(f"{v}{unit}"))
            slider.valueChanged.connect(self._changed)
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            return slider, row
        spin = QSpinBox()
        plain_spin(spin)
        spin.setRange(round(low * spec.scale), round(high * spec.scale))
        if spec.unit:
            spin.setSuffix(f" {spec.unit}")
        spin.setAccessibleName(setting_text(spec.label) or name)
        spin.setMaximumWidth(180)  # a number, not a line of text
        spin.valueChanged.connect(self._changed)
        return spin, spin

    def _test_voice_row(self) -> QHBoxLayout:
        self.test_voice = QPushButton(tr("Test voice"))
        self.test_voice.setAccessibleName(tr("Test voice"))
        self.test_voice.setToolTip(tr("Speak a sample cue with this voice, rate and volume"))
        self.test_voice.clicked.connect(lambda: self.test_voice_requested.emit(self.current()))
        row = QHBoxLayout()
        row.addWidget(self.test_voice)
        row.addStretch(1)
        return row

    def field(self, name: str) -> Any:
        """The widget of setting ``name`` (a QCheckBox, QComboBox, QSlider or QSpinBox)."""
        return self.fields[name]

    @property
    def voice_combo(self) -> QComboBox:
        combo = self.fields["voice"]
        assert isinstance(combo, QComboBox)
        return combo

    @property
    def device_combo(self) -> QComboBox:
        combo = self.fields["output_device"]
        assert isinstance(combo, QComboBox)
        return combo

    # ------------------------------------------------------------ values

    def load(self, settings: Settings) -> None:
        self._loading = True
        self._settings = settings
        for name, field in fields().items():
            if name in self.fields:
                self._show(field, getattr(settings, name))
        self._loading = False
        self._sync_enabled()

    def _show(self, field: Field, value: Any) -> None:
        widget, spec = self.fields[field.name], field.spec
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, ReminderField):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            missing = duck_text(value) if spec.form == "duck" else not_found(value)
            self._select_data(widget, value, missing)
        elif isinstance(widget, QSlider | QSpinBox):
            widget.setValue(round(value * spec.scale))

    def _read(self, field: Field) -> Any:
        widget, spec = self.fields[field.name], field.spec
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, ReminderField):
            return widget.value()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return float(data) if spec.form == "duck" else data
        assert isinstance(widget, QSlider | QSpinBox)
        if float in field.types:
            return widget.value() / spec.scale
        return round(widget.value() / spec.scale)

    @staticmethod
    def _select_data(combo: QComboBox, value: object, missing_text: str) -> None:
        """Select the item holding ``value``, adding one for a value the list lacks."""
        index = combo.findData(value)
        if index < 0 and value is not None:
            combo.addItem(missing_text, value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _fill(self, name: str, items: list[tuple[Any, str]]) -> None:
        combo = self.fields[name]
        assert isinstance(combo, QComboBox)
        self._loading = True
        combo.clear()
        combo.addItem(self._default_text(name), None)
        for value, text in items:
            combo.addItem(text, value)
        current = getattr(self._settings, name)
        self._select_data(combo, current, not_found(current))
        self._loading = False

    def set_devices(self, devices: list[str]) -> None:
        """Fill the output list (it arrives from a worker thread)."""
        self._fill("output_device", [(name, name) for name in devices if name != "default"])

    def set_voices(self, voices: list[tuple[str, str]]) -> None:
        """Fill the voice list (it arrives from a worker thread, after the page is shown)."""
        self._fill("voice", voices)
        note = self.notes["voice"]
        note.setText(
            tr("%n voice(s) installed; those of your language first.", "", len(voices))
            if voices
            else tr("Only the default voice is available.")
        )
        note.setVisible(True)

    def set_keep_awake_note(self, note: str) -> None:
        self.notes["keep_awake"].setText(note)
        self.notes["keep_awake"].setVisible(bool(note))

    def current(self) -> Settings:
        shown = {name: self._read(field) for name, field in fields().items() if name in self.fields}
        return self._settings.with_changes(**shown)

    def adopt(self, settings: Settings) -> None:
        """Another part of the app changed the settings (the window geometry)."""
        self._settings = settings

    def _sync_enabled(self) -> None:
        voice = self.field("voice_enabled").isChecked()
        for name in VOICE_ONLY:
            self.fields[name].setEnabled(voice)

    def _changed(self) -> None:
        if self._loading:
            return
        self._sync_enabled()
        self.status.setText(tr("Saving…"))
        self._debounce.start()

    def _emit(self) -> None:
        self._settings = self.current()
        self.changed.emit(self._settings)

    def flush(self) -> None:
        """Send pending changes now (before closing, and in tests)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._emit()

    def saved(self, error: str | None = None) -> None:
        if error:
            self.status.setText(tr("Not saved: {error}").format(error=error))
        else:
            self.status.setText(tr("All changes saved"))

    @staticmethod
    def _default_text(name: str) -> str:
        """The first item of the voice or device list: the value None."""
        if name == "voice":
            return tr("Automatic (the best voice for the language)")
        return tr("System default")


def not_found(value: object) -> str:
    return tr("{value} (not found)").format(value=value)
