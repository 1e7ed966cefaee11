"""The keys of a dialog or a screen's widget (issue 10): made by the actions module
(`LocalId`, `local_shortcuts`), listed by F1 under their own heading, and each still works:
Ctrl+Return / Ctrl+Enter confirm a reason dialog and the handoff list, Delete removes the
handoff row selected (only while the table has the focus), Ctrl+P in the preview prints."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QTableWidget, QWidget
from reportlab.pdfgen import canvas

from motcua_desk.services import IntakeRequest
from motcua_desk.ui.actions import Actions, LocalId, local_shortcut_table, local_shortcuts
from motcua_desk.ui.dialogs import ReasonDialog
from motcua_desk.ui.pdf_preview import PdfPreviewDialog
from motcua_desk.ui.shortcuts_dialog import show_shortcuts

CTRL = Qt.KeyboardModifier.ControlModifier
DEPT = "Công chức Tư pháp - Hộ tịch"


def _rows(table: QTableWidget) -> list[tuple[str, str]]:
    return [
        (table.item(r, 0).text(), table.item(r, 1).text() if table.item(r, 1) else "")
        for r in range(table.rowCount())
    ]


def test_f1_lists_the_keys_of_dialogs_and_screens(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = show_shortcuts(parent, Actions(parent))
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    rows = _rows(table)
    heading = rows.index(("In dialogs and screens", ""))
    assert table.columnSpan(heading, 0) == 2
    local = rows[heading + 1 :]
    assert local == local_shortcut_table()
    assert [keys for keys, _ in local] == [
        "Ctrl+Return, Ctrl+Enter",
        "Ctrl+Return, Ctrl+Enter",
        QKeySequence(QKeySequence.StandardKey.Delete).toString(
            QKeySequence.SequenceFormat.NativeText
        ),
        "Ctrl+P",
    ]
    assert all(text for _, text in local)
    # the window's own actions come first, as before
    assert {"F2", "F9", "Ctrl+S"} <= {keys for keys, _ in rows[:heading]}
    dialog.close()


@pytest.mark.parametrize(
    ("local_id", "context"),
    [
        (LocalId.CONFIRM_DIALOG, Qt.ShortcutContext.WindowShortcut),
        (LocalId.CONFIRM_HANDOFF, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        (LocalId.REMOVE_HANDOFF_ROW, Qt.ShortcutContext.WidgetShortcut),
        (LocalId.PRINT_PREVIEW, Qt.ShortcutContext.WindowShortcut),
    ],
)
def test_each_local_shortcut_keeps_its_scope(qtbot, local_id, context):
    widget = QWidget()
    qtbot.addWidget(widget)
    made = local_shortcuts(local_id, widget, lambda: None)
    assert made and all(s.context() == context and s.parent() is widget for s in made)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_confirms_a_reason_dialog(qtbot, key):
    dialog = ReasonDialog("Ghi chú", "Nội dung", "Lưu")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    # empty reason: refused inline, the dialog stays
    qtbot.keyClick(dialog.reason_edit, key, CTRL)
    assert dialog.isVisible() and dialog.error_label.isVisibleTo(dialog)
    dialog.reason_edit.setPlainText("Công dân gọi điện hỏi")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.reason_edit, key, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_handoff_delete_removes_the_row_and_ctrl_enter_confirms(window, services, qtbot):
    codes = [
        services.dossiers.intake(IntakeRequest("1.004873", f"Người Nộp {c}")).dossier.code
        for c in "AB"
    ]
    view = window.go("handoff")
    view.department_combo.setCurrentIndex(view.department_combo.findData(DEPT))
    view.person_edit.setText("Hoàng Văn Nhận")
    for code in codes:
        with qtbot.waitSignal(view.batch_changed, timeout=5000):
            view.add(code)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    # Delete in the code box does not touch the list: the key is the table's own
    view.code_edit.setFocus()
    qtbot.keyClick(view.code_edit, Qt.Key.Key_Delete)
    assert len(view.batch) == 2
    view.table.setFocus()
    view.table.selectRow(1)
    with qtbot.waitSignal(view.batch_changed, timeout=5000):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert [v.code for v in view.batch] == codes[:1]
    view.code_edit.setFocus()
    with qtbot.waitSignal(view.committed, timeout=5000) as done:
        qtbot.keyClick(view.code_edit, Qt.Key.Key_Enter, CTRL)
    assert done.args == ["out", 1]
    assert services.dossiers.find_by_code(codes[0]).dossier.location == DEPT
    assert services.dossiers.find_by_code(codes[1]).dossier.status == "received"


class _CancelledPrintDialog:
    """Stands in for QPrintDialog: counts the calls and cancels."""

    calls = 0

    def __init__(self, printer, parent) -> None:
        type(self).calls += 1

    def exec(self):
        return QDialog.DialogCode.Rejected


def test_ctrl_p_in_the_preview_opens_the_print_dialog(qtbot, ui_settings):
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=(419.53, 595.28))
    page.drawString(72, 500, "Ctrl+P")
    page.save()
    preview = PdfPreviewDialog(
        buf.getvalue(), "slip", "Phiếu", ui_settings, print_dialog=_CancelledPrintDialog
    )
    qtbot.addWidget(preview)
    assert len(preview.findChildren(QShortcut)) == 1
    preview.show()
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=5000)
    qtbot.keyClick(preview, Qt.Key.Key_P, CTRL)
    assert _CancelledPrintDialog.calls == 1
    preview.close()
