"""A rest made longer or shorter while it runs (``Session.adjust_rest``): which steps may
change, the event that says so, and where the plan's cues resume on the moved timeline."""

from __future__ import annotations

from dataclasses import dataclass

from glute_timer.core.plan import Plan, Step

REST_PHASES = ("rest", "switch")
"""The steps whose length the user may change while they run."""


@dataclass(frozen=True)
class RestAdjusted:
    """The running rest (or switch) was made ``delta`` seconds longer (shorter when
    negative): every deadline from ``at`` on moved by exactly ``delta``. ``requested`` is
    what was asked; ``delta`` differs only when a shortening would have passed the rest's
    end (the rest then ends at ``at``). ``step_due`` is the clock reading at which
    ``step`` starts on the moved timeline (later than its real start after a lengthening
    bigger than the time already rested)."""

    step: Step
    delta: float
    requested: float
    at: float
    step_due: float


def rest_change(plan: Plan, step: Step, offset: float, seconds: float) -> tuple[float, int]:
    """For ``step`` running at plan ``offset``, asked to last ``seconds`` longer: the
    change that applies (never past the rest's end: ``offset - delta`` stays within the
    step) and the index of the first cue still to come on the moved timeline (a
    lengthening brings back the rest's cues from the new position on; a shortening
    passes over those of the seconds it removes). A change of 0 means nothing to do."""
    delta = max(seconds, offset - step.end)
    position = max(offset - delta, step.start)
    cues = plan.cues
    index = plan.first_cue_from(position)
    while index < len(cues) and cues[index].step < step.index:
        index += 1
    return delta, index
