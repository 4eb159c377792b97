"""The rest of a programme as an iCalendar file (RFC 5545), for any calendar app.

One ``VEVENT`` per planned session (``NextSession.planned_days``): at the reminder time of
the settings (18:00 when reminders are off), in floating local time (no time zone: each
session is at that hour wherever the calendar is), lasting as long as the workout (the
suggested one), with a ``VALARM`` 15 minutes before. Each event's ``UID`` is
``<protocol id>-<YYYYMMDD>@glute-timer``, so importing a newer calendar updates the events
instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Final

from glute_timer import __version__
from glute_timer.core.coach import NextSession
from glute_timer.core.exercises import exercise_name
from glute_timer.core.plan import workout_size

DEFAULT_TIME: Final = time(18, 0)
ALARM_BEFORE: Final = timedelta(minutes=15)


def session_time(remind_at: str | None) -> time:
    """The time of day of the sessions: the reminder time, else 18:00."""
    if remind_at:
        hours, minutes = remind_at.split(":")
        return time(int(hours), int(minutes))
    return DEFAULT_TIME


def calendar_bytes(
    coming: NextSession, at: time = DEFAULT_TIME, now: datetime | None = None
) -> bytes:
    """The programme's remaining sessions as an ``.ics`` document (CRLF line ends)."""
    from icalendar import Alarm, Calendar, Event

    now = now or datetime.now(UTC)
    protocol = coming.protocol
    suggested = coming.suggested
    duration = timedelta(seconds=max(60, round(workout_size(suggested).seconds)))
    calendar = Calendar()
    calendar.add("prodid", f"-//Glute Timer//glute-timer {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Glute Timer: {protocol.name}")
    days = coming.planned_days()
    total = coming.program_total
    first = coming.session_number or 1
    for index, day in enumerate(days):
        number = first + index
        event = Event()
        event.add("uid", f"{coming.protocol_id}-{day:%Y%m%d}@glute-timer")
        event.add("dtstamp", now)
        event.add("dtstart", datetime.combine(day, at))
        event.add("duration", duration)
        title = f"{protocol.name}: session {number}"
        event.add("summary", f"{title} of {total}" if total is not None else title)
        event.add("description", _description(coming, first=index == 0))
        event.add("categories", ["Training"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{protocol.name} in 15 minutes")
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _description(coming: NextSession, *, first: bool) -> str:
    lines = []
    for block in coming.advice.blocks:
        written = coming.protocol.blocks[block.block - 1]
        if first:
            what = f"{exercise_name(block.exercise)}: {written.sets} × {written.reps_text}"
            if not block.load.is_bodyweight:
                what += f" at {block.load.text}"
            what += f" ({block.reason})"
        else:
            what = f"{exercise_name(written.exercise)}: {written.sets} × {written.reps_text}"
        lines.append(what)
    if not first:
        lines.append("The app suggests the load on the day, from how the last sessions went.")
    lines.append(f"Start: glute-timer run {coming.protocol_id}")
    return "\n".join(lines)
