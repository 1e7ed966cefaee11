"""F8 at 1366×768 (the counter's usual laptop): every column header of the Biểu 06 table is
readable whole, and every column (the ones beside the form too) is reachable by scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from motcua_desk.ui.actions import ActionId
from tests.services import report_scenario as sc


def test_headers_fit_their_columns_and_every_column_is_reachable(
    make_window, services, clock, qtbot
):
    sc.build(services, clock)
    window = make_window(services)
    window.resize(1366, 768)
    window.actions[ActionId.GO_REPORTS].trigger()
    view = window.page("reports")
    qtbot.waitUntil(lambda: view.dashboard is not None and not view.busy, timeout=20_000)
    view.set_preset("this_quarter")
    with qtbot.waitSignal(view.computed, timeout=20_000):
        view.compute_button.click()
    table, model = view.table, view.model
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    columns = model.columnCount()
    assert columns > 13  # the form's columns and the ones beside it
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
    assert any("Trực tuyến" in h.replace("\n", " ") for h in labels)
    tallest = 0
    for c, text in enumerate(labels):
        lines = text.split("\n")
        tallest = max(tallest, len(lines))
        for line in lines:
            assert metrics.horizontalAdvance(line) <= header.sectionSize(c), (c, line)
    assert header.height() >= tallest * metrics.lineSpacing()
    # the whole table is wider than the window: it scrolls sideways to the last column
    bar = table.horizontalScrollBar()
    last = columns - 1
    assert header.length() > table.viewport().width()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    x = table.columnViewportPosition(last)
    assert 0 <= x and x + table.columnWidth(last) <= table.viewport().width()
