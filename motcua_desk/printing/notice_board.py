"""Bảng niêm yết thủ tục hành chính: the catalog printed per field on A4 portrait, to pin up.

Each field starts on a new page under the agency's header; each procedure is one block that
does not split across pages when it fits on one: its name and code, the documents with their
form and count, the time, the fee, where to submit and where to collect the result, the legal
basis, and the office's hotline. Plain Vietnamese text (this is a printed form).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Table

from motcua_desk.domain.catalog import public_time
from motcua_desk.domain.dto import AgencyInfo, ProcedureView
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import Gap, P, esc, grid_style, make_styles, national_header

PAGE = A4
MARGINS = (14 * mm, 14 * mm, 16 * mm, 16 * mm)  # top, right, bottom, left
TITLE = "BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH"
NO_FIELD = "Thủ tục khác"


def _width() -> float:
    return PAGE[0] - MARGINS[1] - MARGINS[3]


def _procedure(p: ProcedureView, agency: AgencyInfo, st, width: float, n: int) -> list[Flowable]:
    docs = [
        [
            P("<b>TT</b>", st.cell_h),
            P("<b>Tên giấy tờ</b>", st.cell_h),
            P("<b>Hình thức</b>", st.cell_h),
            P("<b>Số lượng</b>", st.cell_h),
        ]
    ]
    for i, d in enumerate(p.documents, 1):
        docs.append(
            [
                P(str(i), st.cell_c),
                P(esc(d.name), st.cell),
                P(esc(d.form_label), st.cell_c),
                P(str(d.count), st.cell_c),
            ]
        )
    if len(docs) == 1:
        docs.append(
            [
                P("", st.cell),
                P("Không có giấy tờ phải nộp.", st.cell),
                P("", st.cell),
                P("", st.cell),
            ]
        )
    widths = (9 * mm, width - 9 * mm - 30 * mm - 18 * mm, 30 * mm, 18 * mm)
    table = Table(docs, colWidths=widths, repeatRows=1, style=grid_style())
    time_text = public_time(p.time_text, p.time_label)
    submit = f"Bộ phận Một cửa — {agency.agency_name}"
    lines = [
        P(f"<b>{n}. {esc(p.name)}</b>", st.body),
        P(f"Mã thủ tục: <b>{esc(p.code)}</b>", st.body),
        P("<b>Thành phần hồ sơ:</b>", st.body),
        table,
        Gap(2),
        P(f"<b>Thời hạn giải quyết:</b> {esc(time_text) or 'Theo quy định'}", st.body),
        P(f"<b>Phí, lệ phí:</b> {esc(p.fee_text) or 'Không'}", st.body),
        P(f"<b>Nơi nộp hồ sơ:</b> {esc(submit)}", st.body),
        P(f"<b>Nơi trả kết quả:</b> {esc(p.result_place) or esc(submit)}", st.body),
    ]
    if p.result:
        lines.append(P(f"<b>Kết quả:</b> {esc(p.result)}", st.body))
    if p.legal_basis:
        lines.append(P("<b>Căn cứ pháp lý:</b>", st.body))
        lines += [P(f"– {esc(b)}", st.indent) for b in p.legal_basis]
    else:
        lines.append(
            P("<b>Căn cứ pháp lý:</b> theo quyết định công bố thủ tục hành chính.", st.body)
        )
    lines.append(Gap(6))
    return [CondPageBreak(60 * mm), KeepTogether(lines)]


def notice_board_pdf(
    procedures: Sequence[ProcedureView], agency: AgencyInfo, day: date, hotline: str = ""
) -> bytes:
    """The notice board of `procedures` (grouped by field, in the order given within each
    field), dated `day`."""
    fonts.register_fonts()
    st = make_styles(10)
    width = _width()
    story: list[Flowable] = []
    items = sorted(procedures, key=lambda p: ((p.field or NO_FIELD).casefold(), p.code))
    hotline_text = (
        f"Đường dây nóng tiếp nhận phản ánh, kiến nghị: <b>{esc(hotline)}</b>"
        if hotline
        else "Đường dây nóng tiếp nhận phản ánh, kiến nghị: ……………………"
    )
    if not items:
        story += [
            national_header(agency, day, st, width),
            Gap(10),
            P(TITLE, st.title),
            Gap(6),
            P("Chưa có thủ tục nào trong danh mục.", st.center_i),
        ]
    for k, (field_name, group) in enumerate(groupby(items, key=lambda p: p.field or NO_FIELD)):
        if k:
            story.append(PageBreak())
        story += [
            national_header(agency, day, st, width),
            Gap(10),
            P(TITLE, st.title),
            P(f"Lĩnh vực: <b>{esc(field_name)}</b>", st.center),
            Gap(3),
            P(hotline_text, st.center_i),
            Gap(8),
        ]
        for n, p in enumerate(group, 1):
            story += _procedure(p, agency, st, width, n)
    footer = f"Niêm yết ngày {day:%d/%m/%Y}" + (f" · Đường dây nóng {hotline}" if hotline else "")
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=day,
        marks=Marks(demo=agency.demo, footer_left=footer),
        title=TITLE.capitalize(),
        author=agency.agency_name,
        subject="Bảng niêm yết thủ tục hành chính",
    )
