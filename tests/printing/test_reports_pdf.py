"""Biểu 06 and the late list on paper: rendered for real, read back with PDFium and pypdf, the
numbers compared with the JSON figures; a property over the number of rows (1–200) that the
document builds, pages as "Trang x/y", the law's column numbers on every page and every row's
figures (the total included) on the paper."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from motcua_desk import paths, printing
from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.report_forms import form_for, parse_forms
from motcua_desk.domain.report_periods import Period, ReportSettings
from motcua_desk.domain.reports import DossierFacts, compute
from motcua_desk.services.report_json import late_json, report_json
from tests.helpers import AGENCY
from tests.printing import pdfcheck as pc
from tests.services import report_scenario as sc

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
KEYS = [
    "received_total",
    "received_online",
    "received_direct",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_within",
    "pending_overdue",
    "refused_at_intake",
    "stopped",
]
PAGE_RE = re.compile(r"Trang (\d+)/(\d+)")
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def figure_rows(texts: list[str], n: int) -> list[list[int]]:
    """The rows of figures on the paper, in order: every text line that ends with n whole
    numbers (a row's cells are drawn left to right; a wrapped name ends above them)."""
    out = []
    for text in texts:
        for line in text.splitlines():
            tokens = line.split()
            if len(tokens) >= n and all(t.isdigit() for t in tokens[-n:]):
                out.append([int(t) for t in tokens[-n:]])
    return out


def expected_rows(doc: dict) -> list[list[int]]:
    return [[r[k] for k in KEYS] for r in doc["rows"]] + [[doc["total"][k] for k in KEYS]]


def test_bieu06_pdf_numbers_read_back_equal_the_json(services, clock):
    sc.build(services, clock)
    report = services.reports.bieu06(NOV)
    doc = report_json(report)
    pdf = printing.bieu06_pdf(report, services.settings.agency(), "Quầy này", date(2026, 12, 1))
    assert set(pc.page_sizes(pdf)) == {pc.A4_LANDSCAPE}
    texts = pc.pdfium_texts(pdf)
    assert figure_rows(texts, len(KEYS)) == expected_rows(doc)
    assert figure_rows(texts, len(KEYS))[-1] == [12, 1, 8, 3, 8, 3, 2, 3, 4, 3, 1, 1, 1]
    # pypdf, the second reader, sees the same total row and the form's furniture
    plain = pc.texts(pdf)
    pc.assert_nfc(plain[0])
    pc.assert_contains(
        plain[0],
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Biểu số 06/VPCP/KSTT",
        "Thông tư số 01/2020/TT-VPCP",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT",
        "Từ ngày 01 tháng 11 năm 2026 đến ngày 30 tháng 11 năm 2026",
        "Số hồ sơ nhận giải quyết",
        "Kết quả giải quyết",
        " ".join(f"({i})" for i in range(1, 14)),
        "Chứng thực",
        "Hộ tịch",
        "Tổng cộng 12 1 8 3 8 3 2 3 4 3 1 1 1",
    )
    everything = pc.flat(" ".join(plain))
    assert "NGƯỜI LẬP BIỂU" in everything and "THỦ TRƯỞNG ĐƠN VỊ" in everything
    assert "Nông Thị Thư" in everything
    pages = [PAGE_RE.search(t) for t in texts]
    assert all(m is not None and int(m.group(2)) == len(texts) for m in pages)


def test_bieu06_pdf_with_months_draws_the_chart(services, clock):
    sc.build(services, clock)
    quarter = Period(date(2026, 10, 1), date(2026, 12, 31))
    report, months = services.reports.bieu06_and_months(quarter)
    assert [m[0].first for m in months] == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    assert sum(v["received_online"] + v["received_direct"] for _, v in months) == (
        report.total.values["received_online"] + report.total.values["received_direct"]
    )
    nov = dict(months)[NOV]
    assert nov == dict(services.reports.bieu06(NOV).total.values)
    pdf = printing.bieu06_pdf(report, services.settings.agency(), "", None, months)
    text = pc.flat(" ".join(pc.pdfium_texts(pdf)))
    assert "10/2026 11/2026 12/2026" in text and "62%" in text  # 5 of 8 resolved in November


def test_cli_pdf_equals_cli_json(services, clock, db_path, tmp_path, capsys):
    from motcua_desk.cli import main

    sc.build(services, clock)
    services.close()
    out = tmp_path / "bieu06.pdf"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "period",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--by",
                "department",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "period",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--by",
                "department",
                "--json",
            ]
        )
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    texts = pc.pdfium_texts(out.read_bytes())
    assert figure_rows(texts, len(KEYS)) == expected_rows(doc)
    assert sc.DEPT in pc.flat(texts[0])
    late = tmp_path / "late.pdf"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "report",
                "late",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--out",
                str(late),
            ]
        )
        == 0
    )
    assert "4 dossiers written" in capsys.readouterr().out
    assert set(pc.page_sizes(late.read_bytes())) == {pc.A4_LANDSCAPE}
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_late_pdf_lists_every_dossier_with_its_apology(services, clock):
    codes = sc.build(services, clock)
    services.dossiers.record_print(codes["E"], "apology")
    late = services.reports.late(NOV)
    doc = late_json(late, services.reports.tz())
    pdf = printing.late_pdf(
        late, services.settings.agency(), services.reports.tz(), "Quầy này", date(2026, 12, 1)
    )
    text = pc.flat(" ".join(pc.pdfium_texts(pdf)))
    found = pc.CODE_RE.findall(text)
    listed = [d["code"] for g in doc["departments"] for d in g["dossiers"]]
    assert found == listed and sorted(listed) == sorted(codes[k] for k in "ODEF")
    e = next(d for d in doc["departments"][0]["dossiers"] if d["code"] == codes["E"])
    assert e["apology_printed_at"] is not None  # the print is the clock's moment, 1/12
    for needle in (
        "TỔNG HỢP HỒ SƠ GIẢI QUYẾT QUÁ HẠN VÀ VĂN BẢN XIN LỖI",
        "Ngày 04/11/2026 09:00; in ngày 01/12/2026",
        "Cần xác minh",
        "Đang giải quyết, quá hạn",
        "Chưa có",
        f"I. {sc.DEPT} – 4 hồ sơ; có văn bản xin lỗi: 1",
        "Tổng cộng 4 3 1 1 1",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert needle in text, needle


def test_late_pdf_of_an_empty_period(services):
    late = services.reports.late(NOV)
    pdf = printing.late_pdf(late, services.settings.agency(), services.reports.tz())
    assert "Không có hồ sơ giải quyết quá hạn trong kỳ." in pc.flat(pc.pdfium_texts(pdf)[0])


# --- the property: any number of rows --------------------------------------------------------

FIELDS = [
    "Hộ tịch",
    "Chứng thực",
    "Đất đai",
    "Xây dựng",
    "Bảo trợ xã hội",
    "Người có công",
    "Hộ kinh doanh",
    "Y tế",
    "Giáo dục",
    "Cư trú",
    "Môi trường",
    "Nông nghiệp",
]
START = datetime(2026, 11, 1, tzinfo=VN)


def _facts(n_procs: int, seed: list[int]) -> list[DossierFacts]:
    """A few dossiers for each of n_procs procedures over the fields; every outcome."""
    out = []
    for p in range(n_procs):
        field = FIELDS[p % len(FIELDS)]
        name = f"Thủ tục số {p} lĩnh vực {field}" + (" có tên rất dài" * (p % 5))
        for k in range(1 + seed[p % len(seed)] % 3):
            n = p * 10 + k
            received = (START + timedelta(days=(n * 7) % 40 - 8, hours=n % 9)).astimezone(UTC)
            due = received + timedelta(days=3)
            kind = (n + seed[k % len(seed)]) % 4
            outcome, at = {
                0: ("", None),
                1: ("result", due - timedelta(days=1)),
                2: ("result", due + timedelta(hours=5)),
                3: ("stopped", received + timedelta(hours=2)),
            }[kind]
            out.append(
                DossierFacts(
                    dossier_id=f"d{n}",
                    code=f"000.17.22.H56-261101-{n:04d}",
                    field=field,
                    procedure_code=f"1.{p:06d}",
                    procedure_name=name,
                    department="Địa chính",
                    desk_no=1,
                    channel=("direct", "online", "post")[n % 3],
                    received_at=received,
                    dues=((received, due),),
                    outcome=outcome,
                    outcome_at=at,
                )
            )
    return out


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(n_procs=1, seed=[1, 2])  # nothing in the period: an empty table still prints
@given(n_procs=st.integers(1, 188), seed=st.lists(st.integers(0, 50), min_size=1, max_size=5))
def test_any_number_of_rows_builds_and_every_total_is_on_the_paper(n_procs, seed):
    form = form_for(
        parse_forms(
            json.loads((paths.resources_dir() / "reports" / "bieu06.json").read_text("utf-8"))
        ),
        NOV.last,
    )
    report = compute(_facts(n_procs, seed), NOV, VN, form, ReportSettings())
    rows = len(report.rows)
    assert 0 <= rows <= 200  # none when no dossier of the draw falls in the period
    agency = AgencyInfo(desk_no=1, **AGENCY)
    pdf = printing.bieu06_pdf(report, agency, "Toàn đơn vị", date(2026, 12, 1))
    texts = pc.pdfium_texts(pdf)
    assert set(pc.page_sizes(pdf)) == {pc.A4_LANDSCAPE}
    numbers = " ".join(f"({i})" for i in range(1, 14))
    for i, text in enumerate(texts, 1):
        m = PAGE_RE.search(text)
        assert m is not None and (int(m.group(1)), int(m.group(2))) == (i, len(texts))
        if figure_rows([text], len(KEYS)):
            assert numbers in pc.flat(text)  # the header repeats on every page of the table
    assert figure_rows(texts, len(KEYS)) == expected_rows(report_json(report))
