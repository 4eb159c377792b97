"""The follow-along screen, made to be read from a mat three metres away."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from glute_timer.core.display import Display, rep_text
from glute_timer.core.i18n import load_text
from glute_timer.core.plan import Plan, Step
from glute_timer.core.pose import step_moment
from glute_timer.core.protocol import Protocol
from glute_timer.core.session import (
    Event,
    SetCompleted,
    SetCorrected,
    SetRecord,
    State,
    WorkoutFinished,
)
from glute_timer.gui.driver import SessionDriver
from glute_timer.gui.effort import EffortBar, EffortKeys
from glute_timer.gui.figure import ExerciseFigure
from glute_timer.gui.i18n import tr
from glute_timer.gui.load_dialog import LoadDialog
from glute_timer.gui.theme import LIGHT, Theme
from glute_timer.gui.timers import frame_gap
from glute_timer.gui.widgets import (
    KeyButton,
    ProgressLine,
    ProgressRing,
    StatBlock,
    SteadyLabel,
    make_label,
    tabular,
)
from glute_timer.gui.workout_summary import WorkoutSummary

if TYPE_CHECKING:
    from glute_timer.core.coach import NextSession

FIGURE_MIN_WIDTH = 140
RING_MIN_PX = 150
COMPACT_BELOW = 680
"""A page lower than this (a small window) shows the rep, set and side without notes."""
MIN_READING_PX = 40
""""Next" and "Time left" at least this large from a window of the default size."""

SHORTCUTS = {
    "toggle": ("Space",),
    "skip": ("Right", "N"),
    "back": ("Left", "B"),
    "finish": ("Return", "Enter"),
    "rest_plus": ("+", "="),
    "rest_minus": ("-",),
    "stop": ("Esc",),
    "fullscreen": ("F11",),
    "mute": ("M",),
    "load": ("L",),
}


class _Stage(QWidget):
    """The running view; its background carries a faint wash of the phase colour."""

    def __init__(self) -> None:
        super().__init__()
        self._tint = QColor(LIGHT.window)

    def set_tint(self, color: QColor) -> None:
        if color != self._tint:
            self._tint = color
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._tint)
        painter.end()


class WorkoutPage(QWidget):
    back_to_library = Signal()
    start_again = Signal(object)  # Protocol
    fullscreen_requested = Signal()
    mute_changed = Signal(bool)
    stop_requested = Signal()  # Esc or Stop: the window asks first once a set is recorded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.driver: SessionDriver | None = None
        self.plan: Plan | None = None
        self._protocol: Protocol | None = None
        self._theme: Theme = LIGHT
        self._phase = ""
        self._units = "kg"
        self._completed: list[SetRecord] = []
        self._last_view: Display | None = None
        self._static_key: object = None
        self._time_left = ""
        self._permille = -1
        self._coming: NextSession | None = None
        self._step: Step | None = None  # the step the figure moves through

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._build_empty()
        self._build_stage()
        self._build_summary()
        self.stack.setCurrentWidget(self.empty)
        self._build_shortcuts()

    # ------------------------------------------------------------ building

    def _build_empty(self) -> None:
        self.empty = QWidget()
        layout = QVBoxLayout(self.empty)
        layout.addStretch(1)
        title = make_label(tr("No workout running"), "pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = make_label(
            tr(
                "Pick a protocol in the Library and press Start. Put the laptop on the floor "
                "beside your mat: the voice and this screen will take you through every rep."
            ),
            "muted",
            wrap=True,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(560)
        go = QPushButton(tr("Open the Library"))
        go.setObjectName("primary")
        go.clicked.connect(self.back_to_library)
        layout.addWidget(title)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(go, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.stack.addWidget(self.empty)

    def _build_stage(self) -> None:
        self.stage = _Stage()
        layout = QVBoxLayout(self.stage)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.setSpacing(8)

        # The exercise on a line of its own (a long name is never cut by the load), then
        # the load beside the workout's progress.
        header = QHBoxLayout()
        header.setSpacing(16)
        self.exercise_label = make_label("", None)
        self.exercise_label.setAccessibleName(tr("Exercise"))
        header.addWidget(self.exercise_label, 1)
        overall = QVBoxLayout()
        overall.setSpacing(4)
        self.time_left_label = SteadyLabel()
        self.time_left_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.time_left_label.setAccessibleName(tr("Time left in the workout"))
        self.time_left_label.setFont(tabular(self.time_left_label.font()))
        self.overall_bar = ProgressLine(maximum=1000)
        self.overall_bar.setMinimumWidth(220)  # as wide as the time left above it
        self.overall_bar.setAccessibleName(tr("Workout progress"))
        overall.addWidget(self.time_left_label, 0, Qt.AlignmentFlag.AlignRight)
        overall.addWidget(self.overall_bar)
        header.addLayout(overall)
        layout.addLayout(header)
        load_row = QHBoxLayout()
        load_row.setSpacing(16)
        self.load_label = make_label("", None)
        self.load_label.setAccessibleName(tr("Load"))
        load_row.addWidget(self.load_label)
        self.load_button = QPushButton(tr("Change load  (L)"))
        self.load_button.setAccessibleName(tr("Change load"))
        self.load_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.load_button.clicked.connect(self.change_load)
        load_row.addWidget(self.load_button)
        load_row.addStretch(1)
        layout.addLayout(load_row)

        # The figure doing the movement, the step's ring with the hero digits, and the
        # rep, set and side: read from left to right, the ring in the middle.
        middle = QHBoxLayout()
        middle.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addStretch(1)
        self.figure_caption = make_label(tr("Up next"), "muted")
        self.figure_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_policy = self.figure_caption.sizePolicy()
        caption_policy.setRetainSizeWhenHidden(True)  # the figure stays where it is
        self.figure_caption.setSizePolicy(caption_policy)
        self.figure = ExerciseFigure()
        self.figure.setMinimumSize(FIGURE_MIN_WIDTH, self.figure.heightForWidth(FIGURE_MIN_WIDTH))
        left.addWidget(self.figure_caption)
        left.addWidget(self.figure)
        left.addStretch(1)
        self.ring = ProgressRing()
        self.ring.setMinimumSize(RING_MIN_PX, RING_MIN_PX)  # the digits shrink with it
        right = QVBoxLayout()
        right.setSpacing(24)
        self._stats = right
        right.addStretch(1)
        self.rep_block = StatBlock(tr("Rep"))
        self.set_block = StatBlock(tr("Set"))
        self.side_block = StatBlock(tr("Side"))
        policy = self.side_block.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.side_block.setSizePolicy(policy)
        for block in (self.rep_block, self.set_block, self.side_block):
            right.addWidget(block)
        right.addStretch(1)
        middle.addLayout(left, 3)
        middle.addWidget(self.ring, 4)
        middle.addLayout(right, 2)
        layout.addLayout(middle, 1)

        self.next_label = make_label("", None)
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label.setAccessibleName(tr("Next"))
        layout.addWidget(self.next_label)
        self.effort = EffortBar()  # the set just done: easy / right / hard (issue 15)
        self.effort.rated.connect(self._rate)
        layout.addWidget(self.effort)

        # The controls in one row; in a window too narrow for it, the last two take a second
        # row rather than any label being cut (decided on resize: a Python layout here
        # would run on every repaint of a running workout).
        controls = QHBoxLayout()
        controls.setSpacing(10)
        self._extra_controls = QHBoxLayout()
        self._extra_controls.setSpacing(10)
        self.toggle_button = self._control(
            tr("Start"), tr("Space"), tr("Start, pause or resume"), self.toggle
        )
        self.toggle_button.setProperty("primary", True)
        self.back_button = self._control(
            tr("Back"), tr("← or B"), tr("Back to the start of the rep"), self.back
        )
        self.skip_button = self._control(
            tr("Skip"), tr("→ or N"), tr("Skip to the next step"), self.skip
        )
        self.finish_button = self._control(
            tr("Finish set"), tr("Enter"), tr("Finish the set with the reps done"), self.finish_set
        )
        self.rest_minus_button = self._control(
            tr("−15 s"),
            "−",
            tr("Make the rest 15 seconds shorter"),
            lambda: self.adjust_rest("rest_minus"),
        )
        self.rest_plus_button = self._control(
            tr("+15 s"),
            "+",
            tr("Make the rest 15 seconds longer"),
            lambda: self.adjust_rest("rest_plus"),
        )
        self._in_rest = False  # -15 s and +15 s shown in Finish set's place
        self.rest_minus_button.hide()
        self.rest_plus_button.hide()
        self.stop_button = self._control(tr("Stop"), tr("Esc"), tr("Stop the workout"), self.stop)
        self.mute_button = self._control(
            tr("Mute"), "M", tr("Mute the voice and sounds"), self.toggle_mute
        )
        self.mute_button.setCheckable(True)
        self.fullscreen_button = self._control(
            tr("Fullscreen"), "F11", tr("Fullscreen on or off"), self.fullscreen_requested.emit
        )
        self._row_buttons = (
            self.toggle_button,
            self.back_button,
            self.skip_button,
            self.finish_button,
            self.rest_minus_button,
            self.rest_plus_button,
            self.stop_button,
        )
        for button in self._row_buttons:
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.mute_button)
        controls.addWidget(self.fullscreen_button)
        self._controls = controls
        layout.addLayout(controls)
        self._extra_controls.addStretch(1)
        layout.addLayout(self._extra_controls)
        self.stack.addWidget(self.stage)

    def _control(self, text: str, keys: str, accessible: str, slot: Any) -> KeyButton:
        button = KeyButton(text, keys)
        button.setAccessibleName(text)
        button.setToolTip(f"{accessible} ({keys})")
        # The keys drive the workout; focus on a button would swallow Space and Enter.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _build_summary(self) -> None:
        self.summary = WorkoutSummary()
        self.summary.again.connect(self._again)
        self.summary.leave.connect(self.back_to_library)
        self.summary.effort.rated.connect(self._rate)
        # The parts tests and the keys reach for.
        self.summary_title = self.summary.title
        self.summary_line = self.summary.line
        self.summary_table = self.summary.table
        self.summary_effort = self.summary.effort
        self.again_button = self.summary.again_button
        self.library_button = self.summary.library_button
        self.stack.addWidget(self.summary)

    def _build_shortcuts(self) -> None:
        actions = {
            "toggle": self.toggle,
            "skip": self.skip,
            "back": self.back,
            "finish": self.finish_set,
            "rest_plus": lambda: self.adjust_rest("rest_plus"),
            "rest_minus": lambda: self.adjust_rest("rest_minus"),
            "stop": self.stop,
            "fullscreen": self.fullscreen_requested.emit,
            "mute": self.toggle_mute,
            "load": self.change_load,
        }
        self.shortcuts: list[QShortcut] = []
        for name, keys in SHORTCUTS.items():
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setAutoRepeat(False)
                shortcut.activated.connect(actions[name])
                self.shortcuts.append(shortcut)
        self.effort_keys = EffortKeys(self, [self.effort, self.summary_effort])

    # ------------------------------------------------------------ attaching a session

    def attach(
        self,
        driver: SessionDriver,
        protocol: Protocol,
        units: str,
        coming: NextSession | None = None,
    ) -> None:
        """Follow ``driver``'s workout of ``protocol``; ``coming`` is the coach's view of
        the protocol's next session before it (the summary's "Next time")."""
        self.detach()
        self.driver = driver
        self.plan = driver.session.plan
        self._protocol = protocol
        self._coming = coming
        self._units = units
        self._completed = []
        self._phase = ""
        self._static_key = None
        driver.view_changed.connect(self.show_view)
        driver.session_event.connect(self._on_event)
        driver.frame_interval = self.frame_interval
        driver.frame = self._frame
        self.stack.setCurrentWidget(self.stage)
        self.show_view(driver.view())

    def detach(self) -> None:
        if self.driver is not None:
            self.driver.view_changed.disconnect(self.show_view)
            self.driver.session_event.disconnect(self._on_event)
            self.driver.close()
        self.driver = None
        self.plan = None
        self.stack.setCurrentWidget(self.empty)

    def frame_interval(self, display: Display) -> float:
        """Seconds until the next frame (see ``timers.frame_gap``)."""
        view = display.view
        figure = self.figure
        speed = 0.0
        if figure.isVisible():
            speed = figure.speed(view.step.phase, view.step_duration, view.step_elapsed)
        return frame_gap(view.step_duration, speed, self.ring.circumference())

    @property
    def coming(self) -> NextSession | None:
        """The coach's view of the next session with the workout just finished in it."""
        return self.summary.coming

    @property
    def running(self) -> bool:
        return self.driver is not None and self.driver.state in (State.RUNNING, State.PAUSED)

    # ------------------------------------------------------------ commands

    def toggle(self) -> None:
        if self._leave_summary():
            return
        if self.driver is not None and self.stack.currentWidget() is self.stage:
            self.driver.toggle()

    def skip(self) -> None:
        if self.driver is not None:
            self.driver.skip()

    def back(self) -> None:
        if self.driver is not None:
            self.driver.back()

    def finish_set(self) -> None:
        if self._leave_summary():
            return
        if self.driver is not None:
            self.driver.finish_set()

    def _leave_summary(self) -> bool:
        """Space or Enter on the end-of-workout summary: the focused button's action (back
        to the Library, unless "Do it again" has the focus)."""
        if self.stack.currentWidget() is not self.summary:
            return False
        if self.again_button.hasFocus():
            self._again()
        else:
            self.back_to_library.emit()
        return True

    def stop(self) -> None:
        if self.driver is not None:
            self.stop_requested.emit()

    def adjust_rest(self, command: str) -> None:
        """``rest_plus`` or ``rest_minus``: the rest 15 s longer or shorter."""
        if self.driver is not None:
            self.driver.command(command)

    def toggle_mute(self) -> None:
        if self.sender() is not self.mute_button:
            self.mute_button.setChecked(not self.mute_button.isChecked())
        muted = self.mute_button.isChecked()
        self.mute_button.set_label(tr("Unmute") if muted else tr("Mute"))
        self.mute_changed.emit(muted)

    def change_load(self) -> None:
        if self.driver is None or self._last_view is None or not self.load_button.isVisible():
            return
        display = self._last_view
        block = display.block
        last = self._completed[-1] if self._completed else None
        can_correct = not display.in_set and last is not None and last.block == block
        dialog = LoadDialog(display.load, self._units, can_correct, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.load_dialog = dialog

        def apply() -> None:
            if self.driver is None:
                return
            self.driver.change_load(
                block,
                dialog.load_text(),
                correct_last=can_correct and dialog.correct_last.isChecked(),
            )

        dialog.accepted.connect(apply)
        dialog.open()

    def _rate(self, effort: int) -> None:
        """The effort bar's choice for the set just finished (0: no rating)."""
        if self.driver is not None:
            self.driver.rate_last_set(effort or None)

    def _again(self) -> None:
        if self._protocol is not None:
            self.start_again.emit(self._protocol)

    # ------------------------------------------------------------ showing

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._phase = ""
        self._static_key = None
        self.figure.set_theme(theme)
        self.overall_bar.set_colors(QColor(theme.surface), QColor(theme.accent))
        if self._last_view is not None and self.driver is not None:
            self.show_view(self._last_view)

    def show_view(self, display: Display) -> None:
        """Paint ``display`` (the pure object ``glute_timer.core.display`` makes)."""
        self._last_view = display
        if self.plan is None:
            return
        phase = display.phase
        if phase != self._phase:
            self._phase = phase
            t = self._theme
            tint = t.phase_tint(phase)
            self.stage.set_tint(tint)
            self.figure.set_theme(t, tint.name())
            self.ring.set_colors(
                t.phase_color(phase),
                t.phase_text_color(phase),
                QColor(t.border),
                QColor(t.text),
                tint,
            )
        caption = tr("Paused") if display.paused else display.coming_load  # "Set 2: 42.5 kg"
        if display.state is State.IDLE:
            caption = tr("Press Space to start")
        span = display.span
        fit = rep_text(span.target, span.target) if display.hero_is_rep and span else "00"
        self.ring.set_state(
            progress=display.view.step_progress,
            digits=display.hero,
            title=display.phase_label,
            caption=caption,
            dimmed=display.paused,
            fit=fit,
        )
        # The figure: the exercise of the set (during a rest, the next one), at the
        # moment of the step the clock is in; the frames in between move it on.
        step = display.view.step
        self._step = step
        self.figure.set_exercise(display.exercise_id, span.side if span else display.side)
        self.figure.set_moment(*step_moment(step, display.view.step_elapsed))

        # Per tick, only what moves: Qt is asked only when a value differs from the last.
        if display.time_left != self._time_left:
            self._time_left = display.time_left
            self.time_left_label.setText(display.time_left)
        permille = round(display.view.progress * 1000)
        if permille != self._permille:
            self._permille = permille
            self.overall_bar.setValue(permille)

        # The rest changes only with the step, the state or a command (cheap ticks).
        key = (
            display.view.step.index,
            display.state,
            display.reps_done,
            display.can_finish_set,
            display.load,
            display.can_adjust_rest,
        )
        if key == self._static_key:
            return
        self._static_key = key

        self._set_text(self.exercise_label, display.exercise_name)
        self.figure_caption.setVisible(not display.in_set and display.active)
        self.load_label.setVisible(display.shows_load)
        self.load_button.setVisible(display.shows_load)
        self._set_text(self.load_label, tr("Load: {load}").format(load=load_text(display.load)))
        if display.span is not None:
            self.rep_block.set(
                f"{display.rep} / {display.reps_target}",
                tr("range {range}").format(range=display.reps_range),
            )
            self.set_block.set(f"{display.set} / {display.sets}")
        self.side_block.set(side_label(display.side))
        self.side_block.setVisible(display.per_side_workout)

        next_text = display.next_text
        self._set_text(
            self.next_label, tr("Next: {next}").format(next=next_text) if next_text else ""
        )
        rest_after_set = display.in_rest and display.active and bool(self._completed)
        self.effort.show_for(self._completed[-1] if rest_after_set else None)

        running = display.running
        paused = display.paused
        active = display.active
        self.toggle_button.set_label(
            tr("Pause") if running else tr("Resume") if paused else tr("Start")
        )
        self.toggle_button.setEnabled(display.state in (State.IDLE, State.RUNNING, State.PAUSED))
        self.back_button.setEnabled(active)
        self.skip_button.setEnabled(active)
        self.stop_button.setEnabled(active)
        self.finish_button.setEnabled(display.can_finish_set)
        # In a rest "Finish set" means nothing: its place holds -15 s and +15 s.
        if self._in_rest != display.can_adjust_rest:
            self._in_rest = display.can_adjust_rest
            self.finish_button.setVisible(not self._in_rest)
            self.rest_minus_button.setVisible(self._in_rest)
            self.rest_plus_button.setVisible(self._in_rest)
            self._fit_controls()

    def _frame(self, progress: float) -> None:
        """A frame between full wakes: the ring's end and the figure move on."""
        self.ring.set_progress(progress)
        step = self._step
        if step is not None:
            self.figure.set_moment(step.phase, progress, step.duration)

    @staticmethod
    def _set_text(widget: QLabel | QPushButton, text: str) -> None:
        if widget.text() != text:
            widget.setText(text)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, SetCompleted):
            self._completed.append(event.record)
        elif isinstance(event, SetCorrected):
            if 0 <= event.index < len(self._completed):
                self._completed[event.index] = event.record
                if event.index == len(self._completed) - 1:  # rated: the bars follow
                    for bar in (self.effort, self.summary_effort):
                        if bar.record is not None:
                            bar.show_for(event.record)
                if self.stack.currentWidget() is self.summary:
                    self.summary.correct(event.index, event.record)
        elif isinstance(event, WorkoutFinished):
            self._completed = list(event.sets)
            self._show_summary(event)

    def _show_summary(self, event: WorkoutFinished) -> None:
        seconds = self.driver.view().view.elapsed if self.driver is not None else 0.0
        if self._protocol is not None:
            self.summary.show_finished(event, seconds, self._protocol, self._coming)
        self.stack.setCurrentWidget(self.summary)
        self.library_button.setFocus()

    # ------------------------------------------------------------ sizing for the mat

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()
        self._fit_controls()

    def _fit_controls(self) -> None:
        """Mute and Fullscreen move to a second row when one row would cut a label."""
        shown = (*self._row_buttons, self.mute_button, self.fullscreen_button)
        buttons = [b for b in shown if not b.isHidden()]  # in a rest: -15 s, +15 s
        stage_layout = self.stage.layout()
        margins = stage_layout.contentsMargins() if stage_layout is not None else None
        room = self.width() - (margins.left() + margins.right() if margins is not None else 0)
        needed = sum(b.sizeHint().width() for b in buttons) + 10 * (len(buttons) + 1)
        two_rows = needed > room
        moved = self._extra_controls.indexOf(self.mute_button) >= 0
        if two_rows == moved:
            return
        source, target = (
            (self._controls, self._extra_controls)
            if two_rows
            else (self._extra_controls, self._controls)
        )
        for button in (self.mute_button, self.fullscreen_button):
            source.removeWidget(button)
            target.addWidget(button)

    def _rescale(self) -> None:
        height = max(400, self.height())
        compact = height < COMPACT_BELOW
        stat_px = max(24, int(height * (0.05 if compact else 0.07)))
        for block in (self.rep_block, self.set_block, self.side_block):
            block.set_scale(stat_px)
            block.note.setVisible(not compact)
        self._stats.setSpacing(8 if compact else 24)
        header_px = max(20, int(height * 0.042))
        self.exercise_label.setStyleSheet(f"font-size: {header_px}px; font-weight: 700;")
        self.load_label.setStyleSheet(f"font-size: {max(16, int(height * 0.03))}px;")
        # "Next" and "Time left" read from the mat: 40 px and more in a window of the
        # default size (the page is about 770 px high there).
        reading_px = max(22, round(MIN_READING_PX * height / 740))
        self.time_left_label.setStyleSheet(f"font-size: {reading_px}px; font-weight: 600;")
        self.next_label.setStyleSheet(f"font-size: {reading_px}px;")
        self.figure_caption.setStyleSheet(f"font-size: {max(14, int(height * 0.026))}px;")
        for bar in (self.effort, self.summary_effort):
            bar.set_scale(max(16, int(height * 0.026)))
        self.effort.set_compact(compact)
        stage_layout = self.stage.layout()
        if stage_layout is not None:
            vertical = 8 if compact else 18
            stage_layout.setContentsMargins(28, vertical, 28, vertical)


def side_label(side: str | None) -> str:
    """The Side block's value: "Left", "Right", or "Both"."""
    if side == "left":
        return tr("Left", "side")
    if side == "right":
        return tr("Right", "side")
    return side.capitalize() if side else tr("Both")
