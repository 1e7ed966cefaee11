"""`report quality`, `report period --by procedure|group --group`, the progress figures and
`groups` through the real entry point on a real SQLite file: the hand-worked steps of
tests/services/steps_scenario.py and the November of report_scenario; the PDF read back with
pypdf, the XLSX opened with openpyxl and its formulas computed again here; bad input one line,
exit 2, nothing changed."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from motcua_desk.app import open_services
from tests.cli.test_cli_reports import BAD, NOV, Ran, files, refused
from tests.helpers import AGENCY, FakeClock
from tests.services import report_scenario as rsc
from tests.services import steps_scenario as sc


@pytest.fixture
def cli(capsys):
    from motcua_desk.cli import main

    def run_(db: Path, *args: str) -> Ran:
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as err:  # argparse refuses before a command runs
            code = err.code
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run_


def _make(folder: Path, build) -> Path:
    db = folder / "desk.sqlite3"
    clock = FakeClock()
    svc = open_services(db, clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        build(svc, clock)
    finally:
        svc.close()
    return db


@pytest.fixture(scope="module")
def steps_db(tmp_path_factory) -> Path:
    return _make(tmp_path_factory.mktemp("steps"), sc.build)


@pytest.fixture(scope="module")
def november_db(tmp_path_factory) -> Path:
    return _make(tmp_path_factory.mktemp("nov"), rsc.build)


def test_quality_json_is_hand_worked(cli, steps_db):
    r = cli(steps_db, "report", "quality", *NOV, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["time_unit"] == "working_days"
    rows = {(x["kind"], x["unit"]): x for x in out["steps"]}
    names = {("transfer", "desk"): "Bộ phận Một cửa (chuyển hồ sơ)"}
    assert set(rows) == {(k, names.get((k, u), u)) for k, u in sc.STEPS}
    for (kind, unit), (early, on_time, late, days, open_, overdue) in sc.STEPS.items():
        x = rows[(kind, names.get((kind, unit), unit))]
        finished = early + on_time + late
        assert (x["early"], x["on_time"], x["late"], x["finished"]) == (
            early,
            on_time,
            late,
            finished,
        )
        assert x["average_working_days"] == round(days / finished, 2)
        assert (x["in_progress"], x["in_progress_overdue"]) == (open_, overdue)
    t = out["steps_total"]
    assert (t["finished"], t["early"], t["on_time"], t["late"]) == (10, 1, 7, 2)
    assert t["on_time_pct"] == 80.0
    assert out["summary"]["finished_within_time_pct"] == 75.0
    by_result = sorted(d["result"] for d in out["dossiers"])
    assert by_result == sorted(v[0] for v in sc.QUALITY.values())
    s4 = next(d for d in out["dossiers"] if d["supplement_requests"] == 1)
    assert s4["statutory_working_days"] == 3.0 and s4["actual_working_days"] == 4.12
    assert s4["departments"] == [{"department": sc.TP, "working_days": round(37 / 8, 2)}]


def test_quality_pdf_reads_back(cli, steps_db, tmp_path):
    out = tmp_path / "q.pdf"
    r = cli(steps_db, "report", "quality", *NOV, "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    text = re.sub(r"\s+", " ", text)
    assert "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO TỪNG BƯỚC CHUYỂN" in text
    assert "NGƯỜI LẬP BIỂU" in text and "THỦ TRƯỞNG ĐƠN VỊ" in text
    # unit, steps, early, on time, late, share, average days, open, overdue
    assert "Bộ phận Một cửa (chuyển hồ sơ) 5 0 4 1 80 0,28 0 0" in text
    assert f"{sc.TP} 4 0 3 1 75 1,95 1 1" in text
    assert f"{sc.KT} 1 1 0 0 100 1,56 0 0" in text
    assert "Tổng cộng 10 1 7 2 80 1,07 1 1" in text
    assert "Số lần yêu cầu bổ sung hồ sơ: 1" in text
    assert "Kênh tiếp nhận: trực tuyến 1, trực tiếp 4, bưu chính 0." in text


# --- a small evaluator of the formulas the workbook writes ------------------------------------

REF = re.compile(r"(?:'([^']+)'!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?")


class Err(Exception):
    pass


def evaluate(wb, sheet: str, formula: str, depth: int = 0):
    assert formula.startswith("=") and depth < 10, formula

    def cell(ws_name: str, ref: str):
        v = wb[ws_name][ref].value
        if isinstance(v, str) and v.startswith("="):
            return evaluate(wb, ws_name, v, depth + 1)
        return v

    refs: list = []

    def sub(m: re.Match) -> str:
        ws_name = m.group(1) or sheet
        c1, r1, c2, r2 = m.group(2), int(m.group(3)), m.group(4), m.group(5)
        if c2 is None:
            refs.append(cell(ws_name, f"{c1}{r1}"))
        else:
            assert c1 == c2
            refs.append([cell(ws_name, f"{c1}{r}") for r in range(r1, int(r2) + 1)])
        return f"_r[{len(refs) - 1}]"

    # string literals are kept out of the reference rewrite
    parts = re.split(r'("[^"]*")', formula[1:])
    body = "".join(
        p if p.startswith('"') else REF.sub(sub, p).replace("<>", "!=").replace("=", "==")
        for p in parts
    )

    def crit(values, c):
        if c.startswith(">"):
            return [v is not None and v > float(c[1:]) for v in values]
        if c == "<>":
            return [v not in (None, "") for v in values]
        return [v == c for v in values]

    def countifs(*a):
        masks = [crit(a[i], a[i + 1]) for i in range(0, len(a), 2)]
        return sum(all(m[k] for m in masks) for k in range(len(masks[0])))

    def averageifs(values, *a):
        masks = [crit(a[i], a[i + 1]) for i in range(0, len(a), 2)]
        got = [v for k, v in enumerate(values) if all(m[k] for m in masks)]
        if not got:
            raise Err()
        return sum(got) / len(got)

    def flat(*a):
        for x in a:
            yield from (x if isinstance(x, list) else [x])

    env = {
        "_r": refs,
        "SUM": lambda *a: sum(v or 0 for v in flat(*a)),
        "COUNTA": lambda *a: sum(v not in (None, "") for v in flat(*a)),
        "COUNTIFS": countifs,
        "AVERAGEIFS": averageifs,
        "ROUND": round,
        "IF": lambda c, a, b: a if c else b,
    }
    if body.startswith("IFERROR("):
        inner, fallback = body[len("IFERROR(") : -1].rsplit(",", 1)
        try:
            return eval(inner, env)
        except Err:
            return eval(fallback, env)
    return eval(body, env)


def test_quality_xlsx_cell_by_cell(cli, steps_db, tmp_path):
    out = tmp_path / "q.xlsx"
    r = cli(steps_db, "report", "quality", *NOV, "--out", str(out))
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    assert wb.sheetnames == ["Bước chuyển", "Hồ sơ", "Tổng hợp"]
    ws = wb["Bước chuyển"]
    head = next(r for r in range(1, 30) if ws.cell(r, 1).value == "STT")
    rows = {ws.cell(r, 2).value: r for r in range(head + 1, head + 5)}
    names = {"desk": "Bộ phận Một cửa (chuyển hồ sơ)"}
    for (_kind, unit), (early, on_time, late, days, open_, overdue) in sc.STEPS.items():
        r = rows[names.get(unit, unit)]
        # the figures are numbers, the finished count, share and average formulas
        assert [ws.cell(r, c).value for c in (4, 5, 6, 10, 11)] == [
            early,
            on_time,
            late,
            open_,
            overdue,
        ]
        assert ws.cell(r, 9).value == pytest.approx(days)
        assert ws.cell(r, 3).value == f"=D{r}+E{r}+F{r}"
        finished = early + on_time + late
        for c, want in (
            (3, finished),
            (7, round(100 * (early + on_time) / finished, 2)),
            (8, days / finished),
        ):
            f = ws.cell(r, c).value
            assert f.startswith("=")
            assert evaluate(wb, "Bước chuyển", f) == pytest.approx(want), (r, c)
            assert cached["Bước chuyển"].cell(r, c).value == pytest.approx(want), (r, c)
    total = rows["Tổng cộng"]
    assert ws.cell(total, 4).value == f"=SUM(D{head + 1}:D{total - 1})"
    assert evaluate(wb, "Bước chuyển", ws.cell(total, 3).value) == 10
    assert evaluate(wb, "Bước chuyển", ws.cell(total, 7).value) == 80.0
    assert evaluate(wb, "Bước chuyển", ws.cell(total, 8).value) == pytest.approx(
        (1.375 + 7.8125 + 1.5625) / 10
    )
    # the dossiers: dates as dates, days as numbers
    wd = wb["Hồ sơ"]
    dh = next(r for r in range(1, 30) if wd.cell(r, 1).value == "STT")
    data_rows = list(range(dh + 1, dh + 6))
    assert wd.cell(dh + 6, 2).value is None
    results = sorted(wd.cell(r, 9).value for r in data_rows)
    assert results == sorted(
        ["Trước hạn", "Đúng hạn", "Đang giải quyết, quá hạn", "Quá hạn", "Đúng hạn"]
    )
    for r in data_rows:
        assert hasattr(wd.cell(r, 7).value, "year")
        assert isinstance(wd.cell(r, 11).value, float | int)
        assert evaluate(wb, "Hồ sơ", wd.cell(r, 12).value) == pytest.approx(
            wd.cell(r, 11).value - wd.cell(r, 10).value
        )
    # the summary: formulas over "Hồ sơ", each computed again and against its cached value
    s = wb["Tổng hợp"]
    want = {
        "Số hồ sơ trong kỳ": 5,
        "Số hồ sơ đã giải quyết": 4,
        "Trong đó trước hạn và đúng hạn": 3,
        "Thời gian thực tế trung bình (ngày làm việc, hồ sơ đã giải quyết)": (
            2.56 + 3.0 + 4.12 + 0.12
        )
        / 4,
        "Thời hạn quy định trung bình (ngày làm việc, hồ sơ đã giải quyết)": (3 + 3.12 + 3 + 0.81)
        / 4,
        "Số lần yêu cầu bổ sung hồ sơ": 1,
        "Số hồ sơ phải bổ sung": 1,
        "Số hồ sơ bổ sung quá 1 lần": 0,
        "Số hồ sơ qua nhiều bộ phận": 1,
        "Tiếp nhận trực tuyến": 1,
        "Tiếp nhận trực tiếp": 4,
        "Tiếp nhận qua bưu chính": 0,
    }
    seen = {}
    for r in range(1, 40):
        label = s.cell(r, 1).value
        if label in want:
            f = s.cell(r, 2).value
            assert f.startswith("="), label
            seen[label] = evaluate(wb, "Tổng hợp", f)
            assert cached["Tổng hợp"].cell(r, 2).value == pytest.approx(want[label], abs=0.01)
    assert seen == pytest.approx(want)


# --- Biểu 06 cuts, progress --------------------------------------------------------------------


def test_period_progress_is_the_seeds_figures(cli, november_db):
    out = json.loads(cli(november_db, "report", "period", *NOV, "--json").stdout)
    # November by hand: received 12, resolved 8 (3 early, 2 on time, 3 late), 4 in progress
    assert out["progress"] == {
        "received": 12,
        "resolved": 8,
        "resolved_pct": 66.67,
        "on_time": 5,
        "on_time_pct": 62.5,
        "late": 3,
        "in_progress": 4,
        "overdue": 1,
    }
    text = cli(november_db, "report", "period", *NOV).stdout.splitlines()[-1]
    assert text == (
        "received 12; resolved 8 (67 %); early or on time 5 (62 % of resolved); "
        "late 3; in progress 4 (1 overdue)"
    )


def test_by_procedure_is_one_row_per_procedure(cli, november_db):
    out = json.loads(
        cli(november_db, "report", "period", *NOV, "--by", "procedure", "--json").stdout
    )
    codes = [r["procedure_code"] for r in out["rows"]]
    assert codes == sorted(codes) and len(set(codes)) == len(codes) == 2
    assert None not in codes
    fields = {r["procedure_code"]: r["field"] for r in out["rows"]}
    assert fields == {rsc.HT: "Hộ tịch", rsc.CT: "Chứng thực"}
    ht = next(r for r in out["rows"] if r["procedure_code"] == rsc.HT)
    assert (ht["received_total"], ht["resolved_total"], ht["pending_total"]) == (10, 7, 3)
    assert out["total"]["received_total"] == 12
    by_field = json.loads(cli(november_db, "report", "period", *NOV, "--json").stdout)
    assert [r["procedure_code"] for r in by_field["rows"]] == [None, rsc.CT, None, rsc.HT]


def test_by_procedure_xlsx_total_sums_the_procedures(cli, november_db, tmp_path):
    out = tmp_path / "p.xlsx"
    assert (
        cli(
            november_db, "report", "period", *NOV, "--by", "procedure", "--out", str(out)
        ).returncode
        == 0
    )
    cached = openpyxl.load_workbook(out, data_only=True).active
    wb = openpyxl.load_workbook(out).active
    total = next(r for r in range(1, 40) if wb.cell(r, 2).value == "Tổng cộng")
    assert wb.cell(total, 3).value.startswith("=SUM(")
    assert cached.cell(total, 3).value == 12


def test_groups_cli_and_reports_by_group(cli, tmp_path):
    db = _make(tmp_path, rsc.build)
    r = cli(db, "groups", "set", "Nhóm 1", "--fields", "Hộ tịch, chung thuc")
    assert r.returncode == 0, r.stderr
    assert "Nhóm 1: Hộ tịch, Chứng thực" in r.stdout
    assert cli(db, "groups", "set", "Nhóm 2", "--fields", "Đất đai").returncode == 0
    assert cli(db, "groups", "serve", "nhom 2").returncode == 0
    out = json.loads(cli(db, "groups", "list", "--json").stdout)
    assert out == {
        "groups": [
            {"name": "Nhóm 1", "fields": ["Hộ tịch", "Chứng thực"]},
            {"name": "Nhóm 2", "fields": ["Đất đai"]},
        ],
        "serves": "Nhóm 2",
    }
    j = json.loads(cli(db, "report", "period", *NOV, "--by", "group", "--json").stdout)
    assert [
        (r["group"], r["received_total"]) for r in j["rows"] if r["procedure_code"] is None
    ] == [("Nhóm 1", 12)]
    j = json.loads(cli(db, "report", "period", *NOV, "--group", "nhóm 2", "--json").stdout)
    assert j["total"]["received_total"] == 0 and j["group"] == "Nhóm 2"
    assert j["scope_label"] == "Quầy này, nhóm lĩnh vực Nhóm 2"
    j = json.loads(cli(db, "report", "late", *NOV, "--group", "Nhóm 1", "--json").stdout)
    assert j["total"]["total"] == 4
    before = files(db)
    refused(cli(db, "groups", "set", "Nhóm 3", "--fields", "Hộ tịch"), "already in the group")
    refused(cli(db, "groups", "set", "Nhóm 3", "--fields", "Không có"), "no field")
    refused(cli(db, "groups", "set", "Nhóm 3", "--fields", ","), "at least one field")
    refused(cli(db, "groups", "serve", "Không có"), "no field group")
    refused(cli(db, "groups", "remove", "Không có"), "no field group")
    for command in ("period", "late", "indices", "quality"):
        refused(cli(db, "report", command, *NOV, "--group", "Không có", "--json"), "no field group")
    assert files(db) == before
    assert cli(db, "groups", "remove", "Nhóm 2").returncode == 0
    assert json.loads(cli(db, "groups", "list", "--json").stdout)["serves"] is None


def test_quality_bad_input_one_line_exit_2(cli, steps_db, tmp_path):
    before = files(steps_db)
    for args, words in BAD:
        refused(cli(steps_db, "report", "quality", *args, "--json"), words)
        refused(cli(steps_db, "report", "quality", *args, "--out", str(tmp_path / "q.xlsx")), words)
    refused(cli(steps_db, "report", "quality", *NOV, "--out", str(tmp_path / "q.doc")), "neither")
    refused(cli(steps_db, "report", "period", *NOV, "--by", "officer"), "unknown --by")
    assert list(tmp_path.iterdir()) == []
    assert files(steps_db) == before


def test_progress_on_the_bieu06_pdf_and_workbook(cli, november_db, tmp_path):
    pdf, xlsx = tmp_path / "b.pdf", tmp_path / "b.xlsx"
    assert cli(november_db, "report", "period", *NOV, "--out", str(pdf)).returncode == 0
    assert cli(november_db, "report", "period", *NOV, "--out", str(xlsx)).returncode == 0
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert (
        "Tiến độ: tiếp nhận 12; đã giải quyết 8 (66,67 %); trước hạn và đúng hạn 5 "
        "(62,50 % số đã giải quyết); quá hạn 3; đang giải quyết 4 (quá hạn 1)."
    ) in text
    wb = openpyxl.load_workbook(xlsx)
    cached = openpyxl.load_workbook(xlsx, data_only=True)
    ws = wb.active
    got = {}
    for r in range(1, 60):
        label = ws.cell(r, 2).value
        if isinstance(label, str) and label.startswith("Tỷ lệ"):
            f = ws.cell(r, 3).value
            assert f.startswith("=IF(")
            got[label] = (evaluate(wb, ws.title, f), cached.active.cell(r, 3).value)
    assert got == {
        "Tỷ lệ đã giải quyết (%) = (7) / (3)": (66.67, 66.67),
        "Tỷ lệ trước hạn và đúng hạn (%) = ((8) + (9)) / (7)": (62.5, 62.5),
    }
