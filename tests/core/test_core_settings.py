"""Settings: typed defaults, persistence, a corrupt file kept aside, atomic saves."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from glute_timer.context import AppContext
from glute_timer.core import fsutil
from glute_timer.core.paths import AppPaths
from glute_timer.core.settings import (
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    settings_from_dict,
    validate,
)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "nowhere" / "settings.json")
    assert loaded.settings == Settings()
    assert loaded.warning is None and loaded.backup is None


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    settings = Settings(
        voice_enabled=False,
        voice="en-gb",
        rate=200,
        volume=0.5,
        sounds_enabled=False,
        speak_rep_numbers=False,
        default_lead_in=10,
        theme="dark",
        units="lb",
        keep_awake=False,
        window_geometry="AdnQywAD",
    )
    save_settings(settings, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    loaded = load_settings(path)
    assert loaded.settings == settings
    assert loaded.warning is None
    assert os.listdir(path.parent) == ["settings.json"]


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"rate": 150, "volume": 1, "from_the_future": [1, 2]}))
    loaded = load_settings(path)
    assert loaded.settings == Settings(rate=150, volume=1.0)
    assert isinstance(loaded.settings.volume, float)
    assert loaded.warning is None
    assert path.exists()


CORRUPT = [
    b"{not json",
    b"",
    b"[1, 2, 3]",
    b'"text"',
    b"\xff\xfe\x00garbage",  # not UTF-8
    b"[" * 100_000,  # nesting too deep for the JSON parser
    json.dumps({"rate": "fast"}).encode(),
    json.dumps({"rate": True}).encode(),
    json.dumps({"voice_enabled": 1}).encode(),
    json.dumps({"voice": 5}).encode(),
    json.dumps({"rate": 1000}).encode(),
    json.dumps({"volume": 1.5}).encode(),
    json.dumps({"volume": -0.1}).encode(),
    b'{"volume": NaN}',
    json.dumps({"default_lead_in": 500}).encode(),
    json.dumps({"theme": "purple"}).encode(),
    json.dumps({"units": "stone"}).encode(),
]


@pytest.mark.parametrize("raw", CORRUPT, ids=range(len(CORRUPT)))
def test_a_corrupt_file_is_moved_aside(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(raw)
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.warning is not None
    assert str(path) in loaded.warning
    assert "defaults are in use" in loaded.warning
    assert len(loaded.warning.splitlines()) == 1
    assert not path.exists()
    backups = list(tmp_path.glob("settings.json.corrupt-*"))
    assert backups == [loaded.backup]
    assert backups[0].read_bytes() == raw
    assert str(backups[0]) in loaded.warning
    # the next start is quiet
    again = load_settings(path)
    assert again.warning is None and again.settings == Settings()


def test_the_warning_is_in_the_active_language_with_the_keys_as_written(tmp_path: Path) -> None:
    from glute_timer.core import i18n

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "purple", "rate": 175}), encoding="utf-8")
    i18n.activate("de")
    loaded = load_settings(path)
    assert loaded.settings.rate == 175  # the good key is kept
    assert loaded.warning == (
        f"Die Einstellungsdatei {path} war beschädigt (theme muss eines von system, light, "
        f"dark sein, nicht 'purple'); für theme gelten die Standardwerte. Die alte Datei "
        f"wurde als {loaded.backup} aufbewahrt."
    )


def test_a_file_too_large_says_so_in_french_sizes(tmp_path: Path) -> None:
    from glute_timer.core import i18n

    path = tmp_path / "settings.json"
    path.write_bytes(b" " * (3 << 19))  # 1.5 MB
    i18n.activate("fr")
    loaded = load_settings(path)
    assert loaded.warning is not None
    assert loaded.warning.startswith(
        f"Le fichier de réglages {path} était endommagé (trop volumineux (1,5 Mo ; au plus 1 Mo))"
    )
    i18n.activate("en")
    assert fsutil.format_size(3 << 19) == "1.5 MB"
    assert fsutil.format_size(512) == "512 bytes"


def test_a_corrupt_file_that_cannot_be_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{oops")

    def refuse(src: object, dst: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.backup is None
    assert loaded.warning is not None and str(path) in loaded.warning
    assert "kept as" not in loaded.warning


def test_an_unreadable_settings_path(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.warning is not None and str(path) in loaded.warning
    assert "Could not read" in loaded.warning
    assert path.is_dir()  # nothing was moved


def test_stale_temporaries_are_cleaned_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(rate=120), path)
    stale = tmp_path / ".settings.json.abc123.tmp"
    stale.write_text("half written")
    other = tmp_path / ".other.json.abc.tmp"
    other.write_text("not ours")
    assert load_settings(path).settings.rate == 120
    assert not stale.exists()
    assert other.exists()


def test_a_failing_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(rate=120), path)
    before = path.read_bytes()

    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        save_settings(Settings(rate=300), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["settings.json"]
    monkeypatch.undo()
    assert load_settings(path).settings.rate == 120


def test_save_refuses_invalid_settings(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="rate must be 80-400"):
        save_settings(Settings(rate=5), tmp_path / "s.json")
    assert not (tmp_path / "s.json").exists()


def test_with_changes_validates() -> None:
    assert Settings().with_changes(theme="dark").theme == "dark"
    with pytest.raises(SettingsError, match="theme must be one of system, light, dark"):
        Settings().with_changes(theme="neon")


def test_validate_lists_every_problem() -> None:
    with pytest.raises(SettingsError) as info:
        validate(Settings(rate=1, volume=2, default_lead_in=-1, theme="x", units="st"))
    message = str(info.value)
    for word in ("rate", "volume", "default_lead_in", "theme", "units"):
        assert word in message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"keep_awake": "yes"}, "keep_awake: expected bool"),
        ({"volume": True}, "volume: expected float, not True"),
        ({"default_lead_in": 2.5}, "default_lead_in: expected int"),
        ({"window_geometry": 3}, "window_geometry: expected str"),
    ],
)
def test_settings_from_dict_type_errors(data: dict[str, Any], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        settings_from_dict(data)


def test_settings_from_dict_accepts_nulls() -> None:
    assert settings_from_dict({"voice": None, "window_geometry": None}) == Settings()


# ------------------------------------------------------------------ fsutil


def test_atomic_write_survives_a_directory_that_cannot_be_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def no_dir_open(path: Any, flags: int, *args: Any) -> int:
        if Path(path) == tmp_path:
            raise PermissionError(13, "denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_dir_open)
    fsutil.atomic_write_text(tmp_path / "a.txt", "one")
    assert (tmp_path / "a.txt").read_text() == "one"


def test_atomic_write_when_fsync_of_the_directory_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync
    calls: list[int] = []

    def picky_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 1:  # the first is the file, the second the directory
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", picky_fsync)
    fsutil.atomic_write_bytes(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert len(calls) == 2


def test_atomic_write_cleans_up_after_an_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fsutil.atomic_write_text(tmp_path / "c.txt", "x")
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------ context


def test_context_uses_the_basedir_and_saves_settings(tmp_path: Path) -> None:
    context = AppContext.create(tmp_path)
    assert context.paths == AppPaths.from_basedir(tmp_path)
    assert context.settings == Settings()
    assert context.warnings == []
    context.save_settings(Settings(units="lb"))
    assert context.settings.units == "lb"
    assert AppContext.create(tmp_path).settings.units == "lb"


def test_context_reports_a_corrupt_settings_file(tmp_path: Path) -> None:
    paths = AppPaths.from_basedir(tmp_path)
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text("{")
    context = AppContext.create(tmp_path)
    assert len(context.warnings) == 1
    assert str(paths.settings_file) in context.warnings[0]
