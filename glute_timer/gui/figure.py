"""The exercise figure: a side view of the pose from ``core/pose.py``, painted as vectors.

What does not move (the background, the floor, the mat, the bench, the side's label) is
painted once per size, theme and exercise into a pixmap; a frame copies the part of it
that changed and strokes the body over it, about twenty round-capped lines and circles.
A new moment repaints only when some point of the body moved by half a pixel or more,
and only the box around where the body was and now is.
A moment shown again is copied from a picture (``figure_memory.py``).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from glute_timer.core.geometry import Point
from glute_timer.core.pose import (
    FOOT_WIDTH,
    FOREARM_WIDTH,
    HEAD_RADIUS,
    NECK_WIDTH,
    PELVIS_RADIUS,
    SCENE,
    SHIN_WIDTH,
    THIGH_WIDTH,
    TORSO_WIDTH,
    UPPER_ARM_WIDTH,
    Arm,
    Bar,
    Leg,
    Moment,
    Pose,
    figure_id,
    moving,
    pose_at,
    preview_moment,
    preview_still_until,
)
from glute_timer.core.protocol import Tempo
from glute_timer.gui.figure_memory import Known, Moments, Pictures
from glute_timer.gui.i18n import tr
from glute_timer.gui.theme import LIGHT, OKABE_ITO, Theme, mix, readable
from glute_timer.gui.timers import MIN_FRAME_MS, TimerFactory, single_shot_timer

ASPECT = SCENE.width / SCENE.height
"""Width over height of the figure's scene; the widget keeps it (heightForWidth)."""

VISIBLE_MOVE_PX = 0.5
"""A new moment repaints only when a point of the body moves at least this far."""

SPEED_SAMPLES = 12
"""Moments of a second compared to find how fast the figure moves in it (``speed``)."""

_GAP = 0.012  # scene units of background drawn around near limbs, so they stay apart


class ExerciseFigure(QWidget):
    """A figure doing an exercise; ``set_moment`` moves it, ``preview`` loops a rep."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        theme: Theme = LIGHT,
        timer_factory: TimerFactory = single_shot_timer,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._background: str | None = None
        self._body_override: QColor | None = None
        self._exercise = figure_id("")
        self._side: str | None = None
        self._moment = Moment("pause", 0.0)
        self._pose = pose_at(self._exercise, self._moment)
        self._map: tuple[float, float, float] | None = None
        self._painted: list[tuple[float, float]] | None = None  # the body as last painted
        self._painted_pose = self._pose
        self._static: QPixmap | None = None
        self._static_key: tuple[object, ...] | None = None
        self._pens: dict[str, QPen] | None = None
        self._colors: dict[str, QColor] | None = None
        self._sprites: tuple[tuple[float, float, float], QPixmap, QPixmap] | None = None
        self._speeds: dict[tuple[object, ...], float] = {}
        self._known = Moments()
        self._current: Known | None = None  # the moment shown, when it came from _known
        self._painted_rect = QRect()  # the box of the body as last painted
        self._pictures = Pictures()
        self._clock = clock
        self._tempo: Tempo | None = None
        self._origin = 0.0
        self._timer = timer_factory(self, MIN_FRAME_MS)
        self._timer.timeout.connect(self._preview_tick)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, round(160 / ASPECT))
        self._update_accessible()

    # ------------------------------------------------------------ size

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.heightForWidth(160))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, round(width / ASPECT))

    # ------------------------------------------------------------ state

    @property
    def exercise(self) -> str:
        """The figure shown (a key of pose.FIGURES)."""
        return self._exercise

    @property
    def side(self) -> str | None:
        return self._side

    @property
    def moment(self) -> Moment:
        return self._moment

    @property
    def current_pose(self) -> Pose:
        return self._pose

    @property
    def pictures_kept(self) -> int:
        """How many moments the body is kept as a picture for (``figure_memory``)."""
        return len(self._pictures)

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme, background: str | None = None) -> None:
        """Colours from ``theme``; ``background`` (default: the theme's window colour)
        for a figure on a card (``theme.base``)."""
        if (theme, background) == (self._theme, self._background):
            return
        if theme != self._theme:
            self._pictures.clear()
        self._theme, self._background = theme, background
        self._pens = self._colors = self._sprites = None
        self._full_repaint()

    def set_body_color(self, color: QColor | None) -> None:
        """Paint the body in ``color`` (a phase's colour, say); None: the theme's."""
        if color == self._body_override:
            return
        self._body_override = QColor(color) if color is not None else None
        self._pens = self._colors = self._sprites = None
        self._pictures.clear()
        self._full_repaint()

    def set_exercise(self, exercise_id: str, side: str | None = None) -> None:
        """Show ``exercise_id`` (a library id or free text, which shows a glute bridge);
        ``side`` is the side a per-side set works ("left", "right") or None."""
        key = figure_id(exercise_id)
        if (key, side) == (self._exercise, self._side):
            return
        self._exercise, self._side = key, side
        self._pose = pose_at(key, self._moment, side)
        self._update_accessible()
        self._full_repaint()

    def set_moment(
        self, phase: str, fraction: float, duration: float | None = None
    ) -> QRect | None:
        """Move to ``fraction`` (0..1) of ``phase`` (of ``duration`` seconds, when known:
        see pose.pose). Returns the part of the widget marked for repainting: None when
        nothing moved by VISIBLE_MOVE_PX, the whole widget before the first paint."""
        return self._apply(Moment(phase, fraction, duration))

    def preview(self, tempo: Tempo) -> None:
        """Loop one rep at ``tempo`` until ``stop_preview`` (the Library's preview)."""
        self._tempo = tempo
        self._origin = self._clock()
        self._preview_tick()

    def stop_preview(self) -> None:
        """Stop the loop where it is."""
        self._tempo = None
        self._timer.stop()

    @property
    def previewing(self) -> bool:
        return self._tempo is not None

    def speed(self, phase: str, duration: float, elapsed: float = 0.0) -> float:
        """How fast the body's fastest point moves, in pixels a second, in the second of
        ``phase`` (lasting ``duration`` seconds) that ``elapsed`` is in: 0 while it stands
        still. A display that paints a frame every few pixels of it looks as smooth as
        one that paints more often; a single-leg figure, still through a rest until it
        raises its leg in the last second, needs those frames only then."""
        if duration <= 0 or not moving(self._exercise, phase):
            return 0.0
        second = min(max(0, math.floor(elapsed + 1e-3)), max(0, math.ceil(duration) - 1))
        key = (self._exercise, self._side, phase, duration, second)
        speed = self._speeds.get(key)
        if speed is None:
            start, end = second / duration, min(1.0, (second + 1) / duration)
            steps = SPEED_SAMPLES
            shapes = [
                self._pixels(
                    pose_at(
                        self._exercise,
                        Moment(phase, start + (end - start) * i / steps, duration),
                        self._side,
                    )
                )
                for i in range(steps + 1)
            ]
            fastest = max(
                math.hypot(b[0] - a[0], b[1] - a[1])
                for before, after in itertools.pairwise(shapes)
                for a, b in zip(before, after, strict=False)
            )
            speed = fastest * steps / ((end - start) * duration)
            if len(self._speeds) > 512:
                self._speeds.clear()
            self._speeds[key] = speed
        return speed

    # ------------------------------------------------------------ geometry

    def scale(self) -> float:
        """Pixels per scene unit."""
        return self._mapping()[0]

    def _mapping(self) -> tuple[float, float, float]:
        """Pixels per scene unit, and the scene's top left corner in the widget (the
        scene is centred, letterboxed); kept until a resize."""
        if self._map is None:
            s = max(1e-6, min(self.width() / SCENE.width, self.height() / SCENE.height))
            left = (self.width() - SCENE.width * s) / 2
            top = (self.height() - SCENE.height * s) / 2
            self._map = (s, left - SCENE.left * s, top + SCENE.top * s)
        return self._map

    def to_widget(self, point: Point) -> QPointF:
        """Where a scene point lands in the widget."""
        s, x0, y0 = self._mapping()
        return QPointF(x0 + point.x * s, y0 - point.y * s)

    def _pixels(self, pose: Pose) -> list[tuple[float, float]]:
        s, x0, y0 = self._mapping()
        return [(x0 + x * s, y0 - y * s) for x, y in pose.points()]

    def body_rect(self, pose: Pose | None = None) -> QRect:
        """The pixels the body of ``pose`` (default: the current one) can touch."""
        pose = pose or self._pose
        return self._rect_around(self._pixels(pose), [pose])

    def _rect_around(self, points: list[tuple[float, float]], poses: list[Pose]) -> QRect:
        s = self.scale()
        margin = (max(HEAD_RADIUS, PELVIS_RADIUS, TORSO_WIDTH / 2) + _GAP) * s + 2
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        rect = QRectF(min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin, 0)
        rect.setBottom(max(ys) + margin)
        for pose in poses:
            if pose.bar is not None and pose.bar.plate_radius > 0:
                centre = self.to_widget(pose.bar.center)
                r = pose.bar.plate_radius * s + 2
                rect = rect.united(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))
        return rect.toAlignedRect().intersected(self.rect())

    # ------------------------------------------------------------ updates

    def _apply(self, moment: Moment) -> QRect | None:
        previous, self._moment = self._moment, moment
        if (
            self._painted is not None
            and moment.phase == previous.phase
            and not moving(self._exercise, moment.phase)
        ):
            return None  # a hold or a rest the figure spends still: nothing to work out
        known = self._known_moment(moment)
        new = self._pose = known.pose
        self._current = known
        old = self._painted
        if old is None:
            self.update()
            return self.rect()
        points = known.points
        if len(points) == len(old) and all(
            abs(a[0] - b[0]) < VISIBLE_MOVE_PX and abs(a[1] - b[1]) < VISIBLE_MOVE_PX
            for a, b in zip(points, old, strict=True)
        ):
            return None
        # The old body's box and the new one's: the moments between two frames are not
        # painted, so the two cover everything that changes.
        region = self._painted_rect.united(known.rect)
        # What the screen shows once this update is painted.
        self._painted, self._painted_pose, self._painted_rect = points, new, known.rect
        self.update(region)
        return region

    def _known_moment(self, moment: Moment) -> Known:
        key = (self._exercise, self._side, moment.phase, moment.duration, round(moment.fraction, 6))
        known = self._known.get(key)
        if known is None:
            pose = pose_at(self._exercise, moment, self._side)
            points = self._pixels(pose)
            known = self._known.add(Known(key, pose, points, self._rect_around(points, [pose])))
        return known

    def _preview_tick(self) -> None:
        tempo = self._tempo
        if tempo is None:
            return
        t = self._clock() - self._origin
        self._apply(preview_moment(tempo, t))
        if not self.isVisible():
            return  # showEvent starts it again
        still = preview_still_until(self._exercise, tempo, t)
        self._timer.start(max(MIN_FRAME_MS, math.ceil(still * 1000)))

    def _full_repaint(self) -> None:
        self._static = None
        self._painted = None
        self.update()

    def _update_accessible(self) -> None:
        self.setAccessibleName(tr("Exercise figure"))
        label = self._pose.label
        self.setAccessibleDescription(label or "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pens = self._map = self._sprites = None
        self._speeds.clear()
        self._known.clear()
        self._current = None
        self._pictures.clear()
        self._full_repaint()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._tempo is not None:
            self._preview_tick()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    # ------------------------------------------------------------ colours

    def _background_color(self) -> QColor:
        return QColor(self._background or self._theme.window)

    def _body_color(self) -> QColor:
        if self._body_override is not None:
            return self._body_override
        return readable(QColor(self._theme.accent), self._background or self._theme.window, 3.0)

    def _color_set(self) -> dict[str, QColor]:
        """The moving parts' colours, worked out once per theme (``readable`` loops)."""
        if self._colors is None:
            background = self._background_color()
            body = self._body_color()
            self._colors = {
                "body": body,
                "far": mix(body, background, 0.5),
                "background": background,
                "band": readable(QColor(OKABE_ITO["vermillion"]), background.name(), 3.0),
                "pad": readable(QColor(OKABE_ITO["orange"]), background.name(), 2.0),
                "bar": QColor(self._theme.text),
                "plate": mix(background, QColor(self._theme.muted), 0.3),
                "plate-rim": QColor(self._theme.muted),
            }
        return self._colors

    def _pen_set(self) -> dict[str, QPen]:
        if self._pens is None:
            s = self.scale()
            colors = self._color_set()
            body, far, background = colors["body"], colors["far"], colors["background"]

            def pen(color: QColor, width: float) -> QPen:
                result = QPen(color, max(1.0, width * s))
                result.setCapStyle(Qt.PenCapStyle.RoundCap)
                result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                return result

            pens: dict[str, QPen] = {}
            widths = {
                "torso": TORSO_WIDTH,
                "neck": NECK_WIDTH,
                "thigh": THIGH_WIDTH,
                "shin": SHIN_WIDTH,
                "foot": FOOT_WIDTH,
                "upper": UPPER_ARM_WIDTH,
                "fore": FOREARM_WIDTH,
            }
            for name, width in widths.items():
                pens[name] = pen(body, width)
                pens["far-" + name] = pen(far, width)
                pens["gap-" + name] = pen(background, width + 2 * _GAP)
            pens["band"] = pen(colors["band"], 0.022)
            pens["plate"] = pen(colors["plate-rim"], 0.008)
            self._pens = pens
        return self._pens

    # ------------------------------------------------------------ painting

    def _static_layer(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = (
            self.width(),
            self.height(),
            ratio,
            self._theme,
            self._background,
            self._exercise,
            self._pose.label,
        )
        if self._static is None or self._static_key != key:
            pixmap = QPixmap(
                max(1, math.ceil(self.width() * ratio)), max(1, math.ceil(self.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(self._background_color())
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_scenery(painter)
            painter.end()
            self._static, self._static_key = pixmap, key
        return self._static

    def _paint_scenery(self, painter: QPainter) -> None:
        theme = self._theme
        s = self.scale()
        background = self._background_color()
        border = QColor(theme.border)
        figure = self._pose.figure
        floor_left = self.to_widget(Point(SCENE.left, 0.0))
        floor_right = self.to_widget(Point(SCENE.right, 0.0))
        if figure.mat:
            mat_color = mix(background, QColor(theme.accent), 0.22 if theme.dark else 0.12)
            a = self.to_widget(Point(SCENE.left + 0.03, 0.0))
            b = self.to_widget(Point(SCENE.right - 0.03, -0.018))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mat_color)
            painter.drawRoundedRect(QRectF(a, b), 0.01 * s, 0.01 * s)
        floor = QPen(border, max(1.0, 0.006 * s))
        floor.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(floor)
        drop = (0.018 if figure.mat else 0.003) * s  # under the mat, or under the feet
        painter.drawLine(
            QPointF(floor_left.x(), floor_left.y() + drop),
            QPointF(floor_right.x(), floor_right.y() + drop),
        )
        bench = self._pose.bench
        if bench is not None:
            self._paint_bench(painter, bench.edge, bench.depth, bench.pad)
        label = self._pose.label
        if label:
            font = QFont(self.font())
            font.setPixelSize(max(11, round(self.height() * 0.06)))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(theme.text))
            margin = max(6.0, 0.02 * s)
            painter.drawText(
                QRectF(margin, margin, self.width() - 2 * margin, self.height() / 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                label,
            )

    def _paint_bench(self, painter: QPainter, edge: Point, depth: float, pad: float) -> None:
        """A flat bench seen end on: its pad on an upright, on a foot across the floor."""
        theme = self._theme
        s = self.scale()
        background = self._background_color()
        frame = mix(QColor(theme.muted), background, 0.15)
        cushion = mix(QColor(theme.text), background, 0.45 if theme.dark else 0.25)
        middle = edge.x - depth / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(frame)
        upright = 0.028
        a = self.to_widget(Point(middle - upright / 2, edge.y - pad))
        b = self.to_widget(Point(middle + upright / 2, 0.02))
        painter.drawRect(QRectF(a, b))
        a = self.to_widget(Point(edge.x - depth - 0.01, 0.026))
        b = self.to_widget(Point(edge.x + 0.01, 0.0))
        painter.drawRoundedRect(QRectF(a, b), 0.008 * s, 0.008 * s)
        a = self.to_widget(Point(middle - 0.05, edge.y - pad + 0.004))
        b = self.to_widget(Point(middle + 0.05, edge.y - pad - 0.018))
        painter.drawRect(QRectF(a, b))
        painter.setBrush(cushion)
        a = self.to_widget(Point(edge.x - depth, edge.y))
        b = self.to_widget(Point(edge.x, edge.y - pad))
        painter.drawRoundedRect(QRectF(a, b), 0.014 * s, 0.014 * s)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        dirty = event.rect()
        static = self._static_layer()
        ratio = static.devicePixelRatio()
        source = QRectF(
            dirty.x() * ratio, dirty.y() * ratio, dirty.width() * ratio, dirty.height() * ratio
        )
        painter.drawPixmap(QRectF(dirty), static, source)
        picture = self._picture()
        if picture is not None:
            painter.drawPixmap(*picture)
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_body(painter, self._pose)
        painter.end()
        if self._painted_pose is not self._pose or self._painted is None:
            self._painted = self._pixels(self._pose)
            self._painted_rect = self._rect_around(self._painted, [self._pose])
        self._painted_pose = self._pose

    def _picture(self) -> tuple[QPoint, QPixmap] | None:
        """The body as a picture at a moment shown before; None at a moment shown once
        so far (a preview's, a full wake's) or past the pictures' budget."""
        known, pose = self._current, self._pose
        if known is None or known.pose is not pose or known.seen < 2:
            return None
        ratio = self.devicePixelRatioF()
        return self._pictures.get(
            (*known.key, self._background, ratio),
            known.rect,
            ratio,
            lambda painter: self._paint_body(painter, pose),
        )

    def _paint_body(self, painter: QPainter, pose: Pose) -> None:
        pens = self._pen_set()
        s = self.scale()
        at = self.to_widget
        colors = self._color_set()
        body = colors["body"]
        bar = pose.bar
        sprites = self._bar_sprites(bar) if bar is not None else None
        if bar is not None and sprites is not None:
            # The far plate, behind the body; the near one is only outlined, in front.
            self._draw_sprite(painter, sprites[0], at(bar.center))

        arm = pose.arm
        behind = pose.figure.arms in ("floor", "bench")
        if behind:
            # Arms along the sides on the floor, or out along the bench: the far one
            # shows past the body.
            self._paint_arm(painter, arm, "far-")
        # The far leg, when it is not hidden behind the near one.
        far, near = pose.far, pose.near
        if far != near:
            self._paint_leg(painter, far, "far-")
        # Torso, neck and head.
        painter.setPen(pens["neck"])
        painter.drawLine(at(pose.shoulder), at(pose.head))
        painter.setPen(pens["torso"])
        painter.drawLine(at(pose.shoulder), at(pose.hip))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(body)
        painter.drawEllipse(at(pose.head), HEAD_RADIUS * s, HEAD_RADIUS * s)
        self._paint_leg(painter, near, "")
        band = pose.band
        if band is not None:
            painter.setPen(pens["band"])
            painter.drawLine(at(band[0]), at(band[1]))
        if not behind:
            # Hands on the bar: the near arm, in front of the torso and
            # set off from it by a thin line of background.
            self._paint_arm(painter, arm, "gap-")
            self._paint_arm(painter, arm, "")
        if bar is not None and sprites is not None:
            self._draw_sprite(painter, sprites[1], at(bar.center))

    def _bar_sprites(self, bar: Bar) -> tuple[QPixmap, QPixmap]:
        """The far plate's disc, and the near plate's rim with the pad and the bar: two
        pictures a frame only copies (large antialiased circles are slow to fill)."""
        key = (bar.plate_radius, bar.pad_radius, bar.bar_radius)
        if self._sprites is None or self._sprites[0] != key:
            s = self.scale()
            colors = self._color_set()
            pens = self._pen_set()
            ratio = self.devicePixelRatioF()
            plate = bar.plate_radius * s
            size = math.ceil(2 * max(plate, bar.pad_radius * s) + 4)

            def sprite(paint: Callable[[QPainter, QPointF], None]) -> QPixmap:
                pixmap = QPixmap(math.ceil(size * ratio), math.ceil(size * ratio))
                pixmap.setDevicePixelRatio(ratio)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                paint(painter, QPointF(size / 2, size / 2))
                painter.end()
                return pixmap

            def far(painter: QPainter, centre: QPointF) -> None:
                if plate > 0:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colors["plate"])
                    painter.drawEllipse(centre, plate, plate)

            def near(painter: QPainter, centre: QPointF) -> None:
                if plate > 0:
                    painter.setPen(pens["plate"])
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(centre, plate, plate)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors["pad"])
                painter.drawEllipse(centre, bar.pad_radius * s, bar.pad_radius * s)
                painter.setBrush(colors["bar"])
                painter.drawEllipse(centre, bar.bar_radius * s, bar.bar_radius * s)

            self._sprites = (key, sprite(far), sprite(near))
        return self._sprites[1], self._sprites[2]

    @staticmethod
    def _draw_sprite(painter: QPainter, sprite: QPixmap, centre: QPointF) -> None:
        size = sprite.deviceIndependentSize()
        painter.drawPixmap(
            QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), sprite
        )

    def _paint_arm(self, painter: QPainter, arm: Arm, prefix: str) -> None:
        pens = self._pen_set()
        at = self.to_widget
        start = arm.shoulder
        if prefix == "gap-":
            # Not round the shoulder itself, where the arm leaves the torso.
            start = _towards(arm.shoulder, arm.elbow, TORSO_WIDTH / 2)
        painter.setPen(pens[prefix + "upper"])
        painter.drawLine(at(start), at(arm.elbow))
        painter.setPen(pens[prefix + "fore"])
        painter.drawLine(at(arm.elbow), at(arm.wrist))
        painter.drawLine(at(arm.wrist), at(arm.hand))

    def _paint_leg(self, painter: QPainter, leg: Leg, prefix: str) -> None:
        pens = self._pen_set()
        at = self.to_widget
        painter.setPen(pens[prefix + "thigh"])
        painter.drawLine(at(leg.hip), at(leg.knee))
        painter.setPen(pens[prefix + "shin"])
        painter.drawLine(at(leg.knee), at(leg.ankle))
        painter.setPen(pens[prefix + "foot"])
        painter.drawLine(at(leg.heel), at(leg.toe))
        painter.drawLine(at(leg.ankle), at(leg.heel))


def _towards(a: Point, b: Point, length: float) -> Point:
    """The point ``length`` from ``a`` towards ``b`` (``b`` when it is nearer)."""
    dx, dy = b.x - a.x, b.y - a.y
    d = math.hypot(dx, dy)
    if d <= length:
        return b
    return Point(a.x + dx / d * length, a.y + dy / d * length)
