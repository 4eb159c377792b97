"""``glute-timer run SPEC`` without ``--no-gui``: the window opens and starts the workout;
bad input is refused first, with the same one-line error and exit status as the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glute_timer import cli
from glute_timer.context import AppContext

ROOT = Path(__file__).resolve().parents[2]

TINY = """\
format = 1
name = "Tiny window run"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 1
tempo = { lift = 0.5, hold = 0.5, lower = 0.5 }
"""


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[AppContext, str | None]]:
    import glute_timer.gui.app as app

    seen: list[tuple[AppContext, str | None]] = []

    def fake_run_gui(context: AppContext, run: str | None = None) -> int:
        seen.append((context, run))
        return 0

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    return seen


def test_a_preset_opens_the_window_with_that_workout(
    tmp_path: Path, opened: list[tuple[AppContext, str | None]]
) -> None:
    assert cli.main(["--basedir", str(tmp_path), "run", "hip-thrust-strength"]) == 0
    assert [run for _context, run in opened] == ["hip-thrust-strength"]


def test_a_file_is_handed_over_by_its_absolute_path(
    tmp_path: Path, opened: list[tuple[AppContext, str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tiny.toml").write_text(TINY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--basedir", str(tmp_path / "b"), "run", "tiny.toml"]) == 0
    assert opened[0][1] == str((tmp_path / "tiny.toml").resolve())


@pytest.mark.parametrize(
    "spec, words",
    [
        ("no-such-preset", "no such preset or file"),
        ("missing.toml", "missing.toml"),
        ("{bad}", "block[1].tempo.hold"),
    ],
)
def test_bad_input_is_one_line_and_exit_2_before_any_window(
    spec: str,
    words: str,
    tmp_path: Path,
    opened: list[tuple[AppContext, str | None]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(TINY.replace("hold = 0.5", "hold = 36000"), encoding="utf-8")
    code = cli.main(["--basedir", str(tmp_path), "run", spec.format(bad=bad)])
    assert code == cli.EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("glute-timer: error: ") and words in err[0]
    assert opened == []


def test_json_needs_the_terminal(
    tmp_path: Path, opened: list[tuple[AppContext, str | None]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--basedir", str(tmp_path), "run", "hip-thrust-strength", "--json"]) == 2
    assert "--no-gui" in capsys.readouterr().err
    assert opened == []


@pytest.mark.slow
def test_the_window_runs_the_workout_to_its_end_and_records_it(tmp_path: Path) -> None:
    """A real process and a real (offscreen) window: the workout starts by itself and is
    in the history once it has run."""
    (tmp_path / "tiny.toml").write_text(TINY, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    base = tmp_path / "base"
    window = subprocess.Popen(
        [sys.executable, "-m", "glute_timer", "--basedir", str(base), "run", "tiny.toml"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 40
        workouts: list[dict[str, object]] = []
        while time.monotonic() < deadline:
            listing = subprocess.run(
                [sys.executable, "-m", "glute_timer", "--basedir", str(base), "history", "--json"],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
            )
            if listing.returncode == 0 and listing.stdout.strip():
                workouts = json.loads(listing.stdout).get("workouts", [])
                if workouts and workouts[0].get("status") == "completed":
                    break
            time.sleep(0.5)
        assert workouts and workouts[0]["status"] == "completed", workouts
        assert workouts[0]["protocol_name"] == "Tiny window run"
        assert window.poll() is None, "the window stays open after the workout"
    finally:
        window.kill()
        _out, err = window.communicate(timeout=10)
    assert b"Traceback" not in err, err.decode()[-2000:]


def test_every_desktop_action_runs_a_preset_that_exists() -> None:
    from glute_timer.core.library import ordered_presets

    desktop = (ROOT / "packaging/linux/io.github.glutetimer.GluteTimer.desktop").read_text("utf-8")
    actions = [line.split("=", 1)[1] for line in desktop.splitlines() if line.startswith("Exec=")]
    runs = [a.split() for a in actions if " run " in a]
    assert len(runs) >= 3
    presets = {entry.id for entry in ordered_presets()}
    for words in runs:
        assert words[:2] == ["glute-timer", "run"] and words[2] in presets
