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
"""

from __future__ import annotations

import gc
import os
import tempfile
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.domain.late_report import LATE, OVERDUE
from motcua_desk.domain.report_periods import Period, preset_period
from motcua_desk.domain.reports import Report, ReportRow, cell_codes
from motcua_desk.ui import labels
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.models import DossierTableModel

DRILL_LIMIT = 500  # dossiers listed behind one cell


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def wrap_to_width(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """`text` in lines of at most `width` pixels, broken between words (a word wider than
    that keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def header_lines(
    text: str, metrics: QFontMetrics, *, min_width: int = 56, max_lines: int = 3
) -> list[str]:
    """A column's label wrapped as narrow as it goes in at most `max_lines` lines (more only
    when its words alone need them)."""
    words = text.split()
    widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
    width = max(min_width, widest)
    lines = wrap_to_width(text, metrics, width)
    while len(lines) > max_lines and len(lines) > 1:
        width += 4
        lines = wrap_to_width(text, metrics, width)
    return lines


def _pct(num: int, den: int) -> str:
    return "—" if not den else f"{100 * num / den:.2f} %".replace(".", ",")


# --- the Biểu 06 table ---------------------------------------------------------------------------


class Bieu06Model(QAbstractTableModel):
    """Rows of a Report: fields (bold), their procedures, the total; columns: the name, then
    the form's columns in the definition's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.metrics: QFontMetrics | None = None  # the header's font: labels wrap to fit it

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def rows(self) -> tuple[ReportRow, ...]:
        if self.report is None:
            return ()
        return (*self.report.rows, self.report.total)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.report is None else len(self.report.rows) + 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.report is None:
            return 0
        return 1 + len(self.report.form.all_columns)

    def column_key(self, column: int) -> str | None:
        if self.report is None or column < 1:
            return None
        return self.report.form.all_columns[column - 1].key

    def row_at(self, row: int) -> ReportRow:
        return self.rows()[row]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.report is None:
            return None
        if section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return "(2)\n" + {"department": self.tr("Department, procedure")}.get(
                    self.report.by, self.tr("Field, procedure")
                )
            return None
        col = self.report.form.all_columns[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            number = f"({col.no})" if col.no else self.tr("(beside the form)")
            if self.metrics is None:
                return f"{number}\n" + textwrap.fill(col.label, 11, break_long_words=False)
            return "\n".join([number, *header_lines(col.label, self.metrics)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.label
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        r = self.row_at(index.row())
        key = self.column_key(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if key is None:
                if r.level == "item" and self.report.by == "procedure":
                    return f"{r.item_code} – {r.item_name} ({r.group})"
                if r.level == "item":
                    return f"    {r.item_code} – {r.item_name}" if r.item_code else r.item_name
                return r.item_name
            return str(r.values[key])
        if role == Qt.ItemDataRole.UserRole and key is not None:
            return int(r.values[key])
        if role == Qt.ItemDataRole.FontRole and r.level != "item":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and r.level == "total":
            return QBrush(QColor("#eef4fb"))
        if role == Qt.ItemDataRole.ToolTipRole and key is None:
            return r.item_name
        return None


class LateModel(QAbstractTableModel):
    """The late list (one row per dossier), drawn as the view scrolls: a year of a busy desk
    has tens of thousands of them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: tuple = ()
        self.tz: Any = None
        self.headers = (
            self.tr("Department"),
            self.tr("Dossier code"),
            self.tr("Procedure"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Finished"),
            self.tr("Apology (Form 04)"),
            self.tr("Reason"),
        )
        self.kinds = {
            LATE: self.tr("Resolved late"),
            OVERDUE: self.tr("In progress, overdue"),
            "extended": self.tr("Extended, in progress"),
        }

    def set_late(self, entries, tz) -> None:
        self.beginResetModel()
        self.entries, self.tz = tuple(entries), tz
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _when(self, moment) -> str:
        return labels.fmt_moment(moment.astimezone(self.tz)) if moment else ""

    def text(self, row: int, column: int) -> str:
        e = self.entries[row]
        if column == 6:
            a = e.apology
            if a.at is None:
                return self.tr("None")
            return self._when(a.at) + (" " + self.tr("(late)") if a.in_time is False else "")
        return (
            e.department,
            e.code,
            f"{e.procedure_code} – {e.procedure_name}",
            self._when(e.due_at),
            self.kinds.get(e.kind, e.kind),
            self._when(e.finished_at),
            "",
            e.apology.reason,
        )[column]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.entries[index.row()].code
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self.entries[index.row()].procedure_name
        return None


class QualityModel(QAbstractTableModel):
    """The quality facts of TT 01/2018 Art. 13, one row per dossier of the period, drawn as the
    view scrolls."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple = ()
        self.tz: Any = None
        self.headers = (
            self.tr("Dossier code"),
            self.tr("Procedure"),
            self.tr("Channel"),
            self.tr("Received"),
            self.tr("Finished"),
            self.tr("Result"),
            self.tr("Statutory (working days)"),
            self.tr("Actual (working days)"),
            self.tr("Supplement requests"),
            self.tr("Departments (working days)"),
        )
        self.results = {
            "resolved_early": self.tr("Early"),
            "resolved_on_time": self.tr("On time"),
            "resolved_late": self.tr("Late"),
            "pending_within": self.tr("In progress, within the deadline"),
            "pending_overdue": self.tr("In progress, overdue"),
        }

    def set_rows(self, rows, tz) -> None:
        self.beginResetModel()
        self.rows, self.tz = tuple(rows), tz
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _when(self, moment) -> str:
        return labels.fmt_moment(moment.astimezone(self.tz)) if moment else ""

    def text(self, row: int, column: int) -> str:
        d = self.rows[row]
        if column == 9:
            return "; ".join(f"{u}: {_days(v)}" for u, v in d.departments)
        return (
            d.code,
            f"{d.procedure_code} – {d.procedure_name}",
            labels.channel_label(d.channel),
            self._when(d.received_at),
            self._when(d.finished_at),
            self.results.get(d.result, d.result),
            _days(d.statutory_days),
            _days(d.actual_days),
            str(d.supplements),
        )[column]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].code
        if role == Qt.ItemDataRole.TextAlignmentRole and 6 <= index.column() <= 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 9):
            return self.text(index.row(), index.column())
        return None


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


# --- the bars per month --------------------------------------------------------------------------


class MonthBars(QWidget):
    """Per month: received (3) in a light bar, resolved (7) in a dark one, and the share
    resolved early or on time, ((8)+(9))/(7), written above. Drawn with QPainter (QtCharts is
    not part of PySide6-Essentials)."""

    RECEIVED, RESOLVED = QColor("#9bb8d8"), QColor("#0b4f8a")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("monthBars")
        self.setMinimumHeight(170)
        self.months: list[tuple[Period, dict[str, int]]] = []

    def set_months(self, months) -> None:
        self.months = list(months)
        self.update()

    @staticmethod
    def share(values: dict[str, int]) -> str:
        done = values.get("resolved_total", 0)
        if not done:
            return "—"
        good = values.get("resolved_early", 0) + values.get("resolved_on_time", 0)
        return f"{100 * good / done:.0f} %"

    def bar_rects(self) -> list[tuple[QRectF, QRectF]]:
        """(received, resolved) bar of each month, in widget coordinates."""
        if not self.months:
            return []
        left, right, top, bottom = 40.0, 10.0, 24.0, 36.0
        w = max(self.width() - left - right, 10.0)
        h = max(self.height() - top - bottom, 10.0)
        peak = max(
            [max(v.get("received_total", 0), v.get("resolved_total", 0)) for _, v in self.months]
            + [1]
        )
        slot = w / len(self.months)
        bar = min(slot * 0.35, 40.0)
        out = []
        for i, (_, v) in enumerate(self.months):
            x = left + slot * i + slot / 2 - bar
            base = top + h
            hr = h * v.get("received_total", 0) / peak
            hd = h * v.get("resolved_total", 0) / peak
            out.append((QRectF(x, base - hr, bar, hr), QRectF(x + bar, base - hd, bar, hd)))
        return out

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.months:
            p.setPen(QColor("#555555"))
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No figures yet: choose a period and press Compute."),
            )
            p.end()
            return
        rects = self.bar_rects()
        base = self.height() - 36.0
        p.setPen(QPen(QColor("#333333"), 1))
        p.drawLine(36, int(base), self.width() - 8, int(base))
        metrics = p.fontMetrics()
        for (period, values), (rec, res) in zip(self.months, rects, strict=True):
            p.fillRect(rec, self.RECEIVED)
            p.fillRect(res, self.RESOLVED)
            cx = rec.right()
            label = f"{period.first:%m/%Y}"
            p.setPen(QColor("#333333"))
            p.drawText(int(cx - metrics.horizontalAdvance(label) / 2), int(base + 14), label)
            share = self.share(values)
            top = min(rec.top(), res.top()) - 4
            p.drawText(int(cx - metrics.horizontalAdvance(share) / 2), int(top), share)
        legend = self.tr(
            "Light: received (3) · dark: resolved (7) · above: resolved early or "
            "on time, ((8)+(9))/(7)"
        )
        p.setPen(QColor("#555555"))
        p.drawText(40, self.height() - 6, legend)
        p.end()


# --- drill-down ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodesQuery:
    """The dossiers of a list of codes (the cell's), for DossierTableModel."""

    codes: tuple[str, ...]

    def run(self, svc: Any, limit: int, before_pk: int | None) -> list:
        if before_pk is not None:
            return []
        return [svc.dossiers.find_by_code(c).dossier for c in self.codes[:DRILL_LIMIT]]


class DrillDialog(QDialog):
    """The dossiers behind a figure; a double click (or Enter) opens one."""

    open_dossier = Signal(str)

    def __init__(self, ctx: UiContext, title: str, codes: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDialog")
        self.setWindowTitle(title)
        self.codes = codes
        self.model = DossierTableModel(ctx.worker, self, page_size=DRILL_LIMIT + 1, now=ctx.now)
        self.table = QTableView(self)
        self.table.setObjectName("drillTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr("{n} dossier(s). Double-click one to open it.").format(n=len(codes))
            + (
                ""
                if len(codes) <= DRILL_LIMIT
                else " " + self.tr("The first {limit} are listed.").format(limit=DRILL_LIMIT)
            ),
            self,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 460)
        self.table.doubleClicked.connect(self._open)
        self.model.set_query(CodesQuery(codes))

    def _open(self, index: QModelIndex) -> None:
        code = self.model.data(index, Qt.ItemDataRole.UserRole)
        if code:
            self.open_dossier.emit(code)
            self.accept()


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


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside the target, then a rename: never half a file under its name."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(name, 0o644)
        os.replace(name, path)
    except BaseException:
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass
        raise


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
        self.dashboard: Any = None
        self.agency: Any = None
        self.busy = False
        self._generation = 0
        self._shown_once = False
        self.last_drill: DrillDialog | None = None
        # (kind "pdf"|"xlsx", suggested file name) -> a path or None; a file dialog by default
        self.ask_save_path = self._ask_save_path
        self._build()
        self._connect_signals()
        self._apply_preset()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("presetCombo")
        names = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "this_quarter": self.tr("This quarter"),
            "this_year": self.tr("This year"),
            "custom": self.tr("From – to…"),
        }
        for key in self.PRESETS:
            self.preset_combo.addItem(names[key], key)
        self.date_from = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.date_from.setObjectName("reportFrom")
        self.date_to = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.date_to.setObjectName("reportTo")
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scopeCombo")
        self.scope_combo.addItem(self.tr("This desk"), ("desk", None))
        self.scope_combo.addItem(self.tr("Whole office"), ("office", None))
        for n in range(1, 10):
            self.scope_combo.addItem(self.tr("Office, desk {n}").format(n=n), ("office", n))
        self.by_combo = QComboBox(self)
        self.by_combo.setObjectName("byCombo")
        self.by_combo.addItem(self.tr("By field and procedure"), "field")
        self.by_combo.addItem(self.tr("By department"), "department")
        self.by_combo.addItem(self.tr("By procedure"), "procedure")
        self.by_combo.addItem(self.tr("By field group"), "group")
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("groupCombo")
        self.group_combo.addItem(self.tr("All fields"), None)
        self.compute_button = QPushButton(self.tr("&Compute"), self)
        self.compute_button.setObjectName("computeButton")
        self.pdf_button = QPushButton(self.tr("Export &PDF…"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.xlsx_button = QPushButton(self.tr("Export &Excel…"), self)
        self.xlsx_button.setObjectName("xlsxButton")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")

        row = QHBoxLayout()
        period_label = QLabel(self.tr("Peri&od:"), self)
        period_label.setBuddy(self.preset_combo)
        row.addWidget(period_label)
        row.addWidget(self.preset_combo)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.date_to)
        row.addWidget(self.compute_button)
        row.addStretch(1)
        # the second line, so that the screen fits a 1366-pixel counter screen
        row2 = QHBoxLayout()
        row2.addWidget(self.scope_combo)
        row2.addWidget(self.by_combo)
        row2.addWidget(self.group_combo)
        row2.addWidget(self.progress)
        row2.addStretch(1)
        row2.addWidget(self.pdf_button)
        row2.addWidget(self.xlsx_button)
        for combo in (self.preset_combo, self.scope_combo, self.by_combo, self.group_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)

        self.model = Bieu06Model(self)
        self.table = QTableView(self)
        self.table.setObjectName("bieu06Table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setMinimumHeight(58)
        self.table.setToolTip(self.tr("Double-click a figure to list the dossiers behind it."))
        self.chart = MonthBars(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.late_model = LateModel(self)
        self.late_table = QTableView(self)
        self.late_table.setObjectName("lateTable")
        self.late_table.setModel(self.late_model)
        self.late_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.late_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.late_table.verticalHeader().setVisible(False)
        self.late_table.setWordWrap(False)
        header = self.late_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 210, 330, 115, 170, 115, 150)):
            self.late_table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.late_table.setToolTip(self.tr("Double-click a dossier to open it."))

        self.index_table = QTableWidget(0, 5, self)
        self.index_table.setObjectName("indexTable")
        self.index_table.setHorizontalHeaderLabels(
            [
                self.tr("Index"),
                self.tr("Score"),
                self.tr("Formula"),
                self.tr("Note"),
                self.tr("Dossiers lowering it"),
            ]
        )
        self.index_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.index_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.index_table.verticalHeader().setVisible(False)
        self.index_table.setWordWrap(True)
        self.index_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.index_table.setToolTip(
            self.tr("Double-click an index to list the dossiers that lower it.")
        )

        self.steps_table = QTableWidget(0, 9, self)
        self.steps_table.setObjectName("stepsTable")
        self.steps_table.setHorizontalHeaderLabels(
            [self.tr("Unit (handoff step)")]
            + [
                textwrap.fill(h, 12, break_long_words=False)
                for h in (
                    self.tr("Steps finished"),
                    self.tr("Early"),
                    self.tr("On time"),
                    self.tr("Late"),
                    self.tr("Early or on time"),
                    self.tr("Average (working days)"),
                    self.tr("Held at the end"),
                    self.tr("Of which overdue"),
                )
            ]
        )
        self.steps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_table.verticalHeader().setVisible(False)
        self.steps_table.horizontalHeader().setStretchLastSection(True)
        self.steps_table.setWordWrap(False)
        self.steps_table.setToolTip(
            self.tr("Double-click a figure to list the dossiers behind it.")
        )
        self.steps_text = self.tr(
            "A step runs from the handoff that brings the dossier to a unit to the one that "
            "takes it on (another department, the result or refusal back, a request for "
            "supplements); the desk's step from receipt to the handoff. Times in working days "
            "of the office's hours."
        )
        self.steps_note = QLabel(self.steps_text, self)
        self.steps_note.setWordWrap(True)
        steps_page = QWidget(self)
        sl = QVBoxLayout(steps_page)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.steps_table, 1)
        sl.addWidget(self.steps_note)

        self.quality_summary = QLabel(self)
        self.quality_summary.setObjectName("qualitySummary")
        self.quality_summary.setWordWrap(True)
        self.quality_model = QualityModel(self)
        self.quality_table = QTableView(self)
        self.quality_table.setObjectName("qualityTable")
        self.quality_table.setModel(self.quality_model)
        self.quality_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quality_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quality_table.verticalHeader().setVisible(False)
        self.quality_table.setWordWrap(False)
        qh = self.quality_table.horizontalHeader()
        qh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((200, 240, 90, 115, 115, 150, 90, 90, 80)):
            self.quality_table.setColumnWidth(column, width)
        qh.setStretchLastSection(True)
        self.quality_table.setToolTip(self.tr("Double-click a dossier to open it."))
        quality_page = QWidget(self)
        ql = QVBoxLayout(quality_page)
        ql.setContentsMargins(0, 0, 0, 0)
        ql.addWidget(self.quality_summary)
        ql.addWidget(self.quality_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportTabs")
        self.tabs.addTab(split, self.tr("Form 06 (Biểu 06)"))
        self.tabs.addTab(self.late_table, self.tr("Late dossiers and apologies"))
        self.tabs.addTab(self.index_table, self.tr("QĐ 766 self-check"))
        self.tabs.addTab(steps_page, self.tr("Handoff steps"))
        self.tabs.addTab(quality_page, self.tr("Quality (TT 01/2018)"))

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self._set_exports_enabled()

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

    def _show(self, gen: int, dashboard: Any, agency: Any, groups: list[str] = ()) -> None:
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
                resolved_pct=_pct(resolved, v.get("received_total", 0)),
                good=good,
                good_pct=_pct(good, resolved),
                late=v.get("resolved_late", 0),
                pending=v.get("pending_total", 0),
                overdue=v.get("pending_overdue", 0),
            )
        )
        self._set_busy(False)
        self.computed.emit(dashboard)

    def _fill_late(self, dashboard: Any) -> None:
        self.late_model.set_late(dashboard.late.entries, dashboard.tz)

    def _fill_indices(self, dashboard: Any) -> None:
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

    def _compute_quality(self, gen: int, dashboard: Any) -> None:
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

    def _quality_shown(self, gen: int, q: Any) -> None:
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

    def _step_rows(self, dashboard: Any) -> list:
        from motcua_desk.domain.quality import steps_total

        q = dashboard.quality
        if q is None:
            return []
        return [*q.steps, steps_total(q.steps)]

    def _fill_steps(self, dashboard: Any) -> None:
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
                _pct(r.early + r.on_time, r.finished),
                _days(r.average_days),
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

    def _fill_quality(self, dashboard: Any) -> None:
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
                within_pct=_pct(s["finished_within_time"], s["finished"]),
                actual=_days(s["average_actual_working_days"]),
                statutory=_days(s["average_statutory_working_days"]),
                supp=s["supplement_requests"],
                supp_d=s["dossiers_with_supplements"],
                supp_2=s["dossiers_with_more_than_one_supplement"],
                depts=_days(s["average_departments_involved"]),
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
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "xlsx": self.tr("Excel files (*.xlsx)")}
        title = self.tr("Export PDF") if kind == "pdf" else self.tr("Export Excel")
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, filters[kind])
        return path or None

    def export(self, kind: str) -> None:
        """The report shown (Biểu 06 on the first tab, the late list on the second) as a PDF
        or XLSX file, drawn on the render lane."""
        d, agency = self.dashboard, self.agency
        if d is None:
            return
        late = self.tabs.currentIndex() == 1
        quality = self.tabs.currentIndex() in (3, 4) and d.quality is not None
        p = d.report.period
        stem = "ho-so-qua-han" if late else ("buoc-chuyen-chat-luong" if quality else "bieu06")
        name = self.ask_save_path(kind, f"{stem}-{p.first:%Y%m%d}-{p.last:%Y%m%d}.{kind}")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        made = self.ctx.today()
        label = d.scope.label()

        def draw():
            from motcua_desk import printing

            if late:
                render = printing.late_pdf if kind == "pdf" else printing.late_xlsx
                data = render(d.late, agency, d.tz, label, made)
            elif quality and kind == "pdf":
                data = printing.quality_pdf(d.quality, agency, label, made)
            elif quality:
                data = printing.quality_xlsx(d.quality, agency, d.tz, label, made)
            elif kind == "pdf":
                data = printing.bieu06_pdf(
                    d.report, agency, label, made, d.months if len(d.months) > 1 else ()
                )
            else:
                data = printing.bieu06_xlsx(d.report, agency, label, made)
            write_atomically(path, data)
            return str(path)

        def done(written: str) -> None:
            self.ctx.notify(self.tr("Saved {path}").format(path=written))
            self.exported.emit(written)

        self.ctx.worker.compute(draw, success=done, failure=self.ctx.errors.present, owner=self)
