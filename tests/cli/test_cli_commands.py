"""The command line through real subprocesses: presets, plan, run --no-gui, bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from glute_timer.core.library import PRESET_ORDER, ordered_presets, resolve_protocol
from glute_timer.core.plan import build_plan, format_clock
from glute_timer.core.protocol import load_protocol

TINY = """format = 1
name = "Tiny"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 2
tempo = { lift = 0.5, hold = 0.5, lower = 0.5 }
"""

LONGER = """format = 1
name = "Longer"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 3
reps = "1-5"
tempo = { lift = 0.2, lower = 0.2 }
rest = 30
"""


def cli(tmp_path: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "glute_timer", "--basedir", str(tmp_path / "base"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=tmp_path,
        env=_env(),
    )


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("PYTHONWARNINGS", None)
    return env


def assert_block(lines: list[str], block: list[str]) -> None:
    """``block`` appears in ``lines`` as consecutive lines (other features may add theirs)."""
    starts = [i for i, line in enumerate(lines) if line == block[0]]
    assert any(lines[i : i + len(block)] == block for i in starts), (lines, block)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ presets and plan


def test_presets(tmp_path: Path) -> None:
    result = cli(tmp_path, "presets")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(PRESET_ORDER)
    for line, entry in zip(lines, ordered_presets(), strict=True):
        assert entry.protocol is not None
        fields = line.split("\t")
        assert fields == [
            entry.id,
            entry.protocol.name,
            format_clock(build_plan(entry.protocol).total),
            entry.protocol.schedule,
        ]


@pytest.mark.parametrize("preset_id", ["pre-run", "no-equipment-burn"])
def test_plan_json_matches_build_plan(tmp_path: Path, preset_id: str) -> None:
    result = cli(tmp_path, "plan", preset_id, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    _, protocol = resolve_protocol(preset_id)
    assert data == build_plan(protocol).to_json()
    assert data["total_s"] == data["cues"][-1]["at"]


def test_plan_json_of_a_file_and_a_user_protocol(tmp_path: Path) -> None:
    path = write(tmp_path, "tiny.toml", TINY)
    expected = build_plan(load_protocol(path)).to_json()
    by_path = cli(tmp_path, "plan", str(path), "--json")
    assert by_path.returncode == 0, by_path.stderr
    assert json.loads(by_path.stdout) == expected
    folder = tmp_path / "base" / "data" / "protocols"
    folder.mkdir(parents=True)
    write(folder, "mine.toml", TINY)
    by_id = cli(tmp_path, "plan", "mine", "--json")
    assert by_id.returncode == 0, by_id.stderr
    assert json.loads(by_id.stdout) == expected


def test_plan_text(tmp_path: Path) -> None:
    result = cli(tmp_path, "plan", "isometric-hold-30")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    _, protocol = resolve_protocol("isometric-hold-30")
    plan = build_plan(protocol)
    assert lines[0] == f"30-second bridge hold: 0:37 (37 s), {len(plan.cues)} cues"
    assert len(lines) == 1 + len(plan.cues)
    for line, cue in zip(lines[1:], plan.cues, strict=True):
        assert line.endswith(cue.text)
        assert cue.phase in line
        assert f"{cue.at:.1f}s" in line
    assert "b1 s1 r1" in lines[6]  # "1, Lift"


# ------------------------------------------------------------------ bad input

BAD_PROTOCOL = TINY.replace("sets = 1", "sets = 0")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["plan", "no-such-preset"], ["no-such-preset", "no such preset or file"]),
        (["plan", "missing.toml"], ["missing.toml", "file not found"]),
        (["plan", "sub/missing"], ["sub/missing", "file not found"]),
        (["plan", "bad.toml"], ["bad.toml", "block[1].sets", "between 1 and 50"]),
        (["plan", "dir.toml"], ["dir.toml", "is a directory"]),
        (["run", "bad.toml", "--no-gui"], ["bad.toml", "block[1].sets"]),
        (["plan", "pre-run", "--bogus"], ["unrecognized arguments: --bogus"]),
        (["plan"], ["required: PRESET_OR_FILE"]),
        (["frobnicate"], ["invalid choice: 'frobnicate'"]),
        (["run", "pre-run", "--json"], ["--json", "--no-gui"]),
        (["run", "no-such-preset"], ["no such preset or file"]),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: list[str], words: list[str]) -> None:
    write(tmp_path, "bad.toml", BAD_PROTOCOL)
    write(tmp_path, "tiny.toml", TINY)
    (tmp_path / "dir.toml").mkdir()
    result = cli(tmp_path, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("glute-timer")
    assert "error" in lines[0]
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])


def test_version(tmp_path: Path) -> None:
    result = cli(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.startswith("glute-timer ")


# ------------------------------------------------------------------ run


def test_run_prints_every_cue_as_json_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, "tiny.toml", TINY)
    plan = build_plan(load_protocol(path))
    assert plan.total == 4
    started = time.monotonic()
    result = cli(tmp_path, "run", str(path), "--no-gui", "--json", "--mute")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [cue.to_json() for cue in plan.cues]
    assert elapsed >= plan.total  # it followed the clock, not faster
    assert_block(
        result.stderr.splitlines(),
        ["Workout complete. 1 set done.", "  Glute bridge, set 1: 2/2 reps"],
    )
    assert "Traceback" not in result.stderr


def _interrupt(tmp_path: Path, sig: int, *extra: str) -> tuple[int, list[str], str]:
    path = write(tmp_path, "longer.toml", LONGER)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "glute_timer",
            "--basedir",
            str(tmp_path / "base"),
            "run",
            str(path),
            "--no-gui",
            "--mute",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=_env(),
    )
    assert process.stdout is not None
    lines: list[str] = []
    # Wait until the first set is done and the rest has been announced.
    while True:
        line = process.stdout.readline()
        assert line, "the run ended before the rest"
        lines.append(line.rstrip("\n"))
        if "Rest" in line:
            break
    process.send_signal(sig)
    out, err = process.communicate(timeout=20)
    lines.extend(out.splitlines())
    return process.returncode, lines, err


def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path: Path) -> None:
    code, lines, err = _interrupt(tmp_path, signal.SIGINT, "--json")
    assert code == 130
    assert "Traceback" not in err
    assert_block(
        err.splitlines(), ["Workout stopped. 1 set done.", "  Glute bridge, set 1: 5/5 reps"]
    )
    cues: list[dict[str, Any]] = [json.loads(line) for line in lines]
    assert cues[-1]["phase"] == "rest"
    assert all(cue["phase"] != "done" for cue in cues)


def test_sigterm_stops_cleanly_in_text_mode(tmp_path: Path) -> None:
    code, lines, err = _interrupt(tmp_path, signal.SIGTERM)
    assert code == 130
    assert "Traceback" not in err
    assert "Workout" not in err  # the summary goes to stdout without --json
    assert lines[-2:] == ["Workout stopped. 1 set done.", "  Glute bridge, set 1: 5/5 reps"]
    assert "Get ready" in lines[0]


def test_run_prints_each_cue_when_it_falls_due(tmp_path: Path) -> None:
    """Each line arrives at its own moment (flushed by the app itself), not all at the end."""
    path = write(tmp_path, "tiny.toml", TINY)
    plan = build_plan(load_protocol(path))
    env = _env()
    env.pop("PYTHONUNBUFFERED")  # the app must flush each cue itself
    command = [sys.executable, "-m", "glute_timer", "--basedir", str(tmp_path / "base")]
    command += ["run", str(path), "--no-gui", "--json", "--mute"]
    arrivals = []
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            arrivals.append((time.monotonic(), json.loads(line)["at"]))
        assert process.wait(timeout=30) == 0
    assert [at for _, at in arrivals] == [cue.to_json()["at"] for cue in plan.cues]
    origin = min(arrival - at for arrival, at in arrivals)
    # Generous for a busy shared machine, yet far below the 4 s a buffered run would show.
    lateness = [arrival - at - origin for arrival, at in arrivals]
    assert max(lateness) < 0.5, lateness
