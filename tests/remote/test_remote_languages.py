"""The phone remote's page in the app's language: its fixed words and its script's
literals translated when the server loads them; English served as written."""

from __future__ import annotations

import json

import pytest

from glute_timer.core import i18n
from glute_timer.remote.page_text import (
    LOAD_EXPRESSION,
    SIDE_EXPRESSION,
    page_texts,
    script_texts,
    translated_assets,
)
from glute_timer.remote.server import load_assets


def test_every_text_the_tables_name_is_in_the_page_and_the_script() -> None:
    assets = load_assets()
    page = assets["index.html"].body.decode("utf-8")
    script = assets["remote.js"].body.decode("utf-8")
    for english in page_texts():
        assert f">{english}<" in page or f'aria-label="{english}"' in page, english
    for english in script_texts():
        assert json.dumps(english, ensure_ascii=False) in script, english
    assert SIDE_EXPRESSION in script and LOAD_EXPRESSION in script
    assert '<html lang="en">' in page


def test_english_is_served_as_written() -> None:
    assets = load_assets()
    assert translated_assets(assets) == assets


@pytest.mark.parametrize(
    ("code", "finish", "paused", "side"),
    [
        ("de", "Satz beenden", "Pausiert", "Linke Seite"),
        ("fr", "Finir la série", "En pause", "Côté gauche"),
        ("es", "Acabar serie", "En pausa", "Lado izquierdo"),
    ],
)
def test_the_page_in_the_language(code: str, finish: str, paused: str, side: str) -> None:
    i18n.activate(code)
    assets = translated_assets(load_assets())
    page = assets["index.html"].body.decode("utf-8")
    script = assets["remote.js"].body.decode("utf-8")
    assert f'<html lang="{code}">' in page
    assert f">{finish}<" in page and ">Finish set<" not in page
    assert json.dumps(paused, ensure_ascii=False) in script and '"Paused"' not in script
    assert side in script and SIDE_EXPRESSION not in script
    assert '"$1,$2"' in script  # "42.5 kg" in the state shows as "42,5 kg"
