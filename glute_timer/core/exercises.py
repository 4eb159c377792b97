"""The exercise library shipped in ``resources/exercises.toml``."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from glute_timer.core import i18n
from glute_timer.core.resources import resource

MUSCLES = frozenset(
    {"glutes", "hamstrings", "core", "lower back", "abdominals", "obliques", "hip flexors"}
)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    equipment: tuple[str, ...]
    muscles: tuple[str, ...]
    loaded: bool
    unilateral: bool
    instructions: tuple[str, ...]
    form_notes: tuple[str, ...]
    # The coach's next step once every set reached the top twice running without weight:
    next: str | None = None  # a harder exercise (its id), or ...
    next_hold: float = 0.0  # ... this many seconds more hold at the top
    start_load: tuple[tuple[str, float], ...] = ()  # a loaded exercise's first load per unit

    def first_load(self, unit: str) -> float | None:
        """The load to start this (loaded) exercise with, in ``unit``."""
        return dict(self.start_load).get(unit)


class ExerciseLibraryError(ValueError):
    pass


def parse_exercises(data: Mapping[str, Any], source: str) -> dict[str, Exercise]:
    if data.get("format") != 1:
        raise ExerciseLibraryError(f"{source}: format: expected 1")
    result: dict[str, Exercise] = {}
    for index, entry in enumerate(data.get("exercise", []), 1):
        where = f"{source}: exercise[{index}]"
        try:
            muscles = tuple(str(m) for m in entry["muscles"])
            unknown = [m for m in muscles if m not in MUSCLES]
            if unknown:
                raise ExerciseLibraryError(f"{where}.muscles: unknown muscle {unknown[0]!r}")
            exercise = Exercise(
                id=str(entry["id"]),
                name=str(entry["name"]),
                equipment=tuple(str(e) for e in entry["equipment"]),
                muscles=muscles,
                loaded=bool(entry["loaded"]),
                unilateral=bool(entry["unilateral"]),
                instructions=tuple(str(s) for s in entry["instructions"]),
                form_notes=tuple(str(s) for s in entry["form_notes"]),
                next=str(entry["next"]) if "next" in entry else None,
                next_hold=float(entry.get("next_hold", 0.0)),
                start_load=_start_load(entry.get("start_load", {}), where),
            )
        except KeyError as exc:
            raise ExerciseLibraryError(f"{where}: missing key {exc.args[0]!r}") from None
        if exercise.id in result:
            raise ExerciseLibraryError(f"{where}.id: duplicate id {exercise.id!r}")
        if not 0.0 <= exercise.next_hold <= 10.0:
            raise ExerciseLibraryError(f"{where}.next_hold: 0-10 s, not {exercise.next_hold}")
        result[exercise.id] = exercise
    for index, exercise in enumerate(result.values(), 1):
        if exercise.next is not None and exercise.next not in result:
            raise ExerciseLibraryError(
                f"{source}: exercise[{index}].next: no exercise {exercise.next!r}"
            )
    return result


def _start_load(value: Any, where: str) -> tuple[tuple[str, float], ...]:
    if not isinstance(value, Mapping) or not set(value) <= {"kg", "lb"}:
        raise ExerciseLibraryError(f"{where}.start_load: a table like {{ kg = 20, lb = 45 }}")
    return tuple((str(unit), float(amount)) for unit, amount in sorted(value.items()))


@cache
def source_library() -> Mapping[str, Exercise]:
    """All exercises by id as the shipped resource file words them (English), loaded once."""
    node = resource("exercises.toml")
    return parse_exercises(tomllib.loads(node.read_text(encoding="utf-8")), "exercises.toml")


def exercise_library() -> Mapping[str, Exercise]:
    """All exercises by id, their names, instructions and form notes in the active
    language (``i18n.current()``)."""
    return _translated_library(i18n.current())


@cache
def _translated_library(language: str) -> Mapping[str, Exercise]:
    source = source_library()
    if language == i18n.SOURCE_LANGUAGE:
        return source
    return {key: translated(exercise) for key, exercise in source.items()}


def translated(exercise: Exercise) -> Exercise:
    """``exercise`` with its words in the active language (contexts "exercise",
    "instruction", "form note")."""
    return replace(
        exercise,
        name=i18n.pgettext("exercise", exercise.name),
        instructions=tuple(i18n.pgettext("instruction", s) for s in exercise.instructions),
        form_notes=tuple(i18n.pgettext("form note", s) for s in exercise.form_notes),
    )


def find_exercise(key: str) -> Exercise | None:
    """The library entry for an id (or a display name typed as free text, in English or
    in the active language), if any."""
    library = exercise_library()
    if key in library:
        return library[key]
    folded = key.strip().casefold()
    for source in (library, source_library()):
        for exercise_id, exercise in source.items():
            if exercise.name.casefold() == folded:
                return library[exercise_id]
    return None


def next_step(key: str) -> Exercise | None:
    """The exercise the library names as the next step after ``key``, if any."""
    exercise = find_exercise(key)
    if exercise is None or exercise.next is None:
        return None
    return exercise_library().get(exercise.next)


def exercise_name(key: str) -> str:
    """What to show and say for a block's ``exercise`` value: a library name or the free text."""
    exercise = find_exercise(key)
    return exercise.name if exercise else key


def shown_name(key: str, recorded: str) -> str:
    """The name to show for an exercise the history recorded as ``recorded``: the
    library's, in the active language, for a library id (the history keeps the name in
    the language of the day it was done), else the recorded name."""
    library = exercise_library()
    return library[key].name if key in library else recorded
