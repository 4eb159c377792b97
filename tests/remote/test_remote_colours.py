"""The page's colours are the window's: the Okabe-Ito phase colours, made readable the
same way on the light and the dark background (tools/remote_colours.py writes them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_page_has_the_themes_colours() -> None:
    spec = importlib.util.spec_from_file_location(
        "remote_colours", ROOT / "tools" / "remote_colours.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    css = (ROOT / "resources" / "remote" / "remote.css").read_text(encoding="utf-8")
    assert module.colour_block() in css, "run: .venv/bin/python tools/remote_colours.py --write"
    for phase in ("lead-in", "lift", "hold", "lower", "pause", "rest", "switch", "done"):
        assert f'body[data-phase="{phase}"]' in css


def test_the_page_needs_nothing_from_another_origin() -> None:
    for name in ("index.html", "remote.css", "remote.js"):
        text = (ROOT / "resources" / "remote" / name).read_text(encoding="utf-8")
        assert "http:" not in text and "https:" not in text, name
        assert 'src="//' not in text and 'href="//' not in text and "url(" not in text, name
        assert "@import" not in text, name
