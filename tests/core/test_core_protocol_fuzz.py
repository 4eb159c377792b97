"""Fuzzing protocol files: any input either loads or raises ProtocolError with one line."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glute_timer.core.protocol import Protocol, ProtocolError, parse_protocol
from glute_timer.core.resources import resource

PRESET_TEXTS = [
    node.read_text(encoding="utf-8")
    for node in sorted(resource("presets").iterdir(), key=lambda n: n.name)
    if node.name.endswith(".toml")
]

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


def check(raw: bytes | str) -> Protocol | None:
    """Load ``raw``; anything but a Protocol or a one-line ProtocolError fails the test."""
    try:
        return parse_protocol(raw, "fuzz.toml")
    except ProtocolError as exc:
        assert type(exc) is ProtocolError
        text = str(exc)
        assert len(text.splitlines()) == 1, text
        assert text.startswith("fuzz.toml: ")
        return None


@FUZZ
@given(st.binary(max_size=300))
@example(b"\xff\xfe")
@example(b"format = 1\x00")
def test_random_bytes(raw: bytes) -> None:
    check(raw)


_toml_atoms = st.sampled_from(
    [
        "format", "name", "description", "schedule", "lead_in", "program_weeks", "block",
        "exercise", "sets", "reps", "target", "tempo", "lift", "hold", "lower", "pause",
        "rest", "per_side", "load", "rest_after", "switch",
        " = ", "=", "\n", "[[block]]", "[block]", "[tempo]", "{", "}", "[", "]", ",", ".",
        '"', "'", '"""', "1", "-1", "0", "1.5", "1e400", "nan", "inf", "true", "false",
        '"10-15"', '"15-10"', '"40 kg"', '"40kgs"', '"bodyweight"', '"glute-bridge"',
        "9999999999999999999999", "1979-05-27", "#", " ", "\\u2028", "\\n", "²",
    ]
)  # fmt: skip
toml_ish = st.lists(_toml_atoms | st.text(max_size=4), max_size=60).map("".join)


@FUZZ
@given(toml_ish)
def test_random_toml_ish_text(text: str) -> None:
    check(text)
    check(PRESET_TEXTS[0] + "\n" + text)


@st.composite
def mutated_presets(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(PRESET_TEXTS)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "number", "swap", "insert"]))
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "number":
            replacement = draw(
                st.one_of(
                    st.integers(-(10**30), 10**30).map(str),
                    st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.sampled_from(
                        ["0", "-0", "0.0", "true", '"3"', "[]", "{}", "1_000", "9" * 400]
                    ),
                )
            )
            lines[index] = re.sub(r"-?\d+(\.\d+)?", replacement, lines[index], count=1)
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            left, sep1, value1 = lines[index].partition("=")
            left2, sep2, value2 = lines[other].partition("=")
            if sep1 and sep2:
                lines[index] = left + "=" + value2
                lines[other] = left2 + "=" + value1
        else:
            lines.insert(index, draw(toml_ish))
    return "\n".join(lines) + "\n"


@FUZZ
@given(mutated_presets())
def test_mutated_presets(text: str) -> None:
    check(text)
    check(text.encode("utf-8"))


def test_unmutated_presets_load() -> None:
    for text in PRESET_TEXTS:
        assert check(text) is not None


_TEMPOS = st.dictionaries(
    st.sampled_from(["lift", "hold", "lower", "z"]),
    st.one_of(st.integers(-2, 700), st.floats(allow_nan=True)),
)
_BLOCKS = st.lists(
    st.dictionaries(
        st.sampled_from(["exercise", "sets", "reps", "target", "tempo", "rest", "load", "y"]),
        st.one_of(st.integers(-3, 300), st.text(max_size=6), _TEMPOS),
    ),
    max_size=3,
)
_TOPS = st.dictionaries(
    st.sampled_from(["format", "name", "lead_in", "schedule", "block", "x"]),
    st.one_of(st.integers(-5, 5), st.text(max_size=8), st.booleans(), _BLOCKS),
)


@FUZZ
@given(_TOPS)
def test_all_problems_begin_with_the_one_loading_stops_at(data: dict[str, object]) -> None:
    from glute_timer.core.protocol import protocol_from_dict, protocol_problems

    problems = protocol_problems(data, "fuzz.toml")
    try:
        protocol_from_dict(data, "fuzz.toml")
    except ProtocolError as exc:
        assert problems, "loading refused what the full check accepted"
        assert (problems[0].key, problems[0].reason) == (exc.key, exc.reason)
    else:
        assert problems == []
