"""Working around two costs of the PySide6 wheels: a reference-count bug on Python 3.11,
and a source scan of every module imported after PySide6.

Used by the GUI, by the speech layer and by ``run --no-gui`` with sound: call
:func:`protect_none` after importing PySide6 and before using Qt much. The GUI also calls
:func:`skip_source_scan` right after importing PySide6, before its own Qt modules.

The PySide6 6.12 wheels (built once for every Python from 3.10, ``abi3``) hand back
``None``, ``True`` and ``False`` without taking a reference to them: every method without
result (``update()``, ``setText()``, ``setPen()``, ...) and every ``signal.emit()`` (which
returns ``True``). From Python 3.12 these objects are immortal and this does no harm; on
3.10 and 3.11 each call takes one reference away, and after some thousands of calls Python
aborts with "none_dealloc: deallocating None" (or "bool_dealloc"). A running workout
makes a few hundred such calls a second, so the app would die within a minute.

We measure whether the bug is present and, only then, give these three objects enough
references to outlive any session (2**40: at a million lost references a second, 12
days), which is what Python 3.12 does for them by design. Remove this once the supported
PySide6 or Python no longer needs it.
"""

from __future__ import annotations

import ctypes
import os
import sys

RESERVE = 1 << 40


def loses_none_references() -> bool:
    """True when a Qt method without result takes a reference from ``None``."""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QTimer

    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(16):
        timer.stop()
    return sys.getrefcount(None) < before


def protect_none() -> bool:
    """Apply the workaround when needed; True when it was applied (once is enough)."""
    if not loses_none_references() or sys.getrefcount(None) > RESERVE // 2:
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += RESERVE
    return True


# The source scan
# ---------------
# Once PySide6 is imported, it checks every module imported after it, and every name an
# import statement names for the first time (``import os`` where os is long loaded), by
# reading the module's whole source and looking for the word "PySide6". It does this to
# support ``from __feature__ import snake_case`` (feature switching per module), which
# this app never uses; the answers go into ``pyside_feature_dict`` of PySide's support
# module ``shibokensupport.feature``: 0 for "mentions PySide6", -1 for "ignore". That is
# about 2.5 ms of reading before the window's first paint, and more for each page built
# after it. :func:`skip_source_scan` answers -1 up front for our own modules and for the
# standard library, so PySide never reads them: "ignore" only turns off the per-module
# feature switching, which the app never uses (for a module that names PySide6 the scan
# would answer 0, "no features": the same behaviour).


def own_modules() -> list[str]:
    """Every module of the package, found from the package itself: nothing to keep up to
    date by hand. Its folders are listed (no imports; ``pkgutil`` alone costs 2 ms before
    the first paint); a frozen app, whose modules are in an archive, asks ``pkgutil``."""
    import glute_timer

    names = ["glute_timer"]
    folders = [(root, "glute_timer.") for root in glute_timer.__path__]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py") and entry.name != "__init__.py":
                names.append(prefix + entry.name[:-3])
            elif entry.is_dir() and os.path.exists(os.path.join(entry.path, "__init__.py")):
                names.append(prefix + entry.name)
                folders.append((entry.path, f"{prefix}{entry.name}."))
    if len(names) == 1:
        import pkgutil

        names += [i.name for i in pkgutil.walk_packages(glute_timer.__path__, "glute_timer.")]
    return names


def skip_source_scan() -> int:
    """Give PySide6 the results of its source scan up front (see above).

    Covers our modules, every top-level module of the standard library and the standard
    library's submodules already loaded (none of them names PySide6). Results PySide
    already has are kept. Returns how many names were added; 0 when this PySide6 has no
    such scan (then nothing is done).
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    before = len(table)
    stdlib = sys.stdlib_module_names
    names = [name for name in list(sys.modules) if name.partition(".")[0] in stdlib]
    for name in (*stdlib, *names, *own_modules()):
        table.setdefault(name, -1)
    return len(table) - before
