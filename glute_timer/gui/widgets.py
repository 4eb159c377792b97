"""Small widgets shared by the pages: the progress ring, cards, labelled values."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def countdown_text(seconds: float) -> str:
    """What a countdown shows: the whole seconds still to go ("3" for 2.3 s), m:ss from 60."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole < 60:
        return str(whole)
    minutes, secs = divmod(whole, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def make_label(text: str = "", name: str | None = None, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def plain_spin(spin: QAbstractSpinBox) -> QAbstractSpinBox:
    """A spin box as tall as the line edits beside it.

    Spin boxes are left to the native style: a style sheet on them squeezes the text to
    one pixel when the arrows are hidden (Qt 6.12).
    """
    spin.setMinimumHeight(32)
    return spin


class KeyButton(QPushButton):
    """A button showing its action and, smaller beneath it, its keyboard shortcut."""

    def __init__(self, text: str, keys: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("control")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(0)
        self.main_label = QLabel(text)
        self.main_label.setObjectName("keyMain")
        self.key_label = QLabel(keys)
        self.key_label.setObjectName("keyHint")
        for label in (self.main_label, self.key_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setMinimumHeight(58)
        self._keys = keys
        self.setAccessibleDescription(f"Shortcut: {keys}")

    def label(self) -> str:
        return self.main_label.text()

    def set_label(self, text: str) -> None:
        if self.main_label.text() != text:
            self.main_label.setText(text)
            self.setAccessibleName(text)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize(80, 40)
        return QSize(max(96, hint.width() + 8), max(58, hint.height()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class Card(QFrame):
    """A rounded panel; ``layout`` is a vertical layout to fill."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 16, 18, 16)
        self.body.setSpacing(spacing)

    def add(self, item: QWidget | QLayout) -> None:
        if isinstance(item, QWidget):
            self.body.addWidget(item)
        else:
            self.body.addLayout(item)


class ProgressRing(QWidget):
    """The current step: a ring that fills clockwise, the phase name and huge digits inside.

    Sizes follow the widget, so the page decides how big it is; ``digit_pixel_size`` is
    what the digits actually get.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress = 0.0
        self._digits = ""
        self._title = ""
        self._caption = ""
        self._color = QColor("#0072B2")
        self._title_color = QColor("#0072B2")
        self._track = QColor("#D5D9E0")
        self._text_color = QColor("#1B1D22")
        self._muted_color = QColor("#5C6370")
        self._dimmed = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.setAccessibleName("Step timer")

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    # ------------------------------------------------------------ state

    def set_colors(self, ring: QColor, title: QColor, track: QColor, text: QColor) -> None:
        self._color, self._title_color, self._track, self._text_color = ring, title, track, text
        self.update()

    def set_state(
        self, *, progress: float, digits: str, title: str, caption: str, dimmed: bool
    ) -> None:
        """Repaint only when something visible changed (the ring moves by a pixel or more)."""
        progress = min(1.0, max(0.0, progress))
        text_changed = (digits, title, caption, dimmed) != (
            self._digits,
            self._title,
            self._caption,
            self._dimmed,
        )
        circumference = math.pi * self._diameter()
        moved = abs(progress - self._progress) * circumference >= 0.75
        if not (text_changed or moved):
            return
        self._progress = progress
        if text_changed:
            self._digits, self._title, self._caption, self._dimmed = digits, title, caption, dimmed
            spoken = f"{title}: {digits}" + (f", {caption}" if caption else "")
            self.setAccessibleDescription(spoken)
        self.update()

    @property
    def digits(self) -> str:
        return self._digits

    @property
    def title(self) -> str:
        return self._title

    @property
    def progress(self) -> float:
        return self._progress

    # ------------------------------------------------------------ geometry

    def _diameter(self) -> float:
        return float(max(1, min(self.width(), self.height())))

    def _pen_width(self) -> float:
        return max(8.0, self._diameter() * 0.045)

    def digit_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(self.digit_pixel_size())
        return font

    def digit_pixel_size(self, text: str | None = None) -> int:
        """As large as the ring's inside allows: about half its inner diameter."""
        inner = self._diameter() - 2 * self._pen_width()
        size = inner * 0.56
        probe = QFont(self.font())
        probe.setBold(True)
        probe.setPixelSize(100)
        width_at_100 = QFontMetricsF(probe).horizontalAdvance(text or self._digits or "00")
        if width_at_100 > 0:
            size = min(size, inner * 0.80 / width_at_100 * 100)
        return max(12, int(size))

    # ------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self._diameter()
        pen_w = self._pen_width()
        side = d - pen_w
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

        track = QPen(self._track, pen_w)
        painter.setPen(track)
        painter.drawEllipse(rect)
        ring = QColor(self._color)
        if self._dimmed:
            ring.setAlphaF(0.45)
        arc = QPen(ring, pen_w)
        arc.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        span = round(-self._progress * 360 * 16)
        if span:
            painter.drawArc(rect, 90 * 16, span)

        inner = d - 2 * pen_w
        digit_px = self.digit_pixel_size()
        title_px = max(14, int(inner * 0.095))
        caption_px = max(12, int(inner * 0.06))
        cx, cy = self.width() / 2, self.height() / 2

        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(digit_px)
        painter.setFont(font)
        painter.setPen(self._text_color if not self._dimmed else self._muted_color)
        digits_rect = QRectF(cx - inner / 2, cy - digit_px * 0.52, inner, digit_px * 1.1)
        painter.drawText(digits_rect, Qt.AlignmentFlag.AlignCenter, self._digits)

        font.setPixelSize(title_px)
        painter.setFont(font)
        painter.setPen(self._title_color)
        title_top = digits_rect.top() - title_px * 1.45
        title_rect = QRectF(cx - inner / 2, title_top, inner, title_px * 1.3)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self._title)

        if self._caption:
            font.setBold(False)
            font.setPixelSize(caption_px)
            painter.setFont(font)
            painter.setPen(self._text_color)
            caption_rect = QRectF(cx - inner / 2, digits_rect.bottom(), inner, caption_px * 1.5)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


class StatBlock(QWidget):
    """A caption ("REP") over a big value ("5 / 15") and a small note ("range 10–15")."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = make_label(caption.upper(), "muted")
        self.value = make_label("–")
        self.note = make_label("", "muted")
        for label in (self.caption, self.value, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.value.setAccessibleName(caption)
        self._value_px = 40
        self.set_scale(40)

    def set_scale(self, value_px: int) -> None:
        self._value_px = value_px
        self.value.setStyleSheet(f"font-size: {value_px}px; font-weight: 700;")
        self.caption.setStyleSheet(f"font-size: {max(12, value_px // 3)}px; letter-spacing: 1px;")
        self.note.setStyleSheet(f"font-size: {max(12, int(value_px * 0.4))}px;")

    def set(self, value: str, note: str = "") -> None:
        if self.value.text() != value:
            self.value.setText(value)
        if self.note.text() != note:
            self.note.setText(note)
