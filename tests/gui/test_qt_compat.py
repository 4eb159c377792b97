"""The PySide6 workarounds: our answers to PySide's source scan match what it would find."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  (loads PySide's support modules)
import pytest

import glute_timer
from glute_timer.qt_compat import own_modules, skip_source_scan

PACKAGE = Path(glute_timer.__file__).parent


def package_sources() -> dict[str, str]:
    sources = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        sources[name] = path.read_text(encoding="utf-8")
    return sources


def test_every_module_of_ours_is_found_from_the_package_itself() -> None:
    sources = package_sources()
    assert set(own_modules()) == set(sources)  # derived from the package: none forgotten
    for name, source in sources.items():
        if name.startswith("glute_timer.core"):
            assert "PySide6" not in source, name  # the core never touches Qt
        # Our modules use no __feature__ switching: "ignore" (-1) behaves as "none" (0).
        assert "from __feature__ import" not in source.replace("``from __feature__", ""), name


def feature_table() -> dict[str, int]:
    table = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert isinstance(table, dict)
    return table


def test_the_scan_results_are_filled_in_and_pysides_own_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = feature_table()
    monkeypatch.delitem(table, "tomllib", raising=False)
    monkeypatch.delitem(table, "glute_timer.gui.workout_page", raising=False)
    monkeypatch.setitem(table, "glute_timer.core.plan", 7)  # an answer already there
    assert skip_source_scan() >= 2
    assert table["tomllib"] == -1  # the standard library, loaded or not
    assert table["glute_timer.gui.workout_page"] == -1  # ours: "ignore" (no features)
    assert table["glute_timer.core.plan"] == 7
    assert skip_source_scan() == 0  # nothing left to add


def test_a_module_imported_afterwards_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspect

    read: list[str] = []
    real = inspect.getsource

    def spy(obj: object) -> str:
        read.append(getattr(obj, "__name__", "?"))
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", spy)
    monkeypatch.delitem(sys.modules, "tabnanny", raising=False)
    monkeypatch.delitem(feature_table(), "tabnanny", raising=False)
    __import__("tabnanny")  # an import statement: through PySide's hook
    if "tabnanny" not in read:  # then skip_source_scan() is no longer needed
        pytest.skip("this PySide6 does not read the source of imported modules")
    read.clear()
    monkeypatch.delitem(sys.modules, "tabnanny")
    monkeypatch.delitem(feature_table(), "tabnanny")  # forget the scan's answer
    skip_source_scan()
    assert feature_table()["tabnanny"] == -1
    __import__("tabnanny")  # an import statement: through PySide's hook
    assert "tabnanny" not in read


def test_without_the_scan_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", None)  # type: ignore[arg-type]
    assert skip_source_scan() == 0


def test_the_app_keeps_its_small_fills_off_qts_thread_pool(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glute_timer.gui.app import make_application

    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    make_application()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "yes")  # the user's own setting stays
    make_application()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "yes"
