"""What the screens and the commands read besides Biểu 06 itself: the dossiers behind a cell of
any row, the months of a period, the presets, and the dashboard (one read) equal to the
separate calls."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.report_periods import Period, preset_period
from motcua_desk.domain.reports import cell_codes, column_metrics, months_of
from tests.services import report_scenario as sc

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_cell_codes_of_items_groups_and_total(services, clock):
    codes = sc.build(services, clock)
    report = services.reports.bieu06(NOV, keep_codes=True)
    rows = {(r.level, r.group): r for r in report.rows}
    item = next(r for r in report.rows if r.item_code == sc.HT)
    assert column_metrics(report.form, "resolved_total") == (
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
    )
    assert set(cell_codes(report, item, "resolved_late")) == {codes["D"], codes["E"]}
    group = rows[("group", "Hộ tịch")]
    assert cell_codes(report, group, "resolved_late") == cell_codes(report, item, "resolved_late")
    everyone = cell_codes(report, report.total, "received_total")
    assert len(everyone) == report.total.values["received_total"] == 12
    assert set(cell_codes(report, report.total, "resolved_late")) == {
        codes["D"],
        codes["E"],
        codes["O"],
    }
    for r in (*report.rows, report.total):  # every cell: as many dossiers as its figure
        for c in report.form.all_columns:
            assert len(cell_codes(report, r, c.key)) == r.values[c.key], (r.item_name, c.key)
    with pytest.raises(ValidationError):
        cell_codes(report, item, "nonsense")


def test_months_and_presets():
    assert months_of(Period(date(2026, 1, 15), date(2026, 3, 2))) == [
        Period(date(2026, 1, 15), date(2026, 1, 31)),
        Period(date(2026, 2, 1), date(2026, 2, 28)),
        Period(date(2026, 3, 1), date(2026, 3, 2)),
    ]
    today = date(2027, 1, 10)
    assert preset_period("this_month", today) == Period(date(2027, 1, 1), date(2027, 1, 31))
    assert preset_period("last_month", today) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert preset_period("this_quarter", date(2026, 8, 31)) == Period(
        date(2026, 7, 1), date(2026, 9, 30)
    )
    assert preset_period("this_year", today) == Period(date(2027, 1, 1), date(2027, 12, 31))
    with pytest.raises(ValidationError):
        preset_period("fortnight", today)


def test_dashboard_is_the_separate_calls(services, clock):
    sc.build(services, clock)
    quarter = Period(date(2026, 10, 1), date(2026, 12, 31))
    d = services.reports.dashboard(quarter)
    assert d.report.rows == services.reports.bieu06(quarter).rows
    assert d.months == services.reports.months(quarter)
    assert d.late == services.reports.late(quarter)
    assert d.indices == services.reports.indices(quarter)
    assert d.report.dossiers  # kept for the drill-down


def test_the_sql_path_and_the_facts_path_agree(services, clock, monkeypatch):
    """In a zone of one offset SQLite classifies most dossiers; elsewhere (daylight saving)
    every dossier becomes facts. Both give the same report, cell codes included."""
    from zoneinfo import ZoneInfo

    from motcua_desk.domain.reports import fixed_offset
    from motcua_desk.services import reports as service_module

    assert fixed_offset(ZoneInfo("Asia/Ho_Chi_Minh"), NOV) == 420
    assert fixed_offset(ZoneInfo("Europe/Berlin"), NOV) is None
    sc.build(services, clock)
    for compare, stopped in (("timestamp", "resolved"), ("date", "excluded")):
        services.reports.set_report_settings(compare=compare, stopped=stopped)
        for by in ("field", "department"):
            for period in (NOV, Period(date(2026, 10, 1), date(2026, 12, 31))):
                fast = services.reports.bieu06(period, by=by, keep_codes=True)
                with monkeypatch.context() as m:
                    m.setattr(service_module, "fixed_offset", lambda tz, p: None)
                    slow = services.reports.bieu06(period, by=by, keep_codes=True)
                assert fast.rows == slow.rows and fast.total == slow.total
                assert {
                    k: {m_: sorted(c) for m_, c in v.items()} for k, v in fast.dossiers.items()
                } == {k: {m_: sorted(c) for m_, c in v.items()} for k, v in slow.dossiers.items()}


def test_late_apologies_equal_those_folded_from_the_events(services, clock):
    from dataclasses import replace

    from motcua_desk.domain.late_report import apology_from_events
    from motcua_desk.store import repo

    codes = sc.build(services, clock)
    services.dossiers.record_print(codes["E"], "apology")
    late = services.reports.late(NOV)
    assert [e.code for e in late.entries if e.apology.at] == [codes["E"]]
    with services._store.read() as session:
        for e in late.entries:
            ref = apology_from_events(repo.load_events(session, e.dossier_id))
            assert replace(e.apology, in_time=None) == ref, e.code
    e = next(x for x in late.entries if x.code == codes["E"])
    assert e.apology.printed_at is not None and e.apology.in_time is True
