"""``glute-timer check``, ``voices`` and a spoken ``run --no-gui``, as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from speech_helpers import needs_espeak

pytestmark = pytest.mark.slow

TINY = """\
format = 1
name = "Tiny"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 1
tempo = { lift = 1, hold = 1, lower = 1 }
"""


def glute_timer(
    *args: str, basedir: Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    environment.update(env or {})
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return subprocess.run(
        [sys.executable, "-m", "glute_timer", "--basedir", str(basedir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=environment,
        check=False,
    )


def test_check_runs_headless_and_says_a_workout_can_run(tmp_path: Path) -> None:
    result = glute_timer("check", basedir=tmp_path / "base", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    labels = [line.split()[1] for line in result.stdout.splitlines() if line[:4].strip()]
    for label in ("qt", "speech", "audio", "cache", "config", "data"):
        assert label in labels
    assert "platform offscreen" in result.stdout
    assert "Fatal" not in result.stderr


@needs_espeak
def test_voices_lists_the_engine_voices_and_marks_the_one_in_use(tmp_path: Path) -> None:
    result = glute_timer("voices", basedir=tmp_path / "base", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# espeak:")
    assert sum(line.startswith("*") for line in lines) == 1
    assert len(lines) > 10


@needs_espeak
def test_a_spoken_terminal_run_prints_every_cue_and_exits_cleanly(tmp_path: Path) -> None:
    protocol = tmp_path / "tiny.toml"
    protocol.write_text(TINY, encoding="utf-8")
    result = glute_timer(
        "run", "--no-gui", "--json", str(protocol), basedir=tmp_path / "b", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    cues = [json.loads(line) for line in result.stdout.splitlines()]
    assert [cue["text"] for cue in cues][-1] == "Workout complete"
    assert "Fatal" not in result.stderr
    # The phrases were rendered into the cache inside --basedir.
    assert list((tmp_path / "b" / "cache" / "speech").glob("*.wav"))
