"""TỔNG HỢP HỒ SƠ QUÁ HẠN VÀ VĂN BẢN XIN LỖI on paper (A4 landscape, as Biểu 06): per
department, the dossiers finished late, open past due or extended in the period, with whether
and when the apology (Mẫu 04) went out; the counts per department, then the signatures.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.late_report import LATE, OVERDUE, LateReport
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import Gap, P, esc, grid_style, make_styles, national_header
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas
from motcua_desk.printing.report_parts import (
    CELL,
    MARGINS,
    PAGE,
    _footer,
    _roman,
    _signatures,
    _width,
    period_text,
)

LATE_HEADERS = (
    "STT",
    "Mã hồ sơ",
    "Thủ tục hành chính (lĩnh vực)",
    "Ngày nhận",
    "Hạn giải quyết",
    "Tình trạng",
    "Ngày có kết quả",
    "Gia hạn đến",
    "Văn bản xin lỗi (Mẫu 04)",
    "Lý do",
)
LATE_WIDTHS_MM = (9, 37, 0, 19, 19, 27, 19, 19, 30, 40)  # 0: the rest
KIND_LABEL = {
    LATE: "Đã giải quyết quá hạn",
    OVERDUE: "Đang giải quyết, quá hạn",
    "extended": "Đã gia hạn, đang giải quyết",
}


def _at(moment: datetime | None, tz: ZoneInfo) -> str:
    return f"{moment.astimezone(tz):%d/%m/%Y}\n{moment.astimezone(tz):%H:%M}" if moment else ""


def late_pdf(
    late: LateReport,
    agency: AgencyInfo,
    tz: ZoneInfo,
    scope_label: str = "",
    made_on: date | None = None,
) -> bytes:
    """TỔNG HỢP HỒ SƠ QUÁ HẠN VÀ VĂN BẢN XIN LỖI: per department, the dossiers finished late,
    open past due or extended in the period, with whether and when Mẫu 04 went out; the counts
    per department, then the signatures."""
    fonts.register_fonts()
    st = make_styles(CELL + 1)
    width = _width()
    widths = [w * mm for w in LATE_WIDTHS_MM]
    widths[2] = width - sum(widths)
    book = PageBook()
    header = [P(h, st.cell_h) for h in LATE_HEADERS]
    style = grid_style(
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL, CELL * 1.18),
        ("ALIGN", (3, 1), (7, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        pad=2.2,
    )
    story: list[Flowable] = [
        GroupStart("late", book),
        national_header(agency, made_on, make_styles(10.5), width, left_share=0.4),
        Gap(4 * mm),
        P("TỔNG HỢP HỒ SƠ GIẢI QUYẾT QUÁ HẠN VÀ VĂN BẢN XIN LỖI", st.title),
        P(f"Kỳ báo cáo: {esc(period_text(late.period))}", st.center_i),
    ]
    if scope_label:
        story.append(P(f"Phạm vi số liệu: {esc(scope_label)}", st.center))
    c = late.counts
    story += [
        Gap(2 * mm),
        P(
            f"Tổng số: <b>{c['total']}</b> hồ sơ (đã giải quyết quá hạn: {c['late']}; đang giải "
            f"quyết, quá hạn: {c['overdue']}; có gia hạn: {c['extended']}); đã có văn bản xin lỗi "
            f"(Mẫu 04): <b>{c['apology']}</b>.",
            st.body,
        ),
        Gap(2 * mm),
    ]
    if not late.groups:
        story.append(P("Không có hồ sơ giải quyết quá hạn trong kỳ.", st.center_i))
    for gi, g in enumerate(late.groups, 1):
        gc = g.counts
        story.append(
            P(
                f"<b>{_roman(gi)}. {esc(g.department)}</b> – {gc['total']} hồ sơ; "
                f"có văn bản xin lỗi: {gc['apology']}",
                st.body,
            )
        )
        story.append(Gap(1 * mm))
        rows = []
        for i, e in enumerate(g.entries, 1):
            a = e.apology
            if a.at is None:
                apology = "Chưa có"
            else:
                apology = f"Ngày {a.at.astimezone(tz):%d/%m/%Y %H:%M}"
                if a.in_time is False:
                    apology += " (muộn)"
                if a.printed_at is not None:
                    apology += f"; in ngày {a.printed_at.astimezone(tz):%d/%m/%Y}"
            name = f"{esc(e.procedure_code)} – {esc(e.procedure_name)}"
            if e.field:
                name += f" <i>({esc(e.field)})</i>"
            rows.append(
                [
                    RowNumber(str(i), book, CELL),
                    e.code,
                    P(name, st.cell),
                    _at(e.received_at, tz),
                    _at(e.due_at, tz),
                    P(esc(KIND_LABEL.get(e.kind, e.kind)), st.cell),
                    _at(e.finished_at, tz),
                    _at(a.new_due, tz),
                    P(esc(apology), st.cell),
                    P(esc(a.reason), st.cell),
                ]
            )
        story.append(PagedTable([header], rows, widths, style))
        story.append(Gap(3 * mm))
    if late.groups:
        summary_head = [
            P(h, st.cell_h)
            for h in (
                "STT",
                "Cơ quan, đơn vị",
                "Tổng số",
                "Đã giải quyết quá hạn",
                "Đang giải quyết, quá hạn",
                "Có gia hạn",
                "Đã có văn bản xin lỗi",
            )
        ]
        srows = [
            [
                str(i),
                P(esc(g.department), st.cell),
                *(str(g.counts[k]) for k in ("total", "late", "overdue", "extended", "apology")),
            ]
            for i, g in enumerate(late.groups, 1)
        ]
        srows.append(
            [
                "",
                P("<b>Tổng cộng</b>", st.cell),
                *(str(c[k]) for k in ("total", "late", "overdue", "extended", "apology")),
            ]
        )
        sw = [10 * mm, 0.0] + [26 * mm] * 5
        sw[1] = width * 0.85 - sum(sw)
        sstyle = grid_style(
            ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL, CELL * 1.18),
            ("ALIGN", (2, 1), (-1, -1), "CENTER"),
            ("FONT", (2, -1), (-1, -1), fonts.BOLD, CELL, CELL * 1.18),
            pad=2.2,
        )
        # the summary (one row per department: short) and the signatures kept together,
        # so the signatures never stand on a page of their own
        story.append(
            KeepTogether(
                [
                    P("<b>Tổng hợp theo cơ quan, đơn vị</b>", st.body),
                    Gap(1 * mm),
                    PagedTable([summary_head], srows, sw, sstyle),
                    Gap(5 * mm),
                    _signatures(agency, st, width),
                ]
            )
        )
    else:
        story.append(KeepTogether([Gap(5 * mm), _signatures(agency, st, width)]))
    label = (
        f"Hồ sơ quá hạn và văn bản xin lỗi – {late.period.first:%d/%m/%Y}–"
        f"{late.period.last:%d/%m/%Y}"
    )
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=made_on or late.period.last,
        marks=Marks(demo=bool(agency.demo)),
        title=label,
        author=agency.agency_name,
        canvasmaker=paged_canvas(book, _footer(label)),
    )
