"""The Reports screen (F8) driven offscreen on the hand-worked November of report_scenario: the
presets, the figures in the table, the bars, drill-down from a cell to its dossiers and on to
one dossier, the late list and the indices, PDF and Excel written from the window; every
report computed off the GUI thread."""

from __future__ import annotations

import io
import threading
from datetime import date

import openpyxl
from PySide6.QtCore import Qt

from motcua_desk.ui import labels
from motcua_desk.ui.actions import ActionId
from tests.helpers import local
from tests.printing import pdfcheck as pc
from tests.services import report_scenario as sc

TOTAL = [12, 1, 8, 3, 8, 3, 2, 3, 4, 3, 1, 1, 1]


def guard_reports(services) -> list[str]:
    """Every ReportService method, wrapped: called on the GUI thread, it is recorded."""
    main = threading.main_thread()
    offenders: list[str] = []
    obj = services.reports
    for name in dir(type(obj)):
        if name.startswith("_") or not callable(getattr(obj, name)):
            continue
        original = getattr(obj, name)

        def guard(*a, _o=original, _n=name, **k):
            if threading.current_thread() is main:
                offenders.append(_n)
            return _o(*a, **k)

        setattr(obj, name, guard)
    return offenders


def double_click(qtbot, table, index) -> None:
    """A real double click on a cell (a click first: the view double-clicks what it pressed)."""
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def compute(view, qtbot):
    with qtbot.waitSignal(view.computed, timeout=20_000) as got:
        view.compute_button.click()
    return got.args[0]


def compute_all(view, qtbot):
    """Compute, then wait for the steps and the quality facts that follow the figures."""
    with qtbot.waitSignal(view.quality_computed, timeout=20_000) as got:
        view.compute_button.click()
    return got.args[0]


def total_row(view) -> list[int]:
    m = view.model
    r = m.rowCount() - 1
    return [m.data(m.index(r, c), Qt.ItemDataRole.UserRole) for c in range(1, m.columnCount())]


def test_reports_screen(make_window, services, clock, qtbot, tmp_path):
    codes = sc.build(services, clock)  # the clock is now Tue 1/12/2026 10:00
    offenders = guard_reports(services)
    window = make_window(services)
    action = window.actions[ActionId.GO_REPORTS]
    assert action.shortcut().toString() == "F8"
    # F8 opens the screen and computes this month at once (December: little in it)
    with qtbot.waitSignal(window.page_changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F8)
    view = window.page("reports")
    assert window.current_page() == "reports"
    qtbot.waitUntil(lambda: view.dashboard is not None and not view.busy, timeout=20_000)
    assert view.dashboard.report.period.first == date(2026, 12, 1)

    # last month: the hand-worked figures
    view.set_preset("last_month")
    assert (
        view.date_from.date().toString("yyyy-MM-dd"),
        view.date_to.date().toString("yyyy-MM-dd"),
    ) == ("2026-11-01", "2026-11-30")
    d = compute(view, qtbot)
    assert total_row(view) == TOTAL
    assert view.model.rowCount() == 5  # two fields, one procedure each, and the total
    header = view.model.headerData(1, Qt.Orientation.Horizontal)
    assert header.startswith("(3)\n")
    assert "received 12; resolved 8 (66,67 %)" in view.summary.text()
    assert len(view.chart.months) == 1 and view.chart.bar_rects()
    assert not view.progress.isVisible() and view.pdf_button.isEnabled()

    # this quarter: three months of bars
    view.set_preset("this_quarter")
    d = compute(view, qtbot)
    assert [p.first.month for p, _ in d.months] == [10, 11, 12]
    view.chart.resize(600, 200)
    image = view.chart.grab().toImage()
    received, resolved = view.chart.bar_rects()[1]
    pixel = image.pixelColor(int(resolved.center().x()), int(resolved.center().y()))
    assert pixel.name() == view.chart.RESOLVED.name()

    # a custom period by the dates; by department
    view.set_dates(date(2026, 11, 1), date(2026, 11, 30))
    assert view.preset_combo.currentData() == "custom"
    view.by_combo.setCurrentIndex(1)
    d = compute(view, qtbot)
    assert d.report.by == "department" and total_row(view) == TOTAL
    view.by_combo.setCurrentIndex(0)
    d = compute(view, qtbot)

    # drill-down: the late results of the Hộ tịch procedure are D and E; open D from there
    m = view.model
    item_row = next(i for i, r in enumerate(m.rows()) if r.item_code == sc.HT)
    late_col = 1 + [c.key for c in d.report.form.all_columns].index("resolved_late")
    index = m.index(item_row, late_col)
    view.table.scrollTo(index)
    with qtbot.waitSignal(view.drilled, timeout=5000) as drilled:
        double_click(qtbot, view.table, index)
    dialog = drilled.args[0]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    listed = {dialog.model.row(i).code for i in range(2)}
    assert listed == {codes["D"], codes["E"]}
    row_d = next(i for i in range(2) if dialog.model.row(i).code == codes["D"])
    first = dialog.model.index(row_d, 0)
    double_click(qtbot, dialog.table, first)
    qtbot.waitUntil(lambda: window.dossier_view.code == codes["D"], timeout=5000)
    assert window.current_page() == "dossier"
    window.back()
    assert window.current_page() == "reports"

    # the late list and the indices
    late = view.late_model
    assert late.rowCount() == 4
    assert {late.text(i, 1) for i in range(4)} == {codes[k] for k in "ODEF"}
    row_e = next(i for i in range(4) if late.text(i, 1) == codes["E"])
    assert late.text(row_e, 6) == labels.fmt_moment(local(2026, 11, 4, 9, 0))
    assert late.text(row_e, 7) == "Cần xác minh"
    assert late.text(row_e, 4) == "Resolved late"
    view.tabs.setCurrentIndex(1)
    double_click(qtbot, view.late_table, late.index(row_e, 1))
    qtbot.waitUntil(lambda: window.dossier_view.code == codes["E"], timeout=5000)
    window.back()
    view.tabs.setCurrentIndex(0)
    assert view.index_table.rowCount() == 5  # 2.1, 3.3, 4.2, 4.3, 5.4
    assert view.index_table.item(0, 1).text() == "66,67 % (8/12)"
    with qtbot.waitSignal(view.drilled, timeout=5000) as drilled:
        view.index_table.cellDoubleClicked.emit(0, 0)
    lowering = drilled.args[0]
    assert set(lowering.codes) == {codes[k] for k in "ODEF"}
    lowering.close()

    # export: the PDF's figures and the workbook's total are the screen's
    out = tmp_path / "out"
    out.mkdir()
    pdf_path = out / "bieu06.pdf"
    view.ask_save_path = lambda kind, suggested: str(pdf_path)
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.pdf_button.click()
    text = pc.flat(" ".join(pc.pdfium_texts(pdf_path.read_bytes())))
    assert "Tổng cộng " + " ".join(map(str, TOTAL)) in text
    xlsx_path = out / "bieu06"
    view.ask_save_path = lambda kind, suggested: str(xlsx_path)  # the extension is added
    with qtbot.waitSignal(view.exported, timeout=20_000) as written:
        view.xlsx_button.click()
    assert written.args[0].endswith("bieu06.xlsx")
    ws = openpyxl.load_workbook(
        io.BytesIO((out / "bieu06.xlsx").read_bytes()), data_only=True
    ).active
    total = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Tổng cộng")
    assert list(total[2:15]) == TOTAL
    # the late list from its tab
    view.tabs.setCurrentIndex(1)
    late_path = out / "late.pdf"
    view.ask_save_path = lambda kind, suggested: str(late_path) if "qua-han" in suggested else None
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.pdf_button.click()
    assert pc.CODE_RE.findall(pc.flat(" ".join(pc.pdfium_texts(late_path.read_bytes()))))
    assert sorted(p.name for p in out.iterdir()) == [
        "bieu06.pdf",
        "bieu06.xlsx",
        "late.pdf",
    ]  # and no temporary file left
    assert not offenders, offenders


def test_a_bad_period_is_said_plainly(window, qtbot):
    view = window.go("reports")
    qtbot.waitUntil(lambda: view.dashboard is not None and not view.busy, timeout=20_000)
    view.set_dates(date(2026, 11, 30), date(2026, 11, 1))
    view.compute_button.click()
    qtbot.waitUntil(lambda: not view.busy, timeout=5000)
    assert window.message_bar.text == "The end date is before the start date."
    assert view.dashboard.report.period.first == date(2026, 11, 1)  # the shown one stays


def test_steps_quality_groups_and_progress_in_the_window(
    make_window, services, clock, qtbot, tmp_path
):
    """The hand-worked steps of steps_scenario on their tab, the quality facts per dossier,
    the field group filter and cut, the on-time share in the summary, the progress bar fed
    from the worker, PDF and XLSX of the steps from their tab."""
    from tests.services import steps_scenario as ssc

    codes = ssc.build(services, clock)
    services.catalog.set_field_group("Nhóm hộ tịch", ["Hộ tịch"])
    services.catalog.set_field_group("Nhóm chứng thực", ["Chứng thực"])
    offenders = guard_reports(services)
    window = make_window(services)
    view = window.go("reports")
    qtbot.waitUntil(lambda: view.dashboard is not None and not view.busy, timeout=20_000)
    seen: list[int] = []
    view._progressed.connect(lambda _g, pct: seen.append(pct))
    view.set_preset("last_month")
    d = compute_all(view, qtbot)
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    assert d.quality is not None and d.facts == ()
    # the seeds' figures with both shares: 5 received, 4 resolved, 3 of them early or on time
    assert (
        "received 5; resolved 4 (80,00 %); early or on time 3 (75,00 % of resolved)"
        in view.summary.text()
    )
    t = view.steps_table
    cells = [[t.item(r, c).text() for c in range(9)] for r in range(t.rowCount())]
    assert cells == [
        ["Reception desk (transfer)", "5", "0", "4", "1", "80,00 %", "0,28", "0", "0"],
        [ssc.TP, "4", "0", "3", "1", "75,00 %", "1,95", "1", "1"],
        [ssc.KT, "1", "1", "0", "0", "100,00 %", "1,56", "0", "0"],
        ["Total", "10", "1", "7", "2", "80,00 %", "1,07", "1", "1"],
    ]
    view.tabs.setCurrentIndex(3)
    with qtbot.waitSignal(view.drilled, timeout=5000) as drilled:
        view.steps_table.cellDoubleClicked.emit(1, 4)  # Tư pháp's late step: S4
    assert drilled.args[0].codes == (codes["S4"],)
    drilled.args[0].close()
    # the quality facts, one row per dossier
    qm = view.quality_model
    assert qm.rowCount() == 5
    row4 = next(i for i in range(5) if qm.text(i, 0) == codes["S4"])
    assert [qm.text(row4, c) for c in (5, 6, 7, 8)] == ["Late", "3,00", "4,12", "1"]
    assert qm.text(row4, 9) == f"{ssc.TP}: 4,62"
    assert "Supplement requests: 1" in view.quality_summary.text()
    # the group filter lists the office's groups; by group cuts the rows
    assert [view.group_combo.itemData(i) for i in range(view.group_combo.count())] == [
        None,
        "Nhóm hộ tịch",
        "Nhóm chứng thực",
    ]
    view.group_combo.setCurrentIndex(2)
    d = compute_all(view, qtbot)
    assert d.report.total.values["received_total"] == 1 and len(d.quality.dossiers) == 1
    view.group_combo.setCurrentIndex(0)
    view.by_combo.setCurrentIndex(view.by_combo.findData("group"))
    d = compute_all(view, qtbot)
    assert [(r.group, r.values["received_total"]) for r in d.report.rows if r.level == "group"] == [
        ("Nhóm chứng thực", 1),
        ("Nhóm hộ tịch", 4),
    ]
    view.by_combo.setCurrentIndex(view.by_combo.findData("procedure"))
    d = compute_all(view, qtbot)
    assert [r.item_code for r in d.report.rows] == [ssc.HT, ssc.CT]
    assert view.model.rowCount() == 3
    # the steps' PDF and workbook from their tab
    view.tabs.setCurrentIndex(3)
    pdf_path = tmp_path / "steps.pdf"
    view.ask_save_path = lambda kind, suggested: (
        str(pdf_path) if "buoc-chuyen" in suggested else None
    )
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.pdf_button.click()
    text = pc.flat(" ".join(pc.pdfium_texts(pdf_path.read_bytes())))
    assert "Tổng cộng 10 1 7 2 80 1,07 1 1" in text
    view.tabs.setCurrentIndex(4)
    xlsx_path = tmp_path / "steps.xlsx"
    view.ask_save_path = lambda kind, suggested: str(xlsx_path)
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.xlsx_button.click()
    wb = openpyxl.load_workbook(xlsx_path, data_only=True)
    assert wb.sheetnames == ["Bước chuyển", "Hồ sơ", "Tổng hợp"]
    # a double click on a dossier opens it
    double_click(qtbot, view.quality_table, qm.index(row4, 0))
    qtbot.waitUntil(lambda: window.dossier_view.code == codes["S4"], timeout=5000)
    assert not offenders, offenders
