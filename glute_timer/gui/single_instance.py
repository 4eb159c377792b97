"""One GUI per user and data directory (work in progress)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir

    def acquire(self) -> bool:
        return True
