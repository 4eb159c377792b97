"""The workout as a media player names it: one line for the desktop's media controls,
a headset's display and the phone remote's title."""

from __future__ import annotations

from glute_timer.core.display import Display
from glute_timer.core.plan import SetSpan
from glute_timer.core.session import State


def _set_name(span: SetSpan) -> str:
    side = f", {span.side} side" if span.side else ""
    return f"{span.exercise_name}{side}"


def media_title(display: Display) -> str:
    """ "Barbell hip thrust · set 2 of 3 · rep 6 of 15" inside a set; outside one, what
    comes: "Rest · next: Barbell hip thrust, set 3 of 3"."""
    if display.state is State.FINISHED or display.phase == "done":
        return "Workout complete"
    if display.state is State.STOPPED:
        return "Workout stopped"
    span = display.span
    if display.in_set and span is not None:
        parts = [_set_name(span), f"set {span.set} of {span.sets}"]
        if display.rep:
            parts.append(f"rep {display.rep} of {span.target}")
        return " · ".join(parts)
    if span is None:
        return display.phase_label
    return f"{display.phase_label} · next: {_set_name(span)}, set {span.set} of {span.sets}"
