"""Shared test configuration: Qt renders offscreen, so no display is needed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's multimedia warnings (no audio server in CI) are not our failures.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

# In CI (CI=true) hypothesis draws the same examples every run, so a landing never hangs on
# luck; on developers' machines it explores new ones each time and finds what CI cannot.
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
