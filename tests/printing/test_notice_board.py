"""Bảng niêm yết thủ tục hành chính: the catalog per field on A4, read back from the PDF."""

from __future__ import annotations

from datetime import date

from tests.helpers import row_counts
from tests.printing import pdfcheck as pc
from tests.printing.test_cli_print import run


def test_every_procedure_of_the_catalog_with_what_the_citizen_needs(services, agency):
    from motcua_desk import printing

    procedures = services.catalog.list()
    pdf = printing.notice_board_pdf(procedures, agency, date(2026, 11, 23), "0209 3870 123")
    sizes = pc.page_sizes(pdf)
    assert sizes and all(s == pc.A4 for s in sizes)
    pages = pc.texts(pdf)
    text = pc.flat(" ".join(pages))
    pc.assert_nfc(text)
    assert "BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH" in text
    assert "0209 3870 123" in text
    fields = {p.field for p in procedures}
    for f in fields:
        assert f"Lĩnh vực: {f}" in text
    for p in procedures:
        assert pc.flat(p.name) in text and p.code in text
        for d in p.documents[:2]:
            assert pc.flat(d.name)[:40] in text
    for needle in (
        "Thành phần hồ sơ",
        "Thời hạn giải quyết",
        "Phí, lệ phí",
        "Nơi nộp hồ sơ",
        "Nơi trả kết quả",
        "Căn cứ pháp lý",
        "Hình thức",
        "Số lượng",
    ):
        assert needle in text
    with_basis = [p for p in procedures if p.legal_basis]
    if with_basis:
        assert pc.flat(with_basis[0].legal_basis[0])[:30] in text
    # each field starts a page of its own
    starts = [i for i, t in enumerate(pages) if "BẢNG NIÊM YẾT" in t]
    assert len(starts) == len(fields)


def test_the_command_prints_one_field_and_refuses_an_unknown_one(services, db_path, tmp_path):
    field = services.catalog.list()[0].field
    out = tmp_path / "board.pdf"
    loose = "".join(ch for ch in field.lower())  # any case works
    r = run(
        db_path,
        "print",
        "notice-board",
        "--field",
        loose,
        "--hotline",
        "02093870123",
        "--out",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    assert "notice board:" in r.stdout
    text = pc.flat(" ".join(pc.texts(out.read_bytes())))
    assert f"Lĩnh vực: {field}" in text and "02093870123" in text
    others = {p.field for p in services.catalog.list()} - {field}
    assert not any(f"Lĩnh vực: {o}" in text for o in others)
    before = row_counts(db_path)
    bad = tmp_path / "none.pdf"
    r = run(db_path, "print", "notice-board", "--field", "Không có lĩnh vực này", "--out", str(bad))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert not bad.exists() and row_counts(db_path) == before
    r = run(db_path, "print", "notice-board", "--out", str(tmp_path / "all.pdf"))
    assert r.returncode == 0, r.stderr


# --- the processing time as the public reads it ------------------------------------------------
# What a maintainer's note looks like in the seed catalog's history: none of it may be printed.
INTERNAL = (
    "ước tính",
    "mô hình hóa",
    "quy ước của dự án",
    "dichvucong",
    "chưa đối chiếu",
    "kiểm tra lại",
    "bộ dữ liệu",
    "trang thủ tục",
    "trang chi tiết",
    "[",
    "]",
)


def _board_text(procedures, agency) -> str:
    from motcua_desk import printing

    pdf = printing.notice_board_pdf(procedures, agency, date(2026, 12, 2), "0209 3870 123")
    return pc.flat(" ".join(pc.texts(pdf)))


def _time_lines(text: str) -> list[str]:
    """What follows each "Thời hạn giải quyết:" up to the fee line."""
    parts = text.split("Thời hạn giải quyết:")[1:]
    return [p.split("Phí, lệ phí:")[0].strip() for p in parts]


def test_the_printed_time_is_the_public_wording_and_nothing_else(services, agency):
    from motcua_desk.domain.catalog import public_time

    procedures = services.catalog.list()
    text = _board_text(procedures, agency)
    lines = _time_lines(text)
    assert len(lines) == len(procedures)
    for line in lines:
        for marker in INTERNAL:
            assert marker not in line, line
    for p in procedures:
        shown = pc.flat(public_time(p.time_text, p.time_label))
        # exactly the wording: never "3 ngày làm việc (03 ngày làm việc kể từ …)"
        assert f"Thời hạn giải quyết: {shown} Phí, lệ phí:" in text
    # where the law counts days, not working days, the board says what the law says
    by_code = {p.code: p for p in procedures}
    assert (
        public_time(by_code["2.001263"].time_text, by_code["2.001263"].time_label)
        == "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ"
    )
    assert "Thời hạn giải quyết: 30 ngày làm việc" not in text
    # a procedure without a wording of its own: the statutory time from amount and unit
    assert public_time("", "3 ngày làm việc") == "3 ngày làm việc"


def test_the_seed_catalog_keeps_its_notes_apart(services):
    """Every internal note of the seed is in time_note (kept for the maintainers, printed
    nowhere), not in time_text."""
    import json

    from motcua_desk import paths

    data = json.loads((paths.catalog_dir() / "procedures.json").read_text("utf-8"))
    notes = 0
    for item in data["procedures"]:
        for marker in INTERNAL:
            assert marker not in item.get("time_text", ""), (item["code"], marker)
        notes += bool(item.get("time_note"))
    assert notes >= 15


def test_an_older_catalogs_bracketed_note_is_not_printed(services, agency):
    from dataclasses import replace

    from motcua_desk.domain.catalog import public_time

    p = services.catalog.list()[0]
    old = replace(
        p,
        time_text="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ "
        "[ước tính của chúng tôi – đối chiếu quyết định công bố của tỉnh]",
    )
    line = _time_lines(_board_text([old], agency))[0]
    assert line == "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
    assert public_time("[ghi chú nội bộ]", "Trong ngày") == "Trong ngày"
