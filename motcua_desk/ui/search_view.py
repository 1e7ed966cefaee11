"""Hồ sơ: one search box (code, name without accents, citizen ID, phone) with filters, over a
table that fetches page after page as the officer scrolls; also shows the today panel's
lists. Enter or a double click opens the dossier. The layout is forms/search.ui."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from motcua_desk.ui import labels
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_search import Ui_SearchForm
from motcua_desk.ui.models import DossierTableModel, SearchQuery, TodayQuery

TYPE_DELAY_MS = 300


class SearchView(QWidget):
    open_dossier = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DossierTableModel(ctx.worker, self, now=ctx.now)
        self._type_timer = QTimer(self, singleShot=True, interval=TYPE_DELAY_MS)
        self._stale = False
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        """forms/search.ui holds the layout; here the filters' items, the dates and the table's
        model and columns."""
        self.ui = Ui_SearchForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.title = ui.listTitle
        self.search_edit = ui.searchEdit
        self.status_combo = ui.statusCombo
        self.field_combo = ui.fieldCombo
        self.department_combo = ui.departmentCombo
        self.dates_check = ui.datesCheck
        self.date_from = ui.dateFrom
        self.date_to = ui.dateTo
        self.search_button = ui.searchButton
        self.count_label = ui.countLabel
        self.table = ui.dossierTable

        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in labels.STATUSES:
            self.status_combo.addItem(labels.status_label(status), status)
        self.field_combo.addItem(self.tr("All fields"), "")
        self.department_combo.addItem(self.tr("All departments"), "")
        today = self.ctx.today()
        self.date_from.setDate(_qdate(today - timedelta(days=30)))
        self.date_to.setDate(_qdate(today))

        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((205, 160, 300, 150, 115, 115, 150, 70, 90)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.title.hide()

    def _connect_signals(self) -> None:
        self.search_edit.textEdited.connect(lambda _t: self._type_timer.start())
        self.search_edit.returnPressed.connect(self._enter_in_box)
        self._type_timer.timeout.connect(self.search)
        self.search_button.clicked.connect(self.search)
        for combo in (self.status_combo, self.field_combo, self.department_combo):
            combo.activated.connect(lambda _i: self.search())
        self.dates_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_to.dateChanged.connect(lambda _d: self._dates_changed())
        self.table.activated.connect(self._activated)
        self.model.loaded.connect(self._show_count)

    def set_desk(self) -> None:
        """Fill the field and department filters once the desk is known."""
        desk = self.ctx.desk
        self.field_combo.clear()
        self.field_combo.addItem(self.tr("All fields"), "")
        for name in desk.fields:
            self.field_combo.addItem(name, name)
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("All departments"), "")
        for d in desk.departments:
            self.department_combo.addItem(d.name, d.name)

    # --- querying -----------------------------------------------------------------------------
    def query(self) -> SearchQuery:
        status = self.status_combo.currentData()
        dated = self.dates_check.isChecked()
        return SearchQuery(
            text=self.search_edit.text().strip(),
            status=(status,) if status else (),
            field=self.field_combo.currentData() or "",
            department=self.department_combo.currentData() or "",
            received_from=_pydate(self.date_from.date()) if dated else None,
            received_to=_pydate(self.date_to.date()) if dated else None,
        )

    def search(self) -> None:
        self._type_timer.stop()
        self.title.hide()
        self._list_total = None
        self.model.set_query(self.query())

    def show_today_list(self, kind: str, count: int | None = None) -> None:
        text = labels.today_label(kind)
        if count is not None:
            text = self.tr("{title}: {count}").format(title=text, count=count)
        self.title.setText(text)
        self.title.show()
        self._list_total = count
        self.model.set_query(TodayQuery(kind))
        self.table.setFocus()

    _enter_waiting = False  # Enter was pressed before the answer came

    def _enter_in_box(self) -> None:
        """Enter in the box: the only hit opens at once; several: the list takes the focus."""
        if self._type_timer.isActive() or self.model.query != self.query():
            self._enter_waiting = True
            self.search()
        else:
            self._enter_on_results()

    def _enter_on_results(self) -> None:
        n = self.model.rowCount()
        if n == 1 and not self.model.canFetchMore():
            self.open_dossier.emit(self.model.row(0).code)
        elif n:
            self.table.setFocus()
            self.table.selectRow(0)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.search()

    def _dates_changed(self) -> None:
        if self.dates_check.isChecked():
            self._type_timer.start()

    def _activated(self, index) -> None:
        if index.isValid():
            self.open_dossier.emit(self.model.row(index.row()).code)

    _list_total: int | None = None

    def _show_count(self, n: int) -> None:
        more = self.tr(" (scroll for more)") if self.model.canFetchMore() else ""
        if self._list_total is not None and n < self._list_total:
            text = self.tr("The first {n} of {total} dossiers are shown").format(
                n=n, total=self._list_total
            )
        else:
            text = self.tr("{n} dossiers shown").format(n=n) + more
        self.count_label.setText(text)
        if n and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        if self._enter_waiting and self.model.query == self.query():
            self._enter_waiting = False
            self._enter_on_results()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- keeping up with changes --------------------------------------------------------------
    def on_changed(self, changes) -> None:
        """A mutation happened: refresh now if shown, else when shown next."""
        if self.isVisible():
            self.model.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.model.refresh()
        elif self.model.query is None:
            self.search()


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
