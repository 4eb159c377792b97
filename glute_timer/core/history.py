"""The training history: every completed set in SQLite, never lost (work in progress)."""

from __future__ import annotations

from glute_timer.context import AppContext
from glute_timer.core.plan import Plan
from glute_timer.core.session import Event


class HistoryRecorder:
    """A session listener that records each completed set the moment it arrives."""

    def __init__(self, context: AppContext, plan: Plan, protocol_id: str) -> None:
        self.context = context
        self.plan = plan
        self.protocol_id = protocol_id
        self.problem: str | None = None

    def __call__(self, event: Event) -> None:
        return None


def open_history_recorder(context: AppContext, plan: Plan, protocol_id: str) -> HistoryRecorder:
    return HistoryRecorder(context, plan, protocol_id)
