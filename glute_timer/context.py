"""One explicit object holding where things live and the user's settings.

Passed to the command line and the GUI instead of module-level singletons, so tests can
point everything at a temporary folder with ``--basedir``.
"""

from __future__ import annotations

from pathlib import Path

from glute_timer.core.paths import AppPaths
from glute_timer.core.settings import LoadedSettings, Settings, load_settings, save_settings


class AppContext:
    """The user's folders, their settings, and what the user must be told at start.

    A plain class rather than a dataclass: it is made before the window's first paint,
    where importing ``dataclasses`` and compiling its generated methods cost about a
    millisecond.
    """

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.paths = paths
        self.settings = Settings() if settings is None else settings
        self.warnings: list[str] = [] if warnings is None else warnings
        self.basedir: Path | None = None
        """``--basedir DIR``, when given (reminders name it in the command they run)."""
        self.language = "en"
        """The language in use (``core.i18n.current()`` once the command line chose it)."""
        self.language_override: str | None = None
        """``--lang CODE``, when given (the window and reminders pass it on)."""

    def __repr__(self) -> str:
        return f"AppContext(paths={self.paths!r}, settings={self.settings!r})"

    @classmethod
    def create(cls, basedir: Path | None = None) -> AppContext:
        paths = AppPaths.from_basedir(basedir) if basedir else AppPaths.default()
        loaded: LoadedSettings = load_settings(paths.settings_file)
        context = cls(paths=paths, settings=loaded.settings)
        context.basedir = basedir.expanduser().absolute() if basedir else None
        if loaded.warning:
            context.warnings.append(loaded.warning)
        return context

    def save_settings(self, settings: Settings) -> None:
        """Persist and adopt ``settings``. Raises OSError, with the old file intact."""
        save_settings(settings, self.paths.settings_file)
        self.settings = settings
