"""The coach in the Library's start panel: last time, the suggestion and its reason.

"Last time: 15 · 15 · 15 at 40 kg" and "Every set reached 15: try 42.5 kg" for the
protocol shown, the programme's progress ("Session 4 of 7 · due today"), and one button
back to the protocol as written (and back again). The suggestion is what Start runs by
default (``base``). The history is read off the GUI thread (``gui.workers``); the panel
tells the Library through ``changed`` when the suggestion arrives or the user switches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from glute_timer.core.coach import NextSession, load_steps, next_session, peek_history
from glute_timer.core.exercises import exercise_name
from glute_timer.core.i18n import short_date
from glute_timer.core.protocol import Protocol
from glute_timer.core.settings import Settings
from glute_timer.gui.i18n import tr
from glute_timer.gui.widgets import make_label
from glute_timer.gui.workers import Worker

log = logging.getLogger(__name__)

MAX_BLOCKS_SHOWN = 3
NARROW_DUE_PX = 180
"""The least room the due line ("Session 4 of 7 · due today") gets beside the button."""


def first_time() -> str:
    return tr(
        "First time: the protocol as written. From your next session on, the coach suggests "
        "each block's load from how this one went."
    )


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_day(day: date) -> str:
    """ "Thu 3 Dec" ("Do. 3. Dez.")."""
    return short_date(day, f"%a {day.day} %b")


def due_text(coming: NextSession) -> str:
    """ "Session 4 of 7 · due today", "Rest day · next session Thu 3 Dec"."""
    parts = [sentence(coming.progress_text())] if coming.progress_text() else []
    if coming.progress.max_gap is not None:
        ahead = (coming.due - coming.today).days
        if ahead <= 0:
            parts.append(tr("due today"))
        elif coming.progress.due == "done":
            parts.append(tr("done today · next {day}").format(day=short_day(coming.due)))
        else:
            parts.append(tr("rest day · next {day}").format(day=short_day(coming.due)))
    return sentence(" · ".join(parts))


class CoachPanel(QWidget):
    """What the coach says of the protocol the start panel shows."""

    changed = Signal()  # the suggestion arrived, or the user switched to or from it

    def __init__(
        self,
        history_db: Path | None,
        settings: Callable[[], Settings] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Coach"))
        self._history_db = history_db
        self._settings = settings or Settings
        self._worker: Worker | None = None
        self._generation = 0
        self._shown: tuple[str, Protocol] | None = None
        self.coming: NextSession | None = None
        """The next session of the protocol shown, once read."""
        self.use_suggestion = True
        """Start runs the suggestion (True) or the protocol as written."""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.title = make_label(tr("Coach"), "sectionTitle")
        self.title.setStyleSheet("margin-top: 0px;")
        self.due_label = make_label("", "muted", wrap=True)
        self.due_label.setAccessibleName(tr("Programme and due day"))
        self.due_label.setStyleSheet("font-size: 15px;")
        self.switch_button = QPushButton(tr("Use as written"))
        self.switch_button.setAccessibleName(tr("Use the protocol as written"))
        self.switch_button.setToolTip(tr("Run the protocol exactly as its file says"))
        self.switch_button.clicked.connect(self.toggle)
        head.addWidget(self.title)
        head.addWidget(self.due_label, 1)
        head.addWidget(self.switch_button)
        layout.addLayout(head)
        self._head = head
        self.last_label = make_label("", None, wrap=True)
        self.last_label.setAccessibleName(tr("Last time"))
        self.last_label.setStyleSheet("font-size: 16px;")
        self.last_label.setTextFormat(Qt.TextFormat.PlainText)
        self.advice_label = make_label("", None, wrap=True)
        self.advice_label.setAccessibleName(tr("Suggestion"))
        self.advice_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.last_label)
        layout.addWidget(self.advice_label)
        # In a narrow panel the button goes under the advice, rather than being cut.
        self._below = QHBoxLayout()
        self._below.addStretch(1)
        layout.addLayout(self._below)
        if history_db is None:
            self.hide()  # no history to read (tests of the Library alone)
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The head keeps the title, at least NARROW_DUE_PX of the due line and the button.
        needed = (
            self.title.sizeHint().width()
            + self.switch_button.sizeHint().width()
            + NARROW_DUE_PX
            + 2 * self._head.spacing()
        )
        below = self.width() < needed
        if below == (self._below.indexOf(self.switch_button) >= 0):
            return
        source, target = (self._head, self._below) if below else (self._below, self._head)
        source.removeWidget(self.switch_button)
        if below:
            target.insertWidget(0, self.switch_button)
        else:
            target.addWidget(self.switch_button)

    # ------------------------------------------------------------ what the Library asks

    def show_protocol(self, protocol_id: str, protocol: Protocol) -> None:
        """Read what the coach says of ``protocol`` (in the background)."""
        if self._shown != (protocol_id, protocol):
            self._shown = (protocol_id, protocol)
            self.coming = None
            self.use_suggestion = True
        self.refresh()

    def base(self, protocol: Protocol) -> Protocol:
        """What a run of ``protocol`` starts from: the suggestion, unless the user chose
        the protocol as written (or the suggestion is not there yet)."""
        coming = self.coming
        if coming is not None and self.use_suggestion and coming.protocol == protocol:
            return coming.suggested
        return protocol

    def refresh(self) -> None:
        """Read the history again (the Library came back into view: a workout may have
        been recorded meanwhile)."""
        if self._shown is None or self._history_db is None:
            return
        self._generation += 1
        generation = self._generation
        protocol_id, protocol = self._shown
        steps = load_steps(self._settings())
        path, today = self._history_db, date.today()

        def work() -> tuple[int, NextSession]:
            # A worker thread: SQLite and plain values only. A read-only look: repairs and
            # notices are for the recorder and the History page to make and tell.
            store = peek_history(path)
            return generation, next_session(store, protocol_id, protocol, steps, today)

        if self._worker is None:
            self._worker = Worker(serial=True)
        self._worker.submit(work, self._arrived, self._failed)

    def toggle(self) -> None:
        """Switch between the suggestion and the protocol as written."""
        self.use_suggestion = not self.use_suggestion
        self._render()
        self.changed.emit()

    # ------------------------------------------------------------ results

    def _arrived(self, result: tuple[int, NextSession]) -> None:
        if not isValid(self):  # deleted while the history was read
            return
        generation, coming = result
        if generation != self._generation or self._shown is None:
            return
        if coming.protocol != self._shown[1]:
            return
        self.coming = coming
        self._render()
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted while the history was read
            return
        log.info("the coach could not read the history: %s", error)
        self.coming = None
        self.last_label.setText("")
        self.advice_label.setText(
            tr("The coach cannot read the history: {error}").format(error=error)
        )
        self.advice_label.setObjectName("muted")
        self._restyle(self.advice_label)
        self.switch_button.hide()

    # ------------------------------------------------------------ showing

    def _render(self) -> None:
        coming = self.coming
        if coming is None:
            self.due_label.setText("")
            self.last_label.setText("")
            self.advice_label.setText(tr("Reading your history…") if self._shown else "")
            self.advice_label.setObjectName("muted")
            self.advice_label.setStyleSheet("font-size: 15px;")
            self._restyle(self.advice_label)
            self.switch_button.hide()
            return
        self.due_label.setText(due_text(coming))
        blocks = coming.advice.blocks
        many = len(blocks) > 1
        done_before = [b for b in blocks if b.last_time is not None]
        if not done_before:
            self.last_label.setText("")
            self.last_label.hide()
            self.advice_label.setText(first_time())
            self.advice_label.setObjectName("muted")
            self.advice_label.setStyleSheet("font-size: 15px;")
            self._restyle(self.advice_label)
            self.switch_button.hide()
            return
        last_lines, advice_lines = [], []
        for block in done_before[:MAX_BLOCKS_SHOWN]:
            name = (
                f"{exercise_name(coming.protocol.blocks[block.block - 1].exercise)}: "
                if many
                else ""
            )
            when = short_day(block.last_day) if block.last_day is not None else ""
            last_lines.append(
                name + tr("Last time ({day}): {sets}").format(day=when, sets=block.last_time)
                if when
                else name + tr("Last time: {sets}").format(sets=block.last_time)
            )
            advice_lines.append(("▲ " if block.is_increase else "● ") + sentence(block.reason))
        if len(done_before) > MAX_BLOCKS_SHOWN:
            advice_lines.append(
                tr("… and %n more block(s)", "", len(done_before) - MAX_BLOCKS_SHOWN)
            )
        self.last_label.setText("\n".join(last_lines))
        self.last_label.show()
        changes = coming.changes
        using = changes and self.use_suggestion
        tail = ""
        if changes:
            tail = "  " + (tr("(used for this run)") if using else tr("(not used: as written)"))
        self.advice_label.setText("\n".join(advice_lines) + tail)
        self.advice_label.setObjectName("coachAdvice" if using or not changes else "muted")
        weight = 700 if using or not changes else 400
        self.advice_label.setStyleSheet(f"font-size: 17px; font-weight: {weight};")
        self._restyle(self.advice_label)
        self.switch_button.setVisible(changes)
        self.switch_button.setText(
            tr("Use as written") if self.use_suggestion else tr("Use the suggestion")
        )
        self.switch_button.setAccessibleName(self.switch_button.text())
        self.switch_button.setToolTip(
            tr("Run the protocol exactly as its file says")
            if self.use_suggestion
            else tr("Run the coach's suggestion")
        )

    @staticmethod
    def _restyle(label: QLabel) -> None:
        style = label.style()
        if style is not None:
            style.unpolish(label)
            style.polish(label)
