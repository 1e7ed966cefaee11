"""First start: the wizard sets up the desk, or the clearly marked demo agency."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWizard

from motcua_desk.app import open_services
from tests.helpers import FakeClock


def fresh(tmp_path):
    return open_services(tmp_path / "new.sqlite3", clock=FakeClock())


def test_wizard_sets_up_the_desk(make_window, tmp_path, qtbot):
    svc = fresh(tmp_path)
    try:
        window = make_window(svc, wait_ready=False)
        qtbot.waitUntil(
            lambda: window._wizard is not None and window._wizard.isVisible(), timeout=5000
        )
        wizard = window._wizard
        wizard.next()
        page = wizard.agency
        page.agency_id.setText("not an id!")
        page.agency_name.setText("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ NÀ PÀI")
        page.parent_name.setText("UBND XÃ NÀ PÀI")
        page.place.setText("Nà Pài")
        wizard.next()
        assert wizard.currentPage() is page and page.error.text()  # stays, says why
        page.agency_id.setText("000.12.34.H01")
        wizard.next()
        assert wizard.currentPage() is wizard.desk
        wizard.desk.desk_no.setValue(2)
        wizard.desk.officer.setText("12345")  # not a name
        wizard.next()
        assert wizard.currentPage() is wizard.desk and wizard.desk.error.text()
        wizard.desk.officer.setText("Hà Thị Mai")
        wizard.next()
        # a summary before anything is fixed
        assert wizard.currentPage() is wizard.summary
        summary = wizard.summary.summary.text()
        for shown in (
            "000.12.34.H01",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ NÀ PÀI",
            "UBND XÃ NÀ PÀI",
            "Nà Pài",
            "Hà Thị Mai",
            "000.12.34.H01-YYMMDD-0002",
        ):
            assert shown in summary, shown
        assert not svc.settings.is_initialised()
        with qtbot.waitSignal(window.ready, timeout=10_000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
        info = svc.settings.agency()
        assert (info.agency_id, info.desk_no, info.officer, info.demo) == (
            "000.12.34.H01",
            2,
            "Hà Thị Mai",
            False,
        )
        assert "Hà Thị Mai" in window.officer_label.text()
        assert "000.12.34.H01" in window.desk_label.text()
        assert not window.demo_banner.isVisible()
    finally:
        svc.close()


def test_demo_path_is_clearly_marked(make_window, tmp_path, qtbot):
    svc = fresh(tmp_path)
    try:
        window = make_window(svc, wait_ready=False)
        qtbot.waitUntil(
            lambda: window._wizard is not None and window._wizard.isVisible(), timeout=5000
        )
        wizard = window._wizard
        wizard.welcome.demo.setChecked(True)
        wizard.next()
        assert wizard.currentPage() is wizard.demo
        with qtbot.waitSignal(window.ready, timeout=10_000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
        info = svc.settings.agency()
        assert info.demo and info.agency_id == "000.00.00.H99"
        assert window.demo_banner.isVisible()
        assert "DEMO" in window.windowTitle()
        assert len(svc.catalog.list()) > 10  # the seed catalog is there to try
    finally:
        svc.close()


@pytest.mark.parametrize(
    "agency_id, ok",
    [
        ("000.17.22.H56", True),
        ("000.12.34.h01", True),
        (" 000.00.00.A99 ", True),
        ("000.17.22", False),
        ("H56", False),
        ("0001.17.22.H56", False),
        ("000.17.22.56", False),
        ("000.17.22.HH6", False),
        ("ABC.17.22.H56", False),
        ("000-17-22-H56", False),
    ],
)
def test_the_agency_id_follows_the_regulations_pattern(agency_id, ok):
    from motcua_desk.domain import codes
    from motcua_desk.domain.errors import ValidationError

    if ok:
        assert codes.agency_id(agency_id) == agency_id.strip().upper()
    else:
        with pytest.raises(ValidationError):
            codes.agency_id(agency_id)


def test_cancelling_the_first_start_saves_nothing_and_offers_a_way_out(
    make_window, tmp_path, qtbot
):
    svc = fresh(tmp_path)
    try:
        window = make_window(svc, wait_ready=False)
        qtbot.waitUntil(
            lambda: window._wizard is not None and window._wizard.isVisible(), timeout=5000
        )
        window._wizard.next()
        window._wizard.agency.agency_id.setText("000.12.34.H01")
        window._wizard.reject()
        qtbot.waitUntil(
            lambda: getattr(window, "setup_box", None) is not None and window.setup_box.isVisible(),
            timeout=5000,
        )
        assert not svc.settings.is_initialised()
        window.setup_box.findChild(QPushButton, "setupAgain").click()
        qtbot.waitUntil(lambda: window._wizard.isVisible(), timeout=5000)
        window._wizard.reject()
        qtbot.waitUntil(lambda: window.setup_box.isVisible(), timeout=5000)
        window.setup_box.findChild(QPushButton, "setupQuit").click()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert not svc.settings.is_initialised()
    finally:
        svc.close()
