"""The dossier view: fields, timeline, and the actions its status allows, each printing."""

from __future__ import annotations

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from motcua_desk.services import IntakeRequest
from tests.helpers import local

DEPT = "Công chức Tư pháp - Hộ tịch"


def pdf_text(pdf: bytes) -> str:
    return "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf))


def open_dossier(window, qtbot, code):
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
        window.open_dossier(code)
    return window.dossier_view


def test_lifecycle_from_the_dossier_view(window, services, clock, qtbot):
    code = services.dossiers.intake(
        IntakeRequest("1.004873", "Vũ Thị Lan", id_number="001199012345")
    ).dossier.code
    view = open_dossier(window, qtbot, code)
    assert window.current_page() == "dossier"
    assert view._values["applicant"].text() == "Vũ Thị Lan"
    visible = {n for n, b in view._buttons.items() if b.isVisible()}
    assert {"handoff", "supplement", "refuse", "stop", "reprint"} <= visible
    assert "return" not in visible
    assert view._buttons["handoff"].hasFocus()  # the next step, ready for Enter

    # hand off with the control sheet (Ctrl+G works inside the view)
    clock.advance(minutes=30)
    QTest.keyClick(view._buttons["handoff"], Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = view.current_dialog
    assert dialog.objectName() == "handoffDialog"
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findData(DEPT))
    dialog.receiver_edit.setText("Ông Nhận")
    dialog.control_check.setChecked(True)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        dialog.ok_button.click()
    assert "PHIẾU KIỂM SOÁT" in pdf_text(opened.args[0].pdf_bytes).upper()
    opened.args[0].close()
    assert view.detail.dossier.status == "in_process"
    rows = [view.timeline.item(r, 2).text() for r in range(view.timeline.rowCount())]
    assert any(DEPT in r for r in rows)
    timing = [view.timeline.item(r, 4).text() for r in range(view.timeline.rowCount())]
    assert "On time" in timing or "Early" in timing

    # result comes back, then the citizen collects it
    clock.advance(hours=2)
    view._buttons["receive_result"].click()
    dlg = view.current_dialog
    dlg.giver_edit.setText("Bà Giao")
    with qtbot.waitSignal(view.shown, timeout=5000):
        dlg.ok_button.click()
    assert view.detail.dossier.status == "result_ready"
    view._buttons["return"].click()
    dlg = view.current_dialog
    assert dlg.to_name == "Vũ Thị Lan"
    dlg.id_edit.setText("123")  # wrong: the dialog says so and stays open
    dlg.ok_button.click()
    assert dlg.isVisible() and "12" in dlg.error_label.text()
    dlg.id_edit.setText("001199012345")
    with qtbot.waitSignal(view.shown, timeout=5000):
        dlg.ok_button.click()
    assert view.detail.dossier.status == "returned"
    assert services.dossiers.find_by_code(code).dossier.returned_to == "Vũ Thị Lan"


def test_extend_late_prints_the_apology_and_warns(window, services, clock, qtbot):
    clock.set(local(2026, 11, 19, 9, 0))
    code = services.dossiers.intake(IntakeRequest("1.004873", "Đinh Văn Hẹn")).dossier.code
    services.dossiers.handoff([code], DEPT, receiver="Lý Văn Nhận")
    clock.set(local(2026, 11, 23, 10, 0))  # the due moment is near: too late to apologise
    view = open_dossier(window, qtbot, code)
    view._buttons["extend"].click()
    dlg = view.current_dialog
    dlg.ok_button.click()
    assert dlg.isVisible()  # no reason yet
    dlg.reason_edit.setPlainText("Cần xác minh thêm tại địa phương")
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        dlg.ok_button.click()
    assert "xin lỗi" in pdf_text(opened.args[0].pdf_bytes).lower()
    opened.args[0].close()
    assert view.detail.dossier.extended
    assert view.warning_label.isVisible()
    assert not view._buttons["extend"].isVisible()  # only once


def test_reprint_marks_the_copy(window, services, qtbot):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Mai Thị Bản")).dossier.code
    services.dossiers.record_print(code, "slip")
    view = open_dossier(window, qtbot, code)
    view._buttons["reprint"].click()
    qtbot.waitUntil(
        lambda: (
            view.current_dialog is not None and view.current_dialog.objectName() == "reprintDialog"
        ),
        timeout=5000,
    )
    dlg = view.current_dialog
    forms = [dlg.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.list.count())]
    assert forms[0] == "slip" and "refusal" not in forms
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        dlg.ok_button.click()
    preview = opened.args[0]
    assert "BẢN IN LẠI – LẦN 1" in pdf_text(preview.pdf_bytes)
    preview.close()
    # the preview alone prints nothing: the reprint is logged when a printer takes the job
    # (tests/ui/test_print_window.py prints through a real QPrinter)
    assert services.dossiers.find_by_code(code).dossier.prints["slip"] == 1


def test_stop_and_refusal_print_their_forms(window, services, qtbot):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Lý Văn Dừng")).dossier.code
    view = open_dossier(window, qtbot, code)
    view._buttons["stop"].click()
    dlg = view.current_dialog
    assert dlg.reason  # prefilled "at the applicant's request"
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        dlg.ok_button.click()
    assert "DỪNG" in pdf_text(opened.args[0].pdf_bytes).upper()
    opened.args[0].close()
    assert services.dossiers.find_by_code(code).dossier.status == "stopped"


def test_another_desk_change_reloads_the_view(window, services, qtbot):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Hồ Văn Đổi")).dossier.code
    view = open_dossier(window, qtbot, code)
    with qtbot.waitSignal(view.shown, timeout=5000):
        window.worker.mutate(lambda svc: svc.dossiers.note(code, "Gọi điện báo"))
    assert any(
        "Gọi điện báo" in view.timeline.item(r, 1).text() for r in range(view.timeline.rowCount())
    )


def _dossiers_in_every_state(services, clock):
    """code -> what was done to it: one dossier per state that changes the forms that apply."""
    from datetime import timedelta

    from motcua_desk.domain.dto import DocumentLine

    def new(name):
        return services.dossiers.intake(IntakeRequest("1.004873", name)).dossier.code

    made = {"received": new("Hà Thị Một")}
    made["supplement"] = new("Hà Thị Hai")
    services.dossiers.request_supplement(
        made["supplement"], "Thiếu tờ khai", [DocumentLine("Tờ khai", "original", "", 1)]
    )
    made["refused"] = new("Hà Thị Ba")
    services.dossiers.refuse(made["refused"], "Không thuộc thẩm quyền")
    made["stopped"] = new("Hà Thị Bốn")
    services.dossiers.stop(made["stopped"], "Theo yêu cầu")
    made["voided"] = new("Hà Thị Năm")
    services.dossiers.void(made["voided"], "Nhập nhầm")
    made["extended"] = new("Hà Thị Sáu")
    services.dossiers.handoff([made["extended"]], DEPT, receiver="Lý Văn Bình")
    clock.advance(minutes=5)
    due = services.dossiers.show(made["extended"]).dossier.due_at
    services.dossiers.extend(made["extended"], due + timedelta(days=7), "Cần xác minh thêm")
    return made


def test_print_again_offers_exactly_the_forms_the_printing_layer_accepts(
    window, services, clock, qtbot
):
    """The window and the printing layer decide which forms apply by one rule
    (domain/forms.py): every form offered prints, every form that would print is offered, and
    a dossier with none (voided) opens no empty list. The window's own guess used to offer the
    slip of a refused, stopped or voided dossier and the control sheet of a voided one."""
    from motcua_desk import printing
    from motcua_desk.printing import FormNotApplicable

    def accepted(detail):
        out = []
        for form in printing.FORM_TITLES:
            try:
                printing.check_form(form, detail)
            except FormNotApplicable:
                continue
            out.append(form)
        return out

    made = _dossiers_in_every_state(services, clock)
    offered_by_state = {}
    for state, code in made.items():
        view = open_dossier(window, qtbot, code)
        want = accepted(services.dossiers.show(code))
        view.current_dialog = None
        view._buttons["reprint"].click()
        if not want:
            qtbot.waitUntil(lambda c=code: c in window.message_bar.text, timeout=5000)
            assert view.current_dialog is None
            offered_by_state[state] = []
            continue
        qtbot.waitUntil(
            lambda v=view: (
                v.current_dialog is not None and v.current_dialog.objectName() == "reprintDialog"
            ),
            timeout=5000,
        )
        dlg = view.current_dialog
        offered = [dlg.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.list.count())]
        dlg.reject()
        assert offered == want, state
        offered_by_state[state] = offered
    assert "slip" not in offered_by_state["refused"] + offered_by_state["stopped"]
    assert offered_by_state["voided"] == []
    assert offered_by_state["extended"] == ["slip", "apology", "control"]
    assert offered_by_state["refused"] == ["refusal", "control"]


def test_a_long_line_in_the_timeline_wraps_and_every_column_stays_in_sight(window, services, qtbot):
    """A note (or a digitised paper's line) of hundreds of characters: the timeline keeps to
    the view's width (no horizontal scrolling to find who did it) and the row grows instead."""
    code = services.dossiers.intake(IntakeRequest("1.004873", "Mai Văn Dài")).dossier.code
    long_note = "Công dân xin bổ sung bản sao giấy khai sinh có chứng thực " * 8
    services.dossiers.note(code, long_note.strip())
    window.resize(1366, 768)
    view = open_dossier(window, qtbot, code)
    t = view.timeline
    qtbot.waitUntil(lambda: t.viewport().width() > 0)
    header = t.horizontalHeader()
    assert header.length() <= t.viewport().width() + 1
    assert t.horizontalScrollBar().maximum() == 0
    rows = {t.item(r, 1).text(): r for r in range(t.rowCount())}
    [noted] = [r for text, r in rows.items() if long_note.strip()[:40] in text]
    assert t.rowHeight(noted) > t.rowHeight(0) * 1.5  # wrapped onto several lines
    assert t.item(noted, 5).text()  # the officer column, in sight
    assert header.sectionViewportPosition(5) + header.sectionSize(5) <= t.viewport().width() + 1
