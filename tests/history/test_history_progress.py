"""Progress on the protocol's own schedule: due, streak, programme, bests."""

from __future__ import annotations

from datetime import date, timedelta

from history_helpers import make_workout

from glute_timer.core.history_store import HistoryStore
from glute_timer.core.progress import LoadBest, pareto_bests, progress, progress_for

TODAY = date(2026, 11, 25)


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


def test_every_other_day_streak_due_and_programme(store: HistoryStore) -> None:
    store.merge([make_workout(day) for day in days_ago(6, 4, 2)])
    item = progress_for(store, "hip-thrust-strength", TODAY)
    assert item is not None
    assert (item.streak, item.best_streak, item.due) == (3, 3, "due")
    assert (item.program_done, item.program_total) == (3, 7)
    assert "session 3 of 7 done" in "\n".join(item.summary_lines())

    store.merge([make_workout(TODAY)])
    item = progress_for(store, "hip-thrust-strength", TODAY)
    assert item is not None and item.due == "done" and item.program_done == 4
    tomorrow = progress_for(store, "hip-thrust-strength", TODAY + timedelta(days=1))
    assert tomorrow is not None and tomorrow.due == "rest" and tomorrow.streak == 4
    later = progress_for(store, "hip-thrust-strength", TODAY + timedelta(days=3))
    assert later is not None and later.streak == 0 and later.best_streak == 4
    assert later.program_done == 0 and later.due == "due"


def test_one_rest_day_keeps_the_streak_two_break_it(store: HistoryStore) -> None:
    store.merge([make_workout(day) for day in days_ago(12, 9, 8, 6, 4, 2, 0)])
    item = progress_for(store, "hip-thrust-strength", TODAY)
    assert item is not None
    assert item.streak == 6  # the gap of three days before day 9 broke the first run
    assert item.best_streak == 6


def test_two_week_programme_completes_at_seven(store: HistoryStore) -> None:
    store.merge([make_workout(day) for day in days_ago(12, 10, 8, 6, 4, 2, 0)])
    item = progress_for(store, "hip-thrust-strength", TODAY)
    assert item is not None and (item.program_done, item.program_total) == (7, 7)
    store.merge([make_workout(TODAY + timedelta(days=2))])
    after = progress_for(store, "hip-thrust-strength", TODAY + timedelta(days=2))
    assert after is not None and after.program_done == 1  # a new run starts


def test_two_workouts_on_one_day_are_one_session(store: HistoryStore) -> None:
    store.merge([make_workout(TODAY), make_workout(TODAY)])
    item = progress_for(store, "hip-thrust-strength", TODAY)
    assert item is not None
    assert (item.sessions, item.workouts, item.sets, item.reps) == (1, 2, 6, 72)


def test_before_run_shows_last_done_and_how_often(store: HistoryStore) -> None:
    store.merge(
        [
            make_workout(
                day, protocol_id="pre-run", schedule="before-run", weeks=None, load="bodyweight"
            )
            for day in days_ago(40, 9, 5, 2)
        ]
    )
    item = progress_for(store, "pre-run", TODAY)
    assert item is not None
    assert item.due == "any" and item.streak == 0 and item.program_total is None
    assert item.last_day == TODAY - timedelta(days=2) and item.recent_sessions == 3
    text = "\n".join(item.summary_lines())
    assert "2 days ago" in text and "3 times in the last 30 days" in text
    assert "Streak" not in text
    assert item.load_bests == ()


def test_personal_bests(store: HistoryStore) -> None:
    store.merge(
        [
            make_workout(days_ago(6)[0], reps=15, load="40 kg"),
            make_workout(days_ago(4)[0], reps=12, load="45 kg"),
            make_workout(days_ago(2)[0], reps=10, load="42.5 kg"),  # beaten by 45 x 12
        ]
    )
    item = progress_for(store, "hip-thrust-strength", TODAY)
    assert item is not None
    assert [(b.load, b.reps) for b in item.load_bests] == [(45.0, 12), (40.0, 15)]
    assert [h.seconds for h in item.hold_bests] == [3.0]
    assert "45 kg × 12, 40 kg × 15, longest hold 3 s" in "\n".join(item.summary_lines())


def test_pareto_keeps_units_apart() -> None:
    bests = pareto_bests(
        [
            LoadBest("x", "X", 10, 100.0, "lb"),
            LoadBest("x", "X", 10, 40.0, "kg"),
            LoadBest("x", "X", 8, 40.0, "kg"),
        ]
    )
    assert [(b.load, b.unit, b.reps) for b in bests] == [(40.0, "kg", 10), (100.0, "lb", 10)]


def test_deleted_workouts_do_not_count_and_order_is_most_recent_first(
    store: HistoryStore,
) -> None:
    old = make_workout(days_ago(10)[0], protocol_id="bridge-hold", schedule="daily", weeks=None)
    recent = make_workout(days_ago(2)[0])
    wrong = make_workout(TODAY)
    store.merge([old, recent, wrong])
    store.delete_workout(wrong.uid)
    items = progress(store, TODAY)
    assert [i.protocol_id for i in items] == ["hip-thrust-strength", "bridge-hold"]
    assert items[0].sessions == 1 and items[0].due == "due"
    assert items[1].due == "due" and items[1].streak == 0
    assert items[0].to_json()["program_total"] == 7
