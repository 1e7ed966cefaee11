"""Every form lays out for any content: property tests over the number of documents (1–40),
supplement items (1–30) and the length of names, addresses and departments. Each PDF is read
back: nothing lost, no signature block alone on a page, both copies whole, continuation pages
numbered with the dossier code, the barcode on the first page of each copy."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk import printing
from motcua_desk.domain.dto import DocumentLine
from tests.printing import pdfcheck as pc
from tests.printing.conftest import doc

# hypothesis draws from these: words with the full range of Vietnamese diacritics
WORDS = [
    "Nguyễn",
    "Thị",
    "Hằng",
    "Đặng",
    "Phương",
    "Thảo",
    "Huỳnh",
    "Ngọc",
    "Trâm",
    "Khánh",
    "giấy",
    "xác",
    "nhận",
    "tình",
    "trạng",
    "hôn",
    "nhân",
    "bản",
    "sao",
    "chứng",
    "thực",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "xã",
    "thôn",
    "Địa",
    "Cát",
    "đường",
    "số",
    "ngõ",
    "ngách",
]


def words(min_n: int, max_n: int, limit: int):
    return st.lists(st.sampled_from(WORDS), min_size=min_n, max_size=max_n).map(
        lambda ws: " ".join(ws)[:limit].strip() or "A"
    )


FORMS = st.sampled_from(["original", "certified_copy", "copy", "presented"])
SLOW = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def copies(texts: list[str], marker: str) -> list[list[int]]:
    """The pages of each copy, found by the copy's own label line."""
    starts = [i for i, t in enumerate(texts) if marker in pc.flat(t)]
    bounds = [*starts, len(texts)]
    return [list(range(a, b)) for a, b in zip(bounds, bounds[1:], strict=False)]


def assert_continuations_numbered(texts: list[str], pages: list[int], code: str) -> None:
    n = len(pages)
    for k, i in enumerate(pages, start=1):
        flat = pc.flat(texts[i])
        if n > 1:
            assert f"Trang {k}/{n}" in flat, (k, n)
            assert f"Mã hồ sơ: {code}" in flat
        else:
            assert not re.search(r"Trang \d+/\d+", flat)


@SLOW
@given(
    n_docs=st.integers(1, 40),
    doc_words=st.integers(2, 30),
    name=words(1, 12, 100),
    address=words(1, 60, 300),
    qr=st.booleans(),
)
def test_slip_lays_out_for_any_number_of_documents(
    services, intake, agency, n_docs, doc_words, name, address, qr
):
    docs = [
        DocumentLine(
            f"Giấy {i} " + " ".join(WORDS[(i + j) % len(WORDS)] for j in range(doc_words)),
            ["original", "certified_copy", "copy", "presented"][i % 4],
            "",
            1,
        )
        for i in range(1, n_docs + 1)
    ]
    d = intake(name=name, address=address, documents=docs)
    data = printing.slip_pdf(services.dossiers.show(d.code), agency, qr=qr)
    texts = pc.texts(data)
    assert all(s == pc.A5 for s in pc.page_sizes(data))
    first, second = copies(texts, "(Liên ")
    assert len(first) == len(second)
    whole = pc.flat(" ".join(texts))
    for x in docs:
        assert whole.count(pc.flat(x.name)) == 2  # once per copy, none lost
    for pages in (first, second):
        assert pc.code128(data, pages[0]) == [d.code]
        assert_continuations_numbered(texts, pages, d.code)
        signed = [i for i in pages if "NGƯỜI TIẾP NHẬN HỒ SƠ" in pc.flat(texts[i])]
        assert len(signed) == 1
        # the signatures share their page with the closing lines of the slip
        assert "Vào Sổ theo dõi hồ sơ" in pc.flat(texts[signed[0]])
        assert "6. Đăng ký nhận kết quả tại:" in pc.flat(texts[signed[0]])
        assert signed[0] == pages[-1]


@pytest.mark.parametrize("n_docs", range(1, 41))
def test_slip_prints_for_every_document_count_from_1_to_40(services, intake, agency, n_docs):
    # every count, not a sample: 14–21 once broke, and only there (a shared flowable moved to
    # a new page twice)
    docs = [
        DocumentLine(f"Tài liệu {i}: bản sao giấy tờ chứng minh quan hệ gia đình", "copy", "", 1)
        for i in range(1, n_docs + 1)
    ]
    d = intake(documents=docs)
    data = printing.slip_pdf(services.dossiers.show(d.code), agency)
    texts = pc.texts(data)
    first, second = copies(texts, "(Liên ")
    assert len(first) == len(second)
    for pages in (first, second):
        assert pc.code128(data, pages[0]) == [d.code]
        assert_continuations_numbered(texts, pages, d.code)


@SLOW
@given(n_items=st.integers(1, 30), reason=words(1, 80, 500), contact=words(1, 8, 60))
def test_supplement_request_lays_out_for_any_number_of_items(
    services, clock, intake, agency, n_items, reason, contact
):
    d = intake()
    clock.set(datetime(2026, 11, 25, 10, 15))
    items = [
        doc(f"Mục {i}: " + " ".join(WORDS[(i * 3 + j) % len(WORDS)] for j in range(12)))
        for i in range(1, n_items + 1)
    ]
    services.dossiers.request_supplement(
        d.code, reason, items, contact_officer=contact, contact_phone="0987654321"
    )
    data = printing.supplement_pdf(services.dossiers.show(d.code), agency)
    texts = pc.texts(data)
    whole = pc.flat(" ".join(texts))
    for x in items:
        assert pc.flat(x.name) in whole
    assert pc.code128(data, 0) == [d.code]
    assert_continuations_numbered(texts, list(range(len(texts))), d.code)
    signed = [i for i, t in enumerate(texts) if "NGƯỜI HƯỚNG DẪN" in pc.flat(t)]
    assert signed == [len(texts) - 1]
    # never a page holding the signatures and nothing else
    assert (
        len(pc.flat(texts[-1]))
        > len(pc.flat("NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên)")) + len(pc.flat(contact)) + 40
    )


@SLOW
@given(steps=st.integers(1, 14), receiver=words(1, 10, 100))
def test_control_sheet_lays_out_for_any_route(services, clock, intake, agency, steps, receiver):
    d = intake()
    depts = [x.name for x in services.catalog.departments()]
    assert len(depts) >= 2
    for k in range(steps):
        clock.set(datetime(2026, 11, 23, 9, k))
        services.dossiers.handoff(
            [d.code],
            depts[k % len(depts)],
            receiver=receiver,
            giver="" if k == 0 else receiver,
            redirect=True,
        )
    clock.set(datetime(2026, 11, 23, 9, 30))
    services.dossiers.receive_result([d.code], giver=receiver)
    data = printing.control_pdf(services.dossiers.show(d.code), agency)
    texts = pc.texts(data)
    assert all(s == pc.A4 for s in pc.page_sizes(data))
    assert pc.code128(data, 0) == [d.code]
    assert_continuations_numbered(texts, list(range(len(texts))), d.code)
    assert pc.flat(" ".join(texts)).count(pc.flat(receiver)) >= steps


@SLOW
@given(department=words(3, 40, 200), steps=st.integers(1, 6))
def test_long_department_names_lay_out_on_the_control_sheet(
    services, clock, intake, agency, department, steps
):
    name = f"Phòng {department}"[:200]
    services.catalog.import_departments([{"name": name, "short": "PB"}])
    other = next(x.name for x in services.catalog.departments() if x.name != name)
    d = intake()
    for k in range(steps):
        clock.set(datetime(2026, 11, 23, 10, k))
        services.dossiers.handoff(
            [d.code],
            name if k % 2 == 0 else other,
            receiver="Lý Văn Bình",
            giver="" if k == 0 else "Hà Văn Giao",
            redirect=True,
        )
    data = printing.control_pdf(services.dossiers.show(d.code), agency)
    texts = pc.texts(data)
    assert pc.code128(data, 0) == [d.code]
    assert_continuations_numbered(texts, list(range(len(texts))), d.code)
    assert pc.flat(name) in pc.flat(" ".join(texts))
