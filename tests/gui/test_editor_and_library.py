"""The library and the protocol editor: search, details, live validation, saving, files."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import make_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from glute_timer.context import AppContext
from glute_timer.core.clock import FakeClock
from glute_timer.core.protocol import load_protocol, parse_protocol
from glute_timer.gui.main_window import MainWindow

VALID = """
format = 1
name = "Morning bridges"
schedule = "daily"
lead_in = 3

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 5
tempo = { lift = 1, hold = 2, lower = 1 }
"""


def visible_names(window: MainWindow) -> list[str]:
    names = []
    for row in range(window.library.list.count()):
        item = window.library.list.item(row)
        if not item.isHidden() and item.data(Qt.ItemDataRole.UserRole) is not None:
            names.append(item.text())
    return names


def test_library_lists_presets_searches_and_shows_details(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    assert "Pre-run activation" in visible_names(window)
    assert library.current is not None and library.current.id == "pre-run"
    assert library.title.text() == "Pre-run activation"
    assert library.blocks_table.item(0, 1).text() == "2 × 10–15"
    assert library.blocks_table.item(0, 2).text() == "lift 1 · hold 1 · lower 1 s"
    assert "2:05 total" in [chip.text() for chip in library.chip_labels]
    assert "Before a run" in [chip.text() for chip in library.chip_labels]
    assert library.equipment_label.text() == "Equipment: exercise mat"
    assert "Squeeze your glutes" in library.exercise_text.text()
    assert "Form notes" in library.exercise_text.text()
    # The cue preview is planned off the GUI thread.
    qtbot.waitUntil(lambda: "Get ready" in library.cue_text.text())
    assert library.edit_button.text() == "Edit a copy"
    assert library.delete_button.isHidden()

    library.search.setText("thrust")
    names = visible_names(window)
    assert names and all("thrust" in name.lower() for name in names)
    assert library.current is not None and library.current.protocol is not None
    assert "thrust" in library.current.protocol.name.lower()
    library.search.setText("no such protocol at all")
    assert visible_names(window) == []
    library.search.clear()


def test_enter_starts_the_selected_protocol(qtbot: QtBot, window: MainWindow) -> None:
    window.library.select_id("bridge-hold")
    window.library.list.setFocus()
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    # It starts once its plan (made off the GUI thread) is there.
    qtbot.waitUntil(lambda: window.current_page() is window.workout)
    assert window.driver is not None
    assert window.driver.session.plan.name == "Bridge with 3-second hold"


def test_the_start_panel_changes_hold_and_reps_for_one_run(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    library = window.library
    library.select_id("pre-run")
    library.hold_spin.setValue(4)
    library.target_spin.setValue(12)
    protocol = library.run_protocol()
    assert protocol is not None
    block = protocol.blocks[0]
    assert (block.tempo.hold, block.target, block.reps_min, block.reps_max) == (4, 12, 10, 15)
    assert library.run_total.text() != "Total 2:05"
    assert library.save_copy_button.isEnabled()
    # The preset itself is unchanged.
    assert library.current is not None and library.current.protocol is not None
    assert library.current.protocol.blocks[0].tempo.hold == 1

    library.save_copy_button.click()
    folder = context.paths.protocols_dir
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("*.toml")))
    saved = load_protocol(next(folder.glob("*.toml")))
    assert saved.name == "Pre-run activation (4 s hold, 12 reps)"
    assert saved.blocks[0].tempo.hold == 4
    qtbot.waitUntil(lambda: "Pre-run activation (4 s hold, 12 reps)" in visible_names(window))

    library.select_id("pre-run")
    library.hold_spin.setValue(6)
    library.start_button.click()
    qtbot.waitUntil(lambda: window.driver is not None)
    assert window.driver is not None
    assert window.driver.session.plan.protocol.blocks[0].tempo.hold == 6


def test_editor_validates_live_and_saves(
    qtbot: QtBot, window: MainWindow, context: AppContext, clock: FakeClock
) -> None:
    window.library.new_button.click()
    editor = window.editor
    assert window.current_page() is editor
    assert editor.protocol is not None, "a new protocol starts valid"
    total_before = editor.total_label.text()

    editor.name_edit.setText("")
    name_error = editor._rows[(False, "name")].error
    assert not name_error.isHidden() and name_error.text() == "must not be empty"
    assert not editor.save_button.isEnabled()
    editor.name_edit.setText("Evening thrusts")
    assert name_error.isHidden()
    editor.weeks_spin.setValue(99)
    assert "between 1 and 52" in editor._rows[(False, "program_weeks")].error.text()
    editor.weeks_spin.setValue(2)

    editor.reps_edit.setText("15-10")
    reps_error = editor._rows[(True, "reps")].error
    assert "low to high" in reps_error.text()
    assert editor.reps_edit.property("invalid") is True
    editor.reps_edit.setText("8-12")
    assert reps_error.isHidden()

    editor.hold_spin.setValue(700)
    hold_error = editor._rows[(True, "tempo.hold")].error
    assert "too long" in hold_error.text()
    editor.reps_edit.setText("12-8")
    assert not hold_error.isHidden(), "every problem in a block is shown, not just the first"
    assert "low to high" in reps_error.text()
    assert "2 problems" in editor.problem_label.text()
    editor.reps_edit.setText("8-12")
    editor.hold_spin.setValue(3)
    editor.lift_spin.setValue(0)
    assert "at least 0.1" in editor._rows[(True, "tempo.lift")].error.text()
    editor.lift_spin.setValue(1)
    editor.load_edit.setText("heavy-ish 40")
    editor.load_edit.setText("40kg")
    assert editor.protocol is not None

    # The total and the cues follow the fields.
    editor.sets_spin.setValue(3)
    qtbot.waitUntil(lambda: editor.total_label.text() != total_before)
    assert "3 sets" in editor.summary_label.text()

    # Blocks: add (a copy), edit it, reorder, remove.
    editor.add_block_button.click()
    assert editor.block_list.count() == 2
    assert editor.block_list.currentRow() == 1
    editor.exercise_combo.setEditText("Single-leg glute bridge")
    editor.per_side_check.setChecked(True)
    editor.reps_edit.setText("")
    assert editor._rows[(True, "reps")].error.isVisible()
    editor.block_list.setCurrentRow(0)
    assert "Block 2: reps" in editor.problem_label.text()
    editor.block_list.setCurrentRow(1)
    editor.reps_edit.setText("6")
    editor.up_button.click()
    assert editor.block_list.currentRow() == 0
    assert editor.data["block"][0]["exercise"] == "single-leg-glute-bridge"
    editor.add_block_button.click()
    editor.remove_block_button.click()
    assert editor.block_list.count() == 2
    assert editor.protocol is not None

    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save_button.click()
    path = saved.args[0]
    assert isinstance(path, Path) and path.parent == context.paths.protocols_dir
    protocol = load_protocol(path)
    assert protocol == editor.protocol
    assert protocol.name == "Evening thrusts"
    assert protocol.program_weeks == 2
    assert [b.exercise for b in protocol.blocks] == ["single-leg-glute-bridge", "glute-bridge"]
    assert protocol.blocks[0].per_side
    assert protocol.blocks[1].load.text == "40 kg"
    assert protocol.blocks[1].sets == 3
    assert not editor.dirty

    # Saving again overwrites the same file; the library lists it.
    editor.description_edit.setPlainText("After work.")
    with qtbot.waitSignal(editor.saved, timeout=5000) as again:
        editor.save_button.click()
    assert again.args[0] == path
    assert load_protocol(path).description == "After work."
    assert "Evening thrusts" in visible_names(window)

    # A new window reads it back.
    window.close()
    second = make_window(qtbot, context, clock)
    assert "Evening thrusts" in visible_names(second)
    second.close()


def test_presets_are_edited_as_copies(qtbot: QtBot, window: MainWindow) -> None:
    window.library.select_id("pre-run")
    window.library.edit_button.click()
    editor = window.editor
    assert editor.path is None
    assert editor.name_edit.text() == "Pre-run activation (my copy)"
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save()
    assert saved.args[0].name == "pre-run-activation-my-copy.toml"
    window.library.select_id("pre-run")
    window.library.edit_button.click()
    assert editor.name_edit.text() == "Pre-run activation (my copy 2)"


def test_a_broken_protocol_file_is_listed_with_its_error(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    folder = context.paths.protocols_dir
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(VALID, encoding="utf-8")
    (folder / "broken.toml").write_text(VALID.replace("reps = 5", "reps = -3"), encoding="utf-8")
    window = make_window(qtbot, context, clock)
    names = visible_names(window)
    assert "Morning bridges" in names
    assert "⚠ broken.toml" in names
    assert window.library.select_id("broken")
    library = window.library
    assert library.title.text() == "broken.toml could not be loaded"
    assert "block[1].reps" in library.error_label.text()
    assert not library.error_label.isHidden()
    assert library.start_card.isHidden()
    assert not library.delete_button.isHidden()
    window.close()


def test_import_export_and_delete(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    source = tmp_path / "shared.toml"
    source.write_text(VALID, encoding="utf-8")
    window.import_protocol(source)
    qtbot.waitUntil(lambda: "Morning bridges" in visible_names(window))
    imported = context.paths.protocols_dir / "morning-bridges.toml"
    assert imported.is_file()

    broken = tmp_path / "bad.toml"
    broken.write_text("format = 1\nname = 3\n", encoding="utf-8")
    window.import_protocol(broken)
    qtbot.waitUntil(lambda: not window.banner.isHidden())
    assert "bad.toml" in window.banner_text.text()
    assert "name" in window.banner_text.text()

    library = window.library
    assert library.current is not None and library.current.id == "morning-bridges"
    assert library.current.protocol is not None
    target = tmp_path / "out" / "exported.toml"
    window.export_protocol(library.current.protocol, target)
    qtbot.waitUntil(target.is_file)
    assert parse_protocol(target.read_text(encoding="utf-8")).name == "Morning bridges"

    asked: list[str] = []

    def refuse(title: str, text: str, action: str) -> bool:
        asked.append(action)
        return False

    window.confirm = refuse  # type: ignore[method-assign]
    library.delete_button.click()
    assert asked == ["Delete"]
    assert imported.is_file()
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    library.delete_button.click()
    qtbot.waitUntil(lambda: not imported.exists())
    qtbot.waitUntil(lambda: "Morning bridges" not in visible_names(window))
