"""The workout screen's "Change load" dialog (L)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from glute_timer.core.protocol import Load
from glute_timer.gui.i18n import tr
from glute_timer.gui.widgets import plain_spin


class LoadDialog(QDialog):
    """Change the load for the sets still to come, and optionally for the set just done."""

    def __init__(
        self, current: str, units: str, can_correct: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Change load"))
        load = Load(current)
        form = QFormLayout(self)
        self.amount = QDoubleSpinBox()
        plain_spin(self.amount)
        self.amount.setRange(0.0, 1000.0)
        self.amount.setDecimals(1)
        self.amount.setSingleStep(2.5)
        self.amount.setValue(load.amount or 0.0)
        self.amount.setAccessibleName(tr("Load amount"))
        self.unit = QComboBox()
        self.unit.addItems(["kg", "lb"])
        self.unit.setCurrentText(load.unit or units)
        self.unit.setAccessibleName(tr("Load unit"))
        row = QHBoxLayout()
        row.addWidget(self.amount, 1)
        row.addWidget(self.unit)
        form.addRow(tr("Load"), row)
        self.bodyweight = QCheckBox(tr("Bodyweight only"))
        self.bodyweight.setChecked(load.is_bodyweight)
        self.bodyweight.toggled.connect(self.amount.setDisabled)
        self.amount.setDisabled(load.is_bodyweight)
        form.addRow("", self.bodyweight)
        self.correct_last = QCheckBox(tr("The set I just finished used this load too"))
        self.correct_last.setVisible(can_correct)
        form.addRow("", self.correct_last)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def load_text(self) -> str:
        if self.bodyweight.isChecked() or self.amount.value() <= 0:
            return "bodyweight"
        return Load().with_amount(self.amount.value(), self.unit.currentText()).text
