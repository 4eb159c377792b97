"""The Library's "How it moves" card: one block's exercise looping at its tempo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from glute_timer.core.exercises import exercise_name
from glute_timer.core.i18n import format_number
from glute_timer.core.protocol import Protocol, Tempo
from glute_timer.gui.figure import ExerciseFigure
from glute_timer.gui.i18n import tr
from glute_timer.gui.theme import LIGHT, Theme
from glute_timer.gui.widgets import Card, make_label

FIGURE_WIDTH = 300
FIGURE_MIN_WIDTH = 120
NARROW = 520
"""A card narrower than this puts its text under the figure."""


def tempo_text(t: Tempo) -> str:
    parts = [tr("lift {s}").format(s=format_number(t.lift))]
    if t.hold:
        parts.append(tr("hold {s}").format(s=format_number(t.hold)))
    parts.append(tr("lower {s}").format(s=format_number(t.lower)))
    if t.pause:
        parts.append(tr("pause {s}").format(s=format_number(t.pause)))
    return " · ".join(parts) + " s"


def tempo_sentence(tempo: Tempo) -> str:
    """ "Lift 1 s, hold 3 s at the top, lower 2 s." """
    parts = [tr("Lift {s} s").format(s=format_number(tempo.lift))]
    if tempo.hold:
        parts.append(tr("hold {s} s at the top").format(s=format_number(tempo.hold)))
    parts.append(tr("lower {s} s").format(s=format_number(tempo.lower)))
    if tempo.pause:
        parts.append(tr("rest {s} s at the bottom").format(s=format_number(tempo.pause)))
    return ", ".join(parts) + "."


class MovementPreview(Card):
    """A figure doing one rep after another at a block's tempo, with what it shows.

    The loop runs only while the card is on screen (the figure stops its timer when
    hidden), so a Library left open costs nothing once another page is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Side by side; in a narrow card the text goes under the figure.
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._row = row
        row.setSpacing(18)
        self.figure = ExerciseFigure()
        # Up to 300 px wide, down to 120 in a narrow window; as tall as its width wants.
        self.figure.setMinimumSize(FIGURE_MIN_WIDTH, self.figure.heightForWidth(FIGURE_MIN_WIDTH))
        self.figure.setMaximumWidth(FIGURE_WIDTH)
        self.figure.setMaximumHeight(self.figure.heightForWidth(FIGURE_WIDTH))
        row.addWidget(self.figure, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(make_label(tr("How it moves"), "sectionTitle"))
        self.exercise_label = make_label("", None, wrap=True)
        self.exercise_label.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.exercise_label.setAccessibleName(tr("Exercise shown"))
        self.tempo_label = make_label("", None, wrap=True)
        self.tempo_label.setAccessibleName(tr("Tempo shown"))
        self.hint = make_label("", "muted", wrap=True)
        text.addWidget(self.exercise_label)
        text.addWidget(self.tempo_label)
        text.addWidget(self.hint)
        text.addStretch(1)
        row.addLayout(text, 1)
        self.add(row)
        self._theme = LIGHT
        self.figure.set_theme(LIGHT, LIGHT.base)
        self.block = 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.width() >= NARROW
            else QBoxLayout.Direction.TopToBottom
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)
        height = self.figure.heightForWidth(self.figure.width())
        if height != self.figure.maximumHeight():
            self.figure.setMaximumHeight(height)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.figure.set_theme(theme, theme.base)

    def show_block(self, protocol: Protocol, index: int = 0) -> None:
        """Loop block ``index`` (0-based) of ``protocol``; out of range: the first."""
        blocks = protocol.blocks
        self.block = index if 0 <= index < len(blocks) else 0
        block = blocks[self.block]
        side = block.sides[0] if block.per_side else None
        self.figure.set_exercise(block.exercise, side)
        self.figure.preview(block.tempo)
        name = exercise_name(block.exercise)
        if block.per_side:
            first = tr("left side first") if block.sides[0] == "left" else tr("right side first")
            name += f" ({first})"
        self.exercise_label.setText(name)
        self.tempo_label.setText(tempo_sentence(block.tempo))
        if len(blocks) > 1:
            self.hint.setText(
                tr("Block {n} of {count}: pick a row of Blocks to see another.").format(
                    n=self.block + 1, count=len(blocks)
                )
            )
        else:
            self.hint.setText(tr("The workout moves the figure in step with the voice."))

    def stop(self) -> None:
        self.figure.stop_preview()
