"""A protocol file's problems: ``ProtocolError`` and the checks of its values.

Every reason is in the user's language (``core.i18n``), looked up when the problem is
found; what it names stays as the file has it: the file's path, the key (``reps``,
``block[2].tempo.hold``), the value as written, the allowed keys and choices.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from glute_timer.core.i18n import _
from glute_timer.core.text import describe_char, first_unsafe


class ProtocolError(ValueError):
    """A protocol that cannot be used. ``str()`` is one line: ``file: key: reason``."""

    def __init__(self, source: str, key: str, reason: str) -> None:
        self.source = source
        self.key = key
        self.reason = reason
        where = f"{source}: {key}: " if key else f"{source}: "
        super().__init__(_one_line(f"{where}{reason}"))


def _one_line(text: str) -> str:
    """Escape line breaks and other unprintable characters (a key may contain them)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def control_problem(value: str, allowed: str = "") -> str | None:
    """Texts reach terminals, logs and spreadsheets: no escape sequences, no NULs,
    no carriage returns (line breaks only where ``allowed``), no bidi overrides."""
    index = first_unsafe(value, allowed)
    if index is None:
        return None
    return _("must not contain control characters ({char} at character {position})").format(
        char=describe_char(value[index]), position=index + 1
    )


class Validator:
    """The checks of one protocol. By default the first problem raises ProtocolError;
    with ``collect`` every problem is kept in ``problems`` and the check goes on with the
    value's default (see ``protocol.protocol_problems``)."""

    def __init__(self, source: str, *, collect: bool = False) -> None:
        self.source = source
        self.collect = collect
        self.problems: list[ProtocolError] = []

    def fail(self, key: str, reason: str) -> None:
        error = ProtocolError(self.source, key, reason)
        if not self.collect:
            raise error
        self.problems.append(error)

    def unknown_keys(self, data: Mapping[str, Any], allowed: frozenset[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                self.fail(
                    prefix + key,
                    _("unknown key (allowed: {keys})").format(keys=", ".join(sorted(allowed))),
                )

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        default: str = "",
        *,
        max_len: int,
        required: bool = False,
        allow_empty: bool = False,
        multiline: bool = False,
        prefix: str = "",
    ) -> str:
        if key not in data:
            if required:
                self.fail(prefix + key, _("missing"))
            return default
        value = data[key]
        if not isinstance(value, str):
            self.fail(prefix + key, _("must be text, not {value}").format(value=repr(value)))
            return default
        unsafe = control_problem(value, allowed="\t\n\r" if multiline else "")
        if unsafe is not None:
            self.fail(prefix + key, unsafe)
            return default
        value = value.strip()
        if not value and not allow_empty:
            self.fail(prefix + key, _("must not be empty"))
            return default
        if len(value) > max_len:
            self.fail(prefix + key, _("at most {limit} characters").format(limit=max_len))
            return value[:max_len]
        return value

    def integer(
        self,
        data: Mapping[str, Any],
        key: str,
        default: int,
        *,
        minimum: int,
        maximum: int,
        prefix: str = "",
    ) -> int:
        if key not in data:
            return default
        value = data[key]
        if type(value) is not int:
            self.fail(
                prefix + key, _("must be a whole number, not {value}").format(value=repr(value))
            )
            return default
        if not minimum <= value <= maximum:
            self.fail(
                prefix + key,
                _("must be between {minimum} and {maximum}, not {value}").format(
                    minimum=minimum, maximum=maximum, value=value
                ),
            )
            return default
        return value

    def seconds(
        self,
        data: Mapping[str, Any],
        key: str,
        default: float,
        *,
        minimum: float,
        maximum: float,
        prefix: str = "",
    ) -> float:
        if key not in data:
            return default
        value = data[key]
        if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)):
            self.fail(
                prefix + key,
                _("must be a number of seconds, not {value}").format(value=repr(value)),
            )
            return default
        try:
            seconds = float(value)
        except OverflowError:  # an integer too large for a float
            seconds = math.inf if value > 0 else -math.inf
        if seconds < minimum:
            # The numbers as a protocol file writes them (TOML's 0.5), in every language.
            if minimum > 0:
                reason = _("must be positive (at least {minimum} s), not {value}")
            else:
                reason = _("must be zero or more (at least {minimum} s), not {value}")
            self.fail(prefix + key, reason.format(minimum=f"{minimum:g}", value=repr(value)))
            return default
        if seconds > maximum:
            self.fail(
                prefix + key,
                _("{value} s is too long (at most {maximum} s)").format(
                    value=repr(value), maximum=f"{maximum:g}"
                ),
            )
            return default
        return seconds

    def boolean(
        self, data: Mapping[str, Any], key: str, default: bool, *, prefix: str = ""
    ) -> bool:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.fail(
                prefix + key, _("must be true or false, not {value}").format(value=repr(value))
            )
            return default
        return value
