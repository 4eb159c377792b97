"""A guard against a reference-count bug of the PySide6 6.12 wheels on CPython 3.11.

Measured here (PySide6 6.12.0, CPython 3.11.7): every call of a Qt method that returns
nothing (``QTimer.start``, ``QCoreApplication.processEvents``, ``QSoundEffect.play`` ...)
takes one reference from ``None`` that it never gave, and passing ``True``/``False`` does
the same to those. Python 3.12 made these objects immortal, which hides the bug there; on
3.11 a few thousand calls bring ``None``'s count to zero and the interpreter aborts with
"Fatal Python error: none_dealloc" (a terminal workout of 20 s did, at exit).

:func:`guard_singletons` lends each of them a very large number of references once, which
is what immortality amounts to. It must run before Qt is used much; calling it twice is
harmless.
"""

from __future__ import annotations

import ctypes
import sys

_LOAN = 1 << 40
_done = False


def guard_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in CPython 3.11's object layout.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _LOAN
    _done = True
