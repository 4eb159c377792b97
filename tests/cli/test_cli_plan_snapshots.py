"""Plan snapshots per language: ``glute-timer plan PRESET --lang CODE`` as committed in
``tests/cli/snapshots/``. A change to a cue, a translation or the timing shows here as a
diff to read; ``GLUTE_TIMER_SNAPSHOTS=update`` rewrites the files after such a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glute_timer import cli

SNAPSHOTS = Path(__file__).parent / "snapshots"
PRESETS = ("pre-run", "hip-thrust-strength", "no-equipment-burn", "isometric-hold-30")
LANGUAGES = ("en", "de", "fr", "es")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("preset", PRESETS)
def test_the_plan_reads_as_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], preset: str, language: str
) -> None:
    assert cli.main(["--basedir", str(tmp_path), "plan", preset, "--lang", language]) == 0
    out = capsys.readouterr().out
    snapshot = SNAPSHOTS / f"plan-{preset}.{language}.txt"
    if os.environ.get("GLUTE_TIMER_SNAPSHOTS") == "update":
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")
