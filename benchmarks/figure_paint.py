"""What one frame of the exercise figure costs, beside the progress ring's.

Renders offscreen into an image (raster, as a window without OpenGL paints): per frame,
the pose computed for the moment, then the dirty part painted. The ring is timed the same
way: a frame where only its arc moves, and a full repaint (the digits changed).

    .venv/bin/python benchmarks/figure_paint.py [--frames 300] [--size 480x284]

Figures: median and 90th percentile per frame, in microseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from glute_timer.gui.figure import ExerciseFigure
from glute_timer.gui.widgets import ProgressRing
from glute_timer.qt_compat import protect_none


def timed(frames: int, frame: Callable[[int], None]) -> tuple[float, float]:
    samples = []
    for index in range(frames):
        start = time.perf_counter()
        frame(index)
        samples.append((time.perf_counter() - start) * 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9)]


def paint(widget: QWidget, image: QImage, rect: QRect | None) -> None:
    if rect is None:
        widget.render(image, QPoint())
    else:
        widget.render(image, rect.topLeft(), QRegion(rect))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--size", default="480x284", help="the figure's size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))
    app = QApplication(["figure-paint"])
    protect_none()

    figure = ExerciseFigure()
    figure.resize(width, height)
    figure.show()
    app.processEvents()
    image = QImage(figure.size(), QImage.Format.Format_ARGB32_Premultiplied)
    rows: list[tuple[str, tuple[float, float]]] = []
    for exercise in ("glute-bridge", "barbell-hip-thrust"):
        figure.set_exercise(exercise)
        paint(figure, image, None)

        def moving(index: int) -> None:
            fraction = (index % 15) / 15  # a 1-second lift at 15 frames a second
            rect = figure.set_moment("lift", fraction)
            if rect is not None:
                paint(figure, image, rect)

        def full(index: int) -> None:
            figure.set_moment("lift", (index % 15) / 15)
            paint(figure, image, None)

        rows.append((f"figure {exercise}: a moving frame", timed(args.frames, moving)))
        rows.append((f"figure {exercise}: whole widget", timed(args.frames, full)))

    ring = ProgressRing()
    side = max(width, height)
    ring.resize(side, side)
    ring.set_colors(
        QColor("#0072B2"), QColor("#0072B2"), QColor("#D5D9E0"), QColor("#000"), QColor("#FFF")
    )
    ring.show()
    app.processEvents()
    ring_image = QImage(ring.size(), QImage.Format.Format_ARGB32_Premultiplied)
    ring.set_state(progress=0.0, digits="3", title="Hold", caption="", dimmed=False)
    paint(ring, ring_image, None)

    def arc(index: int) -> None:
        ring.set_state(
            progress=(index % 300) / 300, digits="3", title="Hold", caption="", dimmed=False
        )
        span = ring._span
        rect = ring._arc_rect(*span) if span is not None else None
        paint(ring, ring_image, rect)

    def ring_full(index: int) -> None:
        ring.set_state(
            progress=(index % 300) / 300,
            digits=str(index % 3 + 1),
            title="Hold",
            caption="",
            dimmed=False,
        )
        paint(ring, ring_image, None)

    rows.append((f"ring {side}x{side}: the arc moves", timed(args.frames, arc)))
    rows.append((f"ring {side}x{side}: whole widget", timed(args.frames, ring_full)))
    print(f"{'frame':48} {'p50 µs':>8} {'p90 µs':>8}")
    for name, (p50, p90) in rows:
        print(f"{name:48} {p50:8.0f} {p90:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
