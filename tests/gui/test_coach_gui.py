"""The coach in the window: the start panel's suggestion, the effort bar, the chart, the
settings card."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_workout import advance

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.history_model import StoredSet, Workout, new_uid
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.library import resolve_protocol
from glute_timer.core.protocol import Load, dump_protocol
from glute_timer.core.session import State
from glute_timer.gui.main_window import MainWindow


def seed(context: AppContext, sessions: list[tuple[int, str, tuple[int, ...]]]) -> None:
    """Sessions of the hip-thrust programme: (days ago, load, reps of each set)."""
    _, protocol = resolve_protocol("hip-thrust-strength")
    workouts = []
    for days_ago, load, reps in sessions:
        start = datetime.combine(date.today() - timedelta(days=days_ago), time(18))
        start_ms = round(start.timestamp() * 1000)
        ran = replace(protocol, blocks=(replace(protocol.blocks[0], load=Load(load)),))
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
                start_ms + n * 100_000,
                start_ms + n * 100_000 + 60_000,
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
                start_ms + 600_000,
                "completed",
                "",
                sets,
            )
        )
    HistoryStore(context.paths.history_db).merge(workouts)


def show_strength(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    library.select_id("pre-run")
    assert library.select_id("hip-thrust-strength")
    qtbot.waitUntil(
        lambda: (
            library.coach.coming is not None
            and library.coach.coming.protocol_id == "hip-thrust-strength"
        )
    )


def test_the_start_panel_shows_last_time_and_the_suggestion_used_by_default(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    seed(context, [(4, "40 kg", (15, 15, 14)), (2, "40 kg", (15, 15, 15))])
    show_strength(qtbot, window)
    coach = window.library.coach
    assert coach.isVisibleTo(window)
    assert coach.last_label.text().endswith("15 · 15 · 15 at 40 kg")
    assert coach.last_label.text().startswith("Last time (")
    assert coach.advice_label.text().startswith("▲ Every set reached 15: try 42.5 kg")
    assert coach.due_label.text() == "Session 3 of 7 · due today"
    assert coach.switch_button.text() == "Use as written"
    run = window.library.run_protocol()
    assert run is not None and run.blocks[0].load.text == "42.5 kg"

    coach.switch_button.click()  # one click back to the protocol as written
    run = window.library.run_protocol()
    assert run is not None and run.blocks[0].load.text == "40 kg"
    assert coach.switch_button.text() == "Use the suggestion"
    assert "not used" in coach.advice_label.text()
    coach.switch_button.click()
    run = window.library.run_protocol()
    assert run is not None and run.blocks[0].load.text == "42.5 kg"

    # The hold and reps of the run still change on top of the suggestion.
    window.library.hold_spin.setValue(5)
    run = window.library.run_protocol()
    assert run is not None and (run.blocks[0].load.text, run.blocks[0].tempo.hold) == (
        "42.5 kg",
        5,
    )

    window.library.hold_spin.setValue(3)
    window.library.start_button.click()
    qtbot.waitUntil(lambda: window.driver is not None)
    assert window.driver is not None
    assert window.driver.session.plan.protocol.blocks[0].load.text == "42.5 kg"
    assert window.workout.load_label.text() == "Load: 42.5 kg"
    assert window.workout.ring._caption == "Set 1: 42.5 kg"  # the lead-in says it


def test_a_first_time_says_so_and_offers_no_switch(qtbot: QtBot, window: MainWindow) -> None:
    show_strength(qtbot, window)
    coach = window.library.coach
    assert coach.advice_label.text().startswith("First time: the protocol as written.")
    assert not coach.switch_button.isVisibleTo(window)
    run = window.library.run_protocol()
    assert run is not None and run.blocks[0].load.text == "40 kg"


def test_run_spec_takes_the_suggestion_unless_as_written(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    seed(context, [(2, "40 kg", (15, 15, 15))])
    window.run_spec("hip-thrust-strength")
    assert window.driver is not None
    assert window.driver.session.plan.protocol.blocks[0].load.text == "42.5 kg"
    window.run_spec("hip-thrust-strength", as_written=True)
    assert window.driver.session.plan.protocol.blocks[0].load.text == "40 kg"


def test_the_effort_bar_rates_the_set_just_done_and_the_history_keeps_it(
    qtbot: QtBot, window: MainWindow, context: AppContext, clock: FakeClock
) -> None:
    window.record_history = True
    assert window.library.select_id("pre-run")
    window.library.start_button.click()
    assert window.library.planner.wait()
    QApplication.processEvents()
    page = window.workout
    assert not page.effort.isVisibleTo(window)  # the lead-in: no set yet
    advance(window, clock, 5 + 45 + 1)  # lead-in, 15 reps of 3 s, into the rest
    assert window.driver is not None
    assert window.driver.session.view().step.phase == "rest"
    assert page.effort.isVisibleTo(window)
    assert page.effort.question.text() == "How was set 1?"
    qtbot.keyClick(window, Qt.Key.Key_3)
    assert page.effort.buttons[3].isChecked()
    assert window.driver.session.completed_sets[0].effort == 3
    page.effort.buttons[2].click()  # a click changes it
    assert window.driver.session.completed_sets[0].effort == 2
    page.effort.buttons[2].click()  # and the same again takes it back
    assert window.driver.session.completed_sets[0].effort is None
    qtbot.keyClick(window, Qt.Key.Key_1)
    advance(window, clock, 30)  # the rest ends: set 2
    assert not page.effort.isVisibleTo(window)
    while window.driver.state is State.RUNNING:
        advance(window, clock, 1)
    assert page.summary_effort.isVisibleTo(window)  # the last set, on the summary
    qtbot.keyClick(window, Qt.Key.Key_3)
    assert window.driver.session.completed_sets[-1].effort == 3
    writer = window.driver.workout.history
    assert writer is not None and writer.close()
    sets = HistoryStore(context.paths.history_db).workouts()[0].sets
    assert [s.effort for s in sets] == [1, 3]


def test_the_history_page_charts_the_programme(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    seed(
        context,
        [(6, "40 kg", (15, 15, 15)), (4, "42.5 kg", (15, 13, 12)), (2, "42.5 kg", (15, 15, 15))],
    )
    window.show_page("history")
    page = window.history_view
    assert page is not None
    qtbot.waitUntil(lambda: bool(page.programme.chart.points))  # type: ignore[attr-defined]
    panel = page.programme  # type: ignore[attr-defined]
    assert panel.choice.currentText() == "Hip thrust strength"
    assert panel.progress_label.text() == "Session 3 of 7 done · due today"
    chart = panel.chart
    assert chart.slots == 7
    assert [(p.load, p.reps, p.went_up) for p in chart.points] == [
        (40.0, 45, False),
        (42.5, 40, True),
        (42.5, 45, False),
    ]
    for theme in ("light", "dark"):
        window.save_settings(window.settings.with_changes(theme=theme))
        image = chart.grab().toImage()
        assert image.width() > 200 and image.height() >= 190
        image.save(str(tmp_path / f"chart-{theme}.png"))


def test_the_settings_form_edits_steps_and_the_reminder(
    qtbot: QtBot, window: MainWindow, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    switched: list[tuple[str | None, Path | None]] = []
    monkeypatch.setattr(
        "glute_timer.gui.coach_settings.switch_reminder",
        lambda at, basedir: switched.append((at, basedir)) or f"done {at}",
    )
    window.show_page("settings")
    page = window.settings_page
    kg = page.field("load_step_kg")
    kg.setCurrentIndex(kg.findData(1.25))
    lb = page.field("load_step_lb")
    assert lb.currentText() == "5 lb"
    reminder = page.field("remind_at")
    assert not reminder.remind.isChecked() and not reminder.time.isEnabled()
    reminder.remind.setChecked(True)
    reminder.time.setTime(QTime(7, 15))
    page.flush()
    assert window.settings.load_step_kg == 1.25
    assert window.settings.remind_at == "07:15"
    qtbot.waitUntil(lambda: bool(switched))
    assert switched[-1] == ("07:15", context.basedir)
    qtbot.waitUntil(lambda: page.notes["remind_at"].text() == "done 07:15")
    reminder.remind.setChecked(False)
    page.flush()
    qtbot.waitUntil(lambda: switched[-1] == (None, context.basedir))
    assert window.settings.remind_at is None
    page.load(window.settings._replace(remind_at="21:30"))
    assert reminder.value() == "21:30" and reminder.time.isEnabled()


@pytest.mark.parametrize("size", [(1280, 800), (800, 560)])
def test_the_coach_is_never_cut_in_a_small_window(
    qtbot: QtBot, window: MainWindow, context: AppContext, size: tuple[int, int]
) -> None:
    """At the window's smallest the switch goes under the advice rather than being cut
    ("se as writte"); in a wide window it stays on the coach's line."""
    from test_new_user_bugs import clipped

    seed(context, [(4, "40 kg", (15, 15, 14)), (2, "40 kg", (15, 15, 15))])
    window.resize(*size)
    window.show()
    show_strength(qtbot, window)
    qtbot.wait(50)
    coach = window.library.coach
    assert coach.switch_button.isVisibleTo(window)
    assert clipped(window.library) == []
    button, advice = coach.switch_button, coach.advice_label
    under = (
        button.mapTo(coach, button.rect().topLeft()).y()
        > advice.mapTo(coach, advice.rect().topLeft()).y()
    )
    assert under == (size == (800, 560))
    # Nothing of the coach's text is cut either: the due line has its lines.
    due = coach.due_label
    assert due.height() >= due.heightForWidth(due.width())
