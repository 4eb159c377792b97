"""The window in the user's language, and under a pseudo-locale that makes every text
40 % longer (accented, bracketed): no label or button may be clipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import make_window
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot
from test_new_user_bugs import clipped, start

from glute_timer.context import AppContext
from glute_timer.core import i18n
from glute_timer.core.clock import FakeClock
from glute_timer.gui.i18n import install_translators


@pytest.fixture
def language() -> Iterator[object]:
    """Use a language for one test, then English again."""

    def use(code: str) -> None:
        i18n.activate(code)
        install_translators(code)

    yield use
    i18n.activate("en")
    install_translators("en")


@pytest.mark.parametrize("size", [(1280, 800)])
def test_nothing_is_clipped_when_every_text_is_40_percent_longer(
    qtbot: QtBot, context: AppContext, clock: FakeClock, language: object, size: tuple[int, int]
) -> None:
    language("pseudo")  # type: ignore[operator]
    window = make_window(qtbot, context, clock)
    window.resize(*size)
    assert window.library.select_id("hip-thrust-strength")
    assert window.library.planner.wait()
    QApplication.processEvents()
    qtbot.wait(50)
    assert clipped(window.library) == []
    for page in ("settings", "history", "editor"):
        window.show_page(page)
        qtbot.wait(50)
        assert clipped(window.centralWidget()) == [], page
    window.show_page("library")
    start(window, "hip-thrust-strength")
    qtbot.wait(50)
    assert clipped(window.workout) == []
    window.close()


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_the_window_speaks_the_language(
    qtbot: QtBot, context: AppContext, clock: FakeClock, language: object, code: str
) -> None:
    language(code)  # type: ignore[operator]
    window = make_window(qtbot, context, clock)
    settings = {"de": "Einstellungen", "fr": "Réglages", "es": "Ajustes"}[code]
    window.show_page("settings")
    qtbot.wait(20)
    texts = [label.text() for label in window.settings_page.findChildren(QLabel)]
    assert settings in texts
    combo = window.settings_page.field("language")
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "de", "fr", "es"]
    assert combo.itemText(0) == i18n.pgettext("setting", "Automatic")
    window.close()


def test_the_language_setting_is_saved_and_used_at_the_next_start(
    qtbot: QtBot, context: AppContext, clock: FakeClock
) -> None:
    window = make_window(qtbot, context, clock)
    window.show_page("settings")
    combo = window.settings_page.field("language")
    combo.setCurrentIndex(combo.findData("fr"))
    window.settings_page.flush()
    qtbot.waitUntil(lambda: window.settings.language == "fr")
    window.close()
    again = AppContext.create(context.paths.config_dir.parent)
    assert again.settings.language == "fr"
    assert i18n.choose(None, again.settings.language, {"LANG": "de_DE.UTF-8"}) == "fr"
