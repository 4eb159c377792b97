"""Speech tests: guard Qt before any test uses it."""

from __future__ import annotations

from glute_timer.qt_compat import protect_none

protect_none()  # PySide6 6.12 on CPython 3.11: see glute_timer/qt_compat.py
