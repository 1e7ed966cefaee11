"""The dossier list: one box, filters, and pages fetched as the officer scrolls."""

from __future__ import annotations

import pytest

from motcua_desk.app import open_services
from motcua_desk.ui.models import PAGE_SIZE
from tests.helpers import FakeClock, local
from tests.perf.bigdb import make_big_db


@pytest.fixture
def big_services(tmp_path):
    path = make_big_db(10_000, tmp_path / "big.sqlite3")
    svc = open_services(path, clock=FakeClock(local(2026, 11, 23, 9, 0)))
    yield svc
    svc.close()


def test_fetches_more_on_scroll_never_all(make_window, big_services, qtbot):
    window = make_window(big_services)
    view = window.go("dossiers")
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5000)
    assert model.canFetchMore()
    first_page = [model.row(i).pk for i in range(model.rowCount())]
    assert first_page == sorted(first_page, reverse=True)  # newest first
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=5000)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() == 3 * PAGE_SIZE, timeout=5000)
    pks = [model.row(i).pk for i in range(model.rowCount())]
    assert len(set(pks)) == len(pks) and pks == sorted(pks, reverse=True)
    assert model.rowCount() < 10_000


def test_search_box_and_filters(make_window, big_services, qtbot):
    window = make_window(big_services)
    view = window.go("dossiers")
    model = view.model
    view.search_edit.setText("nguyen van")
    view.search()
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading, timeout=5000)
    assert all("Nguyễn Văn" in model.row(i).applicant_name for i in range(model.rowCount()))
    view.status_combo.setCurrentIndex(view.status_combo.findData("returned"))
    view.search()
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    assert model.rowCount() and all(
        model.row(i).status == "returned" for i in range(model.rowCount())
    )
    # a code typed in full, Enter, then Enter on the row opens it
    code = model.row(0).code
    view.status_combo.setCurrentIndex(0)
    view.search_edit.setText(code)
    view.search()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000) as shown:
        view.table.activated.emit(model.index(0, 0))
    assert shown.args == [code]


def test_enter_on_the_only_hit_opens_it_and_a_tail_finds_the_code(window, services, qtbot):
    from PySide6.QtCore import Qt

    from motcua_desk.services import IntakeRequest

    made = [
        services.dossiers.intake(IntakeRequest("1.004873", f"Đinh Văn {i}")).dossier
        for i in range(3)
    ]
    view = window.go("dossiers")
    view.search_edit.setFocus()
    tail = made[1].code.rsplit("-", 1)[1]  # "0011": the number read off the slip
    qtbot.keyClicks(view.search_edit, tail)
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000) as shown:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)  # before the typing pause ends
    assert shown.args == [made[1].code]
    # several hits: Enter moves to the list, nothing opens by itself
    view = window.go("dossiers")
    view.search_edit.setText("dinh van")
    view.search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3 and not view.model.loading, timeout=5000)
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.table.hasFocus() and window.current_page() == "dossiers"
