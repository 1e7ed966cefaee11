"""The office's figures on paper, A4 landscape: Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP) and
the summary of late dossiers and their apologies (Mẫu 04) that a commune sends on.

The form's columns come from its definition (domain.report_forms.FormDef, versioned data): the
header has a row of the column groups, a row of the column labels and a row of the law's
column numbers (1)…(13); columns the definition keeps beside the form are lettered (a), (b)
and explained under the table. Rows: each field (or department) in bold, its procedures
under it, the total last. The headers repeat on every page; the footer says "Trang x/y".
Signatures: NGƯỜI LẬP BIỂU / THỦ TRƯỞNG ĐƠN VỊ.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.late_report import LATE, OVERDUE, LateReport
from motcua_desk.domain.report_periods import Period
from motcua_desk.domain.reports import Report
from motcua_desk.printing import fonts, ledgers
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import (
    Gap,
    P,
    clean,
    esc,
    grid_style,
    make_styles,
    national_header,
    signature_blocks,
    unpadded_style,
    vn_date,
)
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas

# the same paper as the ledgers (Mẫu 07, the handoff list): A4 landscape, the same margins
PAGE, MARGINS = ledgers.PAGE, ledgers.MARGINS
CELL = 8.0
SIGNERS = (
    ("NGƯỜI LẬP BIỂU", "(Ký và ghi rõ họ tên)"),
    ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)"),
)
BY_LABEL = {
    "field": "Lĩnh vực, thủ tục hành chính",
    "procedure": "Lĩnh vực, thủ tục hành chính",
    "department": "Cơ quan, đơn vị giải quyết; thủ tục hành chính",
}
EXTRA_MARKS = "abcdefghij"


def _width() -> float:
    return PAGE[0] - MARGINS[1] - MARGINS[3]


def period_text(period: Period) -> str:
    return f"Từ {vn_date(period.first)} đến {vn_date(period.last)}"


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _footer(label: str):
    def draw(canvas, page: int, pages: int, rows: int, group: str) -> None:
        w, _ = PAGE
        y = MARGINS[2] / 2 - 2
        canvas.saveState()
        canvas.setFont(fonts.ITALIC, 8)
        canvas.drawString(MARGINS[3], y, label)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawRightString(w - MARGINS[1], y, f"Trang {page}/{pages}")
        canvas.restoreState()

    return draw


class TableWithTail(Flowable):
    """A table and what closes it (notes, chart, signatures), never parted: when the tail
    does not fit below the table's last rows, at least `keep` of those rows go with it to the
    next page, so the signatures never stand on a page of their own.

    It always asks to be split (its wrap claims a little more than the room there is), and
    its split hands the frame plain flowables: the whole lot when it fits, else the rows this
    page can take while leaving `keep`, then itself with the rest."""

    def __init__(self, table: PagedTable, tail: list[Flowable], keep: int = 3) -> None:
        # `tail`: plain flowables (measured one by one; no KeepTogether inside)
        super().__init__()
        self.table = table
        self.tail = tail
        self.keep = keep

    def _tail_height(self, width: float, height: float) -> float:
        canv = getattr(self, "canv", None)
        total = 0.0
        for f in self.tail:
            total += f.wrapOn(canv, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return availWidth, availHeight + 1  # never drawn whole: split() places the parts

    def split(self, availWidth, availHeight):  # noqa: N803
        t = self.table
        if t.height + self._tail_height(availWidth, availHeight) <= availHeight + 1e-6:
            return [t, *self.tail]
        rows = len(t.rows)
        n = _rows_that_fit(t.body_h[: max(rows - self.keep, 0)], availHeight - t.head_h)
        if n == 0:
            frame = getattr(self, "_frame", None)
            if frame is not None and getattr(frame, "_atTop", False):
                # even a fresh page cannot hold the last rows and the tail: let them flow
                n = _rows_that_fit(t.body_h, availHeight - t.head_h)
                if n == 0 or n == rows:
                    return [t, KeepTogether(self.tail)]
                return [t._table(0, n), _rest(t, n), KeepTogether(self.tail)]
            return []  # all of it on the next page
        return [t._table(0, n), TableWithTail(_rest(t, n), self.tail, self.keep)]

    def draw(self) -> None:  # pragma: no cover - split() always replaces it
        raise AssertionError("TableWithTail is split, never drawn")


def _rows_that_fit(heights: Sequence[float], room: float) -> int:
    n = 0
    used = 0.0
    for h in heights:
        if used + h > room + 1e-6:
            break
        used += h
        n += 1
    return n


def _rest(t: PagedTable, n: int) -> PagedTable:
    """The table from body row `n` on, its style's row numbers moved along with the rows (a
    bold total stays bold on the next page)."""
    return PagedTable(
        t.header,
        t.rows[n:],
        t.widths,
        _shift_style(t.style, len(t.header), n),
        heights=t.heights[: len(t.header)] + t.body_h[n:],
    )


def _shift_style(style: TableStyle, header_rows: int, n: int) -> TableStyle:
    """`style` for the table without its first `n` body rows: commands on the header or
    counted from the end (negative rows) stay; a command on body rows moves up by `n`, and
    one on rows that are gone is dropped."""
    cmds = []
    for cmd in style.getCommands():
        (c0, r0), (c1, r1) = cmd[1], cmd[2]
        if r0 < header_rows and (r1 < header_rows and r1 >= 0):
            cmds.append(cmd)  # the header only
            continue
        if r0 >= header_rows:
            r0 -= n
        if r1 >= header_rows:
            r1 -= n
            if r1 < header_rows:
                continue  # only rows printed before
        if r0 < header_rows <= cmd[1][1]:
            r0 = header_rows
        cmds.append((cmd[0], (c0, r0), (c1, r1), *cmd[3:]))
    return TableStyle(cmds)


def _signatures(agency: AgencyInfo, st, width: float) -> Flowable:
    (t1, h1), (t2, h2) = SIGNERS
    return signature_blocks([(t1, h1, clean(agency.officer)), (t2, h2, "")], st, width, gap=18 * mm)


# --- Biểu 06 ---------------------------------------------------------------------------------


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


# --- late dossiers and apologies -------------------------------------------------------------

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
