"""The intake form's two other outcomes, and what happens when something goes wrong."""

from __future__ import annotations

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from motcua_desk.ui import errors


def pdf_text(pdf: bytes) -> str:
    return "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf))


def fill(window, qtbot, procedure="cap giay xac nhan tinh trang hon nhan"):
    view = window.intake_view
    ui = view.ui
    ui.procedureSearch.setText(procedure)
    with qtbot.waitSignal(view.due_shown, timeout=5000):
        view.choose_current_procedure()
    ui.nameEdit.setText("Bùi Thị Thiếu")
    ui.idEdit.setText("001199054321")
    ui.phoneEdit.setText("0345678901")
    ui.addressEdit.setText("Xóm Đông, xã Vi Hương")
    return view


def test_supplement_from_the_form_prints_form_02(window, services, qtbot):
    view = fill(window, qtbot)
    table = view.ui.documentsTable
    table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # missing
    view.ask_supplement()
    dlg = view._dialog
    assert dlg.items and dlg.items[0].name == table.item(0, 0).text()  # pre-ticked
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        dlg.ok_button.click()
    text = pdf_text(opened.args[0].pdf_bytes)
    opened.args[0].close()
    assert "BỔ SUNG" in text.upper()
    d = services.dossiers.search("bui thi thieu")[0]
    assert d.status == "supplement_requested"
    assert view.ui.nameEdit.text() == ""


def test_refusal_from_the_form_prints_form_03(window, services, qtbot):
    view = fill(window, qtbot)
    view.ask_refuse()
    dlg = view._dialog
    dlg.ok_button.click()
    assert dlg.isVisible() and dlg.error_label.isVisible()  # a reason is required
    dlg.reason_edit.setPlainText("Không thuộc thẩm quyền giải quyết của xã")
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        QTest.keyClick(dlg.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "TỪ CHỐI" in pdf_text(opened.args[0].pdf_bytes).upper()
    opened.args[0].close()
    assert services.dossiers.search("bui thi thieu")[0].status == "refused"


def test_unexpected_failure_keeps_the_form(window, services, qtbot, monkeypatch):
    view = fill(window, qtbot)
    view.ui.noteEdit.setText("Ghi chú quan trọng")

    def broken(request):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.dossiers, "intake", broken)
    view.save()
    qtbot.waitUntil(
        lambda: window.errors.last_box is not None and window.errors.last_box.isVisible(),
        timeout=5000,
    )
    box = window.errors.last_box
    assert "motcua-desk.log" in box.text()
    assert box.text().startswith(errors.unexpected_message().split(":")[0])
    # everything the officer typed is still there, and the form works again
    assert view.ui.nameEdit.text() == "Bùi Thị Thiếu"
    assert view.ui.idEdit.text() == "001199054321"
    assert view.ui.noteEdit.text() == "Ghi chú quan trọng"
    assert view.procedure is not None and view.ui.documentsTable.rowCount() > 0
    assert view.ui.saveButton.isEnabled()
    box.close()
    monkeypatch.undo()
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.save()
    opened.args[0].close()


def test_a_refusal_by_the_services_lands_on_its_field(window, services, qtbot, monkeypatch):
    from motcua_desk.domain.errors import ValidationError

    view = fill(window, qtbot)

    def refuse(request):
        raise ValidationError("phone", "bad phone", code="phone_format")

    monkeypatch.setattr(services.dossiers, "intake", refuse)
    view.save()
    qtbot.waitUntil(lambda: view.ui.phoneError.isVisible(), timeout=5000)
    assert "10 digits" in view.ui.phoneError.text()
    assert view.ui.nameEdit.text() == "Bùi Thị Thiếu"
