"""The forms of one dossier (TT 03/2025 numbering): Mẫu 01 receipt and appointment slip,
02 supplement request, 03 refusal, 04 apology and new date, 05 stop notice (all A5, with the
Code128 barcode of the dossier code) and 06 the handoff control sheet (A4 portrait: it holds
one block of signatures per step and travels with the paper dossier).

Each function takes DTOs and returns PDF bytes; nothing here reads the database or the clock.
The control sheet is printing.control_sheet; what the forms share (their letter opening, the
documents table, fitting and rendering) is printing.form_parts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from reportlab.lib.pagesizes import A4, A5
from reportlab.platypus import Flowable, KeepTogether, Table

from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
from motcua_desk.domain.dto import (
    FORM_TITLES_VI,
    AgencyInfo,
    DossierDetail,
)
from motcua_desk.printing import fonts
from motcua_desk.printing.control_sheet import control_pdf
from motcua_desk.printing.form_parts import (
    A5_MARGINS,
    SIZES,
    check_form,
    documents_table,
    first_event,
    fit_one_page,
    frame_size,
    last_event,
    opening,
    payload_moment,
    phone_email_line,
    render_forms,
    sign_gap,
    spacer,
)
from motcua_desk.printing.layout import (
    P,
    Styles,
    clean,
    esc,
    label_value,
    signature_blocks,
    two,
    unpadded_style,
    vn_date,
    vn_moment,
)

FORM_TITLES: dict[str, str] = FORM_TITLES_VI  # the forms' names, kept in the domain

SLIP_COPIES = ("Liên 1: Lưu kèm Phiếu kiểm soát", "Liên 2: Giao người nộp hồ sơ")


# --- Mẫu 01 ----------------------------------------------------------------------------------


def _slip_receipt(detail: DossierDetail) -> datetime | None:
    """When the complete dossier was received: the intake, or the last resubmission (the clock
    restarted then)."""
    again = last_event(detail, "resubmitted")
    return again.occurred_at if again is not None else detail.dossier.received_at


def _copy_label(label: str, st: Styles) -> Flowable:
    p = P(f"({esc(label)})", st.subtitle)
    p.is_copy_label = True
    return p


def slip_pdf(
    detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0, qr: bool = True
) -> bytes:
    """Mẫu 01 GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ: A5, two copies, one page each. With
    the QR code unless told not to (the desk's print_qr setting): it is the symbol that
    survives the citizen folding the slip in quarters."""
    check_form("slip", detail)
    fonts.register_fonts()
    d = detail.dossier
    received = _slip_receipt(detail)
    width, height = frame_size(A5, A5_MARGINS)
    docs = [
        (x.name, x.form_label or DOCUMENT_FORM_LABELS_VI.get(x.form, x.form), x.count)
        for x in d.documents
        if x.checked
    ]
    if d.result_delivery == "post":
        place = "Qua dịch vụ bưu chính công ích (gửi về địa chỉ của người nộp hồ sơ)"
    else:
        place = d.result_place or agency.agency_name
    officer = d.received_by or agency.officer
    # the slip reproduces the appointment it gave; an extension is noted under it
    appointed = d.original_due_at if d.extended and d.original_due_at else d.due_at

    def build(copy_label: str) -> Callable[[Styles], list[Flowable]]:
        def story(st: Styles) -> list[Flowable]:
            out: list[Flowable] = [
                *opening(
                    agency,
                    received,
                    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                    d.code,
                    st,
                    width,
                    subtitle=_copy_label(copy_label, st),
                    qr=qr,
                ),
                P(f"<b>{esc(agency.agency_name)}</b> tiếp nhận hồ sơ của:", st.body_j),
                label_value("Ông/Bà:", d.applicant_name, st.body, bold=True),
                label_value("Địa chỉ:", d.address, st.body_j),
                phone_email_line(d, st),
                label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
                spacer(st, 0.5),
                P("1. Thành phần hồ sơ nộp gồm:", st.body),
                documents_table(docs, st, width),
                spacer(st, 0.5),
                P(f"2. Số lượng hồ sơ: {two(d.sets)} (bộ)", st.body),
                label_value(
                    "3. Thời gian giải quyết hồ sơ theo quy định là:", d.time_label, st.body
                ),
                P(f"4. Thời gian nhận hồ sơ: {vn_moment(received)}", st.body),
                P(
                    f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{vn_moment(appointed)}</b>",
                    st.body,
                ),
            ]
            if clean(d.due_explanation):
                out.append(P(f"({esc(d.due_explanation)})", st.note))
            if d.extended and d.due_at is not None:
                out.append(
                    P(
                        f"(Đã hẹn lại ngày trả kết quả: {vn_moment(d.due_at)}, theo Văn "
                        "bản xin lỗi và đề nghị gia hạn thời gian giải quyết)",
                        st.note,
                    )
                )
            # the closing lines travel with the signatures: a signature block is never
            # alone at the top of a page
            tail: list[Flowable] = [
                label_value("6. Đăng ký nhận kết quả tại:", place, st.body_j),
                label_value("Phí, lệ phí:", d.fee_text, st.body_j, blank="Không"),
                P(
                    f"Vào Sổ theo dõi hồ sơ, Quyển số: {esc(d.ledger_book) or '……'}, "
                    f"Số thứ tự: {two(d.ledger_number) if d.ledger_number else '……'}",
                    st.body,
                ),
                spacer(st),
                signature_blocks(
                    [
                        ("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", d.applicant_name),
                        ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", officer),
                    ],
                    st,
                    width,
                    gap=sign_gap(st),
                ),
            ]
            return [*out, KeepTogether(tail)]

        return story

    first, st = fit_one_page(build(SLIP_COPIES[0]), width, height, SIZES)
    # Each copy gets flowables of its own, built at the size chosen for the first: reportlab
    # splits and moves flowables while it lays them out, so one shared between the copies
    # breaks as soon as the copy runs over a page.
    stories = [first, *(build(label)(st) for label in SLIP_COPIES[1:])]
    return render_forms(
        stories,
        pagesize=A5,
        margins=A5_MARGINS,
        moment=received,
        agency=agency,
        reprint=reprint,
        title="Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        code=d.code,
        labels=[label.split(":")[0] for label in SLIP_COPIES],
    )


# --- Mẫu 02 ----------------------------------------------------------------------------------


def supplement_pdf(detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0) -> bytes:
    """Mẫu 02 PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ (the last request), A5."""
    check_form("supplement", detail)
    fonts.register_fonts()
    d = detail.dossier
    ev = last_event(detail, "supplement_requested")
    assert ev is not None
    info = dict(ev.payload) or dict(d.last_supplement)
    items = [
        (
            clean(i.get("name", "")),
            DOCUMENT_FORM_LABELS_VI.get(i.get("form", ""), i.get("form", "")),
            int(i.get("count", 1) or 1),
        )
        for i in info.get("items", ()) or ()
    ]
    by = info.get("by", "desk")
    contact = clean(info.get("contact_officer")) or clean(ev.officer) or clean(agency.officer)
    phone = clean(info.get("contact_phone")) or clean(agency.officer_phone)
    width, height = frame_size(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        out: list[Flowable] = [
            *opening(
                agency, ev.occurred_at, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", d.code, st, width
            ),
            label_value("Hồ sơ của:", d.applicant_name, st.body, bold=True),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            label_value("Địa chỉ:", d.address, st.body_j),
            phone_email_line(d, st),
        ]
        if by and by != "desk":
            out.append(label_value("Đơn vị yêu cầu bổ sung:", by, st.body_j))
        out += [
            spacer(st, 0.5),
            P("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", st.body),
            documents_table(items, st, width),
            spacer(st, 0.5),
            label_value("Lý do:", info.get("reason", ""), st.body_j),
            P(
                "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
                f"<b>{esc(contact) or '……………'}</b>, số điện thoại "
                f"<b>{esc(phone) or '……………'}</b> để được hướng dẫn.",
                st.body_j,
            ),
            spacer(st),
            signature_blocks(
                [("", "", ""), ("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", contact)],
                st,
                width,
                gap=sign_gap(st),
            ),
        ]
        return out

    return render_forms(
        [fit_one_page(story, width, height)[0]],
        pagesize=A5,
        margins=A5_MARGINS,
        moment=ev.occurred_at,
        agency=agency,
        reprint=reprint,
        title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        code=d.code,
    )


# --- Mẫu 03 ----------------------------------------------------------------------------------


def refusal_pdf(detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0) -> bytes:
    """Mẫu 03 PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ, A5, with the reason."""
    check_form("refusal", detail)
    fonts.register_fonts()
    d = detail.dossier
    ev = last_event(detail, "refused_at_intake", "refused_after_appraisal")
    assert ev is not None
    reason = clean(ev.payload.get("reason")) or clean(d.closing_reason)
    after = ev.type == "refused_after_appraisal"
    officer = clean(ev.officer) or clean(agency.officer)
    width, height = frame_size(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        if after:
            by = clean(ev.payload.get("by")) or d.department
            why = (
                f"Sau khi thẩm định, <b>{esc(by)}</b> xác định yêu cầu giải quyết thủ tục "
                "hành chính của Ông/Bà không đủ điều kiện giải quyết vì lý do sau:"
            )
        else:
            why = (
                "Qua kiểm tra, yêu cầu giải quyết thủ tục hành chính của Ông/Bà không đủ "
                "điều kiện tiếp nhận, giải quyết vì lý do sau:"
            )
        if d.legal_basis:
            why = f"Căn cứ quy định tại {esc('; '.join(d.legal_basis))}. {why}"
        return [
            *opening(
                agency,
                ev.occurred_at,
                "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                d.code,
                st,
                width,
            ),
            P(f"<b>{esc(agency.agency_name)}</b> tiếp nhận hồ sơ của:", st.body_j),
            label_value("Ông/Bà:", d.applicant_name, st.body, bold=True),
            label_value("Địa chỉ:", d.address, st.body_j),
            phone_email_line(d, st),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            P(f"Thời gian nhận hồ sơ: {vn_moment(d.received_at)}", st.body),
            spacer(st, 0.5),
            P(why, st.body_j),
            P(f"<b>{esc(reason)}</b>", st.indent),
            spacer(st, 0.5),
            P("Xin thông báo để Ông/Bà được biết và thực hiện./.", st.body),
            spacer(st),
            signature_blocks(
                [("", "", ""), ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", officer)],
                st,
                width,
                gap=sign_gap(st),
            ),
        ]

    return render_forms(
        [fit_one_page(story, width, height)[0]],
        pagesize=A5,
        margins=A5_MARGINS,
        moment=ev.occurred_at,
        agency=agency,
        reprint=reprint,
        title="Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        code=d.code,
    )


# --- Mẫu 04 ----------------------------------------------------------------------------------


def apology_pdf(detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0) -> bytes:
    """Mẫu 04 VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT, A5: the original
    return date, the reason, the apology, the new date; signed by the deciding authority."""
    check_form("apology", detail)
    fonts.register_fonts()
    d = detail.dossier
    ev = first_event(detail, "extended")
    assert ev is not None
    old = payload_moment(ev.payload.get("previous_due_at"), d.received_at) or d.original_due_at
    new = payload_moment(ev.payload.get("new_due_at"), d.received_at) or d.due_at
    reason = clean(ev.payload.get("reason")) or clean(d.extension_reason)
    unit = esc(agency.agency_name)
    width, height = frame_size(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        received = vn_date(d.received_at) if d.received_at else "ngày …… tháng …… năm ……"
        return [
            *opening(
                agency,
                ev.occurred_at,
                "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                d.code,
                st,
                width,
            ),
            P(f"Kính gửi: Ông/Bà <b>{esc(d.applicant_name)}</b>", st.center),
            label_value("Địa chỉ:", d.address, st.body_j),
            spacer(st, 0.5),
            P(
                f"{received[0].upper()}{received[1:]}, <b>{unit}</b> tiếp nhận giải quyết hồ sơ "
                "của Ông/Bà.",
                st.body_j,
            ),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            P(
                "Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả: "
                f"{vn_moment(old)}.",
                st.body_j,
            ),
            P(
                "Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa được giải quyết xong đúng thời hạn vì "
                f"lý do: <b>{esc(reason)}</b>",
                st.body_j,
            ),
            P(
                "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. "
                f"{unit} xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào: "
                f"<b>{vn_moment(new)}</b>.",
                st.body_j,
            ),
            P("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.", st.body_j),
            spacer(st),
            _apology_footer(st, width),
        ]

    return render_forms(
        [fit_one_page(story, width, height)[0]],
        pagesize=A5,
        margins=A5_MARGINS,
        moment=ev.occurred_at,
        agency=agency,
        reprint=reprint,
        title="Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
        code=d.code,
    )


def _apology_footer(st: Styles, width: float) -> Table:
    left = [
        P("<b><i>Nơi nhận:</i></b>", st.cell),
        P("- Như trên;", st.cell),
        P("- Lưu: VT, Bộ phận Một cửa.", st.cell),
    ]
    right = signature_blocks(
        [("THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT", "(Ký, ghi rõ họ tên và đóng dấu)", "")],
        st,
        width * 0.55,
        gap=sign_gap(st),
    )
    t = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    t.setStyle(unpadded_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return t


# --- Mẫu 05 ----------------------------------------------------------------------------------


def stop_pdf(detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0) -> bytes:
    """Mẫu 05 THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ (at the applicant's request, NĐ 118/2025), A5."""
    check_form("stop", detail)
    fonts.register_fonts()
    d = detail.dossier
    ev = last_event(detail, "stopped")
    assert ev is not None
    reason = clean(ev.payload.get("reason")) or clean(d.closing_reason)
    officer = clean(ev.officer) or clean(agency.officer)
    unit = esc(agency.agency_name)
    width, height = frame_size(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        received = vn_date(d.received_at) if d.received_at else "ngày …… tháng …… năm ……"
        return [
            *opening(agency, ev.occurred_at, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", d.code, st, width),
            P(f"Kính gửi: Ông/Bà <b>{esc(d.applicant_name)}</b>", st.center),
            label_value("Địa chỉ:", d.address, st.body_j),
            phone_email_line(d, st),
            spacer(st, 0.5),
            P(
                f"{received[0].upper()}{received[1:]}, <b>{unit}</b> đã tiếp nhận hồ sơ của "
                "Ông/Bà.",
                st.body_j,
            ),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            P(f"Thời gian nhận hồ sơ: {vn_moment(d.received_at)}", st.body),
            P(f"Thời gian Ông/Bà yêu cầu dừng giải quyết: {vn_moment(ev.occurred_at)}", st.body),
            label_value("Lý do:", reason, st.body_j, bold=True),
            spacer(st, 0.5),
            P(
                f"Theo yêu cầu của Ông/Bà, {unit} thông báo dừng giải quyết hồ sơ nêu trên. "
                "Ông/Bà liên hệ Bộ phận Một cửa để nhận lại hồ sơ đã nộp (nếu có)./.",
                st.body_j,
            ),
            spacer(st),
            signature_blocks(
                [
                    ("NGƯỜI YÊU CẦU", "(Ký và ghi rõ họ tên)", d.applicant_name),
                    ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", officer),
                ],
                st,
                width,
                gap=sign_gap(st),
            ),
        ]

    return render_forms(
        [fit_one_page(story, width, height)[0]],
        pagesize=A5,
        margins=A5_MARGINS,
        moment=ev.occurred_at,
        agency=agency,
        reprint=reprint,
        title="Thông báo dừng giải quyết hồ sơ",
        code=d.code,
    )


FORMS: dict[str, Callable[..., bytes]] = {
    "slip": slip_pdf,
    "supplement": supplement_pdf,
    "refusal": refusal_pdf,
    "apology": apology_pdf,
    "stop": stop_pdf,
    "control": control_pdf,
}

# The page size of each form, for the preview and the printer dialog.
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "slip": A5,
    "supplement": A5,
    "refusal": A5,
    "apology": A5,
    "stop": A5,
    "control": A4,
}
