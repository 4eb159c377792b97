"""The user's language: chosen as gettext chooses, its messages, numbers, dates, voice."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

import pytest

from glute_timer.core import i18n
from glute_timer.core.exercises import exercise_library, find_exercise
from glute_timer.core.library import ordered_presets, resolve_protocol
from glute_timer.core.plan import build_plan, format_duration, phase_label
from glute_timer.core.protocol import Load


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "fr_CA.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES", "LC_ALL": "fr_FR"}, "fr"),
        ({"LANGUAGE": "es", "LC_ALL": "de_DE.UTF-8"}, "es"),
        ({"LANGUAGE": "pt_BR:fr:de", "LANG": "de_DE.UTF-8"}, "fr"),  # the first we ship
        ({"LANGUAGE": "", "LANG": "es_MX.UTF-8"}, "es"),  # an empty variable is not set
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "en"),  # not shipped: English, no error
        ({"LANG": "de_AT@euro"}, "de"),
        ({"LANG": "xx_YY.NOT-GENERATED"}, "en"),
    ],
)
def test_the_system_language_is_read_in_gettexts_order(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.system_language(environ) == expected


def test_lang_beats_the_setting_which_beats_the_system() -> None:
    env = {"LANG": "fr_FR.UTF-8"}
    assert i18n.choose("de", "es", env) == "de"
    assert i18n.choose(None, "es", env) == "es"
    assert i18n.choose(None, "", env) == "fr"
    assert i18n.choose("DE_de", None, env) == "de"
    assert i18n.choose("klingon", None, env) == "en"  # unknown: English, without an error
    assert i18n.choose("pseudo", None, env) == "pseudo"


def test_messages_follow_the_active_language() -> None:
    assert phase_label("lift") == "Lift"
    assert i18n.activate("de") == "de"
    assert i18n.current() == "de"
    assert phase_label("lift") == "Heben"
    assert format_duration(90) == "1 Minute 30 Sekunden"
    assert format_duration(2.5) == "2,5 Sekunden"
    assert i18n.activate("fr") == "fr"
    assert format_duration(1) == "1 seconde"
    assert i18n.activate("es") == "es"
    assert format_duration(120) == "2 minutos"
    assert i18n.activate("zz") == "en"
    assert format_duration(61) == "1 minute 1 second"


def test_numbers_and_dates_follow_the_language() -> None:
    assert i18n.format_decimal(42.5, code="de") == "42,5"
    assert i18n.format_decimal(42.5, code="en") == "42.5"
    assert i18n.format_decimal(40.0, code="fr") == "40"
    assert i18n.format_integer(12345, code="de") == "12.345"
    assert i18n.format_integer(12345, code="fr") == "12\u202f345"
    assert i18n.localise_numbers("42.5 kg", "de") == "42,5 kg"
    assert i18n.localise_numbers("42.5 kg", "en") == "42.5 kg"
    assert i18n.format_number(2.5, "es") == "2,5"
    day = date(2026, 12, 1)
    assert i18n.format_date(day, "de") == "Dienstag, 1. Dezember 2026"
    assert i18n.format_date(day, "fr", short=True) == "mar. 1 déc."
    assert i18n.format_date(day, "es") == "martes, 1 de diciembre de 2026"
    assert i18n.format_date(day, "en", short=True) == "Tue 1 Dec"
    assert i18n.format_time(datetime(2026, 12, 1, 7, 5), "de") == "07:05"


def test_the_pseudo_locale_is_40_percent_longer_and_keeps_placeholders() -> None:
    def visible(text: str) -> int:
        return len(re.sub(r"\{[^{}]*\}|%n|&", "", text))

    for text in ("Start workout", "Set {set} of {sets}", "%n sets", "&Quit", "Go"):
        pseudo = i18n.pseudo_text(text)
        assert visible(pseudo) >= visible(text) * 1.4
        for keep in ("{set}", "{sets}", "%n", "&"):
            assert (keep in text) <= (keep in pseudo)
    i18n.activate("pseudo")
    assert i18n._("Lift").startswith("[")
    assert "{n}" in i18n.ngettext("{n} set", "{n} sets", 2)


def test_presets_and_the_exercise_library_are_translated() -> None:
    english = {entry.id: entry.protocol.name for entry in ordered_presets() if entry.protocol}
    i18n.activate("de")
    german = {entry.id: entry.protocol.name for entry in ordered_presets() if entry.protocol}
    assert german["pre-run"] == "Aktivierung vor dem Laufen"
    assert all(german[key] != english[key] for key in english)
    bridge = exercise_library()["glute-bridge"]
    assert bridge.name == "Beckenheben"
    assert bridge.instructions[-1].startswith("Senk die Hüfte")
    # a free-text exercise typed as the English name still finds the library entry
    found = find_exercise("Glute bridge")
    assert found is not None and found.name == "Beckenheben"
    i18n.activate("en")
    assert exercise_library()["glute-bridge"].name == "Glute bridge"


def test_the_cues_are_in_the_language_and_numbers_say_it_their_way() -> None:
    i18n.activate("de")
    _, protocol = resolve_protocol("hip-thrust-strength")
    protocol = protocol.with_changes(
        blocks=tuple(replace(b, load=Load("42.5 kg")) for b in protocol.blocks)
    )
    texts = [cue.text for cue in build_plan(protocol).cues]
    assert texts[0] == "Bereit machen"
    assert "Hip Thrust mit Langhantel. Satz 1 von 3" in texts
    assert "1, Hoch" in texts and "Halten" in texts and "Senken" in texts
    assert any(
        t.startswith("Pause, 1 Minute 30 Sekunden. Danach: ") and "42,5 kg" in t for t in texts
    )
    assert texts[-1] == "Training beendet"


VOICES = [
    {"id": "gmw/en", "name": "English (Great Britain)", "languages": ["en-gb"]},
    {"id": "gmw/en-us", "name": "English (America)", "languages": ["en-us"]},
    {"id": "gmw/de", "name": "German", "languages": ["de"]},
    {"id": "roa/es-419", "name": "Spanish (Latin America)", "languages": ["es-419"]},
    {"id": "roa/es", "name": "Spanish (Spain)", "languages": ["es"]},
    {"id": "roa/fr-be", "name": "French (Belgium)", "languages": ["fr-be"]},
    {"id": "roa/fr", "name": "French (France)", "languages": ["fr-fr"]},
]


def test_the_best_voice_speaks_the_language() -> None:
    assert i18n.best_voice(VOICES, "de") == "gmw/de"
    assert i18n.best_voice(VOICES, "fr") == "roa/fr"
    assert i18n.best_voice(VOICES, "es") == "roa/es"
    assert i18n.best_voice(VOICES, "en", default="gmw/en") == "gmw/en"
    assert i18n.best_voice(VOICES, "en", default="gmw/en-us") == "gmw/en-us"
    assert i18n.best_voice(VOICES, "de", default="gmw/en") == "gmw/de"
    assert i18n.best_voice(VOICES[:2], "de") is None  # none installed: the engine's default
    i18n.activate("es")
    assert i18n.best_voice(VOICES) == "roa/es"


def test_voices_of_the_language_come_first() -> None:
    voices = [(v["id"], v["name"], v["languages"]) for v in VOICES]
    ordered = i18n.voices_first(voices, "fr")
    assert [v[0] for v in ordered[:2]] == ["roa/fr-be", "roa/fr"]
    assert len(ordered) == len(voices)
