"""Access to the files shipped in ``resources/`` (inside the wheel as ``glute_timer.resources``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


@cache
def resource_root() -> Traversable:
    try:
        return resources.files("glute_timer.resources")
    except ModuleNotFoundError:
        # Running from a source checkout that shadows the installed package: the
        # folder sits beside the package, as in the repository.
        return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Traversable:
    node = resource_root()
    for part in parts:
        node = node / part
    return node
