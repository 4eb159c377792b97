"""The workout screen: a whole preset on a fake clock, the keys, the summary."""

from __future__ import annotations

import pytest
from gui_helpers import FakeAudio, make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.pose import moving
from glute_timer.core.protocol import parse_protocol
from glute_timer.core.session import SetCompleted, State, WorkoutFinished
from glute_timer.gui.driver import SessionDriver
from glute_timer.gui.main_window import MainWindow
from glute_timer.gui.timers import (
    FIGURE_STEP_PX,
    MAX_FRAME_MS,
    MIN_FRAME_MS,
    MOVING_FRAME_MS,
    STILL_FRAME_MS,
    frame_gap,
)


def start(window: MainWindow, preset: str) -> None:
    assert window.library.select_id(preset)
    before = window.driver
    window.library.start_button.click()
    # The plan is made off the GUI thread; the workout starts when it is delivered.
    assert window.library.planner.wait()
    QApplication.processEvents()
    assert window.driver is not None and window.driver is not before
    assert window.current_page() is window.workout


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Move the clock in ticks of at most a second (a 10 s gap means the machine slept)."""
    assert window.driver is not None
    while seconds > 1e-9:
        step = min(1.0, seconds)
        clock.advance(step)
        seconds -= step
        window.driver.poll()


def run_protocol(window: MainWindow, text: str) -> SessionDriver:
    """Start the protocol file ``text`` on the window, running."""
    driver = window.start_workout(parse_protocol(text))
    assert driver is not None
    driver.start()
    return driver


def key(qtbot: QtBot, window: MainWindow, which: Qt.Key) -> None:
    qtbot.keyClick(window, which)


def test_a_whole_preset_on_a_fake_clock(
    window: MainWindow, clock: FakeClock, audio: FakeAudio
) -> None:
    # Pre-run activation: lead-in 5 s, 2 sets of 10-15 reps (to 15), 1-1-1 tempo, 30 s rest.
    start(window, "pre-run")
    page = window.workout
    assert audio.prepared, "the cues are prepared when the workout starts"
    assert page.ring.title == "Get ready"
    assert page.ring.digits == "5"
    assert page.rep_block.value.text() == "0 / 15"
    assert page.rep_block.note.text() == "range 10–15"
    assert page.set_block.value.text() == "1 / 2"
    assert page.exercise_label.text() == "Glute bridge"
    assert page.toggle_button.label() == "Pause"
    assert not page.finish_button.isEnabled()
    assert not page.load_button.isVisible()  # bodyweight
    assert page.next_label.text() == "Next: Glute bridge. Set 1 of 2"
    assert page.time_left_label.text() == "Time left 2:05"

    advance(window, clock, 2.2)
    assert page.ring.digits == "3"
    assert 0.4 < page.ring.progress < 0.5

    advance(window, clock, 2.8)  # t = 5.0: the first lift
    assert page.ring.title == "Lift"
    assert page.rep_block.value.text() == "1 / 15"
    assert page.next_label.text() == "Next: Hold (rep 1)"
    advance(window, clock, 1.0)
    assert page.ring.title == "Hold"
    advance(window, clock, 1.0)
    assert page.ring.title == "Lower"

    # Through ten reps: finishing the set early becomes possible at the range's minimum.
    advance(window, clock, 3 * 9 + 0.5)  # t = 34.5: inside rep 10's lower
    assert page.rep_block.value.text() == "10 / 15"
    assert not page.finish_button.isEnabled()
    advance(window, clock, 0.6)  # rep 10 done
    assert page.rep_block.value.text() == "11 / 15"
    assert page.finish_button.isEnabled()

    # The rest between the sets.
    advance(window, clock, 5 * 3)
    assert page.ring.title == "Rest"
    assert page.ring.digits == "30"
    assert page.set_block.value.text() == "2 / 2"  # what comes next
    assert not page.finish_button.isEnabled()
    assert page.next_label.text() == "Next: Glute bridge. Set 2 of 2. Last set"

    seen_phases = set()
    while window.driver is not None and window.driver.state is State.RUNNING:
        advance(window, clock, 0.25)
        seen_phases.add(page.ring.title)
    assert seen_phases >= {"Rest", "Lift", "Hold", "Lower"}
    assert window.driver is not None and window.driver.state is State.FINISHED
    assert page.stack.currentWidget() is page.summary
    assert page.summary_title.text() == "Workout complete"
    assert page.summary_table.rowCount() == 2
    assert page.summary_table.item(0, 0).text() == "Glute bridge"
    assert page.summary_table.item(1, 3).text() == "15 / 15"
    assert page.summary_line.text().startswith("2 sets · 30 reps")
    assert not window.driver.ticking
    assert any(isinstance(event, WorkoutFinished) for event in audio.events)


def test_the_keys_pause_resume_skip_back_finish_and_stop(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start(window, "pre-run")
    page = window.workout
    driver = window.driver
    assert driver is not None

    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.state is State.PAUSED
    assert page.toggle_button.label() == "Resume"
    assert not driver.ticking
    advance(window, clock, 30)
    assert page.ring.digits == "5", "a paused workout does not move"
    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.state is State.RUNNING
    assert page.toggle_button.label() == "Pause"

    key(qtbot, window, Qt.Key.Key_Right)  # skip the lead-in
    assert page.ring.title == "Lift"
    key(qtbot, window, Qt.Key.Key_N)
    assert page.ring.title == "Hold"
    key(qtbot, window, Qt.Key.Key_Left)  # back to the start of the rep
    assert page.ring.title == "Lift"
    assert page.rep_block.value.text() == "1 / 15"
    key(qtbot, window, Qt.Key.Key_B)  # still rep 1: the start of the set
    assert page.ring.title == "Lift"

    key(qtbot, window, Qt.Key.Key_Return)  # not allowed before 10 reps
    assert driver.session.completed_sets == ()
    advance(window, clock, 10 * 3 + 0.5)
    assert page.rep_block.value.text() == "11 / 15"
    assert page.finish_button.isEnabled()
    key(qtbot, window, Qt.Key.Key_Return)
    records = driver.session.completed_sets
    assert len(records) == 1 and records[0].reps_done == 10
    assert page.ring.title == "Rest"

    key(qtbot, window, Qt.Key.Key_Escape)
    assert driver.state is State.STOPPED
    assert page.stack.currentWidget() is page.summary
    assert page.summary_title.text() == "Workout stopped"
    assert page.summary_table.rowCount() == 1
    assert page.summary_table.item(0, 3).text() == "10 / 15"


def test_buttons_show_their_keys_and_mute_reaches_the_audio(
    qtbot: QtBot, window: MainWindow, audio: FakeAudio
) -> None:
    start(window, "pre-run")
    page = window.workout
    hints = {
        button.label(): button.key_label.text()
        for button in (
            page.toggle_button,
            page.back_button,
            page.skip_button,
            page.finish_button,
            page.stop_button,
            page.mute_button,
            page.fullscreen_button,
        )
    }
    assert hints == {
        "Pause": "Space",
        "Back": "← or B",
        "Skip": "→ or N",
        "Finish set": "Enter",
        "Stop": "Esc",
        "Mute": "M",
        "Fullscreen": "F11",
    }
    key(qtbot, window, Qt.Key.Key_M)
    assert audio.muted == [True]
    assert page.mute_button.label() == "Unmute"
    page.mute_button.click()
    assert audio.muted == [True, False]


def test_the_display_follows_the_clock_not_the_wakes(window: MainWindow, clock: FakeClock) -> None:
    start(window, "pre-run")
    driver = window.driver
    assert driver is not None
    timer = driver._timer
    assert timer.isSingleShot()
    assert timer.timerType() is Qt.TimerType.PreciseTimer
    assert timer.isActive()
    for _ in range(200):  # 200 wakes, but the clock has not moved
        timer.timeout.emit()
    assert window.workout.ring.digits == "5"
    assert window.workout.ring.progress == 0.0
    clock.advance(6.4)  # one late wake lands in the right place
    timer.timeout.emit()
    assert window.workout.ring.title == "Hold"
    assert window.workout.rep_block.value.text() == "1 / 15"


def test_the_driver_wakes_for_the_next_change_on_screen(
    window: MainWindow, clock: FakeClock
) -> None:
    # Pre-run: a 5 s lead-in ("Get ready" at 0, "3" at 2 s), then 1-1-1 reps.
    start(window, "pre-run")
    driver = window.driver
    assert driver is not None
    page = window.workout
    t0 = clock()
    # In the lead-in the figure stands still: only the ring moves, at the still rate.
    still = STILL_FRAME_MS / 1000
    assert driver.next_wake == pytest.approx(t0 + still)
    assert driver._timer.interval() == STILL_FRAME_MS

    # A frame between the seconds moves the ring and nothing else.
    clock.advance(still)
    driver._timer.timeout.emit()
    assert page.ring.progress == pytest.approx(still / 5)
    assert page.ring.digits == "5"
    assert driver.next_wake == pytest.approx(t0 + 2 * still)

    # The seconds flip on their own wake, even between two frames.
    clock.set(t0 + 0.99)
    driver._timer.timeout.emit()
    assert page.ring.digits == "5"
    assert driver.next_wake == pytest.approx(t0 + 1.0)
    clock.set(t0 + 1.0)
    driver._timer.timeout.emit()
    assert page.ring.digits == "4"
    assert page.time_left_label.text() == "Time left 2:04"

    # A step change is never postponed to the next frame: its deadline is the wake.
    clock.set(t0 + 4.995)
    driver.poll()
    assert driver.next_wake == pytest.approx(t0 + 5.0)
    assert driver._timer.interval() == 5  # rounded up: never before the moment
    clock.set(t0 + 5.0)
    driver._timer.timeout.emit()
    assert page.ring.title == "Lift"
    # The figure moves through a lift: a frame for every few pixels it moves, at least
    # ten a second, never more than the cap.
    assert driver.next_wake is not None
    gap = driver.next_wake - clock()
    assert MIN_FRAME_MS / 1000 - 1e-9 <= gap <= MOVING_FRAME_MS / 1000 + 1e-9
    assert gap == pytest.approx(MIN_FRAME_MS / 1000) or gap * page.figure.speed(
        "lift", 1.0
    ) == pytest.approx(FIGURE_STEP_PX)
    clock.set(t0 + 6.0)
    driver._timer.timeout.emit()
    assert page.ring.title == "Hold"
    # At the top it stands still again.
    assert driver.next_wake == pytest.approx(t0 + 6.0 + still)


def test_frames_keep_to_the_cap_while_a_hold_moves_the_figure(
    window: MainWindow, clock: FakeClock
) -> None:
    # A banded bridge kick kicks during its hold: the figure moves, frames at the cap.
    driver = run_protocol(
        window,
        'format = 1\nname = "Kicks"\nlead_in = 0\n[[block]]\nexercise = "banded-bridge-kick"\n'
        "sets = 1\nreps = 2\ntempo = { lift = 1, hold = 4, lower = 1 }\n",
    )
    page = window.workout
    assert moving(page.figure.exercise, "hold")
    advance(window, clock, 1.5)
    assert page.ring.title == "Hold"
    assert driver.next_wake is not None
    assert driver.frame_gap == pytest.approx(MIN_FRAME_MS / 1000)  # kicks are fast
    assert 0 < driver.next_wake - clock() <= 1.5 * driver.frame_gap + 1e-9


def test_a_long_rest_wakes_less_often(window: MainWindow, clock: FakeClock) -> None:
    start(window, "hip-thrust-strength")
    driver = window.driver
    assert driver is not None
    page = window.workout
    while page.ring.title != "Rest":
        advance(window, clock, 1.0)
    # A 90 s rest: the ring wants a frame for every two pixels it moves, which is less
    # often than the cap; the seconds flip a whole second away.
    wanted = 2.0 * 90 / page.ring.circumference()
    assert MIN_FRAME_MS / 1000 < wanted < MAX_FRAME_MS / 1000
    assert driver.frame_gap == pytest.approx(wanted)
    # The frames keep to a grid laid from the start of the rest (where the ring is empty).
    began = clock() - page.ring.progress * 90
    frame = driver.next_wake
    assert frame is not None
    assert 0.5 * wanted - 1e-9 <= frame - clock() <= 1.5 * wanted + 1e-9
    assert (frame - began) / wanted == pytest.approx(round((frame - began) / wanted))
    clock.set(frame + 0.004)  # a frame a little late shows the moment it was planned for
    driver._timer.timeout.emit()
    assert page.ring.progress == pytest.approx((frame - began) / 90)
    assert driver.next_wake == pytest.approx(frame + wanted)
    # A frame much later than planned shows the clock's moment, and the grid stays.
    late = frame + wanted + 0.05
    clock.set(late)
    driver._timer.timeout.emit()
    assert page.ring.progress == pytest.approx((late - began) / 90)
    assert driver.next_wake is not None
    assert (driver.next_wake - began) / wanted == pytest.approx(
        round((driver.next_wake - began) / wanted)
    )


def test_nothing_wakes_while_paused(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    start(window, "pre-run")
    driver = window.driver
    assert driver is not None
    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.state is State.PAUSED
    assert not driver.ticking
    assert driver.next_wake is None
    key(qtbot, window, Qt.Key.Key_Space)
    assert driver.ticking


def test_digits_are_a_quarter_of_the_window_high(window: MainWindow, clock: FakeClock) -> None:
    start(window, "bridge-hold")
    advance(window, clock, 5 + 1 + 0.5)  # into the first hold
    ring = window.workout.ring
    assert ring.title == "Hold"
    metrics = QFontMetrics(ring.digit_font())
    glyph = metrics.tightBoundingRect(ring.digits)
    assert glyph.height() >= window.height() / 4
    assert ring.digit_pixel_size() >= window.height() / 4


# The offscreen platform says so for every dialog; it is not our warning.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_loads_can_change_before_and_after_a_set(window: MainWindow, clock: FakeClock) -> None:
    start(window, "loaded-bridge-high-reps")
    page = window.workout
    driver = window.driver
    assert driver is not None
    assert page.load_button.isVisible()
    assert page.load_label.text() == "Load: 20 kg"
    page.change_load()
    page.load_dialog.amount.setValue(22.5)
    page.load_dialog.accept()
    assert driver.session.load_for(1) == "22.5 kg"
    assert page.load_label.text() == "Load: 22.5 kg"

    driver.skip()  # lead-in
    advance(window, clock, 20 * 4)  # 20 reps of 1-1-2
    assert page.ring.title == "Rest"
    page.change_load()
    dialog = page.load_dialog
    assert not dialog.correct_last.isHidden()
    dialog.amount.setValue(25)
    dialog.correct_last.setChecked(True)
    dialog.accept()
    assert driver.session.completed_sets[-1].load == "25 kg"
    assert driver.session.load_for(1) == "25 kg"


def test_starting_another_workout_stops_the_running_one(
    window: MainWindow, clock: FakeClock
) -> None:
    start(window, "pre-run")
    first = window.driver
    assert first is not None
    events: list[object] = []
    first.session.subscribe(events.append)
    window.show_page("library")
    start(window, "bridge-hold")
    assert first.state is State.STOPPED
    assert window.driver is not first


def test_fullscreen_hides_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    start(window, "pre-run")
    key(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.sidebar.isHidden()
    key(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.sidebar.isHidden()


def test_completed_sets_reach_extra_listeners(
    qtbot: QtBot, context: object, clock: FakeClock
) -> None:
    assert isinstance(context, AppContext)
    seen: list[object] = []
    win = make_window(qtbot, context, clock)
    win.session_listeners.append(seen.append)
    start(win, "pre-run")
    assert win.driver is not None
    assert win.driver.workout.protocol_id == "pre-run"
    win.driver.skip()
    advance(win, clock, 15 * 3)
    assert any(isinstance(ev, SetCompleted) for ev in seen)
    win.close()


def test_slow_display_work_does_not_make_the_next_wake_late(
    window: MainWindow, clock: FakeClock
) -> None:
    # The wake is armed for a clock reading; the time the display took is subtracted.
    start(window, "pre-run")
    driver = window.driver
    assert driver is not None
    t0 = clock()
    driver.view_changed.connect(lambda _view: clock.advance(0.03))  # 30 ms of painting
    clock.set(t0 + 0.5)
    driver.poll()  # in the lead-in: the next frame is STILL_FRAME_MS away
    assert driver.next_wake == pytest.approx(t0 + 0.5 + STILL_FRAME_MS / 1000)
    # The poll read 0.5 s; the display then took 30 ms: the timer waits the rest.
    assert driver._timer.interval() == STILL_FRAME_MS - 30


def test_frames_follow_what_moves() -> None:
    ring = 1300.0  # px round the ring
    # The figure still (a 3 s hold): the ring alone, at most STILL_FRAME_MS apart.
    assert frame_gap(3.0, 0.0, ring) == pytest.approx(STILL_FRAME_MS / 1000)
    # A 90 s rest: a frame every two pixels of the ring's end, fewer than that.
    assert frame_gap(90.0, 0.0, ring) == pytest.approx(2.0 * 90 / ring)
    assert frame_gap(90.0, 0.0, ring) > STILL_FRAME_MS / 1000
    # The figure moving fast: every FIGURE_STEP_PX (the driver keeps to its cap).
    assert frame_gap(1.0, 200.0, ring) == pytest.approx(FIGURE_STEP_PX / 200)
    # Moving slowly: still ten frames a second.
    assert frame_gap(3.0, 20.0, ring) == pytest.approx(MOVING_FRAME_MS / 1000)
    assert frame_gap(0.0, 0.0, ring) == MAX_FRAME_MS / 1000  # a step of no length


def test_a_rest_wakes_for_the_figure_only_when_it_moves(
    window: MainWindow, clock: FakeClock
) -> None:
    # A single-leg bridge stands still through a rest, then raises its free leg in the
    # last second: frames at the ring's rate, then at the figure's.
    driver = run_protocol(
        window,
        'format = 1\nname = "One leg"\nlead_in = 0\n[[block]]\n'
        'exercise = "single-leg-glute-bridge"\nsets = 2\nreps = 1\nrest = 10\n'
        "tempo = { lift = 1, hold = 0, lower = 1 }\n",
    )
    page = window.workout
    while page.ring.title != "Rest":
        advance(window, clock, 0.5)
        assert clock() < 10_000, "no rest"
    rest_began = clock()
    advance(window, clock, 3.0)
    assert driver.frame_gap >= STILL_FRAME_MS / 1000 - 1e-9
    clock.set(rest_began + 9.0)
    driver.poll()  # the last second: the leg comes up
    assert driver.frame_gap <= MOVING_FRAME_MS / 1000 + 1e-9


def test_a_workout_waits_for_its_sound_before_it_starts(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, audio: FakeAudio
) -> None:
    # Started before its sound plays (from the command line, say): it waits for it.
    text = (
        'format = 1\nname = "Short"\nlead_in = 3\n[[block]]\nexercise = "glute-bridge"\n'
        "sets = 1\nreps = 2\n"
    )
    audio.ready = False
    driver = window.start_workout(parse_protocol(text))
    assert driver is not None
    qtbot.wait(150)
    assert driver.state is State.IDLE
    audio.ready = True
    qtbot.waitUntil(lambda: driver.state is State.RUNNING, timeout=2000)
    # Sound that never gets ready holds a workout back for PREPARE_WAIT at most.
    from glute_timer.speech.cli import PREPARE_WAIT

    audio.ready = False
    again = window.start_workout(parse_protocol(text))
    assert again is not None and again is not driver
    qtbot.wait(150)
    assert again.state is State.IDLE
    clock.advance(PREPARE_WAIT)
    qtbot.waitUntil(lambda: again.state is State.RUNNING, timeout=2000)
    # Space starts it meanwhile; muted, it does not wait at all.
    third = window.start_workout(parse_protocol(text))
    assert third is not None
    key(qtbot, window, Qt.Key.Key_Space)
    assert third.state is State.RUNNING
    window.set_muted(True)
    fourth = window.start_workout(parse_protocol(text))
    assert fourth is not None and fourth.state is State.RUNNING
