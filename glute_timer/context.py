"""One explicit object holding where things live and the user's settings.

Passed to the command line and the GUI instead of module-level singletons, so tests can
point everything at a temporary folder with ``--basedir``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from glute_timer.core.paths import AppPaths
from glute_timer.core.settings import LoadedSettings, Settings, load_settings, save_settings


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings = field(default_factory=Settings)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, basedir: Path | None = None) -> AppContext:
        paths = AppPaths.from_basedir(basedir) if basedir else AppPaths.default()
        loaded: LoadedSettings = load_settings(paths.settings_file)
        context = cls(paths=paths, settings=loaded.settings)
        if loaded.warning:
            context.warnings.append(loaded.warning)
        return context

    def save_settings(self, settings: Settings) -> None:
        """Persist and adopt ``settings``. Raises OSError, with the old file intact."""
        save_settings(settings, self.paths.settings_file)
        self.settings = settings
