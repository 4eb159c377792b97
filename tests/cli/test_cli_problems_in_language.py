"""What the command line refuses, and a damaged settings file, told in the language: the
reason translated, the file, the key and the value as the file has them."""

from __future__ import annotations

from pathlib import Path

import pytest

from glute_timer import cli, launcher
from glute_timer.context import AppContext

BAD = 'format = 1\nname = "N"\n\n[[block]]\nexercise = "glute-bridge"\ntempo = { hold = 900 }\n'
REASONS = {
    "en": "900 s is too long (at most 600 s)",
    "de": "900 s ist zu lang (höchstens 600 s)",
    "fr": "900 s, c’est trop long (au plus 600 s)",
    "es": "900 s es demasiado largo (como máximo 600 s)",
}


def main(tmp_path: Path, *args: str) -> int:
    return cli.main(["--basedir", str(tmp_path / "base"), *args])


@pytest.fixture
def no_system_language(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("code", sorted(REASONS))
@pytest.mark.parametrize("command", [["plan"], ["run", "--no-gui"], ["next"], ["calendar"]])
def test_a_refused_protocol_file_says_why_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str, command: list[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    assert main(tmp_path, "--lang", code, *command, str(path)) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"glute-timer: error: {path}: block[1].tempo.hold: {REASONS[code]}\n")


def test_the_system_language_is_enough(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_system_language: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(BAD.replace("tempo =", '"tempó" ='), encoding="utf-8")
    no_system_language.setenv("LANG", "es_ES.UTF-8")
    assert main(tmp_path, "plan", str(path)) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"glute-timer: error: {path}: block[1].tempó: clave desconocida (")
    assert "(permitidas: exercise, load, per_side, reps, rest, rest_after, " in err


DAMAGED = {
    "en": "Settings file {path} was damaged (",
    "de": "Die Einstellungsdatei {path} war beschädigt (",
    "fr": "Le fichier de réglages {path} était endommagé (",
    "es": "El archivo de ajustes {path} estaba dañado (",
}
KEPT = {
    "en": "The old file was kept as ",
    "de": "Die alte Datei wurde als ",
    "fr": "L’ancien fichier a été conservé sous ",
    "es": "El archivo anterior se guardó como ",
}


def _damage(tmp_path: Path, text: str = "{not json") -> Path:
    path = tmp_path / "base" / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("code", sorted(DAMAGED))
def test_a_damaged_settings_file_is_told_in_the_system_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_system_language: pytest.MonkeyPatch,
    code: str,
) -> None:
    path = _damage(tmp_path)
    no_system_language.setenv("LANGUAGE", code)
    assert main(tmp_path, "presets") == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("glute-timer: warning: " + DAMAGED[code].format(path=path))
    assert KEPT[code] + f"{path}.corrupt-" in err[0]


def test_lang_beats_the_system_for_the_warning_and_a_bad_value_keeps_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_system_language: pytest.MonkeyPatch
) -> None:
    path = _damage(tmp_path, '{"volume": 7}')
    no_system_language.setenv("LANGUAGE", "de")
    assert main(tmp_path, "--lang", "fr", "presets") == 0
    err = capsys.readouterr().err
    assert err.startswith("glute-timer: warning: " + DAMAGED["fr"].format(path=path))
    assert (
        "(volume doit être entre 0 et 1, pas 7.0) ; valeurs par défaut utilisées pour volume."
        in err
    )


def test_english_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_system_language: pytest.MonkeyPatch
) -> None:
    path = _damage(tmp_path, '{"volume": 7}')
    assert main(tmp_path, "presets") == 0
    err = capsys.readouterr().err
    backup = next(path.parent.glob("settings.json.corrupt-*"))
    assert err == (
        f"glute-timer: warning: Settings file {path} was damaged (volume must be 0-1, not 7.0);"
        f" defaults are in use for volume. The old file was kept as {backup}.\n"
    )


def test_the_window_tells_it_in_the_system_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_system_language: pytest.MonkeyPatch,
) -> None:
    from glute_timer.gui import app

    seen: list[AppContext] = []
    no_system_language.setattr(app, "run_gui", lambda context: seen.append(context) or 0)
    path = _damage(tmp_path)
    no_system_language.setenv("LC_ALL", "de_DE.UTF-8")
    assert launcher.main(["--basedir", str(tmp_path / "base")]) == 0
    assert [c.language for c in seen] == ["de"]
    assert seen[0].warnings[0].startswith(DAMAGED["de"].format(path=path))
    err = capsys.readouterr().err
    assert err.startswith("glute-timer: warning: " + DAMAGED["de"].format(path=path))
