"""The Library's texts made from a protocol: its facts as chips, the equipment line, the
cue preview, the run's note, the names of the schedules (the editor's too)."""

from __future__ import annotations

from glute_timer.core.exercises import find_exercise
from glute_timer.core.i18n import pgettext
from glute_timer.core.plan import Plan, WorkoutSize, format_clock
from glute_timer.core.protocol import Protocol
from glute_timer.gui.i18n import tr

CUE_PREVIEW = 14
WEIGHTS = ("weight", "barbell", "dumbbell", "kettlebell", "plate")
"""Words of the library's equipment that mean a load is there."""


def schedule_text() -> dict[str, str]:
    """Each schedule as the Library and the editor name it."""
    return {
        "every-other-day": tr("Every other day"),
        "daily": tr("Daily"),
        "before-run": tr("Before a run"),
        "as-needed": tr("As needed"),
    }


def cue_preview_lines(plan: Plan, limit: int = CUE_PREVIEW) -> list[str]:
    lines = [f"{format_clock(cue.at):>6}   {cue.text}" for cue in plan.cues[:limit]]
    if len(plan.cues) > limit:
        lines.append("          " + tr("… and %n more cue(s)", "", len(plan.cues) - limit))
    return lines


def equipment_text(item: str) -> str:
    """An item of the exercise library's equipment in the active language."""
    return tr("a weight") if item == "a weight" else pgettext("equipment", item)


def protocol_facts(protocol: Protocol, size: WorkoutSize, builtin: bool) -> tuple[str, list[str]]:
    """The equipment line ("Equipment: exercise mat, a weight") and the chips: the total
    time, the schedule, the programme's length, the sets, preset or one's own."""
    equipment: list[str] = []
    for block in protocol.blocks:
        exercise = find_exercise(block.exercise)
        for item in exercise.equipment if exercise else ():
            if item not in equipment:
                equipment.append(item)
        if not block.load.is_bodyweight and not any(
            word in item for item in equipment for word in WEIGHTS
        ):
            equipment.append("a weight")
    chips = [
        tr("{time} total").format(time=format_clock(size.seconds)),
        schedule_text().get(protocol.schedule, protocol.schedule),
        tr("%n set(s)", "", size.sets),
        tr("Preset") if builtin else tr("My protocol"),
    ]
    if protocol.program_weeks:
        chips.insert(2, tr("%n-week programme", "", protocol.program_weeks))
    things = ", ".join(equipment_text(item) for item in equipment)
    return tr("Equipment: {list}").format(list=things or tr("none")), chips


def run_note(changed: bool, many: bool) -> str:
    """The start panel's line about this run's hold and reps."""
    if changed:
        if many:
            return tr("Changed for this run (each block of reps moves by as much).")
        return tr("Changed for this run.")
    if many:
        return tr("Change the hold or the reps for this run (each block of reps moves by as much).")
    return tr("Change the hold or the reps for this run.")
