"""The workout as a media player names it: one line for the desktop's media controls,
a headset's display and the phone remote's title, in the active language."""

from __future__ import annotations

from glute_timer.core.display import Display
from glute_timer.core.i18n import _
from glute_timer.core.plan import SetSpan
from glute_timer.core.session import State


def _set_name(span: SetSpan) -> str:
    if span.side == "left":
        return _("{exercise}, left side").format(exercise=span.exercise_name)
    if span.side == "right":
        return _("{exercise}, right side").format(exercise=span.exercise_name)
    return span.exercise_name


def media_title(display: Display) -> str:
    """ "Barbell hip thrust · set 2 of 3 · rep 6 of 15" inside a set; outside one, what
    comes: "Rest · next: Barbell hip thrust, set 3 of 3"."""
    if display.state is State.FINISHED or display.phase == "done":
        return _("Workout complete")
    if display.state is State.STOPPED:
        return _("Workout stopped")
    span = display.span
    if display.in_set and span is not None:
        parts = [_set_name(span), _("set {set} of {sets}").format(set=span.set, sets=span.sets)]
        if display.rep:
            parts.append(_("rep {rep} of {target}").format(rep=display.rep, target=span.target))
        return " · ".join(parts)
    if span is None:
        return display.phase_label
    return _("{phase} · next: {exercise}, set {set} of {sets}").format(
        phase=display.phase_label, exercise=_set_name(span), set=span.set, sets=span.sets
    )
