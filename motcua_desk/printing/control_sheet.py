"""Mẫu 06 PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ, the handoff control sheet: A4 portrait,
one block of signatures per step, printed at intake with blank blocks for the route still to
come and filled in by hand as the paper dossier travels. Apart from the A5 forms of
printing.forms because it is a table of steps over pages, not a one-page letter; it shares
their opening and rendering (printing.form_parts).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from motcua_desk.domain.dto import (
    RETURN_METHODS_VI,
    AgencyInfo,
    DossierDetail,
    DossierView,
    StepView,
)
from motcua_desk.printing import fonts
from motcua_desk.printing.form_parts import (
    A4_MARGINS,
    check_form,
    frame_size,
    opening,
    render_forms,
    spacer,
)
from motcua_desk.printing.layout import (
    Gap,
    P,
    Styles,
    clean,
    esc,
    grid_style,
    label_value,
    make_styles,
    short_moment,
    vn_moment,
)

DESK_UNIT = "Bộ phận Một cửa"


# --- Mẫu 06 ----------------------------------------------------------------------------------


def _planned_route(detail: DossierDetail) -> list[tuple[str, str]]:
    """The moves still to come for an open dossier, printed as blank blocks for ink (the
    sheet is printed at intake and filled in by hand as the dossier travels)."""
    d = detail.dossier
    lead = d.department or "……………"
    applicant = f"Ông/Bà {clean(d.applicant_name)}"
    if d.status == "received":
        if not detail.steps:
            return [(DESK_UNIT, lead), (lead, DESK_UNIT), (DESK_UNIT, applicant)]
        return [
            (DESK_UNIT, d.location if d.location not in ("", "desk") else lead),
            (lead, DESK_UNIT),
            (DESK_UNIT, applicant),
        ]
    if d.status == "in_process":
        here = d.location or lead
        return [(here, DESK_UNIT), (DESK_UNIT, applicant)]
    if d.status in ("result_ready", "rejected"):
        return [(DESK_UNIT, applicant)]
    return []


def control_pdf(detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0) -> bytes:
    """Mẫu 06 PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ, A4 portrait: one block per handoff
    (giver and receiver sign in the blank cells), early / on time / late per step."""
    check_form("control", detail)
    fonts.register_fonts()
    d = detail.dossier
    st = make_styles(11)
    width, _ = frame_size(A4, A4_MARGINS)
    steps = list(detail.steps)
    units = []
    for s in steps:
        for u in (s.from_unit, s.to_unit):
            if u and u not in (DESK_UNIT, d.department) and s.kind != "returned" and u not in units:
                units.append(u)
    due_line = f"Thời gian trả kết quả: <b>{vn_moment(d.due_at)}</b>"
    if d.extended and d.original_due_at:
        due_line += f" (hẹn lại; hạn ban đầu: {vn_moment(d.original_due_at)})"
    story: list[Flowable] = [
        *opening(
            agency,
            d.received_at,
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            d.code,
            st,
            width,
            subtitle=P("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)", st.subtitle),
            left_share=0.45,
        ),
        label_value("Người nộp hồ sơ (chủ hồ sơ):", d.applicant_name, st.body, bold=True),
        label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j),
        P(f"Thời gian nhận hồ sơ: {vn_moment(d.received_at)}", st.body),
        P(due_line, st.body),
        label_value("Cơ quan (bộ phận) giải quyết hồ sơ:", d.department, st.body_j),
        label_value("Cơ quan phối hợp giải quyết hồ sơ:", "; ".join(units), st.body_j),
        spacer(st),
        _control_table(d, steps, _planned_route(detail), st, width),
    ]
    return render_forms(
        [story],
        pagesize=A4,
        margins=A4_MARGINS,
        moment=d.received_at,
        agency=agency,
        reprint=reprint,
        title="Phiếu kiểm soát quá trình giải quyết hồ sơ",
        code=d.code,
    )


def _control_table(
    d: DossierView,
    steps: Sequence[StepView],
    planned: Sequence[tuple[str, str]],
    st: Styles,
    width: float,
) -> Table:
    w_unit, w_giver, w_recv, w_res = 44 * mm, 32 * mm, 32 * mm, 31 * mm
    w_note = width - w_unit - w_giver - w_recv - w_res
    cell, cell_c, cell_h = st.cell, st.cell_c, st.cell_h
    rows: list[list] = [
        [
            P("TÊN CƠ QUAN", cell_h),
            P("THỜI GIAN GIAO, NHẬN HỒ SƠ", cell_h),
            "",
            P("KẾT QUẢ GIẢI QUYẾT HỒ SƠ<br/>(Trước hạn/ Đúng hạn/ Quá hạn)", cell_h),
            P("GHI CHÚ", cell_h),
        ]
    ]
    spans = []
    sign_gap = 14 * mm

    def block(
        giver_unit: str,
        receiver_unit: str,
        when: str,
        giver: str,
        receiver: str,
        result: str,
        note: str,
    ) -> None:
        r = len(rows)
        rows.append(
            [
                P(
                    f"1. Giao: <b>{esc(giver_unit)}</b><br/>2. Nhận: <b>{esc(receiver_unit)}</b>",
                    cell,
                ),
                P(when, cell_c),
                "",
                P(f"<b>{esc(result)}</b>", cell_c),
                P(note, cell),
            ]
        )
        rows.append(
            [
                "",
                _sign_cell("Người giao", giver, st, sign_gap),
                _sign_cell("Người nhận", receiver, st, sign_gap),
                "",
                "",
            ]
        )
        spans.extend(
            [
                ("SPAN", (0, r), (0, r + 1)),
                ("SPAN", (1, r), (2, r)),
                ("SPAN", (3, r), (3, r + 1)),
                ("SPAN", (4, r), (4, r + 1)),
                ("NOSPLIT", (0, r), (-1, r + 1)),
            ]
        )

    for s in steps:
        note = ""
        if s.deadline is not None:
            note = f"Hạn: {short_moment(s.deadline)}"
        if s.kind == "returned":
            method = RETURN_METHODS_VI.get(d.return_method, d.return_method)
            note = (note + "<br/>" if note else "") + f"Trả kết quả: {esc(method)}"
        block(s.from_unit, s.to_unit, vn_moment(s.at), s.giver, s.receiver, s.timing_label, note)
    for giver_unit, receiver_unit in planned:
        block(giver_unit, receiver_unit, vn_moment(None, blank="…"), "", "", "", "")
    t = Table(rows, colWidths=[w_unit, w_giver, w_recv, w_res, w_note], repeatRows=1)
    t.setStyle(
        grid_style(("SPAN", (1, 0), (2, 0)), ("VALIGN", (0, 1), (-1, -1), "MIDDLE"), *spans, pad=3)
    )
    return t


def _sign_cell(label: str, name: str, st: Styles, gap: float) -> list[Flowable]:
    out: list[Flowable] = [P(f"<i>{label}</i>", st.cell_c), Gap(gap)]
    if clean(name):
        out.append(P(esc(name), st.cell_c))
    return out
