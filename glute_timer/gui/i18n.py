"""The window's words in the user's language: Qt's translator, and ``tr()``.

Every text the window shows is written ``tr("Start workout")`` (numerus:
``tr("%n sets", "", n)``; a disambiguation as the second argument), which
``pyside6-lupdate`` finds in the source (``tools/translations.py qt``) and writes to
``translations/glute_timer_<lang>.ts``; ``pyside6-lrelease`` compiles those to
``glute_timer/locale/<lang>/glute_timer.qm``, shipped in the wheel and the frozen app. The
context is always "" (a free function, not ``QObject.tr``), so a text keeps its
translation when it moves to another class. Never an f-string inside ``tr()``: fill
placeholders afterwards (``tr("Set {n}").format(n=2)``).

The core's words (cues, presets, exercises, the settings' labels) come from
``glute_timer.core.i18n``; both follow the language chosen at start (``--lang``, the
setting, the system's).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from glute_timer.core import i18n

_installed: list[QTranslator] = []  # kept alive: Qt holds them by pointer only


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """``text`` in the window's language (``%n`` filled with ``n`` when given).

    A numerus source is written with English's both forms in one, ``"%n set(s)"``; a
    translation gives each form of its language, and English itself (the source, which
    no catalog translates) gets "1 set", "2 sets" here."""
    translated = QCoreApplication.translate("", text, disambiguation or None, n)
    if n >= 0 and translated == text.replace("%n", str(n)):
        return translated.replace("(s)", "" if n == 1 else "s")
    return translated


class PseudoTranslator(QTranslator):
    """Every text 40 % longer, accented, placeholders kept: for finding clipped labels."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return i18n.pseudo_text(source)

    def isEmpty(self) -> bool:
        return False


def qm_path(language: str) -> str:
    return str(i18n.locale_dir() / language / "glute_timer.qm")


def install_translators(language: str | None = None) -> str:
    """Make ``language`` (the core's active language by default) the window's: its
    ``.qm``, Qt's own texts (standard buttons) and its number format. Returns the code in
    use. Replaces what an earlier call installed."""
    app = QCoreApplication.instance()
    code = language or i18n.current()
    for old in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(old)
    _installed.clear()
    if code == i18n.PSEUDO:
        _installed.append(PseudoTranslator())
    elif code != i18n.SOURCE_LANGUAGE:
        ours = QTranslator()
        if ours.load(qm_path(code)):
            _installed.append(ours)
        qt_own = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{code}", folder):
            _installed.append(qt_own)
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    if code in i18n.LANGUAGES and code != i18n.SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(code))  # spin boxes: "2,5" in German
    else:
        QLocale.setDefault(QLocale.system())
    return code
