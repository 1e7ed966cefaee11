"""Batch handoff: choose a department, scan dossier after dossier, confirm, print the list."""

from __future__ import annotations

import pypdfium2

from motcua_desk.services import IntakeRequest
from tests.ui.helpers import scan

DEPT = "Công chức Tư pháp - Hộ tịch"


def receive(services, n):
    return [
        services.dossiers.intake(IntakeRequest("1.004873", f"Người Nộp {chr(65 + i)}")).dossier.code
        for i in range(n)
    ]


def test_batch_handoff_of_several_scans(window, services, key_clock, clock, qtbot):
    codes = receive(services, 4)
    view = window.go("handoff")
    index = view.department_combo.findData(DEPT)
    view.department_combo.setCurrentIndex(index)
    view.person_edit.setText("Hoàng Văn Nhận")
    view.code_edit.setFocus()
    for i, code in enumerate(codes[:3]):
        with qtbot.waitSignal(view.batch_changed, timeout=5000):
            scan(window, code, key_clock)
        assert len(view.batch) == i + 1
    assert view.code_edit.text() == ""  # scans never land in the code box
    # the same code again at once: a double scan, not a second line
    scan(window, codes[2], key_clock, pause_before_ms=500)
    qtbot.waitUntil(lambda: "Double scan" in window.message_bar.text, timeout=3000)
    # the same code later: already in the list
    scan(window, codes[0], key_clock, pause_before_ms=5000)
    qtbot.waitUntil(lambda: "already in the list" in view.status.text(), timeout=3000)
    assert len(view.batch) == 3
    # typed by hand works too
    view.code_edit.setText(codes[3].lower())
    with qtbot.waitSignal(view.batch_changed, timeout=5000):
        view.code_edit.returnPressed.emit()
    assert [v.code for v in view.batch] == codes
    clock.advance(minutes=20)
    with qtbot.waitSignal(view.committed, timeout=5000) as done:
        view.confirm_button.click()
    assert done.args == ["out", 4]
    assert view.batch == [] and view.table.rowCount() == 0
    for code in codes:
        d = services.dossiers.find_by_code(code).dossier
        assert d.status == "in_process" and d.location == DEPT
    entries = services.dossiers.handoffs_on(clock().date(), DEPT)
    assert len(entries) == 4 and entries[0].step.receiver == "Hoàng Văn Nhận"
    # then the day's list for that department
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.print_button.click()
    pdf = opened.args[0].pdf_bytes
    text = "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf))
    for code in codes:
        assert code[-4:] in text
    opened.args[0].close()


def test_a_dossier_that_cannot_go_is_refused_with_a_reason(window, services, key_clock, qtbot):
    code = receive(services, 1)[0]
    services.dossiers.handoff([code], DEPT, receiver="Lý Văn Nhận")
    view = window.go("handoff")
    view.department_combo.setCurrentIndex(view.department_combo.findData(DEPT))
    scan(window, code, key_clock)
    qtbot.waitUntil(lambda: code in view.status.text(), timeout=3000)
    assert view.batch == []
    scan(window, "000.17.22.H56-261123-9999", key_clock)
    qtbot.waitUntil(lambda: "No dossier" in view.status.text(), timeout=3000)


def test_results_taken_back_in_a_batch(window, services, key_clock, qtbot):
    codes = receive(services, 2)
    services.dossiers.handoff(codes, DEPT, receiver="Lý Văn Nhận")
    view = window.go("handoff")
    view.back_radio.setChecked(True)
    for code in codes:
        with qtbot.waitSignal(view.batch_changed, timeout=5000):
            scan(window, code, key_clock)
    with qtbot.waitSignal(view.committed, timeout=5000):
        view.confirm()
    assert {services.dossiers.find_by_code(c).dossier.status for c in codes} == {"result_ready"}
