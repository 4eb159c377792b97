"""Shared pieces of the reliability tests: the command line in a subprocess, a history."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from glute_timer.core.history_model import StoredSet, Workout, new_uid

QUICK = """format = 1
name = "Quick"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 0.25, hold = 0, lower = 0.25 }
rest = 0.5
"""

FAST = """format = 1
name = "Fast"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 1
tempo = { lift = 0.1, hold = 0, lower = 0.1 }
rest = 0.1
"""
"""Two sets in half a second: for real-time runs that only need sets recorded."""

START_MS = 1_780_000_000_000  # 2026-05-28


def env() -> dict[str, str]:
    variables = dict(os.environ)
    variables["PYTHONUNBUFFERED"] = "1"
    variables.pop("PYTHONWARNINGS", None)
    return variables


def cli(
    base: Path, *args: str, timeout: float = 30, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``glute-timer --basedir base ARGS`` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "glute_timer", "--basedir", str(base), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=base.parent,
        env={**env(), **(extra_env or {})},
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    """The run failed with exit status 2 and one error line holding ``parts``."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    for part in parts:
        assert part in errors[0], (part, errors[0])
    return errors[0]


def workout(start_ms: int = START_MS, *, sets: int = 2, **changes: object) -> Workout:
    """A consistent recorded workout starting at ``start_ms``."""
    stored = tuple(
        StoredSet(
            position=n,
            block=1,
            set=n + 1,
            side=None,
            exercise="glute-bridge",
            exercise_name="Glute bridge",
            target=12,
            reps_min=10,
            reps_max=15,
            reps_done=12,
            hold_s=1.0,
            load="bodyweight",
            started_ms=start_ms + n * 60_000,
            ended_ms=start_ms + n * 60_000 + 30_000,
        )
        for n in range(sets)
    )
    fields: dict[str, object] = {
        "uid": new_uid(),
        "protocol_id": "pre-run",
        "protocol_name": "Pre-run activation",
        "schedule": "before-run",
        "program_weeks": None,
        "protocol_toml": "",
        "started_ms": start_ms,
        "ended_ms": start_ms + sets * 60_000,
        "status": "completed",
        "note": "",
        "sets": stored,
    }
    fields.update(changes)
    return Workout(**fields)  # type: ignore[arg-type]
