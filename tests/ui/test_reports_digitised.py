"""The Reports screen's QĐ 766 tab with 4.2 (digitisation) and 4.3 (reuse of digitised data),
on the dossiers of digitised_scenario (digitised, reused, exempt, online, untouched): their
rows, counts and full-marks line, and the dossiers behind each (drill-down), computed off the
GUI thread."""

from __future__ import annotations

from motcua_desk.ui.actions import ActionId
from tests.services import digitised_scenario as ds
from tests.ui.test_reports_window import guard_reports


def test_the_self_check_tab_shows_4_2_and_4_3(make_window, services, qtbot, tmp_path):
    codes = ds.build(services, tmp_path)  # received Mon 23/11/2026, the clock's day
    offenders = guard_reports(services)
    window = make_window(services)
    window.actions[ActionId.GO_REPORTS].trigger()
    view = window.page("reports")
    qtbot.waitUntil(lambda: view.dashboard is not None and not view.busy, timeout=20_000)
    assert view.dashboard.report.period.first.month == 11  # this month
    view.tabs.setCurrentIndex(2)
    t = view.index_table
    assert t.rowCount() == 5
    rows = {t.item(r, 0).text().split(" ")[0]: r for r in range(t.rowCount())}
    assert list(rows) == ["2.1", "3.3", "4.2", "4.3", "5.4"]
    d, r = rows["4.2"], rows["4.3"]
    assert t.item(d, 0).text() == "4.2 Tỷ lệ số hóa hồ sơ"
    assert t.item(d, 1).text() == "50,00 % (2/4)"
    assert t.item(r, 1).text() == "25,00 % (1/4)"
    notes = t.item(d, 3).text()
    assert notes.startswith("Tối đa điểm khi ≥ 80 % Chưa đạt điểm tối đa: cần thêm 2 hồ sơ")
    assert "1 hồ sơ trực tuyến, 1 hồ sơ không có giấy tờ phải số hóa" in notes
    assert t.item(d, 4).text() == "2" and t.item(r, 4).text() == "3"

    with qtbot.waitSignal(view.drilled, timeout=5000) as drilled:
        t.cellDoubleClicked.emit(d, 0)
    dialog = drilled.args[0]
    assert set(dialog.codes) == {codes["C"], codes["F"]}
    dialog.close()
    with qtbot.waitSignal(view.drilled, timeout=5000) as drilled:
        t.cellDoubleClicked.emit(r, 1)
    dialog = drilled.args[0]
    assert set(dialog.codes) == {codes["A"], codes["C"], codes["F"]}
    dialog.close()
    assert offenders == []  # every figure computed on the DB worker
