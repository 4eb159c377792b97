"""Any value of any type for any setting is either used, or reported and replaced by its
default with the damaged file kept aside; nothing crashes at start-up.

A 401-digit integer for ``volume`` used to crash every command and the window, and the
file was not moved aside. The keys are read from ``Settings`` itself, so settings added
later are covered too.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import cli

from glute_timer.context import AppContext
from glute_timer.core.paths import AppPaths
from glute_timer.core.settings import Settings, fields, load_settings, validate

KEYS = Settings._fields
DEFAULTS = Settings()
HUGE = int("9" * 401)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**450), max_value=10**450),
    st.sampled_from([HUGE, -HUGE, 2**63, -(2**63) - 1, 0, 1, -1, 80, 400, 120]),
    st.floats(),  # with NaN and the infinities
    st.sampled_from([0.0, -0.0, 1.0, 0.5, 1e308, -1e-308]),
    st.text(max_size=30),
    st.sampled_from(["system", "light", "dark", "kg", "lb", "", "\x1b[2J", "\x00"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def _write(path: Path, data: dict[str, Any]) -> bytes:
    raw = json.dumps(data).encode()  # NaN and Infinity as Python's json writes them
    path.write_bytes(raw)
    return raw


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(key=st.sampled_from(KEYS), value=values, other=st.sampled_from(["dark", "light"]))
def test_any_value_is_used_or_reported_and_replaced(
    tmp_path: Path, key: str, value: Any, other: str
) -> None:
    folder = tmp_path / f"case-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    path = folder / "settings.json"
    data = {"theme": other, key: value} if key != "theme" else {key: value}
    raw = _write(path, data)
    loaded = load_settings(path)  # never raises
    validate(loaded.settings)  # and whatever it gives is valid
    used = getattr(loaded.settings, key)
    if loaded.warning is None:
        expected = float(value) if float in fields()[key].types else value
        assert _same(used, expected), (key, value, used)
        assert path.read_bytes() == raw  # a good file stays as it is
    else:
        assert _same(used, getattr(DEFAULTS, key)), (key, value, used)
        assert key in loaded.warning and "defaults are in use" in loaded.warning
        assert len(loaded.warning.splitlines()) == 1
        assert loaded.backup is not None and loaded.backup.read_bytes() == raw  # kept aside
        assert not path.exists()
    if key != "theme":
        assert loaded.settings.theme == other  # the other, good values are used


@pytest.mark.parametrize("key", [k for k in KEYS if isinstance(getattr(DEFAULTS, k), int | float)])
def test_a_number_too_big_for_its_setting(tmp_path: Path, key: str) -> None:
    base = tmp_path / "base"
    path = AppPaths.from_basedir(base).settings_file
    path.parent.mkdir(parents=True)
    path.write_text(f'{{"{key}": {"9" * 401}, "units": "lb"}}', encoding="utf-8")
    context = AppContext.create(base)
    assert getattr(context.settings, key) == getattr(DEFAULTS, key)
    assert context.settings.units == "lb"
    assert len(context.warnings) == 1 and key in context.warnings[0]
    assert list(path.parent.glob("settings.json.corrupt-*"))
    path.write_text(f'{{"{key}": -{"9" * 401}}}', encoding="utf-8")
    result = cli(base, "presets")
    assert result.returncode == 0 and "pre-run" in result.stdout
    assert "Traceback" not in result.stderr and key in result.stderr
    assert len(list(path.parent.glob("settings.json.corrupt-*"))) == 2  # never over the first


def test_numbers_past_what_json_reads_are_damage_too(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"rate": ' + "9" * 5000 + "}", encoding="utf-8")  # over 4,300 digits
    loaded = load_settings(path)
    assert loaded.settings == DEFAULTS and loaded.backup is not None
