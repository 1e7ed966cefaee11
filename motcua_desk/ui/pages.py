"""The window's page registry: what each page is built from and which of the window's calls it
takes, written down once instead of asked with `hasattr` at run time.

A page may take any of four calls: `set_desk()` (the desk's picture was loaded again),
`on_changed(changes)` (the DB worker changed data), `handle_scan(code, repeated)` (a dossier
barcode scanned while it is in front: the page decides, not the window) and a focus call when
it is shown (`focus_first`, or the search box of the dossier list). A page added to the window
gets a row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    """How the window treats one page. `focus`: the name of the method that puts the cursor
    where the officer starts on it ("" for none)."""

    name: str
    focus: str = ""
    set_desk: bool = False
    on_changed: bool = False
    handle_scan: bool = False
    opens_dossiers: bool = False  # has an `open_dossier(code)` signal

    def focus_on(self, page: QWidget) -> None:
        if self.focus:
            getattr(page, self.focus)()

    def desk_loaded(self, page: QWidget) -> None:
        if self.set_desk:
            page.set_desk()


PAGE_SPECS: dict[str, PageSpec] = {
    spec.name: spec
    for spec in (
        PageSpec("intake", focus="focus_first"),
        PageSpec(
            "dossiers", focus="focus_search", set_desk=True, on_changed=True, opens_dossiers=True
        ),
        PageSpec("handoff", focus="focus_first", set_desk=True, handle_scan=True),
        PageSpec("return", focus="focus_first", on_changed=True, handle_scan=True),
        PageSpec("print", focus="focus_first", set_desk=True),
        PageSpec("settings", focus="focus_first", set_desk=True),
        PageSpec("reports", focus="focus_first", opens_dossiers=True),
        PageSpec("dossier", on_changed=True),  # DossierPage: built by MainWindow._make_page
    )
}


def page_class(name: str) -> Callable[..., QWidget]:
    """The class of a page built late (on first use): imported then, to keep start-up short."""
    from motcua_desk.ui.handoff_view import HandoffView
    from motcua_desk.ui.print_view import PrintView
    from motcua_desk.ui.reports_view import ReportsView
    from motcua_desk.ui.return_view import ReturnView
    from motcua_desk.ui.search_view import SearchView
    from motcua_desk.ui.settings_view import SettingsView

    return {
        "dossiers": SearchView,
        "handoff": HandoffView,
        "return": ReturnView,
        "print": PrintView,
        "settings": SettingsView,
        "reports": ReportsView,
    }[name]
