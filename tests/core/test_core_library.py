"""Paths, resources, the protocol library, and the rule that the core never imports Qt."""

from __future__ import annotations

import importlib.resources
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import glute_timer.core
from glute_timer.core import library, resources
from glute_timer.core.library import (
    PRESET_ORDER,
    load_presets,
    load_user_protocols,
    ordered_presets,
    resolve_protocol,
)
from glute_timer.core.paths import APP_DIR_NAME, AppPaths
from glute_timer.core.protocol import ProtocolError, dump_protocol, parse_protocol

GOOD = 'format = 1\nname = "Mine"\n\n[[block]]\nexercise = "glute-bridge"\nreps = 5\n'
CORE_DIR = Path(glute_timer.core.__file__).parent


# ------------------------------------------------------------------ paths


def test_basedir_layout(tmp_path: Path) -> None:
    paths = AppPaths.from_basedir(tmp_path)
    assert paths.config_dir == tmp_path / "config"
    assert paths.data_dir == tmp_path / "data"
    assert paths.cache_dir == tmp_path / "cache"
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.protocols_dir == tmp_path / "data" / "protocols"
    assert paths.history_db == tmp_path / "data" / "history.sqlite3"
    assert paths.speech_cache_dir == tmp_path / "cache" / "speech"


def test_a_relative_basedir_becomes_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = AppPaths.from_basedir(Path("portable"))
    assert paths.config_dir == tmp_path / "portable" / "config"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert AppPaths.from_basedir(Path("~/x")).data_dir == tmp_path / "x" / "data"


def test_default_paths_follow_the_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "dat"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cch"))
    paths = AppPaths.default()
    if sys.platform.startswith("linux"):
        assert paths.config_dir == tmp_path / "cfg" / APP_DIR_NAME
        assert paths.data_dir == tmp_path / "dat" / APP_DIR_NAME
        assert paths.cache_dir == tmp_path / "cch" / APP_DIR_NAME
    assert APP_DIR_NAME in str(paths.settings_file)


# ------------------------------------------------------------------ resources


def test_resources_are_found() -> None:
    assert resources.resource("exercises.toml").is_file()
    assert resources.resource("presets", "pre-run.toml").is_file()


def test_resources_fall_back_to_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(importlib.resources, "files", missing)
    root = resources.resource_root.__wrapped__()
    assert root == Path(resources.__file__).resolve().parents[2] / "resources"
    assert (root / "exercises.toml").is_file()


# ------------------------------------------------------------------ presets


def test_presets_are_ordered_for_users() -> None:
    ids = [entry.id for entry in ordered_presets()]
    assert ids == list(PRESET_ORDER)
    assert all(entry.builtin and entry.path is None for entry in ordered_presets())
    assert sorted(ids) == [entry.id for entry in load_presets()]


def test_unknown_presets_sort_last_and_other_files_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "presets"
    folder.mkdir()
    (folder / "README.md").write_text("not a preset")
    (folder / "zz-extra.toml").write_text(GOOD)
    (folder / "aa-extra.toml").write_text(GOOD)
    (folder / "pre-run.toml").write_text(GOOD)
    monkeypatch.setattr(library, "resource", lambda *parts: tmp_path.joinpath(*parts))
    assert [e.id for e in load_presets()] == ["aa-extra", "pre-run", "zz-extra"]
    assert [e.id for e in ordered_presets()] == ["pre-run", "aa-extra", "zz-extra"]


# ------------------------------------------------------------------ user protocols


def test_user_protocols_with_a_broken_file(tmp_path: Path) -> None:
    (tmp_path / "a-good.toml").write_text(GOOD)
    (tmp_path / "b-broken.toml").write_text(GOOD + "colour = 1\n")
    (tmp_path / "c-good.toml").write_text(GOOD.replace("Mine", "Other"))
    (tmp_path / "notes.txt").write_text("ignored")
    entries = load_user_protocols(tmp_path)
    assert [e.id for e in entries] == ["a-good", "b-broken", "c-good"]
    good, broken, other = entries
    assert good.protocol is not None and good.error is None and not good.builtin
    assert good.path == tmp_path / "a-good.toml"
    assert other.protocol is not None and other.protocol.name == "Other"
    assert broken.protocol is None
    assert broken.error is not None
    assert str(broken.error).startswith(f"{tmp_path / 'b-broken.toml'}: block[1].colour: ")


def test_no_user_folder_yet(tmp_path: Path) -> None:
    assert load_user_protocols(tmp_path / "missing") == []


def test_resolve_a_preset_id() -> None:
    preset_id, protocol = resolve_protocol("pre-run")
    assert preset_id == "pre-run" and protocol.name == "Pre-run activation"


def test_resolve_a_user_id(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(GOOD)
    user_id, protocol = resolve_protocol("mine", tmp_path)
    assert (user_id, protocol.name) == ("mine", "Mine")


def test_a_preset_id_wins_over_a_user_file_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "pre-run.toml").write_text(GOOD)
    assert resolve_protocol("pre-run", tmp_path)[1].name == "Pre-run activation"


def test_resolve_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "some file.toml"
    path.write_text(GOOD)
    assert resolve_protocol(str(path)) == ("some file", parse_protocol(GOOD))
    monkeypatch.chdir(tmp_path)
    plain = tmp_path / "plainname"
    plain.write_text(GOOD)
    assert resolve_protocol("plainname")[0] == "plainname"


def test_resolve_errors(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError) as info:
        resolve_protocol("no-such-thing", tmp_path)
    message = str(info.value)
    assert message.startswith("no-such-thing: no such preset or file (presets: pre-run, ")
    assert len(message.splitlines()) == 1
    with pytest.raises(ProtocolError, match="no such preset or file"):
        resolve_protocol("no-such-thing")
    missing = tmp_path / "gone.toml"
    with pytest.raises(ProtocolError, match="file not found"):
        resolve_protocol(str(missing))
    (tmp_path / "bad.toml").write_text(GOOD + "sets = 0\n")
    with pytest.raises(ProtocolError, match=r"block\[1\]\.sets"):
        resolve_protocol("bad", tmp_path)


def test_saved_user_protocols_list_again(tmp_path: Path) -> None:
    protocol = parse_protocol(GOOD)
    (tmp_path / "x.toml").write_text(dump_protocol(protocol))
    assert load_user_protocols(tmp_path)[0].protocol == protocol


# ------------------------------------------------------------------ no Qt in the core


def core_modules() -> list[str]:
    return sorted(f"glute_timer.core.{info.name}" for info in pkgutil.iter_modules([str(CORE_DIR)]))


def test_importing_the_core_does_not_import_qt() -> None:
    modules = core_modules()
    assert "glute_timer.core.session" in modules and len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(len(bad), *bad)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_no_core_source_mentions_qt() -> None:
    sources = sorted(CORE_DIR.rglob("*.py"))
    assert sources
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for word in ("PySide6", "QtCore", "shiboken6"):
            assert word not in text, f"{path} mentions {word}"
