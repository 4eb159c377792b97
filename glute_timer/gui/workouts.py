"""The window's workouts: starting one, following it, asking before ending it.

Every workout is assembled by :class:`glute_timer.workout.Workout`, as in the terminal;
this only adds the window's side: the driver and the workout screen, the sidebar's status,
keeping the screen awake, and the questions a user should be asked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from glute_timer.core.i18n import localise_numbers
from glute_timer.core.plan import Plan
from glute_timer.core.protocol import Protocol
from glute_timer.core.session import Delayed, Event, State, Suspended, WorkoutFinished
from glute_timer.gui.i18n import tr

if TYPE_CHECKING:
    from glute_timer.core.coach import NextSession
    from glute_timer.gui.driver import SessionDriver
    from glute_timer.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class WindowWorkouts:
    """The workout that runs in the window (one at a time)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.driver: SessionDriver | None = None
        self._last: tuple[Protocol, str, Plan] | None = None

    @property
    def running(self) -> bool:
        """A workout is running or paused."""
        return self.driver is not None and self.driver.state in (State.RUNNING, State.PAUSED)

    def start(
        self,
        protocol: Protocol,
        protocol_id: str = "custom",
        plan: Plan | None = None,
        coming: NextSession | None = None,
    ) -> SessionDriver | None:
        """Start ``protocol``. The Library hands over the ``plan`` it made off this thread;
        without one (a caller of this method) it is made here. ``coming`` is the coach's
        view of the protocol's next session (the summary tells what comes after this one)."""
        window = self.window
        if self.running and not window.confirm(
            tr("Stop the running workout?"),
            tr("A workout is running. Stop it and start this one?"),
            tr("Stop and start"),
        ):
            return None
        from glute_timer.core.plan import build_plan
        from glute_timer.gui.driver import SessionDriver
        from glute_timer.workout import Workout

        if plan is None or plan.protocol != protocol:
            try:
                plan = build_plan(protocol)
            except ValueError as exc:  # too big to plan (ProtocolError)
                window.show_banner(str(exc))
                return None
        self.end()
        window.sound.prepare()
        try:
            workout = Workout(
                window.context,
                plan,
                protocol_id,
                clock=window.clock,
                wall_clock=window.wall_clock,
                audio=window.sound.audio,
                record=window.record_history,
                on_message=window.history_message.emit,
                listeners=[
                    *((f"extra-{n}", extra) for n, extra in enumerate(window.session_listeners)),
                    ("window", self._on_event),
                ],
            )
        except Exception as exc:  # a broken sound or history must not stop the app
            log.exception("the workout could not be assembled")
            window.show_banner(tr("The workout could not start: {error}").format(error=exc))
            return None
        driver = SessionDriver(
            workout, window.clock, timer_factory=window.timer_factory, parent=window
        )
        self.driver = driver
        self._last = (protocol, protocol_id, plan)
        if coming is not None and coming.protocol_id != protocol_id:
            coming = None
        page = window.workout
        page.attach(driver, protocol, window.settings.units, coming)
        page.set_theme(window.theme)
        window.show_page("workout")
        window.sidebar.hide()  # the whole width for the workout; F9 brings the sidebar back
        page.setFocus()
        self._start_when_sound_is_ready(driver)
        if window.settings.keep_awake:
            window.screen_awake.inhibit()
        window.workout_started.emit(driver)
        return driver

    def _start_when_sound_is_ready(self, driver: SessionDriver) -> None:
        """Start ``driver``'s workout now if its sound is ready (the start panel warms it
        up), else once it is, at most PREPARE_WAIT later, as ``run --no-gui`` does: a
        workout started from the command line, a desktop action or a reminder would
        otherwise begin before the engine plays, and its first cues go unheard. Space
        starts it meanwhile."""
        from glute_timer.speech.cli import PREPARE_WAIT

        window = self.window
        audio = window.sound.audio
        if audio is None or window.sound.muted or audio.ready_to_start():
            driver.start()
            return
        deadline = window.clock() + PREPARE_WAIT
        timer = window.timer_factory(driver, 50)

        def check() -> None:
            if self.driver is not driver or driver.state is not State.IDLE:
                timer.stop()  # started with Space, or replaced by another workout
            elif audio.ready_to_start() or window.clock() >= deadline:
                timer.stop()
                driver.start()

        timer.timeout.connect(check)
        timer.start()

    def start_again(self) -> None:
        if self._last is not None:
            protocol, protocol_id, plan = self._last
            # The coach's view with the workout just done in it.
            self.start(protocol, protocol_id, plan=plan, coming=self.window.workout.coming)

    def run_spec(self, spec: str, *, as_written: bool = False) -> None:
        """Start the workout named by ``spec`` (``glute-timer run SPEC``, a desktop action,
        a reminder's Start): a preset id, a protocol id or a path to a protocol file; with
        the coach's suggestion unless ``as_written`` (``run --as-written``)."""
        from glute_timer.core.library import resolve_protocol
        from glute_timer.core.protocol import ProtocolError

        try:
            protocol_id, protocol = resolve_protocol(spec, self.window.context.paths.protocols_dir)
        except ProtocolError as exc:
            self.window.show_banner(
                tr("Could not start {spec}: {error}").format(spec=spec, error=exc)
            )
            return
        if not as_written:  # the coach's suggestion (issue 15)
            from glute_timer.coach_cli import coached

            self.window.context.settings = self.window.settings
            coming = coached(self.window.context, protocol_id, protocol)
            if coming is not None and coming.changes:
                protocol = coming.suggested
            self.start(protocol, protocol_id, coming=coming)
            return
        self.start(protocol, protocol_id)

    def request_stop(self) -> bool:
        """Stop the workout, asking first once a set is recorded (Esc, media keys' Stop):
        a stop cannot be taken back. True when it stopped."""
        driver = self.driver
        if driver is None or not self.running:
            return False
        done = len(driver.workout.completed_sets)
        if done and not self.window.confirm(
            tr("Stop the workout?"),
            tr("%n set(s) recorded so far. Stop the workout now?", "", done),
            tr("Stop"),
        ):
            return False
        return driver.stop()

    def end(self) -> None:
        """Stop (if need be) and let go of the workout on screen."""
        driver = self.driver
        if driver is not None:
            if self.running:
                driver.stop()
            self.window.workout.detach()
            driver.deleteLater()
            self.driver = None
        self.window.release_screen()

    def _on_event(self, event: Event) -> None:
        window = self.window
        if isinstance(event, Suspended):
            window.statusBar().showMessage(
                tr("Paused: the computer was asleep for {gap} s. Press Space to go on.").format(
                    gap=f"{event.gap:.0f}"
                )
            )
        elif isinstance(event, Delayed):
            window.statusBar().showMessage(
                tr(
                    "The computer was busy for {gap} s: %n cue(s) came {late} s late, all at once.",
                    "",
                    event.missed,
                ).format(
                    gap=localise_numbers(f"{event.gap:.1f}"),
                    late=localise_numbers(f"{event.late:.1f}"),
                ),
                10000,
            )
        if isinstance(event, WorkoutFinished):
            window.release_screen()
            if not window.isFullScreen():
                window.sidebar.show()
            if event.completed:
                text = tr("Finished: %n set(s) done", "", len(event.sets))
            else:
                text = tr("Stopped: %n set(s) done", "", len(event.sets))
            window.mini_status.setText(text)
            if window.isFullScreen():
                window.toggle_fullscreen()
            window.refresh_history()
        elif self.running and self.driver is not None:
            name = self.driver.session.plan.name
            if self.driver.state is State.PAUSED:
                window.mini_status.setText(tr("Running: {name} (paused)").format(name=name))
            else:
                window.mini_status.setText(tr("Running: {name}").format(name=name))
