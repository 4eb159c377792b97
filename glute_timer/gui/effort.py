"""How the set just finished felt: 1 easy, 2 right, 3 hard, on the rest screen.

Optional and quick: three big buttons under "How was set 2?", and the keys 1, 2 and 3
while a rest (or the summary) shows it. A rating goes to ``SessionDriver.rate_last_set``,
which hands it to the history's writer behind the set itself; pressing the chosen one
again takes the rating back. A "hard" holds the coach's next increase back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QHBoxLayout, QWidget

from glute_timer.core.i18n import side_text
from glute_timer.core.session import EFFORTS, SetRecord
from glute_timer.gui.i18n import tr
from glute_timer.gui.widgets import KeyButton, make_label


def labels() -> dict[int, str]:
    """Each rating's button text."""
    return {1: tr("Easy"), 2: tr("Right"), 3: tr("Hard")}


def hints() -> dict[int, str]:
    return {
        1: tr("I had reps left: more next time"),
        2: tr("Just right"),
        3: tr("Hard: the coach holds an increase back"),
    }


class EffortBar(QWidget):
    """The question and three buttons; ``rated(effort)`` when one is chosen (0: taken
    back). ``EffortKeys`` gives the bars of a page the keys 1-3."""

    rated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Effort rating"))
        self._record: SetRecord | None = None
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout = layout
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        self.question = make_label("", None)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setAccessibleName(tr("Effort question"))
        layout.addWidget(self.question)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addStretch(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so a second press can take the rating back
        self.buttons: dict[int, KeyButton] = {}
        names, notes = labels(), hints()
        for effort in EFFORTS:
            button = KeyButton(names[effort], str(effort))
            button.setCheckable(True)
            button.setAccessibleName(f"{names[effort]} ({effort})")
            button.setToolTip(tr("{hint} (key {key})").format(hint=notes[effort], key=effort))
            # The keys drive the workout; focus on a button would swallow Space and Enter.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(120)
            button.clicked.connect(lambda _checked=False, e=effort: self.choose(e))
            self.group.addButton(button)
            self.buttons[effort] = button
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_for(None)

    @property
    def record(self) -> SetRecord | None:
        return self._record

    def show_for(self, record: SetRecord | None, *, title: str | None = None) -> None:
        """Ask about ``record`` (None: hide the bar)."""
        self._record = record
        self.setVisible(record is not None)
        if record is None:
            return
        side = f" ({side_text(record.side)})" if record.side else ""
        question = tr("How was set {set}{side}?").format(set=record.set, side=side)
        self.question.setText(title or question)
        for effort, button in self.buttons.items():
            button.setChecked(record.effort == effort)

    def set_compact(self, compact: bool) -> None:
        """In a low window the question goes beside the buttons, not over them."""
        direction = (
            QBoxLayout.Direction.LeftToRight if compact else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)

    def set_scale(self, pixels: int) -> None:
        self.question.setStyleSheet(f"font-size: {pixels}px;")
        for button in self.buttons.values():
            button.main_label.setStyleSheet(f"font-size: {pixels}px; font-weight: 700;")

    def choose(self, effort: int) -> None:
        """Rate the set ``effort`` (the one already chosen: take the rating back)."""
        if self._record is None:
            return
        chosen = 0 if self._record.effort == effort else effort
        for number, button in self.buttons.items():
            button.setChecked(number == chosen)
        self.rated.emit(chosen)


class EffortKeys:
    """The keys 1, 2 and 3 (and the keypad's) in ``parent``'s window: they rate with
    whichever of ``bars`` is shown (the rest screen's, or the summary's)."""

    def __init__(self, parent: QWidget, bars: list[EffortBar]) -> None:
        self.bars = bars
        self.shortcuts: list[QShortcut] = []
        for effort in EFFORTS:
            for key in (str(effort), f"Num+{effort}"):
                shortcut = QShortcut(QKeySequence(key), parent)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setAutoRepeat(False)
                shortcut.activated.connect(lambda e=effort: self.press(e))
                self.shortcuts.append(shortcut)

    def press(self, effort: int) -> bool:
        for bar in self.bars:
            if bar.isVisibleTo(bar.window()) and bar.record is not None:
                bar.choose(effort)
                return True
        return False
