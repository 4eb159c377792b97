"""The exercise library shipped with the app."""

from __future__ import annotations

import pytest

from glute_timer.core.exercises import (
    MUSCLES,
    ExerciseLibraryError,
    exercise_library,
    exercise_name,
    find_exercise,
    parse_exercises,
)

IDS = (
    "glute-bridge",
    "single-leg-glute-bridge",
    "banded-bridge-kick",
    "weighted-glute-bridge",
    "bodyweight-hip-thrust",
    "barbell-hip-thrust",
    "isometric-bridge-hold",
)


def notes(exercise_id: str) -> str:
    exercise = find_exercise(exercise_id)
    assert exercise is not None
    return " ".join(exercise.form_notes).lower()


def guidance(exercise_id: str) -> str:
    exercise = find_exercise(exercise_id)
    assert exercise is not None
    return " ".join(exercise.instructions + exercise.form_notes).lower()


def test_all_seven_exercises_exist() -> None:
    assert set(exercise_library()) == set(IDS)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_is_complete(exercise_id: str) -> None:
    exercise = exercise_library()[exercise_id]
    assert exercise.id == exercise_id
    assert exercise.name.strip()
    assert exercise.equipment and all(item.strip() for item in exercise.equipment)
    assert exercise.muscles and set(exercise.muscles) <= MUSCLES
    assert "glutes" in exercise.muscles
    assert len(exercise.instructions) >= 3 and all(s.strip() for s in exercise.instructions)
    assert exercise.form_notes and all(s.strip() for s in exercise.form_notes)


def test_loaded_and_unilateral_flags() -> None:
    library = exercise_library()
    assert {i for i, e in library.items() if e.loaded} == {
        "weighted-glute-bridge",
        "barbell-hip-thrust",
    }
    assert {i for i, e in library.items() if e.unilateral} == {
        "single-leg-glute-bridge",
        "banded-bridge-kick",
    }


@pytest.mark.parametrize("exercise_id", ["barbell-hip-thrust", "bodyweight-hip-thrust"])
def test_hip_thrust_form_notes(exercise_id: str) -> None:
    text = notes(exercise_id)
    assert "shoulder blades" in text and "bench" in text
    assert "neck" in text
    assert "parallel to the floor" in guidance(exercise_id)


def test_barbell_hip_thrust_notes_pad_and_parallel() -> None:
    text = notes("barbell-hip-thrust")
    assert "pad" in text
    assert "parallel to the floor" in text
    assert "both hands" in text


@pytest.mark.parametrize(
    "exercise_id", ["glute-bridge", "weighted-glute-bridge", "isometric-bridge-hold"]
)
def test_bridge_guidance(exercise_id: str) -> None:
    text = guidance(exercise_id)
    assert "knees, hips and shoulders form a straight line" in text
    assert "knees bent" in text
    assert "feet flat" in text


def test_glute_bridge_form_notes_name_the_straight_line() -> None:
    assert "knees, hips and shoulders form a straight line" in notes("glute-bridge")
    text = guidance("glute-bridge")
    assert "arms at your sides" in text and "palms" in text and "down" in text


def test_weighted_bridge_holds_the_bar_with_both_hands() -> None:
    assert "both hands" in guidance("weighted-glute-bridge")


def test_find_by_id_by_name_and_free_text() -> None:
    bridge = find_exercise("glute-bridge")
    assert bridge is not None
    assert find_exercise("  GLUTE BRIDGE ") is bridge
    assert find_exercise("Frog pumps") is None
    assert exercise_name("barbell-hip-thrust") == "Barbell hip thrust"
    assert exercise_name("Frog pumps") == "Frog pumps"


def test_library_is_loaded_once() -> None:
    assert exercise_library() is exercise_library()


def _entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "x",
        "name": "X",
        "equipment": [],
        "muscles": ["glutes"],
        "loaded": False,
        "unilateral": False,
        "instructions": ["a"],
        "form_notes": ["b"],
    }
    entry.update(changes)
    return entry


def test_parse_exercises_accepts_a_good_file() -> None:
    parsed = parse_exercises({"format": 1, "exercise": [_entry()]}, "lib.toml")
    assert parsed["x"].muscles == ("glutes",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": 2}, "lib.toml: format: expected 1"),
        ({}, "lib.toml: format: expected 1"),
        ({"format": 1, "exercise": [_entry(muscles=["calves"])]}, "unknown muscle 'calves'"),
        ({"format": 1, "exercise": [{"id": "x"}]}, "exercise[1]: missing key"),
        ({"format": 1, "exercise": [_entry(), _entry()]}, "exercise[2].id: duplicate id 'x'"),
    ],
)
def test_parse_exercises_errors(data: dict[str, object], message: str) -> None:
    with pytest.raises(ExerciseLibraryError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_exercises(data, "lib.toml")
