"""Mẫu 07 (the tracking ledger) and the daily handoff list, from real dossiers, read back with
pypdf: page size, headers on every page, continuous numbering, rows per page adding up."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta

import pytest

from motcua_desk import printing
from motcua_desk.app import open_services
from motcua_desk.services import IntakeRequest
from tests.helpers import AGENCY, FakeClock
from tests.printing import pdfcheck as pc
from tests.printing.conftest import ADDRESS, NAME, PHONE, TP

LEDGER_COLUMNS = [
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Tên tổ chức, cá nhân",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Trả kết quả",
    "Hình thức trả kết quả",
    "Ký nhận kết quả",
    *[f"({i})" for i in range(1, 12)],
]
ROW_RE = re.compile(r"(?:^|\s)(\d{2,})\s+(" + pc.CODE_RE.pattern + r")")
FOOTER_RE = re.compile(r"Số hồ sơ trong trang: (\d+)")
PAGE_RE = re.compile(r"Trang (\d+)/(\d+)")
LIST_FOOTER_RE = re.compile(
    r"Danh sách bàn giao hồ sơ \d\d/\d\d/\d{4} – (.+?) – (Liên \d: [^S]+?) Số"
)
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hằng",
    "Hoa",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Phương",
    "Quang",
    "Sơn",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
]
PROCS = ["1.004873", "1.001193", "2.000815", "1.004222", "1.000894"]


def rows_of(text: str) -> list[tuple[int, str]]:
    """(STT, code) of each ledger row on a page's text."""
    return [(int(n), code) for n, code in ROW_RE.findall(pc.flat(text))]


# --- a year's desk of 1,200 dossiers, made once for the module -------------------------------


@pytest.fixture(scope="module")
def busy_desk(tmp_path_factory):
    """1,200 dossiers received over 60 days (20 a day), some of them returned."""
    clock = FakeClock()
    clock.set(datetime(2026, 9, 1, 8, 0))
    svc = open_services(tmp_path_factory.mktemp("busy") / "desk.sqlite3", clock=clock)
    svc.settings.init_desk(desk_no=1, **AGENCY)
    codes = []
    for day in range(60):
        clock.set(datetime(2026, 9, 1, 7, 40) + timedelta(days=day))
        for i in range(20):
            clock.advance(minutes=12)
            n = day * 20 + i
            name = f"Nguyễn Thị {GIVEN[n % len(GIVEN)]} Đặng {n}"
            address = (
                ADDRESS
                if n % 7
                else ADDRESS + ", tổ dân phố số 12, khu phố Đông Hưng Thuận, gần chợ trung tâm"
            )
            codes.append(
                svc.dossiers.intake(
                    IntakeRequest(PROCS[n % len(PROCS)], name, address=address, phone=PHONE)
                ).dossier.code
            )
        if day % 10 == 0:  # a few go the whole way, to fill columns (9) and (10)
            done = codes[-3:]
            svc.dossiers.handoff(done, TP, receiver="Lý Văn Nhận", redirect=True)
            clock.advance(hours=2)
            svc.dossiers.receive_result(done)
            for code in done:
                svc.dossiers.return_result(code, NAME)
    yield svc, codes
    svc.close()


def test_ledger_of_1200_dossiers_paginates_with_headers_numbers_and_totals(busy_desk):
    svc, codes = busy_desk
    rows = svc.dossiers.ledger(date(2026, 9, 1), date(2026, 10, 30))
    assert [r.code for r in rows] == codes and len(rows) == 1200
    data = printing.ledger_pdf(rows, svc.settings.agency(), date(2026, 9, 1), date(2026, 10, 30))
    sizes = pc.page_sizes(data)
    pages = len(sizes)
    assert pages > 20 and all(s == pc.A4_LANDSCAPE for s in sizes)
    texts = pc.pdfium_texts(data)  # 60 pages: PDFium reads them in a tenth of pypdf's time
    seen: list[tuple[int, str]] = []
    per_page = []
    for i, text in enumerate(texts, start=1):
        pc.assert_nfc(text)
        pc.assert_contains(text, *LEDGER_COLUMNS)  # column headers repeated on every page
        assert PAGE_RE.findall(text) == [(str(i), str(pages))]
        on_page = rows_of(text)
        [count] = FOOTER_RE.findall(text)
        assert int(count) == len(on_page) > 0  # the page's own count is its rows
        per_page.append(len(on_page))
        seen += on_page
    assert sum(per_page) == 1200
    # numbered continuously, each row whole on exactly one page, in ledger order
    assert [n for n, _ in seen] == list(range(1, 1201))
    assert [c for _, c in seen] == codes
    # pypdf agrees on the first and last pages; a row's cells are all on the page of its
    # number (no row split across pages)
    by_code = {r.code: r for r in rows}
    reread = pc.reader(data)
    for i in (0, 1, pages - 1):
        text = reread.pages[i].extract_text()
        pc.assert_nfc(text)
        assert rows_of(text) == rows_of(texts[i])
        for _, code in rows_of(text):
            r = by_code[code]
            pc.assert_contains(
                text, r.applicant_name, r.address, r.procedure_name, f"{r.received_at:%d/%m/%Y}"
            )
    pc.assert_contains(
        reread.pages[0].extract_text(),
        "SỔ THEO DÕI HỒ SƠ",
        "Quyển số: 01/2026",
        "Từ ngày 01 tháng 9 năm 2026 đến ngày 30 tháng 10 năm 2026",
    )
    pc.assert_contains(
        reread.pages[-1].extract_text(), "Tổng cộng: 1200 hồ sơ (số thứ tự từ 01 đến 1200)"
    )


def test_ledger_columns_carry_each_dossier(busy_desk):
    svc, codes = busy_desk
    rows = svc.dossiers.ledger(date(2026, 9, 1), date(2026, 9, 1))
    assert len(rows) == 20
    data = printing.ledger_pdf(rows, svc.settings.agency(), date(2026, 9, 1), date(2026, 9, 1))
    texts = pc.texts(data)
    text = " ".join(texts)
    returned = [r for r in rows if r.returned_at]
    assert len(returned) == 3
    r = returned[0]
    pc.assert_contains(
        text,
        "Trong ngày 01 tháng 9 năm 2026",
        r.code,
        r.procedure_name,
        r.applicant_name,
        r.address,
        f"ĐT: {PHONE}",
        r.department,
        f"{r.received_at:%d/%m/%Y %H:%M}",
        f"{r.due_at:%d/%m/%Y %H:%M}",
        f"{r.returned_at:%d/%m/%Y %H:%M}",
        "Trực tiếp",
        f"Trang 1/{len(texts)}",
        "Tổng cộng: 20 hồ sơ",
    )
    assert sum(int(n) for n in FOOTER_RE.findall(text)) == 20


def test_empty_ledger_says_so(services, agency):
    data = printing.ledger_pdf([], agency, date(2026, 1, 1), date(2026, 1, 31))
    [text] = pc.texts(data)
    pc.assert_contains(text, "SỔ THEO DÕI HỒ SƠ", "Không có hồ sơ nào", "Trang 1/1")


def test_a_ledger_is_dated_the_day_it_is_printed(agency):
    """A year's ledger printed on 3 December says "…, ngày 03 tháng 12 năm 2026" in its
    header, not the 31st (which is still to come)."""
    text = pc.texts(
        printing.ledger_pdf(
            [], agency, date(2026, 1, 1), date(2026, 12, 31), printed_on=date(2026, 12, 3)
        )
    )[0]
    dated = [line for line in text.splitlines() if ", ngày" in line]
    assert dated and "ngày 03 tháng 12 năm 2026" in dated[0]
    assert (
        "Từ ngày 01 tháng 01 năm 2026 đến ngày 31 tháng 12 năm 2026" in text
        or "31 tháng 12 năm 2026" in text
    )  # the range itself is still printed


# --- the daily handoff list ------------------------------------------------------------------


@pytest.fixture
def handoff_day(services, clock, intake):
    """Mon 23/11/2026: 5 dossiers to Tư pháp, 2 to Công an xã; 3 results back from Tư pháp."""
    tp = [intake(name=f"{NAME} {i}").code for i in range(5)]
    ca = [intake(name=f"Trần Văn An {i}", proc="1.004222").code for i in range(2)]
    clock.set(datetime(2026, 11, 23, 9, 30))
    services.dossiers.handoff(tp, TP, receiver="Lý Văn Bình", redirect=True)
    services.dossiers.handoff(ca, "Công an xã", receiver="Hoàng Văn Công", redirect=True)
    clock.set(datetime(2026, 11, 23, 16, 10))
    services.dossiers.receive_result(tp[:3], giver="Lý Văn Bình")
    return tp, ca


def test_daily_list_per_department_with_sections_totals_signatures_and_two_copies(
    services, agency, handoff_day
):
    tp, ca = handoff_day
    day = date(2026, 11, 23)
    entries = services.dossiers.handoffs_on(day, TP)
    assert len(entries) == 8
    data = printing.handoff_list_pdf(entries, agency, day, TP)
    assert set(pc.page_sizes(data)) == {pc.A4_LANDSCAPE}
    texts = pc.texts(data)
    half = len(texts) // 2
    assert len(texts) == 2 * half
    copies = [" ".join(texts[:half]), " ".join(texts[half:])]
    for text, copy in zip(copies, ["Liên 1: Lưu", "Liên 2: Giao bên nhận"], strict=True):
        pc.assert_nfc(text)
        pc.assert_contains(
            text,
            "DANH SÁCH BÀN GIAO HỒ SƠ",
            copy,
            "Vi Hương, ngày 23 tháng 11 năm 2026",
            "Ngày bàn giao: ngày 23 tháng 11 năm 2026",
            f"Đơn vị: {TP}",
            "Tổng số: 8 hồ sơ (bàn giao: 5; nhận kết quả về: 3)",
            f"I. HỒ SƠ BỘ PHẬN MỘT CỬA BÀN GIAO CHO {TP.upper()} (5 hồ sơ)",
            f"II. KẾT QUẢ {TP.upper()} TRẢ VỀ BỘ PHẬN MỘT CỬA (3 hồ sơ)",
            "STT",
            "Mã hồ sơ",
            "Nội dung (thủ tục hành chính)",
            "Số bộ",
            "Người nộp hồ sơ",
            "Địa chỉ",
            "Số điện thoại",
            "Ngày nhận hồ sơ",
            "Ngày hẹn trả",
            "Bên giao ký",
            "Bên nhận ký",
            "Ghi chú",
            "Cộng mục I: 5 hồ sơ",
            "Cộng mục II: 3 hồ sơ",
            "BÊN GIAO (Bộ phận Một cửa)",
            f"BÊN NHẬN ({TP})",
            f"BÊN GIAO ({TP})",
            "BÊN NHẬN (Bộ phận Một cửa)",
            "Tổng cộng: 8 hồ sơ",
            f"Trang 1/{half}",
            f"{NAME} 0",
            ADDRESS,
            PHONE,
            "Giao lúc 09:30",
            "Nhận lúc 16:10",
            "Lý Văn Bình",
            "Nông Thị Thư",
            "23/11/2026",
        )
        assert sorted(pc.CODE_RE.findall(text)) == sorted(tp + tp[:3])
        assert not set(ca) & set(pc.CODE_RE.findall(text))
        assert sum(int(n) for n in FOOTER_RE.findall(text)) == 8


def test_daily_list_of_all_departments_gives_each_its_own_list(services, agency, handoff_day):
    tp, ca = handoff_day
    day = date(2026, 11, 23)
    data = printing.handoff_list_pdf(services.dossiers.handoffs_on(day), agency, day)
    texts = pc.texts(data)
    # each page's footer names its list: (department, copy); lists follow one another
    groups = [LIST_FOOTER_RE.search(pc.flat(t)).groups() for t in texts]
    order = list(dict.fromkeys(groups))
    assert order == [
        (TP, "Liên 1: Lưu"),
        ("Công an xã", "Liên 1: Lưu"),
        (TP, "Liên 2: Giao bên nhận"),
        ("Công an xã", "Liên 2: Giao bên nhận"),
    ]
    for key in order:
        pages = [t for t, g in zip(texts, groups, strict=True) if g == key]
        text = " ".join(pages)
        pc.assert_contains(text, f"Đơn vị: {key[0]}", key[1], f"Trang 1/{len(pages)}")
        expected = sorted(tp + tp[:3]) if key[0] == TP else sorted(ca)
        assert sorted(pc.CODE_RE.findall(text)) == expected
        assert sum(int(n) for n in FOOTER_RE.findall(text)) == len(expected)
        if key[0] != TP:
            pc.assert_contains(
                text, "Tổng số: 2 hồ sơ (bàn giao: 2; nhận kết quả về: 0)", "Không có hồ sơ."
            )


def test_a_long_daily_list_counts_rows_on_every_page(services, clock, intake, agency):
    codes = [
        intake(name=f"{NAME} {i}", address=ADDRESS + " – xóm " + "Đông " * (i % 9)).code
        for i in range(70)
    ]
    clock.set(datetime(2026, 11, 23, 10, 0))
    services.dossiers.handoff(codes, TP, receiver="Lý Văn Nhận", redirect=True)
    day = date(2026, 11, 23)
    data = printing.handoff_list_pdf(services.dossiers.handoffs_on(day, TP), agency, day, TP)
    texts = pc.texts(data)
    per_copy = len(texts) // 2
    assert len(texts) == 2 * per_copy and per_copy >= 3
    for copy in (texts[:per_copy], texts[per_copy:]):
        counts = []
        found = []
        for i, text in enumerate(copy, start=1):
            pc.assert_contains(text, "Mã hồ sơ", "Bên nhận ký")  # headers on each page
            assert PAGE_RE.findall(text) == [(str(i), str(per_copy))]
            [n] = FOOTER_RE.findall(text)
            on_page = pc.CODE_RE.findall(text)
            assert int(n) == len(on_page)
            counts.append(len(on_page))
            found += on_page
        assert sum(counts) == 70 and found == codes
        pc.assert_contains(copy[-1], "Tổng cộng: 70 hồ sơ", "BÊN GIAO", "BÊN NHẬN")


def test_empty_day_prints_an_empty_list(services, agency):
    day = date(2026, 11, 22)
    data = printing.handoff_list_pdf([], agency, day)
    texts = pc.texts(data)
    assert len(texts) == 2
    pc.assert_contains(
        texts[0], "DANH SÁCH BÀN GIAO HỒ SƠ", "Tổng cộng: 0 hồ sơ", "Không có hồ sơ."
    )


def test_lists_carry_the_demo_mark_only_for_a_demo_agency(services, agency, handoff_day):
    day = date(2026, 11, 23)
    entries = services.dossiers.handoffs_on(day)
    rows = services.dossiers.ledger(day, day)
    demo = dataclasses.replace(agency, demo=True)
    for data, marked in [
        (printing.handoff_list_pdf(entries, agency, day), False),
        (printing.handoff_list_pdf(entries, demo, day), True),
        (printing.ledger_pdf(rows, agency, day, day), False),
        (printing.ledger_pdf(rows, demo, day, day), True),
    ]:
        for text in pc.texts(data):
            assert ("BẢN DÙNG THỬ" in text) is marked
            assert "BẢN IN LẠI" not in text


def test_lists_are_deterministic(services, agency, clock, handoff_day):
    day = date(2026, 11, 23)
    entries = services.dossiers.handoffs_on(day)
    rows = services.dossiers.ledger(day, day)
    a, b = (
        printing.handoff_list_pdf(entries, agency, day),
        printing.ledger_pdf(rows, agency, day, day),
    )
    clock.advance(days=2)
    assert printing.handoff_list_pdf(entries, agency, day) == a
    assert printing.ledger_pdf(rows, agency, day, day) == b
    assert pc.reader(a).metadata.creation_date.date() == day


def test_daily_list_of_any_length_lays_out_in_both_copies(services, clock, intake, agency):
    """Regression: a section table that had to move to the next page in copy 1 could not move
    again in copy 2 (reportlab refuses to postpone one flowable instance twice)."""
    for n in range(1, 13):
        codes = [intake(name=f"Nguyễn Văn Số {n}-{i}").code for i in range(n)]
        clock.advance(minutes=5)
        services.dossiers.handoff(codes, TP, receiver="Lý Văn Nhận", redirect=True)
        clock.advance(minutes=5)
        services.dossiers.receive_result(codes)
        entries = services.dossiers.handoffs_on(date(2026, 11, 23), TP)
        pdf = printing.handoff_list_pdf(entries, agency, date(2026, 11, 23), TP)
        texts = pc.texts(pdf)
        total = n * (n + 1)
        assert sum(f"Tổng cộng: {total} hồ sơ" in pc.flat(t) for t in texts) == 2, n
