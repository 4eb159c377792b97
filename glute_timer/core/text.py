"""Texts that are safe to print, to store and to hand to a spreadsheet.

Names, notes and loads come from files other people wrote (a shared protocol, an imported
history). A terminal obeys the control characters in them (``ESC [2J`` clears the screen,
an OSC sequence renames the window, ``\\r`` overwrites the line), a spreadsheet runs a cell
that starts with ``=``, and SQLite cannot store a lone surrogate (what Python makes of a
file name that is not valid UTF-8). The helpers here deal with each, in one place.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import Any, Final

BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that reorder the text around them on screen (the "Trojan Source" trick)."""

_UNSAFE_CATEGORIES: Final = frozenset({"Cc", "Cs", "Zl", "Zp"})

# Characters json.dumps(ensure_ascii=False) leaves raw but a terminal may obey: DEL, the C1
# controls (0x9b is a one-byte CSI), the line and paragraph separators, the bidi controls.
_JSON_RAW_UNSAFE: Final = re.compile("[\x7f-\x9f\u2028\u2029" + "".join(BIDI_CONTROLS) + "]")

FORMULA_STARTS: Final = frozenset("=+-@\t\r")
"""A spreadsheet cell starting with one of these is a formula (OWASP's list)."""


def is_unsafe(char: str) -> bool:
    """A control character, a lone surrogate, a line or paragraph separator, a bidi control."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES or char in BIDI_CONTROLS


def first_unsafe(text: str, allowed: str = "") -> int | None:
    """The index of the first unsafe character of ``text`` not in ``allowed``, or None."""
    if text.isprintable():
        return None
    for index, char in enumerate(text):
        if char not in allowed and is_unsafe(char):
            return index
    return None


def describe_char(char: str) -> str:
    """``U+001B (ESC)`` for error messages."""
    names = {"\x00": "NUL", "\x1b": "ESC", "\t": "tab", "\n": "line feed", "\r": "return"}
    code = f"U+{ord(char):04X}"
    name = names.get(char) or unicodedata.name(char, "").lower()
    return f"{code} ({name})" if name else code


def printable(text: object, keep: str = "") -> str:
    """``text`` with every unsafe character (but those in ``keep``) written as a visible
    escape (``\\x1b``).

    For anything that reaches a terminal: the text reads the same, and nothing in it can
    move the cursor, clear the screen, rename the window or reorder the line.
    """
    if not isinstance(text, str):  # another tool wrote a number where a text belongs
        text = str(text)
    if text.isprintable():
        return text
    return "".join(_escape(char) if char not in keep and is_unsafe(char) else char for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\t\n\r":
        return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def json_line(value: Any) -> str:
    """``json.dumps`` for a terminal: non-ASCII text stays readable, and the characters a
    terminal would obey are escaped too (the result is the same JSON value)."""
    text = json.dumps(value, ensure_ascii=False)
    if text.isascii() and "\x7f" not in text:
        return text
    return _JSON_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", _escape_surrogates(text))


def _escape_surrogates(text: str) -> str:
    # A lone surrogate (from a file name that is not UTF-8) cannot be written out as UTF-8;
    # JSON can carry it as an escape.
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return "".join(f"\\u{ord(char):04x}" if "\ud800" <= char <= "\udfff" else char for char in text)


def storable(text: str) -> str:
    """``text`` as SQLite and UTF-8 files can hold it.

    Python reads a file name that is not valid UTF-8 (a Latin-1 ``café.toml`` from an old
    USB stick) with "surrogate escapes", which no UTF-8 encoder accepts. Such a name is read
    again as Latin-1 (what it most likely was), so ``caf\\udce9`` becomes ``café``.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape") if _only_escapes(text) else None
        if raw is None:
            return text.encode("utf-8", "replace").decode("utf-8")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return text


def _only_escapes(text: str) -> bool:
    """Every surrogate in ``text`` is one of the escapes surrogateescape makes."""
    return all(not ("\ud800" <= c <= "\udfff") or "\udc80" <= c <= "\udcff" for c in text)


def file_stem(name: str) -> str:
    """An id from a file name (``os.fsdecode``'d), storable whatever its bytes were."""
    return storable(os.fsdecode(name))


def neutralise_formula(cell: str) -> str:
    """A cell a spreadsheet will not run: a leading ``'`` when it would start a formula.

    A cell that already starts with quotes followed by a formula character gets one more,
    so ``restore_formula`` gives back exactly the original text.
    """
    if cell and cell.lstrip("'")[:1] in FORMULA_STARTS:
        return "'" + cell
    return cell


def restore_formula(cell: str) -> str:
    """The text ``neutralise_formula`` was given."""
    if cell.startswith("'") and cell.lstrip("'")[:1] in FORMULA_STARTS:
        return cell[1:]
    return cell
