"""The quality report as a workbook: the sheet "Bước chuyển" (the steps table; totals, shares
and averages as formulas over its rows: the average is total days ÷ steps finished), the sheet
"Hồ sơ" (one row per dossier: statutory and actual working days, supplements, departments
with their days, channel), and the sheet "Tổng hợp" whose figures are formulas over "Hồ sơ"
(COUNTIFS, AVERAGEIFS, SUM).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from xlsxwriter.utility import xl_rowcol_to_cell

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.quality import QualityReport, steps_total
from motcua_desk.printing.quality_parts import (
    CHANNEL_VI,
    NOTE,
    RESULT_VI,
    STEP_HEADERS,
    TITLE,
    _num,
)
from motcua_desk.printing.report_parts import period_text

DOSSIER_COLUMNS = (
    "STT",
    "Mã hồ sơ",
    "Lĩnh vực",
    "Mã thủ tục",
    "Thủ tục hành chính",
    "Kênh tiếp nhận",
    "Ngày nhận",
    "Ngày có kết quả",
    "Kết quả (Biểu 06)",
    "Thời hạn quy định (ngày làm việc)",
    "Thời gian thực tế (ngày làm việc)",
    "Thực tế − quy định",
    "Số lần yêu cầu bổ sung",
    "Số bộ phận tham gia",
    "Thời gian tại từng bộ phận (ngày làm việc)",
)
DOSSIER_WIDTHS = (6, 27, 14, 11, 40, 12, 16, 16, 22, 12, 12, 12, 11, 11, 44)


def quality_xlsx(
    q: QualityReport,
    agency: AgencyInfo,
    tz: ZoneInfo,
    scope_label: str = "",
    made_on: date | None = None,
) -> bytes:
    from motcua_desk.printing.workbook import _book, _formats, _national_header, _signatures

    wb, buf = _book(
        made_on,
        f"Bước chuyển và chỉ số chất lượng {q.period.first:%d/%m/%Y}–{q.period.last:%d/%m/%Y}",
        agency,
    )
    fm = _formats(wb)
    fm["dec"] = wb.add_format(
        {
            "font_name": "Times New Roman",
            "font_size": 10,
            "border": 1,
            "num_format": "0.00",
            "align": "center",
        }
    )
    fm["dec_b"] = wb.add_format(
        {
            "font_name": "Times New Roman",
            "font_size": 10,
            "border": 1,
            "num_format": "0.00",
            "align": "center",
            "bold": True,
        }
    )

    def head(ws, last_col: int, title: str) -> int:
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        row = _national_header(ws, fm, agency, made_on, last_col)
        ws.merge_range(row, 0, row, last_col, title, fm["title"])
        ws.set_row(row, 34)
        row += 1
        ws.merge_range(row, 0, row, last_col, f"Kỳ báo cáo: {period_text(q.period)}", fm["head_i"])
        row += 1
        if scope_label:
            ws.merge_range(row, 0, row, last_col, f"Phạm vi số liệu: {scope_label}", fm["head"])
            row += 1
        return row + 1

    # --- steps: A STT, B unit, C finished (=D+E+F), D early, E on time, F late, G share,
    # H average (= I ÷ C), I total days, J open, K overdue
    ws = wb.add_worksheet("Bước chuyển")
    heads = (
        *STEP_HEADERS[:7],
        "Thời gian trung bình (ngày làm việc)",
        "Tổng thời gian (ngày làm việc)",
        *STEP_HEADERS[8:],
    )
    last = len(heads) - 1
    for c, w in enumerate((6, 44, 11, 10, 10, 10, 12, 14, 14, 11, 11)):
        ws.set_column(c, c, w)
    row = head(ws, last, TITLE)
    for c, h in enumerate(heads):
        ws.write_string(row, c, h, fm["th"])
    ws.set_row(row, 48)
    row += 1
    first = row

    def cell(r: int, c: int) -> str:
        return xl_rowcol_to_cell(r, c)

    def figures(
        r: int,
        finished: int,
        early: int,
        on_time: int,
        late: int,
        days: float,
        open_: int,
        overdue: int,
        avg: float | None,
        bold: bool,
    ) -> None:
        n, d = (fm["num_b"], fm["dec_b"]) if bold else (fm["num"], fm["dec"])
        if not bold:
            ws.write_number(r, 3, early, n)
            ws.write_number(r, 4, on_time, n)
            ws.write_number(r, 5, late, n)
            ws.write_number(r, 8, round(days, 4), d)
            ws.write_number(r, 9, open_, n)
            ws.write_number(r, 10, overdue, n)
        ws.write_formula(r, 2, f"={cell(r, 3)}+{cell(r, 4)}+{cell(r, 5)}", n, finished)
        share = round(100 * (early + on_time) / finished, 2) if finished else ""
        ws.write_formula(
            r,
            6,
            f'=IF({cell(r, 2)}=0,"",ROUND(100*({cell(r, 3)}+{cell(r, 4)})/{cell(r, 2)},2))',
            d,
            share,
        )
        ws.write_formula(
            r,
            7,
            f'=IF({cell(r, 2)}=0,"",{cell(r, 8)}/{cell(r, 2)})',
            d,
            "" if avg is None else days / finished,
        )

    for i, r in enumerate(q.steps, 1):
        ws.write_number(row, 0, i, fm["no"])
        ws.write_string(row, 1, r.label, fm["text"])
        figures(
            row,
            r.finished,
            r.early,
            r.on_time,
            r.late,
            r.total_days,
            r.open,
            r.open_overdue,
            r.average_days,
            False,
        )
        row += 1
    t = steps_total(q.steps)
    ws.write_blank(row, 0, None, fm["no"])
    ws.write_string(row, 1, "Tổng cộng", fm["text_b"])
    for c, value, f in (
        (3, t.early, fm["num_b"]),
        (4, t.on_time, fm["num_b"]),
        (5, t.late, fm["num_b"]),
        (8, round(t.total_days, 4), fm["dec_b"]),
        (9, t.open, fm["num_b"]),
        (10, t.open_overdue, fm["num_b"]),
    ):
        formula = f"=SUM({cell(first, c)}:{cell(row - 1, c)})" if q.steps else "=0"
        ws.write_formula(row, c, formula, f, value)
    figures(
        row,
        t.finished,
        t.early,
        t.on_time,
        t.late,
        t.total_days,
        t.open,
        t.open_overdue,
        t.average_days,
        True,
    )
    row += 2
    ws.merge_range(
        row,
        0,
        row + 2,
        last,
        NOTE,
        wb.add_format(
            {
                "font_name": "Times New Roman",
                "font_size": 10,
                "italic": True,
                "text_wrap": True,
                "valign": "top",
            }
        ),
    )
    _signatures(ws, fm, agency, row + 4, last)

    # --- dossiers
    wd = wb.add_worksheet("Hồ sơ")
    dlast = len(DOSSIER_COLUMNS) - 1
    for c, w in enumerate(DOSSIER_WIDTHS):
        wd.set_column(c, c, w)
    row = head(
        wd, dlast, "CÁC CHỈ SỐ CHẤT LƯỢNG THEO TỪNG HỒ SƠ (ĐIỀU 13 THÔNG TƯ SỐ 01/2018/TT-VPCP)"
    )
    for c, h in enumerate(DOSSIER_COLUMNS):
        wd.write_string(row, c, h, fm["th"])
    wd.set_row(row, 48)
    wd.freeze_panes(row + 1, 2)
    row += 1
    d_first = row
    for i, d in enumerate(q.dossiers, 1):
        wd.write_number(row, 0, i, fm["no"])
        wd.write_string(row, 1, d.code, fm["text"])
        wd.write_string(row, 2, d.field, fm["text"])
        wd.write_string(row, 3, d.procedure_code, fm["text"])
        wd.write_string(row, 4, d.procedure_name, fm["text"])
        wd.write_string(row, 5, CHANNEL_VI.get(d.channel, d.channel), fm["text"])
        wd.write_datetime(row, 6, _naive(d.received_at, tz), fm["when"])
        if d.finished_at is not None:
            wd.write_datetime(row, 7, _naive(d.finished_at, tz), fm["when"])
        else:
            wd.write_blank(row, 7, None, fm["text"])
        wd.write_string(row, 8, RESULT_VI.get(d.result, d.result), fm["text"])
        if d.statutory_days is not None:
            wd.write_number(row, 9, d.statutory_days, fm["dec"])
            wd.write_formula(
                row,
                11,
                f"={cell(row, 10)}-{cell(row, 9)}",
                fm["dec"],
                round(d.actual_days - d.statutory_days, 2),
            )
        else:
            wd.write_blank(row, 9, None, fm["dec"])
            wd.write_blank(row, 11, None, fm["dec"])
        wd.write_number(row, 10, d.actual_days, fm["dec"])
        wd.write_number(row, 12, d.supplements, fm["num"])
        wd.write_number(row, 13, len(d.departments), fm["num"])
        wd.write_string(row, 14, "; ".join(f"{u}: {_num(v)}" for u, v in d.departments), fm["text"])
        row += 1
    d_last = max(row - 1, d_first)

    # --- the summary: formulas over "Hồ sơ"
    wsum = wb.add_worksheet("Tổng hợp")
    wsum.set_column(0, 0, 64)
    wsum.set_column(1, 1, 16)
    wsum.set_column(2, 3, 14)
    row = head(wsum, 3, "TỔNG HỢP CÁC CHỈ SỐ CHẤT LƯỢNG")

    def rng(col: int) -> str:
        a = xl_rowcol_to_cell(d_first, col, row_abs=True, col_abs=True)
        b = xl_rowcol_to_cell(d_last, col, row_abs=True, col_abs=True)
        return f"'Hồ sơ'!{a}:{b}"

    s = q.summary()
    done = f'{rng(7)},"<>"'
    lines = (
        ("Số hồ sơ trong kỳ", f"=COUNTA({rng(1)})", s["dossiers"], "num"),
        ("Số hồ sơ đã giải quyết", f"=COUNTIFS({done})", s["finished"], "num"),
        (
            "Trong đó trước hạn và đúng hạn",
            f'=COUNTIFS({rng(8)},"Trước hạn")+COUNTIFS({rng(8)},"Đúng hạn")',
            s["finished_within_time"],
            "num",
        ),
        (
            "Thời gian thực tế trung bình (ngày làm việc, hồ sơ đã giải quyết)",
            f'=IFERROR(AVERAGEIFS({rng(10)},{done}),"")',
            s["average_actual_working_days"]
            if s["average_actual_working_days"] is not None
            else "",
            "dec",
        ),
        (
            "Thời hạn quy định trung bình (ngày làm việc, hồ sơ đã giải quyết)",
            f'=IFERROR(AVERAGEIFS({rng(9)},{done}),"")',
            s["average_statutory_working_days"]
            if s["average_statutory_working_days"] is not None
            else "",
            "dec",
        ),
        ("Số lần yêu cầu bổ sung hồ sơ", f"=SUM({rng(12)})", s["supplement_requests"], "num"),
        (
            "Số hồ sơ phải bổ sung",
            f'=COUNTIFS({rng(12)},">0")',
            s["dossiers_with_supplements"],
            "num",
        ),
        (
            "Số hồ sơ bổ sung quá 1 lần",
            f'=COUNTIFS({rng(12)},">1")',
            s["dossiers_with_more_than_one_supplement"],
            "num",
        ),
        (
            "Số hồ sơ qua nhiều bộ phận",
            f'=COUNTIFS({rng(13)},">1")',
            s["dossiers_with_several_departments"],
            "num",
        ),
        (
            "Tiếp nhận trực tuyến",
            f'=COUNTIFS({rng(5)},"Trực tuyến")',
            s["channels"]["online"],
            "num",
        ),
        ("Tiếp nhận trực tiếp", f'=COUNTIFS({rng(5)},"Trực tiếp")', s["channels"]["direct"], "num"),
        (
            "Tiếp nhận qua bưu chính",
            f'=COUNTIFS({rng(5)},"Bưu chính")',
            s["channels"]["post"],
            "num",
        ),
    )
    if not q.dossiers:
        lines = tuple(
            (label, "=0", 0 if kind == "num" else "", kind) for label, _, _, kind in lines
        )
    for label, formula, value, kind in lines:
        wsum.write_string(row, 0, label, fm["text"])
        wsum.write_formula(row, 1, formula, fm[kind], value)
        row += 1
    wb.close()
    return buf.getvalue()


def _naive(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)
