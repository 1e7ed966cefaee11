"""The office's figures on paper, A4 landscape: Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP) and
the summary of late dossiers and their apologies (Mẫu 04) that a commune sends on.

The form's columns come from its definition (domain.report_forms.FormDef, versioned data): the
header has a row of the column groups, a row of the column labels and a row of the law's
column numbers (1)…(13); columns the definition keeps beside the form are lettered (a), (b)
and explained under the table. Rows: each field (or department) in bold, its procedures
under it, the total last. The headers repeat on every page; the footer says "Trang x/y".
Signatures: NGƯỜI LẬP BIỂU / THỦ TRƯỞNG ĐƠN VỊ.

Here Biểu 06; the late list is printing.late_list, the parts both share printing.report_parts
(their names are still importable from here).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.report_periods import Period
from motcua_desk.domain.reports import Report
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.late_list import KIND_LABEL, LATE_HEADERS, LATE_WIDTHS_MM, late_pdf
from motcua_desk.printing.layout import (
    Gap,
    P,
    esc,
    grid_style,
    make_styles,
    national_header,
    unpadded_style,
)
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas
from motcua_desk.printing.report_parts import (
    BY_LABEL,
    CELL,
    EXTRA_MARKS,
    MARGINS,
    PAGE,
    SIGNERS,
    TableWithTail,
    _footer,
    _rest,
    _roman,
    _rows_that_fit,
    _shift_style,
    _signatures,
    _width,
    period_text,
)


def bieu06_pdf(
    report: Report,
    agency: AgencyInfo,
    scope_label: str = "",
    made_on: date | None = None,
    months: Sequence[tuple[Period, dict[str, int]]] = (),
) -> bytes:
    """Biểu 06 for the report's period. `months` (the total of each month, optional) adds a
    bar chart of the dossiers resolved per month and their on-time share, as vector drawing."""
    fonts.register_fonts()
    form = report.form
    st = make_styles(CELL + 1)
    width = _width()
    cols = form.all_columns
    # STT, the name, then the figures: equal narrow columns, the name takes the rest
    num_w = 13.5 * mm if len(cols) <= 13 else 12 * mm
    widths = [10 * mm, 0.0] + [num_w] * len(cols)
    widths[1] = width - sum(widths)
    book = PageBook()

    # header: groups, labels, numbers
    group_of: dict[str, str] = {}
    for label, keys in form.groups:
        for k in keys:
            group_of[k] = label
    row_a: list = [P("STT", st.cell_h), P(esc(BY_LABEL.get(report.by, "")), st.cell_h)]
    row_b: list = ["", ""]
    row_c: list = [P("(1)", st.cell_c), P("(2)", st.cell_c)]
    spans: list[tuple] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    i = 0
    extra_i = 0
    while i < len(cols):
        c = cols[i]
        col = i + 2
        label = group_of.get(c.key)
        if c in form.extra_columns:
            label = "Ngoài biểu mẫu"
        if label is None:
            row_a.append(P(esc(c.label), st.cell_h))
            row_b.append("")
            spans.append(("SPAN", (col, 0), (col, 1)))
            i += 1
        else:
            j = i
            while j < len(cols) and (
                group_of.get(cols[j].key) == label
                or (label == "Ngoài biểu mẫu" and cols[j] in form.extra_columns)
            ):
                row_a.append(P(esc(label), st.cell_h) if j == i else "")
                row_b.append(P(esc(cols[j].label), st.cell_h))
                j += 1
            if j - i > 1:
                spans.append(("SPAN", (col, 0), (col + j - i - 1, 0)))
            i = j
    for c in cols:
        if c in form.extra_columns:
            row_c.append(P(f"({EXTRA_MARKS[extra_i]})", st.cell_c))
            extra_i += 1
        else:
            row_c.append(P(f"({esc(c.no)})", st.cell_c))

    body: list[list] = []
    bold_rows: list[int] = []
    group_no = item_no = 0
    for r in report.rows:
        if r.level == "group":
            group_no += 1
            item_no = 0
            stt = _roman(group_no)
            name = P(f"<b>{esc(r.item_name)}</b>", st.cell)
            bold_rows.append(len(body))
        else:
            item_no += 1
            stt = str(item_no)
            code = f"{esc(r.item_code)} – " if r.item_code else ""
            of_field = f" <i>({esc(r.group)})</i>" if report.by == "procedure" else ""
            name = P(f"{code}{esc(r.item_name)}{of_field}", st.cell)
        body.append([RowNumber(stt, book, CELL), name, *(str(r.values[c.key]) for c in cols)])
    bold_rows.append(len(body))
    body.append(
        ["", P("<b>Tổng cộng</b>", st.cell), *(str(report.total.values[c.key]) for c in cols)]
    )

    hdr = 3
    style = grid_style(
        *spans,
        ("FONT", (0, hdr), (-1, -1), fonts.REGULAR, CELL, CELL * 1.18),
        ("ALIGN", (2, hdr), (-1, -1), "CENTER"),
        ("VALIGN", (0, hdr), (-1, -1), "MIDDLE"),
        *[("FONT", (2, hdr + k), (-1, hdr + k), fonts.BOLD, CELL, CELL * 1.18) for k in bold_rows],
        pad=2.2,
        header_rows=hdr,
    )
    head_st = make_styles(10.5)
    code_line = esc(form.code)
    if form.legal_basis:
        code_line += f" (ban hành kèm theo {esc(form.legal_basis)})"
    story: list[Flowable] = [
        GroupStart("bieu06", book),
        national_header(agency, made_on, head_st, width, left_share=0.4),
        Gap(2 * mm),
        P(f"<i>{code_line}</i>", st.body),
        Gap(2 * mm),
        P(esc(form.title), st.title),
        P(f"Kỳ báo cáo: {esc(period_text(report.period))}", st.center_i),
    ]
    if scope_label:
        story.append(P(f"Phạm vi số liệu: {esc(scope_label)}", st.center))
    story += [Gap(1 * mm), P(f"<i>{esc(form.unit)}</i>", _right(st)), Gap(1 * mm)]
    table = PagedTable([row_a, row_b, row_c], body, widths, style)
    notes = [
        "(3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13). "
        "Hồ sơ đã hủy và hồ sơ từ chối tiếp nhận không tính vào (3)–(13)."
    ]
    marks = iter(EXTRA_MARKS)
    for c in form.extra_columns:
        notes.append(f"({next(marks)}) {c.label}: ngoài biểu mẫu, để tham khảo.")
    tail: list[Flowable] = [Gap(2 * mm)] + [P(f"<i>{esc(n)}</i>", st.note) for n in notes]
    tail += [Gap(1.5 * mm), P(esc(progress_text(report.total.values)), st.body)]
    if months:
        # the chart on the left, the signatures beside it: one band, not two, so a quarter's
        # short table, its notes, chart and signatures share the first page
        chart_w = width * 0.6
        band = Table(
            [
                [
                    [
                        P(
                            "<b>Hồ sơ nhận và đã giải quyết theo tháng; tỷ lệ giải quyết "
                            "đúng hạn</b>",
                            st.body,
                        ),
                        months_chart(months, chart_w),
                    ],
                    [Gap(4 * mm), _signatures(agency, st, width - chart_w - 4)],
                ]
            ],
            colWidths=[chart_w, width - chart_w],
        )
        band.setStyle(unpadded_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
        tail += [Gap(3 * mm), band]
    else:
        tail += [Gap(4 * mm), _signatures(agency, st, width)]
    story.append(TableWithTail(table, tail))
    label = f"{form.code} – {report.period.first:%d/%m/%Y}–{report.period.last:%d/%m/%Y}"
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=made_on or report.period.last,
        marks=Marks(demo=bool(agency.demo)),
        title=f"{form.code} {report.period.first:%d/%m/%Y}–{report.period.last:%d/%m/%Y}",
        author=agency.agency_name,
        canvasmaker=paged_canvas(book, _footer(label)),
    )


def _share(num: int, den: int) -> str:
    return "—" if not den else f"{100 * num / den:.2f} %".replace(".", ",")


def progress_text(v) -> str:
    """The seeds' figures: "received 1,880; resolved 1,845 (98 %); on time 1,815; …"."""
    received, resolved = v.get("received_total", 0), v.get("resolved_total", 0)
    good = v.get("resolved_early", 0) + v.get("resolved_on_time", 0)
    return (
        f"Tiến độ: tiếp nhận {received}; đã giải quyết {resolved} "
        f"({_share(resolved, received)}); trước hạn và đúng hạn {good} "
        f"({_share(good, resolved)} số đã giải quyết); quá hạn "
        f"{v.get('resolved_late', 0)}; đang giải quyết {v.get('pending_total', 0)} "
        f"(quá hạn {v.get('pending_overdue', 0)})."
    )


def _right(st):
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("right", parent=st.body, alignment=TA_RIGHT)


def months_chart(months: Sequence[tuple[Period, dict[str, int]]], width: float) -> Drawing:
    """Bars per month: received (3) and resolved (7); the on-time share of what was resolved,
    (8)+(9) over (7), written above each month. A vector drawing."""
    height = 45 * mm
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 28
    chart.width, chart.height = width - 50, height - 50
    received = [m[1].get("received_total", 0) for m in months]
    resolved = [m[1].get("resolved_total", 0) for m in months]
    chart.data = [received, resolved]
    chart.categoryAxis.categoryNames = [f"{p.first:%m/%Y}" for p, _ in months]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(received + resolved + [1])
    chart.valueAxis.valueMax = top * 1.25
    chart.bars[0].fillColor = colors.Color(0.55, 0.55, 0.55)
    chart.bars[1].fillColor = colors.Color(0.2, 0.2, 0.2)
    chart.barSpacing = 1
    chart.groupSpacing = 6
    d.add(chart)
    step = chart.width / max(len(months), 1)
    for i, (_, v) in enumerate(months):
        done = v.get("resolved_total", 0)
        share = (
            "—"
            if not done
            else (
                f"{100 * (v.get('resolved_early', 0) + v.get('resolved_on_time', 0)) / done:.0f}%"
            )
        )
        d.add(
            String(
                chart.x + step * (i + 0.5),
                chart.y + chart.height + 3,
                share,
                fontName=fonts.REGULAR,
                fontSize=7,
                textAnchor="middle",
            )
        )
    d.add(
        String(
            chart.x,
            6,
            "Cột nhạt: hồ sơ nhận giải quyết (3); cột đậm: đã giải quyết (7); "
            "số trên cột: tỷ lệ đúng hạn và trước hạn ((8)+(9))/(7)",
            fontName=fonts.ITALIC,
            fontSize=7,
        )
    )
    return d


__all__ = [
    "BY_LABEL",
    "CELL",
    "EXTRA_MARKS",
    "KIND_LABEL",
    "LATE_HEADERS",
    "LATE_WIDTHS_MM",
    "MARGINS",
    "PAGE",
    "SIGNERS",
    "TableWithTail",
    "_footer",
    "_rest",
    "_roman",
    "_rows_that_fit",
    "_shift_style",
    "_signatures",
    "_width",
    "bieu06_pdf",
    "late_pdf",
    "months_chart",
    "period_text",
    "progress_text",
]
