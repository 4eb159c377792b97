"""Render the app's main screens to PNG files, in the light and the dark theme.

    python tools/screenshots.py [--out docs/screenshots] [--size 1280x800]
                                [--figure-size 480x284] [--only screens|figures]

The Library and the workout screen are also rendered in German (``library-de.png``,
``workout-de.png``), to be looked at for clipped text. Besides the screens, each exercise's
figure at the start of the lift and in the middle
of the hold: ``figure-<exercise id>-bottom.png`` and ``figure-<exercise id>-top.png``
(``-dark`` added for the dark theme). One-sided exercises are shown on a per-side set
with the moving leg near us.

Runs offscreen (no display needed) on a fake clock and a throwaway data folder, so the
pictures are the same on every machine and nothing of yours is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.exercises import exercise_library
from glute_timer.core.pose import FIGURES
from glute_timer.core.settings import Settings
from glute_timer.gui.app import make_application
from glute_timer.gui.figure import ExerciseFigure
from glute_timer.gui.keep_awake import ScreenAwake
from glute_timer.gui.main_window import MainWindow
from glute_timer.gui.theme import DARK, LIGHT


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    assert window.driver is not None
    while seconds > 1e-9:
        step = min(1.0, seconds)
        clock.advance(step)
        seconds -= step
        window.driver.poll()


def start_workout(window: MainWindow) -> None:
    """Start the selected protocol and wait for it: the plan is made off the GUI thread."""
    lib = window.library
    if not lib.coach.isHidden():  # the coach's view, for the summary's "Next time"
        wait_for(lambda: lib.coach.coming is not None)
    lib.start_current()
    lib.planner.wait()
    QApplication.processEvents()


def library(window: MainWindow, clock: FakeClock) -> None:
    window.library.select_id("hip-thrust-strength")


def workout(window: MainWindow, clock: FakeClock) -> None:
    """Set 2 of 3, rep 6, in the middle of a 10-second hold."""
    lib = window.library
    lib.select_id("hip-thrust-strength")
    lib.hold_spin.setValue(10)
    start_workout(window)
    driver = window.driver
    assert driver is not None
    driver.skip()  # the lead-in
    advance(window, clock, 13 * 15)  # set 1: 15 reps of 1 + 10 + 2 seconds
    driver.skip()  # the rest
    advance(window, clock, 13 * 5 + 1 + 2.6)  # rep 6: lift, then into the hold


def workout_reps(window: MainWindow, clock: FakeClock) -> None:
    """Set 1 of 2, rep 6 of 15, on the way up: the rep count in the big digits."""
    window.library.select_id("pre-run")
    start_workout(window)
    driver = window.driver
    assert driver is not None
    driver.skip()  # the lead-in
    advance(window, clock, 3 * 5 + 0.6)  # 5 reps of 1 + 1 + 1 seconds, then into the lift


def editor(window: MainWindow, clock: FakeClock) -> None:
    window.library.select_id("no-equipment-burn")
    window.library.edit_button.click()
    window.editor.block_list.setCurrentRow(1)


def editor_validation(window: MainWindow, clock: FakeClock) -> None:
    editor(window, clock)
    window.editor.reps_edit.setText("12-8")
    window.editor.hold_spin.setValue(900)


def settings(window: MainWindow, clock: FakeClock) -> None:
    window.show_page("settings")
    window.settings_page.set_voices(
        [("en-us", "English (America)"), ("en-gb", "English (Great Britain)")]
    )


def summary(window: MainWindow, clock: FakeClock) -> None:
    """The end of a workout: the completed sets, one of them finished early."""
    window.library.select_id("no-equipment-burn")
    start_workout(window)
    driver = window.driver
    assert driver is not None
    advance(window, clock, 5 + 45 + 30)  # lead-in, 15 bridges, the rest
    advance(window, clock, 3 * 10)  # 10 single-leg bridges on the left...
    driver.finish_set()  # ...and that is enough
    while driver.state.value == "running":
        advance(window, clock, 1)


def seed_history(window: MainWindow) -> None:
    """Three sessions of the hip-thrust programme, every other day up to two days ago:
    40 kg with every set at 15, then 42.5 kg with two sets short, then 42.5 kg at 15."""
    from dataclasses import replace
    from datetime import date, datetime, time, timedelta

    from glute_timer.core.history_model import StoredSet, Workout, new_uid
    from glute_timer.core.history_store import HistoryStore
    from glute_timer.core.library import resolve_protocol
    from glute_timer.core.protocol import Load, dump_protocol

    _, protocol = resolve_protocol("hip-thrust-strength")
    sessions = (
        (6, "40 kg", (15, 15, 15)),
        (4, "42.5 kg", (15, 13, 12)),
        (2, "42.5 kg", (15, 15, 15)),
    )
    workouts = []
    for days_ago, load, reps in sessions:
        start = datetime.combine(date.today() - timedelta(days=days_ago), time(18, 0))
        start_ms = round(start.timestamp() * 1000)
        block = replace(protocol.blocks[0], load=Load(load))
        ran = replace(protocol, blocks=(block,))
        sets = tuple(
            StoredSet(
                n,
                1,
                n + 1,
                None,
                "barbell-hip-thrust",
                "Barbell hip thrust",
                15,
                10,
                15,
                done,
                3.0,
                load,
                start_ms + n * 150_000,
                start_ms + n * 150_000 + 90_000,
                2,
            )
            for n, done in enumerate(reps)
        )
        workouts.append(
            Workout(
                new_uid(),
                "hip-thrust-strength",
                protocol.name,
                protocol.schedule,
                protocol.program_weeks,
                dump_protocol(ran),
                start_ms,
                start_ms + 480_000,
                "completed",
                "",
                sets,
            )
        )
    HistoryStore(window.context.paths.history_db).merge(workouts)


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    import time as clock

    deadline = clock.monotonic() + timeout
    while not condition() and clock.monotonic() < deadline:
        QApplication.processEvents()
        clock.sleep(0.01)


def coach_library(window: MainWindow, clock: FakeClock) -> None:
    """The start panel after three sessions: last time, and the coach's suggestion."""
    seed_history(window)
    window.library.select_id("hip-thrust-strength")
    wait_for(lambda: window.library.coach.coming is not None)


def coach_rest(window: MainWindow, clock: FakeClock) -> None:
    """The rest after set 1 of the suggested 45 kg: the next set's load, the effort bar."""
    coach_library(window, clock)
    start_workout(window)
    driver = window.driver
    assert driver is not None
    driver.skip()  # the lead-in
    advance(window, clock, 6 * 15 + 20)  # set 1: 15 reps of 1 + 3 + 2 seconds, 20 s of rest
    window.workout.effort.choose(2)


def coach_history(window: MainWindow, clock: FakeClock) -> None:
    """The History page's programme chart."""
    seed_history(window)
    window.show_page("history")
    wait_for(
        lambda: (
            window.history_view is not None
            and getattr(window.history_view, "data", None) is not None
        )
    )
    page = window.history_view
    wait_for(lambda: bool(page.programme.chart.points))  # type: ignore[union-attr]


SHOTS: dict[str, Callable[[MainWindow, FakeClock], None]] = {
    "library": library,
    "workout": workout,
    "workout-reps": workout_reps,
    "editor": editor,
    "editor-validation": editor_validation,
    "settings": settings,
    "summary": summary,
    "coach-library": coach_library,
    "coach-rest": coach_rest,
    "coach-history": coach_history,
}


FIGURE_MOMENTS = {"bottom": ("lift", 0.0), "top": ("hold", 0.5)}
"""The start of the lift, and the middle of the hold (a bridge kick's leg is out)."""

FIGURE_SIDES = {"single": "left", "kick": "right"}
"""The per-side set shown: the raised (kicking) leg is then the near one."""


def render_figures(out: Path, size: tuple[int, int], themes: list[str]) -> list[Path]:
    app = make_application(["screenshots"])
    written = []
    for theme in themes:
        for exercise in exercise_library():
            figure = ExerciseFigure(theme=DARK if theme == "dark" else LIGHT)
            figure.set_exercise(exercise, FIGURE_SIDES.get(FIGURES[exercise].legs))
            figure.resize(*size)
            for name, (phase, fraction) in FIGURE_MOMENTS.items():
                figure.set_moment(phase, fraction)
                suffix = "-dark" if theme == "dark" else ""
                path = out / f"figure-{exercise}-{name}{suffix}.png"
                figure.grab().save(str(path))
                written.append(path)
            figure.deleteLater()
            settle(app)
    return written


IN_LANGUAGES = {"de": ("library", "workout")}
"""Screens also rendered in another language (``library-de.png``), to look for clipping."""


def render_languages(out: Path, size: tuple[int, int], only: list[str] | None = None) -> list[Path]:
    """The screens of ``IN_LANGUAGES`` in their language (light theme), then English again."""
    from glute_timer.core import i18n
    from glute_timer.gui.i18n import install_translators

    make_application(["screenshots"])
    written = []
    for code, names in IN_LANGUAGES.items():
        i18n.activate(code)
        install_translators(code)
        try:
            shots = [name for name in names if not only or name in only]
            written += render(out, size, ["light"], shots, suffix=f"-{code}")
        finally:
            i18n.activate(i18n.SOURCE_LANGUAGE)
            install_translators(i18n.SOURCE_LANGUAGE)
    return written


def render(
    out: Path,
    size: tuple[int, int],
    themes: list[str],
    only: list[str] | None = None,
    suffix: str = "",
) -> list[Path]:
    app = make_application(["screenshots"])
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for theme in themes:
            for name, prepare in SHOTS.items():
                if only and name not in only:
                    continue
                context = AppContext.create(Path(tmp) / f"{theme}-{name}")
                context.settings = Settings(theme=theme, keep_awake=False)
                clock = FakeClock()
                window = MainWindow(
                    context,
                    clock=clock,
                    wall_clock=clock.wall,
                    audio=None,
                    screen_awake=ScreenAwake(platform="screenshots"),
                    load_voices=False,
                )
                window.confirm = lambda *args: True  # type: ignore[method-assign]
                window.resize(*size)
                window.show()
                settle(app)
                prepare(window, clock)
                settle(app)
                path = out / (f"{name}{suffix}.png" if suffix else f"{name}-{theme}.png")
                window.grab().save(str(path))
                written.append(path)
                window.close()
                window.deleteLater()
                settle(app)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--figure-size", default="480x284", help="figures, WIDTHxHEIGHT")
    parser.add_argument("--theme", choices=["light", "dark", "both"], default="both")
    parser.add_argument("--only", choices=["screens", "figures"], help="one kind only")
    parser.add_argument("--shots", nargs="*", help="only these screens (e.g. coach-library)")
    args = parser.parse_args(argv)
    themes = ["light", "dark"] if args.theme == "both" else [args.theme]
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    if args.only != "figures":
        written += render(args.out, size_of(args.size), themes, args.shots)
        written += render_languages(args.out, size_of(args.size), args.shots)
    if args.only != "screens":
        written += render_figures(args.out, size_of(args.figure_size), themes)
    for path in written:
        print(path)
    return 0


def size_of(text: str) -> tuple[int, int]:
    width, height = (int(part) for part in text.lower().split("x"))
    return width, height


if __name__ == "__main__":
    raise SystemExit(main())
