"""The end of a workout: each set with its reps, load and effort, the time it took and
what the coach suggests for next time; Enter or Space leaves it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glute_timer.core.exercises import exercise_name
from glute_timer.core.i18n import format_number, load_text, short_date, side_text
from glute_timer.core.plan import format_clock
from glute_timer.core.protocol import Protocol
from glute_timer.core.session import EFFORTS, SetRecord, WorkoutFinished
from glute_timer.gui.effort import EffortBar, labels
from glute_timer.gui.i18n import tr
from glute_timer.gui.widgets import make_label

if TYPE_CHECKING:
    from glute_timer.core.coach import NextSession


def columns() -> tuple[str, ...]:
    return (tr("Exercise"), tr("Set"), tr("Side"), tr("Reps"), tr("Hold"), tr("Load"), tr("Effort"))


def summary_line(records: Sequence[SetRecord], seconds: float) -> str:
    """ "3 sets · 45 reps · 12:30 in all · 2:00 under tension"."""
    if not records:
        return tr("No sets were completed · {time} in all").format(time=format_clock(seconds))
    reps = sum(record.reps_done for record in records)
    tension = sum(record.ended_at - record.started_at for record in records)
    return " · ".join(
        (
            tr("%n set(s)", "", len(records)),
            tr("%n rep(s)", "", reps),
            tr("{time} in all").format(time=format_clock(seconds)),
            tr("{time} under tension").format(time=format_clock(tension)),
        )
    )


def next_time_lines(coming: NextSession) -> list[str]:
    """What the coach suggests, a line a block: "Barbell hip thrust: every set reached
    15: try 42.5 kg", then when: "Next session Thu 3 Dec"."""
    blocks = coming.advice.blocks
    lines = [
        (f"{exercise_name(block.exercise)}: " if len(blocks) > 1 else "")
        + block.reason[:1].upper()
        + block.reason[1:]
        for block in blocks[:3]
    ]
    if len(blocks) > 3:
        lines.append(tr("… and %n more block(s)", "", len(blocks) - 3))
    due = coming.due
    if coming.progress.max_gap is not None:
        when = tr("today") if due <= coming.today else short_date(due, f"%a {due.day} %b")
        progress = coming.progress_text()
        line = tr("Next session {when}").format(when=when)
        lines.append(line + (f" ({progress})" if progress else ""))
    return lines


class WorkoutSummary(QWidget):
    again = Signal()
    leave = Signal()  # back to the Library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before: NextSession | None = None  # the coach's view before the workout
        self._coming: NextSession | None = None
        self._day = date.today()
        self._ran: Protocol | None = None
        self._records: list[SetRecord] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 28)
        layout.setSpacing(12)
        self.title = make_label(tr("Workout complete"), "pageTitle")
        self.title.setStyleSheet("font-size: 34px; font-weight: 700;")
        self.line = make_label("", "muted", wrap=True)
        self.line.setAccessibleName(tr("Totals"))
        self.line.setStyleSheet("font-size: 18px;")
        layout.addWidget(self.title)
        layout.addWidget(self.line)
        self.table = QTableWidget(0, len(columns()))
        self.table.setHorizontalHeaderLabels(list(columns()))
        self.table.setAccessibleName(tr("Completed sets"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(columns())):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setStyleSheet("font-size: 16px;")
        layout.addWidget(self.table)
        self.coach_title = make_label(tr("Next time"), "sectionTitle")
        self.coach_text = make_label("", None, wrap=True)
        self.coach_text.setAccessibleName(tr("Next time"))
        self.coach_text.setTextFormat(Qt.TextFormat.PlainText)
        self.coach_text.setStyleSheet("font-size: 17px;")
        layout.addWidget(self.coach_title)
        layout.addWidget(self.coach_text)
        self.effort = EffortBar()  # the last set's rating (issue 15)
        layout.addWidget(self.effort)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.hint = make_label(tr("Enter or Space: back to the Library"), "muted")
        self.again_button = QPushButton(tr("Do it again"))
        self.again_button.clicked.connect(self.again)
        self.library_button = QPushButton(tr("Back to the Library"))
        self.library_button.setObjectName("primary")
        self.library_button.clicked.connect(self.leave)
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.library_button)
        layout.addLayout(buttons)

    @property
    def coming(self) -> NextSession | None:
        """The next session as the coach sees it with this workout in (None: unknown)."""
        return self._coming

    def show_finished(
        self,
        event: WorkoutFinished,
        seconds: float,
        ran: Protocol,
        coming: NextSession | None,
        day: date | None = None,
    ) -> None:
        """Fill in the summary of a workout of ``ran`` that took ``seconds``; ``coming``,
        the coach's view before it (None: no coach line)."""
        records = list(event.sets)
        self._ran, self._records = ran, records
        self.title.setText(tr("Workout complete") if event.completed else tr("Workout stopped"))
        self.line.setText(summary_line(records, seconds))
        self._fill(records)
        self._before, self._day = coming, day or date.today()
        self._show_coach()
        last = records[-1] if records else None
        self.effort.show_for(last, title=tr("How was the last set?"))

    def correct(self, index: int, record: SetRecord) -> None:
        """A set was corrected (rated): its row and the coach's line follow."""
        if not 0 <= index < len(self._records):
            return
        self._records[index] = record
        self._fill(self._records)
        self._show_coach()

    def _fill(self, records: Sequence[SetRecord]) -> None:
        table = self.table
        table.setRowCount(len(records))
        for row, record in enumerate(records):
            values = [
                record.exercise_name,
                f"{record.set}",
                side_text(record.side).capitalize() if record.side else "–",
                f"{record.reps_done} / {record.target}",
                f"{format_number(record.hold_s)} s" if record.hold_s else "–",
                load_text(record.load),
                labels()[record.effort] if record.effort in EFFORTS else "–",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        row_height = table.fontMetrics().height() + 18
        table.verticalHeader().setDefaultSectionSize(row_height)
        header_height = max(table.horizontalHeader().sizeHint().height(), row_height)
        table.setMaximumHeight(header_height + row_height * max(1, len(records)) + 4)

    def _show_coach(self) -> None:
        """The coach's line, made again from its view before the workout with the sets as
        they are now (a rating of "hard" holds an increase back)."""
        before, ran = self._before, self._ran
        coming = before.after(ran, self._records, self._day) if before and ran else None
        self._coming = coming
        shown = coming is not None and bool(self._records)
        self.coach_title.setVisible(shown)
        self.coach_text.setVisible(shown)
        if coming is not None:
            self.coach_text.setText("\n".join(next_time_lines(coming)))
