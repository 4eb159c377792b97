"""The main window: a sidebar, the pages, and the wiring between them and the core."""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from glute_timer.context import AppContext
from glute_timer.core.clock import Clock, monotonic
from glute_timer.core.settings import Settings
from glute_timer.gui.theme import LIGHT, Theme, apply_theme, theme_for
from glute_timer.gui.timers import TimerFactory, precise_timer

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon

    # The pages, the protocols and the session machinery are imported when first needed:
    # the window's first paint needs none of them (a faster start).
    from glute_timer.core.library import ProtocolEntry
    from glute_timer.core.plan import Plan
    from glute_timer.core.protocol import Protocol
    from glute_timer.core.session import Event, Listener
    from glute_timer.gui.audio import CueAudioLike
    from glute_timer.gui.driver import SessionDriver
    from glute_timer.gui.editor_page import EditorPage
    from glute_timer.gui.keep_awake import ScreenAwake
    from glute_timer.gui.library_page import LibraryPage
    from glute_timer.gui.settings_page import SettingsPage
    from glute_timer.gui.workers import Worker
    from glute_timer.gui.workout_page import WorkoutPage

log = logging.getLogger(__name__)

APP_TITLE = "Glute Timer"
ICON_ID = "io.github.glutetimer.GluteTimer"
LIBRARY_PAINT_WAIT_MS = 1000
"""The deferred start-up work waits this long at most for the Library's first paint."""
WARM_AFTER_MS = 800
"""A protocol shown this long in the start panel gets its sound ready (not every one the
user passes on the way)."""
AUTO = object()
"""Default for ``audio``: find the speech package's CueAudio, or run silently."""


class _PagePlaceholder(QWidget):
    """A page's title where the page will be, for the window's first paint."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 22)
        label = QLabel(title)
        label.setObjectName("pageTitle")
        layout.addWidget(label)
        layout.addStretch(1)


class HistoryPlaceholder(QWidget):
    """What the History page will show, until the history module is installed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 22)
        title = QLabel("History")
        title.setObjectName("pageTitle")
        text = QLabel(
            "Your training log will live here: every completed set with its reps, hold and "
            "load; a calendar of your training days; sets, reps and top loads per week; your "
            "streak on the protocol's own schedule and your personal bests.\n\n"
            "Nothing has been recorded yet in this version of the app."
        )
        text.setObjectName("muted")
        text.setWordWrap(True)
        text.setMaximumWidth(640)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Nothing to load."""


class MainWindow(QMainWindow):
    workout_started = Signal(object)  # SessionDriver
    history_message = Signal(str)  # from the history writer's thread
    first_painted = Signal()  # the window and its Library are on screen: deferred work now
    settings_saved = Signal(object)  # Settings, after it reached the disk

    PAGES = ("library", "workout", "history", "settings")

    def __init__(
        self,
        context: AppContext,
        *,
        clock: Clock = monotonic,
        wall_clock: Clock = time.time,
        timer_factory: TimerFactory = precise_timer,
        audio: Any = AUTO,
        session_listeners: Sequence[Listener] = (),
        record_history: bool = False,
        screen_awake: ScreenAwake | None = None,
        load_voices: bool = True,
    ) -> None:
        super().__init__()
        self.context = context
        self.clock = clock
        self.wall_clock = wall_clock
        self.timer_factory = timer_factory
        self.session_listeners = list(session_listeners)
        self.record_history = record_history
        """Workouts are recorded in the history (the app does; most tests need not)."""
        # The history writer speaks from its own thread: its words reach the status bar
        # through this signal (emitted from another thread, it is queued to this one).
        self.history_message.connect(self._show_history_message)
        self.settings = context.settings
        self.theme: Theme = LIGHT
        self.driver: SessionDriver | None = None
        self._last_start: tuple[Protocol, str] | None = None
        self._last_plan: Plan | None = None
        self._files: Worker | None = None  # file writes, in order (made when first used)
        self._background: Worker | None = None  # anything else slow (the voice list)
        self._audio_arg = audio
        self.audio: CueAudioLike | None = None if audio is AUTO else audio
        self._muted = False
        self._screen_awake = screen_awake

        self.setWindowTitle(APP_TITLE)
        self.setObjectName("mainWindow")
        self.setMinimumSize(800, 560)
        central = QWidget()
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_sidebar())
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        content.addWidget(self._build_banner())
        self.stack = QStackedWidget()
        content.addWidget(self.stack, 1)
        root.addLayout(content, 1)
        self.setCentralWidget(central)

        # The first paint shows the window's frame: the sidebar and the Library's title.
        # The Library itself (which loads every protocol) is built right after it, and the
        # other pages the first time they are needed; this keeps the start fast.
        self._library: LibraryPage | None = None
        self._library_placeholder = _PagePlaceholder("Library")
        self._workout: WorkoutPage | None = None
        self._editor: EditorPage | None = None
        self._settings_page: SettingsPage | None = None
        self._voices: list[tuple[str, str]] | None = None
        self._devices: list[str] | None = None
        self._to_warm: Protocol | None = None
        self._warm_timer: QTimer | None = None
        self._history: QWidget | None = None  # built when first opened
        self.history_view: QWidget | None = None  # the widget with refresh()
        self.stack.addWidget(self._library_placeholder)
        self.apply_settings(self.settings, initial=True)
        self.restore_geometry()
        self.stack.setCurrentWidget(self._library_placeholder)
        self.nav_buttons["library"].setChecked(True)
        for warning in context.warnings:
            self.show_banner(warning)
        self._load_voices = load_voices
        self._painted = False
        self._deferred_done = False
        self.installEventFilter(self)

    # ------------------------------------------------------------ after the first paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self and not self._painted:
                self._painted = True
                self.removeEventFilter(self)
                QTimer.singleShot(0, self._after_first_paint)
            elif watched is self._library:  # watched once: the filter goes at once
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self._after_library_painted)
        return False

    def _after_first_paint(self) -> None:
        """Next, the Library (every protocol loaded), its shortcuts, the icon."""
        from PySide6.QtGui import QKeySequence, QShortcut

        for number, name in enumerate(("library", "workout", "history", "settings"), 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=name: self.show_page(n))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setWindowIcon(window_icon())
            app.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        # The first paint took the platform palette's word for light or dark; the colour
        # scheme the desktop announces is the better witness.
        self._system_scheme_changed(None)
        if self.current_page() is self._library_placeholder:
            self.show_page("library")
        if self.current_page() is self.library and self.library.isVisible():
            self.library.installEventFilter(self)  # the rest waits for it to be painted
            # ... but not for ever (a window minimised before the Library was painted).
            QTimer.singleShot(LIBRARY_PAINT_WAIT_MS, self._after_library_painted)
        else:
            QTimer.singleShot(0, self._after_library_painted)

    def _after_library_painted(self) -> None:
        """Work nobody waits for: the local socket, sound, the voice list (once)."""
        if self._deferred_done:
            return
        self._deferred_done = True
        self.first_painted.emit()
        if self._load_voices:
            context = self.context
            from glute_timer.gui.audio import list_voices_safely

            self.background.submit(
                lambda: list_voices_safely(context), self._voices_found, self._voices_missing
            )
            from glute_timer.gui.audio import list_output_devices

            self.background.submit(
                list_output_devices, self._devices_found, lambda _e: self._devices_found([])
            )

    def _voices_found(self, voices: list[tuple[str, str]]) -> None:
        self._voices = voices
        if self._settings_page is not None:
            self._settings_page.set_voices(voices)

    def _voices_missing(self, _error: BaseException) -> None:
        self._voices_found([])

    def _devices_found(self, devices: list[str]) -> None:
        self._devices = devices
        if self._settings_page is not None:
            self._settings_page.set_devices(devices)

    # ------------------------------------------------------------ helpers made on demand

    @property
    def files(self) -> Worker:
        if self._files is None:
            from glute_timer.gui.workers import Worker

            self._files = Worker(serial=True)
        return self._files

    @property
    def background(self) -> Worker:
        if self._background is None:
            from glute_timer.gui.workers import Worker

            self._background = Worker()
        return self._background

    @property
    def screen_awake(self) -> ScreenAwake:
        if self._screen_awake is None:
            from glute_timer.gui.keep_awake import ScreenAwake

            self._screen_awake = ScreenAwake(self)
        return self._screen_awake

    # ------------------------------------------------------------ pages built on demand

    @property
    def library(self) -> LibraryPage:
        if self._library is None:
            from glute_timer.gui.library_page import LibraryPage

            page = LibraryPage(self.context.paths.protocols_dir)
            self._library = page
            index = self.stack.indexOf(self._library_placeholder)
            self.stack.insertWidget(index, page)
            if self.stack.currentWidget() is self._library_placeholder:
                self.stack.setCurrentWidget(page)
            self.stack.removeWidget(self._library_placeholder)
            self._library_placeholder.deleteLater()
            self._connect_library(page)
            page.reload()
        return self._library

    @property
    def workout(self) -> WorkoutPage:
        if self._workout is None:
            from glute_timer.gui.workout_page import WorkoutPage

            page = WorkoutPage()
            page.back_to_library.connect(lambda: self.show_page("library"))
            page.start_again.connect(self._start_again)
            page.fullscreen_requested.connect(self.toggle_fullscreen)
            page.mute_changed.connect(self.set_muted)
            page.set_theme(self.theme)
            self.stack.addWidget(page)
            self._workout = page
        return self._workout

    @property
    def editor(self) -> EditorPage:
        if self._editor is None:
            from glute_timer.gui.editor_page import EditorPage

            page = EditorPage()
            page.closed.connect(self._close_editor)
            page.save_requested.connect(self._save_from_editor)
            page.export_requested.connect(self._ask_export)
            self.stack.addWidget(page)
            self._editor = page
        return self._editor

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from glute_timer.gui.settings_page import SettingsPage

            page = SettingsPage(self.settings)
            page.set_keep_awake_note(self.screen_awake.note)
            if self._voices is not None:
                page.set_voices(self._voices)
            if self._devices is not None:
                page.set_devices(self._devices)
            page.changed.connect(self.save_settings)
            page.test_voice_requested.connect(self.test_voice)
            self.stack.addWidget(page)
            self._settings_page = page
        return self._settings_page

    @property
    def workout_running(self) -> bool:
        return self._workout is not None and self._workout.running

    # ------------------------------------------------------------ building

    def _build_sidebar(self) -> QFrame:
        self.sidebar = QFrame()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        layout = QVBoxLayout(self.sidebar)
        layout.setContentsMargins(12, 18, 12, 14)
        layout.setSpacing(4)
        title = QLabel(APP_TITLE)
        title.setObjectName("appTitle")
        layout.addWidget(title)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QPushButton] = {}
        labels = {
            "library": "Library",
            "workout": "Workout",
            "history": "History",
            "settings": "Settings",
        }
        for number, (name, text) in enumerate(labels.items(), 1):
            button = QPushButton(f"{text}")
            button.setObjectName("navButton")
            button.setCheckable(True)
            button.setAccessibleName(text)
            button.setToolTip(f"{text} (Ctrl+{number})")
            button.clicked.connect(lambda _checked=False, n=name: self.show_page(n))
            self.nav_group.addButton(button)
            self.nav_buttons[name] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.mini_status = QLabel("")
        self.mini_status.setObjectName("muted")
        self.mini_status.setWordWrap(True)
        self.mini_status.setAccessibleName("Workout status")
        layout.addWidget(self.mini_status)
        return self.sidebar

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("card")
        layout = QHBoxLayout(self.banner)
        layout.setContentsMargins(16, 10, 10, 10)
        self.banner_text = QLabel("")
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName("Notice")
        close = QPushButton("Dismiss")
        close.setAccessibleName("Dismiss the notice")
        close.clicked.connect(self.banner.hide)
        layout.addWidget(self.banner_text, 1)
        layout.addWidget(close)
        self.banner.hide()
        return self.banner

    def _connect_library(self, lib: LibraryPage) -> None:
        # The Library plans off the GUI thread and starts once the plan is there.
        lib.start_requested.connect(
            lambda protocol, protocol_id: self.start_workout(
                protocol, protocol_id, plan=lib.ready_plan(protocol)
            )
        )
        lib.protocol_shown.connect(self.warm_audio)
        lib.save_copy_requested.connect(self.save_new_protocol)
        lib.edit_requested.connect(self.open_editor)
        lib.import_requested.connect(self._ask_import)
        lib.export_requested.connect(lambda e: self._ask_export(e.protocol))
        lib.delete_requested.connect(self.delete_protocol)

    # ------------------------------------------------------------ pages

    def show_page(self, name: str) -> None:
        page: QWidget
        if name == "library":
            page = self.library
        elif name == "workout":
            page = self.workout
        elif name == "history":
            page = self._ensure_history()
        elif name == "settings":
            page = self.settings_page
        elif name == "editor":
            page = self.editor
        else:
            raise ValueError(f"no page {name!r}")
        self.stack.setCurrentWidget(page)
        nav = "library" if name == "editor" else name
        self.nav_buttons[nav].setChecked(True)
        if name == "history":
            refresh = getattr(self.history_view, "refresh", None)
            if callable(refresh):
                refresh()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    @property
    def history(self) -> QWidget:
        return self._ensure_history()

    def _ensure_history(self) -> QWidget:
        """The history engineer's page, built the first time it is opened (or what it will
        show, when the history module is missing or fails to open)."""
        if self._history is not None:
            return self._history
        page: QWidget | None = None
        try:
            from glute_timer.gui.history_page import (  # type: ignore[import-not-found,unused-ignore]
                HistoryPage,
            )
        except ImportError:
            pass
        else:
            try:
                page = HistoryPage(self.context, parent=None)
            except Exception:
                log.exception("history page failed to open")
        if page is None:
            self._history = self.history_view = HistoryPlaceholder()
        else:
            container = QWidget()
            container.setObjectName("page")
            layout = QVBoxLayout(container)
            layout.setContentsMargins(24, 22, 24, 22)
            layout.setSpacing(12)
            title = QLabel("History")
            title.setObjectName("pageTitle")
            layout.addWidget(title)
            layout.addWidget(page, 1)
            self._history, self.history_view = container, page
        self.stack.addWidget(self._history)
        return self._history

    def show_banner(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.show()

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something that cannot be undone. Tests replace this."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    # ------------------------------------------------------------ workouts

    def start_workout(
        self, protocol: Protocol, protocol_id: str = "custom", plan: Plan | None = None
    ) -> SessionDriver | None:
        """Start ``protocol``. The Library hands over the ``plan`` it made off this thread;
        without one (a caller of this method) it is made here."""
        if self.workout_running and not self.confirm(
            "Stop the running workout?",
            "A workout is running. Stop it and start this one?",
            "Stop and start",
        ):
            return None
        from glute_timer.core.plan import build_plan
        from glute_timer.gui.driver import SessionDriver
        from glute_timer.workout import Workout

        if plan is None or plan.protocol != protocol:
            try:
                plan = build_plan(protocol)
            except ValueError as exc:  # too big to plan (ProtocolError)
                self.show_banner(str(exc))
                return None
        self._end_driver()
        self.prepare_audio()
        try:
            workout = Workout(
                self.context,
                plan,
                protocol_id,
                clock=self.clock,
                wall_clock=self.wall_clock,
                audio=self.audio,
                record=self.record_history,
                on_message=self._history_message,
                listeners=[
                    *(
                        (f"extra-{n}", listener)
                        for n, listener in enumerate(self.session_listeners)
                    ),
                    ("window", self._on_session_event),
                ],
            )
        except Exception as exc:  # a broken sound or history must not stop the workout
            log.exception("the workout could not be assembled")
            self.show_banner(f"The workout could not start: {exc}")
            return None
        driver = SessionDriver(workout, self.clock, timer_factory=self.timer_factory, parent=self)
        self.driver = driver
        self._last_start = (protocol, protocol_id)
        self._last_plan = plan
        self.workout.attach(driver, protocol, self.settings.units)
        self.workout.set_theme(self.theme)
        self.show_page("workout")
        self.workout.setFocus()
        driver.start()
        if self.settings.keep_awake:
            self.screen_awake.inhibit()
        self.workout_started.emit(driver)
        return driver

    def _history_message(self, text: str) -> None:
        """The history writer's notices (called on its thread)."""
        self.history_message.emit(text)

    def _show_history_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def run_spec(self, spec: str) -> None:
        """Start the workout named by ``spec`` (``glute-timer run SPEC``, a desktop action,
        a reminder's Start): a preset id, a protocol id or a path to a protocol file."""
        from glute_timer.core.library import resolve_protocol
        from glute_timer.core.protocol import ProtocolError

        try:
            protocol_id, protocol = resolve_protocol(spec, self.context.paths.protocols_dir)
        except ProtocolError as exc:
            self.show_banner(f"Could not start {spec}: {exc}")
            return
        self.start_workout(protocol, protocol_id)

    def _start_again(self, _protocol: object = None) -> None:
        if self._last_start is not None:
            self.start_workout(*self._last_start, plan=self._last_plan)

    def _on_session_event(self, event: Event) -> None:
        from glute_timer.core.session import Delayed, State, Suspended, WorkoutFinished

        if isinstance(event, Suspended):
            self.statusBar().showMessage(
                f"Paused: the computer was asleep for {event.gap:.0f} s. Press Space to go on."
            )
        elif isinstance(event, Delayed):
            cues = f"{event.missed} cue{'s' if event.missed != 1 else ''}"
            self.statusBar().showMessage(
                f"The computer was busy for {event.gap:.1f} s: {cues} came "
                f"{event.late:.1f} s late, all at once.",
                10000,
            )
        if isinstance(event, WorkoutFinished):
            self.screen_awake.release()
            done = "Finished" if event.completed else "Stopped"
            self.mini_status.setText(f"{done}: {len(event.sets)} sets done")
            if self.isFullScreen():
                self.toggle_fullscreen()
            if self._history is not None:
                refresh = getattr(self.history_view, "refresh", None)
                if callable(refresh):
                    refresh()
        elif self.driver is not None and self.driver.state in (State.RUNNING, State.PAUSED):
            name = self.driver.session.plan.name
            paused = " (paused)" if self.driver.state is State.PAUSED else ""
            self.mini_status.setText(f"Running: {name}{paused}")

    def _end_driver(self) -> None:
        from glute_timer.core.session import State

        if self.driver is not None:
            if self.driver.state in (State.RUNNING, State.PAUSED):
                self.driver.stop()
            self.workout.detach()
            self.driver.deleteLater()
            self.driver = None
        if self._screen_awake is not None:
            self._screen_awake.release()

    def prepare_audio(self) -> None:
        if self._audio_arg is not AUTO or self.audio is not None:
            return
        from PySide6.QtCore import Qt

        from glute_timer.gui.audio import create_cue_audio

        self._audio_arg = None  # try once
        audio, problem = create_cue_audio(self.context, self.clock, self)
        self.audio = audio
        if problem:
            self.statusBar().showMessage(problem, 8000)
        if audio is not None:
            for name, slot in (
                ("status_message", self._audio_status),
                ("prepare_progress", self._audio_progress),
            ):
                signal = getattr(audio, name, None)
                if signal is not None:
                    # Emitted from speech threads too: always deliver in the GUI thread.
                    signal.connect(slot, Qt.ConnectionType.QueuedConnection)
            try:
                audio.apply_settings(self.settings)
                audio.set_muted(self._muted)
            except Exception:
                log.exception("audio settings failed")

    def test_voice(self, settings: Settings) -> None:
        """Speak a sample cue with ``settings``' voice, rate and volume."""
        self.prepare_audio()
        if self.audio is None:
            self.statusBar().showMessage("Sound is not available.", 5000)
            return
        self.audio.test_voice(settings)
        self.statusBar().showMessage("Testing the voice…", 3000)

    def warm_audio(self, protocol: Protocol) -> None:
        """Get the sound ready for ``protocol`` before its workout starts (the start
        panel shows it for a moment): the engine starts and its phrases are rendered."""
        self._to_warm = protocol
        if self._warm_timer is None:
            from glute_timer.gui.timers import single_shot_timer

            self._warm_timer = single_shot_timer(self, WARM_AFTER_MS)
            self._warm_timer.timeout.connect(self._warm_now)
        self._warm_timer.start()

    def _warm_now(self) -> None:
        protocol, self._to_warm = self._to_warm, None
        if protocol is None or self.workout_running or not self._painted:
            return
        self.prepare_audio()
        if self.audio is not None:
            self.audio.warm(protocol)

    def _audio_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _audio_progress(self, done: int, total: int) -> None:
        if total and done < total:
            self.statusBar().showMessage(f"Preparing voice cues… {done} / {total}")
        elif total:
            self.statusBar().showMessage("Voice cues ready", 3000)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.audio is not None:
            self.audio.set_muted(muted)
        self.statusBar().showMessage("Muted" if muted else "Sound on", 2000)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.sidebar.show()
            self.showNormal()
        else:
            self.sidebar.hide()
            self.showFullScreen()

    # ------------------------------------------------------------ protocols

    def open_editor(self, entry: ProtocolEntry | None) -> None:
        from glute_timer.gui import store
        from glute_timer.gui.editor_page import new_protocol_dict

        if entry is None:
            data = new_protocol_dict(self.settings.default_lead_in)
            self.editor.load_dict(data, None)
        elif entry.protocol is not None:
            if entry.builtin:
                taken = {e.protocol.name for e in self.library.entries if e.protocol}
                copy = entry.protocol.with_changes(name=store.copy_name(entry.protocol.name, taken))
                self.editor.edit_protocol(copy, None)
            else:
                self.editor.edit_protocol(entry.protocol, entry.path)
        self.show_page("editor")
        self.editor.name_edit.setFocus()

    def _close_editor(self) -> None:
        if self.editor.dirty and not self.confirm(
            "Discard changes?", "This protocol has changes that are not saved.", "Discard"
        ):
            return
        self.show_page("library")

    def _save_from_editor(self, protocol: Protocol, path: Path | None) -> None:
        from glute_timer.gui import store

        folder = self.context.paths.protocols_dir

        def work() -> Path:
            if path is None:
                return store.save_new(protocol, folder)
            return store.save_over(protocol, path)

        def done(saved: Path) -> None:
            self.editor.save_finished(saved)
            self.library.reload(select_path=saved)
            self.statusBar().showMessage(f"Saved {saved.name}", 4000)

        def failed(exc: BaseException) -> None:
            self.editor.save_finished(None, str(exc))

        self.files.submit(work, done, failed)

    def save_new_protocol(self, protocol: Protocol) -> None:
        from glute_timer.gui import store

        folder = self.context.paths.protocols_dir

        def done(saved: Path) -> None:
            self.library.reload(select_path=saved)
            self.statusBar().showMessage(f"Saved as {saved.name} in your protocols", 5000)

        self.files.submit(
            lambda: store.save_new(protocol, folder),
            done,
            lambda exc: self.show_banner(f"Could not save the protocol: {exc}"),
        )

    def _ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, "Import a protocol", str(Path.home()), "Protocol files (*.toml)"
        )
        if name:
            self.import_protocol(Path(name))

    def import_protocol(self, source: Path) -> None:
        from glute_timer.gui import store

        folder = self.context.paths.protocols_dir

        def done(saved: Path) -> None:
            self.library.reload(select_path=saved)
            self.statusBar().showMessage(f"Imported {source.name}", 5000)

        self.files.submit(
            lambda: store.import_file(source, folder),
            done,
            lambda exc: self.show_banner(f"Could not import {source.name}: {exc}"),
        )

    def _ask_export(self, protocol: Protocol | None) -> None:
        if protocol is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from glute_timer.core.protocol import slugify

        suggested = Path.home() / f"{slugify(protocol.name)}.toml"
        name, _ = QFileDialog.getSaveFileName(
            self, "Export protocol", str(suggested), "Protocol files (*.toml)"
        )
        if name:
            self.export_protocol(protocol, Path(name))

    def export_protocol(self, protocol: Protocol, target: Path) -> None:
        from glute_timer.core.protocol import save_protocol

        self.files.submit(
            lambda: save_protocol(protocol, target),
            lambda _result: self.statusBar().showMessage(f"Exported to {target}", 5000),
            lambda exc: self.show_banner(f"Could not export: {exc}"),
        )

    def delete_protocol(self, entry: ProtocolEntry) -> None:
        if entry.builtin or entry.path is None:
            return
        name = entry.protocol.name if entry.protocol else entry.path.name
        if not self.confirm(
            "Delete protocol?", f"Delete “{name}”? The file {entry.path} will be removed.", "Delete"
        ):
            return
        path = entry.path

        def done(_result: object) -> None:
            self.library.reload()
            self.statusBar().showMessage(f"Deleted {path.name}", 4000)

        self.files.submit(
            lambda: path.unlink(missing_ok=True),
            done,
            lambda exc: self.show_banner(f"Could not delete {path.name}: {exc}"),
        )

    # ------------------------------------------------------------ settings

    def apply_settings(self, settings: Settings, *, initial: bool = False) -> None:
        old = self.settings
        self.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication) and (initial or old.theme != settings.theme):
            self.theme = apply_theme(app, settings.theme, ask_desktop=not initial)
            if self._workout is not None:
                self._workout.set_theme(self.theme)
        if self.audio is not None and not initial:
            try:
                self.audio.apply_settings(settings)
            except Exception:
                log.exception("audio settings failed")
        if self.driver is not None and self.workout_running:
            if settings.keep_awake:
                self.screen_awake.inhibit()
            else:
                self.screen_awake.release()

    def save_settings(self, settings: Settings) -> None:
        """Adopt now, write in the background (in order, atomically)."""
        settings = settings.with_changes(window_geometry=self.settings.window_geometry)
        self.apply_settings(settings)
        context = self.context

        def done(_result: object) -> None:
            if self._settings_page is not None:
                self._settings_page.saved()
            self.settings_saved.emit(settings)

        def failed(exc: BaseException) -> None:
            if self._settings_page is not None:
                self._settings_page.saved(str(exc))

        self.files.submit(lambda: context.save_settings(settings), done, failed)

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.settings.theme == "system":
            app = QApplication.instance()
            if isinstance(app, QApplication) and theme_for("system") != self.theme:
                self.theme = apply_theme(app, "system")
                if self._workout is not None:
                    self._workout.set_theme(self.theme)

    def restore_geometry(self) -> None:
        geometry = self.settings.window_geometry
        if geometry:
            # bytes, not QByteArray: Qt's QByteArray type is not needed before the first paint.
            try:
                data = base64.b64decode(geometry)
            except ValueError:  # damaged: the window opens at its default size
                data = b""
            if data and self.restoreGeometry(data):
                return
        self.resize(1200, 800)

    def geometry_text(self) -> str:
        return base64.b64encode(self.saveGeometry().data()).decode("ascii")

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workout_running and not self.confirm(
            "Stop the workout?", "A workout is running. Stop it and quit?", "Stop and quit"
        ):
            event.ignore()
            return
        if self._settings_page is not None:
            self._settings_page.flush()
        self._end_driver()
        if self.isFullScreen():
            self.showNormal()
        settings = self.settings.with_changes(window_geometry=self.geometry_text())
        if self._files is not None:
            self._files.wait()
        try:
            self.context.save_settings(settings)  # at exit: the window is going anyway
        except OSError as exc:
            log.error("could not save the window geometry: %s", exc)
        self.settings = settings
        if self.audio is not None:
            try:
                self.audio.close()
            except Exception:
                log.exception("closing audio failed")
        if self._background is not None:
            self._background.wait(2000)
        event.accept()


def window_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from glute_timer.core.resources import resource

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        node = resource("icons", "hicolor", f"{size}x{size}", "apps", f"{ICON_ID}.png")
        try:
            if node.is_file():
                icon.addFile(str(node))
        except OSError:
            continue
    return icon
