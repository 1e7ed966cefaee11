"""Printing benchmarks: Mẫu 01 to PDF bytes (and its ratio to a bare reportlab canvas drawing
the same text), the daily handoff list of 500 dossiers, the 1,200-row ledger and a month's
ledger of 8,800 rows (and its ratio to a bare canvas drawing the same strings).

Quick by default (small lists, few runs); MOTCUA_PERF_FULL=1 runs the full sizes:

    MOTCUA_PERF_FULL=1 python -m pytest tests/perf/test_printing_perf.py -q -s

Inputs (real DTOs from the services, replicated for the long lists) are built once, outside
the timed part. Figures are medians of several runs, wall clock and process CPU time (the CPU
figure is steadier on a shared machine); they are printed as a table and written to
.perf/printing.json in the project root. Goals: slip < 30 ms, list of 500 < 1 s, ledger of
1,200 < 2 s, month's ledger of 8,800 < 3 s (quick: 600 rows, the goal scaled). The
assertions only catch gross regressions (5 × the goal, full size only).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import platform
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfgen.canvas import Canvas

from motcua_desk import printing
from motcua_desk.app import open_services
from motcua_desk.printing import fonts
from motcua_desk.services import IntakeRequest
from tests.helpers import AGENCY, FakeClock
from tests.printing import pdfcheck as pc

pytestmark = pytest.mark.perf

FULL = os.environ.get("MOTCUA_PERF_FULL", "") not in ("", "0")
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".perf" / "printing.json"
TP = "Công chức Tư pháp - Hộ tịch"
SIZES = {
    "list": 500 if FULL else 60,
    "ledger": 1200 if FULL else 150,
    "month": 8800 if FULL else 600,
}
RUNS = {
    "slip": 31 if FULL else 7,
    "list": 7 if FULL else 3,
    "ledger": 5 if FULL else 3,
    "month": 3 if FULL else 3,
}
GOALS_MS = {"slip": 30, "list": 1000, "ledger": 2000, "month": 3000 if FULL else 3000 * 600 // 8800}
RESULTS: dict[str, dict] = {}


def measure(fn, runs: int) -> dict:
    fn()  # warm-up: fonts, caches
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return {
        "runs": runs,
        "wall_ms": round(statistics.median(wall) * 1000, 2),
        "cpu_ms": round(statistics.median(cpu) * 1000, 2),
        "min_wall_ms": round(min(wall) * 1000, 2),
    }


def record(name: str, size: int, result: dict, **extra) -> None:
    goal = GOALS_MS[name]
    RESULTS[name] = {
        "size": size,
        **result,
        "goal_ms": goal,
        "goal_met": min(result["wall_ms"], result["cpu_ms"]) < goal,
        **extra,
    }
    OUT.parent.mkdir(exist_ok=True)
    report = {
        "full": FULL,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "when": datetime.now().isoformat(timespec="seconds"),
        "results": RESULTS,
    }
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    clock = FakeClock()
    svc = open_services(tmp_path_factory.mktemp("perf") / "desk.sqlite3", clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        d = svc.dossiers.intake(
            IntakeRequest(
                "1.004873",
                "Nguyễn Thị Hằng Đặng",
                phone="0912345678",
                address="Thôn Địa Cát, xã Vi Hương",
                email="hang.dang@example.vn",
            )
        ).dossier
        clock.advance(minutes=30)
        svc.dossiers.handoff([d.code], TP, receiver="Lý Văn Bình")
        clock.advance(hours=5)
        svc.dossiers.receive_result([d.code], giver="Lý Văn Bình")
        detail = svc.dossiers.show(d.code)
        agency = svc.settings.agency()
        day = date(2026, 11, 23)
        [out, back] = svc.dossiers.handoffs_on(day, TP)
        [row] = svc.dossiers.ledger(day, day)
    finally:
        svc.close()

    def variant(view, i: int):
        received = view.received_at + timedelta(minutes=7 * i)
        return dataclasses.replace(
            view,
            code=f"{AGENCY['agency_id']}-{received:%y%m%d}-{(i % 900) * 10 + 1:04d}",
            applicant_name=f"Nguyễn Thị Hằng Đặng {i}",
            ledger_number=i + 1,
            address=view.address
            + (", tổ dân phố số 12, khu phố Đông Hưng Thuận" if i % 5 == 0 else ""),
            received_at=received,
        )

    n = SIZES["list"]
    entries = [
        dataclasses.replace(e, dossier=variant(e.dossier, i))
        for i, e in enumerate([out] * (n * 2 // 3) + [back] * (n - n * 2 // 3))
    ]
    rows = [variant(row, i) for i in range(SIZES["ledger"])]
    month = [variant(row, i) for i in range(SIZES["month"])]
    return {
        "detail": detail,
        "agency": agency,
        "day": day,
        "entries": entries,
        "rows": rows,
        "month": month,
    }


def bare_canvas(lines: list[list[str]]) -> bytes:
    """The same text as the slip, drawn line by line on a bare canvas with the same faces."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5, invariant=1)
    for page in lines:
        y = A5[1] - 40
        for i, line in enumerate(page):
            face = fonts.BOLD if i % 7 == 0 else fonts.ITALIC if i % 7 == 3 else fonts.REGULAR
            c.setFont(face, 10)
            c.drawString(34, y, line)
            y -= 11
        c.showPage()
    c.save()
    return buf.getvalue()


def bare_ledger(lines: list[list[str]]) -> bytes:
    """The strings of a ledger's pages, drawn one by one on a bare A4 landscape canvas in the
    rows' face and size: the floor a drawn list can hope for."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=landscape(A4), invariant=1)
    for page in lines:
        y = landscape(A4)[1] - 30
        c.setFont(fonts.REGULAR, 8)
        for line in page:
            c.drawString(34, y, line)
            y = y - 9.44 if y > 40 else landscape(A4)[1] - 30
        c.showPage()
    c.save()
    return buf.getvalue()


def test_slip_to_pdf_bytes_and_ratio_to_a_bare_canvas(inputs):
    detail, agency = inputs["detail"], inputs["agency"]
    data = printing.slip_pdf(detail, agency)
    lines = [[ln for ln in t.splitlines() if ln.strip()] for t in pc.texts(data)]
    printing.register_fonts()
    slip = measure(lambda: printing.slip_pdf(detail, agency), RUNS["slip"])
    bare = measure(lambda: bare_canvas(lines), RUNS["slip"])
    ratio = round(slip["wall_ms"] / bare["wall_ms"], 2)
    record(
        "slip",
        1,
        slip,
        bare_canvas=bare,
        ratio_to_bare=ratio,
        ratio_to_bare_cpu=round(slip["cpu_ms"] / bare["cpu_ms"], 2),
        bytes=len(data),
    )
    if FULL:
        assert slip["cpu_ms"] < 5 * GOALS_MS["slip"]


def test_daily_list(inputs):
    entries, agency, day = inputs["entries"], inputs["agency"], inputs["day"]
    data = printing.handoff_list_pdf(entries, agency, day, TP)
    result = measure(lambda: printing.handoff_list_pdf(entries, agency, day, TP), RUNS["list"])
    record("list", len(entries), result, pages=pc.page_count(data))
    if FULL:
        assert result["cpu_ms"] < 5 * GOALS_MS["list"]


def test_ledger(inputs, capsys):
    rows, agency = inputs["rows"], inputs["agency"]
    date_from, date_to = rows[0].received_at.date(), rows[-1].received_at.date()
    data = printing.ledger_pdf(rows, agency, date_from, date_to)
    result = measure(lambda: printing.ledger_pdf(rows, agency, date_from, date_to), RUNS["ledger"])
    record("ledger", len(rows), result, pages=pc.page_count(data))
    if FULL:
        assert result["cpu_ms"] < 5 * GOALS_MS["ledger"]


def test_month_ledger_and_ratio_to_a_bare_canvas(inputs, capsys):
    rows, agency = inputs["month"], inputs["agency"]
    date_from, date_to = rows[0].received_at.date(), rows[-1].received_at.date()
    data = printing.ledger_pdf(rows, agency, date_from, date_to)
    lines = [[ln for ln in t.splitlines() if ln.strip()] for t in pc.pdfium_texts(data)]
    result = measure(lambda: printing.ledger_pdf(rows, agency, date_from, date_to), RUNS["month"])
    bare = measure(lambda: bare_ledger(lines), RUNS["month"])
    record(
        "month",
        len(rows),
        result,
        pages=len(lines),
        bare_canvas=bare,
        ratio_to_bare=round(result["wall_ms"] / bare["wall_ms"], 2),
        ratio_to_bare_cpu=round(result["cpu_ms"] / bare["cpu_ms"], 2),
    )
    if FULL:
        assert result["cpu_ms"] < 5 * GOALS_MS["month"]
    with capsys.disabled():
        print(
            f"\nprinting benchmarks ({'full' if FULL else 'quick'} sizes; medians; "
            f"written to {OUT.relative_to(ROOT)})"
        )
        print(f"  {'what':<28}{'size':>6}{'wall ms':>10}{'cpu ms':>10}{'goal ms':>9}")
        labels = {
            "slip": "Mẫu 01 slip → PDF bytes",
            "list": "daily handoff list",
            "ledger": "Mẫu 07 ledger",
            "month": "Mẫu 07, a month",
        }
        for name, r in RESULTS.items():
            print(
                f"  {labels[name]:<28}{r['size']:>6}{r['wall_ms']:>10.1f}{r['cpu_ms']:>10.1f}"
                f"{r['goal_ms']:>9}"
            )
            if name in ("slip", "month"):
                b = r["bare_canvas"]
                print(
                    f"  {'  bare canvas, same text':<28}{'':>6}{b['wall_ms']:>10.1f}"
                    f"{b['cpu_ms']:>10.1f}   ratio {r['ratio_to_bare']} "
                    f"(cpu {r['ratio_to_bare_cpu']})"
                )
