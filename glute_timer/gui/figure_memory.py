"""What the exercise figure remembers of the moments it has shown (``figure.py``).

A workout's frames keep to a grid from the start of each step (``driver.py``), so every
rep at the same tempo shows the same moments. The figure keeps the pose and box of each
moment it has shown, and the body of a moment shown a second time as a picture, which
every later rep copies: stroking the body costs more than half of a frame's painting.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap

from glute_timer.core.pose import Pose

MOMENTS_KEPT = 512
"""Moments whose pose and box are remembered (all are forgotten at once past this)."""

PICTURES_BYTES = 16 * 1024 * 1024
"""The most memory the pictures of the body may take."""

Key = tuple[object, ...]


class Known:
    """A moment the figure has shown: its pose, its points in the widget and their box,
    and how many times it was asked for."""

    __slots__ = ("key", "points", "pose", "rect", "seen")

    def __init__(self, key: Key, pose: Pose, points: list[tuple[float, float]], rect: QRect):
        self.key, self.pose, self.points, self.rect, self.seen = key, pose, points, rect, 1


class Moments:
    """Known moments by key: the exercise, the side, the phase, its length and the
    fraction done (rounded to a millionth)."""

    def __init__(self) -> None:
        self._known: dict[Key, Known] = {}

    def get(self, key: Key) -> Known | None:
        known = self._known.get(key)
        if known is not None:
            known.seen += 1
        return known

    def add(self, known: Known) -> Known:
        if len(self._known) >= MOMENTS_KEPT:
            self._known.clear()
        self._known[known.key] = known
        return known

    def clear(self) -> None:
        self._known.clear()

    def __len__(self) -> int:
        return len(self._known)


class Pictures:
    """Pictures of the body by key, within PICTURES_BYTES: once full, a new moment is
    painted as before (a rep cycles through its moments, so forgetting the oldest would
    forget each just before it is wanted again)."""

    def __init__(self, budget: int = PICTURES_BYTES) -> None:
        self.budget = budget
        self.bytes = 0
        self._pictures: dict[Key, tuple[QPoint, QPixmap]] = {}

    def get(
        self, key: Key, rect: QRect, ratio: float, paint: Callable[[QPainter], None]
    ) -> tuple[QPoint, QPixmap] | None:
        """The picture for ``key``, made now (``paint`` in widget coordinates, clipped
        to ``rect``) if need be; None when it does not fit in the budget."""
        picture = self._pictures.get(key)
        if picture is not None:
            return picture
        width, height = math.ceil(rect.width() * ratio), math.ceil(rect.height() * ratio)
        size = 4 * width * height
        if rect.isEmpty() or self.bytes + size > self.budget:
            return None
        pixmap = QPixmap(width, height)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-rect.x(), -rect.y())
        paint(painter)
        painter.end()
        picture = self._pictures[key] = (rect.topLeft(), pixmap)
        self.bytes += size
        return picture

    def clear(self) -> None:
        self._pictures.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._pictures)
