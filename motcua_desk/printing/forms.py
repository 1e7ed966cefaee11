"""The forms of one dossier (TT 03/2025 numbering): Mẫu 01 receipt and appointment slip,
02 supplement request, 03 refusal, 04 apology and new date, 05 stop notice (all A5, with the
Code128 barcode of the dossier code) and 06 the handoff control sheet (A4 portrait: it holds
one block of signatures per step and travels with the paper dossier).

Each function takes DTOs and returns PDF bytes; nothing here reads the database or the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
from motcua_desk.domain.dto import (
    FORM_TITLES_VI,
    RETURN_METHODS_VI,
    AgencyInfo,
    DossierDetail,
    DossierView,
    EventView,
    StepView,
)
from motcua_desk.domain.errors import DomainError
from motcua_desk.domain.forms import form_problem as _problem
from motcua_desk.printing import fonts
from motcua_desk.printing.layout import (
    Gap,
    GroupStart,
    Marks,
    P,
    PageBook,
    Styles,
    build_pdf,
    clean,
    esc,
    grid_style,
    label_value,
    make_styles,
    national_header,
    paged_canvas,
    short_moment,
    signature_blocks,
    stack_height,
    two,
    vn_date,
    vn_moment,
)
from motcua_desk.printing.symbols import (
    Code128,
    QRCode,
    choose_module,
    code128_pattern,
)

A5_MARGINS = (11 * mm, 12 * mm, 9 * mm, 12 * mm)  # top, right, bottom, left
A4_MARGINS = (14 * mm, 15 * mm, 14 * mm, 20 * mm)
SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5)  # body sizes tried for the slip, largest first
SINGLE_SIZES = (11.0, 10.5, *SIZES)  # one-copy forms usually have room to spare

FORM_TITLES: dict[str, str] = FORM_TITLES_VI  # the forms' names, kept in the domain

SLIP_COPIES = ("Liên 1: Lưu kèm Phiếu kiểm soát", "Liên 2: Giao người nộp hồ sơ")
DESK_UNIT = "Bộ phận Một cửa"


class FormNotApplicable(DomainError):
    """The dossier's history has nothing for this form (a refusal slip for a dossier never
    refused, an apology for one never extended)."""

    code = "form_not_applicable"


# --- what each form needs -------------------------------------------------------------------


def _applied(detail: DossierDetail) -> list[EventView]:
    """The events that took effect, in order (conflict losers left out)."""
    lost = {c.event_id for c in detail.conflicts}
    return [e for e in detail.events if e.id not in lost]


def _last(detail: DossierDetail, *types: str) -> EventView | None:
    found = None
    for e in _applied(detail):
        if e.type in types:
            found = e
    return found


def _first(detail: DossierDetail, *types: str) -> EventView | None:
    for e in _applied(detail):
        if e.type in types:
            return e
    return None


def check_form(form: str, detail: DossierDetail) -> None:
    """Raise FormNotApplicable when the dossier's state does not call for this form."""
    problem = _problem(form, detail)
    if problem:
        raise FormNotApplicable(problem, form=form, dossier=detail.dossier.code)


# --- shared pieces ---------------------------------------------------------------------------


def _frame(pagesize, margins) -> tuple[float, float]:
    top, right, bottom, left = margins
    return pagesize[0] - left - right, pagesize[1] - top - bottom


def _code_block(
    code: str, st: Styles, width: float, *, qr: bool = False, bar_height: float | None = None
) -> list[Flowable]:
    """ "Mã hồ sơ: …" and the barcode row under it: the Code128 (its human-readable line is
    the one above) and, when asked, the QR code at the right end of the row.

    On an A5 slip that puts the QR in the top right quarter of the page, more than 40 mm
    from the half fold (y = 105 mm) and from the quarter fold (x = 74 mm): the Code128
    cannot stay clear of the quarter fold (see symbols.py), the QR does."""
    out: list[Flowable] = [P(f"Mã hồ sơ: <b>{esc(code)}</b>", st.center)]
    kw = {"bar_height": bar_height} if bar_height else {}
    if qr:
        qr_size = QRCode(code).size
        bar_room = width - qr_size - 2 * mm
        module = choose_module(len(code128_pattern(code)), bar_room)
        bar = Code128(code, module=module, show_text=False, **kw)
        t = Table([[bar, QRCode(code)]], colWidths=[width - qr_size, qr_size])
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 0), (0, 0), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(t)
    else:
        module = choose_module(len(code128_pattern(code)), width)
        bar = Code128(code, module=module, show_text=False, **kw)
        bar.hAlign = "CENTER"
        out.append(bar)
    out[-1].spaceBefore = 1.2 * mm  # the bars do not touch the line above
    return out


def _documents_table(lines: Sequence[tuple[str, str, int]], st: Styles, width: float) -> Table:
    """STT · tên giấy tờ · hình thức · số lượng."""
    w_no, w_form, w_count = 8.5 * mm, 30 * mm, 13 * mm
    w_name = width - w_no - w_form - w_count
    rows: list[list] = [
        [
            P("STT", st.cell_h),
            P("Tên giấy tờ", st.cell_h),
            P("Hình thức", st.cell_h),
            P("Số lượng", st.cell_h),
        ]
    ]
    for i, (name, form, count) in enumerate(lines, start=1):
        rows.append(
            [
                P(str(i), st.cell_c),
                P(esc(name), st.cell),
                P(esc(form), st.cell_c),
                P(two(count), st.cell_c),
            ]
        )
    if len(rows) == 1:
        rows.append([P("", st.cell_c), P("……………………", st.cell), P("", st.cell_c), P("", st.cell_c)])
    t = Table(rows, colWidths=[w_no, w_name, w_form, w_count], repeatRows=1)
    t.setStyle(grid_style(pad=st.size * 0.22))
    return t


def _fit(
    build: Callable[[Styles], list[Flowable]],
    width: float,
    height: float,
    sizes: Sequence[float] = SINGLE_SIZES,
) -> tuple[list[Flowable], Styles]:
    """The story at the largest body size whose height fits one frame (A5 forms stay one page
    per copy), and its styles; the smallest size when nothing fits (the flow then goes on to a
    second page rather than cut anything off)."""
    story: list[Flowable] = []
    st = make_styles(sizes[-1])
    for size in sizes:
        st = make_styles(size)
        story = build(st)
        if stack_height(story, width, height) <= height - 0.5:
            break
    return story, st


def _sign_gap(st: Styles) -> float:
    """Room for a signature: 13 mm at the normal size, never below 9 mm."""
    return min(16 * mm, max(9 * mm, 13 * mm * st.size / SIZES[0]))


def _render(
    stories: list[list[Flowable]],
    *,
    pagesize,
    margins,
    moment,
    agency: AgencyInfo,
    reprint: int,
    title: str,
    code: str,
    labels: Sequence[str] = (),
) -> bytes:
    """The stories one after another, each from a new page. A story that runs over one page
    numbers its pages in the footer ("Mã hồ sơ … – Trang x/y"), so a continuation sheet that
    comes loose still says which dossier, which copy and where it belongs."""
    book = PageBook()
    flow: list[Flowable] = []
    for i, story in enumerate(stories):
        if i:
            flow.append(PageBreak())
        flow.append(GroupStart(str(i), book))
        flow.extend(story)
    top, right, bottom, left = margins

    def footer(canvas, page: int, pages: int, _rows: int, group: str) -> None:
        if pages < 2:
            return
        label = labels[int(group)] if group.isdigit() and int(group) < len(labels) else ""
        text = f"Mã hồ sơ: {clean(code)}" + (f" – {label}" if label else "")
        canvas.saveState()
        canvas.setFont(fonts.ITALIC, 8)
        y = max(5.5 * mm, bottom / 2 - 3)  # marks stay 5 mm inside the edge
        canvas.drawString(left, y, text)
        canvas.drawRightString(pagesize[0] - right, y, f"Trang {page}/{pages}")
        canvas.restoreState()

    return build_pdf(
        flow,
        pagesize=pagesize,
        margins=margins,
        moment=moment,
        marks=Marks(reprint=max(0, int(reprint)), demo=bool(agency.demo)),
        title=f"{title} – {code}",
        author=agency.agency_name,
        subject=code,
        canvasmaker=paged_canvas(book, footer),
    )


def _parse_moment(value: object, like: datetime | None) -> datetime | None:
    """An ISO moment from an event payload, in the office time zone of `like`."""
    if not value:
        return None
    try:
        m = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if like is not None and like.tzinfo is not None and m.tzinfo is not None:
        m = m.astimezone(like.tzinfo)
    return m


def _phone_email(d: DossierView, st: Styles) -> Flowable:
    phone = esc(d.phone) or "……………"
    email = esc(d.email) or "……………"
    return P(f"Số điện thoại: {phone}&nbsp;&nbsp;&nbsp;&nbsp;Email: {email}", st.body)


def _gap(st: Styles, factor: float = 1.0) -> Spacer:
    return Spacer(1, st.space * factor)


# --- Mẫu 01 ----------------------------------------------------------------------------------


def _slip_receipt(detail: DossierDetail) -> datetime | None:
    """When the complete dossier was received: the intake, or the last resubmission (the clock
    restarted then)."""
    again = _last(detail, "resubmitted")
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
    width, height = _frame(A5, A5_MARGINS)
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
                national_header(agency, received, st, width),
                _gap(st, 1.6),
                P("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", st.title),
                _copy_label(copy_label, st),
                *_code_block(d.code, st, width, qr=qr),
                _gap(st),
                P(f"<b>{esc(agency.agency_name)}</b> tiếp nhận hồ sơ của:", st.body_j),
                label_value("Ông/Bà:", d.applicant_name, st.body, bold=True),
                label_value("Địa chỉ:", d.address, st.body_j),
                _phone_email(d, st),
                label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
                _gap(st, 0.5),
                P("1. Thành phần hồ sơ nộp gồm:", st.body),
                _documents_table(docs, st, width),
                _gap(st, 0.5),
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
                _gap(st),
                signature_blocks(
                    [
                        ("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", d.applicant_name),
                        ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", officer),
                    ],
                    st,
                    width,
                    gap=_sign_gap(st),
                ),
            ]
            return [*out, KeepTogether(tail)]

        return story

    first, st = _fit(build(SLIP_COPIES[0]), width, height, SIZES)
    # Each copy gets flowables of its own, built at the size chosen for the first: reportlab
    # splits and moves flowables while it lays them out, so one shared between the copies
    # breaks as soon as the copy runs over a page.
    stories = [first, *(build(label)(st) for label in SLIP_COPIES[1:])]
    return _render(
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
    ev = _last(detail, "supplement_requested")
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
    width, height = _frame(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        out: list[Flowable] = [
            national_header(agency, ev.occurred_at, st, width),
            _gap(st, 1.6),
            P("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", st.title),
            *_code_block(d.code, st, width),
            _gap(st),
            label_value("Hồ sơ của:", d.applicant_name, st.body, bold=True),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            label_value("Địa chỉ:", d.address, st.body_j),
            _phone_email(d, st),
        ]
        if by and by != "desk":
            out.append(label_value("Đơn vị yêu cầu bổ sung:", by, st.body_j))
        out += [
            _gap(st, 0.5),
            P("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", st.body),
            _documents_table(items, st, width),
            _gap(st, 0.5),
            label_value("Lý do:", info.get("reason", ""), st.body_j),
            P(
                "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
                f"<b>{esc(contact) or '……………'}</b>, số điện thoại "
                f"<b>{esc(phone) or '……………'}</b> để được hướng dẫn.",
                st.body_j,
            ),
            _gap(st),
            signature_blocks(
                [("", "", ""), ("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", contact)],
                st,
                width,
                gap=_sign_gap(st),
            ),
        ]
        return out

    return _render(
        [_fit(story, width, height)[0]],
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
    ev = _last(detail, "refused_at_intake", "refused_after_appraisal")
    assert ev is not None
    reason = clean(ev.payload.get("reason")) or clean(d.closing_reason)
    after = ev.type == "refused_after_appraisal"
    officer = clean(ev.officer) or clean(agency.officer)
    width, height = _frame(A5, A5_MARGINS)

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
            national_header(agency, ev.occurred_at, st, width),
            _gap(st, 1.6),
            P("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", st.title),
            *_code_block(d.code, st, width),
            _gap(st),
            P(f"<b>{esc(agency.agency_name)}</b> tiếp nhận hồ sơ của:", st.body_j),
            label_value("Ông/Bà:", d.applicant_name, st.body, bold=True),
            label_value("Địa chỉ:", d.address, st.body_j),
            _phone_email(d, st),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            P(f"Thời gian nhận hồ sơ: {vn_moment(d.received_at)}", st.body),
            _gap(st, 0.5),
            P(why, st.body_j),
            P(f"<b>{esc(reason)}</b>", st.indent),
            _gap(st, 0.5),
            P("Xin thông báo để Ông/Bà được biết và thực hiện./.", st.body),
            _gap(st),
            signature_blocks(
                [("", "", ""), ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", officer)],
                st,
                width,
                gap=_sign_gap(st),
            ),
        ]

    return _render(
        [_fit(story, width, height)[0]],
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
    ev = _first(detail, "extended")
    assert ev is not None
    old = _parse_moment(ev.payload.get("previous_due_at"), d.received_at) or d.original_due_at
    new = _parse_moment(ev.payload.get("new_due_at"), d.received_at) or d.due_at
    reason = clean(ev.payload.get("reason")) or clean(d.extension_reason)
    unit = esc(agency.agency_name)
    width, height = _frame(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        received = vn_date(d.received_at) if d.received_at else "ngày …… tháng …… năm ……"
        return [
            national_header(agency, ev.occurred_at, st, width),
            _gap(st, 1.6),
            P("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", st.title),
            *_code_block(d.code, st, width),
            _gap(st),
            P(f"Kính gửi: Ông/Bà <b>{esc(d.applicant_name)}</b>", st.center),
            label_value("Địa chỉ:", d.address, st.body_j),
            _gap(st, 0.5),
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
            _gap(st),
            _apology_footer(st, width),
        ]

    return _render(
        [_fit(story, width, height)[0]],
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
        gap=_sign_gap(st),
    )
    t = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


# --- Mẫu 05 ----------------------------------------------------------------------------------


def stop_pdf(detail: DossierDetail, agency: AgencyInfo, *, reprint: int = 0) -> bytes:
    """Mẫu 05 THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ (at the applicant's request, NĐ 118/2025), A5."""
    check_form("stop", detail)
    fonts.register_fonts()
    d = detail.dossier
    ev = _last(detail, "stopped")
    assert ev is not None
    reason = clean(ev.payload.get("reason")) or clean(d.closing_reason)
    officer = clean(ev.officer) or clean(agency.officer)
    unit = esc(agency.agency_name)
    width, height = _frame(A5, A5_MARGINS)

    def story(st: Styles) -> list[Flowable]:
        received = vn_date(d.received_at) if d.received_at else "ngày …… tháng …… năm ……"
        return [
            national_header(agency, ev.occurred_at, st, width),
            _gap(st, 1.6),
            P("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", st.title),
            *_code_block(d.code, st, width),
            _gap(st),
            P(f"Kính gửi: Ông/Bà <b>{esc(d.applicant_name)}</b>", st.center),
            label_value("Địa chỉ:", d.address, st.body_j),
            _phone_email(d, st),
            _gap(st, 0.5),
            P(
                f"{received[0].upper()}{received[1:]}, <b>{unit}</b> đã tiếp nhận hồ sơ của "
                "Ông/Bà.",
                st.body_j,
            ),
            label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j, bold=True),
            P(f"Thời gian nhận hồ sơ: {vn_moment(d.received_at)}", st.body),
            P(f"Thời gian Ông/Bà yêu cầu dừng giải quyết: {vn_moment(ev.occurred_at)}", st.body),
            label_value("Lý do:", reason, st.body_j, bold=True),
            _gap(st, 0.5),
            P(
                f"Theo yêu cầu của Ông/Bà, {unit} thông báo dừng giải quyết hồ sơ nêu trên. "
                "Ông/Bà liên hệ Bộ phận Một cửa để nhận lại hồ sơ đã nộp (nếu có)./.",
                st.body_j,
            ),
            _gap(st),
            signature_blocks(
                [
                    ("NGƯỜI YÊU CẦU", "(Ký và ghi rõ họ tên)", d.applicant_name),
                    ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", officer),
                ],
                st,
                width,
                gap=_sign_gap(st),
            ),
        ]

    return _render(
        [_fit(story, width, height)[0]],
        pagesize=A5,
        margins=A5_MARGINS,
        moment=ev.occurred_at,
        agency=agency,
        reprint=reprint,
        title="Thông báo dừng giải quyết hồ sơ",
        code=d.code,
    )


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
    width, _ = _frame(A4, A4_MARGINS)
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
        national_header(agency, d.received_at, st, width, left_share=0.45),
        _gap(st, 1.6),
        P("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", st.title),
        P("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)", st.subtitle),
        *_code_block(d.code, st, width),
        _gap(st),
        label_value("Người nộp hồ sơ (chủ hồ sơ):", d.applicant_name, st.body, bold=True),
        label_value("Nội dung yêu cầu giải quyết:", d.procedure_name, st.body_j),
        P(f"Thời gian nhận hồ sơ: {vn_moment(d.received_at)}", st.body),
        P(due_line, st.body),
        label_value("Cơ quan (bộ phận) giải quyết hồ sơ:", d.department, st.body_j),
        label_value("Cơ quan phối hợp giải quyết hồ sơ:", "; ".join(units), st.body_j),
        _gap(st),
        _control_table(d, steps, _planned_route(detail), st, width),
    ]
    return _render(
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
