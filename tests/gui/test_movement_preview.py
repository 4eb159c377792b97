"""The Library's looping preview of the movement, at the run's own tempo."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from glute_timer.core.pose import figure_id
from glute_timer.gui.main_window import MainWindow
from glute_timer.gui.theme import DARK


def shown_library(qtbot: QtBot, window: MainWindow, preset: str) -> None:
    window.show_page("library")
    assert window.library.select_id(preset)
    window.library.planner.wait()
    qtbot.waitExposed(window)


def test_the_preview_loops_the_lead_block_at_the_tempo_of_the_run(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_library(qtbot, window, "hip-thrust-strength")
    movement = window.library.movement
    figure = movement.figure
    assert movement.isVisible()
    assert figure.previewing
    assert figure.exercise == figure_id("barbell-hip-thrust")
    assert figure._tempo is not None and figure._tempo.hold == 3
    assert "hold 3 s" in movement.tempo_label.text()
    window.library.hold_spin.setValue(5)  # the start panel's hold for this run
    assert figure._tempo is not None and figure._tempo.hold == 5
    assert "hold 5 s" in movement.tempo_label.text()


def test_a_row_of_blocks_picks_the_exercise_shown(qtbot: QtBot, window: MainWindow) -> None:
    shown_library(qtbot, window, "no-equipment-burn")
    library = window.library
    blocks = library.run_protocol().blocks  # type: ignore[union-attr]
    assert len(blocks) > 1
    assert library.movement.figure.exercise == figure_id(blocks[0].exercise)
    second = next(i for i, b in enumerate(blocks) if b.per_side)
    library.blocks_table.setCurrentCell(second, 0)
    assert library.movement.figure.exercise == figure_id(blocks[second].exercise)
    assert library.movement.figure.side == "left"
    assert f"Block {second + 1} of {len(blocks)}" in library.movement.hint.text()
    # Another protocol starts again from its first block.
    shown_library(qtbot, window, "pre-run")
    assert library.movement.block == 0


def test_the_loop_stops_when_the_library_is_hidden_and_follows_the_theme(
    qtbot: QtBot, window: MainWindow
) -> None:
    shown_library(qtbot, window, "bridge-hold")
    figure = window.library.movement.figure
    assert figure._timer.isActive()
    window.show_page("history")
    assert not figure._timer.isActive()
    window.show_page("library")
    assert figure._timer.isActive()
    window.library.set_theme(DARK)
    assert figure.theme is DARK
