"""A data folder that cannot hold the history: one clear line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from glute_timer import cli
from glute_timer.core.history_model import HistoryError
from glute_timer.core.history_store import HistoryStore


def test_a_file_where_the_data_folder_belongs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_the_way = tmp_path / "base"
    in_the_way.write_text("not a folder")
    for command in ("history", "stats"):
        assert cli.main(["--basedir", str(in_the_way), command]) == 1
        err = capsys.readouterr().err.splitlines()
        assert err[-1].startswith("glute-timer: error: The history folder ")
        assert "Traceback" not in "\n".join(err)
    assert in_the_way.read_text() == "not a folder"


def test_the_store_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match=r"history folder .* cannot be used"):
        HistoryStore(blocker / "history.sqlite3")
