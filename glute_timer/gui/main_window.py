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
from glute_timer.gui.i18n import tr
from glute_timer.gui.theme import LIGHT, Theme, apply_theme, theme_for
from glute_timer.gui.timers import TimerFactory, precise_timer

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon

    # The pages, the protocols and the session machinery are imported when first needed:
    # the window's first paint needs none of them (a faster start).
    from glute_timer.core.coach import NextSession
    from glute_timer.core.library import ProtocolEntry
    from glute_timer.core.plan import Plan
    from glute_timer.core.protocol import Protocol
    from glute_timer.core.session import Listener
    from glute_timer.gui.audio import CueAudioLike, WindowSound
    from glute_timer.gui.driver import SessionDriver
    from glute_timer.gui.editor_page import EditorPage
    from glute_timer.gui.hands_free import HandsFree
    from glute_timer.gui.history_page import HistoryPage
    from glute_timer.gui.keep_awake import ScreenAwake
    from glute_timer.gui.library_page import LibraryPage
    from glute_timer.gui.operations import ProtocolOps
    from glute_timer.gui.settings_page import SettingsPage
    from glute_timer.gui.workers import Worker
    from glute_timer.gui.workout_page import WorkoutPage
    from glute_timer.gui.workouts import WindowWorkouts

log = logging.getLogger(__name__)

APP_TITLE = "Glute Timer"
ICON_ID = "io.github.glutetimer.GluteTimer"
LIBRARY_PAINT_WAIT_MS = 1000
"""The deferred start-up work waits this long at most for the Library's first paint."""
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
        self._files: Worker | None = None  # file writes, in order (made when first used)
        self._background: Worker | None = None  # anything else slow (the voice list)
        self._screen_awake = screen_awake
        # The window's parts, each a small class of its own, made when first used: their
        # modules (plans, sessions, protocol files) are not needed for the first paint.
        self._audio_arg = audio
        self._sound: WindowSound | None = None
        self._workouts: WindowWorkouts | None = None
        self._protocols: ProtocolOps | None = None
        self._hands_free: HandsFree | None = None  # media keys, MPRIS, the phone remote

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
        self._library_placeholder = _PagePlaceholder(tr("Library"))
        self._workout: WorkoutPage | None = None
        self._editor: EditorPage | None = None
        self._settings_page: SettingsPage | None = None
        self._voices: list[tuple[str, str]] | None = None
        self._devices: list[str] | None = None
        self._history: QWidget | None = None  # built when first opened
        self.history_view: HistoryPage | None = None
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
        sidebar = QShortcut(QKeySequence("F9"), self)
        sidebar.activated.connect(self.toggle_sidebar)
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
        self.hands_free.window_ready()  # the media keys and the MPRIS player
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

            page = LibraryPage(
                self.context.paths.protocols_dir,
                history_db=self.context.paths.history_db,  # the coach (issue 15)
                settings=lambda: self.settings,
            )
            self._library = page
            page.set_theme(self.theme)
            index = self.stack.indexOf(self._library_placeholder)
            self.stack.insertWidget(index, page)
            if self.stack.currentWidget() is self._library_placeholder:
                self.stack.setCurrentWidget(page)
            self.stack.removeWidget(self._library_placeholder)
            self._library_placeholder.deleteLater()
            from glute_timer.gui.operations import connect_library

            connect_library(self, self.protocols, page)
            page.reload()
        return self._library

    @property
    def workout(self) -> WorkoutPage:
        if self._workout is None:
            from glute_timer.gui.workout_page import WorkoutPage

            page = WorkoutPage()
            page.back_to_library.connect(lambda: self.show_page("library"))
            page.start_again.connect(lambda _protocol: self.workouts.start_again())
            page.stop_requested.connect(self.workouts.request_stop)
            page.fullscreen_requested.connect(self.toggle_fullscreen)
            page.mute_changed.connect(self.sound.set_muted)
            page.set_theme(self.theme)
            self.stack.addWidget(page)
            self._workout = page
        return self._workout

    @property
    def editor(self) -> EditorPage:
        if self._editor is None:
            from glute_timer.gui.editor_page import EditorPage

            page = EditorPage()
            page.closed.connect(self.protocols.close_editor)
            page.save_requested.connect(self.protocols.save)
            page.export_requested.connect(self.protocols.ask_export)
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
            page.test_voice_requested.connect(self.sound.test_voice)
            self.stack.addWidget(page)
            self._settings_page = page
        return self._settings_page

    @property
    def sound(self) -> WindowSound:
        if self._sound is None:
            from glute_timer.gui.audio import WindowSound

            audio = self._audio_arg
            self._sound = WindowSound(self, None if audio is AUTO else audio, auto=audio is AUTO)
        return self._sound

    @property
    def hands_free(self) -> HandsFree:
        if self._hands_free is None:
            from glute_timer.gui.hands_free import HandsFree

            self._hands_free = HandsFree(self)
        return self._hands_free

    @property
    def workouts(self) -> WindowWorkouts:
        if self._workouts is None:
            from glute_timer.gui.workouts import WindowWorkouts

            self._workouts = WindowWorkouts(self)
        return self._workouts

    @property
    def protocols(self) -> ProtocolOps:
        if self._protocols is None:
            from glute_timer.gui.operations import ProtocolOps

            self._protocols = ProtocolOps(self)
        return self._protocols

    @property
    def workout_running(self) -> bool:
        return self._workouts is not None and self._workouts.running

    @property
    def driver(self) -> SessionDriver | None:
        """The running (or last) workout's driver."""
        return self._workouts.driver if self._workouts is not None else None

    @property
    def audio(self) -> CueAudioLike | None:
        return self.sound.audio

    @property
    def painted(self) -> bool:
        """The window has been on screen (deferred work may start)."""
        return self._painted

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
            "library": tr("Library"),
            "workout": tr("Workout"),
            "history": tr("History"),
            "settings": tr("Settings"),
        }
        for number, (name, text) in enumerate(labels.items(), 1):
            button = QPushButton(f"{text}")
            button.setObjectName("navButton")
            button.setCheckable(True)
            button.setAccessibleName(text)
            button.setToolTip(tr("{page} (Ctrl+{n})").format(page=text, n=number))
            button.clicked.connect(lambda _checked=False, n=name: self.show_page(n))
            self.nav_group.addButton(button)
            self.nav_buttons[name] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.mini_status = QLabel("")
        self.mini_status.setObjectName("muted")
        self.mini_status.setWordWrap(True)
        self.mini_status.setAccessibleName(tr("Workout status"))
        layout.addWidget(self.mini_status)
        return self.sidebar

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("card")
        layout = QHBoxLayout(self.banner)
        layout.setContentsMargins(16, 10, 10, 10)
        self.banner_text = QLabel("")
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(tr("Notice"))
        close = QPushButton(tr("Dismiss"))
        close.setAccessibleName(tr("Dismiss the notice"))
        close.clicked.connect(self.banner.hide)
        layout.addWidget(self.banner_text, 1)
        layout.addWidget(close)
        self.banner.hide()
        return self.banner

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
            self.refresh_history()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    @property
    def history(self) -> QWidget:
        return self._ensure_history()

    def _ensure_history(self) -> QWidget:
        """The History page, built the first time it is opened."""
        if self._history is not None:
            return self._history
        from glute_timer.gui.history_page import HistoryPage

        page = HistoryPage(self.context, parent=None)
        container = QWidget()
        container.setObjectName("page")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(24, 22, 24, 22)
        layout.setSpacing(12)
        title = QLabel(tr("History"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(page, 1)
        self._history, self.history_view = container, page
        self.stack.addWidget(self._history)
        return self._history

    def refresh_history(self) -> None:
        """Show what the history holds now (once the page exists)."""
        if self.history_view is not None:
            self.history_view.refresh()

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
        self,
        protocol: Protocol,
        protocol_id: str = "custom",
        plan: Plan | None = None,
        coming: NextSession | None = None,
    ) -> SessionDriver | None:
        """Start ``protocol`` (see ``WindowWorkouts.start``)."""
        return self.workouts.start(protocol, protocol_id, plan, coming)

    def run_spec(self, spec: str, *, as_written: bool = False) -> None:
        """Start the workout ``glute-timer run SPEC`` names (see ``WindowWorkouts``), with
        the coach's suggestion unless ``as_written`` (``run --as-written``)."""
        self.workouts.run_spec(spec, as_written=as_written)

    def prepare_audio(self) -> None:
        self.sound.prepare()

    def warm_audio(self, protocol: Protocol) -> None:
        self.sound.warm(protocol)

    def set_muted(self, muted: bool) -> None:
        self.sound.set_muted(muted)

    def release_screen(self) -> None:
        """The screen may sleep again."""
        if self._screen_awake is not None:
            self._screen_awake.release()

    def _show_history_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def toggle_sidebar(self) -> None:
        """F9: the sidebar, which hides while a workout runs, shows again (or hides)."""
        self.sidebar.setVisible(self.sidebar.isHidden())

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.sidebar.show()
            self.showNormal()
        else:
            self.sidebar.hide()
            self.showFullScreen()

    # ------------------------------------------------------------ protocols

    def open_editor(self, entry: ProtocolEntry | None) -> None:
        self.protocols.edit(entry)

    def save_new_protocol(self, protocol: Protocol) -> None:
        self.protocols.save_copy(protocol)

    def import_protocol(self, source: Path) -> None:
        self.protocols.import_(source)

    def export_protocol(self, protocol: Protocol, target: Path) -> None:
        self.protocols.export(protocol, target)

    def delete_protocol(self, entry: ProtocolEntry) -> None:
        self.protocols.delete(entry)

    # ------------------------------------------------------------ settings

    def apply_settings(self, settings: Settings, *, initial: bool = False) -> None:
        old = self.settings
        self.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication) and (initial or old.theme != settings.theme):
            self.theme = apply_theme(app, settings.theme, ask_desktop=not initial)
            self._theme_pages()
        if not initial and self._sound is not None:
            self._sound.apply_settings(settings)
        if self.workout_running:
            if settings.keep_awake:
                self.screen_awake.inhibit()
            else:
                self.screen_awake.release()

    def save_settings(self, settings: Settings) -> None:
        """Adopt now, write in the background (in order, atomically)."""
        settings = settings.with_changes(window_geometry=self.settings.window_geometry)
        if settings.remind_at != self.settings.remind_at:  # the coach's reminder (issue 15)
            self._switch_reminder(settings.remind_at)
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

    def _switch_reminder(self, remind_at: str | None) -> None:
        from glute_timer.gui.coach_settings import switch_reminder

        basedir = self.context.basedir

        def told(text: str) -> None:
            self.statusBar().showMessage(text, 8000)
            if self._settings_page is not None:
                self._settings_page.notes["remind_at"].setText(text)

        self.files.submit(
            lambda: switch_reminder(remind_at, basedir),
            told,
            lambda exc: told(tr("The reminder could not be changed: {e}").format(e=exc)),
        )

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.settings.theme == "system":
            app = QApplication.instance()
            if isinstance(app, QApplication) and theme_for("system") != self.theme:
                self.theme = apply_theme(app, "system")
                self._theme_pages()

    def _theme_pages(self) -> None:
        """The pages that paint with the theme's colours themselves (figures, the ring)."""
        for page in (self._library, self._workout):
            if page is not None:
                page.set_theme(self.theme)

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
            tr("Stop the workout?"),
            tr("A workout is running. Stop it and quit?"),
            tr("Stop and quit"),
        ):
            event.ignore()
            return
        if self._settings_page is not None:
            self._settings_page.flush()
        if self._workouts is not None:
            self._workouts.end()
        if self._hands_free is not None:
            self._hands_free.close()
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
        if self._sound is not None:
            self._sound.close()
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
