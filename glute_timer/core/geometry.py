"""Small plane geometry for the exercise figure: points, boxes and vector maths."""

from __future__ import annotations

import math
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


class Box(NamedTuple):
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def clamp(value: float) -> float:
    """``value`` within 0..1 (NaN: 0)."""
    if not value >= 0.0:  # also NaN
        return 0.0
    return 1.0 if value > 1.0 else value


def add(a: Point | tuple[float, float], b: Point | tuple[float, float]) -> Point:
    return Point(a[0] + b[0], a[1] + b[1])


def sub(a: Point, b: Point) -> Point:
    return Point(a.x - b.x, a.y - b.y)


def mul(a: Point, k: float) -> Point:
    return Point(a.x * k, a.y * k)


def unit(angle: float) -> Point:
    return Point(math.cos(angle), math.sin(angle))


def rot90(a: Point) -> Point:
    return Point(-a.y, a.x)


def norm(a: Point) -> Point:
    length = math.hypot(a.x, a.y)
    return Point(a.x / length, a.y / length) if length > 0 else Point(1.0, 0.0)


def angle_of(a: Point) -> float:
    return math.atan2(a.y, a.x)


def wrap(angle: float) -> float:
    """An angle in (-pi, pi]."""
    return math.atan2(math.sin(angle), math.cos(angle))


def inner_angle(a: Point, b: Point, c: Point) -> float:
    """The angle at ``b`` between ``b→a`` and ``b→c``, degrees."""
    first = angle_of(sub(a, b))
    second = angle_of(sub(c, b))
    return abs(math.degrees(wrap(second - first)))


def distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)
