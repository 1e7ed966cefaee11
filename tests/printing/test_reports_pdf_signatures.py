"""The signatures of Biểu 06 never stand on a page of their own: the page that holds them also
holds rows of the table (at least the last ones) or the chart, whatever the number of rows."""

from __future__ import annotations

import ctypes
import json
import re
from datetime import date

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from motcua_desk import paths, printing
from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.report_forms import form_for, parse_forms
from motcua_desk.domain.report_periods import Period, ReportSettings
from motcua_desk.domain.reports import compute
from motcua_desk.services.report_json import report_json
from tests.helpers import AGENCY
from tests.printing import pdfcheck as pc
from tests.printing.test_reports_pdf import KEYS, VN, _facts, expected_rows, figure_rows

QUARTER = Period(date(2026, 10, 1), date(2026, 12, 31))
MONTHS = [Period(date(2026, m, 1), date(2026, m, d)) for m, d in ((10, 31), (11, 30), (12, 31))]
CHART_TITLE = "Hồ sơ nhận và đã giải quyết theo tháng"


def _pdf(n_procs: int, with_chart: bool) -> tuple[bytes, dict]:
    form = form_for(
        parse_forms(
            json.loads((paths.resources_dir() / "reports" / "bieu06.json").read_text("utf-8"))
        ),
        QUARTER.last,
    )
    report = compute(_facts(n_procs, [1, 2, 3]), QUARTER, VN, form, ReportSettings())
    months = (
        [
            (p, {"received_total": 5 + i, "resolved_total": 3 + i, "resolved_on_time": 2})
            for i, p in enumerate(MONTHS)
        ]
        if with_chart
        else []
    )
    pdf = printing.bieu06_pdf(
        report, AgencyInfo(desk_no=1, **AGENCY), "Toàn đơn vị", date(2027, 1, 2), months=months
    )
    return pdf, report_json(report)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(n_procs=2, with_chart=True)
@example(n_procs=9, with_chart=True)
@example(n_procs=14, with_chart=True)
@example(n_procs=16, with_chart=False)
@given(n_procs=st.integers(1, 48), with_chart=st.booleans())
def test_the_signatures_never_stand_alone(n_procs, with_chart):
    pdf, doc = _pdf(n_procs, with_chart)
    texts = pc.texts(pdf)  # pypdf, page by page
    rows = expected_rows(doc)
    assert 1 <= len(rows) <= 61
    signed = [i for i, t in enumerate(texts) if "THỦ TRƯỞNG ĐƠN VỊ" in pc.flat(t)]
    assert len(signed) == 1
    page = pc.flat(texts[signed[0]])
    # table content: the total row (the last one) in pypdf's text, and whole rows of figures
    # in PDFium's (which reads a row's cells as one line)
    has_rows = "Tổng cộng" in page and bool(
        figure_rows([pc.pdfium_texts(pdf)[signed[0]]], len(KEYS))
    )
    has_chart = CHART_TITLE in page
    assert has_rows or has_chart, f"signatures alone on page {signed[0] + 1} of {len(texts)}"
    if with_chart:
        assert has_chart  # the chart is never parted from the signatures either
    # and nothing was lost on the way: every row once, in order
    assert figure_rows(pc.pdfium_texts(pdf), len(KEYS)) == rows


def _line_fonts(pdf: bytes, page_no: int, needle: str) -> set[str]:
    """The names of the fonts of the figures on the text line that starts with `needle`."""
    doc = pdfium.PdfDocument(pdf)
    page = doc[page_no]
    tp = page.get_textpage()
    try:
        text = tp.get_text_range()
        start = text.index(needle)
        end = text.find("\n", start)
        buf = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        out = set()
        for i in range(start + len(needle), end if end > 0 else len(text)):
            if text[i].isdigit():
                n = pdfium_c.FPDFText_GetFontInfo(tp, i, buf, 256, ctypes.byref(flags))
                out.add(buf.raw[:n].split(b"\0")[0].decode())
        return out
    finally:
        tp.close()
        page.close()
        doc.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(n_procs=14)
@given(n_procs=st.integers(12, 60))
def test_the_total_row_is_bold_on_every_page_it_lands_on(n_procs):
    """The table cut over pages keeps each row's own style: the total (and only the bold
    rows) in bold on the last page too."""
    pdf, _ = _pdf(n_procs, True)
    last = pc.page_count(pdf) - 1
    assert last >= 1
    assert _line_fonts(pdf, last, "Tổng cộng") == {"LiberationSerif-Bold"}
    item = re.search(r"^(\d+ )?1\.\d{6}", pc.pdfium_texts(pdf)[last], re.M)
    assert item is not None
    assert _line_fonts(pdf, last, item.group(0)) == {"LiberationSerif"}


# --- the late-dossiers summary: the same rule ------------------------------------------------


def _late(n: int, departments: int):
    from datetime import datetime, timedelta

    from motcua_desk.domain.late_report import LateEntry, late_report

    base = datetime(2026, 11, 2, 8, 0, tzinfo=VN)
    entries = [
        LateEntry(
            f"id{i}",
            f"000.17.22.H56-2611{(i % 28) + 1:02d}-{i + 1:04d}",
            f"Phòng {i % departments + 1}",
            "Hộ tịch",
            "1.004873",
            "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
            base + timedelta(hours=i),
            base + timedelta(days=3, hours=i),
            "late",
            base + timedelta(days=5, hours=i),
            False,
        )
        for i in range(n)
    ]
    return late_report(Period(date(2026, 11, 1), date(2026, 11, 30)), entries)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(n=1, departments=1)
@given(n=st.integers(1, 90), departments=st.integers(1, 6))
def test_the_late_summary_signatures_never_stand_alone(n, departments):
    pdf = printing.late_pdf(
        _late(n, departments), AgencyInfo(desk_no=1, **AGENCY), VN, "Toàn đơn vị", date(2026, 12, 1)
    )
    texts = [pc.flat(t) for t in pc.texts(pdf)]
    signed = [i for i, t in enumerate(texts) if "THỦ TRƯỞNG ĐƠN VỊ" in t]
    assert len(signed) == 1
    page = texts[signed[0]]
    assert "Tổng hợp theo cơ quan, đơn vị" in page and "Tổng cộng" in page, (
        f"signatures without the summary on page {signed[0] + 1} of {len(texts)}"
    )
    found = pc.CODE_RE.findall(" ".join(pc.flat(t) for t in pc.pdfium_texts(pdf)))
    assert len(found) == n  # every late dossier listed once
