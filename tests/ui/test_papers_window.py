"""Issue 14 in the window: the dossier page's Giấy tờ số hóa tab on a real database. Real PDFs
(reportlab, images of known dpi) and PNGs (Pillow) are attached through the file picker, by a
drop, and from the scanner's folder; the rows say state, pages and warnings; the thumbnails are
QtPdf's pictures of the real pages; a second dossier of the same CCCD is offered the first's
paper. No sleeps: signals and waitUntil."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from motcua_desk.services import IntakeRequest
from motcua_desk.services.digitisation import DigitisationService
from motcua_desk.ui import hot_folder

CCCD = "001099012345"
PAGE_IN = (2.0, 2.8)  # a small page: a 300 dpi image of it stays small


def image(dpi: int) -> Image.Image:
    im = Image.new("RGB", (int(PAGE_IN[0] * dpi), int(PAGE_IN[1] * dpi)), (245, 235, 220))
    im.paste((200, 20, 20), (10, 10, 40, 40))
    return im


def pdf(path: Path, pages: int, dpi: int = 300) -> Path:
    """A scanner's PDF: one image a page, at `dpi`."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_IN[0] * 72, PAGE_IN[1] * 72))
    for _ in range(pages):
        buf = io.BytesIO()
        image(dpi).save(buf, "PNG")
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=PAGE_IN[0] * 72, height=PAGE_IN[1] * 72)
        c.showPage()
    c.save()
    return path


def png(path: Path, dpi: int) -> Path:
    image(dpi).save(path, dpi=(dpi, dpi))
    return path


def new_dossier(services, name="Nguyễn Văn An", id_number=CCCD) -> str:
    return services.dossiers.intake(
        IntakeRequest("1.004873", name, id_number=id_number)
    ).dossier.code


def open_papers(window, qtbot, code):
    view = window.dossier_view
    with qtbot.waitSignal(view.papers.loaded, timeout=5000):
        window.open_dossier(code)
    view.tabs.setCurrentWidget(view.ui.papersPage)
    return view.papers


def state(papers, row: int) -> str:
    return papers.table.item(row, 1).text()


def select(papers, row: int) -> None:
    papers.table.selectRow(row)
    assert papers.selected_index() == row


def test_attach_through_the_picker_shows_state_pages_and_thumbnails(
    window, services, qtbot, tmp_path, monkeypatch
):
    code = new_dossier(services)
    papers = open_papers(window, qtbot, code)
    assert papers.table.rowCount() == 3
    assert state(papers, 0) == "Not digitised yet"
    assert "nothing to copy" in state(papers, 2)  # a CCCD is only shown
    assert not papers.open_button.isEnabled()
    scan = pdf(tmp_path / "to-khai.pdf", 3)
    asked = []

    def picker(parent, caption, folder, filters):
        asked.append(filters)
        return [str(scan)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", picker)
    select(papers, 0)
    with qtbot.waitSignal(papers.attached, timeout=10_000):
        papers.attach_button.click()
    qtbot.waitUntil(lambda: "Digitised" in state(papers, 0), timeout=10_000)
    assert "*.pdf" in asked[0] and "*.png" in asked[0]
    assert state(papers, 0) == "Digitised — not digitally signed"
    assert papers.table.item(0, 2).text() == "3"
    assert papers.table.item(0, 3).text() == ""  # 300 dpi, colour: nothing to warn about
    assert papers.selected_index() == 1  # the next paper to scan
    with qtbot.waitSignal(papers.thumbnails_shown, timeout=10_000) as shown:
        select(papers, 0)
    assert shown.args == [3] and papers.thumbnails.count() == 3
    icon = papers.thumbnails.item(0).icon()
    assert not icon.isNull() and icon.availableSizes()[0].height() == 90
    assert "3 page(s)" in window.message_bar.text
    paper = DigitisationService.from_services(services).papers(code)[0]
    assert paper.state == "scanned" and paper.files[0].pages == 3
    timeline = window.dossier_view.timeline  # the timeline names the new event
    rows = [timeline.item(r, 1).text() for r in range(timeline.rowCount())]
    assert any("Papers digitised" in r for r in rows)

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert papers.open_button.isEnabled()
    papers.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    stored = DigitisationService.from_services(services).file_path(paper.files[0].sha256)
    assert Path(opened[0].toLocalFile()) == stored


def drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_dropped_images_become_one_pdf_and_the_row_warns(window, services, qtbot, tmp_path):
    code = new_dossier(services)
    papers = open_papers(window, qtbot, code)
    select(papers, 1)
    pages = [png(tmp_path / f"trang-{i}.png", 100) for i in (1, 2)]  # below 200 dpi
    # a drop on the rows or the thumbnails goes up to the tab, which takes it
    for w in (papers.table, papers.thumbnails):
        assert not w.acceptDrops() and not w.viewport().acceptDrops()
    with qtbot.waitSignal(papers.attached, timeout=10_000) as done:
        drop(papers, pages)
    assert done.args[0].pages == 2 and "low_dpi" in done.args[0].warnings
    qtbot.waitUntil(lambda: "Digitised" in state(papers, 1), timeout=5000)
    warning = papers.table.item(1, 3)
    assert warning.text() == "⚠ A page is scanned below 200 dpi"
    assert warning.foreground().color().name() == "#a15c00"
    assert "below 200 dpi" in window.message_bar.text
    qtbot.waitUntil(lambda: papers.thumbnails.count() == 2, timeout=10_000)


def test_a_bad_file_is_refused_in_the_window_and_changes_nothing(window, services, qtbot, tmp_path):
    code = new_dossier(services)
    papers = open_papers(window, qtbot, code)
    select(papers, 0)
    bad = tmp_path / "khong-phai.pdf"
    bad.write_bytes(b"not a pdf at all")
    papers.attach([bad])
    qtbot.waitUntil(lambda: "khong-phai.pdf" in window.message_bar.text, timeout=5000)
    assert "cannot be attached as a scan" in window.message_bar.text
    assert DigitisationService.from_services(services).papers(code)[0].state == ""
    assert state(papers, 0) == "Not digitised yet"


def test_marks_shown_only_and_classified(window, services, qtbot):
    code = new_dossier(services)
    papers = open_papers(window, qtbot, code)
    select(papers, 1)
    papers.classified_button.click()
    qtbot.waitUntil(lambda: state(papers, 1) == "Classified (not digitised)", timeout=5000)
    select(papers, 2)
    papers.shown_button.click()
    qtbot.waitUntil(lambda: state(papers, 2) == "Shown only (no copy kept)", timeout=5000)
    states = [p.state for p in DigitisationService.from_services(services).papers(code)]
    assert states == ["", "classified", "shown"]


def test_a_second_dossier_of_the_same_citizen_is_offered_the_first_papers(
    window, services, qtbot, tmp_path
):
    first = new_dossier(services)
    dig = DigitisationService.from_services(services)
    dig.attach(first, 0, [pdf(tmp_path / "to-khai.pdf", 2)])
    other = new_dossier(services, "Trần Thị Bình", "001199054321")
    papers = open_papers(window, qtbot, other)
    assert not papers.reuse_button.isVisible()  # another citizen: nothing to reuse
    second = new_dossier(services)
    papers = open_papers(window, qtbot, second)
    assert papers.reuse_button.isVisible() and papers.reuse_combo.count() == 1
    assert papers.reuse_combo.itemText(0).startswith(f"Reuse from dossier {first}: ")
    select(papers, 0)
    papers.reuse_button.click()
    qtbot.waitUntil(lambda: state(papers, 0) == f"Reused from dossier {first}", timeout=5000)
    qtbot.waitUntil(lambda: papers.thumbnails.count() == 2, timeout=10_000)
    assert dig.papers(second)[0].reused_from == first


@pytest.fixture
def scans_folder(tmp_path, ui_settings, monkeypatch):
    folder = tmp_path / "may-quet"
    folder.mkdir()
    ui_settings.hot_folder = str(folder)
    monkeypatch.setattr(hot_folder, "CHECK_MS", 30)
    return folder


def test_the_scanner_folder_offers_new_scans_and_moves_them_once_attached(
    scans_folder, services, make_window, qtbot, tmp_path
):
    pdf(scans_folder / "co-san.pdf", 1)  # there before the window starts
    (scans_folder / "~tam.pdf").write_bytes(b"%PDF-")  # a scanner's temporary file
    code = new_dossier(services)
    window = make_window(services)
    papers = open_papers(window, qtbot, code)
    assert window.dossier_view._buttons["handoff"].hasFocus()
    qtbot.waitUntil(lambda: papers.hot_offer.isVisible(), timeout=5000)
    assert "co-san.pdf" in papers.hot_label.text() and "document 1" in papers.hot_label.text()
    assert "co-san.pdf" in window.message_bar.text
    assert [p.name for p in papers.hot_folder.pending] == ["co-san.pdf"]

    # a new scan, written in two goes: offered once its size holds
    new = scans_folder / "giay-to-2.pdf"
    data = pdf(tmp_path / "src.pdf", 2).read_bytes()
    new.write_bytes(data[: len(data) // 2])
    with qtbot.waitSignal(papers.hot_folder.offered, timeout=5000) as offered:
        with new.open("ab") as f:
            f.write(data[len(data) // 2 :])
    assert offered.args == [new]
    assert window.dossier_view._buttons["handoff"].hasFocus()  # the scan took no focus
    assert "(1 more waiting)" in papers.hot_label.text()

    select(papers, 0)
    with qtbot.waitSignal(papers.attached, timeout=10_000):
        papers.hot_attach_button.click()
    assert not (scans_folder / "co-san.pdf").exists()
    assert (scans_folder / "da-gan" / "co-san.pdf").exists()
    qtbot.waitUntil(lambda: "Digitised" in state(papers, 0), timeout=5000)
    assert [p.name for p in papers.hot_folder.pending] == ["giay-to-2.pdf"]
    papers.hot_folder.scan()  # a look again: the attached file is not offered twice
    assert [p.name for p in papers.hot_folder.pending] == ["giay-to-2.pdf"]

    # the next paper to scan is selected, and the message bar offers the next scan for it
    assert papers.selected_index() == 1
    bar = window.message_bar
    assert "giay-to-2.pdf" in bar.text and "document 2" in bar.text
    assert bar.action_button.isVisible() and bar.action_button.text() == "Attach"
    with qtbot.waitSignal(papers.attached, timeout=10_000):
        bar.action_button.click()
    qtbot.waitUntil(lambda: "Digitised" in state(papers, 1), timeout=5000)
    assert (scans_folder / "da-gan" / "giay-to-2.pdf").exists()
    assert papers.hot_folder.pending == [] and not papers.hot_offer.isVisible()
    assert window.dossier_view._buttons["handoff"].hasFocus()
    pages = [p.files[0].pages for p in DigitisationService.from_services(services).papers(code)[:2]]
    assert pages == [1, 2]

    # a scan for someone else: not for this dossier, and not offered again
    other = pdf(scans_folder / "nguoi-khac.pdf", 1)
    qtbot.waitUntil(lambda: papers.hot_offer.isVisible(), timeout=5000)
    papers.hot_skip_button.click()
    assert papers.hot_folder.pending == [] and not papers.hot_offer.isVisible()
    papers.hot_folder.scan()
    assert papers.hot_folder.pending == [] and other.exists()


def test_the_window_takes_the_files_the_service_reads():
    from motcua_desk.services.scans import SCAN_SUFFIXES

    assert hot_folder.SCAN_SUFFIXES == SCAN_SUFFIXES
    assert hot_folder.is_scan_name("a.PDF") and not hot_folder.is_scan_name("~a.pdf")
    assert not hot_folder.is_scan_name("a.txt") and not hot_folder.is_scan_name("a.pdf.part")


def test_the_settings_screen_keeps_the_scan_folder(window, qtbot, tmp_path, ui_settings):
    view = window.go("settings")
    view.ui.hotFolderEdit.setText(str(tmp_path / "khong-co"))
    view.ui.hotFolderSave.click()
    assert "There is no folder" in view.status.text() and ui_settings.hot_folder == ""
    view.ui.hotFolderEdit.setText(str(tmp_path))
    view.ui.hotFolderSave.click()
    assert ui_settings.hot_folder == str(tmp_path)
    assert "Scan folder saved" in view.status.text()


def test_a_scan_is_offered_to_the_dossier_on_screen_only(
    scans_folder, services, make_window, qtbot
):
    code = new_dossier(services)
    window = make_window(services)
    papers = open_papers(window, qtbot, code)
    window.go("intake")
    with qtbot.waitSignal(papers.hot_folder.offered, timeout=5000):
        pdf(scans_folder / "luc-khac.pdf", 1)
    assert "luc-khac.pdf" not in window.message_bar.text  # not while intake is shown
    window.go("dossier")
    assert "luc-khac.pdf" in window.message_bar.text


@pytest.fixture
def vietnamese(qapp):
    from motcua_desk.ui.i18n import install_translator, remove_translator

    translator = install_translator(qapp, "vi")
    yield
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def test_the_tab_speaks_vietnamese(vietnamese, services, make_window, qtbot, tmp_path):
    window = make_window(services)  # after the translator: the screens are built in it
    code = new_dossier(services)
    DigitisationService.from_services(services).attach(code, 1, [png(tmp_path / "a.png", 100)])
    papers = open_papers(window, qtbot, code)
    assert window.dossier_view.tabs.tabText(2) == "Giấy tờ số hóa"
    assert state(papers, 0) == "Chưa số hóa"
    assert state(papers, 1) == "Đã số hóa — chưa ký số"
    assert papers.table.item(1, 3).text() == "⚠ Có trang quét dưới 200 dpi"
    assert papers.shown_button.text() == "Chỉ xuất trình"
    assert papers.classified_button.text() == "Tài liệu mật"
    select(papers, 0)
    bad = tmp_path / "hong.jpg"
    bad.write_bytes(b"\xff\xd8 not really")
    papers.attach([bad])
    qtbot.waitUntil(lambda: "hong.jpg" in window.message_bar.text, timeout=5000)
    assert window.message_bar.text.startswith("Không gắn được tệp hong.jpg làm bản quét")


def test_a_scan_is_offered_once_it_has_held_still_for_an_interval(qapp, tmp_path, monkeypatch):
    now = [100.0]
    monkeypatch.setattr(hot_folder.time, "monotonic", lambda: now[0])
    watched = hot_folder.HotFolder(check_ms=1000)
    offered = []
    watched.offered.connect(offered.append)
    scan = tmp_path / "dang-ghi.pdf"
    scan.write_bytes(b"%PDF-1.4 half")
    watched.set_folder(tmp_path)  # first look: seen, not yet steady
    now[0] += 0.2
    watched.scan()  # the same size, but not for a whole interval: the scanner may pause
    assert offered == []
    with scan.open("ab") as f:
        f.write(b" and the rest")
    now[0] += 1.5
    watched.scan()  # it grew: waits again
    assert offered == []
    now[0] += 1.0
    watched.scan()
    assert offered == [scan] and watched.pending == [scan]
    watched.scan()
    assert offered == [scan]  # once
    scan.unlink()
    watched.scan()
    assert watched.pending == []
    watched.set_folder(None)
