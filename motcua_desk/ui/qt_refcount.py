"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Converting an invalid QVariant to Python (a QObject.property() that is not set, a
QModelIndex.data() of a role the model has no value for, and once per repaint of an item view
whose model answers None for a role) returns Python's None without taking a reference. On
Python 3.12 and later None is immortal and nothing happens; on 3.11 each such call lowers None's
reference count by one, and once it reaches zero the interpreter aborts with "Fatal Python error:
none_dealloc" (exit code 134) - after a long benchmark run, or after hours of repaints of the
counter window. PySide6-Pdf pins PySide6-Essentials==6.12.0, so no other version can be chosen.

`make_none_immortal()` does what Python 3.12 does: it gives None a reference count so large that
no number of missing references can bring it to zero. It checks through sys.getrefcount that
it changed the right field, and undoes the change if not (a debug build with a different object
layout); it does nothing on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

BALLAST = sys.maxsize // 4  # what 3.12 calls an immortal reference count is about this size

_done = False


def make_none_immortal() -> bool:
    """True when None is (now) safe from the missing references; idempotent."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return True
    if hasattr(sys, "getobjects"):  # a Py_TRACE_REFS build: another object layout
        return False
    field = ctypes.c_ssize_t.from_address(id(None))  # PyObject.ob_refcnt, the first field
    before = sys.getrefcount(None)
    if field.value <= 0 or field.value > BALLAST:
        return False
    field.value += BALLAST
    if sys.getrefcount(None) - before != BALLAST:
        field.value -= BALLAST
        return False
    _done = True
    return True
