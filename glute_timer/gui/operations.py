"""Named operations on the user's protocol files: new, save, import, export, delete,
duplicate.

Each is a few lines on one helper, :class:`FileOp`: the file work (in
``glute_timer.core.library``) runs on the window's serial file thread, and its success or
failure comes back in the GUI thread. Widgets never open files themselves::

    FileOp(window, lambda: save_new(protocol, folder)).success(done).failure(say).run()
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from glute_timer.core import library
from glute_timer.core.protocol import Protocol, slugify
from glute_timer.gui.i18n import tr

if TYPE_CHECKING:
    from glute_timer.core.library import ProtocolEntry
    from glute_timer.gui.main_window import MainWindow

_T = TypeVar("_T")


class FileOp(Generic[_T]):
    """One change to the user's files, run off the GUI thread, in order with the others."""

    def __init__(self, window: MainWindow, work: Callable[[], _T]) -> None:
        self._window = window
        self._work = work
        self._on_success: Callable[[_T], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] = lambda exc: window.show_banner(
            tr("That did not work: {error}").format(error=exc)
        )

    def success(self, callback: Callable[[_T], None]) -> FileOp[_T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> FileOp[_T]:
        self._on_failure = callback
        return self

    def run(self) -> None:
        self._window.files.submit(self._work, self._on_success, self._on_failure)


class ProtocolOps:
    """What the Library and the editor ask of the user's protocol folder."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def folder(self) -> Path:
        return self.window.context.paths.protocols_dir

    def _saved(self, message: str) -> Callable[[Path], None]:
        def done(saved: Path) -> None:
            self.window.library.reload(select_path=saved)
            self.window.statusBar().showMessage(message.format(name=saved.name), 5000)

        return done

    # ------------------------------------------------------------ the operations

    def new(self) -> None:
        """Open the editor on a new protocol."""
        from glute_timer.gui.editor_page import new_protocol_dict

        self.window.editor.load_dict(new_protocol_dict(self.window.settings.default_lead_in), None)
        self._open_editor()

    def edit(self, entry: ProtocolEntry | None) -> None:
        """Open the editor on ``entry`` (a preset: on a copy, as presets are read-only; a
        file that did not load: on what could be read of it, to fix it)."""
        if entry is None:
            self.new()
            return
        editor = self.window.editor
        if entry.protocol is None:
            problem = str(entry.error) if entry.error else tr("it did not load")
            if entry.path is None or not editor.load_broken(entry.path, problem):
                message = tr("{path}: cannot be opened in the editor").format(path=entry.path)
                self.window.show_banner(message)
                return
        elif entry.builtin:
            copy = entry.protocol.with_changes(
                name=library.copy_name(entry.protocol.name, self._taken())
            )
            editor.edit_protocol(copy, None)
        else:
            editor.edit_protocol(entry.protocol, entry.path)
        self._open_editor()

    def save(self, protocol: Protocol, path: Path | None) -> None:
        """The editor's Save: a new file, or over the one it was opened from."""
        folder = self.folder
        editor = self.window.editor

        def done(saved: Path) -> None:
            editor.save_finished(saved)
            self._saved(tr("Saved {name}"))(saved)

        FileOp(
            self.window,
            lambda: (
                library.save_new(protocol, folder)
                if path is None
                else library.save_over(protocol, path)
            ),
        ).success(done).failure(lambda exc: editor.save_finished(None, str(exc))).run()

    def save_copy(self, protocol: Protocol) -> None:
        """The start panel's "Save as new": this run's protocol as one of the user's own."""
        folder = self.folder
        FileOp(self.window, lambda: library.save_new(protocol, folder)).success(
            self._saved(tr("Saved as {name} in your protocols"))
        ).failure(
            lambda exc: self.window.show_banner(
                tr("Could not save the protocol: {error}").format(error=exc)
            )
        ).run()

    def duplicate(self, entry: ProtocolEntry) -> None:
        """A copy of a protocol, under a name not taken yet."""
        if entry.protocol is None:
            return
        protocol, taken, folder = entry.protocol, self._taken(), self.folder
        FileOp(self.window, lambda: library.duplicate_protocol(protocol, taken, folder)).success(
            self._saved(tr("Copied as {name}"))
        ).failure(
            lambda exc: self.window.show_banner(
                tr("Could not copy the protocol: {error}").format(error=exc)
            )
        ).run()

    def import_(self, source: Path) -> None:
        folder = self.folder
        FileOp(self.window, lambda: library.import_protocol(source, folder)).success(
            self._saved(tr("Imported {name}"))
        ).failure(
            lambda exc: self.window.show_banner(
                tr("Could not import {name}: {error}").format(name=source.name, error=exc)
            )
        ).run()

    def export(self, protocol: Protocol, target: Path) -> None:
        FileOp(self.window, lambda: library.export_protocol(protocol, target)).success(
            lambda _path: self.window.statusBar().showMessage(
                tr("Exported to {path}").format(path=target), 5000
            )
        ).failure(
            lambda exc: self.window.show_banner(tr("Could not export: {error}").format(error=exc))
        ).run()

    def delete(self, entry: ProtocolEntry) -> None:
        if entry.builtin or entry.path is None:
            return
        path = entry.path
        name = entry.protocol.name if entry.protocol else path.name
        if not self.window.confirm(
            tr("Delete protocol?"),
            tr("Delete “{name}”? The file {path} will be removed.").format(name=name, path=path),
            tr("Delete"),
        ):
            return

        def done(_path: Path) -> None:
            self.window.library.reload()
            self.window.statusBar().showMessage(tr("Deleted {name}").format(name=path.name), 4000)

        FileOp(self.window, lambda: library.delete_protocol(path)).success(done).failure(
            lambda exc: self.window.show_banner(
                tr("Could not delete {name}: {error}").format(name=path.name, error=exc)
            )
        ).run()

    # ------------------------------------------------------------ asking where

    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window,
            tr("Import a protocol"),
            str(Path.home()),
            tr("Protocol files (*.toml)"),
        )
        if name:
            self.import_(Path(name))

    def ask_export(self, protocol: Protocol | None) -> None:
        if protocol is None:
            return
        from PySide6.QtWidgets import QFileDialog

        suggested = Path.home() / f"{slugify(protocol.name)}.toml"
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Export protocol"), str(suggested), tr("Protocol files (*.toml)")
        )
        if name:
            self.export(protocol, Path(name))

    def close_editor(self) -> None:
        if self.window.editor.dirty and not self.window.confirm(
            tr("Discard changes?"),
            tr("This protocol has changes that are not saved."),
            tr("Discard"),
        ):
            return
        self.window.show_page("library")

    # ------------------------------------------------------------ internals

    def _taken(self) -> set[str]:
        return {e.protocol.name for e in self.window.library.entries if e.protocol}

    def _open_editor(self) -> None:
        self.window.show_page("editor")
        self.window.editor.name_edit.setFocus()


def connect_library(window: MainWindow, ops: ProtocolOps, lib: Any) -> None:
    """The Library's requests, each to its named operation (or to the window)."""
    # The Library plans off the GUI thread and starts once the plan is there.
    lib.start_requested.connect(
        lambda protocol, protocol_id: window.start_workout(
            protocol, protocol_id, plan=lib.ready_plan(protocol), coming=lib.coach.coming
        )
    )
    lib.protocol_shown.connect(window.warm_audio)
    lib.save_copy_requested.connect(ops.save_copy)
    lib.edit_requested.connect(ops.edit)
    lib.import_requested.connect(ops.ask_import)
    lib.export_requested.connect(lambda entry: ops.ask_export(entry.protocol))
    lib.delete_requested.connect(ops.delete)
