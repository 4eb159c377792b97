"""Text never reaches the terminal raw.

A protocol text holding a control character (an escape sequence that clears the screen,
an OSC sequence that retitles the window, a carriage return, a line break, a NUL, a bidi
override) is refused when the file is read, with a one-line error. Texts already stored
(an imported history) are printed with visible escapes by ``history``, ``stats`` and
``run``; ``--json`` escapes them in the JSON itself.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import FAST, cli, one_line_error, workout

from glute_timer import cli as glute_cli
from glute_timer.core.history_export import json_text, write_csv
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.paths import AppPaths
from glute_timer.core.plan import Cue, Priority
from glute_timer.core.protocol import ProtocolError, parse_protocol
from glute_timer.core.session import CueDue
from glute_timer.core.text import is_unsafe

HOSTILE = [
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;pwned\x07",  # OSC: retitle the window
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",  # a hyperlink
    "\r",
    "\n",
    "\x00",
    "\x7f",
    "\x9b2J",  # a one-byte CSI
    "\u202e",  # right-to-left override
    "\u2028",  # line separator
    "\x08\x08\x08",
]
control = st.sampled_from(HOSTILE) | st.characters(categories=("Cc",))


def _toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a TOML basic string with the same escapes


@settings(max_examples=100, deadline=None)
@given(
    where=st.sampled_from(["name", "exercise", "load", "description"]),
    before=st.text("abc ", max_size=4),
    bad=control,
)
def test_a_control_character_in_a_protocol_text_is_refused(
    where: str, before: str, bad: str
) -> None:
    if where == "description" and bad in ("\n", "\r", "\t", "\r\n"):
        return  # line breaks are fine in a description (the editor has several lines)
    text = "x" + before + bad + "y"
    fields = {"name": '"Hostile"', "exercise": '"glute-bridge"', "load": '"bodyweight"'}
    top = f"format = 1\nname = {fields['name']}\n"
    if where == "name":
        top = f"format = 1\nname = {_toml_string(text)}\n"
    elif where == "description":
        top += f"description = {_toml_string(text)}\n"
    block = "[[block]]\n"
    block += f"exercise = {_toml_string(text) if where == 'exercise' else fields['exercise']}\n"
    block += f"load = {_toml_string(text) if where == 'load' else fields['load']}\n"
    with pytest.raises(ProtocolError) as info:
        parse_protocol(top + block, "hostile.toml")
    message = str(info.value)
    assert "must not contain control characters" in message
    assert len(message.splitlines()) == 1 and all(not is_unsafe(c) for c in message)


def test_line_breaks_in_a_description_are_fine() -> None:
    protocol = parse_protocol(
        'format = 1\nname = "Two lines"\ndescription = """First.\nSecond."""\n'
        '[[block]]\nexercise = "glute-bridge"\n'
    )
    assert protocol.description == "First.\nSecond."


@pytest.mark.parametrize("bad", ["\x1b[2J", "\x1b]0;pwned\x07", "tab\there", "nul\x00"])
def test_the_command_line_refuses_the_file(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(FAST.replace('"Fast"', _toml_string(f"Fast{bad}")), encoding="utf-8")
    for command in (["plan", str(path)], ["run", str(path), "--no-gui", "--mute"]):
        line = one_line_error(cli(tmp_path / "base", *command), str(path), "name:")
        assert all(not is_unsafe(c) for c in line)


def _safe_output(text: str) -> bool:
    return all(char == "\n" or not is_unsafe(char) for char in text)


stored = st.builds(lambda a, b, c: a + b + c, st.text(max_size=3), control, st.text(max_size=3))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=stored, exercise_name=stored, load=stored.map(lambda t: "band" + t), note=stored)
def test_stored_texts_are_printed_safely(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    exercise_name: str,
    load: str,
    note: str,
) -> None:
    base = tmp_path / f"b{len(list(tmp_path.iterdir()))}"
    base_item = workout(protocol_name=name, note=note)
    sets = tuple(s._replace(exercise_name=exercise_name, load=load) for s in base_item.sets)
    export = base / "hostile.json"
    export.parent.mkdir(parents=True)
    export.write_text(json_text([base_item.__class__(**{**base_item.__dict__, "sets": sets})]))
    # An imported history may hold such texts: they are data, kept exactly ...
    assert glute_cli.main(["--basedir", str(base), "history", "--import", str(export)]) == 0
    (kept,) = HistoryStore(AppPaths.from_basedir(base).history_db).workouts()
    assert kept.protocol_name == name and kept.sets[0].load == load
    capsys.readouterr()
    # ... and printed with visible escapes.
    for args in (["history"], ["stats"], ["history", "--json"], ["stats", "--json"]):
        assert glute_cli.main(["--basedir", str(base), *args]) == 0
        out, err = capsys.readouterr()
        assert _safe_output(out) and _safe_output(err), (args, out)
        if "--json" in args:
            json.loads(out)  # still the same JSON
    buffer = io.StringIO()
    write_csv([kept], buffer, for_terminal=True)  # what ``history --csv`` shows a terminal
    assert all(c in "\r\n" or not is_unsafe(c) for c in buffer.getvalue())


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cue_and_the_summary_print_safely(text: str) -> None:
    cue = Cue(0.0, "lift", 1, 1, 1, None, f"1, {text}", Priority.BEAT, 0)
    for as_json in (False, True):
        out = io.StringIO()
        glute_cli.TerminalPrinter(out, as_json)(CueDue(cue=cue, due=0.0))
        assert _safe_output(out.getvalue()), out.getvalue()
    from glute_timer.core.session import SetRecord

    record = SetRecord(1, 1, None, "x", f"Bridge{text}", 1, 1, 1, 1, 0.0, f"40{text}", 0, 1, 0, 1)
    assert all(
        _safe_output(line) and "\n" not in line for line in glute_cli.summary_lines([record], True)
    )
