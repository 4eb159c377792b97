"""Settings: voice, sounds, workout defaults, units and the theme. Saved as you change them."""

from __future__ import annotations

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

from glute_timer.core.display import plural
from glute_timer.core.settings import Settings
from glute_timer.gui.timers import single_shot_timer
from glute_timer.gui.widgets import Card, make_label, plain_spin, scroll_safe

THEME_TEXT = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
UNIT_TEXT = {"kg": "Kilograms (kg)", "lb": "Pounds (lb)"}
DUCK_CHOICES = (0.0, 6.0, 12.0, 18.0, 24.0)
"""How much other applications' sound is lowered under a cue, in dB (0: not at all)."""


def duck_text(db: float) -> str:
    return "Don't lower it" if db <= 0 else f"Lower it by {db:g} dB"


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

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 22, 24, 22)
        outer.setSpacing(12)
        header = QHBoxLayout()
        header.addWidget(make_label("Settings", "pageTitle"), 1)
        self.status = make_label("", "muted")
        self.status.setAccessibleName("Settings status")
        header.addWidget(self.status)
        outer.addLayout(header)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(14)
        body.addWidget(self._voice_card())
        body.addWidget(self._workout_card())
        body.addWidget(self._appearance_card())
        body.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        scroll_safe(inner)  # the wheel scrolls the page; it changes no setting by accident
        self.load(settings)

    # ------------------------------------------------------------ building

    @staticmethod
    def _form(card: Card, title: str) -> QFormLayout:
        card.add(make_label(title, "sectionTitle"))
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        card.add(form)
        return form

    def _voice_card(self) -> Card:
        card = Card()
        card.setMaximumWidth(760)
        form = self._form(card, "Voice and sounds")
        self.voice_enabled = QCheckBox("Speak the cues")
        self.voice_enabled.setAccessibleName("Voice cues on")
        self.voice_enabled.toggled.connect(self._changed)
        form.addRow("Voice", self.voice_enabled)
        self.voice_combo = QComboBox()
        self.voice_combo.setAccessibleName("Voice")
        self.voice_combo.addItem("System default", None)
        self.voice_combo.setMinimumWidth(280)
        self.voice_combo.currentIndexChanged.connect(self._changed)
        self.voice_note = make_label("Looking for installed voices…", "hint")
        voice_row = QVBoxLayout()
        voice_row.setSpacing(4)
        voice_row.addWidget(self.voice_combo)
        voice_row.addWidget(self.voice_note)
        form.addRow("Speaking voice", voice_row)
        self.rate_slider, self.rate_value = self._slider(80, 400, "Speaking rate", " wpm")
        form.addRow("Rate", self._slider_row(self.rate_slider, self.rate_value))
        self.volume_slider, self.volume_value = self._slider(0, 100, "Volume", " %")
        form.addRow("Volume", self._slider_row(self.volume_slider, self.volume_value))
        self.rep_numbers = QCheckBox('Say the rep number ("5, Lift")')
        self.rep_numbers.setAccessibleName("Speak rep numbers")
        self.rep_numbers.toggled.connect(self._changed)
        form.addRow("", self.rep_numbers)
        self.sounds = QCheckBox("Play sounds (beeps on the beat)")
        self.sounds.setAccessibleName("Sounds on")
        self.sounds.toggled.connect(self._changed)
        form.addRow("Sounds", self.sounds)
        self.test_voice = QPushButton("Test voice")
        self.test_voice.setAccessibleName("Test voice")
        self.test_voice.setToolTip("Speak a sample cue with this voice, rate and volume")
        self.test_voice.clicked.connect(lambda: self.test_voice_requested.emit(self.current()))
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_voice)
        test_row.addStretch(1)
        form.addRow("", test_row)
        self.duck = QComboBox()
        self.duck.setAccessibleName("Lower other sound under cues")
        for db in DUCK_CHOICES:
            self.duck.addItem(duck_text(db), db)
        self.duck.currentIndexChanged.connect(self._changed)
        duck_row = QVBoxLayout()
        duck_row.setSpacing(4)
        duck_row.addWidget(self.duck)
        duck_row.addWidget(make_label("Music and videos get quieter while a cue speaks.", "hint"))
        form.addRow("Other sound", duck_row)
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName("Output device")
        self.device_combo.addItem("System default", None)
        self.device_combo.setMinimumWidth(280)
        self.device_combo.currentIndexChanged.connect(self._changed)
        form.addRow("Output", self.device_combo)
        return card

    def _workout_card(self) -> Card:
        card = Card()
        card.setMaximumWidth(760)
        form = self._form(card, "Workouts")
        self.lead_in = QSpinBox()
        plain_spin(self.lead_in)
        self.lead_in.setRange(0, 120)
        self.lead_in.setSuffix(" s")
        self.lead_in.setAccessibleName("Default lead-in for new protocols")
        self.lead_in.valueChanged.connect(self._changed)
        form.addRow("Default lead-in", self.lead_in)
        self.units = QComboBox()
        self.units.setAccessibleName("Units for loads")
        for unit, text in UNIT_TEXT.items():
            self.units.addItem(text, unit)
        self.units.currentIndexChanged.connect(self._changed)
        form.addRow("Units", self.units)
        self.keep_awake = QCheckBox("Keep the screen awake during a workout")
        self.keep_awake.setAccessibleName("Keep the screen awake")
        self.keep_awake.toggled.connect(self._changed)
        self.keep_awake_note = make_label("", "hint", wrap=True)
        awake = QVBoxLayout()
        awake.setSpacing(4)
        awake.addWidget(self.keep_awake)
        awake.addWidget(self.keep_awake_note)
        form.addRow("Screen", awake)
        return card

    def _appearance_card(self) -> Card:
        card = Card()
        card.setMaximumWidth(760)
        form = self._form(card, "Appearance")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for theme, text in THEME_TEXT.items():
            self.theme.addItem(text, theme)
        self.theme.currentIndexChanged.connect(self._changed)
        form.addRow("Theme", self.theme)
        return card

    def _slider(self, low: int, high: int, name: str, suffix: str) -> tuple[QSlider, QLabel]:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setAccessibleName(name)
        slider.setMinimumWidth(240)
        value = make_label("", None)
        value.setMinimumWidth(70)
        slider.valueChanged.connect(lambda v: value.setText(f"{v}{suffix}"))
        slider.valueChanged.connect(self._changed)
        return slider, value

    @staticmethod
    def _slider_row(slider: QSlider, value: QLabel) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(slider, 1)
        row.addWidget(value)
        return row

    # ------------------------------------------------------------ values

    def load(self, settings: Settings) -> None:
        self._loading = True
        self._settings = settings
        self.voice_enabled.setChecked(settings.voice_enabled)
        self._select_voice(settings.voice)
        self.rate_slider.setValue(settings.rate)
        self.volume_slider.setValue(round(settings.volume * 100))
        self.rep_numbers.setChecked(settings.speak_rep_numbers)
        self.sounds.setChecked(settings.sounds_enabled)
        self._select_data(self.duck, settings.duck_db, duck_text(settings.duck_db))
        self._select_data(
            self.device_combo, settings.output_device, f"{settings.output_device} (not found)"
        )
        self.lead_in.setValue(settings.default_lead_in)
        self.units.setCurrentIndex(max(0, self.units.findData(settings.units)))
        self.keep_awake.setChecked(settings.keep_awake)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self._loading = False
        self._sync_enabled()

    @staticmethod
    def _select_data(combo: QComboBox, value: object, missing_text: str) -> None:
        """Select the item holding ``value``, adding one for a value the list lacks."""
        index = combo.findData(value)
        if index < 0 and value is not None:
            combo.addItem(missing_text, value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def set_devices(self, devices: list[str]) -> None:
        """Fill the output list (it arrives from a worker thread)."""
        self._loading = True
        self.device_combo.clear()
        self.device_combo.addItem("System default", None)
        for name in devices:
            if name != "default":
                self.device_combo.addItem(name, name)
        current = self._settings.output_device
        self._select_data(self.device_combo, current, f"{current} (not found)")
        self._loading = False

    def _select_voice(self, voice: str | None) -> None:
        index = self.voice_combo.findData(voice)
        if index < 0 and voice is not None:
            self.voice_combo.addItem(f"{voice} (not found)", voice)
            index = self.voice_combo.count() - 1
        self.voice_combo.setCurrentIndex(max(0, index))

    def set_voices(self, voices: list[tuple[str, str]]) -> None:
        """Fill the voice list (it arrives from a worker thread, after the page is shown)."""
        self._loading = True
        current = self._settings.voice
        self.voice_combo.clear()
        self.voice_combo.addItem("System default", None)
        for voice_id, name in voices:
            self.voice_combo.addItem(name, voice_id)
        self._select_voice(current)
        self._loading = False
        self.voice_note.setText(
            f"{plural(len(voices), 'voice')} installed."
            if voices
            else "Only the default voice is available."
        )

    def set_keep_awake_note(self, note: str) -> None:
        self.keep_awake_note.setText(note)

    def current(self) -> Settings:
        return self._settings.with_changes(
            voice_enabled=self.voice_enabled.isChecked(),
            voice=self.voice_combo.currentData(),
            rate=self.rate_slider.value(),
            volume=self.volume_slider.value() / 100,
            speak_rep_numbers=self.rep_numbers.isChecked(),
            sounds_enabled=self.sounds.isChecked(),
            duck_db=float(self.duck.currentData()),
            output_device=self.device_combo.currentData(),
            default_lead_in=self.lead_in.value(),
            units=self.units.currentData(),
            keep_awake=self.keep_awake.isChecked(),
            theme=self.theme.currentData(),
        )

    def adopt(self, settings: Settings) -> None:
        """Another part of the app changed the settings (the window geometry)."""
        self._settings = settings

    def _sync_enabled(self) -> None:
        voice = self.voice_enabled.isChecked()
        for widget in (self.voice_combo, self.rate_slider, self.volume_slider, self.rep_numbers):
            widget.setEnabled(voice)

    def _changed(self) -> None:
        if self._loading:
            return
        self._sync_enabled()
        self.status.setText("Saving…")
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
        self.status.setText(f"Not saved: {error}" if error else "All changes saved")
