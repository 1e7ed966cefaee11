"""The Reports screen's table models: Biểu 06 (the law's column numbers and labels wrapped in
the header), the late dossiers with their apologies, and the handoff steps and quality facts;
with the wrapping of a header label and the number formats they share with the screen. Apart
from ui.reports_view because each is a model over one report's DTOs, knowing nothing of the
screen around it; their translation contexts are their own class names, as before.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics

from motcua_desk.domain.late_report import LATE, OVERDUE
from motcua_desk.domain.reports import Report, ReportRow
from motcua_desk.ui import labels

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


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


def pct_text(num: int, den: int) -> str:
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

    def headerData(  # noqa: N802 - Qt's / reportlab's name
        self,
        section: int,
        orientation: Qt.Orientation,
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
        self.tz: ZoneInfo | None = None
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

    def headerData(  # noqa: N802 - Qt's / reportlab's name
        self,
        section: int,
        orientation: Qt.Orientation,
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
        self.tz: ZoneInfo | None = None
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

    def headerData(  # noqa: N802 - Qt's / reportlab's name
        self,
        section: int,
        orientation: Qt.Orientation,
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
            return "; ".join(f"{u}: {days_text(v)}" for u, v in d.departments)
        return (
            d.code,
            f"{d.procedure_code} – {d.procedure_name}",
            labels.channel_label(d.channel),
            self._when(d.received_at),
            self._when(d.finished_at),
            self.results.get(d.result, d.result),
            days_text(d.statutory_days),
            days_text(d.actual_days),
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


def days_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")
