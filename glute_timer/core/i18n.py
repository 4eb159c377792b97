"""The user's language: which one, its messages (gettext), its numbers and dates.

The core's words (cue phrases, what a display shows, the presets and the exercise
library, the command line's messages) are looked up here with the standard library's
``gettext``; the window's own words go through Qt's translator (``glute_timer.gui.i18n``).
Both follow :func:`current`.

Which language: ``--lang CODE`` on the command line, else the ``language`` setting, else
the system's, read from the environment in gettext's order (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``: the first one set decides; ``LANGUAGE`` may list several,
``de:fr``, tried in turn). A language we do not ship, ``C`` or ``POSIX``, or nothing set
means English. The process locale is never changed (``setlocale`` fails for a locale that
is not generated on the machine), so numbers and dates are formatted from the small
tables below, not by the C library.

Strings are marked for extraction (``tools/translations.py extract``) by the calls
``_("...")``, ``N_("...")`` (marked only; translated where it is used),
``ngettext("...", "...", n)`` and ``pgettext("context", "...")``. Placeholders are
``{name}`` fields filled with ``str.format`` after translation, so a translation may move
them; never an f-string inside a marker.
"""

from __future__ import annotations

import gettext as _gettext
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

DOMAIN: Final = "glute_timer"
SOURCE_LANGUAGE: Final = "en"

LANGUAGES: Final = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
}
"""The languages we ship, by code, each named in itself."""

PSEUDO: Final = "pseudo"
"""Not a language: every text 40 % longer with accents, to find clipped labels in tests."""

ENV_ORDER: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_dir() -> Path:
    """Where the compiled catalogs are: ``<lang>/LC_MESSAGES/glute_timer.mo``."""
    return Path(__file__).resolve().parents[1] / "locale"


def normalise(code: str) -> str:
    """``de_DE.UTF-8`` -> ``de``; ``pt_BR@latin`` -> ``pt``; ``C.UTF-8`` -> ``c``."""
    code = code.strip()
    for sep in (".", "@"):
        code = code.split(sep, 1)[0]
    return code.replace("-", "_").split("_", 1)[0].lower()


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The languages the environment asks for, best first, as gettext reads them."""
    env = os.environ if environ is None else environ
    for name in ENV_ORDER:
        value = env.get(name, "")
        if value:
            return [normalise(part) for part in value.split(":") if part.strip()]
    return []


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first shipped language the environment asks for, else English."""
    for code in system_languages(environ):
        if code in LANGUAGES:
            return code
        if code in ("c", "posix"):
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def choose(
    override: str | None = None,
    setting: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """``--lang`` beats the setting, which beats the system; "system" or "" in either
    defers; an unknown code falls back to English."""
    for wish in (override, setting):
        if wish and wish != "system":
            code = wish if wish == PSEUDO else normalise(wish)
            return code if code in LANGUAGES or code == PSEUDO else SOURCE_LANGUAGE
    return system_language(environ)


# -- messages ---------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%n|%\d|&(?=\w))")
_ACCENTS: Final = str.maketrans("aceinouyAEIOUCNsz", "àçéîñöûýÀÉÎÖÛÇÑšž")


def pseudo_text(text: str) -> str:
    """``Start workout`` -> ``[Šţàŕţ ŵöŕķöûţ ~~~~~]``: accented and 40 % longer, with its
    placeholders, mnemonics and line breaks kept as they are."""
    if not text:
        return text
    pieces = _PLACEHOLDER.split(text)
    out = [
        piece if _PLACEHOLDER.fullmatch(piece) else piece.translate(_ACCENTS) for piece in pieces
    ]
    visible = len(_PLACEHOLDER.sub("", text))
    pad = max(1, math.ceil(visible * 0.4) - 2)
    # In words of five, so a long text still wraps where the real one would.
    tail = " ".join("~" * min(5, pad - start) for start in range(0, pad, 6))
    return "[" + "".join(out) + " " + tail + "]"


class _Pseudo(_gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo_text(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_text(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo_text(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_text(msgid1 if n == 1 else msgid2)


_active: _gettext.NullTranslations = _gettext.NullTranslations()
_current: str = SOURCE_LANGUAGE


def catalog(code: str) -> _gettext.NullTranslations:
    """The messages of ``code`` (English's are the source texts themselves)."""
    if code == PSEUDO:
        return _Pseudo()
    if code == SOURCE_LANGUAGE or code not in LANGUAGES:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, locale_dir(), languages=[code], fallback=True)


def activate(code: str) -> str:
    """Make ``code`` the language of every message from now on; returns the code used."""
    global _active, _current
    code = code if code in LANGUAGES or code == PSEUDO else SOURCE_LANGUAGE
    _active = catalog(code)
    _current = code
    return code


def current() -> str:
    """The active language's code."""
    return _current


def _(message: str) -> str:
    """``message`` in the active language."""
    return _active.gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for translation where it is used; returns it unchanged."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` in the active language (the placeholder ``{n}`` is not filled)."""
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the active language, in ``context`` (e.g. "exercise")."""
    return _active.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """The form for ``n`` of a message in ``context``."""
    return _active.npgettext(context, singular, plural, n)


# -- numbers and dates ------------------------------------------------------------------


@dataclass(frozen=True)
class Formats:
    decimal: str
    group: str
    months: tuple[str, ...]  # January ...
    months_short: tuple[str, ...]
    weekdays: tuple[str, ...]  # Monday ...
    weekdays_short: tuple[str, ...]
    date_long: str  # fields: {weekday} {day} {month} {year}
    date_short: str  # fields: {weekday_short} {day} {month_short}
    time: str  # fields: {hour} {minute} (24-hour)


_FORMATS: Final = {
    "en": Formats(
        ".",
        ",",
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "{weekday} {day} {month} {year}",
        "{weekday_short} {day} {month_short}",
        "{hour:02d}:{minute:02d}",
    ),
    "de": Formats(
        ",",
        ".",
        (
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ),
        (
            "Jan.",
            "Feb.",
            "März",
            "Apr.",
            "Mai",
            "Juni",
            "Juli",
            "Aug.",
            "Sept.",
            "Okt.",
            "Nov.",
            "Dez.",
        ),
        ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."),
        "{weekday}, {day}. {month} {year}",
        "{weekday_short} {day}. {month_short}",
        "{hour:02d}:{minute:02d}",
    ),
    "fr": Formats(
        ",",
        "\u202f",
        (
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        (
            "janv.",
            "févr.",
            "mars",
            "avr.",
            "mai",
            "juin",
            "juil.",
            "août",
            "sept.",
            "oct.",
            "nov.",
            "déc.",
        ),
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
        "{weekday} {day} {month} {year}",
        "{weekday_short} {day} {month_short}",
        "{hour:02d}:{minute:02d}",
    ),
    "es": Formats(
        ",",
        ".",
        (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
        ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
        ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
        "{weekday}, {day} de {month} de {year}",
        "{weekday_short} {day} {month_short}",
        "{hour:02d}:{minute:02d}",
    ),
}


def formats(code: str | None = None) -> Formats:
    """The number and date conventions of ``code`` (the active language by default)."""
    return _FORMATS.get(code or _current, _FORMATS[SOURCE_LANGUAGE])


def format_decimal(value: float, max_decimals: int = 2, code: str | None = None) -> str:
    """``42.5`` -> ``"42.5"`` in English, ``"42,5"`` in German: up to ``max_decimals``
    decimals, trailing zeros dropped, no grouping (loads and seconds are small)."""
    text = f"{value:.{max_decimals}f}".rstrip("0").rstrip(".") if max_decimals else f"{value:.0f}"
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", formats(code).decimal)


def format_integer(value: int, code: str | None = None) -> str:
    """``12345`` -> ``"12,345"`` / ``"12.345"`` / ``"12 345"`` (narrow no-break space)."""
    return f"{value:,}".replace(",", formats(code).group)


def format_date(day: date, code: str | None = None, *, short: bool = False) -> str:
    """``Tuesday 1 December 2026`` / ``Dienstag, 1. Dezember 2026``; short: ``Tue 1 Dec``."""
    f = formats(code)
    fields = {
        "weekday": f.weekdays[day.weekday()],
        "weekday_short": f.weekdays_short[day.weekday()],
        "day": day.day,
        "month": f.months[day.month - 1],
        "month_short": f.months_short[day.month - 1],
        "year": day.year,
    }
    return (f.date_short if short else f.date_long).format(**fields)


def format_time(moment: datetime, code: str | None = None) -> str:
    """``18:05``."""
    return formats(code).time.format(hour=moment.hour, minute=moment.minute)


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def localise_numbers(text: str, code: str | None = None) -> str:
    """Decimal points inside numbers in the language's way: ``"42.5 kg"`` ->
    ``"42,5 kg"`` in German. For texts the program made (loads, holds); a protocol's
    own words are left alone by the callers."""
    decimal = formats(code).decimal
    return text if decimal == "." else _DECIMAL_POINT.sub(decimal, text)


def format_number(value: float, code: str | None = None) -> str:
    """``3`` rather than ``3.0``, ``2.5`` as ``2,5`` in German: a hold, a rest, a load."""
    if float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:g}"
        if "e" in text:
            text = f"{value:.6f}".rstrip("0").rstrip(".")
    return localise_numbers(text, code)


# -- voices -----------------------------------------------------------------------------

HOME_VARIANTS: Final = {"en": "en-gb", "de": "de-de", "fr": "fr-fr", "es": "es-es"}
"""The variant of each language a voice list may offer under its full name."""


def _voice_languages(voice: Mapping[str, object]) -> list[str]:
    raw = voice.get("languages") or []
    items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
    return [str(item).strip().lower().replace("_", "-") for item in items]


def best_voice(
    voices: list[dict[str, object]], language: str | None = None, default: str | None = None
) -> str | None:
    """The id of the voice that speaks ``language`` best (the active language by default):
    the engine's default voice when it speaks it, else a voice of exactly that language
    (``de``), else of its home variant (``fr-fr``), else of any variant (``es-419``).
    None when no voice speaks it (the engine's default then speaks)."""
    code = normalise(language or _current)
    if code == PSEUDO:
        code = SOURCE_LANGUAGE
    home = HOME_VARIANTS.get(code, code)

    def rank(voice: dict[str, object]) -> int | None:
        languages = _voice_languages(voice)
        if str(voice.get("id")) == default and any(
            lang == code or lang.startswith(code + "-") for lang in languages
        ):
            return 0
        if code in languages:
            return 1
        if home in languages:
            return 2
        if any(lang.startswith(code + "-") for lang in languages):
            return 3
        return None

    ranked = [(r, index) for index, voice in enumerate(voices) if (r := rank(voice)) is not None]
    if not ranked:
        return None
    return str(voices[min(ranked)[1]]["id"])


def voices_first(
    voices: list[tuple[str, str, list[str]]], language: str | None = None
) -> list[tuple[str, str, list[str]]]:
    """(id, name, languages) of each voice, those of ``language`` first, in their order."""
    code = normalise(language or _current)

    def speaks(languages: list[str]) -> bool:
        return any(normalise(lang) == code for lang in languages)

    return [v for v in voices if speaks(v[2])] + [v for v in voices if not speaks(v[2])]


def side_text(side: str) -> str:
    """A set's side as it is shown beside a set ("left", "links", "gauche"); a side that
    is not one of ours is returned as it is."""
    if side == "left":
        return pgettext("side", "left")
    if side == "right":
        return pgettext("side", "right")
    return side


def short_date(day: date, english: str = "%a %d %b") -> str:
    """A day in a line of text: ``english`` (a ``strftime`` format) in English, else the
    language's short form ("Di. 1. Dez.", "mar. 1 déc.")."""
    if _current in (SOURCE_LANGUAGE, PSEUDO):
        return day.strftime(english)
    return format_date(day, short=True)


def weekday_short(day: date) -> str:
    """ "Tue", "Di.", "mar.", "mar": the short weekday in the active language."""
    return formats().weekdays_short[day.weekday()]


def status_text(status: str) -> str:
    """A recorded workout's status ("completed", "stopped", "in-progress") in the active
    language; in English the stored word itself."""
    words = {
        "completed": pgettext("status", "completed"),
        "stopped": pgettext("status", "stopped"),
        "in-progress": pgettext("status", "in-progress"),
    }
    return words.get(status, status)


def load_text(text: str) -> str:
    """A load as shown and said: "bodyweight" in the language, numbers its way
    ("42,5 kg"); a load in the user's own words stays as written but for its numbers."""
    if text == "bodyweight":
        return pgettext("load", "bodyweight")
    return localise_numbers(text)
