"""The queue ticket (typed or scanned) and the fee on the intake screen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from motcua_desk.ui.i18n import install_translator, remove_translator
from tests.ui.helpers import scan
from tests.ui.test_intake_keyboard import focused, key, type_here


def _choose(window, qtbot, words: str) -> None:
    view = window.intake_view
    view.ui.procedureSearch.setFocus()
    type_here(words)
    with qtbot.waitSignal(view.due_shown, timeout=5000):
        key(Qt.Key.Key_Return)


def test_a_scanned_ticket_lands_in_the_ticket_field_and_focus_stays(window, key_clock, qtbot):
    """A queue system's ticket long enough for the scanner filter goes to the ticket field
    whatever has focus; a short one typed by the scanner lands where the focus is (the
    ticket field), and Enter moves on."""
    view = window.intake_view
    _choose(window, qtbot, "chung thuc chu ky")
    assert focused() is view.ui.nameEdit
    scan(window, "Q01-000123", key_clock)
    qtbot.waitUntil(lambda: view.ticketEdit.text() == "Q01-000123", timeout=3000)
    assert window.current_page() == "intake"  # not taken for a dossier code
    assert view.ui.nameEdit.text() == "" and focused() is view.ui.nameEdit
    assert view.values().ticket == "Q01-000123"
    view.ticketEdit.clear()
    view.ticketEdit.setFocus()
    scan(window, "B-105", key_clock)
    qtbot.waitUntil(lambda: view.ticketEdit.text() == "B-105", timeout=3000)
    assert focused() is view.feeEdit  # the scanner's Enter


def test_fee_due_shown_and_what_was_collected_recorded(window, services, qtbot):
    view = window.intake_view
    _choose(window, qtbot, "chung thuc chu ky")  # 2.000884, 10,000 đ per case
    proc = view.procedure
    assert proc.fee_amount == 10_000
    assert "10.000 đ" in view.feeDue.text()
    view.ui.nameEdit.setText("Trần Văn Bình")
    view.ticketEdit.setText("a7")
    view.feeEdit.setText("10.000")
    view.receiptEdit.setText("1C26TAA-0000123")
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    opened.args[0].close()
    d = services.dossiers.search("tran van binh")[0]
    assert (d.ticket, d.fee_paid, d.fee_method, d.receipt_ref) == (
        "A7",
        10_000,
        "cash",
        "1C26TAA-0000123",
    )


def test_bad_fee_and_ticket_block_with_vietnamese_messages(qapp, window, services, qtbot):
    translator = install_translator(qapp, "vi")
    try:
        view = window.intake_view
        _choose(window, qtbot, "chung thuc chu ky")
        view.ui.nameEdit.setText("Trần Văn Bình")
        for amount, words in (("-10000", "âm"), ("mười nghìn", "số")):
            view.feeEdit.setText(amount)
            key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert view.feeError.isVisible() and words in view.feeError.text()
            assert focused() is view.feeEdit
        view.feeEdit.setText("")
        view.ticketEdit.setText("A" * 13)
        key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert view.ticketError.isVisible() and "12" in view.ticketError.text()
        assert focused() is view.ticketEdit
        assert services.dossiers.search("") == []  # nothing recorded
        # exempt with an amount: refused by the services, shown at the amount
        view.ticketEdit.setText("")
        view.feeEdit.setText("5000")
        view.feeMethodCombo.setCurrentIndex(view.feeMethodCombo.findData("exempt"))
        key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: view.feeError.isVisible(), timeout=5000)
        assert "0" in view.feeError.text()
        assert services.dossiers.search("") == []
        assert view.ui.nameEdit.text() == "Trần Văn Bình"  # what was typed is kept
    finally:
        remove_translator(qapp, translator)
        install_translator(qapp, "en")


def test_the_cash_sheet_from_the_print_screen_pdf_and_xlsx(window, services, qtbot, tmp_path):
    import io

    import openpyxl
    from pypdf import PdfReader

    from motcua_desk.services import IntakeRequest

    d = services.dossiers.intake(
        IntakeRequest("2.000884", "Trần Văn Bình", ticket="A7", fee_paid=10_000, fee_method="cash")
    ).dossier
    view = window.go("print")
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.cash_button.click()
    pdf = opened.args[0].pdf_bytes
    opened.args[0].close()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "KHÔNG PHẢI BIÊN LAI" in text and d.code in text and "10.000" in text
    target = tmp_path / "bang-ke"
    view.ask_save_path = lambda suggested: str(target)
    with qtbot.waitSignal(view.exported, timeout=20_000) as saved:
        view.cash_xlsx_button.click()
    assert saved.args == [str(target) + ".xlsx"]
    ws = openpyxl.load_workbook(target.with_suffix(".xlsx"), data_only=True).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert d.code in values and 10_000 in values and "A7" in values


def test_the_dossier_view_shows_ticket_fees_birth_date_and_sex(window, services, qtbot):
    from motcua_desk.services import IntakeRequest

    d = services.dossiers.intake(
        IntakeRequest(
            "2.000884",
            "Trần Văn Bình",
            ticket="B-105",
            fee_paid=10_000,
            fee_method="cash",
            birth_date="02/01/1960",
            sex="Nam",
        )
    ).dossier
    services.dossiers.record_fee(d.code, receipt_ref="1C26TAA-0000123")
    view = window.dossier_view
    window.open_dossier(d.code)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.dossier.code == d.code, timeout=5000
    )
    assert view._values["ticket"].text() == "B-105" and view._values["ticket"].isVisible()
    fee = view._values["fee"].text()
    assert "10.000 đ" in fee and "1C26TAA-0000123" in fee
    assert view._values["birth"].text() == "02/01/1960"


def test_the_e_receipt_code_added_later_from_the_dossier_view(window, services, qtbot):
    from motcua_desk.services import IntakeRequest

    d = services.dossiers.intake(
        IntakeRequest("2.000884", "Trần Văn Bình", fee_paid=10_000, fee_method="cash")
    ).dossier
    view = window.dossier_view
    window.open_dossier(d.code)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.dossier.code == d.code, timeout=5000
    )
    assert view._buttons["fee"].isVisible()
    key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: view.current_dialog is not None and view.current_dialog.isVisible(), timeout=3000
    )
    dialog = view.current_dialog
    dialog.amount_edit.setText("-5")
    dialog._try_accept()
    assert dialog.error_label.isVisible() and dialog.isVisible()  # refused inline, nothing sent
    dialog.amount_edit.setText("")
    dialog.ref_edit.setText("1C26TAA-0000123")
    dialog._try_accept()
    qtbot.waitUntil(lambda: view.detail.dossier.receipt_ref == "1C26TAA-0000123", timeout=5000)
    assert services.dossiers.find_by_code(d.code).dossier.fees[0].receipt_ref == ("1C26TAA-0000123")
    assert "1C26TAA-0000123" in view._values["fee"].text()
    timeline = view.timeline
    texts = [
        timeline.item(r, c).text()
        for r in range(timeline.rowCount())
        for c in range(timeline.columnCount())
        if timeline.item(r, c)
    ]
    assert any("1C26TAA-0000123" in t for t in texts)
    assert any("10.000 đ" in t for t in texts)  # the intake's payment on the received line
