"""The protocol library: presets and the user's own, details, and the start panel."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glute_timer.core.exercises import find_exercise
from glute_timer.core.i18n import format_integer, format_number, load_text
from glute_timer.core.library import ProtocolEntry, load_user_protocols, ordered_presets
from glute_timer.core.plan import MAX_CUES, Plan, WorkoutTooBig, check_workout_size, format_clock
from glute_timer.core.protocol import Protocol
from glute_timer.core.settings import Settings
from glute_timer.gui.coach_panel import CoachPanel
from glute_timer.gui.i18n import tr
from glute_timer.gui.library_texts import cue_preview_lines, protocol_facts, run_note
from glute_timer.gui.movement_preview import MovementPreview, tempo_text
from glute_timer.gui.planning import BackgroundPlanner, PlanResult
from glute_timer.gui.theme import Theme
from glute_timer.gui.timers import single_shot_timer
from glute_timer.gui.widgets import Card, FlowLayout, make_label, plain_spin

RELOAD_AFTER_MS = 300
"""A burst of changes in the protocols folder (a save is a write and a rename) reloads once."""


class LibraryPage(QWidget):
    start_requested = Signal(object, str)  # Protocol (possibly customised), protocol id
    save_copy_requested = Signal(object)  # Protocol: save as a new protocol
    edit_requested = Signal(object)  # ProtocolEntry, or None for a new protocol
    import_requested = Signal()
    export_requested = Signal(object)  # ProtocolEntry
    delete_requested = Signal(object)  # ProtocolEntry
    protocol_shown = Signal(object)  # Protocol shown in the start panel (sound gets ready)

    def __init__(
        self,
        protocols_dir: Path,
        parent: QWidget | None = None,
        *,
        history_db: Path | None = None,
        settings: Callable[[], Settings] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.protocols_dir = protocols_dir
        # The coach (issue 15): last time and the suggestion, what Start runs by default.
        self.coach = CoachPanel(history_db, settings)
        self.coach.changed.connect(self._coach_changed)
        self._base: Protocol | None = None  # what the start panel's run starts from
        self.entries: list[ProtocolEntry] = []
        self._presets: list[ProtocolEntry] | None = None
        self._current: ProtocolEntry | None = None
        self.planner = BackgroundPlanner()
        """Plans are made off the GUI thread: a big workout never freezes the window."""
        self.destroyed.connect(self.planner.forget)  # no late plan for a deleted page
        self._start_when_planned: Protocol | None = None
        # New, changed and removed files in the protocols folder show up at once.
        self._watcher: QFileSystemWatcher | None = None
        self._reload_soon = single_shot_timer(self, RELOAD_AFTER_MS)
        self._reload_soon.timeout.connect(self._folder_changed)

        root = QHBoxLayout(self)
        root.setContentsMargins(24, 22, 24, 22)
        root.setSpacing(20)
        root.addLayout(self._build_list(), 0)
        root.addLayout(self._build_details(), 1)

        start = QShortcut(QKeySequence("Return"), self)
        start.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        start.activated.connect(self.start_current)
        enter = QShortcut(QKeySequence("Enter"), self)
        enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        enter.activated.connect(self.start_current)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)

    # ------------------------------------------------------------ building

    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(make_label(tr("Library"), "pageTitle"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search protocols and exercises  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search protocols"))
        self.search.textChanged.connect(self._filter)
        column.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Protocols"))
        self.list.setMinimumWidth(250)
        self.list.setMaximumWidth(320)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.start_current())
        column.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(tr("New protocol"))
        self.new_button.setAccessibleName(tr("New protocol"))
        self.new_button.clicked.connect(lambda: self.edit_requested.emit(None))
        self.import_button = QPushButton(tr("Import…"))
        self.import_button.setAccessibleName(tr("Import a protocol file"))
        self.import_button.clicked.connect(self.import_requested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        column.addLayout(buttons)
        return column

    def _build_details(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(14)
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.details = QVBoxLayout(inner)
        self.details.setContentsMargins(0, 0, 8, 0)
        self.details.setSpacing(12)

        self.title = make_label("", "pageTitle", wrap=True)
        self.title.setAccessibleName(tr("Protocol name"))
        self.description = make_label("", None, wrap=True)
        self.description.setStyleSheet("font-size: 15px;")
        self.chips = FlowLayout(spacing=8)  # wraps in a narrow window
        self.chip_labels: list[QLabel] = []
        self.equipment_label = make_label("", "muted", wrap=True)
        self.equipment_label.setAccessibleName(tr("Equipment"))
        self.error_label = make_label("", "fieldError", wrap=True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setAccessibleName(tr("Load error"))

        actions = QHBoxLayout()
        self.edit_button = QPushButton(tr("Edit"))
        self.edit_button.clicked.connect(self._edit)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.clicked.connect(self._export)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.clicked.connect(self._delete)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)

        blocks_card = Card()
        blocks_card.add(make_label(tr("Blocks"), "sectionTitle"))
        self.blocks_table = QTableWidget(0, 6)
        self.blocks_table.setHorizontalHeaderLabels(
            [tr("Exercise"), tr("Sets × reps"), tr("Tempo"), tr("Rest"), tr("Load"), tr("Per side")]
        )
        self.blocks_table.setAccessibleName(tr("Blocks"))
        self.blocks_table.verticalHeader().setVisible(False)
        self.blocks_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A row picked shows its block in the movement preview.
        self.blocks_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.blocks_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.blocks_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blocks_table.currentCellChanged.connect(self._block_picked)
        self.blocks_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # In a narrow window the table scrolls sideways itself, not the whole page.
        self.blocks_table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.blocks_table.setMinimumWidth(120)
        header = self.blocks_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        blocks_card.add(self.blocks_table)

        self.movement = MovementPreview()
        self.movement.setAccessibleName(tr("How it moves"))

        self.exercise_card = Card()
        self.exercise_text = make_label("", None, wrap=True)
        self.exercise_text.setTextFormat(Qt.TextFormat.RichText)
        self.exercise_text.setAccessibleName(tr("Exercise instructions and form notes"))
        self.exercise_card.add(self.exercise_text)

        cues_card = Card()
        cues_card.add(make_label(tr("Cue preview"), "sectionTitle"))
        self.cue_text = make_label("", None, wrap=True)
        self.cue_text.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.cue_text.setAccessibleName(tr("Cue preview"))
        cues_card.add(self.cue_text)

        self.details.addWidget(self.title)
        self.details.addWidget(self.description)
        self.details.addLayout(self.chips)
        self.details.addWidget(self.equipment_label)
        self.details.addWidget(self.error_label)
        self.details.addLayout(actions)
        self.details.addWidget(self.movement)
        self.details.addWidget(blocks_card)
        self.details.addWidget(self.exercise_card)
        self.details.addWidget(cues_card)
        self.details.addStretch(1)
        self.details_scroll.setWidget(inner)
        column.addWidget(self.details_scroll, 1)
        self.detail_cards = [self.movement, blocks_card, self.exercise_card, cues_card]

        self.start_card = Card(spacing=6)
        row = FlowLayout(spacing=14)
        self.hold_spin = QDoubleSpinBox()
        plain_spin(self.hold_spin)
        self.hold_spin.setRange(0.0, 600.0)
        self.hold_spin.setDecimals(0)
        self.hold_spin.setSuffix(tr(" s hold"))  # "s" is the unit: the same for 1 and 2
        self.hold_spin.setMinimumWidth(110)
        self.hold_spin.setAccessibleName(tr("Hold seconds for this run"))
        self.hold_spin.setToolTip(
            tr("Hold at the top of each rep, for this run (Up/Down to change)")
        )
        self.hold_spin.valueChanged.connect(self._customised)
        self.target_spin = QSpinBox()
        plain_spin(self.target_spin)
        self.target_spin.setRange(1, 200)
        self.target_spin.setSuffix(tr(" reps"))
        self.target_spin.valueChanged.connect(
            lambda value: self.target_spin.setSuffix(" rep" if value == 1 else " reps")
        )
        self.target_spin.setMinimumWidth(100)
        self.target_spin.setAccessibleName(tr("Reps target for this run"))
        self.target_spin.setToolTip(tr("Reps each set runs to, for this run (Up/Down to change)"))
        self.target_spin.valueChanged.connect(self._customised)
        self.run_total = make_label("", None)
        self.run_total.setStyleSheet("font-size: 18px; font-weight: 700;")
        self.run_total.setAccessibleName(tr("Total duration"))
        self.save_copy_button = QPushButton(tr("Save as new"))
        self.save_copy_button.setAccessibleName(tr("Save these settings as a new protocol"))
        self.save_copy_button.setToolTip(
            tr("Save this hold and reps target as a protocol of your own")
        )
        self.save_copy_button.clicked.connect(self._save_copy)
        self.start_button = QPushButton(tr("Start workout  ⏎"))
        self.start_button.setObjectName("primary")
        self.start_button.setAccessibleName(tr("Start workout"))
        self.start_button.setToolTip(tr("Start the workout (Enter)"))
        self.start_button.clicked.connect(self.start_current)
        # One row that wraps where the width runs out: down to the window's smallest size
        # every label stays whole.
        for widget in (
            self.hold_spin,
            self.target_spin,
            self.run_total,
            self.save_copy_button,
            self.start_button,
        ):
            row.addWidget(widget)
        self.custom_note = make_label("", "muted", wrap=True)
        self.start_card.add(self.coach)
        self.start_card.add(row)
        self.start_card.add(self.custom_note)
        column.addWidget(self.start_card)
        return column

    # ------------------------------------------------------------ loading

    def reload(self, select_path: object = None) -> None:
        """Read the presets (once) and the user's folder; a broken file is listed too."""
        if self._presets is None:
            self._presets = ordered_presets()
        keep = self._current
        self.entries = [*self._presets, *load_user_protocols(self.protocols_dir)]
        self._watch()
        self.list.blockSignals(True)
        self.list.clear()
        sections = (
            (tr("PRESETS"), [e for e in self.entries if e.builtin]),
            (tr("MY PROTOCOLS"), [e for e in self.entries if not e.builtin and e.protocol]),
            (tr("COULD NOT LOAD"), [e for e in self.entries if e.protocol is None]),
        )
        for title, entries in sections:
            if not entries:
                continue
            header = QListWidgetItem(title)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
            header.setFont(font)
            self.list.addItem(header)
            for entry in entries:
                if entry.protocol is not None:
                    text = entry.protocol.name
                else:
                    text = f"⚠ {entry.path.name if entry.path else entry.id}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry)
                if entry.error is not None:
                    item.setToolTip(str(entry.error))
                self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        target: int | None = None
        for row in range(self.list.count()):
            entry = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            if entry is None:
                continue
            if select_path is not None and entry.path == select_path:
                target = row
                break
            if keep is not None and (entry.id, entry.builtin) == (keep.id, keep.builtin):
                target = row
            if target is None and select_path is None and keep is None:
                target = row
        if target is None:
            target = self._first_selectable()
        if target is not None:
            self.list.setCurrentRow(target)
        else:
            self._show(None)

    def _watch(self) -> None:
        """Watch the protocols folder (and its files, for editors that write in place)."""
        folder = self.protocols_dir
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.directoryChanged.connect(self._directory_changed)
            self._watcher.fileChanged.connect(lambda _path: self._reload_soon.start())
        watched = set(self._watcher.directories()) | set(self._watcher.files())
        wanted = {str(entry.path) for entry in self.entries if entry.path is not None}
        if folder.is_dir():
            wanted.add(str(folder))
        elif folder.parent.is_dir():
            wanted.add(str(folder.parent))  # the folder does not exist yet: its parent
        gone = watched - wanted
        if gone:
            self._watcher.removePaths(sorted(gone))
        new = wanted - watched
        if new:
            self._watcher.addPaths(sorted(new))

    def _directory_changed(self, path: str) -> None:
        # Before the protocols folder exists its parent (the history's too) is watched: only
        # its appearing counts, or each read of the history by the coach would reload.
        if path == str(self.protocols_dir) or self.protocols_dir.is_dir():
            self._reload_soon.start()

    def _folder_changed(self) -> None:
        current = self._current
        self.reload(
            select_path=current.path if current is not None and not current.builtin else None
        )

    def _first_selectable(self) -> int | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) is not None and not item.isHidden():
                return row
        return None

    def select_id(self, entry_id: str) -> bool:
        for row in range(self.list.count()):
            entry = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            if entry is not None and entry.id == entry_id:
                self.list.setCurrentRow(row)
                return True
        return False

    @property
    def current(self) -> ProtocolEntry | None:
        return self._current

    # ------------------------------------------------------------ showing

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        visible_in_section = False
        header_item: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry = item.data(Qt.ItemDataRole.UserRole)
            if entry is None:
                if header_item is not None:
                    header_item.setHidden(not visible_in_section)
                header_item, visible_in_section = item, False
                continue
            haystack = entry.searchable()
            hidden = not all(word in haystack for word in words)
            item.setHidden(hidden)
            visible_in_section = visible_in_section or not hidden
        if header_item is not None:
            header_item.setHidden(not visible_in_section)
        current = self.list.currentItem()
        if current is None or current.isHidden():
            first = self._first_selectable()
            if first is not None:
                self.list.setCurrentRow(first)
            else:
                # No match: nothing is selected, so Enter starts nothing that is not listed.
                self.list.setCurrentRow(-1)
                self._show(None)

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._show(entry)

    def _show(self, entry: ProtocolEntry | None) -> None:
        self._current = entry
        protocol = entry.protocol if entry is not None else None
        for chip in self.chip_labels:
            self.chips.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.chip_labels = []
        has_protocol = protocol is not None
        for card in self.detail_cards:
            card.setVisible(has_protocol)
        if not has_protocol:
            self.movement.stop()
        self.start_card.setVisible(has_protocol)
        if protocol is not None:
            self.protocol_shown.emit(protocol)
        # A file that did not load opens in the editor too, to be fixed there.
        fixable = entry is not None and entry.protocol is None and entry.path is not None
        self.edit_button.setVisible(has_protocol or fixable)
        self.export_button.setVisible(has_protocol)
        self.delete_button.setVisible(entry is not None and not entry.builtin)
        self.equipment_label.setVisible(has_protocol)
        if entry is None:
            self.title.setText(tr("Nothing here yet") if not self.entries else tr("No match"))
            self.description.setText(tr("Try another search, or make a new protocol."))
            self.error_label.setVisible(False)
            return
        if protocol is None:
            name = entry.path.name if entry.path else entry.id
            self.title.setText(tr("{name} could not be loaded").format(name=name))
            self.description.setText(
                tr(
                    "The other protocols are fine. Fix it in the editor (Fix…), in a text "
                    "editor, or delete it."
                )
            )
            self.edit_button.setText(tr("Fix…"))
            self.edit_button.setAccessibleName(tr("Fix the protocol in the editor"))
            self.error_label.setText(str(entry.error) if entry.error else "")
            self.error_label.setVisible(True)
            return
        self.error_label.setVisible(False)
        self.title.setText(protocol.name)
        self.description.setText(protocol.description or tr("No description."))
        self.description.setVisible(True)
        self.edit_button.setText(tr("Edit a copy") if entry.builtin else tr("Edit"))
        self.edit_button.setAccessibleName(self.edit_button.text())

        # Counted, not planned: the plan itself (for the cue preview) is made off the GUI
        # thread. The Library lists only protocols within the workout limits.
        size = check_workout_size(protocol, entry.id)
        equipment, chips = protocol_facts(protocol, size, entry.builtin)
        self.equipment_label.setText(equipment)
        for text in chips:
            chip = make_label(text, "chip")
            self.chips.addWidget(chip)
            self.chip_labels.append(chip)

        table = self.blocks_table
        table.setRowCount(len(protocol.blocks))
        for row, block in enumerate(protocol.blocks):
            exercise = find_exercise(block.exercise)
            reps = block.reps_text
            if block.reps_min != block.reps_max and block.target != block.reps_max:
                reps += " " + tr("(to {target})").format(target=block.target)
            rest = f"{format_number(block.rest)} s" if block.sets > 1 else "–"
            values = [
                exercise.name if exercise else block.exercise,
                f"{block.sets} × {reps}",
                tempo_text(block.tempo),
                rest,
                load_text(block.load.text),
                tr("yes") if block.per_side else tr("no"),
            ]
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        row_height = table.fontMetrics().height() + 16
        table.verticalHeader().setDefaultSectionSize(row_height)
        header_height = max(table.horizontalHeader().sizeHint().height(), row_height + 2)
        scrollbar = table.horizontalScrollBar().sizeHint().height()  # room for it, if needed
        table.setFixedHeight(header_height + row_height * table.rowCount() + 4 + scrollbar)

        table.setCurrentCell(-1, -1)
        self.movement.block = 0  # a new protocol shows its first block
        self.exercise_text.setText(self._exercise_html(protocol))
        self.cue_text.setText(tr("Planning {n} cues…").format(n=format_integer(size.cues)))
        self.planner.request(protocol, self._planned)
        self.coach.show_protocol(entry.id, protocol)
        self._reset_spins(self.coach.base(protocol))

    def _coach_changed(self) -> None:
        """The coach's suggestion arrived, or the user switched to or from it: the run's
        hold and reps start from what Start now runs."""
        entry = self._current
        if entry is not None and entry.protocol is not None:
            base = self.coach.base(entry.protocol)
            if base != self._base:  # the user's hold and reps stay while it is the same
                self._reset_spins(base)

    def _reset_spins(self, protocol: Protocol) -> None:
        self._base = protocol
        lead = protocol.lead_block  # what the run's hold and reps start from
        self.hold_spin.blockSignals(True)
        self.hold_spin.setValue(lead.tempo.hold)
        self.hold_spin.blockSignals(False)
        self.target_spin.blockSignals(True)
        self.target_spin.setValue(lead.target)
        self.target_spin.setEnabled(not lead.is_single_hold)
        self.target_spin.blockSignals(False)
        self._original = (self.hold_spin.value(), self.target_spin.value())
        self._customised()

    def _exercise_html(self, protocol: Protocol) -> str:
        seen: list[str] = []
        parts: list[str] = []
        for block in protocol.blocks:
            exercise = find_exercise(block.exercise)
            if exercise is None or exercise.id in seen:
                continue
            seen.append(exercise.id)
            steps = "".join(f"<li>{escape(step)}</li>" for step in exercise.instructions)
            notes = "".join(f"<li>{escape(note)}</li>" for note in exercise.form_notes)
            parts.append(
                f"<h3 style='margin:0'>{escape(exercise.name)}</h3>"
                f"<p style='margin:4px 0'><b>{escape(tr('How to'))}</b></p>"
                f"<ol style='margin-top:0'>{steps}</ol>"
                f"<p style='margin:4px 0'><b>{escape(tr('Form notes'))}</b></p>"
                f"<ul style='margin-top:0'>{notes}</ul>"
            )
        if not parts:
            return "<i>Free-text exercises: no instructions in the exercise library.</i>"
        return "".join(parts)

    # ------------------------------------------------------------ start panel

    def run_protocol(self) -> Protocol | None:
        """The selected protocol with the start panel's hold and target applied."""
        entry = self._current
        if entry is None or entry.protocol is None:
            return None
        hold, target = self.hold_spin.value(), self.target_spin.value()
        original_hold, original_target = self._original
        return self.coach.base(entry.protocol).customised(
            hold=hold if hold != original_hold else None,
            target=target if target != original_target else None,
        )

    def _planned(self, protocol: Protocol, result: PlanResult) -> None:
        """A plan is made (in the GUI thread): the preview, or a start that waited for it."""
        entry = self._current
        if entry is not None and protocol == self.run_protocol():
            # The preview follows the start panel: the run as it will be.
            if isinstance(result, Plan):
                self.cue_text.setText("\n".join(cue_preview_lines(result)))
            else:
                self.cue_text.setText(tr("Could not plan: {error}").format(error=result))
        if self._start_when_planned == protocol:
            self._start_when_planned = None
            if isinstance(result, Plan) and entry is not None and self.run_protocol() == protocol:
                self.start_requested.emit(protocol, entry.id)

    def ready_plan(self, protocol: Protocol) -> Plan | None:
        """The plan of ``protocol`` if it is made already (for starting it)."""
        return self.planner.ready(protocol)

    def _customised(self) -> None:
        entry = self._current
        protocol = self.run_protocol()
        if entry is None or protocol is None:
            return
        changed = (self.hold_spin.value(), self.target_spin.value()) != self._original
        try:
            size = check_workout_size(protocol, entry.id)
        except WorkoutTooBig as exc:
            # The spins reach 600 s holds and 200 reps: every block at once may be too much.
            self.run_total.setText(tr("Too long"))
            self.run_total.setToolTip(exc.reason)
            self.custom_note.setText(tr("Too big for one workout: {why}.").format(why=exc.reason))
            self.start_button.setEnabled(False)
            self.save_copy_button.setEnabled(False)
            return
        self.start_button.setEnabled(True)
        self.run_total.setToolTip(
            tr("{n} cues (at most {limit})").format(
                n=format_integer(size.cues), limit=format_integer(MAX_CUES)
            )
        )
        self.run_total.setText(tr("Total {time}").format(time=format_clock(size.seconds)))
        self.movement.show_block(protocol, self.movement.block)  # the run's tempo
        # The preview follows at once, and the plan is ready by the time Start is pressed.
        self.planner.request(protocol, self._planned)
        self.custom_note.setText(run_note(changed, many=len(protocol.blocks) > 1))
        self.save_copy_button.setEnabled(changed)

    def start_current(self) -> None:
        """Start the run protocol: at once when its plan is made, else when it is."""
        protocol = self.run_protocol()
        item = self.list.currentItem()
        listed = item is not None and not item.isHidden()
        if protocol is None or self._current is None or not listed:
            return
        if not self.start_button.isEnabled():
            return
        if self.planner.ready(protocol) is not None:
            self.start_requested.emit(protocol, self._current.id)
            return
        self._start_when_planned = protocol
        self.planner.request(protocol, self._planned)

    def _save_copy(self) -> None:
        protocol = self.run_protocol()
        if protocol is None:
            return
        hold = format_number(self.hold_spin.value())
        target = self.target_spin.value()
        name = tr("{name} ({hold} s hold, %n rep(s))", "", target).format(
            name=protocol.name, hold=hold
        )
        self.save_copy_requested.emit(protocol.with_changes(name=name[:100]))

    def _block_picked(self, row: int, *_args: object) -> None:
        protocol = self.run_protocol()
        if protocol is not None and row >= 0:
            self.movement.show_block(protocol, row)

    def set_theme(self, theme: Theme) -> None:
        self.movement.set_theme(theme)

    def _edit(self) -> None:
        if self._current is not None:
            self.edit_requested.emit(self._current)

    def _export(self) -> None:
        if self._current is not None and self._current.protocol is not None:
            self.export_requested.emit(self._current)

    def _delete(self) -> None:
        if self._current is not None and not self._current.builtin:
            self.delete_requested.emit(self._current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list.setFocus()
        self.coach.refresh()  # a workout may have been recorded meanwhile
