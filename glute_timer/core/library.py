"""Protocols: the built-in presets and the user's own protocol folder, found and kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glute_timer.core import i18n
from glute_timer.core.exercises import find_exercise
from glute_timer.core.protocol import (
    Protocol,
    ProtocolError,
    load_protocol,
    parse_protocol,
    save_protocol,
    slugify,
)
from glute_timer.core.resources import resource
from glute_timer.core.text import file_stem


@dataclass(frozen=True)
class ProtocolEntry:
    """A protocol with where it came from. ``protocol`` is None when the file failed to load."""

    id: str
    builtin: bool
    path: Path | None
    protocol: Protocol | None
    error: ProtocolError | None = None

    def searchable(self) -> str:
        """What the Library's search looks in: id, name, description, schedule, the
        exercises' names and the error, case-folded."""
        parts = [self.id]
        if self.protocol is not None:
            p = self.protocol
            parts += [p.name, p.description, p.schedule]
            for block in p.blocks:
                exercise = find_exercise(block.exercise)
                parts.append(exercise.name if exercise else block.exercise)
        if self.error is not None:
            parts.append(str(self.error))
        return " ".join(parts).casefold()


def load_presets() -> list[ProtocolEntry]:
    """The built-in presets, in a stable order (file name)."""
    folder = resource("presets")
    entries = []
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".toml"):
            continue
        preset_id = node.name.removesuffix(".toml")
        protocol = translated_preset(parse_protocol(node.read_bytes(), f"presets/{node.name}"))
        entries.append(ProtocolEntry(preset_id, builtin=True, path=None, protocol=protocol))
    return entries


def translated_preset(protocol: Protocol) -> Protocol:
    """A built-in preset with its name and description in the active language (context
    "preset"); its blocks name exercises by id, which the library translates."""
    return protocol.with_changes(
        name=i18n.pgettext("preset", protocol.name),
        description=i18n.pgettext("preset", protocol.description) if protocol.description else "",
    )


PRESET_ORDER = (
    "pre-run",
    "hinge-warmup",
    "bridge-hold",
    "hip-thrust-mobility",
    "hip-thrust-strength",
    "loaded-bridge-high-reps",
    "no-equipment-burn",
    "isometric-hold-30",
)


def ordered_presets() -> list[ProtocolEntry]:
    """Presets in the order a user meets them: the everyday ones first."""
    rank = {preset_id: index for index, preset_id in enumerate(PRESET_ORDER)}
    return sorted(load_presets(), key=lambda e: (rank.get(e.id, len(rank)), e.id))


def load_user_protocols(folder: Path) -> list[ProtocolEntry]:
    """Every ``*.toml`` in the user's folder; a broken file is listed with its error.

    Only regular files are read (a named pipe or a link to a device is listed with its
    error at once, never opened for reading), so one odd entry cannot stall the others.
    """
    if not folder.is_dir():
        return []
    entries = []
    for path in sorted(folder.glob("*.toml")):
        try:
            protocol: Protocol | None = load_protocol(path)
            error = None
        except ProtocolError as exc:
            protocol, error = None, exc
        entries.append(
            ProtocolEntry(
                protocol_id(path), builtin=False, path=path, protocol=protocol, error=error
            )
        )
    return entries


def protocol_id(path: Path) -> str:
    """The id of a protocol file: its name without ``.toml``, as the history can store it
    (a name that is not valid UTF-8 is read as Latin-1)."""
    return file_stem(path.stem)


def resolve_protocol(name_or_path: str, user_folder: Path | None = None) -> tuple[str, Protocol]:
    """A preset id, a user protocol id, or a path to a ``.toml`` file.

    Raises ProtocolError with a clear message when nothing matches.
    """
    candidate = Path(name_or_path)
    looks_like_path = name_or_path.endswith(".toml") or "/" in name_or_path or "\\" in name_or_path
    if looks_like_path or _exists(candidate):
        return protocol_id(candidate), load_protocol(candidate)
    for entry in ordered_presets():
        if entry.id == name_or_path and entry.protocol is not None:
            return entry.id, entry.protocol
    if user_folder is not None:
        user_file = user_folder / f"{name_or_path}.toml"
        if _exists(user_file):  # whatever it is: load_protocol says what is wrong with it
            return protocol_id(user_file), load_protocol(user_file)
    known = ", ".join(entry.id for entry in ordered_presets())
    raise ProtocolError(
        name_or_path, "", i18n._("no such preset or file (presets: {known})").format(known=known)
    )


def _exists(path: Path) -> bool:
    """Something other than a folder is there (a file, a pipe, a device, a dangling link),
    found without opening it."""
    try:
        return (path.is_symlink() or path.exists()) and not path.is_dir()
    except OSError:
        return False


# ---------------------------------------------------------------- the user's protocol folder
# Each returns where the protocol went and runs off the GUI thread (the window's named
# operations in glute_timer/gui/operations.py call these).


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
    """Save under a fresh name in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = unique_path(folder, protocol.name)
    save_protocol(protocol, path)
    return path


def save_over(protocol: Protocol, path: Path) -> Path:
    """Save ``protocol`` in place of the file it was opened from (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    save_protocol(protocol, path)
    return path


def import_protocol(source: Path, folder: Path) -> Path:
    """Check ``source`` (a ProtocolError names what is wrong) and copy it, normalised,
    into ``folder``."""
    return save_new(load_protocol(source), folder)


def export_protocol(protocol: Protocol, target: Path) -> Path:
    """Write ``protocol`` to ``target`` (anywhere the user chose)."""
    save_protocol(protocol, target)
    return target


def delete_protocol(path: Path) -> Path:
    """Remove one of the user's protocol files (a preset cannot be deleted)."""
    path.unlink(missing_ok=True)
    return path


def copy_name(name: str, taken: set[str]) -> str:
    """``"Pre-run activation (my copy)"``, numbered when that is taken too."""
    base = f"{name} (my copy)"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{name} (my copy {number})"
        number += 1
    return candidate[:100]


def duplicate_protocol(protocol: Protocol, taken: set[str], folder: Path) -> Path:
    """Save a copy of ``protocol`` under a name not ``taken``."""
    return save_new(protocol.with_changes(name=copy_name(protocol.name, taken)), folder)
