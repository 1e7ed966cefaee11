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
    for needle in ("Thành phần hồ sơ", "Thời hạn giải quyết", "Phí, lệ phí", "Nơi nộp hồ sơ",
                   "Nơi trả kết quả", "Căn cứ pháp lý", "Hình thức", "Số lượng"):
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
    r = run(db_path, "print", "notice-board", "--field", loose, "--hotline", "02093870123",
            "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "notice board:" in r.stdout
    text = pc.flat(" ".join(pc.texts(out.read_bytes())))
    assert f"Lĩnh vực: {field}" in text and "02093870123" in text
    others = {p.field for p in services.catalog.list()} - {field}
    assert not any(f"Lĩnh vực: {o}" in text for o in others)
    before = row_counts(db_path)
    bad = tmp_path / "none.pdf"
    r = run(db_path, "print", "notice-board", "--field", "Không có lĩnh vực này", "--out",
            str(bad))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert not bad.exists() and row_counts(db_path) == before
    r = run(db_path, "print", "notice-board", "--out", str(tmp_path / "all.pdf"))
    assert r.returncode == 0, r.stderr
