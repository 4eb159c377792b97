"""Shared test configuration: Qt renders offscreen, so no display is needed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's multimedia warnings (no audio server in CI) are not our failures.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
