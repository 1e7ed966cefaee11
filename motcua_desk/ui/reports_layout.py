"""The Reports screen's layout: the period row (presets, dates), the scope row (desk or office,
field group, grouping, the buttons), the summary line and the five tabs (Biểu 06 with its bars,
the late list, the QĐ 766 self-check, the handoff steps, the quality facts). Built once by
ReportsView; the widgets are kept as the view's attributes, as ui.window_layout does for the
counter window. Its strings keep ReportsView's translation context.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui.report_models import (
    Bieu06Model,
    LateModel,
    QualityModel,
)
from motcua_desk.ui.report_widgets import MonthBars

if TYPE_CHECKING:
    from motcua_desk.ui.reports_view import ReportsView

translate = QCoreApplication.translate


def build(view: ReportsView) -> None:
    """The period and scope rows, the summary line and the five tabs, as `view`'s attributes."""
    view.preset_combo = QComboBox(view)
    view.preset_combo.setObjectName("presetCombo")
    names = {
        "this_month": translate("ReportsView", "This month"),
        "last_month": translate("ReportsView", "Last month"),
        "this_quarter": translate("ReportsView", "This quarter"),
        "this_year": translate("ReportsView", "This year"),
        "custom": translate("ReportsView", "From – to…"),
    }
    for key in view.PRESETS:
        view.preset_combo.addItem(names[key], key)
    view.date_from = QDateEdit(view, calendarPopup=True, displayFormat="dd/MM/yyyy")
    view.date_from.setObjectName("reportFrom")
    view.date_to = QDateEdit(view, calendarPopup=True, displayFormat="dd/MM/yyyy")
    view.date_to.setObjectName("reportTo")
    view.scope_combo = QComboBox(view)
    view.scope_combo.setObjectName("scopeCombo")
    view.scope_combo.addItem(translate("ReportsView", "This desk"), ("desk", None))
    view.scope_combo.addItem(translate("ReportsView", "Whole office"), ("office", None))
    for n in range(1, 10):
        view.scope_combo.addItem(
            translate("ReportsView", "Office, desk {n}").format(n=n), ("office", n)
        )
    view.by_combo = QComboBox(view)
    view.by_combo.setObjectName("byCombo")
    view.by_combo.addItem(translate("ReportsView", "By field and procedure"), "field")
    view.by_combo.addItem(translate("ReportsView", "By department"), "department")
    view.by_combo.addItem(translate("ReportsView", "By procedure"), "procedure")
    view.by_combo.addItem(translate("ReportsView", "By field group"), "group")
    view.group_combo = QComboBox(view)
    view.group_combo.setObjectName("groupCombo")
    view.group_combo.addItem(translate("ReportsView", "All fields"), None)
    view.compute_button = QPushButton(translate("ReportsView", "&Compute"), view)
    view.compute_button.setObjectName("computeButton")
    view.pdf_button = QPushButton(translate("ReportsView", "Export &PDF…"), view)
    view.pdf_button.setObjectName("pdfButton")
    view.xlsx_button = QPushButton(translate("ReportsView", "Export &Excel…"), view)
    view.xlsx_button.setObjectName("xlsxButton")
    view.progress = QProgressBar(view)
    view.progress.setObjectName("reportProgress")
    view.progress.setRange(0, 100)
    view.progress.setMaximumWidth(160)
    view.progress.setTextVisible(True)
    view.progress.hide()
    view.summary = QLabel(view)
    view.summary.setObjectName("reportSummary")
    view.summary.setWordWrap(True)
    view.summary.setStyleSheet("font-size: 11pt;")

    row = QHBoxLayout()
    period_label = QLabel(translate("ReportsView", "Peri&od:"), view)
    period_label.setBuddy(view.preset_combo)
    row.addWidget(period_label)
    row.addWidget(view.preset_combo)
    row.addWidget(view.date_from)
    row.addWidget(QLabel("–", view))
    row.addWidget(view.date_to)
    row.addWidget(view.compute_button)
    row.addStretch(1)
    # the second line, so that the screen fits a 1366-pixel counter screen
    row2 = QHBoxLayout()
    row2.addWidget(view.scope_combo)
    row2.addWidget(view.by_combo)
    row2.addWidget(view.group_combo)
    row2.addWidget(view.progress)
    row2.addStretch(1)
    row2.addWidget(view.pdf_button)
    row2.addWidget(view.xlsx_button)
    for combo in (view.preset_combo, view.scope_combo, view.by_combo, view.group_combo):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)

    view.model = Bieu06Model(view)
    view.table = QTableView(view)
    view.table.setObjectName("bieu06Table")
    view.table.setModel(view.model)
    view.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.table.verticalHeader().setVisible(False)
    view.table.setWordWrap(False)
    view.table.horizontalHeader().setMinimumHeight(58)
    view.table.setToolTip(
        translate("ReportsView", "Double-click a figure to list the dossiers behind it.")
    )
    view.chart = MonthBars(view)
    split = QSplitter(Qt.Orientation.Vertical, view)
    split.addWidget(view.table)
    split.addWidget(view.chart)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 1)

    view.late_model = LateModel(view)
    view.late_table = QTableView(view)
    view.late_table.setObjectName("lateTable")
    view.late_table.setModel(view.late_model)
    view.late_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.late_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.late_table.verticalHeader().setVisible(False)
    view.late_table.setWordWrap(False)
    header = view.late_table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate((190, 210, 330, 115, 170, 115, 150)):
        view.late_table.setColumnWidth(column, width)
    header.setStretchLastSection(True)
    view.late_table.setToolTip(translate("ReportsView", "Double-click a dossier to open it."))

    view.index_table = QTableWidget(0, 5, view)
    view.index_table.setObjectName("indexTable")
    view.index_table.setHorizontalHeaderLabels(
        [
            translate("ReportsView", "Index"),
            translate("ReportsView", "Score"),
            translate("ReportsView", "Formula"),
            translate("ReportsView", "Note"),
            translate("ReportsView", "Dossiers lowering it"),
        ]
    )
    view.index_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.index_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.index_table.verticalHeader().setVisible(False)
    view.index_table.setWordWrap(True)
    view.index_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    view.index_table.setToolTip(
        translate("ReportsView", "Double-click an index to list the dossiers that lower it.")
    )

    view.steps_table = QTableWidget(0, 9, view)
    view.steps_table.setObjectName("stepsTable")
    view.steps_table.setHorizontalHeaderLabels(
        [translate("ReportsView", "Unit (handoff step)")]
        + [
            textwrap.fill(h, 12, break_long_words=False)
            for h in (
                translate("ReportsView", "Steps finished"),
                translate("ReportsView", "Early"),
                translate("ReportsView", "On time"),
                translate("ReportsView", "Late"),
                translate("ReportsView", "Early or on time"),
                translate("ReportsView", "Average (working days)"),
                translate("ReportsView", "Held at the end"),
                translate("ReportsView", "Of which overdue"),
            )
        ]
    )
    view.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.steps_table.verticalHeader().setVisible(False)
    view.steps_table.horizontalHeader().setStretchLastSection(True)
    view.steps_table.setWordWrap(False)
    view.steps_table.setToolTip(
        translate("ReportsView", "Double-click a figure to list the dossiers behind it.")
    )
    view.steps_text = translate(
        "ReportsView",
        "A step runs from the handoff that brings the dossier to a unit to the one that "
        "takes it on (another department, the result or refusal back, a request for "
        "supplements); the desk's step from receipt to the handoff. Times in working days "
        "of the office's hours.",
    )
    view.steps_note = QLabel(view.steps_text, view)
    view.steps_note.setWordWrap(True)
    steps_page = QWidget(view)
    sl = QVBoxLayout(steps_page)
    sl.setContentsMargins(0, 0, 0, 0)
    sl.addWidget(view.steps_table, 1)
    sl.addWidget(view.steps_note)

    view.quality_summary = QLabel(view)
    view.quality_summary.setObjectName("qualitySummary")
    view.quality_summary.setWordWrap(True)
    view.quality_model = QualityModel(view)
    view.quality_table = QTableView(view)
    view.quality_table.setObjectName("qualityTable")
    view.quality_table.setModel(view.quality_model)
    view.quality_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.quality_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.quality_table.verticalHeader().setVisible(False)
    view.quality_table.setWordWrap(False)
    qh = view.quality_table.horizontalHeader()
    qh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate((200, 240, 90, 115, 115, 150, 90, 90, 80)):
        view.quality_table.setColumnWidth(column, width)
    qh.setStretchLastSection(True)
    view.quality_table.setToolTip(translate("ReportsView", "Double-click a dossier to open it."))
    quality_page = QWidget(view)
    ql = QVBoxLayout(quality_page)
    ql.setContentsMargins(0, 0, 0, 0)
    ql.addWidget(view.quality_summary)
    ql.addWidget(view.quality_table, 1)

    view.tabs = QTabWidget(view)
    view.tabs.setObjectName("reportTabs")
    view.tabs.addTab(split, translate("ReportsView", "Form 06 (Biểu 06)"))
    view.tabs.addTab(view.late_table, translate("ReportsView", "Late dossiers and apologies"))
    view.tabs.addTab(view.index_table, translate("ReportsView", "QĐ 766 self-check"))
    view.tabs.addTab(steps_page, translate("ReportsView", "Handoff steps"))
    view.tabs.addTab(quality_page, translate("ReportsView", "Quality (TT 01/2018)"))

    layout = QVBoxLayout(view)
    layout.addLayout(row)
    layout.addLayout(row2)
    layout.addWidget(view.summary)
    layout.addWidget(view.tabs, 1)
