"""Speech test helpers: is a real engine here, and short plans to run.

A module of its own (not conftest) so that importing it never picks up another test
folder's conftest."""

from __future__ import annotations

import ctypes.util
import sys
from typing import Any

import pytest

from glute_timer.core.plan import Plan, build_plan
from glute_timer.core.protocol import protocol_from_dict

HAVE_ESPEAK = sys.platform != "linux" or bool(
    ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak")
)
needs_espeak = pytest.mark.skipif(not HAVE_ESPEAK, reason="libespeak-ng1 is not installed")


def short_plan(**block: Any) -> Plan:
    data: dict[str, Any] = {
        "format": 1,
        "name": "Short",
        "lead_in": block.pop("lead_in", 2),
        "block": [
            {
                "exercise": "glute-bridge",
                "sets": 1,
                "reps": 2,
                "tempo": {"lift": 1, "hold": 1, "lower": 1},
                **block,
            }
        ],
    }
    return build_plan(protocol_from_dict(data))
