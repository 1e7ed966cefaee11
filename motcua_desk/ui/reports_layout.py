"""The Reports screen's set-up around its form (forms/reports.ui: the period row, the scope row,
the summary line and the five tabs, with the bars per month promoted from ui.report_widgets).
Here is what the form cannot hold: the combos' choices with their data, the table models and
column widths, the steps table's wrapped headers, the splitter's shares. The widgets are kept
as the view's attributes under their old names, as before; the strings set here keep
ReportsView's translation context, the form's are ReportsForm's.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView

from motcua_desk.ui.forms.ui_reports import Ui_ReportsForm
from motcua_desk.ui.report_models import (
    Bieu06Model,
    LateModel,
    QualityModel,
)

if TYPE_CHECKING:
    from motcua_desk.ui.reports_view import ReportsView

translate = QCoreApplication.translate

# the view's attribute -> the form's widget
NAMES = {
    "preset_combo": "presetCombo",
    "date_from": "reportFrom",
    "date_to": "reportTo",
    "scope_combo": "scopeCombo",
    "by_combo": "byCombo",
    "group_combo": "groupCombo",
    "compute_button": "computeButton",
    "pdf_button": "pdfButton",
    "xlsx_button": "xlsxButton",
    "progress": "reportProgress",
    "summary": "reportSummary",
    "table": "bieu06Table",
    "chart": "monthBars",
    "late_table": "lateTable",
    "index_table": "indexTable",
    "steps_table": "stepsTable",
    "steps_note": "stepsNote",
    "quality_summary": "qualitySummary",
    "quality_table": "qualityTable",
    "tabs": "reportTabs",
}


def build(view: ReportsView) -> None:
    """The form on `view`, its widgets as `view`'s attributes, and what the form cannot hold."""
    ui = view.ui = Ui_ReportsForm()
    ui.setupUi(view)
    for attr, name in NAMES.items():
        setattr(view, attr, getattr(ui, name))

    names = {
        "this_month": translate("ReportsView", "This month"),
        "last_month": translate("ReportsView", "Last month"),
        "this_quarter": translate("ReportsView", "This quarter"),
        "this_year": translate("ReportsView", "This year"),
        "custom": translate("ReportsView", "From – to…"),
    }
    for key in view.PRESETS:
        view.preset_combo.addItem(names[key], key)
    view.scope_combo.addItem(translate("ReportsView", "This desk"), ("desk", None))
    view.scope_combo.addItem(translate("ReportsView", "Whole office"), ("office", None))
    for n in range(1, 10):
        view.scope_combo.addItem(
            translate("ReportsView", "Office, desk {n}").format(n=n), ("office", n)
        )
    view.by_combo.addItem(translate("ReportsView", "By field and procedure"), "field")
    view.by_combo.addItem(translate("ReportsView", "By department"), "department")
    view.by_combo.addItem(translate("ReportsView", "By procedure"), "procedure")
    view.by_combo.addItem(translate("ReportsView", "By field group"), "group")
    view.group_combo.addItem(translate("ReportsView", "All fields"), None)
    view.progress.hide()  # shown while a report computes

    view.model = Bieu06Model(view)
    view.table.setModel(view.model)
    view.table.horizontalHeader().setMinimumHeight(58)  # the law's column numbers, wrapped
    ui.bieu06Split.setStretchFactor(0, 3)
    ui.bieu06Split.setStretchFactor(1, 1)

    view.late_model = LateModel(view)
    view.late_table.setModel(view.late_model)
    _widths(view.late_table, (190, 210, 330, 115, 170, 115, 150))

    view.index_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

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
    view.steps_text = view.steps_note.text()  # said again once the steps are computed

    view.quality_model = QualityModel(view)
    view.quality_table.setModel(view.quality_model)
    _widths(view.quality_table, (200, 240, 90, 115, 115, 150, 90, 90, 80))


def _widths(table, widths: tuple[int, ...]) -> None:
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
