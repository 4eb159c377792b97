"""The progress ring repaints only what moved, and that looks the same as a full paint."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QRegion
from pytestqt.qtbot import QtBot

from glute_timer.gui.widgets import ProgressRing


def render(ring: ProgressRing, image: QImage, region: QRegion | None = None) -> None:
    if region is None:
        ring.render(image, QPoint())
    else:  # the region's pixels land at the offset given, so keep them in place
        ring.render(image, region.boundingRect().topLeft(), region)


def differing_pixels(a: QImage, b: QImage) -> int:
    count = 0
    for y in range(0, a.height()):
        for x in range(0, a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(
                    abs(pa.red() - pb.red()),
                    abs(pa.green() - pb.green()),
                    abs(pa.blue() - pb.blue()),
                )
                > 24
            ):
                count += 1
    return count


def test_a_partial_repaint_matches_a_full_one(qtbot: QtBot) -> None:
    ring = ProgressRing()
    qtbot.addWidget(ring)
    ring.resize(240, 240)
    ring.set_colors(
        QColor("#0072B2"), QColor("#0072B2"), QColor("#D5D9E0"), QColor("#000"), QColor("#FFF")
    )
    ring.set_state(progress=0.30, digits="3", title="Hold", caption="", dimmed=False)
    incremental = QImage(ring.size(), QImage.Format.Format_ARGB32)
    render(ring, incremental)
    for progress in (0.32, 0.37, 0.45):
        ring.set_state(progress=progress, digits="3", title="Hold", caption="", dimmed=False)
        assert ring._span is not None, "only the moved stretch is marked for repainting"
        region = QRegion(ring._arc_rect(*ring._span))
        assert region.boundingRect().width() < ring.width() / 2
        render(ring, incremental, region)

    ring._request_full()
    full = QImage(ring.size(), QImage.Format.Format_ARGB32)
    render(ring, full)
    # A handful of edge pixels may be antialiased a shade differently where strokes join.
    assert differing_pixels(incremental, full) <= 20


def test_tiny_moves_do_not_repaint(qtbot: QtBot) -> None:
    ring = ProgressRing()
    qtbot.addWidget(ring)
    ring.resize(240, 240)
    ring.set_state(progress=0.5, digits="3", title="Hold", caption="", dimmed=False)
    ring._span, ring._full = None, False
    ring.set_state(progress=0.5001, digits="3", title="Hold", caption="", dimmed=False)
    assert ring.progress == 0.5
    assert ring._span is None
