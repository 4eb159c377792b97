"""Rescue files: a workout the database would not take, kept beside it until it does.

A recorder that cannot write its sets (a full or read-only disk, a lock held by another
program, a database from a newer version) saves the workout as
``history-unsaved-<id>.json`` in the JSON export format, written atomically. The next
opening of the history merges every such file in and removes it (``recover_rescue_files``,
called by ``history_store.open_history``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from glute_timer.core.fsutil import atomic_write_text
from glute_timer.core.history_export import json_text
from glute_timer.core.history_import import ImportFileError, read_export
from glute_timer.core.history_model import HistoryError, MergeResult, Workout

RESCUE_GLOB: Final = "history-unsaved-*.json"


def rescue_path(folder: Path, uid: str) -> Path:
    return folder / f"history-unsaved-{uid}.json"


def write_rescue_file(folder: Path, workout: Workout) -> Path:
    """Save a workout the database would not take, for the next opening to import."""
    path = rescue_path(folder, workout.uid)
    atomic_write_text(path, json_text([workout]))
    return path


def waiting_rescue_files(folder: Path) -> list[Path]:
    """The rescue files in ``folder``, oldest name first (none when it is no folder)."""
    return sorted(folder.glob(RESCUE_GLOB)) if folder.is_dir() else []


@dataclass(frozen=True)
class Recovered:
    files: tuple[Path, ...]
    sets_added: int
    problems: tuple[str, ...]


def recover_rescue_files(
    folder: Path, merge: Callable[[Sequence[Workout]], MergeResult]
) -> Recovered:
    """Merge the rescue files in ``folder`` with ``merge`` (a store's); each file is
    removed once merged. A file that will not import stays, and is named in ``problems``."""
    done: list[Path] = []
    problems: list[str] = []
    added = 0
    for path in sorted(folder.glob(RESCUE_GLOB)):
        try:
            result = merge(read_export(path))
            # Another opening (another process, or the recorder's own) may have merged
            # and removed it meanwhile: merging is idempotent, so that is no problem.
            path.unlink(missing_ok=True)
        except (ImportFileError, OSError, sqlite3.Error, HistoryError, ValueError) as exc:
            if not path.exists():
                continue  # merged and removed by another opening while this one read it
            problems.append(f"Could not recover {path}: {exc}")
            continue
        done.append(path)
        added += result.sets_added
    return Recovered(tuple(done), added, tuple(problems))
