"""The lookup station's layout: the title and agency line over three pages (the start page
with the code and the CCCD digits, the answer, the procedures and their papers). Built once by
KioskWindow; the widgets are kept as the window's attributes (the window's code and the tests
find them there), as ui.window_layout does for the counter window. Its strings keep
KioskWindow's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from motcua_desk.ui.kiosk import KioskWindow

translate = QCoreApplication.translate


def build(w: KioskWindow) -> None:
    """The title, the agency line and the stack of the three pages, as `w`'s attributes."""
    w.setStyleSheet(
        "#kioskWindow { background: #f4f7fb; } "
        "QLabel { color: #1a2733; } "
        "QLineEdit { font-size: 22pt; padding: 8px; } "
        "QPushButton { font-size: 18pt; padding: 10px 22px; } "
        "#kioskAgency { font-size: 14pt; font-weight: bold; } "
        "#kioskTitle { font-size: 30pt; font-weight: bold; color: #0b4f8a; } "
        "#kioskMessage { font-size: 16pt; color: #8a4b00; } "
        "#kioskStatus { font-size: 24pt; font-weight: bold; } "
        "#kioskReady { font-size: 26pt; font-weight: bold; color: #1b7f3b; } "
        "#kioskDetails QLabel { font-size: 16pt; } "
        "#kioskBring { font-size: 16pt; }"
    )
    w.title = QLabel(translate("KioskWindow", "Look up your dossier"), w)
    w.title.setObjectName("kioskTitle")
    w.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.agency_label = QLabel(w)
    w.agency_label.setObjectName("kioskAgency")
    w.agency_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.stack = QStackedWidget(w)
    layout = QVBoxLayout(w)
    layout.setContentsMargins(40, 30, 40, 30)
    layout.addWidget(w.agency_label)
    layout.addWidget(w.title)
    layout.addWidget(w.stack, 1)
    w.stack.addWidget(_start_page(w))
    w.stack.addWidget(_result_page(w))
    w.stack.addWidget(_procedures_page(w))


def _start_page(w: KioskWindow) -> QWidget:
    page = w.start_page = QWidget(w)
    intro = QLabel(
        translate(
            "KioskWindow",
            "Scan the barcode on your appointment slip, or type the dossier "
            "code and the last 4 digits of your citizen ID (CCCD).",
        ),
        page,
    )
    intro.setWordWrap(True)
    intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
    intro.setStyleSheet("font-size: 18pt;")
    w.code_edit = QLineEdit(page)
    w.code_edit.setObjectName("kioskCode")
    w.code_edit.setPlaceholderText(
        translate("KioskWindow", "Dossier code, e.g. 000.17.22.H56-261123-0001")
    )
    w.code_edit.setMaxLength(64)
    w.digits_edit = QLineEdit(page)
    w.digits_edit.setObjectName("kioskDigits")
    w.digits_edit.setPlaceholderText(translate("KioskWindow", "Last 4 digits of the CCCD"))
    w.digits_edit.setMaxLength(4)
    w.digits_edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,4}", w.digits_edit))
    w.digits_edit.setEchoMode(QLineEdit.EchoMode.Password)
    w.lookup_button = QPushButton(translate("KioskWindow", "Look up"), page)
    w.lookup_button.setObjectName("kioskLookup")
    w.procedures_button = QPushButton(
        translate("KioskWindow", "Procedures and the papers they need"), page
    )
    w.procedures_button.setObjectName("kioskProceduresButton")
    w.message = QLabel(page)
    w.message.setObjectName("kioskMessage")
    w.message.setWordWrap(True)
    w.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    form = QGridLayout()
    code_label = QLabel(translate("KioskWindow", "Dossier code:"), page)
    digits_label = QLabel(translate("KioskWindow", "Last 4 digits of the CCCD:"), page)
    for label in (code_label, digits_label):
        label.setStyleSheet("font-size: 18pt;")
    form.addWidget(code_label, 0, 0)
    form.addWidget(w.code_edit, 0, 1)
    form.addWidget(digits_label, 1, 0)
    form.addWidget(w.digits_edit, 1, 1)
    form.addWidget(w.lookup_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
    v = QVBoxLayout(page)
    v.addStretch(1)
    v.addWidget(intro)
    v.addSpacing(20)
    v.addLayout(form)
    v.addSpacing(10)
    v.addWidget(w.message)
    v.addStretch(1)
    v.addWidget(w.procedures_button, 0, Qt.AlignmentFlag.AlignCenter)
    return page


def _result_page(w: KioskWindow) -> QWidget:
    page = w.result_page = QWidget(w)
    w.ready_label = QLabel(page)
    w.ready_label.setObjectName("kioskReady")
    w.ready_label.setWordWrap(True)
    w.ready_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.status_label = QLabel(page)
    w.status_label.setObjectName("kioskStatus")
    w.status_label.setWordWrap(True)
    w.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    details = QFrame(page)
    details.setObjectName("kioskDetails")
    grid = QGridLayout(details)
    w.detail_values: dict[str, QLabel] = {}
    rows = (
        ("code", translate("KioskWindow", "Dossier code:")),
        ("procedure", translate("KioskWindow", "Procedure:")),
        ("name", translate("KioskWindow", "Applicant:")),
        ("received", translate("KioskWindow", "Received:")),
        ("due", translate("KioskWindow", "Return date:")),
    )
    for i, (key, text) in enumerate(rows):
        grid.addWidget(QLabel(text, details), i, 0, Qt.AlignmentFlag.AlignTop)
        value = QLabel(details)
        value.setObjectName(f"kiosk_{key}")
        value.setWordWrap(True)
        grid.addWidget(value, i, 1)
        w.detail_values[key] = value
    grid.setColumnStretch(1, 1)
    w.bring_label = QLabel(page)
    w.bring_label.setObjectName("kioskBring")
    w.bring_label.setWordWrap(True)
    w.bring_label.setTextFormat(Qt.TextFormat.RichText)
    w.result_back = QPushButton(translate("KioskWindow", "Back"), page)
    w.result_back.setObjectName("kioskResultBack")
    v = QVBoxLayout(page)
    v.addWidget(w.ready_label)
    v.addWidget(w.status_label)
    v.addSpacing(12)
    v.addWidget(details)
    v.addSpacing(12)
    v.addWidget(w.bring_label)
    v.addStretch(1)
    v.addWidget(w.result_back, 0, Qt.AlignmentFlag.AlignCenter)
    return page


def _procedures_page(w: KioskWindow) -> QWidget:
    page = w.procedures_page = QWidget(w)
    w.search_edit = QLineEdit(page)
    w.search_edit.setObjectName("kioskSearch")
    w.search_edit.setPlaceholderText(
        translate(
            "KioskWindow", "Type a few words, with or without accents: khai sinh, chung thuc…"
        )
    )
    w.procedure_list = QListWidget(page)
    w.procedure_list.setObjectName("kioskProcedureList")
    w.procedure_list.setStyleSheet("font-size: 15pt; QListWidget::item { padding: 4px; }")
    w.procedure_list.setWordWrap(True)  # long names read whole, on several lines
    w.procedure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.procedure_list.setSpacing(3)
    w.procedure_text = QTextBrowser(page)
    w.procedure_text.setObjectName("kioskProcedureText")
    w.procedure_text.setOpenLinks(False)
    w.procedure_text.setStyleSheet("font-size: 15pt;")
    w.procedures_back = QPushButton(translate("KioskWindow", "Back"), page)
    w.procedures_back.setObjectName("kioskProceduresBack")
    row = QHBoxLayout()
    row.addWidget(w.procedure_list, 2)
    row.addWidget(w.procedure_text, 3)
    v = QVBoxLayout(page)
    v.addWidget(w.search_edit)
    v.addLayout(row, 1)
    v.addWidget(w.procedures_back, 0, Qt.AlignmentFlag.AlignCenter)
    return page
