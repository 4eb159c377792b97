"""The History page's programme chart: load and reps over a protocol's sessions.

For the protocol chosen: one slot per session of the programme's current run (the
sessions still to come as empty slots), or the last sessions of a protocol without a
programme. Bars are the reps of its lead block (all sets), the line its load, and a ▲
marks each session where the load went up (or the exercise became the library's next
step, or the hold grew). "Session 4 of 7 · due today" sits beside the protocol's name.
Painted with QPainter in the palette's colours, so it follows the light and dark themes.
The sessions are read off the GUI thread, read-only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget
from shiboken6 import isValid

from glute_timer.core.coach import SessionPoint, past_sessions, peek_history, session_points
from glute_timer.core.i18n import format_number, short_date
from glute_timer.core.progress import MAX_GAP, ProtocolProgress
from glute_timer.gui.i18n import tr
from glute_timer.gui.widgets import make_label
from glute_timer.gui.workers import Worker

log = logging.getLogger(__name__)

UNSCHEDULED_POINTS = 12
"""Sessions shown for a protocol without a programme."""
LOAD_COLOR = "#E69F00"  # Okabe-Ito orange: apart from the accent blue, for colour-blind eyes
UP_COLOR = "#009E73"  # Okabe-Ito bluish green


def nice_ceiling(value: float) -> int:
    """``value`` rounded up to 5, 10, 20, 25, 50 ... (an axis's top)."""
    for step in (5, 10, 20, 25, 50, 100, 200, 500):
        if value <= step * 6:
            return max(step, int(-(-value // step) * step))
    return int(value) + 1


def load_axis(loads: Sequence[float]) -> tuple[float, float]:
    """The load axis's bottom and top: round numbers around the loads, with room for the
    values written above the points."""
    if not loads:
        return 0.0, 1.0
    low, high = min(loads), max(loads)
    step = 2.5 if high - low <= 10 else 5.0 if high - low <= 40 else 10.0
    bottom = max(0.0, (low // step) * step - 2 * step)
    top = -(-high // step) * step + step
    return bottom, max(top, bottom + step)


def programme_slots(item: ProtocolProgress, points: Sequence[SessionPoint]) -> int:
    """How many slots the chart has: the whole programme, or the points there are."""
    total = item.program_total
    if total is None:
        return max(1, min(len(points), UNSCHEDULED_POINTS))
    return total


def programme_run(item: ProtocolProgress, points: Sequence[SessionPoint]) -> list[SessionPoint]:
    """The points of the programme's current run (its last run after a broken streak),
    or the last sessions of a protocol without a programme."""
    total = item.program_total
    if total is None:
        return list(points[-UNSCHEDULED_POINTS:])
    done = item.program_done or 0
    if done == 0:  # the streak is broken: the last run there was
        chain = _last_chain(item)
        done = (chain - 1) % total + 1 if chain else 0
    return list(points[-done:]) if done else []


def _last_chain(item: ProtocolProgress) -> int:
    gap = MAX_GAP.get(item.schedule)
    if gap is None or not item.days:
        return 0
    length = 1
    for before, after in zip(item.days[-2::-1], item.days[:0:-1], strict=False):
        if (after - before).days > gap:
            break
        length += 1
    return length


class ProgressChart(QWidget):
    """Bars of reps, a line of load and ▲ where it went up, one slot per session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[SessionPoint] = []
        self.slots = 0
        self.first_number = 1
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(tr("Programme chart: reps and load per session"))

    def set_points(self, points: Sequence[SessionPoint], slots: int) -> None:
        self.points = list(points)
        self.slots = max(slots, len(self.points))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        font = QFont(self.font())
        font.setPixelSize(13)
        painter.setFont(font)
        if not self.points:
            painter.setPen(muted)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                tr("No sessions of this programme yet: the chart fills in as you train."),
            )
            return
        legend_h = 22.0
        area = QRectF(self.rect()).adjusted(44, legend_h + 18, -16, -38)
        if area.width() <= 40 or area.height() <= 40:
            return
        top_reps = nice_ceiling(max(p.reps for p in self.points) * 1.1)
        loads = [p.load for p in self.points if p.load is not None]
        unit = next((p.unit for p in self.points if p.unit), "") or ""
        floor_load, ceil_load = load_axis(loads)
        # The load's line in a band of its own above the bars: nothing overlaps.
        band = QRectF(area.left(), area.top(), area.width(), area.height() * 0.32)
        bars = area
        if loads:
            bars = QRectF(
                area.left(), area.top() + area.height() * 0.42, area.width(), area.height() * 0.58
            )

        # grid and axes
        painter.setPen(QPen(grid, 1))
        for fraction in (0.25, 0.5, 0.75, 1.0):
            y = bars.bottom() - bars.height() * fraction
            painter.drawLine(QPointF(bars.left(), y), QPointF(bars.right(), y))
        painter.setPen(QPen(text, 1))
        painter.drawLine(bars.bottomLeft(), bars.bottomRight())
        painter.setPen(muted)
        painter.drawText(
            QRectF(0, bars.top() - 8, bars.left() - 6, 16),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(top_reps),
        )
        painter.drawText(
            QRectF(0, bars.bottom() - 8, bars.left() - 6, 16),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "0",
        )
        if loads:
            painter.drawText(
                QRectF(0, band.center().y() - 8, area.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                unit,
            )

        slot = bars.width() / self.slots
        centres = [bars.left() + slot * (index + 0.5) for index in range(self.slots)]
        reps_scale = bars.height() / top_reps

        up = QColor(UP_COLOR)
        light = palette.color(QPalette.ColorRole.Window).lightness() > 128
        up_text = up.darker(135) if light else up.lighter(120)

        # bars: reps per session; empty outlined slots for the sessions to come
        bar_w = min(slot * 0.56, 64.0)
        faded = QColor(accent)
        faded.setAlphaF(0.78)
        for index, centre in enumerate(centres):
            if index < len(self.points):
                point = self.points[index]
                height = point.reps * reps_scale
                rect = QRectF(centre - bar_w / 2, bars.bottom() - height, bar_w, height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(faded)
                painter.drawRoundedRect(rect, 4, 4)
                inside = height >= 24
                painter.setPen(
                    palette.color(QPalette.ColorRole.HighlightedText) if inside else text
                )
                painter.drawText(
                    QRectF(
                        centre - slot / 2, rect.top() + 4 if inside else rect.top() - 18, slot, 16
                    ),
                    Qt.AlignmentFlag.AlignCenter,
                    str(point.reps),
                )
            else:
                future = QColor(muted)
                future.setAlpha(110)
                painter.setPen(QPen(future, 1.2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(
                    QRectF(
                        centre - bar_w / 2,
                        bars.top() + bars.height() * 0.45,
                        bar_w,
                        bars.height() * 0.55,
                    ),
                    4,
                    4,
                )
            number = self.first_number + index
            label = str(number)
            went_up = index < len(self.points) and self.points[index].went_up
            if index < len(self.points):
                day = self.points[index].day
                label = f"{number} · {short_date(day, f'{day.day} %b')}"
            painter.setPen(muted)
            if went_up:  # ▲ before the day's label, which is green too
                width = painter.fontMetrics().horizontalAdvance(label)
                marker = QPointF(centre - width / 2 - 8, bars.bottom() + 13)
                self._triangle(painter, marker, up)
                painter.setPen(up_text)
            painter.drawText(
                QRectF(centre - slot / 2 + (4 if went_up else 0), bars.bottom() + 4, slot, 18),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )

        # the load: a line over the bars, its value at each point, ▲ where it went up
        orange = QColor(LOAD_COLOR)
        if loads:
            path = QPainterPath()
            dots: list[tuple[QPointF, SessionPoint]] = []
            for index, point in enumerate(self.points):
                if point.load is None:
                    continue
                y = band.bottom() - band.height() * (point.load - floor_load) / (
                    ceil_load - floor_load
                )
                at = QPointF(centres[index], y)
                if path.elementCount() == 0:
                    path.moveTo(at)
                else:
                    path.lineTo(at)
                dots.append((at, point))
            painter.setPen(QPen(orange, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            for at, point in dots:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
                painter.setBrush(orange)
                painter.drawEllipse(at, 5.5, 5.5)
                painter.setPen(text)
                painter.drawText(
                    QRectF(at.x() - 40, at.y() - 26, 80, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    format_number(point.load or 0.0),
                )
            painter.setFont(font)

        # legend
        x = 8.0
        y = 4.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(faded)
        painter.drawRoundedRect(QRectF(x, y + 4, 14, 12), 2, 2)
        x = self._legend_text(painter, x + 20, y, tr("reps, all sets"), text)
        if loads:
            painter.setPen(QPen(orange, 3))
            painter.drawLine(QPointF(x, y + 10), QPointF(x + 18, y + 10))
            x = self._legend_text(painter, x + 24, y, tr("load ({unit})").format(unit=unit), text)
        self._triangle(painter, QPointF(x + 7, y + 10), up)
        self._legend_text(painter, x + 18, y, tr("went up"), text)

    @staticmethod
    def _legend_text(painter: QPainter, x: float, y: float, label: str, color: QColor) -> float:
        painter.setPen(color)
        width = painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(QRectF(x, y, width + 4, 20), Qt.AlignmentFlag.AlignVCenter, label)
        return x + width + 18

    @staticmethod
    def _triangle(painter: QPainter, centre: QPointF, color: QColor) -> None:
        path = QPainterPath()
        path.moveTo(centre.x(), centre.y() - 6)
        path.lineTo(centre.x() + 6.5, centre.y() + 5)
        path.lineTo(centre.x() - 6.5, centre.y() + 5)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPath(path)


class ProgrammePanel(QWidget):
    """A protocol to choose, its programme's progress, and the chart."""

    loaded = Signal()  # the chart shows the chosen protocol's sessions

    def __init__(self, history_db: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history_db = history_db
        self._items: dict[str, ProtocolProgress] = {}
        self._worker: Worker | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.addWidget(make_label(tr("Programme:"), None))
        self.choice = QComboBox()
        self.choice.setAccessibleName(tr("Protocol for the programme chart"))
        self.choice.setMinimumWidth(220)
        self.choice.currentIndexChanged.connect(self._chosen)
        row.addWidget(self.choice)
        self.progress_label = make_label("", None)
        self.progress_label.setAccessibleName(tr("Programme progress"))
        self.progress_label.setStyleSheet("font-size: 15px; font-weight: 700;")
        row.addWidget(self.progress_label)
        row.addStretch(1)
        layout.addLayout(row)
        self.chart = ProgressChart()
        layout.addWidget(self.chart)

    def set_progress(self, items: Sequence[ProtocolProgress], today: date) -> None:
        """The protocols of the history (``HistoryViewData.progress``); the chart reads
        the chosen one's sessions again."""
        chosen = self.choice.currentData()
        self._items = {item.protocol_id: item for item in items}
        self.choice.blockSignals(True)
        self.choice.clear()
        for item in items:  # the most recently trained first
            self.choice.addItem(item.protocol_name, item.protocol_id)
        index = self.choice.findData(chosen) if chosen else 0
        self.choice.setCurrentIndex(max(0, index))
        self.choice.blockSignals(False)
        self.setVisible(bool(items))
        self._chosen()

    def _chosen(self, *_args: object) -> None:
        protocol_id = self.choice.currentData()
        item = self._items.get(protocol_id) if isinstance(protocol_id, str) else None
        if item is None:
            self.chart.set_points([], 0)
            self.progress_label.setText("")
            return
        self.progress_label.setText(progress_text(item))
        self._generation += 1
        generation, path = self._generation, self._history_db
        wanted = (item.program_total or UNSCHEDULED_POINTS) * 2 + 2

        def work() -> tuple[int, list[SessionPoint]]:
            store = peek_history(path)  # read-only: the page's own store does the repairs
            if store is None:
                return generation, []
            return generation, session_points(past_sessions(store, item.protocol_id, wanted))

        if self._worker is None:
            self._worker = Worker(serial=True)
        self._worker.submit(work, lambda result: self._show(item, result), self._failed)

    def _show(self, item: ProtocolProgress, result: tuple[int, list[SessionPoint]]) -> None:
        if not isValid(self):  # deleted while the history was read
            return
        generation, points = result
        if generation != self._generation:
            return
        run = programme_run(item, points)
        self.chart.set_points(run, programme_slots(item, run))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):  # deleted while the history was read
            return
        log.info("the programme chart could not read the history: %s", error)
        self.chart.set_points([], 0)


def progress_text(item: ProtocolProgress) -> str:
    """ "Session 4 of 7 · due today" (the session just done, or the one due)."""
    parts = []
    total = item.program_total
    if total is not None:
        done = item.program_done or 0
        if done:
            parts.append(tr("session {done} of {total} done").format(done=done, total=total))
        else:
            parts.append(tr("%n session(s)", "", total))
    if item.max_gap is not None:
        parts.append(item.due_text)
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]
