"""A whole intake with the keyboard alone, ending in a slip whose barcode decodes."""

from __future__ import annotations

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def focused():
    return QApplication.focusWidget()


def type_here(text: str) -> None:
    """Type into the focused widget. Vietnamese letters arrive as key events that carry the
    letter as text (what Unikey/EVKey send); QTest.keyClicks only knows ASCII."""
    for ch in text:
        widget = focused()
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(etype, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                )


def key(k: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), k, mods)


def barcodes(pdf: bytes, page: int = 0) -> list[str]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[page].render(scale=3).to_pil()
    finally:
        doc.close()
    return [b.text for b in zxingcpp.read_barcodes(image)]


def test_full_intake_with_the_keyboard_alone(window, services, qtbot):
    view = window.intake_view
    ui = view.ui
    assert focused() is ui.procedureSearch  # the window opens where the officer types
    type_here("khai sinh")
    with qtbot.waitSignal(view.due_shown, timeout=5000):
        key(Qt.Key.Key_Return)
    assert view.procedure.code == "1.001193"
    assert focused() is ui.nameEdit
    assert "17:00" in ui.dueLabel.text()  # same-day procedure, before the cut-off
    type_here("Nguyễn Thị Hoa")
    key(Qt.Key.Key_Tab)
    assert focused() is ui.idEdit
    type_here("0010990123")  # too short
    key(Qt.Key.Key_Tab)
    assert focused() is ui.phoneEdit
    assert ui.idError.isVisible() and "12" in ui.idError.text()
    key(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is ui.idEdit
    key(Qt.Key.Key_End)
    type_here("45")
    assert not ui.idError.isVisible()
    key(Qt.Key.Key_Tab)
    type_here("0912 345 678")
    key(Qt.Key.Key_Tab)
    assert focused() is ui.addressEdit
    type_here("Thôn Địa Cát, xã Vi Hương")
    key(Qt.Key.Key_Tab)
    assert focused() is ui.emailEdit
    key(Qt.Key.Key_Tab)
    assert focused() is view.birthEdit  # date of birth and sex (optional)
    key(Qt.Key.Key_Tab)
    assert focused() is view.sexCombo
    key(Qt.Key.Key_Tab)
    assert focused() is ui.documentsTable
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Space)  # untick the second document, tick it again
    assert ui.documentsTable.item(1, 0).checkState() == Qt.CheckState.Unchecked
    key(Qt.Key.Key_Space)
    assert ui.documentsTable.item(1, 0).checkState() == Qt.CheckState.Checked
    for expected in (ui.setsSpin, ui.channelCombo, ui.deliveryCombo, view.ticketEdit):
        key(Qt.Key.Key_Tab)
        assert focused() is expected
    type_here("a023")  # the queue ticket, then the fee: free for this procedure, exempt
    key(Qt.Key.Key_Tab)
    assert focused() is view.feeEdit
    key(Qt.Key.Key_Tab)
    assert focused() is view.feeMethodCombo
    key(Qt.Key.Key_End)
    assert view.feeMethodCombo.currentData() == "exempt"
    for expected in (view.receiptEdit, ui.noteEdit):
        key(Qt.Key.Key_Tab)
        assert focused() is expected
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        key(Qt.Key.Key_Return)  # Enter on the last field saves
    preview = opened.args[0]
    detail = services.dossiers.search("nguyen thi hoa")[0]
    code = detail.code
    assert code.startswith("000.17.22.H56-261123-")
    assert preview.page_count >= 1
    assert code in barcodes(preview.pdf_bytes)
    # the form is clear for the next citizen, the officer told; the slip is logged once printed
    assert ui.nameEdit.text() == "" and view.procedure is None
    assert code in window.message_bar.text
    full = services.dossiers.find_by_code(code)
    assert full.dossier.prints == {}
    assert full.dossier.phone == "0912345678" and full.dossier.id_number == "001099012345"
    assert full.dossier.ticket == "A023"
    assert (full.dossier.fee_paid, full.dossier.fee_method) == (0, "exempt")
    assert view.ticketEdit.text() == "" and view.feeMethodCombo.currentData() == "cash"
    assert preview.print_button.hasFocus() or preview.print_button.isDefault()
    preview.close()


def test_ctrl_s_saves_and_bad_fields_block_with_inline_messages(window, services, qtbot):
    view = window.intake_view
    ui = view.ui
    type_here("chung thuc ban sao")
    with qtbot.waitSignal(view.due_shown, timeout=5000):
        key(Qt.Key.Key_Return)
    assert view.procedure.code.startswith("2.")
    type_here("X")  # one letter: not a name
    ui.phoneEdit.setText("12345")
    key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ui.nameError.isVisible() and ui.phoneError.isVisible()
    assert focused() is ui.nameEdit
    assert services.dossiers.search("") == []
    ui.nameEdit.setText("Phạm Văn Bình")
    ui.phoneEdit.setText("0987654321")
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000):
        key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(services.dossiers.search("")) == 1


@pytest.mark.parametrize("typed", ["khai sinh", "KHAI SINH", "khai  sinh", "đăng ký khai sinh"])
def test_procedure_found_without_accents(window, qtbot, typed):
    view = window.intake_view
    type_here(typed)
    qtbot.waitUntil(lambda: view.ui.procedureList.count() > 0, timeout=3000)
    assert "khai sinh" in view.ui.procedureList.item(0).text().lower()


def test_arrow_keys_pick_another_match(window, qtbot):
    view = window.intake_view
    type_here("chung thuc")
    qtbot.waitUntil(lambda: view.ui.procedureList.count() > 2, timeout=3000)
    second = view._matches[1]
    key(Qt.Key.Key_Down)
    with qtbot.waitSignal(view.due_shown, timeout=5000):
        key(Qt.Key.Key_Return)
    assert view.procedure.code == second.code
    assert view.ui.documentsTable.rowCount() == len(second.documents)


def test_due_moment_follows_the_clock_past_the_cutoff(window, clock, qtbot):
    view = window.intake_view
    type_here("khai sinh")
    with qtbot.waitSignal(view.due_shown, timeout=5000):
        key(Qt.Key.Key_Return)
    assert "23/11/2026" in view.ui.dueLabel.text()
    clock.advance(hours=6, minutes=30)  # 15:30, after the cut-off
    with qtbot.waitSignal(view.due_shown, timeout=5000) as shown:
        view.refresh_due()
    assert shown.args[0].due_at.day != 23
    assert view.ui.dueExplanation.text()  # says why
