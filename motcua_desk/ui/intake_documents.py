"""The intake's checklist of documents (a QTableWidget of the .ui form): filled from the chosen
procedure, its "Form" column edited with a combo, Space ticking the current row, read back as
the intake's document lines. Apart from ui.intake_view because it only knows the table and
the document lines, not the form around it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableWidget, QTableWidgetItem

from motcua_desk.ui import labels

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DocumentLine


class FormDelegate(QStyledItemDelegate):
    """Column 'Form' of the checklist: a combo of original / certified copy / copy / shown."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for form in labels.DOCUMENT_FORMS:
            combo.addItem(labels.document_form_label(form), form)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        i = editor.findData(index.data(Qt.ItemDataRole.UserRole))
        editor.setCurrentIndex(max(0, i))

    def setModelData(self, editor, model, index):  # noqa: N802
        form = editor.currentData()
        model.setData(index, form, Qt.ItemDataRole.UserRole)
        model.setData(index, labels.document_form_label(form), Qt.ItemDataRole.DisplayRole)


def toggle_current(table: QTableWidget) -> None:
    """Space ticks or unticks the current document, whichever cell the cursor is on."""
    row = table.currentRow()
    if row >= 0:
        item = table.item(row, 0)
        item.setCheckState(
            Qt.CheckState.Unchecked
            if item.checkState() == Qt.CheckState.Checked
            else Qt.CheckState.Checked
        )


def fill_documents(table: QTableWidget, documents: Iterable[DocumentLine]) -> None:
    """The procedure's documents as the checklist's rows (ticked as the catalog says)."""
    table.setRowCount(0)
    for doc in documents:
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(doc.name)
        name.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        name.setCheckState(Qt.CheckState.Checked if doc.checked else Qt.CheckState.Unchecked)
        name.setToolTip(doc.name)
        form = QTableWidgetItem(labels.document_form_label(doc.form))
        form.setData(Qt.ItemDataRole.UserRole, doc.form)
        count = QTableWidgetItem()
        count.setData(Qt.ItemDataRole.EditRole, int(doc.count))
        table.setItem(row, 0, name)
        table.setItem(row, 1, form)
        table.setItem(row, 2, count)
    table.resizeRowsToContents()
    if table.rowCount():
        table.setCurrentCell(0, 0)


def read_documents(table: QTableWidget) -> tuple[DocumentLine, ...]:
    """The checklist as the intake's documents, ticked or not."""
    # the printed (Vietnamese) labels of the document forms; imported here because the
    # catalog module pulls in the holiday calendar, which start-up does not need
    from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI as FORM_LABELS_VI
    from motcua_desk.domain.dto import DocumentLine  # the DTOs: not for the first paint

    lines = []
    for row in range(table.rowCount()):
        name = table.item(row, 0)
        form = table.item(row, 1).data(Qt.ItemDataRole.UserRole) or "original"
        count = int(table.item(row, 2).data(Qt.ItemDataRole.EditRole) or 1)
        lines.append(
            DocumentLine(
                name.text(),
                form,
                FORM_LABELS_VI.get(form, form),
                max(1, min(99, count)),
                name.checkState() == Qt.CheckState.Checked,
            )
        )
    return tuple(lines)
