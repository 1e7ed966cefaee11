"""QĐ 766 4.2 (digitisation) and 4.3 (reuse of digitised data) in the office's figures
(issue 14): the self-check and the Reports screen's dashboard count them by the rule of
DigitisationService.rates (online and voided dossiers left out, a dossier whose papers are all
exempt left out), over the report's scope; full marks at ≥ 80 %."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desk.domain.self_check_digitised import (
    PaperCount,
    digitisation_indices,
    marks_text,
    short_of_full_marks,
)
from motcua_desk.services.digitisation import DigitisationService
from motcua_desk.services.reports import ReportScope
from tests.services import digitised_scenario as ds


@pytest.fixture
def nov(services):
    return services.reports.period_between(date(2026, 11, 1), date(2026, 11, 30))


def _by_key(values):
    return {v.key: v for v in values}


def test_the_self_check_carries_4_2_and_4_3(services, tmp_path, nov):
    codes = ds.build(services, tmp_path)
    values = services.reports.indices(nov)
    assert [v.key for v in values] == ["2.1", "3.3", "4.2", "4.3", "5.4"]
    by_key = _by_key(values)
    d, r = by_key["4.2"], by_key["4.3"]
    assert (d.numerator, d.denominator, d.score, d.full_marks) == (2, 4, 50.0, False)
    assert (r.numerator, r.denominator, r.score, r.full_marks) == (1, 4, 25.0, False)
    assert {c for c, _ in d.lowering} == {codes["C"], codes["F"]}
    assert {c for c, _ in r.lowering} == {codes["A"], codes["C"], codes["F"]}
    why = dict(d.lowering)
    assert why[codes["C"]].startswith("còn 1/") and why[codes["F"]].startswith("còn ")
    for v in (d, r):
        assert v.parts["counted"] == 4 and v.parts["exempt"] == 1 and v.parts["online"] == 1
        assert v.full_marks_at == 80.0 and v.target == "Tối đa điểm khi ≥ 80 %"
        assert "1 hồ sơ trực tuyến" in v.note
    assert d.note.startswith("Chưa đạt điểm tối đa: cần thêm 2 hồ sơ")
    assert r.note.startswith("Chưa đạt điểm tối đa: cần thêm 3 hồ sơ")
    # the other indices are as they were
    assert by_key["2.1"].full_marks_at is None and by_key["3.3"].numerator == 1


def test_the_same_figures_as_the_rates_and_the_dashboard(services, tmp_path, nov):
    ds.build(services, tmp_path)
    rates = DigitisationService.from_services(services).rates(nov.first, nov.last)
    for scope in (ReportScope(), ReportScope("office")):
        by_key = _by_key(services.reports.indices(nov, scope))
        d, r = by_key["4.2"], by_key["4.3"]
        assert (d.denominator, d.numerator, r.numerator, d.parts["exempt"]) == (
            rates.counted,
            rates.digitised,
            rates.reusing,
            rates.exempt,
        )
    assert services.reports.dashboard(nov).indices == services.reports.indices(nov)


def test_dossiers_refused_at_intake_count_nothing(services, tmp_path, nov):
    """Never taken in, as in Biểu 06: neither F (nothing digitised: the unfolded path) nor C
    (a paper scanned: the folded path) counts in 4.2 / 4.3 once refused at intake, and the
    rates say the same."""
    codes = ds.build(services, tmp_path)
    services.dossiers.refuse(codes["F"], "thiếu giấy tờ")
    d = _by_key(services.reports.indices(nov))["4.2"]
    assert (d.numerator, d.denominator) == (2, 3)
    services.dossiers.refuse(codes["C"], "thiếu giấy tờ")
    d, r = (_by_key(services.reports.indices(nov))[k] for k in ("4.2", "4.3"))
    assert (d.numerator, d.denominator, r.numerator) == (2, 2, 1)
    assert not {c for c, _why in d.lowering} & {codes["C"], codes["F"]}
    rates = DigitisationService.from_services(services).rates(nov.first, nov.last)
    assert (rates.counted, rates.digitised) == (2, 2)


def test_voided_dossiers_and_other_scopes_count_nothing(services, tmp_path, nov):
    codes = ds.build(services, tmp_path)
    services.dossiers.void(codes["F"], "nhập nhầm")
    d = _by_key(services.reports.indices(nov))["4.2"]
    assert (d.numerator, d.denominator) == (2, 3)
    services.catalog.set_field_group("Nhóm chứng thực", ["Chứng thực"])
    for scope in (ReportScope("office", desk_no=2), ReportScope(group="Nhóm chứng thực")):
        d = _by_key(services.reports.indices(nov, scope))["4.2"]
        assert (d.numerator, d.denominator, d.score, d.full_marks) == (0, 0, None, None)
        assert d.note.startswith("Không có hồ sơ phải số hóa trong kỳ.")
    # a period before them: nothing
    october = services.reports.period_between(date(2026, 10, 1), date(2026, 10, 31))
    assert _by_key(services.reports.indices(october))["4.3"].denominator == 0


@pytest.mark.parametrize(
    "num,den,short",
    [(4, 5, 0), (3, 5, 1), (5, 5, 0), (399, 500, 1), (400, 500, 0), (0, 1, 1), (0, 0, 0)],
)
def test_full_marks_at_80_percent(num, den, short):
    assert short_of_full_marks(num, den) == short
    counts = [PaperCount(f"c{i:03}", 1, int(i < num), int(i < num)) for i in range(den)]
    d, r = digitisation_indices(counts)
    for v in (d, r):
        assert (v.numerator, v.denominator) == (num, den)
        assert v.full_marks == (None if not den else short == 0)
        assert v.note.startswith(marks_text(num, den))
    if den and not short:
        assert d.note.startswith("Đạt điểm tối đa (≥ 80 %).")


def test_a_dossier_with_nothing_to_digitise_is_exempt_not_counted():
    counts = [PaperCount("a", 0, 0, 0), PaperCount("b", 2, 2, 0), PaperCount("c", 3, 1, 1)]
    d, r = digitisation_indices(counts, online=5)
    assert (d.numerator, d.denominator, r.numerator) == (1, 2, 1)
    assert d.parts["exempt"] == 1 and d.parts["online"] == 5
    assert d.parts["papers_due"] == 5 and d.parts["papers_done"] == 3
    assert d.lowering == (("c", "còn 2/3 giấy tờ chưa số hóa"),)
    assert [c for c, _ in r.lowering] == ["b"]
