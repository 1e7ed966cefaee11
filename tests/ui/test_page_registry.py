"""The page registry (ui/pages.py) says which of the window's calls each page takes, in place
of run-time `hasattr` checks: it must agree with the page classes, both ways, so a page that
gains or loses one of those methods fails here instead of being silently skipped."""

from __future__ import annotations

import pytest

from motcua_desk.ui.dossier_page import DossierPage
from motcua_desk.ui.intake_view import IntakeView
from motcua_desk.ui.pages import PAGE_SPECS, page_class
from motcua_desk.ui.window_layout import PAGES


def _class(name: str) -> type:
    return {"intake": IntakeView, "dossier": DossierPage}.get(name) or page_class(name)


def test_every_page_has_a_spec() -> None:
    assert set(PAGE_SPECS) == set(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_spec_matches_the_class(name: str) -> None:
    spec, cls = PAGE_SPECS[name], _class(name)
    assert spec.set_desk == hasattr(cls, "set_desk")
    assert spec.handle_scan == hasattr(cls, "handle_scan")
    assert spec.on_changed == hasattr(cls, "on_changed")
    if hasattr(cls, "focus_first"):
        assert spec.focus == "focus_first"
    assert not spec.focus or callable(getattr(cls, spec.focus, None))
    assert spec.opens_dossiers == hasattr(cls, "open_dossier")
