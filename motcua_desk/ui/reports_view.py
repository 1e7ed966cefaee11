"""Báo cáo (F8): the office's figures for a period. Presets (this month, last month, this
quarter, this year) or any from–to dates; this desk or the whole office (cut by desk), all fields
or one field group; rows per field, procedure, department or field group.

Everything is computed on the DB worker in one call (ReportService.dashboard: one read of the
facts), with a progress bar fed from the worker's thread (a queued signal); the window stays
free. Tabs: Biểu 06 (a table over a model, the law's column numbers in the header) with the bars
per month drawn by QPainter under it; the late dossiers with their apologies; the QĐ 766
self-check; the handoff steps per unit (early / on time / late, the average working days); the
quality facts of TT 01/2018 Art. 13 per dossier with their summary. A double click on a figure
lists the dossiers behind it (drill-down), and a double click there opens the dossier. "Xuất
PDF…" and "Xuất Excel…" draw the tab's report on the render lane and write it atomically.

The screen is laid out in forms/reports.ui, set up by ui.reports_layout, and its exports written
by ui.report_export; its table models are ui.report_models, the bars and the drill-down dialog
ui.report_widgets.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from motcua_desk.domain.report_periods import preset_period
from motcua_desk.domain.reports import cell_codes
from motcua_desk.ui import labels, report_export, reports_layout
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.report_models import (
    days_text,
    pct_text,
)
from motcua_desk.ui.report_widgets import DrillDialog

if TYPE_CHECKING:
    from motcua_desk.domain.dto import AgencyInfo
    from motcua_desk.domain.quality import QualityReport
    from motcua_desk.services.reports import Dashboard


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


# --- the screen ----------------------------------------------------------------------------------


@contextmanager
def without_collector_pauses():
    """While a long report computes on the worker, Python's cyclic garbage collector is held
    off, and what exists when it ends is frozen (gc.freeze): a full collection walks every
    live object with the interpreter lock held, which stopped the GUI thread for 100 ms at
    10,000 dossiers and more at a million. The report's objects (frozen dataclasses, tuples,
    dicts) form no reference cycles: reference counting frees them when the next report
    replaces them, frozen or not."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


class ReportsView(QWidget):
    open_dossier = Signal(str)
    computed = Signal(object)  # the Dashboard shown
    exported = Signal(str)  # the path of a file written
    drilled = Signal(object)  # the DrillDialog opened
    _progressed = Signal(int, int)  # generation, percent: emitted by the worker's thread
    quality_computed = Signal(object)  # the Dashboard with its steps and quality facts

    PRESETS = ("this_month", "last_month", "this_quarter", "this_year", "custom")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dashboard: Dashboard | None = None
        self.agency: AgencyInfo | None = None
        self.busy = False
        self._generation = 0
        self._shown_once = False
        self.last_drill: DrillDialog | None = None
        # (kind "pdf"|"xlsx", suggested file name) -> a path or None; a file dialog by default
        self.ask_save_path = self._ask_save_path
        reports_layout.build(self)
        self._set_exports_enabled()
        self._connect_signals()
        self._apply_preset()

    def _connect_signals(self) -> None:
        self.preset_combo.currentIndexChanged.connect(lambda _i: self._apply_preset())
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.compute_button.clicked.connect(self.compute)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.table.doubleClicked.connect(self._drill_cell)
        self.late_table.doubleClicked.connect(self._open_late)
        self.index_table.cellDoubleClicked.connect(self._drill_index)
        self.steps_table.cellDoubleClicked.connect(self._drill_steps)
        self.quality_table.doubleClicked.connect(self._open_quality)
        self.tabs.currentChanged.connect(lambda _i: self._set_exports_enabled())
        self._progressed.connect(self._on_progress)

    # --- the period ---------------------------------------------------------------------------
    def _apply_preset(self) -> None:
        kind = self.preset_combo.currentData()
        custom = kind == "custom"
        if not custom:
            p = preset_period(kind, self.ctx.today())
            self._setting_dates = True
            self.date_from.setDate(_qdate(p.first))
            self.date_to.setDate(_qdate(p.last))
            self._setting_dates = False

    _setting_dates = False

    def _dates_edited(self, _d) -> None:
        if not self._setting_dates and self.preset_combo.currentData() != "custom":
            self.preset_combo.blockSignals(True)
            self.preset_combo.setCurrentIndex(self.PRESETS.index("custom"))
            self.preset_combo.blockSignals(False)

    def set_preset(self, kind: str) -> None:
        self.preset_combo.setCurrentIndex(self.PRESETS.index(kind))

    def set_dates(self, first: date, last: date) -> None:
        self.date_from.setDate(_qdate(first))
        self.date_to.setDate(_qdate(last))

    def focus_first(self) -> None:
        self.preset_combo.setFocus()
        if not self._shown_once:
            self._shown_once = True
            self.compute()

    # --- computing ----------------------------------------------------------------------------
    def compute(self) -> None:
        """Read the choices, then compute on the DB worker; the answer to an older request is
        dropped."""
        first, last = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        scope, desk = self.scope_combo.currentData()
        by = self.by_combo.currentData()
        group = self.group_combo.currentData()
        self._generation += 1
        gen = self._generation
        self._set_busy(True)
        progressed = self._progressed

        def load(svc):
            from motcua_desk.services.reports import ReportScope

            period = svc.reports.period_between(first, last)
            with without_collector_pauses():
                dashboard = svc.reports.dashboard(
                    period,
                    ReportScope(scope, desk, group),
                    by,
                    progress=lambda pct, _stage: progressed.emit(gen, pct),
                    with_quality=False,
                )
            groups = [g.name for g in svc.catalog.field_groups()]
            return dashboard, svc.settings.agency(), groups

        self.ctx.worker.query(
            load,
            success=lambda r: self._show(gen, *r),
            failure=lambda err: self._failed(gen, err),
            owner=self,
        )

    def _on_progress(self, gen: int, pct: int) -> None:
        if gen == self._generation and self.busy:
            self.progress.setValue(pct)

    def _set_groups(self, names: list[str]) -> None:
        """The group filter's choices: all fields, then the office's field groups."""
        current = self.group_combo.currentData()
        have = [self.group_combo.itemData(i) for i in range(1, self.group_combo.count())]
        if have == names:
            return
        self.group_combo.blockSignals(True)
        while self.group_combo.count() > 1:
            self.group_combo.removeItem(1)
        for name in names:
            self.group_combo.addItem(self.tr("Group: {name}").format(name=name), name)
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(max(index, 0))
        self.group_combo.blockSignals(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.compute_button.setEnabled(not busy)
        if busy:
            self.summary.setText(self.tr("Computing…"))
        self._set_exports_enabled()

    def _set_exports_enabled(self) -> None:
        ok = self.dashboard is not None and not self.busy
        if self.tabs.currentIndex() in (3, 4):  # the quality report: once it is there
            ok = ok and self.dashboard.quality is not None
        self.pdf_button.setEnabled(ok)
        self.xlsx_button.setEnabled(ok)

    def _failed(self, gen: int, err: BaseException) -> None:
        if gen != self._generation:
            return
        self._set_busy(False)
        self.summary.setText("")
        self.ctx.errors.present(err)

    def _show(
        self, gen: int, dashboard: Dashboard, agency: AgencyInfo, groups: list[str] = ()
    ) -> None:
        if gen != self._generation:
            return
        self.dashboard, self.agency = dashboard, agency
        self._set_groups(list(groups))
        header = self.table.horizontalHeader()
        self.model.metrics = QFontMetrics(header.font())
        self.model.set_report(dashboard.report)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns = self.model.columnCount()
        # each figure's column as wide as its wrapped header (and its widest figure); the
        # header as tall as the tallest; past the window's width the table scrolls sideways
        widths = [
            max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c), 48)
            for c in range(1, columns)
        ]
        room = self.table.viewport().width() - sum(widths) - 4
        self.table.setColumnWidth(0, max(room, 280))
        for c, width in enumerate(widths, 1):
            self.table.setColumnWidth(c, width)
        header.setMinimumHeight(max(58, header.sizeHint().height()))
        self.chart.set_months(dashboard.months)
        self._fill_late(dashboard)
        self._fill_indices(dashboard)
        self._fill_steps(dashboard)
        self._fill_quality(dashboard)
        self._compute_quality(gen, dashboard)
        v = dashboard.report.total.values
        p = dashboard.report.period
        resolved = v.get("resolved_total", 0)
        good = v.get("resolved_early", 0) + v.get("resolved_on_time", 0)
        self.summary.setText(
            self.tr(
                "{first} – {last} ({scope}): received {received}; resolved {resolved} "
                "({resolved_pct}); early or on time {good} ({good_pct} of resolved), late {late}; "
                "in progress {pending} ({overdue} overdue)."
            ).format(
                first=labels.fmt_date(p.first),
                last=labels.fmt_date(p.last),
                scope=dashboard.scope.label(),
                received=v.get("received_total", 0),
                resolved=resolved,
                resolved_pct=pct_text(resolved, v.get("received_total", 0)),
                good=good,
                good_pct=pct_text(good, resolved),
                late=v.get("resolved_late", 0),
                pending=v.get("pending_total", 0),
                overdue=v.get("pending_overdue", 0),
            )
        )
        self._set_busy(False)
        self.computed.emit(dashboard)

    def _fill_late(self, dashboard: Dashboard) -> None:
        self.late_model.set_late(dashboard.late.entries, dashboard.tz)

    def _fill_indices(self, dashboard: Dashboard) -> None:
        t = self.index_table
        t.setRowCount(len(dashboard.indices))
        for i, v in enumerate(dashboard.indices):
            score = "—" if v.score is None else f"{v.score:.2f} %".replace(".", ",")
            if v.denominator:
                score += f" ({v.numerator}/{v.denominator})"
            cells = [
                f"{v.key} {v.name}",
                score,
                v.formula,
                " ".join(x for x in (v.target, v.note) if x),
                str(len(v.lowering)),
            ]
            for c, text in enumerate(cells):
                t.setItem(i, c, QTableWidgetItem(text))
        for c in (0, 1, 4):
            t.resizeColumnToContents(c)
        t.setColumnWidth(3, 320)
        t.resizeRowsToContents()

    def _compute_quality(self, gen: int, dashboard: Dashboard) -> None:
        """The steps and the quality facts, second: Biểu 06 and the other tabs are shown
        meanwhile (a year of a million-dossier desk: about half the time)."""
        if dashboard.quality is not None:
            return
        self.quality_busy = True
        self.steps_note.setText(self.tr("Computing the handoff steps and the quality facts…"))
        self.quality_summary.setText(self.tr("Computing the handoff steps and the quality facts…"))
        self._set_exports_enabled()
        period, scope, facts = dashboard.report.period, dashboard.scope, dashboard.facts

        def load(svc):
            with without_collector_pauses():
                return svc.reports.quality(period, scope, facts, keep_codes=True)

        self.ctx.worker.query(
            load,
            success=lambda q: self._quality_shown(gen, q),
            failure=lambda err: self._quality_failed(gen, err),
            owner=self,
        )

    quality_busy = False

    def _quality_shown(self, gen: int, q: QualityReport) -> None:
        if gen != self._generation or self.dashboard is None:
            return
        self.quality_busy = False
        self.dashboard = replace(self.dashboard, quality=q, facts=())
        self.steps_note.setText(self.steps_text)
        self._fill_steps(self.dashboard)
        self._fill_quality(self.dashboard)
        self._set_exports_enabled()
        self.quality_computed.emit(self.dashboard)

    def _quality_failed(self, gen: int, err: BaseException) -> None:
        if gen != self._generation:
            return
        self.quality_busy = False
        self.steps_note.setText(self.steps_text)
        self.quality_summary.setText("")
        self._set_exports_enabled()
        self.ctx.errors.present(err)

    def _step_rows(self, dashboard: Dashboard) -> list:
        from motcua_desk.domain.quality import steps_total

        q = dashboard.quality
        if q is None:
            return []
        return [*q.steps, steps_total(q.steps)]

    def _fill_steps(self, dashboard: Dashboard) -> None:
        rows = self._step_rows(dashboard)
        t = self.steps_table
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            unit = (
                self.tr("Reception desk (transfer)")
                if r.kind == "transfer"
                else (self.tr("Total") if r.kind == "total" else r.unit)
            )
            cells = [
                unit,
                str(r.finished),
                str(r.early),
                str(r.on_time),
                str(r.late),
                pct_text(r.early + r.on_time, r.finished),
                days_text(r.average_days),
                str(r.open),
                str(r.open_overdue),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if r.kind == "total":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                t.setItem(i, c, item)
        t.resizeColumnToContents(0)
        t.setColumnWidth(0, max(t.columnWidth(0), 280))
        for c in range(1, 9):
            t.resizeColumnToContents(c)

    def _fill_quality(self, dashboard: Dashboard) -> None:
        q = dashboard.quality
        if q is None:
            self.quality_model.set_rows((), dashboard.tz)
            self.quality_summary.setText("")
            return
        self.quality_model.set_rows(q.dossiers, dashboard.tz)
        s = q.summary()
        ch = s["channels"]
        self.quality_summary.setText(
            self.tr(
                "{n} dossier(s), {done} finished, {within} of them early or on time ({within_pct})."
                " Actual time on average {actual} working days against a statutory {statutory}. "
                "Supplement requests: {supp} (on {supp_d} dossier(s); more than once: {supp_2}). "
                "Departments involved on average: {depts}; through several departments: {several}."
                " Channels: online {online}, direct {direct}, by post {post}."
            ).format(
                n=s["dossiers"],
                done=s["finished"],
                within=s["finished_within_time"],
                within_pct=pct_text(s["finished_within_time"], s["finished"]),
                actual=days_text(s["average_actual_working_days"]),
                statutory=days_text(s["average_statutory_working_days"]),
                supp=s["supplement_requests"],
                supp_d=s["dossiers_with_supplements"],
                supp_2=s["dossiers_with_more_than_one_supplement"],
                depts=days_text(s["average_departments_involved"]),
                several=s["dossiers_with_several_departments"],
                online=ch["online"],
                direct=ch["direct"],
                post=ch["post"],
            )
        )

    def _drill_steps(self, row: int, column: int) -> None:
        if self.dashboard is None:
            return
        rows = self._step_rows(self.dashboard)
        if not 0 <= row < len(rows):
            return
        kinds = {2: ("early",), 3: ("on_time",), 4: ("late",), 7: ("open",)}.get(
            column, ("early", "on_time", "late")
        )
        chosen = rows[:-1] if rows[row].kind == "total" else [rows[row]]
        codes = sorted({c for r in chosen for k in kinds for c in r.codes.get(k, ())})
        self.drill(self.steps_table.item(row, 0).text(), tuple(codes))

    def _open_quality(self, index: QModelIndex) -> None:
        code = self.quality_model.data(index, Qt.ItemDataRole.UserRole)
        if code:
            self.open_dossier.emit(code)

    # --- drill-down ---------------------------------------------------------------------------
    def _drill_cell(self, index: QModelIndex) -> None:
        if self.dashboard is None or not index.isValid():
            return
        report = self.dashboard.report
        row = self.model.row_at(index.row())
        key = self.model.column_key(index.column()) or report.form.all_columns[0].key
        codes = cell_codes(report, row, key)
        col = next(c for c in report.form.all_columns if c.key == key)
        title = (
            f"{row.item_name} – ({col.no}) {col.label}"
            if col.no
            else f"{row.item_name} – {col.label}"
        )
        self.drill(title, codes)

    def _drill_index(self, row: int, _column: int) -> None:
        if self.dashboard is None:
            return
        v = self.dashboard.indices[row]
        self.drill(f"{v.key} {v.name}", tuple(c for c, _ in v.lowering))

    def drill(self, title: str, codes: tuple[str, ...]) -> None:
        if not codes:
            self.ctx.notify(self.tr("No dossier is behind this figure."))
            return
        dialog = DrillDialog(self.ctx, title, codes, self)
        dialog.open_dossier.connect(self.open_dossier)
        dialog.finished.connect(dialog.deleteLater)
        self.last_drill = dialog
        dialog.open()
        self.drilled.emit(dialog)

    def _open_late(self, index: QModelIndex) -> None:
        code = self.late_model.data(index, Qt.ItemDataRole.UserRole)
        if code:
            self.open_dossier.emit(code)

    # --- export -------------------------------------------------------------------------------
    def _ask_save_path(self, kind: str, suggested: str) -> str | None:
        return report_export.ask_save_path(self, kind, suggested)

    def export(self, kind: str) -> None:
        """The report shown (Biểu 06 on the first tab, the late list on the second) as a PDF
        or XLSX file, drawn on the render lane."""
        report_export.export(self, kind)
