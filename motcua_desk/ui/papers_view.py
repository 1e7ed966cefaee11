"""Giấy tờ số hóa: the dossier page's tab of its digitised papers (services.digitisation).

One row per document line: its state, its pages, its warnings (in the warning colour) and
"not digitally signed" for a scan; the selected paper's pages as thumbnails (drawn on the
render lane, ui.pdf_thumbnails) and its file opened by the system's viewer. A scan is
attached from a file picker, by dropping files on the tab, or from the office scanner's
folder (ui.hot_folder: each new scan is offered to the dossier on screen, and moved into
`da-gan` once attached). A line is marked shown only or classified; a paper digitised for the
citizen's earlier dossier (same CCCD) is offered for reuse. Every service call runs on the DB
worker; a refusal is said in the message bar through ui.errors.

The layout is forms/papers.ui (PapersForm); the texts that depend on the data are here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QTableWidgetItem,
    QWidget,
)

from motcua_desk.ui import pdf_thumbnails
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_papers import Ui_PapersForm
from motcua_desk.ui.hot_folder import SCAN_SUFFIXES, HotFolder, move_to_attached

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent

    from motcua_desk.services import Services
    from motcua_desk.services.digitisation import Attached, DigitisationService, Offer, Paper

log = logging.getLogger("motcua.ui.papers")

WARNING_COLOUR = "#a15c00"
DONE_COLOUR = "#1b7f3b"


def digitisation(svc: Services) -> DigitisationService:
    """The digitisation use cases over the worker's services (on the DB thread; imported
    there, so that the window starts without the services)."""
    from motcua_desk.services.digitisation import DigitisationService

    return DigitisationService.from_services(svc)


class PapersView(QWidget):
    loaded = Signal(str)  # code, after the rows were filled
    thumbnails_shown = Signal(int)  # how many thumbnails the selected paper shows
    changed = Signal()  # a paper was attached, marked or reused: the dossier reads again
    attached = Signal(object)  # Attached, after a scan was stored

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_PapersForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.table = ui.papersTable
        self.thumbnails = ui.thumbnails
        self.attach_button = ui.attachButton
        self.open_button = ui.openButton
        self.shown_button = ui.shownButton
        self.classified_button = ui.classifiedButton
        self.reuse_combo = ui.reuseCombo
        self.reuse_button = ui.reuseButton
        self.hot_offer = ui.hotOffer
        self.hot_label = ui.hotOfferLabel
        self.hot_attach_button = ui.hotAttachButton
        self.hot_skip_button = ui.hotSkipButton
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # a file dropped anywhere on the tab is the tab's: the icon mode's own dragging is off
        self.thumbnails.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for w in (self.thumbnails, self.thumbnails.viewport()):
            w.setAcceptDrops(False)
        self.setAcceptDrops(True)
        self.code = ""
        self.papers: list[Paper] = []
        self.offers: list[Offer] = []
        self._gen = 0
        self._thumb_gen = 0
        self._told: set[Path] = set()  # hot-folder files the message bar has announced
        self._attaching: set[Path] = set()  # hot-folder files on their way to the worker
        self._after: int | None = None  # a scan was attached to this line: select the next
        self.hot_folder = HotFolder(self)
        self.on_screen = lambda: True  # the dossier page says whether it is the page shown
        self._connect_signals()
        self.hot_folder.set_folder(ctx.settings.hot_folder)
        self._paint()

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._selected)
        self.attach_button.clicked.connect(self.pick_files)
        self.open_button.clicked.connect(self.open_file)
        self.thumbnails.itemDoubleClicked.connect(lambda _item: self.open_file())
        self.shown_button.clicked.connect(lambda: self.mark("shown"))
        self.classified_button.clicked.connect(lambda: self.mark("classified"))
        self.reuse_button.clicked.connect(self.reuse)
        self.hot_attach_button.clicked.connect(self.attach_hot)
        self.hot_skip_button.clicked.connect(self.skip_hot)
        self.hot_folder.offered.connect(self._hot_offered)
        self.hot_folder.withdrawn.connect(lambda _p: self._paint_hot(announce=False))

    # --- texts --------------------------------------------------------------------------------
    def state_text(self, paper: Paper) -> str:
        state = paper.state
        if state == "scanned":
            return self.tr("Digitised — not digitally signed")
        if state == "shown":
            return self.tr("Shown only (no copy kept)")
        if state == "reused":
            return self.tr("Reused from dossier {code}").format(code=paper.reused_from)
        if state == "classified":
            return self.tr("Classified (not digitised)")
        if paper.exempt:
            return self.tr("Shown at the counter (nothing to copy)")
        return self.tr("Not digitised yet")

    def warning_text(self, warning: str) -> str:
        texts = {
            "page_count": self.tr("The scan's page count differs from the pages declared"),
            "low_dpi": self.tr("A page is scanned below 200 dpi"),
            "stamped_bw": self.tr("A stamped page is scanned in black and white"),
        }
        return texts.get(warning, warning)

    # --- loading ------------------------------------------------------------------------------
    def show_dossier(self, code: str) -> None:
        """Read the dossier's papers and the citizen's earlier ones (on the worker)."""
        self.hot_folder.set_folder(self.ctx.settings.hot_folder)  # the setting may have changed
        if code != self.code:
            self.table.clearSelection()
            self._told.clear()  # another dossier: the waiting scans are offered to it
        self.code = code
        self._gen += 1
        gen = self._gen

        def read(svc):
            dig = digitisation(svc)
            return dig.papers(code), dig.offers(code)

        def done(result):
            if gen == self._gen:
                self._fill(*result)

        self.ctx.worker.query(read, success=done, failure=self._failed, owner=self)

    def clear(self) -> None:
        self.code = ""
        self._gen += 1
        self._fill([], [])

    def _fill(self, papers: list[Paper], offers: list[Offer]) -> None:
        selected = self.selected_index()
        self.papers, self.offers = list(papers), list(offers)
        t = self.table
        t.blockSignals(True)
        t.setRowCount(0)
        for paper in self.papers:
            row = t.rowCount()
            t.insertRow(row)
            name = QTableWidgetItem(f"{paper.index + 1}. {paper.name}")
            name.setToolTip(paper.name)
            t.setItem(row, 0, name)
            state = QTableWidgetItem(self.state_text(paper))
            if paper.state in ("scanned", "reused"):
                state.setForeground(QBrush(QColor(DONE_COLOUR)))
            t.setItem(row, 1, state)
            pages = paper.pages or sum(f.pages for f in paper.files)
            t.setItem(row, 2, QTableWidgetItem(str(pages) if pages else ""))
            warnings = [self.warning_text(w) for w in paper.warnings]
            item = QTableWidgetItem("⚠ " + "; ".join(warnings) if warnings else "")
            if warnings:
                item.setForeground(QBrush(QColor(WARNING_COLOUR)))
                item.setToolTip("\n".join(warnings))
            t.setItem(row, 3, item)
        t.resizeRowsToContents()
        if self.papers:
            todo = [p.index for p in self.papers if not p.state and not p.exempt]
            if self._after is not None:  # the next paper to scan, when there is one
                selected = next((i for i in todo if i > self._after), selected)
            if selected is None or selected >= len(self.papers):
                selected = todo[0] if todo else 0
            t.selectRow(selected)
        self._after = None
        t.blockSignals(False)
        self.reuse_combo.clear()
        for offer in self.offers:
            self.reuse_combo.addItem(
                self.tr("Reuse from dossier {code}: {name}").format(
                    code=offer.from_code, name=offer.name
                ),
                (offer.from_code, offer.from_index),
            )
            self.reuse_combo.setItemData(
                self.reuse_combo.count() - 1,
                self.reuse_combo.itemText(self.reuse_combo.count() - 1),
                Qt.ItemDataRole.ToolTipRole,
            )
        self._selected()
        self.loaded.emit(self.code)

    def _failed(self, err: BaseException) -> None:
        self.ctx.errors.present(err)

    # --- the selected paper -------------------------------------------------------------------
    def selected_index(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_paper(self) -> Paper | None:
        i = self.selected_index()
        return self.papers[i] if i is not None and i < len(self.papers) else None

    def _selected(self) -> None:
        self._paint()
        self._show_thumbnails(self.selected_paper())

    def _paint(self) -> None:
        paper = self.selected_paper()
        for button in (self.attach_button, self.shown_button, self.classified_button):
            button.setEnabled(paper is not None)
        self.open_button.setEnabled(paper is not None and bool(paper.files))
        has_offers = bool(self.offers)
        self.reuse_combo.setVisible(has_offers)
        self.reuse_button.setVisible(has_offers)
        self.reuse_button.setEnabled(has_offers and paper is not None)
        self._paint_hot()

    def _show_thumbnails(self, paper: Paper | None) -> None:
        self._thumb_gen += 1
        gen = self._thumb_gen
        self.thumbnails.clear()
        if paper is None or not paper.files:
            self.thumbnails_shown.emit(0)
            return
        sha = paper.files[0].sha256

        def drawn(result):
            if gen != self._thumb_gen:
                return
            count, images = result
            for i, image in enumerate(images):
                item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), str(i + 1))
                item.setToolTip(self.tr("Page {n} of {count}").format(n=i + 1, count=count))
                self.thumbnails.addItem(item)
            self.thumbnails_shown.emit(len(images))

        def located(path):
            if gen == self._thumb_gen:
                self.ctx.worker.compute(
                    lambda: pdf_thumbnails.render(path), success=drawn, owner=self
                )

        self.ctx.worker.query(
            lambda svc: digitisation(svc).file_path(sha),
            success=located,
            failure=self._failed,
            owner=self,
        )

    def open_file(self) -> None:
        paper = self.selected_paper()
        if paper is None or not paper.files:
            return
        sha = paper.files[0].sha256
        self.ctx.worker.query(
            lambda svc: digitisation(svc).file_path(sha),
            success=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            failure=self._failed,
            owner=self,
        )

    # --- changes ------------------------------------------------------------------------------
    def pick_files(self) -> None:
        if self.selected_paper() is None:
            return
        patterns = " ".join(f"*{s}" for s in SCAN_SUFFIXES)
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach a scan"),
            self.ctx.settings.hot_folder,
            self.tr("Scans (PDF or images) ({patterns})").format(patterns=patterns),
        )
        if names:
            self.attach([Path(n) for n in names])

    def attach(self, paths: list[Path], *, from_hot: Path | None = None) -> None:
        """Attach the files to the selected paper (images become one PDF); a file from the
        scanner's folder is then moved into its `da-gan` subfolder."""
        paper = self.selected_paper()
        if paper is not None and self.code and paths:
            self.attach_to(self.code, paper.index, paths, from_hot=from_hot)

    def attach_to(
        self, code: str, index: int, paths: list[Path], *, from_hot: Path | None = None
    ) -> None:
        if from_hot is not None:
            if from_hot in self._attaching:  # clicked twice: once is enough
                return
            self._attaching.add(from_hot)

        def run(svc):
            attached = digitisation(svc).attach(code, index, paths)
            moved = None
            if from_hot is not None:
                try:
                    moved = move_to_attached(from_hot)
                except OSError as err:  # attached all the same: say it stays in the folder
                    log.warning("could not move %s into da-gan: %s", from_hot, err)
            return attached, moved

        def done(result):
            attached, moved = result
            self._attaching.discard(from_hot)
            self._say_attached(attached, index, from_hot, moved)
            if from_hot is not None:
                self.hot_folder.forget(from_hot)
            if code == self.code:
                self._after = index
            self.attached.emit(attached)
            self.changed.emit()

        def failed(err):
            self._attaching.discard(from_hot)
            self._failed(err)

        self.ctx.worker.mutate(run, success=done, failure=failed, owner=self)

    def _say_attached(self, attached: Attached, index: int, hot: Path | None, moved) -> None:
        text = self.tr("Scan attached to document {n}: {pages} page(s), not digitally signed.")
        text = text.format(n=index + 1, pages=attached.pages)
        warnings = [self.warning_text(w) for w in attached.warnings]
        if warnings:
            text += " ⚠ " + "; ".join(warnings) + "."
        if hot is not None and moved is None:
            text += " " + self.tr("The file could not be moved into da-gan: move it by hand.")
        self.ctx.notify(text, "warning" if warnings or (hot and not moved) else "info")

    def mark(self, state: str) -> None:
        paper = self.selected_paper()
        if paper is None or not self.code:
            return
        code, index = self.code, paper.index
        self.ctx.worker.mutate(
            lambda svc: digitisation(svc).mark(code, index, state),
            success=lambda _p: self.changed.emit(),
            failure=self._failed,
            owner=self,
        )

    def reuse(self) -> None:
        paper = self.selected_paper()
        source = self.reuse_combo.currentData()
        if paper is None or not self.code or not source:
            return
        code, index = self.code, paper.index
        from_code, from_index = source

        def done(_paper):
            self.ctx.notify(
                self.tr("Document {n} reuses the paper of dossier {code}.").format(
                    n=index + 1, code=from_code
                )
            )
            self.changed.emit()

        self.ctx.worker.mutate(
            lambda svc: digitisation(svc).reuse(code, index, from_code, from_index),
            success=done,
            failure=self._failed,
            owner=self,
        )

    # --- drag and drop ------------------------------------------------------------------------
    def _dropped_paths(self, event: QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_paths(event) and self.selected_paper() is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach(paths)

    # --- the scanner's folder -----------------------------------------------------------------
    def _hot_offered(self, path: Path) -> None:
        self._paint_hot()

    def _paint_hot(self, announce: bool = True) -> None:
        """The offer of the oldest new scan, for the selected paper; the message bar says it
        once a file (not when a file just went: the dossier reads again and says the next)."""
        pending = self.hot_folder.pending
        paper = self.selected_paper()
        if not pending or not self.code or paper is None:
            self.hot_offer.hide()
            return
        path = pending[0]
        text = self.tr("New scan: {file} — attach it to document {n}: {name}?").format(
            file=path.name, n=paper.index + 1, name=paper.name
        )
        if paper.state in ("scanned", "reused"):
            text += " " + self.tr("(it takes the place of the file attached now)")
        if len(pending) > 1:
            text += " " + self.tr("({more} more waiting)").format(more=len(pending) - 1)
        self.hot_label.setText(text)
        self.hot_offer.show()
        if announce and path not in self._told and self.on_screen():
            self._told.add(path)
            code, index = self.code, paper.index  # what the message names, whatever opens next
            self.ctx.notify(
                text,
                action=(self.tr("Attach"), lambda: self._attach_offered(code, index, path)),
            )

    def offer_scans(self) -> None:
        """Say the waiting scans now (the dossier page has just been shown)."""
        self._paint_hot()

    def _attach_offered(self, code: str, index: int, path: Path) -> None:
        if path in self.hot_folder.pending:
            self.attach_to(code, index, [path], from_hot=path)

    def attach_hot(self) -> None:
        pending = self.hot_folder.pending
        if pending:
            self.attach([pending[0]], from_hot=pending[0])

    def skip_hot(self) -> None:
        pending = self.hot_folder.pending
        if pending:
            self.hot_folder.dismiss(pending[0])
