"""The protocol editor: every field of format 1, validated live by the core's own rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glute_timer.core.exercises import exercise_library, find_exercise
from glute_timer.core.i18n import format_integer
from glute_timer.core.plan import Plan, format_clock, workout_size
from glute_timer.core.protocol import (
    DEFAULT_LEAD_IN,
    DEFAULT_REST,
    DEFAULT_REST_AFTER,
    DEFAULT_SWITCH,
    SCHEDULES,
    Protocol,
    ProtocolError,
    protocol_from_dict,
    protocol_problems,
    protocol_to_dict,
    read_protocol_table,
)
from glute_timer.gui.i18n import tr
from glute_timer.gui.library_texts import cue_preview_lines, schedule_text
from glute_timer.gui.planning import BackgroundPlanner, PlanResult
from glute_timer.gui.timers import single_shot_timer
from glute_timer.gui.widgets import Card, make_label, plain_spin, scroll_safe

SPIN_MAX = 99999.0  # the core's limits speak, not the spin box's


def new_block(default_unit: str = "kg") -> dict[str, Any]:
    return {
        "exercise": "glute-bridge",
        "sets": 2,
        "reps": "10-15",
        "tempo": {"lift": 1, "hold": 2, "lower": 1, "pause": 0},
        "rest": DEFAULT_REST,
        "per_side": False,
        "load": "bodyweight",
        "rest_after": DEFAULT_REST_AFTER,
    }


def form_values(raw: dict[str, Any]) -> dict[str, Any]:
    """What the form can show of a protocol table that failed to load: every value of the
    type its field takes (a wrong type leaves the field at its default; a value out of
    range is kept, so its problem is shown)."""

    def kept(table: dict[str, Any], types: dict[str, tuple[type, ...]]) -> dict[str, Any]:
        out = {}
        for key, value in table.items():
            allowed = types.get(key)
            if allowed is None or (isinstance(value, bool) and bool not in allowed):
                continue  # unknown here, or a true/false where a number belongs
            if isinstance(value, allowed):
                out[key] = value
        return out

    number = (int, float)
    top = kept(
        raw,
        {
            "name": (str,),
            "description": (str,),
            "schedule": (str,),
            "lead_in": number,
            "program_weeks": (int,),
        },
    )
    blocks = []
    for block in raw.get("block", []) if isinstance(raw.get("block"), list) else []:
        if not isinstance(block, dict):
            continue
        clean = kept(
            block,
            {
                "exercise": (str,),
                "sets": (int,),
                "reps": (int, str),
                "target": (int,),
                "rest": number,
                "rest_after": number,
                "switch": number,
                "per_side": (bool,),
                "load": (str,),
            },
        )
        tempo = block.get("tempo")
        if isinstance(tempo, dict):
            clean["tempo"] = kept(
                tempo, {"lift": number, "hold": number, "lower": number, "pause": number}
            )
        blocks.append({**new_block(), **clean})
    base = new_protocol_dict(DEFAULT_LEAD_IN)
    return {**base, **top, "format": 1, "block": blocks or [new_block()]}


def new_protocol_dict(lead_in: float) -> dict[str, Any]:
    return {
        "format": 1,
        "name": tr("My protocol"),
        "description": "",
        "schedule": "as-needed",
        "lead_in": lead_in,
        "block": [new_block()],
    }


def field_of(key: str) -> tuple[int | None, str]:
    """``"block[2].tempo.hold"`` → ``(1, "tempo.hold")``; ``"name"`` → ``(None, "name")``."""
    if key.startswith("block["):
        closing = key.index("]")
        index = int(key[6:closing]) - 1
        return index, key[closing + 2 :] if len(key) > closing + 1 else ""
    return None, key


def validate_all(data: dict[str, Any]) -> dict[tuple[int | None, str], str]:
    """Every problem, each tied to its field (``protocol_problems`` finds them all)."""
    problems: dict[tuple[int | None, str], str] = {}
    for error in protocol_problems(data, "editor"):
        index, key = field_of(error.key)
        problems.setdefault(
            (index, key or ("exercise" if index is not None else "name")), error.reason
        )
    return problems


class _FieldRow:
    def __init__(self, widget: QWidget, error: QLabel) -> None:
        self.widget = widget
        self.error = error


class EditorPage(QWidget):
    saved = Signal(object)  # Path
    closed = Signal()
    save_requested = Signal(object, object)  # Protocol, Path | None (None: a new file)
    export_requested = Signal(object)  # Protocol

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.data: dict[str, Any] = new_protocol_dict(5)
        self.path: Path | None = None
        self.problems: dict[tuple[int | None, str], str] = {}
        self.protocol: Protocol | None = None
        self.planner = BackgroundPlanner(keep=2)
        self.destroyed.connect(self.planner.forget)  # no late plan for a deleted page
        self.dirty = False
        self._current_block = 0
        self._loading = False
        self._rows: dict[tuple[bool, str], _FieldRow] = {}
        self._preview_timer = single_shot_timer(self, 120)
        self._preview_timer.timeout.connect(self._update_preview)

        root = QHBoxLayout(self)
        root.setContentsMargins(24, 22, 24, 22)
        root.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(12)
        header = QHBoxLayout()
        self.heading = make_label(tr("New protocol"), "pageTitle")
        header.addWidget(self.heading, 1)
        self.status = make_label("", "muted")
        header.addWidget(self.status)
        left.addLayout(header)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(14)
        body.addWidget(self._build_top())
        body.addWidget(self._build_blocks())
        body.addStretch(1)
        scroll.setWidget(inner)
        scroll_safe(inner)  # the wheel scrolls the form; it changes no field by accident
        left.addWidget(scroll, 1)
        left.addLayout(self._build_buttons())
        root.addLayout(left, 3)
        root.addWidget(self._build_preview(), 2)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.load_dict(new_protocol_dict(5), None)

    # ------------------------------------------------------------ building

    def _grid_row(
        self,
        grid: QGridLayout,
        row: int,
        label: str,
        widget: QWidget,
        key: str,
        *,
        block: bool,
        col: int = 0,
        span: int = 1,
    ) -> None:
        text = make_label(label)
        text.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        error = make_label("", "fieldError", wrap=True)
        error.setVisible(False)
        error.setAccessibleName(tr("{field} problem").format(field=label.replace("&", "")))
        grid.addWidget(text, row * 2, col, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(widget, row * 2, col + 1, 1, span)
        grid.addWidget(error, row * 2 + 1, col + 1, 1, span)
        self._rows[(block, key)] = _FieldRow(widget, error)

    def _seconds(self, minimum: float = 0.0) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(minimum, SPIN_MAX)
        spin.setDecimals(1)
        spin.setSingleStep(1.0)
        spin.setSuffix(tr(" s"))
        plain_spin(spin)
        spin.valueChanged.connect(self._changed)
        return spin

    def _build_top(self) -> QWidget:
        card = Card()
        card.add(make_label(tr("Protocol"), "sectionTitle"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(self._changed)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(64)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.textChanged.connect(self._changed)
        self.schedule_combo = QComboBox()
        names = schedule_text()
        for schedule in SCHEDULES:
            self.schedule_combo.addItem(names[schedule], schedule)
        self.schedule_combo.currentIndexChanged.connect(self._changed)
        self.lead_in_spin = self._seconds()
        self.weeks_spin = QSpinBox()
        plain_spin(self.weeks_spin)
        self.weeks_spin.setRange(0, 999)
        self.weeks_spin.setSpecialValueText(tr("no fixed length"))
        self.weeks_spin.setSuffix(tr(" weeks"))
        self.weeks_spin.valueChanged.connect(self._changed)
        add = self._grid_row
        add(grid, 0, tr("&Name"), self.name_edit, "name", block=False)
        add(grid, 1, tr("Description"), self.description_edit, "description", block=False)
        add(grid, 2, tr("Schedule"), self.schedule_combo, "schedule", block=False)
        add(grid, 3, tr("Lead-in"), self.lead_in_spin, "lead_in", block=False)
        add(grid, 4, tr("Programme"), self.weeks_spin, "program_weeks", block=False)
        card.add(grid)
        return card

    def _build_blocks(self) -> QWidget:
        card = Card()
        card.add(make_label(tr("Blocks"), "sectionTitle"))
        row = QHBoxLayout()
        row.setSpacing(12)
        self.block_list = QListWidget()
        self.block_list.setAccessibleName(tr("Blocks"))
        self.block_list.setMaximumHeight(120)
        self.block_list.currentRowChanged.connect(self._block_selected)
        row.addWidget(self.block_list, 1)
        side = QVBoxLayout()
        side.setSpacing(6)
        self.add_block_button = QPushButton(tr("Add block"))
        self.add_block_button.setAccessibleName(tr("Add a block"))
        self.add_block_button.clicked.connect(self.add_block)
        self.remove_block_button = QPushButton(tr("Remove"))
        self.remove_block_button.setAccessibleName(tr("Remove this block"))
        self.remove_block_button.clicked.connect(self.remove_block)
        self.up_button = QPushButton(tr("Move up"))
        self.up_button.setAccessibleName(tr("Move the block up"))
        self.up_button.clicked.connect(lambda: self.move_block(-1))
        self.down_button = QPushButton(tr("Move down"))
        self.down_button.setAccessibleName(tr("Move the block down"))
        self.down_button.clicked.connect(lambda: self.move_block(1))
        for button in (
            self.add_block_button,
            self.remove_block_button,
            self.up_button,
            self.down_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        row.addLayout(side)
        card.add(row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.exercise_combo = QComboBox()
        self.exercise_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.exercise_combo.setMinimumContentsLength(18)  # long names shorten, not the form
        self.exercise_combo.setEditable(True)
        self.exercise_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for exercise in exercise_library().values():
            self.exercise_combo.addItem(exercise.name, exercise.id)
        self.exercise_combo.editTextChanged.connect(self._changed)
        self.exercise_combo.setToolTip(tr("Pick from the exercise library, or type your own"))
        self.sets_spin = QSpinBox()
        plain_spin(self.sets_spin)
        self.sets_spin.setRange(0, 9999)
        self.sets_spin.valueChanged.connect(self._changed)
        self.reps_edit = QLineEdit()
        self.reps_edit.setPlaceholderText(tr('12, or a range like "10-15"'))
        self.reps_edit.textChanged.connect(self._changed)
        self.target_spin = QSpinBox()
        plain_spin(self.target_spin)
        self.target_spin.setRange(0, 9999)
        self.target_spin.setSpecialValueText(tr("top of range"))
        self.target_spin.valueChanged.connect(self._changed)
        self.lift_spin = self._seconds()
        self.hold_spin = self._seconds()
        self.lower_spin = self._seconds()
        self.pause_spin = self._seconds()
        self.rest_spin = self._seconds()
        self.rest_after_spin = self._seconds()
        self.per_side_check = QCheckBox(tr("Each side (left, then right)"))
        self.per_side_check.toggled.connect(self._changed)
        self.switch_spin = self._seconds()
        self.load_edit = QLineEdit()
        self.load_edit.setPlaceholderText(tr('bodyweight, or e.g. "40 kg"'))
        self.load_edit.textChanged.connect(self._changed)

        add = self._grid_row
        add(grid, 0, tr("E&xercise"), self.exercise_combo, "exercise", block=True, span=3)
        add(grid, 1, tr("Sets"), self.sets_spin, "sets", block=True)
        add(grid, 1, tr("Reps"), self.reps_edit, "reps", block=True, col=2)
        add(grid, 2, tr("Target"), self.target_spin, "target", block=True)
        add(grid, 2, tr("Load"), self.load_edit, "load", block=True, col=2)
        add(grid, 3, tr("Lift"), self.lift_spin, "tempo.lift", block=True)
        add(grid, 3, tr("Hold"), self.hold_spin, "tempo.hold", block=True, col=2)
        add(grid, 4, tr("Lower"), self.lower_spin, "tempo.lower", block=True)
        add(grid, 4, tr("Pause"), self.pause_spin, "tempo.pause", block=True, col=2)
        add(grid, 5, tr("Rest"), self.rest_spin, "rest", block=True)
        add(grid, 5, tr("Rest after"), self.rest_after_spin, "rest_after", block=True, col=2)
        # The check box's text is long in some languages: it has the row to itself.
        add(grid, 6, tr("Per side"), self.per_side_check, "per_side", block=True, span=3)
        add(grid, 7, tr("Switch"), self.switch_spin, "switch", block=True)
        card.add(grid)
        return card

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(tr("Back to the Library"))
        self.back_button.clicked.connect(self.closed)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setAccessibleName(tr("Export this protocol to a file"))
        self.export_button.clicked.connect(self._export)
        self.save_button = QPushButton(tr("Save  (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(tr("Save protocol"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.save_button)
        return row

    def _build_preview(self) -> QWidget:
        card = Card()
        card.setMinimumWidth(280)
        card.setMaximumWidth(360)
        card.add(make_label(tr("Preview"), "sectionTitle"))
        self.total_label = make_label("", None)
        self.total_label.setStyleSheet("font-size: 22px; font-weight: 700;")
        self.total_label.setAccessibleName(tr("Total duration"))
        self.summary_label = make_label("", "muted", wrap=True)
        self.problem_label = make_label("", "fieldError", wrap=True)
        self.problem_label.setAccessibleName(tr("Problems"))
        self.cue_label = make_label("", None)
        self.cue_label.setWordWrap(True)  # a long cue (or language) wraps inside the card
        self.cue_label.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cue_label.setAccessibleName(tr("Cue preview"))
        card.add(self.total_label)
        card.add(self.summary_label)
        card.add(self.problem_label)
        card.add(make_label(tr("Cues"), "sectionTitle"))
        card.add(self.cue_label)
        card.body.addStretch(1)
        return card

    # ------------------------------------------------------------ loading

    def edit_protocol(self, protocol: Protocol, path: Path | None) -> None:
        """Edit ``protocol``; ``path`` is its user file, or None to save as a new file."""
        self.load_dict(protocol_to_dict(protocol), path)

    def load_broken(self, path: Path, error: str) -> bool:
        """Open a file that fails to load, to fix it: what can be read of it goes into the
        form, its problems are shown beside their fields. False when the file is not even
        TOML (there is nothing to show; the Library says why)."""
        try:
            raw = read_protocol_table(path)
        except ProtocolError:
            return False
        self.load_dict(form_values(raw), path)
        self.status.setText(
            tr("This file did not load ({error}): fix it here and save.").format(error=error)
        )
        return True

    def load_dict(self, data: dict[str, Any], path: Path | None) -> None:
        self.data = {**data, "block": [dict(block) for block in data.get("block", [])]}
        for block in self.data["block"]:
            block["tempo"] = dict(block.get("tempo", {}))
        self.path = path
        self.heading.setText(edit_title(path))
        self.setWindowTitle(self.heading.text())
        self._loading = True
        self.name_edit.setText(str(self.data.get("name", "")))
        self.description_edit.setPlainText(str(self.data.get("description", "")))
        index = self.schedule_combo.findData(self.data.get("schedule", "as-needed"))
        self.schedule_combo.setCurrentIndex(max(0, index))
        self.lead_in_spin.setValue(float(self.data.get("lead_in", 5)))
        self.weeks_spin.setValue(int(self.data.get("program_weeks", 0)))
        self._loading = False
        self._refresh_block_list(0)
        self.dirty = False
        self.status.setText("")
        self._validate()
        self._update_preview()

    # ------------------------------------------------------------ blocks

    def _refresh_block_list(self, select: int) -> None:
        self.block_list.blockSignals(True)
        self.block_list.clear()
        for index, block in enumerate(self.data["block"]):
            self.block_list.addItem(self._block_title(index, block))
        self.block_list.blockSignals(False)
        select = min(max(0, select), len(self.data["block"]) - 1)
        self._current_block = select
        self.block_list.setCurrentRow(select)
        self._load_block_form()
        self._update_block_buttons()

    def _block_title(self, index: int, block: dict[str, Any]) -> str:
        exercise = find_exercise(str(block.get("exercise", "")))
        name = exercise.name if exercise else str(block.get("exercise", "")) or tr("(no exercise)")
        flag = "⚠ " if any(i == index for i, _ in self.problems) else ""
        return f"{flag}{index + 1}.  {name}  ·  {block.get('sets', '?')} × {block.get('reps', '?')}"

    def _update_block_buttons(self) -> None:
        count = len(self.data["block"])
        self.remove_block_button.setEnabled(count > 1)
        self.up_button.setEnabled(self._current_block > 0)
        self.down_button.setEnabled(self._current_block < count - 1)

    def _block_selected(self, row: int) -> None:
        if row < 0 or row >= len(self.data["block"]):
            return
        self._current_block = row
        self._load_block_form()
        self._update_block_buttons()
        self._show_problems()

    def _load_block_form(self) -> None:
        block = self.data["block"][self._current_block]
        tempo = block.get("tempo", {})
        self._loading = True
        exercise = str(block.get("exercise", ""))
        found = find_exercise(exercise)
        self.exercise_combo.setEditText(found.name if found else exercise)
        self.sets_spin.setValue(int(block.get("sets", 1)))
        self.reps_edit.setText(str(block.get("reps", 10)))
        self.target_spin.setValue(int(block.get("target", 0)))
        self.lift_spin.setValue(float(tempo.get("lift", 1)))
        self.hold_spin.setValue(float(tempo.get("hold", 0)))
        self.lower_spin.setValue(float(tempo.get("lower", 1)))
        self.pause_spin.setValue(float(tempo.get("pause", 0)))
        self.rest_spin.setValue(float(block.get("rest", DEFAULT_REST)))
        self.rest_after_spin.setValue(float(block.get("rest_after", DEFAULT_REST_AFTER)))
        self.per_side_check.setChecked(bool(block.get("per_side", False)))
        self.switch_spin.setValue(float(block.get("switch", DEFAULT_SWITCH)))
        self.switch_spin.setEnabled(self.per_side_check.isChecked())
        self.load_edit.setText(str(block.get("load", "bodyweight")))
        self._loading = False

    def add_block(self) -> None:
        current = self.data["block"][self._current_block] if self.data["block"] else new_block()
        copy = {**current, "tempo": dict(current.get("tempo", {}))}
        self.data["block"].insert(self._current_block + 1, copy)
        self._after_structure_change(self._current_block + 1)

    def remove_block(self) -> None:
        if len(self.data["block"]) <= 1:
            return
        del self.data["block"][self._current_block]
        self._after_structure_change(self._current_block)

    def move_block(self, delta: int) -> None:
        blocks = self.data["block"]
        target = self._current_block + delta
        if not 0 <= target < len(blocks):
            return
        blocks[self._current_block], blocks[target] = blocks[target], blocks[self._current_block]
        self._after_structure_change(target)

    def _after_structure_change(self, select: int) -> None:
        self.dirty = True
        self._validate()
        self._refresh_block_list(select)
        self._show_problems()
        self._preview_timer.start()

    # ------------------------------------------------------------ editing

    def _changed(self) -> None:
        if self._loading:
            return
        self._read_form()
        self.dirty = True
        self.status.setText(tr("Not saved"))
        self.switch_spin.setEnabled(self.per_side_check.isChecked())
        self._validate()
        item = self.block_list.item(self._current_block)
        if item is not None:
            block = self.data["block"][self._current_block]
            item.setText(self._block_title(self._current_block, block))
        self._preview_timer.start()

    def _read_form(self) -> None:
        d = self.data
        d["name"] = self.name_edit.text()
        d["description"] = self.description_edit.toPlainText()
        d["schedule"] = self.schedule_combo.currentData()
        d["lead_in"] = self.lead_in_spin.value()
        if self.weeks_spin.value():
            d["program_weeks"] = self.weeks_spin.value()
        else:
            d.pop("program_weeks", None)
        block = d["block"][self._current_block]
        text = self.exercise_combo.currentText().strip()
        found = find_exercise(text)
        block["exercise"] = found.id if found else text
        block["sets"] = self.sets_spin.value()
        reps = self.reps_edit.text().strip()
        block["reps"] = int(reps) if reps.isdigit() else reps
        if self.target_spin.value():
            block["target"] = self.target_spin.value()
        else:
            block.pop("target", None)
        block["tempo"] = {
            "lift": self.lift_spin.value(),
            "hold": self.hold_spin.value(),
            "lower": self.lower_spin.value(),
            "pause": self.pause_spin.value(),
        }
        block["rest"] = self.rest_spin.value()
        block["rest_after"] = self.rest_after_spin.value()
        block["per_side"] = self.per_side_check.isChecked()
        if block["per_side"]:
            block["switch"] = self.switch_spin.value()
        else:
            block.pop("switch", None)
        block["load"] = self.load_edit.text()

    def _validate(self) -> None:
        before = {index for index, _ in self.problems}
        self.problems = validate_all(self.data)
        try:
            self.protocol = protocol_from_dict(self.data, "editor") if not self.problems else None
        except ProtocolError as exc:  # something the split checks could not see
            index, key = field_of(exc.key)
            self.problems[(index, key or "name")] = exc.reason
            self.protocol = None
        after = {index for index, _ in self.problems}
        if before != after:
            for index, block in enumerate(self.data["block"]):
                item = self.block_list.item(index)
                if item is not None:
                    item.setText(self._block_title(index, block))
        self._show_problems()
        self.save_button.setEnabled(self.protocol is not None)
        self.export_button.setEnabled(self.protocol is not None)

    def _show_problems(self) -> None:
        for (is_block, key), row in self._rows.items():
            index = self._current_block if is_block else None
            reason = self.problems.get((index, key))
            row.error.setText(reason or "")
            row.error.setVisible(reason is not None)
            if row.widget.property("invalid") != bool(reason):
                row.widget.setProperty("invalid", bool(reason))
                row.widget.style().unpolish(row.widget)
                row.widget.style().polish(row.widget)
        elsewhere: list[str] = []
        for (index, key), reason in self.problems.items():
            if index is None and (False, key) not in self._rows:
                elsewhere.append(f"{key}: {reason}")
            elif index is not None and index != self._current_block:
                elsewhere.append(
                    tr("Block {n}: {key}: {reason}").format(n=index + 1, key=key, reason=reason)
                )
        count = len(self.problems)
        if count:
            summary = tr("%n problem(s) to fix before saving.", "", count)
            self.problem_label.setText("\n".join([summary, *elsewhere]))
        else:
            self.problem_label.setText("")
        self.problem_label.setVisible(bool(count))

    def _update_preview(self) -> None:
        if self.protocol is None:
            self.total_label.setText(tr("Total –"))
            self.summary_label.setText(tr("Fix the problems to see the timing."))
            self.cue_label.setText("")
            return
        # Counted here; the plan for the cue preview is made off the GUI thread.
        size = workout_size(self.protocol)
        self.total_label.setText(tr("Total {time}").format(time=format_clock(size.seconds)))
        reps = sum(b.target * b.sets * len(b.sides) for b in self.protocol.blocks)
        parts = [tr("%n block(s)", "", len(self.protocol.blocks)), tr("%n set(s)", "", size.sets)]
        parts += [tr("%n rep(s)", "", reps), tr("%n cue(s)", "", size.cues)]
        self.summary_label.setText(" · ".join(parts))
        self.cue_label.setText(tr("Planning {n} cues…").format(n=format_integer(size.cues)))
        self.planner.request(self.protocol, self._planned)

    def _planned(self, protocol: Protocol, result: PlanResult) -> None:
        if protocol != self.protocol:
            return  # edited meanwhile: a newer plan is on its way
        if isinstance(result, Plan):
            self.cue_label.setText("\n".join(cue_preview_lines(result, 22)))
        else:
            self.cue_label.setText(tr("Could not plan: {error}").format(error=result))

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        if self.protocol is None:
            self.status.setText(tr("Fix the problems first"))
            return
        self.status.setText(tr("Saving…"))
        self.save_button.setEnabled(False)
        self.save_requested.emit(self.protocol, self.path)

    def save_finished(self, path: Path | None, error: str | None = None) -> None:
        if error is not None:
            self.status.setText(tr("Not saved: {error}").format(error=error))
        else:
            self.path = path
            self.dirty = False
            self.heading.setText(edit_title(path))
            self.status.setText(tr("Saved to {path}").format(path=path) if path else tr("Saved"))
            self.saved.emit(path)
        self.save_button.setEnabled(self.protocol is not None)

    def _export(self) -> None:
        if self.protocol is not None:
            self.export_requested.emit(self.protocol)


def edit_title(path: Path | None) -> str:
    """The editor's heading: "Edit hips.toml", or "New protocol"."""
    return tr("Edit {name}").format(name=path.name) if path else tr("New protocol")
