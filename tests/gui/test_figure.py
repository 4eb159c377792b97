"""The exercise figure, rendered offscreen at fixed moments: a few pixel and geometry
checks instead of reference images."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QRegion, QResizeEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from glute_timer.core.clock import FakeClock
from glute_timer.core.exercises import exercise_library
from glute_timer.core.geometry import Point
from glute_timer.core.pose import FIGURES, SCENE, Moment, moving, pose_at
from glute_timer.core.protocol import Tempo
from glute_timer.gui.figure import ASPECT, ExerciseFigure
from glute_timer.gui.theme import DARK, LIGHT, Theme, contrast
from glute_timer.gui.timers import MIN_FRAME_MS

EXERCISES = tuple(exercise_library())
SIZE = (480, 284)
MOMENTS = (("lift", 0.0), ("lift", 0.5), ("hold", 0.5), ("lower", 0.7), ("switch", 0.9))


def make(qtbot: QtBot, theme: Theme = LIGHT, **kwargs: object) -> ExerciseFigure:
    figure = ExerciseFigure(theme=theme, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(figure)
    figure.resize(*SIZE)
    return figure


def render(figure: QWidget, region: QRect | None = None, image: QImage | None = None) -> QImage:
    if image is None:
        image = QImage(figure.size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("#FF00FF"))
    if region is None:
        figure.render(image, QPoint())
    else:  # the region's pixels land at the offset given, so keep them in place
        figure.render(image, region.topLeft(), QRegion(region))
    return image


def far_from(image: QImage, x: int, y: int, color: QColor, tolerance: int = 40) -> bool:
    pixel = image.pixelColor(x, y)
    return (
        max(
            abs(pixel.red() - color.red()),
            abs(pixel.green() - color.green()),
            abs(pixel.blue() - color.blue()),
        )
        > tolerance
    )


def differing_pixels(a: QImage, b: QImage) -> int:
    return sum(
        1
        for y in range(a.height())
        for x in range(a.width())
        if far_from(a, x, y, b.pixelColor(x, y), 24)
    )


def top_of_body(image: QImage, x: int, body: QColor) -> int:
    """The highest pixel row of the body's colour in column ``x`` (the image's height
    when there is none)."""
    for y in range(image.height()):
        if not far_from(image, x, y, body, 60):
            return y
    return image.height()


def test_a_figure_for_every_exercise_paints_something(qtbot: QtBot) -> None:
    figure = make(qtbot)
    background = QColor(LIGHT.window)
    for exercise in EXERCISES:
        figure.set_exercise(exercise)
        figure.set_moment("hold", 0.5)
        image = render(figure)
        painted = sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if far_from(image, x, y, background, 12)
        )
        share = painted / (image.width() * image.height() / 4)
        assert 0.05 < share < 0.6, (exercise, share)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_hips_are_higher_at_the_top_than_at_the_bottom(qtbot: QtBot, exercise: str) -> None:
    figure = make(qtbot)
    figure.set_exercise(exercise)
    body = figure._body_color()
    tops = []
    for phase, fraction in (("lift", 0.0), ("hold", 0.5)):
        figure.set_moment(phase, fraction)
        image = render(figure)
        hip = figure.to_widget(figure.current_pose.hip)
        # The hip joint itself is painted in the body's colour ...
        assert not far_from(image, round(hip.x()), round(hip.y()), body, 60)
        # ... and the body's highest pixel above it is where the hips are.
        tops.append(top_of_body(image, round(hip.x()), body))
    bottom, top = tops
    assert bottom - top > 0.08 * figure.scale(), (exercise, tops)


def test_light_and_dark_backgrounds_differ_and_the_body_stands_out(qtbot: QtBot) -> None:
    corners = []
    for theme in (LIGHT, DARK):
        figure = make(qtbot, theme)
        figure.set_exercise("glute-bridge")
        figure.set_moment("hold", 0.0)
        image = render(figure)
        corner = image.pixelColor(2, 2)
        assert not far_from(image, 2, 2, QColor(theme.window), 2)
        corners.append(corner)
        assert contrast(figure._body_color(), QColor(theme.window)) >= 3.0
        hip = figure.to_widget(figure.current_pose.hip)
        assert not far_from(image, round(hip.x()), round(hip.y()), figure._body_color(), 60)
    assert corners[0] != corners[1]
    # set_theme switches an existing figure, and a card's background can be asked for.
    figure = make(qtbot, LIGHT)
    figure.set_theme(DARK)
    assert render(figure).pixelColor(2, 2) == QColor(DARK.window)
    figure.set_theme(DARK, background=DARK.base)
    assert render(figure).pixelColor(2, 2) == QColor(DARK.base)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_nothing_is_painted_outside_the_widget_or_cut_at_its_edges(
    qtbot: QtBot, theme: Theme
) -> None:
    figure = make(qtbot, theme)
    offset = 12
    background = QColor(theme.window)
    for exercise in EXERCISES:
        for side in (None, "left", "right"):
            figure.set_exercise(exercise, side)
            for phase, fraction in MOMENTS:
                figure.set_moment(phase, fraction)
                image = QImage(
                    SIZE[0] + 2 * offset, SIZE[1] + 2 * offset, QImage.Format.Format_ARGB32
                )
                image.fill(QColor("#FF00FF"))
                figure.render(image, QPoint(offset, offset))
                for x in range(image.width()):
                    for y in (0, offset - 1, image.height() - offset, image.height() - 1):
                        assert image.pixelColor(x, y) == QColor("#FF00FF")
                for y in range(image.height()):
                    for x in (0, offset - 1, image.width() - offset, image.width() - 1):
                        assert image.pixelColor(x, y) == QColor("#FF00FF")
                # A background margin all round: the body is never cut by the edge.
                inside = QRect(offset, offset, SIZE[0], SIZE[1])
                for x in range(inside.left(), inside.right() + 1, 3):
                    for y in (inside.top() + 1, inside.bottom() - 1):
                        assert not far_from(image, x, y, background, 8), (exercise, x, y)
                for y in range(inside.top(), inside.bottom() + 1, 3):
                    for x in (inside.left() + 1, inside.right() - 1):
                        assert not far_from(image, x, y, background, 8), (exercise, x, y)


def test_the_side_is_labelled_and_the_raised_leg_drawn_near_or_far(qtbot: QtBot) -> None:
    figure = make(qtbot)
    figure.set_exercise("single-leg-glute-bridge", "left")
    assert figure.accessibleDescription() == "Left side · right leg up"
    figure.set_moment("hold", 0.5)
    image = render(figure)
    # The raised right leg is the near one, in the body's own colour.
    toe = figure.to_widget(figure.current_pose.legs["right"].knee)
    assert not far_from(image, round(toe.x()), round(toe.y()), figure._body_color(), 40)
    figure.set_exercise("single-leg-glute-bridge", "right")
    assert figure.accessibleDescription() == "Right side · left leg up"
    image = render(figure)
    # The raised left leg is the far one, paler, and the label's text is painted.
    raised = figure.current_pose.legs["left"]
    middle = Point((raised.knee.x + raised.ankle.x) / 2, (raised.knee.y + raised.ankle.y) / 2)
    at = figure.to_widget(middle)
    assert far_from(image, round(at.x()), round(at.y()), figure._body_color(), 30)
    assert far_from(image, round(at.x()), round(at.y()), QColor(LIGHT.window), 30)
    label_area = [
        (x, y)
        for x in range(4, 200)
        for y in range(4, 30)
        if far_from(image, x, y, QColor(LIGHT.window), 60)
    ]
    assert len(label_area) > 50
    figure.set_exercise("glute-bridge", "left")  # no label for two-legged exercises
    assert figure.accessibleDescription() == ""


def test_a_partial_repaint_matches_a_full_one(qtbot: QtBot) -> None:
    figure = make(qtbot)
    figure.show()
    qtbot.waitExposed(figure)
    for exercise in ("barbell-hip-thrust", "banded-bridge-kick"):
        figure.set_exercise(exercise)
        figure.set_moment("lift", 0.2)
        incremental = render(figure)
        for phase, fraction in (("lift", 0.3), ("lift", 0.45), ("hold", 0.3), ("lower", 0.1)):
            region = figure.set_moment(phase, fraction)
            assert region is not None
            assert region.width() < figure.width() or region.height() < figure.height()
            render(figure, region, incremental)
        full = render(figure_at(qtbot, exercise, "lower", 0.1))
        assert differing_pixels(incremental, full) <= 20


def figure_at(qtbot: QtBot, exercise: str, phase: str, fraction: float) -> ExerciseFigure:
    figure = make(qtbot)
    figure.set_exercise(exercise)
    figure.set_moment(phase, fraction)
    return figure


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


@pytest.fixture
def shown(qtbot: QtBot) -> Iterator[tuple[ExerciseFigure, PaintCounter]]:
    figure = make(qtbot)
    counter = PaintCounter()
    figure.installEventFilter(counter)
    figure.show()
    qtbot.waitExposed(figure)
    qtbot.waitUntil(lambda: counter.paints > 0)
    yield figure, counter
    figure.removeEventFilter(counter)


def test_moments_that_do_not_move_the_body_do_not_repaint(
    qtbot: QtBot, shown: tuple[ExerciseFigure, PaintCounter]
) -> None:
    figure, counter = shown
    figure.set_moment("hold", 0.0)
    qtbot.waitUntil(lambda: figure._painted is not None)
    before = counter.paints
    # The whole hold, a pause and tiny steps of a lift are the same picture.
    for fraction in (0.1, 0.5, 0.9, 1.0):
        assert figure.set_moment("hold", fraction) is None
    assert figure.set_moment("lower", 0.0) is None
    figure.set_moment("pause", 0.0)
    qtbot.wait(20)
    after_pause = counter.paints
    assert after_pause - before <= 1
    assert figure.set_moment("pause", 0.7) is None
    assert figure.set_moment("lift", 0.0) is None
    assert figure.set_moment("lift", 0.001) is None
    qtbot.wait(20)
    assert counter.paints == after_pause
    assert figure.set_moment("lift", 0.3) is not None


def test_preview_loops_at_the_tempo_on_a_precise_timer_within_the_frame_cap(qtbot: QtBot) -> None:
    clock = FakeClock()
    figure = make(qtbot, clock=clock)
    figure.set_exercise("glute-bridge")
    figure.show()
    qtbot.waitExposed(figure)
    timer = figure._timer
    tempo = Tempo(lift=1.0, hold=3.0, lower=1.0, pause=0.0)
    figure.preview(tempo)
    assert figure.previewing and timer.isActive()
    assert timer.isSingleShot() and timer.interval() >= MIN_FRAME_MS
    assert figure.moment.phase == "lift" and figure.moment.fraction == 0.0
    clock.advance(0.5)
    timer.timeout.emit()
    assert figure.moment[:2] == ("lift", 0.5)
    assert timer.interval() == MIN_FRAME_MS
    clock.advance(1.0)  # 1.5 s: half way through the hold, which does not move
    timer.timeout.emit()
    assert figure.moment[:2] == ("hold", 0.5 / 3.0)
    assert timer.interval() == 2500  # sleeps until the lower starts
    clock.advance(2.5 + 0.5)
    timer.timeout.emit()
    assert figure.moment[:2] == ("lower", 0.5)
    clock.advance(5.0)  # the next rep, at the same point
    timer.timeout.emit()
    assert figure.moment[:2] == ("lower", pytest.approx(0.5))
    # Hidden, it sleeps; shown again it carries on; stopped, it stays where it is.
    figure.hide()
    assert not timer.isActive()
    figure.show()
    assert timer.isActive()
    figure.stop_preview()
    assert not figure.previewing and not timer.isActive()
    clock.advance(0.3)
    timer.timeout.emit()
    assert figure.moment[:2] == ("lower", pytest.approx(0.5))


def test_it_keeps_its_aspect_and_sizes_itself_sensibly(qtbot: QtBot) -> None:
    figure = make(qtbot)
    assert figure.hasHeightForWidth()
    assert figure.sizePolicy().hasHeightForWidth()
    hint = figure.sizeHint()
    assert hint.width() == 480 and abs(hint.width() / hint.height() - ASPECT) < 0.01
    assert figure.heightForWidth(1000) == round(1000 / ASPECT)
    assert figure.minimumSizeHint().width() >= 120
    assert pytest.approx(SCENE.width / SCENE.height) == ASPECT
    # Letterboxed in a wider box: the scene stays centred and whole.
    figure.resize(800, 284)
    left = figure.to_widget(Point(SCENE.left, SCENE.top))
    right = figure.to_widget(Point(SCENE.right, SCENE.bottom))
    assert left.y() == pytest.approx(0) and right.y() == pytest.approx(284)
    assert left.x() == pytest.approx(800 - right.x())


def test_the_scenery_is_painted_once_per_size_theme_and_exercise(qtbot: QtBot) -> None:
    figure = make(qtbot)
    figure.set_exercise("barbell-hip-thrust")
    render(figure)
    static = figure._static
    assert static is not None
    for phase, fraction in MOMENTS:
        figure.set_moment(phase, fraction)
        render(figure)
        assert figure._static is static
    figure.set_exercise("glute-bridge")
    render(figure)
    assert figure._static is not static


def test_free_text_and_every_figure_key(qtbot: QtBot) -> None:
    figure = make(qtbot)
    figure.set_exercise("Frog pumps")
    assert figure.exercise == "glute-bridge"
    figure.set_exercise("Barbell hip thrust")
    assert figure.exercise == "barbell-hip-thrust"
    assert set(EXERCISES) <= set(FIGURES)


@pytest.mark.parametrize("exercise", sorted(FIGURES))
def test_the_speed_is_how_far_the_body_moves_in_a_second(qtbot: QtBot, exercise: str) -> None:
    figure = make(qtbot)
    figure.set_exercise(exercise, "left")
    lift = figure.speed("lift", 1.0)
    # Its fastest point moves at least as far as the hips rise, in pixels a second.
    bottom = figure.to_widget(pose_at(exercise, Moment("lift", 0.0), "left").hip)
    top = figure.to_widget(pose_at(exercise, Moment("lift", 1.0), "left").hip)
    assert lift >= abs(top.y() - bottom.y())
    # A slower tempo: the same way in twice the time (its fastest second, a second at a time).
    slow = max(figure.speed("lift", 2.0, elapsed) for elapsed in (0.0, 1.0))
    assert slow == pytest.approx(lift / 2, rel=0.1)
    assert figure.speed("lower", 0.0) == 0.0
    for phase in ("hold", "rest", "lead-in", "pause"):
        seconds = [figure.speed(phase, 3.0, elapsed) for elapsed in (0.0, 1.0, 2.0)]
        assert (max(seconds) > 0) == moving(exercise, phase)
    figure.resize(SIZE[0] // 2, SIZE[1] // 2)  # as many pixels as the figure is large
    figure.resizeEvent(QResizeEvent(figure.size(), QSize(*SIZE)))
    assert figure.speed("lift", 1.0) == pytest.approx(lift / 2, rel=0.05)


def test_a_single_leg_figure_moves_only_in_the_last_second_of_a_rest(qtbot: QtBot) -> None:
    figure = make(qtbot)
    figure.set_exercise("single-leg-glute-bridge", "left")
    # Still through a 90 s rest, until it raises its free leg for the next set.
    assert figure.speed("rest", 90.0, 0.0) == 0.0
    assert figure.speed("rest", 90.0, 45.5) == 0.0
    assert figure.speed("rest", 90.0, 88.99) == 0.0
    assert figure.speed("rest", 90.0, 89.0) > 0
    assert figure.speed("rest", 90.0, 89.7) == figure.speed("rest", 90.0, 89.0)


@pytest.mark.parametrize(
    "exercise", ["barbell-hip-thrust", "single-leg-glute-bridge", "banded-bridge-kick"]
)
def test_a_moment_shown_again_is_copied_from_a_picture_that_matches_the_strokes(
    qtbot: QtBot, exercise: str
) -> None:
    tint = "#EEF3F8"  # the workout screen's phase wash
    figure = make(qtbot)
    figure.set_theme(LIGHT, tint)
    figure.set_exercise(exercise, "left")
    figure.show()
    qtbot.waitExposed(figure)
    # Two reps of a 1 s lift and a 2 s lower, frames on the same grid each time.
    frames = [("lift", k / 15, 1.0) for k in range(16)]
    frames += [("lower", k / 20, 2.0) for k in range(21)]
    checked = {("lift", 6 / 15, 1.0), ("lower", 9 / 20, 2.0), ("lower", 1.0, 2.0)}
    for rep in range(2):
        for phase, fraction, duration in frames:
            figure.set_moment(phase, fraction, duration)
            shown = render(figure)
            if rep == 0 or (phase, fraction, duration) not in checked:
                continue
            direct = make(qtbot)
            direct.set_theme(LIGHT, tint)
            direct.set_exercise(exercise, "left")
            direct.set_moment(phase, fraction, duration)
            assert differing_pixels(shown, render(direct)) <= 20
    assert figure.pictures_kept > 0
    # A new colour scheme forgets them; a moment seen once is painted stroke by stroke.
    figure.set_theme(DARK, None)
    assert figure.pictures_kept == 0
    figure.set_moment("lift", 0.123, 1.0)
    render(figure)
    assert figure.pictures_kept == 0


def test_the_pictures_keep_to_their_budget(qtbot: QtBot) -> None:
    from glute_timer.gui.figure_memory import Pictures

    painted: list[int] = []
    pictures = Pictures(budget=4 * 100 * 100 * 2)  # two pictures of 100 x 100
    for n in range(3):
        picture = pictures.get(
            ("m", n), QRect(10, 20, 100, 100), 1.0, lambda p, n=n: painted.append(n)
        )
        assert (picture is None) == (n == 2)
    assert painted == [0, 1] and len(pictures) == 2 and pictures.bytes == 80_000
    again = pictures.get(("m", 0), QRect(10, 20, 100, 100), 1.0, lambda p: painted.append(9))
    assert again is not None and again[0] == QPoint(10, 20) and painted == [0, 1]
    assert pictures.get(("e",), QRect(), 1.0, lambda p: painted.append(9)) is None
    pictures.clear()
    assert len(pictures) == 0 and pictures.bytes == 0
