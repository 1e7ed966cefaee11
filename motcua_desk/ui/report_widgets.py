"""The Reports screen's own widgets: the bars per month drawn with QPainter under Biểu 06, and
the drill-down dialog that lists the dossiers behind a figure (opened by a double click).
Apart from ui.reports_view because each stands alone, given its data; their translation
contexts are their own class names, as before. The dialog's layout is forms/drill.ui; the bars
are promoted into forms/reports.ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from motcua_desk.domain.report_periods import Period
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_drill import Ui_DrillForm
from motcua_desk.ui.models import DossierTableModel

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierView
    from motcua_desk.services import Services

DRILL_LIMIT = 500  # dossiers listed behind one cell


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

    def run(self, svc: Services, limit: int, before_pk: int | None) -> list[DossierView]:
        if before_pk is not None:
            return []
        return [svc.dossiers.find_by_code(c).dossier for c in self.codes[:DRILL_LIMIT]]


class DrillDialog(QDialog):
    """The dossiers behind a figure; a double click (or Enter) opens one."""

    open_dossier = Signal(str)

    def __init__(self, ctx: UiContext, title: str, codes: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_DrillForm()
        self.ui.setupUi(self)  # forms/drill.ui: the note, the table, Close; 980×460
        self.setWindowTitle(title)
        self.codes = codes
        self.model = DossierTableModel(ctx.worker, self, page_size=DRILL_LIMIT + 1, now=ctx.now)
        self.table = self.ui.drillTable
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ui.noteLabel.setText(
            self.tr("{n} dossier(s). Double-click one to open it.").format(n=len(codes))
            + (
                ""
                if len(codes) <= DRILL_LIMIT
                else " " + self.tr("The first {limit} are listed.").format(limit=DRILL_LIMIT)
            )
        )
        self.ui.buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(self._open)
        self.model.set_query(CodesQuery(codes))

    def _open(self, index: QModelIndex) -> None:
        code = self.model.data(index, Qt.ItemDataRole.UserRole)
        if code:
            self.open_dossier.emit(code)
            self.accept()
