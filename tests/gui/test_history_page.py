"""The History page: loads in the background, shows workouts, deletes with undo, notes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "history"))

from history_helpers import make_workout

from glute_timer.context import AppContext
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.history_view import weekly_totals
from glute_timer.gui.history_page import HistoryPage

TODAY = date.today()


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    return AppContext.create(tmp_path)


def loaded(qtbot: QtBot, context: AppContext) -> HistoryPage:
    page = HistoryPage(context)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    return page


def test_empty_history(qtbot: QtBot, context: AppContext) -> None:
    page = loaded(qtbot, context)
    assert "No workouts recorded yet" in page.summary.text()
    assert page.tree.topLevelItemCount() == 0
    assert not page.heatmap.grab().isNull()  # paints without errors
    assert not page.chart.grab().isNull()


def test_workouts_progress_and_charts(qtbot: QtBot, context: AppContext) -> None:
    store = HistoryStore(context.paths.history_db)
    store.merge([make_workout(TODAY - timedelta(days=n)) for n in (6, 4, 2)])
    page = loaded(qtbot, context)
    assert page.tree.topLevelItemCount() == 3
    newest = page.tree.topLevelItem(0)
    assert newest is not None
    assert newest.text(1) == "Hip thrust strength" and newest.text(3) == "3"
    newest.setExpanded(True)
    assert newest.childCount() == 3
    assert "Barbell hip thrust" in newest.child(0).text(1)
    assert "session 3 of 7" in page.summary.text()
    assert sum(page.heatmap.days.values()) == 9
    assert sum(v for _, v in page.chart.values) == 9  # sets per week
    page.metric_choice.setCurrentIndex(2)  # top load
    assert max(v for _, v in page.chart.values) == 40.0
    assert not page.grab().isNull()


def test_delete_with_undo_and_note(qtbot: QtBot, context: AppContext) -> None:
    store = HistoryStore(context.paths.history_db)
    keep, wrong = make_workout(TODAY - timedelta(days=2)), make_workout(TODAY)
    store.merge([keep, wrong])
    page = loaded(qtbot, context)
    assert page.select_workout(wrong.uid)
    page.delete_selected()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.tree.topLevelItemCount() == 1
    assert not page.undo_bar.isHidden()
    page.undo_delete()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.tree.topLevelItemCount() == 2
    page.set_note(keep.uid, "felt strong")
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert store.workouts()[0].note == "felt strong"
    assert page.tree.topLevelItem(1).text(5) == "felt strong"


def test_export_and_import(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    HistoryStore(context.paths.history_db).merge([make_workout(TODAY)])
    page = loaded(qtbot, context)
    assert page.export_to(tmp_path / "out.csv", "csv") == 3
    other = AppContext.create(tmp_path / "other")
    page2 = loaded(qtbot, other)
    assert page2.import_from(tmp_path / "out.csv")  # in the background
    qtbot.waitUntil(lambda: not page2.importing and not page2.loading, timeout=5000)
    assert page2.tree.topLevelItemCount() == 1
    assert "Imported 1 workout(s) and 3 set(s)" in page2.message.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("nonsense\n", encoding="utf-8")
    assert page2.import_from(bad)
    qtbot.waitUntil(lambda: not page2.importing, timeout=5000)
    assert "Nothing was imported" in page2.message.text() and "line 1" in page2.message.text()


def test_newer_database_shows_a_message(qtbot: QtBot, context: AppContext) -> None:
    import sqlite3

    HistoryStore(context.paths.history_db)
    conn = sqlite3.connect(context.paths.history_db)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    page = loaded(qtbot, context)
    assert "newer version" in page.message.text()


def test_weekly_totals_fold_days_into_weeks() -> None:
    from glute_timer.core.history_model import DayTotals

    monday = date(2026, 11, 23)
    rows = [
        DayTotals(monday, "x", "X", 3, 30, 40.0, "kg"),
        DayTotals(monday + timedelta(days=2), "x", "X", 2, 20, 45.0, "kg"),
        DayTotals(monday + timedelta(days=7), "x", "X", 1, 10, None, None),
    ]
    weeks = weekly_totals(rows)
    assert [(w.week, w.sets, w.reps, w.top_load) for w in weeks] == [
        (monday, 5, 50, 45.0),
        (monday + timedelta(days=7), 1, 10, None),
    ]


def test_showing_the_page_reloads_it(qtbot: QtBot, context: AppContext) -> None:
    from PySide6.QtGui import QShowEvent

    page = loaded(qtbot, context)
    assert page.tree.topLevelItemCount() == 0
    HistoryStore(context.paths.history_db).merge([make_workout(TODAY)])
    page.showEvent(QShowEvent())
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.tree.topLevelItemCount() == 1
