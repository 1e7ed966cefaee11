"""Issue 14, digitised papers: real PDFs (made with reportlab, images of known resolution and
colour on each page) and real images (Pillow, known dpi) attached to a dossier's document
lines on a real SQLite file; the files content-addressed beside it; every warning case; reuse
by CCCD; verify of the files; backup and restore carry them; bad files change nothing."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from motcua_desk.app import open_services
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.services import IntakeRequest
from motcua_desk.services.digitisation import DigitisationService
from motcua_desk.store.blobs import BlobStore, BlobStoreFull, files_dir
from tests.helpers import AGENCY, FakeClock, table_dump

CCCD = "001099012345"


def image(dpi: int, colour: bool, width_in: float = 8.27) -> Image.Image:
    px = max(8, int(width_in * dpi))
    if colour:
        im = Image.new("RGB", (px, int(px * 1.414)), (245, 235, 220))
        im.paste((200, 20, 20), (px // 3, px // 3, px // 2, px // 2))  # a red seal
        return im
    return Image.new("L", (px, int(px * 1.414)), 250)


def pdf_of(pages: list[tuple[int, bool]]) -> bytes:
    """A scanner's PDF: one image per A4 page, at the given dpi and colour."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for dpi, colour in pages:
        buf = io.BytesIO()
        image(dpi, colour).save(buf, "PNG")
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return out.getvalue()


def png(path: Path, dpi: int, colour: bool = True, stated: bool = True) -> Path:
    im = image(dpi, colour)
    if stated:
        im.save(path, dpi=(dpi, dpi))
    else:
        im.save(path)
    return path


@pytest.fixture
def desk(services):
    return DigitisationService.from_services(services)


def _dossier(services, name="Nguyễn Thị Hằng Đặng", id_number=CCCD) -> str:
    req = IntakeRequest("1.004873", name, id_number=id_number)
    return services.dossiers.intake(req).dossier.code


def _blobs(db_path: Path) -> list[str]:
    return BlobStore(files_dir(db_path)).all()


def test_a_pdf_is_kept_as_given_and_named_by_its_hash(services, desk, db_path, tmp_path):
    code = _dossier(services)
    data = pdf_of([(300, True), (300, True)])
    (tmp_path / "scan.pdf").write_bytes(data)
    done = desk.attach(code, 0, [tmp_path / "scan.pdf"], pages=2)
    assert done.warnings == () and done.pages == 2 and round(done.lowest_dpi) == 300
    [f] = done.paper.files
    assert f.sha256 == hashlib.sha256(data).hexdigest() and f.size == len(data)
    assert desk.file_path(f.sha256).read_bytes() == data
    assert _blobs(db_path) == [f.sha256]
    assert done.paper.state == "scanned" and done.paper.pages == 2
    detail = services.dossiers.show(code)
    assert "chưa ký số" in detail.events[-1].summary and "2 trang" in detail.events[-1].summary


@pytest.mark.parametrize(
    "pages,declared,stamped,expected",
    [
        ([(300, True)] * 3, 3, True, ()),
        ([(300, True)] * 3, 4, False, ("page_count",)),
        ([(300, True), (150, True)], 2, False, ("low_dpi",)),
        ([(199, True)], 1, False, ("low_dpi",)),
        ([(200, True)], 1, False, ()),
        ([(300, True), (300, False)], 2, True, ("stamped_bw",)),
        ([(300, False)], 1, False, ()),  # not stamped: grey is fine
        ([(100, False)] * 2, 5, True, ("page_count", "low_dpi", "stamped_bw")),
    ],
)
def test_every_warning_from_a_real_pdf(
    services, desk, tmp_path, pages, declared, stamped, expected
):
    code = _dossier(services)
    (tmp_path / "s.pdf").write_bytes(pdf_of(pages))
    done = desk.attach(code, 0, [tmp_path / "s.pdf"], pages=declared, stamped=stamped)
    assert done.warnings == expected
    assert done.paper.warnings == expected  # recorded with the event
    assert done.pages == len(pages)


def test_images_become_one_pdf_in_order_each_page_at_its_own_size(services, desk, tmp_path):
    code = _dossier(services)
    files = [
        png(tmp_path / "1.png", 300),
        png(tmp_path / "2.png", 150, colour=False),
        png(tmp_path / "3.jpg", 240),
    ]
    done = desk.attach(code, 1, files, pages=3, stamped=True)
    assert set(done.warnings) == {"low_dpi", "stamped_bw"}
    stored = desk.file_path(done.paper.files[0].sha256).read_bytes()
    reader = PdfReader(io.BytesIO(stored))
    assert len(reader.pages) == 3
    # every page an A4 (the 150 dpi image is not shrunk to half the page)
    for page in reader.pages:
        assert abs(float(page.mediabox.width) / 72 - 8.27) < 0.05


def test_an_image_without_a_stated_resolution_is_taken_as_an_a4_width(services, desk, tmp_path):
    code = _dossier(services)
    done = desk.attach(code, 0, [png(tmp_path / "x.png", 120, stated=False)], pages=1)
    assert done.warnings == ("low_dpi",) and round(done.lowest_dpi) == 120


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pages=st.lists(
        st.tuples(st.sampled_from([96, 150, 199, 200, 300]), st.booleans()), min_size=1, max_size=20
    ),
    declared=st.integers(0, 22),
    stamped=st.booleans(),
)
def test_warnings_over_page_counts_dpi_and_colour(
    services, desk, tmp_path, pages, declared, stamped
):
    """Property over scans of 1–20 pages: the warnings are exactly the rule's."""
    code = _dossier(services)
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf_of(pages))
    done = desk.attach(code, 0, [path], pages=declared, stamped=stamped)
    expected = []
    if declared and declared != len(pages):
        expected.append("page_count")
    if min(d for d, _ in pages) < 200:
        expected.append("low_dpi")
    if stamped and not all(c for _, c in pages):
        expected.append("stamped_bw")
    assert done.warnings == tuple(expected)
    assert done.pages == len(pages)


BAD_FILES = {
    "missing": None,
    "empty": b"",
    "text": b"hello",
    "damaged_pdf": b"%PDF-1.4\n1 0 obj <<>> garbage",
    "not_an_image": b"\x89PNG\r\n\x1a\nnot really",
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_changes_nothing(services, desk, db_path, tmp_path, case):
    code = _dossier(services)
    suffix = {"text": ".txt", "not_an_image": ".png"}.get(case, ".pdf")
    path = tmp_path / f"bad{suffix}"
    if BAD_FILES[case] is not None:
        path.write_bytes(BAD_FILES[case])
    before = table_dump(db_path)
    with pytest.raises(ValidationError) as err:
        desk.attach(code, 0, [path])
    assert path.name in str(err.value)
    assert table_dump(db_path) == before and _blobs(db_path) == []


def test_wrong_lines_and_mixed_files_are_refused(services, desk, tmp_path):
    code = _dossier(services)
    good = tmp_path / "g.pdf"
    good.write_bytes(pdf_of([(300, True)]))
    for line in (-1, 99):
        with pytest.raises(ValidationError):
            desk.attach(code, line, [good])
    with pytest.raises(ValidationError):
        desk.attach(code, 0, [good, png(tmp_path / "a.png", 300)])
    with pytest.raises(NotFound):
        desk.attach("000.17.22.H56-261123-9999", 0, [good])
    with pytest.raises(ValidationError):
        desk.mark(code, 0, "scanned")


def test_shown_classified_and_the_rates(services, desk, tmp_path, clock):
    scan = tmp_path / "s.pdf"
    scan.write_bytes(pdf_of([(300, True)]))
    a, b, c = (_dossier(services, n) for n in ("Lò Văn A", "Lò Văn Bê", "Lò Văn Cê"))
    papers = desk.papers(a)
    for p in papers:  # a: every paper scanned or exempt
        if not p.exempt:
            desk.attach(a, p.index, [scan])
    desk.attach(b, 0, [scan])  # b: one of its papers still to do
    for p in desk.papers(c):  # c: every paper marked exempt
        desk.mark(c, p.index, "classified")
    rates = desk.rates(date(2026, 11, 1), date(2026, 11, 30))
    assert (rates.counted, rates.digitised, rates.reusing, rates.exempt) == (2, 1, 0, 1)
    assert rates.digitisation_rate == 0.5
    assert [p.state for p in desk.papers(c)] == ["classified"] * len(papers)


def test_reuse_from_the_same_citizen_only(services, desk, tmp_path):
    scan = tmp_path / "s.pdf"
    scan.write_bytes(pdf_of([(300, True), (300, True)]))
    first = _dossier(services)
    done = desk.attach(first, 0, [scan], pages=2)
    second = _dossier(services)
    other = _dossier(services, "Hà Thị Khác", id_number="012345678901")
    offers = desk.offers(second)
    assert [(o.from_code, o.from_index) for o in offers] == [(first, 0)]
    assert desk.offers(other) == []
    reused = desk.reuse(second, 0, first, 0)
    assert reused.state == "reused" and reused.reused_from == first
    assert reused.files == done.paper.files  # the same file, not a copy
    with pytest.raises(ValidationError):
        desk.reuse(other, 0, first, 0)
    with pytest.raises(ValidationError):
        desk.reuse(second, 1, first, 2)  # nothing digitised there
    rates = desk.rates(date(2026, 11, 1), date(2026, 11, 30))
    assert rates.reusing == 1


def test_verify_finds_a_missing_and_a_corrupt_file(services, desk, db_path, tmp_path):
    code = _dossier(services)
    for i, pages in enumerate(([(300, True)], [(300, True), (300, True)])):
        (tmp_path / f"{i}.pdf").write_bytes(pdf_of(pages))
        desk.attach(code, i, [tmp_path / f"{i}.pdf"])
    assert desk.verify_files() == []
    first, second = (p.files[0].sha256 for p in desk.papers(code)[:2])
    desk.blobs.path(first).unlink()
    path = desk.blobs.path(second)
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    problems = {(p.document, p.problem) for p in desk.verify_files()}
    assert problems == {(0, "missing"), (1, "corrupt")}


def test_backup_and_restore_carry_the_files(services, desk, db_path, tmp_path, clock):
    from motcua_desk.services.maintenance import restore_file

    code = _dossier(services)
    (tmp_path / "s.pdf").write_bytes(pdf_of([(300, True)]))
    sha = desk.attach(code, 0, [tmp_path / "s.pdf"]).paper.files[0].sha256
    backup = services.maintenance.backup(tmp_path / "b" / "backup.sqlite3")
    assert BlobStore(files_dir(backup)).all() == [sha]
    services.close()
    shutil.rmtree(files_dir(db_path))  # the disk lost the files folder
    new_pc = tmp_path / "pc2" / "desk.sqlite3"
    restore_file(backup, new_pc)
    svc = open_services(new_pc, clock=clock)
    try:
        again = DigitisationService.from_services(svc)
        assert again.verify_files() == []
        assert again.file_path(sha).read_bytes() == (tmp_path / "s.pdf").read_bytes()
    finally:
        svc.close()


def test_a_full_quota_is_a_clear_refusal_and_stores_nothing(services, db_path, tmp_path):
    quota = DigitisationService(services._store, services.clock, services.dossiers, 10_000)
    code = _dossier(services)
    (tmp_path / "s.pdf").write_bytes(pdf_of([(300, True)] * 2))
    before = table_dump(db_path)
    with pytest.raises(BlobStoreFull) as err:
        quota.attach(code, 0, [tmp_path / "s.pdf"])
    assert "quota" in str(err.value)
    assert table_dump(db_path) == before and _blobs(db_path) == []


def test_blob_store_is_idempotent_and_checks_transfers(tmp_path):
    store = BlobStore(tmp_path / "f")
    a = store.put_bytes(b"one paper")
    assert store.put_bytes(b"one paper") == a and store.all() == [a.sha256]
    sha = hashlib.sha256(b"abc").hexdigest()
    with pytest.raises(ValueError):
        store.put_stream(sha, iter([b"ab", b"d"]), 3)
    assert not store.has(sha) and not list((tmp_path / "f").rglob("*.tmp"))
    assert store.put_stream(sha, iter([b"ab", b"c"]), 3).sha256 == sha
    assert store.check(sha) == "" and store.check("0" * 64) == "missing"


# --- the command line ------------------------------------------------------------------------


def test_cli_attach_list_verify(tmp_path, capsys):
    from motcua_desk.cli import main

    db = tmp_path / "d" / "desk.sqlite3"
    db.parent.mkdir()
    svc = open_services(db, clock=FakeClock())
    svc.settings.init_desk(desk_no=1, **AGENCY)
    code = _dossier(svc)
    svc.close()
    (tmp_path / "s.pdf").write_bytes(pdf_of([(150, True)]))
    run = ["--db", str(db), "digitise"]
    assert main([*run, "attach", code, "--document", "1", str(tmp_path / "s.pdf"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["warnings"] == ["low_dpi"] and out["scanned_pages"] == 1
    assert main([*run, "list", code]) == 0
    assert "Có trang quét dưới 200 dpi" in capsys.readouterr().out
    assert main([*run, "verify"]) == 0
    capsys.readouterr()
    before = table_dump(db)
    for args in (
        ["attach", code, "--document", "0", str(tmp_path / "s.pdf")],
        ["attach", code, "--document", "1", str(tmp_path / "none.pdf")],
        ["mark", code, "--document", "9", "shown"],
    ):
        assert main([*run, *args]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("motcua-desk: error: "), err
    for pages in ("0", "-2", "two"):  # 0 would read as "not given" and check nothing
        with pytest.raises(SystemExit) as exited:
            main(
                [*run, "attach", code, "--document", "1", "--pages", pages, str(tmp_path / "s.pdf")]
            )
        assert exited.value.code == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert "--pages" in err[-1] and "error:" in err[-1], err
    assert table_dump(db) == before
    BlobStore(files_dir(db)).path(out["files"][0]["sha256"]).unlink()
    assert main([*run, "verify"]) == 3
    assert "missing" in capsys.readouterr().out


def test_the_quota_is_a_setting_of_the_desk(services, db_path, tmp_path, capsys):
    code = _dossier(services)
    (tmp_path / "s.pdf").write_bytes(pdf_of([(300, True)] * 2))
    papers = DigitisationService.from_services(services)
    papers.set_quota(1)  # 1 MB: one scan fits, a second one would not
    assert DigitisationService.from_services(services).quota_bytes() == 1024**2
    for bad in (-1, 10**8, "5"):
        with pytest.raises(ValidationError):
            papers.set_quota(bad)
    papers.attach(code, 0, [tmp_path / "s.pdf"])
    from tests.perf.test_digitisation_perf import scan_pdf  # noise: it does not compress

    big = tmp_path / "big.pdf"
    big.write_bytes(scan_pdf(2))
    assert big.stat().st_size > 1024**2
    with pytest.raises(BlobStoreFull) as full:
        DigitisationService.from_services(services).attach(code, 1, [big])
    used = BlobStore(files_dir(db_path)).usage()
    assert 0 < used < 1024**2
    # the figures as `digitise quota` says them (not "0 MB of 1 MB"), and how to raise it
    assert f"take {used / 1024**2:,.1f} MB of their 1.0 MB quota" in str(full.value)
    assert f"this file ({big.stat().st_size / 1024**2:,.1f} MB)" in str(full.value)
    assert "digitise quota --set" in str(full.value)
    papers.set_quota(0)
    assert DigitisationService.from_services(services).quota_bytes() is None
    DigitisationService.from_services(services).attach(code, 1, [big])
