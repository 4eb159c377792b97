"""Launching the window: the short path for ``[gui] [--basedir DIR]`` and the full parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from glute_timer import cli, launcher
from glute_timer.context import AppContext


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[AppContext]:
    seen: list[AppContext] = []

    def fake_gui(args: argparse.Namespace, context: AppContext) -> int:
        seen.append(context)
        return 0

    monkeypatch.setattr(cli, "cmd_gui", fake_gui)
    return seen


@pytest.mark.parametrize(
    "arguments",
    [
        ["--basedir", "{base}"],
        ["gui", "--basedir", "{base}"],
        ["--basedir", "{base}", "gui"],
        ["--basedir={base}"],
    ],
)
def test_the_window_opens_with_the_basedir(
    arguments: list[str], tmp_path: Path, launched: list[AppContext]
) -> None:
    assert cli.main([a.format(base=tmp_path) for a in arguments]) == 0
    assert len(launched) == 1
    assert launched[0].paths.config_dir == tmp_path / "config"


def test_plain_launch_forms() -> None:
    assert launcher.plain_gui_launch([]) == (True, None)
    assert launcher.plain_gui_launch(["gui"]) == (True, None)
    assert launcher.plain_gui_launch(["gui", "gui"]) == (False, None)
    assert launcher.plain_gui_launch(["presets"]) == (False, None)
    assert launcher.plain_gui_launch(["--basedir"]) == (False, None)
    assert launcher.plain_gui_launch(["--basedir", "--version"]) == (False, None)
    assert launcher.plain_gui_launch(["--basedir="]) == (False, None)


def test_other_arguments_still_go_through_the_parser(
    launched: list[AppContext], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["gui", "--frob"]) == cli.EXIT_USAGE
    assert launched == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--frob" in err[0]


@pytest.fixture
def launched_gui(monkeypatch: pytest.MonkeyPatch) -> list[AppContext]:
    from glute_timer.gui import app

    seen: list[AppContext] = []

    def fake_run_gui(context: AppContext) -> int:
        seen.append(context)
        return 0

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    return seen


def test_the_entry_point_opens_the_window(
    tmp_path: Path, launched_gui: list[AppContext], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text("{not json", encoding="utf-8")
    assert launcher.main(["--basedir", str(tmp_path)]) == 0
    assert [c.paths.data_dir for c in launched_gui] == [tmp_path / "data"]
    # A corrupt settings file is told on the terminal too, in one line.
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("glute-timer: warning: ")


def test_the_entry_point_hands_everything_else_to_the_command_line(
    launched_gui: list[AppContext], capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["presets"]) == 0
    assert "hip-thrust-strength" in capsys.readouterr().out
    assert launcher.main(["gui", "--frob"]) == cli.EXIT_USAGE
    assert launched_gui == []


OPEN_WITHOUT_THE_PARSER = """
import sys
from glute_timer import launcher
from glute_timer.gui import app
app.run_gui = lambda context: 0
assert launcher.main(["--basedir", sys.argv[1]]) == 0
heavy = ("glute_timer.cli", "glute_timer.core.protocol", "glute_timer.core.library")
loaded = [m for m in heavy if m in sys.modules]
print(",".join(loaded) or "none")
"""


def test_opening_the_window_loads_no_command_line_or_protocols(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", OPEN_WITHOUT_THE_PARSER, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.stdout.strip() == "none", result.stderr


def test_fontconfig_is_warmed_beside_the_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    thread = launcher._warm_fonts()
    assert thread is not None  # Linux
    thread.join(10)
    assert not thread.is_alive()
    monkeypatch.setattr(launcher.sys, "platform", "win32")
    assert launcher._warm_fonts() is None
