"""The F1 dialog: every keyboard shortcut of the window, read from the actions module (the
window's actions, then under their own heading the keys of a dialog or a screen's widget), and
how the barcode scanner behaves. Its strings keep MainWindow's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui.actions import Actions, local_shortcut_table


def show_shortcuts(parent: QWidget, actions: Actions) -> QDialog:
    """Open the shortcuts dialog (not modal to the program; deleted when closed)."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Keyboard shortcuts"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    rows = actions.shortcut_table()
    local_rows = local_shortcut_table()
    table = QTableWidget(len(rows) + 1 + len(local_rows), 2, dialog)
    table.setObjectName("shortcutsTable")
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("MainWindow", "Keys"),
            QCoreApplication.translate("MainWindow", "Does"),
        ]
    )
    table.verticalHeader().setVisible(False)
    for i, (keys, text) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(keys))
        table.setItem(i, 1, QTableWidgetItem(text))
    section = len(rows)
    heading = QTableWidgetItem(QCoreApplication.translate("MainWindow", "In dialogs and screens"))
    font = QFont(heading.font())
    font.setBold(True)
    heading.setFont(font)
    table.setItem(section, 0, heading)
    table.setSpan(section, 0, 1, 2)
    for i, (keys, text) in enumerate(local_rows, start=section + 1):
        table.setItem(i, 0, QTableWidgetItem(keys))
        table.setItem(i, 1, QTableWidgetItem(text))
    table.verticalHeader().setDefaultSectionSize(22)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    note = QLabel(
        QCoreApplication.translate(
            "MainWindow",
            "Barcode scanner: scan anywhere in the window to open the dossier; on the "
            "Handoff screen a scan adds it to the list; on the Return screen it opens the result "
            "to return.",
        ),
        dialog,
    )
    note.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("MainWindow", "Close")
    )
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(note)
    layout.addWidget(buttons)
    dialog.resize(560, 620)
    dialog.open()
    return dialog
