"""Fixtures for the history tests: a store in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from glute_timer.core.history_store import HistoryStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> HistoryStore:
    return HistoryStore(db_path)
