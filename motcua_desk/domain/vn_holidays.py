"""Vietnam's holidays from the ``holidays`` package without importing its other countries.

``holidays.countries``'s ``__init__`` imports every country the package knows (about 150, 60 ms
of the 110 ms it takes to get Vietnam the documented way). The package itself loads countries
lazily; only that ``__init__`` does not. So Vietnam's module is imported with a stand-in for
the ``holidays.countries`` package that only says where its files are, and the stand-in is
taken away again at once: the package stays as it was, and a later ``country_holidays`` of any
country works as always (it finds this Vietnam module already imported). When anything in that
differs in a later release of ``holidays``, the documented call is used instead: only the cost
is at stake, never the days (tests/domain/test_vn_holidays.py compares both ways).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

_PACKAGE = "holidays.countries"


def vietnam(language: str = "vi") -> HolidayBase:
    """holidays.country_holidays("VN", language=language), importing Vietnam's module only."""
    import holidays

    try:
        cls = _vietnam_class(holidays)
    except Exception:  # noqa: BLE001 - a release laid out differently: the documented way
        cls = None
    if cls is None:
        return holidays.country_holidays("VN", language=language)
    return cls(language=language)


def _vietnam_class(holidays: types.ModuleType) -> type | None:
    if _PACKAGE in sys.modules:  # already imported the usual way: nothing to save
        return None
    stand_in = types.ModuleType(_PACKAGE)
    stand_in.__path__ = [f"{holidays.__path__[0]}/countries"]
    stand_in.__package__ = _PACKAGE
    had = holidays.__dict__.get("countries", _MISSING)
    sys.modules[_PACKAGE] = stand_in
    try:
        from holidays.countries.vietnam import Vietnam
    finally:
        if sys.modules.get(_PACKAGE) is stand_in:
            del sys.modules[_PACKAGE]
        if holidays.__dict__.get("countries", _MISSING) is stand_in:
            if had is _MISSING:
                del holidays.countries
            else:
                holidays.countries = had
    return Vietnam


_MISSING = object()
