"""The History page: where the user stands, training days, weekly chart, every workout.

The data is read in a plain Python thread that only touches SQLite and builds immutable
values (``HistoryViewData``); the GUI thread polls for the result with a short timer, so
no Qt object ever crosses threads and a slow disk never freezes the window. The page
changes data only through named operations of the store (delete, undelete, set note,
merge).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glute_timer.context import AppContext
from glute_timer.core.exercises import shown_name
from glute_timer.core.history_export import write_csv, write_json
from glute_timer.core.history_import import ImportFileError
from glute_timer.core.history_model import HistoryError, MergeResult, Workout
from glute_timer.core.history_store import (
    HistoryStore,
    import_file,
    open_history,
    open_history_for_reading,
)
from glute_timer.core.history_view import HistoryViewData, load_view_data
from glute_timer.core.i18n import (
    format_integer,
    format_number,
    localise_numbers,
    short_date,
    side_text,
    status_text,
    weekday_short,
)
from glute_timer.core.progress import ProtocolProgress
from glute_timer.gui.i18n import tr
from glute_timer.gui.progress_chart import ProgrammePanel

log = logging.getLogger(__name__)

HEATMAP_WEEKS = 53
CHART_WEEKS = 26
POLL_MS = 20
PROGRESS_AFTER_S = 0.3  # an import that takes longer shows a progress bar


def import_stages() -> dict[str, str]:
    return {"reading": tr("Reading"), "checking": tr("Checking"), "saving": tr("Saving")}


def metrics() -> tuple[tuple[str, str], ...]:
    return (("sets", tr("Sets")), ("reps", tr("Reps")), ("top_load", tr("Top load")))


# ---------------------------------------------------------------- painted widgets


class CalendarHeatMap(QWidget):
    """The last year of training days: one square per day, darker for more sets."""

    CELL = 11
    GAP = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[date, int] = {}
        self.today = date.today()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())
        self.setToolTip(tr("Training days over the last year: darker means more sets"))

    def set_days(self, days: dict[date, int], today: date) -> None:
        self.days = days
        self.today = today
        self.update()

    def sizeHint(self) -> QSize:
        step = self.CELL + self.GAP
        return QSize(HEATMAP_WEEKS * step + 30, 7 * step + 4)

    def first_day(self) -> date:
        this_monday = self.today - timedelta(days=self.today.weekday())
        return this_monday - timedelta(weeks=HEATMAP_WEEKS - 1)

    def cell_rect(self, day: date) -> QRectF:
        step = self.CELL + self.GAP
        offset = (day - self.first_day()).days
        week, weekday = divmod(offset, 7)
        return QRectF(30 + week * step, 2 + weekday * step, self.CELL, self.CELL)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            palette = self.palette()
            accent = palette.color(QPalette.ColorRole.Highlight)
            empty = palette.color(QPalette.ColorRole.Mid)
            empty.setAlpha(60)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            step = self.CELL + self.GAP
            monday = date(2024, 1, 1)
            for row in (0, 2, 4):
                label = weekday_short(monday + timedelta(days=row))
                painter.drawText(QRectF(0, 2 + row * step - 1, 28, step), label)
            painter.setPen(Qt.PenStyle.NoPen)
            most = max(self.days.values(), default=1)
            day = self.first_day()
            while day <= self.today:
                count = self.days.get(day, 0)
                if count:
                    color = QColor(accent)
                    color.setAlphaF(0.35 + 0.65 * min(1.0, count / most))
                else:
                    color = empty
                painter.setBrush(color)
                painter.drawRoundedRect(self.cell_rect(day), 2, 2)
                day += timedelta(days=1)
        finally:
            painter.end()


class WeeklyChart(QWidget):
    """Bars per week for one exercise: sets, reps or the top load."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[tuple[date, float]] = []
        self.unit = ""
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_values(self, values: list[tuple[date, float]], unit: str) -> None:
        self.values = values
        self.unit = unit
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            palette = self.palette()
            text = palette.color(QPalette.ColorRole.Text)
            accent = palette.color(QPalette.ColorRole.Highlight)
            area = QRectF(self.rect()).adjusted(36, 8, -8, -22)
            painter.setPen(text)
            if not self.values or area.width() <= 0:
                painter.drawText(
                    QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, tr("No sets recorded yet")
                )
                return
            top = max(value for _, value in self.values) or 1.0
            painter.drawLine(area.bottomLeft(), area.bottomRight())
            painter.drawText(
                QRectF(0, area.top() - 6, 34, 14),
                Qt.AlignmentFlag.AlignRight,
                f"{format_number(round(top, 1))}",
            )
            slot = area.width() / len(self.values)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            for index, (_, value) in enumerate(self.values):
                height = area.height() * value / top
                painter.drawRect(
                    QRectF(
                        area.left() + index * slot + slot * 0.15,
                        area.bottom() - height,
                        slot * 0.7,
                        height,
                    )
                )
            painter.setPen(text)
            for index, (week, _) in enumerate(self.values):
                if index % 4 == 0:
                    painter.drawText(
                        QPointF(area.left() + index * slot, area.bottom() + 15),
                        short_date(week, "%d %b"),
                    )
        finally:
            painter.end()


# ---------------------------------------------------------------- the page


class HistoryPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: HistoryViewData | None = None
        self.loading = False
        self.last_deleted: str | None = None
        self._results: queue.Queue[
            tuple[int, HistoryViewData | BaseException, HistoryStore | None]
        ] = queue.Queue()
        self._opened: HistoryStore | None = None  # checked once, then reused
        self._generation = 0
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)

        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout.addWidget(self.message)

        self.importing = False
        self._import_started = 0.0
        self._import_stage: tuple[str, int, int] = ("reading", 0, 0)
        self._import_results: queue.Queue[MergeResult | BaseException] = queue.Queue()
        self._import_poll = QTimer(self)
        self._import_poll.setInterval(50)
        self._import_poll.timeout.connect(self._import_tick)
        self.import_progress = QProgressBar()
        self.import_progress.setAccessibleName(tr("Import progress"))
        self.import_progress.hide()
        layout.addWidget(self.import_progress)

        undo_row = QHBoxLayout()
        self.undo_label = QLabel()
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar = QWidget()
        self.undo_bar.setLayout(undo_row)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)

        self.summary = QLabel(tr("Loading…"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)

        # Per protocol: load and reps over the programme's sessions (issue 15).
        self.programme = ProgrammePanel(context.paths.history_db)
        layout.addWidget(self.programme)

        self.heatmap = CalendarHeatMap()
        layout.addWidget(self.heatmap)

        chart_row = QHBoxLayout()
        chart_row.addWidget(QLabel(tr("Per week:")))
        self.exercise_choice = QComboBox()
        self.metric_choice = QComboBox()
        for key, label in metrics():
            self.metric_choice.addItem(label, key)
        chart_row.addWidget(self.exercise_choice)
        chart_row.addWidget(self.metric_choice)
        chart_row.addStretch(1)
        layout.addLayout(chart_row)
        self.chart = WeeklyChart()
        layout.addWidget(self.chart)
        self.exercise_choice.currentIndexChanged.connect(self._update_chart)
        self.metric_choice.currentIndexChanged.connect(self._update_chart)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [tr("Date"), tr("Workout"), tr("Status"), tr("Sets"), tr("Reps"), tr("Note")]
        )
        self.tree.setUniformRowHeights(True)
        self.tree.itemExpanded.connect(self._fill_sets)
        self.tree.currentItemChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 1)

        buttons = QHBoxLayout()
        self.note_button = QPushButton(tr("Add note…"))
        self.note_button.clicked.connect(self._ask_note)
        self.delete_button = QPushButton(tr("Delete workout"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(tr("Import…"))
        self.import_button.clicked.connect(self._ask_import)
        self.export_csv_button = QPushButton(tr("Export CSV…"))
        self.export_csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.export_json_button = QPushButton(tr("Export JSON…"))
        self.export_json_button.clicked.connect(lambda: self._ask_export("json"))
        for button in (self.note_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.import_button, self.export_csv_button, self.export_json_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._update_buttons()

    # ------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:
        # Sets recorded since the page was last seen (a workout, the command line) appear
        # without a manual reload.
        super().showEvent(event)
        if not self.loading:
            self.refresh()

    def refresh(self) -> None:
        """Read the history again in the background; the page updates when it is ready."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        worker = threading.Thread(
            target=self._load, args=(generation, self._opened), name="history-load", daemon=True
        )
        worker.start()
        self._poll.start()

    def _load(self, generation: int, store: HistoryStore | None) -> None:
        # Runs in the worker thread: SQLite and plain values only, no Qt. A store holds
        # no connection between calls, so it may be handed between threads.
        try:
            # Reading works on a read-only history too (a read-only disk, another user's).
            store = store or open_history_for_reading(self.context.paths.history_db)
            data = load_view_data(store)
            self._results.put((generation, data, store))
        except BaseException as exc:  # reported in the GUI thread
            self._results.put((generation, exc, None))

    def _collect(self) -> None:
        try:
            generation, result, store = self._results.get_nowait()
        except queue.Empty:
            return
        if generation != self._generation:
            return  # a newer refresh is on its way
        self._poll.stop()
        self.loading = False
        if isinstance(result, BaseException):
            if isinstance(result, HistoryError):
                self._show_message(str(result))
            else:
                log.error("loading the history failed", exc_info=result)
                self._show_message(tr("Could not read the history: {error}").format(error=result))
            self.summary.setText("")
            return
        if store is not None and self._opened is None:
            self._opened = store
            if store.notice:
                self._show_message(store.notice)
        if store is not None and store.skipped:
            self._show_message(store.skipped)
        self._show(result)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self, data: HistoryViewData) -> None:
        self.data = data
        self.summary.setText(summary_text(data.progress))
        self.programme.set_progress(data.progress, data.today)
        self.heatmap.set_days(data.days, data.today)
        chosen = self.exercise_choice.currentData()
        self.exercise_choice.blockSignals(True)
        self.exercise_choice.clear()
        for exercise, name in sorted(data.exercises.items(), key=lambda kv: kv[1]):
            self.exercise_choice.addItem(name, exercise)
        index = self.exercise_choice.findData(chosen) if chosen else 0
        self.exercise_choice.setCurrentIndex(max(0, index))
        self.exercise_choice.blockSignals(False)
        self._update_chart()
        self._fill_tree(data.workouts, data.counts)

    def _fill_tree(self, workouts: Sequence[Workout], counts: dict[str, tuple[int, int]]) -> None:
        current = self.selected_uid()
        self.tree.clear()
        items = []
        for workout in workouts:
            item = QTreeWidgetItem(
                [
                    f"{workout.started:%Y-%m-%d} {weekday_short(workout.started)} "
                    f"{workout.started:%H:%M}",
                    workout.protocol_name,
                    status_text(workout.status),
                    str(counts.get(workout.uid, (0, 0))[0]),
                    str(counts.get(workout.uid, (0, 0))[1]),
                    workout.note,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, workout.uid)
            if workout.uid in counts:
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for column in range(5):
            self.tree.resizeColumnToContents(column)
        if current:
            for item in items:
                if item.data(0, Qt.ItemDataRole.UserRole) == current:
                    self.tree.setCurrentItem(item)
                    break
        self._update_buttons()

    def _fill_sets(self, item: QTreeWidgetItem) -> None:
        """Sets are added when a workout is expanded, so thousands of workouts load fast."""
        if item.childCount() or self.data is None or item.parent() is not None:
            return
        uid = item.data(0, Qt.ItemDataRole.UserRole)
        store = self._store()
        if store is None or not isinstance(uid, str):
            return
        try:
            sets = store.sets_of(uid)  # one small indexed query
        except Exception as exc:
            self._show_message(tr("Could not read the sets: {error}").format(error=exc))
            return
        for s in sets:
            side = f" ({side_text(s.side)})" if s.side else ""
            load = "" if s.load == "bodyweight" else localise_numbers(s.load)
            hold = ""
            if s.hold_s > 0:
                hold = tr("hold {seconds} s").format(seconds=format_number(s.hold_s))
            item.addChild(
                QTreeWidgetItem(
                    [
                        tr("{n}. set {set}").format(n=s.position + 1, set=s.set),
                        f"{shown_name(s.exercise, s.exercise_name)}{side}",
                        load,
                        hold,
                        f"{s.reps_done}/{s.target}",
                        "",
                    ]
                )
            )

    def _update_chart(self) -> None:
        if self.data is None:
            return
        exercise = self.exercise_choice.currentData()
        metric = self.metric_choice.currentData() or "sets"
        today = self.data.today
        this_monday = today - timedelta(days=today.weekday())
        weeks = [this_monday - timedelta(weeks=n) for n in range(CHART_WEEKS - 1, -1, -1)]
        by_week = {w.week: w for w in self.data.weeks if w.exercise == exercise}
        values: list[tuple[date, float]] = []
        unit = ""
        for week in weeks:
            totals = by_week.get(week)
            value = 0.0
            if totals is not None:
                if metric == "sets":
                    value = totals.sets
                elif metric == "reps":
                    value = totals.reps
                else:
                    value = totals.top_load or 0.0
                    unit = totals.unit or unit
            values.append((week, float(value)))
        self.chart.set_values(values if any(v for _, v in values) else [], unit)

    # ------------------------------------------------------------ operations

    def selected_uid(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        uid = item.data(0, Qt.ItemDataRole.UserRole)
        return uid if isinstance(uid, str) else None

    def select_workout(self, uid: str) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == uid:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self, *args: object) -> None:
        has = self.selected_uid() is not None
        self.note_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _store(self) -> HistoryStore | None:
        if self._opened is not None:
            return self._opened
        try:
            self._opened = open_history(self.context.paths.history_db)
            return self._opened
        except HistoryError as exc:
            self._show_message(str(exc))
            return None

    def delete_selected(self) -> None:
        uid = self.selected_uid()
        store = self._store() if uid else None
        if uid is None or store is None:
            return
        try:
            store.delete_workout(uid)
        except Exception as exc:
            self._show_message(tr("Could not delete: {error}").format(error=exc))
            return
        self.last_deleted = uid
        self.undo_label.setText(tr("Workout deleted."))
        self.undo_bar.show()
        self.refresh()

    def undo_delete(self) -> None:
        uid = self.last_deleted
        store = self._store() if uid else None
        if uid is None or store is None:
            return
        try:
            store.undelete_workout(uid)
        except Exception as exc:
            self._show_message(tr("Could not undo: {error}").format(error=exc))
            return
        self.last_deleted = None
        self.undo_bar.hide()
        self.refresh()

    def set_note(self, uid: str, note: str) -> None:
        store = self._store()
        if store is None:
            return
        try:
            store.set_note(uid, note)
        except Exception as exc:
            self._show_message(tr("Could not save the note: {error}").format(error=exc))
            return
        self.refresh()

    def _ask_note(self) -> None:
        uid = self.selected_uid()
        if uid is None or self.data is None:
            return
        old = next((w.note for w in self.data.workouts if w.uid == uid), "")
        text, ok = QInputDialog.getText(self, tr("Note"), tr("A note for this workout:"), text=old)
        if ok:
            self.set_note(uid, text)

    def export_to(self, path: Path, kind: str) -> int:
        """Write every workout to ``path`` as ``csv`` or ``json``; returns rows/workouts."""
        store = self._store()
        if store is None:
            return 0
        workouts = store.workouts()
        with open(path, "w", encoding="utf-8", newline="") as out:
            count = write_csv(workouts, out) if kind == "csv" else write_json(workouts, out)
        self._show_message(tr("Exported to {path}.").format(path=path))
        return count

    def import_from(self, path: Path) -> bool:
        """Import ``path`` in the background (False when it cannot start). The page says
        how far a long import got, then what it added, or why nothing was."""
        store = self._store()
        if store is None or self.importing:
            return False
        if store.read_only:
            self._show_message(tr("Nothing was imported: the history cannot be written here."))
            return False
        self.importing = True
        self.import_button.setEnabled(False)
        self._import_started = time.monotonic()
        self._import_stage = ("reading", 0, 0)

        def progress(stage: str, done: int, total: int) -> None:
            self._import_stage = (stage, done, total)  # read by the GUI thread's timer

        def work() -> None:
            # A plain thread: SQLite and files only, no Qt (the store holds no connection).
            try:
                self._import_results.put(import_file(store, path, progress))
            except BaseException as exc:  # reported in the GUI thread
                self._import_results.put(exc)

        threading.Thread(target=work, name="history-import", daemon=True).start()
        self._import_poll.start()
        return True

    def _import_tick(self) -> None:
        try:
            result = self._import_results.get_nowait()
        except queue.Empty:
            if time.monotonic() - self._import_started >= PROGRESS_AFTER_S:
                stage, done, total = self._import_stage
                self.import_progress.setMaximum(max(total, 1))
                self.import_progress.setValue(min(done, max(total, 1)))
                self.import_progress.setFormat(
                    f"{import_stages().get(stage, stage)}… "
                    f"{format_integer(done)} / {format_integer(total)}"
                )
                self.import_progress.show()
            return
        self._import_poll.stop()
        self.import_progress.hide()
        self.importing = False
        self.import_button.setEnabled(True)
        if isinstance(result, ImportFileError):
            self._show_message(tr("Nothing was imported: {error}").format(error=result))
            return
        if isinstance(result, BaseException):
            log.error("importing failed", exc_info=result)
            self._show_message(tr("Nothing was imported: {error}").format(error=result))
            return
        self._show_message(
            tr("Imported {workouts} workout(s) and {sets} set(s).").format(
                workouts=result.workouts_added, sets=result.sets_added
            )
        )
        self.refresh()

    def _ask_export(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export history"), f"glute-timer-history.{kind}", f"{kind.upper()} (*.{kind})"
        )
        if name:
            try:
                self.export_to(Path(name), kind)
            except OSError as exc:
                self._show_message(tr("Could not export: {error}").format(error=exc))

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Import history"), "", tr("History export (*.csv *.json)")
        )
        if name:
            self.import_from(Path(name))


def summary_text(items: Sequence[ProtocolProgress]) -> str:
    if not items:
        return tr("No workouts recorded yet. Finished sets appear here the moment they are done.")
    lines = []
    for item in items:
        parts = [item.protocol_name]
        if item.program_total is not None:
            parts.append(
                tr("session {done} of {total}").format(
                    done=item.program_done, total=item.program_total
                )
            )
        if item.max_gap is not None:
            parts.append(item.due_text)
            parts.append(tr("streak {n}").format(n=item.streak))
        elif item.last_day is not None:
            parts.append(tr("last done {day}").format(day=short_date(item.last_day)))
            parts.append(tr("{n}× in 30 days").format(n=item.recent_sessions))
        parts.append(tr("%n set(s)", "", item.sets) + ", " + tr("%n rep(s)", "", item.reps))
        lines.append(" · ".join(parts))
    return "\n".join(lines)
