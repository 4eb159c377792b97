"""Launching the window: the short path for ``[gui] [--basedir DIR]`` and the full parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from glute_timer import cli
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
    assert cli._plain_gui_launch([]) == (True, None)
    assert cli._plain_gui_launch(["gui"]) == (True, None)
    assert cli._plain_gui_launch(["gui", "gui"]) == (False, None)
    assert cli._plain_gui_launch(["presets"]) == (False, None)
    assert cli._plain_gui_launch(["--basedir"]) == (False, None)
    assert cli._plain_gui_launch(["--basedir", "--version"]) == (False, None)
    assert cli._plain_gui_launch(["--basedir="]) == (False, None)


def test_other_arguments_still_go_through_the_parser(
    launched: list[AppContext], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["gui", "--frob"]) == cli.EXIT_USAGE
    assert launched == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--frob" in err[0]
