"""Working around a reference-count bug of the PySide6 wheels on Python 3.11.

Used by the GUI, by the speech layer and by ``run --no-gui`` with sound: call
:func:`protect_none` after importing PySide6 and before using Qt much.

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
