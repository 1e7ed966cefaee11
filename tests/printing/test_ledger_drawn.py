"""The ledger's rows drawn straight on the canvas (printing.ruled) print the paper the platypus
tables printed (tests/printing/ledger_reference.py): lines broken as Paragraph breaks them, the
same rows on the same pages for any row count and cell length, and pages that look the same
once rendered. Every row's code once across the pages, "Trang x/y" right on each page."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ImageChops

from motcua_desk import printing
from motcua_desk.app import open_services
from motcua_desk.printing import fonts
from motcua_desk.printing.layout import esc, make_styles
from motcua_desk.printing.ruled import Breaker, Face
from motcua_desk.services import IntakeRequest
from tests.helpers import AGENCY, FakeClock
from tests.printing import pdfcheck as pc
from tests.printing.conftest import ADDRESS, NAME, PHONE, TP
from tests.printing.ledger_reference import ledger_pdf_tables
from tests.printing.test_layout_property import WORDS

PAGE_RE = re.compile(r"Trang (\d+)/(\d+)")
FOOTER_RE = re.compile(r"Số hồ sơ trong trang: (\d+)")
PRINTED = date(2026, 12, 3)
FAST = settings(max_examples=60, deadline=None, derandomize=True)
SLOW = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# words of every length a cell meets: Vietnamese words, numbers, a code, an unbroken run
TOKENS = st.one_of(
    st.sampled_from(WORDS + ["12,", "ĐT:", "0912345678", "-", "(Đông", "Hưng)", "số&nhà"]),
    st.text("Nguyễnđặng0-", min_size=12, max_size=60),
)


def text_of(min_n: int, max_n: int):
    return st.lists(TOKENS, min_size=min_n, max_size=max_n).map(" ".join)


def paragraph_lines(parts: list[str], room: float, style) -> list[tuple[str, float]]:
    """The lines a Paragraph of the parts draws, each with its word spacing (reportlab's
    rule: a line past its room, shrunk, is spaced by its overflow over its spaces)."""
    para = printing.layout.P("<br/>".join(esc(p) for p in parts), style)
    para.wrap(room, 1e9)
    bl = para.blPara
    if bl.kind == 0:
        lines = [(" ".join(words), extra, len(words)) for extra, words in bl.lines]
    else:
        lines = [
            ("".join(f.text for f in ln.words), ln.extraSpace, ln.wordCount) for ln in bl.lines
        ]
    return [(t, e / (n - 1) if e < -1e-8 and n > 1 else 0.0) for t, e, n in lines]


@pytest.fixture(scope="module")
def breaker():
    fonts.register_fonts()
    style = make_styles(9).cell
    return Breaker(Face(fonts.REGULAR, 8, 8 * 1.18), style), style


@FAST
@given(
    parts=st.lists(text_of(1, 40), min_size=1, max_size=3),
    room=st.floats(40, 160),
)
def test_cells_break_as_a_paragraph_breaks_them(breaker, parts, room):
    b, style = breaker
    parts = [printing.layout.clean(p) for p in parts]
    parts = [p for p in parts if p] or ["A"]
    mine = b.lines(parts, room)
    theirs = paragraph_lines(parts, room, style)
    assert [t.rstrip() for t, _ in mine] == [t.rstrip() for t, _ in theirs]
    assert [round(ws, 6) for _, ws in mine] == [round(ws, 6) for _, ws in theirs]


# --- whole ledgers, against the platypus tables --------------------------------------------


@pytest.fixture(scope="module")
def base_rows(tmp_path_factory):
    """Two real ledger rows: one still at the desk, one returned (columns 9 and 10 filled)."""
    clock = FakeClock()
    clock.set(datetime(2026, 11, 2, 8, 0))
    svc = open_services(tmp_path_factory.mktemp("drawn") / "desk.sqlite3", clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        codes = [
            svc.dossiers.intake(
                IntakeRequest("1.004873", NAME, address=ADDRESS, phone=PHONE)
            ).dossier.code
            for _ in range(2)
        ]
        svc.dossiers.handoff(codes[1:], TP, receiver="Lý Văn Nhận", redirect=True)
        clock.advance(hours=2)
        svc.dossiers.receive_result(codes[1:])
        svc.dossiers.return_result(codes[1], NAME)
        rows = svc.dossiers.ledger(date(2026, 11, 2), date(2026, 11, 2))
        return rows, svc.settings.agency()
    finally:
        svc.close()


def make_rows(base, n: int, names: list[str], addresses: list[str], procs: list[str]):
    out = []
    for i in range(n):
        view = base[i % 2]
        received = view.received_at + timedelta(minutes=3 * i)
        out.append(
            dataclasses.replace(
                view,
                code=f"{AGENCY['agency_id']}-{received:%y%m%d}-{i + 1:04d}",
                ledger_number=i + 1,
                applicant_name=f"{names[i % len(names)]} {i}",
                address=addresses[i % len(addresses)],
                procedure_name=procs[i % len(procs)],
                received_at=received,
            )
        )
    return out


def both(rows, agency):
    a, b = rows[0].received_at.date(), rows[-1].received_at.date()
    drawn = printing.ledger_pdf(rows, agency, a, b, printed_on=PRINTED)
    tables = ledger_pdf_tables(rows, agency, a, b, printed_on=PRINTED)
    return drawn, tables


@SLOW
@given(
    n=st.integers(1, 70),
    names=st.lists(text_of(1, 30), min_size=1, max_size=4),
    addresses=st.lists(text_of(1, 50), min_size=1, max_size=4),
    procs=st.lists(text_of(3, 40), min_size=1, max_size=3),
)
def test_every_row_once_on_the_pages_the_tables_gave_it(base_rows, n, names, addresses, procs):
    base, agency = base_rows
    rows = make_rows(base, n, names, addresses, procs)
    drawn, tables = both(rows, agency)
    texts = [p.extract_text() for p in pc.reader(drawn).pages]
    pages = len(texts)
    assert pages == pc.page_count(tables)
    codes = [r.code for r in rows]
    seen: list[str] = []
    for i, (text, ref) in enumerate(zip(texts, pc.pdfium_texts(tables), strict=True), start=1):
        assert PAGE_RE.findall(text) == [(str(i), str(pages))]
        on_page = pc.CODE_RE.findall(text)
        assert on_page == pc.CODE_RE.findall(ref)  # the same rows on the same page
        assert FOOTER_RE.findall(text) == [str(len(on_page))]
        seen += on_page
    assert seen == codes  # each code exactly once, in ledger order
    assert f"Tổng cộng: {n} hồ sơ" in pc.flat(texts[-1])


def test_pages_look_the_same_as_the_tables_printed_them(base_rows):
    base, agency = base_rows
    names = [
        "Công ty trách nhiệm hữu hạn một thành viên thương mại dịch vụ Đông Hưng Thuận",
        "Nguyễnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn Văn A",  # wider than its column
        NAME,
    ]
    addresses = [
        ADDRESS,
        "Số nhà 123, ngõ 45, đường Nguyễn Văn Cừ, phường Ngọc Lâm, quận Long Biên, "
        "thành phố Hà Nội, Việt Nam",
    ]
    rows = make_rows(base, 45, names, addresses, [base[0].procedure_name])
    drawn, tables = both(rows, agency)
    assert pc.page_count(drawn) == pc.page_count(tables) >= 2
    for page in (0, 1):
        a = pc.render(drawn, page, dpi=100).convert("L")
        b = pc.render(tables, page, dpi=100).convert("L")
        hist = ImageChops.difference(a, b).histogram()
        # anti-aliasing where rules cross aside, the same pixels
        assert sum(hist[1:]) < a.size[0] * a.size[1] / 2000, sum(hist[1:])
        assert sum(hist[128:]) == 0
