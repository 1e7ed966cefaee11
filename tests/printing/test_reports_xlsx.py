"""Biểu 06 and the late list as XLSX, opened with openpyxl and checked cell by cell: the numbers
are numbers, the totals formulas, each formula's cached value right, and each formula computed
again here (a small evaluator of the few shapes written) to the same figure."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime

import openpyxl
import pytest

from motcua_desk import printing
from motcua_desk.domain.report_periods import Period
from motcua_desk.services.report_json import late_json, report_json
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
SUMS = {"received_total", "resolved_total", "pending_total"}
REF = re.compile(r"\$?([A-Z]+)\$?(\d+)")


def books(data: bytes):
    return (
        openpyxl.load_workbook(io.BytesIO(data)),
        openpyxl.load_workbook(io.BytesIO(data), data_only=True),
    )


def evaluate(ws, formula: str, depth: int = 0) -> int:
    """=A1+B1, =SUM(A1:A9), =SUM(A1,A5)+SUM(…), =0, =COUNTIFS(range, cell[, range, "text" or
    "<>"]…)."""
    assert formula.startswith("=") and depth < 20, formula
    body = formula[1:]

    def value(ref: str) -> object:
        v = ws[ref].value
        if isinstance(v, str) and v.startswith("="):
            return evaluate(ws, v, depth + 1)
        return v

    def number(ref: str) -> int:
        v = value(ref)
        assert isinstance(v, int), (ref, v)
        return v

    def cells(area: str) -> list[str]:
        if ":" not in area:
            return [area.replace("$", "")]
        a, b = area.split(":")
        (ca, ra), (cb, rb) = REF.fullmatch(a).groups(), REF.fullmatch(b).groups()
        assert ca == cb, area
        return [f"{ca}{r}" for r in range(int(ra), int(rb) + 1)]

    if body.startswith("COUNTIFS("):
        args = re.findall(r'"[^"]*"|[^,]+', body[len("COUNTIFS(") : -1])
        pairs = list(zip(args[::2], args[1::2], strict=True))
        ranges = [cells(r) for r, _ in pairs]
        wants = [c[1:-1] if c.startswith('"') else value(c.replace("$", "")) for _, c in pairs]
        n = 0

        def meets(v, w) -> bool:  # "<>" (as Excel reads it): any value, not a blank
            return v not in (None, "") if w == "<>" else v == w

        for i in range(len(ranges[0])):
            if all(meets(value(rs[i]), w) for rs, w in zip(ranges, wants, strict=True)):
                n += 1
        return n
    total = 0
    for term in body.split("+"):
        term = term.strip()
        if term.startswith("SUM("):
            for area in term[4:-1].split(","):
                total += sum(number(c) for c in cells(area))
        elif REF.fullmatch(term):
            total += number(term)
        else:
            total += int(term)
    return total


def find_row(ws, col: str, text: str, after: int = 0) -> int:
    for (c,) in ws.iter_rows(min_row=after + 1, min_col=ord(col) - 64, max_col=ord(col) - 64):
        if c.value == text:
            return c.row
    raise AssertionError(f"{text!r} not in column {col}")


def test_bieu06_xlsx_cell_by_cell(services, clock):
    sc.build(services, clock)
    report = services.reports.bieu06(NOV)
    doc = report_json(report)
    data = printing.bieu06_xlsx(report, services.settings.agency(), "Quầy này", date(2026, 12, 1))
    wb, cached = books(data)
    ws, wv = wb["Biểu 06"], cached["Biểu 06"]
    assert wb.sheetnames == ["Biểu 06"]
    # the header: the law's column numbers in one row, under the groups
    nos_row = find_row(ws, "A", "(1)")
    assert [ws.cell(nos_row, c).value for c in range(1, 16)] == [
        *(f"({i})" for i in range(1, 14)),
        "(a)",
        "(b)",
    ]
    assert "Số hồ sơ nhận giải quyết" in [ws.cell(nos_row - 2, c).value for c in range(3, 16)]
    assert ws["A1"].value == "UBND XÃ VI HƯƠNG"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [c.value for c in ws[1]]
    # every row: names, numbers as numbers, formulas where the form adds up
    expected = doc["rows"] + [doc["total"]]
    first = nos_row + 1
    levels = []
    for i, row in enumerate(expected):
        r = first + i
        name = ws.cell(r, 2).value
        if row is doc["total"]:
            assert name == "Tổng cộng"
            levels.append("total")
        elif row["procedure_code"] is None:
            assert name == row["field"]
            levels.append("group")
        else:
            assert name.startswith(row["procedure_code"] + " – ")
            levels.append("item")
        for k, key in enumerate(KEYS):
            c = 3 + k
            cell, value = ws.cell(r, c), wv.cell(r, c).value
            assert value == row[key], (r, key)  # the cached value, what a plain reader sees
            assert isinstance(value, int)
            if levels[-1] == "item" and key not in SUMS:
                assert cell.data_type == "n" and cell.value == row[key]
            else:
                assert isinstance(cell.value, str) and cell.value.startswith("="), (r, key)
                assert evaluate(ws, cell.value) == row[key], (r, key, cell.value)
        if levels[-1] == "item":
            assert ws.cell(r, 3).value == f"=D{r}+E{r}+F{r}"  # (3) = (4) + (5) + (6)
            assert ws.cell(r, 7).value == f"=H{r}+I{r}+J{r}"
            assert ws.cell(r, 11).value == f"=L{r}+M{r}"
    assert levels == ["group", "item", "group", "item", "total"]
    total_r = first + len(expected) - 1
    g1, g2 = first, first + 2
    assert ws.cell(g1, 3).value == f"=SUM(C{g1 + 1}:C{g1 + 1})"
    assert ws.cell(total_r, 3).value == f"=SUM(C{g1},C{g2})"
    assert [wv.cell(total_r, c).value for c in range(3, 16)] == [
        12,
        1,
        8,
        3,
        8,
        3,
        2,
        3,
        4,
        3,
        1,
        1,
        1,
    ]
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "Nông Thị Thư"} <= texts


def test_more_groups_than_one_sum_takes(services):
    """250 departments (a SUM takes 255 arguments): the total is a sum of SUMs, and right."""
    from datetime import UTC, timedelta

    from motcua_desk.domain.report_periods import ReportSettings
    from motcua_desk.domain.reports import DossierFacts, compute

    tz = services.reports.tz()
    start = datetime(2026, 11, 2, 9, 0, tzinfo=tz).astimezone(UTC)
    facts = [
        DossierFacts(
            dossier_id=f"d{i}",
            code=f"000.17.22.H56-261102-{i:04d}",
            field="Đất đai",
            procedure_code=f"1.{i % 7:06d}",
            procedure_name="Thủ tục",
            department=f"Phòng {i:03d}",
            desk_no=1,
            channel="online" if i % 3 else "direct",
            received_at=start,
            dues=((start, start + timedelta(days=2 + i % 5)),),
            outcome="result" if i % 2 else "",
            outcome_at=start + timedelta(days=3) if i % 2 else None,
        )
        for i in range(250)
    ]
    form = services.reports.forms()[0]
    report = compute(facts, NOV, tz, form, ReportSettings(), by="department")
    data = printing.bieu06_xlsx(report, services.settings.agency())
    wb, cached = books(data)
    ws, wv = wb.active, cached.active
    total_r = find_row(ws, "B", "Tổng cộng")
    assert ws.cell(total_r, 3).value.count("SUM(") == 2
    for k, key in enumerate(KEYS):
        c = 3 + k
        assert (
            evaluate(ws, ws.cell(total_r, c).value)
            == wv.cell(total_r, c).value
            == report.total.values[key]
        )
    assert wv.cell(total_r, 3).value == 250


def test_late_xlsx_cell_by_cell(services, clock):
    codes = sc.build(services, clock)
    late = services.reports.late(NOV)
    tz = services.reports.tz()
    doc = late_json(late, tz)
    data = printing.late_xlsx(late, services.settings.agency(), tz, "Quầy này", date(2026, 12, 1))
    wb, cached = books(data)
    ws, wv = wb["Hồ sơ quá hạn"], cached["Hồ sơ quá hạn"]
    head = find_row(ws, "A", "STT")
    listed = [d for g in doc["departments"] for d in g["dossiers"]]
    for i, d in enumerate(listed):
        r = head + 1 + i
        assert ws.cell(r, 1).value == i + 1
        assert ws.cell(r, 3).value == d["code"]
        assert ws.cell(r, 4).value == d["procedure_code"]
        received = ws.cell(r, 7).value
        assert isinstance(received, datetime)  # a date, not text
        assert received.isoformat(timespec="minutes") == d["received_at"][:16]
        assert ws.cell(r, 12).value == ("Có" if d["apology"] else "Chưa có")
        if d["code"] == codes["E"]:
            assert ws.cell(r, 13).value == datetime(2026, 11, 4, 9, 0)
            assert ws.cell(r, 11).value == datetime(2026, 11, 10, 17, 0)
            assert ws.cell(r, 15).value == "Đúng thời hạn"
            assert ws.cell(r, 16).value == "Cần xác minh"
        else:
            assert ws.cell(r, 13).value is None
    s_head = find_row(ws, "B", "Cơ quan, đơn vị", after=head)
    dept_r = s_head + 1
    assert ws.cell(dept_r, 2).value == sc.DEPT
    want = [4, 3, 1, 1, 1]  # total, late, overdue, extended (any kind), with an apology
    c = late.counts  # the same figures as the text, the JSON and the PDF
    assert want == [c["total"], c["late"], c["overdue"], c["extended"], c["apology"]]
    for k, v in enumerate(want):
        cell = ws.cell(dept_r, 3 + k)
        assert cell.value.startswith("=COUNTIFS(")
        assert wv.cell(dept_r, 3 + k).value == v
        assert evaluate(ws, cell.value) == v
        total = ws.cell(dept_r + 1, 3 + k)
        assert total.value.startswith("=SUM(") and wv.cell(dept_r + 1, 3 + k).value == v
        assert evaluate(ws, total.value) == v


@pytest.mark.parametrize("command", ["period", "late"])
def test_cli_writes_the_xlsx(services, clock, db_path, tmp_path, capsys, command):
    from motcua_desk.cli import main

    sc.build(services, clock)
    services.close()
    out = tmp_path / "figures.XLSX"
    args = ["--db", str(db_path), "report", command, "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*args, "--out", str(out)]) == 0
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    _, cached = books(out.read_bytes())
    ws = cached.active
    if command == "period":
        total_r = find_row(ws, "B", "Tổng cộng")
        assert [ws.cell(total_r, 3 + k).value for k in range(len(KEYS))] == [
            doc["total"][k] for k in KEYS
        ]
    else:
        codes = [c.value for c in ws["C"] if isinstance(c.value, str) and "-" in c.value]
        assert codes == [d["code"] for g in doc["departments"] for d in g["dossiers"]]
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("desk.")] == [
        "figures.XLSX"
    ]  # no temporary file left behind
