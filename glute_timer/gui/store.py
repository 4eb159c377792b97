"""The user's protocol folder, as the GUI uses it: unique file names, copies, imports."""

from __future__ import annotations

from pathlib import Path

from glute_timer.core.protocol import Protocol, load_protocol, save_protocol, slugify


def unique_path(folder: Path, name: str, keep: Path | None = None) -> Path:
    """A file name for ``name`` in ``folder`` that does not overwrite another protocol.

    ``keep`` is the file being edited: saving it again may reuse its own name.
    """
    stem = slugify(name)
    candidate = folder / f"{stem}.toml"
    number = 2
    while candidate.exists() and candidate != keep:
        candidate = folder / f"{stem}-{number}.toml"
        number += 1
    return candidate


def save_new(protocol: Protocol, folder: Path) -> Path:
    """Save under a fresh name; returns where it went. Runs in a worker thread."""
    folder.mkdir(parents=True, exist_ok=True)
    path = unique_path(folder, protocol.name)
    save_protocol(protocol, path)
    return path


def save_over(protocol: Protocol, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    save_protocol(protocol, path)
    return path


def import_file(source: Path, folder: Path) -> Path:
    """Validate ``source`` and copy it (normalised) into the user's folder."""
    protocol = load_protocol(source)
    return save_new(protocol, folder)


def copy_name(name: str, taken: set[str]) -> str:
    """``"Pre-run activation (my copy)"``, numbered when that is taken too."""
    base = f"{name} (my copy)"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{name} (my copy {number})"
        number += 1
    return candidate
