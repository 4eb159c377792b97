"""Protocol files: presets load, save→load round trips, every error is one clear line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from core_strategies import protocols
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glute_timer.core import protocol as protocol_module
from glute_timer.core.library import load_presets
from glute_timer.core.protocol import (
    Block,
    Load,
    Protocol,
    ProtocolError,
    Tempo,
    dump_protocol,
    format_number,
    load_protocol,
    parse_protocol,
    protocol_from_dict,
    protocol_to_dict,
    save_protocol,
    slugify,
)
from glute_timer.core.resources import resource

PRESET_FILES = sorted(
    node.name for node in resource("presets").iterdir() if node.name.endswith(".toml")
)

MINIMAL = 'format = 1\nname = "Mini"\n\n[[block]]\nexercise = "glute-bridge"\n'


def assert_one_line(error: ProtocolError, *parts: str) -> None:
    text = str(error)
    assert len(text.splitlines()) == 1, text
    assert "\n" not in text and "\r" not in text
    for part in parts:
        assert part in text, (part, text)


# ------------------------------------------------------------------ presets


def test_there_are_eight_presets() -> None:
    assert len(PRESET_FILES) == 8


@pytest.mark.parametrize("name", PRESET_FILES)
def test_every_preset_loads_and_round_trips(name: str, tmp_path: Path) -> None:
    raw = resource("presets", name).read_bytes()
    protocol = parse_protocol(raw, f"presets/{name}")
    assert protocol.name
    assert protocol.description
    assert protocol.blocks
    assert parse_protocol(dump_protocol(protocol)) == protocol
    path = tmp_path / name
    save_protocol(protocol, path)
    assert load_protocol(path) == protocol


def test_presets_match_the_issue() -> None:
    presets = {entry.id: entry.protocol for entry in load_presets()}
    assert all(p is not None for p in presets.values())
    pre_run = presets["pre-run"]
    assert pre_run is not None
    assert pre_run.schedule == "before-run"
    assert (pre_run.blocks[0].sets, pre_run.blocks[0].reps_min, pre_run.blocks[0].reps_max) == (
        2,
        10,
        15,
    )
    strength = presets["hip-thrust-strength"]
    assert strength is not None
    assert strength.schedule == "every-other-day"
    assert strength.blocks[0].tempo.hold == 3
    assert strength.blocks[0].load.amount == 40
    assert strength.equipment_loaded
    mobility = presets["hip-thrust-mobility"]
    assert mobility is not None
    assert mobility.program_weeks == 2
    assert not mobility.equipment_loaded
    high = presets["loaded-bridge-high-reps"]
    assert high is not None
    assert (high.blocks[0].reps_min, high.blocks[0].reps_max) == (15, 20)
    burn = presets["no-equipment-burn"]
    assert burn is not None
    assert [b.per_side for b in burn.blocks] == [False, True, False]
    assert burn.blocks[2].tempo.hold == 30
    hold = presets["isometric-hold-30"]
    assert hold is not None
    assert (hold.blocks[0].reps_max, hold.blocks[0].tempo.hold) == (1, 30)


# ------------------------------------------------------------------ round trip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(protocols())
def test_dump_then_parse_gives_the_same_protocol(protocol: Protocol) -> None:
    text = dump_protocol(protocol)
    assert parse_protocol(text) == protocol
    assert parse_protocol(text.encode("utf-8")) == protocol


@settings(max_examples=30, deadline=None)
@given(protocols())
def test_save_then_load_gives_the_same_protocol(protocol: Protocol) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.toml"
        save_protocol(protocol, path)
        assert load_protocol(path) == protocol
        assert os.listdir(folder) == ["p.toml"]  # no temporary left behind


def test_round_trip_keeps_a_switch_time_on_a_two_sided_block() -> None:
    protocol = parse_protocol(MINIMAL + "per_side = true\nswitch = 8\n")
    assert protocol.blocks[0].switch == 8
    assert parse_protocol(dump_protocol(protocol)) == protocol


def test_round_trip_keeps_a_switch_time_on_a_one_sided_block() -> None:
    # Found by the round-trip property: the switch time was only written for per_side.
    protocol = parse_protocol(MINIMAL + "switch = 10\n")
    assert parse_protocol(dump_protocol(protocol)) == protocol


def test_round_trip_of_a_tiny_load_amount() -> None:
    # Found by the round-trip property: "1e-05 kg" was written and could not be read back.
    protocol = parse_protocol(MINIMAL + 'load = "0.00001 kg"\n')
    assert protocol.blocks[0].load.text == "0.00001 kg"
    assert parse_protocol(dump_protocol(protocol)) == protocol


def test_protocol_built_in_code_round_trips() -> None:
    protocol = Protocol(
        name="Coded",
        blocks=(
            Block(
                "barbell-hip-thrust",
                sets=3,
                reps_min=8,
                reps_max=12,
                target=10,
                tempo=Tempo(1, 3, 2, 0.5),
                load=Load("60 kg"),
            ),
            Block("my own thing", reps_min=5, reps_max=5, target=5, per_side=True, switch=7),
        ),
        description="From code",
        schedule="daily",
        lead_in=3,
        program_weeks=4,
    )
    assert parse_protocol(dump_protocol(protocol)) == protocol
    data = protocol_to_dict(protocol)
    assert data["block"][0]["target"] == 10
    assert data["block"][0]["reps"] == "8-12"
    assert data["block"][1]["reps"] == 5
    assert "target" not in data["block"][1]


def test_defaults_of_a_minimal_file() -> None:
    protocol = parse_protocol(MINIMAL)
    assert protocol.schedule == "as-needed"
    assert protocol.lead_in == 5
    assert protocol.program_weeks is None
    assert protocol.description == ""
    block = protocol.blocks[0]
    assert (block.sets, block.reps_min, block.reps_max, block.target) == (1, 10, 10, 10)
    assert block.tempo == Tempo(1, 0, 1, 0)
    assert block.load == Load("bodyweight")
    assert (block.rest, block.rest_after, block.switch, block.per_side) == (45, 60, 5, False)
    assert block.reps_text == "10"
    assert block.sides == (None,)


def test_value_normalisation() -> None:
    protocol = parse_protocol(
        MINIMAL
        + 'reps = " 12 "\nload = "  40   KG "\nper_side = true\n'
        + '\n[[block]]\nexercise = "x"\nreps = "8 – 12"\nload = "red   band"\n'
    )
    first, second = protocol.blocks
    assert (first.reps_min, first.reps_max) == (12, 12)
    assert first.load.text == "40 kg"
    assert first.load.amount == 40.0 and first.load.unit == "kg"
    assert first.sides == ("left", "right")
    assert (second.reps_min, second.reps_max, second.target) == (8, 12, 12)
    assert second.reps_text == "8–12"
    assert second.load.text == "red band"
    assert second.load.amount is None and second.load.unit is None
    assert not second.load.is_bodyweight


def test_load_helpers() -> None:
    assert Load().is_bodyweight
    assert Load("2.5 lb").amount == 2.5
    assert Load("2.5 lb").with_amount(5, "kg") == Load("5 kg")
    assert Load("x").with_amount(2.25, "lb").text == "2.25 lb"


def test_with_changes_and_tempo() -> None:
    protocol = parse_protocol(MINIMAL)
    renamed = protocol.with_changes(name="Other")
    assert renamed.name == "Other" and renamed.blocks == protocol.blocks
    assert Tempo(1, 3, 2, 9).rep_seconds == 6


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (3.0, "3"), (2.5, "2.5"), (0.1, "0.1"), (1e-05, "0.00001"), (1e-09, "0")],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Pre-run activation", "pre-run-activation"), ("  !!  ", "protocol"), ("Ä b", "b")],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slugify_is_bounded() -> None:
    assert len(slugify("x" * 500)) == 60


# ------------------------------------------------------------------ errors

BLOCK = '\n[[block]]\nexercise = "glute-bridge"\n'
TOP = 'format = 1\nname = "N"\n'

ERRORS = [
    # (file text, key named, words of the reason)
    (TOP + "colour = 1\n" + BLOCK, "colour", "unknown key"),
    (TOP + BLOCK + "colour = 1\n", "block[1].colour", "unknown key"),
    (TOP + BLOCK + "tempo = { lift = 1, squeeze = 2 }\n", "block[1].tempo.squeeze", "unknown key"),
    ('name = "N"\n' + BLOCK, "format", "missing"),
    ('format = 2\nname = "N"\n' + BLOCK, "format", "unsupported format 2"),
    ('format = "1"\nname = "N"\n' + BLOCK, "format", "unsupported format '1'"),
    ('format = true\nname = "N"\n' + BLOCK, "format", "unsupported format True"),
    ("format = 1\n" + BLOCK, "name", "missing"),
    ('format = 1\nname = "   "\n' + BLOCK, "name", "must not be empty"),
    ("format = 1\nname = 5\n" + BLOCK, "name", "must be text"),
    ('format = 1\nname = "' + "n" * 101 + '"\n' + BLOCK, "name", "at most 100 characters"),
    (TOP + 'description = "' + "d" * 2001 + '"\n' + BLOCK, "description", "at most 2000"),
    (TOP + 'schedule = "weekly"\n' + BLOCK, "schedule", "must be one of every-other-day"),
    (TOP + "schedule = 1\n" + BLOCK, "schedule", "must be text"),
    (TOP + "lead_in = -1\n" + BLOCK, "lead_in", "zero or more"),
    (TOP + "lead_in = 121\n" + BLOCK, "lead_in", "too long (at most 120 s)"),
    (TOP + 'lead_in = "5"\n' + BLOCK, "lead_in", "must be a number of seconds"),
    (TOP + "lead_in = true\n" + BLOCK, "lead_in", "must be a number of seconds, not True"),
    (TOP + "lead_in = nan\n" + BLOCK, "lead_in", "must be a number of seconds, not nan"),
    (TOP + "lead_in = inf\n" + BLOCK, "lead_in", "must be a number of seconds, not inf"),
    (TOP + "lead_in = " + "9" * 400 + "\n" + BLOCK, "lead_in", "too long"),
    (TOP + "lead_in = -" + "9" * 400 + "\n" + BLOCK, "lead_in", "zero or more"),
    (TOP + "program_weeks = 0\n" + BLOCK, "program_weeks", "between 1 and 52, not 0"),
    (TOP + "program_weeks = 1.5\n" + BLOCK, "program_weeks", "whole number"),
    (TOP + "program_weeks = true\n" + BLOCK, "program_weeks", "whole number, not True"),
    (TOP, "block", "missing: a protocol needs at least one [[block]]"),
    (TOP + "block = []\n", "block", "at least one [[block]]"),
    (TOP + "block = 3\n", "block", "array of tables"),
    (TOP + "block = [1, 2]\n", "block", "array of tables"),
    (TOP + BLOCK * 51, "block", "at most 50 blocks, found 51"),
    (TOP + "\n[[block]]\nsets = 2\n", "block[1].exercise", "missing"),
    (TOP + "\n[[block]]\nexercise = 7\n", "block[1].exercise", "must be text"),
    (TOP + '\n[[block]]\nexercise = ""\n', "block[1].exercise", "must not be empty"),
    (TOP + BLOCK + "sets = 0\n", "block[1].sets", "between 1 and 50, not 0"),
    (TOP + BLOCK + "sets = 51\n", "block[1].sets", "between 1 and 50"),
    (TOP + BLOCK + "sets = 2.0\n", "block[1].sets", "whole number, not 2.0"),
    (TOP + BLOCK + "sets = true\n", "block[1].sets", "whole number, not True"),
    (TOP + BLOCK + 'reps = "15-10"\n', "block[1].reps", "from low to high"),
    (TOP + BLOCK + 'reps = "0-10"\n', "block[1].reps", "from low to high"),
    (TOP + BLOCK + 'reps = "10-201"\n', "block[1].reps", "within 1-200"),
    (TOP + BLOCK + "reps = 0\n", "block[1].reps", "between 1 and 200, not 0"),
    (TOP + BLOCK + "reps = 201\n", "block[1].reps", "between 1 and 200"),
    (TOP + BLOCK + 'reps = "ten"\n', "block[1].reps", 'a number or a range like "10-15"'),
    (TOP + BLOCK + 'reps = "²"\n', "block[1].reps", 'a number or a range like "10-15"'),
    (TOP + BLOCK + "reps = 10.5\n", "block[1].reps", "a number or a range"),
    (TOP + BLOCK + "reps = true\n", "block[1].reps", "a number or a range"),
    (TOP + BLOCK + 'reps = "10-15"\ntarget = 16\n', "block[1].target", "within reps 10-15"),
    (TOP + BLOCK + 'reps = "10-15"\ntarget = 9\n', "block[1].target", "within reps 10-15, not 9"),
    (TOP + BLOCK + "target = 0\n", "block[1].target", "between 1 and 200"),
    (TOP + BLOCK + "tempo = 3\n", "block[1].tempo", "must be a table"),
    (TOP + BLOCK + "tempo = { lift = 0 }\n", "block[1].tempo.lift", "positive (at least 0.1 s)"),
    (TOP + BLOCK + "tempo = { lower = -1 }\n", "block[1].tempo.lower", "positive"),
    (TOP + BLOCK + "tempo = { lift = 31 }\n", "block[1].tempo.lift", "too long (at most 30 s)"),
    (TOP + BLOCK + "tempo = { hold = 36000 }\n", "block[1].tempo.hold", "too long (at most 600"),
    (TOP + BLOCK + "tempo = { hold = -3 }\n", "block[1].tempo.hold", "zero or more"),
    (TOP + BLOCK + "tempo = { pause = 61 }\n", "block[1].tempo.pause", "too long"),
    (TOP + BLOCK + 'tempo = { hold = "3" }\n', "block[1].tempo.hold", "number of seconds"),
    (TOP + BLOCK + "tempo = { hold = false }\n", "block[1].tempo.hold", "number of seconds"),
    (TOP + BLOCK + "rest = -5\n", "block[1].rest", "zero or more"),
    (TOP + BLOCK + "rest = 1801\n", "block[1].rest", "too long"),
    (TOP + BLOCK + "rest_after = 99999\n", "block[1].rest_after", "too long"),
    (TOP + BLOCK + "switch = 61\n", "block[1].switch", "too long"),
    (TOP + BLOCK + "per_side = 1\n", "block[1].per_side", "true or false, not 1"),
    (TOP + BLOCK + 'per_side = "yes"\n', "block[1].per_side", "true or false"),
    (TOP + BLOCK + 'load = "40kgs"\n', "block[1].load", "a number and a unit, kg or lb"),
    (TOP + BLOCK + 'load = "40"\n', "block[1].load", "a number and a unit"),
    (TOP + BLOCK + 'load = "40 stone"\n', "block[1].load", "a number and a unit"),
    (TOP + BLOCK + 'load = "5000 kg"\n', "block[1].load", "5000 is not a sane load"),
    (TOP + BLOCK + "load = 40\n", "block[1].load", 'must be text like "bodyweight"'),
    (TOP + BLOCK + 'load = "   "\n', "block[1].load", "must not be empty"),
    (TOP + BLOCK + 'load = "' + "x" * 41 + '"\n', "block[1].load", "at most 40 characters"),
    (TOP + BLOCK + BLOCK + "sets = -1\n", "block[2].sets", "between 1 and 50"),
]


@pytest.mark.parametrize(("text", "key", "reason"), ERRORS)
def test_invalid_protocols_name_file_key_and_reason(
    text: str, key: str, reason: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    error = info.value
    assert error.source == str(path)
    assert error.key == key
    assert reason in error.reason
    assert_one_line(error, str(path), f": {key}: ", reason)
    assert str(error) == f"{path}: {key}: {error.reason}"


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(MINIMAL.replace("Mini", "Caf\xe9").encode("latin-1"))
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    assert_one_line(info.value, str(path), "not UTF-8 text (bad byte at offset 22)")
    assert info.value.key == ""


def test_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('format = 1\nname = "unterminated\n', encoding="utf-8")
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    assert_one_line(info.value, str(path), "not valid TOML", "line 2")


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "9" * 5000,  # tomllib raises a plain ValueError for over-long integers
        "x = " + "{ y = " * 3000,  # and RecursionError for deep nesting
    ],
)
def test_toml_the_parser_chokes_on_is_a_protocol_error(text: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_protocol(text, "deep.toml")
    assert_one_line(info.value, "deep.toml: not valid TOML")


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError) as info:
        load_protocol(tmp_path)
    assert_one_line(info.value, str(tmp_path), "is a directory")


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    assert_one_line(info.value, f"{path}: file not found")


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(MINIMAL, encoding="utf-8")

    def refuse(path: Path, max_bytes: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    # (Running as root, a real chmod would not stop the read.)
    monkeypatch.setattr("glute_timer.core.protocol.read_regular_file", refuse)
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    assert_one_line(info.value, str(path), "cannot read: Permission denied")


@pytest.mark.parametrize("separator", ["\n", "\r", "\u2028", "\x85", "\x0b"])
def test_a_key_with_a_line_break_still_gives_one_line(separator: str) -> None:
    escaped = {"\n": "\\n", "\r": "\\r"}.get(separator, f"\\u{ord(separator):04x}")
    text = TOP + f'"odd{escaped}key" = 1\n' + BLOCK
    with pytest.raises(ProtocolError) as info:
        parse_protocol(text, "odd.toml")
    assert_one_line(info.value, "odd.toml", "unknown key")
    assert info.value.key == f"odd{separator}key"  # the attribute keeps the real key


def test_a_source_name_with_a_line_break_gives_one_line() -> None:
    with pytest.raises(ProtocolError) as info:
        parse_protocol(b"\xff", "two\nlines.toml")
    assert_one_line(info.value, "two\\nlines.toml")


def test_protocol_error_without_a_key() -> None:
    assert str(ProtocolError("f.toml", "", "broken")) == "f.toml: broken"
    assert isinstance(ProtocolError("f", "k", "r"), ValueError)


def test_protocol_from_dict_default_source() -> None:
    with pytest.raises(ProtocolError, match=r"^<protocol>: format: missing"):
        protocol_from_dict({})


def test_a_ten_hour_hold_is_refused() -> None:
    with pytest.raises(ProtocolError, match=r"block\[1\]\.tempo\.hold: 36000 s is too long"):
        parse_protocol(TOP + BLOCK + "tempo = { hold = 36000 }\n", "ten-hours.toml")


# ------------------------------------------------------------------ atomic save


def test_failed_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.toml"
    old = parse_protocol(MINIMAL)
    save_protocol(old, path)
    before = path.read_bytes()

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        save_protocol(old.with_changes(name="New"), path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["mine.toml"]  # the temporary is cleaned up
    monkeypatch.undo()
    assert load_protocol(path) == old


def test_save_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "p.toml"
    protocol = parse_protocol(MINIMAL)
    save_protocol(protocol, path)
    assert load_protocol(path) == protocol


def test_dump_is_valid_format_1() -> None:
    text = dump_protocol(parse_protocol(MINIMAL))
    assert text.startswith("format = 1\n")
    assert "[[block]]" in text


def test_module_constants_are_consistent() -> None:
    assert protocol_module.FORMAT_VERSION == 1
    assert set(protocol_module.SCHEDULES) == {"every-other-day", "daily", "before-run", "as-needed"}


@given(st.floats(0, 1e6, allow_nan=False))
def test_format_number_reads_back(value: float) -> None:
    assert float(format_number(value)) == pytest.approx(value, rel=1e-5, abs=1e-6)
    assert "e" not in format_number(value)


@pytest.mark.parametrize("load", ["-40 kg", "+40 kg", ".5 kg"])
def test_a_signed_or_bare_decimal_load_is_refused(load: str) -> None:
    text = f'format = 1\nname = "L"\n[[block]]\nexercise = "glute-bridge"\nload = "{load}"\n'
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(text, "l.toml")
    assert str(caught.value).startswith("l.toml: block[1].load: ")


# ------------------------------------------------------------------ every problem at once


def test_every_problem_is_found_at_once_in_file_order() -> None:
    from glute_timer.core.protocol import protocol_problems

    data = {
        "format": 1,
        "name": "",
        "lead_in": -3,
        "schedule": "weekly",
        "block": [
            {"exercise": "glute-bridge", "reps": "15-10", "target": 12},
            {"exercise": "glute-bridge", "tempo": {"hold": 36000, "lift": "fast"}, "loud": 1},
        ],
    }
    problems = protocol_problems(data, "mine.toml")
    assert [p.key for p in problems] == [
        "name",
        "schedule",
        "lead_in",
        "block[1].reps",
        "block[2].loud",
        "block[2].tempo.lift",
        "block[2].tempo.hold",
    ]
    assert all(str(p).startswith("mine.toml: ") for p in problems)
    # A bad range is reported once: the target is not blamed for it.
    assert not any(p.key == "block[1].target" for p in problems)


def test_a_valid_protocol_has_no_problems() -> None:
    from glute_timer.core.library import ordered_presets
    from glute_timer.core.protocol import protocol_problems, protocol_to_dict

    for entry in ordered_presets():
        assert entry.protocol is not None
        assert protocol_problems(protocol_to_dict(entry.protocol)) == []


# ------------------------------------------------------------------ one run, customised


def test_customising_a_run_keeps_each_block_s_kind() -> None:
    from glute_timer.core.library import resolve_protocol
    from glute_timer.core.plan import build_plan

    _id, burn = resolve_protocol("no-equipment-burn")
    hold_block = next(b for b in burn.blocks if b.is_single_hold)
    lead = burn.lead_block
    assert not lead.is_single_hold
    run = burn.customised(hold=3, target=12)
    for before, after in zip(burn.blocks, run.blocks, strict=True):
        if before.is_single_hold:
            assert after == before == hold_block  # the 30-second hold stays one long hold
        else:
            assert after.target == before.target + (12 - lead.target)
            assert after.tempo.hold == before.tempo.hold + (3 - lead.tempo.hold)
            assert after.reps_min <= after.target <= after.reps_max
    # Fewer reps: a shorter workout, not a longer one.
    assert build_plan(run).total < build_plan(burn.customised(hold=3)).total
    assert burn.customised() == burn


def test_a_protocol_of_holds_only_customises_its_hold() -> None:
    from glute_timer.core.library import resolve_protocol

    _id, hold = resolve_protocol("isometric-hold-30")
    assert hold.lead_block.is_single_hold
    run = hold.customised(hold=40, target=12)
    assert run.blocks[0].tempo.hold == 40
    assert run.blocks[0].reps_max == 1 and run.blocks[0].target == 1


# ------------------------------------------------------------------ in the user's language

IN_LANGUAGES = [
    *ERRORS,
    (TOP + 'description = "a\\u001bb"\n' + BLOCK, "description", "control characters"),
    (TOP + BLOCK + 'load = "40\\u0000kg"\n', "block[1].load", "control characters"),
    (TOP + BLOCK + 'load = "-40 kg"\n', "block[1].load", 'a load like "40 kg"'),
]


def _refusal(path: Path, code: str) -> ProtocolError:
    from glute_timer.core import i18n

    i18n.activate(code)
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    return info.value


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_every_reason_is_in_the_language_with_the_file_key_and_value_as_written(
    code: str, tmp_path: Path
) -> None:
    path = tmp_path / "schlecht.toml"
    for text, key, words in IN_LANGUAGES:
        path.write_text(text, encoding="utf-8")
        english = _refusal(path, "en")
        assert words in english.reason  # the English of the table above
        local = _refusal(path, code)
        assert (local.source, local.key) == (english.source, key)
        assert local.reason != english.reason, (code, key, local.reason)
        assert str(local) == f"{path}: {key}: {local.reason}"
        # What the file says stays as it says it: the value quoted, the keys allowed.
        for written in ("'1'", "True", "nan", "'weekly'", "every-other-day", "[[block]]"):
            if written in english.reason:
                assert written in local.reason, (code, key, local.reason)
        if "unknown key" in english.reason:
            assert english.reason.split("(allowed: ")[1].rstrip(")") in local.reason


def test_a_refusal_in_german_reads_as_german(tmp_path: Path) -> None:
    from glute_timer.core import i18n

    path = tmp_path / "bad.toml"
    path.write_text(TOP + BLOCK + "tempo = { hold = 900 }\nholdd = 1\n", encoding="utf-8")
    i18n.activate("de")
    with pytest.raises(ProtocolError) as info:
        load_protocol(path)
    assert str(info.value).startswith(f"{path}: block[1].holdd: unbekannter Schlüssel (erlaubt: ")
    from glute_timer.core.protocol import protocol_problems, read_protocol_table

    problems = protocol_problems(read_protocol_table(path), str(path))
    assert [str(p) for p in problems][1] == (
        f"{path}: block[1].tempo.hold: 900 s ist zu lang (höchstens 600 s)"
    )


UNREADABLE = {
    # a missing file, a folder, Latin-1 bytes, broken TOML, a named pipe
    "de": ("Datei nicht", "ist ein Ordner", "kein UTF-8-Text (", "kein gültiges TOML", "ist eine"),
    "fr": (
        "fichier introuvable",
        "est un dossier",
        "pas du texte UTF-8 (",
        "TOML non valide",
        "est un",
    ),
    "es": ("archivo no", "es una carpeta", "no es texto UTF-8 (", "TOML no válido", "es una"),
}


@pytest.mark.parametrize("code", sorted(UNREADABLE))
def test_a_file_that_cannot_be_read_says_why_in_the_language(code: str, tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(MINIMAL.replace("Mini", "Caf\xe9").encode("latin-1"))
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\nname = "unterminated\n', encoding="utf-8")
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    paths = (tmp_path / "nope.toml", tmp_path, latin1, broken, fifo)
    for path, reason in zip(paths, UNREADABLE[code], strict=True):
        error = _refusal(path, code)
        assert str(error).startswith(f"{path}: {reason}"), str(error)
        assert error.key == ""
        assert error.reason != _refusal(path, "en").reason
    assert "(FIFO)" in _refusal(fifo, code).reason
    assert "22" in _refusal(latin1, code).reason  # the offset of the bad byte
