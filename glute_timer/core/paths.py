"""Where settings, protocols, history and the speech cache live."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

APP_DIR_NAME = "glute-timer"


class AppPaths(NamedTuple):  # read before the first paint: cheaper to make than a dataclass
    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        import platformdirs  # not needed with --basedir

        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)),
        )

    @classmethod
    def from_basedir(cls, basedir: Path) -> AppPaths:
        """Everything in one folder: for tests and portable use (``--basedir``)."""
        base = basedir.expanduser().absolute()
        return cls(config_dir=base / "config", data_dir=base / "data", cache_dir=base / "cache")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def protocols_dir(self) -> Path:
        return self.data_dir / "protocols"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def speech_cache_dir(self) -> Path:
        return self.cache_dir / "speech"

    @property
    def ducking_state_file(self) -> Path:
        """The volumes of other applications' streams while a cue has them lowered."""
        return self.cache_dir / "lowered-volumes.json"
