"""Small widgets shared by the pages: the progress ring, cards, labelled values."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glute_timer.gui.i18n import tr


def keep_text_whole(widget: QWidget) -> None:
    """A button (or one-line label) that a layout may not squeeze below its text."""
    policy = widget.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
    widget.setSizePolicy(policy)
    widget.setMinimumWidth(widget.sizeHint().width())


def make_label(text: str = "", name: str | None = None, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


_WIDGET_SIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX: no limit


class SteadyLabel(QLabel):
    """A one-line label whose text changes often (a clock): it keeps the size of the
    widest text it has shown since its font last changed, so a new text repaints the
    label alone. A plain QLabel asks the window to lay itself out again on every new
    text, about ten times the cost of the repaint (``benchmarks/startup.py``)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._size: QSize | None = None

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)  # while the size is fixed, Qt lays nothing out
            self._fit()

    def _fit(self) -> None:
        hint = self.sizeHint()
        size = self._size
        if size is None or hint.width() > size.width() or hint.height() > size.height():
            self._size = hint if size is None else hint.expandedTo(size)
            self.setFixedSize(self._size)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Sized again from the next text on (the font is still being settled here).
            self._size = None
            self.setMinimumSize(0, 0)
            self.setMaximumSize(_WIDGET_SIZE_MAX, _WIDGET_SIZE_MAX)


def plain_spin(spin: QAbstractSpinBox) -> QAbstractSpinBox:
    """A spin box as tall as the line edits beside it.

    Spin boxes are left to the native style: a style sheet on them squeezes the text to
    one pixel when the arrows are hidden (Qt 6.12).
    """
    spin.setMinimumHeight(32)
    return spin


class _WheelToScroll(QObject):
    """Sends the mouse wheel over an unfocused spin box or combo box to the scroll area
    around it: scrolling a form never changes a value by accident. Click the field (or
    tab to it) and the wheel changes it as usual."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        parent = watched.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent.viewport(), event)
        return True  # the field keeps its value


def scroll_safe(container: QWidget) -> None:
    """Every spin box and combo box in ``container`` lets the wheel scroll the form."""
    guard = container.findChild(_WheelToScroll) or _WheelToScroll(container)
    for field in (
        *container.findChildren(QAbstractSpinBox),
        *container.findChildren(QComboBox),
    ):
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone gives no focus
        field.installEventFilter(guard)


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
        self.setAccessibleDescription(tr("Shortcut: {keys}").format(keys=keys))

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


class FlowLayout(QLayout):
    """Widgets side by side, wrapping onto the next line when the width runs out: a row
    of controls that fits the smallest window without cutting off a label."""

    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = 12, center: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._center = center  # each line centred (else from the left)
        # Qt asks for the height at a width many times in one layout pass (and in every
        # pass of the window's layout, which a label's new text starts): worked out once
        # per width until an item changes.
        self._heights: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), place=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._gap * max(
            0, len(self._visible()) - 1
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        visible = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                visible.append(item)
        return visible

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in lines within ``rect``; the height they take."""
        lines: list[list[QLayoutItem]] = [[]]
        width = 0
        for item in self._visible():
            item_width = item.sizeHint().width()
            if lines[-1] and width + self._gap + item_width > rect.width():
                lines.append([])
                width = 0
            width += item_width + (self._gap if lines[-1] else 0)
            lines[-1].append(item)
        y = rect.y()
        for line in lines:
            if not line:
                continue
            used = sum(i.sizeHint().width() for i in line) + self._gap * (len(line) - 1)
            x = rect.x() + (max(0, rect.width() - used) // 2 if self._center else 0)
            height = max(i.sizeHint().height() for i in line)
            for item in line:
                hint = item.sizeHint()
                if place:
                    item.setGeometry(QRect(x, y, hint.width(), hint.height()))
                x += hint.width() + self._gap
            y += height + self._gap
        return max(0, y - self._gap - rect.y())


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


def tabular(font: QFont) -> QFont:
    """``font`` with tabular figures (OpenType ``tnum``): every digit as wide as the
    others, so a countdown or a clock never shifts as its numbers change."""
    font = QFont(font)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


class ProgressLine(QWidget):
    """A thin bar of how much of a whole is done (the workout's progress), painted in two
    rectangles: a styled QProgressBar repaints at once, and slowly, on every value."""

    def __init__(self, parent: QWidget | None = None, maximum: int = 1000) -> None:
        super().__init__(parent)
        self._maximum = max(1, maximum)
        self._value = 0
        self._track = QColor("#E4E7EB")
        self._fill = QColor("#0072B2")
        self.setFixedHeight(8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_colors(self, track: QColor, fill: QColor) -> None:
        self._track, self._fill = QColor(track), QColor(fill)
        self.update()

    def maximum(self) -> int:
        return self._maximum

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = min(self._maximum, max(0, value))
        if value == self._value:
            return
        before, percent = self._filled_px(), self._percent()
        self._value = value
        if self._filled_px() != before:  # repainted only when a pixel changes
            self.update()
        if self._percent() != percent:
            self.setAccessibleDescription(f"{self._percent()} % done")

    def _percent(self) -> int:
        return round(100 * self._value / self._maximum)

    def _filled_px(self) -> int:
        return round(self.width() * self._value / self._maximum)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = self.height() / 2
        painter.setBrush(self._track)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        filled = self._filled_px()
        if filled > 0:
            painter.setBrush(self._fill)
            painter.drawRoundedRect(QRectF(0, 0, filled, self.height()), radius, radius)
        painter.end()


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
        self._fit = ""  # the text the digits are sized for (their widest form)
        self._color = QColor("#0072B2")
        self._title_color = QColor("#0072B2")
        self._track = QColor("#D5D9E0")
        self._text_color = QColor("#1B1D22")
        self._muted_color = QColor("#5C6370")
        self._dimmed = False
        self._full = True
        self._span: tuple[float, float] | None = None  # the part of the ring to repaint
        self._span_rect = QRectF()  # the pixels of ``_span``
        self._text_cache: dict[tuple[str, int, int, float], QPixmap] = {}
        self._background = QColor("#F6F7F9")
        self._geom: tuple[float, float, QRectF] | None = None
        self._pens: tuple[QPen, QPen] | None = None  # the arc's and the track's
        # The ring paints its own background, so Qt need not paint the page under it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.setAccessibleName(tr("Step timer"))

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    # ------------------------------------------------------------ state

    def set_colors(
        self, ring: QColor, title: QColor, track: QColor, text: QColor, background: QColor
    ) -> None:
        self._color, self._title_color, self._track, self._text_color = ring, title, track, text
        self._background = background
        self._pens = None
        self._request_full()

    def set_state(
        self,
        *,
        progress: float,
        digits: str,
        title: str,
        caption: str,
        dimmed: bool,
        fit: str = "",
    ) -> None:
        """Repaint only what changed: the texts, or the stretch of ring that moved.

        ``fit`` is the widest text the digits show in this step ("15 / 15" for a rep
        count, "00" for seconds): sized for it, they keep their size as they change."""
        if (digits, title, caption, dimmed, fit) == (
            self._digits,
            self._title,
            self._caption,
            self._dimmed,
            self._fit,
        ):
            self.set_progress(progress)
            return
        if dimmed != self._dimmed:
            self._pens = None
        self._progress = min(1.0, max(0.0, progress))
        self._digits, self._title, self._caption, self._dimmed = digits, title, caption, dimmed
        self._fit = fit
        spoken = f"{title}: {digits}" + (f", {caption}" if caption else "")
        self.setAccessibleDescription(spoken)
        self._request_full()

    def set_progress(self, progress: float) -> None:
        """Move the ring's end; repainted only when it moved by a pixel or more."""
        progress = min(1.0, max(0.0, progress))
        previous = self._progress
        if abs(progress - previous) * self.circumference() < 0.75:
            return
        self._progress = progress
        # Only the stretch of ring between the old and the new end needs painting: this
        # keeps a running workout cheap (a whole-ring repaint 20 times a second is not).
        low, high = min(previous, progress), max(previous, progress)
        if self._span is not None:
            low, high = min(low, self._span[0]), max(high, self._span[1])
        rect = self._arc_rect(low, high)
        if not self._full:
            self._span = (low, high)
            self._span_rect = QRectF(rect)
        self.update(rect)

    def _request_full(self) -> None:
        self._full = True
        self._span = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._geom = None
        self._pens = None
        self._request_full()

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

    def _geometry(self) -> tuple[float, float, QRectF]:
        """The diameter, the pen width and the ring's rectangle, kept until a resize."""
        if self._geom is None:
            d = float(max(1, min(self.width(), self.height())))
            pen = max(8.0, d * 0.045)
            side = d - pen
            rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
            self._geom = (d, pen, rect)
        return self._geom

    def _diameter(self) -> float:
        return self._geometry()[0]

    def circumference(self) -> float:
        """The length of the ring's middle line, in pixels."""
        return math.pi * self._geometry()[2].width()

    def _pen_width(self) -> float:
        return self._geometry()[1]

    def digit_font(self) -> QFont:
        font = tabular(self.font())
        font.setBold(True)
        font.setPixelSize(self.digit_pixel_size())
        return font

    def digit_pixel_size(self, text: str | None = None) -> int:
        """As large as the ring's inside allows: about half its inner diameter."""
        inner = self._diameter() - 2 * self._pen_width()
        size = inner * 0.56
        probe = tabular(self.font())
        probe.setBold(True)
        probe.setPixelSize(100)
        sample = text or max(self._fit, self._digits, "00", key=len)
        width_at_100 = QFontMetricsF(probe).horizontalAdvance(sample)
        if width_at_100 > 0:
            # A wide text ("15 / 15") is low: the circle is nearly as wide as it there.
            size = min(size, inner * 0.88 / width_at_100 * 100)
        return max(12, int(size))

    def _draw_text(
        self, painter: QPainter, rect: QRectF, text: str, pixel_size: int, color: QColor
    ) -> None:
        """Bold text centred in ``rect``, from a cache of rendered pictures.

        Glyphs this large are filled as paths on every paint, which costs milliseconds;
        the same few texts ("1", "2", "3", "Lift", "Hold") come back every rep.
        """
        ratio = self.devicePixelRatioF()
        key = (text, pixel_size, color.rgba(), ratio)
        picture = self._text_cache.get(key)
        if picture is None:
            font = tabular(self.font())
            font.setBold(True)
            font.setPixelSize(pixel_size)
            metrics = QFontMetricsF(font)
            width = max(1.0, metrics.horizontalAdvance(text)) + 4
            height = metrics.height() + 4
            picture = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            text_painter = QPainter(picture)
            text_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            text_painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            text_painter.setFont(font)
            text_painter.setPen(color)
            text_painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
            text_painter.end()
            if len(self._text_cache) > 48:
                self._text_cache.clear()
            self._text_cache[key] = picture
        size = picture.deviceIndependentSize()
        top_left = QPointF(
            rect.center().x() - size.width() / 2, rect.center().y() - size.height() / 2
        )
        painter.drawPixmap(top_left, picture)

    def _ring_rect(self) -> QRectF:
        return QRectF(self._geometry()[2])

    def _arc_rect(self, start: float, end: float) -> QRect:
        """The pixels the ring's arc covers between two progress values."""
        _d, pen, ring = self._geometry()
        radius = ring.width() / 2
        cx, cy = ring.x() + radius, ring.y() + radius
        low, high = min(start, end), max(start, end)
        # The box of an arc: its two ends, and each quarter point (the circle's leftmost,
        # rightmost, top and bottom) that lies between them.
        stops = [low, high, *(q for q in (0.25, 0.5, 0.75) if low < q < high)]
        xs = [cx + radius * math.sin(2 * math.pi * p) for p in stops]
        ys = [cy - radius * math.cos(2 * math.pi * p) for p in stops]
        margin = pen / 2 + 2
        left, top = min(xs) - margin, min(ys) - margin
        return QRectF(left, top, max(xs) + margin - left, max(ys) + margin - top).toAlignedRect()

    # ------------------------------------------------------------ painting

    def _arc_pens(self) -> tuple[QPen, QPen]:
        if self._pens is None:
            pen_w = self._pen_width()
            ring = QColor(self._color)
            if self._dimmed:
                ring.setAlphaF(0.45)
            arc = QPen(ring, pen_w)
            arc.setCapStyle(Qt.PenCapStyle.RoundCap)
            self._pens = (arc, QPen(self._track, pen_w))
        return self._pens

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d, pen_w, rect = self._geometry()
        dirty_rect = event.rect()
        dirty = QRectF(dirty_rect)
        painter.fillRect(dirty_rect, self._background)

        span = self._span
        partial = span is not None and not self._full and self._span_rect.contains(dirty)
        self._span, self._full = None, False
        arc, track = self._arc_pens()
        if partial and span is not None:
            # Stroke only the stretch that changed, a little wider than the dirty area so
            # the clip, not a cap, makes its ends.
            slack = (pen_w + 8) / (math.pi * rect.width())
            start, end = max(0.0, span[0] - slack), min(1.0, span[1] + slack)
            painter.setPen(track)
            painter.drawArc(rect, _angle(start), _span(end - start))
            if self._progress > start:
                painter.setPen(arc)
                painter.drawArc(rect, _angle(start), _span(self._progress - start))
            painter.end()
            return
        painter.setPen(track)
        painter.drawEllipse(rect)
        painter.setPen(arc)
        if self._progress > 0:
            painter.drawArc(rect, _angle(0.0), _span(self._progress))

        inner = d - 2 * pen_w
        digit_px = self.digit_pixel_size()
        title_px = max(14, int(inner * 0.095))
        caption_px = max(12, int(inner * 0.06))
        cx, cy = self.width() / 2, self.height() / 2

        digit_color = self._text_color if not self._dimmed else self._muted_color
        digits_rect = QRectF(cx - inner / 2, cy - digit_px * 0.52, inner, digit_px * 1.1)
        if dirty.intersects(digits_rect):
            self._draw_text(painter, digits_rect, self._digits, digit_px, digit_color)
        title_top = digits_rect.top() - title_px * 1.45
        title_rect = QRectF(cx - inner / 2, title_top, inner, title_px * 1.3)
        if dirty.intersects(title_rect):
            self._draw_text(painter, title_rect, self._title, title_px, self._title_color)

        font = QFont(self.font())
        if self._caption:
            font.setBold(False)
            font.setPixelSize(caption_px)
            painter.setFont(font)
            painter.setPen(self._text_color)
            caption_rect = QRectF(cx - inner / 2, digits_rect.bottom(), inner, caption_px * 1.5)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


def _angle(progress: float) -> int:
    """Qt's arc angle (1/16 degree, counter-clockwise from 3 o'clock) of a point on the
    ring that starts at 12 o'clock and fills clockwise."""
    return round((90 - progress * 360) * 16)


def _span(progress: float) -> int:
    return round(-progress * 360 * 16)


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
        self.value.setFont(tabular(self.value.font()))
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
