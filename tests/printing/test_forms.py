"""The forms of one dossier, rendered from real dossiers and read back with real tools:
page size (pypdf), barcode (pypdfium2 raster at 300 dpi, zxing-cpp), text (pypdf)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import unicodedata
from datetime import datetime

import pytest

from motcua_desk import printing
from motcua_desk.domain.dto import DocumentLine
from motcua_desk.printing import FormNotApplicable
from tests.helpers import local
from tests.printing import pdfcheck as pc
from tests.printing.conftest import ADDRESS, ALL_FORMS, EMAIL, NAME, PHONE, TP, doc

HEADER = [
    "UBND XÃ VI HƯƠNG",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]


def check_pages(data: bytes, code: str, size=pc.A5, pages: int | None = None) -> list[str]:
    """Every page: the expected size, the Code128 symbol decoding to the dossier code, NFC
    text carrying the header. Returns the pages' text."""
    sizes = pc.page_sizes(data)
    if pages is not None:
        assert len(sizes) == pages
    assert all(s == size for s in sizes), sizes
    assert pc.image_count(data) == 0  # bars are vector rectangles, not a picture
    texts = pc.texts(data)
    for i, text in enumerate(texts):
        assert pc.code128(data, i) == [code], f"page {i + 1}"
        pc.assert_nfc(text)
        pc.assert_contains(text, *HEADER, code)
    return texts


# --- Mẫu 01 ----------------------------------------------------------------------------------


def test_slip_has_two_a5_copies_each_with_a_scannable_barcode_and_every_field(
    services, intake, agency
):
    d = intake(id_number="012345678901")
    detail = services.dossiers.show(d.code)
    data = printing.slip_pdf(detail, agency)
    first, second = check_pages(data, d.code, pages=2)
    docs = [x for x in d.documents if x.checked]
    assert len(docs) >= 3
    for text in (first, second):
        pc.assert_contains(
            text,
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "Vi Hương, ngày 23 tháng 11 năm 2026",
            f"Mã hồ sơ: {d.code}",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG tiếp nhận hồ sơ",
            f"Ông/Bà: {NAME}",
            f"Địa chỉ: {ADDRESS}",
            f"Số điện thoại: {PHONE}",
            f"Email: {EMAIL}",
            f"Nội dung yêu cầu giải quyết: {d.procedure_name}",
            "1. Thành phần hồ sơ nộp gồm:",
            "STT",
            "Tên giấy tờ",
            "Hình thức",
            "Số lượng",
            *[x.name for x in docs],
            *{x.form_label for x in docs},
            "2. Số lượng hồ sơ: 01 (bộ)",
            f"3. Thời gian giải quyết hồ sơ theo quy định là: {d.time_label}",
            "4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23 tháng 11 năm 2026",
            # Tue 24/11/2026 is a holiday (Ngày Văn hóa Việt Nam): due Friday 09:00
            "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 27 tháng 11 năm 2026",
            d.due_explanation,
            f"6. Đăng ký nhận kết quả tại: {d.result_place}",
            f"Phí, lệ phí: {d.fee_text}",
            "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 01",
            "NGƯỜI NỘP HỒ SƠ",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "(Ký và ghi rõ họ tên)",
            "Nông Thị Thư",
        )
    assert d.due_explanation  # the one-line explanation is there to print
    pc.assert_contains(first, "Liên 1: Lưu kèm Phiếu kiểm soát")
    pc.assert_contains(second, "Liên 2: Giao người nộp hồ sơ")
    assert "Liên 2" not in first and "Liên 1" not in second
    assert "BẢN IN LẠI" not in first + second and "BẢN DÙNG THỬ" not in first + second


def test_slip_prints_nfc_whatever_the_keyboard_typed(services, intake, agency):
    nfd_name = unicodedata.normalize("NFD", NAME)
    nfd_address = unicodedata.normalize("NFD", ADDRESS)
    assert nfd_name != NAME
    d = intake(name=nfd_name, address=nfd_address)
    detail = services.dossiers.show(d.code)
    # a DTO that reaches the printer still decomposed (another caller) prints NFC too
    raw = dataclasses.replace(
        detail,
        dossier=dataclasses.replace(detail.dossier, applicant_name=nfd_name, address=nfd_address),
    )
    for det in (detail, raw):
        for text in check_pages(printing.slip_pdf(det, agency), d.code, pages=2):
            pc.assert_contains(text, f"Ông/Bà: {NAME}", f"Địa chỉ: {ADDRESS}")
            assert nfd_name not in text


def test_slip_carries_both_symbols_unless_the_qr_is_turned_off(services, intake, agency):
    # the QR is on by default (issue 9: it is the symbol that survives a slip folded in
    # quarters, see test_degradation.py); the desk's print_qr setting can turn it off
    d = intake()
    data = printing.slip_pdf(services.dossiers.show(d.code), agency)
    for page in range(2):
        found = {(s.format, s.text) for s in pc.symbols(data, page)}
        assert found == {("Code 128", d.code), ("QR Code", d.code)}
    plain = printing.slip_pdf(services.dossiers.show(d.code), agency, qr=False)
    assert [s.format for s in pc.symbols(plain, 0)] == ["Code 128"]


def test_slip_stays_one_page_per_copy_with_eight_documents_and_long_name_and_address(
    services, intake, agency
):
    name = (
        "Công Tằng Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc Trâm Anh Đặng Lê "
        "Khánh Linh Huỳnh Thị Mỹ Duyên"
    )[:100]
    address = (
        "Số nhà 123, ngõ 45, ngách 67, hẻm 89, đường Nguyễn Thị Minh Khai kéo dài, "
        "tổ dân phố số 12, khu phố Đông Hưng Thuận, Thôn Địa Cát, xã Vi Hương, tỉnh "
        "Tuyên Quang, gần chợ trung tâm, đối diện trường tiểu học, cạnh trạm y tế xã, "
        "sau nhà văn hóa thôn, rẽ trái ở cây đa đầu làng rồi đi thẳng khoảng hai trăm "
        "mét, nhà có cổng sắt sơn xanh lá"
    )[:300]
    assert len(name) == 100 and len(address) == 300
    docs = [
        DocumentLine(
            f"Giấy tờ số {i}: bản sao giấy tờ chứng minh nhân thân, quan hệ gia đình và nơi cư trú "
            f"hợp pháp của người yêu cầu và các thành viên có liên quan (mục {i})",
            ["original", "certified_copy", "copy", "presented"][i % 4],
            "",
            i % 3 + 1,
        )
        for i in range(1, 9)
    ]
    d = intake(
        name=name, address=address, documents=docs, email="rat.dai.ten.email@example.vn", sets=2
    )
    data = printing.slip_pdf(services.dossiers.show(d.code), agency, reprint=3, qr=True)
    texts = check_pages(data, d.code, pages=2)
    for text in texts:
        pc.assert_contains(
            text,
            name,
            address,
            *[x.name for x in docs],
            "Nông Thị Thư",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "Số thứ tự: 01",
            "BẢN IN LẠI – LẦN 3",
        )


def test_a_slip_too_long_for_one_page_flows_on_and_loses_nothing(services, intake, agency):
    docs = [
        DocumentLine(f"Tài liệu kèm theo thứ {i} " + "rất dài " * 25, "copy", "", 1)
        for i in range(1, 21)
    ]
    d = intake(documents=docs)
    data = printing.slip_pdf(services.dossiers.show(d.code), agency)
    assert pc.page_count(data) > 2
    whole = pc.flat(" ".join(pc.texts(data)))
    for x in docs:
        assert whole.count(pc.flat(x.name)) == 2  # once per copy
    assert whole.count("Liên 1: Lưu kèm Phiếu kiểm soát") == 1
    assert whole.count("Liên 2: Giao người nộp hồ sơ") == 1
    assert pc.code128(data, 0) == [d.code]


def test_extended_dossier_slip_keeps_the_appointment_and_notes_the_new_date(for_form, agency):
    detail = for_form("apology")
    [text, _] = check_pages(printing.slip_pdf(detail, agency), detail.dossier.code, pages=2)
    pc.assert_contains(
        text,
        "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 27 tháng 11 năm 2026",
        "Đã hẹn lại ngày trả kết quả: 17 giờ 00 phút, ngày 02 tháng 12 năm 2026",
    )


# --- Mẫu 02–06 -------------------------------------------------------------------------------


def test_supplement_request(for_form, agency):
    detail = for_form("supplement")
    d = detail.dossier
    [text] = check_pages(printing.supplement_pdf(detail, agency), d.code, pages=1)
    pc.assert_contains(
        text,
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Vi Hương, ngày 25 tháng 11 năm 2026",
        f"Hồ sơ của: {NAME}",
        f"Nội dung yêu cầu giải quyết: {d.procedure_name}",
        f"Địa chỉ: {ADDRESS}",
        f"Số điện thoại: {PHONE}",
        f"Email: {EMAIL}",
        "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
        "Giấy xác nhận thông tin về cư trú",
        "Bản chính",
        "Trích lục ghi chú ly hôn",
        "Bản sao chứng thực",
        "02",
        "Lý do: Thiếu Giấy xác nhận nơi cư trú",
        "liên hệ với Lý Văn Bình, số điện thoại 0987654321",
        "NGƯỜI HƯỚNG DẪN",
    )


def test_refusal_at_intake(for_form, agency):
    detail = for_form("refusal")
    d = detail.dossier
    [text] = check_pages(printing.refusal_pdf(detail, agency), d.code, pages=1)
    pc.assert_contains(
        text,
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Vi Hương, ngày 24 tháng 11 năm 2026",
        f"Ông/Bà: {NAME}",
        f"Địa chỉ: {ADDRESS}",
        f"Số điện thoại: {PHONE}",
        f"Nội dung yêu cầu giải quyết: {d.procedure_name}",
        "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23 tháng 11 năm 2026",
        "Yêu cầu không thuộc thẩm quyền giải quyết của xã",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Nông Thị Thư",
    )
    assert d.legal_basis, "the procedure's legal basis is snapshotted at intake"
    pc.assert_contains(text, "Căn cứ quy định tại", *d.legal_basis)


def test_refusal_after_appraisal_names_the_department(services, clock, intake, agency):
    d = intake()
    services.dossiers.handoff([d.code], TP, receiver="Lý Văn Nhận")
    clock.advance(hours=2)
    services.dossiers.refuse(d.code, "Hồ sơ không đủ điều kiện theo Điều 22 Luật Hộ tịch")
    detail = services.dossiers.show(d.code)
    assert detail.dossier.status == "rejected"
    [text] = check_pages(printing.refusal_pdf(detail, agency), d.code, pages=1)
    pc.assert_contains(
        text, f"Sau khi thẩm định, {TP}", "Hồ sơ không đủ điều kiện theo Điều 22 Luật Hộ tịch"
    )


def test_apology_and_new_date(for_form, agency):
    detail = for_form("apology")
    d = detail.dossier
    [text] = check_pages(printing.apology_pdf(detail, agency), d.code, pages=1)
    pc.assert_contains(
        text,
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Vi Hương, ngày 25 tháng 11 năm 2026",
        f"Kính gửi: Ông/Bà {NAME}",
        "Ngày 23 tháng 11 năm 2026, TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG tiếp nhận",
        f"Nội dung yêu cầu giải quyết: {d.procedure_name}",
        "09 giờ 00 phút, ngày 27 tháng 11 năm 2026",
        "Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây",
        "xin lỗi Ông/Bà",
        "17 giờ 00 phút, ngày 02 tháng 12 năm 2026",
        "Nơi nhận:",
        "THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT",
    )


def test_stop_notice(for_form, agency):
    detail = for_form("stop")
    d = detail.dossier
    [text] = check_pages(printing.stop_pdf(detail, agency), d.code, pages=1)
    pc.assert_contains(
        text,
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Vi Hương, ngày 23 tháng 11 năm 2026",
        f"Kính gửi: Ông/Bà {NAME}",
        f"Địa chỉ: {ADDRESS}",
        f"Nội dung yêu cầu giải quyết: {d.procedure_name}",
        "Thời gian Ông/Bà yêu cầu dừng giải quyết: 14 giờ 45 phút, ngày 23 tháng 11 năm 2026",
        "Lý do: Người nộp đề nghị rút hồ sơ để bổ sung thông tin",
        "thông báo dừng giải quyết",
        "NGƯỜI YÊU CẦU",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    )


def test_control_sheet_has_one_block_per_step_with_timing(services, clock, intake, agency):
    d = intake()
    clock.advance(minutes=30)
    services.dossiers.handoff([d.code], TP, receiver="Lý Văn Bình")
    clock.set(datetime(2026, 11, 26, 10, 0))
    services.dossiers.receive_result([d.code], giver="Lý Văn Bình")
    clock.set(datetime(2026, 11, 30, 8, 0))  # after the due moment (Fri 27/11 09:00): late
    services.dossiers.return_result(d.code, NAME, "counter")
    detail = services.dossiers.show(d.code)
    assert [s.timing_label for s in detail.steps] == ["Đúng hạn", "Trước hạn", "Quá hạn"]
    [text] = check_pages(printing.control_pdf(detail, agency), d.code, size=pc.A4, pages=1)
    pc.assert_contains(
        text,
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"Người nộp hồ sơ (chủ hồ sơ): {NAME}",
        f"Nội dung yêu cầu giải quyết: {d.procedure_name}",
        "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23 tháng 11 năm 2026",
        "Thời gian trả kết quả: 09 giờ 00 phút, ngày 27 tháng 11 năm 2026",
        f"Cơ quan (bộ phận) giải quyết hồ sơ: {TP}",
        "TÊN CƠ QUAN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "GHI CHÚ",
        f"1. Giao: Bộ phận Một cửa 2. Nhận: {TP}",
        "09 giờ 30 phút, ngày 23 tháng 11 năm 2026",
        f"1. Giao: {TP} 2. Nhận: Bộ phận Một cửa",
        "10 giờ 00 phút, ngày 26 tháng 11 năm 2026",
        f"1. Giao: Bộ phận Một cửa 2. Nhận: {NAME}",
        "08 giờ 00 phút, ngày 30 tháng 11 năm 2026",
        "Đúng hạn",
        "Trước hạn",
        "Quá hạn",
        "Người giao",
        "Người nhận",
        "Lý Văn Bình",
        "Trả kết quả: Trực tiếp",
    )
    assert pc.flat(text).count("Người giao") == 3  # three blocks, nothing planned any more


def test_control_sheet_printed_at_intake_has_blank_blocks_for_the_route(services, intake, agency):
    d = intake()
    [text] = check_pages(
        printing.control_pdf(services.dossiers.show(d.code), agency), d.code, size=pc.A4, pages=1
    )
    pc.assert_contains(
        text,
        f"1. Giao: Bộ phận Một cửa 2. Nhận: {TP}",
        f"1. Giao: {TP} 2. Nhận: Bộ phận Một cửa",
        f"1. Giao: Bộ phận Một cửa 2. Nhận: Ông/Bà {NAME}",
    )
    assert pc.flat(text).count("… giờ … phút, ngày … tháng … năm …") == 3


# --- marks, determinism, state -----------------------------------------------------------------


@pytest.mark.parametrize("form", ALL_FORMS)
def test_reprint_mark_only_on_reprints_and_demo_mark_only_for_demo_agencies(for_form, agency, form):
    detail = for_form(form)
    render = printing.FORMS[form]
    first = pc.texts(render(detail, agency))
    again = pc.texts(render(detail, agency, reprint=2))
    demo = pc.texts(render(detail, dataclasses.replace(agency, demo=True), reprint=1))
    for text in first:
        assert "BẢN IN LẠI" not in text and "BẢN DÙNG THỬ" not in text
    for text in again:
        assert "BẢN IN LẠI – LẦN 2" in text and "BẢN DÙNG THỬ" not in text
    for text in demo:
        assert "BẢN DÙNG THỬ" in text and "BẢN IN LẠI – LẦN 1" in text
    size = pc.A4 if form == "control" else pc.A5
    check_pages(
        render(detail, dataclasses.replace(agency, demo=True), reprint=1),
        detail.dossier.code,
        size=size,
    )  # the watermark does not spoil the barcode


@pytest.mark.parametrize("form", ALL_FORMS)
def test_forms_are_deterministic_and_dated_from_the_dossier(for_form, agency, clock, form):
    detail = for_form(form)
    render = printing.FORMS[form]
    a = render(detail, agency)
    clock.advance(days=3)  # the clock plays no part
    assert render(detail, agency) == a
    assert render(detail, agency, reprint=1) != a
    info = pc.reader(a).metadata
    created = info.creation_date
    expected = {
        "slip": local(2026, 11, 23, 9, 0),
        "supplement": local(2026, 11, 25, 10, 15),
        "refusal": local(2026, 11, 24, 8, 5),
        "apology": local(2026, 11, 25, 16, 30),
        "stop": local(2026, 11, 23, 14, 45),
        "control": local(2026, 11, 23, 9, 0),
    }[form]
    assert created == expected
    assert detail.dossier.code in info.title


@pytest.mark.parametrize("form", ["supplement", "refusal", "apology", "stop"])
def test_a_form_the_history_does_not_call_for_is_refused(services, intake, agency, form):
    detail = services.dossiers.show(intake().code)
    with pytest.raises(FormNotApplicable, match=detail.dossier.code):
        printing.check_form(form, detail)
    with pytest.raises(FormNotApplicable):
        printing.FORMS[form](detail, agency)


def test_no_receipt_slip_for_refused_stopped_or_incomplete_dossiers(for_form, services, intake):
    for form in ("refusal", "stop"):
        with pytest.raises(FormNotApplicable):
            printing.check_form("slip", for_form(form))
    d = intake()
    services.dossiers.request_supplement(d.code, "Thiếu tờ khai", [doc("Tờ khai")])
    with pytest.raises(FormNotApplicable, match="Mẫu 02"):
        printing.check_form("slip", services.dossiers.show(d.code))
    with pytest.raises(FormNotApplicable, match="unknown form"):
        printing.check_form("receipt", services.dossiers.show(d.code))


def test_form_titles_name_every_form():
    assert set(printing.FORMS) == set(printing.FORM_TITLES) == set(ALL_FORMS)
    assert all("Mẫu 0" in t for t in printing.FORM_TITLES.values())


# --- the layer's boundaries ------------------------------------------------------------------


def test_fonts_register_once_and_ship_as_files():
    assert set(printing.FONT_FILES) == {"regular", "bold", "italic", "bold_italic"}
    assert all(p.is_file() and p.suffix == ".ttf" for p in printing.FONT_FILES.values())
    assert (
        next(iter(printing.FONT_FILES.values())).parent / "LICENSE-LiberationFonts.txt"
    ).is_file()
    printing.register_fonts()
    printing.register_fonts()


def test_printing_imports_no_store_services_or_qt():
    code = (
        "import sys, motcua_desk.printing; "
        "print(sorted(m for m in sys.modules if m.startswith(('motcua_desk.store', "
        "'motcua_desk.services', 'motcua_desk.ui', 'PySide6', 'sqlalchemy'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_markup_characters_print_literally(services, intake, agency):
    docs = [DocumentLine("Hợp đồng <mua bán> & tặng cho nhà ở", "original", "", 1)]
    d = intake(address="Số 5 <ngõ 7> & 9, Thôn Địa Cát", documents=docs)
    [text, _] = check_pages(
        printing.slip_pdf(services.dossiers.show(d.code), agency), d.code, pages=2
    )
    pc.assert_contains(
        text, "Hợp đồng <mua bán> & tặng cho nhà ở", "Địa chỉ: Số 5 <ngõ 7> & 9, Thôn Địa Cát"
    )


def test_slip_after_resubmission_gives_the_new_receipt_and_due_moment(
    services, clock, intake, agency
):
    d = intake()
    services.dossiers.request_supplement(d.code, "Thiếu tờ khai", [doc("Tờ khai")])
    clock.set(datetime(2026, 11, 30, 14, 0))
    again = services.dossiers.resubmit(d.code)
    assert again.dossier.due_at > d.due_at
    [text, _] = check_pages(printing.slip_pdf(again, agency), d.code, pages=2)
    pc.assert_contains(
        text,
        "Vi Hương, ngày 30 tháng 11 năm 2026",
        "4. Thời gian nhận hồ sơ: 14 giờ 00 phút, ngày 30 tháng 11 năm 2026",
        f"giải quyết hồ sơ: {again.dossier.due_at:%H} giờ {again.dossier.due_at:%M} phút",
    )
