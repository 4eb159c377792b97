"""The command line in the user's language: ``--lang`` on every command, the system's
language in gettext's order, the setting; JSON keys and file formats stay as they are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from glute_timer import cli
from glute_timer.core import i18n
from glute_timer.core.settings import Settings, save_settings


def main(tmp_path: Path, *args: str) -> int:
    return cli.main(["--basedir", str(tmp_path / "base"), *args])


def glute(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return subprocess.run(
        [sys.executable, "-m", "glute_timer", "--basedir", str(tmp_path / "base"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environ, **env},
        check=False,
    )


@pytest.mark.parametrize(
    ("code", "name", "first_cue"),
    [
        ("de", "Aktivierung vor dem Laufen", "Bereit machen"),
        ("fr", "Activation avant la course", "Préparez-vous"),
        ("es", "Activación antes de correr", "Prepárate"),
        ("en", "Pre-run activation", "Get ready"),
    ],
)
def test_lang_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str, name: str, first_cue: str
) -> None:
    assert main(tmp_path, "--lang", code, "plan", "pre-run") == 0
    before = capsys.readouterr().out
    assert main(tmp_path, "plan", "pre-run", f"--lang={code}") == 0
    assert capsys.readouterr().out == before
    assert before.startswith(f"{name}: 2:05 ")
    assert before.splitlines()[1].endswith(first_cue)


def test_every_command_takes_lang() -> None:
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"gui", "presets", "plan", "run", "history", "stats", "voices"}
    for name, sub in commands.items():
        assert any("--lang" in action.option_strings for action in sub._actions), name


def seed_workout(base: Path) -> None:
    """A workout of the strength programme yesterday: three sets of 15 at 40 kg."""
    from datetime import datetime, timedelta

    from glute_timer.core.history_model import StoredSet, Workout, new_uid
    from glute_timer.core.history_store import HistoryStore

    start = round((datetime.now() - timedelta(days=1)).timestamp() * 1000)
    sets = tuple(
        StoredSet(
            position=n,
            block=1,
            set=n + 1,
            side=None,
            exercise="barbell-hip-thrust",
            exercise_name="Barbell hip thrust",
            target=15,
            reps_min=10,
            reps_max=15,
            reps_done=15,
            hold_s=3.0,
            load="40 kg",
            started_ms=start + n * 60_000,
            ended_ms=start + n * 60_000 + 40_000,
        )
        for n in range(3)
    )
    workout = Workout(
        uid=new_uid(),
        protocol_id="hip-thrust-strength",
        protocol_name="Hip thrust strength",
        schedule="every-other-day",
        program_weeks=2,
        protocol_toml="",
        started_ms=start,
        ended_ms=start + 600_000,
        status="completed",
        note="",
        sets=sets,
    )
    (base / "data").mkdir(parents=True, exist_ok=True)
    HistoryStore(base / "data" / "history.sqlite3").merge([workout])


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "hip-thrust-strength", "--json"),
        ("next", "hip-thrust-strength", "--json"),
        ("stats", "--json"),
        ("history", "--json"),
    ],
)
def test_json_stays_as_it_is_in_every_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    """The human output follows the language; a --json document is for scripts and is the
    same in every language, texts included."""
    seed_workout(tmp_path / "base")
    assert main(tmp_path, *command) == 0
    english = capsys.readouterr().out
    for code in ("de", "fr", "es"):
        assert main(tmp_path, *command, "--lang", code) == 0
        assert capsys.readouterr().out == english, code
    assert main(tmp_path, "plan", "hip-thrust-strength", "--lang", "de") == 0
    assert "Hip Thrust für Kraft" in capsys.readouterr().out  # without --json: German


def test_decimals_follow_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    protocol = tmp_path / "heavy.toml"
    protocol.write_text(
        'format = 1\nname = "Heavy"\n\n[[block]]\nexercise = "barbell-hip-thrust"\n'
        'sets = 2\nreps = 10\nload = "42.5 kg"\nrest = 30\n',
        encoding="utf-8",
    )
    assert main(tmp_path, "plan", str(protocol), "--lang", "de") == 0
    out = capsys.readouterr().out
    assert "Danach: Hip Thrust mit Langhantel, Satz 2 von 2, 42,5 kg" in out
    assert "42.5" not in out
    assert main(tmp_path, "plan", str(protocol)) == 0
    assert "Next: Barbell hip thrust, set 2 of 2, 42.5 kg" in capsys.readouterr().out


def test_an_unknown_language_is_english_without_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(tmp_path, "presets", "--lang", "tlh") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("pre-run\tPre-run activation\t2:05\tbefore-run")
    assert captured.err == ""


def test_the_setting_beats_the_system_and_lang_beats_the_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(tmp_path, "presets") == 0
    assert "\tActivation avant la course\t" in capsys.readouterr().out
    save_settings(Settings(language="es"), tmp_path / "base" / "config" / "settings.json")
    assert main(tmp_path, "presets") == 0
    assert "\tActivación antes de correr\t" in capsys.readouterr().out
    assert main(tmp_path, "presets", "--lang", "de") == 0
    assert "\tAktivierung vor dem Laufen\t" in capsys.readouterr().out
    assert i18n.current() == "de"


def test_a_bad_command_line_says_so_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(tmp_path, "--lang", "de", "plan", "no-such-preset") == 2
    assert "keine solche Vorlage" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "Aktivierung vor dem Laufen"),
        ({"LANGUAGE": "fr", "LANG": "de_DE.UTF-8"}, "Activation avant la course"),
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, "Activación antes de correr"),
        ({"LC_MESSAGES": "xx_XX.UTF-8"}, "Pre-run activation"),  # not generated, not shipped
        ({"LANG": "C.UTF-8"}, "Pre-run activation"),
    ],
)
def test_the_system_language_in_a_real_process(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    result = glute(tmp_path, "presets", **env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[0].split("\t")[1] == expected


@pytest.mark.speech
def test_voices_marks_the_voice_of_the_language(tmp_path: Path) -> None:
    for code, voice in (("de", "gmw/de"), ("fr", "roa/fr"), ("es", "roa/es")):
        result = glute(tmp_path, "voices", "--lang", code)
        if result.returncode != 0:
            pytest.skip(f"no speech engine: {result.stderr.strip()}")
        marked = [line for line in result.stdout.splitlines() if line.startswith("* ")]
        assert len(marked) == 1
        assert marked[0][2:].split("\t")[0] == voice


TINY = """format = 1
name = "Tiny"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 2
load = "2.5 kg"
tempo = { lift = 0.3, hold = 0.3, lower = 0.3 }
"""


def test_a_terminal_run_and_its_history_in_the_language(tmp_path: Path) -> None:
    protocol = tmp_path / "tiny.toml"
    protocol.write_text(TINY, encoding="utf-8")
    run = glute(tmp_path, "run", str(protocol), "--no-gui", "--mute", "--lang", "es")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].endswith("Prepárate") and "0,0s" in lines[0]
    assert any(line.endswith("1, Sube") for line in lines)
    assert lines[-2:] == [
        "Entrenamiento completado. 1 serie hecha.",
        "  Puente de glúteos, serie 1: 2/2 repeticiones, 2,5 kg",
    ]
    assert "1 serie(s) guardada(s) en el historial." in run.stderr
    # Recorded in Spanish, shown in German: a library exercise is named in the language
    # of the day it is looked at.
    history = glute(tmp_path, "history", **{"LANGUAGE": "de"})
    assert "Beckenheben, Satz 1: 2/2 Wiederholungen, 2,5 kg, 0,3 s halten" in history.stdout
    assert " beendet " in history.stdout.splitlines()[0]
    english = glute(tmp_path, "history")
    assert "Glute bridge, set 1: 2/2 reps, 2.5 kg, hold 0.3 s" in english.stdout
