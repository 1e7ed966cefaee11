"""First start: the wizard sets up the desk, or the clearly marked demo agency."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from motcua_desk.app import open_services
from tests.helpers import FakeClock


def fresh(tmp_path):
    return open_services(tmp_path / "new.sqlite3", clock=FakeClock())


def test_wizard_sets_up_the_desk(make_window, tmp_path, qtbot):
    svc = fresh(tmp_path)
    try:
        window = make_window(svc, wait_ready=False)
        qtbot.waitUntil(lambda: window._wizard is not None and window._wizard.isVisible(),
                        timeout=5000)
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
        wizard.desk.officer.setText("Hà Thị Mai")
        with qtbot.waitSignal(window.ready, timeout=10_000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
        info = svc.settings.agency()
        assert (info.agency_id, info.desk_no, info.officer, info.demo) == (
            "000.12.34.H01", 2, "Hà Thị Mai", False)
        assert "Hà Thị Mai" in window.officer_label.text()
        assert "000.12.34.H01" in window.desk_label.text()
        assert not window.demo_banner.isVisible()
    finally:
        svc.close()


def test_demo_path_is_clearly_marked(make_window, tmp_path, qtbot):
    svc = fresh(tmp_path)
    try:
        window = make_window(svc, wait_ready=False)
        qtbot.waitUntil(lambda: window._wizard is not None and window._wizard.isVisible(),
                        timeout=5000)
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
