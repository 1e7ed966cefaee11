"""Per handoff step and department, and the quality facts of TT 01/2018/TT-VPCP Điều 13, on
paper (A4 landscape, as Biểu 06) and as a workbook.

PDF: "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO TỪNG BƯỚC CHUYỂN": a row per unit (the desk's transfer
step, then each department) with its steps early / on time / late, the on-time share, the
average time in working days, and the steps still open at the end (overdue among them); the
total; then the period's quality facts (actual against statutory time, supplement requests,
departments involved, channels) and the signatures.

XLSX: the sheet "Bước chuyển" (the same table; totals, shares and averages as formulas over
its rows: the average is total days ÷ steps finished), the sheet "Hồ sơ" (one row per dossier:
statutory and actual working days, supplements, departments with their days, channel), and the
sheet "Tổng hợp" whose figures are formulas over "Hồ sơ" (COUNTIFS, AVERAGEIFS, SUM).

Here the paper; the workbook is printing.quality_workbook, what both share
printing.quality_parts (quality_xlsx and the shared names are still importable from here).
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.quality import QualityReport, steps_total
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import Gap, P, esc, grid_style, make_styles, national_header
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas
from motcua_desk.printing.quality_parts import (
    CHANNEL_VI,
    NOTE,
    RESULT_VI,
    STEP_HEADERS,
    TITLE,
    _num,
    _pct,
    quality_facts_lines,
)
from motcua_desk.printing.quality_workbook import DOSSIER_COLUMNS, DOSSIER_WIDTHS, quality_xlsx
from motcua_desk.printing.report_parts import (
    CELL,
    MARGINS,
    PAGE,
    _footer,
    _signatures,
    _width,
    period_text,
)


def quality_pdf(
    q: QualityReport, agency: AgencyInfo, scope_label: str = "", made_on: date | None = None
) -> bytes:
    fonts.register_fonts()
    st = make_styles(CELL + 1)
    width = _width()
    widths = [10 * mm, 0.0] + [22 * mm] * 8
    widths[1] = width - sum(widths)
    book = PageBook()
    header = [P(esc(h), st.cell_h) for h in STEP_HEADERS]
    rows: list[list] = []
    for i, r in enumerate(q.steps, 1):
        rows.append(
            [
                RowNumber(str(i), book, CELL),
                P(esc(r.label), st.cell),
                str(r.finished),
                str(r.early),
                str(r.on_time),
                str(r.late),
                _pct(r.early + r.on_time, r.finished),
                _num(r.average_days),
                str(r.open),
                str(r.open_overdue),
            ]
        )
    t = steps_total(q.steps)
    rows.append(
        [
            "",
            P("<b>Tổng cộng</b>", st.cell),
            str(t.finished),
            str(t.early),
            str(t.on_time),
            str(t.late),
            _pct(t.early + t.on_time, t.finished),
            _num(t.average_days),
            str(t.open),
            str(t.open_overdue),
        ]
    )
    style = grid_style(
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL, CELL * 1.18),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("FONT", (2, -1), (-1, -1), fonts.BOLD, CELL, CELL * 1.18),
        pad=2.2,
    )
    story: list[Flowable] = [
        GroupStart("quality", book),
        national_header(agency, made_on, make_styles(10.5), width, left_share=0.4),
        Gap(4 * mm),
        P(esc(TITLE), st.title),
        P(f"Kỳ báo cáo: {esc(period_text(q.period))}", st.center_i),
    ]
    if scope_label:
        story.append(P(f"Phạm vi số liệu: {esc(scope_label)}", st.center))
    story += [
        Gap(3 * mm),
        P("<b>I. Theo từng bước chuyển và bộ phận</b>", st.body),
        Gap(1 * mm),
        PagedTable([header], rows, widths, style),
        Gap(1.5 * mm),
        P(f"<i>{esc(NOTE)}</i>", st.note),
        Gap(3 * mm),
        P("<b>II. Các chỉ số chất lượng (Điều 13 Thông tư số 01/2018/TT-VPCP)</b>", st.body),
        Gap(1 * mm),
    ]
    story += [P(esc(line), st.body) for line in quality_facts_lines(q)]
    story.append(KeepTogether([Gap(5 * mm), _signatures(agency, st, width)]))
    label = f"Bước chuyển và chỉ số chất lượng – {q.period.first:%d/%m/%Y}–{q.period.last:%d/%m/%Y}"
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=made_on or q.period.last,
        marks=Marks(demo=bool(agency.demo)),
        title=label,
        author=agency.agency_name,
        canvasmaker=paged_canvas(book, _footer(label)),
    )


__all__ = [
    "CHANNEL_VI",
    "DOSSIER_COLUMNS",
    "DOSSIER_WIDTHS",
    "NOTE",
    "RESULT_VI",
    "STEP_HEADERS",
    "TITLE",
    "_num",
    "_pct",
    "quality_facts_lines",
    "quality_pdf",
    "quality_xlsx",
]
