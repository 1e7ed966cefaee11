"""Table models over the services' lists.

`DossierTableModel` never holds more than the pages the officer scrolled through: it asks
for the first page of a search, and `fetchMore` (called by the view when the last row comes
into sight) asks the DB worker for the next page with keyset paging (`before_pk` = the last
row's pk), so a million dossiers cost what one page costs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from motcua_desk.ui import labels
from motcua_desk.ui.worker import Worker

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierView
    from motcua_desk.services import Services

PAGE_SIZE = 100


class DossierQuery(Protocol):
    """What DossierTableModel pages through: one page of dossiers, on the DB worker."""

    def run(self, svc: Services, limit: int, before_pk: int | None) -> list[DossierView]: ...


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    status: tuple[str, ...] = ()
    field: str = ""
    department: str = ""
    received_from: date | None = None
    received_to: date | None = None

    def run(self, svc: Services, limit: int, before_pk: int | None) -> list[DossierView]:
        return svc.dossiers.search(
            self.text,
            status=self.status,
            field=self.field,
            department=self.department,
            received_from=self.received_from,
            received_to=self.received_to,
            limit=limit,
            before_pk=before_pk,
        )


@dataclass(frozen=True)
class TodayQuery:
    """One of the today panel's lists (the services give at most `limit` rows of it)."""

    kind: str
    limit: int = 500

    def run(self, svc: Services, limit: int, before_pk: int | None) -> list[DossierView]:
        return svc.dossiers.today_list(self.kind, limit=self.limit)


@dataclass
class _State:
    rows: list = field(default_factory=list)
    more: bool = False
    loading: bool = False
    generation: int = 0


class DossierTableModel(QAbstractTableModel):
    """Dossier rows (DossierView) for the list screens."""

    loaded = Signal(int)  # rows now held, after each page
    # (the ticket and the date of birth last: the screens size the first columns by position)
    COLUMNS = (
        "code",
        "applicant",
        "procedure",
        "status",
        "received",
        "due",
        "location",
        "ticket",
        "born",
    )

    def __init__(
        self,
        worker: Worker,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._page = page_size
        self._now = now
        self._query: DossierQuery | None = None
        self._s = _State()

    # --- queries ------------------------------------------------------------------------------
    def set_query(self, query: DossierQuery) -> None:
        """Start over with a new query: the first page is asked for at once."""
        self.beginResetModel()
        self._query = query
        self._s = replace(_State(), generation=self._s.generation + 1, more=True)
        self.endResetModel()
        self._fetch()

    def refresh(self) -> None:
        if self._query is not None:
            self.set_query(self._query)

    @property
    def query(self) -> DossierQuery | None:
        return self._query

    @property
    def loading(self) -> bool:
        return self._s.loading

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._s.more and not self._s.loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        state = self._s
        query = self._query
        if query is None or state.loading:
            return
        state.loading = True
        gen = state.generation
        before = state.rows[-1].pk if state.rows else None
        limit = self._page
        paged = not isinstance(query, TodayQuery)
        self._worker.query(
            lambda svc: query.run(svc, limit, before),
            success=lambda rows: self._append(gen, rows, paged),
            failure=lambda err: self._failed(gen, err),
            owner=self,
        )

    def _append(self, gen: int, rows: list, paged: bool) -> None:
        state = self._s
        if gen != state.generation:
            return  # an answer to a query the officer has replaced
        state.loading = False
        state.more = paged and len(rows) >= self._page
        if rows:
            first = len(state.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            state.rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(state.rows))

    def _failed(self, gen: int, err: BaseException) -> None:
        if gen == self._s.generation:
            self._s.loading = False
            self._s.more = False
            self._worker.failed.emit(err, self)

    # --- the model ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._s.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row(self, index: int) -> DossierView:
        return self._s.rows[index]

    def headerData(  # noqa: N802 - Qt's / reportlab's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "code": self.tr("Dossier code"),
            "ticket": self.tr("Ticket"),
            "applicant": self.tr("Applicant"),
            "born": self.tr("Born"),
            "procedure": self.tr("Procedure"),
            "status": self.tr("Status"),
            "received": self.tr("Received"),
            "due": self.tr("Return at"),
            "location": self.tr("Where"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self._s.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "code": view.code,
                "ticket": view.ticket,
                "applicant": view.applicant_name,
                "born": view.birth_date_label,
                "procedure": view.procedure_name,
                "status": labels.status_label(view.status),
                "received": labels.fmt_moment(view.received_at),
                "due": labels.fmt_moment(view.due_at),
                "location": labels.unit_label(view.location) if view.location else "",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("procedure", "applicant"):
            return view.procedure_name if column == "procedure" else view.address
        if role == Qt.ItemDataRole.ForegroundRole and column == "due" and self._late(view):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.UserRole:
            return view.code
        return None

    def _late(self, view: DossierView) -> bool:
        if self._now is None or view.due_at is None:
            return False
        return view.status in ("received", "in_process") and view.due_at < self._now()
