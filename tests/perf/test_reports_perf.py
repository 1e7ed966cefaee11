"""Benchmarks of the office's figures (issue 11): Biểu 06 for a year and for a quarter on the big
desk database, each as a ratio to the raw SQL aggregate of the same columns over the projection
measured in the same run; the XLSX and the PDF of the year.

    MOTCUA_PERF_FULL=1 python -m pytest tests/perf/test_reports_perf.py -q -s   # 1,000,000

The raw aggregate is the floor: one GROUP BY over the projection's rows that can count (read
through the same indexes), no supplement restarts, no Python. It gives the same received (3) as the report (an
assertion); the other columns differ only for dossiers sent back for supplements, which the
report folds from their events. Goals (full size): a year < 2 s, a quarter < 300 ms, the XLSX of
a year < 3 s. The assertions catch only gross regressions (5 × the goal, full size only).
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from motcua_desk import printing
from motcua_desk.app import open_services
from motcua_desk.domain.reports import Period
from motcua_desk.store.types import utc_text
from tests.helpers import FakeClock
from tests.perf.bigdb import make_big_db
from tests.perf.harness import FULL, Report, median_seconds, size

pytestmark = pytest.mark.perf
N = size(10_000, 1_000_000)
VN = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
QUARTER = Period(date(2026, 7, 1), date(2026, 9, 30))
GOALS_S = {"year": 2.0, "quarter": 0.3, "xlsx": 3.0}

# The columns of Biểu 06 over the projection alone (finish = result back, refusal after
# appraisal, or stop; on time by the due moment, early by the office-local date).
RAW_SQL = """
WITH c AS (
  SELECT * FROM dossiers WHERE received_at >= :s AND received_at < :e
    AND status NOT IN ('voided', 'refused')
  UNION ALL
  SELECT * FROM dossiers INDEXED BY ix_dossiers_status_due WHERE +received_at < :s
    AND status IN ('received', 'in_process', 'supplement_requested', 'result_ready',
                   'rejected', 'stopped')
  UNION ALL
  SELECT * FROM dossiers WHERE returned_at >= :s AND status = 'returned' AND +received_at < :s
), d AS (
  SELECT field, procedure_code, channel, received_at, extended,
         CASE WHEN status IN ('result_ready', 'returned', 'rejected') THEN result_at
              WHEN status = 'stopped' THEN location_since END AS fin,
         original_due_at AS due
  FROM c
)
SELECT field, procedure_code,
  SUM(received_at >= :s AND channel = 'online'),
  SUM(received_at >= :s AND channel != 'online'),
  SUM(received_at < :s),
  SUM(fin < :e AND extended = 0 AND date(fin, '+7 hours') < date(due, '+7 hours')),
  SUM(fin < :e AND extended = 0 AND date(fin, '+7 hours') >= date(due, '+7 hours')
      AND fin <= due),
  SUM(fin < :e AND (extended = 1 OR fin > due)),
  SUM((fin IS NULL OR fin >= :e) AND (due IS NULL OR due >= :e)),
  SUM((fin IS NULL OR fin >= :e) AND due < :e)
FROM d WHERE fin IS NULL OR fin >= :s
GROUP BY field, procedure_code
"""


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = make_big_db(N)  # the cached file itself, opened for reading only
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=VN))
    svc = open_services(path, clock=clock, create=False, read_only=True)
    yield path, svc
    svc.close()


def _bounds(p: Period) -> dict[str, str]:
    s, e = p.bounds(VN)
    return {"s": utc_text(s.astimezone(UTC)), "e": utc_text(e.astimezone(UTC))}


def test_report_benchmarks(big):
    path, svc = big
    report = Report("reports")
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    repeat = 3 if FULL else 5
    for name, period in (("year", YEAR), ("quarter", QUARTER)):
        args = _bounds(period)
        rows = raw.execute(RAW_SQL, args).fetchall()
        got = svc.reports.bieu06(period)
        assert sum(r[2] + r[3] + r[4] for r in rows) == got.total.values["received_total"]
        t_raw = median_seconds(
            lambda a=args: raw.execute(RAW_SQL, a).fetchall(), repeat=repeat, warmup=1
        )
        t_app = median_seconds(lambda p=period: svc.reports.bieu06(p), repeat=repeat, warmup=1)
        v = got.total.values
        report.add(
            f"Biểu 06, {name} {period.first:%d/%m/%Y}–{period.last:%d/%m/%Y}",
            dossiers=N,
            counted=v["received_total"],
            rows=len(got.rows),
            app_ms=t_app * 1e3,
            raw_sql_ms=t_raw * 1e3,
            ratio=t_app / t_raw,
            goal=f"< {GOALS_S[name] * 1000:.0f} ms (full size)",
        )
        if FULL:
            assert t_app < GOALS_S[name] * 5
        if name == "year":
            t_raw_year = t_raw
    year = svc.reports.bieu06(YEAR)
    agency = svc.settings.agency()

    def xlsx():
        return printing.bieu06_xlsx(
            svc.reports.bieu06(YEAR), agency, "Quầy này", date(2026, 11, 23)
        )

    def pdf():
        report_, months = svc.reports.bieu06_and_months(YEAR)
        return printing.bieu06_pdf(report_, agency, "Quầy này", date(2026, 11, 23), months)

    t_xlsx = median_seconds(xlsx, repeat=repeat, warmup=1)
    t0 = time.perf_counter()
    printing.bieu06_xlsx(year, agency)
    t_xlsx_only = time.perf_counter() - t0
    t_pdf = median_seconds(pdf, repeat=repeat, warmup=1)
    report.add(
        "XLSX of the year (report + workbook)",
        app_ms=t_xlsx * 1e3,
        workbook_only_ms=t_xlsx_only * 1e3,
        goal="< 3000 ms (full size)",
    )
    report.add("PDF of the year with its months (report + months + PDF)", app_ms=t_pdf * 1e3)
    t_dash = median_seconds(lambda: svc.reports.dashboard(YEAR), repeat=repeat, warmup=1)
    report.add(
        "the window's dashboard of the year (Biểu 06 with drill-down codes, months, "
        "late list, indices, handoff steps, quality facts)",
        app_ms=t_dash * 1e3,
    )
    q = svc.reports.quality(YEAR)
    t_q = median_seconds(lambda: svc.reports.quality(YEAR), repeat=repeat, warmup=0)
    t_qx = median_seconds(
        lambda: printing.quality_xlsx(
            svc.reports.quality(YEAR), agency, VN, "Quầy này", date(2026, 11, 23)
        ),
        repeat=repeat,
        warmup=0,
    )
    report.add(
        "handoff steps per unit and quality facts of the year (report quality)",
        dossiers=len(q.dossiers),
        steps=sum(r.finished for r in q.steps),
        app_ms=t_q * 1e3,
        ratio_to_raw_sql_year=t_q / t_raw_year,
    )
    report.add(
        "XLSX of the year's steps and quality facts (report + workbook, a row per dossier)",
        app_ms=t_qx * 1e3,
    )
    if FULL:
        assert t_xlsx < GOALS_S["xlsx"] * 5
    report.write()
