"""Hypothesis strategies and small builders shared by the core tests.

Valid protocols are generated as the TOML data a user would write, then read through
``protocol_from_dict`` so the result is exactly what loading a file gives.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from glute_timer.core.exercises import exercise_library
from glute_timer.core.plan import WorkoutTooBig
from glute_timer.core.protocol import SCHEDULES, Protocol, format_number, protocol_from_dict
from glute_timer.core.text import BIDI_CONTROLS

EXERCISE_IDS = tuple(exercise_library())

# Text a user could type: any character but surrogates and the control characters the
# loader refuses (line breaks are fine in a description); leading/trailing blanks are
# stripped by the loader, so generate stripped text.
_chars = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")).filter(
    lambda c: c not in BIDI_CONTROLS
)
names = st.text(_chars, min_size=1, max_size=40).map(str.strip).filter(bool)
descriptions = st.text(st.one_of(_chars, st.just("\n")), max_size=80).map(str.strip)


def _seconds(low: float, high: float, *, places: int = 3) -> st.SearchStrategy[float | int]:
    return st.one_of(
        st.integers(int(low) if low == int(low) else int(low) + 1, int(high)),
        st.floats(low, high, allow_nan=False, allow_infinity=False).map(
            lambda x: max(low, min(high, round(x, places)))
        ),
    )


loads = st.one_of(
    st.just("bodyweight"),
    st.builds(
        lambda amount, unit: f"{format_number(amount)} {unit}",
        st.one_of(
            st.integers(0, 1000), st.floats(0, 999, allow_nan=False).map(lambda x: round(x, 2))
        ),
        st.sampled_from(["kg", "lb"]),
    ),
    st.text(st.characters(categories=("L", "Zs", "P")), min_size=1, max_size=30)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: bool(s) and not s[0].isdigit()),
)


@st.composite
def block_dicts(
    draw: st.DrawFn, *, small: bool = False, max_sets: int = 50, max_reps: int = 200
) -> dict[str, Any]:
    """One ``[[block]]`` table. ``small``: short durations, for running sessions quickly."""
    max_reps = 4 if small else max_reps
    low = draw(st.integers(1, max_reps))
    high = draw(st.integers(low, max_reps))
    data: dict[str, Any] = {
        "exercise": draw(st.one_of(st.sampled_from(EXERCISE_IDS), names)),
        "sets": draw(st.integers(1, 3 if small else max_sets)),
    }
    data["reps"] = low if low == high and draw(st.booleans()) else f"{low}-{high}"
    if draw(st.booleans()):
        data["target"] = draw(st.integers(low, high))
    if small:
        tempo = {
            "lift": draw(_seconds(0.1, 2, places=1)),
            "hold": draw(st.one_of(st.just(0), _seconds(0, 14, places=1))),
            "lower": draw(_seconds(0.1, 2, places=1)),
            "pause": draw(st.one_of(st.just(0), _seconds(0, 2, places=1))),
        }
    else:
        tempo = {
            "lift": draw(_seconds(0.1, 30)),
            "hold": draw(_seconds(0, 600)),
            "lower": draw(_seconds(0.1, 30)),
            "pause": draw(_seconds(0, 60)),
        }
    keep = draw(st.sets(st.sampled_from(sorted(tempo))))
    data["tempo"] = {key: value for key, value in tempo.items() if key in keep}
    rest_max = 30 if small else 1800
    for key, high_s in (
        ("rest", rest_max),
        ("rest_after", rest_max),
        ("switch", 10 if small else 60),
    ):
        if draw(st.booleans()):
            data[key] = draw(_seconds(0, high_s, places=1 if small else 3))
    if draw(st.booleans()):
        data["per_side"] = draw(st.booleans())
    if draw(st.booleans()):
        data["load"] = draw(loads)
    return data


@st.composite
def protocol_dicts(
    draw: st.DrawFn, *, small: bool = False, max_blocks: int = 3, **block: int
) -> dict[str, Any]:
    data: dict[str, Any] = {"format": 1, "name": draw(names)}
    if draw(st.booleans()):
        data["description"] = draw(descriptions)
    if draw(st.booleans()):
        data["schedule"] = draw(st.sampled_from(SCHEDULES))
    if draw(st.booleans()):
        data["lead_in"] = draw(_seconds(0, 10 if small else 120, places=1))
    if draw(st.booleans()):
        data["program_weeks"] = draw(st.integers(1, 52))
    data["block"] = draw(
        st.lists(block_dicts(small=small, **block), min_size=1, max_size=max_blocks)
    )
    return data


def protocols(
    *, small: bool = False, max_blocks: int = 3, **block: int
) -> st.SearchStrategy[Protocol]:
    """Valid protocols; ``max_sets``/``max_reps`` keep plans small enough to build often."""
    return protocol_dicts(small=small, max_blocks=max_blocks, **block).map(fitting_protocol)


def fitting_protocol(data: dict[str, Any]) -> Protocol:
    """``protocol_from_dict(data)``, with fewer sets (then one rep) per block when the
    values, each within its limit, make a workout too big to plan."""
    for shrink in (None, "sets", "reps"):
        if shrink == "sets":
            data = {**data, "block": [{**b, "sets": 1} for b in data["block"]]}
        elif shrink == "reps":
            data = {
                **data,
                "block": [
                    {k: v for k, v in {**b, "reps": 1}.items() if k != "target"}
                    for b in data["block"]
                ],
            }
        try:
            return protocol_from_dict(data)
        except WorkoutTooBig:
            continue
    raise AssertionError("one set of one rep per block always fits")


def tiny_protocol(**block: Any) -> Protocol:
    """A one-block protocol with short defaults; keyword arguments override the block."""
    data: dict[str, Any] = {
        "exercise": "glute-bridge",
        "sets": 2,
        "reps": "2-3",
        "tempo": {"lift": 1, "hold": 2, "lower": 1},
        "rest": 5,
    }
    data.update(block)
    lead_in = data.pop("lead_in", 5)
    return protocol_from_dict({"format": 1, "name": "Tiny", "lead_in": lead_in, "block": [data]})
